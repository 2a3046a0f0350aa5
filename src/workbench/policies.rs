//! The policy checker's screens: an overview with the check date and the nation's
//! law, three pages of questions, and the findings with suggested answers for L1.2 and
//! the draft policy. Every rule and grade comes from `domain::policy`.

use crate::common::{error_summary, show_errors, Errors};
use crate::ctx::W;
use crate::results::answer_word;
use crate::Page as WPage;
use carer_benchmark::domain::draft_policy::draft_policy_markdown;
use carer_benchmark::domain::export::docx::markdown_docx;
use carer_benchmark::domain::format::file_name;
use carer_benchmark::domain::model::Nation;
use carer_benchmark::domain::policy::{
    self, fields, long_date, not_checked, rules, suggested_answers, Arrangement, Field, FieldInfo, Grade, Kind,
    PolicyAnswers, Unit,
};
use carer_benchmark::i18n::WMsg;
use carer_benchmark::ui::files::download;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Page {
    Overview,
    /// One group of questions: 0 flexible working, 1 carer's leave, 2 the rest.
    Group(usize),
    Findings,
}

const GROUPS: [WMsg; 3] = [WMsg::GroupFlexible, WMsg::GroupLeave, WMsg::GroupOther];

fn group_of(f: &FieldInfo) -> usize {
    if f.id.starts_with("flexible_working.") {
        0
    } else if f.id.starts_with("carers_leave.") {
        1
    } else {
        2
    }
}

fn in_group(g: usize) -> impl Iterator<Item = &'static FieldInfo> {
    fields().iter().filter(move |f| group_of(f) == g)
}

fn answers(w: W) -> PolicyAnswers {
    w.a.with(|a| a.as_ref().and_then(|a| a.policies.clone())).unwrap_or_default()
}

fn nation(w: W) -> Nation {
    w.a.with(|a| a.as_ref().map(|a| a.organisation.nation)).unwrap_or(Nation::England)
}

fn set_policies(w: W, f: impl FnOnce(&mut PolicyAnswers)) {
    w.update(|a| {
        let mut p = a.policies.take().unwrap_or_default();
        f(&mut p);
        a.policies = (p != PolicyAnswers::default()).then_some(p);
    });
}

fn unit_word(w: W, unit: Unit, n: u32) -> &'static str {
    w.t(match (unit, n == 1) {
        (Unit::Week, true) => WMsg::UnitWeek,
        (Unit::Week, false) => WMsg::UnitWeeks,
        (Unit::Month, true) => WMsg::UnitMonth,
        (Unit::Month, false) => WMsg::UnitMonths,
        (Unit::Day, true) => WMsg::UnitDay,
        (Unit::Day, false) => WMsg::UnitDays,
        (Unit::Request, true) => WMsg::UnitRequest,
        (Unit::Request, false) => WMsg::UnitRequests,
    })
}

fn nation_name(w: W, n: Nation) -> &'static str {
    w.t(match n {
        Nation::England => WMsg::NationEngland,
        Nation::Wales => WMsg::NationWales,
        Nation::Scotland => WMsg::NationScotland,
        Nation::NorthernIreland => WMsg::NationNorthernIreland,
    })
}

pub fn grade_tag(w: W, g: Grade) -> impl IntoView {
    let (class, msg) = match g {
        Grade::Breach => ("cb-tag cb-tag--red", WMsg::GradeBreach),
        Grade::Minimum => ("cb-tag cb-tag--grey", WMsg::GradeMinimum),
        Grade::Enhanced => ("cb-tag", WMsg::GradeEnhanced),
        Grade::Coming => ("cb-tag cb-tag--blue", WMsg::GradeComing),
    };
    view! { <strong class=class>{w.t(msg)}</strong> }
}

pub fn view(w: W, page: Page) -> AnyView {
    match page {
        Page::Overview => overview(w),
        Page::Group(g) => view! { <Group w=w group=g/> }.into_any(),
        Page::Findings => findings(w),
    }
}

/// The law differs by nation; say which law applies, and how Northern Ireland differs.
fn nation_note(w: W) -> impl IntoView {
    let n = nation(w);
    let text = if n == Nation::NorthernIreland { w.t(WMsg::NationNoteNi) } else { w.t(WMsg::NationNoteGb) };
    view! {
        <div class="cb-inset" role="note">
            <p><strong>{w.tf(WMsg::CheckedForNation, &[("nation", nation_name(w, n))])}</strong></p>
            <p>{text}</p>
        </div>
    }
}

/// The check date: today unless the user picks another, to see what changes when.
fn check_date(w: W) -> impl IntoView {
    let error = RwSignal::new(false);
    view! {
        <div class="cb-field" class:cb-field--error=move || error.get()>
            <label class="cb-label" for="cb-check-date">{w.t(WMsg::CheckDateLabel)}</label>
            <p class="cb-hint" id="cb-check-date-hint">{w.t(WMsg::CheckDateHint)}</p>
            {move || error.get().then(|| view! { <p class="cb-error" id="cb-check-date-error">{w.t(WMsg::CheckDateError)}</p> })}
            <input class="cb-input cb-input--date" id="cb-check-date" type="date"
                aria-describedby=move || if error.get() { "cb-check-date-hint cb-check-date-error" } else { "cb-check-date-hint" }
                prop:value=move || w.on.get().to_string()
                on:change=move |ev| match policy::parse_date(&event_target_value(&ev)) {
                    Ok(d) => { error.set(false); w.on.set(d); }
                    Err(_) => error.set(true),
                }/>
        </div>
    }
}

fn overview(w: W) -> AnyView {
    let back = move |_| w.leave("tasks");
    view! {
        <button type="button" class="cb-back" on:click=back>{w.t(WMsg::BackToTaskList)}</button>
        <span class="cb-caption">{w.t(WMsg::PoliciesCaption)}</span>
        <h1 tabindex="-1">{w.t(WMsg::PoliciesTitle)}</h1>
        <p class="cb-lead">{w.t(WMsg::PoliciesLead)}</p>
        {nation_note(w)}
        {check_date(w)}
        <ol class="cb-task-list">
            <li class="cb-task-list__section">
                <h2 class="cb-task-list__heading">{w.t(WMsg::PoliciesQuestions)}</h2>
                <ul class="cb-task-list__items">
                    {GROUPS.iter().enumerate().map(|(g, &title)| {
                        let count = move || {
                            let p = answers(w);
                            let all: Vec<_> = in_group(g).collect();
                            let done = all.iter().filter(|f| p.level(f.field).is_some()).count();
                            w.tf(WMsg::AnsweredCount, &[("done", &done.to_string()), ("total", &all.len().to_string())])
                        };
                        view! {
                            <li class="cb-task-list__item">
                                <button type="button" class="cb-link" on:click=move |_| w.go(WPage::Policies(Page::Group(g)))>{w.t(title)}</button>
                                <span class="cb-hint">{count}</span>
                            </li>
                        }
                    }).collect_view()}
                    <li class="cb-task-list__item">
                        <button type="button" class="cb-link" on:click=move |_| w.go(WPage::Policies(Page::Findings))>{w.t(WMsg::SeeFindings)}</button>
                    </li>
                </ul>
            </li>
        </ol>
    }
    .into_any()
}

/// The text typed into each number question, kept while it is being corrected.
type Drafts = RwSignal<Vec<(Field, String)>>;

#[component]
fn Group(w: W, group: usize) -> impl IntoView {
    let start = answers(w);
    let drafts: Drafts = RwSignal::new(
        in_group(group)
            .filter(|f| matches!(f.kind, Kind::Number { .. }))
            .map(|f| (f.field, start.level(f.field).map(|l| l.to_string()).unwrap_or_default()))
            .collect(),
    );
    let errors: Errors = RwSignal::new(Vec::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errs = Vec::new();
        let mut values = Vec::new();
        for (field, text) in drafts.get_untracked() {
            let Kind::Number { unit, min, max } = field.info().kind else { continue };
            let text = text.trim();
            if text.is_empty() {
                values.push((field, None));
                continue;
            }
            match text.parse::<u32>() {
                Ok(n) if (min..=max).contains(&n) => values.push((field, Some(n))),
                _ => errs.push((
                    input_id(field),
                    w.tf(
                        WMsg::NumberError,
                        &[("min", &min.to_string()), ("max", &max.to_string()), ("unit", unit_word(w, unit, max))],
                    ),
                )),
            }
        }
        if errs.is_empty() {
            errors.set(Vec::new());
            set_policies(w, |p| {
                for (field, v) in values {
                    p.set_level(field, v);
                }
            });
            w.go(WPage::Policies(if group + 1 < GROUPS.len() { Page::Group(group + 1) } else { Page::Findings }));
        } else {
            show_errors(w, errors, errs);
        }
    };
    let error_for = move |field: Field| {
        move || errors.with(|e| e.iter().find(|(f, _)| *f == input_id(field)).map(|(_, m)| m.clone()))
    };

    view! {
        <button type="button" class="cb-back" on:click=move |_| w.go(WPage::Policies(if group == 0 { Page::Overview } else { Page::Group(group - 1) }))>
            {w.t(WMsg::Back)}
        </button>
        {error_summary(w, errors)}
        <span class="cb-caption">{w.tf(WMsg::GroupCaption, &[("n", &(group + 1).to_string()), ("total", &GROUPS.len().to_string())])}</span>
        <h1 tabindex="-1">{w.t(GROUPS[group])}</h1>
        <p class="cb-hint">{w.t(WMsg::LeaveBlankHint)}</p>
        <form novalidate on:submit=submit>
            {in_group(group).map(|f| question(w, f, drafts, error_for(f.field))).collect_view()}
            <div class="cb-button-group">
                <button type="submit" class="cb-button">{w.t(WMsg::SaveAndContinue)}</button>
                <button type="button" class="cb-link" on:click=move |_| w.go(WPage::Policies(Page::Overview))>{w.t(WMsg::BackToPolicies)}</button>
            </div>
        </form>
    }
}

fn input_id(field: Field) -> String {
    format!("cb-policy-{}", field.id().replace(['.', '_'], "-"))
}

fn question(
    w: W,
    f: &'static FieldInfo,
    drafts: Drafts,
    error: impl Fn() -> Option<String> + Copy + Send + Sync + 'static,
) -> AnyView {
    let field = f.field;
    let id = input_id(field);
    let hint = (!f.hint.is_empty()).then(|| view! { <p class="cb-hint">{f.hint}</p> });
    let level = move || answers(w).level(field);
    match f.kind {
        Kind::Number { unit, max, .. } => {
            let error_id = format!("{id}-error");
            view! {
                <div class="cb-field" class:cb-field--error=move || error().is_some()>
                    <label class="cb-label" for=id.clone()>{f.question}</label>
                    {hint}
                    {move || error().map(|e| view! { <p class="cb-error" id=error_id.clone()>{e}</p> })}
                    <div class="cb-input-suffix">
                        <input class="cb-input cb-input--short" id=id.clone() type="text" inputmode="numeric" spellcheck="false"
                            aria-invalid=move || error().is_some().then_some("true")
                            aria-describedby=move || error().map(|_| format!("{id}-error"))
                            prop:value=move || drafts.with(|d| d.iter().find(|(x, _)| *x == field).map(|(_, t)| t.clone()).unwrap_or_default())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                drafts.update(|d| if let Some(e) = d.iter_mut().find(|(x, _)| *x == field) { e.1 = v; });
                            }/>
                        <span class="cb-input-suffix__unit" aria-hidden="true">{unit_word(w, unit, max)}</span>
                    </div>
                </div>
            }
            .into_any()
        }
        Kind::YesNo | Kind::Choice => {
            let options: Vec<(u32, &'static str)> = if f.kind == Kind::YesNo {
                vec![(1, w.t(WMsg::Yes)), (0, w.t(WMsg::No))]
            } else {
                f.options.iter().enumerate().map(|(i, o)| (i as u32, o.label)).collect()
            };
            view! {
                <fieldset class="cb-field">
                    <legend class="cb-label">{f.question}</legend>
                    {hint}
                    <div class="cb-radios" class:cb-radios--inline=f.kind == Kind::YesNo>
                        {options.into_iter().map(|(value, label)| {
                            let rid = format!("{id}-{value}");
                            view! {
                                <div class="cb-radio">
                                    <input type="radio" name=id.clone() id=rid.clone() prop:checked=move || level() == Some(value)
                                        on:change=move |_| set_policies(w, |p| p.set_level(field, Some(value)))/>
                                    <label for=rid>{label}</label>
                                </div>
                            }
                        }).collect_view()}
                        <div class="cb-radio">
                            <input type="radio" name=id.clone() id=format!("{id}-unknown") prop:checked=move || level().is_none()
                                on:change=move |_| set_policies(w, |p| p.set_level(field, None))/>
                            <label for=format!("{id}-unknown")>{w.t(WMsg::NotSure)}</label>
                        </div>
                    </div>
                </fieldset>
            }
            .into_any()
        }
        Kind::Set => {
            let chosen = move || answers(w).flexible_working.arrangements.unwrap_or_default();
            view! {
                <fieldset class="cb-field">
                    <legend class="cb-label">{f.question}</legend>
                    {hint}
                    <p class="cb-hint">{w.t(WMsg::SelectAllThatApply)}</p>
                    <div class="cb-checkboxes">
                        {Arrangement::ALL.iter().copied().zip(f.options.iter()).map(|(arr, o)| {
                            let cid = format!("{id}-{}", o.id.replace('_', "-"));
                            view! {
                                <div class="cb-checkbox">
                                    <input type="checkbox" id=cid.clone() prop:checked=move || chosen().contains(&arr)
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            set_policies(w, |p| {
                                                let set = p.flexible_working.arrangements.get_or_insert_with(Default::default);
                                                if on { set.insert(arr); } else { set.remove(&arr); }
                                            });
                                        }/>
                                    <label for=cid>{o.label}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            }
            .into_any()
        }
    }
}

fn findings(w: W) -> AnyView {
    let body = move || {
        let (p, n, on) = (answers(w), nation(w), w.on.get());
        let found = policy::check(rules(), &p, n, on);
        let unchecked = not_checked(rules(), &p, n, on);
        let suggestions = suggested_answers(rules(), &p, n, on);
        let count = |g: Grade| found.iter().filter(|f| f.grade == g).count().to_string();
        let breaches = found.iter().filter(|f| f.grade == Grade::Breach).count();
        let org = w.a.with(|a| a.as_ref().map(|a| a.organisation.name.clone())).unwrap_or_default();
        let fw = w.fw();
        let download_draft = {
            let (p, found, org) = (p.clone(), found.clone(), org.clone());
            move |word: bool| {
                let md = draft_policy_markdown(&org, n, &p, &found, on);
                let name = format!("{org} carers policy");
                let _ = if word {
                    download(
                        &file_name(&name, on, "docx"),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        &markdown_docx(&md),
                    )
                } else {
                    download(&file_name(&name, on, "md"), "text/markdown;charset=utf-8", md.as_bytes())
                };
            }
        };
        let download_word = download_draft.clone();
        let apply = {
            let suggestions = suggestions.clone();
            move |_| {
                let note = w.tf(WMsg::PrefilledNote, &[("date", &long_date(on))]);
                w.update(|a| {
                    for s in &suggestions {
                        a.set_answer(s.indicator, s.answer, chrono::Utc::now());
                        a.set_evidence(s.indicator, &format!("{note} {}", s.reason), chrono::Utc::now());
                    }
                });
            }
        };
        view! {
            {(breaches > 0).then(|| view! {
                <div class="cb-warning" role="alert"><p>{w.tf(WMsg::BreachWarning, &[("count", &breaches.to_string())])}</p></div>
            })}
            <ul class="cb-inline-list cb-grade-counts">
                <li>{grade_tag(w, Grade::Breach)}" "{count(Grade::Breach)}</li>
                <li>{grade_tag(w, Grade::Minimum)}" "{count(Grade::Minimum)}</li>
                <li>{grade_tag(w, Grade::Enhanced)}" "{count(Grade::Enhanced)}</li>
                <li>{grade_tag(w, Grade::Coming)}" "{count(Grade::Coming)}</li>
            </ul>
            {(found.is_empty()).then(|| view! { <p>{w.t(WMsg::NoFindingsYet)}</p> })}
            {[Grade::Breach, Grade::Minimum, Grade::Enhanced, Grade::Coming].into_iter().map(|g| {
                let these: Vec<_> = found.iter().filter(|f| f.grade == g).cloned().collect();
                (!these.is_empty()).then(|| view! {
                    <h2>{w.t(match g {
                        Grade::Breach => WMsg::HeadingBreaches,
                        Grade::Minimum => WMsg::HeadingMinimum,
                        Grade::Enhanced => WMsg::HeadingEnhanced,
                        Grade::Coming => WMsg::HeadingComing,
                    })}</h2>
                    <ul class="cb-findings">
                        {these.into_iter().map(|f| view! {
                            <li class="cb-finding">
                                <h3>{grade_tag(w, f.grade)}" "<span class="cb-finding__id">{f.rule_id}</span>" "{f.title}</h3>
                                {f.answer.clone().map(|ans| view! { <p>{w.tf(WMsg::YourAnswer, &[("answer", &ans)])}</p> })}
                                <p><strong>{f.note.clone()}</strong></p>
                                <p>{f.explanation}</p>
                                <p class="cb-source">{w.tf(WMsg::RuleSource, &[("source", f.source), ("when", &f.when)])}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                })
            }).collect_view()}
            {(!unchecked.is_empty()).then(|| view! {
                <h2>{w.t(WMsg::NotCheckedHeading)}</h2>
                <p>{w.t(WMsg::NotCheckedText)}</p>
                <ul>{unchecked.iter().map(|r| view! { <li><span class="cb-finding__id">{r.id}</span>" "{r.title()}</li> }).collect_view()}</ul>
            })}
            <h2>{w.t(WMsg::SuggestionsHeading)}</h2>
            <p>{w.t(WMsg::SuggestionsText)}</p>
            {if suggestions.is_empty() {
                view! { <p>{w.t(WMsg::NoSuggestions)}</p> }.into_any()
            } else {
                view! {
                    <table class="cb-table">
                        <caption class="cb-visually-hidden">{w.t(WMsg::SuggestionsHeading)}</caption>
                        <thead><tr>
                            <th scope="col">{w.t(WMsg::IndicatorColumn)}</th>
                            <th scope="col">{w.t(WMsg::CurrentColumn)}</th>
                            <th scope="col">{w.t(WMsg::SuggestedColumn)}</th>
                        </tr></thead>
                        <tbody>
                            {suggestions.iter().map(|s| {
                                let question = fw.indicator(s.indicator).map(|(_, i)| i.question).unwrap_or_default();
                                let current = w.a.with(|a| a.as_ref().and_then(|a| a.answer(s.indicator)).map(|x| x.answer));
                                view! {
                                    <tr>
                                        <td><span class="cb-finding__id">{s.indicator}</span>" "{question}<p class="cb-hint">{s.reason.clone()}</p></td>
                                        <td>{answer_word(w, current)}</td>
                                        <td>{answer_word(w, Some(s.answer))}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    <button type="button" class="cb-button cb-button--secondary" on:click=apply>{w.t(WMsg::UseSuggestions)}</button>
                }.into_any()
            }}
            <h2>{w.t(WMsg::DraftHeading)}</h2>
            <p>{w.t(WMsg::DraftText)}</p>
            <div class="cb-button-group">
                <button type="button" class="cb-button cb-button--secondary" data-export="draft-docx" on:click=move |_| download_word(true)>{w.t(WMsg::DownloadDraftWord)}</button>
                <button type="button" class="cb-button cb-button--secondary" data-export="draft-md" on:click=move |_| download_draft(false)>{w.t(WMsg::DownloadDraftMarkdown)}</button>
            </div>
        }
    };
    view! {
        <button type="button" class="cb-back" on:click=move |_| w.go(WPage::Policies(Page::Overview))>{w.t(WMsg::BackToPolicies)}</button>
        <span class="cb-caption">{w.t(WMsg::PoliciesCaption)}</span>
        <h1 tabindex="-1">{w.t(WMsg::FindingsTitle)}</h1>
        {nation_note(w)}
        {check_date(w)}
        {body}
        <div class="cb-button-group">
            <button type="button" class="cb-button" on:click=move |_| w.leave("tasks")>{w.t(WMsg::BackToTaskList)}</button>
            <button type="button" class="cb-link" on:click=move |_| w.leave("results")>{w.t(WMsg::SeeResults)}</button>
        </div>
    }
    .into_any()
}

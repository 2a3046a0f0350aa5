//! The policy checker's screens: an overview with the check date and the nation's
//! law, three pages of questions, and the findings with suggested answers for L1.2 and
//! the draft policy. Every rule and grade comes from `domain::policy`.

use super::files::{download, WORD_MIME};
use super::lazy::{build_export, Export};
use super::results::answer_word;
use super::widgets::{error_summary, show_errors, Errors};
use super::Ctx;
use super::Screen;
use crate::domain::dates::{long_date, parse_date};
use crate::domain::format::file_name;
use crate::domain::model::{IndicatorAnswer, Nation, NoteEffect};
use crate::domain::policy::{
    self, fields, not_checked, rules, suggested_answers, Arrangement, Field, FieldInfo, Grade, Kind, PolicyAnswers,
    Unit,
};
use crate::i18n::{Msg, SectionMsg};
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Page {
    Overview,
    /// One group of questions: 0 flexible working, 1 carer's leave, 2 the rest.
    Group(usize),
    Findings,
}

const GROUPS: [SectionMsg; 3] = [SectionMsg::GroupFlexible, SectionMsg::GroupLeave, SectionMsg::GroupOther];

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

fn answers(ctx: Ctx) -> PolicyAnswers {
    ctx.assessment.with(|a| a.as_ref().and_then(|a| a.policies.clone())).unwrap_or_default()
}

fn nation(ctx: Ctx) -> Nation {
    ctx.assessment.with(|a| a.as_ref().map(|a| a.organisation.nation)).unwrap_or(Nation::England)
}

fn set_policies(ctx: Ctx, f: impl FnOnce(&mut PolicyAnswers)) {
    ctx.update(|a| {
        let mut p = a.policies.take().unwrap_or_default();
        f(&mut p);
        a.policies = (p != PolicyAnswers::default()).then_some(p);
    });
}

fn unit_word(ctx: Ctx, unit: Unit, n: u32) -> &'static str {
    ctx.t(match (unit, n == 1) {
        (Unit::Week, true) => SectionMsg::UnitWeek,
        (Unit::Week, false) => SectionMsg::UnitWeeks,
        (Unit::Month, true) => SectionMsg::UnitMonth,
        (Unit::Month, false) => SectionMsg::UnitMonths,
        (Unit::Day, true) => SectionMsg::UnitDay,
        (Unit::Day, false) => SectionMsg::UnitDays,
        (Unit::Request, true) => SectionMsg::UnitRequest,
        (Unit::Request, false) => SectionMsg::UnitRequests,
    })
}

fn nation_name(ctx: Ctx, n: Nation) -> &'static str {
    ctx.t(match n {
        Nation::England => SectionMsg::NationEngland,
        Nation::Wales => SectionMsg::NationWales,
        Nation::Scotland => SectionMsg::NationScotland,
        Nation::NorthernIreland => SectionMsg::NationNorthernIreland,
    })
}

pub fn grade_tag(ctx: Ctx, g: Grade) -> impl IntoView {
    let (class, msg) = match g {
        Grade::Breach => ("cb-tag cb-tag--red", SectionMsg::GradeBreach),
        Grade::Minimum => ("cb-tag cb-tag--grey", SectionMsg::GradeMinimum),
        Grade::Enhanced => ("cb-tag", SectionMsg::GradeEnhanced),
        Grade::Coming => ("cb-tag cb-tag--blue", SectionMsg::GradeComing),
    };
    view! { <strong class=class>{ctx.t(msg)}</strong> }
}

pub fn view(ctx: Ctx, page: Page) -> AnyView {
    match page {
        Page::Overview => overview(ctx),
        Page::Group(g) => view! { <Group ctx=ctx group=g/> }.into_any(),
        Page::Findings => findings(ctx),
    }
}

/// The law differs by nation; say which law applies, and how Northern Ireland differs.
fn nation_note(ctx: Ctx) -> impl IntoView {
    // Read once: the nation changes only on the organisation form, another screen. A
    // tracked read here would redraw the whole page on every change to the assessment,
    // losing focus and the findings page's Undo.
    let n = untrack(|| nation(ctx));
    let text =
        if n == Nation::NorthernIreland { ctx.t(SectionMsg::NationNoteNi) } else { ctx.t(SectionMsg::NationNoteGb) };
    view! {
        <div class="cb-inset" role="note">
            <p><strong>{ctx.tf(SectionMsg::CheckedForNation, &[("nation", nation_name(ctx, n))])}</strong></p>
            <p>{text}</p>
        </div>
    }
}

/// The check date: today unless the user picks another, to see what changes when.
fn check_date(ctx: Ctx) -> impl IntoView {
    let error = RwSignal::new(false);
    view! {
        <div class="cb-field" class:cb-field--error=move || error.get()>
            <label class="cb-label" for="cb-check-date">{ctx.t(SectionMsg::CheckDateLabel)}</label>
            <p class="cb-hint" id="cb-check-date-hint">{ctx.t(SectionMsg::CheckDateHint)}</p>
            {move || error.get().then(|| view! { <p class="cb-error" id="cb-check-date-error">{ctx.t(SectionMsg::CheckDateError)}</p> })}
            <input class="cb-input cb-input--date" id="cb-check-date" type="date"
                min=crate::domain::dates::EARLIEST.to_string() max=crate::domain::dates::LATEST.to_string()
                aria-describedby=move || if error.get() { "cb-check-date-hint cb-check-date-error" } else { "cb-check-date-hint" }
                prop:value=move || ctx.check_date.get().to_string()
                on:change=move |ev| match parse_date(&event_target_value(&ev)) {
                    Ok(d) => { error.set(false); ctx.check_date.set(d); }
                    Err(_) => error.set(true),
                }/>
        </div>
    }
}

pub fn overview(ctx: Ctx) -> AnyView {
    let back = move |_| ctx.go(Screen::Tasks);
    view! {
        <button type="button" class="cb-back" on:click=back>{ctx.t(SectionMsg::BackToTaskList)}</button>
        <span class="cb-caption">{ctx.t(SectionMsg::PoliciesCaption)}</span>
        <h1 tabindex="-1">{ctx.t(SectionMsg::PoliciesTitle)}</h1>
        <p class="cb-lead">{ctx.t(SectionMsg::PoliciesLead)}</p>
        {nation_note(ctx)}
        {check_date(ctx)}
        <ol class="cb-task-list">
            <li class="cb-task-list__section">
                <h2 class="cb-task-list__heading">{ctx.t(SectionMsg::PoliciesQuestions)}</h2>
                <ul class="cb-task-list__items">
                    {GROUPS.iter().enumerate().map(|(g, &title)| {
                        let count = move || {
                            let p = answers(ctx);
                            let all: Vec<_> = in_group(g).collect();
                            let done = all.iter().filter(|f| p.level(f.field).is_some()).count();
                            ctx.tf(SectionMsg::AnsweredCount, &[("done", &done.to_string()), ("total", &all.len().to_string())])
                        };
                        view! {
                            <li class="cb-task-list__item">
                                <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Policies(Page::Group(g)))>{ctx.t(title)}</button>
                                <span class="cb-hint">{count}</span>
                            </li>
                        }
                    }).collect_view()}
                    <li class="cb-task-list__item">
                        <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Policies(Page::Findings))>{ctx.t(SectionMsg::SeeFindings)}</button>
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
fn Group(ctx: Ctx, group: usize) -> impl IntoView {
    let start = answers(ctx);
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
                    ctx.tf(
                        SectionMsg::NumberError,
                        &[("min", &min.to_string()), ("max", &max.to_string()), ("unit", unit_word(ctx, unit, max))],
                    ),
                )),
            }
        }
        if errs.is_empty() {
            errors.set(Vec::new());
            set_policies(ctx, |p| {
                for (field, v) in values {
                    p.set_level(field, v);
                }
            });
            ctx.go(Screen::Policies(if group + 1 < GROUPS.len() { Page::Group(group + 1) } else { Page::Findings }));
        } else {
            show_errors(ctx, errors, errs);
        }
    };
    let error_for = move |field: Field| {
        move || errors.with(|e| e.iter().find(|(f, _)| *f == input_id(field)).map(|(_, m)| m.clone()))
    };

    view! {
        <button type="button" class="cb-back" on:click=move |_| ctx.go(Screen::Policies(if group == 0 { Page::Overview } else { Page::Group(group - 1) }))>
            {ctx.t(SectionMsg::Back)}
        </button>
        {error_summary(ctx, errors)}
        <span class="cb-caption">{ctx.tf(SectionMsg::GroupCaption, &[("n", &(group + 1).to_string()), ("total", &GROUPS.len().to_string())])}</span>
        <h1 tabindex="-1">{ctx.t(GROUPS[group])}</h1>
        <p class="cb-hint">{ctx.t(SectionMsg::LeaveBlankHint)}</p>
        <form novalidate on:submit=submit>
            {in_group(group).map(|f| question(ctx, f, drafts, error_for(f.field))).collect_view()}
            <div class="cb-button-group">
                <button type="submit" class="cb-button">{ctx.t(SectionMsg::SaveAndContinue)}</button>
                <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Policies(Page::Overview))>{ctx.t(SectionMsg::BackToPolicies)}</button>
            </div>
        </form>
    }
}

fn input_id(field: Field) -> String {
    format!("cb-policy-{}", field.id().replace(['.', '_'], "-"))
}

fn question(
    ctx: Ctx,
    f: &'static FieldInfo,
    drafts: Drafts,
    error: impl Fn() -> Option<String> + Copy + Send + Sync + 'static,
) -> AnyView {
    let field = f.field;
    let id = input_id(field);
    let hint = (!f.hint.is_empty()).then(|| view! { <p class="cb-hint">{f.hint}</p> });
    let level = move || answers(ctx).level(field);
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
                        <span class="cb-input-suffix__unit" aria-hidden="true">{unit_word(ctx, unit, max)}</span>
                    </div>
                </div>
            }
            .into_any()
        }
        Kind::YesNo | Kind::Choice => {
            let options: Vec<(u32, &'static str)> = if f.kind == Kind::YesNo {
                vec![(1, ctx.t(SectionMsg::Yes)), (0, ctx.t(SectionMsg::No))]
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
                                        on:change=move |_| set_policies(ctx, |p| p.set_level(field, Some(value)))/>
                                    <label for=rid>{label}</label>
                                </div>
                            }
                        }).collect_view()}
                        <div class="cb-radio">
                            <input type="radio" name=id.clone() id=format!("{id}-unknown") prop:checked=move || level().is_none()
                                on:change=move |_| set_policies(ctx, |p| p.set_level(field, None))/>
                            <label for=format!("{id}-unknown")>{ctx.t(SectionMsg::NotSure)}</label>
                        </div>
                    </div>
                </fieldset>
            }
            .into_any()
        }
        Kind::Set => {
            let chosen = move || answers(ctx).flexible_working.arrangements.unwrap_or_default();
            view! {
                <fieldset class="cb-field">
                    <legend class="cb-label">{f.question}</legend>
                    {hint}
                    <p class="cb-hint">{ctx.t(SectionMsg::SelectAllThatApply)}</p>
                    <div class="cb-checkboxes">
                        {Arrangement::ALL.iter().copied().zip(f.options.iter()).map(|(arr, o)| {
                            let cid = format!("{id}-{}", o.id.replace('_', "-"));
                            view! {
                                <div class="cb-checkbox">
                                    <input type="checkbox" id=cid.clone() prop:checked=move || chosen().contains(&arr)
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            set_policies(ctx, |p| {
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

/// The answers as they were before "Use the suggested answers", for Undo.
type BeforeSuggestions = Vec<(&'static str, Option<IndicatorAnswer>)>;

fn findings(ctx: Ctx) -> AnyView {
    let export_failed = RwSignal::new(false);
    let undo = RwSignal::new(None::<BeforeSuggestions>);
    let undone = RwSignal::new(None::<String>);
    let body = move || {
        let (p, n, on) = (answers(ctx), nation(ctx), ctx.check_date.get());
        let found = policy::check(rules(), &p, n, on);
        let unchecked = not_checked(rules(), &p, n, on);
        let suggestions = suggested_answers(rules(), &p, n, on);
        let count = |g: Grade| found.iter().filter(|f| f.grade == g).count().to_string();
        let breaches = found.iter().filter(|f| f.grade == Grade::Breach).count();
        let org = ctx.assessment.with(|a| a.as_ref().map(|a| a.organisation.name.clone())).unwrap_or_default();
        let fw = ctx.fw();
        let download_draft = {
            let (p, org) = (p.clone(), org.clone());
            move |word: bool| {
                let name = file_name(&format!("{org} carers policy"), on, if word { "docx" } else { "md" });
                let mime = if word { WORD_MIME } else { "text/markdown;charset=utf-8" };
                let export = Export::DraftPolicy { organisation: org.clone(), nation: n, answers: p.clone(), on, word };
                leptos::task::spawn_local(async move {
                    match build_export(export).await {
                        Some(bytes) => {
                            let _ = download(&name, mime, &bytes);
                        }
                        None => export_failed.set(true),
                    }
                });
            }
        };
        let download_word = download_draft.clone();
        let note_for = move |s: &policy::Suggestion| {
            format!("{} {}", ctx.tf(SectionMsg::PrefilledNote, &[("date", &long_date(on))]), s.reason)
        };
        let apply = {
            let suggestions = suggestions.clone();
            move |_| {
                let mut before = Vec::new();
                ctx.update(|a| {
                    for s in &suggestions {
                        before
                            .push((s.indicator, a.take_suggestion(s.indicator, s.answer, &note_for(s), super::now())));
                    }
                });
                undo.set(Some(before));
                undone.set(None);
            }
        };
        view! {
            {(breaches > 0).then(|| view! {
                <div class="cb-warning" role="alert"><p>{ctx.tf(SectionMsg::BreachWarning, &[("count", &breaches.to_string())])}</p></div>
            })}
            <ul class="cb-inline-list cb-grade-counts">
                <li>{grade_tag(ctx, Grade::Breach)}" "{count(Grade::Breach)}</li>
                <li>{grade_tag(ctx, Grade::Minimum)}" "{count(Grade::Minimum)}</li>
                <li>{grade_tag(ctx, Grade::Enhanced)}" "{count(Grade::Enhanced)}</li>
                <li>{grade_tag(ctx, Grade::Coming)}" "{count(Grade::Coming)}</li>
            </ul>
            {(found.is_empty()).then(|| view! { <p>{ctx.t(SectionMsg::NoFindingsYet)}</p> })}
            {[Grade::Breach, Grade::Minimum, Grade::Enhanced, Grade::Coming].into_iter().map(|g| {
                let these: Vec<_> = found.iter().filter(|f| f.grade == g).cloned().collect();
                (!these.is_empty()).then(|| view! {
                    <h2>{ctx.t(match g {
                        Grade::Breach => SectionMsg::HeadingBreaches,
                        Grade::Minimum => SectionMsg::HeadingMinimum,
                        Grade::Enhanced => SectionMsg::HeadingEnhanced,
                        Grade::Coming => SectionMsg::HeadingComing,
                    })}</h2>
                    <ul class="cb-findings">
                        {these.into_iter().map(|f| view! {
                            <li class="cb-finding">
                                <h3>{grade_tag(ctx, f.grade)}" "<span class="cb-finding__id">{f.rule_id}</span>" "{f.title}</h3>
                                {f.answer.clone().map(|ans| view! { <p>{ctx.tf(SectionMsg::YourAnswer, &[("answer", &ans)])}</p> })}
                                <p><strong>{f.note.clone()}</strong></p>
                                <p>{f.explanation}</p>
                                <p class="cb-source">{ctx.tf(SectionMsg::RuleSource, &[("source", f.source), ("when", &f.when)])}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                })
            }).collect_view()}
            {(!unchecked.is_empty()).then(|| view! {
                <h2>{ctx.t(SectionMsg::NotCheckedHeading)}</h2>
                <p>{ctx.t(SectionMsg::NotCheckedText)}</p>
                <ul>{unchecked.iter().map(|r| view! { <li><span class="cb-finding__id">{r.id}</span>" "{r.title()}</li> }).collect_view()}</ul>
            })}
            <h2>{ctx.t(SectionMsg::SuggestionsHeading)}</h2>
            <p>{ctx.t(SectionMsg::SuggestionsText)}</p>
            {if suggestions.is_empty() {
                view! { <p>{ctx.t(SectionMsg::NoSuggestions)}</p> }.into_any()
            } else {
                view! {
                    <table class="cb-table">
                        <caption class="cb-visually-hidden">{ctx.t(SectionMsg::SuggestionsHeading)}</caption>
                        <thead><tr>
                            <th scope="col">{ctx.t(SectionMsg::IndicatorColumn)}</th>
                            <th scope="col">{ctx.t(SectionMsg::CurrentColumn)}</th>
                            <th scope="col">{ctx.t(SectionMsg::SuggestedColumn)}</th>
                            <th scope="col">{ctx.t(SectionMsg::NoteColumn)}</th>
                        </tr></thead>
                        <tbody>
                            {suggestions.iter().map(|s| {
                                let question = fw.indicator(s.indicator).map(|(_, i)| i.question).unwrap_or_default();
                                let current = ctx.assessment.with(|a| a.as_ref().and_then(|a| a.answer(s.indicator)).map(|x| x.answer));
                                let effect = ctx.assessment.with(|a| a.as_ref().map(|a| a.suggestion_effect(s.indicator, s.answer, &note_for(s))));
                                let note = match effect.map(|e| e.note) {
                                    Some(NoteEffect::AddedBeneath) => SectionMsg::NoteAddedBeneath,
                                    Some(NoteEffect::Kept) => SectionMsg::NoteKept,
                                    _ => SectionMsg::NoteWritten,
                                };
                                view! {
                                    <tr>
                                        <td><span class="cb-finding__id">{s.indicator}</span>" "{question}<p class="cb-hint">{s.reason.clone()}</p></td>
                                        <td>{answer_word(ctx, current)}</td>
                                        <td>{answer_word(ctx, Some(s.answer))}</td>
                                        <td>{ctx.t(note)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    <button type="button" class="cb-button cb-button--secondary" on:click=apply>{ctx.t(SectionMsg::UseSuggestions)}</button>
                    {move || undo.get().map(|before| {
                        let ids = before.iter().map(|(i, _)| *i).collect::<Vec<_>>().join(", ");
                        let put_back = {
                            let ids = ids.clone();
                            move |_| {
                                ctx.update(|a| {
                                    for (indicator, was) in before.iter().cloned() {
                                        a.restore_answer(indicator, was, super::now());
                                    }
                                });
                                undo.set(None);
                                undone.set(Some(ids.clone()));
                            }
                        };
                        view! {
                            <div class="cb-notice" role="status">
                                <p>{ctx.tf(SectionMsg::SuggestionsUsed, &[("indicators", &ids)])}</p>
                                <button type="button" class="cb-button cb-button--secondary" on:click=put_back>{ctx.t(SectionMsg::Undo)}</button>
                            </div>
                        }
                    })}
                    {move || undone.get().map(|ids| view! {
                        <p class="cb-notice" role="status">{ctx.tf(SectionMsg::SuggestionsUndone, &[("indicators", &ids)])}</p>
                    })}
                }.into_any()
            }}
            <h2>{ctx.t(SectionMsg::DraftHeading)}</h2>
            <p>{ctx.t(SectionMsg::DraftText)}</p>
            <div class="cb-button-group">
                <button type="button" class="cb-button cb-button--secondary" data-export="draft-docx" on:click=move |_| download_word(true)>{ctx.t(SectionMsg::DownloadDraftWord)}</button>
                <button type="button" class="cb-button cb-button--secondary" data-export="draft-md" on:click=move |_| download_draft(false)>{ctx.t(SectionMsg::DownloadDraftMarkdown)}</button>
            </div>
            {move || export_failed.get().then(|| view! { <p class="cb-error" role="alert">{ctx.t(Msg::ScreenFailed)}</p> })}
        }
    };
    view! {
        <button type="button" class="cb-back" on:click=move |_| ctx.go(Screen::Policies(Page::Overview))>{ctx.t(SectionMsg::BackToPolicies)}</button>
        <span class="cb-caption">{ctx.t(SectionMsg::PoliciesCaption)}</span>
        <h1 tabindex="-1">{ctx.t(SectionMsg::FindingsTitle)}</h1>
        {nation_note(ctx)}
        {check_date(ctx)}
        {body}
        <div class="cb-button-group">
            <button type="button" class="cb-button" on:click=move |_| ctx.go(Screen::Tasks)>{ctx.t(SectionMsg::BackToTaskList)}</button>
            <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Results)>{ctx.t(SectionMsg::SeeResults)}</button>
        </div>
    }
    .into_any()
}

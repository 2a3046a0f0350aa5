//! The carer passport scheme: six short pages that set it up (starting from a scheme
//! suggested from the policy answers and the council's signposting links), and the three
//! documents it produces, printable and as Word. Every rule, default and word of the
//! documents is in `domain::passport` and `src/content/passport.toml`.

use super::files::{download, WORD_MIME};
use super::lazy::{build_export, Export};
use super::storage::FormDraft;
use super::today;
use super::widgets::{chars_left, error_for, error_summary, print, show_errors, Errors};
use super::Ctx;
use super::Screen;
use crate::domain::format::file_name;
use crate::domain::json;
use crate::domain::model::NoteAdded;
use crate::domain::passport::{
    content, current_scheme, evidenced_indicators, html, read_scheme, set_passport, validate, Contact, Part, Scheme,
};
use crate::domain::text::MAX_TEXT_CHARS;
use crate::i18n::{Msg, SectionMsg, WMsg};
use leptos::prelude::*;

/// The set-up pages, in order. Each owns the scheme's fields whose paths start with
/// its prefixes, so its error summary shows only its own problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    About,
    Fields,
    Support,
    Review,
    Storage,
    Contacts,
}

const STEPS: [Step; 6] = [Step::About, Step::Fields, Step::Support, Step::Review, Step::Storage, Step::Contacts];

impl Step {
    /// The step's name in the page's address (`address.rs`).
    pub fn id(self) -> &'static str {
        match self {
            Step::About => "about",
            Step::Fields => "fields",
            Step::Support => "support",
            Step::Review => "review",
            Step::Storage => "storage",
            Step::Contacts => "contacts",
        }
    }

    pub fn from_id(id: &str) -> Option<Step> {
        STEPS.iter().copied().find(|s| s.id() == id)
    }

    fn title(self) -> SectionMsg {
        match self {
            Step::About => SectionMsg::PassportStepAbout,
            Step::Fields => SectionMsg::PassportStepFields,
            Step::Support => SectionMsg::PassportStepSupport,
            Step::Review => SectionMsg::PassportStepReview,
            Step::Storage => SectionMsg::PassportStepStorage,
            Step::Contacts => SectionMsg::PassportStepContacts,
        }
    }

    fn owns(self, field: &str) -> bool {
        let prefixes: &[&str] = match self {
            Step::About => &["name", "eligibility"],
            Step::Fields => &["fields"],
            Step::Support => &["support"],
            Step::Review => &["review"],
            Step::Storage => &["storage"],
            Step::Contacts => &["contacts"],
        };
        prefixes
            .iter()
            .any(|p| field == *p || field.starts_with(&format!("{p}.")) || field.starts_with(&format!("{p}[")))
    }

    fn next(self) -> Option<Step> {
        STEPS.iter().position(|&s| s == self).and_then(|i| STEPS.get(i + 1).copied())
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Page {
    Overview,
    Step(Step),
    Document(Part),
}

pub fn view(ctx: Ctx, page: Page) -> AnyView {
    // The print styles of the passport's documents (`cb-print-`).
    ctx.add_stylesheet("passport-print.css");
    match page {
        Page::Overview => overview(ctx),
        Page::Step(step) => view! { <StepPage ctx=ctx step=step/> }.into_any(),
        Page::Document(part) => print_view(ctx, part),
    }
}

/// The scheme as stored, its pre-filled details brought up to date with the policy
/// answers and today's law, or the one suggested from them and the embedding council's
/// links.
fn current(ctx: Ctx) -> Option<Scheme> {
    ctx.assessment.with(|a| a.as_ref().map(|a| current_scheme(a, &ctx.signposting(), today())))
}

fn is_set_up(ctx: Ctx) -> bool {
    ctx.assessment.with(|a| a.as_ref().is_some_and(|a| a.passport.is_some()))
}

pub fn overview(ctx: Ctx) -> AnyView {
    // What "Record the scheme as evidence" did, per indicator, to say on screen.
    let recorded = RwSignal::new(None::<Vec<(&'static str, NoteAdded)>>);
    let body = move || {
        let scheme = current(ctx)?;
        let set_up = is_set_up(ctx);
        let complete = validate(&scheme).is_empty();
        let evidence = evidenced_indicators(&scheme);
        let record_evidence = {
            let evidence = evidence.iter().map(|e| (e.indicator, e.note.clone())).collect::<Vec<_>>();
            move |_| {
                let mut outcome: Vec<(&'static str, NoteAdded)> = Vec::new();
                ctx.update(|a| {
                    for (indicator, note) in &evidence {
                        outcome.push((indicator, a.add_to_note(indicator, note, super::now())));
                    }
                });
                recorded.set(Some(outcome));
            }
        };
        let fw = ctx.fw();
        Some(view! {
            {(!set_up).then(|| view! { <div class="cb-inset" role="note"><p>{ctx.t(SectionMsg::PassportSuggested)}</p></div> })}
            <ol class="cb-task-list">
                <li class="cb-task-list__section">
                    <h2 class="cb-task-list__heading">{ctx.t(SectionMsg::PassportSetUp)}</h2>
                    <ul class="cb-task-list__items">
                        {STEPS.iter().map(|&step| view! {
                            <li class="cb-task-list__item">
                                <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Passport(Page::Step(step)))>{ctx.t(step.title())}</button>
                            </li>
                        }).collect_view()}
                    </ul>
                </li>
                <li class="cb-task-list__section">
                    <h2 class="cb-task-list__heading">{ctx.t(SectionMsg::PassportDocuments)}</h2>
                    {if complete {
                        view! {
                            <ul class="cb-task-list__items">
                                {[(Part::Template, SectionMsg::PassportTemplate), (Part::Guide, SectionMsg::PassportGuide), (Part::Briefing, SectionMsg::PassportBriefing)]
                                    .into_iter().map(|(part, m)| view! {
                                        <li class="cb-task-list__item">
                                            <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Passport(Page::Document(part)))>{ctx.t(m)}</button>
                                        </li>
                                    }).collect_view()}
                            </ul>
                        }.into_any()
                    } else {
                        view! { <p>{ctx.t(SectionMsg::PassportIncomplete)}</p> }.into_any()
                    }}
                </li>
            </ol>
            {set_up.then(|| view! {
                <h2>{ctx.t(SectionMsg::PassportLaunchHeading)}</h2>
                <p>{ctx.t(SectionMsg::PassportLaunchText)}</p>
                <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Plan(super::plan::Page::List))>{ctx.t(SectionMsg::SeePlan)}</button>
                <h2>{ctx.t(SectionMsg::PassportEvidenceHeading)}</h2>
                <p>{ctx.t(SectionMsg::PassportEvidenceText)}</p>
                <ul>
                    {evidence.iter().map(|e| {
                        let question = fw.indicator(e.indicator).map(|(_, i)| i.question).unwrap_or_default();
                        view! { <li><span class="cb-finding__id">{e.indicator}</span>" "{question}<p class="cb-hint">{e.note.clone()}</p></li> }
                    }).collect_view()}
                </ul>
                <button type="button" class="cb-button cb-button--secondary" on:click=record_evidence>{ctx.t(SectionMsg::PassportRecordEvidence)}</button>
                {move || recorded.get().map(|outcome| {
                    let list = |what: NoteAdded| {
                        outcome.iter().filter(|(_, o)| *o == what).map(|(i, _)| *i).collect::<Vec<_>>().join(", ")
                    };
                    let lines = [
                        (NoteAdded::Added, SectionMsg::EvidenceRecorded),
                        (NoteAdded::AlreadyThere, SectionMsg::EvidenceAlreadyThere),
                        (NoteAdded::Unanswered, SectionMsg::EvidenceNeedsAnswer),
                    ];
                    view! {
                        <div class="cb-notice" role="status">
                            {lines.into_iter().filter(|(what, _)| !list(*what).is_empty()).map(|(what, words)| view! {
                                <p>{ctx.tf(words, &[("indicators", &list(what))])}</p>
                            }).collect_view()}
                        </div>
                    }
                })}
            })}
        })
    };
    view! {
        <button type="button" class="cb-back" on:click=move |_| ctx.go(Screen::Tasks)>{ctx.t(SectionMsg::BackToTaskList)}</button>
        <span class="cb-caption">{ctx.t(SectionMsg::PassportCaption)}</span>
        <h1 tabindex="-1">{ctx.t(SectionMsg::PassportTitle)}</h1>
        <p class="cb-lead">{ctx.t(SectionMsg::PassportLead)}</p>
        {body}
    }
    .into_any()
}

/// One set-up page. Changes are held in a draft until the page's own part of the scheme
/// is valid; then the whole scheme is stored. Until then the draft is kept for the tab
/// (`storage::FormDraft`), so a reload does not lose what was typed.
#[component]
fn StepPage(ctx: Ctx, step: Step) -> impl IntoView {
    let Some(start) = current(ctx) else { return ().into_any() };
    let id = ctx.current.get_untracked().unwrap_or_default();
    let kept = StoredValue::new(FormDraft::new(ctx.storage_key(), &id, &format!("passport:{}", step.id())));
    let restored =
        kept.with_value(|k| k.kept()).and_then(|text| json::parse(&text).ok()).and_then(|v| read_scheme(&v).ok());
    let draft = RwSignal::new(restored.unwrap_or(start));
    FormDraft::follow(kept, move || draft.with(|s| s.to_value().to_string()));
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let scheme = draft.get_untracked();
        let problems: Vec<(String, String)> = validate(&scheme)
            .into_iter()
            .filter(|p| step.owns(&p.field))
            .map(|p| (p.element_id(), p.message))
            .collect();
        if !problems.is_empty() {
            return show_errors(ctx, errors, problems);
        }
        ctx.update(|a| set_passport(a, &scheme));
        kept.with_value(FormDraft::clear);
        ctx.go(Screen::Passport(step.next().map_or(Page::Overview, Page::Step)));
    };
    let n = STEPS.iter().position(|&s| s == step).unwrap_or(0) + 1;
    let fields = match step {
        Step::About => about(ctx, draft, error_for(errors, "passport-name")).into_any(),
        Step::Fields => passport_fields(ctx, draft).into_any(),
        Step::Support => support(ctx, draft, errors).into_any(),
        Step::Review => review(ctx, draft, error_for(errors, "passport-review-months")).into_any(),
        Step::Storage => storage(ctx, draft).into_any(),
        Step::Contacts => contacts(ctx, draft, errors).into_any(),
    };
    view! {
        <button type="button" class="cb-back" on:click=move |_| ctx.go(Screen::Passport(Page::Overview))>{ctx.t(SectionMsg::BackToPassport)}</button>
        {error_summary(ctx, errors)}
        <span class="cb-caption">{ctx.tf(SectionMsg::PassportStepCaption, &[("n", &n.to_string()), ("total", &STEPS.len().to_string())])}</span>
        <h1 tabindex="-1">{ctx.t(step.title())}</h1>
        <form novalidate on:submit=submit>
            {fields}
            <div class="cb-button-group">
                <button type="submit" class="cb-button">{ctx.t(SectionMsg::SaveAndContinue)}</button>
                <button type="button" class="cb-link" on:click=move |_| {
                    kept.with_value(FormDraft::clear);
                    ctx.go(Screen::Passport(Page::Overview));
                }>{ctx.t(WMsg::Cancel)}</button>
            </div>
        </form>
    }
    .into_any()
}

type Draft = RwSignal<Scheme>;

fn error_line(e: impl Fn() -> Option<String> + Send + Sync + 'static) -> impl IntoView {
    move || e().map(|e| view! { <p class="cb-error">{e}</p> })
}

fn text_input(
    ctx: Ctx,
    id: String,
    value: impl Fn() -> String + Copy + Send + Sync + 'static,
    set: impl Fn(String) + Send + Sync + 'static,
) -> impl IntoView {
    let count = format!("{id}-count");
    view! {
        <input class="cb-input" type="text" maxlength=MAX_TEXT_CHARS id=id aria-describedby=count.clone()
            prop:value=value on:input=move |ev| set(event_target_value(&ev))/>
        {chars_left(ctx, count, value)}
    }
}

/// A text area with its count (the text is read with `value`, kept with `set`).
fn text_area(
    ctx: Ctx,
    id: &str,
    rows: &'static str,
    value: impl Fn() -> String + Copy + Send + Sync + 'static,
    set: impl Fn(String) + Send + Sync + 'static,
) -> impl IntoView {
    let count = format!("{id}-count");
    view! {
        <textarea class="cb-textarea" maxlength=MAX_TEXT_CHARS id=id.to_string() rows=rows aria-describedby=count.clone()
            prop:value=value on:input=move |ev| set(event_target_value(&ev))></textarea>
        {chars_left(ctx, count, value)}
    }
}

fn about(ctx: Ctx, d: Draft, name_error: impl Fn() -> Option<String> + Copy + Send + Sync + 'static) -> impl IntoView {
    let c = content();
    view! {
        <div class="cb-field" class:cb-field--error=move || name_error().is_some()>
            <label class="cb-label" for="passport-name">{ctx.t(SectionMsg::PassportNameLabel)}</label>
            <p class="cb-hint">{ctx.t(SectionMsg::PassportNameHint)}</p>
            {error_line(name_error)}
            {text_input(ctx, "passport-name".into(), move || d.with(|s| s.name.clone()), move |v| d.update(|s| s.name = v))}
        </div>
        <h2>{ctx.t(SectionMsg::PassportWhoHeading)}</h2>
        <p><strong>{c.eligibility.label}</strong></p>
        <p>{c.eligibility.why}</p>
        <div class="cb-field">
            <label class="cb-label" for="passport-eligibility-note">{ctx.t(SectionMsg::PassportEligibilityNote)}</label>
            {text_area(ctx, "passport-eligibility-note", "2", move || d.with(|s| s.eligibility.note.clone()), move |v| d.update(|s| s.eligibility.note = v))}
        </div>
    }
}

fn checkbox(
    id: String,
    label: &'static str,
    hint: Option<&'static str>,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    disabled: bool,
    set: impl Fn(bool) + Send + Sync + 'static,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="cb-checkbox">
            <input type="checkbox" id=id.clone() prop:checked=checked disabled=disabled
                aria-describedby=hint.map(|_| hint_id.clone()) on:change=move |ev| set(event_target_checked(&ev))/>
            <label for=id>{label}{hint.map(|h| view! { <span class="cb-hint cb-checkbox__hint" id=hint_id.clone()>{h}</span> })}</label>
        </div>
    }
}

fn passport_fields(ctx: Ctx, d: Draft) -> impl IntoView {
    view! {
        <fieldset class="cb-field">
            <legend class="cb-label">{ctx.t(SectionMsg::PassportFieldsLegend)}</legend>
            <p class="cb-hint">{ctx.t(SectionMsg::PassportFieldsHint)}</p>
            <div class="cb-checkboxes">
                {content().fields.iter().map(|f| {
                    let id = f.id;
                    checkbox(format!("passport-field-{}", id.replace('_', "-")), f.label, Some(f.why),
                        move || d.with(|s| s.has_field(id)), f.required, move |on| d.update(|s| s.set_field(id, on)))
                }).collect_view()}
            </div>
        </fieldset>
    }
}

fn support(ctx: Ctx, d: Draft, errors: Errors) -> impl IntoView {
    let new_label = RwSignal::new(String::new());
    let new_detail = RwSignal::new(String::new());
    let ids = Memo::new(move |_| d.with(|s| s.support.iter().map(|o| o.id.clone()).collect::<Vec<_>>()));
    view! {
        <p>{ctx.t(SectionMsg::PassportSupportHint)}</p>
        // Rebuilt only when offers are added or removed, so ticking a box keeps focus.
        {move || ids.get().into_iter().enumerate().map(|(i, offer_id)| {
            let (label, own) = d.with_untracked(|s| (s.support[i].label.clone(), s.support[i].is_own()));
            let on_id = format!("passport-support-{i}-on");
            let detail_id = format!("passport-support-{i}-detail");
            let error = {
                let detail_id = detail_id.clone();
                move || errors.with(|e| e.iter().find(|(f, _)| *f == detail_id).map(|(_, m)| m.clone()))
            };
            let has_error = error.clone();
            view! {
                <fieldset class="cb-field cb-offer" class:cb-field--error=move || has_error().is_some()>
                    <legend class="cb-visually-hidden">{label.clone()}</legend>
                    <div class="cb-checkbox">
                        <input type="checkbox" id=on_id.clone() prop:checked=move || d.with(|s| s.support.get(i).is_some_and(|o| o.on))
                            on:change=move |ev| { let on = event_target_checked(&ev); d.update(|s| s.support[i].on = on); }/>
                        <label for=on_id><strong>{label.clone()}</strong></label>
                    </div>
                    <label class="cb-label cb-offer__detail-label" for=detail_id.clone()>{ctx.tf(SectionMsg::PassportOfferDetail, &[("offer", &label)])}</label>
                    {error_line(error)}
                    {text_area(ctx, &detail_id, "2",
                        move || d.with(|s| s.support.get(i).map(|o| o.detail.clone()).unwrap_or_default()),
                        move |v| d.update(|s| if let Some(o) = s.support.get_mut(i) { o.detail = v }))}
                    {own.then(|| view! {
                        <button type="button" class="cb-link" on:click=move |_| { let id = offer_id.clone(); d.update(|s| { s.remove_offer(&id); }); }>
                            {ctx.t(SectionMsg::PassportRemoveOffer)}<span class="cb-visually-hidden">": "{label.clone()}</span>
                        </button>
                    })}
                </fieldset>
            }
        }).collect_view()}
        <h2>{ctx.t(SectionMsg::PassportAddOfferHeading)}</h2>
        <div class="cb-field">
            <label class="cb-label" for="passport-new-offer">{ctx.t(SectionMsg::PassportNewOfferLabel)}</label>
            {text_input(ctx, "passport-new-offer".into(), move || new_label.get(), move |v| new_label.set(v))}
        </div>
        <div class="cb-field">
            <label class="cb-label" for="passport-new-offer-detail">{ctx.t(SectionMsg::PassportNewOfferDetail)}</label>
            {text_area(ctx, "passport-new-offer-detail", "2", move || new_detail.get(), move |v| new_detail.set(v))}
        </div>
        <button type="button" class="cb-button cb-button--secondary" on:click=move |_| {
            let label = new_label.get_untracked();
            if !label.trim().is_empty() {
                d.update(|s| { s.add_offer(label.trim(), new_detail.get_untracked().trim()); });
                new_label.set(String::new());
                new_detail.set(String::new());
            }
        }>{ctx.t(SectionMsg::PassportAddOffer)}</button>
    }
}

fn review(
    ctx: Ctx,
    d: Draft,
    months_error: impl Fn() -> Option<String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let c = content();
    let months_text = RwSignal::new(d.with_untracked(|s| s.review.months.to_string()));
    let typed = RwSignal::new(d.with_untracked(|s| s.review.own_triggers.join("\n")));
    view! {
        <p>{c.review.why}</p>
        <div class="cb-field" class:cb-field--error=move || months_error().is_some()>
            <label class="cb-label" for="passport-review-months">{ctx.t(SectionMsg::PassportReviewMonths)}</label>
            <p class="cb-hint">{ctx.t(SectionMsg::PassportReviewMonthsHint)}</p>
            {error_line(months_error)}
            <input class="cb-input cb-input--short" type="text" inputmode="numeric" id="passport-review-months"
                prop:value=move || months_text.get()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    // Anything that is not a whole number is kept as 0, which validation names.
                    d.update(|s| s.review.months = v.trim().parse().unwrap_or(0));
                    months_text.set(v);
                }/>
        </div>
        <fieldset class="cb-field">
            <legend class="cb-label">{ctx.t(SectionMsg::PassportTriggersLegend)}</legend>
            <div class="cb-checkboxes">
                {c.triggers.iter().map(|t| {
                    let id = t.id;
                    checkbox(format!("passport-trigger-{}", id.replace('_', "-")), t.label, None,
                        move || d.with(|s| s.review.triggers.iter().any(|x| x == id)), false,
                        move |on| d.update(|s| {
                            s.review.triggers.retain(|x| x != id);
                            if on { s.review.triggers.push(id.to_string()); }
                        }))
                }).collect_view()}
            </div>
        </fieldset>
        <div class="cb-field">
            <label class="cb-label" for="passport-own-triggers">{ctx.t(SectionMsg::PassportOwnTriggers)}</label>
            <p class="cb-hint">{ctx.t(SectionMsg::OnePerLine)}</p>
            // Taken on change (each line becomes a trigger, blank lines dropped), counted as typed.
            <textarea class="cb-textarea" maxlength=MAX_TEXT_CHARS id="passport-own-triggers" rows="3"
                aria-describedby="passport-own-triggers-count"
                prop:value=move || d.with(|s| s.review.own_triggers.join("\n"))
                on:input=move |ev| typed.set(event_target_value(&ev))
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    d.update(|s| s.review.own_triggers = v.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect());
                }></textarea>
            {chars_left(ctx, "passport-own-triggers-count".into(), move || typed.get())}
        </div>
    }
}

fn storage(ctx: Ctx, d: Draft) -> impl IntoView {
    let st = &content().storage;
    let radios = move |legend: SectionMsg,
                       name: &'static str,
                       choices: &'static [crate::domain::passport::Choice],
                       kept: bool| {
        view! {
            <fieldset class="cb-field">
                <legend class="cb-label">{ctx.t(legend)}</legend>
                <div class="cb-radios">
                    {choices.iter().map(|c| {
                        let id = format!("passport-storage-{name}-{}", c.id.replace('_', "-"));
                        let value = c.id;
                        view! {
                            <div class="cb-radio">
                                <input type="radio" name=format!("passport-storage-{name}") id=id.clone()
                                    prop:checked=move || d.with(|s| if kept { s.storage.kept == value } else { s.storage.moves == value })
                                    on:change=move |_| d.update(|s| if kept { s.storage.kept = value.into() } else { s.storage.moves = value.into() })/>
                                <label for=id>{c.label}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        }
    };
    view! {
        <p>{st.why}</p>
        {radios(SectionMsg::PassportKeptLegend, "kept", st.kept, true)}
        <fieldset class="cb-field">
            <legend class="cb-label">{ctx.t(SectionMsg::PassportSeenByLegend)}</legend>
            <p class="cb-hint">{st.seen_by_intro}</p>
            <div class="cb-checkboxes">
                {st.seen_by.iter().map(|c| {
                    let id = c.id;
                    checkbox(format!("passport-storage-seen-by-{}", id.replace('_', "-")), c.label, None,
                        move || d.with(|s| s.storage.seen_by.iter().any(|x| x == id)), false,
                        move |on| d.update(|s| {
                            s.storage.seen_by.retain(|x| x != id);
                            if on { s.storage.seen_by.push(id.to_string()); }
                        }))
                }).collect_view()}
            </div>
        </fieldset>
        {radios(SectionMsg::PassportMovesLegend, "moves", st.moves, false)}
        <div class="cb-field">
            <label class="cb-label" for="passport-storage-note">{ctx.t(SectionMsg::PassportStorageNote)}</label>
            {text_area(ctx, "passport-storage-note", "2", move || d.with(|s| s.storage.note.clone()), move |v| d.update(|s| s.storage.note = v))}
        </div>
    }
}

fn contacts(ctx: Ctx, d: Draft, errors: Errors) -> impl IntoView {
    let kinds = content().contact_kinds;
    let count = Memo::new(move |_| d.with(|s| s.contacts.len()));
    view! {
        <p>{ctx.t(SectionMsg::PassportContactsHint)}</p>
        // Rebuilt only when a contact is added or removed.
        {move || (0..count.get()).map(|i| {
            let c = d.with_untracked(|s| s.contacts[i].clone());
            let err = move |suffix: &'static str| {
                let id = format!("passport-contacts-{i}-{suffix}");
                move || errors.with(|e| e.iter().find(|(f, _)| *f == id).map(|(_, m)| m.clone()))
            };
            view! {
                <fieldset class="cb-field cb-contact">
                    <legend class="cb-label">{ctx.tf(SectionMsg::PassportContactN, &[("n", &(i + 1).to_string())])}</legend>
                    <div class="cb-field">
                        <label class="cb-label" for=format!("passport-contacts-{i}-kind")>{ctx.t(SectionMsg::PassportContactKind)}</label>
                        <select class="cb-select" id=format!("passport-contacts-{i}-kind")
                            on:change=move |ev| { let v = event_target_value(&ev); d.update(|s| s.contacts[i].kind = v); }>
                            {kinds.iter().map(|k| view! { <option value=k.id selected=c.kind == k.id>{k.label}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="cb-field" class:cb-field--error={let e = err("name"); move || e().is_some()}>
                        <label class="cb-label" for=format!("passport-contacts-{i}-name")>{ctx.t(SectionMsg::PassportContactName)}</label>
                        {error_line(err("name"))}
                        {text_input(ctx, format!("passport-contacts-{i}-name"),
                            move || d.with(|s| s.contacts.get(i).map(|c| c.name.clone()).unwrap_or_default()),
                            move |v| d.update(|s| if let Some(c) = s.contacts.get_mut(i) { c.name = v }))}
                    </div>
                    <div class="cb-field" class:cb-field--error={let e = err("link"); move || e().is_some()}>
                        <label class="cb-label" for=format!("passport-contacts-{i}-link")>{ctx.t(SectionMsg::PassportContactLink)}</label>
                        <p class="cb-hint">{ctx.t(SectionMsg::PassportContactLinkHint)}</p>
                        {error_line(err("link"))}
                        {text_input(ctx, format!("passport-contacts-{i}-link"),
                            move || d.with(|s| s.contacts.get(i).map(|c| c.link.clone()).unwrap_or_default()),
                            move |v| d.update(|s| if let Some(c) = s.contacts.get_mut(i) { c.link = v }))}
                    </div>
                    <button type="button" class="cb-link" on:click=move |_| d.update(|s| { s.contacts.remove(i); })>
                        {ctx.t(SectionMsg::PassportRemoveContact)}<span class="cb-visually-hidden">" "{(i + 1).to_string()}</span>
                    </button>
                </fieldset>
            }
        }).collect_view()}
        <button type="button" class="cb-button cb-button--secondary" on:click=move |_| d.update(|s| s.contacts.push(Contact {
            kind: "hr".into(), name: String::new(), link: String::new(),
        }))>{ctx.t(SectionMsg::PassportAddContact)}</button>
    }
}

fn print_view(ctx: Ctx, part: Part) -> AnyView {
    let Some(scheme) = current(ctx) else { return ().into_any() };
    let body = html(&scheme, part);
    let export_failed = RwSignal::new(false);
    let word = {
        let scheme = scheme.clone();
        move |_| {
            let name = format!("{} {}", scheme.name, part.id());
            let scheme = scheme.clone();
            leptos::task::spawn_local(async move {
                match build_export(Export::PassportWord(scheme, part)).await {
                    Some(bytes) => {
                        let _ = download(&file_name(&name, today(), "docx"), WORD_MIME, &bytes);
                    }
                    None => export_failed.set(true),
                }
            });
        }
    };
    view! {
        <div class="cb-report-actions">
            <button type="button" class="cb-back" on:click=move |_| ctx.go(Screen::Passport(Page::Overview))>{ctx.t(SectionMsg::BackToPassport)}</button>
            <h1 tabindex="-1" class="cb-visually-hidden">{ctx.t(match part {
                Part::Template => SectionMsg::PassportTemplate,
                Part::Guide => SectionMsg::PassportGuide,
                Part::Briefing => SectionMsg::PassportBriefing,
            })}</h1>
            <p>{ctx.t(SectionMsg::ReportPrintHint)}</p>
            <div class="cb-button-group">
                <button type="button" class="cb-button" on:click=move |_| print()>{ctx.t(SectionMsg::PrintNow)}</button>
                <button type="button" class="cb-button cb-button--secondary" data-export="docx" on:click=word>{ctx.t(SectionMsg::DownloadWord)}</button>
            </div>
            {move || export_failed.get().then(|| view! { <p class="cb-error" role="alert">{ctx.t(Msg::ScreenFailed)}</p> })}
        </div>
        // Built and escaped by `domain::passport::html`, the same document the command line prints.
        <div class="cb-report-page cb-print-page" inner_html=body></div>
    }
    .into_any()
}

//! The action plan: every gap as an action, editable (owner, dates, status, notes,
//! remove, add your own), and the downloads: print / PDF, Word, CSV, calendar, Markdown
//! and the JSON file. The plan and every file come from `domain::plan` and
//! `domain::export`; this screen only shows them and records the user's edits.

use super::files::{download, WORD_MIME};
use super::lazy::{build_export, Export};
use super::storage::FormDraft;
use super::today;
use super::widgets::{chars_left, error_for, error_summary, print, show_errors, Errors};
use super::Ctx;
use super::Screen;
use crate::domain::content::Priority;
use crate::domain::dates::{long_date, parse_date, EARLIEST, LATEST};
use crate::domain::export::{Report, ReportFile};
use crate::domain::format::{self, file_name};
use crate::domain::json;
use crate::domain::model::Assessment;
use crate::domain::plan::{edit_plan, plan_state, priority_label, PlanAction, Schedule, Status};
use crate::domain::text::MAX_TEXT_CHARS;
use crate::i18n::{Msg, SectionMsg, WMsg};
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum Page {
    List,
    Edit(String),
    Add,
    /// The full report, ready to print to A4 or save as PDF.
    Report,
}

pub fn view(ctx: Ctx, page: Page) -> AnyView {
    match page {
        Page::List => list(ctx),
        Page::Edit(id) => view! { <EditAction ctx=ctx id=id/> }.into_any(),
        Page::Add => view! { <AddAction ctx=ctx/> }.into_any(),
        Page::Report => report(ctx),
    }
}

/// Builds the report (score, findings, plan) for the assessment as it is now.
fn with_report<R>(ctx: Ctx, f: impl FnOnce(&Assessment, &Report) -> R) -> Option<R> {
    ctx.assessment.with(|a| {
        let a = a.as_ref()?;
        let r = Report::for_assessment(ctx.fw(), a, ctx.check_date.get());
        Some(f(a, &r))
    })
}

fn status_tag(ctx: Ctx, s: Status) -> impl IntoView {
    let (class, msg) = match s {
        Status::NotStarted => ("cb-tag cb-tag--grey", SectionMsg::StatusNotStarted),
        Status::InProgress => ("cb-tag cb-tag--blue", SectionMsg::StatusInProgress),
        Status::Done => ("cb-tag", SectionMsg::StatusDone),
        Status::Resolved => ("cb-tag cb-tag--yellow", SectionMsg::StatusResolved),
    };
    view! { <strong class=class>{ctx.t(msg)}</strong> }
}

/// The files HR uses, each built by a pure function from the same report (in the
/// exports chunk, fetched on the first download).
fn downloads(ctx: Ctx) -> impl IntoView {
    let failed = RwSignal::new(false);
    let file = move |kind: &'static str| {
        if kind == "json" {
            let saved = with_report(ctx, |a, r| {
                let mut saved = a.clone();
                edit_plan(&mut saved, r.plan.start, |p| p.record(&r.plan));
                (file_name(&a.organisation.name, r.on, "json"), format::to_json(&saved))
            });
            if let Some((name, json)) = saved {
                let _ = download(&name, "application/json", json.as_bytes());
            }
            return;
        }
        let Some(a) = ctx.assessment.get_untracked() else { return };
        let on = ctx.check_date.get_untracked();
        let name = file_name(&format!("{} action plan", a.organisation.name), on, kind);
        let (file, mime) = match kind {
            "docx" => (ReportFile::Word, WORD_MIME),
            "csv" => (ReportFile::Csv, "text/csv;charset=utf-8"),
            "ics" => (ReportFile::Calendar, "text/calendar;charset=utf-8"),
            _ => (ReportFile::Markdown, "text/markdown;charset=utf-8"),
        };
        leptos::task::spawn_local(async move {
            let built = build_export(Export::Plan { assessment: a, on, made: super::now(), file }).await;
            failed.set(built.is_none());
            if let Some(bytes) = built {
                let _ = download(&name, mime, &bytes);
            }
        });
    };
    view! {
        <h2>{ctx.t(SectionMsg::DownloadsHeading)}</h2>
        <p>{ctx.t(SectionMsg::DownloadsText)}</p>
        {move || failed.get().then(|| view! { <p class="cb-error" role="alert">{ctx.t(Msg::ScreenFailed)}</p> })}
        <ul class="cb-downloads">
            <li><button type="button" class="cb-button cb-button--secondary" on:click=move |_| ctx.go(Screen::Plan(Page::Report))>{ctx.t(SectionMsg::PrintReport)}</button></li>
            <li><button type="button" class="cb-button cb-button--secondary" data-export="docx" on:click=move |_| file("docx")>{ctx.t(SectionMsg::DownloadDocx)}</button></li>
            <li><button type="button" class="cb-button cb-button--secondary" data-export="csv" on:click=move |_| file("csv")>{ctx.t(SectionMsg::DownloadCsv)}</button></li>
            <li><button type="button" class="cb-button cb-button--secondary" data-export="ics" on:click=move |_| file("ics")>{ctx.t(SectionMsg::DownloadIcs)}</button></li>
            <li><button type="button" class="cb-button cb-button--secondary" data-export="md" on:click=move |_| file("md")>{ctx.t(SectionMsg::DownloadMarkdown)}</button></li>
            <li><button type="button" class="cb-button cb-button--secondary" data-export="json" on:click=move |_| file("json")>{ctx.t(SectionMsg::DownloadJson)}</button></li>
        </ul>
    }
}

fn action_card(ctx: Ctx, a: &PlanAction) -> impl IntoView {
    let id = a.id.clone();
    let title = a.title.clone();
    view! {
        <li class="cb-action">
            <h3 class="cb-action__title">{a.title.clone()}</h3>
            <p class="cb-hint">{a.why.text.clone()}</p>
            <dl class="cb-action__facts">
                <div><dt>{ctx.t(SectionMsg::OwnerLabel)}</dt><dd>{a.owner.clone()}</dd></div>
                <div><dt>{ctx.t(SectionMsg::DatesLabel)}</dt><dd>{ctx.tf(SectionMsg::DateRange, &[("start", &long_date(a.start)), ("due", &long_date(a.due))])}</dd></div>
                <div><dt>{ctx.t(SectionMsg::PriorityLabel)}</dt><dd>{priority_label(a.priority)}</dd></div>
                <div><dt>{ctx.t(SectionMsg::StatusLabel)}</dt><dd>{status_tag(ctx, a.status)}</dd></div>
                {(!a.success.is_empty()).then(|| view! { <div><dt>{ctx.t(SectionMsg::SuccessLabel)}</dt><dd>{a.success.clone()}</dd></div> })}
                {(!a.notes.is_empty()).then(|| view! { <div><dt>{ctx.t(SectionMsg::NotesLabel)}</dt><dd>{a.notes.clone()}</dd></div> })}
            </dl>
            <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Plan(Page::Edit(id.clone())))>
                {ctx.t(SectionMsg::EditAction)}<span class="cb-visually-hidden">": "{title}</span>
            </button>
        </li>
    }
}

pub fn list(ctx: Ctx) -> AnyView {
    let start_refused = RwSignal::new(false);
    // Every action shown is remembered as seen, so it is kept (marked resolved) if its
    // gap later closes. Only written when something new appears.
    Effect::new(move |_| {
        let unseen = with_report(ctx, |a, r| {
            let seen = plan_state(a).map(|p| p.seen).unwrap_or_default();
            r.plan.actions.iter().any(|x| !seen.contains(&x.id)).then(|| r.plan.clone())
        })
        .flatten();
        if let Some(plan) = unseen {
            ctx.update(|a| edit_plan(a, plan.start, |p| p.record(&plan)));
        }
    });
    let body = move || {
        with_report(ctx, |a, r| {
            let (open, resolved): (Vec<&PlanAction>, Vec<&PlanAction>) =
                r.plan.actions.iter().partition(|x| x.status != Status::Resolved);
            let count = |s: Status| open.iter().filter(|x| x.status == s).count().to_string();
            let start = r.plan.start;
            view! {
                <span class="cb-caption">{a.organisation.name.clone()}</span>
                <h1 tabindex="-1">{ctx.t(SectionMsg::PlanTitle)}</h1>
                <p class="cb-lead">{ctx.t(SectionMsg::PlanLead)}</p>
                <div class="cb-field" class:cb-field--error=move || start_refused.get()>
                    <label class="cb-label" for="cb-plan-start">{ctx.t(SectionMsg::PlanStartLabel)}</label>
                    <p class="cb-hint" id="cb-plan-start-hint">{ctx.t(SectionMsg::PlanStartHint)}</p>
                    {move || start_refused.get().then(|| view! { <p class="cb-error" id="cb-plan-start-error">{ctx.t(SectionMsg::DateInRangeError)}</p> })}
                    <input class="cb-input cb-input--date" id="cb-plan-start" type="date" min=EARLIEST.to_string() max=LATEST.to_string()
                        aria-describedby=move || if start_refused.get() { "cb-plan-start-hint cb-plan-start-error" } else { "cb-plan-start-hint" }
                        prop:value=start.to_string()
                        on:change=move |ev| match parse_date(&event_target_value(&ev)) {
                            Ok(d) => {
                                start_refused.set(false);
                                ctx.update(|a| edit_plan(a, d, |p| p.start = d));
                            }
                            Err(_) => start_refused.set(true),
                        }/>
                </div>
                <p>{ctx.tf(SectionMsg::PlanCounts, &[
                    ("total", &open.len().to_string()),
                    ("not_started", &count(Status::NotStarted)),
                    ("in_progress", &count(Status::InProgress)),
                    ("done", &count(Status::Done)),
                ])}</p>
                <div class="cb-button-group">
                    <button type="button" class="cb-button" on:click=move |_| ctx.go(Screen::Plan(Page::Add))>{ctx.t(SectionMsg::AddOwnAction)}</button>
                </div>
                {downloads(ctx)}
                <h2>{ctx.t(SectionMsg::ActionsHeading)}</h2>
                {if open.is_empty() {
                    view! { <p>{ctx.t(SectionMsg::NoActions)}</p> }.into_any()
                } else {
                    view! { <ol class="cb-actions">{open.iter().map(|x| action_card(ctx, x)).collect_view()}</ol> }.into_any()
                }}
                {(!resolved.is_empty()).then(|| view! {
                    <h2>{ctx.t(SectionMsg::ResolvedHeading)}</h2>
                    <p>{ctx.t(SectionMsg::ResolvedText)}</p>
                    <ol class="cb-actions">{resolved.iter().map(|x| action_card(ctx, x)).collect_view()}</ol>
                })}
                {(!r.plan.removed.is_empty()).then(|| view! {
                    <h2>{ctx.t(SectionMsg::RemovedHeading)}</h2>
                    <ul class="cb-removed">
                        {r.plan.removed.iter().map(|x| {
                            let id = x.id.clone();
                            let title = x.title.clone();
                            view! {
                                <li>{x.title.clone()}" "
                                    <button type="button" class="cb-link" on:click=move |_| {
                                        let id = id.clone();
                                        ctx.update(move |a| edit_plan(a, today(), |p| p.restore(&id)));
                                    }>{ctx.t(SectionMsg::PutBack)}<span class="cb-visually-hidden">": "{title}</span></button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })}
            }
        })
    };
    view! {
        <button type="button" class="cb-back" on:click=move |_| ctx.go(Screen::Tasks)>{ctx.t(SectionMsg::BackToTaskList)}</button>
        {body}
        <div class="cb-button-group">
            <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Results)>{ctx.t(SectionMsg::SeeResults)}</button>
        </div>
    }
    .into_any()
}

#[component]
fn EditAction(ctx: Ctx, id: String) -> impl IntoView {
    let Some(action) =
        with_report(ctx, |_, r| r.plan.actions.iter().chain(&r.plan.removed).find(|x| x.id == id).cloned()).flatten()
    else {
        return view! { <h1 tabindex="-1">{ctx.t(SectionMsg::ActionNotFound)}</h1> }.into_any();
    };
    // What was typed and not saved yet is kept for the tab (a reload brings it back):
    // owner, start, due, status and notes, as a JSON array of strings.
    let kept = StoredValue::new(FormDraft::new(
        ctx.storage_key(),
        &ctx.current.get_untracked().unwrap_or_default(),
        &format!("action:{id}"),
    ));
    let saved = [
        action.owner.clone(),
        action.start.to_string(),
        action.due.to_string(),
        action.status.id().into(),
        action.notes.clone(),
    ];
    let restored: Option<[String; 5]> = kept
        .with_value(FormDraft::kept)
        .and_then(|text| json::parse(&text).ok())
        .and_then(|v| v.as_array()?.iter().map(|x| x.as_str().map(String::from)).collect::<Option<Vec<_>>>())
        .and_then(|fields| fields.try_into().ok());
    let [o, s, d, st, n] = restored.unwrap_or(saved);
    let owner = RwSignal::new(o);
    let start = RwSignal::new(s);
    let due = RwSignal::new(d);
    let status = RwSignal::new(Status::from_id(&st).unwrap_or(action.status));
    let notes = RwSignal::new(n);
    FormDraft::follow(kept, move || {
        let fields = [owner.get(), start.get(), due.get(), status.get().id().to_string(), notes.get()];
        serde_json::Value::from(fields.to_vec()).to_string()
    });
    let confirm_remove = RwSignal::new(false);
    let errors: Errors = RwSignal::new(Vec::new());
    let resolved = action.status == Status::Resolved;
    let id = StoredValue::new(id);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let s = parse_date(start.get_untracked().trim()).ok();
        let d = parse_date(due.get_untracked().trim()).ok();
        if s.is_none() {
            found.push(("cb-action-start".into(), ctx.t(SectionMsg::StartDateError).to_string()));
        }
        if d.is_none() {
            found.push(("cb-action-due".into(), ctx.t(SectionMsg::DueDateError).to_string()));
        }
        if let (Some(s), Some(d)) = (s, d) {
            if d < s {
                found.push(("cb-action-due".into(), ctx.t(SectionMsg::DueBeforeStart).to_string()));
            }
        }
        if !found.is_empty() {
            return show_errors(ctx, errors, found);
        }
        let (Some(s), Some(d)) = (s, d) else { return };
        let id = id.get_value();
        ctx.update(|a| {
            edit_plan(a, today(), |p| {
                p.set_owner(&id, &owner.get_untracked());
                p.set_dates(&id, s, d);
                if !resolved {
                    p.set_status(&id, status.get_untracked());
                }
                p.set_notes(&id, &notes.get_untracked());
            })
        });
        kept.with_value(FormDraft::clear);
        ctx.go(Screen::Plan(Page::List));
    };
    let remove = move |_| {
        let id = id.get_value();
        ctx.update(|a| edit_plan(a, today(), |p| p.remove(&id)));
        kept.with_value(FormDraft::clear);
        ctx.go(Screen::Plan(Page::List));
    };
    let start_error = error_for(errors, "cb-action-start");
    let due_error = error_for(errors, "cb-action-due");

    view! {
        <button type="button" class="cb-back" on:click=move |_| ctx.go(Screen::Plan(Page::List))>{ctx.t(SectionMsg::BackToPlan)}</button>
        {error_summary(ctx, errors)}
        <span class="cb-caption">{ctx.t(SectionMsg::EditActionCaption)}</span>
        <h1 tabindex="-1">{action.title.clone()}</h1>
        <p class="cb-hint">{action.why.text.clone()}</p>
        <form novalidate on:submit=submit>
            <div class="cb-field">
                <label class="cb-label" for="cb-action-owner">{ctx.t(SectionMsg::OwnerLabel)}</label>
                <p class="cb-hint" id="cb-action-owner-hint">{ctx.t(SectionMsg::OwnerHint)}</p>
                <input class="cb-input" id="cb-action-owner" type="text" maxlength=MAX_TEXT_CHARS aria-describedby="cb-action-owner-hint cb-action-owner-count"
                    prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev))/>
                {chars_left(ctx, "cb-action-owner-count".into(), move || owner.get())}
            </div>
            <div class="cb-field" class:cb-field--error=move || start_error().is_some()>
                <label class="cb-label" for="cb-action-start">{ctx.t(SectionMsg::StartLabel)}</label>
                {move || start_error().map(|e| view! { <p class="cb-error">{e}</p> })}
                <input class="cb-input cb-input--date" id="cb-action-start" type="date" min=EARLIEST.to_string() max=LATEST.to_string()
                    prop:value=move || start.get() on:input=move |ev| start.set(event_target_value(&ev))/>
            </div>
            <div class="cb-field" class:cb-field--error=move || due_error().is_some()>
                <label class="cb-label" for="cb-action-due">{ctx.t(SectionMsg::DueLabel)}</label>
                {move || due_error().map(|e| view! { <p class="cb-error">{e}</p> })}
                <input class="cb-input cb-input--date" id="cb-action-due" type="date" min=EARLIEST.to_string() max=LATEST.to_string()
                    prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev))/>
            </div>
            {if resolved {
                view! { <p>{status_tag(ctx, Status::Resolved)}" "{ctx.t(SectionMsg::ResolvedText)}</p> }.into_any()
            } else {
                view! {
                    <fieldset class="cb-field">
                        <legend class="cb-label">{ctx.t(SectionMsg::StatusLabel)}</legend>
                        <div class="cb-radios">
                            {[(Status::NotStarted, SectionMsg::StatusNotStarted), (Status::InProgress, SectionMsg::StatusInProgress), (Status::Done, SectionMsg::StatusDone)]
                                .into_iter().map(|(s, m)| {
                                    let rid = format!("cb-action-status-{}", s.id().replace('_', "-"));
                                    view! {
                                        <div class="cb-radio">
                                            <input type="radio" name="cb-action-status" id=rid.clone() prop:checked=move || status.get() == s
                                                on:change=move |_| status.set(s)/>
                                            <label for=rid>{ctx.t(m)}</label>
                                        </div>
                                    }
                                }).collect_view()}
                        </div>
                    </fieldset>
                }.into_any()
            }}
            <div class="cb-field">
                <label class="cb-label" for="cb-action-notes">{ctx.t(SectionMsg::NotesLabel)}</label>
                <textarea class="cb-textarea" maxlength=MAX_TEXT_CHARS id="cb-action-notes" rows="3" aria-describedby="cb-action-notes-count"
                    prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
                {chars_left(ctx, "cb-action-notes-count".into(), move || notes.get())}
            </div>
            <div class="cb-button-group">
                <button type="submit" class="cb-button">{ctx.t(WMsg::SaveChanges)}</button>
                <button type="button" class="cb-link" on:click=move |_| {
                    kept.with_value(FormDraft::clear);
                    ctx.go(Screen::Plan(Page::List));
                }>{ctx.t(WMsg::Cancel)}</button>
            </div>
        </form>
        <h2>{ctx.t(SectionMsg::RemoveHeading)}</h2>
        <p>{ctx.t(SectionMsg::RemoveText)}</p>
        {move || if confirm_remove.get() {
            view! {
                <div class="cb-warning" role="alert">
                    <p>{ctx.t(SectionMsg::RemoveConfirm)}</p>
                    <div class="cb-button-group">
                        <button type="button" class="cb-button cb-button--warning" on:click=remove>{ctx.t(SectionMsg::YesRemove)}</button>
                        <button type="button" class="cb-link" on:click=move |_| confirm_remove.set(false)>{ctx.t(WMsg::Cancel)}</button>
                    </div>
                </div>
            }.into_any()
        } else {
            view! { <button type="button" class="cb-button cb-button--secondary" on:click=move |_| confirm_remove.set(true)>{ctx.t(SectionMsg::RemoveAction)}</button> }.into_any()
        }}
    }
    .into_any()
}

#[component]
fn AddAction(ctx: Ctx) -> impl IntoView {
    let title = RwSignal::new(String::new());
    let priority = RwSignal::new(Priority::Medium);
    let errors: Errors = RwSignal::new(Vec::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked();
        if t.trim().is_empty() {
            return show_errors(
                ctx,
                errors,
                vec![("cb-own-title".into(), ctx.t(SectionMsg::OwnTitleMissing).to_string())],
            );
        }
        ctx.update(|a| {
            edit_plan(a, today(), |p| p.add_own(&t, priority.get_untracked(), &Schedule::default()));
        });
        ctx.go(Screen::Plan(Page::List));
    };
    let title_error = error_for(errors, "cb-own-title");
    view! {
        <button type="button" class="cb-back" on:click=move |_| ctx.go(Screen::Plan(Page::List))>{ctx.t(SectionMsg::BackToPlan)}</button>
        {error_summary(ctx, errors)}
        <h1 tabindex="-1">{ctx.t(SectionMsg::AddOwnAction)}</h1>
        <form novalidate on:submit=submit>
            <div class="cb-field" class:cb-field--error=move || title_error().is_some()>
                <label class="cb-label" for="cb-own-title">{ctx.t(SectionMsg::OwnTitleLabel)}</label>
                {move || title_error().map(|e| view! { <p class="cb-error">{e}</p> })}
                <input class="cb-input" id="cb-own-title" type="text" maxlength=MAX_TEXT_CHARS aria-describedby="cb-own-title-count"
                    prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                {chars_left(ctx, "cb-own-title-count".into(), move || title.get())}
            </div>
            <fieldset class="cb-field">
                <legend class="cb-label">{ctx.t(SectionMsg::PriorityLabel)}</legend>
                <div class="cb-radios cb-radios--inline">
                    {Priority::ALL.iter().copied().map(|p| {
                        let rid = format!("cb-own-priority-{}", p.id());
                        view! {
                            <div class="cb-radio">
                                <input type="radio" name="cb-own-priority" id=rid.clone() prop:checked=move || priority.get() == p
                                    on:change=move |_| priority.set(p)/>
                                <label for=rid>{priority_label(p)}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <button type="submit" class="cb-button">{ctx.t(SectionMsg::AddAction)}</button>
        </form>
    }
}

fn report(ctx: Ctx) -> AnyView {
    let html = with_report(ctx, |_, r| r.html()).unwrap_or_default();
    view! {
        <div class="cb-report-actions">
            <button type="button" class="cb-back" on:click=move |_| ctx.go(Screen::Plan(Page::List))>{ctx.t(SectionMsg::BackToPlan)}</button>
            <h1 tabindex="-1" class="cb-visually-hidden">{ctx.t(SectionMsg::ReportTitle)}</h1>
            <p>{ctx.t(SectionMsg::ReportPrintHint)}</p>
            <button type="button" class="cb-button" on:click=move |_| print()>{ctx.t(SectionMsg::PrintNow)}</button>
        </div>
        // Built and escaped by `domain::document::html`, the same report the command line prints.
        <div class="cb-report-page" inner_html=html></div>
    }
    .into_any()
}

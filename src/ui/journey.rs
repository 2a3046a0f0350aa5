//! Task list, one page per criterion, and "check your answers" per level.

use super::widgets::chars_left;
use super::{level_name, now, Ctx, Screen};
use crate::domain::journey::{criterion_progress, level_progress, overall_progress, Progress, SectionStatus};
use crate::domain::model::Answer;
use crate::domain::scoring::LEVELS;
use crate::domain::text::MAX_TEXT_CHARS;
use crate::i18n::Msg;
use leptos::prelude::*;

fn status_tag(ctx: &Ctx, s: SectionStatus) -> impl IntoView {
    let (class, msg) = match s {
        SectionStatus::NotStarted => ("cb-tag cb-tag--grey", Msg::StatusNotStarted),
        SectionStatus::InProgress => ("cb-tag cb-tag--blue", Msg::StatusInProgress),
        SectionStatus::Completed => ("cb-tag", Msg::StatusCompleted),
    };
    view! { <strong class=class>{ctx.t(msg)}</strong> }
}

pub fn answer_label(ctx: &Ctx, a: Option<Answer>) -> &'static str {
    ctx.t(match a {
        None => Msg::NotAnswered,
        Some(Answer::No) => Msg::AnswerNo,
        Some(Answer::Partly) => Msg::AnswerPartly,
        Some(Answer::Yes) => Msg::AnswerYes,
    })
}

fn progress_bar(ctx: &Ctx, id: &'static str, label: String, p: Progress) -> impl IntoView {
    view! {
        <div class="cb-progress">
            <label for=id>{ctx.tf(Msg::ProgressCount, &[("section", &label), ("answered", &p.answered.to_string()), ("total", &p.total.to_string())])}</label>
            <progress id=id max=p.total.to_string() value=p.answered.to_string()>{format!("{}%", p.percent())}</progress>
        </div>
    }
}

/// No current assessment (e.g. it was deleted): offer the way back.
fn missing(ctx: Ctx) -> AnyView {
    view! {
        <h1 tabindex="-1">{ctx.t(Msg::NoAssessmentOpen)}</h1>
        <button type="button" class="cb-button" on:click=move |_| ctx.go(Screen::Home)>{ctx.t(Msg::BackToStart)}</button>
    }
    .into_any()
}

#[component]
pub fn TaskList() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let fw = ctx.fw();
    move || {
        let Some(a) = ctx.with_current(|a| a.clone()) else { return missing(ctx) };
        let overall = overall_progress(fw, &a);
        let results_status = if overall.answered == 0 { SectionStatus::NotStarted } else { overall.status() };
        let policy_status = match a.policies.as_ref().map(|p| p.progress()) {
            None | Some((0, _)) => SectionStatus::NotStarted,
            Some((done, total)) if done < total => SectionStatus::InProgress,
            Some(_) => SectionStatus::Completed,
        };
        let passport_status = if a.passport.is_some() { SectionStatus::Completed } else { SectionStatus::NotStarted };
        view! {
            <span class="cb-caption">{ctx.t(Msg::TaskListCaption)}</span>
            <h1 tabindex="-1">{a.organisation.name.clone()}</h1>
            {progress_bar(&ctx, "cb-progress-overall", ctx.t(Msg::OverallProgress).to_string(), overall)}
            <ol class="cb-task-list">
                <li class="cb-task-list__section">
                    <h2 class="cb-task-list__heading">{ctx.t(Msg::AboutOrganisation)}</h2>
                    <ul class="cb-task-list__items">
                        <li class="cb-task-list__item">
                            <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::EditOrganisation)>
                                {ctx.t(Msg::OrganisationDetails)}
                            </button>
                            {status_tag(&ctx, SectionStatus::Completed)}
                        </li>
                    </ul>
                </li>
                {LEVELS.into_iter().map(|level| {
                    let p = level_progress(fw, &a, level);
                    view! {
                        <li class="cb-task-list__section">
                            <h2 class="cb-task-list__heading">{level_name(&ctx, level)}" "{status_tag(&ctx, p.status())}</h2>
                            <ul class="cb-task-list__items">
                                {fw.criteria.iter().enumerate().filter(|(_, c)| c.level == level).map(|(i, c)| {
                                    let cp = criterion_progress(fw, &a, c.id);
                                    view! {
                                        <li class="cb-task-list__item">
                                            <button type="button" class="cb-link cb-task-criterion" on:click=move |_| ctx.go(Screen::Question(i))>
                                                {format!("{} {}", c.id, c.title)}
                                            </button>
                                            {status_tag(&ctx, cp.status())}
                                        </li>
                                    }
                                }).collect_view()}
                                <li class="cb-task-list__item">
                                    <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Check(level))>
                                        {ctx.tf(Msg::CheckAnswersFor, &[("level", level_name(&ctx, level))])}
                                    </button>
                                </li>
                            </ul>
                        </li>
                    }
                }).collect_view()}
                <li class="cb-task-list__section">
                    <h2 class="cb-task-list__heading">{ctx.t(Msg::PoliciesAndPassport)}</h2>
                    <ul class="cb-task-list__items">
                        <li class="cb-task-list__item">
                            <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Policies(super::policies::Page::Overview))>{ctx.t(Msg::PoliciesLink)}</button>
                            {status_tag(&ctx, policy_status)}
                        </li>
                        <li class="cb-task-list__item">
                            <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Passport(super::passport::Page::Overview))>{ctx.t(Msg::PassportLink)}</button>
                            {status_tag(&ctx, passport_status)}
                        </li>
                    </ul>
                </li>
                <li class="cb-task-list__section">
                    <h2 class="cb-task-list__heading">{ctx.t(Msg::ResultsSection)}</h2>
                    <ul class="cb-task-list__items">
                        <li class="cb-task-list__item">
                            <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Results)>{ctx.t(Msg::SeeResults)}</button>
                            {status_tag(&ctx, results_status)}
                        </li>
                        <li class="cb-task-list__item">
                            <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Plan(super::plan::Page::List))>{ctx.t(Msg::PlanLink)}</button>
                        </li>
                        <li class="cb-task-list__item">
                            <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Share)>{ctx.t(Msg::ShareLink)}</button>
                        </li>
                    </ul>
                </li>
            </ol>
        }
        .into_any()
    }
}

#[component]
pub fn Question(index: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let fw = ctx.fw();
    let Some(c) = fw.criteria.get(index) else { return missing(ctx) };
    let level = c.level;
    let in_level: Vec<usize> =
        fw.criteria.iter().enumerate().filter(|(_, x)| x.level == level).map(|(i, _)| i).collect();
    let pos = in_level.iter().position(|&i| i == index).unwrap_or(0);
    let next = in_level.get(pos + 1).copied();
    let prev = pos.checked_sub(1).and_then(|p| in_level.get(p).copied());

    let progress = move || {
        ctx.with_current(|a| {
            view! {
                {progress_bar(&ctx, "cb-progress-level", level_name(&ctx, level).to_string(), level_progress(fw, a, level))}
                {progress_bar(&ctx, "cb-progress-overall", ctx.t(Msg::OverallProgress).to_string(), overall_progress(fw, a))}
            }
        })
    };

    view! {
        <button type="button" class="cb-back" on:click=move |_| ctx.go(prev.map(Screen::Question).unwrap_or(Screen::Tasks))>
            {ctx.t(Msg::Back)}
        </button>
        <span class="cb-caption">{ctx.tf(Msg::CriterionCaption, &[
            ("level", level_name(&ctx, level)), ("n", &(pos + 1).to_string()), ("total", &in_level.len().to_string())
        ])}</span>
        <h1 tabindex="-1">{format!("{} {}", c.id, c.title)}</h1>
        <p class="cb-lead">{c.statement}</p>
        {progress}
        {c.indicators.iter().map(|ind| {
            let id = ind.id;
            let name = format!("cb-answer-{}", ind.id.replace('.', "-"));
            let evidence_id = format!("cb-evidence-{}", ind.id.replace('.', "-"));
            let current = move || ctx.with_current(|a| a.answer(id).cloned()).flatten();
            let evidence_disabled = move || current().is_none();
            view! {
                <fieldset class="cb-field cb-indicator" id=indicator_element_id(id) tabindex="-1">
                    <legend class="cb-label cb-label--m">{ind.question}</legend>
                    <details class="cb-details">
                        <summary>{ctx.t(Msg::WhatGoodLooksLike)}</summary>
                        <div class="cb-details__text">
                            <p>{ind.guidance}</p>
                            <p>{ctx.t(Msg::EvidenceExamples)}</p>
                            <ul>{ind.evidence.iter().map(|e| view! { <li>{*e}</li> }).collect_view()}</ul>
                        </div>
                    </details>
                    <div class="cb-radios cb-radios--inline">
                        {Answer::ALL.iter().copied().map(|ans| {
                            let rid = format!("{name}-{}", ans.id());
                            view! {
                                <div class="cb-radio">
                                    <input type="radio" name=name.clone() id=rid.clone()
                                        prop:checked=move || current().map(|x| x.answer) == Some(ans)
                                        on:change=move |_| ctx.update(|a| a.set_answer(id, ans, now()))/>
                                    <label for=rid>{answer_label(&ctx, Some(ans))}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                    <div class="cb-field">
                        <label class="cb-label" for=evidence_id.clone()>{ctx.t(Msg::EvidenceLabel)}</label>
                        <p class="cb-hint" id=format!("{evidence_id}-hint")>{ctx.t(Msg::EvidenceHint)}</p>
                        // Saved while typing (`saving.rs`), within the file format's limit.
                        <textarea class="cb-textarea" id=evidence_id.clone() rows="2"
                            aria-describedby=format!("{evidence_id}-hint {evidence_id}-count")
                            maxlength=MAX_TEXT_CHARS
                            prop:disabled=evidence_disabled
                            prop:value=move || current().map(|x| x.evidence).unwrap_or_default()
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                ctx.update(|a| { a.set_evidence(id, &v, now()); });
                            }></textarea>
                        {chars_left(ctx, format!("{evidence_id}-count"), move || current().map(|x| x.evidence).unwrap_or_default())}
                    </div>
                </fieldset>
            }
        }).collect_view()}
        <div class="cb-button-group">
            <button type="button" class="cb-button" on:click=move |_| ctx.go(next.map(Screen::Question).unwrap_or(Screen::Check(level)))>
                {ctx.t(Msg::SaveAndContinue)}
            </button>
            <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Tasks)>{ctx.t(Msg::ReturnToTaskList)}</button>
        </div>
    }
    .into_any()
}

/// The ID of an indicator's fieldset on its question page, for "Change" to focus.
fn indicator_element_id(indicator: &str) -> String {
    format!("cb-indicator-{}", indicator.replace('.', "-"))
}

#[component]
pub fn Check(level: u8) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let fw = ctx.fw();
    move || {
        let Some(a) = ctx.with_current(|a| a.clone()) else { return missing(ctx) };
        view! {
            <button type="button" class="cb-back" on:click=move |_| ctx.go(Screen::Tasks)>{ctx.t(Msg::Back)}</button>
            <h1 tabindex="-1">{ctx.tf(Msg::CheckAnswersFor, &[("level", level_name(&ctx, level))])}</h1>
            {fw.criteria.iter().enumerate().filter(|(_, c)| c.level == level).map(|(i, c)| view! {
                <h2>{format!("{} {}", c.id, c.title)}</h2>
                <dl class="cb-summary">
                    {c.indicators.iter().map(|ind| {
                        let ans = a.answer(ind.id);
                        let evidence = ans.map(|x| x.evidence.clone()).filter(|e| !e.trim().is_empty());
                        view! {
                            <div class="cb-summary__row">
                                <dt class="cb-summary__key">{ind.question}</dt>
                                <dd class="cb-summary__value">
                                    <p>{answer_label(&ctx, ans.map(|x| x.answer))}</p>
                                    <p class="cb-hint">{evidence.map(|e| ctx.tf(Msg::EvidenceGiven, &[("evidence", &e)])).unwrap_or_else(|| ctx.t(Msg::NoEvidence).to_string())}</p>
                                </dd>
                                <dd class="cb-summary__actions">
                                    <button type="button" class="cb-link"
                                        on:click=move |_| ctx.go_to_element(Screen::Question(i), indicator_element_id(ind.id))>
                                        {ctx.t(Msg::Change)}<span class="cb-visually-hidden">" "{ind.question}</span>
                                    </button>
                                </dd>
                            </div>
                        }
                    }).collect_view()}
                </dl>
            }).collect_view()}
            <div class="cb-button-group">
                <button type="button" class="cb-button" on:click=move |_| ctx.go(Screen::Results)>{ctx.t(Msg::SeeResults)}</button>
                <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Tasks)>{ctx.t(Msg::ReturnToTaskList)}</button>
            </div>
        }
        .into_any()
    }
}

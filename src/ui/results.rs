//! Results dashboard: level readiness, the five areas (SVG chart plus data table),
//! every criterion's status, and published figures beside the employer's answers.
//! Every number comes from `domain::scoring`.

use super::level_name;
use super::widgets::area_name;
use super::{Ctx, Screen};
use crate::domain::model::Answer;
use crate::domain::scoring::{score, AreaScore, CriterionStatus, LevelStatus, Shortfall};
use crate::domain::statistics::statistics;
use crate::i18n::{SectionMsg, WMsg as Msg};
use leptos::prelude::*;

pub fn criterion_status(ctx: &Ctx, s: CriterionStatus) -> impl IntoView {
    let (class, msg) = match s {
        CriterionStatus::Met => ("cb-tag", SectionMsg::CriterionMet),
        CriterionStatus::Partly => ("cb-tag cb-tag--yellow", SectionMsg::CriterionPartly),
        CriterionStatus::NotMet => ("cb-tag cb-tag--red", SectionMsg::CriterionNotMet),
    };
    view! { <strong class=class>{ctx.t(msg)}</strong> }
}

/// Horizontal bars, one per area, 0–100%, each with its name above it so the drawing
/// stays narrow (and its text legible) on a phone. The table below carries the same
/// numbers for screen readers.
pub fn area_chart(ctx: &Ctx, areas: &[AreaScore]) -> impl IntoView {
    const ROW: u32 = 56;
    const BAR_W: u32 = 380;
    const PAD: u32 = 16;
    let height = ROW * areas.len() as u32 + 24;
    view! {
        <svg class="cb-chart" viewBox=format!("0 0 {} {height}", BAR_W + 2 * PAD + 52) role="img" aria-labelledby="cb-chart-title">
            <title id="cb-chart-title">{ctx.t(SectionMsg::AreaChartTitle)}</title>
            {[0u32, 25, 50, 75, 100].into_iter().map(|tick| {
                let x = PAD + BAR_W * tick / 100;
                view! {
                    <line class="cb-chart__grid" x1=x x2=x y1=20 y2=height - 20/>
                    <text class="cb-chart__tick" x=x y=height - 4 text-anchor="middle">{format!("{tick}%")}</text>
                }
            }).collect_view()}
            {areas.iter().enumerate().map(|(i, a)| {
                let y = ROW * i as u32;
                let bar = BAR_W * a.percent / 100;
                view! {
                    <text class="cb-chart__label" x=PAD y=y + 18>{area_name(ctx, a.area)}</text>
                    <rect class="cb-chart__track" x=PAD y=y + 26 width=BAR_W height=22/>
                    <rect class="cb-chart__bar" x=PAD y=y + 26 width=bar height=22/>
                    <text class="cb-chart__value" x=PAD + bar + 6 y=y + 43>{format!("{}%", a.percent)}</text>
                }
            }).collect_view()}
        </svg>
    }
}

pub fn view(ctx: Ctx) -> AnyView {
    let fw = ctx.fw();
    let body = move || {
        let Some(a) = ctx.assessment.get() else { return ().into_any() };
        let s = score(fw, &a, super::today());
        let index_of = |id: &str| fw.criteria.iter().position(|c| c.id == id);
        view! {
            <button type="button" class="cb-back" on:click=move |_| ctx.go(Screen::Tasks)>{ctx.t(SectionMsg::BackToTaskList)}</button>
            <span class="cb-caption">{a.organisation.name.clone()}</span>
            <h1 tabindex="-1">{ctx.t(SectionMsg::ResultsHeading)}</h1>
            <p class="cb-lead">{ctx.tf(SectionMsg::OverallScore, &[
                ("percent", &s.overall.percent().to_string()),
                ("earned", &s.overall.earned.to_string()),
                ("available", &s.overall.available.to_string()),
            ])}</p>

            {
                // A policy breach holds L1.2 back whatever the answers: say which rules.
                let rules: Vec<&str> = s.criteria.iter().flat_map(|c| &c.shortfalls).filter_map(|f| match f {
                    Shortfall::PolicyBreach { rule, .. } => Some(rule.as_str()),
                    _ => None,
                }).collect();
                (!rules.is_empty()).then(|| view! {
                    <div class="cb-warning" role="note">
                        <p>{ctx.tf(SectionMsg::PolicyBreachWarning, &[("rules", &rules.join(", "))])}</p>
                    </div>
                })
            }
            <h2>{ctx.t(SectionMsg::LevelReadiness)}</h2>
            <ul class="cb-levels">
                {s.levels.iter().map(|l| {
                    let (class, msg) = match l.status {
                        LevelStatus::Ready => ("cb-level cb-level--ready", Msg::LevelReady),
                        LevelStatus::OnTrack => ("cb-level cb-level--on-track", Msg::LevelOnTrack),
                        LevelStatus::NotYet => ("cb-level cb-level--not-yet", Msg::LevelNotYet),
                    };
                    view! {
                        <li class=class>
                            <h3>{level_name(&ctx, l.level)}</h3>
                            <p class="cb-level__status">{ctx.t(msg)}</p>
                            <p>{ctx.tf(SectionMsg::LevelMetCount, &[("met", &l.met.to_string()), ("total", &l.total.to_string())])}</p>
                            {(!l.missing.is_empty()).then(|| view! {
                                <p>{ctx.t(SectionMsg::StillToMeet)}</p>
                                <ul class="cb-inline-list">
                                    {l.missing.iter().map(|id| {
                                        let i = index_of(id);

                                        view! { <li><button type="button" class="cb-link" on:click=move |_| { if let Some(i) = i { ctx.go(Screen::Question(i)) } }>{id.clone()}</button></li> }
                                    }).collect_view()}
                                </ul>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>

            <h2>{ctx.t(SectionMsg::AreasHeading)}</h2>
            {area_chart(&ctx, &s.areas)}
            <table class="cb-table">
                <caption>{ctx.t(SectionMsg::AreaTableCaption)}</caption>
                <thead><tr>
                    <th scope="col">{ctx.t(Msg::AreaColumn)}</th>
                    <th scope="col" class="cb-num">{ctx.t(SectionMsg::ScoreColumn)}</th>
                    <th scope="col" class="cb-num">{ctx.t(SectionMsg::PointsColumn)}</th>
                </tr></thead>
                <tbody>
                    {s.areas.iter().map(|ar| view! {
                        <tr>
                            <th scope="row">{area_name(&ctx, ar.area)}</th>
                            <td class="cb-num">{format!("{}%", ar.percent)}</td>
                            <td class="cb-num">{format!("{} / {}", ar.points.earned, ar.points.available)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>

            <h2>{ctx.t(SectionMsg::CriteriaHeading)}</h2>
            <table class="cb-table">
                <caption class="cb-visually-hidden">{ctx.t(SectionMsg::CriteriaHeading)}</caption>
                <thead><tr>
                    <th scope="col">{ctx.t(SectionMsg::CriterionColumn)}</th>
                    <th scope="col">{ctx.t(SectionMsg::StatusColumn)}</th>
                    <th scope="col" class="cb-num">{ctx.t(SectionMsg::PointsColumn)}</th>
                </tr></thead>
                <tbody>
                    {s.criteria.iter().map(|c| {
                        let i = index_of(&c.id).unwrap_or(0);
                        let title = fw.criteria[i].title;
                        view! {
                            <tr>
                                <th scope="row"><button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Question(i))>{format!("{} {}", c.id, title)}</button></th>
                                <td>{criterion_status(&ctx, c.status)}</td>
                                <td class="cb-num">{format!("{} / {}", c.points.earned, c.points.available)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>

            <h2>{ctx.t(SectionMsg::HowOthersDo)}</h2>
            <ul class="cb-benchmarks">
                {statistics().iter().filter_map(|st| {
                    let ind = st.indicator?;
                    let (_, indicator) = fw.indicator(ind)?;
                    let yours = match a.answer(ind) {
                        Some(x) => ctx.tf(SectionMsg::YourAnswerTo, &[("question", indicator.question), ("answer", answer_word(ctx, Some(x.answer)))]),
                        None => ctx.tf(SectionMsg::YouHaveNotAnswered, &[("question", indicator.question)]),
                    };
                    Some(view! {
                        <li class="cb-benchmark">
                            <p><strong>{st.text}</strong></p>
                            <p>{yours}</p>
                            <p class="cb-source">{ctx.tf(SectionMsg::SourceLabel, &[("source", &format!("{} ({})", st.source, st.published))])}</p>
                        </li>
                    })
                }).collect_view()}
            </ul>

            {
                let links = &ctx.config.links;
                (!links.is_empty()).then(|| view! {
                    <h2>{ctx.t(SectionMsg::SupportNearYou)}</h2>
                    <p>{ctx.t(SectionMsg::SupportNearYouIntro)}</p>
                    <ul class="cb-signposts">
                        {links.iter().map(|l| view! { <li><a href=l.url.as_str() rel="noopener">{l.title.as_str()}</a></li> }).collect_view()}
                    </ul>
                })
            }
            <h2>{ctx.t(SectionMsg::WhatNext)}</h2>
            <ul class="cb-inline-list">
                <li><button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Plan(super::plan::Page::List))>{ctx.t(SectionMsg::NextPlan)}</button></li>
                <li><button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Policies(super::policies::Page::Overview))>{ctx.t(SectionMsg::NextPolicies)}</button></li>
                <li><button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Passport(super::passport::Page::Overview))>{ctx.t(SectionMsg::NextPassport)}</button></li>
            </ul>
            <div class="cb-inset">
                <h2 class="cb-inset__title">{ctx.t(SectionMsg::WhereToApply)}</h2>
                <p>{ctx.t(SectionMsg::WhereToApplyText)}</p>
                <p><a href="https://www.employersforcarers.org/" rel="noopener">{ctx.t(SectionMsg::EmployersForCarersLink)}</a></p>
            </div>
        }
        .into_any()
    };
    body.into_any()
}

pub fn answer_word(ctx: Ctx, a: Option<Answer>) -> &'static str {
    ctx.t(match a {
        None => SectionMsg::NotAnswered,
        Some(Answer::No) => SectionMsg::AnswerNo,
        Some(Answer::Partly) => SectionMsg::AnswerPartly,
        Some(Answer::Yes) => SectionMsg::AnswerYes,
    })
}

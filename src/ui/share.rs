//! A participant's side of a workshop: their results as a share code (and a small share
//! file) for the facilitator, with their name only if they tick the box; then the room's
//! summary code, pasted back, to see where they stand. Shares, codes and comparisons are
//! `domain::workshop`'s; nothing here leaves the laptop unless the user copies it.

use super::files::download;
use super::level_name;
use super::widgets::{area_name, code_box, error_for, error_summary, show_errors, status_word, Errors};
use super::{Ctx, Screen};
use crate::domain::format::file_name;
use crate::domain::scoring::score;
use crate::domain::workshop::{self as ws, Comparison, Position};
use crate::i18n::{SectionMsg, WMsg};
use leptos::prelude::*;

pub fn position_tag(ctx: Ctx, p: Position) -> impl IntoView {
    let (class, msg) = match p {
        Position::Above => ("cb-tag", SectionMsg::PositionAbove),
        Position::Around => ("cb-tag cb-tag--blue", SectionMsg::PositionAround),
        Position::Below => ("cb-tag cb-tag--yellow", SectionMsg::PositionBelow),
    };
    view! { <strong class=class>{ctx.t(msg)}</strong> }
}

pub fn view(ctx: Ctx) -> AnyView {
    let Some(a) = ctx.assessment.get_untracked() else { return ().into_any() };
    let consent = RwSignal::new(false);
    let name = a.organisation.name.clone();
    let a = StoredValue::new(a);
    let scored = a.with_value(|a| score(ctx.fw(), a, super::today()));
    let scored = StoredValue::new(scored);
    let share = Memo::new(move |_| {
        let consent = consent.get();
        a.with_value(|a| scored.with_value(|s| ws::share(a, s, consent)))
    });
    let code = Signal::derive(move || share.with(|s| s.code()));
    let download_file = move |_| {
        let s = share.get_untracked();
        let label = match &s.organisation {
            Some(n) => format!("{n} workshop share"),
            None => "workshop share".into(),
        };
        let _ =
            download(&file_name(&label, super::today(), "json"), "application/json", ws::share_to_json(&s).as_bytes());
    };

    let room = RwSignal::new(String::new());
    let errors: Errors = RwSignal::new(Vec::new());
    let error = error_for(errors, "cb-room-code");
    let result = RwSignal::new(None::<Result<Comparison, ()>>);
    let compare = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match ws::decode_summary(&room.get_untracked()) {
            Ok(summary) => {
                errors.set(Vec::new());
                result.set(Some(share.with_untracked(|s| ws::compare(s, &summary)).ok_or(())));
                request_animation_frame(move || ctx.focus_id("cb-comparison"));
            }
            Err(e) => {
                result.set(None);
                show_errors(
                    ctx,
                    errors,
                    vec![("cb-room-code".into(), ctx.tf(SectionMsg::RoomCodeError, &[("reason", &e.to_string())]))],
                );
            }
        }
    };

    view! {
        <button type="button" class="cb-back" on:click=move |_| ctx.go(Screen::Tasks)>{ctx.t(SectionMsg::BackToTaskList)}</button>
        {error_summary(ctx, errors)}
        <span class="cb-caption">{name.clone()}</span>
        <h1 tabindex="-1">{ctx.t(SectionMsg::ShareTitle)}</h1>
        <p class="cb-lead">{ctx.t(SectionMsg::ShareLead)}</p>
        <div class="cb-inset">
            <h2 class="cb-inset__title">{ctx.t(SectionMsg::ShareContainsTitle)}</h2>
            <ul>
                <li>{ctx.t(SectionMsg::ShareContainsLevels)}</li>
                <li>{ctx.t(SectionMsg::ShareContainsAreas)}</li>
                <li>{ctx.t(SectionMsg::ShareContainsCriteria)}</li>
                <li>{ctx.t(SectionMsg::ShareContainsTag)}</li>
            </ul>
            <h2 class="cb-inset__title">{ctx.t(SectionMsg::ShareNeverTitle)}</h2>
            <p>{ctx.t(SectionMsg::ShareNeverText)}</p>
        </div>
        <div class="cb-field">
            <div class="cb-checkbox">
                <input type="checkbox" id="cb-share-consent" aria-describedby="cb-share-consent-hint"
                    prop:checked=move || consent.get() on:change=move |ev| consent.set(event_target_checked(&ev))/>
                <label for="cb-share-consent">{ctx.tf(SectionMsg::ShareConsentLabel, &[("name", &name)])}</label>
            </div>
            <p class="cb-hint cb-ws-indent" id="cb-share-consent-hint">{ctx.t(SectionMsg::ShareConsentHint)}</p>
        </div>
        <h2>{ctx.t(SectionMsg::YourCodeHeading)}</h2>
        {code_box(ctx, "cb-share-code", SectionMsg::YourCodeLabel, SectionMsg::YourCodeHint, code)}
        <p class="cb-ws-named" aria-live="polite">{move || ctx.t(if consent.get() { SectionMsg::CodeNamesYou } else { SectionMsg::CodeAnonymous })}</p>
        <p>{ctx.t(SectionMsg::ShareFileText)}</p>
        <div class="cb-button-group">
            <button type="button" class="cb-button cb-button--secondary" on:click=download_file>{ctx.t(SectionMsg::DownloadShareFile)}</button>
        </div>

        <h2>{ctx.t(SectionMsg::CompareHeading)}</h2>
        <p>{ctx.t(SectionMsg::CompareText)}</p>
        <form novalidate on:submit=compare>
            <div class="cb-field" class:cb-field--error=move || error().is_some()>
                <label class="cb-label" for="cb-room-code">{ctx.t(SectionMsg::RoomCodeLabel)}</label>
                <p class="cb-hint" id="cb-room-code-hint">{ctx.t(SectionMsg::RoomCodeHint)}</p>
                {move || error().map(|e| view! { <p class="cb-error" id="cb-room-code-error">{e}</p> })}
                <input class="cb-input cb-ws-code__input" id="cb-room-code" type="text" spellcheck="false" autocomplete="off"
                    aria-invalid=move || error().is_some().then_some("true")
                    aria-describedby=move || if error().is_some() { "cb-room-code-hint cb-room-code-error" } else { "cb-room-code-hint" }
                    prop:value=move || room.get() on:input=move |ev| room.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="cb-button">{ctx.t(SectionMsg::CompareButton)}</button>
        </form>
        {move || result.get().map(|r| match r {
            Ok(c) => comparison(ctx, &c).into_any(),
            Err(()) => view! { <p id="cb-comparison" tabindex="-1">{ctx.t(SectionMsg::RoomEmpty)}</p> }.into_any(),
        })}
        <div class="cb-button-group">
            <button type="button" class="cb-button" on:click=move |_| ctx.go(Screen::Tasks)>{ctx.t(SectionMsg::BackToTaskList)}</button>
            <button type="button" class="cb-link" on:click=move |_| ctx.go(Screen::Results)>{ctx.t(SectionMsg::SeeResults)}</button>
        </div>
    }
    .into_any()
}

/// Where the participant stands against the room, area by area and level by level.
fn comparison(ctx: Ctx, c: &Comparison) -> impl IntoView {
    view! {
        <section class="cb-ws-comparison" id="cb-comparison" tabindex="-1" aria-labelledby="cb-comparison-title">
            <h2 id="cb-comparison-title">{ctx.tf(SectionMsg::ComparisonTitle, &[("count", &c.participants.to_string())])}</h2>
            <div class="cb-ws-scroll" role="region" aria-labelledby="cb-compare-areas-caption" tabindex="0">
                <table class="cb-table cb-ws-compare-areas">
                    <caption id="cb-compare-areas-caption">{ctx.t(SectionMsg::ComparisonAreasCaption)}</caption>
                    <thead><tr>
                        <th scope="col">{ctx.t(WMsg::AreaColumn)}</th>
                        <th scope="col" class="cb-num">{ctx.t(SectionMsg::YourScoreColumn)}</th>
                        <th scope="col" class="cb-num">{ctx.t(SectionMsg::RoomMedianColumn)}</th>
                        <th scope="col">{ctx.t(SectionMsg::WhereYouAreColumn)}</th>
                    </tr></thead>
                    <tbody>
                        {c.areas.iter().map(|a| view! {
                            <tr>
                                <th scope="row">{area_name(&ctx, a.area)}</th>
                                <td class="cb-num">{format!("{}%", a.yours)}</td>
                                <td class="cb-num">{format!("{}%", a.median)}</td>
                                <td>{position_tag(ctx, a.position)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="cb-ws-scroll" role="region" aria-labelledby="cb-compare-levels-caption" tabindex="0">
                <table class="cb-table cb-ws-compare-levels">
                    <caption id="cb-compare-levels-caption">{ctx.t(SectionMsg::ComparisonLevelsCaption)}</caption>
                    <thead><tr>
                        <th scope="col">{ctx.t(WMsg::LevelColumn)}</th>
                        <th scope="col">{ctx.t(SectionMsg::YouColumn)}</th>
                        <th scope="col" class="cb-num">{ctx.t(SectionMsg::ReadyInRoomColumn)}</th>
                        <th scope="col">{ctx.t(SectionMsg::WhereYouAreColumn)}</th>
                    </tr></thead>
                    <tbody>
                        {c.levels.iter().map(|l| view! {
                            <tr>
                                <th scope="row">{level_name(&ctx, l.level)}</th>
                                <td>{status_word(ctx, l.yours)}</td>
                                <td class="cb-num">{ctx.tf(SectionMsg::ReadyOfCount, &[("ready", &l.ready.to_string()), ("count", &c.participants.to_string())])}</td>
                                <td>{position_tag(ctx, l.position)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="cb-hint">{ctx.t(SectionMsg::ComparisonNote)}</p>
        </section>
    }
}

//! The projector view of the running order, one part at a time, with keys to move.

use super::*;

/// Shows `el` full screen; with `None`, or when something already is, leaves full
/// screen. A no-op where the browser (or an embedding frame) does not allow it: the view
/// works the same without.
pub(super) fn fullscreen(el: Option<&web_sys::HtmlElement>) {
    use js_sys::{Function, Promise, Reflect};
    let Some(document) = web_sys::window().and_then(|ctx| ctx.document()) else { return };
    let current = Reflect::get(&document, &"fullscreenElement".into()).unwrap_or_default();
    let full = !(current.is_null() || current.is_undefined());
    let (target, method): (wasm_bindgen::JsValue, &str) = match el {
        _ if full => (document.into(), "exitFullscreen"),
        Some(el) => (el.clone().into(), "requestFullscreen"),
        None => return,
    };
    let Some(f) = Reflect::get(&target, &method.into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) else {
        return;
    };
    if let Some(p) = f.call0(&target).ok().and_then(|p| p.dyn_into::<Promise>().ok()) {
        // A refusal is not worth reporting.
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        });
    }
}

/// On slide `at` of `0..=last`: the arrow keys and Page Up/Down (what presentation
/// clickers send) move to the slide before or after, Home and End to the first and last:
/// `to(Some(slide))`. Escape leaves, anywhere: `to(None)`. Without slides (`None`), only
/// Escape is taken, so the other keys still scroll. The listener goes with the page.
pub(super) fn slide_keys(slides: Option<(usize, usize)>, to: impl Fn(Option<usize>) + 'static) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.default_prevented() {
            return;
        }
        let key = ev.key();
        let target = match (key.as_str(), slides) {
            ("Escape", _) => None,
            ("ArrowRight" | "PageDown", Some((at, last))) => Some((at + 1).min(last)),
            ("ArrowLeft" | "PageUp", Some((at, _))) => Some(at.saturating_sub(1)),
            ("Home", Some(_)) => Some(0),
            ("End", Some((_, last))) => Some(last),
            _ => return,
        };
        ev.prevent_default();
        to(target);
    });
    on_cleanup(move || handle.remove());
}

#[component]
pub(super) fn Projector(ctx: Ctx, room: Room, slide: usize) -> impl IntoView {
    let slots = timetable(room.record.with_untracked(|r| r.start));
    let last = slots.len();
    let n = slide.min(last);
    let exit = move || {
        fullscreen(None);
        go(ctx, Page::Agenda);
    };
    slide_keys(Some((n, last)), move |to| match to {
        Some(slide) => go(ctx, Page::Projector(slide)),
        None => exit(),
    });
    let stage = NodeRef::<leptos::html::Div>::new();
    let x = room.workshop();
    let body = if n == 0 {
        let meta = x.as_ref().map(|x| {
            let mut parts = vec![x.long_date()];
            if !x.organisation.is_empty() {
                parts.push(x.organisation.clone());
            }
            parts.join(" · ")
        });
        let start = slots.first().map_or(DEFAULT_START, |s| s.start);
        view! {
            <div class="cb-ws-slide cb-ws-slide--title">
                <p class="cb-ws-slide__kicker">{ctx.t(WMsg::ProjectorKicker)}</p>
                <h1 tabindex="-1">{x.as_ref().map_or_else(|| ctx.t(WMsg::WorkshopCaption).to_string(), |x| x.title.clone())}</h1>
                {meta.map(|m| view! { <p class="cb-ws-slide__meta">{m}</p> })}
                <p class="cb-ws-slide__meta">{ctx.tf(WMsg::AgendaTimes, &[
                    ("start", &clock(start)),
                    ("end", &clock(start + total_minutes())),
                    ("parts", &last.to_string()),
                ])}</p>
                <ol class="cb-ws-slide__order">
                    {slots.iter().map(|s| view! {
                        <li><span class="cb-ws-slide__time">{clock(s.start)}</span>" "{s.section.title}</li>
                    }).collect_view()}
                </ol>
            </div>
        }
        .into_any()
    } else {
        let slot = &slots[n - 1];
        let s = slot.section;
        view! {
            <div class="cb-ws-slide">
                <p class="cb-ws-slide__kicker">
                    {ctx.tf(WMsg::PartOf, &[("n", &n.to_string()), ("total", &last.to_string())])}
                    " · "{format!("{}–{}", clock(slot.start), clock(slot.end))}
                    " · "{duration(ctx, s.minutes)}
                </p>
                <h1 tabindex="-1">{s.title}</h1>
                {(!s.criteria.is_empty()).then(|| view! {
                    <ul class="cb-ws-slide__criteria">
                        {s.criteria.iter().map(|id| {
                            let title = criterion_title(id).unwrap_or("");
                            view! { <li><span class="cb-ws-slide__id">{*id}</span>" "{title}</li> }
                        }).collect_view()}
                    </ul>
                })}
                <h2>{ctx.t(WMsg::PromptsHeading)}</h2>
                <ul class="cb-ws-slide__prompts">{s.prompts.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="cb-ws-projector" node_ref=stage role="region" aria-label=ctx.t(WMsg::ProjectorRegion)>
            {body}
            <div class="cb-ws-projector__nav">
                <button type="button" class="cb-button cb-button--secondary cb-ws-projector__button" disabled={n == 0}
                    on:click=move |_| go(ctx, Page::Projector(n.saturating_sub(1)))>{ctx.t(WMsg::PreviousSlide)}</button>
                <div class="cb-ws-projector__middle">
                    <p class="cb-ws-projector__count">{format!("{} / {}", n + 1, last + 1)}</p>
                    {projector_controls(ctx, stage, exit)}
                </div>
                <button type="button" class="cb-button cb-ws-projector__button" disabled={n == last}
                    on:click=move |_| go(ctx, Page::Projector((n + 1).min(last)))>{ctx.t(WMsg::NextSlide)}</button>
            </div>
        </div>
    }
}

/// Leaving and full screen, in small type below the slide (the keys are explained on
/// the running order page, beside the way in).
pub(super) fn projector_controls(
    ctx: Ctx,
    stage: NodeRef<leptos::html::Div>,
    exit: impl Fn() + Copy + 'static,
) -> impl IntoView {
    view! {
        <p class="cb-ws-projector__links">
            <button type="button" class="cb-ws-projector__exit" on:click=move |_| exit()>{ctx.t(WMsg::ExitProjector)}</button>
            <button type="button" class="cb-ws-projector__exit" on:click=move |_| {
                if let Some(el) = stage.get_untracked() { fullscreen(Some(&el)); }
            }>{ctx.t(WMsg::FullScreen)}</button>
        </p>
    }
}

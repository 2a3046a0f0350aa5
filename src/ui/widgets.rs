//! Words and widgets the screens after the task list share: names of areas and
//! statuses, the copyable code box, the error summary and printing.

use super::Ctx;
use crate::domain::content::Area;
use crate::domain::scoring::LevelStatus;
use crate::i18n::WMsg as Msg;
use crate::i18n::{Catalogue, WMsg};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn area_name(ctx: &Ctx, a: Area) -> &'static str {
    ctx.t(match a {
        Area::Identification => Msg::AreaIdentification,
        Area::Policy => Msg::AreaPolicy,
        Area::Practice => Msg::AreaPractice,
        Area::Peer => Msg::AreaPeer,
        Area::Communication => Msg::AreaCommunication,
    })
}

/// Copies `text` with the asynchronous clipboard API; false when the browser has none
/// or refuses (no permission, not a secure page).
async fn clipboard_write(text: &str) -> bool {
    use js_sys::{Function, Promise, Reflect};
    let Ok(navigator) = Reflect::get(&js_sys::global(), &"navigator".into()) else { return false };
    let Ok(clipboard) = Reflect::get(&navigator, &"clipboard".into()) else { return false };
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    let Some(write) = Reflect::get(&clipboard, &"writeText".into()).ok().and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return false;
    };
    let Some(promise) = write.call1(&clipboard, &text.into()).ok().and_then(|p| p.dyn_into::<Promise>().ok()) else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// A code to copy: a read-only field (selected whole when it takes focus, so it can be
/// copied by hand) and a Copy button that uses the clipboard where the browser allows,
/// and otherwise selects the code and says how to copy it.
pub fn code_box<M: Catalogue + Send + Sync + 'static>(
    ctx: Ctx,
    id: &'static str,
    label: M,
    hint: M,
    code: Signal<String>,
) -> impl IntoView {
    let status = RwSignal::new(None::<WMsg>);
    // "Copied" no longer holds once the code changes (the name ticked or unticked).
    Effect::new(move |_| {
        code.track();
        status.set(None);
    });
    let select = move || {
        if let Some(input) = ctx.query(&format!("#{id}")).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            let _ = input.focus();
            input.select();
        }
    };
    let copy = move |_| {
        leptos::task::spawn_local(async move {
            let ok = clipboard_write(&code.get_untracked()).await;
            if !ok {
                select();
            }
            status.set(Some(if ok { WMsg::CodeCopied } else { WMsg::CodeCopyByHand }));
        });
    };
    let hint_id = format!("{id}-hint");
    view! {
        <div class="cb-field cb-ws-code">
            <label class="cb-label" for=id>{ctx.t(label)}</label>
            <p class="cb-hint" id=hint_id.clone()>{ctx.t(hint)}</p>
            <div class="cb-ws-code__row">
                <input class="cb-input cb-ws-code__input" id=id type="text" readonly spellcheck="false" autocomplete="off"
                    aria-describedby=hint_id prop:value=move || code.get()
                    on:focus=move |ev| {
                        if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            i.select();
                        }
                    }/>
                <button type="button" class="cb-button cb-button--secondary cb-ws-code__copy" on:click=copy>{ctx.t(WMsg::CopyCode)}</button>
            </div>
            <p class="cb-ws-code__status" role="status" aria-live="polite">{move || status.get().map(|m| ctx.t(m))}</p>
        </div>
    }
}

/// The words of the workshop summaries' downloads, in the interface's language.
impl crate::domain::workshop::Labels for Ctx {
    fn area(&self, area: Area) -> &str {
        area_name(self, area)
    }

    fn level_status(&self, status: LevelStatus) -> &str {
        status_word(*self, status)
    }
}

pub fn status_word(ctx: Ctx, s: LevelStatus) -> &'static str {
    ctx.t(match s {
        LevelStatus::Ready => WMsg::LevelReady,
        LevelStatus::OnTrack => WMsg::LevelOnTrack,
        LevelStatus::NotYet => WMsg::LevelNotYet,
    })
}

/// A form's errors: (field id, message) pairs, in the order of the form.
pub type Errors = RwSignal<Vec<(String, String)>>;

/// An error summary at the top of a form, each message linking to its field.
pub fn error_summary(ctx: Ctx, errors: Errors) -> impl IntoView {
    move || {
        (!errors.with(Vec::is_empty)).then(|| view! {
            <div class="cb-error-summary" id="cb-error-summary" role="alert" tabindex="-1">
                <h2 class="cb-error-summary__title">{ctx.t(WMsg::ThereIsAProblem)}</h2>
                <ul>
                    {errors.get().into_iter().map(|(field, m)| view! {
                        <li><a href=format!("#{field}") on:click=move |ev| { ev.prevent_default(); ctx.focus_id(&field); }>{m}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}

pub fn show_errors(ctx: Ctx, errors: Errors, found: Vec<(String, String)>) {
    errors.set(found);
    request_animation_frame(move || ctx.focus_id("cb-error-summary"));
}

pub fn error_for(errors: Errors, field: &'static str) -> impl Fn() -> Option<String> + Copy + Send + Sync {
    move || errors.with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()))
}

/// Opens the browser's print dialogue (the print stylesheets show only the document).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Under a text field limited to [`MAX_TEXT_CHARS`], the file format's limit (which the
/// field enforces with `maxlength`): see [`chars_left_of`].
pub fn chars_left(ctx: Ctx, id: String, text: impl Fn() -> String + Send + Sync + 'static) -> impl IntoView {
    chars_left_of(ctx, id, crate::domain::text::MAX_TEXT_CHARS, text)
}

/// Under a text field limited to `max` characters: once the text is within a tenth of
/// the limit, how many characters are left, and at the limit that it is reached,
/// announced politely. `id` is the count's element ID, for `aria-describedby`.
pub fn chars_left_of(
    ctx: Ctx,
    id: String,
    max: usize,
    text: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    let left = move || max.saturating_sub(text().chars().count());
    view! {
        <p class="cb-hint cb-count" id=id aria-live="polite">
            {move || match left() {
                0 => ctx.tf(crate::i18n::Msg::CharsNoneLeft, &[("max", &max.to_string())]),
                n if n <= max / 10 => ctx.tf(crate::i18n::Msg::CharsLeft, &[("count", &n.to_string())]),
                _ => String::new(),
            }}
        </p>
    }
}

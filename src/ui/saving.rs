//! Saving as the user works. Every change to the library is written to storage once
//! the user has paused for [`QUIET_MS`] (so a note is saved while it is typed, not when
//! the field loses focus), and at once when the page is hidden or closed. "Saved at …"
//! appears only after a write succeeded. When a write fails (storage full, blocked or
//! off) the header says so, the work stays in memory, and the header offers a backup.

use super::storage::Store;
use super::{files, local_time, now, Ctx, SaveState};
use crate::domain::format;
use crate::i18n::Msg;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// How long after the last change the library is written, in milliseconds: well
/// inside the half second a user may wait before closing the tab.
pub const QUIET_MS: u32 = 300;

/// Writes the library after each change, as described above, for the app's lifetime.
pub fn save_as_you_go(ctx: Ctx, store: Store) {
    let store = Rc::new(store);
    // True from a change until it is written.
    let dirty = Rc::new(Cell::new(false));
    let write = {
        let (store, dirty) = (store.clone(), dirty.clone());
        move || {
            dirty.set(false);
            let ok = ctx.lib.with_untracked(|lib| store.save(lib));
            ctx.saved.set(if ok { SaveState::Saved(local_time(now(), false)) } else { SaveState::Failed });
        }
    };
    let timer: Rc<RefCell<Option<Timeout>>> = Rc::default();
    {
        let (write, dirty) = (write.clone(), dirty.clone());
        Effect::new(move |previous: Option<()>| {
            ctx.lib.track();
            if previous.is_none() {
                return; // the library as it was loaded
            }
            dirty.set(true);
            let write = write.clone();
            // Replacing the timer cancels the one before: the write waits for a pause.
            *timer.borrow_mut() = Some(Timeout::new(QUIET_MS, write));
        });
    }
    let flush = move || {
        if dirty.get() {
            write();
        }
    };
    let Some(window) = web_sys::window() else { return };
    let on_pagehide = Closure::<dyn Fn()>::new(flush.clone());
    let _ = window.add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
    on_pagehide.forget();
    let on_hidden = Closure::<dyn Fn()>::new(move || {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if hidden {
            flush();
        }
    });
    let _ = window.add_event_listener_with_callback("visibilitychange", on_hidden.as_ref().unchecked_ref());
    on_hidden.forget();
}

/// Downloads every assessment in this browser as its own `.json` file, the files the
/// start page imports: the way to keep work the browser will not store.
pub fn download_backup(ctx: Ctx) {
    let made = now();
    ctx.lib.with_untracked(|lib| {
        for saved in &lib.assessments {
            let name = format::file_name(&saved.assessment.organisation.name, made.date_naive(), "json");
            let _ = files::download(&name, "application/json", format::to_json(&saved.assessment).as_bytes());
        }
    });
}

/// The header's line about saving: when it last worked, or that it did not, with the
/// backup to download.
pub fn save_status(ctx: Ctx) -> impl IntoView {
    move || match ctx.saved.get() {
        SaveState::Idle => ().into_any(),
        SaveState::Saved(time) => ctx.tf(Msg::SavedAt, &[("time", &time)]).into_any(),
        SaveState::Failed => view! {
            <strong>{ctx.t(Msg::SaveFailed)}</strong>" "
            <button type="button" class="cb-link" on:click=move |_| download_backup(ctx)>
                {ctx.t(Msg::DownloadBackup)}
            </button>
        }
        .into_any(),
    }
}

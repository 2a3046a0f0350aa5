//! Saving as the user works. Every change to the library is written to storage once
//! the user has paused for [`QUIET_MS`] (so a note is saved while it is typed, not when
//! the field loses focus), and at once when the page is hidden or closed. "Saved at …"
//! appears only after a write succeeded. When a write fails (storage full, blocked or
//! off) the header says so, the work stays in memory, and the header offers a backup.
//!
//! Two tabs: before each write, and whenever another tab stores the library (the
//! `storage` event), what the other tab stored is merged into this tab's library
//! ([`merge`]), so neither tab's edits are lost; when a later change in the other tab
//! replaced one of ours, the page says which.

use super::storage::Store;
use super::{files, local_time, now, Ctx, SaveState};
use crate::domain::format;
use crate::domain::library::{self, Library, Loaded};
use crate::domain::merge::{changed, merge, Part, Replaced};
use crate::i18n::Msg;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// How long after the last change the library is written, in milliseconds: well
/// inside the half second a user may wait before closing the tab.
pub const QUIET_MS: u32 = 300;

/// This tab's view of storage: what it last read or wrote there, as text and as a library
/// (the base of a three-way merge).
struct Synced {
    store: Store,
    text: RefCell<Option<String>>,
    library: RefCell<Library>,
    /// The parts this tab has changed and stored: if another tab's later change replaces
    /// one, the user is told, even after this tab's write.
    written_here: RefCell<BTreeSet<(String, Part)>>,
}

impl Synced {
    /// Merges what another tab stored since this tab last read or wrote, if anything.
    fn take_in_other_tabs_changes(&self, ctx: Ctx) {
        let stored = self.store.read();
        if stored == *self.text.borrow() {
            return;
        }
        if let Loaded::Ok(theirs) = library::load(stored.as_deref()) {
            let base = self.library.replace(theirs.clone());
            let mut merged = ctx.lib.with_untracked(|ours| merge(&base, ours, &theirs));
            // Edits of ours already stored that the other tab's later change replaced.
            for (id, part) in changed(&base, &theirs) {
                if self.written_here.borrow_mut().remove(&(id.clone(), part.clone())) {
                    let organisation = theirs.get(&id).map(|a| a.organisation.name.clone()).unwrap_or_default();
                    let replaced = Replaced { organisation, part };
                    if !merged.replaced.contains(&replaced) {
                        merged.replaced.push(replaced);
                    }
                }
            }
            if ctx.lib.with_untracked(|ours| *ours != merged.library) {
                ctx.lib.set(merged.library);
            }
            if !merged.replaced.is_empty() {
                ctx.other_tab_notice.set(Some(replaced_words(ctx, &merged.replaced)));
            }
        }
        *self.text.borrow_mut() = stored;
    }

    fn write(&self, ctx: Ctx) {
        self.take_in_other_tabs_changes(ctx);
        let text = ctx.lib.with_untracked(library::store);
        let ok = self.store.write(&text);
        if ok {
            let written = ctx.lib.get_untracked();
            self.written_here.borrow_mut().extend(changed(&self.library.borrow(), &written));
            *self.library.borrow_mut() = written;
            *self.text.borrow_mut() = Some(text);
        }
        ctx.saved.set(if ok { SaveState::Saved(local_time(now(), false)) } else { SaveState::Failed });
    }
}

/// Writes the library after each change, as described above, for the app's lifetime.
/// `stored` is the text the library was read from.
pub fn save_as_you_go(ctx: Ctx, store: Store, stored: Option<String>) {
    let synced = Rc::new(Synced {
        store,
        text: RefCell::new(stored),
        library: RefCell::new(ctx.lib.get_untracked()),
        written_here: RefCell::default(),
    });
    // True from a change until it is written.
    let dirty = Rc::new(Cell::new(false));
    let write = {
        let (synced, dirty) = (synced.clone(), dirty.clone());
        move || {
            dirty.set(false);
            synced.write(ctx);
        }
    };
    let timer: Rc<RefCell<Option<Timeout>>> = Rc::default();
    {
        let (write, dirty, synced) = (write.clone(), dirty.clone(), synced.clone());
        Effect::new(move |previous: Option<()>| {
            ctx.lib.track();
            // The library as loaded, or just written or merged: nothing new to store.
            let unchanged = ctx.lib.with_untracked(|lib| *lib == *synced.library.borrow());
            if previous.is_none() || unchanged {
                return;
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
    let listen = |event: &str, f: Box<dyn Fn()>| {
        let listener = Closure::<dyn Fn()>::new(f);
        let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        listener.forget();
    };
    listen("pagehide", Box::new(flush.clone()));
    listen(
        "visibilitychange",
        Box::new(move || {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
            if hidden {
                flush();
            }
        }),
    );
    // Another tab stored something: take it in now, not only at our next write.
    listen("storage", Box::new(move || synced.take_in_other_tabs_changes(ctx)));
}

/// "your answer to L1.1.a for Acme Care Ltd; the action plan for …".
fn replaced_words(ctx: Ctx, replaced: &[Replaced]) -> String {
    let list: Vec<String> = replaced
        .iter()
        .map(|r| {
            let org = ("organisation", r.organisation.as_str());
            match &r.part {
                Part::Answer(id) => ctx.tf(Msg::ReplacedAnswer, &[("indicator", id), org]),
                Part::Organisation => ctx.tf(Msg::ReplacedOrganisation, &[org]),
                Part::Policies => ctx.tf(Msg::ReplacedPolicies, &[org]),
                Part::Plan => ctx.tf(Msg::ReplacedPlan, &[org]),
                Part::Passport => ctx.tf(Msg::ReplacedPassport, &[org]),
            }
        })
        .collect();
    ctx.tf(Msg::ReplacedInOtherTab, &[("what", &list.join("; "))])
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

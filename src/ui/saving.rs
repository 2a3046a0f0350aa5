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
use super::{files, lazy, local_time, now, Ctx, SaveState};
use crate::domain::library::{self, Library, Loaded};
use crate::domain::merge::{Part, Replaced, Tabs};
use crate::i18n::Msg;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// How long after the last change the library is written, in milliseconds: well
/// inside the half second a user may wait before closing the tab.
pub const QUIET_MS: u32 = 300;

/// This tab's view of storage. Compared as text, so the first page carries no code to
/// compare libraries: the merge itself is in a chunk (`lazy::merge_tabs`).
struct Synced {
    store: Store,
    /// What storage held after this tab's last read, write or merge.
    text: RefCell<Option<String>>,
    /// The same, as a library: the base of a three-way merge.
    base: RefCell<Library>,
    /// What this tab last took from storage that another tab wrote (or loaded): from it
    /// to `base` are the changes this tab stored itself.
    received: RefCell<Library>,
}

impl Synced {
    /// What another tab stored since this tab last read or wrote, if anything.
    fn theirs(&self) -> Option<(Option<String>, Library)> {
        let stored = self.store.read();
        if stored == *self.text.borrow() {
            return None;
        }
        match library::load(stored.as_deref()) {
            Loaded::Ok(theirs) | Loaded::Repaired { library: theirs, .. } => Some((stored, theirs)),
            // Not readable: nothing to merge; this tab's write replaces it.
            Loaded::Unreadable { .. } => None,
        }
    }

    fn tabs(&self, ctx: Ctx, theirs: Library) -> Tabs {
        Tabs {
            received: self.received.borrow().clone(),
            base: self.base.borrow().clone(),
            ours: ctx.lib.get_untracked(),
            theirs,
        }
    }

    /// Takes in a merge: the other tab's library becomes what this tab last saw.
    fn take(&self, ctx: Ctx, stored: Option<String>, theirs: Library, (merged, notice): (Library, Option<String>)) {
        ctx.lib.set(merged);
        if notice.is_some() {
            ctx.data_notice.set(notice);
        }
        *self.received.borrow_mut() = theirs.clone();
        *self.base.borrow_mut() = theirs;
        *self.text.borrow_mut() = stored;
    }

    fn write_now(&self, ctx: Ctx) {
        let text = ctx.lib.with_untracked(library::store);
        let ok = self.store.write(&text);
        if ok {
            *self.base.borrow_mut() = ctx.lib.get_untracked();
            *self.text.borrow_mut() = Some(text);
        }
        ctx.saved.set(if ok { SaveState::Saved(local_time(now(), false)) } else { SaveState::Failed });
    }

    /// Writes the library, first merging what another tab stored (fetching the merge's
    /// chunk if it is not here yet).
    fn write(self: Rc<Self>, ctx: Ctx) {
        let Some((stored, theirs)) = self.theirs() else { return self.write_now(ctx) };
        leptos::task::spawn_local(async move {
            let tabs = self.tabs(ctx, theirs.clone());
            match lazy::merge_tabs(ctx, tabs).await {
                Some(merged) => {
                    self.take(ctx, stored, theirs, merged);
                    self.write_now(ctx);
                }
                // Without the merge, writing would drop the other tab's work: say so.
                None => ctx.saved.set(SaveState::Failed),
            }
        });
    }

    /// Writes at once, as the page is hidden or closed: merging only if the merge's chunk
    /// is already here. If it is not (another tab stored something in the last moment),
    /// nothing is written rather than the other tab's work overwritten.
    fn write_at_once(&self, ctx: Ctx) {
        match self.theirs() {
            None => self.write_now(ctx),
            Some((stored, theirs)) => {
                if let Some(merged) = lazy::merge_tabs_at_once(ctx, self.tabs(ctx, theirs.clone())) {
                    self.take(ctx, stored, theirs, merged);
                    self.write_now(ctx);
                }
            }
        }
    }

    /// Another tab stored the library: merge it in now, not only at this tab's next write.
    fn take_in(self: Rc<Self>, ctx: Ctx) {
        let Some((stored, theirs)) = self.theirs() else { return };
        leptos::task::spawn_local(async move {
            if let Some(merged) = lazy::merge_tabs(ctx, self.tabs(ctx, theirs.clone())).await {
                self.take(ctx, stored, theirs, merged);
            }
        });
    }
}

/// Writes the library after each change, as described above, for the app's lifetime.
/// `stored` is the text the library was read from.
pub fn save_as_you_go(ctx: Ctx, store: Store, stored: Option<String>) {
    let loaded = ctx.lib.get_untracked();
    let synced = Rc::new(Synced {
        store,
        text: RefCell::new(stored),
        base: RefCell::new(loaded.clone()),
        received: RefCell::new(loaded),
    });
    // True from a change until it is written.
    let dirty = Rc::new(Cell::new(false));
    let timer: Rc<RefCell<Option<Timeout>>> = Rc::default();
    {
        let (synced, dirty) = (synced.clone(), dirty.clone());
        Effect::new(move |previous: Option<()>| {
            ctx.lib.track();
            if previous.is_none() {
                return; // the library as it was loaded
            }
            dirty.set(true);
            let (synced, dirty) = (synced.clone(), dirty.clone());
            // Replacing the timer cancels the one before: the write waits for a pause.
            *timer.borrow_mut() = Some(Timeout::new(QUIET_MS, move || {
                dirty.set(false);
                synced.write(ctx);
            }));
        });
    }
    let flush = {
        let synced = synced.clone();
        move || {
            if dirty.replace(false) {
                synced.write_at_once(ctx);
            }
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
    listen("storage", Box::new(move || synced.clone().take_in(ctx)));
}

/// "your answer to L1.1.a for Acme Care Ltd; the action plan for …" (in the merge's chunk).
pub(super) fn replaced_words(ctx: Ctx, replaced: &[Replaced]) -> String {
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
    let on = now().date_naive();
    ctx.lib.with_untracked(|lib| {
        for saved in &lib.assessments {
            let _ = files::download_assessment(&saved.assessment, on);
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

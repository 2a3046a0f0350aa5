//! The Leptos UI: a thin layer that renders domain state and sends events to it.
//! Navigation lives in a signal, not in path routes, so the app can sit inside a
//! host page without fighting its URLs.

mod files;
mod home;
mod journey;
mod results;
mod storage;

use crate::domain::content::{framework, Framework};
use crate::domain::library::Library;
use crate::domain::model::Assessment;
use crate::i18n::{t, tf, Lang, Msg};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where the user is. Criterion pages are addressed by their index in the framework.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home,
    New,
    EditOrganisation,
    Tasks,
    Question(usize),
    Check(u8),
    Results,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Idle,
    Saved(String),
    Failed,
}

/// Shared UI state, passed by context. Everything is a signal, so it is `Copy`.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: Lang,
    pub lib: RwSignal<Library>,
    pub current: RwSignal<Option<String>>,
    pub screen: RwSignal<Screen>,
    pub saved: RwSignal<SaveState>,
    /// A message about stored data that could not be read (and was kept aside).
    pub storage_warning: RwSignal<Option<String>>,
}

impl Ctx {
    pub fn t(&self, m: Msg) -> &'static str {
        t(self.lang, m)
    }

    pub fn tf(&self, m: Msg, args: &[(&str, &str)]) -> String {
        tf(self.lang, m, args)
    }

    pub fn fw(&self) -> &'static Framework {
        framework()
    }

    pub fn go(&self, screen: Screen) {
        self.screen.set(screen);
    }

    /// Reads the current assessment (None when there is none).
    pub fn with_current<R>(&self, f: impl FnOnce(&Assessment) -> R) -> Option<R> {
        let id = self.current.get()?;
        self.lib.with(|lib| lib.get(&id).map(f))
    }

    /// Changes the current assessment; storage follows automatically.
    pub fn update_current(&self, f: impl FnOnce(&mut Assessment)) {
        if let Some(id) = self.current.get_untracked() {
            self.lib.update(|lib| {
                if let Some(a) = lib.get_mut(&id) {
                    f(a);
                }
            });
        }
    }
}

pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// A time in the user's time zone: "22/11/2026 14:05" (UK order), or "14:05:09".
/// Formatted by hand: chrono's strftime machinery costs bundle size.
pub fn local_time(t: chrono::DateTime<chrono::Utc>, with_date: bool) -> String {
    use chrono::{Datelike, Timelike};
    let t = t.with_timezone(&chrono::Local);
    if with_date {
        format!("{:02}/{:02}/{} {:02}:{:02}", t.day(), t.month(), t.year(), t.hour(), t.minute())
    } else {
        format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
    }
}

/// Mounts the app into `#carer-benchmark` when the page has one, else into `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let target = document
        .get_element_by_id("carer-benchmark")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.body())
        .expect("a mount point");
    leptos::mount::mount_to(target, App).forget();
}

#[component]
pub fn App() -> impl IntoView {
    let store = storage::Store::new("carer-benchmark");
    let opened = store.open();
    let lang = Lang::En;
    let ctx = Ctx {
        lang,
        lib: RwSignal::new(opened.library),
        current: RwSignal::new(None),
        screen: RwSignal::new(Screen::Home),
        saved: RwSignal::new(SaveState::Idle),
        storage_warning: RwSignal::new(
            opened.unreadable.map(|(reason, key)| tf(lang, Msg::StorageUnreadable, &[("reason", &reason), ("key", &key)])),
        ),
    };
    provide_context(ctx);

    // Every change to the library is saved at once.
    let first = std::cell::Cell::new(true);
    Effect::new(move |_| {
        let ok = ctx.lib.with(|lib| store.save(lib));
        if first.replace(false) {
            return;
        }
        ctx.saved.set(if ok {
            SaveState::Saved(local_time(now(), false))
        } else {
            SaveState::Failed
        });
    });

    // Move focus to the new page's heading, so screen reader and keyboard users
    // start at the top of what changed.
    Effect::new(move |prev: Option<Screen>| {
        let screen = ctx.screen.get();
        if prev.is_some_and(|p| p != screen) {
            request_animation_frame(|| {
                let h1 = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector(".cb-app h1").ok().flatten())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(h1) = h1 {
                    let _ = h1.focus();
                }
            });
        }
        screen
    });

    let save_text = move || match ctx.saved.get() {
        SaveState::Idle => String::new(),
        SaveState::Saved(time) => ctx.tf(Msg::SavedAt, &[("time", &time)]),
        SaveState::Failed => ctx.t(Msg::SaveFailed).to_string(),
    };

    view! {
        <div class="cb-app" lang=lang.tag()>
            <header class="cb-header">
                <button type="button" class="cb-header__home" on:click=move |_| ctx.go(Screen::Home)>
                    {ctx.t(Msg::ProductName)}
                </button>
                <p class="cb-header__saved" role="status" aria-live="polite">{save_text}</p>
            </header>
            <main class="cb-main">
                {move || ctx.storage_warning.get().map(|w| view! {
                    <div class="cb-warning" role="alert"><p>{w}</p></div>
                })}
                {move || match ctx.screen.get() {
                    Screen::Home => home::Home().into_any(),
                    Screen::New => view! { <home::NewAssessment/> }.into_any(),
                    Screen::EditOrganisation => view! { <home::NewAssessment edit=true/> }.into_any(),
                    Screen::Tasks => journey::TaskList().into_any(),
                    Screen::Question(i) => view! { <journey::Question index=i/> }.into_any(),
                    Screen::Check(level) => view! { <journey::Check level=level/> }.into_any(),
                    Screen::Results => results::Results().into_any(),
                }}
            </main>
            <footer class="cb-footer">
                <p>{ctx.t(Msg::DisclaimerShort)}</p>
            </footer>
        </div>
    }
}

/// The label of a level, e.g. "Level 1: Active".
pub fn level_name(ctx: &Ctx, level: u8) -> &'static str {
    match level {
        1 => ctx.t(Msg::Level1Name),
        2 => ctx.t(Msg::Level2Name),
        _ => ctx.t(Msg::Level3Name),
    }
}

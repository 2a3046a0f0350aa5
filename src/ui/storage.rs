//! The one storage adapter: the only code that touches localStorage. It hands text
//! to [`crate::domain::library`] and stores what comes back. Unreadable stored data is
//! copied aside under a backup key before anything is written over it.

use crate::domain::library::{self, Library, Loaded};

/// The page's localStorage, or `None` where the browser blocks it (a cross-site frame,
/// some privacy settings: reading `window.localStorage` then throws).
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub struct Store {
    key: String,
    storage: Option<web_sys::Storage>,
    /// False when unreadable data could not be copied aside: then nothing is saved,
    /// so it is never overwritten.
    writable: std::cell::Cell<bool>,
}

/// What loading found: the library to use, and what the user must be told.
pub struct Opened {
    pub library: Library,
    /// The stored text the library was read from.
    pub stored: Option<String>,
    pub problem: Option<Problem>,
    /// How many assessments shared an ID with one stored before them and were given
    /// their own (damaged or crafted storage; nothing was removed).
    pub repaired: usize,
}

/// Why stored work may not be there, or may not be kept.
pub enum Problem {
    /// The browser gives the tool no storage: work lasts as long as the tab.
    NoStorage,
    /// The stored data could not be read (`reason`); it was copied aside under
    /// `kept_under`, or, when that write failed too, left untouched and nothing is saved.
    Unreadable { reason: String, kept_under: Option<String> },
}

impl Store {
    /// `namespace` keeps two embeds on one site apart.
    pub fn new(namespace: &str) -> Self {
        Store {
            key: format!("{namespace}:assessments"),
            storage: local_storage(),
            writable: std::cell::Cell::new(true),
        }
    }

    pub fn open(&self) -> Opened {
        let Some(storage) = &self.storage else {
            return Opened {
                library: Library::default(),
                stored: None,
                problem: Some(Problem::NoStorage),
                repaired: 0,
            };
        };
        let raw = storage.get_item(&self.key).ok().flatten();
        match library::load(raw.as_deref()) {
            Loaded::Ok(library) => Opened { library, stored: raw, problem: None, repaired: 0 },
            Loaded::Repaired { library, renamed } => Opened { library, stored: raw, problem: None, repaired: renamed },
            Loaded::Unreadable { reason } => {
                let backup_key = format!("{}:unreadable:{}", self.key, super::now().timestamp_millis());
                let kept = raw.as_ref().is_some_and(|raw| storage.set_item(&backup_key, raw).is_ok());
                self.writable.set(kept);
                let kept_under = kept.then_some(backup_key);
                let problem = Some(Problem::Unreadable { reason, kept_under });
                Opened { library: Library::default(), stored: raw, problem, repaired: 0 }
            }
        }
    }

    /// What storage holds now (`None` when nothing is stored or there is no storage).
    pub fn read(&self) -> Option<String> {
        self.storage.as_ref()?.get_item(&self.key).ok().flatten()
    }

    /// Stores the library's text; false when the browser refused (storage full, blocked
    /// or off) or unreadable data is being kept from being overwritten.
    pub fn write(&self, text: &str) -> bool {
        match &self.storage {
            Some(storage) if self.writable.get() => storage.set_item(&self.key, text).is_ok(),
            _ => false,
        }
    }
}

/// Names [`load_text`] and [`save_text`] refuse: the assessments, and the copies of
/// unreadable data kept aside under `assessments:unreadable:…`.
fn is_reserved(name: &str) -> bool {
    name == "assessments" || name.starts_with("assessments:")
}

/// A text value kept beside the assessments under `<namespace>:<name>` (the workshop's
/// record, for example); `None` when there is none or storage is off.
pub fn load_text(namespace: &str, name: &str) -> Option<String> {
    if is_reserved(name) {
        return None;
    }
    local_storage()?.get_item(&format!("{namespace}:{name}")).ok().flatten()
}

/// Keeps `value` under `<namespace>:<name>`, or removes it when `None`; returns false
/// when the browser refused (storage full or off) or the name is the assessments'.
pub fn save_text(namespace: &str, name: &str, value: Option<&str>) -> bool {
    if is_reserved(name) {
        return false;
    }
    let key = format!("{namespace}:{name}");
    let Some(storage) = local_storage() else { return false };
    match value {
        Some(v) => storage.set_item(&key, v).is_ok(),
        None => storage.remove_item(&key).is_ok(),
    }
}

/// What was typed into a form with its own Save and Cancel (a passport step, an
/// action's edit page) and not saved yet, kept for this tab in sessionStorage: a reload,
/// or a tab the browser reopens, brings it back. Save and Cancel clear it. Where the
/// browser gives no session storage, the form works as before.
pub struct FormDraft {
    key: String,
}

impl FormDraft {
    /// The draft of `form` (for example `passport:about`) in assessment `assessment`,
    /// apart for each embed's storage key.
    pub fn new(namespace: &str, assessment: &str, form: &str) -> Self {
        FormDraft { key: format!("{namespace}:draft:{assessment}:{form}") }
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok().flatten()
    }

    /// The text kept, if any.
    pub fn kept(&self) -> Option<String> {
        Self::storage()?.get_item(&self.key).ok().flatten()
    }

    pub fn keep(&self, text: &str) {
        if let Some(s) = Self::storage() {
            let _ = s.set_item(&self.key, text);
        }
    }

    pub fn clear(&self) {
        if let Some(s) = Self::storage() {
            let _ = s.remove_item(&self.key);
        }
    }

    /// From now on keeps the form's `text` in `draft` each time it changes (not the text
    /// it starts with: an untouched form leaves nothing behind).
    pub fn follow(draft: leptos::prelude::StoredValue<FormDraft>, text: impl Fn() -> String + Send + Sync + 'static) {
        use leptos::prelude::{Effect, WithValue};
        Effect::new(move |first: Option<()>| {
            let text = text();
            if first.is_some() {
                draft.with_value(|k| k.keep(&text));
            }
        });
    }
}

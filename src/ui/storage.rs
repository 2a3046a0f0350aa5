//! The one storage adapter: the only code that touches localStorage. It hands text
//! to [`crate::domain::library`] and stores what comes back. Unreadable stored data is
//! copied aside under a backup key before anything is written over it.

use crate::domain::library::{self, Library, Loaded};
use gloo_storage::{LocalStorage, Storage};

pub struct Store {
    key: String,
    /// False when unreadable data could not be copied aside: then nothing is saved,
    /// so it is never overwritten.
    writable: std::cell::Cell<bool>,
}

/// What loading found: the library to use, and a warning for the user if stored data
/// could not be read (it has been kept under `backup_key`).
pub struct Opened {
    pub library: Library,
    pub unreadable: Option<(String, String)>,
}

impl Store {
    /// `namespace` keeps two embeds on one site apart.
    pub fn new(namespace: &str) -> Self {
        Store { key: format!("{namespace}:assessments"), writable: std::cell::Cell::new(true) }
    }

    pub fn open(&self) -> Opened {
        let raw = LocalStorage::raw().get_item(&self.key).ok().flatten();
        match library::load(raw.as_deref()) {
            Loaded::Ok(library) => Opened { library, unreadable: None },
            Loaded::Unreadable { reason } => {
                let backup_key = format!("{}:unreadable:{}", self.key, super::now().timestamp_millis());
                if let Some(raw) = raw {
                    let kept = LocalStorage::raw().set_item(&backup_key, &raw).is_ok();
                    self.writable.set(kept);
                }
                Opened { library: Library::default(), unreadable: Some((reason, backup_key)) }
            }
        }
    }

    /// Saves the library; returns false when the browser refused (storage full or off).
    pub fn save(&self, lib: &Library) -> bool {
        self.writable.get() && LocalStorage::raw().set_item(&self.key, &library::store(lib)).is_ok()
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
    LocalStorage::raw().get_item(&format!("{namespace}:{name}")).ok().flatten()
}

/// Keeps `value` under `<namespace>:<name>`, or removes it when `None`; returns false
/// when the browser refused (storage full or off) or the name is the assessments'.
pub fn save_text(namespace: &str, name: &str, value: Option<&str>) -> bool {
    if is_reserved(name) {
        return false;
    }
    let key = format!("{namespace}:{name}");
    match value {
        Some(v) => LocalStorage::raw().set_item(&key, v).is_ok(),
        None => LocalStorage::raw().remove_item(&key).is_ok(),
    }
}

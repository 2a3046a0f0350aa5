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
                let backup_key = format!("{}:unreadable:{}", self.key, chrono::Utc::now().timestamp_millis());
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

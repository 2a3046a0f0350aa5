//! The saved assessments on this device: what the storage adapter reads and writes.
//! Pure: the adapter hands over the stored text and stores what comes back.
//!
//! Stored shape (schema 1): `{"schema": 1, "assessments": [{"id": "...", "assessment": {...}}]}`.
//! Text that cannot be read is never overwritten: [`Loaded::Unreadable`] tells the
//! adapter to keep it aside before anything new is saved.

use super::json;
use super::model::Assessment;
use super::text::{self, MAX_TEXT_CHARS};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub id: String,
    pub assessment: Assessment,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Library {
    pub assessments: Vec<Saved>,
}

#[derive(Debug, PartialEq)]
pub enum Loaded {
    Ok(Library),
    /// Read, but `renamed` assessments shared their ID with one stored before them
    /// (damaged or crafted storage), so that deleting one would have deleted both: each
    /// was given an ID of its own ([`Library::repair_ids`]). Nothing was removed. The
    /// same stored text is always repaired the same way.
    Repaired {
        library: Library,
        renamed: usize,
    },
    /// The stored text is not something this version can read. It must be kept.
    Unreadable {
        reason: String,
    },
}

/// Reads what storage holds; `None` (nothing stored yet) is an empty library.
pub fn load(stored: Option<&str>) -> Loaded {
    let Some(text) = stored else {
        return Loaded::Ok(Library::default());
    };
    let value = match json::parse(text) {
        Ok(v) => v,
        Err(e) => return Loaded::Unreadable { reason: e.to_string() },
    };
    match value.get("schema").and_then(|s| s.as_u64()) {
        Some(n) if n == u64::from(SCHEMA) => match serde_json::from_value::<Library>(value) {
            Ok(mut library) => match library.repair() {
                0 => Loaded::Ok(library),
                renamed => Loaded::Repaired { library, renamed },
            },
            Err(e) => Loaded::Unreadable { reason: format!("damaged ({e})") },
        },
        Some(n) if n > u64::from(SCHEMA) => {
            Loaded::Unreadable { reason: format!("saved by a newer version of this tool (schema {n})") }
        }
        // Future migrations from older schemas go here, one step at a time.
        _ => Loaded::Unreadable { reason: "no schema version".into() },
    }
}

/// Serialised through a `serde_json::Value`, like [`format::to_json`](super::format::to_json),
/// so the browser bundle carries one instance of the assessment's serialiser, not one per
/// output shape.
pub fn store(library: &Library) -> String {
    let mut value = serde_json::to_value(library).expect("a library always serialises");
    if let serde_json::Value::Object(map) = &mut value {
        map.insert("schema".into(), SCHEMA.into());
    }
    value.to_string()
}

impl Library {
    pub fn get(&self, id: &str) -> Option<&Assessment> {
        self.assessments.iter().find(|s| s.id == id).map(|s| &s.assessment)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Assessment> {
        self.assessments.iter_mut().find(|s| s.id == id).map(|s| &mut s.assessment)
    }

    /// A new ID from the clock, unique in this library.
    fn new_id(&self, now: DateTime<Utc>) -> String {
        let base = format!("a{:x}", now.timestamp_millis());
        let mut id = base.clone();
        let mut n = 1;
        while self.get(&id).is_some() {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    }

    /// Repairs what storage should never hold: direction controls in names (removed, as
    /// everywhere names come in) and IDs used twice ([`Library::repair_ids`]). Returns
    /// how many assessments were given new IDs.
    fn repair(&mut self) -> usize {
        for s in &mut self.assessments {
            s.assessment.organisation.name = text::without_bidi(&s.assessment.organisation.name);
        }
        self.repair_ids()
    }

    /// Gives each assessment whose ID an earlier one already has a new ID: its ID with
    /// the first suffix `-2`, `-3`, … that no assessment has. Keeps every assessment,
    /// in order, and returns how many were given new IDs. Deterministic (the domain has
    /// no clock or randomness), so the same library is always repaired the same way.
    pub fn repair_ids(&mut self) -> usize {
        let mut renamed = 0;
        for i in 1..self.assessments.len() {
            let id = self.assessments[i].id.clone();
            if !self.assessments[..i].iter().any(|s| s.id == id) {
                continue;
            }
            let mut n = 2;
            while self.get(&format!("{id}-{n}")).is_some() {
                n += 1;
            }
            self.assessments[i].id = format!("{id}-{n}");
            renamed += 1;
        }
        renamed
    }

    /// Adds an assessment (new or imported) and returns its ID.
    pub fn add(&mut self, assessment: Assessment, now: DateTime<Utc>) -> String {
        let id = self.new_id(now);
        self.assessments.push(Saved { id: id.clone(), assessment });
        id
    }

    /// Renames an assessment's organisation, without direction controls
    /// ([`text::without_bidi`]); false, changing nothing, when no name is left.
    pub fn rename(&mut self, id: &str, name: &str, now: DateTime<Utc>) -> bool {
        let name = text::without_bidi(name);
        match self.get_mut(id) {
            Some(a) if !name.trim().is_empty() => {
                a.organisation.name = text::clamp(name.trim());
                a.updated = now;
                true
            }
            _ => false,
        }
    }

    /// Copies an assessment under the name "<name> (copy)"; returns the copy's ID.
    pub fn duplicate(&mut self, id: &str, copy_suffix: &str, now: DateTime<Utc>) -> Option<String> {
        let mut copy = self.get(id)?.clone();
        // "Name (copy)", within the limit on names: the name gives way to the suffix.
        let suffix = format!(" {copy_suffix}");
        let room = MAX_TEXT_CHARS.saturating_sub(suffix.chars().count());
        copy.organisation.name = copy.organisation.name.chars().take(room).collect::<String>() + &suffix;
        copy.created = now;
        copy.updated = now;
        Some(self.add(copy, now))
    }

    pub fn delete(&mut self, id: &str) -> bool {
        let before = self.assessments.len();
        self.assessments.retain(|s| s.id != id);
        self.assessments.len() != before
    }
}

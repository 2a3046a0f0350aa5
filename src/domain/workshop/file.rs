//! The share file: the same data as a share code, as a small JSON file for participants
//! who would rather send a file. Read like assessment files: every problem is named by
//! its JSON path, unknown keys are refused, and nothing panics whatever the input.
//!
//! ```json
//! {
//!   "format": "carer-benchmark-share",
//!   "version": 1,
//!   "participant": "4J6DD2",
//!   "organisation": "Acme Care Ltd",
//!   "levels": { "1": "ready", "2": "not_yet", "3": "not_yet" },
//!   "areas": { "identification": 36, "policy": 69, "practice": 0, "peer": 0, "communication": 0 },
//!   "criteria": { "L1.1": "met", "L1.2": "met", "…": "not_met" }
//! }
//! ```
//! `organisation` is there only when the participant consented to be named.

use super::code::{base32, find_codes};
use super::{
    clean_name, criterion_status_from_id, decode_share, level_status_from_id, level_status_id, levels_from_criteria,
    Share, CRITERIA, PARTICIPANT_LIMIT,
};
use crate::domain::content::Area;
use crate::domain::format;
use crate::domain::json::{self, child, describe, quoted, NotRead, Problem};
use crate::domain::scoring::{CriterionStatus, LevelStatus, LEVELS};
use crate::domain::text::{too_long, MAX_TEXT_CHARS};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

pub const SHARE_FORMAT: &str = "carer-benchmark-share";
pub const SHARE_VERSION: u64 = 1;
const TAG_CHARS: usize = 6;

/// Key–value pairs written as a JSON object in this order (serde_json's `Map` would sort
/// them).
struct Ordered(Vec<(String, Value)>);

impl Serialize for Ordered {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(serde::Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u64,
    participant: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation: Option<&'a str>,
    levels: Ordered,
    areas: Ordered,
    criteria: Ordered,
}

/// The share as its JSON file (pretty-printed, UTF-8).
pub fn share_to_json(s: &Share) -> String {
    let file = FileOut {
        format: SHARE_FORMAT,
        version: SHARE_VERSION,
        participant: base32(s.participant.into(), TAG_CHARS),
        organisation: s.organisation.as_deref(),
        levels: Ordered(
            LEVELS.iter().zip(s.levels).map(|(l, st)| (l.to_string(), level_status_id(st).into())).collect(),
        ),
        areas: Ordered(Area::ALL.iter().map(|&a| (a.id().to_string(), s.area(a).into())).collect()),
        criteria: Ordered(CRITERIA.iter().zip(s.criteria).map(|(id, st)| (id.to_string(), st.id().into())).collect()),
    };
    serde_json::to_string_pretty(&file).expect("a share always serialises")
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem { path: path.to_string(), message: message.into() });
    }

    /// An object whose keys must be exactly `keys`; returns the values found, in that order.
    fn fixed<'v>(&mut self, v: Option<&'v Value>, path: &str, keys: &[&str]) -> Vec<Option<&'v Value>> {
        let map = match v {
            None => {
                self.problem(path, "is missing");
                return vec![None; keys.len()];
            }
            Some(Value::Object(m)) => m,
            Some(other) => {
                self.problem(path, format!("should be an object, but is {}", describe(other)));
                return vec![None; keys.len()];
            }
        };
        for k in map.keys().filter(|k| !keys.contains(&k.as_str())) {
            self.problem(&child(path, k), "is not a field this tool knows");
        }
        keys.iter()
            .map(|k| {
                let value = map.get(*k);
                if value.is_none() {
                    self.problem(&child(path, k), "is missing");
                }
                value
            })
            .collect()
    }

    fn choice<T>(&mut self, v: Option<&Value>, path: &str, parse: fn(&str) -> Option<T>, allowed: &str) -> Option<T> {
        match v? {
            Value::String(s) => {
                let parsed = parse(s);
                if parsed.is_none() {
                    self.problem(path, format!("{} is not one of the allowed values: {allowed}", quoted(s)));
                }
                parsed
            }
            other => {
                self.problem(path, format!("should be text, but is {}", describe(other)));
                None
            }
        }
    }
}

/// Every problem in a parsed share file, or the share.
pub fn share_from_value(value: &Value) -> Result<Share, Vec<Problem>> {
    let mut c = Checker::default();
    let Some(top) = value.as_object() else {
        c.problem("$", format!("should be an object, but is {}", describe(value)));
        return Err(c.problems);
    };
    match top.get("format") {
        Some(Value::String(f)) if f == SHARE_FORMAT => {}
        Some(Value::String(f)) if f == format::FORMAT => {
            c.problem("$.format", "is an assessment file, not a share: make a share from it first");
            return Err(c.problems);
        }
        Some(_) => {
            c.problem("$.format", format!("should be \"{SHARE_FORMAT}\": this is not a workshop share file"));
            return Err(c.problems);
        }
        None => {
            c.problem(
                "$.format",
                format!("is missing: this is not a workshop share file (expected \"{SHARE_FORMAT}\")"),
            );
            return Err(c.problems);
        }
    }
    match top.get("version") {
        Some(v) if v.as_u64() == Some(SHARE_VERSION) => {}
        Some(v) if v.as_u64().is_some_and(|n| n > SHARE_VERSION) => {
            c.problem("$.version", format!(
                "is {v}, made by a newer version of this tool; this version reads version {SHARE_VERSION}. Update the tool and try again."
            ));
            return Err(c.problems);
        }
        Some(v) => {
            c.problem("$.version", format!("is {v}; this tool reads version {SHARE_VERSION}"));
            return Err(c.problems);
        }
        None => {
            c.problem("$.version", "is missing");
            return Err(c.problems);
        }
    }
    let known = ["format", "version", "participant", "organisation", "levels", "areas", "criteria"];
    for k in top.keys().filter(|k| !known.contains(&k.as_str())) {
        c.problem(&child("$", k), "is not a field this tool knows");
    }

    let participant = match top.get("participant") {
        None => {
            c.problem("$.participant", "is missing");
            None
        }
        Some(Value::String(s)) => {
            let tag = participant_from_text(s);
            if tag.is_none() {
                c.problem(
                    "$.participant",
                    format!("{} is not a participant tag (six characters like 0F3K7Q)", quoted(s)),
                );
            }
            tag
        }
        Some(other) => {
            c.problem("$.participant", format!("should be text, but is {}", describe(other)));
            None
        }
    };
    let organisation = match top.get("organisation") {
        None => None,
        Some(Value::String(s)) if too_long(s) => {
            c.problem("$.organisation", format!("is longer than {MAX_TEXT_CHARS} characters"));
            None
        }
        Some(Value::String(s)) => {
            let name = clean_name(s);
            if name.is_none() {
                c.problem("$.organisation", "is empty: leave it out when the participant is not named");
            }
            name
        }
        Some(other) => {
            c.problem("$.organisation", format!("should be text, but is {}", describe(other)));
            None
        }
    };

    let level_keys: Vec<String> = LEVELS.iter().map(u8::to_string).collect();
    let level_keys: Vec<&str> = level_keys.iter().map(String::as_str).collect();
    let levels: Vec<(String, Option<LevelStatus>)> = c
        .fixed(top.get("levels"), "$.levels", &level_keys)
        .into_iter()
        .zip(&level_keys)
        .map(|(v, k)| {
            let path = child("$.levels", k);
            (path.clone(), c.choice(v, &path, level_status_from_id, "ready, on_track, not_yet"))
        })
        .collect();

    let area_keys: Vec<&str> = Area::ALL.iter().map(|a| a.id()).collect();
    let mut areas = [0; 5];
    let mut areas_ok = true;
    for ((v, k), slot) in c.fixed(top.get("areas"), "$.areas", &area_keys).into_iter().zip(&area_keys).zip(&mut areas) {
        let path = child("$.areas", k);
        match v {
            None => areas_ok = false,
            Some(Value::Number(n)) if n.as_u64().is_some_and(|x| x <= 100) => *slot = n.as_u64().unwrap_or(0) as u32,
            Some(Value::Number(n)) => {
                areas_ok = false;
                c.problem(&path, format!("{n} should be a whole percentage from 0 to 100"));
            }
            Some(other) => {
                areas_ok = false;
                c.problem(&path, format!("should be a whole percentage from 0 to 100, but is {}", describe(other)));
            }
        }
    }

    let mut criteria = [CriterionStatus::NotMet; 15];
    let mut criteria_ok = true;
    for ((v, k), slot) in
        c.fixed(top.get("criteria"), "$.criteria", &CRITERIA).into_iter().zip(CRITERIA).zip(&mut criteria)
    {
        match c.choice(v, &child("$.criteria", k), criterion_status_from_id, "met, partly, not_met") {
            Some(s) => *slot = s,
            None => criteria_ok = false,
        }
    }

    // The levels must be the ones the criteria give, as scoring works them out.
    if criteria_ok {
        let derived = levels_from_criteria(&criteria);
        for ((path, given), want) in levels.iter().zip(derived) {
            if let Some(given) = *given {
                if given != want {
                    c.problem(
                        path,
                        format!(
                            "says {}, but the criteria statuses make it {}",
                            quoted(level_status_id(given)),
                            quoted(level_status_id(want))
                        ),
                    );
                }
            }
        }
    }

    match participant {
        Some(participant) if c.problems.is_empty() && areas_ok && criteria_ok => {
            Ok(Share { participant, levels: levels_from_criteria(&criteria), areas, criteria, organisation })
        }
        _ => Err(c.problems),
    }
}

/// `"0F3K7Q"` → the tag, forgiving case and look-alikes.
fn participant_from_text(s: &str) -> Option<u32> {
    if s.chars().count() != TAG_CHARS {
        return None;
    }
    let mut v: u64 = 0;
    for c in s.chars() {
        let c = match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            c => c,
        };
        let digit = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".find(c)?;
        v = v << 5 | digit as u64;
    }
    (v < u64::from(PARTICIPANT_LIMIT)).then_some(v as u32)
}

/// Reads a share file's bytes.
pub fn share_from_bytes(bytes: &[u8]) -> Result<Share, Vec<Problem>> {
    let root = |message: String| vec![Problem { path: "$".into(), message }];
    if bytes.len() > format::MAX_BYTES {
        return Err(root(format!(
            "the file is {} KB; a share file is under 2 KB. Is this the right file?",
            bytes.len().div_ceil(1024)
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| root("the file is not text (UTF-8)".into()))?;
    let value = json::parse(text).map_err(|e| match e {
        NotRead::Twice(p) => vec![p],
        NotRead::Syntax { line, column } => {
            root(format!("the file is not valid JSON (line {line}, column {column}). It may be damaged."))
        }
    })?;
    share_from_value(&value)
}

/// One share found in a file, or why it could not be read. `source` says where: the
/// file's name, with the line for a code in a text file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub source: String,
    pub result: Result<Share, String>,
}

/// A file of `size` bytes too large to hold shares, refused before it is read.
pub fn oversized(name: &str, size: u64) -> Option<Vec<Found>> {
    (size > format::MAX_BYTES as u64).then(|| {
        let result = Err(format!("the file is {} KB, too large to be shares", size.div_ceil(1024)));
        vec![Found { source: name.to_string(), result }]
    })
}

/// Every share in a file the facilitator was given: a share file (JSON), or a text with
/// one code per line (an email, a chat log, a list of pasted codes).
pub fn shares_in(name: &str, bytes: &[u8]) -> Vec<Found> {
    let whole = |result: Result<Share, String>| vec![Found { source: name.to_string(), result }];
    if let Some(refused) = oversized(name, bytes.len() as u64) {
        return refused;
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return whole(Err("the file is not text (UTF-8): expected a share file or a text with codes".into()));
    };
    let text = text.trim_start_matches('\u{feff}');
    if text.trim_start().starts_with('{') {
        let joined = |problems: Vec<Problem>| problems.iter().map(Problem::to_string).collect::<Vec<_>>().join("; ");
        return whole(share_from_bytes(text.as_bytes()).map_err(joined));
    }
    let codes = find_codes(text);
    if codes.is_empty() {
        return whole(Err("no workshop code found in this file (codes start CB1-)".into()));
    }
    codes
        .into_iter()
        .map(|f| Found {
            source: format!("{name}, line {}", f.line),
            result: decode_share(&f.text).map_err(|e| e.to_string()),
        })
        .collect()
}

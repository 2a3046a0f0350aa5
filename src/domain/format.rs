//! The assessment file format: versioned JSON, re-importable, documented in the
//! README ("File format"). Reading validates everything and reports each problem with
//! its JSON path in plain words; it never panics, whatever the input.

use super::content::{Framework, Priority};
use super::model::{Answer, Assessment, Nation, Sector, SizeBand};
use super::passport::{self, Basis, Contact, Eligibility, Offer, Review, Scheme, Storage};
use super::plan::{self, Status};
use super::policy::{self, FieldInfo, Kind};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};
use std::fmt;

pub const FORMAT: &str = "carer-benchmark-assessment";
pub const VERSION: u64 = 1;
/// Larger files are refused before parsing. A full assessment with long evidence notes
/// is well under 200 KB.
pub const MAX_BYTES: usize = 1024 * 1024;
/// Longest organisation name, evidence note, and so on, in characters.
pub const MAX_TEXT_CHARS: usize = 5000;

/// One thing wrong with a file, at a JSON path such as `$.answers["L1.1.a"].answer`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// The assessment as the tool's own JSON file (pretty-printed, UTF-8).
/// Serialised through a `serde_json::Value` (keys in alphabetical order), as the
/// library is: one instance of the assessment's serialiser in the browser bundle.
pub fn to_json(assessment: &Assessment) -> String {
    let mut file = Map::new();
    file.insert("format".into(), FORMAT.into());
    file.insert("version".into(), VERSION.into());
    if let Ok(Value::Object(fields)) = serde_json::to_value(assessment) {
        file.extend(fields);
    }
    serde_json::to_string_pretty(&Value::Object(file)).expect("JSON values serialise")
}

/// A blank assessment listing every indicator with its question and `"answer": null`,
/// for filling in by hand or by another program. It reads back as an assessment with
/// no answers.
pub fn template(framework: &Framework, now: chrono::DateTime<chrono::Utc>) -> String {
    let answers: Map<String, Value> = framework
        .indicators()
        .map(|i| {
            let entry = serde_json::json!({ "question": i.question, "answer": null, "evidence": "" });
            (i.id.to_string(), entry)
        })
        .collect();
    let file = serde_json::json!({
        "format": FORMAT,
        "version": VERSION,
        "organisation": { "name": "Your organisation", "sector": "private", "size": "50-249", "nation": "england" },
        "created": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "updated": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "answers": answers,
    });
    serde_json::to_string_pretty(&file).expect("JSON values serialise")
}

/// A file name from an organisation name and a date: letters, digits and dashes only.
pub fn file_name(organisation: &str, date: chrono::NaiveDate, ext: &str) -> String {
    let slug: String = organisation
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() { "assessment".to_string() } else { slug.chars().take(60).collect() };
    format!("{slug}-carer-benchmark-{date}.{ext}")
}

/// Reads a file's bytes, returning the assessment or every problem found.
pub fn from_bytes(framework: &Framework, bytes: &[u8]) -> Result<Assessment, Vec<Problem>> {
    let root = |message: String| vec![Problem { path: "$".into(), message }];
    if bytes.len() > MAX_BYTES {
        return Err(root(format!(
            "the file is {} KB; the largest accepted is {} KB. Is this the right file?",
            bytes.len().div_ceil(1024),
            MAX_BYTES / 1024
        )));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| root("the file is not text (UTF-8). Choose a .json file saved by this tool.".into()))?;
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        root(format!(
            "the file is not valid JSON (line {}, column {}). It may be damaged or not saved by this tool.",
            e.line(),
            e.column()
        ))
    })?;
    let problems = validate(framework, &value);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut obj = value;
    if let Some(map) = obj.as_object_mut() {
        map.remove("format");
        map.remove("version");
        let updated = map.get("updated").cloned().unwrap_or(Value::Null);
        if let Some(Value::Object(answers)) = map.get_mut("answers") {
            answers.retain(|_, e| e.get("answer") != Some(&Value::Null));
            for entry in answers.values_mut().filter_map(Value::as_object_mut) {
                entry.remove("question");
                entry.entry("changed").or_insert_with(|| updated.clone());
            }
        }
    }
    serde_json::from_value(obj).map_err(|e| root(format!("the file could not be read: {e}")))
}

/// A value quoted for a message, `"like this"`, with JSON escaping. (Not `{:?}`: Rust's
/// debug formatting brings Unicode tables into the browser bundle.)
pub fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// `parent.key` for plain keys, `parent["key"]` for anything else.
pub(crate) fn child(parent: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !key.starts_with(|c: char| c.is_ascii_digit());
    if plain {
        format!("{parent}.{key}")
    } else {
        format!("{parent}[{}]", quoted(key))
    }
}

pub(crate) fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "empty (null)",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem { path: path.to_string(), message: message.into() });
    }

    fn object<'v>(&mut self, v: Option<&'v Value>, path: &str) -> Option<&'v Map<String, Value>> {
        match v {
            None => {
                self.problem(path, "is missing");
                None
            }
            Some(Value::Object(m)) => Some(m),
            Some(other) => {
                self.problem(path, format!("should be an object, but is {}", describe(other)));
                None
            }
        }
    }

    fn text<'v>(&mut self, v: Option<&'v Value>, path: &str, required: bool) -> Option<&'v str> {
        match v {
            None if required => {
                self.problem(path, "is missing");
                None
            }
            None => None,
            Some(Value::String(s)) if s.chars().count() > MAX_TEXT_CHARS => {
                self.problem(path, format!("is longer than {MAX_TEXT_CHARS} characters"));
                None
            }
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                self.problem(path, format!("should be text, but is {}", describe(other)));
                None
            }
        }
    }

    fn choice<T>(
        &mut self,
        v: Option<&Value>,
        path: &str,
        parse: fn(&str) -> Option<T>,
        allowed: &[&str],
    ) -> Option<T> {
        let s = self.text(v, path, true)?;
        let x = parse(s);
        if x.is_none() {
            self.problem(path, format!("{} is not one of the allowed values: {}", quoted(s), allowed.join(", ")));
        }
        x
    }

    fn timestamp(&mut self, v: Option<&Value>, path: &str) {
        if let Some(s) = self.text(v, path, true) {
            if chrono::DateTime::parse_from_rfc3339(s).is_err() {
                self.problem(path, format!("{} is not a date and time like 2026-11-22T10:30:00Z", quoted(s)));
            }
        }
    }

    fn unknown_keys(&mut self, m: &Map<String, Value>, path: &str, known: &[&str]) {
        for k in m.keys().filter(|k| !known.contains(&k.as_str())) {
            self.problem(&child(path, k), "is not a field this tool knows");
        }
    }

    /// `$.policies`: sections of answers to the policy checker's questions. Every answer
    /// may be `null` (not answered yet).
    fn policies(&mut self, v: &Value) {
        const PATH: &str = "$.policies";
        if v.is_null() {
            return;
        }
        let Some(top) = self.object(Some(v), PATH) else { return };
        let fields = policy::fields();
        for (key, value) in top {
            let path = child(PATH, key);
            if let Some(f) = fields.iter().find(|f| f.id == key) {
                self.policy_answer(f, value, &path);
                continue;
            }
            let in_section = |f: &&FieldInfo| f.id.split_once('.').is_some_and(|(s, _)| s == key);
            if !fields.iter().any(|f| in_section(&f)) {
                self.problem(&path, "is not a field this tool knows");
                continue;
            }
            let Some(section) = self.object(Some(value), &path) else { continue };
            for (name, answer) in section {
                let at = child(&path, name);
                match fields.iter().filter(in_section).find(|f| f.id.split_once('.').is_some_and(|(_, n)| n == name)) {
                    Some(f) => self.policy_answer(f, answer, &at),
                    None => self.problem(&at, "is not a field this tool knows"),
                }
            }
        }
    }

    fn list<'v>(&mut self, v: Option<&'v Value>, path: &str, required: bool) -> &'v [Value] {
        match v {
            None if required => {
                self.problem(path, "is missing");
                &[]
            }
            None => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.problem(path, format!("should be a list, but is {}", describe(other)));
                &[]
            }
        }
    }

    /// Text, or empty (with a problem recorded when it is there but wrong).
    fn string(&mut self, v: Option<&Value>, path: &str, required: bool) -> String {
        self.text(v, path, required).unwrap_or_default().to_string()
    }

    fn strings(&mut self, v: Option<&Value>, path: &str, required: bool) -> Vec<String> {
        let items = self.list(v, path, required);
        items.iter().enumerate().map(|(i, item)| self.string(Some(item), &format!("{path}[{i}]"), true)).collect()
    }

    fn boolean(&mut self, v: Option<&Value>, path: &str) -> bool {
        match v {
            None => self.problem(path, "is missing"),
            Some(Value::Bool(b)) => return *b,
            Some(other) => self.problem(path, format!("should be true or false, but is {}", describe(other))),
        }
        false
    }

    /// The carer passport scheme at `$.passport`, read by hand from the JSON value (much
    /// smaller in the browser bundle than derived deserialisers). Checks the shape only;
    /// `None` when anything is wrong. [`passport::file_problems`] checks the rest.
    fn scheme(&mut self, v: &Value) -> Option<Scheme> {
        const PATH: &str = "$.passport";
        let top = self.object(Some(v), PATH)?;
        let before = self.problems.len();
        self.unknown_keys(top, PATH, &["name", "eligibility", "fields", "support", "review", "storage", "contacts"]);
        let name = self.string(top.get("name"), "$.passport.name", true);
        let mut eligibility = Eligibility::default();
        if let Some(e) = self.object(top.get("eligibility"), "$.passport.eligibility") {
            self.unknown_keys(e, "$.passport.eligibility", &["basis", "note"]);
            self.choice(e.get("basis"), "$.passport.eligibility.basis", Basis::from_id, &ids(Basis::ALL, Basis::id));
            eligibility.note = self.string(e.get("note"), "$.passport.eligibility.note", false);
        }
        let fields = self.strings(top.get("fields"), "$.passport.fields", true);
        let mut support = Vec::new();
        for (i, o) in self.list(top.get("support"), "$.passport.support", true).iter().enumerate() {
            let path = format!("$.passport.support[{i}]");
            let Some(o) = self.object(Some(o), &path) else { continue };
            self.unknown_keys(o, &path, &["id", "label", "on", "detail", "prefilled"]);
            support.push(Offer {
                id: self.string(o.get("id"), &child(&path, "id"), true),
                label: self.string(o.get("label"), &child(&path, "label"), true),
                on: self.boolean(o.get("on"), &child(&path, "on")),
                detail: self.string(o.get("detail"), &child(&path, "detail"), false),
                prefilled: self.string(o.get("prefilled"), &child(&path, "prefilled"), false),
            });
        }
        let mut review = Review { months: 0, triggers: Vec::new(), own_triggers: Vec::new() };
        if let Some(r) = self.object(top.get("review"), "$.passport.review") {
            self.unknown_keys(r, "$.passport.review", &["months", "triggers", "own_triggers"]);
            match r.get("months") {
                None => self.problem("$.passport.review.months", "is missing"),
                Some(Value::Number(n)) if n.as_u64().is_some_and(|m| m <= u64::from(u32::MAX)) => {
                    review.months = n.as_u64().unwrap_or(0) as u32;
                }
                Some(other) => self.problem(
                    "$.passport.review.months",
                    format!(
                        "should be a whole number of months from 1 to 24, but is {}",
                        if other.is_number() { other.to_string() } else { describe(other).to_string() }
                    ),
                ),
            }
            review.triggers = self.strings(r.get("triggers"), "$.passport.review.triggers", true);
            review.own_triggers = self.strings(r.get("own_triggers"), "$.passport.review.own_triggers", false);
        }
        let mut storage =
            Storage { kept: String::new(), seen_by: Vec::new(), moves: String::new(), note: String::new() };
        if let Some(st) = self.object(top.get("storage"), "$.passport.storage") {
            self.unknown_keys(st, "$.passport.storage", &["kept", "seen_by", "moves", "note"]);
            storage.kept = self.string(st.get("kept"), "$.passport.storage.kept", true);
            storage.seen_by = self.strings(st.get("seen_by"), "$.passport.storage.seen_by", true);
            storage.moves = self.string(st.get("moves"), "$.passport.storage.moves", true);
            storage.note = self.string(st.get("note"), "$.passport.storage.note", false);
        }
        let mut contacts = Vec::new();
        for (i, k) in self.list(top.get("contacts"), "$.passport.contacts", true).iter().enumerate() {
            let path = format!("$.passport.contacts[{i}]");
            let Some(k) = self.object(Some(k), &path) else { continue };
            self.unknown_keys(k, &path, &["kind", "name", "link"]);
            contacts.push(Contact {
                kind: self.string(k.get("kind"), &child(&path, "kind"), true),
                name: self.string(k.get("name"), &child(&path, "name"), true),
                link: self.string(k.get("link"), &child(&path, "link"), false),
            });
        }
        (self.problems.len() == before).then_some(Scheme {
            name,
            eligibility,
            fields,
            support,
            review,
            storage,
            contacts,
        })
    }

    /// `$.passport`: its shape, then what the scheme's own rules refuse.
    fn passport(&mut self, v: &Value) {
        if v.is_null() {
            return;
        }
        if let Some(scheme) = self.scheme(v) {
            for p in passport::file_problems(&scheme) {
                self.problem(&format!("$.passport.{}", p.field), p.message);
            }
        }
    }

    fn policy_answer(&mut self, f: &FieldInfo, v: &Value, path: &str) {
        let options = || f.options.iter().map(|o| o.id).collect::<Vec<_>>().join(", ");
        match (f.kind, v) {
            (_, Value::Null) => {}
            (Kind::Number { min, max, .. }, Value::Number(n)) => match n.as_u64() {
                Some(x) if x < u64::from(min) => {
                    self.problem(path, format!("{x} is less than the smallest allowed, {min}"))
                }
                Some(x) if x > u64::from(max) => {
                    self.problem(path, format!("{x} is more than the largest allowed, {max}"))
                }
                Some(_) => {}
                None if n.as_f64().is_some_and(|x| x < 0.0) => {
                    self.problem(path, format!("{n} is less than the smallest allowed, {min}"))
                }
                None => self.problem(path, format!("{n} should be a whole number, without a decimal point")),
            },
            (Kind::Number { .. }, other) => {
                self.problem(path, format!("should be a whole number, but is {}", describe(other)))
            }
            (Kind::YesNo, Value::Bool(_)) => {}
            (Kind::YesNo, other) => self.problem(path, format!("should be true or false, but is {}", describe(other))),
            (Kind::Choice, Value::String(s)) if f.options.iter().any(|o| o.id == s) => {}
            (Kind::Choice, Value::String(s)) => {
                self.problem(path, format!("{} is not one of the allowed values: {}", quoted(s), options()))
            }
            (Kind::Choice, other) => self.problem(path, format!("should be text, but is {}", describe(other))),
            (Kind::Set, Value::Array(items)) => {
                let mut seen: Vec<&str> = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let at = format!("{path}[{i}]");
                    match item {
                        Value::String(s) if !f.options.iter().any(|o| o.id == s) => {
                            self.problem(&at, format!("{} is not one of the allowed values: {}", quoted(s), options()))
                        }
                        Value::String(s) if seen.contains(&s.as_str()) => {
                            self.problem(&at, format!("{} is listed more than once", quoted(s)))
                        }
                        Value::String(s) => seen.push(s),
                        other => self.problem(&at, format!("should be text, but is {}", describe(other))),
                    }
                }
            }
            (Kind::Set, other) => self.problem(path, format!("should be a list, but is {}", describe(other))),
        }
    }
}

/// What a field of the plan holds.
#[derive(Clone, Copy)]
enum Slot {
    Text,
    Date,
    Flag,
    /// A whole number from 1.
    Number,
    Status,
    Priority,
}

impl Checker {
    /// A `YYYY-MM-DD` date, if valid.
    fn date(&mut self, v: Option<&Value>, path: &str, required: bool) -> Option<NaiveDate> {
        let s = self.text(v, path, required)?;
        let d = plan::parse_ymd(s);
        if d.is_none() {
            self.problem(path, format!("{} is not a date like 2026-11-22 (year, month, day)", quoted(s)));
        }
        d
    }

    /// An object with only the fields in `spec` (key, what it holds, required).
    fn fields<'v>(&mut self, v: &'v Value, path: &str, spec: &[(&str, Slot, bool)]) -> Option<&'v Map<String, Value>> {
        let m = self.object(Some(v), path)?;
        self.unknown_keys(m, path, &spec.iter().map(|s| s.0).collect::<Vec<_>>());
        for &(key, slot, required) in spec {
            let (x, at) = (m.get(key), child(path, key));
            match (slot, x) {
                (_, None) if !required => {}
                (Slot::Text, _) => _ = self.text(x, &at, required),
                (Slot::Date, _) => _ = self.date(x, &at, required),
                (Slot::Status, _) => _ = self.choice(x, &at, Status::from_id, &ids(Status::ALL, Status::id)),
                (Slot::Priority, _) => _ = self.choice(x, &at, Priority::from_id, &ids(Priority::ALL, Priority::id)),
                (_, None) => self.problem(&at, "is missing"),
                (Slot::Flag, Some(Value::Bool(_))) => {}
                (Slot::Flag, Some(other)) => {
                    self.problem(&at, format!("should be true or false, but is {}", describe(other)))
                }
                (Slot::Number, Some(n)) => {
                    if !n.as_u64().is_some_and(|n| n >= 1 && n <= u64::from(u32::MAX)) {
                        self.problem(&at, format!("{n} should be a whole number from 1"));
                    }
                }
            }
        }
        Some(m)
    }

    fn action_id(&mut self, id: &str, path: &str) {
        let ok = match id.split_once(':') {
            Some(("own", n)) => n.parse::<u32>().is_ok_and(|n| n > 0),
            Some(("act" | "evidence" | "policy" | "improve" | "task", rest)) => !rest.is_empty(),
            _ => false,
        } && id.chars().count() <= MAX_TEXT_CHARS;
        if !ok {
            let shown: String = id.chars().take(100).collect();
            self.problem(
                path,
                format!(
                    "{} is not an action ID (act:, evidence:, policy:, improve:, task: or own: followed by an ID)",
                    quoted(&shown)
                ),
            );
        }
    }

    /// `$.plan`: the action plan's start date and the user's changes (`plan::PlanState`).
    fn plan(&mut self, v: &Value) {
        const EDIT: &[(&str, Slot, bool)] = &[
            ("owner", Slot::Text, false),
            ("start", Slot::Date, false),
            ("due", Slot::Date, false),
            ("status", Slot::Status, false),
            ("notes", Slot::Text, false),
            ("removed", Slot::Flag, false),
        ];
        const OWN: &[(&str, Slot, bool)] = &[
            ("n", Slot::Number, true),
            ("title", Slot::Text, true),
            ("why", Slot::Text, false),
            ("priority", Slot::Priority, true),
            ("success", Slot::Text, false),
        ];
        let Some(top) = self.object(Some(v), "$.plan") else { return };
        self.unknown_keys(top, "$.plan", &["start", "edits", "own", "seen"]);
        self.date(top.get("start"), "$.plan.start", true);
        let edits = top.get("edits").and_then(|e| self.object(Some(e), "$.plan.edits"));
        for (id, e) in edits.into_iter().flatten() {
            let path = child("$.plan.edits", id);
            self.action_id(id, &path);
            let Some(e) = self.fields(e, &path, EDIT) else { continue };
            let day = |k| e.get(k).and_then(Value::as_str).and_then(plan::parse_ymd);
            if let (Some(s), Some(d)) = (day("start"), day("due")) {
                if d < s {
                    self.problem(&child(&path, "due"), format!("{d} is before the start, {s}"));
                }
            }
        }
        let mut numbers = Vec::new();
        for (i, o) in self.list(top.get("own"), "$.plan.own", false).iter().enumerate() {
            let path = format!("$.plan.own[{i}]");
            let Some(o) = self.fields(o, &path, OWN) else { continue };
            if o.get("title").and_then(Value::as_str).is_some_and(|t| t.trim().is_empty()) {
                self.problem(&child(&path, "title"), "is empty: every action needs a title");
            }
            if let Some(n) = o.get("n").and_then(Value::as_u64) {
                if numbers.contains(&n) {
                    self.problem(&child(&path, "n"), format!("{n} is used by another action"));
                }
                numbers.push(n);
            }
        }
        for (i, id) in self.list(top.get("seen"), "$.plan.seen", false).iter().enumerate() {
            let path = format!("$.plan.seen[{i}]");
            if let Some(id) = self.text(Some(id), &path, true) {
                self.action_id(id, &path);
            }
        }
    }
}

fn ids<T: Copy>(all: &[T], id: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|&x| id(x)).collect()
}

/// A carer passport scheme from its JSON value, checking its shape only (the stored
/// form, which may be unfinished): what `Scheme`'s `Deserialize` uses.
pub fn read_scheme(value: &Value) -> Result<Scheme, Vec<Problem>> {
    let mut c = Checker { problems: Vec::new() };
    c.scheme(value).ok_or(c.problems)
}

/// Every problem in a parsed file, in document order. Empty means the file is good.
pub fn validate(framework: &Framework, value: &Value) -> Vec<Problem> {
    let mut c = Checker { problems: Vec::new() };
    let Some(top) = c.object(Some(value), "$") else {
        return c.problems;
    };
    match top.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(_) => {
            c.problem("$.format", format!("should be \"{FORMAT}\": this is not an assessment file from this tool"));
            return c.problems;
        }
        None => {
            c.problem(
                "$.format",
                format!("is missing: this is not an assessment file from this tool (expected \"{FORMAT}\")"),
            );
            return c.problems;
        }
    }
    match top.get("version") {
        Some(v) if v.as_u64() == Some(VERSION) => {}
        Some(v) if v.as_u64().is_some_and(|n| n > VERSION) => {
            c.problem("$.version", format!(
                "is {v}, made by a newer version of this tool; this version reads version {VERSION}. Update the tool and try again."
            ));
            return c.problems;
        }
        Some(v) => {
            c.problem("$.version", format!("is {v}; this tool reads version {VERSION}"));
            return c.problems;
        }
        None => {
            c.problem("$.version", "is missing");
            return c.problems;
        }
    }
    c.unknown_keys(
        top,
        "$",
        &["format", "version", "organisation", "created", "updated", "answers", "policies", "plan", "passport"],
    );

    if let Some(org) = c.object(top.get("organisation"), "$.organisation") {
        c.unknown_keys(org, "$.organisation", &["name", "sector", "size", "nation"]);
        if let Some(name) = c.text(org.get("name"), "$.organisation.name", true) {
            if name.trim().is_empty() {
                c.problem("$.organisation.name", "is empty: every assessment needs an organisation name");
            }
        }
        c.choice(org.get("sector"), "$.organisation.sector", Sector::from_id, &ids(Sector::ALL, Sector::id));
        c.choice(org.get("size"), "$.organisation.size", SizeBand::from_id, &ids(SizeBand::ALL, SizeBand::id));
        c.choice(org.get("nation"), "$.organisation.nation", Nation::from_id, &ids(Nation::ALL, Nation::id));
    }
    c.timestamp(top.get("created"), "$.created");
    c.timestamp(top.get("updated"), "$.updated");

    if let Some(answers) = c.object(top.get("answers"), "$.answers") {
        for (id, entry) in answers {
            let path = child("$.answers", id);
            if framework.indicator(id).is_none() {
                c.problem(&path, format!("there is no indicator with the ID {}", quoted(id)));
                continue;
            }
            let Some(entry) = c.object(Some(entry), &path) else { continue };
            c.unknown_keys(entry, &path, &["answer", "evidence", "changed", "question"]);
            // `null` means not answered yet, as in the blank template.
            if entry.get("answer") != Some(&Value::Null) {
                c.choice(entry.get("answer"), &child(&path, "answer"), Answer::from_id, &ids(Answer::ALL, Answer::id));
            }
            c.text(entry.get("evidence"), &child(&path, "evidence"), false);
            c.text(entry.get("question"), &child(&path, "question"), false);
            if entry.contains_key("changed") {
                c.timestamp(entry.get("changed"), &child(&path, "changed"));
            }
        }
    }
    if let Some(p) = top.get("policies") {
        c.policies(p);
    }
    if let Some(p) = top.get("plan").filter(|p| !p.is_null()) {
        c.plan(p);
    }
    if let Some(p) = top.get("passport") {
        c.passport(p);
    }
    c.problems
}

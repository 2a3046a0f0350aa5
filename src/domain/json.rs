//! Reading JSON values by hand, reporting every problem with its JSON path in plain
//! words (`$.answers["L1.1.a"].answer: "maybe" is not one of the allowed values: …`).
//! The assessment file's sections ([`policy`](super::policy), [`plan`](super::plan),
//! [`passport`](super::passport)) and the workshop's share files are all read with
//! these; the file format only assembles them. Read by hand rather than by derived
//! deserialisers, which cost the browser bundle several kilobytes.

use super::dates;
use super::text::{too_long, MAX_TEXT_CHARS};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};
use std::fmt;

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

/// A value quoted for a message, `"like this"`, with JSON escaping. (Not `{:?}`: Rust's
/// debug formatting brings Unicode tables into the browser bundle.)
pub fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// `parent.key` for plain keys, `parent["key"]` for anything else.
pub fn child(parent: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !key.starts_with(|c: char| c.is_ascii_digit());
    if plain {
        format!("{parent}.{key}")
    } else {
        format!("{parent}[{}]", quoted(key))
    }
}

/// What a value is, in words: "text", "a list", "empty (null)".
pub fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "empty (null)",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The IDs of a list of values, for "is not one of the allowed values: …".
pub fn ids<T: Copy>(all: &[T], id: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|&x| id(x)).collect()
}

/// Collects problems while reading a value. Each reader records what is wrong at its
/// path and returns what it could read.
#[derive(Debug, Default)]
pub struct Checker {
    pub problems: Vec<Problem>,
}

impl Checker {
    pub fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem { path: path.to_string(), message: message.into() });
    }

    pub fn object<'v>(&mut self, v: Option<&'v Value>, path: &str) -> Option<&'v Map<String, Value>> {
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

    /// Text of at most [`MAX_TEXT_CHARS`] characters.
    pub fn text<'v>(&mut self, v: Option<&'v Value>, path: &str, required: bool) -> Option<&'v str> {
        match v {
            None if required => {
                self.problem(path, "is missing");
                None
            }
            None => None,
            Some(Value::String(s)) if too_long(s) => {
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

    pub fn choice<T>(
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

    /// An RFC 3339 date and time.
    pub fn timestamp(&mut self, v: Option<&Value>, path: &str) {
        if let Some(s) = self.text(v, path, true) {
            if chrono::DateTime::parse_from_rfc3339(s).is_err() {
                self.problem(path, format!("{} is not a date and time like 2026-11-22T10:30:00Z", quoted(s)));
            }
        }
    }

    /// A `YYYY-MM-DD` date, if valid.
    pub fn date(&mut self, v: Option<&Value>, path: &str, required: bool) -> Option<NaiveDate> {
        let s = self.text(v, path, required)?;
        let d = dates::parse_ymd(s);
        if d.is_none() {
            self.problem(path, format!("{} is not a date like 2026-11-22 (year, month, day)", quoted(s)));
        }
        d
    }

    pub fn unknown_keys(&mut self, m: &Map<String, Value>, path: &str, known: &[&str]) {
        for k in m.keys().filter(|k| !known.contains(&k.as_str())) {
            self.problem(&child(path, k), "is not a field this tool knows");
        }
    }

    pub fn list<'v>(&mut self, v: Option<&'v Value>, path: &str, required: bool) -> &'v [Value] {
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
    pub fn string(&mut self, v: Option<&Value>, path: &str, required: bool) -> String {
        self.text(v, path, required).unwrap_or_default().to_string()
    }

    pub fn strings(&mut self, v: Option<&Value>, path: &str, required: bool) -> Vec<String> {
        let items = self.list(v, path, required);
        items.iter().enumerate().map(|(i, item)| self.string(Some(item), &format!("{path}[{i}]"), true)).collect()
    }

    pub fn boolean(&mut self, v: Option<&Value>, path: &str) -> bool {
        match v {
            None => self.problem(path, "is missing"),
            Some(Value::Bool(b)) => return *b,
            Some(other) => self.problem(path, format!("should be true or false, but is {}", describe(other))),
        }
        false
    }
}

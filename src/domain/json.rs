//! Reading JSON values by hand, reporting every problem with its JSON path in plain
//! words (`$.answers["L1.1.a"].answer: "maybe" is not one of the allowed values: …`).
//! The assessment file's sections ([`policy`](super::policy), [`plan`](super::plan),
//! [`passport`](super::passport)) and the workshop's share files are all read with
//! these; the file format only assembles them. Read by hand rather than by derived
//! deserialisers, which cost the browser bundle several kilobytes. Every JSON text from
//! outside (files, stored data) is first read by [`parse`], which refuses a key given
//! twice.

use super::dates;
use super::text::{too_long, MAX_TEXT_CHARS};
use chrono::NaiveDate;
use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
use serde_json::{Map, Value};
use std::cell::RefCell;
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

    /// An RFC 3339 date and time, in the years [`dates::EARLIEST`] to [`dates::LATEST`]
    /// (in UTC).
    pub fn timestamp(&mut self, v: Option<&Value>, path: &str) {
        if let Some(s) = self.text(v, path, true) {
            match chrono::DateTime::parse_from_rfc3339(s) {
                Err(_) => self.problem(path, format!("{} is not a date and time like 2026-11-22T10:30:00Z", quoted(s))),
                Ok(t) if !dates::in_range(t.naive_utc().date()) => self.problem(path, dates::outside(s)),
                Ok(_) => {}
            }
        }
    }

    /// A `YYYY-MM-DD` date from [`dates::EARLIEST`] to [`dates::LATEST`], if valid.
    pub fn date(&mut self, v: Option<&Value>, path: &str, required: bool) -> Option<NaiveDate> {
        let s = self.text(v, path, required)?;
        match dates::any_day(s) {
            Some(d) if dates::in_range(d) => return Some(d),
            Some(_) => self.problem(path, dates::outside(s)),
            None => self.problem(path, format!("{} is not a date like 2026-11-22 (year, month, day)", quoted(s))),
        }
        None
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

// ── Reading JSON text ──────────────────────────────────────────────────────────────

/// Why a text could not be read as JSON ([`parse`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotRead {
    /// Not JSON: the reading stopped here.
    Syntax { line: usize, column: usize },
    /// An object gives a key twice: `$.organisation: appears twice …`.
    Twice(Problem),
}

impl fmt::Display for NotRead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotRead::Syntax { line, column } => write!(f, "not valid JSON (line {line}, column {column})"),
            NotRead::Twice(p) => p.fmt(f),
        }
    }
}

/// Reads JSON text (after a byte-order mark, if any) as a value, refusing an object that
/// gives a key twice. serde_json's own `Value` silently keeps the last, so a file could
/// say one thing to one reader and another to the next. Every reader of a file or of
/// stored data goes through this, so the browser bundle carries one JSON reader.
pub fn parse(text: &str) -> Result<Value, NotRead> {
    let twice = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text.trim_start_matches('\u{feff}'));
    let read = Strict(&twice).deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    read.map_err(|e| match twice.into_inner() {
        Some(path) => NotRead::Twice(Problem {
            path: format!("${path}"),
            message: "appears twice; a key may be given only once, so it is not clear which to use".into(),
        }),
        None => NotRead::Syntax { line: e.line(), column: e.column() },
    })
}

/// Reads any JSON value like serde_json's `Value`, but refuses a key given twice. The
/// duplicate's path is built (`.name`, `["L1.1.a"]`, `[3]`) as the error passes up.
struct Strict<'a>(&'a RefCell<Option<String>>);

impl Strict<'_> {
    fn within<E>(&self, at: impl FnOnce() -> String, e: E) -> E {
        if let Some(path) = self.0.borrow_mut().as_mut() {
            path.insert_str(0, &at());
        }
        e
    }
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(n.into())
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(n.into())
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(n.into())
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.into()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(v) =
            seq.next_element_seed(Strict(self.0)).map_err(|e| self.within(|| format!("[{}]", items.len()), e))?
        {
            items.push(v);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut m = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            if m.contains_key(&k) {
                *self.0.borrow_mut() = Some(child("", &k));
                return Err(A::Error::custom("a key appears twice"));
            }
            let v = map.next_value_seed(Strict(self.0)).map_err(|e| self.within(|| child("", &k), e))?;
            m.insert(k, v);
        }
        Ok(Value::Object(m))
    }
}

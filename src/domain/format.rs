//! The assessment file format: versioned JSON, re-importable, documented in the
//! README ("File format"). Reading validates everything and reports each problem with
//! its JSON path in plain words; it never panics, whatever the input.
//!
//! This module only assembles: the organisation and answers are checked here, and each
//! section checks its own part of the file ([`policy::check_file_part`],
//! [`plan::check_file_part`], [`passport::check_file_part`]) with the shared
//! [`json`](super::json) reader.

use super::content::Framework;
use super::json::{self, child, ids, Checker, NotRead};
use super::model::{Answer, Assessment, Nation, Sector, SizeBand};
use super::text::without_bidi;
use super::{passport, plan, policy};
use serde_json::{Map, Value};

pub use super::json::{quoted, Problem};

pub const FORMAT: &str = "carer-benchmark-assessment";
pub const VERSION: u64 = 1;
/// Larger files are refused before parsing. A full assessment with long evidence notes
/// is well under 200 KB.
pub const MAX_BYTES: usize = 1024 * 1024;

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

/// Why a file of `size` bytes is refused before it is read, if it is: larger than
/// [`MAX_BYTES`]. (The browser and the command line ask this of the file's size, so a
/// huge file is never read.)
pub fn size_problem(size: u64) -> Option<Problem> {
    (size > MAX_BYTES as u64).then(|| Problem {
        path: "$".into(),
        message: format!(
            "the file is {} KB; the largest accepted is {} KB. Is this the right file?",
            size.div_ceil(1024),
            MAX_BYTES / 1024
        ),
    })
}

/// Reads a file's bytes, returning the assessment or every problem found.
pub fn from_bytes(framework: &Framework, bytes: &[u8]) -> Result<Assessment, Vec<Problem>> {
    let root = |message: String| vec![Problem { path: "$".into(), message }];
    if let Some(problem) = size_problem(bytes.len() as u64) {
        return Err(vec![problem]);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| root("the file is not text (UTF-8). Choose a .json file saved by this tool.".into()))?;
    let value = json::parse(text).map_err(|e| match e {
        NotRead::Twice(p) => vec![p],
        NotRead::Syntax { line, column } => root(format!(
            "the file is not valid JSON (line {line}, column {column}). It may be damaged or not saved by this tool."
        )),
    })?;
    let problems = validate(framework, &value);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut obj = value;
    if let Some(map) = obj.as_object_mut() {
        map.remove("format");
        map.remove("version");
        if let Some(Value::String(name)) = map.get_mut("organisation").and_then(|o| o.get_mut("name")) {
            *name = without_bidi(name);
        }
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

/// Every problem in a parsed file, in document order. Empty means the file is good.
pub fn validate(framework: &Framework, value: &Value) -> Vec<Problem> {
    let mut c = Checker::default();
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
            if without_bidi(name).trim().is_empty() {
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
        policy::check_file_part(&mut c, p);
    }
    if let Some(p) = top.get("plan").filter(|p| !p.is_null()) {
        plan::check_file_part(&mut c, p);
    }
    if let Some(p) = top.get("passport") {
        passport::check_file_part(&mut c, p);
    }
    c.problems
}

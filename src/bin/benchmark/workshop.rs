//! `benchmark workshop …`: workshop mode for carers' organisations (README, "Workshop mode").
//!
//!     benchmark workshop share FILE [--consent] [--format code|json] [--on DATE]
//!     benchmark workshop aggregate DIR_OR_FILE... [--format text|json|csv|md] [--title T --date DATE [--organisation O]]
//!     benchmark workshop compare FILE ROOM_CODE [--on DATE]
//!     benchmark workshop agenda [--start HH:MM] [--title T --date DATE [--organisation O]]
//!
//! `share` prints the code (or share file) a participant sends; the organisation's name is
//! in it only with `--consent`. `aggregate` reads share files and text files holding codes
//! (one per line), and directories of them; each file or code it cannot count (refused,
//! or a duplicate) is named on standard error with the reason, and the room's summary is
//! printed. `compare` sets an assessment against a room code; `agenda` prints the running
//! order with clock times.

use super::cli::{read, read_bytes, today};
use carer_benchmark::domain::content::{framework, Area};
use carer_benchmark::domain::dates;
use carer_benchmark::domain::scoring::{self, LevelStatus};
use carer_benchmark::domain::workshop::{self as ws, Cohort, Workshop};
use carer_benchmark::i18n::{t, Lang, WMsg};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const USAGE: &str = "  benchmark workshop share FILE [--consent] [--format code|json] [--on YYYY-MM-DD]\n  \
    benchmark workshop aggregate DIR_OR_FILE... [--format text|json|csv|md] [--title T --date YYYY-MM-DD [--organisation O]]\n  \
    benchmark workshop compare FILE ROOM_CODE [--on YYYY-MM-DD]\n  \
    benchmark workshop agenda [--start HH:MM] [--title T --date YYYY-MM-DD [--organisation O]]";

/// The words of the summaries: the interface's English.
struct English;

impl ws::Labels for English {
    fn area(&self, area: Area) -> &str {
        t(
            Lang::En,
            match area {
                Area::Identification => WMsg::AreaIdentification,
                Area::Policy => WMsg::AreaPolicy,
                Area::Practice => WMsg::AreaPractice,
                Area::Peer => WMsg::AreaPeer,
                Area::Communication => WMsg::AreaCommunication,
            },
        )
    }

    fn level_status(&self, status: LevelStatus) -> &str {
        t(
            Lang::En,
            match status {
                LevelStatus::Ready => WMsg::LevelReady,
                LevelStatus::OnTrack => WMsg::LevelOnTrack,
                LevelStatus::NotYet => WMsg::LevelNotYet,
            },
        )
    }
}

fn usage(problem: &str) -> String {
    format!("{problem}\nusage:\n{USAGE}")
}

/// A command's words, flags and `--name value` (or `--name=value`) options.
struct Args<'a> {
    words: Vec<&'a str>,
    flags: Vec<&'a str>,
    values: BTreeMap<&'a str, &'a str>,
}

fn parse<'a>(rest: &[&'a str], flags: &[&'static str], valued: &[&'static str]) -> Result<Args<'a>, String> {
    let mut out = Args { words: Vec::new(), flags: Vec::new(), values: BTreeMap::new() };
    let mut it = rest.iter();
    while let Some(&a) = it.next() {
        if let Some(name) = a.strip_prefix("--") {
            let (name, inline) = match name.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (name, None),
            };
            if let Some(&flag) = flags.iter().find(|&&f| f == name).filter(|_| inline.is_none()) {
                out.flags.push(flag);
            } else if let Some(&key) = valued.iter().find(|&&v| v == name) {
                let value = match inline {
                    Some(v) => v,
                    None => it.next().copied().ok_or_else(|| usage(&format!("--{key} needs a value")))?,
                };
                out.values.insert(key, value);
            } else {
                return Err(usage(&format!("unknown option {a}")));
            }
        } else {
            out.words.push(a);
        }
    }
    Ok(out)
}

impl Args<'_> {
    fn on(&self) -> Result<chrono::NaiveDate, String> {
        match self.values.get("on") {
            Some(d) => dates::parse_date(d).map_err(|e| format!("--on: {e}")),
            None => Ok(today()),
        }
    }

    fn one_of<'v>(&self, key: &str, allowed: &[&'v str]) -> Result<&'v str, String> {
        match self.values.get(key) {
            None => Ok(allowed[0]),
            Some(v) => allowed
                .iter()
                .find(|a| *a == v)
                .copied()
                .ok_or_else(|| usage(&format!("--{key} {v}: use one of {}", allowed.join(", ")))),
        }
    }

    /// The workshop's details, if any are given.
    fn workshop(&self) -> Result<Option<Workshop>, String> {
        let get = |k| self.values.get(k).copied();
        if get("title").is_none() && get("date").is_none() && get("organisation").is_none() {
            return Ok(None);
        }
        Workshop::new(get("title").unwrap_or(""), get("date").unwrap_or(""), get("organisation").unwrap_or(""))
            .map(Some)
            .map_err(|problems| {
                problems.iter().map(|p| format!("--{}: {}", p.path, p.message)).collect::<Vec<_>>().join("\n")
            })
    }
}

pub fn run(args: &[&str]) -> Result<String, String> {
    match args {
        ["share", rest @ ..] => share(rest),
        ["aggregate", rest @ ..] => aggregate(rest),
        ["compare", rest @ ..] => compare(rest),
        ["agenda", rest @ ..] => agenda(rest),
        _ => Err(usage("workshop needs one of: share, aggregate, compare, agenda")),
    }
}

fn share(rest: &[&str]) -> Result<String, String> {
    let a = parse(rest, &["consent"], &["format", "on"])?;
    let [file] = a.words.as_slice() else { return Err(usage("workshop share needs exactly one FILE")) };
    let format = a.one_of("format", &["code", "json"])?;
    let assessment = read(file, "nothing was shared")?;
    let score = scoring::score(framework(), &assessment, a.on()?);
    let share = ws::share(&assessment, &score, a.flags.contains(&"consent"));
    Ok(if format == "json" { ws::share_to_json(&share) } else { share.code() } + "\n")
}

/// The files named, with each directory replaced by its files (not hidden), by name.
fn expand(paths: &[&str]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| format!("{p}: cannot read the directory: {e}"))?;
            let mut inside: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|f| f.is_file() && !f.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(path.to_path_buf());
        }
    }
    Ok(files)
}

fn aggregate(rest: &[&str]) -> Result<String, String> {
    let a = parse(rest, &[], &["format", "title", "date", "organisation"])?;
    if a.words.is_empty() {
        return Err(usage("workshop aggregate needs at least one DIR or FILE"));
    }
    let format = a.one_of("format", &["text", "json", "csv", "md"])?;
    let workshop = a.workshop()?;
    let mut cohort = Cohort::new();
    let mut sources: Vec<String> = Vec::new(); // by position in the cohort
    let (mut rejected, mut duplicates, mut replaced) = (Vec::new(), Vec::new(), Vec::new());
    for path in expand(&a.words)? {
        let name = path.display().to_string();
        let found = match read_bytes(&path) {
            Ok(bytes) => ws::shares_in(&name, &bytes),
            Err(e) => vec![ws::Found { source: name, result: Err(e) }],
        };
        for f in found {
            match f.result {
                Err(reason) => rejected.push(json!({ "source": f.source, "reason": reason })),
                Ok(share) => match cohort.add(share) {
                    Ok(added) => {
                        if let Some(old) = &added.replaced {
                            let was = sources[added.number - 1].clone();
                            replaced.push(
                                json!({ "source": f.source, "replaces": was, "id": added.id, "replaced_id": old }),
                            );
                            sources[added.number - 1] = f.source;
                        } else {
                            sources.push(f.source);
                        }
                    }
                    Err(dup) => duplicates.push(json!({
                        "source": f.source, "duplicate_of": sources[dup.number - 1], "id": dup.id,
                    })),
                },
            }
        }
    }
    for r in &rejected {
        eprintln!("not counted: {}: {}", text(&r["source"]), text(&r["reason"]));
    }
    for d in &duplicates {
        eprintln!(
            "not counted: {}: the same share as {} (share {})",
            text(&d["source"]),
            text(&d["duplicate_of"]),
            text(&d["id"])
        );
    }
    for r in &replaced {
        eprintln!(
            "replaced: {} is a newer share from the same participant as {}; only the newer one counts",
            text(&r["source"]),
            text(&r["replaces"])
        );
    }
    if cohort.is_empty() {
        return Err(format!("no share could be counted ({} refused, {} duplicate)", rejected.len(), duplicates.len()));
    }
    let summary = cohort.summary();
    Ok(match format {
        "json" => {
            let mut v = serde_json::to_value(&summary).expect("a summary serialises");
            v["code"] = json!(summary.code());
            v["workshop"] = json!(workshop);
            v["rejected"] = Value::Array(rejected);
            v["duplicates"] = Value::Array(duplicates);
            v["replaced"] = Value::Array(replaced);
            serde_json::to_string_pretty(&v).expect("JSON values serialise") + "\n"
        }
        "csv" => ws::summary_csv(&summary, workshop.as_ref(), &English),
        "md" => ws::summary_markdown(&summary, workshop.as_ref(), &English),
        _ => ws::summary_text(&summary, workshop.as_ref(), &English),
    })
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn compare(rest: &[&str]) -> Result<String, String> {
    let a = parse(rest, &[], &["on"])?;
    let [file, code @ ..] = a.words.as_slice() else { return Err(usage("workshop compare needs FILE and ROOM_CODE")) };
    if code.is_empty() {
        return Err(usage("workshop compare needs FILE and ROOM_CODE"));
    }
    let summary = ws::decode_summary(&code.join(" ")).map_err(|e| format!("ROOM_CODE: {e}"))?;
    let assessment = read(file, "nothing was compared")?;
    let score = scoring::score(framework(), &assessment, a.on()?);
    let own = ws::share(&assessment, &score, false);
    match ws::compare(&own, &summary) {
        Some(c) => Ok(ws::comparison_text(&c, &English)),
        None => Err("ROOM_CODE: the room has no participants yet, so there is nothing to compare with".into()),
    }
}

fn agenda(rest: &[&str]) -> Result<String, String> {
    let a = parse(rest, &[], &["start", "title", "date", "organisation"])?;
    if !a.words.is_empty() {
        return Err(usage("workshop agenda takes no FILE"));
    }
    let start =
        ws::parse_time(a.values.get("start").copied().unwrap_or("09:30")).map_err(|e| format!("--start: {e}"))?;
    Ok(ws::agenda_markdown(a.workshop()?.as_ref(), start))
}

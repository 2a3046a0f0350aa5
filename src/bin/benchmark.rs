//! Command-line tool for carers' organisations and tests.
//!
//!     benchmark template                                print a blank assessment listing every indicator
//!     benchmark content-json                            the criteria content as JSON (what the browser loads)
//!     benchmark score FILE [--json] [--on DATE]         level readiness, criteria, areas and overall score
//!     benchmark check-policy FILE [--json] [--on DATE]  the policy answers checked against the law and good practice
//!     benchmark draft-policy FILE [--on DATE]           a draft "Supporting carers at work" policy, as Markdown
//!     benchmark plan FILE --format md|csv|ics|docx|json|html [-o OUT] [--on DATE] [--start DATE]
//!                                                       the action plan (with the report for md, html, docx);
//!                                                       docx needs -o; OUT may be a directory
//!     benchmark workshop share|aggregate|compare|agenda workshop mode: share codes, the room's summary
//!                                                       (see src/bin/benchmark/workshop.rs)
//!     benchmark passport FILE [--part PART] [-o OUT]    the carer passport scheme as a printable HTML page:
//!                                                       PART is template (default), guide or briefing; the
//!                                                       suggested scheme when FILE has none; -o writes OUT
//!
//! DATE is YYYY-MM-DD: the day the policies are checked against the law (default: today).
//! `--start` sets the plan's start date (default: the one saved in the file, else the day
//! the assessment was created); `--format json` prints the file with that plan recorded.
//! Exit status: 0 success (even when breaches are found), 2 invalid input or usage (each
//! problem is named on stderr).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli::run(&args) {
        Ok(out) => print!("{out}"),
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    }
}

// Cargo builds every binary when testing for wasm32; this one is native-only.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[path = "benchmark/workshop.rs"]
mod workshop;

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use carer_benchmark::domain::dates::{long_date, parse_date};
    use carer_benchmark::domain::model::Assessment;
    use carer_benchmark::domain::policy::{self, Grade};
    use carer_benchmark::domain::{content::framework, document, draft_policy, export, format, plan, scoring};
    use chrono::NaiveDate;
    use serde_json::{json, Map, Value};
    use std::fmt::Write;

    /// Today's date on this computer: the default check date. The domain reads no clock;
    /// the command line does, here and for the timestamps it writes.
    pub fn today() -> NaiveDate {
        chrono::Local::now().date_naive()
    }

    const USAGE: &str = "usage:\n  benchmark template\n  benchmark content-json\n  benchmark score FILE [--json] [--on YYYY-MM-DD]\n  \
                         benchmark check-policy FILE [--json] [--on YYYY-MM-DD]\n  benchmark draft-policy FILE [--on YYYY-MM-DD]\n  \
                         benchmark plan FILE --format md|csv|ics|docx|json|html [-o OUT] [--on YYYY-MM-DD] [--start YYYY-MM-DD]\n  \
                         benchmark passport FILE [--part template|guide|briefing] [-o OUT]";

    /// A command's FILE and options.
    struct Opts<'a> {
        file: &'a str,
        json: bool,
        on: NaiveDate,
    }

    fn options<'a>(command: &str, rest: &[&'a str], json_allowed: bool) -> Result<Opts<'a>, String> {
        let mut files = Vec::new();
        let (mut json, mut on) = (false, None);
        let mut args = rest.iter();
        while let Some(&a) = args.next() {
            match a {
                "--json" if json_allowed => json = true,
                "--on" => {
                    let value = args.next().ok_or_else(|| format!("--on needs a date like 2024-04-06\n{USAGE}"))?;
                    on = Some(parse_date(value).map_err(|e| format!("--on: {e}"))?);
                }
                _ if a.starts_with("--on=") => {
                    on = Some(parse_date(&a[5..]).map_err(|e| format!("--on: {e}"))?);
                }
                _ if a.starts_with("--") => return Err(format!("unknown option {a}\n{USAGE}")),
                _ => files.push(a),
            }
        }
        let [file] = files.as_slice() else {
            return Err(format!("{command} needs exactly one FILE\n{USAGE}"));
        };
        Ok(Opts { file, json, on: on.unwrap_or_else(today) })
    }

    pub fn run(args: &[String]) -> Result<String, String> {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        match args.as_slice() {
            ["template"] => Ok(format::template(framework(), chrono::Utc::now()) + "\n"),
            ["content-json"] => Ok(carer_benchmark::domain::content::FRAMEWORK_JSON.to_string()),
            ["score", rest @ ..] => {
                let o = options("score", rest, true)?;
                score(o.file, o.json, o.on)
            }
            ["check-policy", rest @ ..] => {
                let o = options("check-policy", rest, true)?;
                check_policy(o.file, o.json, o.on)
            }
            ["draft-policy", rest @ ..] => {
                let o = options("draft-policy", rest, false)?;
                let a = read(o.file, "nothing was drafted")?;
                let answers = a.policies.unwrap_or_default();
                let findings = policy::check(policy::rules(), &answers, a.organisation.nation, o.on);
                let draft =
                    draft_policy::draft_policy(&a.organisation.name, a.organisation.nation, &answers, &findings, o.on);
                Ok(document::markdown::render(&draft))
            }
            ["plan", rest @ ..] => plan(rest),
            ["passport", rest @ ..] => passport(rest),
            ["workshop", rest @ ..] => super::workshop::run(rest),
            _ => Err(format!("{USAGE}\n{}", super::workshop::USAGE)),
        }
    }

    /// `plan FILE --format F [-o OUT] [--on DATE] [--start DATE]`.
    fn plan(rest: &[&str]) -> Result<String, String> {
        let (mut format_id, mut out, mut start, mut others) = (None, None, None, Vec::new());
        let mut args = rest.iter();
        while let Some(&a) = args.next() {
            let mut value = |name: &str| args.next().copied().ok_or_else(|| format!("{name} needs a value\n{USAGE}"));
            match a {
                "--format" => format_id = Some(value(a)?),
                "-o" => out = Some(value(a)?),
                "--start" => start = Some(parse_date(value(a)?).map_err(|e| format!("--start: {e}"))?),
                _ => others.push(a),
            }
        }
        let o = options("plan", &others, false)?;
        let Some(format_id) = format_id else {
            return Err(format!("plan needs --format md, csv, ics, docx, json or html\n{USAGE}"));
        };
        let ext = match format_id {
            "md" | "csv" | "ics" | "docx" | "json" | "html" => format_id,
            other => return Err(format!("--format {other}: use md, csv, ics, docx, json or html")),
        };
        if ext == "docx" && out.is_none() {
            return Err("--format docx writes a file: give -o OUT".into());
        }
        let mut a = read(o.file, "no plan was written")?;
        if let Some(start) = start {
            plan::edit_plan(&mut a, start, |s| s.start = start);
        }
        let fw = framework();
        let r = export::Report::for_assessment(fw, &a, o.on);
        let file = |kind| r.file(kind, chrono::Utc::now());
        let bytes = match ext {
            "md" => file(export::ReportFile::Markdown),
            "csv" => file(export::ReportFile::Csv),
            "ics" => file(export::ReportFile::Calendar),
            "docx" => file(export::ReportFile::Word),
            "html" => file(export::ReportFile::Html),
            _ => {
                let mut saved = a.clone();
                plan::edit_plan(&mut saved, r.plan.start, |s| s.record(&r.plan));
                (format::to_json(&saved) + "\n").into_bytes()
            }
        };
        let Some(out) = out else {
            return String::from_utf8(bytes).map_err(|_| "this format is binary: give -o OUT".to_string());
        };
        let mut path = std::path::PathBuf::from(out);
        if path.is_dir() {
            path.push(format::file_name(&a.organisation.name, o.on, ext));
        }
        std::fs::write(&path, &bytes).map_err(|e| format!("{}: cannot write the file: {e}", path.display()))?;
        Ok(format!("wrote {} ({} bytes)\n", path.display(), bytes.len()))
    }

    /// `passport FILE [--part PART] [-o OUT]`: the scheme in FILE (or, when it has none,
    /// the one the tool would suggest from its policy answers) as a standalone HTML page.
    fn passport(rest: &[&str]) -> Result<String, String> {
        use carer_benchmark::domain::passport::{self, Part};
        let (mut file, mut part, mut out) = (None, Part::Template, None);
        let mut args = rest.iter();
        while let Some(&a) = args.next() {
            let (key, inline) = match a.split_once('=') {
                Some((k, v)) if k.starts_with("--") => (k, Some(v)),
                _ => (a, None),
            };
            let mut value = |name: &str| {
                inline.or_else(|| args.next().copied()).ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
            };
            match key {
                "--part" => {
                    let v = value("--part")?;
                    part = Part::from_id(v).ok_or_else(|| {
                        format!("--part: {} is not one of template, guide, briefing\n{USAGE}", format::quoted(v))
                    })?;
                }
                "-o" | "--output" => out = Some(value("-o")?),
                _ if a.starts_with('-') => return Err(format!("unknown option {a}\n{USAGE}")),
                _ if file.is_none() => file = Some(a),
                _ => return Err(format!("passport needs exactly one FILE\n{USAGE}")),
            }
        }
        let file = file.ok_or_else(|| format!("passport needs exactly one FILE\n{USAGE}"))?;
        let a = read(file, "nothing was printed")?;
        // Rights as the law stands today for the organisation's nation (see `current_scheme`).
        let scheme = passport::current_scheme(&a, &[], today());
        let problems = passport::validate(&scheme);
        if !problems.is_empty() {
            let mut msg = format!(
                "{file}: the carer passport scheme is not complete: {} problem(s); nothing was printed.",
                problems.len()
            );
            for p in problems {
                let _ = write!(msg, "\n  $.passport.{}: {}", p.field, p.message);
            }
            return Err(msg);
        }
        let html = passport::standalone_html(&scheme, part);
        match out {
            None => Ok(html),
            Some(path) => {
                std::fs::write(path, html).map_err(|e| format!("{path}: cannot write the file: {e}"))?;
                Ok(String::new())
            }
        }
    }

    /// A file's bytes. A file larger than the app accepts ([`format::MAX_BYTES`]) is
    /// refused by its size, unread, and reading stops just past the limit, so a file that
    /// grows, a pipe or a device cannot make the tool hold more. The error is a sentence
    /// for after the file's name.
    pub(crate) fn read_bytes(path: &std::path::Path) -> Result<Vec<u8>, String> {
        use std::io::Read;
        let limit = format::MAX_BYTES as u64;
        let cannot = |e: std::io::Error| format!("cannot read the file: {e}");
        let file = std::fs::File::open(path).map_err(cannot)?;
        if let Some(problem) = format::size_problem(file.metadata().map_err(cannot)?.len()) {
            return Err(problem.message);
        }
        let mut bytes = Vec::new();
        file.take(limit + 1).read_to_end(&mut bytes).map_err(cannot)?;
        if bytes.len() as u64 > limit {
            return Err(format!(
                "the file is larger than the {} KB this tool reads. Is this the right file?",
                limit / 1024
            ));
        }
        Ok(bytes)
    }

    /// Reads and validates an assessment file, naming every problem.
    pub(crate) fn read(path: &str, outcome: &str) -> Result<Assessment, String> {
        let bytes = read_bytes(path.as_ref()).map_err(|e| format!("{path}: {e}"))?;
        format::from_bytes(framework(), &bytes).map_err(|problems| {
            let mut msg = format!("{path}: {} problem(s) found; {outcome}.", problems.len());
            for p in problems {
                let _ = write!(msg, "\n  {p}");
            }
            msg
        })
    }

    fn check_policy(path: &str, as_json: bool, on: NaiveDate) -> Result<String, String> {
        let a = read(path, "nothing was checked")?;
        let nation = a.organisation.nation;
        let answers = a.policies.clone().unwrap_or_default();
        let rules = policy::rules();
        let findings = policy::check(rules, &answers, nation, on);
        let not_checked = policy::not_checked(rules, &answers, nation, on);
        let suggestions = policy::suggested_answers(rules, &answers, nation, on);
        let count = |g: Grade| findings.iter().filter(|f| f.grade == g).count();
        if as_json {
            let summary: Map<String, Value> =
                Grade::ALL.iter().map(|&g| (g.id().to_string(), json!(count(g)))).collect();
            let not_checked: Vec<Value> = not_checked
                .iter()
                .map(|r| json!({ "rule_id": r.id, "title": r.title(), "field": r.check.field.id() }))
                .collect();
            let out = json!({
                "organisation": a.organisation.name,
                "nation": nation.id(),
                "on": on.to_string(),
                "findings": findings,
                "not_checked": not_checked,
                "suggestions": suggestions,
                "summary": summary,
            });
            return Ok(serde_json::to_string_pretty(&out).expect("JSON values serialise") + "\n");
        }
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}: policy check for {} on {}",
            a.organisation.name,
            policy::nations_text(&[nation]),
            long_date(on)
        );
        if a.policies.is_none() {
            let _ = writeln!(out, "\nThis file has no policy answers yet, so no rule could be checked.");
        }
        for f in &findings {
            let _ = writeln!(out, "\n{}  {}  {}", f.rule_id, f.grade.id().to_uppercase(), f.title);
            let _ = writeln!(out, "  {}", f.note);
            let _ = writeln!(out, "  {}", f.explanation);
            let _ = writeln!(out, "  Applies: {}. Source: {}", f.when, f.source);
        }
        if !not_checked.is_empty() {
            let _ = writeln!(out, "\nNot checked, because the question is not answered:");
            for r in &not_checked {
                let _ = writeln!(out, "  {}  {}", r.id, r.check.field.info().question);
            }
        }
        if !suggestions.is_empty() {
            let _ = writeln!(out, "\nSuggested answers for the criteria:");
            for s in &suggestions {
                let _ = writeln!(out, "  {}  {}: {}", s.indicator, s.answer.id(), s.reason);
            }
        }
        let _ = writeln!(
            out,
            "\nSummary: {} breach(es), {} minimum, {} enhanced, {} coming; {} not checked.",
            count(Grade::Breach),
            count(Grade::Minimum),
            count(Grade::Enhanced),
            count(Grade::Coming),
            not_checked.len()
        );
        Ok(out)
    }

    fn score(path: &str, as_json: bool, on: NaiveDate) -> Result<String, String> {
        let fw = framework();
        let assessment = read(path, "nothing was scored")?;
        let s = scoring::score(fw, &assessment, on);
        if as_json {
            let levels: Map<String, Value> = s
                .levels
                .iter()
                .map(|l| {
                    let v = json!({
                        "ready": l.status == scoring::LevelStatus::Ready,
                        "status": l.status,
                        "met": l.met,
                        "total": l.total,
                        "missing": l.missing,
                    });
                    (l.level.to_string(), v)
                })
                .collect();
            let criteria: Map<String, Value> =
                s.criteria.iter().map(|c| (c.id.clone(), json!(c.status.id()))).collect();
            let areas: Map<String, Value> =
                s.areas.iter().map(|a| (a.area.id().to_string(), json!(a.percent))).collect();
            let out = json!({
                "organisation": assessment.organisation.name,
                "levels": levels,
                "criteria": criteria,
                "areas": areas,
                "overall": s.overall.percent(),
                "points": s.overall,
                "policy_breaches": s.criteria.iter().flat_map(|c| &c.shortfalls).filter_map(|x| match x {
                    scoring::Shortfall::PolicyBreach { rule, .. } => Some(rule.as_str()),
                    _ => None,
                }).collect::<Vec<_>>(),
            });
            return Ok(serde_json::to_string_pretty(&out).expect("JSON values serialise") + "\n");
        }
        let mut out = String::new();
        let _ = writeln!(out, "{}", assessment.organisation.name);
        let _ = writeln!(out, "\nLevels");
        for l in &s.levels {
            let status = match l.status {
                scoring::LevelStatus::Ready => "ready to apply",
                scoring::LevelStatus::OnTrack => "on track",
                scoring::LevelStatus::NotYet => "not yet",
            };
            let _ = write!(out, "  Level {}: {status} ({} of {} criteria met)", l.level, l.met, l.total);
            if !l.missing.is_empty() {
                let _ = write!(out, "; still to meet: {}", l.missing.join(", "));
            }
            out.push('\n');
        }
        let _ = writeln!(out, "\nCriteria");
        for c in &s.criteria {
            let title = fw.criterion(&c.id).map(|x| x.title).unwrap_or("");
            let status = match c.status {
                scoring::CriterionStatus::Met => "met",
                scoring::CriterionStatus::Partly => "partly met",
                scoring::CriterionStatus::NotMet => "not met",
            };
            let _ = writeln!(
                out,
                "  {:<5} {:<11} {:>2}/{:<2} points  {title}",
                c.id, status, c.points.earned, c.points.available
            );
        }
        let held: Vec<&str> = s
            .criteria
            .iter()
            .flat_map(|c| &c.shortfalls)
            .filter_map(|x| match x {
                scoring::Shortfall::PolicyBreach { rule, .. } => Some(rule.as_str()),
                _ => None,
            })
            .collect();
        if !held.is_empty() {
            let _ = writeln!(
                out,
                "\nPolicy breaches on {} (L1.2 cannot be met until they are fixed; see check-policy): {}",
                long_date(on),
                held.join(", ")
            );
        }
        let _ = writeln!(out, "\nAreas");
        for a in &s.areas {
            let _ = writeln!(
                out,
                "  {:<15} {:>3}%  ({} of {} points)",
                a.area.id(),
                a.percent,
                a.points.earned,
                a.points.available
            );
        }
        let _ = writeln!(
            out,
            "\nOverall {}%  ({} of {} points)",
            s.overall.percent(),
            s.overall.earned,
            s.overall.available
        );
        Ok(out)
    }
}

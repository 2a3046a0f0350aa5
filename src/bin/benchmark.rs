//! Command-line tool for carers' organisations and tests.
//!
//!     benchmark template                 print a blank assessment listing every indicator
//!     benchmark score FILE [--json]      level readiness, criteria, areas and overall score
//!
//! Exit status: 0 success, 2 invalid input or usage (each problem is named on stderr).

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
mod cli {
    use carer_benchmark::domain::{content::framework, format, scoring};
    use serde_json::{json, Map, Value};
    use std::fmt::Write;

    const USAGE: &str = "usage:\n  benchmark template\n  benchmark score FILE [--json]";

    pub fn run(args: &[String]) -> Result<String, String> {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        match args.as_slice() {
            ["template"] => Ok(format::template(framework(), chrono::Utc::now()) + "\n"),
            ["score", rest @ ..] => {
                let json = rest.contains(&"--json");
                let files: Vec<&&str> = rest.iter().filter(|a| !a.starts_with("--")).collect();
                if let Some(bad) = rest.iter().find(|a| a.starts_with("--") && **a != "--json") {
                    return Err(format!("unknown option {bad}\n{USAGE}"));
                }
                let [file] = files.as_slice() else {
                    return Err(format!("score needs exactly one FILE\n{USAGE}"));
                };
                score(file, json)
            }
            _ => Err(USAGE.to_string()),
        }
    }

    fn score(path: &str, as_json: bool) -> Result<String, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read the file: {e}"))?;
        let fw = framework();
        let assessment = format::from_bytes(fw, &bytes).map_err(|problems| {
            let mut msg = format!("{path}: {} problem(s) found; nothing was scored.", problems.len());
            for p in problems {
                let _ = write!(msg, "\n  {p}");
            }
            msg
        })?;
        let s = scoring::score(fw, &assessment);
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

//! `benchmark plan`, run as a user would run it.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use carer_benchmark::domain::content::framework;
use carer_benchmark::domain::format::{file_name, from_bytes, to_json};
use carer_benchmark::domain::plan;
use carer_benchmark::domain::policy::PolicyAnswers;
use common::*;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_benchmark")).args(args).output().unwrap()
}

fn dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("cb-cli-plan-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Level 1 met, apart from a flexible-working policy below the law since April 2024.
fn file(name: &str) -> String {
    let mut a = all_yes_up_to(1);
    let mut p = PolicyAnswers::default();
    p.flexible_working.service_weeks = Some(26);
    a.policies = Some(p);
    let path = dir("in").join(format!("{name}.json"));
    std::fs::write(&path, to_json(&a)).unwrap();
    path.to_string_lossy().into_owned()
}

fn stdout(args: &[&str]) -> String {
    let out = run(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn csv_goes_to_stdout_with_breaches_first_and_dates_from_the_start() {
    let f = file("csv");
    let text = stdout(&["plan", &f, "--format", "csv", "--on", "2024-04-06", "--start", "2027-01-04"]);
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("\u{feff}ID,Group,Action"));
    let first = lines.next().unwrap();
    assert!(first.starts_with("policy:FW-GB-DAY-ONE,") && first.contains(",2027-01-04,2027-02-03,"), "{first}");
    assert!(text.contains("\r\n"));
    // The day before the law changed, 26 weeks was lawful: no breach.
    let before = stdout(&["plan", &f, "--format", "csv", "--on", "2024-04-05"]);
    assert!(!before.contains("policy:FW-GB-DAY-ONE"));
    assert!(before.lines().nth(1).unwrap().starts_with("act:L2.1.a-1,"));
}

#[test]
fn each_text_format_prints_and_docx_needs_an_output_file() {
    let f = file("text");
    let md = stdout(&["plan", &f, "--format", "md", "--on", "2026-11-22"]);
    assert!(
        md.starts_with("# Report and action plan for Acme Care Ltd\n\n**Carer-friendly employer benchmark**")
            && md.contains("## Action plan from 22 November 2026"),
        "{md}"
    );
    let html = stdout(&["plan", &f, "--format", "html", "--on", "2026-11-22"]);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<article class=\"cb-report\""));
    let ics = stdout(&["plan", &f, "--format", "ics", "--on", "2026-11-22"]);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.contains("UID:policy:FW-GB-DAY-ONE-20261122T093000Z@"));

    let out = run(&["plan", &f, "--format", "docx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o OUT"));
    assert!(out.stdout.is_empty());

    // -o a directory: the file is named after the organisation and the date.
    let d = dir("out");
    let msg = stdout(&["plan", &f, "--format", "docx", "--on", "2026-11-22", "-o", d.to_str().unwrap()]);
    let expected = d.join(file_name("Acme Care Ltd", day(), "docx"));
    assert!(msg.contains(expected.to_str().unwrap()), "{msg}");
    let bytes = std::fs::read(&expected).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    // -o a file path.
    let csv = d.join("plan.csv");
    stdout(&["plan", &f, "--format", "csv", "-o", csv.to_str().unwrap()]);
    assert!(std::fs::read_to_string(csv).unwrap().starts_with("\u{feff}ID,"));
}

#[test]
fn json_is_the_assessment_with_the_plan_recorded_and_reads_back() {
    let f = file("json");
    let text = stdout(&["plan", &f, "--format", "json", "--on", "2026-11-22", "--start", "2027-01-04"]);
    let a = from_bytes(framework(), text.as_bytes()).unwrap();
    let state = plan::plan_state(&a).unwrap();
    assert_eq!(state.start.to_string(), "2027-01-04");
    assert!(state.seen.contains("policy:FW-GB-DAY-ONE") && state.seen.contains("act:L3.6.a-1"), "{:?}", state.seen);
}

#[test]
fn bad_plan_options_exit_2_and_say_why() {
    let f = file("bad");
    for (args, says) in [
        (vec!["plan", &f], "--format"),
        (vec!["plan", &f, "--format", "pdf"], "--format pdf"),
        (vec!["plan", &f, "--format", "csv", "--start", "2027-02-30"], "--start"),
        (vec!["plan", &f, "--format", "csv", "--on"], "--on"),
        (vec!["plan", &f, "--format"], "--format needs a value"),
        (vec!["plan", "--format", "csv"], "exactly one FILE"),
        (vec!["plan", "/nonexistent.json", "--format", "csv"], "cannot read the file"),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn a_plan_starting_outside_the_years_2000_to_2100_is_refused() {
    let mut a = all_yes_up_to(1);
    plan::edit_plan(&mut a, day(), |_| ());
    let text = to_json(&a).replace("\"start\": \"2026-11-22\"", "\"start\": \"9999-12-31\"");
    assert!(text.contains("9999-12-31"));
    let path = dir("in").join("far.json");
    std::fs::write(&path, text).unwrap();
    let out = run(&["plan", path.to_str().unwrap(), "--format", "ics"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("$.plan.start: 9999-12-31 is outside the years 2000 to 2100"), "{err}");
    assert!(out.stdout.is_empty(), "{}", String::from_utf8_lossy(&out.stdout));

    let f = file("far-start");
    let out = run(&["plan", &f, "--format", "ics", "--start", "9999-12-31"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim(), "--start: 9999-12-31 is outside the years 2000 to 2100");
}

//! The command line, run as a user would run it.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use carer_benchmark::domain::content::framework;
use carer_benchmark::domain::format::to_json;
use common::*;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_benchmark")).args(args).output().unwrap()
}

fn write(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("cb-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn template_then_score_gives_zero_and_no_level_ready() {
    let out = run(&["template"]);
    assert!(out.status.success());
    let path = write("template.json", &String::from_utf8(out.stdout).unwrap());
    let out = run(&["score", &path, "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["overall"], 0);
    assert_eq!(v["levels"]["1"]["ready"], false);
    assert_eq!(v["criteria"]["L1.1"], "not_met");
    assert_eq!(v["areas"].as_object().unwrap().len(), 5);
}

#[test]
fn score_json_reports_level_one_ready() {
    let path = write("l1.json", &to_json(&all_yes_up_to(1)));
    let out = run(&["score", &path, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["levels"]["1"]["ready"], true);
    assert_eq!(v["levels"]["2"]["ready"], false);
    assert_eq!(v["criteria"]["L1.2"], "met");
    assert_eq!(v["criteria"]["L2.1"], "not_met");
    // Policy area = L1.1 and L1.2 (all yes) plus L2.3 (unanswered): 2 points per indicator.
    let n = |id: &str| framework().criterion(id).unwrap().indicators.len() as u32;
    let (earned, available) = (2 * (n("L1.1") + n("L1.2")), 2 * (n("L1.1") + n("L1.2") + n("L2.3")));
    assert_eq!(v["areas"]["policy"], (earned * 200 + available) / (2 * available));
    let text = String::from_utf8(run(&["score", &path]).stdout).unwrap();
    assert!(text.contains("Level 1: ready to apply (3 of 3 criteria met)"), "{text}");
    assert!(text.contains("Overall "), "{text}");
}

#[test]
fn invalid_input_exits_2_and_names_each_problem() {
    let path = write("bad.json", r#"{"format":"carer-benchmark-assessment","version":1,"organisation":{"name":"X","sector":"private","size":"50-249","nation":"mars"},"created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z","answers":{"L1.1.a":{"answer":"sometimes"}}}"#);
    let out = run(&["score", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("2 problem(s)"), "{err}");
    assert!(err.contains("$.organisation.nation"), "{err}");
    assert!(err.contains("$.answers[\"L1.1.a\"].answer"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn usage_errors_and_missing_files_exit_2() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(run(&["score"]).status.code(), Some(2));
    assert_eq!(run(&["score", "a.json", "--xml"]).status.code(), Some(2));
    let out = run(&["score", "/nonexistent/file.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the file"));
}

//! The command line, run as a user would run it.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use carer_benchmark::domain::content::framework;
use carer_benchmark::domain::format::to_json;
use carer_benchmark::domain::model::Nation;
use carer_benchmark::domain::policy::PolicyAnswers;
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

fn with_policy(name: &str, nation: Nation, edit: impl FnOnce(&mut PolicyAnswers)) -> String {
    let mut a = all_yes_up_to(1);
    a.organisation.nation = nation;
    let mut p = compliant_policy();
    edit(&mut p);
    a.policies = Some(p);
    write(name, &to_json(&a))
}

fn json_out(args: &[&str]) -> serde_json::Value {
    let out = run(args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn grade_of(v: &serde_json::Value, rule: &str) -> Option<String> {
    v["findings"].as_array().unwrap().iter().find(|f| f["rule_id"] == rule).map(|f| f["grade"].as_str().unwrap().to_string())
}

#[test]
fn check_policy_applies_the_law_in_force_on_the_date_given() {
    let path = with_policy("p26.json", Nation::England, |p| p.flexible_working.service_weeks = Some(26));
    let before = json_out(&["check-policy", &path, "--json", "--on", "2024-04-05"]);
    assert_eq!(before["on"], "2024-04-05");
    assert_eq!(before["nation"], "england");
    assert_eq!(grade_of(&before, "FW-GB-26-WEEKS").as_deref(), Some("minimum"));
    assert_eq!(grade_of(&before, "FW-GB-DAY-ONE").as_deref(), Some("coming"));
    assert_eq!(before["summary"]["breach"], 0);
    let after = json_out(&["check-policy", &path, "--json", "--on=2024-04-06"]);
    assert_eq!(grade_of(&after, "FW-GB-26-WEEKS"), None);
    assert_eq!(grade_of(&after, "FW-GB-DAY-ONE").as_deref(), Some("breach"));
    assert_eq!(after["summary"]["breach"], 1);
    let f = after["findings"].as_array().unwrap().iter().find(|f| f["rule_id"] == "FW-GB-DAY-ONE").unwrap();
    for key in ["explanation", "source", "note", "when", "title"] {
        assert!(!f[key].as_str().unwrap().is_empty(), "{key}");
    }
    assert_eq!(f["indicator"], "L1.2.a");
    let s = after["suggestions"].as_array().unwrap();
    assert_eq!(s[0]["indicator"], "L1.2.a");
    assert_eq!(s[0]["answer"], "partly");
    assert!(after["not_checked"].as_array().unwrap().is_empty());
    // Without --on, the check is for today: the day-one right is in force.
    assert_eq!(grade_of(&json_out(&["check-policy", &path, "--json"]), "FW-GB-DAY-ONE").as_deref(), Some("breach"));
}

#[test]
fn check_policy_prints_each_finding_with_rule_grade_explanation_and_source() {
    let path = with_policy("ni.json", Nation::NorthernIreland, |p| p.flexible_working.appeal = Some(false));
    let out = run(&["check-policy", &path, "--on", "2026-11-22"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Acme Care Ltd: policy check for Northern Ireland on 22 November 2026\n"), "{text}");
    assert!(text.contains("\nFW-NI-APPEAL  BREACH  Let the employee appeal against a refusal\n  Below the law. Your answer: no. The law requires: yes.\n  In Northern Ireland an employee"), "{text}");
    assert!(text.contains("Source: Employment Rights (Northern Ireland) Order 1996 Art. 112G(2)(d)"), "{text}");
    assert!(text.contains("FW-NI-26-WEEKS  ENHANCED"), "{text}");
    assert!(!text.contains("FW-GB-"), "no GB rule in Northern Ireland: {text}");
    assert!(text.contains("Summary: 1 breach(es)"), "{text}");
}

#[test]
fn a_file_without_policy_answers_lists_every_rule_as_not_checked() {
    let path = write("nopol.json", &to_json(&all_yes_up_to(1)));
    let text = String::from_utf8(run(&["check-policy", &path, "--on", "2026-11-22"]).stdout).unwrap();
    assert!(text.contains("This file has no policy answers yet"), "{text}");
    assert!(text.contains("Not checked, because the question is not answered:\n  FW-GB-DAY-ONE"), "{text}");
}

#[test]
fn score_shows_policy_breaches_holding_back_legal_rights() {
    let path = with_policy("breach.json", Nation::Wales, |p| p.carers_leave.notice_days = Some(14));
    let v = json_out(&["score", &path, "--json", "--on", "2026-11-22"]);
    assert_eq!(v["criteria"]["L1.2"], "partly");
    assert_eq!(v["levels"]["1"]["ready"], false);
    assert_eq!(v["policy_breaches"], serde_json::json!(["CL-GB-NOTICE"]));
    let v = json_out(&["score", &path, "--json", "--on", "2024-04-05"]);
    assert_eq!(v["criteria"]["L1.2"], "met", "carer's leave was not yet law");
    let text = String::from_utf8(run(&["score", &path, "--on", "2026-11-22"]).stdout).unwrap();
    assert!(text.contains("Policy breaches on 22 November 2026 (L1.2 cannot be met until they are fixed; see check-policy): CL-GB-NOTICE"), "{text}");
}

#[test]
fn draft_policy_prints_markdown_for_the_nation() {
    let path = with_policy("draft.json", Nation::Scotland, |_| {});
    let out = run(&["draft-policy", &path, "--on", "2026-11-22"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Supporting carers at work\n\n**Acme Care Ltd**: policy for staff in Scotland. Draft of 22 November 2026."), "{md}");
    assert!(md.contains("from their first day of employment"));
    assert_eq!(run(&["draft-policy", &path, "--json"]).status.code(), Some(2), "draft-policy has no --json");
}

#[test]
fn bad_dates_and_bad_policy_answers_exit_2_naming_the_problem() {
    let path = with_policy("ok.json", Nation::England, |_| {});
    for args in [
        vec!["check-policy", path.as_str(), "--on", "2024-02-30"],
        vec!["check-policy", path.as_str(), "--on=06/04/2024"],
        vec!["draft-policy", path.as_str(), "--on", "yesterday"],
        vec!["score", path.as_str(), "--on", "2024-13-01"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("--on: ") && err.contains("is not a date like 2024-04-06"), "{err}");
        assert!(out.stdout.is_empty());
    }
    let out = run(&["check-policy", &path, "--on"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--on needs a date"));
    assert_eq!(run(&["check-policy"]).status.code(), Some(2));
    assert_eq!(run(&["check-policy", &path, "--xml"]).status.code(), Some(2));

    let mut v: serde_json::Value = serde_json::from_str(&to_json(&all_yes_up_to(1))).unwrap();
    v["policies"] = serde_json::json!({ "carers_leave": { "days_per_year": 500, "smallest_unit": "minute" } });
    let bad = write("badpol.json", &v.to_string());
    let out = run(&["check-policy", &bad]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("2 problem(s) found; nothing was checked."), "{err}");
    assert!(err.contains("$.policies.carers_leave.days_per_year: 500 is more than the largest allowed, 60"), "{err}");
    assert!(err.contains("$.policies.carers_leave.smallest_unit"), "{err}");
}

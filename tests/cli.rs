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
    let path = write(
        "bad.json",
        r#"{"format":"carer-benchmark-assessment","version":1,"organisation":{"name":"X","sector":"private","size":"50-249","nation":"mars"},"created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z","answers":{"L1.1.a":{"answer":"sometimes"}}}"#,
    );
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
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == rule)
        .map(|f| f["grade"].as_str().unwrap().to_string())
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
    // The primary source first, then what it says, then the date it was checked.
    assert!(
        text.contains("Source: https://www.legislation.gov.uk/nisr/2003/173/regulation/6 — Flexible Working (Procedural Requirements) Regulations (Northern Ireland) 2003 (SR 2003/173) reg. 6"),
        "{text}"
    );
    assert!(text.contains("Art. 112G(2)(d). Checked 2026-11-28\n"), "{text}");
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

// ── Workshop mode ──────────────────────────────────────────────────────────────────

fn stdout_of(args: &[&str]) -> String {
    let out = run(args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn workshop_share_prints_a_code_that_names_the_organisation_only_with_consent() {
    use carer_benchmark::domain::scoring::LevelStatus;
    use carer_benchmark::domain::workshop::decode_share;
    let path = write("ws-share.json", &to_json(&all_yes_up_to(1)));
    let code = stdout_of(&["workshop", "share", &path]);
    assert!(code.starts_with("CB1-") && code.ends_with('\n') && code.len() == 40, "{code}");
    let share = decode_share(&code).unwrap();
    assert_eq!(share.organisation, None);
    assert_eq!(share.levels, [LevelStatus::Ready, LevelStatus::NotYet, LevelStatus::NotYet]);
    let named = decode_share(&stdout_of(&["workshop", "share", &path, "--consent"])).unwrap();
    assert_eq!(named.organisation.as_deref(), Some("Acme Care Ltd"));
    assert_eq!(named.participant, share.participant);

    let file: serde_json::Value =
        serde_json::from_str(&stdout_of(&["workshop", "share", &path, "--format=json"])).unwrap();
    assert_eq!(file["format"], "carer-benchmark-share");
    assert_eq!(file["levels"]["1"], "ready");
    assert!(file.get("organisation").is_none());

    // A policy breach on the date given holds L1.2, and so level 1, back.
    let mut a = all_yes_up_to(1);
    let mut p = compliant_policy();
    p.carers_leave.notice_days = Some(14);
    a.policies = Some(p);
    let breach = write("ws-breach.json", &to_json(&a));
    let held = decode_share(&stdout_of(&["workshop", "share", &breach, "--on", "2026-11-22"])).unwrap();
    assert_eq!(held.levels[0], LevelStatus::OnTrack);

    for bad in [
        vec!["workshop", "share"],
        vec!["workshop", "share", path.as_str(), "--format", "xml"],
        vec!["workshop", "share", path.as_str(), "--on", "2026-02-30"],
        vec!["workshop", "share", "/nonexistent.json"],
        vec!["workshop", "share", path.as_str(), "--consent=yes"],
        vec!["workshop"],
        vec!["workshop", "publish"],
    ] {
        let out = run(&bad);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(out.stdout.is_empty());
    }
}

/// A folder of what participants sent: a share file, an assessment sent by mistake, and
/// a text with codes (one repeated, one cut off).
fn workshop_room() -> (String, String) {
    use carer_benchmark::domain::scoring::score;
    use carer_benchmark::domain::workshop::{share, share_to_json};
    let dir = std::env::temp_dir().join(format!("cb-cli-{}", std::process::id())).join("room");
    std::fs::create_dir_all(&dir).unwrap();
    let acme = all_yes_up_to(1);
    let acme_share = share(&acme, &score(framework(), &acme, day()), true);
    std::fs::write(dir.join("acme.json"), share_to_json(&acme_share)).unwrap();
    let mut bexley = all_yes_up_to(2);
    bexley.organisation.name = "Bexley Buses".into();
    let code = share(&bexley, &score(framework(), &bexley, day()), false).code();
    let text = format!(
        "Codes from the chat\nBexley: {code}\nBexley again: {}\nsomeone: {}\n",
        code.to_lowercase(),
        &code[..15]
    );
    std::fs::write(dir.join("codes.txt"), text).unwrap();
    std::fs::write(dir.join("mistake.json"), to_json(&bexley)).unwrap();
    std::fs::write(dir.join(".hidden"), "not read: hidden files are skipped").unwrap();
    let assessment = write("ws-bexley.json", &to_json(&bexley));
    (dir.to_string_lossy().into_owned(), assessment)
}

#[test]
fn workshop_aggregate_counts_the_room_and_names_what_it_could_not_count() {
    let (dir, _) = workshop_room();
    let out = run(&["workshop", "aggregate", &dir]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Participants: 2\n"), "{text}");
    assert!(text.contains("  Level 1: 2 ready to apply, 0 on track, 0 not yet\n"), "{text}");
    assert!(text.contains("  Level 2: 1 ready to apply, 0 on track, 1 not yet\n"), "{text}");
    assert!(text.contains("  L3.1    2 of 2  Open culture and new ideas\n"), "{text}");
    assert!(text.contains("Named with their consent: Acme Care Ltd\n"), "{text}");
    assert!(!text.contains("Bexley"), "Bexley did not consent: {text}");
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].ends_with(
            "codes.txt, line 4: this code is incomplete (it looks cut off): copy the whole code and try again"
        ),
        "{err}"
    );
    assert!(
        lines[1].ends_with("mistake.json: $.format: is an assessment file, not a share: make a share from it first"),
        "{err}"
    );
    assert!(
        lines[2].starts_with("not counted: ") && lines[2].contains("codes.txt, line 3: the same share as "),
        "{err}"
    );
    assert!(lines[2].contains("codes.txt, line 2 (share "), "{err}");

    let v: serde_json::Value =
        serde_json::from_str(&stdout_of(&["workshop", "aggregate", &dir, "--format", "json"])).unwrap();
    assert_eq!(v["participants"], 2);
    assert_eq!(v["levels"][1], serde_json::json!({ "level": 2, "ready": 1, "on_track": 0, "not_yet": 1 }));
    assert_eq!(v["names"], serde_json::json!(["Acme Care Ltd"]));
    assert_eq!(v["rejected"].as_array().unwrap().len(), 2);
    assert_eq!(v["duplicates"].as_array().unwrap().len(), 1);
    assert_eq!(v["missing"][0], serde_json::json!({ "criterion": "L3.1", "count": 2 }));
    let room = carer_benchmark::domain::workshop::decode_summary(v["code"].as_str().unwrap()).unwrap();
    assert_eq!(room.participants, 2);

    let csv = stdout_of(&["workshop", "aggregate", &dir, "--format=csv"]);
    assert!(
        csv.starts_with("\u{feff}Section,Item,Detail,Value\r\n") && csv.contains("\r\nParticipants,,,2\r\n"),
        "{csv}"
    );
    let md = stdout_of(&[
        "workshop",
        "aggregate",
        &dir,
        "--format",
        "md",
        "--title",
        "Anytown employers",
        "--date",
        "2026-06-10",
    ]);
    assert!(md.starts_with("# Workshop results: Anytown employers\n\n10 June 2026\n"), "{md}");

    // Files can be named one by one, and the same file twice is counted once.
    let acme = format!("{dir}/acme.json");
    let one = stdout_of(&["workshop", "aggregate", &acme, &acme]);
    assert!(one.starts_with("Participants: 1\n"), "{one}");

    let out = run(&["workshop", "aggregate", &format!("{dir}/mistake.json")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no share could be counted (1 refused, 0 duplicate)"));
    for bad in [
        vec!["workshop", "aggregate"],
        vec!["workshop", "aggregate", dir.as_str(), "--format", "xml"],
        vec!["workshop", "aggregate", dir.as_str(), "--title", "T", "--date", "10/06/2026"],
        vec!["workshop", "aggregate", dir.as_str(), "--date", "2026-06-10"],
    ] {
        let out = run(&bad);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(out.stdout.is_empty());
    }
    let out = run(&["workshop", "aggregate", &dir, "--date", "2026-06-10"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--title: Enter a title for the workshop"));
}

#[test]
fn workshop_compare_places_an_assessment_against_the_room_code() {
    let (dir, bexley) = workshop_room();
    let v: serde_json::Value =
        serde_json::from_str(&stdout_of(&["workshop", "aggregate", &dir, "--format", "json"])).unwrap();
    let code = v["code"].as_str().unwrap();
    let text = stdout_of(&["workshop", "compare", &bexley, code]);
    assert!(text.starts_with("Against the room (2 participants)\n"), "{text}");
    assert!(text.contains("  Level 2: you are ready to apply (ready); 1 of 2 in the room are ready to apply: around the middle of the room\n"), "{text}");
    // A code pasted with spaces arrives as several words.
    let spaced: Vec<&str> = code.split('-').collect();
    let mut args = vec!["workshop", "compare", bexley.as_str()];
    args.extend(spaced);
    assert_eq!(stdout_of(&args), text);
    let out = run(&["workshop", "compare", &bexley, &code[..20]]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("ROOM_CODE: this code is incomplete"));
    let share_code = stdout_of(&["workshop", "share", &bexley]);
    let out = run(&["workshop", "compare", &bexley, share_code.trim()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("this is a participant's code, not the room's summary code"));
}

#[test]
fn workshop_agenda_prints_the_running_order_with_times() {
    let md = stdout_of(&[
        "workshop",
        "agenda",
        "--start",
        "13:00",
        "--title",
        "Carers Week",
        "--date",
        "2026-06-10",
        "--organisation",
        "Anytown Carers",
    ]);
    assert!(md.starts_with("# Carers Week\n\n10 June 2026, Anytown Carers\n\n13:00 to "), "{md}");
    assert!(md.contains("\n## 13:00–13:15 Welcome: carers in your workforce (15 minutes)\n"), "{md}");
    assert!(stdout_of(&["workshop", "agenda"]).contains("\n## 09:30–"));
    for bad in [vec!["workshop", "agenda", "--start", "25:00"], vec!["workshop", "agenda", "extra"]] {
        assert_eq!(run(&bad).status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn a_key_given_twice_is_refused_by_every_command_that_reads_files() {
    let text = to_json(&all_yes_up_to(1));
    let twice = text.replacen("\"organisation\":", "\"organisation\": {\"name\": \"Someone Else\", \"sector\": \"private\", \"size\": \"50-249\", \"nation\": \"england\"},\n  \"organisation\":", 1);
    let path = write("twice.json", &twice);
    for cmd in ["score", "check-policy", "draft-policy"] {
        let out = run(&[cmd, &path]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("\n  $.organisation: appears twice"), "{cmd}: {err}");
        assert!(out.stdout.is_empty());
    }
    let out = run(&["workshop", "share", &path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("$.organisation: appears twice"));

    let share = stdout_of(&["workshop", "share", &write("once.json", &text), "--consent", "--format", "json"]);
    let share = share.replacen("\"organisation\":", "\"organisation\": \"Someone Else\",\n  \"organisation\":", 1);
    let out = run(&["workshop", "aggregate", &write("twice-share.json", &share)]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("twice-share.json: $.organisation: appears twice"), "{err}");
}

// ── Files too large ────────────────────────────────────────────────────────────────

/// A file of `size` bytes that takes no room on the disk (sparse).
fn sparse(name: &str, size: u64) -> String {
    let path = write(name, "");
    std::fs::OpenOptions::new().write(true).open(&path).unwrap().set_len(size).unwrap();
    path
}

#[test]
fn a_file_larger_than_the_app_accepts_is_refused_by_its_size_unread() {
    let big = sparse("big.json", 100 << 20);
    let out = run(&["score", &big]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("{big}: the file is 102400 KB; the largest accepted is 1024 KB. Is this the right file?\n")
    );
    assert!(out.stdout.is_empty());
    // Just over the limit is refused; at the limit, the file is read (and found not JSON).
    let over = sparse("over.json", carer_benchmark::domain::format::MAX_BYTES as u64 + 1);
    let err = String::from_utf8_lossy(&run(&["score", &over]).stderr).into_owned();
    assert!(err.contains("the file is 1025 KB; the largest accepted is 1024 KB"), "{err}");
    let at = sparse("at.json", carer_benchmark::domain::format::MAX_BYTES as u64);
    let err = String::from_utf8_lossy(&run(&["score", &at]).stderr).into_owned();
    assert!(err.contains("not valid JSON"), "{err}");

    // The room's files: the large one is named and not counted, the others are.
    let share = stdout_of(&["workshop", "share", &write("small.json", &to_json(&all_yes_up_to(1)))]);
    let codes = write("codes.txt", &share);
    let out = run(&["workshop", "aggregate", &big, &codes]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "not counted: {big}: the file is 102400 KB; the largest accepted is 1024 KB. Is this the right file?"
        )),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Participants: 1"));
}

#[test]
fn a_pipe_that_never_ends_is_read_no_further_than_the_limit() {
    use std::io::Write;
    use std::time::{Duration, Instant};
    let fifo = std::env::temp_dir().join(format!("cb-cli-{}-endless.json", std::process::id()));
    let _ = std::fs::remove_file(&fifo);
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success(), "mkfifo");
    let (done, wait) = std::sync::mpsc::channel::<()>();
    let path = fifo.clone();
    // More than the limit, then the pipe is held open: it never ends.
    let writer = std::thread::spawn(move || {
        let mut f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        let _ = f.write_all(&vec![b' '; carer_benchmark::domain::format::MAX_BYTES + 65536]);
        let _ = wait.recv_timeout(Duration::from_secs(60));
    });
    let mut child = Command::new(env!("CARGO_BIN_EXE_benchmark"))
        .args(["score", fifo.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let finished = loop {
        if child.try_wait().unwrap().is_some() {
            break true;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            break false;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = child.wait_with_output().unwrap();
    let _ = done.send(());
    if !writer.is_finished() {
        // The writer still waits for a reader: give it one, so it ends.
        let _ = std::fs::File::open(&fifo);
    }
    writer.join().unwrap();
    let _ = std::fs::remove_file(&fifo);
    assert!(finished, "still reading a pipe that never ends after 20 seconds");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the file is larger than the 1024 KB this tool reads"), "{err}");
}

//! The policy checker: the rules as data, every rule on both sides of every date and in
//! each nation, "coming" rules never applied, suggestions for the criteria, the draft
//! policy, and the property that improving an answer never adds a breach.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use carer_benchmark::domain::content::framework;
use carer_benchmark::domain::dates::{long_date, parse_date};
use carer_benchmark::domain::document::markdown;
use carer_benchmark::domain::draft_policy::draft_policy;
use carer_benchmark::domain::escape::markdown as escape_markdown;
use carer_benchmark::domain::model::{Answer, Nation};
use carer_benchmark::domain::policy::*;
use chrono::{Days, NaiveDate};
use common::*;
use proptest::prelude::*;
use std::collections::BTreeSet;

use Field as F;
use Grade::*;
use Nation::*;

const GB: [Nation; 3] = [England, Wales, Scotland];

fn rule(id: &str) -> &'static Rule {
    rules().iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no rule {id}"))
}

fn with(pairs: &[(Field, u32)]) -> PolicyAnswers {
    let mut p = PolicyAnswers::default();
    for &(f, level) in pairs {
        p.set_level(f, Some(level));
    }
    p
}

/// The grade a rule gets, or `None` when it gives no finding.
fn grade(id: &str, nation: Nation, on: &str, answers: &PolicyAnswers) -> Option<Grade> {
    check(rules(), answers, nation, date(on)).into_iter().find(|f| f.rule_id == id).map(|f| f.grade)
}

fn ids(findings: &[Finding], g: Grade) -> Vec<&'static str> {
    findings.iter().filter(|f| f.grade == g).map(|f| f.rule_id).collect()
}

// ── The rules as data ──────────────────────────────────────────────────────────────

#[test]
fn every_rule_has_a_well_formed_id_a_source_and_an_explanation() {
    let mut seen = BTreeSet::new();
    for r in rules() {
        assert!(seen.insert(r.id), "duplicate {}", r.id);
        let parts: Vec<&str> = r.id.split('-').collect();
        assert!(parts.len() >= 3, "{}", r.id);
        assert!(["FW", "CL", "TD", "CP"].contains(&parts[0]), "{}: area", r.id);
        let scope: &[Nation] = match parts[1] {
            "GB" => &GB,
            "NI" => &[NorthernIreland],
            "UK" => Nation::ALL,
            other => panic!("{}: scope {other}", r.id),
        };
        assert_eq!(r.nations.len(), scope.len(), "{}: nations match the scope", r.id);
        assert!(scope.iter().all(|n| r.nations.contains(n)), "{}: nations match the scope", r.id);
        assert!(parts[2..]
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())));
        assert!(r.source().trim().len() > 10, "{} has no source", r.id);
        assert!(
            r.explanation().trim().ends_with('.') && r.explanation().len() > 40,
            "{} needs a plain-English explanation",
            r.id
        );
        assert!(!r.title().trim().is_empty(), "{} has no title", r.id);
        if let Some(i) = r.indicator {
            assert!(framework().indicator(i).is_some(), "{}: no indicator {i}", r.id);
        }
        if !r.is_good_practice() {
            assert!(r.indicator.is_some_and(|i| i.starts_with("L1.2.")), "{}: a legal rule feeds L1.2", r.id);
        }
        if let (Start::On(from), Some(until)) = (r.start, r.until) {
            assert!(from <= until, "{}", r.id);
        }
    }
}

#[test]
fn the_brief_s_rule_ids_exist() {
    for id in [
        "FW-GB-DAY-ONE",
        "CL-GB-ONE-WEEK",
        "FW-NI-26-WEEKS",
        "FW-GB-REASONABLE-REFUSAL",
        "FW-GB-26-WEEKS",
        "FW-GB-ONE-REQUEST",
        "FW-GB-THREE-MONTHS",
    ] {
        rule(id);
    }
    assert!(matches!(rule("FW-GB-REASONABLE-REFUSAL").start, Start::Expected(_)));
    for id in ["FW-GB-26-WEEKS", "FW-GB-ONE-REQUEST", "FW-GB-THREE-MONTHS"] {
        assert_eq!(rule(id).until, Some(date("2024-04-05")), "{id} ends when the new law begins");
    }
}

#[test]
fn every_rule_improves_the_same_way_as_its_question() {
    for r in rules() {
        let better = r.check.field.info().better.expect("rules never check a set");
        let want = if r.check.test == Test::AtLeast { Better::Higher } else { Better::Lower };
        assert_eq!(better, want, "{}", r.id);
    }
}

#[test]
fn every_question_but_the_list_of_arrangements_is_checked_by_a_rule() {
    for f in fields() {
        let used = rules().iter().any(|r| r.check.field == f.field);
        assert_eq!(used, f.kind != Kind::Set, "{}", f.id);
        assert!(f.question.trim().ends_with('?'), "{} should ask a question", f.id);
        assert_eq!(Field::from_id(f.id), Some(f.field));
    }
}

#[test]
fn the_typed_choices_match_the_content_file() {
    let opts = |f: Field| f.info().options.iter().map(|o| o.id).collect::<Vec<_>>();
    assert_eq!(opts(F::CarersLeaveSmallestUnit), LeaveUnit::ALL.iter().map(|x| x.id()).collect::<Vec<_>>());
    assert_eq!(opts(F::CarersLeavePostponement), Postponement::ALL.iter().map(|x| x.id()).collect::<Vec<_>>());
    assert_eq!(opts(F::FlexibleWorkingArrangements), Arrangement::ALL.iter().map(|x| x.id()).collect::<Vec<_>>());
    for a in Arrangement::ALL {
        assert!(!arrangement_label(*a).is_empty());
    }
}

#[test]
fn the_readme_lists_every_rule() {
    let readme = include_str!("../README.md");
    let section = readme.split("## Policy checker").nth(1).expect("README has a Policy checker section");
    for r in rules() {
        assert!(section.contains(&format!("`{}`", r.id)), "README does not list {}", r.id);
    }
}

/// The primary source a rule cites first (its URL), as shown wherever the source is.
fn primary(r: &Rule) -> &'static str {
    r.source().split(" — ").next().unwrap_or_default()
}

#[test]
fn every_rule_cites_a_primary_source_first_and_the_date_it_was_checked() {
    const PRIMARY: [&str; 5] = [
        "https://www.legislation.gov.uk/",
        "https://www.acas.org.uk/",
        "https://www.nidirect.gov.uk/",
        "https://www.lra.org.uk/",
        "https://www.gov.uk/",
    ];
    for r in rules() {
        let p = primary(r);
        let benchmark = r.is_good_practice() && p.starts_with("https://www.employersforcarers.org");
        assert!(PRIMARY.iter().any(|h| p.starts_with(h)) || benchmark, "{}: primary source first, not {p:?}", r.id);
        assert!(!p.contains(' '), "{}: the primary source is one URL: {p:?}", r.id);
        if !r.is_good_practice() {
            assert!(p.starts_with(PRIMARY[0]), "{}: a legal rule cites the legislation itself first: {p}", r.id);
        }
        let checked = r.source().rsplit("Checked ").next().unwrap_or_default();
        assert!(
            checked.len() == 10 && parse_date(checked).is_ok(),
            "{}: the source ends with the date it was checked: {}",
            r.id,
            r.source()
        );
        // Commentary (a law firm's page) only after the primary source.
        let before_commentary = r.source().split(" Commentary: ").next().unwrap_or_default();
        for firm in
            ["capsticks", "lewissilkin", "acuitylaw", "horsfieldmenzies", "bdbf", "fromcounsel", "irishnews", "kbl."]
        {
            assert!(!before_commentary.contains(firm), "{}: {firm} is commentary, not the source", r.id);
        }
    }
}

/// The IDs in the README's table of rules ("| `ID` | nations | … | source |"), with
/// each row's source column.
fn readme_rule_rows() -> Vec<(String, String)> {
    let readme = include_str!("../README.md");
    let section = readme.split("## Policy checker").nth(1).expect("README has a Policy checker section");
    let section = section.split("\n## ").next().unwrap_or_default();
    section
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .map(|l| {
            let (id, rest) = l.split_once('`').expect("| `ID` |");
            let source = rest.trim_end().trim_end_matches('|').rsplit(" | ").next().unwrap_or_default();
            (id.to_string(), source.trim().to_string())
        })
        .collect()
}

#[test]
fn the_readme_table_of_rules_and_the_rules_file_list_the_same_rules_with_the_same_primary_source() {
    let rows = readme_rule_rows();
    let in_readme: Vec<&str> = rows.iter().map(|(id, _)| id.as_str()).collect();
    let in_data: Vec<&str> = rules().iter().map(|r| r.id).collect();
    for id in &in_data {
        assert!(in_readme.contains(id), "{id} is a rule but not in the README's table");
    }
    for id in &in_readme {
        assert!(in_data.contains(id), "{id} is in the README's table but not a rule");
    }
    assert_eq!(in_readme, in_data, "the README's table lists the rules in the order of the file");
    for (id, source) in &rows {
        let p = primary(rule(id));
        assert!(source.starts_with(p), "{id}: the README's source starts with the primary source {p}, not {source:?}");
    }
}

#[test]
fn policy_content_uses_uk_spelling() {
    let mut text = String::new();
    for r in rules() {
        text += &format!("{} {} {} ", r.title(), r.explanation(), r.source());
    }
    for f in fields() {
        text += &format!("{} {} ", f.question, f.hint);
        for o in f.options {
            text += o.label;
        }
    }
    let text = text.to_lowercase();
    for us in ["organization", "recognize", "program ", "behavior", "color ", "center ", "labor "] {
        assert!(!text.contains(us), "US spelling {us:?}");
    }
}

// ── Every rule on both sides of every date, and in every nation ─────────────────────

/// A level to test a rule with: one that breaches it if it can be breached, else one
/// that does not meet good practice.
fn probe(r: &Rule) -> u32 {
    let t = r.check.law.or(r.check.enhanced).unwrap();
    match r.check.test {
        Test::AtLeast => t.saturating_sub(1),
        Test::AtMost => t + 1,
    }
}

#[test]
fn every_rule_applies_only_from_its_date_until_its_end_and_only_in_its_nations() {
    for r in rules() {
        let level = probe(r);
        let answers = with(&[(r.check.field, level)]);
        let at = |n: Nation, on: NaiveDate| {
            check(rules(), &answers, n, on).into_iter().find(|f| f.rule_id == r.id).map(|f| f.grade)
        };
        let graded = Some(r.check.grade(level));
        for &n in Nation::ALL {
            let here = r.nations.contains(&n);
            for on in ["2000-01-01", "2024-04-05", "2024-04-06", "2026-11-22", "2099-12-31"] {
                if !here {
                    assert_eq!(at(n, date(on)), None, "{} gives no finding in {n:?}", r.id);
                }
            }
            if !here {
                continue;
            }
            match r.start {
                Start::Expected(_) => {
                    for on in ["2000-01-01", "2026-11-22", "2027-12-31", "2099-12-31"] {
                        assert_eq!(at(n, date(on)), Some(Coming), "{} is never applied ({on})", r.id);
                    }
                }
                Start::On(from) => {
                    let before = from.checked_sub_days(Days::new(1)).unwrap();
                    assert_eq!(at(n, before), Some(Coming), "{} the day before {from}", r.id);
                    assert_eq!(at(n, from), graded, "{} on {from}", r.id);
                }
                Start::Always => assert_eq!(at(n, date("2000-01-01")), graded, "{} long-standing", r.id),
            }
            match r.until {
                Some(until) => {
                    let after = until.checked_add_days(Days::new(1)).unwrap();
                    assert_eq!(at(n, until), graded, "{} on its last day {until}", r.id);
                    assert_eq!(at(n, after), None, "{} the day after {until}", r.id);
                }
                None if !matches!(r.start, Start::Expected(_)) => {
                    assert_eq!(at(n, date("2099-12-31")), graded, "{} still in force", r.id)
                }
                None => {}
            }
        }
    }
}

/// (rule, nation, date, question, level, expected grade; `None` = no finding).
type Case = (&'static str, Nation, &'static str, Field, u32, Option<Grade>);

const CASES: &[Case] = &[
    // Who can ask: 26 weeks until 5 April 2024, day one from 6 April 2024 in GB; 26 weeks in NI.
    ("FW-GB-26-WEEKS", England, "2024-04-05", F::FlexibleWorkingServiceWeeks, 26, Some(Minimum)),
    ("FW-GB-26-WEEKS", England, "2024-04-05", F::FlexibleWorkingServiceWeeks, 27, Some(Breach)),
    ("FW-GB-26-WEEKS", Wales, "2024-04-05", F::FlexibleWorkingServiceWeeks, 0, Some(Enhanced)),
    ("FW-GB-26-WEEKS", England, "2024-04-06", F::FlexibleWorkingServiceWeeks, 26, None),
    ("FW-GB-26-WEEKS", NorthernIreland, "2024-04-05", F::FlexibleWorkingServiceWeeks, 26, None),
    ("FW-GB-DAY-ONE", England, "2024-04-05", F::FlexibleWorkingServiceWeeks, 26, Some(Coming)),
    ("FW-GB-DAY-ONE", England, "2024-04-06", F::FlexibleWorkingServiceWeeks, 26, Some(Breach)),
    ("FW-GB-DAY-ONE", Scotland, "2024-04-06", F::FlexibleWorkingServiceWeeks, 1, Some(Breach)),
    ("FW-GB-DAY-ONE", Wales, "2024-04-06", F::FlexibleWorkingServiceWeeks, 0, Some(Minimum)),
    ("FW-GB-DAY-ONE", NorthernIreland, "2024-04-06", F::FlexibleWorkingServiceWeeks, 26, None),
    ("FW-NI-26-WEEKS", NorthernIreland, "2024-04-05", F::FlexibleWorkingServiceWeeks, 26, Some(Minimum)),
    ("FW-NI-26-WEEKS", NorthernIreland, "2024-04-06", F::FlexibleWorkingServiceWeeks, 26, Some(Minimum)),
    ("FW-NI-26-WEEKS", NorthernIreland, "2026-11-22", F::FlexibleWorkingServiceWeeks, 27, Some(Breach)),
    ("FW-NI-26-WEEKS", NorthernIreland, "2026-11-22", F::FlexibleWorkingServiceWeeks, 0, Some(Enhanced)),
    ("FW-NI-26-WEEKS", Scotland, "2026-11-22", F::FlexibleWorkingServiceWeeks, 26, None),
    // How often.
    ("FW-GB-ONE-REQUEST", England, "2024-04-05", F::FlexibleWorkingRequestsPerYear, 0, Some(Breach)),
    ("FW-GB-ONE-REQUEST", England, "2024-04-05", F::FlexibleWorkingRequestsPerYear, 1, Some(Minimum)),
    ("FW-GB-ONE-REQUEST", Scotland, "2024-04-05", F::FlexibleWorkingRequestsPerYear, 2, Some(Enhanced)),
    ("FW-GB-ONE-REQUEST", England, "2024-04-06", F::FlexibleWorkingRequestsPerYear, 1, None),
    ("FW-GB-TWO-REQUESTS", England, "2024-04-05", F::FlexibleWorkingRequestsPerYear, 1, Some(Coming)),
    ("FW-GB-TWO-REQUESTS", England, "2024-04-06", F::FlexibleWorkingRequestsPerYear, 1, Some(Breach)),
    ("FW-GB-TWO-REQUESTS", Wales, "2024-04-06", F::FlexibleWorkingRequestsPerYear, 2, Some(Minimum)),
    ("FW-NI-ONE-REQUEST", NorthernIreland, "2026-11-22", F::FlexibleWorkingRequestsPerYear, 0, Some(Breach)),
    ("FW-NI-ONE-REQUEST", NorthernIreland, "2026-11-22", F::FlexibleWorkingRequestsPerYear, 1, Some(Minimum)),
    ("FW-NI-ONE-REQUEST", NorthernIreland, "2026-11-22", F::FlexibleWorkingRequestsPerYear, 2, Some(Enhanced)),
    // Deciding: three months from 30 June 2014 to 5 April 2024, two months since.
    ("FW-GB-THREE-MONTHS", England, "2014-06-29", F::FlexibleWorkingDecisionMonths, 3, Some(Coming)),
    ("FW-GB-THREE-MONTHS", England, "2014-06-30", F::FlexibleWorkingDecisionMonths, 3, Some(Minimum)),
    ("FW-GB-THREE-MONTHS", England, "2024-04-05", F::FlexibleWorkingDecisionMonths, 4, Some(Breach)),
    ("FW-GB-THREE-MONTHS", Wales, "2024-04-05", F::FlexibleWorkingDecisionMonths, 2, Some(Enhanced)),
    ("FW-GB-THREE-MONTHS", England, "2024-04-06", F::FlexibleWorkingDecisionMonths, 3, None),
    ("FW-GB-TWO-MONTHS", England, "2024-04-05", F::FlexibleWorkingDecisionMonths, 3, Some(Coming)),
    ("FW-GB-TWO-MONTHS", England, "2024-04-06", F::FlexibleWorkingDecisionMonths, 3, Some(Breach)),
    ("FW-GB-TWO-MONTHS", Scotland, "2024-04-06", F::FlexibleWorkingDecisionMonths, 2, Some(Minimum)),
    ("FW-GB-TWO-MONTHS", NorthernIreland, "2024-04-06", F::FlexibleWorkingDecisionMonths, 6, None),
    ("FW-GB-CONSULT", England, "2024-04-05", F::FlexibleWorkingConsultBeforeRefusal, 0, Some(Coming)),
    ("FW-GB-CONSULT", England, "2024-04-06", F::FlexibleWorkingConsultBeforeRefusal, 0, Some(Breach)),
    ("FW-GB-CONSULT", Wales, "2024-04-06", F::FlexibleWorkingConsultBeforeRefusal, 1, Some(Minimum)),
    ("FW-NI-MEETING", NorthernIreland, "2024-04-05", F::FlexibleWorkingConsultBeforeRefusal, 0, Some(Breach)),
    ("FW-NI-MEETING", NorthernIreland, "2024-04-06", F::FlexibleWorkingConsultBeforeRefusal, 1, Some(Minimum)),
    ("FW-NI-MEETING", England, "2024-04-06", F::FlexibleWorkingConsultBeforeRefusal, 0, None),
    // The explanation of the effect on the business: no longer required in GB (refusing a
    // request without it is a breach); inviting it is lawful, good practice not to.
    ("FW-GB-NO-BUSINESS-CASE", England, "2024-04-05", F::FlexibleWorkingRefusesWithoutBusinessImpact, 1, Some(Coming)),
    ("FW-GB-NO-BUSINESS-CASE", England, "2024-04-06", F::FlexibleWorkingRefusesWithoutBusinessImpact, 1, Some(Breach)),
    (
        "FW-GB-NO-BUSINESS-CASE",
        Scotland,
        "2024-04-06",
        F::FlexibleWorkingRefusesWithoutBusinessImpact,
        0,
        Some(Minimum),
    ),
    ("FW-GB-NO-BUSINESS-CASE", NorthernIreland, "2024-04-06", F::FlexibleWorkingRefusesWithoutBusinessImpact, 1, None),
    ("FW-GB-BUSINESS-CASE-INVITED", England, "2024-04-05", F::FlexibleWorkingAsksBusinessImpact, 1, Some(Coming)),
    ("FW-GB-BUSINESS-CASE-INVITED", England, "2024-04-06", F::FlexibleWorkingAsksBusinessImpact, 1, Some(Minimum)),
    ("FW-GB-BUSINESS-CASE-INVITED", Wales, "2026-11-28", F::FlexibleWorkingAsksBusinessImpact, 0, Some(Enhanced)),
    ("FW-GB-BUSINESS-CASE-INVITED", NorthernIreland, "2026-11-28", F::FlexibleWorkingAsksBusinessImpact, 1, None),
    // Northern Ireland's timescale in days (SR 2003/173 regs 3, 4 and 6): a longer
    // period is below the law there; never applied in Great Britain, where the
    // decision period is two months in all.
    ("FW-NI-MEETING-28-DAYS", NorthernIreland, "2026-11-28", F::FlexibleWorkingMeetingDays, 29, Some(Breach)),
    ("FW-NI-MEETING-28-DAYS", NorthernIreland, "2026-11-28", F::FlexibleWorkingMeetingDays, 28, Some(Minimum)),
    ("FW-NI-MEETING-28-DAYS", NorthernIreland, "2010-01-01", F::FlexibleWorkingMeetingDays, 7, Some(Minimum)),
    ("FW-NI-MEETING-28-DAYS", England, "2026-11-28", F::FlexibleWorkingMeetingDays, 60, None),
    ("FW-NI-MEETING-28-DAYS", Scotland, "2024-04-05", F::FlexibleWorkingMeetingDays, 60, None),
    ("FW-NI-DECISION-14-DAYS", NorthernIreland, "2026-11-28", F::FlexibleWorkingDecisionDays, 15, Some(Breach)),
    ("FW-NI-DECISION-14-DAYS", NorthernIreland, "2026-11-28", F::FlexibleWorkingDecisionDays, 14, Some(Minimum)),
    ("FW-NI-DECISION-14-DAYS", Wales, "2026-11-28", F::FlexibleWorkingDecisionDays, 40, None),
    ("FW-NI-APPEAL-14-DAYS", NorthernIreland, "2026-11-28", F::FlexibleWorkingAppealDays, 7, Some(Breach)),
    ("FW-NI-APPEAL-14-DAYS", NorthernIreland, "2026-11-28", F::FlexibleWorkingAppealDays, 14, Some(Minimum)),
    ("FW-NI-APPEAL-14-DAYS", NorthernIreland, "2026-11-28", F::FlexibleWorkingAppealDays, 30, Some(Minimum)),
    ("FW-NI-APPEAL-14-DAYS", England, "2026-11-28", F::FlexibleWorkingAppealDays, 0, None),
    ("FW-UK-EIGHT-GROUNDS", England, "2024-04-05", F::FlexibleWorkingRefusalOnlyStatutoryGrounds, 0, Some(Breach)),
    (
        "FW-UK-EIGHT-GROUNDS",
        NorthernIreland,
        "2024-04-06",
        F::FlexibleWorkingRefusalOnlyStatutoryGrounds,
        0,
        Some(Breach),
    ),
    ("FW-UK-EIGHT-GROUNDS", Wales, "2026-11-22", F::FlexibleWorkingRefusalOnlyStatutoryGrounds, 1, Some(Minimum)),
    (
        "FW-NI-WRITTEN-REASONS",
        NorthernIreland,
        "2026-11-22",
        F::FlexibleWorkingExplainsRefusalInWriting,
        0,
        Some(Breach),
    ),
    (
        "FW-NI-WRITTEN-REASONS",
        NorthernIreland,
        "2026-11-22",
        F::FlexibleWorkingExplainsRefusalInWriting,
        1,
        Some(Minimum),
    ),
    ("FW-NI-APPEAL", NorthernIreland, "2026-11-22", F::FlexibleWorkingAppeal, 0, Some(Breach)),
    ("FW-NI-APPEAL", NorthernIreland, "2026-11-22", F::FlexibleWorkingAppeal, 1, Some(Minimum)),
    ("FW-GB-APPEAL", England, "2026-11-22", F::FlexibleWorkingAppeal, 0, Some(Minimum)),
    ("FW-GB-APPEAL", Scotland, "2020-01-01", F::FlexibleWorkingAppeal, 1, Some(Enhanced)),
    ("FW-GB-APPEAL", NorthernIreland, "2026-11-22", F::FlexibleWorkingAppeal, 0, None),
    // Coming with no date: never applied, however late the check date.
    ("FW-GB-REASONABLE-REFUSAL", England, "2026-11-22", F::FlexibleWorkingExplainsRefusalInWriting, 0, Some(Coming)),
    ("FW-GB-REASONABLE-REFUSAL", Wales, "2027-12-31", F::FlexibleWorkingExplainsRefusalInWriting, 0, Some(Coming)),
    ("FW-GB-REASONABLE-REFUSAL", Scotland, "2099-12-31", F::FlexibleWorkingExplainsRefusalInWriting, 1, Some(Coming)),
    ("FW-GB-REASONABLE-REFUSAL", NorthernIreland, "2026-11-22", F::FlexibleWorkingExplainsRefusalInWriting, 0, None),
    // Carer's leave: GB from 6 April 2024; none in NI.
    ("CL-GB-RIGHT", England, "2024-04-05", F::CarersLeaveOffered, 0, Some(Coming)),
    ("CL-GB-RIGHT", England, "2024-04-06", F::CarersLeaveOffered, 0, Some(Breach)),
    ("CL-GB-RIGHT", Wales, "2024-04-06", F::CarersLeaveOffered, 1, Some(Minimum)),
    ("CL-GB-RIGHT", NorthernIreland, "2024-04-06", F::CarersLeaveOffered, 0, None),
    ("CL-GB-ONE-WEEK", England, "2024-04-05", F::CarersLeaveDaysPerYear, 4, Some(Coming)),
    ("CL-GB-ONE-WEEK", England, "2024-04-06", F::CarersLeaveDaysPerYear, 4, Some(Breach)),
    ("CL-GB-ONE-WEEK", Scotland, "2024-04-06", F::CarersLeaveDaysPerYear, 5, Some(Minimum)),
    ("CL-GB-ONE-WEEK", Wales, "2024-04-06", F::CarersLeaveDaysPerYear, 6, Some(Enhanced)),
    ("CL-GB-ONE-WEEK", NorthernIreland, "2024-04-06", F::CarersLeaveDaysPerYear, 0, None),
    ("CL-GB-DAY-ONE", England, "2024-04-05", F::CarersLeaveServiceWeeks, 4, Some(Coming)),
    ("CL-GB-DAY-ONE", England, "2024-04-06", F::CarersLeaveServiceWeeks, 4, Some(Breach)),
    ("CL-GB-DAY-ONE", England, "2024-04-06", F::CarersLeaveServiceWeeks, 0, Some(Minimum)),
    ("CL-GB-HALF-DAYS", England, "2024-04-05", F::CarersLeaveSmallestUnit, 2, Some(Coming)),
    ("CL-GB-HALF-DAYS", England, "2024-04-06", F::CarersLeaveSmallestUnit, 3, Some(Breach)),
    ("CL-GB-HALF-DAYS", England, "2024-04-06", F::CarersLeaveSmallestUnit, 2, Some(Breach)),
    ("CL-GB-HALF-DAYS", Wales, "2024-04-06", F::CarersLeaveSmallestUnit, 1, Some(Minimum)),
    ("CL-GB-HALF-DAYS", Scotland, "2024-04-06", F::CarersLeaveSmallestUnit, 0, Some(Enhanced)),
    ("CL-GB-NOTICE", England, "2024-04-05", F::CarersLeaveNoticeDays, 7, Some(Coming)),
    ("CL-GB-NOTICE", England, "2024-04-06", F::CarersLeaveNoticeDays, 4, Some(Breach)),
    ("CL-GB-NOTICE", England, "2024-04-06", F::CarersLeaveNoticeDays, 3, Some(Minimum)),
    ("CL-GB-NOTICE", Wales, "2024-04-06", F::CarersLeaveNoticeDays, 0, Some(Minimum)),
    // Reg. 7 and the Explanatory Note to SI 2024/251: notice need not be in writing.
    ("CL-GB-NOTICE-NOT-IN-WRITING", England, "2024-04-05", F::CarersLeaveNoticeInWriting, 1, Some(Coming)),
    ("CL-GB-NOTICE-NOT-IN-WRITING", England, "2024-04-06", F::CarersLeaveNoticeInWriting, 1, Some(Breach)),
    ("CL-GB-NOTICE-NOT-IN-WRITING", Scotland, "2026-11-28", F::CarersLeaveNoticeInWriting, 1, Some(Breach)),
    ("CL-GB-NOTICE-NOT-IN-WRITING", Wales, "2024-04-06", F::CarersLeaveNoticeInWriting, 0, Some(Minimum)),
    ("CL-GB-NOTICE-NOT-IN-WRITING", NorthernIreland, "2026-11-28", F::CarersLeaveNoticeInWriting, 1, None),
    ("CL-GB-NO-EVIDENCE", England, "2024-04-05", F::CarersLeaveEvidenceRequired, 1, Some(Coming)),
    ("CL-GB-NO-EVIDENCE", England, "2024-04-06", F::CarersLeaveEvidenceRequired, 1, Some(Breach)),
    ("CL-GB-NO-EVIDENCE", Scotland, "2024-04-06", F::CarersLeaveEvidenceRequired, 0, Some(Minimum)),
    ("CL-GB-NO-EVIDENCE", NorthernIreland, "2024-04-06", F::CarersLeaveEvidenceRequired, 1, None),
    ("CL-GB-NO-REFUSAL", England, "2024-04-05", F::CarersLeavePostponement, 2, Some(Coming)),
    ("CL-GB-NO-REFUSAL", England, "2024-04-06", F::CarersLeavePostponement, 2, Some(Breach)),
    ("CL-GB-NO-REFUSAL", Wales, "2024-04-06", F::CarersLeavePostponement, 1, Some(Minimum)),
    ("CL-GB-NO-REFUSAL", Scotland, "2024-04-06", F::CarersLeavePostponement, 0, Some(Enhanced)),
    ("CL-NI-OFFERED", NorthernIreland, "2024-04-06", F::CarersLeaveOffered, 0, Some(Minimum)),
    ("CL-NI-OFFERED", NorthernIreland, "2024-04-05", F::CarersLeaveOffered, 1, Some(Enhanced)),
    ("CL-NI-OFFERED", England, "2024-04-06", F::CarersLeaveOffered, 1, None),
    ("CL-UK-PAID", England, "2026-11-22", F::CarersLeavePaidDays, 4, Some(Minimum)),
    ("CL-UK-PAID", NorthernIreland, "2026-11-22", F::CarersLeavePaidDays, 5, Some(Enhanced)),
    ("CL-UK-PAID", Wales, "2020-01-01", F::CarersLeavePaidDays, 10, Some(Enhanced)),
    // Time off for dependants: everywhere, long-standing.
    ("TD-UK-DEPENDANTS", England, "2000-01-01", F::DependantsTimeOff, 0, Some(Breach)),
    ("TD-UK-DEPENDANTS", NorthernIreland, "2024-04-06", F::DependantsTimeOff, 0, Some(Breach)),
    ("TD-UK-DEPENDANTS", Scotland, "2026-11-22", F::DependantsTimeOff, 1, Some(Minimum)),
    ("TD-UK-NO-TRIGGERS", Wales, "2026-11-22", F::DependantsExcludedFromAbsenceTriggers, 0, Some(Minimum)),
    ("TD-UK-NO-TRIGGERS", NorthernIreland, "2026-11-22", F::DependantsExcludedFromAbsenceTriggers, 1, Some(Enhanced)),
    ("TD-UK-PAID", England, "2026-11-22", F::DependantsPaidDays, 0, Some(Minimum)),
    ("TD-UK-PAID", NorthernIreland, "2026-11-22", F::DependantsPaidDays, 1, Some(Enhanced)),
    ("CP-UK-WRITTEN-POLICY", Scotland, "2026-11-22", F::WrittenPolicy, 0, Some(Minimum)),
    ("CP-UK-WRITTEN-POLICY", NorthernIreland, "2026-11-22", F::WrittenPolicy, 1, Some(Enhanced)),
];

#[test]
fn each_rule_grades_answers_as_the_table_says() {
    for &(id, nation, on, field, level, want) in CASES {
        assert_eq!(rule(id).check.field, field, "{id} checks {}", field.id());
        let got = grade(id, nation, on, &with(&[(field, level)]));
        assert_eq!(got, want, "{id} in {nation:?} on {on} with {} = {level}", field.id());
    }
}

#[test]
fn the_table_covers_every_rule_and_every_grade_it_can_give() {
    for r in rules() {
        let grades: BTreeSet<Grade> = CASES.iter().filter(|c| c.0 == r.id).filter_map(|c| c.5).collect();
        let mut want = BTreeSet::from([Minimum]);
        if !r.is_good_practice() {
            want.insert(Breach);
        }
        if r.check.enhanced.is_some() {
            want.insert(Enhanced);
        }
        if !matches!(r.start, Start::Always) {
            want.insert(Coming);
        }
        if let Start::Expected(_) = r.start {
            want = BTreeSet::from([Coming]);
        }
        assert!(want.is_subset(&grades), "{}: table has {grades:?}, needs {want:?}", r.id);
    }
}

#[test]
fn an_unanswered_question_gives_no_finding_but_is_listed_as_not_checked() {
    let blank = PolicyAnswers::default();
    let f = check(rules(), &blank, England, day());
    assert!(f.iter().all(|f| f.grade == Coming), "only coming rules are listed: {f:#?}");
    assert_eq!(ids(&f, Coming), vec!["FW-GB-REASONABLE-REFUSAL"]);
    assert!(f[0].answer.is_none() && f[0].note.contains("Not answered yet"));
    let missing: Vec<&str> = not_checked(rules(), &blank, England, day()).iter().map(|r| r.id).collect();
    assert!(missing.contains(&"FW-GB-DAY-ONE") && missing.contains(&"CL-GB-ONE-WEEK"));
    assert!(!missing.contains(&"FW-GB-26-WEEKS"), "ended rules are not listed");
    assert!(!missing.contains(&"FW-NI-26-WEEKS"), "other nations' rules are not listed");
    let answered = with(&[(F::FlexibleWorkingServiceWeeks, 0)]);
    assert!(!not_checked(rules(), &answered, England, day()).iter().any(|r| r.id == "FW-GB-DAY-ONE"));
}

// ── Nations: the same answers, different findings ──────────────────────────────────

#[test]
fn the_same_answers_give_different_findings_in_northern_ireland() {
    let mut p = compliant_policy();
    p.flexible_working.service_weeks = Some(26);
    p.flexible_working.requests_per_year = Some(1);
    p.carers_leave = Default::default();
    p.carers_leave.offered = Some(false);
    let england = check(rules(), &p, England, day());
    let ni = check(rules(), &p, NorthernIreland, day());
    assert_eq!(ids(&england, Breach), vec!["FW-GB-DAY-ONE", "FW-GB-TWO-REQUESTS", "CL-GB-RIGHT"]);
    assert_eq!(ids(&ni, Breach), Vec::<&str>::new(), "{ni:#?}");
    assert_eq!(grade("FW-NI-26-WEEKS", NorthernIreland, "2026-11-22", &p), Some(Minimum));
    assert_eq!(grade("FW-NI-ONE-REQUEST", NorthernIreland, "2026-11-22", &p), Some(Minimum));
    assert_eq!(grade("CL-NI-OFFERED", NorthernIreland, "2026-11-22", &p), Some(Minimum));
    assert!(ids(&ni, Coming).is_empty(), "no known change is coming in Northern Ireland");
    for n in [Wales, Scotland] {
        assert_eq!(check(rules(), &p, n, day()), england, "{n:?} has the same law as England");
    }
    // Day-one flexible working is the law in GB but an enhancement in NI.
    let day_one = with(&[(F::FlexibleWorkingServiceWeeks, 0)]);
    assert_eq!(grade("FW-GB-DAY-ONE", England, "2026-11-22", &day_one), Some(Minimum));
    assert_eq!(grade("FW-NI-26-WEEKS", NorthernIreland, "2026-11-22", &day_one), Some(Enhanced));
    // An appeal is the law in NI and good practice in GB.
    let no_appeal = with(&[(F::FlexibleWorkingAppeal, 0)]);
    assert_eq!(ids(&check(rules(), &no_appeal, NorthernIreland, day()), Breach), vec!["FW-NI-APPEAL"]);
    assert!(ids(&check(rules(), &no_appeal, England, day()), Breach).is_empty());
}

#[test]
fn northern_ireland_s_timescale_in_days_is_checked_there_and_not_in_great_britain() {
    // Slower than Northern Ireland's law at every step, but within two months in all.
    let slow = with(&[
        (F::FlexibleWorkingMeetingDays, 35),
        (F::FlexibleWorkingDecisionDays, 21),
        (F::FlexibleWorkingAppealDays, 7),
    ]);
    let on = parse_date("2026-11-28").unwrap();
    let ni = check(rules(), &slow, NorthernIreland, on);
    assert_eq!(
        ids(&ni, Breach),
        ["FW-NI-MEETING-28-DAYS", "FW-NI-DECISION-14-DAYS", "FW-NI-APPEAL-14-DAYS"],
        "each period beyond Northern Ireland's law is a breach there"
    );
    let breach = ni.iter().find(|f| f.rule_id == "FW-NI-MEETING-28-DAYS").unwrap();
    assert_eq!(breach.note, "Below the law. Your answer: 35 days. The law requires: no more than 28 days.");
    let in_days = ["FW-NI-MEETING-28-DAYS", "FW-NI-DECISION-14-DAYS", "FW-NI-APPEAL-14-DAYS"];
    for n in GB {
        let gb = check(rules(), &slow, n, on);
        assert!(
            gb.iter().all(|f| f.grade == Coming),
            "{n:?}: Northern Ireland's timescale is not checked in Great Britain: {gb:?}"
        );
        let unanswered = not_checked(rules(), &PolicyAnswers::default(), n, on);
        assert!(unanswered.iter().all(|r| !in_days.contains(&r.id)), "{n:?}: nor listed as not checked");
    }
    // At or within the law: no breach in Northern Ireland either.
    let prompt = with(&[
        (F::FlexibleWorkingMeetingDays, 28),
        (F::FlexibleWorkingDecisionDays, 14),
        (F::FlexibleWorkingAppealDays, 14),
    ]);
    assert!(ids(&check(rules(), &prompt, NorthernIreland, on), Breach).is_empty());
    // Unanswered in Northern Ireland: listed as not checked, not a breach.
    let unanswered: Vec<&str> =
        not_checked(rules(), &PolicyAnswers::default(), NorthernIreland, on).iter().map(|r| r.id).collect();
    for id in ["FW-NI-MEETING-28-DAYS", "FW-NI-DECISION-14-DAYS", "FW-NI-APPEAL-14-DAYS"] {
        assert!(unanswered.contains(&id), "{id} is listed as not checked: {unanswered:?}");
    }
}

#[test]
fn a_compliant_policy_has_no_breach_anywhere_since_april_2024() {
    for &n in Nation::ALL {
        for on in ["2024-04-06", "2026-11-22", "2030-01-01"] {
            assert!(breaches(rules(), &compliant_policy(), n, date(on)).is_empty(), "{n:?} {on}");
            assert!(not_checked(rules(), &compliant_policy(), n, date(on)).is_empty(), "{n:?} {on}");
        }
    }
}

// ── Coming rules ───────────────────────────────────────────────────────────────────

#[test]
fn a_coming_rule_is_never_applied_and_says_whether_the_policy_is_ready() {
    let not_ready = with(&[(F::FlexibleWorkingExplainsRefusalInWriting, 0)]);
    let ready = with(&[(F::FlexibleWorkingExplainsRefusalInWriting, 1)]);
    for on in ["2024-04-06", "2026-11-22", "2027-04-06", "2099-12-31"] {
        assert!(breaches(rules(), &not_ready, England, date(on)).is_empty(), "{on}");
    }
    let f = check(rules(), &not_ready, England, day());
    assert_eq!(f[0].note, "Not in force yet, so not applied: expected 2027 (Employment Rights Act 2025; no date fixed yet). Your policy will need to change: it will have to be yes.");
    assert!(check(rules(), &ready, England, day())[0].note.ends_with("Your policy already meets it."));
    // A dated rule is "coming" before its date, with the date.
    let f = check(rules(), &with(&[(F::CarersLeaveDaysPerYear, 0)]), England, date("2024-04-05"));
    let cl = f.iter().find(|f| f.rule_id == "CL-GB-ONE-WEEK").unwrap();
    assert_eq!(cl.grade, Coming);
    assert!(cl.note.starts_with("Not in force on 5 April 2024: it applies from 6 April 2024."), "{}", cl.note);
}

#[test]
fn findings_explain_themselves_in_plain_words() {
    let p =
        with(&[(F::FlexibleWorkingServiceWeeks, 26), (F::CarersLeaveDaysPerYear, 10), (F::CarersLeaveSmallestUnit, 2)]);
    let f = check(rules(), &p, England, day());
    let get = |id: &str| f.iter().find(|x| x.rule_id == id).unwrap();
    assert_eq!(
        get("FW-GB-DAY-ONE").note,
        "Below the law. Your answer: 26 weeks. The law requires: from the first day, with no length of service."
    );
    assert_eq!(get("FW-GB-DAY-ONE").answer.as_deref(), Some("26 weeks"));
    assert_eq!(get("FW-GB-DAY-ONE").indicator, Some("L1.2.a"));
    assert_eq!(get("FW-GB-DAY-ONE").when, "from 6 April 2024");
    assert_eq!(get("CL-GB-ONE-WEEK").note, "Goes beyond the law, which requires: at least 5 days.");
    assert_eq!(
        get("CL-GB-HALF-DAYS").note,
        "Below the law. Your answer: a whole day. The law requires: half a day (or better)."
    );
    let p = with(&[(F::CarersLeavePaidDays, 2)]);
    let f = check(rules(), &p, England, day());
    assert_eq!(
        f.iter().find(|x| x.rule_id == "CL-UK-PAID").unwrap().note,
        "Not required by law; good practice is: at least 5 days."
    );
    assert_eq!(rule("FW-GB-THREE-MONTHS").when(), "30 June 2014 to 5 April 2024");
    assert_eq!(rule("FW-GB-26-WEEKS").when(), "until 5 April 2024");
    assert_eq!(rule("TD-UK-DEPENDANTS").when(), "long-standing");
    assert_eq!(rule("CL-UK-PAID").when(), "good practice");
}

#[test]
fn check_dates_are_read_strictly() {
    assert_eq!(parse_date("2024-04-06"), Ok(date("2024-04-06")));
    for bad in ["2024-4-6", "06/04/2024", "2024-02-30", "2024-13-01", "", "tomorrow", "2024-04-06T00:00"] {
        assert!(parse_date(bad).unwrap_err().contains("is not a date like 2024-04-06"), "{bad}");
    }
    assert_eq!(long_date(date("2024-04-06")), "6 April 2024");
}

// ── Suggestions for the criteria ───────────────────────────────────────────────────

fn suggestion(p: &PolicyAnswers, n: Nation, on: &str, indicator: &str) -> Option<(Answer, String)> {
    suggested_answers(rules(), p, n, date(on))
        .into_iter()
        .find(|s| s.indicator == indicator)
        .map(|s| (s.answer, s.reason))
}

#[test]
fn a_compliant_policy_suggests_yes_for_the_three_legal_indicators() {
    for &n in Nation::ALL {
        let s = suggested_answers(rules(), &compliant_policy(), n, day());
        let got: Vec<(&str, Answer)> = s.iter().map(|s| (s.indicator, s.answer)).collect();
        assert_eq!(got, vec![("L1.2.a", Answer::Yes), ("L1.2.b", Answer::Yes), ("L1.2.c", Answer::Yes)], "{n:?}");
        assert!(s.iter().all(|s| s.reason.starts_with("Suggested by the policy checker: ")));
    }
}

#[test]
fn a_breach_suggests_partly_or_no_and_names_the_rule() {
    let mut p = compliant_policy();
    p.flexible_working.service_weeks = Some(26);
    let (answer, reason) = suggestion(&p, England, "2026-11-22", "L1.2.a").unwrap();
    assert_eq!(answer, Answer::Partly);
    assert!(reason.contains("fall short on FW-GB-DAY-ONE"), "{reason}");
    let p = with(&[(F::DependantsTimeOff, 0)]);
    assert_eq!(suggestion(&p, Wales, "2026-11-22", "L1.2.c").unwrap().0, Answer::No);
    // A breach is enough to suggest, even with other questions unanswered.
    let p = with(&[(F::FlexibleWorkingServiceWeeks, 26)]);
    assert_eq!(suggestion(&p, England, "2026-11-22", "L1.2.a").unwrap().0, Answer::No);
}

#[test]
fn nothing_is_suggested_until_every_rule_behind_an_indicator_is_answered() {
    let mut p = compliant_policy();
    p.carers_leave.notice_days = None;
    assert_eq!(suggestion(&p, England, "2026-11-22", "L1.2.b"), None);
    assert!(suggested_answers(rules(), &PolicyAnswers::default(), England, day()).is_empty());
}

#[test]
fn good_practice_behind_an_indicator_counts_towards_yes() {
    let mut p = compliant_policy();
    p.dependants.excluded_from_absence_triggers = Some(false);
    let (answer, reason) = suggestion(&p, England, "2026-11-22", "L1.2.c").unwrap();
    assert_eq!(answer, Answer::Partly, "L1.2.c asks about not penalising staff too");
    assert!(reason.contains("TD-UK-NO-TRIGGERS"), "{reason}");
}

#[test]
fn northern_ireland_carer_s_leave_is_compared_with_the_law_in_great_britain() {
    let (answer, reason) = suggestion(&compliant_policy(), NorthernIreland, "2026-11-22", "L1.2.b").unwrap();
    assert_eq!(answer, Answer::Yes);
    assert!(
        reason.contains("Northern Ireland has no statutory rule for this") && reason.contains("Great Britain"),
        "{reason}"
    );
    let mut p = compliant_policy();
    p.carers_leave.evidence_required = Some(true);
    assert_eq!(suggestion(&p, NorthernIreland, "2026-11-22", "L1.2.b").unwrap().0, Answer::Partly);
    // Before carer's leave existed anywhere, there is nothing to compare with.
    assert_eq!(suggestion(&compliant_policy(), NorthernIreland, "2024-04-05", "L1.2.b"), None);
    assert_eq!(suggestion(&compliant_policy(), England, "2024-04-05", "L1.2.b"), None);
}

// ── The draft policy ───────────────────────────────────────────────────────────────

fn draft(org: &str, n: Nation, p: &PolicyAnswers, on: &str) -> String {
    let findings = check(rules(), p, n, date(on));
    markdown::render(&draft_policy(org, n, p, &findings, date(on)))
}

/// The policy text without its list of sources (which cite laws of other nations too).
fn body(md: &str) -> &str {
    md.split("## Sources").next().unwrap()
}

#[test]
fn the_draft_states_the_law_of_great_britain_after_april_2024() {
    let md = draft("Acme Care Ltd", England, &PolicyAnswers::default(), "2026-11-22");
    assert!(md.starts_with("# Supporting carers at work\n"));
    for text in [
        "from their first day of employment",
        "up to two requests in any 12 months",
        "within two months of receiving your request",
        "You do not have to explain how the change would affect the business.",
        "one working week in any 12 months",
        "in half days or whole days",
        "We will not ask for evidence",
        "within one month of the dates you asked for",
        "the Equality Act 2010",
        "FW-GB-REASONABLE-REFUSAL",
    ] {
        assert!(md.contains(text), "missing {text:?}:\n{md}");
    }
    assert!(md.contains("\\[To decide:"), "unanswered questions are marked");
    assert!(!body(&md).contains("Northern Ireland"));
    // Each source: the primary source first, then what it says, commentary after.
    assert!(
        md.contains("## Sources\n\n- FW-GB-DAY-ONE: https://www.legislation.gov.uk/uksi/2023/1328/regulation/2 — Flexible Working (Amendment) Regulations 2023"),
        "{md}"
    );
    assert!(md.contains("Commentary: capsticks.com/insights/"), "{md}");
}

#[test]
fn the_draft_states_the_law_of_northern_ireland() {
    let md = draft("Belfast Care", NorthernIreland, &PolicyAnswers::default(), "2026-11-22");
    for text in [
        "once they have worked for us for 26 weeks",
        "up to one request in any 12 months",
        "The meeting will be within 28 days of receiving your request.",
        "We will tell you the decision in writing within 14 days of the meeting.",
        "Send your appeal within 14 days of the decision.",
        "There is no statutory carer's leave in Northern Ireland.",
        "\\[To decide: whether to offer carer's leave.",
        "Disability Discrimination Act 1995",
    ] {
        assert!(md.contains(text), "missing {text:?}:\n{md}");
    }
    for text in ["Equality Act", "from their first day of employment", "two requests", "REASONABLE-REFUSAL"] {
        assert!(!body(&md).contains(text), "{text:?} does not apply in Northern Ireland:\n{md}");
    }
}

#[test]
fn the_draft_uses_northern_ireland_s_periods_in_days_and_the_law_where_a_policy_is_slower() {
    let p = with(&[
        (F::FlexibleWorkingMeetingDays, 21),
        (F::FlexibleWorkingDecisionDays, 30),
        (F::FlexibleWorkingAppealDays, 28),
    ]);
    let md = draft("Belfast Care", NorthernIreland, &p, "2026-11-22");
    assert!(md.contains("The meeting will be within 21 days of receiving your request."), "{md}");
    assert!(md.contains("within 14 days of the meeting. **\\[To decide: your current policy says 30 days"), "{md}");
    assert!(md.contains("which is below the law (FW-NI-DECISION-14-DAYS)"), "{md}");
    assert!(md.contains("Send your appeal within 28 days of the decision."), "{md}");
    // In Great Britain the periods in days are not part of the policy.
    let md = draft("Acme", England, &p, "2026-11-22");
    assert!(!md.contains("days of the meeting") && !md.contains("Send your appeal within"), "{md}");
}

#[test]
fn carer_s_leave_notice_in_writing_is_a_breach_in_great_britain_and_the_draft_says_any_form_will_do() {
    let p = with(&[(F::CarersLeaveOffered, 1), (F::CarersLeaveNoticeInWriting, 1)]);
    assert_eq!(grade("CL-GB-NOTICE-NOT-IN-WRITING", Wales, "2026-11-28", &p), Some(Breach));
    let md = draft("Acme", Wales, &p, "2026-11-28");
    assert!(md.contains("You can give notice in any way, for example by telling your manager."), "{md}");
    assert!(md.contains("which is below the law (CL-GB-NOTICE-NOT-IN-WRITING)"), "{md}");
    let p = with(&[(F::CarersLeaveOffered, 1), (F::CarersLeaveNoticeInWriting, 0)]);
    let md = draft("Acme", Wales, &p, "2026-11-28");
    assert!(md.contains("You can give notice in any way") && !md.contains("NOTICE-NOT-IN-WRITING)"), "{md}");
}

#[test]
fn the_draft_states_the_old_law_before_april_2024_and_lists_the_changes_coming() {
    let md = draft("Acme", Scotland, &PolicyAnswers::default(), "2024-04-05");
    for text in [
        "once they have worked for us for 26 weeks",
        "up to one request in any 12 months",
        "within three months",
        "There is no statutory carer's leave in Scotland on 5 April 2024.",
        "### Changes coming",
        "(FW-GB-DAY-ONE, from 6 April 2024)",
        "(CL-GB-ONE-WEEK, from 6 April 2024)",
    ] {
        assert!(md.contains(text), "missing {text:?}:\n{md}");
    }
}

#[test]
fn the_draft_replaces_a_breach_with_the_law_and_marks_enhancements() {
    let mut p = compliant_policy();
    p.flexible_working.service_weeks = Some(26);
    p.carers_leave.days_per_year = Some(10);
    let md = draft("Acme", England, &p, "2026-11-22");
    assert!(md.contains("from their first day of employment. **\\[To decide: your current policy says 26 weeks, which is below the law (FW-GB-DAY-ONE). This draft uses the legal minimum.\\]**"), "{md}");
    assert!(!md.contains("once they have worked for us"), "the breaching answer is not written as policy");
    assert!(md.contains("up to ten days in any 12 months if you work five days a week, in proportion for other patterns. *(Enhanced"), "{md}");
    assert!(md.contains("- Working from home or hybrid working\n"));
    // Every rule is answered: besides the breach, the only decisions left are the ones no
    // answer covers (support contacts, fit with the existing policy) and the key in the
    // introduction.
    assert_eq!(md.matches("\\[To decide:").count(), 4, "{md}");
}

#[test]
fn the_draft_marks_good_practice_not_yet_met() {
    let mut p = compliant_policy();
    p.carers_leave.paid_days = Some(0);
    p.flexible_working.appeal = Some(false);
    let md = draft("Acme", Wales, &p, "2026-11-22");
    assert!(md.contains("Carer's leave is unpaid. **\\[To decide: good practice is \"Paid carer's leave of five days or more\" (CL-UK-PAID).\\]**"), "{md}");
    assert!(md.contains("There is no appeal against a refusal. **\\[To decide: good practice is \"Offer an appeal against a refusal\" (FW-GB-APPEAL).\\]**"), "{md}");
}

#[test]
fn the_organisation_name_is_escaped_for_markdown() {
    let md = draft(
        "Evil [link](http://x.example) <script>*x*</script>\n# Heading",
        England,
        &compliant_policy(),
        "2026-11-22",
    );
    assert!(!md.contains("<script>") && !md.contains("[link](") && !md.contains("\n# Heading"), "{md}");
    assert!(md.contains("**Evil \\[link\\](http://x.example) \\<script\\>\\*x\\*\\</script\\> # Heading**"), "{md}");
    assert_eq!(escape_markdown("Smith & Sons_Ltd"), "Smith \\& Sons\\_Ltd");
    assert!(draft("   ", England, &compliant_policy(), "2026-11-22").contains("**Our organisation**"));
}

// ── Properties ─────────────────────────────────────────────────────────────────────

/// Random answers: each question unanswered or given any level in its range.
fn arb_answers() -> impl Strategy<Value = PolicyAnswers> {
    let max = |f: &FieldInfo| match f.kind {
        Kind::Number { max, .. } => max,
        Kind::YesNo => 1,
        Kind::Choice => f.options.len() as u32 - 1,
        Kind::Set => 0,
    };
    let cells: Vec<_> = fields().iter().map(|f| prop::option::of(0..=max(f))).collect();
    let arrangements =
        prop::option::of(prop::collection::btree_set(prop::sample::select(Arrangement::ALL.to_vec()), 0..5));
    (cells, arrangements).prop_map(|(levels, arrangements)| {
        let mut p = PolicyAnswers::default();
        for (f, level) in fields().iter().zip(levels) {
            if f.kind != Kind::Set {
                p.set_level(f.field, level);
            }
        }
        p.flexible_working.arrangements = arrangements;
        p
    })
}

fn arb_date() -> impl Strategy<Value = NaiveDate> {
    (0u64..(20 * 366)).prop_map(|d| date("2012-01-01").checked_add_days(Days::new(d)).unwrap())
}

proptest! {
    #[test]
    fn improving_any_policy_answer_never_adds_a_breach(
        p in arb_answers(),
        nation in prop::sample::select(Nation::ALL.to_vec()),
        on in arb_date(),
        pick in any::<prop::sample::Index>(),
        step in 1u32..100,
        extra in prop::sample::select(Arrangement::ALL.to_vec()),
    ) {
        let f = &fields()[pick.index(fields().len())];
        let mut better = p.clone();
        match (f.kind, f.better, p.level(f.field)) {
            (Kind::Set, _, _) => {
                better.flexible_working.arrangements.get_or_insert_with(Default::default).insert(extra);
            }
            (_, Some(Better::Higher), Some(l)) => better.set_level(f.field, Some(l.saturating_add(step))),
            (_, Some(Better::Lower), Some(l)) => better.set_level(f.field, Some(l.saturating_sub(step))),
            _ => {} // unanswered: answering is not "improving"; left as it is
        }
        let before: BTreeSet<&str> = breaches(rules(), &p, nation, on).iter().map(|f| f.rule_id).collect();
        let after: BTreeSet<&str> = breaches(rules(), &better, nation, on).iter().map(|f| f.rule_id).collect();
        prop_assert!(after.is_subset(&before), "improving {} added {:?}", f.id, after.difference(&before).collect::<Vec<_>>());
    }

    #[test]
    fn only_rules_in_force_are_graded_and_only_legal_ones_can_be_breached(
        p in arb_answers(),
        nation in prop::sample::select(Nation::ALL.to_vec()),
        on in arb_date(),
    ) {
        for f in check(rules(), &p, nation, on) {
            let r = rule(f.rule_id);
            let status = r.status_on(nation, on);
            prop_assert_ne!(status, RuleStatus::NotHere);
            prop_assert_ne!(status, RuleStatus::Ended);
            prop_assert_eq!(f.grade == Coming, status == RuleStatus::Coming, "{}", f.rule_id);
            prop_assert!(f.grade != Breach || !r.is_good_practice());
            prop_assert!(!f.note.is_empty());
        }
    }

    #[test]
    fn legal_rights_are_never_met_while_a_breach_exists(
        p in arb_answers(),
        nation in prop::sample::select(Nation::ALL.to_vec()),
        on in arb_date(),
    ) {
        use carer_benchmark::domain::scoring::{score, CriterionStatus};
        let mut a = all_yes_up_to(1);
        a.organisation.nation = nation;
        a.policies = Some(p.clone());
        let s = score(framework(), &a, on);
        let met = s.criterion("L1.2").unwrap().status == CriterionStatus::Met;
        prop_assert_eq!(met, breaches(rules(), &p, nation, on).is_empty());
    }

    #[test]
    fn drafting_never_panics_and_never_leaves_a_breach_as_policy(
        p in arb_answers(),
        nation in prop::sample::select(Nation::ALL.to_vec()),
        on in arb_date(),
        org in ".{0,30}",
    ) {
        let findings = check(rules(), &p, nation, on);
        let md = markdown::render(&draft_policy(&org, nation, &p, &findings, on));
        prop_assert!(md.starts_with("# Supporting carers at work\n"));
        for b in findings.iter().filter(|f| f.grade == Breach) {
            prop_assert!(md.contains(&format!("which is below the law ({})", b.rule_id)), "{} not marked", b.rule_id);
        }
    }
}

proptest! {
    #[test]
    fn the_lean_breach_list_agrees_with_the_findings(
        p in arb_answers(),
        nation in prop::sample::select(Nation::ALL.to_vec()),
        on in arb_date(),
    ) {
        let lean: Vec<&str> = breached_rules(rules(), &p, nation, on).iter().map(|r| r.id).collect();
        let full: Vec<&str> = breaches(rules(), &p, nation, on).iter().map(|f| f.rule_id).collect();
        prop_assert_eq!(lean, full);
    }
}

#[test]
fn a_suggestion_keeps_the_users_note_adds_its_reason_beneath_and_can_be_undone() {
    use carer_benchmark::domain::model::{Answer, NoteEffect};
    let mut a = common::blank();
    a.set_answer("L1.2.a", Answer::Yes, common::t0());
    a.set_evidence("L1.2.a", "Leave Policy v3 (April 2024), section 5", common::t0());
    let before = a.clone();
    let reason = "Pre-filled from the policy checker on 22 November 2026. Meets FW-01.";
    let effect = a.suggestion_effect("L1.2.a", Answer::Partly, reason);
    assert!(effect.answer_changes);
    assert_eq!(effect.note, NoteEffect::AddedBeneath);
    let was = a.take_suggestion("L1.2.a", Answer::Partly, reason, common::t0());
    let now = a.answer("L1.2.a").unwrap();
    assert_eq!(now.answer, Answer::Partly);
    assert_eq!(now.evidence, format!("Leave Policy v3 (April 2024), section 5\n{reason}"));
    // Taking it again adds nothing more.
    assert_eq!(a.suggestion_effect("L1.2.a", Answer::Partly, reason).note, NoteEffect::Kept);
    a.take_suggestion("L1.2.a", Answer::Partly, reason, common::t0());
    assert_eq!(a.answer("L1.2.a").unwrap().evidence.matches(reason).count(), 1);
    // Undo puts back exactly what was there; an unanswered one goes back to unanswered.
    a.restore_answer("L1.2.a", was, common::t0());
    assert_eq!(a.answers, before.answers);
    assert_eq!(a.suggestion_effect("L1.2.b", Answer::Yes, reason).note, NoteEffect::Written);
    let was = a.take_suggestion("L1.2.b", Answer::Yes, reason, common::t0());
    assert_eq!(a.answer("L1.2.b").unwrap().evidence, reason);
    a.restore_answer("L1.2.b", was, common::t0());
    assert_eq!(a.answers, before.answers);
}

// ── The explanation of the effect on the business (issue 16) ──────────────────────

/// The question "do you refuse a request, or treat it as incomplete, without an
/// explanation of the effect on the business?", found by its ID.
fn refuses_without_explanation() -> Field {
    Field::from_id("flexible_working.refuses_without_business_impact").expect("the question exists")
}

#[test]
fn a_form_that_only_invites_the_business_effect_is_never_a_breach() {
    let dates = ["2024-04-05", "2024-04-06", "2026-11-28"];
    for &n in Nation::ALL {
        for on in dates {
            let mut p = compliant_policy();
            p.flexible_working.asks_business_impact = Some(true);
            p.set_level(refuses_without_explanation(), Some(0));
            let findings = check(rules(), &p, n, date(on));
            assert_eq!(ids(&findings, Breach), Vec::<&str>::new(), "{n:?} {on}");
            // Neither the L1.2 suggestion nor the draft's "below the law" note comes from it.
            if let Some((answer, reason)) = suggestion(&p, n, on, "L1.2.a") {
                assert_eq!(answer, Answer::Yes, "{n:?} {on}: {reason}");
            }
            let md = draft("Acme", n, &p, on);
            assert!(!md.contains("which is below the law ("), "{n:?} {on}:\n{md}");
        }
    }
    // In Great Britain from 6 April 2024 it is a point of good practice, no more.
    let mut p = with(&[(F::FlexibleWorkingAsksBusinessImpact, 1)]);
    let f = check(rules(), &p, Wales, date("2026-11-28"));
    let invited: Vec<&Finding> = f.iter().filter(|f| f.field == "flexible_working.asks_business_impact").collect();
    assert_eq!(invited.len(), 1, "{f:?}");
    assert_eq!(invited[0].grade, Minimum);
    assert!(rule(invited[0].rule_id).is_good_practice());
    assert_eq!(rule(invited[0].rule_id).indicator, None, "good practice only: it suggests nothing for L1.2");
    p.flexible_working.asks_business_impact = Some(false);
    assert_eq!(grade(invited[0].rule_id, Wales, "2026-11-28", &p), Some(Enhanced));
    // In Northern Ireland the application must still explain it: no finding at all.
    let p = with(&[(F::FlexibleWorkingAsksBusinessImpact, 1)]);
    assert!(check(rules(), &p, NorthernIreland, date("2026-11-28")).iter().all(|f| f.field != invited[0].field));
}

#[test]
fn refusing_a_request_without_the_business_effect_is_a_breach_in_great_britain_from_april_2024() {
    let refuses = with(&[(refuses_without_explanation(), 1)]);
    let accepts = with(&[(refuses_without_explanation(), 0)]);
    for n in GB {
        assert_eq!(grade("FW-GB-NO-BUSINESS-CASE", n, "2024-04-05", &refuses), Some(Coming), "{n:?}");
        assert_eq!(grade("FW-GB-NO-BUSINESS-CASE", n, "2024-04-06", &refuses), Some(Breach), "{n:?}");
        assert_eq!(grade("FW-GB-NO-BUSINESS-CASE", n, "2024-04-06", &accepts), Some(Minimum), "{n:?}");
        assert_eq!(breaches(rules(), &refuses, n, date("2024-04-05")), vec![], "{n:?}: not yet the law");
    }
    for on in ["2024-04-05", "2024-04-06", "2026-11-28"] {
        assert_eq!(breaches(rules(), &refuses, NorthernIreland, date(on)), vec![], "NI still requires it, {on}");
    }
    let r = rule("FW-GB-NO-BUSINESS-CASE");
    assert_eq!(r.check.field, refuses_without_explanation());
    assert!(r.source().starts_with("https://www.legislation.gov.uk/"), "primary source first: {}", r.source());
    // The draft states the law where the answer is below it, and says so.
    let md = draft("Acme", Wales, &refuses, "2026-11-28");
    assert!(md.contains("FW-GB-NO-BUSINESS-CASE"), "{md}");
    assert!(md.contains("whether or not it explains"), "{md}");
}

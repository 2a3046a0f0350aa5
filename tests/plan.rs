//! The action plan: what each gap becomes, dates and order, the user's edits surviving
//! regeneration, resolved and removed actions, own actions and seeded tasks, and the
//! plan's part of the file format.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use carer_benchmark::domain::content::{framework, Priority};
use carer_benchmark::domain::dates::parse_ymd;
use carer_benchmark::domain::format::{from_bytes, to_json};
use carer_benchmark::domain::model::{Answer, Assessment};
use carer_benchmark::domain::plan::{self, build, Plan, PlanState, Schedule, Seed, Source, Status, Tier, Window};
use carer_benchmark::domain::policy::{check, rules, PolicyAnswers};
use carer_benchmark::domain::text::MAX_TEXT_CHARS;
use chrono::{Days, NaiveDate};
use common::*;
use proptest::prelude::*;
use serde_json::{json, Value};

fn plan_of(a: &Assessment) -> Plan {
    let findings = check(rules(), &a.policies.clone().unwrap_or_default(), a.organisation.nation, day());
    build(framework(), a, &findings, &[], &Schedule::default())
}

fn ids(p: &Plan) -> Vec<&str> {
    p.actions.iter().map(|a| a.id.as_str()).collect()
}

fn action<'p>(p: &'p Plan, id: &str) -> &'p plan::PlanAction {
    p.actions.iter().find(|a| a.id == id).unwrap_or_else(|| panic!("{id} not in the plan: {:?}", ids(p)))
}

fn plus(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap()
}

/// Starts the plan on `day()`.
fn started(mut a: Assessment) -> Assessment {
    plan::edit_plan(&mut a, day(), |_| ());
    a
}

fn seed(id: &str, open: bool) -> Seed {
    Seed {
        id: id.into(),
        title: format!("Launch task {id}"),
        why: "The carer passport scheme needs it.".into(),
        owner: "HR business partner".into(),
        priority: Priority::Medium,
        due_in_days: 45,
        success: "Done and announced.".into(),
        open,
    }
}

#[test]
fn a_blank_assessment_gets_every_recommended_action_in_content_order() {
    let p = plan_of(&started(blank()));
    let expected: Vec<String> =
        framework().indicators().flat_map(|i| i.actions.iter().map(|a| format!("act:{}", a.id))).collect();
    assert_eq!(ids(&p), expected);
    let first = &p.actions[0];
    let ind = framework().indicator("L1.1.a").unwrap().1;
    assert_eq!(first.title, ind.actions[0].title);
    assert_eq!(first.success, ind.actions[0].success);
    assert_eq!(first.owner, "Senior leadership");
    assert_eq!(first.priority, ind.actions[0].priority);
    assert_eq!(first.status, Status::NotStarted);
    assert_eq!(first.why.source, Source::Indicator);
    assert_eq!(first.why.reference, "L1.1.a");
    assert!(
        first.why.text.contains(ind.question) && first.why.text.ends_with("Your answer: not answered yet."),
        "{}",
        first.why.text
    );
    assert!(p.removed.is_empty());
}

#[test]
fn yes_with_evidence_closes_the_gap_and_yes_without_evidence_asks_for_it() {
    let mut a = started(all_yes_up_to(1));
    let p = plan_of(&a);
    assert!(ids(&p).iter().all(|id| !id.starts_with("act:L1.")), "{:?}", ids(&p));
    assert_eq!(p.actions[0].id, "act:L2.1.a-1");

    a.set_evidence("L1.3.b", "  ", t0());
    a.set_answer("L1.1.b", Answer::Partly, t0());
    let p = plan_of(&a);
    let e = action(&p, "evidence:L1.3.b");
    assert_eq!(e.title, "Record the evidence for L1.3.b");
    assert_eq!((e.why.source, e.why.reference.as_str()), (Source::Evidence, "L1.3.b"));
    let example = framework().indicator("L1.3.b").unwrap().1.evidence[0];
    assert!(e.success.contains(example), "{}", e.success);
    assert!(action(&p, "act:L1.1.b-1").why.text.ends_with("Your answer: partly."));
}

#[test]
fn dates_follow_the_schedule_from_the_start_date_and_breaches_come_first() {
    let mut a = started(all_yes_up_to(2));
    let mut p = PolicyAnswers::default();
    p.flexible_working.service_weeks = Some(26); // a breach since 6 April 2024
    p.carers_leave.offered = Some(true);
    p.carers_leave.paid_days = Some(0); // good practice not met: minimum
    a.policies = Some(p);
    a.set_answer("L1.2.a", Answer::No, t0());
    let plan = plan_of(&a);
    let s = Schedule::default();
    assert_eq!(s.breach, Window { start: 0, due: 30 });

    let breach = &plan.actions[0];
    assert_eq!(breach.id, "policy:FW-GB-DAY-ONE");
    assert_eq!((breach.tier, breach.priority, breach.why.source), (Tier::Breach, Priority::High, Source::Breach));
    assert_eq!((breach.start, breach.due), (day(), plus(day(), 30)));
    assert!(breach.why.text.starts_with("FW-GB-DAY-ONE (Breach): Below the law."), "{}", breach.why.text);
    assert!(breach.success.contains("FW-GB-DAY-ONE"));

    let l1 = action(&plan, "act:L1.2.a-1");
    assert_eq!(
        (l1.tier, l1.start, l1.due),
        (Tier::Level1, plus(day(), s.level1.start.into()), plus(day(), s.level1.due.into()))
    );
    let improve = action(&plan, "improve:CL-UK-PAID");
    assert_eq!((improve.tier, improve.why.source), (Tier::Improvement, Source::Improvement));
    assert_eq!(improve.due, plus(day(), s.improvement.due.into()));
    let l3 = action(&plan, "act:L3.1.a-1");
    assert_eq!((l3.tier, l3.due), (Tier::Level3, plus(day(), s.level3.due.into())));

    // Sorted by due date, then tier, then content order.
    let keys: Vec<_> = plan.actions.iter().map(|a| (a.due, a.tier)).collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
    let l1_pos = ids(&plan).iter().position(|id| id.starts_with("act:L1.")).unwrap();
    assert!(ids(&plan)[..l1_pos].iter().all(|id| id.starts_with("policy:")));
}

#[test]
fn a_caller_can_change_the_schedule_and_the_start_date() {
    let mut a = blank();
    let p = plan_of(&a);
    assert_eq!(p.start, t0().date_naive(), "without a plan state the plan starts when the assessment was created");
    let start = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    plan::edit_plan(&mut a, start, |_| ());
    let quick = Schedule { level1: Window { start: 7, due: 14 }, ..Schedule::default() };
    let p = build(framework(), &a, &[], &[], &quick);
    let first = action(&p, "act:L1.1.a-1");
    assert_eq!((first.start, first.due), (plus(start, 7), plus(start, 14)));
}

#[test]
fn edits_survive_regeneration_after_answers_change() {
    let mut a = started(blank());
    let start = plus(day(), 3);
    let mut state = plan::plan_state(&a).unwrap();
    state.set_owner("act:L1.1.a-1", "  Priya Shah, HR director ");
    assert!(state.set_dates("act:L1.1.a-1", start, plus(start, 10)));
    state.set_status("act:L1.1.a-1", Status::InProgress);
    state.set_notes("act:L1.1.a-1", "Draft with the board, = see minutes");
    assert!(!state.set_dates("act:L1.1.a-1", start, plus(day(), 1)), "due before start is refused");
    a.plan = Some(state.to_value());

    for (n, ind) in framework().indicators().enumerate().skip(1) {
        a.set_answer(ind.id, Answer::ALL[n % 3], t0());
    }
    let p = plan_of(&a);
    let x = action(&p, "act:L1.1.a-1");
    assert_eq!(x.owner, "Priya Shah, HR director");
    assert_eq!((x.start, x.due), (start, plus(start, 10)));
    assert_eq!(x.status, Status::InProgress);
    assert_eq!(x.notes, "Draft with the board, = see minutes");

    // And through the file.
    let back = from_bytes(framework(), to_json(&a).as_bytes()).unwrap();
    assert_eq!(back.plan, a.plan);
    assert_eq!(plan::plan_state(&back), plan::plan_state(&a));
    assert_eq!(plan_of(&back), p);
    // An empty owner goes back to the generated one.
    plan::edit_plan(&mut a, day(), |s| s.set_owner("act:L1.1.a-1", " "));
    assert_eq!(action(&plan_of(&a), "act:L1.1.a-1").owner, "Senior leadership");
}

#[test]
fn a_closed_gap_keeps_a_seen_or_edited_action_as_resolved_and_drops_the_rest() {
    let mut a = started(blank());
    let first = plan_of(&a);
    plan::edit_plan(&mut a, day(), |s| s.record(&first));
    a.set_answer("L1.1.a", Answer::Yes, t0());
    a.set_evidence("L1.1.a", "Board minutes", t0());
    let p = plan_of(&a);
    let r = action(&p, "act:L1.1.a-1");
    assert_eq!(r.status, Status::Resolved);
    assert_eq!(r.title, first.actions[0].title);
    assert!(r.why.text.ends_with("Your answer: yes."));
    assert_eq!(p.actions.len(), first.actions.len());

    // Never shown and never edited: it simply is not a gap.
    let mut b = started(blank());
    b.set_answer("L1.1.a", Answer::Yes, t0());
    b.set_evidence("L1.1.a", "Board minutes", t0());
    assert!(!ids(&plan_of(&b)).contains(&"act:L1.1.a-1"));

    // Edited but never recorded: kept. A user's "done" becomes resolved; reopening the gap
    // brings the user's status back.
    let mut c = started(blank());
    plan::edit_plan(&mut c, day(), |s| s.set_status("act:L1.1.b-1", Status::Done));
    c.set_answer("L1.1.b", Answer::Yes, t0());
    c.set_evidence("L1.1.b", "Sponsor's objectives", t0());
    assert_eq!(action(&plan_of(&c), "act:L1.1.b-1").status, Status::Resolved);
    c.set_answer("L1.1.b", Answer::Partly, t0());
    assert_eq!(action(&plan_of(&c), "act:L1.1.b-1").status, Status::Done);

    // Evidence recorded after it was asked for.
    let mut d = started(all_yes_up_to(1));
    d.set_evidence("L1.2.c", "", t0());
    let before = plan_of(&d);
    plan::edit_plan(&mut d, day(), |s| s.record(&before));
    d.set_evidence("L1.2.c", "Policy section 4", t0());
    assert_eq!(action(&plan_of(&d), "evidence:L1.2.c").status, Status::Resolved);
}

#[test]
fn a_fixed_breach_is_resolved_and_an_unknown_id_is_kept_under_its_id() {
    let mut a = started(all_yes_up_to(3));
    let mut p = PolicyAnswers::default();
    p.flexible_working.requests_per_year = Some(1);
    a.policies = Some(p);
    let before = plan_of(&a);
    assert_eq!(ids(&before), ["policy:FW-GB-TWO-REQUESTS"]);
    let mut state = plan::plan_state(&a).unwrap();
    state.record(&before);
    state.seen.insert("act:L9.9.z-1".into());
    a.plan = Some(state.to_value());
    a.policies.as_mut().unwrap().flexible_working.requests_per_year = Some(2);
    let after = plan_of(&a);
    let fixed = action(&after, "policy:FW-GB-TWO-REQUESTS");
    assert_eq!(fixed.status, Status::Resolved);
    assert_eq!(fixed.title, before.actions[0].title);
    assert!(fixed.why.text.contains("no longer finds"), "{}", fixed.why.text);
    let unknown = action(&after, "act:L9.9.z-1");
    assert_eq!((unknown.title.as_str(), unknown.status), ("act:L9.9.z-1", Status::Resolved));
}

#[test]
fn a_removed_action_stays_removed_until_restored() {
    let mut a = started(blank());
    plan::edit_plan(&mut a, day(), |s| s.remove("act:L2.2.a-1"));
    let p = plan_of(&a);
    assert!(!ids(&p).contains(&"act:L2.2.a-1"));
    assert_eq!(p.removed.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["act:L2.2.a-1"]);
    // Regenerated after the gap closes and reopens: still removed.
    a.set_answer("L2.2.a", Answer::Yes, t0());
    a.set_evidence("L2.2.a", "Minutes", t0());
    a.set_answer("L2.2.a", Answer::No, t0());
    let a = from_bytes(framework(), to_json(&a).as_bytes()).unwrap();
    assert!(!ids(&plan_of(&a)).contains(&"act:L2.2.a-1"));
    let mut a = a;
    plan::edit_plan(&mut a, day(), |s| s.restore("act:L2.2.a-1"));
    assert!(ids(&plan_of(&a)).contains(&"act:L2.2.a-1"));
}

#[test]
fn own_actions_get_numbered_ids_and_default_dates_and_take_edits() {
    let mut a = started(all_yes_up_to(3));
    let s = Schedule::default();
    let mut state = plan::plan_state(&a).unwrap();
    let one = state.add_own("Run a carers' week stall", Priority::Low, &s).unwrap();
    let two = state.add_own("Survey managers", Priority::High, &s).unwrap();
    assert_eq!((one.as_str(), two.as_str()), ("own:1", "own:2"));
    state.set_owner(&two, "Sam");
    state.remove(&one);
    let three = state.add_own("Another", Priority::Medium, &s).unwrap();
    assert_eq!(state.add_own("  ", Priority::Medium, &s), None, "an empty title is refused");
    assert_eq!(state.own.len(), 3);
    assert_eq!(three, "own:3", "numbers are never reused");
    a.plan = Some(state.to_value());
    let p = plan_of(&a);
    assert_eq!(ids(&p), ["own:2", "own:3"]);
    let x = action(&p, "own:2");
    assert_eq!(
        (x.title.as_str(), x.owner.as_str(), x.priority, x.tier),
        ("Survey managers", "Sam", Priority::High, Tier::Own)
    );
    assert_eq!((x.start, x.due), (plus(day(), s.own.start.into()), plus(day(), s.own.due.into())));
    assert_eq!(p.removed[0].id, "own:1");
}

#[test]
fn seeded_tasks_are_added_and_kept_as_resolved_once_closed() {
    let mut a = started(all_yes_up_to(3));
    let seeds = [seed("passport-template", true), seed("brief-managers", false)];
    let p = build(framework(), &a, &[], &seeds, &Schedule::default());
    assert_eq!(ids(&p), ["task:passport-template"]);
    let t = &p.actions[0];
    assert_eq!((t.start, t.due, t.tier), (day(), plus(day(), 45), Tier::Task));
    assert_eq!(
        (t.why.source, t.why.reference.as_str(), t.owner.as_str()),
        (Source::Task, "passport-template", "HR business partner")
    );
    plan::edit_plan(&mut a, day(), |s| s.record(&p));
    let closed = [seed("passport-template", false), seed("brief-managers", false)];
    let p = build(framework(), &a, &[], &closed, &Schedule::default());
    assert_eq!(ids(&p), ["task:passport-template"]);
    assert_eq!(p.actions[0].status, Status::Resolved);
}

#[test]
fn every_generated_text_has_its_placeholders_filled() {
    let mut a = started(blank());
    for (n, ind) in framework().indicators().enumerate() {
        a.set_answer(ind.id, Answer::ALL[n % 3], t0());
    }
    let mut p = PolicyAnswers::default();
    p.flexible_working.service_weeks = Some(26);
    p.carers_leave.offered = Some(true);
    p.carers_leave.paid_days = Some(0);
    a.policies = Some(p);
    let plan = plan_of(&a);
    let sources: std::collections::BTreeSet<_> = plan.actions.iter().map(|a| format!("{:?}", a.why.source)).collect();
    assert_eq!(sources.len(), 4, "{sources:?}");
    for x in &plan.actions {
        for text in [&x.title, &x.why.text, &x.success, &x.owner] {
            assert!(!text.is_empty() && !text.contains('{') && !text.contains('}'), "{}: {text:?}", x.id);
        }
    }
}

#[test]
fn long_edits_are_cut_to_the_longest_text_a_file_allows() {
    let mut s = PlanState::new(day());
    s.set_notes("act:L1.1.a-1", &"é".repeat(MAX_TEXT_CHARS + 10));
    assert_eq!(s.edits["act:L1.1.a-1"].notes.chars().count(), MAX_TEXT_CHARS);
}

#[test]
fn dates_in_the_file_are_strict() {
    assert_eq!(parse_ymd("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
    for bad in
        ["2023-02-29", "2024-2-29", "2024-02-29T00:00", "+2024-02-2", "2024/02/29", "", "2024-13-01", "２０２４-02-29"]
    {
        assert_eq!(parse_ymd(bad), None, "{bad}");
    }
}

// ── The file format ────────────────────────────────────────────────────────────────

fn with_plan(plan: Value) -> Vec<String> {
    let mut v: Value = serde_json::from_str(&to_json(&all_yes_up_to(1))).unwrap();
    v["plan"] = plan;
    match from_bytes(framework(), v.to_string().as_bytes()) {
        Ok(_) => vec![],
        Err(p) => p.iter().map(|p| p.to_string()).collect(),
    }
}

#[test]
fn a_good_plan_section_is_accepted_and_null_means_none() {
    assert_eq!(with_plan(Value::Null), Vec::<String>::new());
    let good = json!({
        "start": "2026-11-22",
        "edits": {
            "act:L1.1.a-1": {"owner": "Priya", "start": "2026-11-23", "due": "2026-12-01", "status": "in_progress", "notes": "x"},
            "own:1": {"removed": true},
            "task:passport:fields": {"status": "done"}
        },
        "own": [{"n": 1, "title": "Stall", "priority": "low"}, {"n": 2, "title": "Survey", "why": "w", "success": "s", "priority": "high"}],
        "seen": ["act:L1.1.a-1", "evidence:L1.1.b", "policy:FW-GB-DAY-ONE", "improve:CL-UK-PAID"]
    });
    assert_eq!(with_plan(good), Vec::<String>::new());
}

#[test]
fn each_problem_in_the_plan_is_named_by_its_path() {
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    let bad = json!({
        "start": "2026-02-30",
        "colour": "red",
        "edits": {
            "act:L1.1.a-1": {"owner": 3, "start": "2026-12-02", "due": "2026-12-01", "status": "finished", "notes": long, "removed": "yes", "extra": 1},
            "L1.1.a-1": {},
            "own:x": {}
        },
        "own": [{"n": 1, "title": " ", "priority": "urgent"}, {"n": 1, "title": "Dup", "priority": "low", "colour": 1}, {"n": 0.5, "priority": "low"}],
        "seen": ["act:", 7]
    });
    let p = with_plan(bad);
    let expect = [
        "$.plan.colour: is not a field this tool knows",
        "$.plan.start: \"2026-02-30\" is not a date like 2026-11-22 (year, month, day)",
        "$.plan.edits[\"act:L1.1.a-1\"].extra: is not a field this tool knows",
        "$.plan.edits[\"act:L1.1.a-1\"].owner: should be text, but is a number",
        "$.plan.edits[\"act:L1.1.a-1\"].notes: is longer than 5000 characters",
        "$.plan.edits[\"act:L1.1.a-1\"].due: 2026-12-01 is before the start, 2026-12-02",
        "$.plan.edits[\"act:L1.1.a-1\"].status: \"finished\" is not one of the allowed values: not_started, in_progress, done, resolved",
        "$.plan.edits[\"act:L1.1.a-1\"].removed: should be true or false, but is text",
        "$.plan.edits[\"L1.1.a-1\"]: \"L1.1.a-1\" is not an action ID",
        "$.plan.edits[\"own:x\"]: \"own:x\" is not an action ID",
        "$.plan.own[0].title: is empty: every action needs a title",
        "$.plan.own[0].priority: \"urgent\" is not one of the allowed values: high, medium, low",
        "$.plan.own[1].colour: is not a field this tool knows",
        "$.plan.own[1].n: 1 is used by another action",
        "$.plan.own[2].n: 0.5 should be a whole number from 1",
        "$.plan.own[2].title: is missing",
        "$.plan.seen[0]: \"act:\" is not an action ID",
        "$.plan.seen[1]: should be text, but is a number",
    ];
    for e in expect {
        assert!(p.iter().any(|x| x.starts_with(e)), "missing {e:?} in {p:#?}");
    }
    assert_eq!(p.len(), expect.len(), "{p:#?}");
    assert_eq!(with_plan(json!({"edits": {}})), ["$.plan.start: is missing"]);
    assert_eq!(with_plan(json!([])), ["$.plan: should be an object, but is a list"]);
    assert_eq!(
        with_plan(json!({"start": "2026-11-22", "own": {}})),
        ["$.plan.own: should be a list, but is an object"]
    );
}

#[test]
fn dates_in_a_file_are_refused_outside_the_years_2000_to_2100() {
    use carer_benchmark::domain::dates::{parse_date, EARLIEST, LATEST};
    assert_eq!((EARLIEST, LATEST), (date("2000-01-01"), date("2100-12-31")));
    assert_eq!((parse_ymd("2000-01-01"), parse_ymd("2100-12-31")), (Some(EARLIEST), Some(LATEST)));
    for outside in ["1999-12-31", "2101-01-01", "9999-12-31", "0000-01-01"] {
        assert_eq!(parse_ymd(outside), None, "{outside}");
        assert_eq!(parse_date(outside), Err(format!("{outside} is outside the years 2000 to 2100")));
    }
    assert_eq!(
        with_plan(json!({"start": "9999-12-31"})),
        ["$.plan.start: 9999-12-31 is outside the years 2000 to 2100"]
    );
    let own = json!([{"n": 1, "title": "Survey", "priority": "low"}]);
    let edits = json!({"own:1": {"start": "1999-12-31", "due": "2101-01-01"}});
    assert_eq!(
        with_plan(json!({"start": "2026-11-22", "edits": edits, "own": own})),
        [
            "$.plan.edits[\"own:1\"].start: 1999-12-31 is outside the years 2000 to 2100",
            "$.plan.edits[\"own:1\"].due: 2101-01-01 is outside the years 2000 to 2100",
        ]
    );
    let edits = json!({"own:1": {"start": "2000-01-01", "due": "2100-12-31"}});
    assert!(with_plan(json!({"start": "2100-12-31", "edits": edits, "own": own})).is_empty());

    // The file's times too, since the plan starts on the day the assessment was created.
    let mut v: Value = serde_json::from_str(&to_json(&all_yes_up_to(1))).unwrap();
    v["created"] = json!("9999-12-31T00:00:00Z");
    v["answers"]["L1.1.a"]["changed"] = json!("1999-12-31T23:59:59Z");
    let p: Vec<String> =
        from_bytes(framework(), v.to_string().as_bytes()).unwrap_err().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        p,
        [
            "$.created: 9999-12-31T00:00:00Z is outside the years 2000 to 2100",
            "$.answers[\"L1.1.a\"].changed: 1999-12-31T23:59:59Z is outside the years 2000 to 2100",
        ]
    );
}

#[test]
fn no_date_in_a_plan_runs_past_the_latest_day() {
    use carer_benchmark::domain::dates::{EARLIEST, LATEST};
    let mut a = blank();
    plan::edit_plan(&mut a, LATEST, |s| {
        s.add_own("Survey", Priority::Low, &Schedule::default());
    });
    let far = Seed { due_in_days: 3_000_000, ..seed("far", true) };
    let never = Seed { due_in_days: u32::MAX, ..seed("never", true) };
    let p = build(framework(), &a, &[], &[far, never, seed("near", true)], &Schedule::default());
    assert!(p.actions.len() > 40);
    for x in &p.actions {
        assert!(x.start <= x.due && x.due <= LATEST, "{} from {} to {}", x.id, x.start, x.due);
    }
    // The plan's own dates cannot be set outside the years either.
    let mut s = PlanState::new(day());
    assert!(!s.set_dates("own:1", day(), plus(LATEST, 1)));
    assert!(!s.set_dates("own:1", EARLIEST.pred_opt().unwrap(), day()));
    assert!(s.set_dates("own:1", EARLIEST, LATEST));
    // A start outside them (given by a caller, not read from a file) is brought inside.
    let mut b = blank();
    plan::edit_plan(&mut b, date("2100-12-31"), |s| s.start = NaiveDate::MAX);
    let p = build(framework(), &b, &[], &[], &Schedule::default());
    assert!(p.start <= LATEST && p.actions.iter().all(|x| x.due <= LATEST));
}

// ── Property: regenerating never loses an edited action ───────────────────────────

fn answer() -> impl Strategy<Value = Option<(Answer, bool)>> {
    prop_oneof![
        Just(None),
        (prop_oneof![Just(Answer::No), Just(Answer::Partly), Just(Answer::Yes)], any::<bool>()).prop_map(Some)
    ]
}

fn apply(a: &mut Assessment, answers: &[Option<(Answer, bool)>]) {
    a.answers.clear();
    for (ind, ans) in framework().indicators().zip(answers) {
        if let Some((x, evidence)) = ans {
            a.set_answer(ind.id, *x, t0());
            a.set_evidence(ind.id, if *evidence { "Evidence" } else { "" }, t0());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn regenerating_after_any_answer_change_never_loses_an_edited_action(
        before in prop::collection::vec(answer(), 56),
        after in prop::collection::vec(answer(), 56),
        picks in prop::collection::vec((any::<prop::sample::Index>(), 0u8..5, any::<bool>()), 1..8),
    ) {
        let mut a = started(blank());
        apply(&mut a, &before);
        let first = plan_of(&a);
        prop_assume!(!first.actions.is_empty());
        let mut edited = Vec::new();
        let mut state = plan::plan_state(&a).unwrap();
        if picks[0].2 {
            state.record(&first);
        }
        for (i, kind, _) in &picks {
            let id = first.actions[i.index(first.actions.len())].id.clone();
            match kind {
                0 => state.set_owner(&id, "Owner X"),
                1 => { state.set_dates(&id, plus(day(), 1), plus(day(), 2)); }
                2 => state.set_status(&id, Status::InProgress),
                3 => state.set_notes(&id, "note"),
                _ => state.remove(&id),
            }
            edited.push(id);
        }
        a.plan = Some(state.to_value());
        prop_assert!(from_bytes(framework(), to_json(&a).as_bytes()).is_ok(), "the edited plan is a valid file");
        let expected = plan::plan_state(&a).unwrap();
        apply(&mut a, &after);
        let again = plan_of(&a);
        for id in &edited {
            let e = &expected.edits[id];
            let found = if e.removed { again.removed.iter().find(|x| &x.id == id) } else { again.actions.iter().find(|x| &x.id == id) };
            let x = found.unwrap_or_else(|| panic!("{id} was lost"));
            if let Some(o) = &e.owner { prop_assert_eq!(&x.owner, o); }
            if let Some(d) = e.due { prop_assert_eq!(x.due, d); }
            prop_assert_eq!(&x.notes, &e.notes);
        }
        if picks[0].2 {
            // Recorded: nothing that was in the first plan disappears.
            for x in &first.actions {
                prop_assert!(again.actions.iter().chain(&again.removed).any(|y| y.id == x.id), "{} was lost", x.id);
            }
        }
    }
}

#[test]
fn the_plan_survives_the_browser_library_round_trip() {
    use carer_benchmark::domain::library::{self, Library, Loaded};
    let mut a = started(blank());
    plan::edit_plan(&mut a, day(), |s| {
        s.set_notes("act:L1.1.a-1", "Ask the board");
        s.add_own("Stall", Priority::Low, &Schedule::default());
    });
    let mut lib = Library::default();
    let id = lib.add(a.clone(), t0());
    let Loaded::Ok(back) = library::load(Some(&library::store(&lib))) else { panic!("unreadable") };
    assert_eq!(plan::plan_state(back.get(&id).unwrap()), plan::plan_state(&a));
    assert_eq!(plan_of(back.get(&id).unwrap()), plan_of(&a));
}

#[test]
fn a_form_that_only_invites_the_business_effect_is_not_a_fix_first_action() {
    let mut a = blank();
    let mut p = PolicyAnswers::default();
    p.flexible_working.asks_business_impact = Some(true);
    a.policies = Some(p);
    let plan = plan_of(&a);
    let fix_first: Vec<&str> = plan.actions.iter().filter(|x| x.tier == Tier::Breach).map(|x| x.id.as_str()).collect();
    assert_eq!(fix_first, Vec::<&str>::new());
}

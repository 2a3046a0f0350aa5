//! The assessment file format and the on-device library: round trips, and every kind
//! of bad input reported with its path, never a panic.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use carer_benchmark::domain::content::{framework, Priority};
use carer_benchmark::domain::dates::parse_date;
use carer_benchmark::domain::format::{self, file_name, from_bytes, to_json, MAX_BYTES};
use carer_benchmark::domain::library::{self, Library, Loaded};
use carer_benchmark::domain::model::Answer;
use carer_benchmark::domain::plan::{self, Schedule};
use carer_benchmark::domain::policy::{fields, Kind, PolicyAnswers};
use common::*;
use proptest::prelude::*;
use serde_json::{json, Value};

fn problems(v: Value) -> Vec<String> {
    match from_bytes(framework(), v.to_string().as_bytes()) {
        Ok(_) => vec![],
        Err(p) => p.iter().map(|p| p.to_string()).collect(),
    }
}

fn good() -> Value {
    serde_json::from_str(&to_json(&all_yes_up_to(1))).unwrap()
}

#[test]
fn a_written_file_reads_back_identically_and_names_its_format() {
    let a = all_yes_up_to(2);
    let text = to_json(&a);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], format::FORMAT);
    assert_eq!(v["version"], format::VERSION);
    assert_eq!(from_bytes(framework(), text.as_bytes()).unwrap(), a);
}

#[test]
fn the_template_lists_every_indicator_and_reads_back_unanswered() {
    let text = format::template(framework(), t0());
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["answers"].as_object().unwrap().len(), framework().indicators().count());
    let a = from_bytes(framework(), text.as_bytes()).unwrap();
    assert!(a.answers.is_empty());
}

#[test]
fn an_answer_without_a_change_time_takes_the_file_time() {
    let mut v = good();
    v["answers"]["L1.1.a"].as_object_mut().unwrap().remove("changed");
    let a = from_bytes(framework(), v.to_string().as_bytes()).unwrap();
    assert_eq!(a.answer("L1.1.a").unwrap().changed, a.updated);
}

#[test]
fn each_problem_is_reported_with_its_json_path_in_plain_words() {
    let mut v = good();
    v["answers"]["L9.9.z"] = json!({"answer": "yes"});
    v["answers"]["L1.1.a"]["answer"] = json!("maybe");
    v["answers"]["L1.1.b"]["changed"] = json!("yesterday");
    v["organisation"]["nation"] = json!("france");
    v["organisation"]["name"] = json!("  ");
    v["colour"] = json!("red");
    let p = problems(v);
    let expect = [
        "$.colour: is not a field this tool knows",
        "$.organisation.name: is empty",
        "$.organisation.nation: \"france\" is not one of the allowed values: england, wales, scotland, northern_ireland",
        "$.answers[\"L1.1.a\"].answer: \"maybe\" is not one of the allowed values: no, partly, yes",
        "$.answers[\"L1.1.b\"].changed: \"yesterday\" is not a date and time",
        "$.answers[\"L9.9.z\"]: there is no indicator with the ID \"L9.9.z\"",
    ];
    for e in expect {
        assert!(p.iter().any(|x| x.starts_with(e)), "missing {e:?} in {p:#?}");
    }
    assert_eq!(p.len(), expect.len(), "{p:#?}");
}

#[test]
fn wrong_format_or_version_is_said_plainly() {
    let mut v = good();
    v["version"] = json!(2);
    assert_eq!(problems(v.clone()).len(), 1);
    assert!(problems(v)[0].contains("newer version of this tool"));
    let mut v = good();
    v["version"] = json!(0);
    assert!(problems(v)[0].starts_with("$.version: is 0; this tool reads version 1"));
    let mut v = good();
    v["format"] = json!("something-else");
    assert!(problems(v)[0].contains("not an assessment file from this tool"));
    assert!(problems(json!([1, 2]))[0].starts_with("$: should be an object, but is a list"));
}

#[test]
fn wrong_types_are_named() {
    let mut v = good();
    v["answers"] = json!([]);
    v["organisation"]["sector"] = json!(3);
    let p = problems(v);
    assert!(p.contains(&"$.organisation.sector: should be text, but is a number".to_string()), "{p:?}");
    assert!(p.contains(&"$.answers: should be an object, but is a list".to_string()), "{p:?}");
}

#[test]
fn too_large_not_json_and_not_text_are_refused_before_parsing() {
    let big = vec![b' '; MAX_BYTES + 1];
    let e = from_bytes(framework(), &big).unwrap_err();
    assert!(e[0].message.contains("largest accepted is 1024 KB"), "{e:?}");
    let e = from_bytes(framework(), b"{\"format\": ").unwrap_err();
    assert!(e[0].message.contains("not valid JSON (line 1, column 11)"), "{e:?}");
    let e = from_bytes(framework(), &[0xff, 0xfe, 0x00]).unwrap_err();
    assert!(e[0].message.contains("not text"));
    let mut with_bom = "\u{feff}".to_string();
    with_bom.push_str(&to_json(&blank()));
    assert!(from_bytes(framework(), with_bom.as_bytes()).is_ok(), "a byte-order mark is tolerated");
}

#[test]
fn long_text_is_refused() {
    let mut v = good();
    v["answers"]["L1.1.a"]["evidence"] = json!("x".repeat(carer_benchmark::domain::text::MAX_TEXT_CHARS + 1));
    assert!(problems(v)[0].contains("longer than 5000 characters"));
}

#[test]
fn file_names_are_safe_and_dated() {
    let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    assert_eq!(file_name("Acme Care Ltd", d, "json"), "acme-care-ltd-carer-benchmark-2026-11-22.json");
    assert_eq!(file_name("../<script>", d, "csv"), "script-carer-benchmark-2026-11-22.csv");
    assert_eq!(file_name("   ", d, "md"), "assessment-carer-benchmark-2026-11-22.md");
}

#[test]
fn library_round_trips_and_keeps_unreadable_data_unread() {
    let mut lib = Library::default();
    let id = lib.add(all_yes_up_to(1), t0());
    let copy = lib.duplicate(&id, "(copy)", t0()).unwrap();
    assert_ne!(id, copy, "IDs stay unique when made in the same millisecond");
    assert!(lib.rename(&copy, "  Beta Ltd ", t0()));
    assert!(!lib.rename(&copy, "   ", t0()), "an empty name is refused");
    assert_eq!(lib.get(&copy).unwrap().organisation.name, "Beta Ltd");
    let text = library::store(&lib);
    assert_eq!(library::load(Some(&text)), Loaded::Ok(lib.clone()));
    assert!(lib.delete(&id));
    assert!(!lib.delete(&id));
    assert_eq!(lib.assessments.len(), 1);

    assert_eq!(library::load(None), Loaded::Ok(Library::default()));
    for bad in [
        "not json",
        "{\"schema\": 99, \"assessments\": []}",
        "{\"assessments\": []}",
        "{\"schema\": 1, \"assessments\": 5}",
    ] {
        assert!(matches!(library::load(Some(bad)), Loaded::Unreadable { .. }), "{bad}");
    }
}

#[test]
fn policy_answers_are_optional_and_round_trip() {
    let mut a = all_yes_up_to(1);
    assert!(!to_json(&a).contains("policies"), "no policies key until an answer is given");
    a.policies = Some(compliant_policy());
    let text = to_json(&a);
    assert!(text.contains("\"service_weeks\": 0"), "{text}");
    assert_eq!(from_bytes(framework(), text.as_bytes()).unwrap(), a);
    a.policies = Some(PolicyAnswers::default());
    assert!(to_json(&a).contains("\"policies\": {}"));
    assert_eq!(from_bytes(framework(), to_json(&a).as_bytes()).unwrap(), a);

    // `null` means not answered yet, as for indicators; a half-filled section is valid.
    let mut v = good();
    v["policies"] = json!({
        "flexible_working": { "service_weeks": null, "arrangements": null, "appeal": true },
        "carers_leave": {},
        "written_policy": null
    });
    let back = from_bytes(framework(), v.to_string().as_bytes()).unwrap();
    let mut want = PolicyAnswers::default();
    want.flexible_working.appeal = Some(true);
    assert_eq!(back.policies, Some(want));
    v["policies"] = Value::Null;
    assert_eq!(from_bytes(framework(), v.to_string().as_bytes()).unwrap().policies, None);
}

#[test]
fn policy_problems_are_reported_with_their_json_paths() {
    let mut v = good();
    v["policies"] = json!({
        "flexible_working": {
            "service_weeks": -1,
            "requests_per_year": 2.5,
            "decision_months": 0,
            "appeal": "yes",
            "arrangements": ["part_time", "nap_pods", 3, "part_time"],
            "colour": 1
        },
        "carers_leave": { "smallest_unit": "minute", "days_per_year": "five", "postponement": 2, "notice_days": 400 },
        "dependants": null,
        "pets": {},
        "written_policy": 1
    });
    let p = problems(v);
    let expect = [
        "$.policies.carers_leave.days_per_year: should be a whole number, but is text",
        "$.policies.carers_leave.notice_days: 400 is more than the largest allowed, 90",
        "$.policies.carers_leave.postponement: should be text, but is a number",
        "$.policies.carers_leave.smallest_unit: \"minute\" is not one of the allowed values: hour, half_day, day, week",
        "$.policies.dependants: should be an object, but is empty (null)",
        "$.policies.flexible_working.appeal: should be true or false, but is text",
        "$.policies.flexible_working.arrangements[1]: \"nap_pods\" is not one of the allowed values: part_time, ",
        "$.policies.flexible_working.arrangements[2]: should be text, but is a number",
        "$.policies.flexible_working.arrangements[3]: \"part_time\" is listed more than once",
        "$.policies.flexible_working.colour: is not a field this tool knows",
        "$.policies.flexible_working.decision_months: 0 is less than the smallest allowed, 1",
        "$.policies.flexible_working.requests_per_year: 2.5 should be a whole number, without a decimal point",
        "$.policies.flexible_working.service_weeks: -1 is less than the smallest allowed, 0",
        "$.policies.pets: is not a field this tool knows",
        "$.policies.written_policy: should be true or false, but is a number",
    ];
    for e in expect {
        assert!(p.iter().any(|x| x.starts_with(e)), "missing {e:?} in {p:#?}");
    }
    assert_eq!(p.len(), expect.len(), "{p:#?}");
    let mut v = good();
    v["policies"] = json!([]);
    assert_eq!(problems(v), vec!["$.policies: should be an object, but is a list".to_string()]);
}

#[test]
fn a_file_from_before_northern_ireland_s_periods_in_days_opens_and_new_ones_are_checked() {
    // Written before the questions in days existed: opens, with them unanswered.
    let mut v = good();
    v["policies"] =
        json!({ "flexible_working": { "decision_months": 2, "consult_before_refusal": true, "appeal": true } });
    let back = from_bytes(framework(), v.to_string().as_bytes()).unwrap().policies.unwrap();
    assert_eq!(back.flexible_working.decision_months, Some(2));
    assert_eq!(
        (back.flexible_working.meeting_days, back.flexible_working.decision_days, back.flexible_working.appeal_days),
        (None, None, None)
    );
    // Answered: whole numbers of days in range, checked like the other numbers.
    v["policies"] = json!({ "flexible_working": { "meeting_days": 28, "decision_days": 14, "appeal_days": 14 } });
    let back = from_bytes(framework(), v.to_string().as_bytes()).unwrap().policies.unwrap();
    assert_eq!(back.flexible_working.meeting_days, Some(28));
    v["policies"] = json!({ "flexible_working": { "meeting_days": 400, "decision_days": -1, "appeal_days": 1.5 } });
    assert_eq!(
        problems(v),
        [
            "$.policies.flexible_working.appeal_days: 1.5 should be a whole number, without a decimal point",
            "$.policies.flexible_working.decision_days: -1 is less than the smallest allowed, 0",
            "$.policies.flexible_working.meeting_days: 400 is more than the largest allowed, 365",
        ]
    );
}

/// Any JSON value, biased towards the policy questions' names and values.
fn arb_json() -> impl Strategy<Value = Value> {
    let mut names: Vec<String> = fields().iter().flat_map(|f| f.id.split('.').map(String::from)).collect();
    names.extend(fields().iter().flat_map(|f| f.options.iter().map(|o| o.id.to_string())));
    names.push("colour".into());
    let words = prop::sample::select(names);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-3i64..200).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-10.0f64..100.0).prop_map(Value::from),
        words.clone().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 40, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(words.clone(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_policies_value_is_read_or_refused_with_paths_never_a_panic(policies in arb_json()) {
        let mut v = good();
        v["policies"] = policies;
        match from_bytes(framework(), v.to_string().as_bytes()) {
            // Whatever validation accepts, the reader can read and write back.
            Ok(a) => prop_assert_eq!(from_bytes(framework(), to_json(&a).as_bytes()), Ok(a)),
            Err(p) => {
                for x in &p {
                    prop_assert!(x.path.starts_with("$.policies"), "{}", x);
                    prop_assert!(!x.message.contains("could not be read"), "validation missed {}", x);
                }
            }
        }
    }

    #[test]
    fn every_answer_in_range_is_accepted(levels in prop::collection::vec(any::<u32>(), 32)) {
        let mut p = PolicyAnswers::default();
        for (f, l) in fields().iter().zip(levels) {
            if f.kind != Kind::Set {
                p.set_level(f.field, Some(l));
            }
        }
        let mut a = all_yes_up_to(1);
        a.policies = Some(p);
        prop_assert_eq!(from_bytes(framework(), to_json(&a).as_bytes()), Ok(a));
    }

    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = from_bytes(framework(), &bytes);
    }

    #[test]
    fn reading_mangled_files_never_panics(cut in 0usize..4000, flip in any::<u8>()) {
        let mut a = all_yes_up_to(1);
        a.policies = Some(compliant_policy());
        let mut text = to_json(&a).into_bytes();
        let at = cut % text.len();
        text[at] = flip;
        let _ = from_bytes(framework(), &text);
        let _ = from_bytes(framework(), &text[..at]);
    }

    #[test]
    fn serialise_then_parse_round_trips(
        cells in prop::collection::vec((0u8..4, ".{0,40}"), 56),
        name in "[^\u{0}]{1,60}",
    ) {
        let mut a = blank();
        // As every setter leaves it: a file's reader removes direction controls.
        a.organisation.name = carer_benchmark::domain::text::without_bidi(&name);
        prop_assume!(!a.organisation.name.trim().is_empty());
        for (ind, (ans, ev)) in framework().indicators().zip(cells) {
            if let Some(answer) = [None, Some(Answer::No), Some(Answer::Partly), Some(Answer::Yes)][ans as usize] {
                a.set_answer(ind.id, answer, t0());
                a.set_evidence(ind.id, &ev, t0());
            }
        }
        let back = from_bytes(framework(), to_json(&a).as_bytes());
        prop_assert_eq!(back, Ok(a));
    }
}

/// One edit the start page or the questions can make, with text of any length.
#[derive(Debug, Clone)]
enum Edit {
    Answer(usize, Answer),
    Evidence(usize, String),
    Rename(String),
    Duplicate,
}

fn arb_edit() -> impl Strategy<Value = Edit> {
    let long_text = (0usize..5200, any::<char>()).prop_map(|(n, c)| std::iter::repeat_n(c, n).collect::<String>());
    prop_oneof![
        (0usize..100, prop::sample::select(Answer::ALL.to_vec())).prop_map(|(i, a)| Edit::Answer(i, a)),
        (0usize..100, long_text.clone()).prop_map(|(i, t)| Edit::Evidence(i, t)),
        long_text.prop_map(Edit::Rename),
        Just(Edit::Duplicate),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// No state the app's edits can reach is one it later refuses to open or import.
    #[test]
    fn every_state_edits_reach_exports_and_imports_again(edits in prop::collection::vec(arb_edit(), 1..12)) {
        let indicators: Vec<&str> = framework().criteria.iter().flat_map(|c| c.indicators.iter().map(|i| i.id)).collect();
        let mut lib = Library::default();
        let mut id = lib.add(blank(), t0());
        for edit in edits {
            match edit {
                Edit::Answer(i, a) => lib.get_mut(&id).unwrap().set_answer(indicators[i % indicators.len()], a, t0()),
                Edit::Evidence(i, text) => {
                    lib.get_mut(&id).unwrap().set_evidence(indicators[i % indicators.len()], &text, t0());
                }
                Edit::Rename(name) => {
                    lib.rename(&id, &name, t0());
                }
                Edit::Duplicate => id = lib.duplicate(&id, "(copy)", t0()).unwrap(),
            }
        }
        for saved in &lib.assessments {
            let json = to_json(&saved.assessment);
            prop_assert!(from_bytes(framework(), json.as_bytes()).is_ok(), "refused: {:?}", from_bytes(framework(), json.as_bytes()).err());
        }
    }
}

// ── Keys given twice ───────────────────────────────────────────────────────────────

fn problems_of_text(text: &str) -> Vec<String> {
    match from_bytes(framework(), text.as_bytes()) {
        Ok(_) => vec![],
        Err(p) => p.iter().map(|p| p.to_string()).collect(),
    }
}

/// `text` with `extra` written just inside the first object that follows `at`.
fn twice(text: &str, at: &str, extra: &str) -> String {
    let i = text.find(at).unwrap_or_else(|| panic!("{at} not in {text}")) + at.len();
    let brace = i + text[i..].find('{').unwrap() + 1;
    format!("{}{extra}{}", &text[..brace], &text[brace..])
}

#[test]
fn a_key_given_twice_is_a_problem_named_by_its_path() {
    // Compact, keys in alphabetical order: the first `{` is the file's own.
    let text = good().to_string();
    let other = r#""organisation":{"name":"Someone Else","sector":"private","size":"50-249","nation":"england"},"#;
    let p = problems_of_text(&twice(&text, "", other));
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(p[0].starts_with("$.organisation: appears twice"), "{p:#?}");

    let p = problems_of_text(&twice(&text, "\"L1.1.a\":", r#""answer":"no","#));
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(p[0].starts_with("$.answers[\"L1.1.a\"].answer: appears twice"), "{p:#?}");

    // Written differently, a key is still the same key.
    let p = problems_of_text(&twice(&text, "", r#""\u0066ormat":"carer-benchmark-assessment","#));
    assert!(p[0].starts_with("$.format: appears twice"), "{p:#?}");

    // Inside a list.
    let mut a = all_yes_up_to(1);
    plan::edit_plan(&mut a, day(), |s| {
        s.add_own("Train managers", Priority::High, &Schedule::default());
    });
    let v: Value = serde_json::from_str(&to_json(&a)).unwrap();
    let text =
        v.to_string().replace(r#""title":"Train managers""#, r#""title":"Fire managers","title":"Train managers""#);
    let p = problems_of_text(&text);
    assert!(p[0].starts_with("$.plan.own[0].title: appears twice"), "{p:#?}");

    // The same key in two different objects is fine.
    assert!(problems_of_text(&good().to_string()).is_empty());
}

#[test]
fn a_stored_library_with_a_key_given_twice_is_kept_unread_and_says_where() {
    let mut lib = Library::default();
    lib.add(all_yes_up_to(1), t0());
    let text = library::store(&lib);
    let text = twice(&text, "\"organisation\":", r#""name":"Someone Else","#);
    match library::load(Some(&text)) {
        Loaded::Unreadable { reason } => {
            assert!(reason.contains("$.assessments[0].assessment.organisation.name: appears twice"), "{reason}")
        }
        other => panic!("read: {other:?}"),
    }
}

#[test]
fn stored_times_outside_the_years_2000_to_2100_are_brought_inside_and_the_library_opens() {
    use carer_benchmark::domain::dates::{EARLIEST, LATEST};
    let mut lib = Library::default();
    lib.add(all_yes_up_to(1), t0());
    let stored = library::store(&lib);
    assert!(stored.contains("\"created\":\"2026-11-22T09:30:00Z\""), "{stored}");
    // A device whose clock was far off wrote these.
    let text = stored
        .replace("\"created\":\"2026-11-22T09:30:00Z\"", "\"created\":\"9999-12-31T00:00:00Z\"")
        .replace("\"updated\":\"2026-11-22T09:30:00Z\"", "\"updated\":\"1970-01-01T00:00:00Z\"");
    let Loaded::Ok(back) = library::load(Some(&text)) else { panic!("not read: {text}") };
    let a = &back.assessments[0].assessment;
    assert_eq!((a.created.date_naive(), a.updated.date_naive()), (LATEST, EARLIEST));
}

// ── Repairs on opening the library ─────────────────────────────────────────────────

/// The library stored as `text`, and how many assessments were given new IDs.
fn opened(text: &str) -> (Library, usize) {
    match library::load(Some(text)) {
        Loaded::Ok(lib) => (lib, 0),
        Loaded::Repaired { library, renamed } => (library, renamed),
        other => panic!("not opened: {other:?}"),
    }
}

#[test]
fn assessments_stored_under_one_id_are_all_kept_under_ids_of_their_own() {
    use carer_benchmark::domain::library::Saved;
    let mut lib = Library::default();
    let id = lib.add(all_yes_up_to(1), t0());
    let named = |name: &str| {
        let mut a = blank();
        a.organisation.name = name.into();
        a
    };
    // Crafted or damaged storage: two more under the same ID, one already under the ID
    // a repair might pick first.
    lib.assessments.push(Saved { id: id.clone(), assessment: named("Beta Ltd") });
    lib.assessments.push(Saved { id: format!("{id}-2"), assessment: named("Gamma Ltd") });
    lib.assessments.push(Saved { id: id.clone(), assessment: named("Delta Ltd") });
    let text = library::store(&lib);

    let (back, renamed) = opened(&text);
    assert_eq!(renamed, 2);
    let names: Vec<&str> = back.assessments.iter().map(|s| s.assessment.organisation.name.as_str()).collect();
    assert_eq!(names, ["Acme Care Ltd", "Beta Ltd", "Gamma Ltd", "Delta Ltd"], "nothing lost, nothing moved");
    let ids: std::collections::BTreeSet<&str> = back.assessments.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert_eq!(back.assessments[0].id, id, "the first keeps its ID");
    assert_eq!(back.assessments[2].id, format!("{id}-2"), "an ID used once is kept");
    assert_eq!(opened(&text).0, back, "the same stored text gives the same IDs every time");

    // Deleting one deletes only that one.
    let mut lib = back.clone();
    assert!(lib.delete(&back.assessments[1].id));
    assert_eq!(lib.assessments.len(), 3);
    assert!(lib.delete(&id));
    assert_eq!(lib.assessments.len(), 2);
    assert_eq!(lib.get(&back.assessments[3].id).unwrap().organisation.name, "Delta Ltd");
    // Stored again, it opens with nothing to repair.
    assert_eq!(opened(&library::store(&back)), (back, 0));
}

// ── Direction controls ─────────────────────────────────────────────────────────────

/// "Acme" and "Care Ltd" with every bidirectional control character around them.
const BIDI_NAME: &str =
    "\u{202e}Acme\u{61c}\u{200e}\u{200f}\u{202a}\u{202b}\u{202c}\u{202d} Care Ltd\u{2066}\u{2067}\u{2068}\u{2069}";

#[test]
fn direction_controls_are_removed_from_organisation_names_wherever_they_come_in() {
    use carer_benchmark::domain::model::Assessment;
    use carer_benchmark::domain::text::without_bidi;
    assert_eq!(without_bidi(BIDI_NAME), "Acme Care Ltd");
    assert_eq!(without_bidi("Zoë \u{200f}"), "Zoë ");

    // A file.
    let mut v = good();
    v["organisation"]["name"] = json!(BIDI_NAME);
    let a = from_bytes(framework(), v.to_string().as_bytes()).unwrap();
    assert_eq!(a.organisation.name, "Acme Care Ltd");
    v["organisation"]["name"] = json!("\u{202e}\u{2066} ");
    assert!(problems(v)[0].starts_with("$.organisation.name: is empty"));

    // A new assessment and a changed organisation.
    let mut org = blank().organisation;
    org.name = BIDI_NAME.into();
    let mut a = Assessment::new(org.clone(), t0());
    assert_eq!(a.organisation.name, "Acme Care Ltd");
    a.organisation.name = "Other".into();
    assert!(a.set_organisation(org, day().and_hms_opt(12, 0, 0).unwrap().and_utc()));
    assert_eq!((a.organisation.name.as_str(), a.updated.date_naive()), ("Acme Care Ltd", day()));

    // Renaming in the library, and the stored library.
    let mut lib = Library::default();
    let id = lib.add(blank(), t0());
    assert!(lib.rename(&id, BIDI_NAME, t0()));
    assert_eq!(lib.get(&id).unwrap().organisation.name, "Acme Care Ltd");
    assert!(!lib.rename(&id, " \u{202e} ", t0()), "nothing but controls is an empty name");
    lib.get_mut(&id).unwrap().organisation.name = BIDI_NAME.into();
    let (back, _) = opened(&library::store(&lib));
    assert_eq!(back.get(&id).unwrap().organisation.name, "Acme Care Ltd");
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    for deep in ["[".repeat(100_000), "{\"a\":".repeat(100_000)] {
        let e = from_bytes(framework(), deep.as_bytes()).unwrap_err();
        assert!(e[0].message.starts_with("the file is not valid JSON"), "{e:?}");
        assert!(matches!(library::load(Some(&deep)), Loaded::Unreadable { .. }));
    }
}

#[test]
fn an_old_file_with_the_old_business_impact_answer_still_opens_and_means_the_form_invites_it() {
    // Written before issue 16: "Does your request form ask the employee to explain how
    // the change would affect the business?" answered yes.
    let mut v = good();
    v["organisation"]["nation"] = json!("wales");
    v["policies"] = json!({ "flexible_working": { "asks_business_impact": true, "service_weeks": 0 } });
    let a = from_bytes(framework(), v.to_string().as_bytes()).expect("an old file opens");
    let p = a.policies.clone().unwrap();
    assert_eq!(p.flexible_working.asks_business_impact, Some(true), "kept as the form inviting it");
    let on = parse_date("2026-11-28").unwrap();
    let found =
        carer_benchmark::domain::policy::check(carer_benchmark::domain::policy::rules(), &p, a.organisation.nation, on);
    assert!(found.iter().all(|f| f.grade != carer_benchmark::domain::policy::Grade::Breach), "{found:?}");
    // Whether a request is refused without the explanation was never asked: not checked.
    let unchecked = carer_benchmark::domain::policy::not_checked(
        carer_benchmark::domain::policy::rules(),
        &p,
        a.organisation.nation,
        on,
    );
    assert!(unchecked.iter().any(|r| r.id == "FW-GB-NO-BUSINESS-CASE"));
    assert_eq!(from_bytes(framework(), to_json(&a).as_bytes()).unwrap(), a, "and writes back the same");
}

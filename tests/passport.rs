//! The carer passport scheme: defaults from the policy answers and the council's links,
//! refreshing without losing edits, validation (in the UI and in the file format), the
//! template, guide and briefing (exactly what was chosen, always escaped), launch tasks,
//! evidenced indicators and the command line.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use carer_benchmark::domain::content::{framework, Owner, Priority};
use carer_benchmark::domain::document::{Block, Tick};
use carer_benchmark::domain::escape::html as escape_html;
use carer_benchmark::domain::format::{from_bytes, to_json};
use carer_benchmark::domain::model::{Assessment, Nation};
use carer_benchmark::domain::passport::*;

use carer_benchmark::domain::policy::{Arrangement, PolicyAnswers};
use common::*;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;

fn with_policy(p: Option<PolicyAnswers>) -> Assessment {
    let mut a = blank();
    a.policies = p;
    a
}

fn scheme() -> Scheme {
    Scheme::suggested(&with_policy(Some(compliant_policy())), &[], day())
}

fn offer<'s>(s: &'s Scheme, id: &str) -> &'s Offer {
    s.support.iter().find(|o| o.id == id).unwrap_or_else(|| panic!("no offer {id} in {:?}", ids(s)))
}

fn ids(s: &Scheme) -> Vec<&str> {
    s.support.iter().map(|o| o.id.as_str()).collect()
}

fn hr(name: &str) -> Contact {
    Contact { kind: "hr".into(), name: name.into(), link: "mailto:hr@acme.example.org".into() }
}

/// The `data-section` values of an HTML document, in order.
fn sections(html: &str) -> Vec<String> {
    html.split("data-section=\"").skip(1).map(|s| s[..s.find('"').unwrap()].to_string()).collect()
}

/// The texts of the tick-box options in an HTML document.
fn options(html: &str) -> Vec<String> {
    html.split("<span class=\"cb-print-option\">")
        .skip(1)
        .map(|s| s[..s.find("</span>").unwrap()].to_string())
        .collect()
}

// ── Content ────────────────────────────────────────────────────────────────────────

#[test]
fn the_content_has_the_standard_fields_with_reasons_and_prompts() {
    let c = content();
    let got: Vec<&str> = c.fields.iter().map(|f| f.id).collect();
    assert_eq!(
        got,
        [
            "caring_situation",
            "effect_on_work",
            "agreed_flexibilities",
            "emergency_arrangements",
            "support_used",
            "sharing_consent",
            "review_date",
            "signatures"
        ]
    );
    let required: Vec<&str> = c.fields.iter().filter(|f| f.required).map(|f| f.id).collect();
    assert_eq!(required, ["agreed_flexibilities", "sharing_consent", "review_date"]);
    for f in c.fields {
        assert!(!f.label.is_empty() && f.why.len() > 40 && f.prompt.len() > 20, "{} is incomplete", f.id);
        assert!(f.default || !f.required, "{}: required fields are on", f.id);
    }
    let triggers: Vec<&str> = c.triggers.iter().map(|t| t.id).collect();
    assert_eq!(triggers, ["caring_change", "new_manager", "new_role", "return_from_leave", "employee_asks"]);
    assert_eq!(c.review.default_months, 12);
    assert_eq!(Basis::ALL, [Basis::SelfIdentification]);
}

#[test]
fn the_id_tables_used_on_import_match_the_content() {
    let c = content();
    let ids = |v: &[Choice]| v.iter().map(|x| x.id).collect::<Vec<_>>();
    assert_eq!(IDS.fields, c.fields.iter().map(|f| f.id).collect::<Vec<_>>());
    assert_eq!(
        IDS.offers,
        c.offers.iter().filter(|o| o.from != Some(PolicySource::Arrangements)).map(|o| o.id).collect::<Vec<_>>()
    );
    assert_eq!(IDS.triggers, ids(c.triggers));
    assert_eq!(IDS.kept, ids(c.storage.kept));
    assert_eq!(IDS.seen_by, ids(c.storage.seen_by));
    assert_eq!(IDS.moves, ids(c.storage.moves));
    assert_eq!(IDS.contact_kinds, ids(c.contact_kinds));
}

// ── Defaults ───────────────────────────────────────────────────────────────────────

#[test]
fn a_new_scheme_takes_every_default() {
    let s = scheme();
    assert_eq!(s.name, "Acme Care Ltd carer passport");
    assert_eq!(s.eligibility, Eligibility { basis: Basis::SelfIdentification, note: String::new() });
    assert_eq!(
        s.fields,
        [
            "caring_situation",
            "effect_on_work",
            "agreed_flexibilities",
            "emergency_arrangements",
            "sharing_consent",
            "review_date",
            "signatures"
        ]
    );
    assert_eq!(s.review.months, 12);
    assert_eq!(s.review.triggers.len(), 5);
    assert!(s.review.own_triggers.is_empty());
    assert_eq!(s.storage.kept, "employee_and_manager");
    assert_eq!(s.storage.seen_by, ["line_manager", "hr", "next_manager"]);
    assert_eq!(s.storage.moves, "employee_shares");
    assert_eq!(validate(&s), vec![], "a suggested scheme is complete");
    let mut nameless = blank();
    nameless.organisation.name = "  ".into();
    assert_eq!(Scheme::suggested(&nameless, &[], day()).name, "Carer passport");
}

#[test]
fn the_support_menu_is_prefilled_from_the_policy_answers() {
    let s = scheme();
    assert_eq!(
        ids(&s),
        [
            "flexible_working",
            "arrangement.part_time",
            "arrangement.remote_hybrid",
            "arrangement.trial_periods",
            "carers_leave",
            "emergency_leave",
            "phone_access",
            "appointments",
            "check_ins",
            "carers_network",
            "wellbeing",
            "career_break",
            "parking"
        ]
    );
    let leave = offer(&s, "carers_leave");
    assert_eq!((leave.label.as_str(), leave.on), ("Carer's leave", true));
    assert_eq!(leave.detail, "5 days a year, 5 paid; can be taken in half days; from your first day.");
    assert_eq!(leave.prefilled, leave.detail);
    assert_eq!(
        offer(&s, "flexible_working").detail,
        "Ask for a change to your hours, times or place of work; from your first day; up to 2 requests in any 12 months; decided within 2 months."
    );
    assert_eq!(
        offer(&s, "emergency_leave").detail,
        "Time off to deal with an emergency involving someone who depends on you; 2 days a year paid; not counted towards absence triggers."
    );
    let part_time = offer(&s, "arrangement.part_time");
    assert_eq!((part_time.label.as_str(), part_time.on), ("Part-time hours", true));
    // Standard offers not from the policy keep the content's defaults.
    assert!(offer(&s, "phone_access").on && !offer(&s, "parking").on);
    assert!(offer(&s, "phone_access").prefilled.is_empty());
}

#[test]
fn other_policy_answers_give_other_details() {
    let mut p = compliant_policy();
    p.carers_leave.days_per_year = Some(10);
    p.carers_leave.paid_days = Some(0);
    p.carers_leave.smallest_unit = None;
    p.carers_leave.service_weeks = Some(0);
    p.flexible_working.service_weeks = Some(0);
    p.flexible_working.requests_per_year = None;
    p.flexible_working.decision_months = Some(1);
    p.dependants.paid_days = Some(0);
    p.dependants.excluded_from_absence_triggers = Some(false);
    let s = Scheme::suggested(&with_policy(Some(p.clone())), &[], day());
    assert_eq!(offer(&s, "carers_leave").detail, "10 days a year, unpaid; from your first day.");
    assert_eq!(
        offer(&s, "flexible_working").detail,
        "Ask for a change to your hours, times or place of work; from your first day; decided within 1 month."
    );
    assert_eq!(
        offer(&s, "emergency_leave").detail,
        "Time off to deal with an emergency involving someone who depends on you."
    );

    // Where the law gives no carer's leave, an employer that offers none switches it off;
    // where it does (Great Britain since 6 April 2024), the passport states the right
    // with the point to decide. Emergency time off is the law everywhere.
    p.carers_leave.offered = Some(false);
    p.dependants.time_off = Some(false);
    let mut a = with_policy(Some(p.clone()));
    a.organisation.nation = Nation::NorthernIreland;
    let s = Scheme::suggested(&a, &[], day());
    assert!(!offer(&s, "carers_leave").on, "not offered, and not the law: switched off");
    let s = Scheme::suggested(&with_policy(Some(p)), &[], day());
    for id in ["carers_leave", "emergency_leave"] {
        assert!(offer(&s, id).on, "{id}");
        assert!(
            offer(&s, id).detail.contains("[To decide: your current policy says no, which is below the law"),
            "{id}"
        );
    }
}

#[test]
fn without_policy_answers_the_menu_has_the_contents_defaults_and_no_ways_of_working() {
    let s = Scheme::suggested(&with_policy(None), &[], day());
    assert!(!ids(&s).iter().any(|id| id.starts_with("arrangement.")));
    let leave = offer(&s, "carers_leave");
    assert!(leave.on);
    assert_eq!(
        leave.detail,
        "Time off to give or arrange care for someone with a long-term care need, under our carer's leave policy."
    );
    assert_eq!(leave.prefilled, leave.detail, "a default detail is still replaced once the policy is answered");
    assert_eq!(
        offer(&s, "flexible_working").detail,
        "Ask for a change to your hours, times or place of work, under our flexible working policy."
    );
    // An empty set of arrangements: none offered.
    let mut p = PolicyAnswers::default();
    p.flexible_working.arrangements = Some(BTreeSet::new());
    assert!(!ids(&Scheme::suggested(&with_policy(Some(p)), &[], day()))
        .iter()
        .any(|id| id.starts_with("arrangement.")));
}

#[test]
fn signposting_links_become_local_contacts_before_national_advice() {
    let links = [
        ("Anytown Carers Centre".to_string(), "https://carers.anytown.gov.uk/".to_string()),
        ("Sneaky".to_string(), "javascript:alert(1)".to_string()),
        ("Anytown again".to_string(), "https://carers.anytown.gov.uk/".to_string()),
        ("".to_string(), "https://no-title.example.org/".to_string()),
        ("Carers line".to_string(), "tel:+441234567890".to_string()),
    ];
    let s = Scheme::suggested(&blank(), &links, day());
    let got: Vec<(&str, &str, &str)> =
        s.contacts.iter().map(|c| (c.kind.as_str(), c.name.as_str(), c.link.as_str())).collect();
    assert_eq!(
        got,
        [
            ("local_service", "Anytown Carers Centre", "https://carers.anytown.gov.uk/"),
            ("local_service", "Carers line", "tel:+441234567890"),
            ("national", "Carers UK, advice and information for carers", "https://www.carersuk.org/"),
        ]
    );
    let html = html(&s, Part::Template);
    assert!(html.contains("<strong>Local carers&#39; service:</strong> Anytown Carers Centre \u{2013} <a class=\"cb-print-link\" href=\"https://carers.anytown.gov.uk/\">carers.anytown.gov.uk</a>"), "{html}");
    assert!(html.contains("href=\"tel:+441234567890\">+441234567890</a>"));
    assert!(!html.contains("javascript"));
}

// ── Refreshing from the policy answers ─────────────────────────────────────────────

#[test]
fn refreshing_updates_prefilled_details_and_keeps_every_edit() {
    let mut s = scheme();
    s.support.iter_mut().find(|o| o.id == "carers_leave").unwrap().detail = "Our own words about leave".into();
    s.support.iter_mut().find(|o| o.id == "phone_access").unwrap().on = false;
    s.support.iter_mut().find(|o| o.id == "emergency_leave").unwrap().on = false;
    s.support.iter_mut().find(|o| o.id == "arrangement.trial_periods").unwrap().detail = "Three months".into();
    let own = s.add_offer("Paid time for a carer's assessment", "Up to half a day");
    assert_eq!(own, "own.1");

    let mut p = compliant_policy();
    p.carers_leave.days_per_year = Some(10);
    p.dependants.paid_days = Some(3);
    p.flexible_working.arrangements = Some([Arrangement::Flexitime, Arrangement::RemoteHybrid].into());
    let r = s.refresh_from_policy(Some(&p), Nation::England, day());
    assert_eq!(r.added, ["arrangement.flexitime"]);
    assert_eq!(r.updated, ["emergency_leave"]);
    assert_eq!(r.removed, ["arrangement.part_time"], "trial periods was edited, so it stays");

    assert_eq!(offer(&s, "carers_leave").detail, "Our own words about leave");
    assert_eq!(
        offer(&s, "carers_leave").prefilled,
        "10 days a year, 5 paid; can be taken in half days; from your first day."
    );
    assert_eq!(offer(&s, "emergency_leave").detail, "Time off to deal with an emergency involving someone who depends on you; 3 days a year paid; not counted towards absence triggers.");
    assert!(!offer(&s, "emergency_leave").on, "what was switched off stays off");
    assert!(!offer(&s, "phone_access").on);
    assert_eq!(offer(&s, "arrangement.trial_periods").detail, "Three months");
    assert_eq!(
        &ids(&s)[..5],
        [
            "flexible_working",
            "arrangement.flexitime",
            "arrangement.remote_hybrid",
            "arrangement.trial_periods",
            "carers_leave"
        ],
        "new ways of working go in menu order"
    );
    assert_eq!(ids(&s).last(), Some(&"own.1"), "the employer's own offers stay last");
    assert!(offer(&s, "arrangement.flexitime").on);

    assert!(s.refresh_from_policy(Some(&p), Nation::England, day()).is_empty(), "a second refresh changes nothing");
    assert_eq!(validate(&s), vec![]);
}

#[test]
fn own_offers_are_numbered_and_only_they_can_be_removed() {
    let mut s = scheme();
    assert_eq!(s.add_offer("A", ""), "own.1");
    assert_eq!(s.add_offer("B", ""), "own.2");
    assert!(s.remove_offer("own.1"));
    assert_eq!(s.add_offer("C", ""), "own.3", "IDs are never reused while a higher one exists");
    assert!(!s.remove_offer("carers_leave"), "standard offers are switched off, not removed");
    assert!(s.support.iter().any(|o| o.id == "carers_leave"));
    assert!(!s.remove_offer("own.9"));
}

#[test]
fn required_fields_cannot_be_dropped_and_fields_keep_the_contents_order() {
    let mut s = scheme();
    s.set_field("review_date", false);
    assert!(s.has_field("review_date"));
    s.set_field("signatures", false);
    s.set_field("support_used", true);
    s.set_field("caring_situation", false);
    s.set_field("no_such_field", true);
    assert_eq!(
        s.fields,
        [
            "effect_on_work",
            "agreed_flexibilities",
            "emergency_arrangements",
            "support_used",
            "sharing_consent",
            "review_date"
        ]
    );
    s.fields.clear();
    let included: Vec<&str> = s.included_fields().iter().map(|f| f.id).collect();
    assert_eq!(
        included,
        ["agreed_flexibilities", "sharing_consent", "review_date"],
        "required fields print even when not listed"
    );
}

// ── Validation ─────────────────────────────────────────────────────────────────────

fn problems(s: &Scheme) -> Vec<(String, String)> {
    validate(s).into_iter().map(|p| (p.field, p.message)).collect()
}

#[test]
fn validation_names_each_field_in_plain_words() {
    let mut s = scheme();
    s.name = " ".into();
    s.add_offer("", "");
    for o in &mut s.support {
        o.on = false;
    }
    s.support[1].detail = "x".repeat(5001);
    s.review.months = 0;
    s.review.own_triggers = vec!["".into()];
    s.contacts.push(Contact { kind: "hr".into(), name: "".into(), link: "http://intranet/carers".into() });
    s.contacts.push(Contact { kind: "friend".into(), name: "Sam".into(), link: "javascript:alert(1)".into() });
    let own_label = format!("support[{}].label", s.support.len() - 1);
    let got = problems(&s);
    let want = vec![
        ("name", "Enter a name for the scheme, for example \"Carer passport\""),
        ("support[1].detail", "The detail of the support must be 5000 characters or fewer"),
        (own_label.as_str(), "Enter a name for this support, or remove it"),
        ("support", "Switch on at least one kind of support for the menu"),
        ("review.months", "Review passports every 1 to 24 months"),
        ("review.own_triggers[0]", "Enter what brings a review forward, or remove it"),
        ("contacts[1].name", "Enter the contact's name, or remove the contact"),
        (
            "contacts[1].link",
            "Enter a web address starting https://, a phone number starting tel: or an email address starting mailto:",
        ),
        ("contacts[2].kind", "Choose what kind of contact this is"),
        (
            "contacts[2].link",
            "Enter a web address starting https://, a phone number starting tel: or an email address starting mailto:",
        ),
    ];
    let want: Vec<(String, String)> = want.into_iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(got, want);

    s.review.months = 25;
    assert!(problems(&s).contains(&("review.months".into(), "Review passports every 1 to 24 months".into())));
    s.review.months = 24;
    assert!(!problems(&s).iter().any(|(f, _)| f == "review.months"));
    s.review.months = 1;
    assert!(!problems(&s).iter().any(|(f, _)| f == "review.months"));
}

#[test]
fn unknown_and_repeated_ids_are_problems() {
    let mut s = scheme();
    s.fields.push("hobbies".into());
    s.fields.push("signatures".into());
    s.support[0].id = "carers_leave".into();
    s.support[1].id = "arrangement.juggling".into();
    s.support[2].id = "own.x".into();
    s.review.triggers.push("full_moon".into());
    s.storage.kept = "under_the_bed".into();
    s.storage.seen_by.push("hr".into());
    s.storage.moves = "".into();
    let got = problems(&s);
    let fields: Vec<&str> = got.iter().map(|(f, _)| f.as_str()).collect();
    let want = [
        "fields[7]",
        "fields[8]",
        "support[1].id",
        "support[2].id",
        "support[4].id",
        "review.triggers[5]",
        "storage.kept",
        "storage.seen_by[3]",
        "storage.moves",
    ];
    assert_eq!(fields, want);
    let message = |f: &str| got.iter().find(|(x, _)| x == f).map(|(_, m)| m.as_str()).unwrap();
    assert_eq!(message("fields[7]"), "\"hobbies\" is not a passport field");
    assert_eq!(message("fields[8]"), "\"signatures\" is listed more than once");
    assert_eq!(
        message("support[1].id"),
        "\"arrangement.juggling\" is not a standard offer, a way of working or own.<number>"
    );
    assert_eq!(message("support[4].id"), "\"carers_leave\" is listed more than once");
    assert_eq!(message("storage.kept"), "Choose where passports are kept");
}

#[test]
fn the_error_summary_links_to_element_ids() {
    let p = |f: &str| Problem { field: f.into(), message: String::new() }.element_id();
    assert_eq!(p("name"), "passport-name");
    assert_eq!(p("support[2].detail"), "passport-support-2-detail");
    assert_eq!(p("review.own_triggers[0]"), "passport-review-own-triggers-0");
    assert_eq!(p("eligibility.note"), "passport-eligibility-note");
}

#[test]
fn links_must_be_https_tel_or_mailto() {
    for ok in [
        "https://www.carersuk.org/",
        "https://a.example.org/x?y=1#z",
        "tel:01234 567890".replace(' ', "").as_str(),
        "tel:+44(0)1234-567890",
        "mailto:hr@acme.example.org",
    ] {
        assert!(link_ok(ok), "{ok}");
    }
    for bad in [
        "http://www.carersuk.org/",
        "https://",
        "https://user@evil.example.org/",
        "javascript:alert(1)",
        "tel:12",
        "tel:0800 123 456",
        "mailto:nobody",
        "mailto:a@b.org?subject=x",
        "https://a.org/\"onmouseover=x",
        "https://a.org/<script>",
        "data:text/html,hi",
        "//evil.example.org",
        "",
    ] {
        assert!(!link_ok(bad), "{bad}");
    }
    assert_eq!(link_text("https://www.carersuk.org/"), "www.carersuk.org");
    assert_eq!(link_text("tel:+441234567890"), "+441234567890");
    assert_eq!(link_text("mailto:hr@acme.example.org"), "hr@acme.example.org");
}

#[test]
fn a_scheme_still_being_set_up_is_not_refused_by_the_file_format() {
    let mut s = scheme();
    s.name.clear();
    for o in &mut s.support {
        o.on = false;
    }
    assert_eq!(validate(&s).len(), 2);
    assert_eq!(file_problems(&s), vec![]);
    s.review.months = 30;
    assert_eq!(file_problems(&s).len(), 1);
}

// ── The file format ────────────────────────────────────────────────────────────────

fn file_with(s: &Scheme) -> Value {
    let mut a = all_yes_up_to(1);
    set_passport(&mut a, s);
    serde_json::from_str(&to_json(&a)).unwrap()
}

fn file_problems_of(v: &Value) -> Vec<String> {
    match from_bytes(framework(), v.to_string().as_bytes()) {
        Ok(_) => vec![],
        Err(p) => p.iter().map(|p| p.to_string()).collect(),
    }
}

#[test]
fn a_scheme_round_trips_through_the_file_and_old_files_still_load() {
    let mut s = scheme();
    s.add_offer("Own <offer>", "");
    s.contacts.push(hr("Pat Jones"));
    let mut a = all_yes_up_to(1);
    set_passport(&mut a, &s);
    let text = to_json(&a);
    assert_eq!(from_bytes(framework(), text.as_bytes()).unwrap(), a);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["passport"]["eligibility"]["basis"], "self_identification");
    assert_eq!(v["passport"]["review"]["months"], 12);
    // Files without a passport (every file before this feature) load as before.
    let old = to_json(&all_yes_up_to(1));
    assert!(!old.contains("passport"));
    assert_eq!(from_bytes(framework(), old.as_bytes()).unwrap().passport, None);
    let mut v: Value = serde_json::from_str(&old).unwrap();
    v["passport"] = Value::Null;
    assert_eq!(file_problems_of(&v), Vec::<String>::new());
}

#[test]
fn a_scheme_is_kept_in_the_device_library_even_when_unfinished() {
    use carer_benchmark::domain::library::{load, store, Library, Loaded, Saved};
    let mut s = scheme();
    s.name.clear();
    s.review.months = 40; // mid-edit: storage keeps what the screen holds
    let mut a = blank();
    set_passport(&mut a, &s);
    let lib = Library { assessments: vec![Saved { id: "a1".into(), assessment: a }] };
    assert_eq!(load(Some(&store(&lib))), Loaded::Ok(lib.clone()));
    // A damaged scheme is carried as it was (the rest of the library still loads), and
    // reads as no scheme: nothing is lost, nothing panics.
    let mut v: Value = serde_json::from_str(&store(&lib)).unwrap();
    v["assessments"][0]["assessment"]["passport"]["support"] = json!("lots");
    match load(Some(&v.to_string())) {
        Loaded::Ok(back) => {
            let a = &back.assessments[0].assessment;
            assert_eq!(a.passport.as_ref().map(|p| p["support"].clone()), Some(json!("lots")));
            assert_eq!(passport_scheme(a), None);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn bad_passport_values_are_named_by_their_json_path() {
    let mut v = file_with(&scheme());
    let p = &mut v["passport"];
    p["colour"] = json!("red");
    p["name"] = json!(42);
    p["eligibility"]["basis"] = json!("proof_required");
    p["support"][0]["on"] = json!("yes");
    p["support"][1].as_object_mut().unwrap().remove("label");
    p["review"]["months"] = json!("twelve");
    p["storage"]["seen_by"] = json!("everyone");
    p["contacts"][0]["link"] = json!(["x"]);
    let got = file_problems_of(&v);
    let want = [
        "$.passport.colour: is not a field this tool knows",
        "$.passport.name: should be text, but is a number",
        "$.passport.eligibility.basis: \"proof_required\" is not one of the allowed values: self_identification",
        "$.passport.support[0].on: should be true or false, but is text",
        "$.passport.support[1].label: is missing",
        "$.passport.review.months: should be a whole number of months from 1 to 24, but is text",
        "$.passport.storage.seen_by: should be a list, but is text",
        "$.passport.contacts[0].link: should be text, but is a list",
    ];
    assert_eq!(got, want);
}

#[test]
fn the_schemes_own_rules_are_enforced_on_import_with_paths() {
    let mut s = scheme();
    s.review.months = 36;
    s.fields.push("hobbies".into());
    s.contacts[0].link = "javascript:alert(1)".into();
    s.support[0].detail = "y".repeat(6000);
    let got = file_problems_of(&file_with(&s));
    assert_eq!(
        got,
        ["$.passport.support[0].detail: is longer than 5000 characters",],
        "shape problems are reported first; the scheme's own rules once the shape is right"
    );
    s.support[0].detail = "short".into();
    let got = file_problems_of(&file_with(&s));
    assert_eq!(
        got,
        [
            "$.passport.fields[7]: \"hobbies\" is not a passport field",
            "$.passport.review.months: Review passports every 1 to 24 months",
            "$.passport.contacts[0].link: Enter a web address starting https://, a phone number starting tel: or an email address starting mailto:",
        ]
    );
    let mut v = file_with(&scheme());
    v["passport"]["review"]["months"] = json!(1.5);
    assert_eq!(
        file_problems_of(&v),
        ["$.passport.review.months: should be a whole number of months from 1 to 24, but is 1.5"]
    );
    v["passport"]["review"]["months"] = json!(-3);
    assert_eq!(
        file_problems_of(&v),
        ["$.passport.review.months: should be a whole number of months from 1 to 24, but is -3"]
    );
    v["passport"]["review"]["months"] = json!(99999999999u64);
    assert_eq!(file_problems_of(&v).len(), 1);
}

// ── The template ───────────────────────────────────────────────────────────────────

#[test]
fn the_template_holds_exactly_the_chosen_fields() {
    let mut s = scheme();
    s.set_field("caring_situation", false);
    s.set_field("signatures", false);
    s.set_field("support_used", true);
    let html = html(&s, Part::Template);
    assert_eq!(
        sections(&html),
        [
            "details",
            "field:effect_on_work",
            "field:agreed_flexibilities",
            "field:emergency_arrangements",
            "field:support_used",
            "field:sharing_consent",
            "field:review_date",
            "storage",
            "contacts"
        ]
    );
    for f in content().fields {
        let heading = format!("<h2 class=\"cb-print-heading\">{}</h2>", escape_html(f.label));
        assert_eq!(html.contains(&heading), s.has_field(f.id), "{}", f.id);
        assert_eq!(
            html.contains(&escape_html(&f.prompt.replace("{every}", "every 12 months"))),
            s.has_field(f.id),
            "{} prompt",
            f.id
        );
    }
    assert!(!html.contains("cb-print-signatures"));
    // Lines to write on: 5 (effect) + 5 (support) + 4 (emergency) + 3 (support used).
    assert_eq!(html.matches("<div class=\"cb-print-line\"></div>").count(), 17);
}

#[test]
fn the_template_ticks_exactly_the_support_switched_on() {
    let mut s = scheme();
    for id in ["arrangement.part_time", "emergency_leave", "check_ins"] {
        s.support.iter_mut().find(|o| o.id == id).unwrap().on = false;
    }
    s.support.iter_mut().find(|o| o.id == "parking").unwrap().on = true;
    s.add_offer("Paid time for a carer's assessment", "Up to half a day");
    let html = html(&s, Part::Template);
    let support_table = &html[html.find("cb-print-ticks").unwrap()..html.find("</table>").unwrap()];
    let got = options(support_table);
    let want: Vec<String> = s.offers_on().map(|o| escape_html(&o.label)).collect();
    assert_eq!(got, want);
    assert!(
        got.contains(&"Paid time for a carer&#39;s assessment".to_string())
            && got.contains(&"Parking close to the entrance".to_string())
    );
    for off in s.support.iter().filter(|o| !o.on) {
        assert!(!html.contains(&escape_html(&off.label)), "{} is off but printed", off.id);
    }
    assert!(support_table.contains(
        "<span class=\"cb-print-detail\">5 days a year, 5 paid; can be taken in half days; from your first day.</span>"
    ));
    assert_eq!(support_table.matches("\u{2610}").count(), want.len());
}

#[test]
fn the_template_shows_review_consent_signatures_and_storage_rules() {
    let mut s = scheme();
    s.review.months = 6;
    s.review.triggers = vec!["new_manager".into()];
    s.review.own_triggers = vec!["you go part-time".into()];
    s.storage.seen_by = vec!["occupational_health".into()];
    s.storage.kept = "hr_record".into();
    s.storage.note = "Ask HR for the form.".into();
    let d = document(&s, Part::Template);
    assert_eq!(d.title, "Acme Care Ltd carer passport");
    assert_eq!(d.subtitle, "Confidential");
    let section = |id: &str| d.sections.iter().find(|x| x.id == id).unwrap_or_else(|| panic!("no {id}"));
    let review = section("field:review_date");
    assert_eq!(
        review.blocks[0],
        Block::Prompt("We will look at this passport together every 6 months, or sooner if something changes.".into())
    );
    assert_eq!(review.blocks[1], Block::Blank("Date of next review".into()));
    assert_eq!(review.blocks[3], Block::Bullets(vec!["there is a new line manager".into(), "you go part-time".into()]));
    let consent = section("field:sharing_consent");
    assert_eq!(
        consent.blocks[1],
        Block::Ticks {
            columns: None,
            options: vec![Tick { label: "Occupational health, after a referral".into(), detail: String::new() }]
        }
    );
    let sign = section("field:signatures");
    assert_eq!(
        sign.blocks[1],
        Block::Signatures {
            note: "Name, signature and date".into(),
            who: vec!["Employee".into(), "Line manager".into()]
        }
    );
    let storage = section("storage");
    let Block::Bullets(items) = &storage.blocks[0] else { panic!("{storage:?}") };
    assert!(items[0].to_plain().contains("HR system"), "{items:?}");
    assert_eq!(storage.blocks.last(), Some(&Block::Paragraph("Ask HR for the form.".into())));
    assert!(!d.sections.iter().any(|x| x.id == "contacts") || !s.contacts.is_empty());
    s.contacts.clear();
    assert!(!template_sections(&s).iter().any(|x| x.id == "contacts"), "no contacts, no section");
}

// ── The guide and the briefing ─────────────────────────────────────────────────────

#[test]
fn the_guide_walks_through_the_six_stages_for_carer_and_manager() {
    let mut s = scheme();
    s.contacts.insert(0, hr("Pat Jones"));
    let d = document(&s, Part::Guide);
    assert_eq!(d.title, "Acme Care Ltd carer passport: conversation guide");
    let got: Vec<&str> = d.sections.iter().map(|x| x.heading.as_str()).collect();
    assert_eq!(got, ["1. Prepare", "2. Talk", "3. Agree", "4. Record", "5. Share", "6. Review", "Who can help"]);
    for st in &d.sections[..6] {
        assert_eq!(st.blocks[0], Block::Subheading("If you are the carer".into()));
        assert_eq!(st.blocks[2], Block::Subheading("If you are the manager".into()));
    }
    let html = html(&s, Part::Guide);
    assert!(
        html.contains(
            "<li>Carer&#39;s leave: 5 days a year, 5 paid; can be taken in half days; from your first day.</li>"
        ),
        "the support on offer at the prepare stage"
    );
    assert!(html.contains("Passports are reviewed every 12 months, and sooner if:"));
    assert!(html.contains("<li><strong>HR contact:</strong> Pat Jones \u{2013} <a class=\"cb-print-link\" href=\"mailto:hr@acme.example.org\">hr@acme.example.org</a></li>"));
}

#[test]
fn the_briefing_has_the_rules_the_menu_and_what_to_do() {
    let mut s = scheme();
    s.eligibility.note = "Agency staff too.".into();
    s.review.months = 1;
    let d = document(&s, Part::Briefing);
    assert_eq!(d.title, "Acme Care Ltd carer passport: a briefing for managers");
    let ids: Vec<&str> = d.sections.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["what", "eligibility", "rules", "support", "do", "dont", "contacts"]);
    let html = html(&s, Part::Briefing);
    assert!(html.starts_with("<article class=\"cb-print cb-print-briefing\" lang=\"en-GB\">"));
    assert!(html.contains("We do not ask for proof.</p><p class=\"cb-print-text\">Agency staff too.</p>"));
    assert!(html.contains("Passports are reviewed every month, and sooner if:"));
    assert!(html.contains("Ask for proof of caring or details of anyone&#39;s health."));
    let support = &d.sections[3];
    let Block::Bullets(items) = &support.blocks[0] else { panic!() };
    assert_eq!(items.len(), s.offers_on().count());
}

// ── Escaping ───────────────────────────────────────────────────────────────────────

const NASTY: &str = "<script>alert(\"x\")</script> O'Brien & {name} {every}";

fn nasty_scheme() -> Scheme {
    let mut s = scheme();
    s.name = NASTY.into();
    s.eligibility.note = NASTY.into();
    for o in &mut s.support {
        o.label = NASTY.into();
        o.detail = NASTY.into();
    }
    s.add_offer(NASTY, NASTY);
    s.review.own_triggers = vec![NASTY.into()];
    s.storage.note = NASTY.into();
    s.contacts = vec![
        Contact { kind: "hr".into(), name: NASTY.into(), link: "https://a.example.org/?q='x'&y=1".into() },
        Contact {
            kind: "other".into(),
            name: NASTY.into(),
            link: "https://a.example.org/\"><script>alert(1)</script>".into(),
        },
    ];
    s
}

#[test]
fn every_output_escapes_what_the_employer_typed() {
    let s = nasty_scheme();
    for part in Part::ALL {
        let html = html(&s, *part);
        assert!(!html.to_lowercase().contains("<script"), "{part:?}: {html}");
        assert!(
            html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; {name} {every}"),
            "{part:?}"
        );
        assert!(
            html.contains("href=\"https://a.example.org/?q=&#39;x&#39;&amp;y=1\""),
            "{part:?}: a quote in a link stays inside the attribute"
        );
        assert!(
            !html.contains("href=\"https://a.example.org/&quot;"),
            "{part:?}: an unsafe link is printed without its address"
        );
        let page = standalone_html(&s, *part);
        assert!(!page.to_lowercase().contains("<script"), "{part:?}");
        assert!(page.starts_with("<!DOCTYPE html>"));
    }
    let d = document(&s, Part::Guide);
    assert!(d.title.starts_with(NASTY), "the name is filled in once, as typed: {}", d.title);
}

// ── Launch tasks and evidence ──────────────────────────────────────────────────────

#[test]
fn launch_tasks_cover_consulting_briefing_publishing_and_the_first_review() {
    let mut s = scheme();
    let tasks = launch_tasks(&s);
    let ids: Vec<&str> = tasks.iter().map(|t| t.id).collect();
    assert_eq!(
        ids,
        [
            "passport:hr-contact",
            "passport:consult",
            "passport:privacy",
            "passport:brief-managers",
            "passport:publish",
            "passport:induction",
            "passport:network",
            "passport:first-review"
        ]
    );
    let task = |ts: &[LaunchTask], id: &str| ts.iter().find(|t| t.id == id).cloned().unwrap();
    let review = task(&tasks, "passport:first-review");
    assert_eq!(review.due_in_days, 56 + 365, "a review cycle after publishing");
    assert_eq!((review.owner, review.priority), (Owner::Hr, Priority::Medium));
    let brief = task(&tasks, "passport:brief-managers");
    assert_eq!((brief.owner, brief.priority, brief.due_in_days), (Owner::Learning, Priority::High, 42));
    for t in &tasks {
        assert!(!t.title.is_empty() && !t.why.is_empty() && !t.success.is_empty(), "{}", t.id);
    }
    let mut due: Vec<u32> = tasks.iter().map(|t| t.due_in_days).collect();
    let sorted = {
        let mut d = due.clone();
        d.sort();
        d
    };
    assert_eq!(due, sorted, "listed in the order they fall due");

    s.review.months = 6;
    s.contacts.push(hr("Pat Jones"));
    s.contacts.push(Contact { kind: "network".into(), name: "Carers' network".into(), link: String::new() });
    let tasks = launch_tasks(&s);
    assert_eq!(task(&tasks, "passport:first-review").due_in_days, 56 + 182);
    assert!(!tasks.iter().any(|t| t.id == "passport:hr-contact" || t.id == "passport:network"));
    due.clear();
}

/// Evidence notes can be recorded against the criteria, so they state what the scheme
/// already is; what is still to do belongs in the launch tasks.
#[test]
fn evidence_notes_state_facts_not_to_dos() {
    const TO_DO: [&str; 8] = ["add ", "publish", "keep ", "once ", "should", "will ", "make sure", "remember"];
    for e in content().evidence {
        let note = e.note.to_lowercase();
        for words in TO_DO {
            assert!(!note.contains(words), "{}: \"{}\" reads as a to-do ({words:?})", e.indicator, e.note);
        }
    }
}

#[test]
fn the_indicators_a_scheme_evidences_exist_and_depend_on_the_scheme() {
    let fw = framework();
    for e in content().evidence {
        assert!(fw.indicator(e.indicator).is_some(), "{} is not in the framework", e.indicator);
    }
    let mut s = scheme();
    let got = |s: &Scheme| evidenced_indicators(s).into_iter().map(|e| e.indicator).collect::<Vec<_>>();
    assert_eq!(got(&s), ["L2.1.c", "L2.1.a", "L1.3.c", "L2.4.c", "L2.6.c", "L3.5.c"]);
    let first = &evidenced_indicators(&s)[0];
    assert!(first.note.starts_with("The Acme Care Ltd carer passport: a template"), "{}", first.note);

    s.contacts = vec![hr("Pat Jones")];
    s.review.months = 18;
    for o in &mut s.support {
        o.on = o.id == "carers_leave";
    }
    assert_eq!(got(&s), ["L2.1.c", "L2.1.a", "L1.3.b", "L1.3.c", "L3.6.c"]);
    s.support.iter_mut().find(|o| o.id == "arrangement.part_time").unwrap().on = true;
    assert!(!got(&s).contains(&"L2.4.c"), "part-time hours are not short-notice flexibility");
    s.contacts[0].name = " ".into();
    assert!(!got(&s).contains(&"L3.6.c"), "a contact without a name does not count");
}

// ── Properties ─────────────────────────────────────────────────────────────────────

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[ -~]{0,40}",
        "(<script>|</script>|<ScRiPt|\"|'|&|\\{name\\}|\\{every\\}|[a-z ]{1,5}|\u{0}|\n|é|🙂){0,8}",
    ]
}

fn id_from(list: Vec<&'static str>) -> impl Strategy<Value = String> {
    prop_oneof![prop::sample::select(list).prop_map(String::from), "[a-z_.0-9]{0,12}"]
}

fn arb_scheme() -> impl Strategy<Value = Scheme> {
    let c = content();
    let field_ids: Vec<&str> = c.fields.iter().map(|f| f.id).collect();
    let offer_ids: Vec<&str> =
        c.offers.iter().map(|o| o.id).chain(["arrangement.part_time", "own.1", "own.2"]).collect();
    let triggers: Vec<&str> = c.triggers.iter().map(|t| t.id).collect();
    let kept: Vec<&str> = c.storage.kept.iter().map(|x| x.id).collect();
    let seen: Vec<&str> = c.storage.seen_by.iter().map(|x| x.id).collect();
    let moves: Vec<&str> = c.storage.moves.iter().map(|x| x.id).collect();
    let kinds: Vec<&str> = c.contact_kinds.iter().map(|x| x.id).collect();
    let link = prop_oneof![
        Just(String::new()),
        "https://[a-z]{1,8}\\.org/[ -~]{0,12}",
        "(tel|mailto|javascript|http):[ -~]{0,12}",
    ];
    let offer = (id_from(offer_ids), text(), any::<bool>(), text(), text())
        .prop_map(|(id, label, on, detail, prefilled)| Offer { id, label, on, detail, prefilled });
    let contact = (id_from(kinds), text(), link).prop_map(|(kind, name, link)| Contact { kind, name, link });
    (
        text(),
        text(),
        prop::collection::vec(id_from(field_ids), 0..10),
        prop::collection::vec(offer, 0..8),
        (0u32..30, prop::collection::vec(id_from(triggers), 0..6), prop::collection::vec(text(), 0..3)),
        (id_from(kept), prop::collection::vec(id_from(seen), 0..6), id_from(moves), text()),
        prop::collection::vec(contact, 0..5),
    )
        .prop_map(
            |(
                name,
                note,
                fields,
                support,
                (months, triggers, own_triggers),
                (kept, seen_by, moves, snote),
                contacts,
            )| Scheme {
                name,
                eligibility: Eligibility { basis: Basis::SelfIdentification, note },
                fields,
                support,
                review: Review { months, triggers, own_triggers },
                storage: Storage { kept, seen_by, moves, note: snote },
                contacts,
            },
        )
}

/// Schemes the validator accepts: the suggested one with arbitrary words, choices,
/// cycle and contacts.
fn valid_scheme() -> impl Strategy<Value = Scheme> {
    let words = "[ -~]{0,30}[a-zA-Z<>\"'&][ -~]{0,30}";
    let link = prop_oneof![
        Just(String::new()),
        "https://[a-z]{1,8}\\.org/[a-z?=&'()]{0,12}",
        "tel:\\+?[0-9]{3,12}",
        "mailto:[a-z]{1,8}@[a-z]{1,8}\\.org"
    ];
    let kinds: Vec<&str> = content().contact_kinds.iter().map(|x| x.id).collect();
    let contact = (prop::sample::select(kinds), words, link).prop_map(|(kind, name, link)| Contact {
        kind: kind.into(),
        name,
        link,
    });
    let n = scheme().support.len();
    (
        words,
        prop::collection::vec((any::<bool>(), text()), n..=n),
        prop::collection::vec(words, 0..3),
        1u32..=24,
        prop::sample::subsequence(content().fields.iter().map(|f| f.id).collect::<Vec<_>>(), 0..=8),
        prop::sample::subsequence(content().triggers.iter().map(|f| f.id).collect::<Vec<_>>(), 0..=5),
        prop::collection::vec(contact, 0..4),
        text(),
    )
        .prop_map(|(name, offers, own, months, fields, triggers, contacts, note)| {
            let mut s = scheme();
            s.name = name;
            for (o, (on, detail)) in s.support.iter_mut().zip(offers) {
                o.on = on;
                o.detail = detail;
            }
            s.support[0].on = true;
            for label in own {
                s.add_offer(&label, &label);
            }
            s.review.months = months;
            s.fields = fields.into_iter().map(String::from).collect();
            s.review.triggers = triggers.into_iter().map(String::from).collect();
            s.contacts = contacts;
            s.storage.note = note;
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_scheme_the_validator_accepts_renders_every_part(s in valid_scheme()) {
        prop_assert_eq!(validate(&s), vec![]);
        for part in Part::ALL {
            let d = document(&s, *part);
            let html = html(&s, *part);
            prop_assert!(!html.to_lowercase().contains("<script"), "{}", html);
            prop_assert!(html.contains(&escape_html(&d.title)));
            if *part == Part::Template {
                let table = &html[html.find("cb-print-ticks").unwrap()..];
                prop_assert_eq!(options(&table[..table.find("</table>").unwrap()]).len(), s.offers_on().count());
            }
        }
        let tasks = launch_tasks(&s);
        prop_assert!(tasks.iter().any(|t| t.id == "passport:first-review"));
    }

    #[test]
    fn any_scheme_renders_without_panic_and_never_with_an_unescaped_script(s in arb_scheme()) {
        let accepted = validate(&s).is_empty();
        for part in Part::ALL {
            let html = html(&s, *part);
            prop_assert!(!html.to_lowercase().contains("<script"), "{}", html);
            prop_assert!(html.starts_with("<article") && html.ends_with("</article>"));
            if accepted {
                prop_assert!(html.contains("cb-print-section"));
            }
        }
        launch_tasks(&s);
        evidenced_indicators(&s);
    }

    #[test]
    fn a_scheme_the_file_format_accepts_reads_back_identically(s in arb_scheme()) {
        let v = file_with(&s);
        let read = from_bytes(framework(), v.to_string().as_bytes());
        if file_problems(&s).is_empty() {
            prop_assert_eq!(read.map(|a| passport_scheme(&a)), Ok(Some(s)));
        } else {
            prop_assert!(read.is_err());
        }
    }

    #[test]
    fn refreshing_never_loses_an_edited_detail_or_an_own_offer(days in 0u32..30, paid in 0u32..30, edit in "[a-z ]{1,20}") {
        let mut s = scheme();
        s.support[4].detail = edit.clone();
        let own = s.add_offer("Mine", "");
        let mut p = compliant_policy();
        p.carers_leave.days_per_year = Some(days);
        p.carers_leave.paid_days = Some(paid);
        p.flexible_working.arrangements = None;
        s.refresh_from_policy(Some(&p), Nation::England, day());
        prop_assert_eq!(&offer(&s, "carers_leave").detail, &edit);
        prop_assert!(s.support.iter().any(|o| o.id == own));
    }
}

// ── The command line ───────────────────────────────────────────────────────────────

fn run(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_benchmark")).args(args).output().unwrap()
}

fn write(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("cb-passport-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn the_command_line_prints_each_part_as_a_standalone_page() {
    let mut a = all_yes_up_to(1);
    a.policies = Some(compliant_policy());
    let mut s = scheme();
    s.name = "Acme <passport>".into();
    set_passport(&mut a, &s);
    let path = write("scheme.json", &to_json(&a));
    let out = run(&["passport", &path]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = String::from_utf8(out.stdout).unwrap();
    assert_eq!(page, standalone_html(&s, Part::Template));
    assert!(page.contains("<title>Acme &lt;passport&gt;</title>"));
    let guide = String::from_utf8(run(&["passport", &path, "--part", "guide"]).stdout).unwrap();
    assert_eq!(guide, standalone_html(&s, Part::Guide));
    let briefing = String::from_utf8(run(&["passport", "--part=briefing", &path]).stdout).unwrap();
    assert_eq!(briefing, standalone_html(&s, Part::Briefing));

    let target = write("out.html", "");
    let out = run(&["passport", &path, "--part", "briefing", "-o", &target]);
    assert!(out.status.success() && out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), briefing);
}

#[test]
fn the_command_line_suggests_a_scheme_and_refuses_an_incomplete_one() {
    let mut a = all_yes_up_to(1);
    a.policies = Some(compliant_policy());
    let path = write("none.json", &to_json(&a));
    let page = String::from_utf8(run(&["passport", &path]).stdout).unwrap();
    assert_eq!(page, standalone_html(&Scheme::suggested(&a, &[], day()), Part::Template));

    let mut s = scheme();
    s.name.clear();
    set_passport(&mut a, &s);
    let path = write("incomplete.json", &to_json(&a));
    let out = run(&["passport", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("1 problem(s); nothing was printed.\n  $.passport.name: Enter a name for the scheme"),
        "{err}"
    );
    assert!(out.stdout.is_empty());

    for args in [
        vec!["passport"],
        vec!["passport", &path, "--part", "poster"],
        vec!["passport", &path, "--part"],
        vec!["passport", &path, "extra.json"],
        vec!["passport", &path, "--json"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn the_launch_tasks_join_the_action_plan_and_leave_it_as_resolved() {
    use carer_benchmark::domain::content::framework;
    use carer_benchmark::domain::passport::plan_seeds;
    use carer_benchmark::domain::plan::{build, Schedule, Status};
    let mut a = blank();
    assert!(plan_seeds(&a).is_empty(), "no scheme, no launch tasks");
    let s = scheme();
    set_passport(&mut a, &s);
    let seeds = plan_seeds(&a);
    let tasks = launch_tasks(&s);
    assert_eq!(seeds.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), tasks.iter().map(|t| t.id).collect::<Vec<_>>());
    let plan = build(framework(), &a, &[], &seeds, &Schedule::default());
    for t in &tasks {
        let action = plan.actions.iter().find(|x| x.id == format!("task:{}", t.id)).expect("each task is an action");
        assert_eq!((action.title.as_str(), action.status), (t.title.as_str(), Status::NotStarted));
    }
    // Shown once, then the scheme is removed: the tasks stay, resolved.
    carer_benchmark::domain::plan::edit_plan(&mut a, plan.start, |p| p.record(&plan));
    a.passport = None;
    let after = build(framework(), &a, &[], &plan_seeds(&a), &Schedule::default());
    for t in &tasks {
        let action = after.actions.iter().find(|x| x.id == format!("task:{}", t.id)).expect("kept");
        assert_eq!(action.status, Status::Resolved);
    }
}

// ── National advice by the organisation's nation (issue 16) ───────────────────────

fn in_nation(n: Nation) -> Assessment {
    let mut a = blank();
    a.organisation.nation = n;
    a
}

fn national(s: &Scheme) -> Vec<(&str, &str)> {
    s.contacts.iter().filter(|c| c.kind == "national").map(|c| (c.name.as_str(), c.link.as_str())).collect()
}

#[test]
fn the_default_national_contact_is_the_one_for_the_organisations_nation() {
    use Nation::*;
    let want = [
        (England, "Carers UK", "https://www.carersuk.org/"),
        (Wales, "Carers Wales", "https://www.carersuk.org/wales/"),
        (Scotland, "Carers Scotland", "https://www.carersuk.org/scotland/"),
        (NorthernIreland, "Carers NI", "https://www.carersuk.org/northern-ireland/"),
    ];
    for (n, name, link) in want {
        let alone = Scheme::suggested(&in_nation(n), &[], day());
        let got = national(&alone);
        assert_eq!(got.len(), 1, "{n:?}: {got:?}");
        assert!(got[0].0.starts_with(name), "{n:?}: {got:?}");
        assert_eq!(got[0].1, link, "{n:?}");
        // The council's own contacts come first and are kept; the nation's advice follows.
        let links = [("Anytown Carers Centre".to_string(), "https://carers.anytown.gov.uk/".to_string())];
        let s = Scheme::suggested(&in_nation(n), &links, day());
        assert_eq!(s.contacts[0].name, "Anytown Carers Centre");
        assert_eq!(national(&s).len(), 1, "{n:?}");
        assert!(national(&s)[0].0.starts_with(name), "{n:?}");
    }
}

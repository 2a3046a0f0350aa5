//! No document the tool writes for staff states a right below the law in force for the
//! organisation's nation on the check date: not the carer passport's template,
//! conversation guide or manager briefing, and not the draft policy (issue 16).
//!
//! The law is written out here by hand, from `shared/reference/legal-baseline.md`, so the
//! documents are checked against an oracle that does not come from the rules file.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use carer_benchmark::domain::document::{Block, Document, Span, Text};
use carer_benchmark::domain::draft_policy::draft_policy;
use carer_benchmark::domain::model::{Assessment, Nation};
use carer_benchmark::domain::passport::{document, Part, Scheme};
use carer_benchmark::domain::policy::{check, rules, Arrangement, LeaveUnit, PolicyAnswers, Postponement};
use chrono::NaiveDate;
use common::*;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

/// The statutory floor in one nation on one day.
#[derive(Debug)]
struct Law {
    /// Most weeks of service before a flexible working request.
    fw_service: u32,
    /// Fewest requests in any 12 months.
    fw_requests: u32,
    /// Most months to decide, where the law sets one.
    fw_decision: Option<u32>,
    /// Statutory carer's leave: a week a year, from the first day, no more than three
    /// days' notice for a day, in half days.
    carers_leave: bool,
}

fn law(n: Nation, on: NaiveDate) -> Law {
    let new = on >= date("2024-04-06");
    match (n, new) {
        (Nation::NorthernIreland, _) => Law { fw_service: 26, fw_requests: 1, fw_decision: None, carers_leave: false },
        (_, true) => Law { fw_service: 0, fw_requests: 2, fw_decision: Some(2), carers_leave: true },
        (_, false) => Law { fw_service: 26, fw_requests: 1, fw_decision: Some(3), carers_leave: false },
    }
}

fn span_text(t: &Text) -> String {
    t.0.iter()
        .map(|s| match s {
            Span::Plain(x) | Span::Strong(x) | Span::Emphasis(x) => x.clone(),
            Span::Date(d) => d.to_string(),
            Span::Link { text, .. } => text.clone(),
        })
        .collect()
}

/// Every piece of text in a document, by section ID: each paragraph, bullet, prompt and
/// tick box ("label: detail") on its own.
fn pieces(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for s in &doc.sections {
        for b in &s.blocks {
            let texts: Vec<String> = match b {
                Block::Paragraph(t) => vec![span_text(t)],
                Block::Bullets(items) => items.iter().map(span_text).collect(),
                Block::Prompt(p) | Block::Blank(p) | Block::Subheading(p) => vec![p.clone()],
                Block::Ticks { options, .. } => options.iter().map(|t| format!("{}: {}", t.label, t.detail)).collect(),
                _ => vec![],
            };
            out.extend(texts.into_iter().map(|t| (s.id.clone(), t)));
        }
    }
    out
}

/// The text without its "[To decide: …]" points: they say what the employer's policy
/// says and that it is below the law, which is what they are for, not a right stated.
fn without_decisions(t: &str) -> String {
    let mut out = String::new();
    let mut rest = t;
    while let Some(i) = rest.find("[To decide:") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find(']').map_or("", |j| &rest[i + j + 1..]);
    }
    out + rest
}

fn number(word: &str) -> Option<u32> {
    const WORDS: [&str; 13] =
        ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    word.parse().ok().or_else(|| WORDS.iter().position(|w| *w == word).map(|i| i as u32))
}

/// Each number written just before `unit` (singular or plural), after `lead` when given:
/// `quantities("up to 5 days a year", Some("up to"), "day")` is `[5]`.
fn quantities(text: &str, lead: Option<&str>, unit: &str) -> Vec<u32> {
    let lower = text.to_lowercase().replace(['.', ',', ';', ':', '(', ')'], " ");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let lead: Vec<&str> = lead.map(|l| l.split_whitespace().collect()).unwrap_or_default();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_end_matches('\'');
        if (w == unit || w.strip_suffix('s') == Some(unit)) && i > lead.len() {
            let at = i - 1;
            if words[at - lead.len()..at] == lead[..] {
                if let Some(n) = number(words[at]) {
                    out.push(n);
                }
            }
        }
    }
    out
}

/// Every statement of a right below `law` in the flexible-working and carer's-leave text.
fn below_law(fw: &[String], cl: &[String], law: &Law) -> Vec<String> {
    let mut found = Vec::new();
    for t in fw.iter().map(|t| without_decisions(t)) {
        for w in quantities(&t, None, "week").into_iter().filter(|&w| w > law.fw_service) {
            found.push(format!("{w} weeks' service for flexible working: {t}"));
        }
        for n in quantities(&t, None, "request").into_iter().filter(|&n| n < law.fw_requests) {
            found.push(format!("{n} requests: {t}"));
        }
        if let Some(most) = law.fw_decision {
            for m in quantities(&t, Some("within"), "month").into_iter().filter(|&m| m > most) {
                found.push(format!("a decision within {m} months: {t}"));
            }
        }
    }
    if law.carers_leave {
        for t in cl.iter().map(|t| without_decisions(t)) {
            for w in quantities(&t, None, "week").into_iter().filter(|&w| w > 0) {
                found.push(format!("{w} weeks' service for carer's leave: {t}"));
            }
            let days = quantities(&t, Some("up to"), "day").into_iter().chain(days_a_year(&t));
            for d in days.filter(|&d| d < 5) {
                found.push(format!("{d} days of carer's leave: {t}"));
            }
            for d in quantities(&t, Some("at least"), "day").into_iter().filter(|&d| d > 3) {
                found.push(format!("{d} days' notice: {t}"));
            }
            let lower = t.to_lowercase();
            if lower.contains("in whole days") || lower.contains("week at a time") {
                found.push(format!("whole days or weeks only: {t}"));
            }
        }
    }
    found
}

/// "5 days a year" (the passport's wording).
fn days_a_year(t: &str) -> Vec<u32> {
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words
        .windows(4)
        .filter(|w| {
            (w[1] == "day" || w[1] == "days") && w[2] == "a" && w[3].trim_end_matches([',', ';', '.']) == "year"
        })
        .filter_map(|w| number(w[0]))
        .collect()
}

/// The passport's statements about the flexible working request and carer's leave: the
/// offers' lines, in every document.
fn passport_text(a: &Assessment, on: NaiveDate) -> (Vec<String>, Vec<String>) {
    let s = Scheme::suggested(a, &[], on);
    let (mut fw, mut cl) = (Vec::new(), Vec::new());
    for part in [Part::Template, Part::Guide, Part::Briefing] {
        for (_, t) in pieces(&document(&s, part)) {
            if t.starts_with("Flexible working request") {
                fw.push(t);
            } else if t.starts_with("Carer's leave") {
                cl.push(t);
            }
        }
    }
    (fw, cl)
}

/// The draft policy's flexible-working and carer's-leave sections.
fn draft_text(n: Nation, p: &PolicyAnswers, on: NaiveDate) -> (Vec<String>, Vec<String>) {
    let findings = check(rules(), p, n, on);
    let doc = draft_policy("Acme", n, p, &findings, on);
    let all = pieces(&doc);
    let of = |id: &str| all.iter().filter(|(s, _)| s == id).map(|(_, t)| t.clone()).collect();
    (of("flexible-working"), of("carers-leave"))
}

fn in_nation(n: Nation, p: PolicyAnswers) -> Assessment {
    let mut a = blank();
    a.organisation.nation = n;
    a.policies = Some(p);
    a
}

#[test]
fn the_passport_states_the_day_one_right_in_wales_whatever_the_policy_says() {
    let mut p = compliant_policy();
    p.flexible_working.service_weeks = Some(26);
    let on = date("2026-11-28");
    let (fw, _) = passport_text(&in_nation(Nation::Wales, p.clone()), on);
    assert!(!fw.is_empty());
    for t in &fw {
        assert!(t.contains("from your first day"), "{t}");
        assert!(!without_decisions(t).contains("26 weeks"), "{t}");
        assert!(
            t.contains("[To decide: your current policy says 26 weeks, which is below the law (FW-GB-DAY-ONE)."),
            "{t}"
        );
    }
    // The draft policy says the same.
    let (draft, _) = draft_text(Nation::Wales, &p, on);
    assert!(draft.iter().any(|t| t.contains("from their first day")), "{draft:?}");
    // In Northern Ireland, and in Wales before 6 April 2024, 26 weeks was the law.
    for (n, on) in [(Nation::NorthernIreland, on), (Nation::Wales, date("2024-04-05"))] {
        let (fw, _) = passport_text(&in_nation(n, p.clone()), on);
        assert!(
            fw.iter().all(|t| t.contains("after 26 weeks of service") && !t.contains("[To decide:")),
            "{n:?} {on}: {fw:?}"
        );
    }
}

#[test]
fn the_passport_states_the_law_for_carers_leave_too() {
    let mut p = compliant_policy();
    p.carers_leave.days_per_year = Some(3);
    p.carers_leave.smallest_unit = Some(LeaveUnit::Week);
    let (_, cl) = passport_text(&in_nation(Nation::Scotland, p.clone()), date("2026-11-28"));
    assert!(!cl.is_empty());
    for t in &cl {
        assert!(t.contains("5 days a year") && t.contains("half days"), "{t}");
        assert!(t.contains("(CL-GB-ONE-WEEK)") && t.contains("(CL-GB-HALF-DAYS)"), "{t}");
    }
    // Northern Ireland has no statutory carer's leave: the employer's own offer stands.
    let (_, cl) = passport_text(&in_nation(Nation::NorthernIreland, p), date("2026-11-28"));
    assert!(cl.iter().all(|t| t.contains("3 days a year") && !t.contains("[To decide:")), "{cl:?}");
}

fn arb_answers() -> impl Strategy<Value = PolicyAnswers> {
    let weeks = prop::option::of(prop_oneof![Just(0u32), Just(26), 0u32..=104]);
    let fw = (weeks.clone(), prop::option::of(0u32..=12), prop::option::of(1u32..=12), prop::option::of(any::<bool>()));
    let cl = (
        prop::option::of(any::<bool>()),
        prop::option::of(0u32..=60),
        prop::option::of(0u32..=60),
        prop::option::of(0usize..4),
        prop::option::of(0u32..=90),
        weeks,
        prop::option::of(0usize..3),
    );
    (fw, cl, prop::option::of(any::<bool>())).prop_map(|((sw, req, dec, arr), cl, time_off)| {
        let mut p = PolicyAnswers::default();
        p.flexible_working.service_weeks = sw;
        p.flexible_working.requests_per_year = req;
        p.flexible_working.decision_months = dec;
        p.flexible_working.arrangements =
            arr.map(|on| if on { [Arrangement::PartTime].into() } else { Default::default() });
        let c = &mut p.carers_leave;
        (c.offered, c.days_per_year, c.paid_days) = (cl.0, cl.1, cl.2);
        c.smallest_unit = cl.3.map(|i| LeaveUnit::ALL[i]);
        (c.notice_days, c.service_weeks) = (cl.4, cl.5);
        c.postponement = cl.6.map(|i| Postponement::ALL[i]);
        p.dependants.time_off = time_off;
        p
    })
}

fn arb_day() -> impl Strategy<Value = NaiveDate> {
    // 2020 to 2030, with the days either side of 6 April 2024 often.
    let start = date("2020-01-01");
    prop_oneof![
        (0u64..4018).prop_map(move |d| start + chrono::Days::new(d)),
        prop_oneof![Just(date("2024-04-05")), Just(date("2024-04-06"))],
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 300,
        rng_seed: RngSeed::Fixed(16),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_passport_document_or_draft_policy_states_a_right_below_the_law(
        p in arb_answers(),
        n in prop::sample::select(Nation::ALL),
        on in arb_day(),
    ) {
        let law = law(n, on);
        let (fw, cl) = passport_text(&in_nation(n, p.clone()), on);
        let found = below_law(&fw, &cl, &law);
        prop_assert!(found.is_empty(), "passport, {n:?} on {on}, {law:?}: {found:#?}");
        let (fw, cl) = draft_text(n, &p, on);
        let found = below_law(&fw, &cl, &law);
        prop_assert!(found.is_empty(), "draft policy, {n:?} on {on}, {law:?}: {found:#?}");
    }
}

#[test]
fn the_scanner_finds_what_it_looks_for() {
    let law = law(Nation::Wales, date("2026-11-28"));
    let fw = vec!["Flexible working request: Ask; after 26 weeks of service; up to 1 request in any 12 months; decided within 3 months.".to_string()];
    let cl = vec![
        "Carer's leave: 3 days a year; can be taken in whole days".to_string(),
        "You can take up to four days in any 12 months. Please give at least seven days' notice for a day's leave."
            .to_string(),
    ];
    assert_eq!(below_law(&fw, &cl, &law).len(), 7, "{:#?}", below_law(&fw, &cl, &law));
    let ok = vec!["Flexible working request: from your first day [To decide: your current policy says 26 weeks, which is below the law (FW-GB-DAY-ONE).]; up to 2 requests in any 12 months".to_string()];
    assert_eq!(below_law(&ok, &[], &law), Vec::<String>::new());
}

#[test]
fn a_stored_passport_is_brought_up_to_the_law_before_it_is_shown_or_printed() {
    use carer_benchmark::domain::passport::{current_scheme, passport_scheme, set_passport};
    let mut p = compliant_policy();
    p.flexible_working.service_weeks = Some(26);
    let mut a = in_nation(Nation::Wales, p);
    // Set up before 6 April 2024, when 26 weeks was the law in Wales; the phone offer edited.
    let mut s = Scheme::suggested(&a, &[], date("2024-04-05"));
    s.support.iter_mut().find(|o| o.id == "phone_access").unwrap().detail = "Our own words".into();
    set_passport(&mut a, &s);
    let stored = passport_scheme(&a).unwrap();
    let detail = |s: &Scheme, id: &str| s.support.iter().find(|o| o.id == id).unwrap().detail.clone();
    assert!(detail(&stored, "flexible_working").contains("after 26 weeks of service"));
    let now = current_scheme(&a, &[], date("2026-11-28"));
    let fw = detail(&now, "flexible_working");
    assert!(fw.contains("from your first day") && fw.contains("(FW-GB-DAY-ONE)"), "{fw}");
    assert_eq!(detail(&now, "phone_access"), "Our own words", "the employer's edits are kept");
    let (fw, cl) = (vec![format!("Flexible working request: {fw}")], vec![]);
    assert_eq!(below_law(&fw, &cl, &law(Nation::Wales, date("2026-11-28"))), Vec::<String>::new());
}

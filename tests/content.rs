//! The content files are reviewed like code; these tests hold them to the rules.
#![cfg(not(target_arch = "wasm32"))]

use carer_benchmark::domain::content::{framework, Area};
use carer_benchmark::domain::statistics::statistics;
use std::collections::HashSet;

const DESIGN_IDS: [(&str, u8); 15] = [
    ("L1.1", 1),
    ("L1.2", 1),
    ("L1.3", 1),
    ("L2.1", 2),
    ("L2.2", 2),
    ("L2.3", 2),
    ("L2.4", 2),
    ("L2.5", 2),
    ("L2.6", 2),
    ("L3.1", 3),
    ("L3.2", 3),
    ("L3.3", 3),
    ("L3.4", 3),
    ("L3.5", 3),
    ("L3.6", 3),
];

#[test]
fn the_fifteen_criteria_have_the_stable_ids_and_levels_of_the_design() {
    let got: Vec<(&str, u8)> = framework().criteria.iter().map(|c| (c.id, c.level)).collect();
    assert_eq!(got, DESIGN_IDS);
}

#[test]
fn ids_are_well_formed_and_unique() {
    let mut seen = HashSet::new();
    for c in framework().criteria {
        assert!(seen.insert(c.id), "duplicate {}", c.id);
        for (n, i) in c.indicators.iter().enumerate() {
            let letter = (b'a' + n as u8) as char;
            assert_eq!(i.id, format!("{}.{letter}", c.id), "indicators are lettered in order");
            assert!(seen.insert(i.id), "duplicate {}", i.id);
            for (k, a) in i.actions.iter().enumerate() {
                assert_eq!(a.id, format!("{}-{}", i.id, k + 1));
                assert!(seen.insert(a.id), "duplicate {}", a.id);
            }
        }
    }
}

#[test]
fn every_criterion_has_three_to_five_complete_indicators() {
    for c in framework().criteria {
        assert!((3..=5).contains(&c.indicators.len()), "{} has {} indicators", c.id, c.indicators.len());
        assert!(!c.title.trim().is_empty() && c.title.len() <= 40, "{} title", c.id);
        assert!(!c.statement.trim().is_empty(), "{} statement", c.id);
        for i in c.indicators {
            assert!(i.question.trim().ends_with('?'), "{} should ask a question", i.id);
            assert!(!i.guidance.trim().is_empty(), "{} has no guidance", i.id);
            assert!((2..=4).contains(&i.evidence.len()), "{} needs 2-4 evidence examples", i.id);
            assert!(i.evidence.iter().all(|e| !e.trim().is_empty()), "{} has a blank evidence example", i.id);
            assert!(!i.actions.is_empty(), "{} has no action", i.id);
            for a in i.actions {
                assert!(!a.title.trim().is_empty() && !a.success.trim().is_empty(), "{} is incomplete", a.id);
            }
        }
    }
}

#[test]
fn every_area_is_used() {
    let used: HashSet<Area> = framework().criteria.iter().map(|c| c.area).collect();
    for &a in Area::ALL {
        assert!(used.contains(&a), "{} has no criteria", a.id());
    }
}

#[test]
fn content_uses_uk_spelling() {
    let mut text = String::new();
    for c in framework().criteria {
        text += &format!("{} {} ", c.title, c.statement);
        for i in c.indicators {
            text += &format!("{} {} {} ", i.question, i.guidance, i.evidence.join(" "));
            for a in i.actions {
                text += &format!("{} {} ", a.title, a.success);
            }
        }
    }
    let text = text.to_lowercase();
    for us in ["organization", "recognize", "program ", "behavior", "color "] {
        assert!(!text.contains(us), "US spelling {us:?} in content");
    }
}

#[test]
fn statistics_have_sources_and_point_at_real_indicators() {
    let stats = statistics();
    assert!(stats.iter().any(|s| s.id == "workforce-carers"), "the home page shows the 1 in 7 figure");
    let mut ids = HashSet::new();
    for s in stats {
        assert!(ids.insert(&s.id), "duplicate statistic {}", s.id);
        assert!(!s.source.trim().is_empty(), "{} has no source", s.id);
        let date_ok = s.published == "unknown"
            || chrono::NaiveDate::parse_from_str(&format!("{}-01", s.published), "%Y-%m-%d").is_ok()
            || chrono::NaiveDate::parse_from_str(&format!("{}-01-01", s.published), "%Y-%m-%d").is_ok();
        assert!(date_ok, "{} published {:?}", s.id, s.published);
        assert_eq!(s.percent.is_some(), s.indicator.is_some(), "{}: percent and indicator go together", s.id);
        if let Some(ind) = s.indicator {
            assert!(framework().indicator(ind).is_some(), "{} points at unknown {}", s.id, ind);
            assert!(s.percent.unwrap() <= 100);
        }
    }
}

#[test]
fn the_json_the_browser_loads_is_exactly_the_compiled_in_content() {
    let parsed =
        carer_benchmark::domain::content::parse_json(carer_benchmark::domain::content::FRAMEWORK_JSON).unwrap();
    assert_eq!(&parsed, framework());
}

#[test]
fn damaged_content_json_is_refused_with_the_place_named() {
    use carer_benchmark::domain::content::{parse_json, FRAMEWORK_JSON};
    let broken = FRAMEWORK_JSON.replacen("\"question\":", "\"questio\":", 1);
    assert_eq!(
        parse_json(&broken).unwrap_err(),
        "criteria.json: criteria[0].indicators[0].question is missing or not text"
    );
    let wrong_owner = FRAMEWORK_JSON.replacen("\"owner\":\"leadership\"", "\"owner\":\"board\"", 1);
    assert!(parse_json(&wrong_owner).unwrap_err().ends_with(".owner is board"));
    assert!(parse_json("{").unwrap_err().starts_with("criteria.json: "));
}

#[test]
fn compiled_in_criterion_titles_match_the_criteria() {
    use carer_benchmark::domain::content::criterion_title;
    for c in framework().criteria {
        assert_eq!(criterion_title(c.id), Some(c.title), "{}", c.id);
    }
    assert_eq!(criterion_title("L9.9"), None);
}

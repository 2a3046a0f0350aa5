//! Scoring rules at their edges, and properties over random assessments.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use carer_benchmark::domain::content::framework;
use carer_benchmark::domain::model::{Answer, Assessment, Nation};
use carer_benchmark::domain::scoring::{score, CriterionStatus, LevelStatus, Points, Shortfall};
use common::*;
use proptest::prelude::*;

#[test]
fn blank_assessment_scores_zero_and_no_level_is_ready() {
    let s = score(framework(), &blank(), day());
    assert_eq!(s.overall.earned, 0);
    assert_eq!(s.overall.available, 2 * framework().indicators().count() as u32);
    assert!(s.criteria.iter().all(|c| c.status == CriterionStatus::NotMet));
    assert!(s.levels.iter().all(|l| l.status == LevelStatus::NotYet));
    assert_eq!(s.ready_level(), None);
}

#[test]
fn all_yes_with_evidence_at_level_one_makes_level_one_ready_and_only_it() {
    let s = score(framework(), &all_yes_up_to(1), day());
    assert_eq!(s.level(1).unwrap().status, LevelStatus::Ready);
    assert_eq!(s.level(2).unwrap().status, LevelStatus::NotYet);
    assert_eq!(s.ready_level(), Some(1));
    assert!(s.level(2).unwrap().missing.iter().all(|id| id.starts_with("L2.")));
}

#[test]
fn yes_without_evidence_is_partly_met_not_met() {
    let mut a = all_yes_up_to(1);
    let first = &framework().criteria[0].indicators[0].id;
    a.set_evidence(first, "   ", t0());
    let s = score(framework(), &a, day());
    let c = s.criterion("L1.1").unwrap();
    assert_eq!(c.status, CriterionStatus::Partly);
    assert_eq!(c.shortfalls, vec![Shortfall::NoEvidence { indicator: first.to_string() }]);
    assert_eq!(s.level(1).unwrap().status, LevelStatus::OnTrack, "every L1 criterion at least partly met");
    // Evidence does not change points: the score stays full.
    assert_eq!(c.points.earned, c.points.available);
}

#[test]
fn one_partly_blocks_the_level_and_all_levels_above() {
    let mut a = all_yes_up_to(3);
    assert_eq!(score(framework(), &a, day()).ready_level(), Some(3));
    a.set_answer("L1.2.a", Answer::Partly, t0());
    let s = score(framework(), &a, day());
    assert_eq!(s.criterion("L1.2").unwrap().status, CriterionStatus::Partly);
    for level in 1..=3 {
        assert_eq!(s.level(level).unwrap().status, LevelStatus::OnTrack, "level {level}");
        assert_eq!(s.level(level).unwrap().missing, vec!["L1.2".to_string()]);
    }
    assert_eq!(s.ready_level(), None);
}

#[test]
fn a_criterion_with_only_no_answers_is_not_met_and_level_is_not_yet() {
    let mut a = all_yes_up_to(1);
    for i in framework().criterion("L1.3").unwrap().indicators {
        a.set_answer(i.id, Answer::No, t0());
    }
    let s = score(framework(), &a, day());
    assert_eq!(s.criterion("L1.3").unwrap().status, CriterionStatus::NotMet);
    assert_eq!(s.level(1).unwrap().status, LevelStatus::NotYet);
}

#[test]
fn a_single_partly_makes_a_criterion_partly_met() {
    let mut a = blank();
    a.set_answer("L2.4.a", Answer::Partly, t0());
    let s = score(framework(), &a, day());
    assert_eq!(s.criterion("L2.4").unwrap().status, CriterionStatus::Partly);
    assert_eq!(s.criterion("L2.4").unwrap().points.earned, 1);
    assert_eq!(s.overall.earned, 1);
}

#[test]
fn level_two_cannot_be_ready_while_level_one_is_not() {
    let mut a = all_yes_up_to(2);
    for i in framework().criterion("L1.1").unwrap().indicators {
        a.answers.remove(i.id);
    }
    let s = score(framework(), &a, day());
    assert!(s.level(2).unwrap().missing.contains(&"L1.1".to_string()));
    assert_ne!(s.level(2).unwrap().status, LevelStatus::Ready);
    // Level 2's own criteria are all met; it is the level below that holds it back.
    assert_eq!(s.level(2).unwrap().met, s.level(2).unwrap().total);
}

#[test]
fn percentages_round_half_up_and_area_points_add_up_to_overall() {
    assert_eq!(Points { earned: 1, available: 8 }.percent(), 13); // 12.5
    assert_eq!(Points { earned: 1, available: 3 }.percent(), 33);
    assert_eq!(Points { earned: 2, available: 3 }.percent(), 67);
    assert_eq!(Points { earned: 0, available: 0 }.percent(), 0);
    assert_eq!(Points { earned: 8, available: 8 }.percent(), 100);
    let s = score(framework(), &all_yes_up_to(1), day());
    let sum: u32 = s.areas.iter().map(|a| a.points.earned).sum();
    let avail: u32 = s.areas.iter().map(|a| a.points.available).sum();
    assert_eq!((sum, avail), (s.overall.earned, s.overall.available));
    let crit_sum: u32 = s.criteria.iter().map(|c| c.points.earned).sum();
    assert_eq!(crit_sum, s.overall.earned, "every point traces to a criterion");
}

#[test]
fn a_policy_breach_stops_legal_rights_being_met_without_changing_points() {
    let mut a = all_yes_up_to(1);
    let mut p = compliant_policy();
    a.policies = Some(p.clone());
    let before = score(framework(), &a, day());
    assert_eq!(before.criterion("L1.2").unwrap().status, CriterionStatus::Met);
    assert_eq!(before.ready_level(), Some(1));

    p.flexible_working.service_weeks = Some(26);
    p.carers_leave.evidence_required = Some(true);
    a.policies = Some(p);
    let s = score(framework(), &a, day());
    let c = s.criterion("L1.2").unwrap();
    assert_eq!(c.status, CriterionStatus::Partly, "answered yes with evidence, but the policy breaches the law");
    assert_eq!(
        c.shortfalls,
        vec![
            Shortfall::PolicyBreach { indicator: "L1.2.a".into(), rule: "FW-GB-DAY-ONE".into() },
            Shortfall::PolicyBreach { indicator: "L1.2.b".into(), rule: "CL-GB-NO-EVIDENCE".into() },
        ]
    );
    assert_eq!(c.shortfalls[0].indicator(), "L1.2.a");
    assert_eq!(s.level(1).unwrap().status, LevelStatus::OnTrack);
    assert_eq!(s.level(1).unwrap().missing, vec!["L1.2".to_string()]);
    assert_eq!(s.overall, before.overall, "a breach changes no points");
    assert!(s.criteria.iter().filter(|c| c.id != "L1.2").all(|c| c.status == before.criterion(&c.id).unwrap().status));

    // The day before both rights began, the same policy was lawful.
    assert_eq!(score(framework(), &a, date("2024-04-05")).criterion("L1.2").unwrap().status, CriterionStatus::Met);
    // In Northern Ireland, 26 weeks' service is the law and there is no statutory carer's leave.
    a.organisation.nation = Nation::NorthernIreland;
    assert_eq!(score(framework(), &a, day()).criterion("L1.2").unwrap().status, CriterionStatus::Met);
}

#[test]
fn without_policy_answers_scoring_does_not_depend_on_the_date() {
    let a = all_yes_up_to(3);
    assert_eq!(score(framework(), &a, date("2000-01-01")), score(framework(), &a, date("2099-12-31")));
}

/// A random assessment: each indicator unanswered or answered, with or without evidence.
fn arb_assessment() -> impl Strategy<Value = Assessment> {
    let n = framework().indicators().count();
    prop::collection::vec((0u8..4, any::<bool>()), n).prop_map(|cells| {
        let mut a = blank();
        for (ind, (ans, ev)) in framework().indicators().zip(cells) {
            if let Some(answer) = [None, Some(Answer::No), Some(Answer::Partly), Some(Answer::Yes)][ans as usize] {
                a.set_answer(ind.id, answer, t0());
                if ev {
                    a.set_evidence(ind.id, "evidence", t0());
                }
            }
        }
        a
    })
}

proptest! {
    #[test]
    fn raising_any_answer_never_lowers_any_score_or_readiness(a in arb_assessment(), pick in any::<prop::sample::Index>(), add_evidence in any::<bool>()) {
        let ids: Vec<&str> = framework().indicators().map(|i| i.id).collect();
        let id = &ids[pick.index(ids.len())];
        let mut raised = a.clone();
        let next = match a.answer(id).map(|x| x.answer) {
            None => Answer::No,
            Some(Answer::No) => Answer::Partly,
            Some(_) => Answer::Yes,
        };
        raised.set_answer(id, next, t0());
        if add_evidence {
            raised.set_evidence(id, "new evidence", t0());
        }
        let (before, after) = (score(framework(), &a, day()), score(framework(), &raised, day()));
        prop_assert!(after.overall.earned >= before.overall.earned);
        for (b, r) in before.criteria.iter().zip(&after.criteria) {
            prop_assert!(r.status >= b.status, "{} fell from {:?} to {:?}", b.id, b.status, r.status);
            prop_assert!(r.points.earned >= b.points.earned);
        }
        for (b, r) in before.areas.iter().zip(&after.areas) {
            prop_assert!(r.percent >= b.percent);
        }
        for (b, r) in before.levels.iter().zip(&after.levels) {
            prop_assert!(r.status >= b.status, "level {} fell", b.level);
        }
    }

    #[test]
    fn readiness_is_cumulative(a in arb_assessment()) {
        let s = score(framework(), &a, day());
        for pair in s.levels.windows(2) {
            if pair[1].status == LevelStatus::Ready {
                prop_assert_eq!(pair[0].status, LevelStatus::Ready);
            }
        }
    }
}

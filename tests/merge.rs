//! Two tabs editing one library: the three-way merge keeps both tabs' work.

mod common;

use carer_benchmark::domain::library::Library;
use carer_benchmark::domain::merge::{merge, Part, Replaced};
use carer_benchmark::domain::model::Answer;
use chrono::Duration;
use common::*;

/// A library holding one blank assessment, and its ID.
fn one() -> (Library, String) {
    let mut lib = Library::default();
    let id = lib.add(blank(), t0());
    (lib, id)
}

fn later(minutes: i64) -> chrono::DateTime<chrono::Utc> {
    t0() + Duration::minutes(minutes)
}

#[test]
fn edits_to_different_answers_in_two_tabs_are_both_kept() {
    let (base, id) = one();
    let (mut a, mut b) = (base.clone(), base.clone());
    a.get_mut(&id).unwrap().set_answer("L1.1.a", Answer::Yes, later(1));
    a.get_mut(&id).unwrap().set_evidence("L1.1.a", "Leave Policy v3, section 5", later(1));
    b.get_mut(&id).unwrap().set_answer("L1.1.b", Answer::No, later(2));
    // Tab A stored first; tab B merges before it writes.
    let merged = merge(&base, &b, &a);
    let m = merged.library.get(&id).unwrap();
    assert_eq!(m.answer("L1.1.a").unwrap().evidence, "Leave Policy v3, section 5");
    assert_eq!(m.answer("L1.1.b").unwrap().answer, Answer::No);
    assert_eq!(merged.replaced, vec![]);
    // And the other way round gives the same answers.
    let other = merge(&base, &a, &b);
    assert_eq!(other.library.get(&id).unwrap().answers, m.answers);
}

#[test]
fn the_later_change_to_the_same_answer_wins_and_the_loser_is_told() {
    let (base, id) = one();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.get_mut(&id).unwrap().set_answer("L1.1.a", Answer::Partly, later(1));
    theirs.get_mut(&id).unwrap().set_answer("L1.1.a", Answer::Yes, later(2));
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(merged.library.get(&id).unwrap().answer("L1.1.a").unwrap().answer, Answer::Yes);
    assert_eq!(
        merged.replaced,
        vec![Replaced { organisation: "Acme Care Ltd".into(), part: Part::Answer("L1.1.a".into()) }]
    );
    // When ours is the later one, it stays and there is nothing to tell.
    let merged = merge(&base, &theirs, &mine);
    assert_eq!(merged.library.get(&id).unwrap().answer("L1.1.a").unwrap().answer, Answer::Yes);
    assert_eq!(merged.replaced, vec![]);
}

#[test]
fn a_deletion_in_one_tab_is_not_undone_by_the_others_edit() {
    let (base, id) = one();
    let mut deleted = base.clone();
    deleted.delete(&id);
    let mut edited = base.clone();
    edited.get_mut(&id).unwrap().set_answer("L1.1.a", Answer::Yes, later(1));
    assert!(merge(&base, &edited, &deleted).library.get(&id).is_none());
    assert!(merge(&base, &deleted, &edited).library.get(&id).is_none());
}

#[test]
fn assessments_created_in_two_tabs_are_both_kept() {
    let (base, first) = one();
    let (mut a, mut b) = (base.clone(), base.clone());
    let in_a = a.add(blank(), later(1));
    let in_b = b.add(blank(), later(2));
    let merged = merge(&base, &b, &a).library;
    let ids: Vec<&str> = merged.assessments.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, [first.as_str(), in_a.as_str(), in_b.as_str()]);
}

#[test]
fn a_part_changed_in_one_tab_only_is_taken_from_that_tab() {
    let (base, id) = one();
    let mut theirs = base.clone();
    theirs.rename(&id, "Acme Care Group", later(1));
    let mut mine = base.clone();
    mine.get_mut(&id).unwrap().policies = Some(compliant_policy());
    mine.get_mut(&id).unwrap().updated = later(2);
    let merged = merge(&base, &mine, &theirs);
    let m = merged.library.get(&id).unwrap();
    assert_eq!(m.organisation.name, "Acme Care Group");
    assert_eq!(m.policies, Some(compliant_policy()));
    assert_eq!(m.updated, later(2));
    assert_eq!(merged.replaced, vec![]);
}

#[test]
fn nothing_changed_anywhere_is_the_same_library() {
    let (base, _) = one();
    let merged = merge(&base, &base, &base);
    assert_eq!(merged.library, base);
    assert!(merged.replaced.is_empty());
}

#[test]
fn changed_lists_each_part_that_differs() {
    use carer_benchmark::domain::merge::changed;
    let (before, id) = one();
    let mut after = before.clone();
    after.get_mut(&id).unwrap().set_answer("L1.1.a", Answer::Yes, later(1));
    after.rename(&id, "Acme Care Group", later(1));
    after.add(blank(), later(2));
    assert_eq!(changed(&before, &after), vec![(id.clone(), Part::Organisation), (id, Part::Answer("L1.1.a".into()))]);
    assert_eq!(changed(&before, &before), vec![]);
}

#[test]
fn a_tab_is_told_when_its_stored_answer_is_replaced_by_a_later_one() {
    use carer_benchmark::domain::merge::{merge_tabs, Tabs};
    let (received, id) = one();
    // This tab answered and stored Partly; then the other tab stored Yes.
    let mut base = received.clone();
    base.get_mut(&id).unwrap().set_answer("L1.1.c", Answer::Partly, later(1));
    let mut theirs = base.clone();
    theirs.get_mut(&id).unwrap().set_answer("L1.1.c", Answer::Yes, later(2));
    let tabs = Tabs { received: received.clone(), base: base.clone(), ours: base.clone(), theirs };
    let merged = merge_tabs(&tabs);
    assert_eq!(merged.library.get(&id).unwrap().answer("L1.1.c").unwrap().answer, Answer::Yes);
    assert_eq!(
        merged.replaced,
        vec![Replaced { organisation: "Acme Care Ltd".into(), part: Part::Answer("L1.1.c".into()) }]
    );
    // An answer this tab did not write is not "yours" when it changes elsewhere.
    let tabs = Tabs { received: base.clone(), ..tabs };
    assert_eq!(merge_tabs(&tabs).replaced, vec![]);
}

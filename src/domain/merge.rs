//! Two tabs, one library. When another tab has stored the library since this tab last
//! read or wrote it, the two are merged three ways: `base` (what this tab last read or
//! wrote), `ours` (what it holds now) and `theirs` (what storage holds now). An edit
//! made in only one tab is kept; edits to different answers in two tabs are both kept;
//! an assessment deleted in one tab stays deleted, and one created in either tab stays.
//! When both tabs changed the same thing, the later change wins, and when that was the
//! other tab's, [`Merged::replaced`] says what of ours was replaced, so the user is told.

use super::library::{Library, Saved};
use super::model::Assessment;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub library: Library,
    pub replaced: Vec<Replaced>,
}

/// Something this tab had changed that a later change in another tab replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replaced {
    /// The organisation's name, as the merged library has it.
    pub organisation: String,
    pub part: Part,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// The answer (and note) to an indicator, by its ID.
    Answer(String),
    Organisation,
    Policies,
    Plan,
    Passport,
}

/// Merges `ours` and `theirs`, both changed from `base` (see the module's description).
/// The order is theirs, then assessments created here.
pub fn merge(base: &Library, ours: &Library, theirs: &Library) -> Merged {
    let mut replaced = Vec::new();
    let mut assessments = Vec::new();
    let ids = theirs.assessments.iter().chain(&ours.assessments).map(|s| s.id.as_str());
    let mut seen = BTreeSet::new();
    for id in ids.filter(|id| seen.insert(*id)) {
        let (b, o, t) = (base.get(id), ours.get(id), theirs.get(id));
        let kept = match (o, t) {
            (Some(o), Some(t)) => Some(merge_assessment(b, o, t, &mut replaced)),
            // Deleted in the other tab (it was in base), or created here: keep only the latter.
            (Some(o), None) => b.is_none().then(|| o.clone()),
            // Deleted here, or created in the other tab.
            (None, Some(t)) => b.is_none().then(|| t.clone()),
            (None, None) => None,
        };
        if let Some(assessment) = kept {
            assessments.push(Saved { id: id.to_string(), assessment });
        }
    }
    Merged { library: Library { assessments }, replaced }
}

/// Three-way choice of one part: the side that changed it, or, when both did, the later
/// one (theirs on a tie, since it is already stored). Returns the value and whether a
/// change of ours was replaced.
fn pick<T: Clone + PartialEq>(base: Option<&T>, ours: &T, theirs: &T, ours_is_later: bool) -> (T, bool) {
    if ours == theirs || base == Some(theirs) {
        (ours.clone(), false)
    } else if base == Some(ours) || !ours_is_later {
        (theirs.clone(), base != Some(ours))
    } else {
        (ours.clone(), false)
    }
}

fn merge_assessment(
    base: Option<&Assessment>,
    ours: &Assessment,
    theirs: &Assessment,
    replaced: &mut Vec<Replaced>,
) -> Assessment {
    if ours == theirs {
        return ours.clone();
    }
    let later = ours.updated > theirs.updated;
    let mut lost = Vec::new();
    let mut part = |p: Part, lost_it: bool| {
        if lost_it {
            lost.push(p);
        }
    };
    let (organisation, l) = pick(base.map(|b| &b.organisation), &ours.organisation, &theirs.organisation, later);
    part(Part::Organisation, l);
    let (policies, l) = pick(base.map(|b| &b.policies), &ours.policies, &theirs.policies, later);
    part(Part::Policies, l);
    let (plan, l) = pick(base.map(|b| &b.plan), &ours.plan, &theirs.plan, later);
    part(Part::Plan, l);
    let (passport, l) = pick(base.map(|b| &b.passport), &ours.passport, &theirs.passport, later);
    part(Part::Passport, l);

    let mut answers = theirs.answers.clone();
    let indicators: BTreeSet<&String> = ours.answers.keys().chain(theirs.answers.keys()).collect();
    for id in indicators {
        let (o, t) = (ours.answers.get(id), theirs.answers.get(id));
        let b = base.map(|b| b.answers.get(id));
        // Each answer carries the time it changed: the later of two changes wins.
        let ours_is_later = match (o, t) {
            (Some(o), Some(t)) => o.changed > t.changed,
            (Some(_), None) => true,
            _ => false,
        };
        let (chosen, l) = pick(b.as_ref(), &o, &t, ours_is_later);
        part(Part::Answer(id.clone()), l);
        match chosen {
            Some(a) => answers.insert(id.clone(), a.clone()),
            None => answers.remove(id),
        };
    }
    replaced.extend(lost.into_iter().map(|part| Replaced { organisation: organisation.name.clone(), part }));
    Assessment {
        organisation,
        created: ours.created.min(theirs.created),
        updated: ours.updated.max(theirs.updated),
        answers,
        policies,
        plan,
        passport,
    }
}

/// What changed from `before` to `after`, by assessment ID and part (assessments added
/// or deleted are not listed): for a tab to know which of its own edits another tab's
/// later change replaced.
pub fn changed(before: &Library, after: &Library) -> Vec<(String, Part)> {
    let mut out = Vec::new();
    for saved in &after.assessments {
        let Some(b) = before.get(&saved.id) else { continue };
        let a = &saved.assessment;
        let id = || saved.id.clone();
        if a.organisation != b.organisation {
            out.push((id(), Part::Organisation));
        }
        if a.policies != b.policies {
            out.push((id(), Part::Policies));
        }
        if a.plan != b.plan {
            out.push((id(), Part::Plan));
        }
        if a.passport != b.passport {
            out.push((id(), Part::Passport));
        }
        let indicators: BTreeSet<&String> = a.answers.keys().chain(b.answers.keys()).collect();
        for i in indicators.into_iter().filter(|i| a.answers.get(*i) != b.answers.get(*i)) {
            out.push((id(), Part::Answer(i.clone())));
        }
    }
    out
}

/// What a tab merges when another tab has stored the library: `received`, what it last
/// took from storage that another tab wrote (or loaded); `base`, what storage held after
/// this tab's last write or merge; `ours`, what it holds now; `theirs`, what storage
/// holds now.
pub struct Tabs {
    pub received: Library,
    pub base: Library,
    pub ours: Library,
    pub theirs: Library,
}

/// [`merge`], and also told as replaced: the parts this tab had changed and already
/// stored (from `received` to `base`) that the other tab's later change replaced.
pub fn merge_tabs(tabs: &Tabs) -> Merged {
    let mut merged = merge(&tabs.base, &tabs.ours, &tabs.theirs);
    let written_here = changed(&tabs.received, &tabs.base);
    for (id, part) in changed(&tabs.base, &tabs.theirs) {
        if !written_here.contains(&(id.clone(), part.clone())) {
            continue;
        }
        let organisation = tabs.theirs.get(&id).map(|a| a.organisation.name.clone()).unwrap_or_default();
        let replaced = Replaced { organisation, part };
        if !merged.replaced.contains(&replaced) {
            merged.replaced.push(replaced);
        }
    }
    merged
}

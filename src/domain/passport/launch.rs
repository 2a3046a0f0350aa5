//! The passport's launch tasks for the action plan, and the indicators a scheme is
//! evidence for.

use super::*;

/// An action for the plan that launches the scheme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LaunchTask {
    /// Stable: `passport:consult`, `passport:first-review`, …
    pub id: &'static str,
    pub title: String,
    pub why: String,
    pub owner: Owner,
    pub priority: Priority,
    /// Days after the plan's start date.
    pub due_in_days: u32,
    /// How the employer will know it worked.
    pub success: String,
}

/// The tasks that launch the scheme, in the content's order. The first review falls one
/// review cycle after the scheme is published.
pub fn launch_tasks(s: &Scheme) -> Vec<LaunchTask> {
    let cycle_days = s.review.months.clamp(1, 24) * 365 / 12;
    content()
        .tasks
        .iter()
        .filter(|t| match t.when {
            TaskWhen::Always => true,
            TaskWhen::NoHrContact => !s.has_contact("hr"),
            TaskWhen::NoNetworkContact => !s.has_contact("network"),
        })
        .map(|t| LaunchTask {
            id: t.id,
            title: fill(t.title, s),
            why: fill(t.why, s),
            owner: t.owner,
            priority: t.priority,
            due_in_days: t.due_in_days + if t.after_review { cycle_days } else { 0 },
            success: fill(t.success, s),
        })
        .collect()
}

/// An indicator the scheme is evidence for, with a note to show beside it. A
/// suggestion only: scoring never uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub indicator: &'static str,
    pub note: String,
}

/// The indicators this scheme evidences, in the content's order (the mapping is in
/// `passport.toml`, checked against criteria.toml when building).
pub fn evidenced_indicators(s: &Scheme) -> Vec<Evidence> {
    content()
        .evidence
        .iter()
        .filter(|e| match e.when {
            EvidenceWhen::Always => true,
            EvidenceWhen::HrContact => s.has_contact("hr"),
            EvidenceWhen::NetworkOrHrContact => s.has_contact("hr") || s.has_contact("network"),
            EvidenceWhen::OutsideHelp => s.has_contact("local_service") || s.has_contact("national"),
            EvidenceWhen::YearlyReview => (1..=12).contains(&s.review.months),
            EvidenceWhen::AnyOffer(ids) => s.offers_on().any(|o| ids.contains(&o.id.as_str())),
        })
        .map(|e| Evidence { indicator: e.indicator, note: fill(e.note, s) })
        .collect()
}

/// The scheme's launch tasks as seeds for the action plan (`task:passport:…`), all open
/// while the scheme exists; none without one. A task that stops applying (an HR contact
/// is added, say) drops out, and the plan keeps it as resolved if it was shown.
pub fn plan_seeds(a: &Assessment) -> Vec<Seed> {
    let Some(s) = passport_scheme(a) else { return Vec::new() };
    launch_tasks(&s)
        .into_iter()
        .map(|t| Seed {
            id: t.id.to_string(),
            title: t.title,
            why: t.why,
            owner: plan::owner_label(t.owner).to_string(),
            priority: t.priority,
            due_in_days: t.due_in_days,
            success: t.success,
            open: true,
        })
        .collect()
}

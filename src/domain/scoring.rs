//! Every scoring rule lives here (documented in the README, "How scoring works").
//!
//! - Each indicator earns points: no 0, partly 1, yes 2, out of 2. Unanswered earns 0.
//! - A criterion is **met** when every indicator is `yes` with evidence recorded,
//!   **partly met** when any indicator is `partly` or `yes`, else **not met**.
//! - A level is **ready to apply** when every criterion of that level and of every
//!   level below it is met; **on track** when none of them is not met; else **not yet**.
//! - Area and overall scores are points earned over points available, as percentages
//!   rounded to the nearest whole number (halves up).
//! - A breach found by the policy checker (on the check date, for the organisation's
//!   nation) stops criterion L1.2 (legal rights) being met, whatever its answers. It
//!   changes no points.
//!
//! The result carries the points and the reasons behind every number, so the UI and
//! the command line can show where each figure comes from.

use super::content::{Area, Framework};
use super::model::{Answer, Assessment};
use super::policy;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CriterionStatus {
    NotMet,
    Partly,
    Met,
}

impl CriterionStatus {
    pub fn id(self) -> &'static str {
        match self {
            CriterionStatus::NotMet => "not_met",
            CriterionStatus::Partly => "partly",
            CriterionStatus::Met => "met",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelStatus {
    NotYet,
    OnTrack,
    Ready,
}

/// Why a criterion is not met: one entry per indicator that falls short, then one per
/// policy breach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Shortfall {
    Unanswered {
        indicator: String,
    },
    NotYes {
        indicator: String,
        answer: Answer,
    },
    NoEvidence {
        indicator: String,
    },
    /// The policy checker found a breach of this rule; `indicator` is the one it feeds.
    PolicyBreach {
        indicator: String,
        rule: String,
    },
}

impl Shortfall {
    pub fn indicator(&self) -> &str {
        match self {
            Shortfall::Unanswered { indicator }
            | Shortfall::NotYes { indicator, .. }
            | Shortfall::NoEvidence { indicator }
            | Shortfall::PolicyBreach { indicator, .. } => indicator,
        }
    }
}

/// Points earned over points available.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Points {
    pub earned: u32,
    pub available: u32,
}

impl Points {
    /// Whole-number percentage, halves rounded up; 0 when nothing is available.
    pub fn percent(self) -> u32 {
        if self.available == 0 {
            0
        } else {
            (self.earned * 200 + self.available) / (self.available * 2)
        }
    }

    fn add(&mut self, other: Points) {
        self.earned += other.earned;
        self.available += other.available;
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionScore {
    pub id: String,
    pub level: u8,
    pub area: Area,
    pub status: CriterionStatus,
    pub points: Points,
    pub answered: usize,
    pub indicators: usize,
    pub shortfalls: Vec<Shortfall>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelScore {
    pub level: u8,
    pub status: LevelStatus,
    /// Criteria of this level that are met, out of the level's criteria.
    pub met: usize,
    pub total: usize,
    /// Criteria of this level and the levels below that are not yet met.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaScore {
    pub area: Area,
    pub points: Points,
    pub percent: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub criteria: Vec<CriterionScore>,
    pub levels: Vec<LevelScore>,
    pub areas: Vec<AreaScore>,
    pub overall: Points,
}

impl Score {
    pub fn criterion(&self, id: &str) -> Option<&CriterionScore> {
        self.criteria.iter().find(|c| c.id == id)
    }

    pub fn level(&self, level: u8) -> Option<&LevelScore> {
        self.levels.iter().find(|l| l.level == level)
    }

    /// The highest level that is ready to apply, if any.
    pub fn ready_level(&self) -> Option<u8> {
        self.levels.iter().filter(|l| l.status == LevelStatus::Ready).map(|l| l.level).max()
    }
}

pub const LEVELS: [u8; 3] = [1, 2, 3];

/// Scores an assessment. `on` is the date the policy answers are checked against the law
/// (the caller's today); it matters only when there are policy answers.
pub fn score(framework: &Framework, assessment: &Assessment, on: NaiveDate) -> Score {
    let breaches: Vec<&policy::Rule> = match &assessment.policies {
        Some(p) => policy::breached_rules(policy::rules(), p, assessment.organisation.nation, on),
        None => Vec::new(),
    };
    score_with_breaches(framework, assessment, &breaches)
}

/// Scores the answers, with `breaches` (from the policy checker) holding L1.2 back.
pub fn score_with_breaches(framework: &Framework, assessment: &Assessment, breaches: &[&policy::Rule]) -> Score {
    let criteria: Vec<CriterionScore> = framework
        .criteria
        .iter()
        .map(|c| {
            let mut points = Points::default();
            let mut shortfalls = Vec::new();
            let mut answered = 0;
            let mut any_credit = false;
            for ind in c.indicators {
                points.available += Answer::MAX_POINTS;
                let Some(a) = assessment.answer(ind.id) else {
                    shortfalls.push(Shortfall::Unanswered { indicator: ind.id.to_string() });
                    continue;
                };
                answered += 1;
                points.earned += a.answer.points();
                any_credit |= a.answer != Answer::No;
                if a.answer != Answer::Yes {
                    shortfalls.push(Shortfall::NotYes { indicator: ind.id.to_string(), answer: a.answer });
                } else if !a.has_evidence() {
                    shortfalls.push(Shortfall::NoEvidence { indicator: ind.id.to_string() });
                }
            }
            for b in breaches {
                // Every legal rule feeds an L1.2 indicator (checked by build.rs).
                if let Some(ind) = b.indicator.filter(|i| c.indicators.iter().any(|x| x.id == *i)) {
                    shortfalls.push(Shortfall::PolicyBreach { indicator: ind.to_string(), rule: b.id.to_string() });
                }
            }
            let status = if shortfalls.is_empty() {
                CriterionStatus::Met
            } else if any_credit {
                CriterionStatus::Partly
            } else {
                CriterionStatus::NotMet
            };
            CriterionScore {
                id: c.id.to_string(),
                level: c.level,
                area: c.area,
                status,
                points,
                answered,
                indicators: c.indicators.len(),
                shortfalls,
            }
        })
        .collect();

    let levels = LEVELS
        .iter()
        .map(|&level| {
            let upto = criteria.iter().filter(|c| c.level <= level);
            let missing: Vec<String> =
                upto.clone().filter(|c| c.status != CriterionStatus::Met).map(|c| c.id.clone()).collect();
            let status = if missing.is_empty() {
                LevelStatus::Ready
            } else if upto.clone().all(|c| c.status != CriterionStatus::NotMet) {
                LevelStatus::OnTrack
            } else {
                LevelStatus::NotYet
            };
            let this: Vec<&CriterionScore> = criteria.iter().filter(|c| c.level == level).collect();
            LevelScore {
                level,
                status,
                met: this.iter().filter(|c| c.status == CriterionStatus::Met).count(),
                total: this.len(),
                missing,
            }
        })
        .collect();

    let mut overall = Points::default();
    let areas = Area::ALL
        .iter()
        .map(|&area| {
            let mut points = Points::default();
            for c in criteria.iter().filter(|c| c.area == area) {
                points.add(c.points);
            }
            overall.add(points);
            AreaScore { area, points, percent: points.percent() }
        })
        .collect();

    Score { criteria, levels, areas, overall }
}

//! The benchmark's content: criteria, indicators, guidance, evidence examples and
//! recommended actions. Authored in `src/content/criteria.toml` and compiled in as
//! static data by `build.rs` (which also rejects unknown fields and values).

use serde::{Deserialize, Serialize};

/// The five areas assessors read evidence in; the dashboard's axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Identification,
    Policy,
    Practice,
    Peer,
    Communication,
}

impl Area {
    pub const ALL: [Area; 5] = [
        Area::Identification,
        Area::Policy,
        Area::Practice,
        Area::Peer,
        Area::Communication,
    ];

    /// The stable ID used in files and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Area::Identification => "identification",
            Area::Policy => "policy",
            Area::Practice => "practice",
            Area::Peer => "peer",
            Area::Communication => "communication",
        }
    }
}

/// Who typically owns a recommended action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    Hr,
    LineManagers,
    Leadership,
    CarersNetwork,
    Communications,
    Learning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effort {
    Small,
    Medium,
    Large,
}

#[derive(Debug, PartialEq)]
pub struct Action {
    pub id: &'static str,
    pub title: &'static str,
    pub owner: Owner,
    pub priority: Priority,
    pub effort: Effort,
    /// How the employer will know the action worked.
    pub success: &'static str,
}

#[derive(Debug, PartialEq)]
pub struct Indicator {
    pub id: &'static str,
    pub question: &'static str,
    /// What good looks like.
    pub guidance: &'static str,
    /// Examples of evidence an assessor would accept.
    pub evidence: &'static [&'static str],
    pub actions: &'static [Action],
}

#[derive(Debug, PartialEq)]
pub struct Criterion {
    pub id: &'static str,
    pub level: u8,
    pub area: Area,
    /// A short title for lists and headings.
    pub title: &'static str,
    /// The level statement, paraphrased from the scheme's public page.
    pub statement: &'static str,
    pub indicators: &'static [Indicator],
}

#[derive(Debug, PartialEq)]
pub struct Framework {
    pub criteria: &'static [Criterion],
}

include!(concat!(env!("OUT_DIR"), "/criteria.rs"));

/// The framework, compiled in from `src/content/criteria.toml` by `build.rs`.
pub fn framework() -> &'static Framework {
    &FRAMEWORK
}

impl Framework {
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<(&Criterion, &Indicator)> {
        self.criteria
            .iter()
            .flat_map(|c| c.indicators.iter().map(move |i| (c, i)))
            .find(|(_, i)| i.id == id)
    }

    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.criteria.iter().flat_map(|c| c.indicators.iter())
    }

    pub fn level(&self, level: u8) -> impl Iterator<Item = &Criterion> {
        self.criteria.iter().filter(move |c| c.level == level)
    }
}

//! The benchmark's content: criteria, indicators, guidance, evidence examples and
//! recommended actions. Authored in `src/content/criteria.toml`, converted to JSON by
//! `build.rs` at compile time and parsed once on first use.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: String,
    pub title: String,
    pub owner: Owner,
    pub priority: Priority,
    pub effort: Effort,
    /// How the employer will know the action worked.
    pub success: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub question: String,
    /// What good looks like.
    pub guidance: String,
    /// Examples of evidence an assessor would accept.
    pub evidence: Vec<String>,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub level: u8,
    pub area: Area,
    /// A short title for lists and headings.
    pub title: String,
    /// The level statement, paraphrased from the scheme's public page.
    pub statement: String,
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub criteria: Vec<Criterion>,
}

static FRAMEWORK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/criteria.json"));

/// The framework, parsed once. The content is compiled in and validated by tests,
/// so a parse failure is a build defect, not a user error.
pub fn framework() -> &'static Framework {
    static FRAMEWORK: OnceLock<Framework> = OnceLock::new();
    FRAMEWORK.get_or_init(|| {
        serde_json::from_str(FRAMEWORK_JSON).expect("src/content/criteria.toml is valid")
    })
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

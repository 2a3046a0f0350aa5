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

// Native code (the command line, the tests) has the content compiled in.
#[cfg(not(target_arch = "wasm32"))]
include!(concat!(env!("OUT_DIR"), "/criteria.rs"));

/// The framework, compiled in from `src/content/criteria.toml` by `build.rs`.
#[cfg(not(target_arch = "wasm32"))]
pub fn framework() -> &'static Framework {
    &FRAMEWORK
}

/// The same content as JSON, as the browser loads it (`benchmark content-json`).
pub const FRAMEWORK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/criteria.json"));

// The browser loads the content (about 13 KB compressed) from `criteria.json` when it
// is first needed, so the first page load does not carry it. See `ui::content`.
#[cfg(target_arch = "wasm32")]
static LOADED: std::sync::OnceLock<Framework> = std::sync::OnceLock::new();

/// The framework, once [`install_json`] has run. Only screens shown after loading ask
/// for it.
#[cfg(target_arch = "wasm32")]
pub fn framework() -> &'static Framework {
    LOADED.get().expect("content is loaded before any screen that uses it")
}

#[cfg(target_arch = "wasm32")]
pub fn is_loaded() -> bool {
    LOADED.get().is_some()
}

/// Installs the content from its JSON form (once; later calls do nothing).
#[cfg(target_arch = "wasm32")]
pub fn install_json(json: &str) -> Result<(), String> {
    if LOADED.get().is_none() {
        let _ = LOADED.set(parse_json(json)?);
    }
    Ok(())
}

/// Reads the content's JSON form. The strings are leaked once into `'static` data
/// shaped exactly like the native statics: content lives as long as the page.
pub fn parse_json(json: &str) -> Result<Framework, String> {
    fn s(x: String) -> &'static str {
        Box::leak(x.into_boxed_str())
    }
    fn leak<T>(v: Vec<T>) -> &'static [T] {
        Box::leak(v.into_boxed_slice())
    }
    // Through `Value`, like every other JSON the app reads: one parser in the bundle.
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let file: owned::File = serde_json::from_value(value).map_err(|e| e.to_string())?;
    let criteria = file
        .criteria
        .into_iter()
        .map(|c| Criterion {
            id: s(c.id),
            level: c.level,
            area: c.area,
            title: s(c.title),
            statement: s(c.statement),
            indicators: leak(
                c.indicators
                    .into_iter()
                    .map(|i| Indicator {
                        id: s(i.id),
                        question: s(i.question),
                        guidance: s(i.guidance),
                        evidence: leak(i.evidence.into_iter().map(s).collect()),
                        actions: leak(
                            i.actions
                                .into_iter()
                                .map(|a| Action { id: s(a.id), title: s(a.title), owner: a.owner, priority: a.priority, effort: a.effort, success: s(a.success) })
                                .collect(),
                        ),
                    })
                    .collect(),
            ),
        })
        .collect();
    Ok(Framework { criteria: leak(criteria) })
}

/// The JSON shape of `criteria.toml`, for [`parse_json`].
mod owned {
    use super::{Area, Effort, Owner, Priority};
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub struct File { pub criteria: Vec<Criterion> }
    #[derive(Deserialize)]
    pub struct Criterion { pub id: String, pub level: u8, pub area: Area, pub title: String, pub statement: String, pub indicators: Vec<Indicator> }
    #[derive(Deserialize)]
    pub struct Indicator { pub id: String, pub question: String, pub guidance: String, pub evidence: Vec<String>, pub actions: Vec<Action> }
    #[derive(Deserialize)]
    pub struct Action { pub id: String, pub title: String, pub owner: Owner, pub priority: Priority, pub effort: Effort, pub success: String }
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

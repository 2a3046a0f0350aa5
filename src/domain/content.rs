//! The benchmark's content: criteria, indicators, guidance, evidence examples and
//! recommended actions. Authored in `src/content/criteria.toml` and compiled in as
//! static data by `build.rs` (which also rejects unknown fields and values).

use serde::{Deserialize, Serialize};

/// One indicator's answer on the framework's scale. Ordered: `No < Partly < Yes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    No,
    Partly,
    Yes,
}

id_list!(Answer: No = "no", Partly = "partly", Yes = "yes");

impl Answer {
    /// Points this answer earns out of [`Answer::MAX_POINTS`].
    pub fn points(self) -> u32 {
        match self {
            Answer::No => 0,
            Answer::Partly => 1,
            Answer::Yes => 2,
        }
    }

    pub const MAX_POINTS: u32 = 2;
}

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

id_list!(Area: Identification = "identification", Policy = "policy", Practice = "practice", Peer = "peer",
    Communication = "communication");

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

id_list!(Owner: Hr = "hr", LineManagers = "line_managers", Leadership = "leadership", CarersNetwork = "carers_network",
    Communications = "communications", Learning = "learning");
id_list!(Priority: High = "high", Medium = "medium", Low = "low");
id_list!(Effort: Small = "small", Medium = "medium", Large = "large");

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

include!(concat!(env!("OUT_DIR"), "/criterion_titles.rs"));

/// A criterion's title by its ID ("L1.1"), compiled in on every target, so a screen
/// that names criteria without asking their questions (the facilitator's) does not
/// need the whole content loaded.
pub fn criterion_title(id: &str) -> Option<&'static str> {
    CRITERION_TITLES.iter().find(|(c, _)| *c == id).map(|(_, title)| *title)
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
/// Walked by hand from a `serde_json::Value` (which the app parses anyway): derived
/// deserialisers for these nested lists cost about 12 KB of browser bundle.
pub fn parse_json(json: &str) -> Result<Framework, String> {
    use serde_json::Value;
    fn leak<T>(v: Vec<T>) -> &'static [T] {
        Box::leak(v.into_boxed_slice())
    }
    fn text(v: &Value, key: &str, at: &str) -> Result<&'static str, String> {
        match v.get(key).and_then(Value::as_str) {
            Some(s) => Ok(Box::leak(s.to_string().into_boxed_str())),
            None => Err(format!("criteria.json: {at}.{key} is missing or not text")),
        }
    }
    fn list<'v>(v: &'v Value, key: &str, at: &str) -> Result<&'v Vec<Value>, String> {
        v.get(key)
            .and_then(Value::as_array)
            .ok_or_else(|| format!("criteria.json: {at}.{key} is missing or not a list"))
    }
    fn choice<T>(v: &Value, key: &str, at: &str, from_id: fn(&str) -> Option<T>) -> Result<T, String> {
        let s = text(v, key, at)?;
        from_id(s).ok_or_else(|| format!("criteria.json: {at}.{key} is {s}"))
    }
    let root: Value = serde_json::from_str(json).map_err(|e| format!("criteria.json: {e}"))?;
    let mut criteria = Vec::new();
    for (ci, c) in list(&root, "criteria", "$")?.iter().enumerate() {
        let at = format!("criteria[{ci}]");
        let mut indicators = Vec::new();
        for (ii, i) in list(c, "indicators", &at)?.iter().enumerate() {
            let at = format!("{at}.indicators[{ii}]");
            let evidence = list(i, "evidence", &at)?
                .iter()
                .map(|e| {
                    e.as_str()
                        .map(|s| &*Box::leak(s.to_string().into_boxed_str()))
                        .ok_or_else(|| format!("criteria.json: {at}.evidence has a non-text item"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let mut actions = Vec::new();
            for (ai, a) in list(i, "actions", &at)?.iter().enumerate() {
                let at = format!("{at}.actions[{ai}]");
                actions.push(Action {
                    id: text(a, "id", &at)?,
                    title: text(a, "title", &at)?,
                    owner: choice(a, "owner", &at, Owner::from_id)?,
                    priority: choice(a, "priority", &at, Priority::from_id)?,
                    effort: choice(a, "effort", &at, Effort::from_id)?,
                    success: text(a, "success", &at)?,
                });
            }
            indicators.push(Indicator {
                id: text(i, "id", &at)?,
                question: text(i, "question", &at)?,
                guidance: text(i, "guidance", &at)?,
                evidence: leak(evidence),
                actions: leak(actions),
            });
        }
        criteria.push(Criterion {
            id: text(c, "id", &at)?,
            level: c
                .get("level")
                .and_then(Value::as_u64)
                .and_then(|l| u8::try_from(l).ok())
                .ok_or_else(|| format!("criteria.json: {at}.level is not a level"))?,
            area: choice(c, "area", &at, Area::from_id)?,
            title: text(c, "title", &at)?,
            statement: text(c, "statement", &at)?,
            indicators: leak(indicators),
        });
    }
    Ok(Framework { criteria: leak(criteria) })
}

impl Framework {
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<(&Criterion, &Indicator)> {
        self.criteria.iter().flat_map(|c| c.indicators.iter().map(move |i| (c, i))).find(|(_, i)| i.id == id)
    }

    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.criteria.iter().flat_map(|c| c.indicators.iter())
    }

    pub fn level(&self, level: u8) -> impl Iterator<Item = &Criterion> {
        self.criteria.iter().filter(move |c| c.level == level)
    }
}

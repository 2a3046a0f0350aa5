//! The assessment: who the organisation is and how it answered each indicator.

use super::policy::PolicyAnswers;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One indicator's answer. Ordered: `No < Partly < Yes`.
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorAnswer {
    pub answer: Answer,
    /// A note, a document name or a link. Empty when none is recorded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    #[serde(with = "rfc3339")]
    pub changed: DateTime<Utc>,
}

impl IndicatorAnswer {
    pub fn has_evidence(&self) -> bool {
        !self.evidence.trim().is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Nation {
    England,
    Wales,
    Scotland,
    NorthernIreland,
}

id_list!(Nation: England = "england", Wales = "wales", Scotland = "scotland", NorthernIreland = "northern_ireland");

/// Number of people employed, in the bands employers recognise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SizeBand {
    #[serde(rename = "1-9")]
    Micro,
    #[serde(rename = "10-49")]
    Small,
    #[serde(rename = "50-249")]
    Medium,
    #[serde(rename = "250-999")]
    Large,
    #[serde(rename = "1000+")]
    VeryLarge,
}

id_list!(SizeBand: Micro = "1-9", Small = "10-49", Medium = "50-249", Large = "250-999", VeryLarge = "1000+");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Private,
    Public,
    Voluntary,
}

id_list!(Sector: Private = "private", Public = "public", Voluntary = "voluntary");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub name: String,
    pub sector: Sector,
    pub size: SizeBand,
    pub nation: Nation,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub organisation: Organisation,
    #[serde(with = "rfc3339")]
    pub created: DateTime<Utc>,
    #[serde(with = "rfc3339")]
    pub updated: DateTime<Utc>,
    /// Indicator ID → answer. Unanswered indicators are absent.
    pub answers: BTreeMap<String, IndicatorAnswer>,
    /// The answers to the policy checker's questions; `None` until any is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policies: Option<PolicyAnswers>,
    /// The action plan's start date and the user's changes to it, in the file's form
    /// (`$.plan`); `None` until the plan is first used. Read and changed through
    /// [`Assessment::plan_state`] and [`Assessment::edit_plan`], so that storing and
    /// loading an assessment does not carry the plan's code into the browser's first load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<serde_json::Value>,
    /// The carer passport scheme in the file's form (`$.passport`); `None` until one is
    /// set up. Read and changed through [`Assessment::passport_scheme`] and
    /// [`Assessment::set_passport`], for the same reason as `plan`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passport: Option<serde_json::Value>,
}

impl Assessment {
    pub fn new(organisation: Organisation, now: DateTime<Utc>) -> Self {
        Assessment {
            organisation,
            created: now,
            updated: now,
            answers: BTreeMap::new(),
            policies: None,
            plan: None,
            passport: None,
        }
    }

    /// Records an answer, keeping any evidence already given.
    pub fn set_answer(&mut self, indicator: &str, answer: Answer, now: DateTime<Utc>) {
        let entry = self.answers.entry(indicator.to_string()).or_insert(IndicatorAnswer {
            answer,
            evidence: String::new(),
            changed: now,
        });
        entry.answer = answer;
        entry.changed = now;
        self.updated = now;
    }

    /// Records evidence for an indicator that has been answered. Returns false
    /// (and changes nothing) when the indicator has no answer yet.
    pub fn set_evidence(&mut self, indicator: &str, evidence: &str, now: DateTime<Utc>) -> bool {
        match self.answers.get_mut(indicator) {
            Some(a) => {
                a.evidence = evidence.to_string();
                a.changed = now;
                self.updated = now;
                true
            }
            None => false,
        }
    }

    pub fn answer(&self, indicator: &str) -> Option<&IndicatorAnswer> {
        self.answers.get(indicator)
    }
}

/// Timestamps in files and storage: RFC 3339 in UTC, e.g. `2026-11-22T09:30:00Z`.
/// Parsed with chrono's dedicated RFC 3339 parser rather than its general
/// format-string one, which would add kilobytes to the browser bundle.
mod rfc3339 {
    use chrono::{DateTime, SecondsFormat, Utc};
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let s = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&s).map(|t| t.with_timezone(&Utc)).map_err(D::Error::custom)
    }
}

//! The assessment: who the organisation is and how it answered each indicator, with
//! the sections' answers (policies, plan, passport). The organisation's vocabulary and
//! the answer scale live lower down ([`organisation`](super::organisation),
//! [`content`](super::content)) so that the policy checker can use them; they are
//! re-exported here.

pub use super::content::Answer;
pub use super::organisation::{Nation, Organisation, Sector, SizeBand};
use super::policy::PolicyAnswers;
use super::text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// [`plan::plan_state`](super::plan::plan_state) and
    /// [`plan::edit_plan`](super::plan::edit_plan), so that storing and
    /// loading an assessment does not carry the plan's code into the browser's first load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<serde_json::Value>,
    /// The carer passport scheme in the file's form (`$.passport`); `None` until one is
    /// set up. Read and changed through
    /// [`passport::passport_scheme`](super::passport::passport_scheme) and
    /// [`passport::set_passport`](super::passport::set_passport), for the same reason as `plan`.
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

    /// Records evidence for an indicator that has been answered, cut to the limit on
    /// typed text. Returns false (and changes nothing) when the indicator has no answer yet.
    pub fn set_evidence(&mut self, indicator: &str, evidence: &str, now: DateTime<Utc>) -> bool {
        match self.answers.get_mut(indicator) {
            Some(a) => {
                a.evidence = text::clamp(evidence);
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

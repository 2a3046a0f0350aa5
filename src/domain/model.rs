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
    /// A new assessment; the organisation's name loses any direction controls
    /// ([`text::without_bidi`]).
    pub fn new(mut organisation: Organisation, now: DateTime<Utc>) -> Self {
        organisation.name = text::without_bidi(&organisation.name);
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

    /// Changes who the organisation is. Its name loses any direction controls
    /// ([`text::without_bidi`]); returns false, changing nothing, when nothing else is left.
    pub fn set_organisation(&mut self, mut organisation: Organisation, now: DateTime<Utc>) -> bool {
        organisation.name = text::without_bidi(&organisation.name);
        if organisation.name.trim().is_empty() {
            return false;
        }
        self.organisation = organisation;
        self.updated = now;
        true
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

    /// What [`Assessment::take_suggestion`] would do to an indicator, to show before it
    /// is done.
    pub fn suggestion_effect(&self, indicator: &str, answer: Answer, note: &str) -> SuggestionEffect {
        let answer_changes = self.answers.get(indicator).map(|a| a.answer) != Some(answer);
        SuggestionEffect { answer_changes, note: self.note_effect(indicator, note).unwrap_or(NoteEffect::Written) }
    }

    /// What adding `note` beneath an indicator's own note does; `None` when the
    /// indicator is unanswered (a note needs an answer first).
    fn note_effect(&self, indicator: &str, note: &str) -> Option<NoteEffect> {
        let own = self.answers.get(indicator)?.evidence.trim();
        Some(if own.is_empty() {
            NoteEffect::Written
        } else if own.contains(note.trim()) {
            NoteEffect::Kept
        } else {
            NoteEffect::AddedBeneath
        })
    }

    /// Takes a suggested answer for an indicator and adds `note` (the reason for it)
    /// beneath the user's own note, which is kept as written. Returns the answer as it
    /// was, for undo ([`Assessment::restore_answer`]).
    pub fn take_suggestion(
        &mut self,
        indicator: &str,
        answer: Answer,
        note: &str,
        now: DateTime<Utc>,
    ) -> Option<IndicatorAnswer> {
        let before = self.answers.get(indicator).cloned();
        self.set_answer(indicator, answer, now);
        self.add_to_note(indicator, note, now);
        before
    }

    /// Adds `note` beneath an answered indicator's own note, which is kept as written.
    pub fn add_to_note(&mut self, indicator: &str, note: &str, now: DateTime<Utc>) -> NoteAdded {
        match self.note_effect(indicator, note) {
            None => NoteAdded::Unanswered,
            Some(NoteEffect::Kept) => NoteAdded::AlreadyThere,
            Some(effect) => {
                let own = self.answers.get(indicator).map(|a| a.evidence.trim_end()).unwrap_or_default();
                let joined = match effect {
                    NoteEffect::Written => note.trim().to_string(),
                    _ => format!("{own}\n{}", note.trim()),
                };
                self.set_evidence(indicator, &joined, now);
                NoteAdded::Added
            }
        }
    }

    /// Puts an indicator's answer back as it was (`None`: unanswered), for undo.
    pub fn restore_answer(&mut self, indicator: &str, was: Option<IndicatorAnswer>, now: DateTime<Utc>) {
        match was {
            Some(a) => self.answers.insert(indicator.to_string(), a),
            None => self.answers.remove(indicator),
        };
        self.updated = now;
    }
}

/// What [`Assessment::add_to_note`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteAdded {
    Added,
    AlreadyThere,
    /// Nothing: a note needs an answer first.
    Unanswered,
}

/// What taking a suggestion does to one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SuggestionEffect {
    pub answer_changes: bool,
    pub note: NoteEffect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteEffect {
    /// There was no note: the reason becomes the note.
    Written,
    /// The user's note is kept and the reason added beneath it.
    AddedBeneath,
    /// The note already holds the reason: nothing changes.
    Kept,
}

/// Timestamps in files and storage: RFC 3339 in UTC, e.g. `2026-11-22T09:30:00Z`.
/// Parsed with chrono's dedicated RFC 3339 parser rather than its general
/// format-string one, which would add kilobytes to the browser bundle.
///
/// A file's times are checked first ([`format::validate`](super::format::validate)
/// refuses one outside the years 2000 to 2100). Storage holds what the app wrote with the
/// device's clock: a time outside the years, from a clock far off, is brought to the
/// nearest day inside them rather than making the whole library unreadable.
mod rfc3339 {
    use crate::domain::dates;
    use chrono::{DateTime, NaiveTime, SecondsFormat, Utc};
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let s = String::deserialize(d)?;
        let t = DateTime::parse_from_rfc3339(&s).map_err(D::Error::custom)?.with_timezone(&Utc);
        let day = t.date_naive();
        Ok(if dates::in_range(day) { t } else { dates::clamp(day).and_time(NaiveTime::MIN).and_utc() })
    }
}

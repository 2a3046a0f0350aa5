//! The carer passport scheme: what an employer sets up so that any employee who says
//! they are a carer can agree a passport with their manager. Documented in the README,
//! "Carer passport".
//!
//! - [`Scheme`] is the employer's set-up, stored in the assessment (`$.passport`): the
//!   passport fields chosen, the support menu, the review cycle, the storage and sharing
//!   rules and the contacts. [`Scheme::suggested`] fills it from the policy answers and
//!   the embedding council's signposting links; [`Scheme::refresh_from_policy`] updates
//!   the pre-filled offers later without losing the employer's edits, and
//!   [`current_scheme`] is the stored scheme so refreshed (what the app and the command
//!   line show and print). The rights the offers state are those of the law in force on
//!   the day in the organisation's nation, never less (`offers_from`).
//! - [`validate`] returns every problem, with a field path the UI links its error summary
//!   to; [`file_problems`] is the part the file format enforces on import.
//! - The outputs, the passport template, the conversation guide and the manager
//!   briefing, are each built as a [`Document`](super::document::Document)
//!   ([`document`]), printed as HTML ([`html`], classes `cb-print-…`) and as Word
//!   ([`docx`]).
//! - [`launch_tasks`] are the passport's actions for the plan; [`evidenced_indicators`]
//!   the indicators a scheme is evidence for, as suggestions.
//!
//! The words, the standard fields, offers and choices are data:
//! `src/content/passport.toml`, compiled in by `build/passport.rs` ([`content`]).

use super::content::{Owner, Priority};
use super::json::{self, child, ids, quoted, Checker};
use super::model::Assessment;
use super::organisation::Nation;
use super::plan::{self, Seed};
use super::policy::{self, arrangement_label, Arrangement, Field, PolicyAnswers, Unit};
use super::text::{self, too_long, upper_first, MAX_TEXT_CHARS};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};

mod catalogue;
mod file;
mod launch;
mod print;
mod scheme;
mod structure;
mod validation;

pub use catalogue::*;
pub use file::*;
pub use launch::*;
pub use print::*;
pub use scheme::*;
pub use structure::*;
pub use validation::*;

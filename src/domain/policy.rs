//! The policy checker: the employer's flexible-working, carer's-leave and emergency
//! time-off policies, checked against the law in force on a date in the organisation's
//! nation, and against good practice. Documented in the README, "Policy checker".
//!
//! - The questions and the rules are data: `src/content/policy-rules.toml`, compiled in
//!   by `build.rs` ([`FIELDS`], [`RULES`]).
//! - Every answer is optional. An unanswered question gives **no finding**: the rules it
//!   would have been checked against are listed by [`not_checked`] instead, so a
//!   half-filled section is valid and never shows a breach it has not earned.
//! - Each finding is graded [`Grade::Breach`] (below the statutory minimum),
//!   [`Grade::Minimum`] (meets the law only, or falls short of a good-practice rule that
//!   the law does not require), [`Grade::Enhanced`] (beyond the law, or meets good
//!   practice) or [`Grade::Coming`] (a known change not yet in force on the check date:
//!   never applied, so never a breach).
//! - Answers can only improve in one direction per question (`better` in the TOML, which
//!   every rule on that question must agree with), so improving an answer never adds a
//!   breach.

use super::content::Answer;
use super::dates::long_date;
use super::json::{child, describe, quoted, Checker};
use super::organisation::Nation;
use super::text::{lower_first, upper_first};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;

// ── Questions ──────────────────────────────────────────────────────────────────────

/// What a number question counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Week,
    Month,
    Day,
    Request,
}

impl Unit {
    /// "week", "weeks".
    pub fn word(self, n: u32) -> &'static str {
        match (self, n == 1) {
            (Unit::Week, true) => "week",
            (Unit::Week, false) => "weeks",
            (Unit::Month, true) => "month",
            (Unit::Month, false) => "months",
            (Unit::Day, true) => "day",
            (Unit::Day, false) => "days",
            (Unit::Request, true) => "request",
            (Unit::Request, false) => "requests",
        }
    }

    /// "1 week", "26 weeks".
    pub fn quantity(self, n: u32) -> String {
        format!("{n} {}", self.word(n))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole number from `min` to `max`.
    Number {
        unit: Unit,
        min: u32,
        max: u32,
    },
    YesNo,
    /// One of the field's options, in order.
    Choice,
    /// Any of the field's options. Not checked by rules.
    Set,
}

/// Which way an answer improves, as a [level](PolicyAnswers::level): yes (1) is higher
/// than no (0); a choice's later options are higher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

#[derive(Debug, PartialEq, Eq)]
pub struct ChoiceOption {
    pub id: &'static str,
    pub label: &'static str,
}

/// A question's text and type, from `[[fields]]`.
#[derive(Debug, PartialEq, Eq)]
pub struct FieldInfo {
    pub field: Field,
    /// `section.name`: the key under `$.policies` in the file.
    pub id: &'static str,
    pub question: &'static str,
    /// Extra help; empty when there is none.
    pub hint: &'static str,
    pub kind: Kind,
    /// `None` for a set, which no rule checks.
    pub better: Option<Better>,
    pub options: &'static [ChoiceOption],
}

// ── Rules ──────────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// Long-standing law, or good practice: applies on any date.
    Always,
    /// In force from this day.
    On(NaiveDate),
    /// A coming change with no fixed date: never applied. The text says when it is expected.
    Expected(&'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Test {
    AtLeast,
    AtMost,
}

/// One comparison of an answer's [level](PolicyAnswers::level) with thresholds. For
/// yes/no questions, "must be yes" is `AtLeast 1` and "must be no" is `AtMost 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    pub field: Field,
    pub test: Test,
    /// The statutory minimum; `None` for a good-practice rule.
    pub law: Option<u32>,
    /// The good-practice level that earns "enhanced".
    pub enhanced: Option<u32>,
}

impl Check {
    fn meets(&self, level: u32, threshold: u32) -> bool {
        match self.test {
            Test::AtLeast => level >= threshold,
            Test::AtMost => level <= threshold,
        }
    }

    /// The grade of an answer under this check, as if the rule were in force.
    pub fn grade(&self, level: u32) -> Grade {
        if self.law.is_some_and(|t| !self.meets(level, t)) {
            Grade::Breach
        } else if self.enhanced.is_some_and(|t| self.meets(level, t)) {
            Grade::Enhanced
        } else {
            Grade::Minimum
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable ID, e.g. `FW-GB-DAY-ONE`: area, scope (GB, NI or UK), name.
    pub id: &'static str,
    /// Its place in `RULES`, and so in `RULE_TEXTS`.
    n: usize,
    pub nations: &'static [Nation],
    pub start: Start,
    /// The last day in force, for law that has been replaced.
    pub until: Option<NaiveDate>,
    /// The indicator this rule's finding suggests an answer for (L1.2.a, b or c).
    pub indicator: Option<&'static str>,
    pub check: Check,
}

/// A rule's words, kept apart from its logic (see [`Rule::title`]).
#[derive(Debug, PartialEq, Eq)]
pub struct RuleText {
    pub title: &'static str,
    pub source: &'static str,
    pub explanation: &'static str,
}

/// Whether a rule applies to a nation on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleStatus {
    /// The rule is for other nations.
    NotHere,
    /// Not yet in force on the date (or no date fixed yet).
    Coming,
    InForce,
    /// Replaced before the date.
    Ended,
}

impl Rule {
    /// The rule's words live in `RULE_TEXTS`, apart from its logic, so code that only
    /// applies rules (the browser's scoring) does not carry them.
    fn text(&self) -> &'static RuleText {
        &RULE_TEXTS[self.n]
    }

    pub fn title(&self) -> &'static str {
        self.text().title
    }

    pub fn source(&self) -> &'static str {
        self.text().source
    }

    /// Plain English: what the rule asks and why.
    pub fn explanation(&self) -> &'static str {
        self.text().explanation
    }

    pub fn status_on(&self, nation: Nation, on: NaiveDate) -> RuleStatus {
        if !self.nations.contains(&nation) {
            return RuleStatus::NotHere;
        }
        match self.start {
            Start::Expected(_) => return RuleStatus::Coming,
            Start::On(from) if on < from => return RuleStatus::Coming,
            _ => {}
        }
        match self.until {
            Some(until) if on > until => RuleStatus::Ended,
            _ => RuleStatus::InForce,
        }
    }

    /// A good-practice rule: no statutory threshold, so it can never be a breach.
    pub fn is_good_practice(&self) -> bool {
        self.check.law.is_none()
    }

    /// When the rule applies, in words: "from 6 April 2024", "until 5 April 2024",
    /// "30 June 2014 to 5 April 2024", "long-standing", "good practice", "expected …".
    pub fn when(&self) -> String {
        match (self.start, self.until) {
            (Start::Expected(text), _) => format!("expected {text}"),
            (Start::On(from), Some(until)) => format!("{} to {}", long_date(from), long_date(until)),
            (Start::On(from), None) => format!("from {}", long_date(from)),
            (Start::Always, Some(until)) => format!("until {}", long_date(until)),
            (Start::Always, None) if self.is_good_practice() => "good practice".into(),
            (Start::Always, None) => "long-standing".into(),
        }
    }

    /// "England, Wales and Scotland", "Northern Ireland", "the whole UK".
    pub fn nations_text(&self) -> String {
        nations_text(self.nations)
    }
}

/// Used by the generated rules: a valid date, checked when compiling.
const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("invalid date in policy-rules.toml"),
    }
}

include!(concat!(env!("OUT_DIR"), "/policy_rules.rs"));

/// The rules, compiled in from `src/content/policy-rules.toml` by `build.rs`.
pub fn rules() -> &'static [Rule] {
    RULES
}

/// The questions, in the order they are asked.
pub fn fields() -> &'static [FieldInfo] {
    FIELDS
}

impl Field {
    pub fn info(self) -> &'static FieldInfo {
        &FIELDS[self as usize]
    }

    pub fn id(self) -> &'static str {
        self.info().id
    }

    pub fn from_id(id: &str) -> Option<Field> {
        FIELDS.iter().find(|f| f.id == id).map(|f| f.field)
    }

    /// An answer's level in words: "26 weeks", "yes", "Half a day".
    pub fn describe(self, level: u32) -> String {
        let info = self.info();
        match info.kind {
            Kind::Number { unit: Unit::Week, .. } if level == 0 => "0 weeks (from the first day)".into(),
            Kind::Number { unit, .. } => unit.quantity(level),
            Kind::YesNo => (if level > 0 { "yes" } else { "no" }).into(),
            Kind::Choice => lower_first(info.options.get(level as usize).map_or("(unknown)", |o| o.label)),
            Kind::Set => format!("{level} chosen"),
        }
    }

    /// What a threshold asks for, in words: "at least 5 days", "no more than 3 days",
    /// "from the first day, with no length of service", "yes", "Half a day or better".
    pub fn requirement(self, test: Test, threshold: u32) -> String {
        let info = self.info();
        match (info.kind, test) {
            (Kind::Number { unit: Unit::Week, .. }, Test::AtMost) if threshold == 0 => {
                "from the first day, with no length of service".into()
            }
            (Kind::Number { unit, .. }, Test::AtMost) if threshold == 0 => format!("no {}", unit.word(0)),
            (Kind::Number { unit, .. }, Test::AtMost) => format!("no more than {}", unit.quantity(threshold)),
            (Kind::Number { unit, .. }, Test::AtLeast) => format!("at least {}", unit.quantity(threshold)),
            (Kind::YesNo, _) => self.describe(threshold),
            (Kind::Choice | Kind::Set, _) => format!("{} (or better)", self.describe(threshold)),
        }
    }
}

// ── Answers ────────────────────────────────────────────────────────────────────────

/// A way of working the employer offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Arrangement {
    PartTime,
    CompressedHours,
    Flexitime,
    StaggeredHours,
    TermTime,
    JobShare,
    RemoteHybrid,
    SelfRostering,
    ShiftSwaps,
    ShortNoticeChanges,
    TrialPeriods,
}

/// The smallest amount of carer's leave that can be taken at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeaveUnit {
    Hour,
    HalfDay,
    Day,
    Week,
}

/// Whether carer's leave can be refused or postponed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Postponement {
    Never,
    IfUndulyDisrupted,
    AtManagersDiscretion,
}

id_list!(Arrangement:
    PartTime = "part_time", CompressedHours = "compressed_hours", Flexitime = "flexitime",
    StaggeredHours = "staggered_hours", TermTime = "term_time", JobShare = "job_share",
    RemoteHybrid = "remote_hybrid", SelfRostering = "self_rostering", ShiftSwaps = "shift_swaps",
    ShortNoticeChanges = "short_notice_changes", TrialPeriods = "trial_periods");
id_list!(LeaveUnit: Hour = "hour", HalfDay = "half_day", Day = "day", Week = "week");
id_list!(Postponement: Never = "never", IfUndulyDisrupted = "if_unduly_disrupted", AtManagersDiscretion = "at_managers_discretion");

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FlexibleWorking {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_weeks: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requests_per_year: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_months: Option<u32>,
    /// Days from a request to the meeting about it (checked in Northern Ireland).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting_days: Option<u32>,
    /// Days from that meeting to the decision (checked in Northern Ireland).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_days: Option<u32>,
    /// Days the employee has to appeal after the decision (checked in Northern Ireland).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appeal_days: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consult_before_refusal: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refusal_only_statutory_grounds: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explains_refusal_in_writing: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// The request form invites an explanation of the effect on the business (lawful).
    pub asks_business_impact: Option<bool>,
    /// A request without that explanation is refused or treated as incomplete.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refuses_without_business_impact: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appeal: Option<bool>,
    /// `None`: not answered; an empty set: none offered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrangements: Option<BTreeSet<Arrangement>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CarersLeave {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offered: Option<bool>,
    /// For someone who works five days a week.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_per_year: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid_days: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smallest_unit: Option<LeaveUnit>,
    /// Notice asked for before one day of leave.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice_days: Option<u32>,
    /// Notice of carer's leave must be in writing (the law does not require it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice_in_writing: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence_required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_weeks: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postponement: Option<Postponement>,
}

/// Time off for dependants (emergencies).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Dependants {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_off: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid_days: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded_from_absence_triggers: Option<bool>,
}

/// The employer's answers about its policies. Every answer is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PolicyAnswers {
    #[serde(skip_serializing_if = "is_default")]
    pub flexible_working: FlexibleWorking,
    #[serde(skip_serializing_if = "is_default")]
    pub carers_leave: CarersLeave,
    #[serde(skip_serializing_if = "is_default")]
    pub dependants: Dependants,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written_policy: Option<bool>,
}

fn is_default<T: Default + PartialEq>(x: &T) -> bool {
    *x == T::default()
}

/// Reading and writing answers by [`Field`], as levels: a number as itself, yes 1 and
/// no 0, a choice as its position in the list, a set as how many are chosen.
macro_rules! levels {
    ($($field:ident => $($path:ident).+ : $kind:ident),* $(,)?) => {
        impl PolicyAnswers {
            /// The answer to a question as a level; `None` when not answered.
            pub fn level(&self, field: Field) -> Option<u32> {
                match field { $(Field::$field => levels!(@get $kind, self.$($path).+),)* }
            }

            /// Sets (or with `None` clears) an answer from a level. Levels beyond a
            /// question's range are clamped. A set question (`arrangements`) can only be
            /// cleared here.
            pub fn set_level(&mut self, field: Field, level: Option<u32>) {
                let range = match field.info().kind {
                    Kind::Number { min, max, .. } => (min, max),
                    _ => (0, u32::MAX),
                };
                let level = level.map(|l| l.clamp(range.0, range.1));
                match field { $(Field::$field => levels!(@set $kind, self.$($path).+, level),)* }
            }
        }
    };
    (@get number, $e:expr) => { $e };
    (@get flag, $e:expr) => { $e.map(u32::from) };
    (@get unit, $e:expr) => { $e.map(LeaveUnit::rank) };
    (@get postpone, $e:expr) => { $e.map(Postponement::rank) };
    (@get set, $e:expr) => { $e.as_ref().map(|s| s.len() as u32) };
    (@set number, $e:expr, $l:expr) => { $e = $l };
    (@set flag, $e:expr, $l:expr) => { $e = $l.map(|l| l > 0) };
    (@set unit, $e:expr, $l:expr) => {
        $e = $l.map(|l| LeaveUnit::ALL[(l as usize).min(LeaveUnit::ALL.len() - 1)])
    };
    (@set postpone, $e:expr, $l:expr) => {
        $e = $l.map(|l| Postponement::ALL[(l as usize).min(Postponement::ALL.len() - 1)])
    };
    (@set set, $e:expr, $l:expr) => {
        if $l.is_none() { $e = None }
    };
}

levels! {
    FlexibleWorkingServiceWeeks => flexible_working.service_weeks: number,
    FlexibleWorkingRequestsPerYear => flexible_working.requests_per_year: number,
    FlexibleWorkingDecisionMonths => flexible_working.decision_months: number,
    FlexibleWorkingMeetingDays => flexible_working.meeting_days: number,
    FlexibleWorkingDecisionDays => flexible_working.decision_days: number,
    FlexibleWorkingAppealDays => flexible_working.appeal_days: number,
    FlexibleWorkingConsultBeforeRefusal => flexible_working.consult_before_refusal: flag,
    FlexibleWorkingRefusalOnlyStatutoryGrounds => flexible_working.refusal_only_statutory_grounds: flag,
    FlexibleWorkingExplainsRefusalInWriting => flexible_working.explains_refusal_in_writing: flag,
    FlexibleWorkingAsksBusinessImpact => flexible_working.asks_business_impact: flag,
    FlexibleWorkingRefusesWithoutBusinessImpact => flexible_working.refuses_without_business_impact: flag,
    FlexibleWorkingAppeal => flexible_working.appeal: flag,
    FlexibleWorkingArrangements => flexible_working.arrangements: set,
    CarersLeaveOffered => carers_leave.offered: flag,
    CarersLeaveDaysPerYear => carers_leave.days_per_year: number,
    CarersLeavePaidDays => carers_leave.paid_days: number,
    CarersLeaveSmallestUnit => carers_leave.smallest_unit: unit,
    CarersLeaveNoticeDays => carers_leave.notice_days: number,
    CarersLeaveNoticeInWriting => carers_leave.notice_in_writing: flag,
    CarersLeaveEvidenceRequired => carers_leave.evidence_required: flag,
    CarersLeaveServiceWeeks => carers_leave.service_weeks: number,
    CarersLeavePostponement => carers_leave.postponement: postpone,
    DependantsTimeOff => dependants.time_off: flag,
    DependantsPaidDays => dependants.paid_days: number,
    DependantsExcludedFromAbsenceTriggers => dependants.excluded_from_absence_triggers: flag,
    WrittenPolicy => written_policy: flag,
}

impl PolicyAnswers {
    /// How many questions are answered, out of how many.
    pub fn progress(&self) -> (usize, usize) {
        let answered = Field::ALL.iter().filter(|&&f| self.level(f).is_some()).count();
        (answered, Field::ALL.len())
    }

    /// The answer to a question in words, or `None` when not answered.
    pub fn describe(&self, field: Field) -> Option<String> {
        if field == Field::FlexibleWorkingArrangements {
            return self.flexible_working.arrangements.as_ref().map(|set| {
                let labels: Vec<&str> = set.iter().map(|a| arrangement_label(*a)).collect();
                if labels.is_empty() {
                    "none".to_string()
                } else {
                    labels.join("; ")
                }
            });
        }
        self.level(field).map(|l| field.describe(l))
    }
}

/// The label of an arrangement, from the question's options.
pub fn arrangement_label(a: Arrangement) -> &'static str {
    Field::FlexibleWorkingArrangements.info().options.get(a.rank() as usize).map_or("", |o| o.label)
}

// ── Findings ───────────────────────────────────────────────────────────────────────

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Below the statutory minimum.
    Breach,
    /// Meets the law only (or falls short of a good-practice rule).
    Minimum,
    /// Beyond the law, or meets good practice.
    Enhanced,
    /// A known change not in force on the check date: never applied.
    Coming,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Breach, Grade::Minimum, Grade::Enhanced, Grade::Coming];

    pub fn id(self) -> &'static str {
        match self {
            Grade::Breach => "breach",
            Grade::Minimum => "minimum",
            Grade::Enhanced => "enhanced",
            Grade::Coming => "coming",
        }
    }
}

/// One rule checked against the answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule_id: &'static str,
    pub title: &'static str,
    pub grade: Grade,
    /// The question checked (`section.name`).
    pub field: &'static str,
    /// The employer's answer in words; `None` only for a coming rule not yet answered.
    pub answer: Option<String>,
    /// Why this grade, in plain words.
    pub note: String,
    pub explanation: &'static str,
    pub source: &'static str,
    pub indicator: Option<&'static str>,
    /// When the rule applies, in words.
    pub when: String,
}

fn finding(rule: &Rule, grade: Grade, level: Option<u32>, on: NaiveDate) -> Finding {
    let c = &rule.check;
    let field = c.field;
    let needs = |t: u32| field.requirement(c.test, t);
    let note = match (grade, c.law, c.enhanced) {
        (Grade::Breach, Some(law), _) => format!(
            "Below the law. Your answer: {}. The law requires: {}.",
            level.map(|l| field.describe(l)).unwrap_or_default(),
            needs(law)
        ),
        (Grade::Minimum, Some(_), Some(e)) => format!("Meets the law. Going further: {}.", needs(e)),
        (Grade::Minimum, Some(_), None) => "Meets the law.".to_string(),
        (Grade::Minimum, None, Some(e)) => format!("Not required by law; good practice is: {}.", needs(e)),
        (Grade::Enhanced, Some(law), _) => format!("Goes beyond the law, which requires: {}.", needs(law)),
        (Grade::Enhanced, None, _) => "Good practice, beyond what the law requires.".to_string(),
        (Grade::Coming, _, _) => {
            let when = match rule.start {
                Start::On(from) => format!("Not in force on {}: it applies from {}.", long_date(on), long_date(from)),
                _ => format!("Not in force yet, so not applied: {}.", rule.when()),
            };
            let ready = match level {
                None => " Not answered yet.".to_string(),
                // Good practice is never "needed": say only whether the policy meets it.
                Some(l) if c.law.is_none() && c.grade(l) != Grade::Enhanced => {
                    " Your policy does not meet it yet.".to_string()
                }
                Some(l) if c.grade(l) == Grade::Breach => {
                    format!(
                        " Your policy will need to change: it will have to be {}.",
                        c.law.map(needs).unwrap_or_default()
                    )
                }
                Some(_) => " Your policy already meets it.".to_string(),
            };
            when + &ready
        }
        // Cannot happen: build.rs requires `law` or `enhanced`, and only `law` gives a breach.
        (Grade::Breach, None, _) | (Grade::Minimum, None, None) => String::new(),
    };
    Finding {
        rule_id: rule.id,
        title: rule.title(),
        grade,
        field: field.id(),
        answer: level.map(|l| field.describe(l)),
        note,
        explanation: rule.explanation(),
        source: rule.source(),
        indicator: rule.indicator,
        when: rule.when(),
    }
}

/// Every rule for the nation that is in force on `on` (graded) or coming (graded
/// `Coming`, never applied), in the order of the rules file. A rule in force whose
/// question is unanswered gives no finding: see [`not_checked`].
pub fn check(rules: &[Rule], answers: &PolicyAnswers, nation: Nation, on: NaiveDate) -> Vec<Finding> {
    rules
        .iter()
        .filter_map(|r| {
            let level = answers.level(r.check.field);
            match r.status_on(nation, on) {
                RuleStatus::InForce => level.map(|l| finding(r, r.check.grade(l), Some(l), on)),
                RuleStatus::Coming => Some(finding(r, Grade::Coming, level, on)),
                RuleStatus::NotHere | RuleStatus::Ended => None,
            }
        })
        .collect()
}

/// The rules in force for the nation on `on` that could not be checked because their
/// question is unanswered.
pub fn not_checked<'r>(rules: &'r [Rule], answers: &PolicyAnswers, nation: Nation, on: NaiveDate) -> Vec<&'r Rule> {
    rules
        .iter()
        .filter(|r| r.status_on(nation, on) == RuleStatus::InForce && answers.level(r.check.field).is_none())
        .collect()
}

/// The breaches only.
pub fn breaches(rules: &[Rule], answers: &PolicyAnswers, nation: Nation, on: NaiveDate) -> Vec<Finding> {
    check(rules, answers, nation, on).into_iter().filter(|f| f.grade == Grade::Breach).collect()
}

/// The rules breached on `on`, without building findings: what scoring needs.
pub fn breached_rules<'r>(rules: &'r [Rule], answers: &PolicyAnswers, nation: Nation, on: NaiveDate) -> Vec<&'r Rule> {
    rules
        .iter()
        .filter(|r| {
            r.status_on(nation, on) == RuleStatus::InForce
                && answers.level(r.check.field).is_some_and(|l| r.check.grade(l) == Grade::Breach)
        })
        .collect()
}

// ── Rights in force ────────────────────────────────────────────────────────────────

/// The statutory threshold for a question in force for the nation on `on`, with its
/// rule; `None` where no law sets one (good practice only, another nation, not yet in
/// force).
pub fn legal_minimum(field: Field, nation: Nation, on: NaiveDate) -> Option<(u32, &'static Rule)> {
    RULES
        .iter()
        .filter(|r| r.check.field == field && r.status_on(nation, on) == RuleStatus::InForce)
        .find_map(|r| r.check.law.map(|l| (l, r)))
}

/// What an employee can count on for one question: the employer's answer where it meets
/// the law in force, otherwise the legal minimum. Every document that states a right to
/// staff (the draft policy, the carer passport) takes it from here, so none states less
/// than the law.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Right {
    /// The level to state (see [`PolicyAnswers::level`]).
    pub level: u32,
    /// Where the employer's answer is below the law: the rule, and the answer's level.
    pub below: Option<(&'static Rule, u32)>,
}

/// The right for a question, from the answers and the law for the nation on `on`;
/// `None` while the question is unanswered.
pub fn right(answers: &PolicyAnswers, field: Field, nation: Nation, on: NaiveDate) -> Option<Right> {
    let answer = answers.level(field)?;
    let breached = RULES.iter().find(|r| {
        r.check.field == field
            && r.status_on(nation, on) == RuleStatus::InForce
            && r.check.grade(answer) == Grade::Breach
    });
    Some(match breached.and_then(|r| r.check.law.map(|law| (law, r))) {
        Some((law, rule)) => Right { level: law, below: Some((rule, answer)) },
        None => Right { level: answer, below: None },
    })
}

// ── Suggested answers for the criteria ─────────────────────────────────────────────

/// An answer for an indicator, suggested from the policy answers. The UI applies it only
/// where the user has not answered, and shows `reason` beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub indicator: &'static str,
    pub answer: Answer,
    pub reason: String,
    /// The rules behind the suggestion.
    pub rules: Vec<&'static str>,
}

/// Suggestions for the indicators the rules feed (L1.2.a flexible working, L1.2.b carer's
/// leave, L1.2.c emergency time off), from the rules in force on `on` for the nation:
///
/// - **yes** when every rule for the indicator is answered and met (a legal rule with no
///   breach; a good-practice rule at "enhanced");
/// - **partly** when some are not met but at least one is; **no** when none is;
/// - no suggestion while any is unanswered and none is unmet, or when no rule applies.
///
/// Where the nation has no rule for an indicator but Great Britain does (carer's leave
/// in Northern Ireland), the policy is compared with the law in Great Britain, as the
/// L1.2.b question asks.
pub fn suggested_answers(
    rules: &'static [Rule],
    answers: &PolicyAnswers,
    nation: Nation,
    on: NaiveDate,
) -> Vec<Suggestion> {
    let mut indicators: Vec<&'static str> = Vec::new();
    for i in rules.iter().filter_map(|r| r.indicator) {
        if !indicators.contains(&i) {
            indicators.push(i);
        }
    }
    let in_force = |n: Nation, ind: &str| -> Vec<&'static Rule> {
        rules.iter().filter(|r| r.indicator == Some(ind) && r.status_on(n, on) == RuleStatus::InForce).collect()
    };
    let mut out = Vec::new();
    for ind in indicators {
        let mut applied = in_force(nation, ind);
        let mut prefix = String::new();
        if applied.is_empty() {
            applied = in_force(Nation::England, ind);
            prefix = format!(
                "{} has no statutory rule for this, so your policy is compared with the law in Great Britain. ",
                nations_text(&[nation])
            );
        }
        if applied.is_empty() {
            continue;
        }
        let (mut met, mut unmet, mut unanswered) = (Vec::new(), Vec::new(), 0);
        for r in &applied {
            match answers.level(r.check.field).map(|l| r.check.grade(l)) {
                None => unanswered += 1,
                Some(Grade::Breach) => unmet.push(r),
                Some(Grade::Minimum) if r.is_good_practice() => unmet.push(r),
                Some(_) => met.push(r),
            }
        }
        let ids = |rs: &[&&Rule]| rs.iter().map(|r| r.id).collect::<Vec<_>>().join(", ");
        let (answer, reason) = if unmet.is_empty() {
            if unanswered > 0 {
                continue;
            }
            (
                Answer::Yes,
                format!("your policy answers meet every rule checked for this on {} ({}).", long_date(on), ids(&met)),
            )
        } else {
            let mut reason = format!("your policy answers fall short on {}", ids(&unmet));
            if !met.is_empty() {
                reason += &format!(" and meet {}", ids(&met));
            }
            reason += &format!(" (checked on {}).", long_date(on));
            (if met.is_empty() { Answer::No } else { Answer::Partly }, reason)
        };
        let reason = if prefix.is_empty() { reason } else { prefix + &upper_first(&reason) };
        out.push(Suggestion {
            indicator: ind,
            answer,
            reason: format!("Suggested by the policy checker: {reason}"),
            rules: applied.iter().map(|r| r.id).collect(),
        });
    }
    out
}

// ── Words ──────────────────────────────────────────────────────────────────────────

/// "England", "England, Wales and Scotland", "the whole UK".
pub fn nations_text(nations: &[Nation]) -> String {
    let name = |n: &Nation| match n {
        Nation::England => "England",
        Nation::Wales => "Wales",
        Nation::Scotland => "Scotland",
        Nation::NorthernIreland => "Northern Ireland",
    };
    match nations {
        [] => String::new(),
        [one] => name(one).to_string(),
        all if all.len() == Nation::ALL.len() => "the whole UK".to_string(),
        [rest @ .., last] => format!("{} and {}", rest.iter().map(name).collect::<Vec<_>>().join(", "), name(last)),
    }
}

// ── In the file ───────────────────────────────────────────────────────────────────

/// Checks `$.policies` in an assessment file: sections of answers to the questions.
/// Every answer may be `null` (not answered yet). Problems are added to `c`.
pub fn check_file_part(c: &mut Checker, v: &Value) {
    const PATH: &str = "$.policies";
    if v.is_null() {
        return;
    }
    let Some(top) = c.object(Some(v), PATH) else { return };
    let fields = fields();
    for (key, value) in top {
        let path = child(PATH, key);
        if let Some(f) = fields.iter().find(|f| f.id == key) {
            check_answer(c, f, value, &path);
            continue;
        }
        let in_section = |f: &&FieldInfo| f.id.split_once('.').is_some_and(|(s, _)| s == key);
        if !fields.iter().any(|f| in_section(&f)) {
            c.problem(&path, "is not a field this tool knows");
            continue;
        }
        let Some(section) = c.object(Some(value), &path) else { continue };
        for (name, answer) in section {
            let at = child(&path, name);
            match fields.iter().filter(in_section).find(|f| f.id.split_once('.').is_some_and(|(_, n)| n == name)) {
                Some(f) => check_answer(c, f, answer, &at),
                None => c.problem(&at, "is not a field this tool knows"),
            }
        }
    }
}

fn check_answer(c: &mut Checker, f: &FieldInfo, v: &Value, path: &str) {
    let options = || f.options.iter().map(|o| o.id).collect::<Vec<_>>().join(", ");
    match (f.kind, v) {
        (_, Value::Null) => {}
        (Kind::Number { min, max, .. }, Value::Number(n)) => match n.as_u64() {
            Some(x) if x < u64::from(min) => c.problem(path, format!("{x} is less than the smallest allowed, {min}")),
            Some(x) if x > u64::from(max) => c.problem(path, format!("{x} is more than the largest allowed, {max}")),
            Some(_) => {}
            None if n.as_f64().is_some_and(|x| x < 0.0) => {
                c.problem(path, format!("{n} is less than the smallest allowed, {min}"))
            }
            None => c.problem(path, format!("{n} should be a whole number, without a decimal point")),
        },
        (Kind::Number { .. }, other) => {
            c.problem(path, format!("should be a whole number, but is {}", describe(other)))
        }
        (Kind::YesNo, Value::Bool(_)) => {}
        (Kind::YesNo, other) => c.problem(path, format!("should be true or false, but is {}", describe(other))),
        (Kind::Choice, Value::String(s)) if f.options.iter().any(|o| o.id == s) => {}
        (Kind::Choice, Value::String(s)) => {
            c.problem(path, format!("{} is not one of the allowed values: {}", quoted(s), options()))
        }
        (Kind::Choice, other) => c.problem(path, format!("should be text, but is {}", describe(other))),
        (Kind::Set, Value::Array(items)) => {
            let mut seen: Vec<&str> = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let at = format!("{path}[{i}]");
                match item {
                    Value::String(s) if !f.options.iter().any(|o| o.id == s) => {
                        c.problem(&at, format!("{} is not one of the allowed values: {}", quoted(s), options()))
                    }
                    Value::String(s) if seen.contains(&s.as_str()) => {
                        c.problem(&at, format!("{} is listed more than once", quoted(s)))
                    }
                    Value::String(s) => seen.push(s),
                    other => c.problem(&at, format!("should be text, but is {}", describe(other))),
                }
            }
        }
        (Kind::Set, other) => c.problem(path, format!("should be a list, but is {}", describe(other))),
    }
}

//! Exports of the report and the action plan: pure functions from data to text or
//! bytes, one module per format. Every piece of text is escaped for its format.
//! The tool's own JSON is [`format::to_json`](super::format::to_json).
//!
//! - [`csv`]: the plan as a spreadsheet (UTF-8 with BOM, CRLF, RFC 4180, formula-safe);
//! - [`ics`]: the plan's due dates as an RFC 5545 calendar;
//! - [`markdown`], [`html`]: the report and plan;
//! - [`docx`]: a small Word writer ([`docx::Doc`]) and the report and plan with it.

pub mod csv;
pub mod docx;
pub mod html;
pub mod ics;
pub mod markdown;

use super::content::{Area, Framework};
use super::dates::long_date;
use super::model::Assessment;
use super::passport;
use super::plan::{self, Plan, Schedule, Seed, WORDS};
use super::policy::{self, Finding};
use super::scoring::{self, CriterionStatus, LevelStatus, Score};
use super::text::fill;
use chrono::{DateTime, NaiveDate, Utc};

/// The files the report and action plan are offered as (the tool's own JSON is
/// [`format::to_json`](super::format::to_json)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFile {
    Word,
    Csv,
    Calendar,
    Markdown,
    /// A standalone HTML page.
    Html,
}

/// Everything a report shows, worked out once for every format.
pub struct Report<'a> {
    pub framework: &'a Framework,
    pub assessment: &'a Assessment,
    /// The day of the report: policies are checked against the law on this day.
    pub on: NaiveDate,
    pub score: Score,
    pub findings: Vec<Finding>,
    pub plan: Plan,
}

impl<'a> Report<'a> {
    pub fn new(
        framework: &'a Framework,
        assessment: &'a Assessment,
        on: NaiveDate,
        seeds: &[Seed],
        schedule: &Schedule,
    ) -> Self {
        let nation = assessment.organisation.nation;
        let findings = match &assessment.policies {
            Some(p) => policy::check(policy::rules(), p, nation, on),
            None => Vec::new(),
        };
        let score = scoring::score(framework, assessment, on);
        let plan = plan::build(framework, assessment, &findings, seeds, schedule);
        Report { framework, assessment, on, score, findings, plan }
    }

    /// The report as the tool gives it: the plan seeded with the carer passport's launch
    /// tasks, on the default schedule.
    pub fn for_assessment(framework: &'a Framework, assessment: &'a Assessment, on: NaiveDate) -> Self {
        Self::new(framework, assessment, on, &passport::plan_seeds(assessment), &Schedule::default())
    }

    /// The report as `file`; `made` stamps the calendar's events.
    pub fn file(&self, file: ReportFile, made: DateTime<Utc>) -> Vec<u8> {
        match file {
            ReportFile::Word => docx::report_docx(self),
            ReportFile::Csv => csv::plan_csv(&self.plan).into_bytes(),
            ReportFile::Calendar => {
                ics::plan_ics(&self.plan, self.organisation(), self.assessment.created, made).into_bytes()
            }
            ReportFile::Markdown => markdown::report_markdown(self).into_bytes(),
            ReportFile::Html => html::report_html_page(self).into_bytes(),
        }
    }

    pub fn organisation(&self) -> &str {
        self.assessment.organisation.name.trim()
    }

    /// "Prepared on 22 November 2026 for Acme, England.", with the organisation's name
    /// as given (escaped by the caller for its format).
    fn prepared(&self, organisation: &str) -> String {
        let nation = policy::nations_text(&[self.assessment.organisation.nation]);
        fill(
            WORDS.report_prepared,
            &[("date", &long_date(self.on)), ("organisation", organisation), ("nation", &nation)],
        )
    }

    /// One sentence per level: readiness, criteria met and what is missing.
    fn level_lines(&self) -> Vec<String> {
        self.score
            .levels
            .iter()
            .map(|l| {
                let name = match l.level {
                    1 => WORDS.level_1,
                    2 => WORDS.level_2,
                    _ => WORDS.level_3,
                };
                let status = match l.status {
                    LevelStatus::Ready => WORDS.level_ready,
                    LevelStatus::OnTrack => WORDS.level_on_track,
                    LevelStatus::NotYet => WORDS.level_not_yet,
                };
                let (level, met, total) = (l.level.to_string(), l.met.to_string(), l.total.to_string());
                let mut line = fill(
                    WORDS.level_line,
                    &[("level", &level), ("name", name), ("status", status), ("met", &met), ("total", &total)],
                );
                if !l.missing.is_empty() {
                    line.push(' ');
                    line += &fill(WORDS.level_missing, &[("missing", &l.missing.join(", "))]);
                }
                line
            })
            .collect()
    }

    fn overall(&self) -> String {
        let o = self.score.overall;
        let (p, e, a) = (o.percent().to_string(), o.earned.to_string(), o.available.to_string());
        fill(WORDS.overall, &[("percent", &p), ("earned", &e), ("available", &a)])
    }

    /// Criteria rows: ID, title, level, status, points.
    fn criteria_rows(&self) -> Vec<[String; 5]> {
        self.score
            .criteria
            .iter()
            .map(|c| {
                let title = self.framework.criterion(&c.id).map_or("", |x| x.title);
                let status = match c.status {
                    CriterionStatus::Met => WORDS.criterion_met,
                    CriterionStatus::Partly => WORDS.criterion_partly,
                    CriterionStatus::NotMet => WORDS.criterion_not_met,
                };
                let points = format!("{} / {}", c.points.earned, c.points.available);
                [c.id.clone(), title.to_string(), c.level.to_string(), status.to_string(), points]
            })
            .collect()
    }

    fn findings_heading(&self) -> String {
        fill(WORDS.heading_findings, &[("date", &long_date(self.on))])
    }

    fn plan_heading(&self) -> String {
        fill(WORDS.heading_plan, &[("date", &long_date(self.plan.start))])
    }
}

pub fn area_label(a: Area) -> &'static str {
    match a {
        Area::Identification => WORDS.area_identification,
        Area::Policy => WORDS.area_policy,
        Area::Practice => WORDS.area_practice,
        Area::Peer => WORDS.area_peer,
        Area::Communication => WORDS.area_communication,
    }
}

//! The report and the action plan: [`Report`] works out everything once, builds the
//! report as a [`Document`] ([`Report::document`]), rendered to HTML, Markdown and Word
//! by [`document`], and gives the plan as a spreadsheet and a calendar.
//! The tool's own JSON is [`format::to_json`](super::format::to_json).
//!
//! - [`csv`]: the plan as a spreadsheet (UTF-8 with BOM, CRLF, RFC 4180, formula-safe);
//! - [`ics`]: the plan's due dates as an RFC 5545 calendar.

pub mod csv;
pub mod ics;

use super::content::{Area, Framework};
use super::dates::long_date;
use super::document::{self, strong, Block, Document, Section, Table, Text};
use super::model::Assessment;
use super::passport;
use super::plan::{self, grade_label, priority_label, Plan, Schedule, Seed, WORDS};
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
            ReportFile::Word => document::docx::render(&self.document()),
            ReportFile::Csv => csv::plan_csv(&self.plan).into_bytes(),
            ReportFile::Calendar => {
                ics::plan_ics(&self.plan, self.organisation(), self.assessment.created, made).into_bytes()
            }
            ReportFile::Markdown => document::markdown::render(&self.document()).into_bytes(),
            ReportFile::Html => document::html::page(&self.document(), "cb-report", None, PAGE_CSS).into_bytes(),
        }
    }

    pub fn organisation(&self) -> &str {
        self.assessment.organisation.name.trim()
    }

    /// The report as an HTML fragment (`<article class="cb-report" …>`), for the
    /// screen and the browser's print view, which bring their own stylesheet.
    pub fn html(&self) -> String {
        document::html::fragment(&self.document(), "cb-report", None)
    }

    /// The report: who and when, level readiness, scores by area (a chart and a table),
    /// the criteria, the policy findings and the action plan (from a new page).
    pub fn document(&self) -> Document {
        let w = &WORDS;
        let org = self.organisation();
        let nation = policy::nations_text(&[self.assessment.organisation.nation]);
        let prepared =
            fill(w.report_prepared, &[("date", &long_date(self.on)), ("organisation", org), ("nation", &nation)]);
        let table = |headers: &[&str], rows: Vec<Vec<Vec<Text>>>| {
            Block::Table(Table { headers: headers.iter().map(|h| h.to_string()).collect(), rows })
        };
        let cell = |s: &str| vec![Text::from(s)];

        let o = self.score.overall;
        let (p, e, a) = (o.percent().to_string(), o.earned.to_string(), o.available.to_string());
        let overall = fill(w.overall, &[("percent", &p), ("earned", &e), ("available", &a)]);
        let levels = Section::new(
            "levels",
            w.heading_levels,
            vec![
                Block::Bullets(self.level_lines().into_iter().map(Text::from).collect()),
                Block::Paragraph(strong(overall)),
            ],
        );

        let areas = Section::new(
            "areas",
            w.heading_areas,
            vec![
                Block::Chart {
                    title: w.chart_title.into(),
                    bars: self.score.areas.iter().map(|a| (area_label(a.area).to_string(), a.percent)).collect(),
                },
                table(
                    &[w.col_area, w.col_points, w.col_percent],
                    self.score
                        .areas
                        .iter()
                        .map(|a| {
                            vec![
                                cell(area_label(a.area)),
                                cell(&format!("{} / {}", a.points.earned, a.points.available)),
                                cell(&format!("{}%", a.percent)),
                            ]
                        })
                        .collect(),
                ),
            ],
        );

        let criteria = self
            .score
            .criteria
            .iter()
            .map(|c| {
                let title = self.framework.criterion(&c.id).map_or("", |x| x.title);
                let status = match c.status {
                    CriterionStatus::Met => w.criterion_met,
                    CriterionStatus::Partly => w.criterion_partly,
                    CriterionStatus::NotMet => w.criterion_not_met,
                };
                let points = format!("{} / {}", c.points.earned, c.points.available);
                vec![cell(&c.id), cell(title), cell(&c.level.to_string()), cell(status), cell(&points)]
            })
            .collect();
        let criteria = Section::new(
            "criteria",
            w.heading_criteria,
            vec![table(&[w.col_id, w.col_criterion, w.col_level, w.col_status, w.col_points], criteria)],
        );

        let findings = if self.findings.is_empty() {
            Block::Paragraph(w.no_findings.into())
        } else {
            table(
                &[w.col_rule, w.col_grade, w.col_finding],
                self.findings
                    .iter()
                    .map(|f| {
                        vec![cell(f.rule_id), cell(grade_label(f.grade)), vec![strong(f.title), f.note.as_str().into()]]
                    })
                    .collect(),
            )
        };
        let findings =
            Section::new("findings", fill(w.heading_findings, &[("date", &long_date(self.on))]), vec![findings]);

        let actions = if self.plan.actions.is_empty() {
            Block::Paragraph(w.no_actions.into())
        } else {
            table(
                &[w.col_action, w.col_owner, w.col_priority, w.col_dates, w.col_status, w.col_success],
                self.plan
                    .actions
                    .iter()
                    .map(|a| {
                        let mut action = vec![strong(a.title.as_str())];
                        if !a.why.text.is_empty() {
                            action.push(format!("{}: {}", w.col_why, a.why.text).into());
                        }
                        if !a.notes.is_empty() {
                            action.push(format!("{}: {}", w.col_notes, a.notes).into());
                        }
                        vec![
                            action,
                            cell(&a.owner),
                            cell(priority_label(a.priority)),
                            vec![Text::default().date(a.start).plain(" \u{2013} ").date(a.due)],
                            cell(a.status.label()),
                            cell(&a.success),
                        ]
                    })
                    .collect(),
            )
        };
        let mut plan =
            Section::new("plan", fill(w.heading_plan, &[("date", &long_date(self.plan.start))]), vec![actions]);
        plan.new_page = true;

        Document {
            title: fill(w.report_subtitle, &[("organisation", org)]),
            subtitle: w.report_title.into(),
            intro: prepared.into(),
            note: w.independence.into(),
            sections: vec![levels, areas, criteria, findings, plan],
        }
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
}

/// The stylesheet of the command line's HTML page (the app brings its own).
const PAGE_CSS: &str = "body{font-family:Arial,sans-serif;color:#0b0c0c;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}\
    table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #b1b4b6;padding:.4rem;text-align:left;vertical-align:top}\
    th{background:#f3f2f1}time{white-space:nowrap}.cb-report-chart svg{max-width:100%;height:auto}\
    .cb-report-table td p{margin:.25rem 0 0;font-size:.9em}.cb-report-note{border-left:4px solid #b1b4b6;padding-left:1rem}\
    @media print{body{margin:0;max-width:none}tr{break-inside:avoid}.cb-report-new-page{break-before:page}}";

pub fn area_label(a: Area) -> &'static str {
    match a {
        Area::Identification => WORDS.area_identification,
        Area::Policy => WORDS.area_policy,
        Area::Practice => WORDS.area_practice,
        Area::Peer => WORDS.area_peer,
        Area::Communication => WORDS.area_communication,
    }
}

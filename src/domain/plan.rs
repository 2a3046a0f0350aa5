//! The action plan: every gap of an assessment becomes an action, merged with the user's
//! edits. Documented in the README, "Action plan and exports".
//!
//! - **Sources**, each with a stable ID: an indicator not at yes gives its recommended
//!   actions (`act:<action id>`); a yes without evidence gives "record the evidence"
//!   (`evidence:<indicator>`); a policy breach gives `policy:<rule>`, a rule only met at
//!   the legal minimum gives `improve:<rule>`; the caller's [`Seed`]s give
//!   `task:<seed id>`; the user's own actions are `own:<n>`.
//! - **Dates** come from the plan's start date and the [`Schedule`] (days after the start
//!   for each tier; defaults in `src/content/plan.toml`). Actions are ordered by due
//!   date, then tier (breaches first), then the order of the content.
//! - **Edits** ([`PlanState`]) are keyed by action ID, so they survive regeneration. An
//!   action that was in the plan before ([`PlanState::seen`]) or has edits is never
//!   dropped: when its gap closes it is kept as [`Status::Resolved`]. A removed action
//!   stays removed.
//! - The state is kept on the assessment in its file form (`Assessment::plan`, a JSON
//!   value checked on import by [`check_file_part`]), read and written only here
//!   ([`plan_state`], [`edit_plan`]): storing an assessment then
//!   costs the browser's first load about 4 KB compressed instead of 10 for typed serde.

use super::content::{Criterion, Framework, Indicator, Owner, Priority};
use super::dates::{self, parse_ymd};
use super::json::{child, describe, ids, quoted, Checker};
use super::model::{Answer, Assessment};
use super::policy::{self, Finding, Grade};
use super::text::{clamp, fill, too_long};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

include!(concat!(env!("OUT_DIR"), "/plan.rs"));

/// When a tier's actions start and are due, in days after the plan's start date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    pub start: u32,
    pub due: u32,
}

/// The timing of each tier. [`Schedule::default`] is `[schedule]` in
/// `src/content/plan.toml`; a caller may pass any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Schedule {
    pub breach: Window,
    pub level1: Window,
    pub level2: Window,
    pub level3: Window,
    pub improvement: Window,
    /// Default dates for an action the user adds.
    pub own: Window,
}

impl Default for Schedule {
    fn default() -> Self {
        DEFAULT_SCHEDULE
    }
}

/// A group of actions, in the order they are tackled when due the same day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Breach,
    Level1,
    Level2,
    Level3,
    Improvement,
    Task,
    Own,
}

id_list!(Tier: Breach = "breach", Level1 = "level1", Level2 = "level2", Level3 = "level3",
    Improvement = "improvement", Task = "task", Own = "own");

impl Tier {
    pub fn label(self) -> &'static str {
        let w = &WORDS;
        match self {
            Tier::Breach => w.tier_breach,
            Tier::Level1 => w.tier_level1,
            Tier::Level2 => w.tier_level2,
            Tier::Level3 => w.tier_level3,
            Tier::Improvement => w.tier_improvement,
            Tier::Task => w.tier_task,
            Tier::Own => w.tier_own,
        }
    }

    fn of_level(level: u8) -> Tier {
        match level {
            1 => Tier::Level1,
            2 => Tier::Level2,
            _ => Tier::Level3,
        }
    }
}

impl Schedule {
    /// The window of a tier; tasks bring their own dates, so they take `own`.
    pub fn window(&self, tier: Tier) -> Window {
        match tier {
            Tier::Breach => self.breach,
            Tier::Level1 => self.level1,
            Tier::Level2 => self.level2,
            Tier::Level3 => self.level3,
            Tier::Improvement => self.improvement,
            Tier::Task | Tier::Own => self.own,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    NotStarted,
    InProgress,
    Done,
    /// The gap behind the action has closed (set by [`build`]).
    Resolved,
}

id_list!(Status: NotStarted = "not_started", InProgress = "in_progress", Done = "done", Resolved = "resolved");

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => WORDS.status_not_started,
            Status::InProgress => WORDS.status_in_progress,
            Status::Done => WORDS.status_done,
            Status::Resolved => WORDS.status_resolved,
        }
    }
}

pub fn owner_label(o: Owner) -> &'static str {
    let w = &WORDS;
    match o {
        Owner::Hr => w.owner_hr,
        Owner::LineManagers => w.owner_line_managers,
        Owner::Leadership => w.owner_leadership,
        Owner::CarersNetwork => w.owner_carers_network,
        Owner::Communications => w.owner_communications,
        Owner::Learning => w.owner_learning,
    }
}

pub fn priority_label(p: Priority) -> &'static str {
    match p {
        Priority::High => WORDS.priority_high,
        Priority::Medium => WORDS.priority_medium,
        Priority::Low => WORDS.priority_low,
    }
}

/// What an action comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// An indicator not at yes; `reference` is the indicator ID.
    Indicator,
    /// A yes without evidence; `reference` is the indicator ID.
    Evidence,
    /// A policy breach; `reference` is the rule ID.
    Breach,
    /// A rule met only at the legal minimum; `reference` is the rule ID.
    Improvement,
    /// A caller's seeded task; `reference` is the seed ID.
    Task,
    /// Added by the user; `reference` is empty.
    Own,
}

/// Why an action is in the plan: a machine-readable reference and the words to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Why {
    pub source: Source,
    pub reference: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanAction {
    /// Stable: `act:…`, `evidence:…`, `policy:…`, `improve:…`, `task:…` or `own:<n>`.
    pub id: String,
    pub tier: Tier,
    pub title: String,
    pub why: Why,
    pub owner: String,
    pub priority: Priority,
    pub start: NaiveDate,
    pub due: NaiveDate,
    pub status: Status,
    /// How the employer will know the action worked.
    pub success: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub start: NaiveDate,
    pub actions: Vec<PlanAction>,
    /// Removed by the user, for offering them back ([`PlanState::restore`]).
    pub removed: Vec<PlanAction>,
}

/// A task from elsewhere (the carer passport's launch tasks), added as `task:<id>`.
/// Pass every task known, with `open: false` once it needs no doing: a closed task
/// that was in the plan before is kept as resolved rather than lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seed {
    /// Stable and not empty (a seed without one is left out).
    pub id: String,
    pub title: String,
    pub why: String,
    pub owner: String,
    pub priority: Priority,
    /// Due this many days after the plan's start; it starts on the plan's start.
    pub due_in_days: u32,
    pub success: String,
    pub open: bool,
}

// ── What the user changed (stored in the assessment file under `plan`) ────────────

/// The user's changes to one action. Absent fields keep the generated value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Edit {
    pub owner: Option<String>,
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub status: Option<Status>,
    /// Empty when there are none.
    pub notes: String,
    pub removed: bool,
}

/// An action the user added: `own:<n>`. Its owner, dates, status and notes are edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnAction {
    pub n: u32,
    pub title: String,
    /// Empty when not given, as is `success`.
    pub why: String,
    pub priority: Priority,
    pub success: String,
}

/// The plan's start date and the user's changes, kept on the assessment in the file's
/// form (`$.plan`; see the README): [`plan_state`], [`edit_plan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanState {
    pub start: NaiveDate,
    /// Action ID → the user's changes.
    pub edits: BTreeMap<String, Edit>,
    pub own: Vec<OwnAction>,
    /// Every action ID that has been in the plan ([`PlanState::record`]).
    pub seen: BTreeSet<String>,
}

impl PlanState {
    /// A plan starting on `start`, brought into the years [`dates::EARLIEST`] to
    /// [`dates::LATEST`] if it is outside them (a device's clock far off).
    pub fn new(start: NaiveDate) -> Self {
        PlanState { start: dates::clamp(start), edits: BTreeMap::new(), own: Vec::new(), seen: BTreeSet::new() }
    }

    fn edit(&mut self, id: &str) -> &mut Edit {
        self.seen.insert(id.to_string());
        self.edits.entry(id.to_string()).or_default()
    }

    /// Remembers every action of a plan as seen, so that it is kept (as resolved) when
    /// its gap closes. Call it whenever the plan is shown or exported.
    pub fn record(&mut self, plan: &Plan) {
        self.seen.extend(plan.actions.iter().chain(&plan.removed).map(|a| a.id.clone()));
    }

    /// An empty owner goes back to the generated one.
    pub fn set_owner(&mut self, id: &str, owner: &str) {
        let owner = owner.trim();
        self.edit(id).owner = (!owner.is_empty()).then(|| clamp(owner));
    }

    /// Returns false, changing nothing, when `due` is before `start` or either is outside
    /// the years [`dates::EARLIEST`] to [`dates::LATEST`].
    pub fn set_dates(&mut self, id: &str, start: NaiveDate, due: NaiveDate) -> bool {
        if due < start || !dates::in_range(start) || !dates::in_range(due) {
            return false;
        }
        let e = self.edit(id);
        e.start = Some(start);
        e.due = Some(due);
        true
    }

    pub fn set_status(&mut self, id: &str, status: Status) {
        self.edit(id).status = Some(status);
    }

    pub fn set_notes(&mut self, id: &str, notes: &str) {
        self.edit(id).notes = clamp(notes);
    }

    pub fn remove(&mut self, id: &str) {
        self.edit(id).removed = true;
    }

    pub fn restore(&mut self, id: &str) {
        self.edit(id).removed = false;
    }

    /// Adds the user's own action, dated by the schedule's `own` window, and returns its
    /// ID; `None`, adding nothing, when the title is empty.
    pub fn add_own(&mut self, title: &str, priority: Priority, schedule: &Schedule) -> Option<String> {
        let title = title.trim();
        if title.is_empty() {
            return None;
        }
        let n = self.own.iter().map(|o| o.n).max().unwrap_or(0) + 1;
        self.own.push(OwnAction { n, title: clamp(title), why: String::new(), priority, success: String::new() });
        let id = format!("own:{n}");
        let (start, due) = dates(self.start, schedule.own);
        self.set_dates(&id, start, due);
        Some(id)
    }
}

/// `days` after `start`, but never after [`dates::LATEST`], so no date of the plan can
/// run past the years a file may hold (nor break a calendar's eight-digit dates).
fn after(start: NaiveDate, days: u32) -> NaiveDate {
    start.checked_add_days(Days::new(days.into())).map_or(dates::LATEST, |d| d.min(dates::LATEST))
}

fn dates(start: NaiveDate, w: Window) -> (NaiveDate, NaiveDate) {
    (after(start, w.start), after(start, w.due))
}

// ── Building the plan ──────────────────────────────────────────────────────────────

/// An action as generated, before edits: `open` is false when rebuilt for a closed gap.
struct Gen {
    action: PlanAction,
    open: bool,
}

struct Builder<'a> {
    start: NaiveDate,
    schedule: &'a Schedule,
    out: Vec<Gen>,
}

impl Builder<'_> {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        id: String,
        tier: Tier,
        title: String,
        why: Why,
        owner: &str,
        priority: Priority,
        success: String,
        open: bool,
    ) {
        let (start, due) = dates(self.start, self.schedule.window(tier));
        let action = PlanAction {
            id,
            tier,
            title,
            why,
            owner: owner.to_string(),
            priority,
            start,
            due,
            status: if open { Status::NotStarted } else { Status::Resolved },
            success,
            notes: String::new(),
        };
        self.out.push(Gen { action, open });
    }

    /// The recommended actions of an indicator not at yes (or, `open` false, at yes).
    fn indicator(&mut self, c: &Criterion, ind: &Indicator, answer: Option<Answer>, only: Option<&str>, open: bool) {
        let answer = match answer {
            None => WORDS.answer_none,
            Some(Answer::No) => WORDS.answer_no,
            Some(Answer::Partly) => WORDS.answer_partly,
            Some(Answer::Yes) => WORDS.answer_yes,
        };
        let text = fill(
            WORDS.gap_why,
            &[
                ("indicator", ind.id),
                ("criterion", c.id),
                ("criterion_title", c.title),
                ("question", ind.question),
                ("answer", answer),
            ],
        );
        for a in ind.actions.iter().filter(|a| only.is_none_or(|id| id == a.id)) {
            let why = Why { source: Source::Indicator, reference: ind.id.to_string(), text: text.clone() };
            let tier = Tier::of_level(c.level);
            self.push(
                format!("act:{}", a.id),
                tier,
                a.title.to_string(),
                why,
                owner_label(a.owner),
                a.priority,
                a.success.to_string(),
                open,
            );
        }
    }

    fn evidence(&mut self, c: &Criterion, ind: &Indicator, open: bool) {
        let vals = [
            ("indicator", ind.id),
            ("criterion", c.id),
            ("criterion_title", c.title),
            ("example", ind.evidence.first().copied().unwrap_or("")),
        ];
        let why =
            Why { source: Source::Evidence, reference: ind.id.to_string(), text: fill(WORDS.evidence_why, &vals) };
        let first = ind.actions.first();
        self.push(
            format!("evidence:{}", ind.id),
            Tier::of_level(c.level),
            fill(WORDS.evidence_title, &vals),
            why,
            owner_label(first.map_or(Owner::Hr, |a| a.owner)),
            first.map_or(Priority::Medium, |a| a.priority),
            fill(WORDS.evidence_success, &vals),
            open,
        );
    }

    /// A breach (`policy:`) or a rule met only at the minimum (`improve:`). `finding` is
    /// `None` when the rule no longer gives that grade.
    fn rule(&mut self, rule_id: &str, breach: bool, finding: Option<&Finding>) {
        let title = policy::rules().iter().find(|r| r.id == rule_id).map_or(rule_id, |r| r.title());
        let text = match finding {
            Some(f) => {
                fill(WORDS.finding_why, &[("rule", rule_id), ("grade", grade_label(f.grade)), ("note", &f.note)])
            }
            None => fill(WORDS.finding_gone_why, &[("rule", rule_id), ("title", title)]),
        };
        let (id, tier, source, t, s, priority) = if breach {
            (
                format!("policy:{rule_id}"),
                Tier::Breach,
                Source::Breach,
                WORDS.breach_title,
                WORDS.breach_success,
                Priority::High,
            )
        } else {
            (
                format!("improve:{rule_id}"),
                Tier::Improvement,
                Source::Improvement,
                WORDS.improve_title,
                WORDS.improve_success,
                Priority::Medium,
            )
        };
        let vals = [("rule", rule_id), ("title", title)];
        let why = Why { source, reference: rule_id.to_string(), text };
        self.push(id, tier, fill(t, &vals), why, WORDS.owner_hr, priority, fill(s, &vals), finding.is_some());
    }

    fn seed(&mut self, s: &Seed) {
        let why = Why { source: Source::Task, reference: s.id.clone(), text: s.why.clone() };
        self.push(
            format!("task:{}", s.id),
            Tier::Task,
            s.title.clone(),
            why,
            &s.owner,
            s.priority,
            s.success.clone(),
            s.open,
        );
        let last = self.out.last_mut().expect("just pushed");
        last.action.start = self.start;
        last.action.due = after(self.start, s.due_in_days);
    }

    fn own(&mut self, o: &OwnAction) {
        let why = Why { source: Source::Own, reference: String::new(), text: o.why.clone() };
        self.push(format!("own:{}", o.n), Tier::Own, o.title.clone(), why, "", o.priority, o.success.clone(), true);
    }

    /// Rebuilds an action from its ID for a gap that has closed. An ID this version
    /// does not know (content since changed) is kept under its ID, for the user to remove.
    fn closed(&mut self, fw: &Framework, id: &str, seeds: &[Seed]) {
        let before = self.out.len();
        match id.split_once(':') {
            Some(("act", action)) => {
                let of = |i: &Indicator| i.actions.iter().any(|a| a.id == action);
                if let Some((c, ind)) =
                    fw.criteria.iter().find_map(|c| c.indicators.iter().find(|i| of(i)).map(|i| (c, i)))
                {
                    self.indicator(c, ind, Some(Answer::Yes), Some(action), false);
                }
            }
            Some(("evidence", ind)) => {
                if let Some((c, ind)) = fw.indicator(ind) {
                    self.evidence(c, ind, false);
                }
            }
            Some(("policy", rule)) => self.rule(rule, true, None),
            Some(("improve", rule)) => self.rule(rule, false, None),
            Some(("task", seed)) => {
                if let Some(s) = seeds.iter().find(|s| s.id == seed) {
                    self.seed(&Seed { open: false, ..s.clone() });
                }
            }
            _ => {}
        }
        if self.out.len() == before {
            let why = Why { source: Source::Own, reference: String::new(), text: String::new() };
            self.push(id.to_string(), Tier::Own, id.to_string(), why, "", Priority::Low, String::new(), false);
        }
    }
}

pub fn grade_label(g: Grade) -> &'static str {
    match g {
        Grade::Breach => WORDS.grade_breach,
        Grade::Minimum => WORDS.grade_minimum,
        Grade::Enhanced => WORDS.grade_enhanced,
        Grade::Coming => WORDS.grade_coming,
    }
}

/// The plan for an assessment: its gaps, `findings` (from [`policy::check`] for the
/// same assessment) graded breach or minimum, and the open `seeds`, merged with the
/// edits in `assessment.plan`. Without a plan state, the plan starts on the day the
/// assessment was created.
pub fn build(
    framework: &Framework,
    assessment: &Assessment,
    findings: &[Finding],
    seeds: &[Seed],
    schedule: &Schedule,
) -> Plan {
    let state = plan_state(assessment).unwrap_or_else(|| PlanState::new(assessment.created.date_naive()));
    // Read from a file or storage, the start is in the years; set by a caller, it may not be.
    let start = dates::clamp(state.start);
    let mut b = Builder { start, schedule, out: Vec::new() };
    for c in framework.criteria {
        for ind in c.indicators {
            match assessment.answer(ind.id) {
                Some(a) if a.answer == Answer::Yes && a.has_evidence() => {}
                Some(a) if a.answer == Answer::Yes => b.evidence(c, ind, true),
                a => b.indicator(c, ind, a.map(|a| a.answer), None, true),
            }
        }
    }
    for f in findings {
        match f.grade {
            Grade::Breach => b.rule(f.rule_id, true, Some(f)),
            Grade::Minimum => b.rule(f.rule_id, false, Some(f)),
            Grade::Enhanced | Grade::Coming => {}
        }
    }
    // An empty seed ID would give `task:`, which the file format refuses.
    for s in seeds.iter().filter(|s| s.open && !s.id.is_empty()) {
        b.seed(s);
    }
    for o in &state.own {
        b.own(o);
    }
    // Closed gaps that were in the plan before, or were edited: kept, as resolved.
    let open: BTreeSet<&str> = b.out.iter().map(|g| g.action.id.as_str()).collect();
    let closed: BTreeSet<String> =
        state.seen.iter().chain(state.edits.keys()).filter(|id| !open.contains(id.as_str())).cloned().collect();
    for id in &closed {
        b.closed(framework, id, seeds);
    }

    let mut plan = Plan { start, actions: Vec::new(), removed: Vec::new() };
    for Gen { mut action, open } in b.out {
        let Some(e) = state.edits.get(&action.id) else {
            plan.actions.push(action);
            continue;
        };
        if let Some(o) = &e.owner {
            action.owner = o.clone();
        }
        action.start = e.start.unwrap_or(action.start);
        action.due = e.due.unwrap_or(action.due);
        if open {
            action.status = e.status.unwrap_or(action.status);
        }
        action.notes = e.notes.clone();
        if e.removed { &mut plan.removed } else { &mut plan.actions }.push(action);
    }
    // Stable: ties keep the content's order.
    plan.actions.sort_by_key(|a| (a.due, a.tier));
    plan
}

// ── In the file ───────────────────────────────────────────────────────────────────

impl PlanState {
    /// The state in the file's form (`$.plan`; see the README).
    pub fn to_value(&self) -> Value {
        let text = |t: &str| Value::String(t.to_string());
        let mut top = Map::new();
        top.insert("start".into(), Value::String(dates::clamp(self.start).to_string()));
        let mut edits = Map::new();
        for (id, e) in &self.edits {
            let mut m = Map::new();
            let fields = [
                ("owner", e.owner.as_deref().map(text)),
                ("start", e.start.map(|d| Value::String(d.to_string()))),
                ("due", e.due.map(|d| Value::String(d.to_string()))),
                ("status", e.status.map(|x| text(x.id()))),
                ("notes", (!e.notes.is_empty()).then(|| text(&e.notes))),
                ("removed", e.removed.then_some(Value::Bool(true))),
            ];
            m.extend(fields.into_iter().filter_map(|(k, v)| Some((k.to_string(), v?))));
            edits.insert(id.clone(), Value::Object(m));
        }
        if !edits.is_empty() {
            top.insert("edits".into(), Value::Object(edits));
        }
        if !self.own.is_empty() {
            let own = self.own.iter().map(|o| {
                let mut m = Map::new();
                m.insert("n".into(), o.n.into());
                m.insert("title".into(), text(&o.title));
                for (key, t) in [("why", &o.why), ("success", &o.success)].into_iter().filter(|(_, t)| !t.is_empty()) {
                    m.insert(key.into(), text(t));
                }
                m.insert("priority".into(), text(o.priority.id()));
                Value::Object(m)
            });
            top.insert("own".into(), own.collect());
        }
        if !self.seen.is_empty() {
            top.insert("seen".into(), self.seen.iter().map(|id| text(id)).collect());
        }
        Value::Object(top)
    }

    /// Reads the file's form. The file was checked when it was imported
    /// ([`check_file_part`]); anything unreadable is skipped
    /// here, and a missing or bad start date gives `None`.
    pub fn from_value(v: &Value) -> Option<PlanState> {
        let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let day = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).and_then(parse_ymd);
        let mut state = PlanState::new(day(v, "start")?);
        for (id, e) in v.get("edits").and_then(Value::as_object).into_iter().flatten() {
            let edit = Edit {
                owner: text(e, "owner"),
                start: day(e, "start"),
                due: day(e, "due"),
                status: e.get("status").and_then(Value::as_str).and_then(Status::from_id),
                notes: text(e, "notes").unwrap_or_default(),
                removed: e.get("removed").and_then(Value::as_bool).unwrap_or(false),
            };
            state.edits.insert(id.clone(), edit);
        }
        for o in v.get("own").and_then(Value::as_array).into_iter().flatten() {
            let (Some(n), Some(title)) =
                (o.get("n").and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok()), text(o, "title"))
            else {
                continue;
            };
            let priority =
                o.get("priority").and_then(Value::as_str).and_then(Priority::from_id).unwrap_or(Priority::Medium);
            state.own.push(OwnAction {
                n,
                title,
                why: text(o, "why").unwrap_or_default(),
                priority,
                success: text(o, "success").unwrap_or_default(),
            });
        }
        state.seen = v
            .get("seen")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
        Some(state)
    }
}

/// The plan's state, if the plan has been started.
pub fn plan_state(assessment: &Assessment) -> Option<PlanState> {
    assessment.plan.as_ref().and_then(PlanState::from_value)
}

/// Changes the plan's state (started on `start` if there is none yet) and stores it in
/// the assessment. `updated` is left to the caller.
pub fn edit_plan<R>(assessment: &mut Assessment, start: NaiveDate, change: impl FnOnce(&mut PlanState) -> R) -> R {
    let mut state = plan_state(assessment).unwrap_or_else(|| PlanState::new(start));
    let out = change(&mut state);
    assessment.plan = Some(state.to_value());
    out
}

/// What a field of the plan holds.
#[derive(Clone, Copy)]
enum Slot {
    Text,
    Date,
    Flag,
    /// A whole number from 1.
    Number,
    Status,
    Priority,
}

/// An object with only the fields in `spec` (key, what it holds, required).
fn fields<'v>(
    c: &mut Checker,
    v: &'v Value,
    path: &str,
    spec: &[(&str, Slot, bool)],
) -> Option<&'v Map<String, Value>> {
    let m = c.object(Some(v), path)?;
    c.unknown_keys(m, path, &spec.iter().map(|s| s.0).collect::<Vec<_>>());
    for &(key, slot, required) in spec {
        let (x, at) = (m.get(key), child(path, key));
        match (slot, x) {
            (_, None) if !required => {}
            (Slot::Text, _) => _ = c.text(x, &at, required),
            (Slot::Date, _) => _ = c.date(x, &at, required),
            (Slot::Status, _) => _ = c.choice(x, &at, Status::from_id, &ids(Status::ALL, Status::id)),
            (Slot::Priority, _) => _ = c.choice(x, &at, Priority::from_id, &ids(Priority::ALL, Priority::id)),
            (_, None) => c.problem(&at, "is missing"),
            (Slot::Flag, Some(Value::Bool(_))) => {}
            (Slot::Flag, Some(other)) => c.problem(&at, format!("should be true or false, but is {}", describe(other))),
            (Slot::Number, Some(n)) => {
                if !n.as_u64().is_some_and(|n| n >= 1 && n <= u64::from(u32::MAX)) {
                    c.problem(&at, format!("{n} should be a whole number from 1"));
                }
            }
        }
    }
    Some(m)
}

fn check_action_id(c: &mut Checker, id: &str, path: &str) {
    let ok = match id.split_once(':') {
        Some(("own", n)) => n.parse::<u32>().is_ok_and(|n| n > 0),
        Some(("act" | "evidence" | "policy" | "improve" | "task", rest)) => !rest.is_empty(),
        _ => false,
    } && !too_long(id);
    if !ok {
        let shown: String = id.chars().take(100).collect();
        c.problem(
            path,
            format!(
                "{} is not an action ID (act:, evidence:, policy:, improve:, task: or own: followed by an ID)",
                quoted(&shown)
            ),
        );
    }
}

/// Checks `$.plan` in an assessment file: the start date and the user's changes
/// ([`PlanState`]). Problems are added to `c`.
pub fn check_file_part(c: &mut Checker, v: &Value) {
    const EDIT: &[(&str, Slot, bool)] = &[
        ("owner", Slot::Text, false),
        ("start", Slot::Date, false),
        ("due", Slot::Date, false),
        ("status", Slot::Status, false),
        ("notes", Slot::Text, false),
        ("removed", Slot::Flag, false),
    ];
    const OWN: &[(&str, Slot, bool)] = &[
        ("n", Slot::Number, true),
        ("title", Slot::Text, true),
        ("why", Slot::Text, false),
        ("priority", Slot::Priority, true),
        ("success", Slot::Text, false),
    ];
    let Some(top) = c.object(Some(v), "$.plan") else { return };
    c.unknown_keys(top, "$.plan", &["start", "edits", "own", "seen"]);
    c.date(top.get("start"), "$.plan.start", true);
    let edits = top.get("edits").and_then(|e| c.object(Some(e), "$.plan.edits"));
    for (id, e) in edits.into_iter().flatten() {
        let path = child("$.plan.edits", id);
        check_action_id(c, id, &path);
        let Some(e) = fields(c, e, &path, EDIT) else { continue };
        let day = |k| e.get(k).and_then(Value::as_str).and_then(parse_ymd);
        if let (Some(s), Some(d)) = (day("start"), day("due")) {
            if d < s {
                c.problem(&child(&path, "due"), format!("{d} is before the start, {s}"));
            }
        }
    }
    let mut numbers = Vec::new();
    for (i, o) in c.list(top.get("own"), "$.plan.own", false).iter().enumerate() {
        let path = format!("$.plan.own[{i}]");
        let Some(o) = fields(c, o, &path, OWN) else { continue };
        if o.get("title").and_then(Value::as_str).is_some_and(|t| t.trim().is_empty()) {
            c.problem(&child(&path, "title"), "is empty: every action needs a title");
        }
        if let Some(n) = o.get("n").and_then(Value::as_u64) {
            if numbers.contains(&n) {
                c.problem(&child(&path, "n"), format!("{n} is used by another action"));
            }
            numbers.push(n);
        }
    }
    for (i, id) in c.list(top.get("seen"), "$.plan.seen", false).iter().enumerate() {
        let path = format!("$.plan.seen[{i}]");
        if let Some(id) = c.text(Some(id), &path, true) {
            check_action_id(c, id, &path);
        }
    }
}

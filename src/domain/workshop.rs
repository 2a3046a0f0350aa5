//! Workshop mode, for carers' organisations running employer workshops: a facilitator at
//! the front with a projector, each employer on their own laptop, and no server.
//!
//! - The running order ([`running_order`]) is content: `src/content/workshop.toml`.
//! - A participant turns their assessment into a [`Share`]: levels, area percentages and
//!   criterion statuses only, plus the organisation's name if (and only if) they consent.
//!   No answers, no evidence. A share travels as a short code ([`Share::code`], see
//!   `code.rs` for the format) or a small JSON file ([`share_to_json`]).
//! - The facilitator collects shares in a [`Cohort`], which refuses duplicates, and shows
//!   the room a [`Summary`]; its code ([`Summary::code`], never carrying names) lets each
//!   participant [`compare`] their own share with the room.
//! - The summary exports as text, CSV, Markdown and an HTML fragment for print (`export.rs`).

use super::content::Area;
use super::json::{quoted, Problem};
use super::model::Assessment;
use super::scoring::{CriterionStatus, LevelStatus, Score, LEVELS};
use super::{dates, text};
use serde::Serialize;
use std::fmt;

mod code;
mod export;
mod file;

pub use code::{decode, decode_share, decode_summary, find_codes, CodeError, Decoded, FoundCode, Kind, PREFIX};
pub use export::{agenda_markdown, comparison_text, summary_csv, summary_html, summary_markdown, summary_text, Labels};
pub use file::{
    oversized, share_from_bytes, share_from_value, share_to_json, shares_in, Found, SHARE_FORMAT, SHARE_VERSION,
};

// ── The running order ──────────────────────────────────────────────────────────────

/// One part of the workshop, from `src/content/workshop.toml`.
#[derive(Debug, PartialEq)]
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    /// Suggested length.
    pub minutes: u32,
    /// What happens in this part, for the facilitator's notes.
    pub purpose: &'static str,
    /// The criteria worked through (criterion IDs); empty for the other parts.
    pub criteria: &'static [&'static str],
    /// Two to four questions for the room.
    pub prompts: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/workshop.rs"));

/// The sections in the order they run.
pub fn running_order() -> &'static [Section] {
    RUNNING_ORDER
}

/// The whole workshop's suggested length in minutes.
pub fn total_minutes() -> u32 {
    RUNNING_ORDER.iter().map(|s| s.minutes).sum()
}

/// A section with its clock times, in minutes after midnight.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub start: u32,
    pub end: u32,
    pub section: &'static Section,
}

/// The running order with times, starting at `start` (minutes after midnight).
pub fn timetable(start: u32) -> Vec<Slot> {
    let mut at = start;
    RUNNING_ORDER
        .iter()
        .map(|section| {
            let slot = Slot { start: at, end: at + section.minutes, section };
            at = slot.end;
            slot
        })
        .collect()
}

/// `"09:30"` → 570 (minutes after midnight); 24-hour clock, `H:MM` or `HH:MM`.
pub fn parse_time(s: &str) -> Result<u32, String> {
    let bad = || format!("{} is not a time like 09:30", quoted(s));
    let (h, m) = s.split_once(':').ok_or_else(bad)?;
    let digits = |p: &str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) || m.len() != 2 {
        return Err(bad());
    }
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if h > 23 || m > 59 {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

/// 570 → `"09:30"`; past midnight wraps round.
pub fn clock(minutes: u32) -> String {
    let m = minutes % (24 * 60);
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// The workshop being run. Only the facilitator's own details; never a participant's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Workshop {
    pub title: String,
    /// `YYYY-MM-DD`, checked by [`dates::parse_date`].
    pub date: String,
    /// The carers' organisation running it; may be empty.
    pub organisation: String,
}

/// Longest workshop title or organisation name, in characters.
pub const MAX_WORKSHOP_TEXT: usize = 200;

impl Workshop {
    /// Checks and trims the details; each problem is named by its field (`title`, `date`,
    /// `organisation`) for an error summary.
    pub fn new(title: &str, date: &str, organisation: &str) -> Result<Workshop, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut problem = |path: &str, message: String| problems.push(Problem { path: path.into(), message });
        let (title, organisation) = (text::without_bidi(title), text::without_bidi(organisation));
        let (title, date, organisation) = (title.trim(), date.trim(), organisation.trim());
        if title.is_empty() {
            problem("title", "Enter a title for the workshop".into());
        }
        for (path, text) in [("title", title), ("organisation", organisation)] {
            if text.chars().count() > MAX_WORKSHOP_TEXT {
                problem(path, format!("is longer than {MAX_WORKSHOP_TEXT} characters"));
            }
        }
        if let Err(e) = dates::parse_date(date) {
            problem("date", e);
        }
        if problems.is_empty() {
            Ok(Workshop { title: title.into(), date: date.into(), organisation: organisation.into() })
        } else {
            Err(problems)
        }
    }

    /// "22 November 2026".
    pub fn long_date(&self) -> String {
        dates::parse_date(&self.date).map(dates::long_date).unwrap_or_else(|_| self.date.clone())
    }
}

// ── A participant's share ──────────────────────────────────────────────────────────

/// The criteria in the order a share lists them (the framework's order; a test checks
/// they agree). Part of the code format: a change needs a new code version.
pub const CRITERIA: [&str; 15] = [
    "L1.1", "L1.2", "L1.3", "L2.1", "L2.2", "L2.3", "L2.4", "L2.5", "L2.6", "L3.1", "L3.2", "L3.3", "L3.4", "L3.5",
    "L3.6",
];

/// Longest organisation name a share carries, in bytes of UTF-8 (cut at a character).
pub const MAX_NAME_BYTES: usize = 60;

/// What a participant shares with the facilitator: no answers, no evidence, no sector,
/// size or nation, and the organisation's name only with consent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Share {
    /// A 29-bit tag from a hash of the assessment's start time and name: the same
    /// assessment shared again replaces its earlier share, and two employers with the same
    /// results still count twice. It cannot be turned back into a name or a time.
    pub participant: u32,
    /// Levels 1, 2 and 3.
    pub levels: [LevelStatus; 3],
    /// Percent per area, in [`Area::ALL`] order.
    pub areas: [u32; 5],
    /// Status per criterion, in [`CRITERIA`] order.
    pub criteria: [CriterionStatus; 15],
    /// Only when the participant consented to be named.
    pub organisation: Option<String>,
}

/// Largest participant tag + 1.
pub const PARTICIPANT_LIMIT: u32 = 1 << 29;

/// A name as a share carries it: without direction controls ([`text::without_bidi`]),
/// control characters and runs of spaces become one space, trimmed, cut to
/// [`MAX_NAME_BYTES`]; `None` when nothing is left.
pub fn clean_name(name: &str) -> Option<String> {
    let spaced: String =
        text::without_bidi(name).chars().map(|c| if c.is_control() || c.is_whitespace() { ' ' } else { c }).collect();
    let mut out = String::new();
    for word in spaced.split(' ').filter(|w| !w.is_empty()) {
        let sep = usize::from(!out.is_empty());
        if out.len() + sep + word.len() > MAX_NAME_BYTES {
            if out.is_empty() {
                // One long word: cut it at a character boundary.
                for c in word.chars() {
                    if out.len() + c.len_utf8() > MAX_NAME_BYTES {
                        break;
                    }
                    out.push(c);
                }
            }
            break;
        }
        if sep == 1 {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then_some(out)
}

/// 64-bit FNV-1a: a small, stable hash for tags and share IDs (not for security).
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The participant tag of an assessment (see [`Share::participant`]).
pub fn participant_tag(assessment: &Assessment) -> u32 {
    let key = format!("{}\n{}", assessment.created.timestamp_millis(), assessment.organisation.name.trim());
    (fnv1a(key.as_bytes()) >> 35) as u32
}

/// The share of a scored assessment; the organisation's name only if `consent`.
pub fn share(assessment: &Assessment, score: &Score, consent: bool) -> Share {
    let level = |l: u8| score.level(l).map_or(LevelStatus::NotYet, |x| x.status);
    let area = |a: Area| score.areas.iter().find(|x| x.area == a).map_or(0, |x| x.percent.min(100));
    let criterion = |id: &str| score.criterion(id).map_or(CriterionStatus::NotMet, |c| c.status);
    Share {
        participant: participant_tag(assessment),
        levels: LEVELS.map(level),
        areas: std::array::from_fn(|i| area(Area::ALL[i])),
        criteria: CRITERIA.map(criterion),
        organisation: if consent { clean_name(&assessment.organisation.name) } else { None },
    }
}

/// Level statuses as scoring derives them from criterion statuses: ready when every
/// criterion of the level and below is met, on track when none is not met.
pub fn levels_from_criteria(criteria: &[CriterionStatus; 15]) -> [LevelStatus; 3] {
    LEVELS.map(|level| {
        let upto = CRITERIA.iter().zip(criteria).filter(|(id, _)| criterion_level(id) <= level);
        if upto.clone().all(|(_, &s)| s == CriterionStatus::Met) {
            LevelStatus::Ready
        } else if upto.clone().all(|(_, &s)| s != CriterionStatus::NotMet) {
            LevelStatus::OnTrack
        } else {
            LevelStatus::NotYet
        }
    })
}

/// `"L2.4"` → 2.
pub fn criterion_level(id: &str) -> u8 {
    id.as_bytes().get(1).map_or(0, |b| b.wrapping_sub(b'0'))
}

/// `LevelStatus` ↔ its ID in files: `ready`, `on_track`, `not_yet`.
pub fn level_status_id(s: LevelStatus) -> &'static str {
    match s {
        LevelStatus::Ready => "ready",
        LevelStatus::OnTrack => "on_track",
        LevelStatus::NotYet => "not_yet",
    }
}

pub fn level_status_from_id(s: &str) -> Option<LevelStatus> {
    [LevelStatus::NotYet, LevelStatus::OnTrack, LevelStatus::Ready].into_iter().find(|&x| level_status_id(x) == s)
}

pub fn criterion_status_from_id(s: &str) -> Option<CriterionStatus> {
    [CriterionStatus::NotMet, CriterionStatus::Partly, CriterionStatus::Met].into_iter().find(|x| x.id() == s)
}

impl Share {
    /// The share as a code to copy, e.g. `CB1-0A2B4-...`.
    pub fn code(&self) -> String {
        code::share_code(self)
    }

    /// The stable ID of this share's content: the same content always has the same ID.
    pub fn id(&self) -> ShareId {
        let bits = code::share_body(self);
        ShareId::from_hash(fnv1a(&bits.bytes()))
    }

    pub fn level(&self, level: u8) -> LevelStatus {
        LEVELS.iter().position(|&l| l == level).map_or(LevelStatus::NotYet, |i| self.levels[i])
    }

    pub fn area(&self, area: Area) -> u32 {
        self.areas[area.rank() as usize]
    }

    pub fn criterion(&self, id: &str) -> Option<CriterionStatus> {
        CRITERIA.iter().position(|&c| c == id).map(|i| self.criteria[i])
    }
}

/// A share's stable ID, e.g. `4K7P-2Q9X`: 40 bits of a hash of its content.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ShareId(pub String);

impl ShareId {
    fn from_hash(h: u64) -> ShareId {
        let s = code::base32(h >> 24, 8);
        ShareId(format!("{}-{}", &s[..4], &s[4..]))
    }
}

impl fmt::Display for ShareId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// ── The facilitator's cohort ───────────────────────────────────────────────────────

/// The shares collected in a workshop, in the order they arrived.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cohort {
    entries: Vec<(ShareId, Share)>,
}

/// A share was counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Added {
    pub id: ShareId,
    /// Position in the cohort, from 1.
    pub number: usize,
    /// The earlier share from the same participant (same assessment, different results)
    /// that this one replaced, in the same position.
    pub replaced: Option<ShareId>,
}

/// A share with exactly the same content was already counted: `id` is that share's, and
/// `number` its position in the cohort (from 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    pub id: ShareId,
    pub number: usize,
}

impl fmt::Display for Duplicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "already counted: the same as participant {} (share {}), so it was not counted again",
            self.number, self.id
        )
    }
}

impl Cohort {
    pub fn new() -> Cohort {
        Cohort::default()
    }

    /// Counts a share, unless the same content is already counted. A share from the same
    /// participant with different results (they changed answers and shared again)
    /// replaces the earlier one.
    pub fn add(&mut self, share: Share) -> Result<Added, Duplicate> {
        let id = share.id();
        if let Some(n) = self.entries.iter().position(|(x, _)| *x == id) {
            return Err(Duplicate { id, number: n + 1 });
        }
        if let Some(n) = self.entries.iter().position(|(_, s)| s.participant == share.participant) {
            let old = std::mem::replace(&mut self.entries[n], (id.clone(), share));
            return Ok(Added { id, number: n + 1, replaced: Some(old.0) });
        }
        self.entries.push((id.clone(), share));
        Ok(Added { id, number: self.entries.len(), replaced: None })
    }

    /// Takes a share out again; false if there is none with this ID.
    pub fn remove(&mut self, id: &ShareId) -> bool {
        let before = self.entries.len();
        self.entries.retain(|(x, _)| x != id);
        self.entries.len() != before
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn shares(&self) -> impl Iterator<Item = (&ShareId, &Share)> {
        self.entries.iter().map(|(id, s)| (id, s))
    }

    /// What the room looks like: counts, spreads, gaps and consented names.
    pub fn summary(&self) -> Summary {
        let shares: Vec<&Share> = self.entries.iter().map(|(_, s)| s).collect();
        let n = shares.len() as u32;
        let count = |f: &dyn Fn(&Share) -> bool| shares.iter().filter(|s| f(s)).count() as u32;
        let levels = LEVELS
            .iter()
            .enumerate()
            .map(|(i, &level)| LevelCount {
                level,
                ready: count(&|s| s.levels[i] == LevelStatus::Ready),
                on_track: count(&|s| s.levels[i] == LevelStatus::OnTrack),
                not_yet: count(&|s| s.levels[i] == LevelStatus::NotYet),
            })
            .collect();
        let areas = Area::ALL
            .iter()
            .map(|&area| {
                let mut values: Vec<u32> = shares.iter().map(|s| s.area(area)).collect();
                values.sort_unstable();
                let mut bands = [0; 4];
                for &v in &values {
                    bands[band(v)] += 1;
                }
                AreaSpread { area, bands, median: median(&values) }
            })
            .collect();
        let missing =
            missing_list(CRITERIA.iter().enumerate().map(|(i, _)| count(&|s| s.criteria[i] != CriterionStatus::Met)));
        let mut names: Vec<String> = shares.iter().filter_map(|s| s.organisation.clone()).collect();
        names.sort_by_key(|s| text::lowercase(s));
        Summary { participants: n, levels, areas, missing, names }
    }
}

// ── The room's summary ─────────────────────────────────────────────────────────────

/// The area bands of a summary, in percent (inclusive).
pub const BANDS: [(u32, u32); 4] = [(0, 24), (25, 49), (50, 74), (75, 100)];

fn band(percent: u32) -> usize {
    BANDS.iter().position(|&(_, hi)| percent <= hi).unwrap_or(3)
}

/// The median of sorted values, halves rounded up; 0 for none.
fn median(sorted: &[u32]) -> u32 {
    match sorted.len() {
        0 => 0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]).div_ceil(2),
    }
}

/// Counts per criterion (in [`CRITERIA`] order) → the non-zero ones, most often missing
/// first, ties in framework order.
fn missing_list(counts: impl Iterator<Item = u32>) -> Vec<MissingCount> {
    let mut list: Vec<MissingCount> = CRITERIA
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(&criterion, count)| MissingCount { criterion, count })
        .collect();
    list.sort_by_key(|m| std::cmp::Reverse(m.count)); // stable: ties keep framework order
    list
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelCount {
    pub level: u8,
    pub ready: u32,
    pub on_track: u32,
    pub not_yet: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AreaSpread {
    pub area: Area,
    /// Participants per band of [`BANDS`].
    pub bands: [u32; 4],
    /// Whole percent, halves rounded up.
    pub median: u32,
}

/// A criterion not met by `count` participants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingCount {
    pub criterion: &'static str,
    pub count: u32,
}

/// The room at a glance. Built by [`Cohort::summary`] or read from a summary code; a
/// summary code never carries `names`, so a decoded summary has none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub participants: u32,
    /// Levels 1, 2, 3.
    pub levels: Vec<LevelCount>,
    /// In [`Area::ALL`] order.
    pub areas: Vec<AreaSpread>,
    /// Criteria not met, most often missing first; criteria everyone meets are left out.
    pub missing: Vec<MissingCount>,
    /// Names of the participants who consented to be named, alphabetical.
    pub names: Vec<String>,
}

impl Summary {
    /// The summary as a code for the room (anonymous: names are left out).
    pub fn code(&self) -> String {
        code::summary_code(self)
    }

    pub fn level(&self, level: u8) -> Option<&LevelCount> {
        self.levels.iter().find(|l| l.level == level)
    }

    pub fn area(&self, area: Area) -> Option<&AreaSpread> {
        self.areas.iter().find(|a| a.area == area)
    }

    /// How many participants have not met `criterion`.
    pub fn missing(&self, criterion: &str) -> u32 {
        self.missing.iter().find(|m| m.criterion == criterion).map_or(0, |m| m.count)
    }
}

// ── A participant against the room ─────────────────────────────────────────────────

/// Where one participant stands against the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    Below,
    Around,
    Above,
}

impl Position {
    pub fn id(self) -> &'static str {
        match self {
            Position::Below => "below",
            Position::Around => "around",
            Position::Above => "above",
        }
    }
}

/// An area score within this many points of the room's median is "around" it.
pub const AROUND_POINTS: u32 = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AreaPosition {
    pub area: Area,
    pub yours: u32,
    pub median: u32,
    pub position: Position,
}

/// Your status against the room's middle status for the level ("around" when yours is
/// the middle participant's, or between the two middle ones).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelPosition {
    pub level: u8,
    pub yours: LevelStatus,
    /// How many in the room are ready to apply for this level.
    pub ready: u32,
    pub position: Position,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub participants: u32,
    pub areas: Vec<AreaPosition>,
    pub levels: Vec<LevelPosition>,
}

/// A participant's share against the room; `None` when the room has no participants.
pub fn compare(own: &Share, summary: &Summary) -> Option<Comparison> {
    let n = summary.participants;
    if n == 0 {
        return None;
    }
    let areas = summary
        .areas
        .iter()
        .map(|a| {
            let yours = own.area(a.area);
            let position = if yours > a.median + AROUND_POINTS {
                Position::Above
            } else if yours + AROUND_POINTS < a.median {
                Position::Below
            } else {
                Position::Around
            };
            AreaPosition { area: a.area, yours, median: a.median, position }
        })
        .collect();
    let levels = summary
        .levels
        .iter()
        .map(|l| {
            // The room's statuses sorted worst first; the status of the i-th participant.
            let nth = |i: u32| {
                if i < l.not_yet {
                    LevelStatus::NotYet
                } else if i < l.not_yet + l.on_track {
                    LevelStatus::OnTrack
                } else {
                    LevelStatus::Ready
                }
            };
            let yours = own.level(l.level);
            let (low, high) = (nth((n - 1) / 2), nth(n / 2));
            let position = if yours > high {
                Position::Above
            } else if yours < low {
                Position::Below
            } else {
                Position::Around
            };
            LevelPosition { level: l.level, yours, ready: l.ready, position }
        })
        .collect();
    Some(Comparison { participants: n, areas, levels })
}

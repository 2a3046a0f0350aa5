//! The room's summary for the facilitator: plain text, CSV for a spreadsheet, Markdown,
//! and an HTML fragment for print; the running order as Markdown; a comparison as text.
//! Every piece of text from outside (workshop details, consented names) is escaped for
//! the format: CSV cells that a spreadsheet could run as a formula start with `'`.
//!
//! The names of the areas and of the level statuses are the caller's ([`Labels`]): the
//! command line passes English, the facilitator's view its translation. The domain
//! chooses no interface words.

use super::{
    clock, level_status_id, running_order, timetable, total_minutes, Comparison, Position, Summary, Workshop, BANDS,
};
use crate::domain::content::{self, Area};
use crate::domain::escape::{csv_cell, html as escape_html, markdown as escape_markdown};
use crate::domain::scoring::LevelStatus;
use crate::domain::text;
use std::fmt::Write;

/// The words for areas and level statuses in the summaries and comparisons, chosen by
/// the caller (the command line's English, the facilitator view's translation).
pub trait Labels {
    /// "Identification", "Policy", …
    fn area(&self, area: Area) -> &str;
    /// "Ready to apply", "On track", "Not yet".
    fn level_status(&self, status: LevelStatus) -> &str;
}

fn band_label(i: usize) -> String {
    format!("{}–{}%", BANDS[i].0, BANDS[i].1)
}

fn criterion_title(id: &str) -> &'static str {
    content::criterion_title(id).unwrap_or("")
}

fn workshop_line(w: &Workshop) -> String {
    let mut parts = vec![w.long_date()];
    if !w.organisation.is_empty() {
        parts.push(w.organisation.clone());
    }
    parts.join(", ")
}

const NO_NAMES: &str = "No participant asked to be named.";
const NAMED: &str = "Named with their consent";
const ROOM_CODE: &str = "Room code, for participants to compare themselves with the room (it names no one)";

// ── Text ───────────────────────────────────────────────────────────────────────────

/// The summary as plain text, for the terminal.
pub fn summary_text(s: &Summary, workshop: Option<&Workshop>, labels: &dyn Labels) -> String {
    let mut out = String::new();
    if let Some(w) = workshop {
        let _ = writeln!(out, "{}\n{}\n", w.title, workshop_line(w));
    }
    let _ = writeln!(out, "Participants: {}", s.participants);
    let _ = writeln!(out, "\nLevels");
    for l in &s.levels {
        let _ = writeln!(
            out,
            "  Level {}: {} ready to apply, {} on track, {} not yet",
            l.level, l.ready, l.on_track, l.not_yet
        );
    }
    let _ = writeln!(out, "\nAreas (participants in each band; median)");
    for a in &s.areas {
        let bands: Vec<String> = (0..4).map(|i| format!("{} {}", band_label(i), a.bands[i])).collect();
        let _ = writeln!(out, "  {:<26} {}  median {}%", labels.area(a.area), bands.join("  "), a.median);
    }
    let _ = writeln!(out, "\nCriteria most often not met");
    if s.missing.is_empty() {
        let _ = writeln!(out, "  none: every participant meets every criterion");
    }
    for m in &s.missing {
        let _ = writeln!(
            out,
            "  {:<5} {:>3} of {}  {}",
            m.criterion,
            m.count,
            s.participants,
            criterion_title(m.criterion)
        );
    }
    if s.names.is_empty() {
        let _ = writeln!(out, "\n{NO_NAMES}");
    } else {
        let _ = writeln!(out, "\n{NAMED}: {}", s.names.join("; "));
    }
    let _ = writeln!(out, "\n{ROOM_CODE}:\n  {}", s.code());
    out
}

// ── CSV ────────────────────────────────────────────────────────────────────────────

/// The summary as CSV (UTF-8 with a byte-order mark, CRLF line ends): one fact per row,
/// `Section,Item,Detail,Value`, ready to filter or pivot.
pub fn summary_csv(s: &Summary, workshop: Option<&Workshop>, labels: &dyn Labels) -> String {
    let mut out = String::from("\u{feff}");
    let mut row = |cells: [&str; 4]| {
        out.push_str(&cells.map(csv_cell).join(","));
        out.push_str("\r\n");
    };
    row(["Section", "Item", "Detail", "Value"]);
    if let Some(w) = workshop {
        row(["Workshop", "Title", "", &w.title]);
        row(["Workshop", "Date", "", &w.date]);
        row(["Workshop", "Organisation", "", &w.organisation]);
    }
    row(["Participants", "", "", &s.participants.to_string()]);
    for l in &s.levels {
        let level = format!("Level {}", l.level);
        for (status, n) in
            [(LevelStatus::Ready, l.ready), (LevelStatus::OnTrack, l.on_track), (LevelStatus::NotYet, l.not_yet)]
        {
            row(["Level", &level, labels.level_status(status), &n.to_string()]);
        }
    }
    for a in &s.areas {
        for i in 0..4 {
            row(["Area", labels.area(a.area), &band_label(i), &a.bands[i].to_string()]);
        }
        row(["Area", labels.area(a.area), "Median %", &a.median.to_string()]);
    }
    for m in &s.missing {
        row(["Not met", m.criterion, criterion_title(m.criterion), &m.count.to_string()]);
    }
    for name in &s.names {
        row(["Named participant", "", "", name]);
    }
    row(["Room code", "", "", &s.code()]);
    out
}

// ── Markdown ───────────────────────────────────────────────────────────────────────

/// The summary as Markdown, with tables.
pub fn summary_markdown(s: &Summary, workshop: Option<&Workshop>, labels: &dyn Labels) -> String {
    let mut out = String::new();
    match workshop {
        Some(w) => {
            let _ = writeln!(
                out,
                "# Workshop results: {}\n\n{}\n",
                escape_markdown(&w.title),
                escape_markdown(&workshop_line(w))
            );
        }
        None => out.push_str("# Workshop results\n\n"),
    }
    let _ = writeln!(out, "**Participants: {}**\n", s.participants);
    let _ = writeln!(out, "## Levels\n\n| Level | Ready to apply | On track | Not yet |\n|---|---:|---:|---:|");
    for l in &s.levels {
        let _ = writeln!(out, "| Level {} | {} | {} | {} |", l.level, l.ready, l.on_track, l.not_yet);
    }
    let heads: Vec<String> = (0..4).map(band_label).collect();
    let _ = writeln!(out, "\n## Areas\n\nParticipants in each band of scores, and the median score.\n");
    let _ = writeln!(out, "| Area | {} | Median |\n|---|---:|---:|---:|---:|---:|", heads.join(" | "));
    for a in &s.areas {
        let bands: Vec<String> = a.bands.iter().map(u32::to_string).collect();
        let _ = writeln!(out, "| {} | {} | {}% |", labels.area(a.area), bands.join(" | "), a.median);
    }
    let _ = writeln!(out, "\n## Criteria most often not met\n");
    if s.missing.is_empty() {
        let _ = writeln!(out, "Every participant meets every criterion.");
    } else {
        let _ = writeln!(out, "| Criterion | Not met by |\n|---|---:|");
        for m in &s.missing {
            let title = escape_markdown(criterion_title(m.criterion));
            let _ = writeln!(out, "| {} {title} | {} of {} |", escape_markdown(m.criterion), m.count, s.participants);
        }
    }
    let _ = writeln!(out, "\n## Named participants\n");
    if s.names.is_empty() {
        let _ = writeln!(out, "{NO_NAMES}");
    } else {
        for name in &s.names {
            let _ = writeln!(out, "- {}", escape_markdown(name));
        }
    }
    let _ = writeln!(out, "\n{ROOM_CODE}: `{}`", s.code());
    out
}

// ── HTML for print ─────────────────────────────────────────────────────────────────

/// The summary as an HTML fragment for print (no `<html>` or styles; classes start
/// `cb-print-`), every text escaped.
pub fn summary_html(s: &Summary, workshop: Option<&Workshop>, labels: &dyn Labels) -> String {
    let e = escape_html;
    let mut out = String::from("<section class=\"cb-print-summary\">\n");
    match workshop {
        Some(w) => {
            let _ = writeln!(
                out,
                "<h1 class=\"cb-print-title\">Workshop results: {}</h1>\n<p class=\"cb-print-meta\">{}</p>",
                e(&w.title),
                e(&workshop_line(w))
            );
        }
        None => out.push_str("<h1 class=\"cb-print-title\">Workshop results</h1>\n"),
    }
    let _ = writeln!(out, "<p class=\"cb-print-participants\">Participants: {}</p>", s.participants);
    out.push_str(
        "<table class=\"cb-print-table cb-print-levels\">\n<caption>Levels</caption>\n<thead><tr><th scope=\"col\">Level</th>\
         <th scope=\"col\">Ready to apply</th><th scope=\"col\">On track</th><th scope=\"col\">Not yet</th></tr></thead>\n<tbody>\n",
    );
    for l in &s.levels {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">Level {}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            l.level, l.ready, l.on_track, l.not_yet
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out.push_str(
        "<table class=\"cb-print-table cb-print-areas\">\n<caption>Participants in each band of area scores, and the median</caption>\n\
         <thead><tr><th scope=\"col\">Area</th>",
    );
    for i in 0..4 {
        let _ = write!(out, "<th scope=\"col\">{}</th>", e(&band_label(i)));
    }
    out.push_str("<th scope=\"col\">Median</th></tr></thead>\n<tbody>\n");
    for a in &s.areas {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", e(labels.area(a.area)));
        for b in a.bands {
            let _ = write!(out, "<td>{b}</td>");
        }
        let _ = writeln!(out, "<td>{}%</td></tr>", a.median);
    }
    out.push_str("</tbody>\n</table>\n");
    out.push_str("<h2 class=\"cb-print-heading\">Criteria most often not met</h2>\n");
    if s.missing.is_empty() {
        out.push_str("<p>Every participant meets every criterion.</p>\n");
    } else {
        out.push_str("<ol class=\"cb-print-missing\">\n");
        for m in &s.missing {
            let _ = writeln!(
                out,
                "<li><span class=\"cb-print-id\">{}</span> {}: not met by {} of {}</li>",
                e(m.criterion),
                e(criterion_title(m.criterion)),
                m.count,
                s.participants
            );
        }
        out.push_str("</ol>\n");
    }
    out.push_str("<h2 class=\"cb-print-heading\">Named participants</h2>\n");
    if s.names.is_empty() {
        let _ = writeln!(out, "<p>{NO_NAMES}</p>");
    } else {
        out.push_str("<ul class=\"cb-print-names\">\n");
        for name in &s.names {
            let _ = writeln!(out, "<li>{}</li>", e(name));
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(out, "<p class=\"cb-print-code\">{ROOM_CODE}: <code>{}</code></p>", e(&s.code()));
    out.push_str("</section>\n");
    out
}

// ── The running order ──────────────────────────────────────────────────────────────

fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} minutes"),
        (1, 0) => "1 hour".into(),
        (1, m) => format!("1 hour {m} minutes"),
        (h, 0) => format!("{h} hours"),
        (h, m) => format!("{h} hours {m} minutes"),
    }
}

/// The running order with clock times from `start` (minutes after midnight), the
/// criteria each part covers and its questions for the room, as Markdown.
pub fn agenda_markdown(workshop: Option<&Workshop>, start: u32) -> String {
    let mut out = String::new();
    match workshop {
        Some(w) => {
            let _ = writeln!(out, "# {}\n\n{}\n", escape_markdown(&w.title), escape_markdown(&workshop_line(w)));
        }
        None => out.push_str("# Workshop running order\n\n"),
    }
    let _ = writeln!(
        out,
        "{} to {}: {} in {} parts.",
        clock(start),
        clock(start + total_minutes()),
        duration(total_minutes()),
        running_order().len()
    );
    for slot in timetable(start) {
        let s = slot.section;
        let _ = writeln!(
            out,
            "\n## {}–{} {} ({})\n\n{}",
            clock(slot.start),
            clock(slot.end),
            s.title,
            duration(s.minutes),
            s.purpose
        );
        if !s.criteria.is_empty() {
            let list: Vec<String> = s.criteria.iter().map(|id| format!("{id} {}", criterion_title(id))).collect();
            let _ = writeln!(out, "\nCriteria: {}.", list.join("; "));
        }
        let _ = writeln!(out, "\nQuestions for the room:\n");
        for p in s.prompts {
            let _ = writeln!(out, "- {p}");
        }
    }
    out
}

// ── A comparison ───────────────────────────────────────────────────────────────────

fn position_words(p: Position) -> &'static str {
    match p {
        Position::Above => "above the room",
        Position::Around => "around the middle of the room",
        Position::Below => "below the room",
    }
}

/// A participant's comparison with the room, as plain text.
pub fn comparison_text(c: &Comparison, labels: &dyn Labels) -> String {
    let mut out =
        format!("Against the room ({} participants)\n\nAreas (your score; the room's median)\n", c.participants);
    for a in &c.areas {
        let _ = writeln!(
            out,
            "  {:<26} {:>3}%  median {:>3}%  {}",
            labels.area(a.area),
            a.yours,
            a.median,
            position_words(a.position)
        );
    }
    out.push_str("\nLevels\n");
    for l in &c.levels {
        let _ = writeln!(
            out,
            "  Level {}: you are {} ({}); {} of {} in the room are ready to apply: {}",
            l.level,
            text::lowercase(labels.level_status(l.yours)),
            level_status_id(l.yours),
            l.ready,
            c.participants,
            position_words(l.position)
        );
    }
    out
}

//! The plan's due dates as an iCalendar file (RFC 5545): one all-day event on each
//! action's due date. CRLF line ends; lines folded at 75 octets without splitting a
//! character; text escaped (`\`, `;`, `,`, line breaks; other control characters
//! dropped). UIDs are stable, so importing a newer export updates the same events.

use crate::domain::content::Priority;
use crate::domain::plan::{priority_label, Plan, WORDS};
use crate::domain::text::fill;
use chrono::{DateTime, Datelike, Days, NaiveDate, Timelike, Utc};

/// A TEXT value escaped (RFC 5545 §3.3.11).
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so no line is longer than 75 octets.
fn line(out: &mut String, content: &str) {
    let mut rest = content;
    let mut limit = 75;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = 74; // the leading space counts
    }
}

fn date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// UTC date-time, `20261122T093000Z`.
fn stamp(t: DateTime<Utc>) -> String {
    format!("{}T{:02}{:02}{:02}Z", date(t.date_naive()), t.hour(), t.minute(), t.second())
}

/// The calendar. `created` (the assessment's creation time) makes the UIDs unique to
/// this assessment; `now` is the DTSTAMP.
pub fn plan_ics(plan: &Plan, organisation: &str, created: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let w = &WORDS;
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Carer-friendly employer benchmark//Action plan//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        line(&mut out, l);
    }
    line(&mut out, &format!("X-WR-CALNAME:{}", text(&fill(w.calendar_name, &[("organisation", organisation.trim())]))));
    let (now, created) = (stamp(now), stamp(created));
    for a in &plan.actions {
        let mut description = vec![
            format!("{}: {}", w.col_why, a.why.text),
            format!("{}: {}", w.col_owner, a.owner),
            format!("{}: {}", w.col_priority, priority_label(a.priority)),
            format!("{}: {}", w.col_status, a.status.label()),
            format!("{}: {}", w.col_success, a.success),
        ];
        if !a.notes.is_empty() {
            description.push(format!("{}: {}", w.col_notes, a.notes));
        }
        description.push(format!("{}: {}", w.col_id, a.id));
        let priority = match a.priority {
            Priority::High => 1,
            Priority::Medium => 5,
            Priority::Low => 9,
        };
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", text(&format!("{}-{created}@carer-benchmark.invalid", a.id))));
        line(&mut out, &format!("DTSTAMP:{now}"));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", date(a.due)));
        line(&mut out, &format!("DTEND;VALUE=DATE:{}", date(a.due.checked_add_days(Days::new(1)).unwrap_or(a.due))));
        line(&mut out, &format!("SUMMARY:{}", text(&a.title)));
        line(&mut out, &format!("DESCRIPTION:{}", text(&description.join("\n"))));
        line(&mut out, &format!("PRIORITY:{priority}"));
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

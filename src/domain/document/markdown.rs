//! A document as Markdown (GitHub-flavoured, for its tables and tick boxes). Every text
//! is escaped: inside a line with [`escape::markdown_inline`], and where a text starts a
//! line (a paragraph, a list item, the note) its first character, or its number and the
//! `.` or `)` after it, also with [`escape::markdown`], so `# x`, `- x` or `1. x` typed by
//! someone stays text. Line breaks inside a text become spaces, so a name cannot end a
//! table row or start a heading.
//!
//! A chart is left out (its figures are in the table that follows it).

use super::{Block, Document, Span, Text};
use crate::domain::escape;
use std::fmt::Write;

/// Text inside a line.
fn inline(s: &str) -> String {
    escape::markdown_inline(s)
}

/// Text at the start of a line: leading spaces (which could make it code) are dropped,
/// and what could open a block (`#`, `-`, `+`, `=`, `>`, `1.`, `1)`) is escaped.
fn line_start(s: &str) -> String {
    let s = s.trim_start();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let head = match s[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => digits + 1,
        _ if digits > 0 => digits,
        Some(c) => c.len_utf8(),
        None => 0,
    };
    escape::markdown(&s[..head]) + &inline(&s[head..])
}

/// `**…**` or `*…*` around escaped text, with any spaces at its ends outside the marks
/// (where Markdown needs them to see the marks).
fn marked(mark: &str, s: &str) -> String {
    let inner = s.trim();
    if inner.is_empty() {
        return inline(s);
    }
    let before = if s.starts_with(char::is_whitespace) { " " } else { "" };
    let after = if s.ends_with(char::is_whitespace) { " " } else { "" };
    format!("{before}{mark}{}{mark}{after}", inline(inner))
}

/// A text on one line; `starts_line` when nothing comes before it on the line.
fn text(t: &Text, starts_line: bool) -> String {
    let mut out = String::new();
    for span in &t.0 {
        let first = starts_line && out.trim().is_empty();
        match span {
            Span::Plain(s) | Span::Link { text: s, .. } => out += &if first { line_start(s) } else { inline(s) },
            Span::Strong(s) => out += &marked("**", s),
            Span::Emphasis(s) => out += &marked("*", s),
            Span::Date(d) => out += &d.to_string(),
        }
    }
    if starts_line {
        out.trim_start().to_string()
    } else {
        out
    }
}

/// A heading's text: escaped, and a `#` at its end escaped too, or Markdown would take
/// it for the heading's closing marks.
fn heading(s: &str) -> String {
    let mut h = inline(s);
    if h.ends_with('#') {
        h.insert(h.len() - 1, '\\');
    }
    h
}

fn row<S: AsRef<str>>(out: &mut String, cells: impl IntoIterator<Item = S>) {
    out.push('|');
    for c in cells {
        let _ = write!(out, " {} |", c.as_ref());
    }
    out.push('\n');
}

/// Room for a signature or a name, by hand.
const BLANK: &str = "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_";

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Paragraph(t) => {
            let _ = writeln!(out, "{}\n", text(t, true));
        }
        Block::Subheading(s) => {
            let _ = writeln!(out, "### {}\n", heading(s));
        }
        Block::Bullets(items) => {
            for i in items {
                let _ = writeln!(out, "- {}", text(i, true));
            }
            out.push('\n');
        }
        Block::Table(t) => {
            row(out, t.headers.iter().map(|h| inline(h)));
            row(out, t.headers.iter().map(|_| "---"));
            for r in &t.rows {
                row(out, r.iter().map(|cell| cell.iter().map(|l| text(l, false)).collect::<Vec<_>>().join(" ")));
            }
            out.push('\n');
        }
        Block::Chart { .. } => {}
        Block::Prompt(s) => {
            let _ = writeln!(out, "{}\n", marked("**", s));
        }
        Block::Lines(count) => {
            for _ in 0..*count {
                let _ = writeln!(out, "{BLANK}{BLANK}\n");
            }
        }
        Block::Blank(label) => {
            let _ = writeln!(out, "{}: {BLANK}\n", line_start(label));
        }
        Block::Ticks { columns: Some([option, write_in]), options } => {
            row(out, ["\u{2713}".to_string(), inline(option), inline(write_in)]);
            row(out, ["---"; 3]);
            for t in options {
                let mut cell = marked("**", &t.label);
                if !t.detail.is_empty() {
                    cell = cell + " " + &inline(&t.detail);
                }
                row(out, ["\u{2610}", &cell, ""]);
            }
            out.push('\n');
        }
        Block::Ticks { columns: None, options } => {
            for t in options {
                let _ = write!(out, "- [ ] {}", marked("**", &t.label));
                if !t.detail.is_empty() {
                    let _ = write!(out, " {}", inline(&t.detail));
                }
                out.push('\n');
            }
            out.push('\n');
        }
        Block::Signatures { note, who } => {
            let _ = writeln!(out, "{}\n", line_start(note));
            for w in who {
                let _ = writeln!(out, "{}: {BLANK}\n", line_start(w));
            }
        }
    }
}

/// The document as Markdown, ending with one line break.
pub fn render(d: &Document) -> String {
    let mut out = format!("# {}\n\n", heading(&d.title));
    if !d.subtitle.is_empty() {
        let _ = writeln!(out, "{}\n", marked("**", &d.subtitle));
    }
    if !d.intro.is_empty() {
        let _ = writeln!(out, "{}\n", text(&d.intro, true));
    }
    if !d.note.is_empty() {
        let _ = writeln!(out, "> {}\n", text(&d.note, true));
    }
    for s in &d.sections {
        let _ = writeln!(out, "## {}\n", heading(&s.heading));
        for b in &s.blocks {
            block(&mut out, b);
        }
    }
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

//! Escaping text that is not the tool's own (names, notes, titles typed by people) for
//! each output format. One function per format and context; a leaf, importing nothing
//! from the domain.

/// Text escaped for HTML content and attribute values.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters have no place in a page (and some are not allowed).
            c if c.is_control() && !matches!(c, '\n' | '\r' | '\t') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for Markdown anywhere, even at the start of a line: every ASCII
/// punctuation character that Markdown or inline HTML could read as syntax is
/// backslash-escaped, and line breaks become spaces.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '(' | ')' | '#' | '+' | '-' | '.' | '!'
            | '|' | '~' | '&' | '"' | '=' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text placed inside a line (a table cell, bold text, after fixed words): the
/// characters that start emphasis, code, links, HTML, entities or strike-through, and
/// the table's `|`, are backslash-escaped; line breaks and other control characters
/// become spaces. Text never starts a line here, so line-start syntax (`#`, `-`, `1.`,
/// `>`) cannot apply; see [`markdown`] for text that might.
pub fn markdown_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// One CSV cell (RFC 4180), the only way the tool writes one. A cell a spreadsheet
/// could run as a formula gets a `'` first, so it shows as text: one whose first shown
/// character is `=`, `+`, `-` or `@` (after any spaces, line breaks or invisible
/// characters; full-width and small forms count), and one starting with a tab or a
/// carriage return. Cells with commas, quotes or line breaks are quoted.
pub fn csv_cell(text: &str) -> String {
    let mut t = String::with_capacity(text.len() + 2);
    if text.starts_with(['\t', '\r']) || formula_start(text) {
        t.push('\'');
    }
    t.push_str(text);
    if t.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", t.replace('"', "\"\""))
    } else {
        t
    }
}

/// Whether the first character of `text` that shows, past spaces of every kind, line
/// breaks and invisible characters, is `=`, `+`, `-` or `@`, or a full-width or small form
/// of one or the minus sign, which some spreadsheets read the same way.
fn formula_start(text: &str) -> bool {
    let shown = text.chars().find(|&c| !(c.is_control() || invisible(c)));
    matches!(shown.map(fold), Some('=' | '+' | '-' | '@'))
}

/// Spaces of every kind and characters that do not show: zero-width spaces and joiners,
/// direction marks, embeddings, overrides and isolates, the word joiner, the byte-order
/// mark.
fn invisible(c: char) -> bool {
    matches!(c as u32, 0x20 | 0xa0 | 0x61c | 0x1680 | 0x180e | 0x2000..=0x200f | 0x2028..=0x202f
        | 0x205f..=0x2064 | 0x2066..=0x2069 | 0x3000 | 0xfeff)
}

/// The full-width and small forms of `=`, `+`, `-`, `@`, and the minus sign, as those.
fn fold(c: char) -> char {
    match c {
        '\u{ff1d}' | '\u{fe66}' => '=',
        '\u{ff0b}' | '\u{fe62}' => '+',
        '\u{ff0d}' | '\u{fe63}' | '\u{2212}' => '-',
        '\u{ff20}' | '\u{fe6b}' => '@',
        c => c,
    }
}

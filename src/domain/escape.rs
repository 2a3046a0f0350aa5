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

/// One CSV cell (RFC 4180): a leading `=` `+` `-` `@`, tab or carriage return gets a
/// `'` first so a spreadsheet shows it as text rather than running it as a formula;
/// cells with commas, quotes or line breaks are quoted.
pub fn csv_cell(text: &str) -> String {
    let mut t = String::with_capacity(text.len() + 2);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        t.push('\'');
    }
    t.push_str(text);
    if t.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", t.replace('"', "\"\""))
    } else {
        t
    }
}

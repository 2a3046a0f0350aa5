//! A document as HTML: semantic elements, every text escaped
//! ([`escape::html`](crate::domain::escape::html)), line breaks kept as `<br>`, and no
//! inline styles, so a strict Content-Security-Policy allows it. Every class name starts
//! with the caller's prefix (`cb-report`, `cb-print`), for the stylesheet that goes with
//! the document: `{p}-title`, `{p}-section` (with `data-section="{id}"`), `{p}-text`,
//! `{p}-list`, `{p}-table`, `{p}-chart`, `{p}-prompt`, `{p}-ticks`, …

use super::{Block, Document, Span, Table, Text};
use crate::domain::escape::html as esc;
use std::fmt::Write;

/// Escaped text with its line breaks kept as `<br>`.
fn lines(s: &str) -> String {
    esc(s).replace("\r\n", "\n").replace('\r', "\n").replace('\n', "<br>")
}

fn text(out: &mut String, p: &str, t: &Text) {
    for span in &t.0 {
        match span {
            Span::Plain(s) => out.push_str(&lines(s)),
            Span::Strong(s) => {
                let _ = write!(out, "<strong>{}</strong>", lines(s));
            }
            Span::Emphasis(s) => {
                let _ = write!(out, "<em>{}</em>", lines(s));
            }
            Span::Date(d) => {
                let _ = write!(out, "<time datetime=\"{d}\">{d}</time>");
            }
            Span::Link { href, text } => {
                let _ = write!(out, "<a class=\"{p}-link\" href=\"{}\">{}</a>", esc(href), lines(text));
            }
        }
    }
}

fn table(out: &mut String, p: &str, t: &Table) {
    let _ = write!(out, "<table class=\"{p}-table\"><thead><tr>");
    for h in &t.headers {
        let _ = write!(out, "<th scope=\"col\">{}</th>", lines(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &t.rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str("<td>");
            // The first line as the cell's text, any more as paragraphs under it.
            for (n, line) in cell.iter().enumerate() {
                if n > 0 {
                    out.push_str("<p>");
                }
                text(out, p, line);
                if n > 0 {
                    out.push_str("</p>");
                }
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

/// Horizontal bars, one per row, 0–100%.
fn chart(out: &mut String, p: &str, title: &str, bars: &[(String, u32)]) {
    const ROW: usize = 36;
    const BAR: u32 = 300;
    let height = ROW * bars.len() + 8;
    let _ = write!(
        out,
        "<figure class=\"{p}-chart\"><svg class=\"{p}-chart-svg\" role=\"img\" viewBox=\"0 0 620 {height}\" width=\"620\" \
         height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>",
        esc(title)
    );
    for (i, (label, percent)) in bars.iter().enumerate() {
        let y = i * ROW + 8;
        let width = (*percent).min(100) * BAR / 100;
        let _ = write!(
            out,
            "<text class=\"{p}-chart-label\" x=\"0\" y=\"{}\" font-size=\"14\" fill=\"#0b0c0c\">{}</text>\
             <rect class=\"{p}-chart-track\" x=\"230\" y=\"{y}\" width=\"{BAR}\" height=\"22\" fill=\"#f3f2f1\"/>\
             <rect class=\"{p}-chart-bar\" x=\"230\" y=\"{y}\" width=\"{width}\" height=\"22\" fill=\"#1d70b8\"/>\
             <text class=\"{p}-chart-value\" x=\"{}\" y=\"{}\" font-size=\"14\" fill=\"#0b0c0c\">{percent}%</text>",
            y + 16,
            esc(label),
            230 + BAR + 10,
            y + 16,
        );
    }
    let _ = write!(out, "</svg><figcaption>{}</figcaption></figure>", esc(title));
}

fn block(out: &mut String, p: &str, b: &Block) {
    let e = lines;
    match b {
        Block::Paragraph(t) => {
            let _ = write!(out, "<p class=\"{p}-text\">");
            text(out, p, t);
            out.push_str("</p>");
        }
        Block::Subheading(s) => {
            let _ = write!(out, "<h3 class=\"{p}-subheading\">{}</h3>", e(s));
        }
        Block::Bullets(items) => {
            let _ = write!(out, "<ul class=\"{p}-list\">");
            for i in items {
                out.push_str("<li>");
                text(out, p, i);
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        Block::Table(t) => table(out, p, t),
        Block::Chart { title, bars } => chart(out, p, title, bars),
        Block::Prompt(s) => {
            let _ = write!(out, "<p class=\"{p}-prompt\">{}</p>", e(s));
        }
        Block::Lines(count) => {
            let _ = write!(out, "<div class=\"{p}-lines\">");
            for _ in 0..*count {
                let _ = write!(out, "<div class=\"{p}-line\"></div>");
            }
            out.push_str("</div>");
        }
        Block::Blank(label) => {
            let _ = write!(
                out,
                "<p class=\"{p}-blank\"><span class=\"{p}-label\">{}:</span><span class=\"{p}-fill\"></span></p>",
                e(label)
            );
        }
        Block::Ticks { columns: Some([option, write_in]), options } => {
            let _ = write!(
                out,
                "<table class=\"{p}-ticks\"><thead><tr><th class=\"{p}-tick-col\" scope=\"col\">\u{2713}</th>\
                 <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
                e(option),
                e(write_in)
            );
            for t in options {
                let _ = write!(
                    out,
                    "<tr><td class=\"{p}-box\">\u{2610}</td><td><span class=\"{p}-option\">{}</span>",
                    e(&t.label)
                );
                if !t.detail.is_empty() {
                    let _ = write!(out, "<span class=\"{p}-detail\">{}</span>", e(&t.detail));
                }
                let _ = write!(out, "</td><td class=\"{p}-write\"></td></tr>");
            }
            out.push_str("</tbody></table>");
        }
        Block::Ticks { columns: None, options } => {
            let _ = write!(out, "<ul class=\"{p}-checklist\">");
            for t in options {
                let _ = write!(
                    out,
                    "<li><span class=\"{p}-box\">\u{2610}</span> <span class=\"{p}-option\">{}</span>",
                    e(&t.label)
                );
                if !t.detail.is_empty() {
                    let _ = write!(out, " <span class=\"{p}-detail\">{}</span>", e(&t.detail));
                }
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        Block::Signatures { note, who } => {
            let _ = write!(out, "<table class=\"{p}-signatures\"><tbody>");
            for w in who {
                let _ = write!(
                    out,
                    "<tr><th scope=\"row\">{}</th><td class=\"{p}-write\"><span class=\"{p}-hint\">{}</span></td></tr>",
                    e(w),
                    e(note)
                );
            }
            out.push_str("</tbody></table>");
        }
    }
}

/// The document as `<article class="{prefix} {prefix}-{variant}" lang="en-GB">…`:
/// a header (title, subtitle, introduction, note), then the sections.
pub fn fragment(d: &Document, prefix: &str, variant: Option<&str>) -> String {
    let p = prefix;
    let e = lines;
    let mut out = format!("<article class=\"{p}");
    if let Some(v) = variant {
        let _ = write!(out, " {p}-{}", esc(v));
    }
    let _ = write!(out, "\" lang=\"en-GB\"><header class=\"{p}-header\"><h1 class=\"{p}-title\">{}</h1>", e(&d.title));
    if !d.subtitle.is_empty() {
        let _ = write!(out, "<p class=\"{p}-subtitle\">{}</p>", e(&d.subtitle));
    }
    for (class, t) in [("intro", &d.intro), ("note", &d.note)] {
        if !t.is_empty() {
            let _ = write!(out, "<p class=\"{p}-{class}\">");
            text(&mut out, p, t);
            out.push_str("</p>");
        }
    }
    let _ = write!(out, "</header><div class=\"{p}-body\">");
    for s in &d.sections {
        let new_page = if s.new_page { format!(" {p}-new-page") } else { String::new() };
        let _ = write!(
            out,
            "<section class=\"{p}-section{new_page}\" data-section=\"{}\"><h2 class=\"{p}-heading\">{}</h2>",
            esc(&s.id),
            e(&s.heading)
        );
        for b in &s.blocks {
            block(&mut out, p, b);
        }
        out.push_str("</section>");
    }
    out.push_str("</div></article>");
    out
}

/// A whole page around [`fragment`], with `css` inlined: what the command line writes,
/// ready to open in a browser and print.
pub fn page(d: &Document, prefix: &str, variant: Option<&str>, css: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n\
         <style>{css}</style>\n</head>\n<body>\n{}\n</body>\n</html>\n",
        esc(&d.title),
        fragment(d, prefix, variant)
    )
}

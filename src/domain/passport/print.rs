//! The documents as escaped, print-ready HTML fragments.

use super::*;

use escape::html as escape_html;

pub(super) fn item_html(out: &mut String, item: &Item) {
    let e = escape_html;
    match item {
        Item::Text { text } => {
            let _ = write!(out, "<p class=\"cb-print-text\">{}</p>", e(text));
        }
        Item::Prompt { text } => {
            let _ = write!(out, "<p class=\"cb-print-prompt\">{}</p>", e(text));
        }
        Item::Lines { count } => {
            out.push_str("<div class=\"cb-print-lines\">");
            for _ in 0..*count {
                out.push_str("<div class=\"cb-print-line\"></div>");
            }
            out.push_str("</div>");
        }
        Item::Blank { label } => {
            let _ = write!(out, "<p class=\"cb-print-blank\"><span class=\"cb-print-label\">{}:</span><span class=\"cb-print-fill\"></span></p>", e(label));
        }
        Item::Ticks { columns: Some([option, agreed]), options } => {
            let _ = write!(
                out,
                "<table class=\"cb-print-ticks\"><thead><tr><th class=\"cb-print-tick-col\" scope=\"col\">\u{2713}</th>\
                 <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
                e(option),
                e(agreed)
            );
            for t in options {
                let _ = write!(
                    out,
                    "<tr><td class=\"cb-print-box\">\u{2610}</td><td><span class=\"cb-print-option\">{}</span>",
                    e(&t.label)
                );
                if !t.detail.is_empty() {
                    let _ = write!(out, "<span class=\"cb-print-detail\">{}</span>", e(&t.detail));
                }
                out.push_str("</td><td class=\"cb-print-write\"></td></tr>");
            }
            out.push_str("</tbody></table>");
        }
        Item::Ticks { columns: None, options } => {
            out.push_str("<ul class=\"cb-print-checklist\">");
            for t in options {
                let _ = write!(
                    out,
                    "<li><span class=\"cb-print-box\">\u{2610}</span> <span class=\"cb-print-option\">{}</span>",
                    e(&t.label)
                );
                if !t.detail.is_empty() {
                    let _ = write!(out, " <span class=\"cb-print-detail\">{}</span>", e(&t.detail));
                }
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        Item::Bullets { items } => {
            out.push_str("<ul class=\"cb-print-list\">");
            for i in items {
                let _ = write!(out, "<li>{}</li>", e(i));
            }
            out.push_str("</ul>");
        }
        Item::Subheading { text } => {
            let _ = write!(out, "<h3 class=\"cb-print-subheading\">{}</h3>", e(text));
        }
        Item::Signatures { note, who } => {
            out.push_str("<table class=\"cb-print-signatures\"><tbody>");
            for w in who {
                let _ = write!(
                    out,
                    "<tr><th scope=\"row\">{}</th><td class=\"cb-print-write\"><span class=\"cb-print-hint\">{}</span></td></tr>",
                    e(w),
                    e(note)
                );
            }
            out.push_str("</tbody></table>");
        }
        Item::Contacts { contacts } => {
            out.push_str("<ul class=\"cb-print-contacts\">");
            for c in contacts {
                out.push_str("<li>");
                if !c.kind.is_empty() {
                    let _ = write!(out, "<span class=\"cb-print-label\">{}:</span> ", e(&c.kind));
                }
                out.push_str(&e(&c.name));
                if let Some(href) = &c.href {
                    let _ = write!(out, " \u{2013} <a class=\"cb-print-link\" href=\"{}\">{}</a>", e(href), e(&c.text));
                }
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
    }
}

/// A document as an HTML fragment (`<article class="cb-print cb-print-template">…`),
/// every text escaped. Style it with the `cb-print-` classes (see [`PRINT_CSS`]).
pub fn to_html(d: &Document) -> String {
    let e = escape_html;
    let mut out = String::new();
    let _ = write!(out, "<article class=\"cb-print cb-print-{}\"><header class=\"cb-print-header\">", d.part.id());
    let _ = write!(out, "<h1 class=\"cb-print-title\">{}</h1>", e(&d.title));
    if !d.subtitle.is_empty() {
        let _ = write!(out, "<p class=\"cb-print-subtitle\">{}</p>", e(&d.subtitle));
    }
    if !d.intro.is_empty() {
        let _ = write!(out, "<p class=\"cb-print-intro\">{}</p>", e(&d.intro));
    }
    out.push_str("</header><div class=\"cb-print-body\">");
    for s in &d.sections {
        let _ = write!(out, "<section class=\"cb-print-section\" data-section=\"{}\">", e(&s.id));
        let _ = write!(out, "<h2 class=\"cb-print-heading\">{}</h2>", e(&s.heading));
        for i in &s.items {
            item_html(&mut out, i);
        }
        out.push_str("</section>");
    }
    out.push_str("</div></article>");
    out
}

/// The document for a part of the scheme, as an HTML fragment.
pub fn html(s: &Scheme, part: Part) -> String {
    to_html(&document(s, part))
}

/// Minimal print styles for the `cb-print-` classes: A4, lines to write on, tick boxes.
pub const PRINT_CSS: &str = include_str!("../../../style/passport-print.css");

/// A whole HTML page for one document, with [`PRINT_CSS`]: what the command line
/// prints, ready to open in a browser and print.
pub fn standalone_html(s: &Scheme, part: Part) -> String {
    let d = document(s, part);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{PRINT_CSS}</style>\n</head>\n<body>\n{}\n</body>\n</html>\n",
        escape_html(&d.title),
        to_html(&d)
    )
}

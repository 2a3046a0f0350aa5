//! The documents as print-ready HTML (classes `cb-print-…`) and as Word.

use super::*;
use crate::domain::document;

/// The document for a part of the scheme, as an HTML fragment
/// (`<article class="cb-print cb-print-template" …>`), every text escaped. Style it
/// with the `cb-print-` classes (see [`PRINT_CSS`]).
pub fn html(s: &Scheme, part: Part) -> String {
    document::html::fragment(&document(s, part), "cb-print", Some(part.id()))
}

/// Minimal print styles for the `cb-print-` classes: A4, lines to write on, tick boxes.
pub const PRINT_CSS: &str = include_str!("../../../style/passport-print.css");

/// A whole HTML page for one document, with [`PRINT_CSS`]: what the command line
/// prints, ready to open in a browser and print.
pub fn standalone_html(s: &Scheme, part: Part) -> String {
    document::html::page(&document(s, part), "cb-print", Some(part.id()), PRINT_CSS)
}

/// The document for a part of the scheme as a Word file.
pub fn docx(s: &Scheme, part: Part) -> Vec<u8> {
    document::docx::render(&document(s, part))
}

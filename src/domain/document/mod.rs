//! One model for every document the tool writes (the report and action plan, the draft
//! policy, the carer passport's template, guide and briefing) and one renderer per
//! format, each rendering any document:
//!
//! - [`html`]: an `<article>` fragment, or a whole page, with class names from the
//!   caller (`cb-report-…`, `cb-print-…`);
//! - [`markdown`]: GitHub-flavoured Markdown (for its tables and tick boxes);
//! - [`docx`]: a Word file, packed by [`zip`].
//!
//! A document is built from data by its own module ([`Report::document`], [`draft_policy`],
//! [`passport::document`]) and holds only text: every renderer escapes every piece of it
//! for its format, so no builder escapes anything and no text can become markup.
//!
//! The blocks are exactly what those documents use: paragraphs with strong, emphasised,
//! date and link spans, subheadings, bullet lists, tables, a bar chart, and for the
//! passport's forms, prompts, lines to write on, blanks to fill in, tick boxes and
//! signatures.
//!
//! [`Report::document`]: super::export::Report::document
//! [`draft_policy`]: super::draft_policy::draft_policy
//! [`passport::document`]: super::passport::document

pub mod docx;
pub mod html;
pub mod markdown;
pub mod zip;

use chrono::NaiveDate;

/// A document: a title, an optional subtitle, introduction and note, then sections.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    /// A short line under the title ("Confidential"); empty when none.
    pub subtitle: String,
    /// The opening paragraph; empty when none.
    pub intro: Text,
    /// A paragraph set apart after the introduction: what the document is and is not.
    /// Empty when none.
    pub note: Text,
    pub sections: Vec<Section>,
}

/// A section: a heading and its blocks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// Stable, for styles and tests (HTML's `data-section`): `plan`, `field:caring`, …
    pub id: String,
    pub heading: String,
    /// Printed from the top of a new page.
    pub new_page: bool,
    pub blocks: Vec<Block>,
}

impl Section {
    pub fn new(id: impl Into<String>, heading: impl Into<String>, blocks: Vec<Block>) -> Self {
        Section { id: id.into(), heading: heading.into(), new_page: false, blocks }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Text),
    /// A heading inside a section.
    Subheading(String),
    Bullets(Vec<Text>),
    Table(Table),
    /// Bars from 0 to 100%, with a title. Drawn where the format can draw (HTML); the
    /// other formats leave it out, so a chart is always followed by a table of its figures.
    Chart {
        title: String,
        bars: Vec<(String, u32)>,
    },
    /// A question to the person filling in the form.
    Prompt(String),
    /// Empty lines to write on.
    Lines(u32),
    /// "Label: ________", to fill in.
    Blank(String),
    /// Tick boxes. With `columns` (the options' heading, the write-in column's heading)
    /// they are a table with a column to write in; without, a list.
    Ticks {
        columns: Option<[String; 2]>,
        options: Vec<Tick>,
    },
    /// A row per person signing (`who`), with what to write (`note`).
    Signatures {
        note: String,
        who: Vec<String>,
    },
}

/// A tick box: a label and optional detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    pub label: String,
    /// Empty when none.
    pub detail: String,
}

/// A table with a header row. Each cell is one or more lines; the first column holds
/// each row's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Vec<Text>>>,
}

/// A piece of running text: spans of plain, strong and emphasised words, dates and
/// links. Line breaks inside a span are kept where the format allows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(pub Vec<Span>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Plain(String),
    Strong(String),
    Emphasis(String),
    /// A day, printed as `2026-11-22` (in HTML, a `<time>`).
    Date(NaiveDate),
    /// A link, printed as its text where the format has no links. The builder checks
    /// that `href` is safe to follow (see `passport::link_ok`).
    Link {
        href: String,
        text: String,
    },
}

impl Text {
    /// `self` followed by plain words.
    pub fn plain(mut self, s: impl Into<String>) -> Self {
        self.0.push(Span::Plain(s.into()));
        self
    }

    pub fn strong(mut self, s: impl Into<String>) -> Self {
        self.0.push(Span::Strong(s.into()));
        self
    }

    pub fn emphasis(mut self, s: impl Into<String>) -> Self {
        self.0.push(Span::Emphasis(s.into()));
        self
    }

    pub fn date(mut self, d: NaiveDate) -> Self {
        self.0.push(Span::Date(d));
        self
    }

    pub fn link(mut self, href: impl Into<String>, text: impl Into<String>) -> Self {
        self.0.push(Span::Link { href: href.into(), text: text.into() });
        self
    }

    /// `self` followed by `more`.
    pub fn then(mut self, more: Text) -> Self {
        self.0.extend(more.0);
        self
    }

    /// No words at all.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|s| matches!(s, Span::Plain(t) | Span::Strong(t) | Span::Emphasis(t) if t.is_empty()))
    }

    /// The words without their marks, as a reader would say them.
    pub fn to_plain(&self) -> String {
        let mut out = String::new();
        for span in &self.0 {
            match span {
                Span::Plain(t) | Span::Strong(t) | Span::Emphasis(t) | Span::Link { text: t, .. } => out.push_str(t),
                Span::Date(d) => out.push_str(&d.to_string()),
            }
        }
        out
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text(vec![Span::Plain(s.to_string())])
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(vec![Span::Plain(s)])
    }
}

/// Text in bold, as a whole.
pub fn strong(s: impl Into<String>) -> Text {
    Text::default().strong(s)
}

//! A lean Word (.docx) writer: a document builder ([`Doc`]) that emits the minimal
//! Office Open XML parts, packed by [`zip`](crate::domain::document::zip), and the
//! passport documents written with it. All text is XML-escaped, and
//! characters that XML 1.0 forbids are dropped.
//!
//! Parts: `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml` (the title),
//! `word/document.xml`, `word/_rels/document.xml.rels`, `word/styles.xml` (Title,
//! Heading 1–3, List Paragraph, a bordered table style) and `word/numbering.xml`
//! (bullets). A4 pages with 2 cm margins.

use crate::domain::document::zip::zip;
use std::fmt::Write;

/// Text width of an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 2 * 1134;

/// Text escaped for XML, without the characters XML 1.0 does not allow.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Runs for a piece of text: line breaks become `<w:br/>`, tabs `<w:tab/>`.
fn runs(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    let mut out = format!("<w:r>{props}<w:t xml:space=\"preserve\">");
    let text = text.replace("\r\n", "\n");
    for c in xml(&text).chars() {
        match c {
            '\n' | '\r' => out.push_str("</w:t><w:br/><w:t xml:space=\"preserve\">"),
            '\t' => out.push_str("</w:t><w:tab/><w:t xml:space=\"preserve\">"),
            c => out.push(c),
        }
    }
    out.push_str("</w:t></w:r>");
    out
}

fn paragraph(style: Option<&str>, extra: &str, body: &str) -> String {
    let style = style.map(|s| format!("<w:pStyle w:val=\"{s}\"/>")).unwrap_or_default();
    format!("<w:p><w:pPr>{style}{extra}</w:pPr>{body}</w:p>")
}

/// Column widths in twentieths of a point, filling the text width: each column gets
/// room for its longest word, and what is left goes to the columns with the most text.
fn column_widths<S: AsRef<str>>(headers: &[S], rows: &[Vec<String>]) -> Vec<usize> {
    // About 100 twips a character of 9-point Arial, plus the cell's margins.
    let room = |chars: usize| chars * 100 + 200;
    let n = headers.len().max(1);
    let column = |i: usize| {
        headers
            .get(i)
            .map(|h| h.as_ref())
            .into_iter()
            .chain(rows.iter().filter_map(move |r| r.get(i).map(String::as_str)))
    };
    let least: Vec<usize> = (0..n)
        .map(|i| room(column(i).flat_map(str::split_whitespace).map(|w| w.chars().count()).max().unwrap_or(0)))
        .collect();
    let wanted: Vec<usize> = (0..n)
        .map(|i| {
            let chars: usize = rows.iter().map(|r| r.get(i).map_or(0, |c| c.chars().count())).sum();
            room(chars / rows.len().max(1)).max(least[i])
        })
        .collect();
    let (sum_least, sum_wanted) = (least.iter().sum::<usize>(), wanted.iter().sum::<usize>());
    if sum_wanted <= TEXT_WIDTH {
        wanted.iter().map(|w| w * TEXT_WIDTH / sum_wanted).collect()
    } else if sum_least >= TEXT_WIDTH {
        least.iter().map(|w| w * TEXT_WIDTH / sum_least).collect()
    } else {
        let spare = TEXT_WIDTH - sum_least;
        let extra = sum_wanted - sum_least;
        least.iter().zip(&wanted).map(|(l, w)| l + (w - l) * spare / extra).collect()
    }
}

/// A Word document, built up in order:
/// `Doc::new().title("…").heading(1, "…").para("…").bullets(&["…"]).table(&headers, &rows)`,
/// then [`Doc::to_bytes`].
#[derive(Debug, Clone, Default)]
pub struct Doc {
    title: String,
    body: String,
}

impl Doc {
    pub fn new() -> Self {
        Doc::default()
    }

    /// The document's title: a Title paragraph, and the file's title property.
    pub fn title(&mut self, text: &str) -> &mut Self {
        if self.title.is_empty() {
            self.title = text.to_string();
        }
        self.body += &paragraph(Some("Title"), "", &runs(text, false));
        self
    }

    /// A heading of level 1 to 3 (other levels are clamped).
    pub fn heading(&mut self, level: u8, text: &str) -> &mut Self {
        let style = format!("Heading{}", level.clamp(1, 3));
        self.body += &paragraph(Some(&style), "", &runs(text, false));
        self
    }

    pub fn para(&mut self, text: &str) -> &mut Self {
        self.body += &paragraph(None, "", &runs(text, false));
        self
    }

    /// A paragraph in bold.
    pub fn strong(&mut self, text: &str) -> &mut Self {
        self.body += &paragraph(None, "", &runs(text, true));
        self
    }

    pub fn bullets<S: AsRef<str>>(&mut self, items: &[S]) -> &mut Self {
        for item in items {
            let numbering = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>";
            self.body += &paragraph(Some("ListParagraph"), numbering, &runs(item.as_ref(), false));
        }
        self
    }

    /// A label followed by a ruled line to the right margin, for filling in by hand.
    pub fn fill_in(&mut self, label: &str) -> &mut Self {
        let tabs = format!("<w:tabs><w:tab w:val=\"right\" w:leader=\"underscore\" w:pos=\"{TEXT_WIDTH}\"/></w:tabs><w:spacing w:before=\"240\"/>");
        self.body += &paragraph(None, &tabs, &(runs(label, false) + "<w:r><w:tab/></w:r>"));
        self
    }

    pub fn page_break(&mut self) -> &mut Self {
        self.body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
        self
    }

    /// A table with a header row (repeated on each page), filling the page's width: each
    /// column gets room for its longest word, and the rest goes to the columns with the
    /// most text. Line breaks in a cell start new paragraphs; the first line of each row
    /// is bold, as the row's heading.
    pub fn table<S: AsRef<str>>(&mut self, headers: &[S], rows: &[Vec<String>]) -> &mut Self {
        let widths = column_widths(headers, rows);
        let b = &mut self.body;
        b.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
        for w in &widths {
            let _ = write!(b, "<w:gridCol w:w=\"{w}\"/>");
        }
        b.push_str("</w:tblGrid><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
        for (h, w) in headers.iter().zip(&widths) {
            let _ = write!(
                b,
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8E8E8\"/></w:tcPr>{}</w:tc>",
                paragraph(Some("TableText"), "", &runs(h.as_ref(), true))
            );
        }
        b.push_str("</w:tr>");
        for row in rows {
            b.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (i, w) in widths.iter().enumerate() {
                let _ = write!(b, "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>");
                let cell = row.get(i).map_or("", String::as_str);
                for (n, line) in cell.split('\n').enumerate() {
                    b.push_str(&paragraph(Some("TableText"), "", &runs(line, i == 0 && n == 0)));
                }
                b.push_str("</w:tc>");
            }
            b.push_str("</w:tr>");
        }
        b.push_str("</w:tbl>");
        // Word needs a paragraph between two tables, and after a table that ends a cell.
        b.push_str("<w:p/>");
        self
    }

    /// The .docx file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let document = format!(
            "{HEAD}<w:document xmlns:w=\"{W}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{}\
             <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" \
             w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
            self.body
        );
        let core = format!(
            "{HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title></cp:coreProperties>",
            xml(&self.title)
        );
        zip(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", RELS.as_bytes()),
            ("docProps/core.xml", core.as_bytes()),
            ("word/document.xml", document.as_bytes()),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
            ("word/styles.xml", STYLES.as_bytes()),
            ("word/numbering.xml", NUMBERING.as_bytes()),
        ])
    }
}

const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
</Types>";

const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
</Relationships>";

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>\
<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:spacing w:after=\"240\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"60\"/><w:outlineLvl w:val=\"2\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:spacing w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>\
<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/><w:basedOn w:val=\"TableNormal\"/><w:tblPr>\
<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"7F7F7F\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"7F7F7F\"/>\
<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"7F7F7F\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"7F7F7F\"/>\
<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"7F7F7F\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"7F7F7F\"/></w:tblBorders>\
<w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
</w:styles>";

const NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>\
<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>\
<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

/// A carer passport document (template, conversation guide or manager briefing) as Word,
/// from the same sections as its printable HTML.
pub fn passport_docx(d: &crate::domain::passport::Document) -> Vec<u8> {
    use crate::domain::passport::Item;
    let mut doc = Doc::new();
    doc.title(&d.title);
    if !d.subtitle.is_empty() {
        doc.strong(&d.subtitle);
    }
    if !d.intro.is_empty() {
        doc.para(&d.intro);
    }
    for s in &d.sections {
        doc.heading(1, &s.heading);
        for item in &s.items {
            match item {
                Item::Text { text } => doc.para(text),
                Item::Prompt { text } => doc.strong(text),
                Item::Lines { count } => {
                    for _ in 0..*count {
                        doc.fill_in("");
                    }
                    &mut doc
                }
                Item::Blank { label } => doc.fill_in(&format!("{label}: ")),
                Item::Ticks { columns: Some([option, write_in]), options } => {
                    let rows: Vec<Vec<String>> = options
                        .iter()
                        .map(|t| {
                            vec![
                                format!("☐ {}", t.label)
                                    + &if t.detail.is_empty() { String::new() } else { format!("\n{}", t.detail) },
                                String::new(),
                            ]
                        })
                        .collect();
                    doc.table(&[option.as_str(), write_in.as_str()], &rows)
                }
                Item::Ticks { columns: None, options } => {
                    for t in options {
                        let line = if t.detail.is_empty() {
                            format!("☐ {}", t.label)
                        } else {
                            format!("☐ {}: {}", t.label, t.detail)
                        };
                        doc.para(&line);
                    }
                    &mut doc
                }
                Item::Bullets { items } => doc.bullets(items),
                Item::Subheading { text } => doc.heading(2, text),
                Item::Signatures { note, who } => {
                    doc.para(note);
                    for w in who {
                        doc.fill_in(&format!("{w}: "));
                    }
                    &mut doc
                }
                Item::Contacts { contacts } => {
                    let rows: Vec<String> = contacts
                        .iter()
                        .map(|c| {
                            if c.text.is_empty() {
                                format!("{}: {}", c.kind, c.name)
                            } else {
                                format!("{}: {}, {}", c.kind, c.name, c.text)
                            }
                        })
                        .collect();
                    doc.bullets(&rows)
                }
            };
        }
    }
    doc.to_bytes()
}

//! A document as Word (.docx): the minimal Office Open XML parts, packed by
//! [`zip`](super::zip). Every text is XML-escaped ([`xml`]), and characters that XML 1.0
//! forbids are dropped. The title is a Title paragraph and the file's title property,
//! the subtitle a bold line, the note a paragraph set apart with a rule; section
//! headings are Heading 1 and subheadings Heading 2, so Word's navigation pane and
//! table of contents see them. A form's blanks and lines to write on are ruled to the
//! right margin. A chart is left out (its figures are in the table that follows it).
//!
//! Parts: `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml` (the title),
//! `word/document.xml`, `word/_rels/document.xml.rels`, `word/styles.xml` (Title,
//! Heading 1–2, List Paragraph, Note, a bordered table style) and `word/numbering.xml`
//! (bullets). A4 pages with 2 cm margins.

use super::{zip::zip, Block, Document, Span, Table, Text};
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

/// A run of text, bold or italic: line breaks become `<w:br/>`, tabs `<w:tab/>`.
fn run(text: &str, bold: bool, italic: bool) -> String {
    let props = match (bold, italic) {
        (false, false) => "",
        (true, false) => "<w:rPr><w:b/></w:rPr>",
        (false, true) => "<w:rPr><w:i/></w:rPr>",
        (true, true) => "<w:rPr><w:b/><w:i/></w:rPr>",
    };
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

/// The runs of a text; all of it bold when `bold`.
fn runs(t: &Text, bold: bool) -> String {
    t.0.iter()
        .map(|span| match span {
            Span::Plain(s) | Span::Link { text: s, .. } => run(s, bold, false),
            Span::Strong(s) => run(s, true, false),
            Span::Emphasis(s) => run(s, bold, true),
            // A date never breaks at its hyphens.
            Span::Date(d) => run(&d.to_string(), bold, false).replace('-', "</w:t><w:noBreakHyphen/><w:t>"),
        })
        .collect()
}

fn paragraph(style: Option<&str>, extra: &str, body: &str) -> String {
    let style = style.map(|s| format!("<w:pStyle w:val=\"{s}\"/>")).unwrap_or_default();
    format!("<w:p><w:pPr>{style}{extra}</w:pPr>{body}</w:p>")
}

/// Column widths in twentieths of a point, filling the text width: each column gets
/// room for its longest word, and what is left goes to the columns with the most text.
fn column_widths(headers: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    // About 100 twips a character of 9-point Arial, plus the cell's margins.
    let room = |chars: usize| chars * 100 + 200;
    let n = headers.len().max(1);
    let column = |i: usize| {
        headers
            .get(i)
            .map(String::as_str)
            .into_iter()
            .chain(rows.iter().filter_map(move |r| r.get(i).map(String::as_str)))
    };
    // The longest word of each column, whole or, when that is too wide, broken at its
    // hyphens (rule IDs such as FW-GB-NO-BUSINESS-CASE), so the columns with the most
    // text keep their room.
    let longest = |broken: bool| -> Vec<usize> {
        let chars = |w: &str| match w.split('-').map(|p| p.chars().count()).max() {
            Some(piece) if broken && w.contains('-') => piece + 1,
            _ => w.chars().count(),
        };
        (0..n).map(|i| room(column(i).flat_map(str::split_whitespace).map(chars).max().unwrap_or(0))).collect()
    };
    let whole = longest(false);
    let least = if whole.iter().sum::<usize>() <= TEXT_WIDTH { whole.clone() } else { longest(true) };
    let wanted: Vec<usize> = (0..n)
        .map(|i| {
            let chars: usize = rows.iter().map(|r| r.get(i).map_or(0, |c| c.chars().count())).sum();
            room(chars / rows.len().max(1)).max(whole[i])
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

/// The body of `word/document.xml`, built up in order.
#[derive(Default)]
struct Body(String);

impl Body {
    fn para(&mut self, style: Option<&str>, t: &Text, bold: bool) {
        self.0 += &paragraph(style, "", &runs(t, bold));
    }

    fn plain(&mut self, style: Option<&str>, text: &str, bold: bool) {
        self.0 += &paragraph(style, "", &run(text, bold, false));
    }

    /// A heading of level 1 or 2, from the top of a new page when `new_page`.
    fn heading(&mut self, level: u8, text: &str, new_page: bool) {
        let style = format!("Heading{level}");
        let extra = if new_page { "<w:pageBreakBefore/>" } else { "" };
        self.0 += &paragraph(Some(&style), extra, &run(text, false, false));
    }

    fn bullets(&mut self, items: &[Text]) {
        for item in items {
            let numbering = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>";
            self.0 += &paragraph(Some("ListParagraph"), numbering, &runs(item, false));
        }
    }

    /// A label followed by a ruled line to the right margin, for filling in by hand.
    fn fill_in(&mut self, label: &str) {
        let tabs = format!(
            "<w:tabs><w:tab w:val=\"right\" w:leader=\"underscore\" w:pos=\"{TEXT_WIDTH}\"/></w:tabs><w:spacing w:before=\"240\"/>"
        );
        self.0 += &paragraph(None, &tabs, &(run(label, false, false) + "<w:r><w:tab/></w:r>"));
    }

    /// A table with a header row (repeated on each page), filling the page's width: each
    /// column gets room for its longest word, and the rest goes to the columns with the
    /// most text. Each line of a cell is a paragraph; the first line of each row is
    /// bold, as the row's name.
    fn table(&mut self, t: &Table) {
        // The words of each cell, for its width; a date's hyphens do not break.
        let words = |t: &Text| {
            let mut s = String::new();
            for span in &t.0 {
                match span {
                    Span::Date(d) => s += &d.to_string().replace('-', "\u{2011}"),
                    other => s += &Text(vec![other.clone()]).to_plain(),
                }
            }
            s
        };
        let plain: Vec<Vec<String>> = t
            .rows
            .iter()
            .map(|r| r.iter().map(|cell| cell.iter().map(words).collect::<Vec<_>>().join("\n")).collect())
            .collect();
        let widths = column_widths(&t.headers, &plain);
        let b = &mut self.0;
        b.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
        for w in &widths {
            let _ = write!(b, "<w:gridCol w:w=\"{w}\"/>");
        }
        b.push_str("</w:tblGrid><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
        for (h, w) in t.headers.iter().zip(&widths) {
            let _ = write!(
                b,
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8E8E8\"/></w:tcPr>{}</w:tc>",
                paragraph(Some("TableText"), "", &run(h, true, false))
            );
        }
        b.push_str("</w:tr>");
        for row in &t.rows {
            b.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (i, w) in widths.iter().enumerate() {
                let _ = write!(b, "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>");
                let cell = row.get(i).map_or(&[][..], Vec::as_slice);
                if cell.is_empty() {
                    // Word needs a paragraph in every cell.
                    b.push_str(&paragraph(Some("TableText"), "", ""));
                }
                for (n, line) in cell.iter().enumerate() {
                    b.push_str(&paragraph(Some("TableText"), "", &runs(line, i == 0 && n == 0)));
                }
                b.push_str("</w:tc>");
            }
            b.push_str("</w:tr>");
        }
        b.push_str("</w:tbl>");
        // Word needs a paragraph between two tables, and after a table that ends a cell.
        b.push_str("<w:p/>");
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Paragraph(t) => self.para(None, t, false),
            Block::Subheading(s) => self.heading(2, s, false),
            Block::Bullets(items) => self.bullets(items),
            Block::Table(t) => self.table(t),
            Block::Chart { .. } => {}
            Block::Prompt(s) => self.plain(None, s, true),
            Block::Lines(count) => {
                for _ in 0..*count {
                    self.fill_in("");
                }
            }
            Block::Blank(label) => self.fill_in(&format!("{label}: ")),
            Block::Ticks { columns: Some([option, write_in]), options } => {
                let rows = options
                    .iter()
                    .map(|t| {
                        let mut lines = vec![Text::from(format!("\u{2610} {}", t.label))];
                        if !t.detail.is_empty() {
                            lines.push(Text::from(t.detail.as_str()));
                        }
                        vec![lines, Vec::new()]
                    })
                    .collect();
                self.table(&Table { headers: vec![option.clone(), write_in.clone()], rows });
            }
            Block::Ticks { columns: None, options } => {
                for t in options {
                    let line = if t.detail.is_empty() {
                        format!("\u{2610} {}", t.label)
                    } else {
                        format!("\u{2610} {}: {}", t.label, t.detail)
                    };
                    self.plain(None, &line, false);
                }
            }
            Block::Signatures { note, who } => {
                self.plain(None, note, false);
                for w in who {
                    self.fill_in(&format!("{w}: "));
                }
            }
        }
    }
}

/// The document as a .docx file.
pub fn render(d: &Document) -> Vec<u8> {
    let mut b = Body::default();
    b.plain(Some("Title"), &d.title, false);
    if !d.subtitle.is_empty() {
        b.plain(None, &d.subtitle, true);
    }
    if !d.intro.is_empty() {
        b.para(None, &d.intro, false);
    }
    if !d.note.is_empty() {
        b.para(Some("Note"), &d.note, false);
    }
    for s in &d.sections {
        b.heading(1, &s.heading, s.new_page);
        for block in &s.blocks {
            b.block(block);
        }
    }
    let document = format!(
        "{HEAD}<w:document xmlns:w=\"{W}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{}\
         <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" \
         w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
        b.0
    );
    let core = format!(
        "{HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title></cp:coreProperties>",
        xml(&d.title)
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
<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Note\"><w:name w:val=\"Note\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"8\" w:color=\"B1B4B6\"/></w:pBdr><w:spacing w:before=\"120\" w:after=\"240\"/><w:ind w:left=\"227\"/></w:pPr><w:rPr><w:color w:val=\"505A5F\"/></w:rPr></w:style>\
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

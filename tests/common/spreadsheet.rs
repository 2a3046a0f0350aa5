//! Reading CSV exports back as a spreadsheet would: with the `csv` crate (a reader
//! independent of the tool's writer), checking that no cell could run as a formula.

/// Cells a spreadsheet could run as formulas, some behind spaces, line breaks, invisible
/// or look-alike characters; and ordinary cells, which must come back unchanged.
pub const HOSTILE_CELLS: &[&str] = &[
    "=1+1",
    " =1+1",
    "\n=1+1",
    "\r\n=1+1",
    "\u{a0}=1",
    "\u{3000}=1",
    "\u{2003}@x",
    "\u{202f}+1",
    "\u{205f}-1",
    "\u{feff}=1",
    "\u{200b}=1",
    "\u{202e}=1",
    " \t \u{a0}\n＝1+1",
    "＝1+1",
    "＋1",
    "－1",
    "＠SUM(A1)",
    "\u{fe62}1",
    "\u{fe63}1",
    "\u{2212}1",
    "\t=1",
    "\r=1",
    "\tplain",
    "\t",
    "-2",
    "+44 20 7946 0000",
    "@home",
    "=HYPERLINK(\"http://x\",\"y\")",
    "plain text",
    "Smith, Jones & Co",
    "Say \"hi\" Ltd",
    "Line one\nLine two",
    "a=1",
    "'=already quoted",
    "\u{a0}text after a no-break space",
    " ",
    "",
];

/// The records of a CSV export (after its byte-order mark), read by the `csv` crate.
pub fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("starts with a byte-order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("a well-formed record").iter().map(String::from).collect())
        .collect()
}

/// The first character of a cell that shows: after spaces of every kind, line breaks,
/// control and invisible characters, with full-width and small forms and the minus sign
/// folded to `=`, `+`, `-` and `@`.
pub fn first_shown(cell: &str) -> Option<char> {
    let hidden = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}' | '\u{61c}' | '\u{180e}' | '\u{feff}')
    };
    cell.chars().find(|&c| !hidden(c)).map(|c| match c {
        '\u{ff1d}' | '\u{fe66}' => '=',
        '\u{ff0b}' | '\u{fe62}' => '+',
        '\u{ff0d}' | '\u{fe63}' | '\u{2212}' => '-',
        '\u{ff20}' | '\u{fe6b}' => '@',
        c => c,
    })
}

/// Whether a spreadsheet could take the cell as a formula.
pub fn could_run(cell: &str) -> bool {
    cell.starts_with(['\t', '\r']) || first_shown(cell).is_some_and(|c| matches!(c, '=' | '+' | '-' | '@'))
}

/// A cell read back is the text written, with a `'` in front exactly when the text could
/// run as a formula.
pub fn assert_neutralised(read: &str, written: &str) {
    if could_run(written) {
        assert_eq!(read, format!("'{written}"), "written {written:?}");
    } else {
        assert_eq!(read, written, "written {written:?}");
    }
}

/// No cell read back could run as a formula.
pub fn assert_no_formula(records: &[Vec<String>]) {
    for cell in records.iter().flatten() {
        assert!(!could_run(cell), "{cell:?} could run as a formula");
    }
}

//! The exports, each read back by an independent reader: CSV by a strict RFC 4180
//! parser written here, the calendar by Python's `icalendar`, HTML by Python's
//! `html.parser`, the Word file by Python's `zipfile` and XML parser and by LibreOffice
//! (converted to PDF, its text read with `pdftotext`). Names with `<script>`, quotes,
//! commas, line breaks, `|` and a leading `=` must survive every format as text.
//!
//! Needs python3 with `icalendar` (`pip install icalendar`), LibreOffice
//! (`soffice`, Debian `libreoffice-writer-nogui`) and poppler-utils. When python3, a
//! Python module or soffice is not installed, a test fails under CI (`CI=true`: an
//! export nobody read back must not pass) and is otherwise skipped with a loud note.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use carer_benchmark::domain::content::{framework, Priority};
use carer_benchmark::domain::document::{self, docx, html, markdown, zip};
use carer_benchmark::domain::export::{csv, ics, Report, ReportFile};
use carer_benchmark::domain::model::{Answer, Assessment};
use carer_benchmark::domain::plan::{Schedule, Status};
use carer_benchmark::domain::policy::PolicyAnswers;
use carer_benchmark::domain::{checksum, escape, plan};
use chrono::{TimeZone, Utc};
use common::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const ORG: &str = "Acme <script>alert(\"x\")</script>, \"Care\" | Ltd";
/// An own action's title: leading `=`, a comma, a quote, a pipe, markup and a line break.
const TITLE: &str = "=HYPERLINK(\"http://evil\"), <b>bold</b> | cell\nsecond line; semi\\colon";
const NOTES: &str = "-2+3 notes, with \"quotes\"\r\nand <script>x</script> | pipes";
const OWNER: &str = "@Priya Shah, HR";
/// Long, with multi-byte characters, so calendar lines fold near them.
const LONG: &str = "Café-team review of the carers’ passport — ééééééééééééééééééééé 👩‍👧 with every manager, site and shift, written up";

fn full() -> Assessment {
    let mut a = blank();
    a.organisation.name = ORG.into();
    for (n, ind) in framework().indicators().enumerate() {
        if n % 4 != 3 {
            a.set_answer(ind.id, Answer::ALL[n % 3], t0());
            a.set_evidence(ind.id, if n % 8 == 2 { "Policy v2" } else { "" }, t0());
        }
    }
    let mut p = PolicyAnswers::default();
    p.flexible_working.service_weeks = Some(26);
    p.flexible_working.requests_per_year = Some(1);
    p.carers_leave.offered = Some(true);
    p.carers_leave.paid_days = Some(0);
    a.policies = Some(p);
    let s = Schedule::default();
    plan::edit_plan(&mut a, day(), |state| {
        let own = state.add_own(TITLE, Priority::High, &s).unwrap();
        state.set_notes(&own, NOTES);
        state.set_owner(&own, OWNER);
        state.set_status(&own, Status::InProgress);
        state.add_own(LONG, Priority::Low, &s);
        state.set_owner("policy:FW-GB-DAY-ONE", "+44 HR team");
    });
    a
}

fn report(a: &Assessment) -> Report<'_> {
    Report::new(framework(), a, day(), &[], &Schedule::default())
}

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("cb-export-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A reader that is not installed. Under CI (`CI=true`) the test fails: an export that
/// no independent reader checked must not pass there. Elsewhere it is skipped, loudly.
fn missing(tool: &str, consequence: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{tool} is not installed and CI=true, so {consequence}: install it (scripts/setup)");
    }
    eprintln!("\n!!!!! SKIPPED: {tool} is not installed, so {consequence} (this fails when CI=true) !!!!!\n");
}

/// The module a Python error says is not installed.
fn missing_module(stderr: &str) -> Option<&str> {
    let rest = stderr.split("ModuleNotFoundError: No module named ").nth(1)?;
    rest.lines().next().map(|m| m.trim().trim_matches('\''))
}

/// Runs a Python script with `arg`; `None` when python3 or a module the script imports
/// is not installed (see [`missing`]). Any other failure fails the test.
fn python(script: &str, arg: &Path) -> Option<String> {
    const UNCHECKED: &str = "this export was NOT checked by an independent reader";
    match Command::new("python3").arg("-c").arg(script).arg(arg).output() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            missing("python3", UNCHECKED);
            None
        }
        Err(e) => panic!("python3: {e}"),
        Ok(out) => {
            let stderr = String::from_utf8_lossy(&out.stderr);
            if let Some(module) = missing_module(&stderr).filter(|_| !out.status.success()) {
                missing(&format!("Python's {module} module"), UNCHECKED);
                return None;
            }
            assert!(out.status.success(), "python3 failed:\n{stderr}");
            Some(String::from_utf8(out.stdout).unwrap())
        }
    }
}

/// Converts a .docx to PDF with LibreOffice and returns its text (`pdftotext`) and page
/// count; `None` only when LibreOffice is not installed (see [`missing`]).
fn libreoffice_text(docx: &Path) -> Option<(String, u32)> {
    let out_dir = docx.with_extension("pdf-out");
    // A profile of its own, so conversions running in parallel do not collide.
    let profile = format!("-env:UserInstallation=file://{}", out_dir.join("profile").display());
    let run = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out_dir)
        .arg(docx)
        .output();
    let out = match run {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            missing("LibreOffice (soffice)", "the .docx was NOT opened by a word processor");
            return None;
        }
        r => r.unwrap(),
    };
    let pdf = out_dir.join(docx.with_extension("pdf").file_name().unwrap());
    assert!(pdf.exists(), "LibreOffice did not convert {}:\n{}", docx.display(), String::from_utf8_lossy(&out.stderr));
    let text = Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext (poppler-utils) is installed");
    let info = String::from_utf8(Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
    let pages = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    Some((String::from_utf8(text.stdout).unwrap(), pages))
}

#[test]
fn a_missing_python_module_is_recognised() {
    let err = "Traceback (most recent call last):\n  File \"<string>\", line 1\nModuleNotFoundError: No module named 'icalendar'\n";
    assert_eq!(missing_module(err), Some("icalendar"));
    assert_eq!(missing_module("SyntaxError: invalid syntax"), None);
}

/// Whitespace collapsed, so text wrapped by a layout can be compared.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ── CSV ────────────────────────────────────────────────────────────────────────────

/// A strict RFC 4180 reader: records end with CRLF, a field is either quoted (quotes
/// doubled inside, anything else allowed) or has no quote, comma, CR or LF at all.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    while chars.peek().is_some() {
        let mut record = Vec::new();
        loop {
            let mut field = String::new();
            if chars.peek() == Some(&'"') {
                chars.next();
                loop {
                    match chars.next().expect("unterminated quoted field") {
                        '"' if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        '"' => break,
                        c => field.push(c),
                    }
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c == ',' || c == '\r' {
                        break;
                    }
                    assert!(c != '"' && c != '\n', "bare {c:?} in an unquoted field after {field:?}");
                    field.push(c);
                    chars.next();
                }
            }
            record.push(field);
            match chars.next() {
                Some(',') => continue,
                Some('\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CR without LF");
                    break;
                }
                other => panic!("a field must end with a comma or CRLF, not {other:?}"),
            }
        }
        records.push(record);
    }
    records
}

#[test]
fn the_csv_reads_back_with_a_strict_parser_and_neutralises_formulas() {
    let a = full();
    let r = report(&a);
    let text = csv::plan_csv(&r.plan);
    let body = text.strip_prefix('\u{feff}').expect("starts with a byte-order mark");
    let records = parse_csv(body);
    assert_eq!(records[0][..4], ["ID", "Group", "Action", "Why"]);
    assert_eq!(records.len(), r.plan.actions.len() + 1);
    assert!(records.iter().all(|rec| rec.len() == 12), "every record has 12 fields");
    for (rec, x) in records[1..].iter().zip(&r.plan.actions) {
        assert_eq!(rec[0], x.id);
        assert_eq!(rec[7], x.start.to_string());
        assert_eq!(rec[8], x.due.to_string());
        assert_eq!(rec[9], x.status.label());
    }
    let own = records.iter().find(|rec| rec[0] == "own:1").unwrap();
    assert_eq!(own[2], format!("'{TITLE}"));
    assert_eq!(own[5], format!("'{OWNER}"));
    assert_eq!(own[11], format!("'{NOTES}"));
    let breach = records.iter().find(|rec| rec[0] == "policy:FW-GB-DAY-ONE").unwrap();
    assert_eq!(breach[5], "'+44 HR team");
    assert_eq!(records.iter().find(|rec| rec[0] == "own:2").unwrap()[2], LONG);
    // Nothing a spreadsheet would run is left at the start of any field.
    for f in records.iter().flatten() {
        assert!(!f.starts_with(['=', '+', '-', '@', '\t', '\r']), "{f:?}");
    }
}

#[test]
fn csv_fields_are_quoted_and_neutralised_exactly() {
    assert_eq!(escape::csv_cell("plain text"), "plain text");
    assert_eq!(escape::csv_cell("a,b"), "\"a,b\"");
    assert_eq!(escape::csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(escape::csv_cell("two\nlines"), "\"two\nlines\"");
    assert_eq!(escape::csv_cell("=1+2"), "'=1+2");
    assert_eq!(escape::csv_cell("-1"), "'-1");
    assert_eq!(escape::csv_cell("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(escape::csv_cell("\tx"), "'\tx");
    assert_eq!(escape::csv_cell("\rx"), "\"'\rx\"");
    assert_eq!(escape::csv_cell("=a,b"), "\"'=a,b\"");
    assert_eq!(escape::csv_cell("a=1"), "a=1");
    assert_eq!(escape::csv_cell(" =1"), "' =1");
    assert_eq!(escape::csv_cell("\n=1"), "\"'\n=1\"");
    assert_eq!(escape::csv_cell("\u{a0}\u{3000}\u{feff}@x"), "'\u{a0}\u{3000}\u{feff}@x");
    assert_eq!(escape::csv_cell("＝1"), "'＝1");
    assert_eq!(escape::csv_cell("\u{2212}1"), "'\u{2212}1");
    assert_eq!(escape::csv_cell(" plain"), " plain");
    assert_eq!(escape::csv_cell(""), "");
}

#[test]
fn every_hostile_cell_in_the_plan_csv_reads_back_as_text_in_a_spreadsheet_reader() {
    use common::spreadsheet::{assert_neutralised, assert_no_formula, read_csv, HOSTILE_CELLS};
    let mut a = blank();
    plan::edit_plan(&mut a, day(), |s| {
        for h in HOSTILE_CELLS {
            let title = if h.trim().is_empty() { "An action" } else { h };
            let id = s.add_own(title, Priority::Medium, &Schedule::default()).unwrap();
            s.set_notes(&id, h);
            s.set_owner(&id, h);
        }
    });
    let r = report(&a);
    let records = read_csv(&csv::plan_csv(&r.plan));
    assert_eq!(records.len(), r.plan.actions.len() + 1);
    let mut notes = BTreeSet::new();
    for rec in &records[1..] {
        let x = r.plan.actions.iter().find(|x| x.id == rec[0]).unwrap();
        assert_neutralised(&rec[2], &x.title);
        assert_neutralised(&rec[5], &x.owner);
        assert_neutralised(&rec[11], &x.notes);
        notes.insert(x.notes.as_str());
    }
    assert_eq!(notes, HOSTILE_CELLS.iter().copied().collect(), "every cell was written as given");
    assert_no_formula(&records);
}

// ── Calendar ───────────────────────────────────────────────────────────────────────

const READ_ICS: &str = r#"
import icalendar, json, re, sys
# X- properties are TEXT by default (RFC 5545 3.8.8.2); icalendar leaves them raw.
unescape = lambda s: re.sub(r'\\([\\;,nN])', lambda m: '\n' if m.group(1) in 'nN' else m.group(1), s)
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
errors = [(c.name, e) for c in cal.walk() for e in getattr(c, 'errors', [])]
assert not errors, errors
events = [{
    'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'description': str(e['DESCRIPTION']),
    'start': e.decoded('DTSTART').isoformat(), 'end': e.decoded('DTEND').isoformat(),
    'stamp': e.decoded('DTSTAMP').isoformat(), 'priority': int(e['PRIORITY']),
} for e in cal.walk('VEVENT')]
print(json.dumps({'version': str(cal['VERSION']), 'prodid': str(cal['PRODID']), 'scale': str(cal['CALSCALE']),
                  'name': unescape(str(cal['X-WR-CALNAME'])), 'events': events}))
"#;

#[test]
fn the_calendar_is_valid_rfc_5545_and_python_icalendar_reads_every_text_back() {
    let a = full();
    let r = report(&a);
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 8, 5, 9).unwrap();
    let text = ics::plan_ics(&r.plan, r.organisation(), a.created, now);

    // Line structure, checked on the bytes: CRLF only, at most 75 octets, no character
    // split by folding.
    let bytes = text.as_bytes();
    assert!(bytes.ends_with(b"END:VCALENDAR\r\n"));
    let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count();
    assert_eq!(bytes.iter().filter(|&&b| b == b'\n').count(), crlf, "a line feed without CR");
    assert_eq!(bytes.iter().filter(|&&b| b == b'\r').count(), crlf, "a CR without line feed");
    let lines: Vec<&[u8]> = bytes
        .strip_suffix(b"\r\n")
        .unwrap()
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .collect();
    for l in &lines {
        assert!(l.len() <= 75, "{} octets: {}", l.len(), String::from_utf8_lossy(l));
        std::str::from_utf8(l).expect("folding never splits a character");
    }
    assert!(lines.iter().filter(|l| l.starts_with(b" ")).count() > 10, "long lines are folded");

    let Some(out) = python(READ_ICS, &write("plan.ics", bytes)) else { return };
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v["version"].as_str(), v["scale"].as_str()), (Some("2.0"), Some("GREGORIAN")));
    assert!(v["prodid"].as_str().unwrap().contains("Carer-friendly employer benchmark"));
    assert_eq!(v["name"], format!("Carer action plan: {ORG}"));
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), r.plan.actions.len());
    let mut uids = std::collections::BTreeSet::new();
    for (e, x) in events.iter().zip(&r.plan.actions) {
        assert_eq!(e["uid"], format!("{}-20261122T093000Z@carer-benchmark.invalid", x.id));
        assert!(uids.insert(e["uid"].as_str().unwrap().to_string()));
        assert_eq!(e["summary"], x.title.as_str());
        assert_eq!(e["start"], x.due.to_string());
        assert_eq!(e["end"], x.due.succ_opt().unwrap().to_string());
        assert_eq!(e["stamp"], "2026-11-23T08:05:09+00:00");
        let d = e["description"].as_str().unwrap();
        assert!(d.contains(&format!("Why: {}\n", x.why.text)) && d.ends_with(&format!("ID: {}", x.id)), "{d}");
    }
    let own = events.iter().find(|e| e["uid"].as_str().unwrap().starts_with("own:1-")).unwrap();
    assert_eq!(own["summary"], TITLE);
    assert!(own["description"].as_str().unwrap().contains(&format!("Notes: {}", NOTES.replace("\r\n", "\n"))));
    assert_eq!(own["priority"], 1);
    assert!(events.iter().any(|e| e["summary"] == LONG));
}

#[test]
fn every_calendar_date_is_eight_digits_even_from_the_latest_start() {
    use carer_benchmark::domain::dates::LATEST;
    let mut a = full();
    plan::edit_plan(&mut a, LATEST, |s| s.start = LATEST);
    let far = plan::Seed {
        id: "far".into(),
        title: "Far".into(),
        why: String::new(),
        owner: String::new(),
        priority: Priority::Low,
        due_in_days: 3_000_000,
        success: String::new(),
        open: true,
    };
    let r = Report::new(framework(), &a, day(), &[far], &Schedule::default());
    let now = Utc.with_ymd_and_hms(2100, 12, 31, 23, 59, 59).unwrap();
    let text = ics::plan_ics(&r.plan, r.organisation(), a.created, now);
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mut dated = 0;
    for line in text.split("\r\n") {
        let Some((name, value)) = line.split_once(':') else { continue };
        match name {
            "DTSTART;VALUE=DATE" | "DTEND;VALUE=DATE" | "DUE;VALUE=DATE" => {
                assert!(value.len() == 8 && digits(value), "{line}");
                assert!(chrono::NaiveDate::parse_from_str(value, "%Y%m%d").is_ok(), "{line}");
                dated += 1;
            }
            "DTSTAMP" | "DTSTART" | "DTEND" | "DUE" => {
                let (d, t) = value.split_once('T').unwrap_or_else(|| panic!("{line}"));
                assert!(d.len() == 8 && digits(d) && t.len() == 7 && digits(&t[..6]) && t.ends_with('Z'), "{line}");
            }
            _ => {}
        }
    }
    assert_eq!(dated, 2 * r.plan.actions.len());
}

#[test]
fn calendar_text_is_escaped_and_control_characters_dropped() {
    assert_eq!(ics::text("a,b;c\\d\ne\r\nf\rg\u{7}\th"), "a\\,b\\;c\\\\d\\ne\\nf\\ng\th");
}

// ── Markdown ───────────────────────────────────────────────────────────────────────

#[test]
fn markdown_escapes_user_text_so_tables_and_markup_hold() {
    let a = full();
    let r = report(&a);
    let md = markdown::render(&r.document());
    assert!(!md.contains("<script>") && !md.contains("<b>"), "raw markup leaked");
    assert!(
        md.starts_with("# Report and action plan for Acme \\<script\\>alert(\"x\")\\</script\\>, \"Care\" \\| Ltd\n"),
        "{md}"
    );
    // Every row of the plan table has exactly its 6 cells: 7 unescaped pipes.
    let start = md.find("| Action | Owner |").unwrap();
    let rows: Vec<&str> = md[start..].lines().skip(2).take_while(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), r.plan.actions.len());
    let pipes = |l: &str| l.char_indices().filter(|&(i, c)| c == '|' && !l[..i].ends_with('\\')).count();
    for l in &rows {
        assert_eq!(pipes(l), 7, "{l}");
    }
    let own = rows.iter().find(|l| l.contains("HYPERLINK")).unwrap();
    assert!(
        own.contains("=HYPERLINK(\"http://evil\"), \\<b\\>bold\\</b\\> \\| cell second line; semi\\\\colon"),
        "{own}"
    );
    assert!(own.contains("\\@Priya") || own.contains("@Priya Shah, HR"), "{own}");
    assert_eq!(
        escape::markdown_inline("*a* _b_ `c` [d](e) <f> & ~g~ | h\\"),
        "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\& \\~g\\~ \\| h\\\\"
    );
}

// ── HTML ───────────────────────────────────────────────────────────────────────────

/// Parses HTML, checking every element is closed in order; prints the text and the
/// class names as JSON.
const READ_HTML: &str = r#"
import html.parser, json, sys
VOID = {'meta', 'br', 'rect', 'img', 'link'}
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.classes, self.tags = [], [], set(), []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == 'br': self.text.append('\n')
        for k, v in attrs:
            if k == 'class': self.classes.update(v.split())
        if tag not in VOID: self.stack.append(tag)
    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        for k, v in attrs:
            if k == 'class': self.classes.update(v.split())
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()
    def handle_data(self, d): self.text.append(d)
p = P()
p.feed(open(sys.argv[1], encoding='utf-8').read()); p.close()
assert not p.stack, p.stack
print(json.dumps({'text': ''.join(p.text), 'classes': sorted(p.classes), 'tags': p.tags}))
"#;

#[test]
fn the_html_report_is_well_formed_and_every_text_is_escaped() {
    let a = full();
    let r = report(&a);
    let h = r.html();
    assert!(h.starts_with("<article class=\"cb-report\"") && h.ends_with("</article>"));
    assert!(!h.contains("<script") && !h.contains("<b>"), "raw markup leaked");
    assert_eq!(h.matches("class=\"cb-report-chart-bar\"").count(), 5);
    assert_eq!(escape::html("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
    let Some(out) = python(READ_HTML, &write("report.html", h.as_bytes())) else { return };
    let v: Value = serde_json::from_str(&out).unwrap();
    let text = v["text"].as_str().unwrap();
    for expected in [ORG, TITLE, NOTES, OWNER, LONG] {
        let expected = expected.replace("\r\n", "\n");
        assert!(text.contains(&expected), "{expected:?} is not in the text");
    }
    for c in v["classes"].as_array().unwrap() {
        assert!(c.as_str().unwrap().starts_with("cb-report"), "{c}");
    }
    let tags: Vec<&str> = v["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    for t in [
        "article",
        "header",
        "h1",
        "h2",
        "section",
        "figure",
        "svg",
        "figcaption",
        "table",
        "thead",
        "th",
        "tbody",
        "time",
    ] {
        assert!(tags.contains(&t), "no <{t}>");
    }
    assert!(!tags.contains(&"script") && !tags.contains(&"b"));
    let page = String::from_utf8(r.file(ReportFile::Html, t0())).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains(&h));
}

// ── Word ───────────────────────────────────────────────────────────────────────────

/// Opens the zip, checks every entry's CRC and that every part is well-formed XML,
/// and prints the entry names and the document's text (paragraphs on lines).
const READ_DOCX: &str = r#"
import json, sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
for n in z.namelist(): xml.dom.minidom.parseString(z.read(n))
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
doc = xml.dom.minidom.parseString(z.read('word/document.xml'))
paras = []
for p in doc.getElementsByTagNameNS(W, 'p'):
    s = ''
    for node in p.getElementsByTagNameNS(W, '*'):
        if node.localName == 't': s += ''.join(c.data for c in node.childNodes)
        elif node.localName == 'br': s += '\n'
        elif node.localName == 'tab' and node.parentNode.localName == 'r': s += '\t'
    paras.append(s)
core = xml.dom.minidom.parseString(z.read('docProps/core.xml'))
title = ''.join(c.data for c in core.getElementsByTagName('dc:title')[0].childNodes)
print(json.dumps({'names': z.namelist(), 'paragraphs': paras, 'title': title,
                  'stored': all(i.compress_type == zipfile.ZIP_STORED for i in z.infolist())}))
"#;

#[test]
fn the_word_report_is_a_valid_zip_of_xml_that_libreoffice_opens() {
    let a = full();
    let r = report(&a);
    let bytes = r.file(ReportFile::Word, t0());
    let path = write("report.docx", &bytes);
    if let Some(out) = python(READ_DOCX, &path) {
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["stored"], true);
        let names: Vec<&str> = v["names"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
        assert_eq!(
            names,
            [
                "[Content_Types].xml",
                "_rels/.rels",
                "docProps/core.xml",
                "word/document.xml",
                "word/_rels/document.xml.rels",
                "word/styles.xml",
                "word/numbering.xml"
            ]
        );
        assert_eq!(v["title"], format!("Report and action plan for {ORG}"));
        let paragraphs: Vec<&str> = v["paragraphs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
        assert_eq!(paragraphs[0], format!("Report and action plan for {ORG}"));
        // Line breaks in a table cell start new paragraphs; each line survives exactly.
        for expected in TITLE.lines().chain(NOTES.lines()).chain([OWNER, LONG]) {
            let expected = expected.replace("-2+3", "Notes: -2+3");
            assert!(paragraphs.iter().any(|p| p.contains(&expected)), "{expected:?} not found");
        }
    }
    let Some((text, pages)) = libreoffice_text(&path) else { return };
    let text = squash(&text);
    assert!(pages >= 3, "{pages} pages");
    for expected in [
        "Carer-friendly employer benchmark",
        "Level readiness",
        "Scores by area",
        "Policy findings on 22 November 2026",
        "Action plan from 22 November 2026",
        "Bring your policy up to the law",
        ORG,
        OWNER,
        "Identifying carers",
    ] {
        assert!(text.contains(&squash(expected)), "{expected:?} is not in the PDF's text");
    }
}

#[test]
fn the_word_renderer_writes_each_kind_of_block() {
    use carer_benchmark::domain::document::{Block, Document, Section, Table, Text, Tick};
    let mut signatures = Section::new(
        "sign",
        "Signatures",
        vec![
            Block::Paragraph(Text::default().strong("Bold words").plain(" and ").emphasis("slanted words")),
            Block::Paragraph("Bad \u{1}characters\u{FFFF} & <tags> are made safe".into()),
            Block::Signatures { note: "Name and date".into(), who: vec!["Employee".into()] },
        ],
    );
    signatures.new_page = true;
    let d = Document {
        title: "Carer passport".into(),
        subtitle: "Confidential".into(),
        intro: "Fill this in with your manager.".into(),
        note: "It belongs to you.".into(),
        sections: vec![
            Section::new(
                "about",
                "About you",
                vec![
                    Block::Blank("Name".into()),
                    Block::Blank("Review date".into()),
                    Block::Prompt("What would help?".into()),
                    Block::Lines(2),
                    Block::Bullets(vec!["Flexible start times".into(), "Paid carer's leave".into()]),
                    Block::Subheading("Agreed support".into()),
                    Block::Table(Table {
                        headers: vec!["Support".into(), "Agreed".into()],
                        rows: vec![
                            vec![vec!["Phone at work".into()], vec!["Yes".into()]],
                            vec![vec!["Remote day".into(), "Fridays".into()], vec![]],
                        ],
                    }),
                    Block::Ticks {
                        columns: Some(["Offer".into(), "Agreed".into()]),
                        options: vec![Tick { label: "Parking".into(), detail: "Near the door".into() }],
                    },
                    Block::Ticks { columns: None, options: vec![Tick { label: "HR".into(), detail: String::new() }] },
                    Block::Chart { title: "Not drawn in Word".into(), bars: vec![("Bar".into(), 50)] },
                ],
            ),
            signatures,
        ],
    };
    let path = write("blocks.docx", &docx::render(&d));
    if let Some(out) = python(READ_DOCX, &path) {
        let v: Value = serde_json::from_str(&out).unwrap();
        let paragraphs: Vec<&str> = v["paragraphs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
        assert!(paragraphs.contains(&"Name: \t") && paragraphs.contains(&"Employee: \t"), "{paragraphs:?}");
        assert_eq!(paragraphs.iter().filter(|p| **p == "\t").count(), 2, "two lines to write on: {paragraphs:?}");
        assert!(paragraphs.contains(&"Bad characters & <tags> are made safe"), "{paragraphs:?}");
        assert!(paragraphs.contains(&"\u{2610} Parking") && paragraphs.contains(&"\u{2610} HR"), "{paragraphs:?}");
        assert!(!paragraphs.iter().any(|p| p.contains("Not drawn")), "a chart is left out: {paragraphs:?}");
        assert_eq!(v["title"], "Carer passport");
    }
    let Some((text, pages)) = libreoffice_text(&path) else { return };
    assert_eq!(pages, 2, "the section on a new page starts a second page");
    let text = squash(&text);
    for expected in [
        "Carer passport",
        "Confidential",
        "It belongs to you.",
        "About you",
        "What would help?",
        "Flexible start times",
        "Agreed support",
        "Phone at work",
        "Fridays",
        "Near the door",
        "Signatures",
        "Bold words and slanted words",
        "& <tags>",
        "Name and date",
    ] {
        assert!(text.contains(expected), "{expected:?} is not in {text:?}");
    }
    assert!(
        text.contains("Name: _____") && text.contains("Review date: _____"),
        "a ruled line follows each label: {text:?}"
    );
}

// ── Every renderer escapes every text ──────────────────────────────────────────────

/// Markup of every format, and what would start a list or a heading in Markdown.
const NASTY: &str = "1. # <b>x</b> & \"q\" 'a' *a* _b_ `c` [d](e) | ~f~ \\ #";

/// One document with [`NASTY`] in every piece of text of every kind of block: 28 texts
/// that every format shows, and 3 more that only HTML draws (the chart).
fn nasty_document() -> document::Document {
    use document::{Block, Document, Section, Table, Text, Tick};
    let n = || NASTY.to_string();
    let both = || Text::from(NASTY).strong(NASTY);
    Document {
        title: n(),
        subtitle: n(),
        intro: Text::from(NASTY).strong(NASTY).emphasis(NASTY).link(NASTY, NASTY),
        note: NASTY.into(),
        sections: vec![Section::new(
            NASTY,
            NASTY,
            vec![
                Block::Paragraph(both()),
                Block::Subheading(n()),
                Block::Bullets(vec![NASTY.into(), Text::default().strong(NASTY)]),
                Block::Table(Table {
                    headers: vec![n(), n()],
                    rows: vec![vec![vec![NASTY.into(), NASTY.into()], vec![NASTY.into()]]],
                }),
                Block::Chart { title: n(), bars: vec![(n(), 50)] },
                Block::Prompt(n()),
                Block::Lines(1),
                Block::Blank(n()),
                Block::Ticks { columns: Some([n(), n()]), options: vec![Tick { label: n(), detail: n() }] },
                Block::Ticks { columns: None, options: vec![Tick { label: n(), detail: n() }] },
                Block::Signatures { note: n(), who: vec![n()] },
            ],
        )],
    }
}

#[test]
fn the_html_renderer_escapes_every_text_and_attribute() {
    let d = nasty_document();
    let h = html::fragment(&d, "cb-doc", Some(NASTY));
    assert!(!h.contains(NASTY) && !h.contains("<b>"), "raw text leaked: {h}");
    let e = escape::html(NASTY);
    assert!(h.contains(&format!("data-section=\"{e}\"")) && h.contains(&format!("href=\"{e}\"")), "{h}");
    let Some(out) = python(READ_HTML, &write("nasty.html", h.as_bytes())) else { return };
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["text"].as_str().unwrap().matches(NASTY).count(), 31, "every text, exactly: {}", v["text"]);
    let tags: BTreeSet<&str> = v["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    let made: BTreeSet<&str> = [
        "a",
        "article",
        "br",
        "div",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "header",
        "li",
        "p",
        "rect",
        "section",
        "span",
        "strong",
        "svg",
        "table",
        "tbody",
        "td",
        "text",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
    .into();
    assert!(
        tags.is_subset(&made),
        "only the renderer's own elements: {:?}",
        tags.difference(&made).collect::<Vec<_>>()
    );
}

/// Markdown with each backslash escape resolved (`plain`), and the characters that are
/// not escaped, which Markdown reads as syntax (`syntax`).
fn markdown_parts(md: &str) -> (String, String) {
    let (mut plain, mut syntax) = (String::new(), String::new());
    let mut chars = md.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            plain.extend(chars.next());
        } else {
            plain.push(c);
            syntax.push(c);
        }
    }
    (plain, syntax)
}

#[test]
fn the_markdown_renderer_escapes_every_text_and_every_line_start() {
    let md = markdown::render(&nasty_document());
    let (plain, syntax) = markdown_parts(&md);
    assert_eq!(plain.matches(NASTY).count(), 28, "every text, exactly:\n{md}");
    let count = |c: char| syntax.matches(c).count();
    for c in ['<', '&', '`', '~', '_'] {
        assert_eq!(count(c), 0, "an unescaped {c:?}:\n{md}");
    }
    assert_eq!(count('>'), 1, "only the note's >:\n{md}");
    assert_eq!((count('['), count(']')), (1, 1), "only the tick box's [ ]:\n{md}");
    assert_eq!(count('|'), 9 + 12, "only the two tables' own pipes:\n{md}");
    assert_eq!(count('*'), 7 * 4 + 2, "only the marks of 7 strong and 1 emphasised texts:\n{md}");
    let starts: Vec<&str> =
        md.lines().filter(|l| !l.is_empty()).map(|l| &l[..l.find(' ').unwrap_or(l.len())]).collect();
    for s in &starts {
        let digits = s.trim_start_matches(|c: char| c.is_ascii_digit());
        assert!(
            !(s.starts_with(['+', '=', '<']) || digits.len() < s.len() && digits.starts_with(['.', ')'])),
            "{s:?} starts a line:\n{md}"
        );
    }
    let count_starts = |p: &str| starts.iter().filter(|s| **s == p).count();
    assert_eq!((count_starts("#"), count_starts("##"), count_starts("###")), (1, 1, 1), "three headings:\n{md}");
    assert_eq!((count_starts("-"), count_starts(">")), (3, 1), "three list items and one note:\n{md}");
    assert!(md.lines().filter(|l| l.starts_with('#')).all(|l| l.ends_with("\\#")), "a closing # is escaped:\n{md}");
}

#[test]
fn the_word_renderer_escapes_every_text() {
    let bytes = docx::render(&nasty_document());
    let Some(out) = python(READ_DOCX, &write("nasty.docx", &bytes)) else { return };
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["title"], NASTY);
    let paragraphs: Vec<&str> = v["paragraphs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    assert_eq!(
        paragraphs.iter().map(|p| p.matches(NASTY).count()).sum::<usize>(),
        28,
        "every text, exactly: {paragraphs:?}"
    );
}

// ── Zip and CRC-32 ─────────────────────────────────────────────────────────────────

#[test]
fn crc32_matches_the_standard_check_values() {
    assert_eq!(checksum::crc32(b""), 0);
    assert_eq!(checksum::crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(checksum::crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
}

#[test]
fn the_zip_writer_is_read_back_byte_for_byte_by_python() {
    let big: Vec<u8> = (0..100_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let bytes = zip::zip(&[("a.txt", b"hello"), ("dir/empty", b""), ("bin", &big), ("ünïcode.xml", "é".as_bytes())]);
    let script = r#"
import sys, zipfile, hashlib, json
z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
print(json.dumps({i.filename: [i.file_size, hashlib.sha256(z.read(i)).hexdigest()[:16]] for i in z.infolist()}))
"#;
    let Some(out) = python(script, &write("t.zip", &bytes)) else { return };
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["a.txt"][0], 5);
    assert_eq!(v["dir/empty"][0], 0);
    assert_eq!(v["bin"][0], 100_000);
    assert_eq!(v["ünïcode.xml"][0], 2);
    let sha = |b: &[u8]| {
        let out = python(
            "import sys,hashlib;print(hashlib.sha256(open(sys.argv[1],'rb').read()).hexdigest()[:16])",
            &write("raw", b),
        )
        .unwrap();
        out.trim().to_string()
    };
    assert_eq!(v["bin"][1], sha(&big));
    assert_eq!(v["a.txt"][1], sha(b"hello"));
}

// ── Any text at all ────────────────────────────────────────────────────────────────

#[test]
fn the_passport_template_in_word_holds_exactly_the_chosen_fields_and_offers() {
    use carer_benchmark::domain::passport::{content, document, Part, Scheme};
    let mut a = full();
    a.organisation.name = "<script>\"Acme\", Ltd".into();
    let mut s = Scheme::suggested(&a, &[], day());
    s.name = "Acme <b>carer</b> passport".into();
    let dropped =
        content().fields.iter().find(|f| !f.required && s.has_field(f.id)).expect("an optional field that is on");
    s.set_field(dropped.id, false);
    let off = s.support.iter().position(|o| o.on).expect("an offer that is on");
    s.support[off].on = false;
    let off_label = s.support[off].label.clone();
    s.add_offer("Parking near the door", "For carers who need to leave quickly");
    let bytes = docx::render(&document(&s, Part::Template));
    let Some((text, _)) = libreoffice_text(&write("passport.docx", &bytes)) else { return };
    let text = squash(&text);
    assert!(text.contains("Acme <b>carer</b> passport"), "the name is literal text:\n{text}");
    for f in s.included_fields() {
        assert!(text.contains(&squash(f.label)), "chosen field {} is missing:\n{text}", f.id);
    }
    assert!(!text.contains(&squash(dropped.label)), "left-out field {} is printed", dropped.id);
    for o in s.offers_on() {
        assert!(text.contains(&squash(&o.label)), "offer {} is missing", o.id);
    }
    assert!(!text.contains(&squash(&off_label)), "switched-off offer {off_label} is printed");
    assert!(text.contains("Parking near the door"));
}

/// Each paragraph of a .docx: its style, its text, and its runs with their bold and
/// italics.
const READ_DOCX_STYLES: &str = r#"
import json, sys, zipfile, xml.dom.minidom
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
doc = xml.dom.minidom.parseString(zipfile.ZipFile(sys.argv[1]).read('word/document.xml'))
out = []
for p in doc.getElementsByTagNameNS(W, 'p'):
    style = ''.join(s.getAttributeNS(W, 'val') for s in p.getElementsByTagNameNS(W, 'pStyle'))
    runs = []
    for r in p.getElementsByTagNameNS(W, 'r'):
        t = ''.join(c.data for n in r.getElementsByTagNameNS(W, 't') for c in n.childNodes)
        runs.append({'text': t, 'bold': bool(r.getElementsByTagNameNS(W, 'b')), 'italic': bool(r.getElementsByTagNameNS(W, 'i'))})
    out.append({'style': style, 'text': ''.join(r['text'] for r in runs), 'runs': runs})
print(json.dumps(out))
"#;

#[test]
fn the_draft_policy_in_word_keeps_its_headings_and_decisions_without_markdown_marks() {
    use carer_benchmark::domain::draft_policy::draft_policy;
    use carer_benchmark::domain::policy::{check, rules};
    let a = full();
    let p = a.policies.clone().unwrap_or_default();
    // The day before the law changed: the draft lists the changes coming, under a subheading.
    let on = chrono::NaiveDate::from_ymd_opt(2024, 4, 5).unwrap();
    let draft = draft_policy(
        "Acme_Care (UK) Ltd.",
        a.organisation.nation,
        &p,
        &check(rules(), &p, a.organisation.nation, on),
        on,
    );
    let path = write("draft-policy.docx", &docx::render(&draft));
    if let Some(out) = python(READ_DOCX_STYLES, &path) {
        let paragraphs: Vec<Value> = serde_json::from_str(&out).unwrap();
        let styled = |style: &str| -> Vec<&str> {
            paragraphs.iter().filter(|p| p["style"] == style).map(|p| p["text"].as_str().unwrap()).collect()
        };
        assert_eq!(styled("Title"), ["Supporting carers at work"]);
        assert_eq!(
            styled("Heading1"),
            [
                "1. Why this policy matters",
                "2. Who this policy is for",
                "3. Flexible working",
                "4. Carer's leave",
                "5. Emergencies: time off for dependants",
                "6. Fair treatment",
                "7. Getting support",
                "8. Review",
                "Sources"
            ]
        );
        assert_eq!(styled("Heading2"), ["Changes coming"]);
        assert!(styled("Note")[0].starts_with("This draft was written"));
        assert!(styled("ListParagraph").contains(&"extra costs that would be a burden"), "bullets are a Word list");
        let runs: Vec<&Value> = paragraphs.iter().flat_map(|p| p["runs"].as_array().unwrap()).collect();
        let decisions: Vec<&&Value> =
            runs.iter().filter(|r| r["text"].as_str().unwrap().starts_with("[To decide:")).collect();
        assert!(decisions.len() > 3, "{decisions:?}");
        assert!(decisions.iter().all(|r| r["bold"] == true), "decisions are bold: {decisions:?}");
        assert!(runs.iter().any(|r| r["text"] == "Acme_Care (UK) Ltd." && r["bold"] == true), "the name is bold");
        assert!(runs.iter().any(|r| r["text"] == "(Enhanced …)" && r["italic"] == true), "the key is in italics");
        for p in &paragraphs {
            let text = p["text"].as_str().unwrap();
            assert!(
                !text.contains(['\\', '*']) && !text.starts_with(['#', '>', '-']) && !text.contains("[To decide: …]**"),
                "no Markdown marks: {text:?}"
            );
        }
    }
    let Some((text, _)) = libreoffice_text(&path) else { return };
    let text = squash(&text);
    assert!(text.contains("Supporting carers at work"), "{text}");
    assert!(text.contains("Acme_Care (UK) Ltd."), "escapes are removed: {text}");
    assert!(!text.contains('\\') && !text.contains("**"), "no Markdown marks left: {text}");
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn any_text_gives_every_format_without_panic_and_stays_inside_its_field(
        name in "\\PC{0,40}", title in any::<String>(), notes in any::<String>(), owner in "[=+@\\-\t\r,\"|<>&;\\\\\n a-zé👩‍👧]{0,30}",
    ) {
        let mut a = all_yes_up_to(3);
        a.organisation.name = format!("x{name}");
        let (t, n, o) = (title.clone(), notes.clone(), owner.clone());
        let added = plan::edit_plan(&mut a, day(), |s| {
            let id = s.add_own(&t, Priority::Medium, &Schedule::default())?;
            s.set_notes(&id, &n);
            s.set_owner(&id, &o);
            Some(id)
        });
        let r = report(&a);
        prop_assert_eq!(r.plan.actions.len(), usize::from(added.is_some()));
        let rows = parse_csv(csv::plan_csv(&r.plan).strip_prefix('\u{feff}').unwrap());
        prop_assert_eq!(rows.len(), r.plan.actions.len() + 1);
        if let Some(x) = r.plan.actions.first() {
            common::spreadsheet::assert_neutralised(&rows[1][2], &x.title);
            common::spreadsheet::assert_neutralised(&rows[1][11], &x.notes);
            common::spreadsheet::assert_neutralised(&rows[1][5], &x.owner);
        }
        let cal = ics::plan_ics(&r.plan, r.organisation(), a.created, a.created);
        for l in cal.split("\r\n") {
            prop_assert!(l.len() <= 75 && !l.contains(['\r', '\n']), "{:?}", l);
        }
        let d = r.document();
        let h = html::fragment(&d, "cb-report", None);
        let md = markdown::render(&d);
        let word = docx::render(&d);
        prop_assert!(word.starts_with(b"PK"));
        for text in [&name, &title, &notes, &owner] {
            let x = docx::xml(text);
            prop_assert!(x.chars().all(|c| matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')), "{:?}", x);
            prop_assert!(!x.contains(['<', '>']));
            prop_assert!(!escape::html(text).contains(['<', '>', '"', '\'']));
            prop_assert!(!escape::markdown_inline(text).contains(['\n', '\r']));
        }
        prop_assert!(!h.contains("<script"));
        prop_assert!(md.char_indices().all(|(i, c)| c != '<' || md[..i].ends_with('\\')), "raw < in the Markdown");
    }
}

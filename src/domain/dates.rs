//! Calendar dates as the tool reads and writes them: `YYYY-MM-DD` in files and on the
//! command line, "6 April 2024" in documents. A leaf: it imports nothing from the
//! domain, and it never reads the clock (callers pass the date).

use chrono::{Datelike, NaiveDate};

/// `YYYY-MM-DD` → a date; `None` for anything else (including impossible days).
/// Hand-written: chrono's general parser would add kilobytes to the browser bundle.
pub fn parse_ymd(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

/// A date given as `YYYY-MM-DD`, with a plain-English error.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    parse_ymd(s).ok_or_else(|| format!("{s:?} is not a date like 2024-04-06 (year, month, day)"))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "6 April 2024".
pub fn long_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

//! Calendar dates as the tool reads and writes them: `YYYY-MM-DD` in files and on the
//! command line, "6 April 2024" in documents. A leaf: it imports nothing from the
//! domain, and it never reads the clock (callers pass the date).
//!
//! Every date read (from a file, from storage, from the command line or a date input)
//! lies in the years 2000 to 2100, [`EARLIEST`] to [`LATEST`]: nothing the tool writes
//! from it, such as a calendar's eight-digit dates, can then break.

use chrono::{Datelike, NaiveDate};

/// The first day a date may be, in a file, in storage, on the command line or in a date
/// input (its `min`).
pub const EARLIEST: NaiveDate = day(2000, 1, 1);
/// The last day a date may be (a date input's `max`; see [`EARLIEST`]).
pub const LATEST: NaiveDate = day(2100, 12, 31);

const fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("not a day"),
    }
}

/// True from [`EARLIEST`] to [`LATEST`].
pub fn in_range(d: NaiveDate) -> bool {
    (EARLIEST..=LATEST).contains(&d)
}

/// The day in [`EARLIEST`]..=[`LATEST`] nearest to `d`.
pub fn clamp(d: NaiveDate) -> NaiveDate {
    d.clamp(EARLIEST, LATEST)
}

/// What is wrong with a date (or a date and time), `shown` as it was given, outside the
/// years: "9999-12-31 is outside the years 2000 to 2100".
pub fn outside(shown: &str) -> String {
    format!("{shown} is outside the years {} to {}", EARLIEST.year(), LATEST.year())
}

/// `YYYY-MM-DD` → any day of the calendar, whatever its year; `None` for anything else
/// (including impossible days). For telling a date outside the years from text that is
/// no date: read dates with [`parse_ymd`] or [`parse_date`]. Hand-written: chrono's
/// general parser would add kilobytes to the browser bundle.
pub fn any_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

/// `YYYY-MM-DD` → a date from [`EARLIEST`] to [`LATEST`]; `None` for anything else.
pub fn parse_ymd(s: &str) -> Option<NaiveDate> {
    any_day(s).filter(|&d| in_range(d))
}

/// A date given as `YYYY-MM-DD`, from [`EARLIEST`] to [`LATEST`], with a plain-English
/// error.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    match any_day(s) {
        Some(d) if in_range(d) => Ok(d),
        Some(_) => Err(outside(s)),
        None => Err(format!("\"{s}\" is not a date like 2024-04-06 (year, month, day)")),
    }
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

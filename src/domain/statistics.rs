//! Published figures with their sources (`src/content/statistics.toml`), for the
//! business case and for "how others do" comparisons on the results page.
//! Compiled in as static data by `build.rs`.

#[derive(Debug, PartialEq)]
pub struct Statistic {
    pub id: &'static str,
    pub text: &'static str,
    pub source: &'static str,
    /// `YYYY-MM`, `YYYY` or `unknown`.
    pub published: &'static str,
    /// For survey percentages: the share of employers doing what `indicator` asks.
    pub percent: Option<u32>,
    pub indicator: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/statistics.rs"));

pub fn statistics() -> &'static [Statistic] {
    STATISTICS
}

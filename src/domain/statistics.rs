//! Published figures with their sources (`src/content/statistics.toml`), for the
//! business case and for "how others do" comparisons on the results page.

use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statistic {
    pub id: String,
    pub text: String,
    pub source: String,
    /// `YYYY-MM`, `YYYY` or `unknown`.
    pub published: String,
    /// For survey percentages: the share of employers doing what `indicator` asks.
    pub percent: Option<u32>,
    pub indicator: Option<String>,
}

#[derive(Deserialize)]
struct File {
    statistics: Vec<Statistic>,
}

static JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/statistics.json"));

pub fn statistics() -> &'static [Statistic] {
    static STATS: OnceLock<Vec<Statistic>> = OnceLock::new();
    STATS.get_or_init(|| {
        serde_json::from_str::<File>(JSON)
            .expect("src/content/statistics.toml is valid")
            .statistics
    })
}

/// The survey figure to compare an indicator's answer with, if one is published.
pub fn benchmark_for(indicator: &str) -> Option<&'static Statistic> {
    statistics()
        .iter()
        .find(|s| s.percent.is_some() && s.indicator.as_deref() == Some(indicator))
}

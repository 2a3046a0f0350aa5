//! Build-time content processing. Content is authored as TOML (reviewed like code)
//! and compiled into the binary as static Rust data: no parser, no start-up parsing,
//! and a malformed file fails the build with a message naming the problem.
//! - src/content/criteria.toml   → OUT_DIR/criteria.rs   (`FRAMEWORK`)
//! - src/content/statistics.toml → OUT_DIR/statistics.rs (`STATISTICS`)
//! - src/i18n/{en,cy}.toml       → OUT_DIR/messages.rs   (`Msg`, one variant per key,
//!   so a missing or misspelt key is a compile error, not a blank on screen)
use serde::Deserialize;
use std::{collections::BTreeMap, env, fmt::Write, fs, path::Path};

fn read(src: &str) -> String {
    println!("cargo:rerun-if-changed={src}");
    fs::read_to_string(src).unwrap_or_else(|e| panic!("reading {src}: {e}"))
}

fn parse<T: serde::de::DeserializeOwned>(src: &str) -> T {
    toml::from_str(&read(src)).unwrap_or_else(|e| panic!("{src}: {e}"))
}

fn out(name: &str, text: &str) {
    let path = Path::new(&env::var("OUT_DIR").unwrap()).join(name);
    fs::write(path, text).expect("writing OUT_DIR");
}

/// snake_case → PascalCase, for enum variants.
fn variant(key: &str) -> String {
    key.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

fn one_of(field: &str, value: &str, allowed: &[&str], ty: &str) -> String {
    assert!(allowed.contains(&value), "criteria.toml: {field} = {value:?} is not one of {allowed:?}");
    format!("{ty}::{}", variant(value))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Action { id: String, title: String, owner: String, priority: String, effort: String, success: String }

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Indicator { id: String, question: String, guidance: String, evidence: Vec<String>, actions: Vec<Action> }

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Criterion { id: String, level: u8, area: String, title: String, statement: String, indicators: Vec<Indicator> }

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Criteria { criteria: Vec<Criterion> }

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Statistic { id: String, text: String, source: String, published: String, percent: Option<u32>, indicator: Option<String> }

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Statistics { statistics: Vec<Statistic> }

fn criteria() {
    let file: Criteria = parse("src/content/criteria.toml");
    let mut code = String::from("pub static FRAMEWORK: Framework = Framework { criteria: &[\n");
    for c in &file.criteria {
        let area = one_of("area", &c.area, &["identification", "policy", "practice", "peer", "communication"], "Area");
        write!(code, "Criterion {{ id: {:?}, level: {}, area: {area}, title: {:?}, statement: {:?}, indicators: &[\n", c.id, c.level, c.title, c.statement).unwrap();
        for i in &c.indicators {
            write!(code, "  Indicator {{ id: {:?}, question: {:?}, guidance: {:?}, evidence: &{:?}, actions: &[\n", i.id, i.question, i.guidance, i.evidence).unwrap();
            for a in &i.actions {
                let owner = one_of("owner", &a.owner, &["hr", "line_managers", "leadership", "carers_network", "communications", "learning"], "Owner");
                let priority = one_of("priority", &a.priority, &["high", "medium", "low"], "Priority");
                let effort = one_of("effort", &a.effort, &["small", "medium", "large"], "Effort");
                writeln!(code, "    Action {{ id: {:?}, title: {:?}, owner: {owner}, priority: {priority}, effort: {effort}, success: {:?} }},", a.id, a.title, a.success).unwrap();
            }
            code.push_str("  ] },\n");
        }
        code.push_str("] },\n");
    }
    code.push_str("] };\n");
    out("criteria.rs", &code);
}

fn statistics() {
    let file: Statistics = parse("src/content/statistics.toml");
    let mut code = String::from("pub static STATISTICS: &[Statistic] = &[\n");
    for s in &file.statistics {
        writeln!(code, "Statistic {{ id: {:?}, text: {:?}, source: {:?}, published: {:?}, percent: {:?}, indicator: {:?} }},",
            s.id, s.text, s.source, s.published, s.percent, s.indicator).unwrap();
    }
    code.push_str("];\n");
    out("statistics.rs", &code);
}

fn translations() {
    let strings = |src| -> BTreeMap<String, String> { parse(src) };
    let en = strings("src/i18n/en.toml");
    let cy = strings("src/i18n/cy.toml");
    for key in cy.keys() {
        assert!(en.contains_key(key), "src/i18n/cy.toml has {key:?}, which en.toml does not");
    }
    let mut code = String::from(
        "/// One user-visible string; generated from the keys of `src/i18n/en.toml`.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Msg {\n",
    );
    for key in en.keys() {
        assert!(
            key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "translation key {key:?} must be snake_case"
        );
        writeln!(code, "    {},", variant(key)).unwrap();
    }
    code.push_str("}\n\nimpl Msg {\n    pub const ALL: &'static [Msg] = &[");
    for key in en.keys() {
        write!(code, "Msg::{}, ", variant(key)).unwrap();
    }
    code.push_str("];\n\n    pub fn key(self) -> &'static str {\n        match self {\n");
    for key in en.keys() {
        writeln!(code, "            Msg::{} => {key:?},", variant(key)).unwrap();
    }
    code.push_str("        }\n    }\n}\n\nfn english(m: Msg) -> &'static str {\n    match m {\n");
    for (key, text) in &en {
        writeln!(code, "        Msg::{} => {text:?},", variant(key)).unwrap();
    }
    code.push_str("    }\n}\n\nfn welsh(m: Msg) -> Option<&'static str> {\n    match m {\n");
    for (key, text) in &cy {
        writeln!(code, "        Msg::{} => Some({text:?}),", variant(key)).unwrap();
    }
    code.push_str("        #[allow(unreachable_patterns)]\n        _ => None,\n    }\n}\n");
    out("messages.rs", &code);
}

fn main() {
    criteria();
    statistics();
    translations();
}

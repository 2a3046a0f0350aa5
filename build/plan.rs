//! src/content/plan.toml → OUT_DIR/plan.rs: `DEFAULT_SCHEDULE` and `Words` / `WORDS`
//! (one field per key of `[words]`, so a missing key is a compile error).
use serde::Deserialize;
use std::{collections::BTreeMap, fmt::Write};

const SRC: &str = "src/content/plan.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Window {
    start: u32,
    due: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Schedule {
    breach: Window,
    level1: Window,
    level2: Window,
    level3: Window,
    improvement: Window,
    own: Window,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    schedule: Schedule,
    words: BTreeMap<String, String>,
}

pub fn plan() {
    let file: PlanFile = super::parse(SRC);
    let s = &file.schedule;
    let mut code = String::from("pub const DEFAULT_SCHEDULE: Schedule = Schedule {\n");
    for (name, w) in [
        ("breach", &s.breach),
        ("level1", &s.level1),
        ("level2", &s.level2),
        ("level3", &s.level3),
        ("improvement", &s.improvement),
        ("own", &s.own),
    ] {
        assert!(w.start <= w.due, "{SRC}: schedule.{name}: start ({}) is after due ({})", w.start, w.due);
        writeln!(code, "    {name}: Window {{ start: {}, due: {} }},", w.start, w.due).unwrap();
    }
    assert!(s.breach.due <= 30, "{SRC}: schedule.breach: breaches must be due within 30 days, not {}", s.breach.due);
    code.push_str(
        "};\n\n/// The plan's and the report's words, from `[words]` in `src/content/plan.toml`.\npub struct Words {\n",
    );
    for key in file.words.keys() {
        assert!(
            key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{SRC}: words.{key} must be snake_case"
        );
        writeln!(code, "    pub {key}: &'static str,").unwrap();
    }
    code.push_str("}\n\npub static WORDS: Words = Words {\n");
    for (key, text) in &file.words {
        assert!(!text.trim().is_empty(), "{SRC}: words.{key} is empty");
        assert_eq!(text.matches('{').count(), text.matches('}').count(), "{SRC}: words.{key} has unbalanced braces");
        writeln!(code, "    {key}: {text:?},").unwrap();
    }
    code.push_str("};\n");
    super::out("plan.rs", &code);
}

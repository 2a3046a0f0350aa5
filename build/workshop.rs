//! src/content/workshop.toml → OUT_DIR/workshop.rs (`RUNNING_ORDER`): the workshop's
//! sections, timings and discussion prompts. Bad data fails the build with a message
//! naming the section and the problem.
use serde::Deserialize;
use std::{collections::BTreeSet, env, fmt::Write, fs, path::Path};

const SRC: &str = "src/content/workshop.toml";
const CRITERIA_SRC: &str = "src/content/criteria.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Section {
    id: String,
    title: String,
    minutes: u32,
    purpose: String,
    criteria: Vec<String>,
    prompts: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    sections: Vec<Section>,
}

/// Only the criterion IDs of criteria.toml, in order; the rest is checked by build.rs.
#[derive(Deserialize)]
struct CriterionId {
    id: String,
}

#[derive(Deserialize)]
struct Criteria {
    criteria: Vec<CriterionId>,
}

pub fn compile() {
    println!("cargo:rerun-if-changed={SRC}");
    let text = fs::read_to_string(SRC).unwrap_or_else(|e| panic!("reading {SRC}: {e}"));
    let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{SRC}: {e}"));
    let criteria_text = fs::read_to_string(CRITERIA_SRC).unwrap_or_else(|e| panic!("reading {CRITERIA_SRC}: {e}"));
    let criteria: Criteria = toml::from_str(&criteria_text).unwrap_or_else(|e| panic!("{CRITERIA_SRC}: {e}"));
    let known: Vec<&str> = criteria.criteria.iter().map(|c| c.id.as_str()).collect();

    let mut ids = BTreeSet::new();
    let mut covered = BTreeSet::new();
    let mut total = 0;
    let mut code = String::from("pub static RUNNING_ORDER: &[Section] = &[\n");
    for s in &file.sections {
        let fail = |what: &str| -> ! { panic!("{SRC}: section {:?}: {what}", s.id) };
        if s.id.is_empty() || !s.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            fail("the id must be snake_case");
        }
        if !ids.insert(s.id.as_str()) {
            fail("the id is used twice");
        }
        if s.title.trim().is_empty() || s.purpose.trim().is_empty() {
            fail("title and purpose must not be empty");
        }
        if !(5..=60).contains(&s.minutes) {
            fail(&format!("minutes = {} is not between 5 and 60", s.minutes));
        }
        total += s.minutes;
        if !(2..=4).contains(&s.prompts.len()) {
            fail(&format!("has {} prompts; give 2 to 4", s.prompts.len()));
        }
        for p in &s.prompts {
            if !p.trim_end().ends_with('?') || p.trim() != p {
                fail(&format!("prompt {p:?} should be a question ending with '?', with no spaces around it"));
            }
        }
        for c in &s.criteria {
            if !known.contains(&c.as_str()) {
                fail(&format!("criterion {c:?} is not in {CRITERIA_SRC}"));
            }
            if !covered.insert(c.as_str()) {
                fail(&format!("criterion {c:?} is already worked through in another section"));
            }
        }
        writeln!(
            code,
            "Section {{ id: {:?}, title: {:?}, minutes: {}, purpose: {:?}, criteria: &{:?}, prompts: &{:?} }},",
            s.id, s.title, s.minutes, s.purpose, s.criteria, s.prompts
        )
        .unwrap();
    }
    if let Some(c) = known.iter().find(|c| !covered.contains(*c)) {
        panic!("{SRC}: criterion {c:?} is not worked through in any section");
    }
    if !(120..=180).contains(&total) {
        panic!("{SRC}: the sections add up to {total} minutes; a workshop runs 120 to 180");
    }
    code.push_str("];\n");
    let path = Path::new(&env::var("OUT_DIR").unwrap()).join("workshop.rs");
    fs::write(path, code).expect("writing OUT_DIR");
}

//! Build-time content processing:
//! - the TOML content files become JSON in OUT_DIR, so the app parses them with
//!   serde_json (already in the bundle) rather than shipping a TOML parser;
//! - the translation files become a `Msg` enum with one variant per key, so a
//!   missing or misspelt key is a compile error, not a blank on screen.
use std::{collections::BTreeMap, env, fmt::Write, fs, path::Path};

fn read(src: &str) -> String {
    println!("cargo:rerun-if-changed={src}");
    fs::read_to_string(src).unwrap_or_else(|e| panic!("reading {src}: {e}"))
}

fn out(name: &str, text: &str) {
    let path = Path::new(&env::var("OUT_DIR").unwrap()).join(name);
    fs::write(path, text).expect("writing OUT_DIR");
}

fn toml_to_json(src: &str, out_name: &str) {
    let value: toml::Value = toml::from_str(&read(src)).unwrap_or_else(|e| panic!("{src}: {e}"));
    out(out_name, &serde_json::to_string(&value).expect("TOML converts to JSON"));
}

fn strings(src: &str) -> BTreeMap<String, String> {
    toml::from_str(&read(src)).unwrap_or_else(|e| panic!("{src} must be a flat table of strings: {e}"))
}

fn variant(key: &str) -> String {
    key.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

fn translations() {
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
    toml_to_json("src/content/criteria.toml", "criteria.json");
    toml_to_json("src/content/statistics.toml", "statistics.json");
    translations();
}

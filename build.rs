//! Build-time content processing. Content is authored as TOML (reviewed like code)
//! and compiled into the binary as static Rust data: no parser, no start-up parsing,
//! and a malformed file fails the build with a message naming the problem.
//! - src/content/criteria.toml   → OUT_DIR/criteria.rs   (`FRAMEWORK`) and
//!   OUT_DIR/criterion_titles.rs (`CRITERION_TITLES`)
//! - src/content/statistics.toml → OUT_DIR/statistics.rs (`STATISTICS`)
//! - src/i18n/{en,cy}.toml       → OUT_DIR/messages.rs   (`Msg`, one variant per key,
//!   so a missing or misspelt key is a compile error, not a blank on screen)
//! - src/content/policy-rules.toml → OUT_DIR/policy_rules.rs (`Field`, `FIELDS`, `RULES`)
//! - src/content/plan.toml → OUT_DIR/plan.rs (`DEFAULT_SCHEDULE`, `WORDS`): build/plan.rs
//! - src/content/workshop.toml → OUT_DIR/workshop.rs (`RUNNING_ORDER`), in build/workshop.rs
//! - src/content/passport.toml   → OUT_DIR/passport.rs (`CONTENT`), in build/passport.rs
use serde::Deserialize;
use std::{
    collections::{BTreeMap, BTreeSet},
    env,
    fmt::Write,
    fs,
    path::Path,
};

#[path = "build/passport.rs"]
mod passport;
#[path = "build/plan.rs"]
mod plan;
#[path = "build/workshop.rs"]
mod workshop;

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
struct Action {
    id: String,
    title: String,
    owner: String,
    priority: String,
    effort: String,
    success: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Indicator {
    id: String,
    question: String,
    guidance: String,
    evidence: Vec<String>,
    actions: Vec<Action>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Criterion {
    id: String,
    level: u8,
    area: String,
    title: String,
    statement: String,
    indicators: Vec<Indicator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Criteria {
    criteria: Vec<Criterion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Statistic {
    id: String,
    text: String,
    source: String,
    published: String,
    percent: Option<u32>,
    indicator: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Statistics {
    statistics: Vec<Statistic>,
}

/// Compiles the criteria and returns every indicator ID, for checking references.
fn criteria() -> BTreeSet<String> {
    let file: Criteria = parse("src/content/criteria.toml");
    // The browser loads the same content as JSON when it is first needed (the
    // `benchmark content-json` command prints it for the release build); native code
    // has it compiled in as the static data below.
    let value: toml::Value = parse("src/content/criteria.toml");
    out("criteria.json", &serde_json::to_string(&value).expect("TOML converts to JSON"));
    let mut code = String::from("pub static FRAMEWORK: Framework = Framework { criteria: &[\n");
    for c in &file.criteria {
        let area = one_of("area", &c.area, &["identification", "policy", "practice", "peer", "communication"], "Area");
        writeln!(
            code,
            "Criterion {{ id: {:?}, level: {}, area: {area}, title: {:?}, statement: {:?}, indicators: &[",
            c.id, c.level, c.title, c.statement
        )
        .unwrap();
        for i in &c.indicators {
            writeln!(
                code,
                "  Indicator {{ id: {:?}, question: {:?}, guidance: {:?}, evidence: &{:?}, actions: &[",
                i.id, i.question, i.guidance, i.evidence
            )
            .unwrap();
            for a in &i.actions {
                let owner = one_of(
                    "owner",
                    &a.owner,
                    &["hr", "line_managers", "leadership", "carers_network", "communications", "learning"],
                    "Owner",
                );
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
    // The criteria's titles alone, compiled in on every target: all the facilitator's
    // view needs, so it does not load the whole content.
    let mut titles = String::from("pub static CRITERION_TITLES: &[(&str, &str)] = &[\n");
    for c in &file.criteria {
        writeln!(titles, "    ({:?}, {:?}),", c.id, c.title).unwrap();
    }
    titles.push_str("];\n");
    out("criterion_titles.rs", &titles);
    file.criteria.iter().flat_map(|c| c.indicators.iter().map(|i| i.id.clone())).collect()
}

fn statistics() {
    let file: Statistics = parse("src/content/statistics.toml");
    let mut code = String::from("pub static STATISTICS: &[Statistic] = &[\n");
    for s in &file.statistics {
        writeln!(
            code,
            "Statistic {{ id: {:?}, text: {:?}, source: {:?}, published: {:?}, percent: {:?}, indicator: {:?} }},",
            s.id, s.text, s.source, s.published, s.percent, s.indicator
        )
        .unwrap();
    }
    code.push_str("];\n");
    out("statistics.rs", &code);
}

/// One message catalogue: `src/i18n/<en>` and its Welsh twin become `OUT_DIR/<out>`, an
/// enum `ty` with one variant per key plus its English and Welsh texts.
fn catalogue(en_src: &str, cy_src: &str, ty: &str, out_name: &str) {
    let strings = |src| -> BTreeMap<String, String> { parse(src) };
    let en = strings(en_src);
    let cy = strings(cy_src);
    for key in cy.keys() {
        assert!(en.contains_key(key), "{cy_src} has {key:?}, which {en_src} does not");
    }
    let mut code = format!(
        "/// One user-visible string; generated from the keys of `{en_src}`.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum {ty} {{\n"
    );
    for key in en.keys() {
        assert!(
            key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "translation key {key:?} must be snake_case"
        );
        writeln!(code, "    {},", variant(key)).unwrap();
    }
    write!(code, "}}\n\nimpl {ty} {{\n    pub const ALL: &'static [{ty}] = &[").unwrap();
    for key in en.keys() {
        write!(code, "{ty}::{}, ", variant(key)).unwrap();
    }
    code.push_str("];\n\n    pub fn key(self) -> &'static str {\n        match self {\n");
    for key in en.keys() {
        writeln!(code, "            {ty}::{} => {key:?},", variant(key)).unwrap();
    }
    write!(code, "        }}\n    }}\n}}\n\nimpl Catalogue for {ty} {{\n    fn english(self) -> &'static str {{\n        match self {{\n").unwrap();
    for (key, text) in &en {
        writeln!(code, "            {ty}::{} => {text:?},", variant(key)).unwrap();
    }
    code.push_str("        }\n    }\n\n    fn welsh(self) -> Option<&'static str> {\n");
    if cy.is_empty() {
        // No Welsh yet: a match with only `_` would be a lint in the generated code.
        code.push_str("        let _ = self;\n        None\n    }\n}\n");
    } else {
        code.push_str("        match self {\n");
        for (key, text) in &cy {
            writeln!(code, "            {ty}::{} => Some({text:?}),", variant(key)).unwrap();
        }
        code.push_str("            #[allow(unreachable_patterns)]\n            _ => None,\n        }\n    }\n}\n");
    }
    out(out_name, &code);
}

fn translations() {
    catalogue("src/i18n/en.toml", "src/i18n/cy.toml", "Msg", "messages.rs");
    // The lazily loaded screens have catalogues of their own, so their strings never
    // weigh on the first page load: the sections' (results, policies, plan, passport,
    // share), and the words they share with the facilitator's screens and those screens'
    // own. A chunk carries a catalogue's strings whole, so the split follows who loads them.
    catalogue("src/i18n/workbench.en.toml", "src/i18n/workbench.cy.toml", "WMsg", "workbench_messages.rs");
    catalogue("src/i18n/sections.en.toml", "src/i18n/sections.cy.toml", "SectionMsg", "section_messages.rs");
}

// ── Policy checker: questions and rules ────────────────────────────────────────────

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyOption {
    id: String,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyField {
    id: String,
    kind: String,
    question: String,
    hint: Option<String>,
    unit: Option<String>,
    min: Option<u32>,
    max: Option<u32>,
    better: Option<String>,
    #[serde(default)]
    options: Vec<PolicyOption>,
}

/// A threshold: a number, or an option ID for a choice question.
#[derive(Deserialize)]
#[serde(untagged)]
enum Threshold {
    Number(u32),
    Option(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyCheck {
    field: String,
    test: String,
    law: Option<Threshold>,
    enhanced: Option<Threshold>,
    basis: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyRule {
    id: String,
    title: String,
    nations: Vec<String>,
    from: Option<String>,
    until: Option<String>,
    expected: Option<String>,
    indicator: Option<String>,
    /// The primary source: a URL on one of `PRIMARY_HOSTS`, shown first.
    primary: Option<String>,
    /// What the primary source says or which provision it is, in words.
    source: String,
    /// Optional secondary reading (a law firm's or a charity's commentary), shown after.
    commentary: Option<String>,
    /// The day the rule was last checked against its primary source (YYYY-MM-DD).
    checked: Option<String>,
    explanation: String,
    check: PolicyCheck,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyRules {
    fields: Vec<PolicyField>,
    rules: Vec<PolicyRule>,
}

const POLICY_SRC: &str = "src/content/policy-rules.toml";
/// Where a rule's primary source may be: the legislation itself, the Acas code and
/// guidance, Northern Ireland's official guidance (nidirect, the Labour Relations
/// Agency) and gov.uk. A law firm's page can only be `commentary`.
const PRIMARY_HOSTS: [&str; 5] =
    ["www.legislation.gov.uk", "www.acas.org.uk", "www.nidirect.gov.uk", "www.lra.org.uk", "www.gov.uk"];
/// A good-practice rule with no statutory basis may instead cite the benchmark it
/// reports (Carer Confident, run by Employers for Carers).
const BENCHMARK_HOSTS: [&str; 1] = ["www.employersforcarers.org"];

/// The host of an `https://` URL with no spaces, or `None`.
fn https_host(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://")?;
    if url.contains(char::is_whitespace) {
        return None;
    }
    let host = rest.split('/').next()?;
    (!host.is_empty()).then_some(host)
}
const GB: [&str; 3] = ["england", "wales", "scotland"];
const ALL_NATIONS: [&str; 4] = ["england", "wales", "scotland", "northern_ireland"];

/// An optional value for a message: `"x"`, or `(missing)`.
fn shown(v: Option<&str>) -> String {
    v.map_or("(missing)".to_string(), |s| format!("{s:?}"))
}

/// `YYYY-MM-DD` → (year, month, day), checking the day exists.
fn date(rule: &str, key: &str, s: &str) -> (u32, u32, u32) {
    let bad = || panic!("{POLICY_SRC}: rule {rule}: {key} = {s:?} is not a date like 2024-04-06");
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else { bad() };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        bad();
    }
    let n = |p: &str| p.parse::<u32>().unwrap_or_else(|_| bad());
    let (y, m, d) = (n(y), n(m), n(d));
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d == 0 || d > days[m as usize - 1] {
        bad();
    }
    (y, m, d)
}

fn policy_rules(indicators: &BTreeSet<String>) {
    let file: PolicyRules = parse(POLICY_SRC);
    let fail = |what: String| -> ! { panic!("{POLICY_SRC}: {what}") };

    // Questions.
    let mut code = String::from(
        "/// One question of the policy checker; generated from `[[fields]]` in `src/content/policy-rules.toml`.\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\npub enum Field {\n",
    );
    let mut seen = BTreeSet::new();
    for f in &file.fields {
        let well_formed = !f.id.is_empty()
            && f.id.split('.').count() <= 2
            && f.id.split('.').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        if !well_formed {
            fail(format!("field id {:?} must be `section.name` or `name`, in snake_case", f.id));
        }
        if !seen.insert(f.id.as_str()) {
            fail(format!("field {:?} is defined twice", f.id));
        }
        writeln!(code, "    {},", variant(&f.id.replace('.', "_"))).unwrap();
    }
    code.push_str("}\n\nimpl Field {\n    pub const ALL: &'static [Field] = &[");
    for f in &file.fields {
        write!(code, "Field::{}, ", variant(&f.id.replace('.', "_"))).unwrap();
    }
    code.push_str("];\n}\n\npub static FIELDS: &[FieldInfo] = &[\n");
    for f in &file.fields {
        let here = |what: &str| -> ! { fail(format!("field {:?}: {what}", f.id)) };
        let better = f.better.as_deref();
        let (kind, better) = match f.kind.as_str() {
            "number" => {
                let unit = f.unit.as_deref().unwrap_or_else(|| here("a number needs `unit`"));
                let unit = match unit {
                    "week" | "month" | "day" | "request" => format!("Unit::{}", variant(unit)),
                    other => {
                        here(&format!("unit = {other:?} is not one of [\"week\", \"month\", \"day\", \"request\"]"))
                    }
                };
                let (Some(min), Some(max)) = (f.min, f.max) else { here("a number needs `min` and `max`") };
                if min > max {
                    here("min is more than max");
                }
                if !f.options.is_empty() {
                    here("a number has no options");
                }
                let better = match better {
                    Some("higher") => "Some(Better::Higher)",
                    Some("lower") => "Some(Better::Lower)",
                    other => here(&format!("better = {}: a number needs \"higher\" or \"lower\"", shown(other))),
                };
                (format!("Kind::Number {{ unit: {unit}, min: {min}, max: {max} }}"), better)
            }
            "yes_no" | "choice" | "set" => {
                if f.unit.is_some() || f.min.is_some() || f.max.is_some() {
                    here("only a number has unit, min and max");
                }
                match (f.kind.as_str(), better) {
                    ("yes_no", _) if !f.options.is_empty() => here("a yes_no question has no options"),
                    ("yes_no", Some("yes")) => ("Kind::YesNo".to_string(), "Some(Better::Higher)"),
                    ("yes_no", Some("no")) => ("Kind::YesNo".to_string(), "Some(Better::Lower)"),
                    ("yes_no", other) => {
                        here(&format!("better = {}: a yes_no question needs \"yes\" or \"no\"", shown(other)))
                    }
                    (_, _) if f.options.len() < 2 => here("a choice or set needs at least two options"),
                    ("choice", Some("first")) => ("Kind::Choice".to_string(), "Some(Better::Lower)"),
                    ("choice", Some("last")) => ("Kind::Choice".to_string(), "Some(Better::Higher)"),
                    ("choice", other) => {
                        here(&format!("better = {}: a choice needs \"first\" or \"last\"", shown(other)))
                    }
                    (_, None) => ("Kind::Set".to_string(), "None"),
                    (_, Some(_)) => here("a set has no `better`: it is not checked by rules"),
                }
            }
            other => here(&format!("kind = {other:?} is not one of [\"number\", \"yes_no\", \"choice\", \"set\"]")),
        };
        let mut ids = BTreeSet::new();
        for o in &f.options {
            if !ids.insert(o.id.as_str())
                || o.id.is_empty()
                || !o.id.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            {
                here(&format!("option {:?} is repeated or not snake_case", o.id));
            }
        }
        let options: Vec<String> =
            f.options.iter().map(|o| format!("ChoiceOption {{ id: {:?}, label: {:?} }}", o.id, o.label)).collect();
        writeln!(
            code,
            "FieldInfo {{ field: Field::{}, id: {:?}, question: {:?}, hint: {:?}, kind: {kind}, better: {better}, options: &[{}] }},",
            variant(&f.id.replace('.', "_")),
            f.id,
            f.question,
            f.hint.as_deref().unwrap_or(""),
            options.join(", ")
        )
        .unwrap();
    }
    code.push_str("];\n\npub static RULES: &[Rule] = &[\n");
    // The words of each rule live apart from its logic, in RULE_TEXTS (same order), so
    // code that only applies rules (the browser's scoring) does not carry them.
    let mut texts = String::from("pub static RULE_TEXTS: &[RuleText] = &[\n");

    // Rules.
    let mut rule_ids = BTreeSet::new();
    for (n, r) in file.rules.iter().enumerate() {
        let here = |what: &str| -> ! { fail(format!("rule {}: {what}", r.id)) };
        let parts: Vec<&str> = r.id.split('-').collect();
        let well_formed = parts.len() >= 3
            && ["FW", "CL", "TD", "CP"].contains(&parts[0])
            && ["GB", "NI", "UK"].contains(&parts[1])
            && parts[2..]
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
        if !well_formed {
            here(
                "the ID must be AREA-SCOPE-NAME: FW, CL, TD or CP; then GB, NI or UK; then capitals, digits and dashes",
            );
        }
        if !rule_ids.insert(r.id.as_str()) {
            here("the ID is used twice");
        }
        for field in [&r.title, &r.source, &r.explanation] {
            if field.trim().is_empty() {
                here("title, source and explanation must not be empty");
            }
        }
        let good_practice_only = r.check.law.is_none() && r.check.basis.as_deref() != Some("law");
        let primary = match r.primary.as_deref().map(|p| (p, https_host(p))) {
            None => here(&format!(
                "no `primary` source: give the URL of the legislation, the Acas code or official guidance ({PRIMARY_HOSTS:?}) first, and any law firm's page as `commentary`"
            )),
            Some((p, Some(h))) if PRIMARY_HOSTS.contains(&h) || (good_practice_only && BENCHMARK_HOSTS.contains(&h)) => p,
            Some((p, _)) => here(&format!(
                "primary = {p:?} is not an https:// URL on {PRIMARY_HOSTS:?} (a good-practice rule may also cite {BENCHMARK_HOSTS:?}); put commentary in `commentary`"
            )),
        };
        let checked = match r.checked.as_deref() {
            None => here("no `checked` date: the day the rule was last checked against its primary source"),
            Some(c) => {
                date(&r.id, "checked", c);
                c
            }
        };
        if let Some(c) = &r.commentary {
            if c.trim().is_empty() {
                here("`commentary` must not be empty: leave it out");
            }
        }
        // Shown wherever a rule's source is: the primary source first, commentary after.
        let cited = {
            let words = r.source.trim().trim_end_matches('.');
            let commentary =
                r.commentary.as_deref().map(|c| format!(" Commentary: {}.", c.trim().trim_end_matches('.')));
            format!("{primary} — {words}.{} Checked {checked}", commentary.unwrap_or_default())
        };
        let mut nations: Vec<&str> = Vec::new();
        for n in &r.nations {
            if !ALL_NATIONS.contains(&n.as_str()) {
                here(&format!("nation {n:?} is not one of {ALL_NATIONS:?}"));
            }
            if nations.contains(&n.as_str()) {
                here(&format!("nation {n:?} is listed twice"));
            }
            nations.push(n);
        }
        let expected_scope: &[&str] = match parts[1] {
            "GB" => &GB,
            "NI" => &["northern_ireland"],
            _ => &ALL_NATIONS,
        };
        if nations.len() != expected_scope.len() || !expected_scope.iter().all(|n| nations.contains(n)) {
            here(&format!("scope {} means nations = {expected_scope:?}", parts[1]));
        }
        let start = match (&r.from, &r.expected) {
            (Some(_), Some(_)) => here("give `from` or `expected`, not both"),
            (None, Some(e)) if r.until.is_some() => here(&format!("an expected change ({e:?}) has no `until`")),
            (None, Some(e)) if e.trim().is_empty() => here("`expected` must say when"),
            (None, Some(e)) => format!("Start::Expected({e:?})"),
            (Some(d), None) => {
                let (y, m, d) = date(&r.id, "from", d);
                format!("Start::On(date({y}, {m}, {d}))")
            }
            (None, None) => "Start::Always".to_string(),
        };
        let until = match &r.until {
            None => "None".to_string(),
            Some(u) => {
                let end = date(&r.id, "until", u);
                if let Some(f) = &r.from {
                    if end < date(&r.id, "from", f) {
                        here("`until` is before `from`");
                    }
                }
                format!("Some(date({}, {}, {}))", end.0, end.1, end.2)
            }
        };

        let c = &r.check;
        let f = file
            .fields
            .iter()
            .find(|f| f.id == c.field)
            .unwrap_or_else(|| here(&format!("check.field = {:?} is not one of the [[fields]]", c.field)));
        let option_rank = |t: &Threshold, key: &str| -> u32 {
            match (f.kind.as_str(), t) {
                ("number", Threshold::Number(n)) => {
                    if *n < f.min.unwrap_or(0) || *n > f.max.unwrap_or(u32::MAX) {
                        here(&format!("check.{key} = {n} is outside the field's range"));
                    }
                    *n
                }
                ("choice", Threshold::Option(o)) => match f.options.iter().position(|x| &x.id == o) {
                    Some(i) => i as u32,
                    None => here(&format!(
                        "check.{key} = {o:?} is not one of {:?}",
                        f.options.iter().map(|x| x.id.as_str()).collect::<Vec<_>>()
                    )),
                },
                _ => here(&format!("check.{key} must be a number for a number field, an option ID for a choice")),
            }
        };
        let (test, law, enhanced) = match (c.test.as_str(), f.kind.as_str()) {
            ("at_least" | "at_most", "number" | "choice") => {
                let want = if c.test == "at_least" { "Some(Better::Higher)" } else { "Some(Better::Lower)" };
                let has = match (f.kind.as_str(), f.better.as_deref()) {
                    (_, Some("higher" | "last")) => "Some(Better::Higher)",
                    _ => "Some(Better::Lower)",
                };
                if want != has {
                    here(&format!("check.test = {:?} disagrees with the field's `better`", c.test));
                }
                if c.basis.is_some() {
                    here("`basis` is only for must_be_true and must_be_false");
                }
                let law = c.law.as_ref().map(|t| option_rank(t, "law"));
                let enhanced = c.enhanced.as_ref().map(|t| option_rank(t, "enhanced"));
                match (law, enhanced) {
                    (None, None) => here("give check.law, check.enhanced or both"),
                    (Some(l), Some(e)) if (c.test == "at_least" && e <= l) || (c.test == "at_most" && e >= l) => {
                        here("check.enhanced must be beyond check.law")
                    }
                    _ => {}
                }
                let test = if c.test == "at_least" { "Test::AtLeast" } else { "Test::AtMost" };
                (test, law, enhanced)
            }
            ("must_be_true" | "must_be_false", "yes_no") => {
                if c.law.is_some() || c.enhanced.is_some() {
                    here("must_be_true and must_be_false take `basis`, not law or enhanced");
                }
                let better_yes = f.better.as_deref() == Some("yes");
                if better_yes != (c.test == "must_be_true") {
                    here(&format!("check.test = {:?} disagrees with the field's `better`", c.test));
                }
                let (test, target) = if c.test == "must_be_true" { ("Test::AtLeast", 1) } else { ("Test::AtMost", 0) };
                match c.basis.as_deref() {
                    Some("law") => (test, Some(target), None),
                    Some("good_practice") => (test, None, Some(target)),
                    other => here(&format!("check.basis = {} is not one of [\"law\", \"good_practice\"]", shown(other))),
                }
            }
            (t, k) => here(&format!(
                "check.test = {t:?} does not fit a {k} field (at_least or at_most for numbers and choices; must_be_true or must_be_false for yes_no)"
            )),
        };
        if law.is_none() && r.expected.is_some() {
            here("an expected change must be law (basis = \"law\" or a `law` threshold)");
        }
        match (&r.indicator, law) {
            (Some(i), _) if !indicators.contains(i) => here(&format!("indicator {i:?} is not in criteria.toml")),
            (Some(i), Some(_)) if !i.starts_with("L1.2.") => {
                here("a legal rule feeds criterion L1.2 (legal rights): its indicator must be L1.2.x")
            }
            (None, Some(_)) => here("a legal rule needs an `indicator` (L1.2.x): a breach stops L1.2 being met"),
            _ => {}
        }
        let nations: Vec<String> = nations.iter().map(|n| format!("Nation::{}", variant(n))).collect();
        writeln!(
            code,
            "Rule {{ id: {:?}, n: {n}, nations: &[{}], start: {start}, until: {until}, indicator: {:?}, \
             check: Check {{ field: Field::{}, test: {test}, law: {law:?}, enhanced: {enhanced:?} }} }},",
            r.id,
            nations.join(", "),
            r.indicator,
            variant(&c.field.replace('.', "_")),
        )
        .unwrap();
        writeln!(texts, "RuleText {{ title: {:?}, source: {:?}, explanation: {:?} }},", r.title, cited, r.explanation)
            .unwrap();
    }
    code.push_str("];\n\n");
    code.push_str(&texts);
    code.push_str("];\n");
    out("policy_rules.rs", &code);
}

/// sRGB channel value (0–255) → linear light × 10,000, for WCAG contrast in whole
/// numbers (see `embed::Colour`): the browser bundle then needs no float maths.
fn srgb_table() {
    let values: Vec<String> = (0..256)
        .map(|v| {
            let c = f64::from(v) / 255.0;
            let lin = if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) };
            format!("{}", (lin * 10_000.0).round() as u32)
        })
        .collect();
    out("srgb.rs", &format!("const SRGB_LINEAR: [u32; 256] = [{}];\n", values.join(", ")));
}

fn main() {
    srgb_table();
    let indicators = criteria();
    statistics();
    translations();
    policy_rules(&indicators);
    plan::plan();
    workshop::compile();
    passport::build(&indicators);
}

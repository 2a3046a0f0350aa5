//! src/content/passport.toml → OUT_DIR/passport.rs (`CONTENT`): the carer passport
//! scheme's fields, support menu, choices, words, launch tasks and evidence mapping.
//! Pulled into build.rs with `#[path]`; every problem fails the build naming the key.

use super::{out, parse, variant};
use serde::Deserialize;
use std::{collections::BTreeSet, fmt::Write};

const SRC: &str = "src/content/passport.toml";
/// The placeholders the words may use; see the top of passport.toml.
const PLACEHOLDERS: [&str; 6] = ["{name}", "{every}", "{q}", "{n}", "{was}", "{rule}"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Eligibility {
    label: String,
    why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Field {
    id: String,
    label: String,
    kind: String,
    lines: u32,
    required: bool,
    default: bool,
    why: String,
    prompt: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Offer {
    id: String,
    label: String,
    detail: String,
    on: bool,
    from: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Review {
    default_months: u32,
    why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Choice {
    id: String,
    label: String,
    default: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Storage {
    heading: String,
    why: String,
    seen_by_intro: String,
    always: Vec<String>,
    kept: Vec<Choice>,
    seen_by: Vec<Choice>,
    moves: Vec<Choice>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct National {
    nation: String,
    name: String,
    link: String,
    source: String,
    checked: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Prefill {
    separator: String,
    flexible_working: String,
    first_day: String,
    after_service: String,
    requests: String,
    decision: String,
    leave: String,
    paid: String,
    unpaid: String,
    units: Vec<String>,
    emergency_paid: String,
    no_triggers: String,
    below_law: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Template {
    subtitle: String,
    intro: String,
    details_heading: String,
    details: Vec<String>,
    support_column: String,
    agreed_column: String,
    support_other: String,
    consent_other: String,
    next_review: String,
    sooner: String,
    signers: Vec<String>,
    signature_note: String,
    contacts_heading: String,
    eligibility_heading: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Stage {
    id: String,
    heading: String,
    carer: Vec<String>,
    manager: Vec<String>,
    adds: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Guide {
    title: String,
    intro: String,
    carer: String,
    manager: String,
    support_heading: String,
    stages: Vec<Stage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Briefing {
    title: String,
    intro: String,
    what_heading: String,
    what: Vec<String>,
    rules_heading: String,
    review_rule: String,
    support_heading: String,
    do_heading: String,
    r#do: Vec<String>,
    dont_heading: String,
    dont: Vec<String>,
    contacts_heading: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Task {
    id: String,
    title: String,
    why: String,
    owner: String,
    priority: String,
    due_in_days: u32,
    after_review: bool,
    when: String,
    success: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Evidence {
    indicator: String,
    when: String,
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    eligibility: Eligibility,
    fields: Vec<Field>,
    offers: Vec<Offer>,
    prefill: Prefill,
    review: Review,
    triggers: Vec<Choice>,
    storage: Storage,
    contact_kinds: Vec<Choice>,
    national_contacts: Vec<National>,
    template: Template,
    guide: Guide,
    briefing: Briefing,
    tasks: Vec<Task>,
    evidence: Vec<Evidence>,
}

fn fail(what: String) -> ! {
    panic!("{SRC}: {what}")
}

fn snake(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Words for people: not blank, and only known placeholders.
fn words(at: &str, s: &str) -> String {
    if s.trim().is_empty() {
        fail(format!("{at} is empty"));
    }
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        let tail = &rest[i..];
        match PLACEHOLDERS.iter().find(|p| tail.starts_with(**p)) {
            Some(p) => rest = &tail[p.len()..],
            None => fail(format!("{at}: unknown placeholder in {s:?}; allowed: {PLACEHOLDERS:?}")),
        }
    }
    format!("{s:?}")
}

/// The point to decide where an answer is below the law: the draft policy's marker,
/// "[To decide: …]", naming the answer and the rule.
fn below_law(s: &str) -> String {
    let ok = s.starts_with("[To decide: ") && s.ends_with(']') && s.contains("{was}") && s.contains("{rule}");
    if !ok {
        fail(format!("prefill.below_law must be \"[To decide: …]\" with {{was}} and {{rule}}, not {s:?}"));
    }
    words("prefill.below_law", s)
}

fn list(at: &str, items: &[String]) -> String {
    if items.is_empty() {
        fail(format!("{at} is empty"));
    }
    let parts: Vec<String> = items.iter().enumerate().map(|(i, s)| words(&format!("{at}[{i}]"), s)).collect();
    format!("&[{}]", parts.join(", "))
}

/// Unique snake_case IDs.
fn ids<'a>(at: &str, all: impl Iterator<Item = &'a str>) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    for id in all {
        if !snake(id) || !seen.insert(id) {
            fail(format!("{at}: ID {id:?} is repeated or not snake_case"));
        }
    }
    seen
}

/// Choices: `one` means exactly one is the default; otherwise any number may be.
fn choices(at: &str, items: &[Choice], one: Option<bool>) -> String {
    ids(at, items.iter().map(|c| c.id.as_str()));
    let defaults = items.iter().filter(|c| c.default == Some(true)).count();
    match one {
        Some(true) if defaults != 1 => fail(format!("{at}: exactly one choice must have default = true")),
        None if items.iter().any(|c| c.default.is_some()) => fail(format!("{at}: these choices take no `default`")),
        _ => {}
    }
    if one.is_some() && items.iter().any(|c| c.default.is_none()) {
        fail(format!("{at}: every choice needs `default`"));
    }
    let parts: Vec<String> = items
        .iter()
        .map(|c| {
            format!(
                "Choice {{ id: {:?}, label: {}, default: {} }}",
                c.id,
                words(&format!("{at} {}", c.id), &c.label),
                c.default.unwrap_or(true)
            )
        })
        .collect();
    format!("&[{}]", parts.join(", "))
}

/// The option IDs of the policy checker's `flexible_working.arrangements` question.
fn arrangement_ids() -> BTreeSet<String> {
    let rules: toml::Value = parse("src/content/policy-rules.toml");
    let fields = rules.get("fields").and_then(|f| f.as_array()).expect("policy-rules.toml has [[fields]]");
    let field = fields
        .iter()
        .find(|f| f.get("id").and_then(|i| i.as_str()) == Some("flexible_working.arrangements"))
        .expect("policy-rules.toml has the flexible_working.arrangements question");
    let options = field.get("options").and_then(|o| o.as_array()).expect("the arrangements question has options");
    options.iter().filter_map(|o| o.get("id").and_then(|i| i.as_str()).map(String::from)).collect()
}

fn https(s: &str) -> bool {
    s.strip_prefix("https://").is_some_and(|r| !r.is_empty() && !r.contains([' ', '"', '<', '>', '@', '\\']))
}

pub fn build(indicators: &BTreeSet<String>) {
    let f: File = parse(SRC);
    let mut code = String::from("pub static CONTENT: Content = Content {\n");
    let e = &f.eligibility;
    writeln!(
        code,
        "eligibility: EligibilityText {{ label: {}, why: {} }},",
        words("eligibility.label", &e.label),
        words("eligibility.why", &e.why)
    )
    .unwrap();

    // Fields.
    ids("fields", f.fields.iter().map(|x| x.id.as_str()));
    code.push_str("fields: &[\n");
    let mut kinds = Vec::new();
    for x in &f.fields {
        let at = format!("field {}", x.id);
        let kind = match x.kind.as_str() {
            "write" | "support" | "consent" | "review" | "signatures" => format!("FieldKind::{}", variant(&x.kind)),
            other => fail(format!("{at}: kind = {other:?} is not one of write, support, consent, review, signatures")),
        };
        if x.kind != "write" && kinds.contains(&x.kind) {
            fail(format!("{at}: only one field may be of kind {:?}", x.kind));
        }
        kinds.push(x.kind.clone());
        if x.kind == "support" && !x.required {
            fail(format!("{at}: the support field must be required, so the menu is always printed"));
        }
        if x.required && !x.default {
            fail(format!("{at}: a required field is always on: give default = true"));
        }
        if (x.kind == "write" && x.lines == 0) || x.lines > 12 {
            fail(format!("{at}: lines must be 1 to 12 for writing (0 allowed for review and signatures)"));
        }
        writeln!(
            code,
            "  FieldDef {{ id: {:?}, label: {}, kind: {kind}, lines: {}, required: {}, default: {}, why: {}, prompt: {} }},",
            x.id,
            words(&at, &x.label),
            x.lines,
            x.required,
            x.default,
            words(&at, &x.why),
            words(&at, &x.prompt)
        )
        .unwrap();
    }
    for k in ["support", "consent", "review"] {
        if !kinds.iter().any(|x| x == k) {
            fail(format!("fields: one field must be of kind {k:?}"));
        }
    }
    code.push_str("],\n");

    // Offers.
    ids("offers", f.offers.iter().map(|x| x.id.as_str()));
    let mut sources = BTreeSet::new();
    code.push_str("offers: &[\n");
    for x in &f.offers {
        let at = format!("offer {}", x.id);
        let from = match x.from.as_deref() {
            None => "None".to_string(),
            Some(s @ ("flexible_working" | "arrangements" | "carers_leave" | "dependants")) => {
                if !sources.insert(s) {
                    fail(format!("{at}: from = {s:?} is used twice"));
                }
                format!("Some(PolicySource::{})", variant(s))
            }
            Some(other) => fail(format!(
                "{at}: from = {other:?} is not one of flexible_working, arrangements, carers_leave, dependants"
            )),
        };
        if x.from.as_deref() == Some("arrangements") && x.id != "arrangement" {
            fail(format!("{at}: the offer expanded from the arrangements must have the ID \"arrangement\""));
        }
        let detail =
            if x.from.as_deref() == Some("arrangements") { format!("{:?}", x.detail) } else { words(&at, &x.detail) };
        writeln!(
            code,
            "  OfferDef {{ id: {:?}, label: {}, detail: {detail}, on: {}, from: {from} }},",
            x.id,
            words(&at, &x.label),
            x.on
        )
        .unwrap();
    }
    code.push_str("],\n");

    let p = &f.prefill;
    if p.units.len() != 4 {
        fail("prefill.units: give four, for hour, half_day, day and week".into());
    }
    writeln!(
        code,
        "prefill: Prefill {{ separator: {:?}, flexible_working: {}, first_day: {}, after_service: {}, requests: {}, decision: {}, \
         leave: {}, paid: {}, unpaid: {}, units: {}, emergency_paid: {}, no_triggers: {}, below_law: {} }},",
        p.separator,
        words("prefill.flexible_working", &p.flexible_working),
        words("prefill.first_day", &p.first_day),
        words("prefill.after_service", &p.after_service),
        words("prefill.requests", &p.requests),
        words("prefill.decision", &p.decision),
        words("prefill.leave", &p.leave),
        words("prefill.paid", &p.paid),
        words("prefill.unpaid", &p.unpaid),
        list("prefill.units", &p.units),
        words("prefill.emergency_paid", &p.emergency_paid),
        words("prefill.no_triggers", &p.no_triggers),
        below_law(&p.below_law),
    )
    .unwrap();

    if !(1..=24).contains(&f.review.default_months) {
        fail("review.default_months must be 1 to 24".into());
    }
    writeln!(
        code,
        "review: ReviewText {{ default_months: {}, why: {} }},",
        f.review.default_months,
        words("review.why", &f.review.why)
    )
    .unwrap();
    writeln!(code, "triggers: {},", choices("triggers", &f.triggers, None)).unwrap();

    let s = &f.storage;
    writeln!(
        code,
        "storage: StorageText {{ heading: {}, why: {}, seen_by_intro: {}, always: {}, kept: {}, seen_by: {}, moves: {} }},",
        words("storage.heading", &s.heading),
        words("storage.why", &s.why),
        words("storage.seen_by_intro", &s.seen_by_intro),
        list("storage.always", &s.always),
        choices("storage.kept", &s.kept, Some(true)),
        choices("storage.seen_by", &s.seen_by, Some(false)),
        choices("storage.moves", &s.moves, Some(true)),
    )
    .unwrap();

    let kinds = ids("contact_kinds", f.contact_kinds.iter().map(|c| c.id.as_str()));
    for k in ["hr", "network", "local_service", "national", "other"] {
        if !kinds.contains(k) {
            fail(format!("contact_kinds: the tool needs a kind {k:?}"));
        }
    }
    writeln!(code, "contact_kinds: {},", choices("contact_kinds", &f.contact_kinds, None)).unwrap();
    code.push_str("national_contacts: &[");
    let mut nations = BTreeSet::new();
    for n in &f.national_contacts {
        let at = format!("national contact {:?}", n.name);
        if !https(&n.link) {
            fail(format!("{at}: link must be an https address"));
        }
        let nation = match n.nation.as_str() {
            "england" | "wales" | "scotland" | "northern_ireland" => format!("Nation::{}", variant(&n.nation)),
            other => fail(format!("{at}: nation = {other:?} is not one of england, wales, scotland, northern_ireland")),
        };
        if !nations.insert(n.nation.as_str()) {
            fail(format!("{at}: nation {:?} has two national contacts", n.nation));
        }
        words(&format!("{at} source"), &n.source);
        let c = n.checked.as_bytes();
        let is_date = c.len() == 10
            && c[4] == b'-'
            && c[7] == b'-'
            && n.checked.replace('-', "").bytes().all(|b| b.is_ascii_digit());
        if !is_date {
            fail(format!("{at}: checked = {:?} must be a date, YYYY-MM-DD", n.checked));
        }
        write!(
            code,
            "NationalContact {{ nation: {nation}, name: {}, link: {:?} }}, ",
            words("national contact", &n.name),
            n.link
        )
        .unwrap();
    }
    if nations.len() != 4 {
        fail("national_contacts: give one for each nation: england, wales, scotland, northern_ireland".into());
    }
    code.push_str("],\n");

    let t = &f.template;
    if t.signers.is_empty() {
        fail("template.signers is empty".into());
    }
    writeln!(
        code,
        "template: TemplateText {{ subtitle: {}, intro: {}, details_heading: {}, details: {}, support_column: {}, agreed_column: {}, \
         support_other: {}, consent_other: {}, next_review: {}, sooner: {}, signers: {}, signature_note: {}, contacts_heading: {}, eligibility_heading: {} }},",
        words("template.subtitle", &t.subtitle),
        words("template.intro", &t.intro),
        words("template.details_heading", &t.details_heading),
        list("template.details", &t.details),
        words("template.support_column", &t.support_column),
        words("template.agreed_column", &t.agreed_column),
        words("template.support_other", &t.support_other),
        words("template.consent_other", &t.consent_other),
        words("template.next_review", &t.next_review),
        words("template.sooner", &t.sooner),
        list("template.signers", &t.signers),
        words("template.signature_note", &t.signature_note),
        words("template.contacts_heading", &t.contacts_heading),
        words("template.eligibility_heading", &t.eligibility_heading),
    )
    .unwrap();

    let g = &f.guide;
    let stage_ids = ids("guide.stages", g.stages.iter().map(|s| s.id.as_str()));
    for want in ["prepare", "talk", "agree", "record", "share", "review"] {
        if !stage_ids.contains(want) {
            fail(format!("guide.stages: the guide needs a stage {want:?}"));
        }
    }
    writeln!(
        code,
        "guide: GuideText {{ title: {}, intro: {}, carer: {}, manager: {}, support_heading: {}, stages: &[",
        words("guide.title", &g.title),
        words("guide.intro", &g.intro),
        words("guide.carer", &g.carer),
        words("guide.manager", &g.manager),
        words("guide.support_heading", &g.support_heading),
    )
    .unwrap();
    for st in &g.stages {
        let at = format!("guide stage {}", st.id);
        let adds = match st.adds.as_deref() {
            None => "None".to_string(),
            Some(a @ ("support" | "sharing" | "review" | "contacts")) => format!("Some(StageAdds::{})", variant(a)),
            Some(other) => fail(format!("{at}: adds = {other:?} is not one of support, sharing, review, contacts")),
        };
        writeln!(
            code,
            "  Stage {{ id: {:?}, heading: {}, carer: {}, manager: {}, adds: {adds} }},",
            st.id,
            words(&at, &st.heading),
            list(&format!("{at} carer"), &st.carer),
            list(&format!("{at} manager"), &st.manager)
        )
        .unwrap();
    }
    code.push_str("] },\n");

    let b = &f.briefing;
    writeln!(
        code,
        "briefing: BriefingText {{ title: {}, intro: {}, what_heading: {}, what: {}, rules_heading: {}, review_rule: {}, support_heading: {}, \
         do_heading: {}, dos: {}, dont_heading: {}, donts: {}, contacts_heading: {} }},",
        words("briefing.title", &b.title),
        words("briefing.intro", &b.intro),
        words("briefing.what_heading", &b.what_heading),
        list("briefing.what", &b.what),
        words("briefing.rules_heading", &b.rules_heading),
        words("briefing.review_rule", &b.review_rule),
        words("briefing.support_heading", &b.support_heading),
        words("briefing.do_heading", &b.do_heading),
        list("briefing.do", &b.r#do),
        words("briefing.dont_heading", &b.dont_heading),
        list("briefing.dont", &b.dont),
        words("briefing.contacts_heading", &b.contacts_heading),
    )
    .unwrap();

    // Launch tasks.
    let mut task_ids = BTreeSet::new();
    code.push_str("tasks: &[\n");
    for x in &f.tasks {
        let at = format!("task {}", x.id);
        let well_formed = x.id.strip_prefix("passport:").is_some_and(|r| {
            !r.is_empty() && r.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        });
        if !well_formed || !task_ids.insert(x.id.as_str()) {
            fail(format!("{at}: the ID must be unique and look like passport:kebab-case"));
        }
        let owner = match x.owner.as_str() {
            "hr" | "line_managers" | "leadership" | "carers_network" | "communications" | "learning" => {
                format!("Owner::{}", variant(&x.owner))
            }
            other => fail(format!("{at}: owner = {other:?} is not one of the owners in criteria.toml")),
        };
        let priority = match x.priority.as_str() {
            "high" | "medium" | "low" => format!("Priority::{}", variant(&x.priority)),
            other => fail(format!("{at}: priority = {other:?} is not one of high, medium, low")),
        };
        let when = match x.when.as_str() {
            "always" | "no_hr_contact" | "no_network_contact" => format!("TaskWhen::{}", variant(&x.when)),
            other => fail(format!("{at}: when = {other:?} is not one of always, no_hr_contact, no_network_contact")),
        };
        if x.due_in_days == 0 || x.due_in_days > 366 {
            fail(format!("{at}: due_in_days must be 1 to 366"));
        }
        writeln!(
            code,
            "  TaskDef {{ id: {:?}, title: {}, why: {}, owner: {owner}, priority: {priority}, due_in_days: {}, after_review: {}, when: {when}, success: {} }},",
            x.id,
            words(&at, &x.title),
            words(&at, &x.why),
            x.due_in_days,
            x.after_review,
            words(&at, &x.success)
        )
        .unwrap();
    }
    code.push_str("],\n");

    // Evidence: real indicators only.
    let offer_ids: BTreeSet<&str> =
        f.offers.iter().filter(|o| o.from.as_deref() != Some("arrangements")).map(|o| o.id.as_str()).collect();
    let arrangements = arrangement_ids();
    code.push_str("evidence: &[\n");
    let mut seen = BTreeSet::new();
    for x in &f.evidence {
        let at = format!("evidence {}", x.indicator);
        if !indicators.contains(&x.indicator) {
            fail(format!("{at}: indicator {:?} is not in criteria.toml", x.indicator));
        }
        if !seen.insert(x.indicator.as_str()) {
            fail(format!("{at}: the indicator is listed twice"));
        }
        let when = match x.when.as_str() {
            "always" | "hr_contact" | "network_or_hr_contact" | "outside_help" | "yearly_review" => {
                format!("EvidenceWhen::{}", variant(&x.when))
            }
            w if w.starts_with("offer:") => {
                let offers: Vec<&str> = w["offer:".len()..].split('|').collect();
                for o in &offers {
                    let arrangement = o.strip_prefix("arrangement.").is_some_and(|a| arrangements.contains(a));
                    if !offer_ids.contains(o) && !arrangement {
                        fail(format!("{at}: when names offer {o:?}, which is not in [[offers]]"));
                    }
                }
                format!("EvidenceWhen::AnyOffer(&{offers:?})")
            }
            other => fail(format!(
                "{at}: when = {other:?} is not one of always, hr_contact, network_or_hr_contact, outside_help, yearly_review, offer:ID|ID"
            )),
        };
        writeln!(
            code,
            "  EvidenceDef {{ indicator: {:?}, when: {when}, note: {} }},",
            x.indicator,
            words(&at, &x.note)
        )
        .unwrap();
    }
    code.push_str("],\n};\n");

    // The IDs alone, for checking a stored scheme without carrying the words.
    let idlist = |v: Vec<&str>| format!("&{v:?}");
    let choice_ids = |c: &[Choice]| idlist(c.iter().map(|x| x.id.as_str()).collect());
    writeln!(
        code,
        "pub static IDS: Ids = Ids {{ fields: {}, offers: {}, triggers: {}, kept: {}, seen_by: {}, moves: {}, contact_kinds: {} }};",
        idlist(f.fields.iter().map(|x| x.id.as_str()).collect()),
        idlist(f.offers.iter().filter(|o| o.from.as_deref() != Some("arrangements")).map(|o| o.id.as_str()).collect()),
        choice_ids(&f.triggers),
        choice_ids(&s.kept),
        choice_ids(&s.seen_by),
        choice_ids(&s.moves),
        choice_ids(&f.contact_kinds),
    )
    .unwrap();
    out("passport.rs", &code);
}

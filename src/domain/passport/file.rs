//! The scheme in the assessment file (`$.passport`): reading and checking it.

use super::*;

/// A carer passport scheme from its JSON value, checking its shape only (the stored
/// form, which may be unfinished): what [`passport_scheme`] reads.
pub fn read_scheme(value: &Value) -> Result<Scheme, Vec<json::Problem>> {
    let mut c = Checker::default();
    scheme(&mut c, value).ok_or(c.problems)
}

/// Checks `$.passport` in an assessment file: its shape, then what the scheme's own
/// rules refuse ([`file_problems`]). Problems are added to `c`.
pub fn check_file_part(c: &mut Checker, v: &Value) {
    if v.is_null() {
        return;
    }
    if let Some(scheme) = scheme(c, v) {
        for p in file_problems(&scheme) {
            c.problem(&format!("$.passport.{}", p.field), p.message);
        }
    }
}

/// The scheme at `$.passport`, read by hand from the JSON value (much smaller in the
/// browser bundle than derived deserialisers). Checks the shape only; `None` when
/// anything is wrong.
pub(super) fn scheme(c: &mut Checker, v: &Value) -> Option<Scheme> {
    const PATH: &str = "$.passport";
    let top = c.object(Some(v), PATH)?;
    let before = c.problems.len();
    c.unknown_keys(top, PATH, &["name", "eligibility", "fields", "support", "review", "storage", "contacts"]);
    let name = c.string(top.get("name"), "$.passport.name", true);
    let mut eligibility = Eligibility::default();
    if let Some(e) = c.object(top.get("eligibility"), "$.passport.eligibility") {
        c.unknown_keys(e, "$.passport.eligibility", &["basis", "note"]);
        c.choice(e.get("basis"), "$.passport.eligibility.basis", Basis::from_id, &ids(Basis::ALL, Basis::id));
        eligibility.note = c.string(e.get("note"), "$.passport.eligibility.note", false);
    }
    let fields = c.strings(top.get("fields"), "$.passport.fields", true);
    let mut support = Vec::new();
    for (i, o) in c.list(top.get("support"), "$.passport.support", true).iter().enumerate() {
        let path = format!("$.passport.support[{i}]");
        let Some(o) = c.object(Some(o), &path) else { continue };
        c.unknown_keys(o, &path, &["id", "label", "on", "detail", "prefilled"]);
        support.push(Offer {
            id: c.string(o.get("id"), &child(&path, "id"), true),
            label: c.string(o.get("label"), &child(&path, "label"), true),
            on: c.boolean(o.get("on"), &child(&path, "on")),
            detail: c.string(o.get("detail"), &child(&path, "detail"), false),
            prefilled: c.string(o.get("prefilled"), &child(&path, "prefilled"), false),
        });
    }
    let mut review = Review { months: 0, triggers: Vec::new(), own_triggers: Vec::new() };
    if let Some(r) = c.object(top.get("review"), "$.passport.review") {
        c.unknown_keys(r, "$.passport.review", &["months", "triggers", "own_triggers"]);
        match r.get("months") {
            None => c.problem("$.passport.review.months", "is missing"),
            Some(Value::Number(n)) if n.as_u64().is_some_and(|m| m <= u64::from(u32::MAX)) => {
                review.months = n.as_u64().unwrap_or(0) as u32;
            }
            Some(other) => c.problem(
                "$.passport.review.months",
                format!(
                    "should be a whole number of months from 1 to 24, but is {}",
                    if other.is_number() { other.to_string() } else { json::describe(other).to_string() }
                ),
            ),
        }
        review.triggers = c.strings(r.get("triggers"), "$.passport.review.triggers", true);
        review.own_triggers = c.strings(r.get("own_triggers"), "$.passport.review.own_triggers", false);
    }
    let mut storage = Storage { kept: String::new(), seen_by: Vec::new(), moves: String::new(), note: String::new() };
    if let Some(st) = c.object(top.get("storage"), "$.passport.storage") {
        c.unknown_keys(st, "$.passport.storage", &["kept", "seen_by", "moves", "note"]);
        storage.kept = c.string(st.get("kept"), "$.passport.storage.kept", true);
        storage.seen_by = c.strings(st.get("seen_by"), "$.passport.storage.seen_by", true);
        storage.moves = c.string(st.get("moves"), "$.passport.storage.moves", true);
        storage.note = c.string(st.get("note"), "$.passport.storage.note", false);
    }
    let mut contacts = Vec::new();
    for (i, k) in c.list(top.get("contacts"), "$.passport.contacts", true).iter().enumerate() {
        let path = format!("$.passport.contacts[{i}]");
        let Some(k) = c.object(Some(k), &path) else { continue };
        c.unknown_keys(k, &path, &["kind", "name", "link"]);
        contacts.push(Contact {
            kind: c.string(k.get("kind"), &child(&path, "kind"), true),
            name: c.string(k.get("name"), &child(&path, "name"), true),
            link: c.string(k.get("link"), &child(&path, "link"), false),
        });
    }
    (c.problems.len() == before).then_some(Scheme { name, eligibility, fields, support, review, storage, contacts })
}

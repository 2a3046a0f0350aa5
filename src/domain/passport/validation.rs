//! Checking a scheme: every problem with the field path the UI links its error summary to.

use super::*;

/// One problem with a scheme. `field` is a path below the scheme, as in the file
/// (`name`, `support[2].detail`, `review.months`); [`Problem::element_id`] turns it
/// into an HTML id for the error summary's links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

impl Problem {
    /// `passport-support-2-detail`: letters and digits of the path, joined by dashes.
    pub fn element_id(&self) -> String {
        let mut id = String::from("passport");
        for part in self.field.split(|c: char| !c.is_ascii_alphanumeric() && c != '_').filter(|p| !p.is_empty()) {
            id.push('-');
            id.push_str(&part.replace('_', "-"));
        }
        id
    }
}

/// Every problem, in the order of the form: what the UI shows in its error summary
/// before producing the passport. Includes [`file_problems`].
pub fn validate(s: &Scheme) -> Vec<Problem> {
    check(s, true)
}

/// The problems the file format refuses on import: what can never be right (unknown
/// IDs, text too long, a review cycle outside 1–24 months, unsafe links). A scheme
/// still being set up (no name yet, nothing switched on) is not refused.
pub fn file_problems(s: &Scheme) -> Vec<Problem> {
    check(s, false)
}

/// An https address with a host, a `tel:` number or a `mailto:` address.
pub fn link_ok(s: &str) -> bool {
    if s.chars().count() > MAX_LINK_CHARS || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    if s.contains(['"', '<', '>', '\\', '`']) {
        return false;
    }
    if let Some(rest) = s.strip_prefix("https://") {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        return !host.is_empty() && !host.contains('@');
    }
    if let Some(number) = s.strip_prefix("tel:") {
        let digits = number.chars().filter(char::is_ascii_digit).count();
        return digits >= 3 && number.chars().all(|c| c.is_ascii_digit() || "+-().".contains(c));
    }
    if let Some(address) = s.strip_prefix("mailto:") {
        let address = address.split('?').next().unwrap_or("");
        return address
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && !host.contains('@'))
            && !s.contains('?');
    }
    false
}

/// A link as printed: the address without `https://`, the number, the email address.
pub fn link_text(link: &str) -> String {
    if let Some(r) = link.strip_prefix("https://") {
        return r.strip_suffix('/').unwrap_or(r).to_string();
    }
    link.strip_prefix("tel:").or_else(|| link.strip_prefix("mailto:")).unwrap_or(link).to_string()
}

/// Collects problems. Written to be small: it is in the browser's first load, through
/// the file format.
pub(super) struct Checks {
    out: Vec<Problem>,
    /// Also what an unfinished scheme lacks (blank names, nothing switched on).
    complete: bool,
}

impl Checks {
    pub(super) fn add(&mut self, field: String, message: String) {
        self.out.push(Problem { field, message });
    }

    /// Text no longer than [`MAX_TEXT_CHARS`]; with `blank`, and when checking for
    /// completeness, not blank either.
    pub(super) fn text(&mut self, field: String, t: &str, what: &str, blank: Option<&str>) {
        if too_long(t) {
            self.add(field, format!("{what} must be {MAX_TEXT_CHARS} characters or fewer"));
        } else if let Some(b) = blank.filter(|_| self.complete && t.trim().is_empty()) {
            self.add(field, b.into());
        }
    }

    /// Each ID known, and listed once.
    pub(super) fn ids(
        &mut self,
        list: &[&str],
        at: &dyn Fn(usize) -> String,
        known: &dyn Fn(&str) -> bool,
        what: &str,
    ) {
        for (i, x) in list.iter().enumerate() {
            if !known(x) {
                self.add(at(i), format!("{} is not {what}", quoted(x)));
            } else if list[..i].contains(x) {
                self.add(at(i), format!("{} is listed more than once", quoted(x)));
            }
        }
    }

    pub(super) fn most(&mut self, field: &str, n: usize, what: &str) {
        if n > MAX_ITEMS {
            self.add(field.into(), format!("Give up to {MAX_ITEMS} {what}"));
        }
    }

    pub(super) fn one_of(&mut self, field: &str, value: &str, known: &[&str], message: &str) {
        if !known.contains(&value) {
            self.add(field.into(), message.into());
        }
    }
}

pub(super) fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

pub(super) fn check(s: &Scheme, complete: bool) -> Vec<Problem> {
    let ids = &IDS;
    let mut c = Checks { out: Vec::new(), complete };
    c.text(
        "name".into(),
        &s.name,
        "The scheme name",
        Some("Enter a name for the scheme, for example \"Carer passport\""),
    );
    c.text("eligibility.note".into(), &s.eligibility.note, "The note on who can have a passport", None);
    c.ids(&strs(&s.fields), &|i| format!("fields[{i}]"), &|f| ids.fields.contains(&f), "a passport field");

    c.most("support", s.support.len(), "offers of support");
    let offer_ids: Vec<&str> = s.support.iter().map(|o| o.id.as_str()).collect();
    let known_offer = |id: &str| {
        ids.offers.contains(&id)
            || id.strip_prefix("arrangement.").is_some_and(|a| Arrangement::from_id(a).is_some())
            || id
                .strip_prefix("own.")
                .is_some_and(|n| !n.is_empty() && n.len() <= 6 && n.bytes().all(|b| b.is_ascii_digit()))
    };
    c.ids(
        &offer_ids,
        &|i| format!("support[{i}].id"),
        &known_offer,
        "a standard offer, a way of working or own.<number>",
    );
    for (i, o) in s.support.iter().enumerate() {
        let at = |k: &str| format!("support[{i}].{k}");
        c.text(at("label"), &o.label, "The name of the support", Some("Enter a name for this support, or remove it"));
        c.text(at("detail"), &o.detail, "The detail of the support", None);
        c.text(at("prefilled"), &o.prefilled, "The pre-filled detail", None);
    }
    if complete && !s.support.iter().any(|o| o.on) {
        c.add("support".into(), "Switch on at least one kind of support for the menu".into());
    }

    if !(1..=24).contains(&s.review.months) {
        c.add("review.months".into(), "Review passports every 1 to 24 months".into());
    }
    c.ids(
        &strs(&s.review.triggers),
        &|i| format!("review.triggers[{i}]"),
        &|t| ids.triggers.contains(&t),
        "a review trigger",
    );
    c.most("review.own_triggers", s.review.own_triggers.len(), "triggers of your own");
    for (i, t) in s.review.own_triggers.iter().enumerate() {
        c.text(
            format!("review.own_triggers[{i}]"),
            t,
            "The trigger",
            Some("Enter what brings a review forward, or remove it"),
        );
    }

    c.one_of("storage.kept", &s.storage.kept, ids.kept, "Choose where passports are kept");
    c.ids(
        &strs(&s.storage.seen_by),
        &|i| format!("storage.seen_by[{i}]"),
        &|w| ids.seen_by.contains(&w),
        "a choice of who may see a passport",
    );
    c.one_of("storage.moves", &s.storage.moves, ids.moves, "Choose how a passport moves with the employee");
    c.text("storage.note".into(), &s.storage.note, "The note on storage and sharing", None);

    c.most("contacts", s.contacts.len(), "contacts");
    for (i, k) in s.contacts.iter().enumerate() {
        let at = |f: &str| format!("contacts[{i}].{f}");
        c.one_of(&at("kind"), &k.kind, ids.contact_kinds, "Choose what kind of contact this is");
        c.text(at("name"), &k.name, "The contact's name", Some("Enter the contact's name, or remove the contact"));
        if !k.link.is_empty() && !link_ok(&k.link) {
            c.add(at("link"), "Enter a web address starting https://, a phone number starting tel: or an email address starting mailto:".into());
        }
    }
    c.out
}

//! The carer passport scheme: what an employer sets up so that any employee who says
//! they are a carer can agree a passport with their manager. Documented in the README,
//! "Carer passport".
//!
//! - [`Scheme`] is the employer's set-up, stored in the assessment (`$.passport`): the
//!   passport fields chosen, the support menu, the review cycle, the storage and sharing
//!   rules and the contacts. [`Scheme::suggested`] fills it from the policy answers and
//!   the embedding council's signposting links; [`Scheme::refresh_from_policy`] updates
//!   the pre-filled offers later without losing the employer's edits.
//! - [`validate`] returns every problem, with a field path the UI links its error summary
//!   to; [`file_problems`] is the part the file format enforces on import.
//! - The outputs are built as plain structure ([`Document`]: sections of items), which
//!   both [`to_html`] (escaped, print-ready fragments, classes `cb-print-…`) and a Word
//!   writer can turn into a file: the passport template, the conversation guide and the
//!   manager briefing.
//! - [`launch_tasks`] are the passport's actions for the plan; [`evidenced_indicators`]
//!   the indicators a scheme is evidence for, as suggestions.
//!
//! The words, the standard fields, offers and choices are data:
//! `src/content/passport.toml`, compiled in by `build/passport.rs` ([`content`]).

use super::content::{Owner, Priority};
use super::escape;
use super::json::{self, child, ids, quoted, Checker};
use super::model::Assessment;
use super::plan::{self, Seed};
use super::policy::{arrangement_label, Arrangement, LeaveUnit, PolicyAnswers, Unit};
use super::text::{self, too_long, upper_first, MAX_TEXT_CHARS};
use serde::Serialize;
use serde_json::{Map, Value};
use std::fmt::Write;

// ── Content (from passport.toml) ───────────────────────────────────────────────────

/// How a passport field is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A prompt followed by empty lines.
    Write,
    /// The support menu as tick boxes, then lines.
    Support,
    /// Who may see the passport, as tick boxes, then lines.
    Consent,
    /// The next review date and what brings it forward.
    Review,
    /// The employee's and the manager's signatures.
    Signatures,
}

/// One of the standard passport fields.
#[derive(Debug, PartialEq, Eq)]
pub struct FieldDef {
    pub id: &'static str,
    pub label: &'static str,
    pub kind: FieldKind,
    /// Empty lines printed for writing in.
    pub lines: u32,
    /// Always on: the employer cannot leave it out.
    pub required: bool,
    /// On in a new scheme.
    pub default: bool,
    /// Why the field is useful, for the employer choosing.
    pub why: &'static str,
    /// Printed on the template, to the employee. May hold `{every}`.
    pub prompt: &'static str,
}

/// Which policy answers pre-fill an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicySource {
    FlexibleWorking,
    /// One offer per way of working offered: IDs `arrangement.<option ID>`.
    Arrangements,
    CarersLeave,
    Dependants,
}

/// A standard offer of the support menu.
#[derive(Debug, PartialEq, Eq)]
pub struct OfferDef {
    pub id: &'static str,
    pub label: &'static str,
    /// The detail when the policy answers say nothing.
    pub detail: &'static str,
    /// On in a new scheme when the policy answers say nothing.
    pub on: bool,
    pub from: Option<PolicySource>,
}

/// An option the employer can choose: a review trigger, a storage rule, a contact kind.
#[derive(Debug, PartialEq, Eq)]
pub struct Choice {
    pub id: &'static str,
    pub label: &'static str,
    /// Chosen in a new scheme.
    pub default: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub struct NationalContact {
    pub name: &'static str,
    pub link: &'static str,
}

#[derive(Debug, PartialEq, Eq)]
pub struct EligibilityText {
    pub label: &'static str,
    pub why: &'static str,
}

/// How pre-filled details are worded: `{q}` a quantity, `{n}` a number.
#[derive(Debug, PartialEq, Eq)]
pub struct Prefill {
    pub separator: &'static str,
    pub flexible_working: &'static str,
    pub first_day: &'static str,
    pub after_service: &'static str,
    pub requests: &'static str,
    pub decision: &'static str,
    pub leave: &'static str,
    pub paid: &'static str,
    pub unpaid: &'static str,
    /// By smallest unit: hour, half day, day, week.
    pub units: &'static [&'static str],
    pub emergency_paid: &'static str,
    pub no_triggers: &'static str,
}

#[derive(Debug, PartialEq, Eq)]
pub struct ReviewText {
    pub default_months: u32,
    pub why: &'static str,
}

#[derive(Debug, PartialEq, Eq)]
pub struct StorageText {
    pub heading: &'static str,
    pub why: &'static str,
    pub seen_by_intro: &'static str,
    /// Printed with every scheme.
    pub always: &'static [&'static str],
    pub kept: &'static [Choice],
    pub seen_by: &'static [Choice],
    pub moves: &'static [Choice],
}

#[derive(Debug, PartialEq, Eq)]
pub struct TemplateText {
    pub subtitle: &'static str,
    pub intro: &'static str,
    pub details_heading: &'static str,
    pub details: &'static [&'static str],
    pub support_column: &'static str,
    pub agreed_column: &'static str,
    /// Before the lines under the support menu.
    pub support_other: &'static str,
    /// The blank after the consent tick boxes.
    pub consent_other: &'static str,
    pub next_review: &'static str,
    pub sooner: &'static str,
    pub signers: &'static [&'static str],
    pub signature_note: &'static str,
    pub contacts_heading: &'static str,
    pub eligibility_heading: &'static str,
}

/// What the conversation guide adds from the scheme at a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageAdds {
    Support,
    Sharing,
    Review,
    Contacts,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Stage {
    pub id: &'static str,
    pub heading: &'static str,
    pub carer: &'static [&'static str],
    pub manager: &'static [&'static str],
    pub adds: Option<StageAdds>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct GuideText {
    pub title: &'static str,
    pub intro: &'static str,
    pub carer: &'static str,
    pub manager: &'static str,
    pub support_heading: &'static str,
    pub stages: &'static [Stage],
}

#[derive(Debug, PartialEq, Eq)]
pub struct BriefingText {
    pub title: &'static str,
    pub intro: &'static str,
    pub what_heading: &'static str,
    pub what: &'static [&'static str],
    pub rules_heading: &'static str,
    pub review_rule: &'static str,
    pub support_heading: &'static str,
    pub do_heading: &'static str,
    pub dos: &'static [&'static str],
    pub dont_heading: &'static str,
    pub donts: &'static [&'static str],
    pub contacts_heading: &'static str,
}

/// When a launch task applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskWhen {
    Always,
    NoHrContact,
    NoNetworkContact,
}

#[derive(Debug, PartialEq, Eq)]
pub struct TaskDef {
    pub id: &'static str,
    pub title: &'static str,
    pub why: &'static str,
    pub owner: Owner,
    pub priority: Priority,
    pub due_in_days: u32,
    /// Add the review cycle to `due_in_days`.
    pub after_review: bool,
    pub when: TaskWhen,
    pub success: &'static str,
}

/// When a scheme evidences an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceWhen {
    Always,
    HrContact,
    NetworkOrHrContact,
    /// A local carers' service or national advice is listed.
    OutsideHelp,
    /// Reviewed at least every 12 months.
    YearlyReview,
    /// Any of these offers is on.
    AnyOffer(&'static [&'static str]),
}

#[derive(Debug, PartialEq, Eq)]
pub struct EvidenceDef {
    pub indicator: &'static str,
    pub when: EvidenceWhen,
    pub note: &'static str,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Content {
    pub eligibility: EligibilityText,
    pub fields: &'static [FieldDef],
    pub offers: &'static [OfferDef],
    pub prefill: Prefill,
    pub review: ReviewText,
    pub triggers: &'static [Choice],
    pub storage: StorageText,
    pub contact_kinds: &'static [Choice],
    pub national_contacts: &'static [NationalContact],
    pub template: TemplateText,
    pub guide: GuideText,
    pub briefing: BriefingText,
    pub tasks: &'static [TaskDef],
    pub evidence: &'static [EvidenceDef],
}

/// The IDs of the content alone: what checking a stored scheme needs, so the file
/// format does not carry the words into the browser's first load.
#[derive(Debug, PartialEq, Eq)]
pub struct Ids {
    pub fields: &'static [&'static str],
    /// Standard offers, not counting the ways of working.
    pub offers: &'static [&'static str],
    pub triggers: &'static [&'static str],
    pub kept: &'static [&'static str],
    pub seen_by: &'static [&'static str],
    pub moves: &'static [&'static str],
    pub contact_kinds: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/passport.rs"));

/// The passport content, compiled in from `src/content/passport.toml`.
pub fn content() -> &'static Content {
    &CONTENT
}

impl Content {
    pub fn field(&self, id: &str) -> Option<&'static FieldDef> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn trigger(&self, id: &str) -> Option<&'static Choice> {
        self.triggers.iter().find(|c| c.id == id)
    }

    pub fn contact_kind(&self, id: &str) -> Option<&'static Choice> {
        self.contact_kinds.iter().find(|c| c.id == id)
    }
}

fn choice(list: &'static [Choice], id: &str) -> Option<&'static Choice> {
    list.iter().find(|c| c.id == id)
}

fn default_choice(list: &'static [Choice]) -> String {
    list.iter().find(|c| c.default).map_or("", |c| c.id).to_string()
}

// ── The scheme ─────────────────────────────────────────────────────────────────────

/// Who can have a passport. There is one choice, and it is the default: any employee
/// who says they are a carer, with no proof asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Basis {
    #[default]
    SelfIdentification,
}

id_list!(Basis: SelfIdentification = "self_identification");

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Eligibility {
    pub basis: Basis,
    /// The employer's own words, e.g. "including agency staff". Empty when none.
    pub note: String,
}

/// One line of the support menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    /// A standard offer's ID (`carers_leave`), `arrangement.<option ID>`, or `own.<n>`
    /// for one the employer added.
    pub id: String,
    pub label: String,
    pub on: bool,
    pub detail: String,
    /// The detail as last pre-filled from the policy answers. While `detail` still
    /// equals it, [`Scheme::refresh_from_policy`] may replace it; once the employer
    /// edits the detail, it is theirs.
    pub prefilled: String,
}

impl Offer {
    /// Added by the employer (not a standard or policy offer).
    pub fn is_own(&self) -> bool {
        self.id.starts_with("own.")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// How often passports are reviewed, 1 to 24 months.
    pub months: u32,
    /// Standard triggers chosen (IDs from the content).
    pub triggers: Vec<String>,
    /// The employer's own triggers, in words ("you go part-time").
    pub own_triggers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Storage {
    /// Where the passport is kept: one of `content().storage.kept`.
    pub kept: String,
    /// Who may see it, with the employee's agreement: any of `content().storage.seen_by`.
    pub seen_by: Vec<String>,
    /// How it moves with the employee: one of `content().storage.moves`.
    pub moves: String,
    /// Anything else, in the employer's words.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// One of `content().contact_kinds`: hr, network, local_service, national, other.
    pub kind: String,
    pub name: String,
    /// An https address, `tel:` number or `mailto:` address; empty when none.
    pub link: String,
}

/// The employer's carer passport scheme. In files and storage it is JSON (see the
/// README, "Carer passport"), written by [`Scheme::to_value`] and read by
/// [`read_scheme`]: by hand, because derived
/// (de)serialisers for these nested lists cost the browser bundle several kilobytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scheme {
    pub name: String,
    pub eligibility: Eligibility,
    /// The passport fields chosen (IDs from the content). Required fields are printed
    /// whether listed or not.
    pub fields: Vec<String>,
    /// The support menu, in order.
    pub support: Vec<Offer>,
    pub review: Review,
    pub storage: Storage,
    pub contacts: Vec<Contact>,
}

/// The assessment's carer passport scheme, if one is set up and readable. Imported
/// files are checked when they are read ([`check_file_part`]).
pub fn passport_scheme(assessment: &Assessment) -> Option<Scheme> {
    assessment.passport.as_ref().and_then(|v| read_scheme(v).ok())
}

/// Stores the scheme in the assessment, in the file's form; `updated` is left to the caller.
pub fn set_passport(assessment: &mut Assessment, scheme: &Scheme) {
    assessment.passport = Some(scheme.to_value());
}

/// What [`Scheme::refresh_from_policy`] changed: offer IDs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Refresh {
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub removed: Vec<String>,
}

impl Refresh {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty() && self.removed.is_empty()
    }
}

/// Most offers, contacts or own triggers a scheme may hold.
pub const MAX_ITEMS: usize = 100;
/// Longest link, in characters.
pub const MAX_LINK_CHARS: usize = 2000;

impl Scheme {
    /// The scheme as JSON, as stored in files: empty notes, details and links, and an
    /// empty list of own triggers, are left out.
    pub fn to_value(&self) -> Value {
        let mut top = Map::new();
        let text = |m: &mut Map<String, Value>, k: &str, v: &str| {
            if !v.is_empty() {
                m.insert(k.into(), Value::String(v.into()));
            }
        };
        let list = |v: &[String]| Value::Array(v.iter().map(|x| Value::String(x.clone())).collect());
        top.insert("name".into(), Value::String(self.name.clone()));
        let mut e = Map::new();
        e.insert("basis".into(), Value::String(self.eligibility.basis.id().into()));
        text(&mut e, "note", &self.eligibility.note);
        top.insert("eligibility".into(), Value::Object(e));
        top.insert("fields".into(), list(&self.fields));
        let support = self.support.iter().map(|o| {
            let mut m = Map::new();
            m.insert("id".into(), Value::String(o.id.clone()));
            m.insert("label".into(), Value::String(o.label.clone()));
            m.insert("on".into(), Value::Bool(o.on));
            text(&mut m, "detail", &o.detail);
            text(&mut m, "prefilled", &o.prefilled);
            Value::Object(m)
        });
        top.insert("support".into(), Value::Array(support.collect()));
        let mut r = Map::new();
        r.insert("months".into(), Value::from(self.review.months));
        r.insert("triggers".into(), list(&self.review.triggers));
        if !self.review.own_triggers.is_empty() {
            r.insert("own_triggers".into(), list(&self.review.own_triggers));
        }
        top.insert("review".into(), Value::Object(r));
        let mut st = Map::new();
        st.insert("kept".into(), Value::String(self.storage.kept.clone()));
        st.insert("seen_by".into(), list(&self.storage.seen_by));
        st.insert("moves".into(), Value::String(self.storage.moves.clone()));
        text(&mut st, "note", &self.storage.note);
        top.insert("storage".into(), Value::Object(st));
        let contacts = self.contacts.iter().map(|c| {
            let mut m = Map::new();
            m.insert("kind".into(), Value::String(c.kind.clone()));
            m.insert("name".into(), Value::String(c.name.clone()));
            text(&mut m, "link", &c.link);
            Value::Object(m)
        });
        top.insert("contacts".into(), Value::Array(contacts.collect()));
        Value::Object(top)
    }

    /// A new scheme: every default from the content, the support menu pre-filled from
    /// the policy answers, and the contacts from the embedding council's signposting
    /// links (title, address) followed by national advice.
    pub fn suggested(assessment: &Assessment, signposting: &[(String, String)]) -> Scheme {
        let c = content();
        let org: String = assessment.organisation.name.trim().chars().take(MAX_TEXT_CHARS - 20).collect();
        let name = if org.is_empty() { "Carer passport".to_string() } else { format!("{org} carer passport") };
        let mut contacts: Vec<Contact> = Vec::new();
        for (title, url) in signposting {
            let (title, url) = (title.trim(), url.trim());
            if title.is_empty() || !link_ok(url) || too_long(title) {
                continue;
            }
            if contacts.iter().any(|k| k.link == url) || contacts.len() >= MAX_ITEMS / 2 {
                continue;
            }
            contacts.push(Contact { kind: "local_service".into(), name: title.into(), link: url.into() });
        }
        for n in c.national_contacts {
            contacts.push(Contact { kind: "national".into(), name: n.name.into(), link: n.link.into() });
        }
        Scheme {
            name,
            eligibility: Eligibility::default(),
            fields: c.fields.iter().filter(|f| f.default || f.required).map(|f| f.id.to_string()).collect(),
            support: menu(assessment.policies.as_ref()),
            review: Review {
                months: c.review.default_months,
                triggers: c.triggers.iter().filter(|t| t.default).map(|t| t.id.to_string()).collect(),
                own_triggers: Vec::new(),
            },
            storage: Storage {
                kept: default_choice(c.storage.kept),
                seen_by: c.storage.seen_by.iter().filter(|s| s.default).map(|s| s.id.to_string()).collect(),
                moves: default_choice(c.storage.moves),
                note: String::new(),
            },
            contacts,
        }
    }

    /// Updates the offers pre-filled from the policy answers, keeping the employer's
    /// edits: a detail is replaced only while it is still the pre-filled one; what is
    /// switched on or off and every label is left alone; offers for ways of working
    /// newly in the policy are added (switched on) in menu order; one no longer in the
    /// policy is removed only if the employer has not edited it. Standard offers are
    /// never removed (switch them off instead); the employer's own are never touched.
    pub fn refresh_from_policy(&mut self, answers: Option<&PolicyAnswers>) -> Refresh {
        let fresh = policy_offers(answers);
        let mut r = Refresh::default();
        let mut kept = Vec::with_capacity(self.support.len());
        for mut o in std::mem::take(&mut self.support) {
            if !is_policy_offer(&o.id) {
                kept.push(o);
                continue;
            }
            match fresh.iter().find(|f| f.id == o.id) {
                Some(f) => {
                    if o.detail == o.prefilled && o.detail != f.detail {
                        o.detail = f.detail.clone();
                        r.updated.push(o.id.clone());
                    }
                    o.prefilled = f.prefilled.clone();
                    kept.push(o);
                }
                None => {
                    let label = o.id.strip_prefix("arrangement.").and_then(Arrangement::from_id).map(arrangement_label);
                    if o.detail == o.prefilled && label == Some(o.label.as_str()) {
                        r.removed.push(o.id);
                    } else {
                        kept.push(o);
                    }
                }
            }
        }
        self.support = kept;
        for f in fresh {
            if self.support.iter().any(|o| o.id == f.id) {
                continue;
            }
            let rank = offer_rank(&f.id);
            let at = self.support.iter().position(|o| offer_rank(&o.id) > rank).unwrap_or(self.support.len());
            r.added.push(f.id.clone());
            self.support.insert(at, f);
        }
        r
    }

    /// Adds an offer of the employer's own (switched on) and returns its ID, `own.<n>`.
    pub fn add_offer(&mut self, label: &str, detail: &str) -> String {
        let n = self.support.iter().filter_map(|o| o.id.strip_prefix("own.")?.parse::<u32>().ok()).max().unwrap_or(0);
        let id = format!("own.{}", n.saturating_add(1));
        self.support.push(Offer {
            id: id.clone(),
            label: label.into(),
            on: true,
            detail: detail.into(),
            prefilled: String::new(),
        });
        id
    }

    /// Removes one of the employer's own offers. Standard offers are switched off
    /// instead (returns false and changes nothing).
    pub fn remove_offer(&mut self, id: &str) -> bool {
        let before = self.support.len();
        self.support.retain(|o| !(o.is_own() && o.id == id));
        self.support.len() != before
    }

    /// Whether a field is printed: required, or chosen.
    pub fn has_field(&self, id: &str) -> bool {
        content().field(id).is_some_and(|f| f.required || self.fields.iter().any(|x| x == id))
    }

    /// Chooses or drops a field. Required fields stay on whatever is asked.
    pub fn set_field(&mut self, id: &str, on: bool) {
        let Some(def) = content().field(id) else { return };
        self.fields.retain(|x| x != id);
        if on || def.required {
            self.fields.push(id.to_string());
            // Keep the content's order, so files do not change with the order of clicks.
            let pos = |x: &String| content().fields.iter().position(|f| f.id == x).unwrap_or(usize::MAX);
            self.fields.sort_by_key(pos);
        }
    }

    /// The fields printed on the template, in the content's order.
    pub fn included_fields(&self) -> Vec<&'static FieldDef> {
        content().fields.iter().filter(|f| self.has_field(f.id)).collect()
    }

    /// The offers switched on, in menu order.
    pub fn offers_on(&self) -> impl Iterator<Item = &Offer> {
        self.support.iter().filter(|o| o.on)
    }

    fn has_contact(&self, kind: &str) -> bool {
        self.contacts.iter().any(|c| c.kind == kind && !c.name.trim().is_empty())
    }
}

/// A policy-backed offer: a standard offer with a `from`, or a way of working.
fn is_policy_offer(id: &str) -> bool {
    id.starts_with("arrangement.") || content().offers.iter().any(|d| d.id == id && d.from.is_some())
}

/// Menu order: standard offers in the content's order (ways of working where the
/// `arrangement` entry is, in the policy question's order), the employer's own last.
fn offer_rank(id: &str) -> (usize, u32) {
    let offers = content().offers;
    if let Some(a) = id.strip_prefix("arrangement.") {
        let at = offers.iter().position(|d| d.from == Some(PolicySource::Arrangements)).unwrap_or(usize::MAX);
        return (at, Arrangement::from_id(a).map_or(u32::MAX, Arrangement::rank));
    }
    (offers.iter().position(|d| d.id == id).unwrap_or(usize::MAX), 0)
}

/// The whole menu for a new scheme, in order.
fn menu(answers: Option<&PolicyAnswers>) -> Vec<Offer> {
    content()
        .offers
        .iter()
        .flat_map(|d| match d.from {
            Some(source) => offers_from(d, source, answers),
            None => vec![Offer {
                id: d.id.into(),
                label: d.label.into(),
                on: d.on,
                detail: d.detail.into(),
                prefilled: String::new(),
            }],
        })
        .collect()
}

/// The offers pre-filled from the policy answers, as a new scheme would have them.
pub fn policy_offers(answers: Option<&PolicyAnswers>) -> Vec<Offer> {
    content().offers.iter().filter_map(|d| d.from.map(|s| offers_from(d, s, answers))).flatten().collect()
}

/// Replaces `{q}` and `{n}`.
fn quantity(template: &str, q: &str, n: u32) -> String {
    template.replace("{q}", q).replace("{n}", &n.to_string())
}

fn offers_from(d: &OfferDef, source: PolicySource, answers: Option<&PolicyAnswers>) -> Vec<Offer> {
    let p = &content().prefill;
    let offer = |on: bool, parts: Vec<String>, lead: Option<&str>| {
        let detail = if parts.is_empty() {
            d.detail.to_string()
        } else {
            let joined = parts.join(p.separator);
            match lead {
                Some(lead) => format!("{lead}{}{joined}.", p.separator),
                None => upper_first(&joined) + ".",
            }
        };
        vec![Offer { id: d.id.into(), label: d.label.into(), on, detail: detail.clone(), prefilled: detail }]
    };
    match source {
        PolicySource::Arrangements => {
            let Some(set) = answers.and_then(|a| a.flexible_working.arrangements.as_ref()) else { return vec![] };
            set.iter()
                .map(|a| Offer {
                    id: format!("arrangement.{}", a.id()),
                    label: arrangement_label(*a).into(),
                    on: true,
                    detail: d.detail.into(),
                    prefilled: d.detail.into(),
                })
                .collect()
        }
        PolicySource::FlexibleWorking => {
            let fw = answers.map(|a| &a.flexible_working);
            let mut parts = Vec::new();
            match fw.and_then(|f| f.service_weeks) {
                Some(0) => parts.push(p.first_day.to_string()),
                Some(w) => parts.push(quantity(p.after_service, &Unit::Week.quantity(w), w)),
                None => {}
            }
            if let Some(n) = fw.and_then(|f| f.requests_per_year).filter(|&n| n > 0) {
                parts.push(quantity(p.requests, &Unit::Request.quantity(n), n));
            }
            if let Some(m) = fw.and_then(|f| f.decision_months) {
                parts.push(quantity(p.decision, &Unit::Month.quantity(m), m));
            }
            offer(d.on, parts, Some(p.flexible_working))
        }
        PolicySource::CarersLeave => {
            let cl = answers.map(|a| &a.carers_leave);
            if cl.and_then(|c| c.offered) == Some(false) {
                return offer(false, vec![], None);
            }
            let mut parts = Vec::new();
            if let Some(days) = cl.and_then(|c| c.days_per_year).filter(|&d| d > 0) {
                let mut s = quantity(p.leave, &Unit::Day.quantity(days), days);
                match cl.and_then(|c| c.paid_days) {
                    Some(0) => s += &format!(", {}", p.unpaid),
                    Some(paid) => s += &format!(", {}", quantity(p.paid, &Unit::Day.quantity(paid), paid)),
                    None => {}
                }
                parts.push(s);
            }
            if let Some(u) = cl.and_then(|c| c.smallest_unit) {
                let i = LeaveUnit::ALL.iter().position(|&x| x == u).unwrap_or(0);
                if let Some(words) = p.units.get(i) {
                    parts.push(words.to_string());
                }
            }
            if cl.and_then(|c| c.service_weeks) == Some(0) && !parts.is_empty() {
                parts.push(p.first_day.to_string());
            }
            offer(d.on, parts, None)
        }
        PolicySource::Dependants => {
            let dp = answers.map(|a| &a.dependants);
            let on = d.on && dp.and_then(|x| x.time_off) != Some(false);
            let mut parts = Vec::new();
            if let Some(n) = dp.and_then(|x| x.paid_days).filter(|&n| n > 0) {
                parts.push(quantity(p.emergency_paid, &Unit::Day.quantity(n), n));
            }
            if dp.and_then(|x| x.excluded_from_absence_triggers) == Some(true) {
                parts.push(p.no_triggers.to_string());
            }
            let lead = d.detail.trim_end_matches('.');
            offer(on, parts, Some(lead))
        }
    }
}

// ── Validation ─────────────────────────────────────────────────────────────────────

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
struct Checks {
    out: Vec<Problem>,
    /// Also what an unfinished scheme lacks (blank names, nothing switched on).
    complete: bool,
}

impl Checks {
    fn add(&mut self, field: String, message: String) {
        self.out.push(Problem { field, message });
    }

    /// Text no longer than [`MAX_TEXT_CHARS`]; with `blank`, and when checking for
    /// completeness, not blank either.
    fn text(&mut self, field: String, t: &str, what: &str, blank: Option<&str>) {
        if too_long(t) {
            self.add(field, format!("{what} must be {MAX_TEXT_CHARS} characters or fewer"));
        } else if let Some(b) = blank.filter(|_| self.complete && t.trim().is_empty()) {
            self.add(field, b.into());
        }
    }

    /// Each ID known, and listed once.
    fn ids(&mut self, list: &[&str], at: &dyn Fn(usize) -> String, known: &dyn Fn(&str) -> bool, what: &str) {
        for (i, x) in list.iter().enumerate() {
            if !known(x) {
                self.add(at(i), format!("{} is not {what}", quoted(x)));
            } else if list[..i].contains(x) {
                self.add(at(i), format!("{} is listed more than once", quoted(x)));
            }
        }
    }

    fn most(&mut self, field: &str, n: usize, what: &str) {
        if n > MAX_ITEMS {
            self.add(field.into(), format!("Give up to {MAX_ITEMS} {what}"));
        }
    }

    fn one_of(&mut self, field: &str, value: &str, known: &[&str], message: &str) {
        if !known.contains(&value) {
            self.add(field.into(), message.into());
        }
    }
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn check(s: &Scheme, complete: bool) -> Vec<Problem> {
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

// ── Outputs as structure ───────────────────────────────────────────────────────────

/// A printable document: the passport template, the guide or the briefing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Which document: `template`, `guide`, `briefing`.
    pub part: Part,
    pub title: String,
    /// A short line under the title; empty when none.
    pub subtitle: String,
    pub intro: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Stable: `details`, `field:<field ID>`, `storage`, `contacts`, `stage:<ID>`, …
    pub id: String,
    pub heading: String,
    pub items: Vec<Item>,
}

/// A tick box: a label and optional detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tick {
    pub label: String,
    pub detail: String,
}

/// A contact as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactLine {
    /// "HR contact", "Local carers' service".
    pub kind: String,
    pub name: String,
    /// A safe link (see [`link_ok`]) and its printed text; `None` when there is none.
    pub href: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Item {
    /// A paragraph.
    Text {
        text: String,
    },
    /// A question to the person filling in the form.
    Prompt {
        text: String,
    },
    /// Empty lines to write on.
    Lines {
        count: u32,
    },
    /// "Label: ________".
    Blank {
        label: String,
    },
    /// Tick boxes. With `columns` (the option's heading, the write-in heading) they are
    /// a table with a column to write in; without, a list.
    Ticks {
        columns: Option<[String; 2]>,
        options: Vec<Tick>,
    },
    Bullets {
        items: Vec<String>,
    },
    Subheading {
        text: String,
    },
    /// A row per person signing, with what to write.
    Signatures {
        note: String,
        who: Vec<String>,
    },
    Contacts {
        contacts: Vec<ContactLine>,
    },
}

/// The three documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Template,
    Guide,
    Briefing,
}

id_list!(Part: Template = "template", Guide = "guide", Briefing = "briefing");

/// "every 12 months", "every month".
pub fn every(months: u32) -> String {
    if months == 1 {
        "every month".into()
    } else {
        format!("every {months} months")
    }
}

/// Fills `{name}` and `{every}` in one pass, so a name containing `{every}` stays as typed.
fn fill(template: &str, s: &Scheme) -> String {
    text::fill(template, &[("name", s.name.trim()), ("every", &every(s.review.months))])
}

fn text(t: impl Into<String>) -> Item {
    Item::Text { text: t.into() }
}

fn bullets(items: Vec<String>) -> Item {
    Item::Bullets { items }
}

fn offer_ticks(s: &Scheme) -> Vec<Tick> {
    s.offers_on().map(|o| Tick { label: o.label.trim().to_string(), detail: o.detail.trim().to_string() }).collect()
}

fn offer_bullets(s: &Scheme) -> Vec<String> {
    s.offers_on()
        .map(|o| match (o.label.trim(), o.detail.trim()) {
            (l, "") => l.to_string(),
            (l, d) => format!("{l}: {d}"),
        })
        .collect()
}

fn trigger_texts(s: &Scheme) -> Vec<String> {
    let c = content();
    let standard =
        c.triggers.iter().filter(|t| s.review.triggers.iter().any(|x| x == t.id)).map(|t| t.label.to_string());
    standard.chain(s.review.own_triggers.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty())).collect()
}

fn seen_by_labels(s: &Scheme) -> Vec<String> {
    content()
        .storage
        .seen_by
        .iter()
        .filter(|c| s.storage.seen_by.iter().any(|x| x == c.id))
        .map(|c| c.label.to_string())
        .collect()
}

/// The storage and sharing rules as items.
fn storage_items(s: &Scheme) -> Vec<Item> {
    let st = &content().storage;
    let mut rules: Vec<String> = Vec::new();
    rules.extend(choice(st.kept, &s.storage.kept).map(|c| c.label.to_string()));
    rules.extend(choice(st.moves, &s.storage.moves).map(|c| c.label.to_string()));
    rules.extend(st.always.iter().map(|a| a.to_string()));
    let mut items = vec![bullets(rules)];
    let seen = seen_by_labels(s);
    if !seen.is_empty() {
        items.push(text(st.seen_by_intro));
        items.push(bullets(seen));
    }
    if !s.storage.note.trim().is_empty() {
        items.push(text(s.storage.note.trim()));
    }
    items
}

fn contact_lines(s: &Scheme) -> Vec<ContactLine> {
    let c = content();
    // HR first, then the network, local services, national advice, others: the order of
    // the kinds in the content; within a kind, the employer's order.
    let mut lines: Vec<(usize, ContactLine)> = s
        .contacts
        .iter()
        .filter(|k| !k.name.trim().is_empty())
        .map(|k| {
            let rank = c.contact_kinds.iter().position(|x| x.id == k.kind).unwrap_or(usize::MAX);
            let kind = c.contact_kind(&k.kind).map_or("", |x| x.label).to_string();
            let ok = link_ok(&k.link);
            let line = ContactLine {
                kind,
                name: k.name.trim().to_string(),
                href: ok.then(|| k.link.clone()),
                text: if ok { link_text(&k.link) } else { String::new() },
            };
            (rank, line)
        })
        .collect();
    lines.sort_by_key(|(rank, _)| *rank);
    lines.into_iter().map(|(_, l)| l).collect()
}

fn contacts_section(s: &Scheme, heading: &str) -> Option<Section> {
    let contacts = contact_lines(s);
    (!contacts.is_empty()).then(|| Section {
        id: "contacts".into(),
        heading: heading.into(),
        items: vec![Item::Contacts { contacts }],
    })
}

/// The passport template's sections: "About you", each chosen field in the content's
/// order, the storage and sharing rules, and the contacts.
pub fn template_sections(s: &Scheme) -> Vec<Section> {
    let c = content();
    let t = &c.template;
    let mut out = vec![Section {
        id: "details".into(),
        heading: t.details_heading.into(),
        items: t.details.iter().map(|d| Item::Blank { label: d.to_string() }).collect(),
    }];
    for f in s.included_fields() {
        let mut items = vec![Item::Prompt { text: fill(f.prompt, s) }];
        match f.kind {
            FieldKind::Write => {}
            FieldKind::Support => {
                let options = offer_ticks(s);
                if !options.is_empty() {
                    items.push(Item::Ticks {
                        columns: Some([t.support_column.into(), t.agreed_column.into()]),
                        options,
                    });
                }
                if f.lines > 0 {
                    items.push(text(t.support_other));
                }
            }
            FieldKind::Consent => {
                let options: Vec<Tick> = seen_by_labels(s)
                    .into_iter()
                    .map(|label| Tick { label: upper_first(&label), detail: String::new() })
                    .collect();
                if !options.is_empty() {
                    items.push(Item::Ticks { columns: None, options });
                }
                items.push(Item::Blank { label: t.consent_other.into() });
            }
            FieldKind::Review => {
                items.push(Item::Blank { label: t.next_review.into() });
                let triggers = trigger_texts(s);
                if !triggers.is_empty() {
                    items.push(text(t.sooner));
                    items.push(bullets(triggers));
                }
            }
            FieldKind::Signatures => {
                items.push(Item::Signatures {
                    note: t.signature_note.into(),
                    who: t.signers.iter().map(|w| w.to_string()).collect(),
                });
            }
        }
        if f.lines > 0 {
            items.push(Item::Lines { count: f.lines });
        }
        out.push(Section { id: format!("field:{}", f.id), heading: f.label.into(), items });
    }
    out.push(Section { id: "storage".into(), heading: c.storage.heading.into(), items: storage_items(s) });
    out.extend(contacts_section(s, t.contacts_heading));
    out
}

/// The conversation guide's sections: one per stage (prepare, talk, agree, record,
/// share, review), each with what the carer and the manager do and what the scheme
/// adds there; then the contacts.
pub fn guide_sections(s: &Scheme) -> Vec<Section> {
    let c = content();
    let g = &c.guide;
    let mut out = Vec::new();
    for (n, st) in g.stages.iter().enumerate() {
        let mut items = vec![
            Item::Subheading { text: g.carer.into() },
            bullets(st.carer.iter().map(|x| fill(x, s)).collect()),
            Item::Subheading { text: g.manager.into() },
            bullets(st.manager.iter().map(|x| fill(x, s)).collect()),
        ];
        match st.adds {
            Some(StageAdds::Support) => {
                let offers = offer_bullets(s);
                if !offers.is_empty() {
                    items.push(Item::Subheading { text: g.support_heading.into() });
                    items.push(bullets(offers));
                }
            }
            Some(StageAdds::Sharing) => {
                items.push(Item::Subheading { text: c.storage.heading.into() });
                items.extend(storage_items(s));
            }
            Some(StageAdds::Review) => {
                items.push(text(fill(c.briefing.review_rule, s)));
                let triggers = trigger_texts(s);
                if !triggers.is_empty() {
                    items.push(bullets(triggers));
                }
            }
            Some(StageAdds::Contacts) => {
                let contacts = contact_lines(s);
                if !contacts.is_empty() {
                    items.push(Item::Contacts { contacts });
                }
            }
            None => {}
        }
        out.push(Section { id: format!("stage:{}", st.id), heading: format!("{}. {}", n + 1, st.heading), items });
    }
    out.extend(contacts_section(s, c.template.contacts_heading));
    out
}

/// The one-page manager briefing's sections: what a passport is, who can have one,
/// the scheme's rules, the support menu, do and do not, where to get help.
pub fn briefing_sections(s: &Scheme) -> Vec<Section> {
    let c = content();
    let b = &c.briefing;
    let mut out = vec![Section {
        id: "what".into(),
        heading: b.what_heading.into(),
        items: vec![bullets(b.what.iter().map(|x| fill(x, s)).collect())],
    }];
    let mut who = vec![text(c.eligibility.label)];
    if !s.eligibility.note.trim().is_empty() {
        who.push(text(s.eligibility.note.trim()));
    }
    out.push(Section { id: "eligibility".into(), heading: c.template.eligibility_heading.into(), items: who });
    let mut rules = vec![text(fill(b.review_rule, s))];
    let triggers = trigger_texts(s);
    if !triggers.is_empty() {
        rules.push(bullets(triggers));
    }
    rules.push(Item::Subheading { text: c.storage.heading.into() });
    rules.extend(storage_items(s));
    out.push(Section { id: "rules".into(), heading: b.rules_heading.into(), items: rules });
    out.push(Section {
        id: "support".into(),
        heading: b.support_heading.into(),
        items: vec![bullets(offer_bullets(s))],
    });
    out.push(Section {
        id: "do".into(),
        heading: b.do_heading.into(),
        items: vec![bullets(b.dos.iter().map(|x| fill(x, s)).collect())],
    });
    out.push(Section {
        id: "dont".into(),
        heading: b.dont_heading.into(),
        items: vec![bullets(b.donts.iter().map(|x| fill(x, s)).collect())],
    });
    out.extend(contacts_section(s, b.contacts_heading));
    out
}

/// One of the three documents, with its title and introduction.
pub fn document(s: &Scheme, part: Part) -> Document {
    let c = content();
    let name = s.name.trim().to_string();
    match part {
        Part::Template => Document {
            part,
            title: if name.is_empty() { "Carer passport".into() } else { name },
            subtitle: c.template.subtitle.into(),
            intro: c.template.intro.into(),
            sections: template_sections(s),
        },
        Part::Guide => Document {
            part,
            title: fill(c.guide.title, s),
            subtitle: String::new(),
            intro: fill(c.guide.intro, s),
            sections: guide_sections(s),
        },
        Part::Briefing => Document {
            part,
            title: fill(c.briefing.title, s),
            subtitle: String::new(),
            intro: fill(c.briefing.intro, s),
            sections: briefing_sections(s),
        },
    }
}

// ── HTML ───────────────────────────────────────────────────────────────────────────

use escape::html as escape_html;

fn item_html(out: &mut String, item: &Item) {
    let e = escape_html;
    match item {
        Item::Text { text } => {
            let _ = write!(out, "<p class=\"cb-print-text\">{}</p>", e(text));
        }
        Item::Prompt { text } => {
            let _ = write!(out, "<p class=\"cb-print-prompt\">{}</p>", e(text));
        }
        Item::Lines { count } => {
            out.push_str("<div class=\"cb-print-lines\">");
            for _ in 0..*count {
                out.push_str("<div class=\"cb-print-line\"></div>");
            }
            out.push_str("</div>");
        }
        Item::Blank { label } => {
            let _ = write!(out, "<p class=\"cb-print-blank\"><span class=\"cb-print-label\">{}:</span><span class=\"cb-print-fill\"></span></p>", e(label));
        }
        Item::Ticks { columns: Some([option, agreed]), options } => {
            let _ = write!(
                out,
                "<table class=\"cb-print-ticks\"><thead><tr><th class=\"cb-print-tick-col\" scope=\"col\">\u{2713}</th>\
                 <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
                e(option),
                e(agreed)
            );
            for t in options {
                let _ = write!(
                    out,
                    "<tr><td class=\"cb-print-box\">\u{2610}</td><td><span class=\"cb-print-option\">{}</span>",
                    e(&t.label)
                );
                if !t.detail.is_empty() {
                    let _ = write!(out, "<span class=\"cb-print-detail\">{}</span>", e(&t.detail));
                }
                out.push_str("</td><td class=\"cb-print-write\"></td></tr>");
            }
            out.push_str("</tbody></table>");
        }
        Item::Ticks { columns: None, options } => {
            out.push_str("<ul class=\"cb-print-checklist\">");
            for t in options {
                let _ = write!(
                    out,
                    "<li><span class=\"cb-print-box\">\u{2610}</span> <span class=\"cb-print-option\">{}</span>",
                    e(&t.label)
                );
                if !t.detail.is_empty() {
                    let _ = write!(out, " <span class=\"cb-print-detail\">{}</span>", e(&t.detail));
                }
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        Item::Bullets { items } => {
            out.push_str("<ul class=\"cb-print-list\">");
            for i in items {
                let _ = write!(out, "<li>{}</li>", e(i));
            }
            out.push_str("</ul>");
        }
        Item::Subheading { text } => {
            let _ = write!(out, "<h3 class=\"cb-print-subheading\">{}</h3>", e(text));
        }
        Item::Signatures { note, who } => {
            out.push_str("<table class=\"cb-print-signatures\"><tbody>");
            for w in who {
                let _ = write!(
                    out,
                    "<tr><th scope=\"row\">{}</th><td class=\"cb-print-write\"><span class=\"cb-print-hint\">{}</span></td></tr>",
                    e(w),
                    e(note)
                );
            }
            out.push_str("</tbody></table>");
        }
        Item::Contacts { contacts } => {
            out.push_str("<ul class=\"cb-print-contacts\">");
            for c in contacts {
                out.push_str("<li>");
                if !c.kind.is_empty() {
                    let _ = write!(out, "<span class=\"cb-print-label\">{}:</span> ", e(&c.kind));
                }
                out.push_str(&e(&c.name));
                if let Some(href) = &c.href {
                    let _ = write!(out, " \u{2013} <a class=\"cb-print-link\" href=\"{}\">{}</a>", e(href), e(&c.text));
                }
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
    }
}

/// A document as an HTML fragment (`<article class="cb-print cb-print-template">…`),
/// every text escaped. Style it with the `cb-print-` classes (see [`PRINT_CSS`]).
pub fn to_html(d: &Document) -> String {
    let e = escape_html;
    let mut out = String::new();
    let _ = write!(out, "<article class=\"cb-print cb-print-{}\"><header class=\"cb-print-header\">", d.part.id());
    let _ = write!(out, "<h1 class=\"cb-print-title\">{}</h1>", e(&d.title));
    if !d.subtitle.is_empty() {
        let _ = write!(out, "<p class=\"cb-print-subtitle\">{}</p>", e(&d.subtitle));
    }
    if !d.intro.is_empty() {
        let _ = write!(out, "<p class=\"cb-print-intro\">{}</p>", e(&d.intro));
    }
    out.push_str("</header><div class=\"cb-print-body\">");
    for s in &d.sections {
        let _ = write!(out, "<section class=\"cb-print-section\" data-section=\"{}\">", e(&s.id));
        let _ = write!(out, "<h2 class=\"cb-print-heading\">{}</h2>", e(&s.heading));
        for i in &s.items {
            item_html(&mut out, i);
        }
        out.push_str("</section>");
    }
    out.push_str("</div></article>");
    out
}

/// The document for a part of the scheme, as an HTML fragment.
pub fn html(s: &Scheme, part: Part) -> String {
    to_html(&document(s, part))
}

/// Minimal print styles for the `cb-print-` classes: A4, lines to write on, tick boxes.
pub const PRINT_CSS: &str = include_str!("../../style/passport-print.css");

/// A whole HTML page for one document, with [`PRINT_CSS`]: what the command line
/// prints, ready to open in a browser and print.
pub fn standalone_html(s: &Scheme, part: Part) -> String {
    let d = document(s, part);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{PRINT_CSS}</style>\n</head>\n<body>\n{}\n</body>\n</html>\n",
        escape_html(&d.title),
        to_html(&d)
    )
}

// ── Launch tasks and evidence ──────────────────────────────────────────────────────

/// An action for the plan that launches the scheme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LaunchTask {
    /// Stable: `passport:consult`, `passport:first-review`, …
    pub id: &'static str,
    pub title: String,
    pub why: String,
    pub owner: Owner,
    pub priority: Priority,
    /// Days after the plan's start date.
    pub due_in_days: u32,
    /// How the employer will know it worked.
    pub success: String,
}

/// The tasks that launch the scheme, in the content's order. The first review falls one
/// review cycle after the scheme is published.
pub fn launch_tasks(s: &Scheme) -> Vec<LaunchTask> {
    let cycle_days = s.review.months.clamp(1, 24) * 365 / 12;
    content()
        .tasks
        .iter()
        .filter(|t| match t.when {
            TaskWhen::Always => true,
            TaskWhen::NoHrContact => !s.has_contact("hr"),
            TaskWhen::NoNetworkContact => !s.has_contact("network"),
        })
        .map(|t| LaunchTask {
            id: t.id,
            title: fill(t.title, s),
            why: fill(t.why, s),
            owner: t.owner,
            priority: t.priority,
            due_in_days: t.due_in_days + if t.after_review { cycle_days } else { 0 },
            success: fill(t.success, s),
        })
        .collect()
}

/// An indicator the scheme is evidence for, with a note to show beside it. A
/// suggestion only: scoring never uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub indicator: &'static str,
    pub note: String,
}

/// The indicators this scheme evidences, in the content's order (the mapping is in
/// `passport.toml`, checked against criteria.toml when building).
pub fn evidenced_indicators(s: &Scheme) -> Vec<Evidence> {
    content()
        .evidence
        .iter()
        .filter(|e| match e.when {
            EvidenceWhen::Always => true,
            EvidenceWhen::HrContact => s.has_contact("hr"),
            EvidenceWhen::NetworkOrHrContact => s.has_contact("hr") || s.has_contact("network"),
            EvidenceWhen::OutsideHelp => s.has_contact("local_service") || s.has_contact("national"),
            EvidenceWhen::YearlyReview => (1..=12).contains(&s.review.months),
            EvidenceWhen::AnyOffer(ids) => s.offers_on().any(|o| ids.contains(&o.id.as_str())),
        })
        .map(|e| Evidence { indicator: e.indicator, note: fill(e.note, s) })
        .collect()
}

/// The scheme's launch tasks as seeds for the action plan (`task:passport:…`), all open
/// while the scheme exists; none without one. A task that stops applying (an HR contact
/// is added, say) drops out, and the plan keeps it as resolved if it was shown.
pub fn plan_seeds(a: &Assessment) -> Vec<Seed> {
    let Some(s) = passport_scheme(a) else { return Vec::new() };
    launch_tasks(&s)
        .into_iter()
        .map(|t| Seed {
            id: t.id.to_string(),
            title: t.title,
            why: t.why,
            owner: plan::owner_label(t.owner).to_string(),
            priority: t.priority,
            due_in_days: t.due_in_days,
            success: t.success,
            open: true,
        })
        .collect()
}

// ── In the file ───────────────────────────────────────────────────────────────────

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
fn scheme(c: &mut Checker, v: &Value) -> Option<Scheme> {
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

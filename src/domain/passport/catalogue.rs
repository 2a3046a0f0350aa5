//! The passport's words, standard fields, offers and choices, from `src/content/passport.toml`.

use super::*;

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

/// National advice for carers in one nation (Carers UK, Carers Wales, Carers Scotland,
/// Carers NI).
#[derive(Debug, PartialEq, Eq)]
pub struct NationalContact {
    pub nation: Nation,
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
    /// Added where an answer is below the law: `{was}` the answer, `{rule}` the rule's ID.
    pub below_law: &'static str,
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

pub(super) fn choice(list: &'static [Choice], id: &str) -> Option<&'static Choice> {
    list.iter().find(|c| c.id == id)
}

pub(super) fn default_choice(list: &'static [Choice]) -> String {
    list.iter().find(|c| c.default).map_or("", |c| c.id).to_string()
}

//! The employer's scheme: what it holds, the suggested one, and refreshing its offers from
//! the policy answers without losing the employer's edits.

use super::*;

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
    /// links (title, address) followed by the national advice for the organisation's
    /// nation (Carers UK, Carers Wales, Carers Scotland or Carers NI).
    ///
    /// The rights in the menu are those in force on `on` in the organisation's nation
    /// (see `offers_from`).
    pub fn suggested(assessment: &Assessment, signposting: &[(String, String)], on: NaiveDate) -> Scheme {
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
        let nation = assessment.organisation.nation;
        for n in c.national_contacts.iter().filter(|n| n.nation == nation) {
            contacts.push(Contact { kind: "national".into(), name: n.name.into(), link: n.link.into() });
        }
        Scheme {
            name,
            eligibility: Eligibility::default(),
            fields: c.fields.iter().filter(|f| f.default || f.required).map(|f| f.id.to_string()).collect(),
            support: menu(assessment.policies.as_ref(), nation, on),
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
    ///
    /// The rights are those in force on `on` in `nation`, so a detail pre-filled under
    /// older law, or from answers since corrected, is brought up to date.
    pub fn refresh_from_policy(&mut self, answers: Option<&PolicyAnswers>, nation: Nation, on: NaiveDate) -> Refresh {
        let fresh = policy_offers(answers, nation, on);
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

    pub(super) fn has_contact(&self, kind: &str) -> bool {
        self.contacts.iter().any(|c| c.kind == kind && !c.name.trim().is_empty())
    }
}

/// A policy-backed offer: a standard offer with a `from`, or a way of working.
pub(super) fn is_policy_offer(id: &str) -> bool {
    id.starts_with("arrangement.") || content().offers.iter().any(|d| d.id == id && d.from.is_some())
}

/// Menu order: standard offers in the content's order (ways of working where the
/// `arrangement` entry is, in the policy question's order), the employer's own last.
pub(super) fn offer_rank(id: &str) -> (usize, u32) {
    let offers = content().offers;
    if let Some(a) = id.strip_prefix("arrangement.") {
        let at = offers.iter().position(|d| d.from == Some(PolicySource::Arrangements)).unwrap_or(usize::MAX);
        return (at, Arrangement::from_id(a).map_or(u32::MAX, Arrangement::rank));
    }
    (offers.iter().position(|d| d.id == id).unwrap_or(usize::MAX), 0)
}

/// The whole menu for a new scheme, in order.
pub(super) fn menu(answers: Option<&PolicyAnswers>, nation: Nation, on: NaiveDate) -> Vec<Offer> {
    content()
        .offers
        .iter()
        .flat_map(|d| match d.from {
            Some(source) => offers_from(d, source, answers, nation, on),
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

/// The offers pre-filled from the policy answers, as a new scheme would have them on
/// `on` in `nation`.
pub fn policy_offers(answers: Option<&PolicyAnswers>, nation: Nation, on: NaiveDate) -> Vec<Offer> {
    content().offers.iter().filter_map(|d| d.from.map(|s| offers_from(d, s, answers, nation, on))).flatten().collect()
}

/// The scheme to show and print for an assessment on `on`: the stored one with its
/// pre-filled details brought up to date with the policy answers and the law in force
/// (the employer's edits kept, see [`Scheme::refresh_from_policy`]), or else the one
/// suggested from them and the council's signposting links.
pub fn current_scheme(assessment: &Assessment, signposting: &[(String, String)], on: NaiveDate) -> Scheme {
    match passport_scheme(assessment) {
        Some(mut s) => {
            s.refresh_from_policy(assessment.policies.as_ref(), assessment.organisation.nation, on);
            s
        }
        None => Scheme::suggested(assessment, signposting, on),
    }
}

/// The employee's rights from the policy answers and the law in force, noting each
/// answer below the law with the point to decide (`prefill.below_law`).
struct Rights<'a> {
    answers: Option<&'a PolicyAnswers>,
    nation: Nation,
    on: NaiveDate,
    notes: Vec<String>,
}

impl Rights<'_> {
    /// The level to state for a question: the answer, or the legal minimum where the
    /// answer is below it; `None` while unanswered.
    fn get(&mut self, field: Field) -> Option<u32> {
        let r = policy::right(self.answers?, field, self.nation, self.on)?;
        if let Some((rule, answer)) = r.below {
            let was = field.describe(answer);
            self.notes.push(text::fill(content().prefill.below_law, &[("was", &was), ("rule", rule.id)]));
        }
        Some(r.level)
    }
}

/// Replaces `{q}` and `{n}`.
pub(super) fn quantity(template: &str, q: &str, n: u32) -> String {
    template.replace("{q}", q).replace("{n}", &n.to_string())
}

/// The offers one standard offer gives from the policy answers. The rights stated (length
/// of service, requests, decision time, days, smallest unit, whether leave and emergency
/// time off are given) are the employer's answers where they meet the law in force on
/// `on` in `nation`, and the legal minimum where they do not, followed by the point to
/// decide: the same answers and law as the draft policy, so no passport states less than
/// the law.
pub(super) fn offers_from(
    d: &OfferDef,
    source: PolicySource,
    answers: Option<&PolicyAnswers>,
    nation: Nation,
    on: NaiveDate,
) -> Vec<Offer> {
    let p = &content().prefill;
    let mut r = Rights { answers, nation, on, notes: Vec::new() };
    let offer = |on: bool, parts: Vec<String>, lead: Option<&str>, notes: Vec<String>| {
        let mut detail = if parts.is_empty() {
            d.detail.to_string()
        } else {
            let joined = parts.join(p.separator);
            match lead {
                Some(lead) => format!("{lead}{}{joined}.", p.separator),
                None => upper_first(&joined) + ".",
            }
        };
        for n in notes {
            detail.push(' ');
            detail += &n;
        }
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
            let mut parts = Vec::new();
            match r.get(Field::FlexibleWorkingServiceWeeks) {
                Some(0) => parts.push(p.first_day.to_string()),
                Some(w) => parts.push(quantity(p.after_service, &Unit::Week.quantity(w), w)),
                None => {}
            }
            if let Some(n) = r.get(Field::FlexibleWorkingRequestsPerYear).filter(|&n| n > 0) {
                parts.push(quantity(p.requests, &Unit::Request.quantity(n), n));
            }
            if let Some(m) = r.get(Field::FlexibleWorkingDecisionMonths) {
                parts.push(quantity(p.decision, &Unit::Month.quantity(m), m));
            }
            offer(d.on, parts, Some(p.flexible_working), r.notes)
        }
        PolicySource::CarersLeave => {
            let cl = answers.map(|a| &a.carers_leave);
            // Where the law gives carer's leave, it is offered whatever the answer says.
            if r.get(Field::CarersLeaveOffered) == Some(0) {
                return offer(false, vec![], None, r.notes);
            }
            let mut parts = Vec::new();
            if let Some(days) = r.get(Field::CarersLeaveDaysPerYear).filter(|&d| d > 0) {
                let mut s = quantity(p.leave, &Unit::Day.quantity(days), days);
                match cl.and_then(|c| c.paid_days) {
                    Some(0) => s += &format!(", {}", p.unpaid),
                    Some(paid) => s += &format!(", {}", quantity(p.paid, &Unit::Day.quantity(paid), paid)),
                    None => {}
                }
                parts.push(s);
            }
            if let Some(u) = r.get(Field::CarersLeaveSmallestUnit) {
                if let Some(words) = p.units.get(u as usize) {
                    parts.push(words.to_string());
                }
            }
            match r.get(Field::CarersLeaveServiceWeeks) {
                Some(0) if !parts.is_empty() => parts.push(p.first_day.to_string()),
                Some(w) if w > 0 && !parts.is_empty() => {
                    parts.push(quantity(p.after_service, &Unit::Week.quantity(w), w))
                }
                _ => {}
            }
            offer(d.on, parts, None, r.notes)
        }
        PolicySource::Dependants => {
            let dp = answers.map(|a| &a.dependants);
            // The right to this time off is the law in every nation: `get` states it.
            let on = d.on && r.get(Field::DependantsTimeOff) != Some(0);
            let mut parts = Vec::new();
            if let Some(n) = dp.and_then(|x| x.paid_days).filter(|&n| n > 0) {
                parts.push(quantity(p.emergency_paid, &Unit::Day.quantity(n), n));
            }
            if dp.and_then(|x| x.excluded_from_absence_triggers) == Some(true) {
                parts.push(p.no_triggers.to_string());
            }
            let lead = d.detail.trim_end_matches('.');
            offer(on, parts, Some(lead), r.notes)
        }
    }
}

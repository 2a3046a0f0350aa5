//! The passport template, the conversation guide and the manager briefing as plain
//! structure (sections of items), for HTML and Word alike.

use super::*;

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
pub(super) fn fill(template: &str, s: &Scheme) -> String {
    text::fill(template, &[("name", s.name.trim()), ("every", &every(s.review.months))])
}

pub(super) fn text(t: impl Into<String>) -> Item {
    Item::Text { text: t.into() }
}

pub(super) fn bullets(items: Vec<String>) -> Item {
    Item::Bullets { items }
}

pub(super) fn offer_ticks(s: &Scheme) -> Vec<Tick> {
    s.offers_on().map(|o| Tick { label: o.label.trim().to_string(), detail: o.detail.trim().to_string() }).collect()
}

pub(super) fn offer_bullets(s: &Scheme) -> Vec<String> {
    s.offers_on()
        .map(|o| match (o.label.trim(), o.detail.trim()) {
            (l, "") => l.to_string(),
            (l, d) => format!("{l}: {d}"),
        })
        .collect()
}

pub(super) fn trigger_texts(s: &Scheme) -> Vec<String> {
    let c = content();
    let standard =
        c.triggers.iter().filter(|t| s.review.triggers.iter().any(|x| x == t.id)).map(|t| t.label.to_string());
    standard.chain(s.review.own_triggers.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty())).collect()
}

pub(super) fn seen_by_labels(s: &Scheme) -> Vec<String> {
    content()
        .storage
        .seen_by
        .iter()
        .filter(|c| s.storage.seen_by.iter().any(|x| x == c.id))
        .map(|c| c.label.to_string())
        .collect()
}

/// The storage and sharing rules as items.
pub(super) fn storage_items(s: &Scheme) -> Vec<Item> {
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

pub(super) fn contact_lines(s: &Scheme) -> Vec<ContactLine> {
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

pub(super) fn contacts_section(s: &Scheme, heading: &str) -> Option<Section> {
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

//! The passport template, the conversation guide and the manager briefing, built as
//! [`Document`]s (sections of blocks) for HTML and Word alike.

use super::*;
use crate::domain::document::{strong, Block, Document, Section, Text, Tick};

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

pub(super) fn text(t: impl Into<String>) -> Block {
    Block::Paragraph(Text::from(t.into()))
}

pub(super) fn bullets(items: Vec<String>) -> Block {
    Block::Bullets(items.into_iter().map(Text::from).collect())
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

/// The storage and sharing rules as blocks.
pub(super) fn storage_items(s: &Scheme) -> Vec<Block> {
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

/// The contacts, one line each: "HR contact: Pat Jones – hr@acme.example.org", with
/// the link only when it is safe (see [`link_ok`]).
pub(super) fn contact_lines(s: &Scheme) -> Vec<Text> {
    let c = content();
    // HR first, then the network, local services, national advice, others: the order of
    // the kinds in the content; within a kind, the employer's order.
    let mut lines: Vec<(usize, Text)> = s
        .contacts
        .iter()
        .filter(|k| !k.name.trim().is_empty())
        .map(|k| {
            let rank = c.contact_kinds.iter().position(|x| x.id == k.kind).unwrap_or(usize::MAX);
            let mut line = match c.contact_kind(&k.kind) {
                Some(kind) => strong(format!("{}:", kind.label)).plain(" "),
                None => Text::default(),
            };
            line = line.plain(k.name.trim());
            if link_ok(&k.link) {
                line = line.plain(" \u{2013} ").link(k.link.as_str(), link_text(&k.link));
            }
            (rank, line)
        })
        .collect();
    lines.sort_by_key(|(rank, _)| *rank);
    lines.into_iter().map(|(_, l)| l).collect()
}

pub(super) fn contacts_section(s: &Scheme, heading: &str) -> Option<Section> {
    let contacts = contact_lines(s);
    (!contacts.is_empty()).then(|| Section::new("contacts", heading, vec![Block::Bullets(contacts)]))
}

/// The passport template's sections: "About you", each chosen field in the content's
/// order, the storage and sharing rules, and the contacts.
pub fn template_sections(s: &Scheme) -> Vec<Section> {
    let c = content();
    let t = &c.template;
    let mut out = vec![Section::new(
        "details",
        t.details_heading,
        t.details.iter().map(|d| Block::Blank(d.to_string())).collect(),
    )];
    for f in s.included_fields() {
        let mut items = vec![Block::Prompt(fill(f.prompt, s))];
        match f.kind {
            FieldKind::Write => {}
            FieldKind::Support => {
                let options = offer_ticks(s);
                if !options.is_empty() {
                    items.push(Block::Ticks {
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
                    items.push(Block::Ticks { columns: None, options });
                }
                items.push(Block::Blank(t.consent_other.into()));
            }
            FieldKind::Review => {
                items.push(Block::Blank(t.next_review.into()));
                let triggers = trigger_texts(s);
                if !triggers.is_empty() {
                    items.push(text(t.sooner));
                    items.push(bullets(triggers));
                }
            }
            FieldKind::Signatures => {
                items.push(Block::Signatures {
                    note: t.signature_note.into(),
                    who: t.signers.iter().map(|w| w.to_string()).collect(),
                });
            }
        }
        if f.lines > 0 {
            items.push(Block::Lines(f.lines));
        }
        out.push(Section::new(format!("field:{}", f.id), f.label, items));
    }
    out.push(Section::new("storage", c.storage.heading, storage_items(s)));
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
            Block::Subheading(g.carer.into()),
            bullets(st.carer.iter().map(|x| fill(x, s)).collect()),
            Block::Subheading(g.manager.into()),
            bullets(st.manager.iter().map(|x| fill(x, s)).collect()),
        ];
        match st.adds {
            Some(StageAdds::Support) => {
                let offers = offer_bullets(s);
                if !offers.is_empty() {
                    items.push(Block::Subheading(g.support_heading.into()));
                    items.push(bullets(offers));
                }
            }
            Some(StageAdds::Sharing) => {
                items.push(Block::Subheading(c.storage.heading.into()));
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
                    items.push(Block::Bullets(contacts));
                }
            }
            None => {}
        }
        out.push(Section::new(format!("stage:{}", st.id), format!("{}. {}", n + 1, st.heading), items));
    }
    out.extend(contacts_section(s, c.template.contacts_heading));
    out
}

/// The one-page manager briefing's sections: what a passport is, who can have one,
/// the scheme's rules, the support menu, do and do not, where to get help.
pub fn briefing_sections(s: &Scheme) -> Vec<Section> {
    let c = content();
    let b = &c.briefing;
    let mut out =
        vec![Section::new("what", b.what_heading, vec![bullets(b.what.iter().map(|x| fill(x, s)).collect())])];
    let mut who = vec![text(c.eligibility.label)];
    if !s.eligibility.note.trim().is_empty() {
        who.push(text(s.eligibility.note.trim()));
    }
    out.push(Section::new("eligibility", c.template.eligibility_heading, who));
    let mut rules = vec![text(fill(b.review_rule, s))];
    let triggers = trigger_texts(s);
    if !triggers.is_empty() {
        rules.push(bullets(triggers));
    }
    rules.push(Block::Subheading(c.storage.heading.into()));
    rules.extend(storage_items(s));
    out.push(Section::new("rules", b.rules_heading, rules));
    out.push(Section::new("support", b.support_heading, vec![bullets(offer_bullets(s))]));
    out.push(Section::new("do", b.do_heading, vec![bullets(b.dos.iter().map(|x| fill(x, s)).collect())]));
    out.push(Section::new("dont", b.dont_heading, vec![bullets(b.donts.iter().map(|x| fill(x, s)).collect())]));
    out.extend(contacts_section(s, b.contacts_heading));
    out
}

/// One of the three documents, with its title and introduction.
pub fn document(s: &Scheme, part: Part) -> Document {
    let c = content();
    let name = s.name.trim().to_string();
    let (title, subtitle, intro, sections) = match part {
        Part::Template => (
            if name.is_empty() { "Carer passport".into() } else { name },
            c.template.subtitle.into(),
            c.template.intro.to_string(),
            template_sections(s),
        ),
        Part::Guide => (fill(c.guide.title, s), String::new(), fill(c.guide.intro, s), guide_sections(s)),
        Part::Briefing => (fill(c.briefing.title, s), String::new(), fill(c.briefing.intro, s), briefing_sections(s)),
    };
    Document { title, subtitle, intro: intro.into(), note: Text::default(), sections }
}

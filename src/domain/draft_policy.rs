//! A draft "Supporting carers at work" policy, written from the policy answers as a
//! [`Document`] (for Markdown, Word and HTML alike). It is lawful for the nation on the
//! check date:
//!
//! - an answer that meets the law is used as it is, marked *(Enhanced …)* where it goes
//!   beyond the law or meets good practice;
//! - an answer below the law is replaced by the legal minimum and marked
//!   **[To decide: …]**, naming the rule;
//! - an unanswered question is written as the legal minimum where there is one, and
//!   marked **[To decide: …]** either way;
//! - a good-practice rule that is not met is marked **[To decide: …]**.
//!
//! Coming changes are listed, never applied. The organisation's name is the only text
//! the user typed; like every text, the renderers escape it.

use super::dates::long_date;
use super::document::{strong, Block, Document, Section, Text};
use super::organisation::Nation;
use super::policy::{
    arrangement_label, legal_minimum, nations_text, rules, Field, Finding, Grade, PolicyAnswers, Rule, RuleStatus,
};
use chrono::NaiveDate;

/// What to write for one question.
enum Pick {
    /// The employer's own answer, with a mark.
    Own(u32, Mark),
    /// The legal minimum, because the answer is missing or below the law; the note says which.
    Law(u32, String),
    /// No answer and no legal minimum: for the employer to decide.
    Open(String),
}

enum Mark {
    Plain,
    Enhanced,
    /// A good-practice rule the answer does not meet.
    GoodPractice(&'static Rule),
}

struct Draft<'a> {
    nation: Nation,
    on: NaiveDate,
    answers: &'a PolicyAnswers,
    findings: &'a [Finding],
}

impl Draft<'_> {
    fn in_force(&self, rule_id: &str) -> bool {
        rules().iter().any(|r| r.id == rule_id && r.status_on(self.nation, self.on) == RuleStatus::InForce)
    }

    /// The legal threshold for a question in force on the date, with its rule.
    fn law(&self, field: Field) -> Option<(u32, &'static Rule)> {
        legal_minimum(field, self.nation, self.on)
    }

    fn pick(&self, field: Field) -> Pick {
        let rule = |f: &Finding| rules().iter().find(|r| r.id == f.rule_id);
        let found: Vec<&Finding> =
            self.findings.iter().filter(|f| f.field == field.id() && f.grade != Grade::Coming).collect();
        let Some(level) = self.answers.level(field) else {
            let question = field.info().question;
            return match self.law(field) {
                Some((law, _)) => {
                    Pick::Law(law, format!("{question} Not answered yet: this draft uses the legal minimum."))
                }
                None => Pick::Open(question.to_string()),
            };
        };
        if let Some(b) = found.iter().find(|f| f.grade == Grade::Breach) {
            if let Some((law, _)) = self.law(field) {
                return Pick::Law(
                    law,
                    format!(
                        "your current policy says {}, which is below the law ({}). This draft uses the legal minimum.",
                        b.answer.as_deref().unwrap_or("something else"),
                        b.rule_id
                    ),
                );
            }
        }
        if found.iter().any(|f| f.grade == Grade::Enhanced) {
            return Pick::Own(level, Mark::Enhanced);
        }
        let gap =
            found.iter().filter(|f| f.grade == Grade::Minimum).filter_map(|f| rule(f)).find(|r| r.is_good_practice());
        Pick::Own(level, gap.map_or(Mark::Plain, Mark::GoodPractice))
    }

    /// A sentence for a question: `text` of the value to use, then any mark.
    fn say(&self, field: Field, text: impl Fn(u32) -> String) -> Text {
        match self.pick(field) {
            Pick::Own(v, Mark::Plain) => text(v).into(),
            Pick::Own(v, Mark::Enhanced) => Text::from(text(v)).plain(" ").emphasis(ENHANCED),
            Pick::Own(v, Mark::GoodPractice(r)) => {
                Text::from(text(v)).plain(" ").then(decide(&format!("good practice is \"{}\" ({}).", r.title(), r.id)))
            }
            Pick::Law(v, note) => Text::from(text(v)).plain(" ").then(decide(&note)),
            Pick::Open(question) => decide(&question),
        }
    }
}

const ENHANCED: &str = "(Enhanced: goes beyond the legal minimum.)";

/// A point for the employer to decide, in bold: "[To decide: …]".
fn decide(what: &str) -> Text {
    strong(format!("[To decide: {what}]"))
}

/// Sentences one after another.
fn sentences(parts: impl IntoIterator<Item = Text>) -> Text {
    parts.into_iter().fold(Text::default(), |t, p| if t.is_empty() { p } else { t.plain(" ").then(p) })
}

/// The sections, written in order.
#[derive(Default)]
struct Out(Vec<Section>);

impl Out {
    fn section(&mut self, id: &str, heading: &str) {
        self.0.push(Section::new(id, heading, Vec::new()));
    }

    fn block(&mut self, b: Block) {
        if let Some(s) = self.0.last_mut() {
            s.blocks.push(b);
        }
    }

    fn para(&mut self, t: impl Into<Text>) {
        self.block(Block::Paragraph(t.into()));
    }

    fn bullets<S: Into<Text>>(&mut self, items: impl IntoIterator<Item = S>) {
        self.block(Block::Bullets(items.into_iter().map(Into::into).collect()));
    }
}

/// "one week", "two requests", "26 weeks": numbers up to twelve in words.
fn plural(n: u32, one: &str, many: &str) -> String {
    const WORDS: [&str; 13] =
        ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    let number = WORDS.get(n as usize).map_or_else(|| n.to_string(), |w| w.to_string());
    format!("{number} {}", if n == 1 { one } else { many })
}

/// The draft policy. `findings` are [`check`](super::policy::check)'s for the same
/// answers, nation and date.
pub fn draft_policy(
    organisation: &str,
    nation: Nation,
    answers: &PolicyAnswers,
    findings: &[Finding],
    on: NaiveDate,
) -> Document {
    let d = Draft { nation, on, answers, findings };
    let org = match organisation.trim() {
        "" => "Our organisation",
        org => org,
    };
    let place = nations_text(&[nation]);
    let ni = nation == Nation::NorthernIreland;
    let intro = strong(org).plain(format!(": policy for staff in {place}. Draft of {}.", long_date(on)));
    let note = Text::from(format!(
        "This draft was written by the carer-friendly employer benchmark from your answers about your policies, \
         checked against the law in {place} on {}. It is a starting point, not legal advice: decide each point marked ",
        long_date(on)
    ))
    .strong("[To decide: …]")
    .plain(", check the draft against the law when you adopt it, and take advice if you are unsure. Points marked ")
    .emphasis("(Enhanced …)")
    .plain(" go beyond the legal minimum.");
    let mut doc = Out::default();

    doc.section("why", "1. Why this policy matters");
    doc.para(format!(
        "Around 1 in 7 of the workforce are juggling work and unpaid care (Carers UK). {org} wants carers to be able \
         to stay in work and do well at work. This policy sets out the support we offer and how to ask for it."
    ));

    doc.section("who", "2. Who this policy is for");
    doc.para(
        "A carer is anyone who looks after, without pay, a family member, partner or friend who needs help because of \
         illness, disability, a mental health condition, an addiction or old age. You do not have to tell us you are a \
         carer, but we encourage you to talk to your line manager or HR so that we can support you.",
    );

    // ── Flexible working ──
    doc.section("flexible-working", "3. Flexible working");
    let gb_2024 = d.in_force("FW-GB-DAY-ONE");
    let who = d.say(Field::FlexibleWorkingServiceWeeks, |w| match w {
        0 => "Every employee can ask for flexible working from their first day of employment.".into(),
        w => format!(
            "Every employee can ask for flexible working once they have worked for us for {}.",
            plural(w, "week", "weeks")
        ),
    });
    let often = d.say(Field::FlexibleWorkingRequestsPerYear, |n| {
        let tail = if gb_2024 { ", with one under consideration at a time" } else { "" };
        format!("You can make up to {} in any 12 months{tail}.", plural(n, "request", "requests"))
    });
    doc.para(sentences([who, often]));
    let mut how = vec![Text::from(
        "To ask, write to your line manager saying what change you would like and when you would like it to start.",
    )];
    if gb_2024 {
        // The law since 6 April 2024: no explanation is needed, so a request without one is
        // considered. A form may still invite one (lawful; good practice not to).
        how.push("You do not have to explain how the change would affect the business.".into());
        how.push(d.say(Field::FlexibleWorkingRefusesWithoutBusinessImpact, |refuses| {
            if refuses > 0 {
                "We may treat a request as incomplete if it does not explain how the change would affect the business."
                    .into()
            } else {
                "We will consider your request whether or not it explains how the change would affect the business."
                    .into()
            }
        }));
        if answers.flexible_working.asks_business_impact == Some(true) {
            how.push(d.say(Field::FlexibleWorkingAsksBusinessImpact, |_| {
                "Our request form invites you to say how you think the change would affect the business, but you do not \
                 have to."
                    .into()
            }));
        }
    } else if ni {
        how.push(Text::from(
            "Your request must also explain what effect, if any, you think the change would have on our work and how it \
             might be dealt with.",
        ));
    }
    doc.para(sentences(how));

    let meet = d.say(Field::FlexibleWorkingConsultBeforeRefusal, |yes| match (ni, yes > 0) {
        (true, true) => "Your manager will meet you to discuss your request, unless we agree to it straight away.".into(),
        (false, true) => "Before refusing a request, your manager will meet you to discuss it and any alternatives with an open mind.".into(),
        (_, false) => "Your manager may decide a request without meeting you first.".into(),
    });
    if ni {
        // Northern Ireland's law sets each step in days (SR 2003/173 regs 3 and 4).
        let meeting = d.say(Field::FlexibleWorkingMeetingDays, |n| {
            format!("The meeting will be within {} of receiving your request.", plural(n, "day", "days"))
        });
        let decision = d.say(Field::FlexibleWorkingDecisionDays, |n| {
            format!("We will tell you the decision in writing within {} of the meeting.", plural(n, "day", "days"))
        });
        doc.para(sentences([meet, meeting, decision]));
    } else {
        let decision = d.say(Field::FlexibleWorkingDecisionMonths, |m| {
            format!(
                "We will decide within {} of receiving your request, including any appeal, unless you agree to a longer time.",
                plural(m, "month", "months")
            )
        });
        doc.para(sentences([meet, decision]));
    }

    let grounds = d.say(Field::FlexibleWorkingRefusalOnlyStatutoryGrounds, |yes| {
        if yes > 0 {
            "We will agree to a request unless we cannot, and we will refuse one only for one of the eight business reasons \
             set in law, listed below."
                .into()
        } else {
            "We may refuse a request for a business reason.".into()
        }
    });
    doc.para(grounds);
    if answers.level(Field::FlexibleWorkingRefusalOnlyStatutoryGrounds) != Some(0)
        || d.law(Field::FlexibleWorkingRefusalOnlyStatutoryGrounds).is_some()
    {
        doc.bullets([
            "extra costs that would be a burden",
            "an effect on our ability to meet customer demand",
            "being unable to reorganise work among other staff",
            "being unable to recruit more staff",
            "an effect on quality",
            "an effect on performance",
            "not enough work during the times you propose to work",
            "planned structural changes",
        ]);
    }
    let reasons = d.say(Field::FlexibleWorkingExplainsRefusalInWriting, |yes| {
        if yes > 0 {
            "If we refuse, we will explain the reason to you in writing.".into()
        } else {
            "If we refuse, we will tell you which business reason applies.".into()
        }
    });
    let appeal = d.say(Field::FlexibleWorkingAppeal, |yes| match (ni, yes > 0) {
        (true, true) => "You can appeal against a refusal, setting out your grounds.".into(),
        (false, true) => "You can appeal against a refusal; where possible a different manager will hear the appeal, within the time limit above.".into(),
        (_, false) => "There is no appeal against a refusal.".into(),
    });
    if ni {
        // Art. 112G(2)(d): at least 14 days from the decision to appeal.
        let window = d.say(Field::FlexibleWorkingAppealDays, |n| {
            format!("Send your appeal within {} of the decision.", plural(n, "day", "days"))
        });
        doc.para(sentences([reasons, appeal, window]));
    } else {
        doc.para(sentences([reasons, appeal]));
    }

    doc.para("Ways of working we offer:");
    match &answers.flexible_working.arrangements {
        Some(set) if !set.is_empty() => doc.bullets(set.iter().map(|a| arrangement_label(*a))),
        Some(_) => doc.para(decide("which ways of working you offer. None are listed yet.")),
        None => doc.para(decide(Field::FlexibleWorkingArrangements.info().question)),
    }
    doc.para("You can also ask for other patterns: we will consider every request.");

    // ── Carer's leave ──
    doc.section("carers-leave", "4. Carer's leave");
    let statutory = d.in_force("CL-GB-RIGHT");
    if statutory {
        doc.para(
            "A dependant with a long-term care need is someone with an illness or injury likely to need care for more than \
             three months, a disability, or care needs because of old age. They may be a spouse, partner, child or parent, \
             someone who lives with you, or someone who reasonably relies on you for care.",
        );
    } else {
        let why = if ni { "in Northern Ireland".to_string() } else { format!("in {place} on {}", long_date(on)) };
        doc.para(format!("There is no statutory carer's leave {why}."));
    }
    let offered = answers.level(Field::CarersLeaveOffered);
    if !statutory && offered != Some(1) {
        let current = if offered == Some(0) { " Your answers say you do not offer it now." } else { "" };
        doc.para(decide(&format!(
            "whether to offer carer's leave.{current} Good practice is to match the law in Great Britain: \
             one working week a year from the first day, in half days or whole days, without asking for evidence."
        )));
    } else {
        let mut text = vec![if statutory {
            d.say(Field::CarersLeaveOffered, |_| {
                "If you have a dependant with a long-term care need, you can take carer's leave to give or arrange their care.".into()
            })
        } else {
            Text::from(
                "If you have a dependant with a long-term care need, you can take carer's leave to give or arrange their care.",
            )
            .plain(" ")
            .emphasis(ENHANCED)
        }];
        text.push(d.say(Field::CarersLeaveDaysPerYear, |n| {
            if n == 5 {
                "You can take up to one working week in any 12 months: five days if you work five days a week, in proportion for other patterns.".into()
            } else {
                format!(
                    "You can take up to {} in any 12 months if you work five days a week, in proportion for other patterns.",
                    plural(n, "day", "days")
                )
            }
        }));
        let days = answers.carers_leave.days_per_year;
        text.push(d.say(Field::CarersLeavePaidDays, |n| match n {
            0 => "Carer's leave is unpaid.".into(),
            n if days.is_some_and(|d| n >= d && d > 0) => "All of it is paid.".into(),
            n => format!("Of this, {} {} paid.", plural(n, "day", "days"), if n == 1 { "is" } else { "are" }),
        }));
        if let (Some(paid), Some(days)) = (answers.carers_leave.paid_days, days) {
            if paid > days {
                text.push(decide(&format!(
                    "your answers give {} of paid leave but {} of leave in all.",
                    plural(paid, "day", "days"),
                    plural(days, "day", "days")
                )));
            }
        }
        doc.para(sentences(text));
        let mut taking = vec![d.say(Field::CarersLeaveServiceWeeks, |w| match w {
            0 => "You can take it from your first day of employment.".into(),
            w => format!("You can take it once you have worked for us for {}.", plural(w, "week", "weeks")),
        })];
        taking.push(d.say(Field::CarersLeaveSmallestUnit, |u| match u {
            0 => "You can take it by the hour, and the days do not have to be together.".into(),
            1 => "You can take it in half days or whole days, and the days do not have to be together.".into(),
            2 => "You can take it in whole days, and the days do not have to be together.".into(),
            _ => "You take it as a whole week at a time.".into(),
        }));
        taking.push(d.say(Field::CarersLeaveNoticeDays, |n| {
            match n {
            0 => "You do not need to give notice, but please tell your manager as soon as you can.".into(),
            3 if statutory => {
                "Please give notice of three days, or twice as many days as the leave you ask for if that is longer \
                               (for example, four days' notice for two days' leave). Your manager can agree to less."
                    .into()
            }
            n => format!(
                "Please give at least {}' notice for a day's leave. Your manager can agree to less.",
                plural(n, "day", "days")
            ),
        }
        }));
        taking.push(d.say(Field::CarersLeaveNoticeInWriting, |written| {
            if written > 0 {
                "Please give your notice in writing.".into()
            } else {
                "You can give notice in any way, for example by telling your manager.".into()
            }
        }));
        taking.push(d.say(Field::CarersLeaveEvidenceRequired, |asks| {
            if asks > 0 {
                "We may ask for evidence of the caring need.".into()
            } else {
                "We will not ask for evidence of the caring need.".into()
            }
        }));
        doc.para(sentences(taking));
        doc.para(d.say(Field::CarersLeavePostponement, |p| match p {
                0 => "We will not refuse or postpone carer's leave.".into(),
                1 => "We will not refuse carer's leave. If the business would be unduly disrupted, your manager may postpone it, \
                      giving you the reasons in writing before it was due to start and agreeing new dates with you within one \
                      month of the dates you asked for."
                    .into(),
            _ => "Your manager may refuse or postpone carer's leave.".into(),
        }));
    }

    // ── Emergencies ──
    doc.section("emergencies", "5. Emergencies: time off for dependants");
    let time_off = d.say(Field::DependantsTimeOff, |yes| {
        if yes > 0 {
            "Every employee can take a reasonable amount of time off, from their first day, to deal with an emergency involving \
             a dependant: for example when a dependant falls ill or is injured, when care arrangements break down \
             unexpectedly, or after a death. Tell your manager as soon as you can why you are away and how long you expect \
             to be."
                .into()
        } else {
            "Time off for a dependant's emergency is at your manager's discretion.".into()
        }
    });
    let paid = d.say(Field::DependantsPaidDays, |n| match n {
        0 => "This time off is unpaid.".into(),
        n => format!("We pay up to {} of it in a year.", plural(n, "day", "days")),
    });
    let recorded = d.say(Field::DependantsExcludedFromAbsenceTriggers, |yes| {
        if yes > 0 {
            "We record it separately and never count it towards absence triggers or warnings.".into()
        } else {
            "It is recorded as absence.".into()
        }
    });
    doc.para(sentences([time_off, paid, recorded]));

    // ── Fair treatment, support, review ──
    doc.section("fair-treatment", "6. Fair treatment");
    let law = if ni {
        "the Disability Discrimination Act 1995, as the courts have applied it since Coleman v Attridge Law (2008)"
    } else {
        "the Equality Act 2010"
    };
    let mut fair = format!(
        "No one will be treated less favourably for being a carer, or for asking for flexible working or time off under this \
         policy. Carers are protected from discrimination and harassment because of their association with a disabled \
         person ({law})."
    );
    if statutory {
        fair += " Employees are protected from detriment and dismissal for taking, or asking to take, carer's leave.";
    }
    doc.para(fair);

    doc.section("support", "7. Getting support");
    doc.para(Text::from("Talk to your line manager or HR about what would help. ").then(decide(
        "name the contact for carers, any carers' network or staff group, your employee assistance programme and \
         the local carers' services you signpost to.",
    )));

    doc.section("review", "8. Review");
    let review = Text::from("We review this policy every year and whenever the law changes. ");
    doc.para(match answers.written_policy {
        Some(true) => review.then(decide("how this draft fits with your existing policy or guidance for carers.")),
        _ => review.plain("Once approved, it becomes our written policy for carers."),
    });

    let coming: Vec<&Finding> = findings.iter().filter(|f| f.grade == Grade::Coming).collect();
    if !coming.is_empty() {
        doc.block(Block::Subheading("Changes coming".into()));
        doc.bullets(coming.into_iter().map(|f| {
            let rule = rules().iter().find(|r| r.id == f.rule_id);
            let good_practice = rule.is_some_and(|r| r.is_good_practice());
            let ready = match rule.and_then(|r| answers.level(r.check.field).map(|l| r.check.grade(l))) {
                None => decide("not answered yet."),
                Some(Grade::Breach) => decide("your policy will need to change."),
                Some(Grade::Minimum) if good_practice => decide("whether to follow this good practice."),
                Some(_) => "Your policy already meets it.".into(),
            };
            strong(f.title).plain(format!(" ({}, {}): {} ", f.rule_id, f.when, f.explanation)).then(ready)
        }));
    }

    doc.section("sources", "Sources");
    doc.bullets(
        rules()
            .iter()
            .filter(|r| matches!(r.status_on(nation, on), RuleStatus::InForce | RuleStatus::Coming))
            .map(|r| format!("{}: {}", r.id, r.source())),
    );
    Document { title: "Supporting carers at work".into(), subtitle: String::new(), intro, note, sections: doc.0 }
}

//! Workshop mode: the running order, shares and their codes and files, the cohort, the
//! room's summary, comparisons and exports.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use carer_benchmark::domain::content::{framework, Area};
use carer_benchmark::domain::escape::csv_cell;
use carer_benchmark::domain::format::to_json;
use carer_benchmark::domain::model::Answer;
use carer_benchmark::domain::scoring::{score, CriterionStatus, LevelStatus};
use carer_benchmark::domain::workshop::*;
use common::*;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::HashSet;

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A pasted character as the reader sees it: upper case, I and L as 1, O as 0.
fn canon(c: char) -> char {
    match c.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        c => c,
    }
}

fn share_of(a: &carer_benchmark::domain::model::Assessment, consent: bool) -> Share {
    share(a, &score(framework(), a, day()), consent)
}

/// A full assessment: every indicator answered, a mix of answers, evidence on most.
fn full() -> carer_benchmark::domain::model::Assessment {
    let mut a = blank();
    for (n, i) in framework().indicators().enumerate() {
        let answer = [Answer::Yes, Answer::Yes, Answer::Partly, Answer::No][n % 4];
        a.set_answer(i.id, answer, t0());
        if n % 3 != 0 {
            a.set_evidence(i.id, "Staff handbook, section 4", t0());
        }
    }
    a
}

/// A share built by hand: one value for every area, statuses from a pattern.
fn made(participant: u32, area: u32, criteria: [CriterionStatus; 15], name: Option<&str>) -> Share {
    Share {
        participant,
        levels: levels_from_criteria(&criteria),
        areas: [area; 5],
        criteria,
        organisation: name.map(str::to_string),
    }
}

const MET: CriterionStatus = CriterionStatus::Met;
const PARTLY: CriterionStatus = CriterionStatus::Partly;
const NOT: CriterionStatus = CriterionStatus::NotMet;

/// The bits a code carries, most significant first (the tests' own base32 reader).
fn code_bits(code: &str) -> Vec<bool> {
    let payload = code.strip_prefix(PREFIX).unwrap();
    payload
        .chars()
        .filter(|&c| c != '-')
        .flat_map(|c| {
            let v = ALPHABET.find(c).unwrap();
            (0..5).rev().map(move |i| v >> i & 1 == 1)
        })
        .collect()
}

/// Whether `needle` appears in the bit string starting at any bit, not only at bytes.
fn contains_bytes(bits: &[bool], needle: &[u8]) -> bool {
    let want: Vec<bool> = needle.iter().flat_map(|&b| (0..8).rev().map(move |i| b >> i & 1 == 1)).collect();
    bits.windows(want.len()).any(|w| w == want.as_slice())
}

// ── Content ────────────────────────────────────────────────────────────────────────

#[test]
fn the_running_order_covers_every_part_with_timings_and_prompts() {
    let ids: Vec<&str> = running_order().iter().map(|s| s.id).collect();
    for want in ["welcome", "level_1", "level_2", "level_3", "policies", "passport", "action_plan", "close"] {
        assert!(ids.contains(&want), "no {want} section in {ids:?}");
    }
    let pos = |id: &str| ids.iter().position(|&x| x == id).unwrap();
    assert!(pos("welcome") == 0 && pos("close") == ids.len() - 1);
    assert!(pos("level_1") < pos("level_2") && pos("level_2") < pos("level_3") && pos("level_3") < pos("action_plan"));
    assert!((120..=180).contains(&total_minutes()), "{} minutes", total_minutes());
    let mut covered = Vec::new();
    for s in running_order() {
        assert!((2..=4).contains(&s.prompts.len()), "{}", s.id);
        assert!(s.prompts.iter().all(|p| p.ends_with('?') && p.len() > 30), "{}", s.id);
        assert!(!s.title.is_empty() && !s.purpose.is_empty() && s.minutes >= 5, "{}", s.id);
        covered.extend(s.criteria.iter().copied());
    }
    assert_eq!(covered, CRITERIA, "the level sections cover every criterion once, in order");
    for (n, level) in [(1, "level_1"), (2, "level_2"), (3, "level_3")] {
        let s = &running_order()[pos(level)];
        assert!(s.criteria.iter().all(|c| criterion_level(c) == n), "{level}");
    }
    let text: String =
        running_order().iter().flat_map(|s| s.prompts.iter().copied().chain([s.purpose, s.title])).collect();
    for us in ["organization", "recognize", "program ", "behavior", "color "] {
        assert!(!text.to_lowercase().contains(us), "US spelling {us:?}");
    }
}

#[test]
fn the_code_layout_lists_the_criteria_in_framework_order() {
    let ids: Vec<&str> = framework().criteria.iter().map(|c| c.id).collect();
    assert_eq!(ids, CRITERIA);
    for c in framework().criteria {
        assert_eq!(criterion_level(c.id), c.level);
    }
}

#[test]
fn a_timetable_runs_from_the_start_time() {
    assert_eq!(parse_time("09:30"), Ok(570));
    assert_eq!(parse_time("9:05"), Ok(545));
    for bad in ["24:00", "9.30", "09:3", "09:60", "", "ab:cd", "-1:00", "09:30:00"] {
        assert!(parse_time(bad).unwrap_err().contains("is not a time like 09:30"), "{bad}");
    }
    let t = timetable(570);
    assert_eq!(t.len(), running_order().len());
    assert_eq!((t[0].start, t[0].end), (570, 570 + running_order()[0].minutes));
    assert!(t.windows(2).all(|w| w[0].end == w[1].start));
    assert_eq!(t.last().unwrap().end, 570 + total_minutes());
    assert_eq!(clock(570), "09:30");
    assert_eq!(clock(24 * 60 + 5), "00:05");
    let md = agenda_markdown(None, 570);
    assert!(md.starts_with("# Workshop running order\n\n09:30 to "), "{md}");
    assert!(md.contains("Criteria: L1.1 Commitment to carers; L1.2 Carers' legal rights;"), "{md}");
}

#[test]
fn workshop_details_are_checked_field_by_field() {
    let w = Workshop::new("  Carers Week breakfast ", "2026-06-10", " Anytown Carers ").unwrap();
    assert_eq!(
        (w.title.as_str(), w.date.as_str(), w.organisation.as_str()),
        ("Carers Week breakfast", "2026-06-10", "Anytown Carers")
    );
    assert_eq!(w.long_date(), "10 June 2026");
    assert!(Workshop::new("T", "2026-06-10", "").is_ok(), "the organisation may be left out");
    let problems = Workshop::new(" ", "2026-02-30", &"x".repeat(201)).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["title", "organisation", "date"]);
    assert!(problems[2].message.contains("is not a date like 2024-04-06"), "{}", problems[2].message);
    let far = Workshop::new("Carers week", "9999-12-31", "").unwrap_err();
    assert_eq!(far[0].to_string(), "date: 9999-12-31 is outside the years 2000 to 2100");
}

// ── Shares and codes ───────────────────────────────────────────────────────────────

#[test]
fn a_share_holds_levels_areas_and_criteria_from_the_score() {
    let a = all_yes_up_to(1);
    let s = score(framework(), &a, day());
    let sh = share(&a, &s, false);
    assert_eq!(sh.levels, [LevelStatus::Ready, LevelStatus::NotYet, LevelStatus::NotYet]);
    for x in &s.areas {
        assert_eq!(sh.area(x.area), x.percent);
    }
    for c in &s.criteria {
        assert_eq!(sh.criterion(&c.id), Some(c.status));
    }
    assert_eq!(sh.criterion("L1.2"), Some(MET));
    assert_eq!(sh.criterion("L2.1"), Some(NOT));
    assert_eq!(sh.organisation, None);
    assert_eq!(share(&a, &s, true).organisation.as_deref(), Some("Acme Care Ltd"));
    // The levels a share derives from its criteria are the ones scoring gives.
    let f = full();
    let s = score(framework(), &f, day());
    let sh = share(&f, &s, false);
    assert_eq!(levels_from_criteria(&sh.criteria).to_vec(), s.levels.iter().map(|l| l.status).collect::<Vec<_>>());
}

#[test]
fn shares_survive_the_code_and_the_file() {
    for a in [blank(), all_yes_up_to(1), all_yes_up_to(3), full()] {
        for consent in [false, true] {
            let sh = share_of(&a, consent);
            let code = sh.code();
            assert_eq!(decode_share(&code), Ok(sh.clone()), "{code}");
            assert_eq!(decode(&code), Ok(Decoded::Share(sh.clone())));
            let file = share_to_json(&sh);
            assert_eq!(share_from_bytes(file.as_bytes()), Ok(sh.clone()), "{file}");
            assert_eq!(shares_in("x.json", file.as_bytes())[0].result, Ok(sh.clone()));
        }
    }
}

#[test]
fn the_share_code_of_a_full_assessment_is_short_enough_to_copy() {
    let anonymous = share_of(&full(), false).code();
    let named = share_of(&full(), true).code();
    println!("share code without a name: {} characters: {anonymous}", anonymous.len());
    println!("share code naming Acme Care Ltd: {} characters: {named}", named.len());
    assert_eq!(anonymous.len(), 39, "CB1- and six groups of five");
    assert!(anonymous.len() < 60);
    // 13 bytes of name: 150 + 104 bits, 51 characters in eleven groups.
    assert_eq!(named.len(), 4 + 51 + 10);
    assert!(anonymous.starts_with("CB1-"));
    let groups: Vec<&str> = anonymous[4..].split('-').collect();
    assert!(groups.iter().all(|g| g.len() == 5 && g.chars().all(|c| ALPHABET.contains(c))), "{anonymous}");
    // Same content, same code: nothing random or time-dependent.
    assert_eq!(share_of(&full(), false).code(), anonymous);
}

#[test]
fn pasted_codes_are_forgiven_case_spaces_dashes_and_look_alikes() {
    let sh = share_of(&full(), true);
    let code = sh.code();
    let variants = [
        code.to_lowercase(),
        code.replace('-', " "),
        code.replace('-', ""),
        format!("  {}\n", code.replace('-', " - ")),
        code.replace('-', "\u{2013}"),
        code.replace('0', "O").replace('1', "l"),
        code.replacen('1', "I", 1),
    ];
    for v in variants {
        assert_eq!(decode_share(&v), Ok(sh.clone()), "{v:?}");
    }
}

/// Every code to try the checks on: no name, a name, a long name, a summary.
fn sample_codes() -> Vec<String> {
    let mut cohort = Cohort::new();
    for (n, a) in [blank(), all_yes_up_to(1), full()].iter().enumerate() {
        let mut sh = share_of(a, n != 1);
        sh.participant = n as u32;
        cohort.add(sh).unwrap();
    }
    vec![
        share_of(&full(), false).code(),
        share_of(&full(), true).code(),
        made(PARTICIPANT_LIMIT - 1, 100, [PARTLY; 15], Some("Ymddiriedolaeth Gofalwyr Cymru – Café Ω")).code(),
        cohort.summary().code(),
    ]
}

#[test]
fn every_single_character_change_is_caught() {
    let others: Vec<char> = ALPHABET.chars().chain("UuiloO*é.".chars()).collect();
    for code in sample_codes() {
        let chars: Vec<char> = code.chars().collect();
        let mut tried = 0;
        for (i, &orig) in chars.iter().enumerate() {
            for &c in &others {
                if canon(c) == orig {
                    continue;
                }
                let mut changed = chars.clone();
                changed[i] = c;
                let changed: String = changed.into_iter().collect();
                let got = decode(&changed);
                tried += 1;
                match (i, orig) {
                    (0 | 1, _) => assert_eq!(got, Err(CodeError::NotACode), "{changed}"),
                    (2, _) if ('2'..='9').contains(&canon(c)) => {
                        assert_eq!(got, Err(CodeError::NewerVersion), "{changed}")
                    }
                    (2, _) => assert_eq!(got, Err(CodeError::NotACode), "{changed}"),
                    // A dash replaced by a character inserts one: caught, but the header may
                    // then read as anything.
                    (_, '-') => assert!(got.is_err(), "{changed}"),
                    _ if ALPHABET.contains(canon(c)) => assert_eq!(got, Err(CodeError::Changed), "{changed}"),
                    _ => assert!(matches!(got, Err(CodeError::BadCharacter(_))), "{changed}: {got:?}"),
                }
            }
        }
        assert!(tried > 1000, "{tried} changes tried on {code}");
    }
}

#[test]
fn swapping_two_neighbouring_characters_is_caught() {
    for code in sample_codes() {
        let chars: Vec<char> = code.chars().collect();
        for i in 4..chars.len() - 1 {
            if chars[i] == chars[i + 1] || chars[i] == '-' || chars[i + 1] == '-' {
                continue;
            }
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            let swapped: String = swapped.into_iter().collect();
            assert_eq!(decode(&swapped), Err(CodeError::Changed), "{swapped}");
        }
    }
}

#[test]
fn every_cut_off_code_is_called_incomplete() {
    for code in sample_codes() {
        assert_eq!(decode(""), Err(CodeError::Empty));
        for end in 1..code.len() {
            let cut = &code[..end];
            assert_eq!(decode(cut), Err(CodeError::Incomplete), "{cut}");
        }
        // A character lost in the middle reads as cut off too: the code is one short.
        let dropped = format!("{}{}", &code[..10], &code[11..]);
        assert_eq!(decode(&dropped), Err(CodeError::Incomplete), "{dropped}");
    }
}

#[test]
fn decoding_errors_say_what_happened_in_plain_words() {
    let code = share_of(&full(), false).code();
    let msg = |r: Result<Share, CodeError>| r.unwrap_err().to_string();
    assert!(msg(decode_share(&code[..20])).starts_with("this code is incomplete (it looks cut off)"));
    let mut typo: Vec<char> = code.chars().collect();
    typo[20] = if typo[20] == 'A' { 'B' } else { 'A' };
    assert!(msg(decode_share(&typo.iter().collect::<String>()))
        .starts_with("this code was changed or mistyped (the check digits don't match)"));
    assert!(msg(decode_share(&code.replacen("CB1", "CB2", 1))).starts_with("this code is from a newer version"));
    assert!(msg(decode_share("hello world")).starts_with("this isn't a workshop code"));
    assert!(msg(decode_share("https://example.com")).starts_with("this isn't a workshop code"));
    assert!(msg(decode_share(&code.replacen('-', "-U", 2))).contains("\"U\" is never used in codes"));
    assert!(msg(decode_share("   ")).starts_with("there is no code here"));
    let room = Cohort::new().summary().code();
    assert_eq!(decode_share(&room), Err(CodeError::WrongKind(Kind::Summary)));
    assert_eq!(msg(decode_share(&room)), "this is the room's summary code, not a participant's code");
    assert_eq!(decode_summary(&code), Err(CodeError::WrongKind(Kind::Share)));
}

#[test]
fn no_name_travels_without_consent() {
    // Names of four bytes or more: a shorter pattern turns up in any long bit string.
    for name in ["Acme Care Ltd", "ABCD", "Ysbyty Gwynedd", "Zoë's Café"] {
        let mut a = full();
        a.organisation.name = name.into();
        let anonymous = share_of(&a, false);
        assert_eq!(anonymous.organisation, None);
        let code = anonymous.code();
        let bits = code_bits(&code);
        assert!(!contains_bytes(&bits, name.as_bytes()), "{name} is in {code}");
        assert!(!code.to_lowercase().contains(&name.to_lowercase()));
        let file = share_to_json(&anonymous);
        assert!(!file.contains(name) && !file.contains("organisation"), "{file}");
        assert_eq!(code.len(), 39, "the anonymous code's length says nothing about the name");
        // With consent the same check finds it: the test can fail.
        let named = share_of(&a, true);
        assert!(contains_bytes(&code_bits(&named.code()), name.as_bytes()));
        assert!(share_to_json(&named).contains(&format!("\"organisation\": \"{name}\"")));
    }
    // The room summary never names anyone, even when participants consented.
    let mut cohort = Cohort::new();
    cohort.add(share_of(&full(), true)).unwrap();
    let summary = cohort.summary();
    assert_eq!(summary.names, ["Acme Care Ltd"]);
    assert!(!contains_bytes(&code_bits(&summary.code()), b"Acme"));
    assert_eq!(decode_summary(&summary.code()).unwrap().names, Vec::<String>::new());
}

#[test]
fn names_are_tidied_and_cut_to_sixty_bytes() {
    assert_eq!(clean_name("  Acme\n\tCare   Ltd "), Some("Acme Care Ltd".into()));
    assert_eq!(clean_name(" \n "), None);
    let long = "Royal Borough of Kensington and Chelsea Carers Support Services Partnership";
    let cut = clean_name(long).unwrap();
    assert_eq!(cut, "Royal Borough of Kensington and Chelsea Carers Support");
    assert!(cut.len() <= MAX_NAME_BYTES);
    let one_word = "é".repeat(40);
    assert_eq!(clean_name(&one_word).unwrap(), "é".repeat(30));
}

/// Every bidirectional control character: marks, embeddings, overrides, isolates.
const BIDI: [char; 12] = [
    '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}',
    '\u{2067}', '\u{2068}', '\u{2069}',
];

/// "Acme" and "Care Ltd" with every bidirectional control character between them.
fn with_bidi() -> String {
    format!("Acme{}Care Ltd\u{202e}", BIDI.iter().collect::<String>())
}

#[test]
fn direction_controls_are_removed_from_names_codes_and_workshop_details() {
    // Made into a share, with consent.
    let mut a = all_yes_up_to(1);
    a.organisation.name = with_bidi();
    let s = share_of(&a, true);
    assert_eq!(s.organisation.as_deref(), Some("AcmeCare Ltd"));
    assert_eq!(clean_name(&with_bidi()).as_deref(), Some("AcmeCare Ltd"));
    assert_eq!(clean_name("\u{202e}\u{2066}"), None);

    // Read from a share file.
    let mut v = good_file();
    v["organisation"] = json!(with_bidi());
    assert_eq!(share_from_bytes(v.to_string().as_bytes()).unwrap().organisation.as_deref(), Some("AcmeCare Ltd"));

    // Read from a code that carries them in its name (made by another program).
    let forged = Share { organisation: Some(with_bidi()), ..s.clone() };
    assert_eq!(decode_share(&forged.code()).unwrap().organisation.as_deref(), Some("AcmeCare Ltd"));

    // Pasted codes with them inside, and in a text of codes.
    let code = s.code();
    let (head, tail) = code.split_at(9);
    let pasted = format!("\u{202e}{head}\u{2066}{tail}\u{200f}");
    assert_eq!(decode_share(&pasted), Ok(s.clone()));
    let room = {
        let mut c = Cohort::new();
        c.add(s.clone()).unwrap();
        c.summary().code()
    };
    assert!(decode_summary(&format!("\u{202d}{room}")).is_ok());
    let found = find_codes(&format!("Acme: \u{202e}{head}\u{2067}{tail}\n"));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, code);
    assert_eq!(shares_in("codes.txt", pasted.as_bytes())[0].result, Ok(s));

    // The workshop's own details.
    let w = Workshop::new(&format!("Carers{}", with_bidi()), "2026-06-10", &with_bidi()).unwrap();
    assert_eq!((w.title.as_str(), w.organisation.as_str()), ("CarersAcmeCare Ltd", "AcmeCare Ltd"));
}

#[test]
fn the_participant_tag_follows_the_assessment_not_its_results() {
    let a = full();
    let mut b = full();
    b.set_answer("L1.1.a", Answer::No, t0());
    assert_eq!(share_of(&a, false).participant, share_of(&b, false).participant);
    let mut other = full();
    other.organisation.name = "Bexley Buses".into();
    assert_ne!(share_of(&a, false).participant, share_of(&other, false).participant);
    let mut later = full();
    later.created = t0() + chrono::Duration::seconds(1);
    assert_ne!(share_of(&a, false).participant, share_of(&later, false).participant);
    assert!(share_of(&a, false).participant < PARTICIPANT_LIMIT);
}

// ── The share file ─────────────────────────────────────────────────────────────────

fn problems_in(v: Value) -> Vec<String> {
    match share_from_bytes(v.to_string().as_bytes()) {
        Ok(_) => vec![],
        Err(p) => p.iter().map(|p| p.to_string()).collect(),
    }
}

fn good_file() -> Value {
    serde_json::from_str(&share_to_json(&share_of(&all_yes_up_to(1), true))).unwrap()
}

#[test]
fn a_share_file_has_the_documented_shape() {
    let v = good_file();
    assert_eq!(v["format"], "carer-benchmark-share");
    assert_eq!(v["version"], 1);
    assert_eq!(v["organisation"], "Acme Care Ltd");
    assert_eq!(v["levels"], json!({ "1": "ready", "2": "not_yet", "3": "not_yet" }));
    assert_eq!(v["criteria"]["L1.3"], "met");
    assert_eq!(v["criteria"]["L3.6"], "not_met");
    assert_eq!(v["areas"].as_object().unwrap().len(), 5);
    assert_eq!(v["participant"].as_str().unwrap().len(), 6);
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 7);
    let text = share_to_json(&share_of(&all_yes_up_to(1), true));
    assert!(text.find("\"format\"").unwrap() < text.find("\"criteria\"").unwrap());
    assert!(text.find("\"L1.1\"").unwrap() < text.find("\"L3.6\"").unwrap(), "criteria in framework order");
}

#[test]
fn a_bad_share_file_names_each_problem_by_path() {
    assert!(problems_in(good_file()).is_empty());
    let mut v = good_file();
    v["levels"]["2"] = json!("maybe");
    v["areas"]["peer"] = json!(101);
    v["areas"]["policy"] = json!("high");
    v["criteria"].as_object_mut().unwrap().remove("L2.4");
    v["criteria"]["L9.9"] = json!("met");
    v["answers"] = json!({});
    v["participant"] = json!("hello!");
    v["organisation"] = json!(42);
    let p = problems_in(v);
    for want in [
        "$.answers: is not a field this tool knows",
        "$.participant: \"hello!\" is not a participant tag (six characters like 0F3K7Q)",
        "$.organisation: should be text, but is a number",
        "$.levels[\"2\"]: \"maybe\" is not one of the allowed values: ready, on_track, not_yet",
        "$.areas.policy: should be a whole percentage from 0 to 100, but is text",
        "$.areas.peer: 101 should be a whole percentage from 0 to 100",
        "$.criteria[\"L9.9\"]: is not a field this tool knows",
        "$.criteria[\"L2.4\"]: is missing",
    ] {
        assert!(p.contains(&want.to_string()), "{want}\nnot in {p:#?}");
    }
    assert_eq!(p.len(), 8, "{p:#?}");

    let mut v = good_file();
    v["levels"]["1"] = json!("on_track");
    assert_eq!(problems_in(v), ["$.levels[\"1\"]: says \"on_track\", but the criteria statuses make it \"ready\""]);
    let mut v = good_file();
    v["organisation"] = json!("  ");
    assert_eq!(problems_in(v), ["$.organisation: is empty: leave it out when the participant is not named"]);
    let mut v = good_file();
    v["version"] = json!(2);
    assert!(problems_in(v)[0].starts_with("$.version: is 2, made by a newer version of this tool"));
    let assessment = to_json(&all_yes_up_to(1));
    let p = share_from_bytes(assessment.as_bytes()).unwrap_err();
    assert_eq!(p[0].to_string(), "$.format: is an assessment file, not a share: make a share from it first");
    assert!(share_from_bytes(b"{").unwrap_err()[0].message.starts_with("the file is not valid JSON"));
    assert_eq!(problems_in(json!([1])), ["$: should be an object, but is a list"]);
}

#[test]
fn a_share_file_with_a_key_given_twice_is_refused_naming_the_path() {
    let text = share_to_json(&share_of(&all_yes_up_to(1), true));
    let top = text.replacen("\"organisation\":", "\"organisation\": \"Someone Else\",\n  \"organisation\":", 1);
    let p = share_from_bytes(top.as_bytes()).unwrap_err();
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(p[0].path, "$.organisation");
    assert!(p[0].message.starts_with("appears twice"), "{p:#?}");
    let nested = text.replacen("\"L1.1\":", "\"L1.1\": \"not_met\",\n    \"L1.1\":", 1);
    let p = share_from_bytes(nested.as_bytes()).unwrap_err();
    assert_eq!(p[0].path, "$.criteria[\"L1.1\"]", "{p:#?}");
    // The facilitator's reader of whole files says the same.
    let found = shares_in("twice.json", top.as_bytes());
    let reason = found[0].result.as_ref().unwrap_err();
    assert!(reason.starts_with("$.organisation: appears twice"), "{reason}");
}

// ── Finding shares in files ────────────────────────────────────────────────────────

#[test]
fn codes_are_found_in_pasted_text_one_per_line() {
    let a = share_of(&full(), false).code();
    let b = share_of(&all_yes_up_to(1), true).code();
    let text = format!(
        "Codes from the Anytown workshop\n\nAcme: {a}.\n\"{}\"\nsubscribe to CBBC\n  {}\n{}\n",
        b.to_lowercase(),
        b.replace('-', " "),
        &a[..20]
    );
    let found = find_codes(&text);
    let lines: Vec<usize> = found.iter().map(|f| f.line).collect();
    assert_eq!(lines, [3, 4, 6, 7]);
    assert_eq!(found[0].text, a);
    let results = shares_in("codes.txt", text.as_bytes());
    assert_eq!(results.len(), 4);
    assert_eq!(results[0].source, "codes.txt, line 3");
    assert_eq!(results[0].result, Ok(share_of(&full(), false)));
    assert_eq!(results[1].result, results[2].result);
    assert!(results[1].result.is_ok());
    assert!(results[3].result.as_ref().unwrap_err().starts_with("this code is incomplete"));

    let none = shares_in("notes.txt", b"no codes here");
    assert_eq!(none[0].result, Err("no workshop code found in this file (codes start CB1-)".into()));
    assert!(shares_in("x.bin", &[0xff, 0xfe, 0]).len() == 1);
    let assessment = shares_in("acme.json", to_json(&full()).as_bytes());
    assert!(assessment[0].result.as_ref().unwrap_err().contains("is an assessment file, not a share"));
}

// ── The cohort and its summary ─────────────────────────────────────────────────────

/// Three participants: Acme (Level 1 ready, named), Bexley (Level 2 ready, not named),
/// Camden (nothing yet, named).
fn three() -> (Cohort, [Share; 3]) {
    let acme = all_yes_up_to(1);
    let mut bexley = all_yes_up_to(2);
    bexley.organisation.name = "Bexley Buses".into();
    let mut camden = blank();
    camden.organisation.name = "Camden Cleaning".into();
    let shares = [share_of(&acme, true), share_of(&bexley, false), share_of(&camden, true)];
    let mut cohort = Cohort::new();
    for (n, s) in shares.iter().enumerate() {
        let added = cohort.add(s.clone()).unwrap();
        assert_eq!(added, Added { id: s.id(), number: n + 1, replaced: None });
    }
    (cohort, shares)
}

#[test]
fn a_cohort_of_three_is_counted_exactly() {
    let (cohort, shares) = three();
    let s = cohort.summary();
    assert_eq!(s.participants, 3);
    let levels: Vec<(u8, u32, u32, u32)> = s.levels.iter().map(|l| (l.level, l.ready, l.on_track, l.not_yet)).collect();
    assert_eq!(levels, [(1, 2, 0, 1), (2, 1, 0, 2), (3, 0, 0, 3)]);
    // Criteria not met: every L3 by all three, every L2 by Acme and Camden, L1 by Camden.
    let missing: Vec<(&str, u32)> = s.missing.iter().map(|m| (m.criterion, m.count)).collect();
    let mut want: Vec<(&str, u32)> = CRITERIA[9..].iter().map(|&c| (c, 3)).collect();
    want.extend(CRITERIA[3..9].iter().map(|&c| (c, 2)));
    want.extend(CRITERIA[..3].iter().map(|&c| (c, 1)));
    assert_eq!(missing, want);
    assert_eq!(s.names, ["Acme Care Ltd", "Camden Cleaning"], "consented names only, alphabetical");
    for a in &s.areas {
        let mut values: Vec<u32> = shares.iter().map(|x| x.area(a.area)).collect();
        values.sort();
        assert_eq!(a.median, values[1], "{:?}", a.area);
        assert_eq!(a.bands.iter().sum::<u32>(), 3);
    }
    // Policy: Acme has L1.1 and L1.2 of L1.1, L1.2, L2.3; Bexley all three; Camden none.
    let policy = s.area(Area::Policy).unwrap();
    let acme = shares[0].area(Area::Policy);
    assert!((50..75).contains(&acme), "{acme}");
    assert_eq!((policy.bands, policy.median), ([1, 0, 1, 1], acme));
}

#[test]
fn bands_and_medians_of_a_known_room() {
    let mut cohort = Cohort::new();
    for (n, area) in [0, 24, 25, 49, 50, 74, 75, 100].into_iter().enumerate() {
        cohort.add(made(n as u32, area, [NOT; 15], None)).unwrap();
    }
    let s = cohort.summary();
    assert!(s.areas.iter().all(|a| a.bands == [2, 2, 2, 2]));
    assert_eq!(s.areas[0].median, 50, "(49 + 50) / 2, halves up");
    let mut odd = Cohort::new();
    for (n, area) in [10, 90, 30].into_iter().enumerate() {
        odd.add(made(n as u32, area, [NOT; 15], None)).unwrap();
    }
    assert_eq!(odd.summary().areas[0].median, 30);
    let empty = Cohort::new().summary();
    assert_eq!((empty.participants, empty.areas[0].median, empty.missing.len()), (0, 0, 0));
}

#[test]
fn duplicates_are_refused_naming_the_share_they_repeat() {
    let (mut cohort, shares) = three();
    let again = cohort.add(shares[1].clone());
    assert_eq!(again, Err(Duplicate { id: shares[1].id(), number: 2 }));
    assert_eq!(
        again.unwrap_err().to_string(),
        format!("already counted: the same as participant 2 (share {}), so it was not counted again", shares[1].id())
    );
    // Through a code and a file it is the same share.
    let via_code = decode_share(&shares[2].code()).unwrap();
    assert_eq!(cohort.add(via_code).unwrap_err().number, 3);
    let via_file = share_from_bytes(share_to_json(&shares[0]).as_bytes()).unwrap();
    assert_eq!(cohort.add(via_file).unwrap_err().number, 1);
    assert_eq!(cohort.len(), 3);

    // Two employers with the same results both count.
    let twin = Share { participant: shares[2].participant ^ 1, ..shares[2].clone() };
    assert_ne!(twin.id(), shares[2].id());
    assert_eq!(cohort.add(twin).unwrap().number, 4);
    // The same employer sharing again after changing answers replaces its first share.
    let mut acme = all_yes_up_to(1);
    acme.set_answer("L2.1.a", Answer::Yes, t0());
    let newer = share_of(&acme, true);
    let added = cohort.add(newer.clone()).unwrap();
    assert_eq!(added, Added { id: newer.id(), number: 1, replaced: Some(shares[0].id()) });
    assert_eq!(cohort.len(), 4);
    assert!(cohort.remove(&newer.id()));
    assert!(!cohort.remove(&newer.id()));
    assert_eq!(cohort.len(), 3);
}

#[test]
fn share_ids_are_stable_and_follow_the_content() {
    let s = share_of(&full(), false);
    let id = s.id();
    assert_eq!(id, share_of(&full(), false).id());
    assert_eq!(id.0.len(), 9);
    assert!(id.0.chars().enumerate().all(|(i, c)| if i == 4 { c == '-' } else { ALPHABET.contains(c) }), "{id}");
    let ids: HashSet<ShareId> = (0..200).map(|p| Share { participant: p, ..s.clone() }.id()).collect();
    assert_eq!(ids.len(), 200);
    assert_ne!(share_of(&full(), true).id(), id, "consenting to a name changes the content");
}

#[test]
fn the_room_code_carries_the_summary_without_names() {
    let (cohort, _) = three();
    let s = cohort.summary();
    let code = s.code();
    println!("room code for three participants: {} characters: {code}", code.len());
    assert!(code.len() < 60, "{code}");
    assert_eq!(decode_summary(&code), Ok(Summary { names: vec![], ..s.clone() }));
    let mut big = Cohort::new();
    for p in 0..300 {
        big.add(made(p, p % 101, [[MET, PARTLY, NOT][p as usize % 3]; 15], None)).unwrap();
    }
    let s = big.summary();
    assert_eq!(decode_summary(&s.code()), Ok(s.clone()));
    assert_eq!(decode_summary(&Cohort::new().summary().code()), Ok(Cohort::new().summary()));
}

// ── Comparing with the room ────────────────────────────────────────────────────────

#[test]
fn a_participant_is_placed_against_the_room() {
    let mut cohort = Cohort::new();
    // Areas 20, 50, 60 (median 50); level 1: not yet, on track, ready.
    let mut l1_on_track = [NOT; 15];
    l1_on_track[..3].copy_from_slice(&[PARTLY; 3]);
    let mut l1_ready = [NOT; 15];
    l1_ready[..3].copy_from_slice(&[MET; 3]);
    cohort.add(made(1, 20, [NOT; 15], None)).unwrap();
    cohort.add(made(2, 50, l1_on_track, None)).unwrap();
    cohort.add(made(3, 60, l1_ready, None)).unwrap();
    let room = decode_summary(&cohort.summary().code()).unwrap();
    let place = |area: u32, criteria| compare(&made(9, area, criteria, None), &room).unwrap();
    let c = place(56, l1_ready);
    assert_eq!(c.participants, 3);
    assert!(c.areas.iter().all(|a| a.position == Position::Above && a.median == 50 && a.yours == 56));
    assert_eq!(c.levels[0], LevelPosition { level: 1, yours: LevelStatus::Ready, ready: 1, position: Position::Above });
    assert_eq!(c.levels[1].position, Position::Around, "everyone is not yet at level 2");
    let c = place(55, l1_on_track);
    assert!(c.areas.iter().all(|a| a.position == Position::Around));
    assert_eq!(c.levels[0].position, Position::Around);
    let c = place(44, [NOT; 15]);
    assert!(c.areas.iter().all(|a| a.position == Position::Below));
    assert_eq!(c.levels[0].position, Position::Below);
    assert_eq!(place(45, [NOT; 15]).areas[0].position, Position::Around);
    assert_eq!(compare(&made(9, 50, [NOT; 15], None), &Cohort::new().summary()), None);
    // With an even room, anything between the two middle participants is around.
    cohort.add(made(4, 90, l1_ready, None)).unwrap();
    let room = cohort.summary();
    assert_eq!(compare(&made(9, 0, l1_on_track, None), &room).unwrap().levels[0].position, Position::Around);
    assert_eq!(compare(&made(9, 0, l1_ready, None), &room).unwrap().levels[0].position, Position::Around);
    assert_eq!(compare(&made(9, 0, [NOT; 15], None), &room).unwrap().levels[0].position, Position::Below);
    let text = comparison_text(&compare(&made(9, 56, l1_ready, None), &room).unwrap(), &English);
    assert!(text.contains("Level 1: you are ready to apply (ready); 2 of 4 in the room are ready to apply"), "{text}");
}

// ── Exports ────────────────────────────────────────────────────────────────────────

const NASTY: [&str; 7] = [
    "=HYPERLINK(\"http://x\",\"y\")",
    "<script>alert(1)</script>",
    "Smith, Jones & Co",
    "Say \"hi\" Ltd",
    "Line one\nLine two",
    "+44 Care",
    "@home\tcare",
];

/// The summaries' words as the command line gives them: the interface's English.
struct English;

impl Labels for English {
    fn area(&self, area: Area) -> &str {
        use carer_benchmark::i18n::{t, Lang, WMsg};
        let msg = match area {
            Area::Identification => WMsg::AreaIdentification,
            Area::Policy => WMsg::AreaPolicy,
            Area::Practice => WMsg::AreaPractice,
            Area::Peer => WMsg::AreaPeer,
            Area::Communication => WMsg::AreaCommunication,
        };
        t(Lang::En, msg)
    }

    fn level_status(&self, status: LevelStatus) -> &str {
        use carer_benchmark::i18n::{t, Lang, WMsg};
        let msg = match status {
            LevelStatus::Ready => WMsg::LevelReady,
            LevelStatus::OnTrack => WMsg::LevelOnTrack,
            LevelStatus::NotYet => WMsg::LevelNotYet,
        };
        t(Lang::En, msg)
    }
}

/// Other words, to show that the summaries use the caller's and choose none themselves.
struct Shouting;

impl Labels for Shouting {
    fn area(&self, area: Area) -> &str {
        match area {
            Area::Identification => "IDENT",
            Area::Policy => "POL",
            Area::Practice => "PRAC",
            Area::Peer => "PEER",
            Area::Communication => "COMMS",
        }
    }

    fn level_status(&self, status: LevelStatus) -> &str {
        match status {
            LevelStatus::Ready => "READY",
            LevelStatus::OnTrack => "ON TRACK",
            LevelStatus::NotYet => "NOT YET",
        }
    }
}

#[test]
fn summaries_use_the_callers_words_for_areas_and_statuses() {
    let s = nasty_summary();
    for out in [
        summary_text(&s, None, &Shouting),
        summary_csv(&s, None, &Shouting),
        summary_markdown(&s, None, &Shouting),
        summary_html(&s, None, &Shouting),
    ] {
        for word in ["IDENT", "POL", "PRAC", "PEER", "COMMS"] {
            assert!(out.contains(word), "{word} missing from:\n{out}");
        }
        assert!(!out.contains("Identification"), "a word of the domain's own in:\n{out}");
    }
    assert!(summary_csv(&s, None, &Shouting).contains("ON TRACK"));
}

fn nasty_summary() -> Summary {
    let (cohort, _) = three();
    Summary { names: NASTY.iter().map(|s| s.to_string()).collect(), ..cohort.summary() }
}

#[test]
fn csv_cells_cannot_run_as_formulas_and_keep_their_text() {
    assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_cell("+1"), "'+1");
    assert_eq!(csv_cell("-1"), "'-1");
    assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_cell("\tx"), "'\tx");
    assert_eq!(csv_cell("\rx"), "\"'\rx\"");
    assert_eq!(csv_cell("a,b"), "\"a,b\"");
    assert_eq!(csv_cell("a\nb"), "\"a\nb\"");
    assert_eq!(csv_cell("plain"), "plain");
    let w = Workshop::new("=cmd|' /C calc'!A0", "2026-06-10", "-Anytown, Carers").unwrap();
    let csv = summary_csv(&nasty_summary(), Some(&w), &English);
    assert!(csv.starts_with("\u{feff}Section,Item,Detail,Value\r\n"), "{csv}");
    assert!(csv.contains("\r\nWorkshop,Title,,'=cmd|' /C calc'!A0\r\n"), "{csv}");
    assert!(csv.contains("\r\nWorkshop,Organisation,,\"'-Anytown, Carers\"\r\n"), "{csv}");
    for want in [
        "Named participant,,,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n",
        "Named participant,,,<script>alert(1)</script>\r\n",
        "Named participant,,,\"Smith, Jones & Co\"\r\n",
        "Named participant,,,\"Say \"\"hi\"\" Ltd\"\r\n",
        "Named participant,,,\"Line one\nLine two\"\r\n",
        "Named participant,,,'+44 Care\r\n",
        "Named participant,,,'@home\tcare\r\n",
        "Participants,,,3\r\n",
        "Level,Level 1,Ready to apply,2\r\n",
        "Area,Policy and guidance,Median %,",
        "Not met,L3.1,Open culture and new ideas,3\r\n",
    ] {
        assert!(csv.contains(want), "{want:?} not in\n{csv}");
    }
    // Outside quoted cells every line ends CRLF.
    let mut quoted = false;
    let bytes = csv.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => assert_eq!(bytes[i - 1], b'\r', "bare LF at {i}"),
            _ => {}
        }
    }
    assert!(!quoted);
    assert!(csv.ends_with(&format!("Room code,,,{}\r\n", nasty_summary().code())));
}

#[test]
fn every_hostile_cell_in_the_room_csv_reads_back_as_text_in_a_spreadsheet_reader() {
    use common::spreadsheet::{assert_neutralised, assert_no_formula, read_csv, HOSTILE_CELLS};
    let (cohort, _) = three();
    let s = Summary { names: HOSTILE_CELLS.iter().map(|s| s.to_string()).collect(), ..cohort.summary() };
    let w = Workshop::new("=1+1", "2026-06-10", "＠SUM(A1)").unwrap();
    let records = read_csv(&summary_csv(&s, Some(&w), &English));
    assert!(records.iter().all(|r| r.len() == 4), "{records:?}");
    let value =
        |section: &str, item: &str| records.iter().find(|r| r[0] == section && r[1] == item).unwrap()[3].clone();
    assert_neutralised(&value("Workshop", "Title"), "=1+1");
    assert_neutralised(&value("Workshop", "Organisation"), "＠SUM(A1)");
    let names: Vec<&Vec<String>> = records.iter().filter(|r| r[0] == "Named participant").collect();
    assert_eq!(names.len(), HOSTILE_CELLS.len());
    for (rec, written) in names.iter().zip(HOSTILE_CELLS) {
        assert_neutralised(&rec[3], written);
    }
    assert_no_formula(&records);
}

#[test]
fn markdown_and_html_exports_escape_every_name() {
    let w = Workshop::new("Carers <Week> & *more*", "2026-06-10", "Anytown Carers").unwrap();
    let md = summary_markdown(&nasty_summary(), Some(&w), &English);
    assert!(
        md.starts_with("# Workshop results: Carers \\<Week\\> \\& \\*more\\*\n\n10 June 2026, Anytown Carers\n"),
        "{md}"
    );
    assert!(md.contains("- \\<script\\>alert\\(1\\)\\</script\\>\n"), "{md}");
    assert!(md.contains("- Line one Line two\n"), "{md}");
    assert!(md.contains("| Level 1 | 2 | 0 | 1 |"), "{md}");
    assert!(md.contains("| L3\\.1 Open culture and new ideas | 3 of 3 |"), "{md}");
    assert!(!md.contains("<script>"));

    let html = summary_html(&nasty_summary(), Some(&w), &English);
    assert!(html.starts_with("<section class=\"cb-print-summary\">"));
    assert!(
        html.contains("<h1 class=\"cb-print-title\">Workshop results: Carers &lt;Week&gt; &amp; *more*</h1>"),
        "{html}"
    );
    assert!(html.contains("<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>"), "{html}");
    assert!(html.contains("<li>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</li>"), "{html}");
    assert!(html.contains("<li>Say &quot;hi&quot; Ltd</li>"));
    assert!(!html.contains("<script>"));
    let classes: Vec<&str> = html.split("class=\"").skip(1).map(|s| s.split('"').next().unwrap()).collect();
    assert!(classes.iter().flat_map(|c| c.split(' ')).all(|c| c.starts_with("cb-print-")), "{classes:?}");

    let text = summary_text(&nasty_summary(), None, &English);
    assert!(text.starts_with("Participants: 3\n"), "{text}");
    assert!(text.contains("  Level 2: 1 ready to apply, 0 on track, 2 not yet\n"), "{text}");
    assert!(text.contains(&nasty_summary().code()));
    let none = summary_text(&Summary { names: vec![], ..nasty_summary() }, None, &English);
    assert!(none.contains("No participant asked to be named."));
}

// ── Never a panic ──────────────────────────────────────────────────────────────────

fn arb_share() -> impl Strategy<Value = Share> {
    let status = prop_oneof![Just(NOT), Just(PARTLY), Just(MET)];
    (
        0..PARTICIPANT_LIMIT,
        prop::array::uniform5(0u32..=100),
        prop::array::uniform15(status),
        prop::option::of("[ -~éΩ–\n]{0,80}"),
    )
        .prop_map(|(participant, areas, criteria, name)| Share {
            participant,
            levels: levels_from_criteria(&criteria),
            areas,
            criteria,
            organisation: name.as_deref().and_then(clean_name),
        })
}

proptest! {
    #[test]
    fn any_share_survives_its_code_and_file(s in arb_share()) {
        prop_assert_eq!(decode_share(&s.code()), Ok(s.clone()));
        prop_assert_eq!(share_from_bytes(share_to_json(&s).as_bytes()), Ok(s.clone()));
        prop_assert!(s.code().len() <= 4 + 30 + 6 + (MAX_NAME_BYTES * 8).div_ceil(5) + 20);
    }

    #[test]
    fn any_cohort_summary_survives_its_code(shares in prop::collection::vec(arb_share(), 0..40)) {
        let mut cohort = Cohort::new();
        for s in shares {
            let _ = cohort.add(s);
        }
        let s = cohort.summary();
        prop_assert_eq!(s.participants as usize, cohort.len());
        prop_assert_eq!(decode_summary(&s.code()), Ok(Summary { names: vec![], ..s }));
    }

    #[test]
    fn garbage_never_panics(text in ".{0,200}") {
        let _ = decode(&text);
        let _ = find_codes(&text);
        let _ = shares_in("x", text.as_bytes());
        let _ = share_from_bytes(text.as_bytes());
    }

    #[test]
    fn code_like_garbage_never_panics_and_is_never_accepted_by_chance(
        body in "[0-9A-Za-z -]{0,120}",
    ) {
        let text = format!("CB1-{body}");
        if let Ok(d) = decode(&text) {
            // Only a well-formed code reads; writing it back gives the same characters.
            let again = match &d { Decoded::Share(s) => s.code(), Decoded::Summary(s) => s.code() };
            prop_assert_eq!(decode(&again), Ok(d));
        }
    }

    #[test]
    fn any_bytes_in_a_file_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = shares_in("x", &bytes);
        let _ = share_from_bytes(&bytes);
    }

    #[test]
    fn any_json_share_file_is_read_or_refused_with_paths(
        edits in prop::collection::vec((0usize..4, "[a-zL0-9._]{1,8}", prop_oneof![
            Just(json!(null)), Just(json!(1)), Just(json!(101)), Just(json!("met")), Just(json!("ready")),
            Just(json!({})), Just(json!([]))
        ]), 0..6),
    ) {
        let mut v = good_file();
        for (section, key, value) in edits {
            let target = ["levels", "areas", "criteria", "organisation"][section];
            if target == "organisation" {
                v[target] = value;
            } else {
                v[target][key] = value;
            }
        }
        match share_from_bytes(v.to_string().as_bytes()) {
            Ok(s) => prop_assert_eq!(share_from_bytes(share_to_json(&s).as_bytes()), Ok(s)),
            Err(p) => prop_assert!(p.iter().all(|x| x.path.starts_with("$.")), "{:?}", p),
        }
    }
}

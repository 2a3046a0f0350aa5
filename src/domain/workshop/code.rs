//! Workshop codes, version 1: a share or a room summary as a short text to copy.
//!
//! `CB1-` then groups of five Crockford base32 characters (`0-9 A-Z` without `I L O U`),
//! holding a bit string, most significant bit first:
//!
//! | bits | what |
//! |---|---|
//! | 8 | kind: 1 a participant's share, 2 a room summary (3–15: kept for later kinds) |
//! | 8 | size: the name's length in bytes (share) or the width of each count (summary) |
//! | 8 | CRC-8 (polynomial 0x07) of kind and size, so a mistyped length is caught |
//! | … | the body (below) |
//! | 32 | CRC-32 (IEEE) of everything above, packed into bytes and zero-padded to a byte |
//! | 0–4 | zero padding to a whole character |
//!
//! Share body: participant tag (29), five area percents (7 each, `Area::ALL` order),
//! fifteen criterion statuses (2 each: 0 not met, 1 partly, 2 met; `CRITERIA` order), then
//! the organisation's name in UTF-8 only when the participant consented. Level statuses
//! are not sent: they follow from the criteria.
//!
//! Summary body, each count `size` bits wide: participants; per level, ready and on
//! track; per area, the first three band counts then the median (7 bits); per criterion,
//! how many have not met it.
//!
//! Reading forgives case, spaces, dashes of any kind, direction controls, and `I`/`L`
//! for 1 and `O` for 0.
//! The length follows from the (checked) header, so a cut-off code is told apart from a
//! changed one; every change of one character is caught (a test tries them all).

use super::{
    clean_name, levels_from_criteria, missing_list, AreaSpread, LevelCount, Share, Summary, CRITERIA, MAX_NAME_BYTES,
};
use crate::domain::checksum::crc32;
use crate::domain::content::Area;
use crate::domain::scoring::{CriterionStatus, LEVELS};
use crate::domain::text::without_bidi;
use serde::Serialize;
use std::fmt;

/// What every version-1 code starts with.
pub const PREFIX: &str = "CB1-";
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUP: usize = 5;
const HEADER_BITS: usize = 24;
const CRC_BITS: usize = 32;
const TAG_BITS: usize = 29;
const PERCENT_BITS: usize = 7;

/// What a code holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Share,
    Summary,
}

impl Kind {
    fn byte(self) -> u8 {
        match self {
            Kind::Share => 1,
            Kind::Summary => 2,
        }
    }
}

/// Why a code could not be read. `Display` gives the sentence to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    Empty,
    NotACode,
    Incomplete,
    Changed,
    /// A character codes never use (after forgiving case, spaces and dashes).
    BadCharacter(char),
    NewerVersion,
    /// A valid code of the other kind: a summary where a share was expected, or the reverse.
    WrongKind(Kind),
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Empty => f.write_str("there is no code here: paste the whole code, starting CB1-"),
            CodeError::NotACode => f.write_str("this isn't a workshop code (workshop codes start CB1-)"),
            CodeError::Incomplete => {
                f.write_str("this code is incomplete (it looks cut off): copy the whole code and try again")
            }
            CodeError::Changed => f.write_str(
                "this code was changed or mistyped (the check digits don't match): copy it again, or ask for it again",
            ),
            CodeError::BadCharacter(c) => write!(
                f,
                "this code was changed or mistyped: {} is never used in codes",
                crate::domain::json::quoted(&c.to_string())
            ),
            CodeError::NewerVersion => {
                f.write_str("this code is from a newer version of the tool: update the tool to read it")
            }
            CodeError::WrongKind(Kind::Summary) => {
                f.write_str("this is the room's summary code, not a participant's code")
            }
            CodeError::WrongKind(Kind::Share) => {
                f.write_str("this is a participant's code, not the room's summary code")
            }
        }
    }
}

/// A code read successfully.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    Share(Share),
    Summary(Summary),
}

// ── Bits, checks and base32 ────────────────────────────────────────────────────────

/// A bit string, most significant bit first.
#[derive(Debug, Default)]
pub(super) struct Bits(Vec<bool>);

impl Bits {
    /// Appends the low `n` bits of `value`.
    fn push(&mut self, value: u64, n: usize) {
        for i in (0..n).rev() {
            self.0.push(value >> i & 1 == 1);
        }
    }

    /// Packed into bytes, zero-padded at the end.
    pub(super) fn bytes(&self) -> Vec<u8> {
        self.0.chunks(8).map(|c| c.iter().enumerate().fold(0, |b, (i, &bit)| b | (u8::from(bit) << (7 - i)))).collect()
    }
}

/// Reads a bit string front to back; the caller has checked the length.
struct Reader<'a> {
    bits: &'a [bool],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> u64 {
        let v = self.bits[self.at..self.at + n].iter().fold(0, |v, &b| v << 1 | u64::from(b));
        self.at += n;
        v
    }
}

/// CRC-8, polynomial 0x07, initial value 0.
fn crc8(bytes: &[u8]) -> u8 {
    bytes.iter().fold(0u8, |mut c, &b| {
        c ^= b;
        for _ in 0..8 {
            c = if c & 0x80 != 0 { c << 1 ^ 0x07 } else { c << 1 };
        }
        c
    })
}

/// The low `chars * 5` bits of `value` as Crockford base32.
pub(super) fn base32(value: u64, chars: usize) -> String {
    (0..chars).rev().map(|i| ALPHABET[(value >> (5 * i) & 31) as usize] as char).collect()
}

fn header(kind: Kind, size: u8) -> Bits {
    let mut bits = Bits::default();
    bits.push(kind.byte().into(), 8);
    bits.push(size.into(), 8);
    bits.push(crc8(&[kind.byte(), size]).into(), 8);
    bits
}

/// Adds the CRC-32 and padding, and writes the characters in groups after the prefix.
fn finish(mut bits: Bits) -> String {
    let crc = crc32(&bits.bytes());
    bits.push(crc.into(), CRC_BITS);
    while !bits.0.len().is_multiple_of(5) {
        bits.0.push(false);
    }
    let chars: Vec<char> =
        bits.0.chunks(5).map(|c| ALPHABET[c.iter().fold(0, |v, &b| v << 1 | usize::from(b))] as char).collect();
    let groups: Vec<String> = chars.chunks(GROUP).map(|g| g.iter().collect()).collect();
    format!("{PREFIX}{}", groups.join("-"))
}

// ── Writing ────────────────────────────────────────────────────────────────────────

/// The name as a code carries it: at most `MAX_NAME_BYTES`, cut at a character.
fn name_bytes(name: &Option<String>) -> &[u8] {
    let Some(name) = name else { return &[] };
    let mut end = name.len().min(MAX_NAME_BYTES);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name.as_bytes()[..end]
}

/// Header and body of a share's code (without the CRC-32); also what its ID hashes.
pub(super) fn share_body(s: &Share) -> Bits {
    let name = name_bytes(&s.organisation);
    let mut bits = header(Kind::Share, name.len() as u8);
    bits.push(s.participant.into(), TAG_BITS);
    for &p in &s.areas {
        bits.push(p.min(100).into(), PERCENT_BITS);
    }
    for &c in &s.criteria {
        bits.push(c as u64, 2);
    }
    for &b in name {
        bits.push(b.into(), 8);
    }
    bits
}

pub(super) fn share_code(s: &Share) -> String {
    finish(share_body(s))
}

pub(super) fn summary_code(s: &Summary) -> String {
    let width = (32 - s.participants.leading_zeros()).max(1) as usize;
    let mut bits = header(Kind::Summary, width as u8);
    bits.push(s.participants.into(), width);
    for &level in &LEVELS {
        let l = s.level(level);
        bits.push(l.map_or(0, |l| l.ready).into(), width);
        bits.push(l.map_or(0, |l| l.on_track).into(), width);
    }
    for &area in Area::ALL {
        let a = s.area(area);
        for i in 0..3 {
            bits.push(a.map_or(0, |a| a.bands[i]).into(), width);
        }
        bits.push(a.map_or(0, |a| a.median.min(100)).into(), PERCENT_BITS);
    }
    for id in CRITERIA {
        bits.push(s.missing(id).into(), width);
    }
    finish(bits)
}

// ── Reading ────────────────────────────────────────────────────────────────────────

/// Spaces and every kind of dash or hyphen a word processor might put in.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '_' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Upper case, with the look-alikes Crockford base32 forgives.
fn canonical(c: char) -> char {
    match c.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        c => c,
    }
}

/// Reads any workshop code.
pub fn decode(text: &str) -> Result<Decoded, CodeError> {
    let chars: Vec<char> = without_bidi(text).chars().filter(|&c| !is_separator(c)).map(canonical).collect();
    if chars.is_empty() {
        return Err(CodeError::Empty);
    }
    const HEAD: [char; 3] = ['C', 'B', '1'];
    if chars.len() < HEAD.len() {
        return Err(if HEAD.starts_with(&chars) { CodeError::Incomplete } else { CodeError::NotACode });
    }
    if chars[..2] != HEAD[..2] {
        return Err(CodeError::NotACode);
    }
    match chars[2] {
        '1' => {}
        '2'..='9' => return Err(CodeError::NewerVersion),
        _ => return Err(CodeError::NotACode),
    }
    let payload = &chars[3..];
    let mut bits = Vec::with_capacity(payload.len() * 5);
    for &c in payload {
        let v = ALPHABET.iter().position(|&a| char::from(a) == c).ok_or(CodeError::BadCharacter(c))?;
        bits.extend((0..5).rev().map(|i| v >> i & 1 == 1));
    }
    if bits.len() < HEADER_BITS {
        return Err(CodeError::Incomplete);
    }
    let mut r = Reader { bits: &bits, at: 0 };
    let (kind, size, check) = (r.take(8) as u8, r.take(8) as u8, r.take(8) as u8);
    if crc8(&[kind, size]) != check {
        return Err(CodeError::Changed);
    }
    let size = usize::from(size);
    let body = match kind {
        1 => TAG_BITS + 5 * PERCENT_BITS + 2 * CRITERIA.len() + 8 * size,
        2 if (1..=32).contains(&size) => {
            size * (1 + 2 * LEVELS.len() + 3 * Area::ALL.len() + CRITERIA.len()) + 5 * PERCENT_BITS
        }
        2 => return Err(CodeError::Changed),
        // Kinds a later version 1 may add; any other byte is damage.
        3..=15 => return Err(CodeError::NewerVersion),
        _ => return Err(CodeError::Changed),
    };
    let end = HEADER_BITS + body;
    let expected = (end + CRC_BITS).div_ceil(5);
    if payload.len() < expected {
        return Err(CodeError::Incomplete);
    }
    if payload.len() > expected {
        return Err(CodeError::Changed);
    }
    let crc = Reader { bits: &bits, at: end }.take(CRC_BITS) as u32;
    if crc != crc32(&Bits(bits[..end].to_vec()).bytes()) || bits[end + CRC_BITS..].iter().any(|&b| b) {
        return Err(CodeError::Changed);
    }
    // Past the checks, only a deliberately forged code could hold values out of range.
    if kind == 1 {
        read_share(&mut r, size).map(Decoded::Share)
    } else {
        read_summary(&mut r, size).map(Decoded::Summary)
    }
}

fn read_share(r: &mut Reader, name_len: usize) -> Result<Share, CodeError> {
    let participant = r.take(TAG_BITS) as u32;
    let mut areas = [0; 5];
    for a in &mut areas {
        *a = r.take(PERCENT_BITS) as u32;
        if *a > 100 {
            return Err(CodeError::Changed);
        }
    }
    let mut criteria = [CriterionStatus::NotMet; 15];
    for c in &mut criteria {
        *c = match r.take(2) {
            0 => CriterionStatus::NotMet,
            1 => CriterionStatus::Partly,
            2 => CriterionStatus::Met,
            _ => return Err(CodeError::Changed),
        };
    }
    let name: Vec<u8> = (0..name_len).map(|_| r.take(8) as u8).collect();
    let name = String::from_utf8(name).map_err(|_| CodeError::Changed)?;
    Ok(Share { participant, levels: levels_from_criteria(&criteria), areas, criteria, organisation: clean_name(&name) })
}

fn read_summary(r: &mut Reader, width: usize) -> Result<Summary, CodeError> {
    let n = r.take(width);
    let take = |r: &mut Reader, limit: u64| -> Result<u32, CodeError> {
        let v = r.take(width);
        if v > limit {
            return Err(CodeError::Changed);
        }
        Ok(v as u32)
    };
    let mut levels = Vec::new();
    for &level in &LEVELS {
        let ready = take(r, n)?;
        let on_track = take(r, n - u64::from(ready))?;
        levels.push(LevelCount { level, ready, on_track, not_yet: (n as u32) - ready - on_track });
    }
    let mut areas = Vec::new();
    for &area in Area::ALL {
        let mut bands = [0; 4];
        let mut left = n;
        for b in &mut bands[..3] {
            *b = take(r, left)?;
            left -= u64::from(*b);
        }
        bands[3] = left as u32;
        let median = r.take(PERCENT_BITS) as u32;
        if median > 100 {
            return Err(CodeError::Changed);
        }
        areas.push(AreaSpread { area, bands, median });
    }
    let mut counts = Vec::new();
    for _ in CRITERIA {
        counts.push(take(r, n)?);
    }
    Ok(Summary { participants: n as u32, levels, areas, missing: missing_list(counts.into_iter()), names: Vec::new() })
}

/// Reads a participant's code.
pub fn decode_share(text: &str) -> Result<Share, CodeError> {
    match decode(text)? {
        Decoded::Share(s) => Ok(s),
        Decoded::Summary(_) => Err(CodeError::WrongKind(Kind::Summary)),
    }
}

/// Reads the room's summary code.
pub fn decode_summary(text: &str) -> Result<Summary, CodeError> {
    match decode(text)? {
        Decoded::Summary(s) => Ok(s),
        Decoded::Share(_) => Err(CodeError::WrongKind(Kind::Share)),
    }
}

/// A code found in a text, on a line counted from 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundCode {
    pub line: usize,
    pub text: String,
}

/// The codes in a text (an email, a chat log, a list pasted by the facilitator): on each
/// line, the first word starting `CB` and a digit, up to the end of the line (codes may
/// hold spaces), without trailing punctuation. Lines without one are skipped.
pub fn find_codes(text: &str) -> Vec<FoundCode> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = without_bidi(line);
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let start = chars.windows(3).enumerate().find_map(|(k, w)| {
            let word_start = k == 0 || !chars[k - 1].1.is_alphanumeric();
            let is_head = w[0].1.eq_ignore_ascii_case(&'c')
                && w[1].1.eq_ignore_ascii_case(&'b')
                && canonical(w[2].1).is_ascii_digit();
            (word_start && is_head).then_some(w[0].0)
        });
        if let Some(at) = start {
            let code = line[at..].trim_end_matches(|c: char| !c.is_alphanumeric());
            found.push(FoundCode { line: n + 1, text: code.to_string() });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A code with a correct header and checksum around any body bits.
    fn forged(kind: u8, size: u8, body: &[(u64, usize)]) -> String {
        let mut bits = Bits::default();
        bits.push(kind.into(), 8);
        bits.push(size.into(), 8);
        bits.push(crc8(&[kind, size]).into(), 8);
        for &(v, n) in body {
            bits.push(v, n);
        }
        finish(bits)
    }

    fn share_body(areas: u64, status: u64, name: &[u8]) -> Vec<(u64, usize)> {
        let mut body = vec![(7, TAG_BITS)];
        body.extend([(areas, PERCENT_BITS); 5]);
        body.extend([(status, 2); 15]);
        body.extend(name.iter().map(|&b| (u64::from(b), 8)));
        body
    }

    #[test]
    fn the_checks_are_the_standard_ones() {
        // Check values from the CRC catalogue for the ASCII digits 1 to 9.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc8(b"123456789"), 0xF4);
        assert_eq!(base32(31, 2), "0Z");
    }

    #[test]
    fn a_forged_share_reads_only_when_its_values_are_in_range() {
        let ok = decode(&forged(1, 4, &share_body(100, 2, b"Acme"))).unwrap();
        let Decoded::Share(s) = ok else { panic!("a share") };
        assert_eq!((s.participant, s.areas, s.organisation.as_deref()), (7, [100; 5], Some("Acme")));
        assert_eq!(decode(&forged(1, 0, &share_body(101, 2, b""))), Err(CodeError::Changed), "101%");
        assert_eq!(decode(&forged(1, 0, &share_body(50, 3, b""))), Err(CodeError::Changed), "status 3");
        assert_eq!(decode(&forged(1, 2, &share_body(50, 2, &[0xC3, 0x28]))), Err(CodeError::Changed), "not UTF-8");
    }

    #[test]
    fn kinds_from_a_later_version_are_named_as_such() {
        assert_eq!(decode(&forged(3, 0, &[(0, 40)])), Err(CodeError::NewerVersion));
        assert_eq!(decode(&forged(15, 0, &[(0, 40)])), Err(CodeError::NewerVersion));
        assert_eq!(decode(&forged(200, 0, &[(0, 40)])), Err(CodeError::Changed));
        assert_eq!(decode(&forged(2, 0, &[(0, 40)])), Err(CodeError::Changed), "a summary's counts need a width");
    }

    #[test]
    fn a_forged_summary_with_impossible_counts_is_refused() {
        // Two participants, three ready for level 1.
        let mut body = vec![(2, 2), (3, 2)];
        body.extend([(0, 2); 5]);
        for _ in 0..5 {
            body.extend([(0, 2), (0, 2), (0, 2), (0, PERCENT_BITS)]);
        }
        body.extend([(0, 2); 15]);
        assert_eq!(decode(&forged(2, 2, &body)), Err(CodeError::Changed));
        body[1] = (1, 2);
        let Ok(Decoded::Summary(s)) = decode(&forged(2, 2, &body)) else { panic!("a summary") };
        assert_eq!((s.participants, s.levels[0].ready, s.levels[0].not_yet, s.areas[0].bands), (2, 1, 1, [0, 0, 0, 2]));
    }

    #[test]
    fn padding_bits_must_be_zero() {
        // 150 bits fill 30 characters exactly for a share without a name; one name byte
        // leaves 2 bits of padding in the last character.
        let code = forged(1, 1, &share_body(0, 0, b"A"));
        assert!(decode(&code).is_ok());
        let last = code.chars().last().unwrap();
        let v = ALPHABET.iter().position(|&a| char::from(a) == last).unwrap();
        let damaged = format!("{}{}", &code[..code.len() - 1], char::from(ALPHABET[v | 1]));
        assert_ne!(damaged, code, "the padding bit was zero");
        assert_eq!(decode(&damaged), Err(CodeError::Changed));
    }
}

//! Text helpers shared by every section: the length limit on typed text, direction
//! controls in names and codes, letter case, and `{name}` placeholders. A leaf: it
//! imports nothing from the domain.

/// Longest organisation name, evidence note, action title, and so on, in characters:
/// what the file format accepts and what the editors keep.
pub const MAX_TEXT_CHARS: usize = 5000;

/// The first [`MAX_TEXT_CHARS`] characters of `text`.
pub fn clamp(text: &str) -> String {
    text.chars().take(MAX_TEXT_CHARS).collect()
}

/// True when `text` is longer than [`MAX_TEXT_CHARS`].
pub fn too_long(text: &str) -> bool {
    text.chars().count() > MAX_TEXT_CHARS
}

/// `s` without bidirectional control characters (the marks U+200E, U+200F and U+061C,
/// the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069). They are
/// invisible, and can make a name or a code show in another order than the one it is
/// read in: "Acme\u{202e}gnp.exe" shows as "Acmeexe.png". Names and codes never need
/// them, so every name and code the domain accepts or reads goes through this.
pub fn without_bidi(s: &str) -> String {
    s.chars()
        .filter(
            |c| !matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'),
        )
        .collect()
}

/// "Text" from "text".
pub fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| upper(f).to_string() + c.as_str()).unwrap_or_default()
}

/// "text" from "Text".
pub fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| lower(f).to_string() + c.as_str()).unwrap_or_default()
}

/// `s` in lower case (see [`lower`]).
pub fn lowercase(s: &str) -> String {
    s.chars().map(lower).collect()
}

/// The capital of a letter of English or Welsh: ASCII, Latin-1 and Latin Extended-A
/// (Welsh ŵ and ŷ among them); any other character is returned as it is. The standard
/// library's `to_uppercase` and `to_lowercase` cover all of Unicode with tables that
/// add some 11 KB (gzip) to every screen of the browser app that changes case.
pub fn upper(c: char) -> char {
    let n = c as u32;
    let to = match n {
        0x61..=0x7A => n - 0x20,
        0xE0..=0xFE if n != 0xF7 => n - 0x20,
        0xFF => 0x178,
        0x131 => 0x49,
        0x17F => 0x53,
        0x100..=0x137 | 0x14A..=0x177 if n != 0x131 && !n.is_multiple_of(2) => n - 1,
        0x139..=0x148 | 0x179..=0x17E if n.is_multiple_of(2) => n - 1,
        _ => n,
    };
    char::from_u32(to).unwrap_or(c)
}

/// The small letter of a capital of English or Welsh (see [`upper`]).
pub fn lower(c: char) -> char {
    let n = c as u32;
    let to = match n {
        0x41..=0x5A => n + 0x20,
        0xC0..=0xDE if n != 0xD7 => n + 0x20,
        0x178 => 0xFF,
        0x100..=0x137 | 0x14A..=0x177 if n != 0x130 && n.is_multiple_of(2) => n + 1,
        0x139..=0x148 | 0x179..=0x17E if !n.is_multiple_of(2) => n + 1,
        _ => n,
    };
    char::from_u32(to).unwrap_or(c)
}

/// Fills `{name}` placeholders from `values` in one pass: a value that itself contains
/// `{name}` stays as given, and an unknown `{placeholder}` is kept as it is.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let found = values.iter().find_map(|(name, value)| {
            let after = tail[1..].strip_prefix(name)?.strip_prefix('}')?;
            Some((value, after))
        });
        match found {
            Some((value, after)) => {
                out.push_str(value);
                rest = after;
            }
            None => {
                out.push('{');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_is_one_pass() {
        assert_eq!(fill("{a} and {b}", &[("a", "{b}"), ("b", "B")]), "{b} and B");
        assert_eq!(fill("{x} {a}", &[("a", "A")]), "{x} A");
        assert_eq!(fill("{", &[("a", "A")]), "{");
        assert_eq!(fill("{a}{a}", &[("a", "é")]), "éé");
    }

    #[test]
    fn first_letters() {
        assert_eq!(upper_first("émile"), "Émile");
        assert_eq!(lower_first("Half a day"), "half a day");
        assert_eq!(upper_first(""), "");
        assert_eq!(upper_first("ŵyr"), "Ŵyr");
        assert_eq!(lowercase("ÀLLÔ ŶR ŴYN"), "àllô ŷr ŵyn");
    }

    #[test]
    fn case_agrees_with_unicode_wherever_it_changes_a_letter() {
        for c in (0..0x250u32).filter_map(char::from_u32) {
            let (up, low) = (upper(c), lower(c));
            let std_up: Vec<char> = c.to_uppercase().collect();
            let std_low: Vec<char> = c.to_lowercase().collect();
            if up != c {
                assert_eq!(std_up, [up], "upper({c:?})");
            }
            if low != c {
                assert_eq!(std_low, [low], "lower({c:?})");
            }
            // Every letter of ASCII, Latin-1 and Latin Extended-A that has a one-letter
            // case partner gets it.
            if (c as u32) < 0x180 && std_up.len() == 1 && std_up[0] != c && (std_up[0] as u32) < 0x180 {
                assert_eq!(up, std_up[0], "upper({c:?}) missed");
            }
            if (c as u32) < 0x180 && std_low.len() == 1 && std_low[0] != c && (std_low[0] as u32) < 0x180 {
                assert_eq!(low, std_low[0], "lower({c:?}) missed");
            }
        }
    }
}

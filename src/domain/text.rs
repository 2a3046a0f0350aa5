//! Text helpers shared by every section: the length limit on typed text, first-letter
//! case, and `{name}` placeholders. A leaf: it imports nothing from the domain.

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

/// "Text" from "text".
pub fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// "text" from "Text".
pub fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_lowercase().collect::<String>() + c.as_str()).unwrap_or_default()
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
    }
}

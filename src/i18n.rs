//! The translation layer. Every user-visible string goes through [`t`] or [`tf`].
//! Strings live in `src/i18n/<lang>.toml`; `build.rs` turns the English keys into the
//! [`Msg`] enum, so using a key that does not exist fails to compile.

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    Cy,
}

impl Lang {
    /// BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Cy => "cy",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag.to_ascii_lowercase().as_str() {
            "en" | "en-gb" => Some(Lang::En),
            "cy" | "cy-gb" => Some(Lang::Cy),
            _ => None,
        }
    }
}

/// The text of `msg` in `lang`, falling back to English where no translation exists.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::En => english(msg),
        Lang::Cy => welsh(msg).unwrap_or_else(|| english(msg)),
    }
}

/// Like [`t`], with `{name}` placeholders filled from `args`.
pub fn tf(lang: Lang, msg: Msg, args: &[(&str, &str)]) -> String {
    let mut s = t(lang, msg).to_string();
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_english_text_and_placeholders_are_well_formed() {
        for &m in Msg::ALL {
            let s = t(Lang::En, m);
            assert!(!s.trim().is_empty(), "{} is empty", m.key());
            assert_eq!(s.matches('{').count(), s.matches('}').count(), "{} has unbalanced braces", m.key());
        }
    }

    #[test]
    fn welsh_falls_back_to_english_and_placeholders_fill() {
        let m = Msg::ALL[0];
        assert_eq!(t(Lang::Cy, m), t(Lang::En, m));
        assert_eq!(tf(Lang::En, Msg::SavedAt, &[("time", "10:30")]), "Saved at 10:30");
    }
}

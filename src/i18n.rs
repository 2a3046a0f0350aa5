//! The translation layer. Every user-visible string goes through [`t`] or [`tf`].
//! Strings live in `src/i18n/<lang>.toml` (the first-load app, [`Msg`]),
//! `src/i18n/sections.<lang>.toml` (results, policies, plan, passport, share:
//! [`SectionMsg`]) and `src/i18n/workbench.<lang>.toml` (the words those share with the
//! facilitator's screens, and theirs: [`WMsg`]). One catalogue per group of chunks that
//! load together: a chunk carries a catalogue's strings whole. `build.rs` turns the
//! English keys into those enums, so using a key that does not exist fails to compile.

/// A generated message enum: each message's English text, and its Welsh if translated.
pub trait Catalogue: Copy {
    fn english(self) -> &'static str;
    fn welsh(self) -> Option<&'static str>;
}

include!(concat!(env!("OUT_DIR"), "/messages.rs"));
include!(concat!(env!("OUT_DIR"), "/workbench_messages.rs"));
include!(concat!(env!("OUT_DIR"), "/section_messages.rs"));

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
pub fn t<M: Catalogue>(lang: Lang, msg: M) -> &'static str {
    match lang {
        Lang::En => msg.english(),
        Lang::Cy => msg.welsh().unwrap_or_else(|| msg.english()),
    }
}

/// Like [`t`], with `{name}` placeholders filled from `args`.
pub fn tf<M: Catalogue>(lang: Lang, msg: M, args: &[(&str, &str)]) -> String {
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
        let all = Msg::ALL.iter().map(|&m| (m.key(), t(Lang::En, m)));
        let workbench = WMsg::ALL.iter().map(|&m| (m.key(), t(Lang::En, m)));
        let sections = SectionMsg::ALL.iter().map(|&m| (m.key(), t(Lang::En, m)));
        for (key, s) in all.chain(workbench).chain(sections) {
            assert!(!s.trim().is_empty(), "{key} is empty");
            assert_eq!(s.matches('{').count(), s.matches('}').count(), "{key} has unbalanced braces");
        }
    }

    #[test]
    fn welsh_falls_back_to_english_and_placeholders_fill() {
        let m = Msg::ALL[0];
        assert_eq!(t(Lang::Cy, m), t(Lang::En, m));
        assert_eq!(tf(Lang::En, Msg::SavedAt, &[("time", "10:30")]), "Saved at 10:30");
    }
}

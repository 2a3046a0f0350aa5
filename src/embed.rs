//! Embed configuration: how a council's page brands and configures the app. Read once
//! at start-up into one typed value. Pure: the UI hands over the raw settings (from the
//! container's `data-*` attributes, or the iframe's query string) and gets back the
//! config plus a warning for everything it refused, which the UI logs to the console.

use crate::domain::format::quoted as q;
use crate::domain::model::Nation;
use crate::i18n::Lang;

/// A local signposting link: a title and an https address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// A colour as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    pub fn parse(s: &str) -> Option<Colour> {
        let hex = s.trim().strip_prefix('#')?;
        let hex = match hex.len() {
            3 => hex.chars().flat_map(|c| [c, c]).collect::<String>(),
            6 => hex.to_string(),
            _ => return None,
        };
        let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        Some(Colour(byte(0)?, byte(2)?, byte(4)?))
    }

    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2 relative luminance × 10,000.
    fn luminance(self) -> u32 {
        (2126 * SRGB_LINEAR[self.0 as usize]
            + 7152 * SRGB_LINEAR[self.1 as usize]
            + 722 * SRGB_LINEAR[self.2 as usize]
            + 5000)
            / 10_000
    }

    /// WCAG 2 contrast ratio between two colours × 100 (100 to 2100), rounded.
    pub fn contrast(self, other: Colour) -> u32 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = (a.max(b) + 500, a.min(b) + 500);
        (hi * 100 + lo / 2) / lo
    }
}

// Whole-number WCAG maths (a table made by build.rs): floats would add kilobytes to
// the browser bundle.
include!(concat!(env!("OUT_DIR"), "/srgb.rs"));

pub const WHITE: Colour = Colour(255, 255, 255);
/// WCAG AA for normal text (4.5:1, × 100): the accent is used for white button text
/// and for links on white.
pub const MIN_CONTRAST: u32 = 450;
pub const MAX_LINKS: usize = 10;

#[derive(Debug, Clone, PartialEq)]
pub struct EmbedConfig {
    /// The embedding organisation, e.g. "Anytown Council", shown in the header.
    pub host_name: Option<String>,
    /// Its logo: an https address, or a path on the same site.
    pub logo: Option<String>,
    pub accent: Option<Colour>,
    pub nation: Option<Nation>,
    pub lang: Lang,
    /// Local carers' services and the like, shown on the results page and offered
    /// to the carer passport's contacts.
    pub links: Vec<Link>,
    /// Prefix of every storage key, so two embeds on one site keep apart.
    pub storage_key: String,
}

impl Default for EmbedConfig {
    fn default() -> Self {
        EmbedConfig {
            host_name: None,
            logo: None,
            accent: None,
            nation: None,
            lang: Lang::En,
            links: Vec::new(),
            storage_key: "carer-benchmark".into(),
        }
    }
}

fn https_url(s: &str) -> bool {
    let s = s.trim();
    s.len() <= 2000
        && s.strip_prefix("https://").is_some_and(|rest| {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !host.contains(['@', ' ', '\\'])
        })
}

fn same_site_path(s: &str) -> bool {
    s.starts_with('/') && !s.starts_with("//") && !s.contains(['\\', ' '])
}

/// Builds the config from raw settings. `get(name)` returns a setting's value;
/// `links` are (title, address) pairs in the order given. Every refused value is
/// left at its safe default and explained in the returned warnings.
pub fn parse(get: impl Fn(&str) -> Option<String>, links: &[(String, String)]) -> (EmbedConfig, Vec<String>) {
    let mut c = EmbedConfig::default();
    let mut warnings = Vec::new();
    let text = |name: &str| get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());

    c.host_name = text("org-name").map(|n| n.chars().take(100).collect());
    if let Some(logo) = text("logo") {
        if https_url(&logo) || same_site_path(&logo) {
            c.logo = Some(logo);
        } else {
            warnings.push(format!("logo {} ignored: use an https:// address or a path starting with /", q(&logo)));
        }
    }
    if let Some(accent) = text("accent") {
        match Colour::parse(&accent) {
            Some(col) if col.contrast(WHITE) >= MIN_CONTRAST => c.accent = Some(col),
            Some(col) => {
                let hundredths = col.contrast(WHITE);
                warnings.push(format!(
                    "accent {} ignored: its contrast with white is {}.{:02}:1, below the 4.5:1 WCAG AA needs; using the default",
                    q(&accent),
                    hundredths / 100,
                    hundredths % 100
                ))
            }
            None => warnings.push(format!("accent {} ignored: use a colour like #1d70b8", q(&accent))),
        }
    }
    if let Some(n) = text("nation") {
        c.nation = Nation::from_id(&n);
        if c.nation.is_none() {
            warnings.push(format!("nation {} ignored: use england, wales, scotland or northern_ireland", q(&n)));
        }
    }
    if let Some(l) = text("lang") {
        match Lang::from_tag(&l) {
            Some(lang) => c.lang = lang,
            None => warnings.push(format!("lang {} ignored: use en or cy", q(&l))),
        }
    }
    if let Some(k) = text("storage-key") {
        if k.len() <= 40 && k.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_') {
            c.storage_key = format!("carer-benchmark-{k}");
        } else {
            warnings.push(format!("storage-key {} ignored: use up to 40 letters, digits, - or _", q(&k)));
        }
    }
    for (title, url) in links {
        let title = title.trim();
        if c.links.len() == MAX_LINKS {
            warnings.push(format!("link {} ignored: at most {MAX_LINKS} links", q(title)));
        } else if title.is_empty() {
            warnings.push(format!("link to {} ignored: it has no title", q(url)));
        } else if !https_url(url) {
            warnings.push(format!("link {} ignored: {} is not an https:// address", q(title), q(url)));
        } else {
            c.links.push(Link { title: title.chars().take(120).collect(), url: url.trim().to_string() });
        }
    }
    (c, warnings)
}

/// Settings from an iframe's query string: `?org-name=…&accent=…&link=Title|https://…`
/// (`link` may repeat). Percent-encoding and `+` for space are decoded.
pub fn parse_query(query: &str) -> (EmbedConfig, Vec<String>) {
    let pairs: Vec<(String, String)> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect();
    let links: Vec<(String, String)> = pairs
        .iter()
        .filter(|(k, _)| k == "link")
        .map(|(_, v)| {
            let (t, u) = v.split_once('|').unwrap_or(("", v));
            (t.to_string(), u.to_string())
        })
        .collect();
    parse(|name| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()), &links)
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(pairs: &[(&str, &str)], links: &[(&str, &str)]) -> (EmbedConfig, Vec<String>) {
        let links: Vec<(String, String)> = links.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        parse(|n| pairs.iter().find(|(k, _)| *k == n).map(|(_, v)| v.to_string()), &links)
    }

    #[test]
    fn nothing_set_gives_the_defaults_and_no_warnings() {
        assert_eq!(cfg(&[], &[]), (EmbedConfig::default(), vec![]));
    }

    #[test]
    fn good_settings_are_taken() {
        let (c, w) = cfg(
            &[
                ("org-name", " Anytown Council "),
                ("logo", "/img/logo.svg"),
                ("accent", "#1D70B8"),
                ("nation", "wales"),
                ("lang", "cy"),
                ("storage-key", "anytown"),
            ],
            &[("Anytown Carers Hub", "https://carers.anytown.gov.uk/hub")],
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.host_name.as_deref(), Some("Anytown Council"));
        assert_eq!(c.accent, Some(Colour(0x1d, 0x70, 0xb8)));
        assert_eq!(c.nation, Some(Nation::Wales));
        assert_eq!(c.lang, Lang::Cy);
        assert_eq!(c.storage_key, "carer-benchmark-anytown");
        assert_eq!(
            c.links,
            vec![Link { title: "Anytown Carers Hub".into(), url: "https://carers.anytown.gov.uk/hub".into() }]
        );
    }

    #[test]
    fn low_contrast_accents_are_refused_with_the_ratio() {
        // #ffdd00 (yellow) on white is 1.35:1; #767676 is the lightest grey that passes.
        let (c, w) = cfg(&[("accent", "#ffdd00")], &[]);
        assert_eq!(c.accent, None);
        assert!(w[0].contains("1.35:1") && w[0].contains("4.5:1"), "{w:?}");
        assert_eq!(cfg(&[("accent", "#767676")], &[]).0.accent, Some(Colour(0x76, 0x76, 0x76)));
        assert_eq!(cfg(&[("accent", "#777777")], &[]).0.accent, None);
        assert_eq!(cfg(&[("accent", "blue")], &[]).0.accent, None);
        assert_eq!(Colour::parse("#03c"), Some(Colour(0, 0x33, 0xcc)));
    }

    #[test]
    fn unsafe_links_and_logos_are_refused() {
        let (c, w) = cfg(
            &[("logo", "javascript:alert(1)")],
            &[
                ("Plain", "http://example.org"),
                ("Script", "javascript:alert(1)"),
                ("", "https://ok.example"),
                ("Tricky", "https://user@evil.example"),
                ("Good", "https://ok.example/x"),
            ],
        );
        assert_eq!(c.logo, None);
        assert_eq!(c.links.iter().map(|l| l.title.as_str()).collect::<Vec<_>>(), ["Good"]);
        assert_eq!(w.len(), 5, "{w:?}");
        assert_eq!(cfg(&[("logo", "//evil.example/x.png")], &[]).0.logo, None);
    }

    #[test]
    fn storage_keys_are_namespaced_and_checked() {
        assert_eq!(cfg(&[("storage-key", "a b")], &[]).0.storage_key, "carer-benchmark");
        assert_eq!(cfg(&[("storage-key", "north_2")], &[]).0.storage_key, "carer-benchmark-north_2");
    }

    #[test]
    fn query_strings_decode_and_repeat_links() {
        let (c, w) = parse_query("?org-name=Anytown+Council&accent=%23005ea5&link=Carers%20Hub|https://a.example/&link=Bad|http://b.example&nation=scotland");
        assert_eq!(c.host_name.as_deref(), Some("Anytown Council"));
        assert_eq!(c.accent, Some(Colour(0, 0x5e, 0xa5)));
        assert_eq!(c.nation, Some(Nation::Scotland));
        assert_eq!(c.links.len(), 1);
        assert_eq!(w.len(), 1);
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
    }
}

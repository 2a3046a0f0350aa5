//! `public/index.html` carries a static copy of the top of the start page, painted before
//! the wasm arrives and replaced by the app (issue 14). Its words are written out in the
//! HTML; these tests hold them to the English catalogue and the statistics the app draws
//! them from (`src/ui/home.rs`), so the two cannot drift apart. `tests/e2e/first-paint.
//! test.mjs` checks in a browser that the copy and the app look the same.
#![cfg(not(target_arch = "wasm32"))]

use carer_benchmark::domain::statistics::statistics;
use carer_benchmark::i18n::{t, tf, Lang, Msg};

fn index_html() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/index.html")).expect("public/index.html")
}

/// The static copy: the app's container in index.html.
fn static_copy(html: &str) -> &str {
    let start = html.find(r#"<div id="carer-benchmark""#).expect("the app's container");
    let end = html[start..].find("</body>").expect("</body>") + start;
    &html[start..end]
}

/// The text of the first element opened by `open` (e.g. `<p class="cb-lead">`) up to
/// `close`, as a browser shows it: comments and inner tags dropped, white space
/// collapsed, character references read.
fn text(html: &str, open: &str, close: &str) -> String {
    let start = html.find(open).unwrap_or_else(|| panic!("no {open} in the static copy")) + open.len();
    let inner = &html[start..start + html[start..].find(close).unwrap_or_else(|| panic!("no {close} after {open}"))];
    let mut out = String::new();
    let mut rest = inner;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let gt =
            if rest[lt..].starts_with("<!--") { rest[lt..].find("-->").map(|i| i + 2) } else { rest[lt..].find('>') };
        rest = &rest[lt + gt.expect("a closed tag") + 1..];
    }
    out.push_str(rest);
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&rsquo;", "\u{2019}")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_static_start_page_has_the_words_of_the_english_catalogue() {
    let html = index_html();
    let copy = static_copy(&html);
    let en = |m| t(Lang::En, m).to_string();
    let stat = statistics().iter().find(|s| s.id == "workforce-carers").expect("the 1-in-7 statistic");

    assert_eq!(text(copy, r#"<span class="cb-header__home">"#, "</span>"), en(Msg::ProductName), "header");
    assert_eq!(text(copy, "<h1>", "</h1>"), en(Msg::ProductName), "heading");
    assert_eq!(text(copy, r#"<p class="cb-lead">"#, "</p>"), en(Msg::ProductSummary), "summary");
    assert_eq!(
        text(copy, r#"<p class="cb-stat">"#, "</p>"),
        format!("{} {}", stat.text, tf(Lang::En, Msg::SourceLabel, &[("source", stat.source)])),
        "statistic"
    );
    assert_eq!(
        text(copy, r#"<span class="cb-source">"#, "</span>"),
        tf(Lang::En, Msg::SourceLabel, &[("source", stat.source)])
    );
    let notice = &copy[copy.find(r#"<div class="cb-inset" role="note">"#).expect("the independence notice")..];
    assert_eq!(text(notice, r#"<h2 class="cb-inset__title">"#, "</h2>"), en(Msg::DisclaimerTitle), "notice title");
    assert_eq!(text(notice, "<p>", "</p>"), en(Msg::DisclaimerText), "notice");
}

#[test]
fn the_static_start_page_says_what_the_page_needs_without_javascript() {
    let html = index_html();
    let message = text(static_copy(&html), "<noscript>", "</noscript>");
    assert!(message.contains("needs JavaScript and WebAssembly"), "{message}");
}

#[test]
fn the_static_start_page_has_no_links() {
    // mount() reads the links inside a container as an embed's local signposting, and a
    // container with links takes no settings from the address (read_config in ui/mod.rs):
    // one link here would switch off an iframe embed's settings.
    let html = index_html();
    let copy = static_copy(&html);
    assert!(!copy.contains("<a ") && !copy.contains("href"), "a link in the static copy:\n{copy}");
}

//! The address follows the app. The screen and the open assessment are kept in one query
//! parameter of the page's address (`?cb=a18c2f3:results`), so Back and Forward move
//! between the tool's screens, a reload reopens the same screen, and an address can be
//! bookmarked. Everything else in the address (the host page's path, its own query
//! parameters, its hash) is left byte for byte as it was: a council's page keeps its own.
//! Each embed has its own parameter (`cb` for the default storage key, `cb-north` for
//! `carer-benchmark-north`), so two embeds on one page keep separate places.
//!
//! The value is `[<assessment ID>:]<screen>`, with screens written as paths:
//! `new`, `tasks`, `question/4` (the fourth criterion), `check/1`, `results`,
//! `policies/group/2`, `plan/edit/<action ID>`, `passport/support`, `workshop/room`, …
//! The start page has no parameter.

use super::{passport, plan, policies, workshop, Screen};
use crate::domain::passport::Part;
use wasm_bindgen::prelude::*;

/// The parameter for an embed with this storage key.
pub fn param_name(storage_key: &str) -> String {
    match storage_key.strip_prefix("carer-benchmark") {
        Some("") | None => "cb".into(),
        Some(rest) => format!("cb{rest}"),
    }
}

/// The screen as a path; `None` for the start page.
fn path(screen: &Screen) -> Option<String> {
    use passport::Page as Pp;
    use plan::Page as Pl;
    use policies::Page as Po;
    use workshop::Page as W;
    Some(match screen {
        Screen::Home => return None,
        Screen::New => "new".into(),
        Screen::EditOrganisation => "organisation".into(),
        Screen::Tasks => "tasks".into(),
        Screen::Question(i) => format!("question/{}", i + 1),
        Screen::Check(level) => format!("check/{level}"),
        Screen::Results => "results".into(),
        Screen::Policies(Po::Overview) => "policies".into(),
        Screen::Policies(Po::Group(g)) => format!("policies/group/{}", g + 1),
        Screen::Policies(Po::Findings) => "policies/findings".into(),
        Screen::Plan(Pl::List) => "plan".into(),
        Screen::Plan(Pl::Edit(id)) => format!("plan/edit/{id}"),
        Screen::Plan(Pl::Add) => "plan/add".into(),
        Screen::Plan(Pl::Report) => "plan/report".into(),
        Screen::Passport(Pp::Overview) => "passport".into(),
        Screen::Passport(Pp::Step(step)) => format!("passport/{}", step.id()),
        Screen::Passport(Pp::Document(part)) => format!("passport/document/{}", part.id()),
        Screen::Share => "share".into(),
        Screen::Workshop(W::Overview) => "workshop".into(),
        Screen::Workshop(W::Details) => "workshop/details".into(),
        Screen::Workshop(W::Agenda) => "workshop/agenda".into(),
        Screen::Workshop(W::Projector(n)) => format!("workshop/projector/{n}"),
        Screen::Workshop(W::Collect) => "workshop/collect".into(),
        Screen::Workshop(W::Room) => "workshop/room".into(),
        Screen::Workshop(W::RoomProjector) => "workshop/room-projector".into(),
        Screen::Workshop(W::Print) => "workshop/print".into(),
    })
}

/// The screen a path names; `None` when it names none.
fn screen(path: &str) -> Option<Screen> {
    use passport::Page as Pp;
    use plan::Page as Pl;
    use policies::Page as Po;
    use workshop::Page as W;
    let parts: Vec<&str> = path.split('/').collect();
    let number = |s: &str| s.parse::<usize>().ok();
    Some(match parts.as_slice() {
        ["new"] => Screen::New,
        ["organisation"] => Screen::EditOrganisation,
        ["tasks"] => Screen::Tasks,
        ["question", n] => Screen::Question(number(n)?.checked_sub(1)?),
        ["check", l] => Screen::Check(l.parse::<u8>().ok().filter(|l| (1..=3).contains(l))?),
        ["results"] => Screen::Results,
        ["policies"] => Screen::Policies(Po::Overview),
        ["policies", "group", g] => Screen::Policies(Po::Group(number(g)?.checked_sub(1).filter(|g| *g < 3)?)),
        ["policies", "findings"] => Screen::Policies(Po::Findings),
        ["plan"] => Screen::Plan(Pl::List),
        ["plan", "edit", id] if !id.is_empty() => Screen::Plan(Pl::Edit(id.to_string())),
        ["plan", "add"] => Screen::Plan(Pl::Add),
        ["plan", "report"] => Screen::Plan(Pl::Report),
        ["passport"] => Screen::Passport(Pp::Overview),
        ["passport", "document", part] => Screen::Passport(Pp::Document(Part::from_id(part)?)),
        ["passport", step] => Screen::Passport(Pp::Step(passport::Step::from_id(step)?)),
        ["share"] => Screen::Share,
        ["workshop"] => Screen::Workshop(W::Overview),
        ["workshop", "details"] => Screen::Workshop(W::Details),
        ["workshop", "agenda"] => Screen::Workshop(W::Agenda),
        ["workshop", "projector", n] => Screen::Workshop(W::Projector(number(n)?)),
        ["workshop", "collect"] => Screen::Workshop(W::Collect),
        ["workshop", "room"] => Screen::Workshop(W::Room),
        ["workshop", "room-projector"] => Screen::Workshop(W::RoomProjector),
        ["workshop", "print"] => Screen::Workshop(W::Print),
        _ => return None,
    })
}

/// Where the user is: the parameter's value for a screen and the open assessment
/// (only screens that show an assessment carry its ID); `None` for the start page.
pub fn encode(screen: &Screen, assessment: Option<&str>) -> Option<String> {
    let path = path(screen)?;
    Some(match assessment.filter(|_| screen.needs_assessment()) {
        Some(id) => format!("{id}:{path}"),
        None => path,
    })
}

/// A place read back from the address.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub screen: Screen,
    /// The assessment the screen shows, for the screens that show one.
    pub assessment: Option<String>,
}

/// Reads a parameter's value; `None` when it names no screen (or an assessment screen
/// without its assessment).
pub fn decode(value: &str) -> Option<Place> {
    let (assessment, path) = match value.split_once(':') {
        Some((id, path)) => (Some(id.to_string()).filter(|id| !id.is_empty()), path),
        None => (None, value),
    };
    let screen = screen(path)?;
    match (screen.needs_assessment(), assessment) {
        (true, None) => None,
        (true, assessment) => Some(Place { screen, assessment }),
        (false, _) => Some(Place { screen, assessment: None }),
    }
}

/// Characters kept as they are in the parameter's value; others are percent-encoded.
fn plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~/:".contains(&b)
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if plain(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The value of parameter `name` in a query string (`?a=1&cb=tasks`), decoded.
pub fn read(search: &str, name: &str) -> Option<String> {
    let query = search.strip_prefix('?').unwrap_or(search);
    query.split('&').find_map(|pair| percent_decode(pair.strip_prefix(name)?.strip_prefix('=')?))
}

/// The query string with parameter `name` set to `value` (or removed when `None`),
/// every other parameter left exactly as it was, in its place.
pub fn write(search: &str, name: &str, value: Option<&str>) -> String {
    let query = search.strip_prefix('?').unwrap_or(search);
    let mine = |pair: &str| pair == name || pair.strip_prefix(name).is_some_and(|rest| rest.starts_with('='));
    let mut pairs: Vec<String> = Vec::new();
    let mut placed = false;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        if !mine(pair) {
            pairs.push(pair.to_string());
        } else if let (Some(v), false) = (value, placed) {
            pairs.push(format!("{name}={}", percent_encode(v)));
            placed = true;
        }
    }
    if let (Some(v), false) = (value, placed) {
        pairs.push(format!("{name}={}", percent_encode(v)));
    }
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// The page's address with this app's parameter set to `value`: path and hash kept.
fn address_with(name: &str, value: Option<&str>) -> Option<String> {
    let location = web_sys::window()?.location();
    let (path, search, hash) = (location.pathname().ok()?, location.search().ok()?, location.hash().ok()?);
    Some(format!("{path}{}{hash}", write(&search, name, value)))
}

/// This app's parameter in the page's address now.
pub fn current(name: &str) -> Option<String> {
    read(&web_sys::window()?.location().search().ok()?, name)
}

/// Records a move to `value` in the browser's history: a new entry (`push`), so Back
/// returns here, or in place of the current one.
pub fn record(name: &str, value: Option<&str>, push: bool) {
    if current(name).as_deref() == value {
        return;
    }
    let Some(url) = address_with(name, value) else { return };
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Calls `on_move` with the parameter's value whenever Back or Forward changes the
/// address, for the page's lifetime.
pub fn on_back_or_forward(name: String, on_move: impl Fn(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let listener = Closure::<dyn Fn()>::new(move || on_move(current(&name)));
    let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
    listener.forget();
}

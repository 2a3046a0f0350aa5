//! The workshop facilitator's screens: the workshop's details, the running order with
//! clock times and prompts, a projector view that moves part by part, collecting
//! participants' codes and share files, and the room's results (also for the projector)
//! with its code to share back, CSV and Markdown downloads and a print view.
//!
//! Everything is worked out by `domain::workshop`. The workshop's details and the codes
//! collected are kept in this browser (`<storage key>:workshop`, through the app's one
//! storage adapter) so a reload loses nothing; the codes are kept rather than the
//! results because a code is exactly what the participant chose to share.

use crate::common::{
    area_name, code_box, error_for, error_summary, level_name, print, show_errors, status_word, Errors,
};
use crate::ctx::W;
use crate::Page as WPage;
use carer_benchmark::domain::content::Area;
use carer_benchmark::domain::format::file_name;
use carer_benchmark::domain::policy;
use carer_benchmark::domain::workshop::{
    self as ws, clock, parse_time, running_order, timetable, total_minutes, Cohort, Share, ShareId, Summary, Workshop,
    BANDS,
};
use carer_benchmark::i18n::WMsg;
use carer_benchmark::ui::files::{download, read_all_chosen};
use carer_benchmark::ui::storage;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Page {
    /// The workshop's tasks; the details form when there is no workshop yet.
    Overview,
    Details,
    Agenda,
    /// The projector view at slide `n`: 0 the title, then each part of the running order.
    Projector(usize),
    Collect,
    Room,
    RoomProjector,
    Print,
}

// ── The facilitator's record, kept in this browser ─────────────────────────────────

/// The default start of a workshop: half past nine.
const DEFAULT_START: u32 = 9 * 60 + 30;
const STORAGE_NAME: &str = "workshop";

#[derive(Debug, Clone, PartialEq, Default)]
struct Record {
    workshop: Option<Workshop>,
    /// Minutes after midnight.
    start: u32,
    cohort: Cohort,
}

impl Record {
    /// The record as stored: the details, the start time and each share's code, in the
    /// order the cohort holds them. A `serde_json::Value`, which the assessment file
    /// already needs, rather than a derived deserialiser of its own.
    fn to_text(&self) -> String {
        let (title, date, organisation) = match &self.workshop {
            Some(w) => (w.title.as_str(), w.date.as_str(), w.organisation.as_str()),
            None => ("", "", ""),
        };
        let codes: Vec<String> = self.cohort.shares().map(|(_, s)| s.code()).collect();
        serde_json::json!({
            "title": title, "date": date, "organisation": organisation, "start": clock(self.start), "codes": codes,
        })
        .to_string()
    }

    /// Reads what [`Record::to_text`] wrote; anything unreadable is left out.
    fn from_text(text: &str) -> Record {
        let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
        let field = |k: &str| value.get(k).and_then(|v| v.as_str()).unwrap_or_default();
        let mut cohort = Cohort::new();
        for code in value.get("codes").and_then(|v| v.as_array()).into_iter().flatten().filter_map(|v| v.as_str()) {
            if let Ok(s) = ws::decode_share(code) {
                let _ = cohort.add(s);
            }
        }
        Record {
            workshop: Workshop::new(field("title"), field("date"), field("organisation")).ok(),
            start: parse_time(field("start")).unwrap_or(DEFAULT_START),
            cohort,
        }
    }
}

thread_local! {
    /// The last record written for each storage namespace, and whether the browser kept
    /// it: what the pages read when storage is off or full, so the room still survives
    /// moving between pages (and the warning stays up).
    static MEMORY: RefCell<Vec<(&'static str, String, bool)>> = const { RefCell::new(Vec::new()) };
}

/// The facilitator's record as the pages share it: read when a page opens, written back
/// on every change.
#[derive(Clone, Copy)]
struct Room {
    record: RwSignal<Record>,
    /// The browser refused the last write: the room lasts only until the page closes.
    unsaved: RwSignal<bool>,
}

impl Room {
    fn open(w: W) -> Room {
        let kept = MEMORY
            .with(|m| m.borrow().iter().find(|(k, ..)| *k == w.storage_key).map(|(_, t, saved)| (t.clone(), *saved)));
        let (text, saved) = match kept {
            Some((text, saved)) => (Some(text), saved),
            None => (storage::load_text(w.storage_key, STORAGE_NAME), true),
        };
        // A stored record this version cannot read is copied aside before anything is
        // written over it, as the assessments' storage does.
        if let Some(t) = text.as_deref().filter(|t| saved && serde_json::from_str::<serde_json::Value>(t).is_err()) {
            let aside = format!("{STORAGE_NAME}:unreadable:{}", js_sys::Date::now() as u64);
            storage::save_text(w.storage_key, &aside, Some(t));
        }
        let record =
            text.map(|t| Record::from_text(&t)).unwrap_or(Record { start: DEFAULT_START, ..Record::default() });
        Room { record: RwSignal::new(record), unsaved: RwSignal::new(!saved) }
    }

    fn change(self, w: W, f: impl FnOnce(&mut Record)) {
        self.record.update(f);
        let text = self.record.with_untracked(Record::to_text);
        let saved = storage::save_text(w.storage_key, STORAGE_NAME, Some(&text));
        MEMORY.with(|m| {
            let mut m = m.borrow_mut();
            m.retain(|(k, ..)| *k != w.storage_key);
            m.push((w.storage_key, text, saved));
        });
        self.unsaved.set(!saved);
    }

    fn workshop(self) -> Option<Workshop> {
        self.record.with(|r| r.workshop.clone())
    }

    fn summary(self) -> Summary {
        self.record.with(|r| r.cohort.summary())
    }
}

fn unsaved_warning(w: W, room: Room) -> impl IntoView {
    move || {
        room.unsaved
            .get()
            .then(|| view! { <div class="cb-warning" role="alert"><p>{w.t(WMsg::WorkshopNotSaved)}</p></div> })
    }
}

pub fn view(w: W, page: Page) -> AnyView {
    // Building a page reads the record; only a change of page should build another.
    untrack(move || page_view(w, page))
}

fn page_view(w: W, page: Page) -> AnyView {
    let room = Room::open(w);
    match page {
        Page::Overview if room.workshop().is_none() => details(w, room, true),
        Page::Overview => overview(w, room),
        Page::Details => details(w, room, room.workshop().is_none()),
        Page::Agenda => agenda(w, room),
        Page::Projector(n) => view! { <Projector w=w room=room slide=n/> }.into_any(),
        Page::Collect => collect(w, room),
        Page::Room => room_view(w, room),
        Page::RoomProjector => view! { <RoomProjector w=w room=room/> }.into_any(),
        Page::Print => print_view(w, room),
    }
}

/// A domain sentence ("this code is incomplete…") as the start of a message.
fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

fn go(w: W, page: Page) {
    w.go(WPage::Workshop(page));
}

fn back(w: W, to: Page, label: WMsg) -> impl IntoView {
    view! { <button type="button" class="cb-back" on:click=move |_| go(w, to)>{w.t(label)}</button> }
}

fn caption(w: W, room: Room) -> impl IntoView {
    let text = room.workshop().map(|x| x.title).unwrap_or_else(|| w.t(WMsg::WorkshopCaption).to_string());
    view! { <span class="cb-caption">{text}</span> }
}

fn duration(w: W, minutes: u32) -> String {
    w.tf(WMsg::Minutes, &[("n", &minutes.to_string())])
}

// ── Details ────────────────────────────────────────────────────────────────────────

/// Creating the workshop (`first`) or changing its details.
fn details(w: W, room: Room, first: bool) -> AnyView {
    let current = room.workshop();
    let title = RwSignal::new(current.as_ref().map(|x| x.title.clone()).unwrap_or_default());
    let date = RwSignal::new(current.as_ref().map_or_else(|| policy::today().to_string(), |x| x.date.clone()));
    let organisation = RwSignal::new(current.as_ref().map(|x| x.organisation.clone()).unwrap_or_default());
    let errors: Errors = RwSignal::new(Vec::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Workshop::new(&title.get_untracked(), &date.get_untracked(), &organisation.get_untracked()) {
            Ok(x) => {
                room.change(w, |r| r.workshop = Some(x));
                errors.set(Vec::new());
                go(w, Page::Overview);
            }
            Err(problems) => {
                let mut list = Vec::new();
                for (field, id) in
                    [("title", "cb-ws-title"), ("date", "cb-ws-date"), ("organisation", "cb-ws-organisation")]
                {
                    if problems.iter().any(|p| p.path == field) {
                        let message = match field {
                            "title" if title.get_untracked().trim().is_empty() => w.t(WMsg::WorkshopTitleMissing),
                            "title" => w.t(WMsg::WorkshopTitleTooLong),
                            "date" => w.t(WMsg::WorkshopDateError),
                            _ => w.t(WMsg::WorkshopOrganisationTooLong),
                        };
                        list.push((id.to_string(), message.to_string()));
                    }
                }
                show_errors(w, errors, list);
            }
        }
    };
    let field =
        move |id: &'static str, label: WMsg, hint: Option<WMsg>, value: RwSignal<String>, kind: &'static str| {
            let error = error_for(errors, id);
            let describedby = move || {
                let mut ids = Vec::new();
                if hint.is_some() {
                    ids.push(format!("{id}-hint"));
                }
                if error().is_some() {
                    ids.push(format!("{id}-error"));
                }
                (!ids.is_empty()).then(|| ids.join(" "))
            };
            view! {
                <div class="cb-field" class:cb-field--error=move || error().is_some()>
                    <label class="cb-label" for=id>{w.t(label)}</label>
                    {hint.map(|h| view! { <p class="cb-hint" id=format!("{id}-hint")>{w.t(h)}</p> })}
                    {move || error().map(|e| view! { <p class="cb-error" id=format!("{id}-error")>{e}</p> })}
                    <input class="cb-input" class:cb-input--date={kind == "date"} id=id type=kind
                        aria-invalid=move || error().is_some().then_some("true") aria-describedby=describedby
                        prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                </div>
            }
        };
    let (back_view, heading) = if first {
        (
            view! { <button type="button" class="cb-back" on:click=move |_| w.leave("home")>{w.t(WMsg::BackToStart)}</button> }.into_any(),
            WMsg::CreateWorkshopTitle,
        )
    } else {
        (back(w, Page::Overview, WMsg::BackToWorkshop).into_any(), WMsg::ChangeWorkshopTitle)
    };
    view! {
        {back_view}
        {error_summary(w, errors)}
        <span class="cb-caption">{w.t(WMsg::WorkshopCaption)}</span>
        <h1 tabindex="-1">{w.t(heading)}</h1>
        {first.then(|| view! { <p class="cb-lead">{w.t(WMsg::WorkshopLead)}</p> })}
        {unsaved_warning(w, room)}
        <form novalidate on:submit=submit>
            {field("cb-ws-title", WMsg::WorkshopTitleLabel, Some(WMsg::WorkshopTitleHint), title, "text")}
            {field("cb-ws-date", WMsg::WorkshopDateLabel, None, date, "date")}
            {field("cb-ws-organisation", WMsg::WorkshopOrganisationLabel, Some(WMsg::WorkshopOrganisationHint), organisation, "text")}
            <button type="submit" class="cb-button">{w.t(if first { WMsg::CreateWorkshop } else { WMsg::SaveChanges })}</button>
        </form>
        {first.then(|| view! { <p class="cb-hint">{w.t(WMsg::WorkshopKeptHere)}</p> })}
    }
    .into_any()
}

// ── Overview ───────────────────────────────────────────────────────────────────────

fn overview(w: W, room: Room) -> AnyView {
    let Some(x) = room.workshop() else { return ().into_any() };
    let confirming = RwSignal::new(false);
    let start = room.record.with_untracked(|r| r.start);
    let task = move |label: WMsg, page: Page, hint: String| {
        view! {
            <li class="cb-task-list__item">
                <button type="button" class="cb-link" on:click=move |_| go(w, page)>{w.t(label)}</button>
                <span class="cb-hint">{hint}</span>
            </li>
        }
    };
    let count = room.record.with_untracked(|r| r.cohort.len());
    let times = w.tf(
        WMsg::AgendaTimes,
        &[
            ("start", &clock(start)),
            ("end", &clock(start + total_minutes())),
            ("parts", &running_order().len().to_string()),
        ],
    );
    let participants = w.tf(WMsg::ParticipantsSoFar, &[("count", &count.to_string())]);
    let summary_row = move |key: WMsg, value: String| {
        view! {
            <div class="cb-summary__row">
                <dt class="cb-summary__key">{w.t(key)}</dt>
                <dd class="cb-summary__value">{value}</dd>
                <dd class="cb-summary__actions">
                    <button type="button" class="cb-link" on:click=move |_| go(w, Page::Details)>
                        {w.t(WMsg::Change)}<span class="cb-visually-hidden">{format!(" {}", w.t(key).to_lowercase())}</span>
                    </button>
                </dd>
            </div>
        }
    };
    let organisation = if x.organisation.is_empty() { w.t(WMsg::NotGiven).to_string() } else { x.organisation.clone() };
    view! {
        <button type="button" class="cb-back" on:click=move |_| w.leave("home")>{w.t(WMsg::BackToStart)}</button>
        <span class="cb-caption">{w.t(WMsg::WorkshopCaption)}</span>
        <h1 tabindex="-1">{x.title.clone()}</h1>
        {unsaved_warning(w, room)}
        <dl class="cb-summary">
            {summary_row(WMsg::WorkshopTitleLabel, x.title.clone())}
            {summary_row(WMsg::WorkshopDateLabel, x.long_date())}
            {summary_row(WMsg::WorkshopOrganisationLabel, organisation)}
        </dl>
        <ol class="cb-task-list">
            <li class="cb-task-list__section">
                <h2 class="cb-task-list__heading">{w.t(WMsg::BeforeAndDuring)}</h2>
                <ul class="cb-task-list__items">
                    {task(WMsg::AgendaLink, Page::Agenda, times)}
                    {task(WMsg::ProjectorLink, Page::Projector(0), String::new())}
                </ul>
            </li>
            <li class="cb-task-list__section">
                <h2 class="cb-task-list__heading">{w.t(WMsg::TheRoomsResults)}</h2>
                <ul class="cb-task-list__items">
                    {task(WMsg::CollectLink, Page::Collect, participants)}
                    {task(WMsg::RoomLink, Page::Room, String::new())}
                    {task(WMsg::PrintLink, Page::Print, String::new())}
                </ul>
            </li>
        </ol>
        <h2>{w.t(WMsg::NewWorkshopHeading)}</h2>
        {move || if confirming.get() {
            view! {
                <div class="cb-warning cb-ws-confirm" id="cb-ws-confirm" tabindex="-1" role="group" aria-labelledby="cb-ws-confirm-text">
                    <p id="cb-ws-confirm-text"><strong>{w.t(WMsg::NewWorkshopConfirm)}</strong></p>
                    <div class="cb-button-group">
                        <button type="button" class="cb-button cb-button--warning" on:click=move |_| {
                            room.change(w, |r| *r = Record { start: DEFAULT_START, ..Record::default() });
                            // With no workshop, the details page is the form to create one.
                            go(w, Page::Details);
                        }>{w.t(WMsg::NewWorkshopYes)}</button>
                        <button type="button" class="cb-button cb-button--secondary" on:click=move |_| confirming.set(false)>{w.t(WMsg::Cancel)}</button>
                    </div>
                </div>
            }.into_any()
        } else {
            view! {
                <p>{w.t(WMsg::NewWorkshopText)}</p>
                <button type="button" class="cb-button cb-button--secondary" on:click=move |_| {
                    confirming.set(true);
                    request_animation_frame(move || w.focus_id("cb-ws-confirm"));
                }>{w.t(WMsg::NewWorkshopButton)}</button>
            }.into_any()
        }}
    }
    .into_any()
}

// ── Running order ──────────────────────────────────────────────────────────────────

fn criteria_list(w: W, ids: &'static [&'static str]) -> impl IntoView {
    (!ids.is_empty()).then(|| {
        view! {
            <ul class="cb-ws-criteria">
                {ids.iter().map(|id| {
                    let title = w.fw().criterion(id).map_or("", |c| c.title);
                    view! { <li><span class="cb-finding__id">{*id}</span>" "{title}</li> }
                }).collect_view()}
            </ul>
        }
    })
}

fn agenda(w: W, room: Room) -> AnyView {
    let start = Memo::new(move |_| room.record.with(|r| r.start));
    let error = RwSignal::new(false);
    let download_agenda = move |_| {
        let x = room.workshop();
        let text = ws::agenda_markdown(x.as_ref(), start.get_untracked(), w.fw());
        let label = x.as_ref().map_or("workshop running order".to_string(), |x| format!("{} running order", x.title));
        let _ = download(&file_name(&label, workshop_day(x.as_ref()), "md"), "text/markdown", text.as_bytes());
    };
    view! {
        {back(w, Page::Overview, WMsg::BackToWorkshop)}
        {caption(w, room)}
        <h1 tabindex="-1">{w.t(WMsg::AgendaTitle)}</h1>
        <p class="cb-lead">{w.t(WMsg::AgendaLead)}</p>
        {unsaved_warning(w, room)}
        <div class="cb-field" class:cb-field--error=move || error.get()>
            <label class="cb-label" for="cb-ws-start">{w.t(WMsg::StartTimeLabel)}</label>
            <p class="cb-hint" id="cb-ws-start-hint">{w.t(WMsg::StartTimeHint)}</p>
            {move || error.get().then(|| view! { <p class="cb-error" id="cb-ws-start-error">{w.t(WMsg::StartTimeError)}</p> })}
            <input class="cb-input cb-input--date" id="cb-ws-start" type="time"
                aria-describedby=move || if error.get() { "cb-ws-start-hint cb-ws-start-error" } else { "cb-ws-start-hint" }
                prop:value=move || clock(start.get())
                on:change=move |ev| match parse_time(&event_target_value(&ev)) {
                    Ok(t) => { error.set(false); room.change(w, |r| r.start = t); }
                    Err(_) => error.set(true),
                }/>
        </div>
        <p>{move || w.tf(WMsg::AgendaTimes, &[
            ("start", &clock(start.get())),
            ("end", &clock(start.get() + total_minutes())),
            ("parts", &running_order().len().to_string()),
        ])}</p>
        <p class="cb-hint">{w.t(WMsg::ProjectorKeys)}</p>
        <div class="cb-button-group">
            <button type="button" class="cb-button" on:click=move |_| go(w, Page::Projector(0))>{w.t(WMsg::ProjectorLink)}</button>
            <button type="button" class="cb-button cb-button--secondary" on:click=download_agenda>{w.t(WMsg::DownloadAgenda)}</button>
        </div>
        <ol class="cb-ws-agenda">
            {move || timetable(start.get()).into_iter().map(|slot| {
                let s = slot.section;
                view! {
                    <li class="cb-ws-agenda__part">
                        <h2>
                            <span class="cb-ws-agenda__time">{format!("{}–{}", clock(slot.start), clock(slot.end))}</span>" "
                            {s.title}
                        </h2>
                        <p class="cb-hint">{duration(w, s.minutes)}</p>
                        <p>{s.purpose}</p>
                        {criteria_list(w, s.criteria)}
                        <h3>{w.t(WMsg::PromptsHeading)}</h3>
                        <ul class="cb-ws-prompts">{s.prompts.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// The workshop's day, for file names; today when there is no workshop.
fn workshop_day(x: Option<&Workshop>) -> chrono::NaiveDate {
    x.and_then(|x| policy::parse_date(&x.date).ok()).unwrap_or_else(policy::today)
}

// ── Projector ──────────────────────────────────────────────────────────────────────

/// Shows `el` full screen; with `None`, or when something already is, leaves full
/// screen. A no-op where the browser (or an embedding frame) does not allow it: the view
/// works the same without.
fn fullscreen(el: Option<&web_sys::HtmlElement>) {
    use js_sys::{Function, Promise, Reflect};
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let current = Reflect::get(&document, &"fullscreenElement".into()).unwrap_or_default();
    let full = !(current.is_null() || current.is_undefined());
    let (target, method): (wasm_bindgen::JsValue, &str) = match el {
        _ if full => (document.into(), "exitFullscreen"),
        Some(el) => (el.clone().into(), "requestFullscreen"),
        None => return,
    };
    let Some(f) = Reflect::get(&target, &method.into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) else {
        return;
    };
    if let Some(p) = f.call0(&target).ok().and_then(|p| p.dyn_into::<Promise>().ok()) {
        // A refusal is not worth reporting.
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        });
    }
}

/// On slide `at` of `0..=last`: the arrow keys and Page Up/Down (what presentation
/// clickers send) move to the slide before or after, Home and End to the first and last:
/// `to(Some(slide))`. Escape leaves, anywhere: `to(None)`. Without slides (`None`), only
/// Escape is taken, so the other keys still scroll. The listener goes with the page.
fn slide_keys(slides: Option<(usize, usize)>, to: impl Fn(Option<usize>) + 'static) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.default_prevented() {
            return;
        }
        let key = ev.key();
        let target = match (key.as_str(), slides) {
            ("Escape", _) => None,
            ("ArrowRight" | "PageDown", Some((at, last))) => Some((at + 1).min(last)),
            ("ArrowLeft" | "PageUp", Some((at, _))) => Some(at.saturating_sub(1)),
            ("Home", Some(_)) => Some(0),
            ("End", Some((_, last))) => Some(last),
            _ => return,
        };
        ev.prevent_default();
        to(target);
    });
    on_cleanup(move || handle.remove());
}

#[component]
fn Projector(w: W, room: Room, slide: usize) -> impl IntoView {
    let slots = timetable(room.record.with_untracked(|r| r.start));
    let last = slots.len();
    let n = slide.min(last);
    let exit = move || {
        fullscreen(None);
        go(w, Page::Agenda);
    };
    slide_keys(Some((n, last)), move |to| match to {
        Some(slide) => go(w, Page::Projector(slide)),
        None => exit(),
    });
    let stage = NodeRef::<leptos::html::Div>::new();
    let x = room.workshop();
    let body = if n == 0 {
        let meta = x.as_ref().map(|x| {
            let mut parts = vec![x.long_date()];
            if !x.organisation.is_empty() {
                parts.push(x.organisation.clone());
            }
            parts.join(" · ")
        });
        let start = slots.first().map_or(DEFAULT_START, |s| s.start);
        view! {
            <div class="cb-ws-slide cb-ws-slide--title">
                <p class="cb-ws-slide__kicker">{w.t(WMsg::ProjectorKicker)}</p>
                <h1 tabindex="-1">{x.as_ref().map_or_else(|| w.t(WMsg::WorkshopCaption).to_string(), |x| x.title.clone())}</h1>
                {meta.map(|m| view! { <p class="cb-ws-slide__meta">{m}</p> })}
                <p class="cb-ws-slide__meta">{w.tf(WMsg::AgendaTimes, &[
                    ("start", &clock(start)),
                    ("end", &clock(start + total_minutes())),
                    ("parts", &last.to_string()),
                ])}</p>
                <ol class="cb-ws-slide__order">
                    {slots.iter().map(|s| view! {
                        <li><span class="cb-ws-slide__time">{clock(s.start)}</span>" "{s.section.title}</li>
                    }).collect_view()}
                </ol>
            </div>
        }
        .into_any()
    } else {
        let slot = &slots[n - 1];
        let s = slot.section;
        view! {
            <div class="cb-ws-slide">
                <p class="cb-ws-slide__kicker">
                    {w.tf(WMsg::PartOf, &[("n", &n.to_string()), ("total", &last.to_string())])}
                    " · "{format!("{}–{}", clock(slot.start), clock(slot.end))}
                    " · "{duration(w, s.minutes)}
                </p>
                <h1 tabindex="-1">{s.title}</h1>
                {(!s.criteria.is_empty()).then(|| view! {
                    <ul class="cb-ws-slide__criteria">
                        {s.criteria.iter().map(|id| {
                            let title = w.fw().criterion(id).map_or("", |c| c.title);
                            view! { <li><span class="cb-ws-slide__id">{*id}</span>" "{title}</li> }
                        }).collect_view()}
                    </ul>
                })}
                <h2>{w.t(WMsg::PromptsHeading)}</h2>
                <ul class="cb-ws-slide__prompts">{s.prompts.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="cb-ws-projector" node_ref=stage role="region" aria-label=w.t(WMsg::ProjectorRegion)>
            {body}
            <div class="cb-ws-projector__nav">
                <button type="button" class="cb-button cb-button--secondary cb-ws-projector__button" disabled={n == 0}
                    on:click=move |_| go(w, Page::Projector(n.saturating_sub(1)))>{w.t(WMsg::PreviousSlide)}</button>
                <div class="cb-ws-projector__middle">
                    <p class="cb-ws-projector__count">{format!("{} / {}", n + 1, last + 1)}</p>
                    {projector_controls(w, stage, exit)}
                </div>
                <button type="button" class="cb-button cb-ws-projector__button" disabled={n == last}
                    on:click=move |_| go(w, Page::Projector((n + 1).min(last)))>{w.t(WMsg::NextSlide)}</button>
            </div>
        </div>
    }
}

/// Leaving and full screen, in small type below the slide (the keys are explained on
/// the running order page, beside the way in).
fn projector_controls(w: W, stage: NodeRef<leptos::html::Div>, exit: impl Fn() + Copy + 'static) -> impl IntoView {
    view! {
        <p class="cb-ws-projector__links">
            <button type="button" class="cb-ws-projector__exit" on:click=move |_| exit()>{w.t(WMsg::ExitProjector)}</button>
            <button type="button" class="cb-ws-projector__exit" on:click=move |_| {
                if let Some(el) = stage.get_untracked() { fullscreen(Some(&el)); }
            }>{w.t(WMsg::FullScreen)}</button>
        </p>
    }
}

// ── Collecting codes ───────────────────────────────────────────────────────────────

/// What became of one code or file the facilitator gave.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Added { number: usize, replaced: bool },
    Duplicate(String),
    Refused(String),
}

/// One result of adding: where the code came from (a line of the box, a file), the field
/// to fix it in, and what happened.
#[derive(Debug, Clone, PartialEq)]
struct Report {
    source: String,
    field: &'static str,
    outcome: Outcome,
}

fn short(code: &str) -> String {
    let code = code.trim();
    if code.chars().count() > 16 {
        format!("{}…", code.chars().take(15).collect::<String>())
    } else {
        code.to_string()
    }
}

/// Counts a share in the record, reporting a duplicate by the participant it repeats.
fn add_share(w: W, r: &mut Record, share: Share) -> Outcome {
    match r.cohort.add(share) {
        Ok(added) => Outcome::Added { number: added.number, replaced: added.replaced.is_some() },
        Err(dup) => {
            let name = r.cohort.shares().nth(dup.number - 1).and_then(|(_, s)| s.organisation.clone());
            Outcome::Duplicate(match name {
                Some(name) => w.tf(
                    WMsg::DuplicateNamed,
                    &[("number", &dup.number.to_string()), ("name", &name), ("id", &dup.id.0)],
                ),
                None => w.tf(WMsg::DuplicateOf, &[("number", &dup.number.to_string()), ("id", &dup.id.0)]),
            })
        }
    }
}

fn collect(w: W, room: Room) -> AnyView {
    let pasted = RwSignal::new(String::new());
    let reports = RwSignal::new(Vec::<Report>::new());
    let removed = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let files = NodeRef::<leptos::html::Input>::new();

    let show = move |list: Vec<Report>| {
        let problems = list.iter().any(|r| !matches!(r.outcome, Outcome::Added { .. }));
        reports.set(list);
        removed.set(None);
        request_animation_frame(move || w.focus_id(if problems { "cb-error-summary" } else { "cb-ws-added" }));
    };
    let add_pasted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted.get_untracked();
        let mut list = Vec::new();
        let mut keep = Vec::new();
        room.change(w, |r| {
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let found = ws::find_codes(line).into_iter().next().map_or_else(|| line.to_string(), |f| f.text);
                let source = w.tf(WMsg::LineSource, &[("n", &(n + 1).to_string()), ("code", &short(&found))]);
                let outcome = match ws::decode_share(&found) {
                    Ok(share) => add_share(w, r, share),
                    Err(e) => {
                        keep.push(line.to_string());
                        Outcome::Refused(upper_first(&e.to_string()))
                    }
                };
                list.push(Report { source, field: "cb-ws-codes", outcome });
            }
        });
        if list.is_empty() {
            list.push(Report {
                source: String::new(),
                field: "cb-ws-codes",
                outcome: Outcome::Refused(w.t(WMsg::NoCodesPasted).into()),
            });
        }
        // What could not be read stays in the box to be corrected; the rest is counted.
        pasted.set(keep.join("\n"));
        show(list);
    };
    let add_files = move |_| {
        let Some(input) = files.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            let chosen = read_all_chosen(&input).await;
            input.set_value("");
            if chosen.is_empty() {
                return;
            }
            let mut list = Vec::new();
            room.change(w, |r| {
                for (name, bytes) in &chosen {
                    for found in ws::shares_in(name, bytes) {
                        let outcome = match found.result {
                            Ok(share) => add_share(w, r, share),
                            Err(e) => Outcome::Refused(upper_first(&e)),
                        };
                        list.push(Report { source: found.source, field: "cb-ws-files", outcome });
                    }
                }
            });
            show(list);
        });
    };
    let remove = move |id: ShareId, number: usize| {
        room.change(w, |r| {
            r.cohort.remove(&id);
        });
        reports.set(Vec::new());
        removed.set(Some(w.tf(WMsg::ParticipantRemoved, &[("number", &number.to_string())])));
        request_animation_frame(move || w.focus_id("cb-ws-participants-status"));
    };

    let problems = move || {
        reports.with(|l| l.iter().filter(|r| !matches!(r.outcome, Outcome::Added { .. })).cloned().collect::<Vec<_>>())
    };
    let added = move || {
        reports.with(|l| l.iter().filter(|r| matches!(r.outcome, Outcome::Added { .. })).cloned().collect::<Vec<_>>())
    };
    let textarea_error = move || problems().iter().any(|r| r.field == "cb-ws-codes");
    let files_error = move || problems().iter().any(|r| r.field == "cb-ws-files");
    let count = move || room.record.with(|r| r.cohort.len());

    view! {
        {back(w, Page::Overview, WMsg::BackToWorkshop)}
        {move || {
            let list = problems();
            (!list.is_empty()).then(|| view! {
                <div class="cb-error-summary" id="cb-error-summary" role="alert" tabindex="-1">
                    <h2 class="cb-error-summary__title">{w.t(WMsg::SomeNotCounted)}</h2>
                    <p>{w.t(WMsg::SomeNotCountedText)}</p>
                    <ul>
                        {list.into_iter().map(|r| {
                            let text = match r.outcome {
                                Outcome::Duplicate(m) | Outcome::Refused(m) if r.source.is_empty() => m,
                                Outcome::Duplicate(m) | Outcome::Refused(m) => format!("{}: {m}", r.source),
                                Outcome::Added { .. } => String::new(),
                            };
                            let field = r.field;
                            view! { <li><a href=format!("#{field}") on:click=move |ev| { ev.prevent_default(); w.focus_id(field); }>{text}</a></li> }
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
        {caption(w, room)}
        <h1 tabindex="-1">{w.t(WMsg::CollectTitle)}</h1>
        <p class="cb-lead">{w.t(WMsg::CollectLead)}</p>
        {unsaved_warning(w, room)}
        {move || {
            let list = added();
            (!list.is_empty()).then(|| view! {
                <div class="cb-success cb-ws-added" id="cb-ws-added" tabindex="-1" role="status">
                    <p><strong>{w.tf(WMsg::CodesAdded, &[("count", &list.len().to_string())])}</strong></p>
                    <ul>
                        {list.into_iter().map(|r| {
                            let Outcome::Added { number, replaced } = r.outcome else { return ().into_any() };
                            let what = w.tf(if replaced { WMsg::AddedReplaced } else { WMsg::AddedAs }, &[("number", &number.to_string())]);
                            view! { <li>{format!("{}: {what}", r.source)}</li> }.into_any()
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
        <form novalidate on:submit=add_pasted>
            <div class="cb-field" class:cb-field--error=textarea_error>
                <label class="cb-label cb-label--m" for="cb-ws-codes">{w.t(WMsg::PasteCodesLabel)}</label>
                <p class="cb-hint" id="cb-ws-codes-hint">{w.t(WMsg::PasteCodesHint)}</p>
                <textarea class="cb-textarea cb-ws-codes" id="cb-ws-codes" rows="6" spellcheck="false" autocomplete="off"
                    aria-describedby="cb-ws-codes-hint" aria-invalid=move || textarea_error().then_some("true")
                    prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            </div>
            <button type="submit" class="cb-button">{w.t(WMsg::AddCodes)}</button>
        </form>
        <div class="cb-field" class:cb-field--error=files_error>
            <label class="cb-label cb-label--m" for="cb-ws-files">{w.t(WMsg::ChooseFilesLabel)}</label>
            <p class="cb-hint" id="cb-ws-files-hint">{w.t(WMsg::ChooseFilesHint)}</p>
            <input type="file" id="cb-ws-files" multiple accept=".json,.txt,application/json,text/plain" node_ref=files
                aria-describedby="cb-ws-files-hint" aria-invalid=move || files_error().then_some("true") on:change=add_files/>
        </div>

        <h2 id="cb-ws-participants">{move || w.tf(WMsg::ParticipantsHeading, &[("count", &count().to_string())])}</h2>
        <p id="cb-ws-participants-status" tabindex="-1" role="status">{move || removed.get()}</p>
        {move || {
            let rows: Vec<(usize, ShareId, Share)> =
                room.record.with(|r| r.cohort.shares().enumerate().map(|(i, (id, s))| (i + 1, id.clone(), s.clone())).collect());
            if rows.is_empty() {
                return view! { <p>{w.t(WMsg::NoParticipantsYet)}</p> }.into_any();
            }
            view! {
                <div class="cb-ws-scroll" role="region" aria-labelledby="cb-ws-participants-caption" tabindex="0">
                    <table class="cb-table cb-ws-participants">
                        <caption class="cb-visually-hidden" id="cb-ws-participants-caption">{w.t(WMsg::ParticipantsCaption)}</caption>
                        <thead><tr>
                            <th scope="col">{w.t(WMsg::ParticipantColumn)}</th>
                            <th scope="col">{w.t(WMsg::NameColumn)}</th>
                            {[1u8, 2, 3].into_iter().map(|l| view! { <th scope="col">{w.tf(WMsg::LevelShort, &[("level", &l.to_string())])}</th> }).collect_view()}
                            <th scope="col"><span class="cb-visually-hidden">{w.t(WMsg::ActionsColumn)}</span></th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(number, id, s)| {
                                let name = s.organisation.clone().unwrap_or_else(|| w.t(WMsg::NotNamed).to_string());
                                view! {
                                    <tr>
                                        <th scope="row">{number}<span class="cb-ws-share-id">{format!(" ({id})")}</span></th>
                                        <td>{name}</td>
                                        {[1u8, 2, 3].into_iter().map(|l| view! { <td>{status_word(w, s.level(l))}</td> }).collect_view()}
                                        <td>
                                            <button type="button" class="cb-link" on:click=move |_| remove(id.clone(), number)>
                                                {w.t(WMsg::Remove)}<span class="cb-visually-hidden">{format!(" {}", w.tf(WMsg::ParticipantN, &[("number", &number.to_string())]))}</span>
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <div class="cb-button-group">
            <button type="button" class="cb-button" on:click=move |_| go(w, Page::Room)>{w.t(WMsg::RoomLink)}</button>
        </div>
        {move || (count() > 0).then(|| view! {
            <h2>{w.t(WMsg::ClearRoomHeading)}</h2>
            {move || if confirming.get() {
                view! {
                    <div class="cb-warning cb-ws-confirm" id="cb-ws-confirm" tabindex="-1" role="group" aria-labelledby="cb-ws-confirm-text">
                        <p id="cb-ws-confirm-text"><strong>{w.tf(WMsg::ClearRoomConfirm, &[("count", &count().to_string())])}</strong></p>
                        <div class="cb-button-group">
                            <button type="button" class="cb-button cb-button--warning" on:click=move |_| {
                                room.change(w, |r| r.cohort = Cohort::new());
                                confirming.set(false);
                                reports.set(Vec::new());
                                removed.set(Some(w.t(WMsg::RoomCleared).to_string()));
                                request_animation_frame(move || w.focus_id("cb-ws-participants-status"));
                            }>{w.t(WMsg::ClearRoomYes)}</button>
                            <button type="button" class="cb-button cb-button--secondary" on:click=move |_| confirming.set(false)>{w.t(WMsg::Cancel)}</button>
                        </div>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="cb-button cb-button--warning" on:click=move |_| {
                        confirming.set(true);
                        request_animation_frame(move || w.focus_id("cb-ws-confirm"));
                    }>{w.t(WMsg::ClearRoomButton)}</button>
                }.into_any()
            }}
        })}
    }
    .into_any()
}

// ── The room's results ─────────────────────────────────────────────────────────────

/// One stacked bar per area: how many participants score in each band of [`BANDS`], with
/// the count written in each part and the median at the end. The table beside it holds
/// the same numbers.
fn band_chart(w: W, s: &Summary, id: &'static str) -> impl IntoView {
    const ROW: u32 = 64;
    const BAR: u32 = 480;
    const PAD: u32 = 8;
    const RIGHT: u32 = 130;
    let n = s.participants.max(1);
    let height = ROW * s.areas.len() as u32 + 8;
    let (title_id, labelled_by) = (format!("{id}-title"), format!("{id}-title"));
    view! {
        <svg class="cb-chart cb-ws-chart" viewBox=format!("0 0 {} {height}", BAR + 2 * PAD + RIGHT) role="img" aria-labelledby=labelled_by>
            <title id=title_id>{w.t(WMsg::BandChartTitle)}</title>
            {s.areas.iter().enumerate().map(|(i, a)| {
                let y = ROW * i as u32;
                let mut x = PAD;
                let parts = (0..4).map(|b| {
                    let width = BAR * a.bands[b] / n;
                    let at = x;
                    x += width;
                    (width > 0).then(|| view! {
                        <rect class=format!("cb-ws-band cb-ws-band--{b}") x=at y=y + 26 width=width height=30/>
                        <text class=format!("cb-ws-band__count cb-ws-band__count--{b}") x=at + width / 2 y=y + 47 text-anchor="middle">{a.bands[b]}</text>
                    })
                }).collect_view();
                view! {
                    <text class="cb-chart__label" x=PAD y=y + 18>{area_name(&w, a.area)}</text>
                    {parts}
                    <text class="cb-chart__value" x=PAD + BAR + 10 y=y + 47>{w.tf(WMsg::MedianShort, &[("median", &a.median.to_string())])}</text>
                }
            }).collect_view()}
        </svg>
    }
}

fn band_label(i: usize) -> String {
    format!("{}–{}%", BANDS[i].0, BANDS[i].1)
}

fn room_body(w: W, s: &Summary, big: bool) -> impl IntoView {
    let names = s.names.clone();
    let shown = if big { 5 } else { s.missing.len() };
    view! {
        <p class="cb-ws-count"><strong class="cb-ws-count__n">{s.participants}</strong>" "{w.t(if s.participants == 1 { WMsg::ParticipantWord } else { WMsg::ParticipantsWord })}</p>
        <div class="cb-ws-room">
            <section class="cb-ws-room__part" aria-labelledby="cb-ws-levels">
                <h2 id="cb-ws-levels">{w.t(WMsg::RoomLevelsHeading)}</h2>
                <div class="cb-ws-scroll" role="region" aria-labelledby="cb-ws-levels-caption" tabindex="0">
                    <table class="cb-table cb-ws-levels-table">
                        <caption class="cb-visually-hidden" id="cb-ws-levels-caption">{w.t(WMsg::RoomLevelsCaption)}</caption>
                        <thead><tr>
                            <th scope="col">{w.t(WMsg::LevelColumn)}</th>
                            <th scope="col" class="cb-num">{w.t(WMsg::LevelReady)}</th>
                            <th scope="col" class="cb-num">{w.t(WMsg::LevelOnTrack)}</th>
                            <th scope="col" class="cb-num">{w.t(WMsg::LevelNotYet)}</th>
                        </tr></thead>
                        <tbody>
                            {s.levels.iter().map(|l| view! {
                                <tr>
                                    <th scope="row">{level_name(&w, l.level)}</th>
                                    <td class="cb-num">{l.ready}</td>
                                    <td class="cb-num">{l.on_track}</td>
                                    <td class="cb-num">{l.not_yet}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
            <section class="cb-ws-room__part" aria-labelledby="cb-ws-missing">
                <h2 id="cb-ws-missing">{w.t(WMsg::MissingHeading)}</h2>
                {if s.missing.is_empty() {
                    view! { <p>{w.t(WMsg::NothingMissing)}</p> }.into_any()
                } else {
                    view! {
                        <ol class="cb-ws-missing">
                            {s.missing.iter().take(shown).map(|m| {
                                let title = w.fw().criterion(m.criterion).map_or("", |c| c.title);
                                view! {
                                    <li>
                                        <span class="cb-finding__id">{m.criterion}</span>" "{title}
                                        <span class="cb-ws-missing__count">{w.tf(WMsg::NotMetBy, &[("count", &m.count.to_string()), ("total", &s.participants.to_string())])}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </section>
        </div>
        <section aria-labelledby="cb-ws-areas">
            <h2 id="cb-ws-areas">{w.t(WMsg::RoomAreasHeading)}</h2>
            <ul class="cb-ws-legend" aria-hidden="true">
                {(0..4).map(|b| view! { <li><span class=format!("cb-ws-swatch cb-ws-band--{b}")></span>{band_label(b)}</li> }).collect_view()}
            </ul>
            {band_chart(w, s, if big { "cb-ws-chart-big" } else { "cb-ws-chart" })}
            <div class="cb-ws-scroll" role="region" aria-labelledby="cb-ws-areas-caption" tabindex="0">
                <table class="cb-table cb-ws-area-table">
                    <caption id="cb-ws-areas-caption">{w.t(WMsg::RoomAreasCaption)}</caption>
                    <thead><tr>
                        <th scope="col">{w.t(WMsg::AreaColumn)}</th>
                        {(0..4).map(|b| view! { <th scope="col" class="cb-num">{band_label(b)}</th> }).collect_view()}
                        <th scope="col" class="cb-num">{w.t(WMsg::MedianColumn)}</th>
                    </tr></thead>
                    <tbody>
                        {Area::ALL.iter().filter_map(|&area| s.area(area)).map(|a| view! {
                            <tr>
                                <th scope="row">{area_name(&w, a.area)}</th>
                                {a.bands.iter().map(|n| view! { <td class="cb-num">{*n}</td> }).collect_view()}
                                <td class="cb-num">{format!("{}%", a.median)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section aria-labelledby="cb-ws-names">
            <h2 id="cb-ws-names">{w.t(WMsg::NamedHeading)}</h2>
            {if names.is_empty() {
                view! { <p>{w.t(WMsg::NoOneNamed)}</p> }.into_any()
            } else {
                view! { <ul class="cb-ws-names">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}

fn room_view(w: W, room: Room) -> AnyView {
    let s = room.summary();
    let x = room.workshop();
    let code = s.code();
    let export = move |kind: &'static str| {
        let s = room.summary();
        let x = room.workshop();
        let (text, mime) = match kind {
            "csv" => (ws::summary_csv(&s, w.fw(), x.as_ref()), "text/csv"),
            _ => (ws::summary_markdown(&s, w.fw(), x.as_ref()), "text/markdown"),
        };
        let label = x.as_ref().map_or("workshop results".to_string(), |x| format!("{} results", x.title));
        let _ = download(&file_name(&label, workshop_day(x.as_ref()), kind), mime, text.as_bytes());
    };
    view! {
        {back(w, Page::Overview, WMsg::BackToWorkshop)}
        {caption(w, room)}
        <h1 tabindex="-1">{w.t(WMsg::RoomTitle)}</h1>
        {unsaved_warning(w, room)}
        {if s.participants == 0 {
            view! {
                <p>{w.t(WMsg::RoomNoneYet)}</p>
                <button type="button" class="cb-button" on:click=move |_| go(w, Page::Collect)>{w.t(WMsg::CollectLink)}</button>
            }.into_any()
        } else {
            view! {
                <div class="cb-button-group cb-ws-top-actions">
                    <button type="button" class="cb-button" on:click=move |_| go(w, Page::RoomProjector)>{w.t(WMsg::RoomOnProjector)}</button>
                    <button type="button" class="cb-link" on:click=move |_| go(w, Page::Collect)>{w.t(WMsg::CollectMore)}</button>
                </div>
                {room_body(w, &s, false)}
                <h2>{w.t(WMsg::RoomCodeHeading)}</h2>
                <p>{w.t(WMsg::RoomCodeText)}</p>
                {code_box(w, "cb-ws-room-code", WMsg::RoomCodeBoxLabel, WMsg::RoomCodeBoxHint, Signal::derive(move || code.clone()))}
                <h2>{w.t(WMsg::ExportHeading)}</h2>
                <p>{w.t(WMsg::ExportText)}</p>
                <div class="cb-button-group">
                    <button type="button" class="cb-button cb-button--secondary" on:click=move |_| export("csv")>{w.t(WMsg::RoomDownloadCsv)}</button>
                    <button type="button" class="cb-button cb-button--secondary" on:click=move |_| export("md")>{w.t(WMsg::RoomDownloadMarkdown)}</button>
                    <button type="button" class="cb-button cb-button--secondary" on:click=move |_| go(w, Page::Print)>{w.t(WMsg::PrintLink)}</button>
                </div>
            }.into_any()
        }}
        {x.is_none().then(|| view! { <p class="cb-hint">{w.t(WMsg::NoWorkshopDetails)}</p> })}
    }
    .into_any()
}

/// The room's results in large type across the whole screen, for the projector.
#[component]
fn RoomProjector(w: W, room: Room) -> impl IntoView {
    let s = room.summary();
    let exit = move || {
        fullscreen(None);
        go(w, Page::Room);
    };
    slide_keys(None, move |_| exit());
    let stage = NodeRef::<leptos::html::Div>::new();
    let code = s.code();
    view! {
        <div class="cb-ws-projector cb-ws-projector--room" node_ref=stage role="region" aria-label=w.t(WMsg::ProjectorRegion)>
            <div class="cb-ws-projector__nav cb-ws-projector__nav--top">
                <div class="cb-ws-projector__middle">{projector_controls(w, stage, exit)}</div>
            </div>
            <div class="cb-ws-slide">
                <p class="cb-ws-slide__kicker">{room.workshop().map(|x| x.title)}</p>
                <h1 tabindex="-1">{w.t(WMsg::RoomTitle)}</h1>
                {room_body(w, &s, true)}
                <h2>{w.t(WMsg::RoomCodeHeading)}</h2>
                <p class="cb-ws-slide__code"><code>{code}</code></p>
            </div>
        </div>
    }
}

// ── Print ──────────────────────────────────────────────────────────────────────────

fn print_view(w: W, room: Room) -> AnyView {
    let s = room.summary();
    let x = room.workshop();
    // The fragment's own heading is this page's: it takes focus like any other.
    let html = ws::summary_html(&s, w.fw(), x.as_ref()).replacen(
        "<h1 class=\"cb-print-title\">",
        "<h1 class=\"cb-print-title\" tabindex=\"-1\">",
        1,
    );
    view! {
        <div class="cb-ws-print-controls">
            {back(w, Page::Room, WMsg::BackToRoom)}
            <p>{w.t(WMsg::PrintText)}</p>
            <button type="button" class="cb-button" on:click=move |_| print()>{w.t(WMsg::PrintButton)}</button>
        </div>
        <div class="cb-ws-print" inner_html=html></div>
    }
    .into_any()
}

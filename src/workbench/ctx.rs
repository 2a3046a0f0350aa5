//! Mounting a lazily loaded module (the workbench, or the facilitator's), and the state
//! its screens share. Each module's crate root defines its `Page`, `FALLBACK`,
//! `first_page` (a section ID to its first page) and `route` (a page to its view).

use crate::Page;
use carer_benchmark::domain::content::{framework, Framework};
use carer_benchmark::domain::format;
use carer_benchmark::domain::model::Assessment;
use carer_benchmark::i18n::{t, tf, Lang, WMsg};
use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The app's side of the conversation: where changes and navigation go.
struct Bridge {
    save: js_sys::Function,
    navigate: js_sys::Function,
    host: web_sys::HtmlElement,
}

/// The workbench's shared state, passed by context. `Copy`: signals and stored values.
#[derive(Clone, Copy)]
pub struct W {
    /// The assessment being edited; `None` in the workshop, which needs none.
    pub a: RwSignal<Option<Assessment>>,
    pub page: RwSignal<Page>,
    pub lang: Lang,
    /// The embedding council's signposting links (title, address).
    pub links: &'static [(String, String)],
    /// The day the policies are checked against the law (today unless changed).
    pub on: RwSignal<NaiveDate>,
    /// The embed's storage namespace, for the workshop's record (`ui::storage`).
    pub storage_key: &'static str,
    bridge: StoredValue<Bridge, LocalStorage>,
}

impl W {
    pub fn t(&self, m: WMsg) -> &'static str {
        t(self.lang, m)
    }

    pub fn tf(&self, m: WMsg, args: &[(&str, &str)]) -> String {
        tf(self.lang, m, args)
    }

    pub fn fw(&self) -> &'static Framework {
        framework()
    }

    pub fn go(&self, page: Page) {
        self.page.set(page);
    }

    /// Leaves the workbench for one of the app's screens ("tasks", "results", "home")
    /// or another workbench section.
    pub fn leave(&self, to: &str) {
        self.bridge.with_value(|b| {
            let _ = b.navigate.call1(&JsValue::NULL, &to.into());
        });
    }

    /// Changes the assessment and hands the result to the app, which stores it.
    pub fn update(&self, f: impl FnOnce(&mut Assessment)) {
        let mut json = None;
        self.a.update(|a| {
            if let Some(a) = a {
                f(a);
                a.updated = chrono::Utc::now();
                json = Some(format::to_json(a));
            }
        });
        if let Some(json) = json {
            self.bridge.with_value(|b| {
                let _ = b.save.call1(&JsValue::NULL, &json.into());
            });
        }
    }

    /// The first element matching `selector` inside the workbench.
    pub fn query(&self, selector: &str) -> Option<web_sys::HtmlElement> {
        use wasm_bindgen::JsCast;
        self.bridge.with_value(|b| b.host.query_selector(selector).ok().flatten()?.dyn_into().ok())
    }

    pub fn focus_id(&self, id: &str) {
        if let Some(el) = self.query(&format!("#{id}")) {
            let _ = el.focus();
        }
    }
}

/// What the app keeps to take the workbench off the screen again.
#[wasm_bindgen]
pub struct Handle(Option<Box<dyn std::any::Any>>);

#[wasm_bindgen]
impl Handle {
    pub fn unmount(&mut self) {
        self.0.take();
    }
}

/// Called by the app: renders `section` into `host` for the assessment given as JSON
/// (empty for the workshop). `links` is an array of [title, address] pairs;
/// `storage_key` the embed's storage namespace.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn mount(
    host: web_sys::HtmlElement,
    section: String,
    lang: String,
    asset_base: String,
    links: js_sys::Array,
    assessment: String,
    save: js_sys::Function,
    navigate: js_sys::Function,
    storage_key: String,
) -> Handle {
    console_error_panic_hook::set_once();
    let lang = Lang::from_tag(&lang).unwrap_or_default();
    let links: Vec<(String, String)> = links
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.into();
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    let links: &'static [(String, String)] = Box::leak(links.into_boxed_slice());
    let base: &'static str = Box::leak(asset_base.into_boxed_str());
    let storage_key: &'static str = Box::leak(storage_key.into_boxed_str());
    let first = crate::first_page(&section);
    // The app's "Loading…" heading makes way.
    host.replace_children_with_node_0();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let ready = RwSignal::new(carer_benchmark::domain::content::is_loaded());
        let failed = RwSignal::new(None::<String>);
        let w = W {
            a: RwSignal::new(None),
            page: RwSignal::new(first.clone().unwrap_or(crate::FALLBACK)),
            lang,
            links,
            on: RwSignal::new(carer_benchmark::domain::policy::today()),
            storage_key,
            bridge: StoredValue::new_local(Bridge { save, navigate, host: host.clone() }),
        };
        provide_context(w);
        leptos::task::spawn_local(async move {
            match carer_benchmark::ui::fetch_content(base).await {
                Ok(()) => {
                    if !assessment.is_empty() {
                        match format::from_bytes(framework(), assessment.as_bytes()) {
                            Ok(a) => w.a.set(Some(a)),
                            Err(p) => {
                                failed.set(Some(p.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")))
                            }
                        }
                    }
                    ready.set(true);
                }
                Err(e) => failed.set(Some(e)),
            }
        });
        // Each new page starts with focus on its heading.
        Effect::new(move |prev: Option<Page>| {
            let page = w.page.get();
            if prev.is_some_and(|p| p != page) {
                request_animation_frame(move || {
                    if let Some(h1) = w.query("h1") {
                        let _ = h1.focus();
                    }
                });
            }
            page
        });
        // The app's heading said "Loading…"; once the page is ready, focus moves to its.
        Effect::new(move |_| {
            if ready.get() || failed.with(Option::is_some) {
                request_animation_frame(move || {
                    if let Some(h1) = w.query("h1") {
                        let _ = h1.focus();
                    }
                });
            }
        });
        view! {
            <link rel="stylesheet" href=format!("{base}workbench.css")/>
            <link rel="stylesheet" href=format!("{base}passport-print.css")/>
            {move || match (failed.get(), ready.get(), first.is_some()) {
                (Some(e), _, _) => view! {
                    <h1 tabindex="-1">{w.t(WMsg::CouldNotOpen)}</h1>
                    <p role="alert">{e}</p>
                }.into_any(),
                (None, _, false) => view! { <h1 tabindex="-1">{w.t(WMsg::CouldNotOpen)}</h1> }.into_any(),
                (None, false, true) => view! { <h1 tabindex="-1">{w.t(WMsg::Loading)}</h1> }.into_any(),
                (None, true, true) => view! {
                    {move || crate::route(w, w.page.get())}
                }.into_any(),
            }}
        }
        .into_any()
    });
    Handle(Some(Box::new(handle)))
}

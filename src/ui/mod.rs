//! The Leptos UI: a thin layer that renders domain state and sends events to it.
//! Navigation lives in a signal, not in path routes, so the app can sit inside a
//! host page without fighting its URLs.

pub mod address;
pub mod files;
mod home;
mod journey;
mod lazy;
pub mod passport;
pub mod plan;
pub mod policies;
pub mod results;
pub mod saving;
pub mod share;
pub mod storage;
pub mod widgets;
pub mod workshop;

use crate::domain::content::{framework, Framework};
use crate::domain::library::Library;
use crate::domain::model::Assessment;
use crate::embed::{self, EmbedConfig};
use crate::i18n::{t, tf, Catalogue, Msg};
use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where the user is. Criterion pages are addressed by their index in the framework.
/// Every screen but the start page is loaded the first time it opens (`lazy.rs`).
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home,
    New,
    EditOrganisation,
    Tasks,
    Question(usize),
    Check(u8),
    Results,
    Policies(policies::Page),
    Plan(plan::Page),
    Passport(passport::Page),
    /// The participant's page for sharing results with a workshop.
    Share,
    /// The facilitator's view of a workshop.
    Workshop(workshop::Page),
}

impl Screen {
    /// Screens that show the criteria, which load on first need. The facilitator's
    /// screens name criteria by their compiled-in titles only.
    fn needs_content(&self) -> bool {
        !matches!(self, Screen::Home | Screen::New | Screen::EditOrganisation | Screen::Workshop(_))
    }

    /// Screens that show or edit the open assessment (the facilitator's needs none).
    pub fn needs_assessment(&self) -> bool {
        !matches!(self, Screen::Home | Screen::New | Screen::Workshop(_))
    }
}

/// Fetches `criteria.json` from the app's files once; the error is in words for the user.
pub async fn load_content(ctx: Ctx) -> Result<(), String> {
    let result = fetch_content(ctx.asset_base).await;
    match &result {
        Ok(()) => {
            ctx.content_error.set(None);
            ctx.content_ready.set(true);
        }
        Err(e) => ctx.content_error.set(Some(ctx.tf(Msg::ContentFailed, &[("reason", e)]))),
    }
    result
}

/// Installs the criteria content from `<base>criteria.json` unless it is already loaded.
async fn fetch_content(base: &str) -> Result<(), String> {
    use wasm_bindgen_futures::JsFuture;
    if crate::domain::content::is_loaded() {
        return Ok(());
    }
    let url = format!("{base}criteria.json");
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(&url)).await.map_err(|_| "the network request failed")?.unchecked_into();
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text =
        JsFuture::from(response.text().map_err(|_| "no body")?).await.map_err(|_| "the download was cut short")?;
    lazy::install_content(text.as_string().unwrap_or_default()).await
}

/// Shown while the questions load, or if they could not.
fn loading(ctx: Ctx) -> AnyView {
    view! {
        {move || match ctx.content_error.get() {
            None => view! { <h1 tabindex="-1">{ctx.t(Msg::LoadingQuestions)}</h1> }.into_any(),
            Some(e) => view! {
                <h1 tabindex="-1">{ctx.t(Msg::ContentFailedTitle)}</h1>
                <p role="alert">{e}</p>
                <button type="button" class="cb-button" on:click=move |_| {
                    ctx.content_error.set(None);
                    leptos::task::spawn_local(async move { let _ = load_content(ctx).await; });
                }>{ctx.t(Msg::TryAgain)}</button>
            }.into_any(),
        }}
    }
    .into_any()
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Idle,
    Saved(String),
    Failed,
}

/// Shared UI state, passed by context: signals and `'static` references, so `Copy`.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lib: RwSignal<Library>,
    pub current: RwSignal<Option<String>>,
    /// A copy of the open assessment, for the screens that read it whole.
    pub assessment: Memo<Option<Assessment>>,
    /// The day the policies are checked against the law (today unless changed).
    pub check_date: RwSignal<NaiveDate>,
    pub screen: RwSignal<Screen>,
    pub saved: RwSignal<SaveState>,
    /// A message about stored data that could not be read (and was kept aside).
    pub storage_warning: RwSignal<Option<String>>,
    /// Why the start page shows instead of the page the address named.
    pub address_notice: RwSignal<Option<String>>,
    /// What happened to stored work that this tab did not do: what a later change in
    /// another tab replaced of this tab's work (`saving.rs`), or that assessments stored
    /// under one ID were each given their own. Cleared on the next screen.
    pub data_notice: RwSignal<Option<String>>,
    /// The element (by ID) to focus on the next screen instead of its heading: the
    /// question that "Change" on check your answers points to.
    pub focus_target: RwSignal<Option<String>>,
    /// The embedding page's settings, read once at start-up and never changed.
    pub config: &'static EmbedConfig,
    /// Which mounted instance this is (several embeds can share a page).
    pub instance: Option<usize>,
    /// Where the app's files are (ends with `/`), for loading `criteria.json`.
    pub asset_base: &'static str,
    /// Whether the criteria content has loaded (see [`load_content`]).
    pub content_ready: RwSignal<bool>,
    pub content_error: RwSignal<Option<String>>,
}

impl Ctx {
    pub fn t<M: Catalogue>(&self, m: M) -> &'static str {
        t(self.config.lang, m)
    }

    pub fn tf<M: Catalogue>(&self, m: M, args: &[(&str, &str)]) -> String {
        tf(self.config.lang, m, args)
    }

    /// The embed's storage namespace (`storage.rs`).
    pub fn storage_key(&self) -> &'static str {
        self.config.storage_key.as_str()
    }

    /// The embedding council's signposting links as (title, address) pairs.
    pub fn signposting(&self) -> Vec<(String, String)> {
        self.config.links.iter().map(|l| (l.title.clone(), l.url.clone())).collect()
    }

    pub fn fw(&self) -> &'static Framework {
        framework()
    }

    pub fn go(&self, screen: Screen) {
        self.screen.set(screen);
    }

    /// This instance's shadow root; `None` when mounted bare (the component tests).
    fn shadow_root(&self) -> Option<web_sys::ShadowRoot> {
        self.instance.and_then(|i| ROOTS.with(|r| r.borrow().get(i).map(|x| x.root.clone())))
    }

    /// The first element matching `selector` inside this instance (its shadow root
    /// when embedded), as an HtmlElement.
    pub fn query(&self, selector: &str) -> Option<web_sys::HtmlElement> {
        let found = match self.shadow_root() {
            Some(root) => root.query_selector(selector),
            None => web_sys::window()?.document()?.query_selector(selector),
        };
        found.ok().flatten()?.dyn_into().ok()
    }

    /// Adds the stylesheet `name` (one of the app's files) to this instance's shadow root,
    /// once: the screens after the task list bring their styles with them.
    pub fn add_stylesheet(&self, name: &str) {
        let Some(root) = self.shadow_root() else {
            return;
        };
        let href = format!("{}{name}", self.asset_base);
        if root.query_selector(&format!("link[href=\"{href}\"]")).ok().flatten().is_some() {
            return;
        }
        if let Some(link) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("link").ok()) {
            let _ = link.set_attribute("rel", "stylesheet");
            let _ = link.set_attribute("href", &href);
            let _ = root.append_child(&link);
        }
    }

    /// Moves keyboard focus to the page's heading on the next frame, once it is drawn,
    /// or to the element a "Change" link asked for (scrolled into view).
    pub fn focus_heading(&self) {
        let ctx = *self;
        let target = ctx.focus_target.try_update_untracked(Option::take).flatten();
        request_animation_frame(move || {
            let chosen = target.and_then(|id| ctx.query(&format!("#{id}")));
            if let Some(el) = &chosen {
                el.scroll_into_view();
            }
            if let Some(el) = chosen.or_else(|| ctx.query(".cb-app h1")) {
                let _ = el.focus();
            }
        });
    }

    /// Goes to `screen` with keyboard focus on the element `id` there, not its heading.
    pub fn go_to_element(&self, screen: Screen, id: String) {
        self.focus_target.set(Some(id));
        self.go(screen);
    }

    /// Moves keyboard focus to the element with this ID, if present.
    pub fn focus_id(&self, id: &str) {
        if let Some(el) = self.query(&format!("#{id}")) {
            let _ = el.focus();
        }
    }

    /// Reads the current assessment (None when there is none).
    pub fn with_current<R>(&self, f: impl FnOnce(&Assessment) -> R) -> Option<R> {
        let id = self.current.get()?;
        self.lib.with(|lib| lib.get(&id).map(f))
    }

    /// Changes the current assessment and stamps the time; storage follows automatically.
    pub fn update(&self, f: impl FnOnce(&mut Assessment)) {
        if let Some(id) = self.current.get_untracked() {
            self.lib.update(|lib| {
                if let Some(a) = lib.get_mut(&id) {
                    f(a);
                    a.updated = now();
                }
            });
        }
    }
}

/// Opens the place the address names, records each later move in the browser's
/// history, and follows Back and Forward (`address.rs`).
fn follow_the_address(ctx: Ctx) {
    let name = address::param_name(ctx.storage_key());
    let open = move |value: Option<String>| {
        let place = value.as_deref().map(|v| address::decode(v).ok_or(Msg::AddressUnknown));
        let place = match place {
            None => Ok(None),
            Some(Ok(p)) => match &p.assessment {
                Some(id) if ctx.lib.with_untracked(|lib| lib.get(id).is_none()) => Err(Msg::AddressNotHere),
                _ => Ok(Some(p)),
            },
            Some(Err(e)) => Err(e),
        };
        ctx.address_notice.set(place.as_ref().err().map(|m| ctx.t(*m).to_string()));
        match place {
            Ok(Some(p)) => {
                if p.assessment.is_some() {
                    ctx.current.set(p.assessment);
                }
                ctx.screen.set(p.screen);
            }
            _ => ctx.screen.set(Screen::Home),
        }
    };
    open(address::current(&name));
    address::on_back_or_forward(name.clone(), open);
    // The first run only replaces the address (an unknown one is cleaned up); every
    // later move between screens is a new history entry.
    Effect::new(move |previous: Option<()>| {
        let value = address::encode(&ctx.screen.get(), ctx.current.get().as_deref());
        address::record(&name, value.as_deref(), previous.is_some());
    });
}

/// The clock is read here, in the UI, never in the domain. The time now, kept within the years files may hold (`dates::EARLIEST` to `LATEST`):
/// a device whose clock was reset to 1970 must not write a file the tool then refuses.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    let now = chrono::Utc::now();
    let day = now.date_naive();
    if crate::domain::dates::in_range(day) {
        now
    } else {
        crate::domain::dates::clamp(day).and_time(chrono::NaiveTime::MIN).and_utc()
    }
}

/// Today in the user's time zone, within the same years.
pub fn today() -> NaiveDate {
    crate::domain::dates::clamp(chrono::Local::now().date_naive())
}

/// A time in the user's time zone: "22/11/2026 14:05" (UK order), or "14:05:09".
/// Read through the browser's own Date: chrono's strftime and local time-zone code
/// would cost bundle size.
pub fn local_time(t: chrono::DateTime<chrono::Utc>, with_date: bool) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t.timestamp_millis() as f64));
    if with_date {
        format!(
            "{:02}/{:02}/{} {:02}:{:02}",
            d.get_date(),
            d.get_month() + 1,
            d.get_full_year(),
            d.get_hours(),
            d.get_minutes()
        )
    } else {
        format!("{:02}:{:02}:{:02}", d.get_hours(), d.get_minutes(), d.get_seconds())
    }
}

/// One mounted copy of the app.
struct Instance {
    root: web_sys::ShadowRoot,
    config: &'static EmbedConfig,
    /// Where the app's files are.
    asset_base: &'static str,
    /// The app is the page (index.html) rather than part of someone else's page.
    standalone: bool,
}

thread_local! {
    /// Every mounted instance, indexed by `Ctx::instance`.
    static ROOTS: std::cell::RefCell<Vec<Instance>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The settings of one copy of the app: on the tool's own page (standalone, or inside
/// its iframe) the page's query string; in a script embed only the container's own
/// `data-*` attributes and the links inside it, never the host page's address, which
/// anyone can write into a link to a council's page.
fn read_config(container: &web_sys::Element, own_page: bool) -> (EmbedConfig, Vec<String>) {
    if own_page {
        let query = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        return embed::parse_query(&query);
    }
    let mut links = Vec::new();
    if let Ok(anchors) = container.query_selector_all("a[href]") {
        for i in 0..anchors.length() {
            if let Some(a) = anchors.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                links.push((a.text_content().unwrap_or_default(), a.get_attribute("href").unwrap_or_default()));
            }
        }
    }
    embed::parse(|n| container.get_attribute(&format!("data-{n}")), &links)
}

/// Where the app's files are: the folder of the script that started it (boot.js records
/// its own `import.meta.url` under a symbol, which page markup cannot set), else beside
/// the page.
fn asset_base() -> &'static str {
    let key = js_sys::Symbol::for_("carer-benchmark:asset-base");
    let base = js_sys::Reflect::get(&js_sys::global(), &key).ok().and_then(|v| v.as_string());
    Box::leak(base.unwrap_or_else(|| "./".into()).into_boxed_str())
}

/// Whether the page is the tool's own (index.html, standalone or in its iframe): its
/// container says so, and the page sits in the app's own folder. A `data-standalone`
/// written into a council's page elsewhere does not make its address the tool's settings.
fn is_own_page(container: &web_sys::Element, base: &str) -> bool {
    if !container.has_attribute("data-standalone") {
        return false;
    }
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let page = href.split(['?', '#']).next().unwrap_or_default();
    let folder = &page[..page.rfind('/').map_or(0, |i| i + 1)];
    // `…/carer-benchmark` as well as `…/carer-benchmark/index.html`, for hosts that serve
    // the folder's page without its slash.
    let own = base == "./" || base == folder || base.strip_suffix('/') == Some(page);
    if !own {
        warn("data-standalone is ignored: this page is not in the app's own folder");
    }
    own
}

fn warn(message: &str) {
    web_sys::console::warn_1(&format!("carer-benchmark: {message}").into());
}

/// Mounts the app into every `#carer-benchmark` or `[data-carer-benchmark]` element
/// (or a new one at the end of `<body>`), each inside its own open shadow root so the
/// host page's styles and the app's cannot reach each other.
pub fn mount() {
    console_error_panic_hook::set_once();
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let mut containers = Vec::new();
    if let Ok(found) = document.query_selector_all("#carer-benchmark, [data-carer-benchmark]") {
        containers.extend((0..found.length()).filter_map(|i| found.get(i)?.dyn_into::<web_sys::Element>().ok()));
    }
    if containers.is_empty() {
        let el = document.create_element("div").expect("a div");
        document.body().expect("a body").append_child(&el).expect("append");
        containers.push(el);
    }
    let base = asset_base();
    for container in containers {
        let standalone = is_own_page(&container, base);
        let (config, warnings) = read_config(&container, standalone);
        for w in warnings {
            warn(&w);
        }
        if container.has_attribute("data-asset-base") {
            warn("data-asset-base is ignored: the app's files are loaded from where boot.js was loaded");
        }
        let Ok(shadow) = container.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)) else {
            web_sys::console::error_1(&"carer-benchmark: this element cannot hold the app (no shadow root)".into());
            continue;
        };
        // A stylesheet in a shadow root does not hold back rendering: shown at once, the
        // app would be drawn unstyled for a frame and then jump into place (a layout
        // shift). So it is drawn hidden while the container's own content (index.html's
        // static start page, an embed's links) stays on screen through a slot; once the
        // stylesheet is in (or has failed), one swap in one task puts the app there.
        let link: web_sys::HtmlElement = document.create_element("link").expect("a link").unchecked_into();
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &format!("{base}main.css"));
        let slot = document.create_element("slot").expect("a slot");
        let host: web_sys::HtmlElement = document.create_element("div").expect("a div").unchecked_into();
        host.set_hidden(true);
        let swap = {
            let (container, slot, host) = (container.clone(), slot.clone(), host.clone());
            wasm_bindgen::closure::Closure::once_into_js(move || {
                slot.remove();
                container.replace_children_with_node_0();
                host.set_hidden(false);
            })
        };
        link.set_onload(Some(swap.unchecked_ref()));
        link.set_onerror(Some(swap.unchecked_ref()));
        let _ = shadow.append_child(&link);
        let _ = shadow.append_child(&slot);
        let _ = shadow.append_child(&host);
        // Read once, kept for the page's lifetime.
        let config: &'static EmbedConfig = Box::leak(Box::new(config));
        let instance = ROOTS.with(|r| {
            r.borrow_mut().push(Instance { root: shadow, config, asset_base: base, standalone });
            r.borrow().len() - 1
        });
        leptos::mount::mount_to(host, move || view! { <App instance=instance/> }).forget();
    }
}

/// The whole app. Mounted by [`mount`] as an embedded `instance`, or bare (as the
/// component tests do) with the default settings.
#[component]
pub fn App(#[prop(optional)] instance: Option<usize>) -> impl IntoView {
    let (config, asset_base, standalone): (&'static EmbedConfig, &'static str, bool) = instance
        .and_then(|i| ROOTS.with(|r| r.borrow().get(i).map(|x| (x.config, x.asset_base, x.standalone))))
        .unwrap_or_else(|| (Box::leak(Box::default()), "./", true));
    let store = storage::Store::new(&config.storage_key);
    let opened = store.open();
    let lang = config.lang;
    let accent = config.accent;
    let lib = RwSignal::new(opened.library);
    let current = RwSignal::new(None::<String>);
    let ctx = Ctx {
        lib,
        current,
        assessment: Memo::new(move |_| {
            let id = current.get()?;
            lib.with(|lib| lib.get(&id).cloned())
        }),
        check_date: RwSignal::new(today()),
        screen: RwSignal::new(Screen::Home),
        saved: RwSignal::new(SaveState::Idle),
        storage_warning: RwSignal::new(opened.problem.map(|problem| match problem {
            storage::Problem::NoStorage => t(lang, Msg::StorageNone).to_string(),
            storage::Problem::Unreadable { reason, kept_under: Some(key) } => {
                tf(lang, Msg::StorageUnreadable, &[("reason", &reason), ("key", &key)])
            }
            storage::Problem::Unreadable { reason, kept_under: None } => {
                tf(lang, Msg::StorageUnreadableNotKept, &[("reason", &reason)])
            }
        })),
        config,
        instance,
        asset_base,
        address_notice: RwSignal::new(None),
        focus_target: RwSignal::new(None),
        data_notice: RwSignal::new(
            (opened.repaired > 0).then(|| tf(lang, Msg::StorageRepaired, &[("count", &opened.repaired.to_string())])),
        ),
        content_ready: RwSignal::new(crate::domain::content::is_loaded()),
        content_error: RwSignal::new(None),
    };
    provide_context(ctx);
    // A mounted app keeps its place in the page's address; the component tests' bare
    // app leaves the test page's address alone.
    if instance.is_some() {
        follow_the_address(ctx);
    }

    saving::save_as_you_go(ctx, store, opened.stored);

    // Move focus to the new page's heading, so screen reader and keyboard users
    // start at the top of what changed.
    Effect::new(move |prev: Option<Screen>| {
        let screen = ctx.screen.get();
        if prev.is_some_and(|p| p != screen) {
            ctx.data_notice.set(None);
            ctx.focus_heading();
        }
        screen
    });

    // The council's accent colour (already checked for contrast) is set through the
    // CSSOM, which a strict CSP allows, unlike a style attribute.
    Effect::new(move |_| {
        if let (Some(colour), Some(app)) = (accent, ctx.query(".cb-app")) {
            let _ = app.style().set_property("--cb-accent", &colour.css());
            let _ = app.style().set_property("--cb-button", &colour.css());
        }
    });

    let (host_name, logo) = (config.host_name.as_deref(), config.logo.as_deref());
    // The criteria content loads when a screen first needs it.
    Effect::new(move |_| {
        if ctx.screen.get().needs_content() && !ctx.content_ready.get_untracked() {
            leptos::task::spawn_local(async move {
                let _ = load_content(ctx).await;
            });
        }
    });

    view! {
        <div class="cb-app" lang=lang.tag()>
            <header class="cb-header">
                {(host_name.is_some() || logo.is_some()).then(|| view! {
                    <p class="cb-header__host">
                        {logo.map(|src| view! { <img class="cb-header__logo" src=src alt=""/> })}
                        {host_name}
                    </p>
                })}
                <button type="button" class="cb-header__home" on:click=move |_| ctx.go(Screen::Home)>
                    {ctx.t(Msg::ProductName)}
                </button>
                <p class="cb-header__saved" role="status" aria-live="polite">{saving::save_status(ctx)}</p>
            </header>
            // The page's main landmark when the app is the page; inside a council's page
            // (which has its own <main>), a labelled region.
            <div class="cb-main" role=if standalone { "main" } else { "region" }
                aria-label=(!standalone).then(|| ctx.t(Msg::ProductName))>
                {move || ctx.storage_warning.get().map(|w| view! {
                    <div class="cb-warning" role="alert">
                        <p>{w}</p>
                        <button type="button" class="cb-button cb-button--secondary"
                            on:click=move |_| saving::download_backup(ctx)>{ctx.t(Msg::DownloadBackup)}</button>
                    </div>
                })}
                {move || ctx.data_notice.get().map(|n| view! {
                    <div class="cb-notice" role="status"><p>{n}</p></div>
                })}
                {move || (ctx.screen.get() == Screen::Home).then(|| ctx.address_notice.get()).flatten().map(|n| view! {
                    <div class="cb-notice" role="status"><p>{n}</p></div>
                })}
                {move || match ctx.screen.get() {
                    s if s.needs_content() && !ctx.content_ready.get() => loading(ctx),
                    Screen::Home => home::Home().into_any(),
                    s => lazy::screen(ctx, s),
                }}
            </div>
            <footer class="cb-footer">
                <p>{ctx.t(Msg::DisclaimerShort)}</p>
            </footer>
        </div>
    }
}

/// The label of a level, e.g. "Level 1: Active".
pub fn level_name(ctx: &Ctx, level: u8) -> &'static str {
    match level {
        1 => ctx.t(Msg::Level1Name),
        2 => ctx.t(Msg::Level2Name),
        _ => ctx.t(Msg::Level3Name),
    }
}

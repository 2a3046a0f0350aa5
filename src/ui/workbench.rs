//! The host for the lazily loaded modules (`src/workbench/`): the workbench (results,
//! policies, carer passport, action plan, the share page) and the facilitator's view.
//!
//! The app and a module talk through the assessment file format: this side hands the current
//! assessment over as JSON, and takes back each change as JSON, validated like an import
//! before it replaces the stored one. Storage stays with this side's one adapter.

use super::{Ctx, Screen};
use crate::domain::format;
use crate::i18n::Msg;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/ui/workbench-loader.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadModule)]
    fn load_module(base: &str, name: &str) -> js_sys::Promise;
}

/// A lazily loaded section, named by the ID the app and the modules use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Results,
    Policies,
    Passport,
    Plan,
    Share,
    Workshop,
}

impl Section {
    pub fn id(self) -> &'static str {
        match self {
            Section::Results => "results",
            Section::Policies => "policies",
            Section::Passport => "passport",
            Section::Plan => "plan",
            Section::Share => "share",
            Section::Workshop => "workshop",
        }
    }

    /// The module that holds it: the facilitator's view is only for carers'
    /// organisations, so it is a module of its own.
    fn module(self) -> &'static str {
        if self == Section::Workshop {
            "facilitator"
        } else {
            "workbench"
        }
    }

    /// The workshop works without an open assessment; the others show or edit one.
    fn needs_assessment(self) -> bool {
        self != Section::Workshop
    }
}

/// Where the workbench asks to go when the user leaves it.
fn screen_for(to: &str) -> Screen {
    match to {
        "tasks" => Screen::Tasks,
        "results" => Screen::Workbench(Section::Results),
        "policies" => Screen::Workbench(Section::Policies),
        "passport" => Screen::Workbench(Section::Passport),
        "plan" => Screen::Workbench(Section::Plan),
        "share" => Screen::Workbench(Section::Share),
        "workshop" => Screen::Workbench(Section::Workshop),
        _ => match to.strip_prefix("question:").and_then(|i| i.parse().ok()) {
            Some(i) => Screen::Question(i),
            None => Screen::Home,
        },
    }
}

/// What is kept alive while the workbench is on screen.
struct Mounted {
    handle: JsValue,
    _save: Closure<dyn Fn(String)>,
    _navigate: Closure<dyn Fn(String)>,
}

thread_local! {
    /// The workbench on screen in each app instance (several embeds can share a page),
    /// keyed by that instance's number.
    static MOUNTED: std::cell::RefCell<Vec<(usize, Mounted)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn unmount(key: usize) {
    let gone = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        m.iter().position(|(k, _)| *k == key).map(|i| m.remove(i).1)
    });
    if let Some(m) = gone {
        if let Ok(f) = js_sys::Reflect::get(&m.handle, &"unmount".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>().map_err(Into::into))
        {
            let _ = f.call0(&m.handle);
        }
    }
}

/// The workbench's place on the page. The module loads (once) and mounts into it; if it
/// cannot load, the app's usual "could not load" page offers to try again.
pub fn host(ctx: Ctx, section: Section) -> AnyView {
    let key = ctx.instance.unwrap_or(usize::MAX);
    let host = NodeRef::<leptos::html::Div>::new();
    host.on_load(move |el| leptos::task::spawn_local(start(ctx, section, key, el.into())));
    on_cleanup(move || unmount(key));
    view! {
        <div class="cb-workbench" node_ref=host>
            <h1 tabindex="-1">{ctx.t(Msg::WorkbenchLoading)}</h1>
        </div>
    }
    .into_any()
}

async fn start(ctx: Ctx, section: Section, key: usize, el: web_sys::HtmlElement) {
    let assessment = match ctx.with_current(format::to_json) {
        Some(json) => json,
        None if section.needs_assessment() => return ctx.go(Screen::Home),
        None => String::new(),
    };
    let failed = |reason: String| {
        ctx.content_error.set(Some(ctx.tf(Msg::WorkbenchFailed, &[("reason", &reason)])));
        ctx.content_ready.set(false);
    };
    let module = match wasm_bindgen_futures::JsFuture::from(load_module(ctx.asset_base, section.module())).await {
        Ok(m) => m,
        Err(e) => return failed(e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default()),
    };
    let save =
        Closure::<dyn Fn(String)>::new(move |json: String| match format::from_bytes(ctx.fw(), json.as_bytes()) {
            Ok(a) => ctx.update_current(|current| *current = a),
            Err(problems) => {
                let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                web_sys::console::error_1(
                    &format!("carer-benchmark: workbench change refused: {}", text.join("; ")).into(),
                );
            }
        });
    let navigate = Closure::<dyn Fn(String)>::new(move |to: String| ctx.go(screen_for(&to)));
    let links = js_sys::Array::new();
    for link in &ctx.config.links {
        links.push(&js_sys::Array::of2(&link.title.as_str().into(), &link.url.as_str().into()));
    }
    let args = js_sys::Array::new();
    for v in [
        el.into(),
        section.id().into(),
        ctx.config.lang.tag().into(),
        ctx.asset_base.into(),
        links.into(),
        assessment.into(),
        save.as_ref().clone(),
        navigate.as_ref().clone(),
        ctx.config.storage_key.as_str().into(),
    ] {
        args.push(&v);
    }
    let mount = js_sys::Reflect::get(&module, &"mount".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match mount.map(|f| f.apply(&JsValue::NULL, &args)) {
        Some(Ok(handle)) => {
            unmount(key);
            MOUNTED.with(|m| m.borrow_mut().push((key, Mounted { handle, _save: save, _navigate: navigate })));
        }
        _ => failed("mount".into()),
    }
}

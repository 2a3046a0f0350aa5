//! Component tests: the real Leptos app mounted in headless Chromium by
//! wasm-bindgen-test (`scripts/dev test` runs them; see webdriver.json).
#![cfg(target_arch = "wasm32")]

use carer_benchmark::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Waits `ms` milliseconds, letting the page run meanwhile.
async fn wait(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets Leptos run its effects and re-render.
async fn settle() {
    wait(20).await;
}

/// A fresh app in its own element, with empty storage.
async fn mount() -> HtmlElement {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    // The page loads the criteria from criteria.json; the tests install the same JSON.
    carer_benchmark::domain::content::install_json(carer_benchmark::domain::content::FRAMEWORK_JSON).unwrap();
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), || leptos::view! { <App/> }).forget();
    settle().await;
    root
}

fn text(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector).unwrap().map(|e| e.text_content().unwrap_or_default()).unwrap_or_default()
}

fn click(root: &HtmlElement, selector: &str) {
    let el: HtmlElement = root.query_selector(selector).unwrap().expect(selector).unchecked_into();
    el.click();
}

#[wasm_bindgen_test]
async fn first_screen_names_the_tool_and_says_it_is_not_the_official_scheme() {
    let root = mount().await;
    assert_eq!(text(&root, "h1"), "Carer-friendly employer benchmark");
    let body = root.text_content().unwrap();
    assert!(body.contains("This is not the official Carer Confident scheme"), "{body}");
    assert!(body.contains("Employers for Carers"));
    assert_eq!(text(&root, ".cb-button--start"), "Start an assessment");
    root.remove();
}

#[wasm_bindgen_test]
async fn an_empty_form_shows_an_error_summary_linked_to_each_field() {
    let root = mount().await;
    click(&root, ".cb-button--start");
    settle().await;
    assert_eq!(text(&root, "h1"), "About your organisation");
    click(&root, "form button[type=submit]");
    settle().await;
    let links = root.query_selector_all(".cb-error-summary a").unwrap();
    assert_eq!(links.length(), 4, "one error per missing field");
    let first: web_sys::HtmlAnchorElement = links.get(0).unwrap().unchecked_into();
    assert!(first.href().ends_with("#cb-org-name"));
    assert_eq!(first.text_content().unwrap(), "Enter your organisation's name");
    root.remove();
}

#[wasm_bindgen_test]
async fn answering_a_question_is_saved_to_local_storage() {
    let root = mount().await;
    click(&root, ".cb-button--start");
    settle().await;
    let name: web_sys::HtmlInputElement = root.query_selector("#cb-org-name").unwrap().unwrap().unchecked_into();
    name.set_value("Test Council");
    name.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    click(&root, "#cb-sector-public");
    let size: web_sys::HtmlSelectElement = root.query_selector("#cb-size").unwrap().unwrap().unchecked_into();
    size.set_value("250-999");
    size.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    click(&root, "#cb-nation-wales");
    click(&root, "form button[type=submit]");
    settle().await;
    assert_eq!(text(&root, "h1"), "Test Council", "the task list is headed with the organisation");
    click(&root, ".cb-task-criterion");
    settle().await;
    click(&root, "#cb-answer-L1-1-a-yes");
    settle().await;
    let stored = stored().await;
    assert!(stored.contains("\"L1.1.a\":{\"answer\":\"yes\""), "{stored}");
    assert!(stored.contains("\"nation\":\"wales\""));
    assert!(text(&root, ".cb-header__saved").starts_with("Saved at "));
    root.remove();
}

/// The first button whose text contains `label`, clicked.
fn click_button(root: &HtmlElement, label: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: HtmlElement = buttons.get(i).unwrap().unchecked_into();
        if b.text_content().unwrap_or_default().contains(label) {
            b.click();
            return;
        }
    }
    panic!("no button says {label:?}");
}

fn set_input(root: &HtmlElement, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = root.query_selector(selector).unwrap().expect(selector).unchecked_into();
    input.set_value(value);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

/// A fresh app with one assessment made through the form; returns on its task list.
async fn with_assessment(name: &str) -> HtmlElement {
    let root = mount().await;
    click(&root, ".cb-button--start");
    settle().await;
    set_input(&root, "#cb-org-name", name);
    click(&root, "#cb-sector-private");
    let size: web_sys::HtmlSelectElement = root.query_selector("#cb-size").unwrap().unwrap().unchecked_into();
    size.set_value("50-249");
    size.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    click(&root, "#cb-nation-england");
    click(&root, "form button[type=submit]");
    settle().await;
    assert_eq!(text(&root, "h1"), name);
    root
}

/// What storage holds once the app has written its latest change (a moment after it).
async fn stored() -> String {
    wait(carer_benchmark::ui::saving::QUIET_MS as i32 + 100).await;
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("carer-benchmark:assessments")
        .unwrap()
        .unwrap()
}

#[wasm_bindgen_test]
async fn results_count_an_answer_and_show_every_area_as_chart_and_table() {
    let root = with_assessment("Results Ltd").await;
    click(&root, ".cb-task-criterion");
    settle().await;
    click(&root, "#cb-answer-L1-1-a-yes");
    settle().await;
    click(&root, ".cb-back"); // the first criterion's "Back" is the task list
    settle().await;
    click_button(&root, "See your results");
    settle().await;
    assert_eq!(text(&root, "h1"), "Your results");
    assert!(root.query_selector("svg.cb-chart").unwrap().is_some(), "the area chart is drawn");
    let chart_bars = root.query_selector_all("svg.cb-chart .cb-chart__bar").unwrap().length();
    assert_eq!(chart_bars, 5, "one bar per area");
    let lead = text(&root, ".cb-lead");
    assert!(lead.contains('%') && !lead.contains("0 of 0"), "the overall score is stated: {lead}");
    root.remove();
}

#[wasm_bindgen_test]
async fn an_edited_plan_action_keeps_its_owner_and_notes_in_storage() {
    let root = with_assessment("Plan Ltd").await;
    click_button(&root, "Action plan and downloads");
    settle().await;
    assert_eq!(text(&root, "h1"), "Your action plan");
    let actions = root.query_selector_all(".cb-actions .cb-action").unwrap().length();
    assert!(actions > 0, "an empty assessment has actions to take");
    click(&root, ".cb-action .cb-link");
    settle().await;
    set_input(&root, "#cb-action-owner", "Priya, HR lead");
    let notes: web_sys::HtmlTextAreaElement =
        root.query_selector("#cb-action-notes").unwrap().unwrap().unchecked_into();
    notes.set_value("Board paper in March");
    notes.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    click(&root, "form button[type=submit]");
    settle().await;
    assert_eq!(text(&root, "h1"), "Your action plan", "saving returns to the plan");
    let first = text(&root, ".cb-actions .cb-action");
    assert!(first.contains("Priya, HR lead") && first.contains("Board paper in March"), "{first}");
    let saved = stored().await;
    assert!(saved.contains("Priya, HR lead") && saved.contains("Board paper in March"), "{saved}");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_policy_answer_that_is_not_a_number_is_refused_with_an_error_summary() {
    let root = with_assessment("Policy Ltd").await;
    click_button(&root, "Flexible working and carer's leave policies");
    settle().await;
    click(&root, "ul .cb-link");
    settle().await;
    let first_number = root.query_selector("input[inputmode=numeric]").unwrap().expect("a number question");
    let id = first_number.id();
    set_input(&root, &format!("#{id}"), "twenty six");
    click(&root, "form button[type=submit]");
    settle().await;
    let links = root.query_selector_all(".cb-error-summary a").unwrap();
    assert_eq!(links.length(), 1, "one error, for the one bad answer");
    let link: web_sys::HtmlAnchorElement = links.get(0).unwrap().unchecked_into();
    assert!(link.href().ends_with(&format!("#{id}")), "the error links to its field");
    assert!(!stored().await.contains("twenty six"), "a refused answer is not saved");
    set_input(&root, &format!("#{id}"), "26");
    click(&root, "form button[type=submit]");
    settle().await;
    assert!(root.query_selector(".cb-error-summary").unwrap().is_none(), "a good answer clears the summary");
    root.remove();
}

#[wasm_bindgen_test]
fn every_screen_survives_the_trip_through_the_address() {
    use carer_benchmark::ui::address::{decode, encode, Place};
    use carer_benchmark::ui::{passport, plan, policies, workshop, Screen};
    let screens = [
        Screen::New,
        Screen::EditOrganisation,
        Screen::Tasks,
        Screen::Question(0),
        Screen::Question(11),
        Screen::Check(3),
        Screen::Results,
        Screen::Policies(policies::Page::Overview),
        Screen::Policies(policies::Page::Group(2)),
        Screen::Policies(policies::Page::Findings),
        Screen::Plan(plan::Page::List),
        Screen::Plan(plan::Page::Edit("L1.1.a-1 & ü".into())),
        Screen::Plan(plan::Page::Add),
        Screen::Plan(plan::Page::Report),
        Screen::Passport(passport::Page::Overview),
        Screen::Passport(passport::Page::Step(passport::Step::Contacts)),
        Screen::Passport(passport::Page::Document(carer_benchmark::domain::passport::Part::Guide)),
        Screen::Share,
        Screen::Workshop(workshop::Page::Overview),
        Screen::Workshop(workshop::Page::Projector(4)),
        Screen::Workshop(workshop::Page::RoomProjector),
        Screen::Workshop(workshop::Page::Print),
    ];
    for screen in screens {
        let value = encode(&screen, Some("a18c2f3-2")).expect("a screen other than the start page");
        let in_address = carer_benchmark::ui::address::write("", "cb", Some(&value));
        let read = carer_benchmark::ui::address::read(&in_address, "cb").expect("the value reads back");
        let place = decode(&read).unwrap_or_else(|| panic!("{value} decodes"));
        let assessment = screen.needs_assessment().then(|| "a18c2f3-2".to_string());
        assert_eq!(place, Place { screen, assessment }, "{value}");
    }
    assert_eq!(encode(&Screen::Home, Some("a1")), None);
    // Addresses that name no screen, or an assessment's screen without the assessment.
    for bad in ["", "results", "question/0", "check/4", "policies/group/4", "passport/nowhere", "a1:elsewhere"] {
        assert_eq!(decode(bad), None, "{bad}");
    }
}

#[wasm_bindgen_test]
fn the_host_pages_own_query_is_kept_exactly() {
    use carer_benchmark::ui::address::{param_name, read, write};
    let host = "?q=a+b&empty&x=%2F&cb-north=tasks";
    assert_eq!(write(host, "cb", Some("a1:results")), "?q=a+b&empty&x=%2F&cb-north=tasks&cb=a1:results");
    let both = write(host, "cb", Some("a1:results"));
    assert_eq!(write(&both, "cb", Some("new")), "?q=a+b&empty&x=%2F&cb-north=tasks&cb=new");
    assert_eq!(write(&both, "cb", None), host);
    assert_eq!(write("?cb=new", "cb", None), "");
    assert_eq!(read(&both, "cb-north").as_deref(), Some("tasks"));
    assert_eq!(read(&both, "cb").as_deref(), Some("a1:results"));
    assert_eq!(param_name("carer-benchmark"), "cb");
    assert_eq!(param_name("carer-benchmark-north"), "cb-north");
}

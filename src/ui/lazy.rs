//! Every screen but the start page, and three pieces of work (reading the criteria,
//! checking an imported file, building a download), each compiled into a chunk of the one
//! wasm module that the browser fetches the first time it is needed, so none of them
//! weighs on the first page. `wasm_split` marks the split points; the build
//! (`scripts/build-wasm`) cuts the module there. A chunk that cannot be fetched says so
//! and offers to try again.

use super::home::NewAssessment;
use super::journey::{Check, Question, TaskList};
use super::{passport, plan, policies, results, share, workshop, Ctx, Screen};
use crate::domain::export::ReportFile;
use crate::domain::format::{self, Problem};
use crate::domain::library::Library;
use crate::domain::merge::Tabs;
use crate::domain::model::Assessment;
use crate::domain::model::Nation;
use crate::domain::passport::{Part, Scheme};
use crate::domain::policy::PolicyAnswers;
use crate::i18n::Msg;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
#[cfg(feature = "split")]
use leptos::wasm_split::wasm_split;
use leptos::wasm_split::SplitLoaderError;

/// A screen's entry point: with the `split` feature (the release build), a split point
/// whose code goes into the chunk `$chunk`, and `$fetch`, which fetches that chunk for
/// this entry point without drawing anything (each split point keeps its own record of
/// whether its chunk is here); without it (the component tests), a plain function.
macro_rules! split_point {
    ($chunk:ident, $fetch:ident: fn $name:ident($($arg:ident: $ty:ty),*) => $body:expr) => {
        #[cfg_attr(
            feature = "split",
            wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload($fetch))
        )]
        fn $name($($arg: $ty),*) -> Result<AnyView, SplitLoaderError> {
            Ok($body)
        }
    };
}

/// Calls a split point: asynchronous when the module is split, direct when it is not.
#[cfg(feature = "split")]
macro_rules! enter {
    ($call:expr) => {
        $call.await
    };
}
#[cfg(not(feature = "split"))]
macro_rules! enter {
    ($call:expr) => {
        $call
    };
}

split_point!(assessment, fetch_organisation: fn organisation_screen(edit: bool) => view! { <NewAssessment edit=edit/> }.into_any());
split_point!(assessment, fetch_journey: fn journey_screen(screen: Screen) => match screen {
    Screen::Question(index) => view! { <Question index=index/> }.into_any(),
    Screen::Check(level) => view! { <Check level=level/> }.into_any(),
    _ => TaskList().into_any(),
});
// The first page of each section after the task list, together: an HR manager looking
// round opens them all. The pages behind them come with the work they are for.
split_point!(sections, fetch_sections: fn section_screen(ctx: Ctx, screen: Screen) => match screen {
    Screen::Policies(_) => policies::overview(ctx),
    Screen::Plan(_) => plan::list(ctx),
    Screen::Passport(_) => passport::overview(ctx),
    _ => results::view(ctx),
});
split_point!(policies, fetch_policies: fn policies_screen(ctx: Ctx, page: policies::Page) => policies::view(ctx, page));
split_point!(plan, fetch_plan: fn plan_screen(ctx: Ctx, page: plan::Page) => plan::view(ctx, page));
split_point!(passport, fetch_passport: fn passport_screen(ctx: Ctx, page: passport::Page) => passport::view(ctx, page));
split_point!(share, fetch_share: fn share_screen(ctx: Ctx) => share::view(ctx));
split_point!(workshop, fetch_workshop: fn workshop_screen(ctx: Ctx, page: workshop::Page) => workshop::view(ctx, page));
split_point!(room, fetch_room: fn room_screen(ctx: Ctx, page: workshop::Page) => workshop::room_pages(ctx, page));

// Two pieces of work that are not screens, in chunks of their own: reading the criteria
// content once it has been fetched, and checking an imported assessment file.

#[cfg_attr(feature = "split", wasm_split(content, wasm_split_path = ::leptos::wasm_split, fallible))]
fn install_content_now(json: String) -> Result<Result<(), String>, SplitLoaderError> {
    Ok(crate::domain::content::install_json(&json))
}

#[cfg_attr(feature = "split", wasm_split(assessment, wasm_split_path = ::leptos::wasm_split, fallible))]
fn read_assessment_file_now(bytes: Vec<u8>) -> Result<Result<Assessment, Vec<Problem>>, SplitLoaderError> {
    Ok(format::from_bytes(crate::domain::content::framework(), &bytes))
}

// Merging the library another tab stored (`domain::merge`), and the words for what it
// replaced: needed only when two tabs are open, so they wait in a chunk of their own.
#[cfg_attr(feature = "split", wasm_split(merge, wasm_split_path = ::leptos::wasm_split, fallible))]
fn merge_tabs_now(ctx: Ctx, tabs: Tabs) -> Result<(Library, Option<String>), SplitLoaderError> {
    let merged = crate::domain::merge::merge_tabs(&tabs);
    let notice = (!merged.replaced.is_empty()).then(|| super::saving::replaced_words(ctx, &merged.replaced));
    Ok((merged.library, notice))
}

/// The merged library and, if a change of this tab's was replaced, what to tell the
/// user; fetching the chunk first if need be. `None` when it could not be fetched.
pub async fn merge_tabs(ctx: Ctx, tabs: Tabs) -> Option<(Library, Option<String>)> {
    enter!(merge_tabs_now(ctx, tabs)).ok()
}

/// The same at once if its chunk is already here; `None` if it is not.
pub fn merge_tabs_at_once(ctx: Ctx, tabs: Tabs) -> Option<(Library, Option<String>)> {
    ready_now(merge_tabs(ctx, tabs)).flatten()
}

/// Installs the criteria content from its JSON text (`criteria.json`).
pub async fn install_content(json: String) -> Result<(), String> {
    enter!(install_content_now(json))
        .unwrap_or_else(|_| Err(String::from("the code that reads it could not be loaded")))
}

/// Checks an assessment file as an import does; the criteria must be loaded first.
/// `None` when the code that checks it could not be fetched.
pub async fn read_assessment_file(bytes: Vec<u8>) -> Option<Result<Assessment, Vec<Problem>>> {
    enter!(read_assessment_file_now(bytes)).ok()
}

/// A file to download, built in a chunk of its own: the Word writer and the calendar,
/// CSV and Markdown exporters are fetched only when someone downloads.
pub enum Export {
    /// The action plan report for the assessment as it is on `on`.
    Plan { assessment: Assessment, on: NaiveDate, made: DateTime<Utc>, file: ReportFile },
    /// The draft carers policy, as Markdown or as a Word document.
    DraftPolicy { organisation: String, nation: Nation, answers: PolicyAnswers, on: NaiveDate, word: bool },
    /// One of the carer passport's documents as a Word document.
    PassportWord(Scheme, Part),
}

#[cfg_attr(feature = "split", wasm_split(plan, wasm_split_path = ::leptos::wasm_split, fallible))]
fn build_export_now(export: Export) -> Result<Vec<u8>, SplitLoaderError> {
    use crate::domain::{document, export::Report};
    Ok(match export {
        Export::Plan { assessment, on, made, file } => {
            Report::for_assessment(crate::domain::content::framework(), &assessment, on).file(file, made)
        }
        Export::DraftPolicy { organisation, nation, answers, on, word } => {
            let found = crate::domain::policy::check(crate::domain::policy::rules(), &answers, nation, on);
            let draft = crate::domain::draft_policy::draft_policy(&organisation, nation, &answers, &found, on);
            if word {
                document::docx::render(&draft)
            } else {
                document::markdown::render(&draft).into_bytes()
            }
        }
        Export::PassportWord(scheme, part) => crate::domain::passport::docx(&scheme, part),
    })
}

/// The bytes of `export`; `None` when the code that builds it could not be fetched.
pub async fn build_export(export: Export) -> Option<Vec<u8>> {
    enter!(build_export_now(export)).ok()
}

/// The view of a lazily loaded screen, fetching its chunk first if need be.
async fn load(ctx: Ctx, screen: Screen) -> Result<AnyView, SplitLoaderError> {
    match screen {
        Screen::New => enter!(organisation_screen(false)),
        Screen::EditOrganisation => enter!(organisation_screen(true)),
        screen @ (Screen::Tasks | Screen::Question(_) | Screen::Check(_)) => enter!(journey_screen(screen)),
        first @ (Screen::Results
        | Screen::Policies(policies::Page::Overview)
        | Screen::Plan(plan::Page::List)
        | Screen::Passport(passport::Page::Overview)) => enter!(section_screen(ctx, first)),
        Screen::Policies(page) => enter!(policies_screen(ctx, page)),
        Screen::Plan(page) => enter!(plan_screen(ctx, page)),
        Screen::Passport(page) => enter!(passport_screen(ctx, page)),
        Screen::Share => enter!(share_screen(ctx)),
        Screen::Workshop(page) if page.for_the_room() => enter!(room_screen(ctx, page)),
        Screen::Workshop(page) => enter!(workshop_screen(ctx, page)),
        Screen::Home => Ok(().into_any()),
    }
}

/// Fetches the chunk that holds `screen`, drawing nothing.
#[cfg(feature = "split")]
async fn fetch_chunk(screen: Screen) -> Result<(), SplitLoaderError> {
    match screen {
        Screen::Home => Ok(()),
        Screen::New | Screen::EditOrganisation => fetch_organisation().await,
        Screen::Tasks | Screen::Question(_) | Screen::Check(_) => fetch_journey().await,
        Screen::Results
        | Screen::Policies(policies::Page::Overview)
        | Screen::Plan(plan::Page::List)
        | Screen::Passport(passport::Page::Overview) => fetch_sections().await,
        Screen::Policies(_) => fetch_policies().await,
        Screen::Plan(_) => fetch_plan().await,
        Screen::Passport(_) => fetch_passport().await,
        Screen::Share => fetch_share().await,
        Screen::Workshop(page) if page.for_the_room() => fetch_room().await,
        Screen::Workshop(_) => fetch_workshop().await,
    }
}

/// Polls a future once: its output if it is ready now.
fn ready_now<T>(future: impl std::future::Future<Output = T>) -> Option<T> {
    use std::task::{Context, Poll, Waker};
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}

/// What a screen is, in the words of "Getting … ready".
fn what_is_loading(screen: &Screen) -> Msg {
    match screen {
        Screen::Home | Screen::New | Screen::EditOrganisation => Msg::WhatOrganisationForm,
        Screen::Tasks | Screen::Question(_) | Screen::Check(_) => Msg::WhatQuestions,
        Screen::Results => Msg::WhatResults,
        Screen::Policies(_) => Msg::WhatPolicies,
        Screen::Plan(_) => Msg::WhatPlan,
        Screen::Passport(_) => Msg::WhatPassport,
        Screen::Share => Msg::WhatShare,
        Screen::Workshop(_) => Msg::WhatWorkshop,
    }
}

/// A screen from a chunk. Once its chunk is here the screen is drawn at once, inside this
/// closure, so it is drawn again when what it read changes, as any view is. Before that,
/// "Loading…" while the chunk is fetched; if the fetch fails, a message and "Try again".
pub fn screen(ctx: Ctx, screen: Screen) -> AnyView {
    if screen.needs_assessment() && ctx.current.get_untracked().is_none() {
        // Nothing to show (an assessment deleted in the meantime): back to the start.
        request_animation_frame(move || ctx.go(Screen::Home));
        return ().into_any();
    }
    ctx.add_stylesheet("workbench.css");
    // Bumped when a fetch ends (or "Try again" is pressed), to draw again.
    let fetched = RwSignal::new(0u32);
    let failed = RwSignal::new(false);
    let waited = StoredValue::new(false);
    let failure = move || {
        view! {
            <h1 tabindex="-1">{ctx.t(Msg::ScreenFailedTitle)}</h1>
            <p role="alert">{ctx.t(Msg::ScreenFailed)}</p>
            <button type="button" class="cb-button" on:click=move |_| {
                failed.set(false);
                fetched.set(0);
            }>{ctx.t(Msg::TryAgain)}</button>
        }
        .into_any()
    };
    // The app moved focus to "Loading…" when the screen changed; once the wait is over,
    // move it again, to the heading of what replaced it.
    let after_wait = move || {
        if waited.get_value() {
            waited.set_value(false);
            ctx.focus_heading();
        }
    };
    (move || {
        fetched.track();
        if failed.get() {
            after_wait();
            return failure();
        }
        match ready_now(load(ctx, screen.clone())) {
            Some(Ok(view)) => {
                after_wait();
                view
            }
            Some(Err(_)) => failure(),
            // A chunk that arrived and still cannot be entered is a failure, not a loop.
            None if waited.get_value() && fetched.get_untracked() > 2 => failure(),
            None => {
                waited.set_value(true);
                #[cfg(feature = "split")]
                {
                    let screen = screen.clone();
                    leptos::task::spawn_local(async move {
                        failed.set(fetch_chunk(screen).await.is_err());
                        fetched.update(|n| *n += 1);
                    });
                }
                let what = ctx.t(what_is_loading(&screen));
                view! {
                    <h1 tabindex="-1">{ctx.t(Msg::ScreenLoading)}</h1>
                    <p role="status">{ctx.tf(Msg::LoadingWhat, &[("what", what)])}</p>
                }
                .into_any()
            }
        }
    })
    .into_any()
}

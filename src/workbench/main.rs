//! The workbench: results, the policy checker, carer passport, action plan and the
//! participant's workshop share page.
//!
//! A second wasm module, loaded by the app (`src/ui/workbench.rs`) the first time one of
//! these sections is opened, so none of it weighs on the first page load. It renders
//! into an element the app gives it (inside the app's shadow root, so the app's
//! stylesheet applies, plus `workbench.css`) and edits one assessment: it receives it
//! as the JSON file format and hands every change back the same way. It never touches
//! the assessments' storage. The facilitator's view is a module of its own
//! (`facilitator.rs`), since only carers' organisations use it.

#[cfg(target_arch = "wasm32")]
mod common;
#[cfg(target_arch = "wasm32")]
mod ctx;
#[cfg(target_arch = "wasm32")]
mod passport;
#[cfg(target_arch = "wasm32")]
mod plan;
#[cfg(target_arch = "wasm32")]
mod policies;
#[cfg(target_arch = "wasm32")]
mod results;
#[cfg(target_arch = "wasm32")]
mod share;

#[cfg(target_arch = "wasm32")]
pub use pages::*;

#[cfg(target_arch = "wasm32")]
mod pages {
    use crate::ctx::W;
    use crate::{passport, plan, policies, results, share};
    use leptos::prelude::*;

    pub use crate::ctx::mount;

    /// Which screen of the workbench is showing.
    #[derive(Debug, Clone, PartialEq)]
    pub enum Page {
        Results,
        Policies(policies::Page),
        Plan(plan::Page),
        Passport(passport::Page),
        Share,
    }

    pub const FALLBACK: Page = Page::Results;

    pub fn first_page(section: &str) -> Option<Page> {
        match section {
            "results" => Some(Page::Results),
            "policies" => Some(Page::Policies(policies::Page::Overview)),
            "plan" => Some(Page::Plan(plan::Page::List)),
            "passport" => Some(Page::Passport(passport::Page::Overview)),
            "share" => Some(Page::Share),
            _ => None,
        }
    }

    pub fn route(w: W, page: Page) -> AnyView {
        match page {
            Page::Results => results::view(w),
            Page::Policies(p) => policies::view(w, p),
            Page::Plan(p) => plan::view(w, p),
            Page::Passport(p) => passport::view(w, p),
            Page::Share => share::view(w),
        }
    }
}

// The module does its work when the app calls `mount`; there is nothing to start.
fn main() {}

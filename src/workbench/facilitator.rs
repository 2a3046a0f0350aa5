//! The facilitator's view of workshop mode: the workshop's details, running order,
//! projector view, collecting the room's codes and the room's results.
//!
//! A module of its own, loaded by the app (`src/ui/workbench.rs`) only when the
//! facilitator's view is opened from the start page: only carers' organisations running
//! workshops use it, so the HR managers' workbench does not carry it. It mounts like the
//! workbench (`ctx.rs`), without an assessment, and keeps the workshop's record through
//! the app's one storage adapter.

#[cfg(target_arch = "wasm32")]
mod common;
#[cfg(target_arch = "wasm32")]
mod ctx;
#[cfg(target_arch = "wasm32")]
mod workshop;

#[cfg(target_arch = "wasm32")]
pub use pages::*;

#[cfg(target_arch = "wasm32")]
mod pages {
    use crate::ctx::W;
    use crate::workshop;
    use leptos::prelude::*;

    pub use crate::ctx::mount;

    #[derive(Debug, Clone, PartialEq)]
    pub enum Page {
        Workshop(workshop::Page),
    }

    pub const FALLBACK: Page = Page::Workshop(workshop::Page::Overview);

    pub fn first_page(section: &str) -> Option<Page> {
        (section == "workshop").then_some(FALLBACK)
    }

    pub fn route(w: W, page: Page) -> AnyView {
        match page {
            Page::Workshop(p) => workshop::view(w, p),
        }
    }
}

// The module does its work when the app calls `mount`; there is nothing to start.
fn main() {}

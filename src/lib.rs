//! Carer-friendly employer benchmark.
//!
//! - [`domain`]: the pure core (content, answers, scoring, file format), no browser types;
//! - [`i18n`]: the translation layer every visible string goes through;
//! - `ui` (wasm32 only): the Leptos components, a thin layer over the domain.

pub mod domain;
pub mod embed;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod ui;

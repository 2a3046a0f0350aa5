//! The workbench: the policy checker, carer passport, action plan and workshop screens.
//!
//! A second wasm module, loaded by the app (`src/ui/workbench.rs`) the first time one of
//! these sections is opened, so none of it weighs on the first page load. It renders
//! into an element the app gives it (inside the app's shadow root, so the app's
//! stylesheet applies, plus `workbench.css`) and edits one assessment: it receives it
//! as the JSON file format and hands every change back the same way. It never touches
//! the assessments' storage; the workshop keeps its own records through the app's one
//! storage adapter.

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
mod workshop;

#[cfg(target_arch = "wasm32")]
pub use ctx::mount;

// The module does its work when the app calls `mount`; there is nothing to start.
fn main() {}

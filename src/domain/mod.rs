//! The pure domain core: content, assessment model, scoring, the policy checker and the
//! file format.
//! No browser types here; everything is tested natively with `cargo test`.

pub mod content;
pub mod draft_policy;
pub mod format;
pub mod journey;
pub mod library;
pub mod model;
pub mod policy;
pub mod scoring;
pub mod statistics;

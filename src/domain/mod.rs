//! The pure domain core: content, assessment model, scoring, the policy checker, the
//! action plan, the carer passport scheme, documents and exports, the workshop and the
//! file format.
//! No browser types, no clock and no interface wording here; everything is tested
//! natively with `cargo test`. The modules form layers, each importing only from lower
//! ones: see `ARCHITECTURE.md`, enforced by `tests/architecture.rs`.

/// For an enum whose variants have stable string IDs: `ALL` (in declaration order),
/// `id()`, `from_id()` and `rank()`. Serde's own renames must give the same strings;
/// the format and content tests round-trip every one.
macro_rules! id_list {
    ($ty:ident: $($v:ident = $id:literal),* $(,)?) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$v),*];

            /// The stable ID used in files, content and on the command line.
            pub fn id(self) -> &'static str {
                match self { $($ty::$v => $id),* }
            }

            pub fn from_id(s: &str) -> Option<$ty> {
                Self::ALL.iter().copied().find(|x| x.id() == s)
            }

            /// Position in the list: a choice answer's level.
            pub fn rank(self) -> u32 {
                Self::ALL.iter().position(|&x| x == self).unwrap_or(0) as u32
            }
        }
    };
}

// Layer 0: leaves.
pub mod checksum;
pub mod dates;
pub mod escape;
pub mod organisation;
pub mod statistics;
pub mod text;
// Layer 1.
pub mod content;
pub mod document;
pub mod json;
// Layer 2.
pub mod policy;
// Layer 3.
pub mod model;
// Layer 4.
pub mod journey;
pub mod library;
pub mod plan;
pub mod scoring;
// Layer 5.
pub mod merge;
pub mod passport;
// Layer 6.
pub mod draft_policy;
pub mod export;
pub mod format;
// Layer 7.
pub mod workshop;

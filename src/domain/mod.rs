//! The pure domain core: content, assessment model, scoring, the policy checker, the
//! carer passport scheme and the file format.
//! No browser types here; everything is tested natively with `cargo test`.

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

pub mod content;
pub mod draft_policy;
pub mod export;
pub mod format;
pub mod journey;
pub mod library;
pub mod model;
pub mod passport;
pub mod plan;
pub mod policy;
pub mod scoring;
pub mod statistics;
pub mod workshop;

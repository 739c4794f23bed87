//! Review sessions: what the analyst checked, starred and noted on each
//! item of an article, kept across restarts, and the memo made of it.
//!
//! Read by the reader, the exports and the command line; never by the
//! analysis.
//!
//! * `items`: the review items of an analysis (actors, quotes, positions,
//!   red lines) and their stable ids.
//! * `anchor`: where an item sits, stored so it can be found again after
//!   edits (exact text, context, holder, offsets).
//! * `state`: the review file's format and how two versions merge.
//! * `session`: a [`Review`]: the items joined with the stored marks, the
//!   orphans, the marks' changes, progress and filters.
//! * `store`: where review files live; atomic, locked, merging writes.
//! * `memo`: the Markdown memo, and writing it without clobbering.
//! * `clock`: wall-clock milliseconds and UTC dates.

mod anchor;
pub mod clock;
mod items;
pub mod memo;
mod session;
mod state;
mod store;

pub use anchor::Anchor;
pub use items::{Item, ItemKind, Target, items};
pub use session::{Entry, Filter, Meta, Progress, Review, text_sha256};
pub use state::{FORMAT_VERSION, Marks, Record, Register, State};
pub use store::{Loaded, Mode, SaveError, Saved, Store};

#[cfg(test)]
mod tests;

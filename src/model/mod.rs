//! The plain data every layer reads: a [`Document`] as loaded, the
//! [`Analysis`] of it, and the typed ids that point into them. No logic
//! beyond accessors lives here; `load` makes documents, `analyze` makes
//! analyses, the views read both.

mod analysis;
mod document;
mod ids;

pub use analysis::{
    Actor, ActorKind, Analysis, Mention, MentionKind, Position, PositionKind, Quote, Speaker,
};
pub use document::{BlockKind, Document, Format, Layout, Origin, Paragraph, Section};
pub use ids::{ActorId, DocId, PositionId, QuoteId};

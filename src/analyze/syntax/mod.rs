//! The syntactic layer: parts of speech, chunks and clauses over a
//! sentence's tokens, for the rules that need to know what is a verb,
//! who its subject is and what a negation or a modal scopes over.

pub mod chunks;
pub mod tagger;

pub use tagger::{Tag, Tagger};

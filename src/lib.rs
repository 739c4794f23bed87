//! `briefing`: a terminal reader for news briefings.
//!
//! The data flows one way: [`load`] turns input into a [`load::Document`]
//! (one text buffer, spans), [`analyze`] finds actors, quotes, positions and
//! red lines as spans of that buffer, and the views ([`export`], the TUI,
//! the summary) read both. See ARCHITECTURE.md for the map.

pub mod analyze;
pub mod atomic;
pub mod briefing;
pub mod cli;
pub mod config;
pub mod error;
pub mod export;
pub mod highlight;
pub mod lexicon;
pub mod load;
pub mod model;
pub mod review;
pub mod span;
pub mod summary;
pub mod text;
pub mod tui;

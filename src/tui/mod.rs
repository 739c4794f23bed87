//! The interactive reader.
//!
//! keys/mouse/clock ─▶ [`Action`](action::Action) ─▶ `App::update` ─▶ state ─▶ [`render`]
//!
//! * `app`: the state and `update`, the only place it changes.
//! * `action`: what can happen. `keymap`: keys → actions, from `[keys]`.
//! * `render`: draws the state, reads only. `theme`: marks → styles.
//! * `article`: one article's width-independent view data (tokens, lists).
//! * `wrap`: rows for a width (cached), with the row ↔ byte index.
//! * `layout`: pane rectangles. `search`: case-insensitive matching.
//! * `terminal`: init/restore, panic hook, signals, the event loop.
//!
//! It holds no analysis logic: it shows what `analyze` and `summary` found,
//! marked by `highlight`.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

mod action;
mod app;
mod article;
mod keymap;
mod layout;
mod render;
mod search;
mod terminal;
mod theme;
mod wrap;

#[cfg(test)]
mod tests;

use std::time::Instant;

pub use action::Action;
pub use app::{App, Options, ReaderConfig};
pub use article::Article;
pub use keymap::KeysConfig;
pub use render::render;
pub use theme::{ColourMode, ThemeConfig};

use crate::analyze;
use crate::lexicon::Lexicon;
use crate::load::{self, Source};

/// Opens the reader on `sources` (the first one that loads is shown; the
/// others load in the background and `>`/`<` switch between them).
/// Loading errors of the first article are returned before the terminal is
/// touched. Returns the exit code.
pub fn run(
    sources: Vec<Source>,
    options: &Options,
    lexicon: &Lexicon,
    started: Instant,
) -> Result<i32, String> {
    let mut errors = Vec::new();
    let mut first = None;
    for (i, s) in sources.iter().enumerate() {
        match load::load(s) {
            Ok(loaded) => {
                for w in &loaded.warnings {
                    eprintln!("briefing: warning: {w}");
                }
                first = Some((i, loaded.doc));
                break;
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    let Some((at, doc)) = first else {
        return Err(errors.join("\nbriefing: "));
    };
    for e in &errors {
        eprintln!("briefing: {e}");
    }
    let analysis = analyze::analyze(&doc, lexicon);
    let mut app = App::new(Article::new(doc, analysis), options);
    let rest: Vec<(usize, Source)> = sources
        .into_iter()
        .skip(at + 1)
        .enumerate()
        .map(|(i, s)| (i + 1, s))
        .collect();
    app.add_pending(rest.iter().map(|(_, s)| s.name()));
    terminal::run(app, rest, lexicon, started).map_err(|e| format!("terminal: {e}"))
}

//! The interactive reader: it shows a briefing, it never loads or
//! analyses one (`briefing` does, off this thread).
//!
//! keys/mouse/clock/loader ─▶ [`Action`] ─▶ `App::update` ─▶ state + [`Effect`] ─▶ [`render`]
//!
//! * `app`: the shared state and `update`, which routes each action to the
//!   topmost overlay or to a pane and returns what the loop should do.
//! * `panes/`: `article`, `actors`, `quotes`, `summary`, each with its
//!   state, its update, its draw and its key hints; `list` for what the
//!   lists share.
//! * `overlays/`: `help` and the `search` prompt, a stack over the panes.
//! * `action`: what can happen, and the effects. `keymap`: keys → actions,
//!   from `[keys]`. `theme`: marks → styles.
//! * `render`: draws the state (header, tabs, status line; the panes and
//!   overlays draw themselves) and returns what it drew where.
//! * `article`: one article's width-independent view data (lists, names,
//!   the search index); `words`: its tokens with display widths.
//! * `wrap`: rows for a width (cached), with the row ↔ byte index.
//! * `layout`: pane rectangles (and the largest frame drawn), and the drawn
//!   layout the mouse is tested on. `search`: case-insensitive matching.
//!   `widgets`: drawing helpers. `clipboard`: OSC 52, and where it cannot
//!   work.
//! * `terminal`: init/restore on every way out (panic, signals, abort),
//!   suspend and resume, the event loop; `effects`: the file writes an
//!   update asks for (reviews, the memo).
//! * `review`: each article's review marks as they change, and when to
//!   save them; `marking`: the review keys (`x`, `*`, `m`, `u`/`U`, `f`,
//!   `e`) and the note editor's edits, as part of `update`.
//!
//! It holds no analysis logic: it shows what `analyze` and `summary` found,
//! marked by `highlight`.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

mod action;
mod app;
mod article;
mod clipboard;
mod effects;
mod keymap;
mod layout;
mod marking;
mod overlays;
mod panes;
mod render;
mod review;
mod search;
mod terminal;
mod theme;
mod widgets;
mod words;
mod wrap;

#[cfg(test)]
mod tests;

use std::time::Instant;

pub use action::{Action, Effect};
pub use app::{App, Options, ReaderConfig};
pub use article::Article;
pub use clipboard::Clipboard;
pub use keymap::KeysConfig;
pub use layout::Drawn;
pub use render::render;
pub use theme::{ColourMode, ThemeConfig};

use crate::briefing::{Briefing, Loader};
use crate::error::ReaderError;

/// Opens the reader on a briefing; the articles still loading come from
/// `loader` as they are done and `>`/`<` switch between them. Returns the
/// exit code.
pub fn run(
    briefing: Briefing<Article>,
    loader: Option<Loader<Article>>,
    options: &Options,
    started: Instant,
) -> Result<i32, ReaderError> {
    let app = App::new(briefing, options);
    Ok(terminal::run(app, loader, started)?)
}

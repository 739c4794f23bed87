//! The four panes. Each owns its state and has, in its own file, its
//! update for the actions routed to it, its draw and its key hints (as
//! gitui's components and ratatui's demo2 tabs do). `App` routes an action
//! to a pane (the focused one for keys, the one under the pointer for the
//! mouse) and carries out the [`Reply`]: what the pane asks of the others.
//!
//! * `article`: the text, its scroll, the jump target and its flash, the
//!   search matches; `r`/`p` (for `App`), `]`/`[` and search steps.
//! * `actors`, `quotes`, `summary`: lists (shared keys and mouse in `list`).

pub(crate) mod actors;
pub(crate) mod article;
pub(crate) mod list;
pub(crate) mod quotes;
pub(crate) mod summary;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::model::ActorId;
use crate::review::{Filter, Review};
use crate::span::Span;

use super::action::Action;
use super::article::Article;
use super::theme::Theme;

/// The glyphs of the review marks, in every pane and the article gutter.
pub(crate) const REVIEWED: &str = "✓";
pub(crate) const STARRED: &str = "★";
pub(crate) const NOTED: &str = "✎";

/// What a pane's update reads besides its own state.
pub(crate) struct Cx<'a> {
    pub(crate) article: &'a Article,
    /// The article's review marks, and which of them the lists show.
    pub(crate) review: &'a Review,
    pub(crate) filter: Filter,
    /// Rows inside the pane at this window size (0 when it is too small).
    pub(crate) height: usize,
}

/// What a pane's draw reads besides its own state.
pub(crate) struct Paint<'a> {
    pub(crate) article: &'a Article,
    pub(crate) review: &'a Review,
    pub(crate) filter: Filter,
    pub(crate) theme: &'a Theme,
    pub(crate) focused: bool,
}

/// What a pane asks of the rest of the reader; `App` does it in this
/// order.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Reply {
    /// Scroll the article to this span, flash it and step on from it.
    pub(crate) jump: Option<Span>,
    /// Show the article (narrow windows show one pane at a time).
    pub(crate) show_article: bool,
    /// Select this actor (a click on one of its mentions).
    pub(crate) actor: Option<ActorId>,
    /// A note for the status line.
    pub(crate) note: Option<String>,
    /// The review entry the jump goes to (else the one at the jump's span).
    pub(crate) item: Option<usize>,
}

impl Reply {
    pub(crate) fn note(note: impl Into<String>) -> Reply {
        Reply {
            note: Some(note.into()),
            ..Reply::default()
        }
    }

    pub(crate) fn jump(span: Span) -> Reply {
        Reply {
            jump: Some(span),
            ..Reply::default()
        }
    }
}

/// The keys a hint names: one action's, or a pair's ("j/k").
#[derive(Debug)]
pub(crate) enum HintKeys {
    One(Action),
    Pair(Action, Action),
}

/// A key hint of the status line: the keys and what they do.
pub(crate) type Hint = (HintKeys, &'static str);

/// A pane: its state answers keys, the mouse and the window's size, and
/// draws itself.
pub(crate) trait View {
    /// An action routed to this pane: movement and Enter when it has the
    /// focus.
    fn update(&mut self, action: &Action, cx: &Cx) -> Reply;

    /// The mouse wheel over the pane; positive is down.
    fn wheel(&mut self, lines: i16, cx: &Cx);

    /// A click at a cell inside `area`, the pane's rectangle as drawn.
    fn click(&mut self, col: u16, row: u16, area: Rect, cx: &Cx) -> Reply;

    /// The window has a new size; `area` is the pane's rectangle in it.
    fn resize(&mut self, area: Rect, cx: &Cx);

    fn draw(&self, p: &Paint, buf: &mut Buffer, area: Rect);

    /// The key hints shown while the pane has the focus.
    fn hints(&self) -> &'static [Hint];
}

/// How far a movement key moves, given how far a page goes; `None` for
/// the other actions.
pub(crate) fn movement(action: &Action, page: usize) -> Option<isize> {
    Some(match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown => page as isize,
        Action::PageUp => -(page as isize),
        Action::HalfPageDown => (page / 2).max(1) as isize,
        Action::HalfPageUp => -((page / 2).max(1) as isize),
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return None,
    })
}

/// Steps through spans sorted by start from the reading position `from`
/// (a byte, and whether a span starting there is the one stepped from),
/// wrapping around at the ends. Returns the index and whether it wrapped.
pub(crate) fn step(starts: &[u32], from: (u32, bool), forward: bool) -> Option<(usize, bool)> {
    if starts.is_empty() {
        return None;
    }
    let (pos, strict) = from;
    if forward {
        let i = starts.partition_point(|&s| if strict { s <= pos } else { s < pos });
        Some(if i < starts.len() {
            (i, false)
        } else {
            (0, true)
        })
    } else {
        let i = starts.partition_point(|&s| s < pos);
        Some(if i > 0 {
            (i - 1, false)
        } else {
            (starts.len() - 1, true)
        })
    }
}

/// What a step's note adds when it went through one actor's items only.
pub(crate) fn of_actor(article: &Article, actor: Option<ActorId>) -> String {
    actor.map_or_else(String::new, |id| format!(" of {}", article.actor_name(id)))
}

/// What the status line adds when a step wrapped around.
pub(crate) fn wrap_note(wrapped: bool, forward: bool) -> &'static str {
    match (wrapped, forward) {
        (false, _) => "",
        (true, true) => " (wrapped to the first)",
        (true, false) => " (wrapped to the last)",
    }
}

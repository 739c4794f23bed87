//! Overlays: what sits over the panes and takes the keys first. `App`
//! keeps them on a stack; the topmost one sees every action before the
//! panes do, and can keep it, close itself, or let it through.
//!
//! * `help`: the key list, generated from the live key map.
//! * `search`: the search prompt on the status line.
//! * `note`: the note editor on a review item.

pub(crate) mod help;
pub(crate) mod note;
pub(crate) mod search;

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::article::Article;
use super::keymap::KeyMap;
use super::panes::article::ArticlePane;
use super::theme::Theme;

pub(crate) use help::Help;
pub(crate) use note::NoteEditor;
pub(crate) use search::SearchPrompt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Overlay {
    Help(Help),
    Search(SearchPrompt),
    Note(Box<NoteEditor>),
}

/// What an overlay's update reads and may change besides its own state.
pub(crate) struct Cx<'a> {
    pub(crate) article: &'a Article,
    /// The article pane, which the search prompt searches.
    pub(crate) text: &'a mut ArticlePane,
    /// Rows of the article pane.
    pub(crate) height: usize,
    pub(crate) keymap: &'a KeyMap,
    /// The window, in columns and rows.
    pub(crate) size: (u16, u16),
    /// Set by the note editor: the note of this review entry is now this.
    pub(crate) note: Option<(usize, String)>,
}

/// What an overlay did with an action.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Taken; the overlay stays.
    Keep,
    /// Taken; the overlay closes, maybe with a note for the status line.
    Close(Option<String>),
    /// The reader should end.
    Quit,
    /// Not the overlay's: the reader handles it as if it were not there.
    Pass,
}

/// What an overlay's draw reads.
pub(crate) struct Paint<'a> {
    pub(crate) theme: &'a Theme,
    pub(crate) keymap: &'a KeyMap,
    pub(crate) text: &'a ArticlePane,
    /// The whole window, and its status line.
    pub(crate) area: Rect,
    pub(crate) status: Rect,
}

impl Overlay {
    /// The action a key stands for, when the overlay reads keys itself
    /// (a prompt takes text); `None` to use the key map.
    pub(crate) fn key_action(&self, ev: &KeyEvent) -> Option<Option<Action>> {
        match self {
            Overlay::Help(_) => None,
            Overlay::Search(p) => Some(p.key_action(ev)),
            Overlay::Note(n) => Some(n.key_action(ev)),
        }
    }

    pub(crate) fn update(&mut self, action: &Action, cx: &mut Cx) -> Outcome {
        match self {
            Overlay::Help(h) => h.update(action, cx),
            Overlay::Search(p) => p.update(action, cx),
            Overlay::Note(n) => n.update(action, cx),
        }
    }

    /// Draws it; returns where the cursor goes, if it shows one.
    pub(crate) fn draw(&self, p: &Paint, buf: &mut Buffer) -> Option<Position> {
        match self {
            Overlay::Help(h) => {
                h.draw(p, buf);
                None
            }
            Overlay::Search(s) => s.draw(p, buf),
            Overlay::Note(n) => n.draw(p, buf),
        }
    }
}

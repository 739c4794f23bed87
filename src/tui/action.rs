//! Everything that can change the reader's state, and what a change asks
//! of the world. Keys, the mouse, the clock, the terminal, the loader and
//! the drawn frame all become an [`Action`]; `App::update` is the only
//! place that applies one, and it returns an [`Effect`] for the event loop
//! to carry out.

use crossterm::event::KeyEvent;

use crate::briefing::Delivery;
use crate::review::State;

use super::article::Article;
use super::layout::Drawn;

/// A change the reader can make. The first group is bindable in `[keys]`
/// (see `keymap::BINDINGS`); the rest come from the mouse, the terminal, the
/// clock, the search prompt, the loader or the last frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    FocusNext,
    FocusPrev,
    NextSection,
    PrevSection,
    NextQuote,
    PrevQuote,
    NextRedLine,
    PrevRedLine,
    NextPosition,
    PrevPosition,
    /// Enter on a side-pane item: scroll the article to it and flash it.
    Activate,
    /// Copy the selected quote with its speaker to the clipboard (OSC 52).
    CopyQuote,
    ShowActors,
    ShowQuotes,
    ShowSummary,
    /// Open the search prompt.
    Search,
    SearchNext,
    SearchPrev,
    /// Close the overlay, leave the search, or return to the article.
    Back,
    Help,
    /// Hand the terminal back to the shell until `fg` (Ctrl-Z).
    Suspend,
    Quit,
    NextArticle,
    PrevArticle,
    /// Review marks on the selected item: reviewed and starred toggle,
    /// the note opens the editor.
    ToggleReviewed,
    ToggleStarred,
    EditNote,
    /// The next or previous item not yet reviewed.
    NextUnreviewed,
    PrevUnreviewed,
    /// The side panes' filter: all, unreviewed, starred, with notes.
    CycleFilter,
    /// Write the review memo.
    WriteMemo,

    /// The terminal's size, in columns and rows.
    Resize(u16, u16),
    /// Time passes (about 100 ms): the flash fades.
    Tick,
    /// Mouse wheel at a cell; positive is down.
    Scroll {
        col: u16,
        row: u16,
        lines: i16,
    },
    /// Left click at a cell.
    Click {
        col: u16,
        row: u16,
    },
    /// A character typed into the search prompt.
    Input(char),
    /// Backspace in the search prompt.
    DeleteBack,
    /// Enter in the search prompt: keep the matches, close the prompt.
    Submit,
    /// Esc in the search prompt: drop the search, go back to where it began.
    Cancel,
    /// A key typed into the note editor.
    NoteKey(KeyEvent),
    /// Ctrl-S or Esc in the note editor: keep the text, close it.
    NoteDone,
    /// The review of article `index` was saved (the file as merged), or
    /// could not be.
    Saved {
        index: usize,
        result: Result<(State, Vec<String>), String>,
    },
    /// The memo was written to this path, or could not be.
    MemoWritten(Result<String, String>),
    /// An article of the briefing finished loading in the background.
    Loaded(Delivery<Article>),
    /// A frame was drawn with this layout: the mouse is hit-tested on it.
    Drawn(Drawn),
}

/// What an update asks the event loop to do once the state has changed:
/// the terminal's moves and the file writes `update` may not do itself
/// (`effects` carries the writes out and reports back with an action).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Give the terminal back to the shell until the reader is continued.
    Suspend,
    /// Put this text on the clipboard through the terminal (OSC 52).
    Copy(String),
    /// Write the reviews with unsaved marks (merged with their files).
    Save,
    /// Save, then quit if every review is saved.
    SaveAndQuit,
    /// Write the memo of the article shown.
    WriteMemo,
}

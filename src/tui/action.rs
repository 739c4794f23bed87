//! Everything that can change the reader's state. Keys, the mouse, the
//! clock and the terminal all become an [`Action`]; `App::update` is the
//! only place that applies one.

/// A change the reader can make. The first group is bindable in `[keys]`
/// (see `keymap::BINDINGS`); the rest come from the mouse, the terminal, the
/// clock or the search prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    Quit,
    NextArticle,
    PrevArticle,

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
}

//! Tests of the reader without a terminal: `update` driven by actions, and
//! whole frames drawn into ratatui's `TestBackend`.

mod fixture;
mod frames;
mod review;
mod update;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::load;

use super::action::{Action, Effect};
use super::app::{App, Options};
use super::article::Article;
use super::layout::Pane;
use super::overlays::Overlay;
use super::render::{draw as draw_frame, render};
use super::theme::ColourMode;

pub(crate) use fixture::{sample_analysis, sample_doc};

/// The sample briefing with the synthetic analysis.
pub(crate) fn sample_article() -> Article {
    let doc = sample_doc();
    let analysis = sample_analysis(&doc);
    Article::new(doc, analysis)
}

pub(crate) fn options(colour: ColourMode) -> Options {
    Options::new(colour)
}

/// The reader on the sample, sized.
pub(crate) fn sample_app(w: u16, h: u16) -> App {
    let mut app = App::new(sample_article(), &options(ColourMode::Colour));
    app.resize(w, h);
    app
}

/// The reader on a document given as text, with no analysis.
pub(crate) fn text_app(src: &str, w: u16, h: u16) -> App {
    let doc = load::load_bytes("t.txt", src.as_bytes(), None)
        .expect("loads")
        .doc;
    let mut app = App::new(
        Article::new(doc, Default::default()),
        &options(ColourMode::Colour),
    );
    app.resize(w, h);
    app
}

/// Draws one frame of the app at its size.
pub(crate) fn draw(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| render(app, f)).expect("draws");
    t.backend().buffer().clone()
}

/// Draws one frame and hands its layout to the app, as the event loop
/// does, so that the mouse hits what was drawn.
pub(crate) fn drawn(app: &mut App) -> Buffer {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    let mut layout = None;
    t.draw(|f| layout = Some(draw_frame(app, f)))
        .expect("draws");
    app.update(Action::Drawn(layout.expect("a layout")));
    t.backend().buffer().clone()
}

/// Rows the article pane shows.
pub(crate) fn article_height(app: &App) -> usize {
    app.height(Pane::Article)
}

pub(crate) fn max_scroll(app: &App) -> usize {
    app.text.max_scroll(article_height(app))
}

/// The search prompt is open.
pub(crate) fn editing(app: &App) -> bool {
    matches!(app.overlays.last(), Some(Overlay::Search(_)))
}

/// The help overlay's scroll, when it is open.
pub(crate) fn help(app: &App) -> Option<usize> {
    app.overlays.iter().find_map(|o| match o {
        Overlay::Help(h) => Some(h.offset),
        _ => None,
    })
}

/// The text of a frame, one line per row (cells hidden behind wide
/// characters left out, as on a terminal).
pub(crate) fn screen(buf: &Buffer) -> Vec<String> {
    let w = buf.area.width as usize;
    buf.content()
        .chunks(w.max(1))
        .map(|row| {
            let mut s = String::new();
            let mut skip = 0;
            for c in row {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                s.push_str(c.symbol());
                skip = super::words::display_width(c.symbol()).saturating_sub(1);
            }
            s
        })
        .collect()
}

/// Presses `code` with `mods` and runs the action it is bound to.
pub(crate) fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) -> Effect {
    match app.key_action(&KeyEvent::new(code, mods)) {
        Some(a) => app.update(a),
        None => Effect::None,
    }
}

/// Presses the character `c`.
pub(crate) fn key(app: &mut App, c: char) -> Effect {
    press(app, KeyCode::Char(c), KeyModifiers::NONE)
}

/// Types `s`, a newline as Enter.
pub(crate) fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        if c == '\n' {
            press(app, KeyCode::Enter, KeyModifiers::NONE);
        } else {
            key(app, c);
        }
    }
}

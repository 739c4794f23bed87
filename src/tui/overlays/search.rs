//! The search prompt: it takes the typed text, searches the article pane
//! after each keystroke, and draws itself on the status line. Enter keeps
//! the matches (the article pane steps through them); Esc drops them and
//! goes back to where the search began.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::text::Span as TSpan;
use ratatui::widgets::{Clear, Widget};

use crate::review::{Filter, Review};
use crate::text::sanitize;

use super::super::action::Action;
use super::super::panes;
use super::super::widgets::{fit, put};
use super::super::words::display_width;
use super::{Cx, Outcome, Paint};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SearchPrompt;

impl SearchPrompt {
    /// Keys are text here; Ctrl-C still quits.
    pub(crate) fn key_action(&self, ev: &KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        match ev.code {
            KeyCode::Char('c') if ctrl => Some(Action::Quit),
            KeyCode::Char(c) if !ctrl && !alt => Some(Action::Input(c)),
            KeyCode::Backspace => Some(Action::DeleteBack),
            KeyCode::Enter => Some(Action::Submit),
            KeyCode::Esc => Some(Action::Cancel),
            _ => None,
        }
    }

    pub(crate) fn update(&mut self, action: &Action, cx: &mut Cx) -> Outcome {
        let no_marks = Review::default();
        let pane = panes::Cx {
            article: cx.article,
            review: &no_marks,
            filter: Filter::All,
            height: cx.height,
        };
        let Some(s) = cx.text.search.as_mut() else {
            return Outcome::Close(None);
        };
        match action {
            Action::Input(c) if !c.is_control() => {
                s.query.push(*c);
                cx.text.refresh_search(&pane);
            }
            Action::DeleteBack => {
                s.query.pop();
                cx.text.refresh_search(&pane);
            }
            Action::Submit => {
                let mut note = None;
                if s.query.trim().is_empty() {
                    cx.text.search = None;
                } else if s.matches.is_empty() {
                    note = Some(format!("no match for “{}”", s.query));
                    cx.text.search = None;
                }
                return Outcome::Close(note);
            }
            Action::Cancel => {
                cx.text.scroll = s.origin_scroll;
                cx.text.search = None;
                return Outcome::Close(None);
            }
            Action::Quit => return Outcome::Quit,
            Action::Scroll { .. } => return Outcome::Pass,
            _ => {}
        }
        Outcome::Keep
    }

    /// The prompt over the status line; the cursor goes after the query.
    pub(crate) fn draw(&self, p: &Paint, buf: &mut Buffer) -> Option<Position> {
        let s = p.text.search.as_ref()?;
        let r = p.status;
        let w = r.width as usize;
        Clear.render(r, buf);
        let query = sanitize(&s.query);
        let tail = format!("  {}  Enter keep · Esc cancel", count(s));
        let q = fit(&query, w.saturating_sub(1 + display_width(&tail)).max(1));
        let x = r.x + 1 + display_width(&q) as u16;
        put(
            buf,
            r.x,
            r.y,
            r.width,
            vec![
                TSpan::styled("/", p.theme.key()),
                TSpan::raw(q),
                TSpan::styled(tail, p.theme.dim()),
            ],
        );
        Some(Position::new(x.min(r.right().saturating_sub(1)), r.y))
    }
}

/// "3/12", "12 matches", "no match", or nothing before anything is typed.
pub(crate) fn count(s: &panes::article::Search) -> String {
    match (s.current, s.matches.len()) {
        (_, 0) if s.query.is_empty() => String::new(),
        (_, 0) => "no match".to_string(),
        (Some(i), n) => format!("{}/{n}", i + 1),
        (None, n) => format!("{n} matches"),
    }
}

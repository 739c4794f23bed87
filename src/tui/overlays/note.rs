//! The note editor: a multi-line text area (`ratatui-textarea`) over the
//! panes, on one review item. Every keystroke goes to the text; what is
//! typed is the item's note from the first key on (the reader saves it a
//! moment later), so nothing typed is ever thrown away: Ctrl-S and Esc both
//! keep it and close the editor, and an empty note deletes it.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use ratatui_textarea::TextArea;

use super::super::action::Action;
use super::super::widgets::fit;
use super::{Cx, Outcome, Paint};

#[derive(Clone, Debug)]
pub(crate) struct NoteEditor {
    /// The review entry the note is on.
    pub(crate) entry: usize,
    /// What the item is, for the title.
    label: String,
    pub(crate) text: TextArea<'static>,
}

/// Two editors are the same when they edit the same note to the same text.
impl PartialEq for NoteEditor {
    fn eq(&self, other: &Self) -> bool {
        self.entry == other.entry && self.label == other.label && self.lines() == other.lines()
    }
}

impl Eq for NoteEditor {}

impl NoteEditor {
    pub(crate) fn new(entry: usize, label: String, note: &str) -> NoteEditor {
        let lines: Vec<String> = if note.is_empty() {
            vec![String::new()]
        } else {
            note.lines().map(str::to_string).collect()
        };
        let mut text = TextArea::new(lines);
        text.move_cursor(ratatui_textarea::CursorMove::Bottom);
        text.move_cursor(ratatui_textarea::CursorMove::End);
        text.set_cursor_line_style(Style::new());
        text.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
        text.set_placeholder_text("type a note; an empty note deletes it");
        NoteEditor { entry, label, text }
    }

    /// The note as typed.
    pub(crate) fn note(&self) -> String {
        self.lines().join("\n")
    }

    fn lines(&self) -> &[String] {
        self.text.lines()
    }

    /// Every key is text, except the two that close and Ctrl-C (which
    /// keeps the note and quits).
    pub(crate) fn key_action(&self, ev: &KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        match ev.code {
            KeyCode::Esc => Some(Action::NoteDone),
            KeyCode::Char('s') if ctrl => Some(Action::NoteDone),
            KeyCode::Char('c') if ctrl => Some(Action::Quit),
            _ => Some(Action::NoteKey(*ev)),
        }
    }

    pub(crate) fn update(&mut self, action: &Action, cx: &mut Cx) -> Outcome {
        match action {
            Action::NoteKey(ev) => {
                if self.text.input(*ev) {
                    cx.note = Some((self.entry, self.note()));
                }
                Outcome::Keep
            }
            Action::NoteDone => {
                cx.note = Some((self.entry, self.note()));
                Outcome::Close(None)
            }
            Action::Quit => {
                cx.note = Some((self.entry, self.note()));
                Outcome::Quit
            }
            // The mouse stays with the editor; nothing else reaches it.
            _ => Outcome::Keep,
        }
    }

    /// A box in the middle of the window: the item as title, the keys
    /// below. The text area draws its own cursor.
    pub(crate) fn draw(&self, p: &Paint, buf: &mut Buffer) -> Option<Position> {
        let area = p.area;
        let width = area.width.saturating_sub(4).clamp(1, 72);
        let height = area.height.saturating_sub(4).clamp(3, 12);
        let r = Rect::new(
            area.x + area.width.saturating_sub(width) / 2,
            area.y + area.height.saturating_sub(height) / 2,
            width.min(area.width),
            height.min(area.height),
        );
        Clear.render(r, buf);
        let room = r.width.saturating_sub(2) as usize;
        let title = fit(&format!(" Note · {} ", self.label), room);
        let keys = fit(" Ctrl-S or Esc keeps it · empty deletes it ", room);
        let block = Block::bordered()
            .border_type(BorderType::Thick)
            .border_style(p.theme.border(true))
            .title(TSpan::styled(title, p.theme.border(true)))
            .title_bottom(Line::from(TSpan::styled(keys, p.theme.dim())));
        let inner = block.inner(r);
        block.render(r, buf);
        // Side margins inside the box, as in the other overlays.
        let text_area = Rect::new(
            inner.x + 1,
            inner.y,
            inner.width.saturating_sub(2),
            inner.height,
        );
        (&self.text).render(text_area, buf);
        None
    }
}

//! The help overlay: every bindable action with its live keys, then what
//! the key map does not cover. It scrolls with the movement keys and
//! closes on its own key, Esc, `q` or a click.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span as TSpan;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::super::action::Action;
use super::super::layout;
use super::super::widgets::{fit, put};
use super::super::words::display_width;
use super::{Cx, Outcome, Paint};

/// Help lines for what the key map does not cover.
pub(crate) const HELP_EXTRA: &[(&str, &str)] = &[
    ("wheel", "scroll the pane under the pointer"),
    ("click", "focus a pane, select an item or a mention's actor"),
    ("note: Esc", "keep the note, close the editor (Ctrl-S too)"),
    ("note: empty", "an empty note deletes it"),
    ("note: Ctrl-U", "undo in the note (Ctrl-R redoes)"),
    ("prompt: Enter", "keep the matches and close the prompt"),
    ("prompt: Esc", "cancel the search"),
];

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Help {
    /// Rows scrolled.
    pub(crate) offset: usize,
}

impl Help {
    pub(crate) fn update(&mut self, action: &Action, cx: &Cx) -> Outcome {
        let total = cx.keymap.help().len() + HELP_EXTRA.len() + 2;
        let view = cx.size.1.saturating_sub(4) as usize;
        let max = total.saturating_sub(view);
        let at = self.offset;
        let by = |d: isize| (at as isize + d).clamp(0, max as isize) as usize;
        self.offset = match action {
            Action::Down => by(1),
            Action::Up => by(-1),
            Action::PageDown | Action::HalfPageDown => by(view.max(1) as isize),
            Action::PageUp | Action::HalfPageUp => by(-(view.max(1) as isize)),
            Action::Top => 0,
            Action::Bottom => max,
            Action::Scroll { lines, .. } => by(*lines as isize),
            Action::Help | Action::Back | Action::Quit | Action::Click { .. } => {
                return Outcome::Close(None);
            }
            _ => at,
        };
        Outcome::Keep
    }

    pub(crate) fn draw(&self, p: &Paint, buf: &mut Buffer) {
        let area = p.area;
        let entries = p.keymap.help();
        let key_w = entries
            .iter()
            .map(|(k, _)| display_width(k))
            .chain(HELP_EXTRA.iter().map(|(k, _)| display_width(k)))
            .max()
            .unwrap_or(0)
            .min(24);
        let mut lines: Vec<(String, String)> = entries
            .iter()
            .map(|(k, h)| (k.clone(), (*h).to_string()))
            .collect();
        lines.push((String::new(), String::new()));
        lines.extend(
            HELP_EXTRA
                .iter()
                .map(|(k, h)| ((*k).to_string(), (*h).to_string())),
        );
        let width = (area.width.saturating_sub(4)).min(80);
        let height = (area.height.saturating_sub(2)).min(lines.len() as u16 + 2);
        let r = Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        );
        Clear.render(r, buf);
        let close = p.keymap.first_key(&Action::Help).unwrap_or_default();
        Block::bordered()
            .border_type(BorderType::Thick)
            .border_style(p.theme.border(true))
            .title(TSpan::styled(
                fit(
                    &format!(" Keys · {close} or Esc closes "),
                    width.saturating_sub(2) as usize,
                ),
                p.theme.border(true),
            ))
            .render(r, buf);
        let inner = layout::inner(r);
        for (i, (k, h)) in lines
            .iter()
            .skip(self.offset)
            .take(inner.height as usize)
            .enumerate()
        {
            let y = inner.y + i as u16;
            let k = fit(k, key_w);
            let pad = " ".repeat(key_w.saturating_sub(display_width(&k)));
            put(
                buf,
                inner.x + 1,
                y,
                inner.width.saturating_sub(1),
                vec![
                    TSpan::raw(pad),
                    TSpan::styled(k, p.theme.key()),
                    TSpan::raw("  "),
                    TSpan::raw(h.clone()),
                ],
            );
        }
    }
}

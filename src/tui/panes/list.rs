//! What the three list panes share: selection and scroll offset, the
//! movement keys, the wheel, a click on a row, keeping the selection in
//! view, and drawing the rows in view.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TSpan};

use super::super::action::Action;
use super::super::article::Article;
use super::super::layout;
use super::super::theme::Theme;
use super::{Cx, Hint, HintKeys, movement};

const SELECTED: &str = "▸ ";

/// The key hints of every list pane.
pub(crate) const HINTS: &[Hint] = &[
    (HintKeys::Pair(Action::Down, Action::Up), "move"),
    (HintKeys::One(Action::Activate), "show in text"),
    (HintKeys::One(Action::Back), "article"),
    (HintKeys::One(Action::FocusNext), "next pane"),
    (
        HintKeys::Pair(Action::NextQuote, Action::PrevQuote),
        "quote",
    ),
    (HintKeys::One(Action::Search), "search"),
];

/// Selection and scroll offset (in rows) of a list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ListState {
    pub(crate) selected: usize,
    pub(crate) offset: usize,
}

/// A list pane: its state, and how its items sit on its rows.
pub(crate) trait List {
    fn state(&self) -> &ListState;
    fn state_mut(&mut self) -> &mut ListState;
    /// How many items.
    fn len(&self, article: &Article) -> usize;
    /// How many rows.
    fn rows(&self, article: &Article) -> usize;
    /// The rows item `i` takes.
    fn item_rows(&self, i: usize) -> Range<usize>;
    fn item_at_row(&self, article: &Article, row: usize) -> Option<usize>;
    /// The first row to keep in view with an item's rows.
    fn top_of(&self, rows: &Range<usize>) -> usize {
        rows.start
    }
    /// How many items a page moves, for a pane `height` rows high.
    fn page(&self, height: usize) -> usize {
        height.max(1)
    }
}

/// Scrolls so the selected item (and what `top_of` adds) is in view.
pub(crate) fn keep_visible(list: &mut impl List, cx: &Cx) {
    let h = cx.height.max(1);
    let rows = list.item_rows(list.state().selected);
    let top = list.top_of(&rows);
    let max = list.rows(cx.article).saturating_sub(h);
    let s = list.state_mut();
    if top < s.offset {
        s.offset = top;
    } else if rows.end > s.offset + h {
        s.offset = rows.end.saturating_sub(h).min(rows.start);
    }
    s.offset = s.offset.min(max);
}

/// Selects item `i` (the last one when past the end) and keeps it in view.
pub(crate) fn select(list: &mut impl List, i: usize, cx: &Cx) {
    let len = list.len(cx.article);
    if len == 0 {
        return;
    }
    list.state_mut().selected = i.min(len - 1);
    keep_visible(list, cx);
}

/// The movement keys; whether the action was one.
pub(crate) fn update(list: &mut impl List, action: &Action, cx: &Cx) -> bool {
    let Some(delta) = movement(action, list.page(cx.height)) else {
        return false;
    };
    let len = list.len(cx.article) as isize;
    let i = (list.state().selected as isize)
        .saturating_add(delta)
        .clamp(0, (len - 1).max(0));
    select(list, i as usize, cx);
    true
}

/// The wheel scrolls the rows without moving the selection.
pub(crate) fn wheel(list: &mut impl List, lines: i16, cx: &Cx) {
    let max = list.rows(cx.article).saturating_sub(cx.height);
    let s = list.state_mut();
    s.offset = (s.offset as isize + lines as isize).clamp(0, max as isize) as usize;
}

/// A click on a row selects its item.
pub(crate) fn click(list: &mut impl List, row: u16, area: Rect, cx: &Cx) {
    let inner = layout::inner(area);
    if row < inner.y || row >= inner.bottom() {
        return;
    }
    let list_row = list.state().offset + (row - inner.y) as usize;
    if let Some(i) = list.item_at_row(cx.article, list_row) {
        select(list, i, cx);
    }
}

/// Draws the rows in view: `row(i, width)` gives the spans of list row
/// `i`, the item it belongs to, and whether it is the item's first row.
pub(crate) fn draw_rows<'a>(
    theme: &Theme,
    focused: bool,
    state: ListState,
    buf: &mut Buffer,
    inner: Rect,
    total: usize,
    row: impl Fn(usize, usize) -> (Vec<TSpan<'a>>, Option<usize>, bool),
) {
    let width = inner.width as usize;
    for (i, r) in (state.offset..total)
        .take(inner.height as usize)
        .enumerate()
    {
        let y = inner.y + i as u16;
        let (spans, item, first) = row(r, width.saturating_sub(2));
        let selected = item == Some(state.selected);
        let mut all = vec![TSpan::raw(if selected && first { SELECTED } else { "  " })];
        all.extend(spans);
        let line_area = Rect::new(inner.x, y, inner.width, 1);
        if selected {
            buf.set_style(line_area, theme.selected(focused));
        }
        buf.set_line(inner.x, y, &Line::from(all), inner.width);
        if selected {
            // Keep the selection visible over the row's own styles.
            let s = theme.selected(focused);
            if !theme.colour {
                buf.set_style(line_area, s);
            } else if let Some(bg) = s.bg {
                buf.set_style(line_area, Style::new().bg(bg));
            }
        }
    }
}

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
use super::{Cx, Hint, HintKeys, NOTED, REVIEWED, STARRED, movement};
use crate::review::Marks;

const SELECTED: &str = "▸ ";

/// Columns the review marks take before a row's text (`✓★✎ `), shown once
/// the article has any mark.
pub(crate) const MARKS_WIDTH: usize = 4;

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
    (HintKeys::One(Action::ToggleReviewed), "reviewed"),
    (HintKeys::One(Action::ToggleStarred), "star"),
    (HintKeys::One(Action::EditNote), "note"),
    (HintKeys::One(Action::NextUnreviewed), "unreviewed"),
    (HintKeys::One(Action::CycleFilter), "filter"),
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
    /// The review entry item `i` is, if it is one.
    fn entry(&self, cx: &Cx, i: usize) -> Option<usize>;
}

/// The review entry of the selected item.
pub(crate) fn selected_entry(list: &impl List, cx: &Cx) -> Option<usize> {
    list.entry(cx, list.state().selected)
}

/// `u`/`U`: selects the next (or previous) item not yet reviewed, wrapping
/// around; returns its review entry.
pub(crate) fn step_unreviewed(list: &mut impl List, forward: bool, cx: &Cx) -> Option<usize> {
    let len = list.len(cx.article);
    let from = list.state().selected;
    let found = (1..=len)
        .map(|d| {
            if forward {
                (from + d) % len
            } else {
                (from + len - d % len) % len
            }
        })
        .find_map(|i| {
            let e = list.entry(cx, i)?;
            let entry = cx.review.entry(e)?;
            (!entry.marks.reviewed()).then_some((i, e))
        })?;
    select(list, found.0, cx);
    Some(found.1)
}

/// The marks column of a row: reviewed, starred, note, then a space;
/// blank cells for a row that is not an item's first.
pub(crate) fn mark_cells<'a>(theme: &Theme, marks: Option<&Marks>) -> Vec<TSpan<'a>> {
    let Some(m) = marks else {
        return vec![TSpan::raw("    ")];
    };
    let cell = |on: bool, glyph: &'static str, style: Style| {
        if on {
            TSpan::styled(glyph, style)
        } else {
            TSpan::raw(" ")
        }
    };
    vec![
        cell(m.reviewed(), REVIEWED, theme.review_done()),
        cell(m.starred(), STARRED, theme.review_star()),
        cell(m.note().is_some(), NOTED, theme.review_note()),
        TSpan::raw(" "),
    ]
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

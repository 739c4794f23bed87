//! The summary pane: the article's summary as a list grouped under
//! headings (headline, lead, key actors, red lines, positions, key quotes,
//! digest), wrapped to the pane's width when the window changes.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span as TSpan;

use super::super::action::Action;
use super::super::article::{Article, SummaryItem};
use super::super::layout;
use super::super::widgets::{fit, footer, frame_pane, put};
use super::super::wrap::SummaryLayout;
use super::list::{self, List, ListState};
use super::{Cx, Hint, Paint, Reply, View};
use crate::review::{Entry, Filter};

#[derive(Clone, Debug, Default)]
pub(crate) struct SummaryPane {
    pub(crate) list: ListState,
    /// The items listed: the summary's that the review filter lets
    /// through, then the orphaned review items.
    pub(crate) entries: Vec<SummaryItem>,
    /// The items wrapped to the pane's width.
    pub(crate) layout: SummaryLayout,
    /// The pane's inside width, and whether the marks column is drawn.
    width: u16,
    marks_on: bool,
}

/// The group the orphaned review items are listed under.
pub(crate) const ORPHANS: &str = "Orphaned (no longer found as items)";

impl SummaryPane {
    /// Lists what the filter lets through; the selection stays on its item
    /// while it is listed.
    pub(crate) fn refilter(&mut self, cx: &Cx) {
        let before = self
            .entries
            .get(self.list.selected)
            .map(|e| (e.item, e.target));
        let r = cx.review;
        let passes = |item: Option<usize>| {
            cx.filter == Filter::All
                || item
                    .and_then(|i| r.entry(i))
                    .is_some_and(|e| cx.filter.passes(&e.marks))
        };
        self.entries = cx
            .article
            .summary_items
            .iter()
            .filter(|i| passes(i.item))
            .cloned()
            .collect();
        for (k, o) in r.orphans().iter().enumerate() {
            let i = r.current() + k;
            if passes(Some(i)) {
                self.entries.push(orphan_item(o, i));
            }
        }
        self.marks_on = r.has_marks();
        self.relayout();
        let at = before
            .and_then(|b| self.entries.iter().position(|e| (e.item, e.target) == b))
            .unwrap_or(self.list.selected);
        self.list.selected = at.min(self.entries.len().saturating_sub(1));
        list::keep_visible(self, cx);
    }

    fn relayout(&mut self) {
        let marks = if self.marks_on {
            list::MARKS_WIDTH as u16
        } else {
            0
        };
        self.layout = SummaryLayout::new(&self.entries, self.width.saturating_sub(marks).max(1));
    }
}

/// An orphan as a summary entry: what it was, its note's first line.
fn orphan_item(o: &Entry, i: usize) -> SummaryItem {
    let a = &o.anchor;
    let who = a
        .holder
        .as_deref()
        .map_or_else(String::new, |h| format!(" · {}", crate::text::reflow(h)));
    let mut text = format!("{}{who}: {}", a.kind.label(), crate::text::reflow(&a.exact));
    if let Some(n) = o.marks.note() {
        let first = n.lines().next().unwrap_or_default();
        text.push_str(&format!(" — note: {}", crate::text::reflow(first)));
    }
    SummaryItem {
        group: ORPHANS,
        text,
        target: o.span.unwrap_or_default(),
        why: Some(if o.span.is_some() {
            "its words are still in the text; Enter shows them".to_string()
        } else {
            "no longer in the text; kept with its marks".to_string()
        }),
        item: Some(i),
    }
}

impl List for SummaryPane {
    fn state(&self) -> &ListState {
        &self.list
    }

    fn state_mut(&mut self) -> &mut ListState {
        &mut self.list
    }

    fn len(&self, _article: &Article) -> usize {
        self.entries.len()
    }

    fn rows(&self, _article: &Article) -> usize {
        self.layout.rows.len()
    }

    fn item_rows(&self, i: usize) -> Range<usize> {
        self.layout.item_rows.get(i).cloned().unwrap_or(0..0)
    }

    fn item_at_row(&self, _article: &Article, row: usize) -> Option<usize> {
        self.layout.rows.get(row).and_then(|r| r.item)
    }

    /// The group heading just above an item stays in view with it.
    fn top_of(&self, rows: &Range<usize>) -> usize {
        let mut top = rows.start;
        while top > 0
            && rows.start - top < 2
            && self
                .layout
                .rows
                .get(top - 1)
                .is_some_and(|r| r.item.is_none())
        {
            top -= 1;
        }
        top
    }

    fn entry(&self, _cx: &Cx, i: usize) -> Option<usize> {
        self.entries.get(i)?.item
    }
}

impl View for SummaryPane {
    fn update(&mut self, action: &Action, cx: &Cx) -> Reply {
        if list::update(self, action, cx) {
            return Reply::default();
        }
        match action {
            Action::Activate => match self.entries.get(self.list.selected) {
                Some(i) if i.group == ORPHANS && i.target.is_empty() => {
                    Reply::note("its words are no longer in the text")
                }
                Some(i) => Reply {
                    item: i.item,
                    ..Reply::jump(i.target)
                },
                None => Reply::default(),
            },
            _ => Reply::default(),
        }
    }

    fn wheel(&mut self, lines: i16, cx: &Cx) {
        list::wheel(self, lines, cx);
    }

    fn click(&mut self, _col: u16, row: u16, area: Rect, cx: &Cx) -> Reply {
        list::click(self, row, area, cx);
        Reply::default()
    }

    fn resize(&mut self, area: Rect, cx: &Cx) {
        let width = layout::inner(area).width.max(1);
        if width != self.width || self.layout.item_rows.len() != self.entries.len() {
            self.width = width;
            self.relayout();
        }
        list::keep_visible(self, cx);
    }

    fn draw(&self, p: &Paint, buf: &mut Buffer, r: Rect) {
        let theme = p.theme;
        let title = if p.filter == Filter::All {
            "Summary".to_string()
        } else {
            format!("Summary · {}", p.filter.label())
        };
        let inner = frame_pane(theme, p.focused, buf, r, title);
        if self.entries.is_empty() && p.filter != Filter::All {
            put(
                buf,
                inner.x + 2,
                inner.y,
                inner.width.saturating_sub(2),
                vec![TSpan::styled(
                    format!("no items {}", p.filter.label()),
                    theme.dim(),
                )],
            );
            return;
        }
        let l = &self.layout;
        list::draw_rows(
            theme,
            p.focused,
            self.list,
            buf,
            inner,
            l.rows.len(),
            |i, width| {
                let row = &l.rows[i];
                let first = row
                    .item
                    .is_some_and(|it| l.item_rows.get(it).is_some_and(|r| r.start == i));
                if row.heading {
                    // Headings sit flush left, over the marker column.
                    return (
                        vec![TSpan::styled(fit(&row.text, width + 2), theme.heading())],
                        None,
                        false,
                    );
                }
                let mut spans = Vec::new();
                let mut width = width;
                if self.marks_on {
                    let marks = first
                        .then(|| row.item.and_then(|it| self.entries.get(it)))
                        .flatten()
                        .and_then(|e| e.item)
                        .and_then(|e| p.review.entry(e))
                        .map(|e| &e.marks);
                    spans.extend(list::mark_cells(theme, marks));
                    width = width.saturating_sub(list::MARKS_WIDTH);
                }
                spans.push(TSpan::raw(fit(&row.text, width)));
                (spans, row.item, first)
            },
        );
        // Why the selected red line, position or quote is there.
        if let Some(why) = self
            .entries
            .get(self.list.selected)
            .and_then(|i| i.why.as_deref())
        {
            footer(theme, buf, r, why);
        }
    }

    fn hints(&self) -> &'static [Hint] {
        list::HINTS
    }
}

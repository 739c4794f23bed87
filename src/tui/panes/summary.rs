//! The summary pane: the article's summary as a list grouped under
//! headings (headline, lead, key actors, red lines, positions, key quotes,
//! digest), wrapped to the pane's width when the window changes.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span as TSpan;

use super::super::action::Action;
use super::super::article::Article;
use super::super::layout;
use super::super::widgets::{fit, footer, frame_pane};
use super::super::wrap::SummaryLayout;
use super::list::{self, List, ListState};
use super::{Cx, Hint, Paint, Reply, View};

#[derive(Clone, Debug, Default)]
pub(crate) struct SummaryPane {
    pub(crate) list: ListState,
    /// The items wrapped to the pane's width.
    pub(crate) layout: SummaryLayout,
}

impl List for SummaryPane {
    fn state(&self) -> &ListState {
        &self.list
    }

    fn state_mut(&mut self) -> &mut ListState {
        &mut self.list
    }

    fn len(&self, article: &Article) -> usize {
        article.summary_items.len()
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
}

impl View for SummaryPane {
    fn update(&mut self, action: &Action, cx: &Cx) -> Reply {
        if list::update(self, action, cx) {
            return Reply::default();
        }
        match action {
            Action::Activate => cx
                .article
                .summary_items
                .get(self.list.selected)
                .map_or_else(Reply::default, |i| Reply::jump(i.target)),
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
        let items = &cx.article.summary_items;
        if width != self.layout.width || self.layout.item_rows.len() != items.len() {
            self.layout = SummaryLayout::new(items, width);
        }
        list::keep_visible(self, cx);
    }

    fn draw(&self, p: &Paint, buf: &mut Buffer, r: Rect) {
        let theme = p.theme;
        let inner = frame_pane(theme, p.focused, buf, r, "Summary".to_string());
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
                (vec![TSpan::raw(fit(&row.text, width))], row.item, first)
            },
        );
        // Why the selected red line, position or quote is there.
        if let Some(why) = p
            .article
            .summary_items
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

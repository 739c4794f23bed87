//! The quotes pane: the speech quotes of the actor selected in the actors
//! pane (all of them for "All actors"), each as its speaker and its words.
//! `n`/`N` step through the same list from the reading position.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span as TSpan;

use crate::model::{ActorId, QuoteId};
use crate::review::{Filter, Review, Target};

use super::super::action::Action;
use super::super::article::Article;
use super::super::widgets::{fit, footer, frame_pane, put};
use super::list::{self, List, ListState};
use super::{Cx, Hint, Paint, Reply, View, of_actor, step, wrap_note};

#[derive(Clone, Debug, Default)]
pub(crate) struct QuotesPane {
    pub(crate) list: ListState,
    /// Whose quotes are listed; `None` for everyone's.
    pub(crate) actor: Option<ActorId>,
    /// The quotes listed (indices into `analysis.quotes`), in text order.
    pub(crate) items: Vec<usize>,
}

impl QuotesPane {
    pub(crate) fn new(article: &Article) -> QuotesPane {
        let mut pane = QuotesPane::default();
        pane.filter(article, &article.review, Filter::All, None);
        pane
    }

    /// Lists the quotes of `actor` (everyone's for `None`) that the review
    /// filter lets through, from the top.
    pub(crate) fn filter(
        &mut self,
        a: &Article,
        review: &Review,
        f: Filter,
        actor: Option<ActorId>,
    ) {
        self.actor = actor;
        self.items = listed(a, review, f, actor);
        self.list = ListState::default();
    }

    /// The review filter or the marks changed: the same quote stays
    /// selected while it is listed.
    pub(crate) fn refilter(&mut self, cx: &Cx) {
        let before = self.items.get(self.list.selected).copied();
        self.items = listed(cx.article, cx.review, cx.filter, self.actor);
        let at = before
            .and_then(|q| self.items.iter().position(|&x| x == q))
            .unwrap_or(self.list.selected);
        self.list.selected = at.min(self.items.len().saturating_sub(1));
        list::keep_visible(self, cx);
    }

    /// `n`/`N`: the next (or previous) quote listed, from the reading
    /// position `from`; it is selected and the article jumps to it.
    pub(crate) fn step(&mut self, from: (u32, bool), forward: bool, cx: &Cx) -> Reply {
        let a = cx.article;
        let starts: Vec<u32> = self
            .items
            .iter()
            .map(|&q| a.analysis.quotes[q].span.start)
            .collect();
        let Some((i, wrapped)) = step(&starts, from, forward) else {
            return Reply::note(match self.actor {
                Some(id) => format!("no quotes from {}", a.actor_name(id)),
                None => "no quotes in this article".to_string(),
            });
        };
        let span = a.analysis.quotes[self.items[i]].span;
        list::select(self, i, cx);
        Reply {
            jump: Some(span),
            note: Some(format!(
                "quote {}/{}{}{}",
                i + 1,
                self.items.len(),
                of_actor(a, self.actor),
                wrap_note(wrapped, forward)
            )),
            ..Reply::default()
        }
    }
}

/// The speech quotes of `actor` (everyone's for `None`) that `f` lets
/// through, in text order.
fn listed(a: &Article, review: &Review, f: Filter, actor: Option<ActorId>) -> Vec<usize> {
    a.quotes
        .iter()
        .copied()
        .filter(|&q| {
            actor.is_none_or(|id| {
                a.analysis.quotes[q]
                    .speaker
                    .as_ref()
                    .is_some_and(|s| s.actor == id)
            })
        })
        .filter(|&q| {
            f == Filter::All
                || review
                    .index_of(Target::Quote(QuoteId::new(q)))
                    .and_then(|e| review.entry(e))
                    .is_some_and(|e| f.passes(&e.marks))
        })
        .collect()
}

impl List for QuotesPane {
    fn state(&self) -> &ListState {
        &self.list
    }

    fn state_mut(&mut self) -> &mut ListState {
        &mut self.list
    }

    fn len(&self, _article: &Article) -> usize {
        self.items.len()
    }

    fn rows(&self, _article: &Article) -> usize {
        2 * self.items.len()
    }

    fn item_rows(&self, i: usize) -> Range<usize> {
        2 * i..2 * i + 2
    }

    fn item_at_row(&self, _article: &Article, row: usize) -> Option<usize> {
        Some(row / 2).filter(|&i| i < self.items.len())
    }

    /// Each quote takes two rows.
    fn page(&self, height: usize) -> usize {
        (height / 2).max(1)
    }

    fn entry(&self, cx: &Cx, i: usize) -> Option<usize> {
        let q = *self.items.get(i)?;
        cx.review.index_of(Target::Quote(QuoteId::new(q)))
    }
}

impl View for QuotesPane {
    fn update(&mut self, action: &Action, cx: &Cx) -> Reply {
        if list::update(self, action, cx) {
            return Reply::default();
        }
        match action {
            Action::Activate => self
                .items
                .get(self.list.selected)
                .map_or_else(Reply::default, |&q| {
                    Reply::jump(cx.article.analysis.quotes[q].span)
                }),
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

    fn resize(&mut self, _area: Rect, cx: &Cx) {
        list::keep_visible(self, cx);
    }

    fn draw(&self, p: &Paint, buf: &mut Buffer, r: Rect) {
        let a = p.article;
        let theme = p.theme;
        let whose = self
            .actor
            .map_or_else(|| "all".to_string(), |id| a.actor_name(id));
        let mut title = format!("Quotes · {whose} · {}", self.items.len());
        if p.filter != Filter::All {
            title.push_str(&format!(" · {}", p.filter.label()));
        }
        let inner = frame_pane(theme, p.focused, buf, r, title);
        if self.items.is_empty() {
            let what = if p.filter == Filter::All {
                "no quotes".to_string()
            } else {
                format!("no quotes {}", p.filter.label())
            };
            put(
                buf,
                inner.x + 2,
                inner.y,
                inner.width.saturating_sub(2),
                vec![TSpan::styled(what, theme.dim())],
            );
            return;
        }
        let marks_on = p.review.has_marks();
        list::draw_rows(
            theme,
            p.focused,
            self.list,
            buf,
            inner,
            2 * self.items.len(),
            |row, width| {
                let item = row / 2;
                let q = self.items[item];
                let mut spans = Vec::new();
                let mut width = width;
                if marks_on {
                    let marks = (row % 2 == 0)
                        .then(|| p.review.index_of(Target::Quote(QuoteId::new(q))))
                        .flatten()
                        .and_then(|e| p.review.entry(e))
                        .map(|e| &e.marks);
                    spans.extend(list::mark_cells(theme, marks));
                    width = width.saturating_sub(list::MARKS_WIDTH);
                }
                if row % 2 == 0 {
                    let (who, uncertain) = a.speaker_label(q);
                    let mut style = match a.analysis.quotes[q].speaker.as_ref() {
                        Some(s) => theme.actor(s.actor),
                        None => Style::new(),
                    }
                    .add_modifier(Modifier::BOLD);
                    if uncertain {
                        style = style.patch(theme.uncertain());
                    }
                    spans.push(TSpan::styled(fit(&who, width), style));
                    (spans, Some(item), true)
                } else {
                    spans.push(TSpan::raw(fit(&a.quote_texts[q], width)));
                    (spans, Some(item), false)
                }
            },
        );
        // Why the selected quote has its speaker.
        if let Some(why) = self
            .items
            .get(self.list.selected)
            .and_then(|&q| a.quote_whys.get(q))
            .and_then(Option::as_deref)
        {
            footer(theme, buf, r, why);
        }
    }

    fn hints(&self) -> &'static [Hint] {
        list::HINTS
    }
}

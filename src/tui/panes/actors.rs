//! The actors pane: "All actors", then every actor with its kind and its
//! counts of quotes, positions and red lines. The selection filters the
//! quotes pane and `n`/`N`; Enter shows the actor's first mention.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span as TSpan;

use crate::model::{ActorId, ActorKind};
use crate::review::{Filter, Target};

use super::super::action::Action;
use super::super::article::Article;
use super::super::widgets::{fit, frame_pane, put};
use super::super::words::display_width;
use super::list::{self, List, ListState};
use super::{Cx, Hint, Paint, Reply, View};

#[derive(Clone, Debug, Default)]
pub(crate) struct ActorsPane {
    /// Row 0 is "all actors"; row i + 1 is the i-th actor listed.
    pub(crate) list: ListState,
    /// The actors the review filter lets through; `None`: all of them.
    pub(crate) shown: Option<Vec<ActorId>>,
}

impl ActorsPane {
    /// The actor listed at item `i` (0 is "all actors").
    fn actor_at(&self, i: usize) -> Option<ActorId> {
        let k = i.checked_sub(1)?;
        match &self.shown {
            Some(v) => v.get(k).copied(),
            None => Some(ActorId::new(k)),
        }
    }

    /// The actor selected; `None` for all of them.
    pub(crate) fn actor(&self) -> Option<ActorId> {
        self.actor_at(self.list.selected)
    }

    /// Selects an actor; false when the filter hides it.
    pub(crate) fn select_actor(&mut self, id: ActorId, cx: &Cx) -> bool {
        let item = match &self.shown {
            Some(v) => v.iter().position(|&a| a == id),
            None => Some(id.index()),
        };
        match item {
            Some(k) => {
                list::select(self, k + 1, cx);
                true
            }
            None => false,
        }
    }

    /// Lists the actors `cx.filter` lets through, the selection staying on
    /// its actor while it is listed.
    pub(crate) fn refilter(&mut self, cx: &Cx) {
        let before = self.actor();
        let n = cx.article.analysis.actors.len();
        self.shown = (cx.filter != Filter::All).then(|| {
            (0..n)
                .map(ActorId::new)
                .filter(|&id| {
                    cx.review
                        .index_of(Target::Actor(id))
                        .and_then(|e| cx.review.entry(e))
                        .is_some_and(|e| cx.filter.passes(&e.marks))
                })
                .collect()
        });
        let kept = before.is_some_and(|id| self.select_actor(id, cx));
        if !kept {
            let last = self.len(cx.article) - 1;
            list::select(self, self.list.selected.min(last), cx);
        }
    }
}

impl List for ActorsPane {
    fn state(&self) -> &ListState {
        &self.list
    }

    fn state_mut(&mut self) -> &mut ListState {
        &mut self.list
    }

    fn len(&self, article: &Article) -> usize {
        self.shown
            .as_ref()
            .map_or(article.analysis.actors.len(), Vec::len)
            + 1
    }

    fn rows(&self, article: &Article) -> usize {
        self.len(article)
    }

    fn item_rows(&self, i: usize) -> Range<usize> {
        i..i + 1
    }

    fn item_at_row(&self, article: &Article, row: usize) -> Option<usize> {
        Some(row).filter(|&i| i < self.len(article))
    }

    fn entry(&self, cx: &Cx, i: usize) -> Option<usize> {
        cx.review.index_of(Target::Actor(self.actor_at(i)?))
    }
}

impl View for ActorsPane {
    fn update(&mut self, action: &Action, cx: &Cx) -> Reply {
        if list::update(self, action, cx) {
            return Reply::default();
        }
        match action {
            Action::Activate => self
                .actor()
                .and_then(|a| cx.article.analysis.actors[a].mentions.first())
                .map_or_else(Reply::default, |m| Reply::jump(m.span)),
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
        let n = a.analysis.actors.len();
        let listed = self.len(a) - 1;
        let title = if p.filter == Filter::All {
            format!("Actors · {n}")
        } else {
            format!("Actors · {listed} of {n} · {}", p.filter.label())
        };
        let inner = frame_pane(theme, p.focused, buf, r, title);
        if n == 0 {
            put(
                buf,
                inner.x + 2,
                inner.y,
                inner.width.saturating_sub(2),
                vec![TSpan::styled("no actors found", theme.dim())],
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
            listed + 1,
            |i, width| {
                let actor = self.actor_at(i);
                let mut spans = Vec::new();
                let mut width = width;
                if marks_on {
                    let marks = actor
                        .and_then(|id| p.review.index_of(Target::Actor(id)))
                        .and_then(|e| p.review.entry(e))
                        .map(|e| &e.marks);
                    spans.extend(list::mark_cells(theme, marks));
                    width = width.saturating_sub(list::MARKS_WIDTH);
                }
                let (name, style, kind, stats) = match actor {
                    None => (
                        "All actors".to_string(),
                        Style::new().add_modifier(Modifier::BOLD),
                        "",
                        (a.quotes.len(), a.positions.len(), a.red_lines.len()),
                    ),
                    Some(id) => {
                        let s = a.stats[id.index()];
                        (
                            a.actor_name(id),
                            theme.actor(id).add_modifier(Modifier::BOLD),
                            kind_label(a.analysis.actors[id].kind),
                            (s.quotes, s.positions, s.red_lines),
                        )
                    }
                };
                let counts = format!("q{} p{} r{}", stats.0, stats.1, stats.2);
                // The kind goes first when the name would get fewer than 12 columns.
                let tail = if width >= 31 {
                    format!(" {kind:>7} {counts}")
                } else {
                    format!(" {counts}")
                };
                let name_w = width.saturating_sub(display_width(&tail));
                let name = fit(&name, name_w);
                let pad = " ".repeat(name_w.saturating_sub(display_width(&name)));
                let red = if stats.2 > 0 {
                    theme.red_line()
                } else {
                    theme.dim()
                };
                let split = tail.len() - format!("r{}", stats.2).len();
                spans.extend([
                    TSpan::styled(name, style),
                    TSpan::raw(pad),
                    TSpan::styled(tail[..split].to_string(), theme.dim()),
                    TSpan::styled(tail[split..].to_string(), red),
                ]);
                (spans, Some(i), true)
            },
        );
        if listed == 0 && inner.height > 1 {
            put(
                buf,
                inner.x + 2,
                inner.y + 1,
                inner.width.saturating_sub(2),
                vec![TSpan::styled(
                    format!("no actors {}", p.filter.label()),
                    theme.dim(),
                )],
            );
        }
    }

    fn hints(&self) -> &'static [Hint] {
        list::HINTS
    }
}

fn kind_label(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Person => "person",
        ActorKind::Organization => "org",
        ActorKind::Country => "country",
        ActorKind::Group => "group",
    }
}

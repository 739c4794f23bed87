//! The article pane: the text wrapped to the pane, its scroll, the item
//! last jumped to (which `n`/`r`/`p` step on from) and its flash, and the
//! search matches it marks. Its update takes the scrolling keys when it has
//! the focus, and the keys that move through the text (`]`/`[`, the search
//! steps) whatever has the focus; `App` asks it for `r`/`p` steps with the
//! actor selected.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span as TSpan;

use crate::highlight::{Mark, Overlay, Segment};
use crate::model::{ActorId, BlockKind as ParaKind};
use crate::span::Span;
use crate::text::sanitize;

use super::super::action::Action;
use super::super::layout::{self, GUTTER};
use super::super::widgets::{frame_pane, put};
use super::super::words::{BlockKind, code_display};
use super::super::wrap::{Gutter, TextLayout};
use super::{Cx, Hint, HintKeys, Paint, Reply, View, movement, of_actor, step, wrap_note};

/// How long a jump target stays flashed, in ticks of about 100 ms.
pub(crate) const FLASH_TICKS: u8 = 6;
/// Rows of context kept above a jump target.
const CONTEXT: usize = 2;

const RED_LINE_MARK: &str = "▌";
const POSITION_MARK: &str = "╎";

const HINTS: &[Hint] = &[
    (HintKeys::Pair(Action::Down, Action::Up), "scroll"),
    (
        HintKeys::Pair(Action::NextSection, Action::PrevSection),
        "section",
    ),
    (
        HintKeys::Pair(Action::NextQuote, Action::PrevQuote),
        "quote",
    ),
    (
        HintKeys::Pair(Action::NextRedLine, Action::PrevRedLine),
        "red line",
    ),
    (
        HintKeys::Pair(Action::NextPosition, Action::PrevPosition),
        "position",
    ),
    (HintKeys::One(Action::Search), "search"),
    (HintKeys::One(Action::FocusNext), "panes"),
    (HintKeys::One(Action::ToggleReviewed), "reviewed"),
    (HintKeys::One(Action::ToggleStarred), "star"),
    (HintKeys::One(Action::EditNote), "note"),
    (HintKeys::One(Action::NextUnreviewed), "unreviewed"),
    (HintKeys::One(Action::CycleFilter), "filter"),
];

/// A search of the article: typed in the prompt (`overlays::search`),
/// then stepped through with `n`/`N` until left.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Search {
    pub(crate) query: String,
    /// In text order.
    pub(crate) matches: Vec<Span>,
    pub(crate) current: Option<usize>,
    /// Scroll and reading position when the search began.
    pub(crate) origin_scroll: usize,
    origin_pos: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Flash {
    pub(crate) span: Span,
    pub(crate) ticks: u8,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct ArticlePane {
    /// The text laid out for the pane's width.
    pub(crate) layout: TextLayout,
    /// First row shown.
    pub(crate) scroll: usize,
    /// The item last jumped to: `n`, `r`, `p` continue from it.
    pub(crate) anchor: Option<Span>,
    /// The review entry last jumped to or clicked: what `x`, `*` and `m`
    /// mark while the article has the focus.
    pub(crate) item: Option<usize>,
    pub(crate) flash: Option<Flash>,
    pub(crate) search: Option<Search>,
    /// `[reader] wrap_width`.
    wrap_width: u16,
}

impl ArticlePane {
    pub(crate) fn new(wrap_width: u16) -> ArticlePane {
        ArticlePane {
            wrap_width,
            ..ArticlePane::default()
        }
    }

    /// Back to the top, nothing found or flashed, for another article.
    pub(crate) fn reset(&mut self) {
        *self = ArticlePane::new(self.wrap_width);
    }

    pub(crate) fn max_scroll(&self, height: usize) -> usize {
        self.layout.rows.len().saturating_sub(height)
    }

    /// The byte at the top of the pane.
    fn top_pos(&self) -> u32 {
        self.layout
            .rows
            .get(self.scroll)
            .map_or(0, |r| r.span.start)
    }

    /// Time passes: the flash fades.
    pub(crate) fn tick(&mut self) {
        self.flash = self.flash.and_then(|f| {
            f.ticks
                .checked_sub(1)
                .filter(|&t| t > 0)
                .map(|ticks| Flash { ticks, ..f })
        });
    }

    fn scroll_by(&mut self, delta: isize, height: usize) {
        self.scroll = (self.scroll as isize)
            .saturating_add(delta)
            .clamp(0, self.max_scroll(height) as isize) as usize;
        self.anchor = None;
    }

    /// Scrolls so that `span` is in view, its first row at least, leaving a
    /// little context above it when the view has to move.
    pub(crate) fn reveal(&mut self, span: Span, height: usize) {
        let (first, last) = self.layout.rows_of(span);
        let h = height.max(1);
        if first >= self.scroll && last < self.scroll + h {
            return;
        }
        let context = CONTEXT.min(h / 4);
        self.scroll = first.saturating_sub(context).min(self.max_scroll(height));
    }

    /// Jumps to a span: scroll to it, flash it, remember it for `n`/`r`/`p`.
    pub(crate) fn jump(&mut self, span: Span, height: usize) {
        self.reveal(span, height);
        self.anchor = Some(span);
        self.flash = Some(Flash {
            span,
            ticks: FLASH_TICKS,
        });
    }

    /// The reading position `n`/`r`/`p` step from: the last jump target
    /// while it is on screen (a span starting there is passed over), else
    /// the top of the view.
    pub(crate) fn position(&self, height: usize) -> (u32, bool) {
        match self.anchor {
            Some(a) => {
                let (first, _) = self.layout.rows_of(a);
                if first >= self.scroll && first < self.scroll + height.max(1) {
                    return (a.start, true);
                }
                (self.top_pos(), false)
            }
            None => (self.top_pos(), false),
        }
    }

    /// `r`/`p`: the next (or previous) red line or position from the
    /// reading position; only `actor`'s when one is selected, as `n` steps
    /// through the quotes of the actor selected.
    pub(crate) fn step_position(
        &self,
        red: bool,
        forward: bool,
        actor: Option<ActorId>,
        cx: &Cx,
    ) -> Reply {
        let a = cx.article;
        let what = if red { "red line" } else { "position" };
        let list: Vec<usize> = if red { &a.red_lines } else { &a.positions }
            .iter()
            .copied()
            .filter(|&p| actor.is_none_or(|id| a.analysis.positions[p].holder == Some(id)))
            .collect();
        let starts: Vec<u32> = list
            .iter()
            .map(|&p| a.analysis.positions[p].span.start)
            .collect();
        let Some((i, wrapped)) = step(&starts, self.position(cx.height), forward) else {
            return Reply::note(match actor {
                Some(id) => format!("no {what}s from {}", a.actor_name(id)),
                None => format!("no {what}s in this article"),
            });
        };
        Reply {
            jump: Some(a.analysis.positions[list[i]].span),
            note: Some(format!(
                "{what} {}/{}{}{}",
                i + 1,
                list.len(),
                of_actor(a, actor),
                wrap_note(wrapped, forward)
            )),
            ..Reply::default()
        }
    }

    fn section(&mut self, forward: bool, cx: &Cx) -> Reply {
        self.anchor = None;
        let max = self.max_scroll(cx.height);
        let rows = &self.layout.section_rows;
        let target = if forward {
            rows.iter().copied().find(|&r| r > self.scroll)
        } else {
            rows.iter().copied().rev().find(|&r| r < self.scroll)
        };
        let mut reply = Reply {
            show_article: true,
            ..Reply::default()
        };
        match target {
            Some(r) if r.min(max) != self.scroll => self.scroll = r.min(max),
            _ => {
                reply.note = Some(
                    if forward {
                        "no section after this one"
                    } else {
                        "no section before this one"
                    }
                    .to_string(),
                );
            }
        }
        reply
    }

    /// Begins a search from the reading position.
    pub(crate) fn start_search(&mut self, height: usize) {
        self.search = Some(Search {
            query: String::new(),
            matches: Vec::new(),
            current: None,
            origin_scroll: self.scroll,
            origin_pos: self.position(height).0,
        });
    }

    /// Finds the query again after each keystroke and shows the first match
    /// from where the search began.
    pub(crate) fn refresh_search(&mut self, cx: &Cx) {
        let Some(s) = self.search.as_mut() else {
            return;
        };
        s.matches = cx.article.search.find(&cx.article.doc, &s.query);
        s.current = if s.matches.is_empty() {
            None
        } else {
            let i = s.matches.partition_point(|m| m.start < s.origin_pos);
            Some(if i < s.matches.len() { i } else { 0 })
        };
        match s.current.map(|i| s.matches[i]) {
            Some(m) => self.reveal(m, cx.height),
            None => self.scroll = s.origin_scroll,
        }
    }

    fn step_search(&mut self, forward: bool, cx: &Cx) -> Reply {
        let Some(s) = self.search.as_mut() else {
            return Reply::note("no search: press / to search");
        };
        let n = s.matches.len();
        let Some(cur) = s.current.filter(|_| n > 0) else {
            return Reply::default();
        };
        let (next, wrapped) = if forward {
            if cur + 1 < n {
                (cur + 1, false)
            } else {
                (0, true)
            }
        } else if cur > 0 {
            (cur - 1, false)
        } else {
            (n - 1, true)
        };
        s.current = Some(next);
        let m = s.matches[next];
        self.reveal(m, cx.height);
        Reply {
            show_article: true,
            note: wrapped.then(|| {
                if forward {
                    "search wrapped to the top".to_string()
                } else {
                    "search wrapped to the bottom".to_string()
                }
            }),
            ..Reply::default()
        }
    }

    /// The byte of the text at a cell of the pane.
    fn byte_at(&self, col: u16, row: u16, area: Rect, cx: &Cx) -> Option<u32> {
        let inner = layout::inner(area);
        if row < inner.y || row >= inner.bottom() || col < inner.x + GUTTER {
            return None;
        }
        let r = self.scroll + (row - inner.y) as usize;
        let x = (col - inner.x - GUTTER) as usize;
        self.layout.byte_at(cx.article, r, x)
    }

    /// The quote (else the position) around a byte of the text: its review
    /// entry.
    fn item_around(pos: u32, cx: &Cx) -> Option<usize> {
        use crate::model::{PositionId, QuoteId};
        use crate::review::Target;
        let a = &cx.article.analysis;
        let inside = |s: Span| s.start <= pos && pos < s.end;
        a.quotes
            .iter()
            .position(|q| q.speech && inside(q.span))
            .map(|q| Target::Quote(QuoteId::new(q)))
            .or_else(|| {
                a.positions
                    .iter()
                    .position(|p| inside(p.span))
                    .map(|p| Target::Position(PositionId::new(p)))
            })
            .and_then(|t| cx.review.index_of(t))
    }

    /// The actor of the mention at a byte of the text, if there is one.
    fn actor_at(pos: u32, cx: &Cx) -> Option<ActorId> {
        cx.article
            .analysis
            .actors
            .iter()
            .position(|actor| {
                let i = actor.mentions.partition_point(|m| m.span.end <= pos);
                actor
                    .mentions
                    .get(i)
                    .is_some_and(|m| m.span.contains_pos(pos as usize))
            })
            .map(ActorId::new)
    }
}

impl View for ArticlePane {
    fn update(&mut self, action: &Action, cx: &Cx) -> Reply {
        if let Some(delta) = movement(action, cx.height.saturating_sub(2).max(1)) {
            self.scroll_by(delta, cx.height);
            return Reply::default();
        }
        match action {
            Action::NextSection => self.section(true, cx),
            Action::PrevSection => self.section(false, cx),
            Action::SearchNext => self.step_search(true, cx),
            Action::SearchPrev => self.step_search(false, cx),
            _ => Reply::default(),
        }
    }

    fn wheel(&mut self, lines: i16, cx: &Cx) {
        self.scroll_by(lines as isize, cx.height);
    }

    /// A click on a mention selects its actor (and makes it the item
    /// marked); elsewhere in a quote or a position, that is the item.
    fn click(&mut self, col: u16, row: u16, area: Rect, cx: &Cx) -> Reply {
        let Some(pos) = self.byte_at(col, row, area, cx) else {
            return Reply::default();
        };
        let actor = Self::actor_at(pos, cx);
        let item = match actor {
            Some(id) => cx.review.index_of(crate::review::Target::Actor(id)),
            None => Self::item_around(pos, cx),
        };
        if item.is_some() {
            self.item = item;
        }
        Reply {
            actor,
            ..Reply::default()
        }
    }

    /// Re-wraps when the width changes, keeping the same text at the top.
    fn resize(&mut self, area: Rect, cx: &Cx) {
        let width = layout::text_width(area, self.wrap_width).max(1);
        if width != self.layout.width || self.layout.rows.is_empty() {
            let top = self.top_pos();
            self.layout = TextLayout::new(cx.article, width);
            self.scroll = self.layout.row_of(top);
            if top == 0 {
                self.scroll = 0;
            }
        }
        self.scroll = self.scroll.min(self.max_scroll(cx.height));
    }

    fn draw(&self, p: &Paint, buf: &mut Buffer, r: Rect) {
        let a = p.article;
        let theme = p.theme;
        let top = self.layout.rows.get(self.scroll);
        let section = top
            .and_then(|row| a.doc.sections.get(row.section))
            .and_then(|s| s.heading)
            .map(|h| format!("Article · {}", a.doc.reading(h)))
            .unwrap_or_else(|| "Article".to_string());
        let inner = frame_pane(theme, p.focused, buf, r, section);
        let rows = self.layout.rows.len();
        if rows > inner.height as usize && r.width > 12 {
            let pct = (self.scroll + inner.height as usize).min(rows) * 100 / rows.max(1);
            let label = format!(" {pct}% ");
            let x = r.right().saturating_sub(label.len() as u16 + 1);
            buf.set_stringn(x, r.bottom() - 1, &label, label.len(), theme.dim());
        }
        let search = self.search.as_ref();
        let overlay = Overlay {
            search: search.map_or(&[], |s| s.matches.as_slice()),
            current: search.and_then(|s| s.current.map(|i| s.matches[i])),
            flash: self.flash.map(|f| f.span),
        };
        let text_x = inner.x + GUTTER;
        let text_w = inner.width.saturating_sub(GUTTER);
        for (i, row) in self
            .layout
            .rows
            .iter()
            .skip(self.scroll)
            .take(inner.height as usize)
            .enumerate()
        {
            let y = inner.y + i as u16;
            let Some(kind) = row.kind else { continue };
            match row.gutter {
                Gutter::RedLine => {
                    buf.set_stringn(inner.x, y, RED_LINE_MARK, 1, theme.gutter_red_line());
                }
                Gutter::Position => {
                    buf.set_stringn(inner.x, y, POSITION_MARK, 1, theme.gutter_position());
                }
                Gutter::None => {}
            }
            if let Some((glyph, style)) = review_mark(p, row.span) {
                buf.set_stringn(inner.x + 1, y, glyph, 1, style);
            }
            let base = match kind {
                BlockKind::Title => theme.title(),
                BlockKind::Heading => theme.heading(),
                BlockKind::Byline => theme.dim(),
                BlockKind::Para(_) => Style::new(),
            };
            let code = kind == BlockKind::Para(ParaKind::Code);
            let segs = a.highlighter.segments(row.span, &overlay);
            let mut spans = Vec::with_capacity(8);
            let prefix = row.prefix();
            if !prefix.is_empty() {
                let style = if kind == BlockKind::Heading {
                    base
                } else {
                    theme.dim()
                };
                spans.push(TSpan::styled(prefix, style));
            }
            let mut seg_i = 0;
            for f in self.layout.frags(row) {
                if let Some(gap) = f.gap {
                    let mark = mark_over(&segs, gap);
                    spans.push(TSpan::styled(" ", base.patch(theme.mark(&mark))));
                }
                // Segments are in order: walk them alongside the fragments.
                while seg_i < segs.len() && segs[seg_i].span.end <= f.span.start {
                    seg_i += 1;
                }
                let mut j = seg_i;
                while j < segs.len() && segs[j].span.start < f.span.end {
                    let s = &segs[j];
                    let piece = Span {
                        start: s.span.start.max(f.span.start),
                        end: s.span.end.min(f.span.end),
                    };
                    let raw = a.doc.span_text(piece);
                    let shown = if code {
                        code_display(raw)
                    } else {
                        sanitize(raw).into_owned()
                    };
                    spans.push(TSpan::styled(shown, base.patch(theme.mark(&s.mark))));
                    j += 1;
                }
            }
            put(buf, text_x, y, text_w, spans);
        }
    }

    fn hints(&self) -> &'static [Hint] {
        HINTS
    }
}

/// The gutter's review mark for a row: of the quotes and positions that
/// start on it, a star, else a note, else reviewed.
fn review_mark(p: &Paint, row: Span) -> Option<(&'static str, Style)> {
    use super::{NOTED, REVIEWED, STARRED};
    let mut best: Option<(u8, &'static str, Style)> = None;
    for i in p.review.starting_in(row) {
        let Some(m) = p.review.entry(i).map(|e| &e.marks) else {
            continue;
        };
        let here = if m.starred() {
            (3, STARRED, p.theme.review_star())
        } else if m.note().is_some() {
            (2, NOTED, p.theme.review_note())
        } else if m.reviewed() {
            (1, REVIEWED, p.theme.review_done())
        } else {
            continue;
        };
        if best.is_none_or(|b| here.0 > b.0) {
            best = Some(here);
        }
    }
    best.map(|(_, g, s)| (g, s))
}

/// The mark that covers all of `span` (a gap between two words), or none.
fn mark_over(segs: &[Segment], span: Span) -> Mark {
    let i = segs.partition_point(|s| s.span.end <= span.start);
    match segs.get(i) {
        Some(s) if s.span.start <= span.start && s.span.end >= span.end => s.mark,
        _ => Mark::default(),
    }
}

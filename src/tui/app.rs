//! The reader's state, and `update`: the only place it changes.
//!
//! Everything costly that depends on the window (the article's rows, the
//! summary's rows) is rebuilt here when the size changes, so drawing is a
//! cheap read of the state.

use std::ops::Range;
use std::sync::Arc;

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

use crate::model::ActorId;
use crate::span::Span;

use super::action::Action;
use super::article::Article;
use super::keymap::{KeyChord, KeyMap, KeysConfig};
use super::layout::{self, Pane, Panes};
use super::theme::{ColourMode, Theme, ThemeConfig};
use super::wrap::{SummaryLayout, TextLayout};

/// How long a jump target stays flashed, in ticks of about 100 ms.
pub(crate) const FLASH_TICKS: u8 = 6;
/// Rows of context kept above a jump target.
const CONTEXT: usize = 2;
/// Rows the mouse wheel scrolls per notch.
pub(crate) const WHEEL: i16 = 3;

/// The `[reader]` section of the configuration file.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReaderConfig {
    /// Longest line the article is wrapped to, in columns; 0 = the pane width.
    pub wrap_width: u16,
}

impl Default for ReaderConfig {
    fn default() -> Self {
        ReaderConfig { wrap_width: 100 }
    }
}

/// What the reader is configured with: its three sections of the
/// configuration file and the terminal's colour mode.
#[derive(Clone, Debug)]
pub struct Options {
    pub reader: ReaderConfig,
    pub theme: ThemeConfig,
    pub keys: KeysConfig,
    pub colour: ColourMode,
}

impl Options {
    /// The defaults of every section.
    pub fn new(colour: ColourMode) -> Options {
        Options {
            reader: ReaderConfig::default(),
            theme: ThemeConfig::default(),
            keys: KeysConfig::default(),
            colour,
        }
    }
}

/// An article of the folder being read.
#[derive(Debug)]
pub(crate) enum Slot {
    /// Being loaded and analysed in the background.
    Pending(String),
    Ready(Arc<Article>),
    Failed(String),
}

/// Selection and scroll offset (in rows) of a side-pane list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ListState {
    pub(crate) selected: usize,
    pub(crate) offset: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Search {
    pub(crate) query: String,
    /// In text order.
    pub(crate) matches: Vec<Span>,
    pub(crate) current: Option<usize>,
    /// The prompt is open and takes the keys.
    pub(crate) editing: bool,
    /// Scroll and reading position when the search began.
    origin_scroll: usize,
    origin_pos: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Flash {
    pub(crate) span: Span,
    pub(crate) ticks: u8,
}

pub struct App {
    pub(crate) library: Vec<Slot>,
    pub(crate) current: usize,
    pub(crate) article: Arc<Article>,
    pub(crate) theme: Theme,
    pub(crate) keymap: KeyMap,
    wrap_width: u16,
    pub(crate) size: (u16, u16),
    /// `None` when the window is too small.
    pub(crate) panes: Option<Panes>,
    pub(crate) focus: Pane,
    pub(crate) text: TextLayout,
    /// First article row shown.
    pub(crate) scroll: usize,
    /// The item last jumped to: `n`, `r`, `p` continue from it.
    pub(crate) anchor: Option<Span>,
    /// Row 0 is "all actors"; row i + 1 is actor i.
    pub(crate) actors: ListState,
    pub(crate) quotes: ListState,
    /// The quotes listed (indices into `analysis.quotes`).
    pub(crate) quote_items: Vec<usize>,
    pub(crate) summary: ListState,
    pub(crate) summary_layout: SummaryLayout,
    pub(crate) search: Option<Search>,
    /// The help overlay is open, scrolled by this many rows.
    pub(crate) help: Option<usize>,
    pub(crate) flash: Option<Flash>,
    /// A one-off note for the status line; cleared by the next key.
    pub(crate) message: Option<String>,
    pub(crate) quit: bool,
}

impl App {
    pub fn new(article: Article, options: &Options) -> App {
        let article = Arc::new(article);
        let mut app = App {
            library: vec![Slot::Ready(Arc::clone(&article))],
            current: 0,
            article,
            theme: Theme::new(&options.theme, options.colour),
            keymap: KeyMap::new(&options.keys),
            wrap_width: options.reader.wrap_width,
            size: (0, 0),
            panes: None,
            focus: Pane::Article,
            text: TextLayout::default(),
            scroll: 0,
            anchor: None,
            actors: ListState::default(),
            quotes: ListState::default(),
            quote_items: Vec::new(),
            summary: ListState::default(),
            summary_layout: SummaryLayout::default(),
            search: None,
            help: None,
            flash: None,
            message: None,
            quit: false,
        };
        app.refresh_quote_items();
        app
    }

    /// Adds articles still being loaded, after the current one.
    pub(crate) fn add_pending(&mut self, names: impl IntoIterator<Item = String>) {
        self.library.extend(names.into_iter().map(Slot::Pending));
    }

    /// A background load finished.
    pub(crate) fn article_ready(&mut self, index: usize, result: Result<Article, String>) {
        if let Some(slot) = self.library.get_mut(index) {
            *slot = match result {
                Ok(a) => Slot::Ready(Arc::new(a)),
                Err(e) => Slot::Failed(e),
            };
        }
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.update(Action::Resize(width, height));
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Whether anything is animating (the flash) or pending, so the event
    /// loop should wake up regularly.
    pub(crate) fn busy(&self) -> bool {
        self.flash.is_some()
    }

    pub(crate) fn searching(&self) -> bool {
        self.search.is_some()
    }

    pub(crate) fn editing(&self) -> bool {
        self.search.as_ref().is_some_and(|s| s.editing)
    }

    pub(crate) fn selected_actor(&self) -> Option<ActorId> {
        self.actors.selected.checked_sub(1).map(ActorId::new)
    }

    /// The action a key press stands for in the current state.
    pub(crate) fn key_action(&self, ev: &KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        if self.editing() {
            let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
            let alt = ev.modifiers.contains(KeyModifiers::ALT);
            return match ev.code {
                KeyCode::Char('c') if ctrl => Some(Action::Quit),
                KeyCode::Char(c) if !ctrl && !alt => Some(Action::Input(c)),
                KeyCode::Backspace => Some(Action::DeleteBack),
                KeyCode::Enter => Some(Action::Submit),
                KeyCode::Esc => Some(Action::Cancel),
                _ => None,
            };
        }
        let chord = KeyChord::from_event(ev)?;
        self.keymap.action(&chord, self.searching())
    }

    pub(crate) fn mouse_action(ev: &MouseEvent) -> Option<Action> {
        let (col, row) = (ev.column, ev.row);
        match ev.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                col,
                row,
                lines: WHEEL,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                col,
                row,
                lines: -WHEEL,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { col, row }),
            _ => None,
        }
    }

    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Tick | Action::Resize(..)) {
            self.message = None;
        }
        match action {
            Action::Resize(w, h) => return self.on_resize(w, h),
            Action::Tick => {
                self.flash = self.flash.and_then(|f| {
                    f.ticks
                        .checked_sub(1)
                        .filter(|&t| t > 0)
                        .map(|ticks| Flash { ticks, ..f })
                });
                return;
            }
            _ => {}
        }
        if self.help.is_some() {
            return self.update_help(action);
        }
        if self.editing() {
            return self.update_prompt(action);
        }
        match action {
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.move_by(self.page(self.focus) as isize),
            Action::PageUp => self.move_by(-(self.page(self.focus) as isize)),
            Action::HalfPageDown => self.move_by((self.page(self.focus) / 2).max(1) as isize),
            Action::HalfPageUp => self.move_by(-((self.page(self.focus) / 2).max(1) as isize)),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(Pane::ALL.len() - 1),
            Action::NextSection => self.section(true),
            Action::PrevSection => self.section(false),
            Action::NextQuote => self.next_quote(true),
            Action::PrevQuote => self.next_quote(false),
            Action::NextRedLine => self.next_position(true, true),
            Action::PrevRedLine => self.next_position(true, false),
            Action::NextPosition => self.next_position(false, true),
            Action::PrevPosition => self.next_position(false, false),
            Action::Activate => self.activate(),
            Action::ShowActors => self.toggle(Pane::Actors),
            Action::ShowQuotes => self.toggle(Pane::Quotes),
            Action::ShowSummary => self.toggle(Pane::Summary),
            Action::Search => self.start_search(),
            Action::SearchNext => self.step_search(true),
            Action::SearchPrev => self.step_search(false),
            Action::Back => {
                if self.search.take().is_none() && self.focus != Pane::Article {
                    self.focus = Pane::Article;
                }
            }
            Action::Help => self.help = Some(0),
            Action::Quit => self.quit = true,
            Action::NextArticle => self.switch_article(true),
            Action::PrevArticle => self.switch_article(false),
            Action::Scroll { col, row, lines } => self.wheel(col, row, lines),
            Action::Click { col, row } => self.click(col, row),
            Action::Input(_)
            | Action::DeleteBack
            | Action::Submit
            | Action::Cancel
            | Action::Resize(..)
            | Action::Tick => {}
        }
    }

    fn update_help(&mut self, action: Action) {
        let total = self.keymap.help().len() + super::render::HELP_EXTRA.len() + 2;
        let view = self.size.1.saturating_sub(4) as usize;
        let max = total.saturating_sub(view);
        let at = self.help.unwrap_or(0);
        let by = |d: isize| Some((at as isize + d).clamp(0, max as isize) as usize);
        self.help = match action {
            Action::Down => by(1),
            Action::Up => by(-1),
            Action::PageDown | Action::HalfPageDown => by(view.max(1) as isize),
            Action::PageUp | Action::HalfPageUp => by(-(view.max(1) as isize)),
            Action::Top => Some(0),
            Action::Bottom => Some(max),
            Action::Scroll { lines, .. } => by(lines as isize),
            Action::Help | Action::Back | Action::Quit | Action::Click { .. } => None,
            _ => self.help,
        };
    }

    fn update_prompt(&mut self, action: Action) {
        let Some(s) = self.search.as_mut() else {
            return;
        };
        match action {
            Action::Input(c) if !c.is_control() => {
                s.query.push(c);
                self.refresh_search();
            }
            Action::DeleteBack => {
                s.query.pop();
                self.refresh_search();
            }
            Action::Submit => {
                s.editing = false;
                if s.query.trim().is_empty() {
                    self.search = None;
                } else if s.matches.is_empty() {
                    self.message = Some(format!("no match for “{}”", s.query));
                    self.search = None;
                }
            }
            Action::Cancel => {
                self.scroll = s.origin_scroll;
                self.search = None;
            }
            Action::Quit => self.quit = true,
            Action::Scroll { col, row, lines } => self.wheel(col, row, lines),
            _ => {}
        }
    }

    // ---------------------------------------------------------------- geometry

    fn on_resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        self.panes = Panes::new(Rect::new(0, 0, w, h));
        let Some(panes) = self.panes else {
            return;
        };
        let width = layout::text_width(panes.article, self.wrap_width).max(1);
        if width != self.text.width || self.text.rows.is_empty() {
            // Keep the same text at the top across the re-wrap.
            let top = self.top_pos();
            self.text = TextLayout::new(&self.article, width);
            self.scroll = self.text.row_of(top);
            if top == 0 {
                self.scroll = 0;
            }
        }
        let sw = layout::inner(panes.summary).width.max(1);
        if sw != self.summary_layout.width
            || self.summary_layout.item_rows.len() != self.article.summary_items.len()
        {
            self.summary_layout = SummaryLayout::new(&self.article.summary_items, sw);
        }
        self.scroll = self.scroll.min(self.max_scroll());
        for p in [Pane::Actors, Pane::Quotes, Pane::Summary] {
            self.keep_visible(p);
        }
    }

    /// Rows the article pane shows.
    pub(crate) fn article_height(&self) -> usize {
        self.panes
            .map_or(0, |p| layout::inner(p.article).height as usize)
    }

    fn pane_height(&self, pane: Pane) -> usize {
        self.panes
            .map_or(0, |p| layout::inner(p.rect(pane)).height as usize)
    }

    /// How far a page moves in a pane: rows for the article, items for lists.
    fn page(&self, pane: Pane) -> usize {
        let h = self.pane_height(pane);
        match pane {
            Pane::Article => h.saturating_sub(2).max(1),
            Pane::Quotes => (h / 2).max(1),
            _ => h.max(1),
        }
    }

    pub(crate) fn max_scroll(&self) -> usize {
        self.text.rows.len().saturating_sub(self.article_height())
    }

    /// The byte at the top of the article pane.
    fn top_pos(&self) -> u32 {
        self.text.rows.get(self.scroll).map_or(0, |r| r.span.start)
    }

    pub(crate) fn visible(&self, pane: Pane) -> bool {
        self.panes.is_some_and(|p| p.wide) || self.focus == pane
    }

    // ---------------------------------------------------------------- lists

    pub(crate) fn list_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Article => self.text.rows.len(),
            Pane::Actors => self.article.analysis.actors.len() + 1,
            Pane::Quotes => self.quote_items.len(),
            Pane::Summary => self.article.summary_items.len(),
        }
    }

    /// The rows item `i` of a list takes.
    pub(crate) fn item_rows(&self, pane: Pane, i: usize) -> Range<usize> {
        match pane {
            Pane::Quotes => 2 * i..2 * i + 2,
            Pane::Summary => self
                .summary_layout
                .item_rows
                .get(i)
                .cloned()
                .unwrap_or(0..0),
            _ => i..i + 1,
        }
    }

    pub(crate) fn list_rows(&self, pane: Pane) -> usize {
        match pane {
            Pane::Summary => self.summary_layout.rows.len(),
            Pane::Quotes => 2 * self.quote_items.len(),
            _ => self.list_len(pane),
        }
    }

    fn item_at_row(&self, pane: Pane, row: usize) -> Option<usize> {
        match pane {
            Pane::Quotes => Some(row / 2).filter(|&i| i < self.quote_items.len()),
            Pane::Summary => self.summary_layout.rows.get(row).and_then(|r| r.item),
            _ => Some(row).filter(|&i| i < self.list_len(pane)),
        }
    }

    pub(crate) fn list(&self, pane: Pane) -> ListState {
        match pane {
            Pane::Actors => self.actors,
            Pane::Quotes => self.quotes,
            Pane::Summary => self.summary,
            Pane::Article => ListState::default(),
        }
    }

    fn list_mut(&mut self, pane: Pane) -> Option<&mut ListState> {
        match pane {
            Pane::Actors => Some(&mut self.actors),
            Pane::Quotes => Some(&mut self.quotes),
            Pane::Summary => Some(&mut self.summary),
            Pane::Article => None,
        }
    }

    /// Scrolls a list so its selected item (and, in the summary, the group
    /// heading just above it) is in view.
    fn keep_visible(&mut self, pane: Pane) {
        let h = self.pane_height(pane).max(1);
        let state = self.list(pane);
        let rows = self.item_rows(pane, state.selected);
        let mut top = rows.start;
        if pane == Pane::Summary {
            while top > 0
                && rows.start - top < 2
                && self
                    .summary_layout
                    .rows
                    .get(top - 1)
                    .is_some_and(|r| r.item.is_none())
            {
                top -= 1;
            }
        }
        let max = self.list_rows(pane).saturating_sub(h);
        if let Some(s) = self.list_mut(pane) {
            if top < s.offset {
                s.offset = top;
            } else if rows.end > s.offset + h {
                s.offset = rows.end.saturating_sub(h).min(rows.start);
            }
            s.offset = s.offset.min(max);
        }
    }

    fn select(&mut self, pane: Pane, i: usize) {
        let len = self.list_len(pane);
        if len == 0 {
            return;
        }
        let i = i.min(len - 1);
        let changed = self.list(pane).selected != i;
        if let Some(s) = self.list_mut(pane) {
            s.selected = i;
        }
        self.keep_visible(pane);
        if pane == Pane::Actors && changed {
            self.refresh_quote_items();
        }
    }

    fn refresh_quote_items(&mut self) {
        let actor = self.selected_actor();
        let a = &self.article;
        self.quote_items = a
            .quotes
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
            .collect();
        self.quotes = ListState::default();
    }

    // ---------------------------------------------------------------- moving

    fn move_by(&mut self, delta: isize) {
        if self.focus == Pane::Article {
            self.scroll = (self.scroll as isize)
                .saturating_add(delta)
                .clamp(0, self.max_scroll() as isize) as usize;
            self.anchor = None;
            return;
        }
        let len = self.list_len(self.focus) as isize;
        let i = (self.list(self.focus).selected as isize)
            .saturating_add(delta)
            .clamp(0, (len - 1).max(0));
        self.select(self.focus, i as usize);
    }

    fn cycle_focus(&mut self, by: usize) {
        let i = Pane::ALL.iter().position(|&p| p == self.focus).unwrap_or(0);
        self.focus = Pane::ALL[(i + by) % Pane::ALL.len()];
    }

    /// `a`, `o`, `s`: focus that pane, or go back to the article from it.
    fn toggle(&mut self, pane: Pane) {
        self.focus = if self.focus == pane {
            Pane::Article
        } else {
            pane
        };
    }

    /// Shows the article (narrow windows show one pane at a time).
    fn show_article(&mut self) {
        if !self.panes.is_some_and(|p| p.wide) {
            self.focus = Pane::Article;
        }
    }

    /// Scrolls so that `span` is in view, its first row at least, leaving a
    /// little context above it when the view has to move.
    pub(crate) fn reveal(&mut self, span: Span) {
        let (first, last) = self.text.rows_of(span);
        let h = self.article_height().max(1);
        if first >= self.scroll && last < self.scroll + h {
            return;
        }
        let context = CONTEXT.min(h / 4);
        self.scroll = first.saturating_sub(context).min(self.max_scroll());
    }

    /// Jumps to a span: scroll to it, flash it, remember it for `n`/`r`/`p`.
    fn jump(&mut self, span: Span) {
        self.show_article();
        self.reveal(span);
        self.anchor = Some(span);
        self.flash = Some(Flash {
            span,
            ticks: FLASH_TICKS,
        });
    }

    fn activate(&mut self) {
        let target = match self.focus {
            Pane::Article => None,
            Pane::Actors => self
                .selected_actor()
                .and_then(|a| self.article.analysis.actors[a].mentions.first())
                .map(|m| m.span),
            Pane::Quotes => self
                .quote_items
                .get(self.quotes.selected)
                .map(|&q| self.article.analysis.quotes[q].span),
            Pane::Summary => self
                .article
                .summary_items
                .get(self.summary.selected)
                .map(|i| i.target),
        };
        if let Some(span) = target {
            self.jump(span);
        }
    }

    /// The reading position `n`/`r`/`p` step from: the last jump target
    /// while it is on screen, else the top of the view.
    fn position(&self) -> (u32, bool) {
        match self.anchor {
            Some(a) => {
                let (first, _) = self.text.rows_of(a);
                if first >= self.scroll && first < self.scroll + self.article_height().max(1) {
                    return (a.start, true);
                }
                (self.top_pos(), false)
            }
            None => (self.top_pos(), false),
        }
    }

    /// Steps through spans sorted by start, wrapping around at the ends.
    /// Returns the index and whether it wrapped.
    fn step(&self, starts: &[u32], forward: bool) -> Option<(usize, bool)> {
        if starts.is_empty() {
            return None;
        }
        let (pos, strict) = self.position();
        if forward {
            let i = starts.partition_point(|&s| if strict { s <= pos } else { s < pos });
            Some(if i < starts.len() {
                (i, false)
            } else {
                (0, true)
            })
        } else {
            let i = starts.partition_point(|&s| s < pos);
            Some(if i > 0 {
                (i - 1, false)
            } else {
                (starts.len() - 1, true)
            })
        }
    }

    fn next_quote(&mut self, forward: bool) {
        let a = Arc::clone(&self.article);
        let actor = self.selected_actor();
        let list: Vec<usize> = a
            .quotes
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
            .collect();
        let starts: Vec<u32> = list
            .iter()
            .map(|&q| a.analysis.quotes[q].span.start)
            .collect();
        let Some((i, wrapped)) = self.step(&starts, forward) else {
            self.message = Some(match actor {
                Some(id) => format!("no quotes from {}", a.actor_name(id)),
                None => "no quotes in this article".to_string(),
            });
            return;
        };
        let q = list[i];
        self.jump(a.analysis.quotes[q].span);
        if let Some(row) = self.quote_items.iter().position(|&x| x == q) {
            self.select(Pane::Quotes, row);
        }
        self.message = Some(format!(
            "quote {}/{}{}",
            i + 1,
            list.len(),
            wrap_note(wrapped, forward)
        ));
    }

    fn next_position(&mut self, red: bool, forward: bool) {
        let a = Arc::clone(&self.article);
        let list = if red { &a.red_lines } else { &a.positions };
        let what = if red { "red line" } else { "position" };
        let starts: Vec<u32> = list
            .iter()
            .map(|&p| a.analysis.positions[p].span.start)
            .collect();
        let Some((i, wrapped)) = self.step(&starts, forward) else {
            self.message = Some(format!("no {what}s in this article"));
            return;
        };
        self.jump(a.analysis.positions[list[i]].span);
        self.message = Some(format!(
            "{what} {}/{}{}",
            i + 1,
            list.len(),
            wrap_note(wrapped, forward)
        ));
    }

    fn section(&mut self, forward: bool) {
        self.show_article();
        self.anchor = None;
        let rows = &self.text.section_rows;
        let target = if forward {
            rows.iter().copied().find(|&r| r > self.scroll)
        } else {
            rows.iter().copied().rev().find(|&r| r < self.scroll)
        };
        match target {
            Some(r) if r.min(self.max_scroll()) != self.scroll => {
                self.scroll = r.min(self.max_scroll());
            }
            _ => {
                self.message = Some(
                    if forward {
                        "no section after this one"
                    } else {
                        "no section before this one"
                    }
                    .to_string(),
                );
            }
        }
    }

    // ---------------------------------------------------------------- search

    fn start_search(&mut self) {
        self.show_article();
        let origin_scroll = self.scroll;
        let origin_pos = self.position().0;
        self.search = Some(Search {
            query: String::new(),
            matches: Vec::new(),
            current: None,
            editing: true,
            origin_scroll,
            origin_pos,
        });
    }

    /// Finds the query again after each keystroke and shows the first match
    /// from where the search began.
    fn refresh_search(&mut self) {
        let Some(s) = self.search.as_mut() else {
            return;
        };
        s.matches = self.article.search.find(&self.article.doc, &s.query);
        s.current = if s.matches.is_empty() {
            None
        } else {
            let i = s.matches.partition_point(|m| m.start < s.origin_pos);
            Some(if i < s.matches.len() { i } else { 0 })
        };
        match s.current.map(|i| s.matches[i]) {
            Some(m) => self.reveal(m),
            None => self.scroll = s.origin_scroll,
        }
    }

    fn step_search(&mut self, forward: bool) {
        let Some(s) = self.search.as_mut() else {
            self.message = Some("no search: press / to search".to_string());
            return;
        };
        let n = s.matches.len();
        let Some(cur) = s.current.filter(|_| n > 0) else {
            return;
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
        self.show_article();
        self.reveal(m);
        if wrapped {
            self.message = Some(if forward {
                "search wrapped to the top".to_string()
            } else {
                "search wrapped to the bottom".to_string()
            });
        }
    }

    // ---------------------------------------------------------------- articles

    fn switch_article(&mut self, forward: bool) {
        let n = self.library.len();
        if n < 2 {
            self.message = Some("only one article is open".to_string());
            return;
        }
        let next = if forward {
            (self.current + 1) % n
        } else {
            (self.current + n - 1) % n
        };
        match &self.library[next] {
            Slot::Ready(a) => {
                self.article = Arc::clone(a);
                self.current = next;
                self.reset_view();
            }
            Slot::Pending(name) => {
                self.message = Some(format!("{} is still loading…", crate::text::sanitize(name)));
            }
            Slot::Failed(msg) => {
                self.message = Some(crate::text::sanitize(msg).into_owned());
            }
        }
    }

    fn reset_view(&mut self) {
        self.scroll = 0;
        self.anchor = None;
        self.search = None;
        self.flash = None;
        self.actors = ListState::default();
        self.summary = ListState::default();
        self.refresh_quote_items();
        self.text = TextLayout::default();
        self.summary_layout = SummaryLayout::default();
        let (w, h) = self.size;
        self.on_resize(w, h);
    }

    // ---------------------------------------------------------------- mouse

    /// The pane drawn at a cell.
    fn pane_at(&self, col: u16, row: u16) -> Option<Pane> {
        let panes = self.panes?;
        let at = ratatui::layout::Position::new(col, row);
        Pane::ALL
            .into_iter()
            .filter(|&p| self.visible(p))
            .find(|&p| panes.rect(p).contains(at))
    }

    fn wheel(&mut self, col: u16, row: u16, lines: i16) {
        match self.pane_at(col, row) {
            Some(Pane::Article) => {
                self.scroll = (self.scroll as isize + lines as isize)
                    .clamp(0, self.max_scroll() as isize) as usize;
                self.anchor = None;
            }
            Some(p) => {
                let h = self.pane_height(p);
                let max = self.list_rows(p).saturating_sub(h);
                if let Some(s) = self.list_mut(p) {
                    s.offset = (s.offset as isize + lines as isize).clamp(0, max as isize) as usize;
                }
            }
            None => {}
        }
    }

    fn click(&mut self, col: u16, row: u16) {
        let Some(panes) = self.panes else {
            return;
        };
        if let Some(tabs) = panes.tabs
            && row == tabs.y
        {
            if let Some((p, _)) = super::render::tab_ranges()
                .into_iter()
                .find(|(_, r)| r.contains(&col.saturating_sub(tabs.x)))
            {
                self.focus = p;
            }
            return;
        }
        let Some(pane) = self.pane_at(col, row) else {
            return;
        };
        self.focus = pane;
        if pane == Pane::Article {
            return self.click_article(panes, col, row);
        }
        let inner = layout::inner(panes.rect(pane));
        if row < inner.y || row >= inner.bottom() {
            return;
        }
        let list_row = self.list(pane).offset + (row - inner.y) as usize;
        if let Some(i) = self.item_at_row(pane, list_row) {
            self.select(pane, i);
        }
    }
}

impl App {
    /// A click on a mention in the article selects its actor.
    fn click_article(&mut self, panes: Panes, col: u16, row: u16) {
        let inner = layout::inner(panes.article);
        if row < inner.y || row >= inner.bottom() || col < inner.x + layout::GUTTER {
            return;
        }
        let r = self.scroll + (row - inner.y) as usize;
        let x = (col - inner.x - layout::GUTTER) as usize;
        let Some(pos) = self.text.byte_at(&self.article, r, x) else {
            return;
        };
        let a = Arc::clone(&self.article);
        let hit = a.analysis.actors.iter().position(|actor| {
            let i = actor.mentions.partition_point(|m| m.span.end <= pos);
            actor
                .mentions
                .get(i)
                .is_some_and(|m| m.span.contains_pos(pos as usize))
        });
        if let Some(id) = hit {
            self.select(Pane::Actors, id + 1);
            self.message = Some(format!("selected {}", a.actor_name(ActorId::new(id))));
        }
    }
}

fn wrap_note(wrapped: bool, forward: bool) -> &'static str {
    match (wrapped, forward) {
        (false, _) => "",
        (true, true) => " (wrapped to the first)",
        (true, false) => " (wrapped to the last)",
    }
}

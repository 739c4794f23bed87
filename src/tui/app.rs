//! The reader's state, and `update`: the only place it changes.
//!
//! `App` holds what is shared (the briefing, the article shown, the
//! window's layout, the focus, the status note) and the panes and overlays,
//! which own the rest. `update` gives an action to the topmost overlay,
//! else routes it to a pane (the focused one for keys, the one under the
//! pointer for the mouse, the article pane for the keys that move through
//! the text) and carries out the pane's [`Reply`]. It returns an
//! [`Effect`] for the event loop; it never does I/O itself.

use std::sync::Arc;

use crossterm::event::{KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use crate::briefing::{Briefing, Slot};
use crate::span::Span;

use super::action::{Action, Effect};
use super::article::Article;
use super::clipboard::{self, Clipboard};
use super::keymap::{KeyChord, KeyMap, KeysConfig};
use super::layout::{self, Drawn, Pane, Panes};
use super::overlays::{self, Help, Outcome, Overlay, SearchPrompt};
use super::panes::actors::ActorsPane;
use super::panes::article::ArticlePane;
use super::panes::quotes::QuotesPane;
use super::panes::summary::SummaryPane;
use super::panes::{Cx, Reply, View};
use super::review::Sessions;
use super::theme::{ColourMode, Theme, ThemeConfig};
use crate::review::{Filter, Review, Store};

/// Rows the mouse wheel scrolls per notch.
pub(crate) const WHEEL: i16 = 3;

/// The `[reader]` section of the configuration file.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReaderConfig {
    /// Longest line the article is wrapped to, in columns; 0 = the pane width.
    pub wrap_width: u16,
    /// Capture the mouse (wheel and clicks); `false` leaves it to the
    /// terminal, whose own selection then works.
    pub mouse: bool,
}

impl Default for ReaderConfig {
    fn default() -> Self {
        ReaderConfig {
            wrap_width: 100,
            mouse: true,
        }
    }
}

/// What the reader is configured with: its three sections of the
/// configuration file, the terminal's colour mode and what it does with
/// the clipboard escape.
#[derive(Clone, Debug)]
pub struct Options {
    pub reader: ReaderConfig,
    pub theme: ThemeConfig,
    pub keys: KeysConfig,
    pub colour: ColourMode,
    pub clipboard: Clipboard,
    /// Where review marks are kept; `None`: in memory only.
    pub store: Option<Store>,
}

impl Options {
    /// The defaults of every section, on a terminal that takes OSC 52.
    pub fn new(colour: ColourMode) -> Options {
        Options {
            reader: ReaderConfig::default(),
            theme: ThemeConfig::default(),
            keys: KeysConfig::default(),
            colour,
            clipboard: Clipboard::Osc52 { tmux: false },
            store: None,
        }
    }
}

pub struct App {
    pub(crate) briefing: Briefing<Article>,
    /// The article shown: its place in the briefing, and it.
    pub(crate) current: usize,
    pub(crate) article: Arc<Article>,
    pub(crate) theme: Theme,
    pub(crate) keymap: KeyMap,
    pub(crate) size: (u16, u16),
    /// Where the panes go at this size, which `update` wraps and pages by;
    /// `None` when the window is too small.
    pub(crate) layout: Option<Panes>,
    /// What the last frame drew where, which the mouse is hit-tested on.
    pub(crate) drawn: Option<Drawn>,
    pub(crate) focus: Pane,
    pub(crate) text: ArticlePane,
    pub(crate) actors: ActorsPane,
    pub(crate) quotes: QuotesPane,
    pub(crate) summary: SummaryPane,
    /// Over the panes, topmost last; it gets the actions first.
    pub(crate) overlays: Vec<Overlay>,
    /// A one-off note for the status line; cleared by the next key.
    pub(crate) message: Option<String>,
    /// `[reader] mouse`: whether the terminal's mouse is captured.
    pub(crate) mouse: bool,
    pub(crate) clipboard: Clipboard,
    /// The review of each article, and its saving.
    pub(crate) sessions: Sessions,
    /// What the side panes list.
    pub(crate) filter: Filter,
}

impl App {
    /// The reader on a briefing (or on one article).
    pub fn new(briefing: impl Into<Briefing<Article>>, options: &Options) -> App {
        let briefing = briefing.into();
        let article = briefing.first();
        let mut sessions = Sessions::new(briefing.len(), options.store.clone());
        sessions.open(0, &article);
        let message = (!article.review_warnings.is_empty())
            .then(|| format!("warning: {}", article.review_warnings.join("; ")));
        let mut app = App {
            quotes: QuotesPane::new(&article),
            briefing,
            current: 0,
            article,
            theme: Theme::new(&options.theme, options.colour),
            keymap: KeyMap::new(&options.keys),
            size: (0, 0),
            layout: None,
            drawn: None,
            focus: Pane::Article,
            text: ArticlePane::new(options.reader.wrap_width),
            actors: ActorsPane::default(),
            summary: SummaryPane::default(),
            overlays: Vec::new(),
            message,
            mouse: options.reader.mouse,
            clipboard: options.clipboard.clone(),
            sessions,
            filter: Filter::default(),
        };
        app.refilter();
        app
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.update(Action::Resize(width, height));
    }

    /// Whether anything is animating (the flash), so the event loop should
    /// wake up regularly.
    pub(crate) fn busy(&self) -> bool {
        self.text.flash.is_some() || self.sessions.waiting()
    }

    /// The article shown and its review, for a pane's context.
    pub(crate) fn shared(&self) -> (Arc<Article>, Arc<Review>) {
        (Arc::clone(&self.article), self.sessions.get(self.current))
    }

    /// A search is active: `n`/`N` step through its matches.
    pub(crate) fn searching(&self) -> bool {
        self.text.search.is_some()
    }

    pub(crate) fn visible(&self, pane: Pane) -> bool {
        self.layout.is_some_and(|p| p.wide) || self.focus == pane
    }

    /// Rows inside a pane at this size.
    pub(crate) fn height(&self, pane: Pane) -> usize {
        self.layout
            .map_or(0, |p| layout::inner(p.rect(pane)).height as usize)
    }

    pub(crate) fn view(&self, pane: Pane) -> &dyn View {
        match pane {
            Pane::Article => &self.text,
            Pane::Actors => &self.actors,
            Pane::Quotes => &self.quotes,
            Pane::Summary => &self.summary,
        }
    }

    fn view_mut(&mut self, pane: Pane) -> &mut dyn View {
        match pane {
            Pane::Article => &mut self.text,
            Pane::Actors => &mut self.actors,
            Pane::Quotes => &mut self.quotes,
            Pane::Summary => &mut self.summary,
        }
    }

    /// The action a key press stands for in the current state: the topmost
    /// overlay reads it if it reads keys itself, else the key map does.
    pub(crate) fn key_action(&self, ev: &KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        let chord = KeyChord::from_event(ev);
        if let Some(action) = self.overlays.last().and_then(|o| o.key_action(ev)) {
            // A key the prompt has no use for may still suspend.
            return action.or_else(|| {
                chord
                    .and_then(|c| self.keymap.action(&c, false))
                    .filter(|a| *a == Action::Suspend)
            });
        }
        self.keymap.action(&chord?, self.searching())
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

    pub fn update(&mut self, action: Action) -> Effect {
        if !matches!(
            action,
            Action::Tick
                | Action::Resize(..)
                | Action::Loaded(_)
                | Action::Drawn(_)
                | Action::Saved { .. }
                | Action::MemoWritten(_)
        ) {
            self.message = None;
        }
        match action {
            Action::Resize(w, h) => {
                self.on_resize(w, h);
                return Effect::None;
            }
            Action::Tick => {
                self.text.tick();
                return if self.sessions.tick() {
                    Effect::Save
                } else {
                    Effect::None
                };
            }
            Action::Saved { index, result } => {
                self.on_saved(index, result);
                return Effect::None;
            }
            Action::MemoWritten(result) => {
                self.message = Some(match result {
                    Ok(path) => format!("memo written to {path}"),
                    Err(e) => format!("memo not written: {e}"),
                });
                return Effect::None;
            }
            Action::Loaded(delivery) => {
                self.briefing.deliver(delivery);
                return Effect::None;
            }
            // Whatever is open: the overlays never keep the shell waiting.
            Action::Suspend => return Effect::Suspend,
            Action::Drawn(drawn) => {
                self.drawn = Some(drawn);
                return Effect::None;
            }
            _ => {}
        }
        let height = self.height(Pane::Article);
        if let Some(top) = self.overlays.last_mut() {
            let article = Arc::clone(&self.article);
            let mut cx = overlays::Cx {
                article: &article,
                text: &mut self.text,
                height,
                keymap: &self.keymap,
                size: self.size,
                note: None,
            };
            let outcome = top.update(&action, &mut cx);
            if let Some((entry, text)) = cx.note.take() {
                self.set_note(entry, &text);
            }
            match outcome {
                Outcome::Keep => return Effect::None,
                Outcome::Close(msg) => {
                    self.overlays.pop();
                    if msg.is_some() {
                        self.message = msg;
                    }
                    return if self.sessions.any_unsaved() {
                        Effect::Save
                    } else {
                        Effect::None
                    };
                }
                Outcome::Quit => return self.quit(),
                Outcome::Pass => {}
            }
        }
        let effect = self.act(action);
        self.sync_quotes();
        effect
    }

    /// An action no overlay took.
    fn act(&mut self, action: Action) -> Effect {
        match action {
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom
            | Action::Activate => self.route(self.focus, &action),
            Action::NextSection | Action::PrevSection | Action::SearchNext | Action::SearchPrev => {
                self.route(Pane::Article, &action)
            }
            Action::NextQuote => self.next_quote(true),
            Action::PrevQuote => self.next_quote(false),
            Action::NextRedLine => self.next_position(true, true),
            Action::PrevRedLine => self.next_position(true, false),
            Action::NextPosition => self.next_position(false, true),
            Action::PrevPosition => self.next_position(false, false),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(Pane::ALL.len() - 1),
            Action::ShowActors => self.toggle(Pane::Actors),
            Action::ShowQuotes => self.toggle(Pane::Quotes),
            Action::ShowSummary => self.toggle(Pane::Summary),
            Action::Search => {
                self.show_article();
                self.text.start_search(self.height(Pane::Article));
                self.overlays.push(Overlay::Search(SearchPrompt));
            }
            Action::Back => {
                if self.text.search.take().is_none() && self.focus != Pane::Article {
                    self.focus = Pane::Article;
                }
            }
            Action::Help => self.overlays.push(Overlay::Help(Help::default())),
            Action::CopyQuote => return self.copy_quote(),
            Action::Suspend => return Effect::Suspend,
            Action::Quit => return self.quit(),
            Action::ToggleReviewed
            | Action::ToggleStarred
            | Action::EditNote
            | Action::NextUnreviewed
            | Action::PrevUnreviewed
            | Action::CycleFilter
            | Action::WriteMemo => return self.review_key(&action),
            Action::NextArticle => self.switch_article(true),
            Action::PrevArticle => self.switch_article(false),
            Action::Scroll { col, row, lines } => self.wheel(col, row, lines),
            Action::Click { col, row } => self.click(col, row),
            Action::Input(_)
            | Action::DeleteBack
            | Action::Submit
            | Action::Cancel
            | Action::NoteKey(_)
            | Action::NoteDone
            | Action::Saved { .. }
            | Action::MemoWritten(_)
            | Action::Resize(..)
            | Action::Tick
            | Action::Loaded(_)
            | Action::Drawn(_) => {}
        }
        Effect::None
    }

    /// Gives an action to a pane and carries out its reply.
    fn route(&mut self, pane: Pane, action: &Action) {
        let (article, review) = self.shared();
        let cx = Cx {
            article: &article,
            review: &review,
            filter: self.filter,
            height: self.height(pane),
        };
        let reply = self.view_mut(pane).update(action, &cx);
        self.carry_out(reply);
    }

    fn carry_out(&mut self, reply: Reply) {
        if let Some(span) = reply.jump {
            self.jump(span);
            // What the article marks from now on.
            self.text.item = reply
                .item
                .or_else(|| self.sessions.get(self.current).at_span(span));
        }
        if reply.show_article {
            self.show_article();
        }
        if let Some(id) = reply.actor {
            let (article, review) = self.shared();
            let cx = Cx {
                article: &article,
                review: &review,
                filter: self.filter,
                height: self.height(Pane::Actors),
            };
            self.message = Some(if self.actors.select_actor(id, &cx) {
                format!("selected {}", article.actor_name(id))
            } else {
                format!(
                    "{} is not listed (filter: {})",
                    article.actor_name(id),
                    self.filter.label()
                )
            });
        }
        if let Some(note) = reply.note {
            self.message = Some(note);
        }
    }

    /// The quotes pane lists the quotes of the actor selected.
    fn sync_quotes(&mut self) {
        let actor = self.actors.actor();
        if actor != self.quotes.actor {
            let review = self.sessions.get(self.current);
            self.quotes
                .filter(&self.article, &review, self.filter, actor);
        }
    }

    // ---------------------------------------------------------------- geometry

    fn on_resize(&mut self, w: u16, h: u16) {
        let (w, h) = layout::clamp_size(w, h);
        self.size = (w, h);
        self.layout = Panes::new(Rect::new(0, 0, w, h));
        let Some(panes) = self.layout else {
            return;
        };
        let (article, review) = self.shared();
        for pane in Pane::ALL {
            let area = panes.rect(pane);
            let cx = Cx {
                article: &article,
                review: &review,
                filter: self.filter,
                height: layout::inner(area).height as usize,
            };
            self.view_mut(pane).resize(area, &cx);
        }
    }

    // ---------------------------------------------------------------- focus

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
        if !self.layout.is_some_and(|p| p.wide) {
            self.focus = Pane::Article;
        }
    }

    // ---------------------------------------------------------------- moving

    /// Jumps to a span: show the article, scroll to the span and flash it.
    fn jump(&mut self, span: Span) {
        self.show_article();
        self.text.jump(span, self.height(Pane::Article));
    }

    /// `n`/`N`: through the quotes listed, from the reading position.
    fn next_quote(&mut self, forward: bool) {
        let (article, review) = self.shared();
        let from = self.text.position(self.height(Pane::Article));
        let cx = Cx {
            article: &article,
            review: &review,
            filter: self.filter,
            height: self.height(Pane::Quotes),
        };
        let reply = self.quotes.step(from, forward, &cx);
        self.carry_out(reply);
    }

    /// `r`/`p`: through the red lines or positions, of the actor selected
    /// when there is one (as `n` goes through that actor's quotes).
    fn next_position(&mut self, red: bool, forward: bool) {
        let (article, review) = self.shared();
        let cx = Cx {
            article: &article,
            review: &review,
            filter: self.filter,
            height: self.height(Pane::Article),
        };
        let reply = self
            .text
            .step_position(red, forward, self.actors.actor(), &cx);
        self.carry_out(reply);
    }

    // ---------------------------------------------------------------- clipboard

    /// `y`: the quote selected in the quotes pane with its speaker, for the
    /// terminal's clipboard, or why it cannot be copied.
    fn copy_quote(&mut self) -> Effect {
        let a = &self.article;
        let Some(&q) = self.quotes.items.get(self.quotes.list.selected) else {
            self.message = Some(match self.quotes.actor {
                Some(id) => format!("no quotes from {} to copy", a.actor_name(id)),
                None => "no quote to copy".to_string(),
            });
            return Effect::None;
        };
        let quote = &a.analysis.quotes[q];
        let words = a.doc.reading(quote.span);
        let (text, whose) = match quote.speaker.as_ref() {
            Some(s) => {
                let name = a.actor_name(s.actor);
                let unsure = if s.is_uncertain() {
                    " (attribution uncertain)"
                } else {
                    ""
                };
                (
                    format!("“{words}” — {name}{unsure}"),
                    format!("{name}'s quote"),
                )
            }
            None => (format!("“{words}”"), "the quote".to_string()),
        };
        let cannot = match &self.clipboard {
            Clipboard::Unsupported(why) => Some(why.clone()),
            Clipboard::Osc52 { .. } => clipboard::osc52(&text).err(),
        };
        if let Some(why) = cannot {
            self.message = Some(why);
            return Effect::None;
        }
        let tmux = if matches!(self.clipboard, Clipboard::Osc52 { tmux: true }) {
            "; in tmux it needs `set -g set-clipboard on`"
        } else {
            ""
        };
        self.message = Some(format!("{whose} sent to the clipboard (OSC 52{tmux})"));
        Effect::Copy(text)
    }

    // ---------------------------------------------------------------- articles

    /// `>`/`<`: the next ready article that way round. Failed ones are
    /// passed over, saying why; a pending one is waited for.
    fn switch_article(&mut self, forward: bool) {
        let n = self.briefing.len();
        if n < 2 {
            self.message = Some("only one article is open".to_string());
            return;
        }
        let mut failed: Vec<String> = Vec::new();
        let mut at = self.current;
        for _ in 1..n {
            at = if forward {
                (at + 1) % n
            } else {
                (at + n - 1) % n
            };
            match self.briefing.get(at) {
                Some(Slot::Ready(a)) => {
                    self.article = Arc::clone(a);
                    self.current = at;
                    let warning = (self.sessions.open(at, a) && !a.review_warnings.is_empty())
                        .then(|| format!("warning: {}", a.review_warnings.join("; ")));
                    self.reset_view();
                    self.message =
                        warning.or_else(|| failed.first().map(|e| format!("skipped {e}")));
                    return;
                }
                Some(Slot::Pending(name)) => {
                    let skipped = failed
                        .first()
                        .map(|e| format!("skipped {e}; "))
                        .unwrap_or_default();
                    self.message = Some(format!(
                        "{skipped}{} is still loading…",
                        crate::text::sanitize(name)
                    ));
                    return;
                }
                Some(Slot::Failed(e)) => {
                    failed.push(crate::text::sanitize(&e.to_string()).into_owned());
                }
                None => {}
            }
        }
        // Round to this one again: every other article failed.
        self.message = failed.into_iter().next();
    }

    fn reset_view(&mut self) {
        self.text.reset();
        self.actors = ActorsPane::default();
        self.quotes = QuotesPane::new(&self.article);
        self.summary = SummaryPane::default();
        self.refilter();
        let (w, h) = self.size;
        self.on_resize(w, h);
    }

    // ---------------------------------------------------------------- mouse

    /// The wheel scrolls the pane under the pointer in the last frame.
    fn wheel(&mut self, col: u16, row: u16, lines: i16) {
        let Some((pane, _)) = self.drawn.and_then(|d| d.pane_at(col, row)) else {
            return;
        };
        let (article, review) = self.shared();
        let cx = Cx {
            article: &article,
            review: &review,
            filter: self.filter,
            height: self.height(pane),
        };
        self.view_mut(pane).wheel(lines, &cx);
    }

    /// A click on a tab shows its pane; on a pane, focuses it and lets it
    /// handle the click. Both as the last frame drew them.
    fn click(&mut self, col: u16, row: u16) {
        let Some(drawn) = self.drawn else {
            return;
        };
        if let Some(tab) = drawn.on_tab_bar(col, row) {
            if let Some(pane) = tab {
                self.focus = pane;
            }
            return;
        }
        let Some((pane, area)) = drawn.pane_at(col, row) else {
            return;
        };
        self.focus = pane;
        let (article, review) = self.shared();
        let cx = Cx {
            article: &article,
            review: &review,
            filter: self.filter,
            height: self.height(pane),
        };
        let reply = self.view_mut(pane).click(col, row, area, &cx);
        self.carry_out(reply);
    }
}

//! The review keys of the reader, as part of `App::update`: marks on the
//! selected item (`x`, `*`, the note editor), `u`/`U` through what is not
//! yet reviewed, the side panes' filter, the memo, and what a save or a
//! quit with unsaved marks does. The writes themselves are effects.
//!
//! The selected item is the highlighted row of the focused side pane; in
//! the article, the item last jumped to or clicked.

use std::sync::Arc;

use crate::review::Entry;

use super::action::{Action, Effect};
use super::app::App;
use super::layout::Pane;
use super::overlays::{NoteEditor, Overlay};
use super::panes::list;
use super::panes::{Cx, step, wrap_note};

impl App {
    /// Which review entry the keys mark: the focused pane's selection.
    pub(crate) fn selected_entry(&self) -> Option<usize> {
        let (article, review) = self.shared();
        let cx = Cx {
            article: &article,
            review: &review,
            filter: self.filter,
            height: self.height(self.focus),
        };
        match self.focus {
            Pane::Article => self.text.item,
            Pane::Actors => list::selected_entry(&self.actors, &cx),
            Pane::Quotes => list::selected_entry(&self.quotes, &cx),
            Pane::Summary => list::selected_entry(&self.summary, &cx),
        }
    }

    /// A review key.
    pub(crate) fn review_key(&mut self, action: &Action) -> Effect {
        match action {
            Action::CycleFilter => {
                self.filter = self.filter.next();
                self.refilter();
                self.message = Some(format!("side panes: {}", self.filter.label()));
                Effect::None
            }
            Action::NextUnreviewed => self.step_unreviewed(true),
            Action::PrevUnreviewed => self.step_unreviewed(false),
            Action::WriteMemo => Effect::WriteMemo,
            Action::ToggleReviewed | Action::ToggleStarred | Action::EditNote => {
                let Some(entry) = self.selected_entry() else {
                    self.message = Some(self.nothing_selected());
                    return Effect::None;
                };
                self.mark(entry, action)
            }
            _ => Effect::None,
        }
    }

    fn nothing_selected(&self) -> String {
        if self.focus == Pane::Article {
            "no item selected: jump to one (n, r, p, u) or click it".to_string()
        } else {
            "this row is not a review item".to_string()
        }
    }

    fn mark(&mut self, entry: usize, action: &Action) -> Effect {
        let now = self.sessions.now();
        let review = self.sessions.get(self.current);
        let Some(e) = review.entry(entry) else {
            return Effect::None;
        };
        let label = label(e);
        if *action == Action::EditNote {
            let note = e.marks.note().unwrap_or_default().to_string();
            self.overlays.push(Overlay::Note(Box::new(NoteEditor::new(
                entry, label, &note,
            ))));
            return Effect::None;
        }
        let Some(r) = self.sessions.change(self.current) else {
            return Effect::None;
        };
        let what = if *action == Action::ToggleReviewed {
            match r.toggle_reviewed(entry, now) {
                Some(true) => "reviewed",
                _ => "not reviewed",
            }
        } else {
            match r.toggle_starred(entry, now) {
                Some(true) => "starred",
                _ => "unstarred",
            }
        };
        let p = r.progress();
        self.message = Some(format!(
            "{what}: {label} · {} / {} reviewed",
            p.reviewed, p.total
        ));
        self.refilter();
        self.save_now()
    }

    /// The note editor's text is the note from the first keystroke on;
    /// it is saved a moment after the last.
    pub(crate) fn set_note(&mut self, entry: usize, text: &str) {
        let now = self.sessions.now();
        let changed = self
            .sessions
            .change(self.current)
            .is_some_and(|r| r.set_note(entry, text, now));
        if changed {
            self.sessions.save_soon();
            self.refilter();
        }
    }

    fn save_now(&self) -> Effect {
        if self.sessions.any_unsaved() {
            Effect::Save
        } else {
            Effect::None
        }
    }

    /// `q`: save first; when the marks cannot be saved, say so, and quit
    /// on the second `q`.
    pub(crate) fn quit(&mut self) -> Effect {
        if !self.sessions.any_unsaved() || self.sessions.store.is_none() {
            return Effect::Quit;
        }
        if self.sessions.quit_armed {
            return Effect::Quit;
        }
        Effect::SaveAndQuit
    }

    /// After `Effect::SaveAndQuit` left marks unsaved.
    pub(crate) fn quit_refused(&mut self) {
        let quit = self.keymap.first_key(&Action::Quit).unwrap_or_default();
        let why = self.sessions.failed.clone().unwrap_or_default();
        self.sessions.quit_armed = true;
        self.message = Some(format!(
            "marks not saved ({why}); {quit} again quits and loses them"
        ));
    }

    pub(crate) fn on_saved(
        &mut self,
        index: usize,
        result: Result<(crate::review::State, Vec<String>), String>,
    ) {
        match result {
            Ok((state, warnings)) => {
                let article = match self.briefing.get(index) {
                    Some(crate::briefing::Slot::Ready(a)) => Arc::clone(a),
                    _ => return,
                };
                let had_failed = self.sessions.failed.is_some();
                self.sessions.saved(index, &article, &state);
                if !warnings.is_empty() {
                    self.message = Some(format!("warning: {}", warnings.join("; ")));
                } else if had_failed && self.sessions.failed.is_none() {
                    self.message = Some("marks saved".to_string());
                }
                self.refilter();
            }
            Err(why) => {
                self.message = Some(format!(
                    "warning: marks not saved: {why} — kept in memory, trying again"
                ));
                self.sessions.failed(why);
            }
        }
    }

    /// The side panes list again what the filter lets through (after a
    /// mark or the filter changed).
    pub(crate) fn refilter(&mut self) {
        let (article, review) = self.shared();
        let cx = |height| Cx {
            article: &article,
            review: &review,
            filter: self.filter,
            height,
        };
        let (ha, hq, hs) = (
            self.height(Pane::Actors),
            self.height(Pane::Quotes),
            self.height(Pane::Summary),
        );
        self.actors.refilter(&cx(ha));
        // The quotes pane follows the actor selected.
        let actor = self.actors.actor();
        if actor != self.quotes.actor {
            self.quotes.filter(&article, &review, self.filter, actor);
        } else {
            self.quotes.refilter(&cx(hq));
        }
        self.summary.refilter(&cx(hs));
    }

    /// `u`/`U`: in a side pane, its next item not yet reviewed; in the
    /// article, the next one in the text from the reading position.
    fn step_unreviewed(&mut self, forward: bool) -> Effect {
        let (article, review) = self.shared();
        let visible_pane = self.focus != Pane::Article && self.visible(self.focus);
        let cx = Cx {
            article: &article,
            review: &review,
            filter: self.filter,
            height: self.height(self.focus),
        };
        let left = review.progress();
        let left = left.total - left.reviewed;
        let found = if visible_pane {
            match self.focus {
                Pane::Actors => list::step_unreviewed(&mut self.actors, forward, &cx),
                Pane::Quotes => list::step_unreviewed(&mut self.quotes, forward, &cx),
                Pane::Summary => list::step_unreviewed(&mut self.summary, forward, &cx),
                Pane::Article => None,
            }
            .map(|e| (e, false))
        } else {
            let from = self.text.position(self.height(Pane::Article));
            let todo: Vec<(u32, usize)> = review.entries()[..review.current()]
                .iter()
                .enumerate()
                .filter(|(_, e)| !e.marks.reviewed())
                .filter_map(|(i, e)| Some((e.span?.start, i)))
                .collect();
            let mut todo = todo;
            todo.sort_unstable();
            let starts: Vec<u32> = todo.iter().map(|t| t.0).collect();
            step(&starts, from, forward).map(|(i, wrapped)| (todo[i].1, wrapped))
        };
        let Some((entry, wrapped)) = found else {
            self.message = Some(if left == 0 {
                "every item is reviewed".to_string()
            } else {
                format!("nothing unreviewed in this pane ({left} left in the article)")
            });
            return Effect::None;
        };
        if let Some(e) = review.entry(entry) {
            let label = label(e);
            if let Some(span) = e.span {
                let height = self.height(Pane::Article);
                if !visible_pane {
                    self.focus = Pane::Article;
                }
                self.text.jump(span, height);
            }
            self.text.item = Some(entry);
            self.message = Some(format!(
                "unreviewed ({left} left): {label}{}",
                wrap_note(wrapped, forward)
            ));
        }
        Effect::None
    }
}

/// An entry as the status line and the editor name it: `quote · Name:
/// “first words…”`.
pub(crate) fn label(e: &Entry) -> String {
    let a = &e.anchor;
    let text = crate::text::reflow(&a.exact);
    let short: String = if text.chars().count() > 40 {
        let cut: String = text.chars().take(39).collect();
        format!("{cut}…")
    } else {
        text
    };
    match (&a.holder, a.kind) {
        (_, crate::review::ItemKind::Actor) => format!("actor {short}"),
        (Some(h), k) => format!("{} · {}: “{short}”", k.label(), crate::text::reflow(h)),
        (None, k) => format!("{} “{short}”", k.label()),
    }
}

//! The reader's side of the review: each article's [`Review`] as it
//! changes, which ones hold marks not yet on disk, and when to save.
//!
//! A change is saved right away (`Effect::Save`), except while a note is
//! typed: then a second after the last keystroke. A save that fails (a
//! read-only or full disk) keeps the marks in memory, says so in the
//! header, and is tried again every few seconds and on every change.

use std::sync::Arc;

use crate::review::{Review, State, Store};

use super::article::Article;

/// Ticks (about 100 ms) from the last keystroke of a note to its save.
pub(crate) const NOTE_SAVE_TICKS: u8 = 10;
/// Ticks between tries when saving failed.
pub(crate) const RETRY_TICKS: u8 = 50;

#[derive(Debug)]
pub(crate) struct Sessions {
    /// Per article of the briefing, once it has been shown.
    reviews: Vec<Option<Arc<Review>>>,
    unsaved: Vec<bool>,
    /// Where reviews are kept; `None`: marks live in memory only.
    pub(crate) store: Option<Store>,
    /// Why the last save failed, while it has not succeeded since.
    pub(crate) failed: Option<String>,
    /// Ticks until the next save.
    save_in: Option<u8>,
    /// `q` was pressed once with marks that could not be saved.
    pub(crate) quit_armed: bool,
    /// Milliseconds since 1970 (tests set their own).
    pub(crate) clock: fn() -> u64,
    /// Where `e` writes the memo; `None`: the working folder.
    pub(crate) memo_dir: Option<std::path::PathBuf>,
}

impl Sessions {
    pub(crate) fn new(articles: usize, store: Option<Store>) -> Sessions {
        Sessions {
            reviews: vec![None; articles],
            unsaved: vec![false; articles],
            store,
            failed: None,
            save_in: None,
            quit_armed: false,
            clock: crate::review::clock::now,
            memo_dir: None,
        }
    }

    /// The review of article `i`, from the article when first shown.
    /// Returns whether it was opened just now.
    pub(crate) fn open(&mut self, i: usize, article: &Article) -> bool {
        if i >= self.reviews.len() {
            self.reviews.resize(i + 1, None);
            self.unsaved.resize(i + 1, false);
        }
        if self.reviews[i].is_some() {
            return false;
        }
        self.reviews[i] = Some(Arc::new(article.review.clone()));
        true
    }

    /// The review of article `i` (opened first by `open`).
    pub(crate) fn get(&self, i: usize) -> Arc<Review> {
        self.reviews
            .get(i)
            .and_then(Clone::clone)
            .unwrap_or_else(|| Arc::new(Review::default()))
    }

    /// The review of article `i` to change; it is then unsaved.
    pub(crate) fn change(&mut self, i: usize) -> Option<&mut Review> {
        let r = self.reviews.get_mut(i)?.as_mut()?;
        if self.store.is_some() {
            self.unsaved[i] = true;
        }
        Some(Arc::make_mut(r))
    }

    /// Saves a second from now (a note being typed).
    pub(crate) fn save_soon(&mut self) {
        if self.store.is_some() {
            self.save_in = Some(NOTE_SAVE_TICKS);
        }
    }

    /// Whether the clock should tick for a pending save.
    pub(crate) fn waiting(&self) -> bool {
        self.save_in.is_some()
    }

    /// A tick; whether a save is due.
    pub(crate) fn tick(&mut self) -> bool {
        match self.save_in {
            Some(0 | 1) => {
                self.save_in = None;
                true
            }
            Some(n) => {
                self.save_in = Some(n - 1);
                false
            }
            None => false,
        }
    }

    pub(crate) fn any_unsaved(&self) -> bool {
        self.unsaved.iter().any(|&u| u)
    }

    /// What to write: each unsaved review's state (`article(i)` is the
    /// article of review `i`, whose text the anchors are read from).
    pub(crate) fn to_save(
        &self,
        article: impl Fn(usize) -> Option<Arc<Article>>,
    ) -> Vec<(usize, State)> {
        self.unsaved
            .iter()
            .enumerate()
            .filter(|(_, u)| **u)
            .filter_map(|(i, _)| {
                let r = self.reviews[i].as_ref()?;
                Some((i, r.state(&article(i)?.doc)))
            })
            .collect()
    }

    /// Article `i` was saved as `state`; nothing changed in between (the
    /// loop is single-threaded), so the merge replaces what is held.
    pub(crate) fn saved(&mut self, i: usize, article: &Article, state: &State) {
        if let Some(r) = self.reviews.get_mut(i).and_then(Option::as_mut) {
            Arc::make_mut(r).adopt(&article.doc, state);
        }
        if let Some(u) = self.unsaved.get_mut(i) {
            *u = false;
        }
        self.save_in = self.save_in.filter(|_| self.any_unsaved());
        if !self.any_unsaved() {
            self.failed = None;
            self.quit_armed = false;
        }
    }

    /// A save failed: keep the marks, try again later.
    pub(crate) fn failed(&mut self, why: String) {
        self.failed = Some(why);
        self.save_in = Some(RETRY_TICKS);
    }

    pub(crate) fn now(&self) -> u64 {
        (self.clock)()
    }
}

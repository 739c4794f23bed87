//! A review of one article: its current items joined with the stored
//! marks, and the orphans (stored items no longer found).
//!
//! Stored records are anchored in three steps: by id; else by exact text
//! (by key) among the items of the same class, the best context winning
//! when several share it; else by finding the exact text in the article and
//! taking an item of the same class that covers most of where it is (the
//! analysis drew its span a little differently). What is left is an orphan:
//! kept with its marks and note, never dropped, and located in the text
//! when its words are still there.

use rustc_hash::FxHashMap;

use crate::model::{Analysis, Document};
use crate::span::Span;

use super::anchor::{Anchor, KeyedText, key};
use super::items::{self, Item, Target};
use super::state::{Marks, Record, State};

/// One item of a review, current or orphaned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The item's id in the current analysis (an orphan keeps its own).
    pub id: String,
    /// The id its marks are stored under: the item's id, or the id of the
    /// record that was re-anchored to it.
    pub record: String,
    pub anchor: Anchor,
    /// `None` for an orphan.
    pub target: Option<Target>,
    /// Where it is in the text: the item, or where an orphan's words are
    /// still found.
    pub span: Option<Span>,
    pub marks: Marks,
    /// Whether `anchor` has its context and code-point offsets yet.
    pub anchored: bool,
}

impl Entry {
    pub fn is_orphan(&self) -> bool {
        self.target.is_none()
    }
}

/// Which items the side panes list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    Unreviewed,
    Starred,
    Noted,
}

impl Filter {
    /// The next in the cycle all → unreviewed → starred → with notes.
    pub fn next(self) -> Filter {
        match self {
            Filter::All => Filter::Unreviewed,
            Filter::Unreviewed => Filter::Starred,
            Filter::Starred => Filter::Noted,
            Filter::Noted => Filter::All,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Unreviewed => "unreviewed",
            Filter::Starred => "starred",
            Filter::Noted => "with notes",
        }
    }

    pub fn passes(self, marks: &Marks) -> bool {
        match self {
            Filter::All => true,
            Filter::Unreviewed => !marks.reviewed(),
            Filter::Starred => marks.starred(),
            Filter::Noted => marks.note().is_some(),
        }
    }
}

/// How far a review has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Current items reviewed, of `total`.
    pub reviewed: usize,
    pub total: usize,
    pub starred: usize,
    pub noted: usize,
    pub orphans: usize,
}

/// What names an article's review file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub text_sha256: String,
    /// `Source::identity`: where the article comes from.
    pub source: String,
    pub name: String,
    pub title: String,
}

impl Meta {
    /// The meta of `doc` read from `source` (its identity).
    pub fn of(doc: &Document, source: String) -> Meta {
        let title = doc
            .title
            .map(|t| doc.reading(t))
            .unwrap_or_else(|| crate::text::sanitize(&doc.name).into_owned());
        Meta {
            text_sha256: text_sha256(&doc.text),
            source,
            name: doc.name.clone(),
            title,
        }
    }
}

/// The SHA-256 of an article's text, in hex: its review file's name.
pub fn text_sha256(text: &str) -> String {
    use sha2::Digest;
    super::anchor::hex(&sha2::Sha256::digest(text.as_bytes()))
}

/// The review of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review {
    meta: Meta,
    /// The current items, in `items::items` order, then the orphans.
    entries: Vec<Entry>,
    current: usize,
    by_target: FxHashMap<Target, usize>,
    /// Quote and position entries by where they start.
    by_start: Vec<(u32, usize)>,
}

impl Review {
    /// A review with no marks yet.
    pub fn new(doc: &Document, analysis: &Analysis, meta: Meta) -> Review {
        let items = items::items(doc, analysis);
        let current = items.len();
        let mut by_target = FxHashMap::default();
        let mut by_start = Vec::new();
        let entries: Vec<Entry> = items
            .into_iter()
            .enumerate()
            .map(|(i, it)| {
                by_target.insert(it.target, i);
                if !matches!(it.target, Target::Actor(_)) {
                    by_start.push((it.span.start, i));
                }
                entry(it)
            })
            .collect();
        by_start.sort_unstable();
        Review {
            meta,
            entries,
            current,
            by_target,
            by_start,
        }
    }

    /// The review with the marks of `state` anchored to the items.
    pub fn with_state(doc: &Document, analysis: &Analysis, meta: Meta, state: &State) -> Review {
        let mut r = Review::new(doc, analysis, meta);
        r.adopt(doc, state);
        r
    }

    /// Takes the marks of `state` (as merged on disk) in place of the ones
    /// held: every record is anchored again.
    pub fn adopt(&mut self, doc: &Document, state: &State) {
        self.entries.truncate(self.current);
        for e in &mut self.entries {
            e.marks = Marks::default();
            e.record = e.id.clone();
        }
        let by_id: FxHashMap<String, usize> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let mut claimed = vec![false; self.current];
        let mut pending = Vec::new();
        for r in &state.items {
            match by_id.get(r.id.as_str()) {
                Some(&i) if !claimed[i] => {
                    claimed[i] = true;
                    self.entries[i].marks = r.marks.clone();
                }
                _ => pending.push(r),
            }
        }
        let mut keyed: Option<KeyedText> = None;
        let mut orphans = Vec::new();
        for r in pending {
            let class = r.anchor.kind.class();
            let k = key(&r.anchor.exact);
            let same: Vec<usize> = (0..self.current)
                .filter(|&i| {
                    !claimed[i]
                        && self.entries[i].anchor.kind.class() == class
                        && key(&self.entries[i].anchor.exact) == k
                })
                .collect();
            if let Some(i) = self.best(&same, &r.anchor) {
                claimed[i] = true;
                self.take(i, r);
                continue;
            }
            // Still in the text, under an item drawn a little differently?
            let keyed = keyed.get_or_insert_with(|| KeyedText::new(doc));
            let found = keyed.find(&r.anchor.exact);
            let located = self.locate(doc, &found, &r.anchor);
            let covering = located.and_then(|at| {
                (0..self.current)
                    .filter(|&i| {
                        !claimed[i] && self.entries[i].anchor.kind.class() == class && class != 'a'
                    })
                    .filter_map(|i| {
                        let s = self.entries[i].span?;
                        Some((jaccard(s, at), i))
                    })
                    .filter(|&(j, _)| j >= 0.5)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, i)| i)
            });
            if let Some(i) = covering {
                claimed[i] = true;
                self.take(i, r);
                continue;
            }
            // A record with nothing on was a cleared orphan: nothing to show.
            if r.marks.any() {
                orphans.push(Entry {
                    id: r.id.clone(),
                    record: r.id.clone(),
                    anchor: r.anchor.clone(),
                    target: None,
                    span: located,
                    marks: r.marks.clone(),
                    anchored: true,
                });
            }
        }
        orphans.sort_by_key(|o| (o.span.map_or(u32::MAX, |s| s.start), o.anchor.start));
        self.entries.extend(orphans);
    }

    fn take(&mut self, i: usize, r: &Record) {
        let e = &mut self.entries[i];
        e.marks = r.marks.clone();
        e.record = r.id.clone();
    }

    /// Of the entries `among`, the one whose context best matches `anchor`
    /// (the nearest to its old place on a tie).
    fn best(&self, among: &[usize], anchor: &Anchor) -> Option<usize> {
        among.iter().copied().max_by_key(|&i| {
            let a = &self.entries[i].anchor;
            (
                a.context_score(anchor),
                std::cmp::Reverse(a.start.abs_diff(anchor.start)),
            )
        })
    }

    /// Of the places `found`, the one whose context best matches `anchor`.
    fn locate(&self, doc: &Document, found: &[Span], anchor: &Anchor) -> Option<Span> {
        if found.len() < 2 {
            return found.first().copied();
        }
        found.iter().copied().max_by_key(|&s| {
            let mut here = Anchor::new(doc, anchor.kind, String::new(), s, None);
            super::anchor::to_code_points(doc, std::iter::once(&mut here));
            (
                here.context_score(anchor),
                std::cmp::Reverse(here.start.abs_diff(anchor.start)),
            )
        })
    }

    /// What to store: every entry with a mark ever set, under its record id,
    /// with its anchor as it is in `doc` (the article's text) now.
    pub fn state(&self, doc: &Document) -> State {
        let mut touched: Vec<Entry> = self
            .entries
            .iter()
            .filter(|e| e.marks.touched())
            .cloned()
            .collect();
        items::anchor(
            doc,
            touched
                .iter_mut()
                .map(|e| (&mut e.anchor, e.span.unwrap_or_default(), &mut e.anchored)),
        );
        let m = &self.meta;
        let mut s = State::new(
            m.text_sha256.clone(),
            m.source.clone(),
            m.name.clone(),
            m.title.clone(),
        );
        s.items = touched
            .iter()
            .map(|e| Record {
                id: e.record.clone(),
                anchor: e.anchor.clone(),
                marks: e.marks.clone(),
            })
            .collect();
        s.sort();
        s.items.dedup_by(|b, a| {
            // Two entries under one record (an orphan met its item again):
            // one record, the marks merged.
            if a.id == b.id {
                a.marks.merge(&b.marks);
                true
            } else {
                false
            }
        });
        s
    }

    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// Every entry: the current items, then the orphans.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i)
    }

    /// How many current items (the orphans come after them).
    pub fn current(&self) -> usize {
        self.current
    }

    pub fn orphans(&self) -> &[Entry] {
        &self.entries[self.current..]
    }

    /// The entry of an item of the analysis.
    pub fn index_of(&self, target: Target) -> Option<usize> {
        self.by_target.get(&target).copied()
    }

    /// The quote or position entry that starts at `span`'s start and ends
    /// at its end, else the actor whose first mention it is.
    pub fn at_span(&self, span: Span) -> Option<usize> {
        let from = self.by_start.partition_point(|&(s, _)| s < span.start);
        self.by_start[from..]
            .iter()
            .take_while(|&&(s, _)| s == span.start)
            .map(|&(_, i)| i)
            .find(|&i| self.entries[i].span == Some(span))
            .or_else(|| {
                (0..self.current).find(|&i| {
                    matches!(self.entries[i].target, Some(Target::Actor(_)))
                        && self.entries[i].span == Some(span)
                })
            })
    }

    /// Quote and position entries that start inside `span`, in text order.
    pub fn starting_in(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let from = self.by_start.partition_point(|&(s, _)| s < span.start);
        self.by_start[from..]
            .iter()
            .take_while(move |&&(s, _)| s < span.end)
            .map(|&(_, i)| i)
    }

    /// Whether anything is marked (or orphaned): the views then show a
    /// column of marks.
    pub fn has_marks(&self) -> bool {
        self.current < self.entries.len() || self.entries.iter().any(|e| e.marks.any())
    }

    pub fn progress(&self) -> Progress {
        let cur = &self.entries[..self.current];
        Progress {
            reviewed: cur.iter().filter(|e| e.marks.reviewed()).count(),
            total: self.current,
            starred: self.entries.iter().filter(|e| e.marks.starred()).count(),
            noted: self
                .entries
                .iter()
                .filter(|e| e.marks.note().is_some())
                .count(),
            orphans: self.entries.len() - self.current,
        }
    }

    /// Turns reviewed on or off; returns the new value.
    pub fn toggle_reviewed(&mut self, i: usize, now: u64) -> Option<bool> {
        let m = &mut self.entries.get_mut(i)?.marks;
        let v = !m.reviewed.value;
        m.reviewed.set(v, now);
        Some(v)
    }

    /// Turns the star on or off; returns the new value.
    pub fn toggle_starred(&mut self, i: usize, now: u64) -> Option<bool> {
        let m = &mut self.entries.get_mut(i)?.marks;
        let v = !m.starred.value;
        m.starred.set(v, now);
        Some(v)
    }

    /// Sets the note (trailing blank lines dropped; an empty one deletes
    /// it). Returns whether it changed.
    pub fn set_note(&mut self, i: usize, note: &str, now: u64) -> bool {
        let Some(e) = self.entries.get_mut(i) else {
            return false;
        };
        let note = note.trim_end();
        if e.marks.note.value == note {
            return false;
        }
        e.marks.note.set(note.to_string(), now);
        true
    }
}

fn entry(it: Item) -> Entry {
    Entry {
        record: it.id.clone(),
        id: it.id,
        anchor: it.anchor,
        target: Some(it.target),
        span: Some(it.span),
        marks: Marks::default(),
        anchored: it.anchored,
    }
}

/// How much two spans overlap: the shared bytes over the bytes of either.
fn jaccard(a: Span, b: Span) -> f64 {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let union = a.end.max(b.end) - a.start.min(b.start);
    if union == 0 {
        return 0.0;
    }
    f64::from(inter) / f64::from(union)
}

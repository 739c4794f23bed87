//! The names the document's actors go by, as a headline or a bare
//! capitalised word may use them: each name mention, each actor's name and
//! a person's surname, found by their first word (lower case).
//!
//! Built once per document, at the first question, and cheaply: the names
//! stay slices of the text (their words are split when a candidate is
//! compared), indexed by a hash of their first word in one sorted vector.

use std::hash::BuildHasher;

use crate::lexicon::norm_word;
use crate::model::{Actor, ActorId, ActorKind, MentionKind};
use crate::span::Span;

/// The names, by the hash of their first word; in actor order within a
/// hash (so that ties between actors fall as the actor order says).
pub(super) struct NameIndex {
    entries: Vec<(u64, ActorId, NameAt)>,
}

/// Where a name is written: a byte range of the document's text, or of
/// the actor's name.
#[derive(Clone, Copy)]
enum NameAt {
    Text(Span),
    Actor(u32, u32),
}

fn key(first_word: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(first_word)
}

impl NameIndex {
    pub fn new(text: &str, actors: &[Actor]) -> NameIndex {
        let mut entries = Vec::new();
        let mut bufs = (String::new(), String::new());
        let mut texts: Vec<(&str, NameAt)> = Vec::new();
        for (i, a) in actors.iter().enumerate() {
            let id = ActorId::new(i);
            let name = a.name.as_str();
            texts.clear();
            texts.extend(
                a.mentions
                    .iter()
                    .filter(|m| m.kind == MentionKind::Name)
                    .map(|m| (m.span.text(text), NameAt::Text(m.span)))
                    .chain(std::iter::once((name, NameAt::Actor(0, name.len() as u32)))),
            );
            texts.sort_unstable_by_key(|t| t.0);
            texts.dedup_by_key(|t| t.0);
            for &(t, at) in &texts {
                add(&mut entries, id, at, t, &mut bufs);
            }
            // A person also goes by the last word of the last name form.
            if a.kind == ActorKind::Person
                && let Some(&(t, at)) = texts.last()
                && let Some(surname) = raw_words(t).last()
            {
                let off = (surname.as_ptr() as usize - t.as_ptr() as usize) as u32;
                let len = surname.len() as u32;
                let at = match at {
                    NameAt::Text(s) => NameAt::Text(Span {
                        start: s.start + off,
                        end: s.start + off + len,
                    }),
                    NameAt::Actor(s, _) => NameAt::Actor(s + off, s + off + len),
                };
                add(&mut entries, id, at, surname, &mut bufs);
            }
        }
        // Stable: actor order within a hash.
        entries.sort_by_key(|e| e.0);
        NameIndex { entries }
    }

    /// The names (as written in `text` or the names of `actors`, those the
    /// index was built from) that may start with the lower-case word
    /// `first`, with their actors, in actor order; a caller compares their
    /// words (see [`split_words`]): a hash may be shared.
    pub fn starting_with<'t>(
        &'t self,
        first: &str,
        text: &'t str,
        actors: &'t [Actor],
    ) -> impl Iterator<Item = (&'t str, ActorId)> + 't {
        let k = key(first);
        let at = self.entries.partition_point(|e| e.0 < k);
        self.entries[at..]
            .iter()
            .take_while(move |e| e.0 == k)
            .map(move |&(_, a, at)| {
                let name = match at {
                    NameAt::Text(s) => s.text(text),
                    NameAt::Actor(s, e) => &actors[a].name[s as usize..e as usize],
                };
                (name, a)
            })
    }
}

/// Adds name `t` (at `at`) of actor `id`: a name of fewer than three
/// letters (lower-cased) is too ambiguous to use. `bufs`: scratch.
fn add(
    entries: &mut Vec<(u64, ActorId, NameAt)>,
    id: ActorId,
    at: NameAt,
    t: &str,
    bufs: &mut (String, String),
) {
    let mut words = raw_words(t);
    let Some(first) = words.next() else {
        return;
    };
    let (first_low, other) = bufs;
    norm_word(first, first_low);
    // The letters of the lower-case words, counted until there are enough.
    let mut letters = first_low.len();
    for w in words {
        if letters >= 3 {
            break;
        }
        letters += if w.is_ascii() {
            w.len()
        } else {
            norm_word(w, other);
            other.len()
        };
    }
    if letters >= 3 {
        entries.push((key(first_low), id, at));
    }
}

/// The words of `s` (letters, digits, inner hyphens and apostrophes), as
/// written.
fn raw_words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
}

/// The words of `s` in lower case (see [`norm_word`]) into `out`, whose
/// strings are reused.
pub(super) fn split_words(s: &str, out: &mut Vec<String>) {
    let mut n = 0;
    for w in raw_words(s) {
        if out.len() <= n {
            out.push(String::new());
        }
        norm_word(w, &mut out[n]);
        n += 1;
    }
    out.truncate(n);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mention;

    fn actor(name: &str, kind: ActorKind, mentions: &[Span]) -> Actor {
        Actor {
            name: name.to_string(),
            kind,
            role: None,
            mentions: mentions
                .iter()
                .map(|&span| Mention {
                    span,
                    kind: MentionKind::Name,
                })
                .collect(),
        }
    }

    #[test]
    fn names_are_found_by_their_first_word_in_actor_order() {
        let text = "Maria Vance of Northwind Shipping met Vance and Northwind.";
        let actors = [
            actor(
                "Maria Vance",
                ActorKind::Person,
                &[Span::new(0, 11), Span::new(38, 43)],
            ),
            actor(
                "Northwind Shipping",
                ActorKind::Organization,
                &[Span::new(15, 33)],
            ),
            actor("Vance Ltd", ActorKind::Organization, &[]),
            actor("Al", ActorKind::Person, &[]),
        ];
        let index = NameIndex::new(text, &actors);
        let names = |w: &str| -> Vec<(&str, usize)> {
            index
                .starting_with(w, text, &actors)
                .map(|(n, a)| (n, a.index()))
                .collect()
        };
        // The person's surname (from its last name form) and the firm.
        let vance = names("vance");
        assert!(vance.contains(&("Vance", 0)), "{vance:?}");
        assert!(vance.contains(&("Vance Ltd", 2)), "{vance:?}");
        assert!(vance.iter().position(|n| n.1 == 0) < vance.iter().position(|n| n.1 == 2));
        assert_eq!(names("maria"), [("Maria Vance", 0)]);
        assert_eq!(names("northwind"), [("Northwind Shipping", 1)]);
        // Too short to be told apart; no name starts so.
        assert!(names("al").is_empty());
        assert!(names("shipping").is_empty());
    }
}

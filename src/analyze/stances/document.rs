//! What the stance rules know about the document's actors: their mentions
//! and the speech quotes in text order, what a person's description says
//! (an analyst? of which country or organisation?), the article's main
//! country and organisation, and the names a headline may use.

use std::cell::OnceCell;
use std::collections::HashMap;

use super::names::{NameIndex, split_words};
use crate::lexicon::{Lexicon, PlaceRole};
use crate::model::{Actor, ActorId, ActorKind, MentionKind, Quote};
use crate::span::Span;

/// What a person's role, first mentions and apposition say.
#[derive(Clone, Copy, Debug, Default)]
struct PersonFacts {
    /// Described as an analyst (not a party).
    analyst: bool,
    /// The country the person is introduced with ("French minister").
    country: Option<ActorId>,
    /// The organisation named in the description ("president of the
    /// American Farm Bureau").
    org: Option<ActorId>,
}

/// What the rules need to know about the actors of a document.
pub(super) struct Doc<'a> {
    pub actors: &'a [Actor],
    /// All mentions, sorted by start: (span, actor).
    pub marks: Vec<(Span, ActorId)>,
    /// Speech quotes, sorted by start: (span, speaker).
    pub quotes: Vec<(Span, Option<ActorId>)>,
    /// What each person's descriptions tell, read at the first question
    /// (most actors never hold a position).
    facts: Vec<OnceCell<PersonFacts>>,
    sentences: &'a [Span],
    lex: &'a Lexicon,
    /// Country actors by name.
    countries: HashMap<&'a str, ActorId>,
    /// The most-mentioned country: "the government" with no other clue.
    pub main_country: Option<ActorId>,
    /// The most-mentioned organisation: "the company", "the organization".
    pub main_org: Option<ActorId>,
    /// The actors' names: what a headline may call an actor. Built at the
    /// first headline.
    names: OnceCell<NameIndex>,
    text: &'a str,
}

/// The actors of a list with their ids.
fn with_ids(actors: &[Actor]) -> impl Iterator<Item = (ActorId, &Actor)> {
    actors.iter().enumerate().map(|(i, a)| (ActorId::new(i), a))
}

impl<'a> Doc<'a> {
    pub fn new(
        text: &'a str,
        sentences: &'a [Span],
        actors: &'a [Actor],
        quotes: &[Quote],
        lex: &'a Lexicon,
    ) -> Doc<'a> {
        // In text order (by start; mentions do not overlap).
        let marks = by_start(
            with_ids(actors)
                .flat_map(|(a, act)| act.mentions.iter().map(move |m| (m.span, a)))
                .collect(),
        );
        let mut qs: Vec<(Span, Option<ActorId>)> = quotes
            .iter()
            .filter(|q| q.speech)
            .map(|q| (q.span, q.speaker.as_ref().map(|s| s.actor)))
            .collect();
        qs.sort_by_key(|(s, _)| s.start);

        let countries: HashMap<&str, ActorId> = with_ids(actors)
            .filter(|(_, a)| a.kind == ActorKind::Country)
            .map(|(i, a)| (a.name.as_str(), i))
            .collect();
        let most = |kind: ActorKind| {
            with_ids(actors)
                .filter(|(_, a)| a.kind == kind)
                .max_by_key(|(i, a)| (a.mentions.len(), std::cmp::Reverse(*i)))
                .map(|(i, _)| i)
        };
        let main_country = most(ActorKind::Country);
        let main_org = most(ActorKind::Organization);
        Doc {
            actors,
            marks,
            quotes: qs,
            facts: vec![OnceCell::new(); actors.len()],
            sentences,
            lex,
            countries,
            main_country,
            main_org,
            names: OnceCell::new(),
            text,
        }
    }

    pub fn kind_of(&self, a: ActorId) -> ActorKind {
        self.actors[a].kind
    }

    /// Whether the person is described as an analyst (not a party).
    pub fn analyst(&self, a: ActorId) -> bool {
        self.facts(a).analyst
    }

    /// The country a person is introduced with.
    pub fn country_of(&self, a: ActorId) -> Option<ActorId> {
        self.facts(a).country
    }

    /// The organisation a person's description names.
    pub fn org_of(&self, a: ActorId) -> Option<ActorId> {
        self.facts(a).org
    }

    fn facts(&self, i: ActorId) -> PersonFacts {
        *self.facts[i.index()].get_or_init(|| self.read_facts(i))
    }

    fn read_facts(&self, i: ActorId) -> PersonFacts {
        let mut f = PersonFacts::default();
        let a = &self.actors[i];
        if a.kind != ActorKind::Person {
            return f;
        }
        let text = self.text;
        // The role, the first name mentions and role-like mentions ("the
        // analyst"), and the apposition after the first name ("X, director
        // of a studies centre, said").
        let mut desc: Vec<Span> = a.role.into_iter().collect();
        desc.extend(
            a.mentions
                .iter()
                .filter(|m| m.kind != MentionKind::Pronoun)
                .take(4)
                .map(|m| m.span),
        );
        if let Some(m) = a.mentions.iter().find(|m| m.kind == MentionKind::Name) {
            desc.push(apposition(text, m.span, self.sentences));
        }
        let mut words: Vec<String> = Vec::new();
        let analyst = &self.lex.stances.analyst;
        for d in desc {
            split_words(d.text(text), &mut words);
            if (0..words.len()).any(|k| analyst.matches_at(&words, k)) {
                f.analyst = true;
            }
            if f.country.is_none() {
                f.country = demonym_country(d.text(text), self.lex, &self.countries);
            }
            if f.org.is_none() {
                let marks = &self.marks;
                let at = marks.partition_point(|(s, _)| s.start < d.start);
                f.org = marks[at..]
                    .iter()
                    .take_while(|(s, _)| s.start < d.end)
                    .find(|(_, b)| *b != i && self.actors[*b].kind == ActorKind::Organization)
                    .map(|(_, b)| *b);
            }
        }
        f
    }

    /// The actors' names by their first word (with [`Self::text`] and
    /// [`Self::actors`], what they are written in).
    pub fn name_index(&self) -> &NameIndex {
        self.names
            .get_or_init(|| NameIndex::new(self.text, self.actors))
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The actor a headline names before `trigger`, the nearest to it:
    /// "NAKASONE REFUSES …" names Yasuhiro Nakasone. Only actors that also
    /// appear outside the headline count.
    pub fn named_in(&self, head: Span, trigger: Option<Span>) -> Option<ActorId> {
        let end = trigger.map_or(head.end, |t| t.start).max(head.start);
        let mut words = Vec::new();
        split_words(
            Span {
                start: head.start,
                end,
            }
            .text(self.text),
            &mut words,
        );
        let index = self.name_index();
        let mut form = Vec::new();
        // (end word, length, actor): the nearest to the cue, then the longest.
        let mut best: Option<(usize, usize, ActorId)> = None;
        for j in 0..words.len() {
            for (name, a) in index.starting_with(&words[j], self.text, self.actors) {
                split_words(name, &mut form);
                let fits = words
                    .get(j..j + form.len())
                    .is_some_and(|w| w == form.as_slice());
                let elsewhere = self.actors[a]
                    .mentions
                    .iter()
                    .any(|m| !head.contains(m.span));
                let key = (j + form.len(), form.len(), a);
                if fits && elsewhere && best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
                    best = Some(key);
                }
            }
        }
        best.map(|(_, _, a)| a)
    }
}

/// The text after a name up to the end of its apposition: from a comma
/// right after it to the next reporting word or the sentence end (at most
/// 160 bytes).
fn apposition(text: &str, name: Span, sentences: &[Span]) -> Span {
    let start = name.end as usize;
    let rest = &text[start..];
    if !rest.trim_start().starts_with(',') {
        return Span::new(start, start);
    }
    let si = sentences.partition_point(|s| s.end <= name.start);
    let limit = sentences
        .get(si)
        .map_or(text.len(), |s| s.end as usize)
        .min(start + 160);
    let mut end = limit.max(start);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[start..end];
    let cut = [" said", " told", " says", " added", " tells"]
        .iter()
        .filter_map(|w| window.find(w))
        .min()
        .unwrap_or(window.len());
    Span::new(start, start + cut)
}

/// Mentions sorted by start, stably.
fn by_start(v: Vec<(Span, ActorId)>) -> Vec<(Span, ActorId)> {
    crate::span::sort_by_offset(v, |m| m.0.start)
}

/// The country actor a description names by demonym or name ("French").
fn demonym_country(desc: &str, lex: &Lexicon, by_name: &HashMap<&str, ActorId>) -> Option<ActorId> {
    let words: Vec<&str> = desc
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    (0..words.len()).find_map(|k| {
        // Place names and demonyms are capitalised.
        if !words[k].starts_with(char::is_uppercase) {
            return None;
        }
        let (_, place) = lex.places.longest(|j| words.get(k + j).copied())?;
        if matches!(place.role, PlaceRole::Demonym | PlaceRole::Name) {
            by_name.get(lex.countries[place.country].as_str()).copied()
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_sort_by_start_stably() {
        // A deterministic shuffle of 3,000 spans over a 300 kB range, with ties.
        let mut v: Vec<(Span, ActorId)> = (0..3000u64)
            .map(|i| {
                let start = ((i * 7919) % 2999 * 97) as usize;
                (Span::new(start, start + 3), ActorId::new(i as usize))
            })
            .collect();
        v.push((Span::new(5, 9), ActorId::new(9999)));
        v.push((Span::new(5, 7), ActorId::new(9998)));
        let mut want = v.clone();
        want.sort_by_key(|(s, _)| s.start);
        assert_eq!(by_start(v), want);
    }
}

//! The clause around a cue: its verb group (auxiliaries, negations,
//! adverbs), the subject before it, a possessor, a passive and its agent,
//! and how a mention reads (a subject, an object of a preposition, a
//! possessor). Nothing here asks who speaks.

use super::sentence::Sent;
use crate::lexicon::{Lexicon, Tab};
use crate::model::{ActorId, ActorKind};

/// The subject found before a verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Subj {
    /// An actor mention (folded: "his government" → the country).
    Actor(ActorId),
    /// "I" (false) or "we" (true): the speaker, or the side the speaker
    /// stands for.
    First(bool),
    /// A pronoun that is no mention (index of the word).
    Pronoun(usize),
    /// After a comma: an apposition or participle; the subject is the head
    /// of the apposition or of the sentence.
    Comma(usize),
    /// After "and", "but": the subject of the clause before.
    Conj(usize),
    /// After "who", "which": the antecedent.
    Rel(usize),
    /// "its board", "the government": the possessor's side.
    OrgPart(usize),
    /// "X's" right before a noun cue ("Iraq's rejection").
    Possessor(ActorId),
    /// A noun phrase that is no actor ("the growth targets"), with the actor
    /// that modifies it if any ("US officials") and whether the noun speaks
    /// for its modifier ("officials", "sources").
    Noun(Option<ActorId>, bool),
    /// Nothing before the verb.
    None,
}

impl Sent<'_> {
    pub fn is_preposition(&self, i: usize) -> bool {
        self.has(i, Tab::Prepositions) && self.low(i) != "by"
    }

    /// Whether the mention starting at word `ms` is the object of a
    /// preposition ("of Iran", "of the Nile").
    pub fn object_at(&self, ms: usize) -> bool {
        let Some(p) = ms.checked_sub(1) else {
            return false;
        };
        if self.is(p, &["the", "a", "an"]) {
            return p > 0 && self.is_preposition(p - 1);
        }
        self.is_preposition(p)
    }

    /// Whether the mention word `k` is in reads as a subject: no object of
    /// a preposition, no possessor, no modifier of a noun ("EC member
    /// states"; "US officials" speaks for its country and counts).
    pub fn subject_like(&self, k: usize) -> bool {
        let ms = self.mention_start(k);
        let me = self.mention_end(k);
        if self.object_at(ms) {
            return false;
        }
        let Some(next) = self.words.get(me) else {
            return true;
        };
        let l = self.low(me);
        if l == "'s" || self.has(me, Tab::AnonymousGroups) {
            return false;
        }
        if next.punct || next.capital || next.actor.is_some() {
            return true;
        }
        self.in_group(me)
            || self.has(me, Tab::Reporting)
            || self.has(me, Tab::SpeakerNouns)
            || self.cue_at(me).is_some()
            || l.ends_with("ed")
            || l.ends_with('s')
            || matches!(l, "who" | "which" | "that")
    }

    /// The actor of the mention word `i` is in, folded: a person's "his
    /// government" or "his country" stands for that person's country.
    pub fn folded(&self, i: usize) -> Option<ActorId> {
        let (a, _) = self.words[i].actor?;
        let last = self.mention_end(i) - 1;
        if self.kind_of(a) == ActorKind::Person && self.has(last, Tab::CountryParts) {
            return self.doc.country_of(a).or(self.doc.main_country);
        }
        Some(a)
    }

    /// Whether word `i` belongs to a verb group (auxiliaries, negations,
    /// adverbs) skipped between a subject and its verb.
    pub fn in_group(&self, i: usize) -> bool {
        let w = &self.words[i];
        if w.punct || w.actor.is_some() {
            return false;
        }
        let l = self.low(i);
        // "he's not going to", "they're": a contracted "is", "are".
        if matches!(l, "'s" | "'re" | "'m") {
            return l != "'s" || (i > 0 && self.is(i - 1, &["he", "she", "it", "that", "there"]));
        }
        self.has(i, Tab::VerbGroup)
            || self.has(i, Tab::Negations)
            || (l.len() > 4 && l.ends_with("ly") && !w.capital && l != "only")
    }

    /// The first word of the verb group that ends before word `i`.
    pub fn group_start(&self, i: usize) -> usize {
        let mut j = i;
        while j > 0 && i - j < 8 {
            if self.in_group(j - 1) {
                j -= 1;
            } else if j >= 2 && self.time_phrase(j - 2) {
                // "X on Monday said", "X late on Thursday rejected".
                j -= 2;
            } else {
                break;
            }
        }
        j
    }

    /// "on Monday", "in March", "last week": a time phrase of two words
    /// starting at `k`.
    fn time_phrase(&self, k: usize) -> bool {
        self.is(
            k,
            &[
                "on", "in", "last", "this", "next", "late", "early", "earlier",
            ],
        ) && (self.is(k + 1, &["week", "month", "year", "night", "weekend"])
            || Lexicon::has(&self.lex.calendar, self.low(k + 1)))
    }

    /// Whether the verb group `[g, i)` holds a negation.
    pub fn negated(&self, g: usize, i: usize) -> bool {
        (g..i).any(|k| self.has(k, Tab::Negations))
            || (g..i).any(|k| self.low(k) == "no" && self.low(k + 1) == "longer")
    }

    /// The possessor of the noun at `k` ("Iraq's", "its", "my"), if any,
    /// with at most one adjective between ("our major commitment").
    pub fn possessor(&self, k: usize) -> Option<Subj> {
        self.possessor_at(k.checked_sub(1)?).or_else(|| {
            // Only a pronoun reaches over a word: "Chile's oil demand" is
            // no demand of Chile's.
            let adj = k.checked_sub(1)?;
            let p = adj.checked_sub(1)?;
            if self.words[adj].punct
                || self.words[adj].actor.is_some()
                || !self.is(p, &["my", "our", "its", "their", "his", "her"])
            {
                return None;
            }
            self.possessor_at(p)
        })
    }

    fn possessor_at(&self, p: usize) -> Option<Subj> {
        match self.low(p) {
            "'s" if p > 0 => {
                if self.words[p - 1].actor.is_some() {
                    self.folded(p - 1).map(Subj::Possessor)
                } else if self.has(p - 1, Tab::OrgParts) {
                    Some(Subj::OrgPart(p - 1))
                } else {
                    None
                }
            }
            "my" => Some(Subj::First(false)),
            "our" => Some(Subj::First(true)),
            "its" | "their" | "his" | "her" => Some(Subj::Pronoun(p)),
            _ => None,
        }
    }

    /// The subject before the verb group that ends at word `i`.
    pub fn subject(&self, i: usize) -> Subj {
        let j = self.group_start(i);
        if j == 0 {
            return Subj::None;
        }
        let k = j - 1;
        let w = &self.words[k];
        if w.actor.is_some() {
            let ms = self.mention_start(k);
            if self.object_at(ms) {
                return Subj::Noun(None, false);
            }
            return match self.folded(k) {
                Some(a) => Subj::Actor(a),
                None => Subj::Noun(None, false),
            };
        }
        let l = self.low(k);
        match l {
            "we" => Subj::First(true),
            "i" => Subj::First(false),
            "he" | "she" | "it" | "they" => Subj::Pronoun(k),
            "," | "--" | "-" | "—" => Subj::Comma(k),
            "and" | "but" | "or" => Subj::Conj(k),
            "who" | "which" | "that" => Subj::Rel(k),
            "'s" if k > 0 => self.possessor(k + 1).unwrap_or(Subj::Noun(None, false)),
            _ if self.has(k, Tab::OrgParts) => Subj::OrgPart(k),
            _ if self.has(k, Tab::OwnerNouns) => {
                // "my pledge to veto": the pledge's owner.
                self.possessor(k).unwrap_or(Subj::Noun(None, false))
            }
            _ => {
                // A noun modified by an actor: "US officials", "the Farm
                // Bureau proposal", "the Nile Ledger news site".
                let lo = k.saturating_sub(2);
                let modifier = (lo..k)
                    .rev()
                    .take_while(|&j| {
                        self.words[j].actor.is_some()
                            || (!self.words[j].punct && !self.words[j].capital)
                    })
                    .find(|&j| self.words[j].actor.is_some())
                    .and_then(|j| self.folded(j));
                Subj::Noun(modifier, self.has(k, Tab::SpeakerNouns))
            }
        }
    }

    /// The antecedent of "who"/"which" at `k`.
    pub fn antecedent(&self, k: usize) -> Option<ActorId> {
        let mut j = k.checked_sub(1)?;
        if self.low(j) == "," {
            j = j.checked_sub(1)?;
        }
        self.words[j].actor.and_then(|_| self.folded(j))
    }

    /// The agent of a passive: "demanded by the National Liberation Army".
    pub fn by_agent(&self, end: usize) -> Option<ActorId> {
        if self.low(end) != "by" {
            return None;
        }
        (end + 1..(end + 7).min(self.words.len()))
            .take_while(|&k| !self.words[k].punct || self.low(k) == "(")
            .find_map(|k| {
                if self.words[k].actor.is_some() {
                    self.folded(k)
                } else {
                    None
                }
            })
    }

    /// Whether the verb at `i` is a passive without its agent ("would be
    /// rejected"): then its subject is what is acted on.
    pub fn passive(&self, g: usize, i: usize, end: usize) -> bool {
        let be = (g..i).any(|k| self.is(k, &["be", "is", "are", "was", "were", "been", "being"]));
        let participle = self.low(end - 1).ends_with("ed") || self.low(end - 1).ends_with("en");
        be && participle && self.low(end) != "to" && self.by_agent(end).is_none()
    }
}

//! Who holds a stance: the actor a subject, a pronoun, a possessor or a
//! named party stands for.
//!
//! The subject is read back from the verb over its auxiliaries and adverbs
//! (`clause.rs`): an actor mention (not the object of a preposition, not a
//! possessor), "we" (the speaker's side: the organisation or country of its
//! description), "I" (the speaker), a pronoun (the nearest compatible
//! subject-like mention, in this sentence or the one before), "its board" /
//! "the company" (the possessor, or the article's main organisation), "the
//! government" (the article's main country), the agent of a passive
//! ("demanded by X"), the head of an apposition after a comma, or the first
//! subject of the clause after "and". Speakers come from `speakers.rs`.

use std::cell::OnceCell;

use super::WINDOW;
use super::clause::Subj;
use super::names::split_words;
use super::sentence::Sent;
use super::speakers::{self, Rep, Voices};
use crate::lexicon::Tab;
use crate::model::{ActorId, ActorKind, MentionKind};

/// The holders of one sentence's stances.
pub(super) struct Holders<'s> {
    s: &'s Sent<'s>,
    /// The sentence's reporting clauses, found at the first question
    /// about speakers.
    reps: OnceCell<Vec<Rep>>,
    /// Whether to know only the quotes' speakers: what finding the
    /// reporting clauses themselves may ask (a reporter's subject is never
    /// the speaker of another reporting clause).
    quotes_only: bool,
}

impl<'s> Holders<'s> {
    pub fn new(s: &'s Sent<'s>) -> Holders<'s> {
        Holders {
            s,
            reps: OnceCell::new(),
            quotes_only: false,
        }
    }

    /// Holders that know the quotes' speakers and no reporting clause.
    fn quotes_only(s: &'s Sent<'s>) -> Holders<'s> {
        Holders {
            quotes_only: true,
            ..Holders::new(s)
        }
    }

    /// The sentence's reporting clauses (none when `quotes_only`).
    pub fn reps(&self) -> &[Rep] {
        if self.quotes_only {
            return &[];
        }
        self.reps.get_or_init(|| {
            let reporters = Holders::quotes_only(self.s);
            speakers::reporting(self.s, |subj, k| reporters.subject_actor(subj, k, false))
        })
    }

    /// Who speaks in the sentence.
    pub fn voices(&self) -> Voices<'_> {
        Voices::new(self.s, self.reps())
    }

    /// Who says what word `i` is in.
    pub fn speaker(&self, i: usize) -> Option<ActorId> {
        self.voices().speaker(i)
    }

    /// Who reports word `i`, other than `holder`.
    pub fn source(&self, i: usize, holder: Option<ActorId>) -> Option<ActorId> {
        self.voices().source(i, holder)
    }

    /// The nearest mention before this sentence (back to the previous
    /// sentence's start) whose actor passes `ok`.
    fn earlier(&self, ok: impl Fn(ActorKind) -> bool) -> Option<ActorId> {
        self.s.doc.marks[..self.s.first_mark]
            .iter()
            .rev()
            .take(WINDOW)
            .take_while(|(s, _)| s.start >= self.s.prev_start)
            .find(|(_, a)| ok(self.s.kind_of(*a)))
            .map(|(_, a)| *a)
    }

    /// The actor a pronoun that is no mention stands for: the nearest
    /// compatible subject-like mention before it in the sentence, else in
    /// the sentence before.
    fn resolve_pronoun(&self, k: usize) -> Option<ActorId> {
        let person = matches!(self.s.low(k), "he" | "she" | "his" | "her" | "him");
        let lo = k.saturating_sub(WINDOW);
        let here = (lo..k).rev().find_map(|j| {
            let (a, _) = self.s.words[j].actor?;
            if (self.s.kind_of(a) == ActorKind::Person) != person || !self.s.subject_like(j) {
                return None;
            }
            self.s.folded(j)
        });
        here.or_else(|| self.earlier(|kind| (kind == ActorKind::Person) == person))
    }

    /// The side a speaker stands for when saying "we": the organisation or
    /// country of its description, else (for an office holder) the
    /// document's main country; an analyst, an anonymous source or a
    /// non-person speaks for itself.
    fn side(&self, speaker: ActorId) -> ActorId {
        let a = &self.s.doc.actors[speaker];
        if a.kind != ActorKind::Person || self.s.doc.analyst(speaker) {
            return speaker;
        }
        let office = a.role.is_some() && a.mentions.iter().any(|m| m.kind == MentionKind::Name);
        self.s
            .doc
            .org_of(speaker)
            .or(self.s.doc.country_of(speaker))
            .or(self.s.doc.main_country.filter(|_| office))
            .unwrap_or(speaker)
    }

    /// The subject of the clause before a comma: the head of an apposition
    /// ("…, Jorge Cadenas, manager of …, said"), else the sentence's first
    /// subject-like actor.
    fn comma_subject(&self, k: usize) -> Option<ActorId> {
        let lo = k.saturating_sub(WINDOW);
        let mut j = k;
        while j > lo {
            j -= 1;
            if self.s.words[j].actor.is_none() {
                continue;
            }
            let ms = self.s.mention_start(j);
            let me = self.s.mention_end(j);
            let head = self.s.low(me) == ","
                && (ms == 0 || matches!(self.s.low(ms - 1), "," | ";" | "--" | "-"));
            if head && me < k {
                return self.s.folded(j);
            }
            j = ms;
        }
        self.first_subject(k)
    }

    /// The first subject-like actor of the clause before word `k` (from the
    /// last reporting verb or "that" before it, else the sentence start).
    fn first_subject(&self, k: usize) -> Option<ActorId> {
        let lo = k.saturating_sub(WINDOW);
        let clause = (lo..k)
            .rev()
            .find(|&j| {
                self.s.is(j, &["that", ";"])
                    || (self.s.has(j, Tab::Reporting) && self.s.words[j].actor.is_none())
            })
            .map_or(lo, |j| j + 1);
        let found = self.first_subject_from(clause, k);
        if found.is_some() || clause == lo {
            return found;
        }
        self.first_subject_from(lo, k)
    }

    fn first_subject_from(&self, lo: usize, k: usize) -> Option<ActorId> {
        let mut j = lo;
        while j < k {
            if self.s.words[j].actor.is_some() {
                if self.s.subject_like(j) {
                    return self.s.folded(j);
                }
                j = self.s.mention_end(j);
                continue;
            }
            if self.s.is(j, &["he", "she"]) {
                return self.resolve_pronoun(j);
            }
            if self.s.is(j, &["it", "they"]) {
                return self.resolve_pronoun_org(j);
            }
            j += 1;
        }
        None
    }

    /// "its board", "his government", "the government", "the company": the
    /// possessor's side; a person's government or country is that person's
    /// country.
    fn org_part(&self, k: usize, i: usize) -> Option<ActorId> {
        let country_like = self.s.has(k, Tab::CountryParts);
        let p = k.checked_sub(1)?;
        let owner_word = if self.s.low(p) == "'s" {
            p.checked_sub(1)
        } else {
            Some(p)
        };
        let owner = match owner_word {
            Some(w) if self.s.words[w].actor.is_some() => self.s.folded(w),
            _ => match self.s.low(p) {
                "its" | "their" => self.resolve_pronoun_org(p).or_else(|| self.speaker(i)),
                "his" | "her" => self.resolve_pronoun(p).or_else(|| self.speaker(i)),
                "the" | "this" if country_like => return self.s.doc.main_country,
                "the" | "this" => {
                    // "the company", "the organization": one named before in
                    // the sentence, else the article's main organisation.
                    let lo = k.saturating_sub(WINDOW);
                    return (lo..k)
                        .rev()
                        .find_map(|j| {
                            let (a, _) = self.s.words[j].actor?;
                            (self.s.kind_of(a) == ActorKind::Organization && self.s.subject_like(j))
                                .then_some(a)
                        })
                        .or(self.s.doc.main_org);
                }
                "our" => self.speaker(i).map(|s| self.side(s)),
                _ => None,
            },
        }?;
        if country_like && self.s.kind_of(owner) == ActorKind::Person {
            return self.s.doc.country_of(owner).or(self.s.doc.main_country);
        }
        Some(owner)
    }

    fn resolve_pronoun_org(&self, k: usize) -> Option<ActorId> {
        let lo = k.saturating_sub(WINDOW);
        let here = (lo..k).rev().find_map(|j| {
            if self.s.words[j].actor.is_none()
                && j > 0
                && self.s.is(j - 1, &["the", "this"])
                && self.s.has(j, Tab::OrgParts)
            {
                return self.org_part(j, k);
            }
            let (a, _) = self.s.words[j].actor?;
            (self.s.kind_of(a) != ActorKind::Person && self.s.subject_like(j))
                .then(|| self.s.folded(j))
                .flatten()
        });
        here.or_else(|| self.earlier(|kind| kind != ActorKind::Person))
    }

    /// The actor a subject stands for; unresolved pronouns are the speaker
    /// when `speaker_ok`.
    pub fn subject_actor(&self, s: Subj, i: usize, speaker_ok: bool) -> Option<ActorId> {
        match s {
            Subj::Actor(a) | Subj::Possessor(a) => Some(a),
            Subj::First(we) => {
                let sp = self.speaker(i)?;
                Some(if we { self.side(sp) } else { sp })
            }
            Subj::Pronoun(k) => {
                let r = if self.s.is(k, &["it", "they", "its", "their"]) {
                    self.resolve_pronoun_org(k)
                } else {
                    self.resolve_pronoun(k)
                };
                r.or_else(|| if speaker_ok { self.speaker(i) } else { None })
            }
            Subj::Comma(k) => self.comma_subject(k),
            Subj::Conj(k) => {
                // "he said X was …, and urged Y": a speech verb coordinated
                // after a reporting clause is the reporter's.
                let speech = self
                    .s
                    .lex
                    .speech_base(self.s.low(i))
                    .is_some_and(|b| !self.s.lex.weak_cues.contains(b));
                match self.reps().iter().rev().find(|r| r.verb < k) {
                    Some(r) if speech => Some(r.who),
                    _ => self.first_subject(k),
                }
            }
            Subj::Rel(k) => self.s.antecedent(k),
            Subj::OrgPart(k) => self.org_part(k, i),
            Subj::Noun(..) | Subj::None => None,
        }
    }

    /// The holder of a verb cue: the passive's agent or the subject. In a
    /// headline the holder comes later (`Some(None)`).
    pub fn holder_of_verb(
        &self,
        i: usize,
        end: usize,
        speaker_ok: bool,
    ) -> Option<Option<ActorId>> {
        if self.s.headline {
            return Some(None);
        }
        if let Some(a) = self.s.by_agent(end) {
            return Some(Some(a));
        }
        // A cue that starts with "we"/"I": "we need", "we expect".
        if self.s.is(i, &["we", "i"]) {
            return self
                .subject_actor(Subj::First(self.s.is(i, &["we"])), i, false)
                .map(Some);
        }
        let g = self.s.group_start(i);
        if self.s.passive(g, i, end) {
            return None;
        }
        // A gerund after a preposition: "in rejecting the offer".
        if g > 0 && self.s.low(i).ends_with("ing") && self.s.is_preposition(g - 1) {
            return self.actor_before(g - 1).map(Some);
        }
        // A noun that carries its owner's stance: "its support of", "X's
        // commitment".
        let owned = self
            .s
            .sl
            .owner_nouns
            .has_word(self.s.low(i))
            .then(|| self.s.possessor(i))
            .flatten();
        let s = owned.unwrap_or_else(|| self.s.subject(i));
        let found = self.subject_actor(s, i, speaker_ok);
        if found.is_none() && g > 0 && self.s.low(g) == "to" && self.control(g - 1) {
            // Subject control: "vowed to veto", "threatened to block" are
            // the control verb's subject's.
            return self.holder_of_verb(g - 1, g, speaker_ok);
        }
        found.map(Some)
    }

    /// Whether word `k` is a verb of subject control ("vowed", "voted").
    fn control(&self, k: usize) -> bool {
        self.s.phrase_at(k, &self.s.sl.constructions.control) == Some(1)
    }

    /// The nearest subject-like actor before word `i`; pronouns resolved;
    /// "we" is the speaker's side.
    pub fn actor_before(&self, i: usize) -> Option<ActorId> {
        let lo = i.saturating_sub(WINDOW);
        let mut k = i;
        while k > lo {
            k -= 1;
            if self.s.words[k].actor.is_some() {
                if self.s.subject_like(k) {
                    return self.s.folded(k);
                }
                k = self.s.mention_start(k);
                continue;
            }
            match self.s.low(k) {
                "it" | "they" => {
                    if let Some(a) = self.resolve_pronoun_org(k) {
                        return Some(a);
                    }
                }
                "he" | "she" => {
                    if let Some(a) = self.resolve_pronoun(k) {
                        return Some(a);
                    }
                }
                "we" => return self.speaker(k).map(|s| self.side(s)),
                "i" => return self.speaker(k),
                _ => {}
            }
        }
        self.speaker(i)
    }

    /// A red line's holder when the phrase states it: "to X", "for X"
    /// right after, or "X's" right before.
    pub fn named_party(&self, i: usize, end: usize) -> Option<ActorId> {
        if self.s.is(end, &["to", "for"]) {
            let mut k = end + 1;
            if self.s.is(k, &["the"]) {
                k += 1;
            }
            if k < self.s.words.len() && self.s.words[k].actor.is_some() {
                return self.s.folded(k);
            }
            // A place after "to" may be no mention ("unacceptable to
            // Peru"): an actor named so elsewhere.
            if self.s.words.get(k).is_some_and(|w| w.capital) {
                return self.named_at(k);
            }
        }
        if i >= 2 && self.s.low(i - 1) == "'s" && self.s.words[i - 2].actor.is_some() {
            return self.s.folded(i - 2);
        }
        None
    }

    /// The actor whose name (as it is written elsewhere) starts at word `k`.
    fn named_at(&self, k: usize) -> Option<ActorId> {
        let doc = self.s.doc;
        let index = doc.name_index();
        let mut form = Vec::new();
        // The longest; of equals, the last actor's.
        let mut best: Option<(usize, ActorId)> = None;
        for (name, a) in index.starting_with(self.s.low(k), doc.text(), doc.actors) {
            split_words(name, &mut form);
            let fits = form
                .iter()
                .enumerate()
                .all(|(j, w)| k + j < self.s.words.len() && self.s.low(k + j) == w);
            if fits && best.is_none_or(|(len, _)| form.len() >= len) {
                best = Some((form.len(), a));
            }
        }
        best.map(|(_, a)| a)
    }

    /// The party a red line reported by an analyst is about: the country or
    /// organisation nearest to the cue in its sentence, other than the
    /// analyst.
    pub fn party_near(&self, i: usize, analyst: ActorId) -> Option<ActorId> {
        let mut best: Option<(usize, ActorId)> = None;
        let lo = i.saturating_sub(WINDOW);
        let hi = (i + WINDOW).min(self.s.words.len());
        for (k, w) in self.s.words.iter().enumerate().take(hi).skip(lo) {
            let Some((a, _)) = w.actor else { continue };
            if a == analyst
                || self.s.kind_of(a) == ActorKind::Person
                || self.s.doc.org_of(analyst) == Some(a)
            {
                continue;
            }
            let d = k.abs_diff(i);
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, self.s.folded(k).unwrap_or(a)));
            }
        }
        best.map(|(_, a)| a)
    }

    pub fn is_analyst(&self, a: Option<ActorId>) -> bool {
        a.is_some_and(|a| self.s.doc.analyst(a))
    }
}

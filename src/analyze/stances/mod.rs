//! Positions and red lines: for each sentence in which an identifiable
//! actor states, or is reported to hold, a stance, a [`Position`] with its
//! holder, kind, trigger phrase and whether it is a red line.
//!
//! The rules read the cue lists of `assets/lexicon/stances.toml` (see
//! [`crate::lexicon::StanceLexicon`]); nothing here names an article's words.
//!
//! Each part decides one thing:
//! * `input.rs` — which sentences may hold a position (the main pass asks),
//!   and their tokens as the main pass made them;
//! * `document.rs` — what the document's actors are (analysts, their
//!   countries and organisations, the main country, headline names);
//! * `names.rs` — the names the actors go by, by their first word;
//! * `sentence.rs` — a sentence's words, their lists, mentions and quotes;
//! * `speakers.rs` — who speaks for whom: quotes and reporting clauses;
//! * `clause.rs` — the verb group, subject, possessor, passive, agent;
//! * `holder.rs` — the actor a subject, pronoun or named party stands for;
//! * `hedges.rs` — hedges, cancelling phrases and questions;
//! * `rules.rs` — the cue rules, one per class of cue;
//! * `constructions.rs` — red lines of a construction: a negated modal
//!   with an action verb, conditions before or after a committed clause,
//!   "only … once", "stay … until", threats with a condition;
//! * `select.rs` — which candidates a sentence keeps; headline holders.
//!
//! # Cost
//! Linear in the text: every scan is bounded by the sentence and a fixed
//! window, lookups go through one bit set per word, and a sentence that
//! holds neither the longest word of some cue nor a negation is only
//! scanned.

mod clause;
mod constructions;
mod document;
mod hedges;
mod holder;
mod input;
mod names;
mod rules;
mod select;
mod sentence;
mod speakers;

pub(crate) use input::{Kept, may_hold};

use crate::lexicon::Lexicon;
use crate::model::{Actor, ActorId, Analysis, Position, Quote};
use crate::span::Span;
use document::Doc;
use input::Tokenizer;
use sentence::{Cursor, Scratch, Sent};

/// How far (in words) the backward scans look.
const WINDOW: usize = 40;
/// How far back a hedge governs a cue.
const HEDGE_WINDOW: usize = 14;
/// How far (in words) the content of a directive ("urged X to …") reaches.
const CONTENT_WINDOW: usize = 16;

/// The stance rules over one document: what they know of its actors,
/// built once for finding positions and for the holders asked later.
pub(crate) struct Stances<'a> {
    text: &'a str,
    sentences: &'a [Span],
    lex: &'a Lexicon,
    doc: Doc<'a>,
    /// The main pass's tokens (see [`Kept`]); without them every sentence
    /// read is tokenized here as the main pass does.
    kept: Option<&'a Kept>,
}

impl<'a> Stances<'a> {
    /// `sentences` are sorted and disjoint; `actors` carry their mentions
    /// and `quotes` their speakers.
    pub(crate) fn new(
        text: &'a str,
        sentences: &'a [Span],
        actors: &'a [Actor],
        quotes: &'a [Quote],
        lex: &'a Lexicon,
        kept: Option<&'a Kept>,
    ) -> Stances<'a> {
        Stances {
            text,
            sentences,
            lex,
            doc: Doc::new(text, sentences, actors, quotes, lex),
            kept,
        }
    }

    /// The stance rules over an analysis's sentences, actors and quotes,
    /// with the main pass's tokens when there was one.
    pub(crate) fn of(
        text: &'a str,
        analysis: &'a Analysis,
        lex: &'a Lexicon,
        kept: Option<&'a Kept>,
    ) -> Stances<'a> {
        Stances::new(
            text,
            &analysis.sentences,
            &analysis.actors,
            &analysis.quotes,
            lex,
            kept,
        )
    }

    /// The positions of the document: with the main pass's tokens, only
    /// the sentences that passed its gate are read. Sorted by start.
    pub(crate) fn find(&self) -> Vec<Position> {
        find(self.text, self.sentences, &self.doc, self.lex, self.kept)
    }

    /// See [`holders_at`].
    pub(crate) fn holders_at(&self, asks: &[(usize, Span)]) -> Vec<Option<ActorId>> {
        holders_at(
            self.text,
            self.sentences,
            &self.doc,
            self.lex,
            self.kept,
            asks,
        )
    }
}

fn find(
    text: &str,
    sentences: &[Span],
    doc: &Doc,
    lex: &Lexicon,
    kept: Option<&Kept>,
) -> Vec<Position> {
    let mut out: Vec<Position> = Vec::new();
    // Headline positions waiting for a holder: (index in `out`, sentence).
    let mut pending: Vec<(usize, usize)> = Vec::new();
    let mut scratch = Scratch::default();
    let mut cursor = Cursor::default();
    let mut tokenizer = Tokenizer::default();
    for (si, &span) in sentences.iter().enumerate() {
        let toks = match kept {
            Some(k) => k.sentence(si),
            None => tokenizer.sentence(text, span, lex),
        };
        // The analysis saw no word a stance needs: nothing to read here.
        let Some(toks) = toks else {
            select::fill_pending(&mut pending, &mut out, si, doc, sentences, false);
            continue;
        };
        let prev = si.checked_sub(1).map_or(span.start, |p| sentences[p].start);
        let sent = Sent::build(text, span, toks, prev, doc, lex, &mut scratch, &mut cursor);
        let headline = sent.headline;
        let cands = if sent.has_cues() {
            rules::candidates(&sent)
        } else {
            Vec::new()
        };
        let start = out.len();
        select::select(cands, span, headline, &mut out);
        if headline {
            pending.extend((start..out.len()).map(|i| (i, si)));
        }
        select::fill_pending(&mut pending, &mut out, si, doc, sentences, false);
    }
    select::fill_pending(
        &mut pending,
        &mut out,
        sentences.len(),
        doc,
        sentences,
        true,
    );
    out.retain(|p| p.holder.is_some());
    out.sort_by_key(|p| (p.span.start, p.trigger.map_or(0, |t| t.start)));
    out
}

/// The holders the rules give stances they did not find: for each
/// `(sentence, trigger)` asked (sorted by sentence), the actor that holds
/// a stance whose cue is the word at `trigger` — the speaker of the quote
/// it sits in, else the agent or subject of its verb group (pronouns, "its
/// board" and "we" resolved as for the rules' own cues), else the speaker
/// of the sentence's reporting clause. What the stance model adds asks
/// here, so that its positions have the rules' holders.
fn holders_at(
    text: &str,
    sentences: &[Span],
    doc: &Doc,
    lex: &Lexicon,
    kept: Option<&Kept>,
    asks: &[(usize, Span)],
) -> Vec<Option<ActorId>> {
    let mut scratch = Scratch::default();
    let mut cursor = Cursor::default();
    let mut tokenizer = Tokenizer::default();
    let mut out = Vec::with_capacity(asks.len());
    for &(si, trigger) in asks {
        let span = sentences[si];
        // The main pass kept the tokens of every sentence the model may
        // ask about; the tokenizer is for a stance pass without it.
        let toks = match kept.and_then(|k| k.tokens(si)) {
            Some(toks) => Some(toks),
            None => tokenizer.sentence(text, span, lex),
        };
        let Some(toks) = toks else {
            out.push(None);
            continue;
        };
        let prev = si.checked_sub(1).map_or(span.start, |p| sentences[p].start);
        let sent = Sent::build(text, span, toks, prev, doc, lex, &mut scratch, &mut cursor);
        let i = sent.words.partition_point(|w| w.span.start < trigger.start);
        if i >= sent.words.len() {
            out.push(None);
            continue;
        }
        let h = holder::Holders::new(&sent);
        let found = if sent.words[i].quote.is_some() {
            // In a quote the stance is the speaker's, or their side's when
            // they speak as "we".
            match sent.subject(i) {
                clause::Subj::First(true) => h.holder_of_verb(i, i + 1, true).flatten(),
                _ => None,
            }
            .or_else(|| h.speaker(i))
        } else {
            h.holder_of_verb(i, i + 1, true)
                .flatten()
                .or_else(|| h.speaker(i))
        };
        out.push(found);
    }
    out
}

#[cfg(test)]
mod tests;

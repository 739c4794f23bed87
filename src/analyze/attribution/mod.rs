//! Who said each quote: a sieve of deterministic passes, most precise
//! first, each filling only what earlier passes left open (the shape of
//! the quote-attribution sieve of Muzny et al., 2017). Each pass has a
//! name, and a speaker carries the name of the pass that found it
//! (`Speaker::rule`, the provenance the JSON export shows).
//!
//! Over each passage, per quote ([`PASSAGE_SIEVE`]), pointing at a mention
//! candidate: `label-inside`, `after-close`, `label-before`,
//! `dash-before`, `cue-before`, `trailing-cue`. Then over the document,
//! once the candidates have actors, for the quotes still open
//! ([`IN_PASSAGE`]): `continuation`, `paragraph-earlier`,
//! `paragraph-later`, `fallback`; and for a quote that opens a paragraph
//! ([`PARAGRAPH_OPENING`]): `lead-in`, `previous-paragraph`. Last, which
//! quotes are speech at all.
//!
//! - `passage.rs`: the passes over a passage, and its fallback and lead-in;
//! - `cues.rs`: speech cues and the words between a subject and its cue;
//! - `subject.rs`: the subject of a cue;
//! - `nearby.rs`: candidates by token position;
//! - `unplaced.rs`: speakers the actor resolver could not place;
//! - `document.rs`: the passes over the document;
//! - `speech.rs`: which quotes are speech.

mod cues;
mod document;
mod nearby;
mod passage;
mod speech;
mod subject;
mod unplaced;

use std::ops::Range;

use super::actors::Resolution;
use super::mentions::{Cand, CandKind, Ctx};
use super::passages::Passage;
use super::quotes::Found;
use crate::lexicon::Lexicon;
use crate::model::{Quote, Speaker};
use crate::span::Span;

/// The passes over a passage, in order: the first that finds a speaker
/// for a quote decides it.
const PASSAGE_SIEVE: [PassagePass; 6] = [
    passage::LABEL_INSIDE,
    passage::AFTER_CLOSE,
    passage::LABEL_BEFORE,
    passage::DASH_BEFORE,
    passage::CUE_BEFORE,
    passage::TRAILING_CUE,
];

/// The document passes for a double quote its passage left open, in
/// order.
const IN_PASSAGE: [DocumentPass; 4] = [
    document::CONTINUATION,
    document::PARAGRAPH_EARLIER,
    document::PARAGRAPH_LATER,
    document::FALLBACK,
];

/// The document passes for a double quote still open that opens a body
/// paragraph, in order. A lead-in from a paragraph ending in a colon or
/// a dash comes first; a weaker one only when the paragraph before has no
/// speaker.
const PARAGRAPH_OPENING: [DocumentPass; 3] = [
    document::LEAD_IN_OPEN,
    document::PREVIOUS_PARAGRAPH,
    document::LEAD_IN,
];

/// A pass of the sieve: its name (the provenance of what it decides) and
/// how it looks. It finds a speaker or returns `None`.
pub(super) struct Pass<F> {
    pub name: &'static str,
    pub find: F,
}

/// A pass over one quote of a passage: `find(ctx, quote, cands, para)`,
/// where `para` is the range of `cands` the passage's finder made; it may
/// ask `mentions` for more candidates.
type PassagePass = Pass<fn(&Ctx, &QuoteToks, &mut Vec<Cand>, Range<usize>) -> Option<Frame>>;

/// A pass over the document: `find(sweep, quote)`.
type DocumentPass = Pass<fn(&document::Sweep, usize) -> Option<Speaker>>;

/// One quote's attribution as far as its own passage tells.
#[derive(Clone, Debug, Default)]
pub(crate) struct Frame {
    /// Index of the speaking candidate (global).
    pub who: Option<usize>,
    pub cue: Option<Span>,
    pub via: Option<Span>,
    pub confidence: f32,
    /// The pass that found `who` (provenance, as the JSON export shows it).
    pub rule: &'static str,
    /// A weaker guess for the `fallback` pass to use when the passage
    /// offers nothing better: (candidate, cue, confidence).
    pub fallback: Option<(usize, Option<Span>, f32)>,
}

/// A quote as the attribution sees it within its passage.
pub(crate) struct QuoteToks {
    /// Global quote index.
    pub index: usize,
    pub open: usize,
    /// The closing mark's token; `None` when the quote runs to the end.
    pub close: Option<usize>,
}

/// Who a paragraph hands the floor to: (candidate, cue, confidence).
pub(crate) type LeadIn = Option<(usize, Option<Span>, f32)>;

/// The passage passes over the quotes of one passage, and its lead-in
/// (none for a headline).
///
/// `cands` is the document's candidate list, of which `para` are the
/// passage's; the candidates the passes ask `mentions` for are appended,
/// and those that speak are marked (the resolver weighs them).
pub(crate) fn frame_passage(
    ctx: &Ctx,
    quotes: &[QuoteToks],
    cands: &mut Vec<Cand>,
    para: Range<usize>,
) -> (Vec<Frame>, LeadIn) {
    let mut frames = Vec::with_capacity(quotes.len());
    for q in quotes {
        let mut frame = PASSAGE_SIEVE
            .iter()
            .find_map(|p| {
                (p.find)(ctx, q, cands, para.clone()).map(|f| Frame { rule: p.name, ..f })
            })
            .unwrap_or_default();
        if frame.who.is_none() {
            frame.fallback = passage::fallback(ctx, q.open, cands, para.clone());
        }
        // "his office said": the principal speaks, via the office.
        if let Some(w) = frame.who
            && cands[w].kind == CandKind::Conduit
        {
            frame.via = Some(cands[w].span);
        }
        frames.push(frame);
    }
    let lead_in = if ctx.headline {
        None
    } else {
        passage::lead_in(ctx, cands, para)
    };
    for f in &frames {
        if let Some(w) = f.who {
            cands[w].speaker = true;
        }
    }
    (frames, lead_in)
}

/// Each quote with its speaker, once the candidates have actors
/// (`res`): the speakers the resolver could not place get an actor of
/// their own or none, the document passes fill what the passages left
/// open, and only speech keeps a speaker.
///
/// `frames` are the passage passes' (one per quote), `lead_ins` one per
/// passage; `lex` tells which quotes are speech.
#[allow(clippy::too_many_arguments)] // each is a separate input of the stage
pub(crate) fn speakers(
    text: &str,
    lex: &Lexicon,
    found: &[Found],
    mut frames: Vec<Frame>,
    mut lead_ins: Vec<LeadIn>,
    cands: &[Cand],
    res: &mut Resolution,
    passages: &[Passage],
) -> Vec<Quote> {
    unplaced::place(text, lex, cands, res, &mut frames, &mut lead_ins);
    let speakers = document::Sweep::new(found, &frames, cands, &res.of_cand, passages, &lead_ins)
        .run(&IN_PASSAGE, &PARAGRAPH_OPENING);
    speech::quotes(text, &lex.grammar.attribution, found, speakers, passages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sieve_lists_its_passes_by_provenance_in_order() {
        fn names<F>(passes: &[Pass<F>]) -> Vec<&'static str> {
            passes.iter().map(|p| p.name).collect()
        }
        assert_eq!(
            names(&PASSAGE_SIEVE),
            [
                "label-inside",
                "after-close",
                "label-before",
                "dash-before",
                "cue-before",
                "trailing-cue"
            ]
        );
        assert_eq!(
            names(&IN_PASSAGE),
            [
                "continuation",
                "paragraph-earlier",
                "paragraph-later",
                "fallback"
            ]
        );
        assert_eq!(
            names(&PARAGRAPH_OPENING),
            ["lead-in", "previous-paragraph", "lead-in"]
        );
    }
}

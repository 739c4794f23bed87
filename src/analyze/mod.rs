//! The analysis: actors and their mentions, quotes and their speakers,
//! positions and red lines — all as spans of the document's text.
//!
//! `analyze(&Document, &Lexicon) -> Analysis` is pure and deterministic.
//! It runs in stages, each adding one thing: passages → quotation marks →
//! per passage: tokens and sentences → mention candidates → attribution
//! frames → (over the document) actor resolution → speakers → assembly;
//! positions and red lines after.

mod actors;
mod assembly;
mod attribution;
mod mentions;
mod passages;
mod quotes;
mod sentences;
mod stance_model;
mod stances;
pub mod syntax;
mod tokens;

use std::ops::Range;

use crate::lexicon::Lexicon;
use crate::model::{Analysis, Document, Position};
use crate::span::Span;
use passages::Passage;
use quotes::Found;
use stance_model::StanceModel;

/// Analyses a document. Pure: no I/O, no globals, deterministic.
pub fn analyze(doc: &Document, lex: &Lexicon) -> Analysis {
    analyze_with(doc, lex, &StanceModel::builtin())
}

/// [`analyze`] with another stance model: what cross-validation runs.
fn analyze_with(doc: &Document, lex: &Lexicon, model: &StanceModel) -> Analysis {
    let (mut analysis, read) = actors_and_quotes(doc, lex, Some(model));
    analysis.positions = positions_of(doc, &analysis, lex, Some(&read), model);
    analysis
}

/// The analysis without positions and red lines (sentences, actors,
/// quotes): what benchmarks compare [`analyze`] with.
pub fn analyze_quotes(doc: &Document, lex: &Lexicon) -> Analysis {
    actors_and_quotes(doc, lex, None).0
}

/// The positions and red lines of an analysed document: what [`analyze`]
/// fills [`Analysis::positions`] with, from its sentences, actors and quotes.
pub fn positions(doc: &Document, analysis: &Analysis, lex: &Lexicon) -> Vec<Position> {
    positions_of(doc, analysis, lex, None, &StanceModel::builtin())
}

/// The rules' positions, then the model's decisions over them. `read`: what
/// the main pass kept for the stance pass (without it every sentence is
/// read again).
fn positions_of(
    doc: &Document,
    analysis: &Analysis,
    lex: &Lexicon,
    read: Option<&StanceInputs>,
    model: &StanceModel,
) -> Vec<Position> {
    let content = doc.content();
    let rules = stances::Stances::of(&content, analysis, lex, read.map(|r| &r.kept));
    let found = rules.find();
    let none = stance_model::WordFeatures::default();
    let words = read.map_or(&none, |r| &r.words);
    let holders = |asks: &[(usize, Span)]| rules.holders_at(asks);
    stance_model::rescore(&content, analysis, &found, words, lex, model, &holders)
}

/// What training the stance model needs from the library (used by
/// `examples/train-stances.rs`; not a stable interface).
#[doc(hidden)]
pub mod training {
    pub use super::stance_model::{BadModel, Row, StanceModel, Thresholds, sigmoid};
    use super::*;

    /// Each sentence's span and model features, the positions being the
    /// rules' alone.
    pub fn sentence_features(doc: &Document, lex: &Lexicon) -> Vec<Row> {
        let (analysis, read) = actors_and_quotes(doc, lex, Some(&StanceModel::builtin()));
        let content = doc.content();
        let rules = stances::Stances::of(&content, &analysis, lex, Some(&read.kept));
        let found = rules.find();
        let holders = |asks: &[(usize, Span)]| rules.holders_at(asks);
        stance_model::sentence_features(&content, &analysis, &found, &read.words, lex, &holders)
    }

    /// The analysis with the stance model given.
    pub fn analyze_with_model(doc: &Document, lex: &Lexicon, model: &StanceModel) -> Analysis {
        analyze_with(doc, lex, model)
    }
}

/// Sentences, actors and quotes: the analysis before positions; and, with
/// the stance model, the tokens of the sentences that may hold a position
/// (or be given one by the model) and every sentence's word features and
/// their sums (else none).
fn actors_and_quotes(
    doc: &Document,
    lex: &Lexicon,
    model: Option<&StanceModel>,
) -> (Analysis, StanceInputs) {
    let content = doc.content();
    let text: &str = &content;
    let passages = passages::of(doc);
    let found = quotes::find(text, &passages);
    let read =
        Reader::new(text, lex, doc.dateline, &found, passages.len(), model).read_all(&passages);
    let mut res = actors::resolve(text, lex, &read.cands);
    let quotes = attribution::speakers(
        text,
        lex,
        &found,
        read.frames,
        read.lead_ins,
        &read.cands,
        &mut res,
        &passages,
    );
    let analysis = assembly::assemble(text, lex, read.sentences, &read.cands, res, quotes);
    let inputs = StanceInputs {
        kept: read.kept,
        words: read.words,
    };
    (analysis, inputs)
}

/// What the main pass hands the stance pass and the model.
struct StanceInputs {
    kept: stances::Kept,
    words: stance_model::WordFeatures,
}

/// What reading the passages gives, in text order.
struct Read {
    sentences: Vec<Span>,
    /// The mention candidates of every passage.
    cands: Vec<mentions::Cand>,
    /// Each quote's attribution as its passage tells it.
    frames: Vec<attribution::Frame>,
    /// Each passage's lead-in.
    lead_ins: Vec<attribution::LeadIn>,
    /// The tokens of the sentences that may hold a position or be asked
    /// for a holder.
    kept: stances::Kept,
    /// For each sentence, the stance model's word features.
    words: stance_model::WordFeatures,
}

/// Reads the passages one at a time: a passage's tokens live only while
/// it is read, in buffers reused for the next.
struct Reader<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    dateline: Option<Span>,
    found: &'a [Found],
    /// The stance model, when the stance pass will run.
    model: Option<&'a StanceModel<'a>>,
    toks: Vec<tokens::Token>,
    in_quote: Vec<bool>,
    opening: Vec<bool>,
    lowered: tokens::Lowered,
    out: Read,
}

impl<'a> Reader<'a> {
    fn new(
        text: &'a str,
        lex: &'a Lexicon,
        dateline: Option<Span>,
        found: &'a [Found],
        passages: usize,
        model: Option<&'a StanceModel<'a>>,
    ) -> Reader<'a> {
        let want_gate = model.is_some();
        Reader {
            text,
            lex,
            dateline,
            found,
            model,
            toks: Vec::new(),
            in_quote: Vec::new(),
            opening: Vec::new(),
            lowered: tokens::Lowered::default(),
            out: Read {
                sentences: Vec::new(),
                // About one mention per 40 bytes of news prose: reserving
                // avoids the copies (and the doubled peak) of growing a
                // large vector.
                cands: Vec::with_capacity(text.len() / 40 + 16),
                frames: vec![attribution::Frame::default(); found.len()],
                lead_ins: vec![None; passages],
                kept: if want_gate {
                    stances::Kept::for_text(text.len())
                } else {
                    stances::Kept::default()
                },
                words: if want_gate {
                    stance_model::WordFeatures::for_text(text.len())
                } else {
                    stance_model::WordFeatures::default()
                },
            },
        }
    }

    fn read_all(mut self, passages: &[Passage]) -> Read {
        let mut q_at = 0;
        for (b, passage) in passages.iter().enumerate() {
            let q_start = q_at;
            while q_at < self.found.len() && self.found[q_at].paragraph == b {
                q_at += 1;
            }
            self.passage(b, passage, q_start..q_at);
        }
        self.out
    }

    /// Tokens and sentences, mention candidates and attribution frames
    /// of passage `b`, whose quotes are `quotes` (of `found`).
    fn passage(&mut self, b: usize, passage: &Passage, quotes: Range<usize>) {
        let (text, lex, model) = (self.text, self.lex, self.model);
        // Owned while the passage is read, then handed back for the next.
        let mut toks = std::mem::take(&mut self.toks);
        let mut lowered = std::mem::take(&mut self.lowered);
        toks.clear();
        tokens::tokenize(text, passage.span, &lex.abbreviations, &mut toks);
        if !toks.is_empty() {
            let qtoks = quote_tokens(
                &toks,
                &self.found[quotes.clone()],
                quotes.start,
                &mut self.in_quote,
                &mut self.opening,
            );
            let opening = &self.opening;
            let sents = sentences::split(text, &toks, |i| opening[i]);
            let sentence_base = self.out.sentences.len();
            self.out.sentences.extend(sents.iter().map(|r| {
                Span::new(
                    toks[r.start].span.start as usize,
                    toks[r.end - 1].span.end as usize,
                )
            }));
            lowered.fill(text, &toks, &lex.classes);
            // The stance pass reads these tokens of the sentences that may
            // hold a position, and the holder finder those of the sentences
            // the model may add a position to; the others' are not kept
            // (should one be asked for, it is read again).
            for (k, r) in sents.iter().enumerate().filter(|_| model.is_some()) {
                let words = &mut self.out.words;
                let may_add = words.push(text, &toks, &lowered, r.clone(), lex, model);
                let gated = stances::may_hold(text, &toks, &lowered, r.clone(), lex);
                if gated || may_add {
                    let kept = &mut self.out.kept;
                    let si = sentence_base + k;
                    kept.push(text, &toks, &lowered, r.clone(), si, gated, &lex.stances);
                }
            }
            let ctx = mentions::Ctx {
                text,
                tokens: &toks,
                lower: &lowered,
                in_quote: &self.in_quote,
                lex,
                sentences: &sents,
                sentence_base,
                paragraph: b as u32,
                headline: passage.headline,
            };
            let cands = &mut self.out.cands;
            let para_start = cands.len();
            let dateline = self.dateline.filter(|d| d.overlaps(passage.span));
            mentions::find_in_passage(&ctx, dateline, cands);
            let para = para_start..cands.len();
            let (frames, lead_in) = attribution::frame_passage(&ctx, &qtoks, cands, para);
            for (q, f) in qtoks.iter().zip(frames) {
                self.out.frames[q.index] = f;
            }
            self.out.lead_ins[b] = lead_in;
        }
        self.toks = toks;
        self.lowered = lowered;
    }
}

/// The passage's quotes as token indices (`first` is the global index of
/// `found[0]`); marks the tokens inside a quote and those that open one.
fn quote_tokens(
    toks: &[tokens::Token],
    found: &[Found],
    first: usize,
    in_quote: &mut Vec<bool>,
    opening: &mut Vec<bool>,
) -> Vec<attribution::QuoteToks> {
    in_quote.clear();
    in_quote.resize(toks.len(), false);
    opening.clear();
    opening.resize(toks.len(), false);
    let at = |pos: u32| toks.partition_point(|t| t.span.start < pos);
    let mut out = Vec::with_capacity(found.len());
    for (k, q) in found.iter().enumerate() {
        let open_t = at(q.open.start);
        if let Some(t) = opening.get_mut(open_t) {
            *t = true;
        }
        for flag in &mut in_quote[at(q.span.start)..at(q.span.end)] {
            *flag = true;
        }
        out.push(attribution::QuoteToks {
            index: first + k,
            open: open_t,
            close: q.close.map(|c| at(c.start)).filter(|&c| c < toks.len()),
        });
    }
    out
}

#[cfg(test)]
mod tests;

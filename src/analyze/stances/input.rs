//! What the main pass hands the stance pass: for each sentence, whether
//! it may hold a position at all (the gate).

use super::super::tokens::{Kind, Lowered, Token};
use crate::lexicon::{Lexicon, class};

/// Whether the sentence of tokens `r` may hold a position: it holds a
/// cue phrase, or a negation and a negotiation word (`negotiable_at`).
/// The main pass asks this with its own tokens, so [`super::find`] reads
/// only the sentences that may; the words are taken as the stance pass
/// takes them (no quotation marks, a trailing abbreviation period
/// dropped), and capitalised words count too, so the answer errs towards
/// reading.
pub(crate) fn may_hold(
    text: &str,
    toks: &[Token],
    lower: &Lowered,
    r: std::ops::Range<usize>,
    lex: &Lexicon,
) -> bool {
    let bits = r.clone().fold(0, |b, t| b | lower.class(t));
    if bits & class::NEGATION != 0 && bits & class::NEGOTIABLE != 0 {
        return true;
    }
    if bits & class::CUE_START == 0 {
        return false;
    }
    // A one-word cue needs no phrase match (a capitalised one may be a
    // name, but the stance pass will tell).
    if r.clone()
        .any(|t| lower.class(t) & class::CUE_WORD != 0 && !lower.get(text, t).ends_with('.'))
    {
        return true;
    }
    // The words and whether each starts a cue. The stance pass reads a
    // plural possessive's lone apostrophe as a quotation mark, and skips
    // quotation marks.
    let mut words: Vec<(&str, bool)> = Vec::with_capacity(r.len());
    for t in r {
        let w = lower.get(text, t);
        match toks[t].kind {
            Kind::Quote => continue,
            Kind::Possessive if matches!(w, "'" | "’") => continue,
            _ => {}
        }
        // "No." of the main tokens is "no" there; "u.s." stays.
        let w = match w.strip_suffix('.') {
            Some(stem) if stem.len() > 1 && !stem.contains('.') => stem,
            _ => w,
        };
        words.push((w, lower.class(t) & class::CUE_START != 0));
    }
    (0..words.len()).any(|k| {
        words[k].1
            && lex
                .stances
                .cues
                .longest_by(words.len(), k, |j| words[j].0)
                .is_some()
    })
}

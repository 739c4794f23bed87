//! Candidates by token position within a passage: the ones starting in
//! a range, ending right before a token, starting right at or soon after
//! one; and where a clause starts. Binary searches over the passage's
//! candidates (sorted by first token), so long passages stay linear.

use std::ops::Range;

use crate::analyze::mentions::{self, Cand, CandKind, Ctx};
use crate::analyze::tokens::Kind;

/// The passage-local index of the sentence holding token `tok` (the last
/// sentence for a token past the end).
pub(super) fn sentence_at(ctx: &Ctx, tok: usize) -> usize {
    ctx.sentences
        .partition_point(|s| s.end <= tok)
        .min(ctx.sentences.len().saturating_sub(1))
}

/// The paragraph's candidates (sorted by first token) that start at a
/// token in `from..to`: a binary search, so long paragraphs stay linear.
pub(super) fn starting_in(
    cands: &[Cand],
    para: &Range<usize>,
    from: usize,
    to: usize,
) -> Range<usize> {
    let slice = &cands[para.clone()];
    let a = slice.partition_point(|c| c.first() < from);
    let b = slice.partition_point(|c| c.first() < to);
    para.start + a..para.start + b.max(a)
}

/// The candidate whose last token is `tok - 1`.
pub(super) fn cand_ending_at(cands: &[Cand], range: Range<usize>, tok: usize) -> Option<usize> {
    // A mention is a few words long: look back a bounded way.
    starting_in(cands, &range, tok.saturating_sub(24), tok)
        .rev()
        .find(|&c| cands[c].after() == tok && !cands[c].in_quote)
}

pub(super) fn cand_starting_at(cands: &[Cand], range: Range<usize>, tok: usize) -> Option<usize> {
    starting_in(cands, &range, tok, tok + 1).find(|&c| !cands[c].in_quote)
}

/// The first candidate starting within a few words of `k`, before any
/// punctuation or quote.
pub(super) fn cand_soon_after(
    ctx: &Ctx,
    cands: &[Cand],
    para: Range<usize>,
    k: usize,
    end: usize,
) -> Option<usize> {
    let mut stop = k;
    while stop < end
        && stop < k + 5
        && matches!(
            ctx.tokens[stop].kind,
            Kind::Word | Kind::Number | Kind::Possessive
        )
    {
        stop += 1;
    }
    starting_in(cands, &para, k, stop.max(k + 1)).find(|&c| !cands[c].in_quote)
}

/// Where the clause holding token `at` starts: after the last closing
/// quote, semicolon or colon before it, else the sentence start.
pub(super) fn segment_start(ctx: &Ctx, at: usize, start: usize) -> usize {
    let mut k = at;
    while k > start {
        k -= 1;
        let t = ctx.tokens[k];
        if ctx.in_quote[k] || t.kind == Kind::Quote || matches!(t.text(ctx.text), ";" | ":") {
            return k + 1;
        }
    }
    start
}

/// At the start of its clause (see `mentions::subject_position`).
pub(super) fn in_subject_position(ctx: &Ctx, cd: &Cand, seg_start: usize) -> bool {
    cd.first() <= seg_start || mentions::subject_position(ctx, cd.first(), seg_start)
}

pub(super) fn is_subject_kind(cd: &Cand) -> bool {
    !matches!(cd.kind, CandKind::Pronoun(p) if p.person != 3)
}

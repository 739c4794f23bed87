//! The final selection. Per sentence at most one red line is kept (the
//! first), and further positions only when they have the same holder and
//! another kind.
//!
//! An all-capitals headline has no usable mentions: its stance goes to the
//! actor the headline names before the cue (by any of its names), else to
//! the holder of the first matching position in the next two sentences.

use super::document::Doc;
use super::rules::Cand;
use crate::model::Position;
use crate::span::Span;

/// Keeps, of one sentence's candidates, the first red line (or else the
/// first candidate) and the other positions that share its holder and have
/// another kind. A headline keeps one.
pub(super) fn select(cands: Vec<Cand>, span: Span, headline: bool, out: &mut Vec<Position>) {
    let strong = cands.iter().filter(|c| !c.weak);
    let Some(primary) = cands
        .iter()
        .find(|c| c.red_line)
        .or_else(|| strong.clone().next())
        .or_else(|| cands.first())
        .cloned()
    else {
        return;
    };
    let mut kept: Vec<Cand> = vec![primary.clone()];
    if !headline {
        for c in cands {
            if c.red_line || c.weak || c.holder != primary.holder {
                continue;
            }
            if kept.iter().any(|k| k.kind == c.kind) {
                continue;
            }
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.trigger.start);
    for c in kept {
        out.push(Position {
            span,
            holder: c.holder,
            kind: c.kind,
            trigger: Some(c.trigger),
            red_line: c.red_line,
            source: c.source.filter(|&s| Some(s) != c.holder),
            rule: c.rule,
        });
    }
}

/// Gives the headline positions whose lead has been read (the two
/// sentences after the headline) a holder: the actor the headline names
/// before the cue, else the holder of a matching position in the lead.
/// `pending` holds (index in `out`, sentence) pairs; `si` is the sentence
/// about to be read, `last` whether the document has been read.
pub(super) fn fill_pending(
    pending: &mut Vec<(usize, usize)>,
    out: &mut [Position],
    si: usize,
    doc: &Doc,
    sentences: &[Span],
    last: bool,
) {
    pending.retain(|&(pi, hs)| {
        if !last && si < hs + 2 {
            return true;
        }
        let head = sentences[hs];
        let named = doc.named_in(head, out[pi].trigger);
        let holder = named.or_else(|| {
            let lead_end = sentences
                .get(hs + 2)
                .or(sentences.last())
                .map_or(0, |s| s.end);
            // The positions after the headline's: those of the next two
            // sentences.
            let lead: Vec<&Position> = out[pi + 1..]
                .iter()
                .filter(|p| {
                    p.span.start >= head.end && p.span.end <= lead_end && p.holder.is_some()
                })
                .collect();
            let (red, kind) = (out[pi].red_line, out[pi].kind);
            lead.iter()
                .find(|p| p.red_line == red && p.kind == kind)
                .or_else(|| lead.iter().find(|p| p.red_line == red))
                .or_else(|| lead.first())
                .and_then(|p| p.holder)
        });
        out[pi].holder = holder;
        false
    });
}

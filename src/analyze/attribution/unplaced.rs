//! Speakers the actor resolver could not place. A pronoun the resolver
//! left alone ("he" paragraphs after its antecedent) stands for the
//! nearest actor it fits ([`Resolution::fallback_antecedent`]), shown as
//! uncertain; any other speaker with no actor, or a pronoun that fits
//! none, gets an actor of its own, shown as uncertain; a capitalised word the resolver dropped ("Calls",
//! "Facing") is no speaker at all, unless it is the direct subject of a
//! cue ("Police say …").

use super::{Frame, LeadIn};
use crate::analyze::actors::Resolution;
use crate::analyze::mentions::{Cand, CandKind};
use crate::lexicon::Lexicon;

/// Gives every candidate a frame, fallback or lead-in points at an actor,
/// or drops the attribution.
pub(super) fn place(
    text: &str,
    lex: &Lexicon,
    cands: &[Cand],
    res: &mut Resolution,
    frames: &mut [Frame],
    lead_ins: &mut [LeadIn],
) {
    let dropped = |c: &Cand| c.kind == CandKind::Proper && c.sentence_initial;
    // An actor for an unplaced speaker: a pronoun's likely antecedent, else
    // one of its own.
    let actor_for = |res: &mut Resolution, w: usize| {
        res.fallback_antecedent(text, lex, cands, w)
            .unwrap_or_else(|| res.orphan(text, &cands[w]))
    };
    for f in frames.iter_mut() {
        if let Some(w) = f.who
            && res.of_cand.get(w).is_none()
        {
            if dropped(&cands[w]) && f.confidence < 0.85 {
                f.who = None;
            } else if dropped(&cands[w]) {
                // "Police say …": the direct subject of a cue speaks even
                // when its word is not a known name.
                let a = res.orphan(text, &cands[w]);
                res.of_cand.set(w, Some(a));
            } else {
                let a = actor_for(res, w);
                res.of_cand.set(w, Some(a));
                f.confidence = f.confidence.min(0.4);
            }
        }
        if let Some((w, _, _)) = f.fallback
            && res.of_cand.get(w).is_none()
        {
            if dropped(&cands[w]) {
                f.fallback = None;
            } else {
                let a = actor_for(res, w);
                res.of_cand.set(w, Some(a));
            }
        }
    }
    for l in lead_ins.iter_mut() {
        if let Some((w, _, _)) = *l
            && res.of_cand.get(w).is_none()
        {
            if dropped(&cands[w]) {
                *l = None;
            } else {
                let a = actor_for(res, w);
                res.of_cand.set(w, Some(a));
            }
        }
    }
}

//! The subject of a speech cue, looked for before the cue in its clause:
//! the candidate right before it (past adverbs and auxiliaries), a
//! relative pronoun's antecedent, "quoted as saying", a participle
//! phrase's subject, the clause's first subject; or a noun phrase or
//! pronoun the mention finder left out, made a candidate.

use std::ops::Range;

use super::Frame;
use super::cues::{is_ing, skippable};
use super::nearby::{
    cand_ending_at, cand_soon_after, in_subject_position, is_subject_kind, segment_start,
    starting_in,
};
use crate::analyze::mentions::{self, Cand, CandKind, Ctx};
use crate::analyze::tokens::Kind;

/// The subject of the cue at `cue_at`.
pub(super) fn subject_of(
    ctx: &Ctx,
    cue_at: usize,
    sent: Range<usize>,
    cands: &mut Vec<Cand>,
    para: Range<usize>,
) -> Option<Frame> {
    let grammar = &ctx.lex.grammar.attribution;
    let cue = Some(ctx.tokens[cue_at].span);
    let frame = |c: usize, confidence: f32| Frame {
        who: Some(c),
        cue,
        confidence,
        ..Frame::default()
    };
    // The word right before the cue, past adverbs and auxiliaries.
    let mut j = cue_at;
    while j > sent.start && skippable(ctx, j - 1) {
        j -= 1;
    }
    let seg_start = segment_start(ctx, cue_at, sent.start);
    let mut connective = true;
    if j > sent.start {
        let prev = j - 1;
        let pw = ctx.tok(prev).unwrap_or("").to_lowercase();
        // "the agency quoted X as saying", "X was quoted as saying".
        if pw == "as"
            && let Some(qd) = (prev.saturating_sub(16).max(sent.start)..prev)
                .rev()
                .find(|&k| matches!(ctx.word(k), Some("quoted" | "Quoted")))
        {
            if let Some(c) = cand_soon_after(ctx, cands, para.clone(), qd + 1, prev) {
                return Some(frame(c, 0.85));
            }
            if qd > sent.start
                && ctx
                    .word(qd - 1)
                    .is_some_and(|w| grammar.auxiliaries_before_quoted.contains(w))
                && let Some(c) = cand_ending_at(cands, para.clone(), qd - 1)
            {
                return Some(frame(c, 0.85));
            }
        }
        // "Erdogan, who told …", "McConnell, who in 2010 said …", "the
        // study -- which notes …": the relative pronoun stands for the
        // noun phrase before it.
        let relative = (prev.saturating_sub(4).max(sent.start)..=prev)
            .rev()
            .take_while(|&k| matches!(ctx.tokens[k].kind, Kind::Word | Kind::Number))
            .find(|&k| grammar.relative_subjects.contains(ctx.low(k)));
        if let Some(r) = relative {
            let mut a = r;
            while a > sent.start && matches!(ctx.tok(a - 1), Some("," | "--" | "—" | "–")) {
                a -= 1;
            }
            let antecedent = cand_ending_at(cands, para.clone(), a)
                .or_else(|| mentions::noun_phrase_before(ctx, sent.start, a, cands));
            if let Some(c) = antecedent {
                let rel = mentions::relative(ctx, r..r + 1, c, cands);
                return Some(frame(rel, 0.85));
            }
        }
        if let Some(c) = cand_ending_at(cands, para.clone(), j)
            && (!cands[c].after_prep || is_ing(ctx, cue_at))
        {
            // "footage of Trump saying …": the name before a participle
            // says it, prepositions or not.
            return Some(frame(c, if cands[c].after_prep { 0.8 } else { 0.9 }));
        }
        // "Protesters marching through the streets chanted …": a
        // participle phrase between the subject and the cue (no comma, no
        // other mention that could be the subject outside a preposition).
        if let Some(ing) = participle_phrase(ctx, cands, para.clone(), sent.start, j) {
            // A capitalised word opening the sentence ("Protesters") is
            // read as a noun phrase: as a name it would need more proof.
            let subject = cand_ending_at(cands, para.clone(), ing)
                .filter(|&c| {
                    let c = &cands[c];
                    !c.after_prep
                        && !c.object
                        && (c.kind != CandKind::Proper || !c.sentence_initial)
                })
                .or_else(|| mentions::noun_phrase_before(ctx, sent.start, ing, cands));
            if let Some(c) = subject {
                return Some(frame(c, 0.75));
            }
        }
        // "led Y to fear …", "urged Y to say …": Y speaks.
        if pw == "to"
            && let Some(c) = cand_ending_at(cands, para.clone(), prev)
            && !cands[c].after_prep
        {
            return Some(frame(c, 0.7));
        }
        // "she attacked … and blamed …": the nearest subject before.
        if grammar.subject_sharing_conjunctions.contains(&pw) {
            let nearest = starting_in(cands, &para, seg_start, cue_at)
                .rev()
                .find(|&c| {
                    let cd = &cands[c];
                    cd.first() >= seg_start
                        && cd.after() <= cue_at
                        && !cd.after_prep
                        && !cd.in_quote
                        && is_subject_kind(cd)
                        && in_subject_position(ctx, cd, seg_start)
                });
            if let Some(c) = nearest {
                return Some(frame(c, 0.75));
            }
        }
        // "it calls …": a pronoun the candidate finder leaves out.
        if grammar.pronoun_subjects_before_cue.contains(&pw) {
            return Some(frame(mentions::common(ctx, prev..j, cands), 0.8));
        }
        // "Police say …", "the letter reads …": a noun phrase the
        // candidate finder left out.
        let content_word = ctx
            .word(prev)
            .is_some_and(|w| !ctx.is_function(prev) && ctx.lex.speech_base(w).is_none());
        if content_word && let Some(c) = mentions::noun_phrase_before(ctx, seg_start, j, cands) {
            return Some(frame(c, 0.7));
        }
        // ", accusing …", "and urged …", "by saying …", an appositive
        // ("Afacan, director of IRAM, told …"): the clause's first subject.
        connective = matches!(pw.as_str(), "," | ")")
            || grammar.links_to_clause_subject.contains(&pw)
            || is_ing(ctx, cue_at);
    }
    let first = starting_in(cands, &para, seg_start, cue_at).find(|&c| {
        let cd = &cands[c];
        cd.after() <= cue_at && !cd.after_prep && !cd.in_quote && is_subject_kind(cd)
    });
    // "Meanwhile, it attacked Trump, saying …": a pronoun the candidate
    // finder leaves out may be the clause's subject, before any name.
    let before = first.map_or(cue_at, |c| cands[c].first());
    let pronoun = (seg_start..before).find(|&k| {
        grammar.pronoun_subjects_of_clause.contains(ctx.low(k))
            && !ctx.in_quote[k]
            && mentions::subject_position(ctx, k, seg_start)
    });
    let who = match pronoun {
        Some(k) => mentions::common(ctx, k..k + 1, cands),
        None => first?,
    };
    Some(frame(who, if connective { 0.75 } else { 0.6 }))
}

/// Where a participle phrase that ends at token `j` starts, when one
/// does: "Protesters marching through the streets" (`j` after "streets")
/// gives the token of "marching", so the subject ends before it. The
/// phrase holds words only, and any mention in it follows a preposition.
fn participle_phrase(
    ctx: &Ctx,
    cands: &[Cand],
    para: Range<usize>,
    sent_start: usize,
    j: usize,
) -> Option<usize> {
    let from = j.saturating_sub(8).max(sent_start + 1);
    let ing = (from..j).rev().find(|&k| {
        is_ing(ctx, k)
            && ctx
                .word(k)
                .is_some_and(|w| w.starts_with(char::is_lowercase))
    })?;
    // Words only between the participle and the cue.
    if (ing..j).any(|k| ctx.tokens[k].kind != Kind::Word) {
        return None;
    }
    if starting_in(cands, &para, ing, j).any(|c| !cands[c].after_prep) {
        return None;
    }
    Some(ing)
}

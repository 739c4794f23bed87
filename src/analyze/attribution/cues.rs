//! Speech cues: which tokens are verbs of saying (and how strongly they
//! attribute), and the words that may stand between a subject and its
//! cue.

use std::ops::Range;

use super::nearby::cand_ending_at;
use crate::analyze::mentions::{Cand, CandKind, Ctx};
use crate::analyze::tokens::Kind;
use crate::lexicon::Lexicon;

/// Words that may stand between a speaker and its cue: "Haddad also said",
/// "he later told", "Trump on Friday said".
pub(super) fn skippable(ctx: &Ctx, i: usize) -> bool {
    let t = ctx.tokens[i];
    if t.kind == Kind::Number {
        return true;
    }
    let Some(w) = ctx.word(i) else { return false };
    let lower = ctx.low(i);
    (lower.ends_with("ly") && lower.len() > 4 && !ctx.lex.speech.contains_key(lower))
        || ctx
            .lex
            .grammar
            .attribution
            .between_subject_and_cue
            .contains(lower)
        || Lexicon::has(&ctx.lex.calendar, w.trim_end_matches('.'))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Strength {
    Weak,
    Strong,
}

/// Whether token `i` is a speech cue, and how strong. A form that is also
/// a noun ("mental state", "the report") counts only right after a subject.
pub(super) fn cue(ctx: &Ctx, cands: &[Cand], para: &Range<usize>, i: usize) -> Option<Strength> {
    if ctx.in_quote[i] {
        return None;
    }
    if !ctx.is(i, crate::lexicon::class::SPEECH) {
        return None;
    }
    let lower = ctx.low(i);
    let base = ctx.lex.speech.get(lower)?;
    let strength = if ctx.lex.weak_cues.contains(base) {
        Strength::Weak
    } else {
        Strength::Strong
    };
    let noun_form = ctx.lex.noun_like_cues.contains(base)
        && (lower == *base
            || lower == format!("{base}s")
            || lower == format!("{base}es")
            || (base.ends_with('y') && lower == format!("{}ies", &base[..base.len() - 1])));
    if noun_form {
        let grammar = &ctx.lex.grammar.attribution;
        let mut j = i;
        while j > 0 && skippable(ctx, j - 1) {
            j -= 1;
        }
        // A name after an article or a possessive makes a noun phrase ("a
        // Donald Trump tweet", "his comments"); a nominative subject makes
        // the verb ("Trump tweets", "she comments").
        let nominal = |k: usize| {
            grammar.cue_noun_markers.contains(ctx.low(k)) || ctx.tokens[k].kind == Kind::Possessive
        };
        let subject = j > 0
            && (cand_ending_at(cands, para.clone(), j).is_some_and(|c| {
                let s = cands[c].first();
                let pronoun = matches!(cands[c].kind, CandKind::Pronoun(_));
                !pronoun && (s == 0 || !nominal(s - 1))
            }) || grammar.cue_verb_subjects.contains(ctx.low(j - 1)));
        if !subject {
            return None;
        }
    }
    Some(strength)
}

pub(super) fn is_ing(ctx: &Ctx, i: usize) -> bool {
    ctx.word(i).is_some_and(|w| w.ends_with("ing"))
}

pub(super) fn is_dash(s: &str) -> bool {
    matches!(s, "—" | "―" | "–" | "-" | "--")
}

/// Whether token `i` opens a clause reported by a cue before it ("said
/// it", "said that it").
pub(super) fn reported(ctx: &Ctx, cands: &[Cand], para: &Range<usize>, i: usize) -> bool {
    let mut k = i;
    if k > 0 && ctx.low(k - 1) == "that" {
        k -= 1;
    }
    k > 0 && cue(ctx, cands, para, k - 1).is_some()
}

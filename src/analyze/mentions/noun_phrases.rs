//! The candidates the attribution asks for: a noun phrase or pronoun the
//! finder leaves out that turns out to speak ("Police say", "the letter
//! reads", "it said"), and "who"/"which" speaking for the phrase before
//! it. Asked for one at a time, so only speakers pay for them.

use std::ops::Range;

use super::{Cand, CandKind, Ctx};
use crate::analyze::tokens::Kind;
use crate::lexicon::{Gender, class};

/// A noun phrase ending right before token `end` (exclusive) and starting
/// at or after `from`, made a candidate: "Police", "the poll", "it".
pub(crate) fn noun_phrase_before(
    ctx: &Ctx,
    from: usize,
    end: usize,
    cands: &mut Vec<Cand>,
) -> Option<usize> {
    if end == 0 || end <= from {
        return None;
    }
    let mut last = end - 1;
    // "the mother of three", "the head of the agency": the head noun comes
    // before "of"; the phrase keeps its tail.
    if let Some(of) = (last.saturating_sub(2).max(from + 1)..last)
        .rev()
        .find(|&k| ctx.low(k) == "of")
        && (of + 1..last).all(|k| ctx.is_function(k) || ctx.tokens[k].kind == Kind::Number)
        && ctx.tokens[of - 1].kind == Kind::Word
    {
        last = of - 1;
    }
    let w = ctx.word(last)?;
    let lower = w.to_lowercase();
    if ctx.lex.grammar.mentions.left_out_pronouns.contains(&lower) {
        return Some(common(ctx, last..end, cands));
    }
    if ctx.is_function(last)
        || ctx.lex.speech_base(w).is_some()
        || lower.ends_with("n't")
        || lower.ends_with("n’t")
    {
        return None;
    }
    // A noun phrase speaks when its head is a person, a group, an
    // institution or a document ("Police", "the letter"), not "the
    // dollar" or "a factor".
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    let person_noun = |x: &str| {
        ctx.lex
            .classes
            .get(x)
            .is_some_and(|c| c.main & (class::ROLE_START | class::ANONYMOUS) != 0)
    };
    if !capital
        && !ctx.is(last, class::ROLE_START | class::ANONYMOUS | class::ORG_WORD)
        && !person_noun(singular)
        && !ctx.lex.speaking_nouns.contains(lower.as_str())
    {
        return None;
    }
    let mut k = last;
    while k > from && last - k < 4 {
        let p = k - 1;
        match ctx.tokens[p].kind {
            Kind::Possessive => k = p,
            // "the 34-year-old mother".
            Kind::Number => k = p,
            Kind::Punct
                if ctx.tok(p) == Some("-")
                    && p > from
                    && ctx.tokens[p - 1].kind == Kind::Number =>
            {
                k = p
            }
            Kind::Word => {
                let pw = ctx.word(p).unwrap_or("");
                let pl = pw.to_lowercase();
                if ctx.lex.grammar.mentions.noun_phrase_openers.contains(&pl) {
                    k = p;
                    break;
                }
                if ctx.is_function(p) || ctx.lex.speech_base(pw).is_some() {
                    break;
                }
                k = p;
            }
            _ => break,
        }
    }
    if k > from && ctx.is_preposition(k - 1) {
        return None;
    }
    // "yesterday's special": a possessive clitic never opens a phrase; its
    // owner was left behind, so what is left is no noun phrase.
    if ctx.tokens[k].kind == Kind::Possessive {
        return None;
    }
    Some(common(ctx, k..end, cands))
}

/// The noun phrase right after an inverted cue: `said the minister`.
pub(crate) fn noun_phrase_after(
    ctx: &Ctx,
    k: usize,
    end: usize,
    cands: &mut Vec<Cand>,
) -> Option<usize> {
    let w = ctx.word(k)?;
    let lower = w.to_lowercase();
    let grammar = &ctx.lex.grammar.mentions;
    if grammar.left_out_pronouns.contains(&lower) {
        return Some(common(ctx, k..k + 1, cands));
    }
    if !grammar.noun_phrase_openers_after_cue.contains(&lower) {
        return None;
    }
    let mut e = k + 1;
    while e < end && e - k < 6 {
        match ctx.word(e) {
            Some(x) if !ctx.is_function(e) && !x.is_empty() => e += 1,
            _ => break,
        }
    }
    (e > k + 1).then(|| common(ctx, k..e, cands))
}

/// A candidate for the noun phrase or pronoun at tokens `r`: "it", "the
/// letter".
pub(crate) fn common(ctx: &Ctx, r: Range<usize>, cands: &mut Vec<Cand>) -> usize {
    push(ctx, r, cands, None)
}

/// "who" or "which" at tokens `r`, speaking for candidate `antecedent`
/// ("Erdogan, who told …").
pub(crate) fn relative(
    ctx: &Ctx,
    r: Range<usize>,
    antecedent: usize,
    cands: &mut Vec<Cand>,
) -> usize {
    push(ctx, r, cands, Some(antecedent))
}

/// A new candidate over tokens `r` (or the existing one with that span):
/// a common noun phrase, a pronoun, or a relative pronoun standing for
/// `antecedent`.
fn push(ctx: &Ctx, r: Range<usize>, cands: &mut Vec<Cand>, antecedent: Option<usize>) -> usize {
    let span = ctx.span(r.clone());
    // Recent candidates only: the paragraph's, and those just added.
    let recent = cands.len().saturating_sub(400);
    if let Some(i) = cands[recent..].iter().rposition(|c| c.span == span) {
        return recent + i;
    }
    let head = ctx.tokens[r.end - 1].span;
    let pronoun = if r.len() == 1 {
        ctx.pronoun(r.start)
    } else {
        None
    };
    cands.push(Cand {
        span,
        name: head,
        kind: match (antecedent, pronoun) {
            (Some(a), _) => CandKind::Relative(a as u32),
            (None, Some(p)) => CandKind::Pronoun(p),
            (None, None) => CandKind::Common,
        },
        role: None,
        country: None,
        gender: pronoun.map_or(Gender::Unknown, |p| p.gender),
        plural: pronoun.is_some_and(|p| p.plural),
        after_prep: false,
        object: false,
        located: false,
        speaker: false,
        subject: true,
        in_quote: false,
        headline: ctx.headline,
        sentence_initial: false,
        sentence: super::sentence_of(ctx, r.start),
        paragraph: ctx.paragraph,
        tokens: r.start as u32..r.end as u32,
    });
    cands.len() - 1
}

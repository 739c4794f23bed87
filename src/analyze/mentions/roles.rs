//! Mentions by role rather than name: "the minister", "Iran's top
//! diplomat", an anonymous source ("a Turkish diplomat"), and conduits
//! that speak for a principal ("his office").

use std::ops::Range;

use super::{Cand, CandKind, Ctx};
use crate::analyze::tokens::Kind;
use crate::lexicon::{Gender, Lexicon, class};

/// "his office", "her spokesman", "their campaign".
pub(super) fn conduit_after(
    ctx: &Ctx,
    i: usize,
    end: usize,
    sentence: u32,
    paragraph: u32,
) -> Option<Cand> {
    ctx.word(i)?;
    if !ctx
        .lex
        .grammar
        .mentions
        .conduit_possessives
        .contains(ctx.low(i))
    {
        return None;
    }
    let p = ctx.pronoun(i)?;
    // Up to two modifiers: "his press office", "her chief spokesman".
    for len in 1..=3 {
        let j = i + len;
        if j >= end {
            break;
        }
        let Some(noun) = ctx.word(j) else { break };
        if Lexicon::has(&ctx.lex.conduits, noun) {
            return Some(Cand {
                span: ctx.span(i..j + 1),
                name: ctx.tokens[j].span,
                kind: CandKind::Conduit,
                role: None,
                country: None,
                gender: p.gender,
                plural: p.plural,
                after_prep: i > 0 && ctx.is_preposition(i - 1),
                object: false,
                located: false,
                speaker: false,
                subject: false,
                in_quote: ctx.in_quote[i],
                headline: ctx.headline,
                sentence_initial: false,
                sentence,
                paragraph,
                tokens: i as u32..j as u32 + 1,
            });
        }
        if ctx.is_function(j) || !noun.chars().all(|c| c.is_lowercase() || c == '-') {
            break;
        }
    }
    None
}

/// A role noun after a determiner or possessive: "the minister", "the
/// Kenyan president", "Iran's top diplomat", "a Turkish diplomat", "one
/// senior official".
pub(super) fn role_description(
    ctx: &Ctx,
    i: usize,
    sent: Range<usize>,
    consumed: &[bool],
    sentence: u32,
    paragraph: u32,
) -> Option<Cand> {
    let lex = ctx.lex;
    let w = ctx.word(i)?;
    if !w.chars().next().is_some_and(char::is_lowercase) && !ctx.capitalized(i) {
        return None;
    }
    if !ctx.is(i, class::ROLE_START | class::ANONYMOUS) {
        return None;
    }
    let (len, _) = ctx
        .phrase_at_low(&lex.roles, i, sent.end)
        .or_else(|| ctx.lower_is(i, &lex.anonymous).then_some((1, &())))?;
    let head_end = i + len;
    // "the local press": the role word modifies a noun that follows.
    if ctx.is(
        head_end,
        class::ORG_WORD | class::ROLE_START | class::ANONYMOUS,
    ) && !ctx.capitalized(head_end)
    {
        return None;
    }
    let head = ctx.span(i..head_end);
    let key = head.text(ctx.text).to_lowercase();
    // The role must not be the title of a following name ("minister Jane Doe").
    if ctx.capitalized(head_end) && !ctx.is_function(head_end) {
        return None;
    }
    // Walk back over modifiers to a determiner or a possessive.
    let mut k = i;
    let mut country = None;
    let mut determiner: Option<&str> = None;
    while k > sent.start && i - k < 5 {
        let prev = k - 1;
        if consumed[prev - sent.start] {
            // A name right before: "Iran's top diplomat" has the country
            // mention "Iran" + "'s" before it.
            break;
        }
        let t = ctx.tokens[prev];
        match t.kind {
            Kind::Possessive => {
                determiner = Some("'s");
                if prev > sent.start
                    && let Some((l, place)) = ctx.phrase_at(&lex.places, prev - 1, prev)
                    && l == 1
                {
                    country = Some(place.country as u32);
                }
                k = prev;
                break;
            }
            Kind::Word => {
                let lower = ctx.low(prev);
                let grammar = &lex.grammar.mentions;
                let article = if grammar.role_determiners.contains(lower) {
                    Some("the")
                } else if grammar.anonymous_determiners.contains(lower) {
                    Some("a")
                } else {
                    None
                };
                if article.is_some() {
                    determiner = article;
                    k = prev;
                    break;
                }
                if ctx.is_function(prev) || lex.speech_base(t.text(ctx.text)).is_some() {
                    break;
                }
                if let Some((_, place)) = ctx.phrase_at(&lex.places, prev, i) {
                    country = Some(place.country as u32);
                }
                k = prev;
            }
            _ => break,
        }
    }
    // After a possessive, the mention also covers the owner: "Iran's top
    // diplomat" (capitalised words before the possessive).
    let mut start = k;
    if determiner == Some("'s") {
        while start > sent.start && ctx.capitalized(start - 1) && !ctx.is_function(start - 1) {
            start -= 1;
        }
        // "the company's chief executive": a common noun and its article.
        if start == k
            && k >= sent.start + 2
            && !consumed[k - 1 - sent.start]
            && ctx.tokens[k - 1].kind == Kind::Word
            && !ctx.is_function(k - 1)
            && ctx
                .word(k - 1)
                .is_some_and(|w| w.chars().all(char::is_lowercase))
            && lex
                .grammar
                .mentions
                .owner_determiners
                .contains(ctx.low(k - 2))
        {
            start = k - 2;
        }
    }
    let plural = key.ends_with('s') && !key.ends_with("ss");
    let kind = match determiner {
        None => {
            // "US officials", "Iranian diplomats": speak for the country.
            if plural && country.is_some() && Lexicon::has(&lex.spokes_plurals, &key) {
                CandKind::Country(country?)
            } else {
                return None;
            }
        }
        Some("a") => CandKind::Anonymous,
        _ if plural && country.is_some() && Lexicon::has(&lex.spokes_plurals, &key) => {
            CandKind::Country(country?)
        }
        _ if plural => return None,
        _ => CandKind::Role,
    };
    if ctx.in_quote[i] && !matches!(kind, CandKind::Country(_)) {
        return None;
    }
    Some(Cand {
        span: ctx.span(start..head_end),
        name: head,
        kind,
        role: Some(ctx.span(start..head_end)),
        country,
        gender: lex
            .honorific_gender
            .get(ctx.low(i))
            .copied()
            .unwrap_or(Gender::Unknown),
        plural,
        after_prep: start > sent.start && ctx.is_preposition(start - 1),
        object: start > sent.start
            && ctx
                .word(start - 1)
                .is_some_and(|w| ctx.lex.speech_base(w).is_some()),
        located: false,
        speaker: false,
        subject: false,
        in_quote: ctx.in_quote[i],
        headline: ctx.headline,
        sentence_initial: start == sent.start,
        sentence,
        paragraph,
        tokens: start as u32..head_end as u32,
    })
}

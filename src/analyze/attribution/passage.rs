//! The passes of the sieve over one passage, each looking at one quote:
//! a label inside it, the attribution after its closing mark, a label or
//! a name and dash before it, the cue's subject earlier in its sentence,
//! a cue closing its sentence. Then, for the document passes, the weaker
//! guesses a passage offers: the fallback for a quote no pass attributed,
//! and the passage's lead-in.

use std::ops::Range;

use super::cues::{Strength, cue, is_dash, is_ing, reported, skippable};
use super::nearby::{
    cand_ending_at, cand_soon_after, cand_starting_at, in_subject_position, is_subject_kind,
    sentence_at, starting_in,
};
use super::subject::subject_of;
use super::{Frame, LeadIn, PassagePass, QuoteToks};
use crate::analyze::mentions::{self, Cand, CandKind, Ctx};
use crate::analyze::tokens::Kind;
use crate::span::Span;

/// `"PENCE: Well, …`: a label in capitals inside the quote.
pub(super) const LABEL_INSIDE: PassagePass = PassagePass {
    name: "label-inside",
    find: label_inside,
};

/// `"…," X said`, `"…," said X`, `"…" — X`, `"…," according to X`: right
/// after the closing mark, into the next sentence when the mark ends one
/// (`"…?" Clinton said.`).
pub(super) const AFTER_CLOSE: PassagePass = PassagePass {
    name: "after-close",
    find: after_close,
};

/// `Trump: "…"`: a name and a colon opening the sentence.
pub(super) const LABEL_BEFORE: PassagePass = PassagePass {
    name: "label-before",
    find: label_before,
};

/// `… Mitt Romney -- "…"`: a name set off by a dash before the quote.
pub(super) const DASH_BEFORE: PassagePass = PassagePass {
    name: "dash-before",
    find: dash_before,
};

/// `X said "…"`, `X told Y: "…"`, `X, the minister, said … "…"`, `…,
/// accusing Y of "…"`: a cue earlier in the quote's sentence, and its
/// subject.
pub(super) const CUE_BEFORE: PassagePass = PassagePass {
    name: "cue-before",
    find: cue_before,
};

/// `… "…" above their quotas, he said.`: a cue that ends the sentence.
pub(super) const TRAILING_CUE: PassagePass = PassagePass {
    name: "trailing-cue",
    find: trailing_cue,
};

// The signature of every pass: others add candidates.
#[allow(clippy::ptr_arg)]
fn label_inside(
    ctx: &Ctx,
    q: &QuoteToks,
    cands: &mut Vec<Cand>,
    para: Range<usize>,
) -> Option<Frame> {
    let c = label_in_capitals(ctx, q, cands, para)?;
    Some(Frame {
        who: Some(c),
        cue: Some(ctx.tokens[cands[c].after()].span),
        confidence: 0.9,
        ..Frame::default()
    })
}

fn after_close(
    ctx: &Ctx,
    q: &QuoteToks,
    cands: &mut Vec<Cand>,
    para: Range<usize>,
) -> Option<Frame> {
    let close = q.close?;
    let sentences = ctx.sentences;
    let si = sentence_at(ctx, close);
    let mut end = sentences[si].end;
    // Only a short attribution sentence, "Clinton said.", not the next
    // statement ("Russia insisted that …").
    if close + 1 >= end
        && let Some(next) = sentences.get(si + 1)
        && next.len() <= 12
        && !(next.start..next.end).any(|t| ctx.tokens[t].kind == Kind::Quote)
    {
        end = next.end;
    }
    attribution_after(ctx, close, end, cands, para)
}

// The signature of every pass: others add candidates.
#[allow(clippy::ptr_arg)]
fn label_before(
    ctx: &Ctx,
    q: &QuoteToks,
    cands: &mut Vec<Cand>,
    para: Range<usize>,
) -> Option<Frame> {
    if q.open < 2 || ctx.tok(q.open - 1) != Some(":") {
        return None;
    }
    let c = cand_ending_at(cands, para, q.open - 1)?;
    let opens_sentence = cands[c].first() == ctx.sentences[sentence_at(ctx, q.open)].start;
    (matches!(cands[c].kind, CandKind::Person | CandKind::Proper) && opens_sentence).then(|| {
        Frame {
            who: Some(c),
            cue: Some(ctx.tokens[q.open - 1].span),
            confidence: 0.85,
            ..Frame::default()
        }
    })
}

// The signature of every pass: others add candidates.
#[allow(clippy::ptr_arg)]
fn dash_before(
    ctx: &Ctx,
    q: &QuoteToks,
    cands: &mut Vec<Cand>,
    para: Range<usize>,
) -> Option<Frame> {
    if q.open < 2 || !matches!(ctx.tok(q.open - 1), Some("--" | "—" | "–")) {
        return None;
    }
    let c = cand_ending_at(cands, para, q.open - 1)?;
    (cands[c].kind == CandKind::Person).then(|| Frame {
        who: Some(c),
        cue: Some(ctx.tokens[q.open - 1].span),
        confidence: 0.8,
        ..Frame::default()
    })
}

fn cue_before(
    ctx: &Ctx,
    q: &QuoteToks,
    cands: &mut Vec<Cand>,
    para: Range<usize>,
) -> Option<Frame> {
    let sent = ctx.sentences[sentence_at(ctx, q.open)].clone();
    cue_before_open(ctx, q.open, sent, cands, para)
}

fn trailing_cue(
    ctx: &Ctx,
    q: &QuoteToks,
    cands: &mut Vec<Cand>,
    para: Range<usize>,
) -> Option<Frame> {
    let close = q.close?;
    let sent = ctx.sentences[sentence_at(ctx, close)].clone();
    trailing(ctx, close, sent, cands, para)
}

/// The candidate in capitals right after the opening mark, then a colon.
fn label_in_capitals(
    ctx: &Ctx,
    q: &QuoteToks,
    cands: &[Cand],
    range: Range<usize>,
) -> Option<usize> {
    let c = starting_in(cands, &range, q.open + 1, q.open + 2).next()?;
    let cand = &cands[c];
    let colon = ctx.tok(cand.after())?;
    let upper = cand
        .name
        .text(ctx.text)
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    (colon == ":" && upper && cand.toks().len() <= 3).then_some(c)
}

/// The attribution between the closing mark `close` and `end`.
fn attribution_after(
    ctx: &Ctx,
    close: usize,
    end: usize,
    cands: &mut Vec<Cand>,
    para: Range<usize>,
) -> Option<Frame> {
    let mut j = close + 1;
    // Punctuation between the mark and the attribution.
    while j < end && matches!(ctx.tok(j), Some("," | ";")) {
        j += 1;
    }
    if j >= end {
        return None;
    }
    // "— Sonya Herridge": a dash and a name.
    if ctx.tok(j).is_some_and(is_dash)
        && let Some(c) = cand_starting_at(cands, para.clone(), j + 1)
        && matches!(
            cands[c].kind,
            CandKind::Person | CandKind::Proper | CandKind::Org(_) | CandKind::Outlet(_)
        )
    {
        return Some(Frame {
            who: Some(c),
            cue: Some(ctx.tokens[j].span),
            confidence: 0.8,
            ..Frame::default()
        });
    }
    // "according to X".
    if let Some((len, _)) = ctx.lex.according_to.longest(|k| ctx.word(j + k))
        && let Some(c) = cand_starting_at(cands, para.clone(), j + len)
            .or_else(|| mentions::noun_phrase_after(ctx, j + len, end, cands))
    {
        return Some(Frame {
            who: Some(c),
            cue: Some(ctx.span(j..j + len)),
            confidence: 0.9,
            ..Frame::default()
        });
    }
    // The first cue within a window, not inside or past another quote.
    let limit = end.min(j + 30);
    let mut v = j;
    while v < limit {
        if ctx.in_quote[v] || ctx.tokens[v].kind == Kind::Quote {
            return None;
        }
        if !is_ing(ctx, v) && cue(ctx, cands, &para, v).is_some() {
            break;
        }
        if let Some(f) = according_to(ctx, cands, para.clone(), v, end) {
            return Some(f);
        }
        v += 1;
    }
    if v >= limit {
        return None;
    }
    let cue_span = Some(ctx.tokens[v].span);
    let frame = |c: usize, confidence: f32| Frame {
        who: Some(c),
        cue: cue_span,
        confidence,
        ..Frame::default()
    };
    // `"…," X said`: a subject right after the mark, then only adverbs,
    // an appositive or a parenthesis before the cue.
    if v > j {
        let subject = cand_starting_at(cands, para.clone(), j);
        if let Some(c) = subject
            && only_asides(ctx, cands[c].after(), v)
        {
            return Some(frame(c, 0.95));
        }
        // "…," panel Chairman Jane Roe said: a word or two of lower-case
        // description before the subject's title or name.
        if let Some(c) = described_subject(ctx, cands, para.clone(), j, v)
            && only_asides(ctx, cands[c].after(), v)
        {
            return Some(frame(c, 0.9));
        }
        // A pronoun or noun phrase the candidate finder skipped ("it
        // said", "a narrator in the Clinton ad asks").
        let mut k = v;
        while k > j && skippable(ctx, k - 1) {
            k -= 1;
        }
        if let Some(c) =
            mentions::noun_phrase_before(ctx, j, k, cands).filter(|&c| cands[c].first() == j)
        {
            return Some(frame(c, 0.85));
        }
        let plain = (j..k).all(|t| {
            matches!(
                ctx.tokens[t].kind,
                Kind::Word | Kind::Possessive | Kind::Number
            )
        });
        let opens = ctx.word(j).is_some_and(|w| {
            let openers = &ctx.lex.grammar.attribution.subject_openers_after_quote;
            openers.contains(&w.to_lowercase()) || w.chars().next().is_some_and(char::is_uppercase)
        });
        return (k > j && k - j <= 8 && plain && opens)
            .then(|| frame(mentions::common(ctx, j..k, cands), 0.8));
    }
    // `"…," said X`: the candidate right after the cue ("said 9/11
    // widow Terry Strada" allows a few words of description first).
    let mut k = v + 1;
    while k < end && skippable(ctx, k) {
        k += 1;
    }
    let c = cand_soon_after(ctx, cands, para.clone(), k, end)
        .or_else(|| mentions::noun_phrase_after(ctx, k, end, cands))?;
    Some(frame(c, 0.95))
}

/// `…, he said.` closing the quote's sentence after other words.
fn trailing(
    ctx: &Ctx,
    close: usize,
    sent: Range<usize>,
    cands: &mut Vec<Cand>,
    para: Range<usize>,
) -> Option<Frame> {
    let mut end = sent.end;
    while end > close + 1 && ctx.tokens[end - 1].kind == Kind::Punct {
        end -= 1;
    }
    // The cue is among the last few words of the sentence.
    let v = (close + 1..end)
        .rev()
        .take(6)
        .find(|&v| cue(ctx, cands, &para, v) == Some(Strength::Strong))?;
    if (close + 1..v).any(|k| ctx.tokens[k].kind == Kind::Quote) {
        return None;
    }
    let mut j = v;
    while j > close + 1 && skippable(ctx, j - 1) {
        j -= 1;
    }
    // `"…," the agency quoted X as saying.`
    if ctx.low(j - 1) == "as" && ctx.low(v) == "saying" {
        let f = subject_of(ctx, v, close + 1..sent.end, cands, para)?;
        return Some(Frame {
            confidence: 0.85,
            ..f
        });
    }
    let c = cand_ending_at(cands, para, j)?;
    let start = cands[c].first();
    (start > close + 1 && ctx.tok(start - 1) == Some(",")).then(|| Frame {
        who: Some(c),
        cue: Some(ctx.tokens[v].span),
        confidence: 0.85,
        ..Frame::default()
    })
}

/// Whether tokens `from..to` hold only adverbs, a comma-enclosed
/// appositive ("Afacan, director of IRAM, …") or a parenthesis.
fn only_asides(ctx: &Ctx, from: usize, to: usize) -> bool {
    let mut k = from;
    while k < to {
        match ctx.tok(k) {
            // The comma closing an apposition the mention took in ("the
            // mayor, Ida Brandt, said").
            Some(",") if k + 1 == to => k += 1,
            Some(",") => {
                // An appositive runs to the next comma before the cue; that
                // comma may open another ("X, the attorney general, one of
                // the plaintiffs, said").
                match (k + 1..to).find(|&m| ctx.tok(m) == Some(",")) {
                    Some(m) => k = m,
                    None => return false,
                }
            }
            Some("(") => match (k + 1..to).find(|&m| ctx.tok(m) == Some(")")) {
                Some(m) => k = m + 1,
                None => return false,
            },
            _ if skippable(ctx, k) => k += 1,
            _ => return false,
        }
    }
    true
}

/// A person or organisation candidate after one or two lower-case content
/// words at `j` ("panel Chairman …", "longtime aide …"), before `end`.
fn described_subject(
    ctx: &Ctx,
    cands: &[Cand],
    para: Range<usize>,
    j: usize,
    end: usize,
) -> Option<usize> {
    let mut k = j;
    while k < end.min(j + 2)
        && ctx.tokens[k].kind == Kind::Word
        && !ctx.is_function(k)
        && ctx
            .tok(k)
            .is_some_and(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
    {
        k += 1;
    }
    if k == j {
        return None;
    }
    cand_starting_at(cands, para, k).filter(|&c| {
        !cands[c].after_prep
            && matches!(
                cands[c].kind,
                CandKind::Person | CandKind::Org(_) | CandKind::Outlet(_)
            )
    })
}

/// "according to X" at token `v`: X, a candidate right after the phrase
/// and before `end`.
fn according_to(
    ctx: &Ctx,
    cands: &[Cand],
    para: Range<usize>,
    v: usize,
    end: usize,
) -> Option<Frame> {
    let (len, _) = ctx.lex.according_to.longest(|k| ctx.word(v + k))?;
    if v + len >= end {
        return None;
    }
    let c = cand_soon_after(ctx, cands, para, v + len, end)?;
    Some(Frame {
        who: Some(c),
        cue: Some(ctx.span(v..v + len)),
        confidence: 0.85,
        ..Frame::default()
    })
}

/// The cue before `open` in sentence `sent` nearest the quote, and its
/// subject. Verbs of saying are tried before weaker cues, nearest first.
fn cue_before_open(
    ctx: &Ctx,
    open: usize,
    sent: Range<usize>,
    cands: &mut Vec<Cand>,
    para: Range<usize>,
) -> Option<Frame> {
    let mut found: Vec<(usize, Strength)> = Vec::new();
    let mut v = open;
    // A cue further than this from its quote attributes something else;
    // the bound also keeps a sentence with many quotes linear.
    let floor = sent.start.max(open.saturating_sub(80));
    while v > floor {
        v -= 1;
        if ctx.in_quote[v] {
            continue;
        }
        // "according to X, …": the speaker follows the cue phrase.
        if found.is_empty()
            && let Some(f) = according_to(ctx, cands, para.clone(), v, open)
        {
            return Some(f);
        }
        if let Some(st) = cue(ctx, cands, &para, v) {
            found.push((v, st));
        }
    }
    found.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    for (cue_at, strength) in found {
        if let Some(mut f) = subject_of(ctx, cue_at, sent.clone(), cands, para.clone()) {
            // "X said it would tell …": a cue inside what another cue
            // reports belongs to the outer speaker.
            if let Some(c) = f.who
                && ctx.low(cands[c].first()) == "it"
                && reported(ctx, cands, &para, cands[c].first())
            {
                continue;
            }
            if strength == Strength::Weak {
                f.confidence -= 0.1;
            }
            return Some(f);
        }
    }
    None
}

/// For a quote no cue attributes: the speaker of the sentence before in
/// the same paragraph (`X said Y. "…"`), else this sentence's subject
/// when the quote is inside it (`X lauded Y for "…"`).
pub(super) fn fallback(
    ctx: &Ctx,
    open: usize,
    cands: &mut Vec<Cand>,
    para: Range<usize>,
) -> Option<(usize, Option<Span>, f32)> {
    let sentences = ctx.sentences;
    let sent = sentence_at(ctx, open);
    if sent > 0 {
        let prev = sentences[sent - 1].clone();
        // Its last words: a bounded look keeps long paragraphs linear.
        let cue_at = (prev.end.saturating_sub(60).max(prev.start)..prev.end)
            .rev()
            .find(|&v| cue(ctx, cands, &para, v) == Some(Strength::Strong));
        if let Some(v) = cue_at
            && let Some(f) = subject_of(ctx, v, prev, cands, para.clone())
        {
            return Some((f.who?, f.cue, 0.65));
        }
    }
    let s = sentences[sent].clone();
    if sent > 0 && open <= s.start {
        // `X did this. "…"`: the previous sentence's subject, weakly.
        let prev = sentences[sent - 1].clone();
        let first = starting_in(cands, &para, prev.start, prev.end).find(|&c| {
            let cd = &cands[c];
            cd.after() <= prev.end
                && !cd.after_prep
                && !cd.in_quote
                && matches!(
                    cd.kind,
                    CandKind::Person | CandKind::Pronoun(_) | CandKind::Role
                )
                && in_subject_position(ctx, cd, prev.start)
        });
        return first.map(|c| (c, None, 0.45));
    }
    if open > s.start + 1 {
        let first = starting_in(cands, &para, s.start, open).find(|&c| {
            let cd = &cands[c];
            cd.after() <= open
                && !cd.after_prep
                && !cd.in_quote
                && is_subject_kind(cd)
                && !matches!(cd.kind, CandKind::Country(_)) | (cd.first() == s.start)
        })?;
        return Some((first, None, 0.5));
    }
    None
}

/// Who a paragraph hands the floor to: the subject of the last cue of its
/// last sentence, strongly when the paragraph ends in a colon or dash
/// (`Bangemann said that … --` before a quoted paragraph).
pub(super) fn lead_in(ctx: &Ctx, cands: &mut Vec<Cand>, para: Range<usize>) -> LeadIn {
    let last = ctx.sentences.last()?.clone();
    let end_tok = ctx.tok(last.end - 1)?;
    let open_end = matches!(end_tok, ":" | "--" | "—" | "-" | "…" | "...");
    let v = last
        .clone()
        .rev()
        .find(|&v| cue(ctx, cands, &para, v).is_some())?;
    let f = subject_of(ctx, v, last, cands, para)?;
    Some((f.who?, f.cue, if open_end { 0.75 } else { 0.4 }))
}

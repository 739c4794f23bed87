//! Who said each quote: a sieve of deterministic passes, most precise
//! first, each filling only what earlier passes left open (the shape of
//! the quote-attribution sieve of Muzny et al., 2017):
//!
//! 1. labels and adjacent attributions: `NAME: "…"`, `"…," X said`,
//!    `"…," said X`, `"…" — X`, `"…," according to X`;
//! 2. the cue's subject earlier in the same sentence: `X said "…"`,
//!    `X told Y: "…"`, `X, the minister, said … "…"`, `…, accusing Y of "…"`;
//! 3. (in `resolve`) quotes with no cue take the speaker of the paragraph's
//!    attributed quote, or of the quote they continue from the previous
//!    paragraph;
//! 4. (in `resolve`) otherwise the last speaker, at low confidence, for a
//!    quote that opens a paragraph right after an attributed one.
//!
//! This module does passes 1–2 per paragraph over tokens; it points at a
//! mention candidate. Which actor that candidate is, is decided later.

use std::ops::Range;

use super::mentions::{Cand, CandKind, Ctx};
use super::quotes::Found;
use super::tokens::Kind;
use crate::lexicon::{Gender, Lexicon, class};
use crate::model::{ActorId, Quote, Speaker};
use crate::span::Span;

/// One quote's attribution as far as its own paragraph tells.
#[derive(Clone, Debug, Default)]
pub(crate) struct Frame {
    /// Index of the speaking candidate (global).
    pub who: Option<usize>,
    pub cue: Option<Span>,
    pub via: Option<Span>,
    pub confidence: f32,
    /// The pass that found `who` (provenance, as the JSON export shows it).
    pub rule: &'static str,
    /// A weaker guess for pass 3 to use when the paragraph offers nothing
    /// better: (candidate, cue, confidence).
    pub fallback: Option<(usize, Option<Span>, f32)>,
}

/// A quote as the attribution sees it within its paragraph.
pub(crate) struct QuoteToks {
    /// Global quote index.
    pub index: usize,
    pub open: usize,
    /// The closing mark's token; `None` when the quote runs to the end.
    pub close: Option<usize>,
}

/// Words that may stand between a speaker and its cue: "Haddad also said",
/// "he later told", "Trump on Friday said".
fn skippable(ctx: &Ctx, i: usize) -> bool {
    let t = ctx.tokens[i];
    if t.kind == Kind::Number {
        return true;
    }
    let Some(w) = ctx.word(i) else { return false };
    let lower = ctx.low(i);
    (lower.ends_with("ly") && lower.len() > 4 && !ctx.lex.speech.contains_key(lower))
        || matches!(
            lower,
            "also"
                | "then"
                | "later"
                | "again"
                | "once"
                | "earlier"
                | "further"
                | "has"
                | "had"
                | "have"
                | "would"
                | "will"
                | "did"
                | "does"
                | "do"
                | "just"
                | "even"
                | "still"
                | "already"
                | "on"
                | "last"
                | "this"
                | "late"
                | "early"
                | "today"
                | "yesterday"
                | "tonight"
                | "meanwhile"
                | "however"
                | "too"
                | "could"
                | "might"
                | "may"
                | "should"
                | "can"
                | "is"
                | "was"
                | "been"
                | "be"
        )
        || Lexicon::has(&ctx.lex.calendar, w.trim_end_matches('.'))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    Weak,
    Strong,
}

/// Whether token `i` is a speech cue, and how strong. A form that is also
/// a noun ("mental state", "the report") counts only right after a subject.
fn cue(ctx: &Ctx, cands: &[Cand], para: &Range<usize>, i: usize) -> Option<Strength> {
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
        let mut j = i;
        while j > 0 && skippable(ctx, j - 1) {
            j -= 1;
        }
        // A name after an article or a possessive makes a noun phrase ("a
        // Donald Trump tweet", "his comments"); a nominative subject makes
        // the verb ("Trump tweets", "she comments").
        let nominal = |k: usize| {
            matches!(
                ctx.low(k),
                "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
            ) || ctx.tokens[k].kind == Kind::Possessive
        };
        let subject = j > 0
            && (cand_ending_at(cands, para.clone(), j).is_some_and(|c| {
                let s = cands[c].first();
                let pronoun = matches!(cands[c].kind, CandKind::Pronoun(_));
                !pronoun && (s == 0 || !nominal(s - 1))
            }) || matches!(
                ctx.low(j - 1),
                "he" | "she" | "they" | "we" | "i" | "it" | "you" | "who" | "which" | "that"
            ));
        if !subject {
            return None;
        }
    }
    Some(strength)
}

fn is_ing(ctx: &Ctx, i: usize) -> bool {
    ctx.word(i).is_some_and(|w| w.ends_with("ing"))
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

fn is_dash(s: &str) -> bool {
    matches!(s, "—" | "―" | "–" | "-" | "--")
}

/// Attributes the quotes of one paragraph (passes 1 and 2, and the
/// fallbacks pass 3 may use).
///
/// `sentences` are the paragraph's sentences as token ranges; `cands` is
/// the document's candidate list, of which `para_cands` belong to this
/// paragraph. New candidates (a common noun phrase that speaks, "it") are
/// appended to `cands`.
/// Who a paragraph hands the floor to: the subject of the last cue of its
/// last sentence, strongly when the paragraph ends in a colon or dash
/// (`Bangemann said that … --` before a quoted paragraph).
pub(crate) type LeadIn = Option<(usize, Option<Span>, f32)>;

pub(crate) fn lead_in(
    ctx: &Ctx,
    sentences: &[Range<usize>],
    cands: &mut Vec<Cand>,
    para: Range<usize>,
) -> LeadIn {
    let last = sentences.last()?.clone();
    let end_tok = ctx.tok(last.end - 1)?;
    let open_end = matches!(end_tok, ":" | "--" | "—" | "-" | "…" | "...");
    let v = last
        .clone()
        .rev()
        .find(|&v| cue(ctx, cands, &para, v).is_some())?;
    let f = subject_of(ctx, v, last, cands, para)?;
    Some((f.who?, f.cue, if open_end { 0.75 } else { 0.4 }))
}

pub(crate) fn attribute_paragraph(
    ctx: &Ctx,
    sentences: &[Range<usize>],
    quotes: &[QuoteToks],
    cands: &mut Vec<Cand>,
    para_cands: Range<usize>,
) -> Vec<Frame> {
    let sentence_of = |tok: usize| {
        sentences
            .partition_point(|s| s.end <= tok)
            .min(sentences.len().saturating_sub(1))
    };
    let mut frames = Vec::with_capacity(quotes.len());
    for q in quotes {
        let mut frame = Frame::default();
        let open_sent = sentence_of(q.open);
        // A label inside the quote: `"PENCE: Well, …`.
        if let Some(c) = label_inside(ctx, q, cands, para_cands.clone()) {
            frame = Frame {
                who: Some(c),
                cue: Some(ctx.tokens[cands[c].after()].span),
                confidence: 0.9,
                rule: "label-inside",
                ..Frame::default()
            };
        }
        // Pass 1: right after the closing mark (into the next sentence when
        // the mark ends one: `"…?" Clinton said.`).
        if frame.who.is_none()
            && let Some(close) = q.close
        {
            let si = sentence_of(close);
            let mut end = sentences[si].end;
            // Only a short attribution sentence, "Clinton said.", not the
            // next statement ("Russia insisted that …").
            if close + 1 >= end
                && let Some(next) = sentences.get(si + 1)
                && next.len() <= 12
                && !(next.start..next.end).any(|t| ctx.tokens[t].kind == Kind::Quote)
            {
                end = next.end;
            }
            frame = after_close(ctx, close, end, cands, para_cands.clone())
                .map(|f| Frame {
                    rule: "after-close",
                    ..f
                })
                .unwrap_or_default();
        }
        // Pass 1: a label right before the opening mark: `Trump: "…"`.
        if frame.who.is_none()
            && q.open >= 2
            && ctx.tok(q.open - 1) == Some(":")
            && let Some(c) = cand_ending_at(cands, para_cands.clone(), q.open - 1)
            && matches!(cands[c].kind, CandKind::Person | CandKind::Proper)
            && cands[c].first() == sentences[open_sent].start
        {
            frame = Frame {
                who: Some(c),
                cue: Some(ctx.tokens[q.open - 1].span),
                confidence: 0.85,
                rule: "label-before",
                ..Frame::default()
            };
        }
        // `… Mitt Romney -- "…"`: a name set off by a dash before the quote.
        if frame.who.is_none()
            && q.open >= 2
            && matches!(ctx.tok(q.open - 1), Some("--" | "—" | "–"))
            && let Some(c) = cand_ending_at(cands, para_cands.clone(), q.open - 1)
            && cands[c].kind == CandKind::Person
        {
            frame = Frame {
                who: Some(c),
                cue: Some(ctx.tokens[q.open - 1].span),
                confidence: 0.8,
                rule: "dash-before",
                ..Frame::default()
            };
        }
        // Pass 2: a cue earlier in the sentence.
        if frame.who.is_none() {
            let s = sentences[open_sent].clone();
            frame = before_open(ctx, q.open, s, cands, para_cands.clone())
                .map(|f| Frame {
                    rule: "cue-before",
                    ..f
                })
                .unwrap_or_default();
        }
        // `… "…" above their quotas, he said.`: the sentence ends with it.
        if frame.who.is_none()
            && let Some(close) = q.close
        {
            let s = sentences[sentence_of(close)].clone();
            frame = trailing(ctx, close, s, cands, para_cands.clone())
                .map(|f| Frame {
                    rule: "trailing-cue",
                    ..f
                })
                .unwrap_or_default();
        }
        // For pass 3: the speaker of the sentence before, or the subject
        // of this one.
        if frame.who.is_none() {
            frame.fallback = fallback(ctx, q.open, open_sent, sentences, cands, para_cands.clone());
        }
        // "his office said": the principal speaks, via the office.
        if let Some(w) = frame.who
            && cands[w].kind == CandKind::Conduit
        {
            frame.via = Some(cands[w].span);
        }
        frames.push(frame);
    }
    frames
}

/// The paragraph's candidates (sorted by first token) that start at a
/// token in `from..to`: a binary search, so long paragraphs stay linear.
fn starting_in(cands: &[Cand], para: &Range<usize>, from: usize, to: usize) -> Range<usize> {
    let slice = &cands[para.clone()];
    let a = slice.partition_point(|c| c.first() < from);
    let b = slice.partition_point(|c| c.first() < to);
    para.start + a..para.start + b.max(a)
}

/// The candidate whose last token is `tok - 1`.
fn cand_ending_at(cands: &[Cand], range: Range<usize>, tok: usize) -> Option<usize> {
    // A mention is a few words long: look back a bounded way.
    starting_in(cands, &range, tok.saturating_sub(24), tok)
        .rev()
        .find(|&c| cands[c].after() == tok && !cands[c].in_quote)
}

fn cand_starting_at(cands: &[Cand], range: Range<usize>, tok: usize) -> Option<usize> {
    starting_in(cands, &range, tok, tok + 1).find(|&c| !cands[c].in_quote)
}

fn label_inside(ctx: &Ctx, q: &QuoteToks, cands: &[Cand], range: Range<usize>) -> Option<usize> {
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

/// Pass 1: `"…," X said`, `"…," said X`, `"…" — X`, `"…," according to X`.
fn after_close(
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
            .or_else(|| common_after(ctx, j + len, end, cands))
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
        if let Some(c) = common_subject(ctx, j, k, cands).filter(|&c| cands[c].first() == j) {
            return Some(frame(c, 0.85));
        }
        let plain = (j..k).all(|t| {
            matches!(
                ctx.tokens[t].kind,
                Kind::Word | Kind::Possessive | Kind::Number
            )
        });
        let opens = ctx.word(j).is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "a" | "an" | "the" | "one" | "my" | "our" | "his" | "her" | "their"
            ) || w.chars().next().is_some_and(char::is_uppercase)
        });
        return (k > j && k - j <= 8 && plain && opens)
            .then(|| frame(push_common(ctx, j..k, cands), 0.8));
    }
    // `"…," said X`: the candidate right after the cue ("said 9/11
    // widow Terry Strada" allows a few words of description first).
    let mut k = v + 1;
    while k < end && skippable(ctx, k) {
        k += 1;
    }
    let c = cand_soon_after(ctx, cands, para.clone(), k, end)
        .or_else(|| common_after(ctx, k, end, cands))?;
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

/// The first candidate starting within a few words of `k`, before any
/// punctuation or quote.
fn cand_soon_after(
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

/// Pass 2: a cue before the opening mark in the same sentence, and its
/// subject. Verbs of saying are tried before weaker cues, nearest first.
fn before_open(
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

/// Whether token `i` opens a clause reported by a cue before it ("said
/// it", "said that it").
fn reported(ctx: &Ctx, cands: &[Cand], para: &Range<usize>, i: usize) -> bool {
    let mut k = i;
    if k > 0 && ctx.low(k - 1) == "that" {
        k -= 1;
    }
    k > 0 && cue(ctx, cands, para, k - 1).is_some()
}

/// The subject of the cue at `cue_at`.
fn subject_of(
    ctx: &Ctx,
    cue_at: usize,
    sent: Range<usize>,
    cands: &mut Vec<Cand>,
    para: Range<usize>,
) -> Option<Frame> {
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
                && matches!(
                    ctx.word(qd - 1),
                    Some("was" | "were" | "is" | "been" | "being")
                )
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
            .find(|&k| matches!(ctx.low(k), "who" | "which"));
        if let Some(r) = relative {
            let mut a = r;
            while a > sent.start && matches!(ctx.tok(a - 1), Some("," | "--" | "—" | "–")) {
                a -= 1;
            }
            let antecedent = cand_ending_at(cands, para.clone(), a)
                .or_else(|| common_subject(ctx, sent.start, a, cands));
            if let Some(c) = antecedent {
                let rel = push_cand(ctx, r..r + 1, cands, Some(c));
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
                .or_else(|| common_subject(ctx, sent.start, ing, cands));
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
        if matches!(pw.as_str(), "and" | "but") {
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
        if matches!(pw.as_str(), "it" | "they" | "we" | "i") {
            return Some(frame(push_common(ctx, prev..j, cands), 0.8));
        }
        // "Police say …", "the letter reads …": a noun phrase the
        // candidate finder left out.
        let content_word = ctx
            .word(prev)
            .is_some_and(|w| !ctx.is_function(prev) && ctx.lex.speech_base(w).is_none());
        if content_word && let Some(c) = common_subject(ctx, seg_start, j, cands) {
            return Some(frame(c, 0.7));
        }
        // ", accusing …", "and urged …", "by saying …", an appositive
        // ("Afacan, director of IRAM, told …"): the clause's first subject.
        connective = matches!(
            pw.as_str(),
            "," | "and"
                | "but"
                | ")"
                | "to"
                | "by"
                | "after"
                | "before"
                | "while"
                | "when"
                | "without"
        ) || is_ing(ctx, cue_at);
    }
    let first = starting_in(cands, &para, seg_start, cue_at).find(|&c| {
        let cd = &cands[c];
        cd.after() <= cue_at && !cd.after_prep && !cd.in_quote && is_subject_kind(cd)
    });
    // "Meanwhile, it attacked Trump, saying …": a pronoun the candidate
    // finder leaves out may be the clause's subject, before any name.
    let before = first.map_or(cue_at, |c| cands[c].first());
    let pronoun = (seg_start..before).find(|&k| {
        matches!(ctx.low(k), "it" | "they" | "we")
            && !ctx.in_quote[k]
            && super::mentions::subject_position(ctx, k, seg_start)
    });
    let who = match pronoun {
        Some(k) => push_common(ctx, k..k + 1, cands),
        None => first?,
    };
    Some(frame(who, if connective { 0.75 } else { 0.6 }))
}

/// For a quote no cue attributes: the speaker of the sentence before in
/// the same paragraph (`X said Y. "…"`), else this sentence's subject
/// when the quote is inside it (`X lauded Y for "…"`).
fn fallback(
    ctx: &Ctx,
    open: usize,
    sent: usize,
    sentences: &[Range<usize>],
    cands: &mut Vec<Cand>,
    para: Range<usize>,
) -> Option<(usize, Option<Span>, f32)> {
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

/// At the start of its clause (see `mentions::subject_position`).
fn in_subject_position(ctx: &Ctx, cd: &Cand, seg_start: usize) -> bool {
    cd.first() <= seg_start || super::mentions::subject_position(ctx, cd.first(), seg_start)
}

fn is_subject_kind(cd: &Cand) -> bool {
    !matches!(cd.kind, CandKind::Pronoun(p) if p.person != 3)
}

/// Where the clause holding token `at` starts: after the last closing
/// quote, semicolon or colon before it, else the sentence start.
fn segment_start(ctx: &Ctx, at: usize, start: usize) -> usize {
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

/// A noun phrase ending right before token `end` (exclusive) and starting
/// at or after `from`, made a candidate: "Police", "the poll", "it".
fn common_subject(ctx: &Ctx, from: usize, end: usize, cands: &mut Vec<Cand>) -> Option<usize> {
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
    if matches!(lower.as_str(), "it" | "they" | "we" | "i" | "she" | "he") {
        return Some(push_common(ctx, last..end, cands));
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
            .is_some_and(|c| c & (class::ROLE_START | class::ANONYMOUS) != 0)
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
                if matches!(
                    pl.as_str(),
                    "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "this" | "that"
                ) {
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
    Some(push_common(ctx, k..end, cands))
}

/// The noun phrase right after an inverted cue: `said the minister`.
fn common_after(ctx: &Ctx, k: usize, end: usize, cands: &mut Vec<Cand>) -> Option<usize> {
    let w = ctx.word(k)?;
    let lower = w.to_lowercase();
    if matches!(lower.as_str(), "he" | "she" | "they" | "it" | "we" | "i") {
        return Some(push_common(ctx, k..k + 1, cands));
    }
    if !matches!(lower.as_str(), "the" | "a" | "an" | "one") {
        return None;
    }
    let mut e = k + 1;
    while e < end && e - k < 6 {
        match ctx.word(e) {
            Some(x) if !ctx.is_function(e) && !x.is_empty() => e += 1,
            _ => break,
        }
    }
    (e > k + 1).then(|| push_common(ctx, k..e, cands))
}

fn push_common(ctx: &Ctx, r: Range<usize>, cands: &mut Vec<Cand>) -> usize {
    push_cand(ctx, r, cands, None)
}

/// A new candidate over tokens `r` (or the existing one with that span):
/// a common noun phrase, a pronoun, or a relative pronoun standing for
/// `antecedent`.
fn push_cand(
    ctx: &Ctx,
    r: Range<usize>,
    cands: &mut Vec<Cand>,
    antecedent: Option<usize>,
) -> usize {
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
    // The caller sets the sentence and paragraph of new candidates.
    let (sentence, paragraph) = (0, 0);
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
        headline: false,
        sentence_initial: false,
        sentence,
        paragraph,
        tokens: r.start as u32..r.end as u32,
    });
    cands.len() - 1
}

/// What `resolve` needs to know of each block (title, heading, paragraph).
pub(crate) struct BlockInfo {
    pub headline: bool,
    pub start: u32,
    pub lead_in: LeadIn,
}

/// Passes 3 and 4 over the whole document, then which quotes are speech.
///
/// `frames` hold passes 1–2; `of_cand` maps candidates to actors (every
/// candidate a frame points at has one).
pub(crate) fn resolve(
    text: &str,
    found: &[Found],
    frames: &[Frame],
    cands: &[Cand],
    of_cand: &super::actors::ActorOf,
    blocks: &[BlockInfo],
) -> Vec<Quote> {
    let headline = |b: usize| blocks.get(b).is_some_and(|x| x.headline);
    let block_start = |b: usize| blocks.get(b).map_or(0, |x| x.start);
    let lead_in = |b: usize| blocks.get(b).and_then(|x| x.lead_in);
    let mut speakers: Vec<Option<Speaker>> = frames
        .iter()
        .map(|f| {
            let who = f.who?;
            Some(Speaker {
                actor: ActorId::new(of_cand.get(who)?),
                mention: Some(cands[who].span),
                cue: f.cue,
                via: f.via,
                confidence: f.confidence,
                rule: f.rule,
            })
        })
        .collect();
    let inherit = |s: &Speaker, confidence: f32, rule: &'static str| Speaker {
        confidence: confidence.min(s.confidence),
        rule,
        ..s.clone()
    };
    // Pass 3: continuations and the paragraph's other quotes. Sweeps keep
    // it linear: the nearest attributed quote before (as filled so far)
    // and after (from passes 1–2) in the same block.
    let mut next_attributed: Vec<Option<Speaker>> = vec![None; found.len()];
    let mut later: Option<Speaker> = None;
    for q in (0..found.len()).rev() {
        if q + 1 < found.len() && found[q + 1].paragraph != found[q].paragraph {
            later = None;
        }
        next_attributed[q] = later.clone();
        if !found[q].single && speakers[q].is_some() {
            later = speakers[q].clone();
        }
    }
    let mut earlier: Option<Speaker> = None;
    for q in 0..found.len() {
        if q > 0 && found[q - 1].paragraph != found[q].paragraph {
            earlier = None;
        }
        if speakers[q].is_none() && !found[q].single {
            speakers[q] = if found[q].continues
                && q > 0
                && let Some(prev) = &speakers[q - 1]
            {
                Some(inherit(prev, 0.8, "continuation"))
            } else if let Some(s) = &earlier {
                Some(inherit(s, 0.8, "paragraph-earlier"))
            } else if let Some(s) = &next_attributed[q] {
                Some(inherit(s, 0.7, "paragraph-later"))
            } else if let Some((who, cue, confidence)) = frames[q].fallback
                && let Some(actor) = of_cand.get(who)
            {
                Some(Speaker {
                    actor: ActorId::new(actor),
                    mention: Some(cands[who].span),
                    cue,
                    via: None,
                    confidence,
                    rule: "fallback",
                })
            } else {
                None
            };
        }
        if !found[q].single && speakers[q].is_some() {
            earlier = speakers[q].clone();
        }
    }
    // Pass 4: a quote that opens a paragraph right after an attributed one.
    for q in 0..found.len() {
        if speakers[q].is_some() || found[q].single || headline(found[q].paragraph) {
            continue;
        }
        let b = found[q].paragraph;
        if b == 0 || found[q].open.start != block_start(b) {
            continue;
        }
        let lead = lead_in(b - 1);
        let prev = (0..q)
            .rev()
            .take_while(|k| found[*k].paragraph + 1 >= b)
            .find(|k| found[*k].paragraph == b - 1 && !found[*k].single);
        let from_lead = |(who, cue, confidence): (usize, Option<Span>, f32)| {
            Some(Speaker {
                actor: ActorId::new(of_cand.get(who)?),
                mention: Some(cands[who].span),
                cue,
                via: None,
                confidence,
                rule: "lead-in",
            })
        };
        speakers[q] = match (lead, prev.and_then(|k| speakers[k].clone())) {
            (Some(l), _) if l.2 >= 0.7 => from_lead(l),
            (_, Some(s)) => Some(inherit(&s, 0.45, "previous-paragraph")),
            (Some(l), None) => from_lead(l),
            (None, None) => None,
        };
    }
    // British style puts speech in single quotes; where a paragraph has
    // double quotes, single ones are nested or scare quotes.
    let with_double: rustc_hash::FxHashSet<usize> = found
        .iter()
        .filter(|f| !f.single)
        .map(|f| f.paragraph)
        .collect();
    let has_double = |b: usize| with_double.contains(&b);
    found
        .iter()
        .zip(speakers)
        .map(|(f, speaker)| {
            let confidence = speaker.as_ref().map_or(0.0, |s| s.confidence);
            // Only "four or fewer" matters: no need to count past five.
            let words = f.span.text(text).split_whitespace().take(5).count();
            let speech = if headline(f.paragraph)
                || names_a_work(text, f)
                || stage_direction(text, f)
                || nickname(text, f)
            {
                false
            } else if f.single {
                confidence >= 0.85 && !has_double(f.paragraph)
            } else if looks_like_a_name(text, f) || in_markup(text, f) {
                confidence >= 0.9
            } else if words <= 4 {
                // A short quote that nothing attributes is a scare quote,
                // unless it reads as an utterance: "What curfew?",
                // "Hands up, don't shoot."
                confidence > 0.0 || utterance(text, f, words)
            } else {
                true
            };
            Quote {
                span: f.span,
                speech,
                speaker: if speech { speaker } else { None },
            }
        })
        .collect()
}

/// A short quote that is a whole exclamation, question or sentence of its
/// own: a capital first, and `!` or `?` at the end, or a full stop after
/// two words or more (one capitalised word and a stop is a name: "dubbed
/// "Brexit."").
fn utterance(text: &str, f: &Found, words: usize) -> bool {
    let inner = f.span.text(text).trim();
    inner.starts_with(char::is_uppercase)
        && (inner.ends_with(['!', '?']) || (words >= 2 && inner.ends_with('.')))
}

/// The first words of a quote, as a title would have them (outer commas
/// and stops trimmed); nine at most: more is too long for a name or a
/// title.
fn title_words<'t>(text: &'t str, f: &Found) -> Vec<&'t str> {
    f.span
        .text(text)
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.'))
        .split_whitespace()
        .take(9)
        .collect()
}

/// Whether a word is capitalised as in a title (or is a number).
fn title_capital(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A title in capitals after a possessive, a preposition or a word for a
/// work: `CNN's "State of the Union"`, `on "Face the Nation"`, `the
/// documentary "13th"`.
fn names_a_work(text: &str, f: &Found) -> bool {
    let words = title_words(text, f);
    let small = |w: &str| {
        matches!(
            w,
            "of" | "the" | "and" | "in" | "a" | "an" | "on" | "for" | "to" | "with" | "at" | "is"
        )
    };
    if words.is_empty()
        || words.len() > 8
        || !title_capital(words[0])
        || !words.iter().all(|w| title_capital(w) || small(w))
    {
        return false;
    }
    // The word before the opening mark (read from the back: the text
    // before may be long).
    let prev = text[..f.open.start as usize]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_end_matches(',')
        .to_lowercase();
    prev.ends_with("'s")
        || prev.ends_with("’s")
        || matches!(
            prev.as_str(),
            "of" | "on"
                | "in"
                | "at"
                | "from"
                | "show"
                | "program"
                | "programme"
                | "book"
                | "film"
                | "movie"
                | "documentary"
                | "series"
                | "song"
                | "anthem"
                | "album"
                | "column"
                | "article"
                | "headline"
                | "slogan"
                | "ad"
                | "spot"
                | "episode"
                | "broadcast"
                | "play"
                | "novel"
                | "poem"
                | "report"
        )
}

/// `"(CROSSTALK.)"`: a bracketed stage direction in a transcript.
fn stage_direction(text: &str, f: &Found) -> bool {
    let inner = f.span.text(text).trim();
    (inner.starts_with('(') && inner.trim_end_matches(['.', ',']).ends_with(')'))
        || (inner.starts_with('[') && inner.trim_end_matches(['.', ',']).ends_with(']'))
}

/// An attribute value in markup left in the text: `<tweet author="…">`.
fn in_markup(text: &str, f: &Found) -> bool {
    text[..f.open.start as usize].ends_with('=')
}

/// `what she called "…"`, `which they call "…"`: the quoted words are the
/// subject's, not a name for something.
fn what_someone_called(text: &str, open: usize) -> bool {
    let before = &text[text.floor_char_boundary(open.saturating_sub(80))..open];
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(6)
        .map(|w| w.to_lowercase())
        .collect();
    matches!(
        words.first().map(String::as_str),
        Some("called" | "calls" | "call" | "termed" | "terms" | "dubbed" | "dubs")
    ) && words[1..].iter().any(|w| w == "what" || w == "which")
}

/// Titles of works, shows and nicknames: "Fox News Sunday", Robert C.
/// "Bobby" Scott, a film called "13th".
fn looks_like_a_name(text: &str, f: &Found) -> bool {
    let words = title_words(text, f);
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let small = |w: &str| {
        matches!(
            w,
            "of" | "the" | "and" | "in" | "a" | "an" | "on" | "for" | "to" | "with" | "at"
        )
    };
    let title_case = words.iter().all(|w| title_capital(w) || small(w)) && title_capital(words[0]);
    let head = &text[..f.open.start as usize];
    let from = head.char_indices().rev().nth(23).map_or(0, |(i, _)| i);
    let before = &head[from..];
    let lowered = before.trim_end().to_lowercase();
    let named = [
        "titled",
        "entitled",
        "called",
        "dubbed",
        "named",
        "nicknamed",
        "headlined",
        "so-called",
        "known as",
        "the word",
        "the phrase",
        "the term",
    ]
    .iter()
    .any(|w| lowered.ends_with(w))
        && !what_someone_called(text, f.open.start as usize);
    // A quoted sentence standing on its own ("… he added. "We're here."")
    // is speech, however capitalised.
    let standalone = f.span.text(text).trim_end().ends_with(['.', '!', '?'])
        && before
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '"' | '”' | '\''));
    named || (title_case && words.len() >= 2 && !standalone)
}

/// Between a first name (or an initial) and a surname: a nickname, as in
/// Robert C. "Bobby" Scott.
fn nickname(text: &str, f: &Found) -> bool {
    let inner = f.span.text(text).trim();
    // One or two words: no need to count past three.
    let words = inner.split_whitespace().take(3).count();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let before = &text[text.floor_char_boundary((f.open.start as usize).saturating_sub(40))
        ..f.open.start as usize];
    let after = text
        .get(f.close.map_or(f.span.end, |c| c.end) as usize..)
        .unwrap_or("");
    let prev = before.split_whitespace().next_back().unwrap_or("");
    let next = after.split_whitespace().next().unwrap_or("");
    // "C." is an initial; "said." ends a sentence.
    let initial = prev.len() == 2 && prev.ends_with('.');
    (1..=2).contains(&words)
        && !inner.ends_with(['.', ',', '!', '?'])
        && capital(prev)
        && capital(next)
        && (initial || !prev.ends_with(['.', ',', ':']))
}

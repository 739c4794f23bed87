//! The analysis: actors and their mentions, quotes and their speakers,
//! positions and red lines — all as spans of the document's text.
//!
//! `analyze(&Document, &Lexicon) -> Analysis` is pure and deterministic.

mod actors;
mod attribution;
mod mentions;
mod quotes;
mod sentences;
mod stances;
pub mod syntax;
mod tokens;

use crate::lexicon::Lexicon;
use crate::model::{
    Actor, ActorId, ActorKind, Analysis, BlockKind, Document, Mention, MentionKind, Position, Quote,
};
use crate::span::Span;

/// A stretch of text the analysis reads as one paragraph: the title,
/// a section heading, or a body paragraph.
struct Block {
    span: Span,
    headline: bool,
}

/// Analyses a document. Pure: no I/O, no globals, deterministic.
pub fn analyze(doc: &Document, lex: &Lexicon) -> Analysis {
    let (mut analysis, gate) = actors_and_quotes(doc, lex, true);
    analysis.positions = find_positions(doc, &analysis, lex, Some(&gate));
    analysis
}

/// The analysis without positions and red lines (sentences, actors,
/// quotes): what benchmarks compare [`analyze`] with.
pub fn analyze_quotes(doc: &Document, lex: &Lexicon) -> Analysis {
    actors_and_quotes(doc, lex, false).0
}

/// The positions and red lines of an analysed document: what [`analyze`]
/// fills [`Analysis::positions`] with, from its sentences, actors and quotes.
pub fn positions(doc: &Document, analysis: &Analysis, lex: &Lexicon) -> Vec<Position> {
    find_positions(doc, analysis, lex, None)
}

/// The stance pass over every sentence, or over those `gate` marks.
fn find_positions(
    doc: &Document,
    analysis: &Analysis,
    lex: &Lexicon,
    gate: Option<&[bool]>,
) -> Vec<Position> {
    stances::find(
        &doc.content(),
        &analysis.sentences,
        &analysis.actors,
        &analysis.quotes,
        lex,
        gate,
    )
}

/// Sentences, actors and quotes: the analysis before positions; and, when
/// `want_gate`, for each sentence whether it may hold a position (else
/// all false).
fn actors_and_quotes(doc: &Document, lex: &Lexicon, want_gate: bool) -> (Analysis, Vec<bool>) {
    let content = doc.content();
    let text: &str = &content;
    let mut blocks: Vec<Block> = Vec::new();
    if let Some(t) = doc.title {
        blocks.push(Block {
            span: t,
            headline: true,
        });
    }
    for s in &doc.sections {
        if let Some(h) = s.heading {
            blocks.push(Block {
                span: h,
                headline: true,
            });
        }
    }
    for p in doc.paragraphs.iter().filter(|p| p.kind != BlockKind::Code) {
        blocks.push(Block {
            span: p.span,
            headline: false,
        });
    }
    blocks.sort_by_key(|b| b.span.start);

    // Quotations, paragraph by paragraph, following runs-on.
    let mut found = Vec::new();
    let mut open = false;
    for (b, block) in blocks.iter().enumerate() {
        open = quotes::find_in_paragraph(text, block.span, b, open && !block.headline, &mut found);
        if block.headline {
            open = false;
        }
    }

    // Tokens, sentences, mention candidates and attribution frames, one
    // block at a time (tokens are not kept).
    let mut sentences_out: Vec<Span> = Vec::new();
    // About one mention per 40 bytes of news prose: reserving avoids the
    // copies (and the doubled peak) of growing a large vector.
    let mut cands: Vec<mentions::Cand> = Vec::with_capacity(text.len() / 40 + 16);
    let mut frames: Vec<attribution::Frame> = vec![attribution::Frame::default(); found.len()];
    let mut lead_ins: Vec<attribution::LeadIn> = vec![None; blocks.len()];
    let mut toks: Vec<tokens::Token> = Vec::new();
    let mut in_quote: Vec<bool> = Vec::new();
    let mut opening: Vec<bool> = Vec::new();
    let mut gate: Vec<bool> = Vec::new();
    let mut lowered = tokens::Lowered::default();
    let mut q_at = 0;
    for (b, block) in blocks.iter().enumerate() {
        toks.clear();
        tokens::tokenize(text, block.span, &lex.abbreviations, &mut toks);
        let q_start = q_at;
        while q_at < found.len() && found[q_at].paragraph == b {
            q_at += 1;
        }
        if toks.is_empty() {
            continue;
        }
        in_quote.clear();
        in_quote.resize(toks.len(), false);
        opening.clear();
        opening.resize(toks.len(), false);
        let mut qtoks = Vec::with_capacity(q_at - q_start);
        for (k, q) in found[q_start..q_at].iter().enumerate() {
            let at = |pos: u32| toks.partition_point(|t| t.span.start < pos);
            let open_t = at(q.open.start);
            if let Some(t) = opening.get_mut(open_t) {
                *t = true;
            }
            for flag in &mut in_quote[at(q.span.start)..at(q.span.end)] {
                *flag = true;
            }
            qtoks.push(attribution::QuoteToks {
                index: q_start + k,
                open: open_t,
                close: q.close.map(|c| at(c.start)).filter(|&c| c < toks.len()),
            });
        }
        let sents = sentences::split(text, &toks, |i| opening[i]);
        let sentence_base = sentences_out.len();
        sentences_out.extend(sents.iter().map(|r| {
            Span::new(
                toks[r.start].span.start as usize,
                toks[r.end - 1].span.end as usize,
            )
        }));
        lowered.fill(text, &toks, &lex.classes);
        gate.extend(
            sents
                .iter()
                .map(|r| want_gate && stances::may_hold(text, &toks, &lowered, r.clone(), lex)),
        );
        let ctx = mentions::Ctx {
            text,
            tokens: &toks,
            lower: &lowered,
            in_quote: &in_quote,
            lex,
        };
        let para_start = cands.len();
        for (si, r) in sents.iter().enumerate() {
            mentions::find(&ctx, r.clone(), sentence_base + si, b, &mut cands);
        }
        // "LONDON, March 9 -" names a place, not an actor.
        if let Some(d) = doc.dateline
            && d.overlaps(block.span)
        {
            // Only this block's candidates: a pass over all of them per
            // block would be quadratic.
            let mut kept = para_start;
            for k in para_start..cands.len() {
                if !cands[k].span.overlaps(d) {
                    cands.swap(kept, k);
                    kept += 1;
                }
            }
            cands.truncate(kept);
            // The story's first word follows the dateline: "LONDON, March
            // 9 - Talks between …" starts a sentence with "Talks".
            let first = toks.partition_point(|t| t.span.start < d.end);
            for c in &mut cands[para_start..] {
                if c.first() == first {
                    c.sentence_initial = true;
                }
            }
        }
        let para_end = cands.len();
        let para_frames = attribution::attribute_paragraph(
            &ctx,
            &sents,
            &qtoks,
            &mut cands,
            para_start..para_end,
        );
        if !block.headline {
            lead_ins[b] = attribution::lead_in(&ctx, &sents, &mut cands, para_start..para_end);
        }
        for c in &mut cands[para_start..] {
            c.headline = block.headline;
        }
        for c in &mut cands[para_end..] {
            c.paragraph = b as u32;
            c.sentence = (sentence_base + sents.partition_point(|s| s.end <= c.first())) as u32;
        }
        for (q, f) in qtoks.iter().zip(para_frames) {
            frames[q.index] = f;
        }
    }

    for f in &frames {
        if let Some(w) = f.who {
            cands[w].speaker = true;
        }
    }
    let mut res = actors::resolve(text, lex, &cands);
    // A speaker the resolver could not place ("he" with no antecedent)
    // still gets an actor of its own, shown as uncertain.
    // A capitalised word the resolver dropped ("Calls", "Facing") is no
    // speaker at all.
    let dropped = |c: &mentions::Cand| c.kind == mentions::CandKind::Proper && c.sentence_initial;
    for f in &mut frames {
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
                let a = res.orphan(text, &cands[w]);
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
                let a = res.orphan(text, &cands[w]);
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
                let a = res.orphan(text, &cands[w]);
                res.of_cand.set(w, Some(a));
            }
        }
    }
    let infos: Vec<attribution::BlockInfo> = blocks
        .iter()
        .zip(&lead_ins)
        .map(|(b, l)| attribution::BlockInfo {
            headline: b.headline,
            start: b.span.start,
            lead_in: *l,
        })
        .collect();
    let quotes = attribution::resolve(text, &found, &frames, &cands, &res.of_cand, &infos);
    (
        assemble(text, lex, sentences_out, &cands, res, quotes),
        gate,
    )
}

/// A country goes by its usual English name when the article uses it,
/// else by the name the article does use ("Zaire", "Ivory Coast"), never
/// by its capital or demonym.
fn country_name(text: &str, lex: &Lexicon, canonical: &str, mentions: &[Mention]) -> String {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for m in mentions.iter().filter(|m| m.kind == MentionKind::Name) {
        let t = crate::text::reflow(m.span.text(text));
        if t == canonical {
            return t;
        }
        let words: Vec<&str> = t.split(' ').collect();
        let is_name = lex
            .places
            .longest(|k| words.get(k).copied())
            .is_some_and(|(len, p)| {
                len == words.len() && p.role == crate::lexicon::PlaceRole::Name
            });
        if is_name {
            *counts.entry(t).or_default() += 1;
        }
    }
    most_used(counts).unwrap_or_else(|| canonical.to_string())
}

/// The name with the highest count; ties go to the longest, then to the
/// first in alphabetical order (deterministic whatever the map's order).
fn most_used(counts: std::collections::HashMap<String, usize>) -> Option<String> {
    counts
        .into_iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(a.0.len().cmp(&b.0.len()))
                .then(b.0.cmp(&a.0))
        })
        .map(|(t, _)| t)
}

/// The most used name among an actor's name mentions, without a leading
/// "the"; ties go to the longest.
fn surface_name(text: &str, mentions: &[Mention]) -> Option<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for m in mentions.iter().filter(|m| m.kind == MentionKind::Name) {
        let t = crate::text::reflow(m.span.text(text));
        let t = t
            .strip_prefix("the ")
            .or_else(|| t.strip_prefix("The "))
            .unwrap_or(&t);
        // "Oslo-based Centre for …" goes by "Centre for …".
        let t = match t.split_once(' ') {
            Some((first, rest)) if first.ends_with("-based") => rest,
            _ => t,
        }
        .to_string();
        // An all-capital headline form is a last resort.
        let shouting = t.len() > 5
            && t.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        *counts.entry(t).or_default() += if shouting { 0 } else { 2 };
    }
    most_used(counts)
}

/// Builds the final actors (those with mentions, in order of appearance)
/// and renumbers speakers to match.
fn assemble(
    text: &str,
    lex: &Lexicon,
    sentences: Vec<Span>,
    cands: &[mentions::Cand],
    res: actors::Resolution,
    mut quotes: Vec<Quote>,
) -> Analysis {
    let n = res.actors.len();
    // Sized exactly: grown by doubling, the lists of a long document
    // would hold up to twice the memory they need.
    let mut count = vec![0usize; n];
    for a in res.of_cand.iter().flatten() {
        count[a] += 1;
    }
    let mut mentions: Vec<Vec<Mention>> = count.iter().map(|&k| Vec::with_capacity(k)).collect();
    drop(count);
    for (c, a) in cands.iter().zip(res.of_cand.iter()) {
        if let Some(a) = a {
            mentions[a].push(Mention {
                span: c.span,
                kind: actors::mention_kind(c),
            });
        }
    }
    // Speakers' mentions are mentions of their actor. Only those spans are
    // looked up: a set of every mention would cost memory in proportion
    // to the text.
    let asked: rustc_hash::FxHashSet<Span> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref().and_then(|s| s.mention))
        .collect();
    let mut known: rustc_hash::FxHashSet<Span> = mentions
        .iter()
        .flatten()
        .map(|m| m.span)
        .filter(|s| asked.contains(s))
        .collect();
    for q in &quotes {
        if let Some(s) = &q.speaker
            && let Some(m) = s.mention
            && known.insert(m)
        {
            mentions[s.actor.index()].push(Mention {
                span: m,
                kind: MentionKind::Role,
            });
        }
    }
    let mut order: Vec<usize> = (0..n).filter(|&a| !mentions[a].is_empty()).collect();
    for m in &mut mentions {
        m.sort_by_key(|x| (x.span.start, x.span.end));
        m.dedup_by_key(|x| x.span);
    }
    order.sort_by_key(|&a| mentions[a][0].span.start);
    let mut new_id: Vec<Option<ActorId>> = vec![None; n];
    for (i, &a) in order.iter().enumerate() {
        new_id[a] = Some(ActorId::new(i));
    }
    let actors: Vec<Actor> = order
        .iter()
        .map(|&a| {
            let b = &res.actors[a];
            // An organisation goes by the name the article uses most
            // ("OPEC", not the lexicon's long form); ties: the longest.
            let name = match b.kind {
                ActorKind::Organization | ActorKind::Group => {
                    surface_name(text, &mentions[a]).unwrap_or_else(|| b.name.clone())
                }
                ActorKind::Country => country_name(text, lex, &b.name, &mentions[a]),
                ActorKind::Person => b.name.clone(),
            };
            Actor {
                name: crate::text::reflow(&name),
                kind: b.kind,
                role: b.role,
                mentions: std::mem::take(&mut mentions[a]),
            }
        })
        .collect();
    for q in &mut quotes {
        // Speakers come numbered as the resolver numbers actors.
        let renumbered = q.speaker.as_ref().and_then(|s| new_id[s.actor.index()]);
        match (q.speaker.as_mut(), renumbered) {
            (Some(s), Some(id)) => s.actor = id,
            (Some(_), None) => q.speaker = None,
            (None, _) => {}
        }
    }
    let _ = text;
    Analysis {
        sentences,
        actors,
        quotes,
        positions: Vec::new(),
    }
}

#[cfg(test)]
mod tests;

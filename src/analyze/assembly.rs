//! Assembly: the final actors (those with mentions, in order of
//! appearance, each under the name the article uses most) and the quotes'
//! speakers renumbered to match.

use super::{actors, mentions};
use crate::lexicon::Lexicon;
use crate::model::{Actor, ActorId, ActorKind, Analysis, Mention, MentionKind, Quote};
use crate::span::Span;

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
/// "the"; ties go to the longest. A name with a legal form counts for the
/// same name without it when the article uses that too ("Acme Inc" once,
/// then "Acme": "Acme").
fn surface_name(text: &str, lex: &Lexicon, mentions: &[Mention]) -> Option<String> {
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
        // A form that opens with a lower-case word ("senior Bank of …")
        // carries a role word the name left behind.
        let lower = t.chars().next().is_some_and(char::is_lowercase);
        *counts.entry(t).or_default() += if shouting {
            0
        } else if lower {
            1
        } else {
            2
        };
    }
    if counts.len() > 1 {
        let pooled: Vec<(String, String)> = counts
            .keys()
            .filter_map(|t| {
                let short = actors::without_legal_form(lex, t);
                (short.len() < t.len() && counts.contains_key(short))
                    .then(|| (t.clone(), short.to_string()))
            })
            .collect();
        for (long, short) in pooled {
            let n = counts.remove(&long).unwrap_or(0);
            *counts.entry(short).or_default() += n;
        }
    }
    most_used(counts)
}

/// Builds the final actors (those with mentions, in order of appearance)
/// and renumbers speakers to match.
pub(crate) fn assemble(
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
                    surface_name(text, lex, &mentions[a]).unwrap_or_else(|| b.name.clone())
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

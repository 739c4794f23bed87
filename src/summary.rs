//! The summary of a briefing, built from its analysis. Every item carries
//! the span it came from, so each one links back into the text.
//!
//! * `headline`: the title, or the first sentence when there is none.
//! * `lead`: the first one or two sentences of the first body paragraph.
//! * `key_actors`: at most six actors ranked by salience: 3 per quote, 3 per
//!   position, 2 more per red line, 1 per mention; ties go to the earlier.
//! * `red_lines`, `positions`: indices into `Analysis::positions`, grouped
//!   by holder in order of each holder's first item.
//! * `key_quotes`: the longest quote (up to 200 bytes counted) of each key
//!   actor that was quoted.
//! * `digest`: 3–5 sentences in text order: the lead's first, then those
//!   with the most red lines, positions and quotes.
//!
//! Building is linear in the size of the analysis.

use crate::model::{ActorId, Analysis, Document};
use crate::span::Span;

/// One actor among the key actors, with the counts that ranked it.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyActor {
    pub actor: ActorId,
    pub role: Option<Span>,
    /// The actor's first mention: where "Enter" jumps to.
    pub span: Span,
    pub mentions: usize,
    pub quotes: usize,
    pub positions: usize,
    pub red_lines: usize,
}

/// Positions (indices into `Analysis::positions`) of one holder.
#[derive(Clone, Debug, PartialEq)]
pub struct ByHolder {
    pub holder: Option<ActorId>,
    pub items: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The title, or the first sentence when there is none.
    pub headline: Option<Span>,
    pub dateline: Option<Span>,
    /// One or two sentences.
    pub lead: Vec<Span>,
    /// Ranked by salience (quotes, positions, mentions).
    pub key_actors: Vec<KeyActor>,
    pub red_lines: Vec<ByHolder>,
    /// Positions that are not red lines.
    pub positions: Vec<ByHolder>,
    /// Indices into `Analysis::quotes`: one per key actor who was quoted.
    pub key_quotes: Vec<usize>,
    /// A 3–5 sentence extractive digest, in text order.
    pub digest: Vec<Span>,
}

/// How many actors the summary names.
const KEY_ACTORS: usize = 6;

pub fn build(doc: &Document, analysis: &Analysis) -> Summary {
    let sentences: Vec<Span> = if analysis.sentences.is_empty() {
        doc.paragraphs.iter().map(|p| p.span).collect()
    } else {
        analysis.sentences.clone()
    };
    let headline = doc.title.or_else(|| sentences.first().copied());
    let body: Vec<Span> = sentences
        .iter()
        .copied()
        .filter(|s| Some(*s) != doc.title && doc.title.is_none_or(|t| !t.contains(*s)))
        .collect();
    // The lead: the first body paragraph, at most two sentences of it.
    let first_para = body.first().and_then(|s| {
        doc.paragraphs
            .iter()
            .find(|p| p.span.contains(*s))
            .map(|p| p.span)
    });
    let lead: Vec<Span> = body
        .iter()
        .take_while(|s| first_para.is_none_or(|p| p.contains(**s)))
        .take(2)
        .copied()
        .collect();

    let n = analysis.actors.len();
    let mut quotes = vec![0usize; n];
    let mut positions = vec![0usize; n];
    let mut red = vec![0usize; n];
    for q in analysis.quotes.iter().filter(|q| q.speech) {
        if let Some(s) = &q.speaker {
            quotes[s.actor.index()] += 1;
        }
    }
    for p in &analysis.positions {
        if let Some(h) = p.holder {
            positions[h.index()] += 1;
            red[h.index()] += usize::from(p.red_line);
        }
    }
    let mut ranked: Vec<KeyActor> = analysis
        .actors
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            Some(KeyActor {
                actor: ActorId::new(i),
                role: a.role,
                span: a.mentions.first()?.span,
                mentions: a.mentions.len(),
                quotes: quotes[i],
                positions: positions[i],
                red_lines: red[i],
            })
        })
        .collect();
    let score = |k: &KeyActor| 3 * k.quotes + 3 * k.positions + 2 * k.red_lines + k.mentions;
    ranked.sort_by(|a, b| {
        score(b)
            .cmp(&score(a))
            .then(a.span.start.cmp(&b.span.start))
    });
    ranked.truncate(KEY_ACTORS);

    let by_holder = |red_line: bool| {
        let mut groups: Vec<ByHolder> = Vec::new();
        let mut index: std::collections::HashMap<Option<ActorId>, usize> =
            std::collections::HashMap::new();
        for (i, p) in analysis.positions.iter().enumerate() {
            if p.red_line != red_line {
                continue;
            }
            let g = *index.entry(p.holder).or_insert_with(|| {
                groups.push(ByHolder {
                    holder: p.holder,
                    items: Vec::new(),
                });
                groups.len() - 1
            });
            groups[g].items.push(i);
        }
        groups
    };

    // The best quote of every speaker in one pass, then those of the key
    // actors in their rank order.
    let mut best: Vec<Option<usize>> = vec![None; n];
    let weight = |q: &crate::model::Quote| (q.span.len().min(200), std::cmp::Reverse(q.span.start));
    for (i, q) in analysis.quotes.iter().enumerate() {
        if let Some(s) = q.speaker.as_ref().filter(|_| q.speech)
            && let Some(b) = best.get_mut(s.actor.index())
            && b.is_none_or(|j| weight(q) > weight(&analysis.quotes[j]))
        {
            *b = Some(i);
        }
    }
    let key_quotes = ranked
        .iter()
        .filter_map(|k| best[k.actor.index()])
        .collect();

    Summary {
        headline,
        dateline: doc.dateline,
        lead,
        key_actors: ranked,
        red_lines: by_holder(true),
        positions: by_holder(false),
        key_quotes,
        digest: digest(&body, analysis),
    }
}

/// Picks 3–5 sentences: the lead, then those that carry the most red lines,
/// positions and quotes, kept in text order.
fn digest(body: &[Span], analysis: &Analysis) -> Vec<Span> {
    // Weights by binary search on the sorted sentences: linear in the items.
    let mut weights = vec![0usize; body.len()];
    let mut add = |span: Span, w: usize| {
        let i = body.partition_point(|s| s.end <= span.start);
        if let Some(s) = body.get(i)
            && s.overlaps(span)
        {
            weights[i] += w;
        }
    };
    for p in &analysis.positions {
        add(p.span, if p.red_line { 6 } else { 2 });
    }
    for q in analysis.quotes.iter().filter(|q| q.speech) {
        add(q.span, 1);
    }
    let weight = |i: usize| weights[i];
    let mut picked: Vec<(usize, Span)> = Vec::new();
    if let Some(first) = body.first() {
        picked.push((0, *first));
    }
    let mut rest: Vec<(usize, usize, Span)> = body
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, s)| (weight(i), i, *s))
        .filter(|(w, _, _)| *w > 0)
        .collect();
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    picked.extend(rest.into_iter().take(4).map(|(_, i, s)| (i, s)));
    // Too few stance-bearing sentences: fill with the next ones in order.
    for (i, s) in body.iter().enumerate() {
        if picked.len() >= 3 {
            break;
        }
        if !picked.iter().any(|(j, _)| *j == i) {
            picked.push((i, *s));
        }
    }
    picked.sort_by_key(|(i, _)| *i);
    picked.into_iter().map(|(_, s)| s).collect()
}

//! The summary of a briefing, built from its analysis. Every item carries
//! the span it came from, so each one links back into the text.
//!
//! * `headline`: the title, or the first sentence when there is none.
//! * `lead`: the first one or two sentences of the first body paragraph;
//!   without a title it begins after the sentence that is the headline, so
//!   the two are never the same sentence.
//! * `key_actors`: at most six actors ranked by salience: 3 per quote, 3 per
//!   position, 5 per red line, 1 per mention; ties go to the earlier. Their
//!   counts are [`actor_counts`], the one count of an actor's quotes,
//!   positions and red lines that every view shows.
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
    /// Positions that are not red lines.
    pub positions: usize,
    pub red_lines: usize,
}

/// How many speech quotes, positions and red lines one actor has. The one
/// count every view shows (the reader's actors and summary panes,
/// `briefing summary`, the JSON summary): `positions` are the positions
/// that are not red lines, so the two never count the same item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ActorCounts {
    pub quotes: usize,
    pub positions: usize,
    pub red_lines: usize,
}

/// [`ActorCounts`] of every actor, by actor index.
pub fn actor_counts(analysis: &Analysis) -> Vec<ActorCounts> {
    let mut counts = vec![ActorCounts::default(); analysis.actors.len()];
    for q in analysis.quotes.iter().filter(|q| q.speech) {
        if let Some(c) = q
            .speaker
            .as_ref()
            .and_then(|s| counts.get_mut(s.actor.index()))
        {
            c.quotes += 1;
        }
    }
    for p in &analysis.positions {
        if let Some(c) = p.holder.and_then(|h| counts.get_mut(h.index())) {
            if p.red_line {
                c.red_lines += 1;
            } else {
                c.positions += 1;
            }
        }
    }
    counts
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
    // The lead: the first body paragraph, at most two sentences of it. On
    // untitled copy the first sentence is the headline: the lead follows it.
    let after_headline = if doc.title.is_none() {
        body.get(1..).unwrap_or_default()
    } else {
        &body[..]
    };
    let first_para = after_headline.first().and_then(|s| {
        doc.paragraphs
            .iter()
            .find(|p| p.span.contains(*s))
            .map(|p| p.span)
    });
    let lead: Vec<Span> = after_headline
        .iter()
        .take_while(|s| first_para.is_none_or(|p| p.contains(**s)))
        .take(2)
        .copied()
        .collect();

    let n = analysis.actors.len();
    let counts = actor_counts(analysis);
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
                quotes: counts[i].quotes,
                positions: counts[i].positions,
                red_lines: counts[i].red_lines,
            })
        })
        .collect();
    let score = |k: &KeyActor| 3 * k.quotes + 3 * k.positions + 5 * k.red_lines + k.mentions;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn summary_of(text: &str) -> (Document, Summary) {
        let doc = crate::load::load_bytes("t.txt", text.as_bytes(), None)
            .expect("loads")
            .doc;
        let analysis = crate::analyze::analyze(&doc, &Lexicon::default());
        let s = build(&doc, &analysis);
        (doc, s)
    }

    #[test]
    fn untitled_copy_does_not_lead_with_its_headline() {
        let (doc, s) = summary_of(
            "Delegates from both river states met in the capital on Monday for a first round. \
             They agreed to meet again within a month.\n\n\
             A second paragraph says what comes after the meeting.\n",
        );
        assert!(doc.title.is_none(), "plain copy without a title line");
        let headline = s.headline.expect("the first sentence");
        assert!(doc.span_text(headline).starts_with("Delegates"));
        assert!(!s.lead.contains(&headline), "{:?}", s.lead);
        assert_eq!(s.lead.len(), 1, "the rest of the first paragraph");
        assert!(doc.span_text(s.lead[0]).starts_with("They agreed"));
        // A one-sentence first paragraph: the lead is the next one.
        let (doc, s) = summary_of(
            "Delegates from both river states met in the capital on Monday for a first round of \
             talks on sharing the water, the first such meeting in over a decade.\n\n\
             They agreed to meet again within a month. Nobody gave a date.\n",
        );
        assert!(doc.title.is_none());
        assert!(doc.span_text(s.lead[0]).starts_with("They agreed"));
        assert_ne!(s.headline, s.lead.first().copied());
    }

    #[test]
    fn a_title_is_the_headline_and_the_lead_is_the_first_paragraph() {
        let (doc, s) = summary_of(
            "# River states agree to meet again\n\n\
             Delegates met in the capital on Monday. They agreed to meet again.\n",
        );
        assert_eq!(s.headline, doc.title);
        assert_eq!(s.lead.len(), 2);
        assert!(doc.span_text(s.lead[0]).starts_with("Delegates"));
    }
}

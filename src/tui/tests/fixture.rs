//! A synthetic analysis of the sample briefing, built from the hand
//! annotation in `tests/fixtures/sample-briefing.gold.toml` by finding its
//! strings in the text. `analyze()` returns nothing yet (the analysis is
//! being written on another branch); once it lands, the snapshot tests can
//! use the real one instead.

use serde::Deserialize;

use crate::load;
use crate::model::{
    Actor, ActorId, ActorKind, Analysis, Document, Mention, MentionKind, Position, PositionKind,
    Quote, Speaker,
};
use crate::span::Span;

#[derive(Deserialize)]
struct Gold {
    actors: Vec<GoldActor>,
    quotes: Vec<GoldQuote>,
    red_lines: Vec<GoldPosition>,
    positions: Vec<GoldPosition>,
}

#[derive(Deserialize)]
struct GoldActor {
    name: String,
    kind: String,
    role: Option<String>,
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct GoldQuote {
    text: String,
    occurrence: Option<usize>,
    speaker: String,
    mention: String,
    mention_occurrence: Option<usize>,
    via: Option<String>,
    speech: bool,
}

#[derive(Deserialize)]
struct GoldPosition {
    holder: String,
    kind: String,
    sentence: String,
    trigger: String,
    source: Option<String>,
}

const GOLD: &str = include_str!("../../../tests/fixtures/sample-briefing.gold.toml");

/// The sample briefing, loaded.
pub(crate) fn sample_doc() -> Document {
    load::load(&load::Source::Sample)
        .expect("the sample loads")
        .doc
}

/// The `n`th (1-based) raw occurrence of `needle`.
fn nth(text: &str, needle: &str, n: Option<usize>) -> Span {
    let (at, _) = text
        .match_indices(needle)
        .nth(n.unwrap_or(1) - 1)
        .unwrap_or_else(|| panic!("`{needle}` occurs in the sample"));
    Span::new(at, at + needle.len())
}

fn is_word_edge(text: &str, at: usize, before: bool) -> bool {
    let c = if before {
        text[..at].chars().next_back()
    } else {
        text[at..].chars().next()
    };
    c.is_none_or(|c| !c.is_alphanumeric())
}

/// The synthetic analysis of the sample. The Mansour quote (reported "via
/// his office") is given a low confidence so that uncertain attribution
/// shows up in the views.
pub(crate) fn sample_analysis(doc: &Document) -> Analysis {
    let gold: Gold = toml::from_str(GOLD).expect("the gold file parses");
    let text = doc.text.as_str();
    let id = |name: &str| {
        gold.actors
            .iter()
            .position(|a| a.name == name)
            .map(ActorId::new)
            .unwrap_or_else(|| panic!("actor {name}"))
    };

    // Mentions: every whole-word alias, longest first, never overlapping,
    // plus the pronouns the quotes name as their attribution.
    let mut candidates: Vec<(Span, usize, MentionKind)> = Vec::new();
    for (i, a) in gold.actors.iter().enumerate() {
        for alias in &a.aliases {
            for (at, _) in text.match_indices(alias.as_str()) {
                let end = at + alias.len();
                if is_word_edge(text, at, true) && is_word_edge(text, end, false) {
                    let kind = if alias.starts_with(char::is_lowercase) {
                        MentionKind::Role
                    } else {
                        MentionKind::Name
                    };
                    candidates.push((Span::new(at, end), i, kind));
                }
            }
        }
    }
    for q in &gold.quotes {
        let span = nth(text, &q.mention, q.mention_occurrence);
        candidates.push((span, id(&q.speaker).index(), MentionKind::Pronoun));
    }
    candidates.sort_by_key(|(s, _, _)| (std::cmp::Reverse(s.len()), s.start));
    let mut taken: Vec<Span> = Vec::new();
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); gold.actors.len()];
    for (span, actor, kind) in candidates {
        if taken.iter().any(|t| t.overlaps(span)) {
            continue;
        }
        taken.push(span);
        mentions[actor].push(Mention { span, kind });
    }
    let actors = gold
        .actors
        .iter()
        .zip(mentions)
        .map(|(a, mut m)| {
            m.sort_by_key(|m| m.span.start);
            Actor {
                name: a.name.clone(),
                kind: match a.kind.as_str() {
                    "person" => ActorKind::Person,
                    "organization" => ActorKind::Organization,
                    "country" => ActorKind::Country,
                    _ => ActorKind::Group,
                },
                role: a
                    .role
                    .as_deref()
                    .and_then(|r| text.find(r).map(|at| Span::new(at, at + r.len()))),
                mentions: m,
            }
        })
        .collect();

    let quotes = gold
        .quotes
        .iter()
        .map(|q| Quote {
            span: nth(text, &q.text, q.occurrence),
            speech: q.speech,
            speaker: Some(Speaker {
                actor: id(&q.speaker),
                mention: Some(nth(text, &q.mention, q.mention_occurrence)),
                cue: None,
                via: q.via.as_deref().map(|v| nth(text, v, None)),
                confidence: if q.via.is_some() { 0.4 } else { 0.9 },
                rule: "gold",
            }),
        })
        .collect();

    let position = |p: &GoldPosition, red_line: bool| {
        let sentence = nth(text, &p.sentence, None);
        let trigger = sentence.text(text).find(&p.trigger).map(|at| {
            Span::new(
                sentence.start as usize + at,
                sentence.start as usize + at + p.trigger.len(),
            )
        });
        Position {
            span: sentence,
            holder: Some(id(&p.holder)),
            kind: match p.kind.as_str() {
                "demand" => PositionKind::Demand,
                "offer" => PositionKind::Offer,
                "condition" => PositionKind::Condition,
                "refusal" => PositionKind::Refusal,
                "accusation" => PositionKind::Accusation,
                "support" => PositionKind::Support,
                "opposition" => PositionKind::Opposition,
                _ => PositionKind::Assessment,
            },
            trigger,
            red_line,
            source: p.source.as_deref().map(id),
            rule: "gold",
        }
    };
    let mut positions: Vec<Position> = gold
        .red_lines
        .iter()
        .map(|p| position(p, true))
        .chain(gold.positions.iter().map(|p| position(p, false)))
        .collect();
    positions.sort_by_key(|p| (p.span.start, !p.red_line));

    Analysis {
        sentences: Vec::new(),
        actors,
        quotes,
        positions,
    }
}

#[test]
fn the_synthetic_analysis_covers_the_sample() {
    let doc = sample_doc();
    let a = sample_analysis(&doc);
    assert_eq!(a.actors.len(), 14);
    assert_eq!(a.quotes.len(), 18);
    assert_eq!(a.positions.iter().filter(|p| p.red_line).count(), 4);
    let haddad = &a.actors[0];
    let names: Vec<&str> = haddad
        .mentions
        .iter()
        .map(|m| doc.span_text(m.span))
        .collect();
    assert_eq!(names[0], "Egypt's top diplomat");
    assert!(names.contains(&"Egyptian Foreign Minister Karim Haddad"));
    // "Egypt" inside "Egyptian" is not a mention of Egypt.
    let egypt = a.actors.iter().find(|x| x.name == "Egypt").unwrap();
    assert!(
        egypt
            .mentions
            .iter()
            .all(|m| doc.span_text(m.span) != "Egypt"
                || !doc.text[m.span.end as usize..].starts_with("ian"))
    );
}

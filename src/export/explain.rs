//! `briefing explain`: why each position, red line and attributed quote is
//! there. For every sentence that holds one (or the sentences chosen with
//! `--sentence N` / `--grep TEXT`), the sentence as read and one line per
//! decision: what was found, its holder or speaker, the rule (or the model)
//! that decided it and its trigger or cue.
//!
//! Sentences are numbered from 1 in text order (`Analysis::sentences`);
//! paragraphs as `briefing quotes` numbers them (`¶N`).

use std::fmt::Write;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::error::ExportError;
use crate::model::{Analysis, Document, Position, Quote};
use crate::span::Span;

use super::json::actor_id;
use super::quotes::paragraph_number;

/// Column the sentences are wrapped to.
const WIDTH: usize = 100;
/// How many words of a quote or a trigger are shown.
const WORDS: usize = 8;

/// Which sentences to explain.
#[derive(Clone, Debug, Default)]
pub struct Select {
    /// Only this sentence (1-based).
    pub sentence: Option<usize>,
    /// Only the sentences whose reading contains this (any case).
    pub grep: Option<String>,
}

impl Select {
    /// Whether the user chose sentences (then they are shown even with
    /// nothing to explain).
    fn chosen(&self) -> bool {
        self.sentence.is_some() || self.grep.is_some()
    }
}

/// The output formats of `briefing explain --format`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ExplainFormat {
    #[default]
    Text,
    Json,
}

/// One decision in a sentence.
#[derive(Clone, Copy, Debug)]
enum Decision<'a> {
    Position(&'a Position),
    Quote(&'a Quote),
}

impl Decision<'_> {
    /// Red lines first, then positions, then quotes; each in text order.
    fn order(&self) -> (u8, u32) {
        match self {
            Decision::Position(p) if p.red_line => (0, p.trigger.unwrap_or(p.span).start),
            Decision::Position(p) => (1, p.trigger.unwrap_or(p.span).start),
            Decision::Quote(q) => (2, q.span.start),
        }
    }
}

/// A sentence and what was decided in it.
struct Entry<'a> {
    /// 1-based; `None` for a decision outside every sentence.
    number: Option<usize>,
    span: Span,
    decisions: Vec<Decision<'a>>,
}

/// The sentences to explain, in text order.
fn entries<'a>(
    doc: &Document,
    analysis: &'a Analysis,
    select: &Select,
) -> Result<Vec<Entry<'a>>, ExportError> {
    let sentences = &analysis.sentences;
    let mut all: Vec<Entry> = sentences
        .iter()
        .enumerate()
        .map(|(i, &span)| Entry {
            number: Some(i + 1),
            span,
            decisions: Vec::new(),
        })
        .collect();
    // Decisions outside every sentence keep their own span as the unit.
    let mut stray: Vec<Entry> = Vec::new();
    let mut place = |start: u32, own: Span, d: Decision<'a>| {
        let i = sentences.partition_point(|s| s.end <= start);
        match sentences.get(i) {
            Some(s) if s.start <= start => all[i].decisions.push(d),
            _ => match stray.iter_mut().find(|e| e.span == own) {
                Some(e) => e.decisions.push(d),
                None => stray.push(Entry {
                    number: None,
                    span: own,
                    decisions: vec![d],
                }),
            },
        }
    };
    for p in &analysis.positions {
        place(p.span.start, p.span, Decision::Position(p));
    }
    // Speech quotes: attributed ones always; an unattributed one is shown
    // with the sentence it is in, to say that no rule placed it.
    for q in analysis.quotes.iter().filter(|q| q.speech) {
        place(q.span.start, q.span, Decision::Quote(q));
    }
    let keep = |e: &Entry| -> bool {
        if let Some(n) = select.sentence
            && e.number != Some(n)
        {
            return false;
        }
        if let Some(g) = &select.grep {
            return doc
                .reading(e.span)
                .to_lowercase()
                .contains(&g.to_lowercase());
        }
        select.chosen()
            || e.decisions.iter().any(|d| match d {
                Decision::Position(_) => true,
                Decision::Quote(q) => q.speaker.is_some(),
            })
    };
    all.retain(|e| keep(e));
    stray.retain(|e| keep(e));
    all.extend(stray);
    all.sort_by_key(|e| e.span.start);
    for e in &mut all {
        e.decisions.sort_by_key(Decision::order);
    }
    if all.is_empty() {
        if let Some(n) = select.sentence {
            return Err(ExportError::NoSuchSentence {
                name: doc.name.clone(),
                number: n,
                count: sentences.len(),
            });
        }
        if let Some(g) = &select.grep {
            return Err(ExportError::NoSentenceMatches {
                name: doc.name.clone(),
                text: g.clone(),
            });
        }
    }
    Ok(all)
}

/// The first `WORDS` words of `s`, with an ellipsis when cut.
fn first_words(s: &str) -> String {
    let mut words = s.split(' ');
    let head: Vec<&str> = words.by_ref().take(WORDS).collect();
    let mut out = head.join(" ");
    if words.next().is_some() {
        out.push('…');
    }
    out
}

/// `s` in straight quotes, or in curly ones when it holds a straight one.
fn quoted(s: &str) -> String {
    if s.contains('"') {
        format!("“{s}”")
    } else {
        format!("\"{s}\"")
    }
}

/// An actor's name as shown, or `missing`.
fn name(analysis: &Analysis, id: Option<crate::model::ActorId>, missing: &str) -> String {
    id.and_then(|a| analysis.actor(a))
        .map_or_else(|| missing.to_string(), |a| crate::text::reflow(&a.name))
}

/// The columns of one decision's line; the last is not padded.
fn columns(doc: &Document, analysis: &Analysis, d: Decision) -> [String; 6] {
    match d {
        Decision::Position(p) => [
            (if p.red_line { "red line" } else { "position" }).to_string(),
            p.kind.name().to_string(),
            format!("holder: {}", name(analysis, p.holder, "(unknown)")),
            format!("rule: {}", p.rule),
            match p.trigger {
                Some(t) => format!("trigger: {}", quoted(&first_words(&doc.reading(t)))),
                None => "trigger: none".to_string(),
            },
            p.source
                .map(|s| format!("reported by {}", name(analysis, Some(s), "?")))
                .unwrap_or_default(),
        ],
        Decision::Quote(q) => {
            let words = format!("“{}”", first_words(&doc.reading(q.span)));
            match &q.speaker {
                Some(s) => {
                    let mut extra = words;
                    if let Some(v) = s.via {
                        extra = format!("via {}  {extra}", doc.reading(v));
                    }
                    [
                        "quote".to_string(),
                        String::new(),
                        format!(
                            "speaker: {} ({:.2}{})",
                            name(analysis, Some(s.actor), "?"),
                            s.confidence,
                            if s.is_uncertain() { ", uncertain" } else { "" }
                        ),
                        format!("rule: {}", s.rule),
                        match s.cue {
                            Some(c) => format!("cue: {}", quoted(&first_words(&doc.reading(c)))),
                            None => "cue: none".to_string(),
                        },
                        extra,
                    ]
                }
                None => [
                    "quote".to_string(),
                    String::new(),
                    "speaker: (unattributed)".to_string(),
                    "rule: none".to_string(),
                    String::new(),
                    words,
                ],
            }
        }
    }
}

/// `[12] ¶4`, or `[–] ¶4` for a decision outside every sentence.
fn label(doc: &Document, e: &Entry) -> String {
    let n = e.number.map_or_else(|| "–".to_string(), |n| n.to_string());
    format!("[{n}] ¶{}", paragraph_number(doc, e.span.start))
}

/// The explanation of one article as text: a heading line, then each
/// sentence (wrapped, after its number and paragraph) and its decisions in
/// aligned columns.
pub fn to_text(
    doc: &Document,
    analysis: &Analysis,
    select: &Select,
) -> Result<String, ExportError> {
    let entries = entries(doc, analysis, select)?;
    let rows: Vec<Vec<[String; 6]>> = entries
        .iter()
        .map(|e| {
            e.decisions
                .iter()
                .map(|&d| columns(doc, analysis, d))
                .collect()
        })
        .collect();
    // Every column as wide as its widest cell in the article.
    let mut widths = [0usize; 6];
    for row in rows.iter().flatten() {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let labels: Vec<String> = entries.iter().map(|e| label(doc, e)).collect();
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0) + 2;
    let mut out = String::new();
    let n = entries.len();
    let _ = writeln!(
        out,
        "{} — {} sentence{}",
        crate::text::sanitize(&doc.name),
        n,
        if n == 1 { "" } else { "s" }
    );
    for ((e, row), l) in entries.iter().zip(&rows).zip(&labels) {
        let head = format!("{l}{}", " ".repeat(label_width - l.width()));
        let hang = " ".repeat(label_width);
        // First fit: the optimal fit costs several times more, on every
        // sentence, for a ragged edge nobody reads.
        let opts = textwrap::Options::new(WIDTH)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
            .initial_indent(&head)
            .subsequent_indent(&hang);
        out.push('\n');
        let _ = writeln!(out, "{}", textwrap::fill(&doc.reading(e.span), opts));
        if row.is_empty() {
            let _ = writeln!(out, "  no position, red line or quote");
        }
        for cells in row {
            let mut line = String::from(" ");
            for (i, cell) in cells.iter().enumerate() {
                if widths[i] == 0 {
                    continue;
                }
                line.push(' ');
                line.push_str(cell);
                if i + 1 < cells.len() {
                    line.push_str(&" ".repeat(widths[i] - cell.width() + 1));
                }
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    Ok(out)
}

#[derive(Serialize)]
struct ExplainOut<'a> {
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    input: Option<&'a crate::model::Origin>,
    sentences: Vec<SentenceOut<'a>>,
}

#[derive(Serialize)]
struct TextOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    /// 1-based; null for a decision outside every sentence.
    number: Option<usize>,
    paragraph: usize,
    start: usize,
    end: usize,
    text: &'a str,
    decisions: Vec<DecisionOut<'a>>,
}

#[derive(Serialize)]
struct DecisionOut<'a> {
    /// `red_line`, `position` or `quote`.
    what: &'static str,
    /// A position's kind; null for a quote.
    kind: Option<crate::model::PositionKind>,
    /// The holder of a position or the speaker of a quote.
    actor: Option<String>,
    name: Option<String>,
    rule: Option<&'static str>,
    /// A position's trigger or a quote's cue.
    trigger: Option<TextOut<'a>>,
    /// Who reports a position, when not its holder.
    source: Option<String>,
    /// A quote's confidence.
    confidence: Option<f32>,
    /// A quote's words.
    quote: Option<TextOut<'a>>,
}

/// The explanation of one article as JSON (offsets in code points, as in
/// the export; texts as in the input), pretty or on one line, then a
/// newline.
pub fn to_json(
    doc: &Document,
    analysis: &Analysis,
    select: &Select,
    pretty: bool,
) -> Result<String, ExportError> {
    let entries = entries(doc, analysis, select)?;
    let map = doc.char_map();
    let text = |s: Span| {
        let (start, end) = map.span(s);
        TextOut {
            start,
            end,
            text: doc.span_text(s),
        }
    };
    let decision = |d: &Decision| match *d {
        Decision::Position(p) => DecisionOut {
            what: if p.red_line { "red_line" } else { "position" },
            kind: Some(p.kind),
            actor: p.holder.map(actor_id),
            name: p.holder.map(|h| name(analysis, Some(h), "?")),
            rule: Some(p.rule),
            trigger: p.trigger.map(text),
            source: p.source.map(actor_id),
            confidence: None,
            quote: None,
        },
        Decision::Quote(q) => {
            let s = q.speaker.as_ref();
            DecisionOut {
                what: "quote",
                kind: None,
                actor: s.map(|s| actor_id(s.actor)),
                name: s.map(|s| name(analysis, Some(s.actor), "?")),
                rule: s.map(|s| s.rule),
                trigger: s.and_then(|s| s.cue).map(text),
                source: None,
                confidence: s.map(|s| s.confidence),
                quote: Some(text(q.span)),
            }
        }
    };
    let out = ExplainOut {
        source: &doc.name,
        input: doc.origin.as_ref(),
        sentences: entries
            .iter()
            .map(|e| {
                let (start, end) = map.span(e.span);
                SentenceOut {
                    number: e.number,
                    paragraph: paragraph_number(doc, e.span.start),
                    start,
                    end,
                    text: doc.span_text(e.span),
                    decisions: e.decisions.iter().map(decision).collect(),
                }
            })
            .collect(),
    };
    // Serialising plain structs of strings and numbers cannot fail.
    let mut s = super::safe_json::to_string(&out, pretty);
    s.push('\n');
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;
    use crate::lexicon::Lexicon;
    use crate::load::load_bytes;

    fn article(text: &str) -> (Document, Analysis) {
        let doc = load_bytes("t.txt", text.as_bytes(), None).unwrap().doc;
        let a = analyze(&doc, &Lexicon::builtin());
        (doc, a)
    }

    #[test]
    fn controls_in_the_text_become_placeholders() {
        let (doc, a) = article(
            "Foreign Minister Jane Doe spoke on Monday.\n\"We are \u{1b}[2J ready,\" Doe said.\n",
        );
        let out = to_text(&doc, &a, &Select::default()).unwrap();
        assert!(out.contains("speaker: Jane Doe"), "{out}");
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out}");
        assert!(out.contains('␛'), "{out}");
    }

    #[test]
    fn decision_columns_line_up() {
        let (doc, a) = article(
            "Foreign Minister Jane Doe spoke on Monday.\n\"We will never sign it,\" Doe said.\n\
             \"We are ready to talk,\" said Prime Minister Omar Vale.\n",
        );
        let out = to_text(&doc, &a, &Select::default()).unwrap();
        let at: Vec<usize> = out
            .lines()
            .filter(|l| l.starts_with("  ") && l.contains("rule: "))
            .map(|l| l.find("rule: ").unwrap())
            .collect();
        assert!(at.len() >= 2, "{out}");
        assert!(at.windows(2).all(|w| w[0] == w[1]), "{out}");
    }

    #[test]
    fn a_sentence_past_the_end_is_an_error() {
        let (doc, a) = article("One short sentence here.\n");
        let select = Select {
            sentence: Some(9),
            ..Select::default()
        };
        let err = to_text(&doc, &a, &select).unwrap_err().to_string();
        assert_eq!(err, "t.txt: no sentence 9 (the article has 1)");
    }
}

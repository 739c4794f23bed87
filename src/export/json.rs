//! The JSON export, schema 1. Every offset is a Unicode code-point offset
//! into the input text (a removed byte-order mark still counts as one),
//! end exclusive: what `../shared/eval` scorers, annotation tools and Python
//! expect. Field by field, the schema is documented in README.md.

use serde::Serialize;

use crate::analyze::{Analysis, Speaker};
use crate::load::{BlockKind, Document, Layout};
use crate::span::{CharMap, Span};

/// The schema version; bumped on any change that breaks a reader.
pub const SCHEMA: u32 = 1;

#[derive(Serialize)]
struct Export<'a> {
    schema: u32,
    source: &'a str,
    layout: Layout,
    title: Option<TextSpan<'a>>,
    dateline: Option<TextSpan<'a>>,
    byline: Option<TextSpan<'a>>,
    sections: Vec<SectionOut<'a>>,
    paragraphs: Vec<ParagraphOut>,
    actors: Vec<ActorOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
    /// Quoted spans that are not speech: titles of works, scare quotes.
    quoted_terms: Vec<TextSpan<'a>>,
    positions: Vec<PositionOut<'a>>,
}

#[derive(Serialize)]
struct Offsets {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct TextSpan<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct SectionOut<'a> {
    heading: Option<TextSpan<'a>>,
    start: usize,
    end: usize,
    first_paragraph: usize,
    paragraph_count: usize,
}

#[derive(Serialize)]
struct ParagraphOut {
    start: usize,
    end: usize,
    kind: BlockKind,
    section: usize,
}

#[derive(Serialize)]
struct MentionOut {
    start: usize,
    end: usize,
    kind: crate::analyze::MentionKind,
}

#[derive(Serialize)]
struct ActorOut<'a> {
    id: String,
    name: &'a str,
    kind: crate::analyze::ActorKind,
    role: Option<TextSpan<'a>>,
    mentions: Vec<MentionOut>,
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    actor: String,
    name: &'a str,
    mention: Option<Offsets>,
    cue: Option<TextSpan<'a>>,
    via: Option<TextSpan<'a>>,
    confidence: f32,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    speech: bool,
    speaker: Option<SpeakerOut<'a>>,
}

#[derive(Serialize)]
struct PositionOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    holder: Option<String>,
    kind: crate::analyze::PositionKind,
    red_line: bool,
    trigger: Option<Offsets>,
    source: Option<String>,
}

/// The id an actor goes by in exports.
pub fn actor_id(index: usize) -> String {
    format!("a{}", index + 1)
}

struct Mapper<'a> {
    text: &'a str,
    map: CharMap<'a>,
}

impl<'a> Mapper<'a> {
    fn offsets(&self, span: Span) -> Offsets {
        let (start, end) = self.map.span(span);
        Offsets { start, end }
    }
    fn text_span(&self, span: Span) -> TextSpan<'a> {
        let (start, end) = self.map.span(span);
        TextSpan {
            start,
            end,
            text: span.text(self.text),
        }
    }
}

/// The export of one document and its analysis, as pretty-printed JSON.
pub fn to_string(doc: &Document, analysis: &Analysis) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&build(doc, analysis)).unwrap_or_default()
}



/// Writes the export to `w` as it is serialised (no copy of the whole
/// document in memory), pretty or on one line, then a newline.
pub fn write(
    doc: &Document,
    analysis: &Analysis,
    mut w: impl std::io::Write,
    pretty: bool,
) -> std::io::Result<()> {
    let export = build(doc, analysis);
    if pretty {
        serde_json::to_writer_pretty(&mut w, &export)?;
    } else {
        serde_json::to_writer(&mut w, &export)?;
    }
    w.write_all(b"\n")
}

fn build<'a>(doc: &'a Document, analysis: &'a Analysis) -> Export<'a> {
    let m = Mapper {
        text: &doc.text,
        map: doc.char_map(),
    };
    let mut paragraph_section = vec![0; doc.paragraphs.len()];
    for (i, s) in doc.sections.iter().enumerate() {
        for p in s.paragraphs.clone() {
            paragraph_section[p] = i;
        }
    }
    let speaker = |s: &Speaker| SpeakerOut {
        actor: actor_id(s.actor),
        name: analysis.actors.get(s.actor).map_or("", |a| a.name.as_str()),
        mention: s.mention.map(|sp| m.offsets(sp)),
        cue: s.cue.map(|sp| m.text_span(sp)),
        via: s.via.map(|sp| m.text_span(sp)),
        confidence: (s.confidence * 100.0).round() / 100.0,
    };
    Export {
        schema: SCHEMA,
        source: &doc.name,
        layout: doc.layout,
        title: doc.title.map(|s| m.text_span(s)),
        dateline: doc.dateline.map(|s| m.text_span(s)),
        byline: doc.byline.map(|s| m.text_span(s)),
        sections: doc
            .sections
            .iter()
            .map(|s| {
                let o = m.offsets(s.span);
                SectionOut {
                    heading: s.heading.map(|h| m.text_span(h)),
                    start: o.start,
                    end: o.end,
                    first_paragraph: s.paragraphs.start,
                    paragraph_count: s.paragraphs.len(),
                }
            })
            .collect(),
        paragraphs: doc
            .paragraphs
            .iter()
            .zip(&paragraph_section)
            .map(|(p, &section)| {
                let o = m.offsets(p.span);
                ParagraphOut {
                    start: o.start,
                    end: o.end,
                    kind: p.kind,
                    section,
                }
            })
            .collect(),
        actors: analysis
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| ActorOut {
                id: actor_id(i),
                name: &a.name,
                kind: a.kind,
                role: a.role.map(|r| m.text_span(r)),
                mentions: a
                    .mentions
                    .iter()
                    .map(|mn| {
                        let o = m.offsets(mn.span);
                        MentionOut {
                            start: o.start,
                            end: o.end,
                            kind: mn.kind,
                        }
                    })
                    .collect(),
            })
            .collect(),
        quotes: analysis
            .quotes
            .iter()
            .filter(|q| q.speech)
            .map(|q| {
                let t = m.text_span(q.span);
                QuoteOut {
                    start: t.start,
                    end: t.end,
                    text: t.text,
                    speech: q.speech,
                    speaker: q.speaker.as_ref().map(speaker),
                }
            })
            .collect(),
        quoted_terms: analysis
            .quotes
            .iter()
            .filter(|q| !q.speech)
            .map(|q| m.text_span(q.span))
            .collect(),
        positions: analysis
            .positions
            .iter()
            .map(|p| {
                let t = m.text_span(p.span);
                PositionOut {
                    start: t.start,
                    end: t.end,
                    text: t.text,
                    holder: p.holder.map(actor_id),
                    kind: p.kind,
                    red_line: p.red_line,
                    trigger: p.trigger.map(|s| m.offsets(s)),
                    source: p.source.map(actor_id),
                }
            })
            .collect(),
    }
}

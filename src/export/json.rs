//! The JSON export, schema 1. Every offset is a Unicode code-point offset
//! into the input text (a removed byte-order mark still counts as one),
//! end exclusive: what `../shared/eval` scorers, annotation tools and Python
//! expect. Field by field, the schema is documented in README.md.

use serde::Serialize;

use crate::model::{
    ActorId, Analysis, BlockKind, Document, Layout, Origin, PositionId, QuoteId, Speaker,
};
use crate::review::{Meta, Review, Target};
use crate::span::{CharMap, Span};

/// The schema version; bumped on any change that breaks a reader.
pub const SCHEMA: u32 = 1;

/// Whether `head` (the start of a file) is the start of an export: an
/// object whose first key is `schema`.
pub fn is_export(head: &[u8]) -> bool {
    let rest = head.trim_ascii_start();
    rest.strip_prefix(b"{")
        .is_some_and(|r| r.trim_ascii_start().starts_with(b"\"schema\""))
}

#[derive(Serialize)]
struct Export<'a> {
    schema: u32,
    source: &'a str,
    /// What a converted input was (a page, a feed entry, JSON); absent for
    /// text read as it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    input: Option<&'a Origin>,
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
    summary: SummaryOut<'a>,
    /// The review as a whole: progress, and the orphaned items.
    review: ReviewSummaryOut<'a>,
    /// The extracted text every offset points into, for a converted input
    /// (a text file is its own).
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

/// An item's review marks (every actor, speech quote and position has one).
#[derive(Serialize)]
struct ReviewOut<'a> {
    /// The item's stable id (survives re-analysis and edits).
    id: &'a str,
    reviewed: bool,
    starred: bool,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct ReviewSummaryOut<'a> {
    reviewed: usize,
    items: usize,
    starred: usize,
    with_notes: usize,
    /// Marked items no longer found, with where their words still are.
    orphans: Vec<OrphanOut<'a>>,
}

#[derive(Serialize)]
struct OrphanOut<'a> {
    id: &'a str,
    kind: crate::review::ItemKind,
    text: &'a str,
    holder: Option<&'a str>,
    /// Where its words are still found, if they are.
    start: Option<usize>,
    end: Option<usize>,
    reviewed: bool,
    starred: bool,
    note: Option<&'a str>,
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
    kind: crate::model::MentionKind,
}

#[derive(Serialize)]
struct ActorOut<'a> {
    id: String,
    name: &'a str,
    kind: crate::model::ActorKind,
    role: Option<TextSpan<'a>>,
    mentions: Vec<MentionOut>,
    review: Option<ReviewOut<'a>>,
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    actor: String,
    name: &'a str,
    mention: Option<Offsets>,
    cue: Option<TextSpan<'a>>,
    via: Option<TextSpan<'a>>,
    confidence: f32,
    /// The pass of the attribution sieve that decided the speaker.
    rule: &'static str,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    speech: bool,
    speaker: Option<SpeakerOut<'a>>,
    review: Option<ReviewOut<'a>>,
}

#[derive(Serialize)]
struct PositionOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    holder: Option<String>,
    kind: crate::model::PositionKind,
    red_line: bool,
    trigger: Option<Offsets>,
    source: Option<String>,
    /// The rule that decided the position.
    rule: &'static str,
    review: Option<ReviewOut<'a>>,
}

#[derive(Serialize)]
struct KeyActorOut<'a> {
    actor: String,
    name: &'a str,
    kind: crate::model::ActorKind,
    role: Option<TextSpan<'a>>,
    /// The first mention.
    start: usize,
    end: usize,
    mentions: usize,
    quotes: usize,
    positions: usize,
    red_lines: usize,
}

/// Positions of one holder: indices into the export's `positions`.
#[derive(Serialize)]
struct ByHolderOut<'a> {
    holder: Option<String>,
    name: Option<&'a str>,
    items: Vec<usize>,
}

#[derive(Serialize)]
struct KeyQuoteOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    actor: Option<String>,
    name: Option<&'a str>,
}

#[derive(Serialize)]
struct SummaryOut<'a> {
    headline: Option<TextSpan<'a>>,
    dateline: Option<TextSpan<'a>>,
    lead: Vec<TextSpan<'a>>,
    key_actors: Vec<KeyActorOut<'a>>,
    red_lines: Vec<ByHolderOut<'a>>,
    positions: Vec<ByHolderOut<'a>>,
    key_quotes: Vec<KeyQuoteOut<'a>>,
    digest: Vec<TextSpan<'a>>,
}

/// The summary alone, with what names its source (`briefing summary
/// --format json`).
#[derive(Serialize)]
struct SummaryDoc<'a> {
    schema: u32,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    input: Option<&'a Origin>,
    #[serde(flatten)]
    summary: SummaryOut<'a>,
}

/// The id an actor goes by in exports.
pub fn actor_id(id: ActorId) -> String {
    format!("a{}", id.index() + 1)
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

/// The export of one document and its analysis, as pretty-printed JSON,
/// with no review marks.
pub fn to_string(doc: &Document, analysis: &Analysis) -> String {
    let review = Review::new(doc, analysis, Meta::default());
    // Serialising plain structs of strings and numbers cannot fail.
    super::safe_json::to_string(&build(doc, analysis, &review), true)
}

/// Writes the export to `w` as it is serialised (no copy of the whole
/// document in memory), pretty or on one line, then a newline.
pub fn write(
    doc: &Document,
    analysis: &Analysis,
    review: &Review,
    mut w: impl std::io::Write,
    pretty: bool,
) -> std::io::Result<()> {
    let export = build(doc, analysis, review);
    super::safe_json::to_writer(&mut w, &export, pretty)?;
    w.write_all(b"\n")
}

fn review_out(review: &Review, target: Target) -> Option<ReviewOut<'_>> {
    let e = review.entry(review.index_of(target)?)?;
    Some(ReviewOut {
        id: &e.id,
        reviewed: e.marks.reviewed(),
        starred: e.marks.starred(),
        note: e.marks.note(),
    })
}

fn review_summary<'a>(m: &Mapper<'a>, review: &'a Review) -> ReviewSummaryOut<'a> {
    let p = review.progress();
    ReviewSummaryOut {
        reviewed: p.reviewed,
        items: p.total,
        starred: p.starred,
        with_notes: p.noted,
        orphans: review
            .orphans()
            .iter()
            .map(|o| {
                let at = o.span.map(|s| m.offsets(s));
                OrphanOut {
                    id: &o.id,
                    kind: o.anchor.kind,
                    text: &o.anchor.exact,
                    holder: o.anchor.holder.as_deref(),
                    start: at.as_ref().map(|o| o.start),
                    end: at.as_ref().map(|o| o.end),
                    reviewed: o.marks.reviewed(),
                    starred: o.marks.starred(),
                    note: o.marks.note(),
                }
            })
            .collect(),
    }
}

fn build<'a>(doc: &'a Document, analysis: &'a Analysis, review: &'a Review) -> Export<'a> {
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
        name: analysis.actor(s.actor).map_or("", |a| a.name.as_str()),
        mention: s.mention.map(|sp| m.offsets(sp)),
        cue: s.cue.map(|sp| m.text_span(sp)),
        via: s.via.map(|sp| m.text_span(sp)),
        confidence: (s.confidence * 100.0).round() / 100.0,
        rule: s.rule,
    };
    let summary = crate::summary::build(doc, analysis);
    Export {
        review: review_summary(&m, review),
        summary: summary_out(&m, analysis, &summary),
        schema: SCHEMA,
        source: &doc.name,
        input: doc.origin.as_ref(),
        text: doc.origin.as_ref().map(|_| doc.text.as_str()),
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
                review: review_out(review, Target::Actor(ActorId::new(i))),
                id: actor_id(ActorId::new(i)),
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
            .enumerate()
            .filter(|(_, q)| q.speech)
            .map(|(i, q)| {
                let t = m.text_span(q.span);
                QuoteOut {
                    review: review_out(review, Target::Quote(QuoteId::new(i))),
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
            .enumerate()
            .map(|(i, p)| {
                let t = m.text_span(p.span);
                PositionOut {
                    review: review_out(review, Target::Position(PositionId::new(i))),
                    start: t.start,
                    end: t.end,
                    text: t.text,
                    holder: p.holder.map(actor_id),
                    kind: p.kind,
                    red_line: p.red_line,
                    trigger: p.trigger.map(|s| m.offsets(s)),
                    source: p.source.map(actor_id),
                    rule: p.rule,
                }
            })
            .collect(),
    }
}

/// The summary of one document as pretty-printed JSON, offsets as in the
/// full export.
pub fn summary_to_string(doc: &Document, analysis: &Analysis) -> String {
    let m = Mapper {
        text: &doc.text,
        map: doc.char_map(),
    };
    let s = crate::summary::build(doc, analysis);
    let out = SummaryDoc {
        schema: SCHEMA,
        source: &doc.name,
        input: doc.origin.as_ref(),
        summary: summary_out(&m, analysis, &s),
    };
    super::safe_json::to_string(&out, true)
}

fn summary_out<'a>(
    m: &Mapper<'a>,
    analysis: &'a Analysis,
    s: &crate::summary::Summary,
) -> SummaryOut<'a> {
    let name = |a: ActorId| analysis.actor(a).map(|x| x.name.as_str());
    let groups = |gs: &[crate::summary::ByHolder]| {
        gs.iter()
            .map(|g| ByHolderOut {
                holder: g.holder.map(actor_id),
                name: g.holder.and_then(name),
                items: g.items.clone(),
            })
            .collect()
    };
    SummaryOut {
        headline: s.headline.map(|h| m.text_span(h)),
        dateline: s.dateline.map(|d| m.text_span(d)),
        lead: s.lead.iter().map(|&l| m.text_span(l)).collect(),
        key_actors: s
            .key_actors
            .iter()
            .map(|k| {
                let o = m.offsets(k.span);
                KeyActorOut {
                    actor: actor_id(k.actor),
                    name: name(k.actor).unwrap_or(""),
                    kind: analysis.actors[k.actor].kind,
                    role: k.role.map(|r| m.text_span(r)),
                    start: o.start,
                    end: o.end,
                    mentions: k.mentions,
                    quotes: k.quotes,
                    positions: k.positions,
                    red_lines: k.red_lines,
                }
            })
            .collect(),
        red_lines: groups(&s.red_lines),
        positions: groups(&s.positions),
        key_quotes: s
            .key_quotes
            .iter()
            .filter_map(|&i| analysis.quotes.get(i))
            .map(|q| {
                let t = m.text_span(q.span);
                let who = q.speaker.as_ref().map(|sp| sp.actor);
                KeyQuoteOut {
                    start: t.start,
                    end: t.end,
                    text: t.text,
                    actor: who.map(actor_id),
                    name: who.and_then(name),
                }
            })
            .collect(),
        digest: s.digest.iter().map(|&d| m.text_span(d)).collect(),
    }
}

//! The stretches of text the analysis reads one at a time: the title,
//! section headings and body paragraphs (code blocks left out), in text
//! order.

use crate::model::{BlockKind, Document};
use crate::span::Span;

/// A stretch of text the analysis reads as one paragraph. Its index in
/// [`of`]'s list is the `paragraph` of the quotes and candidates in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Passage {
    pub span: Span,
    /// The title or a section heading: its quotes are no speech, it ends
    /// a quote left open, and its mentions found no actor.
    pub headline: bool,
}

/// The passages of a document, in text order.
pub(crate) fn of(doc: &Document) -> Vec<Passage> {
    let headline = |span| Passage {
        span,
        headline: true,
    };
    let mut out: Vec<Passage> = doc.title.map(headline).into_iter().collect();
    out.extend(doc.sections.iter().filter_map(|s| s.heading).map(headline));
    out.extend(
        doc.paragraphs
            .iter()
            .filter(|p| p.kind != BlockKind::Code)
            .map(|p| Passage {
                span: p.span,
                headline: false,
            }),
    );
    // Stable: a heading keeps its place before a paragraph at its offset.
    out.sort_by_key(|p| p.span.start);
    out
}

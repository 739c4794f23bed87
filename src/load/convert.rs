//! The text buffer of a converted input (a page, a feed entry, JSON): the
//! title, byline, headings and paragraphs the parser extracted, one block
//! per line with a blank line between, and their spans recorded as they are
//! written. The buffer is what the JSON export carries as `text`.

use super::{Element, assemble_sections, plain};
use crate::model::{BlockKind, Document, Layout, Origin, Paragraph};
use crate::span::Span;

/// A document being written block by block.
#[derive(Default)]
pub(crate) struct Builder {
    text: String,
    title: Option<Span>,
    byline: Option<Span>,
    blocks: Vec<Element>,
    paragraphs: usize,
}

impl Builder {
    pub(crate) fn new() -> Builder {
        Builder::default()
    }

    /// No paragraph yet: nothing to read.
    pub(crate) fn is_empty(&self) -> bool {
        self.paragraphs == 0
    }

    /// The title, if there is none yet.
    pub(crate) fn title(&mut self, s: &str) {
        if self.title.is_none() && self.blocks.is_empty() {
            self.title = self.push(&collapse(s));
        }
    }

    pub(crate) fn has_title(&self, s: &str) -> bool {
        self.title
            .is_some_and(|t| t.text(&self.text).eq_ignore_ascii_case(collapse(s).trim()))
    }

    pub(crate) fn byline(&mut self, s: &str) {
        if self.byline.is_none() && self.blocks.is_empty() {
            self.byline = self.push(&collapse(s));
        }
    }

    pub(crate) fn heading(&mut self, s: &str) {
        if let Some(span) = self.push(&collapse(s)) {
            self.blocks.push(Element::Heading(span));
        }
    }

    /// A paragraph; its whitespace runs read as one space (a code block
    /// keeps its lines).
    pub(crate) fn paragraph(&mut self, s: &str, kind: BlockKind) {
        let s = if kind == BlockKind::Code {
            s.trim_matches('\n').trim_end().to_string()
        } else {
            collapse(s)
        };
        if let Some(span) = self.push(&s) {
            self.blocks
                .push(Element::Paragraph(Paragraph { span, kind }));
            self.paragraphs += 1;
        }
    }

    /// Plain text (a JSON body): written as it is and laid out as a text
    /// file would be, so its paragraphs, crossheads and byline are found
    /// the same way.
    pub(crate) fn plain(&mut self, body: &str) {
        let body = body.trim_matches(['\n', '\r']);
        if body.trim().is_empty() {
            return;
        }
        let doc = plain::parse("", body.to_string(), false);
        self.separate();
        let at = self.text.len();
        self.text.push_str(body);
        let shift = |s: Span| Span::new(s.start as usize + at, s.end as usize + at);
        // The body's own headline is a paragraph of the article when the
        // article has its title already.
        match doc.title {
            Some(t) if self.title.is_none() && self.blocks.is_empty() => {
                self.title = Some(shift(t));
            }
            Some(t) => self.blocks.push(Element::Paragraph(Paragraph {
                span: shift(t),
                kind: BlockKind::Text,
            })),
            None => {}
        }
        if let Some(b) = doc.byline
            && self.byline.is_none()
            && self.blocks.is_empty()
        {
            self.byline = Some(shift(b));
        }
        let mut next = doc.paragraphs.iter();
        for s in &doc.sections {
            if let Some(h) = s.heading {
                self.blocks.push(Element::Heading(shift(h)));
            }
            for p in next.by_ref().take(s.paragraphs.len()) {
                self.blocks.push(Element::Paragraph(Paragraph {
                    span: shift(p.span),
                    kind: p.kind,
                }));
                self.paragraphs += 1;
            }
        }
    }

    /// The document, named `name`. The dateline is looked for in the first
    /// paragraph as in a text file.
    pub(crate) fn finish(self, name: &str, origin: Origin) -> Document {
        let text = self.text;
        let (sections, paragraphs) = assemble_sections(self.blocks);
        let dateline = paragraphs.first().and_then(|p| {
            plain::find_dateline(p.span.text(&text))
                .map(|n| Span::new(p.span.start as usize, p.span.start as usize + n))
        });
        Document {
            name: name.to_string(),
            text,
            bom: false,
            layout: Layout::Lines,
            title: self.title,
            dateline,
            byline: self.byline,
            sections,
            paragraphs,
            markup: Vec::new(),
            origin: Some(origin),
        }
    }

    /// Writes `s` as a block of its own; `None` when it is blank.
    fn push(&mut self, s: &str) -> Option<Span> {
        let s = s.trim();
        if s.is_empty() {
            return None;
        }
        self.separate();
        let start = self.text.len();
        self.text.push_str(s);
        Some(Span::new(start, self.text.len()))
    }

    fn separate(&mut self) {
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
    }
}

/// Runs of whitespace (line breaks included) as one space, trimmed.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() && c != '\u{A0}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    fn origin() -> Origin {
        Origin {
            format: Format::Json,
            from: "x.json".into(),
            ..Origin::default()
        }
    }

    #[test]
    fn blocks_are_lines_apart_and_spans_are_their_text() {
        let mut b = Builder::new();
        b.title("  A  title\n");
        b.byline("By Jane Roe");
        b.paragraph("First\n  paragraph.", BlockKind::Text);
        b.heading("A heading");
        b.paragraph("  ", BlockKind::Text);
        b.paragraph("Quoted words.", BlockKind::Quote);
        let d = b.finish("x", origin());
        assert_eq!(
            d.text,
            "A title\n\nBy Jane Roe\n\nFirst paragraph.\n\nA heading\n\nQuoted words."
        );
        assert_eq!(d.span_text(d.title.unwrap()), "A title");
        assert_eq!(d.span_text(d.byline.unwrap()), "By Jane Roe");
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.paragraphs[1].kind, BlockKind::Quote);
        assert_eq!(d.sections.len(), 2);
        assert_eq!(d.span_text(d.sections[1].heading.unwrap()), "A heading");
    }

    #[test]
    fn a_plain_body_is_laid_out_as_a_text_file() {
        let mut b = Builder::new();
        b.title("Headline");
        b.plain("LONDON, March 3 (Agency) - Talks began.\n- Next steps -\nBoth sides met again.\n");
        let d = b.finish("x", origin());
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.span_text(d.paragraphs[1].span), "Both sides met again.");
        assert_eq!(d.span_text(d.sections[1].heading.unwrap()), "Next steps");
        assert_eq!(
            d.span_text(d.dateline.unwrap()),
            "LONDON, March 3 (Agency) -"
        );
    }
}

//! An article as loaded: one text buffer and the spans of its title,
//! dateline, byline, sections and paragraphs.

use std::borrow::Cow;
use std::ops::Range;

use crate::span::{CharMap, Span};

/// How the text is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// One paragraph per line (web copy, the wire's line-per-paragraph form).
    Lines,
    /// Hard-wrapped lines; a paragraph starts after a blank line or indented.
    Wrapped,
    /// Markdown: headings, block quotes and list items; markup is not content.
    Markdown,
}

/// What kind of block a paragraph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Text,
    /// A Markdown block quote.
    Quote,
    /// A Markdown list item.
    Item,
    /// A Markdown code block: shown, never analysed.
    Code,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub kind: BlockKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The heading's text (markup and crosshead dashes excluded); `None` for
    /// the untitled opening section.
    pub heading: Option<Span>,
    /// From the heading (or the first paragraph) to the end of the last paragraph.
    pub span: Span,
    /// Indices into [`Document::paragraphs`].
    pub paragraphs: Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Document {
    /// The name shown to the user: the path as given, `<stdin>`, or the sample's name.
    pub name: String,
    pub text: String,
    /// The file began with a UTF-8 byte-order mark (removed from `text`).
    pub bom: bool,
    pub layout: Layout,
    pub title: Option<Span>,
    /// `ANKARA, Jan 30 (Agency) -`: a prefix of the first paragraph.
    pub dateline: Option<Span>,
    pub byline: Option<Span>,
    pub sections: Vec<Section>,
    pub paragraphs: Vec<Paragraph>,
    /// Byte ranges of Markdown markup (`#`, `>`, `**`, link targets…), sorted
    /// and disjoint. Views and the analysis read them as blanks.
    pub markup: Vec<Span>,
    /// What the text was converted from; `None` when it is the input as
    /// read (plain text, Markdown).
    pub origin: Option<Origin>,
}

/// What an input was converted from, when the text buffer is not the input
/// as read but text extracted from it (a web page, a feed entry, JSON).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Origin {
    pub format: Format,
    /// The path or URL the input was read from.
    pub from: String,
    /// Which article of the input (1-based), when it holds several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<usize>,
    /// Where the article says it is from: a page's canonical URL, a feed
    /// entry's link, a JSON input's `source`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// When it was published, as given (RFC 3339 for feeds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The title of the feed (or collection) the article came in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feed: Option<String>,
}

/// The kinds of input whose text is extracted rather than read as is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A web page: its main text by readability.
    #[default]
    Html,
    /// An entry of an RSS, Atom or JSON feed.
    Feed,
    /// An article handed in as JSON (`title`, `body`, `source`, `date`).
    Json,
}

impl Document {
    /// The text with Markdown markup blanked out (same length, same offsets):
    /// what the analysis and the views read. Borrowed when there is no markup.
    pub fn content(&self) -> Cow<'_, str> {
        if self.markup.is_empty() {
            return Cow::Borrowed(&self.text);
        }
        let mut bytes = self.text.as_bytes().to_vec();
        for m in &self.markup {
            // Markup spans lie on char boundaries, so blanking every byte of
            // them keeps the buffer valid UTF-8 with unchanged offsets.
            bytes[m.range()].fill(b' ');
        }
        Cow::Owned(
            String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        )
    }

    /// The parts of `span` that are content, not markup, in order.
    pub fn pieces(&self, span: Span) -> impl Iterator<Item = Span> + '_ {
        let first = self.markup.partition_point(|m| m.end <= span.start);
        let mut at = span.start;
        let mut marks = self.markup[first..]
            .iter()
            .take_while(move |m| m.start < span.end);
        let mut done = false;
        std::iter::from_fn(move || {
            while !done {
                match marks.next() {
                    Some(m) => {
                        let piece = Span {
                            start: at,
                            end: m.start.max(at),
                        };
                        at = at.max(m.end);
                        if !piece.is_empty() {
                            return Some(piece);
                        }
                    }
                    None => {
                        done = true;
                        let piece = Span {
                            start: at,
                            end: span.end,
                        };
                        if !piece.is_empty() {
                            return Some(piece);
                        }
                    }
                }
            }
            None
        })
    }

    /// How a reader sees `span`: markup left out, line breaks and runs of
    /// whitespace read as one space, control characters as placeholders.
    pub fn reading(&self, span: Span) -> String {
        if self.markup.is_empty() {
            return crate::text::reflow(self.span_text(span));
        }
        let joined: String = self.pieces(span).map(|p| self.span_text(p)).collect();
        crate::text::reflow(&joined)
    }

    /// The single byte→code-point mapping used by every export.
    pub fn char_map(&self) -> CharMap<'_> {
        CharMap::new(&self.text, usize::from(self.bom))
    }

    pub fn span_text(&self, span: Span) -> &str {
        span.text(&self.text)
    }
}

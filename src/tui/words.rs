//! The article's words as the reader lays them out: each block of the
//! document (title, byline, headings, paragraphs) cut into tokens with
//! their display widths, measured as the terminal will show them. Built
//! once per article; wrapping (`wrap`) and search (`search`) read them.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

use crate::model::Document;
use crate::span::Span;
use crate::text::{placeholder, sanitize};

/// What a block of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlockKind {
    Title,
    Byline,
    Heading,
    Para(crate::model::BlockKind),
}

/// A word (maximal run of non-whitespace content) with its display width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) span: Span,
    pub(crate) width: u32,
    /// Whitespace separates it from the previous token of its block.
    pub(crate) gap: bool,
    /// Starts a new line (code blocks keep their lines).
    pub(crate) hard_break: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct Block {
    pub(crate) kind: BlockKind,
    pub(crate) section: usize,
    pub(crate) tokens: Vec<Token>,
}

/// Display width of text that has already been made safe: the sum of its
/// graphemes' widths, measured exactly as ratatui lays cells out (it drops
/// zero-width graphemes and counts the rest with `CellWidth`).
pub(crate) fn display_width(s: &str) -> usize {
    // Safe ASCII is one column a byte; no need to segment it.
    if s.is_ascii() {
        return s.len();
    }
    s.graphemes(true).map(|g| usize::from(g.cell_width())).sum()
}

/// Display width of raw article text once sanitized, without allocating
/// when it is clean.
fn raw_width(s: &str) -> u32 {
    display_width(&sanitize(s)) as u32
}

/// The article's blocks in reading order, each cut into tokens.
pub(crate) fn blocks(doc: &Document) -> Vec<Block> {
    let mut out = Vec::new();
    let mut push = |kind: BlockKind, section: usize, span: Span| {
        let tokens = if kind == BlockKind::Para(crate::model::BlockKind::Code) {
            code_tokens(doc, span)
        } else {
            tokens(doc, span)
        };
        if !tokens.is_empty() {
            out.push(Block {
                kind,
                section,
                tokens,
            });
        }
    };
    if let Some(t) = doc.title {
        push(BlockKind::Title, 0, t);
    }
    if let Some(b) = doc.byline {
        push(BlockKind::Byline, 0, b);
    }
    for (i, s) in doc.sections.iter().enumerate() {
        if let Some(h) = s.heading {
            push(BlockKind::Heading, i, h);
        }
        for p in doc.paragraphs.get(s.paragraphs.clone()).unwrap_or(&[]) {
            push(BlockKind::Para(p.kind), i, p.span);
        }
    }
    out
}

/// Words of a span's content (markup left out). Any whitespace between two
/// words, line breaks and indentation included, reads as one space.
fn tokens(doc: &Document, span: Span) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut gap = false;
    for piece in doc.pieces(span) {
        let text = doc.span_text(piece);
        let base = piece.start as usize;
        let mut start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    out.push(token(text, base, s, i, gap && !out.is_empty()));
                }
                gap = true;
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            out.push(token(text, base, s, text.len(), gap && !out.is_empty()));
            gap = false;
        }
    }
    out
}

fn token(text: &str, base: usize, start: usize, end: usize, gap: bool) -> Token {
    Token {
        span: Span::new(base + start, base + end),
        width: raw_width(&text[start..end]),
        gap,
        hard_break: false,
    }
}

/// Code keeps its lines: each line is one token that starts a new line.
/// Tabs inside it are expanded when drawn.
fn code_tokens(doc: &Document, span: Span) -> Vec<Token> {
    let text = doc.span_text(span);
    let base = span.start as usize;
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            out.push(Token {
                span: Span::new(base + at, base + at + body.len()),
                width: display_width(&code_display(body)) as u32,
                gap: false,
                hard_break: true,
            });
        }
        at += line.len();
    }
    out
}

/// Tab stops every 4 columns; control characters as placeholders.
pub(crate) fn code_display(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col = 0;
    for c in s.chars() {
        if c == '\t' {
            let n = 4 - col % 4;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push(placeholder(c).unwrap_or(c));
            col += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(src: &str) -> Document {
        crate::load::load_bytes("t.txt", src.as_bytes(), None)
            .unwrap()
            .doc
    }

    #[test]
    fn hard_wrapped_paragraphs_become_words_with_gaps() {
        let d = doc("    One two\nthree   four.\n\n    Five six seven eight nine ten.\n");
        let b = blocks(&d);
        let words: Vec<&str> = b[0].tokens.iter().map(|t| d.span_text(t.span)).collect();
        assert_eq!(words, ["One", "two", "three", "four."]);
        assert!(!b[0].tokens[0].gap);
        assert!(b[0].tokens[1..].iter().all(|t| t.gap));
    }

    #[test]
    fn markup_glues_without_a_gap() {
        let d = crate::load::load_bytes("t.md", b"Some **bold**, text here.\n", Some("md"))
            .unwrap()
            .doc;
        let b = blocks(&d);
        let t = &b[0].tokens;
        let words: Vec<&str> = t.iter().map(|t| d.span_text(t.span)).collect();
        assert_eq!(words, ["Some", "bold", ",", "text", "here."]);
        assert!(t[1].gap && !t[2].gap && t[3].gap);
    }

    #[test]
    fn widths_count_display_columns_and_placeholders() {
        let d = doc("日本語 e\u{301}t\u{e9} 😀 a\u{1b}[2Jb\n");
        let b = blocks(&d);
        let widths: Vec<u32> = b[0].tokens.iter().map(|t| t.width).collect();
        assert_eq!(widths, [6, 3, 2, 6]);
    }

    #[test]
    fn code_tabs_expand_to_stops() {
        assert_eq!(code_display("a\tb\u{7}"), "a   b␇");
    }
}

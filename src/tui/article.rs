//! One article as the reader shows it: the document, its analysis and
//! summary, plus what the views derive from them once (tokens with display
//! widths, the search index, the lists of the side panes). Nothing here
//! depends on the window size, so it is built once, possibly on another
//! thread, and never changes.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

use crate::highlight::Highlighter;
use crate::model::{ActorId, Analysis, Document};
use crate::span::Span;
use crate::summary::{self, Summary};
use crate::text::{placeholder, sanitize};

use super::search::SearchIndex;

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

/// A side-pane summary entry: its group, its text (sanitized, one line
/// before wrapping), and where Enter takes the reader.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SummaryItem {
    pub(crate) group: &'static str,
    pub(crate) text: String,
    pub(crate) target: Span,
}

/// How many quotes, positions and red lines an actor has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ActorStats {
    pub(crate) quotes: usize,
    pub(crate) positions: usize,
    pub(crate) red_lines: usize,
}

/// An article ready to be shown.
#[derive(Debug)]
pub struct Article {
    pub(crate) doc: Document,
    pub(crate) analysis: Analysis,
    pub(crate) summary: Summary,
    pub(crate) highlighter: Highlighter,
    pub(crate) blocks: Vec<Block>,
    pub(crate) search: SearchIndex,
    /// Speech quotes (indices into `analysis.quotes`), in text order.
    pub(crate) quotes: Vec<usize>,
    /// Red lines (indices into `analysis.positions`), in text order.
    pub(crate) red_lines: Vec<usize>,
    /// Positions that are not red lines, in text order.
    pub(crate) positions: Vec<usize>,
    pub(crate) stats: Vec<ActorStats>,
    pub(crate) summary_items: Vec<SummaryItem>,
    /// Display strings drawn every frame, made once: actor names, the
    /// words of each quote in marks, and the header's title.
    names: Vec<String>,
    pub(crate) quote_texts: Vec<String>,
    pub(crate) title: String,
}

impl Article {
    pub fn new(doc: Document, analysis: Analysis) -> Article {
        let summary = summary::build(&doc, &analysis);
        let highlighter = Highlighter::new(&analysis);
        let blocks = blocks(&doc);
        let search = SearchIndex::new(&doc, &blocks);
        let by_start = |mut v: Vec<usize>, key: &dyn Fn(usize) -> u32| {
            v.sort_by_key(|&i| key(i));
            v
        };
        let quotes = by_start(
            (0..analysis.quotes.len())
                .filter(|&i| analysis.quotes[i].speech)
                .collect(),
            &|i| analysis.quotes[i].span.start,
        );
        let pos_start = |i: usize| analysis.positions[i].span.start;
        let red_lines = by_start(
            (0..analysis.positions.len())
                .filter(|&i| analysis.positions[i].red_line)
                .collect(),
            &pos_start,
        );
        let positions = by_start(
            (0..analysis.positions.len())
                .filter(|&i| !analysis.positions[i].red_line)
                .collect(),
            &pos_start,
        );
        let mut stats = vec![ActorStats::default(); analysis.actors.len()];
        for &q in &quotes {
            if let Some(s) = analysis.quotes[q]
                .speaker
                .as_ref()
                .and_then(|s| stats.get_mut(s.actor.index()))
            {
                s.quotes += 1;
            }
        }
        for p in &analysis.positions {
            if let Some(s) = p.holder.and_then(|h| stats.get_mut(h.index())) {
                if p.red_line {
                    s.red_lines += 1;
                } else {
                    s.positions += 1;
                }
            }
        }
        let names = analysis
            .actors
            .iter()
            .map(|a| crate::text::reflow(&a.name))
            .collect();
        let quote_texts = analysis
            .quotes
            .iter()
            .map(|q| format!("“{}”", doc.reading(q.span)))
            .collect();
        let title = doc
            .title
            .or(summary.headline)
            .map_or_else(|| sanitize(&doc.name).into_owned(), |t| doc.reading(t));
        let mut article = Article {
            names,
            quote_texts,
            title,
            doc,
            analysis,
            summary,
            highlighter,
            blocks,
            search,
            quotes,
            red_lines,
            positions,
            stats,
            summary_items: Vec::new(),
        };
        article.summary_items = summary_items(&article);
        article
    }

    /// An actor's name, safe to print.
    pub(crate) fn actor_name(&self, id: ActorId) -> String {
        self.names
            .get(id.index())
            .cloned()
            .unwrap_or_else(|| "?".to_string())
    }

    /// Who said a quote, as shown: "Name", "? Name" when the attribution is
    /// uncertain, "(unattributed)" when there is none.
    pub(crate) fn speaker_label(&self, quote: usize) -> (String, bool) {
        match self
            .analysis
            .quotes
            .get(quote)
            .and_then(|q| q.speaker.as_ref())
        {
            Some(s) if s.is_uncertain() => (format!("? {}", self.actor_name(s.actor)), true),
            Some(s) => (self.actor_name(s.actor), false),
            None => ("(unattributed)".to_string(), true),
        }
    }

    pub(crate) fn holder_label(&self, holder: Option<ActorId>) -> String {
        holder.map_or_else(|| "(unknown)".to_string(), |h| self.actor_name(h))
    }

    /// The header's counts.
    pub(crate) fn counts(&self) -> (usize, usize, usize, usize) {
        (
            self.doc.sections.len(),
            self.analysis.actors.len(),
            self.quotes.len(),
            self.red_lines.len(),
        )
    }
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
fn blocks(doc: &Document) -> Vec<Block> {
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

fn summary_items(a: &Article) -> Vec<SummaryItem> {
    let doc = &a.doc;
    let s = &a.summary;
    let mut items = Vec::new();
    let mut add = |group: &'static str, text: String, target: Span| {
        items.push(SummaryItem {
            group,
            text,
            target,
        });
    };
    if let Some(h) = s.headline {
        add("Headline", doc.reading(h), h);
    }
    if let Some(d) = s.dateline {
        add("Dateline", doc.reading(d), d);
    }
    for &l in &s.lead {
        add("Lead", doc.reading(l), l);
    }
    for k in &s.key_actors {
        let mut text = a.actor_name(k.actor);
        if let Some(r) = k.role {
            text.push_str(" — ");
            text.push_str(&doc.reading(r));
        }
        // The summary counts red lines among positions; shown apart here.
        text.push_str(&format!(
            " · {} · {} · {}",
            plural(k.quotes, "quote", "quotes"),
            plural(
                k.positions.saturating_sub(k.red_lines),
                "position",
                "positions"
            ),
            plural(k.red_lines, "red line", "red lines"),
        ));
        add("Key actors", text, k.span);
    }
    for g in &s.red_lines {
        for &i in &g.items {
            if let Some(p) = a.analysis.positions.get(i) {
                let text = format!("{}: {}", a.holder_label(g.holder), doc.reading(p.span));
                add("Red lines", text, p.span);
            }
        }
    }
    for g in &s.positions {
        for &i in &g.items {
            if let Some(p) = a.analysis.positions.get(i) {
                let text = format!(
                    "{} ({}): {}",
                    a.holder_label(g.holder),
                    p.kind.name(),
                    doc.reading(p.span)
                );
                add("Positions", text, p.span);
            }
        }
    }
    for &q in &s.key_quotes {
        if let Some(quote) = a.analysis.quotes.get(q) {
            let (who, _) = a.speaker_label(q);
            add(
                "Key quotes",
                format!("{who}: “{}”", doc.reading(quote.span)),
                quote.span,
            );
        }
    }
    for &d in &s.digest {
        add("Digest", doc.reading(d), d);
    }
    items
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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

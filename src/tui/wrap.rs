//! Laying text out for a width: the article's rows (with the row ↔ byte
//! index that "jump to quote" and search use) and the summary's rows.
//! Built in `update` when the width changes and cached, never per frame.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;
use crate::text::sanitize;

use super::article::{Article, SummaryItem};
use super::words::{BlockKind, Token, code_display, display_width};

/// A piece of one row: a word or part of one, and the whitespace before it
/// (drawn as one space) when it is not the first on its row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Frag {
    pub(crate) span: Span,
    pub(crate) gap: Option<Span>,
}

/// The gutter marker of a row: the strongest stance on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gutter {
    None,
    Position,
    RedLine,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    /// `None` for the blank row between blocks.
    pub(crate) kind: Option<BlockKind>,
    /// The first row of its block (list items show their bullet there).
    pub(crate) first: bool,
    pub(crate) frags: Range<usize>,
    /// From the first fragment's start to the last one's end; empty (at
    /// the previous row's end) for blank rows.
    pub(crate) span: Span,
    pub(crate) gutter: Gutter,
    pub(crate) section: usize,
}

impl Row {
    /// What is drawn before the text: quote bar, bullet, code indent.
    pub(crate) fn prefix(&self) -> &'static str {
        match self.kind {
            Some(BlockKind::Heading) if self.first => "§ ",
            Some(BlockKind::Para(crate::model::BlockKind::Quote)) => "│ ",
            Some(BlockKind::Para(crate::model::BlockKind::Item)) if self.first => "• ",
            Some(
                BlockKind::Para(crate::model::BlockKind::Item | crate::model::BlockKind::Code)
                | BlockKind::Heading,
            ) => "  ",
            _ => "",
        }
    }
}

/// The article laid out for one text width.
#[derive(Clone, Debug, Default)]
pub(crate) struct TextLayout {
    pub(crate) width: u16,
    pub(crate) rows: Vec<Row>,
    pub(crate) frags: Vec<Frag>,
    /// The first row of each section.
    pub(crate) section_rows: Vec<usize>,
}

impl TextLayout {
    pub(crate) fn new(article: &Article, width: u16) -> TextLayout {
        let mut out = TextLayout {
            width,
            ..TextLayout::default()
        };
        let mut last_end = 0;
        for block in &article.blocks {
            if !out.rows.is_empty() {
                out.rows.push(Row {
                    kind: None,
                    first: false,
                    frags: out.frags.len()..out.frags.len(),
                    span: Span {
                        start: last_end,
                        end: last_end,
                    },
                    gutter: Gutter::None,
                    section: block.section,
                });
            }
            let first_row = out.rows.len();
            let prefix = if matches!(
                block.kind,
                BlockKind::Heading
                    | BlockKind::Para(
                        crate::model::BlockKind::Quote
                            | crate::model::BlockKind::Item
                            | crate::model::BlockKind::Code
                    )
            ) {
                2
            } else {
                0
            };
            let line = u32::from(width).saturating_sub(prefix).max(1);
            let mut row = Vec::new();
            let mut col = 0u32;
            for t in &block.tokens {
                let gap = u32::from(t.gap && !row.is_empty());
                if !row.is_empty() && (t.hard_break || col + gap + t.width > line) {
                    out.push_row(block.kind, block.section, &mut row);
                    col = 0;
                }
                if t.width > line {
                    for piece in split(article, *t, line) {
                        if !row.is_empty() {
                            out.push_row(block.kind, block.section, &mut row);
                        }
                        row.push(Frag {
                            span: piece.0,
                            gap: None,
                        });
                        col = piece.1;
                    }
                    continue;
                }
                let gap = u32::from(t.gap && !row.is_empty());
                let before = row.last().map(|f: &Frag| f.span.end);
                row.push(Frag {
                    span: t.span,
                    gap: (gap == 1).then(|| Span {
                        start: before.unwrap_or(t.span.start),
                        end: t.span.start,
                    }),
                });
                col += gap + t.width;
            }
            if !row.is_empty() {
                out.push_row(block.kind, block.section, &mut row);
            }
            if let Some(r) = out.rows.get_mut(first_row) {
                r.first = true;
            }
            last_end = out.rows.last().map_or(0, |r| r.span.end);
        }
        for r in &mut out.rows {
            if r.kind.is_some() {
                let (red, pos) = article.highlighter.stances_in(r.span);
                r.gutter = if red {
                    Gutter::RedLine
                } else if pos {
                    Gutter::Position
                } else {
                    Gutter::None
                };
            }
        }
        out.section_rows = vec![usize::MAX; article.doc.sections.len()];
        for (i, r) in out.rows.iter().enumerate() {
            if r.kind.is_some()
                && let Some(s) = out.section_rows.get_mut(r.section)
                && *s == usize::MAX
            {
                *s = i;
            }
        }
        // A section without visible text starts where the next one does.
        let mut next = out.rows.len().saturating_sub(1);
        for s in out.section_rows.iter_mut().rev() {
            if *s == usize::MAX {
                *s = next;
            }
            next = *s;
        }
        out
    }

    fn push_row(&mut self, kind: BlockKind, section: usize, row: &mut Vec<Frag>) {
        let start = self.frags.len();
        let span = Span {
            start: row.first().map_or(0, |f| f.span.start),
            end: row.last().map_or(0, |f| f.span.end),
        };
        self.frags.append(row);
        self.rows.push(Row {
            kind: Some(kind),
            first: false,
            frags: start..self.frags.len(),
            span,
            gutter: Gutter::None,
            section,
        });
    }

    /// The row that shows byte `pos` (the next text row when `pos` falls
    /// between rows).
    pub(crate) fn row_of(&self, pos: u32) -> usize {
        let i = self.rows.partition_point(|r| r.span.end <= pos);
        i.min(self.rows.len().saturating_sub(1))
    }

    /// The rows a span covers, first and last.
    pub(crate) fn rows_of(&self, span: Span) -> (usize, usize) {
        let first = self.row_of(span.start);
        let last = self.row_of(span.end.saturating_sub(1).max(span.start));
        (first, last.max(first))
    }

    /// The byte under column `x` (counted from the text's left edge) of
    /// row `row`: the start of the word there.
    pub(crate) fn byte_at(&self, article: &Article, row: usize, x: usize) -> Option<u32> {
        let r = self.rows.get(row)?;
        let code = r.kind == Some(BlockKind::Para(crate::model::BlockKind::Code));
        let mut at = display_width(r.prefix());
        for f in self.frags(r) {
            if f.gap.is_some() {
                at += 1;
            }
            let text = article.doc.span_text(f.span);
            let w = if code {
                display_width(&code_display(text))
            } else {
                display_width(&sanitize(text))
            };
            if x < at + w {
                return (x >= at).then_some(f.span.start);
            }
            at += w;
        }
        None
    }

    pub(crate) fn frags(&self, row: &Row) -> &[Frag] {
        self.frags.get(row.frags.clone()).unwrap_or(&[])
    }
}

/// Cuts a token wider than the line into pieces that fit, at grapheme
/// boundaries. Returns each piece with its width.
fn split(article: &Article, t: Token, line: u32) -> Vec<(Span, u32)> {
    let text = article.doc.span_text(t.span);
    let mut out = Vec::new();
    let mut start = 0;
    let mut col = 0u32;
    for (i, g) in text.grapheme_indices(true) {
        let w = if t.hard_break {
            display_width(&code_display(g))
        } else {
            display_width(&sanitize(g))
        } as u32;
        if col + w > line && i > start {
            out.push((
                Span::new(t.span.start as usize + start, t.span.start as usize + i),
                col,
            ));
            start = i;
            col = 0;
        }
        col += w;
    }
    out.push((
        Span::new(t.span.start as usize + start, t.span.end as usize),
        col,
    ));
    out
}

/// A row of a wrapped list (the summary).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ListRow {
    pub(crate) text: String,
    pub(crate) item: Option<usize>,
    /// A group heading ("Red lines").
    pub(crate) heading: bool,
}

/// The summary laid out for one width.
#[derive(Clone, Debug, Default)]
pub(crate) struct SummaryLayout {
    pub(crate) rows: Vec<ListRow>,
    /// The rows of each item.
    pub(crate) item_rows: Vec<Range<usize>>,
}

impl SummaryLayout {
    /// Items are indented by two columns under their group heading.
    pub(crate) fn new(items: &[SummaryItem], width: u16) -> SummaryLayout {
        let mut rows = Vec::new();
        let mut item_rows = Vec::with_capacity(items.len());
        let mut group = "";
        let text_width = usize::from(width).saturating_sub(2).max(1);
        for (i, item) in items.iter().enumerate() {
            if item.group != group {
                if !rows.is_empty() {
                    rows.push(ListRow {
                        text: String::new(),
                        item: None,
                        heading: false,
                    });
                }
                rows.push(ListRow {
                    text: item.group.to_string(),
                    item: None,
                    heading: true,
                });
                group = item.group;
            }
            let start = rows.len();
            for line in textwrap::wrap(&item.text, text_width) {
                rows.push(ListRow {
                    text: line.into_owned(),
                    item: Some(i),
                    heading: false,
                });
            }
            if rows.len() == start {
                rows.push(ListRow {
                    text: String::new(),
                    item: Some(i),
                    heading: false,
                });
            }
            item_rows.push(start..rows.len());
        }
        SummaryLayout { rows, item_rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bytes;

    fn article(src: &str) -> Article {
        Article::new(
            load_bytes("t.txt", src.as_bytes(), None).unwrap().doc,
            Default::default(),
        )
    }

    fn lines(a: &Article, l: &TextLayout) -> Vec<String> {
        l.rows
            .iter()
            .map(|r| {
                let mut s = String::new();
                for f in l.frags(r) {
                    if f.gap.is_some() {
                        s.push(' ');
                    }
                    s.push_str(a.doc.span_text(f.span));
                }
                s
            })
            .collect()
    }

    #[test]
    fn reflows_hard_wrapped_copy_to_the_width() {
        let a = article(
            "    The first paragraph\n  was hard wrapped at an odd width.\n\n    A second one.\n",
        );
        let l = TextLayout::new(&a, 20);
        assert_eq!(
            lines(&a, &l),
            [
                "The first paragraph",
                "was hard wrapped at",
                "an odd width.",
                "",
                "A second one."
            ]
        );
        // Row index: every byte of a word maps to its row.
        let text = &a.doc.text;
        let at = text.find("odd").unwrap() as u32;
        assert_eq!(l.row_of(at), 2);
        let at = text.find("second").unwrap() as u32;
        assert_eq!(l.row_of(at), 4);
        assert_eq!(l.rows_of(Span::new(4, text.find("odd").unwrap())), (0, 2));
    }

    #[test]
    fn long_words_are_cut_and_wide_characters_fit() {
        let a = article("abcdefghijklmnopqrstuvwxyz 日本語日本語日本語 end\n");
        let l = TextLayout::new(&a, 10);
        assert_eq!(
            lines(&a, &l),
            [
                "abcdefghij",
                "klmnopqrst",
                "uvwxyz",
                "日本語日本",
                "語日本語",
                "end"
            ]
        );
    }

    #[test]
    fn sections_start_at_their_heading_row() {
        let a = article(
            "The first paragraph is here and it ends with a stop.\n- Next part -\nThe second paragraph follows here and ends too.\n",
        );
        let l = TextLayout::new(&a, 80);
        assert_eq!(l.section_rows, [0, 2]);
        assert_eq!(l.rows[2].kind, Some(BlockKind::Heading));
    }

    #[test]
    fn summary_rows_group_items() {
        let items = vec![
            SummaryItem {
                group: "Lead",
                text: "one two three four".into(),
                target: Span::new(0, 1),
                why: None,
                item: None,
            },
            SummaryItem {
                group: "Digest",
                text: "five".into(),
                target: Span::new(0, 1),
                why: None,
                item: None,
            },
        ];
        let l = SummaryLayout::new(&items, 12);
        let texts: Vec<&str> = l.rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Lead", "one two", "three four", "", "Digest", "five"]
        );
        assert_eq!(l.item_rows, [1..3, 5..6]);
    }
}

//! Markdown articles: `#` and underlined headings, paragraphs, block quotes,
//! list items and code blocks. Markup is recorded as spans (so views and the
//! analysis read it as blanks) and the text itself is kept.

use super::{Element, assemble_sections, split_lines};
use crate::model::{BlockKind, Document, Layout, Paragraph};
use crate::span::Span;

/// Text with an ATX heading or a code fence at the start of a line is Markdown.
pub(super) fn sniff(text: &str) -> bool {
    split_lines(text).iter().any(|l| {
        let s = l.span.text(text);
        atx_level(s).is_some_and(|(_, rest)| !rest.trim().is_empty()) || fence(s).is_some()
    })
}

struct Open {
    kind: BlockKind,
    first: Span,
    last: Span,
    lines: usize,
}

pub(super) fn parse(name: &str, text: String, bom: bool) -> Document {
    let lines = split_lines(&text);
    let mut markup: Vec<Span> = Vec::new();
    let mut blocks: Vec<Element> = Vec::new();
    let mut title: Option<Span> = None;
    let mut open: Option<Open> = None;
    let mut in_fence: Option<(u8, usize)> = None;

    let flush = |open: &mut Option<Open>, blocks: &mut Vec<Element>| {
        if let Some(o) = open.take() {
            let span = o.first.cover(o.last);
            if !span.is_empty() {
                blocks.push(Element::Paragraph(Paragraph { span, kind: o.kind }));
            }
        }
    };

    for line in &lines {
        let s = line.span.text(&text);
        let at = line.span.start as usize;
        let content = line.content(&text);

        if let Some((ch, n)) = in_fence {
            if fence(s).is_some_and(|(c, m)| c == ch && m >= n) {
                markup.push(content);
                flush(&mut open, &mut blocks);
                in_fence = None;
            } else if !line.blank {
                extend(&mut open, BlockKind::Code, content);
            }
            continue;
        }
        if line.blank {
            flush(&mut open, &mut blocks);
            continue;
        }
        if let Some(f) = fence(s) {
            flush(&mut open, &mut blocks);
            markup.push(content);
            in_fence = Some(f);
            continue;
        }
        if let Some((level, rest)) = atx_level(s) {
            flush(&mut open, &mut blocks);
            let rest_at = at + (s.len() - rest.len());
            let heading = heading_text(&text, Span::new(rest_at, line.span.end as usize));
            mark_around(&mut markup, content, heading);
            if let Some(h) = heading {
                inline_markup(&text, h, &mut markup);
                if title.is_none() && blocks.is_empty() && level == 1 {
                    title = Some(h);
                } else {
                    blocks.push(Element::Heading(h));
                }
            }
            continue;
        }
        if let Some(o) = open.as_ref()
            && o.kind == BlockKind::Text
            && o.lines == 1
            && is_setext_underline(s)
        {
            let h = o.first.cover(o.last);
            open = None;
            markup.push(content);
            if title.is_none() && blocks.is_empty() && s.trim().starts_with('=') {
                title = Some(h);
            } else {
                blocks.push(Element::Heading(h));
            }
            continue;
        }
        if is_thematic_break(s) || is_link_definition(s) || is_html_block(s) {
            flush(&mut open, &mut blocks);
            markup.push(content);
            continue;
        }
        // Block quote markers, possibly nested.
        let mut body = content;
        let mut quoted = false;
        while body.text(&text).starts_with('>') {
            quoted = true;
            let b = body.start as usize;
            let marker_end = b + 1 + usize::from(body.text(&text)[1..].starts_with(' '));
            markup.push(Span::new(b, marker_end));
            body = Span::new(marker_end, body.end as usize).trim(&text);
        }
        let item = list_marker(body.text(&text));
        let kind = if item.is_some() {
            BlockKind::Item
        } else if quoted {
            BlockKind::Quote
        } else {
            BlockKind::Text
        };
        if let Some(n) = item {
            let b = body.start as usize;
            markup.push(Span::new(b, b + n));
            body = Span::new(b + n, body.end as usize).trim(&text);
            flush(&mut open, &mut blocks);
        } else if quoted && open.as_ref().is_some_and(|o| o.kind != BlockKind::Quote) {
            flush(&mut open, &mut blocks);
        }
        if body.is_empty() {
            continue;
        }
        inline_markup(&text, body, &mut markup);
        let continues = item.is_none() && open.as_ref().is_some_and(|o| o.kind == kind || !quoted);
        if continues {
            let kind = open.as_ref().map_or(kind, |o| o.kind);
            extend(&mut open, kind, body);
        } else {
            flush(&mut open, &mut blocks);
            extend(&mut open, kind, body);
        }
    }
    flush(&mut open, &mut blocks);

    markup.retain(|m| !m.is_empty());
    markup.sort();
    markup.dedup();
    let (sections, paragraphs) = assemble_sections(blocks);
    let dateline = paragraphs.first().and_then(|p| {
        let s = p.span.text(&text);
        super::plain::find_dateline(s)
            .map(|n| Span::new(p.span.start as usize, p.span.start as usize + n))
    });
    Document {
        name: name.to_string(),
        text,
        bom,
        layout: Layout::Markdown,
        title,
        dateline,
        byline: None,
        sections,
        paragraphs,
        markup,
        origin: None,
    }
}

fn extend(open: &mut Option<Open>, kind: BlockKind, span: Span) {
    match open {
        Some(o) => {
            o.last = span;
            o.lines += 1;
        }
        None => {
            *open = Some(Open {
                kind,
                first: span,
                last: span,
                lines: 1,
            })
        }
    }
}

/// Records the parts of `whole` outside `inner` as markup.
fn mark_around(markup: &mut Vec<Span>, whole: Span, inner: Option<Span>) {
    match inner {
        None => markup.push(whole),
        Some(i) => {
            markup.push(Span {
                start: whole.start,
                end: i.start.max(whole.start),
            });
            markup.push(Span {
                start: i.end.min(whole.end),
                end: whole.end,
            });
        }
    }
}

/// `(level, rest)` of an ATX heading line (`## Title ##`).
fn atx_level(s: &str) -> Option<(usize, &str)> {
    let t = s.trim_start_matches(' ');
    if s.len() - t.len() > 3 {
        return None;
    }
    let level = t.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &t[level..];
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some((level, rest))
}

/// The heading's text without surrounding blanks and closing `#`s.
fn heading_text(text: &str, span: Span) -> Option<Span> {
    let s = span.text(text);
    let trimmed = s.trim_end();
    let without_hashes = trimmed.trim_end_matches('#');
    let body = if without_hashes.len() < trimmed.len() && without_hashes.ends_with([' ', '\t']) {
        without_hashes
    } else {
        trimmed
    };
    let h = Span::new(span.start as usize, span.start as usize + body.len()).trim(text);
    (!h.is_empty()).then_some(h)
}

fn fence(s: &str) -> Option<(u8, usize)> {
    let t = s.trim_start_matches(' ');
    let ch = *t.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let n = t.bytes().take_while(|&b| b == ch).count();
    (n >= 3).then_some((ch, n))
}

fn is_setext_underline(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && (t.bytes().all(|b| b == b'=') || (t.len() >= 2 && t.bytes().all(|b| b == b'-')))
}

fn is_thematic_break(s: &str) -> bool {
    let t: Vec<u8> = s.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    t.len() >= 3 && matches!(t[0], b'-' | b'*' | b'_') && t.iter().all(|&b| b == t[0])
}

fn is_link_definition(s: &str) -> bool {
    let t = s.trim_start();
    t.starts_with('[')
        && t.find("]:")
            .is_some_and(|i| i > 1 && !t[1..i].contains(']'))
}

fn is_html_block(s: &str) -> bool {
    let t = s.trim();
    t.starts_with('<')
        && t.ends_with('>')
        && t[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
}

/// Byte length of a list marker with its following space (`- `, `12. `).
fn list_marker(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let n = match b.first()? {
        b'-' | b'*' | b'+' => 1,
        b'0'..=b'9' => {
            let d = b.iter().take_while(|c| c.is_ascii_digit()).count();
            if d > 9 || !matches!(b.get(d), Some(b'.' | b')')) {
                return None;
            }
            d + 1
        }
        _ => return None,
    };
    match b.get(n) {
        Some(b' ' | b'\t') => Some(n + 1),
        _ => None,
    }
}

/// Records inline markup inside `span`: emphasis and code delimiters,
/// backslash escapes, link brackets and targets, HTML tags.
fn inline_markup(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = span.text(text);
    let b = s.as_bytes();
    let base = span.start as usize;
    let mark =
        |out: &mut Vec<Span>, from: usize, to: usize| out.push(Span::new(base + from, base + to));
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if b.get(i + 1).is_some_and(|c| c.is_ascii_punctuation()) => {
                mark(out, i, i + 1);
                i += 2;
            }
            b'`' => {
                let n = b[i..].iter().take_while(|&&c| c == b'`').count();
                mark(out, i, i + n);
                i += n;
            }
            c @ (b'*' | b'_' | b'~') => {
                let n = b[i..].iter().take_while(|&&x| x == c).count();
                let prev = s[..i].chars().next_back();
                let next = s[i + n..].chars().next();
                let space_or_punct = |ch: Option<char>| {
                    ch.is_none_or(|ch| ch.is_whitespace() || ch.is_ascii_punctuation())
                };
                let word = |ch: Option<char>| ch.is_some_and(|ch| ch.is_alphanumeric());
                let opener = !next.is_none_or(char::is_whitespace) && space_or_punct(prev);
                let closer = !prev.is_none_or(char::is_whitespace) && space_or_punct(next);
                let intraword = word(prev) && word(next);
                if (opener || closer) && !intraword && (c != b'~' || n == 2) {
                    mark(out, i, i + n);
                }
                i += n;
            }
            b'!' if b.get(i + 1) == Some(&b'[') => {
                if let Some(end) = link_end(s, i + 1) {
                    mark(out, i, i + 2);
                    mark(out, end.0, end.1);
                    i += 2;
                } else {
                    i += 1;
                }
            }
            b'[' => {
                if let Some(end) = link_end(s, i) {
                    mark(out, i, i + 1);
                    mark(out, end.0, end.1);
                }
                i += 1;
            }
            b'<' => {
                if let Some(close) = s[i..].find('>') {
                    let inner = &s[i + 1..i + close];
                    if inner.starts_with("http://")
                        || inner.starts_with("https://")
                        || inner.starts_with("mailto:")
                    {
                        mark(out, i, i + 1);
                        mark(out, i + close, i + close + 1);
                    } else if inner.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
                        && !inner.contains('<')
                    {
                        mark(out, i, i + close + 1);
                    }
                    i += close + 1;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
}

/// For a `[` at `open`, the byte range of the closing `](target)` or
/// `][ref]` when the brackets form a link.
fn link_end(s: &str, open: usize) -> Option<(usize, usize)> {
    let close = open + s[open..].find(']')?;
    let after = &s[close + 1..];
    let (opening, closing) = match after.as_bytes().first()? {
        b'(' => ('(', ')'),
        b'[' => ('[', ']'),
        _ => return None,
    };
    debug_assert!(after.starts_with(opening));
    let end = after.find(closing)?;
    Some((close, close + 1 + end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(doc: &Document, span: Span) -> String {
        doc.reading(span)
    }

    #[test]
    fn inline_markup_is_blanked() {
        let doc = parse(
            "t.md",
            "# Title\n\nSome **bold** and [a link](http://x.y) `code` \\*star\\*.\n".into(),
            false,
        );
        assert_eq!(doc.title.map(|t| doc.span_text(t)), Some("Title"));
        assert_eq!(
            content(&doc, doc.paragraphs[0].span),
            "Some bold and a link code *star*."
        );
    }

    #[test]
    fn snake_case_and_arithmetic_are_text() {
        let doc = parse("t.md", "# T\n\nuse snake_case and 2 * 3\n".into(), false);
        assert_eq!(
            content(&doc, doc.paragraphs[0].span),
            "use snake_case and 2 * 3"
        );
    }

    #[test]
    fn lists_quotes_setext_and_fences() {
        let src = "Lead line\n=========\n\nIntro text\nwraps here.\n\n> quoted\n> lines\n\n- one\n- two\n  more\n\nSub\n---\n\n```\ncode()\n```\n";
        let doc = parse("t.md", src.into(), false);
        assert_eq!(doc.title.map(|t| doc.span_text(t)), Some("Lead line"));
        let kinds: Vec<BlockKind> = doc.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Text,
                BlockKind::Quote,
                BlockKind::Item,
                BlockKind::Item,
                BlockKind::Code
            ]
        );
        assert_eq!(content(&doc, doc.paragraphs[1].span), "quoted lines");
        assert_eq!(content(&doc, doc.paragraphs[3].span), "two more");
        assert_eq!(doc.sections.len(), 2);
        assert_eq!(
            doc.sections[1].heading.map(|h| doc.span_text(h)),
            Some("Sub")
        );
    }
}

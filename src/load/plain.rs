//! Plain-text articles: wire copy with one paragraph per line, and
//! hard-wrapped copy (e-mail, 1980s wire) whose paragraphs start indented or
//! after a blank line.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Element, Line, assemble_sections, split_lines};
use crate::model::{BlockKind, Document, Layout, Paragraph};
use crate::span::Span;

pub(super) fn parse(name: &str, text: String, bom: bool) -> Document {
    let lines = split_lines(&text);
    let layout = if is_wrapped(&text, &lines) {
        Layout::Wrapped
    } else {
        Layout::Lines
    };
    let groups = group_lines(&lines, layout);
    let span_of = |g: &Range<usize>| {
        Span::new(
            lines[g.start].span.start as usize,
            lines[g.end - 1].span.end as usize,
        )
        .trim(&text)
    };

    let mut next = 0;
    let mut title = None;
    if let Some(first) = groups.first()
        && groups.len() > 1
        && is_title(&text, &lines, first)
    {
        title = Some(span_of(first));
        next = 1;
    }
    let mut byline = None;
    if let Some(g) = groups.get(next)
        && g.len() == 1
        && groups.len() > next + 1
        && is_byline(span_of(g).text(&text))
    {
        byline = Some(span_of(g));
        next += 1;
    }

    let body = &groups[next..];
    let mut blocks = Vec::with_capacity(body.len());
    let mut dateline = None;
    for (i, g) in body.iter().enumerate() {
        let span = span_of(g);
        // A bare short line is a heading only between two real paragraphs:
        // one that ended a sentence before it, and running text after it.
        let between = i > 0
            && i + 1 < body.len()
            && ends_sentence(span_of(&body[i - 1]).text(&text))
            && is_running_text(span_of(&body[i + 1]).text(&text));
        if g.len() == 1
            && let Some(h) = heading(&text, span, between)
        {
            blocks.push(Element::Heading(h));
            continue;
        }
        if dateline.is_none() && i == 0 {
            dateline = find_dateline(span.text(&text))
                .map(|len| Span::new(span.start as usize, span.start as usize + len));
        }
        blocks.push(Element::Paragraph(Paragraph {
            span,
            kind: BlockKind::Text,
        }));
    }
    let (sections, paragraphs) = assemble_sections(blocks);
    Document {
        name: name.to_string(),
        text,
        bom,
        layout,
        title,
        dateline,
        byline,
        sections,
        paragraphs,
        markup: Vec::new(),
        origin: None,
    }
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '\'', '’', ')'])
}

fn is_running_text(s: &str) -> bool {
    s.chars().count() > 60 || ends_sentence(s)
}

/// Hard-wrapped text has short lines that mostly break mid-sentence.
fn is_wrapped(text: &str, lines: &[Line]) -> bool {
    let nonblank: Vec<&Line> = lines.iter().filter(|l| !l.blank).collect();
    if nonblank.len() < 3 {
        return false;
    }
    let long = nonblank
        .iter()
        .filter(|l| l.span.text(text).chars().count() > 100)
        .count();
    if long * 10 > nonblank.len() {
        return false;
    }
    let widest = nonblank
        .iter()
        .map(|l| l.span.text(text).trim_end().len())
        .max()
        .unwrap_or(0);
    let mut pairs = 0;
    let mut running_on = 0;
    for w in lines.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if a.blank || b.blank {
            continue;
        }
        pairs += 1;
        let a_text = a.span.text(text).trim_end();
        let b_text = b.span.text(text).trim_start();
        let ends_open = !a_text.ends_with(['.', '!', '?', ':', '"', '”', '\'', '’', ')', ']']);
        let starts_lower = b_text.chars().next().is_some_and(|c| c.is_lowercase());
        // A headline or a byline also ends without a stop; a wrapped line
        // ends without one and is nearly as wide as the widest.
        let near_full = a_text.len() * 5 >= widest * 3;
        if starts_lower || (ends_open && near_full) {
            running_on += 1;
        }
    }
    pairs > 0 && running_on * 5 >= pairs * 2
}

/// Groups line indices into paragraphs (and one-line candidates for
/// headings), skipping blank lines.
fn group_lines(lines: &[Line], layout: Layout) -> Vec<Range<usize>> {
    let mut groups: Vec<Range<usize>> = Vec::new();
    if layout == Layout::Lines {
        for (i, l) in lines.iter().enumerate() {
            if !l.blank {
                groups.push(i..i + 1);
            }
        }
        return groups;
    }
    let base = lines
        .iter()
        .filter(|l| !l.blank)
        .map(|l| l.indent)
        .min()
        .unwrap_or(0);
    let mut current: Option<Range<usize>> = None;
    for (i, l) in lines.iter().enumerate() {
        if l.blank {
            groups.extend(current.take());
            continue;
        }
        match current.as_mut() {
            Some(g) if l.indent <= base => g.end = i + 1,
            _ => {
                groups.extend(current.take());
                current = Some(i..i + 1);
            }
        }
    }
    groups.extend(current);
    groups
}

fn is_title(text: &str, lines: &[Line], first: &Range<usize>) -> bool {
    if first.len() != 1 {
        return false;
    }
    let line = &lines[first.start];
    let s = line.content(text).text(text);
    let chars = s.chars().count();
    if chars == 0 || chars > 200 || find_dateline(s).is_some() || is_byline(s) {
        return false;
    }
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    if letters.len() >= 4 && upper * 10 >= letters.len() * 9 {
        return true;
    }
    let last = s.chars().last().unwrap_or(' ');
    if chars <= 150 && !matches!(last, '.' | '!' | '?' | ':' | ',' | ';' | '"' | '”') {
        return true;
    }
    // A short line set off by a blank line, as web copy prints headlines.
    let blank_after = lines.get(first.start + 1).is_some_and(|l| l.blank);
    let words = s.split_whitespace().count();
    if blank_after && chars <= 120 && words <= 20 && (chars <= 80 || !has_inner_sentence_break(s)) {
        return true;
    }
    // A headline and its deck, then a blank line ("Talks stall; \nBoth sides…").
    let deck_then_blank = lines.get(first.start + 1).is_some_and(|l| !l.blank)
        && lines.get(first.start + 2).is_some_and(|l| l.blank);
    deck_then_blank && chars <= 150 && words <= 25
}

fn has_inner_sentence_break(s: &str) -> bool {
    let b = s.as_bytes();
    (1..b.len().saturating_sub(1)).any(|i| {
        matches!(b[i - 1], b'.' | b'!' | b'?')
            && b[i] == b' '
            && b.get(i + 1).is_some_and(|c| c.is_ascii_uppercase())
            // "Mr. Smith", "U.S. Army": a short word before the stop is an abbreviation.
            && s[..i - 1]
                .rsplit([' ', '.'])
                .next()
                .is_none_or(|w| w.len() > 3)
    })
}

/// Compiles the dateline pattern (most wire copy has one) ahead of its
/// first use. The others compile only when a line could match them.
pub(crate) fn warm_up() {
    LazyLock::force(&DATELINE);
}

/// `By Jane Roe`, `by John Doe and Ann Poe`.
fn is_byline(s: &str) -> bool {
    s.get(..2).is_some_and(|b| b.eq_ignore_ascii_case("by")) && BYLINE.is_match(s)
}

static CROSSHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-*=•~]+)\s*(.*?\p{L}.*?)\s*(?:[-*=•~]+)$").expect("valid crosshead pattern")
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*(?:,|and|&)\s*.{0,60})?$")
        .expect("valid byline pattern")
});

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:(?P<caps>\p{Lu}[\p{Lu}'’.]*(?:[ -]\p{Lu}[\p{Lu}'’.]*){0,3})|(?P<mixed>\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2}))",
        r"(?:,\s\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)??",
        r"(?P<date>,?\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2}(?:,\s\d{4})?)?",
        r"(?P<agency>\s?\([^)\n]{1,40}\))?",
        r"\s*(?:--?|[–—])(?:\s|$)"
    ))
    .expect("valid dateline pattern")
});

/// The byte length of a dateline at the start of `s` (up to and including
/// its dash), if there is one.
pub(crate) fn find_dateline(s: &str) -> Option<usize> {
    // What the pattern needs: a capital first, a dash later.
    if !s.starts_with(char::is_uppercase) || !s.contains(['-', '–', '—']) {
        return None;
    }
    let caps = DATELINE.captures(s)?;
    let place_caps = caps.name("caps");
    if let Some(p) = place_caps
        && p.as_str().chars().filter(|c| c.is_alphabetic()).count() < 2
    {
        return None;
    }
    if caps.name("mixed").is_some() && caps.name("date").is_none() && caps.name("agency").is_none()
    {
        return None;
    }
    let m = caps.get(0)?;
    Some(m.as_str().trim_end().len())
}

/// A one-line group that reads as a section heading: a `- Heading -`
/// crosshead anywhere, or (between two paragraphs) a short line with no
/// closing punctuation that starts with a capital.
fn heading(text: &str, span: Span, between_paragraphs: bool) -> Option<Span> {
    let s = span.text(text);
    // The pattern compiles on first use: only for lines that could match.
    if s.starts_with(['-', '*', '=', '•', '~'])
        && let Some(c) = CROSSHEAD.captures(s)
        && let Some(inner) = c.get(1)
    {
        return Some(Span::new(
            span.start as usize + inner.start(),
            span.start as usize + inner.end(),
        ));
    }
    if !between_paragraphs {
        return None;
    }
    let chars = s.chars().count();
    let words = s.split_whitespace().count();
    let first = s.chars().next()?;
    let last = s.chars().last()?;
    let opens_well = first.is_uppercase() || first.is_ascii_digit() || matches!(first, '\'' | '‘');
    let closes_open = !matches!(
        last,
        '.' | '!' | '?' | ',' | ';' | ':' | '"' | '”' | '…' | '-' | '–' | '—'
    );
    (chars <= 60 && words <= 8 && opens_well && closes_open && find_dateline(s).is_none())
        .then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        for (s, want) in [
            (
                "ANKARA, Jan 30 (AFP) - Talks",
                Some("ANKARA, Jan 30 (AFP) -"),
            ),
            ("LONDON, March 9 - The", Some("LONDON, March 9 -")),
            (
                "HEMPSTEAD, N.Y., Sept. 26 (UPI) — Green",
                Some("HEMPSTEAD, N.Y., Sept. 26 (UPI) —"),
            ),
            ("Washington (Reuters) - The", Some("Washington (Reuters) -")),
            ("NEW YORK -- Stocks", Some("NEW YORK --")),
            ("Washington - the city", None),
            ("Iran's top diplomat said", None),
        ] {
            assert_eq!(find_dateline(s).map(|n| &s[..n]), want, "{s}");
        }
    }

    #[test]
    fn crossheads_and_short_headings() {
        let t = "- 'Easing' tensions -";
        assert_eq!(
            heading(t, Span::new(0, t.len()), false).map(|h| h.text(t)),
            Some("'Easing' tensions")
        );
        let t = "Talks resume";
        assert!(heading(t, Span::new(0, t.len()), true).is_some());
        assert!(heading(t, Span::new(0, t.len()), false).is_none());
        let t = "The agency reports:";
        assert!(heading(t, Span::new(0, t.len()), true).is_none());
    }

    #[test]
    fn inner_sentence_breaks() {
        assert!(has_inner_sentence_break("One thing. Another thing"));
        assert!(!has_inner_sentence_break("Mr. Smith goes to U.S. Congress"));
    }
}

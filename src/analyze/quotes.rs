//! Finding quotations: spans inside double quotation marks (straight,
//! curly, or the typewriter pairs `''` and ``` `` ```), paired paragraph by
//! paragraph; single-quoted spans outside them; quotes that run on into the
//! next paragraph. Apostrophes (`Iran's`, `'90s`, `don't`) are not marks.

use super::passages::Passage;
use crate::span::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// The text strictly inside the marks (to the paragraph's end when the
    /// quote is left open).
    pub span: Span,
    pub open: Span,
    pub close: Option<Span>,
    pub paragraph: usize,
    /// Single quotation marks.
    pub single: bool,
    /// Opens a paragraph right after one whose quote was left open: the
    /// same speech goes on.
    pub continues: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Toggle,
}

/// Bytes that can start a quotation mark: `"`, `'`, `` ` `` and the lead
/// bytes of `“ ” ‘ ’ „` (0xE2) and `« »` (0xC2).
const MARK_START: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'`' as usize] = true;
    t[0xE2] = true;
    t[0xC2] = true;
    t
};

/// The double-quote mark at byte `i` of `s`, with its width.
fn double_mark(s: &str, i: usize) -> Option<(Mark, usize)> {
    let rest = &s[i..];
    let c = rest.chars().next()?;
    match c {
        '“' | '„' | '«' => Some((Mark::Open, c.len_utf8())),
        '”' | '»' => Some((Mark::Close, c.len_utf8())),
        '"' => {
            // `dollar"s`: a straight mark between two letters is a typo.
            let before = s[..i].chars().next_back();
            let after = rest[1..].chars().next();
            if before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_alphabetic)
                || feet_and_inches(&s[..i])
            {
                None
            } else {
                Some((Mark::Toggle, 1))
            }
        }
        '\'' if rest.starts_with("''") => Some((Mark::Toggle, 2)),
        '`' if rest.starts_with("``") => Some((Mark::Open, 2)),
        _ => None,
    }
}

/// `6'3"`: the text before a straight mark ends in feet and inches.
fn feet_and_inches(before: &str) -> bool {
    let b = before.as_bytes();
    let digits = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    digits > 0
        && b.len() > digits + 1
        && b[b.len() - digits - 1] == b'\''
        && b[b.len() - digits - 2].is_ascii_digit()
}

fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// The quotations of a document's passages, in text order. A quote left
/// open runs on into the next body paragraph; a headline ends it.
pub(crate) fn find(text: &str, passages: &[Passage]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut open = false;
    for (b, p) in passages.iter().enumerate() {
        open = find_in_paragraph(text, p.span, b, open && !p.headline, &mut found);
        if p.headline {
            open = false;
        }
    }
    found
}

/// Finds the quotations of one paragraph (`span` in `text`) and appends
/// them to `out`. `prev_open` says whether the previous paragraph ended
/// inside a quote; returns whether this one does.
pub(crate) fn find_in_paragraph(
    text: &str,
    span: Span,
    paragraph: usize,
    prev_open: bool,
    out: &mut Vec<Found>,
) -> bool {
    let base = span.start as usize;
    let s = span.text(text);
    let first_found = out.len();
    let mut open: Option<Span> = None;
    let mut i = 0;
    let mut doubles: Vec<Span> = Vec::new();
    let bytes = s.as_bytes();
    while i < s.len() {
        // Skip to the next byte that can start a mark: most bytes cannot.
        if !MARK_START[bytes[i] as usize] {
            i += bytes[i..]
                .iter()
                .position(|&b| MARK_START[b as usize])
                .unwrap_or(bytes.len() - i);
            continue;
        }
        let Some((mark, w)) = double_mark(s, i) else {
            i += s[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let here = Span::new(base + i, base + i + w);
        match (open, mark) {
            (None, Mark::Open | Mark::Toggle) => open = Some(here),
            (Some(o), Mark::Close | Mark::Toggle) => {
                let inside = Span::new(o.end as usize, here.start as usize);
                if has_letter(inside.text(text)) {
                    out.push(Found {
                        span: inside,
                        open: o,
                        close: Some(here),
                        paragraph,
                        single: false,
                        continues: false,
                    });
                }
                doubles.push(Span::new(o.start as usize, here.end as usize));
                open = None;
            }
            // A second opening mark inside a quote, or a closing mark
            // outside one, is ordinary text.
            _ => {}
        }
        i += w;
    }
    let left_open = if let Some(o) = open {
        let inside = Span::new(o.end as usize, span.end as usize);
        doubles.push(Span::new(o.start as usize, span.end as usize));
        if has_letter(inside.text(text)) {
            out.push(Found {
                span: inside,
                open: o,
                close: None,
                paragraph,
                single: false,
                continues: false,
            });
            true
        } else {
            false
        }
    } else {
        false
    };
    if prev_open
        && let Some(first) = out.get_mut(first_found)
        && first.open.start == span.start
    {
        first.continues = true;
    }
    singles(text, span, paragraph, &doubles, out);
    out[first_found..].sort_by_key(|f| f.open.start);
    left_open
}

/// Single-quoted spans outside double quotes: `'Reducing' tensions`,
/// British-style ‘speech’. An opening mark follows a space or the start
/// and precedes a letter; a closing one follows a non-space and precedes
/// a space, punctuation or the end. Unpaired marks are apostrophes.
fn singles(text: &str, span: Span, paragraph: usize, doubles: &[Span], out: &mut Vec<Found>) {
    let s = span.text(text);
    let base = span.start as usize;
    let mut open: Option<usize> = None;
    // `doubles` is sorted: walk it alongside.
    let mut d = 0;
    let bytes = s.as_bytes();
    // Only `'` and the lead byte of `‘ ’` can start a single mark.
    for i in memchr::memchr2_iter(b'\'', 0xE2, bytes) {
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            continue;
        };
        if !matches!(c, '\'' | '‘' | '’') {
            continue;
        }
        let at = base + i;
        while d < doubles.len() && (doubles[d].end as usize) <= at {
            d += 1;
        }
        if doubles.get(d).is_some_and(|x| x.contains_pos(at)) {
            continue;
        }
        let before = s[..i].chars().next_back();
        let after = s[i + c.len_utf8()..].chars().next();
        let can_open = c != '’'
            && before.is_none_or(|b| {
                b.is_whitespace() || matches!(b, '(' | '[' | '-' | '—' | '–' | '/')
            })
            && after.is_some_and(char::is_alphabetic);
        let can_close = c != '‘'
            && before.is_some_and(|b| !b.is_whitespace())
            && after.is_none_or(|a| {
                a.is_whitespace()
                    || (a.is_ascii_punctuation() && a != '\'')
                    || matches!(a, '—' | '–' | '”' | '…')
            });
        match open {
            Some(o) if can_close => {
                let open_w = s[o..].chars().next().map_or(1, char::len_utf8);
                let inside = Span::new(base + o + open_w, at);
                let words = inside.text(text).split_whitespace().count();
                if has_letter(inside.text(text)) && words <= 40 {
                    out.push(Found {
                        span: inside,
                        open: Span::new(base + o, base + o + open_w),
                        close: Some(Span::new(at, at + c.len_utf8())),
                        paragraph,
                        single: true,
                        continues: false,
                    });
                }
                open = None;
            }
            None if can_open => open = Some(i),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(s: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        find_in_paragraph(s, Span::new(0, s.len()), 0, false, &mut out);
        out.iter()
            .map(|f| (f.span.text(s).to_string(), f.single))
            .collect()
    }

    fn texts(s: &str) -> Vec<String> {
        quotes(s).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        assert_eq!(
            texts(r#""We will go," he said. "Soon.""#),
            ["We will go,", "Soon."]
        );
        assert_eq!(texts("“We will go,” he said."), ["We will go,"]);
        assert_eq!(texts("would ''never'' be, and ``so'' on"), ["never", "so"]);
    }

    #[test]
    fn partial_quote_inside_a_sentence() {
        assert_eq!(texts(r#"It would "never" be on the table."#), ["never"]);
    }

    #[test]
    fn unbalanced_mark_runs_to_the_paragraph_end_only() {
        assert_eq!(texts(r#"He said "this runs on"#), ["this runs on"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(
            quotes("Iran's envoy, in the '90s, said he doesn't know the ministers' plans.")
                .is_empty()
        );
        assert!(quotes(r#"the dollar"s fall"#).is_empty());
    }

    #[test]
    fn nested_single_quotes_stay_inside_the_double_quote() {
        assert_eq!(
            texts(r#""They keep saying 'threat' to us," she said."#),
            ["They keep saying 'threat' to us,"]
        );
    }

    #[test]
    fn single_quoted_headline_words() {
        assert_eq!(
            quotes("'Reducing' tensions"),
            [("Reducing".to_string(), true)]
        );
        assert_eq!(
            quotes("‘We will never give up,’ she said."),
            [("We will never give up,".to_string(), true)]
        );
    }

    #[test]
    fn continuation_paragraphs() {
        let t = "\"First part runs on\n\"and goes on here,\" she said.";
        let mut out = Vec::new();
        let open = find_in_paragraph(t, Span::new(0, 19), 0, false, &mut out);
        assert!(open);
        find_in_paragraph(t, Span::new(20, t.len()), 1, open, &mut out);
        assert_eq!(out.len(), 2);
        assert!(out[1].continues && !out[0].continues);
        assert_eq!(out[1].span.text(t), "and goes on here,");
    }

    #[test]
    fn inch_marks_are_not_quotes() {
        assert_eq!(
            texts("He is 6'3\" tall and said \"fine\" twice."),
            vec!["fine".to_string()]
        );
    }

    #[test]
    fn text_with_no_letters_is_not_a_quote() {
        assert!(quotes(r#""--" and "12""#).is_empty());
    }
}

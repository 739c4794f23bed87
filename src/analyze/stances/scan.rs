//! The words of a sentence for cue matching: a lean version of
//! `tokens::tokenize` with a fast path for ASCII. Words keep inner
//! apostrophes, hyphens and ampersands ("won't", "al-Sabah", "AT&T") and
//! the periods of initials and dotted abbreviations ("U.S."); a possessive
//! "'s" is a token of its own; quotation marks are tokens (the matcher skips
//! them); any other mark is punctuation ("--" and "..." are one token).

use crate::analyze::tokens::{Kind, Token, char_at, is_quote_char};
use crate::span::Span;

/// ASCII letters and digits.
const ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

fn push(out: &mut Vec<Token>, start: usize, end: usize, kind: Kind) {
    out.push(Token {
        span: Span::new(start, end),
        kind,
    });
}

/// Appends the tokens of `text[span]` to `out`.
pub(super) fn scan(text: &str, span: Span, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let end = (span.end as usize).min(b.len());
    let mut i = span.start as usize;
    while i < end {
        let c = b[i];
        if c < 0x80 {
            if c.is_ascii_whitespace() || c.is_ascii_control() {
                i += 1;
            } else if c.is_ascii_alphanumeric() {
                i = word(text, i, end, out);
            } else {
                let next = |k: usize| (i + k < end).then(|| b[i + k]);
                let (kind, len) = match c {
                    b'"' => (Kind::Quote, 1),
                    b'`' => (Kind::Quote, if next(1) == Some(b'`') { 2 } else { 1 }),
                    b'\'' => (Kind::Quote, if next(1) == Some(b'\'') { 2 } else { 1 }),
                    b'-' if next(1) == Some(b'-') => (Kind::Punct, 2),
                    b'.' if next(1) == Some(b'.') && next(2) == Some(b'.') => (Kind::Punct, 3),
                    _ => (Kind::Punct, 1),
                };
                push(out, i, i + len, kind);
                i += len;
            }
            continue;
        }
        let Some(ch) = text[i..].chars().next() else {
            break;
        };
        let w = ch.len_utf8();
        if ch.is_whitespace() || ch.is_control() {
            i += w;
        } else if ch.is_alphanumeric() {
            i = word(text, i, end, out);
        } else {
            let kind = if is_quote_char(ch) {
                Kind::Quote
            } else {
                Kind::Punct
            };
            push(out, i, i + w, kind);
            i += w;
        }
    }
}

/// Whether the text at byte `i` (before `end`) starts with a letter or digit.
fn alnum_at(text: &str, i: usize, end: usize) -> bool {
    i < end && char_at(text, i).is_some_and(char::is_alphanumeric)
}

/// Whether the text at byte `i` (before `end`) starts with a letter.
fn alpha_at(text: &str, i: usize, end: usize) -> bool {
    i < end && char_at(text, i).is_some_and(char::is_alphabetic)
}

/// Scans one word or number from `start`; returns where it ended.
fn word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    let numeric = b[start].is_ascii_digit();
    let mut i = start;
    // Letters since the last inner period: "U.S" goes on across periods
    // only between single letters.
    let mut run = 0;
    let mut inner_period = false;
    while i < end {
        // A run of ASCII letters and digits at once.
        let n = b[i..end]
            .iter()
            .position(|&c| !ALNUM[usize::from(c)])
            .unwrap_or(end - i);
        i += n;
        run += n;
        if i >= end {
            break;
        }
        let c = b[i];
        if c < 0x80 {
            let joins = match c {
                b'\'' => alpha_at(text, i + 1, end),
                b'-' | b'&' if !numeric => alnum_at(text, i + 1, end),
                b'.' if numeric => i + 1 < end && b[i + 1].is_ascii_digit(),
                b',' | b':' | b'/' | b'-' if numeric => i + 1 < end && b[i + 1].is_ascii_digit(),
                b'.' => {
                    let j = run == 1 && alpha_at(text, i + 1, end);
                    inner_period |= j;
                    j
                }
                _ => false,
            };
            if !joins {
                break;
            }
            run = 0;
            i += 1;
            continue;
        }
        let Some(ch) = text[i..].chars().next() else {
            break;
        };
        let w = ch.len_utf8();
        if ch.is_alphanumeric() {
            i += w;
            run += 1;
        } else if (ch == '’' && alpha_at(text, i + w, end))
            || (ch == '–' && !numeric && alnum_at(text, i + w, end))
        {
            i += w;
            run = 0;
        } else {
            break;
        }
    }
    let body = &text[start..i];
    if !numeric && body.len() > 2 && matches!(b[i - 1], b's' | b'S') {
        let apos = if body.ends_with("'s") || body.ends_with("'S") {
            Some(i - 2)
        } else if body.ends_with("’s") || body.ends_with("’S") {
            Some(i - 4)
        } else {
            None
        };
        if let Some(a) = apos {
            push(out, start, a, Kind::Word);
            push(out, a, i, Kind::Possessive);
            return i;
        }
    }
    let mut w_end = i;
    if !numeric && i < end && b[i] == b'.' {
        let initial = body.len() == 1 && b[start].is_ascii_uppercase();
        if initial || inner_period {
            w_end += 1;
        }
    }
    let kind = if numeric { Kind::Number } else { Kind::Word };
    push(out, start, w_end, kind);
    w_end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(&str, Kind)> {
        let mut out = Vec::new();
        scan(s, Span::new(0, s.len()), &mut out);
        out.iter().map(|t| (t.span.text(s), t.kind)).collect()
    }

    #[test]
    fn words_possessives_quotes_and_marks() {
        assert_eq!(
            words("Iran's “won't” U.S. al-Sabah, 1,000 -- O’Brien’s J. Doe..."),
            [
                ("Iran", Kind::Word),
                ("'s", Kind::Possessive),
                ("“", Kind::Quote),
                ("won't", Kind::Word),
                ("”", Kind::Quote),
                ("U.S.", Kind::Word),
                ("al-Sabah", Kind::Word),
                (",", Kind::Punct),
                ("1,000", Kind::Number),
                ("--", Kind::Punct),
                ("O’Brien", Kind::Word),
                ("’s", Kind::Possessive),
                ("J.", Kind::Word),
                ("Doe", Kind::Word),
                ("...", Kind::Punct),
            ]
        );
    }

    #[test]
    fn any_input_scans_without_panicking() {
        for s in [
            "’",
            "a’",
            "'s",
            "é'",
            "x.",
            "\u{0}\u{7f}ß-",
            "3,",
            "A.B",
            "–a",
        ] {
            let _ = words(s);
        }
    }
}

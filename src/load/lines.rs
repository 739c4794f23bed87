//! Splitting a buffer into lines at LF, CRLF, lone CR, U+2028 and U+2029.

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// The line's bytes without its line break.
    pub span: Span,
    /// Leading whitespace width, in bytes (tabs count as 4).
    pub indent: usize,
    /// Only whitespace.
    pub blank: bool,
}

impl Line {
    /// The line without its leading and trailing whitespace.
    pub fn content(&self, text: &str) -> Span {
        self.span.trim(text)
    }
}

pub(crate) fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 40 + 1);
    let mut start = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr3(b'\n', b'\r', 0xE2, &bytes[i..]) {
        let at = i + off;
        let brk = match bytes[at] {
            b'\n' => 1,
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR.
            _ if bytes.get(at + 1) == Some(&0x80)
                && matches!(bytes.get(at + 2), Some(0xA8 | 0xA9)) =>
            {
                3
            }
            _ => {
                i = at + 1;
                continue;
            }
        };
        lines.push(make_line(text, start, at));
        start = at + brk;
        i = start;
    }
    if start < bytes.len() {
        lines.push(make_line(text, start, bytes.len()));
    }
    lines
}

fn make_line(text: &str, start: usize, end: usize) -> Line {
    let s = &text[start..end];
    let mut indent = 0;
    for b in s.bytes() {
        match b {
            b' ' => indent += 1,
            b'\t' => indent += 4,
            _ => break,
        }
    }
    Line {
        span: Span::new(start, end),
        indent,
        blank: s.trim().is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_line_breaks() {
        let t = "a\nb\r\nc\rd\u{2028}e\u{2029}f";
        let got: Vec<&str> = split_lines(t).iter().map(|l| l.span.text(t)).collect();
        assert_eq!(got, ["a", "b", "c", "d", "e", "f"]);
    }

    #[test]
    fn indent_and_blank() {
        let t = "    x\n \t \n";
        let l = split_lines(t);
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].indent, 4);
        assert!(l[1].blank);
    }

    #[test]
    fn other_e2_characters_are_not_breaks() {
        let t = "“quoted” — dash";
        assert_eq!(split_lines(t).len(), 1);
    }
}

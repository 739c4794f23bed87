//! Text helpers shared by every view: making article text safe to print, and
//! reflowing hard-wrapped paragraphs.

use std::borrow::Cow;

/// The visible stand-in for a character that must never reach a terminal,
/// or `None` when the character is safe to print as it is.
///
/// C0 controls become their Control Pictures (`␛` for ESC), DEL becomes `␡`,
/// and C1 controls (which some terminals obey, U+009B is a CSI) become `␦`.
/// Tabs and line breaks are not handled here: callers expand or reflow them.
pub fn placeholder(c: char) -> Option<char> {
    match c {
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('\u{2421}'),
        '\u{80}'..='\u{9F}' => Some('\u{2426}'),
        // Bidirectional overrides and isolates can reorder what follows them.
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some('\u{2426}'),
        _ => None,
    }
}

/// `s` with every control character replaced by its placeholder; tabs and
/// line breaks (LF, CR, U+2028, U+2029) become single spaces.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_care) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => ' ',
                c => placeholder(c).unwrap_or(c),
            })
            .collect(),
    )
}

fn needs_care(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}') || placeholder(c).is_some()
}

/// `reflow` without an allocation when `s` is already one clean line.
pub fn reflow_cow(s: &str) -> Cow<'_, str> {
    let clean = !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !s
            .chars()
            .any(|c| c != ' ' && (c.is_whitespace() || needs_care(c)));
    if clean {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(reflow(s))
    }
}

/// Reads a paragraph as one line: every run of whitespace (line breaks and
/// indentation of hard-wrapped copy included) becomes one space, and control
/// characters become placeholders.
pub fn reflow(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&sanitize(word));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_placeholders() {
        let s = sanitize("a\u{1b}[2J\u{7}b\u{7f}\u{9b}c\u{8}");
        assert_eq!(s, "a␛[2J␇b␡␦c␈");
        assert!(!s.chars().any(|c| c.is_control()));
    }

    #[test]
    fn reflow_joins_wrapped_lines() {
        assert_eq!(reflow("one\n    two\r\nthree\tfour"), "one two three four");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize("plain “text”"), Cow::Borrowed(_)));
    }
}

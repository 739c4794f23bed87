//! Where a review item sits in the text, stored so that it can be found
//! again after the text or the analysis changed: like the W3C Web
//! Annotation `TextQuoteSelector`, the item's exact text with a little
//! context on each side, plus its holder or speaker and its offsets
//! (`TextPositionSelector`, code points) as a hint.
//!
//! Texts are compared by their *key*: the reading with every whitespace
//! character left out, so re-wrapped lines, doubled spaces, CRLF and a
//! paragraph inserted elsewhere do not move an anchor.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::Document;
use crate::span::{CharMap, Span};

/// Characters of context kept on each side of an item.
pub(crate) const CONTEXT: usize = 32;

/// What kind of item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    Actor,
    Quote,
    Position,
    RedLine,
}

impl ItemKind {
    /// The letter of the id: positions and red lines are one class.
    pub(crate) fn class(self) -> char {
        match self {
            ItemKind::Actor => 'a',
            ItemKind::Quote => 'q',
            ItemKind::Position | ItemKind::RedLine => 's',
        }
    }

    /// How it is named to the user.
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Actor => "actor",
            ItemKind::Quote => "quote",
            ItemKind::Position => "position",
            ItemKind::RedLine => "red line",
        }
    }
}

/// A stored selector for one item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    pub kind: ItemKind,
    /// The item's text as read (markup left out, whitespace runs as one
    /// space): an actor's name, a quote's words, a position's sentence.
    pub exact: String,
    /// Up to 32 characters of the reading just before the item.
    #[serde(default)]
    pub prefix: String,
    /// Up to 32 characters of the reading just after it.
    #[serde(default)]
    pub suffix: String,
    /// Who holds the position or said the quote, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    /// Code-point offsets of the item when it was last seen (a hint only).
    #[serde(default)]
    pub start: usize,
    #[serde(default)]
    pub end: usize,
}

impl Anchor {
    /// The anchor of `span` in `doc`: its reading and context. `chars` is
    /// `doc.char_map()`, made once by the caller (it costs a pass over the
    /// text).
    pub(crate) fn new(
        doc: &Document,
        chars: &CharMap,
        kind: ItemKind,
        exact: String,
        span: Span,
        holder: Option<String>,
    ) -> Anchor {
        let (prefix, suffix) = context(doc, span);
        let (start, end) = chars.span(span);
        Anchor {
            kind,
            exact,
            prefix,
            suffix,
            holder,
            start,
            end,
        }
    }

    /// How well this anchor's context matches another's: the characters
    /// their prefixes share at the end plus those their suffixes share at
    /// the start (compared by key).
    pub(crate) fn context_score(&self, other: &Anchor) -> usize {
        let (a, b) = (key(&self.prefix), key(&other.prefix));
        let before = a
            .chars()
            .rev()
            .zip(b.chars().rev())
            .take_while(|(x, y)| x == y)
            .count();
        let (a, b) = (key(&self.suffix), key(&other.suffix));
        let after = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        before + after
    }
}

/// The reading of up to [`CONTEXT`] characters before and after `span`.
fn context(doc: &Document, span: Span) -> (String, String) {
    let text = &doc.text;
    // Enough bytes for 32 characters of any script, whitespace included.
    let window = CONTEXT * 8;
    let mut from = (span.start as usize).saturating_sub(window);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (span.end as usize + window).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let before = doc.reading(Span::new(from, span.start as usize));
    let after = doc.reading(Span::new(span.end as usize, to));
    let skip = before.chars().count().saturating_sub(CONTEXT);
    (
        before.chars().skip(skip).collect(),
        after.chars().take(CONTEXT).collect(),
    )
}

/// What two texts are compared by: no whitespace, control characters as
/// the placeholders the reading shows.
pub(crate) fn key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| crate::text::placeholder(c).unwrap_or(c))
        .collect()
}

/// The first `n` hex digits of the SHA-256 of `parts` (joined by NUL).
pub(crate) fn digest(parts: &[&str], n: usize) -> String {
    let mut h = Sha256::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h.update([0u8]);
        }
        h.update(p.as_bytes());
    }
    hex(&h.finalize())[..n].to_string()
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// The text's key with, for each of its characters, the byte range in the
/// document it came from: to find an orphan's exact text again.
pub(crate) struct KeyedText {
    key: String,
    /// Per character of `key`: its byte offset in `key`, and the byte
    /// range of the character of the document it stands for.
    chars: Vec<(u32, u32, u32)>,
}

impl KeyedText {
    pub(crate) fn new(doc: &Document) -> KeyedText {
        let content = doc.content();
        let mut key = String::new();
        let mut chars = Vec::new();
        for (at, c) in content.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let shown = crate::text::placeholder(c).unwrap_or(c);
            chars.push((key.len() as u32, at as u32, (at + c.len_utf8()) as u32));
            key.push(shown);
        }
        KeyedText { key, chars }
    }

    /// Every place the text of `exact` (by key) occurs, as document spans.
    pub(crate) fn find(&self, exact: &str) -> Vec<Span> {
        let k = key(exact);
        if k.is_empty() {
            return Vec::new();
        }
        let char_at = |byte: usize| self.chars.partition_point(|c| (c.0 as usize) < byte);
        self.key
            .match_indices(k.as_str())
            .filter_map(|(at, m)| {
                let first = self.chars.get(char_at(at))?;
                let last = self.chars.get(char_at(at + m.len()).checked_sub(1)?)?;
                Some(Span::new(first.1 as usize, last.2 as usize))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bytes;

    fn doc(s: &str) -> Document {
        load_bytes("t.txt", s.as_bytes(), None).unwrap().doc
    }

    #[test]
    fn context_reads_the_text_around_a_span_whitespace_folded() {
        let d = doc("The river\n   was high. Then the rain stopped   for good.\n");
        let at = d.text.find("Then").unwrap();
        let span = Span::new(at, at + "Then the rain stopped".len());
        let a = Anchor::new(
            &d,
            &d.char_map(),
            ItemKind::Position,
            "x".into(),
            span,
            None,
        );
        assert_eq!(a.prefix, "The river was high.");
        assert_eq!(a.suffix, "for good.");
        assert_eq!(a.start, d.text[..at].chars().count());
    }

    #[test]
    fn keys_ignore_whitespace_and_show_controls_as_placeholders() {
        assert_eq!(key(" a b\n\tc "), "abc");
        assert_eq!(key("x\u{1b}y"), "x␛y");
    }

    #[test]
    fn keyed_text_finds_an_exact_text_across_line_breaks() {
        let d = doc("One two\nthree four. Two three\n  four again.\n");
        let found = KeyedText::new(&d).find("two three four");
        assert_eq!(found.len(), 1, "case is kept: only the first one matches");
        let found = KeyedText::new(&d).find("Two three four");
        assert_eq!(d.span_text(found[0]), "Two three\n  four");
    }
}

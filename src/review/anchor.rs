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

use crate::model::Document;
use crate::span::Span;

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
    /// The anchor of `span` in `doc`: its reading and context. Its offsets
    /// are still bytes: [`to_code_points`] converts a batch in one pass.
    pub(crate) fn new(
        doc: &Document,
        kind: ItemKind,
        exact: String,
        span: Span,
        holder: Option<String>,
    ) -> Anchor {
        let mut a = Anchor::bare(kind, exact, span, holder);
        a.fill_context(doc, span);
        a
    }

    /// An anchor without its context yet (byte offsets): the context is read
    /// when it is needed (to tell equal texts apart, or to store it).
    pub(crate) fn bare(
        kind: ItemKind,
        exact: String,
        span: Span,
        holder: Option<String>,
    ) -> Anchor {
        Anchor {
            kind,
            exact,
            prefix: String::new(),
            suffix: String::new(),
            holder,
            start: span.start as usize,
            end: span.end as usize,
        }
    }

    pub(crate) fn fill_context(&mut self, doc: &Document, span: Span) {
        (self.prefix, self.suffix) = context(doc, span);
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

/// Turns the byte offsets of `anchors` into code points (a removed
/// byte-order mark counting as one, as in the exports), in one pass over
/// the text.
pub(crate) fn to_code_points<'a>(doc: &Document, anchors: impl Iterator<Item = &'a mut Anchor>) {
    let mut at: Vec<&mut usize> = anchors.flat_map(|a| [&mut a.start, &mut a.end]).collect();
    at.sort_unstable_by_key(|x| **x);
    let bytes = doc.text.as_bytes();
    let base = usize::from(doc.bom);
    let (mut byte, mut chars) = (0usize, 0usize);
    for x in at {
        let to = (*x).min(bytes.len());
        if to > byte {
            chars += bytes[byte..to]
                .iter()
                .filter(|&&b| (b & 0xC0) != 0x80)
                .count();
            byte = to;
        }
        *x = base + chars;
    }
}

/// The reading of up to [`CONTEXT`] characters before and after `span`.
fn context(doc: &Document, span: Span) -> (String, String) {
    let text = &doc.text;
    if !doc.markup.is_empty() {
        // Markdown: the reading leaves the markup out.
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
        return (
            before.chars().skip(skip).collect(),
            after.chars().take(CONTEXT).collect(),
        );
    }
    let mut before: Vec<char> = folded(text[..span.start as usize].chars().rev());
    before.reverse();
    let after = folded(text[span.end as usize..].chars());
    (before.into_iter().collect(), after.into_iter().collect())
}

/// The first [`CONTEXT`] characters of `chars` as read: whitespace runs as
/// one space (none at the ends), control characters as placeholders.
fn folded(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut out = Vec::with_capacity(CONTEXT);
    let mut gap = false;
    for c in chars {
        if c.is_whitespace() {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            if out.len() + 1 >= CONTEXT {
                break;
            }
            out.push(' ');
            gap = false;
        }
        out.push(crate::text::placeholder(c).unwrap_or(c));
        if out.len() >= CONTEXT {
            break;
        }
    }
    out
}

/// How a reader sees `span` (as `Document::reading`), in one pass when the
/// document has no markup: whitespace runs as one space, none at the ends,
/// control characters as placeholders.
pub(crate) fn reading(doc: &Document, span: Span) -> String {
    if !doc.markup.is_empty() {
        return doc.reading(span);
    }
    let text = doc.span_text(span);
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_whitespace() {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push(' ');
            gap = false;
        }
        if matches!(c, '!'..='~') {
            out.push(c);
        } else {
            out.push(crate::text::placeholder(c).unwrap_or(c));
        }
    }
    out
}

/// The FNV-1a digest (as [`digest`]) of `class`, NUL and the key of `s`,
/// without building the key.
pub(crate) fn key_digest(class: &str, s: &str, n: usize) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    class.bytes().for_each(&mut eat);
    eat(0);
    let mut buf = [0u8; 4];
    for c in s.chars() {
        // Printable ASCII, most of any text, is its own byte.
        if matches!(c, '!'..='~') {
            eat(c as u8);
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        let c = crate::text::placeholder(c).unwrap_or(c);
        c.encode_utf8(&mut buf).bytes().for_each(&mut eat);
    }
    let full = format!("{h:016x}");
    full[..n.min(16)].to_string()
}

/// What two texts are compared by: no whitespace, control characters as
/// the placeholders the reading shows.
pub(crate) fn key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| crate::text::placeholder(c).unwrap_or(c))
        .collect()
}

/// The first `n` (at most 16) hex digits of a 64-bit FNV-1a hash of
/// `parts` joined by NUL: ids need to be stable and short, not secret.
pub(crate) fn digest(parts: &[&str], n: usize) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        let sep: &[u8] = if i > 0 { &[0] } else { &[] };
        for &b in sep.iter().chain(p.as_bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    let full = format!("{h:016x}");
    full[..n.min(16)].to_string()
}

/// Bytes as lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
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
        let mut a = Anchor::new(&d, ItemKind::Position, "x".into(), span, None);
        to_code_points(&d, std::iter::once(&mut a));
        assert_eq!(a.prefix, "The river was high.");
        assert_eq!(a.suffix, "for good.");
        assert_eq!(a.start, d.text[..at].chars().count());
        assert_eq!(a.start, d.char_map().char_offset(at));
    }

    #[test]
    fn ids_hash_the_same_on_every_platform_and_release() {
        // FNV-1a of "a": a fixed value, whatever the build.
        assert_eq!(digest(&["a"], 16), "af63dc4c8601ec8c");
        assert_eq!(digest(&["q", "x"], 10), digest(&["q", "x"], 16)[..10]);
        assert_eq!(hex(&[0, 0xab, 0x5f]), "00ab5f");
    }

    #[test]
    fn the_one_pass_reading_is_the_documents() {
        let d = doc("One  two\n   three\tfour \u{1b}x.\n\nFive.\n");
        let span = Span::new(0, d.text.len());
        assert_eq!(reading(&d, span), d.reading(span));
        assert_eq!(key_digest("q", " a b\nc", 10), digest(&["q", "abc"], 10));
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

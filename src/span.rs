//! Byte ranges into an article's one text buffer, and the single place where
//! byte offsets become the Unicode code-point offsets that exports use.

use std::ops::Range;

/// A half-open byte range `[start, end)` into a document's text.
///
/// Offsets are `u32`: the loader refuses inputs over 4 GiB, and half-size
/// spans keep the analysis within its memory budget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    #[inline]
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// The text this span covers. Spans are built on char boundaries; an
    /// out-of-range span yields "" rather than a panic.
    #[inline]
    pub fn text(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }

    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    #[inline]
    pub fn contains_pos(self, pos: usize) -> bool {
        (self.start as usize) <= pos && pos < self.end as usize
    }

    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// This span with leading and trailing whitespace removed.
    pub fn trim(self, text: &str) -> Span {
        let s = self.text(text);
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        let start = self.start as usize + lead;
        Span::new(start, start + trimmed.len())
    }
}

/// Sorts `v` by `key` (an offset) stably: a radix sort, a byte of the
/// offset at a time (linear; the analysis sorts many spans), the library
/// sort for few.
pub fn sort_by_offset<T: Copy>(mut v: Vec<T>, key: impl Fn(&T) -> u32) -> Vec<T> {
    if v.len() < 256 {
        v.sort_by_key(&key);
        return v;
    }
    let max = v.iter().map(&key).max().unwrap_or(0);
    let mut other = v.clone();
    let mut shift = 0;
    while shift < 32 && (max >> shift) > 0 {
        let mut count = [0usize; 257];
        for x in &v {
            count[((key(x) >> shift) & 0xff) as usize + 1] += 1;
        }
        for i in 1..257 {
            count[i] += count[i - 1];
        }
        for x in &v {
            let d = ((key(x) >> shift) & 0xff) as usize;
            other[count[d]] = *x;
            count[d] += 1;
        }
        std::mem::swap(&mut v, &mut other);
        shift += 8;
    }
    v
}

/// Maps byte offsets in a text to Unicode code-point offsets.
///
/// Exports (JSON) and annotation tools count code points; the analysis counts
/// bytes. The map keeps one checkpoint per block of bytes, so a lookup is
/// O(block) and the map costs 1/16 of the text's size. For pure ASCII text it
/// is the identity and allocates nothing.
#[derive(Debug, Clone)]
pub struct CharMap<'a> {
    text: &'a str,
    /// Code points before each block start; empty when the text is ASCII.
    checkpoints: Vec<u32>,
    /// Added to every offset: 1 when the file began with a byte-order mark
    /// that the loader removed, so offsets still count the file's characters.
    base: usize,
}

const BLOCK: usize = 64;

impl<'a> CharMap<'a> {
    pub fn new(text: &'a str, base: usize) -> CharMap<'a> {
        if text.is_ascii() {
            return CharMap {
                text,
                checkpoints: Vec::new(),
                base,
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0u32;
        for block in bytes.chunks(BLOCK) {
            checkpoints.push(chars);
            chars += block.iter().filter(|&&b| !is_continuation(b)).count() as u32;
        }
        CharMap {
            text,
            checkpoints,
            base,
        }
    }

    /// Code-point offset of a byte offset (which must be a char boundary; a
    /// non-boundary counts the partial character as started).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.checkpoints.is_empty() {
            return self.base + byte;
        }
        let block = byte / BLOCK;
        let start = block * BLOCK;
        let before = self.checkpoints.get(block).copied().unwrap_or(0) as usize;
        let within = self.text.as_bytes()[start..byte]
            .iter()
            .filter(|&&b| !is_continuation(b))
            .count();
        self.base + before + within
    }

    pub fn span(&self, span: Span) -> (usize, usize) {
        (
            self.char_offset(span.start as usize),
            self.char_offset(span.end as usize),
        )
    }
}

fn is_continuation(b: u8) -> bool {
    (b & 0xC0) == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_by_offsets_is_stable_and_sorts_by_start_then_end() {
        for n in [10u64, 3000] {
            // A deterministic shuffle over a 300 kB range, with ties.
            let v: Vec<(Span, u64)> = (0..n)
                .map(|i| {
                    let start = ((i * 7919) % 2999 * 97 % 300_000) as usize;
                    (Span::new(start, start + (i % 5) as usize), i % 7)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|m| (m.0.start, m.0.end));
            let by_end = sort_by_offset(v.clone(), |m| m.0.end);
            assert_eq!(sort_by_offset(by_end, |m| m.0.start), want);
            let mut want = v.clone();
            want.sort_by_key(|m| m.0.start);
            assert_eq!(sort_by_offset(v, |m| m.0.start), want);
        }
    }

    #[test]
    fn ascii_is_identity_plus_base() {
        let m = CharMap::new("hello world", 0);
        assert_eq!(m.char_offset(5), 5);
        let m = CharMap::new("hello", 1);
        assert_eq!(m.span(Span::new(1, 3)), (2, 4));
    }

    #[test]
    fn multibyte_offsets_count_code_points() {
        let text = "Türkiye “said” 😀 ok".repeat(20);
        let m = CharMap::new(&text, 0);
        for (i, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(m.char_offset(b), i, "byte {b}");
        }
        assert_eq!(m.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn trim_and_overlap() {
        let t = "  abc  ";
        assert_eq!(Span::new(0, 7).trim(t), Span::new(2, 5));
        assert!(Span::new(0, 3).overlaps(Span::new(2, 4)));
        assert!(!Span::new(0, 2).overlaps(Span::new(2, 4)));
        assert_eq!(Span::new(0, 99).text(t), "");
    }
}

//! Case-insensitive search over what the reader sees.
//!
//! Lower-casing can change byte lengths ("İ" is 2 bytes, its lower case 3),
//! so matches are never taken as offsets into a lower-cased copy of the
//! text. Instead the index keeps, for every byte of its folded text, the
//! source character it came from, and maps matches back through that.

use crate::model::Document;
use crate::span::Span;

use super::words::Block;

#[derive(Clone, Debug, Default)]
pub(crate) struct SearchIndex {
    /// The visible words, folded to lower case, one space between words of
    /// a block and a line break between blocks (no match spans two blocks).
    folded: String,
    /// For each byte of `folded`: where its source character starts (its
    /// end is read off the source text, which halves the index).
    from: Vec<u32>,
}

impl SearchIndex {
    pub(crate) fn new(doc: &Document, blocks: &[Block]) -> SearchIndex {
        let mut folded = String::new();
        let mut from = Vec::new();
        for b in blocks {
            let mut prev_end: Option<u32> = None;
            for t in &b.tokens {
                if let Some(end) = prev_end {
                    // Glued tokens (split by markup) read as one word.
                    if t.gap || t.hard_break {
                        folded.push(' ');
                        from.push(end);
                    }
                }
                let text = doc.span_text(t.span);
                for (i, c) in text.char_indices() {
                    let start = t.span.start + i as u32;
                    for l in c.to_lowercase() {
                        folded.push(l);
                        from.extend(std::iter::repeat_n(start, l.len_utf8()));
                    }
                }
                prev_end = Some(t.span.end);
            }
            if let Some(end) = prev_end {
                folded.push('\n');
                from.push(end);
            }
        }
        SearchIndex { folded, from }
    }

    /// Every match of `query` (case-insensitive; any run of whitespace in
    /// it matches one space), as source spans in text order.
    pub(crate) fn find(&self, doc: &Document, query: &str) -> Vec<Span> {
        let mut q = String::with_capacity(query.len());
        let mut space = false;
        for c in query.chars() {
            if c.is_whitespace() {
                space = true;
                continue;
            }
            if space && !q.is_empty() {
                q.push(' ');
            }
            space = false;
            q.extend(c.to_lowercase());
        }
        if space && !q.is_empty() {
            q.push(' ');
        }
        if q.is_empty() {
            return Vec::new();
        }
        self.folded
            .match_indices(&q)
            .filter_map(|(i, m)| {
                let start = *self.from.get(i)?;
                let last = *self.from.get(i + m.len() - 1)? as usize;
                let len = doc.text.get(last..)?.chars().next()?.len_utf8();
                Some(Span {
                    start,
                    end: (last + len) as u32,
                })
            })
            .filter(|s| !s.is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

    fn index(src: &str) -> (Document, SearchIndex) {
        let doc = load::load_bytes("t.txt", src.as_bytes(), None).unwrap().doc;
        let article = super::super::article::Article::new(doc, Default::default());
        let idx = article.search.clone();
        (article.doc, idx)
    }

    #[test]
    fn matches_across_hard_wraps_and_case() {
        let (doc, idx) = index("    The Nile\n  flows north.\n\n    The NILE again.\n");
        let found: Vec<&str> = idx
            .find(&doc, "nile  flows")
            .iter()
            .map(|s| doc.span_text(*s))
            .collect();
        assert_eq!(found, ["Nile\n  flows"]);
        let nile: Vec<&str> = idx
            .find(&doc, "NILE")
            .iter()
            .map(|s| doc.span_text(*s))
            .collect();
        assert_eq!(nile, ["Nile", "NILE"]);
        assert!(
            idx.find(&doc, "north. the").is_empty(),
            "no match across blocks"
        );
    }

    #[test]
    fn offsets_survive_case_folding_that_changes_length() {
        let (doc, idx) = index("İstanbul and ISTANBUL and Straße.\n");
        let found: Vec<&str> = idx
            .find(&doc, "stanbul")
            .iter()
            .map(|s| doc.span_text(*s))
            .collect();
        assert_eq!(found, ["stanbul", "STANBUL"]);
        let i: Vec<&str> = idx
            .find(&doc, "i̇s")
            .iter()
            .map(|s| doc.span_text(*s))
            .collect();
        assert_eq!(i, ["İs"]);
        assert_eq!(doc.span_text(idx.find(&doc, "straße")[0]), "Straße");
    }

    #[test]
    fn empty_query_finds_nothing() {
        let (doc, idx) = index("Some text here.\n");
        assert!(idx.find(&doc, "").is_empty());
        assert!(idx.find(&doc, "   ").is_empty());
    }
}

//! Sentence boundaries in news prose. A sentence ends at `.`, `!` or `?`
//! (with any closing quotation marks or brackets) when the next token
//! starts with a capital, a digit or an opening quotation mark. The period
//! of an abbreviation or initial belongs to its word (see `tokens`), so
//! `Mr.`, `U.S.` and `Jan.` never end a sentence; `," he said.` stays in
//! the sentence of its quote; a paragraph always ends one.

use std::ops::Range;

use super::tokens::{Kind, Token};

/// Splits a paragraph's tokens into sentences (ranges of token indices).
/// `is_opening(i)` says whether quote token `i` opens a quotation.
pub(crate) fn split(
    text: &str,
    tokens: &[Token],
    is_opening: impl Fn(usize) -> bool,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let terminal =
            t.kind == Kind::Punct && matches!(t.text(text), "." | "!" | "?" | "..." | "…");
        if !terminal {
            i += 1;
            continue;
        }
        // Closing marks and brackets stay with the sentence they close.
        let mut j = i + 1;
        while j < tokens.len() {
            let tj = tokens[j];
            let closing = match tj.kind {
                Kind::Quote => !is_opening(j),
                Kind::Punct => matches!(tj.text(text), ")" | "]" | "!" | "?" | "."),
                _ => false,
            };
            if !closing {
                break;
            }
            j += 1;
        }
        let Some(next) = tokens.get(j) else { break };
        let starts_new = match next.kind {
            Kind::Quote => is_opening(j),
            Kind::Number => true,
            Kind::Word => next
                .text(text)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase()),
            Kind::Punct => matches!(next.text(text), "(" | "[" | "—" | "-" | "–" | "•"),
            Kind::Possessive => false,
        };
        if starts_new {
            out.push(start..j);
            start = j;
        }
        i = j;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::tokens::tokenize;
    use crate::lexicon::WordSet;
    use crate::span::Span;

    fn sentences(s: &str) -> Vec<String> {
        let abbr: WordSet = ["mr", "gov", "sen", "jan", "no"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut toks = Vec::new();
        tokenize(s, Span::new(0, s.len()), &abbr, &mut toks);
        // Naive opening test for the unit tests: a quote token followed by a word.
        let opening = |i: usize| {
            let t = toks[i];
            let before = s[..t.span.start as usize].chars().next_back();
            before.is_none_or(char::is_whitespace)
        };
        split(s, &toks, opening)
            .into_iter()
            .map(|r| {
                s[toks[r.start].span.start as usize..toks[r.end - 1].span.end as usize].to_string()
            })
            .collect()
    }

    #[test]
    fn abbreviations_initials_and_decimals() {
        assert_eq!(
            sentences(
                "Mr. Smith met Gov. Leonard E. Burman on Jan. 8 in the U.S. Army base. Growth was 2.5 pct. No. 2 came next."
            ),
            [
                "Mr. Smith met Gov. Leonard E. Burman on Jan. 8 in the U.S. Army base.",
                "Growth was 2.5 pct.",
                "No. 2 came next."
            ]
        );
    }

    #[test]
    fn quotes_that_end_a_sentence() {
        assert_eq!(
            sentences("\"We will not yield,\" he said. \"Never.\" Then he left."),
            [
                "\"We will not yield,\" he said.",
                "\"Never.\"",
                "Then he left."
            ]
        );
        assert_eq!(
            sentences("\"Stop!\" he shouted. She did."),
            ["\"Stop!\" he shouted.", "She did."]
        );
    }

    #[test]
    fn lowercase_after_a_stop_continues() {
        assert_eq!(
            sentences("It rose to 3 p.m. levels. ok then."),
            ["It rose to 3 p.m. levels. ok then."]
        );
    }
}

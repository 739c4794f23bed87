//! What the main pass hands the stance pass: for each sentence, whether
//! it may hold a position at all (the gate), and the main tokenizer's
//! tokens and lower-case forms of those that may, or that the stance
//! model may ask a holder for ([`Kept`]). The stance pass tokenizes
//! nothing itself; without the main pass (the public
//! `analyze::positions`) it runs the main tokenizer on each sentence.

use std::ops::Range;

use super::super::tokens::{self, Kind, Lowered, Token};
use crate::lexicon::{Lexicon, StanceLexicon, class};
use crate::span::Span;

/// Whether the sentence of tokens `r` may hold a position: it holds a
/// cue phrase, a negation and a negotiation word (`negotiable_at`), or the
/// words of a construction (a modal and a negation or condition).
/// The main pass asks this with its own tokens, so [`super::find`] reads
/// only the sentences that may; the words are taken as the stance pass
/// takes them (no quotation marks, a trailing abbreviation period
/// dropped), and capitalised words count too, so the answer errs towards
/// reading.
pub(crate) fn may_hold(
    text: &str,
    toks: &[Token],
    lower: &Lowered,
    r: Range<usize>,
    lex: &Lexicon,
) -> bool {
    let bits = r.clone().fold(0, |b, t| b | lower.class(t));
    if bits & class::NEGATION != 0 && bits & class::NEGOTIABLE != 0 {
        return true;
    }
    // A construction: a modal, volition frame or threat with a negation or
    // one of the words it combines with (`stances::constructions`).
    if bits & class::FRAME != 0 && bits & (class::NEGATION | class::CONSTRUCT) != 0 {
        return true;
    }
    if bits & class::CUE_START == 0 {
        return false;
    }
    // A one-word cue needs no phrase match (a capitalised one may be a
    // name, but the stance pass will tell).
    if r.clone()
        .any(|t| lower.class(t) & class::CUE_WORD != 0 && !lower.get(text, t).ends_with('.'))
    {
        return true;
    }
    // The words and whether each starts a cue. The stance pass reads a
    // plural possessive's lone apostrophe as a quotation mark, and skips
    // quotation marks.
    let mut words: Vec<(&str, bool)> = Vec::with_capacity(r.len());
    for t in r {
        let w = lower.get(text, t);
        match toks[t].kind {
            Kind::Quote => continue,
            Kind::Possessive if matches!(w, "'" | "’") => continue,
            _ => {}
        }
        // "No." of the main tokens is "no" there; "u.s." stays.
        let w = match w.strip_suffix('.') {
            Some(stem) if stem.len() > 1 && !stem.contains('.') => stem,
            _ => w,
        };
        words.push((w, lower.class(t) & class::CUE_START != 0));
    }
    (0..words.len()).any(|k| {
        words[k].1
            && lex
                .stances
                .cues
                .longest_by(words.len(), k, |j| words[j].0)
                .is_some()
    })
}

/// A word's lower-case form: `(start, end, false)` is a range of the
/// text, `(start, end, true)` a range of [`Kept`]'s buffer.
pub(super) type Form = (u32, u32, bool);

/// A kept token; `lowered`: its lower-case form differs from its text and
/// is the next copy in [`Kept`]'s buffer; `classes`: its form's
/// stance-lexicon classes (words and possessive endings only).
#[derive(Clone, Copy)]
struct Tok {
    span: Span,
    kind: Kind,
    lowered: bool,
    classes: u64,
}

/// The tokens of the sentences that may hold a position (the gated ones)
/// or that the stance model may ask a holder for, as the main pass made
/// them, kept (with the lower-case forms that differ from the text) until
/// the stance pass reads them; the other sentences' tokens are not kept.
///
/// The stance rules read the tokens with two differences, made here: a
/// period kept by an abbreviation ("Mr.", "No.", not "U.S." or an initial)
/// is a mark of its own, as the cue lists are written without it ("No."
/// is the negation "no"); and a plural possessive's lone apostrophe
/// ("ministers'") is a quotation mark.
#[derive(Default)]
pub(crate) struct Kept {
    toks: Vec<Tok>,
    /// Where each copied form ends in `buf` (it starts where the one
    /// before ends).
    copies: Vec<u32>,
    buf: String,
    /// Each sentence's range of `toks` and its first copy; an empty range
    /// when it was not kept.
    sentences: Vec<(u32, u32, u32)>,
    /// Whether each kept sentence passed the gate ([`may_hold`]).
    gated: Vec<bool>,
}

/// One kept sentence.
#[derive(Clone, Copy)]
pub(super) struct SentenceTokens<'k> {
    toks: &'k [Tok],
    /// The ends of its copied forms, and where the first starts.
    copies: &'k [u32],
    first: u32,
    /// What the copied forms point into.
    pub buf: &'k str,
}

impl<'k> SentenceTokens<'k> {
    /// The tokens with their lower-case forms and stance-lexicon classes,
    /// in order.
    pub fn iter(self) -> impl Iterator<Item = (Token, Form, u64)> + 'k {
        let (mut from, mut c) = (self.first, 0);
        self.toks.iter().map(move |t| {
            let form = if t.lowered {
                let (start, end) = (from, self.copies[c]);
                c += 1;
                from = end;
                (start, end, true)
            } else {
                (t.span.start, t.span.end, false)
            };
            let tok = Token {
                span: t.span,
                kind: t.kind,
            };
            (tok, form, t.classes)
        })
    }
}

impl Kept {
    /// Room for the tokens of a text of `bytes` bytes (about one token per
    /// five bytes of news prose, most sentences kept): growing a large
    /// buffer copies it.
    pub(crate) fn for_text(bytes: usize) -> Kept {
        Kept {
            toks: Vec::with_capacity(bytes / 5 + 16),
            copies: Vec::with_capacity(bytes / 40 + 16),
            buf: String::with_capacity(bytes / 8 + 16),
            sentences: Vec::with_capacity(bytes / 128 + 2),
            gated: Vec::with_capacity(bytes / 128 + 2),
        }
    }

    /// Keeps sentence `si`, the tokens `r` of `toks` (whose forms and
    /// classes are in `lower`); `gated`: it may hold a position.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn push(
        &mut self,
        text: &str,
        toks: &[Token],
        lower: &Lowered,
        r: Range<usize>,
        si: usize,
        gated: bool,
        stances: &StanceLexicon,
    ) {
        let start = self.toks.len() as u32;
        let first_copy = self.copies.len() as u32;
        let end = r.end.checked_sub(1).map_or(0, |l| toks[l].span.end);
        let mut t = r.start;
        while t < r.end {
            let tok = toks[t];
            // A form the main pass did not copy is the token's text (most
            // words): it is read only when it may differ.
            let (i, copied) = (t, lower.copied(t));
            let low = move || lower.get(text, i);
            let copy = |at: Span, low: &str| copied && low != at.text(text);
            // Lower-casing keeps a final period, and adds none.
            let final_period = text.as_bytes()[tok.span.end as usize - 1] == b'.';
            t += 1;
            match tok.kind {
                Kind::Possessive if matches!(low(), "'" | "’") => {
                    let low = low();
                    let lowered = copy(tok.span, low);
                    self.add(tok.span, Kind::Quote, lowered.then_some(low), 0);
                }
                Kind::Word if final_period && own_period(tok.text(text)) => {
                    let low = low();
                    let body = Span::new(tok.span.start as usize, tok.span.end as usize - 1);
                    let low_body = &low[..low.len() - 1];
                    let lowered = copy(body, low_body);
                    let classes = stances.classes(low_body);
                    self.add(body, Kind::Word, lowered.then_some(low_body), classes);
                    // The period and the periods after it, grouped as
                    // the stance rules read them ("..." first).
                    let from = body.end as usize;
                    let dots = text.as_bytes()[from..end as usize]
                        .iter()
                        .take_while(|&&b| b == b'.')
                        .count();
                    let mut p = from;
                    while p < from + dots {
                        let len = if from + dots - p >= 3 { 3 } else { 1 };
                        self.add(Span::new(p, p + len), Kind::Punct, None, 0);
                        p += len;
                    }
                    while t < r.end && (toks[t].span.start as usize) < from + dots {
                        t += 1;
                    }
                }
                kind => {
                    let lowered = copied.then(low).filter(|&low| copy(tok.span, low));
                    // The main pass looked words up; a possessive ending
                    // is looked up here.
                    let classes = match kind {
                        Kind::Word => lower.stance_class(t - 1),
                        Kind::Possessive => stances.classes(low()),
                        _ => 0,
                    };
                    self.add(tok.span, kind, lowered, classes);
                }
            }
        }
        if self.sentences.len() <= si {
            self.sentences.resize(si + 1, (0, 0, 0));
            self.gated.resize(si + 1, false);
        }
        self.sentences[si] = (start, self.toks.len() as u32, first_copy);
        self.gated[si] = gated;
    }

    /// Adds a token; `lowered`: its lower-case form when that differs
    /// from its text.
    fn add(&mut self, span: Span, kind: Kind, lowered: Option<&str>, classes: u64) {
        if let Some(low) = lowered {
            self.buf.push_str(low);
            self.copies.push(self.buf.len() as u32);
        }
        self.toks.push(Tok {
            span,
            kind,
            lowered: lowered.is_some(),
            classes,
        });
    }

    /// Sentence `si`, if it passed the gate.
    pub(super) fn sentence(&self, si: usize) -> Option<SentenceTokens<'_>> {
        if !self.gated.get(si).copied().unwrap_or(false) {
            return None;
        }
        self.tokens(si)
    }

    /// Sentence `si`, if it was kept (gated or not).
    pub(super) fn tokens(&self, si: usize) -> Option<SentenceTokens<'_>> {
        let &(s, e, c) = self.sentences.get(si)?;
        (s < e).then(|| SentenceTokens {
            toks: &self.toks[s as usize..e as usize],
            copies: &self.copies[c as usize..],
            first: c.checked_sub(1).map_or(0, |p| self.copies[p as usize]),
            buf: &self.buf,
        })
    }

    fn clear(&mut self) {
        self.toks.clear();
        self.copies.clear();
        self.buf.clear();
        self.sentences.clear();
        self.gated.clear();
    }
}

/// Whether the period a main token kept is a mark of its own for the
/// stance rules: an abbreviation's ("Mr.", "No."), not that of an initial
/// ("J.") or of a dotted name ("U.S.").
fn own_period(word: &str) -> bool {
    let body = &word[..word.len() - 1];
    let initial = body.len() == 1 && body.as_bytes()[0].is_ascii_uppercase();
    !initial && !body.contains('.')
}

/// The main pass's tokens of one sentence at a time, for a stance pass
/// that runs without the main pass.
#[derive(Default)]
pub(super) struct Tokenizer {
    toks: Vec<Token>,
    lower: Lowered,
    kept: Kept,
}

impl Tokenizer {
    /// The tokens of sentence `span`, as the main pass makes them.
    pub fn sentence(
        &mut self,
        text: &str,
        span: Span,
        lex: &Lexicon,
    ) -> Option<SentenceTokens<'_>> {
        self.toks.clear();
        tokens::tokenize(text, span, &lex.abbreviations, &mut self.toks);
        self.lower.fill(text, &self.toks, &lex.classes);
        self.kept.clear();
        self.kept.push(
            text,
            &self.toks,
            &self.lower,
            0..self.toks.len(),
            0,
            true,
            &lex.stances,
        );
        self.kept.sentence(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `s` as the stance pass reads them, with their kinds and
    /// lower-case forms.
    fn words(s: &str) -> Vec<(&str, Kind, String)> {
        let lex = Lexicon::builtin();
        let mut t = Tokenizer::default();
        let Some(st) = t.sentence(s, Span::new(0, s.len()), &lex) else {
            return Vec::new();
        };
        st.iter()
            .map(|(tok, (a, b, copied), _)| {
                let from = if copied { st.buf } else { s };
                let low = from[a as usize..b as usize].to_string();
                (tok.span.text(s), tok.kind, low)
            })
            .collect()
    }

    fn shapes(s: &str) -> Vec<(&str, Kind)> {
        words(s).into_iter().map(|(w, k, _)| (w, k)).collect()
    }

    #[test]
    fn words_possessives_quotes_and_marks() {
        assert_eq!(
            shapes("Iran's “won't” U.S. al-Sabah, 1,000 -- O’Brien’s J. Doe..."),
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
    fn an_abbreviations_period_is_a_mark_and_a_lone_apostrophe_a_quote() {
        assert_eq!(
            shapes("Mr. Doe said No. the ministers' Etc.... end"),
            [
                ("Mr", Kind::Word),
                (".", Kind::Punct),
                ("Doe", Kind::Word),
                ("said", Kind::Word),
                ("No", Kind::Word),
                (".", Kind::Punct),
                ("the", Kind::Word),
                ("ministers", Kind::Word),
                ("'", Kind::Quote),
                ("Etc", Kind::Word),
                ("...", Kind::Punct),
                (".", Kind::Punct),
                ("end", Kind::Word),
            ]
        );
        let lows: Vec<String> = words("No. Won’t MR.").into_iter().map(|w| w.2).collect();
        assert_eq!(lows, ["no", ".", "won't", "mr", "."]);
    }

    #[test]
    fn a_words_classes_are_those_of_its_form_in_the_stance_lexicon() {
        let lex = Lexicon::builtin();
        let s =
            "Mr. Doe will not REFUSE the ministers' Jan. demands, No. 2 said; Iran’s U.S. talks.";
        let mut t = Tokenizer::default();
        let st = t.sentence(s, Span::new(0, s.len()), &lex).unwrap();
        let mut looked = 0;
        for (tok, (a, b, copied), classes) in st.iter() {
            let low = &(if copied { st.buf } else { s })[a as usize..b as usize];
            match tok.kind {
                Kind::Word | Kind::Possessive => {
                    assert_eq!(classes, lex.stances.classes(low), "{low}");
                    looked += usize::from(classes != 0);
                }
                _ => assert_eq!(classes, 0, "{low}"),
            }
        }
        assert!(looked >= 3);
    }

    #[test]
    fn any_input_reads_without_panicking() {
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
            "Mr.",
            "É.",
            "No..",
        ] {
            let _ = words(s);
        }
    }
}

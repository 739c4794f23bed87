//! One sentence as the stance rules read it: its words (quotation marks
//! left out) with their lower-case forms, their stance-lexicon classes,
//! the mention and the speech quote each word is in.

use super::document::Doc;
use super::input::{Form, SentenceTokens};
use crate::analyze::tokens::Kind;
use crate::lexicon::{Cue, Lexicon, StanceLexicon, Tab};
use crate::model::{ActorId, ActorKind};
use crate::span::Span;

/// Buffers reused from sentence to sentence.
#[derive(Default)]
pub(super) struct Scratch {
    /// Each word's lower-case form (see [`Form`]).
    lows: Vec<Form>,
    words: Vec<Word>,
    cls: Vec<u64>,
}

/// Where the scan of the sorted mentions and quotes has got to.
#[derive(Default)]
pub(super) struct Cursor {
    mark: usize,
    quote: usize,
}

/// One word of a sentence (quotation marks left out).
#[derive(Clone, Copy, Debug)]
pub(super) struct Word {
    pub span: Span,
    pub punct: bool,
    /// The actor of the mention this word is in, and the mention's index.
    pub actor: Option<(ActorId, usize)>,
    /// The speech quote the word is in (index in `Doc::quotes`).
    pub quote: Option<usize>,
    /// Starts with an upper-case letter.
    pub capital: bool,
    /// Follows a quotation mark, an opening bracket, a colon or a dash (or
    /// starts the sentence): a capital here is no name.
    pub opens: bool,
}

pub(super) struct Sent<'a> {
    pub doc: &'a Doc<'a>,
    pub sl: &'a StanceLexicon,
    pub lex: &'a Lexicon,
    pub words: &'a [Word],
    text: &'a str,
    /// What the copied forms of `lows` point into.
    lower: &'a str,
    lows: &'a [Form],
    /// The stance-lexicon classes of each word (bits of [`Tab`]).
    cls: &'a [u64],
    pub headline: bool,
    pub question: bool,
    /// Mentions before this sentence: `doc.marks[..first_mark]`, read back
    /// to `prev_start` (the previous sentence's start).
    pub first_mark: usize,
    pub prev_start: u32,
    /// The speaker of the first attributed quote in the sentence.
    pub quote_speaker: Option<ActorId>,
}

const PREV_OPENERS: [char; 12] = ['"', '“', '”', '\'', '‘', '’', '«', '(', '[', ':', '-', '—'];

impl<'a> Sent<'a> {
    /// The sentence `span` of tokens `toks` (the previous sentence starts
    /// at `prev_start`).
    #[allow(clippy::too_many_arguments)]
    pub fn build(
        text: &'a str,
        span: Span,
        toks: SentenceTokens<'a>,
        prev_start: u32,
        doc: &'a Doc<'a>,
        lex: &'a Lexicon,
        scratch: &'a mut Scratch,
        cur: &mut Cursor,
    ) -> Sent<'a> {
        while cur.mark < doc.marks.len() && doc.marks[cur.mark].0.end <= span.start {
            cur.mark += 1;
        }
        let first_mark = cur.mark;
        let mut words = std::mem::take(&mut scratch.words);
        let mut cls = std::mem::take(&mut scratch.cls);
        words.clear();
        cls.clear();
        scratch.lows.clear();
        let mut after_open = true;
        let headline = all_capitals(span.text(text));
        for (t, form, classes) in toks.iter() {
            if t.kind == Kind::Quote {
                after_open = true;
                continue;
            }
            // Read as bytes where a byte tells (tokens are not empty).
            let bytes = &text.as_bytes()[t.span.start as usize..t.span.end as usize];
            scratch.lows.push(form);
            let capital = match bytes[0] {
                b if b.is_ascii() => b.is_ascii_uppercase(),
                _ => t.text(text).chars().next().is_some_and(char::is_uppercase),
            };
            // Numbers, marks and names inside a sentence are in no list.
            let word = t.kind == Kind::Word || t.kind == Kind::Possessive;
            // (The main pass looked the word's classes up.)
            cls.push(if word && (!capital || after_open || headline) {
                classes
            } else {
                0
            });
            let punct = t.kind == Kind::Punct;
            words.push(Word {
                span: t.span,
                punct,
                actor: None,
                quote: None,
                capital,
                opens: after_open,
            });
            // A capital after an abbreviation is typography ("U.K. Demands").
            after_open = (punct && t.text(text).chars().all(|c| PREV_OPENERS.contains(&c)))
                || (bytes.len() > 1 && bytes[bytes.len() - 1] == b'.');
        }
        // Mentions and quotes matter only where a cue may be: a sentence
        // holds one only if it holds a cue's longest word, a negation or a
        // construction.
        if has_cues(&cls) {
            for w in &mut words {
                let pos = w.span.start;
                // Mentions and quotes are sorted: advance past those that
                // end before this word, then look among those that start by
                // it.
                while cur.mark < doc.marks.len() && doc.marks[cur.mark].0.end <= pos {
                    cur.mark += 1;
                }
                let mut k = cur.mark;
                while k < doc.marks.len() && doc.marks[k].0.start <= pos && k < cur.mark + 8 {
                    if doc.marks[k].0.contains_pos(pos as usize) {
                        w.actor = Some((doc.marks[k].1, k));
                        break;
                    }
                    k += 1;
                }
                while cur.quote < doc.quotes.len() && doc.quotes[cur.quote].0.end <= pos {
                    cur.quote += 1;
                }
                w.quote = doc
                    .quotes
                    .get(cur.quote)
                    .filter(|q| q.0.start <= pos)
                    .map(|_| cur.quote);
            }
        }
        let question = span
            .text(text)
            .trim_end_matches(['"', '”', '\'', '’', ')'])
            .ends_with('?');
        scratch.words = words;
        scratch.cls = cls;
        let scratch: &'a Scratch = scratch;
        let mut s = Sent {
            doc,
            sl: &lex.stances,
            lex,
            words: &scratch.words,
            text,
            lower: toks.buf,
            lows: &scratch.lows,
            cls: &scratch.cls,
            headline,
            question,
            first_mark,
            prev_start,
            quote_speaker: None,
        };
        // Who speaks matters only where a stance may be.
        if s.has_cues() {
            s.quote_speaker = s
                .words
                .iter()
                .find_map(|w| w.quote.and_then(|q| doc.quotes[q].1));
        }
        s
    }

    /// The lower-case form of word `i` ("" past the end).
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        self.lows.get(i).map_or("", |&(s, e, copied)| {
            let from = if copied { self.lower } else { self.text };
            &from[s as usize..e as usize]
        })
    }

    #[inline]
    pub fn is(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.low(i))
    }

    /// Whether word `k` is a one-word entry of list `t`.
    #[inline]
    pub fn has(&self, k: usize, t: Tab) -> bool {
        self.cls.get(k).is_some_and(|c| c & t.word() != 0)
    }

    /// Whether an entry of list `t` starts at word `k`.
    #[inline]
    pub fn starts(&self, k: usize, t: Tab) -> bool {
        self.longest(k, t).is_some()
    }

    /// The length of the longest entry of list `t` that starts at word `k`.
    #[inline]
    pub fn longest(&self, k: usize, t: Tab) -> Option<usize> {
        if self.cls.get(k).is_none_or(|c| c & t.start() == 0) {
            return None;
        }
        let (len, _) = self
            .sl
            .table(t)?
            .longest_by(self.lows.len(), k, |j| self.low(j))?;
        Some(len)
    }

    /// Whether word `k` has the start bit of list `t` (for the lists that
    /// have no table: `Frame`, `Construct`).
    #[inline]
    pub fn has_start(&self, k: usize, t: Tab) -> bool {
        self.cls.get(k).is_some_and(|c| c & t.start() != 0)
    }

    /// The length of the longest phrase of `t` that starts at word `k`.
    #[inline]
    pub fn phrase_at(&self, k: usize, t: &crate::lexicon::PhraseTable<()>) -> Option<usize> {
        t.longest_by(self.lows.len(), k, |j| self.low(j))
            .map(|(len, _)| len)
    }

    /// The longest cue that starts at word `k`.
    #[inline]
    pub fn cue_at(&self, k: usize) -> Option<(usize, Cue)> {
        if self.cls.get(k).is_none_or(|c| c & Tab::Cues.start() == 0) {
            return None;
        }
        self.sl
            .cues
            .longest_by(self.lows.len(), k, |j| self.low(j))
            .map(|(l, c)| (l, *c))
    }

    #[inline]
    pub fn kind_of(&self, a: ActorId) -> ActorKind {
        self.doc.kind_of(a)
    }

    /// The first word index of the mention word `i` is in.
    pub fn mention_start(&self, i: usize) -> usize {
        let Some((_, m)) = self.words[i].actor else {
            return i;
        };
        let mut k = i;
        while k > 0 && self.words[k - 1].actor.is_some_and(|(_, x)| x == m) {
            k -= 1;
        }
        k
    }

    /// The word index after the mention word `i` is in.
    pub fn mention_end(&self, i: usize) -> usize {
        let Some((_, m)) = self.words[i].actor else {
            return i + 1;
        };
        let mut k = i + 1;
        while k < self.words.len() && self.words[k].actor.is_some_and(|(_, x)| x == m) {
            k += 1;
        }
        k
    }

    /// The span of words `[from, end)` (at least one word).
    pub fn trigger(&self, from: usize, end: usize) -> Span {
        let s = self.words[from].span;
        let e = self.words[end.max(from + 1) - 1].span;
        Span {
            start: s.start,
            end: e.end,
        }
    }

    /// Whether a cue may start at word `i`: no word of a name ("National
    /// Press Club", "U.S. Attack"), no capital inside a sentence.
    pub fn cue_ok(&self, i: usize) -> bool {
        let w = &self.words[i];
        if self.headline {
            return true;
        }
        !w.capital && w.actor.is_none() || w.opens || i == 0
    }

    /// Whether a cue can be in the sentence: it holds the longest word of
    /// some cue phrase, a negation (for "never be negotiated"), or a
    /// construction's frame with a word it combines with.
    pub fn has_cues(&self) -> bool {
        has_cues(self.cls)
    }
}

/// Whether words of classes `cls` may hold a cue (see [`Sent::has_cues`]).
fn has_cues(cls: &[u64]) -> bool {
    let all = cls.iter().fold(0, |b, c| b | c);
    all & (Tab::Anchor.word() | Tab::Negations.word()) != 0
        || (all & Tab::Frame.start() != 0 && all & Tab::Construct.start() != 0)
}

/// Whether a sentence is written in capitals (a wire headline): at least
/// six ASCII letters, nine in ten of them capitals. Most sentences are told
/// apart by their first few letters.
fn all_capitals(s: &str) -> bool {
    let (mut up, mut low) = (0usize, 0usize);
    for &b in s.as_bytes() {
        if b.is_ascii_lowercase() {
            low += 1;
            if low * 10 > (up + low) && low >= 2 {
                return false;
            }
        } else if b.is_ascii_uppercase() {
            up += 1;
        }
    }
    up + low >= 6 && up * 10 >= (up + low) * 9
}

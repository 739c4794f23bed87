//! Mention candidates, passage by passage: names (with the title or role
//! given before them), places that stand for countries, organisations
//! and outlets, role descriptions ("the minister", "Iran's top
//! diplomat"), anonymous sources ("a Turkish diplomat"), conduits ("his
//! office") and third-person pronouns; and, when the attribution asks,
//! the noun phrases and pronouns the finder leaves out ("Police", "it").
//! This module makes every candidate. Which actor each one is, is decided
//! later (`actors`), over the whole document.
//!
//! - `names.rs`: name chains and what kind of name each is;
//! - `roles.rs`: role descriptions, anonymous sources, conduits;
//! - `noun_phrases.rs`: the candidates the attribution asks for.

mod names;
mod noun_phrases;
mod roles;

pub(crate) use noun_phrases::{common, noun_phrase_after, noun_phrase_before, relative};

use std::ops::Range;

use super::tokens::{Kind, Token};
use crate::lexicon::{Gender, Lexicon, Pronoun, class};
use crate::span::Span;

/// An index into the lexicon's organisations, stored plus one so that
/// `Option<OrgRef>` takes four bytes (candidates are many).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct OrgRef(std::num::NonZeroU32);

impl OrgRef {
    pub fn new(index: usize) -> OrgRef {
        OrgRef(std::num::NonZeroU32::MIN.saturating_add(index as u32))
    }

    pub fn index(self) -> usize {
        self.0.get() as usize - 1
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum CandKind {
    Person,
    /// A proper name of unknown kind (one capitalised word, not in a lexicon).
    Proper,
    /// An organisation; the lexicon entry when it is a known one.
    Org(Option<OrgRef>),
    Outlet(Option<OrgRef>),
    Country(u32),
    /// Refers back (or forward) to the person introduced with this role.
    Role,
    /// One unnamed source ("a Turkish diplomat"), or unnamed officials.
    Anonymous,
    Pronoun(Pronoun),
    /// Speaks for the principal named by its possessive ("his office").
    Conduit,
    /// Another noun phrase that speaks ("Police", "the poll", "it").
    Common,
    /// "who"/"which" speaking for the candidate it follows.
    Relative(u32),
}

#[derive(Clone, Debug)]
pub(crate) struct Cand {
    /// The whole mention ("Iranian Foreign Minister Abbas Araghchi").
    pub span: Span,
    /// The name or head ("Abbas Araghchi", "diplomat", "he").
    pub name: Span,
    pub kind: CandKind,
    /// The title or role given with the name ("Iranian Foreign Minister").
    pub role: Option<Span>,
    /// The country the mention is affiliated with ("Iranian", "Iran's").
    pub country: Option<u32>,
    pub gender: Gender,
    pub plural: bool,
    /// Right after a preposition: not a grammatical subject.
    pub after_prep: bool,
    /// Right after a verb of saying ("told Bekele"): an object.
    pub object: bool,
    /// After a place preposition ("in", "to the"): a place, not an actor,
    /// unless it is known to be one.
    pub located: bool,
    /// Attributed a quote (set once attribution has run).
    pub speaker: bool,
    /// Opens its clause (sentence start, after a comma, a conjunction or
    /// a subordinator), or is a nominative pronoun: likely a subject.
    pub subject: bool,
    pub in_quote: bool,
    /// In the headline: joins actors the body introduces, founds none.
    pub headline: bool,
    pub sentence_initial: bool,
    pub sentence: u32,
    pub paragraph: u32,
    /// Index of the first token (within the paragraph) and one past the last.
    /// Token indices (within the paragraph) of the mention.
    pub tokens: Range<u32>,
}

impl Cand {
    /// The index of the mention's first token.
    #[inline]
    pub fn first(&self) -> usize {
        self.tokens.start as usize
    }

    /// One past the index of its last token.
    #[inline]
    pub fn after(&self) -> usize {
        self.tokens.end as usize
    }

    #[inline]
    pub fn toks(&self) -> Range<usize> {
        self.first()..self.after()
    }
}

/// A passage as the mention finder (and the attribution) reads it: its
/// tokens and sentences, and where it stands in the document.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Lower-case forms of the tokens.
    pub lower: &'a super::tokens::Lowered,
    pub in_quote: &'a [bool],
    pub lex: &'a Lexicon,
    /// The passage's sentences, as token ranges.
    pub sentences: &'a [Range<usize>],
    /// The document index of the passage's first sentence.
    pub sentence_base: usize,
    /// The passage's index (the `paragraph` of its candidates).
    pub paragraph: u32,
    /// The passage is a title or heading.
    pub headline: bool,
}

impl Ctx<'_> {
    #[inline]
    pub fn word(&self, i: usize) -> Option<&str> {
        let t = self.tokens.get(i)?;
        (t.kind == Kind::Word).then(|| t.text(self.text))
    }

    #[inline]
    pub fn tok(&self, i: usize) -> Option<&str> {
        self.tokens.get(i).map(|t| t.text(self.text))
    }

    /// The lower-case form of token `i` ("" past the end).
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        self.lower.get(self.text, i)
    }

    #[inline]
    pub fn lower_is(&self, i: usize, set: &crate::lexicon::WordSet) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word) && set.contains(self.low(i))
    }

    /// Whether token `i` is on the lists of `bits` (`lexicon::class`).
    #[inline]
    pub fn is(&self, i: usize, bits: u32) -> bool {
        self.lower.class(i) & bits != 0
    }

    #[inline]
    pub fn is_function(&self, i: usize) -> bool {
        self.is(i, class::FUNCTION)
    }

    #[inline]
    pub fn is_preposition(&self, i: usize) -> bool {
        self.is(i, class::PREPOSITION)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    }

    fn all_caps(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            letters >= 2
                && w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        })
    }

    /// The text span of tokens `r` (not empty).
    #[inline]
    pub fn span(&self, r: Range<usize>) -> Span {
        Span::new(
            self.tokens[r.start].span.start as usize,
            self.tokens[r.end - 1].span.end as usize,
        )
    }

    /// The longest phrase from a lexicon at token `i`, over word tokens and
    /// possessives, as written.
    fn phrase_at<'p, T: Clone>(
        &self,
        phrases: &'p crate::lexicon::Phrases<T>,
        i: usize,
        end: usize,
    ) -> Option<(usize, &'p T)> {
        self.longest_phrase(phrases, i, end, |j| self.tokens[j].text(self.text))
    }

    /// The longest phrase of a case-folded lexicon at token `i`.
    fn phrase_at_low<'p, T: Clone>(
        &self,
        phrases: &'p crate::lexicon::Phrases<T>,
        i: usize,
        end: usize,
    ) -> Option<(usize, &'p T)> {
        self.longest_phrase(phrases, i, end, |j| self.low(j))
    }

    fn longest_phrase<'p, 's, T: Clone>(
        &'s self,
        phrases: &'p crate::lexicon::Phrases<T>,
        i: usize,
        end: usize,
        word: impl Fn(usize) -> &'s str,
    ) -> Option<(usize, &'p T)> {
        phrases.longest(|k| {
            let j = i + k;
            (j < end
                && matches!(
                    self.tokens[j].kind,
                    Kind::Word | Kind::Possessive | Kind::Number
                ))
            .then(|| word(j))
        })
    }

    #[inline]
    pub fn pronoun(&self, i: usize) -> Option<Pronoun> {
        if !self.is(i, class::PRONOUN) {
            return None;
        }
        self.lex.pronouns.get(self.low(i)).copied()
    }
}

/// Appends the mention candidates of a passage to `out`, sentence by
/// sentence. `dateline` is the document's dateline when it lies in this
/// passage.
pub(crate) fn find_in_passage(ctx: &Ctx, dateline: Option<Span>, out: &mut Vec<Cand>) {
    let first = out.len();
    for (si, r) in ctx.sentences.iter().enumerate() {
        find(ctx, r.clone(), ctx.sentence_base + si, out);
    }
    if let Some(d) = dateline {
        after_dateline(ctx, d, out, first);
    }
}

/// "LONDON, March 9 -" names a place, not an actor: the candidates in the
/// dateline go (only this passage's, from `first`: a pass over all of
/// them per passage would be quadratic).
fn after_dateline(ctx: &Ctx, d: Span, out: &mut Vec<Cand>, first: usize) {
    let mut kept = first;
    for k in first..out.len() {
        if !out[k].span.overlaps(d) {
            out.swap(kept, k);
            kept += 1;
        }
    }
    out.truncate(kept);
    // The story's first word follows the dateline: "LONDON, March 9 -
    // Talks between …" starts a sentence with "Talks".
    let story = ctx.tokens.partition_point(|t| t.span.start < d.end);
    for c in &mut out[first..] {
        if c.first() == story {
            c.sentence_initial = true;
            c.subject = !c.in_quote;
        }
    }
}

/// The document index of the sentence holding token `i` of the passage.
fn sentence_of(ctx: &Ctx, i: usize) -> u32 {
    (ctx.sentence_base + ctx.sentences.partition_point(|s| s.end <= i)) as u32
}

/// Finds the mention candidates of one sentence (token range `range`).
fn find(ctx: &Ctx, range: Range<usize>, sentence: usize, out: &mut Vec<Cand>) {
    // Candidates store 32-bit indices: the loader caps inputs at 4 GiB.
    let (sentence, paragraph) = (sentence as u32, ctx.paragraph);
    let first_new = out.len();
    let chains = names::name_chains(ctx, range.clone());
    let mut consumed = vec![false; range.len()];
    let rel = |i: usize| i - range.start;

    // Names first: they claim the title and role words before them.
    for chain in chains.iter().rev() {
        // A run of a dozen capitalised words is a headline or shouting,
        // not a name.
        if consumed[rel(chain.start)] || chain.len() > 12 {
            continue;
        }
        // "<PORX.O>": a stock ticker, not a name.
        if chain.start > range.start
            && ctx.tok(chain.start - 1) == Some("<")
            && ctx.tok(chain.end) == Some(">")
        {
            continue;
        }
        if let Some(c) =
            names::classify_chain(ctx, chain.clone(), range.clone(), sentence, paragraph)
        {
            for i in c.toks() {
                consumed[rel(i)] = true;
            }
            out.push(c);
        }
    }
    // Role descriptions, anonymous sources, conduits, and pronouns.
    let mut i = range.start;
    while i < range.end {
        if consumed[rel(i)] || ctx.tokens[i].kind != Kind::Word {
            i += 1;
            continue;
        }
        if let Some(p) = ctx.pronoun(i)
            && p.person == 3
            && !ctx.in_quote[i]
            && !ctx.word(i).is_some_and(|w| {
                let things = &ctx.lex.grammar.mentions.pronouns_for_things;
                things.contains_or_capitalised(w)
            })
        {
            // "his office", "her spokesman": a conduit for the principal.
            if let Some(c) = roles::conduit_after(ctx, i, range.end, sentence, paragraph) {
                for k in c.toks() {
                    consumed[rel(k)] = true;
                }
                i = c.after();
                out.push(c);
                continue;
            }
            // "her" is both object and possessive; both refer to a person.
            out.push(Cand {
                span: ctx.tokens[i].span,
                name: ctx.tokens[i].span,
                kind: CandKind::Pronoun(p),
                role: None,
                country: None,
                gender: p.gender,
                plural: p.plural,
                after_prep: i > range.start && ctx.is_preposition(i - 1),
                object: false,
                located: false,
                speaker: false,
                subject: false,
                in_quote: false,
                headline: ctx.headline,
                sentence_initial: i == range.start,
                sentence,
                paragraph,
                tokens: i as u32..i as u32 + 1,
            });
            i += 1;
            continue;
        }
        if let Some(c) =
            roles::role_description(ctx, i, range.clone(), &consumed, sentence, paragraph)
        {
            for k in c.toks() {
                consumed[rel(k)] = true;
            }
            i = c.after();
            out.push(c);
            continue;
        }
        i += 1;
    }
    out[first_new..].sort_by_key(|c| c.span.start);
    merge_appositions(ctx, range.end, out, first_new);
    for c in &mut out[first_new..] {
        c.subject = !c.after_prep
            && !c.object
            && !c.in_quote
            && subject_position(ctx, c.first(), range.start);
    }
}

/// "the city's mayor, Ida Brandt, said": a role and the name set off
/// after it are one mention of the person, with the role as their title.
fn merge_appositions(ctx: &Ctx, end: usize, out: &mut Vec<Cand>, first: usize) {
    let mut k = first;
    while k + 1 < out.len() {
        let (r, p) = (&out[k], &out[k + 1]);
        let apposition = matches!(r.kind, CandKind::Role | CandKind::Anonymous)
            && !r.plural
            && p.kind == CandKind::Person
            && r.in_quote == p.in_quote
            && ctx.tok(r.after()) == Some(",")
            && p.first() == r.after() + 1
            && (p.after() >= end || matches!(ctx.tok(p.after()), Some("," | "." | ";" | "(")));
        if apposition {
            let r = out.remove(k);
            let p = &mut out[k];
            p.span = Span::new(r.span.start as usize, p.span.end as usize);
            // The title without its article: "Ida Brandt (mayor)".
            let articles = &ctx.lex.grammar.mentions.leading_articles;
            let from = r.first() + usize::from(articles.contains(ctx.low(r.first())));
            p.role = p
                .role
                .or((from < r.after()).then(|| ctx.span(from..r.after())));
            p.tokens = r.tokens.start..p.tokens.end;
            p.after_prep = r.after_prep;
            p.object = r.object;
            p.located = r.located;
            p.sentence_initial = r.sentence_initial;
            if p.country.is_none() {
                p.country = r.country;
            }
        }
        k += 1;
    }
}

/// Whether a mention starting at token `i` opens its clause.
pub(crate) fn subject_position(ctx: &Ctx, i: usize, sentence_start: usize) -> bool {
    let grammar = &ctx.lex.grammar.mentions;
    let mut k = i;
    // "The Nile Ledger", a quote mark: look before them.
    while k > sentence_start
        && (matches!(ctx.tokens[k - 1].kind, Kind::Quote)
            || grammar.leading_articles.contains(ctx.low(k - 1)))
    {
        k -= 1;
    }
    if k <= sentence_start {
        return true;
    }
    if let Some(w) = ctx.word(i)
        && grammar.subject_pronouns.contains_or_capitalised(w)
    {
        return true;
    }
    matches!(ctx.low(k - 1), "," | ";" | ":" | "--" | "—")
        || grammar.clause_openers.contains(ctx.low(k - 1))
}

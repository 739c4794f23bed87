//! Positions and red lines: for each sentence in which an identifiable
//! actor states, or is reported to hold, a stance, a [`Position`] with its
//! holder, kind, trigger phrase and whether it is a red line.
//!
//! The rules read the cue lists of `assets/lexicon/stances.toml` (see
//! [`crate::lexicon::StanceLexicon`]); nothing here names an article's words.
//!
//! # Cues
//! A sentence is split into words again (a lean scanner, `scan.rs`) and
//! scanned, left to right, for the longest cue phrase at each word
//! (quotation marks between words are skipped). Each cue has a class:
//!
//! * **red-line phrase** ("non-negotiable", "not on the table", "red line",
//!   "unacceptable", and the pattern *negation + be + negotiation word*:
//!   "will never be subject to negotiation", "would not be on the table"):
//!   a red line. Its holder is the party it names ("unacceptable **to** X",
//!   "a red line **for** X"), else the possessor ("X's non-negotiable
//!   timetable"), else an actor subject, else whoever says it. When the
//!   speaker is an analyst (a described researcher, economist, director of
//!   a studies centre…) the red line belongs to the party it is about (the
//!   country or organisation named in the clause) and the analyst is its
//!   `source`; with no such party it is only the analyst's position.
//! * **refusal** ("rejected", "refuses to", "rules out", "vetoes"): a red line
//!   of its subject, which must be an identifiable actor ("we"/"I" are the
//!   speaker; "his government" is the minister's country). Negated ("did not
//!   reject", "would not rule out") it is a concession (an offer).
//! * **negatable** verbs ("accept", "allow", "attend", "discuss"…): a red
//!   line only when negated in their verb group ("will not accept", "could
//!   not accept", "would never sell", "is not prepared to discuss").
//! * **condition** ("only if", "unless", "as a condition", "or face"): a red
//!   line when the clause before holds volition ("willing to negotiate … but
//!   only if", "would not return to work unless"); "or face" (an ultimatum)
//!   belongs to the speaker.
//! * **necessity** ("must", "has to", "should"): the speaker's demand; a red
//!   line when it forbids ("must not be allowed"), comes first ("first we
//!   must"), is what someone insisted on, or is put on a deal ("any deal
//!   would have to include …"). An analyst's "must" is never a red line.
//! * **stance** verbs (demand, offer, support, opposition, accusation,
//!   assessment: "urged", "ready to", "welcomed", "opposes", "accused"): a
//!   position of the subject; negation turns support into opposition and back.
//! * **evaluation** words ("counterproductive", "inadequate", "vital"): a
//!   position (assessment) of whoever says them, in quoted or reported
//!   speech only.
//! * **no comment** ("refused to say", "declined to comment"): a position,
//!   never a red line.
//!
//! # What cancels a red line
//! A red-line cue is at most a position when a hedge governs it (in the same
//! clause before it: "may", "could", "whether", "if", "unlikely", "it remains
//! unclear whether"…), when a cancelling phrase touches it ("never before",
//! "has never", "not necessarily", "would not rule out"), when it is
//! negated, or when the sentence is a question. Hypotheticals, predictions
//! and generic statements are never red lines; stances of unidentifiable
//! groups ("analysts", "traders") are not positions at all.
//!
//! # Holders
//! The subject is read back from the verb over its auxiliaries and adverbs:
//! an actor mention (not the object of a preposition, not a possessor), "we"
//! (the speaker's side: the organisation or country of its description),
//! "I" (the speaker), a pronoun (the nearest compatible subject-like mention,
//! in this sentence or the one before), "its board" / "the company" (the
//! possessor, or the article's main organisation), "the government" (the
//! article's main country), the agent of a passive ("demanded by X"), the
//! head of an apposition after a comma, or the first subject of the clause
//! after "and". Speakers come from the quote's attribution, else from the
//! nearest reporting clause before the cue ("X said", "according to X", "X
//! was quoted as saying") or a post-posed one after it ("…, X said"); `source`
//! is the reporter when it is not the holder (an outlet, an analyst). What a
//! directive demands ("urged X to …") is nobody's stance of its own.
//!
//! # Headlines
//! An all-capitals headline has no usable mentions: its stance goes to the
//! actor the headline names before the cue (by any of its names), else to
//! the holder of the first matching position in the next two sentences.
//!
//! Per sentence at most one red line is kept (the first), and further
//! positions only when they have the same holder and another kind.
//!
//! # Cost
//! Linear in the text: every scan is bounded by the sentence and a fixed
//! window, lookups go through one bit set per word, and a sentence that
//! holds neither the longest word of some cue nor a negation is only
//! scanned.

use std::collections::HashMap;

use super::tokens::{Kind, Token, lower_form};
use crate::model::{Actor, ActorKind, MentionKind, Position, PositionKind, Quote};

/// Actors by index into the analysis's list, as the stance rules count them.
type ActorId = usize;
use crate::lexicon::{Cue, CueClass, FxMap, Lexicon, PlaceRole, StanceLexicon, Tab, norm_word};
use crate::span::Span;

/// How far (in words) the backward scans look.
const WINDOW: usize = 40;
/// How far back a hedge governs a cue.
const HEDGE_WINDOW: usize = 14;
/// How far (in words) the content of a directive ("urged X to …") reaches.
const CONTENT_WINDOW: usize = 16;

/// Finds the positions of a document. `sentences` are sorted and disjoint;
/// `actors` carry their mentions and `quotes` their speakers. Sorted by start.
pub(crate) fn find(
    text: &str,
    sentences: &[Span],
    actors: &[Actor],
    quotes: &[Quote],
    lex: &Lexicon,
    gate: Option<&[bool]>,
) -> Vec<Position> {
    let doc = DocInfo::new(text, sentences, actors, quotes, lex);
    let mut out: Vec<Position> = Vec::new();
    // Headline positions waiting for a holder: (index in `out`, sentence).
    let mut pending: Vec<(usize, usize)> = Vec::new();
    let mut scratch = Scratch::default();
    let mut cursor = Cursor::default();
    for (si, &span) in sentences.iter().enumerate() {
        // The analysis saw no word a stance needs: nothing to read here.
        if gate.is_some_and(|g| !g.get(si).copied().unwrap_or(true)) {
            fill_pending(&mut pending, &mut out, si, &doc, sentences, false);
            continue;
        }
        let prev = si.checked_sub(1).map_or(span.start, |p| sentences[p].start);
        let sent = Sent::build(text, span, prev, &doc, lex, &mut scratch, &mut cursor);
        let headline = sent.headline;
        let cands = if sent.has_cues() {
            sent.candidates()
        } else {
            Vec::new()
        };
        let start = out.len();
        select(cands, span, headline, &mut out);
        if headline {
            pending.extend((start..out.len()).map(|i| (i, si)));
        }
        fill_pending(&mut pending, &mut out, si, &doc, sentences, false);
    }
    fill_pending(
        &mut pending,
        &mut out,
        sentences.len(),
        &doc,
        sentences,
        true,
    );
    out.retain(|p| p.holder.is_some());
    out.sort_by_key(|p| (p.span.start, p.trigger.map_or(0, |t| t.start)));
    out
}

/// Whether the sentence of tokens `r` may hold a position: it holds a
/// cue phrase, or a negation and a negotiation word (`negotiable_at`).
/// The main pass asks this with its own tokens, so [`find`] reads only
/// the sentences that may; the words are taken as `Sent::build` takes
/// them (no quotation marks, a trailing abbreviation period dropped), and
/// capitalised words count too, so the answer errs towards reading.
pub(crate) fn may_hold(
    text: &str,
    toks: &[Token],
    lower: &super::tokens::Lowered,
    r: std::ops::Range<usize>,
    lex: &Lexicon,
) -> bool {
    use crate::lexicon::class;
    let bits = r.clone().fold(0, |b, t| b | lower.class(t));
    if bits & class::NEGATION != 0 && bits & class::NEGOTIABLE != 0 {
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

/// Gives the headline positions whose lead has been read (the two
/// sentences after the headline) a holder: the actor the headline names
/// before the cue, else the holder of a matching position in the lead.
fn fill_pending(
    pending: &mut Vec<(usize, usize)>,
    out: &mut [Position],
    si: usize,
    doc: &DocInfo,
    sentences: &[Span],
    last: bool,
) {
    pending.retain(|&(pi, hs)| {
        if !last && si < hs + 2 {
            return true;
        }
        let head = sentences[hs];
        let named = doc.named_in(head, out[pi].trigger);
        let holder = named.or_else(|| {
            let lead_end = sentences
                .get(hs + 2)
                .or(sentences.last())
                .map_or(0, |s| s.end);
            // The positions after the headline's: those of the next two
            // sentences.
            let lead: Vec<&Position> = out[pi + 1..]
                .iter()
                .filter(|p| {
                    p.span.start >= head.end && p.span.end <= lead_end && p.holder.is_some()
                })
                .collect();
            let (red, kind) = (out[pi].red_line, out[pi].kind);
            lead.iter()
                .find(|p| p.red_line == red && p.kind == kind)
                .or_else(|| lead.iter().find(|p| p.red_line == red))
                .or_else(|| lead.first())
                .and_then(|p| p.holder.map(|h| h.index()))
        });
        out[pi].holder = holder.map(crate::model::ActorId::new);
        false
    });
}

/// Keeps, of one sentence's candidates, the first red line (or else the
/// first candidate) and the other positions that share its holder and have
/// another kind. A headline keeps one.
fn select(cands: Vec<Cand>, span: Span, headline: bool, out: &mut Vec<Position>) {
    let strong = cands.iter().filter(|c| !c.weak);
    let Some(primary) = cands
        .iter()
        .find(|c| c.red_line)
        .or_else(|| strong.clone().next())
        .or_else(|| cands.first())
        .cloned()
    else {
        return;
    };
    let mut kept: Vec<Cand> = vec![primary.clone()];
    if !headline {
        for c in cands {
            if c.red_line || c.weak || c.holder != primary.holder {
                continue;
            }
            if kept.iter().any(|k| k.kind == c.kind) {
                continue;
            }
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.trigger.start);
    for c in kept {
        out.push(Position {
            span,
            holder: c.holder.map(crate::model::ActorId::new),
            kind: c.kind,
            trigger: Some(c.trigger),
            red_line: c.red_line,
            source: c
                .source
                .filter(|&s| Some(s) != c.holder)
                .map(crate::model::ActorId::new),
            rule: c.rule,
        });
    }
}

#[derive(Clone, Debug)]
struct Cand {
    holder: Option<ActorId>,
    kind: PositionKind,
    red_line: bool,
    trigger: Span,
    source: Option<ActorId>,
    /// Found only through a possessor ("Sosnoff's offer"): kept when the
    /// sentence has nothing better.
    weak: bool,
    /// The rule that found it (provenance).
    rule: &'static str,
}

/// Names as lower-case words (indexed by the first) → the actors they name.
type NameIndex = FxMap<String, Vec<(Vec<String>, ActorId)>>;

/// What a person's role, first mentions and apposition say.
#[derive(Clone, Copy, Debug, Default)]
struct PersonFacts {
    /// Described as an analyst (not a party).
    analyst: bool,
    /// The country the person is introduced with ("French minister").
    country: Option<ActorId>,
    /// The organisation named in the description ("president of the
    /// American Farm Bureau").
    org: Option<ActorId>,
}

/// What the rules need to know about the actors of a document.
struct DocInfo<'a> {
    actors: &'a [Actor],
    /// All mentions, sorted by start: (span, actor).
    marks: Vec<(Span, ActorId)>,
    /// Speech quotes, sorted by start: (span, speaker).
    quotes: Vec<(Span, Option<ActorId>)>,
    /// What each person's descriptions tell, read at the first question
    /// (most actors never hold a position).
    facts: Vec<std::cell::OnceCell<PersonFacts>>,
    sentences: &'a [Span],
    lex: &'a Lexicon,
    /// Country actors by name.
    countries: HashMap<&'a str, ActorId>,
    /// The most-mentioned country: "the government" with no other clue.
    main_country: Option<ActorId>,
    /// The most-mentioned organisation: "the company", "the organization".
    main_org: Option<ActorId>,
    /// Lower-case names and name mentions, as words, indexed by their first
    /// word: what a headline may call an actor. Built at the first headline.
    names: std::cell::OnceCell<NameIndex>,
    text: &'a str,
}

impl<'a> DocInfo<'a> {
    fn new(
        text: &'a str,
        sentences: &'a [Span],
        actors: &'a [Actor],
        quotes: &[Quote],
        lex: &'a Lexicon,
    ) -> DocInfo<'a> {
        // In text order (by start; mentions do not overlap).
        let marks = by_start(
            actors
                .iter()
                .enumerate()
                .flat_map(|(a, act)| act.mentions.iter().map(move |m| (m.span, a)))
                .collect(),
        );
        let mut qs: Vec<(Span, Option<ActorId>)> = quotes
            .iter()
            .filter(|q| q.speech)
            .map(|q| (q.span, q.speaker.as_ref().map(|s| s.actor.index())))
            .collect();
        qs.sort_by_key(|(s, _)| s.start);

        let countries: HashMap<&str, ActorId> = actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == ActorKind::Country)
            .map(|(i, a)| (a.name.as_str(), i))
            .collect();
        let most = |kind: ActorKind| {
            actors
                .iter()
                .enumerate()
                .filter(|(_, a)| a.kind == kind)
                .max_by_key(|(i, a)| (a.mentions.len(), std::cmp::Reverse(*i)))
                .map(|(i, _)| i)
        };
        let main_country = most(ActorKind::Country);
        let main_org = most(ActorKind::Organization);
        DocInfo {
            actors,
            marks,
            quotes: qs,
            facts: vec![std::cell::OnceCell::new(); actors.len()],
            sentences,
            lex,
            countries,
            main_country,
            main_org,
            names: std::cell::OnceCell::new(),
            text,
        }
    }

    fn analyst(&self, a: ActorId) -> bool {
        self.facts(a).analyst
    }

    fn country_of(&self, a: ActorId) -> Option<ActorId> {
        self.facts(a).country
    }

    fn org_of(&self, a: ActorId) -> Option<ActorId> {
        self.facts(a).org
    }

    fn facts(&self, i: ActorId) -> PersonFacts {
        *self.facts[i].get_or_init(|| self.read_facts(i))
    }

    fn read_facts(&self, i: ActorId) -> PersonFacts {
        let mut f = PersonFacts::default();
        let a = &self.actors[i];
        if a.kind != ActorKind::Person {
            return f;
        }
        let text = self.text;
        // The role, the first name mentions and role-like mentions ("the
        // analyst"), and the apposition after the first name ("X, director
        // of a studies centre, said").
        let mut desc: Vec<Span> = a.role.into_iter().collect();
        desc.extend(
            a.mentions
                .iter()
                .filter(|m| m.kind != MentionKind::Pronoun)
                .take(4)
                .map(|m| m.span),
        );
        if let Some(m) = a.mentions.iter().find(|m| m.kind == MentionKind::Name) {
            desc.push(apposition(text, m.span, self.sentences));
        }
        let mut words: Vec<String> = Vec::new();
        let analyst = &self.lex.stances.analyst;
        for d in desc {
            split_words(d.text(text), &mut words);
            if (0..words.len()).any(|k| analyst.matches_at(&words, k)) {
                f.analyst = true;
            }
            if f.country.is_none() {
                f.country = demonym_country(d.text(text), self.lex, &self.countries);
            }
            if f.org.is_none() {
                let marks = &self.marks;
                let at = marks.partition_point(|(s, _)| s.start < d.start);
                f.org = marks[at..]
                    .iter()
                    .take_while(|(s, _)| s.start < d.end)
                    .find(|(_, b)| *b != i && self.actors[*b].kind == ActorKind::Organization)
                    .map(|(_, b)| *b);
            }
        }
        f
    }

    fn name_index(&self) -> &NameIndex {
        self.names.get_or_init(|| {
            let mut index = NameIndex::default();
            let mut words = Vec::new();
            for (i, a) in self.actors.iter().enumerate() {
                let mut forms: Vec<Vec<String>> = Vec::new();
                let mut texts: Vec<&str> = a
                    .mentions
                    .iter()
                    .filter(|m| m.kind == MentionKind::Name)
                    .map(|m| m.span.text(self.text))
                    .chain(std::iter::once(a.name.as_str()))
                    .collect();
                texts.sort_unstable();
                texts.dedup();
                for t in texts {
                    split_words(t, &mut words);
                    forms.push(words.clone());
                }
                if a.kind == ActorKind::Person
                    && let Some(last) = forms.last().and_then(|f| f.last()).cloned()
                {
                    forms.push(vec![last]);
                }
                forms.retain(|f| f.iter().map(|w| w.len()).sum::<usize>() >= 3);
                forms.sort();
                forms.dedup();
                for f in forms {
                    index.entry(f[0].clone()).or_default().push((f, i));
                }
            }
            index
        })
    }

    /// The actor a headline names before `trigger`, the nearest to it:
    /// "NAKASONE REFUSES …" names Yasuhiro Nakasone. Only actors that also
    /// appear outside the headline count.
    fn named_in(&self, head: Span, trigger: Option<Span>) -> Option<ActorId> {
        let end = trigger.map_or(head.end, |t| t.start).max(head.start);
        let mut words = Vec::new();
        split_words(
            Span {
                start: head.start,
                end,
            }
            .text(self.text),
            &mut words,
        );
        let index = self.name_index();
        // (end word, length, actor): the nearest to the cue, then the longest.
        let mut best: Option<(usize, usize, ActorId)> = None;
        for j in 0..words.len() {
            let Some(forms) = index.get(&words[j]) else {
                continue;
            };
            for (form, a) in forms {
                let fits = words
                    .get(j..j + form.len())
                    .is_some_and(|w| w == form.as_slice());
                let elsewhere = self.actors[*a]
                    .mentions
                    .iter()
                    .any(|m| !head.contains(m.span));
                let key = (j + form.len(), form.len(), *a);
                if fits && elsewhere && best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
                    best = Some(key);
                }
            }
        }
        best.map(|(_, _, a)| a)
    }
}

/// The text after a name up to the end of its apposition: from a comma
/// right after it to the next reporting word or the sentence end (at most
/// 160 bytes).
fn apposition(text: &str, name: Span, sentences: &[Span]) -> Span {
    let start = name.end as usize;
    let rest = &text[start..];
    if !rest.trim_start().starts_with(',') {
        return Span::new(start, start);
    }
    let si = sentences.partition_point(|s| s.end <= name.start);
    let limit = sentences
        .get(si)
        .map_or(text.len(), |s| s.end as usize)
        .min(start + 160);
    let mut end = limit.max(start);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[start..end];
    let cut = [" said", " told", " says", " added", " tells"]
        .iter()
        .filter_map(|w| window.find(w))
        .min()
        .unwrap_or(window.len());
    Span::new(start, start + cut)
}

/// Mentions sorted by start: a stable radix sort, a byte of the offset at
/// a time (linear; many mentions are sorted often), the library sort for
/// few.
fn by_start(mut v: Vec<(Span, ActorId)>) -> Vec<(Span, ActorId)> {
    if v.len() < 256 {
        v.sort_by_key(|(s, _)| s.start);
        return v;
    }
    let max = v.iter().map(|(s, _)| s.start).max().unwrap_or(0);
    let mut other = v.clone();
    let mut shift = 0;
    while shift < 32 && (max >> shift) > 0 {
        let mut count = [0usize; 257];
        for (s, _) in &v {
            count[((s.start >> shift) & 0xff) as usize + 1] += 1;
        }
        for i in 1..257 {
            count[i] += count[i - 1];
        }
        for x in &v {
            let d = ((x.0.start >> shift) & 0xff) as usize;
            other[count[d]] = *x;
            count[d] += 1;
        }
        std::mem::swap(&mut v, &mut other);
        shift += 8;
    }
    v
}

/// The lower-case words of `s` into `out`, reusing its strings.
fn split_words(s: &str, out: &mut Vec<String>) {
    let mut n = 0;
    for w in s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')) {
        if w.is_empty() {
            continue;
        }
        if out.len() <= n {
            out.push(String::new());
        }
        norm_word(w, &mut out[n]);
        n += 1;
    }
    out.truncate(n);
}

/// The country actor a description names by demonym or name ("French").
fn demonym_country(desc: &str, lex: &Lexicon, by_name: &HashMap<&str, ActorId>) -> Option<ActorId> {
    let words: Vec<&str> = desc
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    (0..words.len()).find_map(|k| {
        // Place names and demonyms are capitalised.
        if !words[k].starts_with(char::is_uppercase) {
            return None;
        }
        let (_, place) = lex.places.longest(|j| words.get(k + j).copied())?;
        if matches!(place.role, PlaceRole::Demonym | PlaceRole::Name) {
            by_name.get(lex.countries[place.country].as_str()).copied()
        } else {
            None
        }
    })
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

/// Buffers reused from sentence to sentence.
#[derive(Default)]
struct Scratch {
    toks: Vec<Token>,
    /// The lower-case words of the sentence, one after another, and where
    /// each one is in it.
    lower: String,
    /// Each word's lower-case form: a range of the text (when already
    /// lower-case) or of `lower`.
    lows: Vec<(u32, u32, bool)>,
    one: String,
    words: Vec<Word>,
    cls: Vec<u64>,
}

/// Where the scan of the sorted mentions and quotes has got to.
#[derive(Default)]
struct Cursor {
    mark: usize,
    quote: usize,
}

/// One word of a sentence (quotation marks left out).
#[derive(Clone, Copy, Debug)]
struct Word {
    span: Span,
    punct: bool,
    /// The actor of the mention this word is in, and the mention's index.
    actor: Option<(ActorId, usize)>,
    /// The speech quote the word is in (index in `DocInfo::quotes`).
    quote: Option<usize>,
    /// Starts with an upper-case letter.
    capital: bool,
    /// Follows a quotation mark, an opening bracket, a colon or a dash (or
    /// starts the sentence): a capital here is no name.
    opens: bool,
}

/// The subject found before a verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Subj {
    /// An actor mention (folded: "his government" → the country).
    Actor(ActorId),
    /// "I" (false) or "we" (true): the speaker, or the side the speaker
    /// stands for.
    First(bool),
    /// A pronoun that is no mention (index of the word).
    Pronoun(usize),
    /// After a comma: an apposition or participle; the subject is the head
    /// of the apposition or of the sentence.
    Comma(usize),
    /// After "and", "but": the subject of the clause before.
    Conj(usize),
    /// After "who", "which": the antecedent.
    Rel(usize),
    /// "its board", "the government": the possessor's side.
    OrgPart(usize),
    /// "X's" right before a noun cue ("Iraq's rejection").
    Possessor(ActorId),
    /// A noun phrase that is no actor ("the growth targets"), with the actor
    /// that modifies it if any ("US officials") and whether the noun speaks
    /// for its modifier ("officials", "sources").
    Noun(Option<ActorId>, bool),
    /// Nothing before the verb.
    None,
}

struct Sent<'a> {
    doc: &'a DocInfo<'a>,
    sl: &'a StanceLexicon,
    lex: &'a Lexicon,
    words: &'a [Word],
    text: &'a str,
    lower: &'a str,
    lows: &'a [(u32, u32, bool)],
    /// The stance-lexicon classes of each word (bits of [`Tab`]).
    cls: &'a [u64],
    headline: bool,
    question: bool,
    /// Mentions before this sentence: `doc.marks[..first_mark]`, read back
    /// to `prev_start` (the previous sentence's start).
    first_mark: usize,
    prev_start: u32,
    /// The speaker of the first attributed quote in the sentence.
    quote_speaker: Option<ActorId>,
    /// Reporting verbs and their speakers: (word index, speaker, whether
    /// the attribution is post-posed: `…, X said`, `…," said X`).
    /// Computed at the first question about speakers.
    reps: std::cell::OnceCell<Vec<(usize, ActorId, bool)>>,
    /// Set while `reps` is being computed: finding a reporter's subject
    /// must not ask for reporters.
    in_reps: std::cell::Cell<bool>,
}

const PREV_OPENERS: [char; 12] = ['"', '“', '”', '\'', '‘', '’', '«', '(', '[', ':', '-', '—'];

impl<'a> Sent<'a> {
    fn build(
        text: &'a str,
        span: Span,
        prev_start: u32,
        doc: &'a DocInfo<'a>,
        lex: &'a Lexicon,
        scratch: &'a mut Scratch,
        cur: &mut Cursor,
    ) -> Sent<'a> {
        scratch.toks.clear();
        scan::scan(text, span, &mut scratch.toks);
        while cur.mark < doc.marks.len() && doc.marks[cur.mark].0.end <= span.start {
            cur.mark += 1;
        }
        let first_mark = cur.mark;
        let mut words = std::mem::take(&mut scratch.words);
        let mut cls = std::mem::take(&mut scratch.cls);
        words.clear();
        cls.clear();
        scratch.lower.clear();
        scratch.lows.clear();
        let mut after_open = true;
        let headline = all_capitals(span.text(text));
        for t in &scratch.toks {
            if t.kind == Kind::Quote {
                after_open = true;
                continue;
            }
            let s = t.text(text);
            let one = &mut scratch.one;
            let form = lower_form(s, t.span, &mut scratch.lower, |w, buf| {
                norm_word(w, one);
                buf.push_str(one);
            });
            scratch.lows.push(form);
            let low = match form {
                (a, b, true) => &scratch.lower[a as usize..b as usize],
                _ => s,
            };
            let capital = match s.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => s.chars().next().is_some_and(char::is_uppercase),
            };
            // Numbers, marks and names inside a sentence are in no list.
            let word = t.kind == Kind::Word || t.kind == Kind::Possessive;
            cls.push(if word && (!capital || after_open || headline) {
                lex.stances.classes(low)
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
            after_open = (punct && s.chars().all(|c| PREV_OPENERS.contains(&c)))
                || (s.len() > 1 && s.ends_with('.'));
        }
        // Mentions and quotes matter only where a cue may be: a sentence
        // holds one only if it holds a cue's longest word (or a negation).
        let any = Tab::Anchor.word() | Tab::Negations.word();
        if cls.iter().any(|c| c & any != 0) {
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
            lower: &scratch.lower,
            lows: &scratch.lows,
            cls: &scratch.cls,
            headline,
            question,
            first_mark,
            prev_start,
            quote_speaker: None,
            reps: std::cell::OnceCell::new(),
            in_reps: std::cell::Cell::new(false),
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

    fn low(&self, i: usize) -> &str {
        self.lows.get(i).map_or("", |&(s, e, copied)| {
            let from = if copied { self.lower } else { self.text };
            &from[s as usize..e as usize]
        })
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.low(i))
    }

    /// Whether word `k` is a one-word entry of list `t`.
    #[inline]
    fn has(&self, k: usize, t: Tab) -> bool {
        self.cls.get(k).is_some_and(|c| c & t.word() != 0)
    }

    /// Whether an entry of list `t` starts at word `k`.
    #[inline]
    fn starts(&self, k: usize, t: Tab) -> bool {
        self.longest(k, t).is_some()
    }

    /// The length of the longest entry of list `t` that starts at word `k`.
    fn longest(&self, k: usize, t: Tab) -> Option<usize> {
        if self.cls.get(k).is_none_or(|c| c & t.start() == 0) {
            return None;
        }
        let (len, _) = self
            .sl
            .table(t)?
            .longest_by(self.lows.len(), k, |j| self.low(j))?;
        Some(len)
    }

    /// The longest cue that starts at word `k`.
    fn cue_at(&self, k: usize) -> Option<(usize, Cue)> {
        if self.cls.get(k).is_none_or(|c| c & Tab::Cues.start() == 0) {
            return None;
        }
        self.sl
            .cues
            .longest_by(self.lows.len(), k, |j| self.low(j))
            .map(|(l, c)| (l, *c))
    }

    fn kind_of(&self, a: ActorId) -> ActorKind {
        self.doc.actors[a].kind
    }

    /// The first word index of the mention word `i` is in.
    fn mention_start(&self, i: usize) -> usize {
        let Some((_, m)) = self.words[i].actor else {
            return i;
        };
        let mut k = i;
        while k > 0 && self.words[k - 1].actor.is_some_and(|(_, x)| x == m) {
            k -= 1;
        }
        k
    }

    fn mention_end(&self, i: usize) -> usize {
        let Some((_, m)) = self.words[i].actor else {
            return i + 1;
        };
        let mut k = i + 1;
        while k < self.words.len() && self.words[k].actor.is_some_and(|(_, x)| x == m) {
            k += 1;
        }
        k
    }

    fn is_preposition(&self, i: usize) -> bool {
        self.has(i, Tab::Prepositions) && self.low(i) != "by"
    }

    /// Whether the mention starting at word `ms` is the object of a
    /// preposition ("of Iran", "of the Nile").
    fn object_at(&self, ms: usize) -> bool {
        let Some(p) = ms.checked_sub(1) else {
            return false;
        };
        if self.is(p, &["the", "a", "an"]) {
            return p > 0 && self.is_preposition(p - 1);
        }
        self.is_preposition(p)
    }

    /// Whether the mention word `k` is in reads as a subject: no object of
    /// a preposition, no possessor, no modifier of a noun ("EC member
    /// states"; "US officials" speaks for its country and counts).
    fn subject_like(&self, k: usize) -> bool {
        let ms = self.mention_start(k);
        let me = self.mention_end(k);
        if self.object_at(ms) {
            return false;
        }
        let Some(next) = self.words.get(me) else {
            return true;
        };
        let l = self.low(me);
        if l == "'s" || self.has(me, Tab::AnonymousGroups) {
            return false;
        }
        if next.punct || next.capital || next.actor.is_some() {
            return true;
        }
        self.in_group(me)
            || self.has(me, Tab::Reporting)
            || self.has(me, Tab::SpeakerNouns)
            || self.cue_at(me).is_some()
            || l.ends_with("ed")
            || l.ends_with('s')
            || matches!(l, "who" | "which" | "that")
    }

    /// The actor of the mention word `i` is in, folded: a person's "his
    /// government" or "his country" stands for that person's country.
    fn folded(&self, i: usize) -> Option<ActorId> {
        let (a, _) = self.words[i].actor?;
        let last = self.mention_end(i) - 1;
        if self.kind_of(a) == ActorKind::Person && self.has(last, Tab::CountryParts) {
            return self.doc.country_of(a).or(self.doc.main_country);
        }
        Some(a)
    }

    /// Whether word `i` belongs to a verb group (auxiliaries, negations,
    /// adverbs) skipped between a subject and its verb.
    fn in_group(&self, i: usize) -> bool {
        let w = &self.words[i];
        if w.punct || w.actor.is_some() {
            return false;
        }
        let l = self.low(i);
        self.has(i, Tab::VerbGroup)
            || self.has(i, Tab::Negations)
            || (l.len() > 4 && l.ends_with("ly") && !w.capital && l != "only")
    }

    fn group_start(&self, i: usize) -> usize {
        let mut j = i;
        while j > 0 && i - j < 8 {
            if self.in_group(j - 1) {
                j -= 1;
            } else if j >= 2 && self.time_phrase(j - 2) {
                // "X on Monday said", "X late on Thursday rejected".
                j -= 2;
            } else {
                break;
            }
        }
        j
    }

    /// "on Monday", "in March", "last week": a time phrase of two words
    /// starting at `k`.
    fn time_phrase(&self, k: usize) -> bool {
        self.is(
            k,
            &[
                "on", "in", "last", "this", "next", "late", "early", "earlier",
            ],
        ) && (self.is(k + 1, &["week", "month", "year", "night", "weekend"])
            || Lexicon::has(&self.lex.calendar, self.low(k + 1)))
    }

    /// Whether the verb group `[g, i)` holds a negation.
    fn negated(&self, g: usize, i: usize) -> bool {
        (g..i).any(|k| self.has(k, Tab::Negations))
            || (g..i).any(|k| self.low(k) == "no" && self.low(k + 1) == "longer")
    }

    /// The possessor of the noun at `k` ("Iraq's", "its", "my"), if any,
    /// with at most one adjective between ("our major commitment").
    fn possessor(&self, k: usize) -> Option<Subj> {
        self.possessor_at(k.checked_sub(1)?).or_else(|| {
            // Only a pronoun reaches over a word: "Chile's oil demand" is
            // no demand of Chile's.
            let adj = k.checked_sub(1)?;
            let p = adj.checked_sub(1)?;
            if self.words[adj].punct
                || self.words[adj].actor.is_some()
                || !self.is(p, &["my", "our", "its", "their", "his", "her"])
            {
                return None;
            }
            self.possessor_at(p)
        })
    }

    fn possessor_at(&self, p: usize) -> Option<Subj> {
        match self.low(p) {
            "'s" if p > 0 => {
                if self.words[p - 1].actor.is_some() {
                    self.folded(p - 1).map(Subj::Possessor)
                } else if self.has(p - 1, Tab::OrgParts) {
                    Some(Subj::OrgPart(p - 1))
                } else {
                    None
                }
            }
            "my" => Some(Subj::First(false)),
            "our" => Some(Subj::First(true)),
            "its" | "their" | "his" | "her" => Some(Subj::Pronoun(p)),
            _ => None,
        }
    }

    /// The subject before the verb group that ends at word `i`.
    fn subject(&self, i: usize) -> Subj {
        let j = self.group_start(i);
        if j == 0 {
            return Subj::None;
        }
        let k = j - 1;
        let w = &self.words[k];
        if w.actor.is_some() {
            let ms = self.mention_start(k);
            if self.object_at(ms) {
                return Subj::Noun(None, false);
            }
            return match self.folded(k) {
                Some(a) => Subj::Actor(a),
                None => Subj::Noun(None, false),
            };
        }
        let l = self.low(k);
        match l {
            "we" => Subj::First(true),
            "i" => Subj::First(false),
            "he" | "she" | "it" | "they" => Subj::Pronoun(k),
            "," | "--" | "-" | "—" => Subj::Comma(k),
            "and" | "but" | "or" => Subj::Conj(k),
            "who" | "which" | "that" => Subj::Rel(k),
            "'s" if k > 0 => self.possessor(k + 1).unwrap_or(Subj::Noun(None, false)),
            _ if self.has(k, Tab::OrgParts) => Subj::OrgPart(k),
            _ if self.has(k, Tab::OwnerNouns) => {
                // "my pledge to veto": the pledge's owner.
                self.possessor(k).unwrap_or(Subj::Noun(None, false))
            }
            _ => {
                // A noun modified by an actor: "US officials", "the Farm
                // Bureau proposal", "the Nile Ledger news site".
                let lo = k.saturating_sub(2);
                let modifier = (lo..k)
                    .rev()
                    .take_while(|&j| {
                        self.words[j].actor.is_some()
                            || (!self.words[j].punct && !self.words[j].capital)
                    })
                    .find(|&j| self.words[j].actor.is_some())
                    .and_then(|j| self.folded(j));
                Subj::Noun(modifier, self.has(k, Tab::SpeakerNouns))
            }
        }
    }

    /// The nearest mention before this sentence (back to the previous
    /// sentence's start) whose actor passes `ok`.
    fn earlier(&self, ok: impl Fn(ActorKind) -> bool) -> Option<ActorId> {
        self.doc.marks[..self.first_mark]
            .iter()
            .rev()
            .take(WINDOW)
            .take_while(|(s, _)| s.start >= self.prev_start)
            .find(|(_, a)| ok(self.kind_of(*a)))
            .map(|(_, a)| *a)
    }

    /// The actor a pronoun that is no mention stands for: the nearest
    /// compatible subject-like mention before it in the sentence, else in
    /// the sentence before.
    fn resolve_pronoun(&self, k: usize) -> Option<ActorId> {
        let person = matches!(self.low(k), "he" | "she" | "his" | "her" | "him");
        let lo = k.saturating_sub(WINDOW);
        let here = (lo..k).rev().find_map(|j| {
            let (a, _) = self.words[j].actor?;
            if (self.kind_of(a) == ActorKind::Person) != person || !self.subject_like(j) {
                return None;
            }
            self.folded(j)
        });
        here.or_else(|| self.earlier(|kind| (kind == ActorKind::Person) == person))
    }

    /// The side a speaker stands for when saying "we": the organisation or
    /// country of its description, else (for an office holder) the
    /// document's main country; an analyst, an anonymous source or a
    /// non-person speaks for itself.
    fn side(&self, speaker: ActorId) -> ActorId {
        let a = &self.doc.actors[speaker];
        if a.kind != ActorKind::Person || self.doc.analyst(speaker) {
            return speaker;
        }
        let office = a.role.is_some() && a.mentions.iter().any(|m| m.kind == MentionKind::Name);
        self.doc
            .org_of(speaker)
            .or(self.doc.country_of(speaker))
            .or(self.doc.main_country.filter(|_| office))
            .unwrap_or(speaker)
    }

    /// The subject of the clause before a comma: the head of an apposition
    /// ("…, Jorge Cadenas, manager of …, said"), else the sentence's first
    /// subject-like actor.
    fn comma_subject(&self, k: usize) -> Option<ActorId> {
        let lo = k.saturating_sub(WINDOW);
        let mut j = k;
        while j > lo {
            j -= 1;
            if self.words[j].actor.is_none() {
                continue;
            }
            let ms = self.mention_start(j);
            let me = self.mention_end(j);
            let head = self.low(me) == ","
                && (ms == 0 || matches!(self.low(ms - 1), "," | ";" | "--" | "-"));
            if head && me < k {
                return self.folded(j);
            }
            j = ms;
        }
        self.first_subject(k)
    }

    /// The first subject-like actor of the clause before word `k` (from the
    /// last reporting verb or "that" before it, else the sentence start).
    fn first_subject(&self, k: usize) -> Option<ActorId> {
        let lo = k.saturating_sub(WINDOW);
        let clause = (lo..k)
            .rev()
            .find(|&j| {
                self.is(j, &["that", ";"])
                    || (self.has(j, Tab::Reporting) && self.words[j].actor.is_none())
            })
            .map_or(lo, |j| j + 1);
        let found = self.first_subject_from(clause, k);
        if found.is_some() || clause == lo {
            return found;
        }
        self.first_subject_from(lo, k)
    }

    fn first_subject_from(&self, lo: usize, k: usize) -> Option<ActorId> {
        let mut j = lo;
        while j < k {
            if self.words[j].actor.is_some() {
                if self.subject_like(j) {
                    return self.folded(j);
                }
                j = self.mention_end(j);
                continue;
            }
            if self.is(j, &["he", "she"]) {
                return self.resolve_pronoun(j);
            }
            if self.is(j, &["it", "they"]) {
                return self.resolve_pronoun_org(j);
            }
            j += 1;
        }
        None
    }

    /// The antecedent of "who"/"which" at `k`.
    fn antecedent(&self, k: usize) -> Option<ActorId> {
        let mut j = k.checked_sub(1)?;
        if self.low(j) == "," {
            j = j.checked_sub(1)?;
        }
        self.words[j].actor.and_then(|_| self.folded(j))
    }

    /// "its board", "his government", "the government", "the company": the
    /// possessor's side; a person's government or country is that person's
    /// country.
    fn org_part(&self, k: usize, i: usize) -> Option<ActorId> {
        let country_like = self.has(k, Tab::CountryParts);
        let p = k.checked_sub(1)?;
        let owner_word = if self.low(p) == "'s" {
            p.checked_sub(1)
        } else {
            Some(p)
        };
        let owner = match owner_word {
            Some(w) if self.words[w].actor.is_some() => self.folded(w),
            _ => match self.low(p) {
                "its" | "their" => self.resolve_pronoun_org(p).or_else(|| self.speaker(i)),
                "his" | "her" => self.resolve_pronoun(p).or_else(|| self.speaker(i)),
                "the" | "this" if country_like => return self.doc.main_country,
                "the" | "this" => {
                    // "the company", "the organization": one named before in
                    // the sentence, else the article's main organisation.
                    let lo = k.saturating_sub(WINDOW);
                    return (lo..k)
                        .rev()
                        .find_map(|j| {
                            let (a, _) = self.words[j].actor?;
                            (self.kind_of(a) == ActorKind::Organization && self.subject_like(j))
                                .then_some(a)
                        })
                        .or(self.doc.main_org);
                }
                "our" => self.speaker(i).map(|s| self.side(s)),
                _ => None,
            },
        }?;
        if country_like && self.kind_of(owner) == ActorKind::Person {
            return self.doc.country_of(owner).or(self.doc.main_country);
        }
        Some(owner)
    }

    fn resolve_pronoun_org(&self, k: usize) -> Option<ActorId> {
        let lo = k.saturating_sub(WINDOW);
        let here = (lo..k).rev().find_map(|j| {
            if self.words[j].actor.is_none()
                && j > 0
                && self.is(j - 1, &["the", "this"])
                && self.has(j, Tab::OrgParts)
            {
                return self.org_part(j, k);
            }
            let (a, _) = self.words[j].actor?;
            (self.kind_of(a) != ActorKind::Person && self.subject_like(j))
                .then(|| self.folded(j))
                .flatten()
        });
        here.or_else(|| self.earlier(|kind| kind != ActorKind::Person))
    }

    /// The actor a subject stands for; unresolved pronouns are the speaker
    /// when `speaker_ok`.
    fn subject_actor(&self, s: Subj, i: usize, speaker_ok: bool) -> Option<ActorId> {
        match s {
            Subj::Actor(a) | Subj::Possessor(a) => Some(a),
            Subj::First(we) => {
                let sp = self.speaker(i)?;
                Some(if we { self.side(sp) } else { sp })
            }
            Subj::Pronoun(k) => {
                let r = if self.is(k, &["it", "they", "its", "their"]) {
                    self.resolve_pronoun_org(k)
                } else {
                    self.resolve_pronoun(k)
                };
                r.or_else(|| if speaker_ok { self.speaker(i) } else { None })
            }
            Subj::Comma(k) => self.comma_subject(k),
            Subj::Conj(k) => {
                // "he said X was …, and urged Y": a speech verb coordinated
                // after a reporting clause is the reporter's.
                let speech = self
                    .lex
                    .speech_base(self.low(i))
                    .is_some_and(|b| !self.lex.weak_cues.contains(b));
                match self.reps().iter().rev().find(|r| r.0 < k) {
                    Some(&(_, a, _)) if speech => Some(a),
                    _ => self.first_subject(k),
                }
            }
            Subj::Rel(k) => self.antecedent(k),
            Subj::OrgPart(k) => self.org_part(k, i),
            Subj::Noun(..) | Subj::None => None,
        }
    }

    /// The agent of a passive: "demanded by the National Liberation Army".
    fn by_agent(&self, end: usize) -> Option<ActorId> {
        if self.low(end) != "by" {
            return None;
        }
        (end + 1..(end + 7).min(self.words.len()))
            .take_while(|&k| !self.words[k].punct || self.low(k) == "(")
            .find_map(|k| {
                if self.words[k].actor.is_some() {
                    self.folded(k)
                } else {
                    None
                }
            })
    }

    /// Whether the verb at `i` is a passive without its agent ("would be
    /// rejected"): then its subject is what is acted on.
    fn passive(&self, g: usize, i: usize, end: usize) -> bool {
        let be = (g..i).any(|k| self.is(k, &["be", "is", "are", "was", "were", "been", "being"]));
        let participle = self.low(end - 1).ends_with("ed") || self.low(end - 1).ends_with("en");
        be && participle && self.low(end) != "to" && self.by_agent(end).is_none()
    }

    fn reps(&self) -> &[(usize, ActorId, bool)] {
        if self.in_reps.get() {
            return &[];
        }
        self.reps.get_or_init(|| {
            self.in_reps.set(true);
            let reps = self.reporting();
            self.in_reps.set(false);
            reps
        })
    }

    /// Reporting verbs and who reports: "X said", "said X", "according to
    /// X", "quoted X as saying".
    fn reporting(&self) -> Vec<(usize, ActorId, bool)> {
        let mut out = Vec::new();
        for k in 0..self.words.len() {
            if self.words[k].quote.is_some() || self.words[k].actor.is_some() {
                continue;
            }
            let l = self.low(k);
            let after = |from: usize| {
                (from..(from + 4).min(self.words.len()))
                    .take_while(|&j| !self.words[j].punct)
                    .find_map(|j| self.words[j].actor.and_then(|_| self.folded(j)))
            };
            if let Some(len) = self.longest(k, Tab::According) {
                if let Some(a) = after(k + len) {
                    out.push((k, a, self.post_posed(k)));
                }
                continue;
            }
            if !self.has(k, Tab::Reporting) {
                continue;
            }
            if matches!(l, "quoted" | "quoting" | "quotes") {
                // "X was quoted as saying": X; "quoted X as saying": X.
                let passive = k > 0 && self.is(k - 1, &["was", "is", "were", "been"]);
                let who = if passive {
                    let s = self.subject(k);
                    self.subject_actor(s, k, false)
                } else {
                    after(k + 1)
                };
                if let Some(a) = who {
                    // "… as saying" attributes what comes before it too.
                    out.push((k, a, true));
                }
                continue;
            }
            // Inverted: `…," said Dean Kleckner` (never "told X": X listens).
            let inverted = || {
                if matches!(
                    l,
                    "said"
                        | "says"
                        | "added"
                        | "adds"
                        | "wrote"
                        | "writes"
                        | "noted"
                        | "stated"
                        | "explained"
                        | "insisted"
                        | "warned"
                        | "declared"
                        | "continued"
                ) {
                    after(k + 1)
                } else {
                    None
                }
            };
            let subj = self.subject(k);
            let inv = matches!(subj, Subj::None | Subj::Comma(_))
                .then(inverted)
                .flatten();
            let who = inv.or_else(|| match subj {
                Subj::Noun(m, speaks) => m.filter(|_| speaks),
                Subj::None => None,
                s => self.subject_actor(s, k, false),
            });
            if let Some(a) = who {
                let post = inv.is_some() || self.post_posed(self.group_start(k));
                out.push((k, a, post));
            }
        }
        out
    }

    /// Whether the attribution whose verb group starts at `g` is
    /// post-posed: its subject follows a comma or a closing quote ("…, the
    /// official said").
    fn post_posed(&self, g: usize) -> bool {
        let Some(k) = g.checked_sub(1) else {
            return false;
        };
        let mut j = k;
        if self.words[k].actor.is_some() {
            j = self.mention_start(k);
        } else {
            // "a Kenyan diplomat", "the official": a short noun phrase.
            while j > 0 && k - j < 4 && !self.words[j - 1].punct {
                j -= 1;
            }
        }
        j > 0 && (self.low(j - 1) == "," || self.words[j].opens)
    }

    /// The reporting clauses that can frame word `i`: those before it, the
    /// nearest first, then post-posed ones after it.
    fn framing(&self, i: usize) -> impl Iterator<Item = ActorId> + '_ {
        let reps = self.reps();
        let at = reps.partition_point(|r| r.0 < i);
        let before = reps[..at].iter().rev().take(4);
        let after = reps[at..].iter().filter(|r| r.2).take(4);
        before.chain(after).map(|r| r.1)
    }

    /// Who says what word `i` is in: the quote's speaker, else the nearest
    /// reporting clause before it, else a post-posed one after it.
    fn speaker(&self, i: usize) -> Option<ActorId> {
        if let Some(q) = self.words.get(i).and_then(|w| w.quote)
            && let Some(a) = self.doc.quotes[q].1
        {
            return Some(a);
        }
        // Else a quote in the sentence whose speaker is known.
        self.framing(i).next().or(self.quote_speaker)
    }

    /// Who reports the sentence, other than `holder`.
    fn source(&self, i: usize, holder: Option<ActorId>) -> Option<ActorId> {
        let q = self
            .words
            .get(i)
            .and_then(|w| w.quote)
            .and_then(|q| self.doc.quotes[q].1);
        q.into_iter()
            .chain(self.framing(i))
            .find(|&a| Some(a) != holder)
    }

    /// Whether a hedge governs the cue at `i`: a hedge word earlier in its
    /// clause (bounded), or the sentence is a question.
    fn hedge_before(&self, i: usize, own_if: bool) -> bool {
        if self.question {
            return true;
        }
        let lo = i.saturating_sub(HEDGE_WINDOW);
        let mut k = i;
        while k > lo {
            k -= 1;
            let l = self.low(k);
            if matches!(
                l,
                ";" | ":" | "--" | "—" | "but" | "although" | "though" | "whereas"
            ) {
                break;
            }
            if !self.starts(k, Tab::Hedges) || (self.words[k].capital && !self.words[k].opens) {
                continue;
            }
            match l {
                "if" => {
                    let cond = self
                        .cue_at(k)
                        .is_some_and(|(_, c)| c.class == CueClass::Condition);
                    if own_if || cond || (k > 0 && self.is(k - 1, &["only", "even", "as"])) {
                        continue;
                    }
                    return true;
                }
                "could" | "may" | "might" => {
                    if self.has(k + 1, Tab::Negations) {
                        continue;
                    }
                    return true;
                }
                _ => return true,
            }
        }
        false
    }

    fn hedged(&self, i: usize, end: usize, own_if: bool) -> bool {
        self.hedge_before(i, own_if) || self.cancelled(i, end)
    }

    /// Whether a cancelling phrase overlaps or touches words `[i, end)`.
    fn cancelled(&self, i: usize, end: usize) -> bool {
        let lo = i.saturating_sub(4);
        (lo..end).any(|k| {
            self.longest(k, Tab::Cancels)
                .is_some_and(|len| k + len >= i)
        })
    }

    /// A red line's holder when the phrase states it: "to X", "for X"
    /// right after, or "X's" right before.
    fn named_party(&self, i: usize, end: usize) -> Option<ActorId> {
        if self.is(end, &["to", "for"]) {
            let mut k = end + 1;
            if self.is(k, &["the"]) {
                k += 1;
            }
            if k < self.words.len() && self.words[k].actor.is_some() {
                return self.folded(k);
            }
            // A place after "to" may be no mention ("unacceptable to
            // Peru"): an actor named so elsewhere.
            if self.words.get(k).is_some_and(|w| w.capital) {
                return self.named_at(k);
            }
        }
        if i >= 2 && self.low(i - 1) == "'s" && self.words[i - 2].actor.is_some() {
            return self.folded(i - 2);
        }
        None
    }

    /// The actor whose name (as it is written elsewhere) starts at word `k`.
    fn named_at(&self, k: usize) -> Option<ActorId> {
        let index = self.doc.name_index();
        let forms = index.get(self.low(k))?;
        forms
            .iter()
            .filter(|(form, _)| {
                form.iter()
                    .enumerate()
                    .all(|(j, w)| k + j < self.words.len() && self.low(k + j) == w)
            })
            .max_by_key(|(form, _)| form.len())
            .map(|(_, a)| *a)
    }

    /// The party a red line reported by an analyst is about: the country or
    /// organisation nearest to the cue in its sentence, other than the
    /// analyst.
    fn party_near(&self, i: usize, analyst: ActorId) -> Option<ActorId> {
        let mut best: Option<(usize, ActorId)> = None;
        let lo = i.saturating_sub(WINDOW);
        let hi = (i + WINDOW).min(self.words.len());
        for (k, w) in self.words.iter().enumerate().take(hi).skip(lo) {
            let Some((a, _)) = w.actor else { continue };
            if a == analyst
                || self.kind_of(a) == ActorKind::Person
                || self.doc.org_of(analyst) == Some(a)
            {
                continue;
            }
            let d = k.abs_diff(i);
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, self.folded(k).unwrap_or(a)));
            }
        }
        best.map(|(_, a)| a)
    }

    fn is_analyst(&self, a: Option<ActorId>) -> bool {
        a.is_some_and(|a| self.doc.analyst(a))
    }

    fn trigger(&self, from: usize, end: usize) -> Span {
        let s = self.words[from].span;
        let e = self.words[end.max(from + 1) - 1].span;
        Span {
            start: s.start,
            end: e.end,
        }
    }

    /// Whether a cue may start at word `i`: no word of a name ("National
    /// Press Club", "U.S. Attack"), no capital inside a sentence.
    fn cue_ok(&self, i: usize) -> bool {
        let w = &self.words[i];
        if self.headline {
            return true;
        }
        !w.capital && w.actor.is_none() || w.opens || i == 0
    }

    /// Whether a cue can be in the sentence: it holds the longest word of
    /// some cue phrase, or a negation (for "never be negotiated").
    fn has_cues(&self) -> bool {
        let any = Tab::Anchor.word() | Tab::Negations.word();
        self.cls.iter().any(|c| c & any != 0)
    }

    /// The candidate positions of the sentence, in order.
    fn candidates(&self) -> Vec<Cand> {
        let mut out = Vec::new();
        let n = self.words.len();
        let mut i = 0;
        // Where the content of a directive ("urged X to …") ends: cues
        // before it are what is demanded, nobody's stance.
        let mut content_until = 0;
        while i < n {
            if i < content_until
                && (matches!(self.low(i), ";")
                    || (self.low(i) == "," && self.is(i + 1, &["and", "but"]))
                    || (self.words[i].quote.is_none() && self.has(i, Tab::Reporting)))
            {
                content_until = 0;
            }
            if let Some(len) = self.longest(i, Tab::Ignore) {
                i += len;
                continue;
            }
            if let Some(c) = self.negotiable_at(i) {
                out.push(Cand {
                    rule: "negated-negotiable",
                    ..c
                });
            }
            let Some((len, cue)) = self.cue_at(i) else {
                i += 1;
                continue;
            };
            if !self.cue_ok(i) {
                i += 1;
                continue;
            }
            let end = i + len;
            if i >= content_until
                && let Some(c) = self.evaluate(cue, i, end)
            {
                let c = Cand {
                    rule: cue.class.rule(),
                    ..c
                };
                if cue.class == CueClass::Stance && self.starts(i, Tab::Directive) {
                    content_until = end + CONTENT_WINDOW;
                }
                out.push(c);
            }
            i = end;
        }
        out
    }

    /// "will never be subject to negotiation", "would "never" be on the
    /// negotiating table", "is not up for negotiation": a negation, a form
    /// of "be", then a negotiation word within five words.
    fn negotiable_at(&self, i: usize) -> Option<Cand> {
        if !self.has(i, Tab::Negations) {
            return None;
        }
        let n = self.words.len();
        let be = |k: usize| self.is(k, &["be", "is", "are", "was", "were", "been"]);
        // "is not up for …" (be first) or "will never be …" (be after).
        let (start, from) = if i > 0 && be(i - 1) {
            (i - 1, i + 1)
        } else {
            let mut k = i + 1;
            while k < n && k - i < 3 && !be(k) && self.in_group(k) {
                k += 1;
            }
            if k >= n || !be(k) {
                return None;
            }
            (i, k + 1)
        };
        // Only a modal makes a plain participle a limit ("will never be
        // traded away"); "is not traded" and "was not negotiated" are facts.
        let g = self.group_start(start);
        let modal = (g..from).any(|k| {
            self.is(
                k,
                &[
                    "will", "would", "shall", "can", "could", "must", "'ll", "won't", "wouldn't",
                    "cannot", "can't", "never",
                ],
            )
        });
        let hit = (from..(from + 5).min(n))
            .take_while(|&j| !matches!(self.low(j), "," | ";" | "." | "but" | "because"))
            .find(|&j| {
                self.starts(j, Tab::Negotiable)
                    && (modal
                        || self.is(
                            j,
                            &[
                                "negotiable",
                                "negotiation",
                                "negotiations",
                                "table",
                                "bargaining",
                            ],
                        ))
            })?;
        if self.cancelled(start, hit + 1) {
            return None;
        }
        // "the negotiating table": the phrase runs to its noun.
        let mut end = hit + 1;
        while end < n && end < hit + 3 && self.starts(end, Tab::Negotiable) {
            end += 1;
        }
        self.red_line_phrase(start, end, PositionKind::Refusal)
    }

    fn evaluate(&self, cue: Cue, i: usize, end: usize) -> Option<Cand> {
        use CueClass as C;
        match cue.class {
            C::RedLinePhrase => {
                // "not a red line", "no red line".
                if i > 0
                    && self.is(i - 1, &["not", "no", "never"])
                    && cue.kind == PositionKind::Condition
                {
                    return None;
                }
                self.red_line_phrase(i, end, cue.kind)
            }
            C::Refusal => self.refusal(i, end),
            C::Negatable => self.negatable(i, end),
            C::Condition => self.condition(i, end),
            C::Necessity => self.necessity(i, end),
            C::Stance => self.stance(cue.kind, i, end),
            C::Evaluation => self.evaluation(i, end),
            C::NoComment => {
                let holder = self.holder_of_verb(i, end, true)?;
                Some(self.cand(holder, PositionKind::Refusal, false, i, end))
            }
        }
    }

    fn cand(
        &self,
        holder: Option<ActorId>,
        kind: PositionKind,
        red: bool,
        i: usize,
        end: usize,
    ) -> Cand {
        Cand {
            holder,
            kind,
            red_line: red,
            trigger: self.trigger(i, end),
            source: self.source(i, holder),
            weak: false,
            rule: "",
        }
    }

    /// The holder of a verb cue: the passive's agent or the subject. In a
    /// headline the holder comes later (`Some(None)`).
    fn holder_of_verb(&self, i: usize, end: usize, speaker_ok: bool) -> Option<Option<ActorId>> {
        if self.headline {
            return Some(None);
        }
        if let Some(a) = self.by_agent(end) {
            return Some(Some(a));
        }
        // A cue that starts with "we"/"I": "we need", "we expect".
        if self.is(i, &["we", "i"]) {
            return self
                .subject_actor(Subj::First(self.is(i, &["we"])), i, false)
                .map(Some);
        }
        let g = self.group_start(i);
        if self.passive(g, i, end) {
            return None;
        }
        // A gerund after a preposition: "in rejecting the offer".
        if g > 0 && self.low(i).ends_with("ing") && self.is_preposition(g - 1) {
            return self.actor_before(g - 1).map(Some);
        }
        // A noun that carries its owner's stance: "its support of", "X's
        // commitment".
        let owned = self
            .sl
            .owner_nouns
            .has_word(self.low(i))
            .then(|| self.possessor(i))
            .flatten();
        let s = owned.unwrap_or_else(|| self.subject(i));
        self.subject_actor(s, i, speaker_ok).map(Some)
    }

    fn red_line_phrase(&self, i: usize, end: usize, kind: PositionKind) -> Option<Cand> {
        if self.headline {
            return Some(self.cand(None, kind, !self.hedged(i, end, false), i, end));
        }
        if let Some(a) = self.by_agent(end) {
            // "the conditions demanded by X": X's, whatever governs it.
            return Some(self.cand(Some(a), kind, !self.question, i, end));
        }
        let hedged = self.hedged(i, end, false);
        if let Some(a) = self.named_party(i, end) {
            return Some(self.cand(Some(a), kind, !hedged, i, end));
        }
        let g = self.group_start(i);
        let subj = match self.subject(g.min(i)) {
            s @ (Subj::Actor(_)
            | Subj::Possessor(_)
            | Subj::OrgPart(_)
            | Subj::Comma(_)
            | Subj::Conj(_)) => self.subject_actor(s, i, false),
            _ => None,
        };
        let speaker = self.speaker(i);
        let holder = subj.or(speaker)?;
        if Some(holder) == speaker && self.is_analyst(speaker) {
            // An analyst's red line is the party's; without one it is the
            // analyst's assessment.
            return Some(match self.party_near(i, holder) {
                Some(p) => Cand {
                    source: Some(holder),
                    ..self.cand(Some(p), kind, !hedged, i, end)
                },
                None => self.cand(Some(holder), PositionKind::Assessment, false, i, end),
            });
        }
        Some(self.cand(Some(holder), kind, !hedged, i, end))
    }

    fn refusal(&self, i: usize, end: usize) -> Option<Cand> {
        let g = self.group_start(i);
        let holder = self.holder_of_verb(i, end, true)?;
        if self.negated(g, i) || self.cancelled(i, end) {
            // "did not reject", "would not rule out": a concession.
            return Some(self.cand(holder, PositionKind::Offer, false, g, end));
        }
        let red = !self.hedged(i, end, false) && !self.is_analyst(holder);
        Some(self.cand(holder, PositionKind::Refusal, red, i, end))
    }

    fn negatable(&self, i: usize, end: usize) -> Option<Cand> {
        let g = self.group_start(i);
        if !self.negated(g, i) {
            return None;
        }
        // Capability and past fact are no refusal: "would not be able to
        // pay", "did not attend".
        if (g..i).any(|k| self.is(k, &["able", "did", "didn't", "unable", "had", "hadn't"])) {
            return None;
        }
        let holder = self.holder_of_verb(i, end, true)?;
        let red = !self.hedged(g, end, false) && !self.is_analyst(holder);
        Some(self.cand(holder, PositionKind::Refusal, red, g, end))
    }

    /// The nearest subject-like actor before word `i`; pronouns resolved;
    /// "we" is the speaker's side.
    fn actor_before(&self, i: usize) -> Option<ActorId> {
        let lo = i.saturating_sub(WINDOW);
        let mut k = i;
        while k > lo {
            k -= 1;
            if self.words[k].actor.is_some() {
                if self.subject_like(k) {
                    return self.folded(k);
                }
                k = self.mention_start(k);
                continue;
            }
            match self.low(k) {
                "it" | "they" => {
                    if let Some(a) = self.resolve_pronoun_org(k) {
                        return Some(a);
                    }
                }
                "he" | "she" => {
                    if let Some(a) = self.resolve_pronoun(k) {
                        return Some(a);
                    }
                }
                "we" => return self.speaker(k).map(|s| self.side(s)),
                "i" => return self.speaker(k),
                _ => {}
            }
        }
        self.speaker(i)
    }

    fn condition(&self, i: usize, end: usize) -> Option<Cand> {
        if self.is(i, &["or"]) {
            // An ultimatum ("… or face retaliation") is the speaker's.
            let holder = if self.headline {
                None
            } else {
                Some(self.speaker(i)?)
            };
            let red = !self.hedged(i, end, true) && !self.is_analyst(holder);
            return Some(self.cand(holder, PositionKind::Condition, red, i, end));
        }
        // Volition in the clause before: "willing to negotiate … only if".
        let lo = i.saturating_sub(WINDOW);
        let volition = (lo..i).rev().any(|k| self.starts(k, Tab::Volition));
        if !volition {
            return None;
        }
        let holder = if self.headline {
            None
        } else {
            Some(self.actor_before(i)?)
        };
        let red = !self.hedged(i, end, true) && !self.is_analyst(holder);
        Some(self.cand(holder, PositionKind::Condition, red, i, end))
    }

    fn necessity(&self, i: usize, end: usize) -> Option<Cand> {
        // Hedged necessity is a forecast: "may need to", "might have to".
        let g = self.group_start(i);
        let lo = g.saturating_sub(3);
        if (lo..i).any(|k| self.is(k, &["may", "might", "could", "if", "whether"])) {
            return None;
        }
        // Epistemic "must have been".
        if self.is(i, &["must"]) && self.is(end, &["have"]) {
            return None;
        }
        let should = self.is(i, &["should"]);
        let subj = self.subject(i);
        // A condition put on a deal: "any deal … would have to include".
        let deal = (i.saturating_sub(10)..i).any(|k| {
            self.is(k, &["any", "every"])
                && (k + 1..(k + 4).min(i)).any(|j| self.starts(j, Tab::DealNouns))
        });
        // A normative "should" needs an actor, "we", a passive or "there":
        // "profits should surge" is a forecast.
        let normative = deal
            || matches!(subj, Subj::Actor(_) | Subj::First(_) | Subj::Pronoun(_))
            || self.is(end, &["be", "not"])
            || (g > 0 && self.is(g - 1, &["there"]));
        if should && !normative {
            return None;
        }
        let speaker = self.speaker(i);
        let holder = if self.headline {
            None
        } else {
            let own = match subj {
                Subj::First(_) => self.subject_actor(subj, i, false),
                _ => None,
            };
            Some(
                own.or(speaker)
                    .or_else(|| self.subject_actor(subj, i, false))?,
            )
        };
        let strong = self.starts(end, Tab::NecessityStrong)
            || (i.saturating_sub(3)..i).any(|k| self.is(k, &["first"]))
            || (i.saturating_sub(WINDOW)..i).any(|k| self.starts(k, Tab::Insist));
        let red =
            (deal || strong) && !should && !self.is_analyst(holder) && !self.hedged(i, end, false);
        let kind = if red {
            PositionKind::Condition
        } else {
            PositionKind::Demand
        };
        Some(self.cand(holder, kind, red, i, end))
    }

    fn stance(&self, kind: PositionKind, i: usize, end: usize) -> Option<Cand> {
        let g = self.group_start(i);
        // Predicted or hypothetical stances are no positions.
        if self.hedge_before(g, false) {
            return None;
        }
        let negated = self.negated(g, i);
        if negated && kind == PositionKind::Offer {
            // "not prepared to discuss": the refusal that follows says it.
            return None;
        }
        let holder = self.holder_of_verb(i, end, true)?;
        let kind = match (negated, kind) {
            (true, PositionKind::Support) => PositionKind::Opposition,
            (true, PositionKind::Opposition) => PositionKind::Offer,
            (_, k) => k,
        };
        let weak = g > 0 && self.low(g - 1) == "'s";
        Some(Cand {
            weak,
            ..self.cand(holder, kind, false, i, end)
        })
    }

    fn evaluation(&self, i: usize, end: usize) -> Option<Cand> {
        // Only in someone's words: a quote, or a sentence with a reporting
        // clause.
        if self.words[i].quote.is_none() && self.reps().is_empty() {
            return None;
        }
        let holder = if self.headline {
            None
        } else {
            Some(self.speaker(i)?)
        };
        Some(self.cand(holder, PositionKind::Assessment, false, i, end))
    }
}

mod scan;
#[cfg(test)]
mod tests;

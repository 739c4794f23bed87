//! The trained stance model behind the rules: for each sentence, how likely
//! it states a position and how likely a red line, from what a linguist
//! would look at — its words, the event class of its verbs (CAMEO), its
//! verb groups (negation, modality, voice), its clauses (conditions,
//! "unless", "until"), whether it is attributed speech, and what the cue
//! rules decided. A logistic model over hashed features; the weights and
//! thresholds are data (`assets/stances/model.bin`), learned and chosen by
//! cross-validation by article (`examples/train-stances.rs`).
//!
//! The model sits after the rules (the stance seam): it may veto the
//! rules' positions in a sentence it judges to hold none, add a position to
//! a sentence the rules passed over (its holder from the syntax: the
//! quote's speaker, else the actor subject of its stance verb, else of a
//! reporting verb), and decide whether a position is a red line.

use std::ops::Range;

use super::tokens::{self, Kind, Token};
use crate::lexicon::verb_classes::VerbClass;
use crate::lexicon::{Lexicon, class};
use crate::model::{ActorId, Analysis, MentionKind, Position, PositionKind};
use crate::span::Span;

const MAGIC: &[u8; 4] = b"BSTM";
const HEADER: usize = 4 + 4 + 4 + 4 + 4 * 4;

/// The decisions a model's thresholds make (probabilities, 0–1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// Add a position to a sentence the rules passed over above this.
    pub add: f32,
    /// Drop the rules' positions of a sentence below this.
    pub veto: f32,
    /// Make a position the model adds a red line above this.
    pub red_on: f32,
    /// Make a rule's red line a plain position below this.
    pub red_off: f32,
}

impl Thresholds {
    /// Thresholds that change nothing the rules decided.
    pub const RULES_ONLY: Thresholds = Thresholds {
        add: 2.0,
        veto: -1.0,
        red_on: 2.0,
        red_off: -1.0,
    };
}

/// A model read in place from its bytes: two weight vectors (position, red
/// line) over `2^bits` hashed features, as `i16` times `scale`.
#[derive(Clone, Copy, Debug)]
pub struct StanceModel<'a> {
    bits: u32,
    scale: f32,
    pub thresholds: Thresholds,
    weights: &'a [u8],
    /// The most the facts of a sentence without a rule position add to
    /// its position sum (see [`StanceModel::may_add`]).
    best_facts: f32,
}

/// Why a model's bytes cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("stance model: {0}")]
pub struct BadModel(&'static str);

impl<'a> StanceModel<'a> {
    pub fn from_bytes(b: &'a [u8]) -> Result<StanceModel<'a>, BadModel> {
        if b.len() < HEADER || &b[..4] != MAGIC {
            return Err(BadModel("not a stance model"));
        }
        let u = |o: usize| u32::from_le_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]);
        let f = |o: usize| f32::from_bits(u(o));
        if u(4) != 1 {
            return Err(BadModel("unknown version"));
        }
        let bits = u(8);
        if !(8..=24).contains(&bits) {
            return Err(BadModel("bad feature width"));
        }
        let weights = &b[HEADER..];
        if weights.len() != 2 * 2 * (1usize << bits) {
            return Err(BadModel("truncated weights"));
        }
        let mut model = StanceModel {
            bits,
            scale: f(12),
            thresholds: Thresholds {
                add: f(16),
                veto: f(20),
                red_on: f(24),
                red_off: f(28),
            },
            weights,
            best_facts: 0.0,
        };
        let weight = |f: u32| model.logits(&[f], (0.0, 0.0)).0;
        let raises: f32 = [IN_QUOTE, QUOTED_SPEAKER, FIRST_SENTENCE]
            .map(|f| weight(f).max(0.0))
            .iter()
            .sum();
        model.best_facts = weight(RULE_NONE) + raises;
        Ok(model)
    }

    /// The shipped model.
    pub fn builtin() -> StanceModel<'static> {
        static BYTES: &[u8] = include_bytes!("../../assets/stances/model.bin");
        StanceModel::from_bytes(BYTES).expect("the embedded stance model is well formed")
    }

    /// Serialises weights (`pos`, `red`, each `2^bits` long) and thresholds.
    pub fn to_bytes(bits: u32, pos: &[f32], red: &[f32], t: Thresholds) -> Vec<u8> {
        let n = 1usize << bits;
        assert!(pos.len() == n && red.len() == n);
        let max = pos.iter().chain(red).fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        let mut out = Vec::with_capacity(HEADER + 4 * n);
        out.extend_from_slice(MAGIC);
        for v in [1, bits] {
            out.extend_from_slice(&u32::to_le_bytes(v));
        }
        for v in [scale, t.add, t.veto, t.red_on, t.red_off] {
            out.extend_from_slice(&v.to_bits().to_le_bytes());
        }
        for w in pos.iter().chain(red) {
            out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
        }
        out
    }

    /// P(position), P(red line) of a sentence's features.
    pub fn score(&self, features: &[u32]) -> (f32, f32) {
        let (p, r) = self.logits(features, (0.0, 0.0));
        (sigmoid(p), sigmoid(r))
    }

    /// The sums of the weights of `features` (position, red line) added to
    /// `from`, one feature after the other: summing a sentence's features
    /// in two parts gives the sums of the whole, to the bit.
    fn logits(&self, features: &[u32], from: (f32, f32)) -> (f32, f32) {
        let n = 1usize << self.bits;
        // Each table's weights as little-endian `i16`s.
        let (pos, red) = self.weights.as_chunks::<2>().0.split_at(n);
        let weight = |table: &[[u8; 2]], f: u32| {
            i16::from_le_bytes(table[f as usize & (n - 1)]) as f32 * self.scale
        };
        let (mut p, mut r) = from;
        for &f in features {
            p += weight(pos, f);
            r += weight(red, f);
        }
        (p, r)
    }

    /// Whether the model may add a position to a sentence whose word
    /// features sum to `words` (see [`Self::logits`]), whatever its facts:
    /// the add threshold against the sum with every fact that raises it
    /// (a sentence it adds to has no rule position), and a margin for the
    /// rounding of the sums.
    fn may_add(&self, words: f32) -> bool {
        sigmoid(words + self.best_facts + 1e-3) > self.thresholds.add
    }

    /// Which weights a sum was made with (see [`WordFeatures`]).
    fn id(&self) -> (usize, usize) {
        (self.weights.as_ptr() as usize, self.weights.len())
    }
}

pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// FNV-1a over a feature's name parts, a separator between them.
const fn hash(parts: &[&str]) -> u32 {
    let mut h = prefix(&[]);
    let mut k = 0;
    while k < parts.len() {
        if k > 0 {
            h = fnv(h, &[SEPARATOR]);
        }
        h = fnv(h, parts[k].as_bytes());
        k += 1;
    }
    h
}

const SEPARATOR: u8 = 0x1f;

/// The FNV-1a state after `parts` and a separator: `fnv(prefix(&[a]),
/// b)` is `hash(&[a, b])`, so a feature whose last part is a word hashes
/// only the word.
const fn prefix(parts: &[&str]) -> u32 {
    if parts.is_empty() {
        return 0x811c_9dc5;
    }
    fnv(hash(parts), &[SEPARATOR])
}

/// FNV-1a from state `h` over `bytes`.
const fn fnv(mut h: u32, bytes: &[u8]) -> u32 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u32;
        h = h.wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

/// The word features' hashes that do not depend on the word.
const BIAS: u32 = hash(&["bias"]);
const SPEECH_VERB: u32 = hash(&["speech-verb"]);
const NUMBER: u32 = hash(&["w", "#"]);
const QUESTION: u32 = hash(&["question"]);
const IN_QUOTE: u32 = hash(&["in-quote"]);
const QUOTED_SPEAKER: u32 = hash(&["quoted-speaker"]);
const FIRST_SENTENCE: u32 = hash(&["first-sentence"]);
const RULE_NONE: u32 = hash(&["rule", "none"]);
const WORD: u32 = prefix(&["w"]);
const NEGATED: u32 = prefix(&["neg+"]);
const CLASS: u32 = prefix(&["class"]);
const NEGATED_CLASS: u32 = prefix(&["neg-class"]);

/// What the analysis already knows about a sentence.
struct Facts<'a> {
    /// The speaker of the speech quote the sentence sits in, if any.
    speaker: Option<ActorId>,
    in_quote: bool,
    /// The rules' positions in the sentence.
    rules: &'a [Position],
    first: bool,
}

impl<'a> Facts<'a> {
    /// Sentence `k`'s facts, from [`quote_facts`] and the rules' positions
    /// by sentence.
    fn of(k: usize, quotes: &[(bool, Option<ActorId>)], rules: &'a [Vec<Position>]) -> Facts<'a> {
        Facts {
            speaker: quotes[k].1,
            in_quote: quotes[k].0,
            rules: &rules[k],
            first: k == 0,
        }
    }
}

/// A sentence read for the model: its tokens, their lower-case forms and
/// word classes.
#[derive(Default)]
struct Reading {
    toks: Vec<Token>,
    lowered: tokens::Lowered,
}

/// Reads sentences and names their features; keeps its buffers.
#[derive(Default)]
pub(crate) struct Featurizer {
    r: Reading,
}

impl Featurizer {
    /// Reads a sentence's words (the main pass's tokenizer and lower-case
    /// forms): for a sentence the main pass named no features of.
    fn read(&mut self, text: &str, span: Span, lex: &Lexicon) {
        let r = &mut self.r;
        r.toks.clear();
        tokens::tokenize(text, span, &lex.abbreviations, &mut r.toks);
        r.lowered.fill(text, &r.toks, &lex.classes);
    }

    /// The word features of the sentence last read, and its trigger.
    fn word_features(&self, text: &str, lex: &Lexicon, out: &mut Vec<u32>) -> Option<Trigger> {
        let r = &self.r;
        word_features(text, &r.toks, &r.lowered, 0..r.toks.len(), lex, out)
    }
}

/// Features per sentence, in one buffer: what the main pass names from the
/// tokens it has (the words, their classes, the cue phrases), so that the
/// model reads no sentence twice.
#[derive(Debug, Default)]
pub(crate) struct WordFeatures {
    flat: Vec<u32>,
    /// Where each sentence's features start in `flat` (one more at the end).
    at: Vec<usize>,
    /// Each sentence's trigger, for a position the model adds to it.
    triggers: Vec<Option<Trigger>>,
    /// Each sentence's sums of the word features' weights (see
    /// [`StanceModel::logits`]), and the model they were made with: the
    /// model adds the facts' to them.
    sums: Vec<(f32, f32)>,
    summed_with: Option<(usize, usize)>,
}

/// The word that triggers a position the model adds to a sentence: the
/// first verb of an event class not after a determiner (a verb form there
/// is a noun: "the filling"), else the first stance cue phrase, else the
/// first speech verb.
#[derive(Clone, Copy, Debug)]
struct Trigger {
    span: Span,
    class: Option<VerbClass>,
    speech: bool,
}

impl WordFeatures {
    /// Room for the features of a text of `bytes` bytes (about one per
    /// word and one sentence per 130 bytes of news prose): growing a large
    /// buffer copies it.
    pub(crate) fn for_text(bytes: usize) -> WordFeatures {
        WordFeatures {
            flat: Vec::with_capacity(bytes / 6 + 16),
            at: Vec::with_capacity(bytes / 128 + 2),
            triggers: Vec::with_capacity(bytes / 128 + 1),
            sums: Vec::with_capacity(bytes / 128 + 1),
            summed_with: None,
        }
    }

    /// Adds the next sentence: tokens `range` of a passage, its features'
    /// weights summed by `model`. Whether the model may add a position to
    /// it (it has a trigger, and its words may score enough; without a
    /// model, whether it has a trigger).
    pub(crate) fn push(
        &mut self,
        text: &str,
        toks: &[Token],
        lowered: &tokens::Lowered,
        range: Range<usize>,
        lex: &Lexicon,
        model: Option<&StanceModel>,
    ) -> bool {
        if self.at.is_empty() {
            self.at.push(0);
        }
        let start = self.flat.len();
        let t = word_features(text, toks, lowered, range, lex, &mut self.flat);
        self.at.push(self.flat.len());
        self.triggers.push(t);
        let Some(model) = model else {
            return t.is_some();
        };
        self.summed_with = Some(model.id());
        let sums = model.logits(&self.flat[start..], (0.0, 0.0));
        self.sums.push(sums);
        t.is_some() && model.may_add(sums.0)
    }

    fn get(&self, k: usize) -> Option<(&[u32], Option<Trigger>)> {
        let words = &self.flat[*self.at.get(k)?..*self.at.get(k + 1)?];
        Some((words, *self.triggers.get(k)?))
    }

    /// Sentence `k`'s sums of its word features' weights, if `model` made
    /// them.
    fn sums(&self, k: usize, model: &StanceModel) -> Option<(f32, f32)> {
        (self.summed_with == Some(model.id()))
            .then(|| self.sums.get(k).copied())
            .flatten()
    }
}

/// Appends the features of tokens `range` (of a passage, `lowered` its
/// lower-case forms) to `out`: each word, a negation before it, its verb
/// class, the stance cue phrase it opens, a final question mark.
fn word_features(
    text: &str,
    toks: &[Token],
    lowered: &tokens::Lowered,
    range: Range<usize>,
    lex: &Lexicon,
    out: &mut Vec<u32>,
) -> Option<Trigger> {
    let mut push = |h: u32| out.push(h);
    push(BIAS);
    let (mut verb, mut cue, mut speech) = (None, None, None);
    let determiners = &lex.grammar.stances.noun_determiners;
    let lower = |i: usize| lowered.get(text, i);
    let bits = |i: usize| lowered.class(i);
    let (lo, hi) = (range.start, range.end.min(toks.len()));
    let mut negation_before = false;
    for (i, t) in toks[..hi].iter().enumerate().skip(lo) {
        // The word classes of the token before (only words have any).
        let negated = std::mem::take(&mut negation_before);
        match t.kind {
            Kind::Word => {
                let w = lower(i);
                let b = bits(i);
                negation_before = b & class::NEGATION != 0;
                let is_speech = b & class::SPEECH != 0;
                push(fnv(WORD, w.as_bytes()));
                if is_speech {
                    push(SPEECH_VERB);
                    speech = speech.or(Some(t.span));
                }
                if negated {
                    push(fnv(NEGATED, w.as_bytes()));
                }
                // The lexicon's classes of a word ending in a period are
                // those of the word without it, and no verb form has one.
                let wc = (w.len() > 2 && !w.ends_with('.'))
                    .then(|| VerbClass::first_of((b >> class::VERB_CLASS_SHIFT) as u16))
                    .flatten();
                if let Some(c) = wc {
                    push(fnv(CLASS, c.name().as_bytes()));
                    if negated {
                        push(fnv(NEGATED_CLASS, c.name().as_bytes()));
                    }
                    if verb.is_none() && !(i > lo && determiners.contains(lower(i - 1))) {
                        verb = Some((t.span, c, is_speech));
                    }
                }
                // Cue phrases of the stance lexicon, whatever the rules made
                // of them.
                if b & (class::CUE_START | class::CUE_WORD) != 0 {
                    let found = lex.stances.cues.longest_by(hi, i, lower);
                    if let Some((_, c)) = found {
                        push(hash(&["cue", c.class.rule()]));
                        push(hash(&["cue-kind", c.kind.name()]));
                    }
                    if cue.is_none() && (found.is_some() || b & class::CUE_WORD != 0) {
                        cue = Some((t.span, wc, is_speech));
                    }
                }
            }
            Kind::Number => push(NUMBER),
            _ => {}
        }
    }
    if hi > lo && lower(hi - 1) == "?" {
        push(QUESTION);
    }
    match (verb, cue, speech) {
        (Some((span, c, speech)), ..) => Some(Trigger {
            span,
            class: Some(c),
            speech,
        }),
        (None, Some((span, class, speech)), _) => Some(Trigger {
            span,
            class,
            speech,
        }),
        (None, None, Some(span)) => Some(Trigger {
            span,
            class: None,
            speech: true,
        }),
        _ => None,
    }
}

/// Appends the features of what the analysis knows of a sentence: whether
/// it is quoted speech with a speaker, and what the rules decided there.
fn fact_features(facts: &Facts, out: &mut Vec<u32>) {
    if facts.in_quote {
        out.push(IN_QUOTE);
    }
    if facts.speaker.is_some() {
        out.push(QUOTED_SPEAKER);
    }
    if facts.first {
        out.push(FIRST_SENTENCE);
    }
    if facts.rules.is_empty() {
        out.push(RULE_NONE);
    }
    let mut push = |parts: &[&str]| out.push(hash(parts));
    for p in facts.rules {
        push(&["rule", p.rule]);
        push(&["rule-kind", p.kind.name()]);
        push(&["rule-red", if p.red_line { "yes" } else { "no" }]);
        push(&["rule-holder", if p.holder.is_some() { "yes" } else { "no" }]);
    }
}

/// Every mention of the analysis, by start then end: (span, actor, kind).
fn mention_index(analysis: &Analysis) -> Vec<(Span, ActorId, MentionKind)> {
    let all: Vec<_> = analysis
        .actors
        .iter()
        .enumerate()
        .flat_map(|(a, actor)| {
            actor
                .mentions
                .iter()
                .map(move |m| (m.span, ActorId::new(a), m.kind))
        })
        .collect();
    // Stable sorts by end, then by start: by (start, end).
    let by_end = crate::span::sort_by_offset(all, |m| m.0.end);
    crate::span::sort_by_offset(by_end, |m| m.0.start)
}

/// The sentence each position belongs to: the one holding its trigger's
/// start (else its span's start).
fn sentence_of(sentences: &[Span], p: &Position) -> usize {
    let at = p.trigger.unwrap_or(p.span).start;
    sentences
        .partition_point(|s| s.end <= at)
        .min(sentences.len().saturating_sub(1))
}

/// For each sentence, the speaker of the speech quote it overlaps, and
/// whether it overlaps one.
fn quote_facts(analysis: &Analysis) -> Vec<(bool, Option<ActorId>)> {
    let mut out = vec![(false, None); analysis.sentences.len()];
    for q in analysis.quotes.iter().filter(|q| q.speech) {
        let first = analysis
            .sentences
            .partition_point(|s| s.end <= q.span.start);
        for (k, s) in analysis.sentences.iter().enumerate().skip(first) {
            if s.start >= q.span.end {
                break;
            }
            out[k].0 = true;
            if out[k].1.is_none() {
                out[k].1 = q.speaker.as_ref().map(|s| s.actor);
            }
        }
    }
    out
}

/// A sentence as the model is trained on it.
pub struct Row {
    pub span: Span,
    pub features: Vec<u32>,
    /// The rules found a position in it / a red line.
    pub rule_position: bool,
    pub rule_red_line: bool,
    /// The model would find a holder for a position it adds.
    pub holder_found: bool,
}

/// The features of every sentence (with the rules' positions as they are):
/// what the model is trained on.
pub(crate) fn sentence_features(
    text: &str,
    analysis: &Analysis,
    rules: &[Position],
    words: &WordFeatures,
    lex: &Lexicon,
    find: FindHolders,
) -> Vec<Row> {
    let by_sentence = group(&analysis.sentences, rules);
    let quotes = quote_facts(analysis);
    let mentions = mention_index(analysis);
    let mut fz = Featurizer::default();
    let mut out = Vec::with_capacity(analysis.sentences.len());
    let mut proposals = Vec::new();
    for (k, &s) in analysis.sentences.iter().enumerate() {
        let facts = Facts::of(k, &quotes, &by_sentence);
        let mut features = Vec::new();
        let trigger = features_of(&mut fz, words, k, s, text, lex, &facts, &mut features);
        proposals
            .extend(trigger.and_then(|t| propose(text, lex, t, k, s, &facts, &mentions, false)));
        out.push(Row {
            span: s,
            features,
            rule_position: !facts.rules.is_empty(),
            rule_red_line: facts.rules.iter().any(|p| p.red_line),
            holder_found: false,
        });
    }
    let found = holders(find, &proposals);
    for (p, h) in proposals.iter().zip(found) {
        out[p.sentence].holder_found = h.is_some();
    }
    out
}

/// Sentence `k`'s features (its words', read again only when the main
/// pass named none, then its facts') appended to `out`; its trigger.
#[allow(clippy::too_many_arguments)]
fn features_of(
    fz: &mut Featurizer,
    words: &WordFeatures,
    k: usize,
    span: Span,
    text: &str,
    lex: &Lexicon,
    facts: &Facts,
    out: &mut Vec<u32>,
) -> Option<Trigger> {
    if words.get(k).is_none() {
        fz.read(text, span, lex);
    }
    let trigger = sentence_words(fz, words, k, text, lex, out);
    fact_features(facts, out);
    trigger
}

/// Sentence `k`'s word features: as the main pass named them, else from
/// the sentence `fz` last read.
fn sentence_words(
    fz: &Featurizer,
    words: &WordFeatures,
    k: usize,
    text: &str,
    lex: &Lexicon,
    out: &mut Vec<u32>,
) -> Option<Trigger> {
    match words.get(k) {
        Some((w, t)) => {
            out.extend_from_slice(w);
            t
        }
        None => fz.word_features(text, lex, out),
    }
}

fn group(sentences: &[Span], positions: &[Position]) -> Vec<Vec<Position>> {
    let mut by: Vec<Vec<Position>> = vec![Vec::new(); sentences.len()];
    for p in positions {
        if !sentences.is_empty() {
            by[sentence_of(sentences, p)].push(p.clone());
        }
    }
    by
}

/// Where the holders of added positions come from: for each (sentence,
/// trigger) asked, the holder the rules' holder finder gives.
pub(crate) type FindHolders<'a> = &'a dyn Fn(&[(usize, Span)]) -> Vec<Option<ActorId>>;

/// The model's decisions over the rules' positions `rules` (of `analysis`,
/// whose own positions are not read): the positions to keep, with added
/// ones, in sentence order.
pub(crate) fn rescore(
    text: &str,
    analysis: &Analysis,
    rules: &[Position],
    words: &WordFeatures,
    lex: &Lexicon,
    model: &StanceModel,
    find: FindHolders,
) -> Vec<Position> {
    let t = model.thresholds;
    if t == Thresholds::RULES_ONLY {
        return rules.to_vec();
    }
    let by_sentence = group(&analysis.sentences, rules);
    let quotes = quote_facts(analysis);
    let mentions = mention_index(analysis);
    let mut fz = Featurizer::default();
    let mut f = Vec::new();
    let mut out = Vec::with_capacity(rules.len());
    let mut added: Vec<(usize, Proposal)> = Vec::new();
    for (k, &s) in analysis.sentences.iter().enumerate() {
        let facts = Facts::of(k, &quotes, &by_sentence);
        f.clear();
        // The main pass summed the words' weights: the facts' are added.
        let (trigger, (p_pos, p_red)) = match (words.sums(k, model), words.get(k)) {
            (Some(sums), Some((_, trigger))) => {
                fact_features(&facts, &mut f);
                let (p, r) = model.logits(&f, sums);
                (trigger, (sigmoid(p), sigmoid(r)))
            }
            _ => {
                let trigger = features_of(&mut fz, words, k, s, text, lex, &facts, &mut f);
                (trigger, model.score(&f))
            }
        };
        let rules = &by_sentence[k];
        if !rules.is_empty() {
            if p_pos < t.veto {
                continue;
            }
            for p in rules {
                let mut p = p.clone();
                // The rules' hedges and cancellers keep a cue from being a
                // red line; the model may only take one away.
                if p.red_line && p_red < t.red_off {
                    p.red_line = false;
                }
                out.push(p);
            }
        } else if p_pos > t.add {
            let red = p_red > t.red_on;
            if let Some(p) =
                trigger.and_then(|t| propose(text, lex, t, k, s, &facts, &mentions, red))
            {
                // A placeholder, given its holder below.
                added.push((out.len(), p));
                out.push(Position {
                    span: s,
                    holder: None,
                    kind: PositionKind::Assessment,
                    trigger: None,
                    red_line: false,
                    source: None,
                    rule: "model",
                });
            }
        }
    }
    let (at, proposals): (Vec<usize>, Vec<Proposal>) = added.into_iter().unzip();
    let found = holders(find, &proposals);
    for ((i, p), holder) in at.into_iter().zip(proposals).zip(found) {
        out[i] = Position {
            span: analysis.sentences[p.sentence],
            holder,
            kind: p.kind,
            trigger: Some(p.trigger),
            red_line: p.red_line,
            source: None,
            rule: "model",
        };
    }
    out.retain(|p| p.holder.is_some());
    out
}

/// A position the model adds to a sentence, before its holder is known.
struct Proposal {
    sentence: usize,
    trigger: Span,
    kind: PositionKind,
    red_line: bool,
    /// The holder by word position, for when the rules' holder finder
    /// finds none.
    nearby: Option<ActorId>,
    /// The quote's speaker, when the trigger is the verb that reports the
    /// quote: what the speaker says is theirs, whatever the clause.
    speaker: Option<ActorId>,
    /// The sentence names an actor (else the holder finder is not asked:
    /// it has nothing to find).
    names: bool,
}

/// What the model would add to sentence `k`. Its trigger is the first verb
/// of an event class (else the first stance cue, else the first reporting
/// verb); `nearby` the quote's speaker, else the last actor mention before
/// the trigger that is not the object of a preposition, else the actor
/// named right after a reporting trigger ("said the minister").
/// What the model would add to sentence `k` with trigger `t` (see
/// [`Trigger`]). `nearby`: the quote's speaker, else the last actor
/// mention before the trigger that is not the object of a preposition,
/// else the actor named within three words after a speech trigger ("said
/// the minister").
#[allow(clippy::too_many_arguments)]
fn propose(
    text: &str,
    lex: &Lexicon,
    t: Trigger,
    k: usize,
    sentence: Span,
    facts: &Facts,
    mentions: &[(Span, ActorId, MentionKind)],
    red_line: bool,
) -> Option<Proposal> {
    let at = t.span;
    let after_preposition = |m: Span| {
        let before = text[sentence.start as usize..m.start as usize].trim_end();
        let word = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        !word.is_empty() && Lexicon::has(&lex.prepositions, word)
    };
    let lo = mentions.partition_point(|m| m.0.start < sentence.start);
    let names = mentions.get(lo).is_some_and(|m| m.0.start < sentence.end);
    let subject = || {
        let hi = mentions.partition_point(|m| m.0.start < at.start);
        mentions[lo..hi]
            .iter()
            .rev()
            .find(|m| m.0.end <= at.start && !after_preposition(m.0))
    };
    let after = || {
        let k = mentions.partition_point(|m| m.0.start < at.end);
        mentions.get(k).filter(|m| {
            m.0.end <= sentence.end
                && t.speech
                && text[at.end as usize..m.0.start as usize]
                    .split_whitespace()
                    .count()
                    <= 3
        })
    };
    let nearby = facts
        .speaker
        .or_else(|| subject().map(|m| m.1))
        .or_else(|| after().map(|m| m.1));
    let kind = match t.class {
        Some(VerbClass::Appeal | VerbClass::Demand) => PositionKind::Demand,
        Some(VerbClass::Intend | VerbClass::Yield) => PositionKind::Offer,
        Some(VerbClass::Cooperate) => PositionKind::Support,
        Some(VerbClass::Disapprove | VerbClass::Protest) => PositionKind::Opposition,
        Some(VerbClass::Reject | VerbClass::Coerce | VerbClass::Reduce | VerbClass::Threaten) => {
            PositionKind::Refusal
        }
        None => PositionKind::Assessment,
    };
    Some(Proposal {
        sentence: k,
        trigger: at,
        kind,
        red_line,
        nearby,
        speaker: facts.speaker.filter(|_| t.speech),
        names,
    })
}

/// The holders of the proposals (sorted by sentence): the one the rules'
/// holder finder gives their triggers (clause subject, passive agent,
/// quote or reporting speaker), else the one found by word position.
fn holders(find: FindHolders, proposals: &[Proposal]) -> Vec<Option<ActorId>> {
    if proposals.is_empty() {
        return Vec::new();
    }
    let asks: Vec<(usize, Span)> = proposals
        .iter()
        .filter(|p| p.names)
        .map(|p| (p.sentence, p.trigger))
        .collect();
    let mut found = find(&asks).into_iter();
    proposals
        .iter()
        .map(|p| {
            let f = if p.names {
                found.next().flatten()
            } else {
                None
            };
            p.speaker.or(f).or(p.nearby)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_round_trips_through_its_bytes() {
        let bits = 8;
        let mut pos = vec![0.0; 256];
        let mut red = vec![0.0; 256];
        let f = hash(&["w", "refuse"]);
        pos[(f & 255) as usize] = 3.0;
        red[(f & 255) as usize] = -1.5;
        let t = Thresholds {
            add: 0.6,
            veto: 0.1,
            red_on: 0.7,
            red_off: 0.2,
        };
        let bytes = StanceModel::to_bytes(bits, &pos, &red, t);
        let m = StanceModel::from_bytes(&bytes).unwrap();
        assert_eq!(m.thresholds, t);
        let (p, r) = m.score(&[f]);
        assert!((p - sigmoid(3.0)).abs() < 1e-3 && (r - sigmoid(-1.5)).abs() < 1e-3);
        assert_eq!(m.score(&[hash(&["w", "table"])]), (0.5, 0.5));
        assert!(StanceModel::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(StanceModel::from_bytes(b"nope").is_err());
    }

    #[test]
    fn a_prefix_hashes_as_the_first_parts_of_a_feature() {
        // The values the shipped model was trained with.
        assert_eq!(hash(&["bias"]), {
            let mut h: u32 = 0x811c_9dc5;
            for b in b"bias" {
                h = (h ^ *b as u32).wrapping_mul(0x0100_0193);
            }
            h
        });
        for w in ["", "refuse", "#", "négocier"] {
            assert_eq!(fnv(WORD, w.as_bytes()), hash(&["w", w]), "{w}");
            assert_eq!(fnv(prefix(&["a", "b"]), w.as_bytes()), hash(&["a", "b", w]));
        }
        assert_eq!(fnv(prefix(&[]), b"x"), hash(&["x"]));
    }

    #[test]
    fn a_sum_in_two_parts_is_the_whole_and_may_add_bounds_the_facts() {
        let m = StanceModel::builtin();
        let words: Vec<u32> = ["bias", "w refuse", "w talks", "class reject"]
            .iter()
            .map(|f| hash(&f.split(' ').collect::<Vec<_>>()))
            .collect();
        let facts = [IN_QUOTE, QUOTED_SPEAKER, FIRST_SENTENCE, RULE_NONE];
        let all: Vec<u32> = words.iter().chain(&facts).copied().collect();
        let (p, r) = m.logits(&facts, m.logits(&words, (0.0, 0.0)));
        assert_eq!(m.score(&all), (sigmoid(p), sigmoid(r)));
        // Whichever facts a sentence without rule positions has, a score
        // above the add threshold is one `may_add` allows.
        let w = m.logits(&words, (0.0, 0.0)).0;
        for mask in 0..8 {
            let some: Vec<u32> = (0..3)
                .filter(|b| mask & (1 << b) != 0)
                .map(|b| facts[b])
                .chain([RULE_NONE])
                .collect();
            let p = sigmoid(m.logits(&some, (w, 0.0)).0);
            assert!(p <= m.thresholds.add || m.may_add(w), "{mask}");
        }
    }

    #[test]
    fn the_shipped_model_reads() {
        let m = StanceModel::builtin();
        assert!(m.thresholds.add > 0.0);
    }
}

//! A part-of-speech tagger: a greedy averaged perceptron with a tag
//! dictionary for unambiguous words (the classic fast design, as in
//! Collins 2002 and Honnibal's "A good POS tagger in about 200 lines").
//!
//! The tags are Universal Dependencies' UPOS, with verbs and auxiliaries
//! refined by their Penn form (`VERB:VBN`, `AUX:MD`), which the chunker
//! needs for tense, voice and modality. The weights are trained on UD
//! English EWT (`examples/train-tagger.rs`) and embedded in the binary as
//! an open-addressing table that is read in place: loading costs nothing.

use std::sync::OnceLock;

/// A part of speech: a UPOS tag, verbs and auxiliaries with their form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Tag {
    Adj,
    Adp,
    Adv,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    X,
    /// Base form: "sign" in "will sign", "to sign".
    Verb,
    /// Past tense: "signed" in "they signed".
    VerbPast,
    /// Gerund or present participle: "signing".
    VerbIng,
    /// Past participle: "signed" in "was signed", "has signed".
    VerbPart,
    /// Present tense, not third person singular: "sign" in "they sign".
    VerbPres,
    /// Present tense, third person singular: "signs".
    VerbPres3,
    /// A modal: "will", "would", "must", "can".
    Modal,
    /// An auxiliary in its base form: "be" in "will be", "have" in "may have".
    Aux,
    AuxPast,
    AuxIng,
    AuxPart,
    AuxPres,
    AuxPres3,
}

impl Tag {
    /// Every tag, in the order of its number.
    pub const ALL: [Tag; 28] = [
        Tag::Adj,
        Tag::Adp,
        Tag::Adv,
        Tag::Cconj,
        Tag::Det,
        Tag::Intj,
        Tag::Noun,
        Tag::Num,
        Tag::Part,
        Tag::Pron,
        Tag::Propn,
        Tag::Punct,
        Tag::Sconj,
        Tag::Sym,
        Tag::X,
        Tag::Verb,
        Tag::VerbPast,
        Tag::VerbIng,
        Tag::VerbPart,
        Tag::VerbPres,
        Tag::VerbPres3,
        Tag::Modal,
        Tag::Aux,
        Tag::AuxPast,
        Tag::AuxIng,
        Tag::AuxPart,
        Tag::AuxPres,
        Tag::AuxPres3,
    ];

    /// The tag numbered `n`.
    pub fn from_index(n: usize) -> Option<Tag> {
        Tag::ALL.get(n).copied()
    }

    /// The Universal Dependencies tag.
    pub fn upos(self) -> &'static str {
        use Tag::*;
        match self {
            Adj => "ADJ",
            Adp => "ADP",
            Adv => "ADV",
            Cconj => "CCONJ",
            Det => "DET",
            Intj => "INTJ",
            Noun => "NOUN",
            Num => "NUM",
            Part => "PART",
            Pron => "PRON",
            Propn => "PROPN",
            Punct => "PUNCT",
            Sconj => "SCONJ",
            Sym => "SYM",
            X => "X",
            Verb | VerbPast | VerbIng | VerbPart | VerbPres | VerbPres3 => "VERB",
            Modal | Aux | AuxPast | AuxIng | AuxPart | AuxPres | AuxPres3 => "AUX",
        }
    }

    /// The tag of a treebank word: its UPOS and, for verbs and
    /// auxiliaries, its Penn tag. `None` for an unknown UPOS.
    pub fn from_treebank(upos: &str, xpos: &str) -> Option<Tag> {
        use Tag::*;
        Some(match upos {
            "ADJ" => Adj,
            "ADP" => Adp,
            "ADV" => Adv,
            "CCONJ" => Cconj,
            "DET" => Det,
            "INTJ" => Intj,
            "NOUN" => Noun,
            "NUM" => Num,
            "PART" => Part,
            "PRON" => Pron,
            "PROPN" => Propn,
            "PUNCT" => Punct,
            "SCONJ" => Sconj,
            "SYM" => Sym,
            "X" => X,
            "VERB" => match xpos {
                "VBD" => VerbPast,
                "VBG" => VerbIng,
                "VBN" => VerbPart,
                "VBP" => VerbPres,
                "VBZ" => VerbPres3,
                _ => Verb,
            },
            "AUX" => match xpos {
                "MD" => Modal,
                "VBD" => AuxPast,
                "VBG" => AuxIng,
                "VBN" => AuxPart,
                "VBP" => AuxPres,
                "VBZ" => AuxPres3,
                _ => Aux,
            },
            _ => return None,
        })
    }

    pub fn is_verb(self) -> bool {
        self.upos() == "VERB"
    }

    pub fn is_aux(self) -> bool {
        self.upos() == "AUX"
    }

    /// A noun, proper noun or pronoun: what a noun phrase is headed by.
    pub fn is_nominal(self) -> bool {
        matches!(self, Tag::Noun | Tag::Propn | Tag::Pron | Tag::Num)
    }
}

const TAGS: usize = Tag::ALL.len();

/// The history the tagger conditions on before the first word.
const START: u8 = TAGS as u8;
const START2: u8 = TAGS as u8 + 1;

// ------------------------------------------------------------------ features

/// FNV-1a, 64 bits: feature keys must hash the same on every platform and
/// with every version of every crate, since the shipped weights are keyed
/// by them.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new(template: u8) -> Fnv {
        Fnv(Self::OFFSET).byte(template)
    }

    fn byte(self, b: u8) -> Fnv {
        Fnv((self.0 ^ u64::from(b)).wrapping_mul(Self::PRIME))
    }

    fn str(mut self, s: &str) -> Fnv {
        for &b in s.as_bytes() {
            self = self.byte(b);
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        self.byte(0xff)
    }

    fn key(self) -> u32 {
        // Fold to 32 bits; 0 marks an empty slot in the table.
        let k = (self.0 ^ (self.0 >> 32)) as u32;
        k.max(1)
    }
}

/// A word as the features see it: lower-cased, digits and hyphenated
/// compounds folded into classes (their shape carries the rest).
fn normal(word: &str, buf: &mut String) {
    buf.clear();
    let first = word.chars().next();
    if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
        buf.push_str("!YEAR");
    } else if first.is_some_and(|c| c.is_ascii_digit()) {
        buf.push_str("!DIGITS");
    } else if word.contains('-') && word.len() > 1 && !word.starts_with('-') {
        buf.push_str("!HYPHEN");
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// The last `n` chars of `s`.
fn suffix(s: &str, n: usize) -> &str {
    let at = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &s[at..]
}

/// The first `n` chars of `s`.
fn prefix(s: &str, n: usize) -> &str {
    let at = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..at]
}

/// A word's shape: runs of capitals, small letters, digits and other
/// characters, each written once ("Xx", "x", "X.X.", "d,d").
fn shape(word: &str, out: &mut String) {
    out.clear();
    let mut last = '\0';
    for c in word.chars().take(12) {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s != last {
            out.push(s);
            last = s;
        }
    }
}

/// Reusable buffers for the features of one word.
#[derive(Default)]
struct Scratch {
    norm: Vec<String>,
    shape: String,
    keys: Vec<u32>,
}

/// The features of word `i` given the two tags before it, as keys.
#[allow(clippy::too_many_arguments)]
fn features(
    words: &[&str],
    norm: &[String],
    i: usize,
    prev: u8,
    prev2: u8,
    look: &dyn Lookup,
    shape_buf: &mut String,
    out: &mut Vec<u32>,
) {
    out.clear();
    let w = norm[i].as_str();
    let raw = words[i];
    let at = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 {
            "-START-"
        } else {
            norm.get(j as usize).map_or("-END-", String::as_str)
        }
    };
    let f = Fnv::new;
    out.push(f(0).key());
    out.push(f(1).str(w).key());
    out.push(f(2).str(suffix(w, 3)).key());
    out.push(f(3).str(prefix(w, 1)).key());
    out.push(f(4).byte(prev).key());
    out.push(f(5).byte(prev2).key());
    out.push(f(6).byte(prev).byte(prev2).key());
    out.push(f(7).byte(prev).str(w).key());
    out.push(f(8).str(at(-1)).key());
    out.push(f(9).str(suffix(at(-1), 3)).key());
    out.push(f(10).str(at(-2)).key());
    out.push(f(11).str(at(1)).key());
    out.push(f(12).str(suffix(at(1), 3)).key());
    out.push(f(13).str(at(2)).key());
    shape(raw, shape_buf);
    out.push(f(14).str(shape_buf).byte(u8::from(i == 0)).key());
    out.push(f(15).str(suffix(w, 2)).key());
    out.push(f(16).str(suffix(w, 4)).key());
    out.push(f(17).str(prefix(w, 3)).key());
    out.push(f(18).byte(prev).str(at(1)).key());
    out.push(f(19).str(at(-1)).str(w).key());
    out.push(f(20).str(w).str(at(1)).key());
    out.push(f(21).str(suffix(w, 1)).key());
    // What the next words are when they are unambiguous: a look-ahead the
    // greedy left-to-right order would otherwise lack.
    let ahead = |k: usize| {
        words
            .get(i + k)
            .map_or(START2 + 1, |w| look.dict(w).unwrap_or(START2 + 2))
    };
    out.push(f(22).byte(ahead(1)).key());
    out.push(f(23).byte(ahead(1)).byte(ahead(2)).key());
    out.push(f(24).byte(ahead(1)).str(w).key());
    out.push(f(25).str(raw).key());
    let around = |k: isize, buf: &mut String| {
        let j = i as isize + k;
        match usize::try_from(j).ok().and_then(|j| words.get(j)) {
            Some(w) => shape(w, buf),
            None => buf.clear(),
        }
    };
    around(-1, shape_buf);
    out.push(f(26).str(shape_buf).key());
    around(1, shape_buf);
    out.push(f(27).str(shape_buf).key());
    // Ambiguity classes: the set of tags a word was seen with.
    let class = |k: isize| -> u32 {
        let j = i as isize + k;
        match usize::try_from(j).ok().and_then(|j| norm.get(j)) {
            Some(w) => look.class(w),
            None => u32::MAX,
        }
    };
    let u32b = |h: Fnv, x: u32| x.to_le_bytes().iter().fold(h, |h, &b| h.byte(b));
    out.push(u32b(f(28), class(0)).key());
    out.push(u32b(f(29), class(1)).key());
    out.push(u32b(u32b(f(30), class(1)), class(2)).key());
    out.push(u32b(f(31), class(-1)).key());
    out.push(u32b(f(32).byte(prev), class(1)).key());
    out.push(u32b(u32b(f(33), class(0)), class(1)).key());
}

/// What the features look up about words besides their letters.
trait Lookup {
    /// The tag of an unambiguous word (by its form as written).
    fn dict(&self, word: &str) -> Option<u8>;
    /// The tags a word (in normal form) was seen with, as bits; 0 when
    /// unknown.
    fn class(&self, norm: &str) -> u32;
}

// ------------------------------------------------------------------ the model

/// The shipped weights: UD English EWT, trained by `examples/train-tagger.rs`.
static MODEL_BYTES: &[u8] = include_bytes!("../../../assets/tagger/en-ewt.bin");

const MAGIC: &[u8; 4] = b"BRTG";
const VERSION: u32 = 2;

/// A model read in place from its bytes.
///
/// Layout (little-endian): magic, version, tag count, weight scale (f32),
/// then two open-addressing tables of `u32` keys (0 = empty), each with a
/// power-of-two capacity: features (key, then `start << 8 | count` into the
/// entries, each `tag | weight << 8` with an i16 weight) and the tag
/// dictionary (key, then tag).
pub struct Model<'a> {
    feat_keys: &'a [u8],
    feat_vals: &'a [u8],
    entries: &'a [u8],
    dict_keys: &'a [u8],
    dict_vals: &'a [u8],
    class_keys: &'a [u8],
    class_vals: &'a [u8],
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    let o = i * 4;
    u32::from_le_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]])
}

/// Where `key` is, or would go, in a table of `keys` (capacity a power of
/// two): linear probing from the key's own slot.
fn probe(keys: &[u8], key: u32) -> Option<usize> {
    let cap = keys.len() / 4;
    if cap == 0 {
        return None;
    }
    let mask = cap - 1;
    let mut i = (key.wrapping_mul(0x9E37_79B1) as usize) & mask;
    for _ in 0..cap {
        match u32_at(keys, i) {
            0 => return None,
            k if k == key => return Some(i),
            _ => i = (i + 1) & mask,
        }
    }
    None
}

/// Why model bytes could not be read.
#[derive(Debug, PartialEq, Eq)]
pub struct BadModel(&'static str);

impl std::fmt::Display for BadModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "tagger model: {}", self.0)
    }
}

impl<'a> Model<'a> {
    /// Reads a model's bytes (as `Model::to_bytes` writes them).
    pub fn from_bytes(b: &'a [u8]) -> Result<Model<'a>, BadModel> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&'a [u8], BadModel> {
            let s = b.get(at..at + n).ok_or(BadModel("truncated"))?;
            at += n;
            Ok(s)
        };
        if take(4)? != MAGIC {
            return Err(BadModel("not a tagger model"));
        }
        let word = |s: &[u8]| u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
        if word(take(4)?) != VERSION {
            return Err(BadModel("unknown version"));
        }
        if word(take(4)?) as usize != TAGS {
            return Err(BadModel("another tag set"));
        }
        // The weights' scale: ranking tags needs none of it.
        let _scale = take(4)?;
        let feat_cap = word(take(4)?) as usize;
        let n_entries = word(take(4)?) as usize;
        let dict_cap = word(take(4)?) as usize;
        let class_cap = word(take(4)?) as usize;
        if !feat_cap.is_power_of_two()
            || !dict_cap.is_power_of_two()
            || !class_cap.is_power_of_two()
        {
            return Err(BadModel("table sizes"));
        }
        let feat_keys = take(feat_cap * 4)?;
        let feat_vals = take(feat_cap * 4)?;
        let entries = take(n_entries * 4)?;
        let dict_keys = take(dict_cap * 4)?;
        let dict_vals = take(dict_cap)?;
        let class_keys = take(class_cap * 4)?;
        let class_vals = take(class_cap * 4)?;
        if at != b.len() {
            return Err(BadModel("trailing bytes"));
        }
        Ok(Model {
            class_keys,
            class_vals,
            feat_keys,
            feat_vals,
            entries,
            dict_keys,
            dict_vals,
        })
    }

    /// Adds the weights of `key` to `scores`.
    fn add(&self, key: u32, scores: &mut [f32; TAGS]) {
        let Some(i) = probe(self.feat_keys, key) else {
            return;
        };
        let v = u32_at(self.feat_vals, i) as usize;
        let (start, count) = (v >> 8, v & 0xff);
        for e in start..start + count {
            let x = u32_at(self.entries, e);
            let tag = (x & 0xff) as usize;
            let w = (x >> 8) as u16 as i16;
            if let Some(s) = scores.get_mut(tag) {
                *s += f32::from(w);
            }
        }
    }

    /// Tags a sentence's words.
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        let mut out = Vec::with_capacity(words.len());
        self.tag_into(words, &mut Scratch::default(), &mut out);
        out
    }

    fn tag_into(&self, words: &[&str], s: &mut Scratch, out: &mut Vec<Tag>) {
        out.clear();
        s.norm
            .resize_with(words.len().max(s.norm.len()), String::new);
        for (w, n) in words.iter().zip(s.norm.iter_mut()) {
            normal(w, n);
        }
        let norm = &s.norm[..words.len()];
        let (mut prev, mut prev2) = (START, START2);
        for i in 0..words.len() {
            let t = match self.dict(words[i]) {
                Some(t) => t,
                None => {
                    features(words, norm, i, prev, prev2, self, &mut s.shape, &mut s.keys);
                    let mut scores = [0f32; TAGS];
                    for &k in &s.keys {
                        self.add(k, &mut scores);
                    }
                    best(&scores)
                }
            };
            out.push(Tag::ALL[t as usize]);
            prev2 = prev;
            prev = t;
        }
    }
}

impl Lookup for Model<'_> {
    fn dict(&self, word: &str) -> Option<u8> {
        let i = probe(self.dict_keys, Fnv::new(255).str(word).key())?;
        Some(self.dict_vals[i])
    }

    fn class(&self, norm: &str) -> u32 {
        probe(self.class_keys, Fnv::new(254).str(norm).key())
            .map_or(0, |i| u32_at(self.class_vals, i))
    }
}

/// The highest-scoring tag; ties go to the lower number (deterministic).
fn best(scores: &[f32; TAGS]) -> u8 {
    let mut b = 0;
    for (t, &s) in scores.iter().enumerate() {
        if s > scores[b] {
            b = t;
        }
    }
    b as u8
}

/// The shipped model.
pub fn model() -> &'static Model<'static> {
    static MODEL: OnceLock<Model<'static>> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::from_bytes(MODEL_BYTES).expect("the embedded tagger model is well formed")
    })
}

/// Tags a sentence's words with the shipped model.
pub fn tag(words: &[&str]) -> Vec<Tag> {
    model().tag(words)
}

/// A tagger that keeps its buffers between sentences.
#[derive(Default)]
pub struct Tagger {
    scratch: Scratch,
}

impl Tagger {
    /// Tags `words` into `out` (cleared first) with the shipped model.
    pub fn tag(&mut self, words: &[&str], out: &mut Vec<Tag>) {
        model().tag_into(words, &mut self.scratch, out);
    }
}

// ------------------------------------------------------------------ training

/// A training sentence: words and their tags.
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
}

/// One weight during training, with what averaging needs.
#[derive(Clone, Copy, Default)]
struct Param {
    w: f32,
    /// Sum of the weight over the updates so far, up to `stamp`.
    total: f32,
    stamp: u32,
}

/// What training is told.
pub struct TrainOptions {
    pub iterations: usize,
    /// A word is in the tag dictionary when seen this often…
    pub dict_min_count: usize,
    /// …with this share of its occurrences under one tag.
    pub dict_min_share: f32,
    /// Features seen fewer times than this in training are dropped.
    pub min_feature_count: u32,
    /// A word's ambiguity class is known when it was seen this often.
    pub class_min_count: u32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            iterations: 10,
            dict_min_count: 20,
            dict_min_share: 0.97,
            min_feature_count: 2,
            class_min_count: 3,
        }
    }
}

/// Trains a model on `sentences` and returns its bytes. Deterministic:
/// the same sentences and options give the same bytes.
pub fn train(sentences: &[Sentence], opt: &TrainOptions) -> Vec<u8> {
    use std::collections::HashMap;

    // The tag dictionary.
    let mut seen: HashMap<&str, [u32; TAGS]> = HashMap::new();
    for s in sentences {
        for (w, t) in s.words.iter().zip(&s.tags) {
            seen.entry(w.as_str()).or_insert([0; TAGS])[*t as usize] += 1;
        }
    }
    let mut dict: Vec<(&str, u8)> = seen
        .iter()
        .filter_map(|(w, counts)| {
            let n: u32 = counts.iter().sum();
            let (t, &m) = counts.iter().enumerate().max_by_key(|(_, c)| **c)?;
            (n as usize >= opt.dict_min_count && m as f32 >= opt.dict_min_share * n as f32)
                .then_some((*w, t as u8))
        })
        .collect();
    dict.sort();
    let in_dict: HashMap<&str, u8> = dict.iter().copied().collect();
    // Ambiguity classes of the words seen often enough to say.
    let mut by_norm: HashMap<String, (u32, u32)> = HashMap::new();
    let mut buf = String::new();
    for s in sentences {
        for (w, t) in s.words.iter().zip(&s.tags) {
            normal(w, &mut buf);
            let e = by_norm.entry(buf.clone()).or_default();
            e.0 += 1;
            e.1 |= 1 << (*t as u32);
        }
    }
    let mut classes: Vec<(String, u32)> = by_norm
        .into_iter()
        .filter(|(_, (n, _))| *n >= opt.class_min_count)
        .map(|(w, (_, bits))| (w, bits))
        .collect();
    classes.sort();
    let dict_of = Maps {
        dict: &in_dict,
        classes: classes.iter().map(|(w, b)| (w.as_str(), *b)).collect(),
    };

    // Feature counts, to drop the rare ones.
    let mut counts: HashMap<u32, u32> = HashMap::new();
    let mut s_buf = Scratch::default();
    for s in sentences {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        norm_all(&words, &mut s_buf.norm);
        let (mut prev, mut prev2) = (START, START2);
        for i in 0..words.len() {
            features(
                &words,
                &s_buf.norm,
                i,
                prev,
                prev2,
                &dict_of,
                &mut s_buf.shape,
                &mut s_buf.keys,
            );
            for &k in &s_buf.keys {
                *counts.entry(k).or_default() += 1;
            }
            prev2 = prev;
            prev = s.tags[i] as u8;
        }
    }

    let mut weights: HashMap<u32, Vec<(u8, Param)>> = HashMap::new();
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut clock: u32 = 0;
    for _ in 0..opt.iterations {
        for &si in &order {
            let s = &sentences[si];
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            norm_all(&words, &mut s_buf.norm);
            let (mut prev, mut prev2) = (START, START2);
            for i in 0..words.len() {
                let truth = s.tags[i] as u8;
                let guess = match in_dict.get(words[i]) {
                    Some(&t) => t,
                    None => {
                        features(
                            &words,
                            &s_buf.norm,
                            i,
                            prev,
                            prev2,
                            &dict_of,
                            &mut s_buf.shape,
                            &mut s_buf.keys,
                        );
                        s_buf.keys.retain(|k| {
                            counts.get(k).copied().unwrap_or(0) >= opt.min_feature_count
                        });
                        let mut scores = [0f32; TAGS];
                        for k in &s_buf.keys {
                            if let Some(ps) = weights.get(k) {
                                for (t, p) in ps {
                                    scores[*t as usize] += p.w;
                                }
                            }
                        }
                        let guess = best(&scores);
                        clock += 1;
                        if guess != truth {
                            for &k in &s_buf.keys {
                                let ps = weights.entry(k).or_default();
                                for (tag, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                                    let at = match ps.iter().position(|(t, _)| *t == tag) {
                                        Some(at) => at,
                                        None => {
                                            ps.push((tag, Param::default()));
                                            ps.len() - 1
                                        }
                                    };
                                    let p = &mut ps[at].1;
                                    p.total += (clock - p.stamp) as f32 * p.w;
                                    p.stamp = clock;
                                    p.w += delta;
                                }
                            }
                        }
                        guess
                    }
                };
                prev2 = prev;
                prev = guess;
            }
        }
        // A fixed shuffle between iterations (xorshift), for determinism.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
    }

    // Averaged weights, quantised to i16.
    let mut averaged: Vec<(u32, Vec<(u8, f32)>)> = weights
        .into_iter()
        .map(|(k, ps)| {
            let avg = ps
                .into_iter()
                .map(|(t, p)| {
                    let total = p.total + (clock - p.stamp) as f32 * p.w;
                    (t, total / clock.max(1) as f32)
                })
                .filter(|(_, w)| w.abs() > 1e-6)
                .collect::<Vec<_>>();
            (k, avg)
        })
        .filter(|(_, v)| !v.is_empty())
        .collect();
    averaged.sort_by_key(|(k, _)| *k);
    let max = averaged
        .iter()
        .flat_map(|(_, v)| v.iter().map(|(_, w)| w.abs()))
        .fold(0f32, f32::max)
        .max(1e-6);
    let scale = max / f32::from(i16::MAX);
    let quantised: Vec<(u32, Vec<(u8, i16)>)> = averaged
        .into_iter()
        .map(|(k, v)| {
            let q: Vec<(u8, i16)> = v
                .into_iter()
                .map(|(t, w)| (t, (w / scale).round() as i16))
                .filter(|(_, w)| *w != 0)
                .collect();
            (k, q)
        })
        .filter(|(_, v)| !v.is_empty())
        .collect();
    to_bytes(scale, &quantised, &dict, &classes)
}

/// The training-time lookups, from maps.
struct Maps<'a> {
    dict: &'a std::collections::HashMap<&'a str, u8>,
    classes: std::collections::HashMap<&'a str, u32>,
}

impl Lookup for Maps<'_> {
    fn dict(&self, word: &str) -> Option<u8> {
        self.dict.get(word).copied()
    }

    fn class(&self, norm: &str) -> u32 {
        self.classes.get(norm).copied().unwrap_or(0)
    }
}

fn norm_all(words: &[&str], norm: &mut Vec<String>) {
    norm.resize_with(words.len().max(norm.len()), String::new);
    for (w, n) in words.iter().zip(norm.iter_mut()) {
        normal(w, n);
    }
}

/// The smallest power of two that holds `n` keys at most 2/3 full.
fn capacity(n: usize) -> usize {
    (n * 3 / 2 + 1).next_power_of_two()
}

fn insert(keys: &mut [u32], key: u32) -> usize {
    let mask = keys.len() - 1;
    let mut i = (key.wrapping_mul(0x9E37_79B1) as usize) & mask;
    while keys[i] != 0 && keys[i] != key {
        i = (i + 1) & mask;
    }
    keys[i] = key;
    i
}

fn to_bytes(
    scale: f32,
    feats: &[(u32, Vec<(u8, i16)>)],
    dict: &[(&str, u8)],
    classes: &[(String, u32)],
) -> Vec<u8> {
    let cap = capacity(feats.len());
    let mut keys = vec![0u32; cap];
    let mut vals = vec![0u32; cap];
    let mut entries: Vec<u32> = Vec::new();
    for (k, v) in feats {
        let i = insert(&mut keys, *k);
        vals[i] = ((entries.len() as u32) << 8) | v.len().min(255) as u32;
        entries.extend(
            v.iter()
                .take(255)
                .map(|(t, w)| u32::from(*t) | (u32::from(*w as u16) << 8)),
        );
    }
    let dcap = capacity(dict.len());
    let mut dkeys = vec![0u32; dcap];
    let mut dvals = vec![0u8; dcap];
    for (w, t) in dict {
        let i = insert(&mut dkeys, Fnv::new(255).str(w).key());
        dvals[i] = *t;
    }
    let ccap = capacity(classes.len());
    let mut ckeys = vec![0u32; ccap];
    let mut cvals = vec![0u32; ccap];
    for (w, bits) in classes {
        let i = insert(&mut ckeys, Fnv::new(254).str(w).key());
        cvals[i] = *bits;
    }
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    for x in [VERSION, TAGS as u32] {
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.extend_from_slice(&scale.to_le_bytes());
    for x in [cap as u32, entries.len() as u32, dcap as u32, ccap as u32] {
        out.extend_from_slice(&x.to_le_bytes());
    }
    for x in keys.iter().chain(&vals).chain(&entries).chain(&dkeys) {
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.extend_from_slice(&dvals);
    for x in ckeys.iter().chain(&cvals) {
        out.extend_from_slice(&x.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(pairs: &[(&str, Tag)]) -> Sentence {
        Sentence {
            words: pairs.iter().map(|(w, _)| w.to_string()).collect(),
            tags: pairs.iter().map(|(_, t)| *t).collect(),
        }
    }

    #[test]
    fn a_model_learns_its_training_sentences_and_reads_back_from_bytes() {
        use Tag::*;
        let data = vec![
            sent(&[
                ("the", Det),
                ("union", Noun),
                ("will", Modal),
                ("sign", Verb),
            ]),
            sent(&[("they", Pron), ("sign", VerbPres), ("deals", Noun)]),
            sent(&[
                ("the", Det),
                ("deal", Noun),
                ("was", AuxPast),
                ("signed", VerbPart),
            ]),
            sent(&[("we", Pron), ("signed", VerbPast), ("it", Pron)]),
        ];
        let opt = TrainOptions {
            iterations: 10,
            dict_min_count: 100,
            min_feature_count: 1,
            ..TrainOptions::default()
        };
        let bytes = train(&data, &opt);
        assert_eq!(bytes, train(&data, &opt), "training is deterministic");
        let m = Model::from_bytes(&bytes).unwrap();
        for s in &data {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            assert_eq!(m.tag(&words), s.tags, "{words:?}");
        }
    }

    #[test]
    fn bad_bytes_are_refused_not_read() {
        assert!(Model::from_bytes(b"").is_err());
        assert!(Model::from_bytes(b"NOPE00000000000000000000000000").is_err());
        let mut ok = train(&[], &TrainOptions::default());
        assert!(Model::from_bytes(&ok).is_ok());
        ok.truncate(ok.len() - 1);
        assert!(Model::from_bytes(&ok).is_err());
    }

    #[test]
    fn the_shipped_model_tags_verb_forms_and_modals() {
        let words = ["The", "union", "will", "not", "sign", "the", "deal", "."];
        let tags = tag(&words);
        assert_eq!(tags[2], Tag::Modal);
        assert_eq!(tags[3], Tag::Part);
        assert_eq!(tags[4], Tag::Verb);
        assert_eq!(tags[6], Tag::Noun);
        let tags = tag(&[
            "The", "offer", "was", "rejected", "by", "the", "pilots", ".",
        ]);
        assert_eq!(tags[3], Tag::VerbPart);
        assert!(tags[2].is_aux());
        let tags = tag(&["She", "rejected", "the", "offer", "."]);
        assert_eq!(tags[1], Tag::VerbPast);
    }

    #[test]
    fn every_tag_maps_back_from_its_treebank_pair() {
        for t in Tag::ALL {
            assert_eq!(Tag::from_index(t as usize), Some(t));
        }
        assert_eq!(Tag::from_treebank("AUX", "MD"), Some(Tag::Modal));
        assert_eq!(Tag::from_treebank("VERB", "VBN"), Some(Tag::VerbPart));
        assert_eq!(Tag::from_treebank("NOUN", "NN"), Some(Tag::Noun));
        assert_eq!(Tag::from_treebank("XYZ", "NN"), None);
    }
}

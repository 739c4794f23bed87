//! A part-of-speech tagger: a greedy averaged perceptron with a tag
//! dictionary for unambiguous words (the classic fast design, as in
//! Collins 2002 and Honnibal's "A good POS tagger in about 200 lines").
//!
//! The tags are Universal Dependencies' UPOS, with verbs and auxiliaries
//! refined by their Penn form (`VERB:VBN`, `AUX:MD`), which the chunker
//! needs for tense, voice and modality. The weights are trained on UD
//! English EWT (`examples/train-tagger.rs`) and embedded in the binary,
//! read in place: loading costs nothing.
//!
//! Built for speed (a few million words a second): each word's strings
//! are hashed once per sentence, and the features of its neighbours reuse
//! them; every feature's weights are a dense row of 32 i16 (one per tag),
//! so scoring is a vector add per feature; the features that only see the
//! previous tags or the look-ahead are summed into dense tables at export,
//! and so are the word-only features of the words seen in training (the
//! lexicon), which also holds the tag dictionary: one lookup per word.

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
/// The values of the previous tags: a tag, `START` or `START2`.
const HISTORY: usize = TAGS + 2;

/// What the look-ahead features see of a word: its tag when the tag
/// dictionary has it, else one of these (so 32 values in all).
const AHEAD_END: u8 = START2 + 1;
const AHEAD_UNKNOWN: u8 = START2 + 2;
const AHEAD: usize = AHEAD_UNKNOWN as usize + 1;

/// A lexicon value that names a row, not a tag; a word the lexicon lacks.
const ROW_FLAG: u32 = 1 << 31;
const NOT_FOUND: u32 = u32::MAX;
const NO_ROW: u32 = u32::MAX;

// ------------------------------------------------------------------ features

/// A 64×64-bit multiply folded to 64 bits (high half xor low half): the
/// mixing step of every hash here. Written out, not taken from a crate:
/// the shipped weights are keyed by it, on every platform and for good.
const fn fold(a: u64, b: u64) -> u64 {
    let p = (a as u128) * (b as u128);
    (p as u64) ^ ((p >> 64) as u64)
}

const MIX: u64 = 0x9E37_79B9_7F4A_7C15;
const STR_SEED: u64 = 0x243F_6A88_85A3_08D3;

/// A string's hash: its length, then its bytes eight at a time (the last
/// group zero-padded), each mixed in by `fold`.
const fn hash_str(s: &[u8]) -> u64 {
    let mut h = fold(s.len() as u64 ^ STR_SEED, MIX);
    let mut i = 0;
    while i < s.len() {
        let mut x = 0u64;
        let mut j = 0;
        while j < 8 && i + j < s.len() {
            x |= (s[i + j] as u64) << (8 * j);
            j += 1;
        }
        h = fold(h ^ x, MIX);
        i += 8;
    }
    h
}

/// `hash_str`'s start for each length up to 8.
const LEN_SEED: [u64; 9] = {
    let mut a = [0; 9];
    let mut i = 0;
    while i < 9 {
        a[i] = fold(i as u64 ^ STR_SEED, MIX);
        i += 1;
    }
    a
};

/// The first eight bytes of `s` (fewer when it is shorter), packed
/// little-endian.
fn load8(s: &[u8]) -> u64 {
    match s.first_chunk::<8>() {
        Some(c) => u64::from_le_bytes(*c),
        None => s
            .iter()
            .enumerate()
            .fold(0, |x, (j, &b)| x | u64::from(b) << (8 * j)),
    }
}

/// `hash_str` of the `len` (at most 8) bytes packed in `x`.
fn hash_packed(x: u64, len: usize) -> u64 {
    if len == 0 {
        LEN_SEED[0]
    } else {
        fold(LEN_SEED[len] ^ x, MIX)
    }
}

/// `hash_str`, a group of eight bytes at a time.
fn hash_bytes(s: &[u8]) -> u64 {
    if s.len() <= 8 {
        return hash_packed(load8(s), s.len());
    }
    let mut h = fold(s.len() as u64 ^ STR_SEED, MIX);
    for c in s.chunks(8) {
        h = fold(h ^ load8(c), MIX);
    }
    h
}

/// A feature's key: its template's number and its values (string hashes,
/// tags, ambiguity classes), mixed; folded to 32 bits for the table.
#[derive(Clone, Copy)]
struct Key(u64);

impl Key {
    const fn new(template: u8) -> Key {
        Key(fold(template as u64 + 1, MIX ^ 0x1357_9BDF_2468_ACE1))
    }

    fn and(self, x: u64) -> Key {
        Key(fold(self.0 ^ x, MIX))
    }

    fn key(self) -> u32 {
        // 0 marks an empty slot in the tables.
        ((self.0 ^ (self.0 >> 32)) as u32).max(1)
    }
}

/// The templates keyed by hash, numbered as in the key; the five that
/// only see the two previous tags and the look-ahead are dense tables
/// (`HIST`, `AHEAD1` and `AHEAD2` below).
mod t {
    pub const WORD: u8 = 1;
    pub const SUF3: u8 = 2;
    pub const PRE1: u8 = 3;
    pub const PREV_WORD: u8 = 7;
    pub const P1_WORD: u8 = 8;
    pub const P1_SUF3: u8 = 9;
    pub const P2_WORD: u8 = 10;
    pub const N1_WORD: u8 = 11;
    pub const N1_SUF3: u8 = 12;
    pub const N2_WORD: u8 = 13;
    pub const SHAPE: u8 = 14;
    pub const SUF2: u8 = 15;
    pub const SUF4: u8 = 16;
    pub const PRE3: u8 = 17;
    pub const PREV_N1: u8 = 18;
    pub const P1_WORD_WORD: u8 = 19;
    pub const WORD_N1: u8 = 20;
    pub const SUF1: u8 = 21;
    pub const AHEAD1_WORD: u8 = 24;
    pub const RAW: u8 = 25;
    pub const P1_SHAPE: u8 = 26;
    pub const N1_SHAPE: u8 = 27;
    pub const CLASS: u8 = 28;
    pub const N1_CLASS: u8 = 29;
    pub const N12_CLASS: u8 = 30;
    pub const P1_CLASS: u8 = 31;
    pub const PREV_N1_CLASS: u8 = 32;
    pub const CLASS_N1_CLASS: u8 = 33;
    /// The keys of the lexicon and of the ambiguity classes.
    pub const DICT: u8 = 255;
    pub const CLASSES: u8 = 254;
}

/// How many features are keyed by hash, and how many of those see only
/// the word itself (the lexicon sums those for the words it has).
const HASHED: usize = 28;
const LEXICAL: usize = 9;

/// A word as the features see it: lower-cased, digits and hyphenated
/// compounds folded into classes (their shape carries the rest).
fn normal(word: &str, buf: &mut String) {
    buf.clear();
    let b = word.as_bytes();
    if b.len() == 4 && b.iter().all(u8::is_ascii_digit) {
        buf.push_str("!YEAR");
    } else if b.first().is_some_and(u8::is_ascii_digit) {
        buf.push_str("!DIGITS");
    } else if b.len() > 1 && b[0] != b'-' && b.contains(&b'-') {
        buf.push_str("!HYPHEN");
    } else if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Whether `normal` folds the word into a class ("!YEAR", "!DIGITS",
/// "!HYPHEN") rather than lower-casing it.
fn folded(b: &[u8]) -> bool {
    b.first().is_some_and(u8::is_ascii_digit) || (b.len() > 1 && b[0] != b'-' && b.contains(&b'-'))
}

/// ASCII capitals lower-cased in eight packed ASCII bytes (SWAR: each
/// byte's top bit says whether it is at least 'A', and whether above 'Z').
fn lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at_least_a = x.wrapping_add(ONES * (0x80 - u64::from(b'A')));
    let above_z = x.wrapping_add(ONES * (0x80 - u64::from(b'Z') - 1));
    let upper = at_least_a & !above_z & (ONES * 0x80);
    x | (upper >> 2)
}

/// The hashes of an ASCII normal form, its last 1 to 4 and first 1 and 3
/// bytes, from two loads: the first eight bytes, and the last eight with
/// the last byte on top; `lower` lower-cases them on the way.
fn ascii_hashes(b: &[u8], lower: bool) -> (u64, [u64; 4], u64, u64) {
    let l = b.len();
    if l == 0 {
        let h = hash_packed(0, 0);
        return (h, [h; 4], h, h);
    }
    let fix = |x: u64| if lower { lower8(x) } else { x };
    let head = fix(load8(b));
    let tail = match b.last_chunk::<8>() {
        Some(t) => fix(u64::from_le_bytes(*t)),
        None => head << (8 * (8 - l)),
    };
    let suf = |k: usize| {
        if k >= l {
            hash_packed(head, l)
        } else {
            hash_packed(tail >> (8 * (8 - k)), k)
        }
    };
    let pre = |k: usize| {
        if k >= l {
            hash_packed(head, l)
        } else {
            hash_packed(head & ((1 << (8 * k)) - 1), k)
        }
    };
    let norm = if l <= 8 {
        hash_packed(head, l)
    } else {
        let mut h = fold(l as u64 ^ STR_SEED, MIX);
        for c in b.chunks(8) {
            h = fold(h ^ fix(load8(c)), MIX);
        }
        h
    };
    (norm, [suf(1), suf(2), suf(3), suf(4)], pre(1), pre(3))
}

/// The byte offset of the last `n` chars of `s`.
fn suffix_at(s: &str, ascii: bool, n: usize) -> usize {
    if ascii {
        s.len().saturating_sub(n)
    } else {
        s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i)
    }
}

/// The byte length of the first `n` chars of `s`.
fn prefix_len(s: &str, ascii: bool, n: usize) -> usize {
    if ascii {
        s.len().min(n)
    } else {
        s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
    }
}

/// A word's shape: runs of capitals, small letters, digits and other
/// characters, each written once ("Xx", "x", "X.X.", "d,d"), over its
/// first 12 chars. (`shape_hash` has the ASCII path.)
fn shape(word: &str, out: &mut String) {
    out.clear();
    let class = |c: char| {
        if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        }
    };
    let mut last = '\0';
    let mut push = |s: char| {
        if s != last {
            out.push(s);
            last = s;
        }
    };
    for c in word.chars().take(12) {
        push(class(c));
    }
}

/// The hash of a word's shape, without building it for ASCII words.
fn shape_hash(word: &str, buf: &mut String) -> u64 {
    if !word.is_ascii() {
        shape(word, buf);
        return hash_bytes(buf.as_bytes());
    }
    let mut out = [0u8; 12];
    let (mut n, mut last) = (0, 0u8);
    for &b in word.as_bytes().iter().take(12) {
        let s = match b {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            _ => b,
        };
        if s != last {
            out[n] = s;
            n += 1;
            last = s;
        }
    }
    hash_bytes(&out[..n])
}

/// What the features use of one word, hashed once per sentence: the
/// neighbours' features reuse it.
#[derive(Clone, Copy)]
struct WordInfo {
    /// The normal form.
    norm: u64,
    /// Its last 1, 2, 3 and 4 chars.
    suf: [u64; 4],
    /// Its first 1 and 3 chars.
    pre1: u64,
    pre3: u64,
    shape: u64,
    /// The word as written.
    raw: u64,
    /// Its tag from the tag dictionary, else `AHEAD_UNKNOWN`.
    dict: u8,
    /// The row of its `word_features` summed, when the lexicon has it,
    /// else `NO_ROW`.
    lex: u32,
    /// The tags its normal form was seen with, as bits (0: unknown).
    class: u32,
}

impl WordInfo {
    /// The words before the first and after the last (two of each pad a
    /// sentence, so that every window is in bounds).
    const BEFORE: WordInfo = WordInfo::edge(b"-START-", b"RT-");
    const AFTER: WordInfo = WordInfo::edge(b"-END-", b"ND-");

    const fn edge(norm: &[u8], suf3: &[u8]) -> WordInfo {
        let h = hash_str(norm);
        WordInfo {
            norm: h,
            suf: [h, h, hash_str(suf3), h],
            pre1: h,
            pre3: h,
            shape: hash_str(b""),
            raw: h,
            dict: AHEAD_END,
            lex: NO_ROW,
            class: u32::MAX,
        }
    }

    fn new(word: &str, look: &impl Lookup, buf: &mut Buffers) -> WordInfo {
        let w = word.as_bytes();
        let (norm, suf, pre1, pre3) = if w.is_ascii() && !folded(w) {
            // The normal form is the word lower-cased: no need to write it.
            ascii_hashes(w, true)
        } else {
            normal(word, &mut buf.norm);
            let n = buf.norm.as_str();
            if n.is_ascii() {
                ascii_hashes(n.as_bytes(), false)
            } else {
                let h = |s: &str| hash_bytes(s.as_bytes());
                let suf = |k: usize| h(&n[suffix_at(n, false, k)..]);
                let pre = |k: usize| h(&n[..prefix_len(n, false, k)]);
                (h(n), [suf(1), suf(2), suf(3), suf(4)], pre(1), pre(3))
            }
        };
        let raw = hash_bytes(word.as_bytes());
        let entry = look.lexicon(raw);
        WordInfo {
            norm,
            suf,
            pre1,
            pre3,
            shape: shape_hash(word, &mut buf.shape),
            raw,
            dict: if entry < u32::from(START) {
                entry as u8
            } else {
                AHEAD_UNKNOWN
            },
            lex: if entry != NOT_FOUND && entry & ROW_FLAG != 0 {
                entry & !ROW_FLAG
            } else {
                NO_ROW
            },
            class: look.class(norm),
        }
    }
}

/// Reusable buffers for one word's strings.
#[derive(Default)]
struct Buffers {
    norm: String,
    shape: String,
}

/// A sentence's words as the features see them, padded by two on each
/// side: word `i` is at `i + 2`.
#[derive(Default)]
struct Scratch {
    words: Vec<WordInfo>,
    buf: Buffers,
}

impl Scratch {
    fn fill(&mut self, words: &[&str], look: &impl Lookup) {
        self.words.clear();
        self.words.extend([WordInfo::BEFORE; 2]);
        for w in words {
            let info = WordInfo::new(w, look, &mut self.buf);
            self.words.push(info);
        }
        self.words.extend([WordInfo::AFTER; 2]);
    }
}

/// The features that see only the word itself.
fn word_features(w: &WordInfo) -> [u32; LEXICAL] {
    let k = |t: u8, x: u64| Key::new(t).and(x).key();
    [
        k(t::WORD, w.norm),
        k(t::SUF1, w.suf[0]),
        k(t::SUF2, w.suf[1]),
        k(t::SUF3, w.suf[2]),
        k(t::SUF4, w.suf[3]),
        k(t::PRE1, w.pre1),
        k(t::PRE3, w.pre3),
        k(t::RAW, w.raw),
        // Ambiguity classes: the set of tags a word was seen with.
        k(t::CLASS, u64::from(w.class)),
    ]
}

/// The other hashed features of word `i` of a padded sentence, given the
/// tag before it. (The rest, which only see the two previous tags and the
/// look-ahead, are dense tables.)
fn context_features(ws: &[WordInfo], i: usize, prev: u8) -> [u32; HASHED - LEXICAL] {
    let [p2, p1, w, n1, n2]: &[WordInfo; 5] = ws[i..i + 5].try_into().expect("a padded sentence");
    let k = |t: u8, x: u64| Key::new(t).and(x).key();
    let k2 = |t: u8, x: u64, y: u64| Key::new(t).and(x).and(y).key();
    let prev = u64::from(prev);
    [
        k2(t::PREV_WORD, prev, w.norm),
        k(t::P1_WORD, p1.norm),
        k(t::P1_SUF3, p1.suf[2]),
        k(t::P2_WORD, p2.norm),
        k(t::N1_WORD, n1.norm),
        k(t::N1_SUF3, n1.suf[2]),
        k(t::N2_WORD, n2.norm),
        k2(t::SHAPE, w.shape, u64::from(i == 0)),
        k2(t::PREV_N1, prev, n1.norm),
        k2(t::P1_WORD_WORD, p1.norm, w.norm),
        k2(t::WORD_N1, w.norm, n1.norm),
        // What the next words are when they are unambiguous: a look-ahead
        // the greedy left-to-right order would otherwise lack.
        k2(t::AHEAD1_WORD, u64::from(n1.dict), w.norm),
        k(t::P1_SHAPE, p1.shape),
        k(t::N1_SHAPE, n1.shape),
        k(t::N1_CLASS, u64::from(n1.class)),
        k2(t::N12_CLASS, u64::from(n1.class), u64::from(n2.class)),
        k(t::P1_CLASS, u64::from(p1.class)),
        k2(t::PREV_N1_CLASS, prev, u64::from(n1.class)),
        k2(t::CLASS_N1_CLASS, u64::from(w.class), u64::from(n1.class)),
    ]
}

/// The look-ahead of word `i` of a padded sentence: what the next two
/// words are in the tag dictionary.
fn ahead(ws: &[WordInfo], i: usize) -> (u8, u8) {
    (ws[i + 3].dict, ws[i + 4].dict)
}

/// What the features look up about words besides their letters.
trait Lookup {
    /// What the lexicon has of a word, by the hash of its form as
    /// written: its tag when unambiguous (below `START`), or `ROW_FLAG`
    /// and the row of its word features summed, or `NOT_FOUND`.
    fn lexicon(&self, raw: u64) -> u32;
    /// The tags a word was seen with, as bits, by the hash of its normal
    /// form; 0 when unknown.
    fn class(&self, norm: u64) -> u32;
}

// ------------------------------------------------------------------ the model

/// The bytes, aligned so that weight rows sit on cache lines.
#[repr(C, align(64))]
struct Aligned<B: ?Sized>(B);

/// The shipped weights: UD English EWT, trained by `examples/train-tagger.rs`.
static MODEL_BYTES: &Aligned<[u8]> = &Aligned(*include_bytes!("../../../assets/tagger/en-ewt.bin"));

const MAGIC: &[u8; 4] = b"BRTG";
/// 3: dense rows of i16 weights and 64-bit feature hashes (2: sparse
/// (tag, weight) runs keyed by FNV-1a).
const VERSION: u32 = 3;
/// Weights in a row: one per tag, padded to 32 so that adding a row is a
/// few vector instructions.
const LANES: usize = 32;
const ROW: usize = LANES * 2;
const HEADER: usize = 64;
/// The largest weight, quantised: scores add up about 30 weights, so the
/// i16 sums keep clear of saturating (and saturate, not wrap, if ever).
const LIMIT: f32 = 2047.0;

type Row = [u8; ROW];
type Slot = [u8; 8];

/// A model read in place from its bytes.
///
/// Layout (little-endian), each part starting at a multiple of 64 bytes:
/// a 64-byte header (magic, version, tag count, row width, weight scale
/// (f32), feature table capacity, row count, lexicon and class table
/// capacities); the rows of the two previous tags (`HISTORY`²) and of
/// the look-ahead (`AHEAD`²), each the summed weights of the templates
/// that only see those; the rows of the hashed features, then of the
/// lexicon's words (each the sum of the word's `word_features`); then
/// three open-addressing tables of 8-byte slots (`u32` key, 0 = empty,
/// then `u32` value), each of a power-of-two capacity: feature key → row,
/// lexicon key → tag or `ROW_FLAG | row`, class key → tag bits. A row is
/// 32 i16 weights, one per tag then zeros.
pub struct Model<'a> {
    history: &'a [Row],
    ahead: &'a [Row],
    rows: &'a [Row],
    features: &'a [Slot],
    lexicon: &'a [Slot],
    classes: &'a [Slot],
}

/// The value of `key` in a table of slots (capacity a power of two, or
/// 0): linear probing from the slot its low bits name.
fn find(slots: &[Slot], key: u32) -> Option<u32> {
    let mask = slots.len().wrapping_sub(1);
    let mut i = key as usize & mask;
    for _ in 0..slots.len() {
        let s = &slots[i];
        let k = u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
        if k == key {
            return Some(u32::from_le_bytes([s[4], s[5], s[6], s[7]]));
        }
        if k == 0 {
            return None;
        }
        i = (i + 1) & mask;
    }
    None
}

/// Adds a row's weights to the scores.
#[inline(always)]
fn add(scores: &mut [i16; LANES], row: &Row) {
    let (w, _) = row.as_chunks::<2>();
    for (s, w) in scores.iter_mut().zip(w) {
        *s = s.saturating_add(i16::from_le_bytes(*w));
    }
}

/// The highest-scoring tag; ties go to the lower number (deterministic).
fn best(scores: &[i16; LANES]) -> u8 {
    let s = &scores[..TAGS];
    let max = s.iter().copied().max().unwrap_or(0);
    s.iter().position(|&x| x == max).unwrap_or(0) as u8
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
    /// Reads a model's bytes (as `train` writes them).
    pub fn from_bytes(b: &'a [u8]) -> Result<Model<'a>, BadModel> {
        if b.get(..4) != Some(MAGIC) {
            return Err(BadModel("not a tagger model"));
        }
        let word = |i: usize| -> Result<usize, BadModel> {
            let s = b.get(4 * i..4 * i + 4).ok_or(BadModel("truncated"))?;
            Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
        };
        if word(1)? != VERSION as usize {
            return Err(BadModel(
                "a format version this build does not read (retrain with examples/train-tagger.rs)",
            ));
        }
        if word(2)? != TAGS {
            return Err(BadModel("another tag set"));
        }
        if word(3)? != LANES {
            return Err(BadModel("another row width"));
        }
        // word(4) is the weights' scale: ranking tags needs none of it.
        let (feat_cap, n_rows, lex_cap, class_cap) = (word(5)?, word(6)?, word(7)?, word(8)?);
        if [feat_cap, lex_cap, class_cap]
            .iter()
            .any(|c| !c.is_power_of_two())
        {
            return Err(BadModel("table sizes"));
        }
        let mut at = HEADER;
        let mut take = |n: usize| -> Result<&'a [u8], BadModel> {
            let s = b.get(at..at + n).ok_or(BadModel("truncated"))?;
            at += n;
            Ok(s)
        };
        let history = take(HISTORY * HISTORY * ROW)?.as_chunks().0;
        let ahead = take(AHEAD * AHEAD * ROW)?.as_chunks().0;
        let rows = take(n_rows * ROW)?.as_chunks().0;
        let features = take(feat_cap * 8)?.as_chunks().0;
        let lexicon = take(lex_cap * 8)?.as_chunks().0;
        let classes = take(class_cap * 8)?.as_chunks().0;
        if at != b.len() {
            return Err(BadModel("trailing bytes"));
        }
        Ok(Model {
            history,
            ahead,
            rows,
            features,
            lexicon,
            classes,
        })
    }

    /// Tags a sentence's words.
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        let mut out = Vec::with_capacity(words.len());
        self.tag_into(words, &mut Scratch::default(), &mut out);
        out
    }

    fn tag_into(&self, words: &[&str], s: &mut Scratch, out: &mut Vec<Tag>) {
        out.clear();
        s.fill(words, self);
        let ws = &s.words;
        let (mut prev, mut prev2) = (START, START2);
        for i in 0..words.len() {
            let dict = ws[i + 2].dict;
            let t = if dict < START {
                dict
            } else {
                let mut scores = [0i16; LANES];
                let h = usize::from(prev) * HISTORY + usize::from(prev2);
                if let Some(r) = self.history.get(h) {
                    add(&mut scores, r);
                }
                let (a1, a2) = ahead(ws, i);
                if let Some(r) = self.ahead.get(usize::from(a1) * AHEAD + usize::from(a2)) {
                    add(&mut scores, r);
                }
                let w = &ws[i + 2];
                let lexical = self.rows.get(w.lex as usize);
                if let Some(r) = lexical {
                    add(&mut scores, r);
                }
                let mut feature = |key| {
                    if let Some(r) =
                        find(self.features, key).and_then(|r| self.rows.get(r as usize))
                    {
                        add(&mut scores, r);
                    }
                };
                if lexical.is_none() {
                    word_features(w).into_iter().for_each(&mut feature);
                }
                context_features(ws, i, prev).into_iter().for_each(feature);
                best(&scores)
            };
            out.push(Tag::ALL[usize::from(t)]);
            prev2 = prev;
            prev = t;
        }
    }
}

impl Lookup for Model<'_> {
    fn lexicon(&self, raw: u64) -> u32 {
        find(self.lexicon, Key::new(t::DICT).and(raw).key()).unwrap_or(NOT_FOUND)
    }

    fn class(&self, norm: u64) -> u32 {
        find(self.classes, Key::new(t::CLASSES).and(norm).key()).unwrap_or(0)
    }
}

/// The shipped model.
pub fn model() -> &'static Model<'static> {
    static MODEL: OnceLock<Model<'static>> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::from_bytes(&MODEL_BYTES.0).expect("the embedded tagger model is well formed")
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
    /// Features whose largest averaged weight is smaller than this are
    /// not shipped (chosen by dev accuracy).
    pub min_weight: f32,
    /// Words seen this often (and not in the tag dictionary) get a row of
    /// their word features summed: one lookup for nine. Speed, not
    /// accuracy: the sums are of the same quantised weights.
    pub lexicon_min_count: u32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            iterations: 10,
            dict_min_count: 20,
            dict_min_share: 0.97,
            min_feature_count: 2,
            class_min_count: 3,
            min_weight: 1.0,
            lexicon_min_count: 2,
        }
    }
}

/// The training-time ids of the features of the dense tables, apart from
/// the hashed keys (which are below 2³²).
mod dense {
    const fn id(template: u64, value: usize) -> u64 {
        1 << 40 | template << 16 | value as u64
    }
    pub const BIAS: u64 = id(0, 0);
    pub const fn prev(p: usize) -> u64 {
        id(4, p)
    }
    pub const fn prev2(p: usize) -> u64 {
        id(5, p)
    }
    pub const fn prev_prev2(p: usize, p2: usize) -> u64 {
        id(6, p << 8 | p2)
    }
    pub const fn ahead1(a: usize) -> u64 {
        id(22, a)
    }
    pub const fn ahead12(a: usize, a2: usize) -> u64 {
        id(23, a << 8 | a2)
    }
}

/// Every feature of word `i` of a padded sentence, as training ids.
fn train_features(ws: &[WordInfo], i: usize, prev: u8, prev2: u8, out: &mut Vec<u64>) {
    out.clear();
    let (p, p2) = (usize::from(prev), usize::from(prev2));
    let (a1, a2) = ahead(ws, i);
    let (a1, a2) = (usize::from(a1), usize::from(a2));
    out.extend([
        dense::BIAS,
        dense::prev(p),
        dense::prev2(p2),
        dense::prev_prev2(p, p2),
        dense::ahead1(a1),
        dense::ahead12(a1, a2),
    ]);
    out.extend(word_features(&ws[i + 2]).map(u64::from));
    out.extend(context_features(ws, i, prev).map(u64::from));
}

/// Trains a model on `sentences` and returns its bytes. Deterministic:
/// the same sentences and options give the same bytes.
pub fn train(sentences: &[Sentence], opt: &TrainOptions) -> Vec<u8> {
    use rustc_hash::FxHashMap;

    // The tag dictionary.
    let mut seen: FxHashMap<&str, [u32; TAGS]> = FxHashMap::default();
    for s in sentences {
        for (w, t) in s.words.iter().zip(&s.tags) {
            seen.entry(w.as_str()).or_insert([0; TAGS])[*t as usize] += 1;
        }
    }
    let mut dict: Vec<(u64, u8)> = seen
        .iter()
        .filter_map(|(w, counts)| {
            let n: u32 = counts.iter().sum();
            let (t, &m) = counts.iter().enumerate().max_by_key(|(_, c)| **c)?;
            (n as usize >= opt.dict_min_count && m as f32 >= opt.dict_min_share * n as f32)
                .then_some((hash_str(w.as_bytes()), t as u8))
        })
        .collect();
    dict.sort();
    // Ambiguity classes of the words seen often enough to say.
    let mut by_norm: FxHashMap<String, (u32, u32)> = FxHashMap::default();
    let mut buf = String::new();
    for s in sentences {
        for (w, t) in s.words.iter().zip(&s.tags) {
            normal(w, &mut buf);
            let e = by_norm.entry(buf.clone()).or_default();
            e.0 += 1;
            e.1 |= 1 << (*t as u32);
        }
    }
    let mut classes: Vec<(u64, u32)> = by_norm
        .into_iter()
        .filter(|(_, (n, _))| *n >= opt.class_min_count)
        .map(|(w, (_, bits))| (hash_str(w.as_bytes()), bits))
        .collect();
    classes.sort();
    let maps = Maps {
        dict: dict.iter().copied().collect(),
        classes: classes.iter().copied().collect(),
    };

    // The words as the features see them, once.
    let mut scratch = Scratch::default();
    let infos: Vec<Vec<WordInfo>> = sentences
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            scratch.fill(&words, &maps);
            scratch.words.clone()
        })
        .collect();

    // Feature counts, to drop the rare ones.
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    let mut feats = Vec::new();
    for (s, ws) in sentences.iter().zip(&infos) {
        let (mut prev, mut prev2) = (START, START2);
        for (i, &t) in s.tags.iter().enumerate() {
            train_features(ws, i, prev, prev2, &mut feats);
            for &k in &feats {
                *counts.entry(k).or_default() += 1;
            }
            prev2 = prev;
            prev = t as u8;
        }
    }

    let mut weights: FxHashMap<u64, Vec<(u8, Param)>> = FxHashMap::default();
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut clock: u32 = 0;
    for _ in 0..opt.iterations {
        for &si in &order {
            let (s, ws) = (&sentences[si], &infos[si]);
            let (mut prev, mut prev2) = (START, START2);
            for i in 0..s.words.len() {
                let truth = s.tags[i] as u8;
                let dict = ws[i + 2].dict;
                let guess = if dict < START {
                    dict
                } else {
                    train_features(ws, i, prev, prev2, &mut feats);
                    feats.retain(|k| counts.get(k).copied().unwrap_or(0) >= opt.min_feature_count);
                    let mut scores = [0f32; TAGS];
                    for k in &feats {
                        if let Some(ps) = weights.get(k) {
                            for (t, p) in ps {
                                scores[*t as usize] += p.w;
                            }
                        }
                    }
                    let guess = best_f32(&scores);
                    clock += 1;
                    if guess != truth {
                        for &k in &feats {
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

    // Averaged weights.
    let averaged: FxHashMap<u64, [f32; TAGS]> = weights
        .into_iter()
        .map(|(k, ps)| {
            let mut row = [0f32; TAGS];
            for (t, p) in ps {
                let total = p.total + (clock - p.stamp) as f32 * p.w;
                row[usize::from(t)] = total / clock.max(1) as f32;
            }
            (k, row)
        })
        .collect();
    let get = |id: u64| averaged.get(&id).copied().unwrap_or([0.0; TAGS]);
    let sum = |rows: &[[f32; TAGS]]| {
        let mut out = [0f32; TAGS];
        for r in rows {
            for (o, w) in out.iter_mut().zip(r) {
                *o += w;
            }
        }
        out
    };
    // The dense tables: each row the sum of the features it stands for.
    let mut history = Vec::with_capacity(HISTORY * HISTORY);
    for p in 0..HISTORY {
        for p2 in 0..HISTORY {
            history.push(sum(&[
                get(dense::BIAS),
                get(dense::prev(p)),
                get(dense::prev2(p2)),
                get(dense::prev_prev2(p, p2)),
            ]));
        }
    }
    let mut ahead = Vec::with_capacity(AHEAD * AHEAD);
    for a1 in 0..AHEAD {
        for a2 in 0..AHEAD {
            ahead.push(sum(&[get(dense::ahead1(a1)), get(dense::ahead12(a1, a2))]));
        }
    }
    let largest = |r: &[f32; TAGS]| r.iter().fold(0f32, |m, w| m.max(w.abs()));
    let mut hashed: Vec<(u32, [f32; TAGS])> = averaged
        .iter()
        .filter(|(k, r)| **k < 1 << 32 && largest(r) >= opt.min_weight.max(1e-6))
        .map(|(k, r)| (*k as u32, *r))
        .collect();
    hashed.sort_by_key(|(k, _)| *k);
    // Quantised to i16, the largest weight to `LIMIT`.
    let max = history
        .iter()
        .chain(&ahead)
        .chain(hashed.iter().map(|(_, r)| r))
        .map(largest)
        .fold(0f32, f32::max)
        .max(1e-6);
    let scale = max / LIMIT;
    let q = |r: &[f32; TAGS]| {
        let mut out = [0i16; LANES];
        for (o, w) in out.iter_mut().zip(r) {
            *o = (w / scale).round() as i16;
        }
        out
    };
    let history: Vec<_> = history.iter().map(q).collect();
    let ahead: Vec<_> = ahead.iter().map(q).collect();
    let hashed: Vec<(u32, [i16; LANES])> = hashed
        .iter()
        .map(|(k, r)| (*k, q(r)))
        .filter(|(_, r)| r.iter().any(|&w| w != 0))
        .collect();
    let features: Vec<(u32, u32)> = hashed
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (*k, i as u32))
        .collect();
    let row_of: FxHashMap<u32, usize> = hashed
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (*k, i))
        .collect();
    let mut rows: Vec<[i16; LANES]> = hashed.iter().map(|(_, r)| *r).collect();
    // The lexicon: the dictionary's tags, and for the other words seen
    // often enough the sum of their word features' rows (as tagging would
    // add them one by one).
    let mut lexicon: Vec<(u32, u32)> = dict
        .iter()
        .map(|&(w, t)| (Key::new(t::DICT).and(w).key(), u32::from(t)))
        .collect();
    let mut words: Vec<&str> = seen
        .iter()
        .filter(|(w, c)| {
            c.iter().sum::<u32>() >= opt.lexicon_min_count
                && !maps.dict.contains_key(&hash_str(w.as_bytes()))
        })
        .map(|(w, _)| *w)
        .collect();
    words.sort_unstable();
    let mut bufs = Buffers::default();
    let lexical: Vec<(u64, [i16; LANES])> = words
        .iter()
        .map(|w| {
            let info = WordInfo::new(w, &maps, &mut bufs);
            let mut sum = [0i32; LANES];
            for k in word_features(&info) {
                if let Some(&r) = row_of.get(&k) {
                    for (s, w) in sum.iter_mut().zip(&rows[r]) {
                        *s += i32::from(*w);
                    }
                }
            }
            (
                info.raw,
                sum.map(|s| s.clamp(i16::MIN.into(), i16::MAX.into()) as i16),
            )
        })
        .collect();
    for (raw, row) in lexical {
        lexicon.push((
            Key::new(t::DICT).and(raw).key(),
            ROW_FLAG | rows.len() as u32,
        ));
        rows.push(row);
    }
    let classes: Vec<(u32, u32)> = classes
        .iter()
        .map(|&(w, bits)| (Key::new(t::CLASSES).and(w).key(), bits))
        .collect();
    to_bytes(
        scale, &history, &ahead, &rows, &features, &lexicon, &classes,
    )
}

/// The highest-scoring tag during training; ties as in `best`.
fn best_f32(scores: &[f32; TAGS]) -> u8 {
    let mut b = 0;
    for (t, &s) in scores.iter().enumerate() {
        if s > scores[b] {
            b = t;
        }
    }
    b as u8
}

/// The training-time lookups, from maps keyed by the words' hashes.
struct Maps {
    dict: rustc_hash::FxHashMap<u64, u8>,
    classes: rustc_hash::FxHashMap<u64, u32>,
}

impl Lookup for Maps {
    fn lexicon(&self, raw: u64) -> u32 {
        self.dict.get(&raw).map_or(NOT_FOUND, |&t| u32::from(t))
    }

    fn class(&self, norm: u64) -> u32 {
        self.classes.get(&norm).copied().unwrap_or(0)
    }
}

/// The smallest power of two, at least 8, that holds `n` keys at most
/// 2/3 full.
fn capacity(n: usize) -> usize {
    (n * 3 / 2 + 1).next_power_of_two().max(8)
}

/// An open-addressing table of `entries` (keys distinct and not 0), as
/// `find` reads it.
fn table(entries: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let cap = capacity(entries.len());
    let mask = cap - 1;
    let mut slots = vec![(0u32, 0u32); cap];
    for &(key, value) in entries {
        let mut i = key as usize & mask;
        while slots[i].0 != 0 && slots[i].0 != key {
            i = (i + 1) & mask;
        }
        slots[i] = (key, value);
    }
    slots
}

fn to_bytes(
    scale: f32,
    history: &[[i16; LANES]],
    ahead: &[[i16; LANES]],
    rows: &[[i16; LANES]],
    features: &[(u32, u32)],
    lexicon: &[(u32, u32)],
    classes: &[(u32, u32)],
) -> Vec<u8> {
    let (features, lexicon, classes) = (table(features), table(lexicon), table(classes));
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    for x in [VERSION, TAGS as u32, LANES as u32, scale.to_bits()]
        .into_iter()
        .chain([features.len(), rows.len(), lexicon.len(), classes.len()].map(|n| n as u32))
    {
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.resize(HEADER, 0);
    for r in history.iter().chain(ahead).chain(rows) {
        for w in r {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    for (k, v) in features.iter().chain(&lexicon).chain(&classes) {
        out.extend_from_slice(&k.to_le_bytes());
        out.extend_from_slice(&v.to_le_bytes());
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
            // Ten iterations over four sentences leave small averages.
            min_weight: 0.0,
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

    #[test]
    fn the_format_round_trips_rows_and_tables() {
        let mut history = vec![[0i16; LANES]; HISTORY * HISTORY];
        history[usize::from(START) * HISTORY + usize::from(START2)][Tag::Noun as usize] = 5;
        let ahead = vec![[0i16; LANES]; AHEAD * AHEAD];
        let mut verb = [0i16; LANES];
        verb[Tag::Verb as usize] = 9;
        verb[Tag::Noun as usize] = -3;
        let rows = [verb, [1; LANES], [-7; LANES]];
        let (k1, k2) = (
            Key::new(t::WORD).and(1).key(),
            Key::new(t::WORD).and(2).key(),
        );
        let features = [(k1, 0), (k2, 1)];
        let lex = |w: &[u8]| Key::new(t::DICT).and(hash_str(w)).key();
        let lexicon = [(lex(b"the"), Tag::Det as u32), (lex(b"sign"), ROW_FLAG | 2)];
        let classes = [(Key::new(t::CLASSES).and(hash_str(b"sign")).key(), 0b101)];
        let bytes = to_bytes(0.5, &history, &ahead, &rows, &features, &lexicon, &classes);
        assert_eq!(bytes.len() % 64, 0, "every part on a cache line");
        let m = Model::from_bytes(&bytes).unwrap();
        assert_eq!(m.history.len(), HISTORY * HISTORY);
        assert_eq!(m.ahead.len(), AHEAD * AHEAD);
        let row = |r: usize| {
            let mut s = [0i16; LANES];
            add(&mut s, &m.rows[r]);
            s
        };
        assert_eq!(row(find(m.features, k1).unwrap() as usize), verb);
        assert_eq!(row(find(m.features, k2).unwrap() as usize), [1; LANES]);
        assert_eq!(find(m.features, Key::new(t::WORD).and(3).key()), None);
        let mut s = [0i16; LANES];
        add(
            &mut s,
            &m.history[usize::from(START) * HISTORY + usize::from(START2)],
        );
        assert_eq!(best(&s), Tag::Noun as u8);
        let mut b = Buffers::default();
        let the = WordInfo::new("the", &m, &mut b);
        assert_eq!((the.dict, the.lex), (Tag::Det as u8, NO_ROW));
        let sign = WordInfo::new("sign", &m, &mut b);
        assert_eq!((sign.dict, sign.lex), (AHEAD_UNKNOWN, 2));
        assert_eq!(row(sign.lex as usize), [-7; LANES]);
        assert_eq!(sign.class, 0b101);
        let signs = WordInfo::new("signs", &m, &mut b);
        assert_eq!(
            (signs.dict, signs.lex, signs.class),
            (AHEAD_UNKNOWN, NO_ROW, 0)
        );
    }

    #[test]
    fn bytes_of_another_format_version_are_refused() {
        let mut old = MODEL_BYTES.0.to_vec();
        assert!(Model::from_bytes(&old).is_ok());
        old[4..8].copy_from_slice(&2u32.to_le_bytes());
        let err = Model::from_bytes(&old).err().expect("version 2 is refused");
        assert!(err.to_string().contains("format version"), "{err}");
    }

    #[test]
    fn feature_hashes_are_fixed_for_good() {
        // The shipped weights are keyed by these: a change needs a retrain
        // and a new format version.
        assert_eq!(hash_str(b""), 0xe184_8576_4ba0_3644);
        assert_eq!(hash_str(b"sign"), 0xa5e2_59c9_5687_7211);
        assert_eq!(hash_str(b"negotiations"), 0x5add_b623_5b7b_cb7e);
        assert_eq!(Key::new(t::WORD).and(hash_str(b"sign")).key(), 0x82fd_3421);
        for w in ["", "sign", "negotiations", "señor"] {
            assert_eq!(hash_bytes(w.as_bytes()), hash_str(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn the_ascii_paths_agree_with_the_general_ones() {
        let mut buf = String::new();
        for (w, n) in [
            ("Union", "union"),
            ("ÉCOLE", "école"),
            ("1999", "!YEAR"),
            ("3,200", "!DIGITS"),
            ("long-term", "!HYPHEN"),
            ("-", "-"),
        ] {
            normal(w, &mut buf);
            assert_eq!(buf, n);
        }
        for (w, s) in [
            ("McDonald's", "XxXx'x"),
            ("Zürich", "Xx"),
            ("U.S.", "X.X."),
            ("3,200", "d,d"),
            ("Oversubscriptions", "Xx"),
        ] {
            shape(w, &mut buf);
            assert_eq!(buf, s);
            assert_eq!(shape_hash(w, &mut buf), hash_str(s.as_bytes()), "{w}");
        }
        // The packed affixes are the affixes' hashes.
        let look = Maps {
            dict: Default::default(),
            classes: Default::default(),
        };
        let mut b = Buffers::default();
        for w in [
            "a",
            "to",
            "Sign",
            "signing",
            "signings",
            "negotiations",
            "señor",
            "",
        ] {
            let info = WordInfo::new(w, &look, &mut b);
            normal(w, &mut buf);
            let n = buf.as_str();
            let ascii = n.is_ascii();
            let h = |s: &str| hash_str(s.as_bytes());
            assert_eq!(info.norm, h(n), "{w}");
            assert_eq!(info.raw, h(w), "{w}");
            for k in 1..=4 {
                assert_eq!(info.suf[k - 1], h(&n[suffix_at(n, ascii, k)..]), "{w} {k}");
            }
            assert_eq!(info.pre1, h(&n[..prefix_len(n, ascii, 1)]), "{w}");
            assert_eq!(info.pre3, h(&n[..prefix_len(n, ascii, 3)]), "{w}");
        }
        assert_eq!(&"signing"[suffix_at("signing", true, 3)..], "ing");
        assert_eq!(&"señor"[suffix_at("señor", false, 4)..], "eñor");
        assert_eq!(&"señor"[..prefix_len("señor", false, 3)], "señ");
        assert_eq!(&"to"[suffix_at("to", true, 4)..], "to");
    }
}

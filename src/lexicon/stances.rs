//! The stance lexicon (`assets/lexicon/stances.toml`): cue phrases for
//! positions and red lines, and the words that cancel, weaken or support
//! them, compiled into phrase tables for the matcher in
//! `analyze::stances`.

use serde::Deserialize;

use crate::model::PositionKind;

/// How a cue phrase is read (see `analyze::stances` for the rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// A red line by itself ("non-negotiable", "red line"); held by the
    /// party it names, the possessor, or whoever says it.
    RedLinePhrase,
    /// A verb or noun of refusal ("rejected", "rules out"): a red line of
    /// its subject.
    Refusal,
    /// A verb whose negation is a refusal ("accept" in "will not accept").
    Negatable,
    /// A condition marker ("only if", "unless", "or face").
    Condition,
    /// "must", "has to", "should".
    Necessity,
    /// A stance verb or phrase: a position of its subject.
    Stance,
    /// An evaluative word: a position of whoever says it.
    Evaluation,
    /// A refusal to comment: a position, never a red line.
    NoComment,
}

impl CueClass {
    /// The name of the rule this class of cue triggers (provenance).
    pub fn rule(self) -> &'static str {
        match self {
            CueClass::RedLinePhrase => "red-line-phrase",
            CueClass::Refusal => "refusal-cue",
            CueClass::Negatable => "negated-verb",
            CueClass::Condition => "condition",
            CueClass::Necessity => "necessity",
            CueClass::Stance => "stance-cue",
            CueClass::Evaluation => "evaluation",
            CueClass::NoComment => "no-comment",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    pub class: CueClass,
    pub kind: PositionKind,
}

/// The fast (Fx) hash map of the project (rustc-hash).
pub type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// The word lists of the stance lexicon. Each word of a sentence is looked
/// up once, giving a bit set: for each list, whether the word is a
/// one-word entry and whether some entry starts with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Cues,
    Cancels,
    Negotiable,
    Volition,
    DealNouns,
    NecessityStrong,
    Insist,
    Negations,
    VerbGroup,
    Hedges,
    Analyst,
    OrgParts,
    CountryParts,
    SpeakerNouns,
    OwnerNouns,
    Directive,
    Ignore,
    Reporting,
    According,
    /// Closed classes copied from the main lexicon (one-word bits only).
    Prepositions,
    Calendar,
    AnonymousGroups,
    /// The longest word of each cue phrase: a sentence without one holds no
    /// cue (one-word bit only).
    Anchor,
    /// The first words of a construction's frame: future and volitional
    /// modals, volition frames, threats (see [`Constructions`]).
    Frame,
    /// The first words a frame combines with into a construction (besides
    /// a negation): negative objects, condition openers, restrictive
    /// subordinators, "until", and restrictive "only".
    Construct,
}

impl Tab {
    /// The bit of a one-word entry.
    pub const fn word(self) -> u64 {
        1 << (2 * self as u32)
    }
    /// The bit of a word some entry starts with.
    pub const fn start(self) -> u64 {
        1 << (2 * self as u32 + 1)
    }
}

/// One element of a phrase pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pat {
    Word(String),
    Any,
}

/// Phrases (sequences of lower-case words, with "*" wildcards) indexed by
/// their first word, longest first. Phrases never start with "*".
#[derive(Clone, Debug)]
pub struct PhraseTable<T> {
    by_first: FxMap<String, Vec<(Vec<Pat>, T)>>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            by_first: FxMap::default(),
        }
    }
}

/// Lower-cases a word and reads a curly apostrophe as a straight one.
pub fn norm_word(w: &str, out: &mut String) {
    out.clear();
    if w.is_ascii() {
        out.push_str(w);
        out.make_ascii_lowercase();
        return;
    }
    for c in w.chars() {
        match c {
            '’' | '‘' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The words of a phrase, each expanded to its alternatives: a word ending
/// in "+" becomes the forms of that verb.
fn expand(phrase: &str) -> Vec<Vec<Pat>> {
    let mut out: Vec<Vec<Pat>> = vec![Vec::new()];
    let mut buf = String::new();
    for w in phrase.split_whitespace() {
        let alts: Vec<Pat> = if w == "*" {
            vec![Pat::Any]
        } else if let Some(verb) = w.strip_suffix('+') {
            let (_, forms) = super::verb_forms(verb);
            forms.into_iter().map(Pat::Word).collect()
        } else if let Some(stem) = w.strip_suffix("'s").filter(|s| !s.is_empty()) {
            // A possessive is its own token: "Iran's" → "iran" "'s".
            norm_word(stem, &mut buf);
            let stem = buf.clone();
            for p in &mut out {
                p.push(Pat::Word(stem.clone()));
            }
            vec![Pat::Word("'s".to_string())]
        } else {
            norm_word(w, &mut buf);
            vec![Pat::Word(buf.clone())]
        };
        let mut next = Vec::with_capacity(out.len() * alts.len());
        for p in &out {
            for a in &alts {
                let mut q = p.clone();
                q.push(a.clone());
                next.push(q);
            }
        }
        out = next;
    }
    out.retain(|p| matches!(p.first(), Some(Pat::Word(_))));
    out
}

impl<T: Clone> PhraseTable<T> {
    /// Adds a phrase (with `+` verbs and `*` wildcards); an existing phrase
    /// keeps its first value.
    pub fn insert(&mut self, phrase: &str, value: T) {
        for words in expand(phrase) {
            let Some(Pat::Word(first)) = words.first() else {
                continue;
            };
            let list = self.by_first.entry(first.clone()).or_default();
            if list.iter().any(|(w, _)| *w == words) {
                continue;
            }
            list.push((words, value.clone()));
            list.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        }
    }

    /// The longest phrase starting at `words[at]`: its length in words and
    /// its value. `words` are normalised (see [`norm_word`]).
    pub fn longest_at<S: AsRef<str>>(&self, words: &[S], at: usize) -> Option<(usize, &T)> {
        self.longest_by(words.len(), at, |k| words[k].as_ref())
    }

    /// [`Self::longest_at`] over `n` words given by `word(k)`.
    pub fn longest_by<'w>(
        &self,
        n: usize,
        at: usize,
        word: impl Fn(usize) -> &'w str,
    ) -> Option<(usize, &T)> {
        if at >= n {
            return None;
        }
        let list = self.by_first.get(word(at))?;
        'outer: for (phrase, value) in list {
            if at + phrase.len() > n {
                continue;
            }
            for (k, p) in phrase.iter().enumerate().skip(1) {
                if let Pat::Word(want) = p
                    && word(at + k) != want
                {
                    continue 'outer;
                }
            }
            return Some((phrase.len(), value));
        }
        None
    }

    /// Whether a one-word phrase `w` (normalised) is in the table.
    pub fn has_word(&self, w: &str) -> bool {
        self.by_first
            .get(w)
            .is_some_and(|l| l.iter().any(|(p, _)| p.len() == 1))
    }

    /// Whether some phrase starts at `words[at]`.
    pub fn matches_at<S: AsRef<str>>(&self, words: &[S], at: usize) -> bool {
        self.longest_at(words, at).is_some()
    }

    /// The longest word of every phrase (the first of equals).
    fn anchors(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for list in self.by_first.values() {
            for (phrase, _) in list {
                let longest = phrase
                    .iter()
                    .filter_map(|p| match p {
                        Pat::Word(w) => Some(w),
                        Pat::Any => None,
                    })
                    .fold(None::<&String>, |best, w| match best {
                        Some(b) if b.len() >= w.len() => Some(b),
                        _ => Some(w),
                    });
                if let Some(w) = longest {
                    out.push(w.clone());
                }
            }
        }
        out
    }

    /// Every first word, and whether it is a phrase of one word.
    fn first_words(&self) -> impl Iterator<Item = (&str, bool)> {
        self.by_first
            .iter()
            .map(|(w, l)| (w.as_str(), l.iter().any(|(p, _)| p.len() == 1)))
    }
}

/// The compiled stance lexicon.
#[derive(Clone, Debug, Default)]
pub struct StanceLexicon {
    /// Every cue phrase with its class and kind.
    pub cues: PhraseTable<Cue>,
    pub cancels: PhraseTable<()>,
    pub negotiable: PhraseTable<()>,
    pub volition: PhraseTable<()>,
    pub deal_nouns: PhraseTable<()>,
    pub necessity_strong: PhraseTable<()>,
    pub insist: PhraseTable<()>,
    pub negations: PhraseTable<()>,
    pub verb_group: PhraseTable<()>,
    pub hedges: PhraseTable<()>,
    pub analyst: PhraseTable<()>,
    pub org_parts: PhraseTable<()>,
    pub country_parts: PhraseTable<()>,
    pub speaker_nouns: PhraseTable<()>,
    pub owner_nouns: PhraseTable<()>,
    pub directive: PhraseTable<()>,
    pub ignore: PhraseTable<()>,
    pub reporting: PhraseTable<()>,
    /// The reporting forms that take their speaker after them (from
    /// speech.toml).
    pub inverted: std::collections::HashSet<String>,
    /// "according to" and the like (from speech.toml).
    pub according: PhraseTable<()>,
    /// The word classes of the constructions (`[construction]`).
    pub constructions: Constructions,
    /// Word → the bits of [`Tab`] it has.
    classes: FxMap<String, u64>,
    /// `classes` ready for fast lookups (rebuilt after every change).
    fast: super::WordClasses<u64>,
}

/// The word classes the construction rules read (`[construction]` of
/// stances.toml; each list names its class and source there).
#[derive(Clone, Debug, Default)]
pub struct Constructions {
    pub future_modals: PhraseTable<()>,
    pub volition_frames: PhraseTable<()>,
    pub non_action: PhraseTable<()>,
    pub concessions: PhraseTable<()>,
    pub persist: PhraseTable<()>,
    pub negative_objects: PhraseTable<()>,
    pub control: PhraseTable<()>,
    pub threats: PhraseTable<()>,
    pub openers: PhraseTable<()>,
    pub restrictive: PhraseTable<()>,
    pub until: PhraseTable<()>,
    pub until_times: PhraseTable<()>,
    pub offer_frames: PhraseTable<()>,
    pub insistence: PhraseTable<()>,
    pub schedule_times: PhraseTable<()>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConstructionFile {
    future_modals: Vec<String>,
    volition_frames: Vec<String>,
    non_action: Vec<String>,
    concessions: Vec<String>,
    persist: Vec<String>,
    negative_objects: Vec<String>,
    control: Vec<String>,
    threats: Vec<String>,
    openers: Vec<String>,
    restrictive: Vec<String>,
    until: Vec<String>,
    until_times: Vec<String>,
    offer_frames: Vec<String>,
    insistence: Vec<String>,
    schedule_times: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct StancesFile {
    #[serde(default)]
    pub red_line_phrases: Vec<String>,
    red_line: RedLineFile,
    construction: ConstructionFile,
    stance: StanceFile,
    evaluation: WordsList,
    no_comment: PhrasesList,
    words: WordsFile,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RedLineFile {
    condition_phrases: Vec<String>,
    refusal: Vec<String>,
    negatable: Vec<String>,
    negotiable: Vec<String>,
    conditions: Vec<String>,
    volition: Vec<String>,
    deal_nouns: Vec<String>,
    necessity: Vec<String>,
    necessity_strong: Vec<String>,
    insist: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct StanceFile {
    owner_nouns: Vec<String>,
    directive: Vec<String>,
    ignore: Vec<String>,
    demand: Vec<String>,
    offer: Vec<String>,
    support: Vec<String>,
    opposition: Vec<String>,
    accusation: Vec<String>,
    assessment: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct WordsList {
    words: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PhrasesList {
    phrases: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    negations: Vec<String>,
    verb_group: Vec<String>,
    hedges: Vec<String>,
    cancels: Vec<String>,
    analyst: Vec<String>,
    org_parts: Vec<String>,
    country_parts: Vec<String>,
    speaker_nouns: Vec<String>,
}

/// The lists of speech.toml the stance lexicon is built with: every
/// reporting verb is listed in that one file.
pub(super) struct SpeechLists<'a> {
    pub according: &'a [String],
    pub reporting: &'a [String],
    pub inverted: &'a [String],
}

fn table(list: &[String]) -> PhraseTable<()> {
    let mut t = PhraseTable::default();
    for p in list {
        t.insert(p, ());
    }
    t
}

impl Constructions {
    fn from_file(f: &ConstructionFile) -> Constructions {
        Constructions {
            future_modals: table(&f.future_modals),
            volition_frames: table(&f.volition_frames),
            non_action: table(&f.non_action),
            concessions: table(&f.concessions),
            persist: table(&f.persist),
            negative_objects: table(&f.negative_objects),
            control: table(&f.control),
            threats: table(&f.threats),
            openers: table(&f.openers),
            restrictive: table(&f.restrictive),
            until: table(&f.until),
            until_times: table(&f.until_times),
            offer_frames: table(&f.offer_frames),
            insistence: table(&f.insistence),
            schedule_times: table(&f.schedule_times),
        }
    }
}

impl StanceLexicon {
    /// The phrase table of a list.
    pub fn table(&self, t: Tab) -> Option<&PhraseTable<()>> {
        Some(match t {
            Tab::Cancels => &self.cancels,
            Tab::Negotiable => &self.negotiable,
            Tab::Volition => &self.volition,
            Tab::DealNouns => &self.deal_nouns,
            Tab::NecessityStrong => &self.necessity_strong,
            Tab::Insist => &self.insist,
            Tab::Negations => &self.negations,
            Tab::VerbGroup => &self.verb_group,
            Tab::Hedges => &self.hedges,
            Tab::Analyst => &self.analyst,
            Tab::OrgParts => &self.org_parts,
            Tab::CountryParts => &self.country_parts,
            Tab::SpeakerNouns => &self.speaker_nouns,
            Tab::OwnerNouns => &self.owner_nouns,
            Tab::Directive => &self.directive,
            Tab::Ignore => &self.ignore,
            Tab::Reporting => &self.reporting,
            Tab::According => &self.according,
            Tab::Cues
            | Tab::Prepositions
            | Tab::Calendar
            | Tab::AnonymousGroups
            | Tab::Anchor
            | Tab::Frame
            | Tab::Construct => {
                return None;
            }
        })
    }

    /// The bits of a normalised word (see [`norm_word`]).
    #[inline]
    /// The words that gate a sentence's stances: the main lexicon marks
    /// them so the analysis can skip sentences that cannot hold one. A
    /// position needs a cue phrase, or else a negation with a negotiation
    /// word ("is not up for negotiation", see `Sent::negotiable_at`). So:
    /// the first words of the cues, the one-word cues, the negations and
    /// the first words of the negotiation phrases.
    pub fn gate_words(&self) -> [Vec<String>; 6] {
        let with = |bits: u64| -> Vec<String> {
            self.classes
                .iter()
                .filter(|(_, b)| **b & bits != 0)
                .map(|(w, _)| w.clone())
                .collect()
        };
        [
            with(Tab::Cues.start()),
            with(Tab::Cues.word()),
            with(Tab::Negations.word()),
            with(Tab::Negotiable.start()),
            with(Tab::Frame.start()),
            with(Tab::Construct.start()),
        ]
    }

    /// Recomputes the pre-lookup filter from the word classes.
    fn rebuild_filter(&mut self) {
        let map: super::HashMap<String, u64> =
            self.classes.iter().map(|(k, v)| (k.clone(), *v)).collect();
        self.fast = super::WordClasses::from_map(map);
    }

    pub fn classes(&self, word: &str) -> u64 {
        self.fast.get(word).unwrap_or(0)
    }

    /// Every word with its classes (what [`Self::classes`] gives).
    pub fn word_classes(&self) -> impl Iterator<Item = (&str, u64)> + '_ {
        self.classes.iter().map(|(w, &bits)| (w.as_str(), bits))
    }

    fn mark<'a>(&mut self, words: impl Iterator<Item = (&'a str, bool)>, t: Tab) {
        for (w, single) in words {
            let bits = self.classes.entry(w.to_string()).or_default();
            *bits |= t.start();
            if single {
                *bits |= t.word();
            }
        }
    }

    /// Builds the word classes; `closed` are the main lexicon's
    /// prepositions, calendar words and anonymous groups.
    pub(super) fn index<S>(&mut self, closed: [(&std::collections::HashSet<String, S>, Tab); 3]) {
        const TABS: [Tab; 18] = [
            Tab::Cancels,
            Tab::Negotiable,
            Tab::Volition,
            Tab::DealNouns,
            Tab::NecessityStrong,
            Tab::Insist,
            Tab::Negations,
            Tab::VerbGroup,
            Tab::Hedges,
            Tab::Analyst,
            Tab::OrgParts,
            Tab::CountryParts,
            Tab::SpeakerNouns,
            Tab::OwnerNouns,
            Tab::Directive,
            Tab::Ignore,
            Tab::Reporting,
            Tab::According,
        ];
        let mut classes = std::mem::take(&mut self.classes);
        for t in TABS {
            if let Some(table) = self.table(t) {
                for (w, single) in table.first_words() {
                    let bits = classes.entry(w.to_string()).or_default();
                    *bits |= t.start();
                    if single {
                        *bits |= t.word();
                    }
                }
            }
        }
        self.classes = classes;
        let cues: Vec<(String, bool)> = self
            .cues
            .first_words()
            .map(|(w, s)| (w.to_string(), s))
            .collect();
        self.mark(cues.iter().map(|(w, s)| (w.as_str(), *s)), Tab::Cues);
        for w in self.cues.anchors() {
            *self.classes.entry(w).or_default() |= Tab::Anchor.word();
        }
        let c = &self.constructions;
        let frames: Vec<(String, bool)> = [&c.future_modals, &c.volition_frames, &c.threats]
            .into_iter()
            .flat_map(|t| t.first_words().map(|(w, s)| (w.to_string(), s)))
            .collect();
        let constructs: Vec<(String, bool)> =
            [&c.negative_objects, &c.openers, &c.restrictive, &c.until]
                .into_iter()
                .flat_map(|t| t.first_words().map(|(w, s)| (w.to_string(), s)))
                .chain(std::iter::once(("only".to_string(), true)))
                .collect();
        self.mark(frames.iter().map(|(w, s)| (w.as_str(), *s)), Tab::Frame);
        self.mark(
            constructs.iter().map(|(w, s)| (w.as_str(), *s)),
            Tab::Construct,
        );
        let mut buf = String::new();
        for (set, t) in closed {
            for w in set {
                norm_word(w, &mut buf);
                *self.classes.entry(buf.clone()).or_default() |= t.word() | t.start();
            }
        }
        self.rebuild_filter();
    }

    /// `speech` are speech.toml's lists the stance rules read.
    pub(super) fn from_file(f: &StancesFile, speech: SpeechLists<'_>) -> StanceLexicon {
        let mut lex = StanceLexicon {
            cancels: table(&f.words.cancels),
            negotiable: table(&f.red_line.negotiable),
            volition: table(&f.red_line.volition),
            deal_nouns: table(&f.red_line.deal_nouns),
            necessity_strong: table(&f.red_line.necessity_strong),
            insist: table(&f.red_line.insist),
            negations: table(&f.words.negations),
            verb_group: table(&f.words.verb_group),
            hedges: table(&f.words.hedges),
            analyst: table(&f.words.analyst),
            org_parts: table(&f.words.org_parts),
            country_parts: table(&f.words.country_parts),
            speaker_nouns: table(&f.words.speaker_nouns),
            owner_nouns: table(&f.stance.owner_nouns),
            directive: table(&f.stance.directive),
            ignore: table(&f.stance.ignore),
            according: table(speech.according),
            reporting: table(speech.reporting),
            inverted: speech.inverted.iter().map(|w| w.to_lowercase()).collect(),
            constructions: Constructions::from_file(&f.construction),
            ..StanceLexicon::default()
        };
        use CueClass as C;
        use PositionKind as K;
        // Order matters only for identical phrases: the first one wins.
        let groups: [(&[String], C, K); 14] = [
            (&f.no_comment.phrases, C::NoComment, K::Refusal),
            (
                &f.red_line.condition_phrases,
                C::RedLinePhrase,
                K::Condition,
            ),
            (&f.red_line_phrases, C::RedLinePhrase, K::Refusal),
            (&f.red_line.conditions, C::Condition, K::Condition),
            (&f.stance.offer, C::Stance, K::Offer),
            (&f.red_line.refusal, C::Refusal, K::Refusal),
            (&f.red_line.negatable, C::Negatable, K::Refusal),
            (&f.red_line.necessity, C::Necessity, K::Demand),
            (&f.stance.demand, C::Stance, K::Demand),
            (&f.stance.support, C::Stance, K::Support),
            (&f.stance.opposition, C::Stance, K::Opposition),
            (&f.stance.accusation, C::Stance, K::Accusation),
            (&f.stance.assessment, C::Stance, K::Assessment),
            (&f.evaluation.words, C::Evaluation, K::Assessment),
        ];
        for (list, class, kind) in groups {
            for p in list {
                lex.cues.insert(p, Cue { class, kind });
            }
        }
        lex.rebuild_filter();
        lex
    }

    /// Adds a red-line phrase (from the user's configuration).
    pub fn add_red_line_phrase(&mut self, phrase: &str) {
        self.cues.insert(
            phrase,
            Cue {
                class: CueClass::RedLinePhrase,
                kind: PositionKind::Refusal,
            },
        );
        let mut one = PhraseTable::default();
        one.insert(phrase, ());
        let firsts: Vec<(String, bool)> =
            one.first_words().map(|(w, s)| (w.to_string(), s)).collect();
        self.mark(firsts.iter().map(|(w, s)| (w.as_str(), *s)), Tab::Cues);
        for w in one.anchors() {
            *self.classes.entry(w).or_default() |= Tab::Anchor.word();
        }
        self.rebuild_filter();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut buf = String::new();
        s.split_whitespace()
            .map(|w| {
                norm_word(w, &mut buf);
                buf.clone()
            })
            .collect()
    }

    #[test]
    fn verbs_inflect_and_wildcards_match_one_word() {
        let mut t = PhraseTable::default();
        t.insert("rule+ * out", 1);
        t.insert("rule+ out", 2);
        t.insert("seek|sought+", 3);
        let w = words("he ruled it out and rules out sought");
        assert_eq!(t.longest_at(&w, 1), Some((3, &1)));
        assert_eq!(t.longest_at(&w, 5), Some((2, &2)));
        assert_eq!(t.longest_at(&w, 7), Some((1, &3)));
        assert_eq!(t.longest_at(&w, 0), None);
    }

    #[test]
    fn longest_phrase_wins_and_case_and_apostrophes_fold() {
        let mut t = PhraseTable::default();
        t.insert("refuse+", "refusal");
        t.insert("refuse+ to say", "no comment");
        t.insert("won't", "neg");
        let w = words("REFUSED to say Won’t");
        assert_eq!(t.longest_at(&w, 0), Some((3, &"no comment")));
        assert_eq!(t.longest_at(&w, 3), Some((1, &"neg")));
    }
}

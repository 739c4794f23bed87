//! Word lists the analysis reads: speech cues, titles and roles, places,
//! organisations and news outlets, closed-class words, red-line phrases.
//! They are data (`assets/lexicon/*.toml`, embedded in the binary) and the
//! user's config can add to them.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A set of lower-case words.
pub type WordSet = HashSet<String>;

/// Word → bits, looked up once per word of running text: words of up to
/// eight bytes (most of them) are keyed by their bytes packed in a `u64`,
/// so a lookup is a multiply and an integer compare; longer words use a
/// string map. A [`WordFilter`] turns most absent words away first.
#[derive(Clone, Debug, Default)]
pub struct WordClasses<T> {
    short: HashMap<u64, T>,
    long: HashMap<String, T>,
    filter: WordFilter,
}

fn pack(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    (b.len() <= 8).then(|| {
        let mut buf = [0u8; 8];
        buf[..b.len()].copy_from_slice(b);
        u64::from_le_bytes(buf)
    })
}

impl<T: Copy> WordClasses<T> {
    pub fn from_map(map: HashMap<String, T>) -> WordClasses<T> {
        let mut out = WordClasses {
            short: HashMap::default(),
            long: HashMap::default(),
            filter: WordFilter::default(),
        };
        for (w, v) in map {
            out.filter.insert(&w);
            match pack(&w) {
                Some(k) => {
                    out.short.insert(k, v);
                }
                None => {
                    out.long.insert(w, v);
                }
            }
        }
        out
    }

    pub fn get(&self, word: &str) -> Option<T> {
        if !self.filter.may_contain(word) {
            return None;
        }
        match pack(word) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(word).copied(),
        }
    }
}

/// A quick "certainly not in the list" test run before a hash lookup: one
/// bit per (first two letters, length) of the listed words. Most words of
/// running text are in no list, and this rejects them for a shift and a
/// load.
#[derive(Clone, Debug)]
pub struct WordFilter {
    bits: Vec<u32>,
}

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter {
            bits: vec![0; 26 * 26],
        }
    }
}

impl WordFilter {
    fn slot(word: &str) -> Option<(usize, u32)> {
        let b = word.as_bytes();
        if b.len() < 2 || !b[0].is_ascii_lowercase() || !b[1].is_ascii_lowercase() {
            return None;
        }
        let i = usize::from(b[0] - b'a') * 26 + usize::from(b[1] - b'a');
        Some((i, 1 << b.len().min(31)))
    }

    pub fn insert(&mut self, word: &str) {
        // Words that do not start with two ASCII letters always pass.
        if let Some((i, bit)) = Self::slot(word) {
            self.bits[i] |= bit;
        }
    }

    /// False only when `word` is in no list the filter was built from.
    pub fn may_contain(&self, word: &str) -> bool {
        Self::slot(word).is_none_or(|(i, bit)| self.bits[i] & bit != 0)
    }
}

/// Word classes, as bits: one lookup per token tells the analysis which
/// lists a word is on.
pub mod class {
    pub const FUNCTION: u32 = 1;
    pub const PREPOSITION: u32 = 1 << 1;
    pub const CALENDAR: u32 = 1 << 2;
    pub const LOCATIVE: u32 = 1 << 3;
    pub const PRONOUN: u32 = 1 << 4;
    /// First word of a role ("top" of "top diplomat").
    pub const ROLE_START: u32 = 1 << 5;
    pub const ANONYMOUS: u32 = 1 << 6;
    pub const SPEECH: u32 = 1 << 7;
    /// First word of a title ("foreign" of "Foreign Minister").
    pub const TITLE_START: u32 = 1 << 8;
    pub const ORG_WORD: u32 = 1 << 9;
    pub const SPOKES: u32 = 1 << 10;
    pub const CONDUIT: u32 = 1 << 11;
    /// First word of a stance cue (see `StanceLexicon::gate_words`).
    pub const CUE_START: u32 = 1 << 12;
    pub const NEGATION: u32 = 1 << 13;
    /// First word of a negotiation phrase ("negotiable", "table").
    pub const NEGOTIABLE: u32 = 1 << 14;
    /// A stance cue of one word ("demands"): a sentence with one may hold
    /// a position.
    pub const CUE_WORD: u32 = 1 << 15;
    /// First word of a construction's frame ("will", "going", "threaten").
    pub const FRAME: u32 = 1 << 16;
    /// First word a frame combines with ("if", "until", "nothing", "only").
    pub const CONSTRUCT: u32 = 1 << 17;
    /// Where a verb form's CAMEO event classes start
    /// ([`super::verb_classes`]): one bit per class, so that the stance
    /// model reads a word's classes with its other lists.
    pub const VERB_CLASS_SHIFT: u32 = 18;
    const _: () =
        assert!(VERB_CLASS_SHIFT as usize + super::verb_classes::VerbClass::ALL.len() <= 32);
}
/// A word's lists in one lookup: the main lexicon's ([`class`] bits) and
/// the stance lexicon's ([`Tab`] bits, as `StanceLexicon::classes` gives
/// them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Classes {
    pub main: u32,
    pub stance: u64,
}

use std::sync::LazyLock;

use serde::Deserialize;

/// Words and phrases the user adds to the built-in lexicons: the
/// `[lexicon]` section of the configuration file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LexiconConfig {
    /// Verbs that introduce speech, as `base` or `base|past` (`"rage|raged"`).
    pub speech_verbs: Vec<String>,
    /// Titles and roles that precede a name (`"Deputy Governor"`).
    pub titles: Vec<String>,
    /// News agencies and outlets (`"Daily Planet"`).
    pub news_outlets: Vec<String>,
    /// Phrases that mark a red line (`"line in the sand"`).
    pub red_line_phrases: Vec<String>,
}

mod grammar;
pub use grammar::{ActorWords, AttributionWords, Grammar, MentionWords, PhraseList, WordList};

mod stances;
pub mod verb_classes;
pub use stances::{Cue, CueClass, FxMap, PhraseTable, StanceLexicon, Tab, norm_word};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pronoun {
    pub gender: Gender,
    pub plural: bool,
    /// 1 for I/we, 3 for he/she/it/they.
    pub person: u8,
}

/// What a place name stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceRole {
    /// The country's name or an alias ("Iran", "U.S.").
    Name,
    /// "Iranian", "Iranians".
    Demonym,
    /// "Tehran": a government when it acts, a place after "in".
    Capital,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub country: usize,
    pub role: PlaceRole,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organization {
    pub name: String,
    /// A news agency or outlet.
    pub outlet: bool,
    /// An armed group or movement rather than an institution.
    pub group: bool,
}

/// Multi-word phrases, indexed by their first word, longest first.
#[derive(Clone, Debug)]
pub struct Phrases<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
    fold_case: bool,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            by_first: HashMap::default(),
            fold_case: false,
        }
    }
}

impl<T: Clone> Phrases<T> {
    fn new(fold_case: bool) -> Self {
        Phrases {
            by_first: HashMap::default(),
            fold_case,
        }
    }

    /// The form a word is stored and looked up in; borrowed (no
    /// allocation) for words already in that form, as the analysis passes
    /// them.
    fn norm<'w>(&self, w: &'w str) -> Cow<'w, str> {
        // Most words are plain ASCII: one pass over the bytes decides.
        if w.is_ascii() {
            if self.fold_case && w.bytes().any(|b| b.is_ascii_uppercase()) {
                return Cow::Owned(w.to_ascii_lowercase());
            }
            return Cow::Borrowed(w);
        }
        let curly = w.contains('’');
        let upper = self.fold_case && w.chars().any(char::is_uppercase);
        if !curly && !upper {
            return Cow::Borrowed(w);
        }
        let w = if curly {
            w.replace('’', "'")
        } else {
            w.to_string()
        };
        Cow::Owned(if upper { w.to_lowercase() } else { w })
    }

    pub fn insert(&mut self, phrase: &str, value: T) {
        let words: Vec<String> = phrase_words(phrase)
            .iter()
            .map(|w| self.norm(w).into_owned())
            .collect();
        let Some(first) = words.first().cloned() else {
            return;
        };
        let list = self.by_first.entry(first).or_default();
        if list.iter().any(|(w, _)| *w == words) {
            return;
        }
        list.push((words, value));
        list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }

    /// The longest phrase that starts at `words[0]`: its length in words and
    /// its value. `words` yields the texts of consecutive tokens.
    pub fn longest<'a>(&self, words: impl Fn(usize) -> Option<&'a str>) -> Option<(usize, &T)> {
        let first = self.norm(words(0)?);
        let candidates = self.by_first.get(first.as_ref())?;
        'outer: for (phrase, value) in candidates {
            for (k, want) in phrase.iter().enumerate().skip(1) {
                match words(k) {
                    Some(w) if self.norm(w) == *want => {}
                    _ => continue 'outer,
                }
            }
            return Some((phrase.len(), value));
        }
        None
    }

    /// The first words of every phrase, as stored.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    pub fn contains_word(&self, w: &str) -> bool {
        self.by_first.contains_key(self.norm(w).as_ref())
    }
}

/// Splits a lexicon phrase into words the way the tokenizer would: spaces
/// separate words, and a possessive `'s` is a word of its own.
fn phrase_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in phrase.split_whitespace() {
        let norm = w.replace('’', "'");
        if norm.len() > 2 && (norm.ends_with("'s")) {
            out.push(norm[..norm.len() - 2].to_string());
            out.push("'s".to_string());
        } else {
            out.push(norm);
        }
    }
    out
}

/// The lexicons, ready for matching.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Speech cue forms (lower case) → their base form.
    pub speech: HashMap<String, String>,
    /// Bases of cues that report thoughts or acts more than words.
    pub weak_cues: HashSet<String>,
    /// Bases whose base and -s forms are also nouns.
    pub noun_like_cues: HashSet<String>,
    /// Nouns for things that speak: documents and groups ("the letter").
    pub speaking_nouns: HashSet<String>,
    pub according_to: Phrases<()>,
    /// Cues of positions and red lines, and what cancels them
    /// (`stances.toml`, with the configuration's red-line phrases).
    pub stances: StanceLexicon,
    pub conduits: HashSet<String>,
    pub abbreviations: HashSet<String>,
    pub function_words: HashSet<String>,
    pub locative: HashSet<String>,
    pub prepositions: HashSet<String>,
    pub calendar: HashSet<String>,
    pub organization_words: HashSet<String>,
    pub spokes_plurals: HashSet<String>,
    pub anonymous_groups: HashSet<String>,
    pub pronouns: HashMap<String, Pronoun>,
    pub honorific_gender: HashMap<String, Gender>,
    /// Titles before a name ("Foreign Minister"), case-insensitive.
    pub titles: Phrases<()>,
    /// Honorifics, lower case, without a period.
    pub honorifics: HashSet<String>,
    /// Role nouns for "the minister", "Iran's top diplomat" (lower case).
    pub roles: Phrases<()>,
    /// Role → titles it can stand for ("top diplomat" → "foreign minister").
    pub role_synonyms: HashMap<String, Vec<String>>,
    /// Nouns for one anonymous source ("a Turkish diplomat").
    pub anonymous: HashSet<String>,
    /// Roles whose unnamed holder speaks for a government ("official").
    pub government_voices: HashSet<String>,
    pub countries: Vec<String>,
    pub places: Phrases<Place>,
    /// Cities, regions and states: places that are never actors.
    pub other_places: Phrases<()>,
    pub organizations: Vec<Organization>,
    /// Organisation and outlet names and aliases → index in `organizations`.
    pub org_names: Phrases<usize>,
    pub red_line_phrases: Vec<String>,
    /// Given names with the gender they are (almost) always used for.
    pub first_names: HashMap<String, Gender>,
    /// Lower-case word → its `class` bits and its stance-lexicon classes.
    pub classes: WordClasses<Classes>,
    /// Closed-class words by the part they play in a rule (`grammar.toml`).
    pub grammar: Grammar,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FirstNamesFile {
    male: Vec<String>,
    female: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpeechFile {
    verbs: Vec<String>,
    weak: Vec<String>,
    noun_like: Vec<String>,
    speaking_nouns: Vec<String>,
    according_to: Vec<String>,
    conduits: Vec<String>,
    reporting: Vec<String>,
    inverted: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    abbreviations: Vec<String>,
    function_words: Vec<String>,
    locative: Vec<String>,
    prepositions: Vec<String>,
    calendar: Vec<String>,
    organization_words: Vec<String>,
    spokes_plurals: Vec<String>,
    anonymous_groups: Vec<String>,
    pronouns: HashMap<String, String>,
    honorific_gender: HashMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TitlesFile {
    titles: Vec<String>,
    honorifics: Vec<String>,
    roles: Vec<String>,
    anonymous: Vec<String>,
    government_voices: Vec<String>,
    #[serde(default)]
    role_synonyms: HashMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlacesFile {
    country: Vec<CountryEntry>,
    #[serde(default)]
    places: OtherPlaces,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct OtherPlaces {
    #[serde(default)]
    cities: Vec<String>,
    #[serde(default)]
    regions: Vec<String>,
    #[serde(default)]
    states: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    capitals: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganizationsFile {
    outlet: Vec<OrgEntry>,
    organization: Vec<OrgEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    kind: Option<String>,
}

fn set(words: &[String]) -> HashSet<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> T {
    // The assets are embedded at build time and a unit test parses each of
    // them, so a failure here is a build defect, not bad input.
    toml::from_str(text).unwrap_or_else(|e| panic!("built-in lexicon {name} is invalid: {e}"))
}

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    grammar: parse(
        "grammar.toml",
        include_str!("../assets/lexicon/grammar.toml"),
    ),
    ..Lexicon::from_sources(
        include_str!("../assets/lexicon/speech.toml"),
        include_str!("../assets/lexicon/words.toml"),
        include_str!("../assets/lexicon/titles.toml"),
        include_str!("../assets/lexicon/places.toml"),
        include_str!("../assets/lexicon/organizations.toml"),
        include_str!("../assets/lexicon/stances.toml"),
        include_str!("../assets/lexicon/first_names.toml"),
    )
});

/// The inflected forms of a speech verb given as `base` or `base|past[|participle]`.
fn verb_forms(entry: &str) -> (String, Vec<String>) {
    let mut parts = entry.split('|').map(|p| p.trim().to_lowercase());
    let base = parts.next().unwrap_or_default();
    let irregular: Vec<String> = parts.collect();
    let consonant_y = base.ends_with('y')
        && base.len() > 1
        && !matches!(
            base.as_bytes()[base.len() - 2],
            b'a' | b'e' | b'i' | b'o' | b'u'
        );
    let third = if base.ends_with(['s', 'x', 'z']) || base.ends_with("ch") || base.ends_with("sh") {
        format!("{base}es")
    } else if consonant_y {
        format!("{}ies", &base[..base.len() - 1])
    } else {
        format!("{base}s")
    };
    let past = if base.ends_with('e') {
        format!("{base}d")
    } else if consonant_y {
        format!("{}ied", &base[..base.len() - 1])
    } else {
        format!("{base}ed")
    };
    let ing = match irregular.first() {
        // "admit|admitted" → "admitting": the doubled consonant carries over.
        Some(p) if p.ends_with("ed") && p.len() > base.len() + 2 => {
            format!("{}ing", &p[..p.len() - 2])
        }
        _ if base.ends_with('e') && !base.ends_with("ee") => {
            format!("{}ing", &base[..base.len() - 1])
        }
        _ => format!("{base}ing"),
    };
    let mut forms = vec![base.clone(), third, ing];
    if irregular.is_empty() {
        forms.push(past);
    } else {
        forms.extend(irregular);
    }
    (base, forms)
}

impl Lexicon {
    /// The built-in lexicons.
    pub fn builtin() -> Lexicon {
        BUILTIN.clone()
    }

    fn from_sources(
        speech: &str,
        words: &str,
        titles: &str,
        places: &str,
        orgs: &str,
        stances: &str,
        first_names: &str,
    ) -> Lexicon {
        let names: FirstNamesFile = parse("first_names.toml", first_names);
        let speech: SpeechFile = parse("speech.toml", speech);
        let words: WordsFile = parse("words.toml", words);
        let titles: TitlesFile = parse("titles.toml", titles);
        let places: PlacesFile = parse("places.toml", places);
        let orgs: OrganizationsFile = parse("organizations.toml", orgs);
        let stances: stances::StancesFile = parse("stances.toml", stances);

        let mut lex = Lexicon {
            abbreviations: set(&words.abbreviations),
            function_words: set(&words.function_words),
            locative: set(&words.locative),
            prepositions: set(&words.prepositions),
            calendar: set(&words.calendar),
            organization_words: set(&words.organization_words),
            spokes_plurals: set(&words.spokes_plurals),
            anonymous_groups: set(&words.anonymous_groups),
            conduits: set(&speech.conduits),
            weak_cues: set(&speech.weak),
            noun_like_cues: set(&speech.noun_like),
            speaking_nouns: set(&speech.speaking_nouns),
            honorifics: titles
                .honorifics
                .iter()
                .map(|h| h.trim_end_matches('.').to_lowercase())
                .collect(),
            anonymous: set(&titles.anonymous),
            government_voices: set(&titles.government_voices),
            role_synonyms: titles
                .role_synonyms
                .iter()
                .map(|(k, v)| {
                    (
                        k.to_lowercase(),
                        v.iter().map(|s| s.to_lowercase()).collect(),
                    )
                })
                .collect(),
            stances: StanceLexicon::from_file(
                &stances,
                stances::SpeechLists {
                    according: &speech.according_to,
                    reporting: &speech.reporting,
                    inverted: &speech.inverted,
                },
            ),
            red_line_phrases: stances.red_line_phrases,
            according_to: Phrases::new(true),
            titles: Phrases::new(true),
            roles: Phrases::new(true),
            places: Phrases::new(false),
            other_places: Phrases::new(false),
            org_names: Phrases::new(false),
            ..Lexicon::default()
        };
        for v in &speech.verbs {
            lex.add_speech_verb(v);
        }
        for p in &speech.according_to {
            lex.according_to.insert(p, ());
        }
        let closed = [
            (&lex.prepositions, Tab::Prepositions),
            (&lex.calendar, Tab::Calendar),
            (&lex.anonymous_groups, Tab::AnonymousGroups),
        ];
        let mut stance = std::mem::take(&mut lex.stances);
        stance.index(closed);
        lex.stances = stance;
        for (word, spec) in &words.pronouns {
            let mut parts = spec.split_whitespace();
            let gender = match parts.next() {
                Some("m") => Gender::Male,
                Some("f") => Gender::Female,
                _ => Gender::Unknown,
            };
            let plural = parts.next() == Some("p");
            let person = parts.next().and_then(|p| p.parse().ok()).unwrap_or(3);
            lex.pronouns.insert(
                word.to_lowercase(),
                Pronoun {
                    gender,
                    plural,
                    person,
                },
            );
        }
        for n in &names.male {
            lex.first_names.insert(n.clone(), Gender::Male);
        }
        for n in &names.female {
            lex.first_names.insert(n.clone(), Gender::Female);
        }
        for (word, g) in &words.honorific_gender {
            let gender = if g == "f" {
                Gender::Female
            } else {
                Gender::Male
            };
            lex.honorific_gender.insert(word.to_lowercase(), gender);
        }
        for t in &titles.titles {
            lex.titles.insert(t, ());
        }
        for r in &titles.roles {
            lex.roles.insert(r, ());
        }
        for (i, c) in places.country.iter().enumerate() {
            lex.countries.push(c.name.clone());
            let mut add = |p: &str, role| lex.places.insert(p, Place { country: i, role });
            add(&c.name, PlaceRole::Name);
            for a in &c.aliases {
                add(a, PlaceRole::Name);
                // "the Netherlands" is also written "Netherlands".
                if let Some(rest) = a.strip_prefix("the ") {
                    add(rest, PlaceRole::Name);
                }
            }
            if let Some(rest) = c.name.strip_prefix("the ") {
                add(rest, PlaceRole::Name);
            }
            for d in &c.demonyms {
                add(d, PlaceRole::Demonym);
            }
            for cap in &c.capitals {
                add(cap, PlaceRole::Capital);
            }
        }
        for p in places
            .places
            .cities
            .iter()
            .chain(&places.places.regions)
            .chain(&places.places.states)
        {
            lex.other_places.insert(p, ());
        }
        let outlets = orgs.outlet.iter().map(|o| (o, true));
        let others = orgs.organization.iter().map(|o| (o, false));
        for (entry, outlet) in outlets.chain(others) {
            lex.add_organization(
                &entry.name,
                &entry.aliases,
                outlet,
                entry.kind.as_deref() == Some("group"),
            );
        }
        lex.build_classes();
        lex
    }

    /// Recomputes `classes` from the word lists.
    fn build_classes(&mut self) {
        let mut classes: HashMap<String, u32> = HashMap::default();
        let mut mark = |words: &mut dyn Iterator<Item = String>, bit: u32| {
            for w in words {
                *classes.entry(w).or_default() |= bit;
            }
        };
        mark(&mut self.function_words.iter().cloned(), class::FUNCTION);
        mark(&mut self.prepositions.iter().cloned(), class::PREPOSITION);
        mark(&mut self.calendar.iter().cloned(), class::CALENDAR);
        mark(&mut self.locative.iter().cloned(), class::LOCATIVE);
        mark(&mut self.pronouns.keys().cloned(), class::PRONOUN);
        mark(
            &mut self.roles.first_words().map(str::to_string),
            class::ROLE_START,
        );
        mark(&mut self.anonymous.iter().cloned(), class::ANONYMOUS);
        mark(&mut self.speech.keys().cloned(), class::SPEECH);
        mark(
            &mut self.titles.first_words().map(str::to_string),
            class::TITLE_START,
        );
        mark(
            &mut self.organization_words.iter().cloned(),
            class::ORG_WORD,
        );
        mark(&mut self.spokes_plurals.iter().cloned(), class::SPOKES);
        mark(&mut self.conduits.iter().cloned(), class::CONDUIT);
        let [
            cue_starts,
            cue_words,
            negations,
            negotiable,
            frames,
            constructs,
        ] = self.stances.gate_words();
        mark(&mut cue_starts.into_iter(), class::CUE_START);
        mark(&mut cue_words.into_iter(), class::CUE_WORD);
        mark(&mut negations.into_iter(), class::NEGATION);
        mark(&mut negotiable.into_iter(), class::NEGOTIABLE);
        mark(&mut frames.into_iter(), class::FRAME);
        mark(&mut constructs.into_iter(), class::CONSTRUCT);
        for (form, bits) in verb_classes::VerbClasses::builtin().forms() {
            *classes.entry(form.to_string()).or_default() |=
                u32::from(bits) << class::VERB_CLASS_SHIFT;
        }
        // "jan." is looked up as "jan" too: the analysis tries both.
        let mut both: HashMap<String, Classes> = classes
            .into_iter()
            .map(|(w, main)| (w, Classes { main, stance: 0 }))
            .collect();
        for (w, stance) in self.stances.word_classes() {
            both.entry(w.to_string()).or_default().stance = stance;
        }
        self.classes = WordClasses::from_map(both);
    }

    fn add_speech_verb(&mut self, entry: &str) {
        let (base, forms) = verb_forms(entry);
        for f in forms {
            self.speech.entry(f).or_insert_with(|| base.clone());
        }
    }

    fn add_organization(&mut self, name: &str, aliases: &[String], outlet: bool, group: bool) {
        let idx = self.organizations.len();
        self.organizations.push(Organization {
            name: name.trim_start_matches("the ").to_string(),
            outlet,
            group,
        });
        self.org_names.insert(name.trim_start_matches("the "), idx);
        for a in aliases {
            self.org_names.insert(a.trim_start_matches("the "), idx);
        }
    }

    /// The built-in lexicons extended by the user's additions.
    /// The built-in lexicon extended by the `[lexicon]` configuration
    /// section; without additions, the shared built-in one (no copy).
    pub fn with_config(extra: &LexiconConfig) -> Cow<'static, Lexicon> {
        if *extra == LexiconConfig::default() {
            return Cow::Borrowed(&BUILTIN);
        }
        let mut lex = Lexicon::builtin();
        for p in &extra.red_line_phrases {
            lex.stances.add_red_line_phrase(p);
        }
        for v in &extra.speech_verbs {
            lex.add_speech_verb(v);
        }
        for t in &extra.titles {
            lex.titles.insert(t, ());
        }
        for o in &extra.news_outlets {
            lex.add_organization(o, &[], true, false);
        }
        lex.red_line_phrases
            .extend(extra.red_line_phrases.iter().cloned());
        lex.build_classes();
        Cow::Owned(lex)
    }

    /// The base form of a speech cue (`"said"` → `"say"`), any case.
    pub fn speech_base(&self, word: &str) -> Option<&str> {
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.speech.get(word).map(String::as_str);
        }
        self.speech.get(&word.to_lowercase()).map(String::as_str)
    }

    /// `word` lower-cased is in `set`; no allocation for lower-case words.
    pub fn has(set: &HashSet<String>, word: &str) -> bool {
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            set.contains(word)
        } else {
            set.contains(&word.to_lowercase())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverted_reporting_forms_are_forms_of_speech_verbs() {
        // One file lists every reporting verb; the stance rules' subset
        // must not drift from the speech cues.
        let lex = Lexicon::builtin();
        assert!(!lex.stances.inverted.is_empty());
        for w in &lex.stances.inverted {
            assert!(lex.speech_base(w).is_some(), "{w} is not a speech cue");
        }
        assert!(!lex.stances.inverted.contains("told"));
    }

    #[test]
    fn builtin_lexicons_parse_and_hold_the_basics() {
        let lex = Lexicon::builtin();
        assert_eq!(lex.speech_base("said"), Some("say"));
        assert_eq!(lex.speech_base("Told"), Some("tell"));
        assert_eq!(lex.speech_base("emphasised"), Some("emphasise"));
        assert_eq!(lex.speech_base("adding"), Some("add"));
        assert_eq!(lex.speech_base("accusing"), Some("accuse"));
        assert!(lex.pronouns["she"].gender == Gender::Female);
        assert!(Lexicon::has(&lex.function_words, "The"));
        assert!(lex.countries.len() > 150);
        let tehran = lex.places.longest(|k| ["Tehran"].get(k).copied()).unwrap();
        assert_eq!(tehran.1.role, PlaceRole::Capital);
        assert_eq!(lex.countries[tehran.1.country], "Iran");
        let title = lex
            .titles
            .longest(|k| ["Foreign", "Minister", "Jane"].get(k).copied());
        assert_eq!(title.map(|t| t.0), Some(2));
        assert!(!lex.organizations.is_empty());
    }

    #[test]
    fn verb_inflections() {
        let (_, f) = verb_forms("admit|admitted");
        assert!(f.contains(&"admitting".to_string()) && f.contains(&"admits".to_string()));
        let (_, f) = verb_forms("deny|denied");
        assert!(f.contains(&"denies".to_string()) && f.contains(&"denying".to_string()));
        let (_, f) = verb_forms("note");
        assert!(f.contains(&"noted".to_string()) && f.contains(&"noting".to_string()));
    }

    #[test]
    fn config_extends_the_lexicon() {
        let extra = LexiconConfig {
            speech_verbs: vec!["quip|quipped".into(), "harrumph".into()],
            news_outlets: vec!["Daily Planet".into()],
            ..LexiconConfig::default()
        };
        let lex = Lexicon::with_config(&extra);
        assert_eq!(lex.speech_base("harrumphed"), Some("harrumph"));
        let hit = lex
            .org_names
            .longest(|k| ["Daily", "Planet"].get(k).copied());
        assert_eq!(hit.map(|h| h.0), Some(2));
    }
}

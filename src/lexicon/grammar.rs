//! Closed-class words as the rules read them (`assets/lexicon/grammar.toml`):
//! one list per part a word plays in a rule ("relative_subjects": who,
//! which), grouped by the part of the analysis that reads it. The lists
//! are built in; the configuration does not extend them.

use serde::Deserialize;

/// The grammar lists, as `grammar.toml` gives them (every list required,
/// no other keys).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grammar {
    pub attribution: AttributionWords,
    pub mentions: MentionWords,
    pub actors: ActorWords,
    pub stances: StanceWords,
}

/// What the stance model reads when it places what it adds.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StanceWords {
    pub noun_determiners: WordList,
}

/// What the attribution reads between a speaker, its cue and its quote.
/// Each field's comment in `grammar.toml` says how the rule matches it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributionWords {
    pub between_subject_and_cue: WordList,
    pub cue_noun_markers: WordList,
    pub cue_verb_subjects: WordList,
    pub subject_openers_after_quote: WordList,
    pub auxiliaries_before_quoted: WordList,
    pub relative_subjects: WordList,
    pub subject_sharing_conjunctions: WordList,
    pub pronoun_subjects_before_cue: WordList,
    pub pronoun_subjects_of_clause: WordList,
    pub links_to_clause_subject: WordList,
    pub lower_case_in_work_title: WordList,
    pub lower_case_in_name: WordList,
    pub before_work_title: WordList,
    /// Matched at the end of the text before a quote, so a list to run
    /// through rather than a set.
    pub naming_phrases: PhraseList,
    pub calling_verbs: WordList,
    pub calling_objects: WordList,
}

/// What the mention finder reads in and around names, roles and noun
/// phrases.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentionWords {
    pub name_connectors: WordList,
    pub connectors_before_institution: WordList,
    pub connectors_after_institution: WordList,
    pub state_words_before_connector: WordList,
    pub hyphened_name_particles: WordList,
    pub outlet_nouns_after_name: WordList,
    pub pronouns_for_things: WordList,
    pub subject_pronouns: WordList,
    pub leading_articles: WordList,
    pub clause_openers: WordList,
    pub conduit_possessives: WordList,
    pub role_determiners: WordList,
    pub anonymous_determiners: WordList,
    pub owner_determiners: WordList,
    pub left_out_pronouns: WordList,
    pub noun_phrase_openers: WordList,
    pub noun_phrase_openers_after_cue: WordList,
}

/// What the actor resolver reads in names and between mentions.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorWords {
    pub name_key_suffixes: WordList,
    pub appositive_links: WordList,
    pub group_pronouns: WordList,
    pub legal_forms: WordList,
    pub company_nouns: WordList,
    pub government_nouns: WordList,
    pub spokes_nouns: WordList,
    pub other_party_words: WordList,
    pub thing_possessives: WordList,
    pub named_only_body_nouns: WordList,
}

impl Grammar {
    /// Parses a grammar file; an unknown key, a missing, empty or
    /// repeating list is an error.
    pub fn parse(text: &str) -> Result<Grammar, toml::de::Error> {
        toml::from_str(text)
    }
}

/// A short closed list of words (or phrases), matched exactly as stored.
///
/// The rules ask these per token where they used to match literals, so a
/// lookup costs about what a `matches!` on them did: words of up to eight
/// bytes (nearly all) are grouped by length and keyed by a `u64` (see
/// `key`), and a lookup is two loads and a few integer compares within
/// its length.
#[derive(Clone, Default, Deserialize)]
#[serde(try_from = "Vec<String>")]
pub struct WordList {
    /// The keys of the short words, by length: those of `n` bytes are
    /// `short[by_len[n]..by_len[n + 1]]`.
    short: Box<[u64]>,
    by_len: [u8; 10],
    /// Words longer than eight bytes.
    long: Box<[Box<str>]>,
    /// Every word, in the file's order (for `iter` and `Debug`).
    all: Box<[Box<str>]>,
}

/// A key for a word of up to eight bytes, unique among words of its
/// length: its first and last four bytes (overlapping below eight), or for
/// one to three bytes its first, middle and last. Unlike padding the word
/// into a `u64`, no copy.
#[inline(always)]
fn key(b: &[u8]) -> u64 {
    debug_assert!(b.len() <= 8);
    if let (Some(head), Some(tail)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        u64::from(u32::from_le_bytes(*head)) | u64::from(u32::from_le_bytes(*tail)) << 32
    } else if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
        u64::from(first) | u64::from(b[b.len() / 2]) << 8 | u64::from(last) << 16
    } else {
        0
    }
}

impl WordList {
    /// `word` is on the list, as written.
    #[inline(always)]
    pub fn contains(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if b.len() > 8 {
            return self.long.iter().any(|w| **w == *word);
        }
        self.of_len(b.len()).contains(&key(b))
    }

    /// `word` is on the list as written, or is a listed word with its
    /// first letter capitalised ("It" for "it", not "IT"). For lists of
    /// lower-case words.
    pub fn contains_or_capitalised(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if !b.first().is_some_and(u8::is_ascii_uppercase) {
            return self.contains(word);
        }
        if b.len() > 8 {
            return self.long.iter().any(|w| {
                w.as_bytes()[0] == b[0].to_ascii_lowercase() && w.as_bytes()[1..] == b[1..]
            });
        }
        let mut buf = [0u8; 8];
        buf[..b.len()].copy_from_slice(b);
        buf[0] = buf[0].to_ascii_lowercase();
        self.of_len(b.len()).contains(&key(&buf[..b.len()]))
    }

    /// `word` is on the list whatever the case of its ASCII letters. For
    /// lists of lower-case words.
    pub fn contains_ignore_ascii_case(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if b.len() > 8 {
            return self.long.iter().any(|w| w.eq_ignore_ascii_case(word));
        }
        let mut buf = [0u8; 8];
        for (to, from) in buf.iter_mut().zip(b) {
            *to = from.to_ascii_lowercase();
        }
        self.of_len(b.len()).contains(&key(&buf[..b.len()]))
    }

    /// The words, in the file's order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.all.iter().map(|w| &**w)
    }

    pub fn len(&self) -> usize {
        self.all.len()
    }

    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    #[inline(always)]
    fn of_len(&self, n: usize) -> &[u64] {
        // `n` is at most 8 here.
        &self.short[usize::from(self.by_len[n])..usize::from(self.by_len[n + 1])]
    }
}

impl TryFrom<Vec<String>> for WordList {
    type Error = String;

    fn try_from(words: Vec<String>) -> Result<WordList, String> {
        if words.is_empty() {
            return Err("an empty list".into());
        }
        let mut short: Vec<(usize, u64)> = Vec::new();
        let mut long: Vec<Box<str>> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if w.is_empty() {
                return Err("an empty word".into());
            }
            if words[..i].contains(w) {
                return Err(format!("{w:?} twice"));
            }
            if w.len() <= 8 {
                short.push((w.len(), key(w.as_bytes())));
            } else {
                long.push(w.as_str().into());
            }
        }
        if short.len() > usize::from(u8::MAX) {
            return Err("more than 255 short words".into());
        }
        short.sort_unstable();
        let mut by_len = [0u8; 10];
        for (n, slot) in by_len.iter_mut().enumerate() {
            // Short words of fewer than `n` bytes come first.
            *slot = short.partition_point(|&(len, _)| len < n) as u8;
        }
        Ok(WordList {
            short: short.into_iter().map(|(_, k)| k).collect(),
            by_len,
            long: long.into(),
            all: words.into_iter().map(String::into_boxed_str).collect(),
        })
    }
}

impl std::fmt::Debug for WordList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// A short list of phrases, run through in order.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(try_from = "Vec<String>")]
pub struct PhraseList(Box<[Box<str>]>);

impl PhraseList {
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|w| &**w)
    }
}

impl TryFrom<Vec<String>> for PhraseList {
    type Error = String;

    fn try_from(phrases: Vec<String>) -> Result<PhraseList, String> {
        // The same checks as for a word list.
        WordList::try_from(phrases.clone())?;
        Ok(PhraseList(
            phrases.into_iter().map(String::into_boxed_str).collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = include_str!("../../assets/lexicon/grammar.toml");

    fn words(list: &[&str]) -> WordList {
        WordList::try_from(list.iter().map(|w| w.to_string()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn the_grammar_lists_parse_and_none_is_empty() {
        let g = Grammar::parse(FILE).unwrap();
        // The file parses only when every list is there and none is empty;
        // spot checks that each section landed where the rules read it.
        assert!(g.attribution.relative_subjects.contains("who"));
        assert!(g.attribution.between_subject_and_cue.contains("yesterday"));
        assert!(g.attribution.naming_phrases.iter().any(|p| p == "known as"));
        assert!(g.mentions.name_connectors.contains("&"));
        assert!(
            g.mentions
                .state_words_before_connector
                .contains("Federation")
        );
        assert!(g.actors.appositive_links.contains(", who is also"));
        assert!(!g.actors.name_key_suffixes.is_empty());
    }

    #[test]
    fn lists_read_capitalised_or_in_any_case_hold_lower_case_words() {
        let g = Grammar::parse(FILE).unwrap();
        for list in [
            &g.mentions.pronouns_for_things,
            &g.mentions.subject_pronouns,
            &g.actors.name_key_suffixes,
        ] {
            assert!(list.iter().all(|w| w == w.to_ascii_lowercase()), "{list:?}");
        }
    }

    #[test]
    fn unknown_missing_empty_and_repeated_lists_are_rejected() {
        let unknown_key = format!("{FILE}\nrelative_pronoun = [\"who\"]\n");
        assert!(Grammar::parse(&unknown_key).is_err());
        let unknown_section = format!("{FILE}\n[stances]\nwords = [\"x\"]\n");
        assert!(Grammar::parse(&unknown_section).is_err());
        let missing = FILE.replace("group_pronouns = [\"it\", \"they\"]", "");
        assert!(Grammar::parse(&missing).is_err());
        let empty = FILE.replace("group_pronouns = [\"it\", \"they\"]", "group_pronouns = []");
        assert!(Grammar::parse(&empty).is_err());
        let twice = FILE.replace(
            "group_pronouns = [\"it\", \"they\"]",
            "group_pronouns = [\"it\", \"it\"]",
        );
        assert!(Grammar::parse(&twice).is_err());
        assert!(Grammar::parse(&FILE.replace("cue_noun_markers", "cue_noun_marker")).is_err());
    }

    #[test]
    fn words_match_as_written_capitalised_or_in_any_case() {
        let w = words(&["it", "its", "a", "yesterday", "so-called", ", who is also"]);
        for yes in ["it", "its", "a", "yesterday", "so-called", ", who is also"] {
            assert!(w.contains(yes), "{yes}");
        }
        for no in ["It", "i", "itself", "", "yesterdays", "Yesterday", "an"] {
            assert!(!w.contains(no), "{no}");
        }
        for yes in ["It", "Its", "it", "A", "Yesterday", "So-called"] {
            assert!(w.contains_or_capitalised(yes), "{yes}");
        }
        for no in ["IT", "iTs", "YESTERDAY", "yEsterday", ""] {
            assert!(!w.contains_or_capitalised(no), "{no}");
        }
        for yes in ["IT", "iTs", "YESTERDAY", "So-Called", ", WHO IS ALSO"] {
            assert!(w.contains_ignore_ascii_case(yes), "{yes}");
        }
        for no in ["İt", "", "its.", "yesterdayz"] {
            assert!(!w.contains_ignore_ascii_case(no), "{no}");
        }
    }

    #[test]
    fn words_of_every_length_are_found() {
        let list: Vec<String> = (1..=12).map(|n| "x".repeat(n)).collect();
        let w = WordList::try_from(list.clone()).unwrap();
        assert!(list.iter().all(|x| w.contains(x)));
        assert!(!w.contains(&"x".repeat(13)) && !w.contains("y"));
        assert_eq!(w.iter().collect::<Vec<_>>(), list);
        // Words of one length that differ in any byte are told apart.
        let w = words(&["ab", "abc", "abcde", "abcdefgh"]);
        for no in [
            "ba", "abb", "acc", "cbc", "abdde", "abcdf", "bbcde", "abcdefgx", "xbcdefgh",
        ] {
            assert!(!w.contains(no), "{no}");
        }
        for n in 1..=8 {
            let word = &"abcdefgh"[..n];
            for i in 0..n {
                let mut other = word.as_bytes().to_vec();
                other[i] = b'z';
                let other = String::from_utf8(other).unwrap();
                assert!(!words(&[word]).contains(&other), "{word} {other}");
            }
        }
    }
}

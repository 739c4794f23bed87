//! Which quotes are speech: not a headline's, a title of a work, a stage
//! direction or a nickname; a single-quoted one only when sure and where
//! the paragraph has no double quotes; a name-like one only when a cue
//! attributes it; a short one only when attributed or an utterance of
//! its own. A quote that is no speech keeps no speaker.

use crate::analyze::passages::Passage;
use crate::analyze::quotes::Found;
use crate::lexicon::AttributionWords;
use crate::model::{Quote, Speaker};

/// The quotes of the document, with the speakers the passes found.
pub(super) fn quotes(
    text: &str,
    grammar: &AttributionWords,
    found: &[Found],
    speakers: Vec<Option<Speaker>>,
    passages: &[Passage],
) -> Vec<Quote> {
    let headline = |b: usize| passages.get(b).is_some_and(|x| x.headline);
    // British style puts speech in single quotes; where a paragraph has
    // double quotes, single ones are nested or scare quotes.
    let with_double: rustc_hash::FxHashSet<usize> = found
        .iter()
        .filter(|f| !f.single)
        .map(|f| f.paragraph)
        .collect();
    let has_double = |b: usize| with_double.contains(&b);
    found
        .iter()
        .zip(speakers)
        .map(|(f, speaker)| {
            let confidence = speaker.as_ref().map_or(0.0, |s| s.confidence);
            // Only "four or fewer" matters: no need to count past five.
            let words = f.span.text(text).split_whitespace().take(5).count();
            let speech = if headline(f.paragraph)
                || names_a_work(text, grammar, f)
                || stage_direction(text, f)
                || nickname(text, f)
            {
                false
            } else if f.single {
                confidence >= 0.85 && !has_double(f.paragraph)
            } else if looks_like_a_name(text, grammar, f) || in_markup(text, f) {
                confidence >= 0.9
            } else if words <= 4 {
                // A short quote that nothing attributes is a scare quote,
                // unless it reads as an utterance: "What curfew?",
                // "Hands up, don't shoot."
                confidence > 0.0 || utterance(text, f, words)
            } else {
                true
            };
            Quote {
                span: f.span,
                speech,
                speaker: if speech { speaker } else { None },
            }
        })
        .collect()
}

/// A short quote that is a whole exclamation, question or sentence of its
/// own: a capital first, and `!` or `?` at the end, or a full stop after
/// two words or more (one capitalised word and a stop is a name: "dubbed
/// "Brexit."").
fn utterance(text: &str, f: &Found, words: usize) -> bool {
    let inner = f.span.text(text).trim();
    inner.starts_with(char::is_uppercase)
        && (inner.ends_with(['!', '?']) || (words >= 2 && inner.ends_with('.')))
}

/// The first words of a quote, as a title would have them (outer commas
/// and stops trimmed); nine at most: more is too long for a name or a
/// title.
fn title_words<'t>(text: &'t str, f: &Found) -> Vec<&'t str> {
    f.span
        .text(text)
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.'))
        .split_whitespace()
        .take(9)
        .collect()
}

/// Whether a word is capitalised as in a title (or is a number).
fn title_capital(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A title in capitals after a possessive, a preposition or a word for a
/// work: `CNN's "State of the Union"`, `on "Face the Nation"`, `the
/// documentary "13th"`.
fn names_a_work(text: &str, grammar: &AttributionWords, f: &Found) -> bool {
    let words = title_words(text, f);
    let small = |w: &str| grammar.lower_case_in_work_title.contains(w);
    if words.is_empty()
        || words.len() > 8
        || !title_capital(words[0])
        || !words.iter().all(|w| title_capital(w) || small(w))
    {
        return false;
    }
    // The word before the opening mark (read from the back: the text
    // before may be long).
    let prev = text[..f.open.start as usize]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_end_matches(',')
        .to_lowercase();
    prev.ends_with("'s") || prev.ends_with("’s") || grammar.before_work_title.contains(&prev)
}

/// `"(CROSSTALK.)"`: a bracketed stage direction in a transcript.
fn stage_direction(text: &str, f: &Found) -> bool {
    let inner = f.span.text(text).trim();
    (inner.starts_with('(') && inner.trim_end_matches(['.', ',']).ends_with(')'))
        || (inner.starts_with('[') && inner.trim_end_matches(['.', ',']).ends_with(']'))
}

/// An attribute value in markup left in the text: `<tweet author="…">`.
fn in_markup(text: &str, f: &Found) -> bool {
    text[..f.open.start as usize].ends_with('=')
}

/// `what she called "…"`, `which they call "…"`: the quoted words are the
/// subject's, not a name for something.
fn what_someone_called(text: &str, grammar: &AttributionWords, open: usize) -> bool {
    let before = &text[text.floor_char_boundary(open.saturating_sub(80))..open];
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(6)
        .map(|w| w.to_lowercase())
        .collect();
    words
        .first()
        .is_some_and(|w| grammar.calling_verbs.contains(w))
        && words[1..]
            .iter()
            .any(|w| grammar.calling_objects.contains(w))
}

/// Titles of works, shows and nicknames: "Fox News Sunday", Robert C.
/// "Bobby" Scott, a film called "13th".
fn looks_like_a_name(text: &str, grammar: &AttributionWords, f: &Found) -> bool {
    let words = title_words(text, f);
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let small = |w: &str| grammar.lower_case_in_name.contains(w);
    let title_case = words.iter().all(|w| title_capital(w) || small(w)) && title_capital(words[0]);
    let head = &text[..f.open.start as usize];
    let from = head.char_indices().rev().nth(23).map_or(0, |(i, _)| i);
    let before = &head[from..];
    let lowered = before.trim_end().to_lowercase();
    let named = grammar.naming_phrases.iter().any(|w| lowered.ends_with(w))
        && !what_someone_called(text, grammar, f.open.start as usize);
    // A quoted sentence standing on its own ("… he added. "We're here."")
    // is speech, however capitalised.
    let standalone = f.span.text(text).trim_end().ends_with(['.', '!', '?'])
        && before
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '"' | '”' | '\''));
    named || (title_case && words.len() >= 2 && !standalone)
}

/// Between a first name (or an initial) and a surname: a nickname, as in
/// Robert C. "Bobby" Scott.
fn nickname(text: &str, f: &Found) -> bool {
    let inner = f.span.text(text).trim();
    // One or two words: no need to count past three.
    let words = inner.split_whitespace().take(3).count();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let before = &text[text.floor_char_boundary((f.open.start as usize).saturating_sub(40))
        ..f.open.start as usize];
    let after = text
        .get(f.close.map_or(f.span.end, |c| c.end) as usize..)
        .unwrap_or("");
    let prev = before.split_whitespace().next_back().unwrap_or("");
    let next = after.split_whitespace().next().unwrap_or("");
    // "C." is an initial; "said." ends a sentence.
    let initial = prev.len() == 2 && prev.ends_with('.');
    (1..=2).contains(&words)
        && !inner.ends_with(['.', ',', '!', '?'])
        && capital(prev)
        && capital(next)
        && (initial || !prev.ends_with(['.', ',', ':']))
}

//! Chunks and clauses over a tagged sentence: noun phrases, verb groups
//! (with their modality, negation, tense and voice) and the clauses they
//! stand in, each with its subject.
//!
//! A shallow parse, rule by rule as a grammar states it (Abney's chunks;
//! Quirk et al. for the verb group and the subordinators): no search, one
//! pass per layer, linear in the sentence.

use std::ops::Range;
use std::sync::LazyLock;

use super::tagger::Tag;

/// The closed classes the rules read, from `assets/lexicon/syntax.toml`.
struct Words {
    negators: Vec<String>,
    modals: Vec<(Modality, Vec<String>)>,
    semi_modals: Vec<(Modality, Vec<String>)>,
    subordinators: Vec<(Subordinate, Vec<Vec<String>>)>,
    relatives: Vec<String>,
    content_nouns: Vec<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWords {
    negators: Vec<String>,
    relatives: Vec<String>,
    content_nouns: Vec<String>,
    modals: std::collections::BTreeMap<String, Vec<String>>,
    semi_modals: std::collections::BTreeMap<String, Vec<String>>,
    subordinators: std::collections::BTreeMap<String, Vec<String>>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let raw: RawWords = toml::from_str(include_str!("../../../assets/lexicon/syntax.toml"))
        .expect("assets/lexicon/syntax.toml parses");
    let modality = |name: &str| match name {
        "future" => Modality::Future,
        "volition" => Modality::Volition,
        "necessity" => Modality::Necessity,
        "possibility" => Modality::Possibility,
        "advice" => Modality::Advice,
        other => panic!("syntax.toml: unknown modality {other}"),
    };
    let sub = |name: &str| match name {
        "condition" => Subordinate::Condition,
        "time" => Subordinate::Time,
        "reason" => Subordinate::Reason,
        "concession" => Subordinate::Concession,
        "purpose" => Subordinate::Purpose,
        "complement" => Subordinate::Complement,
        other => panic!("syntax.toml: unknown subordinator class {other}"),
    };
    Words {
        negators: raw.negators,
        relatives: raw.relatives,
        content_nouns: raw.content_nouns,
        modals: raw
            .modals
            .iter()
            .map(|(k, v)| (modality(k), v.clone()))
            .collect(),
        semi_modals: raw
            .semi_modals
            .iter()
            .map(|(k, v)| (modality(k), v.clone()))
            .collect(),
        subordinators: raw
            .subordinators
            .iter()
            .map(|(k, v)| {
                (
                    sub(k),
                    v.iter()
                        .map(|p| p.split(' ').map(str::to_string).collect())
                        .collect(),
                )
            })
            .collect(),
    }
});

/// What a modal adds to its verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modality {
    /// "will", "shall", "is going to": a commitment about the future.
    Future,
    /// "would": a volition or a hypothetical.
    Volition,
    /// "must", "has to", "needs to".
    Necessity,
    /// "can", "could", "may", "might", "is able to".
    Possibility,
    /// "should", "ought to".
    Advice,
}

/// What a subordinate clause does to the clause it depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subordinate {
    /// "if", "unless", "provided", "as long as".
    Condition,
    /// "until", "once", "when", "before", "after".
    Time,
    /// "because", "since", "as".
    Reason,
    /// "although", "though", "whereas".
    Concession,
    /// "so that", "in order to".
    Purpose,
    /// "that", "whether": what a verb reports or thinks.
    Complement,
}

/// A verb group: the auxiliaries, negation and adverbs up to the main verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbGroup {
    pub words: Range<usize>,
    /// The main verb (the last verb of the group; a copula when there is
    /// no other: "is" in "is not negotiable").
    pub head: usize,
    pub modality: Option<Modality>,
    /// The word that negates the group ("not", "n't", "never").
    pub negation: Option<usize>,
    /// A form of "be" (or "get") before a past participle.
    pub passive: bool,
    /// "to" + verb, with no tense of its own.
    pub infinitive: bool,
    pub past: bool,
    /// The head is a copula: what follows is its predicate.
    pub copula: bool,
    /// The clause it stands in, by index into [`Parse::clauses`].
    pub clause: usize,
    /// Its subject, by index into [`Parse::nouns`]: the noun phrase before
    /// it in its clause; for a relative clause's verb whose subject is the
    /// pronoun, the noun the clause is about; for "to" + verb after a verb
    /// (a control verb: "refused to sign"), the subject of that verb.
    pub subject: Option<usize>,
}

/// A noun phrase: "the club's owners", "Foreign Minister Jane Doe", "we".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NounPhrase {
    pub words: Range<usize>,
    pub head: usize,
    /// "the club" in "the club's owners".
    pub possessor: Option<Range<usize>>,
}

/// What kind of clause a stretch of the sentence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClauseKind {
    Main,
    Subordinate(Subordinate),
    /// Opened by a relative pronoun: about the noun before it.
    Relative,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    pub kind: ClauseKind,
    /// From its marker (or its first word) to its end; a clause may hold
    /// others (a relative clause inside the main one).
    pub words: Range<usize>,
    /// The subordinator or relative pronoun, when there is one.
    pub marker: Option<Range<usize>>,
    /// The clause it depends on (`None` for a main clause).
    pub parent: Option<usize>,
}

/// The shallow parse of one sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parse {
    pub nouns: Vec<NounPhrase>,
    pub verbs: Vec<VerbGroup>,
    pub clauses: Vec<Clause>,
}

fn is_in(list: &[String], w: &str) -> bool {
    list.iter().any(|x| x == w)
}

/// The modality of a modal auxiliary.
fn modal_of(w: &str) -> Option<Modality> {
    WORDS
        .modals
        .iter()
        .find(|(_, ws)| is_in(ws, w))
        .map(|(m, _)| *m)
}

fn semi_modal_of(w: &str) -> Option<Modality> {
    WORDS
        .semi_modals
        .iter()
        .find(|(_, ws)| is_in(ws, w))
        .map(|(m, _)| *m)
}

fn is_negator(w: &str) -> bool {
    is_in(&WORDS.negators, w)
}

/// Forms of "be" and "get", for the passive and the copula.
fn is_be(w: &str) -> bool {
    matches!(
        w,
        "be" | "is" | "are" | "was" | "were" | "been" | "being" | "am" | "'s" | "'re" | "'m"
    )
}

fn is_get(w: &str) -> bool {
    matches!(w, "get" | "gets" | "got" | "gotten" | "getting")
}

/// The subordinator starting at word `i`: its class and length (the
/// longest listed phrase wins; "as long as" over "as").
fn subordinator_at(lower: &[&str], i: usize) -> Option<(Subordinate, usize)> {
    let mut best: Option<(Subordinate, usize)> = None;
    for (class, phrases) in &WORDS.subordinators {
        for p in phrases {
            let fits = p.len() <= lower.len() - i && p.iter().zip(&lower[i..]).all(|(a, b)| a == b);
            let better = best
                .is_none_or(|(c, n)| p.len() > n || (p.len() == n && c == Subordinate::Complement));
            if fits && better {
                best = Some((*class, p.len()));
            }
        }
    }
    best
}

/// Parses one sentence: `lower` are its words in lower case, `tags` their
/// parts of speech.
pub fn parse(lower: &[&str], tags: &[Tag]) -> Parse {
    debug_assert_eq!(lower.len(), tags.len());
    let tags = &repaired(tags);
    let mut p = Parse {
        nouns: noun_phrases(lower, tags),
        verbs: verb_groups(lower, tags),
        clauses: Vec::new(),
    };
    clauses(lower, tags, &mut p);
    p
}

/// The tags with one error of the tagger undone: a present-tense verb in
/// -s right after a main verb is a plural noun, its object ("will resume
/// talks", "announced cuts"); English puts no finite verb there.
fn repaired(tags: &[Tag]) -> Vec<Tag> {
    let mut out = tags.to_vec();
    for i in 1..out.len() {
        if matches!(out[i], Tag::VerbPres3) && out[i - 1].is_verb() {
            out[i] = Tag::Noun;
        }
    }
    out
}

/// Words that may stand inside a verb group between its auxiliaries and
/// its main verb: adverbs ("also", "never", "not yet") and negators.
fn inside_group(lower: &str, tag: Tag) -> bool {
    tag == Tag::Adv || is_negator(lower) || (tag == Tag::Part && lower != "to")
}

fn verb_groups(lower: &[&str], tags: &[Tag]) -> Vec<VerbGroup> {
    let n = lower.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let starts_verb = tags[i].is_aux() || tags[i].is_verb();
        let to_verb = lower[i] == "to" && tags[i] == Tag::Part;
        // A negator before the group: "never signed", "not to sign".
        let neg_first = is_negator(lower[i])
            && (i + 1..n)
                .take_while(|&j| inside_group(lower[j], tags[j]))
                .last()
                .map_or(i + 1, |j| j + 1)
                .lt(&n)
            && {
                let j = (i + 1..n)
                    .find(|&j| !inside_group(lower[j], tags[j]))
                    .unwrap_or(n);
                j < n && (tags[j].is_verb() || tags[j].is_aux() || lower[j] == "to")
            };
        if !(starts_verb || to_verb || neg_first) {
            i += 1;
            continue;
        }
        let start = i;
        let mut g = VerbGroup {
            words: start..start + 1,
            head: start,
            modality: None,
            negation: None,
            passive: false,
            infinitive: false,
            past: false,
            copula: false,
            clause: 0,
            subject: None,
        };
        let mut j = i;
        let mut saw_be = false;
        let mut last_verb = None;
        while j < n {
            let (w, t) = (lower[j], tags[j]);
            if is_negator(w) {
                g.negation.get_or_insert(j);
            } else if w == "to" && t == Tag::Part {
                // "to" opens an infinitive only at the start of a group or
                // after a semi-modal ("going to", "has to"); else it ends it.
                let semi = last_verb.and_then(|v: usize| semi_modal_of(lower[v]));
                let next_verb = tags.get(j + 1).is_some_and(|t| t.is_verb() || t.is_aux());
                if j == start {
                    g.infinitive = true;
                } else if let (Some(m), true) = (semi, next_verb) {
                    g.modality.get_or_insert(m);
                } else {
                    break;
                }
            } else if t == Tag::Modal {
                if last_verb.is_some() {
                    break;
                }
                g.modality
                    .get_or_insert(modal_of(w).unwrap_or(Modality::Possibility));
                last_verb = Some(j);
            } else if t.is_aux() || t.is_verb() {
                // A finite verb after a main verb starts a new group
                // ("said signed" does not happen; "wants to sign" goes
                // through "to").
                if let Some(v) = last_verb
                    && tags[v].is_verb()
                    && semi_modal_of(lower[v]).is_none()
                {
                    break;
                }
                if t == Tag::VerbPart && (saw_be || last_verb.is_some_and(|v| is_get(lower[v]))) {
                    g.passive = saw_be || g.passive;
                    if !saw_be {
                        g.passive = true;
                    }
                }
                saw_be = is_be(w);
                last_verb = Some(j);
            } else if inside_group(w, t) && last_verb.is_none_or(|v| !tags[v].is_verb()) {
                // Adverbs inside the group: "will also sign".
            } else {
                break;
            }
            j += 1;
        }
        // Trailing adverbs and negators belong to what follows, unless a
        // negator ends the group ("is not").
        let mut end = j;
        while end > start + 1
            && inside_group(lower[end - 1], tags[end - 1])
            && !is_negator(lower[end - 1])
        {
            end -= 1;
        }
        let Some(head) = last_verb.filter(|&v| v < end) else {
            i = j.max(i + 1);
            continue;
        };
        g.words = start..end;
        g.head = head;
        g.copula = is_be(lower[head]);
        g.past = matches!(tags[head], Tag::VerbPast | Tag::AuxPast)
            || (start..head).any(|k| matches!(tags[k], Tag::AuxPast));
        if g.negation.is_some_and(|n| n >= end) {
            g.negation = None;
        }
        out.push(g);
        i = end.max(i + 1);
    }
    out
}

/// Words a noun phrase may hold before its head.
fn pre_head(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Det | Tag::Num | Tag::Adj | Tag::Noun | Tag::Propn | Tag::Pron
    )
}

fn noun_phrases(lower: &[&str], tags: &[Tag]) -> Vec<NounPhrase> {
    let n = lower.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !(pre_head(tags[i]) || (tags[i] == Tag::Adv && tags.get(i + 1) == Some(&Tag::Adj))) {
            i += 1;
            continue;
        }
        let start = i;
        let mut possessor = None;
        let mut j = i;
        let mut head = None;
        while j < n {
            let t = tags[j];
            if t.is_nominal() || matches!(t, Tag::Adj | Tag::Det) {
                // A personal pronoun is a phrase of its own ("we", "they"),
                // but a possessive one opens one ("our stance").
                if t == Tag::Pron && head.is_some() {
                    break;
                }
                if t.is_nominal() {
                    head = Some(j);
                }
                j += 1;
                if t == Tag::Pron
                    && !matches!(
                        tags.get(j),
                        Some(Tag::Noun | Tag::Adj | Tag::Propn | Tag::Num)
                    )
                {
                    break;
                }
            } else if t == Tag::Adv && tags.get(j + 1) == Some(&Tag::Adj) {
                j += 1;
            } else if t == Tag::Part
                && (lower[j] == "'s" || lower[j] == "'" || lower[j] == "’s")
                && head.is_some()
            {
                // "the club's owners": what came so far owns what follows.
                possessor = Some(start..j);
                head = None;
                j += 1;
            } else if t == Tag::Punct
                && lower[j] == "-"
                && head.is_some()
                && tags
                    .get(j + 1)
                    .is_some_and(|t| t.is_nominal() || *t == Tag::Adj)
            {
                j += 1;
            } else {
                break;
            }
        }
        match head {
            Some(h) => {
                out.push(NounPhrase {
                    words: start..h + 1,
                    head: h,
                    possessor,
                });
                i = h + 1;
            }
            None => i = j.max(i + 1),
        }
    }
    out
}

/// Whether a clause starts at word `at`: a verb group comes next, with at
/// most one noun phrase (its subject) before it, and no coordinator or
/// punctuation on the way ("since March and will go on" has none).
fn clause_follows(lower: &[&str], tags: &[Tag], p: &Parse, at: usize) -> bool {
    let Some(v) = p.verbs.iter().find(|v| v.words.start >= at) else {
        return false;
    };
    let gap = at..v.words.start;
    let nouns = p
        .nouns
        .iter()
        .filter(|np| np.words.start >= at && np.words.end <= v.words.start)
        .count();
    nouns <= 1
        && gap
            .clone()
            .all(|j| !matches!(tags[j], Tag::Cconj | Tag::Punct | Tag::Adp) || lower[j] == "'s")
        && p.nouns
            .iter()
            .filter(|np| np.words.start >= at && np.words.end <= v.words.start)
            .all(|np| {
                np.words.end == v.words.start
                    || (np.words.end..v.words.start).all(|j| tags[j] == Tag::Adv)
            })
}

/// Finds the clauses and gives every verb group its clause and subject.
fn clauses(lower: &[&str], tags: &[Tag], p: &mut Parse) {
    let n = lower.len();
    let verb_after = |from: usize, to: usize| {
        p.verbs
            .iter()
            .any(|v| v.words.start >= from && v.words.start < to)
    };
    // Clause openers: a subordinator, a relative pronoun after a noun or a
    // comma, the word after a semicolon.
    let mut opened: Vec<(usize, ClauseKind, Option<Range<usize>>)> = Vec::new();
    let mut i = 0;
    while i < n {
        let after_noun = i > 0 && (tags[i - 1].is_nominal() || lower[i - 1] == ",");
        if let Some((class, len)) = subordinator_at(lower, i) {
            let sconj = tags[i] == Tag::Sconj || len > 1;
            // "that" after a noun opens a relative clause, unless the noun
            // is one that holds a content ("the demand that …").
            let after_content = i > 0 && is_in(&WORDS.content_nouns, lower[i - 1]);
            let relative_that =
                lower[i] == "that" && i > 0 && tags[i - 1].is_nominal() && !after_content;
            // "as", "since", "before", "until" are prepositions as often as
            // not: only a clause after them makes them subordinators.
            let timing = matches!(class, Subordinate::Condition | Subordinate::Time);
            if !relative_that && (sconj || timing) && clause_follows(lower, tags, p, i + len) {
                opened.push((i, ClauseKind::Subordinate(class), Some(i..i + len)));
                i += len;
                continue;
            }
            if relative_that {
                opened.push((i, ClauseKind::Relative, Some(i..i + 1)));
                i += 1;
                continue;
            }
        }
        if is_in(&WORDS.relatives, lower[i]) && after_noun && tags[i] == Tag::Pron {
            opened.push((i, ClauseKind::Relative, Some(i..i + 1)));
        } else if lower[i] == ";" && i + 1 < n {
            opened.push((i + 1, ClauseKind::Main, None));
        }
        i += 1;
    }
    // Where each opened clause ends: at the next opener of the same level,
    // or, when it is set off ("If …, we will", "the union, which …,
    // will"), at the comma after its own verb before another verb.
    let mut spans: Vec<Clause> = vec![Clause {
        kind: ClauseKind::Main,
        words: 0..n,
        marker: None,
        parent: None,
    }];
    for (k, (s, kind, marker)) in opened.iter().enumerate() {
        let mut e = opened.get(k + 1).map_or(n, |x| x.0);
        if *kind == ClauseKind::Main {
            spans.push(Clause {
                kind: *kind,
                words: *s..n,
                marker: None,
                parent: None,
            });
            continue;
        }
        let own_verb = p
            .verbs
            .iter()
            .find(|v| v.words.start >= *s && v.words.start < e);
        let set_off = *s == 0 || lower[*s - 1] == ",";
        if set_off
            && let Some(v) = own_verb
            && let Some(comma) = (v.words.end..n).find(|&j| lower[j] == ",")
            && verb_after(comma + 1, n)
        {
            e = e.max(comma).min(comma);
            if opened.get(k + 1).is_some_and(|x| x.0 < comma) {
                // A further clause inside this one: this one still ends at
                // its comma.
                e = comma;
            }
        }
        // A relative clause without commas ends before the next finite verb
        // group that has no subject of its own in it: "the talks that the
        // owners want | have stalled".
        if *kind == ClauseKind::Relative
            && let Some(own) = own_verb
            && let Some(next) = p
                .verbs
                .iter()
                .find(|v| v.words.start >= own.words.end && v.words.start < e && !v.infinitive)
        {
            let has_subject = p
                .nouns
                .iter()
                .any(|np| np.words.start >= own.words.end && np.words.end == next.words.start);
            if !has_subject && !(own.words.end..next.words.start).any(|j| tags[j] == Tag::Cconj) {
                e = next.words.start;
            }
        }
        // The clause it depends on: the innermost span so far that holds it.
        let parent = (0..spans.len())
            .rev()
            .find(|&c| spans[c].words.start <= *s && spans[c].words.end >= e);
        spans.push(Clause {
            kind: *kind,
            words: *s..e,
            marker: marker.clone(),
            parent,
        });
    }
    // A later main clause (after a semicolon) ends where the first one is cut.
    let firsts: Vec<usize> = spans
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == ClauseKind::Main)
        .map(|(i, _)| i)
        .collect();
    for w in firsts.windows(2) {
        let next = spans[w[1]].words.start;
        spans[w[0]].words.end = spans[w[0]]
            .words
            .end
            .min(next.saturating_sub(1).max(spans[w[0]].words.start));
    }
    p.clauses = spans;
    // Each verb group's clause: the innermost (latest-opened) that holds it.
    for vi in 0..p.verbs.len() {
        let at = p.verbs[vi].words.start;
        let c = (0..p.clauses.len())
            .rev()
            .find(|&c| p.clauses[c].words.start <= at && at < p.clauses[c].words.end)
            .unwrap_or(0);
        p.verbs[vi].clause = c;
    }
    for vi in 0..p.verbs.len() {
        p.verbs[vi].subject = subject_of(vi, lower, p);
    }
}

/// The subject of verb group `vi` (see [`VerbGroup::subject`]).
fn subject_of(vi: usize, lower: &[&str], p: &Parse) -> Option<usize> {
    let v = &p.verbs[vi];
    let c = &p.clauses[v.clause];
    let body = c.marker.as_ref().map_or(c.words.start, |m| m.end);
    // "to" + verb right after another verb: that verb's subject controls it.
    if v.infinitive
        && vi > 0
        && p.verbs[vi - 1].words.end == v.words.start
        && p.verbs[vi - 1].clause == v.clause
    {
        return p.verbs[vi - 1].subject;
    }
    // A relative clause whose pronoun is the subject: the noun before it.
    if c.kind == ClauseKind::Relative && v.words.start == body {
        let m = c.marker.as_ref()?.start;
        return p
            .nouns
            .iter()
            .rposition(|np| np.words.end <= m && (np.words.end..m).all(|j| lower[j] == ","));
    }
    // Skip what lies between the subject and its verb: a clause inside
    // this one, or an aside set off by commas.
    let mut at = v.words.start;
    loop {
        let inner = p.clauses.iter().filter(|k| {
            k.words.end <= at && k.words.start >= body && k.words.start < at && k.parent.is_some()
        });
        let skip_to = inner
            .filter(|k| (k.words.end..at).all(|j| lower[j] == ","))
            .map(|k| k.words.start)
            .min();
        match skip_to {
            Some(s) if s < at => at = s,
            _ => break,
        }
    }
    let mut np = p
        .nouns
        .iter()
        .rposition(|np| np.words.start >= body && np.words.end <= at)?;
    let between = p.nouns[np].words.end..at;
    // Only adverbs and commas between subject and verb.
    let adverbial = |j: usize| {
        lower[j] == ","
            || lower[j].ends_with("ly")
            || matches!(lower[j], "also" | "still" | "now" | "then")
    };
    if !between.clone().all(adverbial) {
        return None;
    }
    // A noun phrase with prepositional phrases after it is one subject,
    // headed by the first: "hundreds of demonstrators came", "the sheikh in
    // a wheelchair was attacked", "Bush on Tuesday nominated".
    while np > 0 {
        let first = p.nouns[np].words.start;
        let prev = &p.nouns[np - 1];
        let joined = first >= 1
            && prev.words.end + 1 == first
            && prev.words.start >= body
            && matches!(
                lower[first - 1],
                "of" | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "from"
                    | "with"
                    | "against"
                    | "near"
                    | "over"
                    | "under"
                    | "without"
                    | "within"
                    | "between"
                    | "among"
                    | "outside"
                    | "inside"
                    | "across"
                    | "behind"
                    | "about"
            );
        if !joined {
            break;
        }
        np -= 1;
    }
    // An existential "there" holds no one: "there is a red line".
    (lower[p.nouns[np].head] != "there").then_some(np)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::syntax::tagger;

    /// Tags and parses a sentence of space-separated words.
    fn run(s: &str) -> (Vec<String>, Parse) {
        let words: Vec<&str> = s.split(' ').collect();
        let tags = tagger::tag(&words);
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let l: Vec<&str> = lower.iter().map(String::as_str).collect();
        let p = parse(&l, &tags);
        (lower, p)
    }

    fn text(words: &[String], r: &Range<usize>) -> String {
        words[r.clone()].join(" ")
    }

    #[test]
    fn a_negated_future_verb_group_with_its_subject() {
        let (w, p) = run("The union will not sign the pay deal .");
        let v = &p.verbs[0];
        assert_eq!(text(&w, &v.words), "will not sign");
        assert_eq!(w[v.head], "sign");
        assert_eq!(v.modality, Some(Modality::Future));
        assert_eq!(v.negation.map(|n| w[n].as_str()), Some("not"));
        assert_eq!(p.clauses[v.clause].kind, ClauseKind::Main);
        assert_eq!(text(&w, &p.nouns[v.subject.unwrap()].words), "the union");
    }

    #[test]
    fn going_to_is_a_future_and_never_a_negator() {
        let (w, p) = run("Our quota stance is not going to change .");
        let v = &p.verbs[0];
        assert_eq!(text(&w, &v.words), "is not going to change");
        assert_eq!(w[v.head], "change");
        assert_eq!(v.modality, Some(Modality::Future));
        assert!(v.negation.is_some());
        let s = p.verbs[0].subject.unwrap();
        assert_eq!(text(&w, &p.nouns[s].words), "our quota stance");
        let (w, p) = run("They never signed it .");
        assert_eq!(text(&w, &p.verbs[0].words), "never signed");
        assert!(p.verbs[0].negation.is_some() && p.verbs[0].past);
    }

    #[test]
    fn a_plain_verb_has_no_modality_or_negation() {
        let (_, p) = run("The pilots signed the deal on Monday .");
        let v = &p.verbs[0];
        assert_eq!(v.modality, None);
        assert_eq!(v.negation, None);
        assert!(v.past && !v.passive);
    }

    #[test]
    fn passive_voice_and_its_agent() {
        let (w, p) = run("The offer was rejected by the pilots .");
        let v = &p.verbs[0];
        assert_eq!(text(&w, &v.words), "was rejected");
        assert!(v.passive);
        let (_, p) = run("The pilots have rejected the offer .");
        assert!(!p.verbs[0].passive);
    }

    #[test]
    fn possessor_inside_a_noun_phrase() {
        let (w, p) = run("The club 's owners refused the offer .");
        let s = p.verbs[0].subject.unwrap();
        let np = &p.nouns[s];
        assert_eq!(w[np.head], "owners");
        assert_eq!(text(&w, np.possessor.as_ref().unwrap()), "the club");
    }

    /// (verb head, clause kind, subject text) of every verb group.
    fn verbs(s: &str) -> Vec<(String, ClauseKind, String)> {
        let (w, p) = run(s);
        p.verbs
            .iter()
            .map(|v| {
                (
                    w[v.head].clone(),
                    p.clauses[v.clause].kind,
                    v.subject
                        .map_or(String::new(), |n| text(&w, &p.nouns[n].words)),
                )
            })
            .collect()
    }

    use ClauseKind::{Main, Relative, Subordinate as Sub};
    use Subordinate::{Condition, Time};

    fn row(v: &str, k: ClauseKind, s: &str) -> (String, ClauseKind, String) {
        (v.to_string(), k, s.to_string())
    }

    #[test]
    fn a_fronted_condition_and_its_main_clause() {
        let got = verbs("If the rival keeps cutting fees , we will pull our ships out .");
        assert_eq!(
            got.first(),
            Some(&row("keeps", Sub(Condition), "the rival"))
        );
        assert_eq!(got.last(), Some(&row("pull", Main, "we")));
        assert_eq!(
            verbs("Unless the board agrees , the pilots will strike ."),
            [
                row("agrees", Sub(Condition), "the board"),
                row("strike", Main, "the pilots")
            ]
        );
    }

    #[test]
    fn a_condition_after_the_main_clause() {
        let (w, p) = run("We will resume talks only if the lockout ends .");
        let c = &p.clauses[p.verbs.last().unwrap().clause];
        assert_eq!(c.kind, Sub(Condition));
        assert_eq!(text(&w, c.marker.as_ref().unwrap()), "only if");
        assert_eq!(
            verbs("We will resume talks only if the lockout ends ."),
            [
                row("resume", Main, "we"),
                row("ends", Sub(Condition), "the lockout")
            ]
        );
        assert_eq!(
            verbs("The miners would stay out until the owners restore the bonus ."),
            [
                row("stay", Main, "the miners"),
                row("restore", Sub(Time), "the owners")
            ]
        );
    }

    #[test]
    fn a_relative_clause_is_set_off_from_the_main_one() {
        assert_eq!(
            verbs("The union , which has many members , will not sign ."),
            [
                row("has", Relative, "the union"),
                row("sign", Main, "the union")
            ]
        );
        assert_eq!(
            verbs("The talks that the owners want have stalled ."),
            [
                row("want", Relative, "the owners"),
                row("stalled", Main, "the talks")
            ]
        );
    }

    #[test]
    fn that_after_a_content_noun_holds_its_content() {
        let (_, p) = run("They repeated the demand that the owners restore the bonus .");
        let restore = &p.verbs[1];
        assert_eq!(p.clauses[restore.clause].kind, Sub(Subordinate::Complement));
    }

    #[test]
    fn a_control_verb_lends_its_subject_to_the_infinitive() {
        assert_eq!(
            verbs("The pilots refused to return to work ."),
            [
                row("refused", Main, "the pilots"),
                row("return", Main, "the pilots")
            ]
        );
    }

    #[test]
    fn prepositions_that_look_like_subordinators_open_no_clause() {
        assert_eq!(
            verbs("The strike has lasted since March and will go on until May ."),
            [row("lasted", Main, "the strike"), row("go", Main, "")]
        );
    }
}

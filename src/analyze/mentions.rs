//! Mention candidates in one sentence: names (with the title or role given
//! before them), places that stand for countries, organisations and
//! outlets, role descriptions ("the minister", "Iran's top diplomat"),
//! anonymous sources ("a Turkish diplomat"), conduits ("his office") and
//! third-person pronouns. Which actor each one is, is decided later
//! (`actors`), over the whole document.

use std::ops::Range;

use super::tokens::{Kind, Token};
use crate::lexicon::{Gender, Lexicon, PlaceRole, Pronoun, class};
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
    pub fn first(&self) -> usize {
        self.tokens.start as usize
    }

    /// One past the index of its last token.
    pub fn after(&self) -> usize {
        self.tokens.end as usize
    }

    pub fn toks(&self) -> Range<usize> {
        self.first()..self.after()
    }
}

/// What the mention finder needs to know about a paragraph's tokens.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Lower-case forms of the tokens.
    pub lower: &'a super::tokens::Lowered,
    pub in_quote: &'a [bool],
    pub lex: &'a Lexicon,
}

impl Ctx<'_> {
    pub fn word(&self, i: usize) -> Option<&str> {
        let t = self.tokens.get(i)?;
        (t.kind == Kind::Word).then(|| t.text(self.text))
    }

    pub fn tok(&self, i: usize) -> Option<&str> {
        self.tokens.get(i).map(|t| t.text(self.text))
    }

    /// The lower-case form of token `i` ("" past the end).
    pub fn low(&self, i: usize) -> &str {
        self.lower.get(self.text, i)
    }

    pub fn lower_is(&self, i: usize, set: &crate::lexicon::WordSet) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word) && set.contains(self.low(i))
    }

    /// Whether token `i` is on the lists of `bits` (`lexicon::class`).
    pub fn is(&self, i: usize, bits: u32) -> bool {
        self.lower.class(i) & bits != 0
    }

    pub fn is_function(&self, i: usize) -> bool {
        self.is(i, class::FUNCTION)
    }

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

    pub fn pronoun(&self, i: usize) -> Option<Pronoun> {
        if !self.is(i, class::PRONOUN) {
            return None;
        }
        self.lex.pronouns.get(self.low(i)).copied()
    }
}

/// Name-chain connectors: "Center for Iranian Studies", "Secretary of
/// State", "Osama bin Laden", "Ursula von der Leyen".
const CONNECTORS: &[&str] = &[
    "of", "for", "on", "and", "&", "de", "del", "la", "le", "van", "von", "der", "den", "da",
    "dos", "du", "di", "bin", "ibn", "al", "el", "y",
];

/// Finds the mention candidates of one sentence (token range `range`).
pub(crate) fn find(
    ctx: &Ctx,
    range: Range<usize>,
    sentence: usize,
    paragraph: usize,
    out: &mut Vec<Cand>,
) {
    // Candidates store 32-bit indices: the loader caps inputs at 4 GiB.
    let (sentence, paragraph) = (sentence as u32, paragraph as u32);
    let first_new = out.len();
    let chains = name_chains(ctx, range.clone());
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
        if let Some(c) = classify_chain(ctx, chain.clone(), range.clone(), sentence, paragraph) {
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
            && !matches!(ctx.word(i), Some("it" | "its" | "It" | "Its"))
        {
            // "his office", "her spokesman": a conduit for the principal.
            if let Some(c) = conduit_after(ctx, i, range.end, sentence, paragraph) {
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
                headline: false,
                sentence_initial: i == range.start,
                sentence,
                paragraph,
                tokens: i as u32..i as u32 + 1,
            });
            i += 1;
            continue;
        }
        if let Some(c) = role_description(ctx, i, range.clone(), &consumed, sentence, paragraph) {
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
            let from = r.first() + usize::from(matches!(ctx.low(r.first()), "the" | "a" | "an"));
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
    let mut k = i;
    // "The Nile Ledger", a quote mark: look before them.
    while k > sentence_start
        && (matches!(ctx.tokens[k - 1].kind, Kind::Quote)
            || matches!(ctx.low(k - 1), "the" | "a" | "an"))
    {
        k -= 1;
    }
    if k <= sentence_start {
        return true;
    }
    if let Some(w) = ctx.word(i)
        && matches!(w, "he" | "she" | "they" | "He" | "She" | "They")
    {
        return true;
    }
    matches!(
        ctx.low(k - 1),
        "," | ";"
            | ":"
            | "--"
            | "—"
            | "and"
            | "but"
            | "after"
            | "when"
            | "while"
            | "because"
            | "since"
            | "although"
            | "though"
            | "if"
            | "that"
            | "as"
            | "so"
            | "before"
            | "until"
            | "where"
            | "whereas"
            | "once"
            | "meanwhile"
            | "however"
            | "then"
            | "also"
    )
}

/// Maximal runs of capitalised words (with connectors inside), in order.
fn name_chains(ctx: &Ctx, range: Range<usize>) -> Vec<Range<usize>> {
    let mut chains = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if !starts_name(ctx, i, range.start) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < range.end {
            if continues_name(ctx, j) {
                j += 1;
                continue;
            }
            let connector = ctx.word(j).is_some_and(|w| CONNECTORS.contains(&w));
            let next_is_name = j + 1 < range.end && continues_name(ctx, j + 1);
            // "of", "for" and "on" join only after an institution or title
            // word ("Bank of England", "Secretary of State"); "Dillard
            // Spriggs of Petroleum Analysis" is a person and a company.
            // A known name runs on through the connector ("Strait of
            // Hormuz", "Organisation for Economic Cooperation and Development").
            let known = || {
                let through = |len: usize| i + len > j + 1;
                ctx.phrase_at(&ctx.lex.other_places, i, range.end)
                    .is_some_and(|(l, _)| through(l))
                    || ctx
                        .phrase_at(&ctx.lex.org_names, i, range.end)
                        .is_some_and(|(l, _)| through(l))
                    || ctx
                        .phrase_at(&ctx.lex.places, i, range.end)
                        .is_some_and(|(l, _)| through(l))
            };
            let joins = || match ctx.word(j) {
                // "Ways and Means Committee", "Securities and Exchange
                // Commission": only when an institution word follows.
                Some("and" | "&") => {
                    // Not after a person's name: "Paul Volcker and
                    // International Monetary Fund" are two.
                    let person = (i..j).any(|k| {
                        ctx.is(k, class::TITLE_START)
                            || ctx
                                .word(k)
                                .is_some_and(|w| ctx.lex.first_names.contains_key(w))
                    });
                    !person
                        && (j + 1..range.end.min(j + 4))
                            .take_while(|&k| continues_name(ctx, k))
                            .any(|k| ctx.is(k, class::ORG_WORD))
                }
                Some("of" | "for" | "on") => ctx.word(j - 1).is_some_and(|p| {
                    Lexicon::has(&ctx.lex.organization_words, p.trim_end_matches('.'))
                        || ctx.lex.titles.contains_word(p)
                        || matches!(
                            p,
                            "Republic"
                                | "Kingdom"
                                | "States"
                                | "Union"
                                | "Federation"
                                | "Emirates"
                                | "Islands"
                        )
                }),
                _ => true,
            };
            if connector
                && next_is_name
                && ctx.in_quote[j] == ctx.in_quote[i]
                && (joins() || known())
            {
                j += 2;
                continue;
            }
            break;
        }
        chains.push(i..j);
        i = j;
    }
    chains
}

fn starts_name(ctx: &Ctx, i: usize, _sentence_start: usize) -> bool {
    let Some(w) = ctx.word(i) else { return false };
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if ctx.is(i, class::CALENDAR) {
        return false;
    }
    // "The", "But", "He": capitalised function words start no name, but an
    // acronym that happens to spell one ("IS", "US") does.
    if ctx.is_function(i) && !(ctx.all_caps(i) && ctx.lex.places.contains_word(w)) {
        return false;
    }
    true
}

#[allow(clippy::nonminimal_bool)]
fn continues_name(ctx: &Ctx, j: usize) -> bool {
    let Some(w) = ctx.word(j) else { return false };
    // "al-Chalabi", "bin-Salman": a lower-case particle joined to a name.
    if let Some((pre, rest)) = w.split_once('-')
        && matches!(
            pre,
            "al" | "el"
                | "ad"
                | "as"
                | "ash"
                | "at"
                | "az"
                | "bin"
                | "ibn"
                | "abu"
                | "ben"
                | "van"
                | "de"
        )
        && rest.chars().next().is_some_and(char::is_uppercase)
    {
        return true;
    }
    w.chars().next().is_some_and(char::is_uppercase)
        && !ctx.is(j, class::CALENDAR)
        && (!ctx.is_function(j) || ctx.all_caps(j))
}

/// Splits a name chain into role (title) and name, extends the role over
/// lower-case role words before it ("presidential nominee"), and decides
/// what kind of mention it is.
fn classify_chain(
    ctx: &Ctx,
    chain: Range<usize>,
    sent: Range<usize>,
    sentence: u32,
    paragraph: u32,
) -> Option<Cand> {
    let lex = ctx.lex;
    let end = chain.end;
    // The title that ends last (ties: the longest) inside the chain.
    let mut title: Option<Range<usize>> = None;
    for k in chain.clone() {
        if ctx.is(k, class::TITLE_START)
            && let Some((len, _)) = ctx.phrase_at_low(&lex.titles, k, end)
        {
            let r = k..k + len;
            if title.as_ref().is_none_or(|t| r.end > t.end) {
                title = Some(r);
            }
        }
    }
    let mut name_start = title.as_ref().map_or(chain.start, |t| t.end);
    // "General Motors", "Foreign Ministry": a title word that starts the
    // name of an institution is no title.
    if title.is_some() && ctx.is(end - 1, class::ORG_WORD) && name_start < end {
        title = None;
        name_start = chain.start;
    }
    // A chain that is a place or an organisation as a whole is not split
    // at a "title" inside it ("Bank of England", "Secretary of State" alone).
    if name_start < end
        && let Some((len, _)) = ctx.phrase_at(&lex.org_names, chain.start, end)
        && chain.start + len == end
    {
        title = None;
        name_start = chain.start;
    }
    let mut gender = Gender::Unknown;
    // Honorifics: "Mr.", "Sheikh".
    while name_start < end {
        let w = ctx.low(name_start).trim_end_matches('.');
        if ctx.word(name_start).is_some() && lex.honorifics.contains(w) {
            if let Some(g) = lex.honorific_gender.get(w) {
                gender = *g;
            }
            name_start += 1;
        } else {
            break;
        }
    }
    let mut role_start = if title.is_some() || name_start > chain.start {
        Some(chain.start)
    } else {
        None
    };
    let mut role_end = name_start;

    // Lower-case role words right before the chain: "Democratic pollster
    // Pat Caddell", "IMF chief economist Maury Obstfeld".
    let mut start = chain.start;
    if name_start < end {
        let mut k = chain.start;
        let mut saw_role = false;
        while k > sent.start {
            let prev = k - 1;
            let Some(w) = ctx.word(prev) else { break };
            if ctx.in_quote[prev] != ctx.in_quote[chain.start] || ctx.is_function(prev) {
                break;
            }
            let is_role = ctx
                .phrase_at_low(&lex.roles, prev, chain.start)
                .is_some_and(|(l, _)| prev + l == k)
                || lex.roles.contains_word(w);
            if k == chain.start && !is_role {
                break;
            }
            if lex.speech_base(w).is_some() && !is_role {
                break;
            }
            saw_role |= is_role;
            k = prev;
            if chain.start - k >= 5 {
                break;
            }
        }
        if saw_role && k < chain.start {
            start = k;
            role_start = Some(k);
            if title.is_none() {
                role_end = chain.start.max(role_end);
            }
        }
    }

    // "to the Middle East": a preposition, perhaps then "the".
    let before = if start > sent.start && matches!(ctx.word(start - 1), Some("the" | "The")) {
        start - 1
    } else {
        start
    };
    let after_prep = before > sent.start && ctx.is_preposition(before - 1);
    let located =
        before > sent.start && Lexicon::has(&lex.locative, ctx.word(before - 1).unwrap_or(""));
    let sentence_initial = start == sent.start
        || (start == sent.start + 1 && ctx.tokens[sent.start].kind == Kind::Quote);
    let role_span = role_start.map(|r| ctx.span(r..role_end.max(r + 1).min(end)));
    let mut cand = Cand {
        span: ctx.span(start..end),
        name: if name_start < end {
            ctx.span(name_start..end)
        } else {
            ctx.span(chain.clone())
        },
        kind: CandKind::Proper,
        role: role_span,
        country: None,
        gender,
        plural: false,
        after_prep,
        object: start > sent.start
            && ctx
                .word(start - 1)
                .is_some_and(|w| ctx.lex.speech_base(w).is_some()),
        located,
        speaker: false,
        subject: false,
        in_quote: ctx.in_quote[chain.start],
        headline: false,
        sentence_initial,
        sentence,
        paragraph,
        tokens: start as u32..end as u32,
    };
    // Affiliation from a demonym or country name in the role ("Iranian
    // Foreign Minister", "US President").
    if let Some(r) = role_start {
        for k in r..role_end.min(end) {
            if let Some((_, place)) = ctx.phrase_at(&lex.places, k, role_end) {
                cand.country = Some(place.country as u32);
                break;
            }
        }
    }
    if name_start >= end {
        // Only a title ("President", "the Foreign Minister"): a role mention.
        cand.kind = CandKind::Role;
        return Some(cand);
    }
    let n = name_start..end;
    let next = end;

    // Places. A name used as an adjective ("U.S. car sales", "London
    // traders") or after a place preposition ("in Jamaica") is a place.
    let adjective = ctx.word(next).is_some_and(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && !ctx.is_function(next)
            && lex.speech_base(w).is_none()
            && !w.ends_with('s')
            && !w.ends_with("ed")
    });
    if let Some((len, place)) = ctx.phrase_at(&lex.places, n.start, end)
        && n.start + len == end
    {
        match place.role {
            PlaceRole::Name => {
                if adjective || located {
                    return None;
                }
                cand.kind = CandKind::Country(place.country as u32);
            }
            PlaceRole::Capital => {
                let spokes_after = ctx.is(next, class::SPOKES);
                if located
                    || (adjective && !spokes_after)
                    || (ctx.lower_is(next, &lex.anonymous) && !spokes_after)
                {
                    return None;
                }
                cand.kind = CandKind::Country(place.country as u32);
            }
            PlaceRole::Demonym => {
                // "Iranians", or "Iranian officials" (who speak for Iran).
                let spokes = ctx
                    .word(next)
                    .is_some_and(|w| Lexicon::has(&lex.spokes_plurals, w));
                // "the Swiss said", "Iranians": a people, not "Swiss dealers"
                // or "Swiss National Bank".
                let plural_noun = ctx.word(n.start).is_some_and(|w| w.ends_with('s'))
                    && ctx.word(next).is_none_or(|w| {
                        ctx.is_function(next) || lex.speech_base(w).is_some() || w.ends_with("ed")
                    });
                if spokes {
                    cand.span = ctx.span(start..next + 1);
                    cand.tokens = start as u32..next as u32 + 1;
                    cand.plural = true;
                } else if !plural_noun {
                    return None;
                }
                cand.kind = CandKind::Country(place.country as u32);
            }
        }
        cand.country = Some(place.country as u32);
        return Some(cand);
    }
    // Cities, regions, states: places, never actors ("Zurich dealers").
    if let Some((len, _)) = ctx.phrase_at(&lex.other_places, n.start, end)
        && n.start + len == end
        && title.is_none()
    {
        return None;
    }
    // Organisations and outlets: known names, names ending in an
    // organisation word, acronyms.
    if let Some((len, &org)) = ctx.phrase_at(&lex.org_names, n.start, end)
        && n.start + len == end
    {
        cand.kind = if lex.organizations[org].outlet {
            CandKind::Outlet(Some(OrgRef::new(org)))
        } else {
            CandKind::Org(Some(OrgRef::new(org)))
        };
        return Some(cand);
    }
    let last = ctx.word(end - 1).unwrap_or_default();
    if n.len() >= 2 && Lexicon::has(&lex.organization_words, last.trim_end_matches('.')) {
        cand.kind = CandKind::Org(None);
        // "the Ankara-based Center for …" is named "Center for …".
        if ctx.word(n.start).is_some_and(|w| w.ends_with("-based")) {
            cand.name = ctx.span(n.start + 1..end);
        }
        return Some(cand);
    }
    // "The Axios news site": a following "news site/agency/outlet".
    if ctx.word(next).is_some_and(|w| {
        matches!(
            w,
            "news" | "newspaper" | "daily" | "agency" | "magazine" | "website"
        )
    }) {
        cand.kind = CandKind::Outlet(None);
        return Some(cand);
    }
    if n.len() == 1 && ctx.all_caps(n.start) && title.is_none() && gender == Gender::Unknown {
        cand.kind = CandKind::Org(None);
        return Some(cand);
    }
    // A person: a known given name, a title or honorific, or two to four
    // plain capitalised words none of which is a place ("Serhan Afacan",
    // but not "U.S. Interest" or "China-U.S. Textile").
    let first_name = ctx
        .word(n.start)
        .and_then(|w| lex.first_names.get(w))
        .copied();
    if let Some(g) = first_name
        && gender == Gender::Unknown
    {
        cand.gender = g;
    }
    let placeish = n.clone().any(|k| {
        ctx.word(k).is_some_and(|w| {
            w.split('-').any(|part| lex.places.contains_word(part)) || ctx.all_caps(k)
        })
    });
    if first_name.is_some()
        || title.is_some()
        || gender != Gender::Unknown
        || ((2..=4).contains(&n.len()) && !placeish)
    {
        cand.kind = CandKind::Person;
    }
    Some(cand)
}

/// "his office", "her spokesman", "their campaign".
fn conduit_after(ctx: &Ctx, i: usize, end: usize, sentence: u32, paragraph: u32) -> Option<Cand> {
    ctx.word(i)?;
    if !matches!(ctx.low(i), "his" | "her" | "their") {
        return None;
    }
    let p = ctx.pronoun(i)?;
    // Up to two modifiers: "his press office", "her chief spokesman".
    for len in 1..=3 {
        let j = i + len;
        if j >= end {
            break;
        }
        let Some(noun) = ctx.word(j) else { break };
        if Lexicon::has(&ctx.lex.conduits, noun) {
            return Some(Cand {
                span: ctx.span(i..j + 1),
                name: ctx.tokens[j].span,
                kind: CandKind::Conduit,
                role: None,
                country: None,
                gender: p.gender,
                plural: p.plural,
                after_prep: i > 0 && ctx.is_preposition(i - 1),
                object: false,
                located: false,
                speaker: false,
                subject: false,
                in_quote: ctx.in_quote[i],
                headline: false,
                sentence_initial: false,
                sentence,
                paragraph,
                tokens: i as u32..j as u32 + 1,
            });
        }
        if ctx.is_function(j) || !noun.chars().all(|c| c.is_lowercase() || c == '-') {
            break;
        }
    }
    None
}

/// A role noun after a determiner or possessive: "the minister", "the
/// Kenyan president", "Iran's top diplomat", "a Turkish diplomat", "one
/// senior official".
fn role_description(
    ctx: &Ctx,
    i: usize,
    sent: Range<usize>,
    consumed: &[bool],
    sentence: u32,
    paragraph: u32,
) -> Option<Cand> {
    let lex = ctx.lex;
    let w = ctx.word(i)?;
    if !w.chars().next().is_some_and(char::is_lowercase) && !ctx.capitalized(i) {
        return None;
    }
    if !ctx.is(i, class::ROLE_START | class::ANONYMOUS) {
        return None;
    }
    let (len, _) = ctx
        .phrase_at_low(&lex.roles, i, sent.end)
        .or_else(|| ctx.lower_is(i, &lex.anonymous).then_some((1, &())))?;
    let head_end = i + len;
    // "the local press": the role word modifies a noun that follows.
    if ctx.is(
        head_end,
        class::ORG_WORD | class::ROLE_START | class::ANONYMOUS,
    ) && !ctx.capitalized(head_end)
    {
        return None;
    }
    let head = ctx.span(i..head_end);
    let key = head.text(ctx.text).to_lowercase();
    // The role must not be the title of a following name ("minister Jane Doe").
    if ctx.capitalized(head_end) && !ctx.is_function(head_end) {
        return None;
    }
    // Walk back over modifiers to a determiner or a possessive.
    let mut k = i;
    let mut country = None;
    let mut determiner: Option<&str> = None;
    while k > sent.start && i - k < 5 {
        let prev = k - 1;
        if consumed[prev - sent.start] {
            // A name right before: "Iran's top diplomat" has the country
            // mention "Iran" + "'s" before it.
            break;
        }
        let t = ctx.tokens[prev];
        match t.kind {
            Kind::Possessive => {
                determiner = Some("'s");
                if prev > sent.start
                    && let Some((l, place)) = ctx.phrase_at(&lex.places, prev - 1, prev)
                    && l == 1
                {
                    country = Some(place.country as u32);
                }
                k = prev;
                break;
            }
            Kind::Word => {
                let lower = ctx.low(prev);
                if matches!(
                    lower,
                    "the" | "a" | "an" | "one" | "another" | "this" | "that"
                ) {
                    determiner = Some(match lower {
                        "the" | "this" | "that" => "the",
                        _ => "a",
                    });
                    k = prev;
                    break;
                }
                if ctx.is_function(prev) || lex.speech_base(t.text(ctx.text)).is_some() {
                    break;
                }
                if let Some((_, place)) = ctx.phrase_at(&lex.places, prev, i) {
                    country = Some(place.country as u32);
                }
                k = prev;
            }
            _ => break,
        }
    }
    // After a possessive, the mention also covers the owner: "Iran's top
    // diplomat" (capitalised words before the possessive).
    let mut start = k;
    if determiner == Some("'s") {
        while start > sent.start && ctx.capitalized(start - 1) && !ctx.is_function(start - 1) {
            start -= 1;
        }
        // "the company's chief executive": a common noun and its article.
        if start == k
            && k >= sent.start + 2
            && !consumed[k - 1 - sent.start]
            && ctx.tokens[k - 1].kind == Kind::Word
            && !ctx.is_function(k - 1)
            && ctx
                .word(k - 1)
                .is_some_and(|w| w.chars().all(char::is_lowercase))
            && matches!(
                ctx.low(k - 2),
                "the" | "its" | "his" | "her" | "their" | "our"
            )
        {
            start = k - 2;
        }
    }
    let plural = key.ends_with('s') && !key.ends_with("ss");
    let kind = match determiner {
        None => {
            // "US officials", "Iranian diplomats": speak for the country.
            if plural && country.is_some() && Lexicon::has(&lex.spokes_plurals, &key) {
                CandKind::Country(country?)
            } else {
                return None;
            }
        }
        Some("a") => CandKind::Anonymous,
        _ if plural && country.is_some() && Lexicon::has(&lex.spokes_plurals, &key) => {
            CandKind::Country(country?)
        }
        _ if plural => return None,
        _ => CandKind::Role,
    };
    if ctx.in_quote[i] && !matches!(kind, CandKind::Country(_)) {
        return None;
    }
    Some(Cand {
        span: ctx.span(start..head_end),
        name: head,
        kind,
        role: Some(ctx.span(start..head_end)),
        country,
        gender: lex
            .honorific_gender
            .get(ctx.low(i))
            .copied()
            .unwrap_or(Gender::Unknown),
        plural,
        after_prep: start > sent.start && ctx.is_preposition(start - 1),
        object: start > sent.start
            && ctx
                .word(start - 1)
                .is_some_and(|w| ctx.lex.speech_base(w).is_some()),
        located: false,
        speaker: false,
        subject: false,
        in_quote: ctx.in_quote[i],
        headline: false,
        sentence_initial: start == sent.start,
        sentence,
        paragraph,
        tokens: start as u32..head_end as u32,
    })
}

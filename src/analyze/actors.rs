//! Which actor each mention candidate is: names are grouped by full name
//! and surname, places by country, organisations by name (acronyms joined
//! to their expansions), role descriptions to the person introduced with
//! that role, pronouns to the most recent compatible subject, and "his
//! office" to its principal. Every candidate gets at most one actor.

use std::collections::HashMap;

use super::mentions::{Cand, CandKind};
use crate::lexicon::{Gender, Lexicon, WordList};
use crate::model::{ActorKind, MentionKind};
use crate::span::Span;

#[derive(Clone, Debug)]
pub(crate) struct Built {
    pub name: String,
    pub kind: ActorKind,
    pub role: Option<Span>,
    /// Lower-case words of the role, for linking "the minister".
    role_text: RoleWords,
    country: Option<u32>,
    gender: Gender,
    /// Given names of a person ("abbas"), to keep Bill and Hillary apart.
    given: Vec<String>,
    mentions: usize,
    /// Position (cand order) of the latest mention as a subject.
    last_subject: Option<usize>,
    /// How often it has been a subject so far (in text order).
    subjects: u32,
    last_seen: usize,
    last_paragraph: u32,
    /// Founded on a name no lexicon or given name backs: kept only if it
    /// is a subject, speaks, or recurs.
    weak: bool,
    /// Made for a speaker no other actor matched.
    orphan: bool,
    /// Founded on a description ("the company"), not a name: no owner
    /// for another description.
    described: bool,
}

pub(crate) struct Resolution {
    pub actors: Vec<Built>,
    /// Actor of each candidate.
    pub of_cand: ActorOf,
}

/// The actor of each candidate, if any: four bytes a candidate (an
/// `Option<usize>` takes sixteen, and a long document has hundreds of
/// thousands of candidates).
#[derive(Clone, Debug)]
pub(crate) struct ActorOf(Vec<u32>);

impl ActorOf {
    const NONE: u32 = u32::MAX;

    pub fn new(n: usize) -> ActorOf {
        ActorOf(vec![Self::NONE; n])
    }

    pub fn get(&self, i: usize) -> Option<usize> {
        self.0
            .get(i)
            .copied()
            .filter(|&a| a != Self::NONE)
            .map(|a| a as usize)
    }

    pub fn set(&mut self, i: usize, a: Option<usize>) {
        // Actor ids are indices into a vector of actors: far below u32::MAX.
        self.0[i] = a.map_or(Self::NONE, |a| a as u32);
    }

    pub fn iter(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        (0..self.0.len()).map(|i| self.get(i))
    }
}

impl Resolution {
    /// An actor for a candidate that speaks but matched no actor; the
    /// same words make the same actor.
    pub(crate) fn orphan(&mut self, text: &str, c: &Cand) -> usize {
        let name = crate::text::reflow(c.span.text(text));
        if !matches!(c.kind, CandKind::Pronoun(_))
            && let Some(a) = self.actors.iter().rposition(|x| x.name == name && x.orphan)
        {
            return a;
        }
        let kind = match c.kind {
            CandKind::Org(_) | CandKind::Outlet(_) | CandKind::Common => ActorKind::Organization,
            CandKind::Country(_) => ActorKind::Country,
            _ => ActorKind::Person,
        };
        self.actors.push(Built {
            name,
            kind,
            role: c.role,
            role_text: RoleWords::default(),
            country: c.country,
            gender: c.gender,
            given: Vec::new(),
            mentions: 1,
            last_subject: None,
            subjects: 0,
            last_seen: 0,
            last_paragraph: c.paragraph,
            weak: false,
            orphan: true,
            described: false,
        });
        self.actors.len() - 1
    }
}

/// Whether a third-person pronoun of `gender` can stand for `act`: "he"
/// and "she" for a person of that gender (or of none known), "it" for a
/// body or a country, "they" for a body, a country or a plural noun.
fn fits(act: &Built, gender: Gender, neuter: bool, plural: bool) -> bool {
    if !plural && !neuter {
        act.kind == ActorKind::Person
            && (gender == Gender::Unknown || act.gender == Gender::Unknown || act.gender == gender)
    } else if neuter {
        act.kind != ActorKind::Person
    } else {
        act.kind != ActorKind::Person || act.name.ends_with('s')
    }
}

impl Resolution {
    /// The actor a speaking pronoun no rule resolved most likely stands
    /// for: the nearest actor before it that it fits, however many
    /// paragraphs back (news style keeps "he" for the story's subject).
    /// Looks at the candidates near it only, so a long run of unresolved
    /// pronouns stays linear.
    pub(crate) fn fallback_antecedent(
        &self,
        text: &str,
        lex: &Lexicon,
        cands: &[Cand],
        w: usize,
    ) -> Option<usize> {
        const WINDOW: usize = 400;
        let c = &cands[w];
        let CandKind::Pronoun(p) = c.kind else {
            return None;
        };
        if p.person != 3 {
            return None;
        }
        let first = c.span.text(text);
        let first = first.split_whitespace().next().unwrap_or("");
        let neuter = lex
            .grammar
            .mentions
            .pronouns_for_things
            .contains_ignore_ascii_case(first);
        // Candidates are mostly in text order, those found for speakers
        // appended: a window either side, by position.
        let near = w.saturating_sub(WINDOW)..(w + WINDOW).min(cands.len());
        near.filter_map(|j| {
            let a = self.of_cand.get(j)?;
            let act = &self.actors[a];
            (cands[j].span.end <= c.span.start
                && !act.orphan
                && fits(act, p.gender, neuter, p.plural))
            .then_some((cands[j].span.start, a))
        })
        .max_by_key(|&(at, _)| at)
        .map(|(_, a)| a)
    }
}

pub(crate) fn mention_kind(c: &Cand) -> MentionKind {
    match c.kind {
        CandKind::Pronoun(_) | CandKind::Relative(_) => MentionKind::Pronoun,
        CandKind::Role | CandKind::Anonymous | CandKind::Conduit | CandKind::Common => {
            MentionKind::Role
        }
        _ => MentionKind::Name,
    }
}

fn norm(s: &str) -> String {
    // One buffer: this runs for every name mention.
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            let at = out.len();
            out.push_str(w);
            out[at..].make_ascii_lowercase();
        } else {
            out.extend(w.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

/// Whether `short` is an acronym of `long`: "CSS" of "Centre for Strategic
/// Studies" (the capitalised words' initials, in order).
fn abbreviates(short: &str, long: &str) -> bool {
    let letters: Vec<char> = short.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.len() > 8 || !letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    let initials: Vec<char> = long
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    let mut it = initials.iter();
    initials.len() >= letters.len() && letters.iter().all(|l| it.any(|c| c == l))
}

/// A person's name as a lookup key: normalised words without `suffixes`
/// ("Jr."), separated by single spaces.
fn name_key(suffixes: &WordList, name: &str) -> String {
    let n = norm(name);
    if !n.split(' ').any(|w| suffixes.contains(w)) {
        return n;
    }
    n.split(' ')
        .filter(|w| !suffixes.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many words `name_key` would give, without allocating.
fn name_part_count(suffixes: &WordList, name: &str) -> usize {
    name.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty() && !suffixes.contains_ignore_ascii_case(w))
        .count()
}

/// An organisation's name without the legal forms that end it ("Acme
/// Widgets Inc", "Smith and Co Ltd"), as written; never empty.
pub(crate) fn without_legal_form<'n>(lex: &Lexicon, name: &'n str) -> &'n str {
    let legal = &lex.grammar.actors.legal_forms;
    let links = &lex.grammar.mentions.connectors_before_institution;
    let mut rest = name.trim_end();
    let mut after_legal = false;
    while let Some((head, last)) = rest.rsplit_once(char::is_whitespace) {
        let w = last.trim_matches(|c: char| c == '.' || c == ',');
        let head = head.trim_end().trim_end_matches(',').trim_end();
        if head.is_empty() {
            break;
        }
        if legal.contains_ignore_ascii_case(w) {
            after_legal = true;
        } else if after_legal && links.contains_ignore_ascii_case(w) {
            after_legal = false;
        } else {
            break;
        }
        rest = head;
    }
    rest
}

/// An organisation's name as a lookup key: without its legal form,
/// normalised, hyphens read as spaces ("IG-Metall" is "ig metall").
fn org_key(lex: &Lexicon, name: &str) -> String {
    let mut key = norm(without_legal_form(lex, name));
    if key.contains('-') {
        key = key.replace('-', " ");
    }
    key
}

/// What a description stands for, by the nouns in it: a company or
/// other body ("the company"), a country's government ("the
/// government"), or a voice of either ("a spokesman", "the statement").
#[derive(Clone, Copy, Debug, PartialEq)]
enum Body {
    Company,
    Government,
    Voice,
}

struct Resolver<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    cands: &'a [Cand],
    actors: Vec<Built>,
    of_cand: ActorOf,
    by_name: HashMap<String, usize>,
    by_surname: HashMap<String, Vec<usize>>,
    by_country: HashMap<u32, usize>,
    by_org: HashMap<String, usize>,
    /// Actors touched lately, most recent last: pronouns look only here.
    recent: Vec<usize>,
    /// Persons with a role, for "the minister".
    with_role: Vec<usize>,
    /// The country the last unnamed official spoke for, and where.
    last_official: Option<(u32, u32)>,
    /// One-word names seen away from a sentence start (slices of the text).
    mid_sentence: rustc_hash::FxHashSet<&'a str>,
    /// The country named most often: the one "the government" stands for.
    main_country: Option<usize>,
    /// The body the latest unnamed spokesperson was folded into, with the
    /// candidate's place and paragraph: "A spokesman said … He added"
    /// is the body's voice still.
    last_voice: Option<(usize, usize, u32)>,
}

/// How many recent actors a pronoun considers.
const RECENT: usize = 24;
/// How far ahead a role description looks for the person it introduces.
const LOOKAHEAD: usize = 400;

pub(crate) fn resolve(text: &str, lex: &Lexicon, cands: &[Cand]) -> Resolution {
    // u32, not usize: one entry per candidate.
    let mut order: Vec<u32> = (0..cands.len() as u32).collect();
    // Headline mentions last: they join actors the body introduces.
    order.sort_by_key(|&i| {
        let i = i as usize;
        (
            cands[i].headline,
            cands[i].span.start,
            std::cmp::Reverse(cands[i].span.end),
        )
    });
    let mut r = Resolver {
        text,
        lex,
        cands,
        actors: Vec::new(),
        of_cand: ActorOf::new(cands.len()),
        by_name: HashMap::new(),
        by_surname: HashMap::new(),
        by_country: HashMap::new(),
        by_org: HashMap::new(),
        recent: Vec::new(),
        with_role: Vec::new(),
        last_official: None,
        mid_sentence: cands
            .iter()
            .filter(|c| !c.sentence_initial && c.kind == CandKind::Proper)
            .map(|c| c.name.text(text))
            .collect(),
        main_country: None,
        last_voice: None,
    };
    // 1. Names: full names before surnames, so "Clinton" finds its person.
    let suffixes = &lex.grammar.actors.name_key_suffixes;
    for (pos, i) in order.iter().map(|&i| i as usize).enumerate() {
        let c = &cands[i];
        match c.kind {
            CandKind::Person if name_part_count(suffixes, c.name.text(text)) >= 2 => {
                r.person(i, pos)
            }
            CandKind::Country(k) => r.country(i, k, pos),
            CandKind::Org(_) | CandKind::Outlet(_) => r.org(i, pos),
            _ => {}
        }
    }
    for (pos, i) in order.iter().map(|&i| i as usize).enumerate() {
        let c = &cands[i];
        if matches!(c.kind, CandKind::Person | CandKind::Proper) && r.of_cand.get(i).is_none() {
            r.single_name(i, pos);
        }
    }
    r.appositives(&order);
    r.main_country = (0..r.actors.len())
        .filter(|&a| r.actors[a].kind == ActorKind::Country && r.actors[a].mentions > 0)
        .max_by_key(|&a| (r.actors[a].mentions, std::cmp::Reverse(a)));
    // Recency is rebuilt in text order below; the names pass above saw
    // every name in the document.
    for a in &mut r.actors {
        a.last_seen = 0;
        a.last_subject = None;
        a.subjects = 0;
    }
    r.recent.clear();
    // 2. Roles, anonymous sources, pronouns and conduits, in text order.
    for (pos, i) in order.iter().map(|&i| i as usize).enumerate() {
        if let Some(a) = r.of_cand.get(i) {
            r.touch(a, i, pos);
            r.actors[a].mentions -= 1;
            continue;
        }
        let c = &cands[i];
        match c.kind {
            CandKind::Role => r.role(i, pos, &order),
            CandKind::Anonymous => r.anonymous(i, pos, &order),
            CandKind::Pronoun(p) => r.pronoun(i, pos, p.gender, p.plural),
            CandKind::Conduit => r.pronoun(i, pos, c.gender, c.plural),
            CandKind::Common => r.common(i, pos, &order),
            CandKind::Relative(a) => {
                if let Some(x) = r.of_cand.get(a as usize) {
                    r.assign(i, x, pos);
                }
            }
            _ => {}
        }
    }
    // Capitalised words that never act, speak or recur are not actors.
    let mut count = vec![0usize; r.actors.len()];
    for a in r.of_cand.iter().flatten() {
        count[a] += 1;
    }
    for i in 0..cands.len() {
        if let Some(x) = r.of_cand.get(i)
            && r.actors[x].weak
            && count[x] < 2
        {
            r.of_cand.set(i, None);
        }
    }
    Resolution {
        actors: r.actors,
        of_cand: r.of_cand,
    }
}

impl<'a> Resolver<'a> {
    fn text_of(&self, s: Span) -> std::borrow::Cow<'a, str> {
        crate::text::reflow_cow(s.text(self.text))
    }

    fn new_actor(&mut self, name: String, kind: ActorKind, i: usize, pos: usize) -> usize {
        let c = &self.cands[i];
        let role_text = c
            .role
            .map(|r| role_words(r.text(self.text)))
            .unwrap_or_default();
        self.actors.push(Built {
            name,
            kind,
            role: c.role,
            role_text,
            country: c.country,
            gender: c.gender,
            given: Vec::new(),
            mentions: 0,
            last_subject: None,
            subjects: 0,
            last_seen: pos,
            last_paragraph: c.paragraph,
            weak: false,
            orphan: false,
            described: false,
        });
        self.actors.len() - 1
    }

    fn assign(&mut self, i: usize, a: usize, pos: usize) {
        self.of_cand.set(i, Some(a));
        self.touch(a, i, pos);
    }

    fn touch(&mut self, a: usize, i: usize, pos: usize) {
        let c = &self.cands[i];
        let act = &mut self.actors[a];
        act.mentions += 1;
        act.last_seen = pos;
        act.last_paragraph = c.paragraph;
        if c.subject || c.speaker {
            act.last_subject = Some(pos);
            act.subjects += 1;
        }
        // A person's name as a subject is evidence; an unknown acronym or
        // capitalised word must speak or recur.
        let acronym = || {
            let t = c.name.text(self.text);
            t.len() <= 5
                && t.chars()
                    .filter(|x| x.is_alphabetic())
                    .all(char::is_uppercase)
        };
        if c.speaker || (c.subject && !(c.kind == CandKind::Org(None) && acronym())) {
            act.weak = false;
        }
        if act.role.is_none() && c.role.is_some() && act.kind == ActorKind::Person {
            act.role = c.role;
            act.role_text = c
                .role
                .map(|r| role_words(r.text(self.text)))
                .unwrap_or_default();
        }
        if act.gender == Gender::Unknown
            && c.gender != Gender::Unknown
            && !matches!(c.kind, CandKind::Pronoun(_))
        {
            act.gender = c.gender;
        }
        if act.country.is_none() {
            act.country = c.country;
        }
        if act.kind == ActorKind::Person && !act.role_text.is_empty() {
            // Most recent last; a bounded search for the old entry.
            let from = self.with_role.len().saturating_sub(64);
            if let Some(k) = self.with_role[from..].iter().position(|&x| x == a) {
                self.with_role.remove(from + k);
            }
            self.with_role.push(a);
        }
        if let Some(k) = self.recent.iter().position(|&x| x == a) {
            self.recent.remove(k);
        }
        self.recent.push(a);
        if self.recent.len() > RECENT {
            self.recent.remove(0);
        }
    }

    fn person(&mut self, i: usize, pos: usize) {
        let c = &self.cands[i];
        let name = self.text_of(c.name);
        let key = name_key(&self.lex.grammar.actors.name_key_suffixes, &name);
        if let Some(&a) = self.by_name.get(&key) {
            self.assign(i, a, pos);
            return;
        }
        if c.headline || (c.located && c.role.is_none() && c.gender == Gender::Unknown) {
            return;
        }
        // "Acme Tools Inc … Acme Tools": the company without its legal form.
        if c.role.is_none()
            && !self.by_org.is_empty()
            && let Some(&a) = self.by_org.get(&org_key(self.lex, &name))
        {
            self.assign(i, a, pos);
            return;
        }
        let parts: Vec<&str> = key.split(' ').collect();
        let surname = parts.last().copied().unwrap_or_default();
        let given = &parts[..parts.len().saturating_sub(1)];
        // "Jane Doe" after "Doe" alone, or "J. Doe" after "Jane Doe".
        let same = self.by_surname.get(surname).and_then(|list| {
            list.iter().rev().copied().find(|&a| {
                let g = &self.actors[a].given;
                g.is_empty() || compatible_given(g, given)
            })
        });
        let owned = || given.iter().map(|g| g.to_string()).collect::<Vec<_>>();
        let a = match same {
            Some(a) => {
                if self.actors[a].given.len() < given.len() {
                    self.actors[a].given = owned();
                    self.actors[a].name = name.to_string();
                }
                a
            }
            None => {
                let a = self.new_actor(name.to_string(), ActorKind::Person, i, pos);
                let backed = c.role.is_some()
                    || c.gender != Gender::Unknown
                    || self
                        .lex
                        .first_names
                        .contains_key(parts.first().copied().unwrap_or_default());
                self.actors[a].weak = !backed;
                self.actors[a].given = owned();
                self.by_surname
                    .entry(surname.to_string())
                    .or_default()
                    .push(a);
                a
            }
        };
        self.by_name.insert(key, a);
        self.assign(i, a, pos);
    }

    fn single_name(&mut self, i: usize, pos: usize) {
        let c = &self.cands[i];
        let name = self.text_of(c.name);
        let key = name_key(&self.lex.grammar.actors.name_key_suffixes, &name);
        let Some(surname) = key
            .split(' ')
            .next_back()
            .filter(|w| !w.is_empty())
            .map(str::to_string)
        else {
            return;
        };
        // A person known by this surname: the one mentioned most.
        if let Some(list) = self.by_surname.get(&surname) {
            let a = list
                .iter()
                .copied()
                .max_by_key(|&a| (self.actors[a].mentions, self.actors[a].last_seen));
            if let Some(a) = a {
                self.assign(i, a, pos);
                return;
            }
        }
        if let Some(&a) = self.by_org.get(&org_key(self.lex, &name)) {
            self.assign(i, a, pos);
            return;
        }
        if c.headline {
            return;
        }
        // A capitalised word that opens a sentence and is not a known name
        // is usually an ordinary word ("Officials", "Negotiators").
        if c.sentence_initial && c.kind == CandKind::Proper && !self.seen_mid_sentence(&name) {
            return;
        }
        if c.located && c.kind == CandKind::Proper {
            return;
        }
        // A lone name that speaks is a person ("Trump said"), unless it
        // reads like an acronym.
        let acronym = name
            .chars()
            .filter(|ch| ch.is_alphabetic())
            .all(char::is_uppercase);
        let kind =
            if c.kind == CandKind::Person || c.gender != Gender::Unknown || (c.speaker && !acronym)
            {
                ActorKind::Person
            } else {
                ActorKind::Organization
            };
        let a = self.new_actor(name.to_string(), kind, i, pos);
        self.actors[a].weak = !c.speaker;
        if kind == ActorKind::Person {
            self.by_surname.entry(surname).or_default().push(a);
        } else {
            self.by_org.insert(org_key(self.lex, &name), a);
        }
        self.assign(i, a, pos);
    }

    fn seen_mid_sentence(&self, name: &str) -> bool {
        self.mid_sentence.contains(name)
    }

    fn country(&mut self, i: usize, k: u32, pos: usize) {
        let a = match self.by_country.get(&k) {
            Some(&a) => a,
            None => {
                let name = self
                    .lex
                    .countries
                    .get(k as usize)
                    .cloned()
                    .unwrap_or_default();
                let a = self.new_actor(name, ActorKind::Country, i, pos);
                self.actors[a].role = None;
                self.actors[a].country = Some(k);
                self.by_country.insert(k, a);
                a
            }
        };
        self.assign(i, a, pos);
    }

    fn org(&mut self, i: usize, pos: usize) {
        let c = &self.cands[i];
        let (key, name, group) = match c.kind {
            CandKind::Org(Some(o)) | CandKind::Outlet(Some(o)) => {
                let o = o.index();
                let org = &self.lex.organizations[o];
                (format!("#{o}"), org.name.clone(), org.group)
            }
            _ => {
                let n = self.text_of(c.name);
                let n = n
                    .strip_prefix("the ")
                    .or_else(|| n.strip_prefix("The "))
                    .unwrap_or(&n)
                    .to_string();
                (org_key(self.lex, &n), n, false)
            }
        };
        // A lexicon entry, or a name ending in an institution word ("Xerox
        // Corp", "Higher Labour Court"), is an organisation for sure.
        let known = matches!(c.kind, CandKind::Org(Some(_)) | CandKind::Outlet(Some(_))) || {
            let n = self.text_of(c.name);
            n.contains(' ')
                && n.rsplit(' ').next().is_some_and(|w| {
                    let w = w.trim_end_matches('.');
                    Lexicon::has(&self.lex.organization_words, w)
                        || self
                            .lex
                            .grammar
                            .actors
                            .legal_forms
                            .contains_ignore_ascii_case(w)
                })
        };
        let a = match self.by_org.get(&key) {
            Some(&a) => a,
            None if c.headline => return,
            None => {
                let kind = if group {
                    ActorKind::Group
                } else {
                    ActorKind::Organization
                };
                let a = self.new_actor(name.clone(), kind, i, pos);
                self.actors[a].role = None;
                self.actors[a].weak = !known && !c.speaker;
                self.by_org.insert(key, a);
                self.by_org.insert(org_key(self.lex, &name), a);
                a
            }
        };
        self.assign(i, a, pos);
    }

    /// "CNWS, the Oslo-based Centre for Nile Water Studies": one actor;
    /// "Grace Wanjiru, the Kenyan foreign minister": the role is hers.
    fn appositives(&mut self, order: &[u32]) {
        for w in order.windows(2) {
            let (a, b) = (w[0] as usize, w[1] as usize);
            let (ca, cb) = (&self.cands[a], &self.cands[b]);
            if ca.sentence != cb.sentence
                || ca.paragraph != cb.paragraph
                || ca.in_quote
                || cb.in_quote
            {
                continue;
            }
            let between = self
                .text
                .get(ca.span.end as usize..cb.span.start as usize)
                .unwrap_or("");
            // Most neighbours are far apart or not linked by a comma or a
            // bracket: no need to normalise their gap.
            if between.len() > 64 || !between.trim_start().starts_with([',', '(']) {
                continue;
            }
            let between = between.split_whitespace().collect::<Vec<_>>().join(" ");
            let between = between.as_str();
            let comma = self.lex.grammar.actors.appositive_links.contains(between);
            let paren = between == "(";
            if !(comma || paren) {
                continue;
            }
            let (Some(x), yb) = (self.of_cand.get(a), self.of_cand.get(b)) else {
                continue;
            };
            match (self.actors[x].kind, cb.kind) {
                (ActorKind::Organization, CandKind::Org(_)) => {
                    // "Xerox Corp, Apollo Computer Inc": a bare comma between
                    // two names is a list unless one abbreviates the other.
                    let apposed = between != "," || {
                        let (na, nb) = (self.text_of(ca.name), self.text_of(cb.name));
                        abbreviates(&na, &nb) || abbreviates(&nb, &na)
                    };
                    if apposed
                        && let Some(y) = yb
                        && y != x
                        && self.actors[y].mentions == 1
                    {
                        // The expansion names the actor; the acronym stays a mention.
                        let longer = if self.actors[y].name.len() > self.actors[x].name.len() {
                            self.actors[y].name.clone()
                        } else {
                            self.actors[x].name.clone()
                        };
                        self.actors[x].name = longer;
                        self.actors[x].mentions += 1;
                        self.actors[y].mentions = 0;
                        self.of_cand.set(b, Some(x));
                        let key = org_key(self.lex, &self.text_of(cb.name));
                        self.by_org.insert(key, x);
                    }
                }
                (ActorKind::Person, CandKind::Role | CandKind::Anonymous)
                    if comma && yb.is_none() =>
                {
                    self.of_cand.set(b, Some(x));
                    self.actors[x].mentions += 1;
                    if self.actors[x].role.is_none() {
                        self.actors[x].role = cb.role;
                        self.actors[x].role_text = cb
                            .role
                            .map(|r| role_words(r.text(self.text)))
                            .unwrap_or_default();
                    }
                }
                _ => {}
            }
        }
    }

    /// Whether person `a` holds one of the roles `keys`, in `country`
    /// when one is given.
    fn role_matches(&self, a: usize, keys: &[RoleWords], country: Option<u32>) -> bool {
        let act = &self.actors[a];
        if act.kind != ActorKind::Person || act.role_text.is_empty() {
            return false;
        }
        if let (Some(x), Some(y)) = (country, act.country)
            && x != y
        {
            return false;
        }
        keys.iter().any(|k| act.role_text.contains(k))
    }

    fn role(&mut self, i: usize, pos: usize, order: &[u32]) {
        let c = &self.cands[i];
        // Role, anonymous and conduit mentions are named by their role head.
        let key = self.text_of(c.name).to_lowercase();
        let key = key.trim_start_matches("the ").to_string();
        // "the U.S. official … the official": an unnamed official speaks
        // for the government (and keeps doing so later in the story).
        let official = self.lex.government_voices.contains(key.as_str());
        if official && !c.in_quote {
            let country = c.country.or_else(|| {
                self.last_official
                    .filter(|&(_, para)| c.paragraph.saturating_sub(para) <= 3)
                    .map(|(k, _)| k)
            });
            if let Some(k) = country {
                self.last_official = Some((k, c.paragraph));
                self.country(i, k, pos);
                return;
            }
        }
        // The role and the titles it can stand for, ready for matching.
        let mut keys = vec![RoleWords::new(&key)];
        if let Some(syn) = self.lex.role_synonyms.get(&key) {
            keys.extend(syn.iter().map(|s| RoleWords::new(s)));
        }
        // The most recent person with this role, else the next one
        // introduced with it ("Iran's top diplomat … Abbas Araghchi").
        // The latest persons with a role (a bounded look-back keeps long
        // documents linear).
        let before = self
            .with_role
            .iter()
            .rev()
            .take(64)
            .copied()
            .filter(|&a| self.actors[a].last_seen <= pos && self.role_matches(a, &keys, c.country))
            .max_by_key(|&a| self.actors[a].last_seen);
        let after = || {
            order[pos + 1..].iter().take(LOOKAHEAD).find_map(|&j| {
                let j = j as usize;
                let a = self.of_cand.get(j)?;
                self.role_matches(a, &keys, c.country).then_some(a)
            })
        };
        match before.or_else(after) {
            Some(a) => self.assign(i, a, pos),
            None => {
                if c.in_quote {
                    return;
                }
                if let Some(a) = self.description_owner(i, pos, order) {
                    self.last_voice = Some((a, pos, c.paragraph));
                    self.assign(i, a, pos);
                    return;
                }
                // "the former secretary of state said": news style names a
                // person already in play by a role the text never gave.
                if c.subject
                    && let Some(a) = self.salient_person(pos, c.paragraph)
                {
                    self.assign(i, a, pos);
                    return;
                }
                let name = self.text_of(c.span);
                let norm_name = norm(&name);
                let a = match self.by_org.get(&format!("role:{norm_name}")) {
                    Some(&a) => a,
                    None => {
                        let a = self.new_actor(name.into_owned(), ActorKind::Person, i, pos);
                        self.actors[a].described = true;
                        self.by_org.insert(format!("role:{norm_name}"), a);
                        a
                    }
                };
                self.assign(i, a, pos);
            }
        }
    }

    /// The person most recently a subject, within the last two paragraphs.
    fn salient_person(&self, pos: usize, paragraph: u32) -> Option<usize> {
        self.recent
            .iter()
            .copied()
            .filter(|&a| {
                let act = &self.actors[a];
                act.kind == ActorKind::Person
                    && act.last_seen < pos
                    && act.last_subject.is_some()
                    && paragraph.saturating_sub(act.last_paragraph) <= 2
                    && !act.given.is_empty()
            })
            .max_by_key(|&a| (self.actors[a].last_subject, self.actors[a].last_seen))
    }

    fn anonymous(&mut self, i: usize, pos: usize, order: &[u32]) {
        let c = &self.cands[i];
        // An unnamed official speaks for the government.
        if let Some(k) = c.country {
            let key = self.text_of(c.name).to_lowercase();
            let key = key.as_str();
            if self.lex.government_voices.contains(key) {
                self.country(i, k, pos);
                return;
            }
        }
        if c.in_quote {
            return;
        }
        if let Some(a) = self.description_owner(i, pos, order) {
            self.last_voice = Some((a, pos, c.paragraph));
            self.assign(i, a, pos);
            return;
        }
        let name = self.text_of(c.span);
        let a = self.new_actor(name.into_owned(), ActorKind::Person, i, pos);
        self.actors[a].described = true;
        self.assign(i, a, pos);
    }

    /// A pronoun (or "his office"): the latest compatible actor that was a
    /// subject, within the last few paragraphs.
    fn pronoun(&mut self, i: usize, pos: usize, gender: Gender, plural: bool) {
        let c = &self.cands[i];
        // "it", "its spokesman": an organisation or a country.
        let first = self.text_of(c.span);
        let first = first.split_whitespace().next().unwrap_or("");
        let neuter = self
            .lex
            .grammar
            .mentions
            .pronouns_for_things
            .contains_ignore_ascii_case(first);
        let person_like = !plural && !neuter;
        let best = self
            .recent
            .iter()
            .copied()
            .filter(|&a| {
                let act = &self.actors[a];
                if act.mentions == 0 || act.last_seen >= pos {
                    return false;
                }
                if c.paragraph.saturating_sub(act.last_paragraph) > 3 {
                    return false;
                }
                fits(act, gender, neuter, plural)
            })
            .max_by_key(|&a| {
                let act = &self.actors[a];
                (act.last_subject, act.last_seen)
            });
        // A voice folded into its body since the person last seen.
        let voice = self.last_voice.filter(|&(_, at, para)| {
            person_like
                && c.paragraph.saturating_sub(para) <= 1
                && best.is_none_or(|b| self.actors[b].last_seen < at)
        });
        if let Some((a, _, _)) = voice {
            self.assign(i, a, pos);
            return;
        }
        if let Some(a) = best {
            if self.actors[a].gender == Gender::Unknown && gender != Gender::Unknown {
                self.actors[a].gender = gender;
            }
            self.assign(i, a, pos);
        }
    }

    fn common(&mut self, i: usize, pos: usize, order: &[u32]) {
        let c = &self.cands[i];
        let name = self.text_of(c.span);
        let lower = name.to_lowercase();
        if self.lex.grammar.actors.group_pronouns.contains(&lower) {
            let plural = lower == "they";
            let best = self
                .recent
                .iter()
                .copied()
                .filter(|&a| {
                    let act = &self.actors[a];
                    act.mentions > 0
                        && act.last_seen < pos
                        && (plural || act.kind != ActorKind::Person)
                })
                .max_by_key(|&a| self.actors[a].last_seen);
            if let Some(a) = best {
                self.assign(i, a, pos);
                return;
            }
        }
        if !c.in_quote
            && let Some(a) = self.description_owner(i, pos, order)
        {
            self.assign(i, a, pos);
            return;
        }
        let key = format!("common:{}", norm(lower.trim_start_matches("the ")));
        let a = match self.by_org.get(&key) {
            Some(&a) => a,
            None => {
                let head = self.text_of(c.name).to_lowercase();
                let kind = if Lexicon::has(&self.lex.anonymous, &head)
                    || self.lex.pronouns.contains_key(&lower)
                {
                    ActorKind::Person
                } else {
                    ActorKind::Organization
                };
                let a = self.new_actor(name.into_owned(), kind, i, pos);
                self.actors[a].described = true;
                self.by_org.insert(key, a);
                a
            }
        };
        self.assign(i, a, pos);
    }
}

impl Resolver<'_> {
    /// The body a description without a name stands for: "the company",
    /// "its board", "a board spokesman", "the government", "the
    /// statement". A name inside it or after "for"/"of" says whose it is
    /// ("the Acme spokesman", "a spokesman for Acme"); else the
    /// organisation in play (company nouns), the country named most
    /// (government nouns), or either (voices). A description of another
    /// party ("a rival company") stands for none.
    fn description_owner(&self, i: usize, pos: usize, order: &[u32]) -> Option<usize> {
        let c = &self.cands[i];
        let g = &self.lex.grammar.actors;
        let text = c.span.text(self.text);
        let words: Vec<String> = text
            .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        // "a spokesman for Acme": the head comes before the preposition.
        let own = words
            .iter()
            .position(|w| matches!(w.as_str(), "for" | "of" | "at"))
            .filter(|&k| k > 0)
            .unwrap_or(words.len());
        let (head, mods) = words[..own].split_last()?;
        let is = |w: &str, list: &WordList| {
            list.contains(w) || w.strip_suffix('s').is_some_and(|s| list.contains(s))
        };
        let class_of = |w: &str| {
            if is(w, &g.company_nouns) {
                Some(Body::Company)
            } else if is(w, &g.government_nouns) {
                Some(Body::Government)
            } else {
                None
            }
        };
        let person_noun = || {
            Lexicon::has(&self.lex.anonymous, head)
                || self.lex.roles.contains_word(head)
                || is(head, &g.spokes_nouns)
        };
        // "a board spokesman", "union leaders": the people of the body the
        // modifier names.
        let modifier = mods.iter().rev().find_map(|w| class_of(w));
        let (body, noun) = match (class_of(head), modifier) {
            (Some(b), _) => (b, head.as_str()),
            (None, Some(b)) if person_noun() => (
                b,
                mods.iter().rev().find(|w| class_of(w).is_some())?.as_str(),
            ),
            (None, None) if is(head, &g.spokes_nouns) => (Body::Voice, head.as_str()),
            _ => return None,
        };
        // The word before counts too: "another" may be left out of the span.
        let before = self.text[..c.span.start as usize]
            .trim_end()
            .rsplit(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if words
            .iter()
            .chain([&before])
            .any(|w| g.other_party_words.contains(w))
        {
            return None;
        }
        let first = words[0].as_str();
        let indefinite = |w: &str| self.lex.grammar.mentions.anonymous_determiners.contains(w);
        // "a company", "an airline": a party not met before.
        if modifier.is_none() && body != Body::Voice && (indefinite(first) || indefinite(&before)) {
            return None;
        }
        // A person's spokeswoman is an actor of her own.
        let fits = |a: usize| match (body, self.actors[a].kind) {
            (_, ActorKind::Person) => false,
            (Body::Government, kind) => kind == ActorKind::Country,
            (Body::Company, kind) => kind != ActorKind::Country,
            (Body::Voice, _) => true,
        };
        // A name inside the description: "the Acme board", "Norway's
        // government", "a U.S. official".
        let inner = order[pos + 1..]
            .iter()
            .map(|&j| j as usize)
            .take_while(|&j| self.cands[j].span.start < c.span.end)
            .filter(|&j| self.cands[j].span.end <= c.span.end)
            .find_map(|j| self.of_cand.get(j));
        if let Some(a) = inner {
            return fits(a).then_some(a);
        }
        if let Some(k) = c.country {
            // "the Japanese company" may be any Japanese company.
            return match body {
                Body::Company => None,
                _ => self.by_country.get(&k).copied(),
            };
        }
        // "a spokesman for Acme", "the board of Acme".
        if let Some(&j) = order.get(pos + 1) {
            let next = &self.cands[j as usize];
            let between = self
                .text
                .get(c.span.end as usize..next.span.start as usize)
                .unwrap_or("");
            if matches!(between.trim(), "for" | "of" | "at")
                && let Some(a) = self.of_cand.get(j as usize)
            {
                return fits(a).then_some(a);
            }
        }
        if c.in_quote {
            return None;
        }
        // "its board": the body "its" stands for.
        let possessive = g.thing_possessives.contains(first);
        let body_in_play = |want: &dyn Fn(&Built) -> bool| {
            self.recent
                .iter()
                .copied()
                .filter(|&a| {
                    let act = &self.actors[a];
                    act.mentions > 0
                        && !act.described
                        && act.last_seen < pos
                        && c.paragraph.saturating_sub(act.last_paragraph) <= 3
                        && want(act)
                })
                // The body the story is about: the one most often its
                // subject so far, then the one named most, then the latest.
                .max_by_key(|&a| {
                    let act = &self.actors[a];
                    (act.subjects, act.mentions, act.last_subject)
                })
        };
        let org = |act: &Built| matches!(act.kind, ActorKind::Organization | ActorKind::Group);
        let org_or_country =
            || body_in_play(&org).or_else(|| body_in_play(&|act| act.kind == ActorKind::Country));
        // A body whose name has the noun ("Federal Reserve Board" for "the
        // board", "the Bonn government").
        let named = |act: &Built| {
            act.kind != ActorKind::Person
                && act
                    .name
                    .split(|ch: char| !ch.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(noun))
        };
        // "union leaders", "a union": only a body named so; "a company
        // spokesman": the company in play.
        let named_only = g.named_only_body_nouns.contains(noun)
            || (class_of(head).is_none() && !is(head, &g.spokes_nouns));
        match body {
            _ if possessive => org_or_country(),
            _ if named_only => body_in_play(&named),
            Body::Company => body_in_play(&named).or_else(|| body_in_play(&org)),
            Body::Government => body_in_play(&named).or(self.main_country),
            Body::Voice => org_or_country(),
        }
    }
}

/// A role's words, lower-case and space-padded, for whole-word matching.
fn role_words(role: &str) -> RoleWords {
    let words: Vec<String> = role
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    RoleWords::new(&words.join(" "))
}

/// A role's lower-case words, space-padded (" iranian foreign minister ")
/// so a substring search matches whole words, and a 64-bit summary of
/// them: the role look-back compares many roles, and the summary turns
/// most away without a search.
#[derive(Clone, Debug, Default)]
struct RoleWords {
    text: String,
    bloom: u64,
}

impl RoleWords {
    /// From words separated by single spaces.
    fn new(words: &str) -> RoleWords {
        if words.is_empty() {
            return RoleWords::default();
        }
        let bloom = words.split(' ').fold(0u64, |acc, w| {
            let h = w
                .bytes()
                .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
            acc | 1 << (h % 64)
        });
        RoleWords {
            text: format!(" {words} "),
            bloom,
        }
    }

    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Whether `key`'s words appear, in order and together, in these.
    fn contains(&self, key: &RoleWords) -> bool {
        self.bloom & key.bloom == key.bloom && self.text.contains(key.text.as_str())
    }
}

fn compatible_given(known: &[String], new: &[&str]) -> bool {
    if new.is_empty() {
        return true;
    }
    // Same first given name, or one is the other's initial.
    let (a, b) = (known[0].as_str(), new[0]);
    a == b || (a.len() == 1 && b.starts_with(a)) || (b.len() == 1 && a.starts_with(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_to_one_key() {
        assert_eq!(norm("  Jean-Yves  Le\nDrian, "), "jean-yves le drian");
        assert_eq!(norm("ÉMILE Zola"), "émile zola");
        let lex = Lexicon::builtin();
        let suffixes = &lex.grammar.actors.name_key_suffixes;
        assert_eq!(name_key(suffixes, "Robert C. Scott Jr."), "robert c scott");
        assert_eq!(name_key(suffixes, "Jr."), "");
        assert_eq!(name_part_count(suffixes, "Robert C. Scott Jr."), 3);
        assert_eq!(name_part_count(suffixes, "Jr."), 0);
    }

    #[test]
    fn legal_forms_leave_organisation_keys() {
        let lex = Lexicon::builtin();
        assert_eq!(
            without_legal_form(&lex, "Marbeck Tools Inc."),
            "Marbeck Tools"
        );
        assert_eq!(without_legal_form(&lex, "Harlow and Co Ltd"), "Harlow");
        assert_eq!(without_legal_form(&lex, "Verdan S.A."), "Verdan");
        // Never empty, and an "and" without a legal form after it stays.
        assert_eq!(without_legal_form(&lex, "Inc"), "Inc");
        assert_eq!(without_legal_form(&lex, "Ways and Means"), "Ways and Means");
        assert_eq!(org_key(&lex, "IG-Metall"), org_key(&lex, "IG Metall"));
        assert_eq!(org_key(&lex, "Acme Corp"), org_key(&lex, "Acme"));
        assert_ne!(org_key(&lex, "Acme Tools"), org_key(&lex, "Acme"));
    }

    #[test]
    fn role_words_match_whole_words_in_order() {
        let role = role_words("Iran's Foreign Minister");
        assert!(role.contains(&RoleWords::new("foreign minister")));
        assert!(role.contains(&RoleWords::new("minister")));
        assert!(!role.contains(&RoleWords::new("minister foreign")));
        // A word inside another is no match.
        assert!(!role.contains(&RoleWords::new("foreign minis")));
        assert!(!RoleWords::default().contains(&RoleWords::new("minister")));
    }
}

//! Names: maximal runs of capitalised words (with connectors such as
//! "of" or "bin" inside), split into a title and a name, and classed as a
//! person, a place standing for its country, an organisation or outlet,
//! or a proper name of unknown kind.

use std::ops::Range;

use super::{Cand, CandKind, Ctx, OrgRef};
use crate::analyze::tokens::Kind;
use crate::lexicon::{Gender, Lexicon, PlaceRole, class};

/// Maximal runs of capitalised words (with connectors inside), in order.
pub(super) fn name_chains(ctx: &Ctx, range: Range<usize>) -> Vec<Range<usize>> {
    let grammar = &ctx.lex.grammar.mentions;
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
            // "Center for Iranian Studies", "Secretary of State", "Osama
            // bin Laden", "Ursula von der Leyen".
            let connector = ctx
                .word(j)
                .is_some_and(|w| grammar.name_connectors.contains(w));
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
                Some(c) if grammar.connectors_before_institution.contains(c) => {
                    // Not after a person's name: "Paul Volcker and
                    // International Monetary Fund" are two.
                    let person = (i..j).any(|k| {
                        ctx.is(k, class::TITLE_START)
                            || ctx
                                .word(k)
                                .is_some_and(|w| ctx.lex.first_names.contains_key(w))
                    });
                    // "Acme AG and Zeta Corp": a legal form closes a name.
                    let closed = ctx.word(j - 1).is_some_and(|p| {
                        let p = p.trim_end_matches('.');
                        ctx.lex
                            .grammar
                            .actors
                            .legal_forms
                            .contains_ignore_ascii_case(p)
                    });
                    !person
                        && !closed
                        && (j + 1..range.end.min(j + 4))
                            .take_while(|&k| continues_name(ctx, k))
                            .any(|k| ctx.is(k, class::ORG_WORD))
                }
                Some(c) if grammar.connectors_after_institution.contains(c) => {
                    ctx.word(j - 1).is_some_and(|p| {
                        Lexicon::has(&ctx.lex.organization_words, p.trim_end_matches('.'))
                            || ctx.lex.titles.contains_word(p)
                            || grammar.state_words_before_connector.contains(p)
                    })
                }
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
        && ctx
            .lex
            .grammar
            .mentions
            .hyphened_name_particles
            .contains(pre)
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
pub(super) fn classify_chain(
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
        headline: ctx.headline,
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
    // A legal form ("Inc", "AG") ends a company's name; alone it is what
    // is left of a name split before it ("… and Co Inc"), no actor.
    let legal = |k: usize| {
        ctx.word(k).is_some_and(|w| {
            let w = w.trim_end_matches('.');
            lex.grammar.actors.legal_forms.contains_ignore_ascii_case(w)
        })
    };
    if n.clone().all(legal) {
        return None;
    }
    let last = ctx.word(end - 1).unwrap_or_default();
    if n.len() >= 2
        && (Lexicon::has(&lex.organization_words, last.trim_end_matches('.')) || legal(end - 1))
    {
        cand.kind = CandKind::Org(None);
        // "the Ankara-based Center for …" is named "Center for …".
        if ctx.word(n.start).is_some_and(|w| w.ends_with("-based")) {
            cand.name = ctx.span(n.start + 1..end);
        }
        return Some(cand);
    }
    // "The Axios news site": a following "news site/agency/outlet".
    if ctx
        .word(next)
        .is_some_and(|w| lex.grammar.mentions.outlet_nouns_after_name.contains(w))
    {
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

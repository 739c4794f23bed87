//! The cue rules: a sentence is scanned, left to right, for the longest
//! cue phrase at each word (quotation marks between words are skipped).
//! Each cue has a class, and its class decides the rule:
//!
//! * **red-line phrase** ("non-negotiable", "not on the table", "red line",
//!   "unacceptable", and the pattern *negation + be + negotiation word*:
//!   "will never be subject to negotiation", "would not be on the table"):
//!   a red line. Its holder is the party it names ("unacceptable **to** X",
//!   "a red line **for** X"), else the possessor ("X's non-negotiable
//!   timetable"), else an actor subject, else whoever says it. When the
//!   speaker is an analyst (a described researcher, economist, director of
//!   a studies centre…) the red line belongs to the party it is about (the
//!   country or organisation named in the clause) and the analyst is its
//!   `source`; with no such party it is only the analyst's position.
//! * **refusal** ("rejected", "refuses to", "rules out", "vetoes"): a red line
//!   of its subject, which must be an identifiable actor ("we"/"I" are the
//!   speaker; "his government" is the minister's country). Negated ("did not
//!   reject", "would not rule out") it is a concession (an offer).
//! * **negatable** verbs ("accept", "allow", "attend", "discuss"…): a red
//!   line only when negated in their verb group ("will not accept", "could
//!   not accept", "would never sell", "is not prepared to discuss").
//! * **condition** ("only if", "unless", "as a condition", "or face"): a red
//!   line when the clause before holds volition ("willing to negotiate … but
//!   only if", "would not return to work unless"); "or face" (an ultimatum)
//!   belongs to the speaker.
//! * **necessity** ("must", "has to", "should"): the speaker's demand; a red
//!   line when it forbids ("must not be allowed"), comes first ("first we
//!   must"), is what someone insisted on, or is put on a deal ("any deal
//!   would have to include …"). An analyst's "must" is never a red line.
//! * **stance** verbs (demand, offer, support, opposition, accusation,
//!   assessment: "urged", "ready to", "welcomed", "opposes", "accused"): a
//!   position of the subject; negation turns support into opposition and back.
//! * **evaluation** words ("counterproductive", "inadequate", "vital"): a
//!   position (assessment) of whoever says them, in quoted or reported
//!   speech only.
//! * **no comment** ("refused to say", "declined to comment"): a position,
//!   never a red line.
//!
//! Hypotheticals, predictions and generic statements are never red lines;
//! stances of unidentifiable groups ("analysts", "traders") are not
//! positions at all. What a directive demands ("urged X to …") is nobody's
//! stance of its own.

use super::clause::Subj;
use super::holder::Holders;
use super::sentence::Sent;
use super::{CONTENT_WINDOW, WINDOW};
use crate::lexicon::{Cue, CueClass, Tab};
use crate::model::{ActorId, PositionKind};
use crate::span::Span;

#[derive(Clone, Debug)]
pub(super) struct Cand {
    pub holder: Option<ActorId>,
    pub kind: PositionKind,
    pub red_line: bool,
    pub trigger: Span,
    pub source: Option<ActorId>,
    /// Found only through a possessor ("Sosnoff's offer"): kept when the
    /// sentence has nothing better.
    pub weak: bool,
    /// The rule that found it (provenance).
    pub rule: &'static str,
}

/// The candidate positions of sentence `s`, in order.
pub(super) fn candidates(s: &Sent) -> Vec<Cand> {
    Rules {
        s,
        h: Holders::new(s),
    }
    .candidates()
}

/// The cue rules over one sentence.
pub(super) struct Rules<'s> {
    pub s: &'s Sent<'s>,
    pub h: Holders<'s>,
}

impl Rules<'_> {
    fn candidates(&self) -> Vec<Cand> {
        let mut out = Vec::new();
        let n = self.s.words.len();
        let mut i = 0;
        // Where the content of a directive ("urged X to …") ends: cues
        // before it are what is demanded, nobody's stance.
        let mut content_until = 0;
        while i < n {
            if i < content_until
                && (matches!(self.s.low(i), ";")
                    || (self.s.low(i) == "," && self.s.is(i + 1, &["and", "but"]))
                    || (self.s.words[i].quote.is_none() && self.s.has(i, Tab::Reporting)))
            {
                content_until = 0;
            }
            if let Some(len) = self.s.longest(i, Tab::Ignore) {
                i += len;
                continue;
            }
            if let Some(c) = self.negotiable_at(i) {
                out.push(Cand {
                    rule: "negated-negotiable",
                    ..c
                });
            }
            if i >= content_until {
                self.constructions_at(i, &mut out);
            }
            let Some((len, cue)) = self.s.cue_at(i) else {
                i += 1;
                continue;
            };
            if !self.s.cue_ok(i) {
                i += 1;
                continue;
            }
            let end = i + len;
            if i >= content_until
                && let Some(c) = self.evaluate(cue, i, end)
            {
                let c = Cand {
                    rule: cue.class.rule(),
                    ..c
                };
                if cue.class == CueClass::Stance && self.s.starts(i, Tab::Directive) {
                    content_until = end + CONTENT_WINDOW;
                }
                out.push(c);
            }
            i = end;
        }
        out
    }

    /// "will never be subject to negotiation", "would "never" be on the
    /// negotiating table", "is not up for negotiation": a negation, a form
    /// of "be", then a negotiation word within five words.
    fn negotiable_at(&self, i: usize) -> Option<Cand> {
        if !self.s.has(i, Tab::Negations) {
            return None;
        }
        let n = self.s.words.len();
        let be = |k: usize| self.s.is(k, &["be", "is", "are", "was", "were", "been"]);
        // "is not up for …" (be first) or "will never be …" (be after).
        let (start, from) = if i > 0 && be(i - 1) {
            (i - 1, i + 1)
        } else {
            let mut k = i + 1;
            while k < n && k - i < 3 && !be(k) && self.s.in_group(k) {
                k += 1;
            }
            if k >= n || !be(k) {
                return None;
            }
            (i, k + 1)
        };
        // Only a modal makes a plain participle a limit ("will never be
        // traded away"); "is not traded" and "was not negotiated" are facts.
        let g = self.s.group_start(start);
        let modal = (g..from).any(|k| {
            self.s.is(
                k,
                &[
                    "will", "would", "shall", "can", "could", "must", "'ll", "won't", "wouldn't",
                    "cannot", "can't", "never",
                ],
            )
        });
        let hit = (from..(from + 5).min(n))
            .take_while(|&j| !matches!(self.s.low(j), "," | ";" | "." | "but" | "because"))
            .find(|&j| {
                self.s.starts(j, Tab::Negotiable)
                    && (modal
                        || self.s.is(
                            j,
                            &[
                                "negotiable",
                                "negotiation",
                                "negotiations",
                                "table",
                                "bargaining",
                            ],
                        ))
            })?;
        if self.s.cancelled(start, hit + 1) {
            return None;
        }
        // "the negotiating table": the phrase runs to its noun.
        let mut end = hit + 1;
        while end < n && end < hit + 3 && self.s.starts(end, Tab::Negotiable) {
            end += 1;
        }
        self.red_line_phrase(start, end, PositionKind::Refusal)
    }

    fn evaluate(&self, cue: Cue, i: usize, end: usize) -> Option<Cand> {
        use CueClass as C;
        match cue.class {
            C::RedLinePhrase => {
                // "not a red line", "no red line".
                if i > 0
                    && self.s.is(i - 1, &["not", "no", "never"])
                    && cue.kind == PositionKind::Condition
                {
                    return None;
                }
                self.red_line_phrase(i, end, cue.kind)
            }
            C::Refusal => self.refusal(i, end),
            C::Negatable => self.negatable(i, end),
            C::Condition => self.condition(i, end),
            C::Necessity => self.necessity(i, end),
            C::Stance => self.stance(cue.kind, i, end),
            C::Evaluation => self.evaluation(i, end),
            C::NoComment => {
                let holder = self.h.holder_of_verb(i, end, true)?;
                Some(self.cand(holder, PositionKind::Refusal, false, i, end))
            }
        }
    }

    pub(super) fn cand(
        &self,
        holder: Option<ActorId>,
        kind: PositionKind,
        red: bool,
        i: usize,
        end: usize,
    ) -> Cand {
        Cand {
            holder,
            kind,
            red_line: red,
            trigger: self.s.trigger(i, end),
            source: self.h.source(i, holder),
            weak: false,
            rule: "",
        }
    }

    fn red_line_phrase(&self, i: usize, end: usize, kind: PositionKind) -> Option<Cand> {
        // A condition put on one's own proposal ("would approve the park
        // on condition that …") is an offer with terms.
        if kind == PositionKind::Condition && self.offer_before(i) {
            let holder = self.h.actor_before(i);
            return holder.map(|h| Cand {
                rule: "condition-of-offer",
                ..self.cand(Some(h), PositionKind::Offer, false, i, end)
            });
        }
        if self.s.headline {
            return Some(self.cand(None, kind, !self.s.hedged(i, end, false), i, end));
        }
        if let Some(a) = self.s.by_agent(end) {
            // "the conditions demanded by X": X's, whatever governs it.
            return Some(self.cand(Some(a), kind, !self.s.question, i, end));
        }
        let hedged = self.s.hedged(i, end, false);
        if let Some(a) = self.h.named_party(i, end) {
            return Some(self.cand(Some(a), kind, !hedged, i, end));
        }
        let g = self.s.group_start(i);
        let subj = match self.s.subject(g.min(i)) {
            s @ (Subj::Actor(_)
            | Subj::Possessor(_)
            | Subj::OrgPart(_)
            | Subj::Comma(_)
            | Subj::Conj(_)) => self.h.subject_actor(s, i, false),
            _ => None,
        };
        let speaker = self.h.speaker(i);
        let holder = subj.or(speaker)?;
        if Some(holder) == speaker && self.h.is_analyst(speaker) {
            // An analyst's red line is the party's; without one it is the
            // analyst's assessment.
            return Some(match self.h.party_near(i, holder) {
                Some(p) => Cand {
                    source: Some(holder),
                    ..self.cand(Some(p), kind, !hedged, i, end)
                },
                None => self.cand(Some(holder), PositionKind::Assessment, false, i, end),
            });
        }
        Some(self.cand(Some(holder), kind, !hedged, i, end))
    }

    /// Whether a verb of proposing governs the clause before word `i`.
    fn offer_before(&self, i: usize) -> bool {
        let frames = &self.s.sl.constructions.offer_frames;
        (i.saturating_sub(10)..i)
            .rev()
            .take_while(|&k| !self.s.is(k, &[";", ":", "--", "—", "but"]))
            .any(|k| self.s.phrase_at(k, frames).is_some())
    }

    fn refusal(&self, i: usize, end: usize) -> Option<Cand> {
        let g = self.s.group_start(i);
        let holder = self.h.holder_of_verb(i, end, true)?;
        if self.s.negated(g, i) || self.s.cancelled(i, end) {
            // "did not reject", "would not rule out": a concession.
            return Some(self.cand(holder, PositionKind::Offer, false, g, end));
        }
        let red = !self.s.hedged(i, end, false) && !self.h.is_analyst(holder);
        Some(self.cand(holder, PositionKind::Refusal, red, i, end))
    }

    fn negatable(&self, i: usize, end: usize) -> Option<Cand> {
        let g = self.s.group_start(i);
        if !self.s.negated(g, i) {
            return None;
        }
        // Capability and past fact are no refusal: "would not be able to
        // pay", "did not attend".
        if (g..i).any(|k| {
            self.s
                .is(k, &["able", "did", "didn't", "unable", "had", "hadn't"])
        }) {
            return None;
        }
        let holder = self.h.holder_of_verb(i, end, true)?;
        let red = !self.s.hedged(g, end, false) && !self.h.is_analyst(holder);
        Some(self.cand(holder, PositionKind::Refusal, red, g, end))
    }

    fn condition(&self, i: usize, end: usize) -> Option<Cand> {
        if self.s.is(i, &["or"]) {
            // An ultimatum ("… or face retaliation") is the speaker's.
            let holder = if self.s.headline {
                None
            } else {
                Some(self.h.speaker(i)?)
            };
            let red = !self.s.hedged(i, end, true) && !self.h.is_analyst(holder);
            return Some(self.cand(holder, PositionKind::Condition, red, i, end));
        }
        // Volition in the clause before: "willing to negotiate … only if".
        let lo = i.saturating_sub(WINDOW);
        let volition = (lo..i).rev().any(|k| self.s.starts(k, Tab::Volition));
        let holder = if volition {
            if self.s.headline {
                None
            } else {
                Some(self.h.actor_before(i)?)
            }
        } else {
            // Or a modal commitment in the clause before: "we will pull
            // our ships out unless …".
            self.modal_clause_before(i)?
        };
        let red = !self.s.hedged(i, end, true) && !self.h.is_analyst(holder);
        Some(self.cand(holder, PositionKind::Condition, red, i, end))
    }

    fn necessity(&self, i: usize, end: usize) -> Option<Cand> {
        // Hedged necessity is a forecast: "may need to", "might have to".
        let g = self.s.group_start(i);
        let lo = g.saturating_sub(3);
        if (lo..i).any(|k| self.s.is(k, &["may", "might", "could", "if", "whether"])) {
            return None;
        }
        // Epistemic "must have been".
        if self.s.is(i, &["must"]) && self.s.is(end, &["have"]) {
            return None;
        }
        let should = self.s.is(i, &["should"]);
        let subj = self.s.subject(i);
        // A condition put on a deal: "any deal … would have to include".
        let deal = (i.saturating_sub(10)..i).any(|k| {
            self.s.is(k, &["any", "every"])
                && (k + 1..(k + 4).min(i)).any(|j| self.s.starts(j, Tab::DealNouns))
        });
        // A normative "should" needs an actor, "we", a passive or "there":
        // "profits should surge" is a forecast.
        let normative = deal
            || matches!(subj, Subj::Actor(_) | Subj::First(_) | Subj::Pronoun(_))
            || self.s.is(end, &["be", "not"])
            || (g > 0 && self.s.is(g - 1, &["there"]));
        if should && !normative {
            return None;
        }
        let speaker = self.h.speaker(i);
        let holder = if self.s.headline {
            None
        } else {
            let own = match subj {
                Subj::First(_) => self.h.subject_actor(subj, i, false),
                _ => None,
            };
            Some(
                own.or(speaker)
                    .or_else(|| self.h.subject_actor(subj, i, false))?,
            )
        };
        let strong = self.s.starts(end, Tab::NecessityStrong)
            || (i.saturating_sub(3)..i).any(|k| self.s.is(k, &["first"]))
            || (i.saturating_sub(WINDOW)..i).any(|k| self.s.starts(k, Tab::Insist));
        let red = (deal || strong)
            && !should
            && !self.h.is_analyst(holder)
            && !self.s.hedged(i, end, false);
        let kind = if red {
            PositionKind::Condition
        } else {
            PositionKind::Demand
        };
        Some(self.cand(holder, kind, red, i, end))
    }

    fn stance(&self, kind: PositionKind, i: usize, end: usize) -> Option<Cand> {
        let g = self.s.group_start(i);
        // Predicted or hypothetical stances are no positions.
        if self.s.hedge_before(g, false) {
            return None;
        }
        let negated = self.s.negated(g, i);
        if negated && kind == PositionKind::Offer {
            // "not prepared to discuss": the refusal that follows says it.
            return None;
        }
        let holder = self.h.holder_of_verb(i, end, true)?;
        let kind = match (negated, kind) {
            (true, PositionKind::Support) => PositionKind::Opposition,
            (true, PositionKind::Opposition) => PositionKind::Offer,
            (_, k) => k,
        };
        let weak = g > 0 && self.s.low(g - 1) == "'s";
        Some(Cand {
            weak,
            ..self.cand(holder, kind, false, i, end)
        })
    }

    fn evaluation(&self, i: usize, end: usize) -> Option<Cand> {
        // Only in someone's words: a quote, or a sentence with a reporting
        // clause.
        if self.s.words[i].quote.is_none() && self.h.reps().is_empty() {
            return None;
        }
        let holder = if self.s.headline {
            None
        } else {
            Some(self.h.speaker(i)?)
        };
        Some(self.cand(holder, PositionKind::Assessment, false, i, end))
    }
}

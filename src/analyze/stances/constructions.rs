//! Red lines stated by a construction rather than by a cue word: the verb
//! group and the clause around it say what the subject will not do or on
//! what condition it will act. Each construction is a named rule
//! (`Position::rule`):
//!
//! * **negated-future**: a future or volitional modal, or a volition frame,
//!   under negation, with an action verb and an actor subject ("the union
//!   will not sign", "is not going to change", "are unwilling to lend").
//!   A verb of opposing under negation concedes (**negated-concession**,
//!   an offer: "will not oppose", "would not stand in the way").
//! * **negative-object**: a modal and an action verb whose object is a
//!   negative ("will allow no inspection", "will accept nothing less").
//! * **restrictive-only**: "only" in the verb group pointing to a later
//!   condition or time clause ("will only resume talks once …").
//! * **persist-until**: a committed verb of persisting before "until" and a
//!   clause ("would stay out until the owners restore the bonus").
//! * **fronted-condition**: a condition clause before a main clause whose
//!   actor subject commits to an action ("If the rival keeps cutting fees,
//!   we will pull our ships out").
//! * **conditional-threat**: "threatened to … if / unless …"; a threat with
//!   no condition is a position.
//! * **insist-on-deal**: insistence put on a deal ("insist on a floor in any
//!   new pact", "before agreeing to a package, would insist on …").
//!
//! What keeps them apart from forecasts: the verb must be an action (not a
//! state, an outcome or speech: `non_action`), the subject an identifiable
//! actor, and no hedge, question or analyst may govern the clause. The word
//! classes are in `[construction]` of `assets/lexicon/stances.toml`.

use super::WINDOW;
use super::rules::{Cand, Rules};
use crate::lexicon::{PhraseTable, Tab};
use crate::model::{ActorId, PositionKind};

/// A modal or volition frame and the verb it governs.
#[derive(Clone, Copy, Debug)]
pub(super) struct Frame {
    /// The frame's first word (the modal, the negation, "unwilling").
    pub start: usize,
    /// The verb and the word after it (a phrase: "stand in the way").
    pub verb: usize,
    pub verb_end: usize,
    pub negated: bool,
    /// Whether a modal (not only a volition frame) heads it.
    pub modal: bool,
    /// A restrictive "only" in the group.
    pub only: bool,
}

/// How far forward a construction's clause reaches.
const CLAUSE: usize = 16;

impl Rules<'_> {
    fn table_at(&self, k: usize, t: &PhraseTable<()>) -> Option<usize> {
        self.s.phrase_at(k, t)
    }

    fn is_modal(&self, k: usize) -> bool {
        self.table_at(k, &self.s.sl.constructions.future_modals) == Some(1)
    }

    fn is_be(&self, k: usize) -> bool {
        self.s.is(
            k,
            &[
                "be", "is", "are", "am", "was", "were", "'s", "'re", "'m", "been",
            ],
        )
    }

    /// An adverb or negation inside a verb group, between the modal and the
    /// verb ("will certainly not", "would never again").
    fn group_adverb(&self, k: usize) -> bool {
        let c = &self.s.sl.constructions;
        self.s.has(k, Tab::Negations)
            || self.s.is(k, &["only"])
            || (self.s.in_group(k)
                && !self.is_modal(k)
                && !self.s.is(k, &["do", "to", "being", "no"])
                && self.table_at(k, &c.non_action).is_none()
                && self.table_at(k, &c.persist).is_none()
                && self.table_at(k, &c.volition_frames).is_none())
    }

    /// The frame that starts at word `i`, if any: a modal ("will not",
    /// "won't", "would only"), "be" + negation + a volition frame ("is not
    /// going to"), or "unwilling to".
    pub(super) fn frame_at(&self, i: usize) -> Option<Frame> {
        let c = &self.s.sl.constructions;
        let n = self.s.words.len();
        let (mut k, mut negated, modal) = if self.is_modal(i) {
            (i + 1, self.s.has(i, Tab::Negations), true)
        } else if self.s.has(i, Tab::Negations)
            && i > 0
            && self.is_be(i - 1)
            && let Some(len) = self.table_at(i + 1, &c.volition_frames)
        {
            (i + 1 + len, true, false)
        } else if self.s.has(i, Tab::Negations)
            && let Some(len) = self.table_at(i, &c.volition_frames)
        {
            (i + len, true, false)
        } else {
            return None;
        };
        let mut only = false;
        while k < n && k < i + 6 {
            if self.s.is(k, &["no"]) && self.s.is(k + 1, &["longer"]) {
                negated = true;
                k += 2;
            } else if self.group_adverb(k) {
                negated |= self.s.has(k, Tab::Negations);
                only |= self.s.is(k, &["only"]);
                k += 1;
            } else if modal
                && self.is_be(k)
                && let Some(len) = self.table_at(k + 1, &c.volition_frames)
            {
                // "would not be prepared to sell".
                k += 1 + len;
            } else {
                break;
            }
        }
        let w = self.s.words.get(k)?;
        if w.punct || w.actor.is_some() || (w.capital && !w.opens) || self.s.is(k, &["no"]) {
            return None;
        }
        let low = self.s.low(k);
        if low.is_empty() || low.as_bytes()[0].is_ascii_digit() {
            return None;
        }
        if self.table_at(k, &c.non_action).is_some() {
            return None;
        }
        let len = [&c.concessions, &c.persist]
            .iter()
            .filter_map(|t| self.table_at(k, t))
            .max()
            .unwrap_or(1);
        Some(Frame {
            start: i,
            verb: k,
            verb_end: k + len,
            negated,
            modal,
            only,
        })
    }

    /// The holder of a frame's verb: an identifiable actor subject (or, in
    /// a headline, one to be found later).
    /// An analyst speaking of another party's future forecasts it.
    fn frame_holder(&self, f: &Frame) -> Option<Option<ActorId>> {
        // The subject before the whole group ("X will only sign", "X is
        // not going to sign").
        let h = self.h.holder_of_verb(f.start, f.start + 1, false)?;
        let speaker = self.h.speaker(f.start);
        if self.h.is_analyst(h) || (speaker != h && self.h.is_analyst(speaker)) {
            return None;
        }
        Some(h)
    }

    /// "will not meet today", "won't hold a tender now": a schedule, not a
    /// limit.
    fn scheduled(&self, f: &Frame) -> bool {
        let times = &self.s.sl.constructions.schedule_times;
        self.clause_find(f.verb_end, |k| self.table_at(k, times).is_some())
            .is_some_and(|k| k < f.verb_end + 8)
    }

    /// Whether a hedge, a question or a cancelling phrase governs the
    /// frame.
    fn frame_hedged(&self, f: &Frame, own_if: bool) -> bool {
        self.s.hedged(f.start, f.verb_end, own_if)
    }

    /// The end of the trigger: the verb, and verbs coordinated with it
    /// ("will not extend or renew").
    fn coordinated_end(&self, f: &Frame) -> usize {
        let e = f.verb_end;
        if self.s.is(e, &["or", "nor", "and"])
            && let Some(w) = self.s.words.get(e + 1)
            && !w.punct
            && w.actor.is_none()
            && !self
                .s
                .is(e + 1, &["the", "a", "an", "its", "their", "his", "her"])
        {
            return e + 2;
        }
        e
    }

    /// The constructions that start at word `i`.
    pub(super) fn constructions_at(&self, i: usize, out: &mut Vec<Cand>) {
        let negation = self.s.has(i, Tab::Negations);
        if negation || self.s.has_start(i, Tab::Frame) {
            // "is not going to": a negation opens the frame; "will not": the
            // modal does (then the negation inside is none of its own).
            let inside = negation && i > 0 && self.is_modal(i - 1);
            if !inside && let Some(f) = self.frame_at(i) {
                self.frame_rules(&f, out);
            }
            if let Some(c) = self.threat(i) {
                out.push(c);
            }
        }
        if self.s.has_start(i, Tab::Construct) {
            if let Some(c) = self.persist_until(i) {
                out.push(c);
            }
            if let Some(c) = self.fronted_condition(i) {
                out.push(c);
            }
        }
        if let Some(c) = self.insist_on_deal(i) {
            out.push(c);
        }
    }

    fn frame_rules(&self, f: &Frame, out: &mut Vec<Cand>) {
        let c = &self.s.sl.constructions;
        // A cue at the verb is the cue rules' to read ("will not accept").
        let cue = self.s.cue_at(f.verb).is_some();
        if f.negated {
            if cue {
                return;
            }
            let Some(holder) = self.frame_holder(f) else {
                return;
            };
            if self.table_at(f.verb, &c.concessions).is_some() {
                out.push(Cand {
                    rule: "negated-concession",
                    ..self.cand(holder, PositionKind::Offer, false, f.start, f.verb_end)
                });
                return;
            }
            if self.frame_hedged(f, false) || self.scheduled(f) {
                return;
            }
            let end = self.coordinated_end(f);
            out.push(Cand {
                rule: "negated-future",
                ..self.cand(holder, PositionKind::Refusal, true, f.start, end)
            });
            return;
        }
        if !f.modal {
            return;
        }
        // "will accept nothing less", "will allow no inspection".
        let neg_obj = (f.verb_end..f.verb_end + 2)
            .find(|&k| self.table_at(k, &c.negative_objects).is_some())
            .filter(|&k| self.s.cue_at(k).is_none() && !self.s.is(k + 1, &["doubt"]));
        if let Some(k) = neg_obj {
            if let Some(holder) = self.frame_holder(f)
                && !self.frame_hedged(f, false)
            {
                out.push(Cand {
                    rule: "negative-object",
                    ..self.cand(holder, PositionKind::Refusal, true, f.start, k + 1)
                });
            }
            return;
        }
        if f.only
            && let Some(k) =
                self.clause_find(f.verb_end, |k| self.table_at(k, &c.restrictive).is_some())
            && let Some(holder) = self.frame_holder(f)
            && !self.frame_hedged(f, true)
        {
            out.push(Cand {
                rule: "restrictive-only",
                ..self.cand(holder, PositionKind::Condition, true, f.start, k + 1)
            });
        }
    }

    /// The first word from `from` on in the same clause (bounded) that
    /// passes `ok`.
    fn clause_find(&self, from: usize, ok: impl Fn(usize) -> bool) -> Option<usize> {
        let n = self.s.words.len();
        (from..(from + CLAUSE).min(n))
            .take_while(|&k| !self.s.is(k, &[";", ":", ".", "but", "--", "—"]))
            .find(|&k| ok(k))
    }

    /// "would stay out until the owners restore the bonus": "until" and a
    /// clause after a committed verb of persisting in its clause.
    fn persist_until(&self, u: usize) -> Option<Cand> {
        let c = &self.s.sl.constructions;
        let len = self.table_at(u, &c.until)?;
        // "until March", "until the end of the year": a time, no condition.
        let next = u + len;
        let time = (next..next + 3).any(|k| {
            self.table_at(k, &c.until_times).is_some()
                || crate::lexicon::Lexicon::has(&self.s.lex.calendar, self.s.low(k))
                || self
                    .s
                    .low(k)
                    .as_bytes()
                    .first()
                    .is_some_and(u8::is_ascii_digit)
        });
        if time || self.s.words.get(next).is_none_or(|w| w.punct) {
            return None;
        }
        let lo = u.saturating_sub(12);
        let p = (lo..u)
            .rev()
            .take_while(|&k| !self.s.is(k, &[";", ":", ",", "--", "—"]))
            .find(|&k| self.table_at(k, &c.persist).is_some())?;
        // Committed: a modal in its group, or "to" after a control verb
        // ("vowed to stay").
        let g = self.s.group_start(p);
        let committed = (g..p).any(|k| self.is_modal(k))
            || (g < p && self.s.is(p - 1, &["to"]) && g > 0 && self.control_at(g - 1));
        if !committed || self.s.hedge_before(g, false) {
            return None;
        }
        let holder = self.h.holder_of_verb(p, p + 1, false)?;
        if self.h.is_analyst(holder) {
            return None;
        }
        Some(Cand {
            rule: "persist-until",
            ..self.cand(holder, PositionKind::Condition, true, p, next)
        })
    }

    pub(super) fn control_at(&self, k: usize) -> bool {
        self.table_at(k, &self.s.sl.constructions.control) == Some(1)
    }

    /// "If the rival keeps cutting fees, we will pull our ships out": a
    /// condition opening the sentence (or a reported clause), a comma, then
    /// a main clause whose actor subject commits to an action. "would" is
    /// a commitment only when reported (backshifted "will").
    fn fronted_condition(&self, c0: usize) -> Option<Cand> {
        let c = &self.s.sl.constructions;
        let len = self.table_at(c0, &c.openers)?;
        let opens = c0 == 0
            || self.s.words[c0].opens
            || self.s.is(c0 - 1, &["that", ",", "and", "but", "then"]);
        if !opens {
            return None;
        }
        let n = self.s.words.len();
        let comma = (c0 + len..(c0 + 30).min(n))
            .take_while(|&k| !self.s.is(k, &[";", ":", "."]))
            .find(|&k| self.s.is(k, &[","]))?;
        let m = (comma + 1..(comma + 7).min(n))
            .take_while(|&k| !self.s.is(k, &[",", ";", ":", "."]))
            .find(|&k| self.is_modal(k))?;
        let f = self.frame_at(m)?;
        let reported = self.h.reps().iter().any(|r| r.verb < c0);
        if self.s.is(m, &["would", "'d", "wouldn't"]) && !reported {
            return None;
        }
        // The concession and a cue at the verb are the other rules'.
        if self.table_at(f.verb, &c.concessions).is_some() && f.negated {
            return None;
        }
        let hedged = self.s.question
            || (comma + 1..f.verb).any(|k| self.s.starts(k, Tab::Hedges))
            || self.s.cancelled(f.start, f.verb_end)
            || self.s.hedge_before(c0, true);
        if hedged {
            return None;
        }
        let holder = self.frame_holder(&f)?;
        Some(Cand {
            rule: "fronted-condition",
            ..self.cand(holder, PositionKind::Condition, true, c0, c0 + len)
        })
    }

    /// "threatened to block the loans if …": a threat with a condition is
    /// a red line; without one it is a position.
    fn threat(&self, i: usize) -> Option<Cand> {
        let c = &self.s.sl.constructions;
        let len = self.table_at(i, &c.threats)?;
        let holder = self.h.holder_of_verb(i, i + 1, false)?;
        let n = self.s.words.len();
        let cond = (i + len..(i + len + 30).min(n))
            .take_while(|&k| !self.s.is(k, &[";", ":", "."]))
            .any(|k| self.table_at(k, &c.openers).is_some());
        let red = cond && !self.s.hedged(i, i + len, true) && !self.h.is_analyst(holder);
        let kind = if red {
            PositionKind::Condition
        } else {
            PositionKind::Demand
        };
        if !red && self.s.hedge_before(i, false) {
            return None;
        }
        Some(Cand {
            rule: "conditional-threat",
            ..self.cand(holder, kind, red, i, i + len)
        })
    }

    /// "insist on a price floor in any new pact", "before agreeing to a
    /// package, the president would insist on …": insistence as a deal's
    /// condition.
    fn insist_on_deal(&self, i: usize) -> Option<Cand> {
        if !self.s.starts(i, Tab::Insist) {
            return None;
        }
        let c = &self.s.sl.constructions;
        let len = self.table_at(i, &c.insistence)?;
        let n = self.s.words.len();
        let any_deal = |k: usize| {
            self.s.is(k, &["any", "every"])
                && (k + 1..(k + 4).min(n)).any(|j| self.s.starts(j, Tab::DealNouns))
        };
        let after = self.clause_find(i + len, any_deal).is_some();
        let before = (i.saturating_sub(WINDOW.min(14))..i).any(|k| {
            self.s.is(k, &["before"])
                && (k + 1..(k + 6).min(i)).any(|j| self.s.starts(j, Tab::DealNouns))
        });
        if !after && !before {
            return None;
        }
        let holder = self.h.holder_of_verb(i, i + len, false)?;
        if self.h.is_analyst(holder) || self.s.hedged(i, i + len, false) {
            return None;
        }
        Some(Cand {
            rule: "insist-on-deal",
            ..self.cand(holder, PositionKind::Condition, true, i, i + len)
        })
    }

    /// Whether the clause before word `i` (a condition marker) commits an
    /// actor to an action with a modal: "we will pull our ships out unless
    /// …". Its holder.
    pub(super) fn modal_clause_before(&self, i: usize) -> Option<Option<ActorId>> {
        let lo = i.saturating_sub(CLAUSE);
        let m = (lo..i)
            .rev()
            .take_while(|&k| !self.s.is(k, &[";", ":", "--", "—"]))
            .find(|&k| self.is_modal(k))?;
        let f = self.frame_at(m)?;
        if f.verb >= i
            || self
                .table_at(f.verb, &self.s.sl.constructions.concessions)
                .is_some()
            || self.frame_hedged(&f, true)
        {
            return None;
        }
        self.frame_holder(&f)
    }
}

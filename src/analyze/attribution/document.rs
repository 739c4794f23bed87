//! The passes over the whole document, for the quotes the passage passes
//! left open. Two sweeps in text order keep them linear: the first gives
//! a quote the speaker of the quote it continues or of its passage's
//! other quotes, else its passage's fallback guess; the second gives a
//! quote that opens a paragraph the speaker the paragraph before handed
//! the floor to, or that paragraph's last speaker.
//!
//! Every candidate a frame, fallback or lead-in points at has an actor by
//! now (see `unplaced`).

use super::{DocumentPass, Frame, LeadIn};
use crate::analyze::actors::ActorOf;
use crate::analyze::mentions::Cand;
use crate::analyze::passages::Passage;
use crate::analyze::quotes::Found;
use crate::model::{ActorId, Speaker};
use crate::span::Span;

/// What the document passes read, and the speakers they fill in.
pub(super) struct Sweep<'a> {
    found: &'a [Found],
    frames: &'a [Frame],
    cands: &'a [Cand],
    of_cand: &'a ActorOf,
    passages: &'a [Passage],
    lead_ins: &'a [LeadIn],
    /// Each quote's speaker, as filled so far.
    speakers: Vec<Option<Speaker>>,
    /// The nearest attributed double quote before, in the same passage
    /// (as filled so far).
    earlier: Option<Speaker>,
    /// For each quote, the nearest attributed double quote after it in
    /// the same passage (from the passage passes).
    later: Vec<Option<Speaker>>,
}

/// `"…" she said. "…"` where the second quote goes on from the first's
/// paragraph: the speech continues.
pub(super) const CONTINUATION: DocumentPass = DocumentPass {
    name: "continuation",
    find: continuation,
};

/// The speaker of an attributed quote earlier in the passage.
pub(super) const PARAGRAPH_EARLIER: DocumentPass = DocumentPass {
    name: "paragraph-earlier",
    find: paragraph_earlier,
};

/// The speaker of an attributed quote later in the passage.
pub(super) const PARAGRAPH_LATER: DocumentPass = DocumentPass {
    name: "paragraph-later",
    find: paragraph_later,
};

/// The passage's weaker guess: the speaker of the sentence before, or
/// the subject of the quote's own sentence (`Frame::fallback`).
pub(super) const FALLBACK: DocumentPass = DocumentPass {
    name: "fallback",
    find: fallback,
};

/// A quote opening a paragraph after one that ends in a colon or a dash:
/// the subject of that paragraph's last cue has the floor.
pub(super) const LEAD_IN_OPEN: DocumentPass = DocumentPass {
    name: "lead-in",
    find: lead_in_open,
};

/// A quote opening a paragraph right after an attributed one: the same
/// speaker, at low confidence.
pub(super) const PREVIOUS_PARAGRAPH: DocumentPass = DocumentPass {
    name: "previous-paragraph",
    find: previous_paragraph,
};

/// A quote opening a paragraph after one with a cue in its last
/// sentence: that cue's subject, at low confidence.
pub(super) const LEAD_IN: DocumentPass = DocumentPass {
    name: "lead-in",
    find: lead_in,
};

impl<'a> Sweep<'a> {
    pub(super) fn new(
        found: &'a [Found],
        frames: &'a [Frame],
        cands: &'a [Cand],
        of_cand: &'a ActorOf,
        passages: &'a [Passage],
        lead_ins: &'a [LeadIn],
    ) -> Sweep<'a> {
        let speakers: Vec<Option<Speaker>> = frames
            .iter()
            .map(|f| {
                let who = f.who?;
                Some(Speaker {
                    actor: ActorId::new(of_cand.get(who)?),
                    mention: Some(cands[who].span),
                    cue: f.cue,
                    via: f.via,
                    confidence: f.confidence,
                    rule: f.rule,
                })
            })
            .collect();
        // Swept from the end: the nearest attributed quote after each.
        let mut later: Vec<Option<Speaker>> = vec![None; found.len()];
        let mut next: Option<Speaker> = None;
        for q in (0..found.len()).rev() {
            if q + 1 < found.len() && found[q + 1].paragraph != found[q].paragraph {
                next = None;
            }
            later[q] = next.clone();
            if !found[q].single && speakers[q].is_some() {
                next = speakers[q].clone();
            }
        }
        Sweep {
            found,
            frames,
            cands,
            of_cand,
            passages,
            lead_ins,
            speakers,
            earlier: None,
            later,
        }
    }

    /// Fills the speakers of the quotes the passage passes left open:
    /// `in_passage` over every double quote still open, then `opening`
    /// over those that open a body paragraph. Returns each quote's speaker.
    pub(super) fn run(
        mut self,
        in_passage: &[DocumentPass],
        opening: &[DocumentPass],
    ) -> Vec<Option<Speaker>> {
        let found = self.found;
        for q in 0..found.len() {
            if q > 0 && found[q - 1].paragraph != found[q].paragraph {
                self.earlier = None;
            }
            if self.speakers[q].is_none() && !found[q].single {
                self.speakers[q] = self.first(in_passage, q);
            }
            if !found[q].single && self.speakers[q].is_some() {
                self.earlier = self.speakers[q].clone();
            }
        }
        for (q, f) in found.iter().enumerate() {
            let b = f.paragraph;
            let headline = self.passages.get(b).is_some_and(|p| p.headline);
            if self.speakers[q].is_some() || f.single || headline {
                continue;
            }
            let passage_start = self.passages.get(b).map_or(0, |p| p.span.start);
            if b == 0 || f.open.start != passage_start {
                continue;
            }
            self.speakers[q] = self.first(opening, q);
        }
        self.speakers
    }

    /// The speaker the first of `passes` that finds one finds, named for
    /// that pass.
    fn first(&self, passes: &[DocumentPass], q: usize) -> Option<Speaker> {
        passes
            .iter()
            .find_map(|p| (p.find)(self, q).map(|s| Speaker { rule: p.name, ..s }))
    }

    /// A speaker for candidate `who`, from a guess of the passage passes.
    fn guessed(&self, (who, cue, confidence): (usize, Option<Span>, f32)) -> Option<Speaker> {
        Some(Speaker {
            actor: ActorId::new(self.of_cand.get(who)?),
            mention: Some(self.cands[who].span),
            cue,
            via: None,
            confidence,
            rule: "",
        })
    }

    /// The lead-in of the passage before the one quote `q` opens.
    fn lead_in_before(&self, q: usize) -> LeadIn {
        let b = self.found[q].paragraph;
        self.lead_ins.get(b - 1).copied().flatten()
    }
}

/// Another quote's speaker, no surer than `confidence`.
fn inherit(s: &Speaker, confidence: f32) -> Speaker {
    Speaker {
        confidence: confidence.min(s.confidence),
        ..s.clone()
    }
}

fn continuation(w: &Sweep, q: usize) -> Option<Speaker> {
    if !w.found[q].continues || q == 0 {
        return None;
    }
    w.speakers[q - 1].as_ref().map(|s| inherit(s, 0.8))
}

fn paragraph_earlier(w: &Sweep, _q: usize) -> Option<Speaker> {
    w.earlier.as_ref().map(|s| inherit(s, 0.8))
}

fn paragraph_later(w: &Sweep, q: usize) -> Option<Speaker> {
    w.later[q].as_ref().map(|s| inherit(s, 0.7))
}

fn fallback(w: &Sweep, q: usize) -> Option<Speaker> {
    w.guessed(w.frames[q].fallback?)
}

fn lead_in_open(w: &Sweep, q: usize) -> Option<Speaker> {
    w.guessed(w.lead_in_before(q).filter(|l| l.2 >= 0.7)?)
}

fn previous_paragraph(w: &Sweep, q: usize) -> Option<Speaker> {
    let b = w.found[q].paragraph;
    // The last double quote of the paragraph before.
    let prev = (0..q)
        .rev()
        .take_while(|k| w.found[*k].paragraph + 1 >= b)
        .find(|k| w.found[*k].paragraph == b - 1 && !w.found[*k].single)?;
    w.speakers[prev].as_ref().map(|s| inherit(s, 0.45))
}

fn lead_in(w: &Sweep, q: usize) -> Option<Speaker> {
    w.guessed(w.lead_in_before(q)?)
}

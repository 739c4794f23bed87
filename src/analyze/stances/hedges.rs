//! What keeps a cue from being a red line: a hedge that governs it (in the
//! same clause before it: "may", "could", "whether", "if", "unlikely", "it
//! remains unclear whether"…), a cancelling phrase that touches it ("never
//! before", "has never", "not necessarily", "would not rule out"), or a
//! question. The cue rules (`rules.rs`) ask these; a negated cue is theirs
//! to read.

use super::HEDGE_WINDOW;
use super::sentence::Sent;
use crate::lexicon::{CueClass, Tab};

impl Sent<'_> {
    /// Whether a hedge governs the cue at `i`: a hedge word earlier in its
    /// clause (bounded), or the sentence is a question. `own_if`: the cue
    /// is a condition, so an "if" is its own.
    pub fn hedge_before(&self, i: usize, own_if: bool) -> bool {
        if self.question {
            return true;
        }
        let lo = i.saturating_sub(HEDGE_WINDOW);
        let mut k = i;
        while k > lo {
            k -= 1;
            let l = self.low(k);
            if matches!(
                l,
                ";" | ":" | "--" | "—" | "but" | "although" | "though" | "whereas"
            ) {
                break;
            }
            if !self.starts(k, Tab::Hedges) || (self.words[k].capital && !self.words[k].opens) {
                continue;
            }
            match l {
                "if" => {
                    let cond = self
                        .cue_at(k)
                        .is_some_and(|(_, c)| c.class == CueClass::Condition);
                    if own_if || cond || (k > 0 && self.is(k - 1, &["only", "even", "as"])) {
                        continue;
                    }
                    return true;
                }
                "could" | "may" | "might" => {
                    if self.has(k + 1, Tab::Negations) {
                        continue;
                    }
                    return true;
                }
                _ => return true,
            }
        }
        false
    }

    /// Whether a hedge governs the cue at `[i, end)` or a cancelling phrase
    /// touches it.
    pub fn hedged(&self, i: usize, end: usize, own_if: bool) -> bool {
        self.hedge_before(i, own_if) || self.cancelled(i, end)
    }

    /// Whether a cancelling phrase overlaps or touches words `[i, end)`.
    pub fn cancelled(&self, i: usize, end: usize) -> bool {
        let lo = i.saturating_sub(4);
        (lo..end).any(|k| {
            self.longest(k, Tab::Cancels)
                .is_some_and(|len| k + len >= i)
        })
    }
}

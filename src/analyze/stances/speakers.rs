//! Who speaks for whom in a sentence: the speakers of its quotes and its
//! reporting clauses ("X said", "said X", "according to X", "X was quoted
//! as saying"), before or post-posed after what they frame. The speaker of
//! a word is its quote's (from the attribution), else the nearest
//! reporting clause before it, else a post-posed one after it ("…, X
//! said"); a position's `source` is the reporter when it is not the holder
//! (an outlet, an analyst).

use super::clause::Subj;
use super::sentence::Sent;
use crate::lexicon::Tab;
use crate::model::ActorId;

/// A reporting clause.
#[derive(Clone, Copy, Debug)]
pub(super) struct Rep {
    /// The reporting verb (word index).
    pub verb: usize,
    /// Who reports.
    pub who: ActorId,
    /// Post-posed: `…, X said`, `…," said X`.
    pub post: bool,
}

/// Who speaks in a sentence: its quotes' speakers and its reporting
/// clauses.
#[derive(Clone, Copy)]
pub(super) struct Voices<'s> {
    s: &'s Sent<'s>,
    reps: &'s [Rep],
}

impl<'s> Voices<'s> {
    pub fn new(s: &'s Sent<'s>, reps: &'s [Rep]) -> Voices<'s> {
        Voices { s, reps }
    }

    /// The reporting clauses that can frame word `i`: those before it, the
    /// nearest first, then post-posed ones after it.
    fn framing(self, i: usize) -> impl Iterator<Item = ActorId> + 's {
        let reps = self.reps;
        let at = reps.partition_point(|r| r.verb < i);
        let before = reps[..at].iter().rev().take(4);
        let after = reps[at..].iter().filter(|r| r.post).take(4);
        before.chain(after).map(|r| r.who)
    }

    /// Who says what word `i` is in: the quote's speaker, else the nearest
    /// reporting clause before it, else a post-posed one after it, else the
    /// speaker of a quote in the sentence.
    pub fn speaker(self, i: usize) -> Option<ActorId> {
        if let Some(a) = self.quoted_by(i) {
            return Some(a);
        }
        self.framing(i).next().or(self.s.quote_speaker)
    }

    /// Who reports the sentence, other than `holder`.
    pub fn source(self, i: usize, holder: Option<ActorId>) -> Option<ActorId> {
        self.quoted_by(i)
            .into_iter()
            .chain(self.framing(i))
            .find(|&a| Some(a) != holder)
    }

    /// The speaker of the quote word `i` is in.
    fn quoted_by(self, i: usize) -> Option<ActorId> {
        let q = self.s.words.get(i)?.quote?;
        self.s.doc.quotes[q].1
    }
}

/// The reporting clauses of a sentence, in order; `who(subject, verb)`
/// is the actor a reporting verb's subject stands for.
pub(super) fn reporting(s: &Sent, who: impl Fn(Subj, usize) -> Option<ActorId>) -> Vec<Rep> {
    let mut out = Vec::new();
    for k in 0..s.words.len() {
        if s.words[k].quote.is_some() || s.words[k].actor.is_some() {
            continue;
        }
        let l = s.low(k);
        let after = |from: usize| {
            (from..(from + 4).min(s.words.len()))
                .take_while(|&j| !s.words[j].punct)
                .find_map(|j| s.words[j].actor.and_then(|_| s.folded(j)))
        };
        let mut push = |who: ActorId, post: bool| out.push(Rep { verb: k, who, post });
        if let Some(len) = s.longest(k, Tab::According) {
            if let Some(a) = after(k + len) {
                push(a, post_posed(s, k));
            }
            continue;
        }
        if !s.has(k, Tab::Reporting) {
            continue;
        }
        if matches!(l, "quoted" | "quoting" | "quotes") {
            // "X was quoted as saying": X; "quoted X as saying": X.
            let passive = k > 0 && s.is(k - 1, &["was", "is", "were", "been"]);
            let reporter = if passive {
                who(s.subject(k), k)
            } else {
                after(k + 1)
            };
            if let Some(a) = reporter {
                // "… as saying" attributes what comes before it too.
                push(a, true);
            }
            continue;
        }
        // Inverted: `…," said Dean Kleckner` (never "told X": X listens).
        let inverted = || {
            if s.lex.stances.inverted.contains(l) {
                after(k + 1)
            } else {
                None
            }
        };
        let subj = s.subject(k);
        let inv = matches!(subj, Subj::None | Subj::Comma(_))
            .then(inverted)
            .flatten();
        let reporter = inv.or_else(|| match subj {
            Subj::Noun(m, speaks) => m.filter(|_| speaks),
            Subj::None => None,
            subj => who(subj, k),
        });
        if let Some(a) = reporter {
            let post = inv.is_some() || post_posed(s, s.group_start(k));
            push(a, post);
        }
    }
    out
}

/// Whether the attribution whose verb group starts at `g` is post-posed:
/// its subject follows a comma or a closing quote ("…, the official
/// said").
fn post_posed(s: &Sent, g: usize) -> bool {
    let Some(k) = g.checked_sub(1) else {
        return false;
    };
    let mut j = k;
    if s.words[k].actor.is_some() {
        j = s.mention_start(k);
    } else {
        // "a Kenyan diplomat", "the official": a short noun phrase.
        while j > 0 && k - j < 4 && !s.words[j - 1].punct {
            j -= 1;
        }
    }
    j > 0 && (s.low(j - 1) == "," || s.words[j].opens)
}

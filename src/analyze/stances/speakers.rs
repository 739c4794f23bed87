//! Who speaks for whom in a sentence: the speakers of its quotes and its
//! reporting clauses ("X said", "said X", "according to X", "X was quoted
//! as saying"), before or post-posed after what they frame.

use super::clause::Subj;
use super::sentence::Sent;
use crate::lexicon::Tab;
use crate::model::ActorId;

impl Sent<'_> {
    pub fn reps(&self) -> &[(usize, ActorId, bool)] {
        if self.in_reps.get() {
            return &[];
        }
        self.reps.get_or_init(|| {
            self.in_reps.set(true);
            let reps = self.reporting();
            self.in_reps.set(false);
            reps
        })
    }

    /// Reporting verbs and who reports: "X said", "said X", "according to
    /// X", "quoted X as saying".
    fn reporting(&self) -> Vec<(usize, ActorId, bool)> {
        let mut out = Vec::new();
        for k in 0..self.words.len() {
            if self.words[k].quote.is_some() || self.words[k].actor.is_some() {
                continue;
            }
            let l = self.low(k);
            let after = |from: usize| {
                (from..(from + 4).min(self.words.len()))
                    .take_while(|&j| !self.words[j].punct)
                    .find_map(|j| self.words[j].actor.and_then(|_| self.folded(j)))
            };
            if let Some(len) = self.longest(k, Tab::According) {
                if let Some(a) = after(k + len) {
                    out.push((k, a, self.post_posed(k)));
                }
                continue;
            }
            if !self.has(k, Tab::Reporting) {
                continue;
            }
            if matches!(l, "quoted" | "quoting" | "quotes") {
                // "X was quoted as saying": X; "quoted X as saying": X.
                let passive = k > 0 && self.is(k - 1, &["was", "is", "were", "been"]);
                let who = if passive {
                    let s = self.subject(k);
                    self.subject_actor(s, k, false)
                } else {
                    after(k + 1)
                };
                if let Some(a) = who {
                    // "… as saying" attributes what comes before it too.
                    out.push((k, a, true));
                }
                continue;
            }
            // Inverted: `…," said Dean Kleckner` (never "told X": X listens).
            let inverted = || {
                if matches!(
                    l,
                    "said"
                        | "says"
                        | "added"
                        | "adds"
                        | "wrote"
                        | "writes"
                        | "noted"
                        | "stated"
                        | "explained"
                        | "insisted"
                        | "warned"
                        | "declared"
                        | "continued"
                ) {
                    after(k + 1)
                } else {
                    None
                }
            };
            let subj = self.subject(k);
            let inv = matches!(subj, Subj::None | Subj::Comma(_))
                .then(inverted)
                .flatten();
            let who = inv.or_else(|| match subj {
                Subj::Noun(m, speaks) => m.filter(|_| speaks),
                Subj::None => None,
                s => self.subject_actor(s, k, false),
            });
            if let Some(a) = who {
                let post = inv.is_some() || self.post_posed(self.group_start(k));
                out.push((k, a, post));
            }
        }
        out
    }

    /// Whether the attribution whose verb group starts at `g` is
    /// post-posed: its subject follows a comma or a closing quote ("…, the
    /// official said").
    fn post_posed(&self, g: usize) -> bool {
        let Some(k) = g.checked_sub(1) else {
            return false;
        };
        let mut j = k;
        if self.words[k].actor.is_some() {
            j = self.mention_start(k);
        } else {
            // "a Kenyan diplomat", "the official": a short noun phrase.
            while j > 0 && k - j < 4 && !self.words[j - 1].punct {
                j -= 1;
            }
        }
        j > 0 && (self.low(j - 1) == "," || self.words[j].opens)
    }

    /// The reporting clauses that can frame word `i`: those before it, the
    /// nearest first, then post-posed ones after it.
    fn framing(&self, i: usize) -> impl Iterator<Item = ActorId> + '_ {
        let reps = self.reps();
        let at = reps.partition_point(|r| r.0 < i);
        let before = reps[..at].iter().rev().take(4);
        let after = reps[at..].iter().filter(|r| r.2).take(4);
        before.chain(after).map(|r| r.1)
    }

    /// Who says what word `i` is in: the quote's speaker, else the nearest
    /// reporting clause before it, else a post-posed one after it.
    pub fn speaker(&self, i: usize) -> Option<ActorId> {
        if let Some(q) = self.words.get(i).and_then(|w| w.quote)
            && let Some(a) = self.doc.quotes[q].1
        {
            return Some(a);
        }
        // Else a quote in the sentence whose speaker is known.
        self.framing(i).next().or(self.quote_speaker)
    }

    /// Who reports the sentence, other than `holder`.
    pub fn source(&self, i: usize, holder: Option<ActorId>) -> Option<ActorId> {
        let q = self
            .words
            .get(i)
            .and_then(|w| w.quote)
            .and_then(|q| self.doc.quotes[q].1);
        q.into_iter()
            .chain(self.framing(i))
            .find(|&a| Some(a) != holder)
    }
}

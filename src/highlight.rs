//! The one highlighter: turns an [`Analysis`] (plus the reader's transient
//! marks: search matches, the flashed jump target) into ordered,
//! non-overlapping segments of a text range, each carrying a semantic
//! [`Mark`]. Every view (the TUI, the plain reading, the Markdown export)
//! asks this module what a byte is, so they all mark the same spans the same
//! way; views only decide how a mark looks.
//!
//! # Precedence
//!
//! A [`Mark`] keeps every layer that covers a byte (a mention inside a quote
//! inside a red line has all three), so a view can combine them. Two rules
//! settle everything else:
//!
//! 1. Within one layer (two mentions, two quotes), the innermost span wins:
//!    the one that starts last, and of those the shortest.
//! 2. When a view can show only one meaning (a colour, an emphasis), it uses
//!    [`Mark::class`], whose order is, strongest first:
//!    current search match › search match › flash › red line › mention ›
//!    quote › position › plain. Red lines therefore win over the actor
//!    colours of the mentions and quotes inside them.

use crate::model::{ActorId, Analysis, Document, Speaker};
use crate::span::Span;

/// A quote's part in a mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteMark {
    /// The actor it is attributed to, if any.
    pub speaker: Option<ActorId>,
    /// [`Speaker::is_uncertain`]: show as uncertain.
    pub uncertain: bool,
}

/// Everything that covers one segment of text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mark {
    /// A mention of this actor (innermost when mentions nest).
    pub mention: Option<ActorId>,
    /// Inside the words of a speech quote (innermost when quotes nest).
    pub quote: Option<QuoteMark>,
    /// Inside a red line.
    pub red_line: bool,
    /// Inside a position that is not a red line.
    pub position: bool,
    /// Inside a search match.
    pub search: bool,
    /// Inside the current search match.
    pub current: bool,
    /// Inside the span the reader just jumped to.
    pub flash: bool,
}

/// The single strongest meaning of a mark (see the module's precedence).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Current,
    Search,
    Flash,
    RedLine,
    Mention(ActorId),
    Quote(QuoteMark),
    Position,
    Plain,
}

impl Mark {
    pub fn class(&self) -> Class {
        if self.current {
            Class::Current
        } else if self.search {
            Class::Search
        } else if self.flash {
            Class::Flash
        } else if self.red_line {
            Class::RedLine
        } else if let Some(a) = self.mention {
            Class::Mention(a)
        } else if let Some(q) = self.quote {
            Class::Quote(q)
        } else if self.position {
            Class::Position
        } else {
            Class::Plain
        }
    }

    pub fn is_plain(&self) -> bool {
        *self == Mark::default()
    }
}

/// A run of text with one mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    pub mark: Mark,
}

/// The reader's transient marks, laid over the analysis.
#[derive(Clone, Copy, Debug, Default)]
pub struct Overlay<'a> {
    /// Search matches, sorted by start and disjoint.
    pub search: &'a [Span],
    pub current: Option<Span>,
    pub flash: Option<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Layer {
    Mention(ActorId),
    Quote(QuoteMark),
    RedLine,
    Position,
}

#[derive(Clone, Copy, Debug)]
struct Item {
    span: Span,
    layer: Layer,
}

/// The analysis's spans, sorted once so that each query is a sweep over
/// the few spans that touch the queried range.
#[derive(Clone, Debug, Default)]
pub struct Highlighter {
    /// Sorted by start, then longest first.
    items: Vec<Item>,
    /// `max_end[i]`: the largest end among `items[..=i]`, so the first item
    /// that can reach a position is found by binary search.
    max_end: Vec<u32>,
}

/// One-shot form of [`Highlighter::segments`].
pub fn segments(analysis: &Analysis, range: Span, overlay: &Overlay<'_>) -> Vec<Segment> {
    Highlighter::new(analysis).segments(range, overlay)
}

impl Highlighter {
    pub fn new(analysis: &Analysis) -> Highlighter {
        let mut items = Vec::new();
        for (id, actor) in analysis.actors.iter().enumerate() {
            items.extend(actor.mentions.iter().map(|m| Item {
                span: m.span,
                layer: Layer::Mention(ActorId::new(id)),
            }));
        }
        // Scare quotes and titles of works are nobody's speech: not marked.
        items.extend(analysis.quotes.iter().filter(|q| q.speech).map(|q| Item {
            span: q.span,
            layer: Layer::Quote(QuoteMark {
                speaker: q.speaker.as_ref().map(|s| s.actor),
                uncertain: q.speaker.as_ref().is_some_and(Speaker::is_uncertain),
            }),
        }));
        items.extend(analysis.positions.iter().map(|p| Item {
            span: p.span,
            layer: if p.red_line {
                Layer::RedLine
            } else {
                Layer::Position
            },
        }));
        items.retain(|i| !i.span.is_empty());
        items.sort_by_key(|i| (i.span.start, std::cmp::Reverse(i.span.end)));
        let mut max_end = Vec::with_capacity(items.len());
        let mut m = 0;
        for i in &items {
            m = m.max(i.span.end);
            max_end.push(m);
        }
        Highlighter { items, max_end }
    }

    /// The analysis items that overlap `range`, in start order.
    fn touching(&self, range: Span) -> impl Iterator<Item = &Item> {
        let first = self.max_end.partition_point(|&e| e <= range.start);
        let last = self.items.partition_point(|i| i.span.start < range.end);
        self.items[first..last.max(first)]
            .iter()
            .filter(move |i| i.span.end > range.start)
    }

    /// Whether any red line, or any other position, overlaps `range`: what
    /// a view's gutter shows for a line.
    pub fn stances_in(&self, range: Span) -> (bool, bool) {
        let mut red = false;
        let mut pos = false;
        for i in self.touching(range) {
            match i.layer {
                Layer::RedLine => red = true,
                Layer::Position => pos = true,
                _ => {}
            }
        }
        (red, pos)
    }

    /// Ordered, non-overlapping segments covering exactly `range`, adjacent
    /// segments always differing in mark. Cost: sorting the boundaries of
    /// the spans that touch `range`, then one sweep over them.
    pub fn segments(&self, range: Span, overlay: &Overlay<'_>) -> Vec<Segment> {
        if range.is_empty() {
            return Vec::new();
        }
        let clip = |s: Span| Span {
            start: s.start.max(range.start),
            end: s.end.min(range.end),
        };
        let items: Vec<Item> = self
            .touching(range)
            .map(|i| Item {
                span: clip(i.span),
                layer: i.layer,
            })
            .collect();
        let search_first = overlay.search.partition_point(|s| s.end <= range.start);
        let search: Vec<Span> = overlay.search[search_first..]
            .iter()
            .take_while(|s| s.start < range.end)
            .map(|&s| clip(s))
            .filter(|s| !s.is_empty())
            .collect();
        let extra: Vec<Span> = [overlay.current, overlay.flash]
            .into_iter()
            .flatten()
            .map(clip)
            .filter(|s| !s.is_empty())
            .collect();

        let mut cuts: Vec<u32> = Vec::with_capacity(2 * (items.len() + search.len()) + 6);
        cuts.push(range.start);
        cuts.push(range.end);
        for s in items
            .iter()
            .map(|i| i.span)
            .chain(search.iter().copied())
            .chain(extra.iter().copied())
        {
            cuts.push(s.start);
            cuts.push(s.end);
        }
        cuts.sort_unstable();
        cuts.dedup();

        let mut out: Vec<Segment> = Vec::with_capacity(cuts.len());
        let mut active: Vec<Item> = Vec::new();
        let mut next_item = 0;
        let mut next_search = 0;
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            // Items are sorted by start: admit those that have begun, drop
            // those that have ended. The active set is as deep as the nesting.
            while next_item < items.len() && items[next_item].span.start <= a {
                active.push(items[next_item]);
                next_item += 1;
            }
            active.retain(|i| i.span.end > a);
            while next_search < search.len() && search[next_search].end <= a {
                next_search += 1;
            }
            let piece = Span { start: a, end: b };
            let mut mark = Mark {
                search: search.get(next_search).is_some_and(|s| s.start <= a),
                current: overlay.current.is_some_and(|c| c.contains(piece)),
                flash: overlay.flash.is_some_and(|f| f.contains(piece)),
                ..Mark::default()
            };
            // Innermost per layer: `active` is in start order (longest first
            // on ties), so the last matching entry is the innermost.
            for i in &active {
                match i.layer {
                    Layer::Mention(id) => mark.mention = Some(id),
                    Layer::Quote(q) => mark.quote = Some(q),
                    Layer::RedLine => mark.red_line = true,
                    Layer::Position => mark.position = true,
                }
            }
            match out.last_mut() {
                Some(last) if last.mark == mark => last.span.end = b,
                _ => out.push(Segment { span: piece, mark }),
            }
        }
        out
    }
}

/// How a reader sees `span` (the same text as [`Document::reading`]:
/// markup left out, whitespace runs read as one space, control characters
/// as placeholders), cut into runs by mark. For text views such as the
/// plain reading and the Markdown export: they map each mark to their own
/// emphasis and so mark exactly what the TUI marks.
///
/// A space between two runs belongs to the run on its left when the
/// whitespace it stands for lies inside that run's spans, so emphasis
/// markers never have to open on a space.
pub fn marked_reading(
    doc: &Document,
    highlighter: &Highlighter,
    span: Span,
    overlay: &Overlay<'_>,
) -> Vec<(String, Mark)> {
    let mut runs: Vec<(String, Mark)> = Vec::new();
    let mut pending: Option<Mark> = None;
    for seg in highlighter.segments(span, overlay) {
        for piece in doc.pieces(seg.span) {
            for c in doc.span_text(piece).chars() {
                if c.is_whitespace() {
                    // The first whitespace of a run decides where it goes.
                    if pending.is_none() && !runs.is_empty() {
                        pending = Some(seg.mark);
                    }
                    continue;
                }
                if let Some(m) = pending.take() {
                    push(
                        &mut runs,
                        ' ',
                        if m == seg.mark { m } else { Mark::default() },
                        m,
                    );
                }
                let shown = crate::text::placeholder(c).unwrap_or(c);
                push(&mut runs, shown, seg.mark, seg.mark);
            }
        }
    }
    runs
}

/// Appends `c` with mark `mark`; a space whose whitespace lay in the run
/// on its left (`left`) joins that run.
fn push(runs: &mut Vec<(String, Mark)>, c: char, mark: Mark, left: Mark) {
    let target = if c == ' ' && runs.last().is_some_and(|r| r.1 == left) {
        left
    } else {
        mark
    };
    match runs.last_mut() {
        Some((text, m)) if *m == target => text.push(c),
        _ => runs.push((c.to_string(), target)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Actor, ActorKind, Mention, MentionKind, Position, PositionKind, Quote, Speaker,
    };

    fn actor(name: &str, mentions: &[(usize, usize)]) -> Actor {
        Actor {
            name: name.to_string(),
            kind: ActorKind::Person,
            role: None,
            mentions: mentions
                .iter()
                .map(|&(s, e)| Mention {
                    span: Span::new(s, e),
                    kind: MentionKind::Name,
                })
                .collect(),
        }
    }

    fn quote(s: usize, e: usize, speaker: Option<(usize, f32)>) -> Quote {
        Quote {
            span: Span::new(s, e),
            speech: true,
            speaker: speaker.map(|(actor, confidence)| Speaker {
                actor: ActorId::new(actor),
                mention: None,
                cue: None,
                via: None,
                confidence,
                rule: "test",
            }),
        }
    }

    fn position(s: usize, e: usize, red_line: bool) -> Position {
        Position {
            span: Span::new(s, e),
            holder: Some(ActorId::new(0)),
            kind: PositionKind::Refusal,
            trigger: None,
            red_line,
            source: None,
            rule: "test",
        }
    }

    /// Checks the invariants every caller relies on.
    fn check(segs: &[Segment], range: Span) {
        assert_eq!(segs.first().map(|s| s.span.start), Some(range.start));
        assert_eq!(segs.last().map(|s| s.span.end), Some(range.end));
        for w in segs.windows(2) {
            assert_eq!(w[0].span.end, w[1].span.start, "{segs:?}");
            assert_ne!(w[0].mark, w[1].mark, "{segs:?}");
        }
        assert!(segs.iter().all(|s| !s.span.is_empty()));
    }

    #[test]
    fn mention_inside_quote_inside_red_line_keeps_every_layer() {
        // 0         1         2         3
        // 0123456789012345678901234567890123
        // red line 0..30, quote 5..25, mention 10..15
        let analysis = Analysis {
            actors: vec![actor("A", &[(10, 15)]), actor("B", &[])],
            quotes: vec![quote(5, 25, Some((1, 0.9)))],
            positions: vec![position(0, 30, true)],
            ..Analysis::default()
        };
        let range = Span::new(0, 34);
        let segs = segments(&analysis, range, &Overlay::default());
        check(&segs, range);
        let spans: Vec<(u32, u32)> = segs.iter().map(|s| (s.span.start, s.span.end)).collect();
        assert_eq!(
            spans,
            [(0, 5), (5, 10), (10, 15), (15, 25), (25, 30), (30, 34)]
        );
        let inner = segs[2].mark;
        assert_eq!(inner.mention, Some(ActorId::new(0)));
        assert_eq!(inner.quote.map(|q| q.speaker), Some(Some(ActorId::new(1))));
        assert!(inner.red_line);
        // Red lines win over actor colours.
        assert_eq!(inner.class(), Class::RedLine);
        assert_eq!(segs[5].mark.class(), Class::Plain);
    }

    #[test]
    fn innermost_span_of_a_layer_wins() {
        let analysis = Analysis {
            actors: vec![actor("Outer", &[(0, 20)]), actor("Inner", &[(5, 10)])],
            ..Analysis::default()
        };
        let segs = segments(&analysis, Span::new(0, 20), &Overlay::default());
        let who: Vec<Option<usize>> = segs
            .iter()
            .map(|s| s.mark.mention.map(ActorId::index))
            .collect();
        assert_eq!(who, [Some(0), Some(1), Some(0)]);
    }

    #[test]
    fn search_beats_everything_and_current_beats_search() {
        let analysis = Analysis {
            positions: vec![position(0, 10, true)],
            ..Analysis::default()
        };
        let matches = [Span::new(2, 4), Span::new(6, 8)];
        let overlay = Overlay {
            search: &matches,
            current: Some(Span::new(6, 8)),
            flash: None,
        };
        let segs = segments(&analysis, Span::new(0, 10), &overlay);
        let classes: Vec<Class> = segs.iter().map(|s| s.mark.class()).collect();
        assert_eq!(
            classes,
            [
                Class::RedLine,
                Class::Search,
                Class::RedLine,
                Class::Current,
                Class::RedLine
            ]
        );
    }

    #[test]
    fn uncertain_attribution_and_positions() {
        let analysis = Analysis {
            quotes: vec![quote(0, 4, Some((0, 0.3))), quote(6, 8, None)],
            positions: vec![position(3, 7, false)],
            ..Analysis::default()
        };
        let segs = segments(&analysis, Span::new(0, 8), &Overlay::default());
        check(&segs, Span::new(0, 8));
        assert!(segs[0].mark.quote.is_some_and(|q| q.uncertain));
        assert!(segs[1].mark.position && segs[1].mark.quote.is_some());
        assert_eq!(segs[2].mark.class(), Class::Position);
        assert_eq!(
            segs[3].mark.class(),
            Class::Quote(QuoteMark {
                speaker: None,
                uncertain: false
            })
        );
    }

    #[test]
    fn a_sub_range_sees_spans_that_began_before_it() {
        let analysis = Analysis {
            positions: vec![position(0, 100, true), position(2, 3, false)],
            ..Analysis::default()
        };
        let h = Highlighter::new(&analysis);
        let segs = h.segments(Span::new(50, 60), &Overlay::default());
        assert_eq!(segs.len(), 1);
        assert!(segs[0].mark.red_line);
        assert_eq!(h.stances_in(Span::new(50, 60)), (true, false));
        assert_eq!(h.stances_in(Span::new(0, 10)), (true, true));
        assert_eq!(h.stances_in(Span::new(100, 110)), (false, false));
    }

    #[test]
    fn many_spans_stay_fast_and_consistent() {
        // 20,000 mentions: the sweep must not be quadratic.
        let mentions: Vec<(usize, usize)> = (0..20_000).map(|i| (i * 10, i * 10 + 4)).collect();
        let analysis = Analysis {
            actors: vec![actor("A", &mentions)],
            positions: vec![position(0, 200_000, true)],
            ..Analysis::default()
        };
        let range = Span::new(0, 200_000);
        let segs = segments(&analysis, range, &Overlay::default());
        check(&segs, range);
        assert_eq!(segs.len(), 40_000);
    }

    #[test]
    fn non_speech_quotes_are_not_marked() {
        let mut q = quote(0, 4, None);
        q.speech = false;
        let analysis = Analysis {
            quotes: vec![q],
            ..Analysis::default()
        };
        let segs = segments(&analysis, Span::new(0, 4), &Overlay::default());
        assert!(segs[0].mark.is_plain());
    }

    #[test]
    fn marked_reading_matches_the_plain_reading_and_keeps_spaces_outside() {
        let text = "Haddad said \t  it would \u{1b}never be   traded.";
        let doc = crate::load::load_bytes("t.txt", text.as_bytes(), None)
            .unwrap()
            .doc;
        let at = |s: &str| text.find(s).unwrap();
        let analysis = Analysis {
            actors: vec![actor("Haddad", &[(0, 6)])],
            positions: vec![position(at("it"), at(" traded") + 7, true)],
            ..Analysis::default()
        };
        let span = doc.paragraphs[0].span;
        let runs = marked_reading(
            &doc,
            &Highlighter::new(&analysis),
            span,
            &Overlay::default(),
        );
        let joined: String = runs.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(joined, doc.reading(span));
        let parts: Vec<(&str, Class)> = runs.iter().map(|r| (r.0.as_str(), r.1.class())).collect();
        assert_eq!(
            parts,
            [
                ("Haddad", Class::Mention(ActorId::new(0))),
                (" said ", Class::Plain),
                ("it would ␛never be traded", Class::RedLine),
                (".", Class::Plain),
            ]
        );
    }
}

//! The review items of an article: every actor, speech quote, position and
//! red line the analysis found, each with an id that survives re-analysis
//! and edits to the text.
//!
//! An id is the item's class and a hash of its exact text by key
//! (`q-3fa09c21b7`); items of one class with the same text add a hash of
//! their context (`-91ac`), and an ordinal when even that is shared
//! (`-2`). The class puts positions and red lines together, so a position
//! the analysis later calls a red line keeps its marks.

use rustc_hash::FxHashMap;

use crate::model::{ActorId, Analysis, Document, PositionId, QuoteId};
use crate::span::Span;

pub use super::anchor::ItemKind;
use super::anchor::{Anchor, digest, key, key_digest, reading, to_code_points};

/// What in the analysis an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Actor(ActorId),
    Quote(QuoteId),
    Position(PositionId),
}

/// One review item of the current analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub target: Target,
    pub anchor: Anchor,
    /// Where it is: the quote or position, or the actor's first mention.
    pub span: Span,
    /// Whether the anchor has its context and code-point offsets (read
    /// only when needed: to tell equal texts apart, or to store them).
    pub anchored: bool,
}

/// The items of an article: actors in the analysis' order, then speech
/// quotes, then positions and red lines, each in text order.
pub fn items(doc: &Document, analysis: &Analysis) -> Vec<Item> {
    let name = |id: ActorId| analysis.actor(id).map(|a| crate::text::reflow(&a.name));
    let mut out = Vec::new();
    for (i, a) in analysis.actors.iter().enumerate() {
        let span = a
            .mentions
            .first()
            .map(|m| m.span)
            .or(a.role)
            .unwrap_or_default();
        let exact = crate::text::reflow(&a.name);
        out.push(item(
            Target::Actor(ActorId::new(i)),
            ItemKind::Actor,
            exact,
            span,
            None,
        ));
    }
    let mut quotes: Vec<usize> = (0..analysis.quotes.len())
        .filter(|&q| analysis.quotes[q].speech)
        .collect();
    quotes.sort_by_key(|&q| analysis.quotes[q].span.start);
    for q in quotes {
        let quote = &analysis.quotes[q];
        let holder = quote.speaker.as_ref().and_then(|s| name(s.actor));
        out.push(item(
            Target::Quote(QuoteId::new(q)),
            ItemKind::Quote,
            reading(doc, quote.span),
            quote.span,
            holder,
        ));
    }
    let mut positions: Vec<usize> = (0..analysis.positions.len()).collect();
    positions.sort_by_key(|&p| analysis.positions[p].span.start);
    for p in positions {
        let pos = &analysis.positions[p];
        let kind = if pos.red_line {
            ItemKind::RedLine
        } else {
            ItemKind::Position
        };
        out.push(item(
            Target::Position(PositionId::new(p)),
            kind,
            reading(doc, pos.span),
            pos.span,
            pos.holder.and_then(name),
        ));
    }
    assign_ids(doc, &mut out);
    out
}

fn item(target: Target, kind: ItemKind, exact: String, span: Span, holder: Option<String>) -> Item {
    Item {
        id: String::new(),
        target,
        anchor: Anchor::bare(kind, exact, span, holder),
        span,
        anchored: false,
    }
}

/// Reads the context and code-point offsets of the anchors of `items` that
/// do not have them yet, in one pass over the text.
pub(crate) fn anchor<'a>(
    doc: &Document,
    items: impl Iterator<Item = (&'a mut Anchor, Span, &'a mut bool)>,
) {
    let mut todo = Vec::new();
    for (a, span, done) in items {
        if !*done {
            a.fill_context(doc, span);
            *done = true;
            todo.push(a);
        }
    }
    to_code_points(doc, todo.into_iter());
}

/// The id of an item of `kind` whose exact text is `exact`, before any
/// disambiguation.
pub(crate) fn base_id(kind: ItemKind, exact: &str) -> String {
    let class = kind.class().to_string();
    format!("{class}-{}", key_digest(&class, exact, 10))
}

fn assign_ids(doc: &Document, items: &mut [Item]) {
    let base: Vec<String> = items
        .iter()
        .map(|i| base_id(i.anchor.kind, &i.anchor.exact))
        .collect();
    let mut count: FxHashMap<&str, usize> = FxHashMap::default();
    for b in &base {
        *count.entry(b.as_str()).or_default() += 1;
    }
    // Equal texts are told apart by their context: read it for them.
    anchor(
        doc,
        items
            .iter_mut()
            .zip(&base)
            .filter(|(_, b)| count[b.as_str()] > 1)
            .map(|(i, _)| (&mut i.anchor, i.span, &mut i.anchored)),
    );
    let mut taken: FxHashMap<String, usize> = FxHashMap::default();
    for (item, b) in items.iter_mut().zip(&base) {
        let mut id = b.clone();
        if count[b.as_str()] > 1 {
            let a = &item.anchor;
            id.push('-');
            id.push_str(&digest(&[&key(&a.prefix), &key(&a.suffix)], 4));
        }
        let n = taken.entry(id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            id.push_str(&format!("-{n}"));
        }
        item.id = id;
    }
}

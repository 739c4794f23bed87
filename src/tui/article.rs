//! One article as the reader shows it: the document, its analysis and
//! summary, plus what the views derive from them once (tokens with display
//! widths, the search index, the lists of the side panes). Nothing here
//! depends on the window size, so it is built once, by [`Article::prepare`]
//! on the thread that analysed the article (the briefing's loader for all
//! but the first), and never changes.

use crate::briefing;
use crate::highlight::Highlighter;
use crate::model::{ActorId, Analysis, Document, Position, PositionId, QuoteId, Speaker};
use crate::review::{Meta, Mode, Review, Store, Target};
use crate::span::Span;
use crate::summary::{self, ActorCounts, Summary};
use crate::text::sanitize;

use super::search::SearchIndex;
use super::words::{self, Block};

/// A side-pane summary entry: its group, its text (sanitized, one line
/// before wrapping), and where Enter takes the reader.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SummaryItem {
    pub(crate) group: &'static str,
    pub(crate) text: String,
    pub(crate) target: Span,
    /// Why it is there, for a red line, a position or a quote: the pane's
    /// footer while it is selected.
    pub(crate) why: Option<String>,
    /// The review entry it is (an actor, a quote, a position or an orphan).
    pub(crate) item: Option<usize>,
}

/// An article ready to be shown.
#[derive(Debug)]
pub struct Article {
    pub(crate) doc: Document,
    pub(crate) analysis: Analysis,
    pub(crate) summary: Summary,
    pub(crate) highlighter: Highlighter,
    pub(crate) blocks: Vec<Block>,
    pub(crate) search: SearchIndex,
    /// Speech quotes (indices into `analysis.quotes`), in text order.
    pub(crate) quotes: Vec<usize>,
    /// Red lines (indices into `analysis.positions`), in text order.
    pub(crate) red_lines: Vec<usize>,
    /// Positions that are not red lines, in text order.
    pub(crate) positions: Vec<usize>,
    /// Each actor's counts, as every view counts them.
    pub(crate) stats: Vec<ActorCounts>,
    pub(crate) summary_items: Vec<SummaryItem>,
    /// Display strings drawn every frame, made once: actor names, the
    /// words of each quote in marks, and the header's title.
    names: Vec<String>,
    pub(crate) quote_texts: Vec<String>,
    /// Why each quote has its speaker (`None` when it has none), per
    /// `analysis.quotes`.
    pub(crate) quote_whys: Vec<Option<String>>,
    pub(crate) title: String,
    /// The review as loaded when the article was opened (the reader keeps
    /// its own copy as marks change), and what loading it warned of.
    pub(crate) review: Review,
    pub(crate) review_warnings: Vec<String>,
    /// The memo's file name stem.
    pub(crate) stem: String,
}

impl Article {
    /// An article with no stored review.
    pub fn new(doc: Document, analysis: Analysis) -> Article {
        let meta = Meta::of(&doc, String::new());
        let review = Review::new(&doc, &analysis, meta);
        let stem = std::path::Path::new(&doc.name).file_stem().map_or_else(
            || "article".to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        Article::with_review(doc, analysis, review, Vec::new(), stem)
    }

    fn with_review(
        doc: Document,
        analysis: Analysis,
        review: Review,
        review_warnings: Vec<String>,
        stem: String,
    ) -> Article {
        let summary = summary::build(&doc, &analysis);
        let highlighter = Highlighter::new(&analysis);
        let blocks = words::blocks(&doc);
        let search = SearchIndex::new(&doc, &blocks);
        let by_start = |mut v: Vec<usize>, key: &dyn Fn(usize) -> u32| {
            v.sort_by_key(|&i| key(i));
            v
        };
        let quotes = by_start(
            (0..analysis.quotes.len())
                .filter(|&i| analysis.quotes[i].speech)
                .collect(),
            &|i| analysis.quotes[i].span.start,
        );
        let pos_start = |i: usize| analysis.positions[i].span.start;
        let red_lines = by_start(
            (0..analysis.positions.len())
                .filter(|&i| analysis.positions[i].red_line)
                .collect(),
            &pos_start,
        );
        let positions = by_start(
            (0..analysis.positions.len())
                .filter(|&i| !analysis.positions[i].red_line)
                .collect(),
            &pos_start,
        );
        let stats = summary::actor_counts(&analysis);
        let names = analysis
            .actors
            .iter()
            .map(|a| crate::text::reflow(&a.name))
            .collect();
        let quote_texts = analysis
            .quotes
            .iter()
            .map(|q| format!("“{}”", doc.reading(q.span)))
            .collect();
        let quote_whys = analysis
            .quotes
            .iter()
            .map(|q| q.speaker.as_ref().map(speaker_why))
            .collect();
        let title = doc
            .title
            .or(summary.headline)
            .map_or_else(|| sanitize(&doc.name).into_owned(), |t| doc.reading(t));
        let mut article = Article {
            names,
            quote_texts,
            quote_whys,
            title,
            doc,
            analysis,
            summary,
            highlighter,
            blocks,
            search,
            quotes,
            red_lines,
            positions,
            stats,
            summary_items: Vec::new(),
            review,
            review_warnings,
            stem,
        };
        article.summary_items = summary_items(&article);
        article
    }

    /// The reader's view of an article of a briefing, without marks.
    pub fn prepare(article: briefing::Article) -> Article {
        Article::new(article.doc, article.analysis)
    }

    /// The reader's view of an article of a briefing with its review read
    /// from `store` (a file that does not parse is moved aside).
    pub fn prepare_reviewed(article: briefing::Article, store: Option<&Store>) -> Article {
        let briefing::Article {
            doc,
            analysis,
            source,
        } = article;
        let meta = Meta::of(&doc, source.identity());
        let (state, warnings) = match store {
            Some(store) => {
                let loaded = store.load(&meta, Mode::Repair);
                (loaded.state, loaded.warnings)
            }
            None => (None, Vec::new()),
        };
        let review = match &state {
            Some(s) => Review::with_state(&doc, &analysis, meta, s),
            None => Review::new(&doc, &analysis, meta),
        };
        Article::with_review(doc, analysis, review, warnings, source.stem())
    }

    /// An actor's name, safe to print.
    pub(crate) fn actor_name(&self, id: ActorId) -> String {
        self.names
            .get(id.index())
            .cloned()
            .unwrap_or_else(|| "?".to_string())
    }

    /// Who said a quote, as shown: "Name", "? Name" when the attribution is
    /// uncertain, "(unattributed)" when there is none.
    pub(crate) fn speaker_label(&self, quote: usize) -> (String, bool) {
        match self
            .analysis
            .quotes
            .get(quote)
            .and_then(|q| q.speaker.as_ref())
        {
            Some(s) if s.is_uncertain() => (format!("? {}", self.actor_name(s.actor)), true),
            Some(s) => (self.actor_name(s.actor), false),
            None => ("(unattributed)".to_string(), true),
        }
    }

    pub(crate) fn holder_label(&self, holder: Option<ActorId>) -> String {
        holder.map_or_else(|| "(unknown)".to_string(), |h| self.actor_name(h))
    }

    /// The header's counts.
    pub(crate) fn counts(&self) -> (usize, usize, usize, usize) {
        (
            self.doc.sections.len(),
            self.analysis.actors.len(),
            self.quotes.len(),
            self.red_lines.len(),
        )
    }
}

fn summary_items(a: &Article) -> Vec<SummaryItem> {
    let doc = &a.doc;
    let s = &a.summary;
    let mut items = Vec::new();
    let review = &a.review;
    let mut add = |group: &'static str,
                   text: String,
                   target: Span,
                   why: Option<String>,
                   item: Option<Target>| {
        items.push(SummaryItem {
            group,
            text,
            target,
            why,
            item: item.and_then(|t| review.index_of(t)),
        });
    };
    if let Some(h) = s.headline {
        add("Headline", doc.reading(h), h, None, None);
    }
    if let Some(d) = s.dateline {
        add("Dateline", doc.reading(d), d, None, None);
    }
    for &l in &s.lead {
        add("Lead", doc.reading(l), l, None, None);
    }
    for k in &s.key_actors {
        let mut text = a.actor_name(k.actor);
        if let Some(r) = k.role {
            text.push_str(" — ");
            text.push_str(&doc.reading(r));
        }
        text.push_str(&format!(
            " · {} · {} · {}",
            plural(k.quotes, "quote", "quotes"),
            plural(k.positions, "position", "positions"),
            plural(k.red_lines, "red line", "red lines"),
        ));
        add(
            "Key actors",
            text,
            k.span,
            None,
            Some(Target::Actor(k.actor)),
        );
    }
    for g in &s.red_lines {
        for &i in &g.items {
            if let Some(p) = a.analysis.positions.get(i) {
                let text = format!("{}: {}", a.holder_label(g.holder), doc.reading(p.span));
                let t = Target::Position(PositionId::new(i));
                add(
                    "Red lines",
                    text,
                    p.span,
                    Some(position_why(doc, p)),
                    Some(t),
                );
            }
        }
    }
    for g in &s.positions {
        for &i in &g.items {
            if let Some(p) = a.analysis.positions.get(i) {
                let text = format!(
                    "{} ({}): {}",
                    a.holder_label(g.holder),
                    p.kind.name(),
                    doc.reading(p.span)
                );
                let t = Target::Position(PositionId::new(i));
                add(
                    "Positions",
                    text,
                    p.span,
                    Some(position_why(doc, p)),
                    Some(t),
                );
            }
        }
    }
    for &q in &s.key_quotes {
        if let Some(quote) = a.analysis.quotes.get(q) {
            let (who, _) = a.speaker_label(q);
            add(
                "Key quotes",
                format!("{who}: “{}”", doc.reading(quote.span)),
                quote.span,
                a.quote_whys.get(q).cloned().flatten(),
                Some(Target::Quote(QuoteId::new(q))),
            );
        }
    }
    for &d in &s.digest {
        add("Digest", doc.reading(d), d, None, None);
    }
    items
}

/// Why a position is there: `rule: X · trigger: "…"` (curly quotes when
/// the trigger holds a straight one).
fn position_why(doc: &Document, p: &Position) -> String {
    let Some(t) = p.trigger else {
        return format!("rule: {} · no trigger", p.rule);
    };
    let t = doc.reading(t);
    if t.contains('"') {
        format!("rule: {} · trigger: “{t}”", p.rule)
    } else {
        format!("rule: {} · trigger: \"{t}\"", p.rule)
    }
}

/// Why a quote has its speaker: `rule: X · confidence 0.92`.
fn speaker_why(s: &Speaker) -> String {
    format!("rule: {} · confidence {:.2}", s.rule, s.confidence)
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

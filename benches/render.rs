//! Drawing speed of the reader: one full frame of a 5,000-word article at
//! 200×60 into a `TestBackend` (target ≤ 1 ms), and, for comparison, the
//! re-wrap a resize costs. Run with `cargo bench --bench render`.
//!
//! The analysis is synthetic (names, quotes and stance sentences found by
//! string search) so that the frame carries highlights; `analyze()` does
//! not find anything yet.

use std::hint::black_box;

use briefing::load::{SAMPLE_BRIEFING, load_bytes};
use briefing::model::{
    Actor, ActorId, ActorKind, Analysis, Document, Mention, MentionKind, Position, PositionKind,
    Quote, Speaker,
};
use briefing::span::Span;
use briefing::tui::{Action, App, Article, ColourMode, Options, render};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The sample eight times over (about 5,000 words), each copy under its
/// own crosshead.
fn long_article() -> Document {
    let mut text = String::new();
    for i in 0..8 {
        if i > 0 {
            text.push_str(&format!("- Part {} -\n", i + 1));
        }
        text.push_str(SAMPLE_BRIEFING);
    }
    load_bytes("long.txt", text.as_bytes(), None)
        .expect("loads")
        .doc
}

fn spans_of(text: &str, needle: &str) -> Vec<Span> {
    text.match_indices(needle)
        .map(|(at, m)| Span::new(at, at + m.len()))
        .collect()
}

fn synthetic_analysis(doc: &Document) -> Analysis {
    let text = &doc.text;
    let names = [
        "Haddad", "Bekele", "Tadesse", "Otieno", "Wanjiru", "Berg", "Egypt", "Ethiopia", "Kenya",
        "Cairo",
    ];
    let actors: Vec<Actor> = names
        .iter()
        .map(|n| Actor {
            name: n.to_string(),
            kind: ActorKind::Person,
            role: None,
            mentions: spans_of(text, n)
                .into_iter()
                .map(|span| Mention {
                    span,
                    kind: MentionKind::Name,
                })
                .collect(),
        })
        .collect();
    // Words between straight or curly double quotes.
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('"' | '“', None) => open = Some(i + c.len_utf8()),
            ('"' | '”', Some(s)) => {
                quotes.push(Quote {
                    span: Span::new(s, i),
                    speech: true,
                    speaker: Some(Speaker {
                        actor: ActorId::new(quotes.len() % names.len()),
                        mention: None,
                        cue: None,
                        via: None,
                        confidence: if quotes.len() % 5 == 0 { 0.3 } else { 0.9 },
                        rule: "synthetic",
                    }),
                });
                open = None;
            }
            ('\n', _) => open = None,
            _ => {}
        }
    }
    let positions = doc
        .paragraphs
        .iter()
        .filter_map(|p| {
            let t = doc.span_text(p.span);
            let red_line = t.contains("never") || t.contains("would have to");
            (red_line || t.contains("said")).then_some(Position {
                span: p.span,
                holder: Some(ActorId::new(0)),
                kind: PositionKind::Refusal,
                trigger: None,
                red_line,
                source: None,
                rule: "synthetic",
            })
        })
        .collect();
    Analysis {
        sentences: Vec::new(),
        actors,
        quotes,
        positions,
    }
}

fn app() -> App {
    let doc = long_article();
    let analysis = synthetic_analysis(&doc);
    let options = Options::new(ColourMode::Colour);
    let mut app = App::new(Article::new(doc, analysis), &options);
    app.resize(200, 60);
    app
}

fn render_bench(c: &mut Criterion) {
    let mut app = app();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let mut group = c.benchmark_group("render");
    // Alternate between two scroll positions so that every frame differs
    // from the last one and is fully diffed, as when scrolling.
    let mut down = false;
    group.bench_function("frame_5000_words_200x60", |b| {
        b.iter(|| {
            down = !down;
            app.update(if down {
                Action::PageDown
            } else {
                Action::PageUp
            });
            terminal
                .draw(|f| render(black_box(&app), f))
                .expect("draws");
        })
    });
    // What a resize costs: the article re-wrapped and re-indexed.
    let mut wide = false;
    group.bench_function("rewrap_5000_words", |b| {
        b.iter(|| {
            wide = !wide;
            app.resize(if wide { 180 } else { 200 }, 60);
        })
    });
    group.finish();
}

criterion_group!(benches, render_bench);
criterion_main!(benches);

//! Load + analyze throughput (`cargo bench --bench analyze`):
//! - `corpus_20mb`: real news concatenated to 20 MB as one input (the
//!   PolNeAR dev split when ../shared/eval is beside the checkout, else
//!   the sample briefing);
//! - `single_5mb`: one 5 MB article (a dateline, then the sample
//!   briefing's paragraphs repeated), which shows the analysis stays
//!   linear in an article's length.
//!
//! Each runs with and without positions and red lines (`_quotes_only`), so
//! what the stances add is measured in the same run.
//!
//! Compare the two throughputs in one run: the machines are noisy.

use std::hint::black_box;
use std::path::Path;

use briefing::analyze::{analyze, analyze_quotes};
use briefing::lexicon::Lexicon;
use briefing::load::{SAMPLE_BRIEFING, load_bytes};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn repeat_to(unit: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + unit.len());
    while s.len() < size {
        s.push_str(unit);
    }
    s
}

fn real_news() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/polnear/dev");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|f| f.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let mut out = String::new();
    for f in files {
        if let Ok(t) = std::fs::read_to_string(f) {
            out.push_str(&t);
            out.push_str("\n\n");
        }
    }
    if out.is_empty() {
        SAMPLE_BRIEFING.to_string()
    } else {
        out
    }
}

fn bench(c: &mut Criterion) {
    let lex = Lexicon::builtin();
    let corpus = repeat_to(&real_news(), 20 * 1024 * 1024);
    // A dateline opens it, as in wire copy: per-block work tied to the
    // dateline must stay linear too.
    let single = format!(
        "CAIRO, March 3 (Wire) - {}",
        repeat_to(SAMPLE_BRIEFING, 5 * 1024 * 1024)
    );
    let mut group = c.benchmark_group("load_analyze");
    group.sample_size(10);
    for (name, input) in [("corpus_20mb", &corpus), ("single_5mb", &single)] {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let loaded = load_bytes("bench.txt", black_box(input.as_bytes()), Some("txt"))
                    .expect("loads");
                analyze(&loaded.doc, &lex)
            })
        });
        // The same without positions and red lines: what stances add.
        group.bench_function(format!("{name}_quotes_only"), |b| {
            b.iter(|| {
                let loaded = load_bytes("bench.txt", black_box(input.as_bytes()), Some("txt"))
                    .expect("loads");
                analyze_quotes(&loaded.doc, &lex)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

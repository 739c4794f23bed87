//! What positions, red lines and the summary add to the analysis: the full
//! `analyze` against `positions` and `summary::build` alone, on 1 MB of
//! wire-like copy (the sample briefing repeated) and, to check that the
//! cost is linear, on 4 MB. `BRIEFING_BENCH_TEXT=FILE` benches a file of
//! your own instead (e.g. a concatenated evaluation split).
//! Run with `cargo bench --bench stances`.

use std::hint::black_box;

use briefing::analyze::{analyze, positions};
use briefing::lexicon::Lexicon;
use briefing::load::{SAMPLE_BRIEFING, load_bytes};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn repeat_to(unit: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + unit.len());
    while s.len() < size {
        s.push_str(unit);
        s.push('\n');
    }
    s
}

fn stances(c: &mut Criterion) {
    let lex = Lexicon::builtin();
    let mut inputs: Vec<(String, String)> = match std::env::var_os("BRIEFING_BENCH_TEXT") {
        Some(f) => vec![(
            "file".to_string(),
            std::fs::read_to_string(&f).expect("BRIEFING_BENCH_TEXT is readable"),
        )],
        None => vec![
            ("1mb".to_string(), repeat_to(SAMPLE_BRIEFING, 1 << 20)),
            ("4mb".to_string(), repeat_to(SAMPLE_BRIEFING, 4 << 20)),
        ],
    };
    let mut group = c.benchmark_group("stances");
    group.sample_size(10);
    for (name, text) in inputs.drain(..) {
        let doc = load_bytes("bench.txt", text.as_bytes(), Some("txt"))
            .expect("loads")
            .doc;
        let analysis = analyze(&doc, &lex);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("analyze_{name}"), |b| {
            b.iter(|| analyze(black_box(&doc), &lex))
        });
        group.bench_function(format!("positions_{name}"), |b| {
            b.iter(|| positions(black_box(&doc), &analysis, &lex))
        });
        group.bench_function(format!("summary_{name}"), |b| {
            b.iter(|| briefing::summary::build(black_box(&doc), &analysis))
        });
    }
    group.finish();
}

criterion_group!(benches, stances);
criterion_main!(benches);

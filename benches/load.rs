//! Loading throughput: a 10 MB plain-text article (wire copy repeated) and a
//! 10 MB hard-wrapped one. Run with `cargo bench --bench load`.

use std::hint::black_box;

use briefing::load::{SAMPLE_BRIEFING, load_bytes};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const TARGET: usize = 10 * 1024 * 1024;

fn repeat_to(unit: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + unit.len());
    while s.len() < size {
        s.push_str(unit);
    }
    s
}

/// The sample rewrapped at 65 columns with indented paragraph starts, like
/// 1980s wire copy.
fn wrapped_unit() -> String {
    let mut out = String::new();
    for para in SAMPLE_BRIEFING.lines() {
        let opts = textwrap::Options::new(65).initial_indent("    ");
        out.push_str(&textwrap::fill(para, opts));
        out.push('\n');
    }
    out
}

fn load(c: &mut Criterion) {
    let lines = repeat_to(SAMPLE_BRIEFING, TARGET);
    let wrapped = repeat_to(&wrapped_unit(), TARGET);
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(lines.len() as u64));
    group.bench_function("lines_10mb", |b| {
        b.iter(|| load_bytes("bench.txt", black_box(lines.as_bytes()), Some("txt")))
    });
    group.throughput(Throughput::Bytes(wrapped.len() as u64));
    group.bench_function("wrapped_10mb", |b| {
        b.iter(|| load_bytes("bench.txt", black_box(wrapped.as_bytes()), Some("txt")))
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);

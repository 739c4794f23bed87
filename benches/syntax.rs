//! Part-of-speech tagging throughput (`cargo bench --bench syntax`): an
//! invented paragraph of wire-style news, already split into sentences and
//! words, tagged again and again with the shipped model. The throughput is
//! in words; `tagger_2k_words` tags the paragraph repeated to about 2,000
//! words through one `Tagger`, as the analysis does sentence by sentence.
//!
//! Compare figures within one run: the machines are noisy.

use std::hint::black_box;

use briefing::analyze::syntax::Tagger;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Invented for this bench (not taken from any corpus), one sentence a
/// line, words separated by spaces as a tokenizer would leave them.
const PARAGRAPH: &str = "\
The port workers' union said on Tuesday that it would not sign the new contract until the owners restored the night shift .
\" We have been patient for eleven months , \" said Marta Okonkwo-Reyes , who leads the union's negotiating team in Rotterdam .
Shipping companies , which had hoped to settle before the holidays , called the demand unrealistic and warned of delays .
A spokesman for the owners' association declined to comment , but two executives told reporters the offer was final .
Talks are expected to resume on Dec. 14 , although neither side has agreed to a mediator .
If the strike goes ahead , about 3,200 containers a day could be stranded at the terminal , according to estimates by the city .
The minister of transport , Jan de Vries , urged both parties to return to the table and avoid what he called \" an unnecessary crisis \" .
Earlier this year the union accepted a 4.5 % raise , but members rejected a plan to cut overtime pay by half .
Analysts said the dispute was unlikely to spread to other ports , since most of them had signed long-term agreements in 2023 .
Neither the union nor the owners have published the full text of their latest proposals .
";

fn sentences() -> Vec<Vec<&'static str>> {
    PARAGRAPH
        .lines()
        .map(|l| l.split(' ').filter(|w| !w.is_empty()).collect())
        .collect()
}

fn bench(c: &mut Criterion) {
    let paragraph = sentences();
    let mut text = Vec::new();
    while text.iter().map(Vec::len).sum::<usize>() < 2000 {
        text.extend(paragraph.iter().cloned());
    }
    let words: usize = text.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("syntax");
    group.throughput(Throughput::Elements(words as u64));
    group.bench_function("tagger_2k_words", |b| {
        let mut tagger = Tagger::default();
        let mut out = Vec::new();
        b.iter(|| {
            let mut n = 0usize;
            for s in &text {
                tagger.tag(black_box(s), &mut out);
                n += out.len();
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Measures the syntactic layer on UD English EWT: for every verb group,
//! whether the subject the clause finder gives it is the treebank's
//! (enhanced dependencies: nsubj, nsubj:pass, nsubj:xsubj of the group's
//! head, or of the predicate its copula serves).
//!
//!     cargo run --release --example eval-syntax -- ../shared/treebank/en_ewt-ud-dev.conllu

use std::process::ExitCode;

use briefing::analyze::syntax::chunks;
use briefing::analyze::syntax::tagger::{self, Tag};

struct Word {
    form: String,
    head: usize,
    deprel: String,
    /// (head, relation) of the enhanced graph.
    deps: Vec<(usize, String)>,
}

fn sentences(text: &str) -> Vec<Vec<Word>> {
    let mut out = vec![Vec::new()];
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !out.last().is_some_and(Vec::is_empty) {
                out.push(Vec::new());
            }
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 10 || f[0].contains('-') || f[0].contains('.') {
            continue;
        }
        let deps = f[8]
            .split('|')
            .filter_map(|d| {
                let (h, r) = d.split_once(':')?;
                Some((h.parse::<f32>().ok()? as usize, r.to_string()))
            })
            .collect();
        out.last_mut().expect("one").push(Word {
            form: f[1].to_string(),
            head: f[6].parse().unwrap_or(0),
            deprel: f[7].to_string(),
            deps,
        });
    }
    out.retain(|s| !s.is_empty());
    out
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: eval-syntax FILE.conllu");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("eval-syntax: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (mut groups, mut with_gold, mut right, mut wrong, mut missed, mut extra) =
        (0, 0, 0, 0, 0, 0);
    let started = std::time::Instant::now();
    let mut words_seen = 0usize;
    for s in sentences(&text) {
        let forms: Vec<&str> = s.iter().map(|w| w.form.as_str()).collect();
        words_seen += forms.len();
        let tags: Vec<Tag> = tagger::tag(&forms);
        let lower: Vec<String> = forms.iter().map(|w| w.to_lowercase()).collect();
        let l: Vec<&str> = lower.iter().map(String::as_str).collect();
        let p = chunks::parse(&l, &tags);
        for v in &p.verbs {
            groups += 1;
            // The predicate the group's subject attaches to (1-based).
            let mut pred = v.head + 1;
            let w = &s[v.head];
            if matches!(w.deprel.as_str(), "cop" | "aux" | "aux:pass") {
                pred = w.head;
            }
            let gold: Vec<usize> = s
                .iter()
                .enumerate()
                .filter(|(_, x)| {
                    x.deps.iter().any(|(h, r)| {
                        *h == pred && matches!(r.as_str(), "nsubj" | "nsubj:pass" | "nsubj:xsubj")
                    })
                })
                .map(|(i, _)| i)
                .collect();
            // Right when the phrase found holds the treebank's subject
            // head (UD heads a name by its first word, "Vladimir Putin").
            let got = v.subject.map(|n| {
                let np = &p.nouns[n];
                gold.iter()
                    .copied()
                    .find(|g| np.words.contains(g))
                    .unwrap_or(np.head)
            });
            match (gold.is_empty(), got) {
                (true, None) => {}
                (true, Some(h)) => {
                    extra += 1;
                    if std::env::var_os("SHOW").is_some_and(|v| v == "extra") {
                        println!(
                            "EXTRA {} | verb {} | got {}",
                            forms.join(" "),
                            forms[v.head],
                            forms[h]
                        );
                    }
                }
                (false, None) => {
                    with_gold += 1;
                    missed += 1;
                    if std::env::var_os("SHOW").is_some_and(|v| v == "missed") {
                        println!(
                            "MISSED {} | verb {} | gold {}",
                            forms.join(" "),
                            forms[v.head],
                            forms[gold[0]]
                        );
                    }
                }
                (false, Some(h)) => {
                    with_gold += 1;
                    if gold.contains(&h) {
                        right += 1;
                    } else {
                        wrong += 1;
                        if std::env::var_os("SHOW").is_some_and(|v| v == "wrong") {
                            println!(
                                "WRONG {} | verb {} | gold {} | got {}",
                                forms.join(" "),
                                forms[v.head],
                                forms[gold[0]],
                                forms[h]
                            );
                        }
                    }
                }
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let found = right + wrong + extra;
    println!("verb groups {groups}; with a gold subject {with_gold}");
    println!(
        "subjects: precision {:.3}  recall {:.3}  (right {right}, wrong {wrong}, missed {missed}, none in gold {extra})",
        right as f64 / found.max(1) as f64,
        right as f64 / with_gold.max(1) as f64
    );
    println!(
        "{:.0} words/s (tagging and parsing)",
        words_seen as f64 / secs
    );
    ExitCode::SUCCESS
}

//! Trains the part-of-speech tagger on UD English EWT and writes its
//! weights to `assets/tagger/en-ewt.bin`; prints the accuracy on the
//! treebank's dev and test files (trained on train only).
//!
//!     cargo run --release --example train-tagger -- ../shared/treebank
//!
//! With `--check`, trains nothing: reports the shipped model's accuracy and
//! fails when UPOS accuracy on test is below `--min` (default 0.95).
//!
//! With `--speed`, also times the embedded model (the one this build
//! includes, so run it after the bytes are written): dev and test tagged
//! `--rounds` times (default 20) by one `Tagger`, in words a second.
//!
//! Training options (defaults in `TrainOptions`): `--iterations N`,
//! `--dict-min-count N`, `--dict-min-share X`, `--class-min-count N`,
//! `--min-feature-count N`, `--min-weight X` (the pruning cut, chosen by
//! dev accuracy), `--lexicon-min-count N` (which words get a summed row).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use briefing::analyze::syntax::tagger::{self, Model, Sentence, Tag, Tagger, TrainOptions};

fn read_conllu(path: &Path) -> Result<Vec<Sentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    let mut cur = Sentence {
        words: Vec::new(),
        tags: Vec::new(),
    };
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        words: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 5 {
            return Err(format!("{}:{}: not a CoNLL-U line", path.display(), n + 1));
        }
        // Multi-word tokens ("don't" over "do" + "n't") and empty nodes:
        // the words are what is tagged.
        if f[0].contains('-') || f[0].contains('.') {
            continue;
        }
        let tag = Tag::from_treebank(f[3], f[4])
            .ok_or_else(|| format!("{}:{}: unknown tag {}", path.display(), n + 1, f[3]))?;
        cur.words.push(f[1].to_string());
        cur.tags.push(tag);
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// (UPOS accuracy, fine-tag accuracy).
fn accuracy(model: &Model, data: &[Sentence]) -> (f64, f64) {
    let (mut n, mut upos, mut fine) = (0usize, 0usize, 0usize);
    for s in data {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        for (got, want) in model.tag(&words).iter().zip(&s.tags) {
            n += 1;
            upos += usize::from(got.upos() == want.upos());
            fine += usize::from(got == want);
        }
    }
    (upos as f64 / n.max(1) as f64, fine as f64 / n.max(1) as f64)
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut check = false;
    let mut speed = false;
    let mut rounds = 20usize;
    let mut min = 0.95;
    let mut opt = TrainOptions::default();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--check" => check = true,
            "--speed" => speed = true,
            "--rounds" => {
                rounds = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--rounds N")?
            }
            "--min" => {
                min = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--min NUMBER")?
            }
            "--iterations" => {
                opt.iterations = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--iterations N")?
            }
            "--dict-min-count" => {
                opt.dict_min_count = args.next().and_then(|v| v.parse().ok()).ok_or("N")?
            }
            "--dict-min-share" => {
                opt.dict_min_share = args.next().and_then(|v| v.parse().ok()).ok_or("X")?
            }
            "--class-min-count" => {
                opt.class_min_count = args.next().and_then(|v| v.parse().ok()).ok_or("N")?
            }
            "--min-feature-count" => {
                opt.min_feature_count = args.next().and_then(|v| v.parse().ok()).ok_or("N")?
            }
            "--min-weight" => {
                opt.min_weight = args.next().and_then(|v| v.parse().ok()).ok_or("X")?
            }
            "--lexicon-min-count" => {
                opt.lexicon_min_count = args.next().and_then(|v| v.parse().ok()).ok_or("N")?
            }
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let dir = dir.ok_or("usage: train-tagger TREEBANK_DIR [--check [--min 0.95]]")?;
    let file = |split: &str| dir.join(format!("en_ewt-ud-{split}.conllu"));
    let dev = read_conllu(&file("dev"))?;
    let test = read_conllu(&file("test"))?;
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/tagger/en-ewt.bin");
    let bytes = if check {
        std::fs::read(&out).map_err(|e| format!("{}: {e}", out.display()))?
    } else {
        let train = read_conllu(&file("train"))?;
        eprintln!("training on {} sentences…", train.len());
        let bytes = tagger::train(&train, &opt);
        std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
        eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
        bytes
    };
    let model = Model::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let (du, df) = accuracy(&model, &dev);
    let (tu, tf) = accuracy(&model, &test);
    println!("dev  UPOS {du:.4}  fine {df:.4}");
    println!("test UPOS {tu:.4}  fine {tf:.4}");
    if std::env::var_os("CONFUSIONS").is_some() {
        let mut c: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
        for s in &dev {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            for (got, want) in model.tag(&words).iter().zip(&s.tags) {
                if got.upos() != want.upos() {
                    *c.entry((want.upos(), got.upos())).or_default() += 1;
                }
            }
        }
        let mut v: Vec<_> = c.into_iter().collect();
        v.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        for ((w, g), n) in v.into_iter().take(20) {
            println!("  gold {w:6} got {g:6} {n}");
        }
    }
    if speed {
        let sentences: Vec<Vec<&str>> = dev
            .iter()
            .chain(&test)
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let words: usize = sentences.iter().map(Vec::len).sum();
        let (mut tagger, mut out) = (Tagger::default(), Vec::new());
        let started = std::time::Instant::now();
        for _ in 0..rounds {
            for s in &sentences {
                tagger.tag(std::hint::black_box(s), &mut out);
                std::hint::black_box(&out);
            }
        }
        let secs = started.elapsed().as_secs_f64();
        println!(
            "speed: {:.0} words/s ({words} words, {rounds} rounds, the embedded model)",
            (words * rounds) as f64 / secs
        );
    }
    if check && tu < min {
        return Err(format!("test UPOS accuracy {tu:.4} is below {min}"));
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-tagger: {e}");
            ExitCode::FAILURE
        }
    }
}

//! Trains the stance model (`assets/stances/model.bin`) on the stance dev
//! sets and reports its cross-validated figures.
//!
//! ```text
//! cargo run --release --example train-stances -- ../shared/eval \
//!     [--out assets/stances/model.bin] [--cv-out DIR] [--epochs N] [--l2 X] [--rate X]
//! ```
//!
//! Articles are dealt into the five fixed folds of `../shared/eval/folds.py`
//! (by a SHA-256 of `set/name`, round-robin). For each fold, a model is
//! trained on the other four — its thresholds chosen by an inner
//! cross-validation on those four alone — and the fold's articles are
//! exported with it to `--cv-out/SET/NAME.json`, so that
//! `score_stances.py --gold ../shared/eval/SET --pred DIR/SET` gives the
//! cross-validated figures. The shipped model is trained on all articles,
//! with thresholds chosen on the out-of-fold predictions of all five folds.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use briefing::analyze::training::{self, Row, StanceModel, Thresholds, sigmoid};
use briefing::lexicon::Lexicon;
use sha2::{Digest, Sha256};

const SETS: [&str; 3] = ["wire-dev", "wire-dev2", "news-dev"];
const K: usize = 5;

struct Options {
    bits: u32,
    epochs: usize,
    l2: f32,
    rate: f32,
}

/// A sentence with its gold label.
struct Example {
    row: Row,
    position: bool,
    red_line: bool,
    /// A POSITION sentence that might be a red line: left out of red-line counts.
    doubt: bool,
}

struct Article {
    set: &'static str,
    name: String,
    path: PathBuf,
    fold: usize,
    examples: Vec<Example>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut eval = None;
    let mut out = PathBuf::from("assets/stances/model.bin");
    let mut cv_out = None;
    let mut opt = Options {
        bits: 18,
        epochs: 12,
        l2: 1e-4,
        rate: 0.1,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().expect("a value after the flag").clone();
        match a.as_str() {
            "--out" => out = PathBuf::from(val()),
            "--cv-out" => cv_out = Some(PathBuf::from(val())),
            "--epochs" => opt.epochs = val().parse().expect("--epochs N"),
            "--l2" => opt.l2 = val().parse().expect("--l2 X"),
            "--rate" => opt.rate = val().parse().expect("--rate X"),
            "--bits" => opt.bits = val().parse().expect("--bits N"),
            _ => eval = Some(PathBuf::from(a)),
        }
    }
    let eval = eval.expect("usage: train-stances EVAL_DIR [--out FILE] [--cv-out DIR]");
    let lex = Lexicon::builtin();
    let articles = read_articles(&eval, &lex);
    let n: usize = articles.iter().map(|a| a.examples.len()).sum();
    eprintln!("{} articles, {n} sentences", articles.len());

    let mut oof: Vec<(usize, usize, f32, f32)> = Vec::new();
    for fold in 0..K {
        let train: Vec<&Article> = articles.iter().filter(|a| a.fold != fold).collect();
        let t = inner_thresholds(&train, &opt, fold);
        let (pos, red) = fit(&train, &opt);
        let bytes = StanceModel::to_bytes(opt.bits, &pos, &red, t);
        let model = StanceModel::from_bytes(&bytes).expect("a model just written");
        for (ai, a) in articles.iter().enumerate().filter(|(_, a)| a.fold == fold) {
            for (ei, e) in a.examples.iter().enumerate() {
                let (p, r) = model.score(&e.row.features);
                oof.push((ai, ei, p, r));
            }
            if let Some(dir) = &cv_out {
                export(a, &lex, &model, dir);
            }
        }
        eprintln!("fold {fold}: thresholds {t:?}");
    }
    let scored: Vec<(&Example, f32, f32)> = oof
        .iter()
        .map(|&(a, e, p, r)| (&articles[a].examples[e], p, r))
        .collect();
    let t = choose(&scored);
    let (f_pos, f_red) = figures(&scored, t);
    eprintln!(
        "out-of-fold (sentence level, thresholds chosen on them): positions F1 {f_pos:.3}, red lines F1 {f_red:.3}"
    );
    let all: Vec<&Article> = articles.iter().collect();
    let (pos, red) = fit(&all, &opt);
    let bytes = StanceModel::to_bytes(opt.bits, &pos, &red, t);
    fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    eprintln!(
        "wrote {} ({} bytes), thresholds {t:?}",
        out.display(),
        bytes.len()
    );
}

fn read_articles(eval: &Path, lex: &Lexicon) -> Vec<Article> {
    let mut names: Vec<(&'static str, String, PathBuf)> = Vec::new();
    for set in SETS {
        let dir = eval.join(set);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut found: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|f| f.strip_suffix(".json").map(str::to_string))
            .filter(|n| dir.join(format!("{n}.txt")).exists())
            .collect();
        found.sort();
        for n in found {
            names.push((set, n.clone(), dir.join(format!("{n}.txt"))));
        }
    }
    // The folds of folds.py: by the SHA-256 of "set/name", dealt round-robin.
    let mut order: Vec<(String, usize)> = names
        .iter()
        .enumerate()
        .map(|(i, (s, n, _))| (hex(&Sha256::digest(format!("{s}/{n}").as_bytes())), i))
        .collect();
    order.sort();
    let mut fold = vec![0; names.len()];
    for (k, (_, i)) in order.iter().enumerate() {
        fold[*i] = k % K;
    }
    names
        .into_iter()
        .enumerate()
        .map(|(i, (set, name, path))| {
            let examples = examples(&path, lex);
            Article {
                set,
                name,
                path,
                fold: fold[i],
                examples,
            }
        })
        .collect()
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[derive(serde::Deserialize)]
struct Gold {
    sentences: Vec<GoldSentence>,
}

#[derive(serde::Deserialize)]
struct GoldSentence {
    start: usize,
    end: usize,
    label: String,
    #[serde(default)]
    doubt: bool,
}

fn examples(path: &Path, lex: &Lexicon) -> Vec<Example> {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let gold: Gold = serde_json::from_slice(
        &fs::read(path.with_extension("json")).expect("the gold file beside the text"),
    )
    .expect("a gold file");
    let loaded = briefing::load::load_bytes(&path.display().to_string(), &bytes, Some("txt"))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = loaded.doc;
    let text = doc.text.as_str();
    // Byte offset → code point offset.
    let mut chars = vec![0usize; text.len() + 1];
    let mut c = 0;
    for (b, _) in text.char_indices() {
        chars[b] = c;
        c += 1;
    }
    chars[text.len()] = c;
    for b in (0..text.len()).rev() {
        if !text.is_char_boundary(b) {
            chars[b] = chars[b + 1];
        }
    }
    training::sentence_features(&doc, lex)
        .into_iter()
        .map(|row| {
            let (a, b) = (chars[row.span.start as usize], chars[row.span.end as usize]);
            let best = gold
                .sentences
                .iter()
                .map(|g| (b.min(g.end) as isize - a.max(g.start) as isize, g))
                .filter(|(o, _)| *o > 0)
                .max_by_key(|(o, g)| (*o, std::cmp::Reverse(g.start)))
                .map(|(_, g)| g);
            let label = best.map_or("NONE", |g| g.label.as_str());
            Example {
                row,
                position: label != "NONE",
                red_line: label == "REDLINE",
                doubt: best.is_some_and(|g| g.doubt),
            }
        })
        .collect()
}

/// Logistic regression by stochastic gradient descent, in a fixed order
/// (deterministic): the position and the red-line weights.
fn fit(articles: &[&Article], opt: &Options) -> (Vec<f32>, Vec<f32>) {
    let n = 1usize << opt.bits;
    let mask = (n - 1) as u32;
    let mut rows: Vec<&Example> = articles.iter().flat_map(|a| &a.examples).collect();
    // A fixed shuffle (a linear congruential sequence), the same every run.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for i in (1..rows.len()).rev() {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        rows.swap(i, (seed >> 33) as usize % (i + 1));
    }
    let mut pos = vec![0f32; n];
    let mut red = vec![0f32; n];
    for epoch in 0..opt.epochs {
        let rate = opt.rate / (1.0 + epoch as f32);
        for e in &rows {
            let f = &e.row.features;
            step(&mut pos, f, mask, e.position as u8 as f32, rate, opt.l2);
            if !e.doubt {
                step(&mut red, f, mask, e.red_line as u8 as f32, rate, opt.l2);
            }
        }
    }
    (pos, red)
}

fn step(w: &mut [f32], f: &[u32], mask: u32, y: f32, rate: f32, l2: f32) {
    let z: f32 = f.iter().map(|&k| w[(k & mask) as usize]).sum();
    let g = sigmoid(z) - y;
    for &k in f {
        let wk = &mut w[(k & mask) as usize];
        *wk -= rate * (g + l2 * *wk);
    }
}

fn score(pos: &[f32], red: &[f32], bits: u32, f: &[u32]) -> (f32, f32) {
    let mask = ((1usize << bits) - 1) as u32;
    let p: f32 = f.iter().map(|&k| pos[(k & mask) as usize]).sum();
    let r: f32 = f.iter().map(|&k| red[(k & mask) as usize]).sum();
    (sigmoid(p), sigmoid(r))
}

/// Thresholds for a model of `train`, chosen on out-of-fold predictions of
/// an inner cross-validation over `train`'s folds.
fn inner_thresholds(train: &[&Article], opt: &Options, outer: usize) -> Thresholds {
    let mut scored = Vec::new();
    for inner in (0..K).filter(|&f| f != outer) {
        let fit_on: Vec<&Article> = train.iter().copied().filter(|a| a.fold != inner).collect();
        let (pos, red) = fit(&fit_on, opt);
        for a in train.iter().filter(|a| a.fold == inner) {
            for e in &a.examples {
                let (p, r) = score(&pos, &red, opt.bits, &e.row.features);
                scored.push((e, p, r));
            }
        }
    }
    choose(&scored)
}

/// What the rescorer would decide for a sentence: (position, red line).
fn decide(e: &Example, p: f32, r: f32, t: Thresholds) -> (bool, bool) {
    if e.row.rule_position {
        if p < t.veto {
            return (false, false);
        }
        let red = e.row.rule_red_line && r >= t.red_off;
        (true, red)
    } else if p > t.add && e.row.holder_found {
        (true, r > t.red_on)
    } else {
        (false, false)
    }
}

fn f1(tp: usize, predicted: usize, gold: usize) -> f32 {
    let p = if predicted > 0 {
        tp as f32 / predicted as f32
    } else {
        0.0
    };
    let r = if gold > 0 {
        tp as f32 / gold as f32
    } else {
        0.0
    };
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Sentence-level F1 of positions and of red lines under `t`.
fn figures(scored: &[(&Example, f32, f32)], t: Thresholds) -> (f32, f32) {
    let mut c: HashMap<&str, usize> = HashMap::new();
    for &(e, p, r) in scored {
        let (pos, red) = decide(e, p, r, t);
        *c.entry("pp").or_default() += pos as usize;
        *c.entry("pg").or_default() += e.position as usize;
        *c.entry("ptp").or_default() += (pos && e.position) as usize;
        if !e.doubt {
            *c.entry("rp").or_default() += red as usize;
            *c.entry("rg").or_default() += e.red_line as usize;
            *c.entry("rtp").or_default() += (red && e.red_line) as usize;
        }
    }
    let g = |k: &str| c.get(k).copied().unwrap_or(0);
    (
        f1(g("ptp"), g("pp"), g("pg")),
        f1(g("rtp"), g("rp"), g("rg")),
    )
}

/// The thresholds that maximise positions F1, then red-line F1 given them.
fn choose(scored: &[(&Example, f32, f32)]) -> Thresholds {
    let grid: Vec<f32> = (0..=20).map(|k| k as f32 * 0.05).collect();
    let mut best = (f32::MIN, Thresholds::RULES_ONLY);
    for &add in grid.iter().skip(4) {
        for &veto in grid.iter().take(11) {
            let t = Thresholds {
                add,
                veto,
                ..Thresholds::RULES_ONLY
            };
            let (f, _) = figures(scored, t);
            if f > best.0 + 1e-6 {
                best = (f, t);
            }
        }
    }
    let base = best.1;
    let mut best = (f32::MIN, base);
    for &red_on in grid.iter().skip(4) {
        for &red_off in grid.iter().take(11) {
            let t = Thresholds {
                red_on,
                red_off,
                ..base
            };
            let (_, f) = figures(scored, t);
            if f > best.0 + 1e-6 {
                best = (f, t);
            }
        }
    }
    best.1
}

fn export(a: &Article, lex: &Lexicon, model: &StanceModel, dir: &Path) {
    let bytes = fs::read(&a.path).expect("read before");
    let loaded = briefing::load::load_bytes(&a.path.display().to_string(), &bytes, Some("txt"))
        .expect("loaded before");
    let analysis = training::analyze_with_model(&loaded.doc, lex, model);
    let json = briefing::export::json::to_string(&loaded.doc, &analysis);
    let out = dir.join(a.set);
    fs::create_dir_all(&out).expect("the cross-validation folder");
    fs::write(out.join(format!("{}.json", a.name)), json).expect("a prediction file");
}

//! The layers of the program, checked on its source: every `crate::` and
//! `super::` path outside tests is an arrow from one module to another, and
//! the arrows must run down the table below, never up or in a circle.
//!
//! A failure names the file and the path that crosses a layer.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module and the modules it may use. Read bottom-up: the
/// plain data (`model`) needs nothing but spans and text helpers; the
/// analysis reads the model and the lexicons; the views read the model;
/// only the command line sees everything.
const LAYERS: &[(&str, &[&str])] = &[
    ("span", &[]),
    ("atomic", &[]),
    ("text", &[]),
    ("error", &[]),
    ("model", &["span", "text"]),
    ("config", &["error"]),
    ("lexicon", &["model", "span", "text", "error"]),
    ("load", &["model", "span", "text", "error"]),
    ("analyze", &["model", "lexicon", "span", "text"]),
    ("summary", &["model", "span", "text"]),
    ("highlight", &["model", "span", "text"]),
    // The review (marks, anchors, the store, the memo): read by the views,
    // never by the analysis.
    ("review", &["model", "summary", "span", "text", "atomic"]),
    (
        "briefing",
        &[
            "model", "load", "analyze", "lexicon", "span", "text", "error",
        ],
    ),
    (
        "export",
        &[
            "model",
            "summary",
            "review",
            "highlight",
            "briefing",
            "span",
            "text",
            "error",
        ],
    ),
    (
        "tui",
        &[
            "model",
            "summary",
            "review",
            "highlight",
            "briefing",
            "export",
            "config",
            "span",
            "text",
            "error",
        ],
    ),
];

/// Crates only the reader may use: the analysis and the exports must build
/// without a terminal library.
const TERMINAL_CRATES: &[&str] = &["ratatui", "crossterm"];

struct Source {
    /// `["analyze", "stances"]` for `src/analyze/stances.rs` or
    /// `src/analyze/stances/mod.rs`.
    module: Vec<String>,
    path: PathBuf,
    /// The text without test items and comments.
    code: String,
}

fn sources() -> Vec<Source> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                // Test folders are not part of the layers.
                if path.file_name().is_some_and(|n| n != "tests") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs")
                || path.file_name().is_some_and(|n| n == "tests.rs")
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a source file");
            out.push(Source {
                module: module_of(&path),
                code: code_of(&text),
                path,
            });
        }
    }
    out.sort_by(|a, b| a.module.cmp(&b.module));
    out
}

fn module_of(path: &Path) -> Vec<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let rel = path
        .strip_prefix(&src)
        .expect("under src")
        .with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    if parts == ["lib"] || parts == ["main"] {
        parts.clear();
    }
    parts
}

/// The code of a file without its test items and without comments (a doc
/// comment may name any module).
fn code_of(text: &str) -> String {
    let code: String = text
        .lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    without_test_items(&code)
}

/// Drops every `#[cfg(test)]` item: `mod tests;`, or a block up to its
/// matching brace.
fn without_test_items(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let semi = item.find(';').unwrap_or(item.len());
        let brace = item.find('{').unwrap_or(item.len());
        if semi < brace {
            rest = &item[(semi + 1).min(item.len())..];
            continue;
        }
        let mut depth = 0usize;
        let mut end = item.len();
        for (i, c) in item.char_indices().skip(brace) {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// Every module path named in `code` (`crate::a::b`, `super::c`), resolved
/// to the longest module that exists.
fn uses(src: &Source, modules: &BTreeSet<Vec<String>>) -> BTreeSet<(Vec<String>, String)> {
    let mut out = BTreeSet::new();
    let bytes = src.code.as_bytes();
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(at) = src.code[from..].find(start) {
            let at = from + at;
            from = at + start.len();
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let rest = &src.code[at..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            let written = &rest[..end];
            let mut path: Vec<String> = if start == "crate::" {
                Vec::new()
            } else {
                let mut base = src.module.clone();
                base.pop();
                base
            };
            let mut words = written.split("::").skip(1);
            if start == "super::" {
                // `super::super::x`
                for w in words.by_ref() {
                    if w == "super" {
                        path.pop();
                    } else {
                        path.push(w.to_string());
                        break;
                    }
                }
            }
            path.extend(words.filter(|w| !w.is_empty()).map(str::to_string));
            while !path.is_empty() && !modules.contains(&path) {
                path.pop();
            }
            if !path.is_empty() && path != src.module {
                out.insert((path, written.to_string()));
            }
        }
    }
    out
}

#[test]
fn arrows_run_down_the_layers() {
    let all = sources();
    let modules: BTreeSet<Vec<String>> = all.iter().map(|s| s.module.clone()).collect();
    let layers: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut wrong = Vec::new();
    for src in &all {
        let Some(top) = src.module.first() else {
            continue;
        };
        if top == "cli" {
            continue;
        }
        let Some(allowed) = layers.get(top.as_str()) else {
            wrong.push(format!(
                "{}: module `{top}` has no place in LAYERS (tests/architecture.rs)",
                src.path.display()
            ));
            continue;
        };
        for (target, written) in uses(src, &modules) {
            let to = target[0].as_str();
            if to != top && !allowed.contains(&to) {
                wrong.push(format!(
                    "{}: `{written}` — {top} may not use {to}",
                    src.path.display()
                ));
            }
        }
        if top != "tui" {
            for c in TERMINAL_CRATES {
                if src.code.contains(&format!("{c}::")) {
                    wrong.push(format!(
                        "{}: uses {c} outside the reader",
                        src.path.display()
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "layers crossed:\n{}", wrong.join("\n"));
}

#[test]
fn nothing_but_main_uses_the_command_line() {
    let all = sources();
    let modules: BTreeSet<Vec<String>> = all.iter().map(|s| s.module.clone()).collect();
    for src in all
        .iter()
        .filter(|s| s.module.first().is_some_and(|t| t != "cli"))
    {
        for (target, written) in uses(src, &modules) {
            assert!(
                target[0] != "cli",
                "{}: `{written}`: only main.rs calls the command line",
                src.path.display()
            );
        }
    }
}

/// The strongly connected sets of more than one node (Tarjan's algorithm).
fn circles(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a Vec<String>) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        let edges = s.edges;
        for w in edges.get(v).into_iter().flatten() {
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if s.stack.contains(&w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut set = Vec::new();
            while let Some(w) = s.stack.pop() {
                set.push(w.join("::"));
                if w == v {
                    break;
                }
            }
            if set.len() > 1 {
                set.sort();
                s.out.push(set);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out
}

#[test]
fn no_module_imports_in_a_circle() {
    let all = sources();
    let modules: BTreeSet<Vec<String>> = all.iter().map(|s| s.module.clone()).collect();
    // Between top-level modules, and between the files of one folder. A
    // parent's `mod.rs` declares its children and may use them; a child
    // using its parent's items is the usual Rust shape and not counted.
    let mut top: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    let mut files: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for src in all.iter().filter(|s| !s.module.is_empty()) {
        for (target, _) in uses(src, &modules) {
            if target[0] != src.module[0] {
                top.entry(vec![src.module[0].clone()])
                    .or_default()
                    .insert(vec![target[0].clone()]);
            } else if !src.module.starts_with(&target) {
                files.entry(src.module.clone()).or_default().insert(target);
            }
        }
    }
    let mut found = circles(&top);
    found.extend(circles(&files));
    assert!(
        found.is_empty(),
        "modules that import each other: {found:?}"
    );
}

#[test]
fn test_items_are_left_out_and_the_rest_kept() {
    let code = "use crate::a;\n#[cfg(test)]\nmod tests;\nuse crate::b;\n#[cfg(test)]\nmod t {\n    fn f() { use crate::c; }\n}\nuse crate::d;\n";
    let kept = without_test_items(code);
    assert!(kept.contains("crate::a") && kept.contains("crate::b") && kept.contains("crate::d"));
    assert!(!kept.contains("crate::c"), "{kept}");
}

#[test]
fn the_checker_sees_what_it_checks() {
    // A check that found no file, or no arrow, would pass on anything.
    let all = sources();
    let modules: BTreeSet<Vec<String>> = all.iter().map(|s| s.module.clone()).collect();
    let analyze = all
        .iter()
        .find(|s| s.module == ["analyze"])
        .expect("src/analyze/mod.rs");
    let targets: BTreeSet<String> = uses(analyze, &modules)
        .into_iter()
        .map(|(t, _)| t.join("::"))
        .collect();
    assert!(targets.contains("model"), "{targets:?}");
    assert!(targets.contains("lexicon"), "{targets:?}");
    let fake = Source {
        module: vec!["analyze".into(), "x".into()],
        path: PathBuf::from("src/analyze/x.rs"),
        code: "use super::super::tui::App; fn f() { crate::export::json::write(); }".into(),
    };
    let seen: BTreeSet<String> = uses(&fake, &modules)
        .into_iter()
        .map(|(t, _)| t[0].clone())
        .collect();
    assert!(seen.contains("tui") && seen.contains("export"), "{seen:?}");
}

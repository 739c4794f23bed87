//! Real pages nobody here wrote: the extracted text holds each page's
//! article and none of its navigation. They are used where present and
//! never copied into the project:
//!
//! * the Rust book of the toolchain's documentation (mdBook pages with a
//!   menu bar, a theme chooser and previous/next links), when the docs are
//!   installed;
//! * readability test pages (Mozilla Readability's `test/test-pages/*/`,
//!   each a `source.html` and an `expected.html`) in the folder named by
//!   `BRIEFING_READABILITY_PAGES`.
//!
//! Without either, the test prints a note and passes.

use std::path::{Path, PathBuf};

mod common;
use common::{run, stderr};

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text the binary extracts from `page`, one block per line.
fn extracted(page: &Path) -> Vec<String> {
    let o = run(&["export", page.to_str().unwrap()]);
    assert!(o.status.success(), "{}: {}", page.display(), stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["text"]
        .as_str()
        .unwrap()
        .split("\n\n")
        .map(collapse)
        .collect()
}

/// Texts of the elements `selector` picks in `html`, collapsed, longer than
/// `min` characters.
fn texts(html: &str, selector: &str, min: usize) -> Vec<String> {
    let dom = dom_query::Document::from(html);
    dom.select(selector)
        .iter()
        .map(|n| collapse(&n.text()))
        .filter(|t| t.chars().count() > min)
        .collect()
}

/// Checks one page: `share` of the `article` paragraphs are in the text,
/// and no block of the text is one of the `navigation` entries.
fn check(page: &Path, article: &[String], navigation: &[String], share: f64) -> (usize, usize) {
    let got = extracted(page);
    let all = got.join("\n");
    let found = article
        .iter()
        .filter(|p| {
            // The start of a paragraph: inline markup may change its end.
            let head: String = p.chars().take(60).collect();
            all.contains(&head)
        })
        .count();
    assert!(
        found as f64 >= share * article.len() as f64,
        "{}: {found} of {} article paragraphs found",
        page.display(),
        article.len()
    );
    for nav in navigation {
        assert!(
            !got.iter().any(|b| b == nav),
            "{}: navigation {nav:?} is in the text",
            page.display()
        );
    }
    (found, article.len())
}

fn rust_book() -> Option<PathBuf> {
    let out = std::process::Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .ok()?;
    let root = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    let book = root.join("share/doc/rust/html/book");
    book.join("ch04-01-what-is-ownership.html")
        .exists()
        .then_some(book)
}

#[test]
fn chapters_of_the_rust_book() {
    let Some(book) = rust_book() else {
        eprintln!("note: the Rust book is not installed; skipping");
        return;
    };
    for chapter in [
        "ch04-01-what-is-ownership.html",
        "ch08-02-strings.html",
        "ch16-01-threads.html",
    ] {
        let page = book.join(chapter);
        let html = std::fs::read_to_string(&page).unwrap();
        let article = texts(&html, "main > p", 40);
        // The menu bar (the book's title, the theme chooser); the chapter
        // list is filled in by a script.
        let navigation = texts(
            &html,
            "#mdbook-menu-bar .menu-title, #mdbook-theme-list button, .menu-bar button",
            2,
        );
        assert!(!article.is_empty() && !navigation.is_empty(), "{chapter}");
        let (found, of) = check(&page, &article, &navigation, 0.9);
        eprintln!(
            "{chapter}: {found}/{of} paragraphs, {} navigation entries absent",
            navigation.len()
        );
    }
}

#[test]
fn readability_test_pages_when_given() {
    let Some(dir) = std::env::var_os("BRIEFING_READABILITY_PAGES").map(PathBuf::from) else {
        eprintln!("note: BRIEFING_READABILITY_PAGES not set; skipping");
        return;
    };
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").exists() && p.join("expected.html").exists())
        .collect();
    pages.sort();
    assert!(!pages.is_empty(), "no test pages in {}", dir.display());
    for p in pages {
        let source = std::fs::read_to_string(p.join("source.html")).unwrap();
        let expected = std::fs::read_to_string(p.join("expected.html")).unwrap();
        let article = texts(&expected, "p", 40);
        // What the page has in navigation that its article does not.
        let navigation: Vec<String> = texts(&source, "nav a, [role=navigation] a", 12)
            .into_iter()
            .filter(|n| !expected.contains(n.as_str()))
            .collect();
        let (found, of) = check(&p.join("source.html"), &article, &navigation, 0.8);
        eprintln!("{}: {found}/{of} paragraphs", p.display());
    }
}

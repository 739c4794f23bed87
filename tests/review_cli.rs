//! The review from the command line: `briefing memo`, `briefing review
//! --status`, and the `review` objects of `export --format json`, on a
//! story of our own with a review file written as the reader would.

mod common;

use std::path::{Path, PathBuf};

use common::{briefing_with_data, scratch, stderr, stdout};

const STORY: &str = include_str!("fixtures/review-story.txt");

/// A folder with the story and a data dir holding a review of it: the
/// first quote starred with a note, an item that is no longer in the text.
fn setup(name: &str) -> (PathBuf, PathBuf, PathBuf) {
    let dir = scratch(name);
    let story = dir.join("port.txt");
    std::fs::write(&story, STORY).unwrap();
    let data = dir.join("data");
    std::fs::create_dir_all(data.join("reviews")).unwrap();
    let sha = briefing::review::text_sha256(STORY);
    // Records by exact text: the reader anchors them to the items.
    let state = format!(
        r#"{{
  "version": 1,
  "text_sha256": "{sha}",
  "source": "file:{}",
  "items": [
    {{"id": "q-0000000001", "anchor": {{"kind": "quote", "exact": "will never be sold to a foreign buyer"}},
      "starred": {{"value": true, "at": 5}}, "note": {{"value": "Check the ministry's wording.", "at": 6}}}},
    {{"id": "q-0000000002", "anchor": {{"kind": "quote", "exact": "the harbour stays open", "holder": "Lena Okafor"}},
      "note": {{"value": "Said on the radio, not in this text.", "at": 7}}}}
  ]
}}"#,
        std::fs::canonicalize(&story).unwrap().display()
    );
    std::fs::write(data.join("reviews").join(format!("{sha}.json")), state).unwrap();
    (dir, story, data)
}

fn run(data: &Path, args: &[&str]) -> std::process::Output {
    briefing_with_data(data).args(args).output().expect("runs")
}

#[test]
fn memo_has_the_summary_the_starred_note_and_the_orphan() {
    let (_dir, story, data) = setup("memo-stdout");
    let out = run(&data, &["memo", story.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let memo = stdout(&out);
    assert!(memo.starts_with("<!-- briefing memo · digest "), "{memo}");
    for part in [
        "- **Source:** ",
        "port.txt",
        "- **Progress:** 0 of ",
        "## Summary",
        "## Red lines by holder",
        "## Starred",
        "“will never be sold to a foreign buyer” — _starred_",
        "  > Check the ministry's wording.",
        "## Other notes",
        "## Orphaned items",
        "“the harbour stays open” (no longer in the text)",
        "  > Said on the radio, not in this text.",
        "reviewed.\n",
    ] {
        assert!(memo.contains(part), "{part:?} missing:\n{memo}");
    }
}

#[test]
fn memo_out_never_writes_over_a_file_that_is_not_an_unedited_memo() {
    let (dir, story, data) = setup("memo-out");
    let out_file = dir.join("memo.md");
    std::fs::write(&out_file, "my own notes\n").unwrap();
    let s = story.to_str().unwrap();
    let o = out_file.to_str().unwrap();
    let out = run(&data, &["memo", s, "--out", o]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("briefing: {o}: exists and is not")),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&out_file).unwrap(),
        "my own notes\n"
    );
    // --force replaces it; then it is ours, and written over freely.
    assert!(
        run(&data, &["memo", s, "--out", o, "--force"])
            .status
            .success()
    );
    let first = std::fs::read_to_string(&out_file).unwrap();
    assert!(first.contains("Check the ministry's wording."));
    assert!(run(&data, &["memo", s, "--out", o]).status.success());
    // Edited by hand, it is the user's again.
    std::fs::write(&out_file, first.replace("## Starred", "## Starred (mine)")).unwrap();
    assert_eq!(run(&data, &["memo", s, "--out", o]).status.code(), Some(1));
}

#[test]
fn review_status_prints_each_articles_progress() {
    let (_dir, story, data) = setup("status");
    let out = run(&data, &["review", "--status", story.to_str().unwrap(), "-"]);
    assert_eq!(out.status.code(), Some(1), "the empty stdin failed");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "stdin was empty: an error, not a line\n{text}"
    );
    let l = lines[0];
    assert!(l.contains("port.txt: 0 / "), "{l}");
    assert!(
        l.contains(" reviewed · 1 starred · 2 with notes · 1 orphaned · "),
        "{l}"
    );
    assert!(l.ends_with(".json"), "the review file is named: {l}");
    assert!(stderr(&out).contains("<stdin>"), "{}", stderr(&out));
}

#[test]
fn review_status_of_an_article_never_marked() {
    let dir = scratch("status-none");
    let data = dir.join("data");
    let out = run(&data, &["review"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let l = stdout(&out);
    assert!(l.starts_with("sample-briefing.txt: 0 / "), "{l}");
    assert!(l.trim_end().ends_with("no marks yet"), "{l}");
    assert!(!data.join("reviews").exists(), "reading writes nothing");
}

#[test]
fn export_json_has_a_review_object_per_item() {
    let (_dir, story, data) = setup("export");
    let out = run(
        &data,
        &["export", "--format", "json", story.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    for key in ["actors", "quotes", "positions"] {
        for item in v[key].as_array().unwrap() {
            let r = &item["review"];
            assert!(r["id"].as_str().is_some_and(|id| id.len() > 4), "{item}");
            assert!(
                r["reviewed"].is_boolean() && r["starred"].is_boolean(),
                "{item}"
            );
        }
    }
    let quote = v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"] == "will never be sold to a foreign buyer")
        .expect("the quote");
    assert_eq!(quote["review"]["starred"], true);
    assert_eq!(quote["review"]["note"], "Check the ministry's wording.");
    let r = &v["review"];
    assert_eq!(r["reviewed"], 0);
    assert_eq!(r["starred"], 1);
    assert_eq!(r["orphans"][0]["text"], "the harbour stays open");
    assert_eq!(r["orphans"][0]["start"], serde_json::Value::Null);
}

#[test]
fn a_review_file_that_does_not_parse_is_reported_and_left_alone() {
    let (_dir, story, data) = setup("corrupt");
    let sha = briefing::review::text_sha256(STORY);
    let file = data.join("reviews").join(format!("{sha}.json"));
    std::fs::write(&file, "{ not json").unwrap();
    let out = run(&data, &["export", story.to_str().unwrap()]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("not a review file") && err.contains("ignored"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "{ not json");
}

#[test]
fn memo_of_a_missing_file_is_one_line_naming_it() {
    let dir = scratch("memo-missing");
    let out = run(&dir, &["memo", "no-such-story.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("briefing: no-such-story.txt: "), "{err}");
}

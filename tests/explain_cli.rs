//! `briefing explain` as a user runs it: the real binary on an invented
//! article, checked against what the JSON export says of the same text.

use std::process::Stdio;

mod common;
use common::{briefing, run, scratch, stderr, stdout};

/// An invented story: a red line in the lead, an offer in a quote, a
/// demand, and a sentence with nothing to explain.
const STORY: &str = "Harbour talks stall as Valdoria digs in\n\n\
PORT ELLIS, March 3 - Valdoria's trade minister, Tomas Brenner, said on Friday that control \
of the northern harbour would never be up for negotiation.\n\n\
\"We are ready to talk about fees and timetables,\" Brenner told reporters after the meeting.\n\n\
The weather in the port was mild for the season.\n\n\
The Corvane delegation called for a fresh round of talks next month.\n";

fn story(name: &str) -> String {
    let dir = scratch(name);
    let f = dir.join("harbour.txt");
    std::fs::write(&f, STORY).unwrap();
    f.to_str().unwrap().to_string()
}

/// `text[start..end]` in code points.
fn slice(text: &str, v: &serde_json::Value) -> String {
    let s = v["start"].as_u64().unwrap() as usize;
    let e = v["end"].as_u64().unwrap() as usize;
    text.chars().skip(s).take(e - s).collect()
}

/// The explanation's sentences as JSON.
fn explained(args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["explain", "--format", "json"];
    all.extend(args);
    let o = run(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    v["sentences"].as_array().unwrap().clone()
}

#[test]
fn a_red_line_shows_its_rule_and_trigger_as_the_export_has_them() {
    let f = story("explain-red");
    let o = run(&["export", "--format", "json", &f]);
    assert!(o.status.success(), "{}", stderr(&o));
    let export: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let at = STORY.find("never be up").unwrap();
    let at = STORY[..at].chars().count() as u64;
    let red = export["positions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| {
            p["red_line"] == true
                && p["start"].as_u64().unwrap() <= at
                && at < p["end"].as_u64().unwrap()
        })
        .expect("the lead's refusal is a red line");
    let rule = red["rule"].as_str().unwrap();
    assert!(!rule.is_empty());
    let trigger = slice(STORY, &red["trigger"]);

    let o = run(&["explain", &f]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let line = out
        .lines()
        .find(|l| l.starts_with("  red line"))
        .unwrap_or_else(|| panic!("no red line in:\n{out}"));
    assert!(line.contains(&format!("rule: {rule}")), "{line}");
    assert!(line.contains(&format!("trigger: \"{trigger}\"")), "{line}");
    assert!(line.contains("holder: "), "{line}");
    // The sentence is printed above its decisions, numbered.
    let head = out.lines().position(|l| l == line).unwrap();
    let sentence = out.lines().take(head).filter(|l| l.starts_with('[')).last();
    assert!(sentence.is_some_and(|s| s.contains("PORT ELLIS")), "{out}");
    // The JSON says the same.
    let s = explained(&[&f]);
    let d = s
        .iter()
        .flat_map(|s| s["decisions"].as_array().unwrap())
        .find(|d| d["what"] == "red_line")
        .unwrap();
    assert_eq!(d["rule"], rule);
    assert_eq!(d["trigger"]["text"], trigger.as_str());
}

#[test]
fn a_quote_shows_its_speaker_confidence_and_rule() {
    let f = story("explain-quote");
    let out = stdout(&run(&["explain", &f]));
    let line = out
        .lines()
        .find(|l| l.starts_with("  quote"))
        .unwrap_or_else(|| panic!("no quote in:\n{out}"));
    assert!(line.contains("speaker: Tomas Brenner (0."), "{line}");
    assert!(line.contains("rule: "), "{line}");
    assert!(line.contains("“We are ready to talk"), "{line}");
}

#[test]
fn decisions_are_aligned_and_the_output_is_stable() {
    let f = story("explain-align");
    let a = stdout(&run(&["explain", &f]));
    let b = stdout(&run(&["explain", &f]));
    assert_eq!(a, b);
    let rules: Vec<usize> = a
        .lines()
        // Decision lines; the sentences' continuation lines hang deeper.
        .filter(|l| l.starts_with("  ") && !l.starts_with("   ") && !l.starts_with("  no "))
        .map(|l| l.find("rule: ").expect("every decision names its rule"))
        .collect();
    assert!(rules.len() >= 3, "{a}");
    assert!(rules.windows(2).all(|w| w[0] == w[1]), "{a}");
    assert!(a.lines().all(|l| l == l.trim_end()), "{a}");
}

#[test]
fn sentence_and_grep_choose_the_sentences() {
    let f = story("explain-select");
    let all = explained(&[&f]);
    // By default only sentences with something to explain.
    assert!(
        all.iter()
            .all(|s| !s["decisions"].as_array().unwrap().is_empty())
    );
    let red = all
        .iter()
        .find(|s| s["text"].as_str().unwrap().contains("never be up"))
        .unwrap();
    let n = red["number"].as_u64().unwrap().to_string();
    let one = explained(&["--sentence", &n, &f]);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["number"], red["number"]);

    let out = stdout(&run(&["explain", "--grep", "CORVANE", &f]));
    assert_eq!(
        out.lines().filter(|l| l.starts_with('[')).count(),
        1,
        "{out}"
    );
    assert!(out.contains("The Corvane delegation"), "{out}");
    assert!(!out.contains("PORT ELLIS"), "{out}");

    // A chosen sentence with nothing in it says so.
    let out = stdout(&run(&["explain", "--grep", "weather", &f]));
    assert!(out.contains("no position, red line or quote"), "{out}");
}

#[test]
fn no_such_sentence_or_match_is_one_line_and_exit_1() {
    let f = story("explain-none");
    for args in [
        vec!["explain", "--sentence", "99", &f],
        vec!["explain", "--grep", "no such words", &f],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with(&format!("briefing: {f}: no sentence")),
            "{err}"
        );
    }
    let o = run(&["explain", "--sentence", "1", "--grep", "x", &f]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_missing_file_is_one_line_and_exit_1() {
    let missing = scratch("explain-missing").join("missing.txt");
    let p = missing.to_str().unwrap();
    let o = run(&["explain", p]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with(&format!("briefing: {p}: ")), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn control_characters_never_reach_the_output() {
    let dir = scratch("explain-hostile");
    let f = dir.join("h.txt");
    std::fs::write(
        &f,
        "Minister Tomas Brenner said the harbour would \u{1b}[2J never be up for negotiation.\n\n\
         \"We are \u{7}ready \u{9b}31m to talk,\" Brenner said.\n",
    )
    .unwrap();
    for (args, shown) in [(vec![], '␇'), (vec!["--grep", "harbour"], '␛')] {
        let mut all = vec!["explain"];
        all.extend(args);
        all.push(f.to_str().unwrap());
        let o = run(&all);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains(shown), "{out}");
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    }
}

#[test]
fn several_articles_in_json_are_one_per_line() {
    let f = story("explain-several");
    let o = run(&["explain", "--format", "json", &f, &f]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 2, "{out}");
    for l in out.lines() {
        let _: serde_json::Value = serde_json::from_str(l).unwrap();
    }
}

#[test]
fn the_sample_by_default_and_a_closed_pipe_is_not_an_error() {
    let o = run(&["explain"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("  red line"));
    let mut child = briefing()
        .args(["explain"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

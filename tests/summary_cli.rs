//! `briefing summary` and the positions and summary of the JSON export, as
//! a user runs them: the real binary, real files.

mod common;
use common::{run, scratch, stderr, stdout};

const SAMPLE: &str = "assets/sample-briefing.txt";

/// `text[start..end]` in code points.
fn slice(text: &str, v: &serde_json::Value) -> String {
    let s = v["start"].as_u64().unwrap() as usize;
    let e = v["end"].as_u64().unwrap() as usize;
    text.chars().skip(s).take(e - s).collect()
}

#[test]
fn summary_text_names_red_lines_by_holder() {
    let o = run(&["summary", SAMPLE]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("assets/sample-briefing.txt — summary"),
        "{out}"
    );
    for part in [
        "Headline",
        "Key actors",
        "Red lines",
        "Positions",
        "Key quotes",
        "Digest",
    ] {
        assert!(out.contains(part), "{part}:\n{out}");
    }
    let red = out.split("\nRed lines\n").nth(1).unwrap();
    let red = red.split("\nPositions\n").next().unwrap();
    assert!(red.contains("  Karim Haddad\n"), "{red}");
    assert!(red.contains("  Egypt\n"), "{red}");
    assert!(red.contains("reported by Nile Ledger"), "{red}");
    // Kenya's offer to mediate is a position, not a red line.
    assert!(!red.contains("stands ready"), "{red}");
}

#[test]
fn summary_without_a_path_reads_the_sample() {
    let o = run(&["summary"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Karim Haddad"));
}

#[test]
fn summary_markdown() {
    let o = run(&["summary", "--format", "md", SAMPLE]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("# "), "{out}");
    for part in [
        "## Key actors",
        "| Actor | Role |",
        "## Red lines",
        "### Egypt",
        "## Digest",
    ] {
        assert!(out.contains(part), "{part}:\n{out}");
    }
}

#[test]
fn summary_json_items_carry_code_point_offsets() {
    let o = run(&["summary", "--format", "json", SAMPLE]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    assert_eq!(v["schema"], 1);
    let head = &v["headline"];
    assert_eq!(slice(&text, head), head["text"].as_str().unwrap());
    for d in v["digest"].as_array().unwrap() {
        assert_eq!(slice(&text, d), d["text"].as_str().unwrap());
    }
    let n = v["digest"].as_array().unwrap().len();
    assert!((3..=5).contains(&n), "digest of {n}");
    let actors = v["key_actors"].as_array().unwrap();
    assert!(!actors.is_empty() && actors.len() <= 6);
    for k in actors {
        assert!(k["actor"].as_str().unwrap().starts_with('a'));
        assert!(k["mentions"].as_u64().unwrap() >= 1);
        assert!(!slice(&text, k).is_empty());
    }
    for q in v["key_quotes"].as_array().unwrap() {
        assert_eq!(slice(&text, q), q["text"].as_str().unwrap());
    }
    let holders: Vec<&str> = v["red_lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(holders, ["Karim Haddad", "Egypt"]);
}

#[test]
fn export_json_has_positions_in_the_scorers_format_and_a_summary() {
    let o = run(&["export", "--format", "json", SAMPLE]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let ids: Vec<&str> = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let positions = v["positions"].as_array().unwrap();
    assert!(positions.len() >= 10);
    for p in positions {
        assert_eq!(slice(&text, p), p["text"].as_str().unwrap());
        assert!(ids.contains(&p["holder"].as_str().unwrap()));
        assert!(p["red_line"].is_boolean());
        assert!(p["kind"].is_string());
        let t = &p["trigger"];
        assert!(t["start"].as_u64() >= p["start"].as_u64());
        assert!(t["end"].as_u64() <= p["end"].as_u64());
    }
    assert_eq!(
        positions.iter().filter(|p| p["red_line"] == true).count(),
        4
    );
    // Summary groups index into `positions`.
    let s = &v["summary"];
    for g in s["red_lines"].as_array().unwrap() {
        for i in g["items"].as_array().unwrap() {
            let p = &positions[i.as_u64().unwrap() as usize];
            assert_eq!(p["red_line"], true);
            assert_eq!(p["holder"], g["holder"]);
        }
    }
    assert!(s["lead"].as_array().is_some_and(|l| !l.is_empty()));
}

#[test]
fn several_summaries_and_a_bad_file() {
    let dir = scratch("summary-bad");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "\n\n").unwrap();
    let e = empty.to_str().unwrap();
    let o = run(&["summary", SAMPLE, e, SAMPLE]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with(&format!("briefing: {e}: ")), "{err}");
    assert_eq!(stdout(&o).matches("— summary").count(), 2);
}

#[test]
fn unknown_summary_format_is_a_usage_error() {
    let o = run(&["summary", "--format", "pdf", SAMPLE]);
    assert_eq!(o.status.code(), Some(2));
}

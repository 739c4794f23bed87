//! The command line as a user runs it: the real binary, real files.

use std::io::Write;
use std::process::Stdio;

mod common;
use common::{briefing, run, scratch, stderr, stdout};

#[test]
fn no_argument_reads_the_sample_when_not_on_a_terminal() {
    let o = run(&[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("sample-briefing.txt"));
    assert!(out.lines().count() > 20);
    // The plain reading prints section headings.
    assert!(out.contains("── "), "{out}");
}

#[test]
fn export_json_of_the_sample_is_valid_and_has_its_sections() {
    let o = run(&["export", "--format", "json", "assets/sample-briefing.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["schema"], 1);
    let sections = v["sections"].as_array().unwrap();
    assert!(sections.len() >= 2);
    assert!(sections[0]["heading"].is_null());
    assert!(
        sections[1]["heading"]["text"]
            .as_str()
            .is_some_and(|h| !h.is_empty())
    );
    let total: u64 = sections
        .iter()
        .map(|s| s["paragraph_count"].as_u64().unwrap())
        .sum();
    assert_eq!(total as usize, v["paragraphs"].as_array().unwrap().len());
}

#[test]
fn json_offsets_are_code_points() {
    let dir = scratch("offsets");
    let f = dir.join("t.txt");
    // "é" and "“" are multi-byte: byte offsets would differ from code points.
    std::fs::write(
        &f,
        "Café talks\n\n“Yes,” she said.\n\nThe end came soon after.\n",
    )
    .unwrap();
    let o = run(&["export", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let text: Vec<char> = std::fs::read_to_string(&f).unwrap().chars().collect();
    let p = &v["paragraphs"][0];
    let (s, e) = (
        p["start"].as_u64().unwrap() as usize,
        p["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text[s..e].iter().collect::<String>(), "“Yes,” she said.");
}

#[test]
fn export_to_out_dir_writes_one_file_per_input() {
    let dir = scratch("outdir");
    let a = dir.join("alpha.txt");
    let b = dir.join("beta.md");
    std::fs::write(&a, "First article text here.\nSecond paragraph here.\n").unwrap();
    std::fs::write(&b, "# Beta\n\nSome text.\n").unwrap();
    let out = dir.join("out");
    let o = run(&[
        "export",
        "--format",
        "json",
        "--out-dir",
        out.to_str().unwrap(),
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    for stem in ["alpha", "beta"] {
        let body = std::fs::read_to_string(out.join(format!("{stem}.json"))).unwrap();
        let _: serde_json::Value = serde_json::from_str(&body).unwrap();
    }
    let o = run(&[
        "export",
        "--format",
        "md",
        "--out-dir",
        out.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let md = std::fs::read_to_string(out.join("beta.md")).unwrap();
    assert!(md.lines().nth(1).is_some_and(|l| l == "# Beta"), "{md}");
}

#[test]
fn several_json_exports_on_stdout_are_one_per_line() {
    let o = run(&[
        "export",
        "assets/sample-briefing.txt",
        "assets/sample-briefing.txt",
    ]);
    assert!(o.status.success());
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    for l in lines {
        let _: serde_json::Value = serde_json::from_str(l).unwrap();
    }
}

#[test]
fn sections_prints_the_outline() {
    let o = run(&["sections", "assets/sample-briefing.txt"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("assets/sample-briefing.txt\n"));
    assert!(out.contains("(opening)"));
    assert!(out.contains(" paragraphs"));
}

#[test]
fn standard_input_with_dash() {
    let mut child = briefing()
        .args(["sections", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"One paragraph.\n- Next -\nAnother paragraph.\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("<stdin>\n"), "{out}");
    assert!(out.contains("Next"), "{out}");
}

#[test]
fn bad_inputs_get_one_clear_line_and_exit_1() {
    let dir = scratch("bad");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "  \n\n").unwrap();
    let binary = dir.join("blob.txt");
    std::fs::write(&binary, b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap();
    let missing = dir.join("missing.txt");
    for (path, want) in [
        (&empty, "no text to read"),
        (&binary, "not a text file"),
        (&missing, "No such file or directory"),
    ] {
        let p = path.to_str().unwrap();
        let o = run(&[p]);
        assert_eq!(o.status.code(), Some(1), "{p}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with(&format!("briefing: {p}: ")), "{err}");
        assert!(err.contains(want), "{err}");
    }
}

#[test]
fn invalid_utf8_warns_and_still_reads() {
    let dir = scratch("utf8");
    let f = dir.join("latin1.txt");
    std::fs::write(&f, b"Caf\xE9 society met again.\nIt went well.\n").unwrap();
    let o = run(&[f.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("invalid UTF-8"), "{}", stderr(&o));
    assert!(stdout(&o).contains("Caf\u{FFFD} society"));
}

#[test]
fn usage_errors_exit_2() {
    let o = run(&["export", "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["assets/sample-briefing.txt", "sections"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn version_and_help() {
    let o = run(&["--version"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("briefing "));
    let o = run(&["--help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("export"));
}

#[test]
fn config_is_global_and_errors_name_file_and_line() {
    let dir = scratch("config");
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[reader]\nwrap_with = 3\n").unwrap();
    let b = bad.to_str().unwrap();
    for args in [
        vec!["--config", b, "sections"],
        vec!["sections", "--config", b],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert!(err.starts_with(&format!("briefing: {b}:2:1: ")), "{err}");
        assert!(err.contains("wrap_with"), "{err}");
    }
    let good = dir.join("good.toml");
    std::fs::write(&good, "[reader]\nwrap_width = 72\n").unwrap();
    let o = run(&["--config", good.to_str().unwrap(), "sections"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The environment variable is honoured too.
    let o = briefing()
        .env("BRIEFING_CONFIG", b)
        .arg("sections")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn a_folder_is_read_article_by_article() {
    let dir = scratch("folder");
    std::fs::write(dir.join("a.txt"), "Alpha article text.\n").unwrap();
    std::fs::write(dir.join("b.txt"), "Beta article text.\n").unwrap();
    std::fs::write(dir.join("notes.bin"), b"\x00\x01").unwrap();
    let o = run(&["sections", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("a.txt") && out.contains("b.txt") && !out.contains("notes.bin"),
        "{out}"
    );
}

#[test]
fn closed_stdout_pipe_is_not_an_error() {
    let mut child = briefing()
        .args(["export", "assets/sample-briefing.txt"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

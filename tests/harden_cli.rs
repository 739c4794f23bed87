//! Hostile and careless use of the command line: outputs written over
//! inputs or over files that are not ours, escape sequences in names,
//! inputs without end. Each test checks the effect: the file unchanged,
//! the exit code, the bytes that reach the terminal.

use std::path::Path;

mod common;
use common::{briefing, run, scratch, stderr};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn export_out_dir_refuses_to_write_over_its_own_inputs() {
    let dir = scratch("harden-own-inputs");
    let notes = dir.join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    let a = notes.join("a.md");
    let b = notes.join("b.md");
    std::fs::write(&a, "# Alpha\n\nMy own notes on the talks.\n").unwrap();
    std::fs::write(&b, "# Beta\n\nMore notes of mine.\n").unwrap();
    let before = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let o = run(&[
        "export",
        "--format",
        "md",
        "--out-dir",
        s(&notes),
        s(&notes),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is one of the inputs"),
        "{}",
        stderr(&o)
    );
    // Even --force does not write over an input.
    let o = run(&[
        "export",
        "--format",
        "md",
        "--force",
        "--out-dir",
        s(&notes),
        s(&a),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap()),
        before
    );
    assert_eq!(std::fs::read_dir(&notes).unwrap().count(), 2);
}

#[cfg(unix)]
#[test]
fn export_out_dir_knows_an_input_by_its_inode_through_links() {
    let dir = scratch("harden-links");
    let input = dir.join("story.md");
    std::fs::write(&input, "# Story\n\nThe text of the story.\n").unwrap();
    let hard = dir.join("hard");
    let soft = dir.join("soft");
    std::fs::create_dir_all(&hard).unwrap();
    std::fs::create_dir_all(&soft).unwrap();
    std::fs::hard_link(&input, hard.join("story.md")).unwrap();
    std::os::unix::fs::symlink(&input, soft.join("story.md")).unwrap();
    let before = std::fs::read(&input).unwrap();
    for out in [&hard, &soft] {
        let o = run(&["export", "--format", "md", "--out-dir", s(out), s(&input)]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("is one of the inputs"),
            "{}",
            stderr(&o)
        );
        assert_eq!(std::fs::read(&input).unwrap(), before);
    }
}

#[test]
fn export_out_dir_replaces_only_its_own_exports_unless_forced() {
    let dir = scratch("harden-foreign");
    let input = dir.join("report.txt");
    std::fs::write(
        &input,
        "Report\n\nThe minister said \"we will not move\".\n",
    )
    .unwrap();
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    for (format, ext) in [("json", "json"), ("md", "md")] {
        let target = out.join(format!("report.{ext}"));
        std::fs::write(&target, "a file of my own\n").unwrap();
        let o = run(&[
            "export",
            "--format",
            format,
            "--out-dir",
            s(&out),
            s(&input),
        ]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("is not a briefing export; not overwritten (--force"),
            "{}",
            stderr(&o)
        );
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "a file of my own\n"
        );
        // Forced, it is replaced; a second export replaces the first
        // without being forced.
        for extra in [&["--force"][..], &[][..]] {
            let mut args = vec!["export", "--format", format, "--out-dir", s(&out)];
            args.extend_from_slice(extra);
            args.push(s(&input));
            let o = run(&args);
            assert!(o.status.success(), "{}", stderr(&o));
            // Piped stderr: no progress bar, nothing at all.
            assert_eq!(stderr(&o), "");
            let body = std::fs::read_to_string(&target).unwrap();
            assert!(body.contains("minister"), "{body}");
        }
    }
    // Written by rename: no temporary file is left beside the outputs.
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["report.json", "report.md"]);
}

#[test]
fn force_needs_an_out_dir() {
    let o = briefing()
        .args(["export", "--force", "assets/sample-briefing.txt"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

/// No ESC or BEL byte, and no C1 control, in what was printed.
fn assert_inert(what: &str, bytes: &[u8]) {
    assert!(
        !bytes.iter().any(|&b| b == 0x1B || b == 0x07),
        "{what}: {}",
        String::from_utf8_lossy(bytes)
    );
    let text = String::from_utf8_lossy(bytes);
    assert!(
        !text.chars().any(|c| ('\u{80}'..='\u{9F}').contains(&c)),
        "{what}: {text}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_with_escape_sequences_never_reaches_the_terminal_raw() {
    let dir = scratch("harden-escapes");
    let hostile = "x\u{1b}]0;PWNED\u{7}\u{1b}[2J";
    let file = dir.join(format!("{hostile}.txt"));
    std::fs::write(
        &file,
        "Talks resume\n\nThe minister said: \"We will not move on this.\"\n",
    )
    .unwrap();
    // Siblings that fail, so that errors and warnings name them too.
    std::fs::write(dir.join(format!("empty{hostile}.txt")), "").unwrap();
    std::fs::write(dir.join(format!("binary{hostile}.txt")), b"a\0b").unwrap();
    let missing = dir.join(format!("missing{hostile}.txt"));
    let config = dir.join(format!("config{hostile}.toml"));
    std::fs::write(&config, "[nonsense]\n").unwrap();
    let (f, d, m, c) = (s(&file), s(&dir), s(&missing), s(&config));
    let runs: Vec<Vec<&str>> = vec![
        vec!["quotes", f],
        vec!["quotes", d],
        vec!["export", d],
        vec!["export", "--format", "md", f],
        vec!["export", "--format", "md", d],
        vec![f],
        vec![d],
        vec![m],
        vec!["quotes", m],
        vec!["--config", c, f],
    ];
    for args in &runs {
        let o = briefing().args(args).output().unwrap();
        assert_inert(&format!("stdout of {args:?}"), &o.stdout);
        assert_inert(&format!("stderr of {args:?}"), &o.stderr);
    }
    // The Markdown export's source line shows the name, with placeholders.
    let o = briefing()
        .args(["export", "--format", "md", f])
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&o.stdout);
    assert!(
        md.contains("source: ") && md.contains("␛\\]0;PWNED␇␛\\[2J"),
        "{md}"
    );
    // The errors still say which file.
    let o = briefing().args([m]).output().unwrap();
    assert!(
        stderr(&o).contains("missingx␛]0;PWNED␇␛[2J.txt"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn json_escapes_c1_controls_del_and_bidi_overrides_but_keeps_the_text() {
    let dir = scratch("harden-json-c1");
    let text = "Talks\n\nThe envoy said \u{9b}2J \u{9d}0;x\u{7f} \u{202e}evil\u{202c} \u{2066}iso\u{2069} “calm”.\n";
    let file = dir.join("c1\u{9b}.txt");
    std::fs::write(&file, text).unwrap();
    for args in [
        vec!["export", s(&file)],
        vec!["summary", "--format", "json", s(&file)],
        vec!["explain", "--format", "json", s(&file)],
    ] {
        let o = briefing().args(&args).output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        let out = String::from_utf8(o.stdout.clone()).unwrap();
        assert!(
            !out.chars().any(|c| matches!(c,
                '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
            "{args:?}: {out}"
        );
        let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap_or(&out))
            .or_else(|_| serde_json::from_str(&out))
            .unwrap();
        assert!(
            v["source"].as_str().unwrap().ends_with("c1\u{9b}.txt"),
            "{v}"
        );
    }
    // The same data once parsed: the paragraph's text is the input's.
    let o = briefing().args(["export", s(&file)]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let p = &v["paragraphs"][0];
    let chars: Vec<char> = text.chars().collect();
    let (a, b) = (
        p["start"].as_u64().unwrap() as usize,
        p["end"].as_u64().unwrap() as usize,
    );
    let para: String = chars[a..b].iter().collect();
    assert!(para.contains("\u{202e}evil\u{202c}"), "{para}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("\\u202e"));
}

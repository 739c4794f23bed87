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

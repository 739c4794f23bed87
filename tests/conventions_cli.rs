//! The conventions of a well-kept command-line tool: shell completions and
//! a manual page, both generated from the one clap definition, so a new
//! command or option appears in them without anyone writing it twice.

mod common;
use common::{run, stderr};

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn completions_name_every_command_and_option_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let o = run(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        for word in [
            "sections", "quotes", "summary", "explain", "memo", "review", "export", "man",
            "out-dir", "force", "actor", "config",
        ] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error_that_lists_the_shells() {
    let o = run(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("tcsh") && e.contains("bash"), "{e}");
    assert!(o.stdout.is_empty());
}

#[test]
fn the_manual_page_is_roff_with_the_commands_and_options() {
    let o = run(&["man"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.contains(".TH briefing 1"), "{page}");
    assert!(page.contains(".SH NAME") && page.contains(".SH SYNOPSIS"));
    for word in ["export", "quotes", "completions", "\\-\\-config"] {
        assert!(page.contains(word), "the man page lacks {word}");
    }
}

//! The reader's config sections, `[theme]` and `[keys]`: a mistake is an
//! error that names what is wrong and its line, never silently ignored.

use std::path::Path;

use briefing::cli::Settings as Config;

fn error(text: &str) -> String {
    Config::parse(Path::new("c.toml"), text)
        .expect_err("an error")
        .to_string()
}

#[test]
fn unknown_action_is_named_with_its_line() {
    let msg = error("[reader]\nwrap_width = 80\n\n[keys]\ndown = \"j\"\nscrol_down = \"x\"\n");
    assert!(msg.starts_with("c.toml:6:"), "{msg}");
    assert!(msg.contains("scrol_down"), "{msg}");
}

#[test]
fn invalid_key_string_is_named_with_its_line() {
    let msg = error("[keys]\nup = \"k\"\ndown = [\"j\", \"PageDwn\"]\n");
    assert!(msg.starts_with("c.toml:3:"), "{msg}");
    assert!(msg.contains("unknown key `PageDwn`"), "{msg}");
}

#[test]
fn a_key_bound_twice_is_an_error_at_the_binding_s_line() {
    let msg = error("[keys]\ndown = \"k\"\n");
    assert!(
        msg.contains("`k` is bound to both `down` and `up`"),
        "{msg}"
    );
    assert!(msg.starts_with("c.toml:2:8: "), "the binding's line: {msg}");
    // Both written by the user: the later of the two in the file.
    let msg = error(
        "[reader]\nwrap_width = 80\n\n[keys]\nhelp = \"x\"\ntop = [\"g\"]\n\nquit = [\"x\", \"q\"]\n",
    );
    assert!(msg.starts_with("c.toml:8:"), "{msg}");
    assert!(msg.contains("`x` is bound to both"), "{msg}");
    // No marker of where it was found leaks into the message.
    assert!(!msg.chars().any(char::is_control), "{msg:?}");
}

#[test]
fn mouse_capture_can_be_switched_off() {
    let c = Config::parse(Path::new("c.toml"), "[reader]\nmouse = false\n").expect("parses");
    assert!(!c.reader.mouse);
    assert!(Config::default().reader.mouse, "on by default");
    let msg = error("[reader]\nmouse = \"no\"\n");
    assert!(msg.starts_with("c.toml:2:"), "{msg}");
}

#[test]
fn unknown_colour_key_and_bad_colour_are_named_with_their_lines() {
    let msg = error("[theme]\naccent = \"cyan\"\nbackground = \"black\"\n");
    assert!(msg.starts_with("c.toml:3:"), "{msg}");
    assert!(msg.contains("background"), "{msg}");
    let msg = error("[theme]\n\nred_line = \"crimson\"\n");
    assert!(msg.starts_with("c.toml:3:"), "{msg}");
    assert!(msg.contains("unknown colour `crimson`"), "{msg}");
    let msg = error("[theme]\nactors = [\"cyan\", \"#12345g\"]\n");
    assert!(msg.starts_with("c.toml:2:"), "{msg}");
}

#[test]
fn partial_sections_keep_the_other_defaults() {
    let c = Config::parse(
        Path::new("c.toml"),
        "[theme]\nred_line = \"#ff0000\"\n[keys]\nquit = [\"Q\"]\n",
    )
    .expect("parses");
    let d = Config::default();
    assert_ne!(c.theme, d.theme);
    assert_eq!(c.theme.accent, d.theme.accent);
    assert_ne!(c.keys, d.keys);
    assert_eq!(c.reader, d.reader);
}

//! End to end: the real binary in a pseudo-terminal (tmux), driven by keys,
//! read back from the screen. Each test uses its own tmux server (`-L`), so
//! runs never touch the user's sessions or each other. Without tmux the
//! tests print a note and pass.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_briefing");

struct Tmux {
    socket: String,
    dir: PathBuf,
}

impl Tmux {
    /// A private tmux server, or `None` (with a note) when tmux is missing.
    fn new(test: &str) -> Option<Tmux> {
        let ok = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            eprintln!("note: tmux not found; skipping the end-to-end test `{test}`");
            return None;
        }
        let socket = format!("briefing-e2e-{}-{test}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        std::fs::create_dir_all(&dir).expect("temp dir");
        // An empty config: the user's ~/.tmux.conf must not change the test.
        std::fs::write(dir.join("tmux.conf"), "").expect("conf");
        Some(Tmux { socket, dir })
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg(self.dir.join("tmux.conf"))
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// Starts `command` (a shell command line) in a 120×40 window.
    fn start(&self, command: &str) {
        let out = self.run(&["new-session", "-d", "-x", "120", "-y", "40", command]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.run(&args);
        // A terminal cannot tell Escape then "/" sent together from Alt-/:
        // let a lone Escape arrive on its own, as a typist's would.
        if keys.last() == Some(&"Escape") {
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Types text literally.
    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-l", text]);
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p"]).stdout).into_owned()
    }

    fn display(&self, format: &str) -> String {
        String::from_utf8_lossy(&self.run(&["display-message", "-p", format]).stdout)
            .trim()
            .to_string()
    }

    /// Waits until the screen satisfies `pred`; returns the screen.
    fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_text(&self, text: &str) -> String {
        self.wait_for(&format!("“{text}”"), |s| s.contains(text))
    }

    /// Waits for a paste buffer (what a program put on the clipboard).
    fn wait_for_buffer(&self) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let out = self.run(&["show-buffer"]);
            if out.status.success() {
                return String::from_utf8_lossy(&out.stdout).into_owned();
            }
            if Instant::now() > deadline {
                panic!("no paste buffer: {}", String::from_utf8_lossy(&out.stderr));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits for the wrapper's report after the reader exits: the exit
    /// code, then the line discipline ([`LINE_MODE`], a moment later).
    fn wait_exit(&self, code: i32) -> String {
        let exit = format!("EXIT={code}");
        self.wait_for(&exit, |s| {
            s.contains(&exit) && s.lines().any(|l| l.starts_with("MODE="))
        })
    }

    /// The terminal state a program must leave behind.
    fn assert_restored(&self) {
        assert_eq!(
            self.display("#{alternate_on}"),
            "0",
            "alternate screen left on"
        );
        assert_eq!(self.display("#{cursor_flag}"), "1", "cursor left hidden");
        assert_eq!(
            self.display("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}"),
            "000",
            "mouse capture left on"
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// `BRIEFING_DATA_DIR=…`: review marks in a folder of the tests' own, never
/// the user's.
fn data_env() -> String {
    let dir = std::env::temp_dir().join(format!("briefing-e2e-data-{}", std::process::id()));
    format!("BRIEFING_DATA_DIR={}", dir.display())
}

/// The reader on `args`, with the default config whatever the user has,
/// then the exit code and the tty's line discipline printed after it. The
/// shell then stays (a dead pane would not report its cursor state).
fn reader_then_report(args: &str) -> String {
    reader_with_env_then_report("", args)
}

/// [`reader_then_report`] with `env` (`NAME=value …`) set for the reader.
fn reader_with_env_then_report(env: &str, args: &str) -> String {
    let data = data_env();
    format!(
        "env -u NO_COLOR {data} {env} {BIN} --config /dev/null {args}; echo \"EXIT=$?\"; {LINE_MODE}; sleep 600"
    )
}

/// Prints the tty's line discipline on a line of its own: `MODE=icanon
/// echo` when it is sane.
const LINE_MODE: &str = "echo \"MODE=$(stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' ')\"";

/// The line discipline a reader that exited must leave, as the last
/// [`LINE_MODE`] printed it.
fn assert_line_mode(s: &str) {
    let mode = s
        .lines()
        .rev()
        .find(|l| l.starts_with("MODE="))
        .unwrap_or_else(|| panic!("no MODE= line:\n{s}"));
    let flags: Vec<&str> = mode["MODE=".len()..].split_whitespace().collect();
    assert!(flags.contains(&"icanon"), "raw mode left on:\n{s}");
    assert!(flags.contains(&"echo"), "echo left off:\n{s}");
}

fn status_line(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

#[test]
fn read_the_sample_jump_search_and_quit() {
    let Some(t) = Tmux::new("sample") else { return };
    t.start(&reader_then_report(""));
    let s = t.wait_text("sample-briefing.txt · 3 sections");
    assert!(s.contains("Egypt's top diplomat insisted"), "{s}");
    assert!(s.contains("Article"), "{s}");
    assert_eq!(
        t.display("#{alternate_on}"),
        "1",
        "the reader uses the alternate screen"
    );
    assert!(
        t.display("#{mouse_any_flag}#{mouse_button_flag}")
            .contains('1'),
        "the reader captures the mouse"
    );

    // Section navigation works whatever the analysis finds.
    t.keys(&["]"]);
    let s = t.wait_text("Article · 'Thirsty' neighbours");
    assert!(s.contains("§ 'Thirsty' neighbours"), "{s}");
    t.keys(&["g"]);
    t.wait_for("the top", |s| s.contains("┏ Article ━"));

    // TODO(analysis): `analyze()` returns no actors yet. Once it does, this
    // branch runs: the second actor's first quote.
    let actors = s
        .split("Actors · ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(0);
    if actors >= 2 {
        t.keys(&["a", "j", "j"]);
        let s = t.wait_for("the second actor selected", |s| {
            s.lines().filter(|l| l.contains("▸ ")).count() >= 1 && !s.contains("Quotes · all")
        });
        if !s.contains("Quotes · ") || s.contains("no quotes") {
            eprintln!("note: the second actor has no quotes");
        } else {
            t.keys(&["n"]);
            let s = t.wait_text("quote 1/");
            assert!(status_line(&s).contains("quote 1/"), "{s}");
        }
        t.keys(&["Escape"]);
    } else {
        eprintln!("note: {actors} actors found; the quote jump is checked once the analysis lands");
    }

    // Incremental search, then stepping through the matches.
    t.keys(&["/"]);
    t.type_text("wanjiru");
    let s = t.wait_for("the prompt with a count", |s| {
        status_line(s).starts_with("/wanjiru") && status_line(s).contains("1/2")
    });
    assert!(
        s.contains("Grace Wanjiru"),
        "the first match is on screen:\n{s}"
    );
    t.keys(&["Enter"]);
    t.wait_for("the search status", |s| {
        status_line(s).contains("“wanjiru” 1/2")
    });
    t.keys(&["n"]);
    t.wait_for("the second match", |s| {
        status_line(s).contains("“wanjiru” 2/2")
    });
    t.keys(&["n"]);
    t.wait_for("wrapped to the first match", |s| {
        status_line(s).contains("“wanjiru” 1/2") && status_line(s).contains("wrapped to the top")
    });
    t.keys(&["N"]);
    t.wait_for("wrapped to the last match", |s| {
        status_line(s).contains("“wanjiru” 2/2")
    });
    t.keys(&["Escape"]);
    t.wait_for("search left", |s| status_line(s).contains("? help"));

    // The help overlay is drawn from the live key map.
    t.keys(&["?"]);
    t.wait_text("Keys · ? or Esc closes");
    // The overlay may still be drawing when its title first shows.
    t.wait_text("next red line");
    t.keys(&["Escape"]);
    t.wait_for("help closed", |s| !s.contains("Keys · "));

    t.keys(&["q"]);
    let s = t.wait_exit(0);
    assert_line_mode(&s);
    t.assert_restored();
}

#[test]
fn control_characters_in_the_article_never_reach_the_terminal() {
    let Some(t) = Tmux::new("hostile") else {
        return;
    };
    let file = t.dir.join("hostile.txt");
    std::fs::write(
        &file,
        "Before \x1b[2J after. Title \x1b]0;pwned\x07 set. Carriage\rreturn, bell\x07, \
         back\x08space, del\x7fete, C1 \u{9b}31m csi. Bidi \u{202e}reversed\u{202c} text.\n\
         A second paragraph that must stay in place below the first one.\n",
    )
    .expect("write");
    let before = t.display("#{pane_title}");
    t.start(&reader_then_report(&file.display().to_string()));
    let title_at_start = t.display("#{pane_title}");
    let s = t.wait_text("hostile.txt");
    assert!(s.contains("Before ␛[2J after."), "{s}");
    assert!(s.contains("Title ␛]0;pwned␇ set."), "{s}");
    // Checked word by word: where the paragraph wraps depends on the panes.
    for shown in ["bell␇,", "back␈space,", "del␡ete,", "␦31m"] {
        assert!(s.contains(shown), "{shown} missing:\n{s}");
    }
    assert!(s.contains("Bidi ␦reversed␦ text."), "{s}");
    // The screen was not cleared: header, panes and the next paragraph are there.
    assert!(s.contains("1 section"), "{s}");
    assert!(s.contains("A second paragraph that must stay"), "{s}");
    // Borders stayed aligned: every pane row ends on its border.
    for line in s
        .lines()
        .filter(|l| l.starts_with('┃') || l.starts_with('│'))
    {
        assert!(
            line.ends_with('┃') || line.ends_with('│'),
            "shifted row: {line:?}"
        );
    }
    let title = t.display("#{pane_title}");
    assert!(
        !title.contains("pwned"),
        "the article set the title: {title}"
    );
    assert!(
        before.is_empty() || title == title_at_start,
        "{before:?} {title:?}"
    );
    t.keys(&["q"]);
    t.wait_exit(0);
    t.assert_restored();
}

#[test]
fn signals_restore_the_terminal() {
    for (sig, code) in [("TERM", 143), ("HUP", 129), ("QUIT", 131), ("ABRT", 134)] {
        let Some(t) = Tmux::new(&format!("signal-{sig}")) else {
            return;
        };
        // The inner shell records its pid and becomes the reader (exec), so
        // the signal goes to the reader and the outer shell reports after it.
        let pidfile = t.dir.join("pid");
        let inner = format!(
            "sh -c 'echo $$ > {}; exec env -u NO_COLOR {} {BIN} --config /dev/null'",
            pidfile.display(),
            data_env()
        );
        t.start(&format!(
            "{inner}; echo \"EXIT=$?\"; {LINE_MODE}; sleep 600"
        ));
        t.wait_text("sample-briefing.txt");
        assert_eq!(t.display("#{alternate_on}"), "1");
        let pid = std::fs::read_to_string(&pidfile).expect("pid file");
        let killed = Command::new("kill")
            .args([&format!("-{sig}"), pid.trim()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let s = t.wait_exit(code);
        assert_line_mode(&s);
        t.assert_restored();
    }
}

/// Whether a process is still running (a zombie counts as gone).
fn alive(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat
            .rsplit(')')
            .next()
            .and_then(|rest| rest.split_whitespace().next())
            .is_some_and(|state| state != "Z" && state != "X"),
        Err(_) if std::path::Path::new("/proc/self").exists() => false,
        Err(_) => Command::new("kill")
            .args(["-0", pid])
            .status()
            .is_ok_and(|s| s.success()),
    }
}

/// The terminal goes away under the reader (ssh drops, the window is
/// closed): it must exit, not spin on the dead terminal.
#[test]
fn a_hung_up_terminal_ends_the_reader() {
    let Some(t) = Tmux::new("hangup") else { return };
    let pidfile = t.dir.join("pid");
    t.start(&format!(
        "sh -c 'echo $$ > {}; exec env -u NO_COLOR {} {BIN} --config /dev/null'; sleep 600",
        pidfile.display(),
        data_env()
    ));
    t.wait_text("sample-briefing.txt");
    let pid = std::fs::read_to_string(&pidfile).expect("pid file");
    let pid = pid.trim();
    assert!(alive(pid));
    t.run(&["kill-server"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while alive(pid) {
        if Instant::now() > deadline {
            // Do not leave it spinning behind the test.
            let _ = Command::new("kill").args(["-KILL", pid]).status();
            panic!("the reader kept running after its terminal hung up");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn small_window_says_so_and_recovers() {
    let Some(t) = Tmux::new("small") else { return };
    t.start(&reader_then_report(""));
    t.wait_text("sample-briefing.txt");
    t.run(&["resize-window", "-x", "30", "-y", "8"]);
    t.wait_text("window too small");
    t.run(&["resize-window", "-x", "60", "-y", "20"]);
    let s = t.wait_text("Article");
    assert!(s.contains(" Actors "), "narrow windows show tabs:\n{s}");
    t.keys(&["q"]);
    t.wait_exit(0);
    t.assert_restored();
}

/// The test hooks (`BRIEFING_TEST_LOADER`, `BRIEFING_TEST_READER`) are only
/// in debug builds, as `cargo test` makes them.
fn hooks(test: &str) -> bool {
    if !cfg!(debug_assertions) {
        eprintln!("note: a release build has no test hooks; skipping `{test}`");
    }
    cfg!(debug_assertions)
}

/// An interactive shell with job control, for suspending.
fn shell_with_job_control(t: &Tmux) -> bool {
    let ok = Command::new("bash")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("note: bash not found; skipping the suspend test");
        return false;
    }
    t.start("env -u NO_COLOR PS1='$ ' bash --norc --noprofile -i");
    t.wait_for("the prompt", |s| s.contains('$'));
    true
}

#[test]
fn ctrl_z_and_sigtstp_suspend_and_fg_comes_back() {
    let Some(t) = Tmux::new("suspend") else {
        return;
    };
    if !shell_with_job_control(&t) {
        return;
    }
    let pidfile = t.dir.join("pid");
    t.type_text(&format!(
        "sh -c 'echo $$ > {}; exec {BIN} --config /dev/null'",
        pidfile.display()
    ));
    t.keys(&["Enter"]);
    t.wait_text("sample-briefing.txt · 3 sections");
    let pid = std::fs::read_to_string(&pidfile).expect("pid file");
    let pid = pid.trim();

    // From the keyboard.
    t.keys(&["C-z"]);
    t.wait_text("Stopped");
    t.assert_restored();
    t.type_text(LINE_MODE);
    t.keys(&["Enter"]);
    let s = t.wait_for("the line discipline", |s| {
        s.lines().any(|l| l.starts_with("MODE="))
    });
    assert_line_mode(&s);
    t.type_text("clear; fg");
    t.keys(&["Enter"]);
    t.wait_text("sample-briefing.txt · 3 sections");
    assert_eq!(
        t.display("#{alternate_on}"),
        "1",
        "back on the alternate screen"
    );
    // One key, no Enter: the terminal is in raw mode again.
    t.keys(&["]"]);
    t.wait_text("Article · 'Thirsty' neighbours");

    // From outside.
    let sent = Command::new("kill")
        .args(["-TSTP", pid])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    t.wait_text("Stopped");
    t.assert_restored();
    t.type_text("clear; fg");
    t.keys(&["Enter"]);
    t.wait_text("sample-briefing.txt · 3 sections");
    t.keys(&["g"]);
    t.wait_for("the top", |s| s.contains("┏ Article ━"));
    t.keys(&["q"]);
    // What is typed before the reader is gone would be read by it.
    let deadline = Instant::now() + Duration::from_secs(15);
    while alive(pid) {
        assert!(Instant::now() < deadline, "the reader did not quit");
        std::thread::sleep(Duration::from_millis(50));
    }
    t.type_text(&format!("echo \"EXIT=$?\"; {LINE_MODE}"));
    t.keys(&["Enter"]);
    let s = t.wait_exit(0);
    assert_line_mode(&s);
    t.assert_restored();
}

#[test]
fn a_panic_in_the_loader_is_a_failed_article_and_the_reader_goes_on() {
    if !hooks("loader-panic") {
        return;
    }
    let Some(t) = Tmux::new("loader-panic") else {
        return;
    };
    let dir = t.dir.join("folder");
    std::fs::create_dir_all(&dir).expect("folder");
    for (name, text) in [
        ("a.txt", "The first article, which is shown at once.\n"),
        (
            "b.txt",
            "The second article, whose analysis trips over a bug.\n",
        ),
        ("c.txt", "The third article, which arrives all the same.\n"),
    ] {
        std::fs::write(dir.join(name), text).expect("write");
    }
    t.start(&reader_with_env_then_report(
        "BRIEFING_TEST_LOADER=panic:b.txt",
        &dir.display().to_string(),
    ));
    t.wait_text("The first article");
    // Until it has been tried, the second article is still loading.
    let deadline = Instant::now() + Duration::from_secs(15);
    let s = loop {
        t.keys(&[">"]);
        std::thread::sleep(Duration::from_millis(200));
        let s = t.screen();
        if s.contains("could not be analysed") || Instant::now() > deadline {
            break s;
        }
    };
    let status = status_line(&s);
    assert!(
        status.contains("b.txt: could not be analysed (internal error: a test panic"),
        "{s}"
    );
    // Still the reader, on the alternate screen, undisturbed.
    assert_eq!(t.display("#{alternate_on}"), "1");
    assert!(s.contains("/3]"), "{s}");
    assert!(
        !s.contains("panicked"),
        "the panic was printed over the reader:\n{s}"
    );
    // `>` again once the third has arrived: the failed one is passed over.
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        t.keys(&[">"]);
        std::thread::sleep(Duration::from_millis(200));
        if t.screen().contains("The third article") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "never got to c.txt:\n{}",
            t.screen()
        );
    }
    t.wait_text("[3/3]");
    t.keys(&["q"]);
    let s = t.wait_exit(0);
    assert_line_mode(&s);
    t.assert_restored();
}

#[test]
fn a_panic_on_the_reader_s_thread_leaves_its_message_on_a_sane_terminal() {
    if !hooks("reader-panic") {
        return;
    }
    let Some(t) = Tmux::new("reader-panic") else {
        return;
    };
    // Every byte the pane gets, from before the reader starts.
    let bytes = t.dir.join("bytes");
    t.start(&format!(
        "sleep 1; {}",
        reader_with_env_then_report("BRIEFING_TEST_READER=panic", "")
    ));
    let piped = t.run(&["pipe-pane", "-o", &format!("cat > {}", bytes.display())]);
    assert!(piped.status.success());
    let s = t.wait_exit(101);
    assert!(
        s.contains("a test panic on the reader's thread"),
        "the panic message was lost:\n{s}"
    );
    assert_line_mode(&s);
    t.assert_restored();
    // Left once, then the message: a second leave would move the cursor
    // back over it on terminals that restore the cursor each time.
    let out = String::from_utf8_lossy(&std::fs::read(&bytes).expect("bytes")).into_owned();
    let leave = "\x1b[?1049l";
    assert_eq!(out.matches(leave).count(), 1, "{out:?}");
    let left = out.find(leave).expect("left");
    let message = out.find("a test panic on").expect("the message");
    assert!(left < message, "the message is printed after the restore");
}

#[test]
fn running_out_of_memory_while_loading_restores_the_terminal() {
    if !hooks("oom") {
        return;
    }
    let Some(t) = Tmux::new("oom") else { return };
    let dir = t.dir.join("folder");
    std::fs::create_dir_all(&dir).expect("folder");
    std::fs::write(dir.join("a.txt"), "The first article, shown at once.\n").expect("write");
    std::fs::write(dir.join("b.txt"), "A second article that is too big.\n").expect("write");
    t.start(&reader_with_env_then_report(
        "BRIEFING_TEST_LOADER=oom:b.txt",
        &dir.display().to_string(),
    ));
    let s = t.wait_exit(134);
    assert!(s.contains("briefing: aborted"), "{s}");
    assert_line_mode(&s);
    t.assert_restored();
}

#[test]
fn y_copies_the_quote_through_the_terminal() {
    let Some(t) = Tmux::new("copy") else { return };
    // tmux takes OSC 52 from programs only when told to.
    std::fs::write(t.dir.join("tmux.conf"), "set -g set-clipboard on\n").expect("conf");
    t.start(&reader_then_report(""));
    t.wait_text("sample-briefing.txt");
    t.keys(&["o", "j", "y"]);
    let s = t.wait_text("sent to the clipboard");
    assert!(
        status_line(&s).contains("quote sent to the clipboard (OSC 52"),
        "{s}"
    );
    let buffer = t.wait_for_buffer();
    assert!(
        buffer.starts_with('“') && buffer.contains("” — "),
        "{buffer}"
    );
    t.keys(&["q"]);
    t.wait_exit(0);
}

#[test]
fn mouse_capture_off_leaves_the_mouse_to_the_terminal() {
    let Some(t) = Tmux::new("no-mouse") else {
        return;
    };
    let config = t.dir.join("config.toml");
    std::fs::write(&config, "[reader]\nmouse = false\n").expect("config");
    t.start(&format!(
        "env -u NO_COLOR {BIN} --config {}; echo \"EXIT=$?\"; {LINE_MODE}; sleep 600",
        config.display()
    ));
    t.wait_text("sample-briefing.txt");
    assert_eq!(t.display("#{alternate_on}"), "1");
    assert_eq!(
        t.display("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}"),
        "000",
        "the mouse is captured"
    );
    t.keys(&["q"]);
    t.wait_exit(0);
    t.assert_restored();
}

/// Marks two items and writes a note, quits, opens the article again with
/// the same data dir: all three are there, and `briefing memo` has the note.
#[test]
fn review_marks_survive_a_restart_and_reach_the_memo() {
    let Some(t) = Tmux::new("review") else { return };
    let data = t.dir.join("data");
    let reader = |t: &Tmux| {
        t.start(&format!(
            "env -u NO_COLOR BRIEFING_DATA_DIR={} {BIN} --config /dev/null; echo \"EXIT=$?\"; \
             {LINE_MODE}; sleep 600",
            data.display()
        ));
        t.wait_text("sample-briefing.txt · 3 sections")
    };
    let s = reader(&t);
    assert!(s.contains(" 0 / "), "nothing reviewed yet:\n{s}");
    t.keys(&["o", "x"]);
    t.wait_for("the first quote reviewed", |s| {
        status_line(s).starts_with(" reviewed: quote")
    });
    t.keys(&["j", "*"]);
    t.wait_for("the second starred", |s| {
        status_line(s).starts_with(" starred: quote")
    });
    t.keys(&["m"]);
    t.wait_text("Note · quote");
    t.type_text("Ask the ministry about this one.");
    t.keys(&["Escape"]);
    t.wait_for("the editor closed", |s| !s.contains("Note · quote"));
    t.keys(&["q"]);
    t.wait_exit(0);
    t.assert_restored();
    let files: Vec<_> = std::fs::read_dir(data.join("reviews"))
        .expect("the reviews folder")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .collect();
    assert_eq!(files.len(), 1, "one review file");

    // The same article again, in a new reader.
    t.run(&["kill-server"]);
    let t = Tmux::new("review2").expect("tmux");
    let s = reader(&t);
    assert!(s.contains(" 1 / "), "one item reviewed:\n{s}");
    t.keys(&["o"]);
    let s = t.wait_for("the marks in the quotes pane", |s| {
        s.contains("✓") && s.contains("★") && s.contains("✎")
    });
    assert!(s.contains("Quotes · all"), "{s}");
    t.keys(&["q"]);
    t.wait_exit(0);

    let memo = Command::new(BIN)
        .args(["--config", "/dev/null", "memo"])
        .env("BRIEFING_DATA_DIR", &data)
        .output()
        .expect("memo runs");
    assert!(memo.status.success());
    let memo = String::from_utf8_lossy(&memo.stdout);
    assert!(
        memo.contains("> Ask the ministry about this one."),
        "{memo}"
    );
    assert!(memo.contains("1 of "), "{memo}");
    let _ = std::fs::remove_dir_all(&data);
}

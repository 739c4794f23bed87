//! Running the real binary from the integration tests.
#![allow(dead_code)] // each test crate uses its own part of this

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `briefing` binary, isolated from the developer's own config and
/// review marks (an empty data dir of the tests' own).
pub fn briefing() -> Command {
    let data = Path::new(env!("CARGO_TARGET_TMPDIR")).join("briefing-data-empty");
    let _ = std::fs::create_dir_all(&data);
    let mut c = Command::new(env!("CARGO_BIN_EXE_briefing"));
    c.env("BRIEFING_CONFIG", "")
        .env("XDG_CONFIG_HOME", "/nonexistent-briefing-test")
        .env("BRIEFING_DATA_DIR", data);
    c
}

/// The binary with review marks kept in `data`.
pub fn briefing_with_data(data: &Path) -> Command {
    let mut c = briefing();
    c.env("BRIEFING_DATA_DIR", data);
    c
}

pub fn run(args: &[&str]) -> Output {
    briefing().args(args).output().expect("binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh scratch folder under the target dir.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

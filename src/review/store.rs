//! Where review files live and how they are read and written.
//!
//! One file per article, `<data dir>/reviews/<sha256 of the text>.json`;
//! the data dir is `$BRIEFING_DATA_DIR`, else the platform's
//! (`~/.local/share/briefing` on Linux).
//!
//! * **Never torn.** A write goes through [`crate::atomic`]: a crash or
//!   `kill -9` at any instant leaves the old file or the new one.
//! * **Never lost between readers.** A write takes an advisory lock on
//!   `reviews/.lock`, reads the file again, merges it mark by mark
//!   (`State::merge`, the later write winning) and writes the merge back.
//!   The lock makes read–merge–rename one step, so two readers saving at
//!   once cannot both start from the same old file; the merge means a
//!   reader that held the article open for an hour adds its marks to the
//!   other's instead of writing over them.
//! * **Never replaced silently.** A file that does not parse is moved
//!   aside to `<name>.corrupt-<time>` (by the reader; batch commands only
//!   warn), and the warning says where.
//! * **A full or read-only disk** is an error the reader shows; it keeps
//!   the marks and tries again.

use std::fs::{self, File, OpenOptions};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::session::Meta;
use super::state::{FORMAT_VERSION, State};

/// How long a save waits for another reader's lock.
const LOCK_WAIT: Duration = Duration::from_secs(2);

/// The folder of review files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    root: PathBuf,
}

/// What loading does with a file that does not parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Move it aside (the reader, which will write a new one).
    Repair,
    /// Leave it and warn (batch commands, which only read).
    ReadOnly,
}

/// A review file as loaded.
#[derive(Debug, Default)]
pub struct Loaded {
    pub state: Option<State>,
    /// For the status line or stderr.
    pub warnings: Vec<String>,
}

/// A review file as saved: the merge of ours and what was on disk.
#[derive(Debug)]
pub struct Saved {
    pub state: State,
    pub path: PathBuf,
    pub warnings: Vec<String>,
}

/// A review file that could not be written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    pub message: String,
}

fn save_error(path: &Path, e: impl std::fmt::Display) -> SaveError {
    SaveError {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

enum Read {
    Missing,
    Parsed(Box<State>),
    Corrupt(String),
}

impl Store {
    /// The store under `$BRIEFING_DATA_DIR`, else the platform data dir.
    pub fn from_env() -> Result<Store, String> {
        if let Some(dir) = std::env::var_os("BRIEFING_DATA_DIR").filter(|d| !d.is_empty()) {
            return Ok(Store::at(PathBuf::from(dir)));
        }
        directories::ProjectDirs::from("", "", "briefing")
            .map(|d| Store::at(d.data_dir().to_path_buf()))
            .ok_or_else(|| {
                "no home folder to keep review marks in; set BRIEFING_DATA_DIR".to_string()
            })
    }

    /// The store under the data dir `root`.
    pub fn at(root: PathBuf) -> Store {
        Store { root }
    }

    /// The data dir.
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn reviews(&self) -> PathBuf {
        self.root.join("reviews")
    }

    /// Whether any review file is kept at all (when none is, there is
    /// nothing to look up, and no text needs hashing).
    pub fn is_empty(&self) -> bool {
        fs::read_dir(self.reviews()).map_or(true, |mut d| {
            !d.any(|e| e.is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".json")))
        })
    }

    /// The review file of the text with this SHA-256.
    pub fn path_of(&self, text_sha256: &str) -> PathBuf {
        self.reviews().join(format!("{text_sha256}.json"))
    }

    /// The review file of the article `meta` names; when there is none, the
    /// latest file of the same source (the article was edited since), for
    /// its marks to be anchored in the new text.
    pub fn load(&self, meta: &Meta, mode: Mode) -> Loaded {
        let path = self.path_of(&meta.text_sha256);
        let mut out = Loaded::default();
        match read(&path) {
            Ok(Read::Parsed(s)) => {
                if s.version > FORMAT_VERSION {
                    out.warnings.push(format!(
                        "{}: written by a newer briefing (format {}); its marks are shown \
                         but will not be saved",
                        path.display(),
                        s.version
                    ));
                }
                out.state = Some(*s);
                return out;
            }
            Ok(Read::Corrupt(why)) => {
                out.warnings.push(match mode {
                    Mode::Repair => match move_aside(&path) {
                        Ok(to) => format!(
                            "{}: not a review file ({why}); moved aside to {}, marks start afresh",
                            path.display(),
                            to.display()
                        ),
                        Err(e) => format!(
                            "{}: not a review file ({why}) and could not be moved aside: {e}",
                            path.display()
                        ),
                    },
                    Mode::ReadOnly => {
                        format!("{}: not a review file ({why}); ignored", path.display())
                    }
                });
                return out;
            }
            Ok(Read::Missing) => {}
            Err(e) => {
                out.warnings
                    .push(format!("{}: {e}; marks start afresh", path.display()));
                return out;
            }
        }
        if let Some(mut s) = self.latest_of(&meta.source, &meta.text_sha256) {
            out.warnings.push(format!(
                "marks carried over from an earlier text of {} (re-anchored; what is no \
                 longer found is listed as orphaned)",
                crate::text::sanitize(&meta.name)
            ));
            s.text_sha256 = meta.text_sha256.clone();
            out.state = Some(s);
        }
        out
    }

    /// The most recently marked file of `source` other than `sha`; `None`
    /// for standard input, which has no lasting name.
    fn latest_of(&self, source: &str, sha: &str) -> Option<State> {
        if source.is_empty() || source == "stdin" {
            return None;
        }
        let entries = fs::read_dir(self.reviews()).ok()?;
        entries
            .filter_map(Result::ok)
            .filter(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.len() == 69
                    && name.ends_with(".json")
                    && name[..64].bytes().all(|b| b.is_ascii_hexdigit())
                    && &name[..64] != sha
            })
            .filter_map(|e| match read(&e.path()) {
                Ok(Read::Parsed(s)) if s.source == source => Some(*s),
                _ => None,
            })
            .max_by_key(State::last)
    }

    /// Merges `state` with the file on disk and writes the merge, under the
    /// lock. Returns what was written.
    pub fn save(&self, state: &State) -> Result<Saved, SaveError> {
        let dir = self.reviews();
        fs::create_dir_all(&dir).map_err(|e| save_error(&dir, e))?;
        let path = self.path_of(&state.text_sha256);
        let _lock = lock(&dir)?;
        let mut merged = state.clone();
        merged.sort();
        let mut warnings = Vec::new();
        match read(&path).map_err(|e| save_error(&path, e))? {
            Read::Parsed(disk) if disk.version > FORMAT_VERSION => {
                return Err(save_error(
                    &path,
                    format!(
                        "written by a newer briefing (format {}); not overwritten",
                        disk.version
                    ),
                ));
            }
            Read::Parsed(disk) => merged.merge(&disk),
            Read::Missing => {}
            Read::Corrupt(why) => {
                let to = move_aside(&path).map_err(|e| save_error(&path, e))?;
                warnings.push(format!(
                    "{}: not a review file ({why}); moved aside to {}",
                    path.display(),
                    to.display()
                ));
            }
        }
        remove_stale_temps(&dir, &path);
        let mut json = serde_json::to_vec_pretty(&merged).map_err(|e| save_error(&path, e))?;
        json.push(b'\n');
        write_atomic(&path, &json)?;
        Ok(Saved {
            state: merged,
            path,
            warnings,
        })
    }
}

fn read(path: &Path) -> std::io::Result<Read> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Read::Missing),
        Err(e) => return Err(e),
    };
    Ok(match serde_json::from_slice::<State>(&bytes) {
        Ok(s) => Read::Parsed(Box::new(s)),
        Err(e) => Read::Corrupt(format!("line {} column {}: {e}", e.line(), e.column())),
    })
}

/// Renames a bad file to `<name>.corrupt-<UTC time>` beside it.
fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = super::clock::stamp(super::clock::now());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut to = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut n = 1;
    while to.exists() {
        n += 1;
        to = path.with_file_name(format!("{name}.corrupt-{stamp}-{n}"));
    }
    fs::rename(path, &to)?;
    Ok(to)
}

/// Takes the folder's lock, waiting a little for another reader's save.
fn lock(dir: &Path) -> Result<File, SaveError> {
    let path = dir.join(".lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| save_error(dir, e))?;
    let deadline = Instant::now() + LOCK_WAIT;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(save_error(&path, "locked by another briefing for too long"));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(save_error(&path, e)),
        }
    }
}

/// Temporary files of `path` left by a writer that died mid-write: under
/// the lock no other writer is using one.
fn remove_stale_temps(dir: &Path, path: &Path) {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let prefix = crate::atomic::temp_prefix(&name);
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.filter_map(Result::ok) {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// Writes `bytes` to `path` so that a crash leaves the old file or the new
/// one ([`crate::atomic`]).
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    crate::atomic::write(path, bytes).map_err(|e| save_error(path, e))
}

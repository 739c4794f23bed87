//! A folder as a briefing: every file in it (and in its subfolders) that
//! holds articles, in name order; the project files that live beside
//! articles (README, LICENSE, CHANGELOG…) and files of other types are
//! skipped, each with one line saying so. Once loaded, a folder's articles
//! are read in date order when they have dates ([`order`]).

use std::path::{Path, PathBuf};

use super::input::{FIRST_BLOCK, looks_binary};
use super::sniff;
use super::{Loaded, Source};
use crate::error::LoadError;

/// One argument of a command, as the loader reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A file, standard input, a URL or the sample.
    One(Source),
    /// The article files of a folder, in name order.
    Folder { name: String, sources: Vec<Source> },
}

/// The items the arguments name, and a line for each file skipped.
#[derive(Debug, Default)]
pub struct Walk {
    pub items: Vec<Item>,
    pub skipped: Vec<String>,
}

/// Subfolders deeper than this are not looked into (a link loop ends here).
const MAX_DEPTH: usize = 8;

/// The items `paths` name: a folder's article files, anything else as it
/// is. A folder with no article file is an error.
pub fn walk(paths: &[PathBuf]) -> Result<Walk, LoadError> {
    let mut walk = Walk::default();
    for p in paths {
        if !p.is_dir() {
            walk.items.push(Item::One(Source::from_arg(Some(p))));
            continue;
        }
        let mut files = Vec::new();
        collect(p, 0, &mut files, &mut walk.skipped)?;
        files.sort();
        if files.is_empty() {
            return Err(LoadError::EmptyDirectory {
                name: p.display().to_string(),
            });
        }
        walk.items.push(Item::Folder {
            name: p.display().to_string(),
            sources: files.into_iter().map(Source::File).collect(),
        });
    }
    Ok(walk)
}

fn collect(
    dir: &Path,
    depth: usize,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<String>,
) -> Result<(), LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError::Io {
        name: dir.display().to_string(),
        source: e,
    })?;
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Hidden files and folders (.git, .DS_Store) are not the reader's.
        if file_name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            if depth < MAX_DEPTH {
                // An unreadable subfolder is skipped, not the whole folder.
                if let Err(e) = collect(&path, depth + 1, files, skipped) {
                    skipped.push(format!("{e} (skipped)"));
                }
            }
            continue;
        }
        match verdict(&path, &file_name) {
            Ok(()) => files.push(path),
            Err(why) => skipped.push(format!("{}: skipped ({why})", path.display())),
        }
    }
    Ok(())
}

/// Whether a file in a folder is read as an article; if not, why.
fn verdict(path: &Path, file_name: &str) -> Result<(), String> {
    if is_project_file(file_name) {
        return Err("a project file, not an article".to_string());
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => match sniff::by_extension(&ext.to_ascii_lowercase()) {
            Some(_) => Ok(()),
            None => Err(format!("not an article type: .{ext}")),
        },
        // No extension: read if the first block is text.
        None => {
            let mut head = Vec::with_capacity(FIRST_BLOCK);
            let read = std::fs::File::open(path).and_then(|f| {
                std::io::Read::read_to_end(
                    &mut std::io::Read::take(f, FIRST_BLOCK as u64),
                    &mut head,
                )
            });
            match read {
                Err(e) => Err(e.to_string()),
                Ok(_) if looks_binary(&head) => Err("not a text file".to_string()),
                Ok(_) => Ok(()),
            }
        }
    }
}

/// README, LICENSE, CHANGELOG and their kin (`LICENSE-MIT`, `README.fr.md`).
fn is_project_file(file_name: &str) -> bool {
    const NAMES: &[&str] = &[
        "README",
        "LICENSE",
        "LICENCE",
        "COPYING",
        "COPYRIGHT",
        "CHANGELOG",
        "CHANGES",
        "HISTORY",
        "CONTRIBUTING",
        "CONTRIBUTORS",
        "AUTHORS",
        "NOTICE",
        "CODE_OF_CONDUCT",
        "SECURITY",
        "INSTALL",
        "TODO",
        "UNLICENSE",
    ];
    let upper = file_name.to_ascii_uppercase();
    NAMES.iter().any(|n| {
        upper
            .strip_prefix(n)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '-', '_']))
    })
}

/// A folder's articles in date order, oldest first; those without a date
/// (or with one that cannot be read) after them, in the order given.
pub(crate) fn order(docs: &mut [Loaded]) {
    docs.sort_by_cached_key(|l| {
        let date = l
            .doc
            .origin
            .as_ref()
            .and_then(|o| o.date.as_deref())
            .and_then(timestamp);
        (date.is_none(), date)
    });
}

/// Seconds since the epoch of an RFC 3339, RFC 2822 or `YYYY-MM-DD` date.
pub(crate) fn timestamp(s: &str) -> Option<i64> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.timestamp());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.timestamp());
    }
    for f in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s.get(..19).unwrap_or(s), f) {
            return Some(d.and_utc().timestamp());
        }
    }
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc().timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_files_are_known_by_name() {
        for n in [
            "README",
            "README.md",
            "readme.txt",
            "LICENSE-MIT",
            "CHANGELOG.md",
            "NOTICE",
        ] {
            assert!(is_project_file(n), "{n}");
        }
        for n in [
            "readmeister.txt",
            "licensed-trade.txt",
            "story.md",
            "news.xml",
        ] {
            assert!(!is_project_file(n), "{n}");
        }
    }

    #[test]
    fn dates_in_the_common_forms() {
        let day = timestamp("2024-03-01").unwrap();
        assert_eq!(timestamp("2024-03-01T00:00:00Z"), Some(day));
        assert_eq!(timestamp("Fri, 01 Mar 2024 00:00:00 +0000"), Some(day));
        assert_eq!(timestamp("2024-03-01 00:00:00"), Some(day));
        assert!(timestamp("2024-03-01T10:00:00+02:00").unwrap() > day);
        assert_eq!(timestamp("last Tuesday"), None);
        assert_eq!(timestamp("é"), None);
    }
}

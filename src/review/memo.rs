//! The review memo: Markdown for whoever the analyst hands the briefing
//! on to. Per article: title, source, dateline, when it was written and how
//! far the review got; the summary; red lines by holder; starred items
//! with their notes; the other notes; orphaned items with theirs.
//!
//! A memo starts with a comment carrying a digest of the rest. A file
//! whose digest still matches is one of ours, unedited, and may be written
//! over; any other file (an edited memo included) is not, unless forced.

use std::path::{Path, PathBuf};

use crate::model::{Analysis, Document, PositionId};
use crate::summary::Summary;

use super::anchor::digest;
use super::items::{ItemKind, Target};
use super::session::{Entry, Review};
use super::store::{SaveError, write_atomic};

const MARKER: &str = "<!-- briefing memo · digest ";
const MARKER_END: &str = " · edit it and briefing will not write over it -->";

/// Why a memo was not written.
#[derive(Debug, thiserror::Error)]
pub enum MemoError {
    #[error(
        "{}: exists and is not an unedited briefing memo; not overwritten (--force to replace it)",
        .0.display()
    )]
    NotOurs(PathBuf),
    #[error(transparent)]
    Write(#[from] SaveError),
}

/// The memo of one article (no marker: see [`document`]).
pub fn render(
    doc: &Document,
    analysis: &Analysis,
    summary: &Summary,
    review: &Review,
    now: u64,
) -> String {
    let mut out = String::new();
    let p = review.progress();
    let title = review.meta().title.clone();
    out.push_str(&format!("# {}\n\n", one_line(&title)));
    out.push_str(&format!(
        "- **Source:** {}\n",
        crate::text::sanitize(&doc.name)
    ));
    if let Some(d) = doc.dateline {
        out.push_str(&format!("- **Dateline:** {}\n", doc.reading(d)));
    }
    out.push_str(&format!(
        "- **Memo written:** {}\n",
        super::clock::date(now)
    ));
    out.push_str(&format!(
        "- **Progress:** {} of {} reviewed · {} starred · {} with notes{}\n\n",
        p.reviewed,
        p.total,
        p.starred,
        p.noted,
        match p.orphans {
            0 => String::new(),
            1 => " · 1 orphaned".to_string(),
            n => format!(" · {n} orphaned"),
        }
    ));

    out.push_str("## Summary\n\n");
    let lead: Vec<String> = summary.lead.iter().map(|&s| doc.reading(s)).collect();
    if lead.is_empty() {
        out.push_str("_No lead found._\n\n");
    } else {
        out.push_str(&format!("{}\n\n", lead.join(" ")));
    }
    if !summary.key_actors.is_empty() {
        let names: Vec<String> = summary
            .key_actors
            .iter()
            .map(|k| {
                let name = analysis
                    .actor(k.actor)
                    .map_or_else(String::new, |a| crate::text::reflow(&a.name));
                match k.role {
                    Some(r) => format!("{name} ({})", doc.reading(r)),
                    None => name,
                }
            })
            .collect();
        out.push_str(&format!("**Key actors:** {}\n\n", names.join("; ")));
    }

    out.push_str("## Red lines by holder\n\n");
    if summary.red_lines.is_empty() {
        out.push_str("_None found._\n\n");
    }
    for g in &summary.red_lines {
        let holder = g
            .holder
            .and_then(|h| analysis.actor(h))
            .map_or_else(|| "(holder unknown)".to_string(), |a| a.name.clone());
        out.push_str(&format!("**{}**\n\n", one_line(&holder)));
        for &i in &g.items {
            let Some(e) = review
                .index_of(Target::Position(PositionId::new(i)))
                .and_then(|i| review.entry(i))
            else {
                continue;
            };
            out.push_str(&format!("- {}{}\n", quoted(&e.anchor.exact), marks(e)));
            note(&mut out, e);
        }
        out.push('\n');
    }

    let current = &review.entries()[..review.current()];
    section(
        &mut out,
        "Starred",
        "_Nothing starred._",
        current.iter().filter(|e| e.marks.starred()),
    );
    section(
        &mut out,
        "Other notes",
        "_No other notes._",
        current
            .iter()
            .filter(|e| !e.marks.starred() && e.marks.note().is_some()),
    );
    if !review.orphans().is_empty() {
        out.push_str("## Orphaned items\n\n");
        out.push_str(
            "Marked in an earlier text or analysis of this article, and no longer found as an \
             item.\n\n",
        );
        for e in review.orphans() {
            let found = if e.span.is_some() {
                " (its words are still in the text)"
            } else {
                " (no longer in the text)"
            };
            out.push_str(&format!("- {}{found}{}\n", label(e), marks(e)));
            note(&mut out, e);
        }
        out.push('\n');
    }
    out.push_str(&format!("{} of {} reviewed.\n", p.reviewed, p.total));
    out
}

/// A section of items: each with what it is, who holds it, its text and
/// its note.
fn section<'a>(out: &mut String, heading: &str, none: &str, it: impl Iterator<Item = &'a Entry>) {
    out.push_str(&format!("## {heading}\n\n"));
    let mut any = false;
    for e in it {
        any = true;
        out.push_str(&format!("- {}{}\n", label(e), marks(e)));
        note(out, e);
    }
    if !any {
        out.push_str(none);
        out.push('\n');
    }
    out.push('\n');
}

/// `Red line · Holder: “…”`, `Actor: Name`.
fn label(e: &Entry) -> String {
    let a = &e.anchor;
    let kind = match a.kind {
        ItemKind::Actor => "Actor",
        ItemKind::Quote => "Quote",
        ItemKind::Position => "Position",
        ItemKind::RedLine => "Red line",
    };
    if a.kind == ItemKind::Actor {
        return format!("{kind}: **{}**", one_line(&a.exact));
    }
    let who = a
        .holder
        .as_deref()
        .map_or_else(String::new, |h| format!(" · {}", one_line(h)));
    format!("{kind}{who}: {}", quoted(&a.exact))
}

fn quoted(s: &str) -> String {
    format!("“{}”", one_line(s))
}

fn one_line(s: &str) -> String {
    crate::text::reflow(s)
}

/// ` — _reviewed · starred_`, or nothing.
fn marks(e: &Entry) -> String {
    let mut m = Vec::new();
    if e.marks.reviewed() {
        m.push("reviewed");
    }
    if e.marks.starred() {
        m.push("starred");
    }
    if m.is_empty() {
        String::new()
    } else {
        format!(" — _{}_", m.join(" · "))
    }
}

/// The note as a quotation under its item.
fn note(out: &mut String, e: &Entry) {
    if let Some(n) = e.marks.note() {
        for line in n.lines() {
            let line = crate::text::sanitize(line);
            if line.trim().is_empty() {
                out.push_str("  >\n");
            } else {
                out.push_str(&format!("  > {line}\n"));
            }
        }
    }
}

/// The memo file: the marker with the digest of what follows, then the
/// memos of the articles, one after another.
pub fn document(memos: &[String]) -> String {
    let body = memos.join("\n---\n\n");
    format!("{MARKER}{}{MARKER_END}\n\n{body}", digest(&[&body], 16))
}

/// Whether `text` is a memo of ours that nobody edited.
pub fn is_ours(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(MARKER) else {
        return false;
    };
    let Some((d, rest)) = rest.split_once(MARKER_END) else {
        return false;
    };
    let Some(body) = rest.strip_prefix("\n\n") else {
        return false;
    };
    d == digest(&[body], 16)
}

/// Writes a memo to `path`: never over a file that is not an unedited memo
/// of ours, unless `force`.
pub fn write(path: &Path, memo: &str, force: bool) -> Result<(), MemoError> {
    if !force && !free(path) {
        return Err(MemoError::NotOurs(path.to_path_buf()));
    }
    write_atomic(path, memo.as_bytes())?;
    Ok(())
}

/// Whether a memo may be written at `path`: nothing there, or an unedited
/// memo of ours.
fn free(path: &Path) -> bool {
    match std::fs::read(path) {
        Ok(bytes) => std::str::from_utf8(&bytes).is_ok_and(is_ours),
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

/// Where the reader writes the memo of `stem` in `dir`: `stem.memo.md`,
/// else `stem.memo-2.md`, … — the first that is free.
pub fn path_in(dir: &Path, stem: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.memo.md"));
    if free(&first) {
        return first;
    }
    (2..1000)
        .map(|n| dir.join(format!("{stem}.memo-{n}.md")))
        .find(|p| free(p))
        .unwrap_or(first)
}

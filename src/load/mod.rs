//! Turning input bytes into a [`Document`]: one text buffer plus spans for its
//! title, dateline, byline, sections and paragraphs.
//!
//! The buffer is the input exactly as read (after UTF-8 decoding and removal
//! of a byte-order mark), so every span maps back to the file. Layout is
//! detected from the text: line-per-paragraph wire copy, hard-wrapped copy
//! (paragraphs start indented or after a blank line), or Markdown.

mod lines;
mod markdown;
mod plain;

pub(crate) use plain::warm_up;

use std::path::{Path, PathBuf};

use crate::error::LoadError;
use crate::model::{Document, Paragraph, Section};
use crate::span::Span;

pub(crate) use lines::{Line, split_lines};

/// The built-in sample briefing, opened when no path is given.
pub const SAMPLE_BRIEFING: &str = include_str!("../../assets/sample-briefing.txt");
/// The name the sample goes by in messages and exports.
pub const SAMPLE_NAME: &str = "sample-briefing.txt";

/// A loaded document plus anything the user should be told about the input.
#[derive(Debug)]
pub struct Loaded {
    pub doc: Document,
    pub warnings: Vec<String>,
}

/// Where an article comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The embedded sample briefing.
    Sample,
    /// Standard input (`-`).
    Stdin,
    File(PathBuf),
}

impl Source {
    pub fn from_arg(arg: Option<&Path>) -> Source {
        match arg {
            None => Source::Sample,
            Some(p) if p.as_os_str() == "-" => Source::Stdin,
            Some(p) => Source::File(p.to_path_buf()),
        }
    }

    pub fn name(&self) -> String {
        match self {
            Source::Sample => SAMPLE_NAME.to_string(),
            Source::Stdin => "<stdin>".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }

    /// A stable name for where the article comes from, whatever the
    /// working folder: `file:` and the absolute path, `stdin`, or `sample:`
    /// and the sample's name. The review store finds a file's marks by it
    /// once the file's text has changed.
    pub fn identity(&self) -> String {
        match self {
            Source::Sample => format!("sample:{SAMPLE_NAME}"),
            Source::Stdin => "stdin".to_string(),
            Source::File(p) => {
                let abs = std::fs::canonicalize(p)
                    .or_else(|_| std::env::current_dir().map(|d| d.join(p)))
                    .unwrap_or_else(|_| p.clone());
                format!("file:{}", abs.display())
            }
        }
    }

    /// The file stem used for `--out-dir` file names.
    pub fn stem(&self) -> String {
        match self {
            Source::Sample => "sample-briefing".to_string(),
            Source::Stdin => "stdin".to_string(),
            Source::File(p) => p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "article".to_string()),
        }
    }
}

/// Reads and loads one source.
pub fn load(source: &Source) -> Result<Loaded, LoadError> {
    let name = source.name();
    match source {
        Source::Sample => load_bytes(&name, SAMPLE_BRIEFING.as_bytes(), None),
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf).map_err(|e| {
                LoadError::Io {
                    name: name.clone(),
                    source: e,
                }
            })?;
            load_vec(&name, buf, None)
        }
        Source::File(path) => {
            if path.is_dir() {
                return Err(LoadError::IsDirectory { name });
            }
            let bytes = std::fs::read(path).map_err(|e| LoadError::Io {
                name: name.clone(),
                source: e,
            })?;
            load_vec(&name, bytes, path.extension().and_then(|e| e.to_str()))
        }
    }
}

/// Expands directories among `paths` into the article files they hold
/// (`*.txt`, `*.md`, `*.markdown`, sorted by name); other paths pass through.
pub fn expand_paths(paths: &[PathBuf]) -> Result<Vec<Source>, LoadError> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|e| LoadError::Io {
                name: p.display().to_string(),
                source: e,
            })?;
            let mut files: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && is_article_file(f))
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(LoadError::EmptyDirectory {
                    name: p.display().to_string(),
                });
            }
            out.extend(files.into_iter().map(Source::File));
        } else {
            out.push(Source::from_arg(Some(p)));
        }
    }
    Ok(out)
}

fn is_article_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "md" | "markdown" | "text")
    )
}

/// Inputs larger than this are refused: spans are 32-bit.
const MAX_LEN: usize = u32::MAX as usize;

/// Loads a document from raw bytes. `extension` (of the file name, if any)
/// selects Markdown for `md`/`markdown`; otherwise the layout is sniffed.
pub fn load_bytes(name: &str, bytes: &[u8], extension: Option<&str>) -> Result<Loaded, LoadError> {
    load_vec(name, bytes.to_vec(), extension)
}

/// Like `load_bytes`, taking the buffer: valid UTF-8 becomes the document's
/// text without a copy.
pub fn load_vec(
    name: &str,
    mut bytes: Vec<u8>,
    extension: Option<&str>,
) -> Result<Loaded, LoadError> {
    let mut warnings = Vec::new();
    if bytes.len() > MAX_LEN {
        return Err(LoadError::TooLarge {
            name: name.to_string(),
        });
    }
    if looks_binary(&bytes) {
        return Err(LoadError::NotText {
            name: name.to_string(),
        });
    }
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    if bom {
        bytes.drain(..3);
    }
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            warnings.push(format!(
                "{name}: invalid UTF-8 at byte {}; bad bytes are shown as \u{FFFD}",
                at + usize::from(bom) * 3
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    if text.len() > MAX_LEN {
        return Err(LoadError::TooLarge {
            name: name.to_string(),
        });
    }
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            name: name.to_string(),
        });
    }
    let markdown = match extension.map(str::to_ascii_lowercase).as_deref() {
        Some("md" | "markdown" | "mdown" | "mkd") => true,
        Some(_) => false,
        None => markdown::sniff(&text),
    };
    let doc = if markdown {
        markdown::parse(name, text, bom)
    } else {
        plain::parse(name, text, bom)
    };
    Ok(Loaded { doc, warnings })
}

/// NUL bytes mean binary; so does a start dense with control bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    if memchr::memchr(0, bytes).is_some() {
        return true;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    controls * 10 > head.len().max(1) * 3
}

/// Builds sections from paragraphs and headings found in document order.
/// `blocks` holds `(heading span, None)` or `(None, paragraph)` entries.
pub(crate) fn assemble_sections(blocks: Vec<Element>) -> (Vec<Section>, Vec<Paragraph>) {
    let mut sections: Vec<Section> = Vec::new();
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    for block in blocks {
        match block {
            Element::Heading(h) => sections.push(Section {
                heading: Some(h),
                span: h,
                paragraphs: paragraphs.len()..paragraphs.len(),
            }),
            Element::Paragraph(p) => {
                if sections.is_empty() {
                    sections.push(Section {
                        heading: None,
                        span: p.span,
                        paragraphs: 0..0,
                    });
                }
                let idx = paragraphs.len();
                let last = sections.last_mut().expect("a section was pushed above");
                last.paragraphs.end = idx + 1;
                last.span = last.span.cover(p.span);
                paragraphs.push(p);
            }
        }
    }
    (sections, paragraphs)
}

/// A heading or a paragraph, in document order: what the layout parsers
/// find and [`assemble_sections`] groups.
pub(crate) enum Element {
    Heading(Span),
    Paragraph(Paragraph),
}

#[cfg(test)]
mod tests;

//! Turning inputs into [`Document`]s: one text buffer each, plus spans for
//! its title, dateline, byline, sections and paragraphs.
//!
//! Where the bytes come from: `input.rs` (files, standard input, caps and
//! the binary check), `url.rs` (HTTP), `folder.rs` (a folder's article
//! files, in order), `batch.rs` (every document of a reading). How they are
//! parsed, once `sniff.rs` has told what they are: `plain.rs` and
//! `markdown.rs` (text: the buffer is the input exactly as read, after
//! UTF-8 decoding and removal of a byte-order mark, so every span maps back
//! to the file), `html.rs`, `feed.rs` and `json.rs` (converted: the buffer
//! is the text extracted, written by `convert.rs`; `Document::origin` says
//! from what). A parse gives one document or, for a feed or a JSON array,
//! several ([`Parsed`]).

mod batch;
mod charset;
mod convert;
mod feed;
mod folder;
mod html;
mod input;
mod json;
mod lines;
mod markdown;
mod plain;
mod sniff;
mod url;

pub use batch::{Batch, Got, gather, read_items};
pub use folder::{Item, Walk, walk};
pub use url::is_url;

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
    /// The input it was read from (`None` for bytes handed in without one):
    /// how a review finds its marks once the text has changed.
    pub source: Option<Source>,
}

/// What one input holds: one article, or a feed's or a JSON array's
/// several, in the input's order.
#[derive(Debug)]
pub struct Parsed {
    /// The feed's title: the title of a briefing of this input.
    pub title: Option<String>,
    pub docs: Vec<Loaded>,
    /// About the input as a whole (entries skipped).
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
    /// An `http://` or `https://` address.
    Url(String),
}

impl Source {
    pub fn from_arg(arg: Option<&Path>) -> Source {
        match arg {
            None => Source::Sample,
            Some(p) if p.as_os_str() == "-" => Source::Stdin,
            Some(p) => match p.to_str() {
                Some(s) if url::is_url(s) => Source::Url(s.to_string()),
                _ => Source::File(p.to_path_buf()),
            },
        }
    }

    pub fn name(&self) -> String {
        match self {
            Source::Sample => SAMPLE_NAME.to_string(),
            Source::Stdin => "<stdin>".to_string(),
            Source::File(p) => p.display().to_string(),
            Source::Url(u) => u.clone(),
        }
    }

    /// A stable name for where the article comes from, whatever the
    /// working folder: `file:` and the absolute path, `url:` and the URL,
    /// `stdin`, or `sample:` and the sample's name. The review store finds a file's marks by it
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
            Source::Url(u) => format!("url:{u}"),
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
            Source::Url(u) => url_stem(u),
        }
    }
}

/// The file stem an export of `doc` is written under: its source's, and
/// the entry's number for one of a feed's or a JSON array's articles
/// (`feed-0003`).
pub fn stem_of(doc: &Document) -> String {
    let from = doc
        .origin
        .as_ref()
        .map_or(doc.name.as_str(), |o| o.from.as_str());
    let stem = if from == "<stdin>" {
        "stdin".to_string()
    } else if url::is_url(from) {
        url_stem(from)
    } else {
        Source::File(PathBuf::from(from)).stem()
    };
    match doc.origin.as_ref().and_then(|o| o.entry) {
        Some(n) => format!("{stem}-{n:04}"),
        None => stem,
    }
}

/// A URL's last path segment without its extension, else its host, as a
/// file name: `https://h/news/story-1.html` → `story-1`.
fn url_stem(u: &str) -> String {
    let rest = u.split_once("://").map_or(u, |(_, r)| r);
    let path = rest.split(['?', '#']).next().unwrap_or(rest);
    let last = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(path);
    let stem = last.rsplit_once('.').map_or(last, |(s, _)| s);
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if clean.trim_matches('-').is_empty() {
        "page".to_string()
    } else {
        clean
    }
}

/// Reads and loads one source: its first document (the first entry of a
/// feed). [`load_all`] gives them all.
pub fn load(source: &Source) -> Result<Loaded, LoadError> {
    let mut parsed = load_all(source)?;
    let mut first = parsed.docs.swap_remove(0);
    first.warnings.append(&mut parsed.warnings);
    Ok(first)
}

/// Reads and parses one source: every document it holds.
pub fn load_all(source: &Source) -> Result<Parsed, LoadError> {
    let mut parsed = if *source == Source::Sample {
        single(load_bytes(
            &source.name(),
            SAMPLE_BRIEFING.as_bytes(),
            None,
        )?)
    } else {
        parse(input::read(source)?)?
    };
    for d in &mut parsed.docs {
        d.source = Some(source.clone());
    }
    Ok(parsed)
}

/// Expands directories among `paths` into the article files they hold
/// (see [`walk`]); other paths pass through.
pub fn expand_paths(paths: &[PathBuf]) -> Result<Vec<Source>, LoadError> {
    Ok(walk(paths)?
        .items
        .into_iter()
        .flat_map(|i| match i {
            Item::One(s) => vec![s],
            Item::Folder { sources, .. } => sources,
        })
        .collect())
}

/// Parses `bytes` as whatever they are (text, Markdown, a page, a feed,
/// JSON), `extension` being the file name's, if any.
pub fn parse_bytes(name: &str, bytes: &[u8], extension: Option<&str>) -> Result<Parsed, LoadError> {
    if input::looks_binary(&bytes[..bytes.len().min(input::FIRST_BLOCK)]) {
        return Err(LoadError::NotText {
            name: name.to_string(),
        });
    }
    parse(input::Input::new(name, bytes.to_vec(), extension))
}

fn single(loaded: Loaded) -> Parsed {
    Parsed {
        title: None,
        docs: vec![loaded],
        warnings: Vec::new(),
    }
}

/// Parses an input by its kind.
fn parse(input: input::Input) -> Result<Parsed, LoadError> {
    let input::Input {
        name,
        bytes,
        extension,
        mime,
        charset,
    } = input;
    // UTF-16 is read as the UTF-8 it stands for.
    let bytes = charset::utf16_to_utf8(&bytes).unwrap_or(bytes);
    if bytes.len() > input::MAX_LEN {
        return Err(LoadError::TooLarge { name });
    }
    match sniff::kind(&bytes, mime.as_deref(), extension.as_deref()) {
        sniff::Kind::Text => {
            // A server's type stands in for the extension a file would have.
            let ext = match mime.as_deref() {
                Some("text/markdown" | "text/x-markdown") => Some("md"),
                Some("text/plain") => Some("txt"),
                _ => extension.as_deref(),
            };
            Ok(single(load_vec(&name, bytes, ext)?))
        }
        sniff::Kind::Html => {
            let decoded = charset::decode(&name, &bytes, charset.as_deref());
            let doc = html::parse(&name, &decoded.text)?;
            Ok(single(Loaded {
                doc,
                warnings: decoded.warning.into_iter().collect(),
                source: None,
            }))
        }
        sniff::Kind::Feed => feed::parse(&name, &bytes, charset.as_deref()),
        sniff::Kind::Json => {
            let text =
                String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes));
            json::parse(&name, &text)
        }
    }
}

use input::MAX_LEN;

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
    Ok(Loaded {
        doc,
        warnings,
        source: None,
    })
}

use input::is_binary as looks_binary;

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

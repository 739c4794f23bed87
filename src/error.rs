//! Error types of the library. The binary turns each into one line on
//! stderr: `briefing: FILE: what is wrong`.

use std::path::PathBuf;

/// Why an input could not be read as an article.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{name}: no text to read")]
    Empty { name: String },
    #[error("{name}: not a text file")]
    NotText { name: String },
    #[error("{name}: too large to read (over 4 GiB)")]
    TooLarge { name: String },
    #[error("{name}: is a folder; give the files in it, or use `briefing export`")]
    IsDirectory { name: String },
    #[error("{name}: no articles in this folder (text, Markdown, HTML, RSS/Atom/JSON feeds, JSON)")]
    EmptyDirectory { name: String },
    /// An input over a limit smaller than the 4 GiB of a text buffer (a
    /// download, a page to extract).
    #[error("{name}: too large to read (over {limit})")]
    OverLimit { name: String, limit: &'static str },
    /// A page, feed or JSON input that cannot be parsed as one.
    #[error("{name}: not a valid {what}: {message}")]
    Malformed {
        name: String,
        what: &'static str,
        message: String,
    },
    /// A page, feed or JSON input that parses but holds no article text.
    #[error("{name}: no article text in this {what}")]
    NoArticleText { name: String, what: &'static str },
    /// A URL answered with an HTTP error status.
    #[error("{name}: HTTP {status} {reason}")]
    Http {
        name: String,
        status: u16,
        reason: String,
    },
    /// A URL could not be fetched (no connection, a timeout, too many
    /// redirects…).
    #[error("{name}: {message}")]
    Fetch { name: String, message: String },
    #[error("{name}: {source}")]
    Io {
        name: String,
        #[source]
        source: std::io::Error,
    },
    /// A bug met while loading or analysing it (a panic, caught): the other
    /// articles are not affected.
    #[error("{name}: could not be analysed (internal error: {message}); please report it")]
    Internal { name: String, message: String },
}

/// Why an export could not be written as asked.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// `briefing quotes --actor NAME` matched no speaker.
    #[error(
        "{name}: no quoted actor matches \"{filter}\" (quoted: {})",
        quoted_list(quoted)
    )]
    NoQuotedActor {
        name: String,
        filter: String,
        /// The speakers the article does quote, sorted.
        quoted: Vec<String>,
    },
    /// `briefing explain --sentence N` past the article's last sentence.
    #[error("{name}: no sentence {number} (the article has {count})")]
    NoSuchSentence {
        name: String,
        number: usize,
        count: usize,
    },
    /// `briefing explain --grep TEXT` matched no sentence.
    #[error("{name}: no sentence contains \"{text}\"")]
    NoSentenceMatches { name: String, text: String },
}

fn quoted_list(names: &[String]) -> String {
    if names.is_empty() {
        "none".to_string()
    } else {
        names.join(", ")
    }
}

/// Why a configuration file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

/// Why a briefing could not be opened in the reader.
#[derive(Debug, thiserror::Error)]
pub enum BriefingError {
    /// None of the sources loads; each one's error, in the order given.
    #[error("no article loads ({} tried)", errors.len())]
    NoArticle { errors: Vec<LoadError> },
}

/// Why the reader stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ReaderError {
    /// The terminal could not be set up, read or drawn on.
    #[error("terminal: {0}")]
    Terminal(#[from] std::io::Error),
}

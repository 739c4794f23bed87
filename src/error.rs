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
    #[error("{name}: no article files (*.txt, *.md) in this folder")]
    EmptyDirectory { name: String },
    #[error("{name}: {source}")]
    Io {
        name: String,
        #[source]
        source: std::io::Error,
    },
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

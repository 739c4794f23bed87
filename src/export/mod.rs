//! Views that write a briefing out: the JSON export (a stable, versioned
//! schema), the Markdown export, the plain-text reading, and `explain`
//! (why each position, red line and quote is there).

pub mod explain;
pub mod json;
pub mod markdown;
pub mod plain;
pub mod quotes;
mod safe_json;
pub mod summary;

use std::str::FromStr;

/// The export formats `briefing export --format` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Md,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Md => "md",
        }
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "json" => Ok(Format::Json),
            "md" | "markdown" => Ok(Format::Md),
            other => Err(format!("unknown format `{other}` (json, md)")),
        }
    }
}

//! Where the user's configuration file is and how a bad line is reported:
//! `--config FILE`, else `$BRIEFING_CONFIG`, else `config.toml` in the
//! platform config folder (`~/.config/briefing/` on Linux). A missing default
//! file means defaults; a file the user named must exist. Unknown keys are
//! errors: a typo must never be silently ignored.
//!
//! This module knows no section: each part of the program owns the type of
//! its own (`[lexicon]` in `lexicon`, `[reader]`, `[theme]` and `[keys]` in
//! `tui`) and the command line composes them into one file type.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::error::ConfigError;

/// Where the configuration was looked for, in order of precedence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigSource {
    /// Named by `--config` or `$BRIEFING_CONFIG`: must exist.
    Explicit(PathBuf),
    /// The platform default: may be missing.
    Default(PathBuf),
    /// No config folder on this platform.
    None,
}

impl ConfigSource {
    pub fn resolve(cli: Option<&Path>) -> ConfigSource {
        if let Some(p) = cli {
            return ConfigSource::Explicit(p.to_path_buf());
        }
        if let Some(p) = std::env::var_os("BRIEFING_CONFIG").filter(|v| !v.is_empty()) {
            return ConfigSource::Explicit(PathBuf::from(p));
        }
        match directories::ProjectDirs::from("", "", "briefing") {
            Some(dirs) => ConfigSource::Default(dirs.config_dir().join("config.toml")),
            None => ConfigSource::None,
        }
    }
}

/// Reads the configuration from `source` as a `T`: defaults when the
/// platform's default file is missing, an error naming the file otherwise.
pub fn load<T: DeserializeOwned + Default>(source: &ConfigSource) -> Result<T, ConfigError> {
    let (path, required) = match source {
        ConfigSource::Explicit(p) => (p, true),
        ConfigSource::Default(p) => (p, false),
        ConfigSource::None => return Ok(T::default()),
    };
    match std::fs::read_to_string(path) {
        Ok(text) => parse(path, &text),
        Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => Ok(T::default()),
        Err(e) => Err(ConfigError::Io {
            path: path.clone(),
            source: e,
        }),
    }
}

/// Parses a config file's text; `path` names it in errors, with the line
/// and column of the mistake.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, ConfigError> {
    toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
        ConfigError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: e.message().trim().replace('\n', " "),
        }
    })
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq, serde::Deserialize)]
    #[serde(deny_unknown_fields, default)]
    struct File {
        part: Part,
    }

    #[derive(Debug, Default, PartialEq, serde::Deserialize)]
    #[serde(deny_unknown_fields, default)]
    struct Part {
        width: u16,
        words: Vec<String>,
    }

    #[test]
    fn unknown_key_is_named_with_its_line() {
        let err = parse::<File>(Path::new("c.toml"), "[part]\nwidht = 80\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("c.toml:2:1: "), "{msg}");
        assert!(msg.contains("widht"), "{msg}");
    }

    #[test]
    fn malformed_file_reports_line_and_column() {
        let err = parse::<File>(Path::new("c.toml"), "[part]\nwidth = \n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("c.toml:2:"), "{msg}");
    }

    #[test]
    fn wrong_type_names_what_was_expected() {
        let err = parse::<File>(Path::new("c.toml"), "[part]\nwidth = \"wide\"\n").unwrap_err();
        assert!(
            err.to_string().contains("u16") || err.to_string().contains("integer"),
            "{err}"
        );
    }

    #[test]
    fn missing_default_file_means_defaults_but_missing_named_file_is_an_error() {
        let missing = PathBuf::from("/nonexistent/briefing/config.toml");
        assert_eq!(
            load::<File>(&ConfigSource::Default(missing.clone())).unwrap(),
            File::default()
        );
        let err = load::<File>(&ConfigSource::Explicit(missing)).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("/nonexistent/briefing/config.toml: "),
            "{err}"
        );
    }

    #[test]
    fn sections_are_read_into_their_types() {
        let f: File = parse(Path::new("c.toml"), "[part]\nwords = [\"a|b\"]\n").unwrap();
        assert_eq!(f.part.words, ["a|b"]);
        assert_eq!(f.part.width, 0);
    }
}

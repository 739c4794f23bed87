//! Where the user's configuration file is and how a bad line is reported:
//! `--config FILE`, else `$BRIEFING_CONFIG`, else `config.toml` in the
//! platform config folder (`~/.config/briefing/` on Linux). A missing default
//! file means defaults, and so does one that cannot be read (with a warning:
//! the user did not ask for it by name); a file the user named must exist
//! and be readable. Unknown keys are errors: a typo must never be silently
//! ignored.
//!
//! This module knows no section: each part of the program owns the type of
//! its own (`[lexicon]` in `lexicon`, `[reader]`, `[theme]` and `[keys]` in
//! `tui`) and the command line composes them into one file type.

use std::ops::Range;
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

/// A configuration as read.
#[derive(Debug)]
pub struct Loaded<T> {
    pub config: T,
    /// The platform's default file exists but could not be read, so the
    /// defaults are used: why, for a warning.
    pub warning: Option<ConfigError>,
}

/// Reads the configuration from `source` as a `T`: defaults when the
/// platform's default file is missing or unreadable (the latter with a
/// warning), an error naming the file otherwise.
pub fn load<T: DeserializeOwned + Default>(
    source: &ConfigSource,
) -> Result<Loaded<T>, ConfigError> {
    let defaults = |warning| Loaded {
        config: T::default(),
        warning,
    };
    let (path, required) = match source {
        ConfigSource::Explicit(p) => (p, true),
        ConfigSource::Default(p) => (p, false),
        ConfigSource::None => return Ok(defaults(None)),
    };
    match std::fs::read_to_string(path) {
        Ok(text) => parse(path, &text).map(|config| Loaded {
            config,
            warning: None,
        }),
        Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => Ok(defaults(None)),
        Err(e) => {
            let error = ConfigError::Io {
                path: path.clone(),
                source: e,
            };
            if required {
                Err(error)
            } else {
                Ok(defaults(Some(error)))
            }
        }
    }
}

/// Marks the start of a message that carries its own place in the file.
const AT: char = '\u{1}';

/// A section's error about the value at `span` (byte offsets in the file,
/// as `toml::Spanned` gives them) rather than where the parser was when the
/// section failed: a clash found once the whole section is read is then
/// reported at the line of the value that clashes, not of its `[section]`.
pub fn error_at(span: Range<usize>, message: &str) -> String {
    format!("{AT}{}{AT}{message}", span.start)
}

/// The offset and message of an [`error_at`] message.
fn placed(message: &str) -> Option<(usize, &str)> {
    let rest = message.strip_prefix(AT)?;
    let (offset, message) = rest.split_once(AT)?;
    Some((offset.parse().ok()?, message))
}

/// Parses a config file's text; `path` names it in errors, with the line
/// and column of the mistake.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, ConfigError> {
    toml::from_str(text).map_err(|e| {
        let (start, message) = match placed(e.message()) {
            Some((offset, message)) => (Some(offset), message),
            None => (e.span().map(|s| s.start), e.message()),
        };
        let (line, column) = start.map(|s| line_col(text, s)).unwrap_or((1, 1));
        ConfigError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: message.trim().replace('\n', " "),
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
        let loaded = load::<File>(&ConfigSource::Default(missing.clone())).unwrap();
        assert_eq!(loaded.config, File::default());
        assert!(loaded.warning.is_none());
        let err = load::<File>(&ConfigSource::Explicit(missing)).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("/nonexistent/briefing/config.toml: "),
            "{err}"
        );
    }

    #[test]
    fn an_unreadable_default_file_means_defaults_with_a_warning() {
        // A folder where the file should be: it exists, it cannot be read.
        let dir = std::env::temp_dir().join(format!("briefing-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let loaded = load::<File>(&ConfigSource::Default(dir.clone())).unwrap();
        assert_eq!(loaded.config, File::default());
        let warning = loaded.warning.expect("a warning").to_string();
        assert!(
            warning.starts_with(&format!("{}: ", dir.display())),
            "{warning}"
        );
        // Named by the user, it is an error.
        assert!(load::<File>(&ConfigSource::Explicit(dir.clone())).is_err());
        let _ = std::fs::remove_dir(dir);
    }

    #[test]
    fn an_error_placed_on_a_value_names_its_line() {
        #[derive(Debug)]
        struct Clash;
        impl<'de> serde::Deserialize<'de> for Clash {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                #[derive(serde::Deserialize)]
                struct Raw {
                    #[allow(dead_code)]
                    a: u8,
                    b: toml::Spanned<u8>,
                }
                let raw = Raw::deserialize(d)?;
                Err(serde::de::Error::custom(error_at(
                    raw.b.span(),
                    "b clashes",
                )))
            }
        }
        #[derive(Debug, serde::Deserialize)]
        struct Top {
            #[allow(dead_code)]
            part: Clash,
        }
        let err = parse::<Top>(Path::new("c.toml"), "[part]\na = 1\n\nb = 2\n").unwrap_err();
        assert_eq!(err.to_string(), "c.toml:4:5: b clashes");
    }

    #[test]
    fn sections_are_read_into_their_types() {
        let f: File = parse(Path::new("c.toml"), "[part]\nwords = [\"a|b\"]\n").unwrap();
        assert_eq!(f.part.words, ["a|b"]);
        assert_eq!(f.part.width, 0);
    }
}

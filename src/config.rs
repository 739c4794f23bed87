//! The user's configuration: `--config FILE`, else `$BRIEFING_CONFIG`, else
//! `config.toml` in the platform config folder (`~/.config/briefing/` on
//! Linux). A missing default file means defaults; a file the user named must
//! exist. Unknown keys are errors: a typo must never be silently ignored.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::ConfigError;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub reader: ReaderConfig,
    pub lexicon: LexiconConfig,
    /// Colours of the reader (`[theme]`, defined with the reader).
    pub theme: crate::tui::ThemeConfig,
    /// Key bindings of the reader (`[keys]`, defined with the reader).
    pub keys: crate::tui::KeysConfig,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReaderConfig {
    /// Longest line the article is wrapped to, in columns; 0 = the pane width.
    pub wrap_width: u16,
}

impl Default for ReaderConfig {
    fn default() -> Self {
        ReaderConfig { wrap_width: 100 }
    }
}

/// Words and phrases added to the built-in lexicons in `assets/lexicon/`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LexiconConfig {
    /// Verbs that introduce speech, as `base` or `base|past` (`"rage|raged"`).
    pub speech_verbs: Vec<String>,
    /// Titles and roles that precede a name (`"Deputy Governor"`).
    pub titles: Vec<String>,
    /// News agencies and outlets (`"Daily Planet"`).
    pub news_outlets: Vec<String>,
    /// Phrases that mark a red line (`"line in the sand"`).
    pub red_line_phrases: Vec<String>,
}

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

impl Config {
    pub fn load(source: &ConfigSource) -> Result<Config, ConfigError> {
        let (path, required) = match source {
            ConfigSource::Explicit(p) => (p, true),
            ConfigSource::Default(p) => (p, false),
            ConfigSource::None => return Ok(Config::default()),
        };
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(path, &text),
            Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => {
                Ok(Config::default())
            }
            Err(e) => Err(ConfigError::Io {
                path: path.clone(),
                source: e,
            }),
        }
    }

    /// Parses a config file's text; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
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

    #[test]
    fn example_config_documents_the_defaults() {
        let text = include_str!("../config.example.toml");
        let parsed = Config::parse(Path::new("config.example.toml"), text).expect("example parses");
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn unknown_key_is_named_with_its_line() {
        let err = Config::parse(Path::new("c.toml"), "[reader]\nwrap_widht = 80\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("c.toml:2:1: "), "{msg}");
        assert!(msg.contains("wrap_widht"), "{msg}");
    }

    #[test]
    fn malformed_file_reports_line_and_column() {
        let err = Config::parse(Path::new("c.toml"), "[reader]\nwrap_width = \n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("c.toml:2:"), "{msg}");
    }

    #[test]
    fn wrong_type_names_what_was_expected() {
        let err =
            Config::parse(Path::new("c.toml"), "[reader]\nwrap_width = \"wide\"\n").unwrap_err();
        assert!(
            err.to_string().contains("u16") || err.to_string().contains("integer"),
            "{err}"
        );
    }

    #[test]
    fn missing_default_file_means_defaults_but_missing_named_file_is_an_error() {
        let missing = PathBuf::from("/nonexistent/briefing/config.toml");
        assert_eq!(
            Config::load(&ConfigSource::Default(missing.clone())).unwrap(),
            Config::default()
        );
        let err = Config::load(&ConfigSource::Explicit(missing)).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("/nonexistent/briefing/config.toml: "),
            "{err}"
        );
    }

    #[test]
    fn lexicon_additions_are_read() {
        let c = Config::parse(
            Path::new("c.toml"),
            "[lexicon]\nspeech_verbs = [\"rage|raged\"]\n",
        )
        .unwrap();
        assert_eq!(c.lexicon.speech_verbs, ["rage|raged"]);
    }
}

//! Word lists the analysis reads: speech cues, titles, news outlets, places
//! and red-line phrases. They are data (`assets/lexicon/*.toml`, embedded in
//! the binary) and the user's config can add to them.

use crate::config::LexiconConfig;

/// The lexicons, ready for matching.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub speech_verbs: Vec<String>,
    pub titles: Vec<String>,
    pub news_outlets: Vec<String>,
    pub red_line_phrases: Vec<String>,
}

impl Lexicon {
    /// The built-in lexicons.
    pub fn builtin() -> Lexicon {
        Lexicon::default()
    }

    /// The built-in lexicons extended by the user's additions.
    pub fn with_config(extra: &LexiconConfig) -> Lexicon {
        let mut lex = Lexicon::builtin();
        lex.speech_verbs.extend(extra.speech_verbs.iter().cloned());
        lex.titles.extend(extra.titles.iter().cloned());
        lex.news_outlets.extend(extra.news_outlets.iter().cloned());
        lex.red_line_phrases
            .extend(extra.red_line_phrases.iter().cloned());
        lex
    }
}

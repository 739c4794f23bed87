//! The command line: parsing (clap), dispatch, and the one place where
//! library errors become a line on stderr and an exit code.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::briefing;
use crate::config::{self, ConfigSource};
use crate::error::BriefingError;
use crate::export::{self, Format};
use crate::lexicon::{Lexicon, LexiconConfig};
use crate::load::{self, Source};
use crate::model::Document;
use crate::review::{Meta, Mode, Review, Store};

/// Exit code for a runtime error (bad input, unreadable file, bad config).
pub const EXIT_FAILURE: i32 = 1;
/// Exit code for a usage error (clap uses it too).
pub const EXIT_USAGE: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "briefing",
    version,
    about = "A terminal reader for news briefings: who is involved, what each said, \
             what each wants and where each will not move.",
    after_help = "With no PATH, opens the built-in sample briefing. When standard output \
                  is not a terminal, prints a plain-text reading instead of the reader.\n\n\
                  Review marks (reviewed, starred, notes) are kept per article in \
                  $BRIEFING_DATA_DIR/reviews, else the platform data folder \
                  (~/.local/share/briefing/reviews on Linux)."
)]
pub struct Cli {
    /// Configuration file (default: $BRIEFING_CONFIG, else the platform config folder).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Article to read: a text or Markdown file, a folder of them, or `-` for standard input.
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print each article's section outline with paragraph counts.
    Sections {
        /// Articles (files, folders or `-`); default: the sample briefing.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print each article's quotes, grouped by who said them.
    Quotes {
        /// Only the quotes of actors whose name contains this (any case).
        #[arg(long, value_name = "NAME")]
        actor: Option<String>,
        /// Articles (files, folders or `-`); default: the sample briefing.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print each article's summary: headline, lead, key actors, red lines
    /// and positions by holder, key quotes and a short digest.
    Summary {
        /// Output format.
        #[arg(long, short, value_enum, default_value = "text")]
        format: export::summary::SummaryFormat,
        /// Articles (files, folders or `-`); default: the sample briefing.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Explain each position, red line and attributed quote: the sentence,
    /// then per decision its holder or speaker, the rule (or the model) that
    /// decided it and its trigger or cue.
    #[command(
        after_help = "Sentences are numbered from 1 in text order ([N] in the output); \
                      ¶N is the paragraph, as `briefing quotes` numbers them."
    )]
    Explain {
        /// Only sentence N (1-based), shown even with nothing to explain.
        #[arg(long, value_name = "N", conflicts_with = "grep")]
        sentence: Option<usize>,
        /// Only the sentences containing TEXT (any case).
        #[arg(long, value_name = "TEXT")]
        grep: Option<String>,
        /// Output format.
        #[arg(long, short, value_enum, default_value = "text")]
        format: export::explain::ExplainFormat,
        /// Articles (files, folders or `-`); default: the sample briefing.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Write the review memo (Markdown) of each article: title, source,
    /// progress, the summary, red lines by holder, starred items, notes and
    /// orphaned items.
    #[command(
        after_help = "Without --out, the memo goes to standard output. A file that is not an \
                      unedited briefing memo is never written over without --force."
    )]
    Memo {
        /// Write the memo (of every article given) to FILE.
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Write over FILE even when it is not an unedited briefing memo.
        #[arg(long, requires = "out")]
        force: bool,
        /// Articles (files, folders or `-`); default: the sample briefing.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Report on the review of each article without opening the reader.
    Review {
        /// Print each article's progress: reviewed of all items, starred,
        /// with notes, orphaned, and its review file (the default).
        #[arg(long)]
        status: bool,
        /// Articles (files, folders or `-`); default: the sample briefing.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Export articles as JSON (schema 1) or Markdown.
    Export {
        /// Output format.
        #[arg(long, short, value_enum, default_value = "json")]
        format: Format,
        /// Write one file per input, DIR/<input file stem>.<json|md>, instead of to stdout.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        /// Articles (files, folders or `-`); default: the sample briefing.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

/// The configuration file: each section is the type of the part it
/// configures.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub reader: crate::tui::ReaderConfig,
    pub lexicon: LexiconConfig,
    pub theme: crate::tui::ThemeConfig,
    pub keys: crate::tui::KeysConfig,
}

impl Settings {
    /// Parses a configuration file's text; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Settings, crate::error::ConfigError> {
        config::parse(path, text)
    }

    /// What the reader is configured with.
    fn reader_options(
        &self,
        colour: crate::tui::ColourMode,
        clipboard: crate::tui::Clipboard,
    ) -> crate::tui::Options {
        crate::tui::Options {
            reader: self.reader.clone(),
            theme: self.theme.clone(),
            keys: self.keys.clone(),
            colour,
            clipboard,
            store: None,
        }
    }
}

/// An error already phrased for the user (`FILE: what is wrong`).
struct Failure(String);

impl<E: std::error::Error> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    // The reader reports its time to first frame from here.
    let started = std::time::Instant::now();
    let cli = match Cli::try_parse() {
        // `args_conflicts_with_subcommands` would also reject the global
        // `--config` before a subcommand, so the conflict is checked here.
        Ok(cli) if cli.path.is_some() && cli.command.is_some() => {
            let e = <Cli as clap::CommandFactory>::command().error(
                clap::error::ErrorKind::ArgumentConflict,
                "a PATH before a subcommand; put the paths after it (`briefing export FILE`)",
            );
            let _ = e.print();
            return EXIT_USAGE;
        }
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with code 0; usage errors exit 2.
            let _ = e.print();
            return if e.use_stderr() { EXIT_USAGE } else { 0 };
        }
    };
    match run(cli, started) {
        Ok(code) => code,
        Err(Failure(msg)) => {
            eprintln!("briefing: {msg}");
            EXIT_FAILURE
        }
    }
}

fn run(cli: Cli, started: std::time::Instant) -> Result<i32, Failure> {
    // The loader's patterns take a few milliseconds to compile: on another
    // core, while the configuration and the lexicon are read.
    std::thread::spawn(crate::load::warm_up);
    let loaded = config::load::<Settings>(&ConfigSource::resolve(cli.config.as_deref()))?;
    if let Some(w) = &loaded.warning {
        eprintln!("briefing: warning: {w}; using the default settings");
    }
    let config = loaded.config;
    // Built by the commands that analyse (`sections` does not).
    let lexicon = || Lexicon::with_config(&config.lexicon);
    match cli.command {
        None => read(cli.path.as_deref(), &config, &lexicon(), started),
        Some(Command::Sections { paths }) => {
            each_source(&paths, |doc| emit(&sections_outline(doc)))
        }
        Some(Command::Quotes { actor, paths }) => {
            let lexicon = lexicon();
            each_article(&paths, &lexicon, |a| {
                let text = export::quotes::to_string(&a.doc, &a.analysis, actor.as_deref())?;
                emit(&text)
            })
        }
        Some(Command::Summary { format, paths }) => {
            let lexicon = lexicon();
            let mut first = true;
            each_article(&paths, &lexicon, |a| {
                let body = summary_view(&a.doc, &a.analysis, format);
                if !first {
                    emit("\n")?;
                }
                first = false;
                emit(&body)
            })
        }
        Some(Command::Explain {
            sentence,
            grep,
            format,
            paths,
        }) => {
            let lexicon = lexicon();
            let select = export::explain::Select { sentence, grep };
            let several = paths.len() > 1 || paths.iter().any(|p| p.is_dir());
            let mut first = true;
            each_article(&paths, &lexicon, |a| {
                use export::explain::{self as explain, ExplainFormat as F};
                let body = match format {
                    F::Text => explain::to_text(&a.doc, &a.analysis, &select)?,
                    F::Json => explain::to_json(&a.doc, &a.analysis, &select, !several)?,
                };
                // Text articles are set apart by a blank line; JSON is one
                // document per line when there are several.
                if !first && format == F::Text {
                    emit("\n")?;
                }
                first = false;
                emit(&body)
            })
        }
        Some(Command::Export {
            format,
            out_dir,
            paths,
        }) => export_all(&paths, format, out_dir.as_deref(), &lexicon()),
        Some(Command::Memo { out, force, paths }) => {
            memo_all(&paths, out.as_deref(), force, &lexicon())
        }
        Some(Command::Review { status: _, paths }) => {
            let lexicon = lexicon();
            let store = review_store();
            each_article(&paths, &lexicon, |a| {
                let review = review_of(store.as_ref(), a);
                emit(&status_line(store.as_ref(), &review))
            })
        }
    }
}

/// The review store, or a warning why marks cannot be read.
fn review_store() -> Option<Store> {
    match Store::from_env() {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("briefing: warning: {e}");
            None
        }
    }
}

/// An article's review as stored (read only: a bad file is left alone and
/// reported).
fn review_of(store: Option<&Store>, a: &briefing::Article) -> Review {
    let meta = Meta::of(&a.doc, a.source.identity());
    let state = store.and_then(|store| {
        let loaded = store.load(&meta, Mode::ReadOnly);
        for w in &loaded.warnings {
            eprintln!("briefing: warning: {w}");
        }
        loaded.state
    });
    match state {
        Some(s) => Review::with_state(&a.doc, &a.analysis, meta, &s),
        None => Review::new(&a.doc, &a.analysis, meta),
    }
}

/// `briefing review --status`: one line per article.
fn status_line(store: Option<&Store>, review: &Review) -> String {
    let p = review.progress();
    let mut line = format!(
        "{}: {} / {} reviewed · {} starred · {} with notes",
        crate::text::sanitize(&review.meta().name),
        p.reviewed,
        p.total,
        p.starred,
        p.noted
    );
    if p.orphans > 0 {
        line.push_str(&format!(" · {} orphaned", p.orphans));
    }
    if let Some(store) = store {
        let path = store.path_of(&review.meta().text_sha256);
        if path.exists() {
            line.push_str(&format!(" · {}", path.display()));
        } else {
            line.push_str(" · no marks yet");
        }
    }
    line.push('\n');
    line
}

/// `briefing memo`: the memos of every article, to stdout or one file.
fn memo_all(
    paths: &[PathBuf],
    out: Option<&Path>,
    force: bool,
    lexicon: &Lexicon,
) -> Result<i32, Failure> {
    let store = review_store();
    let now = crate::review::clock::now();
    let mut memos = Vec::new();
    let code = each_article(paths, lexicon, |a| {
        let review = review_of(store.as_ref(), a);
        let summary = crate::summary::build(&a.doc, &a.analysis);
        memos.push(crate::review::memo::render(
            &a.doc,
            &a.analysis,
            &summary,
            &review,
            now,
        ));
        Ok(())
    })?;
    if memos.is_empty() {
        return Ok(code);
    }
    let text = crate::review::memo::document(&memos);
    match out {
        None => emit(&text)?,
        Some(file) => {
            crate::review::memo::write(file, &text, force)?;
            eprintln!("briefing: memo written to {}", file.display());
        }
    }
    Ok(code)
}

/// `briefing [PATH]`: the reader on a terminal, else the plain reading.
fn read(
    path: Option<&Path>,
    config: &Settings,
    lexicon: &Lexicon,
    started: std::time::Instant,
) -> Result<i32, Failure> {
    let sources = match path {
        Some(p) if p.is_dir() => load::expand_paths(&[p.to_path_buf()])?,
        _ => vec![Source::from_arg(path)],
    };
    if std::io::stdout().is_terminal() {
        let mut options = config.reader_options(
            crate::tui::ColourMode::from_env(),
            crate::tui::Clipboard::from_env(std::io::stdout().is_terminal()),
        );
        options.store = review_store();
        let store = options.store.clone();
        let prepare = move |a| crate::tui::Article::prepare_reviewed(a, store.as_ref());
        let opened = match briefing::open(sources, lexicon, prepare) {
            Ok(opened) => opened,
            Err(BriefingError::NoArticle { mut errors }) => {
                // Every error on its own line, the last one as the failure.
                let last = errors.pop().map(|e| e.to_string()).unwrap_or_default();
                for e in &errors {
                    eprintln!("briefing: {e}");
                }
                return Err(Failure(last));
            }
        };
        for w in &opened.warnings {
            eprintln!("briefing: warning: {w}");
        }
        for e in &opened.skipped {
            eprintln!("briefing: {e}");
        }
        return Ok(crate::tui::run(
            opened.briefing,
            opened.loader,
            &options,
            started,
        )?);
    }
    let mut first = true;
    let mut code = 0;
    for source in &sources {
        match read_source(source, lexicon) {
            Ok(a) => {
                if !first {
                    emit("\n")?;
                }
                first = false;
                emit(&export::plain::to_string(&a.doc, &a.analysis))?;
            }
            Err(Failure(msg)) => {
                eprintln!("briefing: {msg}");
                code = EXIT_FAILURE;
            }
        }
    }
    Ok(code)
}

/// Loads one source, printing its warnings.
fn load_source(source: &Source) -> Result<Document, Failure> {
    let loaded = load::load(source)?;
    for w in &loaded.warnings {
        eprintln!("briefing: warning: {w}");
    }
    Ok(loaded.doc)
}

/// Loads and analyses one source, printing its warnings.
fn read_source(source: &Source, lexicon: &Lexicon) -> Result<briefing::Article, Failure> {
    let read = briefing::read(source, lexicon)?;
    for w in &read.warnings {
        eprintln!("briefing: warning: {w}");
    }
    Ok(read.article)
}

/// The sources `paths` name (the sample when there are none).
fn sources_of(paths: &[PathBuf]) -> Result<Vec<Source>, Failure> {
    Ok(if paths.is_empty() {
        vec![Source::Sample]
    } else {
        load::expand_paths(paths)?
    })
}

/// Runs `f` on every article named by `paths`, loaded and analysed. A bad
/// article is reported and skipped; the exit code says whether any failed.
fn each_article(
    paths: &[PathBuf],
    lexicon: &Lexicon,
    mut f: impl FnMut(&briefing::Article) -> Result<(), Failure>,
) -> Result<i32, Failure> {
    let mut code = 0;
    for source in &sources_of(paths)? {
        if let Err(Failure(msg)) = read_source(source, lexicon).and_then(|a| f(&a)) {
            eprintln!("briefing: {msg}");
            code = EXIT_FAILURE;
        }
    }
    Ok(code)
}

/// Runs `f` on every document named by `paths` (the sample when empty),
/// without analysing it. A bad article is reported and skipped; the exit
/// code says whether any failed.
fn each_source(
    paths: &[PathBuf],
    mut f: impl FnMut(&Document) -> Result<(), Failure>,
) -> Result<i32, Failure> {
    let mut code = 0;
    for source in &sources_of(paths)? {
        match load_source(source).and_then(|doc| f(&doc)) {
            Ok(()) => {}
            Err(Failure(msg)) => {
                eprintln!("briefing: {msg}");
                code = EXIT_FAILURE;
            }
        }
    }
    Ok(code)
}

/// The outline `briefing sections` prints for one article.
pub fn sections_outline(doc: &Document) -> String {
    let mut out = format!("{}\n", crate::text::sanitize(&doc.name));
    let label = |h: Option<crate::span::Span>| match h {
        Some(h) => crate::text::reflow(doc.span_text(h)),
        None => "(opening)".to_string(),
    };
    let width = doc
        .sections
        .iter()
        .map(|s| unicode_width::UnicodeWidthStr::width(label(s.heading).as_str()))
        .max()
        .unwrap_or(0);
    for s in &doc.sections {
        let l = label(s.heading);
        let pad = width - unicode_width::UnicodeWidthStr::width(l.as_str());
        let n = s.paragraphs.len();
        let noun = if n == 1 { "paragraph" } else { "paragraphs" };
        out.push_str(&format!("  {l}{}  {n:>3} {noun}\n", " ".repeat(pad)));
    }
    out
}

/// The summary of one article in the format asked for.
fn summary_view(
    doc: &crate::model::Document,
    analysis: &crate::model::Analysis,
    format: export::summary::SummaryFormat,
) -> String {
    use export::summary::SummaryFormat as F;
    match format {
        F::Text => {
            let s = crate::summary::build(doc, analysis);
            export::summary::to_text(doc, analysis, &s)
        }
        F::Md => {
            let s = crate::summary::build(doc, analysis);
            export::summary::to_markdown(doc, analysis, &s)
        }
        F::Json => export::json::summary_to_string(doc, analysis) + "\n",
    }
}

fn export_all(
    paths: &[PathBuf],
    format: Format,
    out_dir: Option<&Path>,
    lexicon: &Lexicon,
) -> Result<i32, Failure> {
    let sources = sources_of(paths)?;
    if let Some(dir) = out_dir {
        std::fs::create_dir_all(dir).map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
        let mut seen = std::collections::HashMap::new();
        for s in &sources {
            if let Some(other) = seen.insert(s.stem(), s.name()) {
                return Err(Failure(format!(
                    "{}: would write the same output file as {other} ({}.{}); export them to different folders",
                    s.name(),
                    s.stem(),
                    format.extension()
                )));
            }
        }
    }
    let several = sources.len() > 1;
    // With no review file anywhere, no text needs hashing to find one.
    let store = review_store().filter(|s| !s.is_empty());
    let mut code = 0;
    for source in &sources {
        let result = read_source(source, lexicon).and_then(|a| {
            let (doc, analysis) = (&a.doc, &a.analysis);
            let review = match &store {
                Some(store) => review_of(Some(store), &a),
                // Nothing stored: the items and their ids, unhashed text.
                None => Review::new(&a.doc, &a.analysis, Meta::default()),
            };
            match (format, out_dir) {
                // JSON is streamed: a large article is never held twice.
                (Format::Json, Some(dir)) => {
                    let file = dir.join(format!("{}.json", source.stem()));
                    let fail = |e: std::io::Error| Failure(format!("{}: {e}", file.display()));
                    let out = std::fs::File::create(&file).map_err(fail)?;
                    let mut out = std::io::BufWriter::new(out);
                    export::json::write(doc, analysis, &review, &mut out, true).map_err(fail)?;
                    out.flush().map_err(fail)
                }
                (Format::Json, None) => {
                    let stdout = std::io::stdout().lock();
                    let mut out = std::io::BufWriter::new(stdout);
                    let done = export::json::write(doc, analysis, &review, &mut out, !several)
                        .and_then(|()| out.flush());
                    stdout_result(done)
                }
                (Format::Md, Some(dir)) => {
                    let file = dir.join(format!("{}.md", source.stem()));
                    std::fs::write(&file, export::markdown::to_string(doc, analysis))
                        .map_err(|e| Failure(format!("{}: {e}", file.display())))
                }
                (Format::Md, None) => emit(&export::markdown::to_string(doc, analysis)),
            }
        });
        if let Err(Failure(msg)) = result {
            eprintln!("briefing: {msg}");
            code = EXIT_FAILURE;
        }
    }
    Ok(code)
}

/// Writes to stdout; a closed pipe (`briefing … | head`) is not an error.
fn emit(s: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    stdout_result(out.write_all(s.as_bytes()).and_then(|()| out.flush()))
}

/// The outcome of writing to stdout: a closed pipe ends the program quietly.
fn stdout_result(done: std::io::Result<()>) -> Result<(), Failure> {
    match done {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Failure(format!("<stdout>: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_config_documents_the_defaults() {
        let text = include_str!("../config.example.toml");
        let parsed = Settings::parse(Path::new("config.example.toml"), text).expect("parses");
        assert_eq!(parsed, Settings::default());
    }

    #[test]
    fn every_section_is_read_into_the_part_it_configures() {
        let s = Settings::parse(
            Path::new("c.toml"),
            "[reader]\nwrap_width = 72\n[lexicon]\nspeech_verbs = [\"rage|raged\"]\n",
        )
        .unwrap();
        assert_eq!(s.reader.wrap_width, 72);
        assert_eq!(s.lexicon.speech_verbs, ["rage|raged"]);
        assert_eq!(s.theme, crate::tui::ThemeConfig::default());
        let err = Settings::parse(Path::new("c.toml"), "[colours]\n").unwrap_err();
        assert!(err.to_string().starts_with("c.toml:1:"), "{err}");
    }
}

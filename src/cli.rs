//! The command line: parsing (clap), dispatch, and the one place where
//! library errors become a line on stderr and an exit code.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser, Subcommand};

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
    after_help = "With no PATH, reads standard input when something is piped into it, else \
                  opens the built-in sample briefing. When standard output \
                  is not a terminal, prints a plain-text reading instead of the reader.\n\n\
                  Review marks (reviewed, starred, notes) are kept per article in \
                  $BRIEFING_DATA_DIR/reviews, else the platform data folder \
                  (~/.local/share/briefing/reviews on Linux)."
)]
pub struct Cli {
    /// Configuration file (default: $BRIEFING_CONFIG, else the platform config folder).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// What to read: a text, Markdown, HTML, feed (RSS, Atom, JSON Feed) or JSON file, a
    /// folder of them, an http(s):// URL, or `-` for standard input.
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print each article's section outline with paragraph counts.
    Sections {
        /// Articles (files, folders, URLs or `-`); default: piped input, else the sample.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print each article's quotes, grouped by who said them.
    Quotes {
        /// Only the quotes of actors whose name contains this (any case).
        #[arg(long, value_name = "NAME")]
        actor: Option<String>,
        /// Articles (files, folders, URLs or `-`); default: piped input, else the sample.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print each article's summary: headline, lead, key actors, red lines
    /// and positions by holder, key quotes and a short digest.
    Summary {
        /// Output format.
        #[arg(long, short, value_enum, default_value = "text")]
        format: export::summary::SummaryFormat,
        /// Articles (files, folders, URLs or `-`); default: piped input, else the sample.
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
        /// Articles (files, folders, URLs or `-`); default: piped input, else the sample.
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
        /// With --out-dir: write over files that are not earlier briefing exports.
        #[arg(long, requires = "out_dir")]
        force: bool,
        /// Articles (files, folders, URLs or `-`); default: piped input, else the sample.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print shell completions for briefing's commands and options.
    #[command(
        after_help = "bash: briefing completions bash > ~/.local/share/bash-completion/completions/briefing\n\
                      zsh:  briefing completions zsh > ~/.zfunc/_briefing (with ~/.zfunc in fpath)\n\
                      fish: briefing completions fish > ~/.config/fish/completions/briefing.fish"
    )]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `briefing man > ~/.local/share/man/man1/briefing.1`.
    Man,
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
        Ok(cli) if cli.command.is_none() => match cli.path.as_deref().and_then(mistyped) {
            Some(msg) => {
                report(&msg);
                return EXIT_USAGE;
            }
            None => cli,
        },
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
            // `briefing summry FILE`: the word clap took for the path.
            if e.use_stderr()
                && let Some(msg) = first_word().as_deref().map(Path::new).and_then(mistyped)
            {
                report(&msg);
                return EXIT_USAGE;
            }
            // Help and version go to stdout with code 0; usage errors exit 2.
            print_clap(&e);
            return if e.use_stderr() { EXIT_USAGE } else { 0 };
        }
    };
    match run(cli, started) {
        Ok(code) => code,
        Err(Failure(msg)) => {
            report(&msg);
            EXIT_FAILURE
        }
    }
}

/// Prints clap's message; an error that quotes an argument with a control
/// character in it is printed without colours and with placeholders.
fn print_clap(e: &clap::Error) {
    let text = e.render().to_string();
    if e.use_stderr()
        && text
            .chars()
            .any(|c| c != '\n' && crate::text::placeholder(c).is_some())
    {
        for line in text.lines() {
            eprintln!("{}", crate::text::sanitize(line));
        }
    } else {
        let _ = e.print();
    }
}

/// One line on stderr, `briefing: …`; nothing from a file name or an
/// input can drive the terminal.
fn report(msg: &str) {
    let line = format!("briefing: {}", crate::text::sanitize(msg));
    match PROGRESS.lock().ok().as_deref().and_then(Option::as_ref) {
        Some(bar) => bar.suspend(|| eprintln!("{line}")),
        None => eprintln!("{line}"),
    }
}

/// The first argument that is not an option (nor `--config`'s value).
fn first_word() -> Option<String> {
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        let a = a.to_string_lossy().into_owned();
        if a == "--config" {
            args.next();
        } else if !a.starts_with('-') || a == "-" {
            return Some(a);
        }
    }
    None
}

/// `unknown command 'summry' (did you mean 'summary'?)` when `word` is no
/// file and is a command misspelt.
fn mistyped(word: &Path) -> Option<String> {
    let w = word.to_str()?;
    if w == "-" || w.contains(['/', '.', '\\']) || word.exists() || load::is_url(w) {
        return None;
    }
    let command = <Cli as clap::CommandFactory>::command();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    // A command spelt right failed on its own arguments: clap says how.
    if names.iter().any(|n| n == w) {
        return None;
    }
    let best = suggest(&w.to_lowercase(), &names)?;
    Some(format!("unknown command '{w}' (did you mean '{best}'?)"))
}

/// The one name within a small edit distance of `word` (or that `word`
/// begins), if exactly one is closest.
fn suggest<'a>(word: &str, names: &'a [String]) -> Option<&'a str> {
    let limit = if word.chars().count() <= 4 { 1 } else { 2 };
    let mut scored: Vec<(usize, &str)> = names
        .iter()
        .map(|n| {
            let d = if n.starts_with(word) && word.len() >= 3 {
                1
            } else {
                edit_distance(word, n)
            };
            (d, n.as_str())
        })
        .filter(|&(d, _)| d <= limit)
        .collect();
    scored.sort();
    match scored.as_slice() {
        [(d, n), rest @ ..] if rest.first().is_none_or(|(d2, _)| d2 > d) => Some(n),
        _ => None,
    }
}

/// Optimal string alignment distance: insertions, deletions, substitutions
/// and swaps of neighbours each cost one.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

fn run(cli: Cli, started: std::time::Instant) -> Result<i32, Failure> {
    // The loader's patterns take a few milliseconds to compile: on another
    // core, while the configuration and the lexicon are read.
    std::thread::spawn(crate::load::warm_up);
    let loaded = config::load::<Settings>(&ConfigSource::resolve(cli.config.as_deref()))?;
    if let Some(w) = &loaded.warning {
        report(&format!("warning: {w}; using the default settings"));
    }
    let config = loaded.config;
    // Built by the commands that analyse (`sections` does not).
    let lexicon = || Lexicon::with_config(&config.lexicon);
    match cli.command {
        None => read(cli.path.as_deref(), &config, &lexicon(), started),
        Some(Command::Sections { paths }) => {
            let walk = walk_of(&paths)?;
            each_document(&walk, |l, _| emit(&sections_outline(&l.doc)))
        }
        Some(Command::Quotes { actor, paths }) => quotes(&paths, actor.as_deref(), &lexicon()),
        Some(Command::Summary { format, paths }) => {
            let lexicon = lexicon();
            let walk = walk_of(&paths)?;
            let mut first = true;
            each_article(&walk, &lexicon, |a, _| {
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
            let walk = walk_of(&paths)?;
            let mut first = true;
            each_article(&walk, &lexicon, |a, several| {
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
            force,
            paths,
        }) => export_all(&paths, format, out_dir.as_deref(), force, &lexicon()),
        Some(Command::Memo { out, force, paths }) => {
            memo_all(&paths, out.as_deref(), force, &lexicon())
        }
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "briefing", &mut out);
            emit(&String::from_utf8_lossy(&out))?;
            Ok(0)
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            emit(&String::from_utf8_lossy(&out))?;
            Ok(0)
        }
        Some(Command::Review { status: _, paths }) => {
            let lexicon = lexicon();
            let store = review_store();
            let walk = walk_of(&paths)?;
            each_article(&walk, &lexicon, |a, _| {
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
            report(&format!("warning: {e}"));
            None
        }
    }
}

/// An article's review as stored (read only: a bad file is left alone and
/// reported).
fn review_of(store: Option<&Store>, a: &briefing::Article) -> Review {
    let meta = Meta::of(&a.doc, a.identity());
    let state = store.and_then(|store| {
        let loaded = store.load(&meta, Mode::ReadOnly);
        for w in &loaded.warnings {
            report(&format!("warning: {w}"));
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
            let path = path.display().to_string();
            line.push_str(&format!(" · {}", crate::text::sanitize(&path)));
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
    let walk = walk_of(paths)?;
    let code = each_article(&walk, lexicon, |a, _| {
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
            report(&format!("memo written to {}", file.display()));
        }
    }
    Ok(code)
}

/// What a command reads when it is given no path: standard input when
/// something is piped or redirected into it (as `grep` and `bat` do), else
/// the sample.
fn default_source() -> Source {
    if stdin_has_input() {
        Source::Stdin
    } else {
        Source::Sample
    }
}

/// Standard input is a pipe, a file or a socket: not a terminal, and not
/// `/dev/null` or another device (what a job without input is given).
fn stdin_has_input() -> bool {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
            return false;
        };
        std::fs::File::from(fd).metadata().is_ok_and(|m| {
            let t = m.file_type();
            t.is_fifo() || t.is_file() || t.is_socket()
        })
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// The items `paths` name (what [`default_source`] gives when there are
/// none); each file a folder skips gets one line on stderr.
fn walk_of(paths: &[PathBuf]) -> Result<load::Walk, Failure> {
    let walk = if paths.is_empty() {
        load::Walk {
            items: vec![load::Item::One(default_source())],
            skipped: Vec::new(),
        }
    } else {
        load::walk(paths)?
    };
    for line in &walk.skipped {
        report(line);
    }
    let stdin = walk.items.contains(&load::Item::One(Source::Stdin));
    if stdin && std::io::stdin().is_terminal() {
        report("reading standard input (end it with Ctrl-D)");
    }
    Ok(walk)
}

/// `briefing [PATH]`: the reader on a terminal, else the plain reading.
fn read(
    path: Option<&Path>,
    config: &Settings,
    lexicon: &Lexicon,
    started: std::time::Instant,
) -> Result<i32, Failure> {
    let walk = match path {
        Some(p) => walk_of(&[p.to_path_buf()])?,
        None => walk_of(&[])?,
    };
    if std::io::stdout().is_terminal() {
        let mut options = config.reader_options(
            crate::tui::ColourMode::from_env(),
            crate::tui::Clipboard::from_env(std::io::stdout().is_terminal()),
        );
        options.store = review_store();
        let store = options.store.clone();
        let prepare = move |a| crate::tui::Article::prepare_reviewed(a, store.as_ref());
        let batch = load::gather(&walk.items);
        let opened = match briefing::open_batch(batch, lexicon, prepare) {
            Ok(opened) => opened,
            Err(BriefingError::NoArticle { mut errors }) => {
                // Every error on its own line, the last one as the failure.
                let last = errors.pop().map(|e| e.to_string()).unwrap_or_default();
                for e in &errors {
                    report(&e.to_string());
                }
                return Err(Failure(last));
            }
        };
        for w in &opened.warnings {
            report(&format!("warning: {w}"));
        }
        for e in &opened.skipped {
            report(&e.to_string());
        }
        return Ok(crate::tui::run(
            opened.briefing,
            opened.loader,
            &options,
            started,
        )?);
    }
    let mut first = true;
    each_article(&walk, lexicon, |a, _| {
        if !first {
            emit("\n")?;
        }
        first = false;
        emit(&export::plain::to_string(&a.doc, &a.analysis))
    })
}

/// Runs `f` on every document of `walk` (with whether there are several).
/// A bad input is reported and skipped; the exit code says whether any
/// failed, a file a folder holds aside: it is skipped, not failed, unless
/// nothing loads at all.
fn each_document(
    walk: &load::Walk,
    mut f: impl FnMut(load::Loaded, bool) -> Result<(), Failure>,
) -> Result<i32, Failure> {
    let mut code = 0;
    let mut loaded = 0;
    let mut folder_failures = 0;
    load::read_items(&walk.items, |got| {
        let result = match got.result {
            Ok(l) => {
                loaded += 1;
                for w in &l.warnings {
                    report(&format!("warning: {w}"));
                }
                f(l, got.several)
            }
            Err(e) if got.in_folder => {
                folder_failures += 1;
                report(&format!("{e} (skipped)"));
                return;
            }
            Err(e) => Err(e.into()),
        };
        if let Err(Failure(msg)) = result {
            report(&msg);
            code = EXIT_FAILURE;
        }
    });
    if loaded == 0 && folder_failures > 0 {
        code = EXIT_FAILURE;
    }
    Ok(code)
}

/// Runs `f` on every article of `walk`, loaded and analysed (see
/// [`each_document`]).
fn each_article(
    walk: &load::Walk,
    lexicon: &Lexicon,
    mut f: impl FnMut(&briefing::Article, bool) -> Result<(), Failure>,
) -> Result<i32, Failure> {
    each_document(walk, |l, several| {
        // The article is analysed here, once, and handed over.
        let article = briefing::Article::of(l.doc, l.source, lexicon);
        f(&article, several)
    })
}

/// `briefing quotes [--actor NAME]`: each article's quotes. With several
/// articles, one that quotes nobody by that name is left out; it is an
/// error only when none does.
fn quotes(paths: &[PathBuf], actor: Option<&str>, lexicon: &Lexicon) -> Result<i32, Failure> {
    let walk = walk_of(paths)?;
    let mut matched = 0;
    let mut unmatched = 0;
    let mut quoted = std::collections::BTreeSet::new();
    let code = each_article(
        &walk,
        lexicon,
        |a, several| match export::quotes::to_string(&a.doc, &a.analysis, actor) {
            Ok(text) => {
                matched += 1;
                emit(&text)
            }
            Err(crate::error::ExportError::NoQuotedActor { quoted: q, .. }) if several => {
                unmatched += 1;
                quoted.extend(q);
                Ok(())
            }
            Err(e) => Err(e.into()),
        },
    )?;
    if matched == 0 && unmatched > 0 {
        let quoted: Vec<String> = quoted.into_iter().collect();
        let quoted = if quoted.is_empty() {
            "none".to_string()
        } else {
            quoted.join(", ")
        };
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Failure(format!(
            "{}: no quoted actor matches \"{}\" in {unmatched} articles (quoted: {quoted})",
            if names.is_empty() {
                "<stdin>".to_string()
            } else {
                names.join(", ")
            },
            actor.unwrap_or_default(),
        )));
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
    force: bool,
    lexicon: &Lexicon,
) -> Result<i32, Failure> {
    let walk = walk_of(paths)?;
    let sources: Vec<&Source> = walk
        .items
        .iter()
        .flat_map(|i| match i {
            load::Item::One(s) => std::slice::from_ref(s),
            load::Item::Folder { sources, .. } => sources.as_slice(),
        })
        .collect();
    let inputs = out_dir.map(|_| Inputs::of(&sources));
    if let Some(dir) = out_dir {
        std::fs::create_dir_all(dir).map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
        // Two inputs with one name, or an output that is an input, are
        // refused before anything is written.
        let mut seen = std::collections::HashMap::new();
        for s in &sources {
            let target = dir.join(format!("{}.{}", s.stem(), format.extension()));
            if let Some(inputs) = &inputs {
                inputs.check(&target)?;
            }
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
    let progress = out_dir.and_then(|_| Progress::start(sources.len()));
    let mut written = std::collections::HashSet::new();
    // With no review file anywhere, no text needs hashing to find one.
    let store = review_store().filter(|s| !s.is_empty());
    let code = each_article(&walk, lexicon, |a, several| {
        let (doc, analysis) = (&a.doc, &a.analysis);
        let review = match &store {
            Some(store) => review_of(Some(store), a),
            // Nothing stored: the items and their ids, unhashed text.
            None => Review::new(doc, analysis, Meta::default()),
        };
        let mut file = |ext: &str| -> Result<PathBuf, Failure> {
            let dir = out_dir.unwrap_or(Path::new("."));
            let stem = load::stem_of(doc);
            if !written.insert(stem.clone()) {
                return Err(Failure(format!(
                    "{}: would write {stem}.{ext} again; export it to a different folder",
                    doc.name
                )));
            }
            let file = dir.join(format!("{stem}.{ext}"));
            if let Some(inputs) = &inputs {
                inputs.check(&file)?;
            }
            may_replace(&file, force)?;
            if let Some(p) = &progress {
                p.show(&doc.name);
            }
            Ok(file)
        };
        let fail = |file: &Path, e: std::io::Error| Failure(format!("{}: {e}", file.display()));
        match (format, out_dir) {
            // JSON is streamed: a large article is never held twice.
            (Format::Json, Some(_)) => {
                let file = file("json")?;
                crate::atomic::write_with(&file, |w| {
                    export::json::write(doc, analysis, &review, w, true)
                })
                .map_err(|e| fail(&file, e))
            }
            (Format::Json, None) => {
                let stdout = std::io::stdout().lock();
                let mut out = std::io::BufWriter::new(stdout);
                let done = export::json::write(doc, analysis, &review, &mut out, !several)
                    .and_then(|()| out.flush());
                stdout_result(done)
            }
            (Format::Md, Some(_)) => {
                let file = file("md")?;
                let text = export::markdown::to_string(doc, analysis);
                crate::atomic::write(&file, text.as_bytes()).map_err(|e| fail(&file, e))
            }
            (Format::Md, None) => emit(&export::markdown::to_string(doc, analysis)),
        }
    });
    if let Some(p) = progress {
        p.finish();
    }
    code
}

/// The files an export reads, known by device and inode (and by canonical
/// path), so that no output is written over one of them.
struct Inputs {
    ids: std::collections::HashSet<FileId>,
    canonical: std::collections::HashSet<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct FileId(u64, u64);

impl FileId {
    #[cfg(unix)]
    fn of(meta: &std::fs::Metadata) -> Option<FileId> {
        use std::os::unix::fs::MetadataExt;
        Some(FileId(meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    fn of(_: &std::fs::Metadata) -> Option<FileId> {
        None
    }
}

impl Inputs {
    fn of(sources: &[&Source]) -> Inputs {
        let mut ids = std::collections::HashSet::new();
        let mut canonical = std::collections::HashSet::new();
        for s in sources {
            if let Source::File(p) = s {
                if let Some(id) = std::fs::metadata(p).ok().as_ref().and_then(FileId::of) {
                    ids.insert(id);
                }
                if let Ok(c) = p.canonicalize() {
                    canonical.insert(c);
                }
            }
        }
        Inputs { ids, canonical }
    }

    /// An error when `file` is one of the inputs (a hard link or a
    /// symbolic link to one included).
    fn check(&self, file: &Path) -> Result<(), Failure> {
        let Ok(meta) = std::fs::metadata(file) else {
            return Ok(());
        };
        let same = FileId::of(&meta).is_some_and(|id| self.ids.contains(&id))
            || file
                .canonicalize()
                .is_ok_and(|c| self.canonical.contains(&c));
        if same {
            return Err(Failure(format!(
                "{}: is one of the inputs; not overwritten (export to another folder)",
                file.display()
            )));
        }
        Ok(())
    }
}

/// An error unless `file` may be written: nothing there, a previous export
/// of ours (the JSON's `schema` first, the Markdown's front line), or
/// `force`.
fn may_replace(file: &Path, force: bool) -> Result<(), Failure> {
    let meta = match std::fs::metadata(file) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Failure(format!("{}: {e}", file.display()))),
    };
    if meta.is_dir() {
        return Err(Failure(format!(
            "{}: is a folder; not overwritten",
            file.display()
        )));
    }
    if force || is_our_export(file) {
        return Ok(());
    }
    Err(Failure(format!(
        "{}: exists and is not a briefing export; not overwritten (--force to replace it)",
        file.display()
    )))
}

/// Whether the file begins as an export of ours does.
fn is_our_export(file: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(256);
    let read = std::fs::File::open(file).and_then(|f| f.take(256).read_to_end(&mut head));
    read.is_ok() && (export::json::is_export(&head) || export::markdown::is_export(&head))
}

/// The progress bar of `export --out-dir`, on stderr when it is a
/// terminal; nothing otherwise.
struct Progress(indicatif::ProgressBar);

/// The bar on show, for [`report`] to print above it.
static PROGRESS: std::sync::Mutex<Option<indicatif::ProgressBar>> = std::sync::Mutex::new(None);

impl Progress {
    fn start(inputs: usize) -> Option<Progress> {
        if !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = indicatif::ProgressBar::new(inputs as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
        {
            bar.set_style(style);
        }
        if let Ok(mut p) = PROGRESS.lock() {
            *p = Some(bar.clone());
        }
        Some(Progress(bar))
    }

    /// One more article being written (a feed's entries are articles too:
    /// the count grows past the inputs).
    fn show(&self, name: &str) {
        let bar = &self.0;
        bar.inc(1);
        if bar.length().is_some_and(|l| bar.position() > l) {
            bar.set_length(bar.position());
        }
        bar.set_message(crate::text::sanitize(name).into_owned());
    }

    fn finish(self) {
        if let Ok(mut p) = PROGRESS.lock() {
            *p = None;
        }
        self.0.finish_and_clear();
    }
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

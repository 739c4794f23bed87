//! The review in the reader: marks on the selected item, the note editor,
//! `u`/`U`, the filter, the header's progress, and what the effects write
//! (into temporary data dirs only).

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyModifiers};

use super::super::action::{Action, Effect};
use super::super::app::App;
use super::super::article::Article;
use super::super::effects;
use super::super::layout::Pane;
use super::super::overlays::Overlay;
use super::frames::snapshot;
use super::{draw, key, options, press, sample_app, sample_doc, screen, typed};
use crate::briefing;
use crate::review::{Store, Target};

fn esc(app: &mut App) -> Effect {
    press(app, KeyCode::Esc, KeyModifiers::NONE)
}

fn text(app: &App) -> String {
    screen(&draw(app)).join("\n")
}

/// A clock that does not move, so runs are alike.
fn fixed() -> u64 {
    1_700_000_000_000
}

fn app(w: u16, h: u16) -> App {
    let mut app = sample_app(w, h);
    app.sessions.clock = fixed;
    app
}

/// The review entry of quote `q` of the analysis.
fn quote_entry(app: &App, q: usize) -> usize {
    app.sessions
        .get(app.current)
        .index_of(Target::Quote(crate::model::QuoteId::new(q)))
        .expect("a review item")
}

fn marks(app: &App, entry: usize) -> crate::review::Marks {
    app.sessions
        .get(app.current)
        .entry(entry)
        .expect("an entry")
        .marks
        .clone()
}

fn editing_note(app: &App) -> bool {
    matches!(app.overlays.last(), Some(Overlay::Note(_)))
}

#[test]
fn x_marks_the_selected_quote_and_the_header_counts_it() {
    let mut app = app(120, 40);
    let total = app.sessions.get(0).progress().total;
    assert!(text(&app).contains(&format!("0 / {total} reviewed")));
    key(&mut app, 'o');
    key(&mut app, 'j');
    let q = app.quotes.items[1];
    assert_eq!(
        key(&mut app, 'x'),
        Effect::None,
        "no store: nothing to save"
    );
    let e = quote_entry(&app, q);
    assert!(marks(&app, e).reviewed());
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.starts_with("reviewed: quote · "), "{msg}");
    assert!(msg.ends_with(&format!("1 / {total} reviewed")), "{msg}");
    let s = text(&app);
    assert!(s.contains(&format!("1 / {total} reviewed")), "{s}");
    assert!(s.contains("✓"), "the marks column shows:\n{s}");
    key(&mut app, 'x');
    assert!(!marks(&app, e).reviewed(), "x again takes it back");
}

#[test]
fn the_article_marks_the_item_last_jumped_to() {
    let mut app = app(120, 40);
    key(&mut app, 'x');
    assert_eq!(
        app.message.as_deref(),
        Some("no item selected: jump to one (n, r, p, u) or click it")
    );
    key(&mut app, 'r');
    key(&mut app, '*');
    let review = app.sessions.get(0);
    let starred: Vec<_> = review
        .entries()
        .iter()
        .filter(|e| e.marks.starred())
        .collect();
    assert_eq!(starred.len(), 1);
    assert_eq!(starred[0].anchor.kind, crate::review::ItemKind::RedLine);
    // The gutter shows the star on the red line's first row.
    let s = text(&app);
    assert!(s.contains("▌★"), "{s}");
}

#[test]
fn rows_that_are_not_items_say_so() {
    let mut app = app(120, 40);
    key(&mut app, 'a');
    key(&mut app, 'x');
    assert_eq!(
        app.message.as_deref(),
        Some("this row is not a review item")
    );
    key(&mut app, 'j');
    key(&mut app, 'x');
    assert!(app.message.as_deref().is_some_and(|m| m.contains("actor")));
}

#[test]
fn the_note_editor_keeps_every_keystroke() {
    let mut app = app(120, 40);
    key(&mut app, 'o');
    let q = app.quotes.items[0];
    let e = quote_entry(&app, q);
    key(&mut app, 'm');
    assert!(editing_note(&app));
    typed(&mut app, "Ask the ministry.\nTwo sources disagree.");
    // The note is the text from the first key on, before it is closed.
    assert_eq!(
        marks(&app, e).note(),
        Some("Ask the ministry.\nTwo sources disagree.")
    );
    assert!(
        key(&mut app, 'q') == Effect::None && editing_note(&app),
        "q is text in the editor"
    );
    esc(&mut app);
    assert!(!editing_note(&app));
    assert_eq!(
        marks(&app, e).note(),
        Some("Ask the ministry.\nTwo sources disagree.q")
    );
    // Reopened, it holds the note; emptied, the note is gone.
    key(&mut app, 'm');
    for _ in 0..60 {
        press(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    press(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(!editing_note(&app));
    assert_eq!(marks(&app, e).note(), None);
}

#[test]
fn ctrl_c_in_the_editor_keeps_the_note_and_quits() {
    let mut app = app(80, 24);
    key(&mut app, 'r');
    key(&mut app, 'm');
    typed(&mut app, "half a tho");
    assert_eq!(
        press(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL),
        Effect::Quit
    );
    let noted = app
        .sessions
        .get(0)
        .entries()
        .iter()
        .filter_map(|e| e.marks.note().map(str::to_string))
        .collect::<Vec<_>>();
    assert_eq!(noted, ["half a tho"]);
}

#[test]
fn u_steps_through_what_is_not_reviewed() {
    let mut app = app(120, 40);
    key(&mut app, 'u');
    let first = app.text.item.expect("an item");
    assert_eq!(app.focus, Pane::Article);
    key(&mut app, 'x');
    key(&mut app, 'u');
    let second = app.text.item.expect("an item");
    assert_ne!(first, second);
    let review = app.sessions.get(0);
    let start = |i: usize| review.entry(i).and_then(|e| e.span).map(|s| s.start);
    assert!(start(second) >= start(first), "in text order");
    key(&mut app, 'U');
    assert_ne!(
        app.text.item,
        Some(first),
        "the reviewed one is passed over"
    );
    // In a pane, its own list.
    key(&mut app, 'o');
    key(&mut app, 'x');
    let before = app.quotes.list.selected;
    key(&mut app, 'u');
    assert_eq!(app.quotes.list.selected, before + 1);
}

#[test]
fn the_filter_cycles_and_lists_what_it_names() {
    let mut app = app(120, 40);
    key(&mut app, 'o');
    let all = app.quotes.items.len();
    key(&mut app, 'x');
    key(&mut app, 'j');
    key(&mut app, '*');
    key(&mut app, 'f');
    assert_eq!(app.message.as_deref(), Some("side panes: unreviewed"));
    assert_eq!(app.quotes.items.len(), all - 1);
    key(&mut app, 'f');
    assert_eq!(app.quotes.items.len(), 1, "starred");
    key(&mut app, 'f');
    assert_eq!(app.quotes.items.len(), 0, "with notes");
    assert!(text(&app).contains("no quotes with notes"));
    key(&mut app, 'f');
    assert_eq!(app.quotes.items.len(), all);
}

#[test]
fn under_the_unreviewed_filter_a_reviewed_item_leaves_the_list() {
    let mut app = app(120, 40);
    key(&mut app, 'f');
    key(&mut app, 'o');
    let first = app.quotes.items[0];
    let second = app.quotes.items[1];
    key(&mut app, 'x');
    assert_eq!(app.quotes.items[0], second, "the next one is selected");
    assert!(!app.quotes.items.contains(&first));
}

// ---------------------------------------------------------------- snapshots

#[test]
fn note_editor_80x24() {
    let mut app = app(80, 24);
    key(&mut app, 'r');
    key(&mut app, 'm');
    typed(
        &mut app,
        "Check against the ministry's\nstatement of Monday.",
    );
    insta::assert_snapshot!(snapshot(&draw(&app)));
}

#[test]
fn header_progress_and_marks_120x40() {
    let mut app = app(120, 40);
    key(&mut app, 'o');
    key(&mut app, 'x');
    key(&mut app, 'j');
    key(&mut app, '*');
    key(&mut app, 'm');
    typed(&mut app, "a note");
    esc(&mut app);
    key(&mut app, 'a');
    key(&mut app, 'j');
    key(&mut app, 'x');
    insta::assert_snapshot!(snapshot(&draw(&app)));
}

#[test]
fn filter_unreviewed_120x40() {
    let mut app = app(120, 40);
    key(&mut app, 'a');
    key(&mut app, 'j');
    key(&mut app, 'x');
    key(&mut app, 'o');
    key(&mut app, 'x');
    key(&mut app, 'f');
    insta::assert_snapshot!(snapshot(&draw(&app)));
}

#[test]
fn filter_starred_120x40() {
    let mut app = app(120, 40);
    key(&mut app, 'o');
    key(&mut app, 'j');
    key(&mut app, '*');
    key(&mut app, 's');
    key(&mut app, 'j');
    key(&mut app, 'j');
    key(&mut app, '*');
    key(&mut app, 'f');
    key(&mut app, 'f');
    insta::assert_snapshot!(snapshot(&draw(&app)));
}

#[test]
fn filter_with_notes_80x24() {
    let mut app = app(80, 24);
    key(&mut app, 'o');
    key(&mut app, 'm');
    typed(&mut app, "source?");
    esc(&mut app);
    for _ in 0..3 {
        key(&mut app, 'f');
    }
    insta::assert_snapshot!(snapshot(&draw(&app)));
}

// ---------------------------------------------------------------- files

/// A fresh data dir under the system's temporary folder.
fn data_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("briefing-tui-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The reader on the sample with its review kept in `dir`, as `briefing`
/// opens it.
fn stored_app(dir: &std::path::Path) -> App {
    let store = Store::at(dir.to_path_buf());
    let doc = sample_doc();
    let analysis = super::sample_analysis(&doc);
    let article = Article::prepare_reviewed(
        briefing::Article {
            doc,
            analysis,
            source: crate::load::Source::Sample,
        },
        Some(&store),
    );
    let mut options = options(super::super::theme::ColourMode::Colour);
    options.store = Some(store);
    let mut app = App::new(article, &options);
    app.resize(120, 40);
    app
}

/// Carries out an effect as the event loop does.
fn run(app: &mut App, effect: Effect) -> bool {
    effects::carry_out(app, effect).is_break()
}

#[test]
fn marks_are_saved_and_found_again() {
    let dir = data_dir("saved");
    let mut app = stored_app(&dir);
    key(&mut app, 'o');
    let q = app.quotes.items[0];
    let e = key(&mut app, 'x');
    assert_eq!(e, Effect::Save);
    assert!(!run(&mut app, e));
    assert!(!app.sessions.any_unsaved());
    key(&mut app, 'm');
    typed(&mut app, "typed, not yet closed");
    // A second after the last key, the note is saved.
    let mut saved = false;
    for _ in 0..20 {
        let e = app.update(Action::Tick);
        if e == Effect::Save {
            run(&mut app, e);
            saved = true;
        }
    }
    assert!(saved && !app.sessions.any_unsaved());
    let again = stored_app(&dir);
    let entry = quote_entry(&again, q);
    assert!(marks(&again, entry).reviewed());
    assert_eq!(marks(&again, entry).note(), Some("typed, not yet closed"));
    let files: Vec<_> = std::fs::read_dir(dir.join("reviews"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0].len(), 64 + 5, "named by the text's SHA-256");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_unwritable_data_dir_keeps_the_marks_and_warns_until_it_can_write() {
    let dir = data_dir("unwritable");
    let mut app = stored_app(&dir);
    // A file where the reviews folder should be: no writing, even as root.
    std::fs::write(dir.join("reviews"), "").unwrap();
    key(&mut app, 'o');
    let e = key(&mut app, 'x');
    run(&mut app, e);
    assert!(app.sessions.any_unsaved());
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.starts_with("warning: marks not saved:"), "{msg}");
    assert!(msg.contains("kept in memory"), "{msg}");
    assert!(text(&app).contains("reviewed · not saved"));
    // q does not lose them silently.
    let e = key(&mut app, 'q');
    assert_eq!(e, Effect::SaveAndQuit);
    assert!(!run(&mut app, e), "the reader stays");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("q again quits"))
    );
    // The disk comes back: the next try writes them.
    std::fs::remove_file(dir.join("reviews")).unwrap();
    let mut tries = 0;
    while app.sessions.any_unsaved() && tries < 100 {
        let e = app.update(Action::Tick);
        run(&mut app, e);
        tries += 1;
    }
    assert!(!app.sessions.any_unsaved(), "saved after {tries} ticks");
    assert_eq!(app.message.as_deref(), Some("marks saved"));
    assert!(!text(&app).contains("not saved"));
    let e = key(&mut app, 'q');
    assert!(run(&mut app, e), "now q quits");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn two_readers_see_each_others_marks_after_saving() {
    let dir = data_dir("two");
    let mut a = stored_app(&dir);
    let mut b = stored_app(&dir);
    key(&mut a, 'o');
    let e = key(&mut a, 'x');
    run(&mut a, e);
    key(&mut b, 'o');
    key(&mut b, 'j');
    let e = key(&mut b, '*');
    run(&mut b, e);
    let review = b.sessions.get(0);
    let shown = review.entries();
    assert!(shown.iter().any(|e| e.marks.reviewed()), "B has A's mark");
    assert!(shown.iter().any(|e| e.marks.starred()));
    let again = stored_app(&dir);
    let p = again.sessions.get(0).progress();
    assert_eq!((p.reviewed, p.starred), (1, 1));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_corrupt_review_file_is_moved_aside_with_a_warning() {
    let dir = data_dir("corrupt");
    let first = stored_app(&dir);
    let sha = first.sessions.get(0).meta().text_sha256.clone();
    let path = Store::at(dir.clone()).path_of(&sha);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "not json").unwrap();
    let app = stored_app(&dir);
    let msg = app.message.clone().unwrap_or_default();
    assert!(
        msg.contains("moved aside to") && msg.contains(".corrupt-"),
        "{msg}"
    );
    assert!(!path.exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn e_writes_the_memo_and_says_where() {
    let dir = data_dir("memo");
    let mut app = stored_app(&dir);
    app.sessions.memo_dir = Some(dir.clone());
    key(&mut app, 'o');
    key(&mut app, 'm');
    typed(&mut app, "worth a follow-up");
    let e = esc(&mut app);
    run(&mut app, e);
    let e = key(&mut app, 'e');
    assert_eq!(e, Effect::WriteMemo);
    run(&mut app, e);
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.starts_with("memo written to "), "{msg}");
    let path = dir.join("sample-briefing.memo.md");
    assert!(msg.ends_with("sample-briefing.memo.md"), "{msg}");
    let memo = std::fs::read_to_string(&path).unwrap();
    assert!(memo.contains("  > worth a follow-up"), "{memo}");
    assert!(memo.contains("0 of 51 reviewed"), "{memo}");
    // Again: our own memo, unedited, is written over.
    let e = key(&mut app, 'e');
    run(&mut app, e);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.ends_with("sample-briefing.memo.md"))
    );
    // Edited by hand, it is the user's: the next one goes beside it.
    std::fs::write(&path, memo.replace("worth", "really worth")).unwrap();
    let e = key(&mut app, 'e');
    run(&mut app, e);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.ends_with("sample-briefing.memo-2.md"))
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("really worth")
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_briefing_keeps_a_review_per_article() {
    let doc = sample_doc();
    let analysis = super::sample_analysis(&doc);
    let first = Article::new(doc, analysis);
    let other = crate::load::load_bytes(
        "other.txt",
        b"The mayor said the bridge \"will reopen in May\", officials said.\n",
        None,
    )
    .unwrap()
    .doc;
    let other = Article::new(other, Default::default());
    let mut b = briefing::Briefing::new(first, ["other.txt".to_string()]);
    b.deliver(briefing::Delivery {
        index: 1,
        result: Ok(Arc::new(other)),
    });
    let mut app = App::new(b, &options(super::super::theme::ColourMode::Colour));
    app.resize(120, 40);
    key(&mut app, 'o');
    key(&mut app, 'x');
    key(&mut app, '>');
    assert_eq!(app.sessions.get(1).progress().reviewed, 0);
    key(&mut app, '<');
    assert_eq!(app.sessions.get(0).progress().reviewed, 1);
}

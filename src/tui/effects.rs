//! What the event loop does with an [`Effect`]: the file writes `update`
//! asks for (saving reviews, writing the memo), each reported back to
//! `update` as an action. Nothing here changes the state itself.

use std::ops::ControlFlow;
use std::path::PathBuf;

use crate::briefing::Slot;
use crate::review::memo;

use super::action::{Action, Effect};
use super::app::App;

/// Carries out `effect`; `Break` when the reader should end.
pub(crate) fn carry_out(app: &mut App, effect: Effect) -> ControlFlow<()> {
    match effect {
        Effect::None => {}
        Effect::Quit => return ControlFlow::Break(()),
        Effect::Save => save(app),
        Effect::SaveAndQuit => {
            save(app);
            if !app.sessions.any_unsaved() {
                return ControlFlow::Break(());
            }
            app.quit_refused();
        }
        Effect::WriteMemo => write_memo(app),
        // The terminal's own moves: the event loop makes them.
        Effect::Suspend | Effect::Copy(_) => {}
    }
    ControlFlow::Continue(())
}

/// Writes every review with unsaved marks.
pub(crate) fn save(app: &mut App) {
    let Some(store) = app.sessions.store.clone() else {
        return;
    };
    let article = |i: usize| match app.briefing.get(i) {
        Some(Slot::Ready(a)) => Some(std::sync::Arc::clone(a)),
        _ => None,
    };
    for (index, state) in app.sessions.to_save(article) {
        let result = store
            .save(&state)
            .map(|s| (s.state, s.warnings))
            .map_err(|e| e.to_string());
        app.update(Action::Saved { index, result });
    }
}

/// When the reader ends, however it ends: what the note editor holds is
/// the note already; whatever is unsaved is written. Returns what could
/// not be, for stderr.
pub(crate) fn finish(app: &mut App) -> Vec<String> {
    save(app);
    if !app.sessions.any_unsaved() {
        return Vec::new();
    }
    let why = app.sessions.failed.clone().unwrap_or_default();
    vec![format!("review marks not saved: {why}")]
}

/// The memo of the article shown, in the working folder
/// (`<stem>.memo.md`, or the next free name), else in the data dir.
fn write_memo(app: &mut App) {
    let article = match app.briefing.get(app.current) {
        Some(Slot::Ready(a)) => std::sync::Arc::clone(a),
        _ => return,
    };
    let review = app.sessions.get(app.current);
    let now = app.sessions.now();
    let body = memo::document(&[memo::render(
        &article.doc,
        &article.analysis,
        &article.summary,
        &review,
        now,
    )]);
    let here = match &app.sessions.memo_dir {
        Some(d) => d.clone(),
        None => std::env::current_dir().unwrap_or_else(|_| ".".into()),
    };
    let mut dirs: Vec<PathBuf> = vec![here];
    if let Some(store) = &app.sessions.store {
        dirs.push(store.root().join("memos"));
    }
    let mut last = String::new();
    for dir in dirs {
        let _ = std::fs::create_dir_all(&dir);
        let path = memo::path_in(&dir, &article.stem);
        match memo::write(&path, &body, false) {
            Ok(()) => {
                let shown = std::fs::canonicalize(&path).unwrap_or(path);
                app.update(Action::MemoWritten(Ok(shown.display().to_string())));
                return;
            }
            Err(e) => last = e.to_string(),
        }
    }
    app.update(Action::MemoWritten(Err(last)));
}

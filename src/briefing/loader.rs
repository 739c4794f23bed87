//! The background loader: the articles after the first are analysed and
//! prepared on a thread of their own, one after the other, so that the
//! reader's keys are never kept waiting for them.
//!
//! Each article's work is caught: a panic in it (a bug in the analysis or
//! the reader's preparation) becomes that article's failure,
//! [`LoadError::Internal`], and the loader goes on with the next. The
//! reader's panic hook asks [`caught_panic`] so that it leaves the screen
//! alone for these.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use crate::error::LoadError;
use crate::lexicon::Lexicon;
use crate::load::Loaded;

use super::{Article, Delivery};

thread_local! {
    /// This thread runs an article's work under `catch_unwind`.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// Where the last caught panic happened, as the panic hook saw it.
    static LOCATION: Cell<Option<String>> = const { Cell::new(None) };
}

/// For a panic hook: whether this panic is caught by the loader, which
/// reports it as a failed article (so the hook should neither print it nor
/// touch the terminal). It keeps where the panic happened for the report.
pub fn caught_panic(info: &PanicHookInfo) -> bool {
    if !CATCHING.with(Cell::get) {
        return false;
    }
    let at = info
        .location()
        .map(|l| format!("{}:{}", l.file(), l.line()));
    LOCATION.with(|l| l.set(at));
    true
}

/// The receiving end: the articles as they are done, in source order.
/// Dropping it stops the loader after the article it is working on.
pub struct Loader<T> {
    rx: Receiver<Delivery<T>>,
}

impl<T> Loader<T> {
    /// The next finished article, if one is waiting; never blocks.
    pub fn try_recv(&self) -> Option<Delivery<T>> {
        self.rx.try_recv().ok()
    }

    #[cfg(test)]
    pub(crate) fn recv_timeout(&self, timeout: std::time::Duration) -> Option<Delivery<T>> {
        self.rx.recv_timeout(timeout).ok()
    }
}

/// Starts the thread on `docs` (each with its place in the briefing).
pub(super) fn spawn<T, F>(docs: Vec<(usize, Loaded)>, lexicon: Lexicon, prepare: F) -> Loader<T>
where
    T: Send + Sync + 'static,
    F: Fn(Article) -> T + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for (index, loaded) in docs {
            let name = loaded.doc.name.clone();
            let result = caught(&name, || {
                test_failure(&name);
                Ok(Arc::new(prepare(Article::of(
                    loaded.doc,
                    loaded.source,
                    &lexicon,
                ))))
            });
            if tx.send(Delivery { index, result }).is_err() {
                return;
            }
        }
    });
    Loader { rx }
}

/// Runs one article's work; a panic in it is that article's error.
fn caught<T>(
    name: &str,
    work: impl FnOnce() -> Result<Arc<T>, Arc<LoadError>>,
) -> Result<Arc<T>, Arc<LoadError>> {
    CATCHING.with(|c| c.set(true));
    // Nothing the work touched is used after a panic but the lexicon and
    // `prepare`, which it only reads.
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    CATCHING.with(|c| c.set(false));
    result.unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string());
        let message = match LOCATION.with(Cell::take) {
            Some(at) => format!("{what} at {at}"),
            None => what,
        };
        Err(Arc::new(LoadError::Internal {
            name: name.to_string(),
            message,
        }))
    })
}

/// For the end-to-end tests of debug builds: `BRIEFING_TEST_LOADER=panic:NAME`
/// makes the work on the article whose name ends with NAME panic, and
/// `oom:NAME` fail an allocation as running out of memory does (an abort).
fn test_failure(name: &str) {
    #[cfg(debug_assertions)]
    if let Ok(v) = std::env::var("BRIEFING_TEST_LOADER")
        && let Some((what, target)) = v.split_once(':')
        && name.ends_with(target)
    {
        match what {
            "panic" => panic!("a test panic in the loader (BRIEFING_TEST_LOADER)"),
            "oom" => {
                if let Ok(layout) = std::alloc::Layout::from_size_align(1 << 40, 8) {
                    std::alloc::handle_alloc_error(layout);
                }
            }
            _ => {}
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = name;
}

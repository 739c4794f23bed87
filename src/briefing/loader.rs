//! The background loader: the articles after the first are analysed and
//! prepared on a thread of their own, one after the other, so that the
//! reader's keys are never kept waiting for them.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use crate::lexicon::Lexicon;
use crate::model::Document;

use super::{Article, Delivery};

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
pub(super) fn spawn<T, F>(docs: Vec<(usize, Document)>, lexicon: Lexicon, prepare: F) -> Loader<T>
where
    T: Send + Sync + 'static,
    F: Fn(Article) -> T + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for (index, doc) in docs {
            // TODO(issue 14): catch a panic per article (catch_unwind) and
            // deliver it as a failed article. Not done here because the
            // reader's panic hook restores the terminal before any unwind
            // could be caught, so it needs the hook's rework of issue 14.
            let result = Ok(Arc::new(prepare(Article::of(doc, &lexicon))));
            if tx.send(Delivery { index, result }).is_err() {
                return;
            }
        }
    });
    Loader { rx }
}

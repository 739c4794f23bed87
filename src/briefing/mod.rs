//! A briefing: the articles of one reading, each loaded and analysed, in
//! the order the sources were given.
//!
//! This is where an article is loaded: [`read`] loads and analyses one
//! source (the batch commands, one after the other); [`open`] does the
//! first one that loads now and the rest on a background thread
//! ([`loader`]), so the reader can show the first while the others arrive.
//! The reader shows what it is handed; it never loads or analyses.
//!
//! What each article carries beyond its [`Article`] (the reader's view
//! data) is up to the caller: `open` runs a `prepare` function on every
//! article, on the thread that analysed it.

mod loader;

use std::sync::Arc;

use crate::analyze;
use crate::error::{BriefingError, LoadError};
use crate::lexicon::Lexicon;
use crate::load;
pub use crate::load::Source;
use crate::model::{Analysis, Document};

pub use loader::{Loader, caught_panic};

/// One article: the document and what the analysis found in it.
#[derive(Debug)]
pub struct Article {
    pub doc: Document,
    pub analysis: Analysis,
    /// Where it was read from.
    pub source: Source,
}

/// An article read by [`read`], with what the loader has to say about its
/// input.
#[derive(Debug)]
pub struct Read {
    pub article: Article,
    pub warnings: Vec<String>,
}

/// Loads and analyses one source (its first document: see
/// [`load::load_all`] for all of a feed's).
pub fn read(source: &Source, lexicon: &Lexicon) -> Result<Read, LoadError> {
    let loaded = load::load(source)?;
    Ok(Read {
        article: Article::of(loaded.doc, loaded.source, lexicon),
        warnings: loaded.warnings,
    })
}

/// An article of a briefing, as far as it has got.
#[derive(Debug)]
pub enum Slot<T> {
    /// Being loaded and analysed in the background; its source's name.
    Pending(String),
    Ready(Arc<T>),
    Failed(Arc<LoadError>),
}

/// A finished background load: which article, and how it went.
#[derive(Debug)]
pub struct Delivery<T> {
    pub index: usize,
    pub result: Result<Arc<T>, Arc<LoadError>>,
}

impl<T> Clone for Delivery<T> {
    fn clone(&self) -> Self {
        Delivery {
            index: self.index,
            result: self.result.clone(),
        }
    }
}

/// The same delivery: the same article, not an equal one.
impl<T> PartialEq for Delivery<T> {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && match (&self.result, &other.result) {
                (Ok(a), Ok(b)) => Arc::ptr_eq(a, b),
                (Err(a), Err(b)) => Arc::ptr_eq(a, b),
                _ => false,
            }
    }
}

impl<T> Eq for Delivery<T> {}

/// The articles of one reading. The first is always ready; the others
/// may still be pending.
#[derive(Debug)]
pub struct Briefing<T> {
    articles: Vec<Slot<T>>,
}

impl<T> Briefing<T> {
    /// `first`, then one pending article per name.
    pub fn new(first: T, pending: impl IntoIterator<Item = String>) -> Briefing<T> {
        let mut articles = vec![Slot::Ready(Arc::new(first))];
        articles.extend(pending.into_iter().map(Slot::Pending));
        Briefing { articles }
    }

    /// How many articles, pending and failed ones included (at least one).
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Never: a briefing has its first article.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&Slot<T>> {
        self.articles.get(index)
    }

    /// The first article.
    pub fn first(&self) -> Arc<T> {
        match &self.articles[0] {
            Slot::Ready(a) => Arc::clone(a),
            // `new` makes the first slot ready and `deliver` never touches it.
            _ => unreachable!("the first article of a briefing is ready"),
        }
    }

    /// A background load finished: its slot becomes ready or failed.
    pub fn deliver(&mut self, delivery: Delivery<T>) {
        if delivery.index == 0 {
            return;
        }
        if let Some(slot) = self.articles.get_mut(delivery.index) {
            *slot = match delivery.result {
                Ok(a) => Slot::Ready(a),
                Err(e) => Slot::Failed(e),
            };
        }
    }
}

/// A briefing of one article.
impl<T> From<T> for Briefing<T> {
    fn from(article: T) -> Self {
        Briefing::new(article, [])
    }
}

/// A briefing as [`open`] leaves it: the first article ready, the others
/// on their way through `loader`.
pub struct Opened<T> {
    pub briefing: Briefing<T>,
    /// `None` when there is only the one article.
    pub loader: Option<Loader<T>>,
    /// The loader's warnings about the articles.
    pub warnings: Vec<String>,
    /// The sources that do not load.
    pub skipped: Vec<LoadError>,
    /// The briefing's title: a feed's, when it is one feed.
    pub title: Option<String>,
}

/// Opens a briefing on `sources` (see [`open_batch`]).
pub fn open<T, F>(
    sources: Vec<Source>,
    lexicon: &Lexicon,
    prepare: F,
) -> Result<Opened<T>, BriefingError>
where
    T: Send + Sync + 'static,
    F: Fn(Article) -> T + Send + 'static,
{
    let items: Vec<load::Item> = sources.into_iter().map(load::Item::One).collect();
    open_batch(load::gather(&items), lexicon, prepare)
}

/// Opens a briefing on the documents of `batch`: the first is analysed and
/// prepared on this thread, the others on a background thread. Fails when
/// the batch has no document.
pub fn open_batch<T, F>(
    batch: load::Batch,
    lexicon: &Lexicon,
    prepare: F,
) -> Result<Opened<T>, BriefingError>
where
    T: Send + Sync + 'static,
    F: Fn(Article) -> T + Send + 'static,
{
    let skipped: Vec<LoadError> = batch.failed.into_iter().map(|(e, _)| e).collect();
    let mut docs = batch.docs.into_iter();
    let Some(first) = docs.next() else {
        return Err(BriefingError::NoArticle { errors: skipped });
    };
    let mut warnings = first.warnings;
    let first = prepare(Article::of(first.doc, first.source, lexicon));
    let rest: Vec<(usize, load::Loaded)> = docs
        .enumerate()
        .map(|(i, mut l)| {
            warnings.append(&mut l.warnings);
            (i + 1, l)
        })
        .collect();
    let briefing = Briefing::new(first, rest.iter().map(|(_, l)| l.doc.name.clone()));
    let loader = (!rest.is_empty()).then(|| loader::spawn(rest, lexicon.clone(), prepare));
    Ok(Opened {
        briefing,
        loader,
        warnings,
        skipped,
        title: batch.title,
    })
}

impl Article {
    /// A loaded document and its analysis.
    /// Analyses `doc`, read from `source` (when it is not known, the
    /// document's name stands for a file of that name).
    pub fn of(doc: Document, source: Option<Source>, lexicon: &Lexicon) -> Article {
        let analysis = analyze::analyze(&doc, lexicon);
        let source = source.unwrap_or_else(|| Source::File(doc.name.clone().into()));
        Article {
            doc,
            analysis,
            source,
        }
    }

    /// Where its review marks are found once its text has changed: the
    /// source's identity, and for one article of several in an input (a
    /// feed's entry) its number.
    pub fn identity(&self) -> String {
        let id = self.source.identity();
        match self.doc.origin.as_ref().and_then(|o| o.entry) {
            Some(n) => format!("{id}#{n}"),
            None => id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn folder(files: &[(&str, &[u8])]) -> (PathBuf, Vec<Source>) {
        let dir = std::env::temp_dir().join(format!(
            "briefing-open-{}-{}",
            std::process::id(),
            files.len()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mut sources = Vec::new();
        for (name, bytes) in files {
            let p = dir.join(name);
            std::fs::write(&p, bytes).unwrap();
            sources.push(Source::File(p));
        }
        (dir, sources)
    }

    fn name(a: Article) -> String {
        a.doc
            .name
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string()
    }

    #[test]
    fn each_entry_of_a_feed_has_its_own_review_identity() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Port talks</title><description>The dockers said they would stay out.</description></item>
<item><title>Mill vote</title><description>The board said it would not sell the mill.</description></item>
</channel></rss>"#;
        let parsed = load::parse_bytes("wire.xml", rss, Some("xml")).unwrap();
        let source = Source::File("wire.xml".into());
        let ids: Vec<String> = parsed
            .docs
            .into_iter()
            .map(|l| Article::of(l.doc, Some(source.clone()), &Lexicon::default()).identity())
            .collect();
        assert_eq!(ids.len(), 2);
        assert!(ids[0].ends_with("wire.xml#1"), "{ids:?}");
        assert!(ids[1].ends_with("wire.xml#2"), "{ids:?}");
        // A file that is one article is known by its source alone.
        let plain = load::load_bytes("a.txt", b"The union said no.\n", None).unwrap();
        let a = Article::of(
            plain.doc,
            Some(Source::File("a.txt".into())),
            &Lexicon::default(),
        );
        assert_eq!(a.identity(), Source::File("a.txt".into()).identity());
    }

    #[test]
    fn the_first_that_loads_is_ready_and_the_rest_arrive_in_order() {
        let (dir, sources) = folder(&[
            ("a.txt", b""),
            ("b.txt", b"The first article that loads.\n"),
            ("c.txt", b"\0\0binary"),
            ("d.txt", b"A third article, plain and short.\n"),
            ("e.txt", b"A fourth article, as plain.\n"),
        ]);
        let opened = open(sources, &Lexicon::default(), name).expect("opens");
        // Every source is read before the reader opens; those that do not
        // load are reported then, in order.
        assert_eq!(opened.skipped.len(), 2, "a.txt is empty, c.txt binary");
        assert!(opened.skipped[0].to_string().contains("a.txt"));
        assert!(opened.skipped[1].to_string().contains("not a text file"));
        let mut briefing = opened.briefing;
        assert_eq!(*briefing.first(), "b.txt");
        assert_eq!(briefing.len(), 3);
        assert!(matches!(briefing.get(1), Some(Slot::Pending(n)) if n.ends_with("d.txt")));
        let loader = opened.loader.expect("two more to analyse");
        let mut got = Vec::new();
        while got.len() < 2 {
            if let Some(d) = loader.recv_timeout(std::time::Duration::from_secs(10)) {
                got.push(d.index);
                briefing.deliver(d);
            } else {
                panic!("the loader delivered {got:?} only");
            }
        }
        assert_eq!(got, [1, 2]);
        assert!(matches!(briefing.get(1), Some(Slot::Ready(a)) if **a == "d.txt"));
        assert!(matches!(briefing.get(2), Some(Slot::Ready(a)) if **a == "e.txt"));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_panic_in_an_article_s_work_fails_that_article_only() {
        let (dir, sources) = folder(&[
            ("g.txt", b"The first article, shown at once.\n"),
            ("h.txt", b"An article whose preparation trips over a bug.\n"),
            ("i.txt", b"An article after it, which still arrives.\n"),
        ]);
        let prepare = |a: Article| {
            let n = name(a);
            assert!(n != "h.txt", "a bug in preparing {n}");
            n
        };
        let opened = open(sources, &Lexicon::default(), prepare).expect("opens");
        let mut briefing = opened.briefing;
        let loader = opened.loader.expect("two more to load");
        for _ in 0..2 {
            let d = loader
                .recv_timeout(std::time::Duration::from_secs(10))
                .expect("a delivery");
            briefing.deliver(d);
        }
        let Some(Slot::Failed(e)) = briefing.get(1) else {
            panic!("h.txt failed");
        };
        let msg = e.to_string();
        assert!(
            msg.contains("h.txt: could not be analysed (internal error: a bug in preparing h.txt"),
            "{msg}"
        );
        assert!(matches!(briefing.get(2), Some(Slot::Ready(a)) if **a == "i.txt"));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn nothing_loads_is_every_error_in_order() {
        let (dir, sources) = folder(&[("e.txt", b""), ("f.txt", b"   \n")]);
        let Err(BriefingError::NoArticle { errors }) = open(sources, &Lexicon::default(), name)
        else {
            panic!("nothing loads");
        };
        assert_eq!(errors.len(), 2);
        assert!(errors[0].to_string().contains("e.txt"));
        assert!(errors[1].to_string().contains("f.txt"));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_delivery_is_equal_only_to_itself() {
        let d = Delivery {
            index: 1,
            result: Ok(Arc::new(1)),
        };
        assert_eq!(d, d.clone());
        let other = Delivery {
            index: 1,
            result: Ok(Arc::new(1)),
        };
        assert_ne!(d, other);
    }
}

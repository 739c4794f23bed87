//! Every document of a reading: the items a command was given, each
//! loaded, a folder's documents put in date order. [`read_items`] hands
//! them over one input at a time (the batch commands: memory for one input,
//! not all); [`gather`] keeps them all (the reader).

use super::folder::{self, Item};
use super::{Loaded, Parsed, load_all};
use crate::error::LoadError;

/// One document of a reading, or why an input gave none.
#[derive(Debug)]
pub struct Got {
    pub result: Result<Loaded, LoadError>,
    /// The input was found in a folder: a failure skips it, it does not
    /// fail the command.
    pub in_folder: bool,
    /// The reading has more than one document.
    pub several: bool,
}

/// Loads `items` in order and hands `f` each document (or each failure).
/// The documents of one input are all loaded before the first is handed
/// over, so `several` is known.
pub fn read_items(items: &[Item], mut f: impl FnMut(Got)) {
    let many_items = items.len() > 1;
    for item in items {
        match item {
            Item::One(source) => match load_all(source) {
                Ok(parsed) => {
                    let several = many_items || parsed.docs.len() > 1;
                    for loaded in flatten(parsed) {
                        f(Got {
                            result: Ok(loaded),
                            in_folder: false,
                            several,
                        });
                    }
                }
                Err(e) => f(Got {
                    result: Err(e),
                    in_folder: false,
                    several: many_items,
                }),
            },
            Item::Folder { sources, .. } => {
                let mut docs = Vec::new();
                let mut failed = Vec::new();
                for source in sources {
                    match load_all(source) {
                        Ok(parsed) => docs.extend(flatten(parsed)),
                        Err(e) => failed.push(e),
                    }
                }
                folder::order(&mut docs);
                let several = many_items || docs.len() > 1;
                for e in failed {
                    f(Got {
                        result: Err(e),
                        in_folder: true,
                        several,
                    });
                }
                for loaded in docs {
                    f(Got {
                        result: Ok(loaded),
                        in_folder: true,
                        several,
                    });
                }
            }
        }
    }
}

/// The documents of an input, its own warnings given with the first.
fn flatten(parsed: Parsed) -> Vec<Loaded> {
    let Parsed {
        mut docs,
        mut warnings,
        ..
    } = parsed;
    if let Some(first) = docs.first_mut() {
        warnings.append(&mut first.warnings);
        first.warnings = warnings;
    }
    docs
}

/// Every document of a reading, loaded, in reading order.
#[derive(Debug, Default)]
pub struct Batch {
    /// The title of the briefing: a feed's, when the reading is one feed.
    pub title: Option<String>,
    pub docs: Vec<Loaded>,
    /// Inputs that gave no document, with `true` for those in a folder.
    pub failed: Vec<(LoadError, bool)>,
}

/// Loads every item.
pub fn gather(items: &[Item]) -> Batch {
    let mut batch = Batch::default();
    if let [Item::One(source)] = items {
        match load_all(source) {
            Ok(parsed) => {
                batch.title = parsed.title.clone();
                batch.docs = flatten(parsed);
            }
            Err(e) => batch.failed.push((e, false)),
        }
        return batch;
    }
    read_items(items, |got| match got.result {
        Ok(loaded) => batch.docs.push(loaded),
        Err(e) => batch.failed.push((e, got.in_folder)),
    });
    batch
}

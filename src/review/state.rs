//! The review file of one article, as stored (JSON), and how two versions
//! of it merge.
//!
//! Every mark is a last-writer-wins register: its value and when it was
//! set (milliseconds since 1970). Two readers' files merge field by field,
//! the later write winning, so one reader's star never undoes another's
//! note; clearing a mark is a write too, and wins over an older set.

use serde::{Deserialize, Serialize};

use super::anchor::Anchor;

/// The version of the file format. A file of a later version is read as
/// well as it can be, never written over.
pub const FORMAT_VERSION: u32 = 1;

/// One mark: its value and when it was set (0: never).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Register<T> {
    pub value: T,
    pub at: u64,
}

impl<T: PartialOrd + Clone> Register<T> {
    fn is_unset(&self) -> bool {
        self.at == 0
    }

    /// Sets the value at `now`, later than the value it replaces even when
    /// the clock is behind the one that wrote it.
    pub(crate) fn set(&mut self, value: T, now: u64) {
        self.at = now.max(self.at + 1);
        self.value = value;
    }

    /// Keeps the later of the two (on a tie, the greater value, so that the
    /// merge is the same whichever side runs it).
    fn merge(&mut self, other: &Register<T>) {
        let later = other.at > self.at
            || (other.at == self.at
                && other
                    .value
                    .partial_cmp(&self.value)
                    .is_some_and(|o| o.is_gt()));
        if later {
            *self = other.clone();
        }
    }
}

/// The marks of one item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    #[serde(default, skip_serializing_if = "Register::is_unset")]
    pub reviewed: Register<bool>,
    #[serde(default, skip_serializing_if = "Register::is_unset")]
    pub starred: Register<bool>,
    /// An empty note is no note.
    #[serde(default, skip_serializing_if = "Register::is_unset")]
    pub note: Register<String>,
}

impl Marks {
    /// Whether any mark was ever set (or cleared): worth storing.
    pub(crate) fn touched(&self) -> bool {
        self.reviewed.at != 0 || self.starred.at != 0 || self.note.at != 0
    }

    /// Whether any mark is on.
    pub fn any(&self) -> bool {
        self.reviewed.value || self.starred.value || !self.note.value.is_empty()
    }

    pub fn reviewed(&self) -> bool {
        self.reviewed.value
    }

    pub fn starred(&self) -> bool {
        self.starred.value
    }

    /// The note, `None` when there is none.
    pub fn note(&self) -> Option<&str> {
        Some(self.note.value.as_str()).filter(|n| !n.is_empty())
    }

    pub(crate) fn merge(&mut self, other: &Marks) {
        self.reviewed.merge(&other.reviewed);
        self.starred.merge(&other.starred);
        self.note.merge(&other.note);
    }

    /// When the latest mark was set.
    pub(crate) fn last(&self) -> u64 {
        self.reviewed.at.max(self.starred.at).max(self.note.at)
    }
}

/// One stored item: its id, where it was, its marks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    pub anchor: Anchor,
    #[serde(flatten)]
    pub marks: Marks,
}

/// The review file of one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub version: u32,
    /// SHA-256 of the article's text: the file's name.
    pub text_sha256: String,
    /// Where the article comes from (`file:/abs/path`, `stdin`, `sample:…`).
    #[serde(default)]
    pub source: String,
    /// The name shown for it, and its title.
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub title: String,
    /// Sorted by id.
    #[serde(default)]
    pub items: Vec<Record>,
}

impl State {
    pub fn new(text_sha256: String, source: String, name: String, title: String) -> State {
        State {
            version: FORMAT_VERSION,
            text_sha256,
            source,
            name,
            title,
            items: Vec::new(),
        }
    }

    /// Merges `other` (the file as found on disk) into this one: records of
    /// either side, each mark the later of the two. This side's anchor and
    /// names win.
    pub fn merge(&mut self, other: &State) {
        for r in &other.items {
            match self.items.binary_search_by(|x| x.id.cmp(&r.id)) {
                Ok(i) => self.items[i].marks.merge(&r.marks),
                Err(i) => self.items.insert(i, r.clone()),
            }
        }
    }

    /// Sorts the records by id (the order merges rely on).
    pub(crate) fn sort(&mut self) {
        self.items.sort_by(|a, b| a.id.cmp(&b.id));
    }

    /// When the latest mark was set.
    pub(crate) fn last(&self) -> u64 {
        self.items.iter().map(|r| r.marks.last()).max().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::ItemKind;

    fn record(id: &str) -> Record {
        Record {
            id: id.to_string(),
            anchor: Anchor {
                kind: ItemKind::Quote,
                exact: id.to_string(),
                prefix: String::new(),
                suffix: String::new(),
                holder: None,
                start: 0,
                end: 0,
            },
            marks: Marks::default(),
        }
    }

    fn state(records: Vec<Record>) -> State {
        let mut s = State::new("0".into(), String::new(), String::new(), String::new());
        s.items = records;
        s.sort();
        s
    }

    #[test]
    fn each_mark_keeps_the_later_write() {
        let mut a = record("q-1");
        a.marks.reviewed.set(true, 10);
        a.marks.note.set("mine".into(), 30);
        let mut b = record("q-1");
        b.marks.starred.set(true, 20);
        b.marks.note.set("theirs".into(), 25);
        b.marks.reviewed.set(false, 40);
        let mut mine = state(vec![a]);
        mine.merge(&state(vec![b, record("q-2")]));
        let m = &mine.items[0].marks;
        assert!(!m.reviewed(), "the later un-review wins");
        assert!(m.starred());
        assert_eq!(m.note(), Some("mine"));
        assert_eq!(mine.items.len(), 2, "their other record is kept");
    }

    #[test]
    fn a_merge_is_the_same_from_either_side() {
        let mut a = record("q-1");
        a.marks.note.set("left".into(), 5);
        let mut b = record("q-1");
        b.marks.note.set("right".into(), 5);
        let (sa, sb) = (state(vec![a]), state(vec![b]));
        let mut ab = sa.clone();
        ab.merge(&sb);
        let mut ba = sb.clone();
        ba.merge(&sa);
        assert_eq!(ab.items[0].marks, ba.items[0].marks);
    }

    #[test]
    fn a_set_is_later_than_what_it_replaces_even_with_a_slow_clock() {
        let mut r: Register<bool> = Register::default();
        r.set(true, 1000);
        r.set(false, 10);
        assert_eq!(r.at, 1001);
        assert!(!r.value);
    }

    #[test]
    fn the_file_format_round_trips_and_leaves_unset_marks_out() {
        let mut r = record("q-1");
        r.marks.starred.set(true, 7);
        let s = state(vec![r]);
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains("\"version\":1"), "{json}");
        assert!(
            json.contains("\"starred\":{\"value\":true,\"at\":7}"),
            "{json}"
        );
        assert!(!json.contains("reviewed"), "{json}");
        assert_eq!(serde_json::from_str::<State>(&json).unwrap(), s);
    }
}

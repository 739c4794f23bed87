//! Keys → actions: the `[keys]` config section (every bindable action, its
//! default keys and its help text in one table), key-string parsing, and
//! the lookup the event loop uses. The help overlay and the status line are
//! generated from the live [`KeyMap`], so they cannot drift from it.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Deserialize;

use super::action::Action;

/// A key without modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    F(u8),
}

/// A key with its modifiers, as written in the config (`"ctrl-d"`, `"G"`,
/// `"PageDown"`, `"shift-tab"`).
///
/// Shift is part of the character for printable keys (`"G"`, `"?"`), so it
/// is only kept for named keys (`"shift-up"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl KeyChord {
    const fn plain(key: Key) -> KeyChord {
        KeyChord {
            key,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    /// Parses a key string; the error says what is wrong with it.
    pub fn parse(s: &str) -> Result<KeyChord, String> {
        let mut chord = KeyChord::plain(Key::Esc);
        let mut rest = s;
        // Modifiers are prefixes; a lone "-" or "+" is the key itself.
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = [
                "ctrl-", "ctrl+", "c-", "alt-", "alt+", "a-", "m-", "shift-", "shift+", "s-",
            ]
            .into_iter()
            .find(|p| lower.starts_with(p) && rest.len() > p.len());
            let Some(p) = prefix else { break };
            match p.as_bytes()[0] {
                b'c' => chord.ctrl = true,
                b'a' | b'm' => chord.alt = true,
                _ => chord.shift = true,
            }
            rest = &rest[p.len()..];
        }
        let mut chars = rest.chars();
        let key = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() && c != ' ' => {
                if chord.shift {
                    return Err(format!(
                        "`{s}`: write the shifted character itself (`{}`), not shift-",
                        c.to_uppercase()
                    ));
                }
                // Ctrl-letter arrives as the lower-case letter.
                Key::Char(if chord.ctrl {
                    c.to_ascii_lowercase()
                } else {
                    c
                })
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "up" => Key::Up,
                "down" => Key::Down,
                "left" => Key::Left,
                "right" => Key::Right,
                "pageup" | "pgup" => Key::PageUp,
                "pagedown" | "pgdn" | "pgdown" => Key::PageDown,
                "home" => Key::Home,
                "end" => Key::End,
                "enter" | "return" => Key::Enter,
                "esc" | "escape" => Key::Esc,
                "tab" if chord.shift => {
                    chord.shift = false;
                    Key::BackTab
                }
                "tab" => Key::Tab,
                "backtab" => Key::BackTab,
                "backspace" => Key::Backspace,
                "delete" | "del" => Key::Delete,
                "insert" | "ins" => Key::Insert,
                "space" => Key::Char(' '),
                f if f.starts_with('f') && f.len() > 1 => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=24) => Key::F(n),
                    _ => return Err(unknown_key(s)),
                },
                _ => return Err(unknown_key(s)),
            },
        };
        chord.key = key;
        Ok(chord)
    }

    /// The chord a terminal key event stands for, if it is a key press.
    pub fn from_event(ev: &KeyEvent) -> Option<KeyChord> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        let m = ev.modifiers;
        let ctrl = m.contains(KeyModifiers::CONTROL);
        let alt = m.contains(KeyModifiers::ALT);
        let shift = m.contains(KeyModifiers::SHIFT);
        let (key, shift) = match ev.code {
            KeyCode::Char(c) => (
                Key::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
                false,
            ),
            KeyCode::Up => (Key::Up, shift),
            KeyCode::Down => (Key::Down, shift),
            KeyCode::Left => (Key::Left, shift),
            KeyCode::Right => (Key::Right, shift),
            KeyCode::PageUp => (Key::PageUp, shift),
            KeyCode::PageDown => (Key::PageDown, shift),
            KeyCode::Home => (Key::Home, shift),
            KeyCode::End => (Key::End, shift),
            KeyCode::Enter => (Key::Enter, shift),
            KeyCode::Esc => (Key::Esc, shift),
            KeyCode::Tab if shift => (Key::BackTab, false),
            KeyCode::Tab => (Key::Tab, false),
            KeyCode::BackTab => (Key::BackTab, false),
            KeyCode::Backspace => (Key::Backspace, shift),
            KeyCode::Delete => (Key::Delete, shift),
            KeyCode::Insert => (Key::Insert, shift),
            KeyCode::F(n) => (Key::F(n), shift),
            _ => return None,
        };
        Some(KeyChord {
            key,
            ctrl,
            alt,
            shift,
        })
    }
}

fn unknown_key(s: &str) -> String {
    format!(
        "unknown key `{s}`: use a character (`j`, `G`, `?`), a key name (Up, Down, Left, Right, \
         PageUp, PageDown, Home, End, Enter, Esc, Tab, Backspace, Delete, Insert, Space, F1–F24), \
         optionally after ctrl-, alt- or shift-"
    )
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        if self.shift {
            f.write_str("Shift-")?;
        }
        match self.key {
            Key::Char(' ') => f.write_str("Space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::Up => f.write_str("Up"),
            Key::Down => f.write_str("Down"),
            Key::Left => f.write_str("Left"),
            Key::Right => f.write_str("Right"),
            Key::PageUp => f.write_str("PgUp"),
            Key::PageDown => f.write_str("PgDn"),
            Key::Home => f.write_str("Home"),
            Key::End => f.write_str("End"),
            Key::Enter => f.write_str("Enter"),
            Key::Esc => f.write_str("Esc"),
            Key::Tab => f.write_str("Tab"),
            Key::BackTab => f.write_str("Shift-Tab"),
            Key::Backspace => f.write_str("Backspace"),
            Key::Delete => f.write_str("Delete"),
            Key::Insert => f.write_str("Insert"),
            Key::F(n) => write!(f, "F{n}"),
        }
    }
}

/// The keys of one action: a single string or a list (`[]` unbinds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bindings(pub Vec<KeyChord>);

impl<'de> Deserialize<'de> for Bindings {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(String),
            Many(Vec<String>),
        }
        let keys = match OneOrMany::deserialize(d).map_err(|_| {
            serde::de::Error::custom("expected a key string or a list of key strings")
        })? {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        };
        keys.iter()
            .map(|k| KeyChord::parse(k).map_err(serde::de::Error::custom))
            .collect::<Result<Vec<_>, _>>()
            .map(Bindings)
    }
}

/// One table, so that the config fields, the defaults, the help text and
/// the actions cannot disagree. `search_next`/`search_prev` form a layer of
/// their own that takes precedence while a search is active.
macro_rules! bindings {
    ($($field:ident => $action:ident, [$($key:literal),*], $help:literal;)*) => {
        /// Every bindable action: config name, action, default keys, help.
        pub(crate) const BINDINGS: &[(&str, Action, &[&str], &str)] = &[
            $((stringify!($field), Action::$action, &[$($key),*], $help),)*
        ];

        /// `[keys]` as written: only the actions the user rebinds, each
        /// with where it is in the file.
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields, default)]
        struct RawKeys {
            $($field: Option<toml::Spanned<Bindings>>,)*
        }

        impl RawKeys {
            fn into_list(self) -> Vec<(Action, Option<toml::Spanned<Bindings>>)> {
                vec![$((Action::$action, self.$field),)*]
            }
        }
    };
}

bindings! {
    down => Down, ["j", "Down"], "scroll down / next item";
    up => Up, ["k", "Up"], "scroll up / previous item";
    page_down => PageDown, ["PageDown", "Space"], "page down";
    page_up => PageUp, ["PageUp", "b"], "page up";
    half_page_down => HalfPageDown, ["ctrl-d"], "half a page down";
    half_page_up => HalfPageUp, ["ctrl-u"], "half a page up";
    top => Top, ["g", "Home"], "to the top";
    bottom => Bottom, ["G", "End"], "to the bottom";
    focus_next => FocusNext, ["Tab"], "focus the next pane";
    focus_prev => FocusPrev, ["shift-tab"], "focus the previous pane";
    next_section => NextSection, ["]"], "next section";
    prev_section => PrevSection, ["["], "previous section";
    next_quote => NextQuote, ["n"], "next quote (of the selected actor)";
    prev_quote => PrevQuote, ["N"], "previous quote (of the selected actor)";
    next_red_line => NextRedLine, ["r"], "next red line (of the selected actor)";
    prev_red_line => PrevRedLine, ["R"], "previous red line (of the selected actor)";
    next_position => NextPosition, ["p"], "next position (of the selected actor)";
    prev_position => PrevPosition, ["P"], "previous position (of the selected actor)";
    activate => Activate, ["Enter"], "show the item in the article";
    copy_quote => CopyQuote, ["y"], "copy the selected quote and its speaker";
    actors => ShowActors, ["a"], "actors pane";
    quotes => ShowQuotes, ["o"], "quotes pane";
    summary => ShowSummary, ["s"], "summary pane";
    search => Search, ["/"], "search the article";
    search_next => SearchNext, ["n"], "next match (while searching)";
    search_prev => SearchPrev, ["N"], "previous match (while searching)";
    back => Back, ["Esc"], "close help / leave search / back to the article";
    help => Help, ["?"], "this help";
    suspend => Suspend, ["ctrl-z"], "suspend to the shell (fg comes back)";
    quit => Quit, ["q", "ctrl-c"], "quit";
    next_article => NextArticle, [">"], "next article in the folder";
    prev_article => PrevArticle, ["<"], "previous article in the folder";
    reviewed => ToggleReviewed, ["x"], "mark the selected item reviewed (again: not)";
    starred => ToggleStarred, ["*"], "star the selected item (again: unstar)";
    note => EditNote, ["m"], "write a note on the selected item";
    next_unreviewed => NextUnreviewed, ["u"], "next item not yet reviewed";
    prev_unreviewed => PrevUnreviewed, ["U"], "previous item not yet reviewed";
    filter => CycleFilter, ["f"], "side panes: all / unreviewed / starred / with notes";
    memo => WriteMemo, ["e"], "write the review memo (Markdown)";
}

/// The `[keys]` section: every bindable action with its keys, defaults
/// filled in for the actions the user did not rebind.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawKeys")]
pub struct KeysConfig {
    bindings: Vec<(Action, Vec<KeyChord>)>,
}

impl Default for KeysConfig {
    fn default() -> Self {
        KeysConfig {
            bindings: BINDINGS
                .iter()
                .map(|(_, a, keys, _)| {
                    let chords = keys
                        .iter()
                        .filter_map(|k| KeyChord::parse(k).ok())
                        .collect();
                    (a.clone(), chords)
                })
                .collect(),
        }
    }
}

fn is_search_layer(a: &Action) -> bool {
    matches!(a, Action::SearchNext | Action::SearchPrev)
}

fn config_name(a: &Action) -> &'static str {
    BINDINGS.iter().find(|b| b.1 == *a).map_or("?", |b| b.0)
}

impl TryFrom<RawKeys> for KeysConfig {
    type Error = String;

    fn try_from(raw: RawKeys) -> Result<Self, String> {
        let defaults = KeysConfig::default();
        // Each action's keys, and where the user wrote them (`None`: the
        // defaults).
        let given: Vec<(Action, Vec<KeyChord>, Option<Range<usize>>)> = raw
            .into_list()
            .into_iter()
            .zip(defaults.bindings)
            .map(|((a, given), (_, default))| match given {
                Some(b) => {
                    let span = b.span();
                    (a, b.into_inner().0, Some(span))
                }
                None => (a, default, None),
            })
            .collect();
        // A key may do one thing per layer; a clash would silently shadow.
        let mut seen: HashMap<(bool, KeyChord), usize> = HashMap::new();
        for (i, (a, chords, _)) in given.iter().enumerate() {
            for c in chords {
                if let Some(j) = seen.insert((is_search_layer(a), *c), i)
                    && j != i
                {
                    let (other, _, other_at) = &given[j];
                    let message = format!(
                        "key `{c}` is bound to both `{}` and `{}`; a key does one thing \
                         (`{} = []` or `{} = []` unbinds an action)",
                        config_name(other),
                        config_name(a),
                        config_name(other),
                        config_name(a),
                    );
                    // Named at the binding the user wrote (the later one
                    // when both are), not at `[keys]`.
                    let at = [other_at.clone(), given[i].2.clone()]
                        .into_iter()
                        .flatten()
                        .max_by_key(|r| r.start);
                    return Err(match at {
                        Some(span) => crate::config::error_at(span, &message),
                        None => message,
                    });
                }
            }
        }
        Ok(KeysConfig {
            bindings: given.into_iter().map(|(a, c, _)| (a, c)).collect(),
        })
    }
}

/// The live key map.
#[derive(Clone, Debug)]
pub(crate) struct KeyMap {
    normal: HashMap<KeyChord, Action>,
    search: HashMap<KeyChord, Action>,
    /// Keys per bindable action, in table order (for help and hints).
    keys: Vec<(Action, Vec<KeyChord>)>,
}

impl KeyMap {
    pub(crate) fn new(config: &KeysConfig) -> KeyMap {
        let mut normal = HashMap::new();
        let mut search = HashMap::new();
        for (a, chords) in &config.bindings {
            let table = if is_search_layer(a) {
                &mut search
            } else {
                &mut normal
            };
            for c in chords {
                table.insert(*c, a.clone());
            }
        }
        KeyMap {
            normal,
            search,
            keys: config.bindings.clone(),
        }
    }

    /// The action for a key press. While a search is active its layer
    /// (`search_next`/`search_prev`) comes first. Ctrl-C quits even when
    /// rebound away, so the reader can always be left.
    pub(crate) fn action(&self, chord: &KeyChord, searching: bool) -> Option<Action> {
        let found = if searching {
            self.search.get(chord).or_else(|| self.normal.get(chord))
        } else {
            self.normal.get(chord).or_else(|| self.search.get(chord))
        };
        found
            .cloned()
            .or_else(|| (chord.ctrl && chord.key == Key::Char('c')).then_some(Action::Quit))
    }

    /// The keys of an action, as the user would type them ("j/Down").
    pub(crate) fn keys_of(&self, action: &Action) -> String {
        self.keys
            .iter()
            .find(|(a, _)| a == action)
            .map(|(_, c)| {
                c.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .unwrap_or_default()
    }

    /// The first key of an action, for the status line.
    pub(crate) fn first_key(&self, action: &Action) -> Option<String> {
        self.keys
            .iter()
            .find(|(a, _)| a == action)
            .and_then(|(_, c)| c.first())
            .map(ToString::to_string)
    }

    /// Every bindable action with its keys and help text, for the overlay.
    pub(crate) fn help(&self) -> Vec<(String, &'static str)> {
        BINDINGS
            .iter()
            .map(|(_, a, _, help)| {
                let keys = self.keys_of(a);
                (
                    if keys.is_empty() {
                        "(unbound)".into()
                    } else {
                        keys
                    },
                    *help,
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chord(s: &str) -> KeyChord {
        KeyChord::parse(s).unwrap()
    }

    #[test]
    fn key_strings_parse() {
        assert_eq!(chord("j").key, Key::Char('j'));
        assert_eq!(chord("G").key, Key::Char('G'));
        let c = chord("ctrl-d");
        assert!(c.ctrl && c.key == Key::Char('d'));
        assert_eq!(chord("C-D"), c);
        assert_eq!(chord("shift-tab").key, Key::BackTab);
        assert!(!chord("shift-tab").shift);
        assert_eq!(chord("PageDown").key, Key::PageDown);
        assert_eq!(chord("pgdn").key, Key::PageDown);
        assert_eq!(chord("-").key, Key::Char('-'));
        assert_eq!(chord("ctrl--").key, Key::Char('-'));
        assert_eq!(chord("space").key, Key::Char(' '));
        assert_eq!(chord("F12").key, Key::F(12));
        assert!(KeyChord::parse("PageDwn").is_err());
        assert!(KeyChord::parse("shift-j").is_err());
        assert!(KeyChord::parse("").is_err());
        assert!(KeyChord::parse("F99").is_err());
    }

    #[test]
    fn every_default_key_parses_and_displays_back() {
        for (name, _, keys, _) in BINDINGS {
            for k in *keys {
                let c = KeyChord::parse(k).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(KeyChord::parse(&c.to_string()), Ok(c), "{name}: {k}");
            }
        }
    }

    #[test]
    fn events_map_to_chords() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(KeyChord::from_event(&ev), Some(chord("G")));
        let ev = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(KeyChord::from_event(&ev), Some(chord("shift-tab")));
        let ev = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(KeyChord::from_event(&ev), Some(chord("ctrl-d")));
    }

    #[test]
    fn search_layer_takes_n_while_searching() {
        let map = KeyMap::new(&KeysConfig::default());
        assert_eq!(map.action(&chord("n"), false), Some(Action::NextQuote));
        assert_eq!(map.action(&chord("n"), true), Some(Action::SearchNext));
        assert_eq!(map.action(&chord("N"), true), Some(Action::SearchPrev));
        assert_eq!(map.action(&chord("j"), true), Some(Action::Down));
        assert_eq!(map.action(&chord("ctrl-c"), false), Some(Action::Quit));
    }

    #[test]
    fn every_action_is_bound_by_default_and_in_help() {
        let map = KeyMap::new(&KeysConfig::default());
        let help = map.help();
        assert_eq!(help.len(), BINDINGS.len());
        assert!(help.iter().all(|(k, _)| k != "(unbound)"));
        assert!(help.contains(&("j/Down".to_string(), "scroll down / next item")));
    }

    #[test]
    fn rebinding_replaces_only_that_action() {
        let keys: KeysConfig = toml::from_str::<Wrapper>("[keys]\ndown = \"J\"\nquit = []\n")
            .unwrap()
            .keys;
        let map = KeyMap::new(&keys);
        assert_eq!(map.action(&chord("J"), false), Some(Action::Down));
        assert_eq!(map.action(&chord("j"), false), None);
        assert_eq!(map.action(&chord("k"), false), Some(Action::Up));
        assert_eq!(map.action(&chord("q"), false), None);
        // Ctrl-C still leaves.
        assert_eq!(map.action(&chord("ctrl-c"), false), Some(Action::Quit));
    }

    #[test]
    fn clashing_keys_are_an_error() {
        let err = toml::from_str::<Wrapper>("[keys]\ndown = \"k\"\n").unwrap_err();
        assert!(err.message().contains("`k` is bound to both"), "{err}");
    }

    #[derive(Debug, Deserialize)]
    struct Wrapper {
        keys: KeysConfig,
    }
}

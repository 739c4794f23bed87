//! Colours and emphasis: the `[theme]` config section, and how each
//! highlight [`Mark`] looks. Without colour (`NO_COLOR`), marks are told
//! apart by bold, underline and reverse, and the gutter markers.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::highlight::{Class, Mark};
use crate::model::ActorId;

/// A colour as written in the config: a name (`red`, `light-blue`,
/// `dark-gray`, `default`), a 256-colour index, or `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour(pub Color);

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s.eq_ignore_ascii_case("default") {
            return Ok(Colour(Color::Reset));
        }
        s.parse::<Color>().map(Colour).map_err(|_| {
            serde::de::Error::custom(format!(
                "unknown colour `{s}`: use a name (red, light-blue, dark-gray, default…), \
                 a number 0–255 or #rrggbb"
            ))
        })
    }
}

/// The `[theme]` section.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ThemeConfig {
    /// Actor colours, given to actors in order; when they run out they come
    /// round again underlined (see `Theme::actor`), never repeated as they
    /// were.
    pub actors: Vec<Colour>,
    pub red_line: Colour,
    pub position: Colour,
    /// Focused borders, headings, the selected tab.
    pub accent: Colour,
    /// Background of search matches.
    pub search: Colour,
    /// Background of the current search match.
    pub current: Colour,
    /// Background of the selected item in a list.
    pub selection: Colour,
    /// Secondary text: counts, hints, the source line.
    pub dim: Colour,
}

impl Default for ThemeConfig {
    fn default() -> Self {
        ThemeConfig {
            actors: [
                Color::Cyan,
                Color::Green,
                Color::Yellow,
                Color::Magenta,
                Color::LightBlue,
                Color::LightGreen,
                Color::LightCyan,
                Color::LightMagenta,
            ]
            .map(Colour)
            .to_vec(),
            red_line: Colour(Color::Red),
            position: Colour(Color::Yellow),
            accent: Colour(Color::Cyan),
            search: Colour(Color::Yellow),
            current: Colour(Color::LightRed),
            selection: Colour(Color::DarkGray),
            dim: Colour(Color::DarkGray),
        }
    }
}

/// Whether colours may be used. `NO_COLOR` (set and not empty) says no.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColourMode {
    Colour,
    Plain,
}

impl ColourMode {
    pub fn from_env() -> ColourMode {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => ColourMode::Plain,
            _ => ColourMode::Colour,
        }
    }
}

/// Styles, resolved once from the config and the colour mode.
#[derive(Clone, Debug)]
pub(crate) struct Theme {
    pub(crate) colour: bool,
    actors: Vec<Color>,
    red_line: Color,
    position: Color,
    accent: Color,
    search: Color,
    current: Color,
    selection: Color,
    dim: Color,
}

impl Theme {
    pub(crate) fn new(config: &ThemeConfig, mode: ColourMode) -> Theme {
        Theme {
            colour: mode == ColourMode::Colour,
            actors: config.actors.iter().map(|c| c.0).collect(),
            red_line: config.red_line.0,
            position: config.position.0,
            accent: config.accent.0,
            search: config.search.0,
            current: config.current.0,
            selection: config.selection.0,
            dim: config.dim.0,
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.colour {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// An actor's style: its palette colour. Past the end of the palette
    /// the colours come round again underlined, the underline in another
    /// palette colour each round (its own first), so that no two of the
    /// first n × (n + 1) actors of an n-colour palette look alike; a
    /// terminal without coloured underlines shows a plain one.
    pub(crate) fn actor(&self, id: ActorId) -> Style {
        let n = self.actors.len();
        if n == 0 {
            return self.fg(self.accent);
        }
        let i = id.index();
        let style = self.fg(self.actors[i % n]);
        let round = (i / n) % (n + 1);
        if round == 0 || !self.colour {
            return style;
        }
        style
            .add_modifier(Modifier::UNDERLINED)
            .underline_color(self.actors[(i % n + round - 1) % n])
    }

    /// How a stretch of article text with this mark looks. Colour follows
    /// [`Mark::class`] (so red lines win); emphasis adds up from the layers.
    pub(crate) fn mark(&self, mark: &Mark) -> Style {
        if mark.is_plain() {
            return Style::new();
        }
        let mut style = Style::new();
        if self.colour {
            style = match mark.class() {
                Class::Current => Style::new()
                    .bg(self.current)
                    .fg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                // Matches stay plain so the current one stands out.
                Class::Search => return Style::new().bg(self.search).fg(Color::Black),
                Class::Flash => Style::new().add_modifier(Modifier::REVERSED),
                Class::RedLine => Style::new().fg(self.red_line),
                Class::Mention(a) => self.actor(a),
                Class::Quote(q) => match q.speaker {
                    Some(a) => self.actor(a),
                    None => Style::new(),
                },
                Class::Position => Style::new(),
                Class::Plain => Style::new(),
            };
            if mark.mention.is_some() {
                style = style.add_modifier(Modifier::BOLD);
            }
            if let Some(q) = mark.quote {
                style = style.add_modifier(Modifier::ITALIC);
                // An attribution the analysis is unsure of is drawn faint.
                if q.uncertain {
                    style = style.add_modifier(Modifier::DIM);
                }
            }
        } else {
            if mark.quote.is_some_and(|q| q.uncertain) {
                style = style.add_modifier(Modifier::DIM);
            }
            if mark.mention.is_some() {
                style = style.add_modifier(Modifier::BOLD);
            }
            if mark.quote.is_some() || mark.red_line {
                style = style.add_modifier(Modifier::UNDERLINED);
            }
            if mark.red_line {
                style = style.add_modifier(Modifier::BOLD);
            }
            if mark.search || mark.flash {
                style = style.add_modifier(Modifier::REVERSED);
            }
            if mark.current {
                style = style.add_modifier(Modifier::BOLD | Modifier::REVERSED);
            }
        }
        style
    }

    pub(crate) fn gutter_red_line(&self) -> Style {
        self.fg(self.red_line).add_modifier(Modifier::BOLD)
    }

    pub(crate) fn gutter_position(&self) -> Style {
        self.fg(self.position)
    }

    pub(crate) fn red_line(&self) -> Style {
        self.fg(self.red_line)
    }

    pub(crate) fn heading(&self) -> Style {
        self.fg(self.accent).add_modifier(Modifier::BOLD)
    }

    pub(crate) fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub(crate) fn dim(&self) -> Style {
        if self.colour {
            Style::new().fg(self.dim)
        } else {
            Style::new()
        }
    }

    pub(crate) fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(self.accent).add_modifier(Modifier::BOLD)
        } else {
            self.dim()
        }
    }

    pub(crate) fn selected(&self, focused: bool) -> Style {
        if !self.colour {
            return if focused {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new().add_modifier(Modifier::UNDERLINED)
            };
        }
        let s = Style::new().bg(self.selection);
        if focused {
            s.add_modifier(Modifier::BOLD)
        } else {
            s
        }
    }

    pub(crate) fn tab(&self, current: bool) -> Style {
        if current {
            self.fg(self.accent)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new()
        }
    }

    pub(crate) fn key(&self) -> Style {
        self.fg(self.accent).add_modifier(Modifier::BOLD)
    }

    pub(crate) fn uncertain(&self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    /// The review marks: reviewed, starred, a note.
    pub(crate) fn review_done(&self) -> Style {
        self.fg(Color::Green)
    }

    pub(crate) fn review_star(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub(crate) fn review_note(&self) -> Style {
        self.fg(self.accent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Wrapper {
        theme: ThemeConfig,
    }

    #[test]
    fn colours_parse_by_name_index_and_hex() {
        let t: Wrapper = toml::from_str(
            "[theme]\nred_line = \"light-red\"\naccent = \"#ff8800\"\ndim = \"244\"\nsearch = \"default\"\n",
        )
        .unwrap();
        assert_eq!(t.theme.red_line, Colour(Color::LightRed));
        assert_eq!(t.theme.accent, Colour(Color::Rgb(0xff, 0x88, 0)));
        assert_eq!(t.theme.dim, Colour(Color::Indexed(244)));
        assert_eq!(t.theme.search, Colour(Color::Reset));
        assert_eq!(t.theme.actors, ThemeConfig::default().actors);
    }

    #[test]
    fn bad_colour_is_an_error() {
        let err = toml::from_str::<Wrapper>("[theme]\naccent = \"#ff88\"\n")
            .err()
            .unwrap();
        assert!(err.message().contains("unknown colour `#ff88`"), "{err}");
    }

    #[test]
    fn actors_past_the_palette_stay_distinct() {
        let theme = Theme::new(&ThemeConfig::default(), ColourMode::Colour);
        let n = ThemeConfig::default().actors.len();
        let look = |i: usize| {
            let s = theme.actor(ActorId::new(i));
            (s.fg, s.add_modifier, s.underline_color)
        };
        let mut seen = std::collections::HashSet::new();
        for i in 0..n * (n + 1) {
            assert!(seen.insert(look(i)), "actor {i} looks like an earlier one");
        }
        // The palette's own round is plain; the next is underlined.
        assert_eq!(look(0).1, Modifier::empty());
        assert!(look(n).1.contains(Modifier::UNDERLINED));
        assert_eq!(look(n).0, look(0).0);
        // A palette of one still tells its first actors apart.
        let one = ThemeConfig {
            actors: vec![Colour(Color::Cyan)],
            ..ThemeConfig::default()
        };
        let theme = Theme::new(&one, ColourMode::Colour);
        assert_ne!(theme.actor(ActorId::new(0)), theme.actor(ActorId::new(1)));
    }

    #[test]
    fn without_colour_marks_use_emphasis_only() {
        let theme = Theme::new(&ThemeConfig::default(), ColourMode::Plain);
        let mark = Mark {
            mention: Some(ActorId::new(0)),
            red_line: true,
            ..Mark::default()
        };
        let style = theme.mark(&mark);
        assert_eq!(style.fg, None);
        assert_eq!(style.bg, None);
        assert!(
            style
                .add_modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED)
        );
    }
}

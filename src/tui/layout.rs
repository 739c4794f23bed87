//! Where each pane goes for a window size. Wide windows show the panes side
//! by side; narrow ones show one pane at a time under a tab bar. `update`
//! wraps and pages by these rectangles; drawing uses them and returns what
//! it drew ([`Drawn`]), which the mouse is hit-tested on.

use std::ops::Range;

use ratatui::layout::{Constraint, Layout, Position, Rect};

/// Smallest window the reader draws in.
pub(crate) const MIN_WIDTH: u16 = 40;
pub(crate) const MIN_HEIGHT: u16 = 12;
/// Largest window the reader draws in: ratatui keeps two buffers of cells
/// the size of the frame, so a 20000×20000 window (which a terminal may
/// report) would take gigabytes. A bigger window shows the reader in its
/// top left corner.
pub(crate) const MAX_WIDTH: u16 = 1000;
pub(crate) const MAX_HEIGHT: u16 = 500;

/// A window size as the reader draws it.
pub(crate) fn clamp_size(width: u16, height: u16) -> (u16, u16) {
    (width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

/// From this width on, the panes stand side by side.
pub(crate) const WIDE: u16 = 110;
/// From this width on, the summary gets a column of its own.
pub(crate) const WIDEST: u16 = 160;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Pane {
    Article,
    Actors,
    Quotes,
    Summary,
}

impl Pane {
    pub(crate) const ALL: [Pane; 4] = [Pane::Article, Pane::Actors, Pane::Quotes, Pane::Summary];

    /// Its place in [`Pane::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    pub(crate) fn title(self) -> &'static str {
        match self {
            Pane::Article => "Article",
            Pane::Actors => "Actors",
            Pane::Quotes => "Quotes",
            Pane::Summary => "Summary",
        }
    }
}

/// The rectangles of one window size. In narrow windows every pane gets
/// the same body rectangle (only the focused one is drawn), so switching
/// tabs never re-wraps the article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Panes {
    pub(crate) header: Rect,
    pub(crate) tabs: Option<Rect>,
    pub(crate) status: Rect,
    pub(crate) article: Rect,
    pub(crate) actors: Rect,
    pub(crate) quotes: Rect,
    pub(crate) summary: Rect,
    pub(crate) wide: bool,
}

impl Panes {
    /// `None` when the window is too small to draw in.
    pub(crate) fn new(area: Rect) -> Option<Panes> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let wide = area.width >= WIDE;
        let [header, tabs, body, status] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(u16::from(!wide)),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        if !wide {
            return Some(Panes {
                header,
                tabs: Some(tabs),
                status,
                article: body,
                actors: body,
                quotes: body,
                summary: body,
                wide,
            });
        }
        // In u32: three times a width past 21845 columns overflows a u16.
        let side = (u32::from(area.width) * 3 / 10).clamp(32, 44) as u16;
        if area.width >= WIDEST {
            let right = (area.width / 4).clamp(36, 56);
            let [left, article, summary] = Layout::horizontal([
                Constraint::Length(side),
                Constraint::Fill(1),
                Constraint::Length(right),
            ])
            .areas(body);
            let [actors, quotes] =
                Layout::vertical([Constraint::Percentage(40), Constraint::Fill(1)]).areas(left);
            return Some(Panes {
                header,
                tabs: None,
                status,
                article,
                actors,
                quotes,
                summary,
                wide,
            });
        }
        let [left, article] =
            Layout::horizontal([Constraint::Length(side), Constraint::Fill(1)]).areas(body);
        let [actors, quotes, summary] = Layout::vertical([
            Constraint::Percentage(30),
            Constraint::Percentage(35),
            Constraint::Fill(1),
        ])
        .areas(left);
        Some(Panes {
            header,
            tabs: None,
            status,
            article,
            actors,
            quotes,
            summary,
            wide,
        })
    }

    pub(crate) fn rect(&self, pane: Pane) -> Rect {
        match pane {
            Pane::Article => self.article,
            Pane::Actors => self.actors,
            Pane::Quotes => self.quotes,
            Pane::Summary => self.summary,
        }
    }
}

/// The tab labels and the columns they take, relative to the bar.
pub(crate) fn tab_ranges() -> Vec<(Pane, Range<u16>)> {
    let mut x = 1;
    Pane::ALL
        .into_iter()
        .map(|p| {
            let w = p.title().len() as u16 + 2;
            let r = x..x + w;
            x += w + 1;
            (p, r)
        })
        .collect()
}

/// What one frame drew where. The mouse is hit-tested on the frame the
/// user saw, never on a layout computed again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Drawn {
    /// The rectangle of each pane drawn, by [`Pane::index`].
    pub(crate) panes: [Option<Rect>; 4],
    /// The tab bar, when there is one.
    pub(crate) tab_bar: Option<Rect>,
    /// The label of each tab drawn, by [`Pane::index`].
    pub(crate) tabs: [Option<Rect>; 4],
}

impl Drawn {
    /// The pane drawn at a cell, and its rectangle.
    pub(crate) fn pane_at(&self, col: u16, row: u16) -> Option<(Pane, Rect)> {
        let at = Position::new(col, row);
        Pane::ALL.into_iter().find_map(|p| {
            self.panes[p.index()]
                .filter(|r| r.contains(at))
                .map(|r| (p, r))
        })
    }

    /// A cell on the tab bar: `Some` with the tab under it, if any.
    pub(crate) fn on_tab_bar(&self, col: u16, row: u16) -> Option<Option<Pane>> {
        let bar = self.tab_bar.filter(|b| row == b.y)?;
        let at = Position::new(col, bar.y);
        Some(
            Pane::ALL
                .into_iter()
                .find(|p| self.tabs[p.index()].is_some_and(|r| r.contains(at))),
        )
    }
}

/// The inside of a bordered pane.
pub(crate) fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// Columns of the article's gutter (marker and a space).
pub(crate) const GUTTER: u16 = 2;

/// The width the article text wraps to: the pane's inside less the gutter
/// and a one-column right margin, capped by `[reader] wrap_width` (0 = no
/// cap).
pub(crate) fn text_width(article: Rect, wrap_width: u16) -> u16 {
    let w = inner(article).width.saturating_sub(GUTTER + 1);
    if wrap_width == 0 {
        w
    } else {
        w.min(wrap_width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_windows_are_clamped_and_laid_out_without_overflow() {
        assert_eq!(clamp_size(20000, 20000), (MAX_WIDTH, MAX_HEIGHT));
        assert_eq!(clamp_size(80, 24), (80, 24));
        // Wider than the clamp, as a layout asked directly would be.
        for w in [21845, 21846, 30000, u16::MAX] {
            let p = Panes::new(Rect::new(0, 0, w, 100)).expect("drawn");
            assert!(p.wide && p.actors.width <= 44, "{w}");
            assert_eq!(p.summary.right(), w, "{w}");
        }
    }

    #[test]
    fn too_small_is_none() {
        assert!(Panes::new(Rect::new(0, 0, 39, 40)).is_none());
        assert!(Panes::new(Rect::new(0, 0, 80, 11)).is_none());
        assert!(Panes::new(Rect::new(0, 0, 40, 12)).is_some());
    }

    #[test]
    fn narrow_is_tabs_and_wide_is_side_by_side() {
        let n = Panes::new(Rect::new(0, 0, 80, 24)).unwrap();
        assert!(!n.wide && n.tabs.is_some());
        assert_eq!(n.article, n.actors);
        let w = Panes::new(Rect::new(0, 0, 120, 40)).unwrap();
        assert!(w.wide && w.tabs.is_none());
        assert!(w.actors.right() <= w.article.left());
        assert_eq!(w.summary.x, w.actors.x);
        let ww = Panes::new(Rect::new(0, 0, 200, 60)).unwrap();
        assert!(ww.summary.left() >= ww.article.right());
    }
}

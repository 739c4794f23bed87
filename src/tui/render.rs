//! Drawing: `draw(&App, &mut Frame)` reads the state, never changes it,
//! and returns what it drew where ([`Drawn`]) for the mouse. It draws the
//! header, the tab bar and the status line itself; each pane and overlay
//! draws its own part. Only the rows in view are turned into styled text;
//! the layout they come from was computed in `update`.
//!
//! Every string drawn from an article (or from a file name) goes through
//! `text::sanitize` or the layout's tokens first, so no control character
//! reaches the terminal.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span as TSpan;
use ratatui::widgets::{Clear, Widget};

use crate::text::sanitize;

use super::action::Action;
use super::app::App;
use super::article::plural;
use super::layout::{Drawn, MIN_HEIGHT, MIN_WIDTH, Pane, Panes, tab_ranges};
use super::overlays::{self, search};
use super::panes::{HintKeys, Paint};
use super::widgets::{fit, put};
use super::words::display_width;

/// Draws the whole reader.
pub fn render(app: &App, frame: &mut Frame) {
    draw(app, frame);
}

/// Draws the whole reader; returns what went where.
pub(crate) fn draw(app: &App, frame: &mut Frame) -> Drawn {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let mut drawn = Drawn::default();
    let panes = match app.layout {
        Some(p) if app.size == (area.width, area.height) => Some(p),
        _ => Panes::new(area),
    };
    let Some(panes) = panes else {
        too_small(buf, area);
        return drawn;
    };
    header(app, buf, panes.header);
    if let Some(tabs) = panes.tabs {
        drawn.tab_bar = Some(tabs);
        drawn.tabs = tab_bar(app, buf, tabs);
    }
    let review = app.sessions.get(app.current);
    for pane in Pane::ALL {
        if !app.visible(pane) {
            continue;
        }
        let rect = panes.rect(pane);
        let paint = Paint {
            article: &app.article,
            review: &review,
            filter: app.filter,
            theme: &app.theme,
            focused: app.focus == pane,
        };
        app.view(pane).draw(&paint, buf, rect);
        drawn.panes[pane.index()] = Some(rect);
    }
    status(app, buf, panes.status);
    let paint = overlays::Paint {
        theme: &app.theme,
        keymap: &app.keymap,
        text: &app.text,
        area,
        status: panes.status,
    };
    let mut cursor = None;
    for o in &app.overlays {
        cursor = o.draw(&paint, buf).or(cursor);
    }
    if let Some(c) = cursor {
        frame.set_cursor_position(c);
    }
    drawn
}

fn too_small(buf: &mut Buffer, area: Rect) {
    Clear.render(area, buf);
    let lines = [
        "window too small".to_string(),
        format!("(needs {MIN_WIDTH}×{MIN_HEIGHT})"),
    ];
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, l) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let text = fit(l, area.width as usize);
        let x = area.x + area.width.saturating_sub(display_width(&text) as u16) / 2;
        buf.set_stringn(x, y, &text, area.width as usize, Style::new());
    }
}

fn header(app: &App, buf: &mut Buffer, r: Rect) {
    let a = &app.article;
    let doc = &a.doc;
    let title = &a.title;
    let mut right = String::new();
    if app.briefing.len() > 1 {
        right = format!(" [{}/{}]", app.current + 1, app.briefing.len());
    }
    let w = r.width as usize;
    // How far the review is, at the right of the title: `12 / 31
    // reviewed` (`12/31 ✓` when narrow), and whether it is on disk.
    let p = app.sessions.get(app.current).progress();
    let progress = if w >= 60 {
        format!(" {} / {} reviewed", p.reviewed, p.total)
    } else {
        format!(" {}/{} ✓", p.reviewed, p.total)
    };
    let unsaved = if app.sessions.failed.is_some() {
        " · not saved"
    } else {
        ""
    };
    let tail = display_width(&progress) + unsaved.len() + display_width(&right);
    let room = w.saturating_sub(1 + tail);
    put(
        buf,
        r.x,
        r.y,
        r.width,
        vec![
            TSpan::raw(" "),
            TSpan::styled(fit(title, room), app.theme.title()),
        ],
    );
    let x = r.right().saturating_sub(tail as u16);
    let done = if p.total > 0 && p.reviewed == p.total {
        app.theme.review_done()
    } else {
        app.theme.dim()
    };
    put(
        buf,
        x,
        r.y,
        r.right().saturating_sub(x),
        vec![
            TSpan::styled(progress, done),
            TSpan::styled(unsaved, app.theme.red_line()),
            TSpan::styled(right, app.theme.dim()),
        ],
    );
    let (sections, actors, quotes, red) = a.counts();
    let long = [
        plural(sections, "section", "sections"),
        plural(actors, "actor", "actors"),
        plural(quotes, "quote", "quotes"),
    ]
    .join(" · ");
    let red_long = plural(red, "red line", "red lines");
    let source = sanitize(&doc.name);
    // Narrow windows drop the source first, then shorten the counts, so
    // the red lines always show.
    let need = |counts: &str, red: &str| display_width(counts) + 3 + display_width(red) + 1;
    let mut spans = vec![TSpan::raw(" ")];
    let (counts, red) = if w >= need(&long, &red_long) + 11 {
        let room = w - need(&long, &red_long) - 3;
        spans.push(TSpan::styled(fit(&source, room), app.theme.dim()));
        spans.push(TSpan::styled(" · ", app.theme.dim()));
        (long, red_long)
    } else if w >= need(&long, &red_long) {
        (long, red_long)
    } else {
        (
            format!("§{sections} · {actors} actors · {quotes} quotes"),
            format!("{red} red"),
        )
    };
    spans.push(TSpan::raw(format!("{counts} · ")));
    spans.push(TSpan::styled(red, app.theme.red_line()));
    put(buf, r.x, r.y + 1, r.width, spans);
}

/// Draws the tabs; returns the label of each drawn.
fn tab_bar(app: &App, buf: &mut Buffer, r: Rect) -> [Option<Rect>; 4] {
    let mut labels = [None; 4];
    for (p, cols) in tab_ranges() {
        let x = r.x + cols.start;
        if x >= r.right() {
            break;
        }
        let label = format!(" {} ", p.title());
        let style = app.theme.tab(app.focus == p);
        buf.set_stringn(x, r.y, &label, (r.right() - x) as usize, style);
        labels[p.index()] = Some(Rect::new(x, r.y, cols.end - cols.start, 1));
    }
    labels
}

/// Key hints: help and quit, then the focused pane's, from the live key
/// map.
fn hints(app: &App) -> Vec<(String, &'static str)> {
    let k = |a: &Action| app.keymap.first_key(a);
    let keys = |h: &HintKeys| match h {
        HintKeys::One(a) => k(a),
        HintKeys::Pair(a, b) => match (k(a), k(b)) {
            (Some(x), Some(y)) => Some(format!("{x}/{y}")),
            (x, y) => x.or(y),
        },
    };
    let mut out: Vec<(Option<String>, &'static str)> =
        vec![(k(&Action::Help), "help"), (k(&Action::Quit), "quit")];
    out.extend(
        app.view(app.focus)
            .hints()
            .iter()
            .map(|(h, label)| (keys(h), *label)),
    );
    out.into_iter()
        .filter_map(|(k, l)| k.map(|k| (k, l)))
        .collect()
}

/// Draws the status line: the search while one is active, else the note,
/// else the key hints. (The search prompt draws over it.)
fn status(app: &App, buf: &mut Buffer, r: Rect) {
    let w = r.width as usize;
    if let Some(s) = &app.text.search {
        let count = search::count(s);
        let query = sanitize(&s.query);
        let next = match (
            app.keymap.first_key(&Action::SearchNext),
            app.keymap.first_key(&Action::SearchPrev),
        ) {
            (Some(a), Some(b)) => format!("{a}/{b}"),
            (a, b) => a.or(b).unwrap_or_default(),
        };
        let back = app.keymap.first_key(&Action::Back).unwrap_or_default();
        let msg = app
            .message
            .as_deref()
            .map(|m| format!(" · {}", sanitize(m)))
            .unwrap_or_default();
        let text = format!(" “{query}” {count} · {next} next/previous · {back} leave search{msg}");
        put(
            buf,
            r.x,
            r.y,
            r.width,
            vec![TSpan::styled(fit(&text, w), app.theme.key())],
        );
        return;
    }
    if let Some(m) = &app.message {
        // Messages name files and review paths: no name drives the terminal.
        let m = sanitize(m);
        put(
            buf,
            r.x,
            r.y,
            r.width,
            vec![TSpan::raw(fit(&format!(" {m}"), w))],
        );
        return;
    }
    let mut spans = vec![TSpan::raw(" ")];
    let mut used = 1;
    for (key, label) in hints(app) {
        let item = display_width(&key) + 1 + label.len() + 2;
        if used + item > w {
            break;
        }
        used += item;
        spans.push(TSpan::styled(key, app.theme.key()));
        spans.push(TSpan::styled(format!(" {label}  "), app.theme.dim()));
    }
    put(buf, r.x, r.y, r.width, spans);
}

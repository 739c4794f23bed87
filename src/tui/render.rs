//! Drawing: `render(&App, &mut Frame)` reads the state and never changes
//! it. Only the rows in view are turned into styled text; the layout they
//! come from was computed in `update`.
//!
//! Every string drawn from an article (or from a file name) goes through
//! `text::sanitize` or the layout's tokens first, so no control character
//! reaches the terminal.

use std::ops::Range;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use unicode_segmentation::UnicodeSegmentation;

use crate::highlight::{Mark, Overlay, Segment};
use crate::model::{ActorId, ActorKind, BlockKind as ParaKind};
use crate::span::Span;
use crate::text::sanitize;

use super::action::Action;
use super::app::App;
use super::article::{BlockKind, code_display, display_width, plural};
use super::layout::{self, GUTTER, MIN_HEIGHT, MIN_WIDTH, Pane, Panes};
use super::wrap::Gutter;

/// Help lines for what the key map does not cover.
pub(crate) const HELP_EXTRA: &[(&str, &str)] = &[
    ("wheel", "scroll the pane under the pointer"),
    ("click", "focus a pane, select an item or a mention's actor"),
    ("prompt: Enter", "keep the matches and close the prompt"),
    ("prompt: Esc", "cancel the search"),
];

const RED_LINE_MARK: &str = "▌";
const POSITION_MARK: &str = "╎";
const SELECTED: &str = "▸ ";

/// Draws the whole reader.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let panes = match app.panes {
        Some(p) if app.size == (area.width, area.height) => Some(p),
        _ => Panes::new(area),
    };
    let Some(panes) = panes else {
        too_small(buf, area);
        return;
    };
    header(app, buf, panes.header);
    if let Some(tabs) = panes.tabs {
        tab_bar(app, buf, tabs);
    }
    for pane in Pane::ALL {
        if !app.visible(pane) {
            continue;
        }
        let rect = panes.rect(pane);
        match pane {
            Pane::Article => article(app, buf, rect),
            Pane::Actors => actors(app, buf, rect),
            Pane::Quotes => quotes(app, buf, rect),
            Pane::Summary => summary(app, buf, rect),
        }
    }
    if let Some(cursor) = status(app, buf, panes.status) {
        frame.set_cursor_position(cursor);
    }
    if let Some(offset) = app.help {
        help(app, frame.buffer_mut(), area, offset);
    }
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

/// `s` cut to `width` columns, with an ellipsis when cut. One pass that
/// stops at the width, since long quotes are cut on every frame.
pub(crate) fn fit(s: &str, width: usize) -> String {
    if s.is_ascii() {
        if s.len() <= width {
            return s.to_string();
        }
        let mut out = s[..width.saturating_sub(1)].to_string();
        if width > 0 {
            out.push('…');
        }
        return out;
    }
    let mut w = 0;
    // The end of the longest prefix that leaves room for the ellipsis.
    let mut cut = 0;
    for (i, g) in s.grapheme_indices(true) {
        let gw = display_width(g);
        if w + gw > width {
            let mut out = s[..cut].to_string();
            if width > 0 {
                out.push('…');
            }
            return out;
        }
        w += gw;
        if w < width {
            cut = i + g.len();
        }
    }
    s.to_string()
}

/// Writes spans on one row, clipped to the rectangle's width.
fn put(buf: &mut Buffer, x: u16, y: u16, width: u16, spans: Vec<TSpan<'_>>) {
    buf.set_line(x, y, &Line::from(spans), width);
}

fn header(app: &App, buf: &mut Buffer, r: Rect) {
    let a = &app.article;
    let doc = &a.doc;
    let title = &a.title;
    let mut right = String::new();
    if app.library.len() > 1 {
        right = format!(" [{}/{}]", app.current + 1, app.library.len());
    }
    let w = r.width as usize;
    let room = w.saturating_sub(1 + display_width(&right));
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
    if !right.is_empty() {
        let x = r.right().saturating_sub(display_width(&right) as u16);
        buf.set_stringn(x, r.y, &right, right.len(), app.theme.dim());
    }
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

fn tab_bar(app: &App, buf: &mut Buffer, r: Rect) {
    for (p, cols) in tab_ranges() {
        let x = r.x + cols.start;
        if x >= r.right() {
            break;
        }
        let label = format!(" {} ", p.title());
        let style = app.theme.tab(app.focus == p);
        buf.set_stringn(x, r.y, &label, (r.right() - x) as usize, style);
    }
}

/// A pane's border, its title, and its inside.
fn frame_pane(app: &App, buf: &mut Buffer, r: Rect, pane: Pane, title: String) -> Rect {
    let focused = app.focus == pane;
    let title = fit(&title, r.width.saturating_sub(4) as usize);
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(app.theme.border(focused))
        .title(TSpan::styled(
            format!(" {title} "),
            if focused {
                app.theme.border(true)
            } else {
                Style::new()
            },
        ))
        .render(r, buf);
    layout::inner(r)
}

fn article(app: &App, buf: &mut Buffer, r: Rect) {
    let a = &app.article;
    let top = app.text.rows.get(app.scroll);
    let section = top
        .and_then(|row| a.doc.sections.get(row.section))
        .and_then(|s| s.heading)
        .map(|h| format!("Article · {}", a.doc.reading(h)))
        .unwrap_or_else(|| "Article".to_string());
    let inner = frame_pane(app, buf, r, Pane::Article, section);
    let rows = app.text.rows.len();
    if rows > inner.height as usize && r.width > 12 {
        let pct = (app.scroll + inner.height as usize).min(rows) * 100 / rows.max(1);
        let label = format!(" {pct}% ");
        let x = r.right().saturating_sub(label.len() as u16 + 1);
        buf.set_stringn(x, r.bottom() - 1, &label, label.len(), app.theme.dim());
    }
    let search = app.search.as_ref();
    let overlay = Overlay {
        search: search.map_or(&[], |s| s.matches.as_slice()),
        current: search.and_then(|s| s.current.map(|i| s.matches[i])),
        flash: app.flash.map(|f| f.span),
    };
    let text_x = inner.x + GUTTER;
    let text_w = inner.width.saturating_sub(GUTTER);
    for (i, row) in app
        .text
        .rows
        .iter()
        .skip(app.scroll)
        .take(inner.height as usize)
        .enumerate()
    {
        let y = inner.y + i as u16;
        let Some(kind) = row.kind else { continue };
        match row.gutter {
            Gutter::RedLine => {
                buf.set_stringn(inner.x, y, RED_LINE_MARK, 1, app.theme.gutter_red_line());
            }
            Gutter::Position => {
                buf.set_stringn(inner.x, y, POSITION_MARK, 1, app.theme.gutter_position());
            }
            Gutter::None => {}
        }
        let base = match kind {
            BlockKind::Title => app.theme.title(),
            BlockKind::Heading => app.theme.heading(),
            BlockKind::Byline => app.theme.dim(),
            BlockKind::Para(_) => Style::new(),
        };
        let code = kind == BlockKind::Para(ParaKind::Code);
        let segs = a.highlighter.segments(row.span, &overlay);
        let mut spans = Vec::with_capacity(8);
        let prefix = row.prefix();
        if !prefix.is_empty() {
            let style = if kind == BlockKind::Heading {
                base
            } else {
                app.theme.dim()
            };
            spans.push(TSpan::styled(prefix, style));
        }
        let mut seg_i = 0;
        for f in app.text.frags(row) {
            if let Some(gap) = f.gap {
                let mark = mark_over(&segs, gap);
                spans.push(TSpan::styled(" ", base.patch(app.theme.mark(&mark))));
            }
            // Segments are in order: walk them alongside the fragments.
            while seg_i < segs.len() && segs[seg_i].span.end <= f.span.start {
                seg_i += 1;
            }
            let mut j = seg_i;
            while j < segs.len() && segs[j].span.start < f.span.end {
                let s = &segs[j];
                let piece = Span {
                    start: s.span.start.max(f.span.start),
                    end: s.span.end.min(f.span.end),
                };
                let raw = a.doc.span_text(piece);
                let shown = if code {
                    code_display(raw)
                } else {
                    sanitize(raw).into_owned()
                };
                spans.push(TSpan::styled(shown, base.patch(app.theme.mark(&s.mark))));
                j += 1;
            }
        }
        put(buf, text_x, y, text_w, spans);
    }
}

/// The mark that covers all of `span` (a gap between two words), or none.
fn mark_over(segs: &[Segment], span: Span) -> Mark {
    let i = segs.partition_point(|s| s.span.end <= span.start);
    match segs.get(i) {
        Some(s) if s.span.start <= span.start && s.span.end >= span.end => s.mark,
        _ => Mark::default(),
    }
}

fn kind_label(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Person => "person",
        ActorKind::Organization => "org",
        ActorKind::Country => "country",
        ActorKind::Group => "group",
    }
}

/// Draws a list pane's rows: `row(i)` gives the spans of list row `i`, the
/// item it belongs to, and whether it is the item's first row.
fn list_rows<'a>(
    app: &App,
    buf: &mut Buffer,
    inner: Rect,
    pane: Pane,
    total: usize,
    row: impl Fn(usize, usize) -> (Vec<TSpan<'a>>, Option<usize>, bool),
) {
    let state = app.list(pane);
    let focused = app.focus == pane;
    let width = inner.width as usize;
    for (i, r) in (state.offset..total)
        .take(inner.height as usize)
        .enumerate()
    {
        let y = inner.y + i as u16;
        let (spans, item, first) = row(r, width.saturating_sub(2));
        let selected = item == Some(state.selected);
        let mut all = vec![TSpan::raw(if selected && first { SELECTED } else { "  " })];
        all.extend(spans);
        let line_area = Rect::new(inner.x, y, inner.width, 1);
        if selected {
            buf.set_style(line_area, app.theme.selected(focused));
        }
        buf.set_line(inner.x, y, &Line::from(all), inner.width);
        if selected {
            // Keep the selection visible over the row's own styles.
            let s = app.theme.selected(focused);
            if !app.theme.colour {
                buf.set_style(line_area, s);
            } else if let Some(bg) = s.bg {
                buf.set_style(line_area, Style::new().bg(bg));
            }
        }
    }
}

fn actors(app: &App, buf: &mut Buffer, r: Rect) {
    let a = &app.article;
    let n = a.analysis.actors.len();
    let inner = frame_pane(app, buf, r, Pane::Actors, format!("Actors · {n}"));
    if n == 0 {
        put(
            buf,
            inner.x + 2,
            inner.y,
            inner.width.saturating_sub(2),
            vec![TSpan::styled("no actors found", app.theme.dim())],
        );
        return;
    }
    list_rows(app, buf, inner, Pane::Actors, n + 1, |i, width| {
        let (name, style, kind, stats) = match i.checked_sub(1).map(ActorId::new) {
            None => (
                "All actors".to_string(),
                Style::new().add_modifier(Modifier::BOLD),
                "",
                (a.quotes.len(), a.positions.len(), a.red_lines.len()),
            ),
            Some(id) => {
                let s = a.stats[id.index()];
                (
                    a.actor_name(id),
                    app.theme.actor(id).add_modifier(Modifier::BOLD),
                    kind_label(a.analysis.actors[id].kind),
                    (s.quotes, s.positions, s.red_lines),
                )
            }
        };
        let counts = format!("q{} p{} r{}", stats.0, stats.1, stats.2);
        let tail = if width >= 26 {
            format!(" {kind:>7} {counts}")
        } else {
            format!(" {counts}")
        };
        let name_w = width.saturating_sub(display_width(&tail));
        let name = fit(&name, name_w);
        let pad = " ".repeat(name_w.saturating_sub(display_width(&name)));
        let red = if stats.2 > 0 {
            app.theme.red_line()
        } else {
            app.theme.dim()
        };
        let split = tail.len() - format!("r{}", stats.2).len();
        let spans = vec![
            TSpan::styled(name, style),
            TSpan::raw(pad),
            TSpan::styled(tail[..split].to_string(), app.theme.dim()),
            TSpan::styled(tail[split..].to_string(), red),
        ];
        (spans, Some(i), true)
    });
}

fn quotes(app: &App, buf: &mut Buffer, r: Rect) {
    let a = &app.article;
    let whose = app
        .selected_actor()
        .map_or_else(|| "all".to_string(), |id| a.actor_name(id));
    let title = format!("Quotes · {whose} · {}", app.quote_items.len());
    let inner = frame_pane(app, buf, r, Pane::Quotes, title);
    if app.quote_items.is_empty() {
        put(
            buf,
            inner.x + 2,
            inner.y,
            inner.width.saturating_sub(2),
            vec![TSpan::styled("no quotes", app.theme.dim())],
        );
        return;
    }
    list_rows(
        app,
        buf,
        inner,
        Pane::Quotes,
        2 * app.quote_items.len(),
        |row, width| {
            let item = row / 2;
            let q = app.quote_items[item];
            if row % 2 == 0 {
                let (who, uncertain) = a.speaker_label(q);
                let mut style = match a.analysis.quotes[q].speaker.as_ref() {
                    Some(s) => app.theme.actor(s.actor),
                    None => Style::new(),
                }
                .add_modifier(Modifier::BOLD);
                if uncertain {
                    style = style.patch(app.theme.uncertain());
                }
                (
                    vec![TSpan::styled(fit(&who, width), style)],
                    Some(item),
                    true,
                )
            } else {
                let text = fit(&a.quote_texts[q], width);
                (vec![TSpan::raw(text)], Some(item), false)
            }
        },
    );
}

fn summary(app: &App, buf: &mut Buffer, r: Rect) {
    let inner = frame_pane(app, buf, r, Pane::Summary, "Summary".to_string());
    let l = &app.summary_layout;
    list_rows(app, buf, inner, Pane::Summary, l.rows.len(), |i, width| {
        let row = &l.rows[i];
        let first = row
            .item
            .is_some_and(|it| l.item_rows.get(it).is_some_and(|r| r.start == i));
        if row.heading {
            // Headings sit flush left, over the marker column.
            return (
                vec![TSpan::styled(
                    fit(&row.text, width + 2),
                    app.theme.heading(),
                )],
                None,
                false,
            );
        }
        (vec![TSpan::raw(fit(&row.text, width))], row.item, first)
    });
}

/// Key hints for the focused pane, built from the live key map.
fn hints(app: &App) -> Vec<(String, &'static str)> {
    let k = |a: Action| app.keymap.first_key(a);
    let pair = |a: Action, b: Action| match (k(a), k(b)) {
        (Some(x), Some(y)) => Some(format!("{x}/{y}")),
        (x, y) => x.or(y),
    };
    let mut out: Vec<(Option<String>, &'static str)> =
        vec![(k(Action::Help), "help"), (k(Action::Quit), "quit")];
    if app.focus == Pane::Article {
        out.extend([
            (pair(Action::Down, Action::Up), "scroll"),
            (pair(Action::NextSection, Action::PrevSection), "section"),
            (pair(Action::NextQuote, Action::PrevQuote), "quote"),
            (pair(Action::NextRedLine, Action::PrevRedLine), "red line"),
            (pair(Action::NextPosition, Action::PrevPosition), "position"),
            (k(Action::Search), "search"),
            (k(Action::FocusNext), "panes"),
        ]);
    } else {
        out.extend([
            (pair(Action::Down, Action::Up), "move"),
            (k(Action::Activate), "show in text"),
            (k(Action::Back), "article"),
            (k(Action::FocusNext), "next pane"),
            (pair(Action::NextQuote, Action::PrevQuote), "quote"),
            (k(Action::Search), "search"),
        ]);
    }
    out.into_iter()
        .filter_map(|(k, l)| k.map(|k| (k, l)))
        .collect()
}

/// Draws the status line; returns where the cursor goes when the search
/// prompt is open.
fn status(app: &App, buf: &mut Buffer, r: Rect) -> Option<ratatui::layout::Position> {
    let w = r.width as usize;
    if let Some(s) = &app.search {
        let count = match (s.current, s.matches.len()) {
            (_, 0) if s.query.is_empty() => String::new(),
            (_, 0) => "no match".to_string(),
            (Some(i), n) => format!("{}/{n}", i + 1),
            (None, n) => format!("{n} matches"),
        };
        let query = sanitize(&s.query);
        if s.editing {
            let tail = format!("  {count}  Enter keep · Esc cancel");
            let q = fit(&query, w.saturating_sub(1 + display_width(&tail)).max(1));
            let x = r.x + 1 + display_width(&q) as u16;
            put(
                buf,
                r.x,
                r.y,
                r.width,
                vec![
                    TSpan::styled("/", app.theme.key()),
                    TSpan::raw(q),
                    TSpan::styled(tail, app.theme.dim()),
                ],
            );
            return Some(ratatui::layout::Position::new(
                x.min(r.right().saturating_sub(1)),
                r.y,
            ));
        }
        let next = match (
            app.keymap.first_key(Action::SearchNext),
            app.keymap.first_key(Action::SearchPrev),
        ) {
            (Some(a), Some(b)) => format!("{a}/{b}"),
            (a, b) => a.or(b).unwrap_or_default(),
        };
        let back = app.keymap.first_key(Action::Back).unwrap_or_default();
        let msg = app
            .message
            .as_deref()
            .map(|m| format!(" · {m}"))
            .unwrap_or_default();
        let text = format!(" “{query}” {count} · {next} next/previous · {back} leave search{msg}");
        put(
            buf,
            r.x,
            r.y,
            r.width,
            vec![TSpan::styled(fit(&text, w), app.theme.key())],
        );
        return None;
    }
    if let Some(m) = &app.message {
        put(
            buf,
            r.x,
            r.y,
            r.width,
            vec![TSpan::raw(fit(&format!(" {m}"), w))],
        );
        return None;
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
    None
}

/// The help overlay, generated from the live key map.
fn help(app: &App, buf: &mut Buffer, area: Rect, offset: usize) {
    let entries = app.keymap.help();
    let key_w = entries
        .iter()
        .map(|(k, _)| display_width(k))
        .chain(HELP_EXTRA.iter().map(|(k, _)| display_width(k)))
        .max()
        .unwrap_or(0)
        .min(24);
    let mut lines: Vec<(String, String)> = entries
        .iter()
        .map(|(k, h)| (k.clone(), (*h).to_string()))
        .collect();
    lines.push((String::new(), String::new()));
    lines.extend(
        HELP_EXTRA
            .iter()
            .map(|(k, h)| ((*k).to_string(), (*h).to_string())),
    );
    let width = (area.width.saturating_sub(4)).min(80);
    let height = (area.height.saturating_sub(2)).min(lines.len() as u16 + 2);
    let r = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    Clear.render(r, buf);
    let close = app.keymap.first_key(Action::Help).unwrap_or_default();
    Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(app.theme.border(true))
        .title(TSpan::styled(
            fit(
                &format!(" Keys · {close} or Esc closes "),
                width.saturating_sub(2) as usize,
            ),
            app.theme.border(true),
        ))
        .render(r, buf);
    let inner = layout::inner(r);
    for (i, (k, h)) in lines
        .iter()
        .skip(offset)
        .take(inner.height as usize)
        .enumerate()
    {
        let y = inner.y + i as u16;
        let k = fit(k, key_w);
        let pad = " ".repeat(key_w.saturating_sub(display_width(&k)));
        put(
            buf,
            inner.x + 1,
            y,
            inner.width.saturating_sub(1),
            vec![
                TSpan::raw(pad),
                TSpan::styled(k, app.theme.key()),
                TSpan::raw("  "),
                TSpan::raw(h.clone()),
            ],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("hello", 5), "hello");
        assert_eq!(fit("hello", 4), "hel…");
        assert_eq!(fit("hello", 0), "");
        assert_eq!(fit("日本語", 6), "日本語");
        assert_eq!(fit("日本語", 5), "日本…");
        assert_eq!(fit("日本語", 4), "日…");
        assert_eq!(fit("e\u{301}tait", 3), "e\u{301}t…");
    }
}

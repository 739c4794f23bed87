//! Small drawing helpers every pane and overlay uses: cutting text to a
//! width, writing a row of spans, a pane's border and title.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Block, BorderType, Widget};
use unicode_segmentation::UnicodeSegmentation;

use super::layout;
use super::theme::Theme;
use super::words::display_width;

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
pub(crate) fn put(buf: &mut Buffer, x: u16, y: u16, width: u16, spans: Vec<TSpan<'_>>) {
    buf.set_line(x, y, &Line::from(spans), width);
}

/// A pane's border, its title, and its inside.
pub(crate) fn frame_pane(
    theme: &Theme,
    focused: bool,
    buf: &mut Buffer,
    r: Rect,
    title: String,
) -> Rect {
    let title = fit(&title, r.width.saturating_sub(4) as usize);
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(TSpan::styled(
            format!(" {title} "),
            if focused {
                theme.border(true)
            } else {
                Style::new()
            },
        ))
        .render(r, buf);
    layout::inner(r)
}

/// A one-line note on a pane's bottom border (what its selection is
/// about), left-aligned, cut to fit.
pub(crate) fn footer(theme: &Theme, buf: &mut Buffer, r: Rect, note: &str) {
    if r.width < 6 || r.height < 3 {
        return;
    }
    let text = format!(" {} ", fit(note, r.width as usize - 6));
    buf.set_stringn(
        r.x + 2,
        r.bottom() - 1,
        &text,
        r.width as usize - 4,
        theme.dim(),
    );
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

//! Whole frames drawn into a `TestBackend`: snapshots at fixed sizes (text
//! and styles, reviewed by eye), every size from 1×1 up without a panic,
//! and article text that tries to drive the terminal.
//!
//! The snapshots use the synthetic analysis (see `fixture`); once the real
//! analysis lands they can use `analyze()` on the sample instead.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::super::action::Action;
use super::super::app::App;
use super::super::theme::ColourMode;
use super::{draw, options, sample_app, sample_article, screen, text_app};

/// A frame as text, then its styled runs: `row: cols fg/bg/ul +modifiers`
/// (ul: the underline's colour).
pub(super) fn snapshot(buf: &Buffer) -> String {
    let mut out = screen(buf).join("\n");
    out.push_str("\n--- styles ---\n");
    let w = buf.area.width as usize;
    for (y, row) in buf.content().chunks(w).enumerate() {
        let mut x = 0;
        while x < row.len() {
            let c = &row[x];
            let key = (c.fg, c.bg, c.underline_color, c.modifier);
            let mut end = x + 1;
            while end < row.len()
                && (
                    row[end].fg,
                    row[end].bg,
                    row[end].underline_color,
                    row[end].modifier,
                ) == key
            {
                end += 1;
            }
            if key != (Color::Reset, Color::Reset, Color::Reset, Modifier::empty()) {
                let mut s = format!("{y:>2}: {x}-{}", end - 1);
                if c.fg != Color::Reset {
                    s.push_str(&format!(" fg={:?}", c.fg));
                }
                if c.bg != Color::Reset {
                    s.push_str(&format!(" bg={:?}", c.bg));
                }
                if c.underline_color != Color::Reset {
                    s.push_str(&format!(" ul={:?}", c.underline_color));
                }
                if !c.modifier.is_empty() {
                    s.push_str(&format!(" +{:?}", c.modifier));
                }
                out.push_str(&s);
                out.push('\n');
            }
            x = end;
        }
    }
    out
}

#[test]
fn sample_40x12_the_smallest() {
    let app = sample_app(40, 12);
    insta::assert_snapshot!(snapshot(&draw(&app)));
}

#[test]
fn sample_80x24() {
    let app = sample_app(80, 24);
    insta::assert_snapshot!(snapshot(&draw(&app)));
}

#[test]
fn sample_120x40() {
    let app = sample_app(120, 40);
    insta::assert_snapshot!(snapshot(&draw(&app)));
}

#[test]
fn sample_200x60() {
    let app = sample_app(200, 60);
    insta::assert_snapshot!(snapshot(&draw(&app)));
}

#[test]
fn help_overlay_80x24() {
    let mut app = sample_app(80, 24);
    app.update(Action::Help);
    insta::assert_snapshot!(snapshot(&draw(&app)));
}

#[test]
fn search_120x40() {
    let mut app = sample_app(120, 40);
    app.update(Action::Search);
    for c in "cairo".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    app.update(Action::SearchNext);
    insta::assert_snapshot!(snapshot(&draw(&app)));
}

#[test]
fn search_prompt_80x24() {
    let mut app = sample_app(80, 24);
    app.update(Action::Search);
    for c in "red line".chars() {
        app.update(Action::Input(c));
    }
    insta::assert_snapshot!(snapshot(&draw(&app)));
}

#[test]
fn no_color_120x40() {
    let mut app = App::new(sample_article(), &options(ColourMode::Plain));
    app.resize(120, 40);
    // A selected actor, a jump target and a red line on screen.
    app.update(Action::ShowActors);
    app.update(Action::Down);
    app.update(Action::NextRedLine);
    let buf = draw(&app);
    for c in buf.content() {
        assert_eq!(
            (c.fg, c.bg),
            (Color::Reset, Color::Reset),
            "no colour at all"
        );
    }
    insta::assert_snapshot!(snapshot(&buf));
}

#[test]
fn quotes_tab_80x24_with_an_actor_selected() {
    let mut app = sample_app(80, 24);
    app.update(Action::ShowActors);
    app.update(Action::Down);
    app.update(Action::ShowQuotes);
    insta::assert_snapshot!(snapshot(&draw(&app)));
}

#[test]
fn quote_copied_80x24() {
    let mut app = sample_app(80, 24);
    app.update(Action::ShowQuotes);
    app.update(Action::Down);
    app.update(Action::CopyQuote);
    let buf = draw(&app);
    insta::assert_snapshot!(snapshot(&buf));
}

#[test]
fn too_small_says_so() {
    let app = sample_app(39, 11);
    let text = screen(&draw(&app)).join("\n");
    assert!(text.contains("window too small"), "{text}");
    let app = sample_app(10, 3);
    let text = screen(&draw(&app)).join("\n");
    assert!(text.contains("window to…"), "{text}");
}

/// No cell may hold a character a terminal would act on.
fn assert_clean(buf: &Buffer) {
    for c in buf.content() {
        assert!(
            !c.symbol().chars().any(|ch| ch.is_control()
                || matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
            "control character in cell {:?}",
            c.symbol()
        );
    }
}

#[test]
fn every_size_draws_without_panicking() {
    let mut app = sample_app(1, 1);
    for w in 1..=130u16 {
        for h in 1..=45u16 {
            app.update(Action::Resize(w, h));
            let buf = draw(&app);
            assert_eq!(buf.area.width, w);
        }
    }
    // And with the overlays open, on a coarser grid.
    app.update(Action::Resize(80, 24));
    app.update(Action::Help);
    for w in (1..=130u16).step_by(7) {
        for h in (1..=45u16).step_by(4) {
            app.update(Action::Resize(w, h));
            assert_clean(&draw(&app));
        }
    }
    app.update(Action::Back);
    app.update(Action::Search);
    app.update(Action::Input('N'));
    for w in (1..=130u16).step_by(7) {
        for h in (1..=45u16).step_by(4) {
            app.update(Action::Resize(w, h));
            assert_clean(&draw(&app));
        }
    }
}

const HOSTILE: &str = "Clear \u{1b}[2J here. Title \u{1b}]0;pwned\u{7} there. Carriage\rreturn, \
bell\u{7}, back\u{8}space, del\u{7f}ete and C1 \u{9b}31m csi. Bidi \u{202e}reversed\u{202c} text.\n\
- Wide -\n\
日本語のテキストと絵文字 😀👍🏽 and combining e\u{301}\u{301} marks, tab\tseparated, \
a very-long-word-without-any-break-at-all-that-must-be-cut-somewhere-to-fit-the-pane.\n";

#[test]
fn hostile_text_is_shown_as_placeholders() {
    for (w, h) in [(40, 12), (80, 24), (120, 40)] {
        let app = text_app(HOSTILE, w, h);
        let buf = draw(&app);
        assert_clean(&buf);
        let text = screen(&buf).join("\n");
        assert!(text.contains("␛[2J"), "{text}");
        assert!(text.contains("␛]0;pwned␇"), "{text}");
        if w >= 80 {
            // A lone CR is a line break to the loader: it never reaches
            // the terminal as a carriage return.
            assert!(text.contains("Carriage"), "{text}");
            assert!(text.contains("back␈space"), "{text}");
            assert!(text.contains("del␡ete"), "{text}");
            assert!(text.contains("␦31m"), "{text}");
        }
        // Borders stay put: every row is exactly the window's width.
        for line in screen(&buf) {
            assert_eq!(
                super::super::words::display_width(&line),
                w as usize,
                "{line:?}"
            );
        }
    }
}

#[test]
fn hostile_text_snapshot_80x24() {
    let app = text_app(HOSTILE, 80, 24);
    insta::assert_snapshot!(snapshot(&draw(&app)));
}

#[test]
fn uncertain_attributions_are_shown_as_uncertain() {
    // The fixture gives the quote reported "via his office" confidence 0.4.
    let mut app = sample_app(120, 40);
    app.update(Action::ShowQuotes);
    app.update(Action::Bottom);
    app.update(Action::Activate);
    let buf = draw(&app);
    let text = screen(&buf).join("\n");
    assert!(text.contains("? Youssef Mansour"), "{text}");
    // In the article the quote is drawn faint (the flash aside).
    for _ in 0..super::super::panes::article::FLASH_TICKS {
        app.update(Action::Tick);
    }
    let buf = draw(&app);
    let rows = screen(&buf);
    // The article is right of the side panes: the last occurrence.
    let y = rows
        .iter()
        .rposition(|r| r.contains("a fair agreement that"))
        .expect("the quote is on screen");
    let x = rows[y].rfind("a fair agreement that").unwrap();
    let col = super::super::words::display_width(&rows[y][..x]) as u16;
    let cell = &buf[(col, y as u16)];
    assert!(cell.modifier.contains(Modifier::DIM), "{cell:?}");
}

#[test]
fn tiny_and_odd_documents_draw() {
    for src in [
        "x\n",
        "# Only a title\n",
        "- Heading only -\n",
        "\u{1b}\n",
        "a\tb\n\n\n\nc\n",
    ] {
        for (w, h) in [(40, 12), (80, 24), (120, 40)] {
            let mut app = text_app(src, w, h);
            for a in [
                Action::NextSection,
                Action::NextQuote,
                Action::NextRedLine,
                Action::Bottom,
                Action::Search,
                Action::Input('a'),
                Action::Submit,
                Action::FocusNext,
                Action::Activate,
            ] {
                app.update(a);
                assert_clean(&draw(&app));
            }
        }
    }
}

#[test]
fn summary_tab_80x24_with_a_red_line_selected() {
    let mut app = sample_app(80, 24);
    app.update(Action::ShowSummary);
    let first_red = app
        .article
        .summary_items
        .iter()
        .position(|i| i.group == "Red lines")
        .expect("the sample has red lines");
    for _ in 0..first_red {
        app.update(Action::Down);
    }
    // The footer says why: the rule and the trigger.
    insta::assert_snapshot!(snapshot(&draw(&app)));
}

//! `update` driven directly: every bindable key, focus rules, jumps,
//! search, the mouse — no terminal involved.

use crossterm::event::{KeyCode, KeyModifiers};

use super::super::action::{Action, Effect};
use super::super::app::App;
use super::super::layout::{Pane, tab_ranges};
use super::super::panes::article::FLASH_TICKS;
use super::{
    article_height, draw, drawn, editing, help, key, max_scroll, press, sample_app, screen,
    text_app, typed,
};
use std::sync::Arc;

use super::super::article::Article;
use super::super::clipboard::Clipboard;
use super::super::theme::ColourMode;
use crate::briefing::{Briefing, Delivery, Slot};
use crate::error::LoadError;
use crate::model::ActorId;
use crate::span::Span;

/// The first row of `span` is on screen.
fn shows(app: &App, span: Span) -> bool {
    let (first, _) = app.text.layout.rows_of(span);
    first >= app.text.scroll && first < app.text.scroll + article_height(app)
}

fn quote_span(app: &App, q: usize) -> Span {
    app.article.analysis.quotes[q].span
}

#[test]
fn article_scrolling_keys() {
    let mut app = sample_app(80, 24);
    let max = max_scroll(&app);
    assert!(max > 10, "the sample is longer than one screen at 80×24");
    key(&mut app, 'j');
    assert_eq!(app.text.scroll, 1);
    press(&mut app, KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(app.text.scroll, 2);
    key(&mut app, 'k');
    press(&mut app, KeyCode::Up, KeyModifiers::NONE);
    press(&mut app, KeyCode::Up, KeyModifiers::NONE);
    assert_eq!(app.text.scroll, 0, "never above the top");
    let page = article_height(&app) - 2;
    press(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
    assert_eq!(app.text.scroll, page);
    press(&mut app, KeyCode::PageUp, KeyModifiers::NONE);
    assert_eq!(app.text.scroll, 0);
    press(&mut app, KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(app.text.scroll, page / 2);
    press(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(app.text.scroll, 0);
    key(&mut app, 'G');
    assert_eq!(app.text.scroll, max);
    key(&mut app, 'j');
    assert_eq!(app.text.scroll, max, "never below the bottom");
    key(&mut app, 'g');
    assert_eq!(app.text.scroll, 0);
    press(&mut app, KeyCode::End, KeyModifiers::NONE);
    assert_eq!(app.text.scroll, max);
    press(&mut app, KeyCode::Home, KeyModifiers::NONE);
    assert_eq!(app.text.scroll, 0);
}

#[test]
fn list_keys_move_the_selection() {
    let mut app = sample_app(120, 40);
    key(&mut app, 'a');
    assert_eq!(app.focus, Pane::Actors);
    assert_eq!(app.actors.list.selected, 0, "starts on all actors");
    key(&mut app, 'j');
    key(&mut app, 'j');
    assert_eq!(app.actors.list.selected, 2);
    assert_eq!(app.actors.actor(), Some(ActorId::new(1)));
    key(&mut app, 'k');
    assert_eq!(app.actors.actor(), Some(ActorId::new(0)));
    key(&mut app, 'G');
    assert_eq!(app.actors.list.selected, app.article.analysis.actors.len());
    key(&mut app, 'g');
    assert_eq!(app.actors.list.selected, 0);
    press(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
    assert!(app.actors.list.selected > 1);
    // The selection stays in view.
    let h = app.layout.unwrap().actors.height as usize - 2;
    assert!(
        app.actors.list.selected >= app.actors.list.offset
            && app.actors.list.selected < app.actors.list.offset + h
    );
    press(&mut app, KeyCode::PageUp, KeyModifiers::NONE);
    assert_eq!(app.actors.list.selected, 0);
    assert_eq!(app.actors.list.offset, 0);
    // The scroll of the article is untouched by list keys.
    assert_eq!(app.text.scroll, 0);
}

#[test]
fn selecting_an_actor_filters_the_quotes() {
    let mut app = sample_app(120, 40);
    let all = app.quotes.items.len();
    assert_eq!(all, 18);
    key(&mut app, 'a');
    key(&mut app, 'j'); // Karim Haddad
    assert_eq!(app.quotes.items.len(), 4);
    let a = &app.article.analysis;
    assert!(
        app.quotes
            .items
            .iter()
            .all(|&q| a.quotes[q].speaker.as_ref().unwrap().actor == ActorId::new(0))
    );
    key(&mut app, 'g');
    assert_eq!(app.quotes.items.len(), all);
}

#[test]
fn focus_cycles_and_toggles() {
    let mut app = sample_app(120, 40);
    assert_eq!(app.focus, Pane::Article);
    let order = [Pane::Actors, Pane::Quotes, Pane::Summary, Pane::Article];
    for p in order {
        press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
        assert_eq!(app.focus, p);
    }
    for p in [Pane::Summary, Pane::Quotes, Pane::Actors, Pane::Article] {
        press(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(app.focus, p);
    }
    key(&mut app, 'o');
    assert_eq!(app.focus, Pane::Quotes);
    key(&mut app, 's');
    assert_eq!(app.focus, Pane::Summary);
    key(&mut app, 's');
    assert_eq!(app.focus, Pane::Article, "the same key goes back");
    key(&mut app, 'a');
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.focus, Pane::Article, "Esc goes back to the article");
}

#[test]
fn narrow_windows_show_one_pane_and_jumps_return_to_the_article() {
    let mut app = sample_app(80, 24);
    assert!(!app.layout.unwrap().wide);
    key(&mut app, 'o');
    assert!(app.visible(Pane::Quotes) && !app.visible(Pane::Article));
    key(&mut app, 'j');
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.focus, Pane::Article);
    let q = app.quotes.items[1];
    assert!(shows(&app, quote_span(&app, q)));
    // Section and quote keys also bring the article back.
    key(&mut app, 's');
    key(&mut app, ']');
    assert_eq!(app.focus, Pane::Article);
    // In wide windows the side pane keeps the focus.
    let mut wide = sample_app(120, 40);
    key(&mut wide, 'o');
    press(&mut wide, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(wide.focus, Pane::Quotes);
}

#[test]
fn section_keys_jump_to_headings() {
    let mut app = sample_app(80, 24);
    let rows = app.text.layout.section_rows.clone();
    assert_eq!(rows.len(), 3);
    key(&mut app, ']');
    assert_eq!(app.text.scroll, rows[1].min(max_scroll(&app)));
    key(&mut app, ']');
    assert_eq!(app.text.scroll, rows[2].min(max_scroll(&app)));
    key(&mut app, ']');
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("no section after"))
    );
    key(&mut app, '[');
    assert_eq!(app.text.scroll, rows[1]);
    key(&mut app, '[');
    assert_eq!(app.text.scroll, 0);
    key(&mut app, '[');
    assert!(app.message.is_some());
}

#[test]
fn quote_keys_step_through_quotes_and_wrap() {
    let mut app = sample_app(80, 24);
    let quotes = app.article.quotes.clone();
    for &q in &quotes {
        key(&mut app, 'n');
        assert_eq!(app.text.anchor, Some(quote_span(&app, q)));
        assert!(shows(&app, quote_span(&app, q)), "quote {q} is on screen");
    }
    key(&mut app, 'n');
    assert_eq!(
        app.text.anchor,
        Some(quote_span(&app, quotes[0])),
        "wraps to the first"
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("wrapped"))
    );
    key(&mut app, 'N');
    assert_eq!(
        app.text.anchor,
        Some(quote_span(&app, *quotes.last().unwrap())),
        "wraps back"
    );
    key(&mut app, 'N');
    assert_eq!(
        app.text.anchor,
        Some(quote_span(&app, quotes[quotes.len() - 2]))
    );
}

#[test]
fn quote_keys_follow_the_selected_actor() {
    let mut app = sample_app(120, 40);
    key(&mut app, 'a');
    key(&mut app, 'j');
    key(&mut app, 'j'); // Dawit Bekele: one quote
    let bekele = app.quotes.items.clone();
    assert_eq!(bekele.len(), 1);
    key(&mut app, 'n');
    assert_eq!(app.text.anchor, Some(quote_span(&app, bekele[0])));
    assert_eq!(app.quotes.list.selected, 0);
    key(&mut app, 'n');
    assert_eq!(app.text.anchor, Some(quote_span(&app, bekele[0])));
    // An actor without quotes says so.
    key(&mut app, 'G');
    key(&mut app, 'n');
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("no quotes from"))
    );
}

#[test]
fn red_line_and_position_keys() {
    let mut app = sample_app(80, 24);
    let reds = app.article.red_lines.clone();
    assert_eq!(reds.len(), 4);
    let span = |app: &App, p: usize| app.article.analysis.positions[p].span;
    for &p in &reds {
        key(&mut app, 'r');
        assert_eq!(app.text.anchor, Some(span(&app, p)));
        assert!(shows(&app, span(&app, p)));
    }
    key(&mut app, 'R');
    assert_eq!(app.text.anchor, Some(span(&app, reds[2])));
    let positions = app.article.positions.clone();
    key(&mut app, 'g');
    key(&mut app, 'p');
    assert_eq!(app.text.anchor, Some(span(&app, positions[0])));
    key(&mut app, 'P');
    assert_eq!(
        app.text.anchor,
        Some(span(&app, *positions.last().unwrap())),
        "wraps"
    );
    // With nothing to find, a message and no movement.
    let mut empty = text_app("Just one plain paragraph without anything in it.\n", 80, 24);
    key(&mut empty, 'r');
    assert_eq!(
        empty.message.as_deref(),
        Some("no red lines in this article")
    );
    key(&mut empty, 'n');
    assert_eq!(empty.message.as_deref(), Some("no quotes in this article"));
}

#[test]
fn enter_jumps_to_the_item_and_flashes_it() {
    let mut app = sample_app(120, 40);
    // Quotes pane: the last quote.
    key(&mut app, 'o');
    key(&mut app, 'G');
    let q = *app.quotes.items.last().unwrap();
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let span = quote_span(&app, q);
    assert!(shows(&app, span));
    assert_eq!(app.text.flash.map(|f| f.span), Some(span));
    for _ in 0..FLASH_TICKS {
        app.update(Action::Tick);
    }
    assert_eq!(app.text.flash, None, "the flash fades");
    // Actors pane: the first mention.
    key(&mut app, 'a');
    key(&mut app, 'G');
    let actor = app.actors.actor().unwrap();
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let first = app.article.analysis.actors[actor].mentions[0].span;
    assert!(shows(&app, first));
    // "All actors" has nowhere to go.
    key(&mut app, 'g');
    app.text.flash = None;
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.text.flash, None);
    // Summary pane: every item jumps to its span.
    key(&mut app, 's');
    for i in 0..app.article.summary_items.len() {
        press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        let target = app.article.summary_items[i].target;
        assert!(shows(&app, target), "summary item {i}");
        assert_eq!(app.text.flash.map(|f| f.span), Some(target));
        key(&mut app, 'j');
    }
}

#[test]
fn jumping_shows_the_first_line_at_every_size() {
    for (w, h) in [
        (40, 12),
        (60, 15),
        (80, 24),
        (110, 30),
        (130, 45),
        (200, 60),
    ] {
        let mut app = sample_app(w, h);
        let quotes = app.article.quotes.clone();
        for q in quotes {
            app.update(Action::ShowQuotes);
            let row = app.quotes.items.iter().position(|&x| x == q).unwrap();
            app.quotes.list.selected = row;
            app.update(Action::Activate);
            assert!(shows(&app, quote_span(&app, q)), "{w}×{h} quote {q}");
            app.focus = Pane::Article;
        }
    }
}

#[test]
fn search_is_incremental_and_wraps() {
    let mut app = sample_app(120, 40);
    key(&mut app, '/');
    assert!(editing(&app));
    typed(&mut app, "cai");
    let matches = app.text.search.as_ref().unwrap().matches.clone();
    assert!(matches.len() >= 5);
    assert!(
        matches
            .iter()
            .all(|m| app.article.doc.span_text(*m).eq_ignore_ascii_case("cai"))
    );
    // The keys typed went to the prompt, not to the key map.
    assert_eq!(app.focus, Pane::Article);
    typed(&mut app, "ro");
    press(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    key(&mut app, 'o');
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let s = app.text.search.clone().unwrap();
    assert!(!editing(&app));
    assert_eq!(s.query, "cairo");
    let n = s.matches.len();
    assert_eq!(s.current, Some(0));
    // n/N step through the matches while the search is active.
    for i in 1..n {
        key(&mut app, 'n');
        assert_eq!(app.text.search.as_ref().unwrap().current, Some(i));
        assert!(shows(&app, s.matches[i]));
    }
    key(&mut app, 'n');
    assert_eq!(
        app.text.search.as_ref().unwrap().current,
        Some(0),
        "wraps to the top"
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("wrapped"))
    );
    key(&mut app, 'N');
    assert_eq!(
        app.text.search.as_ref().unwrap().current,
        Some(n - 1),
        "wraps to the bottom"
    );
    // Esc leaves the search; n is a quote key again.
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(app.text.search.is_none());
    key(&mut app, 'n');
    assert!(app.text.anchor.is_some());
}

#[test]
fn search_starts_from_the_reading_position() {
    let mut app = sample_app(80, 24);
    key(&mut app, ']');
    key(&mut app, ']');
    let top = app.text.layout.rows[app.text.scroll].span.start;
    key(&mut app, '/');
    typed(&mut app, "egypt");
    let s = app.text.search.as_ref().unwrap();
    let cur = s.matches[s.current.unwrap()];
    assert!(
        cur.start >= top,
        "the first match shown is below the reading position"
    );
}

#[test]
fn cancelled_and_failed_searches() {
    let mut app = sample_app(80, 24);
    key(&mut app, ']');
    let before = app.text.scroll;
    key(&mut app, '/');
    typed(&mut app, "nile");
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(app.text.search.is_none());
    assert_eq!(
        app.text.scroll, before,
        "Esc in the prompt goes back to where it began"
    );
    key(&mut app, '/');
    typed(&mut app, "zzzz");
    assert_eq!(app.text.search.as_ref().unwrap().current, None);
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(app.text.search.is_none());
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("no match"))
    );
    // Ctrl-C quits even from the prompt.
    key(&mut app, '/');
    assert_eq!(
        press(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL),
        Effect::Quit
    );
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = sample_app(40, 12);
    key(&mut app, '?');
    assert_eq!(help(&app), Some(0));
    key(&mut app, 'j');
    assert_eq!(help(&app), Some(1), "keys scroll the help while it is open");
    key(&mut app, 'G');
    let bottom = help(&app).unwrap();
    assert!(bottom > 1);
    // The last help line is on screen at the bottom.
    let text = screen(&draw(&app)).join("\n");
    assert!(text.contains("cancel the search"), "{text}");
    assert_eq!(app.text.scroll, 0, "the article did not move");
    assert_eq!(key(&mut app, 'q'), Effect::None, "q closes the help first");
    assert_eq!(help(&app), None);
    key(&mut app, '?');
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(help(&app), None);
    assert_eq!(key(&mut app, 'q'), Effect::Quit);
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_click_selects() {
    let mut app = sample_app(120, 40);
    drawn(&mut app);
    let panes = app.layout.unwrap();
    let (ax, ay) = (panes.article.x + 5, panes.article.y + 5);
    app.update(Action::Scroll {
        col: ax,
        row: ay,
        lines: 3,
    });
    assert_eq!(app.text.scroll, 3);
    app.update(Action::Scroll {
        col: ax,
        row: ay,
        lines: -3,
    });
    assert_eq!(app.text.scroll, 0);
    // Wheel over the quotes scrolls that list, not the article.
    let (qx, qy) = (panes.quotes.x + 3, panes.quotes.y + 3);
    app.update(Action::Scroll {
        col: qx,
        row: qy,
        lines: 3,
    });
    assert_eq!(app.quotes.list.offset, 3);
    assert_eq!(app.text.scroll, 0);
    // Click on the third actor row: focus and select it.
    app.update(Action::Click {
        col: panes.actors.x + 3,
        row: panes.actors.y + 1 + 2,
    });
    assert_eq!(app.focus, Pane::Actors);
    assert_eq!(app.actors.actor(), Some(ActorId::new(1)));
    // Click in the article focuses it.
    app.update(Action::Click { col: ax, row: ay });
    assert_eq!(app.focus, Pane::Article);
    // Narrow: click on a tab switches to it.
    let mut narrow = sample_app(80, 24);
    drawn(&mut narrow);
    let tabs = narrow.layout.unwrap().tabs.unwrap();
    let (_, cols) = tab_ranges()
        .into_iter()
        .find(|(p, _)| *p == Pane::Summary)
        .unwrap();
    narrow.update(Action::Click {
        col: tabs.x + cols.start + 1,
        row: tabs.y,
    });
    assert_eq!(narrow.focus, Pane::Summary);
}

#[test]
fn resizing_keeps_the_reading_position() {
    let mut app = sample_app(120, 40);
    key(&mut app, ']');
    let top = app.text.layout.rows[app.text.scroll].span.start;
    app.update(Action::Resize(80, 24));
    let row = &app.text.layout.rows[app.text.scroll];
    assert!(
        row.span.start <= top && top <= row.span.end.max(row.span.start),
        "same text on top"
    );
    // Too small: no layout, no panic, and back again.
    app.update(Action::Resize(30, 8));
    assert!(app.layout.is_none());
    key(&mut app, 'j');
    app.update(Action::Resize(120, 40));
    assert!(app.layout.is_some());
}

#[test]
fn article_switching_waits_for_background_loads() {
    let mut app = sample_app(80, 24);
    key(&mut app, '>');
    assert_eq!(app.message.as_deref(), Some("only one article is open"));
    let briefing = Briefing::new(
        super::sample_article(),
        ["second.txt".to_string(), "third.txt".to_string()],
    );
    let mut app = App::new(briefing, &super::options(ColourMode::Colour));
    app.resize(80, 24);
    key(&mut app, '>');
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("still loading"))
    );
    assert_eq!(app.current, 0);
    let doc = crate::load::load_bytes("second.txt", b"A second article, short and plain.\n", None)
        .unwrap()
        .doc;
    app.update(Action::Loaded(Delivery {
        index: 1,
        result: Ok(Arc::new(Article::new(doc, Default::default()))),
    }));
    app.update(Action::Loaded(Delivery {
        index: 2,
        result: Err(Arc::new(LoadError::NotText {
            name: "third.txt".to_string(),
        })),
    }));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("still loading")),
        "a delivery is not a key: the note stays"
    );
    key(&mut app, 'j');
    key(&mut app, '>');
    assert_eq!(app.current, 1);
    assert_eq!(app.text.scroll, 0);
    assert_eq!(app.article.doc.name, "second.txt");
    assert!(matches!(app.briefing.get(2), Some(Slot::Failed(_))));
    // A failed article is passed over, saying why.
    key(&mut app, '>');
    assert_eq!(app.current, 0);
    assert_eq!(app.article.doc.name, "sample-briefing.txt");
    assert_eq!(
        app.message.as_deref(),
        Some("skipped third.txt: not a text file")
    );
    key(&mut app, '<');
    assert_eq!(app.current, 1);
    assert_eq!(app.article.doc.name, "second.txt");
    // When every other article failed, the reader stays and says why.
    let briefing = Briefing::new(super::sample_article(), ["broken.txt".to_string()]);
    let mut app = App::new(briefing, &super::options(ColourMode::Colour));
    app.resize(80, 24);
    app.update(Action::Loaded(Delivery {
        index: 1,
        result: Err(Arc::new(LoadError::Internal {
            name: "broken.txt".to_string(),
            message: "a bug".to_string(),
        })),
    }));
    key(&mut app, '>');
    assert_eq!(app.current, 0);
    assert_eq!(
        app.message.as_deref(),
        Some("broken.txt: could not be analysed (internal error: a bug); please report it")
    );
}

#[test]
fn rebound_keys_drive_the_same_actions() {
    let mut options = super::options(super::super::theme::ColourMode::Colour);
    options.keys = crate::config::parse(
        std::path::Path::new("c.toml"),
        "down = [\"J\"]\nnext_section = \"ctrl-n\"\n",
    )
    .unwrap();
    let mut app = App::new(super::sample_article(), &options);
    app.resize(80, 24);
    key(&mut app, 'j');
    assert_eq!(app.text.scroll, 0, "j is no longer bound");
    key(&mut app, 'J');
    assert_eq!(app.text.scroll, 1);
    press(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(
        app.text.scroll,
        app.text.layout.section_rows[1].min(max_scroll(&app))
    );
    // The help shows the live bindings.
    key(&mut app, '?');
    let text = screen(&draw(&app)).join("\n");
    assert!(text.contains("Ctrl-n"), "{text}");
}

#[test]
fn clicking_a_mention_in_the_article_selects_its_actor() {
    let mut app = sample_app(120, 40);
    let panes = app.layout.unwrap();
    let rows = screen(&drawn(&mut app));
    // "Cairo" on the first article row is a mention of Egypt.
    let y = panes.article.y + 1;
    let line = &rows[y as usize];
    let at = line.rfind("Cairo").unwrap();
    let col = super::super::words::display_width(&line[..at]) as u16;
    app.update(Action::Click {
        col: col + 1,
        row: y,
    });
    let egypt = app
        .article
        .analysis
        .actors
        .iter()
        .position(|a| a.name == "Egypt")
        .map(ActorId::new);
    assert_eq!(app.actors.actor(), egypt);
    assert_eq!(app.focus, Pane::Article);
    assert_eq!(app.message.as_deref(), Some("selected Egypt"));
    // A click on plain text selects nothing new.
    let plain = line.rfind("insisted").unwrap();
    let col = super::super::words::display_width(&line[..plain]) as u16;
    app.update(Action::Click { col, row: y });
    assert_eq!(app.actors.actor(), egypt);
}

#[test]
fn clicks_hit_what_the_last_frame_drew() {
    let mut app = sample_app(120, 40);
    let actors = app.layout.unwrap().actors;
    let click = Action::Click {
        col: actors.x + 3,
        row: actors.y + 1 + 2,
    };
    // Nothing drawn yet: nothing to hit.
    app.update(click.clone());
    assert_eq!(app.focus, Pane::Article);
    drawn(&mut app);
    // A resize not drawn yet leaves the mouse on the frame the user saw:
    // at 80 columns only the article would be there.
    app.update(Action::Resize(80, 24));
    app.update(click.clone());
    assert_eq!(app.focus, Pane::Actors);
    assert_eq!(app.actors.actor(), Some(ActorId::new(1)));
    // Once drawn narrow, the same cell is in the article.
    drawn(&mut app);
    key(&mut app, 'a');
    app.update(click);
    assert_eq!(app.focus, Pane::Actors, "the actors tab fills the body");
}

#[test]
fn the_topmost_overlay_takes_the_keys_first() {
    let mut app = sample_app(80, 24);
    key(&mut app, '/');
    typed(&mut app, "cairo");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let found = app.text.search.clone().unwrap();
    key(&mut app, '?');
    assert_eq!(help(&app), Some(0));
    key(&mut app, 'n');
    assert_eq!(
        app.text.search.as_ref().unwrap().current,
        found.current,
        "the help took n, not the search under it"
    );
    key(&mut app, 'j');
    assert_eq!(help(&app), Some(1));
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(help(&app), None, "Esc closes the help first");
    assert!(app.text.search.is_some(), "and leaves the search alone");
    press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(app.text.search.is_none());
    assert!(app.overlays.is_empty());
}

/// The sample with a rule of its own for every position and speaker, so
/// that what the footer shows can only come from the selected item.
fn app_with_rules(w: u16, h: u16) -> App {
    let doc = super::sample_doc();
    let mut analysis = super::sample_analysis(&doc);
    let rules: &[&'static str] = &["rule-a", "rule-b", "rule-c", "rule-d", "rule-e"];
    for (i, p) in analysis.positions.iter_mut().enumerate() {
        p.rule = rules[i % rules.len()];
    }
    for (i, s) in analysis
        .quotes
        .iter_mut()
        .filter_map(|q| q.speaker.as_mut())
        .enumerate()
    {
        s.rule = rules[(i + 2) % rules.len()];
        s.confidence = 0.5 + (i % 5) as f32 / 10.0;
    }
    let mut app = App::new(
        Article::new(doc, analysis),
        &super::options(ColourMode::Colour),
    );
    app.resize(w, h);
    app
}

/// The bottom border row of the focused pane as drawn.
fn pane_footer(app: &App, pane: Pane) -> String {
    let rect = app.layout.expect("a layout").rect(pane);
    screen(&draw(app))[(rect.y + rect.height - 1) as usize]
        .chars()
        .skip(rect.x as usize)
        .take(rect.width as usize)
        .collect()
}

#[test]
fn selecting_a_position_shows_its_rule_and_trigger() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app_with_rules(w, h);
        app.update(Action::ShowSummary);
        // The headline explains nothing.
        assert!(
            app.article.summary_items[app.summary.list.selected]
                .why
                .is_none()
        );
        assert!(!pane_footer(&app, Pane::Summary).contains("rule:"));
        let mut seen = 0;
        for i in 0..app.article.summary_items.len() {
            app.summary.list.selected = i;
            let item = &app.article.summary_items[i];
            if !matches!(item.group, "Red lines" | "Positions") {
                continue;
            }
            // One of the positions of the item's sentence (a sentence may
            // hold two).
            let a = &app.article;
            let p = a
                .analysis
                .positions
                .iter()
                .find(|p| {
                    p.span == item.target
                        && item.why
                            == Some(format!(
                                "rule: {} · trigger: \"{}\"",
                                p.rule,
                                a.doc.reading(p.trigger.expect("a trigger"))
                            ))
                })
                .unwrap_or_else(|| panic!("item {i} explains a position: {:?}", item.why));
            let footer = pane_footer(&app, Pane::Summary);
            assert!(
                footer.contains(&format!(" rule: {} · trigger: ", p.rule)),
                "{w}×{h} item {i}: {footer}"
            );
            seen += 1;
        }
        assert!(seen >= 4, "red lines and positions in the summary");
    }
}

#[test]
fn selecting_a_quote_shows_its_rule_and_confidence() {
    let mut app = app_with_rules(120, 40);
    app.update(Action::ShowQuotes);
    for i in 0..app.quotes.items.len().min(6) {
        app.quotes.list.selected = i;
        let q = app.quotes.items[i];
        let footer = pane_footer(&app, Pane::Quotes);
        match &app.article.analysis.quotes[q].speaker {
            Some(s) => assert!(
                footer.contains(&format!(
                    " rule: {} · confidence {:.2} ",
                    s.rule, s.confidence
                )),
                "quote {i}: {footer}"
            ),
            None => assert!(!footer.contains("rule:"), "quote {i}: {footer}"),
        }
    }
}

#[test]
fn red_line_and_position_keys_follow_the_selected_actor() {
    let mut app = sample_app(120, 40);
    let a = &app.article;
    let haddad = ActorId::new(0);
    let held = |list: &[usize]| -> Vec<usize> {
        list.iter()
            .copied()
            .filter(|&p| a.analysis.positions[p].holder == Some(haddad))
            .collect()
    };
    let (reds, positions) = (held(&a.red_lines), held(&a.positions));
    assert!(
        reds.len() >= 2 && reds.len() < a.red_lines.len(),
        "{reds:?}"
    );
    assert!(!positions.is_empty());
    let span = |app: &App, p: usize| app.article.analysis.positions[p].span;
    key(&mut app, 'a');
    key(&mut app, 'j'); // Karim Haddad
    for (i, &p) in reds.iter().enumerate() {
        key(&mut app, 'r');
        assert_eq!(app.text.anchor, Some(span(&app, p)));
        assert_eq!(
            app.message.as_deref(),
            Some(format!("red line {}/{} of Karim Haddad", i + 1, reds.len()).as_str())
        );
    }
    key(&mut app, 'r');
    assert_eq!(app.text.anchor, Some(span(&app, reds[0])), "wraps");
    key(&mut app, 'p');
    assert!(
        positions
            .iter()
            .any(|&p| Some(span(&app, p)) == app.text.anchor),
        "one of his positions"
    );
    // An actor with none says so, and nothing moves.
    let none = (0..app.article.analysis.actors.len())
        .find(|&i| app.article.stats[i].red_lines == 0)
        .expect("an actor without red lines");
    let anchor = app.text.anchor;
    key(&mut app, 'g');
    for _ in 0..=none {
        key(&mut app, 'j');
    }
    key(&mut app, 'r');
    let name = app.article.actor_name(ActorId::new(none));
    assert_eq!(
        app.message.as_deref(),
        Some(format!("no red lines from {name}").as_str())
    );
    assert_eq!(app.text.anchor, anchor);
    // Back on all actors, every red line again.
    key(&mut app, 'g');
    key(&mut app, 'r');
    let all = format!("/{}", app.article.red_lines.len());
    let msg = app.message.clone().unwrap_or_default();
    assert!(
        msg.starts_with("red line ")
            && !msg.contains(" of ")
            && msg.split(' ').nth(2).is_some_and(|n| n.ends_with(&all)),
        "{msg}"
    );
}

#[test]
fn space_and_b_page_as_in_less() {
    let mut app = sample_app(80, 24);
    let page = article_height(&app) - 2;
    key(&mut app, ' ');
    assert_eq!(app.text.scroll, page);
    key(&mut app, ' ');
    assert_eq!(app.text.scroll, 2 * page);
    key(&mut app, 'b');
    assert_eq!(app.text.scroll, page);
    key(&mut app, 'b');
    key(&mut app, 'b');
    assert_eq!(app.text.scroll, 0);
    // In a list pane they page the list.
    key(&mut app, 'a');
    key(&mut app, ' ');
    assert!(app.actors.list.selected > 1);
    key(&mut app, 'b');
    assert_eq!(app.actors.list.selected, 0);
    // In the search prompt a space is text.
    key(&mut app, '/');
    typed(&mut app, "of the");
    assert_eq!(app.text.search.as_ref().unwrap().query, "of the");
}

#[test]
fn ctrl_z_suspends_from_anywhere() {
    let mut app = sample_app(80, 24);
    let ctrl_z = |app: &mut App| press(app, KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert_eq!(ctrl_z(&mut app), Effect::Suspend);
    key(&mut app, '?');
    assert_eq!(ctrl_z(&mut app), Effect::Suspend);
    assert!(help(&app).is_some(), "the help stays open");
    key(&mut app, '?');
    key(&mut app, '/');
    typed(&mut app, "nile");
    assert_eq!(ctrl_z(&mut app), Effect::Suspend);
    assert!(editing(&app), "the prompt stays open");
    assert_eq!(app.text.search.as_ref().unwrap().query, "nile");
}

#[test]
fn y_copies_the_selected_quote_with_its_speaker() {
    let mut app = sample_app(120, 40);
    key(&mut app, 'a');
    key(&mut app, 'j'); // Karim Haddad
    key(&mut app, 'o');
    key(&mut app, 'j');
    let q = app.quotes.items[1];
    let words = app.article.doc.reading(quote_span(&app, q));
    let Effect::Copy(text) = key(&mut app, 'y') else {
        panic!("a copy");
    };
    assert_eq!(text, format!("“{words}” — Karim Haddad"));
    assert_eq!(
        app.message.as_deref(),
        Some("Karim Haddad's quote sent to the clipboard (OSC 52)")
    );
    // In tmux the status line says what it takes.
    app.clipboard = Clipboard::Osc52 { tmux: true };
    key(&mut app, 'y');
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("set-clipboard on"))
    );
    // Where the terminal cannot, it says so and sends nothing.
    app.clipboard = Clipboard::Unsupported("cannot copy: TERM=linux".to_string());
    assert_eq!(key(&mut app, 'y'), Effect::None);
    assert_eq!(app.message.as_deref(), Some("cannot copy: TERM=linux"));
    // Nothing to copy.
    let mut empty = text_app("Just one plain paragraph without anything in it.\n", 80, 24);
    assert_eq!(key(&mut empty, 'y'), Effect::None);
    assert_eq!(empty.message.as_deref(), Some("no quote to copy"));
}

#[test]
fn a_huge_window_is_drawn_clamped() {
    let mut app = sample_app(80, 24);
    app.update(Action::Resize(20000, 20000));
    assert_eq!(app.size, (1000, 500));
    let panes = app.layout.expect("laid out");
    assert!(panes.wide && panes.summary.right() == 1000);
    // A frame at the clamped size draws.
    let buf = draw(&app);
    assert_eq!((buf.area.width, buf.area.height), (1000, 500));
}

#[test]
fn the_actors_pane_and_the_summary_count_alike() {
    let app = sample_app(120, 40);
    let a = &app.article;
    assert!(!a.summary.key_actors.is_empty());
    for k in &a.summary.key_actors {
        let s = a.stats[k.actor.index()];
        assert_eq!(
            (s.quotes, s.positions, s.red_lines),
            (k.quotes, k.positions, k.red_lines),
            "{}",
            a.actor_name(k.actor)
        );
    }
    // Red lines are not counted among positions.
    let held: usize = a.stats.iter().map(|s| s.positions + s.red_lines).sum();
    let with_holder = a
        .analysis
        .positions
        .iter()
        .filter(|p| p.holder.is_some())
        .count();
    assert_eq!(held, with_holder);
}

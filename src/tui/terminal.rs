//! The terminal's lifecycle in one place, and the event loop.
//!
//! The terminal is restored on every way out: a normal quit and an error
//! (the [`Restore`] guard's `Drop`), a panic (the hook, which runs before the
//! panic message is printed so the message lands on the normal screen), and
//! SIGTERM/SIGHUP/SIGINT (a flag the loop checks at least every 250 ms, so
//! it leaves through the guard; a watchdog exits if the loop is stuck).
//! Restoring also turns mouse capture off and shows the cursor, which
//! `ratatui::restore` would not do.
//!
//! The loop turns keys, the mouse, the clock, the terminal's size, the
//! briefing's loader and each drawn frame into actions for `App::update`,
//! and carries out the [`Effect`] it returns.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Once};
use std::time::{Duration, Instant};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::briefing::Loader;

use super::action::Action;
use super::app::App;
use super::article::Article;
use super::effects;
use super::render::draw;

type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// How often the flash fades a step.
const TICK: Duration = Duration::from_millis(100);
/// The longest the loop sleeps: how late a signal can be noticed.
const IDLE: Duration = Duration::from_millis(250);
/// How long the loop gets to notice a signal before the watchdog exits.
const GRACE: Duration = Duration::from_millis(1500);

/// Puts the terminal back as it was. Every step is tried even when one
/// fails (after SIGHUP the terminal may be gone); errors are ignored
/// because there is nothing left to report them on.
pub(crate) fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// Restores the terminal when dropped, however the reader is left.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

fn init() -> io::Result<(Term, Restore)> {
    install_panic_hook();
    enable_raw_mode()?;
    // From here on every exit restores, including a failure just below.
    let guard = Restore;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, Hide)?;
    // One write per frame instead of one per line-buffer flush.
    let backend = CrosstermBackend::new(BufWriter::with_capacity(1 << 16, io::stdout()));
    Ok((Terminal::new(backend)?, guard))
}

/// Signals that end the reader. The loop sees the number within [`IDLE`]
/// and leaves through the guard, exiting with 128 + it as a shell would
/// report. If the loop does not get there (crossterm spins inside `poll`
/// on a terminal that hung up, never returning), a watchdog restores what
/// it can and exits after [`GRACE`].
fn watch_signals() -> io::Result<Arc<AtomicUsize>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let caught = Arc::new(AtomicUsize::new(0));
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let flag = Arc::clone(&caught);
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            flag.store(sig as usize, Ordering::SeqCst);
            std::thread::sleep(GRACE);
            restore();
            std::process::exit(128 + sig);
        }
    });
    Ok(caught)
}

/// How the reader is being measured: `BRIEFING_FIRST_FRAME=1` leaves right
/// after the first frame and prints the time since `started` to stderr.
fn first_frame_probe() -> bool {
    std::env::var_os("BRIEFING_FIRST_FRAME").is_some_and(|v| !v.is_empty())
}

/// Runs the reader on `app`, taking the other articles from `loader` as
/// they arrive. Returns the exit code.
pub(crate) fn run(
    mut app: App,
    loader: Option<Loader<Article>>,
    started: Instant,
) -> io::Result<i32> {
    let caught = watch_signals()?;
    let probe = first_frame_probe();
    let (mut terminal, guard) = init()?;
    let result = event_loop(
        &mut terminal,
        &mut app,
        loader.as_ref(),
        &caught,
        probe.then_some(started),
    );
    drop(terminal);
    drop(guard);
    // Unsaved review marks are written however the loop ended.
    for w in effects::finish(&mut app) {
        eprintln!("briefing: warning: {w}");
    }
    if let Ok(Some(elapsed)) = &result {
        eprintln!(
            "briefing: first frame after {:.1} ms",
            elapsed.as_secs_f64() * 1000.0
        );
    }
    let code = caught.load(Ordering::Relaxed);
    result.map(|_| if code == 0 { 0 } else { 128 + code as i32 })
}

/// Returns the time to the first frame when probing.
fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    loader: Option<&Loader<Article>>,
    caught: &AtomicUsize,
    probe: Option<Instant>,
) -> io::Result<Option<Duration>> {
    let mut dirty = true;
    let mut last_tick = Instant::now();
    loop {
        if caught.load(Ordering::Relaxed) != 0 {
            return Ok(None);
        }
        if let Some(loader) = loader {
            while let Some(delivery) = loader.try_recv() {
                app.update(Action::Loaded(delivery));
            }
        }
        let size = terminal.size()?;
        if (size.width, size.height) != app.size {
            app.update(Action::Resize(size.width, size.height));
            dirty = true;
        }
        if dirty {
            let mut drawn = None;
            terminal.draw(|f| drawn = Some(draw(app, f)))?;
            if let Some(d) = drawn {
                app.update(Action::Drawn(d));
            }
            dirty = false;
            if let Some(started) = probe {
                return Ok(Some(started.elapsed()));
            }
        }
        let timeout = if app.busy() {
            TICK.saturating_sub(last_tick.elapsed())
        } else {
            IDLE
        };
        if event::poll(timeout)? {
            let action = match event::read()? {
                Event::Key(k) => app.key_action(&k),
                Event::Mouse(m) => App::mouse_action(&m),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            };
            if let Some(a) = action {
                let effect = app.update(a);
                if effects::carry_out(app, effect).is_break() {
                    return Ok(None);
                }
                dirty = true;
            }
        }
        if !app.busy() {
            last_tick = Instant::now();
        } else if last_tick.elapsed() >= TICK {
            let effect = app.update(Action::Tick);
            if effects::carry_out(app, effect).is_break() {
                return Ok(None);
            }
            last_tick = Instant::now();
            dirty = true;
        }
    }
}

//! The terminal's lifecycle in one place, and the event loop.
//!
//! Entering sets raw mode, the alternate screen and a hidden cursor, and
//! captures the mouse unless `[reader] mouse = false`. [`restore`] undoes
//! all of it once: it is idempotent, so nothing printed after it (a panic
//! message) is overwritten by a second one. It runs on every way out it
//! can:
//!
//! * a normal quit and an error: the [`Restore`] guard's `Drop`;
//! * a panic: the hook restores, then prints, so the message stays on the
//!   normal screen. A panic in the loader's work on an article is caught
//!   there and becomes a failed article: the hook leaves the screen alone.
//!   A panic on any other thread also ends the reader (exit 101), which
//!   would otherwise go on drawing on the normal screen;
//! * SIGTERM, SIGHUP, SIGINT, SIGQUIT: a flag the loop checks at least
//!   every 250 ms, so it leaves through the guard, exiting with 128 + the
//!   signal; a watchdog restores and exits if the loop is stuck;
//! * abort (an allocation that fails, a panic while panicking, SIGABRT): a
//!   signal handler writes the restore sequence worked out beforehand to the
//!   terminal and puts back the terminal modes saved before raw mode (only
//!   `write` and `tcsetattr`, which are async-signal-safe).
//!
//! SIGTSTP and `Ctrl-Z` (a key in raw mode) suspend: restore, stop, and once
//! continued enter again and redraw everything. A SIGCONT after a stop the
//! reader did not see (SIGSTOP) enters again and redraws too, since the
//! shell may have put the terminal back to line mode meanwhile.
//!
//! The frame is at most `layout::MAX_WIDTH`×`MAX_HEIGHT` ([`Clamped`]).
//!
//! The loop turns keys, the mouse, the clock, the terminal's size, the
//! briefing's loader and each drawn frame into actions for `App::update`,
//! and carries out the [`Effect`] it returns.

use std::io::{self, BufWriter, Stdout, Write};
use std::os::raw::c_int;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Once, OnceLock};
use std::time::{Duration, Instant};

use crossterm::Command;
use crossterm::cursor::{Hide, Show};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect, Size};

use crate::briefing::Loader;

use super::action::{Action, Effect};
use super::app::App;
use super::article::Article;
use super::clipboard;
use super::effects;
use super::layout;
use super::render::draw;

type Term = Terminal<Clamped<CrosstermBackend<BufWriter<Stdout>>>>;

/// How often the flash fades a step.
const TICK: Duration = Duration::from_millis(100);
/// The longest the loop sleeps: how late a signal can be noticed.
const IDLE: Duration = Duration::from_millis(250);
/// How long the loop gets to notice a signal before the watchdog exits.
const GRACE: Duration = Duration::from_millis(1500);
/// The exit code after a panic, as Rust's runtime gives it.
const PANICKED: i32 = 101;

/// The terminal is in the reader's modes: what [`restore`] undoes.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// A thread other than the reader's panicked: the loop ends.
static FATAL: AtomicBool = AtomicBool::new(false);

/// What the abort handler needs, worked out before the reader starts: the
/// terminal's descriptor (the one crossterm puts in raw mode), its modes
/// before raw mode, and the bytes that leave the reader's screen modes.
struct Saved {
    fd: c_int,
    termios: libc::termios,
    restore: Vec<u8>,
}

static SAVED: OnceLock<Saved> = OnceLock::new();

/// Puts the terminal back as it was, once however often it is called.
/// Every step is tried even when one fails (after SIGHUP the terminal may
/// be gone); errors are ignored because there is nothing left to report
/// them on. Mouse capture is turned off and the cursor shown, which
/// `ratatui::restore` would not do.
pub(crate) fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
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

/// Sets the reader's modes.
fn enter(mouse: bool) -> io::Result<()> {
    save_for_abort();
    enable_raw_mode()?;
    // From here on every exit restores, including a failure just below.
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, Hide)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Records what the abort handler needs, the first time (before raw mode),
/// then installs the handler.
fn save_for_abort() {
    if SAVED.get().is_some() {
        return;
    }
    // The descriptor crossterm sets raw mode on: stdin if it is a terminal,
    // else the controlling terminal (kept open for good).
    // SAFETY: plain libc calls on descriptors this process owns; the
    // termios is written by tcgetattr before it is read.
    let (fd, termios) = unsafe {
        let mut fd = libc::STDIN_FILENO;
        if libc::isatty(fd) != 1 {
            fd = libc::open(c"/dev/tty".as_ptr(), libc::O_RDWR | libc::O_CLOEXEC);
        }
        let mut t: libc::termios = std::mem::zeroed();
        if fd < 0 || libc::tcgetattr(fd, &mut t) != 0 {
            fd = -1;
        }
        (fd, t)
    };
    let mut bytes = String::new();
    let _ = DisableMouseCapture.write_ansi(&mut bytes);
    let _ = LeaveAlternateScreen.write_ansi(&mut bytes);
    let _ = Show.write_ansi(&mut bytes);
    let _ = SAVED.set(Saved {
        fd,
        termios,
        restore: bytes.into_bytes(),
    });
    // SAFETY: the handler reads `SAVED`, set above and never changed, and
    // calls only async-signal-safe functions.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_abort as extern "C" fn(c_int) as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        // The default action again on entry: the abort that follows the
        // handler ends the process.
        action.sa_flags = libc::SA_RESETHAND;
        libc::sigaction(libc::SIGABRT, &action, std::ptr::null_mut());
    }
}

/// SIGABRT: leave the reader's modes with what was saved, say why the
/// screen went away, and let the abort go on. Only async-signal-safe calls.
extern "C" fn on_abort(sig: c_int) {
    if ACTIVE.swap(false, Ordering::SeqCst)
        && let Some(s) = SAVED.get()
    {
        const WHY: &[u8] = b"\nbriefing: aborted (out of memory, or an internal error)\n";
        // SAFETY: write and tcsetattr are async-signal-safe; the buffers
        // live in a static that is never changed once set.
        unsafe {
            libc::write(
                libc::STDOUT_FILENO,
                s.restore.as_ptr().cast(),
                s.restore.len(),
            );
            if s.fd >= 0 {
                libc::tcsetattr(s.fd, libc::TCSANOW, &s.termios);
            }
            libc::write(libc::STDERR_FILENO, WHY.as_ptr().cast(), WHY.len());
        }
    }
    // A SIGABRT sent from outside is not followed by abort's own second
    // raise: raise it again, to be delivered with the default action (it is
    // blocked until this handler returns).
    // SAFETY: raise is async-signal-safe.
    unsafe {
        libc::raise(sig);
    }
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // The loader reports it as a failed article; the reader goes on.
            if crate::briefing::caught_panic(info) {
                return;
            }
            restore();
            previous(info);
            FATAL.store(true, Ordering::SeqCst);
        }));
    });
}

/// A backend that says the terminal is at most `max`: ratatui sizes its
/// buffers by what the backend says.
pub(crate) struct Clamped<B> {
    inner: B,
    max: Size,
}

impl<B> Clamped<B> {
    pub(crate) fn new(inner: B) -> Clamped<B> {
        Clamped {
            inner,
            max: Size::new(layout::MAX_WIDTH, layout::MAX_HEIGHT),
        }
    }

    #[cfg(test)]
    pub(crate) fn with_max(inner: B, max: Size) -> Clamped<B> {
        Clamped { inner, max }
    }

    fn clamp(&self, s: Size) -> Size {
        Size::new(s.width.min(self.max.width), s.height.min(self.max.height))
    }
}

impl<B: Backend> Backend for Clamped<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size().map(|s| self.clamp(s))
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let w = self.inner.window_size()?;
        Ok(WindowSize {
            columns_rows: self.clamp(w.columns_rows),
            pixels: w.pixels,
        })
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

impl<B: Write> Write for Clamped<B> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn init(mouse: bool) -> io::Result<(Term, Restore)> {
    install_panic_hook();
    enter(mouse)?;
    let guard = Restore;
    // One write per frame instead of one per line-buffer flush.
    let backend = CrosstermBackend::new(BufWriter::with_capacity(1 << 16, io::stdout()));
    Ok((Terminal::new(Clamped::new(backend))?, guard))
}

/// What the signal thread tells the loop.
#[derive(Default)]
struct Signals {
    /// A signal that ends the reader, or 0.
    end: AtomicUsize,
    /// SIGTSTP: suspend.
    stop: AtomicBool,
    /// SIGCONT: enter the reader's modes again and redraw.
    cont: AtomicBool,
}

/// Watches the signals the reader answers. For those that end it, the loop
/// sees the number within [`IDLE`] and leaves through the guard. If the
/// loop does not get there (crossterm spins inside `poll` on a terminal
/// that hung up, never returning), a watchdog restores what it can and
/// exits after [`GRACE`].
fn watch_signals() -> io::Result<Arc<Signals>> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let flags = Arc::new(Signals::default());
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    let seen = Arc::clone(&flags);
    std::thread::spawn(move || {
        for sig in signals.forever() {
            match sig {
                SIGTSTP => seen.stop.store(true, Ordering::SeqCst),
                SIGCONT => seen.cont.store(true, Ordering::SeqCst),
                _ => {
                    seen.end.store(sig as usize, Ordering::SeqCst);
                    std::thread::sleep(GRACE);
                    restore();
                    std::process::exit(128 + sig);
                }
            }
        }
    });
    Ok(flags)
}

/// Stops the process as SIGTSTP does by default, and returns once it is
/// continued. The signal thread's handler is put aside meanwhile. In an
/// orphaned process group (no shell to continue it) the kernel ignores the
/// stop, and the reader simply goes on.
fn stop_self() {
    // SAFETY: sigaction with a zeroed (default) action and the one it
    // replaced, which is put back as it was.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        let mut previous: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGTSTP, &default, &mut previous) != 0 {
            return;
        }
        libc::raise(libc::SIGTSTP);
        libc::sigaction(libc::SIGTSTP, &previous, std::ptr::null_mut());
    }
}

/// Suspends the reader: the terminal as it was, stopped, then back.
fn suspend(terminal: &mut Term, mouse: bool) -> io::Result<()> {
    restore();
    stop_self();
    resume(terminal, mouse)
}

/// The reader's modes again after a stop, and everything redrawn.
fn resume(terminal: &mut Term, mouse: bool) -> io::Result<()> {
    // While stopped the shell may have put the terminal in line mode behind
    // crossterm's back, which would then think raw mode is still on.
    ACTIVE.store(false, Ordering::SeqCst);
    let _ = disable_raw_mode();
    enter(mouse)?;
    // Clears the screen and forgets what was drawn: the next frame is whole.
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}

/// How the reader is being measured: `BRIEFING_FIRST_FRAME=1` leaves right
/// after the first frame and prints the time since `started` to stderr.
fn first_frame_probe() -> bool {
    std::env::var_os("BRIEFING_FIRST_FRAME").is_some_and(|v| !v.is_empty())
}

/// For the end-to-end tests of debug builds: `BRIEFING_TEST_READER=panic`
/// panics on the reader's thread after the first frame.
fn test_panic_after_first_frame() {
    #[cfg(debug_assertions)]
    if std::env::var_os("BRIEFING_TEST_READER").is_some_and(|v| v == "panic") {
        panic!("a test panic on the reader's thread (BRIEFING_TEST_READER=panic)");
    }
}

/// Runs the reader on `app`, taking the other articles from `loader` as
/// they arrive. Returns the exit code.
pub(crate) fn run(
    mut app: App,
    loader: Option<Loader<Article>>,
    started: Instant,
) -> io::Result<i32> {
    let signals = watch_signals()?;
    let probe = first_frame_probe();
    let (mut terminal, guard) = init(app.mouse)?;
    let result = event_loop(
        &mut terminal,
        &mut app,
        loader.as_ref(),
        &signals,
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
    let code = signals.end.load(Ordering::Relaxed);
    result.map(|_| {
        if FATAL.load(Ordering::SeqCst) {
            PANICKED
        } else if code == 0 {
            0
        } else {
            128 + code as i32
        }
    })
}

/// Returns the time to the first frame when probing.
fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    loader: Option<&Loader<Article>>,
    signals: &Signals,
    probe: Option<Instant>,
) -> io::Result<Option<Duration>> {
    let mut dirty = true;
    let mut first = true;
    let mut last_tick = Instant::now();
    loop {
        if signals.end.load(Ordering::Relaxed) != 0 || FATAL.load(Ordering::SeqCst) {
            return Ok(None);
        }
        if signals.stop.swap(false, Ordering::SeqCst) {
            suspend(terminal, app.mouse)?;
            dirty = true;
        }
        if signals.cont.swap(false, Ordering::SeqCst) {
            resume(terminal, app.mouse)?;
            dirty = true;
        }
        if let Some(loader) = loader {
            while let Some(delivery) = loader.try_recv() {
                app.update(Action::Loaded(delivery));
                dirty = true;
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
            if std::mem::take(&mut first) {
                test_panic_after_first_frame();
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
                match app.update(a) {
                    Effect::Suspend => suspend(terminal, app.mouse)?,
                    Effect::Copy(text) => {
                        if let Ok(bytes) = clipboard::osc52(&text) {
                            let out = terminal.backend_mut();
                            out.write_all(&bytes)?;
                            Write::flush(out)?;
                        }
                    }
                    effect => {
                        if effects::carry_out(app, effect).is_break() {
                            return Ok(None);
                        }
                    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;

    #[test]
    fn the_frame_is_never_bigger_than_the_clamp() {
        let backend = Clamped::with_max(TestBackend::new(60, 30), Size::new(50, 20));
        let mut t = Terminal::new(backend).expect("terminal");
        let mut area = Rect::default();
        t.draw(|f| area = f.area()).expect("draws");
        assert_eq!(area, Rect::new(0, 0, 50, 20));
        let small = Clamped::with_max(TestBackend::new(30, 10), Size::new(50, 20));
        let mut t = Terminal::new(small).expect("terminal");
        t.draw(|f| area = f.area()).expect("draws");
        assert_eq!(area, Rect::new(0, 0, 30, 10));
    }
}

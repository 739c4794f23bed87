//! Copying to the clipboard through the terminal: the OSC 52 escape
//! (`ESC ] 52 ; c ; <base64> BEL`), which xterm, kitty, WezTerm, foot,
//! Alacritty, iTerm2, Windows Terminal and others turn into a clipboard
//! write, also over ssh. No terminal answers it, so success cannot be
//! checked; what can be known beforehand is where it cannot work, and the
//! reader says so instead of pretending.

/// What the terminal is known to do with OSC 52, read once at start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clipboard {
    /// Send it. `tmux`: inside tmux, which passes it on only with
    /// `set -g set-clipboard on`.
    Osc52 { tmux: bool },
    /// Known not to work, and why (for the status line).
    Unsupported(String),
}

/// The longest text sent: some terminals drop longer OSC 52 writes whole.
const MAX_BYTES: usize = 64 * 1024;

impl Clipboard {
    /// From the environment and whether standard output is a terminal.
    pub fn from_env(stdout_is_terminal: bool) -> Clipboard {
        let term = std::env::var("TERM").unwrap_or_default();
        let tmux = std::env::var_os("TMUX").is_some_and(|v| !v.is_empty());
        Clipboard::detect(stdout_is_terminal, &term, tmux)
    }

    fn detect(stdout_is_terminal: bool, term: &str, tmux: bool) -> Clipboard {
        if !stdout_is_terminal {
            return Clipboard::Unsupported("cannot copy: not on a terminal".to_string());
        }
        // The Linux console and dumb terminals have no clipboard escape.
        match term {
            "" => Clipboard::Unsupported(
                "cannot copy: TERM is not set, so the clipboard escape (OSC 52) may not be understood"
                    .to_string(),
            ),
            "linux" | "dumb" | "cons25" => Clipboard::Unsupported(format!(
                "cannot copy: this terminal (TERM={term}) has no clipboard escape (OSC 52)"
            )),
            _ => Clipboard::Osc52 { tmux },
        }
    }
}

/// The escape that puts `text` on the clipboard, or why it is not sent.
pub(crate) fn osc52(text: &str) -> Result<Vec<u8>, String> {
    if text.len() > MAX_BYTES {
        return Err(format!(
            "cannot copy: the quote is over {} KiB, more than terminals take",
            MAX_BYTES / 1024
        ));
    }
    let mut out = b"\x1b]52;c;".to_vec();
    out.extend_from_slice(base64(text.as_bytes()).as_bytes());
    out.push(0x07);
    Ok(out)
}

/// Standard base64 with padding (RFC 4648), what OSC 52 carries.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
        assert_eq!(base64("“é”".as_bytes()), "4oCcw6nigJ0=");
    }

    #[test]
    fn the_escape_is_osc_52_with_the_text_in_base64() {
        assert_eq!(osc52("foo").unwrap(), b"\x1b]52;c;Zm9v\x07");
        assert!(osc52(&"x".repeat(MAX_BYTES + 1)).is_err());
    }

    #[test]
    fn terminals_known_not_to_copy_say_so() {
        assert_eq!(
            Clipboard::detect(true, "xterm-256color", false),
            Clipboard::Osc52 { tmux: false }
        );
        assert_eq!(
            Clipboard::detect(true, "tmux-256color", true),
            Clipboard::Osc52 { tmux: true }
        );
        for term in ["linux", "dumb", ""] {
            let Clipboard::Unsupported(why) = Clipboard::detect(true, term, false) else {
                panic!("{term} cannot copy");
            };
            assert!(why.starts_with("cannot copy"), "{why}");
        }
        assert!(matches!(
            Clipboard::detect(false, "xterm", false),
            Clipboard::Unsupported(w) if w.contains("not on a terminal")
        ));
    }
}

//! JSON that is safe to print on a terminal: besides the C0 controls
//! serde_json escapes, DEL, the C1 controls (U+0080–U+009F, which some
//! terminals obey: U+009B is a CSI, U+009D an OSC) and the bidirectional
//! overrides and isolates (U+202A–U+202E, U+2066–U+2069) are written as
//! `\u` escapes. A parser reads the same strings back.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// Writes `value` to `w`, pretty-printed or on one line.
pub(crate) fn to_writer<W: Write, T: Serialize + ?Sized>(
    w: W,
    value: &T,
    pretty: bool,
) -> io::Result<()> {
    let done = if pretty {
        value.serialize(&mut serde_json::Serializer::with_formatter(
            w,
            Safe(PrettyFormatter::new()),
        ))
    } else {
        value.serialize(&mut serde_json::Serializer::with_formatter(
            w,
            Safe(CompactFormatter),
        ))
    };
    done.map_err(io::Error::from)
}

/// `value` as a string (serialising plain structs of strings and numbers
/// cannot fail; a failure gives an empty string).
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T, pretty: bool) -> String {
    let mut out = Vec::new();
    if to_writer(&mut out, value, pretty).is_err() {
        return String::new();
    }
    // Only UTF-8 is written: the input is strings, the escapes ASCII.
    String::from_utf8(out).unwrap_or_default()
}

/// A formatter as `F` is, with more code points escaped.
struct Safe<F>(F);

impl<F: Formatter> Formatter for Safe<F> {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        let mut start = 0;
        // DEL is 7F; C1 controls are C2 80–C2 9F; the bidi controls E2 80 AA–
        // E2 80 AE and E2 81 A6–E2 81 A9. Only those lead bytes are looked at.
        for i in memchr::memchr3_iter(0x7F, 0xC2, 0xE2, bytes) {
            let Some(c) = fragment[i..].chars().next() else {
                continue;
            };
            if !escaped(c) {
                continue;
            }
            w.write_all(&bytes[start..i])?;
            write!(w, "\\u{:04x}", c as u32)?;
            start = i + c.len_utf8();
        }
        w.write_all(&bytes[start..])
    }
}

fn escaped(c: char) -> bool {
    matches!(c, '\u{7F}'..='\u{9F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_escaped_and_read_back_the_same() {
        let s = "a\u{7f}b\u{9b}2J\u{9d}0;x\u{7}c\u{202e}d\u{2066}e “quoted” é\u{1b}";
        for pretty in [false, true] {
            let json = to_string(&serde_json::json!({ "text": s }), pretty);
            assert!(!json.chars().any(escaped), "{json}");
            assert!(!json.chars().any(|c| c.is_control() && c != '\n'), "{json}");
            assert!(
                json.contains("\\u009b") && json.contains("\\u202e"),
                "{json}"
            );
            assert!(json.contains("“quoted” é"), "{json}");
            let back: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(back["text"], s);
        }
    }

    #[test]
    fn pretty_output_is_serde_jsons() {
        let v = serde_json::json!({ "a": [1, 2, { "b": "c" }], "d": null });
        assert_eq!(
            to_string(&v, true),
            serde_json::to_string_pretty(&v).unwrap()
        );
        assert_eq!(to_string(&v, false), serde_json::to_string(&v).unwrap());
    }
}

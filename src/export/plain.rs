//! The plain-text reading printed when stdout is not a terminal: the
//! article's sections and paragraphs, reflowed and wrapped, marked by the
//! one highlighter: each attributed quote is followed by its speaker
//! (`⟨Karim Haddad⟩`, `⟨? Name⟩` when uncertain), and a gutter shows lines
//! that hold a red line (`▌`) or another position (`╎`). Control
//! characters appear as placeholders.

use std::fmt::Write;

use crate::highlight::{Highlighter, Mark, Overlay, marked_reading};
use crate::model::{Analysis, BlockKind, Document};
use crate::span::Span;

/// Column the reading is wrapped to (gutter included).
pub const WIDTH: usize = 80;

const RED: u8 = 1;
const POSITION: u8 = 2;

pub fn to_string(doc: &Document, analysis: &Analysis) -> String {
    let hl = Highlighter::new(analysis);
    let read = |s: Span| doc.reading(s);
    let mut out = String::new();
    if let Some(t) = doc.title {
        let _ = writeln!(out, "{}", wrap_plain(&read(t), ""));
    }
    let mut meta = Vec::new();
    if let Some(d) = doc.dateline {
        meta.push(read(d));
    }
    if let Some(b) = doc.byline {
        meta.push(read(b));
    }
    meta.push(crate::text::sanitize(&doc.name).into_owned());
    let _ = writeln!(out, "{}\n", meta.join(" · "));
    for section in &doc.sections {
        if let Some(h) = section.heading {
            let _ = writeln!(out, "── {} ──\n", read(h));
        }
        for p in &doc.paragraphs[section.paragraphs.clone()] {
            let indent = match p.kind {
                BlockKind::Quote => "│ ",
                BlockKind::Item => "• ",
                BlockKind::Code => "    ",
                BlockKind::Text => "",
            };
            let (text, flags) = marked_text(doc, analysis, &hl, p.span);
            let _ = writeln!(out, "{}", wrap_marked(&text, &flags, indent));
        }
    }
    out
}

/// The paragraph as one line, with speaker tags after attributed quotes,
/// and one flag byte per char (`RED`, `POSITION`).
fn marked_text(
    doc: &Document,
    analysis: &Analysis,
    hl: &Highlighter,
    span: Span,
) -> (String, Vec<u8>) {
    let runs = marked_reading(doc, hl, span, &Overlay::default());
    let mut text = String::new();
    let mut flags: Vec<u8> = Vec::new();
    let flag = |m: &Mark| {
        if m.red_line {
            RED
        } else if m.position {
            POSITION
        } else {
            0
        }
    };
    // Closing marks carried over from the start of the next run.
    let mut skip = 0;
    for (i, (run, mark)) in runs.iter().enumerate() {
        let run = &run[skip..];
        skip = 0;
        for c in run.chars() {
            text.push(c);
            flags.push(flag(mark));
        }
        let Some(q) = mark.quote else { continue };
        let next = runs.get(i + 1);
        if next.is_some_and(|n| n.1.quote == Some(q)) {
            continue;
        }
        // The quote ends here: keep its closing marks, then name the speaker.
        if let Some((n, nmark)) = next {
            let closing: usize = n
                .chars()
                .take_while(|c| matches!(c, '"' | '”' | '’' | '\'' | '»'))
                .map(char::len_utf8)
                .sum();
            for c in n[..closing].chars() {
                text.push(c);
                flags.push(flag(nmark));
            }
            skip = closing;
        }
        let Some(actor) = q.speaker.and_then(|a| analysis.actor(a)) else {
            continue;
        };
        let tag = format!(
            " ⟨{}{}⟩",
            if q.uncertain { "? " } else { "" },
            crate::text::sanitize(&actor.name)
        );
        let f = flag(mark);
        for c in tag.chars() {
            text.push(c);
            flags.push(f);
        }
    }
    (text, flags)
}

/// Wraps a marked paragraph with a two-column gutter.
fn wrap_marked(text: &str, flags: &[u8], indent: &str) -> String {
    let width = WIDTH.saturating_sub(2 + indent.chars().count()).max(20);
    let opts = textwrap::Options::new(width).break_words(true);
    // Char index of every byte offset, to find each line's flags.
    let char_at: Vec<usize> = {
        let mut v = vec![0; text.len() + 1];
        let mut n = 0;
        for (b, c) in text.char_indices() {
            for slot in &mut v[b..b + c.len_utf8()] {
                *slot = n;
            }
            n += 1;
        }
        v[text.len()] = n;
        v
    };
    let mut out = String::new();
    for line in textwrap::wrap(text, opts) {
        // Lines are slices of `text` (no indent is added by textwrap).
        let start = (line.as_ptr() as usize)
            .wrapping_sub(text.as_ptr() as usize)
            .min(text.len());
        let end = (start + line.len()).min(text.len());
        let f = flags[char_at[start]..char_at[end]]
            .iter()
            .fold(0, |a, &b| a | b);
        let gutter = if f & RED != 0 {
            "▌ "
        } else if f & POSITION != 0 {
            "╎ "
        } else {
            "  "
        };
        let _ = writeln!(out, "{gutter}{indent}{line}");
    }
    out
}

fn wrap_plain(s: &str, gutter: &str) -> String {
    let opts = textwrap::Options::new(WIDTH)
        .initial_indent(gutter)
        .subsequent_indent(gutter);
    textwrap::fill(s, opts)
}

#[cfg(test)]
mod tests {
    use crate::analyze::analyze;
    use crate::lexicon::Lexicon;
    use crate::load::load_bytes;

    #[test]
    fn quotes_carry_their_speaker_and_text_is_kept() {
        let text = "Foreign Minister Jane Doe spoke on Monday.\n\"We are ready,\" Doe said.\n";
        let doc = load_bytes("t.txt", text.as_bytes(), None).unwrap().doc;
        let a = analyze(&doc, &Lexicon::builtin());
        let out = super::to_string(&doc, &a);
        assert!(
            out.contains("\"We are ready,\" ⟨Jane Doe⟩ Doe said."),
            "{out}"
        );
        assert!(
            out.lines().all(|l| l.chars().count() <= super::WIDTH),
            "{out}"
        );
    }
}

//! The plain-text reading printed when stdout is not a terminal: the
//! article's sections and paragraphs, reflowed and wrapped, with control
//! characters shown as placeholders.

use std::fmt::Write;

use crate::analyze::Analysis;
use crate::load::{BlockKind, Document};

/// Column the reading is wrapped to.
pub const WIDTH: usize = 80;

pub fn to_string(doc: &Document, _analysis: &Analysis) -> String {
    let read = |s: crate::span::Span| doc.reading(s);
    let mut out = String::new();
    if let Some(t) = doc.title {
        let _ = writeln!(out, "{}", wrap(&read(t), "", ""));
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
            let (first, rest) = match p.kind {
                BlockKind::Quote => ("  │ ", "  │ "),
                BlockKind::Item => ("  • ", "    "),
                BlockKind::Code => ("    ", "    "),
                BlockKind::Text => ("", ""),
            };
            let _ = writeln!(out, "{}\n", wrap(&read(p.span), first, rest));
        }
    }
    out
}

fn wrap(s: &str, first: &str, rest: &str) -> String {
    let opts = textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest);
    textwrap::fill(s, opts)
}

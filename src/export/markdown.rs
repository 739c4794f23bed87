//! The Markdown export: the article's outline and text, then what the
//! analysis found, grouped by actor. Article text is escaped so that nothing
//! in it is read as Markdown.

use std::fmt::Write;

use crate::model::{ActorId, Analysis, BlockKind, Document};

/// Escapes characters Markdown would read as markup.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        let at_start = i == 0;
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '+' | '-' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The first line of every Markdown export: how `export --out-dir` knows a
/// file it may write over (an HTML comment, which Markdown does not show).
pub const FRONT_LINE: &str = "<!-- written by briefing export -->";

/// Whether `head` (the start of a file) is the start of a Markdown export.
pub fn is_export(head: &[u8]) -> bool {
    head.strip_prefix(FRONT_LINE.as_bytes())
        .is_some_and(|rest| rest.starts_with(b"\n"))
}

pub fn to_string(doc: &Document, analysis: &Analysis) -> String {
    let read = |s: crate::span::Span| escape(&doc.reading(s));
    let mut out = String::new();
    let _ = writeln!(out, "{FRONT_LINE}");
    let name = || escape(&crate::text::sanitize(&doc.name));
    let title = doc.title.map_or_else(name, read);
    let _ = writeln!(out, "# {title}\n");
    let mut meta = Vec::new();
    if let Some(d) = doc.dateline {
        meta.push(read(d));
    }
    if let Some(b) = doc.byline {
        meta.push(read(b));
    }
    meta.push(format!("source: {}", name()));
    let _ = writeln!(out, "*{}*\n", meta.join(" · "));

    for section in &doc.sections {
        if let Some(h) = section.heading {
            let _ = writeln!(out, "## {}\n", read(h));
        }
        for p in &doc.paragraphs[section.paragraphs.clone()] {
            let body = read(p.span);
            match p.kind {
                BlockKind::Quote => {
                    let _ = writeln!(out, "> {body}\n");
                }
                BlockKind::Item => {
                    let _ = writeln!(out, "- {body}\n");
                }
                BlockKind::Code => {
                    let _ = writeln!(out, "    {}\n", doc.reading(p.span));
                }
                BlockKind::Text => {
                    let _ = writeln!(out, "{body}\n");
                }
            }
        }
    }
    write_quotes(&mut out, doc, analysis);
    out
}

/// Quotes grouped by speaker, in order of first appearance.
fn write_quotes(out: &mut String, doc: &Document, analysis: &Analysis) {
    let speech: Vec<_> = analysis.quotes.iter().filter(|q| q.speech).collect();
    if speech.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Quotes by actor\n");
    // Grouped once, speakers in order of their first quote.
    let mut order: Vec<Option<ActorId>> = Vec::new();
    let mut groups: std::collections::HashMap<Option<ActorId>, Vec<&crate::model::Quote>> =
        std::collections::HashMap::new();
    for q in &speech {
        let who = q.speaker.as_ref().map(|s| s.actor);
        let group = groups.entry(who).or_default();
        if group.is_empty() {
            order.push(who);
        }
        group.push(q);
    }
    for who in order {
        let name = match who {
            Some(a) => analysis
                .actor(a)
                .map_or_else(String::new, |a| escape(&a.name)),
            None => "Unattributed".to_string(),
        };
        let _ = writeln!(out, "### {name}\n");
        for q in groups.get(&who).map(Vec::as_slice).unwrap_or_default() {
            let words = escape(&doc.reading(q.span));
            let note = match &q.speaker {
                Some(s) if s.is_uncertain() => " *(uncertain)*",
                _ => "",
            };
            let _ = writeln!(out, "- “{words}”{note}");
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_article_text_is_escaped() {
        assert_eq!(escape("# not *a* [link]"), "\\# not \\*a\\* \\[link\\]");
        assert_eq!(escape("a - b"), "a - b");
    }
}

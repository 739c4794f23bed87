//! `briefing summary`: the summary of a briefing as plain text or Markdown
//! (the JSON form is in [`super::json`]). Every item names the paragraph it
//! comes from (¶N), so it can be found in the text.

use std::fmt::Write;

use crate::export::markdown::escape;
use crate::export::quotes::paragraph_number;
use crate::model::{ActorId, Analysis, Document, Position, Quote};
use crate::span::Span;
use crate::summary::{ByHolder, Summary};

/// Column the text view is wrapped to.
const WIDTH: usize = 100;

/// The output formats of `briefing summary`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SummaryFormat {
    Text,
    Md,
    Json,
}

fn actor_name(analysis: &Analysis, id: Option<ActorId>) -> String {
    match id.and_then(|a| analysis.actor(a)) {
        Some(a) => crate::text::sanitize(&a.name).into_owned(),
        None => "Unattributed".to_string(),
    }
}

fn wrap(s: &str, first: &str, rest: &str) -> String {
    let opts = textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest);
    textwrap::fill(s, opts)
}

/// The summary's key quotes, as quotes of the analysis.
fn key_quotes<'a>(analysis: &'a Analysis, s: &Summary) -> Vec<&'a Quote> {
    s.key_quotes
        .iter()
        .filter_map(|&i| analysis.quotes.get(i))
        .collect()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The summary as plain text.
pub fn to_text(doc: &Document, analysis: &Analysis, s: &Summary) -> String {
    let read = |sp: Span| doc.reading(sp);
    let mut out = String::new();
    let _ = writeln!(out, "{} — summary\n", crate::text::sanitize(&doc.name));
    if let Some(h) = s.headline {
        let _ = writeln!(out, "{}", wrap(&read(h), "Headline  ", "          "));
    }
    if let Some(d) = s.dateline {
        let _ = writeln!(out, "Dateline  {}", read(d));
    }
    let lead: Vec<String> = s.lead.iter().map(|&l| read(l)).collect();
    if !lead.is_empty() {
        let _ = writeln!(out, "{}", wrap(&lead.join(" "), "Lead      ", "          "));
    }

    if !s.key_actors.is_empty() {
        let _ = writeln!(out, "\nKey actors");
        for k in &s.key_actors {
            let mut line = actor_name(analysis, Some(k.actor));
            if let Some(r) = k.role {
                let _ = write!(line, " ({})", read(r));
            }
            let _ = write!(
                line,
                " · {} · {} · {} · {}",
                plural(k.mentions, "mention", "mentions"),
                plural(k.quotes, "quote", "quotes"),
                plural(k.positions, "position", "positions"),
                plural(k.red_lines, "red line", "red lines"),
            );
            let _ = writeln!(out, "{}", wrap(&line, "  ", "      "));
        }
    }

    for (title, groups) in [("Red lines", &s.red_lines), ("Positions", &s.positions)] {
        if groups.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title}");
        write_groups_text(&mut out, doc, analysis, groups);
    }

    let quotes = key_quotes(analysis, s);
    if !quotes.is_empty() {
        let _ = writeln!(out, "\nKey quotes");
        for q in quotes {
            let who = actor_name(analysis, q.speaker.as_ref().map(|sp| sp.actor));
            let para = paragraph_number(doc, q.span.start);
            let body = format!("{who}: “{}”", read(q.span));
            let _ = writeln!(out, "{}", wrap(&body, &format!("  ¶{para:<4}"), "        "));
        }
    }

    if !s.digest.is_empty() {
        let _ = writeln!(out, "\nDigest");
        let digest: Vec<String> = s.digest.iter().map(|&d| read(d)).collect();
        let _ = writeln!(out, "{}", wrap(&digest.join(" "), "  ", "  "));
    }
    out
}

/// What a position says, in a few words: kind, trigger and who reported it.
fn position_head(doc: &Document, analysis: &Analysis, p: &Position) -> String {
    let mut head = p.kind.name().to_string();
    if let Some(t) = p.trigger {
        // The trigger may span quotation marks (`"never" be`): shown without.
        let words: String = doc
            .reading(t)
            .chars()
            .filter(|&c| !matches!(c, '"' | '“' | '”' | '‘' | '’' | '«' | '»'))
            .collect();
        let _ = write!(head, " · “{words}”");
    }
    if let Some(src) = p.source {
        let _ = write!(head, " · reported by {}", actor_name(analysis, Some(src)));
    }
    head
}

fn write_groups_text(out: &mut String, doc: &Document, analysis: &Analysis, groups: &[ByHolder]) {
    for g in groups {
        let _ = writeln!(out, "  {}", actor_name(analysis, g.holder));
        for &i in &g.items {
            let Some(p) = analysis.positions.get(i) else {
                continue;
            };
            let para = paragraph_number(doc, p.span.start);
            let _ = writeln!(
                out,
                "{}",
                wrap(
                    &position_head(doc, analysis, p),
                    &format!("    ¶{para:<4}"),
                    "          "
                )
            );
            let _ = writeln!(
                out,
                "{}",
                wrap(&doc.reading(p.span), "          ", "          ")
            );
        }
    }
}

/// The summary as Markdown; article text is escaped.
pub fn to_markdown(doc: &Document, analysis: &Analysis, s: &Summary) -> String {
    let read = |sp: Span| escape(&doc.reading(sp));
    let mut out = String::new();
    let name = || escape(&crate::text::sanitize(&doc.name));
    let title = s.headline.map_or_else(name, read);
    let _ = writeln!(out, "# {title}\n");
    let mut meta = Vec::new();
    if let Some(d) = s.dateline {
        meta.push(read(d));
    }
    meta.push(format!("source: {}", name()));
    let _ = writeln!(out, "*{}*\n", meta.join(" · "));
    if !s.lead.is_empty() {
        let lead: Vec<String> = s.lead.iter().map(|&l| read(l)).collect();
        let _ = writeln!(out, "**Lead.** {}\n", lead.join(" "));
    }

    if !s.key_actors.is_empty() {
        let _ = writeln!(out, "## Key actors\n");
        let _ = writeln!(
            out,
            "| Actor | Role | Mentions | Quotes | Positions | Red lines |"
        );
        let _ = writeln!(out, "|---|---|---:|---:|---:|---:|");
        for k in &s.key_actors {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                escape(&actor_name(analysis, Some(k.actor))),
                k.role.map_or_else(String::new, read),
                k.mentions,
                k.quotes,
                k.positions,
                k.red_lines
            );
        }
        out.push('\n');
    }

    for (title, groups) in [("Red lines", &s.red_lines), ("Positions", &s.positions)] {
        if groups.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {title}\n");
        for g in groups.iter() {
            let _ = writeln!(out, "### {}\n", escape(&actor_name(analysis, g.holder)));
            for &i in &g.items {
                let Some(p) = analysis.positions.get(i) else {
                    continue;
                };
                let para = paragraph_number(doc, p.span.start);
                let _ = writeln!(
                    out,
                    "- **{}** — {} (¶{para})",
                    escape(&position_head(doc, analysis, p)),
                    read(p.span)
                );
            }
            out.push('\n');
        }
    }

    let quotes = key_quotes(analysis, s);
    if !quotes.is_empty() {
        let _ = writeln!(out, "## Key quotes\n");
        for q in quotes {
            let who = actor_name(analysis, q.speaker.as_ref().map(|sp| sp.actor));
            let para = paragraph_number(doc, q.span.start);
            let _ = writeln!(out, "- **{}**: “{}” (¶{para})", escape(&who), read(q.span));
        }
        out.push('\n');
    }

    if !s.digest.is_empty() {
        let _ = writeln!(out, "## Digest\n");
        let digest: Vec<String> = s.digest.iter().map(|&d| read(d)).collect();
        let _ = writeln!(out, "{}", digest.join(" "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::load::{SAMPLE_BRIEFING, load_bytes};

    fn sample() -> (Document, Analysis, Summary) {
        let doc = load_bytes("sample.txt", SAMPLE_BRIEFING.as_bytes(), Some("txt"))
            .unwrap()
            .doc;
        let a = crate::analyze::analyze(&doc, &Lexicon::builtin());
        let s = crate::summary::build(&doc, &a);
        (doc, a, s)
    }

    #[test]
    fn text_view_has_every_part() {
        let (doc, a, s) = sample();
        let out = to_text(&doc, &a, &s);
        for part in [
            "Headline  ",
            "Key actors",
            "Red lines",
            "Positions",
            "Key quotes",
            "Digest",
        ] {
            assert!(out.contains(part), "{part} missing:\n{out}");
        }
        assert!(out.contains("reported by"), "{out}");
        assert!(
            out.lines()
                .all(|l| unicode_width::UnicodeWidthStr::width(l) <= WIDTH + 10)
        );
    }

    #[test]
    fn markdown_view_escapes_and_has_a_table() {
        let (doc, a, s) = sample();
        let out = to_markdown(&doc, &a, &s);
        assert!(out.starts_with("# "));
        assert!(out.contains("| Actor | Role |"));
        assert!(out.contains("## Red lines"));
        assert!(!out.contains("\u{1b}"));
    }
}

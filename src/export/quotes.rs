//! `briefing quotes`: every quote, grouped by speaker, as plain text.

use std::fmt::Write;

use crate::error::ExportError;
use crate::model::{ActorId, Analysis, Document};

/// The 1-based number of the paragraph holding byte `pos`.
pub fn paragraph_number(doc: &Document, pos: u32) -> usize {
    doc.paragraphs.partition_point(|p| p.span.end <= pos) + 1
}

/// The quotes of one document grouped by speaker (in order of each
/// speaker's first quote), optionally only those of actors whose name
/// contains `actor` (case-insensitive). `Err` names the actors when the
/// filter matches none.
pub fn to_string(
    doc: &Document,
    analysis: &Analysis,
    actor: Option<&str>,
) -> Result<String, ExportError> {
    let speech: Vec<(usize, &crate::model::Quote)> = analysis
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.speech)
        .collect();
    let mut order: Vec<Option<ActorId>> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (_, q) in &speech {
        let who = q.speaker.as_ref().map(|s| s.actor);
        if seen.insert(who) {
            order.push(who);
        }
    }
    let name_of = |who: Option<ActorId>| match who {
        Some(a) => analysis
            .actor(a)
            .map_or_else(String::new, |a| a.name.clone()),
        None => "Unattributed".to_string(),
    };
    if let Some(filter) = actor {
        let f = filter.to_lowercase();
        order.retain(|&who| who.is_some() && name_of(who).to_lowercase().contains(&f));
        if order.is_empty() {
            let mut speakers: Vec<String> = speech
                .iter()
                .filter_map(|(_, q)| q.speaker.as_ref().map(|s| name_of(Some(s.actor))))
                .collect();
            speakers.dedup();
            speakers.sort();
            speakers.dedup();
            return Err(ExportError::NoQuotedActor {
                name: doc.name.clone(),
                filter: filter.to_string(),
                quoted: speakers,
            });
        }
    }
    // Group once: quote indices per speaker, in text order.
    let mut groups: std::collections::HashMap<Option<ActorId>, Vec<&crate::model::Quote>> =
        std::collections::HashMap::new();
    for (_, q) in &speech {
        groups
            .entry(q.speaker.as_ref().map(|s| s.actor))
            .or_default()
            .push(q);
    }
    let shown: usize = order
        .iter()
        .map(|w| groups.get(w).map_or(0, Vec::len))
        .sum();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} quote{}\n",
        crate::text::sanitize(&doc.name),
        shown,
        if shown == 1 { "" } else { "s" }
    );
    for who in order {
        let mine = groups.get(&who).map(Vec::as_slice).unwrap_or_default();
        let mut head = crate::text::sanitize(&name_of(who)).into_owned();
        if let Some(a) = who.and_then(|a| analysis.actor(a))
            && let Some(r) = a.role
        {
            let _ = write!(head, " ({})", doc.reading(r));
        }
        let _ = writeln!(
            out,
            "{head} · {} quote{}",
            mine.len(),
            if mine.len() == 1 { "" } else { "s" }
        );
        for q in mine {
            let mut note = Vec::new();
            if let Some(s) = &q.speaker {
                if let Some(c) = s.cue {
                    note.push(doc.reading(c));
                }
                if let Some(v) = s.via {
                    note.push(format!("via {}", doc.reading(v)));
                }
                if s.is_uncertain() {
                    note.push("uncertain".to_string());
                }
            }
            let para = paragraph_number(doc, q.span.start);
            let body = format!(
                "“{}”{}",
                doc.reading(q.span),
                if note.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", note.join(" · "))
                }
            );
            let opts = textwrap::Options::new(100)
                .initial_indent("")
                .subsequent_indent("        ");
            let _ = writeln!(out, "  ¶{para:<4}{}", textwrap::fill(&body, opts));
        }
        out.push('\n');
    }
    Ok(out)
}

//! The analysis never panics, for any text, and every span it builds lies
//! on char boundaries inside the buffer, in order, with each mention owned
//! by one actor.

use std::collections::HashSet;

use briefing::analyze::{analyze, analyze_quotes, positions};
use briefing::lexicon::Lexicon;
use briefing::load::load_bytes;
use briefing::span::Span;
use proptest::prelude::*;

fn check(bytes: &[u8], ext: Option<&str>) {
    let Ok(loaded) = load_bytes("p", bytes, ext) else {
        return;
    };
    let doc = loaded.doc;
    let a = analyze(&doc, &Lexicon::builtin());
    let ok = |s: Span| {
        s.start <= s.end
            && (s.end as usize) <= doc.text.len()
            && doc.text.is_char_boundary(s.start as usize)
            && doc.text.is_char_boundary(s.end as usize)
    };
    for s in &a.sentences {
        assert!(ok(*s), "sentence {s:?}");
    }
    let mut seen = HashSet::new();
    for actor in &a.actors {
        assert!(!actor.mentions.is_empty());
        for m in &actor.mentions {
            assert!(ok(m.span), "mention {:?}", m.span);
            assert!(seen.insert(m.span), "mention {:?} in two actors", m.span);
        }
    }
    for w in a.quotes.windows(2) {
        assert!(w[0].span.start <= w[1].span.start, "quotes out of order");
    }
    for q in &a.quotes {
        assert!(ok(q.span), "quote {:?}", q.span);
        if let Some(s) = &q.speaker {
            assert!(a.actor(s.actor).is_some());
            assert!((0.0..=1.0).contains(&s.confidence));
            for sp in s.mention.iter().chain(&s.cue).chain(&s.via) {
                assert!(ok(*sp), "speaker span {sp:?}");
            }
        }
    }
    for p in &a.positions {
        assert!(ok(p.span));
        assert!(p.holder.is_none_or(|h| a.actor(h).is_some()));
        assert!(p.source.is_none_or(|h| a.actor(h).is_some()));
    }
}

/// News-like text dense with quote marks, cues, names, titles and
/// pronouns, so the attribution passes all run.
fn quote_heavy() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("'".to_string()),
        Just("‘".to_string()),
        Just("’s ".to_string()),
        Just("''".to_string()),
        Just(" said ".to_string()),
        Just(" told ".to_string()),
        Just(", he added".to_string()),
        Just(" according to ".to_string()),
        Just(" quoted as saying ".to_string()),
        Just(", who said ".to_string()),
        Just(" his office said".to_string()),
        Just("Foreign Minister Jane Doe".to_string()),
        Just("Doe".to_string()),
        Just("the minister".to_string()),
        Just("Tehran".to_string()),
        Just("Iranian officials".to_string()),
        Just("CNWS, the Oslo-based Centre for Nile Water Studies".to_string()),
        Just(" she ".to_string()),
        Just(" they ".to_string()),
        Just(" it ".to_string()),
        Just("PENCE: ".to_string()),
        Just(": ".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("    ".to_string()),
        Just(" never ".to_string()),
        Just("word ".to_string()),
        Just("é".to_string()),
        Just("\u{1b}".to_string()),
        Just("- Heading -\n".to_string()),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat().into_bytes())
}

/// Text dense with stance cues, negations and negotiation words, and the
/// marks the stance pass reads apart from the main tokens (quotation
/// marks inside a phrase, plural possessives, abbreviations and the
/// periods after them, curly apostrophes, capitals).
fn stance_heavy() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just("The minister ".to_string()),
        Just("Doe said ".to_string()),
        Just("Iran ".to_string()),
        Just("will ".to_string()),
        Just("would ".to_string()),
        Just("not ".to_string()),
        Just("never ".to_string()),
        Just("won’t ".to_string()),
        Just("cannot ".to_string()),
        Just("be ".to_string()),
        Just("is ".to_string()),
        Just("have to ".to_string()),
        Just("must ".to_string()),
        Just("Demands ".to_string()),
        Just("accept ".to_string()),
        Just("up for negotiation".to_string()),
        Just("on the table".to_string()),
        Just("ceded ".to_string()),
        Just("a red line ".to_string()),
        Just("only if ".to_string()),
        Just("unless ".to_string()),
        Just("rule out ".to_string()),
        Just("rule “out” ".to_string()),
        Just("have \"to\" ".to_string()),
        Just("only ‘if’ ".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("the ministers' ".to_string()),
        Just("No. ".to_string()),
        Just("U.S. ".to_string()),
        Just("Gen. ".to_string()),
        Just("etc.... ".to_string()),
        Just("Mr.".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat().into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The main pass's sentence gate skips no position the stance pass
    /// finds when it reads every sentence.
    #[test]
    fn the_stance_gate_skips_no_position(bytes in stance_heavy()) {
        let Ok(loaded) = load_bytes("p", &bytes, None) else {
            return Ok(());
        };
        let lex = Lexicon::builtin();
        let gated = analyze(&loaded.doc, &lex).positions;
        let all = positions(&loaded.doc, &analyze_quotes(&loaded.doc, &lex), &lex);
        prop_assert_eq!(gated, all);
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
        check(s.as_bytes(), None);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        check(&bytes, None);
        check(&bytes, Some("md"));
    }

    #[test]
    fn quote_heavy_text_keeps_its_invariants(bytes in quote_heavy()) {
        check(&bytes, None);
        check(&bytes, Some("md"));
    }
}

//! The loader never panics, for any bytes, and every span it builds lies on
//! char boundaries inside the buffer.

use briefing::load::load_bytes;
use briefing::model::Document;
use briefing::span::Span;
use proptest::prelude::*;

fn check_span(doc: &Document, span: Span) {
    let t = &doc.text;
    assert!(span.start <= span.end, "{span:?} reversed");
    assert!(
        (span.end as usize) <= t.len(),
        "{span:?} past the end ({})",
        t.len()
    );
    assert!(t.is_char_boundary(span.start as usize), "{span:?} start");
    assert!(t.is_char_boundary(span.end as usize), "{span:?} end");
}

fn check(doc: &Document) {
    for s in doc.title.iter().chain(&doc.dateline).chain(&doc.byline) {
        check_span(doc, *s);
    }
    let mut last_end = 0;
    for p in &doc.paragraphs {
        check_span(doc, p.span);
        assert!(p.span.start >= last_end, "paragraphs overlap");
        last_end = p.span.end;
    }
    for s in &doc.sections {
        check_span(doc, s.span);
        if let Some(h) = s.heading {
            check_span(doc, h);
        }
        assert!(s.paragraphs.end <= doc.paragraphs.len());
    }
    for m in &doc.markup {
        check_span(doc, *m);
    }
    for p in &doc.paragraphs {
        let _ = doc.reading(p.span);
    }
    assert_eq!(doc.content().len(), doc.text.len());
}

/// Text-like input: words, punctuation, quote marks, line breaks, markup and
/// the odd control or multi-byte character.
fn texty() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just("word ".to_string()),
        Just("Minister ".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("'".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\n\n".to_string()),
        Just("    ".to_string()),
        Just("- Heading -\n".to_string()),
        Just("# ".to_string()),
        Just("> ".to_string()),
        Just("* ".to_string()),
        Just("[a](b) ".to_string()),
        Just("```\n".to_string()),
        Just("ANKARA, Jan 30 (AFP) - ".to_string()),
        Just("By Jane Roe\n".to_string()),
        Just("é".to_string()),
        Just("😀".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\u{2028}".to_string()),
        Just("**".to_string()),
        Just("_".to_string()),
        Just("`".to_string()),
        Just("<b>".to_string()),
        Just("\\".to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat().into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        for ext in [None, Some("md")] {
            if let Ok(loaded) = load_bytes("p", &bytes, ext) {
                check(&loaded.doc);
            }
        }
    }

    #[test]
    fn text_like_input_gives_valid_spans(bytes in texty()) {
        for ext in [None, Some("md"), Some("txt")] {
            if let Ok(loaded) = load_bytes("p", &bytes, ext) {
                check(&loaded.doc);
            }
        }
    }
}

//! The loader never panics, for any bytes, and every span it builds lies on
//! char boundaries inside the buffer: text and Markdown, and the pages,
//! feeds and JSON whose text is extracted.

use briefing::load::{load_bytes, parse_bytes};
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

/// Markup-like input: pieces of pages, feeds and JSON, well formed or not.
fn markupy() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just("<!DOCTYPE html><html><head><title>T</title>".to_string()),
        Just("<meta charset=\"windows-1252\">".to_string()),
        Just("<meta charset=\"utf-16\">".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"ad\">".to_string()),
        Just("<div id=comments>".to_string()),
        Just("</div>".to_string()),
        Just("<h2>".to_string()),
        Just("</h2>".to_string()),
        Just("<blockquote>".to_string()),
        Just("<pre>".to_string()),
        Just("<q>".to_string()),
        Just("<br>".to_string()),
        Just("<script>var s = \"x\";</script>".to_string()),
        Just("<nav>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("&amp;".to_string()),
        Just("&#0;".to_string()),
        Just("<?xml version=\"1.0\" encoding=\"windows-1252\"?>".to_string()),
        Just("<rss version=\"2.0\"><channel><title>F</title>".to_string()),
        Just("<item><title>E</title><description>".to_string()),
        Just("</description></item>".to_string()),
        Just("<![CDATA[".to_string()),
        Just("]]>".to_string()),
        Just("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>".to_string()),
        Just("<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">".to_string()),
        Just("</entry></feed>".to_string()),
        Just("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [".to_string()),
        Just("{\"title\": \"t\", \"body\": \"".to_string()),
        Just("\"}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just("Minister Jane Doe said ".to_string()),
        Just("\"We will not,\" ".to_string()),
        Just("“".to_string()),
        Just("\n".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("é".to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat().into_bytes())
}

fn check_parsed(bytes: &[u8]) {
    for ext in [Some("html"), Some("xml"), Some("json"), Some("txt"), None] {
        if let Ok(parsed) = parse_bytes("p", bytes, ext) {
            assert!(
                !parsed.docs.is_empty(),
                "a parse gives a document or an error"
            );
            for l in &parsed.docs {
                check(&l.doc);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_as_pages_feeds_and_json_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..2048)
    ) {
        check_parsed(&bytes);
    }

    #[test]
    fn markup_like_input_gives_valid_spans(bytes in markupy()) {
        check_parsed(&bytes);
    }

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

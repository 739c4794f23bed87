use super::*;
use crate::model::Layout;

fn doc(src: &str) -> Document {
    load_bytes("t.txt", src.as_bytes(), None)
        .expect("loads")
        .doc
}

fn texts(d: &Document) -> Vec<String> {
    d.paragraphs.iter().map(|p| d.reading(p.span)).collect()
}

fn headings(d: &Document) -> Vec<Option<&str>> {
    d.sections
        .iter()
        .map(|s| s.heading.map(|h| d.span_text(h)))
        .collect()
}

#[test]
fn wire_copy_one_paragraph_per_line_with_crossheads() {
    let src = "The envoy said on Monday that talks would resume, as both sides signalled a thaw after weeks of sharp exchanges.\n\
               Officials in both capitals declined to comment on the timing of any meeting, which diplomats expect within days.\n\
               - 'Quiet' diplomacy -\n\
               A regional mediator has hosted two rounds already this year.\n\
               * Next steps *\n\
               Neither side has published an agenda.\n";
    let d = doc(src);
    assert_eq!(d.layout, Layout::Lines);
    assert_eq!(d.title, None);
    assert_eq!(
        headings(&d),
        [None, Some("'Quiet' diplomacy"), Some("Next steps")]
    );
    let counts: Vec<usize> = d.sections.iter().map(|s| s.paragraphs.len()).collect();
    assert_eq!(counts, [2, 1, 1]);
}

#[test]
fn short_line_between_paragraphs_is_a_heading() {
    let src = "The first paragraph runs on for a while and ends with a full stop.\n\
               Talks resume\n\
               The second paragraph also runs on for quite a while and ends properly.\n";
    let d = doc(src);
    assert_eq!(headings(&d), [None, Some("Talks resume")]);
}

#[test]
fn short_lines_in_a_list_are_not_headings() {
    let src =
        "He has to do the following:\nStop lying\nShow humility\nFill in the gaps in his plans.\n";
    let d = doc(src);
    assert_eq!(d.sections.len(), 1);
}

#[test]
fn headline_line_becomes_the_title() {
    let d = doc(
        "Ministers Meet Again\n\nThe ministers met again on Friday in the capital.\n\nThey agreed on little.\n",
    );
    assert_eq!(
        d.title.map(|t| d.span_text(t)),
        Some("Ministers Meet Again")
    );
    assert_eq!(d.paragraphs.len(), 2);
}

#[test]
fn hard_wrapped_wire_copy() {
    let src = "TALKS ON GRAIN PACT STALL\n\
               \n\
               LONDON, March 9 - Negotiators from the main exporting\n\
               countries failed to agree on a new grain pact on Monday,\n\
               delegates said, leaving the talks without a date.\n    \
               \"We are not there yet,\" one delegate told reporters after\n\
               the session ended late in the evening.\n    \
               Another round is expected next month in Geneva, where\n\
               officials hope to settle the remaining issues.\n";
    let d = doc(src);
    assert_eq!(d.layout, Layout::Wrapped);
    assert_eq!(
        d.title.map(|t| d.span_text(t)),
        Some("TALKS ON GRAIN PACT STALL")
    );
    assert_eq!(
        d.dateline.map(|t| d.span_text(t)),
        Some("LONDON, March 9 -")
    );
    assert_eq!(d.paragraphs.len(), 3);
    // The span keeps the line breaks; every view reads them as spaces.
    assert!(d.span_text(d.paragraphs[1].span).contains('\n'));
    assert_eq!(
        texts(&d)[1],
        "\"We are not there yet,\" one delegate told reporters after the session ended late in the evening."
    );
}

#[test]
fn wrapped_email_text_with_blank_lines() {
    let src = "Hello all, the committee met this morning to go over the\n\
               numbers and agreed that the budget needs another look\n\
               before it can go to the board.\n\
               \n\
               The chair asked members to send their comments by the end\n\
               of the week so that a revised draft can go out on Monday.\n";
    let d = doc(src);
    assert_eq!(d.layout, Layout::Wrapped);
    assert_eq!(d.paragraphs.len(), 2);
}

#[test]
fn dateline_and_byline() {
    let d = doc(
        "Envoys Trade Barbs\nBy Jane Roe\nANKARA, Jan 30 (Agency) - The envoys traded barbs.\nThey left without a deal.\n",
    );
    assert_eq!(d.byline.map(|t| d.span_text(t)), Some("By Jane Roe"));
    assert_eq!(
        d.dateline.map(|t| d.span_text(t)),
        Some("ANKARA, Jan 30 (Agency) -")
    );
    assert!(d.span_text(d.paragraphs[0].span).starts_with("ANKARA"));
}

#[test]
fn markdown_headings_quotes_and_lists() {
    let src = "# Summit Ends\n\nLeaders met *briefly*.\n\n## Reactions\n\n> \"We will see,\" one said.\n\n- first point\n- second point\n";
    let d = load_bytes("t.md", src.as_bytes(), Some("md")).unwrap().doc;
    assert_eq!(d.layout, Layout::Markdown);
    assert_eq!(d.title.map(|t| d.span_text(t)), Some("Summit Ends"));
    assert_eq!(headings(&d), [None, Some("Reactions")]);
    let read: Vec<String> = d.paragraphs.iter().map(|p| d.reading(p.span)).collect();
    assert_eq!(
        read,
        [
            "Leaders met briefly.",
            "\"We will see,\" one said.",
            "first point",
            "second point"
        ]
    );
    // For the analysis, markup is blanked, never removed: offsets still match the file.
    assert_eq!(d.content().len(), d.text.len());
}

#[test]
fn markdown_is_sniffed_without_an_extension() {
    let d = doc("# A Title\n\nSome text.\n");
    assert_eq!(d.layout, Layout::Markdown);
    let d = doc("- Heading -\nNot markdown at all.\n");
    assert_ne!(d.layout, Layout::Markdown);
}

#[test]
fn crlf_and_lone_cr() {
    for src in [
        "One paragraph here.\r\nAnother one here.\r\n",
        "One paragraph here.\rAnother one here.\r",
    ] {
        let d = doc(src);
        assert_eq!(
            texts(&d),
            ["One paragraph here.", "Another one here."],
            "{src:?}"
        );
    }
}

#[test]
fn bom_is_removed_but_counted_in_exported_offsets() {
    let loaded = load_bytes("t.txt", b"\xEF\xBB\xBFHello there.\n", None).unwrap();
    assert!(loaded.doc.bom);
    assert_eq!(loaded.doc.text, "Hello there.\n");
    assert_eq!(loaded.doc.char_map().char_offset(0), 1);
}

#[test]
fn empty_and_whitespace_only_inputs() {
    for src in ["", "   \n\t\r\n  "] {
        let err = load_bytes("empty.txt", src.as_bytes(), None).unwrap_err();
        assert_eq!(err.to_string(), "empty.txt: no text to read");
    }
}

#[test]
fn binary_input() {
    let err = load_bytes("x.bin", b"PK\x03\x04\x00\x00binary", None).unwrap_err();
    assert_eq!(err.to_string(), "x.bin: not a text file");
    // UTF-16 text holds NUL bytes: not readable as UTF-8 text.
    let err = load_bytes("u16.txt", b"\xFF\xFEa\x00b\x00", None).unwrap_err();
    assert_eq!(err.to_string(), "u16.txt: not a text file");
    // Read as what it is, it is text: its byte-order mark says UTF-16.
    let parsed = parse_bytes("u16.txt", b"\xFF\xFEH\x00i\x00.\x00", Some("txt")).unwrap();
    assert_eq!(parsed.docs[0].doc.text, "Hi.");
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let loaded = load_bytes("bad.txt", b"Caf\xE9 talks resumed.\n", None).unwrap();
    assert_eq!(loaded.doc.text, "Caf\u{FFFD} talks resumed.\n");
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0].starts_with("bad.txt: invalid UTF-8 at byte 3"),
        "{:?}",
        loaded.warnings
    );
}

#[test]
fn missing_path_reports_the_os_error_with_the_path() {
    let err = load(&Source::File("/no/such/article.txt".into())).unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("/no/such/article.txt: "), "{msg}");
    assert!(msg.to_lowercase().contains("no such file"), "{msg}");
}

#[test]
fn control_characters_are_text_not_binary() {
    let d = doc("Title\n\nA line with \u{1b}[2J an escape and a bell \u{7}.\nMore text here.\n");
    assert_eq!(d.paragraphs.len(), 2);
}

#[test]
fn the_sample_loads() {
    let d = load(&Source::Sample).unwrap().doc;
    assert!(
        d.paragraphs.len() >= 12 && d.paragraphs.len() <= 18,
        "{}",
        d.paragraphs.len()
    );
    assert!(d.sections.len() >= 2);
}

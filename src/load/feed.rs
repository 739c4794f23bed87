//! Feeds (`feed-rs`): RSS 2.0 (and 0.9x, 1.0), Atom and JSON Feed. Each
//! entry is an article — its title, authors, link and date, and its content
//! (or else its summary) through the HTML block writer; the feed's title is
//! the title of the briefing.

use super::convert::Builder;
use super::{Loaded, Parsed, html};
use crate::error::LoadError;
use crate::model::{BlockKind, Format, Origin};

/// Loads every entry of the feed in `bytes`, named `name`; `http_charset`
/// is the server's, if any.
pub(crate) fn parse(
    name: &str,
    bytes: &[u8],
    http_charset: Option<&str>,
) -> Result<Parsed, LoadError> {
    let malformed = |message: String| LoadError::Malformed {
        name: name.to_string(),
        what: "feed",
        message,
    };
    let xml = as_utf8(bytes, http_charset);
    // The parser is a dependency: should it fail on some input in a way
    // its tests did not foresee, that input is a bad feed, not a crash.
    let parsed = std::panic::catch_unwind(|| {
        feed_rs::parser::Builder::new()
            .sanitize_content(false)
            .build()
            .parse(xml.as_bytes())
    });
    let feed = match parsed {
        Ok(Ok(feed)) => feed,
        Ok(Err(e)) => return Err(malformed(e.to_string())),
        Err(_) => return Err(malformed("the feed parser failed on it".to_string())),
    };
    let title = feed.title.as_ref().map(text).filter(|t| !t.is_empty());
    let count = feed.entries.len();
    let mut docs = Vec::with_capacity(count);
    let mut warnings = Vec::new();
    for (i, entry) in feed.entries.iter().enumerate() {
        let number = i + 1;
        let entry_name = format!("{name}#{number}");
        let mut b = Builder::new();
        let entry_title = entry.title.as_ref().map(text);
        if let Some(t) = &entry_title {
            b.title(t);
        }
        let authors: Vec<&str> = entry
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref())
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        if !authors.is_empty() {
            b.byline(&format!("By {}", authors.join(", ")));
        }
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref().map(|b| (b, c.content_type.to_string())))
            .filter(|(b, _)| !b.trim().is_empty())
            .or_else(|| {
                entry
                    .summary
                    .as_ref()
                    .map(|s| (s.content.as_str(), s.content_type.to_string()))
            });
        if let Some((body, mime)) = body {
            if mime.starts_with("text/plain") {
                for p in body.split("\n\n") {
                    b.paragraph(p, BlockKind::Text);
                }
            } else if html::fragment(body, &mut b).is_err() {
                warnings.push(format!(
                    "{entry_name}: nested too deep to read (over 4,096 levels); skipped"
                ));
                continue;
            }
        }
        if b.is_empty() {
            warnings.push(format!(
                "{entry_name}: entry {}has no text; skipped",
                entry_title
                    .as_deref()
                    .map(|t| format!("\u{201C}{}\u{201D} ", crate::text::sanitize(t)))
                    .unwrap_or_default()
            ));
            continue;
        }
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.clone());
        let date = entry.published.or(entry.updated).map(|d| d.to_rfc3339());
        let origin = Origin {
            format: Format::Feed,
            from: name.to_string(),
            entry: Some(number),
            source: link,
            date,
            feed: title.clone(),
        };
        docs.push(Loaded {
            doc: b.finish(&entry_name, origin),
            warnings: Vec::new(),
            source: None,
        });
    }
    if docs.is_empty() {
        return Err(LoadError::NoArticleText {
            name: name.to_string(),
            what: if count == 0 {
                "feed (no entries)"
            } else {
                "feed"
            },
        });
    }
    Ok(Parsed {
        title,
        docs,
        warnings,
    })
}

/// A feed text's plain words (titles may be HTML).
fn text(t: &feed_rs::model::Text) -> String {
    if t.content_type.to_string().contains("html") {
        html::text_of(&t.content)
    } else {
        super::convert::collapse(&t.content)
    }
}

/// The feed as UTF-8, its XML declarations saying so: decoded by its
/// byte-order mark, else its XML declaration, else the server's charset,
/// else as UTF-8 (the XML default). The parser then never switches
/// encodings part way through (a second declaration could make it).
fn as_utf8(bytes: &[u8], http_charset: Option<&str>) -> String {
    use encoding_rs::{Encoding, UTF_8};
    let (encoding, skip) = match Encoding::for_bom(bytes) {
        Some((enc, n)) => (enc, n),
        None => {
            let head = &bytes[..bytes.len().min(1024)];
            let declared = XML_ENCODING
                .captures(head)
                .and_then(|c| Encoding::for_label(&c[3]));
            let served = http_charset.and_then(|l| Encoding::for_label(l.trim().as_bytes()));
            (declared.or(served).unwrap_or(UTF_8), 0)
        }
    };
    let (text, _) = encoding.decode_without_bom_handling(&bytes[skip..]);
    let text = String::from_utf8(
        XML_ENCODING
            .replace_all(text.as_bytes(), &b"${1}${2}utf-8${2}"[..])
            .into_owned(),
    );
    text.unwrap_or_default()
}

/// The encoding of an XML declaration: `<?xml version="1.0" encoding="…"`.
static XML_ENCODING: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
    regex::bytes::Regex::new(r#"(?i-u)(<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])([^"'>]*)["']"#)
        .expect("valid encoding pattern")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_encoding_is_decoded_and_every_declaration_says_utf8() {
        let feed = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss><title>Caf\xe9</title>\
                     <?xml version=\"1.0\" encoding='iso-8859-2'?></rss>";
        let text = as_utf8(feed, None);
        assert!(text.contains("Caf\u{e9}"), "{text}");
        assert!(
            !text.contains("windows-1252") && !text.contains("8859"),
            "{text}"
        );
        assert_eq!(text.matches("encoding=\"utf-8\"").count(), 1);
        assert_eq!(text.matches("encoding='utf-8'").count(), 1);
    }

    #[test]
    fn a_late_declaration_is_a_bad_feed_not_a_panic() {
        let feed =
            b"<meta charset=\"windows-1252\"><?xml version=\"1.0\" encoding=\"windows-1252\"?>";
        assert!(parse("f.xml", feed, None).is_err());
    }
}

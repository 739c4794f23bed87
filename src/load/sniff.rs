//! What kind of input some bytes are: text, Markdown, an HTML page, a feed
//! or JSON. The content decides when it is unmistakable (a page or a feed
//! whatever its name says); otherwise the server's MIME type, then the file
//! name's extension; with neither, the content is looked at more closely.

/// How an input is parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Plain text or Markdown: the text buffer is the input as read.
    Text,
    Html,
    /// RSS, Atom or JSON Feed.
    Feed,
    /// Articles handed in as JSON.
    Json,
}

/// The kind a file name's extension claims, if it names one.
pub(crate) fn by_extension(ext: &str) -> Option<Kind> {
    Some(match ext {
        "txt" | "text" | "md" | "markdown" | "mdown" | "mkd" => Kind::Text,
        "html" | "htm" | "xhtml" | "shtml" => Kind::Html,
        "xml" | "rss" | "atom" | "rdf" | "feed" => Kind::Feed,
        "json" => Kind::Json,
        _ => return None,
    })
}

/// The kind an HTTP `Content-Type` claims, if it names one.
fn by_mime(mime: &str) -> Option<Kind> {
    Some(match mime {
        "text/plain" | "text/markdown" | "text/x-markdown" => Kind::Text,
        "text/html" | "application/xhtml+xml" => Kind::Html,
        "application/rss+xml"
        | "application/atom+xml"
        | "application/rdf+xml"
        | "application/feed+json"
        | "application/xml"
        | "text/xml" => Kind::Feed,
        "application/json" => Kind::Json,
        _ => return None,
    })
}

/// The kind of `bytes`, claimed by `mime` or `extension`.
pub(crate) fn kind(bytes: &[u8], mime: Option<&str>, extension: Option<&str>) -> Kind {
    let claim = mime
        .and_then(by_mime)
        .or_else(|| extension.and_then(by_extension));
    let head = start(bytes);
    if let Some(k) = unmistakable(head) {
        return k;
    }
    match claim {
        // A page or feed with no markup at all is text under a wrong name.
        Some(Kind::Html | Kind::Feed) if !head.starts_with(b"<") => {
            if starts_json(head) {
                Kind::Json
            } else {
                Kind::Text
            }
        }
        Some(Kind::Json) if !starts_json(head) => Kind::Text,
        Some(k @ (Kind::Html | Kind::Feed | Kind::Json)) => k,
        // Text whose name says so stays text unless it is JSON through and
        // through (an article never is).
        Some(Kind::Text) => {
            if starts_json(head) && is_json(bytes) {
                Kind::Json
            } else {
                Kind::Text
            }
        }
        None => {
            if starts_json(head) && is_json(bytes) {
                Kind::Json
            } else if is_html_start(head) {
                Kind::Html
            } else {
                Kind::Text
            }
        }
    }
}

/// The bytes after a UTF-8 byte-order mark, leading whitespace, and any
/// XML declarations, comments and doctypes other than HTML's.
fn start(bytes: &[u8]) -> &[u8] {
    let mut s = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    loop {
        s = s.trim_ascii_start();
        let skip = if s.starts_with(b"<?") {
            find(s, b"?>").map(|i| i + 2)
        } else if s.starts_with(b"<!--") {
            find(s, b"-->").map(|i| i + 3)
        } else if starts_ci(s, b"<!doctype") && !starts_ci(s, b"<!doctype html") {
            find(s, b">").map(|i| i + 1)
        } else {
            None
        };
        match skip {
            Some(n) => s = &s[n..],
            None => return s,
        }
    }
}

/// A page or a feed, whatever the name or the server says.
fn unmistakable(head: &[u8]) -> Option<Kind> {
    let tag = |name: &[u8]| {
        starts_ci(head, name)
            && head
                .get(name.len())
                .is_none_or(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
    };
    if starts_ci(head, b"<!doctype html") || tag(b"<html") {
        return Some(Kind::Html);
    }
    if tag(b"<rss") || tag(b"<feed") || tag(b"<rdf:rdf") || tag(b"<atom:feed") {
        return Some(Kind::Feed);
    }
    if head.starts_with(b"{") {
        // JSON Feed names its version by URL near the top.
        let top = &head[..head.len().min(1024)];
        if find(top, b"\"version\"").is_some() && find(top, b"jsonfeed.org/version").is_some() {
            return Some(Kind::Feed);
        }
    }
    None
}

/// Starts with a tag only a page has near its top.
fn is_html_start(head: &[u8]) -> bool {
    const TAGS: &[&[u8]] = &[
        b"<head",
        b"<body",
        b"<meta",
        b"<title",
        b"<link",
        b"<article",
        b"<div",
        b"<p",
        b"<h1",
        b"<h2",
        b"<section",
        b"<main",
        b"<header",
        b"<style",
        b"<script",
    ];
    TAGS.iter().any(|t| {
        starts_ci(head, t)
            && head
                .get(t.len())
                .is_some_and(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
    })
}

fn starts_json(head: &[u8]) -> bool {
    head.starts_with(b"{") || head.starts_with(b"[")
}

/// The whole input is one JSON value (checked without building it).
fn is_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
}

fn starts_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn find(s: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(s, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(bytes: &str, ext: Option<&str>) -> Kind {
        kind(bytes.as_bytes(), None, ext)
    }

    #[test]
    fn the_content_wins_when_it_is_unmistakable() {
        assert_eq!(k("<!DOCTYPE html><p>x", Some("txt")), Kind::Html);
        assert_eq!(k("\u{feff}  <html lang=en>", None), Kind::Html);
        assert_eq!(
            k(
                "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">",
                Some("html")
            ),
            Kind::Feed
        );
        assert_eq!(k("<!-- hi --><feed xmlns=\"…\">", Some("txt")), Kind::Feed);
        assert_eq!(
            k(
                "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}",
                Some("json")
            ),
            Kind::Feed
        );
    }

    #[test]
    fn a_name_that_lies_about_markup_is_overruled() {
        assert_eq!(k("Plain words, no tags.\n", Some("html")), Kind::Text);
        assert_eq!(k("Not JSON at all.\n", Some("json")), Kind::Text);
        assert_eq!(
            k("{\"title\": \"t\", \"body\": \"b\"}", Some("txt")),
            Kind::Json
        );
        assert_eq!(
            k(
                "[Agency] A story that starts with a bracket.\n",
                Some("txt")
            ),
            Kind::Text
        );
    }

    #[test]
    fn without_a_name_the_start_decides() {
        assert_eq!(k("<div class=x>Hello</div>", None), Kind::Html);
        assert_eq!(k("<p>Hello</p>", None), Kind::Html);
        assert_eq!(k("<people> are words too", None), Kind::Text);
        assert_eq!(k("[{\"body\": \"x\"}]", None), Kind::Json);
        assert_eq!(k("Just text.", None), Kind::Text);
        // Markdown may open with markup; its name keeps it text.
        assert_eq!(
            k("<div align=center>Logo</div>\n# Title\n", Some("md")),
            Kind::Text
        );
    }

    #[test]
    fn a_server_type_counts_before_the_extension() {
        assert_eq!(
            kind(b"<p>x</p>", Some("text/html"), Some("txt")),
            Kind::Html
        );
        assert_eq!(
            kind(b"<item/>", Some("application/rss+xml"), None),
            Kind::Feed
        );
    }
}

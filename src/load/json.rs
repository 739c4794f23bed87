//! Articles handed in as JSON by other tools: one object
//! `{"title", "body", "source", "date"}` (only `body` is required) or an
//! array of them. A body is plain text, laid out as a text file is, or HTML
//! when it is marked up.

use serde::Deserialize;

use super::convert::Builder;
use super::{Loaded, Parsed, html};
use crate::error::LoadError;
use crate::model::{Format, Origin};

#[derive(Deserialize)]
struct Item {
    #[serde(default)]
    title: Option<String>,
    body: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

/// Loads the article or articles of `text`, named `name`.
pub(crate) fn parse(name: &str, text: &str) -> Result<Parsed, LoadError> {
    let bad = |message: String| LoadError::Malformed {
        name: name.to_string(),
        what: "JSON input",
        message,
    };
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    let (items, several) = match value {
        serde_json::Value::Array(items) => (items, true),
        v @ serde_json::Value::Object(_) => (vec![v], false),
        _ => {
            return Err(bad(
                "expected an article {\"title\", \"body\", \"source\", \"date\"} or an array of them"
                    .to_string(),
            ));
        }
    };
    let mut docs = Vec::with_capacity(items.len());
    let mut warnings = Vec::new();
    for (i, v) in items.into_iter().enumerate() {
        let number = i + 1;
        let item = Item::deserialize(v).map_err(|e| {
            bad(if several {
                format!("article {number}: {e}")
            } else {
                e.to_string()
            })
        })?;
        let doc_name = if several {
            format!("{name}#{number}")
        } else {
            name.to_string()
        };
        let mut b = Builder::new();
        if let Some(t) = item.title.as_deref() {
            b.title(t);
        }
        if is_markup(&item.body) {
            html::fragment(&item.body, &mut b)
                .map_err(|html::TooDeep| html::too_deep(&doc_name))?;
        } else {
            b.plain(&item.body);
        }
        if b.is_empty() {
            warnings.push(format!("{doc_name}: the body has no text; skipped"));
            continue;
        }
        let origin = Origin {
            format: Format::Json,
            from: name.to_string(),
            entry: several.then_some(number),
            source: item.source.filter(|s| !s.trim().is_empty()),
            date: item.date.filter(|s| !s.trim().is_empty()),
            feed: None,
        };
        docs.push(Loaded {
            doc: b.finish(&doc_name, origin),
            warnings: Vec::new(),
            source: None,
        });
    }
    if docs.is_empty() {
        return Err(LoadError::NoArticleText {
            name: name.to_string(),
            what: "JSON input",
        });
    }
    Ok(Parsed {
        title: None,
        docs,
        warnings,
    })
}

/// A body with paragraph or line-break tags is HTML.
fn is_markup(body: &str) -> bool {
    let lower = body.get(..body.len().min(4096)).unwrap_or(body);
    ["<p>", "<p ", "</p>", "<br", "<div", "<blockquote"]
        .iter()
        .any(|t| memchr::memmem::find(lower.as_bytes(), t.as_bytes()).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_article_or_an_array() {
        let one = parse(
            "a.json",
            r#"{"title": "T", "body": "Words here.", "date": "2024-05-01"}"#,
        )
        .unwrap();
        assert_eq!(one.docs.len(), 1);
        let d = &one.docs[0].doc;
        assert_eq!(d.name, "a.json");
        assert_eq!(d.text, "T\n\nWords here.");
        assert_eq!(
            d.origin.as_ref().unwrap().date.as_deref(),
            Some("2024-05-01")
        );
        let many = parse(
            "b.json",
            r#"[{"body": "<p>One.</p><p>Two.</p>", "source": "https://example.org/1"}, {"body": "Three."}]"#,
        )
        .unwrap();
        assert_eq!(many.docs.len(), 2);
        assert_eq!(many.docs[0].doc.paragraphs.len(), 2);
        assert_eq!(many.docs[1].doc.name, "b.json#2");
    }

    #[test]
    fn a_missing_body_names_the_article() {
        let e = parse("b.json", r#"[{"body": "x"}, {"title": "no body"}]"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.json: not a valid JSON input: article 2: missing field `body`"
        );
        let e = parse("c.json", "42").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("c.json: not a valid JSON input: expected")
        );
        let e = parse("d.json", "{\"body\": ").unwrap_err();
        assert!(e.to_string().contains("EOF"), "{e}");
    }
}

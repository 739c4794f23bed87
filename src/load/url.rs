//! Fetching a URL (`briefing https://…`): one GET with a timeout, a size
//! cap and a bounded number of redirects, over rustls. An error names the
//! URL and the HTTP status or what went wrong.

use std::time::Duration;

use super::input::{Input, read_capped};
use crate::error::LoadError;

/// The most a download may be.
pub(crate) const LIMIT: usize = 20 * 1024 * 1024;
/// [`LIMIT`] as messages say it.
pub(crate) const LIMIT_NAME: &str = "20 MB";
/// The whole request, redirects and body included.
const TIMEOUT: Duration = Duration::from_secs(30);
const MAX_REDIRECTS: u32 = 5;
const USER_AGENT: &str = concat!(
    env!("CARGO_PKG_NAME"),
    "/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader)"
);

/// `http://` and `https://` arguments are URLs; anything else is a path.
pub fn is_url(arg: &str) -> bool {
    let lower = arg
        .get(..8)
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    lower.starts_with("http://") || lower.starts_with("https://")
}

pub(crate) fn fetch(url: &str) -> Result<Input, LoadError> {
    let name = url.to_string();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .max_redirects(MAX_REDIRECTS)
        .user_agent(USER_AGENT)
        // Statuses are reported as ours, with the URL.
        .http_status_as_error(false)
        .build()
        .into();
    let fail = |e: ureq::Error| fetch_error(&name, e);
    let mut response = agent.get(url).call().map_err(fail)?;
    let status = response.status();
    if status.is_redirection() {
        return Err(LoadError::Fetch {
            name,
            message: format!("more than {MAX_REDIRECTS} redirects"),
        });
    }
    if !status.is_success() {
        return Err(LoadError::Http {
            name,
            status: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("").to_string(),
        });
    }
    let body = response.body_mut();
    let mime = body.mime_type().map(str::to_ascii_lowercase);
    let charset = body.charset().map(str::to_string);
    if body.content_length().is_some_and(|n| n > LIMIT as u64) {
        return Err(LoadError::OverLimit {
            name,
            limit: LIMIT_NAME,
        });
    }
    let reader = body.with_config().limit(LIMIT as u64 + 1).reader();
    let bytes = read_capped(reader, &name, LIMIT, None).map_err(|e| match e {
        // The body reader reports its limit as an I/O error.
        LoadError::Io { source, .. } if source.to_string().contains("limit") => {
            LoadError::OverLimit {
                name: name.clone(),
                limit: LIMIT_NAME,
            }
        }
        e => e,
    })?;
    let extension = url_extension(url);
    Ok(Input {
        name,
        bytes,
        extension,
        mime,
        charset,
    })
}

/// The extension of the URL's last path segment (`feed.xml` → `xml`).
fn url_extension(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let after_host = path.splitn(4, '/').nth(3)?;
    let last = after_host.rsplit('/').next()?;
    let (stem, ext) = last.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty() && ext.len() <= 8).then(|| ext.to_ascii_lowercase())
}

fn fetch_error(name: &str, e: ureq::Error) -> LoadError {
    let message = match &e {
        ureq::Error::Timeout(_) => format!("no answer within {} s", TIMEOUT.as_secs()),
        ureq::Error::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
        ureq::Error::BodyExceedsLimit(_) => {
            return LoadError::OverLimit {
                name: name.to_string(),
                limit: LIMIT_NAME,
            };
        }
        ureq::Error::Io(io) => io.to_string(),
        other => other.to_string(),
    };
    LoadError::Fetch {
        name: name.to_string(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://example.org"));
        assert!(!is_url("http.txt"));
        assert!(!is_url("./https://x"));
    }

    #[test]
    fn the_extension_is_the_last_segments() {
        assert_eq!(
            url_extension("http://h/a/feed.xml?x=1").as_deref(),
            Some("xml")
        );
        assert_eq!(url_extension("http://h/story"), None);
        assert_eq!(url_extension("http://h.example.org"), None);
        assert_eq!(url_extension("http://h/a.b/story"), None);
    }
}

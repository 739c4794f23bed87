//! Inputs other than a text file, as a user gives them: web pages, feeds,
//! JSON, URLs (a server on 127.0.0.1 started by the test; nothing leaves
//! the machine), folders, standard input, and the mistakes around them.
//! The fixtures in `tests/fixtures/inputs/` are written for these tests.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Stdio;

mod common;
use common::{briefing, run, scratch, stderr, stdout};

/// The binary on a URL of the test's own server: no proxy between them.
fn fetch(args: &[&str]) -> std::process::Output {
    let mut c = briefing();
    for v in [
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ] {
        c.env_remove(v);
    }
    c.env("NO_PROXY", "127.0.0.1,localhost")
        .args(args)
        .output()
        .expect("binary runs")
}

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/inputs/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// The JSON documents on stdout: one pretty document, or one per line.
fn documents(out: &[u8]) -> Vec<serde_json::Value> {
    serde_json::Deserializer::from_slice(out)
        .into_iter::<serde_json::Value>()
        .map(|v| v.expect("valid JSON"))
        .collect()
}

/// Every span of an export resolves in its `text` (code-point offsets).
fn assert_offsets_resolve(v: &serde_json::Value) {
    let text: Vec<char> = v["text"].as_str().expect("a text field").chars().collect();
    let cut = |s: &serde_json::Value| -> String {
        let (a, b) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        text[a as usize..b as usize].iter().collect()
    };
    for q in v["quotes"].as_array().unwrap() {
        assert_eq!(cut(q), q["text"].as_str().unwrap());
    }
    for key in ["title", "byline", "dateline"] {
        if !v[key].is_null() {
            assert_eq!(cut(&v[key]), v[key]["text"].as_str().unwrap(), "{key}");
        }
    }
    for p in v["positions"].as_array().unwrap() {
        assert_eq!(cut(p), p["text"].as_str().unwrap());
    }
}

fn quote_texts(v: &serde_json::Value) -> Vec<String> {
    v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_news_page_is_its_article_and_none_of_its_furniture() {
    let page = fixture("news-page.html");
    let o = run(&["export", &page]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = documents(&o.stdout);
    assert_eq!(docs.len(), 1);
    let v = &docs[0];
    assert_eq!(v["source"], page.as_str());
    assert_eq!(v["input"]["format"], "html");
    assert_eq!(v["input"]["date"], "2031-04-12T08:30:00Z");
    assert_eq!(
        v["title"]["text"],
        "Harbour pact stalls over fishing quotas"
    );
    assert_eq!(v["byline"]["text"], "Mara Velde");
    let text = v["text"].as_str().unwrap();
    for kept in [
        "PORT ELLEN, April 12 (Ledger) - Talks on a shared harbour agreement",
        "We will not sign a pact",
        "Any deal has to include a fair share",
        "Both delegations said they would return",
    ] {
        assert!(text.contains(kept), "lost {kept:?} from\n{text}");
    }
    for dropped in [
        "World Desk",
        "Lighthouse Insurance",
        "Saltwater Savings",
        "harbourwatcher",
        "disgrace",
        "Most read",
        "All rights reserved",
        "Subscribe now",
        "Injected quote",
        "styled quote",
    ] {
        assert!(!text.contains(dropped), "kept {dropped:?} in\n{text}");
    }
    // Sections from h2/h3, the block quote as a quote block.
    let headings: Vec<&str> = v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["heading"]["text"].as_str())
        .collect();
    assert_eq!(headings, ["Quota dispute", "What comes next"]);
    assert!(
        v["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["kind"] == "quote")
    );
    let quotes = quote_texts(v);
    assert!(quotes.iter().any(|q| q.starts_with("We will not sign")));
    assert!(
        !quotes
            .iter()
            .any(|q| q.contains("Subscribe") || q.contains("Click"))
    );
    assert_offsets_resolve(v);
    // The reading shows the same article.
    let o = run(&[&page]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("Quota dispute") && !out.contains("<p>"),
        "{out}"
    );
}

#[test]
fn a_windows_1252_page_is_decoded_by_its_meta_charset() {
    let o = run(&["export", &fixture("windows-1252.html")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "no warning");
    let v = &documents(&o.stdout)[0];
    let text = v["text"].as_str().unwrap();
    assert!(text.starts_with("Café owners protest new levy"), "{text}");
    assert!(
        text.contains(
            "“We are being asked to pay for a wall we did not build,” said Renée Marchetti"
        )
    );
    assert!(text.contains("repair costs – a demand"));
    assert!(
        quote_texts(v)
            .iter()
            .any(|q| q.contains("modest and temporary"))
    );
    assert_offsets_resolve(v);
}

#[test]
fn an_rss_feed_exports_one_json_document_per_entry() {
    let feed = fixture("rss-cdata.xml");
    let o = run(&["export", "--format", "json", &feed]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<&str> = std::str::from_utf8(&o.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 2, "the entry without text is left out");
    let docs: Vec<serde_json::Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs[0]["source"], format!("{feed}#1"));
    assert_eq!(docs[0]["input"]["feed"], "Valley Gazette: Morning Briefing");
    assert_eq!(
        docs[0]["input"]["source"],
        "https://gazette.example/2031/03/dam-release"
    );
    assert_eq!(docs[0]["input"]["date"], "2031-03-03T06:00:00+00:00");
    assert_eq!(
        docs[0]["title"]["text"],
        "Dam operators warn of lower spring release"
    );
    assert_eq!(docs[0]["byline"]["text"], "By Ines Harlow");
    let text = docs[0]["text"].as_str().unwrap();
    assert!(
        text.contains("Farmers respond") && !text.contains("not a quote"),
        "{text}"
    );
    assert!(
        !text.contains("A short summary"),
        "content, not the summary"
    );
    // The second entry has only a description: that is its text.
    assert!(
        docs[1]["text"]
            .as_str()
            .unwrap()
            .contains("nine on weekday evenings")
    );
    for d in &docs {
        assert_offsets_resolve(d);
    }
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    // One file per entry in an output folder.
    let out = scratch("feed-out");
    let o = run(&["export", "--out-dir", out.to_str().unwrap(), &feed]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["rss-cdata-0001.json", "rss-cdata-0002.json"]);
    assert!(
        err.contains("#3: entry “An item with no text at all” has no text; skipped"),
        "{err}"
    );
}

#[test]
fn atom_with_xhtml_content_and_a_json_feed() {
    let o = run(&["export", &fixture("atom-xhtml.xml")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = documents(&o.stdout);
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0]["title"]["text"],
        "Rail union & operator resume talks"
    );
    assert_eq!(docs[0]["input"]["feed"], "Northern Wire");
    assert_eq!(
        docs[0]["input"]["source"],
        "https://wire.example/rail-talks"
    );
    let kinds: Vec<&str> = docs[0]["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["text", "text", "quote", "text"]);
    assert!(docs[1]["text"].as_str().unwrap().contains("Sigrid Holm"));

    let o = run(&["export", &fixture("feed.json")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = documents(&o.stdout);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["input"]["feed"], "Island Radio Newsroom");
    assert_eq!(docs[0]["byline"]["text"], "By Lotte Brink");
    assert!(
        quote_texts(&docs[0])
            .iter()
            .any(|q| q.contains("Fuel has never cost more"))
    );
    // content_text: paragraphs at blank lines.
    assert_eq!(docs[1]["paragraphs"].as_array().unwrap().len(), 2);
}

#[test]
fn json_input_is_one_article_or_an_array() {
    let o = run(&["export", &fixture("articles.json")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = documents(&o.stdout);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["input"]["format"], "json");
    assert_eq!(docs[0]["input"]["source"], "https://example.org/orchards");
    assert_eq!(docs[0]["input"]["date"], "2031-04-20");
    assert_eq!(docs[0]["title"]["text"], "Orchard growers seek frost aid");
    assert!(
        quote_texts(&docs[0])
            .iter()
            .any(|q| q.contains("Without help"))
    );
    for d in &docs {
        assert_offsets_resolve(d);
    }
    let dir = scratch("json-input");
    let one = dir.join("one.json");
    std::fs::write(
        &one,
        r#"{"title": "Alone", "body": "A single article body."}"#,
    )
    .unwrap();
    let o = run(&["export", one.to_str().unwrap()]);
    let docs = documents(&o.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["source"], one.to_str().unwrap());
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"[{"title": "no body"}]"#).unwrap();
    let o = run(&["export", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "briefing: {}: not a valid JSON input: article 1: missing field `body`\n",
            bad.display()
        )
    );
}

#[test]
fn malformed_pages_read_what_they_hold_and_malformed_feeds_are_one_line() {
    let o = run(&["sections", &fixture("malformed.html")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("paragraph"), "{}", stdout(&o));

    let feed = fixture("malformed.xml");
    let o = run(&["export", &feed]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("briefing: {feed}: not a valid feed: ")),
        "{err}"
    );
}

#[test]
fn an_extension_that_lies_is_overruled_by_the_content() {
    let dir = scratch("lying");
    let page = dir.join("story.txt");
    std::fs::copy(fixture("news-page.html"), &page).unwrap();
    let feed = dir.join("feed.html");
    std::fs::copy(fixture("rss-cdata.xml"), &feed).unwrap();
    let text = dir.join("notes.html");
    std::fs::write(&text, "Just words, one paragraph.\nAnd another one.\n").unwrap();
    let o = run(&[
        "sections",
        page.to_str().unwrap(),
        feed.to_str().unwrap(),
        text.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Quota dispute"), "the page: {out}");
    assert!(out.contains("feed.html#2"), "the feed: {out}");
    assert!(
        out.contains("notes.html\n  (opening)    2 paragraphs"),
        "text: {out}"
    );
}

#[test]
fn a_feed_of_ten_thousand_entries() {
    let dir = scratch("big-feed");
    let feed = dir.join("big.xml");
    let mut xml = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big feed</title>",
    );
    for i in 0..10_000 {
        xml.push_str(&format!(
            "<item><title>Story {i}</title><link>https://example.org/{i}</link>\
             <description><![CDATA[<p>Paragraph one of story {i}, with a \"quoted phrase\" said the clerk.</p>\
             <p>Paragraph two of story {i}.</p>]]></description></item>"
        ));
    }
    xml.push_str("</channel></rss>");
    std::fs::write(&feed, xml).unwrap();
    let o = run(&["sections", feed.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let headers = out.lines().filter(|l| !l.starts_with(' ')).count();
    assert_eq!(headers, 10_000);
    assert!(out.contains("big.xml#10000\n  (opening)    2 paragraphs"));
}

#[test]
fn a_fifty_megabyte_page_gives_its_text_or_one_line() {
    let dir = scratch("big-page");
    let page = dir.join("big.html");
    let mut html = String::from(
        "<!DOCTYPE html><html><head><title>Long</title></head><body><nav>Home</nav><article>",
    );
    let mut i = 0;
    while html.len() < 50 * 1024 * 1024 {
        if i % 100 == 0 {
            html.push_str(&format!("<h2>Part {i}</h2>"));
        }
        html.push_str(
            "<p>The committee met again on a grey morning and agreed, after a long debate \
             about the harbour, the ferries and the school budget, to meet again next week; \
             \"we are close,\" the chair said.</p>\n",
        );
        i += 1;
    }
    html.push_str("</article></body></html>");
    std::fs::write(&page, html).unwrap();
    let o = run(&["sections", page.to_str().unwrap()]);
    let err = stderr(&o);
    if o.status.success() {
        let out = stdout(&o);
        assert!(out.contains("Part 100"), "{}", &out[..out.len().min(500)]);
        assert!(!out.contains("Home"));
    } else {
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("big.html"), "{err}");
    }
    // A page nested too deep for the parser is refused in one line.
    let deep = dir.join("deep.html");
    std::fs::write(&deep, "<div>".repeat(100_000)).unwrap();
    let o = run(&["sections", deep.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "briefing: {}: too large to read (over 4,096 levels of nesting)\n",
            deep.display()
        )
    );
}

/// A one-thread HTTP server on 127.0.0.1 answering `routes` (path →
/// status line, headers, body) for at most `max` connections; it records
/// each request's User-Agent.
struct Server {
    base: String,
    agents: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

fn serve(routes: Vec<(&'static str, &'static str, String, Vec<u8>)>, max: usize) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let agents = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = agents.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(max) {
            let Ok(mut stream) = stream else { continue };
            let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(5)));
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(ua) = line
                    .strip_prefix("user-agent: ")
                    .or(line.strip_prefix("User-Agent: "))
                {
                    seen.lock().unwrap().push(ua.trim().to_string());
                }
            }
            let (status, headers, body) = routes
                .iter()
                .find(|r| r.0 == path)
                .map(|r| (r.1, r.2.clone(), r.3.clone()))
                .unwrap_or(("404 Not Found", String::new(), b"gone".to_vec()));
            let head = format!(
                "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    Server { base, agents }
}

#[test]
fn a_url_is_fetched_and_read_as_what_its_server_says_it_is() {
    let page = std::fs::read(fixture("news-page.html")).unwrap();
    let feed = std::fs::read(fixture("rss-cdata.xml")).unwrap();
    let latin1 = b"<html><body><article><p>Caf\xe9 owners met on the promenade again today \
                   to talk about the levy and the embankment.</p></article></body></html>"
        .to_vec();
    let s = serve(
        vec![
            (
                "/news/story",
                "200 OK",
                "Content-Type: text/html\r\n".into(),
                page,
            ),
            (
                "/feed",
                "200 OK",
                "Content-Type: application/rss+xml\r\n".into(),
                feed,
            ),
            (
                "/latin1",
                "200 OK",
                "Content-Type: text/html; charset=windows-1252\r\n".into(),
                latin1,
            ),
            (
                "/moved",
                "301 Moved Permanently",
                "Location: /news/story\r\n".into(),
                Vec::new(),
            ),
            (
                "/loop",
                "302 Found",
                "Location: /loop\r\n".into(),
                Vec::new(),
            ),
            (
                "/plain.txt",
                "200 OK",
                "Content-Type: text/plain\r\n".into(),
                b"A plain story, one line.\n".to_vec(),
            ),
        ],
        40,
    );
    let url = format!("{}/news/story", s.base);
    let o = fetch(&["export", &url]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = &documents(&o.stdout)[0];
    assert_eq!(v["source"], url.as_str());
    assert_eq!(v["input"]["from"], url.as_str());
    assert!(
        v["text"]
            .as_str()
            .unwrap()
            .contains("We will not sign a pact")
    );
    let agents = s.agents.lock().unwrap().clone();
    assert!(
        agents
            .iter()
            .all(|a| a.starts_with(concat!("briefing/", env!("CARGO_PKG_VERSION")))),
        "{agents:?}"
    );

    let o = fetch(&["export", &format!("{}/feed", s.base)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(documents(&o.stdout).len(), 2);

    let o = fetch(&["export", &format!("{}/latin1", s.base)]);
    assert!(
        documents(&o.stdout)[0]["text"]
            .as_str()
            .unwrap()
            .contains("Café owners")
    );

    let o = fetch(&["sections", &format!("{}/moved", s.base)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Quota dispute"));

    let o = fetch(&["sections", &format!("{}/plain.txt", s.base)]);
    assert!(stdout(&o).contains("1 paragraph"), "{}", stdout(&o));

    let missing = format!("{}/missing", s.base);
    let o = fetch(&[&missing]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!("briefing: {missing}: HTTP 404 Not Found\n")
    );

    let looping = format!("{}/loop", s.base);
    let o = fetch(&["sections", &looping]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!("briefing: {looping}: more than 5 redirects\n")
    );
}

#[test]
fn a_url_over_the_size_cap_or_with_no_server_is_one_line() {
    let big = vec![b'a'; 21 * 1024 * 1024];
    let s = serve(
        vec![("/big", "200 OK", "Content-Type: text/plain\r\n".into(), big)],
        2,
    );
    let url = format!("{}/big", s.base);
    let o = fetch(&["sections", &url]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!("briefing: {url}: too large to read (over 20 MB)\n")
    );
    // A port nothing listens on: bind one, then let it go.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/x");
    let o = fetch(&["sections", &url]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with(&format!("briefing: {url}: ")), "{err}");
}

fn folder_of_stories() -> PathBuf {
    let dir = scratch("stories");
    // Names and dates disagree: the dated ones are read oldest first.
    std::fs::write(
        dir.join("a-latest.json"),
        r#"{"title": "Third day", "body": "\"We are still talking,\" Governor Lena Kross said on the third day.", "date": "2031-04-14"}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("b-first.html"),
        "<html><head><title>First day</title><meta property=\"article:published_time\" content=\"2031-04-12T09:00:00Z\"></head>\
         <body><article><p>\"We will not sign,\" said Minister Oskar Brandt on the first day of the harbour talks, as the two delegations met.</p></article></body></html>",
    )
    .unwrap();
    std::fs::write(
        dir.join("c-undated.txt"),
        "Talks went on.\n\"The numbers are new,\" said the clerk Ada Moss.\n",
    )
    .unwrap();
    std::fs::write(dir.join("README.md"), "# About this folder\n\nNotes.\n").unwrap();
    std::fs::write(dir.join("LICENSE"), "Permission is granted.\n").unwrap();
    std::fs::write(dir.join("scan.pdf"), b"%PDF-1.4\n\x00\x01").unwrap();
    std::fs::write(dir.join("photo"), b"\x89PNG\r\n\x1a\n\x00\x00").unwrap();
    std::fs::write(dir.join(".hidden.txt"), "A hidden file.\n").unwrap();
    std::fs::create_dir_all(dir.join("more")).unwrap();
    std::fs::write(
        dir.join("more/d-second.txt"),
        "Second day\n\nThe talks went on into the night.\n",
    )
    .unwrap();
    dir
}

#[test]
fn a_folder_is_every_article_in_date_order_and_skips_the_rest_in_one_line_each() {
    let dir = folder_of_stories();
    let o = run(&["sections", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let names: Vec<String> = stdout(&o)
        .lines()
        .filter(|l| !l.starts_with(' '))
        .map(|l| l.rsplit('/').next().unwrap().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "b-first.html",
            "a-latest.json",
            "c-undated.txt",
            "d-second.txt"
        ]
    );
    let err = stderr(&o);
    let skipped: Vec<&str> = err.lines().collect();
    assert_eq!(skipped.len(), 4, "{err}");
    for (line, name) in skipped
        .iter()
        .zip(["LICENSE", "README.md", "photo", "scan.pdf"])
    {
        assert!(
            line.starts_with("briefing: ") && line.contains(name),
            "{line}"
        );
        assert!(line.contains("skipped"), "{line}");
    }
}

#[test]
fn quotes_by_actor_over_a_folder_is_one_answer_not_an_error_per_file() {
    let dir = folder_of_stories();
    let o = run(&["quotes", "--actor", "Brandt", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Oskar Brandt"), "{out}");
    assert!(out.contains("We will not sign"), "{out}");
    assert!(!out.contains("Kross") && !out.contains("Moss"), "{out}");
    assert!(
        stderr(&o).lines().all(|l| l.contains("skipped")),
        "{}",
        stderr(&o)
    );

    let o = run(&["quotes", "--actor", "Nobody", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err: Vec<String> = stderr(&o)
        .lines()
        .filter(|l| !l.contains("skipped"))
        .map(str::to_string)
        .collect();
    assert_eq!(err.len(), 1, "{err:?}");
    assert!(
        err[0].contains("no quoted actor matches \"Nobody\" in 4 articles"),
        "{}",
        err[0]
    );
}

#[test]
fn piped_input_is_read_without_a_dash() {
    let mut child = briefing()
        .args(["sections"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Piped paragraph.\n- Next -\nAnother paragraph.\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("<stdin>\n"), "{}", stdout(&o));
    assert!(stdout(&o).contains("Next"));

    // A page piped in is a page.
    let mut child = briefing()
        .args(["export"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let page = std::fs::read(fixture("news-page.html")).unwrap();
    child.stdin.take().unwrap().write_all(&page).unwrap();
    let o = child.wait_with_output().unwrap();
    let v = &documents(&o.stdout)[0];
    assert_eq!(v["source"], "<stdin>");
    assert_eq!(v["input"]["format"], "html");

    // No input at all (what a job is given) still opens the sample.
    let o = run(&["sections"]);
    assert!(
        stdout(&o).starts_with("sample-briefing.txt\n"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_mistyped_command_is_named_as_one() {
    for args in [vec!["summry"], vec!["summry", "a.txt"], vec!["exprot"]] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let want = if args[0] == "exprot" {
            "export"
        } else {
            "summary"
        };
        assert_eq!(
            stderr(&o),
            format!(
                "briefing: unknown command '{}' (did you mean '{want}'?)\n",
                args[0]
            )
        );
    }
    // A file of that name is read, and a word close to no command is a
    // missing file.
    let dir = scratch("mistyped");
    std::fs::write(dir.join("summry"), "A file named like a command.\n").unwrap();
    let o = briefing().arg("summry").current_dir(&dir).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["zebra"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("zebra: No such file"), "{}", stderr(&o));
}

#[test]
fn control_characters_in_a_file_name_never_reach_the_terminal() {
    let dir = scratch("names");
    let f = dir.join("bad\u{1b}[2Jname.txt");
    std::fs::write(&f, "").unwrap();
    let o = run(&[f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("bad␛[2Jname.txt: no text to read"), "{err}");
}

#[test]
fn a_dash_on_a_terminal_says_it_is_waiting_for_input() {
    let Some(tmux) = Tmux::new("stdin-wait") else {
        return;
    };
    tmux.start(&format!(
        "{} sections -; sleep 30",
        env!("CARGO_BIN_EXE_briefing")
    ));
    tmux.wait_for("reading standard input");
    tmux.keys(&["-l", "Typed on the terminal."]);
    tmux.keys(&["Enter", "C-d"]);
    tmux.wait_for("<stdin>");
}

/// A private tmux server for one test; `None` (with a note) without tmux.
struct Tmux {
    socket: String,
    conf: PathBuf,
}

impl Tmux {
    fn new(test: &str) -> Option<Tmux> {
        if !std::process::Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            eprintln!("note: tmux not found; skipping `{test}`");
            return None;
        }
        let socket = format!("briefing-inputs-{}-{test}", std::process::id());
        let conf = scratch(&socket).join("tmux.conf");
        std::fs::write(&conf, "").unwrap();
        Some(Tmux { socket, conf })
    }

    fn tmux(&self, args: &[&str]) -> std::process::Output {
        std::process::Command::new("tmux")
            .args(["-L", &self.socket, "-f"])
            .arg(&self.conf)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn start(&self, command: &str) {
        let o = self.tmux(&["new-session", "-d", "-x", "100", "-y", "30", command]);
        assert!(o.status.success(), "{}", stderr(&o));
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    fn wait_for(&self, text: &str) {
        let until = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let mut screen = String::new();
        while std::time::Instant::now() < until {
            screen = stdout(&self.tmux(&["capture-pane", "-p", "-t", "0"]));
            if screen.contains(text) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("{text:?} never showed; the screen:\n{screen}");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

//! Web pages: the article's main text by readability (`dom_smoothie`, a
//! port of Mozilla's Readability), then its blocks — headings, paragraphs,
//! block quotes, list items — written into the text buffer. Before
//! readability looks, the page's furniture is removed: navigation, asides,
//! forms, the page footer, hidden elements, and the ads and comment threads
//! known by their class or id; scripts and styles are never text.
//!
//! Large pages stay linear: a page with more than [`MAX_SCORED_ELEMENTS`]
//! elements or nested deeper than [`MAX_SCORED_DEPTH`] is read without the
//! readability pass (its cost per element is high), and one with more tags
//! than [`MAX_TAGS`] or nested deeper than [`MAX_NESTING`] (the HTML
//! parser's cost grows with the square of the depth) is refused in one line.
//!
//! A feed entry's content is a fragment, not a page: [`fragment`] writes its
//! blocks the same way, without the readability pass (which is made to
//! find an article among a page's furniture, and would drop short ones).

use dom_query::{Document as Dom, NodeRef};
use dom_smoothie::{Config, Readability};

use super::convert::Builder;
use crate::error::LoadError;
use crate::model::{BlockKind, Document, Format, Origin};

/// Elements whose content is never article text.
const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "nav", "aside", "form", "button",
    "input", "select", "option", "textarea", "iframe", "svg", "math", "canvas", "object", "embed",
    "video", "audio", "picture", "img", "map", "dialog", "menu",
];

/// Elements that start and end a block (a paragraph break before and after).
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "address",
    "hr",
    "details",
    "summary",
    "center",
    "fieldset",
    "body",
    "html",
    "hgroup",
];

/// Page furniture dropped before readability looks for the article: site
/// navigation and the page's own footer, whatever their class names.
const FURNITURE: &str = "nav, [role=navigation], [role=banner], [role=complementary], \
                         [role=contentinfo], [role=search], body > footer, aside, form, \
                         [hidden], [aria-hidden=true]";

/// Removes the furniture, and the ads and comment threads known by their
/// class or id.
fn clean(dom: &Dom) {
    dom.select(FURNITURE).remove();
    for node in dom.select("[class], [id]").nodes() {
        let class = node.class().unwrap_or_default();
        let id = node.id_attr().unwrap_or_default();
        if class
            .split_whitespace()
            .chain(id.split_whitespace())
            .any(is_ad_or_comments)
        {
            node.remove_from_parent();
        }
    }
}

/// A class or id token that names an ad slot or a comment thread: `ad`,
/// `ad-banner`, `inline-ad`, `sponsored`, `comments`, `disqus_thread`…
/// (whole tokens and their dash-joined parts: `shadow` and `loaded` are not
/// ads, `comment-count` is not a thread).
fn is_ad_or_comments(token: &str) -> bool {
    const WHOLE: &[&str] = &[
        "comments",
        "comment-list",
        "commentlist",
        "comment-thread",
        "comments-area",
        "disqus_thread",
        "respond",
        "adsbygoogle",
        "outbrain",
        "taboola",
    ];
    const PARTS: &[&str] = &[
        "ad",
        "ads",
        "advert",
        "adverts",
        "advertisement",
        "advertising",
        "sponsored",
        "sponsor",
        "promo",
        "dfp",
    ];
    let t = token.to_ascii_lowercase();
    WHOLE.contains(&t.as_str()) || t.split(['-', '_']).any(|p| PARTS.contains(&p))
}

/// Pages with more elements than this are read without the readability
/// pass, whose cost per element is high (a news page has a few thousand).
const MAX_SCORED_ELEMENTS: usize = 100_000;
/// Nor is a page nested deeper than this (Chromium's parser depth limit):
/// some of readability's passes cost the depth for every element.
const MAX_SCORED_DEPTH: usize = 512;
/// A page with more tags than this is refused before it is parsed: its
/// tree would take gigabytes.
const MAX_TAGS: usize = 2_000_000;
/// Nor is a page nested deeper than this: the HTML parser's cost grows with
/// the square of the depth (a real page nests a few dozen deep).
const MAX_NESTING: usize = 4096;

/// Loads the article of a page, named `name`.
pub(crate) fn parse(name: &str, html: &str) -> Result<Document, LoadError> {
    if memchr::memchr_iter(b'<', html.as_bytes()).count() > MAX_TAGS {
        return Err(LoadError::OverLimit {
            name: name.to_string(),
            limit: "2,000,000 tags",
        });
    }
    if nesting(html.as_bytes()) > MAX_NESTING {
        return Err(too_deep(name));
    }
    let dom = Dom::from(html);
    clean(&dom);
    let mut b = Builder::new();
    let mut origin = Origin {
        format: Format::Html,
        from: name.to_string(),
        ..Origin::default()
    };
    let (elements, depth) = measure(&dom);
    let scored = if elements <= MAX_SCORED_ELEMENTS && depth <= MAX_SCORED_DEPTH {
        // Readability fails only on a page with no text it could score
        // (or, being a dependency, on input its tests did not foresee);
        // the whole body is read then.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            Readability::with_document(dom, None, Some(Config::default()))
                .ok()
                .and_then(|mut r| r.parse().ok())
        }))
        .ok()
        .flatten()
        .ok_or_else(|| Dom::from(html))
    } else {
        Err(dom)
    };
    match scored {
        Ok(article) => {
            b.title(&article.title);
            if let Some(by) = article.byline.as_deref() {
                b.byline(by);
            }
            origin.date = article.published_time.filter(|d| !d.trim().is_empty());
            origin.source = article.url.filter(|u| !u.trim().is_empty());
            fragment(&article.content, &mut b).map_err(|TooDeep| too_deep(name))?;
        }
        Err(dom) => {
            clean(&dom);
            let meta = |sel: &str| {
                dom.select(sel)
                    .attr("content")
                    .map(|c| c.trim().to_string())
                    .filter(|c| !c.is_empty())
            };
            let title = dom.select("title").text();
            b.title(&title);
            if let Some(by) = meta("meta[name=author]") {
                b.byline(&by);
            }
            origin.date = meta("meta[property='article:published_time']");
            if let Some(body) = dom.body() {
                walk_into(body, &mut b);
            }
        }
    }
    if b.is_empty() {
        return Err(LoadError::NoArticleText {
            name: name.to_string(),
            what: "page",
        });
    }
    Ok(b.finish(name, origin))
}

/// How deep the tags of `html` nest, from its bytes alone: start tags less
/// end tags, leaving out void elements and those whose end tag may be left
/// out (`p`, `li`, `td`…), which never nest on their own. An estimate that
/// a page's script can only raise.
fn nesting(html: &[u8]) -> usize {
    const UNCOUNTED: &[&[u8]] = &[
        b"area",
        b"base",
        b"br",
        b"col",
        b"embed",
        b"hr",
        b"img",
        b"input",
        b"link",
        b"meta",
        b"param",
        b"source",
        b"track",
        b"wbr",
        b"p",
        b"li",
        b"dt",
        b"dd",
        b"tr",
        b"td",
        b"th",
        b"option",
        b"optgroup",
        b"tbody",
        b"thead",
        b"tfoot",
        b"colgroup",
        b"caption",
        b"rb",
        b"rt",
        b"rtc",
        b"rp",
        b"html",
        b"head",
        b"body",
    ];
    let (mut depth, mut deepest) = (0usize, 0usize);
    for at in memchr::memchr_iter(b'<', html) {
        let rest = &html[at + 1..];
        let (closing, rest) = match rest.first() {
            Some(b'/') => (true, &rest[1..]),
            Some(c) if c.is_ascii_alphabetic() => (false, rest),
            _ => continue,
        };
        let len = rest
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let name = &rest[..len];
        if name.is_empty() || UNCOUNTED.iter().any(|u| u.eq_ignore_ascii_case(name)) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
            if end > 0 && rest[end - 1] == b'/' {
                continue;
            }
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// How many elements the page has, and how deep they nest.
fn measure(dom: &Dom) -> (usize, usize) {
    let (mut elements, mut deepest) = (0, 0);
    let mut stack = vec![(dom.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if node.is_element() {
            elements += 1;
            deepest = deepest.max(depth);
        }
        stack.extend(node.children_it(false).map(|c| (c, depth + 1)));
    }
    (elements, deepest)
}

/// Writes the blocks of an HTML fragment (a feed entry's content, a
/// readability result) into `b`.
/// Fails on markup nested deeper than a page may be (see [`parse`]).
pub(crate) fn fragment(html: &str, b: &mut Builder) -> Result<(), TooDeep> {
    if nesting(html.as_bytes()) > MAX_NESTING {
        return Err(TooDeep);
    }
    let dom = Dom::fragment(html);
    walk_into(dom.root(), b);
    Ok(())
}

/// Markup nested deeper than [`MAX_NESTING`].
#[derive(Debug)]
pub(crate) struct TooDeep;

/// The error for an input whose markup nests too deep.
pub(crate) fn too_deep(name: &str) -> LoadError {
    LoadError::OverLimit {
        name: name.to_string(),
        limit: "4,096 levels of nesting",
    }
}

fn walk_into(root: NodeRef<'_>, b: &mut Builder) {
    let mut w = Walker {
        b,
        inline: String::new(),
        quote: 0,
        item: 0,
        pre: 0,
    };
    w.walk(root);
    w.flush();
}

/// Plain text of a bit of HTML (a feed's or an entry's title).
pub(crate) fn text_of(html: &str) -> String {
    if nesting(html.as_bytes()) > MAX_NESTING {
        return super::convert::collapse(html);
    }
    super::convert::collapse(&Dom::fragment(html).root().text())
}

struct Walker<'a> {
    b: &'a mut Builder,
    /// The running text of the current block.
    inline: String,
    /// How many block quotes, list items and preformatted blocks are open.
    quote: usize,
    item: usize,
    pre: usize,
}

enum Step<'d> {
    Enter(NodeRef<'d>),
    Leave(Tag),
}

/// What leaving an element must undo.
#[derive(Clone, Copy)]
enum Tag {
    Block,
    Quote,
    Item,
    Pre,
    /// A `<q>`: closed by a quotation mark.
    InlineQuote,
}

impl Walker<'_> {
    /// Walks the tree in document order without recursion: deeply nested
    /// markup cannot exhaust the stack.
    fn walk(&mut self, root: NodeRef<'_>) {
        let mut stack = vec![Step::Enter(root)];
        while let Some(step) = stack.pop() {
            let node = match step {
                Step::Leave(tag) => {
                    self.leave(tag);
                    continue;
                }
                Step::Enter(node) => node,
            };
            if node.is_text() {
                self.inline.push_str(&node.text());
                continue;
            }
            if !(node.is_element() || node.is_document() || node.is_fragment()) {
                continue;
            }
            let name = node
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            let tag = match name.as_str() {
                n if NEVER_TEXT.contains(&n) => continue,
                "br" => {
                    if self.pre > 0 {
                        self.inline.push('\n');
                    } else {
                        self.flush();
                    }
                    continue;
                }
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    self.flush();
                    let text = node.text();
                    // The page's title again at the top of its article.
                    if !(name == "h1" && self.b.has_title(&text)) {
                        self.b.heading(&text);
                    }
                    continue;
                }
                "blockquote" => Some(Tag::Quote),
                "li" => Some(Tag::Item),
                "pre" => Some(Tag::Pre),
                "q" => Some(Tag::InlineQuote),
                n if BLOCKS.contains(&n) => Some(Tag::Block),
                _ => None,
            };
            if let Some(tag) = tag {
                self.enter(tag);
                stack.push(Step::Leave(tag));
            }
            let children: Vec<_> = node.children_it(true).collect();
            stack.extend(children.into_iter().map(Step::Enter));
        }
    }

    fn enter(&mut self, tag: Tag) {
        match tag {
            Tag::InlineQuote => self.inline.push('\u{201C}'),
            _ => self.flush(),
        }
        match tag {
            Tag::Quote => self.quote += 1,
            Tag::Item => self.item += 1,
            Tag::Pre => self.pre += 1,
            Tag::Block | Tag::InlineQuote => {}
        }
    }

    fn leave(&mut self, tag: Tag) {
        match tag {
            Tag::InlineQuote => {
                self.inline.push('\u{201D}');
                return;
            }
            _ => self.flush(),
        }
        match tag {
            Tag::Quote => self.quote -= 1,
            Tag::Item => self.item -= 1,
            Tag::Pre => self.pre -= 1,
            Tag::Block | Tag::InlineQuote => {}
        }
    }

    /// The running text becomes a paragraph of the innermost kind open.
    fn flush(&mut self) {
        if self.inline.trim().is_empty() {
            self.inline.clear();
            return;
        }
        let kind = if self.pre > 0 {
            BlockKind::Code
        } else if self.quote > 0 {
            BlockKind::Quote
        } else if self.item > 0 {
            BlockKind::Item
        } else {
            BlockKind::Text
        };
        self.b.paragraph(&self.inline, kind);
        self.inline.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<(BlockKind, String)> {
        let mut b = Builder::new();
        fragment(html, &mut b).expect("not too deep");
        let d = b.finish(
            "t",
            Origin {
                from: "t".into(),
                ..Origin::default()
            },
        );
        d.paragraphs
            .iter()
            .map(|p| (p.kind, d.span_text(p.span).to_string()))
            .collect()
    }

    #[test]
    fn blocks_of_a_fragment() {
        let got = blocks(
            "<p>One <b>bold</b>\n word.</p><blockquote><p>Quoted.</p></blockquote>\
             <ul><li>An item</li></ul>text after<br>a break<pre>a\n  b</pre>\
             <p>She said <q>no</q>.</p><script>var s = \"a 'quote'\";</script>",
        );
        assert_eq!(
            got,
            [
                (BlockKind::Text, "One bold word.".to_string()),
                (BlockKind::Quote, "Quoted.".to_string()),
                (BlockKind::Item, "An item".to_string()),
                (BlockKind::Text, "text after".to_string()),
                (BlockKind::Text, "a break".to_string()),
                (BlockKind::Code, "a\n  b".to_string()),
                (BlockKind::Text, "She said \u{201C}no\u{201D}.".to_string()),
            ]
        );
    }

    #[test]
    fn deep_nesting_does_not_exhaust_the_stack_and_deeper_is_refused() {
        let html = "<div>".repeat(MAX_NESTING) + "deep" + &"</div>".repeat(MAX_NESTING);
        let got = blocks(&html);
        assert_eq!(got.len(), 1);
        let deeper = "<div>".repeat(MAX_NESTING + 1);
        assert!(fragment(&deeper, &mut Builder::new()).is_err());
    }

    #[test]
    fn ads_and_comment_threads_are_known_by_their_names() {
        for t in [
            "ad",
            "ad-banner",
            "inline-ad",
            "AdSlot_ad",
            "sponsored",
            "comments",
            "disqus_thread",
        ] {
            assert!(is_ad_or_comments(t), "{t}");
        }
        for t in [
            "shadow",
            "loaded",
            "headline",
            "comment-count",
            "adjacent",
            "story-body",
        ] {
            assert!(!is_ad_or_comments(t), "{t}");
        }
    }

    #[test]
    fn nesting_is_estimated_from_the_bytes() {
        assert_eq!(
            nesting(b"<div><p>a<p>b<br><img src=x/></div><div><span>c</span></div>"),
            2
        );
        assert_eq!(nesting(b"<ul><li>a<li>b</ul> 1 < 2 <!-- <div> --> </x>"), 1);
        let deep = "<div>".repeat(5000);
        let e = parse("deep.html", &deep).unwrap_err();
        assert_eq!(
            e.to_string(),
            "deep.html: too large to read (over 4,096 levels of nesting)"
        );
    }

    #[test]
    fn a_page_without_text_is_one_clear_error() {
        let e = parse("p.html", "<html><body><nav>Home</nav></body></html>").unwrap_err();
        assert_eq!(e.to_string(), "p.html: no article text in this page");
    }
}

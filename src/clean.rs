//! Stage 5 of the pipeline: the article body to safe HTML. One walk over the body subtree leaves
//! out what extraction marked as furniture, keeps an allow-list of structural tags, drops every
//! attribute but a few, makes links absolute; then ammonia re-parses that small fragment with the
//! same allow-list, so nothing outside it survives whatever the walk missed.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use rustc_hash::FxHashMap;
use scraper::{ElementRef, Html, Node};
use serde::Serialize;
use url::Url;

use crate::extract::{Article, Removal, StrippedImage};
use crate::extract::text::{collapse, is_non_text};
use crate::extract::tracking::{untracked, web_url};
use crate::profile::Profile;

/// Tags that may appear in the cleaned body.
pub const BODY_TAGS: &[&str] = &[
    "p", "h2", "h3", "h4", "h5", "h6", "blockquote", "cite", "ul", "ol", "li", "pre", "code", "em", "strong", "b",
    "i", "u", "s", "sub", "sup", "br", "hr", "a", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
    "dl", "dt", "dd", "q", "small", "mark", "abbr", "del", "ins",
];

/// A hyperlink kept in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The link text.
    pub text: String,
    /// The absolute URL.
    pub href: String,
}

/// Stage 5's output: everything later stages need, owned (the page can be dropped).
#[derive(Debug, Clone, Serialize)]
pub struct Cleaned {
    /// The sanitized body HTML.
    pub html: String,
    /// The body as plain text: paragraphs separated by blank lines, links as their text.
    pub text: String,
    /// The body's paragraphs (text of each block), for verification.
    pub paragraphs: Vec<String>,
    /// Hyperlinks kept, in order.
    pub links: Vec<Link>,
    /// Words in the body.
    pub word_count: usize,
    /// Removed nodes by kind.
    pub removed: BTreeMap<String, usize>,
    /// Images removed, with captions and credits, for the editor to license.
    pub images: Vec<StrippedImage>,
    /// Links whose scheme was not allowed and that lost their href.
    pub dropped_links: usize,
}

/// Clean an extracted article's body.
pub fn clean(article: &Article<'_>) -> Cleaned {
    let base = article.meta.canonical_url.as_ref().or(article.meta.page_url.as_ref());
    let title = article.meta.title.as_deref().map(normalize_for_compare);
    let mut walk = Walk::new(base, article.profile);
    walk.run(article.body.root, &article.body.removed, title.as_deref());
    let mut removed: BTreeMap<String, usize> = BTreeMap::new();
    for (kind, count) in article.removed_counts() {
        if kind != "outside" {
            removed.insert(kind.to_owned(), count);
        }
    }
    if walk.comments > 0 {
        removed.insert("html_comment".to_owned(), walk.comments);
    }
    let sanitized = sanitize(&walk.html, article.profile);
    let stable = sanitized == walk.html;
    let html = settle(sanitized, stable, base, article.profile);
    let text = walk.text_blocks.join("\n\n");
    Cleaned {
        word_count: crate::extract::text::word_count(&text),
        paragraphs: walk.text_blocks.clone(),
        text,
        html,
        links: walk.links,
        removed,
        images: article.images.clone(),
        dropped_links: walk.dropped_links,
    }
}

/// Run an HTML fragment (for instance an embed's body) through the same walk and sanitizer.
/// `clean_fragment(&clean(x).html, ..) == clean(x).html`: the cleaner is idempotent.
pub fn clean_fragment(fragment: &str, base: Option<&Url>, profile: &Profile) -> String {
    let walked = walk_fragment(fragment, base, profile);
    let sanitized = sanitize(&walked, profile);
    let stable = sanitized == walked;
    settle(sanitized, stable, base, profile)
}

/// The walk alone over a parsed fragment: one pass of the cleaner is `sanitize` of this.
fn walk_fragment(fragment: &str, base: Option<&Url>, profile: &Profile) -> String {
    let parsed = Html::parse_fragment(fragment);
    let mut walk = Walk::new(base, profile);
    walk.run(parsed.root_element(), &FxHashMap::default(), None);
    walk.html
}

/// The walk can write structure that the HTML parser builds differently (an `<li>` directly in
/// an `<li>`, a heading in a heading, a link in a link, ...), so ammonia's re-parse can leave
/// markup that a second pass would change again. Pass the body through again until it stops
/// changing (capped), so that it is a fixed point of [`clean_fragment`].
///
/// `stable` says that the sanitizer is known to leave `html` as it is (it was the walk's output
/// and came out of ammonia unchanged). Then a pass whose walk gives `html` back would sanitize
/// it to itself: the fixed point is proven without that second ammonia parse, which is the
/// common case (one parse and one walk of the body instead of two parses and a walk).
fn settle(mut html: String, mut stable: bool, base: Option<&Url>, profile: &Profile) -> String {
    for _ in 0..4 {
        let walked = walk_fragment(&html, base, profile);
        if stable && walked == html {
            break;
        }
        let again = sanitize(&walked, profile);
        if again == html {
            break;
        }
        stable = again == walked;
        html = again;
    }
    html
}

fn normalize_for_compare(s: &str) -> String {
    s.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect()
}

/// An open element in the output, to drop it again if it ends up empty.
struct Open {
    /// Output length before the start tag.
    start: usize,
    /// Output length after the start tag.
    content: usize,
    /// The closing tag to write, if the element is kept (None: unwrapped).
    close: Option<&'static str>,
    /// Whether anything visible was written inside.
    has_content: bool,
    /// Text length when the element opened (for text blocks).
    text_start: usize,
    /// This element is a text block (p, li, h*, ...).
    block: bool,
    /// List item prefix for the text format.
    link: Option<String>,
}

struct Walk<'b> {
    base: Option<&'b Url>,
    profile: &'b Profile,
    html: String,
    text: String,
    text_blocks: Vec<String>,
    links: Vec<Link>,
    dropped_links: usize,
    comments: usize,
    stack: Vec<Open>,
    /// How many elements of `stack` are text blocks.
    open_blocks: usize,
    pre_depth: usize,
}

impl<'b> Walk<'b> {
    fn new(base: Option<&'b Url>, profile: &'b Profile) -> Self {
        Walk {
            base,
            profile,
            html: String::new(),
            text: String::new(),
            text_blocks: Vec::new(),
            links: Vec::new(),
            dropped_links: 0,
            comments: 0,
            stack: Vec::new(),
            open_blocks: 0,
            pre_depth: 0,
        }
    }

    fn run(&mut self, root: ElementRef<'_>, removed: &FxHashMap<NodeId, Removal>, title: Option<&str>) {
        let mut skip: Option<NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skip.is_some() || node.id() == root.id() {
                        continue;
                    }
                    if removed.contains_key(&node.id()) {
                        skip = Some(node.id());
                        continue;
                    }
                    match node.value() {
                        Node::Element(e) => {
                            if is_non_text(e.name()) || crate::extract::is_removed_tag(e.name()) {
                                skip = Some(node.id());
                                continue;
                            }
                            let element = ElementRef::wrap(node).expect("element node");
                            // The headline, which the embed renders itself: an h1 anywhere, a
                            // lower heading before any text (the h1 is the site's logo).
                            let headline_slot = e.name() == "h1" || (matches!(e.name(), "h2" | "h3") && self.text_blocks.is_empty() && self.text.trim().is_empty());
                            if headline_slot && title.is_some_and(|t| normalize_for_compare(&crate::extract::text::element_text(element)) == t) {
                                skip = Some(node.id());
                                continue;
                            }
                            self.open(element, removed);
                        }
                        Node::Text(t) => self.text_node(t),
                        Node::Comment(_) => self.comments += 1,
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if skip == Some(node.id()) {
                        skip = None;
                        continue;
                    }
                    if skip.is_some() || node.id() == root.id() {
                        continue;
                    }
                    if node.value().is_element() {
                        self.close();
                    }
                }
            }
        }
        while !self.stack.is_empty() {
            self.close();
        }
        let tail = collapse(&self.text);
        if !tail.is_empty() {
            self.text_blocks.push(tail);
        }
        self.text.clear();
    }

    fn open(&mut self, element: ElementRef<'_>, removed: &FxHashMap<NodeId, Removal>) {
        let e = element.value();
        let name = e.name();
        let start = self.html.len();
        let (tag, block): (Option<&'static str>, bool) = match name {
            "h1" => (Some("h2"), true),
            "p" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "dt" | "dd" | "caption" => (Some(static_tag(name)), true),
            "pre" => (Some("pre"), true),
            "td" | "th" => (Some(static_tag(name)), true),
            "blockquote" | "ul" | "ol" | "dl" | "table" | "thead" | "tbody" | "tfoot" | "tr" => (Some(static_tag(name)), false),
            "br" | "hr" => (Some(static_tag(name)), false),
            "a" | "cite" | "code" | "em" | "strong" | "b" | "i" | "u" | "s" | "sub" | "sup" | "q" | "small" | "mark" | "abbr" | "del" | "ins" => {
                (Some(static_tag(name)), false)
            }
            "strike" => (Some("s"), false),
            "tt" | "kbd" | "samp" | "var" => (Some("code"), false),
            // A container with no block inside is a paragraph of its own.
            "div" | "section" | "article" | "main" | "center" | "font" | "address" | "figure" | "figcaption" | "header" | "footer"
                if !self.inside_text_block() && !has_block_below(element, removed) =>
            {
                (Some("p"), true)
            }
            _ => (None, false),
        };
        if block && !self.inside_text_block() {
            self.flush_loose_text();
        }
        let mut link = None;
        if let Some(tag) = tag {
            self.html.push('<');
            self.html.push_str(tag);
            match tag {
                "a" => match e.attr("href").and_then(|h| self.resolve(h)) {
                    Some(href) => {
                        self.html.push_str(" href=\"");
                        escape_into(&mut self.html, &href, true);
                        self.html.push('"');
                        link = Some(href);
                    }
                    None => {
                        if e.attr("href").is_some() {
                            self.dropped_links += 1;
                        }
                        // Without an href the anchor is just text.
                        self.html.truncate(start);
                        self.push(Open { start, content: start, close: None, has_content: false, text_start: self.text.len(), block, link: None });
                        return;
                    }
                },
                "td" | "th" => {
                    for attr in ["colspan", "rowspan"] {
                        if let Some(v) = e.attr(attr).map(str::trim).filter(|v| !v.is_empty() && v.len() < 4 && v.bytes().all(|b| b.is_ascii_digit())) {
                            let _ = write!(self.html, " {attr}=\"{v}\"");
                        }
                    }
                }
                "ol" => {
                    if let Some(v) = e.attr("start").map(str::trim).filter(|v| !v.is_empty() && v.len() < 6 && v.bytes().all(|b| b.is_ascii_digit())) {
                        let _ = write!(self.html, " start=\"{v}\"");
                    }
                }
                _ => {}
            }
            if let Some(style) = self.profile.style(tag) {
                self.html.push_str(" style=\"");
                escape_into(&mut self.html, style, true);
                self.html.push('"');
            }
            self.html.push('>');
            if tag == "pre" {
                self.pre_depth += 1;
            }
            if matches!(tag, "br" | "hr") {
                if tag == "br" {
                    self.text.push('\n');
                }
                self.mark_content();
                self.push(Open { start, content: self.html.len(), close: None, has_content: true, text_start: self.text.len(), block: false, link: None });
                return;
            }
        }
        self.push(Open { start, content: self.html.len(), close: tag, has_content: false, text_start: self.text.len(), block, link });
    }

    fn close(&mut self) {
        let Some(open) = self.stack.pop() else { return };
        self.open_blocks -= usize::from(open.block);
        if open.close == Some("pre") {
            self.pre_depth = self.pre_depth.saturating_sub(1);
        }
        if !open.has_content {
            // Nothing visible inside: drop the element and whatever empty markup it held.
            self.html.truncate(open.start);
            self.text.truncate(open.text_start);
            return;
        }
        if let Some(tag) = open.close {
            if !matches!(tag, "br" | "hr") {
                self.html.push_str("</");
                self.html.push_str(tag);
                self.html.push('>');
            }
            // A layout newline inside <pre> would be content, and grow on every pass.
            if is_layout_block(tag) && self.pre_depth == 0 {
                self.html.push('\n');
            }
        }
        if let Some(href) = open.link {
            let text = collapse(self.text.get(open.text_start..).unwrap_or_default());
            self.links.push(Link { text, href });
        }
        if let Some(parent) = self.stack.last_mut() {
            parent.has_content = true;
        }
        if open.block && !self.inside_text_block() {
            let flushed = collapse_keeping_breaks(&self.text[open.text_start..]);
            self.text.truncate(open.text_start);
            if !flushed.is_empty() {
                self.text_blocks.push(if open.close == Some("li") { format!("- {flushed}") } else { flushed });
            }
        } else if open.block {
            self.text.push(' ');
        }
        let _ = open.content;
    }

    fn inside_text_block(&self) -> bool {
        self.open_blocks > 0
    }

    fn push(&mut self, open: Open) {
        self.open_blocks += usize::from(open.block);
        self.stack.push(open);
    }

    fn flush_loose_text(&mut self) {
        let loose = collapse(&self.text);
        if !loose.is_empty() {
            self.text_blocks.push(loose);
        }
        self.text.clear();
    }

    fn mark_content(&mut self) {
        if let Some(top) = self.stack.last_mut() {
            top.has_content = true;
        }
    }

    fn text_node(&mut self, text: &str) {
        if self.pre_depth > 0 {
            // The parser drops a newline right after `<pre>` and the serializer does not write
            // one back, so every pass would lose one: leading newlines go in the first pass.
            let at_pre_start = self.stack.last().is_some_and(|open| open.close == Some("pre") && open.content == self.html.len());
            let text = if at_pre_start { text.trim_start_matches('\n') } else { text };
            if !text.is_empty() {
                escape_into(&mut self.html, text, false);
                self.text.push_str(text);
                self.mark_content();
            }
            return;
        }
        let has_visible = text.chars().any(|c| !c.is_whitespace());
        // Whitespace between tags becomes one space, and only inside inline content.
        let folded = fold_whitespace(text);
        if !has_visible {
            // Never a space after a space, a layout newline or a line break.
            if self.inside_text_block() && !self.html.ends_with([' ', '\n']) && !self.html.ends_with("<br>") {
                self.html.push(' ');
                self.text.push(' ');
            }
            return;
        }
        // No space right after a space or a layout newline (text on both sides of a dropped
        // element, loose text after a block): a second pass would fold the two into one, and
        // the cleaner must be idempotent.
        let folded = match folded.strip_prefix(' ') {
            Some(rest) if self.html.ends_with([' ', '\n']) => rest,
            _ => folded.as_str(),
        };
        escape_into(&mut self.html, folded, false);
        self.text.push_str(folded);
        self.mark_content();
    }

    /// An absolute http(s) URL for an href, or None (the link keeps only its text). No other
    /// scheme, `mailto:` included: the embed carries web links only.
    fn resolve(&self, href: &str) -> Option<String> {
        let href: String = href.chars().filter(|c| !c.is_control()).collect();
        let href = href.trim();
        if href.is_empty() {
            return None;
        }
        let url = match self.base {
            Some(base) => base.join(href).ok()?,
            None => Url::parse(href).ok()?,
        };
        if !web_url(&url) {
            return None;
        }
        let mut url = untracked(url);
        // "https://forward.com@phish.example/" shows a trusted name before the real host; no
        // article links with credentials.
        let _ = url.set_username("");
        let _ = url.set_password(None);
        Some(url.to_string())
    }
}

fn static_tag(name: &str) -> &'static str {
    BODY_TAGS.iter().find(|t| **t == name).copied().unwrap_or("span")
}

fn is_layout_block(tag: &str) -> bool {
    matches!(tag, "p" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "ul" | "ol" | "li" | "pre" | "table" | "tr" | "dl" | "dt" | "dd" | "thead" | "tbody" | "tfoot" | "caption")
}

/// Whether a block the walk keeps lies anywhere below `element`: not only a child, but also one
/// inside an inline or unknown wrapper, which would end the `<p>` this container became when the
/// output is parsed again (an empty `<p> </p>` left behind, and a cleaner that is not idempotent).
/// Iterative; the scan stops at the first block.
fn has_block_below(element: ElementRef<'_>, removed: &FxHashMap<NodeId, Removal>) -> bool {
    let mut skip: Option<NodeId> = None;
    for edge in element.traverse() {
        match edge {
            Edge::Open(node) if skip.is_none() && node.id() != element.id() => {
                let Node::Element(e) = node.value() else { continue };
                let name = e.name();
                if removed.contains_key(&node.id()) || is_non_text(name) || crate::extract::is_removed_tag(name) {
                    skip = Some(node.id());
                } else if crate::extract::text::is_block(name) || matches!(name, "li" | "dd" | "dt" | "table" | "figcaption") {
                    return true;
                }
            }
            Edge::Close(node) if skip == Some(node.id()) => skip = None,
            _ => {}
        }
    }
    false
}

/// Each run of whitespace (but not the non-breaking space) to one space. Copies runs of other
/// characters whole; decodes only non-ASCII characters.
fn fold_whitespace(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    let mut run_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (len, space) = if b < 0x80 {
            // `char::is_whitespace` on ASCII.
            (1, matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '))
        } else {
            let c = text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
            (c.len_utf8(), c.is_whitespace() && c != '\u{a0}')
        };
        if space {
            out.push_str(&text[run_start..i]);
            if !in_space {
                out.push(' ');
            }
            in_space = true;
            run_start = i + len;
        } else {
            in_space = false;
        }
        i += len;
    }
    out.push_str(&text[run_start..]);
    out
}

fn collapse_keeping_breaks(text: &str) -> String {
    if !text.contains('\n') {
        return collapse(text);
    }
    text.split('\n').map(collapse).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

/// Escape text or an attribute value for HTML. Copies the runs between special characters whole.
pub fn escape_into(out: &mut String, text: &str, attribute: bool) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // The next '&', '<' or '>' and the next '"' (attributes) or 0xC2 (U+00A0 opens with it), each
    // found with `memchr` and searched for again only once passed.
    let next_markup = |from: usize| memchr::memchr3(b'&', b'<', b'>', &bytes[from..]).map_or(bytes.len(), |n| from + n);
    let next_other = |from: usize| {
        let found = if attribute { memchr::memchr2(b'"', 0xc2, &bytes[from..]) } else { memchr::memchr(0xc2, &bytes[from..]) };
        found.map_or(bytes.len(), |n| from + n)
    };
    let (mut markup, mut other) = (next_markup(0), next_other(0));
    while i < bytes.len() {
        if markup < i {
            markup = next_markup(i);
        }
        if other < i {
            other = next_other(i);
        }
        i = markup.min(other);
        let Some(&b) = bytes.get(i) else { break };
        let (entity, len) = match b {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            // U+00A0 in UTF-8.
            0xc2 if bytes.get(i + 1) == Some(&0xa0) => ("&nbsp;", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[start..i]);
        out.push_str(entity);
        i += len;
        start = i;
    }
    out.push_str(&text[start..]);
}

/// The final allow-list pass: ammonia with our tags, a few attributes, http(s) only.
fn sanitize(html: &str, profile: &Profile) -> String {
    let tags: HashSet<&str> = BODY_TAGS.iter().copied().collect();
    let mut attributes: HashMap<&str, HashSet<&str>> = HashMap::new();
    attributes.insert("a", ["href"].into_iter().collect());
    attributes.insert("td", ["colspan", "rowspan"].into_iter().collect());
    attributes.insert("th", ["colspan", "rowspan"].into_iter().collect());
    attributes.insert("ol", ["start"].into_iter().collect());
    let mut styled: HashMap<&str, HashMap<&str, HashSet<&str>>> = HashMap::new();
    for tag in BODY_TAGS {
        if let Some(style) = profile.style(tag) {
            styled.entry(tag).or_default().entry("style").or_default().insert(style);
        }
    }
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(tags)
        .tag_attributes(attributes)
        .tag_attribute_values(styled)
        .url_schemes(["http", "https"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(None)
        .strip_comments(true)
        .clean_content_tags(["script", "style", "template", "noscript", "textarea", "title", "svg", "math", "iframe", "object", "xmp", "noembed", "noframes", "plaintext"].into_iter().collect());
    builder.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(fragment: &str) -> String {
        let base = Url::parse("https://news.example/2025/05/story/").unwrap();
        clean_fragment(fragment, Some(&base), &Profile::builtin("generic").unwrap())
    }

    #[test]
    fn fragments_clean_to_the_allow_list() {
        let cases: &[(&str, &str)] = &[
            // Structure stays; classes, ids, styles and data attributes go.
            (r#"<p class="x" id="y" style="color:red" data-a="1">Hi <em>there</em></p>"#, "<p>Hi <em>there</em></p>\n"),
            // Links become absolute against the canonical URL; other schemes lose the href.
            (r##"<p><a href="../other/">rel</a> <a href="/root">root</a> <a href="//cdn.example/x">proto</a> <a href="#s2">frag</a></p>"##,
             "<p><a href=\"https://news.example/2025/05/other/\">rel</a> <a href=\"https://news.example/root\">root</a> <a href=\"https://cdn.example/x\">proto</a> <a href=\"https://news.example/2025/05/story/#s2\">frag</a></p>\n"),
            (r#"<p><a href="javascript:alert(1)">js</a> <a href="mailto:a@b.example">mail</a> <a href="tel:123">tel</a></p>"#,
             "<p>js mail tel</p>\n"),
            // h1 becomes h2; a div of text becomes a paragraph; empty blocks vanish.
            ("<h1>Part one</h1><div>Loose text</div><p> </p><p><img src=x></p>", "<h2>Part one</h2>\n<p>Loose text</p>\n"),
            // Media and scripts go whole; their text too.
            ("<p>A<script>alert(1)</script><iframe src=x>frame</iframe>B</p>", "<p>AB</p>\n"),
            // Tables, lists and quotes keep their structure and cell spans.
            (r#"<table><tr><td colspan="2" onclick="x()">c</td></tr></table>"#, "<table><tbody><tr><td colspan=\"2\">c</td></tr>\n</tbody>\n</table>\n"),
            (r#"<ol start="3"><li>three</li></ol>"#, "<ol start=\"3\"><li>three</li>\n</ol>\n"),
            ("<blockquote><p>Quote</p><cite>Who</cite></blockquote>", "<blockquote><p>Quote</p>\n<cite>Who</cite></blockquote>\n"),
            // Text is escaped once.
            ("<p>a &lt;b&gt; &amp; c</p>", "<p>a &lt;b&gt; &amp; c</p>\n"),
        ];
        for (input, expected) in cases {
            assert_eq!(cleaned(input), *expected, "input: {input}");
        }
    }

    /// The byte-by-byte escape as it was before `memchr`: the oracle.
    fn escape_by_bytes(text: &str, attribute: bool) -> String {
        let mut out = String::new();
        let bytes = text.as_bytes();
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            let (entity, len) = match bytes[i] {
                b'&' => ("&amp;", 1),
                b'<' => ("&lt;", 1),
                b'>' => ("&gt;", 1),
                b'"' if attribute => ("&quot;", 1),
                0xc2 if bytes.get(i + 1) == Some(&0xa0) => ("&nbsp;", 2),
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.push_str(&text[start..i]);
            out.push_str(entity);
            i += len;
            start = i;
        }
        out.push_str(&text[start..]);
        out
    }

    #[test]
    fn escaping_agrees_with_the_byte_by_byte_escape() {
        let pieces = ["a", "&", "<", ">", "\"", "'", "\u{a0}", "\u{c2}", "é", "\u{80}", "&amp;", " ", "\u{20ac}"];
        let mut random = crate::testing::Pieces::new(1);
        for _ in 0..20_000 {
            let text = random.text(&pieces, 10);
            for attribute in [false, true] {
                let mut out = String::from("x");
                escape_into(&mut out, &text, attribute);
                assert_eq!(out, format!("x{}", escape_by_bytes(&text, attribute)), "{text:?} {attribute}");
            }
        }
    }

    #[test]
    fn cleaning_is_idempotent() {
        for input in [
            r#"<div><h1>T</h1><p>One <a href="/x">link</a></p><ul><li>a</li><li>b<br>c</li></ul><pre>  code
  block</pre></div>"#,
            "<p>a&nbsp;b &amp; <strong>c</strong></p><table><tr><th>h</th></tr><tr><td>d</td></tr></table>",
            // Each parse drops the newline right after <pre>: a run of them must not shrink
            // pass after pass.
            &format!("<pre>{}x\n y</pre><pre><b></b>\n\nz</pre><pre>\n<code>\nw</code></pre>", "\n".repeat(20)),
        ] {
            let once = cleaned(input);
            assert_eq!(cleaned(&once), once, "input: {input}");
        }
        // Redirector chains of every depth up to past the limit, with tracking at each level.
        let mut link = "https://county.example/x?utm_source=a&id=1".to_owned();
        for _ in 0..10 {
            link = format!("https://l.facebook.com/l.php?u={}&utm_medium=b", percent_encoding::utf8_percent_encode(&link, percent_encoding::NON_ALPHANUMERIC));
            let once = cleaned(&format!("<p><a href=\"{}\">x</a></p>", link.replace('&', "&amp;")));
            assert_eq!(cleaned(&once), once, "link: {link}");
        }
        assert_eq!(cleaned("<pre>\n\n\nx\n y</pre>"), "<pre>x\n y</pre>\n");
        assert_eq!(cleaned("<pre>\n<code>\nw</code></pre>"), "<pre><code>\nw</code></pre>\n");
    }

    #[test]
    fn profile_styles_are_applied_and_survive_sanitizing() {
        let forward = Profile::builtin("forward").unwrap();
        let out = clean_fragment("<p>Styled</p><blockquote><p>q</p></blockquote>", None, &forward);
        assert_eq!(
            out,
            "<p style=\"margin:0 0 1em\">Styled</p>\n<blockquote style=\"margin:0 0 1em 1.5em;font-style:italic\"><p style=\"margin:0 0 1em\">q</p>\n</blockquote>\n"
        );
        // A style that is not the profile's own is dropped by the final pass.
        assert_eq!(sanitize("<p style=\"color:red\">x</p>", &forward), "<p>x</p>");
    }

    #[test]
    fn links_lose_tracking_and_credentials() {
        let deep = (0..9).fold("https://county.example/x".to_owned(), |inner, _| {
            format!("https://l.facebook.com/l.php?u={}", percent_encoding::utf8_percent_encode(&inner, percent_encoding::NON_ALPHANUMERIC))
        });
        let cases: &[(&str, &str)] = &[
            // Tracking parameters go; the rest of the query stays as written, in order.
            ("https://county.example/budget.pdf?utm_source=news&page=2&fbclid=abc&q=a%20b+c", "https://county.example/budget.pdf?page=2&q=a%20b+c"),
            ("https://county.example/x?utm_medium=email&utm_campaign=fall#part-2", "https://county.example/x#part-2"),
            ("https://county.example/x?gclid=1&mc_cid=2&mc_eid=3&_hsenc=4&pk_campaign=5", "https://county.example/x"),
            // Not a tracking parameter: a look-alike key, a value, case.
            ("https://county.example/x?utmost=1&ref=utm_source&GCLID=2", "https://county.example/x?utmost=1&ref=utm_source&GCLID=2"),
            ("https://county.example/x?a=1&&b=2", "https://county.example/x?a=1&&b=2"),
            // Redirectors give way to their destination, itself without tracking.
            ("https://www.google.com/url?q=https://county.example/x?utm_source=g&sa=D", "https://county.example/x"),
            ("https://www.google.co.uk/url?sa=t&url=https%3A%2F%2Fcounty.example%2Fy", "https://county.example/y"),
            ("https://l.facebook.com/l.php?u=https%3A%2F%2Fcounty.example%2Fz%3Fid%3D7&h=AT0", "https://county.example/z?id=7"),
            (
                "https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fl.facebook.com%2Fl.php%3Fu%3Dhttps%253A%252F%252Fcounty.example%252Fw&data=x",
                "https://county.example/w",
            ),
            // Credentials go: they only hide the real host behind a trusted name.
            ("https://forward.com:x@phish.example/login", "https://phish.example/login"),
            ("https://forward.com@phish.example/", "https://phish.example/"),
            // A chain deeper than eight stays as it is.
            (&deep, &deep),
            // A redirector whose destination is no web URL stays as it is.
            ("https://www.google.com/url?q=javascript:alert(1)", "https://www.google.com/url?q=javascript:alert(1)"),
            ("https://www.google.com/search?q=https://county.example/x", "https://www.google.com/search?q=https://county.example/x"),
        ];
        for (input, want) in cases {
            let out = cleaned(&format!("<p><a href=\"{}\">link</a></p>", input.replace('&', "&amp;")));
            assert_eq!(out, format!("<p><a href=\"{}\">link</a></p>\n", want.replace('&', "&amp;")), "{input}");
        }
    }

    #[test]
    fn without_a_base_relative_links_lose_their_href() {
        let out = clean_fragment(r#"<p><a href="/x">rel</a> <a href="https://a.example/">abs</a></p>"#, None, &Profile::builtin("generic").unwrap());
        assert_eq!(out, "<p>rel <a href=\"https://a.example/\">abs</a></p>\n");
    }
}

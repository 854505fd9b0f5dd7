//! Defence in depth: an independent check of the finished embed. The cleaner (allow-list walk +
//! ammonia) and the template (askama escaping) are what make the embed safe; this module re-reads
//! the *output* with its own rules and reports anything that could run, load or restyle in a
//! partner's page. [`crate::process_loaded`] refuses an embed with any violation, so a bug in an
//! earlier stage becomes an error instead of an XSS hole on someone else's site.
//!
//! The invariants (docs/security.md lists them with their tests):
//! - only the elements the embed is built from: [`crate::clean::BODY_TAGS`] plus `h1`, `p`, `a`,
//!   `em`, the pixel `img` and the one canonical `link`, all in the HTML namespace (no svg/math);
//! - no attribute outside a per-element allow-list, in particular no `on*` handler and no `srcdoc`;
//! - every `href` an absolute `http(s)` URL with a host; the canonical link
//!   points at the canonical URL; the only `src` is the pixel's;
//! - `style` only where its value is exactly the profile's inline style for that element (or the
//!   pixel style on the pixel), and free of `url(`, `expression`, `behavior`, `@import`, ...;
//! - the pixel URL is the profile's template with only URL-encoded values in its placeholders;
//! - text level: no comment, CDATA, processing instruction or doctype, no tag outside the
//!   allow-list, no `<`/`>` inside an attribute value (mXSS through re-serialisation), no NUL, and
//!   nothing left open that would swallow the host page after the embed.
//!
//! Every walk here is iterative (ego_tree's traversal, byte loops): no recursion on input depth.

use std::fmt;

use regex::Regex;
use scraper::{Html, Node};
use serde::Serialize;
use url::Url;

use crate::clean::BODY_TAGS;
use crate::pattern::Pattern;
use crate::profile::{Profile, unsafe_css};

/// Which invariant a [`Violation`] breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// An element outside the allow-list (script, iframe, svg, form, ...).
    Element,
    /// An attribute outside the element's allow-list.
    Attribute,
    /// An `on*` event handler attribute.
    EventHandler,
    /// A `srcdoc` attribute.
    Srcdoc,
    /// An `href` or `src` that is not an allowed absolute URL.
    Url,
    /// A `style` attribute that is not the profile's own.
    Style,
    /// The pixel: an `img` that is not it, or a pixel URL not made from the profile template.
    Pixel,
    /// The canonical `link`: missing target, repeated, or pointing elsewhere.
    Canonical,
    /// Raw markup the parse check would not see: comments, declarations, tags, `<` in attributes.
    Markup,
    /// The embed leaves an element open, so the host page after it would be swallowed.
    Unclosed,
}

impl Rule {
    /// A short name for messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Element => "element",
            Rule::Attribute => "attribute",
            Rule::EventHandler => "event-handler",
            Rule::Srcdoc => "srcdoc",
            Rule::Url => "url",
            Rule::Style => "style",
            Rule::Pixel => "pixel",
            Rule::Canonical => "canonical",
            Rule::Markup => "markup",
            Rule::Unclosed => "unclosed",
        }
    }
}

/// One broken invariant in an embed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// The invariant.
    pub rule: Rule,
    /// What was found, with a short excerpt of the offending value.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.rule.as_str(), self.message)
    }
}

/// Elements the embed may contain besides [`BODY_TAGS`]: the template's own.
const TEMPLATE_TAGS: &[&str] = &["h1", "p", "a", "em", "img", "link"];

/// A custom element appended after the embed: if it does not end up as the last top-level node,
/// the embed left something open.
const SENTINEL: &str = "republish-safety-sentinel";

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// Placeholders the pixel template may use (see [`crate::render::fill_pixel`]).
const PIXEL_PLACEHOLDERS: &[&str] = &["{post_id}", "{canonical_url}", "{slug}", "{title}", "{host}"];

/// Check a finished embed against every output invariant. Empty means safe.
///
/// `pixel_url` is the pixel the renderer filled in (None: the embed must have no `img`);
/// `canonical` is the canonical URL the embed's `<link rel=canonical>` must point at.
pub fn check_embed(html: &str, profile: &Profile, pixel_url: Option<&str>, canonical: &str) -> Vec<Violation> {
    let mut out = Violations::default();
    check_pixel_url(profile, pixel_url, &mut out);
    if !is_web_url(canonical) {
        out.push(Rule::Canonical, format!("canonical URL {} is not an absolute http(s) URL", excerpt(canonical)));
    }
    check_raw(html, &mut out);
    check_tree(html, profile, pixel_url, canonical, &mut out);
    out.0
}

#[derive(Default)]
struct Violations(Vec<Violation>);

impl Violations {
    /// Enough to name the problem; a hostile page could otherwise produce millions.
    const MAX: usize = 100;

    fn push(&mut self, rule: Rule, message: String) {
        if self.0.len() < Self::MAX {
            self.0.push(Violation { rule, message });
        }
    }
}

/// A value for a message: at most 60 characters, control characters escaped.
fn excerpt(value: &str) -> String {
    let mut short: String = value.chars().take(60).collect();
    if short.len() < value.len() {
        short.push('…');
    }
    format!("{short:?}")
}

fn is_web_url(value: &str) -> bool {
    Url::parse(value).is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty()))
}

/// The pixel URL must be the profile's template with URL-encoded values in its placeholders.
fn check_pixel_url(profile: &Profile, pixel_url: Option<&str>, out: &mut Violations) {
    let Some(url) = pixel_url else { return };
    let Some(template) = &profile.pixel else {
        out.push(Rule::Pixel, format!("pixel URL {} but the profile has no pixel template", excerpt(url)));
        return;
    };
    if !is_web_url(url) {
        out.push(Rule::Pixel, format!("pixel URL {} is not an absolute http(s) URL", excerpt(url)));
    }
    if !pixel_pattern(template).is_some_and(|re| re.is_match(url)) {
        out.push(Rule::Pixel, format!("pixel URL {} is not the profile template with encoded values", excerpt(url)));
    }
}

/// `^literal(encoded)literal...$` for a pixel template.
fn pixel_pattern(template: &str) -> Option<Regex> {
    const ENCODED: &str = "(?:[A-Za-z0-9._~-]|%[0-9A-F]{2})*";
    let mut pattern = String::from("^");
    let mut rest = template;
    while !rest.is_empty() {
        let next = PIXEL_PLACEHOLDERS.iter().filter_map(|p| rest.find(p).map(|i| (i, p.len()))).min();
        match next {
            Some((i, len)) => {
                pattern.push_str(&regex::escape(&rest[..i]));
                pattern.push_str(ENCODED);
                rest = &rest[i + len..];
            }
            None => {
                pattern.push_str(&regex::escape(rest));
                rest = "";
            }
        }
    }
    pattern.push('$');
    Regex::new(&pattern).ok()
}

/// Markup the tree check cannot see, found by a small tokenizer over the raw text: comments,
/// CDATA, doctypes and processing instructions; tags outside the allow-list (by a parser other
/// than html5ever: a parser differential shows up here); `<` or `>` inside an attribute value,
/// which older serialisers and CMS filters turn back into markup (mXSS); NUL anywhere.
fn check_raw(html: &str, out: &mut Violations) {
    if html.contains('\0') {
        out.push(Rule::Markup, "NUL character in the output".to_owned());
    }
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(offset) = find_lt(&bytes[i..]) {
        let start = i + offset;
        i = start + 1;
        let Some(&next) = bytes.get(i) else {
            out.push(Rule::Markup, "raw '<' at the end of the output".to_owned());
            break;
        };
        match next {
            b'!' | b'?' => {
                let snippet = html.get(start..(start + 12).min(html.len())).unwrap_or("<!");
                out.push(Rule::Markup, format!("comment, declaration or processing instruction {}", excerpt(snippet)));
            }
            b'/' | b'a'..=b'z' | b'A'..=b'Z' => {
                let closing = next == b'/';
                if closing {
                    i += 1;
                }
                let name_start = i;
                while i < bytes.len() && !matches!(bytes[i], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>') {
                    i += 1;
                }
                let name = html.get(name_start..i).unwrap_or_default().to_ascii_lowercase();
                if !allowed_tag(&name) {
                    out.push(Rule::Markup, format!("raw tag <{}{}>", if closing { "/" } else { "" }, excerpt(&name).trim_matches('"')));
                }
                i = skip_attributes(html, i, out);
            }
            _ => out.push(Rule::Markup, "raw '<' not escaped as &lt;".to_owned()),
        }
    }
}

fn find_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

fn allowed_tag(name: &str) -> bool {
    BODY_TAGS.contains(&name) || TEMPLATE_TAGS.contains(&name)
}

/// Skip a tag's attributes up to and past its `>`, checking quoted values; returns the index
/// after the tag.
fn skip_attributes(html: &str, mut i: usize, out: &mut Violations) -> usize {
    let bytes = html.as_bytes();
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return i + 1,
            quote @ (b'"' | b'\'') => {
                let value_start = i + 1;
                let Some(len) = bytes[value_start..].iter().position(|&b| b == quote) else {
                    out.push(Rule::Unclosed, "attribute value never closed".to_owned());
                    return bytes.len();
                };
                let value = &html[value_start..value_start + len];
                if value.contains(['<', '>']) {
                    out.push(Rule::Markup, format!("'<' or '>' inside an attribute value {}", excerpt(value)));
                }
                i = value_start + len + 1;
            }
            b'<' => {
                out.push(Rule::Markup, "'<' inside a tag".to_owned());
                return i;
            }
            _ => i += 1,
        }
    }
    out.push(Rule::Unclosed, "tag never closed with '>'".to_owned());
    bytes.len()
}

/// Parse the embed as a browser would (in a `<body>` context) and walk the tree.
fn check_tree(html: &str, profile: &Profile, pixel_url: Option<&str>, canonical: &str, out: &mut Violations) {
    let fragment = Html::parse_fragment(&format!("{html}<{SENTINEL}></{SENTINEL}>"));
    let root = fragment.root_element();
    let mut canonical_links = 0usize;
    let mut pixels = 0usize;
    for node in root.descendants() {
        if node.id() == root.id() {
            continue;
        }
        let element = match node.value() {
            Node::Element(e) => e,
            Node::Comment(_) => {
                out.push(Rule::Markup, "comment in the output".to_owned());
                continue;
            }
            Node::ProcessingInstruction(_) | Node::Doctype(_) => {
                out.push(Rule::Markup, "doctype or processing instruction in the output".to_owned());
                continue;
            }
            _ => continue,
        };
        let name = element.name();
        if name == SENTINEL {
            let last = root.last_child().map(|c| c.id()) == Some(node.id());
            if !last || node.parent().map(|p| p.id()) != Some(root.id()) {
                out.push(Rule::Unclosed, "an element is left open: content after the embed would end up inside it".to_owned());
            }
            continue;
        }
        if &*element.name.ns != HTML_NS {
            out.push(Rule::Element, format!("<{name}> in a foreign namespace ({})", &*element.name.ns));
            continue;
        }
        if !allowed_tag(name) {
            out.push(Rule::Element, format!("<{name}> is not allowed"));
            continue;
        }
        for (attr, value) in element.attrs.iter() {
            if !attr.ns.is_empty() {
                out.push(Rule::Attribute, format!("namespaced attribute {}:{} on <{name}>", &*attr.ns, &*attr.local));
                continue;
            }
            check_attribute(name, &attr.local, value, profile, out);
        }
        match name {
            "img" => {
                pixels += 1;
                match pixel_url {
                    None => out.push(Rule::Pixel, "an <img> although there is no pixel".to_owned()),
                    Some(pixel) if element.attr("src") != Some(pixel) => {
                        out.push(Rule::Pixel, format!("<img src={}> is not the pixel", excerpt(element.attr("src").unwrap_or_default())));
                    }
                    Some(_) => {}
                }
                if pixels > 1 {
                    out.push(Rule::Pixel, "more than one <img>".to_owned());
                }
            }
            "link" => {
                canonical_links += 1;
                if element.attr("rel") != Some("canonical") {
                    out.push(Rule::Canonical, format!("<link rel={}> is not the canonical link", excerpt(element.attr("rel").unwrap_or_default())));
                }
                if element.attr("href") != Some(canonical) {
                    out.push(Rule::Canonical, format!("<link href={}> is not the canonical URL", excerpt(element.attr("href").unwrap_or_default())));
                }
                if canonical_links > 1 {
                    out.push(Rule::Canonical, "more than one <link>".to_owned());
                }
            }
            _ => {}
        }
    }
}

fn check_attribute(element: &str, attr: &str, value: &str, profile: &Profile, out: &mut Violations) {
    let lower = attr.to_ascii_lowercase();
    if lower.starts_with("on") {
        out.push(Rule::EventHandler, format!("{attr}={} on <{element}>", excerpt(value)));
        return;
    }
    if lower == "srcdoc" {
        out.push(Rule::Srcdoc, format!("srcdoc on <{element}>"));
        return;
    }
    match (element, attr) {
        (_, "style") => check_style(element, value, profile, out),
        ("a", "href") => {
            let ok = Url::parse(value).is_ok_and(|u| match u.scheme() {
                "http" | "https" => u.host_str().is_some_and(|h| !h.is_empty()),
                _ => false,
            });
            if !ok {
                out.push(Rule::Url, format!("<a href={}> is not an absolute http(s) URL", excerpt(value)));
            }
        }
        ("link", "href") => {
            if !is_web_url(value) {
                out.push(Rule::Url, format!("<link href={}> is not an absolute http(s) URL", excerpt(value)));
            }
        }
        ("link", "rel") => {}
        ("img", "src") => {
            if !is_web_url(value) {
                out.push(Rule::Url, format!("<img src={}> is not an absolute http(s) URL", excerpt(value)));
            }
        }
        ("img", "width" | "height") if value == "1" => {}
        ("img", "alt") if value.is_empty() => {}
        ("td" | "th", "colspan" | "rowspan") | ("ol", "start") if !value.is_empty() && value.len() < 6 && value.bytes().all(|b| b.is_ascii_digit()) => {}
        _ => out.push(Rule::Attribute, format!("{attr}={} on <{element}>", excerpt(value))),
    }
}

/// `style` must be one of the profile's own inline styles for that element, and inert.
fn check_style(element: &str, value: &str, profile: &Profile, out: &mut Violations) {
    let allowed: &[&str] = match element {
        // The byline, credit and licence lines are paragraphs with styles of their own.
        "p" => &["p", "byline", "credit", "licence"],
        "img" => &[],
        other => &[other],
    };
    let is_profile_style = if element == "img" {
        value == profile.pixel_style
    } else {
        allowed.iter().any(|key| profile.style(key) == Some(value))
    };
    if !is_profile_style {
        out.push(Rule::Style, format!("style={} on <{element}> is not the profile's style for it", excerpt(value)));
    }
    if let Some(bad) = unsafe_css(value) {
        out.push(Rule::Style, format!("style on <{element}> contains \"{bad}\""));
    }
}

/// Raw HTML constructs that must never appear in an embed, as a quick text-level test for
/// callers that have only the string (tests, the fuzz targets): true when none is present.
// Text is always escaped (`<` as `&lt;`/`&#60;`), so a raw `<` + letter starts a real tag;
// attribute patterns are looked for only inside such a tag, never in escaped text.
pub static FORBIDDEN_TEXT: Pattern = Pattern::new(concat!(
        r"(?i)<\s*/?\s*(script|style|iframe|frame|frameset|object|embed|applet|svg|math|template|base|meta|form|input|button|select|textarea|noscript|xmp|plaintext|noembed|noframes|title|portal|param|image|isindex)\b",
        r"|<!--|<!\[cdata\[",
        r"|<[a-z][^<>]*\son[a-z]+\s*=",
        r"|<[a-z][^<>]*\ssrcdoc\s*=",
        r"|<[a-z][^<>]*\s(href|src|action|formaction|data)\s*=\s*[\x22\x27]?\s*(javascript|vbscript|data|file):",
    ));

/// The base URL the invariant harnesses give pages without a canonical link, so that they reach
/// the renderer.
pub const HARNESS_BASE: &str = "https://fuzz.example/2025/01/02/story/";

/// The fuzz `pipeline` target's property, also run by `cargo test` over the seed corpus and the
/// regression inputs: decode and process `bytes`; the pipeline must not panic or refuse its own
/// embed, and an embed must pass [`check_embed`] and [`FORBIDDEN_TEXT`], and its body must be a
/// fixed point of the cleaner. Err describes the broken property.
pub fn pipeline_property(bytes: &[u8]) -> Result<(), String> {
    let Ok((html, encoding)) = crate::load::decode(bytes, None) else { return Ok(()) };
    let loaded = crate::load::Loaded { html, url: None, encoding: encoding.name() };
    let mut settings = crate::Settings::default();
    settings.extract.base_url = Url::parse(HARNESS_BASE).ok();
    let outcome = match crate::process_loaded(&loaded, &settings) {
        Ok(outcome) => outcome,
        Err(crate::Error::Unsafe(message)) => return Err(message),
        Err(_) => return Ok(()),
    };
    let profile = settings.builtins.iter().find(|p| p.name == outcome.profile).ok_or("unknown profile in the outcome")?;
    let base = outcome.meta.canonical_url.as_ref().or(outcome.meta.page_url.as_ref());
    body_property(&outcome.cleaned.html, base, profile)?;
    // `process_loaded` ran `check_embed` on the embed already (`Error::Unsafe` above).
    match outcome.rendered.as_ref().and_then(|r| FORBIDDEN_TEXT.find(&r.html)) {
        Some(m) => Err(format!("embed: forbidden text {}", excerpt(m.as_str()))),
        None => Ok(()),
    }
}

/// The fuzz `clean` target's property: `fragment` through [`crate::clean::clean_fragment`] with
/// the built-in profile `profile_name` must give a body that passes [`check_embed`] (no pixel)
/// and is a fixed point of the cleaner.
pub fn clean_property(fragment: &str, profile_name: &str) -> Result<(), String> {
    let profile = Profile::builtin(profile_name).ok_or("unknown profile")?;
    let base = Url::parse(HARNESS_BASE).ok();
    let cleaned = crate::clean::clean_fragment(fragment, base.as_ref(), &profile);
    body_property(&cleaned, base.as_ref(), &profile)
}

/// A cleaned body alone: safe, and unchanged by a second pass through the cleaner.
fn body_property(body: &str, base: Option<&Url>, profile: &Profile) -> Result<(), String> {
    let violations = check_embed(body, profile, None, base.map_or(HARNESS_BASE, Url::as_str));
    if let Some(v) = violations.first() {
        return Err(format!("body: {v}"));
    }
    if let Some(m) = FORBIDDEN_TEXT.find(body) {
        return Err(format!("body: forbidden text {}", excerpt(m.as_str())));
    }
    let again = crate::clean::clean_fragment(body, base, profile);
    if again != body {
        let at = body.bytes().zip(again.bytes()).take_while(|(a, b)| a == b).count();
        let from = char_floor(body, at.saturating_sub(40));
        return Err(format!(
            "the cleaner is not idempotent: at byte {at}, {} became {}",
            excerpt(&body[from..]),
            excerpt(&again[char_floor(&again, from)..])
        ));
    }
    Ok(())
}

/// The largest char boundary of `s` at or before `i`.
fn char_floor(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    const CANONICAL: &str = "https://news.example/2025/01/02/story/";

    fn profile() -> Profile {
        Profile::from_toml(
            "name='t'\npixel='https://px.example/p.gif?id={post_id}&u={canonical_url}'\n[credit]\ntemplate='From {publisher}.'\n[styles]\np='margin:0 0 1em'\nh1='font-size:2em'\ncredit='font-style:italic'\n",
            "t",
        )
        .unwrap()
    }

    const PIXEL: &str = "https://px.example/p.gif?id=42&u=https%3A%2F%2Fnews.example%2F2025%2F01%2F02%2Fstory%2F";

    fn good() -> String {
        format!(
            "<link rel=\"canonical\" href=\"{CANONICAL}\">\n<h1 style=\"font-size:2em\">A &lt;b&gt; title</h1>\n<p style=\"margin:0 0 1em\">By <a href=\"https://news.example/a/\">Ann</a></p>\n<p style=\"margin:0 0 1em\">Body <a href=\"https://news.example/mail/\">mail</a> &amp; text.</p>\n<table><tbody><tr><td colspan=\"2\">c</td></tr></tbody></table>\n<p style=\"font-style:italic\"><em>From <a href=\"{CANONICAL}\">News</a>.</em></p>\n<img src=\"{}\" width=\"1\" height=\"1\" alt=\"\" style=\"width:1px;height:1px;border:0\">\n",
            PIXEL.replace('&', "&amp;")
        )
    }

    fn rules(html: &str) -> Vec<Rule> {
        check_embed(html, &profile(), Some(PIXEL), CANONICAL).into_iter().map(|v| v.rule).collect()
    }

    #[test]
    fn a_good_embed_passes() {
        assert_eq!(check_embed(&good(), &profile(), Some(PIXEL), CANONICAL), vec![]);
        assert!(!FORBIDDEN_TEXT.is_match(&good()));
    }

    #[test]
    fn forged_embeds_are_caught() {
        let cases: &[(&str, Rule)] = &[
            ("<script>alert(1)</script>", Rule::Element),
            ("<p onclick=\"alert(1)\">x</p>", Rule::EventHandler),
            ("<p ONMOUSEOVER=alert(1)>x</p>", Rule::EventHandler),
            ("<a href=\"javascript:alert(1)\">x</a>", Rule::Url),
            ("<a href=\" jav&#x09;ascript:alert(1)\">x</a>", Rule::Url),
            ("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", Rule::Url),
            ("<a href=\"/relative\">x</a>", Rule::Url),
            ("<a href=\"vbscript:msgbox(1)\">x</a>", Rule::Url),
            ("<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>", Rule::Element),
            ("<p srcdoc=\"x\">x</p>", Rule::Srcdoc),
            ("<svg><a href=\"#\">x</a></svg>", Rule::Element),
            ("<math><mi>x</mi></math>", Rule::Element),
            ("<p style=\"background:url(https://evil.example/x)\">x</p>", Rule::Style),
            ("<p style=\"color:red\">x</p>", Rule::Style),
            ("<h2 style=\"margin:0 0 1em\">x</h2>", Rule::Style),
            ("<img src=\"https://evil.example/x.gif\">", Rule::Pixel),
            ("<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">", Rule::Canonical),
            ("<base href=\"https://evil.example/\">", Rule::Element),
            ("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">", Rule::Element),
            ("<form action=\"https://evil.example/\"><input name=x></form>", Rule::Element),
            ("<template><p>x</p></template>", Rule::Element),
            ("<style>p{color:red}</style>", Rule::Element),
            ("<!-- <script>alert(1)</script> -->", Rule::Markup),
            ("<p id=\"x\">x</p>", Rule::Attribute),
            ("<a href=\"https://ok.example/\" target=\"_blank\">x</a>", Rule::Attribute),
            ("<p>open", Rule::Unclosed),
            ("<a href=\"https://ok.example/\">open", Rule::Unclosed),
            ("<table><tr><td>x", Rule::Unclosed),
            ("<a href=\"mailto:<img src=x onerror=alert(1)>\">x</a>", Rule::Markup),
            ("<p title=\"x\">x</p>", Rule::Attribute),
            ("<table><tbody><tr><td colspan=\"1;x\">x</td></tr></tbody></table>", Rule::Attribute),
        ];
        for (forged, rule) in cases {
            let html = format!("{}{forged}\n", good());
            let found = rules(&html);
            assert!(found.contains(rule), "{forged}: expected {rule:?}, got {:?}", check_embed(&html, &profile(), Some(PIXEL), CANONICAL));
        }
    }

    #[test]
    fn the_pixel_and_the_canonical_link_are_pinned() {
        // Another URL in place of the pixel.
        let html = good().replace(&PIXEL.replace('&', "&amp;"), "https://px.example/p.gif?id=1");
        assert!(rules(&html).contains(&Rule::Pixel));
        // A pixel value that is not encoded.
        let raw = "https://px.example/p.gif?id=4\"2&u=x";
        assert!(check_embed(&good(), &profile(), Some(raw), CANONICAL).iter().any(|v| v.rule == Rule::Pixel));
        // An img without a pixel.
        assert!(check_embed(&good(), &profile(), None, CANONICAL).iter().any(|v| v.rule == Rule::Pixel));
        // The canonical link elsewhere, or twice.
        assert!(check_embed(&good(), &profile(), Some(PIXEL), "https://other.example/").iter().any(|v| v.rule == Rule::Canonical));
        let twice = format!("{}<link rel=\"canonical\" href=\"{CANONICAL}\">", good());
        assert!(rules(&twice).contains(&Rule::Canonical));
        // Pixel style only on the pixel.
        let html = good().replace("width:1px;height:1px;border:0", "width:1px;background:url(x)");
        assert!(rules(&html).contains(&Rule::Style));
    }

    #[test]
    fn pixel_pattern_accepts_only_encoded_values() {
        let re = pixel_pattern("https://p.example/{slug}.gif?u={canonical_url}&x={unknown}").unwrap();
        assert!(re.is_match("https://p.example/a-b_c.gif?u=https%3A%2F%2Fx.org%2F&x={unknown}"));
        assert!(!re.is_match("https://p.example/a/b.gif?u=x&x={unknown}"));
        assert!(!re.is_match("https://p.example/a.gif?u=x\"&x={unknown}"));
        assert!(!re.is_match("https://p.example/a.gif?u=%zz&x={unknown}"));
    }

    #[test]
    fn violations_are_capped_and_text_check_works() {
        let many = "<p onclick=x>x</p>".repeat(1000);
        assert_eq!(check_embed(&many, &profile(), None, CANONICAL).len(), Violations::MAX);
        for bad in ["<SCRIPT>", "< /script>", "<p onclick =x>", "<a href=' javascript:x'>", "<!-- x -->", "<p srcdoc=x>", "<A HREF=\"JavaScript:x\">"] {
            assert!(FORBIDDEN_TEXT.is_match(bad), "{bad}");
        }
        for fine in ["<p>on the record, javascript: a language</p>", "<h1>&#60;img src=x onerror=alert(1)&#62;</h1>", "<p>a href=\"javascript:x\"</p>"] {
            assert!(!FORBIDDEN_TEXT.is_match(fine), "{fine}");
        }
    }
}

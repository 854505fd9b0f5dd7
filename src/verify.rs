//! Verification of a partner's copy of a story: does the page a partner published keep the
//! canonical link, the tracking pixel, the byline, the credit line, the text and the links of the
//! embed it was given? See `docs/verify.md` for every rule.
//!
//! Pure: the caller runs the original through [`crate::process`], loads and parses the partner page
//! once, and gets a [`Report`] back. The partner's article body is found with the same extractor
//! and cleaner as the original's ([`crate::extract::extract`], [`crate::clean::clean`]), so the two
//! bodies are comparable paragraph by paragraph. Paragraphs are matched by content, not position:
//! a partner's CMS adds its own headline, byline and furniture around the copy.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use scraper::{ElementRef, Html, Selector};
use serde::Serialize;
use serde_json::{Value, json};
use similar::{ChangeTag, TextDiff};
use url::Url;

use crate::Outcome;
use crate::clean::{self, Link};
use crate::extract::text::{collapse, element_text, is_breaking};
use crate::extract::tracking::untracked;
use crate::extract::{self, Article, Body, BodySource, Metadata, Removal};
use crate::parse::Page;
use crate::pattern::Pattern;
use crate::profile::Profile;

/// The default `--threshold`: the least overall text similarity a compliant copy has.
pub const DEFAULT_THRESHOLD: f64 = 0.98;
/// Two paragraphs at least this similar (word-level ratio) are the same paragraph, changed.
pub const MIN_CHANGED_RATIO: f64 = 0.6;
/// Author names must appear within this many words before the article's first paragraph.
pub const BYLINE_WINDOW_WORDS: usize = 150;
/// Above this many paragraph pairs, only identical paragraphs are matched (hostile inputs).
const MAX_PAIRS: usize = 4_000_000;

/// What the partner received: the parts of the original's embed that a copy must keep.
#[derive(Debug, Clone)]
pub struct Expected {
    /// The original's canonical URL (the canonical link and the credit point here).
    pub canonical: Url,
    /// The pixel URL, unescaped; `None` when the profile has no pixel.
    pub pixel_url: Option<String>,
    /// The authors' names, in byline order.
    pub authors: Vec<String>,
    /// The publisher's name, as the credit line gives it.
    pub publisher: String,
    /// The credit line as text.
    pub credit: String,
    /// The body's paragraphs.
    pub paragraphs: Vec<String>,
    /// The body's hyperlinks.
    pub links: Vec<Link>,
    /// Text blocks of the embed outside the body (headline, byline, date, credit, licence):
    /// a partner's copy has them too, and they are not "added" paragraphs.
    pub furniture: Vec<String>,
}

impl Expected {
    /// What a partner received for this outcome; `None` when the story was refused (no embed).
    pub fn from_outcome(outcome: &Outcome) -> Option<Expected> {
        let rendered = outcome.rendered.as_ref()?;
        let canonical = outcome.meta.canonical_url.clone().or_else(|| outcome.meta.page_url.clone())?;
        let publisher = outcome
            .meta
            .publisher
            .clone()
            .or_else(|| canonical.host_str().map(|h| h.trim_start_matches("www.").to_owned()))
            .unwrap_or_default();
        let body: HashSet<String> = outcome.cleaned.paragraphs.iter().map(|p| normalize(p)).collect();
        let fragment = Html::parse_fragment(&rendered.html);
        let furniture = fragment
            .root_element()
            .children()
            .filter_map(ElementRef::wrap)
            .map(element_text)
            .filter(|t| !t.is_empty() && !body.contains(&normalize(t)))
            .collect();
        Some(Expected {
            canonical,
            pixel_url: rendered.pixel_url.clone(),
            authors: outcome.meta.authors.iter().map(|a| a.name.clone()).collect(),
            publisher,
            credit: rendered.credit.clone(),
            paragraphs: outcome.cleaned.paragraphs.clone(),
            links: outcome.cleaned.links.clone(),
            furniture,
        })
    }
}

/// Verification settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// The least overall similarity of the text (0..=1).
    pub threshold: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options { threshold: DEFAULT_THRESHOLD }
    }
}

/// One check's result.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// `canonical`, `pixel`, `byline`, `credit`, `text`, `links` or `images`.
    pub name: &'static str,
    /// Whether the copy passes it.
    pub pass: bool,
    /// One line for people.
    pub detail: String,
    /// What was found, for machines.
    pub evidence: Value,
    /// Extra lines for the text format (changed paragraphs, dropped links...).
    #[serde(skip)]
    pub items: Vec<String>,
}

/// The verdict on one partner page.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Every check passes.
    pub compliant: bool,
    /// The overall text similarity (see [`Matching::similarity`]).
    pub similarity: f64,
    /// The checks, in a fixed order.
    pub checks: Vec<Check>,
}

impl Report {
    /// The check of this name.
    pub fn check(&self, name: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.name == name)
    }
}

/// Verify a parsed partner page against what its partner received. `profile` is used to extract
/// the partner's article (the generic profile: a partner's site is not the publisher's template).
pub fn verify(expected: &Expected, page: &Page, profile: &Profile, options: &Options) -> Report {
    let base = page.url.clone();
    let article = extract::extract(page, profile, &extract::Options::default()).ok();
    let body = article.as_ref().map(clean::clean);
    let whole = clean_whole_page(page, profile);

    // The text pool: the extracted body, unless the whole page holds more of the original (the
    // extractor chose too small a container, or found none).
    let ignore = &expected.furniture;
    let whole_match = match_paragraphs(&expected.paragraphs, &whole.paragraphs, ignore);
    let (pool, matching, pool_name) = match &body {
        Some(body) => {
            let body_match = match_paragraphs(&expected.paragraphs, &body.paragraphs, ignore);
            if whole_match.equal_words > body_match.equal_words {
                (&whole, whole_match.clone(), "page")
            } else {
                (body, body_match, "body")
            }
        }
        None => (&whole, whole_match.clone(), "page"),
    };

    let pixel = check_pixel(expected, &page.html, base.as_ref());
    let mut checks = vec![
        check_canonical(expected, &page.html, base.as_ref()),
        pixel.check,
        check_byline(expected, &page_words(&page.html), &pool.paragraphs, &matching),
        check_credit(expected, &page.html, base.as_ref(), &whole.paragraphs),
        check_text(expected, &pool.paragraphs, &matching, options, pool_name),
        check_links(expected, &pool.links, &matching),
    ];
    let images: Vec<_> = article
        .as_ref()
        .map(|a| a.images.iter().filter(|i| !i.src.as_ref().is_some_and(|s| pixel.candidates.contains(s))).cloned().collect())
        .unwrap_or_default();
    checks.push(check_images(&images));
    Report { compliant: checks.iter().all(|c| c.pass), similarity: matching.similarity, checks }
}

/// The whole page through the cleaner, leaving out only what readers cannot see: every paragraph
/// of the page, in document order, for locating the byline and as a fallback text pool.
fn clean_whole_page(page: &Page, profile: &Profile) -> clean::Cleaned {
    let root = page.html.root_element();
    let mut removed = FxHashMap::default();
    for element in root.descendants().filter_map(ElementRef::wrap) {
        if self_hidden(element).is_some() {
            removed.insert(element.id(), Removal::Hidden);
        }
    }
    let base = page.url.clone().or_else(|| head_canonicals(&page.html, None).into_iter().next());
    let meta = Metadata { canonical_url: base, page_url: page.url.clone(), ..Metadata::default() };
    let article = Article { page, profile, meta, body: Body { root, removed, source: BodySource::Scored }, images: Vec::new() };
    clean::clean(&article)
}

// ---------------------------------------------------------------------------------------------
// Text helpers

/// Typographic variants to plain ASCII, whitespace collapsed: what "the same text" means.
pub fn normalize(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect();
    collapse(&mapped.replace('\u{2026}', "..."))
}

/// Lower-cased runs of letters and digits: for finding names and sentences in page text.
fn word_tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

fn contains_seq(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A word-level diff of two paragraphs: its ratio, the words they share, and the diff as
/// `kept [-deleted-]{+inserted+}` text.
pub fn word_diff(original: &str, partner: &str) -> (f64, usize, String) {
    let diff = TextDiff::from_words(original, partner);
    let (mut out, mut deleted, mut inserted, mut space) = (String::new(), String::new(), String::new(), String::new());
    let flush = |out: &mut String, deleted: &mut String, inserted: &mut String| {
        if !deleted.is_empty() {
            out.push_str(&format!("[-{deleted}-]"));
        }
        if !inserted.is_empty() {
            out.push_str(&format!("{{+{inserted}+}}"));
        }
        deleted.clear();
        inserted.clear();
    };
    let mut equal = 0;
    for change in diff.iter_all_changes() {
        let value = change.value();
        let blank = value.trim().is_empty();
        if blank {
            // Spaces go where the next word goes: inside a run of changes, or before a kept word.
            space.push_str(value);
            continue;
        }
        match change.tag() {
            ChangeTag::Equal => {
                flush(&mut out, &mut deleted, &mut inserted);
                out.push_str(&space);
                out.push_str(value);
                equal += 1;
            }
            tag => {
                if deleted.is_empty() && inserted.is_empty() {
                    out.push_str(&space);
                }
                let side = if tag == ChangeTag::Delete { &mut deleted } else { &mut inserted };
                if !side.is_empty() {
                    side.push(' ');
                }
                side.push_str(value);
            }
        }
        space.clear();
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out.push_str(&space);
    (f64::from(diff.ratio()), equal, collapse(&out))
}

// ---------------------------------------------------------------------------------------------
// Paragraph matching

/// An original paragraph and its counterpart in the partner's copy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// Index in the original's paragraphs.
    pub original: usize,
    /// Index in the partner's paragraphs.
    pub partner: usize,
    /// Word-level similarity (1.0: identical after normalization).
    pub ratio: f64,
    /// Words the two share.
    pub equal_words: usize,
    /// The word diff (`[-deleted-]{+inserted+}`), when they differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
}

/// How the original's paragraphs map onto the partner's.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Matching {
    /// Matched paragraphs, in order on both sides.
    pub pairs: Vec<Pair>,
    /// Original paragraphs found nowhere.
    pub missing: Vec<usize>,
    /// Partner paragraphs with no counterpart, between the first and last matched ones.
    pub added: Vec<usize>,
    /// Words shared by matched paragraphs.
    pub equal_words: usize,
    /// Words of the original.
    pub original_words: usize,
    /// Words of the partner's copy: matched and added paragraphs.
    pub partner_words: usize,
    /// `2 × shared words / (original words + partner words)`: 1.0 for an exact copy; lowered by
    /// missing, changed and added text alike.
    pub similarity: f64,
}

impl Matching {
    /// Pairs whose paragraphs differ.
    pub fn changed(&self) -> impl Iterator<Item = &Pair> {
        self.pairs.iter().filter(|p| p.diff.is_some())
    }
}

/// Match paragraphs by content: the heaviest (by words × similarity) chain of pairs that keeps the
/// order of both sides, each pair at least [`MIN_CHANGED_RATIO`] similar. Partner paragraphs equal
/// to one of `ignore` (the embed's own headline, byline, credit...) are never "added".
pub fn match_paragraphs(original: &[String], partner: &[String], ignore: &[String]) -> Matching {
    let on: Vec<String> = original.iter().map(|p| normalize(p)).collect();
    let pn: Vec<String> = partner.iter().map(|p| normalize(p)).collect();
    let ow: Vec<usize> = on.iter().map(|p| word_count(p)).collect();
    let pw: Vec<usize> = pn.iter().map(|p| word_count(p)).collect();
    let full = on.len().saturating_mul(pn.len()) <= MAX_PAIRS;
    let osets: Vec<HashSet<String>> = if full { on.iter().map(|p| word_tokens(p).into_iter().collect()).collect() } else { Vec::new() };
    let psets: Vec<HashSet<String>> = if full { pn.iter().map(|p| word_tokens(p).into_iter().collect()).collect() } else { Vec::new() };
    let mut exact: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, p) in pn.iter().enumerate() {
        exact.entry(p.as_str()).or_default().push(j);
    }

    // Candidate pairs (i, j, ratio), by i ascending.
    let mut candidates: Vec<(usize, usize, f64)> = Vec::new();
    for (i, o) in on.iter().enumerate() {
        if o.is_empty() {
            continue;
        }
        if !full {
            candidates.extend(exact.get(o.as_str()).into_iter().flatten().map(|&j| (i, j, 1.0)));
            continue;
        }
        for (j, p) in pn.iter().enumerate() {
            if o == p {
                candidates.push((i, j, 1.0));
                continue;
            }
            let (a, b) = (&osets[i], &psets[j]);
            let (short, long) = (ow[i].min(pw[j]), ow[i].max(pw[j]));
            if a.is_empty() || b.is_empty() || (short as f64) < 0.4 * long as f64 {
                continue;
            }
            let common = a.intersection(b).count();
            if (2 * common) as f64 / ((a.len() + b.len()) as f64) < 0.4 {
                continue;
            }
            let ratio = f64::from(TextDiff::from_words(o.as_str(), p.as_str()).ratio());
            if ratio >= MIN_CHANGED_RATIO {
                candidates.push((i, j, ratio));
            }
        }
    }

    // Heaviest increasing chain: a Fenwick tree of prefix maxima over partner indices; the
    // candidates of one original paragraph are scored before any of them is inserted.
    let m = pn.len();
    let mut tree: Vec<(f64, usize)> = vec![(0.0, usize::MAX); m + 1];
    let query = |tree: &Vec<(f64, usize)>, mut k: usize| {
        let mut best = (0.0, usize::MAX);
        while k > 0 {
            if tree[k].0 > best.0 {
                best = tree[k];
            }
            k &= k - 1;
        }
        best
    };
    let mut score = vec![0.0; candidates.len()];
    let mut back = vec![usize::MAX; candidates.len()];
    let mut start = 0;
    while start < candidates.len() {
        let i = candidates[start].0;
        let end = start + candidates[start..].iter().take_while(|c| c.0 == i).count();
        for c in start..end {
            let (_, j, ratio) = candidates[c];
            let (prev, idx) = query(&tree, j);
            score[c] = prev + ratio * ow[i].max(1) as f64;
            back[c] = idx;
        }
        for c in start..end {
            let mut k = candidates[c].1 + 1;
            while k <= m {
                if score[c] > tree[k].0 {
                    tree[k] = (score[c], c);
                }
                k += k & k.wrapping_neg();
            }
        }
        start = end;
    }
    let mut chain = Vec::new();
    let mut at = query(&tree, m).1;
    while at != usize::MAX {
        chain.push(at);
        at = back[at];
    }
    chain.reverse();

    let mut matching = Matching { original_words: ow.iter().sum(), ..Matching::default() };
    let mut matched_o = vec![false; on.len()];
    let mut matched_p = vec![false; pn.len()];
    for c in chain {
        let (i, j, _) = candidates[c];
        matched_o[i] = true;
        matched_p[j] = true;
        let pair = if on[i] == pn[j] {
            Pair { original: i, partner: j, ratio: 1.0, equal_words: ow[i], diff: None }
        } else {
            let (ratio, equal_words, diff) = word_diff(&on[i], &pn[j]);
            Pair { original: i, partner: j, ratio, equal_words, diff: Some(diff) }
        };
        matching.equal_words += pair.equal_words;
        matching.partner_words += pw[j];
        matching.pairs.push(pair);
    }
    matching.missing = (0..on.len()).filter(|&i| !matched_o[i] && !on[i].is_empty()).collect();
    let ignore: HashSet<String> = ignore.iter().map(|s| normalize(s)).collect();
    if let (Some(first), Some(last)) = (matching.pairs.first(), matching.pairs.last()) {
        for j in first.partner + 1..last.partner {
            if !matched_p[j] && !pn[j].is_empty() && !ignore.contains(&pn[j]) {
                matching.added.push(j);
                matching.partner_words += pw[j];
            }
        }
    }
    let total = matching.original_words + matching.partner_words;
    matching.similarity = if total == 0 { 1.0 } else { (2 * matching.equal_words) as f64 / total as f64 };
    matching
}

// ---------------------------------------------------------------------------------------------
// DOM helpers

static STYLE_DISPLAY_NONE: Pattern = Pattern::new(r"(?i)(?:^|;)\s*display\s*:\s*none\b");
static STYLE_VISIBILITY_HIDDEN: Pattern = Pattern::new(r"(?i)(?:^|;)\s*visibility\s*:\s*(?:hidden|collapse)\b");
static IMG: LazyLock<Selector> = LazyLock::new(|| Selector::parse("img").expect("valid selector"));
static NOSCRIPT: LazyLock<Selector> = LazyLock::new(|| Selector::parse("noscript").expect("valid selector"));
static LINKS: LazyLock<Selector> = LazyLock::new(|| Selector::parse("a[href]").expect("valid selector"));
static HEAD_LINK: LazyLock<Selector> = LazyLock::new(|| Selector::parse("head link[rel][href]").expect("valid selector"));
static BODY_LINK: LazyLock<Selector> = LazyLock::new(|| Selector::parse("body link[rel][href]").expect("valid selector"));
static ROBOTS: LazyLock<Selector> = LazyLock::new(|| Selector::parse("meta[name][content]").expect("valid selector"));

/// `<div class="a" id="b">`, for messages.
fn describe(element: ElementRef<'_>) -> String {
    let e = element.value();
    let mut out = format!("<{}", e.name());
    for attr in ["id", "class"] {
        if let Some(v) = e.attr(attr) {
            out.push_str(&format!(" {attr}=\"{}\"", collapse(v)));
        }
    }
    out.push('>');
    out
}

/// Why this element itself is not rendered: `hidden`, `display:none`, `visibility:hidden` (inline
/// styles only: stylesheets are not evaluated).
fn self_hidden(element: ElementRef<'_>) -> Option<&'static str> {
    let e = element.value();
    if e.attr("hidden").is_some() {
        return Some("hidden attribute");
    }
    let style = e.attr("style")?;
    if STYLE_DISPLAY_NONE.is_match(style) {
        Some("display:none")
    } else if STYLE_VISIBILITY_HIDDEN.is_match(style) {
        Some("visibility:hidden")
    } else {
        None
    }
}

/// Why an element is not rendered, looking at itself and its ancestors: "display:none on <div>".
fn hidden_by(element: ElementRef<'_>) -> Option<String> {
    std::iter::once(element)
        .chain(element.ancestors().filter_map(ElementRef::wrap))
        .find_map(|e| self_hidden(e).map(|why| format!("{why} on {}", describe(e))))
}

fn resolve(href: &str, base: Option<&Url>) -> Option<Url> {
    let href: String = href.chars().filter(|c| !c.is_control()).collect();
    let href = href.trim();
    match base {
        Some(base) => base.join(href).ok(),
        None => Url::parse(href).ok(),
    }
}

/// Same URL for the canonical and credit checks: scheme, host, port, path and query equal; the
/// fragment, a trailing slash on the path and other parties' tracking ([`untracked`]: the embed
/// drops it, a copy of an older embed may keep it) are ignored.
pub fn same_url(a: &Url, b: &Url) -> bool {
    same_untracked_url(&untracked(a.clone()), &untracked(b.clone()))
}

/// [`same_url`] for URLs already without tracking.
fn same_untracked_url(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
        && a.path().trim_end_matches('/') == b.path().trim_end_matches('/')
        && a.query() == b.query()
}

fn rel_has(element: ElementRef<'_>, token: &str) -> bool {
    element.value().attr("rel").is_some_and(|rel| rel.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case(token)))
}

fn head_canonicals(html: &Html, base: Option<&Url>) -> Vec<Url> {
    html.select(&HEAD_LINK).filter(|l| rel_has(*l, "canonical")).filter_map(|l| resolve(l.value().attr("href")?, base)).collect()
}

fn fail_or_pass(name: &'static str, pass: bool, detail: String, evidence: Value) -> Check {
    Check { name, pass, detail, evidence, items: Vec::new() }
}

// ---------------------------------------------------------------------------------------------
// 1. canonical

fn check_canonical(expected: &Expected, html: &Html, base: Option<&Url>) -> Check {
    let want = &expected.canonical;
    let head = head_canonicals(html, base);
    let body: Vec<Url> =
        html.select(&BODY_LINK).filter(|l| rel_has(*l, "canonical")).filter_map(|l| resolve(l.value().attr("href")?, base)).collect();
    let noindex = html.select(&ROBOTS).any(|m| {
        let e = m.value();
        let name = e.attr("name").unwrap_or_default();
        (name.eq_ignore_ascii_case("robots") || name.eq_ignore_ascii_case("googlebot"))
            && e.attr("content").is_some_and(|c| c.split(',').any(|t| t.trim().eq_ignore_ascii_case("noindex") || t.trim().eq_ignore_ascii_case("none")))
    });
    let evidence = json!({
        "expected": want.as_str(),
        "head": head.iter().map(Url::as_str).collect::<Vec<_>>(),
        "body": body.iter().map(Url::as_str).collect::<Vec<_>>(),
        "noindex": noindex,
    });
    let (pass, detail) = if head.is_empty() {
        if noindex {
            (true, "noindex, no canonical".to_owned())
        } else if body.iter().any(|u| same_url(u, want)) {
            (false, format!("<link rel=\"canonical\"> to {want} is in the body, not the head: search engines ignore it"))
        } else {
            (false, format!("missing: no <link rel=\"canonical\"> in the head (expected {want})"))
        }
    } else if head.iter().all(|u| same_url(u, want)) {
        (true, if noindex { format!("{want} (and noindex)") } else { want.to_string() })
    } else if head.iter().any(|u| same_url(u, want)) {
        let others: Vec<&str> = head.iter().filter(|u| !same_url(u, want)).map(Url::as_str).collect();
        (false, format!("conflicting canonical links: {want} and {}", others.join(", ")))
    } else {
        (false, format!("points to {}, not {want}", head[0]))
    };
    fail_or_pass("canonical", pass, detail, evidence)
}

// ---------------------------------------------------------------------------------------------
// 2. pixel

/// How an image URL relates to the expected pixel URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PixelMatch {
    /// The very URL.
    Exact,
    /// The same URL once parsed (other percent-encoding, parameters in another order).
    Equivalent,
    /// `&amp;` left in the URL (double-escaped HTML): the server gets parameters named `amp;...`.
    AmpEncoded,
    /// The same path on another host.
    OtherHost {
        /// The host found.
        host: String,
    },
    /// `http` for `https` or the reverse.
    OtherScheme {
        /// The scheme found.
        scheme: String,
    },
    /// Same host and path, other query parameters.
    Params {
        /// Parameters of the expected URL that are absent.
        missing: Vec<String>,
        /// Parameters present with another value.
        changed: Vec<String>,
        /// Parameters the expected URL does not have.
        added: Vec<String>,
    },
}

impl PixelMatch {
    /// Whether the pixel server gets the hit it expects.
    pub fn is_ok(&self) -> bool {
        matches!(self, PixelMatch::Exact | PixelMatch::Equivalent)
    }

    /// For messages: "another host (evil.example)".
    pub fn describe(&self) -> String {
        match self {
            PixelMatch::Exact => "exact".into(),
            PixelMatch::Equivalent => "equivalent (re-encoded)".into(),
            PixelMatch::AmpEncoded => "&amp; left encoded in the URL (the parameters arrive as \"amp;...\")".into(),
            PixelMatch::OtherHost { host } => format!("another host ({host})"),
            PixelMatch::OtherScheme { scheme } => format!("another scheme ({scheme})"),
            PixelMatch::Params { missing, changed, added } => {
                let mut parts = Vec::new();
                if !missing.is_empty() {
                    parts.push(format!("dropped parameters: {}", missing.join(", ")));
                }
                if !changed.is_empty() {
                    parts.push(format!("changed parameters: {}", changed.join(", ")));
                }
                if !added.is_empty() {
                    parts.push(format!("added parameters: {}", added.join(", ")));
                }
                parts.join("; ")
            }
        }
    }
}

/// Classify an image URL (as the DOM gives it: entities decoded once) against the pixel URL.
/// `None`: not the pixel at all (another path).
pub fn classify_pixel(expected: &str, src: &str, base: Option<&Url>) -> Option<PixelMatch> {
    let src = src.trim();
    if src == expected {
        return Some(PixelMatch::Exact);
    }
    let want = Url::parse(expected).ok()?;
    let placeholder = Url::parse("http://partner.invalid/").expect("valid URL");
    let found = resolve(src, Some(base.unwrap_or(&placeholder)))?;
    if found.path() != want.path() {
        return None;
    }
    if src.to_ascii_lowercase().contains("&amp;") {
        return Some(PixelMatch::AmpEncoded);
    }
    let other_port = found.scheme() == want.scheme() && found.port_or_known_default() != want.port_or_known_default();
    if found.host_str() != want.host_str() || other_port {
        let host = found.host_str().unwrap_or("none");
        return Some(PixelMatch::OtherHost { host: found.port().map_or_else(|| host.to_owned(), |p| format!("{host}:{p}")) });
    }
    let pairs = |u: &Url| {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (k, v) in u.query_pairs() {
            map.entry(k.into_owned()).or_default().push(v.into_owned());
        }
        map
    };
    let (want_q, found_q) = (pairs(&want), pairs(&found));
    let missing: Vec<String> = want_q.keys().filter(|k| !found_q.contains_key(*k)).cloned().collect();
    let changed: Vec<String> = want_q.iter().filter(|(k, v)| found_q.get(*k).is_some_and(|f| f != *v)).map(|(k, _)| k.clone()).collect();
    let added: Vec<String> = found_q.keys().filter(|k| !want_q.contains_key(*k)).cloned().collect();
    if !(missing.is_empty() && changed.is_empty() && added.is_empty()) {
        return Some(PixelMatch::Params { missing, changed, added });
    }
    if found.scheme() != want.scheme() {
        return Some(PixelMatch::OtherScheme { scheme: found.scheme().to_owned() });
    }
    Some(PixelMatch::Equivalent)
}

struct PixelResult {
    check: Check,
    /// Image URLs that are (versions of) the pixel: not "added images".
    candidates: HashSet<String>,
}

fn check_pixel(expected: &Expected, html: &Html, base: Option<&Url>) -> PixelResult {
    let Some(want) = expected.pixel_url.as_deref() else {
        let check = fail_or_pass("pixel", true, "no pixel expected (the profile has none)".into(), json!({ "expected": null }));
        return PixelResult { check, candidates: HashSet::new() };
    };
    struct Found {
        src: String,
        attr: &'static str,
        status: PixelMatch,
        hidden: Option<String>,
        lazy: bool,
    }
    let mut found = Vec::new();
    for img in html.select(&IMG) {
        for attr in ["src", "data-src", "data-lazy-src", "data-original"] {
            let Some(src) = img.value().attr(attr) else { continue };
            if let Some(status) = classify_pixel(want, src, base) {
                let lazy = img.value().attr("loading").is_some_and(|l| l.trim().eq_ignore_ascii_case("lazy"));
                found.push(Found { src: src.to_owned(), attr, status, hidden: hidden_by(img), lazy });
            }
        }
    }
    let candidates: HashSet<String> = found.iter().map(|f| f.src.clone()).chain(found.iter().filter_map(|f| resolve(&f.src, base).map(String::from))).collect();
    let in_noscript = html.select(&NOSCRIPT).any(|n| {
        let text: String = n.text().collect();
        text.contains(want) || text.replace("&amp;", "&").contains(want)
    });
    let evidence = json!({
        "expected": want,
        "found": found.iter().map(|f| json!({
            "src": f.src,
            "attribute": f.attr,
            "match": f.status,
            "hidden": f.hidden,
            "loading_lazy": f.lazy,
        })).collect::<Vec<_>>(),
        "in_noscript": in_noscript,
    });
    let loads = |f: &&Found| f.attr == "src" && f.status.is_ok();
    let (pass, detail) = if let Some(ok) = found.iter().filter(loads).find(|f| f.hidden.is_none()) {
        (true, if ok.status == PixelMatch::Exact { want.to_owned() } else { format!("{} ({})", ok.src, ok.status.describe()) })
    } else if let Some(hidden) = found.iter().find(loads) {
        let why = hidden.hidden.as_deref().unwrap_or_default();
        if hidden.lazy {
            (false, format!("hidden: loading=lazy inside a hidden block ({why}): the browser never loads it"))
        } else {
            (false, format!("hidden: {why}: the pixel may never load"))
        }
    } else if let Some(moved) = found.iter().find(|f| f.attr != "src" && f.status.is_ok()) {
        (false, format!("altered: the URL is in {} (a lazy-loading script's placeholder is in src): it loads only if that script runs", moved.attr))
    } else if let Some(altered) = found.first() {
        (false, format!("altered: {}: {}", altered.status.describe(), altered.src))
    } else if in_noscript {
        (false, "hidden: only inside <noscript>: it loads only with JavaScript off".to_owned())
    } else {
        (false, format!("missing: no img loads {want}"))
    };
    PixelResult { check: fail_or_pass("pixel", pass, detail, evidence), candidates }
}

// ---------------------------------------------------------------------------------------------
// 3. byline

/// The words a reader sees on the page, in document order (scripts, styles and inline-hidden
/// elements left out), lower-cased.
fn page_words(html: &Html) -> Vec<String> {
    let mut raw = String::new();
    let mut skip: Option<ego_tree::NodeId> = None;
    for edge in html.root_element().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    scraper::Node::Element(e) => {
                        let element = ElementRef::wrap(node).expect("element node");
                        if crate::extract::text::is_non_text(e.name()) || self_hidden(element).is_some() {
                            skip = Some(node.id());
                        } else if is_breaking(e.name()) {
                            raw.push(' ');
                        }
                    }
                    scraper::Node::Text(t) => raw.push_str(t),
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                } else if skip.is_none() && node.value().as_element().is_some_and(|e| is_breaking(e.name())) {
                    raw.push(' ');
                }
            }
        }
    }
    word_tokens(&raw)
}

/// "Near the top": within [`BYLINE_WINDOW_WORDS`] words before the article's first matched
/// paragraph, or in that paragraph.
fn check_byline(expected: &Expected, page: &[String], pool: &[String], matching: &Matching) -> Check {
    if expected.authors.is_empty() {
        return fail_or_pass("byline", true, "the original names no author".into(), json!({ "authors": [] }));
    }
    let first = matching.pairs.first().map(|p| word_tokens(&pool[p.partner]));
    let start = first.as_ref().and_then(|words| {
        let needle = &words[..words.len().min(8)];
        (!needle.is_empty()).then(|| page.windows(needle.len()).position(|w| w == needle)).flatten().map(|at| (at, words.len()))
    });
    let Some((at, len)) = start else {
        return fail_or_pass(
            "byline",
            false,
            "the article's text is not on the page: cannot tell where its top is".into(),
            json!({ "authors": expected.authors, "missing": expected.authors }),
        );
    };
    let window = &page[at.saturating_sub(BYLINE_WINDOW_WORDS)..(at + len).min(page.len())];
    let missing: Vec<&String> = expected.authors.iter().filter(|a| !contains_seq(window, &word_tokens(a))).collect();
    let evidence = json!({ "authors": expected.authors, "missing": missing, "window": window.join(" ") });
    if missing.is_empty() {
        fail_or_pass("byline", true, expected.authors.join(", "), evidence)
    } else {
        let names: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
        fail_or_pass("byline", false, format!("missing near the top of the article: {}", names.join(", ")), evidence)
    }
}

// ---------------------------------------------------------------------------------------------
// 4. credit

fn check_credit(expected: &Expected, html: &Html, base: Option<&Url>, page: &[String]) -> Check {
    let want = &expected.canonical;
    let credit_words = word_tokens(&expected.credit);
    let publisher_words = word_tokens(&expected.publisher);
    let mut linked_blocks: Vec<(String, Option<String>)> = Vec::new();
    for a in html.select(&LINKS) {
        let Some(href) = a.value().attr("href").and_then(|h| resolve(h, base)) else { continue };
        if !same_url(&href, want) {
            continue;
        }
        let block = a
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|e| is_breaking(e.value().name()) && e.value().name() != "br")
            .unwrap_or(a);
        linked_blocks.push((element_text(block), hidden_by(a)));
    }
    let visible: Vec<&(String, Option<String>)> = linked_blocks.iter().filter(|(_, h)| h.is_none()).collect();
    let exact = visible.iter().find(|(t, _)| contains_seq(&word_tokens(t), &credit_words));
    let reworded = visible.iter().find(|(t, _)| contains_seq(&word_tokens(t), &publisher_words));
    let evidence = json!({
        "expected": expected.credit,
        "canonical": want.as_str(),
        "linked": linked_blocks.iter().map(|(t, h)| json!({ "text": t, "hidden": h })).collect::<Vec<_>>(),
    });
    let page_has_credit = page.iter().any(|p| contains_seq(&word_tokens(p), &credit_words));
    let (pass, detail) = if exact.is_some() {
        (true, format!("\"{}\" links {want}", expected.credit))
    } else if let Some((text, _)) = reworded {
        (true, format!("reworded: \"{text}\" links {want}"))
    } else if let Some((_, Some(why))) = linked_blocks.first() {
        (false, format!("hidden: {why}"))
    } else if page_has_credit {
        (false, format!("the credit line is there but does not link {want}"))
    } else if !visible.is_empty() {
        (false, format!("a link to {want} but no credit line naming {}", expected.publisher))
    } else {
        (false, format!("missing: no \"{}\" linking {want}", expected.credit))
    };
    fail_or_pass("credit", pass, detail, evidence)
}

// ---------------------------------------------------------------------------------------------
// 5. text

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}

fn check_text(expected: &Expected, partner: &[String], matching: &Matching, options: &Options, pool: &str) -> Check {
    let changed: Vec<&Pair> = matching.changed().collect();
    let pass = matching.similarity >= options.threshold && matching.missing.is_empty();
    let mut detail = format!(
        "similarity {:.3} (threshold {}): {} of {} paragraphs found",
        matching.similarity,
        options.threshold,
        matching.pairs.len(),
        expected.paragraphs.len()
    );
    let mut counts = Vec::new();
    for (n, what) in [(changed.len(), "changed"), (matching.missing.len(), "missing"), (matching.added.len(), "added")] {
        if n > 0 {
            counts.push(format!("{n} {what}"));
        }
    }
    if !counts.is_empty() {
        detail.push_str(", ");
        detail.push_str(&counts.join(", "));
    }
    if pool == "page" {
        detail.push_str(" (compared with the whole page: the extracted body held less of the story)");
    }
    let mut items = Vec::new();
    for &i in &matching.missing {
        items.push(format!("missing #{}: {}", i + 1, short(&expected.paragraphs[i], 120)));
    }
    for pair in &changed {
        items.push(format!("changed #{} ({:.2}): {}", pair.original + 1, pair.ratio, pair.diff.as_deref().unwrap_or_default()));
    }
    for &j in &matching.added {
        items.push(format!("added: {}", short(&partner[j], 120)));
    }
    let evidence = json!({
        "similarity": matching.similarity,
        "threshold": options.threshold,
        "compared_with": pool,
        "original_paragraphs": expected.paragraphs.len(),
        "matched": matching.pairs.len(),
        "missing": matching.missing.iter().map(|&i| json!({ "index": i, "text": expected.paragraphs[i] })).collect::<Vec<_>>(),
        "changed": changed.iter().map(|p| json!({
            "index": p.original,
            "ratio": p.ratio,
            "original": expected.paragraphs[p.original],
            "partner": partner[p.partner],
            "diff": p.diff,
        })).collect::<Vec<_>>(),
        "added": matching.added.iter().map(|&j| json!({ "text": partner[j] })).collect::<Vec<_>>(),
    });
    Check { name: "text", pass, detail, evidence, items }
}

// ---------------------------------------------------------------------------------------------
// 6. links

/// The original paragraph each link is in, by its text, walking both in order.
fn link_paragraphs(paragraphs: &[String], links: &[Link]) -> Vec<Option<usize>> {
    let mut cursor = 0;
    links
        .iter()
        .map(|link| {
            if link.text.is_empty() {
                return None;
            }
            let found = (cursor..paragraphs.len()).find(|&k| paragraphs[k].contains(&link.text));
            if let Some(k) = found {
                cursor = k;
            }
            found
        })
        .collect()
}

/// Same link for the links check. Both sides are read without other parties' tracking
/// ([`untracked`]): an embed made before the cleaner dropped it still matches the copy.
fn same_href(a: &str, b: &str) -> bool {
    a == b
        || matches!((Url::parse(a).map(untracked), Url::parse(b).map(untracked)), (Ok(x), Ok(y)) if x.as_str() == y.as_str() || (same_untracked_url(&x, &y) && x.fragment() == y.fragment()))
}

fn check_links(expected: &Expected, partner: &[Link], matching: &Matching) -> Check {
    let missing: HashSet<usize> = matching.missing.iter().copied().collect();
    let places = link_paragraphs(&expected.paragraphs, &expected.links);
    let (mut kept, mut dropped, mut redirected, mut skipped) = (0, Vec::new(), Vec::new(), 0);
    for (link, place) in expected.links.iter().zip(places) {
        if place.is_some_and(|p| missing.contains(&p)) {
            skipped += 1;
            continue;
        }
        if partner.iter().any(|l| same_href(&l.href, &link.href)) {
            kept += 1;
        } else if let Some(other) = partner.iter().find(|l| !link.text.is_empty() && normalize(&l.text).eq_ignore_ascii_case(&normalize(&link.text))) {
            redirected.push((link, other));
        } else {
            dropped.push(link);
        }
    }
    let checked = expected.links.len() - skipped;
    let pass = dropped.is_empty() && redirected.is_empty();
    let mut detail = format!("{kept} of {checked} links kept");
    if !dropped.is_empty() {
        detail.push_str(&format!(", {} dropped", dropped.len()));
    }
    if !redirected.is_empty() {
        detail.push_str(&format!(", {} pointed elsewhere", redirected.len()));
    }
    if skipped > 0 {
        detail.push_str(&format!(" ({skipped} in missing paragraphs not counted)"));
    }
    let mut items = Vec::new();
    for link in &dropped {
        items.push(format!("dropped: \"{}\" {}", link.text, link.href));
    }
    for (link, other) in &redirected {
        items.push(format!("pointed elsewhere: \"{}\" {} -> {}", link.text, link.href, other.href));
    }
    let evidence = json!({
        "kept": kept,
        "checked": checked,
        "in_missing_paragraphs": skipped,
        "dropped": dropped,
        "redirected": redirected.iter().map(|(l, o)| json!({ "text": l.text, "expected": l.href, "found": o.href })).collect::<Vec<_>>(),
    });
    Check { name: "links", pass, detail, evidence, items }
}

// ---------------------------------------------------------------------------------------------
// 7. images

fn check_images(images: &[extract::StrippedImage]) -> Check {
    let detail = if images.is_empty() {
        "none added".to_owned()
    } else {
        let srcs: Vec<&str> = images.iter().map(|i| i.src.as_deref().unwrap_or("(no src)")).collect();
        format!("{} added by the partner (information only): {}", images.len(), srcs.join(", "))
    };
    Check { name: "images", pass: true, detail, evidence: json!({ "added": images }), items: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PIXEL: &str = "https://forward.com/wp-json/republish/v1/pixel.gif?post_id=612457&url=https%3A%2F%2Fforward.com%2Fnews%2F1%2F";

    fn s(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn pixel_exact_and_equivalent() {
        assert_eq!(classify_pixel(PIXEL, PIXEL, None), Some(PixelMatch::Exact));
        assert_eq!(classify_pixel(PIXEL, &format!("  {PIXEL} "), None), Some(PixelMatch::Exact));
        let reordered = "https://forward.com/wp-json/republish/v1/pixel.gif?url=https%3A%2F%2Fforward.com%2Fnews%2F1%2F&post_id=612457";
        assert_eq!(classify_pixel(PIXEL, reordered, None), Some(PixelMatch::Equivalent));
        let reencoded = "https://forward.com/wp-json/republish/v1/pixel.gif?post_id=612457&url=https://forward.com/news/1/";
        assert_eq!(classify_pixel(PIXEL, reencoded, None), Some(PixelMatch::Equivalent));
    }

    #[test]
    fn pixel_alterations() {
        assert_eq!(classify_pixel(PIXEL, &PIXEL.replace('&', "&amp;"), None), Some(PixelMatch::AmpEncoded));
        assert_eq!(
            classify_pixel(PIXEL, &PIXEL.replace("https://forward.com/wp-json", "https://cdn.partner.example/wp-json"), None),
            Some(PixelMatch::OtherHost { host: "cdn.partner.example".into() })
        );
        assert_eq!(
            classify_pixel(PIXEL, "https://forward.com/wp-json/republish/v1/pixel.gif?post_id=612457", None),
            Some(PixelMatch::Params { missing: s(&["url"]), changed: vec![], added: vec![] })
        );
        assert_eq!(
            classify_pixel(PIXEL, &PIXEL.replace("612457", "1").replace("?", "?ref=x&"), None),
            Some(PixelMatch::Params { missing: vec![], changed: s(&["post_id"]), added: s(&["ref"]) })
        );
        assert_eq!(classify_pixel(PIXEL, &PIXEL.replace("https:", "http:"), None), Some(PixelMatch::OtherScheme { scheme: "http".into() }));
        let relative = "/wp-json/republish/v1/pixel.gif?post_id=612457&url=https%3A%2F%2Fforward.com%2Fnews%2F1%2F";
        let base = Url::parse("https://partner.example/story/").unwrap();
        assert_eq!(classify_pixel(PIXEL, relative, Some(&base)), Some(PixelMatch::OtherHost { host: "partner.example".into() }));
    }

    #[test]
    fn other_images_are_not_pixels() {
        assert_eq!(classify_pixel(PIXEL, "https://partner.example/logo.png", None), None);
        assert_eq!(classify_pixel(PIXEL, "data:image/gif;base64,R0lGOD", None), None);
        assert_eq!(classify_pixel(PIXEL, "", None), None);
    }

    #[test]
    fn hidden_ancestors_are_found() {
        let html = Html::parse_fragment(r#"<div class="box" style="color:red; display: none !important"><span><img id="a" src="x"></span></div><p hidden><img id="b" src="x"></p><img id="c" style="visibility:hidden" src="x"><img id="d" src="x">"#);
        let img = |id: &str| html.select(&Selector::parse(&format!("#{id}")).unwrap()).next().unwrap();
        assert_eq!(hidden_by(img("a")).as_deref(), Some("display:none on <div class=\"box\">"));
        assert_eq!(hidden_by(img("b")).as_deref(), Some("hidden attribute on <p>"));
        assert_eq!(hidden_by(img("c")).as_deref(), Some("visibility:hidden on <img id=\"c\">"));
        assert_eq!(hidden_by(img("d")), None);
    }

    #[test]
    fn identical_copy_matches_fully() {
        let original = s(&["One two three four.", "Five six seven eight.", "Nine ten eleven twelve."]);
        let partner = s(&["Partner headline", "By Someone", "One two three four.", "Five six seven eight.", "Nine ten eleven twelve.", "Share this"]);
        let m = match_paragraphs(&original, &partner, &[]);
        assert_eq!(m.pairs.iter().map(|p| (p.original, p.partner)).collect::<Vec<_>>(), vec![(0, 2), (1, 3), (2, 4)]);
        assert!(m.missing.is_empty() && m.added.is_empty());
        assert!((m.similarity - 1.0).abs() < 1e-9);
    }

    #[test]
    fn typography_is_not_a_change() {
        let m = match_paragraphs(&s(&["“Quoted” — it’s fine…"]), &s(&["\"Quoted\" - it's fine..."]), &[]);
        assert_eq!(m.pairs.len(), 1);
        assert!(m.pairs[0].diff.is_none());
    }

    #[test]
    fn changed_missing_and_added_paragraphs() {
        let original = s(&[
            "The board voted in 2023 to cover the roof with solar panels to cut the bill.",
            "Eighteen months later the array feeds power to eleven row houses on the block.",
            "Not everyone was sold on the idea at first, said the rabbi of the shul.",
            "City officials say the model could spread to other houses of worship soon.",
        ]);
        let partner = s(&[
            "The board voted in 2023 to cover the roof with solar panels to cut the bill.",
            "Eighteen months later the array feeds power to twelve row houses on the block.",
            "Editors note: this paragraph was written by the partner and is not in the story.",
            "City officials say the model could spread to other houses of worship soon.",
        ]);
        let m = match_paragraphs(&original, &partner, &[]);
        assert_eq!(m.missing, vec![2]);
        assert_eq!(m.added, vec![2]);
        let changed: Vec<&Pair> = m.changed().collect();
        assert_eq!(changed.len(), 1);
        assert_eq!(changed[0].original, 1);
        assert!(changed[0].diff.as_deref().unwrap().contains("[-eleven-]{+twelve+}"), "{:?}", changed[0].diff);
        assert!(m.similarity < 0.9 && m.similarity > 0.5, "{}", m.similarity);
    }

    #[test]
    fn order_is_kept_and_furniture_is_not_added() {
        let original = s(&["Alpha beta gamma delta epsilon.", "Zeta eta theta iota kappa."]);
        let partner = s(&["Alpha beta gamma delta epsilon.", "By Jane Doe, The Forward", "Zeta eta theta iota kappa."]);
        let m = match_paragraphs(&original, &partner, &s(&["By Jane Doe, The Forward"]));
        assert!(m.added.is_empty());
        assert_eq!(m.pairs.len(), 2);
        // Swapped paragraphs: one of them cannot keep its order.
        let swapped = s(&["Zeta eta theta iota kappa.", "Alpha beta gamma delta epsilon."]);
        let m = match_paragraphs(&original, &swapped, &[]);
        assert_eq!(m.pairs.len(), 1);
        assert_eq!(m.missing.len(), 1);
    }

    #[test]
    fn duplicate_paragraphs_pair_in_order() {
        let original = s(&["Same line here.", "Middle part text.", "Same line here."]);
        let partner = s(&["Same line here.", "Middle part text.", "Same line here."]);
        let m = match_paragraphs(&original, &partner, &[]);
        assert_eq!(m.pairs.iter().map(|p| (p.original, p.partner)).collect::<Vec<_>>(), vec![(0, 0), (1, 1), (2, 2)]);
    }

    #[test]
    fn empty_inputs() {
        let m = match_paragraphs(&[], &[], &[]);
        assert!((m.similarity - 1.0).abs() < 1e-9);
        let m = match_paragraphs(&s(&["Some text here."]), &[], &[]);
        assert_eq!(m.missing, vec![0]);
        assert!(m.similarity.abs() < 1e-9);
    }

    #[test]
    fn word_diff_marks_changes() {
        let (ratio, equal, diff) = word_diff("the goal was modest: cut a bill", "the goal was small: cut a bill");
        assert_eq!(diff, "the goal was [-modest:-]{+small:+} cut a bill");
        let (_, _, diff) = word_diff("one two three four five", "one six seven four");
        assert_eq!(diff, "one [-two three-]{+six seven+} four [-five-]");
        assert_eq!(equal, 6);
        assert!(ratio > 0.8);
    }

    #[test]
    fn urls_compare_without_fragment_or_trailing_slash() {
        let a = Url::parse("https://forward.com/news/1/").unwrap();
        assert!(same_url(&a, &Url::parse("https://FORWARD.com/news/1#x").unwrap()));
        assert!(same_url(&a, &Url::parse("https://forward.com:443/news/1/").unwrap()));
        assert!(!same_url(&a, &Url::parse("http://forward.com/news/1/").unwrap()));
        assert!(!same_url(&a, &Url::parse("https://forward.com/news/2/").unwrap()));
        assert!(!same_url(&a, &Url::parse("https://forward.com/news/1/?amp=1").unwrap()));
        assert!(same_url(&a, &Url::parse("https://forward.com/news/1/?utm_source=partner").unwrap()));
    }

    #[test]
    fn links_compare_without_other_parties_tracking() {
        assert!(same_href("https://county.example/x?utm_source=news&id=3", "https://county.example/x?id=3"));
        assert!(same_href("https://www.google.com/url?q=https://county.example/x", "https://county.example/x"));
        assert!(!same_href("https://county.example/x?id=3", "https://county.example/x?id=4"));
    }

    #[test]
    fn links_are_placed_in_their_paragraphs() {
        let paragraphs = s(&["A link one here.", "No links.", "Two links: one and two."]);
        let links = vec![
            Link { text: "link one".into(), href: "https://a/".into() },
            Link { text: "and".into(), href: "https://b/".into() },
            Link { text: "two".into(), href: "https://c/".into() },
            Link { text: "A link".into(), href: "https://d/".into() },
        ];
        // The cursor only moves forward: a text seen again before it is not found.
        assert_eq!(link_paragraphs(&paragraphs, &links), vec![Some(0), Some(2), Some(2), None]);
    }
}

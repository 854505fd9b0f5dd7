//! Stage 3 of the pipeline: the parsed page to an [`Article`]: its metadata, and the body as a root
//! element plus the nodes under it that are not content (media, furniture, hidden, scripts).
//!
//! Nothing is copied out of the tree here: the body stays a view into the one parse, and the
//! clean stage serialises it once.

mod body;
mod furniture;
mod jsonld;
mod metadata;
pub(crate) mod text;
pub(crate) mod tracking;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use scraper::ElementRef;
use serde::Serialize;
use url::Url;

pub use self::furniture::Removal;
use crate::parse::Page;
use crate::profile::Profile;

/// Why no article could be extracted.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// No element holds enough running text to be an article.
    #[error("no article found (no block of running text)")]
    NoArticle,
}

/// Extraction settings resolved by the command layer.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Base for relative links when the page has no canonical link or og:url (`--base-url`).
    pub base_url: Option<Url>,
}

/// A person or organisation credited with the story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Author {
    /// The name as the page gives it, e.g. "Noa Shalev (Haaretz)".
    pub name: String,
    /// The author page, absolute, when the page links one.
    pub url: Option<Url>,
    /// JSON-LD says this author is an Organization.
    #[serde(skip)]
    pub is_organization: bool,
}

/// Metadata claims about where a story came from, for the judge.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Provenance {
    /// `meta[name=syndication-source]`, `meta[name=original-source]`, `meta[name=DC.source]`,
    /// `link[rel=original-source]`: (where, value).
    pub source_links: Vec<(String, String)>,
    /// JSON-LD `isBasedOn` / `isBasedOnUrl`: URLs or names.
    pub based_on: Vec<String>,
    /// JSON-LD `sourceOrganization` names.
    pub source_organizations: Vec<String>,
    /// JSON-LD `publisher` organisation names of the article node.
    pub publisher_organizations: Vec<String>,
    /// JSON-LD `provider`, `copyrightHolder` and `creditText` of the article node, and the
    /// organisations among its `author`s: (property, name). Aggregators name the agency a story
    /// came from there; a paper names its parent company, so the judge counts only known partners.
    pub credited_organizations: Vec<(String, String)>,
    /// `meta[name=author]` and similar author meta values, as written.
    pub meta_authors: Vec<String>,
    /// The byline element's text as written ("By Noa Shalev (Haaretz) | May 2, 2025").
    pub byline_text: Option<String>,
    /// The origin a Chinese page's source line names under the headline ("来源：人民日报海外版").
    pub source_line: Option<SourceLine>,
    /// The provider an aggregator names under the headline (Yahoo's "provider-name", MSN's
    /// "partner" logo and link).
    pub provider_label: Option<ProviderLabel>,
    /// Classes of `<body>` and of the article element (`category-jta`, `postid-12`).
    pub page_classes: Vec<String>,
}

/// A Chinese page's source line: "来源：<a href=…>人民日报海外版</a>".
#[derive(Debug, Clone, Default, Serialize)]
pub struct SourceLine {
    /// The label as written: "来源", "來源", "稿源", ….
    pub label: String,
    /// The origin it names.
    pub name: String,
    /// The link on the name, as written.
    pub href: Option<String>,
}

/// An aggregator's label under the headline for the outlet that provided the story:
/// `<span class="provider-name">Fox Nation</span>`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ProviderLabel {
    /// The class that marks it, as written.
    pub class: String,
    /// The name it shows: its text, or its logo's alt text.
    pub name: String,
    /// The link on it, as written.
    pub href: Option<String>,
}

/// What the page says about the story.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// Authors in byline order.
    pub authors: Vec<Author>,
    /// Display byline: "Carla Mendes and Tom Whitaker".
    pub byline: Option<String>,
    /// The publisher's name.
    pub publisher: Option<String>,
    /// The canonical URL, absolute.
    pub canonical_url: Option<Url>,
    /// The page's own URL: where it was fetched from, else the canonical URL, else `--base-url`.
    pub page_url: Option<Url>,
    /// Publication date, ISO 8601.
    pub published: Option<String>,
    /// The CMS's post id, where the page exposes one.
    pub post_id: Option<String>,
    /// The last path segment of the canonical URL.
    pub slug: Option<String>,
    /// Summary, from og:description or meta description.
    pub description: Option<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// Social or lead image (og:image), absolute.
    pub lead_image: Option<Url>,
    /// Claims about where the story came from.
    pub provenance: Provenance,
}

/// An image (or other licensable media) removed from the body, for the editor to license.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StrippedImage {
    /// The image URL, absolute.
    pub src: Option<String>,
    /// Its alt text.
    pub alt: Option<String>,
    /// Its caption.
    pub caption: Option<String>,
    /// Its credit line ("Photo by ...").
    pub credit: Option<String>,
}

/// How the body element was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BodySource {
    /// The profile's body selector.
    ProfileSelector,
    /// schema.org `articleBody` markup.
    ArticleBody,
    /// Text-density scoring of candidate blocks.
    Scored,
}

/// The article body: a subtree of the page and the nodes in it that are not content.
pub struct Body<'a> {
    /// The element holding the body.
    pub root: ElementRef<'a>,
    /// Nodes under `root` to leave out, and why.
    pub removed: FxHashMap<ego_tree::NodeId, Removal>,
    /// How `root` was found.
    pub source: BodySource,
}

/// A block of body text, for the judge: the text of a paragraph-like element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The element name (`p`, `h2`, `li`, `blockquote`, `div`).
    pub tag: &'static str,
    /// Its text, whitespace collapsed.
    pub text: String,
    /// Most of it is in em/i (credit lines usually are).
    pub emphasized: bool,
    /// It is in an element the embed leaves out (a credit line styled as furniture, the author
    /// box, a note beside the body): the judge reads it for credit lines, not for datelines.
    pub note: bool,
}

/// Stage 3's output.
pub struct Article<'a> {
    /// The page it came from.
    pub page: &'a Page,
    /// The profile in force (`--profile`, else matched by host, else generic).
    pub profile: &'a Profile,
    /// The metadata.
    pub meta: Metadata,
    /// The body.
    pub body: Body<'a>,
    /// Images found in the body and removed, with their captions.
    pub images: Vec<StrippedImage>,
}

impl Article<'_> {
    /// The body's paragraph-like blocks in document order, leaving out removed nodes but for the
    /// notes that may credit the story's source (marked `note`).
    pub fn blocks(&self) -> Vec<Block> {
        body::blocks(&self.body)
    }

    /// How many nodes of each kind the body lost.
    pub fn removed_counts(&self) -> BTreeMap<&'static str, usize> {
        let mut counts = BTreeMap::new();
        for removal in self.body.removed.values() {
            *counts.entry(removal.kind()).or_insert(0) += 1;
        }
        counts
    }
}

/// Tags that never carry article content (media, scripts, form controls): dropped wherever they
/// appear. `form` is not among them: some CMSs wrap the whole page in one.
pub fn is_removed_tag(name: &str) -> bool {
    !matches!(name, "nav" | "aside" | "form") && furniture::by_tag(name).is_some()
}

/// The page's meta tags, `link[rel]`s and JSON-LD, read once: [`pick_profile_with`] and
/// [`extract_with`] share it.
pub struct Head(metadata::Head);

impl Head {
    /// Read them from the page.
    pub fn read(page: &Page) -> Head {
        Head(metadata::Head::read(&page.html))
    }
}

/// Pick the profile for a page: the one given, else a built-in whose domains match the canonical
/// host, else the generic one.
pub fn pick_profile<'p>(page: &Page, explicit: Option<&'p Profile>, builtins: &'p [Profile], options: &Options) -> &'p Profile {
    if let Some(profile) = explicit {
        return profile;
    }
    pick_profile_with(page, &Head::read(page), None, builtins, options)
}

/// [`pick_profile`] with the page's [`Head`] already read.
pub fn pick_profile_with<'p>(page: &Page, head: &Head, explicit: Option<&'p Profile>, builtins: &'p [Profile], options: &Options) -> &'p Profile {
    if let Some(profile) = explicit {
        return profile;
    }
    let (canonical, page_url) = metadata::urls(page, &head.0, options);
    let host = canonical.or(page_url).and_then(|u| u.host_str().map(str::to_owned));
    host.and_then(|host| builtins.iter().find(|p| p.matches_host(&host)))
        .or_else(|| builtins.iter().find(|p| p.name == "generic"))
        .unwrap_or(&builtins[0])
}

/// The document to extract from when the page's HTML holds no story but its JSON-LD does: a page
/// that a script fills in ("Loading…" in a bare frame) still carries the story's text as its
/// article's `articleBody`. The page's own `<head>` (its metadata, canonical link and JSON-LD),
/// then the headline and that text as the body: paragraphs at its line breaks, or its own markup
/// when it is HTML (which the cleaner treats as any page's). `None` when there is no such text
/// as long as an article.
pub fn page_from_article_body(page: &Page, head: &Head) -> Option<String> {
    let node = head.0.ld().article()?;
    let text = jsonld::string(node, "articleBody").or_else(|| jsonld::string(node, "text"))?;
    if text.chars().filter(|c| !c.is_whitespace()).count() < body::MIN_ARTICLE_CHARS {
        return None;
    }
    let mut doc = String::with_capacity(text.len() + 4096);
    doc.push_str("<!DOCTYPE html><html");
    if let Some(lang) = page.html.root_element().value().attr("lang") {
        doc.push_str(" lang=\"");
        crate::clean::escape_into(&mut doc, lang, true);
        doc.push('"');
    }
    doc.push('>');
    static HEAD: std::sync::LazyLock<scraper::Selector> = std::sync::LazyLock::new(|| scraper::Selector::parse("head").expect("valid selector"));
    if let Some(head) = page.html.select(&HEAD).next() {
        doc.push_str(&head.html());
    }
    doc.push_str("<body><article>");
    if let Some(headline) = jsonld::string(node, "headline") {
        doc.push_str("<h1>");
        crate::clean::escape_into(&mut doc, &headline, false);
        doc.push_str("</h1>");
    }
    let is_markup = ["<p>", "<p ", "</p>", "<br", "</a>"].iter().any(|tag| text::contains_ignore_ascii_case(text.as_bytes(), tag.as_bytes()));
    if is_markup {
        doc.push_str("<div>");
        doc.push_str(&text);
        doc.push_str("</div>");
    } else {
        for paragraph in text.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
            doc.push_str("<p>");
            crate::clean::escape_into(&mut doc, paragraph, false);
            doc.push_str("</p>");
        }
    }
    doc.push_str("</article></body></html>");
    Some(doc)
}

/// Extract the article from a page with a given profile.
pub fn extract<'a>(page: &'a Page, profile: &'a Profile, options: &Options) -> Result<Article<'a>, ExtractError> {
    extract_with(page, &Head::read(page), profile, options)
}

/// [`extract`] with the page's [`Head`] already read.
pub fn extract_with<'a>(page: &'a Page, head: &Head, profile: &'a Profile, options: &Options) -> Result<Article<'a>, ExtractError> {
    // The body first: the byline nearest to it is the article's (pages list other stories' bylines).
    let (canonical, page_url) = metadata::urls(page, &head.0, options);
    let found = body::find(page, profile, canonical.as_ref().or(page_url.as_ref()))?;
    let meta = metadata::extract(page, &head.0, profile, options, found.body.root);
    let mut body = found.body;
    if let Some(title) = &meta.title {
        body::drop_repeated_headline(&mut body, title);
    }
    Ok(Article { page, profile, meta, body, images: found.images })
}

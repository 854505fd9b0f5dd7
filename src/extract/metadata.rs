//! Metadata half of stage 3: title, authors, publisher, canonical URL, date and post id, from meta
//! tags, JSON-LD and the visible page, in that order of trust.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use scraper::{ElementRef, Html, Selector};
use url::Url;

use super::jsonld::{self, JsonLd};
use super::text::{MONTH_OPENINGS, ShortTexts, alnum_key, collapse, contains_ignore_ascii_case, decode_entities, element_text, element_text_within, element_words, element_words_without, is_block, is_cjk, is_hangul, key_hash, may_contain_any, only_agencies, strip_prefix_ignore_ascii_case, without_doubled_scheme, written_without_spaces};
use super::tracking::untracked;
use super::{Author, Metadata, Options, Provenance, ProviderLabel, SourceLine};
use crate::parse::{Page, first_headline, has_any_attr, select_named, select_where};
use crate::pattern::Pattern;
use crate::profile::Profile;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid built-in selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static LINK: LazyLock<Selector> = LazyLock::new(|| sel("link[rel][href]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static H2: LazyLock<Selector> = LazyLock::new(|| sel("h2"));
static ARTICLE_H1: LazyLock<Selector> = LazyLock::new(|| sel("article h1, main h1, [itemprop=headline], .entry-title, .headline"));
static BODY: LazyLock<Selector> = LazyLock::new(|| sel("body"));
static ARTICLE_ID: LazyLock<Selector> = LazyLock::new(|| sel("article[id^=post-], article[class]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time[datetime], [itemprop=datePublished]"));
static REL_AUTHOR: LazyLock<Selector> = LazyLock::new(|| sel("a[rel~=author]"));
/// A name marked up as one: hCard's `fn`, or the `name` of schema.org microdata's author (whose
/// box also holds the organisation's address, telephone and logo).
static HCARD_NAME: LazyLock<Selector> = LazyLock::new(|| sel(".fn, [itemprop~=author] [itemprop=name], [itemprop~=creator] [itemprop=name]"));
static BYLINE_ELEMENTS: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "[itemprop=author], [class*=byline], [id*=byline], [class*=Byline], [class*=byLine], [class~=author], [class*=author-name], [class*=writer], [class*=reporter], [class*=journalist], [class$=-author], [class*='-author '], [class*=-author__], \
         [class*=authors], [class*=post-author], [class*=article-author], [class*=c-byline], [data-testid*=byline], address.author, \
         [class*=_author], [class*=contributor], [class*=author_name], [class*=authorname], [class*=authorName], [class*=AuthorName], [class*=autor], [class*=auteur], [class*=author-card], [class*=author-box], [class*=author-info], [class*=authorCard], [class*=authorBox], [class*=authorInfo], \
         [class*=yazar], [class*=penulis]",
    )
});
static LINKS: LazyLock<Selector> = LazyLock::new(|| sel("a[href]"));
static IMAGES: LazyLock<Selector> = LazyLock::new(|| sel("img[alt]"));

/// Meta tags by lower-cased name/property/itemprop, values from `content` or `value`, in order.
struct Metas(FxHashMap<String, Vec<String>>);

impl Metas {
    fn from_page(html: &Html) -> Metas {
        let mut map: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for meta in select_named(html, &META, &["meta"]) {
            let e = meta.value();
            let Some(value) = e.attr("content").or_else(|| e.attr("value")) else { continue };
            let value = collapse(&decode_entities(value));
            if value.is_empty() {
                continue;
            }
            for key in ["name", "property", "itemprop"].iter().filter_map(|k| e.attr(k)) {
                for key in key.split_whitespace() {
                    map.entry(meta_key(key)).or_default().push(value.clone());
                }
            }
        }
        Metas(map)
    }

    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.0.get(&meta_key(k)).and_then(|v| v.first()).cloned())
    }

    fn all(&self, key: &str) -> &[String] {
        self.0.get(&meta_key(key)).map_or(&[], Vec::as_slice)
    }
}

/// A meta name as looked up: lower-case, and "DC.title" the same as "dc:title" (pages use both).
fn meta_key(key: &str) -> String {
    key.to_ascii_lowercase().replace('.', ":")
}

/// Links by rel token: (rel, href) in document order.
fn links(html: &Html) -> Vec<(String, String)> {
    select_named(html, &LINK, &["link"])
        .filter_map(|l| {
            let rel = l.value().attr("rel")?.to_ascii_lowercase();
            let href = l.value().attr("href")?.trim().to_owned();
            Some((rel, href))
        })
        .collect()
}

fn link_with_rel<'l>(links: &'l [(String, String)], rel: &str) -> Option<&'l str> {
    links
        .iter()
        .find(|(r, href)| r.split_whitespace().any(|t| t == rel) && !href.is_empty())
        .map(|(_, href)| href.as_str())
}

/// Resolve `href` against `base` (or parse it alone), keeping only http(s).
pub(crate) fn absolute(href: &str, base: Option<&Url>) -> Option<Url> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let href = without_doubled_scheme(href);
    let url = match base {
        Some(base) => base.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then_some(url)
}

/// What the page's meta tags, `link[rel]`s and JSON-LD say, read once per page and shared by
/// `pick_profile` and `extract`.
pub(crate) struct Head {
    links: Vec<(String, String)>,
    metas: Metas,
    ld: JsonLd,
}

impl Head {
    pub(crate) fn read(html: &Html) -> Head {
        Head { links: links(html), metas: Metas::from_page(html), ld: JsonLd::from_page(html) }
    }

    /// The page's JSON-LD.
    pub(super) fn ld(&self) -> &JsonLd {
        &self.ld
    }
}

/// The canonical URL and the page's own URL, as `pick_profile` and `extract` see them.
pub(super) fn urls(page: &Page, head: &Head, options: &Options) -> (Option<Url>, Option<Url>) {
    canonical_and_page_url(page, options, &head.links, &head.metas, &head.ld)
}

fn canonical_and_page_url(
    page: &Page,
    options: &Options,
    links: &[(String, String)],
    metas: &Metas,
    ld: &JsonLd,
) -> (Option<Url>, Option<Url>) {
    let fetched = page.url.clone();
    let base = fetched.clone().or_else(|| options.base_url.clone());
    let from_ld = ld.article().and_then(|a| jsonld::string(a, "mainEntityOfPage").or_else(|| jsonld::string(a, "url")));
    let canonical = link_with_rel(links, "canonical")
        .map(str::to_owned)
        .into_iter()
        .chain(metas.first(&["og:url"]))
        .chain(from_ld)
        .find_map(|href| absolute(&href, base.as_ref()));
    let page_url = fetched.or_else(|| canonical.clone()).or_else(|| options.base_url.clone());
    // A URL fetched from a newsletter ("?utm_source=…", "?fbclid=…") or a tag written with one is
    // still the story's address: the embed links it and the pixel counts it without the tracking.
    (canonical.map(untracked), page_url.map(untracked))
}

/// Read every metadata field the later stages need.
pub(super) fn extract(page: &Page, head: &Head, profile: &Profile, options: &Options, body_root: ElementRef<'_>) -> Metadata {
    let html = &page.html;
    let (metas, links, ld) = (&head.metas, &head.links, &head.ld);
    let article_ld = ld.article();
    let (canonical_url, page_url) = canonical_and_page_url(page, options, links, metas, ld);
    let base = canonical_url.clone().or_else(|| page_url.clone());

    let publisher = profile
        .publisher
        .clone()
        .or_else(|| metas.first(&["og:site_name", "application-name", "publisher", "dc.publisher"]))
        .or_else(|| article_ld.and_then(|a| ld.parties(a, "publisher").into_iter().next()).map(|p| p.name))
        .or_else(|| ld.first_of_type(&["NewsMediaOrganization", "Organization", "WebSite"]).and_then(|o| jsonld::string(o, "name")));

    let host = base.as_ref().and_then(|u| u.host_str()).map(str::to_owned);
    let title = title(html, profile, metas, ld, SiteNames { publisher: publisher.as_deref(), host: host.as_deref() }).map(|t| without_news_tagline(&t).to_owned());
    let publisher = publisher.or_else(|| site_name_from_title(html, title.as_deref()));

    let site = SiteNames { publisher: publisher.as_deref(), host: host.as_deref() };
    let (authors, byline_text) = authors(html, profile, metas, ld, base.as_ref(), body_root, site);
    let byline = display_byline(&authors);

    let published = meta_date(metas)
        .or_else(|| article_ld.and_then(|a| jsonld::string(a, "datePublished")).and_then(|d| normalize_date(&d)))
        .or_else(|| {
            select_where(html, &TIME, |e| e.name() == "time" || has_any_attr(e, &["itemprop"]))
                .filter_map(|t| t.value().attr("datetime").or_else(|| t.value().attr("content")))
                .next()
                .and_then(normalize_date)
        });

    let mut page_classes: Vec<String> = select_named(html, &BODY, &["body"])
        .next()
        .map(|b| b.value().classes().map(str::to_owned).collect())
        .unwrap_or_default();
    for article in select_named(html, &ARTICLE_ID, &["article"]).take(3) {
        page_classes.extend(article.value().classes().map(str::to_owned));
    }

    let post_id = post_id(html, links, &page_classes);
    let slug = canonical_url.as_ref().and_then(|u| {
        u.path_segments()?.rev().find(|s| !s.is_empty()).map(|s| s.trim_end_matches(".html").trim_end_matches(".htm").to_owned())
    });

    let mut source_links = Vec::new();
    for key in ["syndication-source", "original-source", "syndication_source", "original_source"] {
        for value in metas.all(key) {
            source_links.push((format!("meta[name={key}]"), value.clone()));
        }
    }
    // Dublin Core's `source` is "a related resource from which the described resource is derived":
    // a URL says which; free text ("Staff research", "Press release") may say anything.
    for key in ["dc:source", "dcterms:source"] {
        for value in metas.all(key).iter().filter(|v| Url::parse(v.trim()).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))) {
            source_links.push((format!("meta[name={key}]"), value.clone()));
        }
    }
    for (rel, href) in links {
        if rel.split_whitespace().any(|t| t == "original-source" || t == "syndication-source") {
            source_links.push((format!("link[rel={rel}]"), href.clone()));
        }
    }

    let provenance = Provenance {
        source_links,
        based_on: article_ld
            .map(|a| [jsonld::strings(a, "isBasedOn"), jsonld::strings(a, "isBasedOnUrl")].concat())
            .unwrap_or_default(),
        source_organizations: article_ld.map(|a| ld.parties(a, "sourceOrganization").into_iter().map(|p| p.name).collect()).unwrap_or_default(),
        publisher_organizations: article_ld.map(|a| ld.parties(a, "publisher").into_iter().map(|p| p.name).collect()).unwrap_or_default(),
        // An organisation among the authors counts here too: the byline shown may be the agency's
        // writer, and the JSON-LD author the agency.
        credited_organizations: article_ld
            .map(|a| {
                let credited = ["provider", "copyrightHolder", "creditText"].iter().flat_map(|k| ld.parties(a, k).into_iter().map(|p| ((*k).to_owned(), p.name)));
                let author_organizations = ld.parties(a, "author").into_iter().filter(|p| p.is_organization).map(|p| ("author".to_owned(), p.name));
                credited.chain(author_organizations).collect()
            })
            .unwrap_or_default(),
        meta_authors: ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"]
            .iter()
            .flat_map(|k| metas.all(k).iter().cloned())
            .collect(),
        byline_text,
        source_line: source_line(html, body_root),
        provider_label: provider_label(html),
        page_classes,
    };

    Metadata {
        title,
        byline,
        authors,
        publisher,
        canonical_url,
        page_url,
        published,
        post_id,
        slug,
        description: metas.first(&["og:description", "description", "twitter:description"]),
        lang: html.root_element().value().attr("lang").map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()),
        lead_image: metas.first(&["og:image", "twitter:image"]).and_then(|i| absolute(&i, base.as_ref())),
        provenance,
    }
}

/// The meta tags that give the publication date, most specific first. CMSs spell the plain name
/// many ways ("publishdate", "publish_date", "DC.date.issued", "dcterms.issued").
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "parsely-pub-date",
    "sailthru.date",
    "publish-date",
    "publishdate",
    "publish_date",
    "publication_date",
    "publication-date",
    "pubdate",
    "og:published_time",
];

/// The publication date from the first of [`PUBLISHED_KEYS`] that reads as a date: a tag in a form
/// we do not read ("05/08/2014": month or day first?) leaves the others their turn.
fn meta_date(metas: &Metas) -> Option<String> {
    PUBLISHED_KEYS.iter().find_map(|k| metas.all(k).first().and_then(|d| normalize_date(d)))
}

/// What the site calls itself: the publisher's name (og:site_name and kin) and the page's host.
#[derive(Clone, Copy, Default)]
struct SiteNames<'a> {
    publisher: Option<&'a str>,
    host: Option<&'a str>,
}

impl SiteNames<'_> {
    /// Whether `text` ("The Valley Post", "valleypost.com", "Valley Post Online") names the site.
    fn named_by(&self, text: &str) -> bool {
        let t = title_key(text);
        if t.is_empty() {
            return false;
        }
        let by_publisher = self.publisher.is_some_and(|p| {
            let p = title_key(p);
            !p.is_empty() && (p == t || p.contains(&t) || t.contains(&p))
        });
        by_publisher || self.host_named_by_key(&t)
    }

    /// Whether a [`title_key`] names the host: "valleypost" in "www.valleypost.com", matched by
    /// "Valley Post", "ValleyPost.com", "Valley Post Online", "The Valley Post" ("DER SPIEGEL" on
    /// spiegel.de, "Báo VnExpress": an article or the word for "paper" before the name) and
    /// "Son Dakika Haberleri" ("news") on sondakika.com; a short name only as its domain ("WP.pl").
    fn host_named_by_key(&self, t: &str) -> bool {
        const BEFORE_NAME: &[&str] = &["the", "der", "die", "das", "el", "la", "le", "les", "il", "lo", "het", "báo"];
        self.host.is_some_and(|h| {
            let (label, domain) = site_label(h);
            let label = title_key(label);
            let after_article = BEFORE_NAME.iter().any(|a| t.strip_prefix(a) == Some(label.as_str()));
            (label.len() >= 4 && (t == label || after_article || (t.starts_with(&label) && t.len() <= label.len() + 10)))
                || t == title_key(domain)
                || t == title_key(h.trim_start_matches("www."))
        })
    }
}

impl SiteNames<'_> {
    /// Whether `name` is the host's name ("ValleyPost.com", "valleypost").
    fn host_names(&self, name: &str) -> bool {
        let key = title_key(name);
        self.host.is_some_and(|h| {
            let (label, domain) = site_label(h);
            key.len() >= 4 && (key == title_key(domain) || key == title_key(label))
        })
    }

    /// Whether `name` is the publisher's or the host's name, exactly.
    fn names_exactly(&self, name: &str) -> bool {
        self.publisher.is_some_and(|p| alnum_key(p) == alnum_key(name)) || self.host_names(name)
    }

    /// Whether `part` is one of the site's desks or editions: the site's name followed by a word or
    /// two ("CNN Business", "Courier Sports" on the Courier's site).
    fn names_desk(&self, part: &str) -> bool {
        let words: Vec<&str> = part.split_whitespace().collect();
        if !(2..=3).contains(&words.len()) {
            return false;
        }
        let first = alnum_key(words[0]);
        first.len() >= 3
            && (self.publisher.is_some_and(|p| alnum_key(p) == first) || self.host.is_some_and(|h| alnum_key(site_label(h).0) == first))
    }
}

/// The label that names the site in a host, and the domain from it on: "cnn" and "cnn.com" in
/// "edition.cnn.com", "smh" and "smh.com.au" in "www.smh.com.au". Subdomains ("www", "edition",
/// "news") and the public suffix (one label, or a second-level "co", "com", … before a country's)
/// are not the site's name.
fn site_label(host: &str) -> (&str, &str) {
    let mut labels: Vec<&str> = host.trim_end_matches('.').split('.').collect();
    if labels.len() >= 2 {
        labels.pop();
    }
    if labels.len() >= 2 && labels.last().is_some_and(|l| ["co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go", "gob", "gv"].contains(l)) {
        labels.pop();
    }
    let label = labels.last().copied().unwrap_or(host);
    let start = host.rfind(&format!("{label}.")).filter(|i| *i == 0 || host.as_bytes()[i - 1] == b'.').unwrap_or(0);
    (label, &host[start..])
}

fn title(html: &Html, profile: &Profile, metas: &Metas, ld: &JsonLd, site: SiteNames<'_>) -> Option<String> {
    if let Some(selector) = profile.selectors.title.as_deref().and_then(|s| Selector::parse(s).ok())
        && let Some(t) = html.select(&selector).map(element_text).find(|t| !t.is_empty()) {
            return Some(t);
        }
    let document_title = select_named(html, &TITLE, &["title"]).next().map(|t| collapse(&t.text().collect::<String>())).filter(|t| !t.is_empty());
    // The selector's class names are matched ASCII-case-insensitively in quirks mode: so is the
    // cheap test that skips the selector on every other element with a class.
    let may_match = |e: &scraper::node::Element| {
        e.name() == "h1" || e.attrs().any(|(name, value)| name == "itemprop" || (name == "class" && may_contain_any(value, &["entry-title", "headline"])))
    };
    // A `.headline` or `[itemprop=headline]` that holds a heading is the headline's box (CNN's
    // holds the h1, the byline, the date and "Link Copied!"): the heading in it is the headline.
    let holds_heading = |e: &ElementRef<'_>| e.descendants().skip(1).filter_map(ElementRef::wrap).any(|d| matches!(d.value().name(), "h1" | "h2" | "h3"));
    let headings: Vec<(ElementRef<'_>, String)> = select_where(html, &ARTICLE_H1, may_match)
        .filter(|e| !holds_heading(e))
        .chain(select_named(html, &H1, &["h1"]))
        .map(|h| (h, heading_text(&element_text(h))))
        .filter(|(_, t)| !t.is_empty())
        .take(8)
        .collect();
    // Editorial metadata first (JSON-LD, then the social tags), as Readability does.
    let article = ld.article();
    let candidates: Vec<String> = [
        article.and_then(|a| jsonld::string(a, "headline")),
        article.and_then(|a| jsonld::string(a, "name")),
        metas.first(&["dc:title", "dcterm:title", "dcterms:title"]),
        metas.first(&["og:title"]),
        metas.first(&["twitter:title"]),
        metas.first(&["parsely-title", "sailthru:title", "title"]),
    ]
    .into_iter()
    .flatten()
    .map(|t| collapse(&t))
    .filter(|t| !t.is_empty() && t.len() < 400)
    .collect();
    // A heading that also holds a link after the headline ("<h1><span>Headline</span><a
    // href=/mallorca.html>Ultima Hora Mallorca</a></h1>": the edition's front page) reads as
    // the headline when the metadata gives the headline without the link's text.
    let confirmed = |t: &str| {
        let key = title_key(t);
        !key.is_empty() && candidates.iter().chain(document_title.as_ref()).any(|c| title_key(c) == key)
    };
    let h1s: Vec<String> = headings
        .into_iter()
        .map(|(h, text)| {
            if confirmed(&text) || h.select(&LINKS).next().is_none() {
                return text;
            }
            let unlinked = heading_text(&collapse(&element_words_without(h, |e| e.value().name() == "a")));
            // Only a link after the headline: one before it is the story's topic or series.
            if unlinked.len() < text.len() && text.starts_with(unlinked.as_str()) && confirmed(&unlinked) { unlinked } else { text }
        })
        .collect();
    // An h2 that says what `<title>` says ("Superbugs: What They Are…" under an h1 of the site's
    // section) shows that the title's colon belongs to the headline, as an h1 would.
    let h1s = match &document_title {
        Some(d) if d.contains(": ") && select_named(html, &H2, &["h2"]).take(40).any(|h| collapse(&element_text(h)) == *d) => {
            h1s.into_iter().chain(std::iter::once(d.clone())).collect()
        }
        _ => h1s,
    };
    let Some(first) = candidates.first() else {
        return match document_title {
            Some(title) => {
                let tails = TitleTails::new(html, metas, ld, site, &[]);
                // The site's name known, what is left is the headline; else Readability's cut.
                let site_stripped = tails.strip(&title);
                let site_stripped = if site_stripped.len() < title.len() { site_stripped } else { strip_site_suffix(&title, site, None) };
                let title = if site_stripped.len() < title.len() { site_stripped } else { title_from_document_title(&title, &h1s) };
                let title = if h1s.iter().any(|h| title_key(h) == title_key(&title)) { title } else { tails.strip(&title) };
                Some(heading_after_label(&title, &h1s).unwrap_or(title))
            }
            None => h1s.into_iter().next(),
        };
    };
    let others: Vec<&str> = candidates.iter().map(String::as_str).chain(document_title.as_deref()).collect();
    let tails = TitleTails::new(html, metas, ld, site, &others);
    // A title that is the page's heading is the headline, whatever separators it holds.
    let stripped = |t: &str, h1: Option<&str>| {
        let t = strip_site_suffix(t, site, h1);
        if h1.is_some_and(|h| title_key(h) == title_key(&t)) { t } else { tails.strip(&t) }
    };
    let chosen = stripped(first, h1s.first().map(String::as_str));
    let chosen = match without_piped_tail(&chosen) {
        Some(head) if h1s.is_empty() => head.to_owned(),
        _ => chosen,
    };
    // A headline cut short for search engines ("…", or at the length they show) is the start of
    // the visible one.
    let chosen = completed_title(&chosen, &h1s).unwrap_or(chosen);
    // The first source is trusted when another one says the same (the page's heading, `<title>`,
    // another tag). Alone, it can be a description or a category in the headline field
    // (Wikipedia's JSON-LD): then the source that agrees with a heading on the page wins.
    let key = title_key(&chosen);
    // What a reader sees is the page's heading. Many sites give search engines another headline
    // (in JSON-LD, `<title>` or one of the tags): a heading that some other source confirms wins
    // over a first source that differs from every heading.
    if !h1s.iter().any(|h| title_key(h) == key) {
        for h1 in h1s.iter().filter(|h| long_heading(h) && !site.named_by(h)) {
            let h1_key = title_key(h1);
            if let Some(agreeing) = candidates.iter().map(|t| stripped(t, Some(h1))).find(|t| title_key(t) == h1_key) {
                return Some(agreeing);
            }
            if document_title.as_deref().is_some_and(|d| title_key(&stripped(d, Some(h1))) == h1_key || title_key(&title_from_document_title(d, &h1s)) == h1_key) {
                return Some(h1.clone());
            }
        }
    }
    let corroborated = candidates[1..].iter().map(|t| stripped(t, None)).chain(h1s.iter().cloned()).any(|t| title_key(&t) == key)
        || document_title.as_deref().is_some_and(|d| {
            title_key(d) == key || title_key(&stripped(d, None)) == key || title_key(&title_from_document_title(d, &h1s)) == key
        });
    if !corroborated {
        for h1 in &h1s {
            let h1_key = title_key(h1);
            if let Some(agreeing) = candidates.iter().map(|t| stripped(t, Some(h1))).find(|t| title_key(t) == h1_key) {
                return Some(agreeing);
            }
        }
    }
    Some(heading_after_label(&chosen, &h1s).unwrap_or(chosen))
}

/// "Headline | Valley Post" in a metadata title, on a page whose heading is no `h1` and that names
/// itself nowhere else: the tail after the last bar, when it is a short name (up to four words)
/// after a headline. Headlines hold a dash or a colon often, a bar almost never; "Opinion |
/// Headline" has its label first, and a short head is no headline.
fn without_piped_tail(title: &str) -> Option<&str> {
    let (head, tail) = [" | ", "｜"].iter().filter_map(|bar| title.rsplit_once(bar)).max_by_key(|(head, _)| head.len())?;
    let (head, tail) = (head.trim(), tail.trim());
    (long_heading(head) && !tail.is_empty() && tail.split_whitespace().count() <= 4 && tail.chars().count() < head.chars().count()).then_some(head)
}

/// "Column: The ballpark that refused to close", "Opinion | The ballpark that refused to close",
/// where the page's heading is the headline alone: the heading. The label is one to three words
/// before a colon or a separator (a section, a format: "Opinion", "Analysis", "Watch").
fn heading_after_label(title: &str, headings: &[String]) -> Option<String> {
    const LABEL_ENDS: &[&str] = &[": ", " | ", " - ", " – ", " — ", " :: ", " » ", "：", "｜"];
    let (label, rest) = LABEL_ENDS.iter().filter_map(|s| title.split_once(s)).min_by_key(|(label, _)| label.len())?;
    if !(1..=3).contains(&label.split_whitespace().count()) {
        return None;
    }
    let key = title_key(rest);
    headings.iter().find(|h| long_heading(h) && title_key(h) == key).cloned()
}

/// Where a title may end with the site's or a section's name ("Headline - Politics - Valley Post",
/// "标题_教育频道_山谷网"), and what shows that such an end is not the headline's own.
/// " @ " is how blog platforms join a post's title and the blog's name ("Post @ Blog :: Platform").
/// " : " is French typography's colon, and Indonesian portals' ("Headline : Okezone News").
const TAIL_SEPARATORS: &[&str] = &[" | ", "|", " - ", " – ", " — ", "—", " :: ", "::", " : ", " » ", "»", " « ", "«", " · ", " • ", " / ", " @ ", "_", "｜", "："];

/// Evidence that the end of a title, after a separator, names the site or one of its sections
/// rather than being part of the headline ("Left - Right Politics" must stay whole). A tail goes
/// when it is exactly:
/// - a name the page gives the site or the article's section: og:site_name, application-name, the
///   publisher (meta tags, JSON-LD), the JSON-LD WebSite's or Organization's name, the host's name,
///   the article's section (article:section, articleSection, a JSON-LD breadcrumb above it);
/// - the end of another of the page's titles whose head differs (`<title>` "Other headline | Site"
///   beside og:title "Headline | Site"), or what follows a head that another title is on its own;
/// - the text or logo (`img alt`) of a link to a home page ("/", "https://valleypost.example/"):
///   the masthead, which portals give no other name to.
///
/// In Chinese portals' "标题_频道_网站", once the site's name went after `_`, the channel's short
/// name before it goes too: the template has no other way to show it.
struct TitleTails<'a> {
    html: &'a Html,
    site: SiteNames<'a>,
    /// [`title_key`]s of the site's and sections' names.
    names: Vec<String>,
    others: &'a [&'a str],
    home_labels: std::cell::OnceCell<Vec<String>>,
}

impl<'a> TitleTails<'a> {
    fn new(html: &'a Html, metas: &Metas, ld: &JsonLd, site: SiteNames<'a>, others: &'a [&'a str]) -> TitleTails<'a> {
        let mut names: Vec<String> = ["og:site_name", "application-name", "apple-mobile-web-app-title", "publisher", "dc:publisher", "article:section"]
            .iter()
            .flat_map(|k| metas.all(k).iter().cloned())
            .chain(metas.all("twitter:site").iter().map(|h| h.trim_start_matches('@').to_owned()))
            .chain(site.publisher.map(str::to_owned))
            .collect();
        if let Some(article) = ld.article() {
            names.extend(ld.parties(article, "publisher").into_iter().map(|p| p.name));
            names.extend(jsonld::strings(article, "articleSection"));
        }
        names.extend(ld.names_of_types(&["WebSite", "Organization", "NewsMediaOrganization"]));
        names.extend(ld.breadcrumb_sections());
        let mut names: Vec<String> = names.iter().map(|n| title_key(n)).filter(|k| !k.is_empty()).collect();
        names.sort_unstable();
        names.dedup();
        TitleTails { html, site, names, others, home_labels: std::cell::OnceCell::new() }
    }

    /// The title without the site's and sections' names at its end.
    fn strip(&self, title: &str) -> String {
        let mut title = title.trim();
        // Every separator is tried against every other title: only for a title's length (the
        // metadata titles are bounded so; a hostile `<title>` can be any length).
        if title.len() > 400 {
            return title.to_owned();
        }
        let mut site_after_underscore = false;
        // The separator before the site's name, when one went.
        let mut site_separator: Option<&str> = None;
        'strip: loop {
            let mut splits: Vec<(usize, usize, bool)> = TAIL_SEPARATORS
                .iter()
                .flat_map(|s| title.match_indices(s).map(move |(i, _)| (i, i + s.len(), *s == "_")))
                .collect();
            // The shortest tail first.
            splits.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            for (i, j, underscore) in splits {
                let (head, tail) = (title[..i].trim(), title[j..].trim());
                if tail.chars().count() >= head.chars().count() {
                    break;
                }
                if long_heading(head) && self.names_site(head, tail) {
                    site_separator = site_separator.or(Some(&title[i..j]));
                    title = head;
                    site_after_underscore |= underscore;
                    continue 'strip;
                }
            }
            break;
        }
        if let Some(separator) = site_separator.filter(|s| s.trim() != "_") {
            title = without_section(without_section(title, separator), separator);
        }
        if site_after_underscore {
            for _ in 0..2 {
                let Some((head, channel)) = title.rsplit_once('_') else { break };
                let short = channel.chars().count() <= 6 && !channel.contains(char::is_whitespace) && channel.chars().any(is_cjk);
                if !short || !long_heading(head) || !head.chars().any(is_cjk) {
                    break;
                }
                title = head;
            }
        }
        title.to_owned()
    }

    fn names_site(&self, head: &str, tail: &str) -> bool {
        let key = title_key(tail);
        if key.is_empty() {
            return false;
        }
        if self.names.binary_search(&key).is_ok() || self.site.host_named_by_key(&key) {
            return true;
        }
        let head_key = title_key(head);
        let other_title = self.others.iter().any(|o| {
            let o = o.trim();
            title_key(o) == head_key
                || TAIL_SEPARATORS.iter().any(|s| o.strip_suffix(tail).and_then(|h| h.trim_end().strip_suffix(s.trim())).is_some_and(|h| !h.trim().is_empty() && title_key(h) != head_key))
        });
        other_title || self.home_labels.get_or_init(|| home_labels(self.html)).contains(&key)
    }
}

/// [`title_key`]s of the texts and logos (`img alt`) of the page's links to a home page.
fn home_labels(html: &Html) -> Vec<String> {
    let mut labels = Vec::new();
    for a in select_named(html, &LINKS, &["a"]).filter(|a| a.value().attr("href").is_some_and(is_home_href)) {
        if let Some(text) = element_text_within(a, 200) {
            labels.push(title_key(&text));
        }
        for img in a.descendants().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "img") {
            if let Some(alt) = img.value().attr("alt") {
                labels.push(title_key(alt));
            }
        }
    }
    labels.retain(|l| !l.is_empty());
    labels
}

/// "/", "https://valleypost.example", "//valleypost.example/index.html": a site's home page.
fn is_home_href(href: &str) -> bool {
    let href = href.trim();
    let after_scheme = href.strip_prefix("https:").or_else(|| href.strip_prefix("http:")).unwrap_or(href);
    let path = match after_scheme.strip_prefix("//") {
        Some(rest) => rest.find(['/', '?', '#']).map_or("", |i| &rest[i..]),
        None if after_scheme.starts_with('/') => after_scheme,
        None => return false,
    };
    matches!(path, "" | "/" | "/index.html" | "/index.htm" | "/index.php")
}

/// The heading's text without a permalink marker ("Installation¶" in documentation generators).
fn heading_text(text: &str) -> String {
    text.trim_end_matches(['¶', '§', '🔗']).trim_end().to_owned()
}

/// Letters and digits, lower-cased: two titles that differ only in punctuation, quotes or case
/// are the same title.
pub(super) fn title_key(title: &str) -> String {
    title.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The heading that `title` is a truncation of, when `title` looks truncated.
fn completed_title(title: &str, headings: &[String]) -> Option<String> {
    let trimmed = title.trim_end_matches(['…', '.', ' ']);
    let ellipsis = trimmed.len() < title.len();
    if !ellipsis && title.chars().count() < 60 {
        return None;
    }
    let key = title_key(trimmed);
    if key.len() < 20 {
        return None;
    }
    // With an ellipsis the heading may be the same words; without, it must say more.
    headings.iter().find(|h| {
        let h_key = title_key(h);
        (h_key.len() > key.len() || (ellipsis && h_key.len() == key.len())) && h_key.starts_with(&key)
    }).cloned()
}

const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » ", " :: ", " · "];

/// Readability's treatment of `<title>`: drop the site part after (or before) a separator, keep
/// the text after a colon unless a heading shows the colon belongs to the headline.
fn title_from_document_title(title: &str, headings: &[String]) -> String {
    let words = |s: &str| s.split_whitespace().count();
    let norm = |s: &str| s.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    // A heading that the title starts with is the headline itself.
    // Scripts without spaces between words count by characters ("标题_科技_腾讯网").
    if let Some(h) = headings.iter().find(|h| long_heading(h) && norm(title).starts_with(&norm(h))) {
        return h.clone();
    }
    // "标题_频道_网站": Chinese portals join the headline, the channel and the site with "_".
    if let Some((head, tails)) = title.split_once('_')
        && head.chars().filter(|c| is_cjk(*c)).count() >= 8
        && tails.split('_').count() >= 2
        && tails.split('_').all(|t| (1..=10).contains(&t.chars().count()) && !t.contains(char::is_whitespace))
    {
        return head.trim().to_owned();
    }
    // Few words, in a script that spaces them; or few characters, in one that does not.
    let short = |s: &str| words(s) <= 4 && s.chars().filter(|c| written_without_spaces(*c)).count() < 8;
    let mut current = title.to_owned();
    let mut hierarchical = false;
    if let Some((i, sep)) = TITLE_SEPARATORS.iter().filter_map(|s| title.rfind(s).map(|i| (i, *s))).max_by_key(|(i, _)| *i) {
        hierarchical = matches!(sep.trim(), "|" | "/" | "\\" | "»" | ">");
        current = title[..i].trim().to_owned();
        if !long_heading(&current)
            && let Some((j, sep)) = TITLE_SEPARATORS.iter().filter_map(|s| title.find(s).map(|i| (i, *s))).min_by_key(|(i, _)| *i) {
                current = title[j + sep.len()..].trim().to_owned();
            }
    } else if title.contains(": ") {
        if !headings.iter().any(|h| h == title) {
            let after_last = title.rsplit_once(": ").map_or(title, |(_, t)| t).trim().to_owned();
            current = if words(&after_last) < 3 {
                title.split_once(": ").map_or(title, |(_, t)| t).trim().to_owned()
            } else if title.split_once(": ").is_some_and(|(head, _)| words(head) > 5) {
                title.to_owned()
            } else {
                after_last
            };
        }
    } else if (title.len() > 150 || title.len() < 15) && headings.len() == 1 {
        current = headings[0].clone();
    }
    let stripped_words = title.split(|c| "|-\\/>»–—".contains(c)).map(words).sum::<usize>();
    if short(&current) && (!hierarchical || words(&current) + 1 != stripped_words) {
        current = title.to_owned();
    }
    current
}

/// "Headline | Site Name" in `<title>`, where the head is the headline: the site's name.
fn site_name_from_title(html: &Html, headline: Option<&str>) -> Option<String> {
    let norm = |s: &str| s.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let document_title = select_named(html, &TITLE, &["title"]).next().map(|t| collapse(&t.text().collect::<String>()))?;
    let headline = norm(headline?);
    [" | ", " – ", " — ", " - ", " :: ", " · "].iter().find_map(|separator| {
        let (head, tail) = document_title.rsplit_once(separator)?;
        let tail = tail.trim();
        // The head may hold a label before the headline ("Column: Headline - Site").
        let head_is_headline = norm(head) == headline || (headline.chars().count() >= 15 && norm(head).ends_with(&headline));
        (head_is_headline && !tail.is_empty() && tail.split_whitespace().count() <= 6).then(|| tail.to_owned())
    })
}

/// Between a headline and the site's or section's name. `_` and the full-width bar without spaces
/// are how Chinese portals join them ("标题_科技_腾讯网").
const SUFFIX_SEPARATORS: &[&str] = &[" | ", " – ", " — ", " - ", " :: ", " : ", " · ", " • ", " « ", " » ", " / ", "_", "｜", " ｜ "];

/// "Headline | Local News", once "| Valley Post" went: before the site's name, with the same
/// separator, a section's short name that the page gives nowhere else (up to three capitalised
/// words) goes too. Callers take two ("Headline - Valley - News - Valley Post").
fn without_section<'t>(title: &'t str, separator: &str) -> &'t str {
    // "Noticias de Colombia", "News of the World": small words between the capitalised ones.
    const PARTICLES: &[&str] = &["de", "del", "da", "do", "di", "la", "el", "of", "the", "and", "y", "e", "für", "und", "du", "des"];
    match title.rsplit_once(separator) {
        Some((head, section))
            if long_heading(head)
                && (1..=3).contains(&section.split_whitespace().filter(|w| !PARTICLES.contains(w)).count())
                && section.split_whitespace().count() <= 4
                && section.trim_start().starts_with(char::is_uppercase)
                && section.split_whitespace().all(|w| (w.starts_with(char::is_uppercase) || PARTICLES.contains(&w)) && !w.contains(char::is_numeric)) =>
        {
            head.trim_end()
        }
        _ => title,
    }
}

/// "Headline - Hindi News", "Headline | Latest News": a tail that says only that the site has news
/// (in a language, the latest), which sites set between the headline and their name (and keep
/// once the name went), goes whichever separator comes before it.
fn without_news_tagline(title: &str) -> &str {
    const WORDS: &[&str] = &[
        "latest", "breaking", "top", "today", "today's", "todays", "live", "online", "daily", "news", "updates", "headlines", "samachar", "khabar",
        "hindi", "urdu", "tamil", "telugu", "marathi", "bengali", "bangla", "gujarati", "punjabi", "kannada", "malayalam", "odia", "assamese",
        "nepali", "english", "sinhala",
    ];
    const NEWS: &[&str] = &["news", "samachar", "khabar", "headlines"];
    let Some((head, tail)) = SUFFIX_SEPARATORS.iter().filter(|s| s.starts_with(' ')).filter_map(|s| title.rsplit_once(s)).max_by_key(|(head, _)| head.len()) else {
        return title;
    };
    let words: Vec<String> = tail.split_whitespace().map(str::to_lowercase).collect();
    let tagline = (1..=4).contains(&words.len()) && words.iter().all(|w| WORDS.contains(&w.as_str())) && words.iter().any(|w| NEWS.contains(&w.as_str()));
    if tagline && long_heading(head) { head.trim_end() } else { title }
}

/// "Headline | Site Name" → "Headline", when the tail names the site or the head is the h1.
fn strip_site_suffix(title: &str, site: SiteNames<'_>, h1: Option<&str>) -> String {
    let norm = title_key;
    if let Some(h1) = h1 {
        if norm(h1) == norm(title) {
            return title.to_owned();
        }
        if let Some(head) = heading_then_tail(title, h1) {
            return head;
        }
    }
    for separator in SUFFIX_SEPARATORS.iter().filter(|s| s.starts_with(' ')) {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            // A logo's heading ("Valley Post | Rain Returns") is not the headline.
            let head_is_h1 = h1.is_some_and(|h| norm(h) == norm(head)) && tail.chars().count() < head.chars().count();
            if (site.named_by(tail) || head_is_h1) && head.split_whitespace().count() >= 2 {
                return if head_is_h1 { head.trim() } else { without_section(without_section(head.trim(), separator), separator) }.to_owned();
            }
        }
        if let Some((head, tail)) = title.split_once(separator) {
            // "Site Name | Headline"
            let head_names_site = site.publisher.is_some_and(|p| norm(p) == norm(head));
            if head_names_site && tail.split_whitespace().count() >= 2 {
                return tail.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// Long enough to be a headline rather than a logo or a section's name: three words, or eight
/// characters of a script written without spaces.
fn long_heading(heading: &str) -> bool {
    heading.split_whitespace().count() >= 3 || heading.chars().filter(|c| written_without_spaces(*c)).count() >= 8
}


/// The page's heading followed by a separator and a shorter tail ("Headline | Section | Site",
/// "标题_科技_腾讯网"): the heading. A short heading (a logo's "Valley Post") never cuts a title.
fn heading_then_tail(title: &str, heading: &str) -> Option<String> {
    let key = title_key(heading);
    if !long_heading(heading) {
        return None;
    }
    SUFFIX_SEPARATORS.iter().find_map(|separator| {
        title.match_indices(separator).find_map(|(i, _)| {
            let (head, tail) = (&title[..i], &title[i + separator.len()..]);
            (title_key(head) == key && tail.chars().count() < head.chars().count()).then(|| head.trim().to_owned())
        })
    })
}

/// "By", and its equivalents in the languages bylines come in ("Par", "Por", "Von", "Di", "Door",
/// "Av", "Przez", "Oleh"), or a label with a colon ("Author:", "Autor:", "Texto:"). The colons are
/// an alternation, not a class with a non-ASCII member, so that the pattern compiles for ASCII
/// text without a Unicode parse (see `pattern`).
static BY_PREFIX: Pattern = Pattern::new(
    r"(?i)^\s*(?:(?:von|de|par|dal|dalla|da)\s+(?:unserem|unserer|unseren|nuestro|nuestra|nuestros|notre|nos|nostro|nostra|nostri)\s+(?:\w+\s+)?(?:korrespondent(?:en|in)?|redakteur(?:in)?|reporter(?:in)?|mitarbeiter(?:in)?|corresponsal(?:es)?|enviad[oa]s?(?:\s+especial(?:es)?)?|correspondante?s?|envoyée?s?(?:\s+spéciale?s?)?|inviat[oa](?:\s+special[ei])?|corrispondente)\s+|laporan\s+(?:wartawan|reporter|kontributor|koresponden|jurnalis)\s+[^,]{1,40},\s*|(?:escrit[oa]|redactad[oa]|écrit|rédigée?|propos\s+recueillis|scritt[oa]|geschrieben|verfasst)\s+(?:por|par|da|von)\s*(?::)?\s+|(?:(?:written|writing|words|story|reporting|reported|posted|submitted|text|texto|texte|analysis|opinion|commentary|column|essay|review|interview)(?:\s+and\s+(?:photos|photographs|photography|pictures|illustrations|video))?\s+by|by|par|por|von|di|door|av|af|przez|oprac\.|oleh|bởi|από|του|της|โดย)\s*(?:[:\-]|–)?\s+|(?:authors?|autor|autora|autores|autorin|autorius|avtor|auteure?|autore|yazar|penulis|reporter|wartawan|pewarta|jurnalis|tekst|teksti|texto|text|texte|szerző|piše|автор|автори|текст|作者|撰文|记者|記者)\s*(?::|：)\s*|(?:بقلم|كتب|كتبت|מאת)\s*(?:[:\-]|–)?\s+|eine?\s+(?:kommentar|analyse|gastbeitrag|kolumne|essay|reportage)\s+von\s+)",
);
/// The literal prerequisites of [`BY_PREFIX`], for [`may_contain_any`].
const BY_WORDS: &[&str] = &[
    "by", "par", "por", "von", "di", "da ", "laporan", "door", "av", "af", "przez", "oprac", "oleh", "bởi", "โดย", "από", "Από", "ΑΠΟ", "του", "Του", "ΤΟΥ", "της", "Της", "ΤΗΣ", "aut", "yazar", "penulis", "reporter", "wartawan", "pewarta", "jurnalis", "tekst", "text", "szerz", "Szerz", "piše", "Piše",
    "автор", "Автор", "АВТОР", "текст", "Текст", "ТЕКСТ", "作者", "撰文", "记者", "記者", "بقلم", "كتب", "מאת", "unser", "nuestr", "notre", "nos ", "nostr",
];
/// What ends the names of a byline: separators, publication notes, dates and times (a weekday
/// before a date too: "Bryan Walsh Tuesday, Aug. 17"), the link to the writer's other stories
/// ("More from this author", "View all posts by") and credits for other work than the writing,
/// which a line break set apart ("Ann Roe<br>Photos by Bo Li"); [`BYLINE_COUNTERS`] has the rest. A month is its
/// first three letters here; [`without_tail`] tells a name ("Marchal 3", "Mayer 12") from a month.
///
/// A month's letters ("3. März 2024") are `(?-i:[\w&&[^\d_]])`: word characters but digits and `_`,
/// which is every letter (`\p{L}`) and also combining marks, so a decomposed "Ma\u{308}rz" too.
/// Unlike `\p{L}` it compiles with Unicode off, so an ASCII byline gets the cheap ASCII build
/// rather than a cut-down of the Unicode one (3 M instructions, a seventh of an `embed`).
static BYLINE_TAIL: Pattern = Pattern::new(r"(?i)\s*(?:\||•|·|\bupdated\b|\bpublished\b|\bposted\b|\b(?:publiziert|veröffentlicht|aktualisiert|publié|publiée|publicado|publicada|actualizado|atualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|opublikowano|publicerad|publiceret|publisert|julkaistu)\b|\d{1,2}\.\s*(?-i:[\w&&[^\d_]])+\.?\s+\d{4}\b|\bon\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d+\s+(?:min|minute|hour)s?\b|\b\d{1,2}:\d{2}|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|jueves|viernes|domingo)\b,?\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\bmore (?:from|by)\b|\b(?:photos?|photographs?|photography|pictures?|illustrations?|illustrated|videos?|graphics?|images?|artwork|editing|edited)\s+by\b|\b(?:view|see) all\b|\ball (?:posts|articles|stories) by\b).*$");
/// The literal prerequisites of the words that end a byline in other languages ("publiziert am",
/// "publié le"), for [`may_contain_any`].
const TAIL_WORDS: &[&str] = &["publi", "veröffentlicht", "aktualisiert", "actualizado", "atualizado", "pubblicato", "aggiornato", "gepubliceerd", "bijgewerkt", "opublikowano", "julkaistu"];
/// What ends a byline on blog platforms and in CJK pages, apart from [`BYLINE_TAIL`] so that it is
/// built only for the bylines that may hold it: "posted on <site>" (發表在, 投稿日), a date in CJK
/// (2024年3月), and the post's counters, a number and a counter's word ("42 Comments", "1.2K
/// views") or a counter's word and a number ("Views: 12", "留言(3)", "人氣(1280)").
static BYLINE_COUNTERS: Pattern = Pattern::new(r"(?i)\s*(?:[0-9]{2,4}\s*(?:年|년)\s*[0-9]{1,2}\s*(?:月|월)|(?:發表|发表|發佈|發布|发布|刊登|投稿)(?:在|於|于|日|時間|时间)|опубликован|\sno\s+comments|\sleave\s+a\s+(?:comment|reply)|[0-9][0-9.,]*\s*(?:[km]\s*)?(?:comments?|views?|likes?|shares?|responses?|replies|reactions?|kommentar|aufrufe|commentaires?|vues|comentarios?|comentários?|visitas|visualiza|commenti|reacties|weergaven|komentarz|wyświetle|коммент|просмотр)|\s(?:comments?|views?|likes?|shares?|responses|replies|reactions|kommentare|aufrufe|commentaires|vues|comentarios|visitas|commenti|reacties|коммент\S*|просмотр\S*)\s*(?::|\(|（|：)\s*[0-9]|(?:留言|評論|评论|回應|回应|人氣|人气|閱讀|阅读|瀏覽|浏览|點閱|点阅|點擊|点击|推薦|推荐|コメント|閲覧|댓글|조회수?|추천)\s*(?:\(|（|:|：)?\s*[0-9]).*$");
/// The literal prerequisites of [`BYLINE_COUNTERS`], for [`may_contain_any`].
const COUNTER_WORDS: &[&str] = &[
    "comment", "view", "like", "share", "respons", "repl", "reaction", "kommentar", "aufrufe", "vues", "comentar", "visitas", "visualiz",
    "reacties", "weergaven", "komentarz", "wyświetl", "коммент", "просмотр", "опубликован", "留言", "評論", "评论", "回應", "回应", "人氣", "人气", "閱讀",
    "阅读", "瀏覽", "浏览", "點閱", "点阅", "點擊", "点击", "推薦", "推荐", "コメント", "閲覧", "댓글", "조회", "추천", "發表", "发表", "發佈", "發布", "发布",
    "刊登", "投稿", "年", "년",
];
/// Between names: commas, "and" and its equivalents, a dash or a slash between spaces ("Ann Roe
/// — Staff Writer", "Ann Roe / Bo Li"). The short ones ("e", "i", "en") only in lower case, where
/// they cannot be a middle initial or a capitalised name.
static NAME_SPLIT: Pattern = Pattern::new(
    r"(?i)\s*(?:,\s*(?:and|und|et|y)\s+|,|;|\s+(?:-|–|—|/)\s+|\s+and\s+|\s+&\s+|\s+und\s+|\s+et\s+|\s+y\s+|\s+with\s+|\s+avec\s+|\s+mit\s+|\s+(?-i:e|i|og|och|en|con|com|met|и|та|és)\s+)\s*",
);
/// The literal prerequisites of a split by [`NAME_SPLIT`].
const JOIN_WORDS: &[&str] = &["and", "und", "et", "y", "with", "avec", "mit", " og ", " och ", " en ", " e ", " i ", " con ", " com ", " met ", " и ", " та ", " és "];
/// "Ann Roe (with Bo Li and Cy Ng)": co-authors credited in parentheses.
static WITH_PARENS: Pattern = Pattern::new(r"(?i)\s*\((?:with|avec|mit|con|com|met|med|z)\s+([^()]+)\)");
static ROLE: Pattern = Pattern::new(
    r"(?i)\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|journalist|photographer|producer|intern|fellow|special to|engineer|developer|manager|designer|scientist|analyst|researcher|director|officer|president|founder|redakteur(?:in)?|korrespondent(?:in)?|corresponsal|correspondante?|r.dact(?:eur|rice)|redattore|redactora?|periodista|jornalista|giornalista|journaliste)s?\b",
);
/// A role that opens a part and says of what or where: "Professor of History", "Senior Lecturer in
/// Law", "Director at the Urban Institute" (a capitalised word after the role would be a name:
/// "Professor Jane Roe").
static ROLE_FIRST: Pattern = Pattern::new(
    r"^(?:(?:Senior|Associate|Assistant|Adjunct|Visiting|Emeritus|Research|Deputy|Executive|Managing|Contributing|Chief)\s+)*(?:Professor|Lecturer|Reader|Researcher|Scientist|Fellow|Director|Editor|Writer|Reporter|Correspondent|Analyst|Economist|Candidate|Student|Dean|Chair|Head|Curator|Historian)s?\s+(?:of|at|in|for|and|on|with)\s",
);
/// A role that ends a part ("AP National Political Writer", "Senior Reporter").
static ROLE_LAST: Pattern = Pattern::new(
    r"(?i)\b(?:writer|reporter|correspondent|editor|contributor|columnist|journalist|photographer|producer|intern|engineer|developer|manager|designer|scientist|analyst|researcher|director|officer|president|founder|redakteur(?:in)?|korrespondent(?:in)?|corresponsal|correspondante?|r.dact(?:eur|rice)|redattore|redactora?|periodista|jornalista|giornalista|journaliste)s?\.?$",
);

/// The literal prerequisites of [`ROLE_LAST`], for [`may_contain_any`] (`r.dact` is "dact").
const ROLE_LAST_WORDS: &[&str] = &[
    "writer", "reporter", "correspond", "corresponsal", "editor", "contributor", "columnist", "journalist", "photographer", "producer", "intern", "engineer",
    "developer", "manager", "designer", "scientist", "analyst", "researcher", "director", "officer", "president", "founder", "redakteur",
    "korrespondent", "dact", "redattore", "redactor", "periodista", "jornalista", "giornalista",
];

/// "Ann Roe (with Bo Li and Cy Ng)" → "Ann Roe, Bo Li and Cy Ng".
fn co_authors_unwrapped(text: Cow<'_, str>) -> Cow<'_, str> {
    let mut out = String::new();
    let mut last = 0;
    for c in WITH_PARENS.captures_iter(&text) {
        let (Some(whole), Some(names)) = (c.get(0), c.get(1)) else { continue };
        out.push_str(&text[last..whole.start()]);
        out.push_str(", ");
        out.push_str(names.as_str());
        last = whole.end();
    }
    if last == 0 {
        return text;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// `text` without what it puts in parentheses after the co-authors are out of them: the place and
/// the role ("Jean Dupont (Bruxelles, correspondant)"), the outlet ("Noa Shalev (Haaretz)"; the
/// judge reads the byline's own text). An unclosed parenthesis stays.
fn without_parentheticals(text: Cow<'_, str>) -> Cow<'_, str> {
    let mut out = String::with_capacity(text.len());
    let mut rest = &*text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else { break };
        out.push_str(&rest[..open]);
        rest = &rest[open + close + 1..];
    }
    if out.is_empty() && rest.len() == text.len() {
        return text;
    }
    out.push_str(rest);
    Cow::Owned(collapse(&out))
}

/// Month names as they follow [`BYLINE_TAIL`]'s three letters, in the languages bylines come in;
/// a longer word with the same opening is a name ("Marchal", "Mayer", "Julian").
const MONTH_NAMES: &[&str] = &[
    "january", "february", "march", "april", "june", "july", "august", "sept", "september", "october", "november", "december", "januar", "februar",
    "januari", "februari", "juni", "juli", "augusti", "augustus", "maart", "mars", "janvier", "septembre", "octobre", "novembre", "marzo", "mayo",
    "junio", "julio", "junho", "julho", "septiembre", "octubre", "noviembre", "novembro",
];

/// `text` without its tail ([`BYLINE_TAIL`]), unless what the pattern took for a month is a name.
/// Checked here rather than by spelling the months out in the pattern, whose build then cost
/// 1.2 M instructions more (5 % of an `embed`).
fn without_tail(text: &str) -> Cow<'_, str> {
    let mut from = 0;
    while let Some(m) = BYLINE_TAIL.find(&text[from..]) {
        let start = from + m.start();
        let rest = text[start..].trim_start();
        let word_len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        let word = rest[..word_len].to_lowercase();
        if word.len() > 3 && MONTH_OPENINGS.iter().any(|p| word.starts_with(p)) && !MONTH_NAMES.contains(&word.as_str()) {
            // Past the name: `rest` ends where `text` does.
            from = text.len() - rest.len() + word_len;
            continue;
        }
        return Cow::Owned(text[..start].to_owned());
    }
    Cow::Borrowed(text)
}

/// Split a byline text ("By A, B and C | May 3") into names.
pub(crate) fn parse_byline(text: &str) -> Vec<String> {
    let text = collapse(text);
    // "홍길동 기자 hong@example.co.kr", "Ann Roe ann@example.com": the address is not a name.
    let text = if text.contains('@') || may_contain_any(&text, &["://", "www."]) { without_contact_words(&text) } else { text };
    let text = match unbracketed(&text) {
        Some(inner) => inner.to_owned(),
        None => text,
    };
    let text = if text.is_ascii() {
        text
    } else {
        without_cjk_credits(cjk_labelled_names(&text).unwrap_or(&text))
    };
    let text = match after_dated_opening(&text) {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    // Each pattern only where its literal prerequisites are (building one costs more than reading
    // a small page).
    let text = if may_contain_any(&text, BY_WORDS) { BY_PREFIX.replace(&text, "") } else { Cow::Borrowed(text.as_str()) };
    // "Ahmet Yılmaz tarafından": Turkish puts its "by" after the name.
    let text = match text.trim_end().strip_suffix("tarafından").or_else(|| text.trim_end().strip_suffix("tarafindan")) {
        Some(name) if name.ends_with(' ') => Cow::Owned(name.trim_end().to_owned()),
        _ => text,
    };
    // "责任编辑：李明", "Editor: Bo Li" alone: the names of others than the writers.
    if labels_other_work(&text) {
        return Vec::new();
    }
    let text = match without_label(&text).or_else(|| without_bare_label(&text)) {
        Some(rest) => Cow::Owned(rest.to_owned()),
        None => text,
    };
    let text = if text.contains('(') { co_authors_unwrapped(text) } else { text };
    let may_have_tail = text.contains(['|', '•', '·'])
        || text.contains(char::is_numeric)
        || may_contain_any(&text, &["updated", "published", "posted", "more ", " all ", " by "])
        || may_contain_any(&text, TAIL_WORDS)
        || (may_contain_any(&text, &["on"]) && may_contain_any(&text, &MONTH_OPENINGS));
    let text = if may_have_tail { without_tail(&text) } else { Cow::Borrowed(&*text) };
    let text = if may_contain_any(&text, COUNTER_WORDS) { BYLINE_COUNTERS.replace(&text, "") } else { text };
    let text = if text.contains(|c: char| c.is_ascii_digit()) { Cow::Owned(without_numbers(&text).to_owned()) } else { text };
    let text = if text.contains('(') { without_parentheticals(text) } else { text };
    let mut names: Vec<String> = Vec::new();
    let splits = text.contains([',', '&', ';']) || may_contain_any(&text, JOIN_WORDS) || [" - ", " – ", " — ", " / "].iter().any(|dash| text.contains(dash));
    let parts = if splits { split_names(text.trim()) } else { vec![("", text.trim())] };
    let last = parts.len().saturating_sub(1);
    // The part before was a role or place in lower case after a name ("corresponsal").
    let mut after_role = false;
    for (i, &(separator, part)) in parts.iter().enumerate() {
        let whole = part.trim().trim_matches(|c: char| c == ',' || c == ';' || c == ':');
        let part = without_description_glued(whole);
        if part.is_empty() {
            continue;
        }
        // "Ana Ruiz, corresponsal en Nueva York", "Jeanne Roy, envoyée spéciale en Ukraine":
        // after a role, "en" is "in", and what follows it is a place, not a co-author.
        if std::mem::take(&mut after_role) && separator.trim() == "en" {
            continue;
        }
        // "Reporting by Ann Roe; Editing by Bo Li", "Ann Roe; Additional reporting by Cy Ng":
        // the credits after the writer's are for other work.
        if !names.is_empty() && credits_other_work(part) {
            break;
        }
        // "Maria Silva — São Paulo", "Иван Петров — корреспондент": after a dash comes the
        // place, the role or the outlet; co-authors are listed with commas and "and".
        if !names.is_empty() && matches!(separator.trim(), "-" | "–" | "—") {
            break;
        }
        if let Some(previous) = names.last_mut() {
            // "Martin Luther King, Jr.": the suffix is part of the name before it.
            if NAME_SUFFIXES.contains(&part) {
                previous.push_str(", ");
                previous.push_str(part);
                continue;
            }
            // "Jane Roe, MD, MPH": degrees, not co-authors.
            if is_credential(part) {
                continue;
            }
            // "Jana Schmidt, Berlin", "Ирина Волкова, Москва", "Max Roe, Hamburg, und Eva Li":
            // one capitalised word after a comma (or a dash), closing the byline or before the
            // next name's "and", is where the reporter filed from. A co-author has a whole name,
            // and "and" joins co-authors only.
            let lists = !separator.contains(|c: char| c.is_alphabetic() || c == '&');
            let names_next = parts.get(i + 1).is_some_and(|(next, _)| next.contains(char::is_alphabetic));
            if lists && (i == last || names_next) && previous.split_whitespace().count() >= 2 && is_filing_place(part) {
                continue;
            }
            // "João Silva, da Folha", "Jane Doe, for The Valley Post", "Ann Roe, Special to the
            // Post": the paper the reporter wrote for.
            if lists && is_for_outlet(part) {
                continue;
            }
            // "Jane Roe, Chicago Tribune", "Jane Roe, University of Leeds": where the writer works.
            if lists && is_affiliation(part) {
                continue;
            }
        }
        // "Иван Иванов, корреспондент", "Ann Roe, envoyée spéciale": a part in lower case after
        // a name is the writer's role or place, in any language; a co-author's name is cased.
        if !names.is_empty() && part.chars().any(char::is_lowercase) && !part.chars().any(char::is_uppercase) {
            after_role = true;
            continue;
        }
        // "Jane Roe, Staff Writer", "Jane Roe, Professor of History": a role after a comma
        // belongs to the previous name.
        // After "and", a name is left once the role goes ("Ann Roe and Bo Li Staff Writers").
        let role = ROLE.is_match(part)
            && (ROLE_LAST.is_match(part) || part.split_whitespace().all(|w| ROLE.is_match(w) || w.chars().next().is_some_and(char::is_lowercase) || w.len() <= 3));
        let joined = separator.contains(|c: char| c.is_alphabetic() || c == '&');
        let named = if joined { without_role_glued(part) } else { part };
        if !names.is_empty() && ((role && named.len() == part.len()) || ROLE_FIRST.is_match(whole)) {
            continue;
        }
        let name = without_affiliation_glued(without_filing_place(named));
        let name = if name.is_ascii() { name } else { without_cjk_title(name) };
        let unroled = without_role_glued(name);
        // "Ana Ruiz Corresponsal en Madrid": after a role, "en" is "in" here too.
        after_role = unroled.len() < name.len();
        names.push(unroled.to_owned());
    }
    for name in &mut names {
        *name = clean_name(name);
    }
    names.retain(|n| looks_like_name(n));
    names
}

/// [`without_contact`] for a byline's text: its addresses go ("홍길동 기자 hong@example.co.kr",
/// "Ann Roe, ann@example.com"), and the word that announced them ("Email:").
fn without_contact_words(text: &str) -> String {
    let kept = without_contact(text);
    let kept = kept.trim_end();
    let announced = ["e-mail", "email", "mail", "contact"]
        .iter()
        .find_map(|w| kept.len().checked_sub(w.len()).filter(|&at| kept.is_char_boundary(at) && kept[at..].eq_ignore_ascii_case(w) && (at == 0 || !kept[..at].ends_with(char::is_alphanumeric))));
    let kept = announced.map_or(kept, |at| &kept[..at]);
    kept.trim_end_matches(|c: char| matches!(c, '-' | '–' | '—' | '|' | ',' | ';' | ':' | '/') || c.is_whitespace()).to_owned()
}

/// The reporter's title that Chinese papers set before the names ("记者 张三", "本报记者 张三",
/// "新华社记者 张三"; "文/张三", "text by"), and Korean's "홍길동·김철수 기자" (a middle dot between
/// two names, where elsewhere it separates a date). [`without_cjk_title`] takes the title after a
/// name.
fn without_cjk_credits(text: &str) -> String {
    const BEFORE: &[&str] = &["记者", "記者", "特派员", "特派員", "通讯员", "通訊員", "撰稿", "撰文", "图文", "圖文", "文字", "文"];
    let mut text = text.to_owned();
    // "김영희 기자 = 서울", "서울=김영희 기자": Korean papers join the place reported from to the
    // reporter with "=". Not inside brackets: "(서울=연합뉴스) 김영희 기자" is the dateline's.
    if let Some(at) = text.find('=')
        && !text[..at].contains(['(', '（', '[', '【'])
    {
        let titled = |side: &str| without_cjk_title(side).len() < side.trim_end().len();
        let (left, right) = (text[..at].trim(), text[at + 1..].trim());
        if titled(left) {
            text = left.to_owned();
        } else if titled(right) {
            text = right.to_owned();
        }
    }
    // "밸리일보 김영희 기자", "본보 김영희 기자": the paper ("본보", "this paper") before the
    // reporters, whose names are one word each.
    const PAPER_ENDS: &[&str] = &["일보", "신문", "뉴스", "방송", "닷컴", "본보", "타임스", "타임즈"];
    if let Some((paper, names)) = text.split_once(' ')
        && PAPER_ENDS.iter().any(|p| paper.ends_with(p))
        && paper.chars().all(is_hangul)
        && names.starts_with(is_hangul)
        && without_cjk_title(names).len() < names.trim_end().len()
    {
        text = names.to_owned();
    }
    // "記者王小明／台北報導" (Taiwan's papers): the place reported from goes after a slash, and the
    // title is glued to the name.
    if let Some(head) = ["報導", "报道", "報道"].iter().find_map(|r| text.strip_suffix(r))
        && let Some((name, place)) = head.rsplit_once(['／', '/'])
        && (1..=6).contains(&place.trim().chars().count())
        && place.trim().chars().all(is_cjk)
    {
        text = name.trim().to_owned();
    }
    if let Some(name) = ["记者", "記者"].iter().find_map(|t| text.strip_prefix(t))
        && (2..=4).contains(&name.chars().count())
        && name.chars().all(is_cjk)
    {
        text = name.to_owned();
    }
    // "记者张三、李四", "记者 张三 李四": after the title that Chinese papers set before them, names
    // are listed with "、" or a space (Japanese sets its title after the name and may space a
    // name's two parts, "山田 太郎 記者").
    if let Some(names) = ["记者", "記者"].iter().find_map(|t| text.strip_prefix(t)) {
        let listed: Vec<&str> = names.split(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | ',')).filter(|n| !n.is_empty()).collect();
        if listed.len() >= 2 && listed.iter().all(|n| (2..=4).contains(&n.chars().count()) && n.chars().all(is_cjk)) {
            text = listed.join(", ");
        }
    }
    // "홍길동·김철수": the dot between two Korean names joins them (in Chinese it is inside a
    // foreign name: "唐纳德·特朗普").
    if text.contains('·') {
        let mut joined = String::with_capacity(text.len() + 4);
        let mut chars = text.chars().peekable();
        let mut previous = None;
        while let Some(c) = chars.next() {
            if c == '·' && previous.is_some_and(is_hangul) && chars.peek().copied().is_some_and(is_hangul) {
                joined.push_str(", ");
            } else {
                joined.push(c);
            }
            previous = Some(c);
        }
        text = joined;
    }
    // "文/张三", "记者：张三", "本报记者 张三": a title of up to eight characters before the names,
    // followed by a slash, a colon or a space.
    let head_end = text.find(|c: char| c.is_whitespace() || matches!(c, '/' | '／' | '|' | '｜' | ':' | '：')).filter(|&at| at > 0);
    if let Some(at) = head_end {
        let head = &text[..at];
        let rest = text[at..].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '/' | '／' | '|' | '｜' | ':' | '：'));
        let slash = text[at..].trim_start().starts_with(['/', '／', '|', '｜', ':', '：']);
        // A lone 文 ("text") only before a slash: a name can end with it ("李文").
        let title = BEFORE.iter().any(|t| if *t == "文" { head == "文" && slash } else { head.ends_with(t) })
            && head.chars().count() <= 8
            && head.chars().all(is_cjk);
        if title && rest.starts_with(is_cjk) {
            text = rest.to_owned();
        }
    }
    text
}

/// "（山田太郎 記者）", "(By Ann Roe)": a byline set whole in brackets, without them.
fn unbracketed(text: &str) -> Option<&str> {
    [('(', ')'), ('（', '）'), ('[', ']'), ('【', '】')].iter().find_map(|&(open, close)| {
        let inner = text.trim().strip_prefix(open)?.strip_suffix(close)?;
        (!inner.contains([open, close])).then(|| inner.trim())
    })
}

/// Chinese labels of the writer, in a line of the story's particulars.
const CJK_AUTHOR_LABELS: &[&str] = &["作者", "撰文", "撰稿", "记者", "記者"];

/// "2026-01-14 来源：新华网 作者：张三 责任编辑：李四": the names after a Chinese writer's label and
/// its colon, up to the next field's label (a word and a colon after a space). Chinese sites set
/// the writer among the source, the date and the editor, in one line.
fn cjk_labelled_names(text: &str) -> Option<&str> {
    let (at, label) = CJK_AUTHOR_LABELS.iter().filter_map(|l| text.find(l).map(|at| (at, *l))).min()?;
    let rest = text[at + label.len()..].trim_start().strip_prefix([':', '：'])?.trim_start();
    let end = rest
        .char_indices()
        .filter(|&(_, c)| matches!(c, ':' | '：'))
        .find_map(|(colon, _)| rest[..colon].trim_end().rfind(char::is_whitespace))
        .unwrap_or(rest.len());
    Some(rest[..end].trim()).filter(|names| !names.is_empty())
}

/// A line that credits the writer the way Chinese, Korean and Japanese papers do, with nothing
/// else but a date or the story's other particulars: a title before short names ("记者 张伟", "文/李明", "本报记者 张伟 王芳"), a
/// writer's label among the particulars ("来源：本站 作者：王芳"), or names before a Korean
/// reporter's title ("홍길동 기자", "홍길동·김철수 기자 입력 2026.01.14"). Not a lede that opens with
/// the reporter ("记者从市政府获悉，…").
fn is_cjk_credit_line(text: &str) -> bool {
    const MARKERS: &[&str] = &["作者", "撰文", "撰稿", "记者", "記者", "文/", "文／", "特派", "通讯员", "通訊員", "기자", "특파원"];
    if text.is_ascii() || !MARKERS.iter().any(|m| text.contains(m)) {
        return false;
    }
    let short_names = |names: &str| {
        let names: Vec<&str> = names.split(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | ',' | '·' | '/' | '／')).filter(|n| !n.is_empty()).collect();
        (1..=4).contains(&names.len()) && names.iter().all(|n| (2..=4).contains(&n.chars().count()) && n.chars().all(is_cjk))
    };
    let text = without_numbers(text).trim();
    if let Some(names) = cjk_labelled_names(text) {
        let parsed = parse_byline(names);
        return short_names(names) || (!parsed.is_empty() && parsed.iter().all(|n| capitalised_name(n) && n.is_ascii()));
    }
    let after_title = without_cjk_credits(text);
    if after_title.len() < text.len() {
        return short_names(&after_title);
    }
    // Korean: the names, then the title ("홍길동 기자"); hangul names, so that a Chinese "本报记者"
    // is not read as the name "本报".
    let text = if text.contains('@') { without_contact_words(text) } else { text.to_owned() };
    let name = without_cjk_title(&text);
    name.len() < text.trim_end_matches([' ', '=']).len() && short_names(name) && name.chars().all(|c| is_hangul(c) || !c.is_alphanumeric())
}

/// "홍길동 기자", "홍길동기자", "山田太郎 記者": a name without the reporter's title that Korean and
/// Japanese papers set after it. Not "기자" alone.
fn without_cjk_title(name: &str) -> &str {
    const AFTER: &[&str] = &["선임기자", "객원기자", "수습기자", "인턴기자", "전문기자", "기자", "특파원", "논설위원", "편집위원", "記者", "特派員", "編集委員", "记者", "特派员"];
    let name = name.trim_end_matches([' ', '=']);
    AFTER.iter().find_map(|t| name.strip_suffix(t)).map(str::trim_end).filter(|n| n.ends_with(is_cjk)).unwrap_or(name)
}

/// "Yazar: Ahmet Yılmaz", "كتب: محمد علي", "Napsal: Jan Novák": a byline that opens with one word
/// and a colon opens with a label, in whatever language; the names follow it. `None` when there
/// is no such label, or nothing after it.
fn without_label(text: &str) -> Option<&str> {
    let colon = text.find([':', '：'])?;
    let label = text[..colon].trim();
    let rest = text[colon..].trim_start_matches([':', '：']).trim_start();
    let one_word = !label.is_empty() && label.chars().count() <= 20 && label.chars().all(|c| c.is_alphabetic() || c == '-');
    (one_word && rest.starts_with(|c: char| c.is_alphabetic())).then_some(rest)
}

/// Labels that open a byline without a colon when a capitalised name follows ("Penulis Fulan
/// Hakim", Kompas's credit line; "Reporter Jane Doe").
const BARE_LABELS: &[&str] = &["penulis", "wartawan", "pewarta", "jurnalis", "reporter", "author", "autor", "autora", "yazar"];

/// "Penulis Fulan Hakim", "Ni Juan dela Cruz" (Tagalog), "de Ion Popescu" (Romanian): a label or
/// a by-word that opens the byline without a colon, before a capitalised name. Tagalog's "Ni" and
/// Romanian's lower-case "de" are also names' first words ("Ni Wei", "de Souza"), so they count
/// only before a name of two words or more. `None` when the text opens otherwise.
fn without_bare_label(text: &str) -> Option<&str> {
    let text = text.trim_start();
    let (first, rest) = text.split_once(char::is_whitespace)?;
    let rest = rest.trim_start();
    let mut words = rest.split_whitespace();
    let next_capitalised = words.next().and_then(|w| w.chars().next()).is_some_and(char::is_uppercase);
    let label = BARE_LABELS.iter().any(|l| first.eq_ignore_ascii_case(l));
    let by_word = matches!(first, "Ni" | "ni" | "de") && words.next().is_some_and(|w| w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(&w));
    (next_capitalised && (label || by_word)).then_some(rest)
}

/// Words that announce a date in Korean and Chinese bylines ("입력 2025.01.14 09:30", "发布时间：").
const DATE_LABELS: &[&str] = &["기사입력", "입력", "수정", "승인", "등록", "发布时间", "發布時間", "更新时间", "更新時間", "时间", "時間", "日期"];

/// The byline up to the first word that opens with a digit: names hold none, so from there on it
/// is a date, a time or a counter ("Jane Doe 03.03.2024, 12:00 Uhr", "홍길동 기자 2024.03.05",
/// "Ann Roe 2 hrs ago"). The whole text when nothing with a letter comes before such a word.
fn without_numbers(text: &str) -> &str {
    let mut previous = ' ';
    for (at, c) in text.char_indices() {
        if c.is_ascii_digit() && (previous.is_whitespace() || matches!(previous, '(' | '[' | ',' | '|' | '·' | '•')) {
            let word_start = if previous.is_whitespace() { at } else { at - previous.len_utf8() };
            let separators = |c: char| matches!(c, ',' | '|' | '-' | '–' | '—' | '·' | '•' | '/' | ':' | '：') || c.is_whitespace();
            let head = text[..word_start].trim_end_matches(separators);
            // "입력 2025.01.14": the label of the date goes with it.
            let head = DATE_LABELS.iter().find_map(|l| head.strip_suffix(l)).map_or(head, |h| h.trim_end_matches(separators));
            if head.contains(char::is_alphabetic) {
                return head;
            }
            return text;
        }
        previous = c;
    }
    text
}

/// "Editing by Bo Li", "Additional reporting by Cy Ng", "Photos by Di Wu": a credit for other work
/// than the writing, which follows the writer's in Reuters-style and magazine bylines.
fn credits_other_work(part: &str) -> bool {
    if labels_other_work(part) {
        return true;
    }
    let words: Vec<&str> = part.split_whitespace().take(4).collect();
    let Some(by) = words.iter().position(|w| w.trim_end_matches(':').eq_ignore_ascii_case("by")) else { return false };
    (1..=2).contains(&by) && words[0].starts_with(char::is_uppercase) && words.len() > by + 1
}

/// Whether `text` opens with the label of work other than the writing, and its colon: "Fotos:
/// Luis Pérez", "Photos: Bo Li", "Video: Cy Ng", "Editor: Wawan Sulis", "责任编辑：李明" (the
/// editor in charge, under every Chinese portal's story).
fn labels_other_work(text: &str) -> bool {
    const OTHER_WORK: &[&str] = &[
        "photo", "photos", "foto", "fotos", "fotografía", "fotografia", "fotografie", "photographie", "photography", "video", "vídeo", "illustration",
        "ilustración", "ilustração", "illustrazione", "infografía", "graphics", "gráficos", "edición", "edição", "editing", "editor", "edited", "bild", "bilder",
        "redaktur", "penyunting", "редактор", "责任编辑", "責任編輯", "编辑", "編輯", "主编", "主編", "校对", "校對", "编审", "摄影", "攝影", "編集", "편집",
    ];
    text.split_once([':', '：']).is_some_and(|(label, _)| label.len() <= 30 && OTHER_WORK.contains(&label.trim().to_lowercase().as_str()))
}

/// Words that qualify a role ("Senior Reporter", "Staff Writer", "Contributing Editor").
const ROLE_MODIFIERS: &[&str] = &[
    "Senior", "Staff", "Contributing", "Chief", "Associate", "Deputy", "Managing", "Executive", "Guest", "Freelance", "Assistant", "Political",
    "National", "Foreign", "Investigative", "Sports", "Science", "Health", "Business", "Opinion", "Features", "Digital", "Special", "Software",
    "Product", "Program", "Research", "Technical", "Vice",
];

/// "Jane Doe Staff Writer", "Jane Doe Contributor": a role the layout set after the name with no
/// separator (the name and the role are elements of their own, set apart by style). What is left
/// must be a capitalised name of two words or more.
fn without_role_glued(part: &str) -> &str {
    // The pattern only where its words may be (most names hold none, and its build costs more).
    if !may_contain_any(part, ROLE_LAST_WORDS) || !ROLE_LAST.is_match(part) {
        return part;
    }
    let is_role_word = |w: &str| ROLE.is_match(w) || ROLE_MODIFIERS.iter().any(|m| m.eq_ignore_ascii_case(w));
    let mut name = part.trim();
    while let Some((head, last)) = name.rsplit_once(char::is_whitespace)
        && is_role_word(last)
    {
        name = head.trim_end();
    }
    let stripped = name.len() < part.trim().len();
    if stripped && name.split_whitespace().count() >= 2 && capitalised_name(name) { name } else { part }
}

/// The byline split at [`NAME_SPLIT`]: each piece with the separator before it ("" for the first).
fn split_names(text: &str) -> Vec<(&str, &str)> {
    let mut pieces = Vec::new();
    let (mut separator, mut from) = ("", 0);
    for m in NAME_SPLIT.find_iter(text) {
        pieces.push((separator, &text[from..m.start()]));
        (separator, from) = (m.as_str(), m.end());
    }
    pieces.push((separator, &text[from..]));
    pieces
}

/// What follows a surname after a comma and belongs to it.
const NAME_SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

/// Degrees written after a name, without their dots; case matters ("Jack Ma" keeps his name).
const CREDENTIALS: &[&str] = &["MA", "MD", "PhD", "RN", "MPH", "MS", "BA", "Esq", "LCSW", "DDS", "CPA", "MBA", "JD", "DVM", "PsyD", "EdD", "MSW"];

fn is_credential(word: &str) -> bool {
    let bare: String = word.chars().filter(|&c| c != '.').collect();
    CREDENTIALS.contains(&bare.as_str())
}

/// One word of letters (a hyphen or an apostrophe inside) that opens with a capital.
fn is_one_cased_word(part: &str) -> bool {
    part.chars().next().is_some_and(char::is_uppercase) && part.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// A place a byline names after the reporter's name, as [`parse_byline`] reads it there: one
/// capitalised word ("Berlin"); one word of a script without case ("लखनऊ", where a co-author
/// would have a given name and a family name); or a city's name of two or three words that
/// opens or ends as cities' names do ("New Delhi", "San José", "Kuala Lumpur", "Mexico City",
/// "नई दिल्ली").
fn is_filing_place(part: &str) -> bool {
    let word_chars = |w: &str| w.chars().all(|c| c.is_alphabetic() || super::furniture::is_mark(c) || matches!(c, '-' | '\'' | '’' | '.'));
    // Not Chinese, Japanese or Korean, whose names are one word too ("王小明, 李大华").
    let uncased = |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(|c| c.is_uppercase() || c.is_lowercase() || super::text::is_cjk(c));
    let words: Vec<&str> = part.split_whitespace().collect();
    match words.as_slice() {
        [one] => is_one_cased_word(one) || (uncased(one) && word_chars(one)),
        [first, .., last] if words.len() <= 3 => {
            const OPENINGS: &[&str] = &[
                "New", "San", "Santa", "Santo", "São", "Saint", "St.", "Los", "Las", "Port", "Fort", "Cape", "Kuala", "Buenos", "Rio", "Tel", "Hong", "Nueva", "Nuevo",
                "Ciudad", "Porto", "Bandar", "Ho", "Sankt", "नई", "नवी",
            ];
            words.iter().all(|w| word_chars(w) && (w.starts_with(char::is_uppercase) || uncased(w) || matches!(*w, "de" | "do" | "da" | "del" | "di")))
                && (OPENINGS.contains(first) || *last == "City")
        }
        _ => false,
    }
}

/// A part that names the paper a reporter wrote for rather than a person: "da Folha", "do
/// Estadão", "for The Valley Post", "Special to The Valley Post".
fn is_for_outlet(part: &str) -> bool {
    const FOR: &[&str] = &["da ", "do ", "de ", "del ", "della ", "du ", "for ", "special to "];
    let Some(opener) = FOR.iter().find(|w| part.get(..w.len()).is_some_and(|head| head.eq_ignore_ascii_case(w))) else { return false };
    // "Special" may be capitalised; the others are lower-case, or they would open a name ("Du Li").
    let lower_opener = part.starts_with(|c: char| c.is_lowercase()) || *opener == "special to ";
    let outlet = part[opener.len()..].trim_start();
    let outlet = outlet.get(..4).filter(|h| h.eq_ignore_ascii_case("the ")).map_or(outlet, |_| &outlet[4..]);
    lower_opener && outlet.starts_with(char::is_uppercase) && (1..=5).contains(&outlet.split_whitespace().count())
}

/// "Jane Roe in Kyiv", "Jana Schmidt aus Berlin", "Ann Roe reporting from Gaza", "Ann Roe For The
/// Valley Post": the name without the place it was filed from or the paper it was written for.
/// That is one to four capitalised words; what is left must still be a capitalised name of two
/// words or more.
fn without_filing_place(part: &str) -> &str {
    const FROM: &[&str] = &[" in ", " from ", " aus ", " à ", " desde ", " for ", " For "];
    for marker in FROM {
        let Some(at) = part.rfind(marker) else { continue };
        let (name, place) = (&part[..at], &part[at + marker.len()..]);
        // "… Reporting from Kyiv", as a second line of the byline.
        let name = name.strip_suffix(" reporting").or_else(|| name.strip_suffix(" Reporting")).unwrap_or(name);
        let place_words = place.split_whitespace().count();
        if (1..=4).contains(&place_words)
            && place.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.contains(char::is_numeric))
            && name.split_whitespace().count() >= 2
            && capitalised_name(name)
        {
            return name.trim_end();
        }
    }
    part
}

/// The lower-case words of a desk's credit after its name ("Detroit News wire services").
const DESK_CREDIT_WORDS: &[&str] = &["wire", "wires", "staff", "news", "reports", "report", "services", "service"];

/// "Anne Martin envoyée spéciale à Lyon", "LAURE BRETTON Envoyés spéciaux à Toulouse": the writer's
/// role or place, set after the name with no separator (on a line of its own, in any language).
/// The name ends at the first lower-case word that is no name particle ("Jan van der Berg", "Ahmed
/// al-Rashid" keep theirs) or, after a name in capitals, at the first word that is not in capitals.
/// Two to four words of name must come before (more is a line of menu items, not a name);
/// otherwise `part` is returned whole.
fn without_description_glued(part: &str) -> &str {
    // "Ann Roe in Kyiv", "Ann Roe Reporting from Kyiv": the place it was filed from, which
    // [`without_filing_place`] takes off with what announces it.
    if without_filing_place(part).len() < part.len() {
        return part;
    }
    let words: Vec<&str> = part.split_whitespace().collect();
    let in_capitals = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase);
    let capitals = words.len() > 2 && in_capitals(words[0]) && in_capitals(words[1]);
    let opens_cased = |w: &str| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase);
    let mut name_words = 0;
    for (i, &word) in words.iter().enumerate() {
        let lower = word.chars().any(char::is_lowercase) && !word.chars().any(char::is_uppercase);
        let particle_of_name = NAME_PARTICLES.contains(&word) && words[i + 1..].iter().find(|w| !NAME_PARTICLES.contains(w)).is_some_and(|w| opens_cased(w));
        let ends_name = (lower && !particle_of_name) || (capitals && word.chars().any(char::is_lowercase) && !particle_of_name) || is_domain(word);
        if ends_name {
            // "Detroit News wire services", "Valley Post staff reports": the credit of a desk,
            // whole, rather than a name.
            if !(2..=4).contains(&name_words) || DESK_CREDIT_WORDS.contains(&word) {
                return part;
            }
            // `word` is a slice of `part`: where it starts there.
            let at = word.as_ptr() as usize - part.as_ptr() as usize;
            return part[..at].trim_end();
        }
        if opens_cased(word) {
            name_words += 1;
        }
    }
    part
}

/// "ESPN.com", "Telegraph.co.uk": a site's domain, which a byline sets after the name as its outlet.
fn is_domain(word: &str) -> bool {
    let word = word.trim_end_matches([',', ';']);
    word.rsplit_once('.').is_some_and(|(name, tld)| {
        name.chars().any(char::is_alphabetic) && (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
    })
}

/// "JANE ROE/Reuters", "Jane Roe of The Texas Tribune": a name and the outlet it works for,
/// joined by a slash without spaces or by "of": the name.
fn without_affiliation_glued(part: &str) -> &str {
    let glued = part.rsplit_once('/').or_else(|| part.split_once(" of "));
    match glued {
        Some((name, outlet)) if is_affiliation(outlet) && name.split_whitespace().count() >= 2 && capitalised_name(name) => name.trim_end(),
        _ => part,
    }
}

static HANDLE: Pattern = Pattern::new(r"\s*\(?@\w+\)?");

/// `name` without the degree after it ("Brenda Goodman, MA", "Ann Roe Ph.D.").
fn without_credential(name: &str) -> &str {
    match name.rsplit_once(char::is_whitespace) {
        Some((head, degree)) if is_credential(degree) && head.split_whitespace().count() >= 2 => head.trim_end().trim_end_matches(','),
        _ => name,
    }
}

/// A name without a social handle ("Ahiza Garcia @ahiza_garcia") or degrees ("Brenda Goodman, MA").
fn clean_name(name: &str) -> String {
    let name = if name.contains('@') { HANDLE.replace_all(name, "") } else { Cow::Borrowed(name) };
    let name = without_credential(name.trim());
    // Separators the layout put after the name ("Ann Roe —" before the date).
    let name = name.trim().trim_end_matches([',', '—', '–', '-', '|', ':', '•', '·', '/']).trim();
    // "/김영희 기자": Korean papers sign a story off with a slash before the reporter.
    let name = name.trim_start_matches(['/', '／']).trim_start();
    // "Ann Roe. Illustrations by Bo Li": the full stop ended a sentence, not an initial ("Ann Q.")
    // or a suffix ("Jr.").
    match name.strip_suffix('.') {
        Some(head) if head.rsplit(char::is_whitespace).next().is_some_and(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic)) && head.contains(' ') => {
            head.to_owned()
        }
        _ => name.to_owned(),
    }
}

fn looks_like_name(name: &str) -> bool {
    let words = name.split_whitespace().count();
    (1..=8).contains(&words)
        && name.len() <= 80
        && name.chars().any(char::is_alphabetic)
        && !name.contains("://")
        && !name.starts_with('@')
        // Markup's and code's characters: a form's note ("Terms of Use. >"), a template's braces.
        && !name.contains(['<', '>', '{', '}', '=', '|'])
        // The "By" of a byline whose name sits in another element.
        && !(words == 1 && BY_WORDS.iter().any(|w| name.eq_ignore_ascii_case(w)))
        && !is_prose(name)
        && !opens_lower_case(name)
        && !(words == 1 && is_cms_account(name))
        && !is_control_label(name)
}

/// A control of an author box inside the byline ("Close", "More from Josh", "Follow on Twitter"),
/// or a link to write to the writer or to follow them elsewhere labelled by a word or an icon's
/// hidden text ("Twitter", "Email"): its label is no part of the byline. A name that links to the
/// writer's profile on a network stays.
fn is_contact_link(link: ElementRef<'_>) -> bool {
    if link.value().name() != "a" {
        return false;
    }
    let Some(href) = link.value().attr("href").map(str::trim) else { return false };
    let lower = href.to_ascii_lowercase();
    let host = lower.split_once("//").map_or("", |(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or(""));
    let contact = lower.starts_with("mailto:") || lower.starts_with("tel:") || super::text::is_social_host(host);
    match element_text_within(link, 80) {
        Some(label) => is_control_label(&label) || (contact && label.split_whitespace().count() <= 1),
        None => contact,
    }
}

/// What the links and buttons of an author box say: "More from Josh", "More stories by Ann Roe",
/// "Get author RSS feed", "Follow", "Bio", "Edit". An imperative (or "More") opens them; a lone
/// word may also be the box's label. No one's name.
fn is_control_label(name: &str) -> bool {
    const OPENINGS: &[&str] = &["more", "view", "see", "get", "follow", "read", "contact", "email", "e-mail", "subscribe", "edit", "share", "sign", "log", "visit"];
    const ALONE: &[&str] = &["bio", "biography", "profile", "twitter", "facebook", "instagram", "linkedin", "rss", "print", "comments", "close", "website", "homepage"];
    let mut words = name.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase());
    let Some(first) = words.next() else { return false };
    OPENINGS.contains(&first.as_str()) || (words.next().is_none() && ALONE.contains(&first.as_str()))
}

/// "From staff", "Our correspondent", "Special correspondents": a capitalised word, then
/// lower-case words of which one names a desk or a role. A phrase that credits a desk, not a
/// person; a name with a lower-case surname ("Ann roe", as a CMS account may spell it) stays.
/// Not a test of [`looks_like_name`]: the byline that holds such a phrase is still the byline,
/// whose text the judge reads ("Staff and wire reports" is the wires' copy).
fn is_role_phrase(name: &str) -> bool {
    let rest: Vec<&str> = name.split_whitespace().skip(1).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    !rest.is_empty()
        && rest.iter().all(|w| !w.chars().any(char::is_uppercase) && !NAME_PARTICLES.contains(w))
        && rest.iter().any(|w| DESK_CREDIT_WORDS.contains(w) || ROLE.is_match(w))
}

/// A byline that credits desks and no one by name: "Staff and wire reports", "From staff reports",
/// "Staff". It names no author, but it is the byline, and the judge reads it.
fn is_desk_credit(text: &str) -> bool {
    let text = BY_PREFIX.replace(text, "");
    let parts = split_names(text.trim());
    !parts.is_empty() && parts.len() <= 4 && parts.iter().all(|(_, part)| is_role_phrase(part) || is_cms_account(part.trim()))
}

/// The CMS user that posted the story ("admin", "jdadmin", "webmaster"), or a role where the
/// name should be ("By writer", a template's placeholder): no one's byline. A partner's readers
/// are better served by no name than by "By admin".
fn is_cms_account(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.contains("admin") || ["webmaster", "root", "user", "guest", "wpengine", "editor", "author", "writer", "reporter", "staff", "contributor"].contains(&lower.as_str())
}

/// "on Twitter: …": a cased text whose first word is lower-case (and no name particle) is a
/// phrase. All-lower-case handles ("mcupdate") and uncased scripts pass, and so does an
/// organisation after "the" ("By the Editorial Board").
fn opens_lower_case(name: &str) -> bool {
    // Past a quotation mark or a bracket that opens it ('" you agree to the Privacy Policy').
    let mut words = name.trim_start_matches(|c: char| !c.is_alphanumeric()).split_whitespace();
    let first = words.next().unwrap_or("");
    if first == "the" && words.next().is_some_and(|w| w.starts_with(char::is_uppercase)) {
        return false;
    }
    first.chars().next().is_some_and(char::is_lowercase) && !NAME_PARTICLES.contains(&first) && name.chars().any(char::is_uppercase)
}

/// More long lower-case words than capitalised ones: a phrase ("View my complete profile"), not a
/// name. Scripts without case have neither and pass.
fn is_prose(text: &str) -> bool {
    let (mut lower, mut capital) = (0, 0);
    for word in text.split_whitespace() {
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        match letters.next() {
            Some(c) if c.is_uppercase() => capital += 1,
            Some(c) if c.is_lowercase() && word.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !word.chars().any(char::is_uppercase) => lower += 1,
            _ => {}
        }
    }
    lower > capital && lower + capital >= 2
}

/// Lower-case words a personal name may hold ("Ludwig van Beethoven", "Maria das Dores").
const NAME_PARTICLES: &[&str] =
    &["de", "da", "di", "do", "du", "dos", "das", "del", "della", "der", "den", "des", "dei", "degli", "los", "las", "dela", "delos", "van", "von", "zu", "la", "le", "bin", "binti", "ibn", "al", "el", "ter", "ten", "y", "e", "St."];

/// Whether every word of `name` starts with a capital (or is a name particle): what a byline in a
/// plain paragraph must look like before "Von …" or "Di …" is read as one rather than as prose.
fn capitalised_name(name: &str) -> bool {
    name.split_whitespace().all(|w| {
        NAME_PARTICLES.contains(&w) || w.chars().find(|c| c.is_alphabetic()).is_some_and(|c| c.is_uppercase() || !c.is_lowercase())
    })
}

fn author_url(href: &str, base: Option<&Url>) -> Option<Url> {
    absolute(href, base)
}

/// Authors in order, and the byline element's raw text.
fn authors<'h>(
    html: &'h Html,
    profile: &Profile,
    metas: &Metas,
    ld: &JsonLd,
    base: Option<&Url>,
    body_root: ElementRef<'h>,
    site: SiteNames<'_>,
) -> (Vec<Author>, Option<String>) {
    let publisher = site.publisher;
    let byline_element = profile
        .selectors
        .byline
        .as_deref()
        .and_then(|s| Selector::parse(s).ok())
        .and_then(|s| html.select(&s).find(|e| !element_text(*e).is_empty()))
        .or_else(|| generic_byline_element(html, body_root));
    let byline_text = byline_element.map(|e| element_words_without(e, is_contact_link)).filter(|t| !t.is_empty());

    // Links in the byline are the most precise: names with their author pages. The text can
    // credit more people than it links ("Ann Roe (with Bo Li and Cy Ng)"): then the text's names,
    // with the links' pages.
    // A list of writers (`<ul class=authors><li>By Josh Roe …<li>Ann Lee …`) credits one in each
    // item, with nothing between their names but the item's end.
    let item_texts: Vec<String> = byline_element
        .map(|e| e.descendants().filter_map(ElementRef::wrap).filter(|d| d.value().name() == "li").map(|li| element_words_without(li, is_contact_link)).filter(|t| !t.is_empty()).collect())
        .unwrap_or_default();
    let item_names: Vec<Vec<String>> = item_texts.iter().map(|t| parse_byline(t)).collect();
    // Each item a person's whole name: a list of links ("Archive", "RSS Feed") is a menu.
    let items_name_people = item_names.len() >= 2 && item_names.iter().all(|names| !names.is_empty() && names.iter().all(|n| n.split_whitespace().nth(1).is_some()));
    let names: Vec<String> = if items_name_people { item_names.into_iter().flatten().collect() } else { byline_text.as_deref().map(parse_byline).unwrap_or_default() };
    let from_text: Vec<Author> = names
        .into_iter()
        .filter(|name| !is_role_phrase(name))
        .map(|name| Author { name, url: None, is_organization: false })
        .fold(Vec::new(), with_new_name);
    // A one-word link that is none of the text's names ("Archive", "Contact" beside "By Ann Roe")
    // leads to the writer's other pages; it names no one.
    let from_links: Vec<Author> = byline_element
        .map(|e| byline_links(e, base))
        .unwrap_or_default()
        .into_iter()
        .filter(|l| l.name.split_whitespace().nth(1).is_some() || from_text.is_empty() || from_text.iter().any(|t| alnum_key(&t.name).contains(&alnum_key(&l.name))))
        .collect();
    let text_adds_names = from_text.len() > from_links.len()
        && from_links.iter().all(|l| from_text.iter().any(|t| alnum_key(&t.name) == alnum_key(&l.name)))
        && from_text.iter().all(|t| capitalised_name(&t.name) && !t.name.contains(|c: char| c.is_numeric() || c == '@'));
    // Names the page marked up as names (hCard) are more precise still: the text beside them is
    // the writer's title or the date.
    let from_hcard: Vec<Author> = byline_element.map(|e| hcard_names(e, base)).unwrap_or_default();
    let from_element: Vec<Author> = if !from_hcard.is_empty() {
        from_hcard
    } else if from_links.is_empty() || text_adds_names {
        from_text
    } else {
        from_links.clone()
    };
    // No element names the writer: a byline may stand as a bare line of text among the header's
    // elements ("<h3>The dek</h3> by Duncan Bell / January 19, 2017 /").
    // An element's text that names no one stays what the judge reads ("Staff and wire reports").
    let (from_element, byline_text) = match from_element.is_empty().then(|| bare_text_byline(html, body_root)).flatten() {
        Some(line) => (parse_byline(&line).into_iter().map(|name| Author { name, url: None, is_organization: false }).collect(), byline_text.or(Some(line))),
        None => (from_element, byline_text),
    };

    let from_ld: Vec<Author> = ld
        .article()
        .map(|a| ld.parties(a, "author"))
        .unwrap_or_default()
        .into_iter()
        .filter(|p| looks_like_name(&p.name))
        .flat_map(|p| {
            let url = p.url.as_deref().and_then(|u| author_url(u, base));
            let name = collapse(&p.name);
            // "By Ann Roe, AP Auto Writer" in a Person's name: the byline text, pasted whole.
            let names = if p.is_organization || !needs_parsing(&name) { vec![name] } else { parse_byline(&name) };
            let single = names.len() == 1;
            names.into_iter().map(move |name| Author { url: if single { url.clone() } else { None }, name, is_organization: p.is_organization })
        })
        .collect();

    // Dublin Core credits one creator a tag, often in catalogue order ("Kooman, F."): every tag,
    // each one name.
    let dc_creators: Vec<Author> = ["dc:creator", "dcterm:creator", "dcterms:creator"]
        .iter()
        .map(|k| metas.all(k))
        .find(|v| v.len() > 1 && v.iter().all(|v| uninverted_name(v).is_some()))
        .map(|values| {
            values
                .iter()
                .filter(|v| !v.contains("://"))
                .flat_map(|v| match uninverted_name(v) {
                    Some(name) => vec![name],
                    None => parse_byline(v),
                })
                .map(|name| Author { name, url: None, is_organization: false })
                .collect()
        })
        .unwrap_or_default();
    let from_meta: Vec<Author> = if dc_creators.is_empty() {
        // One tag a person where a page credits several ("parsely-author" twice), and the author
        // that Yoast gives as a label and its value ("twitter:label1" "Written by").
        const AUTHOR_KEYS: &[&str] = &[
            "dc:creator", "dcterm:creator", "dcterms:creator", "author", "parsely-author", "sailthru:author", "dable:author", "byl", "article:author", "og:article:author", "byline",
            "search:byline", "cxenseparse:author", "cxenseparse:recs:author", "citation_author",
        ];
        // Only the first "author": microdata repeats `<meta itemprop=author>` in every teaser.
        const ONE_PER_PAGE: &[&str] = &["author", "byl"];
        let values = AUTHOR_KEYS
            .iter()
            .map(|k| (k, metas.all(k)))
            .find(|(_, v)| !v.is_empty())
            .map(|(k, v)| if ONE_PER_PAGE.contains(k) { v[..1].to_vec() } else { v.to_vec() })
            .or_else(|| labelled_author(metas))
            .unwrap_or_default();
        let mut names: Vec<String> = Vec::new();
        for v in &values {
            let v = if may_have_contact(v) { without_contact(v) } else { v.clone() };
            if v.is_empty() || v.contains("://") {
                continue;
            }
            let parsed = uninverted_name(&v).or_else(|| uninverted_pair(&v)).map_or_else(|| parse_byline(&v), |name| vec![name]);
            for name in parsed {
                if !names.iter().any(|n| alnum_key(n) == alnum_key(&name)) {
                    names.push(name);
                }
            }
        }
        names.into_iter().map(|name| Author { name, url: None, is_organization: false }).collect()
    } else {
        dc_creators
    };

    let from_rel: Vec<Author> = select_named(html, &REL_AUTHOR, &["a"])
        .filter_map(|a| {
            let name = element_text(a);
            looks_like_name(&name).then(|| Author { url: a.value().attr("href").and_then(|h| author_url(h, base)), name, is_organization: false })
        })
        .fold(Vec::new(), with_new_name);

    // Last, the article's `creator` (some schema plugins write only it): a user name as often
    // as a writer's ("CC7567" over the byline "James Akinaka"), so only a capitalised name
    // and only when nothing else names anyone.
    let from_ld_creator = || -> Vec<Author> {
        ld.article()
            .map(|a| ld.parties(a, "creator"))
            .unwrap_or_default()
            .into_iter()
            .filter(|p| !p.is_organization && capitalised_name(&p.name) && !p.name.contains(|c: char| c.is_numeric()))
            .map(|p| Author { name: collapse(&p.name), url: p.url.as_deref().and_then(|u| author_url(u, base)), is_organization: false })
            .collect()
    };
    let profile_has_byline = profile.selectors.byline.is_some() && !from_element.is_empty();
    let mut chosen = if profile_has_byline {
        from_element.clone()
    } else {
        [from_ld.clone(), from_element.clone(), from_meta.clone(), from_rel.clone()]
            .into_iter()
            .find(|a| !a.is_empty())
            .unwrap_or_else(|| author_page_links(html, body_root, base))
    };
    if chosen.is_empty() {
        chosen = closing_credit(body_root);
    }
    if chosen.is_empty() {
        chosen = lede_credit(body_root);
    }
    if chosen.is_empty() {
        chosen = from_ld_creator();
    }
    // Structured data that credits the lead author only, while the byline on the page names them
    // and more people ("By Ann Roe, Bo Li, Cy Ng"): the page's byline is the whole credit. The
    // others must be names of their own: not a link's label ("Biography", "About Ann Roe").
    let credits_more = |fewer: &[Author], more: &[Author]| {
        !fewer.is_empty()
            && more.len() > fewer.len()
            && fewer.iter().all(|f| more.iter().any(|m| alnum_key(&m.name) == alnum_key(&f.name)))
            && more.iter().all(|m| {
                let key = alnum_key(&m.name);
                let is_credited = fewer.iter().any(|f| alnum_key(&f.name) == key);
                is_credited
                    || (m.name.split_whitespace().count() >= 2
                        && capitalised_name(&m.name)
                        && !m.name.contains(|c: char| c.is_numeric() || c == '@')
                        && !fewer.iter().any(|f| key.contains(&alnum_key(&f.name)))
                        && !is_affiliation(&m.name)
                        && !site.names_exactly(&m.name)
                        && !site.names_desk(&m.name))
            })
    };
    if !profile_has_byline && chosen.len() == from_ld.len() && credits_more(&from_ld, &from_element) {
        chosen = from_element.clone();
    }
    // Metadata that names someone the page never shows (the CMS account that posted the story,
    // in Yoast's JSON-LD or a meta tag), while the article's byline names other people: the
    // byline is what readers see.
    if !profile_has_byline
        && !chosen.is_empty()
        && from_element.iter().all(|e| e.name.split_whitespace().count() >= 2 && capitalised_name(&e.name) && !chosen.iter().any(|c| alnum_key(&c.name) == alnum_key(&e.name)))
        && !from_element.is_empty()
        && !chosen.iter().any(|a| a.is_organization)
    {
        let shown = visible_text_key(html);
        if chosen.iter().all(|a| !shown.contains(&alnum_key(&a.name))) {
            chosen = from_element.clone();
        }
    }
    // Structured data that credits only the organisation (the publisher, a desk) while the page or
    // its meta tags name a person: the person wrote it.
    let names_site = |a: &Author| a.is_organization || publisher.is_some_and(|p| alnum_key(p) == alnum_key(&a.name)) || site.host_names(&a.name);
    if !profile_has_byline && !chosen.is_empty() && chosen.iter().all(names_site) {
        let org_keys: Vec<String> = chosen.iter().map(|a| alnum_key(&a.name)).collect();
        if let Some(people) = [&from_element, &from_meta, &from_rel]
            .into_iter()
            .find(|source| !source.is_empty() && source.iter().all(|a| !names_site(a) && !org_keys.contains(&alnum_key(&a.name)) && capitalised_name(&a.name)))
        {
            chosen = people.clone();
        }
    }
    // "jdoe" in the byline (the CMS login that some themes print) while the structured data or
    // the author tag has the writer's name: the name.
    if !profile_has_byline
        && !chosen.is_empty()
        && chosen.iter().all(|a| is_login(&a.name))
        && let Some(named) = [&from_ld, &from_meta, &from_rel, &from_element]
            .into_iter()
            .find(|source| !source.is_empty() && source.iter().all(|a| !is_login(&a.name) && capitalised_name(&a.name) && !names_site(a)))
    {
        chosen = named.clone();
    }
    // "Mark Di Stefano BuzzFeed News Reporter" in the byline, "Mark Di Stefano" in the meta tag:
    // a shorter name from another source that starts the chosen one is the name.
    for author in &mut chosen {
        let key = alnum_key(&author.name);
        if let Some(shorter) = from_ld.iter().chain(&from_meta).chain(&from_rel).chain(&from_element).find(|o| {
            let k = alnum_key(&o.name);
            k.len() >= 6 && k.len() < key.len() && key.starts_with(&k) && author.name.starts_with(o.name.split_whitespace().next().unwrap_or(""))
        }) {
            author.name = shorter.name.clone();
        }
    }
    // Attach author pages found elsewhere to names that have none.
    for author in chosen.iter_mut().filter(|a| a.url.is_none()) {
        let key = alnum_key(&author.name);
        author.url = from_element
            .iter()
            .chain(&from_links)
            .chain(&from_rel)
            .chain(&from_ld)
            .find(|o| o.url.is_some() && alnum_key(&o.name) == key)
            .and_then(|o| o.url.clone());
        if author.is_organization {
            continue;
        }
        author.is_organization = from_ld.iter().any(|o| o.is_organization && alnum_key(&o.name) == key);
    }
    for author in &mut chosen {
        // "홍길동 기자" in the JSON-LD or a meta tag: the reporter's title is not the name.
        author.name = clean_name(if author.name.is_ascii() { &author.name } else { without_cjk_title(&author.name) });
        if let Some(name) = publisher.and_then(|p| without_publisher(&author.name, p)) {
            author.name = name;
        }
        if let Some(name) = without_agency(&author.name) {
            author.name = name;
        }
    }
    // "Jane Roe, The Valley Post" split into two names: the site (or one of its desks) is not a
    // co-author.
    let names_site_part = |name: &str| is_affiliation(name) || site.names_exactly(name) || site.names_desk(name);
    if chosen.iter().any(|a| !a.is_organization && !names_site_part(&a.name)) {
        chosen.retain(|a| a.is_organization || !names_site_part(&a.name));
    }
    chosen.retain(|a| !is_role_phrase(&a.name));
    let mut seen = Vec::new();
    chosen.retain(|a| {
        let key = alnum_key(&a.name);
        let fresh = !seen.contains(&key);
        seen.push(key);
        fresh
    });
    (chosen, byline_text)
}

/// The page's readable text as [`alnum_key`] keys it (letters and digits, lower-cased), without
/// scripts, styles or the head.
fn visible_text_key(html: &Html) -> String {
    let mut out = String::new();
    for node in html.tree.root().descendants() {
        let Some(text) = node.value().as_text() else { continue };
        let hidden = node.ancestors().filter_map(ElementRef::wrap).any(|a| super::text::is_non_text(a.value().name()));
        if !hidden {
            out.extend(text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase));
        }
    }
    out
}

fn may_have_contact(value: &str) -> bool {
    value.contains(['@', ':']) || may_contain_any(value, &["www."])
}

/// The author tag without the contact details after the name: "Ann Roe (https://annroe.example/)",
/// "Ann Roe <ann@annroe.example>" → "Ann Roe". A value that is only a link (a profile URL in
/// article:author) leaves nothing. Handles ("@annroe") stay for [`clean_name`].
fn without_contact(value: &str) -> String {
    const BRACKETS: &[char] = &['(', ')', '<', '>', '[', ']'];
    let kept: Vec<&str> = value
        .split_whitespace()
        .filter(|word| {
            let w = word.trim_matches(BRACKETS).trim_end_matches([',', ';']);
            let email = w.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
            !(w.is_empty() || w.contains("://") || w.starts_with("mailto:") || w.starts_with("www.") || email)
        })
        .collect();
    kept.join(" ").trim_end_matches(|c: char| matches!(c, '-' | '–' | '—' | '|' | ',' | ';' | ':') || c.is_whitespace()).to_owned()
}

/// A name from structured data that is a byline text rather than a name.
fn needs_parsing(name: &str) -> bool {
    (may_contain_any(name, BY_WORDS) && BY_PREFIX.is_match(name))
        || (name.contains(',') && ROLE.is_match(name))
        || name.contains(" and ")
        || name.contains(" & ")
        || name.rsplit_once(',').is_some_and(|(_, after)| is_affiliation(after.trim()))
        || name.contains(['|', '•'])
}

/// News agencies and outlets that bylines name after the reporter ("Ann Roe, Reuters"), as hashes
/// of their [`alnum_key`]s: the built-in partners' names, aliases and codes (`crate::partners`: the
/// same list the judge refuses), and "RIA". Hashes, not strings: the set is built once per
/// process, for `embed` too, and 330 strings cost a million instructions more.
static AGENCIES: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    let names = crate::partners::BUILTIN.iter().flat_map(|b| std::iter::once(&b.name).chain(b.aliases).chain(b.agency_codes));
    let mut keys = FxHashSet::with_capacity_and_hasher(names.clone().count() + 1, Default::default());
    keys.extend(names.map(|name| key_hash(alnum_key(name).bytes())));
    keys.insert(key_hash("ria".bytes()));
    keys
});

/// Whether a [`alnum_key`] is an agency's ([`AGENCIES`]).
fn is_agency_key(key: &str) -> bool {
    AGENCIES.contains(&key_hash(key.bytes()))
}

/// A part of a byline that names where the reporter works rather than a person: a news agency,
/// an outlet ("Chicago Tribune"), the wires ("Agencias", "wire services"), a domain
/// ("Cleveland.com") or a one-word acronym ("CNN").
fn is_affiliation(part: &str) -> bool {
    let part = part.trim();
    let words = part.split_whitespace().count();
    if words == 0 || words > 6 {
        return false;
    }
    let key = alnum_key(part);
    let acronym = words == 1 && (2..=5).contains(&part.chars().count()) && part.chars().all(|c| c.is_ascii_uppercase());
    let domain = words == 1 && part.rsplit_once('.').is_some_and(|(head, tld)| head.len() >= 2 && (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase()));
    // The judge's test of an outlet's name ("Chicago Tribune", "The Valley Post"): a pure
    // function of the words, shared so that the names extract drops are the ones the judge reads.
    acronym || domain || is_agency_key(&key) || crate::judge::looks_like_outlet(part) || crate::judge::wire_credit(part).is_some() || is_institution(part)
}

/// Where an expert writer works ("University of Leeds", "Brookings Institution"): The
/// Conversation and op-ed pages put it after the name.
fn is_institution(part: &str) -> bool {
    const WORDS: &[&str] = &[
        "University", "Universidad", "Universidade", "Université", "Universität", "Università", "Universiteit", "College", "Institute", "Institution",
        "Institut", "Instituto", "Istituto", "School", "Academy", "Foundation", "Hospital", "Laboratory", "Museum",
    ];
    part.split_whitespace().any(|w| WORDS.contains(&w.trim_end_matches(',')))
}

/// A byline element that credits agencies alone, as wire stories are signed: "dpa/AFP", "Par
/// l'AFP", "Von dpa", "Europa Press". It names no person, but it is the byline, and the judge reads it.
fn names_only_agencies(text: &str) -> bool {
    only_agencies(text, |piece| is_agency_key(&alnum_key(piece)).then_some(())).is_some()
}

/// "Jill Lawless Associated Press": an agency's name glued after a person's (two elements, no
/// separator) is not part of the name.
fn without_agency(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..words.len()).rev().filter(|keep| words.len() - keep <= 3).find_map(|keep| {
        let tail = alnum_key(&words[keep..].join(" "));
        // "Jane Roe The Associated Press": the agency's "The" goes with it.
        let keep = if keep > 2 && words[keep - 1] == "The" { keep - 1 } else { keep };
        (is_agency_key(&tail) && tail.len() >= 5 && words[..keep].iter().all(|w| capitalised_name(w))).then(|| words[..keep].join(" "))
    })
}

/// "Surname, Given" as library catalogues (and Dublin Core tags) write names: "Kooman, F.",
/// "Jong, Michiel de" → "F. Kooman", "Michiel de Jong". Only a one-word surname before the single
/// comma and initials, given names or particles after it.
fn uninverted_name(value: &str) -> Option<String> {
    let (surname, given) = value.split_once(',')?;
    let (surname, given) = (surname.trim(), given.trim());
    if given.contains(',') || surname.split_whitespace().count() != 1 || surname.len() < 2 || is_affiliation(surname) || is_affiliation(given) {
        return None;
    }
    let given_words: Vec<&str> = given.split_whitespace().collect();
    let initials = given_words.iter().all(|w| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2);
    let particle_last = given_words.len() >= 2 && given_words.last().is_some_and(|w| NAME_PARTICLES.contains(w));
    if !(initials || particle_last) || !capitalised_name(surname) || !capitalised_name(given) {
        return None;
    }
    match given_words.split_last() {
        Some((last, first)) if particle_last => Some(format!("{} {last} {surname}", first.join(" "))),
        _ => Some(format!("{given} {surname}")),
    }
}

/// "Doe, Jane" in an author tag, which holds one person: a surname and a given name, one
/// capitalised word each, in catalogue order.
fn uninverted_pair(value: &str) -> Option<String> {
    let (surname, given) = value.split_once(',')?;
    let (surname, given) = (surname.trim(), given.trim());
    let one_word = |w: &str| is_one_cased_word(w) && w.chars().count() >= 2;
    (one_word(surname) && one_word(given) && !is_affiliation(surname) && !is_affiliation(given)).then(|| format!("{given} {surname}"))
}

/// The author that Yoast and other SEO plugins give as a Twitter card's label and value
/// ("twitter:label1" "Written by", "twitter:data1" "Ann Roe").
fn labelled_author(metas: &Metas) -> Option<Vec<String>> {
    (1..=4).find_map(|n| {
        let label = metas.all(&format!("twitter:label{n}")).first()?;
        let is_author = ["written by", "author", "by", "autor", "auteur", "geschrieben von", "escrito por", "verfasst von"].iter().any(|l| label.trim().eq_ignore_ascii_case(l));
        is_author.then(|| metas.all(&format!("twitter:data{n}")).to_vec()).filter(|v| !v.is_empty())
    })
}

/// "Elliot Brownstein Florida Today": the publisher's name that the layout put right after the
/// person's (two elements, no separator) is not part of the name.
fn without_publisher(name: &str, publisher: &str) -> Option<String> {
    let publisher_key = alnum_key(publisher);
    if publisher_key.len() < 3 {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..words.len()).rev().find_map(|keep| {
        (alnum_key(&words[keep..].join(" ")) == publisher_key && words[..keep].iter().all(|w| capitalised_name(w))).then(|| words[..keep].join(" "))
    })
}

/// The short element that looks like a byline and sits nearest the article body: pages also
/// carry other stories' bylines (related boxes, opinion rails), so document order is not enough.
fn generic_byline_element<'h>(html: &'h Html, body_root: ElementRef<'h>) -> Option<ElementRef<'h>> {
    let nearness = Nearness::to(body_root);
    let nearness = |e: ElementRef<'h>| nearness.of(e);
    let mut best: Option<(usize, ElementRef<'h>)> = None;
    // Only short texts qualify: reading stops at the limit (a container's text can be the page's).
    // Every selector of the list needs an itemprop, or a class, id or data-testid holding "byline",
    // "Byline" or "author": elements without are not matched at all.
    let has_byline_attr = |e: &scraper::node::Element| {
        e.attrs().any(|(name, value)| {
            name == "itemprop" || (matches!(name, "class" | "id" | "data-testid") && BYLINE_WORDS.iter().any(|w| w.find(value.as_bytes()).is_some()))
        })
    };
    // An element that names no one (an "About the author" box, a label, a bio) is not the byline,
    // however near the body it sits.
    let candidates = select_where(html, &BYLINE_ELEMENTS, has_byline_attr).filter(|e| {
        element_text_within(*e, 200)
            .is_some_and(|text| {
                !text.is_empty()
                    && !is_bio(&text)
                    && (!parse_byline(&text).is_empty() || !byline_links(*e, None).is_empty() || names_only_agencies(&text) || is_desk_credit(&text))
            })
            && !is_chrome(*e)
    });
    // The elements "p, span, div, address, cite" matches, without running that selector on each
    // (ESPN's byline is a `<cite>`: "By Ann Roe<br>ESPN.com").
    let by_tag = |e: &scraper::node::Element| matches!(e.name(), "p" | "span" | "div" | "address" | "cite");
    let by_candidates = html.tree.nodes().filter_map(ElementRef::wrap).filter(|e| by_tag(e.value()));
    // Their texts up to 120 bytes, from one walk of the page.
    let short = ShortTexts::new(html, 120, by_tag);
    let bare_links = select_named(html, &LINKS, &["a"]).filter(|a| bare_label_before(*a).is_some() && !is_chrome(*a));
    for candidate in candidates.chain(by_candidates.take(4000).filter(|e| short.within(*e).is_some_and(|text| is_by_line(&text)) && !is_chrome(*e))).chain(bare_links) {
        if credits_media(candidate) {
            continue;
        }
        let near = nearness(candidate);
        if best.is_none_or(|(b, _)| near > b) {
            best = Some((near, candidate));
        }
    }
    best.map(|(_, e)| e)
}

/// In a picture's or a video's caption or credit ("By MEGAN SPECIA on Publish Date" in the
/// Times's `span.credit.video-credit` under a video in the story): who made the picture, not who
/// wrote the story.
fn credits_media(element: ElementRef<'_>) -> bool {
    std::iter::once(element).chain(element.ancestors().filter_map(ElementRef::wrap)).take(6).any(|e| {
        let e = e.value();
        matches!(e.name(), "figure" | "figcaption")
            || e.attr("class").is_some_and(|c| {
                let c = c.to_ascii_lowercase();
                c.contains("caption") || (c.contains("credit") && ["video", "photo", "image", "media", "img"].iter().any(|m| c.contains(m)))
            })
    })
}

/// The first letters of [`BY_OPENINGS`], lower-cased and sorted.
static BY_OPENING_LETTERS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut letters: Vec<char> = BY_OPENINGS.iter().filter_map(|p| p.chars().next()).flat_map(char::to_lowercase).collect();
    letters.sort_unstable();
    letters.dedup();
    letters
});

/// Whether `text` opens with one of [`BY_OPENINGS`]. Most texts fail on their first letter,
/// before the openings are compared.
fn opens_with_by_word(text: &str) -> bool {
    let Some(first) = text.chars().next() else { return false };
    BY_OPENING_LETTERS.binary_search(&first.to_lowercase().next().unwrap_or(first)).is_ok()
        && BY_OPENINGS.iter().any(|p| strip_prefix_ignore_ascii_case(text, p).is_some())
}

/// Whether a node ends the line before it: a `br` or a block.
fn breaks_line(node: ego_tree::NodeRef<'_, scraper::Node>) -> bool {
    node.value().as_element().is_some_and(|e| e.name() == "br" || is_block(e.name()))
}

/// A byline that is a text node of its own, opening a line between elements (after a heading or
/// a `br`; a link may follow it: "by Duncan Bell / January 19, 2017 / <a>Leave a comment</a>"),
/// or the date then the byline ("11/28/2016 11:00 AM PST BY TMZ STAFF"): the one nearest the
/// body. Its text, as [`is_by_line`] reads it.
fn bare_text_byline(html: &Html, body_root: ElementRef<'_>) -> Option<String> {
    let nearness = Nearness::to(body_root);
    let mut best: Option<(usize, String)> = None;
    for node in html.tree.nodes() {
        let Some(text) = node.value().as_text() else { continue };
        let opening = text.trim_start();
        if opening.len() > 400 || !(opens_with_by_word(opening) || after_dated_opening(opening).is_some()) {
            continue;
        }
        let line = collapse(text);
        if line.len() < 5 || line.len() > 120 {
            continue;
        }
        let Some(parent) = node.parent().and_then(ElementRef::wrap) else { continue };
        let opens_line = node.prev_sibling().is_none_or(breaks_line);
        // TMZ's line of date and writer is a heading's text after its comment link.
        let line_holder = matches!(parent.value().name(), "div" | "header" | "section" | "td" | "h4" | "h5" | "h6");
        if !opens_line || !line_holder || is_chrome_within(parent, Some(body_root)) || !is_by_line(&line) {
            continue;
        }
        let near = nearness.of(parent);
        if best.as_ref().is_none_or(|(b, _)| near > *b) {
            best = Some((near, line));
        }
    }
    best.map(|(_, line)| line)
}

/// The label of a writer's link that stands as a bare text node, with no element of its own around
/// the byline (` Автор: <a href="/team">Марина Скворцова</a><div class="post">…` at the top of a
/// page's main box), so that neither a class nor a short text finds it. The label must open a line:
/// nothing inline before it, so a prose "…designed by <a>Ann Roe</a>" never counts. Label and
/// link together read as a byline of one name.
pub(crate) fn bare_label_before(link: ElementRef<'_>) -> Option<ego_tree::NodeRef<'_, scraper::Node>> {
    let label = link.prev_sibling()?;
    let text = label.value().as_text()?.trim();
    if text.is_empty() || text.len() > 40 || text.contains(|c: char| c.is_numeric()) {
        return None;
    }
    let opens_line = match label.prev_sibling() {
        Some(before) => breaks_line(before),
        None => link.parent().is_some_and(breaks_line),
    };
    if !opens_line {
        return None;
    }
    let name = element_text_within(link, 80)?;
    let line = format!("{text} {name}");
    (is_by_line(&line) && parse_byline(&line).len() == 1).then_some(label)
}

/// How near an element sits to the article body: the depth of the deepest ancestor they share (the
/// higher, the nearer). A related-story rail shares only `body` with it; the byline shares the
/// article's own container.
struct Nearness(FxHashMap<ego_tree::NodeId, usize>);

impl Nearness {
    fn to(body_root: ElementRef<'_>) -> Self {
        let line: Vec<_> = std::iter::once(*body_root).chain(body_root.ancestors()).collect();
        Self(line.into_iter().rev().enumerate().map(|(depth, n)| (n.id(), depth)).collect())
    }

    fn of(&self, element: ElementRef<'_>) -> usize {
        std::iter::once(*element).chain(element.ancestors()).find_map(|a| self.0.get(&a.id()).copied()).unwrap_or(0)
    }
}

/// Path segments of a writer's page ("/author/ann-roe/", "/autor/ana-garcia", "/staff/ann-roe").
const AUTHOR_PAGE_SEGMENTS: &[&str] = &[
    "author", "authors", "autor", "autores", "autorzy", "auteur", "auteurs", "autore", "autori", "writer", "writers", "journalist", "journalists",
    "journalisten", "reporter", "reporters", "columnist", "columnists", "contributor", "contributors", "staff", "by", "penulis", "yazar", "yazarlar",
];

/// The writers a page names only by links to their pages, in a short line near the article
/// ("<a href="/author/ann-roe/">Ann Roe</a> · May 3"), when nothing else names them: no byline
/// class, no "By", no metadata. The line nearest the article body (the first of the nearest);
/// its links are the co-authors. A link inside a sentence (a source the story quotes, however
/// short the paragraph) and the site's navigation never count; only web addresses are kept as
/// the writers' pages.
fn author_page_links<'h>(html: &'h Html, body_root: ElementRef<'h>, base: Option<&Url>) -> Vec<Author> {
    let is_author_page = |href: &str| {
        let path = href.split(['?', '#']).next().unwrap_or("");
        let path = path.split_once("://").map_or(path, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        // A segment that is followed by the writer's own: "/author/" alone is the list of writers.
        segments.iter().rev().skip(1).any(|s| AUTHOR_PAGE_SEGMENTS.iter().any(|a| s.eq_ignore_ascii_case(a)))
    };
    let named = |a: &ElementRef<'_>| {
        let Some(name) = element_text_within(*a, 120) else { return false };
        (2..=4).contains(&name.split_whitespace().count()) && looks_like_name(&name) && capitalised_name(&name) && !name.contains(|c: char| c.is_numeric())
    };
    let line_of = |a: ElementRef<'h>| a.parent().and_then(ElementRef::wrap);
    // A line of particulars ("Ann Roe · May 3 · 5 min read"), not a sentence that names someone:
    // few lower-case words.
    let is_particulars = |line: ElementRef<'_>| {
        element_text_within(line, 150).is_some_and(|text| {
            text.split_whitespace().filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_lowercase)).count() <= 3
        })
    };
    let nearness = Nearness::to(body_root);
    let mut best: Option<(usize, ElementRef<'h>)> = None;
    for a in html.select(&LINKS) {
        let Some(line) = line_of(a) else { continue };
        if !a.value().attr("href").is_some_and(is_author_page) || !named(&a) || !is_particulars(line) || is_chrome(a) {
            continue;
        }
        let near = nearness.of(a);
        if best.is_none_or(|(b, _)| near > b) {
            best = Some((near, line));
        }
    }
    let Some((_, line)) = best else { return Vec::new() };
    line.select(&LINKS)
        .filter(|a| a.value().attr("href").is_some_and(is_author_page) && named(a))
        .map(|a| Author { name: collapse(&element_text(a)), url: a.value().attr("href").and_then(|h| author_url(h, base)), is_organization: false })
        .fold(Vec::new(), with_new_name)
}

/// How a wire story credits its reporters at its end, when nothing above names them: "Reporting by
/// Ann Roe in Lagos; Editing by Bo Li". Not "Additional reporting by", which credits helpers.
const CLOSING_CREDITS: &[&str] = &["Reporting by ", "Reported by ", "Writing by ", "Written by "];

/// The reporters a closing credit names, in one of the story's last three paragraphs; the editors
/// after them are not writers ([`parse_byline`] stops at "Editing by").
fn closing_credit(body_root: ElementRef<'_>) -> Vec<Author> {
    let paragraphs: Vec<ElementRef<'_>> = body_root.descendants().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "p").collect();
    paragraphs
        .iter()
        .rev()
        .take(3)
        .filter_map(|p| element_text_within(*p, 200))
        .find(|text| CLOSING_CREDITS.iter().any(|c| text.starts_with(c)))
        .map(|text| parse_byline(&text).into_iter().filter(|n| capitalised_name(n)).map(|name| Author { name, url: None, is_organization: false }).collect())
        .unwrap_or_default()
}

/// The reporters that a Korean or Chinese story credits at the head of its first paragraph, as
/// agencies and many papers there do instead of a byline: "(서울=연합뉴스) 김영희 기자 = …",
/// "[밸리일보 김영희 기자] …", "本报讯（记者 张三）…", "新华社北京11月14日电（记者张三、李四）…".
/// The credit is closed by "=" or a bracket; a sentence that opens with the reporter ("记者从市政府
/// 获悉") credits nobody.
fn lede_credit(body_root: ElementRef<'_>) -> Vec<Author> {
    const HEAD_CHARS: usize = 60;
    let Some(first) = body_root.descendants().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "p").find_map(|p| element_text_within(p, 2000).filter(|t| !t.trim().is_empty())) else {
        return Vec::new();
    };
    if first.is_ascii() {
        return Vec::new();
    }
    let head: String = first.trim().chars().take(HEAD_CHARS).collect();
    let credit = korean_lede_credit(&head).or_else(|| chinese_lede_credit(&head));
    let names = credit.map(parse_byline).unwrap_or_default();
    let cjk_name = |n: &String| (2..=4).contains(&n.chars().count()) && n.chars().all(is_cjk);
    if names.is_empty() || !names.iter().all(cjk_name) {
        return Vec::new();
    }
    names.into_iter().map(|name| Author { name, url: None, is_organization: false }).collect()
}

/// "(서울=연합뉴스) 김영희 기자 = ", "[밸리일보 김영희 기자]", "【서울=김영희 기자】": the credit up to
/// the reporter's title, which "=" or a closing bracket follows; the dateline in brackets before it
/// goes.
fn korean_lede_credit(head: &str) -> Option<&str> {
    const TITLES: &[&str] = &["기자", "특파원"];
    let (at, title) = TITLES.iter().filter_map(|t| head.find(t).map(|at| (at, *t))).min()?;
    let end = at + title.len();
    if !head[end..].trim_start().starts_with(['=', ']', '】', ')', '）']) {
        return None;
    }
    let credit = &head[..end];
    // "(서울=연합뉴스) 김영희": the dateline closes before the name.
    let credit = match credit.rfind([')', '）', ']', '】']) {
        Some(close) => &credit[close + 1..],
        None => credit.trim_start_matches(['(', '（', '[', '【']),
    };
    // "서울=김영희 기자": the place before the name.
    let credit = credit.rsplit_once('=').map_or(credit, |(_, name)| name);
    Some(credit.trim())
}

/// "本报讯（记者 张三）", "新华社北京11月14日电（记者张三、李四）", "【环球时报报道 记者 张三】": the
/// reporter's title and names inside the brackets near the head of a Chinese lede.
fn chinese_lede_credit(head: &str) -> Option<&str> {
    let (at, _) = ["记者", "記者"].iter().filter_map(|t| head.find(t).map(|at| (at, *t))).min()?;
    let open = head[..at].rfind(['（', '(', '【', '['])?;
    if head[open..at].contains(['）', ')', '】', ']']) || head[open..at].chars().count() > 16 {
        return None;
    }
    let close = head[at..].find(['）', ')', '】', ']'])? + at;
    Some(head[at..close].trim())
}

/// A CMS login shown as the byline ("jdoe", "jane.doe"): one word of lower-case letters, digits
/// and dots, dashes or underscores. Scripts without case are never logins here.
fn is_login(name: &str) -> bool {
    !name.contains(char::is_whitespace)
        && name.bytes().any(|b| b.is_ascii_lowercase())
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-'))
}

/// `authors` with `author`, unless someone of that name is in already: a name linked twice
/// (the photo and the name) is one writer.
fn with_new_name(mut authors: Vec<Author>, author: Author) -> Vec<Author> {
    if !authors.iter().any(|b| b.name == author.name) {
        authors.push(author);
    }
    authors
}

/// A sentence about the writer ("Tom Harris covers transit and city hall for the Courier."), in
/// the box that the same classes as a byline's mark: it ends like a sentence and runs on in
/// lower-case words, where a byline's few are a role or a connector ("By Ann Roe, staff writer").
fn is_bio(text: &str) -> bool {
    let lower_words = text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase) && w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .count();
    text.trim_end().ends_with(['.', '!', '?']) && lower_words >= 3
}

/// What a byline element's class, id or data-testid holds (case as written), searched for in
/// every such value of the page.
static BYLINE_WORDS: LazyLock<[memchr::memmem::Finder<'static>; 11]> = LazyLock::new(|| {
    ["yline", "yLine", "uthor", "autor", "auteur", "writer", "reporter", "journalist", "yazar", "penulis", "ontributor"].map(memchr::memmem::Finder::new)
});

/// How a byline in a plain paragraph or span opens, in the languages bylines come in.
const BY_OPENINGS: &[&str] = &[
    "by ", "par ", "por ", "von ", "door ", "av ", "af ", "przez ", "oprac. ", "oleh ", "di ", "bởi ", "โดย ", "από ", "Από ", "author", "autor", "auteur", "penulis", "reporter", "wartawan", "pewarta", "jurnalis", "text", "tekst", "avtor", "szerző", "Szerző",
    "piše", "Piše", "автор", "Автор", "АВТОР", "текст", "Текст", "ТЕКСТ", "作者", "撰文", "记者", "記者", "بقلم", "كتب", "מאת", "written by", "words by", "story by",
    "posted by", "submitted by", "story and ", "text and ", "words and ", "analysis by", "opinion by", "commentary by", "column by", "essay by", "review by", "interview by", "ein ", "eine ", "του ", "Του ", "ΤΟΥ ", "της ", "Της ", "ΤΗΣ ",
];

/// The names of a meta line that gives the date first: "Posted on April 2, 2026 by Ann Roe"
/// (WordPress themes' entry meta), "Published 2 April 2026 by Ann Roe", "10:42 a.m. ET Jan. 3,
/// 2026 by Ann Roe".
fn after_dated_opening(text: &str) -> Option<&str> {
    let first_word = text.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("").to_ascii_lowercase();
    let opens_with_date = text.starts_with(|c: char| c.is_ascii_digit())
        || (first_word.len() >= 3 && first_word.len() <= 9 && MONTH_OPENINGS.iter().any(|m| first_word.starts_with(m)) && (first_word.len() == 3 || MONTH_NAMES.contains(&first_word.as_str())));
    let opening = ["posted on ", "published on ", "posted ", "published "]
        .into_iter()
        .find(|p| strip_prefix_ignore_ascii_case(text, p).is_some())
        .or(opens_with_date.then_some(""))?;
    // The date runs to the "by", within a date's length.
    let window = &text.as_bytes()[opening.len()..text.len().min(opening.len() + 48)];
    let at = window.windows(4).position(|w| w.eq_ignore_ascii_case(b" by "))?;
    let date = &text[opening.len()..opening.len() + at];
    date.bytes().any(|b| b.is_ascii_digit()).then(|| &text[opening.len() + at + 4..])
}

/// A short text that is a byline: "By …", or in another language a by-word followed by nothing but
/// capitalised names ("Von Anna Schmidt", not "Von Montag bis Freitag").
pub(crate) fn is_by_line(text: &str) -> bool {
    if is_cjk_credit_line(text) {
        return true;
    }
    if let Some(rest) = after_dated_opening(text) {
        let names = parse_byline(rest);
        return !names.is_empty() && names.iter().all(|n| capitalised_name(n)) && !rest.trim_end().ends_with(['.', '!', '?']);
    }
    if !opens_with_by_word(text) {
        return false;
    }
    let rest = match BY_PREFIX.find(text) {
        // "By clicking Submit, you agree…", "by the numbers": a name opens with a capital (or
        // is in a script without case); "By the Editorial Board" is an organisation's.
        Some(prefix) if text.as_bytes()[..2].eq_ignore_ascii_case(b"by") => {
            let rest = &text[prefix.end()..];
            let first = rest.split_whitespace().next().unwrap_or("");
            let second_capitalised = rest.split_whitespace().nth(1).is_some_and(|w| w.starts_with(char::is_uppercase));
            // "By 1963, as the Times explains:": a year or a number opens a clause, and a clause
            // (lower-case words) that ends in a colon introduces what follows it. A name does
            // neither.
            let clause = || {
                rest.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).any(|w| w.len() >= 3 && w.chars().all(char::is_lowercase) && !NAME_PARTICLES.contains(&w))
            };
            if first.starts_with(|c: char| c.is_numeric()) || (rest.trim_end().ends_with(':') && clause()) {
                return false;
            }
            // "By March, the council had approved every line of the budget.": a sentence of the
            // story, its clause after the comma prose. A byline's ("By Ann Roe, staff writer.",
            // "By Ann Roe, a reporter for the Valley Post.") is short or names things.
            if let Some((_, after_comma)) = rest.split_once(',')
                && rest.trim_end().ends_with(['.', '!', '?'])
                && after_comma.split_whitespace().count() >= 6
                && is_prose(after_comma)
            {
                return false;
            }
            return !first.starts_with(char::is_lowercase) || (first == "the" && second_capitalised);
        }
        Some(prefix) => &text[prefix.end()..],
        None => match without_bare_label(text) {
            Some(rest) => rest,
            None => return false,
        },
    };
    let names = parse_byline(rest);
    !names.is_empty() && names.iter().all(|n| capitalised_name(n)) && !rest.trim_end().ends_with(['.', '!', '?'])
}

/// Inside site chrome (nav, footer, comments) rather than the article. The classes of `body` and
/// `html` describe the whole page's layout ("sidebar-primary", "comments-open" on WordPress), not
/// a part of it.
fn is_chrome(element: ElementRef<'_>) -> bool {
    is_chrome_within(element, None)
}

/// [`is_chrome`], where the ancestors that also hold the article body (`body_root`) say nothing:
/// a page-wide "right_sidebar" layout wrapper holds the story too.
fn is_chrome_within(element: ElementRef<'_>, body_root: Option<ElementRef<'_>>) -> bool {
    let holds_body = |a: &ElementRef<'_>| body_root.is_some_and(|b| a.id() == b.id() || b.ancestors().any(|o| o.id() == a.id()));
    element.ancestors().filter_map(ElementRef::wrap).filter(|a| !matches!(a.value().name(), "body" | "html") && !holds_body(a)).any(|a| {
        let e = a.value();
        // An `article`'s own `footer` holds its writer's box (HTML5's sense of the element).
        e.name() == "nav"
            || (e.name() == "footer" && !a.ancestors().filter_map(ElementRef::wrap).any(|o| o.value().name() == "article"))
            || e.classes().chain(e.id()).any(|c| {
                let has = |w: &str| contains_ignore_ascii_case(c.as_bytes(), w.as_bytes());
                // "content-sidebar-wrap" (Genesis) holds the story and the sidebar side by side.
                has("comment") || has("related") || has("footer") || (has("sidebar") && !has("content") && !has("wrap"))
            })
    })
}

/// The names that hCard marks in a byline: `<b class="fn">Ann Roe</b> <span>Senior Washington
/// Correspondent</span>`, WordPress's `<a class="url fn n" href="/author/ann-roe/">`, and
/// microdata's author `name` (parsed as a byline); with the author page that the name is, or is
/// inside, a link to, and whether the microdata's item is an organisation.
fn hcard_names(element: ElementRef<'_>, base: Option<&Url>) -> Vec<Author> {
    // A microdata name is the author's only when no item nested in the author's holds it (the
    // country of an organisation's address has a name too: "РИА Новости and Россия").
    let names_the_author = |e: &ElementRef<'_>| {
        let is_author = |a: &ElementRef<'_>| a.value().attr("itemprop").is_some_and(|p| p.split_ascii_whitespace().any(|p| p == "author" || p == "creator"));
        e.value().attr("itemprop").is_none()
            || e.ancestors().filter_map(ElementRef::wrap).find(|a| is_author(a) || a.value().attr("itemscope").is_some()).is_none_or(|a| is_author(&a))
    };
    element
        .select(&HCARD_NAME)
        .filter(names_the_author)
        .flat_map(|e| {
            let text = match e.value().attr("content") {
                Some(content) if e.value().name() == "meta" => content.to_owned(),
                _ => element_text(e),
            };
            let name = collapse(&BY_PREFIX.replace(&text, ""));
            let link = std::iter::once(e)
                .chain(e.ancestors().filter_map(ElementRef::wrap).take_while(|a| a.id() != element.id()))
                .find(|a| a.value().name() == "a");
            let url = link.and_then(|a| a.value().attr("href")).and_then(|href| author_url(href, base));
            let is_organization = e
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find_map(|a| a.value().attr("itemtype"))
                .is_some_and(|t| t.ends_with("Organization"));
            // A microdata name is the byline's text as often as a name ("Ann Roe, CNN").
            let names = if e.value().attr("itemprop").is_some() { parse_byline(&name) } else { vec![name] };
            names.into_iter().filter(|n| looks_like_name(n)).map(move |name| Author { name, url: url.clone(), is_organization })
        })
        .collect()
}

fn byline_links(element: ElementRef<'_>, base: Option<&Url>) -> Vec<Author> {
    element
        .select(&LINKS)
        .filter_map(|a| {
            let href = a.value().attr("href")?;
            let name = element_text(a);
            let lower = href.to_ascii_lowercase();
            // The writer's feed ("/author/ann-roe/feed/") is under the writer's page.
            let is_feed = lower.split(['?', '#']).next().is_some_and(|path| {
                let path = path.trim_end_matches('/');
                path.ends_with("/feed") || path.ends_with("/rss") || path.ends_with(".xml") || path.ends_with("/atom")
            });
            let is_author_page = !is_feed
                && (["author", "writer", "staff", "people", "contributor", "profile", "/by/", "reporter", "journalist", "columnist"].iter().any(|k| lower.contains(k))
                    || a.value().attr("rel").is_some_and(|r| r.contains("author")));
            // "DAVID LIEBERMAN, Executive Editor" as the link's text: the name is before the role.
            let name = match needs_parsing(&name).then(|| parse_byline(&name)) {
                Some(names) if names.len() == 1 => names.into_iter().next().unwrap_or_default(),
                _ => BY_PREFIX.replace(&name, "").trim().to_owned(),
            };
            if !is_author_page || !looks_like_name(&name) || lower.starts_with("mailto:") {
                return None;
            }
            Some(Author { name, url: author_url(href, base), is_organization: false })
        })
        .collect()
}

/// "Carla Mendes", "Carla Mendes and Tom Whitaker", "A, B and C".
pub(crate) fn display_byline(authors: &[Author]) -> Option<String> {
    let names: Vec<&str> = authors.iter().map(|a| a.name.as_str()).collect();
    match names.as_slice() {
        [] => None,
        [one] => Some((*one).to_owned()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}

static SHORTLINK_ID: Pattern = Pattern::new(r"[?&]p=(\d+)");
static POSTID_CLASS: Pattern = Pattern::new(r"^postid-(\d+)$");
static WP_API_ID: Pattern = Pattern::new(r"/wp/v2/posts/(\d+)");

fn post_id(html: &Html, links: &[(String, String)], page_classes: &[String]) -> Option<String> {
    link_with_rel(links, "shortlink")
        .and_then(|h| SHORTLINK_ID.captures(h).map(|c| c[1].to_owned()))
        .or_else(|| page_classes.iter().find_map(|c| POSTID_CLASS.captures(c).map(|m| m[1].to_owned())))
        .or_else(|| {
            select_named(html, &ARTICLE_ID, &["article"]).find_map(|a| {
                let id = a.value().id()?;
                let digits = id.strip_prefix("post-")?;
                (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.to_owned())
            })
        })
        .or_else(|| links.iter().find_map(|(_, h)| WP_API_ID.captures(h).map(|c| c[1].to_owned())))
}

static ISO_DATE: Pattern = Pattern::new(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?");
static TEXT_DATE: Pattern = Pattern::new(r"(?i)\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4}))");

/// A date as ISO 8601: "2016-12-29T01:32:00+00:00" stays, "December 28, 2016" → "2016-12-28".
pub(crate) fn normalize_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    // Both patterns need digits.
    if !raw.contains(char::is_numeric) {
        return None;
    }
    if let Some(c) = ISO_DATE.captures(raw) {
        let date = format!("{}-{}-{}", &c[1], &c[2], &c[3]);
        return Some(match (c.get(4), c.get(5)) {
            (Some(time), Some(zone)) => format!("{date}T{}{}", time.as_str(), zone.as_str()),
            (Some(time), None) => format!("{date}T{}", time.as_str()),
            _ => date,
        });
    }
    if !may_contain_any(raw, &MONTH_OPENINGS) {
        return None;
    }
    let c = TEXT_DATE.captures(raw)?;
    let (month, day, year) = match c.get(1) {
        Some(m) => (m.as_str(), &c[2], &c[3]),
        None => (&c[5], &c[4], &c[6]),
    };
    let month = MONTH_OPENINGS.iter().position(|m| month.eq_ignore_ascii_case(m))? + 1;
    let day: u32 = day.parse().ok()?;
    (1..=31).contains(&day).then(|| format!("{year}-{month:02}-{day:02}"))
}

/// Labels of the information line under a Chinese headline that names the story's origin:
/// "来源：人民日报海外版". Portals and papers run other outlets' stories under it, and their own
/// under their own name.
const SOURCE_LABELS: &[&str] = &["文章来源", "本文来源", "新闻来源", "信息来源", "稿件来源", "来源", "來源", "稿源", "出处", "出處"];

/// Words that end the origin's name in that line when no space does: the fields that follow it.
const SOURCE_LINE_FIELDS: &[&str] = &["作者", "编辑", "編輯", "责任编辑", "責任編輯", "记者", "記者", "发布时间", "發佈時間", "时间", "時間", "字号", "浏览", "阅读", "评论", "参与"];

/// The origin that the page's source line names, with the link on it: the first label of
/// [`SOURCE_LABELS`] followed by a colon, after the first `h1` and before the end of the body
/// (a rail's items carry source lines too), outside links and what holds no text (scripts,
/// `<title>`, …).
fn source_line(html: &Html, body_root: ElementRef<'_>) -> Option<SourceLine> {
    let mut last = *body_root;
    while let Some(child) = last.last_child() {
        last = child;
    }
    let has_h1 = select_named(html, &H1, &["h1"]).next().is_some();
    let mut after_h1 = !has_h1;
    for node in html.tree.root().descendants() {
        if let Some(element) = node.value().as_element() {
            if element.name() == "h1" {
                after_h1 = true;
            }
        } else if let Some(text) = node.value().as_text()
            && after_h1
            && let Some((label, name)) = source_after_label(text)
            && let Some(parent) = node.parent().and_then(ElementRef::wrap)
            && !node.ancestors().filter_map(ElementRef::wrap).any(|e| super::text::is_non_text(e.value().name()) || e.value().name() == "a")
        {
            let name = if name.is_empty() {
                // The label alone, the name in the next element: "来源：<a href=…>人民日报</a>".
                let next = node.next_siblings().find(|n| n.value().as_text().is_none_or(|t| !t.trim().is_empty()))?;
                let next_text = match next.value() {
                    scraper::Node::Text(t) => t.to_string(),
                    _ => ElementRef::wrap(next).map(element_words).unwrap_or_default(),
                };
                source_name(&next_text)
            } else {
                name
            };
            if name.is_empty() {
                return None;
            }
            let href = parent
                .select(&LINKS)
                .find(|a| element_words(*a).contains(name.as_str()))
                .and_then(|a| a.value().attr("href"))
                .map(str::to_owned);
            return Some(SourceLine { label: label.to_owned(), name, href });
        }
        if node.id() == last.id() {
            break;
        }
    }
    None
}

/// The label in `text` and the name after it, empty when the label ends the text; `None` when
/// the text has no label with a colon.
fn source_after_label(text: &str) -> Option<(&'static str, String)> {
    if !text.contains(['源', '处', '處']) {
        return None;
    }
    let (at, label) = SOURCE_LABELS.iter().find_map(|l| text.find(l).map(|at| (at, *l)))?;
    // The label starts the text or follows a space, a separator ("2017-03-10 来源：…") or an
    // opening bracket (a note under the story: "（来源：人民日报）").
    let before = text[..at].chars().next_back();
    if before.is_some_and(|c| !(c.is_whitespace() || matches!(c, '|' | '｜' | '/' | '】' | ']' | ')' | '）' | '（' | '(' | '【' | '['))) {
        return None;
    }
    let rest = text[at + label.len()..].trim_start();
    let rest = rest.strip_prefix('：').or_else(|| rest.strip_prefix(':'))?;
    Some((label, source_name(rest)))
}

/// Nodes after the headline that the provider label may sit among: Yahoo's is a line under it with
/// the date, MSN's the first element after it.
const PROVIDER_LABEL_REACH: usize = 200;

/// The label under the headline naming the outlet that provided the story, as aggregators show
/// it: Yahoo's `<span class="provider-name">Fox Nation</span>`, MSN's `<span class="partner"><a
/// href=…><img alt="Medical Daily"> Medical Daily</a></span>`. Only between the first `h1` and the
/// first paragraph of text after it: elsewhere such classes mark a TV login's providers, a
/// sponsor's box or a rail of partners' stories. Above the headline, only a kicker that says so
/// ([`kicker_label`]).
fn provider_label(html: &Html) -> Option<ProviderLabel> {
    let h1 = first_headline(&html.tree)?;
    provider_label_under(h1).or_else(|| kicker_label(h1))
}

/// The kicker right above the headline when it names where the story is from: "From The
/// Associated Press", "Via Reuters", "Source: AFP". A bare name there is a section or a topic
/// ("Reuters" over a story about the agency).
fn kicker_label(h1: ElementRef<'_>) -> Option<ProviderLabel> {
    const KICKER_PREFIXES: &[&str] = &["from ", "via ", "source: ", "provided by "];
    // The element before the headline, or before the wrapper the headline opens.
    fn previous(n: ego_tree::NodeRef<'_, scraper::Node>) -> Option<ego_tree::NodeRef<'_, scraper::Node>> {
        n.prev_siblings().find(|s| s.value().as_text().is_none_or(|t| !t.trim().is_empty()) && !matches!(s.value(), scraper::Node::Comment(_)))
    }
    let kicker = match previous(*h1) {
        Some(node) => node,
        None => previous(h1.parent()?)?,
    };
    let kicker = ElementRef::wrap(kicker)?;
    if in_picture_or_rail(kicker) {
        return None;
    }
    let text = element_text_within(kicker, 80)?;
    let text = collapse(&text);
    let name = KICKER_PREFIXES.iter().find_map(|p| strip_prefix_ignore_ascii_case(&text, p))?.trim();
    if name.is_empty() || name.split_whitespace().count() > 6 {
        return None;
    }
    let class = kicker.value().attr("class").and_then(|c| c.split_whitespace().next()).unwrap_or(kicker.value().name());
    Some(ProviderLabel { class: class.to_owned(), name: name.to_owned(), href: label_link(kicker) })
}

/// The link on a provider's label: the label itself, or the first link inside it.
fn label_link(label: ElementRef<'_>) -> Option<String> {
    let href = if label.value().name() == "a" { label.value().attr("href") } else { label.select(&LINKS).find_map(|a| a.value().attr("href")) };
    href.map(str::to_owned)
}

/// [`provider_label`] between the headline and the story's first paragraph.
fn provider_label_under(h1: ElementRef<'_>) -> Option<ProviderLabel> {
    // From the node after the headline's own subtree.
    let start = std::iter::once(*h1).chain(h1.ancestors()).find_map(|n| n.next_sibling())?;
    for node in std::iter::successors(Some(start), |n| next_in_document(*n)).take(PROVIDER_LABEL_REACH) {
        let Some(element) = ElementRef::wrap(node) else { continue };
        if element.value().name() == "p" && element_words(element).chars().count() >= 80 {
            return None;
        }
        let Some(class) = element.value().attr("class").and_then(|c| c.split_whitespace().find(|t| names_provider(t))) else { continue };
        if in_picture_or_rail(element) {
            continue;
        }
        let text = collapse(&element_words(element));
        let name = if text.is_empty() {
            element.select(&IMAGES).find_map(|img| img.value().attr("alt")).map(collapse).unwrap_or_default()
        } else {
            text
        };
        let name = PROVIDER_PREFIXES.iter().find_map(|p| strip_prefix_ignore_ascii_case(&name, p)).unwrap_or(&name).trim();
        if name.is_empty() || name.chars().count() > 60 || name.split_whitespace().count() > 6 {
            continue;
        }
        return Some(ProviderLabel { class: class.to_owned(), name: name.to_owned(), href: label_link(element) });
    }
    None
}

/// Whether `element` sits in a picture's caption or credit (`<span class="caption-source"><span
/// class="source">Reuters</span>`), a picture's provider, or in a rail of a provider's other
/// stories ("morefromprovider"): not the story's provider.
fn in_picture_or_rail(element: ElementRef<'_>) -> bool {
    // Not "credit": Yahoo's byline bar is a "credit-bar". Not "media": Bootstrap's "media-body".
    const OTHER_BOX_WORDS: &[&str] = &["caption", "image", "photo", "picture", "figure", "gallery", "morefrom", "related"];
    element.ancestors().filter_map(ElementRef::wrap).take(6).any(|a| {
        matches!(a.value().name(), "figure" | "figcaption" | "picture")
            || a.value().attr("class").is_some_and(|c| {
                let lower = c.to_ascii_lowercase();
                OTHER_BOX_WORDS.iter().any(|w| lower.contains(w))
            })
    })
}

/// The node after `node` in document order: its first child, else the next sibling of it or of
/// its nearest ancestor that has one.
fn next_in_document(node: ego_tree::NodeRef<'_, scraper::Node>) -> Option<ego_tree::NodeRef<'_, scraper::Node>> {
    node.first_child().or_else(|| std::iter::once(node).chain(node.ancestors()).find_map(|n| n.next_sibling()))
}

/// Labels before a provider's name: "Provided by Reuters", "Source: AP".
const PROVIDER_PREFIXES: &[&str] = &["provided by ", "source: ", "source ", "from ", "via "];

/// A class that names the story's provider: "provider", "provider-name", "caas-attr-provider",
/// "providername", "partner", "source-name"; not a login's, a video's or a picture's provider.
fn names_provider(class: &str) -> bool {
    const OTHER_THINGS: &[&str] = &["nav", "btn", "button", "login", "signin", "social", "share", "video", "player", "image", "img", "photo", "caption", "credit", "more", "related"];
    let lower = class.to_ascii_lowercase();
    let words = || lower.split(['-', '_']);
    (lower.contains("provider") || words().any(|w| matches!(w, "partner" | "partnername" | "source" | "sourcename")))
        && !OTHER_THINGS.iter().any(|w| lower.contains(w))
}

/// The origin's name at the start of `text`: up to a space, a separator or the next field.
fn source_name(text: &str) -> String {
    let text = text.trim_start_matches(|c: char| c.is_whitespace());
    let mut end = text.find(|c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '丨' | '）' | ')' | '】' | ']')).unwrap_or(text.len());
    if let Some(field) = SOURCE_LINE_FIELDS.iter().filter_map(|f| text[..end].find(f)).min() {
        end = field;
    }
    let name = text[..end].trim_matches(|c: char| !c.is_alphanumeric());
    if name.chars().count() > 30 { String::new() } else { name.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byline patterns' rewritten pieces match exactly what the plainer ones did, or more.
    #[test]
    fn rewritten_pattern_pieces_are_the_originals() {
        let class = |source: &str| match regex_syntax::parse(source).unwrap().into_kind() {
            regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) => class,
            other => panic!("{source}: {other:?}"),
        };
        let (x, letters) = (r"(?i)x(?::|：)", r"(?i)(?-i:[\w&&[^\d_]])");
        assert_eq!(regex_syntax::parse(x).unwrap().to_string(), regex_syntax::parse(r"(?i)x[:：]").unwrap().to_string());
        // Every letter, under `(?i)` too; beyond them only marks and the like, no digit or space.
        let mut missing = class(r"(?i)\p{L}");
        missing.difference(&class(letters));
        assert!(missing.ranges().is_empty(), "{missing:?}");
        let mut beyond = class(letters);
        beyond.difference(&class(r"[\p{L}\p{M}\p{Nl}\p{Pc}\p{So}\x{200C}\x{200D}]"));
        assert!(beyond.ranges().is_empty(), "{beyond:?}");
        assert!(BY_PREFIX.as_str().contains(r"(?::|：)") && BYLINE_TAIL.as_str().contains(&format!("{}+", &letters[4..])));
        // Both compile with Unicode off: ASCII bylines get the ASCII build.
        assert!(BY_PREFIX.compiles_without_unicode() && BYLINE_TAIL.compiles_without_unicode() && BYLINE_COUNTERS.compiles_without_unicode());
    }

    #[test]
    fn bylines_split_into_names() {
        let cases: &[(&str, &[&str])] = &[
            ("By Carla Mendes and Tom Whitaker", &["Carla Mendes", "Tom Whitaker"]),
            ("By A. Lee, B. Moss and C. Wu | May 3, 2025", &["A. Lee", "B. Moss", "C. Wu"]),
            ("by Jane Roe, Staff Writer", &["Jane Roe"]),
            ("By Noa Shalev (Haaretz)", &["Noa Shalev"]),
            ("By Laura E. Adkins December 28, 2016", &["Laura E. Adkins"]),
            ("Written by: Sam Ortiz & Lee Park", &["Sam Ortiz", "Lee Park"]),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_byline(text), *expected, "{text}");
        }
    }

    #[test]
    fn bylines_in_other_languages_and_forms() {
        let cases: &[(&str, &[&str])] = &[
            ("Von Anna Schmidt und Jonas Weber", &["Anna Schmidt", "Jonas Weber"]),
            ("Por María López y Juan Pérez", &["María López", "Juan Pérez"]),
            ("Przez Jan Kowalski i Anna Nowak", &["Jan Kowalski", "Anna Nowak"]),
            ("Door Pieter de Vries en Sanne Bakker", &["Pieter de Vries", "Sanne Bakker"]),
            // Participles before "by"; Indonesian's "report by the paper's reporter, …".
            ("Escrito por: María López", &["María López"]),
            ("Propos recueillis par Jeanne Roy", &["Jeanne Roy"]),
            ("Scritto da Marco Rossi", &["Marco Rossi"]),
            ("Reported by: Ram Kumar", &["Ram Kumar"]),
            ("Laporan wartawan Lembah.com, Budi Santoso", &["Budi Santoso"]),
            // Credits for other work after the writer's: labelled, or "… by:".
            ("Texto: María López / Fotos: Juan Pérez", &["María López"]),
            ("Reported by: Ram Kumar, Edited by: Shyam Lal", &["Ram Kumar"]),
            // A role glued to the name, then "en" ("in") and a place.
            ("María López Corresponsal en Madrid", &["María López"]),
            ("Di Giulia Conti e Marco Ferri", &["Giulia Conti", "Marco Ferri"]),
            ("Av Ingrid Berg og Lars Dahl", &["Ingrid Berg", "Lars Dahl"]),
            ("Oleh Siti Rahma", &["Siti Rahma"]),
            ("Autor: Tomáš Novák", &["Tomáš Novák"]),
            ("Автор: Ирина Волкова", &["Ирина Волкова"]),
            ("Текст: Ирина Волкова и Олег Седов", &["Ирина Волкова", "Олег Седов"]),
            ("Piše: Marko Horvat", &["Marko Horvat"]),
            ("Szerző: Kovács Anna", &["Kovács Anna"]),
            ("Teksti: Aino Virtanen", &["Aino Virtanen"]),
            ("作者：王小明", &["王小明"]),
            ("Claire Dubois (avec Hugo Marchand et Léa Fontaine)", &["Claire Dubois", "Hugo Marchand", "Léa Fontaine"]),
            ("Ann Roe with Bo Li", &["Ann Roe", "Bo Li"]),
            // A middle initial is not "e" or "i" the conjunction.
            ("By Laura E Adkins", &["Laura E Adkins"]),
            // The byline text pasted into a structured-data name: the role goes.
            ("By TOM KRISHER, AP Auto Writer", &["TOM KRISHER"]),
            ("Dana Whitfield, Senior Reporter", &["Dana Whitfield"]),
            // Separators the layout left after the name.
            ("Nina Park —", &["Nina Park"]),
            // A "By" whose name is in another element, and link texts that are not names.
            ("By", &[]),
            ("View my complete profile", &[]),
            ("admin", &[]),
            ("jdadmin", &[]),
            ("Webmaster", &[]),
            ("Adminah Wolde", &["Adminah Wolde"]),
            ("Ann Roe; on Twitter: @annroe.", &["Ann Roe"]),
            // An organisation after a lower-case "the" is a byline, not a phrase.
            ("By the Editorial Board", &["the Editorial Board"]),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_byline(text), *expected, "{text}");
        }
    }

    #[test]
    fn places_degrees_and_roles_after_a_name_are_not_names() {
        let cases: &[(&str, &[&str])] = &[
            // Where the story was filed from.
            ("By Jane Doe, Chicago", &["Jane Doe"]),
            ("Von Jana Schmidt, Berlin", &["Jana Schmidt"]),
            ("Ирина Волкова, Москва", &["Ирина Волкова"]),
            ("By Jane Doe in Kyiv", &["Jane Doe"]),
            ("Jane Doe in Kyiv and Bo Li in Hong Kong", &["Jane Doe", "Bo Li"]),
            ("Ann Roe reporting from Gaza City", &["Ann Roe"]),
            ("Jana Schmidt aus Berlin", &["Jana Schmidt"]),
            ("By Jane Doe and John Roe Reporting from Kyiv, Ukraine", &["Jane Doe", "John Roe"]),
            ("Von Max Roth, Hamburg, und Eva Lang, Berlin", &["Max Roth", "Eva Lang"]),
            ("Par Jean Dupont (Bruxelles, correspondant)", &["Jean Dupont"]),
            // The paper it was written for.
            ("Por João Silva, da Folha", &["João Silva"]),
            ("Jane Doe, Special to The Valley Post", &["Jane Doe"]),
            ("Jane Doe For The Valley Post", &["Jane Doe"]),
            // Degrees and suffixes.
            ("By Jane Doe, M.D.", &["Jane Doe"]),
            ("Jane Doe, MD, MPH and Bo Li, PhD", &["Jane Doe", "Bo Li"]),
            ("Brenda Goodman, MA", &["Brenda Goodman"]),
            ("By Martin Luther King, Jr.", &["Martin Luther King, Jr."]),
            // A role or a co-author after a dash or a slash.
            ("Jane Doe - Staff reporter", &["Jane Doe"]),
            ("By Jane Doe / Staff Writer", &["Jane Doe"]),
            ("Jane Doe — Senior Correspondent", &["Jane Doe"]),
            ("Jane Doe / John Roe", &["Jane Doe", "John Roe"]),
            // Where the writer works, as The Conversation and op-ed pages add it.
            ("Jane Roe, Professor of History, University of Leeds", &["Jane Roe"]),
            ("Jane Roe, Senior Lecturer in Law, Monash University", &["Jane Roe"]),
            ("JANE ROE/Reuters", &["JANE ROE"]),
            ("Jane Roe of The Texas Tribune", &["Jane Roe"]),
            ("Jane Roe of the University of Leeds", &["Jane Roe"]),
            ("Jane Roe – The New York Times", &["Jane Roe"]),
            ("Jane Roe, Professor Ann Lee", &["Jane Roe", "Professor Ann Lee"]),
            ("Mary of Teck and Ann Roe", &["Mary of Teck", "Ann Roe"]),
            // Still names: a co-author after a comma, a surname that is a degree in other letters,
            // a one-word name joined by "and", a name with "in" in it, a hyphenated name.
            ("By Jane Doe, John Roe and Ann Lee", &["Jane Doe", "John Roe", "Ann Lee"]),
            ("Jack Ma and Bo Li", &["Jack Ma", "Bo Li"]),
            ("Du Li and Ann Roe", &["Du Li", "Ann Roe"]),
            ("Ann Roe, Da Silva and Bo Li", &["Ann Roe", "Da Silva", "Bo Li"]),
            ("By Jane Doe and Cher", &["Jane Doe", "Cher"]),
            ("Marin Ingram", &["Marin Ingram"]),
            ("Jean-Luc Martin-Lefèvre", &["Jean-Luc Martin-Lefèvre"]),
            ("王小明, 李华", &["王小明", "李华"]),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_byline(text), *expected, "{text}");
        }
    }

    #[test]
    fn titles_addresses_dates_and_labels_leave_the_names() {
        let cases: &[(&str, &[&str])] = &[
            // The reporter's title, before the names in Chinese papers, after them in Korean and
            // Japanese ones; Korean's middle dot between two names.
            ("记者 张三 李四", &["张三", "李四"]),
            ("记者张三、李四", &["张三", "李四"]),
            ("山田 太郎 記者", &["山田 太郎"]),
            ("本报记者 陈思远", &["陈思远"]),
            ("文/张三", &["张三"]),
            ("李文 王五", &["李文 王五"]),
            ("홍길동 기자", &["홍길동"]),
            ("홍길동기자", &["홍길동"]),
            ("김하늘·박준서 기자", &["김하늘", "박준서"]),
            // The paper before the reporter, the place joined by "=", the slash of a sign-off.
            ("밸리일보 김하늘 기자", &["김하늘"]),
            ("본보 김하늘 기자", &["김하늘"]),
            ("김하늘 기자 = 서울", &["김하늘"]),
            ("서울=김하늘 기자", &["김하늘"]),
            ("/김하늘 기자", &["김하늘"]),
            ("한강 김하늘", &["한강 김하늘"]),
            ("山田太郎 記者", &["山田太郎"]),
            ("기자", &["기자"]),
            ("唐纳德·特朗普", &["唐纳德"]),
            // Addresses and the word that announces them.
            ("홍길동 기자 hong@example.co.kr", &["홍길동"]),
            ("Ann Roe, ann.roe@example.com", &["Ann Roe"]),
            ("Ann Roe Email: ann@example.com", &["Ann Roe"]),
            // Dates and times in numbers, and the label before them.
            ("Jana Fiedler 03.03.2024, 12:00 Uhr", &["Jana Fiedler"]),
            ("김하늘 기자 입력 2025.01.14 09:30", &["김하늘"]),
            ("Ann Roe 2 hrs ago", &["Ann Roe"]),
            ("By Ann Roe March 3, 2024", &["Ann Roe"]),
            ("Ann Roe (1931)", &["Ann Roe"]),
            // A label of one word and a colon, in any language; "by" after the name in Turkish;
            // by-words in Vietnamese and Greek.
            ("Yazar: Ahmet Yılmaz", &["Ahmet Yılmaz"]),
            ("كتب: محمد علي", &["محمد علي"]),
            ("Napsal : Jan Novák", &["Jan Novák"]),
            ("Ahmet Yılmaz tarafından", &["Ahmet Yılmaz"]),
            ("Bởi Nguyễn Văn An", &["Nguyễn Văn An"]),
            ("Από Γιώργος Παπαδόπουλος", &["Γιώργος Παπαδόπουλος"]),
            // Credits for other work than the writing.
            ("Reporting by Ann Roe; Editing by Bo Li", &["Ann Roe"]),
            ("Ann Roe; Additional reporting by Cy Ng", &["Ann Roe"]),
            // A role set after the name without a separator.
            ("Jane Doe Contributor", &["Jane Doe"]),
            ("Jane Doe Senior Staff Writer", &["Jane Doe"]),
            ("By Jane Doe and Bo Li Staff Writers", &["Jane Doe", "Bo Li"]),
            ("By TOM KRISHER, AP Auto Writer", &["TOM KRISHER"]),
            ("AP National Political Writer", &["AP National Political Writer"]),
            ("Jane Editor", &["Jane Editor"]),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_byline(text), *expected, "{text}");
        }
        assert!(is_by_line("Από Γιώργος Παπαδόπουλος"));
        assert!(!is_by_line("Από την Τρίτη θα κλείσει ο δρόμος."));
        // A sentence of the story that opens with "By" and a capitalised word, and bylines that
        // close with a full stop.
        assert!(!is_by_line("By March, the council had approved every line of the budget but one."));
        assert!(is_by_line("By Ann Roe, staff writer."));
        assert!(is_by_line("By Ann Roe, a reporter for the Valley Post since 2019."));
        assert!(is_by_line("By Ann Roe, Bo Li and Cy Twombly, with reporting from Dana Whitfield."));
    }

    /// The byline the whole extraction gives a page with `head` and a story, and no byline of
    /// its own in the body.
    fn page_byline(head: &str) -> Option<String> {
        let story = "<p>The council voted on Tuesday to widen the harbour road, ending a decade of argument over who should pay for it and when the work could start.</p>".repeat(4);
        let html = format!("<!doctype html><html><head><title>Council widens the harbour road at last</title>{head}</head><body><article><h1>Council widens the harbour road at last</h1>{story}</article></body></html>");
        let loaded = crate::load::Loaded { html, url: None, encoding: "UTF-8" };
        let page = crate::parse::parse(&loaded, &crate::prescan::Limits::default()).expect("parses");
        let profile = Profile::builtin("generic").expect("generic profile");
        let article = crate::extract::extract(&page, &profile, &crate::extract::Options::default()).expect("an article");
        display_byline(&article.meta.authors)
    }

    fn page_authors(body: &str) -> Vec<Author> {
        let story = "<p>The council voted on Tuesday to widen the harbour road, ending a decade of argument over who should pay for it and when the work could start.</p>".repeat(4);
        let html = format!("<!doctype html><html><head><title>Council widens the harbour road at last</title></head><body><div class=\"post\"><h1>Council widens the harbour road at last</h1>{body}<div class=\"post-content\">{story}</div></div></body></html>");
        let loaded = crate::load::Loaded { html, url: Url::parse("https://valleypost.example/2026/road/").ok(), encoding: "UTF-8" };
        let page = crate::parse::parse(&loaded, &crate::prescan::Limits::default()).expect("parses");
        let profile = Profile::builtin("generic").expect("generic profile");
        crate::extract::extract(&page, &profile, &crate::extract::Options::default()).expect("an article").meta.authors
    }

    #[test]
    fn a_link_to_the_writers_page_alone_names_the_writer() {
        let named = |body: &str| page_authors(body).into_iter().map(|a| (a.name, a.url.map(String::from))).collect::<Vec<_>>();
        assert_eq!(
            named(r#"<div class="meta"><a href="/writers/ann-roe/">Ann Roe</a> · <a href="/authors/bo-li">Bo Li</a> · May 3</div>"#),
            [("Ann Roe".to_owned(), Some("https://valleypost.example/writers/ann-roe/".to_owned())), ("Bo Li".to_owned(), Some("https://valleypost.example/authors/bo-li".to_owned()))]
        );
        // A hostile address keeps the name and loses the link: only web addresses are kept.
        assert_eq!(named(r#"<div class="meta"><a href="javascript:alert(1)//writers/ann-roe/">Ann Roe</a></div>"#), [("Ann Roe".to_owned(), None)]);
        // The list of writers, a person the story quotes, a one-word label: no one.
        assert!(named(r#"<div class="meta"><a href="/writers/">Our Writers</a></div>"#).is_empty());
        assert!(named(r#"<p>The plan was drawn up by <a href="/writers/ann-roe/">Ann Roe</a>, who chairs the council's roads committee and has argued for it since 2019.</p>"#).is_empty());
        assert!(named(r#"<div class="meta"><a href="/author/ann-roe/">Archive</a></div>"#).is_empty());
    }

    /// A bare name in an element whose class names the writer, spelt as themes spell it; the
    /// editor in charge or the photographer under such a class is no writer.
    #[test]
    fn a_bare_name_under_a_writers_class() {
        let byline = |body: &str| display_byline(&page_authors(body));
        for class in ["post_author", "entry__author", "article-contributor", "contributor"] {
            assert_eq!(byline(&format!(r#"<div class="{class}">Ann Roe</div>"#)).as_deref(), Some("Ann Roe"), "{class}");
        }
        for credit in ["责任编辑：李明", "Editor: Bo Li", "Fotos: Luis Pérez", "РЕДАКТОР: Иван Петров"] {
            assert_eq!(byline(&format!(r#"<p class="show_author">{credit}</p>"#)), None, "{credit}");
            assert!(parse_byline(credit).is_empty(), "{credit}");
        }
        assert_eq!(parse_byline("Ann Roe | Editor: Bo Li"), ["Ann Roe"]);
    }

    #[test]
    fn authors_from_every_tag_that_credits_one() {
        let cases = [
            // One tag a person.
            (r#"<meta name="parsely-author" content="Ann Roe"><meta name="parsely-author" content="Bo Li">"#, Some("Ann Roe and Bo Li")),
            (r#"<meta property="article:author" content="Ann Roe"><meta property="article:author" content="https://social.example/annroe">"#, Some("Ann Roe")),
            // Teasers' microdata repeat the author tag: only the first counts.
            (r#"<meta name="author" content="Ann Roe"><meta name="author" content="Bo Li">"#, Some("Ann Roe")),
            // A surname and a given name in catalogue order.
            (r#"<meta name="author" content="Roe, Ann">"#, Some("Ann Roe")),
            (r#"<meta name="author" content="Ann Roe, Bo Li">"#, Some("Ann Roe and Bo Li")),
            // Yoast's Twitter card: a label and its value.
            (r#"<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ann Roe">"#, Some("Ann Roe")),
            (r#"<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="3 minutes">"#, None),
            (r#"<meta property="og:article:author" content="Ann Roe">"#, Some("Ann Roe")),
            // cXense's tag (Nordic, Japanese and German papers); a scholarly page's one per author.
            (r#"<meta name="cXenseParse:author" content="Ann Roe">"#, Some("Ann Roe")),
            (r#"<meta name="citation_author" content="Ann Roe"><meta name="citation_author" content="Bo Li">"#, Some("Ann Roe and Bo Li")),
            // JSON-LD's `creator` when nothing else names anyone; a user name there names no one.
            (r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council widens the harbour road at last","creator":["Ann Roe"]}</script>"#, Some("Ann Roe")),
            (r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council widens the harbour road at last","creator":"CC7567"}</script>"#, None),
        ];
        for (head, expected) in cases {
            assert_eq!(page_byline(head).as_deref(), expected, "{head}");
        }
    }

    #[test]
    fn an_outlet_after_a_name_is_an_affiliation() {
        for outlet in ["Chicago Tribune", "The Kyiv Independent", "The Valley Post", "Associated Press", "CNN", "cleveland.com", "Agencias", "wire services"] {
            assert!(is_affiliation(outlet), "{outlet}");
        }
        for person in ["Emily Post", "Li Sun", "Jane Doe", "Bo Li", "Independent Journalist"] {
            assert!(!is_affiliation(person), "{person}");
        }
    }

    #[test]
    fn publication_notes_after_a_name_in_other_languages() {
        assert_eq!(parse_byline("Von Jana Fiedler publiziert am 3. März 2024"), ["Jana Fiedler"]);
        assert_eq!(parse_byline("Par Louise Marchal, publié le 4 mai"), ["Louise Marchal"]);
        assert_eq!(parse_byline("Jana Fiedler 3. März 2024"), ["Jana Fiedler"]);
        assert_eq!(parse_byline("Jana Fiedler 3. Ma\u{308}rz 2024"), ["Jana Fiedler"]);
        assert!(is_by_line("Von Jana Fiedler publiziert am 3. März 2024"));
    }

    #[test]
    fn east_asian_credit_lines_are_bylines() {
        for line in ["记者 张伟", "本报记者 张伟 王芳", "文/李明", "文／李明", "2026-03-08 来源：本站 作者：王芳 责任编辑：李明", "作者： 王芳", "홍길동 기자", "홍길동·김철수 기자 입력 2026.01.14 09:30", "홍길동 기자 hong@example.co.kr"] {
            assert!(is_by_line(line), "{line}");
        }
        // A lede that opens with the reporter, a lone title, an editor's credit, a Chinese
        // paper's own name before its title.
        for line in ["记者从市政府获悉，新线路下月开通。", "本报记者", "责任编辑：李明", "记者 从市政府获悉新线路下月开通的消息", "기자", "本报记者 ", "新华社北京11月2日电（记者张伟）", "作者：2026"] {
            assert!(!is_by_line(line), "{line}");
        }
        let cases: &[(&str, &[&str])] = &[
            ("2026-03-08 09:12 来源：本站 作者：周晓岚 责任编辑：韩立", &["周晓岚"]),
            ("作者：周晓岚", &["周晓岚"]),
            ("（山田太郎 記者）", &["山田太郎"]),
            ("【山田太郎】", &["山田太郎"]),
            ("(By Ann Roe)", &["Ann Roe"]),
        ];
        for (text, names) in cases {
            assert_eq!(parse_byline(text), *names, "{text}");
        }
        // A search appliance's byline tag (CNBC's "Search.Byline").
        assert_eq!(page_byline(r#"<meta name="Search.Byline" content="Patti Dorn">"#).as_deref(), Some("Patti Dorn"));
        // The title stays off a name from the metadata too.
        assert_eq!(page_byline(r#"<meta name="author" content="홍길동 기자">"#).as_deref(), Some("홍길동"));
        assert_eq!(page_byline(r#"<meta property="dable:author" content="홍길동 기자">"#).as_deref(), Some("홍길동"));
    }

    #[test]
    fn lead_words_and_by_words_open_bylines() {
        let cases: &[(&str, &[&str])] = &[
            ("Posted by Marisol Ortega on April 19, 2026", &["Marisol Ortega"]),
            ("Analysis by Stephen Collins, CNN", &["Stephen Collins"]),
            ("Opinion by Ann Roe", &["Ann Roe"]),
            ("Ein Kommentar von Klaus Müller", &["Klaus Müller"]),
            ("كتب - أحمد علي", &["أحمد علي"]),
            ("Του Γιώργου Παπαδόπουλου", &["Γιώργου Παπαδόπουλου"]),
            ("Por Renata Coelho — Belo Horizonte", &["Renata Coelho"]),
            ("Иван Петров — корреспондент", &["Иван Петров"]),
            ("Posted on November 2, 2026 by Tom Harris", &["Tom Harris"]),
            ("Published 2 November 2026 by Tom Harris and Ann Roe", &["Tom Harris", "Ann Roe"]),
        ];
        for (text, names) in cases {
            assert_eq!(parse_byline(text), *names, "{text}");
        }
        for line in ["Posted by Marisol Ortega on April 19, 2026", "Analysis by Stephen Collins, CNN", "Ein Kommentar von Klaus Müller", "كتب - أحمد علي"] {
            assert!(is_by_line(line), "{line}");
        }
        assert!(is_by_line("Της Μαρίας Νικολάου"));
        assert!(!is_by_line("Της έδωσαν το βραβείο χθες."));
        assert!(!is_by_line("Posted on April 19, 2026"));
        assert!(is_by_line("Posted on November 2, 2026 by Tom Harris"));
        assert!(is_by_line("Published on 2026-11-02 by Tom Harris"));
        // The date must be one: a book's imprint is not a byline.
        assert!(!is_by_line("Published by Penguin Books"));
        assert!(!is_by_line("Published in paperback by Penguin Books"));
        assert!(!is_by_line("Posted on Monday by the school board, the notice said."));
        // The date alone opens the line.
        assert_eq!(parse_byline("10:42 a.m. ET Jan. 3, 2026 by Tom Harris"), ["Tom Harris"]);
        assert_eq!(parse_byline("March 3, 2026 by Tom Harris and Ann Roe"), ["Tom Harris", "Ann Roe"]);
        assert!(is_by_line("Jan. 3, 2026 by Tom Harris"));
        assert!(!is_by_line("12 ways by which the council saves money."));
        assert!(!is_by_line("Marchers by the thousands filled the square."));
    }

    #[test]
    fn a_label_before_the_heading_is_no_part_of_the_headline() {
        let headings = ["The ballpark that refused to close".to_owned()];
        for title in ["Column: The ballpark that refused to close", "Opinion | The ballpark that refused to close", "Local News - The ballpark that refused to close"] {
            assert_eq!(heading_after_label(title, &headings).as_deref(), Some("The ballpark that refused to close"), "{title}");
        }
        // A title that says more than a label, or whose rest is not the heading, stays.
        assert_eq!(heading_after_label("Mayor says the ballpark stays: The ballpark that refused to close", &headings), None);
        assert_eq!(heading_after_label("Column: Another story", &headings), None);
        // A short heading (a section's name) never stands for the headline.
        assert_eq!(heading_after_label("News: Sports", &["Sports".to_owned()]), None);
    }

    #[test]
    fn a_role_or_place_after_the_names_is_not_a_name() {
        let cases: &[(&str, &[&str])] = &[
            // In lower case after a comma, in any cased script.
            ("Иван Иванов, корреспондент", &["Иван Иванов"]),
            ("Ann Roe, envoyée spéciale", &["Ann Roe"]),
            // Glued on, where the layout broke the line.
            ("Par Anne Martin envoyée spéciale à Lyon", &["Anne Martin"]),
            ("Par LILIAN ALEMAGNA, LAURE BRETTON Envoyés spéciaux à Toulouse", &["LILIAN ALEMAGNA", "LAURE BRETTON"]),
            ("Jan Kowalski z Warszawy", &["Jan Kowalski"]),
            // Polish portals' "compiled by".
            ("oprac. Jan Kowalski", &["Jan Kowalski"]),
            // A city of two or three words, or one word of a script without case, after a comma.
            ("Rahul Sharma, New Delhi", &["Rahul Sharma"]),
            ("Ana Ruiz, San José", &["Ana Ruiz"]),
            ("Siti Aminah, Kuala Lumpur", &["Siti Aminah"]),
            ("Ana Ruiz, Mexico City", &["Ana Ruiz"]),
            ("Ana Ruiz, Rio de Janeiro", &["Ana Ruiz"]),
            ("राहुल शर्मा, नई दिल्ली", &["राहुल शर्मा"]),
            ("राहुल शर्मा, लखनऊ", &["राहुल शर्मा"]),
            // Co-authors stay: a whole name in either script.
            ("Rahul Sharma, Priya Nair", &["Rahul Sharma", "Priya Nair"]),
            ("राहुल शर्मा, अमित कुमार", &["राहुल शर्मा", "अमित कुमार"]),
            ("Jane Doe, Newton Minow", &["Jane Doe", "Newton Minow"]),
            ("王小明, 李大华", &["王小明", "李大华"]),
            ("홍길동, 김영희", &["홍길동", "김영희"]),
            // After a role, "en" is "in" (a place follows), not Dutch's "and".
            ("Ana Ruiz, corresponsal en Nueva York", &["Ana Ruiz"]),
            ("Jeanne Roy, envoyée spéciale en Ukraine", &["Jeanne Roy"]),
            ("Jan de Vries en Piet Jansen", &["Jan de Vries", "Piet Jansen"]),
            // "From our correspondent", before the name.
            ("Von unserem Korrespondenten Hans Maier", &["Hans Maier"]),
            ("De nuestra enviada especial Ana Ruiz", &["Ana Ruiz"]),
            ("Dal nostro inviato Marco Rossi", &["Marco Rossi"]),
            // A masthead after the name, in the other languages.
            ("Von Hans Maier, Süddeutsche Zeitung", &["Hans Maier"]),
            ("Door Jan de Vries, De Telegraaf", &["Jan de Vries"]),
            ("Posted by Andrew Hale, Software Engineer on the Play team", &["Andrew Hale"]),
            // Particles and lower-case prefixes belong to the name.
            ("By Jan van der Berg", &["Jan van der Berg"]),
            ("By Mohammed Ahmed al-Rashid", &["Mohammed Ahmed al-Rashid"]),
            ("By Maria das Dores and Fulano de Tal", &["Maria das Dores", "Fulano de Tal"]),
            ("By María de los Ángeles García", &["María de los Ángeles García"]),
            // Thai's "by"; Taiwan's title glued to the name and the place reported from.
            ("โดย สมชาย ใจดี", &["สมชาย ใจดี"]),
            ("記者王小明／台北報導", &["王小明"]),
            ("記者王小明", &["王小明"]),
        ];
        for (text, names) in cases {
            assert_eq!(parse_byline(text), *names, "{text}");
        }
        // The outlet's domain after the name, on the byline's next line.
        assert_eq!(parse_byline("By Jemma Hale ESPN.com Archive | Contact"), ["Jemma Hale"]);
        assert_eq!(parse_byline("By Jemma Hale Telegraph.co.uk"), ["Jemma Hale"]);
        assert_eq!(parse_byline("By J.R.R. Tolkien"), ["J.R.R. Tolkien"]);
        // One word of name is no name to cut at; a menu's run of capitalised items is none either.
        assert_eq!(without_description_glued("Montag bis Freitag"), "Montag bis Freitag");
        assert_eq!(without_description_glued("Detroit Ledger wire services"), "Detroit Ledger wire services");
        assert_eq!(without_description_glued("John Gruber Archive The Talk Show Vesper: Now for iPad"), "John Gruber Archive The Talk Show Vesper: Now for iPad");
    }

    #[test]
    fn credits_for_other_work_end_the_byline() {
        let cases: &[(&str, &[&str])] = &[
            ("By Jane Doe Photography by John Roe", &["Jane Doe"]),
            ("By Jane Doe. Illustrations by John Roe", &["Jane Doe"]),
            ("Rob Ewart Edited by Betty Bayer", &["Rob Ewart"]),
            ("Story and photos by Jane Doe", &["Jane Doe"]),
            ("Text and photographs by Jane Doe", &["Jane Doe"]),
            // A credit alone names no writer.
            ("Photos by John Roe", &[]),
            // A full stop after an initial or a suffix stays.
            ("By Martin Luther King Jr.", &["Martin Luther King Jr."]),
            ("By Jane Q.", &["Jane Q."]),
        ];
        for (text, names) in cases {
            assert_eq!(parse_byline(text), *names, "{text}");
        }
        assert!(is_by_line("Story and photos by Jane Doe"));
        assert!(!is_by_line("Story and pictures of the week"));
    }

    #[test]
    fn labels_of_indonesian_bylines() {
        assert_eq!(parse_byline("Reporter: Fulan Hakim | Editor: Wawan Sulis"), ["Fulan Hakim"]);
        assert_eq!(parse_byline("Penulis: Fulan Hakim"), ["Fulan Hakim"]);
        assert!(is_by_line("Reporter: Fulan Hakim | Editor: Wawan Sulis"));
        assert!(is_by_line("Wartawan: Fulan Hakim"));
        assert!(!is_by_line("Reporter: the word of the year, chosen by readers."));
    }

    #[test]
    fn labels_and_by_words_without_a_colon() {
        assert_eq!(parse_byline("Penulis Fulan Hakim | Editor Wawan Sulis"), ["Fulan Hakim"]);
        assert!(is_by_line("Penulis Fulan Hakim | Editor Wawan Sulis"));
        assert!(is_by_line("Reporter Jane Doe"));
        // A sentence about a reporter is no byline, and a label needs a capitalised name after it.
        assert!(!is_by_line("Reporter Jane Doe asked the mayor twice."));
        assert!(!is_by_line("Reporter turnover rose again this year"));
        assert_eq!(parse_byline("Ni Juan dela Cruz"), ["Juan dela Cruz"]);
        assert_eq!(parse_byline("de Ion Popescu"), ["Ion Popescu"]);
        // "Ni" and "de" are names' first words too: before a one-word rest they stay.
        assert_eq!(parse_byline("Ni Wei"), ["Ni Wei"]);
        assert_eq!(parse_byline("De Ion Popescu"), ["De Ion Popescu"]);
    }

    #[test]
    fn a_consent_note_is_no_byline() {
        assert!(!is_by_line("By clicking \"Submit,\" you agree to the Privacy Policy and Terms of Use. >"));
        assert!(!is_by_line("By and large, the plan held."));
        assert!(!is_by_line("by the numbers"));
        assert!(is_by_line("By the Editorial Board"));
        assert!(is_by_line("By Ann Roe"));
        assert!(parse_byline("By clicking \"Submit,\" you agree to the Privacy Policy and Terms of Use. >").is_empty());
        assert!(!looks_like_name("Terms of Use. >"));
        assert!(looks_like_name("Amanda \"Tania Mae\" Tan"));
    }

    #[test]
    fn a_doubled_scheme_is_read_once() {
        for href in ["http:https://lasvegas.example/news/a/", "https://http://lasvegas.example/news/a/", "HTTP://https://lasvegas.example/news/a/"] {
            assert_eq!(absolute(href, None).map(|u| u.host_str().unwrap_or("").to_owned()).as_deref(), Some("lasvegas.example"), "{href}");
        }
        let base = Url::parse("https://site.example/a/").unwrap();
        assert_eq!(absolute("https://site.example/http-guide/", Some(&base)).unwrap().as_str(), "https://site.example/http-guide/");
        assert_eq!(absolute("/search?u=https://other.example/", Some(&base)).unwrap().as_str(), "https://site.example/search?u=https://other.example/");
        assert_eq!(absolute("http:", None), None);
    }

    #[test]
    fn a_microdata_name_is_the_authors_own() {
        let names = |html: &str| {
            let html = Html::parse_document(html);
            let byline = html.select(&sel("#b")).next().unwrap();
            hcard_names(byline, None).into_iter().map(|a| a.name).collect::<Vec<_>>()
        };
        let nested = r#"<div id=b itemprop=author itemscope itemtype="https://schema.org/Organization"><div itemprop=name>Nord Vesti</div>
            <div itemprop=address itemscope itemtype="https://schema.org/PostalAddress"><div itemprop=addressCountry itemscope itemtype="https://schema.org/Country"><meta itemprop=name content="Ruritania"></div></div></div>"#;
        assert_eq!(names(nested), ["Nord Vesti"]);
        assert_eq!(names(r#"<p id=b>By <span itemprop=author><span itemprop=name>Ann Roe</span></span></p>"#), ["Ann Roe"], "an author without itemscope");
    }

    #[test]
    fn a_desk_phrase_is_not_a_name() {
        assert!(is_role_phrase("From staff"));
        assert!(is_role_phrase("Our correspondent"));
        assert!(is_role_phrase("Special correspondents"));
        assert!(!is_role_phrase("Ann roe"), "a lower-case surname is still a name");
        assert!(!is_role_phrase("Jan van der Berg"));
        assert!(!is_role_phrase("Valley Post Staff"), "a cased desk is the site's, judged elsewhere");
        assert!(is_desk_credit("Staff and wire reports"));
        assert!(is_desk_credit("From staff reports"));
        assert!(!is_desk_credit("Ann Roe and staff"));
    }

    #[test]
    fn a_login_is_not_a_name() {
        for login in ["jdoe", "jane.doe", "j_doe2", "web-desk"] {
            assert!(is_login(login), "{login}");
        }
        for name in ["Jane Doe", "JDoe", "jane doe", "홍길동", "1234"] {
            assert!(!is_login(name), "{name}");
        }
    }

    /// The names that `credit` finds in a story of these paragraphs.
    fn names_credited(paragraphs: &[&str], credit: fn(ElementRef<'_>) -> Vec<Author>) -> Vec<String> {
        let story: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
        let html = Html::parse_document(&format!("<html><body><div id=story>{story}</div></body></html>"));
        let root = html.select(&sel("#story")).next().unwrap();
        credit(root).into_iter().map(|a| a.name).collect()
    }

    #[test]
    fn a_closing_wire_credit_names_the_reporters() {
        let credited = |last: &str| names_credited(&["Ships waited offshore for nine days.", "Work resumes on Tuesday.", last], closing_credit);
        assert_eq!(credited("Reporting by Priya Raman and Tomasz Wolski in Gdansk; Editing by Lena Hart"), ["Priya Raman", "Tomasz Wolski"]);
        assert_eq!(credited("Writing by Ann Roe"), ["Ann Roe"]);
        // Helpers, not writers; and a sentence that mentions reporting is no credit.
        assert!(credited("Additional reporting by Bo Li").is_empty());
        assert!(credited("Reporting by our staff continues throughout the week.").is_empty());
    }

    #[test]
    fn a_korean_or_chinese_lede_credits_its_reporters() {
        let credited = |first: &str| names_credited(&[first, "두 번째 문단이다."], lede_credit);
        assert_eq!(credited("(서울=연합뉴스) 김하늘 기자 = 정부는 14일 새 대책을 발표했다."), ["김하늘"]);
        assert_eq!(credited("[밸리일보 김하늘·박준서 기자] 정부는 14일 새 대책을 발표했다."), ["김하늘", "박준서"]);
        assert_eq!(credited("【서울=김하늘 기자】 정부는 14일 새 대책을 발표했다."), ["김하늘"]);
        assert_eq!(credited("本报讯（记者 陈思远）市政府14日公布了新的措施。"), ["陈思远"]);
        assert_eq!(credited("新华社北京11月14日电（记者张伟、王芳）国务院14日公布了新的措施。"), ["张伟", "王芳"]);
        assert_eq!(credited("【环球时报报道 记者 陈思远】市政府14日公布了新的措施。"), ["陈思远"]);
        // A sentence about reporters, a dateline without a reporter, an English lede.
        assert!(credited("기자들은 14일 정부 발표를 취재했다.").is_empty());
        assert!(credited("记者从市政府获悉，新的措施将于下月实施。").is_empty());
        assert!(credited("(서울=연합뉴스) 정부는 14일 새 대책을 발표했다.").is_empty());
        assert!(credited("(AP) — Ann Roe reporter = the city voted.").is_empty());
    }

    #[test]
    fn a_sentence_about_the_writer_is_a_bio() {
        assert!(is_bio("Desmond Achebe covers county government and public health for the Ledger. Reach him at desk@ledger.example."));
        for byline in ["By Ann Roe, staff writer", "By Ann Roe and Bo Li, Associated Press.", "Von Jana Fiedler publiziert am 3. März 2024", "By Ann Roe, special to the Valley Post."] {
            assert!(!is_bio(byline), "{byline}");
        }
    }

    #[test]
    fn posted_on_phrases_and_counters_end_a_byline() {
        let cases: &[(&str, &[&str])] = &[
            ("林小雨 發表在 山海部落格 留言(3) 人氣(1280)", &["林小雨"]),
            ("林小雨 发表于 山海博客", &["林小雨"]),
            ("林小雨 留言(3) 人氣(1280)", &["林小雨"]),
            ("山田花子 投稿日：2024年3月2日", &["山田花子"]),
            ("Ann Roe posted in Local News", &["Ann Roe"]),
            // Drupal's node line.
            ("Submitted by Ann Roe on Fri, 11/20/2026 - 10:00", &["Ann Roe"]),
            ("Ann Roe published on The Valley Post", &["Ann Roe"]),
            ("Ann Roe 42 Comments", &["Ann Roe"]),
            ("Ann Roe 1,204 views", &["Ann Roe"]),
            ("Ann Roe 1.2K views", &["Ann Roe"]),
            ("By Ann Roe Comments (4)", &["Ann Roe"]),
            ("Ann Roe Views: 12", &["Ann Roe"]),
            ("Ann Roe No Comments", &["Ann Roe"]),
            ("Ann Roe Leave a comment", &["Ann Roe"]),
            ("Von Jana Fiedler 12 Kommentare", &["Jana Fiedler"]),
            ("Par Louise Marchal 3 commentaires", &["Louise Marchal"]),
            ("Автор: Ирина Волкова 15 комментариев", &["Ирина Волкова"]),
            // Names stay whole.
            ("By John Smith III", &["John Smith III"]),
            ("Por María José Ruiz", &["María José Ruiz"]),
            ("By Sharesa Likens and Viewa Reid", &["Sharesa Likens", "Viewa Reid"]),
            // A name that opens like a month is not a date ("Mar…" 3, "May…" 12).
            ("Louise Marchal 3 Comments", &["Louise Marchal"]),
            ("Ann Mayer 12 views", &["Ann Mayer"]),
            ("Ann Mayer May 12, 2024", &["Ann Mayer"]),
            // A weekday before the date, a time alone, and the link to the writer's other stories.
            ("By Bryan Walsh Tuesday, Aug. 17, 2010", &["Bryan Walsh"]),
            ("Von Jana Fiedler Dienstag, 17. August 2010", &["Jana Fiedler"]),
            ("9:39AM BST 05 Oct 2011", &[]),
            ("by Rose Orlik More from this author", &["Rose Orlik"]),
            ("Ann Roe View all posts by Ann Roe", &["Ann Roe"]),
            // A weekday that is a name, with no date after it.
            ("By Tuesday Weld", &["Tuesday Weld"]),
            ("By Thomas More", &["Thomas More"]),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_byline(text), *expected, "{text}");
        }
    }

    #[test]
    fn publication_dates_from_any_spelling_of_the_meta_tag() {
        for key in ["publishdate", "publish_date", "publish-date", "pubdate", "date", "DC.date.issued", "dcterms.issued", "publication_date"] {
            let html = Html::parse_document(&format!(r#"<html><head><meta name="{key}" content="2017-03-10"></head><body></body></html>"#));
            assert_eq!(meta_date(&Metas::from_page(&html)).as_deref(), Some("2017-03-10"), "{key}");
        }
        let html = Html::parse_document(r#"<html><head><meta name="description" content="2017-03-10"></head><body></body></html>"#);
        assert_eq!(meta_date(&Metas::from_page(&html)), None);
        // A date in a form we do not read gives the next tag its turn.
        let html = Html::parse_document(r#"<html><head><meta name="date" content="05/08/2014 07:01:00"><meta name="publishdate" content="2014-05-08"></head></html>"#);
        assert_eq!(meta_date(&Metas::from_page(&html)).as_deref(), Some("2014-05-08"));
    }

    #[test]
    fn contact_details_leave_the_author_tag() {
        assert_eq!(without_contact("Ann Roe (https://annroe.example/)"), "Ann Roe");
        assert_eq!(without_contact("Ann Roe ( http://annroe.example/ann )"), "Ann Roe");
        assert_eq!(without_contact("Ann Roe <ann@annroe.example>"), "Ann Roe");
        assert_eq!(without_contact("Ann Roe - www.annroe.example"), "Ann Roe");
        assert_eq!(without_contact("https://www.facebook.example/annroe"), "");
        assert_eq!(without_contact("Ann Roe @annroe"), "Ann Roe @annroe");
        assert_eq!(without_contact("John Smith III"), "John Smith III");
    }

    #[test]
    fn by_lines_in_paragraphs() {
        assert!(is_by_line("By Ann Roe"));
        assert!(is_by_line("Von Anna Schmidt und Jonas Weber"));
        assert!(is_by_line("Par Claire Dubois (avec Hugo Marchand et Léa Fontaine) · 14 mars 2025"));
        // Prose that opens with the same word is not a byline.
        assert!(!is_by_line("Von Montag bis Freitag geöffnet"));
        assert!(!is_by_line("Di recente, il comune ha deciso."));
        assert!(!is_by_line("Por fin llegó la lluvia."));
        assert!(!is_by_line("Bylaws were amended"));
        assert!(is_by_line("Автор: Ирина Волкова"));
        assert!(!is_by_line("Автор: сказал, что всё будет хорошо."));
        // A year opens a clause, and a line that ends in a colon introduces a quotation.
        assert!(!is_by_line("By 1963, as the Coastal Times explains:"));
        assert!(!is_by_line("By Monday the Coastal Times had explained it all:"));
        assert!(is_by_line("By Ann Roe, Coastal Times:"));
    }

    #[test]
    fn an_author_boxs_controls_name_no_one() {
        for label in ["More from Josh", "More stories by Ann Roe", "Get author RSS feed", "Follow", "Bio", "Edit", "Close", "View all posts"] {
            assert!(!looks_like_name(label), "{label}");
        }
        for name in ["Ann Roe", "Thomas More", "Seemore Jones", "Reade Miller"] {
            assert!(looks_like_name(name), "{name}");
        }
        // A date with an ordinal is the byline's tail, not a name ("Dec" was one).
        assert!(parse_byline("Dec 1st 2026 1:01PM").is_empty());
        assert_eq!(parse_byline("By Ann Roe Nov 3rd, 2026"), ["Ann Roe"]);
        let page = Html::parse_fragment(
            r##"<div class="author">Alyssa Roe <a href="https://twitter.com/aroe"><span>Twitter</span></a> <a href="mailto:a@example.com">Email</a> <a href="https://x.com/aroe">Alyssa Roe</a> <a href="/author/aroe/">More from Alyssa</a> <a href="#">Close</a></div>"##,
        );
        let byline = page.select(&Selector::parse("div").unwrap()).next().unwrap();
        assert_eq!(element_words_without(byline, is_contact_link), "Alyssa Roe Alyssa Roe");
        let links = Html::parse_fragment(r#"<p><a href="/author/ann-roe/">Ann Roe</a> <a href="/author/ann-roe/feed/">Ann Roe</a></p>"#);
        let names: Vec<String> = byline_links(links.root_element(), None).into_iter().map(|a| a.name).collect();
        assert_eq!(names, ["Ann Roe"], "the writer's feed is no writer's page");
    }

    #[test]
    fn titles_cut_short_are_completed_from_the_heading() {
        let h = vec!["Council approves tenants' fund after a long night of comment on rents".to_owned()];
        assert_eq!(completed_title("Council approves tenants' fund after a long night…", &h).as_deref(), Some(h[0].as_str()));
        assert_eq!(completed_title("Council approves tenants' fund", &h), None, "a short title is not a truncation");
        assert_eq!(heading_text("Installation¶"), "Installation");
    }

    #[test]
    fn the_publishers_name_after_a_name_goes() {
        assert_eq!(without_publisher("Elena Brook Lakeside Times", "Lakeside Times").as_deref(), Some("Elena Brook"));
        assert_eq!(without_publisher("Elena Brook Lakeside Times", "lakesidetimes").as_deref(), Some("Elena Brook"));
        assert_eq!(without_publisher("Elena Brook", "Lakeside Times"), None);
        // A one-word name left over is not enough to tell.
        assert_eq!(without_publisher("Brook Lakeside Times", "Lakeside Times"), None);
        assert_eq!(without_publisher("Lakeside Times", "Lakeside Times"), None);
    }

    #[test]
    fn display_bylines() {
        let a = |n: &str| Author { name: n.into(), url: None, is_organization: false };
        assert_eq!(display_byline(&[a("A")]).as_deref(), Some("A"));
        assert_eq!(display_byline(&[a("A"), a("B")]).as_deref(), Some("A and B"));
        assert_eq!(display_byline(&[a("A"), a("B"), a("C")]).as_deref(), Some("A, B and C"));
        assert_eq!(display_byline(&[]), None);
    }

    #[test]
    fn dates_normalize() {
        assert_eq!(normalize_date("2016-12-29T01:32:00+00:00").as_deref(), Some("2016-12-29T01:32:00+00:00"));
        assert_eq!(normalize_date("2025-03-14").as_deref(), Some("2025-03-14"));
        assert_eq!(normalize_date("December 28, 2016").as_deref(), Some("2016-12-28"));
        assert_eq!(normalize_date("3 Feb. 2024").as_deref(), Some("2024-02-03"));
        assert_eq!(normalize_date("yesterday"), None);
    }

    #[test]
    fn source_lines_name_the_origin() {
        let named = |t: &str| source_after_label(t).map(|(_, name)| name);
        assert_eq!(named("来源：人民日报海外版").as_deref(), Some("人民日报海外版"));
        assert_eq!(named("2026-11-20 08:00　来源：新京报　作者：李明").as_deref(), Some("新京报"));
        assert_eq!(named("来源:澎湃新闻作者:王晓").as_deref(), Some("澎湃新闻"));
        assert_eq!(named("來源： 聯合報 | 編輯：陳").as_deref(), Some("聯合報"));
        // A note under the story, in brackets.
        assert_eq!(named("（来源：人民日报）").as_deref(), Some("人民日报"));
        assert_eq!(named("(来源：新京报) 编辑：李").as_deref(), Some("新京报"));
        assert_eq!(named("稿件来源：中国新闻网").as_deref(), Some("中国新闻网"));
        // The label alone: the name is in the next element.
        assert_eq!(named("\n来源：\n").as_deref(), Some(""));
        // Another field's label that ends in 来源, or no colon.
        assert_eq!(named("图片来源：网络"), None);
        assert_eq!(named("消息来源：知情人士"), None);
        assert_eq!(named("报道的来源还不清楚"), None);
        // A sentence, not a name.
        assert_eq!(named(&format!("来源：{}", "很长的名字".repeat(10))).as_deref(), Some(""));
    }

    #[test]
    fn organisations_among_jsonld_authors_are_credited() {
        let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council widens the harbour road at last","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"NewsMediaOrganization","name":"Reuters"}],"provider":{"@type":"Organization","name":"Wire Desk"}}</script>"#;
        let story = "<p>The council voted on Tuesday to widen the harbour road, ending a decade of argument over who should pay for it and when the work could start.</p>".repeat(4);
        let html = format!("<!doctype html><html><head><title>Council widens the harbour road at last</title>{ld}</head><body><article><h1>Council widens the harbour road at last</h1><p class=\"byline\">By Jane Doe</p>{story}</article></body></html>");
        let loaded = crate::load::Loaded { html, url: None, encoding: "UTF-8" };
        let page = crate::parse::parse(&loaded, &crate::prescan::Limits::default()).expect("parses");
        let profile = Profile::builtin("generic").expect("generic profile");
        let article = crate::extract::extract(&page, &profile, &crate::extract::Options::default()).expect("an article");
        let credited: Vec<(&str, &str)> = article.meta.provenance.credited_organizations.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(credited, [("provider", "Wire Desk"), ("author", "Reuters")]);
    }

    #[test]
    fn provider_labels_under_the_headline() {
        const TEXT: &str = "<p>The county board voted on Tuesday to extend the library's evening hours through the winter months.</p>";
        let label = |body: &str| {
            let html = Html::parse_document(&format!("<html><body>{body}</body></html>"));
            provider_label(&html).map(|l| (l.class, l.name, l.href))
        };
        let named = |class: &str, name: &str| Some((class.to_owned(), name.to_owned(), None));
        // Yahoo's line under the headline, in the headline's own header.
        assert_eq!(
            label(&format!(r#"<header><h1>Title</h1></header><div class="attr"><span class="provider"><span class="provider-name">Fox Nation</span></span> • <time>Oct 3</time></div>{TEXT}"#)),
            named("provider", "Fox Nation")
        );
        // A logo's alt text and its link; a label's prefix.
        assert_eq!(
            label(&format!(r#"<h1>Title</h1><span class="partner"><a href="https://medical.example/"><img alt="Medical Daily" src="l.png"></a></span>{TEXT}"#)),
            Some(("partner".to_owned(), "Medical Daily".to_owned(), Some("https://medical.example/".to_owned())))
        );
        assert_eq!(label(&format!(r#"<h1>Title</h1><div class="story-source">Provided by Reuters</div>{TEXT}"#)), named("story-source", "Reuters"));
        // Not before the headline, not after the story's text has begun, not a picture's credit,
        // not a login's providers, not a rail of the provider's other stories.
        assert_eq!(label(&format!(r#"<span class="provider-name">Acme TV</span><h1>Title</h1>{TEXT}"#)), None);
        assert_eq!(label(&format!(r#"<h1>Title</h1>{TEXT}<span class="provider-name">Acme TV</span>"#)), None);
        assert_eq!(label(&format!(r#"<h1>Title</h1><p><span class="caption-source"><span class="source">Reuters</span></span></p>{TEXT}"#)), None);
        assert_eq!(label(&format!(r#"<h1>Title</h1><a class="provider-login-btn">Google</a>{TEXT}"#)), None);
        assert_eq!(label(&format!(r#"<h1>Title</h1><section class="morefromprovider"><div class="providername">Medical Daily</div></section>{TEXT}"#)), None);
        // A sentence is no name.
        assert_eq!(label(&format!(r#"<h1>Title</h1><div class="source">{}</div>{TEXT}"#, "word ".repeat(20))), None);
        // A kicker right above the headline that says where the story is from; not a bare name.
        assert_eq!(label(&format!(r#"<div class="kicker">From The Associated Press</div><h1>Title</h1>{TEXT}"#)), named("kicker", "The Associated Press"));
        assert_eq!(label(&format!(r#"<span class="eyebrow">Via <a href="https://wire.example/">Wire Daily</a></span><header><h1>Title</h1></header>{TEXT}"#)), Some(("eyebrow".to_owned(), "Wire Daily".to_owned(), Some("https://wire.example/".to_owned()))));
        assert_eq!(label(&format!(r#"<div class="kicker">Reuters</div><h1>Title</h1>{TEXT}"#)), None);
        assert_eq!(label(&format!(r#"<div class="kicker">From the archives: the 1998 flood and what came after it</div><h1>Title</h1>{TEXT}"#)), None);
    }

    #[test]
    fn site_suffix_is_stripped() {
        let site = |p| SiteNames { publisher: Some(p), host: None };
        assert_eq!(strip_site_suffix("Rain Returns | The Valley Post", site("The Valley Post"), None), "Rain Returns");
        assert_eq!(strip_site_suffix("Rain Returns - Valley Post", SiteNames::default(), Some("Rain Returns")), "Rain Returns");
        assert_eq!(strip_site_suffix("Valley Post | Rain Returns Today", site("Valley Post"), None), "Rain Returns Today");
        assert_eq!(strip_site_suffix("Left - Right Politics", site("Other"), None), "Left - Right Politics");
    }

    #[test]
    fn inverted_names_from_catalogues() {
        assert_eq!(uninverted_name("Kettle, R.").as_deref(), Some("R. Kettle"));
        assert_eq!(uninverted_name("Berg, Anja van").as_deref(), Some("Anja van Berg"));
        assert_eq!(uninverted_name("Kettle, R. J.").as_deref(), Some("R. J. Kettle"));
        // Two people, a person and an agency, a name and a role: not one inverted name.
        assert_eq!(uninverted_name("Rosa Kettle, Bo Lind"), None);
        assert_eq!(uninverted_name("Kettle, Reuters"), None);
        assert_eq!(uninverted_name("Kettle, CNN"), None);
        assert_eq!(uninverted_name("Kettle, Staff Writer"), None);
    }

    #[test]
    fn affiliations_are_not_names() {
        for part in ["CNN", "KBCR", "Reuters", "Associated Press", "dpa", "Lakeside.news", "valleypost.com"] {
            assert!(is_affiliation(part), "{part}");
        }
        for part in ["Rosa Kettle", "Bo", "JOE HILDEBRAND", "St. Clair", "Jr."] {
            assert!(!is_affiliation(part), "{part}");
        }
        assert!(names_only_agencies("dpa/AFP") && names_only_agencies("Par l'AFP") && names_only_agencies("Von dpa/mj") && names_only_agencies("AP"));
        assert!(names_only_agencies("Europa Press") && names_only_agencies("By AP and Reuters") && names_only_agencies("(dpa)"));
        assert!(!names_only_agencies("Jane Doe") && !names_only_agencies("Jane Doe, AP") && !names_only_agencies("red/mj") && !names_only_agencies(""));
        assert_eq!(without_agency("Jill Lawless Associated Press").as_deref(), Some("Jill Lawless"));
        assert_eq!(without_agency("Rosa Kettle Reuters").as_deref(), Some("Rosa Kettle"));
        assert_eq!(without_agency("Rosa Kettle"), None);
        assert_eq!(without_agency("Associated Press"), None);
        // "Troy L. Smith, Cleveland.com" in a JSON-LD Person: parsed, the domain then dropped.
        assert!(needs_parsing("Rosa Kettle, Lakeside.news"));
        assert!(!needs_parsing("Rosa Kettle"));
    }

    #[test]
    fn site_label_skips_subdomains_and_public_suffixes() {
        assert_eq!(site_label("www.valleypost.com"), ("valleypost", "valleypost.com"));
        assert_eq!(site_label("edition.valleypost.com"), ("valleypost", "valleypost.com"));
        assert_eq!(site_label("www.valleypost.com.au"), ("valleypost", "valleypost.com.au"));
        assert_eq!(site_label("news.valleypost.co.uk"), ("valleypost", "valleypost.co.uk"));
        assert_eq!(site_label("valleypost.de"), ("valleypost", "valleypost.de"));
        assert_eq!(site_label("localhost"), ("localhost", "localhost"));
        let site = SiteNames { publisher: None, host: Some("edition.valleypost.co.uk") };
        assert!(site.named_by("Valley Post"));
        assert!(site.named_by("ValleyPost.co.uk"));
        assert!(!site.named_by("Edition"));
    }

    /// The title `title()` gives for a page with this head and body, at this host.
    fn page_title(head: &str, body: &str, host: Option<&str>) -> Option<String> {
        let html = Html::parse_document(&format!("<html><head>{head}</head><body>{body}</body></html>"));
        let metas = Metas::from_page(&html);
        let ld = JsonLd::from_page(&html);
        let publisher = metas.first(&["og:site_name"]);
        let site = SiteNames { publisher: publisher.as_deref(), host };
        title(&html, &Profile::builtin("generic").expect("generic profile"), &metas, &ld, site)
    }

    #[test]
    fn news_taglines_leave_the_title() {
        for (title, want) in [
            ("पुस्तकालय का समय बढ़ा - Hindi News", "पुस्तकालय का समय बढ़ा"),
            ("Rain returns to the valley | Latest News", "Rain returns to the valley"),
            ("Rain returns to the valley – Breaking News Today", "Rain returns to the valley"),
            ("Rain returns to the valley - Tamil News Live", "Rain returns to the valley"),
        ] {
            assert_eq!(without_news_tagline(title), want, "{title}");
        }
        // Not a tagline: other words, no "news", or a head too short to be a headline.
        for title in ["Rain returns to the valley - Fake News", "Election night - live updates", "Valley - Latest News", "Rain returns to the valley - News of the World"] {
            assert_eq!(without_news_tagline(title), title);
        }
    }

    #[test]
    fn site_and_section_tails_go_when_the_page_names_them() {
        let og = |t: &str| format!(r#"<meta property="og:title" content="{t}">"#);
        // Section (article:section) and site (og:site_name), no heading on the page.
        let head = format!(r#"{}<meta property="og:site_name" content="Valley Post"><meta property="article:section" content="Weather">"#, og("Rain returns to the valley - Weather - Valley Post"));
        assert_eq!(page_title(&head, "", None).as_deref(), Some("Rain returns to the valley"));
        // JSON-LD's publisher and breadcrumb, other separators.
        let ld = r#"<script type="application/ld+json">[{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Valley Post Online"}},
            {"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","name":"Home"},{"@type":"ListItem","item":{"name":"Weather"}},{"@type":"ListItem","name":"Rain returns"}]}]</script>"#;
        for sep in [" » ", " | ", " :: ", " — ", "—", " · "] {
            let head = format!("{}{ld}", og(&format!("Rain returns to the valley{sep}Weather{sep}Valley Post Online")));
            assert_eq!(page_title(&head, "", None).as_deref(), Some("Rain returns to the valley"), "{sep:?}");
        }
        // The host's name; a tail that `<title>` shares with another head; a head that another
        // title is on its own.
        assert_eq!(page_title(&og("Rain returns to the valley | ValleyPost"), "", Some("www.valleypost.example")).as_deref(), Some("Rain returns to the valley"));
        let head = format!("{}<title>Dry summer ends at last | Valley Post</title>", og("Rain returns to the valley | Valley Post"));
        assert_eq!(page_title(&head, "", None).as_deref(), Some("Rain returns to the valley"));
        let head = format!(r#"{}<meta name="twitter:title" content="Rain returns to the valley">"#, og("Rain returns to the valley :: Valley Post"));
        assert_eq!(page_title(&head, "", None).as_deref(), Some("Rain returns to the valley"));
        // A blog's post: its blog (og:site_name) and the platform (its home link) go.
        let head = r#"<meta property="og:site_name" content="Hill Walks"><meta property="og:title" content="Rain returns to the valley @ Hill Walks :: Bloghost ::">"#;
        assert_eq!(page_title(head, r#"<a href="https://www.bloghost.example/">Bloghost</a>"#, None).as_deref(), Some("Rain returns to the valley"));
        // The masthead: a link to the home page, by its text or its logo.
        for body in [r#"<a href="/">Valley Post</a>"#, r#"<a href="https://www.valleypost.example"><img src="l.png" alt="Valley Post"></a>"#] {
            assert_eq!(page_title(&og("Rain returns to the valley | Valley Post"), body, None).as_deref(), Some("Rain returns to the valley"), "{body}");
        }
        // Before the site's name, with the same separator, a section the page names nowhere else:
        // a short capitalised name. In `<title>` alone too, and after WordPress's "«" and
        // Japanese's full-width colon.
        let site = r#"<meta property="og:site_name" content="Valley Post">"#;
        for title in ["Rain returns to the valley | Local News | Valley Post", "Rain returns to the valley - Local News - Valley Post", "Rain returns to the valley « Valley Post"] {
            assert_eq!(page_title(&format!("<title>{title}</title>{site}"), "", None).as_deref(), Some("Rain returns to the valley"), "{title}");
            assert_eq!(page_title(&format!("{}{site}", og(title)), "", None).as_deref(), Some("Rain returns to the valley"), "{title}");
        }
        // The site's name shortened ("R7" for og:site_name "R7.com"), or the whole host.
        let head = r#"<title>Rain returns to the valley - Weather - VP</title><meta property="og:site_name" content="VP.example">"#;
        assert_eq!(page_title(head, "", None).as_deref(), Some("Rain returns to the valley"));
        let head = "<title>Rain returns to the valley | Weather | news.valleypost.example</title>";
        assert_eq!(page_title(head, "", Some("news.valleypost.example")).as_deref(), Some("Rain returns to the valley"));
        // The host's name after an article or the word for "paper", or with a longer word after
        // it; a short one only as its whole domain; then two sections, with small words in them.
        for (title, host) in [
            ("Bibliothek verlängert die Öffnungszeiten - DER TALBOTE", "www.talbote.example"),
            ("Thư viện kéo dài giờ mở cửa - Báo Thungdung", "thungdung.example"),
            ("Kütüphane çalışma saatlerini uzattı - Vadi Haber Haberleri", "www.vadihaber.example"),
            ("Biblioteka wydłuża godziny otwarcia - Wiadomości - VP.pl", "wiadomosci.vp.pl"),
            ("Biblioteca amplía el horario - Noticias de Colombia - El Valle", "www.elvalle.example"),
            ("Library extends its hours - Valley - News - The Valley Ledger", "valleyledger.example"),
            ("Perpustakaan perpanjang jam buka : Lembah News", "news.lembah.example"),
        ] {
            let kept = title.split(" - ").next().unwrap().split(" : ").next().unwrap();
            assert_eq!(page_title(&format!("<title>{title}</title>"), "", Some(host)).as_deref(), Some(kept), "{title}");
        }
        // A metadata title with a short name after a bar, on a page with no h1 and no other name
        // for itself; a label before the bar, or a short head, stays.
        let og = |t: &str| format!(r#"<meta property="og:title" content="{t}">"#);
        assert_eq!(page_title(&og("Rain returns to the valley after a dry summer | Dolyna Pravda"), "", None).as_deref(), Some("Rain returns to the valley after a dry summer"));
        for kept in ["Opinion | Rain returns to the valley after a dry summer", "Rain returns | Valley"] {
            assert_eq!(page_title(&og(kept), "", None).as_deref(), Some(kept));
        }
        // French spaces its colons: a headline's own stays.
        let head = r#"<meta property="og:title" content="Réforme des retraites : ce qui change pour La Vallée">"#;
        assert_eq!(page_title(head, "", Some("lavallee.example")).as_deref(), Some("Réforme des retraites : ce qui change pour La Vallée"));
        // Thai does not space its words: a heading of many letters is long enough to cut at.
        let head = "<title>ห้องสมุดขยายเวลาเปิด - หุบเขาออนไลน์</title>";
        assert_eq!(page_title(head, "<h1>ห้องสมุดขยายเวลาเปิด</h1>", None).as_deref(), Some("ห้องสมุดขยายเวลาเปิด"));
        let head = r#"<title>谷に久しぶりの雨が戻ってきた日の記録：山谷新聞デジタル</title><meta property="og:site_name" content="山谷新聞デジタル">"#;
        assert_eq!(page_title(head, "", None).as_deref(), Some("谷に久しぶりの雨が戻ってきた日の記録"));
        // Not a section: words in lower case, or a separator other than the site's.
        for (title, kept) in [
            ("Rain returns to the valley - live updates - Valley Post", "Rain returns to the valley - live updates"),
            ("Rain returns to the valley: Local News | Valley Post", "Rain returns to the valley: Local News"),
        ] {
            assert_eq!(page_title(&format!("{}{site}", og(title)), "", None).as_deref(), Some(kept), "{title}");
        }
    }

    #[test]
    fn headlines_with_separators_keep_them_without_evidence() {
        let head = |t: &str| format!(r#"<meta property="og:title" content="{t}"><meta property="og:site_name" content="Valley Post"><meta property="article:section" content="Politics">"#);
        for title in [
            "Left - Right: the long march of valley politics",
            "Rain returns to the valley - and stays",
            "Rain returns to the valley - Left - Right",
            // A head too short to be a headline.
            "Politics - Valley Post",
        ] {
            assert_eq!(page_title(&head(title), r#"<a href="/news">Rain returns to the valley</a>"#, None).as_deref(), Some(title), "{title}");
        }
        // The site and the section go, the headline's own dash stays.
        assert_eq!(page_title(&head("Left - Right: the long march of valley politics - Politics - Valley Post"), "", None).as_deref(), Some("Left - Right: the long march of valley politics"));
    }

    #[test]
    fn chinese_portal_titles_lose_channel_and_site() {
        let logo = r#"<a href="https://www.shangu.example/"><img src="logo.png" alt="山谷网"></a>"#;
        let title = "<title>山谷终于迎来了久违的降雨天气_天气频道_山谷网</title>";
        assert_eq!(page_title(title, logo, None).as_deref(), Some("山谷终于迎来了久违的降雨天气"));
        // Without the masthead, the portal's template still shows: a headline, then two short
        // names after "_". One such name may be the headline's own.
        assert_eq!(page_title(title, r#"<a href="/news/">山谷网</a>"#, None).as_deref(), Some("山谷终于迎来了久违的降雨天气"));
        let one_tail = "<title>山谷终于迎来了久违的降雨天气_图集</title>";
        assert_eq!(page_title(one_tail, r#"<a href="/news/">山谷网</a>"#, None).as_deref(), Some("山谷终于迎来了久违的降雨天气_图集"));
        // A tail that is part of the site's name is not the site.
        let head = r#"<meta property="og:site_name" content="山谷的家_蓝天"><meta property="og:title" content="我们终于到了山顶看日出的地方_蓝天">"#;
        assert_eq!(page_title(head, "", None).as_deref(), Some("我们终于到了山顶看日出的地方_蓝天"));
    }

    #[test]
    fn home_links() {
        for href in ["/", "https://www.valleypost.example", "//valleypost.example/", "http://valleypost.example/index.html", " / "] {
            assert!(is_home_href(href), "{href}");
        }
        for href in ["", "#", "news/", "/news", "https://www.valleypost.example/news/", "index.html", "mailto:a@b.example", "javascript:void(0)"] {
            assert!(!is_home_href(href), "{href}");
        }
    }

    #[test]
    fn site_suffix_named_by_the_host_or_after_the_heading() {
        let host = SiteNames { publisher: None, host: Some("www.valleypost.com") };
        assert_eq!(strip_site_suffix("Rain returns to the valley | Valley Post", host, None), "Rain returns to the valley");
        assert_eq!(strip_site_suffix("Rain returns to the valley - ValleyPost.com", host, None), "Rain returns to the valley");
        assert_eq!(strip_site_suffix("Rain returns to the valley - Left - Right", host, None), "Rain returns to the valley - Left - Right");
        // Heading, section and site: everything after the heading goes.
        let h = Some("Rain returns to the valley");
        assert_eq!(strip_site_suffix("Rain returns to the valley | Weather | News", SiteNames::default(), h), "Rain returns to the valley");
        assert_eq!(strip_site_suffix("山谷终于迎来了久违的降雨天气_天气_山谷网", SiteNames::default(), Some("山谷终于迎来了久违的降雨天气")), "山谷终于迎来了久违的降雨天气");
        // A logo heading does not cut the headline off a "Site | Headline" title.
        assert_eq!(strip_site_suffix("Valley Post | Rain returns to the valley", SiteNames::default(), Some("Valley Post")), "Valley Post | Rain returns to the valley");
    }
}

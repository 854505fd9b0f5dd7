//! Body half of stage 3: find the element that holds the article (profile selector, schema.org
//! `articleBody`, else text-density scoring) and mark the furniture inside it.
//!
//! Three linear passes over the tree, all iterative: raw text statistics bottom-up, furniture
//! classification top-down, then scoring of paragraph-like blocks over what is left.

use std::sync::LazyLock;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use rustc_hash::{FxHashMap, FxHashSet};
use scraper::{ElementRef, Node, Selector};
use url::Url;

use super::furniture::{self, Removal};
use super::metadata::{absolute, title_key};
use super::text::{self, collapse, contains_ignore_ascii_case, element_text, element_text_within, is_block, is_non_text};
use super::{Block, Body, BodySource, ExtractError, StrippedImage};
use crate::parse::{NodeMap, Page, first_headline};
use crate::pattern::Pattern;
use crate::profile::{Profile, host_within};

static ARTICLE_BODY: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("[itemprop=articleBody], [itemprop=articlebody]").expect("valid selector"));

/// `REPUBLISH_DEBUG_SCORES=1` prints the large removals and the top scored candidates on stderr:
/// the tool for working on extraction quality (docs/quality.md). Read once, not per page.
static DEBUG_SCORES: LazyLock<bool> = LazyLock::new(|| std::env::var_os("REPUBLISH_DEBUG_SCORES").is_some());

/// The least running text (in characters) a body must hold to count as an article.
pub(super) const MIN_ARTICLE_CHARS: usize = 140;
/// A block shorter than this does not score.
const MIN_PARAGRAPH_CHARS: usize = 25;
/// Furniture words remove an element only while it holds less than this share of the page's text.
const MAX_FURNITURE_SHARE: f32 = 0.35;
/// The share of the page's text that a wrapper of the whole page holds.
const PAGE_SHARE: f32 = 0.5;

/// Text statistics of one element's subtree.
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    /// Characters of readable text.
    text: usize,
    /// Characters of it inside links.
    link_text: usize,
    /// Whether the subtree holds media.
    has_media: bool,
}

impl Stats {
    fn link_density(&self) -> f32 {
        if self.text == 0 { 0.0 } else { self.link_text as f32 / self.text as f32 }
    }

    /// Text, most of it in links: a list of other stories, a footer's "About us | Contact".
    fn is_mostly_links(&self) -> bool {
        self.text > 0 && self.link_density() > 0.5
    }
}

pub(super) struct Found<'a> {
    pub body: Body<'a>,
    pub images: Vec<StrippedImage>,
}

/// Find the body and its furniture.
pub(super) fn find<'a>(page: &'a Page, profile: &Profile, base: Option<&Url>) -> Result<Found<'a>, ExtractError> {
    let html = &page.html;
    let raw = raw_stats(html.root_element());
    let total_text = raw.get(&html.root_element().id()).map_or(0, |s| s.text).max(1);

    let mut forced: FxHashMap<NodeId, Removal> = FxHashMap::default();
    for selector in profile.selectors.remove.iter().filter_map(|s| Selector::parse(s).ok()) {
        for element in html.select(&selector) {
            let kind = furniture::by_words(&furniture::words(element.value())).map_or(Removal::Furniture, |(r, _)| r);
            forced.insert(element.id(), kind);
        }
    }
    if let Some(byline) = profile.selectors.byline.as_deref().and_then(|s| Selector::parse(s).ok()) {
        for element in html.select(&byline) {
            forced.entry(element.id()).or_insert(Removal::Author);
        }
    }

    let removed = classify(html.root_element(), &raw, total_text, &forced, base);
    if *DEBUG_SCORES {
        for (id, r) in &removed {
            let n = html.tree.get(*id).and_then(ElementRef::wrap);
            if let Some(e) = n {
                let t = raw.get(id).map_or(0, |s| s.text);
                if t > 300 {
                    eprintln!("removed {r:?} text {t} <{} class={:?} id={:?}>", e.value().name(), e.value().attr("class"), e.value().id());
                }
            }
        }
    }

    let (root, source) = if let Some(root) = profile
        .selectors
        .body
        .as_deref()
        .and_then(|s| Selector::parse(s).ok())
        .and_then(|s| html.select(&s).max_by_key(|e| raw.get(&e.id()).map_or(0, |s| s.text)))
    {
        (root, BodySource::ProfileSelector)
    } else if let Some(root) = article_body(html, &raw, &removed) {
        (root, BodySource::ArticleBody)
    } else {
        (score(html.root_element(), &raw, &removed).ok_or(ExtractError::NoArticle)?, BodySource::Scored)
    };

    // Keep only the removals under the root; removals above it do not apply to its content.
    let mut body_removed: FxHashMap<NodeId, Removal> = FxHashMap::default();
    let mut images = Vec::new();
    let mut seen_src = FxHashSet::default();
    for node in root.descendants().skip(1) {
        if let Some(&removal) = removed.get(&node.id()) {
            if node.ancestors().take_while(|a| a.id() != root.id()).any(|a| body_removed.contains_key(&a.id())) {
                continue;
            }
            body_removed.insert(node.id(), removal);
            if let Some(element) = ElementRef::wrap(node)
                && (matches!(removal, Removal::Image) || raw.get(&node.id()).is_some_and(|s| s.has_media)) {
                    collect_images(element, base, &mut images, &mut seen_src);
                }
        }
    }
    // The featured image usually sits beside the body, in the same article container.
    let mut lead_images = Vec::new();
    if let Some(region) = root.ancestors().take(4).filter_map(ElementRef::wrap).find(|a| a.value().name() == "article").or_else(|| root.parent().and_then(ElementRef::wrap))
        && !matches!(region.value().name(), "body" | "html") {
            let mut skip: Option<NodeId> = None;
            for edge in region.traverse() {
                match edge {
                    Edge::Open(node) if skip.is_none() => {
                        let removal = removed.get(&node.id());
                        if node.id() == root.id() || removal.is_some() {
                            skip = Some(node.id());
                        }
                        if let (Some(Removal::Image), Some(element)) = (removal, ElementRef::wrap(node)) {
                            collect_images(element, base, &mut lead_images, &mut seen_src);
                        }
                    }
                    Edge::Close(node) if skip == Some(node.id()) => skip = None,
                    _ => {}
                }
            }
        }
    lead_images.append(&mut images);
    let images = lead_images;
    let mut body = Body { root, removed: body_removed, source };
    if source == BodySource::Scored {
        merge_siblings(&mut body, &removed);
    }
    drop_leading_chrome(&mut body);

    if text_len(&body) < MIN_ARTICLE_CHARS {
        return Err(ExtractError::NoArticle);
    }
    Ok(Found { body, images })
}

/// Pass 1: bottom-up text statistics of every element.
fn raw_stats(root: ElementRef<'_>) -> NodeMap<Stats> {
    let mut stats: NodeMap<Stats> = NodeMap::new(root.tree());
    // A stack of open elements with their running totals.
    let mut stack: Vec<(NodeId, Stats, bool)> = Vec::new();
    let mut link_depth = 0usize;
    let mut skip_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if is_non_text(name) {
                        skip_depth += 1;
                    }
                    if name == "a" {
                        link_depth += 1;
                    }
                    let media = furniture::is_media(name);
                    stack.push((node.id(), Stats { has_media: media, ..Stats::default() }, false));
                }
                Node::Text(t) if skip_depth == 0 => {
                    let len = text::trim(t).chars().count();
                    if let Some(top) = stack.last_mut() {
                        top.1.text += len;
                        if link_depth > 0 {
                            top.1.link_text += len;
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    let name = e.name();
                    if is_non_text(name) {
                        skip_depth -= 1;
                    }
                    if name == "a" {
                        link_depth = link_depth.saturating_sub(1);
                    }
                    if let Some((id, s, _)) = stack.pop() {
                        if let Some(parent) = stack.last_mut() {
                            parent.1.text += s.text;
                            parent.1.link_text += s.link_text;
                            parent.1.has_media |= s.has_media;
                        }
                        stats.insert(id, s);
                    }
                }
            }
        }
    }
    stats
}

/// The element marked `articleBody` with the most text, if it has enough. A CMS that marks each
/// paragraph (`<p itemprop="articleBody">` five times in a row) marks their container: the
/// siblings' parent, whose paragraphs together are the text.
fn article_body<'a>(html: &'a scraper::Html, raw: &NodeMap<Stats>, removed: &FxHashMap<NodeId, Removal>) -> Option<ElementRef<'a>> {
    let text = |e: &ElementRef<'_>| raw.get(&e.id()).map_or(0, |s| s.text);
    let marked: Vec<ElementRef<'a>> = html.select(&ARTICLE_BODY).filter(|e| !removed.contains_key(&e.id())).collect();
    let mut best = marked.iter().map(|e| (*e, text(e))).max_by_key(|(_, t)| *t);
    // (parent, its marked paragraphs' text, how many)
    let mut parents: Vec<(ElementRef<'a>, usize, usize)> = Vec::new();
    for e in marked.iter().filter(|e| e.value().name() == "p") {
        let Some(parent) = e.parent().and_then(ElementRef::wrap) else { continue };
        match parents.iter_mut().find(|(p, _, _)| p.id() == parent.id()) {
            Some(group) => {
                group.1 += text(e);
                group.2 += 1;
            }
            None => parents.push((parent, text(e), 1)),
        }
    }
    if let Some((parent, total, _)) = parents.into_iter().filter(|(_, _, count)| *count >= 2).max_by_key(|(_, total, _)| *total)
        && best.is_none_or(|(_, t)| total > t)
    {
        best = Some((parent, total));
    }
    best.filter(|(_, t)| *t >= MIN_ARTICLE_CHARS).map(|(e, _)| e)
}

/// Pass 2: top-down classification of furniture; only the topmost removed element is recorded.
fn classify(
    root: ElementRef<'_>,
    raw: &NodeMap<Stats>,
    total_text: usize,
    forced: &FxHashMap<NodeId, Removal>,
    base: Option<&Url>,
) -> FxHashMap<NodeId, Removal> {
    let mut removed = FxHashMap::default();
    let mut skipping: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                let Some(element) = ElementRef::wrap(node) else { continue };
                if let Some(removal) = classify_one(element, raw, total_text, forced, base) {
                    removed.insert(node.id(), removal);
                    skipping = Some(node.id());
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                }
            }
        }
    }
    removed
}

fn classify_one(
    element: ElementRef<'_>,
    raw: &NodeMap<Stats>,
    total_text: usize,
    forced: &FxHashMap<NodeId, Removal>,
    base: Option<&Url>,
) -> Option<Removal> {
    if let Some(&removal) = forced.get(&element.id()) {
        return Some(removal);
    }
    let e = element.value();
    let name = e.name();
    if matches!(name, "html" | "body") {
        return None;
    }
    let stats = raw.get(&element.id()).copied().unwrap_or_default();
    let share = stats.text as f32 / total_text as f32;
    // ASP.NET pages wrap the whole page in one <form>: a form holding most of the text is a wrapper.
    let page_wrapper = name == "form" && share >= MAX_FURNITURE_SHARE;
    if let Some(removal) = furniture::by_tag(name).filter(|_| !page_wrapper) {
        return Some(removal);
    }
    match furniture::hiding(e) {
        // A wrapper around the whole page, headline and story, that only a class hides: the
        // site's scripts show it once they run (a saved page keeps it hidden).
        Some(furniture::Hiding::Class) if share >= PAGE_SHARE && holds_headline(element) => {}
        Some(_) => return Some(Removal::Hidden),
        None => {}
    }
    if matches!(name, "div" | "section" | "figure") && furniture::is_media_player(e) {
        return Some(Removal::Media);
    }
    if furniture::is_comment_thread(e) {
        return Some(Removal::Comments);
    }
    if stats.text >= 8 && matches!(name, "div" | "p" | "span") && holds_data(element) {
        return Some(Removal::Script);
    }
    let words = furniture::words(e);
    // The page's own word that this is no part of the story: Instapaper's `instapaper_ignore`,
    // which sites set on their follow and promo boxes inside the article ("entry") container.
    if words.iter().any(|w| w == "instapaperignore") {
        return Some(Removal::Furniture);
    }
    // A figure or image container: media with at most a caption goes whole.
    if stats.has_media && stats.text < 400 {
        let container = name == "figure"
            || words.iter().any(|w| {
                ["image", "img", "photo", "picture", "media", "video", "figure", "caption", "featured", "player", "embed", "thumbnail"]
                    .iter()
                    .chain(GALLERY_WORDS)
                    .any(|k| w.contains(k))
            });
        // A listicle's item (BuzzFeed's "buzz_superlist_item_image": "2. The drawing resurfaced…"
        // in an `h2` over the picture) is a part of the story that holds a picture: only the
        // picture goes. A caption is no heading, a teaser's heading is a link, and a video's or a
        // gallery's title goes with it.
        let holds_heading = || {
            name != "figure"
                && !words.iter().any(|w| ["video", "player", "embed"].iter().chain(GALLERY_WORDS).any(|k| w.contains(k)))
                && element.descendants().filter_map(ElementRef::wrap).any(|d| {
                    matches!(d.value().name(), "h2" | "h3" | "h4") && raw.get(&d.id()).is_some_and(|s| s.text >= 30 && s.link_density() < 0.5)
                })
        };
        if container && !holds_heading() {
            let video = element.descendants().any(|n| n.value().as_element().is_some_and(|e| matches!(e.name(), "video" | "iframe" | "embed" | "object" | "audio")));
            return Some(if video { Removal::Media } else { Removal::Image });
        }
    }
    if is_tag_list(element, name, &stats, &words, base) {
        return Some(Removal::Tags);
    }
    // The story's dates set apart as a line of their own: marked up for search engines (itemprop
    // datePublished, dateModified) or opening with "Published" or "Updated" ("Published Thursday,
    // April 20, 2017 | 2:02 p.m."). The page's particulars: the partner's page has its own.
    // A short element's text, read once for this test and the furniture phrases' below.
    let short_text = std::cell::OnceCell::new();
    let text_of = || short_text.get_or_init(|| element_text(element)).as_str();
    if (12..120).contains(&stats.text)
        && matches!(name, "p" | "div" | "span")
        && (e.attr("itemprop").is_some_and(|p| p.split_ascii_whitespace().any(|p| matches!(p, "datePublished" | "dateModified" | "dateCreated")))
            || Some(text_of()).filter(|t| t.len() < 120).is_some_and(is_date_line))
    {
        return Some(Removal::Furniture);
    }
    // A photo gallery, however long its captions: their titles, captions and credits ("1/50
    // United goin down … GETTY IMAGES") belong to photos that a partner does not get.
    if stats.text >= 400 && matches!(name, "div" | "section" | "ul" | "aside") && words.iter().any(|w| GALLERY_WORDS.iter().any(|g| w.contains(g))) && is_gallery(element) {
        return Some(Removal::Image);
    }
    if name == "figcaption" {
        return Some(Removal::Caption);
    }
    // A hover card inside a sentence (the photo, name and latest stories of the person named,
    // shown when the reader points at the name): media and links and nothing else, within a
    // paragraph, opening with the photo (the wrapper around the name's link and its card opens
    // with the name, which stays). Its links would also sink the paragraph's score as link text.
    if stats.has_media
        && matches!(name, "span" | "div")
        && stats.text < 600
        && stats.link_density() >= 0.8
        && element.ancestors().any(|a| a.value().as_element().is_some_and(|e| e.name() == "p"))
        && element.select(&A).nth(1).is_some()
        && opens_with_media(element)
    {
        return Some(Removal::Related);
    }
    // Words set apart inside a paragraph (bold, italics, a glossary's tooltip, a link) are the
    // paragraph's: "Residents can <strong>sign up for the lottery</strong> at city hall", "a
    // <span class=tooltip>quorum</span> is", lose no words to the phrases or the class names
    // that mark furniture elsewhere. (The paragraph as a whole was read first.)
    let inside_paragraph = || {
        matches!(name, "span" | "strong" | "em" | "b" | "i" | "a" | "small" | "mark" | "abbr" | "cite")
            && element
                .ancestors()
                .filter_map(ElementRef::wrap)
                .take(4)
                .find(|a| matches!(a.value().name(), "p" | "li" | "h2" | "h3" | "h4" | "blockquote" | "td"))
                .is_some_and(|block| raw.get(&block.id()).is_some_and(|s| s.text > stats.text + 20))
    };
    // (A share button set at a paragraph's end, "<span class=share-quote>", still goes.)
    let outside_paragraph = |(removal, _): &(Removal, bool)| *removal == Removal::Share || !inside_paragraph();
    let mut by_words = furniture::by_words(&words).filter(outside_paragraph);
    if by_words.is_some() && id_is_slug_of_text(element) {
        by_words = furniture::by_words(&furniture::words_except_id(e)).filter(outside_paragraph);
    }
    // Drupal marks a node promoted to the front page "node-promoted" ("node--promoted"): the
    // site's own flag, not a sponsor's.
    if matches!(by_words, Some((Removal::Ad, _))) && words.iter().any(|w| w == "node") && words.iter().any(|w| w == "promoted") {
        let unflagged: Vec<String> = words.iter().filter(|w| *w != "promoted").cloned().collect();
        by_words = furniture::by_words(&unflagged);
    }
    // A reader's comment: WordPress marks each one with its writer ("comment
    // comment-author-hank"), which is no author box, and a comment may run longer than one.
    if let Some((Removal::Author, _)) = by_words
        && words.iter().any(|w| matches!(w.as_str(), "comment" | "comments"))
    {
        by_words = Some((Removal::Comments, false));
    }
    if let Some((removal, strong)) = by_words {
        let small = share < MAX_FURNITURE_SHARE || stats.link_density() > 0.5;
        // "paywall" on a box is the prompt to pay; on a paragraph of running text it marks the part
        // of the story behind the paywall, which the page still carries (Condé Nast's sites set
        // `<p class="paywall">` on every paragraph after the first few).
        let gated_paragraph = name == "p"
            && stats.text >= 150
            && stats.link_density() < 0.3
            && words.iter().any(|w| w == "paywall");
        // A byline or caption class on a large block is a layout name, not furniture; a box that
        // opens over the page ("authorPopup": the writer's bio shown on hover) is furniture at
        // any size.
        let pops_up = || words.iter().any(|w| matches!(w.as_str(), "popup" | "popover" | "tooltip" | "modal" | "overlay" | "dialog"));
        // A content word does not save a short box that opens over the page: BuzzFeed's
        // "suplist-modal-post-lock" is the editors' lock notice, not the post. (A story can be
        // "article modal-enabled": one that opens pictures over the page.)
        let vetoed = !strong && (gated_paragraph || words.iter().any(|w| furniture::is_content_word(w))) && !(stats.text < 600 && pops_up());
        let short_kind = matches!(removal, Removal::Author | Removal::Caption) && !pops_up();
        // A "social" container holding a blockquote is an embedded post (Twitter's, Instagram's
        // and TikTok's embed codes are a blockquote of the post's text): a quote in the story,
        // not a share bar.
        let embedded_post = || removal == Removal::Share && element.descendants().any(|n| n.value().as_element().is_some_and(|e| e.name() == "blockquote"));
        if small && !vetoed && (!short_kind || stats.text < 600) && !embedded_post() {
            return Some(removal);
        }
    }
    if matches!(name, "p" | "div" | "li" | "section" | "footer" | "span" | "h2" | "h3" | "h4" | "strong" | "em")
        && stats.text < 300
        && !inside_paragraph()
        && let Some(removal) = furniture::by_text(text_of(), stats.link_density())
    {
        return Some(removal);
    }
    // A box asking for money, in whatever language: it sends the reader to the site's own donation
    // page. (A story's link to someone else's donation page is news.) A paragraph, or a box of at
    // most one paragraph, so that a short story with an appeal inside it stays.
    if matches!(name, "p" | "div" | "section" | "aside")
        && stats.text > 0
        && stats.text < 500
        && element.select(&A).any(|a| a.value().attr("href").is_some_and(|href| is_own_donation_page(href, base)))
        && (name == "p" || element.select(&P).nth(1).is_none())
    {
        return Some(Removal::Donation);
    }
    // "Related stories" over a list of links, in the body without a class, or "You may also
    // like..." over paragraphs that are each a link or two (as Arc's inline related blocks are):
    // the label and the run of lists and link lines after it are one rail.
    let links_list = |e: ElementRef<'_>| {
        matches!(e.value().name(), "ul" | "ol" | "div") && raw.get(&e.id()).is_some_and(|s| s.is_mostly_links() && s.text < 1500)
    };
    let link_line = |e: ElementRef<'_>| {
        e.value().name() == "p" && raw.get(&e.id()).is_some_and(|s| s.text > 0 && s.text < 300 && s.link_density() >= 0.75)
    };
    let rail_item = |e: ElementRef<'_>| links_list(e) || link_line(e);
    // The label's text is read last: most elements have no list or link line after them.
    if element.next_siblings().find_map(ElementRef::wrap).is_some_and(rail_item) && is_rail_label(element) {
        return Some(Removal::Related);
    }
    // A link to another page of the site set in capitals, alone in its paragraph ("SENATOR DROPS
    // OUT OF RACE", "CLICK HERE TO GET OUR APP"): the site's own promo shouted between the story's
    // paragraphs, which are never written so. A link elsewhere ("CLICK FOR FULL RESULTS", to the
    // league's site) is the story's source.
    if link_line(element)
        && element_text_within(element, 200).is_some_and(|text| is_shouted(&text))
        && element.select(&A).all(|a| a.value().attr("href").is_some_and(|href| is_same_site(href, base)))
    {
        return Some(Removal::Related);
    }
    // (An empty ad slot between the links does not end the run.)
    let is_empty = |e: ElementRef<'_>| raw.get(&e.id()).is_none_or(|s| s.text == 0);
    if rail_item(element)
        && element
            .prev_siblings()
            .filter_map(ElementRef::wrap)
            .filter(|s| !is_empty(*s))
            .take(50)
            .find(|s| !rail_item(*s))
            .is_some_and(is_rail_label)
    {
        return Some(Removal::Related);
    }
    if matches!(name, "ul" | "ol") && stats.is_mostly_links() && stats.text < 1500 && closes_with_headline_links(element, raw, base) {
        return Some(Removal::Related);
    }
    // The list's label ("More games news:") goes with it.
    if matches!(name, "p" | "div" | "h2" | "h3" | "h4" | "h5" | "h6")
        && (1..80).contains(&stats.text)
        && let Some(list) = element.next_siblings().filter_map(ElementRef::wrap).find(|s| raw.get(&s.id()).is_some_and(|s| s.text > 0))
        && matches!(list.value().name(), "ul" | "ol")
        && raw.get(&list.id()).is_some_and(|s| s.is_mostly_links() && s.text < 1500)
        && element_text(element).trim_end().ends_with([':', '：'])
        && closes_with_headline_links(list, raw, base)
    {
        return Some(Removal::Related);
    }
    if matches!(name, "p" | "div") && (1..60).contains(&stats.text) && stats.link_density() >= 0.9 && returns_to_section(element, raw, base) {
        return Some(Removal::Navigation);
    }
    None
}

/// A line of one link, last in its container, back to the section or home page the story sits
/// under: Bitrix's "Возврат к списку", "Back to News", "Zurück zur Übersicht". The link's path
/// is one the page's own path goes on from ("/news/" above "/news/detail/8812/").
fn returns_to_section(line: ElementRef<'_>, raw: &NodeMap<Stats>, base: Option<&Url>) -> bool {
    let Some(base) = base else { return false };
    if line.next_siblings().filter_map(ElementRef::wrap).any(|s| raw.get(&s.id()).is_some_and(|s| s.text > 0)) {
        return false;
    }
    let mut links = line.select(&A);
    let (Some(link), None) = (links.next(), links.next()) else { return false };
    let Some(url) = link.value().attr("href").and_then(|href| site_url(href, Some(base))) else { return false };
    let section = url.path();
    url.query().is_none()
        && base.path().strip_prefix(section).is_some_and(|rest| !rest.is_empty() && (section.ends_with('/') || rest.starts_with('/')))
}

/// A list that closes the story's container with links to the site's other stories and nothing
/// else, with no label over it ("Council approves new budget for parks", "Storm knocks out power
/// to thousands"): a related rail. Three items or more, each one link whose text is a headline
/// (three words or more) on the same site; paragraphs of the story come before it and none after,
/// but for notes in italics (on the writer's book and accounts) and pictures. A list the
/// story goes on after, or whose links lead elsewhere (sources, documents), is part of the story.
fn closes_with_headline_links(list: ElementRef<'_>, raw: &NodeMap<Stats>, base: Option<&Url>) -> bool {
    let has_text = |e: &ElementRef<'_>| raw.get(&e.id()).is_some_and(|s| s.text > 0);
    let note_or_picture = |s: ElementRef<'_>| s.value().name() == "figure" || (s.value().name() == "p" && is_in_italics(s));
    if list.next_siblings().filter_map(ElementRef::wrap).any(|s| has_text(&s) && !note_or_picture(s)) {
        return false;
    }
    let story_before = list.prev_siblings().filter_map(ElementRef::wrap).filter(|s| s.value().name() == "p" && has_text(s)).nth(1).is_some();
    if !story_before {
        return false;
    }
    let items: Vec<ElementRef<'_>> = list.children().filter_map(ElementRef::wrap).filter(|c| c.value().name() == "li").collect();
    items.len() >= 3
        && items.iter().all(|item| {
            let mut links = item.select(&A);
            let (Some(link), None) = (links.next(), links.next()) else { return false };
            let href = link.value().attr("href").unwrap_or("").trim();
            raw.get(&item.id()).is_some_and(|s| s.link_density() >= 0.9)
                && !href.starts_with('#')
                && is_same_site(href, base)
                && element_text_within(link, 300).is_some_and(|t| t.split_whitespace().nth(2).is_some())
        })
}

/// Whether a link leads to the page's own site (a relative link, or the host of `base` give or
/// take a "www." or a subdomain).
fn is_same_site(href: &str, base: Option<&Url>) -> bool {
    site_url(href, base).is_some()
}

/// The link's address, when it leads to the page's own site (as [`is_same_site`] reads it).
fn site_url(href: &str, base: Option<&Url>) -> Option<Url> {
    let base = base?;
    base.join(href.trim()).ok().filter(|url| within_site(url, base))
}

/// Whether `url` is on the page's site (`base`'s host, a subdomain of it, or the domain it is a
/// subdomain of).
fn within_site(url: &Url, base: &Url) -> bool {
    match (url.host_str(), base.host_str()) {
        (Some(link), Some(page)) => host_within(link, page) || host_within(page, link),
        _ => false,
    }
}

/// Whether every word of the element is in italics (`em`, `i`): a note set apart from the story.
fn is_in_italics(element: ElementRef<'_>) -> bool {
    let italic = |n: ego_tree::NodeRef<'_, Node>| n.ancestors().take_while(|a| a.id() != element.id()).any(|a| a.value().as_element().is_some_and(|e| matches!(e.name(), "em" | "i")));
    let mut texts = element.descendants().filter(|n| n.value().as_text().is_some_and(|t| !t.trim().is_empty())).peekable();
    texts.peek().is_some() && texts.all(italic)
}

/// A link to the site's own page for donations: a path segment "donate", "donation(s)",
/// "support-us" or "supportus" on the page's own site.
fn is_own_donation_page(href: &str, base: Option<&Url>) -> bool {
    // Every link of every short block comes here: the words first, the URL's parse only for the
    // few links that hold one.
    let href_bytes = href.as_bytes();
    if !contains_ignore_ascii_case(href_bytes, b"donat") && !contains_ignore_ascii_case(href_bytes, b"support") {
        return false;
    }
    site_url(href, base).is_some_and(|url| {
        url.path_segments().is_some_and(|mut segments| {
            segments.any(|s| {
                let s = s.to_ascii_lowercase();
                s.starts_with("donat") || s == "support-us" || s == "supportus"
            })
        })
    })
}

/// The story's tags under it: a short block of links under a tags label, named for tags or
/// keywords, or whose every link is a tag page of the site. Its name may hold a content word that
/// vetoes weak furniture words (detik's "detail__body-tag", "article-tags"): the links decide. A
/// tag page linked inside a sentence stays (the sentence's words keep its link density low), and
/// so does a lone link element (an `a class="tag"`), which is no block.
fn is_tag_list(element: ElementRef<'_>, name: &str, stats: &Stats, words: &[String], base: Option<&Url>) -> bool {
    if !matches!(name, "div" | "ul" | "ol" | "p" | "section" | "footer" | "nav" | "aside") || !(1..300).contains(&stats.text) || stats.link_density() < 0.2 {
        return false;
    }
    // Its own links: a label inside a teaser's link ("tag-box", all of it link text) is the
    // teaser's.
    if element.ancestors().any(|a| a.value().as_element().is_some_and(|e| e.name() == "a")) {
        return false;
    }
    // A label before the links ("Schlagwörter: …", "Mots-clés : …", "标签：…") lets the links be
    // short beside it.
    if opens_with_tags_label(element) {
        return true;
    }
    if stats.link_density() < 0.5 {
        return false;
    }
    let named = words.iter().any(|w| {
        matches!(w.as_str(), "tag" | "tags" | "keyword" | "keywords" | "topics")
            || ["tags", "taglist", "keywords", "topics"].iter().any(|end| w.len() > end.len() && w.ends_with(end))
    });
    named || {
        let mut links = element.select(&A).peekable();
        links.peek().is_some() && links.all(|a| a.value().attr("href").is_some_and(|href| is_tag_page(href, base)))
    }
}

/// Whether an element's text opens with the label of a story's tags and its colon, in the
/// languages sites are written in ("Tags:", "Schlagwörter:", "Etiquetas:", "Теги:", "标签：").
/// Only the opening is read.
fn opens_with_tags_label(element: ElementRef<'_>) -> bool {
    const LABELS: &[&str] = &[
        "tags", "tag", "tagged", "keywords", "topics", "etiquetas", "etiqueta", "temas", "palabras clave", "tópicos", "assuntos", "palavras-chave",
        "mots-clés", "mots clés", "mots-cles", "sujets", "thèmes", "schlagwörter", "schlagworte", "stichwörter", "themen", "tagi", "tematy",
        "słowa kluczowe", "štítky", "témata", "címkék", "etichete", "etichette", "argomenti", "parole chiave", "trefwoorden", "onderwerpen",
        "etiketter", "emneord", "avainsanat", "etiketler", "konular", "anahtar kelimeler", "теги", "метки", "тэги", "ключевые слова", "теми",
        "ετικέτες", "תגיות", "الوسوم", "وسوم", "الكلمات المفتاحية", "टैग", "kata kunci", "topik", "thẻ", "từ khóa", "标签", "標籤",
        "关键词", "關鍵詞", "关键字", "タグ", "キーワード", "태그", "키워드", "แท็ก",
    ];
    let mut opening = String::new();
    for text in element.text() {
        let text = if opening.is_empty() { text.trim_start() } else { text };
        opening.extend(text.chars().flat_map(char::to_lowercase));
        if opening.chars().nth(24).is_some() {
            break;
        }
    }
    opening.contains([':', '：']) && LABELS.iter().any(|label| opening.strip_prefix(label).is_some_and(|rest| rest.trim_start().starts_with([':', '：'])))
}

/// A link to one of the site's pages of stories by tag, topic or keyword ("/tag/pipa-air",
/// "/topics/water", "/schlagwort/wasser").
fn is_tag_page(href: &str, base: Option<&Url>) -> bool {
    site_url(href, base).is_some_and(|url| {
        url.path_segments().is_some_and(|segments| {
            let segments: Vec<&str> = segments.filter(|s| !s.is_empty()).collect();
            // The tag's own segment follows the label's: "/tag/" alone is the index of tags.
            segments.len() >= 2
                && segments[..segments.len() - 1].iter().any(|s| {
                    matches!(
                        s.to_ascii_lowercase().as_str(),
                        "tag" | "tags" | "topic" | "topics" | "keyword" | "keywords" | "schlagwort" | "schlagworte" | "thema" | "themen"
                            | "etiqueta" | "etiquetas" | "tema" | "temas" | "mot-cle" | "mots-cles" | "argomenti" | "tagged"
                    )
                })
        })
    })
}

/// Text in capitals only: three words or more, some of them cased letters, none lower-case.
fn is_shouted(text: &str) -> bool {
    text.split_whitespace().nth(2).is_some()
        && text.chars().filter(|c| c.is_uppercase()).nth(9).is_some()
        && !text.chars().any(char::is_lowercase)
}

/// Whether the first thing in the element, before any text, is an image or other media.
fn opens_with_media(element: ElementRef<'_>) -> bool {
    element
        .descendants()
        .skip(1)
        .find_map(|n| match n.value() {
            Node::Text(t) if !t.trim().is_empty() => Some(false),
            Node::Element(e) if furniture::is_media(e.name()) => Some(true),
            _ => None,
        })
        .unwrap_or(false)
}

/// An id made from the element's own opening text, as CMSs and documentation tools make anchors
/// ("sharing-the-load" on `<h2>Sharing the load</h2>`, Sphinx's section ids from their headings):
/// it names what the text says, so its words ("sharing", "related", "menu") say nothing about
/// furniture, and the text itself is judged instead.
fn id_is_slug_of_text(element: ElementRef<'_>) -> bool {
    let Some(id) = element.value().id() else { return false };
    // Numbers and one-letter parts are the tool's ("h-", "-2"), not the text's.
    let id_words: Vec<String> = id
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some() && !w.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect();
    if id_words.len() < 2 {
        return false;
    }
    let mut opening = String::new();
    for piece in element.text() {
        opening.push_str(piece);
        opening.push(' ');
        if opening.len() > 3 * id.len() + 40 {
            break;
        }
    }
    let opening = opening.to_lowercase();
    let text_words: Vec<&str> = opening.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    id_words.iter().all(|w| text_words.contains(&w.as_str()))
}

/// A short heading or paragraph that announces other stories ("Related stories", "Most read",
/// "You may also like..."), before the links it announces.
fn is_rail_label(element: ElementRef<'_>) -> bool {
    matches!(element.value().name(), "p" | "h2" | "h3" | "h4" | "h5" | "h6")
        && element_text_within(element, 60).is_some_and(|text| furniture::by_text(&text, 1.0) == Some(Removal::Related))
}

/// Pass 3: Readability-style scoring of paragraph-like blocks, propagated to ancestors.
fn score<'a>(root: ElementRef<'a>, raw: &NodeMap<Stats>, removed: &FxHashMap<NodeId, Removal>) -> Option<ElementRef<'a>> {
    let mut scores: FxHashMap<NodeId, f32> = FxHashMap::default();
    let mut effective: NodeMap<Stats> = NodeMap::new(root.tree());
    // Effective text statistics, bottom-up, leaving out removed subtrees.
    let mut stack: Vec<(NodeId, Stats, bool)> = Vec::new(); // (id, stats, has block child)
    let mut skip: Option<NodeId> = None;
    let mut link_depth = 0usize;
    let mut paragraphs: Vec<(NodeId, usize, usize)> = Vec::new(); // (id, chars, commas)
    let mut direct_text: NodeMap<(usize, usize)> = NodeMap::new(root.tree());
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(e) => {
                        if removed.contains_key(&node.id()) {
                            skip = Some(node.id());
                            continue;
                        }
                        if e.name() == "a" {
                            link_depth += 1;
                        }
                        if is_block(e.name())
                            && let Some(parent) = stack.last_mut() {
                                parent.2 = true;
                            }
                        stack.push((node.id(), Stats::default(), false));
                    }
                    Node::Text(t) => {
                        let trimmed = text::trim(t);
                        let len = trimmed.chars().count();
                        if let Some(top) = stack.last_mut() {
                            top.1.text += len;
                            if link_depth > 0 {
                                top.1.link_text += len;
                            } else {
                                let entry = direct_text.entry_or_default(top.0);
                                entry.0 += len;
                                entry.1 += text::count_commas(trimmed);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                    continue;
                }
                if skip.is_some() {
                    continue;
                }
                let Node::Element(e) = node.value() else { continue };
                if e.name() == "a" {
                    link_depth = link_depth.saturating_sub(1);
                }
                let Some((id, s, has_block_child)) = stack.pop() else { continue };
                if let Some(parent) = stack.last_mut() {
                    parent.1.text += s.text;
                    parent.1.link_text += s.link_text;
                }
                effective.insert(id, s);
                let name = e.name();
                let paragraph_like = matches!(name, "p" | "pre" | "td" | "dd" | "li" | "blockquote")
                    || (matches!(name, "div" | "section" | "span" | "font" | "center") && !has_block_child);
                if paragraph_like && s.text >= MIN_PARAGRAPH_CHARS && !is_inside_paragraph(node, removed) {
                    let commas = direct_text.get(&id).map_or(0, |d| d.1);
                    paragraphs.push((id, s.text, commas));
                } else if has_block_child {
                    // Text sitting directly in a container between block children (old CMSs that
                    // separate paragraphs with <br>) scores as the container's own paragraph.
                    if let Some(&(chars, commas)) = direct_text.get(&id)
                        && chars >= MIN_PARAGRAPH_CHARS * 4 {
                            paragraphs.push((id, chars, commas));
                        }
                }
            }
        }
    }

    let tree = root.tree();
    for &(id, chars, commas) in &paragraphs {
        let Some(node) = tree.get(id) else { continue };
        let link_density = effective.get(&id).map_or(0.0, Stats::link_density);
        if link_density > 0.6 {
            continue;
        }
        let mut content = 1.0 + commas as f32 + (chars as f32 / 100.0).min(3.0);
        let own_text_paragraph = ElementRef::wrap(node).is_some_and(|e| matches!(e.value().name(), "div" | "section" | "article" | "td"));
        let start = if own_text_paragraph && chars >= MIN_PARAGRAPH_CHARS * 4 && !matches!(node.value(), Node::Element(e) if e.name() == "p") {
            // Text that <br>s divide into paragraphs scores as those paragraphs, as Readability
            // reads it once it has wrapped each run in a <p>: as one, a whole story would score
            // like a single paragraph against its page's wrappers.
            let runs = text_runs(node, removed);
            if runs.len() > 1 {
                content = runs.iter().map(|&(chars, commas)| 1.0 + commas as f32 + (chars as f32 / 100.0).min(3.0)).sum();
            }
            Some(node)
        } else {
            node.parent()
        };
        for (level, ancestor) in start.into_iter().flat_map(|n| std::iter::once(n).chain(n.ancestors())).take(5).enumerate() {
            let Some(element) = ElementRef::wrap(ancestor) else { break };
            if matches!(element.value().name(), "html") {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                n => n as f32 * 3.0,
            };
            let entry = scores.entry(ancestor.id()).or_insert_with(|| initial_score(element));
            *entry += content / divider;
        }
    }

    let final_score = |id: &NodeId, s: f32| s * (1.0 - effective.get(id).map_or(0.0, Stats::link_density));
    let mut ranked: Vec<(NodeId, f32)> = scores.iter().map(|(id, s)| (*id, final_score(id, *s))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    if *DEBUG_SCORES {
        for (id, score) in ranked.iter().take(8) {
            let e = tree.get(*id).and_then(ElementRef::wrap);
            let desc = e.map(|e| format!("<{} class={:?} id={:?}>", e.value().name(), e.value().attr("class"), e.value().id())).unwrap_or_default();
            eprintln!("score {score:8.1} text {:6} {desc}", effective.get(id).map_or(0, |s| s.text));
        }
    }
    let (mut best, best_score) = *ranked.first()?;

    // Readability's lift: when several of the top candidates share an ancestor, that ancestor is
    // the article (paragraphs split across sibling wrappers). A wrapper that holds a fraction of
    // the best's text is no part of a split article, whatever its score: a title block or the
    // page's bottom lines, scored up by a "content" or "page" class.
    let best_text = effective.get(&best).map_or(0, |s| s.text);
    let top: Vec<NodeId> = ranked
        .iter()
        .skip(1)
        .take(5)
        .filter(|(id, s)| *s >= best_score * 0.75 && effective.get(id).is_some_and(|e| e.text * 4 >= best_text))
        .map(|(id, _)| *id)
        .collect();
    if top.len() >= 2 {
        let mut ancestor = tree.get(best).and_then(|n| n.parent());
        while let Some(a) = ancestor {
            if ElementRef::wrap(a).is_none_or(|e| matches!(e.value().name(), "body" | "html")) {
                break;
            }
            let held: Vec<NodeId> = top.iter().copied().filter(|id| tree.get(*id).is_some_and(|n| n.ancestors().any(|x| x.id() == a.id()))).collect();
            if held.len() >= 2 {
                // Not stories of their own, each under its headline: the next story an endless
                // page appends below the first ("<article><h1>…</article><article><h1>…").
                if !separate_stories(a, best, &held) {
                    best = a.id();
                }
                break;
            }
            ancestor = a.parent();
        }
    }
    // A candidate that is all its parent holds: take the parent (siblings are merged below).
    let mut node = tree.get(best)?;
    while let Some(parent) = node.parent() {
        let Some(parent_el) = ElementRef::wrap(parent) else { break };
        if matches!(parent_el.value().name(), "body" | "html") {
            break;
        }
        let (own, above) = (effective.get(&node.id()).map_or(0, |s| s.text), effective.get(&parent.id()).map_or(0, |s| s.text));
        let parent_ld = effective.get(&parent.id()).map_or(1.0, Stats::link_density);
        // Not when the rest is links (a footer's "About us | Contact") or the page's header or
        // footer (whose column headings are all that is left once its link lists went): that
        // is chrome. So is the story's list of tags, and a block that was mostly links before
        // its furniture went (a post's footer of tags and share buttons, left with "Contact the
        // author"). (Other furniture removed whole beside the candidate, a share bar between
        // the lede and the rest, does not count: it sits inside stories as often as beside.)
        let is_page_chrome = |e: &scraper::node::Element| matches!(e.name(), "header" | "footer") || matches!(e.attr("role"), Some("banner" | "contentinfo"));
        let links_beside = || {
            parent.children().filter(|c| c.id() != node.id()).any(|c| {
                removed.get(&c.id()) == Some(&Removal::Tags)
                    || effective.get(&c.id()).is_some_and(|s| {
                        s.is_mostly_links()
                            || (s.text > 0 && (c.value().as_element().is_some_and(is_page_chrome) || raw.get(&c.id()).is_some_and(Stats::is_mostly_links)))
                    })
            })
        };
        if above > 0 && own as f32 / above as f32 > 0.98 && parent_ld < 0.3 && scores.contains_key(&parent.id()) && !links_beside() {
            node = parent;
        } else {
            break;
        }
    }
    let chosen = ElementRef::wrap(node)?;
    let chars = effective.get(&chosen.id()).map_or(0, |s| s.text);
    (chars >= MIN_ARTICLE_CHARS).then_some(chosen)
}

/// The paragraphs of text that sits loose in a container, as (characters, commas) for each run of
/// at least [`MIN_PARAGRAPH_CHARS`]: a run ends at two `<br>`s in a row or at a block, and takes
/// in the text of inline elements, links included (the link density is weighed apart).
fn text_runs(container: ego_tree::NodeRef<'_, Node>, removed: &FxHashMap<NodeId, Removal>) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut current = (0usize, 0usize);
    let mut after_br = false;
    let mut end_run = |current: &mut (usize, usize)| {
        if current.0 >= MIN_PARAGRAPH_CHARS {
            runs.push(*current);
        }
        *current = (0, 0);
    };
    for child in container.children() {
        match child.value() {
            Node::Text(t) => {
                let trimmed = text::trim(t);
                if !trimmed.is_empty() {
                    current.0 += trimmed.chars().count();
                    current.1 += text::count_commas(trimmed);
                    after_br = false;
                }
            }
            Node::Element(e) if removed.contains_key(&child.id()) || is_non_text(e.name()) => {}
            Node::Element(e) if e.name() == "br" => {
                if after_br {
                    end_run(&mut current);
                }
                after_br = true;
            }
            Node::Element(e) if is_block(e.name()) => {
                end_run(&mut current);
                after_br = false;
            }
            Node::Element(_) => {
                for text in child.descendants().filter_map(|n| n.value().as_text()) {
                    let trimmed = text::trim(text);
                    current.0 += trimmed.chars().count();
                    current.1 += text::count_commas(trimmed);
                }
                after_br = false;
            }
            _ => {}
        }
    }
    end_run(&mut current);
    runs
}

/// Whether, below `ancestor`, the best candidate and another of `others` sit in different
/// children of it that each hold an `article` with its own `h1`: two stories, each under its
/// headline. (Not `h1`s alone: Medium heads a post's sections with them.)
fn separate_stories(ancestor: ego_tree::NodeRef<'_, Node>, best: NodeId, others: &[NodeId]) -> bool {
    let branch = |id: NodeId| ancestor.children().find(|c| c.id() == id || c.descendants().any(|d| d.id() == id));
    let headed = |branch: ego_tree::NodeRef<'_, Node>| ElementRef::wrap(branch).is_some_and(holds_story);
    let Some(own) = branch(best).filter(|b| headed(*b)) else { return false };
    others.iter().filter_map(|&id| branch(id)).any(|other| other.id() != own.id() && headed(other))
}

/// Whether `element` is or holds an `article` with an `h1` in it: a story of its own.
fn holds_story(element: ElementRef<'_>) -> bool {
    std::iter::once(element).chain(element.select(&ARTICLE)).any(|a| a.value().name() == "article" && holds_headline(a))
}

fn is_inside_paragraph(node: ego_tree::NodeRef<'_, Node>, removed: &FxHashMap<NodeId, Removal>) -> bool {
    let _ = removed;
    node.ancestors()
        .take(6)
        .any(|a| a.value().as_element().is_some_and(|e| matches!(e.name(), "p" | "li" | "pre")))
}

fn initial_score(element: ElementRef<'_>) -> f32 {
    let by_tag = match element.value().name() {
        "article" => 10.0,
        "div" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    by_tag + furniture::class_weight(&furniture::words(element.value()))
}

/// A `div` that is a paragraph in all but name, as Readability reads it before scoring: a single
/// `p` in a wrapper of its own (`<div class="firstPar"><p>…</p></div>`), or only text and inline
/// elements.
fn reads_as_paragraph(div: ElementRef<'_>) -> bool {
    let mut elements = div.children().filter_map(ElementRef::wrap);
    let loose_text = div.children().any(|c| c.value().as_text().is_some_and(|t| !t.trim().is_empty()));
    match (elements.next(), elements.next()) {
        (Some(only), None) if only.value().name() == "p" && !loose_text => true,
        _ => div.children().filter_map(ElementRef::wrap).all(|e| !is_block_like(e.value().name())),
    }
}

/// Siblings of a scored root that carry article text too (a lede outside the container, text split
/// by an ad slot) join it: the root moves up to the parent and the other siblings are marked
/// `Outside`.
fn merge_siblings(body: &mut Body<'_>, removed: &FxHashMap<NodeId, Removal>) {
    let Some(parent) = body.root.parent().and_then(ElementRef::wrap) else { return };
    if matches!(parent.value().name(), "body" | "html") {
        return;
    }
    let root_text = element_text(body.root).len();
    let root_class = body.root.value().attr("class").map(str::trim).filter(|c| !c.is_empty());
    let mut joined = Vec::new();
    let mut after_root = false;
    for sibling in parent.children() {
        if sibling.id() == body.root.id() {
            after_root = true;
            continue;
        }
        let Some(element) = ElementRef::wrap(sibling) else {
            // Loose text next to the root is kept only if it is substantial.
            if sibling.value().as_text().is_some_and(|t| t.trim().len() > 80) {
                joined.push(sibling.id());
            }
            continue;
        };
        if removed.contains_key(&sibling.id()) {
            continue;
        }
        // Another story under its own headline after the root, which holds the page's or follows
        // it: an endless page appends the next story so.
        let headline_placed = || holds_headline(body.root) || body.root.prev_siblings().any(|s| ElementRef::wrap(s).is_some_and(holds_headline));
        if after_root && holds_story(element) && headline_placed() {
            continue;
        }
        let text = element_text(element);
        let links: usize = element.select(&A).map(|a| element_text(a).len()).sum();
        let density = if text.is_empty() { 1.0 } else { links as f32 / text.len() as f32 };
        let is_paragraph = match element.value().name() {
            "p" => true,
            "div" => reads_as_paragraph(element),
            _ => false,
        };
        // Readability's class bonus: a sibling of the root's own class is another part of the
        // same article (Medium's sections, a story split around an embed into two "story-body"
        // blocks), whatever its share of the text.
        let same_class = root_class.is_some() && element.value().attr("class").map(str::trim) == root_class;
        let qualifies = (same_class && text.len() > 80 && density < 0.25)
            || (is_paragraph && text.len() > 80 && density < 0.25)
            || (is_paragraph && !text.is_empty() && density == 0.0 && text.ends_with(['.', '!', '?', '"', '”']))
            || (!is_paragraph && text.len() as f32 >= (root_text as f32 * 0.3).max(200.0) && density < 0.2);
        if qualifies {
            joined.push(sibling.id());
        }
    }
    if joined.is_empty() {
        return;
    }
    let mut new_removed: FxHashMap<NodeId, Removal> = std::mem::take(&mut body.removed);
    for sibling in parent.children() {
        if sibling.id() == body.root.id() || joined.contains(&sibling.id()) {
            continue;
        }
        let is_blank_text = sibling.value().as_text().is_some_and(|t| t.trim().is_empty());
        if !is_blank_text {
            new_removed.insert(sibling.id(), removed.get(&sibling.id()).copied().unwrap_or(Removal::Outside));
        }
    }
    // Furniture inside the joined siblings still goes.
    for id in &joined {
        if let Some(node) = parent.tree().get(*id) {
            for d in node.descendants().skip(1) {
                if let Some(&r) = removed.get(&d.id()) {
                    new_removed.entry(d.id()).or_insert(r);
                }
            }
        }
    }
    body.removed = new_removed;
    body.root = parent;
}

/// "Published Thursday, April 20, 2017 | 2:02 p.m.", "Updated: 9:22 PM EST, Mon November 6, 2023":
/// a label and nothing but a date and a time. "Updated at 3 p.m. with the mayor's comment" is an
/// editor's note, which stays.
fn is_date_line(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let Some(rest) = ["last updated", "published", "updated", "posted"].iter().find_map(|label| lower.strip_prefix(label)) else { return false };
    let rest = rest.trim_start_matches([':', ' ']);
    let is_date_word = |w: &str| {
        let w = w.trim_matches(['.', ':']);
        let month_or_day = w.len() >= 3
            && w.len() <= 9
            && w.is_ascii()
            && text::MONTH_OPENINGS.iter().chain(&["mon", "tue", "wed", "thu", "fri", "sat", "sun"]).any(|m| w.starts_with(m));
        w.starts_with(|c: char| c.is_ascii_digit()) && w.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '.' | '/'))
            || month_or_day
            || ["a.m", "p.m", "am", "pm", "at", "on", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "mt", "mst", "utc", "gmt", "bst", "cet", "ist"].contains(&w)
    };
    rest.contains(|c: char| c.is_ascii_digit())
        && rest.split(|c: char| c.is_whitespace() || ",|·•–—-".contains(c)).filter(|w| !w.is_empty()).all(is_date_word)
}

/// A box whose whole text is a JSON object (`{ "author_name": "…", "tags": […], "likes": 4 }`):
/// the data a page's script reads, left in a hidden box. A code sample in a story is in a `pre`
/// or `code`, and stays.
fn holds_data(element: ElementRef<'_>) -> bool {
    let Some(first) = element.children().find(|n| n.value().as_text().is_none_or(|t| !t.trim().is_empty())) else { return false };
    if !first.value().as_text().is_some_and(|t| t.trim_start().starts_with(['{', '['])) {
        return false;
    }
    if element.ancestors().filter_map(ElementRef::wrap).any(|a| matches!(a.value().name(), "pre" | "code")) {
        return false;
    }
    let text = element_text(element);
    let text = text.trim();
    let closes = (text.starts_with('{') && text.ends_with('}')) || (text.starts_with('[') && text.ends_with(']'));
    closes && (text.contains("\":") || text.contains("\" :")) && text.matches('"').count() >= 4
}

/// A date in figures and nothing else, as CMSs stamp a story above its text: "20.11.2026",
/// "2026-11-20 10:15", "20/11/2026, 10:15" (Bitrix's `span.news-date-time` sits inline before the
/// first line). Three fields between one kind of separator, a year of four figures at one end or
/// three fields of two, then maybe a time: not a version, an amount or a telephone number.
fn is_numeric_date(text: &str) -> bool {
    let text = text.trim();
    let (date, time) = text.split_once([' ', ',', 'T']).unwrap_or((text, ""));
    let Some(separator) = date.chars().find(|c| matches!(c, '.' | '/' | '-')) else { return false };
    let fields: Vec<&str> = date.split(separator).collect();
    let [first, second, third] = fields[..] else { return false };
    let figures = |f: &str, max: usize| (1..=max).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit());
    let year_at_an_end = first.len() == 4 || third.len() == 4;
    figures(first, 4)
        && figures(second, 2)
        && figures(third, 4)
        && (year_at_an_end || (first.len() <= 2 && third.len() == 2))
        && time.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | ' ' | ','))
}

/// The word that opens a story's date line in languages other than English.
const PUBLISHED_LABELS: &[&str] = &[
    "опубликовано", "обновлено", "опубліковано", "оновлено", "veröffentlicht", "aktualisiert", "publié", "publiée", "mis à jour", "publicado", "publicada", "actualizado",
    "atualizado", "pubblicato", "aggiornato", "gepubliceerd", "bijgewerkt", "opublikowano", "zaktualizowano", "publicerad", "uppdaterad", "publiceret", "opdateret",
    "publisert", "oppdatert", "julkaistu", "päivitetty", "yayınlanma", "güncelleme", "diterbitkan", "dipublikasikan", "diperbarui", "publikováno", "aktualizováno",
    "közzétéve", "frissítve",
];

/// A date line at the top of the text: [`is_date_line`], or in another language its label and a
/// short rest with a digit ("Опубликовано в четверг 4 марта в 17:51"). Without the other
/// languages' date words, this looser test is for the opening lines only, where an editor's note
/// in a sentence is rare and the dates are common.
fn is_opening_date_line(text: &str) -> bool {
    if is_date_line(text) || RELATIVE_TIME.is_match(text) {
        return true;
    }
    let lower = text.trim().to_lowercase();
    let Some(rest) = PUBLISHED_LABELS.iter().find_map(|label| lower.strip_prefix(label)) else { return false };
    rest.starts_with(|c: char| !c.is_alphanumeric())
        && rest.chars().count() <= 48
        && rest.contains(|c: char| c.is_ascii_digit())
        && !rest.trim_end().ends_with(['.', '!', '?'])
}

/// A time given as an age, as a page stamps its stories ("20 hours ago", "vor 3 Stunden", "il y a
/// 2 jours", "hace 5 horas"): the partner's copy has its own.
static RELATIVE_TIME: Pattern = Pattern::new(
    r"(?i)^\s*(?:(?:about\s+|updated\s+)?\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?)\s+ago|(?:vor|il\s+y\s+a|hace|há)\s+\d+\s+\w+)\s*$",
);

/// Where a lazy-loading page puts an image's address until it is scrolled to.
const LAZY_SRC_ATTRIBUTES: &[&str] = &["data-src", "data-lazy-src", "data-original"];

/// The class words of a photo gallery's box.
const GALLERY_WORDS: &[&str] = &["gallery", "slideshow", "carousel"];

/// Three photos or more (lazy ones too: an item with `data-original`, `data-src` or a background
/// image), and no part of the story's frame: no `h1`, no `article`, no `articleBody`. A gallery
/// post's own container ("post format-gallery") holds its headline or is the article.
fn is_gallery(element: ElementRef<'_>) -> bool {
    let mut photos = 0;
    for e in element.descendants().skip(1).filter_map(ElementRef::wrap) {
        let e = e.value();
        if matches!(e.name(), "h1" | "article") || e.attr("itemprop").is_some_and(|p| p.contains("articleBody")) {
            return false;
        }
        let lazy = e.attrs().any(|(name, value)| LAZY_SRC_ATTRIBUTES.contains(&name) || (name == "style" && value.contains("background-image")));
        if matches!(e.name(), "img" | "picture") || lazy {
            photos += 1;
        }
    }
    photos >= 3
}

static A: LazyLock<Selector> = LazyLock::new(|| Selector::parse("a").expect("valid selector"));
static P: LazyLock<Selector> = LazyLock::new(|| Selector::parse("p").expect("valid selector"));
static H1: LazyLock<Selector> = LazyLock::new(|| Selector::parse("h1").expect("valid selector"));
static ARTICLE: LazyLock<Selector> = LazyLock::new(|| Selector::parse("article").expect("valid selector"));

/// Whether `element` holds an `h1`: a page's wrapper holds its headline.
fn holds_headline(element: ElementRef<'_>) -> bool {
    element.select(&H1).next().is_some()
}

/// The headline, byline and date line that open many body containers duplicate what the embed
/// renders itself.
fn drop_leading_chrome(body: &mut Body<'_>) {
    // Every test below is on a text shorter than this; a longer one (a container holding the
    // whole article) is read no further.
    const LONG: usize = 100;
    drop_labels_above_headline(body);
    let candidates: Vec<(NodeId, Option<String>, &str)> = body
        .root
        .descendants()
        .skip(1)
        .filter_map(ElementRef::wrap)
        .filter(|e| matches!(e.value().name(), "h1" | "p" | "div" | "span" | "time" | "header" | "dl"))
        .take(40)
        .map(|e| (e.id(), element_text_within(e, LONG), e.value().name()))
        .collect();
    for (id, text, name) in candidates {
        if is_removed(body, id) {
            continue;
        }
        if name == "h1" {
            body.removed.insert(id, Removal::Title);
            continue;
        }
        let Some(text) = text else {
            // Long: neither a byline nor a date; a long paragraph ends the opening.
            if name == "time" {
                body.removed.insert(id, Removal::Furniture);
                continue;
            }
            if name == "p" {
                break;
            }
            continue;
        };
        if text.is_empty() {
            continue;
        }
        let short = text.len() < LONG;
        let is_byline = short && super::metadata::is_by_line(&text);
        let is_date = (text.len() < 60 && super::metadata::normalize_date(&text).is_some() && !text.contains('.'))
            || is_numeric_date(&text)
            || is_opening_date_line(&text);
        if is_byline || is_date || name == "time" {
            body.removed.insert(id, if is_byline { Removal::Author } else { Removal::Furniture });
            continue;
        }
        if name == "p" && text.len() > 60 {
            break;
        }
    }
    // A byline as a bare label and a link (" Автор: <a>Марина Скворцова</a>"), which no element
    // holds whole, before the first paragraph of the text.
    let bare_bylines: Vec<(NodeId, NodeId)> = body
        .root
        .descendants()
        .skip(1)
        .filter_map(ElementRef::wrap)
        .take(60)
        .take_while(|e| e.value().name() != "p" || element_text_within(*e, LONG).is_some_and(|t| t.len() <= 60))
        .filter(|e| e.value().name() == "a")
        .filter_map(|a| super::metadata::bare_label_before(a).map(|label| (label.id(), a.id())))
        .collect();
    for (label, link) in bare_bylines {
        if !is_removed(body, link) {
            body.removed.insert(label, Removal::Author);
            body.removed.insert(link, Removal::Author);
        }
    }
}

/// The headline again at the top of the body, in an element that is no `h1` (a `div` or an `h2`
/// the template styles as the headline; `h1`s go in [`drop_leading_chrome`]): the first short
/// text in the body, when it says what the extracted `title` says. The embed renders its own.
pub(super) fn drop_repeated_headline(body: &mut Body<'_>, title: &str) {
    const SHORT: usize = 400;
    let headline = title_key(title);
    if headline.is_empty() {
        return;
    }
    // A block of its own: bold words that open a paragraph ("This <b>list of films</b> …") are
    // the paragraph's.
    let first_short = body.root.descendants().skip(1).filter_map(ElementRef::wrap).take(400).find_map(|e| {
        if is_removed(body, e.id()) {
            return None;
        }
        let text = element_text_within(e, SHORT).filter(|t| !t.trim().is_empty())?;
        // A box that holds something removed (the `h1` itself) reads as more than it shows. (Its
        // text is short, so it holds little to look through.)
        let holds_removed = e.descendants().skip(1).any(|d| body.removed.contains_key(&d.id()));
        (!holds_removed).then_some((e, text))
    });
    let first_short = first_short.filter(|(e, _)| is_block(e.value().name())).map(|(e, t)| (e.id(), t));
    if let Some((id, text)) = first_short
        && title_key(&text) == headline
    {
        body.removed.insert(id, Removal::Title);
    }
}

/// What the body holds above its headline, when that is only a few words: the section's kicker
/// ("<span class=volanta>Ciudad</span>"), a breadcrumb, a label. The story starts under its
/// headline; a lede set above it is longer than this.
fn drop_labels_above_headline(body: &mut Body<'_>) {
    const LABELS_MAX: usize = 80;
    let Some(h1) = body.root.descendants().skip(1).filter_map(ElementRef::wrap).take(200).find(|e| e.value().name() == "h1") else {
        return;
    };
    // Everything before the headline: the earlier siblings of it and of each of its ancestors.
    let mut before: Vec<NodeId> = Vec::new();
    let mut text = 0;
    let mut node = *h1;
    while node.id() != body.root.id() {
        for sibling in node.prev_siblings() {
            match sibling.value() {
                // A breadcrumb's separators ("Local > Roads") go with its links; words stay.
                Node::Text(t) if t.contains(char::is_alphanumeric) => return,
                Node::Text(t) if !t.trim().is_empty() => before.push(sibling.id()),
                Node::Element(_) => {
                    let Some(element) = ElementRef::wrap(sibling) else { continue };
                    if is_removed(body, element.id()) {
                        continue;
                    }
                    // Pictures and empty boxes are left to the rules for them.
                    match element_text_within(element, LABELS_MAX) {
                        Some(t) if t.trim().is_empty() => {}
                        Some(t) => {
                            text += t.len();
                            before.push(element.id());
                        }
                        None => return,
                    }
                }
                _ => {}
            }
        }
        let Some(parent) = node.parent() else { return };
        node = parent;
    }
    if text > 0 && text <= LABELS_MAX {
        for id in before {
            body.removed.insert(id, Removal::Furniture);
        }
    }
}

/// Characters of running text in the body: not in removed subtrees and not in links (a listing
/// page is mostly linked headlines).
fn text_len(body: &Body<'_>) -> usize {
    let mut len = 0;
    let mut skip: Option<NodeId> = None;
    for edge in body.root.traverse() {
        match edge {
            Edge::Open(node) if skip.is_none() => {
                let is_link = node.value().as_element().is_some_and(|e| e.name() == "a");
                if is_link || body.removed.contains_key(&node.id()) || node.value().as_element().is_some_and(|e| is_non_text(e.name())) {
                    skip = Some(node.id());
                } else if let Node::Text(t) = node.value() {
                    len += t.trim().len();
                }
            }
            Edge::Close(node) if skip == Some(node.id()) => skip = None,
            _ => {}
        }
    }
    len
}

fn is_removed(body: &Body<'_>, id: NodeId) -> bool {
    let Some(node) = body.root.tree().get(id) else { return true };
    std::iter::once(node).chain(node.ancestors()).take_while(|a| a.id() != body.root.id()).any(|a| body.removed.contains_key(&a.id()))
}

/// Record the images of a removed element, with caption and credit.
fn collect_images(element: ElementRef<'_>, base: Option<&Url>, out: &mut Vec<StrippedImage>, seen: &mut FxHashSet<String>) {
    // The first caption and the first credit element, in one pass that splits each element's
    // class words once.
    let (mut caption_el, mut credit_el) = (None, None);
    for e in element.descendants().filter_map(ElementRef::wrap) {
        // Splitting every element's class words was most of the work on large removed rails.
        if e.value().name() != "figcaption" && !furniture::may_have_word_with(e.value(), &["caption", "credit", "byline", "source"]) {
            continue;
        }
        let words = furniture::words(e.value());
        if caption_el.is_none() && (e.value().name() == "figcaption" || words.iter().any(|w| w == "caption" || w.contains("wpcaption"))) {
            caption_el = Some(e);
        }
        if credit_el.is_none() && words.iter().any(|w| w.contains("credit") || w == "byline" || w == "source") {
            credit_el = Some(e);
        }
        if caption_el.is_some() && credit_el.is_some() {
            break;
        }
    }
    let credit = credit_el.map(element_text).filter(|t| !t.is_empty());
    let mut caption = caption_el.map(element_text).filter(|t| !t.is_empty());
    if let (Some(c), Some(cr)) = (&caption, &credit)
        && c.ends_with(cr.as_str()) && c != cr {
            caption = Some(c[..c.len() - cr.len()].trim().to_owned());
        }
    let credit = credit.or_else(|| caption.as_deref().and_then(credit_in_caption));
    for img in std::iter::once(element).chain(element.descendants().filter_map(ElementRef::wrap)).filter(|e| matches!(e.value().name(), "img" | "amp-img" | "source")) {
        let e = img.value();
        let src = LAZY_SRC_ATTRIBUTES
            .iter()
            .chain(&["data-srcset", "srcset", "src"])
            .filter_map(|a| e.attr(a))
            .map(|v| v.split(',').next().unwrap_or("").split_whitespace().next().unwrap_or("").to_owned())
            .find(|v| !v.is_empty() && !v.starts_with("data:"))
            .and_then(|v| absolute(&v, base))
            .map(|u| u.to_string());
        let Some(src) = src else { continue };
        if !seen.insert(src.clone()) {
            continue;
        }
        out.push(StrippedImage {
            src: Some(src),
            alt: e.attr("alt").map(collapse).filter(|a| !a.is_empty()),
            caption: caption.clone(),
            credit: credit.clone(),
        });
    }
}

fn credit_in_caption(caption: &str) -> Option<String> {
    let lower = caption.to_lowercase();
    ["photo by", "image by", "photo:", "credit:", "courtesy of", "(photo", "illustration by", "getty images", "ap photo"]
        .iter()
        .find_map(|marker| lower.find(marker))
        .map(|i| caption[i..].trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace()).to_owned())
}

/// Removals whose text may still say where the story came from, so the judge reads them as
/// notes: a credit line the layout styles as furniture (`p.disclaimer`, `aside.note`, a copyright
/// line), the author box, a note beside the body's container. Captions are not among them: a
/// photo's "© Reuters" credits the photo.
fn may_hold_credit(removal: Removal) -> bool {
    matches!(removal, Removal::Furniture | Removal::Author | Removal::Outside)
}

/// The body's paragraph-like blocks in order: the kept ones, and the notes in removals that
/// [`may_hold_credit`] (marked `note`). Other removed subtrees are left out. Text that sits
/// between blocks outside any paragraph ("<article><p>…</p><small>Originally in …</small>") is
/// a block of its own: the embed keeps it, so the judge reads it.
pub(super) fn blocks(body: &Body<'_>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut skip: Option<NodeId> = None;
    let mut note: Option<NodeId> = None;
    for edge in body.root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                if let Some(&removal) = body.removed.get(&node.id()) {
                    // Inside a note, a nested removal needs no size of its own.
                    if !(may_hold_credit(removal) && (note.is_some() || is_note_sized(node))) {
                        skip = Some(node.id());
                        continue;
                    }
                    note.get_or_insert(node.id());
                }
                let in_note = note.is_some();
                if starts_loose_run(node, body.root.id()) {
                    out.extend(block("div", loose_run_text(node, body, in_note), in_note));
                }
                let Some(element) = ElementRef::wrap(node) else { continue };
                let name = element.value().name();
                let tag: &'static str = match name {
                    "p" => "p",
                    "h1" | "h2" => "h2",
                    "h3" | "h4" | "h5" | "h6" => "h3",
                    "li" => "li",
                    "pre" => "pre",
                    "td" | "th" => "td",
                    "blockquote" => "blockquote",
                    // Any other block the embed keeps or a note sits in ("<footer>", "<aside>",
                    // "<dd>"); an inline one was read as a loose run above.
                    _ if is_block(name) || matches!(name, "dd" | "dt" | "center") => "div",
                    _ => continue,
                };
                let has_block_child = element.children().filter_map(ElementRef::wrap).any(|c| is_block_like(c.value().name()));
                if has_block_child {
                    continue;
                }
                if within_paragraph(node, body.root.id()) {
                    continue;
                }
                out.extend(block(tag, text_without_removed(element, body, in_note), in_note));
            }
            Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                } else if note == Some(node.id()) {
                    note = None;
                }
            }
        }
    }
    out.extend(trailing_notes(body));
    out
}

/// The notes under the story but outside the body's container: short elements after it, or after
/// an ancestor of it, inside the story's own container (the nearest ancestor that holds the page's
/// first `h1`). "<article><h1>…<div class=entry-content>…</div><aside class=credit>Originally
/// published by …</aside></article>". Not past that container: a page's sidebars and footer
/// speak of other stories. None when the headline is outside every container but `body`.
fn trailing_notes(body: &Body<'_>) -> Vec<Block> {
    let Some(headline) = first_headline(body.root.tree()) else { return Vec::new() };
    let holds_headline: FxHashSet<NodeId> = headline.ancestors().map(|a| a.id()).collect();
    let Some(container) = body.root.ancestors().find(|a| holds_headline.contains(&a.id())) else { return Vec::new() };
    if container.value().as_element().is_none_or(|e| matches!(e.name(), "body" | "html")) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut node = *body.root;
    while node.id() != container.id() {
        for sibling in node.next_siblings() {
            let Some(element) = ElementRef::wrap(sibling) else { continue };
            let name = element.value().name();
            if body.removed.contains_key(&sibling.id()) || is_non_text(name) || matches!(name, "nav" | "form" | "header") || !is_note_sized(sibling) {
                continue;
            }
            out.extend(block("div", text_without_removed(element, body, true), true));
        }
        let Some(parent) = node.parent() else { break };
        node = parent;
    }
    out
}

/// A block of `text` (none when empty), emphasized when most of it is in em/i.
fn block(tag: &'static str, (text, emphasized_chars): (String, usize), note: bool) -> Option<Block> {
    let emphasized = emphasized_chars * 10 >= text.len() * 8;
    (!text.is_empty()).then_some(Block { tag, text, emphasized, note })
}

/// A note is a line or two, not mostly links: a rail of other stories, each with its outlet's
/// name under it, is furniture too, and says nothing about this story. One link may be most of a
/// note: "Source: <a>Reuters</a>".
fn is_note_sized(root: ego_tree::NodeRef<'_, Node>) -> bool {
    const MAX_NOTE_CHARS: usize = 600;
    let (mut chars, mut linked) = (0usize, 0usize);
    // The first link's id, and whether another follows.
    let (mut first_link, mut more_links): (Option<NodeId>, bool) = (None, false);
    for node in root.descendants() {
        if let Node::Text(t) = node.value() {
            let n = t.chars().filter(|c| !c.is_whitespace()).count();
            chars += n;
            if n > 0
                && let Some(link) = node.ancestors().take_while(|a| a.id() != root.id()).find(|a| a.value().as_element().is_some_and(|e| e.name() == "a"))
            {
                linked += n;
                match first_link {
                    None => first_link = Some(link.id()),
                    Some(first) => more_links |= first != link.id(),
                }
            }
            if chars > MAX_NOTE_CHARS {
                return false;
            }
        }
    }
    linked * 2 < chars.max(1) || (!more_links && linked < chars)
}

fn is_block_like(name: &str) -> bool {
    is_block(name) || name == "li"
}

/// Whether `node` sits inside a paragraph-like element below `root` (its text is that block's).
fn within_paragraph(node: ego_tree::NodeRef<'_, Node>, root: NodeId) -> bool {
    node.ancestors().take_while(|a| a.id() != root).any(|a| {
        a.value().as_element().is_some_and(|e| matches!(e.name(), "p" | "li" | "pre" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
    })
}

/// Whether `node` opens a run of text and inline elements between the blocks of a container
/// that holds blocks: the first such sibling after a block (or the container's start).
fn starts_loose_run(node: ego_tree::NodeRef<'_, Node>, root: NodeId) -> bool {
    let inline = match node.value() {
        Node::Text(_) => true,
        Node::Element(e) => !is_block_like(e.name()) && !is_non_text(e.name()),
        _ => false,
    };
    if !inline || node.id() == root {
        return false;
    }
    let Some(parent) = node.parent() else { return false };
    // After a block sibling the container holds blocks; only a first child scans its siblings,
    // so a container with many children costs one pass.
    let opens = match node.prev_siblings().find(|s| !matches!(s.value(), Node::Comment(_))) {
        Some(previous) => previous.value().as_element().is_some_and(|e| is_block_like(e.name())),
        None => parent.children().any(|c| c.value().as_element().is_some_and(|e| is_block_like(e.name()))),
    };
    opens && !within_paragraph(node, root)
}

/// The text of the inline run that `first` opens, up to the next block sibling.
fn loose_run_text(first: ego_tree::NodeRef<'_, Node>, body: &Body<'_>, keep_notes: bool) -> (String, usize) {
    let mut raw = String::new();
    let mut emphasized = 0;
    let run = std::iter::once(first).chain(first.next_siblings()).take_while(|s| s.value().as_element().is_none_or(|e| !is_block_like(e.name())));
    for node in run {
        push_text(node, body, keep_notes, &mut raw, &mut emphasized);
    }
    (collapse(&raw), emphasized)
}

/// An element's text without removed descendants (but with the notes' text when `keep_notes`),
/// and how much of it is in em/i.
fn text_without_removed(element: ElementRef<'_>, body: &Body<'_>, keep_notes: bool) -> (String, usize) {
    let mut raw = String::new();
    let mut emphasized = 0;
    push_text(*element, body, keep_notes, &mut raw, &mut emphasized);
    (collapse(&raw), emphasized)
}

fn push_text(start: ego_tree::NodeRef<'_, Node>, body: &Body<'_>, keep_notes: bool, raw: &mut String, emphasized: &mut usize) {
    let mut skip: Option<NodeId> = None;
    let mut em_depth = 0usize;
    for edge in start.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                if body.removed.get(&node.id()).is_some_and(|&r| !(keep_notes && may_hold_credit(r))) {
                    skip = Some(node.id());
                    continue;
                }
                match node.value() {
                    Node::Element(e) => {
                        if is_non_text(e.name()) {
                            skip = Some(node.id());
                        } else if matches!(e.name(), "em" | "i" | "cite") {
                            em_depth += 1;
                        } else if e.name() == "br" {
                            raw.push(' ');
                        }
                    }
                    Node::Text(t) => {
                        raw.push_str(t);
                        if em_depth > 0 {
                            *emphasized += t.trim().len();
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                } else if skip.is_none()
                    && let Node::Element(e) = node.value()
                    && matches!(e.name(), "em" | "i" | "cite")
                {
                    em_depth = em_depth.saturating_sub(1);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shouted_text_is_three_words_in_capitals() {
        assert!(is_shouted("SENATOR DROPS OUT OF RACE"));
        assert!(is_shouted("GET THE QUIZ: INSTANT DOWNLOAD!"));
        assert!(is_shouted("ÉTÉ À PARIS: LES TERRASSES"));
        assert!(!is_shouted("Senator drops out of race"));
        assert!(!is_shouted("NASA LAUNCHES"), "two words");
        assert!(!is_shouted("A B C D"), "fewer than ten capitals");
        assert!(!is_shouted("市政府 今天 宣布 新计划"), "no cased letters");
        assert!(!is_shouted("READ THE FULL REPORT here"));
    }

    #[test]
    fn a_date_line_is_a_label_and_a_date() {
        for line in ["Published Thursday, April 20, 2017 | 2:02 p.m.", "Updated: 9:22 PM EST, Mon November 6, 2023", "Last updated 12/03/2024", "Posted on May 3, 2025 at 10:15 am"] {
            assert!(is_date_line(line), "{line}");
        }
        for line in ["Updated at 3 p.m. with the mayor's comment.", "Published in 1962, the novel sold 40,000 copies", "Updated", "Posted by Ann Roe on May 3"] {
            assert!(!is_date_line(line), "{line}");
        }
    }

    #[test]
    fn a_date_in_figures_is_a_date_line() {
        for line in ["20.11.2026", "2026-11-20 10:15", "20/11/2026, 10:15", "11/20/26", "2026-11-20T10:15"] {
            assert!(is_numeric_date(line), "{line}");
        }
        for line in ["1.5", "v2.10.3", "12.5-13.0", "20.11.2026 Городская дума", "3,400,000", "2026", "+1 202-555-0143"] {
            assert!(!is_numeric_date(line), "{line}");
        }
    }

    #[test]
    fn an_opening_date_line_may_be_in_another_language() {
        for line in ["Опубликовано вчера в четверг 4 марта в 17:51", "Veröffentlicht am 3. März 2026, 10:00 Uhr", "Publié le 12/03/2026 à 08h15", "Published Thursday, April 20, 2017 | 2:02 p.m."] {
            assert!(is_opening_date_line(line), "{line}");
        }
        // A time given as an age.
        for line in ["20 hours ago", " 3 days ago ", "Updated 5 min ago", "vor 3 Stunden", "il y a 2 jours", "hace 5 horas"] {
            assert!(is_opening_date_line(line), "{line}");
        }
        for line in ["20 hours ago, the river crested at 31 feet.", "Three days ago", "vor 3 Stunden hat der Rat getagt"] {
            assert!(!is_opening_date_line(line), "{line}");
        }
        for line in [
            "Publicado originalmente en 1998 por la editorial de la universidad.",
            "Publicadores de 12 países",
            "Aktualisiert",
            "Veröffentlicht wurde der Bericht erst nach der Wahl, als die Zahlen von 2024 feststanden",
        ] {
            assert!(!is_opening_date_line(line), "{line}");
        }
    }

    #[test]
    fn a_box_of_json_is_data() {
        let data = |inner: &str| {
            let html = scraper::Html::parse_document(&format!("<div id=x>{inner}</div>"));
            holds_data(html.select(&Selector::parse("#x").unwrap()).next().unwrap())
        };
        assert!(data(r#" { "author_name": "Ann Roe", "tags": ["a", "b"], "likes": 4 } "#));
        assert!(data(r#"[{"id": 1, "title": "x"}]"#));
        assert!(!data("{Braces} in a sentence are not data, \"quoted\": or not."));
        assert!(!data(r#"<pre>{ "a": "b", "c": "d" }</pre>"#), "the pre's own text");
        assert!(!data(r#"The config reads { "a": "b", "c": "d" }"#), "prose first");
    }

    #[test]
    fn a_gallery_is_three_photos_outside_the_story_frame() {
        let gallery = |inner: &str| {
            let html = scraper::Html::parse_document(&format!("<div id=g class=gallery>{inner}</div>"));
            is_gallery(html.select(&Selector::parse("#g").unwrap()).next().unwrap())
        };
        assert!(gallery("<ul><li data-original=a.jpg></li><li data-original=b.jpg></li><li style='background-image:url(c.jpg)'></li></ul>"));
        assert!(gallery("<img src=a.jpg><picture><img src=b.jpg></picture><p>Caption</p>"));
        assert!(!gallery("<img src=a.jpg><img src=b.jpg><p>Two photos</p>"), "two photos");
        // A gallery post's own container holds the headline or the article.
        assert!(!gallery("<h1>Photos: the flood</h1><img src=a.jpg><img src=b.jpg><img src=c.jpg>"));
        assert!(!gallery("<article><img src=a.jpg><img src=b.jpg><img src=c.jpg></article>"));
    }

    #[test]
    fn loose_text_splits_into_runs_at_double_breaks_and_blocks() {
        let html = scraper::Html::parse_document(
            "<div id=x><span>20.11.2026</span>First run of the story, long enough to count.<br><br>\n<b>Second</b> run, with <a href=/a>a link</a> inside it.<br>still the second run.<div>a block</div>Third run after the block, which ends it.<br><br>short</div>",
        );
        let x = html.select(&Selector::parse("#x").unwrap()).next().unwrap();
        let runs = text_runs(*x, &FxHashMap::default());
        // Each text node counts trimmed, as the scoring's own walk counts it.
        let chars = |pieces: &[&str]| pieces.iter().map(|p| p.chars().count()).sum::<usize>();
        assert_eq!(
            runs,
            vec![
                (chars(&["20.11.2026", "First run of the story, long enough to count."]), 1),
                (chars(&["Second", "run, with", "a link", "inside it.", "still the second run."]), 1),
                (chars(&["Third run after the block, which ends it."]), 1),
            ],
            "'a block' and 'short' are under a paragraph's length"
        );
    }

    /// A story whose paragraphs only <br>s divide scores as those paragraphs, not as one: it wins
    /// over a box beside it of fewer, shorter `p`s.
    #[test]
    fn a_story_divided_by_breaks_outscores_a_box_of_paragraphs() {
        let run = "The district opened its new reading room on Monday after two years of work funded by a local bond";
        let story = [run; 8].join(".<br><br>");
        let aside = "<p>Our newsroom covers the towns of the upper valley and welcomes letters from readers, who may write to the editor</p>";
        let html = scraper::Html::parse_document(&format!(
            "<html><body><div id=x1>{story}.<div class=clear></div></div><div id=x2>{}</div></body></html>",
            aside.repeat(4)
        ));
        // (Ids without a word that weighs: "story" would raise the first's score by itself.)
        let chosen = score(html.root_element(), &raw_stats(html.root_element()), &FxHashMap::default()).expect("a body");
        assert_eq!(chosen.value().id(), Some("x1"));
    }

    /// An endless page's next story, an `article` under its own `h1` after the first, joins
    /// neither as a wrapper of both nor as a sibling of the first.
    #[test]
    fn the_next_story_an_endless_page_appends_stays_out() {
        let story = |headline: &str, words: &str| {
            let paragraph = format!("<p>{words} said on Tuesday that the work would go on through the winter, with crews on the site six days a week and a review in March.</p>");
            format!("<article class=post><h1>{headline}</h1>{}</article>", paragraph.repeat(4))
        };
        let body = story_text(format!(
            "<html><body><div class=wrap>{}<div class=divider>Next story</div>{}</div></body></html>",
            story("Bridge repairs begin", "The county engineer"),
            story("Bakery opens on Main Street", "The bakery's owner")
        ));
        assert!(body.lines().any(|t| t.starts_with("The county engineer")), "{body}");
        assert!(!body.contains("bakery") && !body.contains("Next story"), "{body}");
    }

    /// The blocks the generic extraction gives a page, notes under the story included.
    fn story_blocks(page: String) -> Vec<Block> {
        let loaded = crate::load::Loaded { html: page, url: None, encoding: "UTF-8" };
        let page = crate::parse::parse(&loaded, &crate::prescan::Limits::default()).expect("parses");
        let profile = Profile::builtin("generic").unwrap();
        crate::extract::extract(&page, &profile, &crate::extract::Options::default()).expect("an article").blocks()
    }

    /// The text of the story that the generic profile finds on `page`, a line a paragraph.
    fn story_text(page: String) -> String {
        story_blocks(page).iter().filter(|b| !b.note).map(|b| b.text.clone()).collect::<Vec<_>>().join("\n")
    }

    const ENGINEER: &str = "<p>The county engineer said on Tuesday that the work would go on through the winter, with crews on the site six days a week and a review in March.</p>";

    /// A kicker or a breadcrumb above the story's headline is no part of the story; a lede set
    /// above it is.
    #[test]
    fn labels_above_the_headline_go() {
        let body_of = |above: &str| {
            story_text(format!(
                "<html><body><nav><a href=/>Home</a></nav><article class=post><header>{above}<h1>Bridge repairs begin on the old river road</h1></header>{}</article></body></html>",
                ENGINEER.repeat(4)
            ))
        };
        for above in ["<span class=volanta>Ciudad</span>", "<a href=/local/>Local</a> &gt; <a href=/local/roads/>Roads</a>", "<div class=tag>Transportation</div><span>Analysis</span>"] {
            let body = body_of(above);
            assert!(body.starts_with("The county engineer"), "{above}: {body}");
        }
        let lede = "<p class=lede>Crews will close the old river road for four months while they rebuild the bridge deck and widen its footpath.</p>";
        assert!(body_of(lede).starts_with("Crews will close"), "a lede above the headline stays");
    }

    /// The headline again in a `div` at the top of the body goes; the same words in bold at the
    /// start of the first paragraph stay.
    #[test]
    fn a_headline_repeated_in_the_body_goes() {
        let body_of = |top: &str| {
            story_text(format!(
                "<html><head><meta property=og:title content='Bridge repairs begin on the old river road'></head><body><div class=post>{top}{}</div></body></html>",
                ENGINEER.repeat(4)
            ))
        };
        assert!(body_of("<div class=post-title>Bridge repairs begin on the old river road</div>").starts_with("The county engineer"));
        // (A paragraph longer than the short texts the test reads, as a lede is.)
        let bold = format!("<p><b>Bridge repairs begin on the old river road</b> today{}.</p>", ", the county said, and the work will last all winter long".repeat(8));
        assert!(body_of(&bold).starts_with("Bridge repairs begin on the old river road today"));
    }

    /// The story's tags go, by their container's name (whatever content word it holds too) or by
    /// where every link leads; a tag page linked from a sentence stays, and so do a story's links
    /// to other pages.
    #[test]
    fn tag_lists_go() {
        let body_of = |tail: &str| {
            story_text(format!(
                "<html><head><link rel=canonical href='https://news.example/2026/bridge'></head><body><div class=post-body>{}{tail}</div></body></html>",
                ENGINEER.repeat(4)
            ))
        };
        for tags in [
            "<div class=detail__body-tag><div class=nav><a href=/tag/roads>roads</a> <a href=/tag/bridges>bridges</a></div></div>",
            "<div class=article-tags>Tags: <a href=/t/roads>Roads</a>, <a href=/t/bridges>Bridges</a></div>",
            "<ul class=post-keywords><li><a href=/k/roads>Roads</a><li><a href=/k/bridges>Bridges</a></ul>",
            "<p><a href=/topics/roads>Roads</a> · <a href=https://news.example/schlagwort/bruecken>Brücken</a></p>",
            // A label before short links, wherever they lead.
            "<p>Schlagwörter: <a href=/s/1>Brücken</a></p>",
            "<div>标签：<a href=/s/2>Roads</a> <a href=/s/3>bridges</a></div>",
        ] {
            let body = body_of(tags);
            assert!(!body.contains("oads") && !body.contains("ridges") && !body.contains("Brücken"), "{tags}: {body}");
        }
        for kept in [
            "<p>The work follows last year's <a href=/tag/roads>road survey</a>, which found the deck cracked in four places.</p>",
            "<p><a href=https://county.example/tag/notices>County notices</a></p>",
            "<p><a href=/roads/closures>Closures</a> · <a href=/roads/detours>Detours</a></p>",
            "<p>Topics: the <a href=/council>council</a> argued over the detours for an hour before it voted.</p>",
        ] {
            let body = body_of(kept);
            assert!(["road survey", "County notices", "Detours", "argued over the detours"].iter().any(|t| body.contains(t)), "{kept}: {body}");
        }
    }

    /// Beside the story, a post's footer that was mostly links before its tags and share buttons
    /// went, or a list of tags that went whole, marks the story's container as the page's part:
    /// it is not widened to take in the line beside it.
    #[test]
    fn links_beside_the_story_keep_its_container() {
        let last_block = |beside: &str| {
            // (A story long enough that the line is under a fiftieth of what the two hold.)
            let html = format!("<html><body><div class=entry><div class=entry-body>{}</div>{beside}</div></body></html>", ENGINEER.repeat(30));
            // (Notes under the story too: the line would be read as one.)
            story_blocks(html).last().map(|b| b.text.clone()).unwrap_or_default()
        };
        for beside in [
            "<div class=entry-footer><div class=entry-note>Send your questions about the roadwork to the <a href=/staff>county desk</a>.</div><div class=sharing><a href=/s/tw>Twitter</a> <a href=/s/fb>Facebook</a></div><ul class=entry-tags><li><a href=/tags/roads>roads and bridges</a><li><a href=/tags/county>county government</a></ul></div>",
            "<div class=entry-source><p>Source: county records office</p></div><div class=entry-tags><a href=/tags/roads>roads and bridges</a> <a href=/tags/county>county government</a></div>",
        ] {
            let last = last_block(beside);
            assert!(last.ends_with("a review in March."), "{beside}: {last}");
        }
    }

    /// A closing list of the site's other stories goes with its label, though the writer's note in
    /// italics or a picture follows it; a paragraph of the story after it keeps it in the story.
    #[test]
    fn a_closing_list_of_the_sites_stories_goes_before_a_note() {
        let body_of = |after: &str| {
            let list = "<p><em>More on roads:</em></p><ul><li><a href=/2026/detours>Detours set for the river bridge</a><li><a href=/2026/potholes>County fills its ten thousandth pothole</a><li><a href=https://news.example/2026/budget>Road budget grows by a fifth</a></ul>";
            story_text(format!(
                "<html><head><link rel=canonical href='https://news.example/2026/bridge'></head><body><div class=post-body>{}{list}{after}</div></body></html>",
                ENGINEER.repeat(4)
            ))
        };
        for after in ["", "<p><em>Ann Roe's book on bridges is out now. Follow her on <a href=https://social.example/@ann>Mastodon</a>.</em></p>", "<figure><img src=/x.jpg><figcaption>Subscribe to our magazine.</figcaption></figure>"] {
            let body = body_of(after);
            assert!(!body.contains("More on roads") && !body.contains("pothole"), "{after}: {body}");
            assert!(body.contains("a review in March."), "{after}: {body}");
        }
        let body = body_of("<p>The bridge reopens in May, the engineer said, if the weather holds through the spring and the steel arrives on time.</p>");
        assert!(body.contains("More on roads") && body.contains("pothole") && body.contains("reopens in May"), "{body}");
    }

    /// Words in bold or italics inside a paragraph stay, whatever phrase of furniture they open
    /// with or class they have; the same words alone in the story's container go, and so does a
    /// share button at a paragraph's end.
    #[test]
    fn emphasis_inside_a_sentence_stays() {
        let classed = story_text(format!(
            "<html><body><div class=post-body>{}<p>The bill defines a <span class=tooltip>quorum</span> as half the members, and <a class=related-link href=/x>the earlier report</a> agreed. <span class=share-quote><a href=https://www.facebook.com/sharer/sharer.php?u=x>Share on Facebook</a></span></p>{}</div></body></html>",
            ENGINEER.repeat(2),
            ENGINEER.repeat(2)
        ));
        assert!(classed.contains("The bill defines a quorum as half the members, and the earlier report agreed."), "{classed}");
        assert!(!classed.contains("Share on Facebook"), "{classed}");
        let body = story_text(format!(
            "<html><body><div class=post-body>{}<p>Residents can <strong>sign up for the lottery</strong> at city hall until Friday, and the <em>advertisement</em> for it runs all week.</p><span>Advertisement</span>{}</div></body></html>",
            ENGINEER.repeat(2),
            ENGINEER.repeat(2)
        ));
        assert!(body.contains("Residents can sign up for the lottery at city hall until Friday, and the advertisement for it runs all week."), "{body}");
        assert!(!body.lines().any(|l| l.trim() == "Advertisement"), "{body}");
    }

    #[test]
    fn same_site_links_are_relative_or_on_the_page_host() {
        let base = Url::parse("https://www.example.com/news/story").unwrap();
        for href in ["/news/other", "other", "https://example.com/a", "https://www.example.com/a", "https://video.example.com/a", " //example.com/a"] {
            assert!(is_same_site(href, Some(&base)), "{href}");
        }
        for href in ["https://example.org/a", "https://notexample.com/a", "mailto:desk@example.com", "javascript:void(0)"] {
            assert!(!is_same_site(href, Some(&base)), "{href}");
        }
        assert!(!is_same_site("/news/other", None), "no base, no site");
    }
}

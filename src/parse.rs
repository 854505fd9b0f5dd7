//! Stage 2 of the pipeline: decoded text to one html5ever tree, parsed once and shared by every
//! later stage. Infallible: html5ever repairs whatever it is given.

use scraper::node::Element;
use scraper::{ElementRef, Html, Selector};
use url::Url;

use crate::load::Loaded;
use crate::prescan::{self, Limits};

/// A parsed page and what is known about where it came from.
pub struct Page {
    /// The document tree.
    pub html: Html,
    /// The URL the page was fetched from, after redirects (URL inputs only).
    pub url: Option<Url>,
    /// Elements removed by the nesting cap before parsing (0 on every normal page).
    pub flattened_tags: usize,
    /// Attributes dropped by the per-element cap before parsing.
    pub dropped_attrs: usize,
}

/// Parse a loaded page, after bounding its nesting depth and attribute counts so that the
/// parser's quadratic corners cannot be reached.
pub fn parse(loaded: &Loaded, limits: &Limits) -> Page {
    let scanned = prescan::prescan(&loaded.html, limits);
    Page {
        html: Html::parse_document(&scanned.html),
        url: loaded.url.clone(),
        flattened_tags: scanned.flattened_tags,
        dropped_attrs: scanned.dropped_attrs,
    }
}

/// `html.select(selector)`, running the selector only on elements that pass `pre`: a cheap test
/// (tag name, presence of an attribute) that every element the selector can match passes. The
/// same elements in the same order, without matching the selector against the whole page.
pub fn select_where<'a>(html: &'a Html, selector: &'a Selector, pre: impl Fn(&Element) -> bool + 'a) -> impl Iterator<Item = ElementRef<'a>> + 'a {
    html.tree
        .nodes()
        .filter(move |n| n.value().as_element().is_some_and(&pre))
        .filter_map(ElementRef::wrap)
        .filter(move |e| selector.matches(e))
}

/// Whether the element has an attribute of one of these names. Cheaper than `attr(name)`, which
/// interns the name before looking it up; the HTML parser puts no namespace on such names.
pub fn has_any_attr(element: &Element, names: &[&str]) -> bool {
    element.attrs().any(|(name, _)| names.contains(&name))
}

/// [`select_where`] for a selector that only matches elements of the given names.
pub fn select_named<'a>(html: &'a Html, selector: &'a Selector, names: &'a [&'a str]) -> impl Iterator<Item = ElementRef<'a>> + 'a {
    select_where(html, selector, move |e| names.contains(&e.name()))
}

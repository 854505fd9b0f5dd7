//! Stage 2 of the pipeline: decoded text to one html5ever tree, parsed once and shared by every
//! later stage. Infallible: html5ever repairs whatever it is given.

use scraper::Html;
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

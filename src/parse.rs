//! Stage 2 of the pipeline: decoded text to one html5ever tree, parsed once and shared by every
//! later stage. Infallible: html5ever repairs whatever it is given.

use std::hash::{Hash, Hasher};

use ego_tree::{NodeId, Tree};
use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};
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
    let mut html = Html::parse_document(&scanned.html);
    // The prescan's model of the tree builder is approximate; this makes its bound exact.
    let flattened_after = prescan::bound_tree_depth(&mut html, limits.max_depth);
    Page {
        html,
        url: loaded.url.clone(),
        flattened_tags: scanned.flattened_tags + flattened_after,
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

/// The position of a node in its tree's arena, `0..len`. ego_tree's `NodeId` is that position
/// (plus one) but keeps it private; its derived `Hash` writes it as one `usize`, which this
/// hasher keeps (checked by a test against `Tree::nodes`, which yields nodes in arena order).
pub fn node_index(id: NodeId) -> usize {
    #[derive(Default)]
    struct Keep(usize);
    impl Hasher for Keep {
        fn finish(&self) -> u64 {
            self.0 as u64
        }
        fn write(&mut self, bytes: &[u8]) {
            // Not reached: `NodeId` hashes one `usize` (`write_usize`).
            for &b in bytes {
                self.0 = self.0.wrapping_mul(256).wrapping_add(usize::from(b));
            }
        }
        fn write_usize(&mut self, n: usize) {
            self.0 = n;
        }
    }
    let mut keep = Keep::default();
    id.hash(&mut keep);
    keep.0.wrapping_sub(1)
}

/// A value per node of one tree, in a `Vec` indexed by [`node_index`]: for maps that hold most of
/// a page's elements, cheaper than a hash map keyed by `NodeId` (no hashing, no growth rehash).
pub struct NodeMap<V> {
    values: Vec<Option<V>>,
}

impl<V> NodeMap<V> {
    /// An empty map sized for `tree`.
    pub fn new(tree: &Tree<Node>) -> Self {
        let len = tree.nodes().size_hint().0;
        NodeMap { values: std::iter::repeat_with(|| None).take(len).collect() }
    }

    /// The value of a node, if it has one.
    pub fn get(&self, id: &NodeId) -> Option<&V> {
        self.values.get(node_index(*id))?.as_ref()
    }

    /// Set the value of a node.
    pub fn insert(&mut self, id: NodeId, value: V) {
        let i = node_index(id);
        if i >= self.values.len() {
            self.values.resize_with(i + 1, || None);
        }
        self.values[i] = Some(value);
    }

    /// The value of a node, inserting the default first when it has none.
    pub fn entry_or_default(&mut self, id: NodeId) -> &mut V
    where
        V: Default,
    {
        let i = node_index(id);
        if i >= self.values.len() {
            self.values.resize_with(i + 1, || None);
        }
        self.values[i].get_or_insert_with(V::default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_index_is_the_arena_position() {
        let html = Html::parse_document("<!doctype html><title>t</title><div><p>a<b>b</b></p><!-- c --><p>d</p></div>");
        for (position, node) in html.tree.nodes().enumerate() {
            assert_eq!(node_index(node.id()), position);
        }
        let mut map = NodeMap::new(&html.tree);
        let ids: Vec<NodeId> = html.tree.nodes().map(|n| n.id()).collect();
        map.insert(ids[3], 7);
        *map.entry_or_default(ids[4]) += 2;
        assert_eq!(map.get(&ids[3]), Some(&7));
        assert_eq!(map.get(&ids[4]), Some(&2));
        assert_eq!(map.get(&ids[5]), None);
    }
}

//! Stage 2 of the pipeline: decoded text to one html5ever tree, parsed once and shared by every
//! later stage. html5ever repairs whatever it is given; the only failure is a page whose repair
//! would take more than linear time (see [`parse`]).

use std::borrow::Cow;
use std::cell::{Cell, Ref};
use std::hash::{Hash, Hasher};
use std::panic::{self, AssertUnwindSafe};

use ego_tree::{NodeId, Tree};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::node::Element;
use scraper::{ElementRef, Html, HtmlTreeSink, Node, Selector};
use url::Url;

use crate::load::Loaded;
use crate::prescan::{self, Limits, Prune};

mod tokens;

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

/// Why a page could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The tree builder used up its work bound ([`Limits::max_parse_work`]): tag soup misnested
    /// in ways that make html5ever's repair quadratic. No real page comes near it.
    #[error("markup too misnested to parse in bounded time (parser work bound passed near byte {at} of {len})")]
    Tangled {
        /// Roughly where in the (pre-scanned) page the bound was passed.
        at: usize,
        /// The page's length in bytes.
        len: usize,
    },
}

/// Parse a loaded page, after bounding its nesting depth and attribute counts so that the
/// parser's quadratic corners cannot be reached.
pub fn parse(loaded: &Loaded, limits: &Limits) -> Result<Page, ParseError> {
    parse_scanned(loaded, limits, prescan::prescan(&loaded.html, limits))
}

/// [`parse`] for the pipeline: also leaves out what no later stage reads ([`Prune`]), so the
/// tree lacks comment text and some attributes. Not for callers that read the tree otherwise.
pub fn parse_pruned(loaded: &Loaded, limits: &Limits, prune: &Prune) -> Result<Page, ParseError> {
    parse_scanned(loaded, limits, prescan::prescan_pruned(&loaded.html, limits, prune))
}

fn parse_scanned(loaded: &Loaded, limits: &Limits, scanned: prescan::Prescan<'_>) -> Result<Page, ParseError> {
    let mut html = parse_bounded(&scanned.html, limits.max_parse_work)?;
    // The prescan's model of the tree builder is approximate; this makes its bound exact.
    let flattened_after = prescan::bound_tree_depth(&mut html, limits.max_depth);
    Ok(Page {
        html,
        url: loaded.url.clone(),
        flattened_tags: scanned.flattened_tags + flattened_after,
        dropped_attrs: scanned.dropped_attrs,
    })
}

/// Tree-builder steps every page may take whatever its size: the html/head/body set-up of a
/// tiny page costs a few dozen, so this only keeps small pages clear of the per-byte bound.
const PARSE_WORK_FLOOR: u64 = 1_000_000;

/// Input fed to html5ever's tokenizer at a time. Where unwinding is off (`panic = "abort"`) the
/// bound is checked between pieces (and between the reader's tokens), so a piece is the most the
/// parser can overrun it by.
const PIECE: usize = 16 * 1024;

/// `Html::parse_document`, with a bound on the tree builder's work: `max_work_per_byte` steps per
/// byte plus [`PARSE_WORK_FLOOR`]. The same tree as `Html::parse_document` on every input that
/// stays within it.
///
/// The prescan keeps html5ever's stack of open elements shallow on every page its model follows,
/// which keeps its scans of that stack (scope checks, the adoption agency, the list of active
/// formatting elements) cheap; but long soup mixing misnested formatting, tables, svg and
/// templates can defeat the model (100,000 such tokens took 1 s, 1,000,000 took 160 s). Each of
/// those scans asks the tree sink for an element's name or compares two handles, so counting the
/// sink's calls counts the tree builder's work; past the bound the parse stops with
/// [`ParseError::Tangled`]. Real pages take under 1 step per byte (0.13 on average over the
/// evaluation corpus), random soup 20 to 100.
///
/// The tree builder gets its tokens from [`tokens::read`] as far as that reader goes (on nearly
/// every real page, to the end), then from html5ever's tokenizer.
pub fn parse_bounded(html: &str, max_work_per_byte: u64) -> Result<Html, ParseError> {
    let len = html.len();
    let budget = PARSE_WORK_FLOOR.saturating_add(max_work_per_byte.saturating_mul(len as u64));
    let mut document = Html::new_document();
    document.tree = Tree::with_capacity(Node::Document, node_estimate(html));
    let sink = BoundedSink { inner: HtmlTreeSink::new(document), spent: Cell::new(0), budget };
    // `parse_document` with its default options, but for the byte order mark, which `feed` drops
    // where html5ever's one-shot parse drops it (at the start, and after a stop).
    let tokenizer = Tokenizer::new(TreeBuilder::new(sink, TreeBuilderOpts::default()), TokenizerOpts { discard_bom: false, ..TokenizerOpts::default() });
    // The tokenizer reads a CR LF pair or a lone CR as one LF before anything else: so can the
    // reader.
    let normalized: String;
    let html = if memchr::memchr(b'\r', html.as_bytes()).is_some() {
        normalized = html.replace("\r\n", "\n").replace('\r', "\n");
        &normalized
    } else {
        html
    };
    // Bytes handed to the parser before the current piece: where a stop is reported.
    let fed = Cell::new(0);
    let tangled = || ParseError::Tangled { at: fed.get(), len };
    let run = panic::catch_unwind(AssertUnwindSafe(|| {
        let input = BufferQueue::default();
        let after_stop = Cell::new(true);
        let read = tokens::read(&tokenizer, &input, html, &after_stop, |at| {
            fed.set(at);
            !tokenizer.sink.sink.over_budget()
        });
        if tokenizer.sink.sink.over_budget() {
            return false;
        }
        fed.set(read);
        let mut rest = &html[read..];
        while !rest.is_empty() {
            let mut cut = rest.len().min(PIECE);
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            let (piece, after) = rest.split_at(cut);
            tokens::feed(&tokenizer, &input, piece, &after_stop);
            if tokenizer.sink.sink.over_budget() {
                return false;
            }
            fed.set(fed.get() + piece.len());
            rest = after;
        }
        tokenizer.end();
        true
    }));
    let run = run.map(|finished| finished.then(|| tokenizer.sink.sink.finish()));
    match run {
        Ok(Some(html)) => Ok(html),
        Ok(None) => Err(tangled()),
        Err(payload) if payload.is::<OverBudget>() => Err(tangled()),
        Err(payload) => panic::resume_unwind(payload),
    }
}

/// `text` with its character references decoded as the HTML tokenizer decodes them in text (the
/// token reader's decoder); `None` for text with a carriage return or NUL, whose tokens it leaves
/// to html5ever.
pub(crate) fn decode_text(text: &str) -> Option<String> {
    let mut buf = String::new();
    tokens::decode_text(text, &mut buf).map(str::to_owned)
}

/// Room for the tree of `html`, reserved once: growing the arena copied every node made so far
/// each time it doubled, into fresh memory. Four nodes per start tag covers the text nodes
/// between tags on every page measured (1.3x to 8x the nodes over the scrapinghub pages). Too
/// many costs only address space, as pages never written are never mapped; the cap, a node per 8
/// bytes (real pages hold one per 24 bytes or more), bounds that on a page of bare tags.
fn node_estimate(html: &str) -> usize {
    let bytes = html.as_bytes();
    let start_tags = memchr::memchr_iter(b'<', bytes).filter(|&i| bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic)).count();
    start_tags.saturating_mul(4).min(html.len() / 8) + 16
}

/// The unwind payload that stops a parse past its work bound.
struct OverBudget;

/// scraper's tree sink, counting the tree builder's calls.
struct BoundedSink {
    inner: HtmlTreeSink,
    spent: Cell<u64>,
    budget: u64,
}

impl BoundedSink {
    fn over_budget(&self) -> bool {
        self.spent.get() > self.budget
    }

    /// One step of tree-builder work. Past the bound, stop right here when unwinding is
    /// available (`resume_unwind` skips the panic hook: nothing is printed); otherwise the
    /// caller stops at the end of the piece.
    fn step(&self) {
        self.spent.set(self.spent.get() + 1);
        #[cfg(panic = "unwind")]
        if self.over_budget() {
            panic::resume_unwind(Box::new(OverBudget));
        }
    }
}

impl TreeSink for BoundedSink {
    type Output = Html;
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.inner.finish()
    }
    fn parse_error(&self, _msg: Cow<'static, str>) {}
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.step();
        self.inner.elem_name(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.step();
        x == y
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.step();
        self.inner.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.step();
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.step();
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.step();
        self.inner.append(parent, child)
    }
    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        self.step();
        self.inner.append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(&self, name: StrTendril, public_id: StrTendril, system_id: StrTendril) {
        self.step();
        self.inner.append_doctype_to_document(name, public_id, system_id)
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.step();
        self.inner.get_template_contents(target)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.step();
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.step();
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.step();
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.step();
        self.inner.reparent_children(node, new_parent)
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

/// The page's first `h1` (in tree order, as [`select_named`] yields them): the headline that the
/// provider label, the judge's WordPress categories and the notes after the body start from.
pub fn first_headline(tree: &Tree<Node>) -> Option<ElementRef<'_>> {
    tree.nodes().filter_map(ElementRef::wrap).find(|e| e.value().name() == "h1")
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
    fn the_arena_is_reserved_for_the_whole_tree_once() {
        let mut pages: Vec<String> = vec![
            "<p>a<b>b</b> c<!-- d --></p>\n<ul>\n<li>e\n<li>f\n</ul>".to_owned(),
            "<table><td>x</table><select><option>y</select>".to_owned(),
            "a < b and c<d".to_owned(),
        ];
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for entry in std::fs::read_dir(fixtures).into_iter().flatten().flatten() {
            pages.extend(std::fs::read_to_string(entry.path().join("input.html")));
        }
        assert!(pages.len() > 20, "fixtures went missing");
        for page in &pages {
            let nodes = parse_bounded(page, 1000).expect("parses").tree.nodes().count();
            let estimate = node_estimate(page);
            assert!(estimate >= nodes, "{estimate} reserved for {nodes} nodes: {}", &page[..page.len().min(200)]);
            assert!(estimate <= page.len() / 8 + 16, "{estimate} reserved for {} bytes", page.len());
        }
        // Text that only looks like markup reserves nothing; markup denser than any real page's
        // (their trees hold a node per 24 bytes or more) reserves a bounded amount and grows.
        assert_eq!(node_estimate(&"<<< 1 < 2 </".repeat(10_000)), 16);
        assert_eq!(node_estimate(&"<a>".repeat(10_000)), 30_000 / 8 + 16);
    }

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

    fn parses_alike(input: &str, what: &str) {
        let bounded = parse_bounded(input, 64).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(bounded.html() == Html::parse_document(input).html(), "{what}: the bounded parse built another tree");
    }

    /// Feeding the parser piece by piece changes nothing, whatever a piece boundary cuts through.
    #[test]
    fn bounded_parse_builds_the_same_tree_as_a_one_shot_parse() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        let mut pages = 0;
        for entry in walkdir::WalkDir::new(fixtures).into_iter().filter_map(Result::ok) {
            if entry.path().extension().is_some_and(|e| e == "html")
                && let Ok(page) = std::fs::read_to_string(entry.path())
            {
                parses_alike(&page, &entry.path().display().to_string());
                pages += 1;
            }
        }
        assert!(pages > 30, "only {pages} fixture pages found");
        let openings = ["<p>", "<script>", "<textarea>", "<div title=\"", "<!-- ", "<svg><title>"];
        let straddling = ["\u{feff}", "\u{feff}\u{feff}x", "é€𝄞", "\r\n", "&amp;&eacute;&#x27;", "</script>", "</textarea>", "<p class=\"a b\">", "<![CDATA[x]]>", "-->"];
        for opening in openings {
            for piece in straddling {
                for shift in 0..=piece.len() {
                    let pad = "x".repeat(PIECE - shift - opening.len());
                    let input = format!("{opening}{pad}{piece}<b>after</b>{pad}{piece}{pad}{piece}");
                    parses_alike(&input, &format!("{opening:?} + {piece:?} at {shift}"));
                }
            }
        }
    }

    /// Every node of a tree, in order, with its depth, namespace, attributes (sorted, with their
    /// namespaces) and text: what two parses must agree on.
    fn outline(html: &Html) -> String {
        let mut out = String::new();
        for edge in html.tree.root().traverse() {
            let ego_tree::iter::Edge::Open(node) = edge else { continue };
            let depth = node.ancestors().count();
            let line = match node.value() {
                Node::Element(e) => {
                    let mut attrs: Vec<String> = e.attrs.iter().map(|(n, v)| format!("{:?}:{}={v:?}", n.ns, n.local)).collect();
                    attrs.sort();
                    format!("<{:?}:{} {}>", e.name.ns, e.name.local, attrs.join(" "))
                }
                Node::Text(t) => format!("{:?}", &*t.text),
                Node::Comment(c) => format!("<!--{:?}-->", &*c.comment),
                Node::Doctype(d) => format!("<!doctype {:?} {:?} {:?}>", d.name(), d.public_id(), d.system_id()),
                Node::ProcessingInstruction(p) => format!("<?{:?} {:?}>", p.target, &*p.data),
                Node::Document => "#document".to_owned(),
                Node::Fragment => "#fragment".to_owned(),
            };
            out.push_str(&format!("{depth} {line}\n"));
        }
        out
    }

    fn same_tree(input: &str, what: &str) {
        let read = parse_bounded(input, 1000).unwrap_or_else(|e| panic!("{what}: {e}"));
        let (ours, theirs) = (outline(&read), outline(&Html::parse_document(input)));
        if ours != theirs {
            let diff = similar::TextDiff::from_lines(&theirs, &ours);
            let changes: String = diff.unified_diff().context_radius(2).to_string().chars().take(3000).collect();
            panic!("{what}: the reader built another tree than html5ever's tokenizer:\n{changes}\ninput: {:?}", &input[..input.len().min(600)]);
        }
    }

    /// How far the token reader reads `html`, as `parse_bounded` runs it.
    fn read_to(html: &str) -> usize {
        let document = Html::new_document();
        let sink = BoundedSink { inner: HtmlTreeSink::new(document), spent: Cell::new(0), budget: u64::MAX };
        let tokenizer = Tokenizer::new(TreeBuilder::new(sink, TreeBuilderOpts::default()), TokenizerOpts { discard_bom: false, ..TokenizerOpts::default() });
        tokens::read(&tokenizer, &BufferQueue::default(), html, &Cell::new(true), |_| true)
    }

    /// The reader, not html5ever's tokenizer, reads every fixture page to its end, as the
    /// pipeline parses it (after the prescan): the speed of the parse depends on it.
    #[test]
    fn the_token_reader_reads_real_markup_to_the_end() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut pages = 0;
        for entry in std::fs::read_dir(fixtures).into_iter().flatten().flatten() {
            let Ok(page) = std::fs::read_to_string(entry.path().join("input.html")) else { continue };
            let page = crate::prescan::prescan_pruned(&page, &Limits::default(), &Prune::for_selectors([])).html.replace("\r\n", "\n");
            let read = read_to(&page);
            assert_eq!(read, page.len(), "{}: the reader stopped at {:?}", entry.path().display(), &page[read..page.len().min(read + 120)]);
            pages += 1;
        }
        assert!(pages > 20, "{pages} fixture pages");
        // And stops where the tokenizer must read: a CDATA section, an attribute it reads as a
        // parse error, NUL.
        for (page, stop) in [("<p>a</p><![CDATA[x]]><p>b", 8), ("<p>a</p><div \"=\"\"><p>b", 8), ("<p>a\0b</p>", 3), ("<p>a</p><plaintext>x", 8)] {
            assert_eq!(read_to(page), stop, "{page}");
        }
        // In svg a <style> is markup, so the end found for its raw text is not used: searched for
        // from every one of thousands, it would be read quadratically; the tokenizer reads the rest.
        let styles = format!("<svg>{}</style></svg><p>after", "<style/>x".repeat(20_000));
        let read = read_to(&styles);
        assert!(read > 5 && read < styles.len() / 2, "read {read} of {}", styles.len());
        same_tree(&styles, "svg styles");
    }

    /// What `tokens::read` takes (text, references, tags, attributes) and what it leaves to the
    /// tokenizer, on the fixtures, the fuzz corpora, pages of the shared corpus when present, and
    /// random soup of the cases: the tree is html5ever's own.
    #[test]
    fn the_token_reader_builds_the_tokenizers_tree() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut pages = 0;
        let dirs = [root.join("fixtures"), root.join("fuzz/corpus/pipeline"), root.join("fuzz/corpus/clean"), root.join("../shared/corpus/scrapinghub/html")];
        for dir in dirs {
            for entry in walkdir::WalkDir::new(dir).into_iter().filter_map(Result::ok).filter(|e| e.file_type().is_file()) {
                let Ok(bytes) = std::fs::read(entry.path()) else { continue };
                let page = String::from_utf8_lossy(&bytes);
                same_tree(&page, &entry.path().display().to_string());
                // As the pipeline parses it: after the prescan.
                same_tree(&crate::prescan::prescan_pruned(&page, &Limits::default(), &Prune::for_selectors([])).html, &entry.path().display().to_string());
                pages += 1;
            }
        }
        assert!(pages > 100, "{pages} pages");
        const PIECES: &[&str] = &[
            "<p>", "</p>", "<div class=\"a b\">", "</div>", "<P CLASS=X>", "</P >", "<br/>", "<br />", "<img src=a.png alt=\"\">",
            "<a href=/x/ title='q'>", "</a>", "<a href=\"x\"title=\"y\">", "<a b c=d>", "<a href=>", "<a href = \"s\" >",
            "<a x=1 x=2>", "<input disabled/>", "<a b/c>", "<a \"q\">", "<a\u{e9}>", "<a b=\u{e9}>", "<html \u{26a1} lang=en>", "<a \u{e9}t\u{e9}=1>", "<a\u{e9} \u{e9}>", "<my-el data-x=1>",
            "text ", "x < y", "a<", "<", "< p>", "<3", "&amp;", "&lt;b&gt;", "&eacute;", "&notin;", "&notit;", "&not ",
            "AT&T", "&#65;", "&#x41;", "&#128;", "&#x80;", "&#0;", "&#xD800;", "&#x110000;", "&#99999999999;", "&#;", "&# ",
            "&#65", "&#x41g", "&#00000000065;", "&#x;", "&#X41;", "&#13;", "&#x81;", "&#xFFFF;", "&copy2025", "&copy=", "&amp", "&ampx", "&AMP;",
            "<a href=\"?a=1&b=2\">", "<a href=\"?a=1&copy=2\">", "<a href=\"?x&copy;y\">", "<a href='&notin'>", "<a href=&amp=>",
            "<a href=\"&copy\">", "<a t=\"&notit;\">", "<a t=&lt>", "&lt", "&lt;&gt", "&&amp;", "&é", "<title>&copy2 &#65</title>",
            "&", "& ", "&zz;", "<a title=\"&amp;&quot;\">", "<a title='&amp'>", "<a title=&eacute;>", "\r\n", "\r", "\0",
            "\u{feff}", "<!---->", "<!-- c -->", "<!-->", "<!--->", "<!----->", "<!--!>", "<!-- a --!>", "<!-- a --!-->", "<!-- -- >", "-->", "--!>", "<!--", "<script><!--", "<script><!--<script>", "</script>", "<script><!--<script>a</script>b</script>", "<SCRIPT>x<!-- -->y</Script >",
            "<script><!--<scriptx></script>", "<script><!--<script/>--></script>", "<script><!---->", "--->", "<!-x", "</scr", "<script>a</script/>", "<!DOCTYPE html>", "<!doctype html public \"-//x\">",
            "<!x>", "<?php x ?>", "</>", "</ x>", "</3>", "<![CDATA[x]]>", "<script>a<b</script>", "<script>a<!--b</script>",
            "<script></script foo>", "<style>p>a{}</style>", "<title>a &amp; b</title>", "<title>x</TITLE >", "<textarea>\nq</textarea>",
            "<noscript><img src=x></noscript>", "<iframe>y</iframe>", "<xmp><b></xmp>", "<plaintext>", "<noembed>", "<noframes>z</noframes>",
            "<svg>", "</svg>", "<svg><title>t</title>", "<math>", "<foreignObject>", "<mi>", "<select>", "<option>", "</select>",
            "<template>", "</template>", "<table>", "<td>", "</table>", "<frameset>", "<frame>", "<pre>", "\n", "<li>", "<ul>",
            "<b>", "</b>", "<i>", "</i>", "<font color=red>", "<head>", "<body>", "</body>", "</html>", "<html lang=en>",
        ];
        let mut soup = crate::testing::Pieces::new(0x9e37_79b9);
        for _ in 0..20_000 {
            same_tree(&soup.text(PIECES, 31), "soup");
        }
        for piece in PIECES {
            same_tree(piece, "piece");
            same_tree(&format!("<p>{piece}<p>{piece}"), "piece twice");
        }
        // The script data states: where a script ends, after escapes and double escapes.
        const SCRIPT: &[&str] = &["<!--", "-->", "--", "-", ">", "<", "<script>", "<script", "</script>", "</script", "<SCRIPT ", "</scriptx>", "<scripts>", "/", "x", " ", "<!-", "<!", "</", "<s"];
        for _ in 0..20_000 {
            let content = soup.text(SCRIPT, 13);
            same_tree(&format!("<p>a<script>{content}</script><p>b</p><script>c</script><p>d"), "script");
        }
    }

    /// Linear-size markup whose repair is not linear: hundreds of levels deep (within the depth
    /// limit), then thousands of end tags that each scan the whole stack for their element.
    fn stray_end_tags(depth: usize, ends: usize) -> String {
        format!("{}{}", "<span>".repeat(depth), "</x>".repeat(ends))
    }

    #[test]
    fn misnested_markup_is_refused_at_the_work_bound() {
        let input = stray_end_tags(500, 20_000);
        match parse_bounded(&input, 64) {
            Err(ParseError::Tangled { at, len }) => {
                assert_eq!(len, input.len());
                assert!(at < len, "stopped at {at} of {len}");
                assert!(at > 0, "the opening 500 levels are cheap");
            }
            Ok(_) => panic!("parsed within the bound"),
        }
        // The bound, nothing else, refused it: with more room the same page parses.
        let html = parse_bounded(&input, 1_000).expect("within a looser bound");
        assert_eq!(html.html(), Html::parse_document(&input).html());
        // And the same shape at a depth real pages reach is far inside the bound.
        parses_alike(&stray_end_tags(40, 20_000), "40 deep");
    }

    /// Long random soup, on which the prescan's depth model drifts and html5ever alone is
    /// quadratic (a million tokens took 160 s): each page either parses or is refused, and
    /// `parse` stays the pipeline's only way in, so its error reaches the user.
    #[test]
    fn long_random_soup_parses_or_is_refused() {
        let mut refused = 0;
        for seed in [1, 7, 1008] {
            let soup = crate::testing::soup::soup(seed, 300_000);
            let loaded = Loaded { html: soup, url: None, encoding: "UTF-8" };
            match parse(&loaded, &Limits::default()) {
                Ok(page) => assert!(page.flattened_tags > 0, "seed {seed}: soup this long is flattened"),
                Err(ParseError::Tangled { .. }) => refused += 1,
            }
        }
        assert!(refused > 0, "seed 1008's soup passes the work bound");
    }
}

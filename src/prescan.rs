//! Between load and parse: one linear pass over the HTML that bounds what html5ever will build.
//!
//! html5ever's tree builder walks the stack of open elements for many tokens, so a page
//! nested N deep costs O(N²) (100,000 nested `<div>` take ~20 s, and recursion over the
//! resulting tree can overflow a 2 MiB thread stack); its tokenizer checks each new
//! attribute against all earlier ones on the tag, so N attributes on one tag cost O(N²)
//! too. Browsers cap tree depth (Blink at 512, adding deeper elements as siblings); this
//! pass does the same by removing start tags that would nest deeper than the limit,
//! together with their end tags, keeping their text, and drops attributes past a limit.
//!
//! The depth is an approximation of the tree builder's stack of open elements, built to
//! err on the deep side: wherever the real parser's behaviour is too involved to mirror
//! (adoption agency, foster parenting, quirks), an element is left open rather than
//! closed. Over-counting can only make flattening start a little early on a page that
//! is already absurdly deep; under-counting would let the quadratic case back in.
//!
//! The model is exact enough for real pages and for each family of pathological markup
//! (deep nesting, unclosed p/li/td, misnested formatting, foster parenting, svg/math,
//! templates), but long random soup mixing them all can make it drift. So the depth bound
//! itself does not rest on the model: [`bound_tree_depth`] runs on the parsed tree and
//! flattens whatever the parser built below the limit, for any input.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::{memchr, memmem};
use rustc_hash::FxHashMap as HashMap;

/// Bounds applied by [`prescan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Deepest element nesting kept. 512 is Blink's parser limit, so anything a
    /// browser renders as nested stays nested here; real article pages stay below ~60.
    pub max_depth: usize,
    /// Most attributes kept on one tag. Real tags carry a dozen or two; 256 leaves room
    /// for attribute-heavy frameworks while keeping html5ever's duplicate check cheap.
    pub max_attrs: usize,
    /// Tree-builder steps allowed per byte of input (see `parse::parse`), on top of a fixed
    /// allowance for small pages. Real pages take under 1 step per byte; misnested tag soup
    /// that the depth model misjudges takes steps quadratic in its length, and is refused once
    /// past this bound, so parse time stays linear in the input for any input.
    pub max_parse_work: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 512,
            max_attrs: 256,
            max_parse_work: 64,
        }
    }
}

/// The bounded HTML and what was done to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prescan<'a> {
    /// Borrowed, untouched, when nothing exceeded the limits.
    pub html: Cow<'a, str>,
    /// Start tags removed because they would have nested deeper than `max_depth`.
    pub flattened_tags: usize,
    /// Attributes removed past `max_attrs`.
    pub dropped_attrs: usize,
    /// Deepest approximate nesting in the input as written (before flattening).
    pub max_depth_seen: usize,
    /// Script and style elements whose content was emptied (see [`Scanner::may_empty`]).
    pub emptied_raw: usize,
    /// Attributes left out by a [`Prune`].
    pub pruned_attrs: usize,
    /// Comments whose text was left out by a [`Prune`].
    pub emptied_comments: usize,
    /// White-space bytes between tags left out by a [`Prune`].
    pub shortened_space: usize,
}

/// Bounds nesting depth and attribute count in one pass over `html`. The parsed tree is the
/// one the page gives (but for script and style text), within the limits.
pub fn prescan<'a>(html: &'a str, limits: &Limits) -> Prescan<'a> {
    scan(html, limits, None)
}

/// [`prescan`], also leaving out what no stage of the pipeline reads (see [`Prune`]).
pub fn prescan_pruned<'a>(html: &'a str, limits: &Limits, prune: &Prune) -> Prescan<'a> {
    scan(html, limits, Some(prune))
}

fn scan<'a>(html: &'a str, limits: &Limits, prune: Option<&Prune>) -> Prescan<'a> {
    let mut scan = Scanner::new(html, limits, prune);
    scan.run();
    let html = match scan.out.take() {
        None => Cow::Borrowed(html),
        Some(mut out) => {
            out.extend_from_slice(html.as_bytes().get(scan.copied..).unwrap_or_default());
            // Edits cut only at ASCII bytes, so this never fails; stay panic-free anyway.
            Cow::Owned(
                String::from_utf8(out)
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
            )
        }
    };
    Prescan {
        html,
        flattened_tags: scan.flattened_tags,
        dropped_attrs: scan.dropped_attrs,
        max_depth_seen: scan.max_depth_seen,
        emptied_raw: scan.emptied_raw,
        pruned_attrs: scan.pruned_attrs,
        emptied_comments: scan.emptied_comments,
        shortened_space: scan.shortened_space,
    }
}

/// What the pipeline's parse leaves out because no later stage reads it, so that html5ever
/// neither tokenizes nor builds it: the text of comments (the comment nodes stay), and
/// attributes of these kinds: event handlers (`on*`), `data-*` but the few that extract reads,
/// `aria-*` but `aria-hidden` and `aria-label`, and a list of others ([`unread_name`]: svg geometry, sizes, targets).
/// Any of these that a profile selector names is kept. Extract, judge and clean read the tree;
/// the embed is built from what they pick and checked on its own parse, so leaving input out
/// can only take something away from it. A new reader of one of these attributes must be
/// added to the exceptions here.
#[derive(Debug, Clone, Default)]
pub struct Prune {
    /// Lower-cased words of the profile selectors: attribute names among them are kept.
    named: rustc_hash::FxHashSet<Vec<u8>>,
    /// A selector with a CSS escape, whose names are not read here: nothing is pruned.
    keep_all_attrs: bool,
}

/// `data-*` attributes read by extract (`furniture::words`, `body` images, byline candidates).
const DATA_READ: &[&[u8]] = &[
    b"data-component", b"data-module", b"data-testid", b"data-type",
    b"data-src", b"data-lazy-src", b"data-original", b"data-srcset",
];

/// Other attributes no stage reads (lower case): svg geometry and presentation (path data is
/// most of an inline icon's bytes), sizes and loading hints, link targets, namespaces.
fn unread_name(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"d" | b"points" | b"viewbox" | b"transform" | b"fill" | b"fill-rule" | b"clip-rule" | b"clip-path"
            | b"stroke" | b"stroke-width" | b"stroke-linecap" | b"stroke-linejoin" | b"stroke-miterlimit"
            | b"focusable" | b"xmlns" | b"width" | b"height" | b"sizes"
            | b"tabindex" | b"target" | b"decoding" | b"fetchpriority" | b"crossorigin" | b"integrity"
            | b"referrerpolicy"
    )
}

impl Prune {
    /// A pruning that keeps every attribute these CSS selectors name.
    pub fn for_selectors<'s>(selectors: impl IntoIterator<Item = &'s str>) -> Prune {
        let mut prune = Prune::default();
        for selector in selectors {
            prune.keep_all_attrs |= selector.contains('\\');
            // Every identifier-like word, lower-cased: attribute names among them.
            for word in selector.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')) {
                if !word.is_empty() {
                    prune.named.insert(word.to_ascii_lowercase().into_bytes());
                }
            }
        }
        prune
    }

    /// Whether an attribute of this name (as written) is left out.
    fn drops(&self, name: &[u8]) -> bool {
        let mut buf = [0u8; 64];
        // Longer names than this are kept: none of the prefixes' read names is as long.
        let Some(lower) = buf.get_mut(..name.len()) else { return false };
        lower.copy_from_slice(name);
        lower.make_ascii_lowercase();
        let lower = &*lower;
        let unread = if lower.len() > 2 && lower.starts_with(b"on") {
            true
        } else if lower.len() > 5 && lower.starts_with(b"data-") {
            !DATA_READ.contains(&lower)
        } else if lower.len() > 5 && lower.starts_with(b"aria-") {
            !matches!(lower, b"aria-hidden" | b"aria-label")
        } else {
            unread_name(lower)
        };
        unread && !self.keep_all_attrs && !self.named.contains(lower)
    }
}

/// Levels above the first element the limit counts: the document node, `html` and `body`.
const TREE_OVERHEAD: usize = 2;

/// The guarantee behind [`prescan`]'s model: after parsing, no element with children sits
/// deeper than `max_depth` levels below `body` (the document node, `html` and `body` are not
/// counted), so no node is deeper than `max_depth + 3` from the root, whatever the input.
///
/// [`prescan`] keeps html5ever's stack of open elements, and with it the tree, within the
/// limit on every input the model follows (all real pages and the known pathological shapes),
/// which is what keeps parsing linear. Its model of the tree builder is approximate, though,
/// and on long adversarial tag soup (misnested formatting elements, foster parenting, svg
/// integration points, templates, all at once) it can drift. This pass makes the depth bound
/// hold anyway: each element with children found below the limit is flattened, the way the
/// prescan flattens tags: its descendants' text and childless elements (`br`, `img`, ...) move
/// up, in document order, to the element at the limit; the elements that held them become empty
/// comments in place (not detached, so no orphan is left in the arena for a walk over
/// `tree.nodes()` to find). Iterative and linear: one traversal, and each node moves at most
/// once. Returns how many elements were flattened (0 on every page the prescan modelled).
pub fn bound_tree_depth(html: &mut scraper::Html, max_depth: usize) -> usize {
    use ego_tree::iter::Edge;
    use scraper::Node;

    let cap = max_depth + TREE_OVERHEAD;
    // The topmost nodes too deep to keep children: at depth cap + 1, with a child.
    let mut too_deep = Vec::new();
    let mut depth = 0usize;
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if depth == cap + 1 && node.has_children() {
                    too_deep.push(node.id());
                }
                depth += 1;
            }
            Edge::Close(_) => depth -= 1,
        }
    }
    let mut flattened = 0;
    for top in too_deep {
        let Some(node) = html.tree.get(top) else { continue };
        // Document order, collected before anything moves.
        let below: Vec<(ego_tree::NodeId, bool)> = node
            .descendants()
            .skip(1)
            .map(|n| (n.id(), n.has_children()))
            .collect();
        for (id, holder) in below {
            if let Some(mut moved) = html.tree.get_mut(id)
                && holder {
                    if moved.value().is_element() {
                        flattened += 1;
                    }
                    *moved.value() = Node::Comment(scraper::node::Comment {
                        comment: Default::default(),
                    });
                }
            if let Some(mut anchor) = html.tree.get_mut(top) {
                anchor.insert_id_before(id);
            }
        }
        if let Some(mut emptied) = html.tree.get_mut(top) {
            if emptied.value().is_element() {
                flattened += 1;
            }
            *emptied.value() = Node::Comment(scraper::node::Comment {
                comment: Default::default(),
            });
        }
    }
    flattened
}

// Tag categories, as bits. Names follow the HTML parsing spec.
const VOID: u32 = 1;
const RAW: u32 = 1 << 1;
/// html, head, body: the parser merges repeats into the one element it always has.
const IGNORED: u32 = 1 << 2;
/// Start tags that close an open `p` in button scope.
const P_CLOSER: u32 = 1 << 3;
const SPECIAL: u32 = 1 << 4;
/// Boundaries of the default "has an element in scope".
const SCOPE: u32 = 1 << 5;
const BUTTON: u32 = 1 << 6;
const LIST: u32 = 1 << 7;
const TABLE_SCOPE: u32 = 1 << 8;
const INTEGRATION: u32 = 1 << 9;
const FOREIGN: u32 = 1 << 10;
const HEADING: u32 = 1 << 11;
const CELL: u32 = 1 << 12;
const SECTION: u32 = 1 << 13;
const TABLE: u32 = 1 << 14;
const DD_DT: u32 = 1 << 15;
const OPTION: u32 = 1 << 16;
const OPTGROUP: u32 = 1 << 17;
/// address, div, p: the specials that `li`, `dd` and `dt` look past.
const ADP: u32 = 1 << 18;
const LI: u32 = 1 << 19;
/// Formatting elements: kept in the list of active formatting elements and re-created
/// ("reconstructed") by the parser after being closed implicitly.
const FORMATTING: u32 = 1 << 20;
/// Elements that put a marker on that list, which is cleared back to it when they close.
const MARKER: u32 = 1 << 21;
/// HTML start tags that end svg/math content ("font" only with color, face or size).
const BREAKOUT: u32 = 1 << 22;
/// Special only as MathML/SVG elements; as HTML they are unknown elements.
const FOREIGN_ONLY: u32 = 1 << 23;
/// Table parts, which the parser ignores outside a table.
const TABLE_PART: u32 = 1 << 24;
/// Elements that fix the insertion mode in and around tables.
const TABLE_MODE: u32 = 1 << 25;
/// Template contents hang off a fragment node (one more tree level) and follow their
/// own insertion modes; they are inert, so inside one nothing is popped early.
const TEMPLATE: u32 = 1 << 26;

/// Identical formatting entries the parser keeps after one marker (the "Noah's Ark" clause).
const ARK: usize = 3;
/// How many same-name entries the Noah's Ark lookup examines; past it the clause is not
/// applied, which only over-counts.
const ARK_WINDOW: usize = 64;

/// Known tags; the index is the id. The first few are looked up by id.
const TAGS: &[(&str, u32)] = &[
    ("p", P_CLOSER | SPECIAL | ADP | BREAKOUT),
    ("li", P_CLOSER | SPECIAL | LI | BREAKOUT),
    ("a", FORMATTING),
    ("button", SPECIAL | BUTTON),
    ("tr", SPECIAL | TABLE_PART | TABLE_MODE),
    ("tbody", SPECIAL | SECTION | TABLE_PART | TABLE_MODE),
    ("dd", P_CLOSER | SPECIAL | DD_DT | BREAKOUT),
    ("dt", P_CLOSER | SPECIAL | DD_DT | BREAKOUT),
    (
        "caption",
        SPECIAL | SCOPE | MARKER | TABLE_PART | TABLE_MODE,
    ),
    ("plaintext", RAW | P_CLOSER),
    ("font", FORMATTING),
    ("br", VOID | BREAKOUT),
    ("form", P_CLOSER | SPECIAL),
    (
        "table",
        SPECIAL | SCOPE | TABLE_SCOPE | TABLE | BREAKOUT | TABLE_MODE,
    ),
    ("html", IGNORED | SCOPE | TABLE_SCOPE | SPECIAL),
    ("head", IGNORED | SPECIAL | BREAKOUT),
    ("body", IGNORED | SPECIAL | BREAKOUT),
    ("address", P_CLOSER | SPECIAL | ADP),
    ("div", P_CLOSER | SPECIAL | ADP | BREAKOUT),
    ("article", P_CLOSER | SPECIAL),
    ("aside", P_CLOSER | SPECIAL),
    ("blockquote", P_CLOSER | SPECIAL | BREAKOUT),
    ("center", P_CLOSER | SPECIAL | BREAKOUT),
    ("details", P_CLOSER | SPECIAL),
    ("dialog", P_CLOSER),
    ("dir", P_CLOSER | SPECIAL),
    ("dl", P_CLOSER | SPECIAL | BREAKOUT),
    ("fieldset", P_CLOSER | SPECIAL),
    ("figcaption", P_CLOSER | SPECIAL),
    ("figure", P_CLOSER | SPECIAL),
    ("footer", P_CLOSER | SPECIAL),
    ("header", P_CLOSER | SPECIAL),
    ("hgroup", P_CLOSER | SPECIAL),
    ("main", P_CLOSER | SPECIAL),
    ("menu", P_CLOSER | SPECIAL | BREAKOUT),
    ("nav", P_CLOSER | SPECIAL),
    ("ol", P_CLOSER | SPECIAL | LIST | BREAKOUT),
    ("ul", P_CLOSER | SPECIAL | LIST | BREAKOUT),
    ("search", P_CLOSER | SPECIAL),
    ("section", P_CLOSER | SPECIAL),
    ("summary", P_CLOSER | SPECIAL),
    ("pre", P_CLOSER | SPECIAL | BREAKOUT),
    ("listing", P_CLOSER | SPECIAL | BREAKOUT),
    ("h1", P_CLOSER | SPECIAL | HEADING | BREAKOUT),
    ("h2", P_CLOSER | SPECIAL | HEADING | BREAKOUT),
    ("h3", P_CLOSER | SPECIAL | HEADING | BREAKOUT),
    ("h4", P_CLOSER | SPECIAL | HEADING | BREAKOUT),
    ("h5", P_CLOSER | SPECIAL | HEADING | BREAKOUT),
    ("h6", P_CLOSER | SPECIAL | HEADING | BREAKOUT),
    ("applet", SPECIAL | SCOPE | MARKER),
    ("marquee", SPECIAL | SCOPE | MARKER),
    ("object", SPECIAL | SCOPE | MARKER),
    (
        "template",
        SPECIAL | SCOPE | TABLE_SCOPE | MARKER | TABLE_MODE | TEMPLATE,
    ),
    (
        "td",
        SPECIAL | SCOPE | CELL | MARKER | TABLE_PART | TABLE_MODE,
    ),
    (
        "th",
        SPECIAL | SCOPE | CELL | MARKER | TABLE_PART | TABLE_MODE,
    ),
    ("thead", SPECIAL | SECTION | TABLE_PART | TABLE_MODE),
    ("tfoot", SPECIAL | SECTION | TABLE_PART | TABLE_MODE),
    ("colgroup", SPECIAL | TABLE_PART | TABLE_MODE),
    ("frameset", SPECIAL),
    ("select", SPECIAL | SCOPE),
    ("option", OPTION),
    ("optgroup", OPTGROUP),
    ("svg", FOREIGN),
    ("span", BREAKOUT),
    ("sub", BREAKOUT),
    ("sup", BREAKOUT),
    ("ruby", BREAKOUT),
    ("var", BREAKOUT),
    ("b", FORMATTING | BREAKOUT),
    ("big", FORMATTING | BREAKOUT),
    ("code", FORMATTING | BREAKOUT),
    ("em", FORMATTING | BREAKOUT),
    ("i", FORMATTING | BREAKOUT),
    ("nobr", FORMATTING | BREAKOUT),
    ("s", FORMATTING | BREAKOUT),
    ("small", FORMATTING | BREAKOUT),
    ("strike", FORMATTING | BREAKOUT),
    ("strong", FORMATTING | BREAKOUT),
    ("tt", FORMATTING | BREAKOUT),
    ("u", FORMATTING | BREAKOUT),
    ("math", FOREIGN),
    (
        "foreignobject",
        SPECIAL | SCOPE | INTEGRATION | FOREIGN_ONLY,
    ),
    ("desc", SPECIAL | SCOPE | INTEGRATION | FOREIGN_ONLY),
    ("mi", SPECIAL | SCOPE | INTEGRATION | FOREIGN_ONLY),
    ("mo", SPECIAL | SCOPE | INTEGRATION | FOREIGN_ONLY),
    ("mn", SPECIAL | SCOPE | INTEGRATION | FOREIGN_ONLY),
    ("ms", SPECIAL | SCOPE | INTEGRATION | FOREIGN_ONLY),
    ("mtext", SPECIAL | SCOPE | INTEGRATION | FOREIGN_ONLY),
    (
        "annotation-xml",
        SPECIAL | SCOPE | INTEGRATION | FOREIGN_ONLY,
    ),
    // Raw text in HTML; on the stack only inside svg/math, where title is an integration point.
    ("title", RAW | SPECIAL | SCOPE | INTEGRATION),
    ("script", RAW),
    ("style", RAW),
    ("textarea", RAW),
    ("xmp", RAW | P_CLOSER),
    ("iframe", RAW),
    ("noembed", RAW),
    ("noframes", RAW),
    ("noscript", RAW),
    ("hr", VOID | P_CLOSER | BREAKOUT),
    ("area", VOID),
    ("base", VOID),
    ("col", VOID),
    ("embed", VOID | BREAKOUT),
    ("img", VOID | BREAKOUT),
    ("image", VOID),
    ("input", VOID),
    ("link", VOID),
    ("meta", VOID | BREAKOUT),
    ("source", VOID),
    ("track", VOID),
    ("wbr", VOID),
    ("basefont", VOID),
    ("bgsound", VOID),
    ("frame", VOID),
    ("keygen", VOID),
    ("param", VOID),
];

const P_ID: u32 = 0;
const LI_ID: u32 = 1;
const A_ID: u32 = 2;
const BUTTON_ID: u32 = 3;
const TR_ID: u32 = 4;
const TBODY_ID: u32 = 5;
const DD_ID: u32 = 6;
const DT_ID: u32 = 7;
const CAPTION_ID: u32 = 8;
const PLAINTEXT_ID: u32 = 9;
const FONT_ID: u32 = 10;
const BR_ID: u32 = 11;
const FORM_ID: u32 = 12;
const TABLE_ID: u32 = 13;

static KNOWN: LazyLock<HashMap<&'static [u8], u32>> = LazyLock::new(|| {
    TAGS.iter()
        .enumerate()
        .map(|(i, (name, _))| (name.as_bytes(), i as u32))
        .collect()
});

fn known_id(name: &str) -> u32 {
    KNOWN.get(name.as_bytes()).copied().unwrap_or(NONE)
}

fn cats_of(id: u32) -> u32 {
    TAGS.get(id as usize).map_or(0, |t| t.1)
}

/// Categories of an element as created: MathML/SVG elements are neither HTML special
/// elements nor formatting elements, except the integration points; svg/math
/// integration-point names used as HTML are ordinary elements.
fn cats_as(id: u32, foreign: bool) -> u32 {
    let cats = cats_of(id);
    if foreign {
        let integration = if cats & INTEGRATION != 0 {
            SPECIAL | SCOPE | INTEGRATION
        } else {
            0
        };
        cats & FOREIGN | integration
    } else if cats & FOREIGN_ONLY != 0 {
        0
    } else {
        cats
    }
}

/// Sets of open elements whose topmost member the rules ask for: (any of, none of).
const TRACKED: [(u32, u32); 12] = [
    (SPECIAL, 0),
    (SCOPE, 0),
    (SCOPE | BUTTON, 0),
    (SCOPE | LIST, 0),
    (TABLE_SCOPE, 0),
    (SPECIAL, ADP | LI),
    (SPECIAL, ADP | DD_DT),
    (HEADING, 0),
    (CELL, 0),
    (SECTION, 0),
    (TABLE_MODE, 0),
    (TEMPLATE, 0),
];
const T_SPECIAL: usize = 0;
const T_SCOPE: usize = 1;
const T_BUTTON_SCOPE: usize = 2;
const T_LIST_SCOPE: usize = 3;
const T_TABLE_SCOPE: usize = 4;
const T_LI_STOP: usize = 5;
const T_DD_DT_STOP: usize = 6;
const T_HEADING: usize = 7;
const T_CELL: usize = 8;
const T_SECTION: usize = 9;
const T_TABLE_MODE: usize = 10;
const T_TEMPLATE: usize = 11;

const NONE: u32 = u32::MAX;

struct Open {
    id: u32,
    cats: u32,
    /// Index of the next open element below with the same id, or NONE.
    prev_same: u32,
    /// False when the start tag was removed from the output.
    kept: bool,
    /// Its entry in `Scanner::formatting`, or NONE.
    slot: u32,
    /// An svg or MathML element.
    foreign: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SlotState {
    Marker,
    /// A formatting element that is open.
    Open,
    /// Closed without its end tag: the parser will re-create it at the next start tag
    /// or text, so it counts toward depth.
    Pending,
    Removed,
}

/// One entry of the list of active formatting elements.
struct Slot {
    id: u32,
    state: SlotState,
    /// Stack index of the element while Open.
    index: u32,
    /// Hash of the attribute source, for the Noah's Ark clause.
    attrs: u64,
}

/// A start or end tag as the tokenizer would see it.
struct Tag {
    name_start: usize,
    name_end: usize,
    /// Just past the closing `>`.
    end: usize,
    self_closing: bool,
    /// Has a color, face or size attribute (which makes `<font>` leave svg/math).
    font_breakout: bool,
    attrs: usize,
    /// From the first attribute past the limit to the end of the last one.
    drop: Option<(usize, usize)>,
    /// Its attributes no stage reads, as a range of `Scanner::unread`.
    unread: (usize, usize),
}

struct Scanner<'a> {
    b: &'a [u8],
    /// What to leave out beyond the limits; None keeps the tree exactly as parsed.
    prune: Option<&'a Prune>,
    /// Attributes of the current tag(s) to leave out, as (from, to) input ranges.
    unread: Vec<(usize, usize)>,
    pruned_attrs: usize,
    emptied_comments: usize,
    shortened_space: usize,
    /// Open svg/MathML elements named like HTML raw text elements (script, style, title, ...).
    foreign_raw_open: usize,
    /// A script whose content holds "<!--": the tokenizer's script escape states may end it
    /// elsewhere than the model does, so comments are left alone from there on.
    escaped_script: bool,
    max_depth: usize,
    max_attrs: usize,
    stack: Vec<Open>,
    /// Per id: index of the topmost open element with that id, or NONE.
    top_by_id: Vec<u32>,
    /// Per TRACKED set: indices of its open members, bottom to top.
    tracked: [Vec<u32>; TRACKED.len()],
    /// Indices of the open elements the parser sees (start tag kept or implied).
    kept: Vec<u32>,
    other_ids: HashMap<Vec<u8>, u32>,
    name_buf: Vec<u8>,
    kept_depth: usize,
    /// The list of active formatting elements. Entries are never reused, so an `Open`
    /// can point at its slot; the list is truncated only when a marker is cleared.
    formatting: Vec<Slot>,
    /// Per formatting tag id: its slots, oldest first (Removed ones dropped lazily).
    formatting_by_id: HashMap<u32, Vec<u32>>,
    markers: Vec<u32>,
    /// Pending slots: elements the parser will re-create on top of the stack.
    pending: usize,
    out: Option<Vec<u8>>,
    /// Input before this offset is already in `out` (or was cut).
    copied: usize,
    flattened_tags: usize,
    dropped_attrs: usize,
    max_depth_seen: usize,
    /// Open svg/MathML elements, as the model sees them.
    foreign_open: usize,
    /// Set for good at a construct after which the model may no longer agree with the
    /// tokenizer about where raw text ends (CDATA, frameset).
    unsure: bool,
    emptied_raw: usize,
    script_id: u32,
    style_id: u32,
    select_id: u32,
    frameset_id: u32,
    pre_id: u32,
    listing_id: u32,
}

/// Tree levels an element adds.
fn weight(cats: u32) -> usize {
    if cats & TEMPLATE != 0 { 2 } else { 1 }
}

fn hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    bytes.hash(&mut h);
    h.finish()
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

/// One attribute of a tag as the tokenizer splits it (offsets into the page).
#[derive(Clone, Copy)]
struct Attr {
    name: (usize, usize),
    /// Without quotes; None for a bare name.
    value: Option<(usize, usize)>,
    /// Just past its value (its closing quote), or past its name when it has none.
    end: usize,
}

/// How a tag's attribute list ended.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Close {
    /// Still reading.
    Open,
    /// At a `>`, the position of the iterator.
    Gt,
    /// At the `>` of a `/>`, the position of the iterator.
    SelfClosing,
    /// The input ended inside the tag, which the tokenizer then drops.
    Eof,
}

/// The attributes of a tag, from just after its name to the closing `>`, split as html5ever's
/// tokenizer splits them: names end at space, `/`, `>` or `=` (a leading `=` belongs to the name),
/// values are quoted (to the matching quote, `>` included) or run to space or `>`. The one
/// attribute tokenizer of the prescan ([`Scanner::tag`], [`attr_values`]).
struct Attrs<'s> {
    b: &'s [u8],
    p: usize,
    close: Close,
}

impl<'s> Attrs<'s> {
    fn new(b: &'s [u8], from: usize) -> Self {
        Attrs { b, p: from, close: Close::Open }
    }

    fn skip_space(&mut self) {
        while self.p < self.b.len() && is_space(self.b[self.p]) {
            self.p += 1;
        }
    }

    fn end(&mut self, close: Close) -> Option<Attr> {
        self.close = close;
        None
    }
}

impl Iterator for Attrs<'_> {
    type Item = Attr;

    fn next(&mut self) -> Option<Attr> {
        if self.close != Close::Open {
            return None;
        }
        let b = self.b;
        loop {
            self.skip_space();
            match b.get(self.p) {
                None => return self.end(Close::Eof),
                Some(b'>') => return self.end(Close::Gt),
                Some(b'/') if b.get(self.p + 1) == Some(&b'>') => {
                    self.p += 1;
                    return self.end(Close::SelfClosing);
                }
                Some(b'/') => self.p += 1,
                Some(_) => break,
            }
        }
        let name_start = self.p;
        self.p += 1;
        while self.p < b.len() && !is_space(b[self.p]) && !matches!(b[self.p], b'/' | b'>' | b'=') {
            self.p += 1;
        }
        let name = (name_start, self.p);
        self.skip_space();
        if b.get(self.p) != Some(&b'=') {
            return Some(Attr { name, value: None, end: name.1 });
        }
        self.p += 1;
        self.skip_space();
        let value = match b.get(self.p) {
            None => return self.end(Close::Eof),
            // `a=>`: an empty value, and the tag ends.
            Some(b'>') => (self.p, self.p),
            Some(&q @ (b'"' | b'\'')) => {
                let Some(close) = memchr(q, b.get(self.p + 1..).unwrap_or_default()) else {
                    self.p = b.len();
                    return self.end(Close::Eof);
                };
                let v = (self.p + 1, self.p + 1 + close);
                self.p = v.1 + 1;
                v
            }
            Some(_) => {
                let s = self.p;
                while self.p < b.len() && !is_space(b[self.p]) && b[self.p] != b'>' {
                    self.p += 1;
                }
                (s, self.p)
            }
        };
        Some(Attr { name, value: Some(value), end: self.p })
    }
}

/// The values of every attribute called `name` (ASCII case-insensitive) in a tag's source
/// after its name (`attrs` runs to the closing `>`); character references are left as written.
fn attr_values<'s>(attrs: &'s [u8], name: &'s [u8]) -> impl Iterator<Item = &'s [u8]> + 's {
    Attrs::new(attrs, 0).filter_map(move |a| {
        let this = attrs.get(a.name.0..a.name.1)?;
        let (s, e) = a.value?;
        this.eq_ignore_ascii_case(name).then(|| attrs.get(s..e).unwrap_or_default())
    })
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, limits: &Limits, prune: Option<&'a Prune>) -> Self {
        Scanner {
            b: text.as_bytes(),
            prune,
            unread: Vec::new(),
            pruned_attrs: 0,
            emptied_comments: 0,
            shortened_space: 0,
            foreign_raw_open: 0,
            escaped_script: false,
            max_depth: limits.max_depth,
            max_attrs: limits.max_attrs,
            stack: Vec::new(),
            top_by_id: Vec::new(),
            tracked: Default::default(),
            kept: Vec::new(),
            other_ids: HashMap::default(),
            name_buf: Vec::new(),
            kept_depth: 0,
            formatting: Vec::new(),
            formatting_by_id: HashMap::default(),
            markers: Vec::new(),
            pending: 0,
            out: None,
            copied: 0,
            flattened_tags: 0,
            dropped_attrs: 0,
            max_depth_seen: 0,
            foreign_open: 0,
            unsure: false,
            emptied_raw: 0,
            script_id: known_id("script"),
            style_id: known_id("style"),
            select_id: known_id("select"),
            frameset_id: known_id("frameset"),
            pre_id: known_id("pre"),
            listing_id: known_id("listing"),
        }
    }

    /// Offset of the next `needle` at or after `from` (SIMD search: most of a page is text
    /// and attribute values to skip).
    fn find(&self, from: usize, needle: &[u8]) -> Option<usize> {
        memmem::find(self.b.get(from..)?, needle).map(|i| from + i)
    }

    fn find_byte(&self, from: usize, needle: u8) -> Option<usize> {
        memchr(needle, self.b.get(from..)?).map(|i| from + i)
    }

    fn remove(&mut self, start: usize, end: usize) {
        let out = self
            .out
            .get_or_insert_with(|| Vec::with_capacity(self.b.len()));
        out.extend_from_slice(self.b.get(self.copied..start).unwrap_or_default());
        self.copied = end;
    }

    fn run(&mut self) {
        let mut pos = 0;
        // Where the last tag, comment or doctype ended: text from there on starts between tags.
        let mut markup_end = None;
        while let Some(lt) = self.find_byte(pos, b'<') {
            self.unread.clear();
            let next = self.b.get(lt + 1).copied();
            let after = self.b.get(lt + 2).copied();
            // What the tokenizer makes of this '<': a tag, comment or doctype, or text ('<' as
            // text, or "</>", which is no token at all).
            let markup = match next {
                Some(b'!' | b'?') => true,
                Some(b'/') => after.is_some_and(|c| c != b'>'),
                Some(c) => c.is_ascii_alphabetic(),
                None => false,
            };
            if markup && markup_end == Some(pos) && lt > pos + 1 {
                self.shorten_space(pos, lt);
            }
            let resume = match next {
                Some(b'!') => self.skip_markup_declaration(lt),
                Some(b'?') => self.find_byte(lt, b'>').map(|i| i + 1),
                Some(b'/') => match after {
                    Some(c) if c.is_ascii_alphabetic() => self.end_tag(lt),
                    Some(b'>') => Some(lt + 3),
                    Some(_) => self.find_byte(lt, b'>').map(|i| i + 1),
                    None => None,
                },
                Some(c) if c.is_ascii_alphabetic() => self.start_tag(lt),
                _ => Some(lt + 1),
            };
            // None: the rest of the input is inside a comment, tag or raw text.
            match resume {
                Some(p) => {
                    pos = p;
                    markup_end = markup.then_some(p);
                }
                None => break,
            }
        }
    }

    /// Shortens a run of white space between two tags, `from..to`, to its line breaks, or to its
    /// first character when it has none: html5ever then tokenizes and stores a few bytes where
    /// pages indent with dozens. The text node stays (at least one white-space character, so
    /// two inline elements stay apart: `<b>a</b> <i>b</i>`), and what follows a line break
    /// still does. Only where the whitespace is certain to be text in the data state (see
    /// [`Scanner::model_certain`]) outside svg/MathML, and never inside `pre` or `listing`, whose
    /// white space is content (textarea, xmp and plaintext are raw text, never between tags).
    fn shorten_space(&mut self, from: usize, to: usize) {
        let Some(run) = self.b.get(from..to) else { return };
        if !run.iter().all(|&c| is_space(c)) || !self.may_shorten_space() {
            return;
        }
        let is_break = |c: u8| c == b'\n' || c == b'\r';
        if !run.iter().any(|&c| is_break(c)) {
            self.shortened_space += run.len() - 1;
            self.remove(from + 1, to);
            return;
        }
        // Each run of spaces and tabs between line breaks goes; one stays between a CR and an LF,
        // which would otherwise become one line break (CR LF) instead of two.
        let mut i = 0;
        while i < run.len() {
            if is_break(run[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < run.len() && !is_break(run[i]) {
                i += 1;
            }
            let keep = usize::from(start > 0 && run[start - 1] == b'\r' && run.get(i) == Some(&b'\n'));
            if i - start > keep {
                self.shortened_space += i - start - keep;
                self.remove(from + start + keep, from + i);
            }
        }
    }

    /// Whether white space between tags may be shortened here: when pruning, outside
    /// svg/MathML, pre and listing, where the model is certain.
    fn may_shorten_space(&self) -> bool {
        self.prune.is_some()
            && self.foreign_open == 0
            && self.top_of(self.pre_id).is_none()
            && self.top_of(self.listing_id).is_none()
            && self.model_certain()
    }

    /// Comments, doctype and CDATA; none of them affects nesting.
    fn skip_markup_declaration(&mut self, lt: usize) -> Option<usize> {
        let rest = self.b.get(lt..)?;
        if rest.starts_with(b"<!--") {
            // "<!-->" and "<!--->" are complete (if malformed) comments.
            if rest.get(4) == Some(&b'>') {
                return Some(lt + 5);
            }
            if rest.get(4..6) == Some(b"->") {
                return Some(lt + 6);
            }
            // A comment ends at the first "-->" or "--!>".
            let mut p = lt + 4;
            let (dashes, end) = loop {
                let dashes = self.find(p, b"--")?;
                match self.b.get(dashes + 2) {
                    Some(b'>') => break (dashes, dashes + 3),
                    Some(b'!') if self.b.get(dashes + 3) == Some(&b'>') => break (dashes, dashes + 4),
                    Some(_) => p = dashes + 1,
                    None => return None,
                }
            };
            if dashes > lt + 4 && self.may_empty_comment() {
                // "<!---->": the comment node stays, so its neighbours stay apart.
                self.emptied_comments += 1;
                self.remove(lt + 4, dashes);
            }
            return Some(end);
        }
        if rest.starts_with(b"<![CDATA[") {
            // A CDATA section only in svg/MathML, a bogus comment up to the first '>' in
            // HTML: which one the tokenizer sees rests on the model's idea of the tree.
            self.unsure = true;
            return self.find(lt + 9, b"]]>").map(|i| i + 3);
        }
        self.find_byte(lt, b'>').map(|i| i + 1)
    }

    /// Tokenizes one tag starting at `<`: name, attributes (quote-aware), `/>`.
    /// None when the input ends inside the tag, which the tokenizer drops.
    fn tag(&mut self, name_start: usize) -> Option<Tag> {
        let b = self.b;
        let mut p = name_start;
        while p < b.len() && !is_space(b[p]) && b[p] != b'/' && b[p] != b'>' {
            p += 1;
        }
        let name_end = p;
        let mut attrs = 0;
        let mut drop_start = None;
        let mut last_attr_end = p;
        let mut font_breakout = false;
        let unread_from = self.unread.len();
        let prune_attrs = self.prune.is_some() && self.model_certain();
        let mut tokens = Attrs::new(b, p);
        for attr in &mut tokens {
            attrs += 1;
            if attrs == self.max_attrs + 1 {
                drop_start = Some(attr.name.0);
            }
            let name = b.get(attr.name.0..attr.name.1).unwrap_or_default();
            font_breakout |= [&b"color"[..], b"face", b"size"]
                .iter()
                .any(|n| name.eq_ignore_ascii_case(n));
            if drop_start.is_none()
                && prune_attrs
                && b.get(attr.name.0.wrapping_sub(1)) != Some(&b'/')
                && self.prune.is_some_and(|prune| prune.drops(name))
            {
                // The name and value only: what separated it from the tag's name or the
                // attribute before stays, so no two names are joined into one. Not after a '/',
                // which would end a tag in "/>".
                self.unread.push((attr.name.0, attr.end));
            }
            last_attr_end = attr.end;
        }
        let self_closing = match tokens.close {
            Close::Gt => false,
            Close::SelfClosing => true,
            Close::Open | Close::Eof => return None,
        };
        // tokens.p is on the closing '>'.
        Some(Tag {
            name_start,
            name_end,
            end: tokens.p + 1,
            self_closing,
            font_breakout,
            attrs,
            drop: drop_start.map(|s| (s, last_attr_end)),
            unread: (unread_from, self.unread.len()),
        })
    }

    fn tag_id(&mut self, start: usize, end: usize) -> u32 {
        self.name_buf.clear();
        let name = self.b.get(start..end).unwrap_or_default();
        self.name_buf
            .extend(name.iter().map(u8::to_ascii_lowercase));
        if let Some(&id) = KNOWN.get(self.name_buf.as_slice()) {
            return id;
        }
        if let Some(&id) = self.other_ids.get(&self.name_buf) {
            return id;
        }
        let id = (TAGS.len() + self.other_ids.len()) as u32;
        self.other_ids.insert(self.name_buf.clone(), id);
        id
    }

    /// Leaves out the attributes past the limit, and those no stage reads when pruning.
    fn drop_attrs(&mut self, tag: &Tag) {
        for i in tag.unread.0..tag.unread.1 {
            if let Some(&(start, end)) = self.unread.get(i) {
                self.pruned_attrs += 1;
                self.remove(start, end);
            }
        }
        if let Some((start, end)) = tag.drop {
            self.dropped_attrs += tag.attrs - self.max_attrs;
            self.remove(start, end);
        }
    }

    fn start_tag(&mut self, lt: usize) -> Option<usize> {
        let tag = self.tag(lt + 1)?;
        let id = self.tag_id(tag.name_start, tag.name_end);
        let html_cats = cats_of(id);
        let in_template = self.top_tracked(T_TEMPLATE).is_some();
        if !in_template
            && self.in_foreign()
            && (html_cats & BREAKOUT != 0 || (id == FONT_ID && tag.font_breakout))
        {
            self.break_out_of_foreign();
        }
        let foreign = self.in_foreign();
        let cats = cats_as(id, foreign || html_cats & FOREIGN != 0);

        if foreign {
            if tag.self_closing {
                self.drop_attrs(&tag);
                return Some(tag.end);
            }
            return Some(self.open(lt, &tag, id, cats));
        }
        if cats & IGNORED != 0 {
            self.drop_attrs(&tag);
            return Some(tag.end);
        }
        // The parser drops table parts outside a table (and outside its cells).
        if cats & TABLE_PART != 0 && self.top_tracked(T_TABLE_MODE).is_none() {
            self.drop_attrs(&tag);
            return Some(tag.end);
        }
        if cats & P_CLOSER != 0 && !in_template {
            self.close_p();
        }
        let void = cats & VOID != 0 || (tag.self_closing && cats & FOREIGN != 0);
        if void {
            // Never on the stack, so never deeper than max_depth + 1: kept as is.
            self.drop_attrs(&tag);
            return Some(tag.end);
        }
        if id == self.frameset_id {
            // Frameset modes ignore script and style start tags: no raw text follows.
            self.unsure = true;
        }
        if cats & RAW != 0 && !foreign {
            self.drop_attrs(&tag);
            let (content_end, end) = self.skip_raw_text(tag.end, id)?;
            // The script data escape states, where the first "</script>" need not end it.
            let escaped = id == self.script_id
                && self.b.get(tag.end..content_end).is_none_or(|body| memmem::find(body, b"<!--").is_some());
            self.escaped_script |= escaped;
            if !escaped && self.may_empty(id, &tag, tag.end, content_end) {
                self.emptied_raw += 1;
                self.remove(tag.end, content_end);
            }
            // After the content: edits are made in input order.
            self.drop_attrs(&end);
            return Some(end.end);
        }
        if !in_template {
            self.implied_closes(id, cats);
        }
        Some(self.open(lt, &tag, id, cats))
    }

    /// Pushes an element, or removes its start tag when it would nest too deep.
    fn open(&mut self, lt: usize, tag: &Tag, id: u32, cats: u32) -> usize {
        // Table parts the parser wraps in elements it creates itself.
        let top = self.stack.last().map_or(0, |o| o.cats);
        let implied: &[u32] = if id == TR_ID && top & TABLE != 0 {
            &[TBODY_ID]
        } else if cats & CELL != 0 && top & TABLE != 0 {
            &[TBODY_ID, TR_ID]
        } else if cats & CELL != 0 && top & SECTION != 0 {
            &[TR_ID]
        } else {
            &[]
        };
        if self.kept_depth + self.pending + implied.len() + weight(cats) <= self.max_depth {
            for &imp in implied {
                self.push(imp, cats_of(imp), true);
            }
            self.drop_attrs(tag);
            self.push(id, cats, true);
            if cats & FORMATTING != 0 {
                let attrs = self.b.get(tag.name_end..tag.end).unwrap_or_default();
                self.add_formatting(id, hash(attrs));
            } else if cats & MARKER != 0 {
                let slot = self.formatting.len() as u32;
                self.formatting.push(Slot {
                    id,
                    state: SlotState::Marker,
                    index: NONE,
                    attrs: 0,
                });
                self.markers.push(slot);
            }
        } else {
            self.flattened_tags += 1;
            self.remove(lt, tag.end);
            self.push(id, cats, false);
        }
        tag.end
    }

    fn end_tag(&mut self, lt: usize) -> Option<usize> {
        let tag = self.tag(lt + 2)?;
        let id = self.tag_id(tag.name_start, tag.name_end);
        if self.top_tracked(T_TEMPLATE).is_none()
            && self.in_foreign()
            && (id == P_ID || id == BR_ID)
        {
            self.break_out_of_foreign();
        }
        // The open element's own categories: an svg <a> is no formatting element.
        let cats = match self.top_of(id).and_then(|i| self.stack.get(i as usize)) {
            Some(open) => open.cats | (cats_of(id) & (IGNORED | VOID)),
            None => cats_as(id, self.in_foreign()),
        };
        if let Some(i) = self
            .top_of(id)
            .filter(|&i| self.stack.get(i as usize).is_some_and(|o| !o.kept))
        {
            // The end tag of a removed start tag goes too; the parser never sees either.
            self.remove(lt, tag.end);
            if self.kept.last().is_none_or(|&k| k < i) {
                self.pop_through(i);
            }
            return Some(tag.end);
        }
        let in_template = self.top_tracked(T_TEMPLATE).is_some();
        let target = if cats & IGNORED != 0 || cats & VOID != 0 {
            None
        } else if in_template {
            self.top_of(id).filter(|_| cats & TEMPLATE != 0)
        } else if id == FORM_ID {
            // The parser takes the form element out of the middle of the stack, leaving
            // what is above it open; only a form on top can be popped here.
            self.top_of(id)
                .filter(|&i| i as usize + 1 == self.stack.len())
        } else if cats & FORMATTING != 0 {
            match self.formatting_end(id) {
                Some(target) => target,
                None => self.in_scope(self.top_of(id), T_SPECIAL),
            }
        } else if id == P_ID {
            self.in_scope(self.top_of(id), T_BUTTON_SCOPE)
        } else if id == LI_ID {
            self.in_scope(self.top_of(id), T_LIST_SCOPE)
        } else if cats & HEADING != 0 {
            self.in_scope(self.top_tracked(T_HEADING), T_SCOPE)
        } else if cats & (CELL | SECTION | TABLE) != 0 || id == TR_ID || id == CAPTION_ID {
            self.in_scope(self.top_of(id), T_TABLE_SCOPE)
        } else if cats & SPECIAL != 0 {
            self.in_scope(self.top_of(id), T_SCOPE)
        } else {
            // "Any other end tag": honoured only if no special element is above the match.
            self.in_scope(self.top_of(id), T_SPECIAL)
        };
        self.drop_attrs(&tag);
        if let Some(i) = target {
            self.pop_through(i);
        }
        Some(tag.end)
    }

    /// Whether the content of a script or style element, `from..to`, can be left out of
    /// the parser's input. Nothing reads it but JSON-LD (kept), and walking it is a large
    /// part of the tokenizer's work on real pages (half of the bytes of many). Only where the
    /// tokenizer is certain to see exactly this content as raw text, ending at this end tag:
    /// an HTML element (no svg/MathML element open, where script and style are ordinary
    /// elements), outside select and template (whose insertion modes ignore some of these
    /// start tags, leaving the tokenizer in its data state), before any frameset or CDATA
    /// (after which the model may drift); the caller checks that a script holds no "<!--" (the
    /// script data escape states, where "</script>" need not end it). The element stays,
    /// empty; the rest of the tree is the same.
    fn may_empty(&self, id: u32, tag: &Tag, from: usize, to: usize) -> bool {
        if to <= from
            || (id != self.script_id && id != self.style_id)
            || self.unsure
            || self.foreign_open > 0
            || self.top_tracked(T_TEMPLATE).is_some()
            || self.top_of(self.select_id).is_some()
        {
            return false;
        }
        if id == self.script_id {
            let attrs = self.b.get(tag.name_end..tag.end).unwrap_or_default();
            // JSON-LD is read by extract. Kept on a "type" holding "ld+json" or a character
            // reference (which the tokenizer would decode), a superset of what it selects.
            if attr_values(attrs, b"type").any(|v| v.contains(&b'&') || contains_ignore_case(v, b"ld+json")) {
                return false;
            }
        }
        true
    }

    /// Whether a comment's text can be left out: when pruning, outside svg/MathML, where the
    /// model is certain.
    fn may_empty_comment(&self) -> bool {
        self.prune.is_some() && self.foreign_open == 0 && self.model_certain()
    }

    /// Whether the tokenizer is certain to be where the model is, in its data state between
    /// tags: no construct after which the model may drift (CDATA, frameset, a script whose end
    /// the escape states may move), outside select and template (whose modes ignore some raw
    /// text start tags), and no svg/MathML element named like an HTML raw text element open
    /// (were the model wrong about being in svg, its content would be raw text).
    fn model_certain(&self) -> bool {
        !self.unsure
            && !self.escaped_script
            && self.foreign_raw_open == 0
            && self.top_tracked(T_TEMPLATE).is_none()
            && self.top_of(self.select_id).is_none()
    }

    /// Raw text runs to `</name` followed by space, `/` or `>`; plaintext never ends.
    /// Returns where the content ends (the end tag's `<`) and the end tag.
    fn skip_raw_text(&mut self, from: usize, id: u32) -> Option<(usize, Tag)> {
        if id == PLAINTEXT_ID {
            return None;
        }
        let name = TAGS.get(id as usize)?.0.as_bytes();
        let name_len = name.len();
        let mut p = from;
        loop {
            let lt = self.find(p, b"</")?;
            let after = lt + 2 + name_len;
            let matches = self
                .b
                .get(lt + 2..after)
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
                && self
                    .b
                    .get(after)
                    .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>');
            if matches {
                // Tokenized as a tag: its attributes may hold '>'.
                let tag = self.tag(lt + 2)?;
                return Some((lt, tag));
            }
            p = lt + 2;
        }
    }

    /// The topmost element the parser sees is svg/MathML and not an integration point.
    fn in_foreign(&self) -> bool {
        self.kept
            .last()
            .and_then(|&i| self.stack.get(i as usize))
            .is_some_and(|o| o.foreign && o.cats & INTEGRATION == 0)
    }

    /// An HTML start tag inside svg/math pops back to HTML content first.
    fn break_out_of_foreign(&mut self) {
        while self.in_foreign() {
            let Some(&i) = self.kept.last() else { break };
            self.pop_through(i);
        }
    }

    fn top_of(&self, id: u32) -> Option<u32> {
        self.top_by_id
            .get(id as usize)
            .copied()
            .filter(|&i| i != NONE)
    }

    fn top_tracked(&self, set: usize) -> Option<u32> {
        self.tracked[set].last().copied()
    }

    /// `target` if no member of the boundary set is above it (it may be one itself).
    fn in_scope(&self, target: Option<u32>, boundary: usize) -> Option<u32> {
        let t = target?;
        match self.top_tracked(boundary) {
            Some(b) if b > t => None,
            _ => Some(t),
        }
    }

    fn close_p(&mut self) {
        if let Some(i) = self.in_scope(self.top_of(P_ID), T_BUTTON_SCOPE) {
            self.pop_through(i);
        }
    }

    /// Start tags that end an open element of their own kind.
    fn implied_closes(&mut self, id: u32, cats: u32) {
        let target = if id == LI_ID {
            self.in_scope(self.top_of(LI_ID), T_LI_STOP)
        } else if cats & DD_DT != 0 {
            self.in_scope(self.top_tracked_dd_dt(), T_DD_DT_STOP)
        } else if cats & HEADING != 0 {
            self.stack
                .last()
                .filter(|o| o.cats & HEADING != 0)
                .map(|_| self.stack.len() as u32 - 1)
        } else if cats & (OPTION | OPTGROUP) != 0 {
            let mut t = None;
            let len = self.stack.len() as u32;
            if self.stack.last().is_some_and(|o| o.cats & OPTION != 0) {
                t = Some(len - 1);
                if cats & OPTGROUP != 0
                    && len >= 2
                    && self.stack[len as usize - 2].cats & OPTGROUP != 0
                {
                    t = Some(len - 2);
                }
            } else if cats & OPTGROUP != 0
                && self.stack.last().is_some_and(|o| o.cats & OPTGROUP != 0)
            {
                t = Some(len - 1);
            }
            t
        } else if id == A_ID {
            self.formatting_end(A_ID).flatten()
        } else if id == BUTTON_ID {
            self.in_scope(self.top_of(BUTTON_ID), T_SCOPE)
        } else if id == TR_ID {
            self.in_scope(self.top_of(TR_ID), T_TABLE_SCOPE)
        } else if cats & CELL != 0 {
            self.in_scope(self.top_tracked(T_CELL), T_TABLE_SCOPE)
        } else if cats & SECTION != 0 {
            self.in_scope(self.top_tracked(T_SECTION), T_TABLE_SCOPE)
        } else if id == TABLE_ID {
            // A table start tag directly in a table (not in a cell or caption) ends that table.
            let mode = self
                .top_tracked(T_TABLE_MODE)
                .and_then(|i| self.stack.get(i as usize));
            if mode.is_some_and(|o| o.cats & (TABLE | SECTION) != 0 || o.id == TR_ID) {
                self.in_scope(self.top_of(TABLE_ID), T_TABLE_SCOPE)
            } else {
                None
            }
        } else {
            None
        };
        if let Some(i) = target {
            self.pop_through(i);
        }
    }

    fn top_tracked_dd_dt(&self) -> Option<u32> {
        self.top_of(DD_ID).max(self.top_of(DT_ID))
    }

    /// Entries after the last marker begin here.
    fn marker_floor(&self) -> u32 {
        self.markers.last().map_or(0, |&m| m + 1)
    }

    /// The newest live entry for `id` after the last marker.
    fn last_formatting(&mut self, id: u32) -> Option<u32> {
        let floor = self.marker_floor();
        let slots = self.formatting_by_id.get_mut(&id)?;
        while let Some(&s) = slots.last() {
            match self.formatting.get(s as usize) {
                Some(slot) if slot.state != SlotState::Removed && slot.id == id => {
                    return (s >= floor).then_some(s);
                }
                _ => {
                    slots.pop();
                }
            }
        }
        None
    }

    fn remove_formatting(&mut self, s: u32) {
        if let Some(slot) = self.formatting.get_mut(s as usize) {
            if slot.state == SlotState::Pending {
                self.pending -= 1;
            }
            slot.state = SlotState::Removed;
        }
    }

    /// Records a formatting element just pushed (the top of the stack), applying the
    /// Noah's Ark clause so identical unclosed tags do not pile up.
    fn add_formatting(&mut self, id: u32, attrs: u64) {
        let floor = self.marker_floor();
        let mut identical = 0;
        let mut oldest_identical = None;
        if let Some(slots) = self.formatting_by_id.get(&id) {
            for &s in slots.iter().rev().take(ARK_WINDOW) {
                let Some(slot) = self.formatting.get(s as usize) else {
                    continue;
                };
                if s < floor {
                    break;
                }
                if slot.state != SlotState::Removed && slot.attrs == attrs {
                    identical += 1;
                    oldest_identical = Some(s);
                    if identical == ARK {
                        break;
                    }
                }
            }
        }
        if identical == ARK
            && let Some(s) = oldest_identical
        {
            self.remove_formatting(s);
        }
        let s = self.formatting.len() as u32;
        let index = self.stack.len() as u32 - 1;
        self.formatting.push(Slot {
            id,
            state: SlotState::Open,
            index,
            attrs,
        });
        self.formatting_by_id.entry(id).or_default().push(s);
        if let Some(open) = self.stack.last_mut() {
            open.slot = s;
        }
    }

    /// What the adoption agency does with an end tag of formatting element `id` (also
    /// run for `<a>` while an `a` is active): None when no entry exists (then it is an
    /// ordinary end tag); Some(None) when nothing is popped; Some(Some(i)) to pop through i.
    /// Where the real algorithm would restructure the tree (a "furthest block" exists),
    /// nothing is popped: the stack does not shrink there either.
    fn formatting_end(&mut self, id: u32) -> Option<Option<u32>> {
        let s = self.last_formatting(id)?;
        let slot = self.formatting.get(s as usize)?;
        match slot.state {
            SlotState::Open => {
                let i = slot.index;
                if self.in_scope(Some(i), T_SCOPE).is_none()
                    || self.in_scope(Some(i), T_SPECIAL).is_none()
                {
                    return Some(None);
                }
                self.remove_formatting(s);
                Some(Some(i))
            }
            _ => {
                self.remove_formatting(s);
                Some(None)
            }
        }
    }

    fn clear_to_marker(&mut self) {
        let Some(m) = self.markers.pop() else { return };
        for slot in self.formatting.drain(m as usize..) {
            if slot.state == SlotState::Pending {
                self.pending -= 1;
            }
        }
        for slots in self.formatting_by_id.values_mut() {
            while slots.last().is_some_and(|&s| s >= m) {
                slots.pop();
            }
        }
    }

    fn push(&mut self, id: u32, cats: u32, kept: bool) {
        let index = self.stack.len() as u32;
        let slot = id as usize;
        if self.top_by_id.len() <= slot {
            self.top_by_id.resize(slot + 1, NONE);
        }
        let foreign = cats & FOREIGN != 0 || (kept && self.in_foreign());
        self.foreign_open += usize::from(foreign);
        self.foreign_raw_open += usize::from(foreign && cats_of(id) & RAW != 0);
        self.stack.push(Open {
            id,
            cats,
            prev_same: self.top_by_id[slot],
            kept,
            slot: NONE,
            foreign,
        });
        self.top_by_id[slot] = index;
        for (set, &(any, none)) in TRACKED.iter().enumerate() {
            if cats & any != 0 && cats & none == 0 {
                self.tracked[set].push(index);
            }
        }
        if kept {
            self.kept_depth += weight(cats);
            self.kept.push(index);
        }
        self.max_depth_seen = self.max_depth_seen.max(self.stack.len());
    }

    /// Pops the element at `index` and everything above it.
    fn pop_through(&mut self, index: u32) {
        while self.stack.len() > index as usize {
            let Some(open) = self.stack.pop() else { break };
            self.foreign_open -= usize::from(open.foreign);
            self.foreign_raw_open -= usize::from(open.foreign && cats_of(open.id) & RAW != 0);
            if let Some(top) = self.top_by_id.get_mut(open.id as usize) {
                *top = open.prev_same;
            }
            for (set, &(any, none)) in TRACKED.iter().enumerate() {
                if open.cats & any != 0 && open.cats & none == 0 {
                    self.tracked[set].pop();
                }
            }
            if open.kept {
                self.kept_depth -= weight(open.cats);
                self.kept.pop();
            }
            if let Some(slot) = self.formatting.get_mut(open.slot as usize)
                && slot.state == SlotState::Open
            {
                slot.state = SlotState::Pending;
                self.pending += 1;
            }
            if open.kept && open.cats & MARKER != 0 {
                self.clear_to_marker();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::soup::soup;
    use super::*;

    fn run(html: &str) -> Prescan<'_> {
        prescan(html, &Limits::default())
    }

    fn small(html: &str, max_depth: usize) -> Prescan<'_> {
        prescan(
            html,
            &Limits {
                max_depth,
                max_attrs: 4,
                ..Limits::default()
            },
        )
    }

    fn nested_divs(n: usize) -> String {
        let mut s = String::with_capacity(n * 20);
        s.push_str("<!doctype html><html><body>");
        for i in 0..n {
            s.push_str(&format!("<div class=d{i}>t{i} "));
        }
        s.push_str(&"</div>".repeat(n));
        s.push_str("</body></html>");
        s
    }

    /// Deepest element depth in a parsed document, walked without recursion.
    fn tree_depth(doc: &scraper::Html) -> usize {
        let mut deepest = 0;
        let mut todo = vec![(doc.tree.root(), 0usize)];
        while let Some((node, depth)) = todo.pop() {
            deepest = deepest.max(depth);
            todo.extend(node.children().map(|c| (c, depth + 1)));
        }
        deepest
    }

    fn text_of(doc: &scraper::Html) -> String {
        doc.root_element().text().collect()
    }

    #[test]
    fn known_ids_match_table() {
        let ids = [
            (P_ID, "p"),
            (LI_ID, "li"),
            (A_ID, "a"),
            (BUTTON_ID, "button"),
            (TR_ID, "tr"),
            (TBODY_ID, "tbody"),
            (DD_ID, "dd"),
            (DT_ID, "dt"),
            (CAPTION_ID, "caption"),
            (PLAINTEXT_ID, "plaintext"),
            (FONT_ID, "font"),
            (BR_ID, "br"),
            (FORM_ID, "form"),
            (TABLE_ID, "table"),
        ];
        for (id, name) in ids {
            assert_eq!(TAGS[id as usize].0, name);
        }
        assert_eq!(KNOWN.len(), TAGS.len(), "duplicate name in TAGS");
    }

    #[test]
    fn normal_page_is_borrowed() {
        let page = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A <b>title</b></title>
<script>if (a < b && c > d) document.write("<div><div><div>");</script>
<style>p > a { color: red }</style><!-- <div><div> --></head>
<body><header><nav><ul><li><a href="/">Home<li><a href="/news">News</ul></nav></header>
<article><h1 data-x="1 > 0">Headline</h1><p>First <em>para<p>Second para<br/>
<svg viewBox="0 0 1 1"><path d="M0 0"/><g><circle r="1"/></g></svg>
<table><tr><td>a<td>b<tr><td>c</table><dl><dt>k<dd>v<dt>k2<dd>v2</dl>
<select><option>1<option>2<optgroup><option>3</select><img src="x.jpg" alt="<div>">
<textarea><div></textarea><p>Done.</p></article></body></html>"#;
        let out = run(page);
        assert!(matches!(out.html, Cow::Borrowed(_)) || out.emptied_raw > 0);
        // Nothing changed but the script and style content left out.
        let untouched = page
            .replace(r#"if (a < b && c > d) document.write("<div><div><div>");"#, "")
            .replace("p > a { color: red }", "");
        assert_eq!(out.html, untouched);
        assert_eq!(out.emptied_raw, 2);
        assert_eq!((out.flattened_tags, out.dropped_attrs), (0, 0));
        assert!(out.max_depth_seen <= 8, "depth {}", out.max_depth_seen);
        let page = page.replace("<script>", "<script type=application/ld+json>").replace("<style>", "<xmp>").replace("</style>", "</xmp>");
        assert!(matches!(run(&page).html, Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let n = 100_000;
        let input = nested_divs(n);
        let out = run(&input);
        assert!(matches!(out.html, Cow::Owned(_)));
        assert_eq!(out.flattened_tags, n - 512);
        assert_eq!(out.max_depth_seen, n);
        assert_eq!(out.html.matches("<div").count(), 512);
        assert_eq!(out.html.matches("</div>").count(), 512);
        assert!(out.html.contains("t99999 "));
        assert!(out.html.ends_with("</div></body></html>"));

        let doc = scraper::Html::parse_document(&out.html);
        // document → html → body → 512 divs → text.
        let depth = tree_depth(&doc);
        assert!(depth <= 512 + 4, "depth {depth}");
        let text = text_of(&doc);
        assert!(text.contains("t0 t1 t2 "));
        assert!(text.contains("t511 t512 t513 "));
        assert!(text.ends_with("t99999 "));
    }

    #[test]
    fn flattened_end_tags_go_with_their_start_tags() {
        let out = small("<div><section><div>x</div>y</section>z</div>", 2);
        assert_eq!(out.html, "<div><section>xy</section>z</div>");
        assert_eq!(out.flattened_tags, 1);
        let out = small("<div><div><b><i>x</i></b></div><p>after</div>", 2);
        assert_eq!(out.html, "<div><div>x</div><p>after</div>");
    }

    #[test]
    fn unclosed_implied_end_tags_stay_shallow() {
        let cases = [
            ("<p>x".repeat(10_000), 1),
            (format!("<ul>{}</ul>", "<li>x".repeat(10_000)), 2),
            (format!("<dl>{}</dl>", "<dt>k<dd>v".repeat(5_000)), 2),
            (
                format!("<table>{}</table>", "<tr><td>a<td>b".repeat(5_000)),
                4,
            ),
            (
                format!("<select>{}</select>", "<option>o".repeat(10_000)),
                2,
            ),
            (format!("<div>{}</div>", "<h2>x<h3>y".repeat(5_000)), 2),
            ("<p><b>bold<div>block</div></b>".repeat(5_000), 2),
        ];
        for (input, expect) in &cases {
            let out = small(input, 10_000);
            assert!(matches!(out.html, Cow::Borrowed(_)), "{}", &input[..40]);
            assert_eq!(out.max_depth_seen, *expect, "{}", &input[..40]);
        }
        let ps = "<p>x".repeat(10_000);
        let out = run(&ps);
        assert!(matches!(out.html, Cow::Borrowed(_)));
    }

    #[test]
    fn end_tags_the_parser_would_ignore_do_not_pop() {
        // html5ever ignores "</span>" past the special <div>, so nesting grows by two.
        let input = "<span><div></span>".repeat(1000);
        assert_eq!(small(&input, 100_000).max_depth_seen, 2000);
        // A </div> outside its scope (behind a table cell) is ignored too.
        let input = "<div><table><tr><td><span></div>".repeat(100);
        assert_eq!(small(&input, 100_000).max_depth_seen, 600);
    }

    #[test]
    fn many_attributes_are_truncated() {
        let n = 100_000;
        let mut input = String::from("<div id=\"keep\"");
        for i in 0..n {
            input.push_str(&format!(" a{i}=\"v>{i}<\""));
        }
        input.push_str(">text</div>");
        let out = run(&input);
        assert_eq!(out.dropped_attrs, n + 1 - 256);
        assert!(out.html.contains(" a254=\"v>254<\""));
        assert!(!out.html.contains("a255="));
        assert!(out.html.ends_with(">text</div>"));

        let doc = scraper::Html::parse_document(&out.html);
        let sel = scraper::Selector::parse("#keep").expect("selector");
        let div = doc.select(&sel).next().expect("div parsed");
        assert_eq!(div.value().attrs().count(), 256);
        assert_eq!(div.text().collect::<String>(), "text");
    }

    #[test]
    fn attribute_drop_keeps_tag_shape() {
        let out = small("<img a=1 b='2' c=\"3\" d e=5 f=6/><p x y z w v>t</p>", 10);
        // An unquoted value runs to '>', so "f=6/" is a value, not a self-closing slash.
        assert_eq!(out.html, "<img a=1 b='2' c=\"3\" d ><p x y z w >t</p>");
        assert_eq!(out.dropped_attrs, 3);
    }

    #[test]
    fn big_text_node_passes_through() {
        let mut input = String::from("<html><body><p>");
        input.push_str(&"lorem ipsum dolor sit amet. ".repeat(50 * 1024 * 1024 / 28));
        input.push_str("</p></body></html>");
        let out = run(&input);
        match out.html {
            Cow::Borrowed(s) => assert!(std::ptr::eq(s, input.as_str())),
            Cow::Owned(_) => panic!("copied"),
        }
    }

    #[test]
    fn quoted_angle_brackets_do_not_confuse_it() {
        let input =
            r#"<div title="a > <div> b" data-x='<div><div>'><div alt=">>"><p>x</p></div></div>"#;
        let out = small(input, 3);
        assert!(matches!(out.html, Cow::Borrowed(_)));
        assert_eq!(out.max_depth_seen, 3);
        let out = small(input, 2);
        assert_eq!(
            out.html,
            r#"<div title="a > <div> b" data-x='<div><div>'><div alt=">>">x</div></div>"#
        );
    }

    #[test]
    fn raw_text_and_comments_are_not_counted() {
        let input = format!(
            "<script>var s = \"{d}\";</SCRIPT ><style>{d}</style><title>{d}</title>\
             <textarea>{d}</textarea><!-- {d} --><!--><![CDATA[{d}]]><noscript>{d}</noscript><p>ok</p>",
            d = "<div>".repeat(100)
        );
        let out = small(&input, 5);
        assert_eq!(out.emptied_raw, 2);
        assert_eq!((out.flattened_tags, out.dropped_attrs), (0, 0));
        assert_eq!(out.html.matches("<div>").count(), 500);
        assert_eq!(out.max_depth_seen, 1);
        // Inside svg, title is markup: what it holds counts.
        let svg = format!("<svg><title>{}</title></svg>", "<g>".repeat(50));
        assert_eq!(small(&svg, 1000).max_depth_seen, 52);
        // "/>" closes an svg child at once; in HTML "<div/>" is an open div.
        assert_eq!(small(&"<svg><path/></svg>".repeat(3), 10).max_depth_seen, 1);
        assert_eq!(small("<div/><div/><div/>", 10).max_depth_seen, 3);
        // Unterminated raw text or tag (which the tokenizer drops): nothing to touch.
        assert!(matches!(
            small("<script><div><div><div>", 1).html,
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            small("<div><div a='<div><div>", 1).html,
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn non_ascii_content_survives_edits() {
        let input = "<div>é<div>€<div>“x”</div>ü</div>ñ</div>";
        let out = small(input, 1);
        assert_eq!(out.html, "<div>é€“x”üñ</div>");
    }

    #[test]
    fn deep_page_parses_on_a_small_stack() {
        let handle = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(|| {
                let input = nested_divs(100_000);
                let out = run(&input);
                let doc = scraper::Html::parse_document(&out.html);
                let depth = tree_depth(&doc);
                (depth, text_of(&doc).len())
            })
            .expect("spawn");
        let (depth, text_len) = handle.join().expect("no stack overflow");
        assert!(depth <= 512 + 4, "depth {depth}");
        assert!(text_len > 100_000);
    }

    /// What `parse::parse` does: prescan, parse, bound; returns the parsed tree's depth.
    fn parsed_depth(input: &str, limit: usize) -> (usize, scraper::Html) {
        let out = prescan(
            input,
            &Limits {
                max_depth: limit,
                max_attrs: 8,
            ..Limits::default()
            },
        );
        let mut doc = scraper::Html::parse_document(&out.html);
        let (text, detached) = (text_of(&doc), orphans(&doc));
        bound_tree_depth(&mut doc, limit);
        assert_eq!(text_of(&doc), text, "the bound keeps all text");
        assert_eq!(orphans(&doc), detached, "the bound detaches nothing");
        (tree_depth(&doc), doc)
    }

    /// Depth of the tree the prescan alone lets html5ever build (before the bound).
    fn model_depth(input: &str, limit: usize) -> usize {
        let out = prescan(
            input,
            &Limits {
                max_depth: limit,
                max_attrs: 8,
            ..Limits::default()
            },
        );
        tree_depth(&scraper::Html::parse_document(&out.html))
    }

    /// Nodes in the arena not reachable from the root (html5ever leaves a few on some soup).
    fn orphans(doc: &scraper::Html) -> usize {
        doc.tree.nodes().count() - doc.tree.root().descendants().count()
    }

    /// Random short tag soup: the prescan's model alone keeps the parsed tree within twice the
    /// limit (worst seen: 25 for 16), which is what keeps parsing linear there. Exact
    /// agreement is not reached: tables, forms, templates and svg together have parser rules
    /// the model does not mirror. This guards the model against regressions.
    #[test]
    fn tag_soup_model_stays_within_twice_the_limit() {
        let limit = 16;
        let worst = (0..120)
            .map(|seed| (model_depth(&soup(seed, 3_000), limit), seed))
            .max()
            .unwrap_or_default();
        assert!(worst.0 <= 2 * limit, "seed {} parsed {} deep", worst.1, worst.0);
    }

    /// The bound itself holds exactly, on short and long soup alike: document → html → body →
    /// `limit` elements → a leaf.
    #[test]
    fn tag_soup_parses_within_the_limit() {
        for (seeds, tokens, limit) in [(0..120, 3_000, 16), (1000..1010, 100_000, 64)] {
            for seed in seeds {
                let input = soup(seed, tokens);
                let (depth, _) = parsed_depth(&input, limit);
                assert!(depth <= limit + 3, "seed {seed}: parsed {depth} deep at limit {limit}");
            }
        }
    }

    /// Long random soup is where the model drifts (seed 1008 parsed ~1,100 deep at limit 64
    /// with the model alone); with the bound the tree stays within the limit, and the bound
    /// keeps every character of text.
    #[test]
    fn long_tag_soup_stays_bounded() {
        let limit = 64;
        let mut worst = 0;
        for seed in 1000..1010 {
            let input = soup(seed, 100_000);
            let out = prescan(
                &input,
                &Limits {
                    max_depth: limit,
                    max_attrs: 8,
                ..Limits::default()
                },
            );
            let mut doc = scraper::Html::parse_document(&out.html);
            let (text, detached) = (text_of(&doc), orphans(&doc));
            let flattened = bound_tree_depth(&mut doc, limit);
            let depth = tree_depth(&doc);
            assert!(depth <= limit + 3, "seed {seed} parsed {depth} deep");
            assert_eq!(text_of(&doc), text, "seed {seed}: text lost");
            assert_eq!(orphans(&doc), detached, "seed {seed}");
            worst = worst.max(flattened);
        }
        // The bound did the work here: the model alone lets these parse far too deep.
        assert!(worst > 0);
    }

    /// Soup made of one family of parser rules at a time, each repeated far past the limit.
    #[test]
    fn soup_shapes_stay_within_the_limit() {
        let limit = 32;
        let n = 3_000;
        let shapes: Vec<(&str, String)> = vec![
            // Adoption agency: a formatting element closed across a block, again and again.
            ("misnested b/div", "<b><div>x</b>".repeat(n)),
            ("misnested a/p", "<a href=#><p>x</a>".repeat(n)),
            ("distinct formatting runs", (0..n).map(|i| format!("<i id={i}><p>y")).collect()),
            ("nobr pile", "<nobr><div>z".repeat(n)),
            // Foster parenting: content written straight into tables.
            ("table/div", "<table><div>x".repeat(n)),
            ("table/b/td", "<table><b><tr><td>x".repeat(n)),
            ("table in cell", "<table><tr><td>x".repeat(n)),
            ("caption and colgroup", "<table><caption><table><colgroup><div>".repeat(n)),
            // Foreign content and its integration points.
            ("svg foreignObject", "<svg><foreignObject><div>".repeat(n)),
            ("svg self-closing in html", "<svg></svg><path/><g>".repeat(n)),
            ("math mi", "<math><mi><span>".repeat(n)),
            ("svg title", "<svg><title><p>".repeat(n)),
            // Templates, forms, selects, buttons.
            ("template", "<template><div>".repeat(n)),
            ("template in table", "<table><template><tr><td><template>".repeat(n)),
            ("form", "<form><div></form>".repeat(n)),
            ("select in div", "<div><select><option><optgroup>".repeat(n)),
            ("button", "<button><div><button>".repeat(n)),
            ("unknown elements", "<x-a><y-b>".repeat(n)),
            ("end tags that do nothing", "<span><div></span></b></td>".repeat(n)),
            ("lists and headings", "<ul><li><h2><li><dl><dt><h3>".repeat(n)),
        ];
        for (name, input) in &shapes {
            let (depth, _) = parsed_depth(input, limit);
            assert!(depth <= limit + 3, "{name}: parsed {depth} deep");
        }
    }

    #[test]
    fn the_bound_flattens_a_deep_tree_in_document_order() {
        // Straight into the tree, past the prescan: the bound alone must hold.
        let input = format!(
            "<p>a</p>{}deep<br>text{}<p>z</p>",
            "<div><span>s</span>".repeat(20),
            "</div>".repeat(20)
        );
        let mut doc = scraper::Html::parse_document(&input);
        let before: String = doc.root_element().text().collect();
        let flattened = bound_tree_depth(&mut doc, 5);
        assert!(flattened > 0);
        assert_eq!(tree_depth(&doc), 5 + 3);
        assert_eq!(orphans(&doc), 0);
        let after: String = doc.root_element().text().collect();
        assert_eq!(after, before);
        let br = scraper::Selector::parse("br").expect("selector");
        assert_eq!(doc.select(&br).count(), 1, "childless elements are kept");
        // A page within the limit is left alone.
        let mut doc = scraper::Html::parse_document(&input);
        assert_eq!(bound_tree_depth(&mut doc, 64), 0);
        assert_eq!(tree_depth(&doc), 20 + 4, "document, html, body, 20 divs, span, text");
    }

    #[test]
    fn formatting_reconstruction_is_counted() {
        // Each round closes a run of distinct <b> implicitly; the parser re-creates the
        // whole run at the next tag, so unmodelled it would grow by `run` every round.
        let run_len = 40;
        let mut input = String::new();
        for round in 0..50 {
            input.push_str("<p>");
            for k in 0..run_len {
                input.push_str(&format!("<b id=r{round}k{k}>"));
            }
            input.push_str("<div>x</div>");
        }
        let out = prescan(
            &input,
            &Limits {
                max_depth: 64,
                max_attrs: 8,
            ..Limits::default()
            },
        );
        let depth = tree_depth(&scraper::Html::parse_document(&out.html));
        assert!(depth <= 64 + 4, "parsed {depth} deep");
        // End tags that only strike an entry from the list pop nothing.
        let input = "<b><p><b></p></b>".repeat(200);
        let out = prescan(
            &input,
            &Limits {
                max_depth: 64,
                max_attrs: 8,
            ..Limits::default()
            },
        );
        let depth = tree_depth(&scraper::Html::parse_document(&out.html));
        assert!(depth <= 64 + 4, "parsed {depth} deep");
    }

    #[test]
    fn identical_unclosed_formatting_does_not_pile_up() {
        // Noah's Ark: the parser keeps at most three identical entries, so sloppy pages
        // that never close <b> in their paragraphs stay shallow and untouched.
        let input = "<p><b>bold text</p>".repeat(5_000);
        let out = small(&input, 16);
        assert!(matches!(out.html, Cow::Borrowed(_)));
    }
}

#[cfg(test)]
mod emptied_raw_tests {
    //! Emptying script and style content must leave the parsed tree otherwise identical.
    use super::*;
    use ego_tree::iter::Edge;
    use scraper::{Html, Node};

    /// The tree in document order, leaving out the text of HTML script and style elements and,
    /// given a pruning, comment text, the attributes it drops and the length of white-space runs
    /// outside the elements whose white space is content (see [`space_shape`]).
    pub(super) fn shape(doc: &Html, prune: Option<&Prune>) -> String {
        let mut out = String::new();
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Text(t) => {
                        let raw_parent = node.parent().and_then(|p| p.value().as_element().map(|e| {
                            &*e.name.ns == "http://www.w3.org/1999/xhtml" && matches!(e.name(), "script" | "style")
                        }));
                        if raw_parent == Some(true) {
                        } else if prune.is_some() && !space_is_content(node) {
                            out.push_str(&format!("text{:?}", space_shape(t)));
                        } else {
                            out.push_str(&format!("text{:?}", &**t));
                        }
                    }
                    Node::Element(e) => {
                        out.push_str(&format!("<{:?} {:?}", e.name.ns, e.name()));
                        for (k, v) in e.attrs().filter(|(k, _)| !prune.is_some_and(|p| p.drops(k.as_bytes()))) {
                            out.push_str(&format!(" {k}={v:?}"));
                        }
                        out.push('>');
                    }
                    Node::Comment(_) if prune.is_some() => out.push_str("comment"),
                    Node::Comment(c) => out.push_str(&format!("comment{:?}", &**c)),
                    other => out.push_str(&format!("{other:?}")),
                },
                Edge::Close(node) if !node.value().is_text() => out.push_str("</>"),
                Edge::Close(_) => {}
            }
        }
        out
    }

    /// A text's white space as the pruning may leave it: each run of white space as its line
    /// breaks, or one space. A run shortened to nothing, or losing a line break, shows.
    fn space_shape(text: &str) -> String {
        let mut out = String::new();
        let mut run: Option<usize> = None;
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\x0C' | '\r') {
                *run.get_or_insert(0) += usize::from(c == '\n');
            } else {
                if let Some(breaks) = run.take() {
                    out.push_str(if breaks == 0 { " " } else { "" });
                    out.extend(std::iter::repeat_n('\n', breaks));
                }
                out.push(c);
            }
        }
        if let Some(breaks) = run {
            out.push_str(if breaks == 0 { " " } else { "" });
            out.extend(std::iter::repeat_n('\n', breaks));
        }
        out
    }

    /// Text whose white space the pruning must leave exactly as it is: inside pre, listing and
    /// the raw text elements, in templates, selects and svg/MathML (where the model may be
    /// unsure).
    fn space_is_content(text: ego_tree::NodeRef<'_, Node>) -> bool {
        text.ancestors().any(|a| {
            a.value().as_element().is_some_and(|e| {
                &*e.name.ns != "http://www.w3.org/1999/xhtml"
                    || matches!(
                        e.name(),
                        "pre" | "listing" | "textarea" | "plaintext" | "xmp" | "title" | "noscript" | "iframe" | "noembed"
                            | "noframes" | "template" | "select"
                    )
            })
        })
    }

    /// Parses `html` as is and after the prescan (whose limits it stays within); the trees
    /// must agree but for script/style text. Returns how many elements were emptied.
    fn check(html: &str) -> usize {
        let scanned = prescan(html, &Limits::default());
        assert_eq!((scanned.flattened_tags, scanned.dropped_attrs), (0, 0));
        let before = Html::parse_document(html);
        let after = Html::parse_document(&scanned.html);
        assert_eq!(shape(&before, None), shape(&after, None), "input: {html:?}\nprescanned: {:?}", scanned.html);
        scanned.emptied_raw
    }

    #[test]
    fn plain_script_and_style_are_emptied() {
        let page = r#"<html><head><style>p { color: red } a > b {}</style>
            <script>if (a < b && c > d) { x = "</div><p>"; }</script>
            <SCRIPT type="module">let y = 1 </SCRIPT>
            <script src="x.js"></script>
            </head><body><p>Text<script>document.write("<b>")</script> after</p>
            <style media="print">.x{}</style  ><script>a</script foo="b>c"></body></html>"#;
        assert_eq!(check(page), 6);
        let out = prescan(page, &Limits::default());
        assert!(!out.html.contains("color: red"));
        assert!(!out.html.contains("document.write"));
        assert!(out.html.contains(r#"<script>a</script foo="b>c">"#) || !out.html.contains(">a<"));
    }

    #[test]
    fn json_ld_is_kept() {
        for page in [
            r#"<script type="application/ld+json">{"@type":"NewsArticle"}</script>"#,
            r#"<script TYPE='Application/LD+JSON'>{"a":1}</script>"#,
            r#"<script type=application/ld&#43;json>{"a":1}</script>"#,
            r#"<script data-x type="text/javascript" type="application/ld+json">{"a":1}</script>"#,
        ] {
            let out = prescan(page, &Limits::default());
            assert_eq!(out.emptied_raw, 0, "{page}");
            assert!(matches!(out.html, Cow::Borrowed(_)));
            check(page);
        }
        let page = r#"<script data-type="application/ld+json">var a = 1;</script>"#;
        assert_eq!(check(page), 1);
    }

    #[test]
    fn uncertain_raw_text_is_left_alone() {
        for page in [
            // Script data escape states: the first "</script>" need not end it.
            "<script><!--<script></script>x</script><p>y</p>",
            "<script>a<!-- b --></script><p>y</p>",
            // svg and MathML script/style are ordinary elements with markup inside.
            "<svg><script>a<g>c</g></script><style>x<g>y</g></style></svg>",
            "<svg><g><style>.a{}</style></g></svg><p>z",
            "<math><annotation-xml><script>a<b>c</b></script></annotation-xml></math>",
            // In select and template, some of these start tags are ignored.
            "<select><style>a<option>b</option></style></select>",
            "<template><col><script>a<b>c</b></script></template>",
            // Frameset modes ignore script.
            "<frameset><script>a<frame></script></frameset>",
            // A CDATA section in HTML content is a bogus comment ending at the first '>'.
            "<![CDATA[ > <script> ]]> <style>x</style> </script><p>y",
            // No end tag: the content runs to the end of the input.
            "<p>x<script>a < b",
            "<p>x<style>a",
        ] {
            assert_eq!(check(page), 0, "{page}");
        }
    }

    #[test]
    fn comments_end_where_the_tokenizer_ends_them() {
        // "--!>" ends a comment: the script after it is real, and the one in the tail is not.
        let page = "<!-- a --!><script>x</script><p>y</p><!-- b -- > <style>z</style> -->";
        assert_eq!(check(page), 1);
        for page in ["<!--><script>x</script>", "<!---><style>x</style>", "<!----><style>x</style>", "<!----!><style>x</style>"] {
            assert_eq!(check(page), 1, "{page}");
        }
        assert_eq!(check("<!-- <script>x</script> --><p>y"), 0);
    }

    #[test]
    fn raw_text_after_closed_svg_and_in_integration_points() {
        assert_eq!(check("<svg><path d='M0'/></svg><script>a<b</script><style>q</style>"), 2);
        // Emptied only outside svg, even where the model knows the parser is back in HTML.
        assert_eq!(check("<svg><foreignObject><script>a<b</script></foreignObject></svg>"), 0);
    }

    #[test]
    fn fixture_and_fuzz_pages_keep_their_tree() {
        let mut emptied = 0;
        let mut pages = 0;
        for dir in ["fixtures", "fuzz/corpus/pipeline", "fuzz/corpus/clean"] {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            let Ok(entries) = std::fs::read_dir(&root) else { continue };
            for entry in entries.flatten() {
                let path = entry.path();
                let file = if path.is_dir() { path.join("input.html") } else { path };
                let Ok(bytes) = std::fs::read(&file) else { continue };
                let html = String::from_utf8_lossy(&bytes);
                let scanned = prescan(&html, &Limits::default());
                if scanned.flattened_tags + scanned.dropped_attrs > 0 {
                    continue;
                }
                emptied += check(&html);
                pages += 1;
            }
        }
        assert!(pages > 100, "{pages} pages");
        assert!(emptied > 20, "{emptied} emptied");
    }

    /// Random tag soup from the pieces the rules above are about.
    #[test]
    fn tag_soup_keeps_its_tree() {
        const PIECES: &[&str] = &[
            "<script>", "</script>", "<style>", "</style>", "<svg>", "</svg>", "<math>", "</math>",
            "<foreignObject>", "</foreignObject>", "<desc>", "<annotation-xml>", "<mi>", "<select>",
            "</select>", "<option>", "<template>", "</template>", "<col>", "<table>", "</table>",
            "<td>", "<tr>", "<frameset>", "<frame>", "<noscript>", "</noscript>", "<textarea>",
            "</textarea>", "<title>", "</title>", "<xmp>", "</xmp>", "<iframe>", "</iframe>",
            "<!--", "-->", "--!>", "<!-->", "<![CDATA[", "]]>", "<p>", "</p>", "<div>", "</div>",
            "<b>", "</b>", "<font color=red>", "<br>", "a<b", "x > y", "'", "\"", "<a href='>", "'>",
            "<script type=application/ld+json>", "<!DOCTYPE html>", "<?x>", "</ x>", "<plaintext>",
            "<head>", "<body>", "</body>", "</html>", "text ", "<script/>", "<style/>", "</script ",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut emptied = 0;
        for _ in 0..6000 {
            let len = 1 + next(24);
            let page: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            emptied += check(&page);
        }
        assert!(emptied > 100, "{emptied}");
    }
}

#[cfg(test)]
mod pruning_tests {
    //! Pruning leaves out comment text and unread attributes, and nothing else of the tree.
    use super::*;
    use scraper::Html;

    fn pruned(html: &str) -> Prescan<'_> {
        prescan_pruned(html, &Limits::default(), &Prune::default())
    }

    /// The tree in document order without comment text and the attributes a pruning drops.
    fn shape(doc: &Html) -> String {
        super::emptied_raw_tests::shape(doc, Some(&Prune::default()))
    }

    /// Parses `html` as is and pruned: the trees agree but for what pruning leaves out.
    fn check(html: &str) -> Prescan<'_> {
        let scanned = pruned(html);
        let before = Html::parse_document(html);
        let after = Html::parse_document(&scanned.html);
        let (b, a) = (shape(&before), shape(&after));
        let at = b.bytes().zip(a.bytes()).position(|(x, y)| x != y).unwrap_or(b.len().min(a.len()));
        assert!(b == a, "input: {html:?}\npruned: {:?}\nfirst difference: {:?} / {:?}", scanned.html, &b[at.saturating_sub(200)..(at + 100).min(b.len())], &a[at.saturating_sub(200)..(at + 100).min(a.len())]);
        scanned
    }

    #[test]
    fn unread_attributes_go_and_read_ones_stay() {
        let page = r#"<div class="a" data-track="x" onclick="go()" data-testid="byline" aria-describedby="l" aria-label="Video Player" aria-hidden="true" id=i>
            <img src=a.jpg data-src=b.jpg data-lazy-src="c" srcset="d 2x" data-srcset=e onload=f alt=g>
            <a href=h ONMOUSEOVER=i data-x>t</a><a href=j data-x=k>u</a><a data-x='>' href=l/>v</a>
            <svg viewBox="0 0 9 9" class=icon><path d="M0 0L9 9" fill="red"/><title>Share</title></svg></div>"#;
        let out = check(page);
        for gone in ["data-track", "onclick", "aria-describedby", "ONMOUSEOVER", "onload", "data-x", "viewBox", "M0 0L9 9", "fill="] {
            assert!(!out.html.contains(gone), "{gone} kept: {}", out.html);
        }
        for kept in [r#"class="a""#, r#"data-testid="byline""#, r#"aria-label="Video Player""#, r#"aria-hidden="true""#, "id=i", "src=a.jpg", "data-src=b.jpg",
            r#"data-lazy-src="c""#, r#"srcset="d 2x""#, "data-srcset=e", "alt=g", "<a href=h  >t</a>", "<a href=j >u</a>", "<a  href=l/>v</a>",
            "<path  />", "class=icon", "<title>Share</title>"] {
            assert!(out.html.contains(kept), "{kept} lost: {}", out.html);
        }
        assert_eq!(out.pruned_attrs, 11);
        // Without a pruning, or with a selector naming them, they stay.
        assert!(matches!(prescan(page, &Limits::default()).html, Cow::Borrowed(_)));
        let named = Prune::for_selectors(["div[data-track=x] .y", "a[onMouseOver]"]);
        let out = prescan_pruned(page, &Limits::default(), &named);
        assert!(out.html.contains(r#"data-track="x""#) && out.html.contains("ONMOUSEOVER=i"));
        assert!(!out.html.contains("onclick"));
        // Taking an attribute out never joins what was around it into a new name or a "/>".
        let out = check(r#"<scr data-a="1"ipt>alert(1)</script><svg><g /data-b=2><path/></g></svg>"#);
        assert_eq!(out.html, r#"<scr ipt>alert(1)</script><svg><g /data-b=2><path/></g></svg>"#);
        let escaped = Prune::for_selectors([r"[data\-track]"]);
        let out = prescan_pruned(page, &Limits::default(), &escaped);
        assert_eq!((out.pruned_attrs, out.emptied_comments), (0, 0));
        assert!(out.html.contains("data-track") && out.html.contains("M0 0L9 9"), "{}", out.html);
    }

    #[test]
    fn sizes_targets_and_namespaces_go() {
        let page = r##"<a href=x target=_blank TabIndex=0>t</a><img src=y width=10 height="20" sizes="50vw" decoding=async alt=z><svg xmlns="http://www.w3.org/2000/svg" focusable=false><use xlink:href="#i"/></svg>"##;
        let out = check(page);
        assert_eq!(out.pruned_attrs, 8, "{}", out.html);
        for kept in ["href=x", "src=y", "alt=z", r##"<use xlink:href="#i"/>"##] {
            assert!(out.html.contains(kept), "{kept} lost: {}", out.html);
        }
    }

    #[test]
    fn comments_keep_their_node_and_lose_their_text() {
        let page = "<p>a<!-- <p>b</p> -->c</p><!--[if IE]><script>x</script><![endif]--><!---x--!><p>d<!----><!-->e";
        let out = check(page);
        assert_eq!(out.html, "<p>a<!---->c</p><!----><!----!><p>d<!----><!-->e");
        assert_eq!(out.emptied_comments, 3);
        let doc = Html::parse_document(&out.html);
        let texts: Vec<&str> = doc.root_element().text().collect();
        assert_eq!(texts, ["a", "c", "d", "e"], "the text around a comment stays apart");
    }

    #[test]
    fn white_space_between_tags_keeps_its_line_breaks_or_one_space() {
        let page = "<html>\n  <body>\n\t\t<div>\n\t\t\t<p>a <b>b</b>   <i>c</i>\t\t<em>d</em> <u>e</u></p>\n\t\t</div>  \
                    <span>x</span>\r\n    \r\n<p>in  prose   <b>x</b> stays  \n  </p> \r \n<br><!-- c -->\n\n  <p>y</p>";
        let out = check(page);
        assert_eq!(
            out.html,
            "<html>\n<body>\n<div>\n<p>a <b>b</b> <i>c</i>\t<em>d</em> <u>e</u></p>\n</div> \
             <span>x</span>\r\n\r\n<p>in  prose   <b>x</b> stays  \n  </p>\r \n<br><!---->\n\n<p>y</p>"
        );
        assert_eq!(out.shortened_space, 20);
        // Between two inline elements the run stays a word separator: "b c", not "bc".
        let doc = Html::parse_document(&out.html);
        let text: String = doc.root_element().text().collect();
        assert!(text.contains("b c\td e"), "{text:?}");
        // Without a pruning nothing is shortened.
        assert!(matches!(prescan(page, &Limits::default()).html, Cow::Borrowed(_)));
    }

    #[test]
    fn white_space_that_is_content_stays() {
        for page in [
            "<pre>\n  <b>x</b>\n    <i>y</i>\n</pre>",
            "<pre><code>\n  <span>x</span>   <span>y</span></code>  </pre>",
            "<pre><div>  <p>  <b>x</b>  </p>  </div>  </pre>",
            "<listing>\n  <b>x</b>   </listing>",
            "<textarea>\n   <b>  </b>  </textarea>",
            "<title>  <b>  </b>  </title>",
            "<xmp>  <b>  </b>  </xmp>",
            "<plaintext>  <b>  </b>  ",
            "<svg>\n   <g>  </g>\n  <foreignObject>  <p>  </p>  </foreignObject></svg>",
            "<math>  <mi>  <b>x</b>  </mi>  </math>",
            "<select>  <option>a</option>   </select>",
            "<template>  <p>a</p>   </template>",
            // Where the model may drift: after a script whose end the escape states may move.
            "<script><!--<script></script>x</script>  <p>  </p>",
            "<![CDATA[ x ]]>  <p>  </p>",
        ] {
            let out = check(page);
            assert_eq!(out.shortened_space, 0, "{page}: {:?}", out.html);
        }
        // After a pre closes, its parent's white space is no longer content.
        let out = check("<div><pre>  <b>x</b>  </pre>   <p>y</p></div>");
        assert_eq!(out.html, "<div><pre>  <b>x</b>  </pre> <p>y</p></div>");
    }

    #[test]
    fn comments_are_left_where_the_tokenizer_may_not_see_them() {
        for page in [
            // After a script whose escape states may move its end.
            "<script><!--<script></script>x</script><p>y<!-- z --></p>",
            "<svg><g><!-- in svg --></g></svg>",
            "<template><!-- t --></template>",
            "<select><!-- s --></select>",
            "<![CDATA[ x ]]><!-- after cdata -->",
            "<textarea><!-- text --></textarea><title><!-- text --></title>",
        ] {
            let out = check(page);
            assert_eq!(out.emptied_comments, 0, "{page}");
        }
    }

    #[test]
    fn raw_end_tags_lose_attributes_after_the_content_goes() {
        let page = "<p>a<script>x()</script onclick=y><style>.a{}</style data-x=1>b";
        let out = check(page);
        assert_eq!(out.html, "<p>a<script></script ><style></style >b");
    }

    #[test]
    fn attribute_tokenizer_agrees_with_html5ever() {
        for attrs in [r#" a=1 b="2" c='3' d e = 5 f=>"#, r#" /x=1/ y="a>b" z='c"d'/>"#, " =a b==c>", r#" a="unterminated>"#, " a= ", " a b c>"] {
            let page = format!("<div{attrs}");
            let doc = Html::parse_fragment(&page);
            let parsed: Vec<(String, String)> = doc
                .root_element()
                .children()
                .filter_map(|c| c.value().as_element().map(|e| e.attrs().map(|(k, v)| (k.to_owned(), v.to_owned())).collect::<Vec<_>>()))
                .next()
                .unwrap_or_default();
            let b = page.as_bytes();
            let mut ours = Attrs::new(b, 4);
            let mut all: Vec<(String, String)> = Vec::new();
            let mut ours_valued: Vec<(String, String)> = Vec::new();
            for a in &mut ours {
                let name = String::from_utf8_lossy(&b[a.name.0..a.name.1]).to_ascii_lowercase();
                let value = a.value.map_or(String::new(), |(s, e)| String::from_utf8_lossy(&b[s..e]).into_owned());
                if a.value.is_some() {
                    ours_valued.push((name.clone(), value.clone()));
                }
                all.push((name, value));
            }
            // html5ever keeps the first of repeated names.
            let mut seen: Vec<(String, String)> = Vec::new();
            for (name, value) in &all {
                if !seen.iter().any(|(n, _)| n == name) {
                    seen.push((name.clone(), value.clone()));
                }
            }
            if ours.close == Close::Eof {
                assert!(parsed.is_empty(), "{page:?}: html5ever kept an unfinished tag");
                continue;
            }
            assert_eq!(seen, parsed, "{page:?}");
            // attr_values reads the same tokens.
            let values: Vec<String> = attr_values(&b[4..], b"B").map(|v| String::from_utf8_lossy(v).into_owned()).collect();
            let expected: Vec<String> = ours_valued.iter().filter(|(n, _)| n == "b").map(|(_, v)| v.clone()).collect();
            assert_eq!(values, expected, "{page:?}");
        }
    }

    #[test]
    fn fixture_fuzz_and_soup_pages_keep_their_tree() {
        let mut pruned_attrs = 0;
        let mut comments = 0;
        let mut space = 0;
        let mut pages = 0;
        for dir in ["fixtures", "fuzz/corpus/pipeline", "fuzz/corpus/clean"] {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            let Ok(entries) = std::fs::read_dir(&root) else { continue };
            for entry in entries.flatten() {
                let path = entry.path();
                let file = if path.is_dir() { path.join("input.html") } else { path };
                let Ok(bytes) = std::fs::read(&file) else { continue };
                let html = String::from_utf8_lossy(&bytes);
                let scanned = prescan(&html, &Limits::default());
                if scanned.flattened_tags + scanned.dropped_attrs > 0 {
                    continue;
                }
                let out = check(&html);
                pruned_attrs += out.pruned_attrs;
                comments += out.emptied_comments;
                space += out.shortened_space;
                pages += 1;
            }
        }
        assert!(pages > 100, "{pages} pages");
        assert!(pruned_attrs > 100 && comments > 10 && space > 1000, "{pruned_attrs} attributes, {comments} comments, {space} spaces");
        const PIECES: &[&str] = &[
            "<script>", "</script>", "<style>", "<svg>", "</svg>", "<math>", "<foreignObject>", "<select>", "</select>",
            "<template>", "</template>", "<table>", "<td>", "<frameset>", "<textarea>", "</textarea>", "<title>", "</title>",
            "<!--", "-->", "--!>", "<!-->", "<![CDATA[", "]]>", "<p>", "</p>", "<b onclick=x>", "<b>", "</b>", "<a data-x=1 href=y>",
            "<a href=y>", "</a>", "<path d='M0'/>", "a<b", "'", "\"", "<div aria-label='>'>", "'>", "<!-- c -->", "text ", "</ x>",
            "<scr data-a='1'ipt>", "<svg><style data-x=1>", "<g /onclick=1>", "<title>", "<math><mi>",
            // White space between tags, and the elements whose white space is content.
            "\n  ", "   ", "\t", "\r\n ", " \r \n", "\u{c} ", "<pre>", "</pre>", "<listing>", "</listing>", "<i>", "</i>",
            "<span>", "</span>", "<xmp>", "</xmp>", "<plaintext>", "<div>", "</div>", "<li>", "<table>", "<tr>", "</table>",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut soup_space = 0;
        for _ in 0..6000 {
            let len = 1 + next(24);
            let page: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            soup_space += check(&page).shortened_space;
        }
        assert!(soup_space > 1000, "{soup_space}");
    }

    /// The pruning list is only right while no stage reads what it leaves out: a new
    /// `attr("data-…")` (or `aria-…`, `on…`, `width`, …) in a stage that reads the input tree
    /// fails here until `DATA_READ` or `unread_name` learns of it.
    #[test]
    fn no_stage_reads_a_pruned_attribute() {
        // Literals in these files that look like attribute names but are words (and "d", a letter
        // the judge folds accented ones to).
        const WORDS: &[&str] = &["online", "onderwerpen", "d"];
        let stages = [
            ("extract/mod.rs", include_str!("extract/mod.rs")),
            ("extract/body.rs", include_str!("extract/body.rs")),
            ("extract/furniture.rs", include_str!("extract/furniture.rs")),
            ("extract/jsonld.rs", include_str!("extract/jsonld.rs")),
            ("extract/metadata.rs", include_str!("extract/metadata.rs")),
            ("extract/text.rs", include_str!("extract/text.rs")),
            ("judge.rs", include_str!("judge.rs")),
            ("clean.rs", include_str!("clean.rs")),
            ("profile.rs", include_str!("profile.rs")),
            ("pattern.rs", include_str!("pattern.rs")),
        ];
        let prune = Prune::default();
        let mut read_and_pruned = Vec::new();
        for (file, source) in stages {
            for literal in source.split('"').skip(1).step_by(2) {
                let attribute_like = !literal.is_empty()
                    && literal.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b':');
                // A bare prefix would mean a stage reads a whole family of attributes.
                if literal == "data-" || literal == "aria-" {
                    read_and_pruned.push(format!("{file}: prefix {literal:?}"));
                } else if attribute_like && !WORDS.contains(&literal) && prune.drops(literal.as_bytes()) {
                    read_and_pruned.push(format!("{file}: {literal:?}"));
                }
            }
        }
        assert!(read_and_pruned.is_empty(), "pruned before the parse but named by a stage: {read_and_pruned:?}");
        // The check itself catches what it is for.
        assert!(prune.drops(b"data-caption") && prune.drops(b"onclick") && prune.drops(b"aria-describedby"));
    }
}

//! Text helpers shared by extraction, cleaning and verification: whitespace folding and the text of
//! a subtree, walked without recursion (input trees can be deep).

use std::borrow::Cow;

use ego_tree::NodeId;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

use crate::parse::NodeMap;

/// Character references left in text that never went through an HTML parser (JSON-LD strings, which
/// CMSs fill with `&#8217;` and `&nbsp;`) or went through it once too few times (`&amp;#8217;` in a
/// meta tag), decoded the way a browser would. Text without a reference is returned as is.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if !has_reference(text) {
        return Cow::Borrowed(text);
    }
    // Markup in such strings is never meant as markup: only the references are read, as the
    // tokenizer reads them in text. A carriage return, a NUL or a leading U+FEFF (which the
    // parser treats on its own) goes through a parse of the fragment instead.
    if !text.starts_with('\u{feff}')
        && let Some(decoded) = crate::parse::decode_text(text)
    {
        return Cow::Owned(decoded);
    }
    let escaped = text.replace('<', "&lt;");
    let fragment = scraper::Html::parse_fragment(&escaped);
    Cow::Owned(fragment.root_element().text().collect())
}

/// Whether `text` holds something shaped like `&name;`, `&#123;` or `&#x1F;`.
fn has_reference(text: &str) -> bool {
    text.match_indices('&').any(|(i, _)| {
        let rest = &text.as_bytes()[i + 1..];
        let body = rest.iter().take(10).take_while(|b| b.is_ascii_alphanumeric() || **b == b'#').count();
        body > 0 && rest.get(body) == Some(&b';')
    })
}

/// Collapse runs of whitespace (including non-breaking spaces) to one space and trim.
pub fn collapse(text: &str) -> String {
    let mut c = Collapser { out: String::with_capacity(text.len()), pending_space: false };
    c.push_str(text);
    c.out
}

/// Whether `pieces`, joined and collapsed, are `text`: `collapse(&pieces.concat()) == text`, reading
/// no more of the pieces than it takes to tell. What it reads is bounded by the collapsed length,
/// not the raw one, so white space (the indentation between an element's tags, however deep)
/// never decides the answer.
pub fn collapses_to<'s>(pieces: impl IntoIterator<Item = &'s str>, text: &str) -> bool {
    let mut c = Collapser { out: String::with_capacity(text.len() + 1), pending_space: false };
    let mut checked = 0;
    for piece in pieces {
        // One byte past `text` tells a longer text apart.
        c.push_str_until(piece, text.len() + 1);
        // The output only grows at its end: what it holds opens the final text.
        let out = c.out.as_bytes();
        if out.len() > text.len() || text.as_bytes().get(checked..out.len()) != out.get(checked..) {
            return false;
        }
        checked = out.len();
    }
    c.out.len() == text.len()
}

/// [`collapse`] fed piece by piece: the same result as collapsing the concatenation, without
/// building it first.
struct Collapser {
    out: String,
    pending_space: bool,
}

impl Collapser {
    fn push_str(&mut self, text: &str) {
        self.push_str_until(text, usize::MAX);
    }

    /// [`Collapser::push_str`] that stops once the output holds `cap` bytes or more; returns how
    /// much of `text` it took (the rest, pushed later, gives the same output).
    fn push_str_until(&mut self, text: &str, cap: usize) -> usize {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if self.out.len() >= cap {
                return i;
            }
            let b = bytes[i];
            if (0x21..0x7f).contains(&b) {
                // A run of printable ASCII goes in whole.
                let start = i;
                let room = cap.saturating_sub(self.out.len()).max(1);
                let end = bytes.len().min(start.saturating_add(room));
                // One space between two printable characters is its own output too: prose goes
                // in a sentence at a time, not a word at a time.
                let printable = |b: u8| (0x21..0x7f).contains(&b);
                i = start + 1;
                while i < end {
                    if printable(bytes[i]) {
                        i += 1;
                    } else if bytes[i] == b' ' && i + 1 < end && printable(bytes[i + 1]) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                if self.pending_space {
                    self.out.push(' ');
                    self.pending_space = false;
                }
                self.out.push_str(&text[start..i]);
                continue;
            }
            if is_ascii_space(b) {
                // A run of ASCII white space, as `push_char` takes each of its bytes (the output
                // does not change within it).
                self.pending_space = !self.out.is_empty();
                i += 1;
                while i < bytes.len() && is_ascii_space(bytes[i]) {
                    i += 1;
                }
                continue;
            }
            let c = if b < 0x80 { char::from(b) } else { text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER) };
            i += c.len_utf8();
            self.push_char(c);
        }
        i
    }

    fn push_char(&mut self, c: char) {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' || c == '\u{feff}' {
            self.pending_space = !self.out.is_empty();
        } else if c.is_control() {
            // NUL and other control characters (JSON-LD can carry them as \u0000) are dropped.
        } else {
            if self.pending_space {
                self.out.push(' ');
                self.pending_space = false;
            }
            self.out.push(c);
        }
    }
}

/// The ASCII characters `char::is_whitespace` takes (with U+000B and U+000C).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// `text.trim()`: the ASCII white space at either end (most text nodes between tags are nothing
/// else) is stripped byte by byte; `str::trim` runs on the rest only when a non-ASCII character
/// ends it.
pub fn trim(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() && is_ascii_space(bytes[start]) {
        start += 1;
    }
    let mut end = bytes.len();
    while end > start && is_ascii_space(bytes[end - 1]) {
        end -= 1;
    }
    let inner = &text[start..end];
    match (inner.as_bytes().first(), inner.as_bytes().last()) {
        (Some(&first), Some(&last)) if first >= 0x80 || last >= 0x80 => inner.trim(),
        _ => inner,
    }
}

/// How many commas (`,`, and the full-width, ideographic and Arabic ones) `text` holds: what
/// `text.matches([',', '，', '、', '،']).count()` counts, without decoding every character.
pub fn count_commas(text: &str) -> usize {
    let bytes = text.as_bytes();
    let ascii = bytes.iter().filter(|&&b| b == b',').count();
    if bytes.is_ascii() {
        return ascii;
    }
    // '，' is EF BC 8C, '、' E3 80 81, '،' D8 8C.
    ascii
        + memchr::memchr3_iter(0xef, 0xe3, 0xd8, bytes)
            .filter(|&i| matches!(&bytes[i..], [0xef, 0xbc, 0x8c, ..] | [0xe3, 0x80, 0x81, ..] | [0xd8, 0x8c, ..]))
            .count()
}

/// The collapsed text of an element, leaving out script/style/template/noscript content.
pub fn element_text(element: ElementRef<'_>) -> String {
    text_within(element, usize::MAX).unwrap_or_default()
}

/// [`element_text`] when it is shorter than `limit` bytes, else `None`, reading no more of a large
/// element than that.
pub fn element_text_within(element: ElementRef<'_>, limit: usize) -> Option<String> {
    text_within(element, limit)
}

/// The texts shorter than a limit of many elements of one page, from one walk of the whole tree:
/// what [`element_text_within`] gives for each of them, without walking each one's subtree again
/// (nested wrappers share their text; a page's `p`, `span` and `div` elements are thousands).
///
/// The walk collapses the page's text once (the same [`Collapser`], the same elements skipped and
/// breaking) and notes where each wanted element's text starts and ends in it: an element's own
/// collapse is that stretch without the space the stretch may open with (an element's text never
/// opens with a space; the page's text has one there when text came before). Text that no open
/// wanted element still needs is not collapsed: once the innermost one holds `limit` bytes, the
/// ones around it, which hold its text and more, do too.
pub struct ShortTexts {
    text: String,
    limit: usize,
    /// Start and end of each wanted element's text in `text`; the end is `usize::MAX` when the
    /// text reaches the limit. Elements inside a non-text element (an `<object>`) or outside the
    /// tree are not walked and have no entry.
    spans: NodeMap<(usize, usize)>,
}

impl ShortTexts {
    /// The texts of the elements `wanted` picks, each read up to `limit` bytes (at least one:
    /// [`element_text_within`] with a limit of 0 tells elements without text nodes apart).
    pub fn new(html: &Html, limit: usize, wanted: impl Fn(&Element) -> bool) -> ShortTexts {
        assert!(limit > 0, "a limit of at least one byte");
        let mut page = Collapser { out: String::new(), pending_space: false };
        let mut spans = NodeMap::new(&html.tree);
        let mut open: Vec<(NodeId, usize)> = Vec::new();
        let mut skip_depth = 0usize;
        let long = |out: &str, start: usize| {
            let own = &out.as_bytes()[start..];
            own.len() - usize::from(own.first() == Some(&b' ')) >= limit
        };
        for edge in html.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => match node.value() {
                    Node::Element(e) if is_non_text(e.name()) => skip_depth += 1,
                    Node::Element(e) if skip_depth == 0 => {
                        if wanted(e) {
                            open.push((node.id(), page.out.len()));
                        }
                        if is_breaking(e.name()) {
                            page.push_char(' ');
                        }
                    }
                    Node::Text(t) if skip_depth == 0 => {
                        if let Some(&(_, start)) = open.last()
                            && !long(&page.out, start)
                        {
                            // One byte more than the limit: room for the opening space.
                            page.push_str_until(t, start.saturating_add(limit).saturating_add(1));
                        }
                    }
                    _ => {}
                },
                ego_tree::iter::Edge::Close(node) => {
                    if let Node::Element(e) = node.value() {
                        if is_non_text(e.name()) {
                            skip_depth -= 1;
                        } else if skip_depth == 0 {
                            if is_breaking(e.name()) {
                                page.push_char(' ');
                            }
                            if open.last().is_some_and(|(id, _)| *id == node.id()) {
                                let (id, start) = open.pop().expect("an open element");
                                let end = if long(&page.out, start) { usize::MAX } else { page.out.len() };
                                spans.insert(id, (start, end));
                            }
                        }
                    }
                }
            }
        }
        ShortTexts { text: page.out, limit, spans }
    }

    /// [`element_text_within`] of `element` and the limit.
    pub fn within<'s>(&'s self, element: ElementRef<'_>) -> Option<Cow<'s, str>> {
        match self.spans.get(&element.id()) {
            Some(&(_, usize::MAX)) => None,
            Some(&(start, end)) => {
                let own = &self.text[start..end];
                Some(Cow::Borrowed(own.strip_prefix(' ').unwrap_or(own)))
            }
            None => element_text_within(element, self.limit).map(Cow::Owned),
        }
    }

}

fn text_within(element: ElementRef<'_>, limit: usize) -> Option<String> {
    text_checked(element, limit, false, |_| false)
}

/// [`element_text`] with a space where the texts of two nodes meet between letters or digits:
/// a byline's name and role are often elements of their own that only style sets apart ("Jane
/// Doe<span class=role>Senior Reporter</span>", "<span>By</span><span>Jane Doe</span>").
pub fn element_words(element: ElementRef<'_>) -> String {
    text_checked(element, usize::MAX, true, |_| false).unwrap_or_default()
}

/// [`element_words`] without the text of the elements `leave_out` picks (and of their
/// descendants).
pub fn element_words_without(element: ElementRef<'_>, leave_out: impl Fn(ElementRef<'_>) -> bool) -> String {
    text_checked(element, usize::MAX, true, leave_out).unwrap_or_default()
}

/// The collapsed text, or None once it reaches `limit` bytes. With `words`, two text nodes that
/// meet between letters or digits are set apart by a space ([`element_words`]).
fn text_checked(element: ElementRef<'_>, limit: usize, words: bool, leave_out: impl Fn(ElementRef<'_>) -> bool) -> Option<String> {
    let mut text = Collapser { out: String::new(), pending_space: false };
    let mut skip_depth = 0usize;
    let skipped = |node: ego_tree::NodeRef<'_, Node>, e: &scraper::node::Element| is_non_text(e.name()) || ElementRef::wrap(node).is_some_and(&leave_out);
    for edge in element.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(e) if skipped(node, e) => skip_depth += 1,
                Node::Element(e) if skip_depth == 0 && is_breaking(e.name()) => text.push_char(' '),
                Node::Text(t) if skip_depth == 0 => {
                    if words && text.out.ends_with(char::is_alphanumeric) && t.starts_with(char::is_alphanumeric) {
                        text.push_char(' ');
                    }
                    text.push_str_until(t, limit);
                    if text.out.len() >= limit {
                        return None;
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skipped(node, e) {
                        skip_depth -= 1;
                    } else if skip_depth == 0 && is_breaking(e.name()) {
                        text.push_char(' ');
                    }
                }
            }
        }
    }
    Some(text.out)
}

/// The months' first three letters, lower-case: the literal prerequisites of date patterns, and
/// what a month's name opens with.
pub const MONTH_OPENINGS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// The letters and digits of an ASCII text, lower-cased ("The Hill" → "thehill"): the key names
/// are compared by. Collected as bytes, which is several times cheaper than `char` by `char`.
pub fn ascii_alnum_lower(text: &str) -> String {
    debug_assert!(text.is_ascii());
    let bytes: Vec<u8> = text.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_lowercase()).collect();
    String::from_utf8(bytes).expect("ASCII in, ASCII out")
}

/// A name's key: its letters and digits, each lower-cased ("The Hill" and "TheHill" → "thehill").
/// Names are compared by it in extract and in the judge; letters are filtered before they are
/// lower-cased, one by one, so the key is the one `same_outlet` compares without building it.
pub fn alnum_key(name: &str) -> String {
    if name.is_ascii() {
        return ascii_alnum_lower(name);
    }
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The hash of a name's key, from its bytes: the same for a `&str` and for the same bytes produced
/// one by one, so a key can be hashed without building it. Sets of keys built once per process
/// hold these instead of strings.
pub fn key_hash(bytes: impl Iterator<Item = u8>) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    for b in bytes {
        hasher.write_u8(b);
    }
    hasher.finish()
}

/// The first agency a credit names, when it names agencies and nothing else but an editor's
/// lower-case initials: "dpa/AFP", "Reuters and AP", "Par l'AFP", "Von dpa/mj", "(dpa)". `agency`
/// looks one piece up ("AFP", "Europa Press"). Extract takes such a byline element as the byline
/// and the judge refuses the story for it: both read a credit with this one function.
pub fn only_agencies<T>(text: &str, agency: impl FnMut(&str) -> Option<T>) -> Option<T> {
    only_agencies_besides(text, agency, |_| false)
}

/// As [`only_agencies`], where pieces that are `besides` (the site's own name: "Quelle: ntv.de,
/// mau/dpa") may stand among the agencies without being one.
pub fn only_agencies_besides<T>(text: &str, mut agency: impl FnMut(&str) -> Option<T>, besides: impl Fn(&str) -> bool) -> Option<T> {
    const BY: &[&str] = &["by ", "par ", "por ", "von ", "di ", "door "];
    let mut found = None;
    let pieces = text.split([',', '/', ';', '&', '+', '|']).flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" und ")).flat_map(|p| p.split(" y ")).flat_map(|p| p.split(" et "));
    for piece in pieces {
        let mut piece = piece.trim().trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '.' | ':'));
        if let Some(by) = BY.iter().find(|by| piece.len() > by.len() && piece.get(..by.len()).is_some_and(|head| head.eq_ignore_ascii_case(by))) {
            piece = piece[by.len()..].trim_start();
        }
        let piece = piece.strip_prefix("l'").or_else(|| piece.strip_prefix("l’")).unwrap_or(piece);
        if piece.is_empty() {
            continue;
        }
        match agency(piece) {
            Some(a) => found = found.or(Some(a)),
            None if piece.len() <= 4 && piece.bytes().all(|b| b.is_ascii_lowercase()) => {}
            None if besides(piece) => {}
            None => return None,
        }
    }
    found
}

/// "http:https://example.com/…", "https://http://example.com/…": a template that prefixed a
/// scheme to a value that had one already. Read as it stands, the host would be "https".
pub fn without_doubled_scheme(href: &str) -> &str {
    fn after_scheme(s: &str) -> Option<&str> {
        ["https:", "http:"]
            .into_iter()
            .find(|p| s.len() > p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
            .map(|p| s[p.len()..].trim_start_matches('/'))
    }
    match after_scheme(href) {
        Some(rest) if after_scheme(rest).is_some_and(|inner| !inner.is_empty()) && rest.contains("://") => rest,
        _ => href,
    }
}

/// Whether `text` contains one of `words` (ASCII, lower-case), ignoring ASCII case: the literal
/// prerequisite of a case-insensitive pattern, checked before the pattern is built or run. Case-
/// insensitive patterns also fold the long s and the Kelvin sign to ASCII letters: a text holding
/// either always passes.
pub fn may_contain_any(text: &str, words: &[&str]) -> bool {
    let bytes = text.as_bytes();
    words.iter().any(|w| contains_ignore_ascii_case(bytes, w.as_bytes())) || has_ascii_folding(bytes)
}

/// Social networks and messengers: a link there goes to someone's account, never to the outlet
/// that published a story.
const SOCIAL_HOSTS: &[&str] = &[
    "twitter.com", "x.com", "facebook.com", "instagram.com", "linkedin.com", "threads.net", "bsky.app", "t.me", "youtube.com", "tiktok.com", "pinterest.com",
    "wa.me", "whatsapp.com",
];

/// Whether `host` (lower-case) is one of [`SOCIAL_HOSTS`] or below one ("m.facebook.com").
pub fn is_social_host(host: &str) -> bool {
    SOCIAL_HOSTS.iter().any(|n| host.strip_suffix(n).is_some_and(|rest| rest.is_empty() || rest.ends_with('.')))
}

/// `text` after `prefix` when it opens with it, ignoring ASCII case ("Special to The Sun" after
/// "special to ").
pub fn strip_prefix_ignore_ascii_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    // Equal bytes but for ASCII case end on the same character boundary as `prefix`.
    text.as_bytes().get(..prefix.len()).filter(|head| head.eq_ignore_ascii_case(prefix.as_bytes())).map(|_| &text[prefix.len()..])
}

/// Whether `needle` occurs in `haystack`, ignoring ASCII case. The places where its first byte
/// (either case) occurs are found with `memchr` (SIMD); only those are compared.
pub fn contains_ignore_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else { return true };
    if needle.len() > haystack.len() {
        return false;
    }
    // A match cannot start after this.
    let last_start = haystack.len() - needle.len();
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let matches_at = |i: usize| haystack[i + 1..i + needle.len()].eq_ignore_ascii_case(rest);
    let head = &haystack[..=last_start];
    if lower == upper {
        memchr::memchr_iter(first, head).any(matches_at)
    } else {
        memchr::memchr2_iter(lower, upper, head).any(matches_at)
    }
}

/// Whether `text` holds the long s (U+017F) or the Kelvin sign (U+212A), which case-insensitive
/// patterns fold to ASCII letters. Their UTF-8 forms open with 0xC5 and 0xE2.
fn has_ascii_folding(bytes: &[u8]) -> bool {
    !bytes.is_ascii()
        && memchr::memchr2_iter(0xc5, 0xe2, bytes).any(|i| matches!(&bytes[i..], [0xc5, 0xbf, ..] | [0xe2, 0x84, 0xaa, ..]))
}

/// Elements whose content is never readable text.
pub fn is_non_text(name: &str) -> bool {
    matches!(name, "script" | "style" | "template" | "noscript" | "svg" | "math" | "head" | "title" | "textarea" | "select" | "option" | "iframe" | "object")
}

/// Elements that separate words even when the markup has no whitespace around them.
pub fn is_breaking(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "br" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote"
            | "td" | "th" | "tr" | "table" | "section" | "article" | "header" | "footer" | "figure"
            | "figcaption" | "pre" | "dd" | "dt" | "hr" | "aside" | "nav" | "main" | "address"
    )
}

/// Block-level elements: a div containing one of these is a container, not a paragraph.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "table"
            | "section" | "article" | "header" | "footer" | "figure" | "pre" | "dl" | "aside" | "nav"
            | "main" | "form" | "hr" | "address" | "details" | "fieldset"
    )
}

/// Count of words in a text (runs of alphanumerics).
pub fn word_count(text: &str) -> usize {
    // Counts the starts of runs; decodes only non-ASCII characters.
    let bytes = text.as_bytes();
    let (mut count, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let (len, alphanumeric) = if bytes[i] < 0x80 {
            (1, bytes[i].is_ascii_alphanumeric())
        } else {
            let c = text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
            (c.len_utf8(), c.is_alphanumeric())
        };
        count += usize::from(alphanumeric && !in_word);
        in_word = alphanumeric;
        i += len;
    }
    count
}

/// Korean's syllables.
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{ac00}'..='\u{d7af}')
}

/// Han, kana, hangul, Thai, Lao, Burmese and Khmer: scripts that do not space their words. A
/// headline in them is long in characters rather than words, and a label runs into the next word.
pub fn written_without_spaces(c: char) -> bool {
    is_cjk(c) || matches!(c, '\u{0e00}'..='\u{0eff}' | '\u{1000}'..='\u{109f}' | '\u{1780}'..='\u{17ff}')
}

/// Han, kana and hangul: scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The substring test as it was before `memchr`: the oracle.
    fn may_contain_any_by_windows(text: &str, words: &[&str]) -> bool {
        let bytes = text.as_bytes();
        words.iter().any(|w| {
            let w = w.as_bytes();
            w.len() <= bytes.len() && bytes.windows(w.len()).any(|window| window.eq_ignore_ascii_case(w))
        }) || text.contains(['ſ', '\u{212a}'])
    }

    #[test]
    fn a_credit_of_agencies_alone() {
        let agency = |piece: &str| ["dpa", "AFP", "AP", "Reuters", "Europa Press"].contains(&piece).then_some(piece.to_owned());
        for (credit, first) in [("dpa/AFP", "dpa"), ("Reuters and AP", "Reuters"), ("Par l'AFP", "AFP"), ("Von dpa/mj", "dpa"), ("(dpa)", "dpa"), ("Europa Press", "Europa Press"), ("By AP | Reuters", "AP")] {
            assert_eq!(only_agencies(credit, agency).as_deref(), Some(first), "{credit}");
        }
        // A person, an unknown outlet or initials alone credit no agency.
        for credit in ["Jane Doe, AP", "AP and Harbor Sun", "red/mj", "", "Europa"] {
            assert_eq!(only_agencies(credit, agency), None, "{credit}");
        }
    }

    #[test]
    fn may_contain_any_agrees_with_the_window_scan() {
        let pieces = ["by", "BY", "b", "y", " ", "staff", "StAfF", "sta", "ſ", "\u{212a}", "é", "ł", "\u{2028}", "-", "on", "O", "x", "\u{17e}"];
        let word_sets: &[&[&str]] = &[&["by"], &["staff", "wire"], &["on"], &["-x", "b"], &["entry-title", "headline"], &["by ", "ſ"]];
        let mut random = crate::testing::Pieces::new(11);
        for _ in 0..20_000 {
            let text = random.text(&pieces, 9);
            for words in word_sets {
                assert_eq!(may_contain_any(&text, words), may_contain_any_by_windows(&text, words), "{text:?} {words:?}");
            }
        }
        assert!(contains_ignore_ascii_case(b"x", b""));
        assert!(!contains_ignore_ascii_case(b"", b"a"));
    }

    #[test]
    fn collapsing_in_runs_agrees_with_char_by_char() {
        let pieces = ["a", "Bc", " ", "  ", "\t", "\n ", "x y", "é", "\u{a0}", "\u{200b}", "\u{0}", "\u{85}", "\u{3000}", "~", "\u{7f}", "z "];
        let mut random = crate::testing::Pieces::new(3);
        for _ in 0..20_000 {
            let text = random.text(&pieces, 12);
            let mut by_char = Collapser { out: String::new(), pending_space: false };
            text.chars().for_each(|c| by_char.push_char(c));
            assert_eq!(collapse(&text), by_char.out, "{text:?}");
            // Pushed in capped steps, the output is the same.
            let cap_step = 1 + random.current_below(5);
            let mut capped = Collapser { out: String::new(), pending_space: false };
            let mut rest = text.as_str();
            while !rest.is_empty() {
                let cap = capped.out.len() + cap_step;
                let taken = capped.push_str_until(rest, cap);
                assert!(taken == rest.len() || capped.out.len() >= cap, "{text:?}");
                rest = &rest[taken..];
            }
            assert_eq!(capped.out, by_char.out, "{text:?} {cap_step}");
        }
    }

    #[test]
    fn collapses_to_agrees_with_collapse() {
        let pieces = ["a", "Bc", " ", "  ", "\t", "\n ", "x y", "é", "\u{a0}", "\u{0}", "\n\t\t\t\t\t\t\t\t\t\t\t\t", "z ", "|", "|"];
        let targets = ["", "a", "a Bc", "Bc x y", "a a", "é z", "x y z", "a\u{a0}"];
        let mut random = crate::testing::Pieces::new(5);
        let mut matched = 0;
        for _ in 0..20_000 {
            // '|' cuts the text into the pieces handed over one by one.
            let split = random.text(&pieces, 8);
            let joined: Vec<&str> = split.split('|').collect();
            let target = targets[random.below(targets.len())];
            let whole = collapse(&joined.concat()) == target;
            matched += usize::from(whole);
            assert_eq!(collapses_to(joined.iter().copied(), target), whole, "{joined:?} {target:?}");
        }
        assert!(matched > 100, "{matched}");
        // Indentation, however deep, is not text.
        let indented = format!("{0}Provided by{0}", "\n".to_owned() + &"\t".repeat(200));
        assert!(collapses_to([indented.as_str(), "Wire", "\n\n"], "Provided by Wire"));
        assert!(!collapses_to([indented.as_str(), "Wire", "s"], "Provided by Wire"));
    }

    #[test]
    fn trims_and_counts_commas_as_the_standard_library_does() {
        let pieces = [" ", "\n", "\t", "\u{b}", "\u{c}", "\r", "\u{a0}", "\u{3000}", "\u{85}", "\u{1c}", "a", ",", "，", "、", "،", "é", "\u{202f}", "x,y"];
        let mut random = crate::testing::Pieces::new(9);
        for _ in 0..20_000 {
            let text = random.text(&pieces, 10);
            assert_eq!(trim(&text), text.trim(), "{text:?}");
            assert_eq!(count_commas(&text), text.matches([',', '，', '、', '،']).count(), "{text:?}");
        }
    }

    #[test]
    fn counts_words() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("  one, two-three\u{a0}é4 ½ 中文  "), 6);
        assert_eq!(word_count("x"), 1);
    }

    #[test]
    fn collapses_whitespace_and_nbsp() {
        assert_eq!(collapse("  a \n\t b\u{a0}\u{a0}c  "), "a b c");
        assert_eq!(collapse(""), "");
        assert_eq!(collapse("\u{feff}x\u{0}y\u{200b}\u{85}z\u{3000}é\u{7f} "), "xy z é");
    }

    #[test]
    fn references_outside_html_are_decoded() {
        assert_eq!(decode_entities("&#8216;Quoted&#8217; rise of &pound;5&nbsp;m"), "\u{2018}Quoted\u{2019} rise of \u{a3}5\u{a0}m");
        assert_eq!(decode_entities("Tom &amp;amp; Jerry"), "Tom &amp; Jerry");
        assert_eq!(decode_entities("Rates <b>&lt; 5%</b>"), "Rates <b>< 5%</b>");
        assert!(matches!(decode_entities("Salt & Pepper; a tale"), Cow::Borrowed(_)));
        // The token reader's decoder reads a string as a parse of the fragment (what this function
        // did alone before) does.
        let by_fragment = |text: &str| -> String {
            if !has_reference(text) {
                return text.to_owned();
            }
            scraper::Html::parse_fragment(&text.replace('<', "&lt;")).root_element().text().collect()
        };
        for text in [
            "&#8216;Q&#8217; &pound;5&nbsp;m", "AT&T &amp; co;", "&notit; &not; &notin;", "&copy2025 &#65 &#x41g &#; &#x;", "&#128; &#0; &#xD800; &#99999999999;",
            "a<b &lt;c&gt; </p>", "&amp<", "&amp< &lt;", "&no< &zz;", "\u{feff}&amp;", "x\r\n&amp;y", "a\0&amp;", "&AMP; &Eacute; &eacute",
        ] {
            assert_eq!(decode_entities(text), by_fragment(text), "{text:?}");
        }
    }

    #[test]
    fn social_hosts_and_their_subdomains() {
        for host in ["twitter.com", "www.twitter.com", "m.facebook.com", "x.com", "bsky.app"] {
            assert!(is_social_host(host), "{host}");
        }
        for host in ["box.com", "notx.com", "twitter.com.example", "news.example", "facebookmail.example"] {
            assert!(!is_social_host(host), "{host}");
        }
    }

    #[test]
    fn element_text_within_stops_at_the_limit() {
        let html = scraper::Html::parse_fragment("<div><p>One</p>  <p>Two</p></div>");
        let div = html.select(&scraper::Selector::parse("div").unwrap()).next().unwrap();
        assert_eq!(element_text_within(div, 8).as_deref(), Some("One Two"));
        assert_eq!(element_text_within(div, 7), None);
    }

    #[test]
    fn element_text_skips_scripts_and_separates_blocks() {
        let html = scraper::Html::parse_fragment("<div><p>One</p><p>Two<script>x()</script></p>three<br>four</div>");
        let div = html.select(&scraper::Selector::parse("div").unwrap()).next().unwrap();
        assert_eq!(element_text(div), "One Two three four");
    }

    /// The text walk as it was before it stopped inside text nodes: the oracle.
    fn uncapped(element: ElementRef<'_>, limit: usize) -> Option<String> {
        let mut text = Collapser { out: String::new(), pending_space: false };
        let mut skip_depth = 0usize;
        for edge in element.traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => match node.value() {
                    Node::Element(e) if is_non_text(e.name()) => skip_depth += 1,
                    Node::Element(e) if skip_depth == 0 && is_breaking(e.name()) => text.push_char(' '),
                    Node::Text(t) if skip_depth == 0 => {
                        text.push_str(t);
                        if text.out.len() >= limit {
                            return None;
                        }
                    }
                    _ => {}
                },
                ego_tree::iter::Edge::Close(node) => {
                    if let Node::Element(e) = node.value() {
                        if is_non_text(e.name()) {
                            skip_depth -= 1;
                        } else if skip_depth == 0 && is_breaking(e.name()) {
                            text.push_char(' ');
                        }
                    }
                }
            }
        }
        Some(text.out)
    }

    #[test]
    fn short_texts_agree_with_each_elements_own_walk() {
        let pieces = [
            "By ", "by", " ", "\u{a0}", "\n", "Jane", " Doe and a long run of words", "é", "\u{0}", "<b>", "</b>", "<p>", "</p>", "<div>", "</div>",
            "<span>", "</span>", "<address>", "<br>", "<script>by</script>", "<object><p>By Jo</p></object>", "<svg><p>By</svg>", "<table><td>x",
            "<template><div>By Al</div></template>", "<select><option>By</option></select>", "BY JO", "<noscript><span>by</span></noscript>",
        ];
        let wanted = |e: &Element| matches!(e.name(), "p" | "span" | "div" | "address");
        let mut random = crate::testing::Pieces::new(5);
        for round in 0..1500 {
            let body = random.text(&pieces, 13);
            let html = scraper::Html::parse_document(&format!("<div>{body}</div><p>x</p>{body}"));
            for limit in [1, 2, 3, 8, 12, 40, 1000] {
                let short = ShortTexts::new(&html, limit, wanted);
                for element in html.tree.nodes().filter_map(ElementRef::wrap).filter(|e| wanted(e.value())) {
                    assert_eq!(short.within(element).map(Cow::into_owned), element_text_within(element, limit), "{round} {body:?} {limit}");
                }
            }
        }
    }

    #[test]
    fn capped_texts_agree_with_the_whole_text() {
        let pieces = ["By ", "by", " ", "\u{a0}", "Jane", " Doe and a long run of words", "<b>B</b>", "<p>y</p>", "é", "\n\t", "<script>by</script>", "BY JO"];
        let mut random = crate::testing::Pieces::new(7);
        for _ in 0..2000 {
            let body = random.text(&pieces, 7);
            let html = scraper::Html::parse_fragment(&format!("<div>{body}</div>"));
            let div = html.select(&scraper::Selector::parse("div").unwrap()).next().unwrap();
            for limit in [0, 1, 2, 3, 4, 5, 8, 13, 40, 1000] {
                assert_eq!(element_text_within(div, limit), uncapped(div, limit), "{body:?} {limit}");
            }
        }
    }
}

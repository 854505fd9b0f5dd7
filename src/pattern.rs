//! Regexes built on first use, and built cheaply for ASCII text: [`Pattern`].
//!
//! Building a regex costs far more than running it on one page: Unicode classes (`\s`, `\d`, the
//! case folds of `(?i)`) compile to large UTF-8 automata, and the literal analysis behind the
//! prefilters of word lists is slower still. `republish embed` runs once per page inside CMS hooks,
//! where those builds were most of the process's time. A [`Pattern`] therefore keeps three builds of
//! the same source, each made only when first needed:
//!
//! - for a text that is all ASCII, the pattern compiled with Unicode off (`\w`, `\s`, `\d`, `\b`
//!   and `(?i)` restricted to ASCII) and without a prefilter. On an ASCII text this finds exactly
//!   what the Unicode build finds: the Unicode classes hold no other ASCII characters, and what
//!   they hold beyond ASCII (or what `(?i)` adds, `ſ` and the Kelvin sign) cannot occur in the
//!   text. When no class or escape of the pattern reaches beyond ASCII, the same build serves a
//!   text of ASCII and [`PUNCT`] characters (curly quotes, dashes, bullets, `©`: neither word
//!   characters, nor white space, nor cased), so the usual English text needs no second build. A
//!   source that does not compile that way (`\p{..}`, a class holding a non-ASCII character) is
//!   parsed as Unicode and every class cut down to its ASCII and `PUNCT` part, every other
//!   literal made a dead end and every word boundary made ASCII: the same matches on such a text,
//!   without the Unicode classes' automata (a dateline pattern repeats `[\p{L}\p{M}\d...]` 40
//!   times);
//! - for a text in the usual scripts of Western news copy (Latin up to U+024F, the General
//!   Punctuation block, currency signs), the pattern cut down the same way to those characters,
//!   with its Unicode word boundaries kept: `\p{L}` is then a few ranges, not hundreds. No
//!   prefilter either: the literal analysis of a `(?i)` word list (prefixes, then inner literals
//!   for a reverse search) cost more than all the short texts it would have skipped;
//! - for any other text, the pattern as [`regex::Regex`] builds it (same engine and options).
//!
//! Most texts these patterns run on are short and ASCII (dates, bylines, URLs, class names).

use std::borrow::Cow;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use regex_automata::meta;
use regex_automata::util::syntax;
use regex_syntax::ast;
use regex_syntax::hir::translate::TranslatorBuilder;
use regex_syntax::hir::{Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Literal, Look, Repetition};

/// A regex source with its lazily built forms; usable in a `static`.
pub struct Pattern {
    source: Cow<'static, str>,
    /// `None` when the source cannot be cut down (it would lose a group).
    ascii: OnceLock<Option<Ascii>>,
    /// For texts of [`COMMON`] characters; `None` as for `ascii`.
    common: OnceLock<Option<meta::Regex>>,
    unicode: OnceLock<meta::Regex>,
    /// In a one-page process, for texts longer than [`LONG_TEXT`]: the Unicode build with the lazy DFA.
    searching: OnceLock<meta::Regex>,
}

/// The build for ASCII text, and whether it also serves text with [`PUNCT`] characters.
struct Ascii {
    regex: meta::Regex,
    punct: bool,
}

/// Characters outside ASCII that are not word characters, not white space, not digits and
/// without a case partner (in Unicode's `\w`, `\s`, `\d` and simple case folding): curly quotes,
/// dashes, bullets, `©`, `£`, `€`, `™` and the like, the usual non-ASCII of English news copy.
/// For a text of ASCII and these, every class built from ASCII pieces (`\s`, `\w`, `(?i)k`, a
/// range) holds none of them in Unicode either, a negated one all of them, and Unicode and ASCII
/// word boundaries agree. The test `punct_is_what_its_rule_says` derives the list.
const PUNCT: &[(char, char)] = &[
    ('\u{80}', '\u{84}'),
    ('\u{86}', '\u{9f}'),
    ('\u{a1}', '\u{a9}'),
    ('\u{ab}', '\u{b4}'),
    ('\u{b6}', '\u{b9}'),
    ('\u{bb}', '\u{bf}'),
    ('\u{d7}', '\u{d7}'),
    ('\u{f7}', '\u{f7}'),
    ('\u{200b}', '\u{200b}'),
    ('\u{200e}', '\u{2027}'),
    ('\u{202a}', '\u{202e}'),
    ('\u{2030}', '\u{203e}'),
    ('\u{2041}', '\u{2053}'),
    ('\u{2055}', '\u{205e}'),
    ('\u{2060}', '\u{206f}'),
    ('\u{20a0}', '\u{20c0}'),
    ('\u{2122}', '\u{2122}'),
];

/// The characters of the middle build: Latin (ASCII, Latin-1, Extended-A and -B), General
/// Punctuation, and the rest of [`PUNCT`] (currency signs, `™`).
const COMMON: &[(char, char)] = &[('\0', '\u{24f}'), ('\u{2000}', '\u{206f}'), ('\u{20a0}', '\u{20c0}'), ('\u{2122}', '\u{2122}')];

const ASCII: &[(char, char)] = &[('\0', '\x7f')];

fn within(chars: &[(char, char)], c: char) -> bool {
    chars.iter().any(|&(start, end)| (start..=end).contains(&c))
}

/// How far beyond ASCII a text reaches, by the build that can serve it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reach {
    Ascii,
    Punct,
    Common,
    Other,
}

fn reach(haystack: &str) -> Reach {
    if haystack.is_ascii() {
        return Reach::Ascii;
    }
    let mut reach = Reach::Ascii;
    for c in haystack.chars().filter(|c| !c.is_ascii()) {
        if within(PUNCT, c) {
            reach = reach.max(Reach::Punct);
        } else if within(COMMON, c) {
            reach = Reach::Common;
        } else {
            return Reach::Other;
        }
    }
    reach
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

/// Whether this process reads a single page: see [`build_for_one_page`].
static ONE_PAGE: AtomicBool = AtomicBool::new(false);

/// Declare that this process reads one page (`embed`, `check` of one article), before any pattern
/// is used. Patterns are then built without the lazy DFA, whose reverse NFA was half of each
/// build: a search falls to the bounded backtracker or the PikeVM, slower per byte, but one page
/// runs most patterns on a few short texts, and building cost more than searching (`embed` on a
/// typical page: 10-13% fewer instructions; a batch would run 1.6% more). A text longer than
/// [`LONG_TEXT`] still gets a build with the lazy DFA, made for it: the PikeVM's time grows with
/// the text times the pattern, and a hostile page can hold a paragraph of megabytes. The matches
/// are the same either way.
pub fn build_for_one_page() {
    ONE_PAGE.store(true, Ordering::Relaxed);
}

/// The options [`regex::Regex::new`] uses, less the lazy DFA for one page.
fn config() -> meta::Config {
    config_for(ONE_PAGE.load(Ordering::Relaxed))
}

/// The longest text that a one-page process searches without the lazy DFA, in bytes.
const LONG_TEXT: usize = 4096;

fn config_for(one_page: bool) -> meta::Config {
    meta::Config::new()
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20))
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .hybrid(!one_page)
}

impl Pattern {
    /// A pattern from a literal source (checked by the tests of the module that uses it).
    pub const fn new(source: &'static str) -> Pattern {
        Pattern { source: Cow::Borrowed(source), ascii: OnceLock::new(), common: OnceLock::new(), unicode: OnceLock::new(), searching: OnceLock::new() }
    }

    /// A pattern from a source built at run time.
    pub fn from_string(source: String) -> Pattern {
        Pattern { source: Cow::Owned(source), ascii: OnceLock::new(), common: OnceLock::new(), unicode: OnceLock::new(), searching: OnceLock::new() }
    }

    /// The source.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the source compiles with Unicode off: then ASCII text gets that cheap build, not a
    /// cut-down of the Unicode one. For tests of patterns that `embed` builds on most pages.
    #[cfg(test)]
    pub(crate) fn compiles_without_unicode(&self) -> bool {
        ast::parse::Parser::new().parse(&self.source).is_ok_and(|ast| translate(&self.source, &ast, false, false).is_ok())
    }

    /// The Unicode build, as `regex::Regex::new` makes it. Panics on an invalid source, as the
    /// `Regex::new(..).expect(..)` it replaces did.
    fn unicode(&self) -> &meta::Regex {
        self.unicode.get_or_init(|| self.unicode_build(config()))
    }

    /// The Unicode build with the lazy DFA, whatever the process: for long texts in a one-page one.
    fn searching(&self) -> &meta::Regex {
        self.searching.get_or_init(|| self.unicode_build(config_for(false)))
    }

    fn unicode_build(&self, config: meta::Config) -> meta::Regex {
        meta::Builder::new()
            .configure(config)
            .syntax(syntax::Config::new().utf8(true))
            .build(&self.source)
            .unwrap_or_else(|e| panic!("invalid pattern {:?}: {e}", self.source))
    }

    /// The build for ASCII text, if the source has one: the source compiled with Unicode off and
    /// no prefilter, which also serves [`PUNCT`] text when [`serves_punct`]. A source that does
    /// not compile so (`\p{..}`, a class with a non-ASCII member) is cut down to ASCII and
    /// `PUNCT`, which serves both.
    fn ascii(&self) -> Option<&Ascii> {
        self.ascii
            .get_or_init(|| {
                let ast = ast::parse::Parser::new().parse(&self.source).ok()?;
                let mut builder = meta::Builder::new();
                builder.configure(config().auto_prefilter(false));
                if let Ok(hir) = translate(&self.source, &ast, false, false) {
                    let punct = serves_punct(&ast, &hir);
                    return builder.build_from_hir(&hir).ok().map(|regex| Ascii { regex, punct });
                }
                let unicode = translate(&self.source, &ast, true, true).ok()?;
                let chars: Vec<(char, char)> = ASCII.iter().chain(PUNCT).copied().collect();
                cut_down(&builder, &unicode, &chars, true).map(|regex| Ascii { regex, punct: true })
            })
            .as_ref()
    }

    /// The build for texts of [`COMMON`] characters, if the source has one.
    fn common(&self) -> Option<&meta::Regex> {
        self.common
            .get_or_init(|| {
                let ast = ast::parse::Parser::new().parse(&self.source).ok()?;
                let unicode = translate(&self.source, &ast, true, true).ok()?;
                cut_down(meta::Builder::new().configure(config().auto_prefilter(false)), &unicode, COMMON, false)
            })
            .as_ref()
    }

    /// The build to run on `haystack`.
    fn regex(&self, haystack: &str) -> &meta::Regex {
        self.regex_for(haystack, ONE_PAGE.load(Ordering::Relaxed))
    }

    fn regex_for(&self, haystack: &str, one_page: bool) -> &meta::Regex {
        if one_page && haystack.len() > LONG_TEXT {
            return self.searching();
        }
        let regex = match reach(haystack) {
            Reach::Ascii => self.ascii().map(|ascii| &ascii.regex),
            Reach::Punct => self.ascii().filter(|ascii| ascii.punct).map(|ascii| &ascii.regex).or_else(|| self.common()),
            Reach::Common => self.common(),
            Reach::Other => None,
        };
        regex.unwrap_or_else(|| self.unicode())
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.regex(haystack).is_match(haystack)
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.regex(haystack).find(haystack).map(|m| Match::new(haystack, m.range()))
    }

    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        self.regex(haystack).find_iter(haystack).map(move |m| Match::new(haystack, m.range()))
    }

    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        let regex = self.regex(haystack);
        let mut caps = regex.create_captures();
        regex.captures(haystack, &mut caps);
        caps.is_match().then_some(Captures { haystack, caps })
    }

    pub fn captures_iter<'r, 'h>(&'r self, haystack: &'h str) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        self.regex(haystack).captures_iter(haystack).map(move |caps| Captures { haystack, caps })
    }

    /// The pieces of `haystack` between matches, as [`regex::Regex::split`].
    pub fn split<'r, 'h>(&'r self, haystack: &'h str) -> impl Iterator<Item = &'h str> + use<'r, 'h> {
        let mut matches = self.find_iter(haystack);
        let mut last = 0;
        let mut done = false;
        std::iter::from_fn(move || {
            if done {
                return None;
            }
            match matches.next() {
                Some(m) => {
                    let piece = &haystack[last..m.start()];
                    last = m.end();
                    Some(piece)
                }
                None => {
                    done = true;
                    Some(&haystack[last..])
                }
            }
        })
    }

    /// The first match replaced by `with`, taken literally (no `$` expansion).
    pub fn replace<'h>(&self, haystack: &'h str, with: &str) -> Cow<'h, str> {
        self.replacen(haystack, 1, with)
    }

    /// Every match replaced by `with`, taken literally (no `$` expansion).
    pub fn replace_all<'h>(&self, haystack: &'h str, with: &str) -> Cow<'h, str> {
        self.replacen(haystack, 0, with)
    }

    /// As [`regex::Regex::replacen`] with a `NoExpand` replacement.
    fn replacen<'h>(&self, haystack: &'h str, limit: usize, with: &str) -> Cow<'h, str> {
        let mut it = self.find_iter(haystack).enumerate().peekable();
        if it.peek().is_none() {
            return Cow::Borrowed(haystack);
        }
        let mut out = String::with_capacity(haystack.len());
        let mut last = 0;
        for (i, m) in it {
            if limit > 0 && i >= limit {
                break;
            }
            out.push_str(&haystack[last..m.start()]);
            out.push_str(with);
            last = m.end();
        }
        out.push_str(&haystack[last..]);
        Cow::Owned(out)
    }
}

/// `ast` translated as `syntax::parse_with` would with these options (the others at their defaults).
fn translate(source: &str, ast: &ast::Ast, unicode: bool, utf8: bool) -> Result<Hir, regex_syntax::hir::Error> {
    TranslatorBuilder::new().unicode(unicode).utf8(utf8).build().translate(source, ast)
}

/// Whether `hir`, `ast` translated with Unicode off, finds in a text of ASCII and [`PUNCT`] what the
/// Unicode build finds: no class of it reaches beyond ASCII (`.`, `[^..]`, `\W` would match single
/// bytes of a `PUNCT` character), and no escape is a byte beyond ASCII (`\xA0` is a byte with
/// Unicode off, a character with it on). Such a pattern meets `PUNCT` characters only in its
/// non-ASCII literals, which are the same characters in both builds, and no class built from ASCII
/// pieces holds a `PUNCT` character in Unicode either (see [`PUNCT`]). These are the checks
/// regex-syntax makes when translating in UTF-8 mode, without translating again.
fn serves_punct(ast: &ast::Ast, hir: &Hir) -> bool {
    struct ByteEscapes;
    impl ast::Visitor for ByteEscapes {
        type Output = ();
        type Err = ();
        fn finish(self) -> Result<(), ()> {
            Ok(())
        }
        fn visit_pre(&mut self, ast: &ast::Ast) -> Result<(), ()> {
            match ast {
                ast::Ast::Literal(literal) if beyond(literal) => Err(()),
                _ => Ok(()),
            }
        }
        fn visit_class_set_item_pre(&mut self, item: &ast::ClassSetItem) -> Result<(), ()> {
            match item {
                ast::ClassSetItem::Literal(literal) if beyond(literal) => Err(()),
                ast::ClassSetItem::Range(range) if beyond(&range.start) || beyond(&range.end) => Err(()),
                _ => Ok(()),
            }
        }
    }
    fn beyond(literal: &ast::Literal) -> bool {
        literal.byte().is_some_and(|byte| !byte.is_ascii())
    }
    fn classes_ascii(hir: &Hir) -> bool {
        match hir.kind() {
            HirKind::Class(Class::Bytes(class)) => class.is_ascii(),
            HirKind::Class(Class::Unicode(class)) => class.is_ascii(),
            HirKind::Repetition(rep) => classes_ascii(&rep.sub),
            HirKind::Capture(cap) => classes_ascii(&cap.sub),
            HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().all(classes_ascii),
            HirKind::Empty | HirKind::Literal(_) | HirKind::Look(_) => true,
        }
    }
    classes_ascii(hir) && ast::visit(ast, ByteEscapes).is_ok()
}

/// `unicode` (a source parsed as Unicode) cut down to `chars` and built; `None` if that would lose
/// a group (it would renumber the others).
fn cut_down(builder: &meta::Builder, unicode: &Hir, chars: &[(char, char)], ascii_words: bool) -> Option<meta::Regex> {
    let part = restrict(unicode, chars, ascii_words);
    let groups = |hir: &Hir| hir.properties().explicit_captures_len();
    (groups(&part) == groups(unicode)).then(|| builder.build_from_hir(&part).ok()).flatten()
}

/// What of `hir` can match in a text of `chars` only (ASCII, ASCII and [`PUNCT`], or [`COMMON`]),
/// as a pattern that matches there exactly where `hir` does: classes cut to those characters,
/// literals outside them unmatchable, and with `ascii_words` (no word character in `chars` beyond
/// ASCII), Unicode word boundaries as ASCII ones (the same on such a text: the Unicode word
/// characters below 128 are the ASCII ones).
fn restrict(hir: &Hir, chars: &[(char, char)], ascii_words: bool) -> Hir {
    let ascii = chars == ASCII;
    match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(Literal(bytes)) => {
            let inside = std::str::from_utf8(bytes).is_ok_and(|text| text.chars().all(|c| within(chars, c)));
            if inside { Hir::literal(bytes.clone()) } else { Hir::fail() }
        }
        HirKind::Class(Class::Unicode(class)) => {
            let mut class = class.clone();
            class.intersect(&ClassUnicode::new(chars.iter().map(|&(a, b)| ClassUnicodeRange::new(a, b))));
            Hir::class(Class::Unicode(class))
        }
        HirKind::Class(Class::Bytes(class)) => {
            let mut class = class.clone();
            if ascii {
                class.intersect(&ClassBytes::new([ClassBytesRange::new(0, 0x7f)]));
            }
            Hir::class(Class::Bytes(class))
        }
        HirKind::Look(look) if ascii_words => Hir::look(match look {
            Look::WordUnicode => Look::WordAscii,
            Look::WordUnicodeNegate => Look::WordAsciiNegate,
            Look::WordStartUnicode => Look::WordStartAscii,
            Look::WordEndUnicode => Look::WordEndAscii,
            Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
            Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
            other => *other,
        }),
        HirKind::Look(look) => Hir::look(*look),
        HirKind::Repetition(rep) => Hir::repetition(Repetition { sub: Box::new(restrict(&rep.sub, chars, ascii_words)), ..rep.clone() }),
        HirKind::Capture(cap) => Hir::capture(Capture { sub: Box::new(restrict(&cap.sub, chars, ascii_words)), ..cap.clone() }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(|sub| restrict(sub, chars, ascii_words)).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(|sub| restrict(sub, chars, ascii_words)).collect()),
    }
}

/// One match: its span in the haystack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    fn new(haystack: &'h str, range: std::ops::Range<usize>) -> Match<'h> {
        Match { haystack, start: range.start, end: range.end }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }
}

/// The groups of one match.
#[derive(Debug)]
pub struct Captures<'h> {
    haystack: &'h str,
    caps: regex_automata::util::captures::Captures,
}

impl<'h> Captures<'h> {
    /// Group `i` (0: the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.caps.get_group(i).map(|span| Match::new(self.haystack, span.range()))
    }

    /// The named group, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.caps.get_group_by_name(name).map(|span| Match::new(self.haystack, span.range()))
    }
}

impl std::ops::Index<usize> for Captures<'_> {
    type Output = str;
    fn index(&self, i: usize) -> &str {
        self.get(i).map(|m| m.as_str()).unwrap_or_else(|| panic!("no group at index '{i}'"))
    }
}

impl std::ops::Index<&str> for Captures<'_> {
    type Output = str;
    fn index(&self, name: &str) -> &str {
        self.name(name).map(|m| m.as_str()).unwrap_or_else(|| panic!("no group named '{name}'"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sources with every construct whose meaning differs between Unicode and ASCII mode.
    const SOURCES: &[&str] = &[
        r"(?i)\b(?:staff|writer|ks)\b",
        r"(?i)^\s*(?:by|par)\s*(?:[:\-]|–)?\s+",
        r"\s+\d{1,2}\w*",
        r"(?i)^[\W_]*(?:it\b|the\s+(?:sk|ok)\b)",
        r"[(\[]([^()\[\]]{2,6})[)\]]",
        r"(?i)k.{0,3}s",
        r"\B\w\w",
        r"(?i)\s*(?:,|;|·|—|\band\b)\s*",
        r"(?P<n>\d+)-(?P<w>\w+)?",
        r"x*",
        r"(?i)s$",
        // No ASCII-mode compile: Unicode classes, non-ASCII class members and literals.
        r"^[\s*“”‘’]*(?:\p{Lu}[\p{Lu}\p{M}.'’\s-]*(?:,\s*[\p{L}\p{M}\d.'’\s-]{1,4})?\s*)?\(([^()]{2,4})\)\s*(?:[—–―‒-]{1,2}|:)",
        r"^(?P<person>\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,2})\s+(?:it|of)\s+(?P<outlet>.+)$",
        r"(?i)(?:(é)|(k))\b|—(s)|\p{Greek}|[^\p{L}]\B",
        // Escapes of bytes beyond ASCII: raw bytes with Unicode off (0xA0 and the bytes of ‘ occur
        // inside PUNCT characters), characters with it on.
        r"(?:\xA0|x)\S|\xE2\x80\x98",
        r"\W\B\W|\b\D{2}\b|(?i)[^k]s",
    ];

    /// Deterministic ASCII texts over an alphabet of letters (k and s among them), digits,
    /// every ASCII space (vertical tab and form feed too), punctuation and control bytes.
    fn ascii_texts() -> Vec<String> {
        const ALPHABET: &[u8] = b"kKsSaTI _-.,;:()[]*'0123456789\t\n\x0b\x0c\r\x01\x7fbytheBYofOF it";
        let alphabet: Vec<char> = ALPHABET.iter().map(|&b| b as char).collect();
        let fixed = ["", "by staff", "It KS sk", "(ab) [cd]", "BOSTON (AP) - x", "* KS, It 3 (ab) :", "Jo Ann of The Times", "Ka Bo it sk", "k"];
        random_texts(&fixed, &alphabet, 0x2545_f491_4f6c_dd1d, 400, 40)
    }

    /// `fixed`, then `count` deterministic texts over `alphabet`, the i-th of `i % longest` characters.
    fn random_texts(fixed: &[&str], alphabet: &[char], mut seed: u64, count: usize, longest: usize) -> Vec<String> {
        let mut texts: Vec<String> = fixed.iter().map(|&t| t.to_owned()).collect();
        for len in 0..count {
            let mut text = String::new();
            for _ in 0..len % longest {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                text.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            texts.push(text);
        }
        texts
    }

    fn spans(pattern: &Pattern, text: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
        pattern.captures_iter(text).map(|c| (0..c.caps.group_len()).map(|i| c.get(i).map(|m| m.range())).collect()).collect()
    }

    fn reference_spans(regex: &regex::Regex, text: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
        regex.captures_iter(text).map(|c| c.iter().map(|g| g.map(|m| m.range())).collect()).collect()
    }

    fn check(pattern: &Pattern, regex: &regex::Regex, text: &str) {
        assert_eq!(spans(pattern, text), reference_spans(regex, text), "{:?} on {text:?}", pattern.as_str());
        assert_eq!(pattern.is_match(text), regex.is_match(text));
        assert_eq!(pattern.find(text).map(|m| m.range()), regex.find(text).map(|m| m.range()));
        assert_eq!(pattern.split(text).collect::<Vec<_>>(), regex.split(text).collect::<Vec<_>>());
        assert_eq!(pattern.replace(text, ","), regex.replace(text, regex::NoExpand(",")));
        assert_eq!(pattern.replace_all(text, ""), regex.replace_all(text, regex::NoExpand("")));
    }

    #[test]
    fn the_ascii_build_finds_what_the_unicode_regex_finds_on_ascii_text() {
        let texts = ascii_texts();
        for source in SOURCES {
            let pattern = Pattern::new(source);
            assert!(pattern.ascii().is_some(), "{source} has no ASCII build");
            let regex = regex::Regex::new(source).unwrap();
            for text in &texts {
                check(&pattern, &regex, text);
            }
            // Built only once needed, and only the one the texts needed.
            assert!(pattern.unicode.get().is_none());
        }
    }

    #[test]
    fn the_common_build_finds_what_the_unicode_regex_finds_on_latin_text() {
        // Latin letters, ſ (folds to s), no-break space (\s), an em dash, curly quotes, a bullet.
        const ALPHABET: &[char] = &['k', 'S', 's', 'ſ', 'é', 'É', 'À', 'ÿ', '\u{a0}', ' ', '—', '’', '“', '•', '(', ')', '-', '1', '٣'];
        let fixed = ["BOSTON (AP) — x", "Émile Zola of Le Monde", "“KS, It (ab) —", "by\u{a0}ſtaff"];
        let texts = random_texts(&fixed, ALPHABET, 0x9e37_79b9_7f4a_7c15, 300, 30);
        for source in SOURCES {
            let pattern = Pattern::new(source);
            let regex = regex::Regex::new(source).unwrap();
            for text in &texts {
                check(&pattern, &regex, text);
            }
            assert!(pattern.common.get().is_some_and(Option::is_some), "{source} has no common build");
        }
    }

    #[test]
    fn punct_text_finds_what_the_unicode_regex_finds() {
        // ASCII and PUNCT characters: † is E2 80 A0, ‘ E2 80 98.
        const ALPHABET: &[char] = &['k', 'S', 's', 'x', 'I', 't', ' ', '\t', '-', '(', ')', '1', '’', '‘', '“', '—', '–', '•', '…', '·', '©', '£', '€', '™', '«', '×', '†', '\u{200b}', '\u{2060}', '\u{80}'];
        let fixed = ["BOSTON (AP) — x", "“KS, It (ab) —", "x\u{2060}", "•", "‘x’", "†S"];
        let texts = random_texts(&fixed, ALPHABET, 0x853c_49e6_748f_ea9b, 300, 30);
        for source in SOURCES {
            let pattern = Pattern::new(source);
            let regex = regex::Regex::new(source).unwrap();
            for text in &texts {
                check(&pattern, &regex, text);
            }
            // Served by the ASCII build whenever it can serve them.
            let punct = pattern.ascii().is_some_and(|ascii| ascii.punct);
            assert_eq!(pattern.common.get().is_none(), punct, "{source}");
        }
        for (source, punct) in [(r"(?i)\b(?:by|for)\s+“?\w+", true), (r"(?i)k.{0,3}s", false), (r"[^()]", false), (r"^\p{Lu}", true), (r"\xA0", false)] {
            assert_eq!(Pattern::new(source).ascii().map(|ascii| ascii.punct), Some(punct), "{source}");
        }
    }

    #[test]
    fn serves_punct_is_what_regex_syntax_allows_in_utf8_mode() {
        let extra = [r"\xA0", r"a\xE2\x80\x98", r"\x{A0}", r"[\xA0]", r"(?u:\w)", r"(?u:é|\s)", r"(?u)(?i)k", r"[[:^alpha:]]", r"[[:alpha:]]", r"[^\x00-\x7f]", r"\B", r"(?s).", r"(?-u:[\x00-\x7f])", r"[a\xA0-\xA1]", r"[\xA0&&\xA0]"];
        for source in SOURCES.iter().chain(&extra) {
            let ast = ast::parse::Parser::new().parse(source).unwrap();
            if let Ok(hir) = translate(source, &ast, false, false) {
                let utf8 = translate(source, &ast, false, true).is_ok();
                // Stricter only where Unicode is switched back on (a Unicode class is refused).
                if source.contains("(?u") {
                    assert!(!serves_punct(&ast, &hir) || utf8, "{source}");
                } else {
                    assert_eq!(serves_punct(&ast, &hir), utf8, "{source}");
                }
            }
        }
    }

    /// PUNCT holds exactly the non-ASCII characters of Latin-1, General Punctuation, Currency
    /// Symbols and `™` that are not in `[\w\s\d]` and have no case partner.
    #[test]
    fn punct_is_what_its_rule_says() {
        let class = |source: &str| match regex_syntax::parse(source).unwrap().into_kind() {
            HirKind::Class(Class::Unicode(class)) => class,
            other => panic!("{other:?}"),
        };
        let ranges = |list: &[(char, char)]| ClassUnicode::new(list.iter().map(|&(a, b)| ClassUnicodeRange::new(a, b)));
        let mut expected = ranges(&[('\u{80}', '\u{ff}'), ('\u{2000}', '\u{206f}'), ('\u{20a0}', '\u{20c0}'), ('\u{2122}', '\u{2122}')]);
        expected.difference(&class(r"[\w\s\d]"));
        let mut folds = expected.clone();
        folds.case_fold_simple();
        folds.difference(&expected);
        // The characters of `expected` that some character outside it folds to.
        folds.case_fold_simple();
        expected.difference(&folds);
        assert_eq!(ranges(PUNCT), expected);
        let mut folded = ranges(PUNCT);
        folded.case_fold_simple();
        assert_eq!(folded, ranges(PUNCT));
        let mut outside = ranges(PUNCT);
        outside.difference(&ranges(COMMON));
        assert!(outside.ranges().is_empty());
    }

    /// A one-page process searches a long text with a build of its own, which has the lazy DFA.
    #[test]
    fn one_page_long_texts_get_the_lazy_dfa() {
        let pattern = Pattern::new(r"(?i)\b(?:staff|writer|ks)\b");
        let regex = regex::Regex::new(pattern.as_str()).unwrap();
        let short = "by staff ".repeat(LONG_TEXT / 9);
        let long = "by staff ".repeat(LONG_TEXT / 9 + 1);
        let found = |text: &str| pattern.regex_for(text, true).find_iter(text).map(|m| m.range()).collect::<Vec<_>>();
        assert_eq!(found(&short), regex.find_iter(&short).map(|m| m.range()).collect::<Vec<_>>());
        assert!(pattern.searching.get().is_none() && pattern.ascii.get().is_some());
        assert_eq!(found(&long), regex.find_iter(&long).map(|m| m.range()).collect::<Vec<_>>());
        assert!(pattern.searching.get().is_some_and(|r| r.get_config().get_hybrid()));
        // Not in a process of many pages: the usual builds have the lazy DFA already.
        let pattern = Pattern::new(pattern.as_str().to_owned().leak());
        pattern.regex_for(&long, false);
        assert!(pattern.searching.get().is_none());
    }

    /// Without the lazy DFA, as for one page: the same matches, long texts included.
    #[test]
    fn one_page_builds_find_what_the_unicode_regex_finds() {
        let mut texts = ascii_texts();
        texts.push("Jo Ann of The Times, by staff (ab) it sk ".repeat(200));
        texts.push("wé staff ſ — ٣-x 12 é by\u{a0}ſtaff ".repeat(200));
        for source in SOURCES {
            let regex = regex::Regex::new(source).unwrap();
            let one_page = meta::Builder::new().configure(config_for(true)).syntax(syntax::Config::new().utf8(true)).build(source).unwrap();
            for text in &texts {
                let found: Vec<_> = one_page.find_iter(text.as_str()).map(|m| m.range()).collect();
                let want: Vec<_> = regex.find_iter(text).map(|m| m.range()).collect();
                assert_eq!(found, want, "{source} on {:?}", &text[..text.len().min(60)]);
            }
        }
    }

    #[test]
    fn other_text_goes_to_the_unicode_build() {
        // ſ and the Kelvin sign fold to s and k; no-break space is \s; é is \w; ٣ is \d.
        let texts = ["by\u{a0}ſtaff", "\u{212a}S", "wé staff", "٣-x 12 é", "ſ", "by — staff"];
        for source in SOURCES {
            let pattern = Pattern::new(source);
            let regex = regex::Regex::new(source).unwrap();
            for text in texts {
                check(&pattern, &regex, text);
            }
        }
        let pattern = Pattern::new(r"(?i)\bks\b");
        assert!(pattern.is_match("\u{212a}ſ"));
        assert!(pattern.ascii.get().is_none());
    }

    #[test]
    fn unicode_classes_are_cut_to_ascii_for_ascii_text() {
        let pattern = Pattern::new(r"^\p{Lu}\w+ (?:[–—-]|(“))");
        assert!(pattern.is_match("Anna -"));
        assert!(!pattern.is_match("anna -"));
        assert!(pattern.ascii.get().is_some() && pattern.unicode.get().is_none());
        assert!(pattern.is_match("Ånna –"));
        assert_eq!(pattern.captures("Anna “").and_then(|c| c.get(1)).map(|m| m.as_str()), Some("“"));
    }
}

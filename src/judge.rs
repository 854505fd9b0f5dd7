//! Stage 4 of the pipeline: the extracted article and the profile to a [`Verdict`]: may the
//! publisher hand this story out, and if not, which signals say it came from elsewhere.
//!
//! A publisher may only hand out its own stories. Five signals say a story originated with
//! another outlet (see `docs/eligibility.md`): the byline, an agency dateline, a credit sentence,
//! syndication metadata, and the profile's own opt-out rules. Mentions are not origin: only the
//! places where pages state a story's origin are read (the byline, the opening of the first
//! paragraph, credit lines at the top or bottom, metadata), never a sentence in the middle.
//! The page's own publisher is never a reason to refuse.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use serde::Serialize;
use url::Url;

use crate::extract::text::{MONTH_OPENINGS, alnum_key, collapse, collapses_to, contains_ignore_ascii_case, element_text, element_text_within, is_cjk, is_hangul, is_social_host, key_hash, may_contain_any, only_agencies_besides, strip_prefix_ignore_ascii_case, without_doubled_scheme};
use crate::extract::{Article, Block, Metadata};
use crate::parse::{first_headline, has_any_attr, select_named};
use crate::pattern::Pattern;
use crate::profile::{Partner, Profile, host_within};

/// The kinds of evidence that a story originated with another outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Signal {
    /// The byline, author meta or JSON-LD author names an agency or outlet.
    Byline,
    /// The first paragraph opens with an agency dateline: "JERUSALEM (JTA) —".
    Dateline,
    /// A sentence says the story first appeared elsewhere.
    Credit,
    /// Syndication metadata, a foreign canonical URL, JSON-LD `isBasedOn` and kin.
    Metadata,
    /// A profile rule: an opt-out class or selector.
    Profile,
}

impl Signal {
    /// The signal's name as it appears in JSON ("byline", "dateline", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Signal::Byline => "byline",
            Signal::Dateline => "dateline",
            Signal::Credit => "credit",
            Signal::Metadata => "metadata",
            Signal::Profile => "profile",
        }
    }
}

/// One signal that fired, with what it found and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// Which signal.
    pub signal: Signal,
    /// The text or attribute that fired it, as found.
    pub evidence: String,
    /// Where it was found ("first paragraph", "meta[name=author]", ...).
    pub location: String,
    /// The outlet it names, when it names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The judge's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// The story may be republished.
    pub eligible: bool,
    /// The outlet the story originated with, when refused and known.
    pub source: Option<String>,
    /// Every signal that fired (empty when eligible).
    pub reasons: Vec<Reason>,
}

impl Verdict {
    /// No signal fired.
    pub fn eligible() -> Verdict {
        Verdict { eligible: true, source: None, reasons: Vec::new() }
    }

    /// The verdict for a list of reasons: eligible iff there are none; the source is that of the
    /// strongest reason that names one (reasons come in order profile, byline, dateline, credit,
    /// metadata).
    pub fn from_reasons(mut reasons: Vec<Reason>) -> Verdict {
        reasons.sort_by_key(|r| signal_rank(r.signal));
        let source = reasons.iter().find_map(|r| r.source.clone());
        Verdict { eligible: reasons.is_empty(), source, reasons }
    }

    /// The distinct signals that fired, in order of strength.
    pub fn signals(&self) -> Vec<Signal> {
        let mut out: Vec<Signal> = Vec::new();
        for r in &self.reasons {
            if !out.contains(&r.signal) {
                out.push(r.signal);
            }
        }
        out
    }

    /// One line for messages: `originated with JTA (dateline "(JTA) —" in the first paragraph)`.
    pub fn summary(&self) -> String {
        if self.eligible {
            return "eligible".to_owned();
        }
        let origin = self.source.as_deref().unwrap_or("another publication");
        let first = self.reasons.first().map(|r| format!(" ({} \"{}\" in {})", signal_name(r.signal), r.evidence, r.location));
        format!("originated with {origin}{}", first.unwrap_or_default())
    }
}

fn signal_name(signal: Signal) -> &'static str {
    match signal {
        Signal::Byline => "byline",
        Signal::Dateline => "dateline",
        Signal::Credit => "credit line",
        Signal::Metadata => "metadata",
        Signal::Profile => "profile rule",
    }
}

fn signal_rank(signal: Signal) -> u8 {
    match signal {
        Signal::Profile => 0,
        Signal::Byline => 1,
        Signal::Dateline => 2,
        Signal::Credit => 3,
        Signal::Metadata => 4,
    }
}

/// Decide whether the article may be republished under its profile.
pub fn judge(article: &Article<'_>) -> Verdict {
    let blocks = article.blocks();
    judge_parts(article.profile, &article.meta, &blocks, &article.page.html, article.page.url.as_ref())
}

/// [`judge`] on the article's parts: the profile, the metadata, the body blocks, the whole page
/// (for selectors and the site's own hosts) and the URL the page was fetched from, if it was.
pub fn judge_parts(profile: &Profile, meta: &Metadata, blocks: &[Block], html: &Html, fetched: Option<&Url>) -> Verdict {
    let site = Site::new(profile, meta, html, fetched);
    let mut reasons = Vec::new();
    profile_rules(&site, profile, meta, html, &mut reasons);
    byline_signals(&site, meta, blocks, &mut reasons);
    source_line_signal(&site, meta, &mut reasons);
    provider_signal(&site, meta, &mut reasons);
    dateline_signals(&site, meta, blocks, html, &mut reasons);
    credit_signals(&site, meta, blocks, html, &mut reasons);
    metadata_signals(&site, meta, &mut reasons);
    pixel_signals(&site, profile, html, &mut reasons);
    let mut seen: Vec<(Signal, String, String)> = Vec::new();
    reasons.retain(|r| {
        let key = (r.signal, r.location.clone(), r.source.clone().unwrap_or_else(|| r.evidence.clone()));
        let fresh = !seen.contains(&key);
        seen.push(key);
        fresh
    });
    Verdict::from_reasons(reasons)
}

// ---------------------------------------------------------------------------------------------
// Names and hosts

/// Words that say nothing about which outlet a name means: "Jewish News" and "Cleveland Jewish
/// News" are different outlets, "Forward" and "Forward Association" are the same.
const GENERIC_WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "a",
    "an",
    "for",
    "on",
    "in",
    "at",
    "de",
    "la",
    "le",
    "el",
    "news",
    "jewish",
    "times",
    "post",
    "daily",
    "weekly",
    "press",
    "media",
    "group",
    "journal",
    "magazine",
    "network",
    "agency",
    "association",
    "inc",
    "llc",
    "ltd",
    "co",
    "company",
    "corp",
    "corporation",
    "publishing",
    "publications",
    "publication",
    "radio",
    "tv",
    "television",
    "online",
    "world",
    "global",
    "international",
    "national",
    "new",
    "york",
    "city",
    "local",
    "community",
    "report",
    "review",
    "today",
    "herald",
    "tribune",
    "chronicle",
    "gazette",
    "standard",
    "observer",
    "star",
    "sun",
    "mail",
    "telegraph",
    "express",
    "independent",
    "week",
    "voice",
    "forum",
    "center",
    "centre",
    "foundation",
    "institute",
    "staff",
    "service",
    "services",
    "wire",
    "digital",
    "channel",
    "broadcasting",
    "public",
    "america",
    "american",
    "israel",
    "israeli",
    "united",
    "states",
    "us",
    "uk",
    "com",
    "org",
    "net",
    "www",
    "editorial",
    "board",
    "editors",
    "desk",
    "opinion",
];

/// Words that make a name look like an outlet rather than a person ("Cleveland Jewish News").
const OUTLET_WORDS: &[&str] = &[
    "news",
    "agency",
    "press",
    "magazine",
    "journal",
    "tribune",
    "gazette",
    "telegraph",
    "telegraphic",
    "herald",
    "chronicle",
    "times",
    "wire",
    "media",
    "network",
    "radio",
    "television",
    "tv",
    "broadcasting",
    "syndicate",
    "synd",
    "syndication",
    "daily",
    "weekly",
    "observer",
    "courier",
    "dispatch",
    "bulletin",
    "inquirer",
    "examiner",
    "sentinel",
    "ledger",
    "newspaper",
    "newsletter",
    "podcast",
    "reporter",
    "insider",
    "independent",
];

/// [`OUTLET_WORDS`] of the other languages partners publish in, as normalised ("Süddeutsche
/// Zeitung", "Diario de Sevilla", "Folha de S.Paulo", "Gazeta Wyborcza", "Chosun Ilbo").
const FOREIGN_OUTLET_WORDS: &[&str] = &[
    "zeitung", "nachrichten", "rundschau", "anzeiger", "tagblatt", "tageblatt", "abendblatt", "morgenpost", "kurier", "diario", "diário", "periodico",
    "periódico", "noticias", "notícias", "jornal", "folha", "gazeta", "gazzetta", "giornale", "corriere", "quotidiano", "quotidien", "presse", "prensa",
    "stampa", "cronica", "crónica", "correo", "correio", "courrier", "hebdo", "nieuws", "dagblad", "courant", "tidning", "tidningen", "wiadomosci",
    "wiadomości", "dziennik", "noviny", "novine", "hirlap", "hírlap", "gazetesi", "ajansi", "ajansı", "agencia", "agência", "agence", "agentur", "agenzia",
    "berita", "harian", "tribun", "shimbun", "ilbo", "samachar", "patrika", "akhbar", "новости", "газета", "известия", "ведомости", "вести",
];

/// The endings of one-word mastheads in German and the Nordic languages ("Nordwest-Zeitung" is
/// two words; "Aftenposten", "Dagbladet", "Helsingin Sanomat" one or two).
const FOREIGN_OUTLET_ENDINGS: &[&str] = &["zeitung", "nachrichten", "bladet", "posten", "tidningen", "avisen", "sanomat"];

/// Masthead words of other languages that are common words or names: they count only straight
/// after an article ("El País", "La Nación", "Le Monde", "Die Welt", "O Globo"), in a name of two
/// or three words.
const FOREIGN_WEAK_OUTLET_WORDS: &[&str] = &[
    "mundo", "pais", "país", "nacion", "nación", "tiempo", "monde", "figaro", "comercio", "universal", "jornada", "razon", "razón", "vanguardia", "repubblica",
    "messaggero", "temps", "zeit", "welt", "spiegel", "globo", "estado", "standaard", "soir", "dia", "día", "siglo", "sol", "telegraaf", "parisien",
];
const FOREIGN_ARTICLES: &[&str] = &["el", "la", "le", "les", "il", "lo", "der", "die", "das", "de", "het", "o", "a", "os", "los", "las"];

/// Outlet words that are also common surnames: they count only after "The" ("The Washington Post").
const WEAK_OUTLET_WORDS: &[&str] = &[
    "post", "globe", "standard", "mirror", "guardian", "star", "sun", "review", "report", "monitor", "register", "times", "independent", "bee",
    // Mastheads that are one common noun after "The" ("The Economist", "The Atlantic").
    "economist", "spectator", "atlantic", "conversation", "intercept", "athletic", "verge",
];

/// Words of a role, not an outlet: "Deputy News Editor", "CNN contributor".
const ROLE_WORDS: &[&str] = &[
    "editor",
    "editors",
    "writer",
    "writers",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "contributor",
    "contributors",
    "contributing",
    "columnist",
    "columnists",
    "journalist",
    "journalists",
    "freelance",
    "freelancer",
    "intern",
    "fellow",
    "director",
    "producer",
    "chief",
    "deputy",
    "senior",
    "associate",
    "assistant",
    "managing",
    "executive",
    "photographer",
    "photo",
    "photos",
    "illustration",
    "opinion",
    "guest",
    "special",
    "updated",
    "published",
    "posted",
    "staff",
    "desk",
    "team",
    "board",
    "editorial",
    "analyst",
    "author",
    "host",
    "anchor",
    "founder",
    "ceo",
    "president",
];

/// Lower-cased, "&" as "and", punctuation as spaces, whitespace collapsed, without a leading
/// "the" and a trailing possessive. A domain ("Forward.com", "www.jta.org") becomes its site label
/// ("forward", "jta"), so that "the Forward", "Forward", "The Forward" and "forward.com" are equal.
pub fn normalize_name(name: &str) -> String {
    // The judge compares every partner name with every name the page gives itself, over and over:
    // remember the answers (a pure function; the memo is per thread and bounded).
    memo(&NORMALIZED, name, || normalize_name_uncached(name))
}

thread_local! {
    static NORMALIZED: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> = Default::default();
    /// Keyed by the first name, then the second: a look-up borrows both, allocating nothing.
    static SAME_OUTLET: std::cell::RefCell<(usize, PairMemo)> = Default::default();
}

/// `same_outlet`'s answers by first name, then second name.
type PairMemo = rustc_hash::FxHashMap<String, rustc_hash::FxHashMap<String, bool>>;

/// Look `key` up in a per-thread memo of a pure function, computing and storing it when absent.
fn memo<K, Q, V>(cache: &'static std::thread::LocalKey<std::cell::RefCell<rustc_hash::FxHashMap<K, V>>>, key: &Q, compute: impl FnOnce() -> V) -> V
where
    K: std::borrow::Borrow<Q> + std::hash::Hash + Eq,
    Q: std::hash::Hash + Eq + ToOwned<Owned = K> + ?Sized,
    V: Clone,
{
    const MAX_ENTRIES: usize = 4096;
    if let Some(hit) = cache.with(|c| c.borrow().get(key).cloned()) {
        return hit;
    }
    let value = compute();
    cache.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= MAX_ENTRIES {
            c.clear();
        }
        c.insert(key.to_owned(), value.clone());
    });
    value
}

fn normalize_name_uncached(name: &str) -> String {
    let name = name.trim();
    if looks_like_domain(name) {
        return site_label(name);
    }
    if name.is_ascii() { normalize_ascii(name) } else { normalize_unicode(name) }
}

/// [`normalize_unicode`] for an ASCII name in one pass over its bytes, without its four
/// intermediate strings: most names are ASCII, and the judge normalises every partner's names
/// once per process.
fn normalize_ascii(name: &str) -> String {
    /// Append one word: apostrophes trimmed, a possessive "'s" dropped, the rest without them.
    fn push_word(out: &mut Vec<u8>, word: &[u8]) {
        let mut word = word.trim_ascii();
        while let [b'\'', rest @ ..] = word {
            word = rest;
        }
        while let [rest @ .., b'\''] = word {
            word = rest;
        }
        if let [rest @ .., b'\'', s] = word
            && s.eq_ignore_ascii_case(&b's')
        {
            word = rest;
        }
        if word.iter().all(|&b| b == b'\'') {
            return;
        }
        if !out.is_empty() {
            out.push(b' ');
        }
        out.extend(word.iter().filter(|&&b| b != b'\'').map(u8::to_ascii_lowercase));
    }
    let bytes = name.as_bytes();
    let in_word = |b: u8| b.is_ascii_alphanumeric() || b == b'\'';
    let mut out = Vec::with_capacity(bytes.len() + 4);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'&' {
            push_word(&mut out, b"and");
        }
        if !in_word(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && in_word(bytes[i]) {
            i += 1;
        }
        push_word(&mut out, &bytes[start..i]);
    }
    if out.starts_with(b"the ") {
        out.drain(..4);
    }
    String::from_utf8(out).expect("ASCII in, ASCII out")
}

fn normalize_unicode(name: &str) -> String {
    let lower = name.to_lowercase().replace('&', " and ").replace(['’', '\''], "'");
    let mut out = String::with_capacity(lower.len());
    for word in lower.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        let word = word.trim_matches('\'');
        let word = word.strip_suffix("'s").unwrap_or(word);
        let word: String = word.chars().filter(|c| *c != '\'').collect();
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => out,
    }
}

/// "jta.org", "Haaretz.com", "www.timesofisrael.com": one token with a dot and a TLD.
fn looks_like_domain(s: &str) -> bool {
    let s = s.trim().trim_end_matches('/');
    let s = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")).unwrap_or(s);
    if s.contains(char::is_whitespace) || s.contains('/') || s.contains('@') {
        return false;
    }
    let Some((head, tld)) = s.rsplit_once('.') else { return false };
    !head.is_empty() && (2..=12).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic()) && head.chars().any(char::is_alphabetic)
}

/// The host of a URL or a bare domain, lower-cased, without "www.".
fn host_of(value: &str) -> Option<String> {
    let value = without_doubled_scheme(value.trim());
    let url = Url::parse(value).ok().or_else(|| {
        let bare = value.split('/').next().unwrap_or_default();
        looks_like_domain(bare).then(|| Url::parse(&format!("https://{value}")).ok()).flatten()
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_owned())
}

/// The name part of a host's registrable domain: "www.forward.com" → "forward",
/// "haaretz.co.il" → "haaretz", "news.bbc.co.uk" → "bbc". Subdomains and country variants of one
/// site share a label.
pub fn site_label(host: &str) -> String {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    let host = host.strip_prefix("https://").or_else(|| host.strip_prefix("http://")).unwrap_or(&host);
    let host = host.split(['/', ':']).next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    match labels.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [.., second, last] => {
            let second_level = ["co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "ltd", "plc", "nic"];
            if last.len() == 2 && second_level.contains(second) && labels.len() >= 3 { labels[labels.len() - 3].to_owned() } else { (*second).to_owned() }
        }
    }
}

/// The name of a host's subdomain, when it may be the site's own: "folha" on
/// www1.folha.uol.com.br. Not "www2", "news", "edition" or another word of many sites.
fn subdomain_label(host: &str) -> Option<String> {
    const SHARED: &[&str] = &["edition", "mobile", "amp", "beta", "static", "blog", "blogs", "live", "home", "main", "english", "secure", "video", "sport", "sports", "finance"];
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let label = site_label(&host);
    let registrable = labels.iter().rposition(|l| *l == label)?;
    let sub = *labels.get(registrable.checked_sub(1)?)?;
    (sub.len() >= 4 && sub.bytes().all(|b| b.is_ascii_lowercase()) && !sub.starts_with("www") && !GENERIC_WORDS.contains(&sub) && !SHARED.contains(&sub)).then(|| sub.to_owned())
}

/// A normalised name as written, then as hosts spell it where that differs: Latin letters without
/// their accents ("la nacion" for "la nación", on lanacion.com.ar), and German's umlauts as two
/// letters ("sueddeutsche" for "süddeutsche", on sueddeutsche.de).
fn host_spellings(norm: &str) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
    let spell = |german: bool| -> Option<String> {
        let mut changed = false;
        let mut out = String::with_capacity(norm.len());
        for c in norm.chars() {
            match unaccented(c, german) {
                Some(plain) => {
                    out.push_str(plain);
                    changed = true;
                }
                None => out.push(c),
            }
        }
        changed.then_some(out)
    };
    let (plain, german) = if norm.is_ascii() { (None, None) } else { (spell(false), norm.contains(['ä', 'ö', 'ü']).then(|| spell(true)).flatten()) };
    std::iter::once(std::borrow::Cow::Borrowed(norm)).chain(plain.into_iter().chain(german).map(std::borrow::Cow::Owned))
}

/// A lower-case Latin letter with a diacritic, as ASCII (German's umlauts as "ae", "oe", "ue"
/// with `german`).
fn unaccented(c: char, german: bool) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ä' => if german { "ae" } else { "a" },
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' | 'ļ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'ō' | 'ő' => "o",
        'ö' => if german { "oe" } else { "o" },
        'œ' => "oe",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ü' => if german { "ue" } else { "u" },
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ğ' => "g",
        'þ' => "th",
        _ => return None,
    })
}

fn squash(normalized: &str) -> String {
    normalized.chars().filter(|c| !c.is_whitespace()).collect()
}

fn distinctive(normalized: &str) -> impl Iterator<Item = &str> {
    normalized.split(' ').filter(|w| w.len() >= 3 && !GENERIC_WORDS.contains(w))
}

/// Whether two outlet names mean the same outlet: equal once normalised, equal without spaces
/// ("Times of Israel" and "timesofisrael.com"), or one contained word for word in the other with
/// a distinctive word in common ("Forward" in "Yiddish Forward", not "Jewish News" in "Cleveland
/// Jewish News").
pub fn same_outlet(a: &str, b: &str) -> bool {
    if let Some(hit) = SAME_OUTLET.with(|c| c.borrow().1.get(a).and_then(|m| m.get(b)).copied()) {
        return hit;
    }
    let value = same_outlet_uncached(a, b);
    SAME_OUTLET.with(|c| {
        let (len, map) = &mut *c.borrow_mut();
        if *len >= 4096 {
            map.clear();
            *len = 0;
        }
        map.entry(a.to_owned()).or_default().insert(b.to_owned(), value);
        *len += 1;
    });
    value
}

fn same_outlet_uncached(a: &str, b: &str) -> bool {
    let (a_raw, b_raw) = (a, b);
    let (a, b) = (normalize_name(a), normalize_name(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    // The comparisons below are those of `squash` and `alnum_key`, without building the strings.
    if a == b || a.chars().filter(|c| !c.is_whitespace()).eq(b.chars().filter(|c| !c.is_whitespace())) {
        return true;
    }
    if a_raw.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).eq(b_raw.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase)) {
        // "TheHill" and "The Hill"
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if distinctive(short).next().is_some() && words_within(long, short) {
        return true;
    }
    // "日本経済新聞社" (the company) and "日本経済新聞 電子版" (its site): the same outlet once the
    // company's mark is off.
    let (a_outlet, b_outlet) = (without_cjk_company(&a), without_cjk_company(&b));
    if a_outlet.len() == a.len() && b_outlet.len() == b.len() {
        return false;
    }
    let (short, long) = if a_outlet.len() <= b_outlet.len() { (a_outlet, b_outlet) } else { (b_outlet, a_outlet) };
    !short.is_empty() && (short == long || words_within(long, short))
}

/// A Chinese, Japanese or Korean outlet's name (normalised) without the mark of its company:
/// 株式会社 / 주식회사 (a company limited by shares) before or after it, 有限公司 / 公司 / 集团
/// after it, and the 社 that makes a newspaper or an agency its company (新聞社, 通信社:
/// "日本経済新聞社" → "日本経済新聞").
fn without_cjk_company(name: &str) -> &str {
    let mut name = name.trim();
    for mark in ["株式会社", "주식회사"] {
        name = name.strip_prefix(mark).or_else(|| name.strip_suffix(mark)).unwrap_or(name).trim();
    }
    for mark in ["股份有限公司", "有限公司", "有限会社", "公司", "集团", "集團"] {
        if let Some(rest) = name.strip_suffix(mark) {
            return rest.trim();
        }
    }
    match name.strip_suffix('社') {
        Some(rest) if ["新聞", "新闻", "通信", "日報", "日报"].iter().any(|paper| rest.ends_with(paper)) => rest,
        _ => name,
    }
}

/// Whether `short` occurs in `long` between spaces or the ends: `" {long} "` contains
/// `" {short} "`. Such an occurrence starts at the start of `long` or after a space.
fn words_within(long: &str, short: &str) -> bool {
    let mut rest = long;
    loop {
        if let Some(after) = rest.strip_prefix(short)
            && (after.is_empty() || after.starts_with(' '))
        {
            return true;
        }
        match rest.find(' ') {
            Some(i) => rest = &rest[i + 1..],
            None => return false,
        }
    }
}

/// [`same_outlet`], or a distinctive word in common ("KOMU 8" and "KOMU-TV"): for names the page
/// gives itself in different places, where a false difference would refuse an original story.
fn similar_outlet(a: &str, b: &str) -> bool {
    if same_outlet(a, b) {
        return true;
    }
    let (a, b) = (normalize_name(a), normalize_name(b));
    distinctive(&a).filter(|w| w.len() >= 4).any(|w| b.split(' ').any(|v| v == w))
        || acronym_of(&a, &b)
        || acronym_of(&b, &a)
        || compound_of(&a, &b)
        || compound_of(&b, &a)
}

/// `short` (normalised) is the initials of `long` but its last word, then that word: "nytimes" /
/// "New York Times", "latimes" / "Los Angeles Times".
fn compound_of(short: &str, long: &str) -> bool {
    let ws: Vec<&str> = long.split(' ').filter(|w| !w.is_empty()).collect();
    let [init @ .., last] = ws.as_slice() else { return false };
    if init.is_empty() || short.contains(' ') {
        return false;
    }
    let initials: String = init.iter().filter_map(|w| w.chars().next()).collect();
    short == format!("{initials}{last}")
}

/// `short` (normalised) is, or opens with, the initials of `long`: "WSJ" / "Wall Street Journal",
/// "DH News Service" / "Deccan Herald".
fn acronym_of(short: &str, long: &str) -> bool {
    let minor = ["of", "and", "the", "for", "de", "la", "le", "el", "in", "on", "at", "a", "an"];
    let initials: String = long.split(' ').filter(|w| !w.is_empty() && !minor.contains(w)).filter_map(|w| w.chars().next()).collect();
    let first = short.split(' ').next().unwrap_or_default();
    initials.chars().count() >= 2 && first == initials
}

fn words(normalized: &str) -> Vec<&str> {
    normalized.split(' ').filter(|w| !w.is_empty()).collect()
}

/// A name that looks like an outlet rather than a person: "Cleveland Jewish News", "The
/// Washington Post", "jns.org"; not "Emily Post", "Deputy News Editor", "Staff".
pub fn looks_like_outlet(name: &str) -> bool {
    let trimmed = name.trim();
    if looks_like_domain(trimmed) {
        return true;
    }
    let norm = normalize_name(trimmed);
    let ws = words(&norm);
    // A government's gazette is a source of notices, not of stories: "Diario Oficial de la
    // Federación", "Gazzetta Ufficiale", "Official Journal of the European Union".
    const OFFICIAL: &[&str] = &["official", "oficial", "officiel", "officielle", "ufficiale", "amtsblatt"];
    if ws.is_empty() || ws.len() > 8 || ws.iter().any(|w| ROLE_WORDS.contains(w) || OFFICIAL.contains(w)) {
        return false;
    }
    let has_the = trimmed.to_lowercase().starts_with("the ");
    let strong = ws.iter().any(|w| (OUTLET_WORDS.contains(w) && !(WEAK_OUTLET_WORDS.contains(w) && !has_the && ws.len() < 3)) || FOREIGN_OUTLET_WORDS.contains(w));
    let weak = has_the && ws.iter().any(|w| WEAK_OUTLET_WORDS.contains(w));
    let compound = ws.iter().any(|w| FOREIGN_OUTLET_ENDINGS.iter().any(|e| w.len() > e.len() + 2 && w.ends_with(e)));
    let foreign_weak = matches!(ws.as_slice(), [article, word, ..] if ws.len() <= 3 && FOREIGN_ARTICLES.contains(article) && FOREIGN_WEAK_OUTLET_WORDS.contains(word));
    (strong || weak) && (ws.len() >= 2 || has_the) || compound || foreign_weak || statehouse_masthead(&ws)
}

/// A US state's name and one masthead word, as the nonprofit statehouse newsrooms name themselves:
/// "Georgia Recorder", "Kansas Reflector", "Virginia Mercury", "Colorado Sun", "New Jersey
/// Monitor". After a state's name these words can only be a paper's ("Jane Doe, Georgia Recorder"
/// is no county recorder, who would be a county's).
fn statehouse_masthead(words: &[&str]) -> bool {
    const STATES: &[&str] = &[
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida", "georgia", "hawaii", "idaho", "illinois",
        "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri",
        "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma",
        "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
        "west virginia", "wisconsin", "wyoming",
    ];
    const MASTHEAD_WORDS: &[&str] = &[
        "recorder", "reflector", "mercury", "newsline", "reformer", "lantern", "lookout", "illuminator", "beacon", "searchlight", "spotlight", "phoenix",
        "current", "advance", "sun", "mirror", "monitor", "examiner", "observer", "bee", "star", "post", "globe", "standard", "record", "banner",
    ];
    let [place @ .., last] = words else { return false };
    !place.is_empty() && place.len() <= 2 && MASTHEAD_WORDS.contains(last) && STATES.contains(&place.join(" ").as_str())
}

/// Trim and cut to at most 160 characters.
fn evidence(text: &str) -> String {
    let text = collapse(text);
    if text.chars().count() <= 160 {
        return text;
    }
    let mut cut: String = text.chars().take(159).collect();
    cut.push('…');
    cut
}

// ---------------------------------------------------------------------------------------------
// The page's own identity

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid built-in selector")
}

static SITE_NAME: LazyLock<Selector> = LazyLock::new(|| sel("meta[property='og:site_name'], meta[name='og:site_name'], meta[name='application-name']"));
static OG_URL: LazyLock<Selector> = LazyLock::new(|| sel("meta[property='og:url'], meta[name='og:url']"));

/// A meta tag's value: `content`, or `value` as React Helmet wrote it on some sites.
fn meta_value<'a>(meta: &ElementRef<'a>) -> Option<&'a str> {
    meta.value().attr("content").or_else(|| meta.value().attr("value"))
}
static SITE_LINKS: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        "link[rel='https://api.w.org/'][href], link[rel=shortlink][href], link[rel=EditURI][href], link[rel=alternate][type='application/rss+xml'][href], link[rel=alternate][type='application/atom+xml'][href], link[rel=alternate][hreflang][href], link[rel=search][href], link[rel=pingback][href], link[rel=home][href]",
    )
});
/// Navigation links: "header a[href], nav a[href], [role=navigation] a[href], footer a[href],
/// [class*=logo] a[href], a[class*=logo][href], a[rel=home][href]", in two halves (see
/// [`nav_links`]).
static NAV_LINKS_IN: LazyLock<Selector> =
    LazyLock::new(|| sel("header a[href], nav a[href], [role=navigation] a[href], footer a[href], [class*=logo] a[href]"));
static NAV_LINKS_SELF: LazyLock<Selector> = LazyLock::new(|| sel("a[class*=logo][href], a[rel=home][href]"));

/// The links the navigation selector matches, in tree order (as `select_named`). The selector
/// walks every ancestor of every link; here a link with an `href` inside a `header`, `nav` or
/// `footer` matches without it, and each half of the selector runs only on the links that can
/// match it: those inside an element with a `role` or a class holding "logo" (in any case: a
/// superset), and those with a `rel` or such a class themselves.
fn nav_links(html: &Html) -> impl Iterator<Item = ElementRef<'_>> {
    let logo_class = |e: &scraper::node::Element| e.attrs().any(|(name, value)| name == "class" && holds_logo(value));
    // For an element: whether it or an ancestor is a header, nav or footer, and whether it or an
    // ancestor has a role or a class holding "logo". Remembered per element, so that each
    // ancestor is looked at once, not once for every link below it.
    let mut known: rustc_hash::FxHashMap<ego_tree::NodeId, (bool, bool)> = Default::default();
    let mut chain = Vec::new();
    html.tree.nodes().filter_map(ElementRef::wrap).filter(move |a| {
        let e = a.value();
        if e.name() != "a" || !has_any_attr(e, &["href"]) {
            return false;
        }
        chain.clear();
        let mut flags = (false, false);
        let mut node = a.parent();
        while let Some(n) = node {
            if let Some(p) = ElementRef::wrap(n) {
                if let Some(&k) = known.get(&p.id()) {
                    flags = k;
                    break;
                }
                chain.push(p);
            }
            node = n.parent();
        }
        for p in chain.iter().rev() {
            let v = p.value();
            flags = (flags.0 || matches!(v.name(), "header" | "nav" | "footer"), flags.1 || has_any_attr(v, &["role"]) || logo_class(v));
            known.insert(p.id(), flags);
        }
        let (inside, maybe) = flags;
        inside || (maybe && NAV_LINKS_IN.matches(a)) || ((has_any_attr(e, &["rel"]) || logo_class(e)) && NAV_LINKS_SELF.matches(a))
    })
}

/// Whether a class value holds "logo", ignoring ASCII case.
fn holds_logo(value: &str) -> bool {
    let bytes = value.as_bytes();
    (0..bytes.len().saturating_sub(3)).any(|i| (bytes[i] | 0x20) == b'l' && bytes[i + 1..i + 4].eq_ignore_ascii_case(b"ogo"))
}

static BODY_ARTICLE: LazyLock<Selector> = LazyLock::new(|| sel("body[class], article[class]"));

// JUDGE-NEEDS: a profile key for the publisher's other names (e.g. `publisher_aliases =
// ["Forverts", "Forward.com"]`), and the JSON-LD publisher's `url` in `Provenance`, would let the
// judge recognise the page's own publisher without the heuristics below.
/// Who the page belongs to: its publisher's names and its site labels, and the partners that are
/// not the page's own (a JTA story on jta.org is original).
struct Site<'p> {
    /// Publisher names: the profile's, og:site_name, application-name, the extracted publisher.
    names: Vec<String>,
    /// Whether a name came from somewhere other than the JSON-LD publisher itself.
    names_independent: bool,
    /// Site labels ("forward") of the page's own hosts.
    labels: Vec<String>,
    /// The canonical URL is on another site.
    foreign_canonical: Option<String>,
    /// Partners and agencies other than the page's own publisher.
    partners: Vec<&'p Partner>,
    /// Partners that are the page's own publisher (AP on apnews.com): their names are own names.
    own_partners: Vec<&'p Partner>,
    /// The profile's own partners that are foreign here, with their forms: [`Site::partner_named`]
    /// looks through them before the built-in ones (a profile has few).
    profile_partners: Vec<(&'p Partner, PartnerForms)>,
    /// For each built-in partner, whether it is the page's own publisher: [`BUILTIN_LOOKUP`] is
    /// the same for every page, and this says which of its answers count.
    builtin_own: Vec<bool>,
}

impl<'p> Site<'p> {
    fn new(profile: &'p Profile, meta: &Metadata, html: &Html, fetched: Option<&Url>) -> Site<'p> {
        let forms = partner_forms(profile);
        let mut names: Vec<String> = profile.publisher.iter().chain(&profile.publisher_aliases).cloned().collect();
        names.extend(select_named(html, &SITE_NAME, &["meta"]).filter_map(|m| meta_value(&m)).map(collapse).filter(|n| !n.is_empty()));

        // Hosts the site names itself with, the canonical URL aside. Strong: the fetched URL, the
        // profile's domains, an og:url that differs from the canonical URL, WordPress API and
        // shortlink links, language versions (`hreflang`). Weak: feeds and the host most
        // navigation links point to (often a parent company's): enough to call a host the page's
        // own, never to call the canonical URL foreign.
        let push = |labels: &mut Vec<String>, host: &str| {
            let label = site_label(host);
            if !label.is_empty() && !labels.contains(&label) {
                labels.push(label);
            }
        };
        let mut strong: Vec<String> = Vec::new();
        let mut weak: Vec<String> = Vec::new();
        if let Some(host) = fetched.and_then(Url::host_str) {
            push(&mut strong, host);
        }
        for domain in &profile.domains {
            push(&mut strong, domain);
        }
        for link in select_named(html, &SITE_LINKS, &["link"]) {
            let Some(host) = link.value().attr("href").and_then(host_of) else { continue };
            let rel = link.value().attr("rel").unwrap_or_default().to_ascii_lowercase();
            // A language version (`hreflang`) is this page on the site that serves it, as strong
            // as a shortlink: MSN's copy of a partner's story names msn.com only there.
            let language_version = rel == "alternate" && link.value().attr("hreflang").is_some();
            if (rel == "alternate" && !language_version) || rel == "search" || rel == "home" {
                if !host.contains("feedburner") && !host.contains("feeds.") {
                    push(&mut weak, &host);
                }
            } else {
                push(&mut strong, &host);
            }
        }
        let mut counts: Vec<(String, usize)> = Vec::new();
        let mut total = 0usize;
        for a in nav_links(html).take(2000) {
            let Some(host) = a.value().attr("href").and_then(host_of) else { continue };
            total += 1;
            let label = site_label(&host);
            match counts.iter_mut().find(|(l, _)| *l == label) {
                Some((_, n)) => *n += 1,
                None => counts.push((label, 1)),
            }
        }
        if let Some((label, n)) = counts.iter().max_by_key(|(_, n)| *n)
            && *n >= 3
            && *n * 2 >= total
        {
            // The host the navigation points to, when the page's own name names it too ("Fortune"
            // over fortune.com's links): two witnesses, strong enough to call a canonical URL on
            // another site foreign.
            let named = names.iter().any(|n| squash(&normalize_name(n)) == *label);
            push(if named { &mut strong } else { &mut weak }, label);
        }
        let canonical = meta.canonical_url.as_ref().and_then(|u| u.host_str()).map(site_label);
        let og_url = select_named(html, &OG_URL, &["meta"]).find_map(|m| meta_value(&m).and_then(host_of)).map(|h| site_label(&h));
        if let (Some(og), Some(c)) = (&og_url, &canonical)
            && og != c
        {
            push(&mut strong, og);
        }
        let foreign_canonical = match &canonical {
            Some(c) if !strong.is_empty() && !strong.contains(c) && !weak.contains(c) => meta.canonical_url.as_ref().map(Url::to_string),
            _ => None,
        };
        if foreign_canonical.is_none() {
            if let Some(c) = canonical {
                push(&mut strong, &c);
            }
            if strong.is_empty()
                && let Some(host) = meta.page_url.as_ref().and_then(Url::host_str)
            {
                push(&mut strong, host);
            }
        }
        // The site's name may be its host's subdomain: "folha" on www1.folha.uol.com.br.
        if let Some(sub) = meta.canonical_url.as_ref().or(meta.page_url.as_ref()).and_then(Url::host_str).and_then(subdomain_label)
            && !weak.contains(&sub)
        {
            weak.push(sub);
        }
        // Partners are judged against the strong labels only; hosts against all of them.
        let mut labels = strong.clone();
        for label in weak {
            push(&mut labels, &label);
        }

        let names_independent = !names.is_empty();
        if let Some(publisher) = &meta.publisher {
            // The extracted publisher may come from the JSON-LD publisher, which on a syndicated
            // page can name the origin: trust it alone only if it is not a partner of another site.
            let publisher_keys = NameKeys::of([publisher.as_str()], &[]);
            let foreign_partner = forms.iter().any(|(p, f)| {
                publisher_keys.may_match(&f.keys) && partner_names(p).any(|n| same_outlet(n, publisher)) && !f.labels.iter().any(|l| labels.contains(l))
            });
            if !foreign_partner {
                names.push(publisher.clone());
            }
        }
        names.retain(|n| !normalize_name(n).is_empty());

        let mut site = Site {
            names,
            names_independent,
            labels,
            foreign_canonical,
            partners: Vec::new(),
            own_partners: Vec::new(),
            profile_partners: Vec::new(),
            builtin_own: Vec::with_capacity(Profile::builtin_partners().len()),
        };
        // Most partners share no word with the page's names: ask the keys before comparing.
        let own_keys = NameKeys::of(site.names.iter().map(String::as_str), &site.labels);
        for (p, f) in forms {
            let own_name = own_keys.may_match(&f.keys) && partner_names(p).any(|n| site.is_own_name(n));
            let own_host = f.labels.iter().any(|l| strong.contains(l));
            let own = own_name || own_host;
            if own {
                site.own_partners.push(p);
            } else {
                site.partners.push(p);
            }
            match f {
                std::borrow::Cow::Owned(f) if !own => site.profile_partners.push((p, f)),
                std::borrow::Cow::Owned(_) => {}
                std::borrow::Cow::Borrowed(_) => site.builtin_own.push(own),
            }
        }
        site
    }

    /// The name is the page's own publisher ("the Forward", "Forward", "forward.com").
    fn is_own_name(&self, name: &str) -> bool {
        let norm = normalize_name(name);
        if norm.is_empty() {
            return false;
        }
        self.names.iter().any(|own| same_outlet(own, name))
            || (!self.labels.is_empty() && {
                let full = alnum_key(name);
                self.labels.contains(&full) || host_spellings(&norm).any(|spelled| self.labels.contains(&squash(&spelled)))
            })
            || self.is_own_partner(&norm)
    }

    /// `norm` (a [`normalize_name`]) names one of the partners that are the site itself.
    fn is_own_partner(&self, norm: &str) -> bool {
        self.own_partners.iter().any(|p| partner_names(p).any(|n| normalize_name(n) == norm))
    }

    /// Like [`Site::is_own_name`], forgiving different spellings ("Forward Association").
    fn is_own_name_loosely(&self, name: &str) -> bool {
        if self.is_own_name(name) || self.names.iter().any(|own| similar_outlet(own, name)) {
            return true;
        }
        // The site's own label as a word: "MA WebMD Health News" on webmd.com, "NJ Advance Media
        // for NJ.com" on nj.com.
        let norm = normalize_name(name);
        let spellings: Vec<_> = host_spellings(&norm).collect();
        self.labels.iter().any(|l| l.len() >= 2 && !GENERIC_WORDS.contains(&l.as_str()) && spellings.iter().any(|s| s.split(' ').any(|w| w == l)))
    }

    /// Like [`Site::is_own_name_loosely`], and also the site's name in short or at length, as a
    /// paper calls itself in its own lines: one word of its name ("a correspondent for The Post" on
    /// The Washington Post's site, "for the Times" on the Los Angeles Times's), or its host's name
    /// with more words around it ("Honolulu Civil Beat" on civilbeat.org, which need not say its
    /// name in a meta tag).
    fn is_own_name_in_any_form(&self, name: &str) -> bool {
        if self.is_own_name_loosely(name) {
            return true;
        }
        let norm = normalize_name(name);
        if norm.is_empty() {
            return false;
        }
        let one_word = !norm.contains(' ') && self.names.iter().any(|own| normalize_name(own).split(' ').any(|w| w == norm));
        one_word
            || host_spellings(&norm).any(|spelled| {
                let squashed = squash(&spelled);
                (!spelled.contains(' ') && spelled.len() >= 4 && self.labels.iter().any(|l| l.contains(&*spelled)))
                    || self.labels.iter().any(|l| l.len() >= 5 && squashed.contains(l.as_str()))
            })
    }

    fn is_own_host(&self, host: &str) -> bool {
        self.labels.contains(&site_label(host))
    }

    /// A foreign partner by name, alias, agency code or domain.
    fn partner_named(&self, name: &str) -> Option<&'p Partner> {
        let norm = normalize_name(name);
        if norm.is_empty() {
            return None;
        }
        let found = match self.profile_partners.iter().find(|(_, f)| f.names.contains(&norm) || f.labels.contains(&norm)) {
            Some((p, _)) => Some(*p),
            None => BUILTIN_LOOKUP.get(norm.as_str())?.iter().find(|&&i| !self.builtin_own[i]).map(|&i| &Profile::builtin_partners()[i]),
        };
        found.filter(|p| crate::partners::names_partner_as_written(name, &norm, p))
    }

    /// A foreign partner by name, or by the name of the company that owns it: "Bloomberg L.P.",
    /// "The New York Times Company", "Dow Jones & Company, Inc.".
    fn partner_or_its_company(&self, name: &str) -> Option<&'p Partner> {
        self.partner_named(name).or_else(|| self.partner_named(&company_brand(name)))
    }

    /// A foreign partner by agency code, name or alias, for datelines: "(JTA)", "(Reuters)".
    fn partner_coded(&self, code: &str) -> Option<&'p Partner> {
        let code = code.trim();
        self.partners
            .iter()
            .copied()
            .find(|p| {
                p.agency_codes.iter().any(|c| c.eq_ignore_ascii_case(code)) && crate::partners::names_partner_as_written(code, &normalize_name(code), p)
            })
            // Not a lower-case word ("ap", "via"); scripts without case ("연합뉴스") are names.
            .or_else(|| self.partner_named(code).filter(|_| code.chars().any(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))))
    }

    /// A foreign partner whose domains include the host.
    fn partner_for_host(&self, host: &str) -> Option<&'p Partner> {
        let host = host.trim_start_matches("www.").to_ascii_lowercase();
        self.partners.iter().copied().find(|p| {
            p.domains.iter().any(|d| {
                let d = d.trim_start_matches("www.").to_ascii_lowercase();
                host_within(&host, &d) || site_label(&host) == site_label(&d)
            })
        })
    }

    /// The name a reason gives an outlet: the partner's canonical name when it is one ("Jewish
    /// Telegraphic Agency" → "JTA"), else the name without a leading "the".
    fn source_name(&self, raw: &str) -> String {
        if let Some(p) = self.partner_or_its_company(raw) {
            return p.name.clone();
        }
        let raw = raw.trim().trim_matches(|c: char| !c.is_alphanumeric());
        let raw = without_leading_the(raw);
        if looks_like_domain(raw)
            && let Some(p) = host_of(raw).and_then(|h| self.partner_for_host(&h))
        {
            return p.name.clone();
        }
        raw.to_owned()
    }

    /// The name a reason gives the site at a URL: a partner's name, else the host.
    fn source_for_url(&self, url: &str) -> Option<String> {
        let host = host_of(url)?;
        Some(self.partner_for_host(&host).map_or(host, |p| p.name.clone()))
    }
}

/// What two names that [`same_outlet`] matches always share, for a quick "no" before comparing: a
/// word once normalised, the normalised name without spaces ("timesofisrael"), or its letters and
/// digits ("thehill"). Site labels are keys as they stand, for [`Site::is_own_name`]'s comparison of
/// a name with the site's hosts. Keys are kept as hashes: a collision only sends a pair on to the
/// full comparison.
struct NameKeys(rustc_hash::FxHashSet<u64>);

impl NameKeys {
    fn of<'a>(names: impl IntoIterator<Item = &'a str>, labels: &[String]) -> NameKeys {
        let mut keys = rustc_hash::FxHashSet::default();
        for name in names {
            NameKeys::of_normalized(name, &normalize_name(name), |k| {
                keys.insert(k);
            });
        }
        keys.extend(labels.iter().map(|l| key_hash(l.bytes())));
        NameKeys(keys)
    }

    /// The keys of one name, given its [`normalize_name`], each handed to `key`.
    fn of_normalized(name: &str, norm: &str, mut key: impl FnMut(u64)) {
        for word in norm.split(' ').filter(|w| !w.is_empty()) {
            key(key_hash(word.bytes()));
        }
        key(key_hash(norm.bytes().filter(|b| !b.is_ascii_whitespace())));
        if name.is_ascii() {
            key(key_hash(name.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_lowercase())));
        } else {
            key(key_hash(alnum_key(name).bytes()));
        }
    }

    /// Whether a name with these keys ([`PartnerForms::keys`]) may be the same outlet as one of the
    /// names, or name one of the labels.
    fn may_match(&self, keys: &[u64]) -> bool {
        keys.iter().any(|k| self.0.contains(k))
    }
}

/// A partner's names and domains as the judge compares them, worked out once: the built-in
/// partners' for the whole process ([`BUILTIN_FORMS`]), a profile's own for each page.
#[derive(Debug, Clone)]
struct PartnerForms {
    /// Its names and aliases normalised.
    names: Vec<String>,
    /// The [`NameKeys`] of its names and aliases.
    keys: Vec<u64>,
    /// Its domains' site labels.
    labels: Vec<String>,
}

impl PartnerForms {
    fn of(p: &Partner) -> PartnerForms {
        let mut forms = PartnerForms { names: Vec::new(), keys: Vec::new(), labels: p.domains.iter().map(|d| site_label(d)).collect() };
        for name in partner_names(p) {
            // Each name once, past the memo: the built-in partners' names are worked out once per
            // process, and would only crowd it.
            let norm = normalize_name_uncached(name);
            NameKeys::of_normalized(name, &norm, |k| forms.keys.push(k));
            forms.names.push(norm);
        }
        forms
    }
}

static BUILTIN_FORMS: LazyLock<Vec<PartnerForms>> = LazyLock::new(|| Profile::builtin_partners().iter().map(PartnerForms::of).collect());

/// Every partner of the profile, in [`Profile::all_partners`]' order, with its forms.
fn partner_forms(profile: &Profile) -> Vec<(&Partner, std::borrow::Cow<'static, PartnerForms>)> {
    let own = profile.partners.iter().map(|p| (p, std::borrow::Cow::Owned(PartnerForms::of(p))));
    let builtin = Profile::builtin_partners().iter().zip(BUILTIN_FORMS.iter()).map(|(p, f)| (p, std::borrow::Cow::Borrowed(f)));
    own.chain(builtin).collect()
}

/// Each normalised name and site label of the built-in partners, with the partners that have it
/// in order: what [`Site::partner_named`] looks a name up in, built once per process (a page asks
/// for partners by name many times, and there are two hundred).
static BUILTIN_LOOKUP: LazyLock<rustc_hash::FxHashMap<&'static str, Vec<usize>>> = LazyLock::new(|| {
    let mut lookup: rustc_hash::FxHashMap<&'static str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (i, f) in BUILTIN_FORMS.iter().enumerate() {
        for key in f.names.iter().chain(&f.labels) {
            let ids = lookup.entry(key.as_str()).or_default();
            if !ids.contains(&i) {
                ids.push(i);
            }
        }
    }
    lookup
});

fn partner_names(p: &Partner) -> impl Iterator<Item = &str> {
    std::iter::once(p.name.as_str()).chain(p.aliases.iter().map(String::as_str))
}

/// An outlet's name without a leading "The" ("the Cleveland Jewish News" → "Cleveland Jewish
/// News"), unless one word would be left: "The Conversation" is read with its article.
fn without_leading_the(name: &str) -> &str {
    if name.split_whitespace().count() > 2 { strip_leading_the(name) } else { name.trim() }
}

fn strip_leading_the(s: &str) -> &str {
    let t = s.trim();
    if t.len() > 4 && t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("the ")) { t[4..].trim_start() } else { t }
}

// ---------------------------------------------------------------------------------------------
// 5. Profile rules

fn profile_rules(site: &Site<'_>, profile: &Profile, meta: &Metadata, html: &Html, reasons: &mut Vec<Reason>) {
    let mut classes: Vec<String> = meta.provenance.page_classes.clone();
    for element in select_named(html, &BODY_ARTICLE, &["body", "article"]).take(4) {
        for class in element.value().classes() {
            if !classes.iter().any(|c| c == class) {
                classes.push(class.to_owned());
            }
        }
    }
    for marker in &profile.opt_out.classes {
        if let Some(class) = classes.iter().find(|c| c.eq_ignore_ascii_case(marker.trim())) {
            reasons.push(Reason {
                signal: Signal::Profile,
                evidence: evidence(class),
                location: "body class".to_owned(),
                source: source_from_class(site, class),
            });
        }
    }
    for selector in &profile.opt_out.selectors {
        let Ok(parsed) = Selector::parse(selector) else { continue };
        if let Some(element) = html.select(&parsed).next() {
            let text = element_text(element);
            let source =
                site.partners.iter().find(|p| partner_names(p).any(|n| contains_words(&text, n)) || contains_words(selector, &p.name)).map(|p| p.name.clone());
            reasons.push(Reason { signal: Signal::Profile, evidence: evidence(selector), location: "opt-out selector".to_owned(), source });
        }
    }
    category_signals(site, profile, html, reasons);
}

/// The wires' categories, as WordPress writes a post's categories into its classes: the story's
/// `article` (the one around the page's first `h1`) or `body` with "category-associated-press",
/// "category-reuters", "category-wire". Only categories, not tags ("tag-reuters" may be a story
/// about Reuters), and only a partner's name, alias or site's label, of three letters or more
/// ("category-ap" may be Advanced Placement); other pages' articles in a rail do not count.
/// Without an `h1`, only `body`.
fn category_signals(site: &Site<'_>, profile: &Profile, html: &Html, reasons: &mut Vec<Reason>) {
    const WIRE_CATEGORIES: &[&str] = &["wire", "wires", "wire-service", "wire-services", "wire-stories", "wire-news", "syndicated", "syndication", "news-agencies"];
    let story: Vec<ElementRef<'_>> = match first_headline(&html.tree) {
        Some(h1) => h1.ancestors().filter_map(ElementRef::wrap).filter(|e| matches!(e.value().name(), "article" | "body")).collect(),
        None => select_named(html, &BODY_ARTICLE, &["body"]).filter(|e| e.value().name() == "body").take(1).collect(),
    };
    for element in story {
        for class in element.value().classes() {
            let lower = class.to_ascii_lowercase();
            let Some(category) = lower.strip_prefix("category-") else { continue };
            if profile.opt_out.classes.iter().any(|m| m.trim().eq_ignore_ascii_case(class)) {
                continue;
            }
            // The partners' index, not `source_from_class`'s scan of every partner's every name:
            // most pages carry categories, and few name a partner.
            let source = (category.len() >= 3).then(|| site.partner_named(&category.replace(['-', '_'], " "))).flatten().map(|p| p.name.clone());
            if source.is_some() || WIRE_CATEGORIES.contains(&category) {
                reasons.push(Reason { signal: Signal::Metadata, evidence: evidence(class), location: format!("{} class", element.value().name()), source });
                return;
            }
        }
    }
}

/// "category-jta" → "JTA", "tag-haaretz" → "Haaretz"; `None` for "category-wire".
fn source_from_class(site: &Site<'_>, class: &str) -> Option<String> {
    let lower = class.to_ascii_lowercase();
    let suffix = ["category-", "tag-", "section-", "source-", "partner-", "syndicated-", "wire-"].iter().find_map(|p| lower.strip_prefix(p)).unwrap_or(&lower);
    let spaced = suffix.replace(['-', '_'], " ");
    site.partners
        .iter()
        .find(|p| {
            partner_names(p)
                .chain(p.agency_codes.iter().map(String::as_str))
                .any(|n| normalize_name(n) == spaced || squash(&normalize_name(n)) == squash(&spaced))
                || p.domains.iter().any(|d| site_label(d) == squash(&spaced))
        })
        .map(|p| p.name.clone())
}

/// Whether `name` occurs in `text` as whole words (case-insensitive).
fn contains_words(text: &str, name: &str) -> bool {
    let (text, name) = (normalize_name(text), normalize_name(name));
    !name.is_empty() && words_within(&text, &name)
}

// ---------------------------------------------------------------------------------------------
// 1. Byline and author

static BY_PREFIX: Pattern = Pattern::new(r"(?i)^\s*(?:(?:written|words|story|reporting|reported|posted|compiled|text)\s+by|by|from|द्वारा)\s*:?\s+");
/// What [`BY_PREFIX`] cannot match without.
const BY_WORDS: &[&str] = &["by", "from", "द्वारा"];
static PARENTHESES: Pattern = Pattern::new(r"[(\[]([^()\[\]]{2,60})[)\]]");
/// Between the names of a byline: separators, "and", "with", and in lower case the words bylines
/// join an outlet and an agency with in other languages ("Le Monde avec AFP", "Spiegel mit dpa").
static BYLINE_SPLIT: Pattern = Pattern::new(r"(?i)\s*(?:,|;|\||/|·|•|—|–|\s-\s|\s&\s|\band\b|\bwith\b|\s(?-i:avec|mit|und|et|con|com|y)\s)\s*");
/// The literal prerequisites of a split by [`BYLINE_SPLIT`] other than its punctuation.
const BYLINE_JOINS: &[&str] = &["and", "with", " avec ", " mit ", " und ", " et ", " con ", " com ", " y "];
static PERSON_FOR_OUTLET: Pattern = Pattern::new(r"^(?P<person>\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){1,3})\s+(?:for|of|at|from)\s+(?P<outlet>.+)$");
/// A date or time after the names in a byline: "By JTA March 23, 2025", "| Updated 3 hours ago".
static BYLINE_TAIL: Pattern = Pattern::new(r"(?i)\s*(?:\b(?:updated|published|posted)\b|\bon\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}|\b\d{1,2}/\d{1,2}/\d{2,4}|\b\d+\s+(?:min|minute|hour|day)s?\b).*$");
static STAFF_SUFFIX: Pattern = Pattern::new(r"(?i)\s+(?:staff(?:\s+(?:writers?|reporters?|reports?))?|wire(?:\s+(?:services?|reports?))?|news\s+desk|desk|editors|editorial\s+board|reports?|team|newsroom)$");

/// A byline's name without the newsroom's word before it, as papers in other languages sign
/// their desk's copy: "Redacción El Tiempo" → "El Tiempo", "Redazione Corriere della Sera".
fn without_newsroom_prefix(text: &str) -> &str {
    let Some((first, rest)) = text.trim_start().split_once(char::is_whitespace) else { return text };
    let rest = rest.trim_start();
    if NEWSROOM_WORDS.contains(&first.to_lowercase().as_str()) && rest.starts_with(char::is_uppercase) { rest } else { text }
}

/// A newsroom's own word, in the languages whose papers sign their desk's copy with it
/// ("Redacción El Tiempo", "Redazione con agenzie").
const NEWSROOM_WORDS: &[&str] = &["redacción", "redaccion", "rédaction", "redaction", "redaktion", "redação", "redacao", "redazione", "redactie"];

/// `STAFF_SUFFIX` removed, the pattern built only for a text that could end with one.
fn strip_staff_suffix(text: &str) -> std::borrow::Cow<'_, str> {
    if may_contain_any(text, &["staff", "wire", "desk", "editor", "board", "report", "team", "newsroom"]) {
        STAFF_SUFFIX.replace(text, "")
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Where a credit for the story's pictures, video or graphics starts in a byline ("photos by …"),
/// at the start of a word. Not metadata's `BYLINE_TAIL`, which also ends a byline at "edited by":
/// an editor's credit is the story's own ("By Jane Roe; edited by Tom Lee, Reuters" is the
/// agency's copy), a photographer's is not.
fn media_credit_at(text: &str) -> Option<usize> {
    const MEDIA_CREDITS: &[&str] = &[
        "photos by", "photo by", "photographs by", "photography by", "pictures by", "images by", "video by", "videos by", "graphics by", "graphic by",
        "illustration by", "illustrations by",
    ];
    if !may_contain_any(text, &["photo", "picture", "image", "video", "graphic", "illustration"]) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    MEDIA_CREDITS
        .iter()
        .filter_map(|credit| lower.match_indices(credit).map(|(at, _)| at).find(|&at| at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric()))
        .min()
}

/// How a byline candidate may name an outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Only as a partner: the whole byline, a staff role's leading words.
    Partner,
    /// As a partner, or when `unknown` allows it, as a name that looks like an outlet.
    Outlet,
    /// As an outlet as it stands, when `unknown` allows it: a one-word affiliation after a full
    /// name ("Jane Doe, CalMatters").
    Affiliation,
}

/// The outlets a byline or author name names: partners always, other outlets when `unknown`
/// allows it and the name looks like one or is an affiliation ([`Reading`]). The page's own
/// publisher never counts.
///
/// "By JTA and Forward Staff" → ["JTA"]; "Noa Shalev (Haaretz)" → ["Haaretz"]; "Noa Shalev,
/// Reuters" → ["Reuters"]; "Jane Doe, CalMatters" → ["CalMatters"]; "Jane Doe for the Forward" →
/// [] on the Forward.
fn byline_outlets(site: &Site<'_>, text: &str, unknown: bool, openings: &[&str]) -> Vec<String> {
    let text = collapse(text);
    // Each pattern only where its literal prerequisites are (building a pattern costs more than
    // the whole page's extraction; `embed` runs once per process).
    let text = if may_contain_any(&text, BY_WORDS) { BY_PREFIX.replace(&text, "").into_owned() } else { text };
    // "Story by Dana Whitfield; photos by Sam Reyes/Reuters": the pictures' credit names the
    // agency that sold them, not the story's origin.
    let text = match media_credit_at(&text) {
        Some(at) => text[..at].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ';' | '|' | ',' | '/' | '·' | '•' | '—' | '–' | '-')).to_owned(),
        None => text,
    };
    let may_have_tail = may_contain_any(&text, &["updated", "published", "posted"])
        || (text.contains(char::is_numeric) && (text.contains(['-', '/']) || may_contain_any(&text, &MONTH_OPENINGS) || may_contain_any(&text, &["min", "hour", "day"])));
    let text = if may_have_tail {
        BYLINE_TAIL.replace(&text, "").trim().to_owned()
    } else {
        text.trim().to_owned()
    };
    let has_parens = text.contains(['(', '[']);
    // The whole text only for partners, by name or by an agency's code: Hindi papers sign PTI's
    // copy "भाषा" (a code that is no word elsewhere; not "Petra", a given name).
    let mut candidates: Vec<(String, Reading)> = vec![(text.clone(), Reading::Partner)];
    if let Some(partner) = site.partner_coded(&text).filter(|_| crate::partners::signs_beyond_datelines(&text)) {
        candidates.push((partner.name.clone(), Reading::Partner));
    }
    if has_parens {
        for cap in PARENTHESES.captures_iter(&text) {
            candidates.push((cap[1].to_owned(), Reading::Outlet));
        }
    }
    let without_parens = if has_parens { PARENTHESES.replace_all(&text, ",") } else { std::borrow::Cow::Borrowed(text.as_str()) };
    let splits = without_parens.contains([',', ';', '|', '/', '·', '•', '—', '–', '-', '&']) || may_contain_any(&without_parens, BYLINE_JOINS);
    let pieces: Box<dyn Iterator<Item = &str>> =
        if splits { Box::new(BYLINE_SPLIT.split(&without_parens)) } else { Box::new(std::iter::once(&*without_parens)) };
    // Whether the piece before was a person's name of two or more words.
    let mut after_full_name = false;
    for piece in pieces {
        let piece = if may_contain_any(piece, BY_WORDS) { BY_PREFIX.replace(piece.trim(), "") } else { std::borrow::Cow::Borrowed(piece.trim()) };
        let piece = piece.trim();
        // "Nathan Tempey in News", "Ann Roe in Lagos": the section filed under or the place filed
        // from, after a person's name.
        let piece = match piece.split_once(" in ") {
            Some((person, _)) if is_full_name(person) => person,
            _ => piece,
        };
        if piece.is_empty() {
            continue;
        }
        // "Edited by Jane Roe | Source: PTI": a source's label, then a partner.
        if let Some(source) = NOTE_LABELS.iter().filter(|l| l.ends_with([':', '：'])).find_map(|l| strip_prefix_ignore_ascii_case(piece, l)) {
            candidates.push((source.trim().to_owned(), Reading::Partner));
            after_full_name = false;
            continue;
        }
        // "Staff and wire reports", "Detroit Star wire services", "Redacción / Agencias": copy from
        // the wires, whoever compiled it.
        if let Some(wires) = wire_credit(piece) {
            candidates.push((wires.to_owned(), Reading::Affiliation));
        }
        // "Jill Lawless Associated Press": a name run straight before a partner's name, without
        // the comma that would make it a piece of its own. The partner is the outlet; the whole
        // piece must not be read as an unknown outlet's name.
        // "Jane Roe of The Texas Tribune": the outlet after the person, and not the whole piece,
        // which would look like an outlet's name for its "Tribune".
        let for_outlet = ["for", "of", "at", "from"].iter().any(|w| piece.contains(w)).then(|| PERSON_FOR_OUTLET.captures(piece)).flatten();
        // "Jane Roe, Special to The Harbor Sun": a freelancer's story for that outlet ("Special"
        // is otherwise a role word).
        if let Some(outlet) = ["special to ", "special for "].iter().find_map(|p| strip_prefix_ignore_ascii_case(piece, p)) {
            candidates.push((outlet.to_owned(), Reading::Outlet));
            after_full_name = false;
            continue;
        }
        // "Jane Doe The Charlotte Observer": a name run straight into an outlet's "The"; the outlet
        // is what follows the name.
        if let Some((person, outlet)) = piece.split_once(" The ")
            && is_full_name(person)
        {
            candidates.push((format!("The {outlet}"), Reading::Outlet));
            after_full_name = false;
            continue;
        }
        match partner_after_name(site, piece) {
            Some(partner) => candidates.push((partner, Reading::Partner)),
            None if after_full_name && affiliation_token(piece) => candidates.push((piece.to_owned(), Reading::Affiliation)),
            // "Jane Doe, Chalkbeat Colorado": a partner's regional edition.
            None if after_full_name && let Some(partner) = partner_edition(site, piece) => candidates.push((partner.name.clone(), Reading::Partner)),
            None if for_outlet.is_some() => candidates.push((piece.to_owned(), Reading::Partner)),
            None => candidates.push((piece.to_owned(), Reading::Outlet)),
        }
        after_full_name = is_full_name(piece);
        if let Some(cap) = for_outlet {
            candidates.push((cap["outlet"].to_owned(), Reading::Outlet));
        }
        // "AP National Political Writer": a partner's staff role; only a partner counts here.
        candidates.extend(outlet_role_prefixes(piece).into_iter().map(|c| (c, Reading::Partner)));
    }
    let mut out: Vec<String> = Vec::new();
    for (candidate, reading) in &candidates {
        let candidate = candidate.trim().trim_matches(|c: char| c == ',' || c == ':' || c == '.' || c == '"' || c == '“' || c == '”');
        if candidate.is_empty() || candidate.len() > 80 {
            continue;
        }
        let stripped = strip_staff_suffix(without_newsroom_prefix(candidate));
        let forms = [candidate, stripped.trim()];
        if forms.iter().any(|f| site.is_own_name(f)) {
            continue;
        }
        // "By Ann Roe | WASHINGTON" over a story that opens "WASHINGTON (Reuters) -": the place
        // the story was filed from, which its dateline repeats.
        let dateline = candidate.chars().count() >= 3
            && openings.iter().any(|o| o.strip_prefix(candidate).is_some_and(|rest| !rest.starts_with(char::is_alphanumeric)));
        let outlet = match reading {
            Reading::Partner => false,
            Reading::Outlet => looks_like_outlet(candidate) && !dateline,
            Reading::Affiliation => !dateline,
        };
        // "Harbor Tribune Staff", "Chicago Tribune Editorial Board", "Redacción El Tiempo": the
        // desk's words are a role's, the name beside them an outlet's when it has two words or
        // more ("Times Staff" is a paper's own desk); the outlet is named without them.
        let desk_named = stripped.len() < candidate.len() && words(&normalize_name(&stripped)).len() >= 2 && looks_like_outlet(&stripped);
        let outlet = outlet || (reading == &Reading::Outlet && !dateline && desk_named);
        let named = if outlet && desk_named { stripped.trim() } else { candidate };
        let found = forms
            .iter()
            .find_map(|f| site.partner_named(f))
            .map(|p| p.name.clone())
            .or_else(|| (unknown && outlet && !site.is_own_name_loosely(named)).then(|| site.source_name(named)));
        if let Some(name) = found
            && !out.contains(&name)
        {
            out.push(name);
        }
    }
    out
}

fn byline_signals(site: &Site<'_>, meta: &Metadata, blocks: &[Block], reasons: &mut Vec<Reason>) {
    let prov = &meta.provenance;
    // How the story opens: its first paragraph, and the summary that repeats it.
    let first_paragraph = blocks.iter().filter(|b| !b.note && matches!(b.tag, "p" | "div" | "blockquote" | "li")).map(|b| b.text.trim_start()).find(|t| !t.is_empty());
    let openings: Vec<&str> = first_paragraph.into_iter().chain(meta.description.as_deref().map(str::trim_start)).collect();
    let fire = |reasons: &mut Vec<Reason>, text: &str, location: &str, unknown: bool| {
        for source in byline_outlets(site, text, unknown, &openings) {
            reasons.push(Reason { signal: Signal::Byline, evidence: evidence(text), location: location.to_owned(), source: Some(source) });
        }
    };
    if let Some(text) = prov.byline_text.as_ref().filter(|t| !is_photo_credit(t)) {
        let before = reasons.len();
        fire(reasons, text, "byline", true);
        // "Quelle: dpa", "Par l'AFP", "来源：新华社": agencies after a label the byline split does
        // not know.
        if reasons.len() == before
            && let Some((partner, _)) = agency_note(site, text, false, true)
        {
            reasons.push(Reason { signal: Signal::Byline, evidence: evidence(text), location: "byline".to_owned(), source: Some(partner.name.clone()) });
        }
    }
    for value in &prov.meta_authors {
        if value.contains("://") || is_photo_credit(value) {
            continue;
        }
        fire(reasons, value, "meta[name=author]", true);
    }
    for author in &meta.authors {
        if author.is_organization {
            let own = site.is_own_name_loosely(&author.name);
            let partner = site.partner_named(&strip_staff_suffix(author.name.trim()));
            if !own && (partner.is_some() || (!site.names.is_empty() && site.names_independent)) {
                let source = partner.map_or_else(|| site.source_name(&author.name), |p| p.name.clone());
                reasons.push(Reason { signal: Signal::Byline, evidence: evidence(&author.name), location: "JSON-LD author".to_owned(), source: Some(source) });
            }
        } else {
            // The extracted authors mostly come from the byline: same location, so that one
            // outlet found in both is one reason.
            fire(reasons, &author.name, "byline", true);
        }
        if let Some(url) = &author.url
            && let Some(source) = author_url_outlet(site, url)
        {
            reasons.push(Reason { signal: Signal::Byline, evidence: evidence(url.as_str()), location: "author URL".to_owned(), source: Some(source) });
        }
    }
}

/// "Brian Brainerd | The Denver Post | Getty Images" in CNBC's author tag: a picture's credit,
/// which names the photographer's paper and the agency that sold the picture, not the story's
/// origin.
fn is_photo_credit(text: &str) -> bool {
    const AGENCIES: &[&str] = &["getty images", "gettyimages", "shutterstock", "istock", "ap photo", "afp photo", "reuters photo", "epa-efe", "alamy"];
    let lower = text.to_lowercase();
    AGENCIES.iter().any(|a| lower.contains(a))
}

/// What a Chinese outlet's name ends with: paper, net, agency, news, station, magazine, weekly,
/// app, edition ("人民日报海外版", "澎湃新闻", "中国青年网", "新京报", "第一财经").
const CJK_OUTLET_WORDS: &[&str] = &[
    "报", "報", "网", "網", "社", "新闻", "新聞", "电视", "電視", "杂志", "雜誌", "周刊", "週刊", "客户端", "財經", "财经", "媒体", "媒體",
    // Korean: news, daily, paper, broadcasting, times, ".com".
    "뉴스", "일보", "신문", "방송", "타임스", "타임즈", "닷컴",
];

/// Sources that are no outlet: "the web", "this site", "original", "compiled", "unknown", "reader
/// submission".
const CJK_NOT_OUTLETS: &[&str] = &["网络", "網絡", "網路", "互联网", "互聯網", "原创", "原創", "综合", "綜合", "未知", "网友", "網友", "投稿", "转载", "轉載", "整理", "社区", "社區"];

/// The origin that a Chinese page's source line names ("来源：人民日报海外版"), when it is another
/// outlet's ([`cjk_source`]).
fn source_line_signal(site: &Site<'_>, meta: &Metadata, reasons: &mut Vec<Reason>) {
    let Some(line) = &meta.provenance.source_line else { return };
    if let Some(source) = cjk_source(site, &line.name, line.href.as_deref(), false) {
        reasons.push(Reason { signal: Signal::Byline, evidence: evidence(&format!("{}：{}", line.label, line.name)), location: "source line".to_owned(), source: Some(source) });
    }
}

/// The outlet that an aggregator's label under the headline names as the story's provider
/// (Yahoo's "provider-name", MSN's "partner"), unless it is the site itself. A class that says
/// "provider" names one, when the page names itself somehow (a name or a host). A "partner" or
/// "source" class may hold a section's or a person's name, so it counts for a partner, or for an
/// outlet's name linked to that outlet's site. Chinese names are read as the source line's are
/// ([`cjk_source`]).
fn provider_signal(site: &Site<'_>, meta: &Metadata, reasons: &mut Vec<Reason>) {
    let Some(label) = &meta.provenance.provider_label else { return };
    let name = strip_staff_suffix(label.name.trim());
    let host = label.href.as_deref().and_then(host_of);
    let source = if !name.is_ascii() && name.chars().any(is_cjk) {
        cjk_source(site, &name, label.href.as_deref(), false)
    } else if site.is_own_name_loosely(&name) || is_publishing_platform(&name) || host.as_deref().is_some_and(|h| site.is_own_host(h)) {
        None
    } else if let Some(partner) = site.partner_named(&name) {
        Some(partner.name.clone())
    } else {
        let names_outlet_site = host.as_deref().is_some_and(|h| site_label(h) == squash(&normalize_name(&name)) || looks_like_outlet(&name));
        let provider_class = label.class.to_ascii_lowercase().contains("provider");
        // A name, not a control's label ("Sign in with Google"): each word capitalised, but for
        // the small words inside outlets' names.
        let name_shaped = name.split_whitespace().enumerate().all(|(i, w)| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphabetic())
                || (i > 0 && matches!(w, "of" | "the" | "and" | "de" | "la" | "le" | "du" | "des" | "del" | "di" | "da" | "do" | "y" | "et" | "und" | "for"))
        });
        let knows_itself = !site.names.is_empty() || !site.labels.is_empty();
        (names_outlet_site || (provider_class && name_shaped && knows_itself)).then(|| site.source_name(&name))
    };
    if let Some(source) = source {
        reasons.push(Reason { signal: Signal::Byline, evidence: evidence(&label.name), location: format!("provider label (.{})", label.class), source: Some(source) });
    }
}

/// The outlet a Chinese page names as a story's origin (in its source line or a reprint note),
/// unless it is the site itself: a partner; or an outlet's name that links to another site, or
/// differs from the page's known names, or that a reprint note (`reprinted`) names. A source line
/// without a link or known names may name the site itself (a portal's own channel, "新浪财经" on
/// sina.com.cn), so it does not count.
fn cjk_source(site: &Site<'_>, name: &str, href: Option<&str>, reprinted: bool) -> Option<String> {
    let host = href.and_then(host_of);
    // A portal's channels share its brand's first characters: "新浪财经" on "新浪新闻".
    let own_brand = |own: &String| name.chars().take(2).count() == 2 && name.chars().take(2).eq(own.chars().take(2)) && !own.is_ascii();
    if site.is_own_name_loosely(name) || site.names.iter().any(own_brand) || host.as_deref().is_some_and(|h| site.is_own_host(h)) || name.starts_with(['本', '我']) {
        return None;
    }
    if let Some(partner) = site.partner_named(name) {
        return Some(partner.name.clone());
    }
    let outlet_like = !CJK_NOT_OUTLETS.iter().any(|w| name.contains(w))
        && (CJK_OUTLET_WORDS.iter().any(|w| name.contains(w)) || looks_like_outlet(name) || looks_like_domain(name));
    (outlet_like && (reprinted || host.is_some() || site.names_independent)).then(|| name.to_owned())
}

/// Words that end a byline compiled from agency copy, in the languages bylines come in.
const WIRE_CREDITS: &[&str] = &[
    "wire services", "wire reports", "wire report", "news services", "news agencies", "agencies", "agencias", "agências", "agences", "agenturen", "agenzie",
    "وكالات", "агентства", "סוכנויות", "एजेंसी", "एजेंसियां", "एजेंसियाँ",
];

/// The words that say a byline's story comes from the wires, as the piece writes them: "wire
/// services" in "Detroit Star wire services", "Agencias" in "Agencias".
pub(crate) fn wire_credit(piece: &str) -> Option<&str> {
    WIRE_CREDITS.iter().find_map(|words| {
        let start = piece.len().checked_sub(words.len())?;
        let tail = piece.get(start..)?;
        let bounded = piece[..start].chars().next_back().is_none_or(char::is_whitespace);
        (bounded && tail.eq_ignore_ascii_case(words)).then_some(tail)
    })
}

/// The partner whose name ends `piece` after one to four leading words, when the whole piece is
/// not a partner itself ("Jewish Telegraphic Agency" stays whole) and the words before it are
/// capitalised like a name. A one-word partner name counts only as an acronym ("AP", "CNN") or
/// an agency's own code as written ("Jane Roe Reuters", "Jane Roe Xinhua"): another single word
/// after a name is more often a surname ("Michael Bloomberg"). A partner that is the site itself
/// is returned too, for the caller's own-name check to drop.
fn partner_after_name(site: &Site<'_>, piece: &str) -> Option<String> {
    if site.partner_named(piece).is_some() {
        return None;
    }
    let words: Vec<&str> = piece.split_whitespace().collect();
    (1..words.len().min(5)).find_map(|k| {
        let name_like = words[..k].iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let tail = &words[k..];
        let acronym = |w: &str| w.chars().count() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
        let agency_code = |w: &str| site.partner_named(w).is_some_and(|p| p.agency_codes.iter().any(|c| c == w));
        if !(name_like && (tail.len() >= 2 || acronym(tail[0]) || (k >= 2 && agency_code(tail[0])))) {
            return None;
        }
        let tail = tail.join(" ");
        if let Some(partner) = site.partner_named(&tail) {
            return Some(partner.name.clone());
        }
        site.is_own_partner(&normalize_name(&tail)).then_some(tail)
    })
}

/// A partner's name, then one or two capitalised words that name its edition or desk: "Chalkbeat
/// Colorado", "Reuters Breakingviews", "Stateline Kansas".
fn partner_edition<'p>(site: &Site<'p>, piece: &str) -> Option<&'p Partner> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    (1..words.len()).find_map(|k| {
        let rest = &words[k..];
        let capitalised = rest.len() <= 2 && rest.iter().all(|w| w.starts_with(char::is_uppercase) && !ROLE_WORDS.contains(&w.to_lowercase().as_str()));
        if !capitalised {
            return None;
        }
        site.partner_named(&words[..k].join(" "))
    })
}

/// A one-word affiliation as newsrooms write it after a byline's name ("Jane Doe, CalMatters",
/// "John Roe, KQED"): a word with a capital inside it (ProPublica, CalMatters, WhoWhatWhy) or of
/// three or more capitals (KQED, NPR), which a person's given name or surname seldom is: not the
/// name prefixes (McDonald, DeShawn, LaToya, MacArthur, O'Brien), credentials (PhD, MD),
/// generations (III), officers' titles (CFO) or place acronyms (USA).
fn affiliation_token(piece: &str) -> bool {
    let word = piece.trim_matches(|c: char| matches!(c, '.' | ',' | ':' | '"' | '“' | '”'));
    if word.is_empty() || word.contains(char::is_whitespace) || !word.chars().all(char::is_alphanumeric) || !word.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = letters >= 3 && word.chars().all(|c| !c.is_lowercase());
    let inner_capital = word.chars().skip(1).any(char::is_uppercase) && word.chars().any(char::is_lowercase);
    const NAME_PREFIXES: &[&str] = &["Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Lo", "Van", "Von", "St", "Fitz", "Al", "El", "Ben", "Abu", "Ibn"];
    let prefixed_name = NAME_PREFIXES.iter().any(|p| word.strip_prefix(p).is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()) && !rest.chars().skip(1).any(char::is_uppercase)));
    // Credentials, generations, officers' titles and place acronyms that follow names too.
    const NOT_OUTLETS: &[&str] = &[
        "PhD", "PharmD", "PsyD", "EdD", "DrPH", "DPhil", "MSc", "BSc", "MSt", "LLB", "LLM", "MD", "MBA", "MPH", "MSW", "MSN", "MFA", "RN", "NP", "DNP", "FNP",
        "LPN", "DDS", "DMD", "DVM", "JD", "CPA", "CFA", "LCSW", "LMFT", "LPC", "ESQ", "III", "II", "IV", "VI", "VII", "VIII", "JR", "SR", "CFO", "COO", "CTO",
        "CIO", "CMO", "CPO", "CCO", "EVP", "SVP", "USA", "UAE", "NYC", "USSR", "PRC", "DPRK", "ROK",
    ];
    let credential = NOT_OUTLETS.iter().any(|c| c.eq_ignore_ascii_case(word));
    (all_caps || inner_capital) && !prefixed_name && !credential && !ROLE_WORDS.contains(&word.to_lowercase().as_str())
}

/// Two to four capitalised words, none of them a role: a person's name as bylines give it ("Jane
/// Doe", "Ana María Ruiz"), not a surname alone ("Okafor, DeShawn") or a title ("Senior Editor").
fn is_full_name(piece: &str) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && !words.iter().any(|w| ROLE_WORDS.contains(&w.to_lowercase().trim_matches('.')))
}

/// "AP National Political Writer", "Reuters Senior Correspondent", "Times of Israel Writer": the
/// leading words before a staff role, for partner matching only ("CNN contributor" is not staff).
fn outlet_role_prefixes(piece: &str) -> Vec<String> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let Some(last) = words.last() else { return Vec::new() };
    let last = last.to_lowercase();
    let role = ["writer", "correspondent", "reporter", "editor", "chief", "photographer"];
    if words.len() < 2 || !role.contains(&last.trim_end_matches('s')) {
        return Vec::new();
    }
    // One word before the role is a partner's only when a beat or more of the role follows it
    // ("AP National Political Writer", "Reuters Senior Correspondent"). Another word after it is
    // the rest of a person's name, whose first name a partner's name or code is too: "Hill Carter
    // Staff Writer", "Bloomberg Hart", "ANA RUIZ Staff Writer", "Belga Smith".
    let role_follows = words[1..words.len() - 1].iter().all(|w| {
        let w = w.to_lowercase();
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        ROLE_WORDS.contains(&w) || BEAT_WORDS.contains(&w)
    });
    (1..words.len()).take(4).filter(|&k| k > 1 || role_follows).map(|k| words[..k].join(" ")).collect()
}

/// The beats of a staff role between an agency's name and the role ("AP Auto Writer", "AP White
/// House Correspondent", "Reuters Global Health Editor"), lower case.
const BEAT_WORDS: &[&str] = &[
    "national", "political", "politics", "business", "economics", "economy", "financial", "finance", "markets", "personal", "real", "estate", "medical", "health",
    "global", "science", "technology", "tech", "auto", "autos", "energy", "environmental", "environment", "climate", "legal", "affairs", "law", "diplomatic",
    "religion", "education", "entertainment", "film", "movie", "music", "television", "tv", "drama", "theater", "arts", "art", "books", "culture", "food", "travel",
    "fashion", "sports", "sport", "white", "house", "congressional", "supreme", "court", "courts", "justice", "crime", "military", "defense", "intelligence",
    "immigration", "investigative", "world", "foreign", "international", "regional", "state", "statehouse", "capitol", "city", "local", "race", "ethnicity",
    "aviation", "airlines", "transportation", "labor", "agriculture", "farm", "retail", "consumer", "weather", "elections", "election", "media", "security",
    "homeland", "cybersecurity", "tax", "trade", "banking", "industry", "housing", "urban", "rural", "water", "wildlife", "outdoors", "space", "research", "policy",
    "public", "social", "family", "lifestyle", "style", "wine", "dining", "gaming", "video", "digital", "internet", "privacy", "ai", "baseball", "football",
    "basketball", "soccer", "hockey", "golf", "tennis", "olympics", "racing", "college", "general", "assignment", "breaking", "news", "features", "obituaries",
    "and",
];

/// An author page that belongs to a partner: a configured pattern ("/authors/jta/"), a page on
/// the partner's site, or a slug that names an outlet ("/author/cleveland-jewish-news/").
fn author_url_outlet(site: &Site<'_>, url: &Url) -> Option<String> {
    let text = url.as_str().to_ascii_lowercase();
    if let Some(p) = site.partners.iter().find(|p| p.author_urls.iter().any(|pattern| !pattern.is_empty() && text.contains(&pattern.to_ascii_lowercase()))) {
        return Some(p.name.clone());
    }
    let host = url.host_str()?;
    if !site.is_own_host(host)
        && let Some(p) = site.partner_for_host(host)
    {
        return Some(p.name.clone());
    }
    let mut segments = url.path_segments()?.filter(|s| !s.is_empty());
    segments.find(|s| {
        matches!(s.to_ascii_lowercase().as_str(), "author" | "authors" | "writer" | "writers" | "byline" | "contributor" | "contributors" | "staff")
    })?;
    let slug = segments.next()?.replace(['-', '_'], " ");
    let stripped = strip_staff_suffix(&slug);
    if site.is_own_name(&slug) || site.is_own_name(&stripped) {
        return None;
    }
    site.partner_named(&slug)
        .or_else(|| site.partner_named(&stripped))
        .map(|p| p.name.clone())
        .or_else(|| (looks_like_outlet(&slug) && !site.is_own_name_loosely(&slug)).then(|| title_case(&slug)))
}

fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------------
// 2. Dateline

/// "PLACE, Date (CODE) —": a place of one to six capitalised words ("WASHINGTON", "New Delhi
/// [India]", "Kuala Lumpur", "BERLIN/PARIS"), a date after a comma or full stop ("Nov 20", "20 nov
/// 2019", "November 20.", "Ukraine, Nov 20") or after a space when it has a digit ("Nov 20
/// (Reuters)"), the code in brackets (round, square, full-width or lenticular: "(AP)",
/// "[서울=뉴시스]", "【ワシントン共同】") or between slashes ("/TASS/"), and a dash or colon
/// (".-" as EFE writes it, "_" as AP's older copy does), or a dash before the code instead
/// ("OTTAWA — (The Canadian Press) The"). Which of these parts a dateline needs is decided in
/// [`match_dateline`].
static DATELINE_PARENS: Pattern = Pattern::new(
    r"^[\s*“”‘’]*(?:(?P<place>[\p{Lu}\p{Lo}][\p{L}\p{M}.'’/-]*(?:\s+[\p{Lu}\p{Lo}][\p{L}\p{M}.'’/-]*){0,5})\s*(?:\[[^\[\]]{2,30}\]\s*)?(?P<date>(?:[,.]\s*|\s+)[\p{L}\p{M}\d.,'’\s-]{1,40}?)?\s*(?P<lead>[—–―‒]{1,2}\s*)?)?(?:[(\[（【［](?P<code>[^()\[\]（）【】［］]{2,40})[)\]）】］]|/(?P<slashed>[^/()]{2,20})/)(?P<dash>\s*\.?\s*(?:[—–―‒－-]{1,2}|[:：]|_\s))?",
);
static DATELINE_VIA: Pattern = Pattern::new(r"^[\s*]*(\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,3})\s+via\s+([\p{L}.]{2,25})\s*(?:[—–―‒-]{1,2}|:)");
static CODE_SPLIT: Pattern = Pattern::new(r"(?i)\s*(?:/|,|;|&|\+|=|＝|\band\b|\bvia\b|\s[-–—]\s)\s*");

/// What closes a dateline's code: brackets of every width, and TASS's slash.
const CODE_CLOSERS: &[char] = &[')', ']', '）', '】', '］', '/'];

/// The agency dateline a paragraph opens with, if any: (the dateline as written, the partner's
/// name). "JERUSALEM (JTA) —" → JTA; "KVELLER via JTA —" → JTA; "(KMIZ) —" → none: only known
/// agency codes (and partner names) count, not any capitals in parentheses.
///
/// The code must be followed by a dash or colon, unless the dateline has a date with a digit
/// ("New Delhi, Nov 20 (PTI) The …", "MADRID, 20 (EUROPA PRESS) El …") or names its place and
/// agency together ("(서울=연합뉴스) 홍길동 기자 =", "【ワシントン共同】"): a code in parentheses
/// after a lone word, without a dash, is an aside ("WASHINGTON (AP) The court" is not a dateline
/// as AP writes it). A place in mixed case ("Paris (AFP) -") must not be a possessive or a
/// partner's own name ("The Jewish Telegraphic Agency (JTA) — the wire service").
fn match_dateline(site: &Site<'_>, text: &str) -> Option<(String, String)> {
    let head: String = text.chars().take(200).collect();
    if let Some(found) = han_dateline(site, &head) {
        return Some(found);
    }
    // The two patterns are large (Unicode classes repeated 40 times) and slow to build: build them
    // only for a text that has what they need (a closing bracket after which comes a dash or colon,
    // or before which comes a digit or "="; "via").
    let dash_or_colon = ['—', '–', '―', '‒', '－', '-', ':', '：', '_'];
    let may_open = head.char_indices().filter(|(_, c)| CODE_CLOSERS.contains(c)).any(|(i, c)| {
        let after = head[i + c.len_utf8()..].trim_start_matches(|c: char| c.is_whitespace() || c == '.');
        after.starts_with(dash_or_colon) || head[..i].contains(|c: char| c.is_ascii_digit() || c == '=' || c == '＝' || c == '【')
    }) || head.find(['(', '[']).is_some_and(|i| head[..i].trim_end().ends_with(['—', '–', '―', '‒']))
        || opens_with_bracket(&head);
    if let Some(cap) = may_open.then(|| DATELINE_PARENS.captures(&head)).flatten()
        && let Some(source) = dateline_source(site, &cap)
    {
        return Some((cap.get(0).map_or("", |m| m.as_str()).trim().to_owned(), source));
    }
    if let Some(cap) = (head.contains("via") && head.contains(dash_or_colon)).then(|| DATELINE_VIA.captures(&head)).flatten()
        && let Some(partner) = site.partner_coded(&cap[2])
    {
        return Some((cap[0].trim().to_owned(), partner.name.clone()));
    }
    unbracketed_dateline(site, &head).or_else(|| caseless_dateline(site, &head))
}

/// The text opens with a bracket, after what [`DATELINE_PARENS`] allows before one.
fn opens_with_bracket(head: &str) -> bool {
    head.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '“' | '”' | '‘' | '’')).starts_with(['(', '[', '（', '［'])
}

/// The dashes that set an agency's name apart in a dateline without brackets.
const DASHES: &[char] = &['—', '–', '-'];

/// A dateline in a script without capitals, the agency after a dash: "دبي - رويترز:", "تهران-
/// ایرنا-" (a place of one to three words, the agency's name or code, then a dash, colon or full
/// stop).
fn caseless_dateline(site: &Site<'_>, head: &str) -> Option<(String, String)> {
    let first = head.trim_start().chars().next()?;
    if !(first.is_alphabetic() && !first.is_uppercase() && !first.is_lowercase()) || is_cjk(first) {
        return None;
    }
    let window = &head[..floor_char_boundary(head, 120)];
    let dash = window.find(DASHES)?;
    let place = window[..dash].trim();
    if place.is_empty() || place.split_whitespace().count() > 3 || place.chars().any(|c| c.is_ascii_punctuation() || c.is_numeric() || matches!(c, '،' | '«' | '»' | '“' | '”')) {
        return None;
    }
    let after = &window[dash..];
    let agency_start = dash + (after.len() - after.trim_start_matches(|c: char| DASHES.contains(&c) || c.is_whitespace() || c == '(').len());
    let rest = &window[agency_start..];
    let end = rest.find(|c: char| DASHES.contains(&c) || matches!(c, ':' | '.' | '،' | ')' | '\n'))?;
    let agency = rest[..end].trim();
    let partner = site.partner_coded(agency)?;
    Some((window[..agency_start + end + rest[end..].chars().next().map_or(0, char::len_utf8)].trim().to_owned(), partner.name.clone()))
}

fn unbracketed_dateline(site: &Site<'_>, head: &str) -> Option<(String, String)> {
    let place_end = head.find([',', '.'])?;
    let place = head[..place_end].trim();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || !place.chars().all(|c| c.is_uppercase() || c == ' ' || c == '-') {
        return None;
    }
    let window_end = floor_char_boundary(head, place_end + 61);
    let dash_at = place_end + 1 + head[place_end + 1..window_end].find(DASHES)?;
    // The agency after the dash, up to its full stop ("— РИА Новости.").
    let after_at = head.len() - head[dash_at..].trim_start_matches(|c: char| DASHES.contains(&c) || c.is_whitespace()).len();
    if let Some(stop) = head.get(after_at..window_end).and_then(|t| t.find('.'))
        && let Some(partner) = site.partner_coded(&head[after_at..after_at + stop])
    {
        return Some((head[..after_at + stop + 1].trim().to_owned(), partner.name.clone()));
    }
    // The agency in capitals before the dash, after the date ("3 ноября. ИНТЕРФАКС -", "SYDNEY,
    // Nov 20 AAP -").
    let segment = head[place_end + 1..dash_at].trim_end().rsplit(['.', ',']).next().unwrap_or_default();
    let words: Vec<&str> = segment.split_whitespace().collect();
    let capitals = words.iter().rev().take_while(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)).count();
    let before = words[words.len() - capitals..].join(" ");
    if !before.is_empty()
        && let Some(partner) = site.partner_coded(&before)
    {
        return Some((head[..dash_at + 1].trim().to_owned(), partner.name.clone()));
    }
    None
}

/// The source of a [`DATELINE_PARENS`] match, when its parts make a dateline (see
/// [`match_dateline`]): a partner, or an outlet's name that is not the site's own ("PHOENIX
/// (Cronkite News) —"; not "COLUMBIA, Mo. (KMIZ) —", a station's call sign on its own stories).
fn dateline_source(site: &Site<'_>, cap: &crate::pattern::Captures<'_>) -> Option<String> {
    let inner = cap.name("code").or_else(|| cap.name("slashed"))?.as_str();
    let dated = cap.name("date").is_some_and(|d| d.as_str().contains(|c: char| c.is_ascii_digit()));
    // After a space rather than a comma, only a date with a digit: "Nov 20 (Reuters)", not
    // "Officials said (AP)".
    if cap.name("date").is_some_and(|d| !d.as_str().starts_with([',', '.'])) && !dated {
        return None;
    }
    let joined = inner.contains(['=', '＝']) || cap.get(0).is_some_and(|m| m.as_str().contains('【'));
    if cap.name("dash").is_none() && cap.name("lead").is_none() && !dated && !joined {
        // Brackets that open the paragraph, with no place before them, sign it without a dash
        // ("(Family Features) Whether …", "(CNN)The court …"), when they hold a partner: only its
        // name or a code that signs more than datelines ("(MAP) Click to see …" is a map).
        // Slashes are no aside either: "NEW YORK, NY / ACCESSWIRE / November 20, 2026 /".
        let place = cap.name("place").is_some_and(|m| !m.as_str().trim().is_empty());
        if place && cap.name("slashed").is_none() {
            return None;
        }
        let inner = inner.trim();
        return crate::partners::signs_beyond_datelines(inner).then(|| site.partner_coded(inner)).flatten().map(|p| p.name.clone());
    }
    if let Some(place) = cap.name("place").map(|m| m.as_str().trim())
        && place.chars().any(char::is_lowercase)
        && (place.split_whitespace().any(|w| w.ends_with("'s") || w.ends_with("’s")) || site.partner_named(strip_leading_the(place)).is_some())
    {
        return None;
    }
    // A script without capitals cannot tell a place from the lede's first words: a place of at
    // most three words ("القدس المحتلة", "नई दिल्ली"), not "قال المسؤولون في الوزارة اليوم (رويترز) -".
    if let Some(place) = cap.name("place").map(|m| m.as_str())
        && !place.chars().any(|c| c.is_uppercase() || c.is_lowercase())
        && place.split_whitespace().count() > 3
    {
        return None;
    }
    let pieces: Vec<&str> = CODE_SPLIT.split(inner).map(str::trim).filter(|p| !p.is_empty()).collect();
    // "(Kveller via JTA)": prefer an agency code to a partner's name. A code in another script
    // ends the place it is glued to ("ワシントン共同").
    let coded = |p: &str| {
        site.partners.iter().copied().find(|partner| partner.agency_codes.iter().any(|c| c.eq_ignore_ascii_case(p) || (!c.is_ascii() && p.ends_with(c.as_str()))))
    };
    // "(Reuters Health)", "(CNN Business)": a desk of the agency, its code first.
    let desk = |p: &&str| match p.split_whitespace().collect::<Vec<_>>().as_slice() {
        [code, desk] if desk.starts_with(char::is_uppercase) && !desk.eq_ignore_ascii_case("photo") => coded(code),
        _ => None,
    };
    let partner = pieces.iter().rev().find_map(|p| coded(p)).or_else(|| pieces.iter().find_map(|p| site.partner_coded(p))).or_else(|| pieces.iter().find_map(desk));
    if let Some(partner) = partner {
        return Some(partner.name.clone());
    }
    match pieces.as_slice() {
        [name] if (looks_like_outlet(name) || masthead_shaped(name)) && !site.is_own_name_loosely(name) => Some(site.source_name(name)),
        _ => None,
    }
}

/// A name in a dateline's brackets that can only be a masthead, whatever its words: "The" and up
/// to five capitalised words ("(The Center Square) —", "(The Hill) —"), or one word in camel case
/// ("(NewsNation) —"). Not a call sign ("(KMIZ) —", a station's own stories) nor a label
/// ("(UPDATE) —", "(Opinion) —").
fn masthead_shaped(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| w.starts_with(char::is_uppercase) || NAME_CONNECTORS.contains(w);
    let camel = |w: &str| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic) && w.chars().zip(w.chars().skip(1)).any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    match words.as_slice() {
        ["The", rest @ ..] => (1..=5).contains(&rest.len()) && rest.iter().all(capitalised) && rest.last().is_some_and(|w| w.starts_with(char::is_uppercase)),
        [word] => camel(word),
        _ => false,
    }
}

/// A Chinese agency dateline: the agency's name, the place and the day, then 电/電 ("sent"):
/// "新华社北京11月20日电", "（中央社記者王小明台北20日電）".
fn han_dateline(site: &Site<'_>, head: &str) -> Option<(String, String)> {
    let text = head.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '(' | '（' | '【' | '['));
    if text.is_ascii() {
        return None;
    }
    let partner = site.partners.iter().find(|p| partner_names(p).any(|n| !n.is_ascii() && text.starts_with(n)))?;
    let opening: String = text.chars().take(30).collect();
    let end = ["日电", "日電"].iter().filter_map(|sent| opening.find(sent).map(|i| i + sent.len())).min()?;
    Some((opening[..end].to_owned(), partner.name.clone()))
}

static DATELINE_ELEMENTS: LazyLock<Selector> = LazyLock::new(|| sel("[class*=dateline], [class*=Dateline], [class*=DateLine]"));

/// The agency dateline in an element the template marks as the dateline, read as if its dash
/// followed (only the first three such elements, and short ones: a dateline is a few words).
fn dateline_element(site: &Site<'_>, html: &Html) -> Option<(String, String)> {
    // 80 characters are at most 320 bytes: a longer element (a wrapper the class also names) is
    // not read to its end.
    html.select(&DATELINE_ELEMENTS).take(3).find_map(|e| {
        let text = element_text_within(e, 400)?;
        let text = text.trim().trim_end_matches(['—', '–', '-', ' ']);
        let (found, source) = (!text.is_empty() && text.chars().count() <= 80).then(|| match_dateline(site, &format!("{text} —"))).flatten()?;
        // The evidence as the page writes it, without the dash read into it.
        Some((found.strip_suffix('—').unwrap_or(&found).trim_end().to_owned(), source))
    })
}

fn dateline_signals(site: &Site<'_>, meta: &Metadata, blocks: &[Block], html: &Html, reasons: &mut Vec<Reason>) {
    // The first paragraph of running text, and any short lines or italic notes before it
    // (a gallery caption, an editor's note); never a later paragraph.
    let mut seen = 0;
    for block in blocks.iter().filter(|b| !b.note && !b.text.trim().is_empty()).take(8) {
        if !matches!(block.tag, "p" | "div" | "blockquote" | "li") {
            continue;
        }
        if let Some((found, source)) = match_dateline(site, &block.text) {
            let location = if seen == 0 { "first paragraph" } else { "opening paragraphs" };
            reasons.push(Reason { signal: Signal::Dateline, evidence: evidence(&found), location: location.to_owned(), source: Some(source) });
            return;
        }
        if !(block.emphasized || block.text.chars().count() < 40) {
            break;
        }
        seen += 1;
    }
    // A template that sets the dateline in an element of its own, apart from the lede, may drop
    // its dash: "<span class=dateline>WASHINGTON (AP)</span> The court …".
    if let Some((found, source)) = dateline_element(site, html) {
        reasons.push(Reason { signal: Signal::Dateline, evidence: evidence(&found), location: "dateline element".to_owned(), source: Some(source) });
        return;
    }
    // The summary usually repeats the lede, dateline included.
    if let Some((found, source)) = meta.description.as_deref().and_then(|d| match_dateline(site, d)) {
        reasons.push(Reason { signal: Signal::Dateline, evidence: evidence(&found), location: "meta[name=description]".to_owned(), source: Some(source) });
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Credit sentences

/// How much the outlet after a credit phrase must look like an outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    /// Any capitalised name ("originally appeared in Tablet").
    AnyName,
    /// Fires even without a name ("Reprinted with permission.").
    Nothing,
    /// A partner, an outlet-looking name or a domain ("Courtesy of ...", "Distributed by ...").
    Outlet,
    /// As `Outlet`, but a company is none, a partner's company is ("© ..."): papers and stations
    /// sign their own stories with their owner's copyright.
    Masthead,
}

struct CreditPattern {
    /// The pattern, built on first use.
    regex: Pattern,
    /// Words the pattern cannot match without, ASCII lower-case: one of each group must be in the
    /// text. Most blocks have none, and the pattern is then neither built nor run.
    needs: &'static [&'static [&'static str]],
    need: Need,
    /// The phrase carries its own subject ("This story is from ...") or is anchored at the start
    /// of a line, so the sentence need not have the shape of a credit line.
    self_standing: bool,
    /// The pattern opens with `^`: it reads a note's start (and, in a short note, each sentence's).
    anchored: bool,
}

static CREDIT_PATTERNS: LazyLock<Vec<CreditPattern>> = LazyLock::new(|| {
    const NOUN: &str = r"(?:article|story|piece|column|essay|op-ed|oped|report|post|interview|review|feature|investigation|analysis|commentary|content|item|excerpt|translation|newsletter|editorial|obituary|profile)";
    let p = |re: &str, needs: &'static [&'static [&'static str]], need: Need, self_standing: bool| CreditPattern {
        regex: Pattern::from_string(format!("(?i){}", re.replace("{NOUN}", NOUN))),
        needs,
        need,
        self_standing,
        anchored: re.starts_with('^'),
    };
    const FIRST: &[&str] = &["originally", "first", "initially"];
    vec![
        p(
            r"\b(?:originally|first|initially)\s+(?:appeared|published|ran|posted|printed|aired|syndicated|featured)(?:\s+(?:online|here)\b)?(?:\s+(?:in|on|by|at|with|through)\b)?",
            &[FIRST, &["appeared", "published", "ran", "posted", "printed", "aired", "syndicated", "featured"]],
            Need::AnyName,
            false,
        ),
        p(r"\bappeared\s+(?:first|originally|initially)\s+(?:in|on|at)\b", &[&["appeared"], FIRST], Need::AnyName, false),
        p(
            r"\bwas\s+(?:originally|first|initially)\s+(?:published|written|reported)(?:\s+(?:in|on|by|for|at))?\b",
            &[&["was"], FIRST, &["published", "written", "reported"]],
            Need::AnyName,
            false,
        ),
        p(
            r"\b(?:republished|reprinted|reproduced|re-?posted|used|shared|published|appears|syndicated|run|printed)\s+(?:here\s+)?(?:with|by|under|through)\s+(?:the\s+|an?\s+)?(?:kind\s+|express\s+|special\s+|generous\s+|(?:content|news|story|media)[-\s]sharing\s+)?(?:permission|arrangement|agreement|licen[cs]e|partnership)\b(?:\s+(?:of|from|with|by))?",
            &[&["permission", "arrangement", "agreement", "licence", "license", "partnership"]],
            Need::Nothing,
            false,
        ),
        // "This article is part of a content-sharing partnership with The Harbor Sun": the
        // partner it came from. Not "between" two outlets, one of which may be the site.
        p(
            r"\bpart\s+of\s+(?:an?|our)\s+(?:content|news|story|media)[-\s]sharing\s+(?:partnership|agreement|arrangement|collaboration)\s+with\b",
            &[&["sharing"]],
            Need::AnyName,
            false,
        ),
        // Under an open licence, said of a copy: "is republished here under a Creative Commons
        // license". Not "may be republished under …" (the site's own offer to partners), and not
        // "is published under …" (the original's own licence statement).
        p(
            r"\b(?:is|was|are|were|being|has\s+been|have\s+been)\s+(?:republished|reprinted|reproduced|re-?posted)\s+(?:here\s+)?under\s+(?:a|an|the)\s+(?:creative\s+commons|cc)\b[^.;:!?]{0,60}?\blicen[cs]e\b(?:\s+(?:from|by|courtesy\s+of))?",
            &[&["republished", "reprinted", "reproduced", "reposted", "re-posted"], &["creative", "cc"]],
            Need::Nothing,
            false,
        ),
        p(
            r"\b(?:republished|reprinted|reproduced|syndicated|reposted)\s+(?:here\s+)?(?:from|courtesy\s+of)\b",
            &[&["republished", "reprinted", "reproduced", "syndicated", "reposted"], &["from", "courtesy"]],
            Need::Nothing,
            false,
        ),
        p(
            r"\b(?:this|the\s+following)\s+{NOUN}(?:\s+(?:about|on)\s+[^.;:!?]{1,80}?)?\s+(?:is|was|has\s+been|comes|came)\s+(?:originally\s+|first\s+|initially\s+)?(?:written\s+for|reported\s+for|published\s+(?:by|in|on)|provided\s+by|made\s+available\s+by|distributed\s+by|syndicated\s+by|shared\s+by)\b",
            &[&["this", "following"], &["written", "reported", "published", "provided", "available", "distributed", "syndicated", "shared"]],
            Need::AnyName,
            true,
        ),
        // Written, reported, produced or created by an outlet, not a person: "This story was
        // reported by the Harbor Tribune", "… written by CalMatters reporter Jane Roe", "This story
        // about rural schools was produced by The Hechinger Report" ("This story was written by
        // Jane Roe" names a writer, "This story was produced by Jane Roe" a station's producer).
        p(
            r"\b(?:this|the\s+following)\s+{NOUN}(?:\s+(?:about|on)\s+[^.;:!?]{1,80}?)?\s+(?:is|was|has\s+been)\s+(?:originally\s+|first\s+)?(?:reported|written|produced|created|prepared)\s+by\b",
            &[&["this", "following"], &["reported", "written", "produced", "created", "prepared"]],
            Need::Outlet,
            true,
        ),
        // The same in Spanish, Portuguese, French and Italian: "Este reportaje fue producido por
        // Agencia Ocote", "Esta reportagem foi produzida pela Agência Pública", "Cet article a été
        // réalisé par Mediapart". An outlet must follow: "realizado por" credits reporters too.
        p(
            r"\b(?:este|esta|esse|essa|cet|cette|questo|questa|quest['’])\s*(?:artículo|reportaje|texto|trabajo|nota|contenido|historia|investigación|material|reportagem|matéria|artigo|conteúdo|article|reportage|enquête|articolo|inchiesta|contenuto)\s+(?:fue|ha\s+sido|foi|a\s+été|è\s+stat[oa])\s+(?:producid[oa]|realizad[oa]|elaborad[oa]|produzid[oa]|produite?|réalisée?|prodott[oa]|realizzat[oa])\s+(?:por|pel[oa]|par|da|dalla|dal|dall['’])\b",
            &[&["producid", "realizad", "elaborad", "produzid", "produit", "réalis", "prodott", "realizzat"]],
            Need::Outlet,
            true,
        ),
        // A story lent by another outlet, where a note opens with it: "Artículo cedido por The
        // Conversation", "Texto cedido por El Faro".
        p(
            r"^\W*(?:(?:artículo|texto|reportaje|nota|contenido|artigo|matéria|reportagem)\s+)?cedid[oa]\s+(?:gentilmente\s+)?(?:por|pel[oa])\b",
            &[&["cedid"]],
            Need::AnyName,
            true,
        ),
        // Said by the site that runs it: "We're republishing this story from the Harbor Tribune",
        // "Valley Ledger is republishing this article with permission from Grist", "The Valley
        // Ledger publishes this story through a partnership with Chalkbeat". The verb inflected:
        // "Republish this story from …" on a republish box is the site's own offer.
        p(
            r"\b(?:republish(?:es|ed|ing)|reprint(?:s|ed|ing)|repost(?:s|ed|ing))\s+this\s+{NOUN}\s+(?:here\s+)?(?:from|courtesy\s+of|(?:with|by)\s+(?:the\s+)?(?:kind\s+|express\s+)?permission\s+(?:of|from))\b",
            &[&["republish", "reprint", "repost"], &["this"]],
            Need::AnyName,
            true,
        ),
        p(
            r"\b(?:publish(?:es|ed|ing)|runs|running|ran|shar(?:es|ed|ing)|carr(?:ies|ied|ying))\s+this\s+{NOUN}\s+(?:here\s+)?(?:through|as\s+part\s+of|under)\s+(?:a|an|our|its|their|the)\s+(?:[\w-]+\s+){0,3}?(?:partnership|agreement|arrangement)\s+with\b",
            &[&["this"], &["partnership", "agreement", "arrangement"]],
            Need::AnyName,
            true,
        ),
        p(
            r"\bthis\s+{NOUN}\s+(?:is|was|comes|came|appears|appeared|runs|ran)\s+(?:to\s+(?:us|you)\s+)?(?:originally\s+)?(?:from|via|courtesy\s+of)\b",
            &[&["this"], &["from", "via", "courtesy"]],
            Need::Outlet,
            true,
        ),
        p(
            r"\bversion\s+of\s+this\s+{NOUN}\s+(?:appeared|appears|ran|was\s+published|is\s+published|was\s+posted)\s+(?:in|on|by|at)\b",
            &[&["version"], &["this"]],
            Need::AnyName,
            true,
        ),
        // The same credits in the other languages partners publish in: Spanish, Portuguese, French,
        // Italian ("publicado originalmente en", "publié initialement dans", "pubblicato
        // originariamente su"), German ("erschien zuerst bei", "ist zuerst auf … erschienen") and
        // Dutch ("verscheen eerder in").
        p(
            r"\b(?:publicad[oa]s?|public[óo]|publiée?s?|pubblicat[oa]|apareci[óo]|aparecid[oa]|apparsa|apparso|parue?|divulgad[oa]|uscit[oa])\s+(?:originalmente|originariamente|inicialmente|inizialmente|initialement|originellement|à\s+l['’]origine|d['’]abord|primeiro|por\s+primera\s+vez|pela\s+primeira\s+vez|pour\s+la\s+première\s+fois|per\s+la\s+prima\s+volta)\s+(?:en|por|no|na|em|pel[oa]|dans|sur|par|chez|su|sul|sulla|in|nel|nella|da)\b",
            &[&["publi", "pubbl", "apareci", "aparecid", "appars", "paru", "divulgad", "uscit"], &["origin", "inicial", "inizial", "initial", "abord", "prim", "premi"]],
            Need::AnyName,
            false,
        ),
        p(
            r"\b(?:originalmente|originariamente|inicialmente|initialement)\s+(?:publicad[oa]|publiée?|pubblicat[oa]|aparecid[oa]|apparsa|apparso|parue?)\s+(?:en|por|no|na|em|dans|sur|par|su|sul|in|nel|da)\b",
            &[&["originalmente", "originariamente", "inicialmente", "initialement"]],
            Need::AnyName,
            false,
        ),
        p(
            r"\b(?:(?:erschien|erschienen|veröffentlicht)\s+(?:zuerst|ursprünglich|erstmals|zunächst)|(?:ist|war|wurde)\s+(?:zuerst|ursprünglich|erstmals|zunächst)|(?:zuerst|ursprünglich|erstmals)\s+(?:erschienen|veröffentlicht))\s+(?:bei|beim|in|im|auf|von)\b",
            &[&["zuerst", "ursprünglich", "erstmals", "zunächst"]],
            Need::AnyName,
            false,
        ),
        p(
            r"\b(?:verscheen|verschenen|gepubliceerd)\s+(?:eerder|eerst|oorspronkelijk)\s+(?:in|op|bij)\b",
            &[&["versch", "gepubliceerd"], &["eerder", "eerst", "oorspronkelijk"]],
            Need::AnyName,
            false,
        ),
        p(
            r"\b(?:republicad[oa]|reproducid[oa]|republiée?|reproduite?|ripubblicat[oa]|riprodott[oa]|reproduzid[oa]|overgenomen|nachgedruckt|se\s+(?:reproduce|republica|reproduz|reproduit|republie|riproduce|ripubblica))\s+(?:aquí\s+|ici\s+|qui\s+|aqui\s+|hier\s+)?(?:con|com|avec|mit|met|bajo|sous|sob)\s+(?:el\s+|la\s+|l['’]|o\s+|a\s+|il\s+|freundlicher\s+|vriendelijke\s+)?(?:permiso|autorización|autorisation|permission|autorização|permissão|autorizzazione|permesso|genehmigung|toestemming|licencia|licence|licença|licenza|lizenz|licentie)\b(?:\s+(?:de|del|de\s+la|du|de\s+l['’]|da|do|della|von|van))?",
            &[&["republi", "reprodu", "ripubblic", "riprodott", "overgenomen", "nachgedruckt"]],
            Need::Nothing,
            false,
        ),
        p(
            r"\b(?:republicad[oa]|reproducid[oa]|republiée?|reproduite?|ripubblicat[oa]|riprodott[oa]|reproduzid[oa])\s+(?:aquí\s+|ici\s+|qui\s+|aqui\s+)?(?:à\s+partir\s+de|a\s+partir\s+de|desde|depuis|de|da)\b",
            &[&["republi", "reprodu", "ripubblic", "riprodott"]],
            Need::AnyName,
            false,
        ),
        // Taken over from another paper: "Dieser Artikel wurde von Correctiv übernommen", "übernommen
        // aus der taz", "Dit artikel is overgenomen van NOS".
        p(r"\b(?:übernommen\s+(?:von|vom|aus)|(?:wurde|ist|wird)\s+(?:von|vom|aus\s+der|aus\s+dem|aus)|overgenomen\s+(?:van|uit))\b", &[&["übernommen", "overgenomen"]], Need::AnyName, false),
        // Indonesian papers of one group run each other's stories under "Artikel ini telah tayang di
        // Kompas.com dengan judul …" ("This article appeared on … with the headline …").
        p(
            r"\b(?:artikel|berita|tulisan)\s+ini\s+(?:telah\s+|sudah\s+|pernah\s+|sebelumnya\s+|juga\s+){0,2}(?:tayang|terbit|dimuat|diterbitkan|dipublikasikan)\s+(?:(?:lebih\s+dulu|lebih\s+dahulu|sebelumnya|pertama\s+kali)\s+)?(?:di|pada|dalam|oleh)\b",
            &[&["ini"], &["tayang", "terbit", "dimuat", "dipublikasikan"]],
            Need::AnyName,
            true,
        ),
        // A translation of another outlet's story, where a note opens with it: "Translated from The
        // Economist", "Traducido de The Economist", "Traduit du Monde", "Übersetzt aus der Zeit".
        p(
            r"^\W*(?:translated|traducid[oa]|traduzid[oa]|traduite?|tradott[oa]|übersetzt|vertaald)\s+(?:from|de|del|do|da|du|des|aus|dal|dalla|uit|van)\b",
            &[&["translated", "traduc", "traduz", "tradui", "tradott", "bersetzt", "vertaald"]],
            // Not any name: "Translated from the Spanish by Ana Ruiz", "Traducido del inglés por …"
            // name the translator.
            Need::Outlet,
            true,
        ),
        // Russian, Polish and Turkish credits: "Статья впервые опубликована в «Новой газете»",
        // "Artykuł ukazał się pierwotnie w Gazecie Wyborczej", "Bu haber ilk olarak BBC Türkçe'de
        // yayımlanmıştır" (the outlet before the verb, its case ending after an apostrophe).
        p(
            r"\b(?:статья|материал|текст|публикация|заметка|интервью)\s+(?:был[аои]?\s+)?(?:впервые|первоначально|изначально)\s+(?:был[аои]?\s+)?(?:опубликован[аоы]?|вышл[аои]|вышел|появил(?:ась|ось|ся))\s+(?:в|на)\b",
            &[&["впервые", "первоначально", "изначально"]],
            Need::AnyName,
            true,
        ),
        p(
            r"\b(?:artykuł|tekst|materiał|wywiad|reportaż)\s+(?:ukazał\s+się|został\s+opublikowany|był\s+opublikowany)\s+(?:pierwotnie\s+|po\s+raz\s+pierwszy\s+|oryginalnie\s+|wcześniej\s+)?(?:w|na)\b",
            &[&["ukaza", "opublikowan"]],
            Need::AnyName,
            true,
        ),
        p(r"\bbu\s+(?:haber|makale|yazı|içerik|röportaj)\s+(?:ilk\s+(?:olarak|kez|defa)|orijinal\s+olarak)\b", &[&["bu "], &["ilk", "orijinal"]], Need::AnyName, true),
        // Ukrainian: "Матеріал вперше опубліковано на сайті «Української правди»".
        p(
            r"\b(?:стаття|статтю|матеріал|текст|публікація|публікацію|інтерв['’]ю)\s+(?:був[аои]?\s+)?(?:вперше|спочатку|первісно)\s+(?:був[аои]?\s+)?(?:опубліковано|опублікован[аоий]|вийшл[аои]|вийшов|з['’]явил(?:ася|ося|ся))\s+(?:в|у|на)\s+(?:сайті\s+)?",
            &[&["вперше", "спочатку", "первісно"]],
            Need::AnyName,
            true,
        ),
        // "Cet article a d'abord été publié par Mediapart": the adverb before "été".
        p(r"\bd['’]abord\s+été\s+(?:publiée?s?|parue?s?)\s+(?:dans|sur|par|chez)\b", &[&["abord"]], Need::AnyName, false),
        // A syndicate's tagline under its columnists' work: "To find out more about Jane Roe and
        // read features by other Creators Syndicate writers and cartoonists, visit …".
        p(
            r"\b(?:features|columns)\s+by\s+other\b",
            &[&["other"], &["writers", "columnists", "cartoonists", "authors"]],
            Need::Outlet,
            true,
        ),
        p(r"\bcross-?posted\s+(?:here\s+)?(?:from|with)\b", &[&["cross"], &["posted"]], Need::AnyName, false),
        p(r"\b(?:adapted|excerpted)\s+from\b", &[&["adapted", "excerpted"]], Need::Outlet, false),
        p(r"\b{NOUN}\s+courtesy\s+of\b", &[&["courtesy"]], Need::Outlet, true),
        // A note that opens with it names the story's source, whatever its name looks like:
        // "Article courtesy of Yale Environment 360". In running text ("a data analysis courtesy
        // of Johns Hopkins") only an outlet counts (above).
        p(r"^\W*(?:this\s+)?(?:article|story|piece|column|essay|post)\s+(?:(?:is|was|appears|comes)\s+)?courtesy\s+of\b", &[&["courtesy"]], Need::AnyName, true),
        // Credits of permission, where a note under the story opens with them: "With kind
        // permission of …", "Mit freundlicher Genehmigung von …", "Avec l'aimable autorisation de
        // …", "Per gentile concessione di …".
        p(
            r"^\W*(?:with\s+(?:the\s+)?kind\s+permission\s+(?:of|from)|mit\s+freundlicher\s+genehmigung\s+(?:von|vom|der|des)|avec\s+l['’]aimable\s+autorisation\s+(?:de|du|des)|per\s+gentile\s+concessione\s+(?:di|de|del|della|dell['’]))\b",
            &[&["permission", "genehmigung", "autorisation", "concessione"]],
            Need::AnyName,
            true,
        ),
        // Plainer words that also open a sentence of a story ("With permission from City Hall,
        // organizers will …"): only when an outlet follows.
        p(
            r"^\W*(?:with\s+(?:the\s+)?(?:express\s+)?permission\s+(?:of|from)|por\s+cortes[ií]a\s+de)\b",
            &[&["permission", "cortes"]],
            Need::Outlet,
            true,
        ),
        // Published in another paper, said without "first": "Cet article est paru dans …", "Este
        // artículo fue publicado en …", "Questo articolo è stato pubblicato su …", "Dieser Artikel
        // erschien in …". A credit's opening ("Cet article") is required.
        p(
            r"\b(?:(?:est|a\s+été|était|fue|ha\s+sido|foi|é|è\s+stat[oa]|è)\s+(?:paru|publiée?|publicad[oa]|pubblicat[oa]|uscit[oa])e?s?|se\s+public[óo]|erschien|ist\s+erschienen)\s+(?:dans|sur|par|chez|en|por|em|no|na|pel[oa]|su|sul|sulla|in|im|nel|nella|da|bei|beim|auf)\b",
            // Not "publi": English pages say "public" and "published" everywhere.
            &[&["paru", "publié", "publicad", "publicó", "publico", "pubblicat", "uscit", "erschien"]],
            Need::AnyName,
            false,
        ),
        p(r"^\W*(?:{NOUN}\s+)?(?:distributed|syndicated|provided)\s+by\b", &[&["distributed", "syndicated", "provided"]], Need::Outlet, true),
        // The line WordPress adds to each post in its feed, which sites that copy feeds keep:
        // "The post <title> appeared first on <site>.", in the translations of it ("L’article …
        // est apparu en premier sur …", "La entrada … se publicó primero en …", "L'articolo …
        // sembra essere il primo su …"). Only a copy carries it: the original's page does not.
        p(
            r"^\W*(?:the\s+post|l['’]article|la\s+entrada|o\s+post|l['’]articolo|het\s+bericht|der\s+beitrag)\s+\S[^\n]{0,300}?\s(?:appeared\s+first\s+on|est\s+apparu\s+en\s+premier\s+sur|se\s+public[óo]\s+primero\s+en|apareceu\s+primeiro\s+em|sembra\s+essere\s+il\s+primo\s+su|verscheen\s+eerst\s+op|erschien\s+zuerst\s+auf)\b",
            &[&["first", "premier", "primero", "primeiro", "primo", "eerst", "zuerst"]],
            Need::AnyName,
            true,
        ),
        // The link an aggregator leaves under a copied story, to where it copied it from, as it
        // leaves "Source link" (read as "Source …", below): "Original story" (only its link
        // names the outlet, so a link must go elsewhere), "Original story: <headline>" (an
        // outlet, not the headline's first word), "Link to original story". Not "Original
        // article": science stories link the study's.
        p(r"^\W*(?:link\s+to\s+(?:the\s+)?)?original\s+(?:story|post)(?:\W*$|\s*:|\s+(?:at|on|from|in)\b)", &[&["original"]], Need::Outlet, true),
        // The link home under a press release: "View original content:https://www.prnewswire.com/…",
        // "View source version on businesswire.com: …".
        p(r"^\W*view\s+(?:the\s+)?(?:original\s+content|source\s+version)\b", &[&["original", "source"]], Need::AnyName, true),
        p(r"^\W*(?:{NOUN}\s+)?sourced\s+from\b", &[&["sourced"]], Need::Outlet, true),
        p(r"^\W*(?:{NOUN}\s+)?(?:via|source|courtesy\s+of)\s*:?(?:\s|$)", &[&["via", "source", "courtesy"]], Need::Outlet, true),
        // The same labels in the other languages ("Fuente: El Universal", "Quelle: Süddeutsche
        // Zeitung", "Con información de El Universal"): an outlet must follow, since a data
        // source is written the same way ("Fuente: Ministerio de Salud").
        p(
            r"^\W*(?:fuentes?|fontes?|quellen?|bron|źródło|kaynak|sumber|источник|con\s+información\s+de|con\s+informacion\s+de|com\s+informações\s+d[eoa]|avec\s+des\s+informations\s+d[eu])\s*:?(?:\s|$)",
            &[&["fuente", "fonte", "quelle", "bron", "źródło", "kaynak", "sumber", "источник", "informaci", "informações", "informations"]],
            Need::Outlet,
            true,
        ),
        // The link home that syndication feeds append: "Read the original article on Business
        // Insider", "View the original story at …". Not "report" or "study": stories link the
        // original report of a study ("Read the original report in Nature").
        // Also the bare link (The Conversation's "Read the original article.", "See the original
        // post here"), whose link names the outlet.
        p(
            r"^\W*(?:read|view|see|find)\s+the\s+original\s+(?:(?:(?:article|story|piece|post|column)\s+)?(?:on|at|in|from)\b|(?:article|story|piece|post|column)(?:\s+here)?\W*$)",
            &[&["original"]],
            Need::AnyName,
            true,
        ),
        // The same link home in the other languages: "Lee la nota original en El Faro", "Leia a
        // reportagem original no Nexo", "Lire l'article original sur Mediapart", "Leggi l'articolo
        // originale su Domani"; the bare link ("Lee el artículo original.", "Lire l'article original
        // ici"), whose link names the outlet; "Versión original en El Faro" only with an outlet
        // after it.
        p(
            r"^\W*(?:lee|lea|leer|consulta|consulte|leia|veja|lire|lisez|consultez|leggi|leggere)\s+(?:(?:el|la|o|a|l['’]|il)\s*)?(?:artículo|nota|reportaje|texto|historia|publicación|matéria|reportagem|artigo|texto|article|reportage|articolo|pezzo)\s+(?:original|originale)(?:\s+(?:en|em|no|na|sur|dans|su|sul|in)\b|(?:\s+(?:aquí|aqui|ici|qui))?\W*$)",
            &[&["original"]],
            Need::AnyName,
            true,
        ),
        p(r"^\W*(?:versión|versão|version|versione)\s+(?:original|originale)\s*(?::|en|em|no|na|sur|dans|su|in)\b", &[&["original"]], Need::Outlet, true),
        // The link that closes an excerpt of another outlet's story: "Go to Article from The Los
        // Angeles Times »", "Read the full story at The Valley Post". An outlet must follow: "Read
        // the full report at the county's website" is a source's document.
        p(
            r"^\W*(?:go\s+to\s+(?:the\s+)?(?:full\s+)?|read\s+the\s+(?:full|whole|complete|entire|rest\s+of\s+the)\s+|continue\s+reading\s+the\s+)(?:article|story)\s+(?:on|at|in|from)\b",
            &[&["article", "story"], &["go", "full", "whole", "complete", "entire", "rest", "continue"]],
            Need::Outlet,
            true,
        ),
        // The story goes on elsewhere: "Continue reading on ABC News", "Read the rest at The Hill",
        // "Story continues on latimes.com". (Not "Read more at …", which also points to a source's
        // page.)
        p(
            r"^\W*(?:continue\s+reading|read\s+the\s+rest|(?:the\s+)?(?:story|article)\s+continues)\s+(?:on|at)\b",
            &[&["continue", "rest"]],
            Need::Outlet,
            true,
        ),
        // The same in other languages: "Baca artikel selengkapnya di Detik.com", "Lee la nota
        // completa en El Faro", "Leia a reportagem completa na Folha", "Lire l'article complet sur
        // Mediapart", "Leggi l'articolo completo su Domani".
        p(
            r"^\W*(?:baca\s+(?:artikel\s+|berita\s+)?selengkapnya\s+(?:di|pada)|(?:lee|lea|leer|leia|lire|lisez|leggi)\s+(?:el|la|a|o|l['’]|il)\s*(?:artículo|nota|noticia|reportaje|historia|matéria|reportagem|notícia|artigo|article|articolo)\s+(?:completo|completa|complet|intégral|integrale)\s+(?:en|em|no|na|sur|su|sul)|den\s+(?:ganzen|vollständigen)\s+(?:artikel|beitrag|text)\s+lesen\s+sie\s+(?:auf|bei|im|in\s+der))\b",
            &[&["selengkapnya", "complet", "intégral", "integrale", "ganzen", "vollständigen"]],
            // Only a story is read in full elsewhere: the name is its outlet's ("El Faro").
            Need::AnyName,
            true,
        ),
        p(
            // "c.2026 The New York Times Company", as that paper's syndicated copy writes it (a
            // recent year glued to it: "c. 1910" is circa).
            r"^\W*(?:(?:(?:©|\(c\)|copyright)\s*){1,3}(?:\d{4}(?:\s*[-–]\s*\d{4})?)?|c\.(?:199\d|20\d\d)\b)\s*,?",
            &[&["©", "(c)", "copyright", "c."]],
            Need::Masthead,
            true,
        ),
    ]
});

/// The start of a sentence that credits the story's origin: "This article ...", "A version of this
/// story ...", "Originally published ...", "Reprinted with ...", after an optional "Editor's note:".
static CREDIT_SUBJECT: Pattern = Pattern::new(r"(?i)^[\W_]*(?:(?:editor(?:'|’)?s|ed\.?|publisher(?:'|’)?s)\s+note\s*:?\s*|note\s*:\s*)?(?:(?:a|an)\s+(?:\w+\s+){0,2}version\s+of\s+|(?:portions|parts)\s+of\s+|(?:una|uma|une)\s+(?:primera\s+|primeira\s+|première\s+)?(?:versión|versão|version)\s+(?:de|d['’])\s*|un['’]altra\s+versione\s+di\s+)?(?:this\b|these\b|the\s+following\b|originally\b|first\b|initially\b|republished\b|reprinted\b|reproduced\b|reposted\b|used\b|published\b|appeared\b|syndicated\b|shared\b|(?:este|esta|estos|estas|esse|essa|este|cet|cette|ce|ces|dieser|diese|dieses|questo|questa|quest['’]|dit|deze|originalmente|originariamente|inicialmente|initialement|publicad[oa]|publiée?|pubblicat[oa]|erschienen|zuerst|ursprünglich|erstmals|verschenen|republicad[oa]|republiée?|reproducid[oa]|reproduzid[oa]|reproduite?)\b|(?:el|la|o|a|der|das|het)\s+(?:artículo|reportaje|nota|artigo|reportagem|texto|artikel|beitrag|text)\b|l['’](?:article|articolo)\b|(?:article|story|column|articolo|artículo|artigo|artikel|beitrag|reportaje|reportagem|nota|texto)\s+(?:originally|first|initially|publi|pubblicat|paru|erschien|ursprünglich|zuerst|republi|reprinted|reproduc))");
/// A weaker start, trusted only in an emphasized note or a note of one sentence that ends with the
/// name: "The article first appeared ...", "It ran ...".
static WEAK_SUBJECT: Pattern = Pattern::new(r"(?i)^[\W_]*(?:it\b|the\s+(?:original\s+)?(?:article|story|piece|column|essay|op-ed)\b)");

const LANGUAGE_WORDS: &[&str] = &[
    "hebrew",
    "yiddish",
    "english",
    "russian",
    "french",
    "spanish",
    "german",
    "arabic",
    "ladino",
    "italian",
    "polish",
    "ukrainian",
    "portuguese",
    "print",
    "online",
    "digital",
];
const DATE_WORDS: &[&str] = &[
    "am",
    "pm",
    "a.m",
    "p.m",
    "et",
    "gmt",
    "utc",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
];
const NAME_CONNECTORS: &[&str] = &["of", "for", "de", "del", "du", "la", "le", "the", "&", "on", "and"];
const DESCRIPTORS: &[&str] = &[
    "newspaper",
    "daily",
    "weekly",
    "magazine",
    "outlet",
    "site",
    "website",
    "publication",
    "paper",
    "news",
    "journal",
    "monthly",
    "agency",
    "wire",
    "service",
    "blog",
    "newsletter",
    "edition",
];
const NOT_NAMES: &[&str] = &["i", "we", "it", "our", "this", "that", "these", "those", "here", "there", "its", "a", "an", "his", "her", "their"];

/// The outlet named at the start of `tail`, the text right after a credit phrase: "the Cleveland
/// Jewish News on May 2." → "Cleveland Jewish News"; "Hebrew in Haaretz." → "Haaretz"; "the
/// Israeli daily Haaretz" → "Haaretz"; "jta.org." → "jta.org"; "here." → none.
pub fn credit_outlet(tail: &str) -> Option<String> {
    let tokens: Vec<&str> = tail.split_whitespace().take(30).collect();
    let mut i = 0;
    let mut skipped_lower = 0;
    // Seek the first name, past articles, languages, dates and a few lower-case words.
    while i < tokens.len() {
        let (word, ends) = clean_token(tokens[i]);
        let lower = word.to_lowercase();
        if word.is_empty() {
            i += 1;
            continue;
        }
        let is_date = DATE_WORDS.contains(&lower.as_str()) || (lower.chars().any(|c| c.is_ascii_digit()) && !lower.chars().any(char::is_alphabetic));
        if is_name_token(word) && !LANGUAGE_WORDS.contains(&lower.as_str()) && !is_date && !NOT_NAMES.contains(&lower.as_str()) {
            break;
        }
        if NOT_NAMES.contains(&lower.as_str()) && lower != "a" && lower != "an" {
            return None;
        }
        if !(is_date || LANGUAGE_WORDS.contains(&lower.as_str())) {
            skipped_lower += 1;
            if skipped_lower > 5 {
                return None;
            }
        }
        // "Nov. 19, 2026, by the Texas Tribune": a month's abbreviation before its day ends no
        // sentence.
        let abbreviated_month = MONTH_ABBREVIATIONS.contains(&lower.as_str()) && tokens.get(i + 1).is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
        if (matches!(ends, End::Sentence) && !abbreviated_month) || (matches!(ends, End::Clause) && !is_date) {
            return None;
        }
        i += 1;
    }
    let (first, next) = name_run(&tokens, i)?;
    // "appears in print on Page A7 of the New York edition": a place in a paper, not a paper. So
    // are the print edition, issue and magazine that German capitalises like names ("erschien
    // zuerst in der Printausgabe", "im Heft 12/2024").
    let head = first.text.split_whitespace().next().unwrap_or_default().to_lowercase();
    if matches!(
        head.as_str(),
        "page" | "pages" | "section" | "edition" | "issue" | "volume" | "vol" | "no" | "print" | "printausgabe" | "ausgabe" | "heft" | "magazin" | "zeitung"
            | "wochenendausgabe" | "sonntagsausgabe" | "beilage" | "rubrik" | "ressort" | "teil" | "folge" | "serie" | "newsletter" | "podcast" | "blog"
            // "erschien im Rahmen der Serie …", "wurde von der Redaktion übernommen".
            | "rahmen" | "auftrag" | "kooperation" | "zusammenarbeit" | "redaktion"
    ) {
        return None;
    }
    // "the Israeli daily Haaretz": a descriptor after an adjective, then the name.
    if next < tokens.len() && !first.ended {
        let mut j = next;
        while j < tokens.len() && DESCRIPTORS.contains(&clean_token(tokens[j]).0.to_lowercase().as_str()) && !clean_token(tokens[j]).0.is_empty() {
            if !matches!(clean_token(tokens[j]).1, End::None) {
                break;
            }
            j += 1;
        }
        if j > next
            && let Some((second, _)) = name_run(&tokens, j)
        {
            return Some(second.text);
        }
    }
    Some(first.text)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    None,
    /// , ; : )
    Clause,
    /// . ! ?
    Sentence,
    /// A possessive: "the Forward's".
    Possessive,
}

/// A token without surrounding quotes and trailing punctuation, and what ended it.
fn clean_token(token: &str) -> (&str, End) {
    let token = token.trim_start_matches(['"', '“', '‘', '\'', '(', '[', '«', '*', '_']);
    let mut end = End::None;
    let mut t = token;
    loop {
        let before = t;
        if let Some(rest) = t.strip_suffix(['"', '”', '’', '\'', '»', '*', '_']).filter(|r| !r.ends_with(['’', '\''])) {
            t = rest;
        }
        if let Some(rest) = t.strip_suffix("'s").or_else(|| t.strip_suffix("’s")) {
            t = rest;
            end = End::Possessive;
        }
        if let Some(rest) = t.strip_suffix([',', ';', ':', ')', ']']) {
            t = rest;
            if end == End::None {
                end = End::Clause;
            }
        }
        if let Some(rest) = t.strip_suffix(['.', '!', '?', '…']) {
            // Initials keep their last dot ("U.S."); a domain's dots are inside, not at the end.
            let initials = rest.len() <= 4 && rest.contains('.');
            if !initials {
                t = rest;
                if end != End::Possessive {
                    end = End::Sentence;
                }
            }
        }
        if t == before {
            break;
        }
    }
    (t, end)
}

/// Capitalised, a digit, camel case ("eJewishPhilanthropy") or a domain ("jta.org").
fn is_name_token(word: &str) -> bool {
    let Some(first) = word.chars().next() else { return false };
    let has_letter = word.chars().any(char::is_alphabetic);
    let time = matches!(word.to_lowercase().as_str(), "am" | "pm" | "a.m" | "p.m" | "a.m." | "p.m." | "et" | "est" | "edt" | "pt" | "pst" | "gmt" | "utc");
    has_letter && !time && (first.is_uppercase() || first.is_ascii_digit() || word.chars().skip(1).any(char::is_uppercase) || looks_like_domain(word))
}

struct Run {
    text: String,
    ended: bool,
}

/// The run of name tokens from `start`: "Cleveland Jewish News", "Times of Israel", "U.S. News &
/// World Report". Returns the run and the index after it.
fn name_run(tokens: &[&str], start: usize) -> Option<(Run, usize)> {
    let mut parts: Vec<&str> = Vec::new();
    let mut i = start;
    let mut ended = false;
    while i < tokens.len() && parts.len() < 8 {
        let (word, end) = clean_token(tokens[i]);
        if word.is_empty() {
            break;
        }
        let lower = word.to_lowercase();
        // A preposition and an article before a name word, as Romance and Germanic names join
        // their words: "Diario de la Bahía", "Het Nieuwsblad van de Kust".
        if !parts.is_empty()
            && end == End::None
            && ["de", "van", "von", "di", "da"].contains(&lower.as_str())
            && let (Some(article), Some(next)) = (tokens.get(i + 1), tokens.get(i + 2))
            && let (article_word, End::None) = clean_token(article)
            && ["la", "las", "los", "le", "les", "der", "den", "de", "het"].contains(&article_word.to_lowercase().as_str())
            && is_name_token(clean_token(next).0)
        {
            parts.push(word);
            parts.push(article_word);
            i += 2;
            continue;
        }
        let accepted = if is_name_token(word) && !(parts.is_empty() && NOT_NAMES.contains(&lower.as_str())) {
            true
        } else if !parts.is_empty() && NAME_CONNECTORS.contains(&lower.as_str()) && end == End::None {
            // A connector counts only when a name word follows it.
            tokens.get(i + 1).is_some_and(|next| is_name_token(clean_token(next).0)) && lower != "and" && lower != "on"
        } else if !parts.is_empty() && (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit()) {
            // A number in a name: "Yale Environment 360", "Channel 4 News", "KOMU 8". Not a year
            // ("in Haaretz 2019" has four digits).
            true
        } else {
            false
        };
        if !accepted {
            break;
        }
        parts.push(word);
        i += 1;
        // A legal form written as initials closes the name, the full stop its own and perhaps
        // the sentence's: "© 2026 Bloomberg L.P. Visit bloomberg.com/opinion."
        let legal_initials = parts.len() > 1 && word.contains('.') && tokens[i - 1].ends_with('.') && LEGAL_FORMS.contains(&word.replace('.', "").to_lowercase().as_str());
        if end != End::None || legal_initials {
            ended = true;
            break;
        }
    }
    if parts.is_empty() {
        return None;
    }
    // A case ending glued to the name's last word, as Turkish writes it: "BBC Türkçe'de
    // yayımlanmıştır", "Reuters'a göre". Only at the name's end ("Hawai'i Public Radio").
    if let Some(last) = parts.last_mut()
        && let Some((stem, ending)) = last.rsplit_once(['\'', '’'])
        && TURKISH_CASE_ENDINGS.contains(&ending)
        && stem.chars().count() >= 2
    {
        *last = stem;
    }
    let text = without_leading_the(&parts.join(" ")).to_owned();
    (text.chars().filter(|c| c.is_alphanumeric()).count() >= 2).then_some((Run { text, ended }, i))
}

/// Turkish case endings, written after an apostrophe on a proper name ("BBC'de", "Reuters'a").
const TURKISH_CASE_ENDINGS: &[&str] = &[
    "de", "da", "te", "ta", "den", "dan", "ten", "tan", "nde", "nda", "nden", "ndan", "e", "a", "ye", "ya", "ne", "na", "in", "ın", "un", "ün", "nin", "nın", "nun",
    "nün", "i", "ı", "u", "ü", "yi", "yı", "yu", "yü",
];

/// How far a credit sentence reaches on either side of its phrase, in bytes. Credit lines are
/// short; without a bound, a paragraph of megabytes with the phrase all through it had each match
/// scan to both ends of the paragraph (a 2 MB paragraph took 3.5 s, a 20 MB one would take minutes).
const SENTENCE_REACH: usize = 1000;

/// `at`, or the nearest character boundary below it, within `text` (`str::floor_char_boundary`
/// is stable only from Rust 1.91; the crate builds with 1.88).
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The start of the sentence that contains byte offset `at`, looking back at most `reach` bytes:
/// a sentence that starts further back starts, for a credit, at the nearest word there.
fn sentence_start(text: &str, at: usize, reach: usize) -> usize {
    let floor = floor_char_boundary(text, at.saturating_sub(reach));
    let mut i = at;
    while i > floor {
        i -= 1;
        if sentence_ends_at(text, floor, i) {
            return i + 1;
        }
    }
    if floor == 0 {
        return 0;
    }
    // Out of reach: from the first word that starts within it.
    text[floor..at].char_indices().find(|(_, c)| c.is_whitespace()).map_or(at, |(p, c)| floor + p + c.len_utf8())
}

/// Whether the byte at `i` is a full stop (or "!", "?") that ends a sentence: a space follows, and
/// it closes no initial or abbreviation like "U.S.", "Mr." or "Nov." (the word before it is read
/// from `floor` on).
fn sentence_ends_at(text: &str, floor: usize, i: usize) -> bool {
    let bytes = text.as_bytes();
    if !(matches!(bytes[i], b'.' | b'!' | b'?') && bytes.get(i + 1).is_some_and(|b| b.is_ascii_whitespace())) {
        return false;
    }
    let word_start = text[floor..i].rfind(|c: char| c.is_whitespace()).map_or(floor, |p| floor + p + 1);
    let word = &text[word_start..i];
    // "U.S." and "Ph.D." are abbreviations; "bloomberg.com." ends a sentence.
    let abbreviation = word.split('.').all(|piece| piece.chars().count() <= 2);
    !(word.chars().count() <= 2 || (word.contains('.') && abbreviation) || matches!(word, "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Jr" | "Sr") || month_abbreviation_at(text, i))
}

/// Months as abbreviated with a full stop: not [`MONTH_OPENINGS`], since "May." ends a sentence
/// ("published in May. 19 people …") and "Sept." is one.
const MONTH_ABBREVIATIONS: &[&str] = &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// Whether the dot at `dot` closes a month's abbreviation before a day ("Nov. 19"), not a sentence.
fn month_abbreviation_at(text: &str, dot: usize) -> bool {
    let word_start = text[..dot].rfind(char::is_whitespace).map_or(0, |p| p + 1);
    MONTH_ABBREVIATIONS.iter().any(|m| text[word_start..dot].eq_ignore_ascii_case(m)) && text[dot + 1..].trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// A link in a block: its text and its host.
struct BlockLink {
    text: String,
    host: String,
}

static BLOCK_ELEMENTS: LazyLock<Selector> = LazyLock::new(|| sel("p, div, li, blockquote, em, i, span, h2, h3, h4, h5, h6, section, aside, footer, small, td"));
const BLOCK_ELEMENT_NAMES: &[&str] = &["p", "div", "li", "blockquote", "em", "i", "span", "h2", "h3", "h4", "h5", "h6", "section", "aside", "footer", "small", "td"];
static ANCHORS: LazyLock<Selector> = LazyLock::new(|| sel("a[href]"));

/// Whether the element's collapsed text is `text`, reading no more of a large element than needed.
/// Bounded by the collapsed text, not the raw one: the indentation between an element's tags is
/// not its text, and must not keep a block from being found. The raw bytes read are capped all the
/// same, far above any template's indentation: every block element is tried in turn, and nested
/// elements opening with megabytes of line breaks would each read all of them.
fn has_text(element: ElementRef<'_>, text: &str) -> bool {
    const INDENTATION_BUDGET: usize = 64 * 1024;
    let mut budget = text.len() * 2 + INDENTATION_BUDGET;
    let over_budget = std::cell::Cell::new(false);
    let pieces = element.text().take_while(|piece| {
        budget = budget.saturating_sub(piece.len());
        over_budget.set(budget == 0);
        budget > 0
    });
    collapses_to(pieces, text) && !over_budget.get()
}

/// The links inside the page element whose text is the block's text.
// JUDGE-NEEDS: `Block` could carry its element's NodeId (or its links' hrefs) so that the credit
// check need not find the element again by its text.
fn block_links(html: &Html, text: &str, base: Option<&Url>) -> Vec<BlockLink> {
    let Some(element) = select_named(html, &BLOCK_ELEMENTS, BLOCK_ELEMENT_NAMES).find(|e| has_text(*e, text)) else { return Vec::new() };
    element
        .select(&ANCHORS)
        .filter_map(|a| {
            let href = a.value().attr("href")?.trim();
            let url = match base {
                Some(base) => base.join(href).ok()?,
                None => Url::parse(href).ok()?,
            };
            let host = url.host_str()?.trim_start_matches("www.").to_ascii_lowercase();
            Some(BlockLink { text: element_text(a), host })
        })
        .collect()
}

/// One credit sentence found in a block: (evidence, outlet as named, link host).
struct CreditFound {
    sentence: String,
    outlet: Option<String>,
    link_host: Option<String>,
}

/// Credit sentences in one block. `short` blocks (italic notes, one-line credits) may credit with
/// any sentence shape; in others the sentence must open like a credit line.
fn find_credits(text: &str, emphasized: bool) -> Vec<(String, Option<String>, Need)> {
    let short = text.chars().count() <= 300 || (emphasized && text.chars().count() <= 500);
    let mut out = Vec::new();
    // For the patterns' literal prerequisites: (?i) also folds the long s and the Kelvin sign to
    // ASCII letters, so a text with either skips the shortcut.
    let folded = text.to_ascii_lowercase();
    let exotic = text.contains(['ſ', '\u{212a}']);
    // Where a note's later sentences start (after a full stop and its spaces), found once. Only
    // in a note of a few lines: a paragraph of the story is longer, and running the anchored
    // patterns at each of its sentences would find nothing at some cost. A note set in italics
    // may run longer, as a syndicated column's tagline does (a disclaimer, the columnist's line,
    // the copyright, the distributor).
    const NOTE_BYTES: usize = 240;
    const ITALIC_NOTE_BYTES: usize = 600;
    let later_starts: Vec<usize> = if text.len() <= NOTE_BYTES || (emphasized && text.len() <= ITALIC_NOTE_BYTES) {
        text.bytes()
            .enumerate()
            .filter(|&(i, b)| matches!(b, b'.' | b'!' | b'?') && sentence_ends_at(text, 0, i))
            .map(|(i, _)| i + 1 + (text[i + 1..].len() - text[i + 1..].trim_start().len()))
            .collect()
    } else {
        Vec::new()
    };
    let single_sentence = text.len() <= NOTE_BYTES && later_starts.is_empty();
    for pattern in CREDIT_PATTERNS.iter() {
        if !exotic && !pattern.needs.iter().all(|group| group.iter().any(|w| folded.contains(w))) {
            continue;
        }
        // A pattern anchored at the text's start ("Distributed by …", "Source: …") also reads each
        // later sentence of a short note: "© 2026 The Harbor Sun. Distributed by Tribune Content
        // Agency, LLC."
        let later = if pattern.anchored { later_starts.as_slice() } else { &[] };
        let matches = pattern
            .regex
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .chain(later.iter().filter_map(|&at| pattern.regex.find_iter(&text[at..]).next().map(|m| (at + m.start(), at + m.end()))));
        for (m_start, m_end) in matches {
            let start = sentence_start(text, m_start, SENTENCE_REACH);
            let sentence_head = &text[start..];
            let shaped = pattern.self_standing || CREDIT_SUBJECT.is_match(sentence_head) || (short && emphasized);
            let shaped = shaped || (emphasized && WEAK_SUBJECT.is_match(sentence_head));
            // A note of one sentence that ends with the outlet's name: "The story was first
            // published by Searchlight New Mexico." Not "The story was first published by Haaretz
            // last week, and JTA followed.", a paragraph of the story.
            let closing_name = || {
                credit_outlet(&text[m_end..]).is_some_and(|o| text.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace()).ends_with(o.as_str()))
            };
            let shaped = shaped || (single_sentence && WEAK_SUBJECT.is_match(sentence_head) && closing_name());
            if !shaped {
                continue;
            }
            // The sentence's end, within reach of the phrase: keep "U.S." and "jta.org" whole (end at
            // a dot followed by a space or the end).
            let limit = floor_char_boundary(text, m_end + SENTENCE_REACH);
            let end = text[m_end..limit].find(['.', '!', '?']).map_or(limit, |e| {
                let mut e = m_end + e;
                while e < limit && text.as_bytes()[e] == b'.' && (text.as_bytes().get(e + 1).is_some_and(|b| !b.is_ascii_whitespace()) || month_abbreviation_at(text, e)) {
                    e = text[e + 1..limit].find(['.', '!', '?']).map_or(limit, |n| e + 1 + n);
                }
                (e + 1).min(limit)
            });
            let sentence = text[start..end].trim().to_owned();
            let outlet = credit_outlet(&text[m_end..]);
            // Two patterns may read one phrase ("This article courtesy of …" at a note's start and
            // in running text): one credit, held to the laxer need.
            if let Some(seen) = out.iter_mut().find(|(s, o, _)| *s == sentence && *o == outlet) {
                if seen.2 == Need::Outlet && pattern.need == Need::AnyName {
                    seen.2 = Need::AnyName;
                }
                continue;
            }
            out.push((sentence, outlet, pattern.need));
        }
    }
    out
}

fn credit_signals(site: &Site<'_>, meta: &Metadata, blocks: &[Block], html: &Html, reasons: &mut Vec<Reason>) {
    let base = meta.canonical_url.as_ref().or(meta.page_url.as_ref());
    let blocks: Vec<&Block> = blocks.iter().filter(|b| !b.text.trim().is_empty()).collect();
    // Positions count the story's own paragraphs: a note sits where the paragraphs around it do,
    // so a tag list or an author box under the story does not push its last paragraphs away
    // from the end.
    let n = blocks.iter().filter(|b| !b.note).count();
    let mut paragraphs_before = 0;
    for block in blocks {
        let i = paragraphs_before;
        if !block.note {
            paragraphs_before += 1;
        }
        let edge = i < 2 || i + 4 >= n;
        let short_note = block.emphasized && block.text.chars().count() <= 400;
        if !(edge || short_note) {
            continue;
        }
        let location = || match i {
            _ if block.note && i == 0 => "note above the story".to_owned(),
            _ if block.note && i >= n => "note under the story".to_owned(),
            _ if block.note => format!("note after paragraph {i}"),
            0 => "first paragraph".to_owned(),
            _ if i + 1 == n => "last paragraph".to_owned(),
            1 => "second paragraph".to_owned(),
            _ => format!("paragraph {}", i + 1),
        };
        if let Some((partner, evidence)) = partner_note(site, block, i + 4 >= n, i + 1 >= n) {
            reasons.push(Reason { signal: Signal::Credit, evidence, location: location(), source: Some(partner.name.clone()) });
            continue;
        }
        // Notes that credit no partner: a Chinese reprint note's outlet, the wires unnamed.
        if i + 4 >= n
            && let Some(source) = cjk_reprint_note(site, &block.text)
                .or_else(|| cjk_provider_note(site, &block.text))
                .or_else(|| wire_note(&block.text).or_else(|| syndicated_feed_note(&block.text)).map(str::to_owned))
                .or_else(|| newsroom_boilerplate(site, &block.text))
                .or_else(|| (i + 1 >= n).then(|| vietnamese_source_note(site, meta, &block.text)).flatten())
                .or_else(|| cjk_copyright_note(site, &block.text))
                .or_else(|| author_employer_note(site, meta, &block.text))
        {
            reasons.push(Reason { signal: Signal::Credit, evidence: evidence(&block.text), location: location(), source: Some(source) });
            continue;
        }
        let found = find_credits(&block.text, block.emphasized);
        if found.is_empty() {
            continue;
        }
        let location = location();
        let links = block_links(html, &block.text, base);
        // One reason per paragraph: the first credit that names its outlet, else the first at all
        // ("This story was produced by ProPublica and is republished with permission" matches a
        // nameless phrase first), read in the note's order: a line names the story's owner before
        // its distributor ("© 2026 Bloomberg L.P. … Distributed by Tribune Content Agency").
        let mut found = found;
        found.sort_by_key(|(sentence, _, _)| block.text.find(sentence.as_str()).unwrap_or(usize::MAX));
        let mut chosen: Option<(CreditFound, Option<String>)> = None;
        for (sentence, outlet, need) in found {
            let Some(credit) = credit_outlet_checked(site, CreditFound { sentence, outlet, link_host: None }, &links, need) else { continue };
            let source = credit.outlet.as_deref().map(|o| site.source_name(o)).or_else(|| credit.link_host.as_deref().and_then(|h| site.source_for_url(h)));
            let named = source.is_some();
            if named || chosen.is_none() {
                chosen = Some((credit, source));
            }
            if named {
                break;
            }
        }
        if let Some((credit, source)) = chosen {
            reasons.push(Reason { signal: Signal::Credit, evidence: evidence(&credit.sentence), location, source });
        }
    }
}

/// The partner that a note in one of the partners' own fixed forms credits, with its evidence:
/// Reuters' sign-off, a note of agencies alone and a newsroom's paragraph about itself (these three
/// only in the last four paragraphs, `near_end`; `last` for the last one), or an agency's
/// contribution to the report.
fn partner_note<'p>(site: &Site<'p>, block: &Block, near_end: bool, last: bool) -> Option<(&'p Partner, String)> {
    let text = block.text.as_str();
    if near_end {
        if reuters_signoff(text)
            && let Some(reuters) = site.partner_named("Reuters")
        {
            return Some((reuters, evidence(text)));
        }
        if let Some(signoff) = afp_signoff(text)
            && let Some(afp) = site.partner_named("AFP")
        {
            return Some((afp, evidence(signoff)));
        }
        // In the story's flow a bare "Reuters" signs it off; in a tag list, a promo or a logo's
        // box it is only a name.
        let bare = !block.note;
        if let Some((partner, note)) = agency_note(site, text, last && bare, bare) {
            return Some((partner, evidence(&note)));
        }
        if let Some(partner) = partner_boilerplate(site, text) {
            return Some((partner, evidence(text)));
        }
        if let Some(partner) = partner_coverage_pointer(site, text) {
            return Some((partner, evidence(text)));
        }
    }
    wire_contribution(site, text).map(|(partner, sentence)| (partner, evidence(&sentence)))
}

/// An agency's pointer to the rest of its coverage, which papers that run its stories keep at
/// the end: "Follow AP's coverage of the election at https://apnews.com/hub/…", "More AP coverage
/// of the war: …", "Find more of AP's climate coverage at …". Only a partner counts, and only as
/// the sentence's opening: a site points to its own coverage the same way.
static COVERAGE_POINTER: Pattern =
    Pattern::new(r"(?i)^\W*(?:(?:follow|find|read|see|explore|keep\s+up\s+with)\s+(?:more\s+)?(?:of\s+)?(?:the\s+)?(?P<owner>[\p{L}][\p{L}\p{N}&.-]*(?:\s+[\p{L}][\p{L}\p{N}&.-]*){0,3}?)(?:'s|’s|'|’)|more\s+(?P<brand>[\p{L}][\p{L}\p{N}&.-]*(?:\s+[\p{L}][\p{L}\p{N}&.-]*){0,2}?))\s+(?:[\p{L}-]+\s+){0,3}?coverage\b");

fn partner_coverage_pointer<'p>(site: &Site<'p>, text: &str) -> Option<&'p Partner> {
    if text.len() > 400 || !contains_ignore_ascii_case(text.as_bytes(), b"coverage") {
        return None;
    }
    let caps = COVERAGE_POINTER.captures(text.trim())?;
    let name = caps.name("owner").or_else(|| caps.name("brand"))?.as_str();
    site.partner_named(strip_leading_the(name)).or_else(|| site.partner_coded(name))
}

/// Reuters' sign-off under its stories, which papers that run them keep: "(Reporting by Jane Roe in
/// London; Editing by John Doe)". A paper's own reporting credits ("Reporting by Jane Roe.") have
/// no editors in them.
fn reuters_signoff(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '(' || c == '[');
    let opens = ["reporting by", "additional reporting by", "writing by", "compiled by"].iter().any(|p| strip_prefix_ignore_ascii_case(t, p).is_some());
    opens && t.len() <= 600 && t.contains(';') && contains_ignore_ascii_case(t.as_bytes(), b"editing by")
}

/// AFP's sign-off under its stories, which papers that run them keep: "burs-jm/sst" ("bureaus",
/// then the desk editors' initials), alone or after the last sentence. Initials alone ("jm/sst")
/// are not enough: German papers sign their own copy "red/mj".
fn afp_signoff(text: &str) -> Option<&str> {
    let t = text.trim().trim_end_matches('.');
    if t.len() > 2000 {
        return None;
    }
    let (before, token) = t.rsplit_once(char::is_whitespace).map_or(("", t), |(before, token)| (before.trim_end(), token));
    let initials = token.strip_prefix("burs-").or_else(|| token.strip_prefix("bur-"))?;
    let initials_only = initials.split('/').all(|g| (2..=4).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_lowercase()));
    // '\u{22}' is the straight double quote, written so to keep the prescan test's scan of
    // string literals in step.
    let after_sentence = before.is_empty() || before.ends_with(['.', '!', '?', '\u{22}', '”']);
    (initials_only && after_sentence).then_some(token)
}

/// How a note under a story introduces its agencies: "Quelle: dpa", "Con información de EFE",
/// "Avec AFP", "Mit Material von dpa", "来源：新华社" (lower-cased; the note's own case is ignored).
const NOTE_LABELS: &[&str] = &[
    "quelle:", "quellen:", "source:", "source :", "sources:", "sources :", "fuente:", "fuentes:", "fonte:", "fontes:", "fonti:", "bron:", "bronnen:", "źródło:",
    "kaynak:", "sumber:", "nguồn:", "zdroj:", "forrás:", "sursa:", "izvor:", "πηγή:", "المصدر:", "מקור:", "источник:", "джерело:", "по материалам",
    "за матеріалами", "来源：", "来源:", "來源：", "來源:", "稿源：", "出典：", "出所：", "출처:", "par", "por", "von", "con información de", "con informacion de", "com informações de", "com informações da",
    "com informações do", "con informazioni da", "mit material von", "mit material der", "mit material", "स्रोत:", "इनपुट:", "इनपुट-", "avec", "with", "via", "from", "by",
    // Last: the longer labels that open with them come first ("con información de").
    "mit", "com", "con",
];

/// A note under a story that is nothing but its agencies: "(dpa)", "— Reuters", "AP", "dpa/mj" (the
/// agency and the editor's initials), "Quelle: dpa", "Con información de EFE", "Avec AFP"; and,
/// in the last paragraph, an agency in parentheses after its last sentence ("… beschlossen.
/// (dpa)"). Only partners count, so "— Staff" or "(Jane Roe)" is no such note, and a code after
/// a name ("the Associated Press (AP).") is a mention. Without `bare`, the agencies need a label
/// or a sign-off's dash or parenthesis before them.
fn agency_note<'p>(site: &Site<'p>, text: &str, last: bool, bare: bool) -> Option<(&'p Partner, String)> {
    let t = text.trim();
    if last
        && let Some((inner, opener)) = [(')', '('), ('）', '（'), ('〕', '〔'), ('】', '【')].iter().find_map(|&(close, open)| t.strip_suffix(close).map(|inner| (inner, open)))
        && let Some(open) = inner.rfind(opener)
        && inner[..open].trim_end().ends_with(['.', '!', '?', '"', '”', '»', '。', '」'])
        && let Some(partner) = signed_agencies(site, &inner[open + opener.len_utf8()..])
    {
        return Some((partner, t[open..].to_owned()));
    }
    if t.chars().count() > 80 {
        return None;
    }
    let note = NoteParts::of(t);
    let partner = match note.after_label {
        // In brackets an agency's code counts after the label too: "(इनपुट: भाषा)".
        Some(agencies) if note.signed => signed_agencies(site, agencies),
        Some(agencies) => agencies_only(site, agencies),
        None if note.signed => signed_agencies(site, note.core),
        None if bare => agencies_only(site, note.core),
        None => return None,
    };
    partner.map(|partner| (partner, t.to_owned()))
}

/// A short note's parts, as agencies and the wires are credited under a story.
struct NoteParts<'t> {
    /// It opens with a bracket or a sign-off's dash: "(dpa)", "— Reuters"; Japanese papers sign
    /// agency copy in full-width brackets: "（共同）", "〔時事〕".
    signed: bool,
    /// The text without those brackets and dashes.
    core: &'t str,
    /// What follows a label of [`NOTE_LABELS`], when the core opens with one.
    after_label: Option<&'t str>,
}

impl<'t> NoteParts<'t> {
    fn of(text: &'t str) -> NoteParts<'t> {
        let t = text.trim();
        let signed = t.starts_with(['(', '[', '—', '–', '-', '*', '（', '〔', '【']);
        let core = t
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '*' | '（' | '〔' | '【'))
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | '.' | '）' | '〕' | '】' | '。'));
        let lower = core.to_lowercase();
        let after_label = NOTE_LABELS.iter().find_map(|label| lower.starts_with(label).then(|| core.get(label.len()..)).flatten());
        NoteParts { signed, core, after_label }
    }
}

/// A Chinese reprint note under a story: "本文转载自澎湃新闻。", "原载于《南方周末》", "本文首发于财新网".
static CJK_REPRINT: Pattern = Pattern::new(r"^\s*(?:本文|此文|文章|原文)?(?:转载自|轉載自|转自|轉自|转载于|轉載於|原载于|原載於|原载|原載|首发于|首發於|刊载于|刊載於)\s*[：:]?\s*《?([^\s。．.，,；;《》]{2,24})》?\s*[。．.]?\s*$");

/// A Chinese or Japanese note under the story without the brackets it is set in as often as not:
/// "（本文转载自澎湃新闻）", "（配信：時事通信）".
fn without_note_brackets(text: &str) -> &str {
    text.trim().trim_start_matches(['（', '(', '【', '[']).trim_end_matches(['）', ')', '】', ']'])
}

/// The outlet a Chinese reprint note ([`CJK_REPRINT`]) names, when it is not the site itself.
fn cjk_reprint_note(site: &Site<'_>, text: &str) -> Option<String> {
    if !text.contains(['转', '轉', '原', '首', '刊']) || text.chars().count() > 40 {
        return None;
    }
    let text = without_note_brackets(text);
    let name = CJK_REPRINT.captures(text)?.get(1)?.as_str().to_owned();
    // "Reprinted from" says the outlet is another: no link or known name needs to confirm it.
    cjk_source(site, &name, None, true)
}

/// The owner that a copyright line under the story names in Korean, Chinese or Japanese, when it
/// is another outlet: "<저작권자 ⓒ 연합뉴스, 무단 전재-재배포 금지>", "ⓒ 뉴스1코리아(news1.kr), 무단
/// 전재 및 재배포 금지", "（C）時事通信社", "Copyright(C) 2026 共同通信社 All Rights Reserved.".
/// Papers run an agency's copy under the agency's line and their own stories under their own
/// name. The line opens with the sign ("Copyright" or Korean's "저작권자", copyright holder, may
/// come first): "사진 ⓒ 연합뉴스" is a picture's credit. A known agency counts in any such line;
/// another outlet only in the Korean line that forbids reuse ("무단 전재", "재배포 금지"). Names in
/// Latin letters are the English credit patterns' ("© 2026 Reuters").
fn cjk_copyright_note(site: &Site<'_>, text: &str) -> Option<String> {
    const SIGNS: &[&str] = &["ⓒ", "Ⓒ", "©", "（C）", "（c）", "(c)", "(C)"];
    if text.len() > 300 || !SIGNS.iter().any(|sign| text.contains(sign)) {
        return None;
    }
    let (at, sign) = SIGNS.iter().filter_map(|sign| text.find(sign).map(|at| (at, sign.len()))).min()?;
    let before = text[..at].trim_matches(|c: char| c.is_whitespace() || matches!(c, '<' | '[' | '【' | '(' | '（' | '〈'));
    if !(before.is_empty() || ["copyright", "copyrights"].iter().any(|w| before.eq_ignore_ascii_case(w)) || before == "저작권자") {
        return None;
    }
    let rest = text[at + sign..].trim_start().trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    // A full stop ends the name, but not the dot of its address ("news1.kr").
    let full_stop = rest.match_indices('.').map(|(at, _)| at).find(|&at| rest[at + 1..].chars().next().is_none_or(char::is_whitespace));
    let end = rest.find([',', '，', '<', '>', '[', ']', '|', '·', '〉']).into_iter().chain(full_stop).chain(rest.find(" 무단")).min().unwrap_or(rest.len());
    let owner = rest[..end].trim();
    let owner = owner.to_ascii_lowercase().find(" all rights").map_or(owner, |at| owner[..at].trim_end());
    // The name with the site's address after it: "뉴스1코리아(news1.kr)".
    let (name, domain) = match owner.split_once(['(', '（']) {
        Some((name, domain)) => (name.trim(), Some(domain.trim_end_matches([')', '）']).trim()).filter(|d| looks_like_domain(d))),
        None => (owner, None),
    };
    let forbids_reuse = text.contains("무단") || text.contains("재배포");
    if name.is_empty() || name.chars().count() > 30 || !(forbids_reuse || name.chars().any(is_cjk)) {
        return None;
    }
    if let Some(partner) = domain.and_then(|d| site.partner_for_host(d)) {
        return (!site.is_own_partner(&normalize_name(&partner.name))).then(|| partner.name.clone());
    }
    if let Some(partner) = site.partner_named(name) {
        return Some(partner.name.clone());
    }
    // A page that knows its name only in Latin letters ("The Valley Ilbo") cannot tell its own
    // Korean name from another paper's.
    let knows_korean_name = site.names.iter().any(|own| own.chars().any(is_hangul));
    if !forbids_reuse || (domain.is_none() && name.chars().any(is_hangul) && !knows_korean_name) {
        return None;
    }
    cjk_source(site, name, domain, false)
}

/// The outlet that a Japanese or Chinese note under the story names as the copy's provider:
/// "提供：共同通信社" ("provided by"), "配信：時事通信" ("distributed by"), "出典：…" ("source"),
/// "供稿：新华社" ("copy from"). A known agency, or an outlet's name as [`cjk_source`] reads one (a
/// ministry's figures, "出典：総務省", are no outlet's).
fn cjk_provider_note(site: &Site<'_>, text: &str) -> Option<String> {
    const LABELS: &[&str] = &["提供", "配信", "出典", "供稿", "稿件提供"];
    let text = without_note_brackets(text);
    if text.chars().count() > 40 || text.is_ascii() {
        return None;
    }
    let rest = LABELS.iter().find_map(|label| text.strip_prefix(label))?.trim_start();
    let name = rest.strip_prefix(['：', ':'])?.trim().trim_end_matches(['。', '.']);
    if name.is_empty() {
        return None;
    }
    site.partner_named(name).map(|p| p.name.clone()).or_else(|| cjk_source(site, name, None, false))
}

/// A note under a story that says it holds the wires' copy without naming them, as bylines do
/// ("Staff and wire reports"): "(Avec agences)", "(mit Agenturen)", "Con información de agencias",
/// "— with agencies". Returns the words as written.
fn wire_note(text: &str) -> Option<&str> {
    if text.trim().chars().count() > 60 {
        return None;
    }
    let note = NoteParts::of(text);
    // "Redacción con agencias", "Staff and wire reports": the newsroom that compiled the wires'
    // copy, then the wires.
    if let Some(wires) = newsroom_with_wires(note.core) {
        return Some(wires);
    }
    let rest = match note.after_label {
        Some(rest) => rest.trim(),
        None if note.signed => note.core,
        None => return None,
    };
    // "(With inputs from agencies)", "With agency inputs": how papers in India say it.
    let rest = ["inputs from ", "input from "].iter().find_map(|p| strip_prefix_ignore_ascii_case(rest, p)).unwrap_or(rest);
    if let Some(head) = [" inputs", " input"].iter().find_map(|s| rest.len().checked_sub(s.len()).filter(|&at| rest.is_char_boundary(at) && rest[at..].eq_ignore_ascii_case(s)).map(|at| &rest[..at]))
        && ["agency", "agencies", "wire", "wires"].iter().any(|w| head.eq_ignore_ascii_case(w))
    {
        return Some("agencies");
    }
    let wires = wire_credit(rest)?;
    (wires.len() == rest.len()).then_some(wires)
}

/// The wires after a newsroom's own word and a connector: "Redacción con agencias", "Rédaction
/// avec agences", "Redaktion mit Agenturen", "Staff and wire reports", "Redação, com agências".
fn newsroom_with_wires(core: &str) -> Option<&str> {
    const CONNECTORS: &[&str] = &["and", "with", "con", "y", "avec", "et", "mit", "und", "com", "e", "en"];
    let (first, rest) = core.split_once(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '+' | '&'))?;
    let first = first.to_lowercase();
    if !NEWSROOM_WORDS.contains(&first.as_str()) && first != "staff" && first != "newsroom" {
        return None;
    }
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '+' | '&'));
    let rest = CONNECTORS.iter().find_map(|c| strip_prefix_ignore_ascii_case(rest, c).filter(|r| r.starts_with(char::is_whitespace))).map_or(rest, str::trim_start);
    let wires = wire_credit(rest)?;
    (wires.len() == rest.len()).then_some(wires)
}

/// A note that says the story came in a feed and was published unedited, as aggregating portals
/// print under agency copy: "(This story has not been edited by … staff and is auto-generated from
/// a syndicated feed.)". The feed is not named; the dateline or byline usually names it too.
fn syndicated_feed_note(text: &str) -> Option<&'static str> {
    const FEED: &[&str] = &["from a syndicated feed", "from syndicated feed", "from a syndicated news feed", "from a news agency feed", "from an agency feed"];
    (text.len() <= 400 && FEED.iter().any(|f| contains_ignore_ascii_case(text.as_bytes(), f.as_bytes()))).then_some("a syndicated feed")
}

/// As `agencies_only`, for agencies a story is signed with, in brackets or after a dash, where an
/// agency's code counts as well as its name: Japanese papers sign "（共同）", "〔時事〕".
fn signed_agencies<'p>(site: &Site<'p>, text: &str) -> Option<&'p Partner> {
    only_agencies_besides(
        text,
        |piece| site.partner_named(strip_leading_the(piece)).or_else(|| site.partner_coded(piece).filter(|_| crate::partners::signs_beyond_datelines(piece))),
        |piece| site.is_own_name(piece),
    )
}

/// The first partner in `text` when it names partners and nothing else but an editor's
/// lower-case initials, or the site's own name: "dpa/AFP", "Reuters and AP", "dpa/mj", "ntv.de,
/// mau/dpa" on ntv.de.
fn agencies_only<'p>(site: &Site<'p>, text: &str) -> Option<&'p Partner> {
    only_agencies_besides(text, |piece| site.partner_named(strip_leading_the(piece)), |piece| site.is_own_name(piece))
}

/// A US broadcaster's call sign, as a station signs its copy: "KQED", "WBUR", "KSL-TV", "KMIZ 17".
/// Public radio and TV stations share stories, each ending with its own "Copyright 2025 KQED".
fn is_call_sign(name: &str) -> bool {
    let name = name.trim();
    let name = name.rsplit_once(' ').filter(|(_, n)| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())).map_or(name, |(head, _)| head);
    let core = ["-TV", "-FM", "-AM", "-DT", "-LP", "-CD"].iter().find_map(|s| name.strip_suffix(s)).unwrap_or(name);
    (3..=4).contains(&core.len()) && core.starts_with(['K', 'W']) && core.bytes().all(|b| b.is_ascii_uppercase())
}

/// "Associated Press writer Jane Roe", "AP Medical Writer Jane Roe", "Bloomberg's Jane Roe": a
/// partner's name that opens a credit, then its possessive or a role word (one word may come
/// before the role). "Former Reuters reporter Jane Roe" opens with
/// another word: a colleague who once worked there.
fn partner_before_role<'p>(site: &Site<'p>, piece: &str) -> Option<&'p Partner> {
    let words: Vec<&str> = piece.split_whitespace().take(6).collect();
    for n in 1..words.len() {
        let last = words[n - 1];
        let owner = last.strip_suffix("'s").or_else(|| last.strip_suffix("’s"));
        let is_role = |w: &str| ROLE_WORDS.contains(&w.trim_end_matches(['.', ',']).to_lowercase().as_str());
        // One word may qualify the role: "AP Medical Writer", "Associated Press video journalist".
        let role_next = is_role(words[n]) || words.get(n + 1).is_some_and(|w| is_role(w));
        if owner.is_none() && !role_next {
            continue;
        }
        let mut head = words[..n - 1].join(" ");
        if n > 1 {
            head.push(' ');
        }
        head.push_str(owner.unwrap_or(last));
        if let Some(partner) = site.partner_named(strip_leading_the(&head)) {
            return Some(partner);
        }
    }
    None
}

/// The paragraph a newsroom puts under every story it lets others republish, describing itself:
/// "KFF Health News is a national newsroom that …", "Stateline is part of States Newsroom, a
/// nonprofit news network …", "ProPublica is a Pulitzer Prize-winning investigative newsroom.";
/// and the AP's note on its funders ("The AP is solely responsible for all content").
/// A partner opens the paragraph, "is a/an/part of/one of/the" follows, and the sentence calls it
/// a newsroom, so "Bloomberg is a financial data company" in a story about Bloomberg is not one.
fn partner_boilerplate<'p>(site: &Site<'p>, text: &str) -> Option<&'p Partner> {
    let t = text.trim();
    // The agency's note on the foundations that fund a beat, under each story they fund: "The
    // Associated Press receives support from … The AP is solely responsible for all content."
    if let Some(at) = t.find(" is solely responsible for all content") {
        let subject = &t[sentence_start(t, at, 80)..at];
        if let Some(partner) = site.partner_named(strip_leading_the(subject.trim())) {
            return Some(partner);
        }
    }
    let (subject, _) = newsroom_self_description(t)?;
    site.partner_named(strip_leading_the(subject))
}

/// The outlet a Vietnamese story's closing line names as its source: "Theo VnExpress", "(Theo
/// Tuổi Trẻ)", "Nguồn: Thanh Niên" ("theo" is "according to"), as Vietnamese sites sign the
/// stories they take from other papers. A line of its own and nothing else; "Theo Reuters, giá
/// dầu tăng …" opens a sentence of the story. Only on a page in Vietnamese: "Theo Walcott" is a
/// name elsewhere.
fn vietnamese_source_note(site: &Site<'_>, meta: &Metadata, text: &str) -> Option<String> {
    let t = text.trim().trim_start_matches('(').trim_end_matches(['.', ')', ' ']);
    if t.chars().count() > 60 {
        return None;
    }
    let name = ["theo ", "nguồn:", "nguồn "].iter().find_map(|label| {
        let head = t.get(..label.len())?;
        head.to_lowercase().eq(label).then(|| t[label.len()..].trim())
    })?;
    let vietnamese = meta.lang.as_deref().is_some_and(|l| l.get(..2).is_some_and(|l| l.eq_ignore_ascii_case("vi"))) || text.contains(['ư', 'ơ', 'đ', 'ồ', 'ộ', 'ệ']);
    let one_name = name.starts_with(char::is_uppercase) && name.split_whitespace().count() <= 5 && !name.contains([',', ';', ':', '.', '!', '?']);
    // A ministry, an office, a company or a person gives figures, not stories ("Theo Bộ Y tế",
    // "Nguồn: Tổng cục Thống kê").
    const NOT_OUTLETS: &[&str] = &[
        "bộ ", "sở ", "ubnd", "ủy ban", "uỷ ban", "chính phủ", "cục ", "tổng cục", "viện ", "trung tâm", "ngân hàng", "công ty", "tổng công ty", "bệnh viện", "trường ",
        "đại học", "hội ", "tổ chức", "quỹ ", "ông ", "bà ", "anh ", "chị ", "tập đoàn", "liên hợp quốc",
    ];
    let lower = name.to_lowercase();
    // "Báo" is "newspaper": "Báo Sông Hồng" on the site that calls itself "Sông Hồng" is its own.
    let masthead = ["Báo ", "báo "].iter().find_map(|w| name.strip_prefix(w)).unwrap_or(name);
    if !(vietnamese && one_name) || NOT_OUTLETS.iter().any(|w| lower.starts_with(w)) || site.is_own_name(name) || site.is_own_name(masthead) {
        return None;
    }
    Some(site.source_name(name))
}

/// The same paragraph from a newsroom that is no partner, when it calls itself one in so many
/// words ("The Harbor Ledger is an independent, nonprofit newsroom covering …", "Chalkbeat is a
/// nonprofit news organization …") or names a partner's network it belongs to ("Georgia Recorder is
/// part of States Newsroom, a nonprofit news network …", as each of the network's sites signs its
/// stories). The site's own paragraph, under its own stories, names the site; a programme's or a
/// funder's ("Report for America is a national service program that places journalists in
/// local newsrooms", "The Institute for Nonprofit News is a network of …") is no newsroom's.
fn newsroom_boilerplate(site: &Site<'_>, text: &str) -> Option<String> {
    const NEWSROOM_NOUNS: &[&str] = &["newsroom", "news organization", "news organisation", "news outlet", "news site", "news website", "news service", "news publication"];
    const PHRASE_ENDS: &[&str] =
        &[" that ", " which ", " who ", " based ", " covering ", " dedicated ", " focused ", " founded ", " serving ", " reporting ", " with ", " of ", " in ", " on ", " for ", " and ", " —", ".", ";", ":", "("];
    let (subject, description) = newsroom_self_description(text.trim())?;
    let words = subject.split_whitespace();
    if words.clone().count() > 6 || !words.clone().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())) || site.is_own_name_in_any_form(subject) {
        return None;
    }
    let newsroom = ["a ", "an "].iter().find_map(|a| description.strip_prefix(a)).is_some_and(|rest| {
        let end = PHRASE_ENDS.iter().filter_map(|e| rest.find(e)).min().unwrap_or(rest.len());
        let phrase = rest[..end].trim().trim_end_matches(',').to_lowercase();
        phrase.split_whitespace().count() <= 8 && NEWSROOM_NOUNS.iter().any(|n| phrase.ends_with(n))
    });
    let in_partner_network = description
        .strip_prefix("part of ")
        .map(|rest| rest.split([',', '.', ';', '(']).next().unwrap_or_default().trim())
        .is_some_and(|network| site.partner_named(strip_leading_the(network)).is_some());
    (newsroom || in_partner_network).then(|| site.source_name(subject))
}

/// The line under a story that says where its author works, when that is another outlet, as
/// newsrooms that share their stories end them: "Dana Whitfield is a reporter for the Harbor
/// Tribune.", "Dana Whitfield covers state government for Chalkbeat Colorado.", "Dana Whitfield is
/// the Harbor Tribune's education reporter.", "Dana Whitfield is a Harbor Tribune reporter." The
/// line must open with the name of one of the story's authors, and name the outlet right after the
/// role ("is a journalist with 20 years of experience covering Congress" names none). The site's
/// own line names the site; a former employer ("is a former reporter for …") and a university
/// ("a student journalist at the University of Maryland") are no origin.
fn author_employer_note(site: &Site<'_>, meta: &Metadata, text: &str) -> Option<String> {
    const ROLES: &[&str] = &["reporter", "correspondent", "journalist", "columnist", "writer", "editor", "producer"];
    // Any name after a reporter's role is an outlet; after an editor's, writer's or producer's,
    // only an outlet-shaped one ("an editor at Penguin Random House", "a writer at Google").
    const ANY_EMPLOYER: &[&str] = &["reporter", "correspondent", "journalist", "columnist"];
    const PAST: &[&str] = &["former", "retired", "onetime", "one-time", "ex-", "erstwhile", "previously", "was"];
    const NOT_OUTLETS: &[&str] = &["university", "college", "school", "institute", "foundation", "center", "centre", "program", "programme", "department"];
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '—' | '–' | '-' | '(' | '_'));
    if t.len() > 600 {
        return None;
    }
    // An author box's heading: "About the author Dana Whitfield is …".
    let t = ["about the authors", "about the author", "about the writer", "about the reporter"]
        .iter()
        .find_map(|label| strip_prefix_ignore_ascii_case(t, label))
        .map_or(t, |rest| rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':'));
    let author = meta.authors.iter().map(|a| a.name.trim()).filter(|n| n.split_whitespace().count() >= 2).find(|n| t.starts_with(n))?;
    let rest = &t[author.len()..];
    let rest = &rest[..floor_char_boundary(rest, 250)];
    let sentence = rest.match_indices(". ").map(|(e, _)| e).find(|&e| !month_abbreviation_at(rest, e)).map_or(rest, |e| &rest[..=e]);
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let lower: Vec<String> = tokens.iter().map(|w| clean_token(w).0.to_lowercase()).collect();
    let is_role = |i: usize| lower.get(i).is_some_and(|w| ROLES.contains(&w.trim_end_matches('s')));
    // (where the outlet's name starts, the role before it)
    let (outlet_at, role): (usize, &str) = match lower.first().map(String::as_str) {
        Some("is") => {
            // Whole words ("was", not "Washington"), but a prefix for "ex-".
            if lower.iter().take(8).any(|w| PAST.iter().any(|p| if p.ends_with('-') { w.starts_with(p) } else { w == p })) {
                return None;
            }
            let article = lower.get(1).map(String::as_str);
            if !matches!(article, Some("a" | "an" | "the")) {
                return None;
            }
            // "is a reporter for X", "is a senior health writer at X", "is the Australia
            // correspondent for X".
            if let Some(role_at) = (2..8).find(|&i| is_role(i) && matches!(lower.get(i + 1).map(String::as_str), Some("for" | "at" | "with"))) {
                (role_at + 2, lower[role_at].as_str())
            } else {
                // "is a Harbor Tribune reporter", "is the Harbor Tribune's education reporter": the
                // outlet's name before the role.
                let (run, next) = name_run(&tokens, 2)?;
                let possessive = tokens[next - 1].ends_with("'s") || tokens[next - 1].ends_with("’s");
                let role_at = if possessive && run.ended { (next..next + 3).find(|&i| is_role(i))? } else { Some(next).filter(|&i| is_role(i))? };
                if !(possessive || looks_like_outlet(&run.text) || site.partner_named(&run.text).is_some()) {
                    return None;
                }
                (2, lower[role_at].as_str())
            }
        }
        // "covers state government for X", "reports on housing for X", "writes about courts for X".
        Some("covers" | "reports" | "writes") => ((1..12).find(|&i| lower.get(i).is_some_and(|w| w == "for"))? + 1, "reporter"),
        _ => return None,
    };
    let tail = tokens.get(outlet_at..)?.join(" ");
    let opens_with_name = tokens.get(outlet_at).is_some_and(|w| is_name_token(clean_token(w).0))
        || (lower.get(outlet_at).is_some_and(|w| w == "the") && tokens.get(outlet_at + 1).is_some_and(|w| is_name_token(clean_token(w).0)));
    if !opens_with_name {
        return None;
    }
    let outlet = credit_outlet(&tail)?;
    let outlet = outlet.strip_suffix("'s").or_else(|| outlet.strip_suffix("’s")).unwrap_or(&outlet).to_owned();
    let norm = normalize_name(&outlet);
    // "a freelance journalist for NPR, The Guardian and the Valley Ledger", "a reporter for the
    // Harbor Tribune and the Valley Ledger, which co-published this story": the site among the
    // employers makes the story its own too.
    let site_among = tail.split([',', ';']).flat_map(|piece| piece.split(" and ")).filter_map(credit_outlet).any(|name| site.is_own_name_in_any_form(&name));
    if norm.split(' ').any(|w| NOT_OUTLETS.contains(&w)) || site.is_own_name_in_any_form(&outlet) || site_among {
        return None;
    }
    let outlet_shaped = looks_like_outlet(&outlet) || site.partner_or_its_company(&outlet).is_some() || is_call_sign(&outlet);
    (outlet_shaped || ANY_EMPLOYER.contains(&role)).then(|| site.source_name(&outlet))
}

/// A paragraph that opens with a name describing itself as a newsroom: the name, and what follows
/// its " is " ("a nonprofit newsroom …", "part of States Newsroom, …").
fn newsroom_self_description(t: &str) -> Option<(&str, &str)> {
    const NEWSROOM_WORDS: &[&str] = &[
        "newsroom", "news organization", "news organisation", "news service", "news site", "news outlet", "nonprofit", "non-profit", "journalism",
        "news agency", "news network", "source of news",
    ];
    let head = &t[..floor_char_boundary(t, 80)];
    let at = head.find(" is ")?;
    let after = &t[at + 4..];
    if !["a ", "an ", "part of ", "one of ", "the "].iter().any(|w| after.starts_with(w)) {
        return None;
    }
    let sentence = &after[..floor_char_boundary(after, 300)];
    may_contain_any(sentence, NEWSROOM_WORDS).then(|| (t[..at].trim(), after))
}

/// A known agency's copy in the story, as the note under it says: "The Associated Press
/// contributed to this report.", "Reuters and AFP contributed reporting.", "Additional reporting
/// by Reuters.", "Information from the Associated Press was used in this report.", "With files
/// from The Canadian Press", and that agency's tagline, "This report by The Canadian Press was
/// first published Nov. 20, 2026." The agency's
/// licence does not pass to a partner, so the story is not the publisher's to hand on. Only a
/// partner named as the contributor counts: "Jane Doe contributed to this report" is a
/// colleague, and "Jane Doe, who once worked for Reuters, contributed" names Reuters in passing.
fn wire_contribution<'p>(site: &Site<'p>, text: &str) -> Option<(&'p Partner, String)> {
    const SUBJECT_BEFORE: &[&str] = &[
        " contributed to this",
        " contributed to the report",
        " contributed to the story",
        " contributed reporting",
        " contributed information",
        " contributed.",
        " contributed from ",
        // The Canadian Press's tagline: "This report by The Canadian Press was first published …".
        " was first published",
    ];
    // "With inputs from PTI", as papers in India credit an agency's copy.
    const OBJECT_AFTER: &[&str] =
        &["additional reporting by ", "additional reporting from ", "with reporting from ", "with files from ", "material from ", "information from ", "inputs from ", "input from "];
    if !may_contain_any(text, &["contributed", "reporting", "material from", "information from", "files from", "first published", "input from", "inputs from"]) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    // Within reach of the phrase, like credit sentences: a page-long paragraph of repeated phrases
    // stays linear.
    let sentence_end = |from: usize| {
        let limit = floor_char_boundary(text, from + 300);
        text[from..limit].match_indices(". ").map(|(e, _)| from + e).find(|&dot| !month_abbreviation_at(text, dot)).map_or(limit, |dot| dot + 1)
    };
    let partner_among = |names: &str| {
        names
            .split([',', ';', '&'])
            .flat_map(|part| part.split(" and "))
            .map(|piece| strip_leading_the(piece.trim().trim_end_matches(['.', ')'])))
            .find_map(|piece| site.partner_named(piece).or_else(|| partner_before_role(site, piece)))
    };
    for phrase in SUBJECT_BEFORE {
        for (at, _) in lower.match_indices(phrase) {
            let start = sentence_start(text, at, 120);
            let subject = text[start..at].trim().trim_start_matches(['(', '*', '—', '-', ' ']);
            // "Editor's note: The Associated Press contributed …": the subject follows the label.
            let subject = subject.rsplit_once(':').map_or(subject, |(_, after)| after.trim_start());
            // "This report by The Canadian Press was first published": the agency after "by". A
            // story's own subject ("The report was first published in 2019") names no partner.
            let subject = match strip_prefix_ignore_ascii_case(subject, "this ").and(subject.find(" by ")) {
                Some(by) => &subject[by + 4..],
                None if phrase.contains("published") => continue,
                None => subject,
            };
            if let Some(partner) = (subject.chars().count() <= 80).then(|| partner_among(subject)).flatten() {
                return Some((partner, text[start..sentence_end(at)].trim().to_owned()));
            }
        }
    }
    for phrase in OBJECT_AFTER {
        for (at, _) in lower.match_indices(phrase) {
            let start = sentence_start(text, at, 120);
            let end = sentence_end(at);
            let object = &text[at + phrase.len()..end];
            // "Information from the Associated Press was used": the source ends at the verb.
            let object = ["was used", "were used", "is used"].iter().find_map(|v| object.to_ascii_lowercase().find(v).map(|i| &object[..i])).unwrap_or(object);
            let needs_use = phrase.starts_with("material") || phrase.starts_with("information");
            if needs_use && object.len() == text[at + phrase.len()..end].len() {
                continue;
            }
            if let Some(partner) = (object.chars().count() <= 80).then(|| partner_among(object)).flatten() {
                return Some((partner, text[start..end].trim().to_owned()));
            }
        }
    }
    None
}

/// Decide whether a credit sentence names another outlet; `None` when it names the page's own
/// publisher, or names nothing that `need` accepts.
fn credit_outlet_checked(site: &Site<'_>, mut found: CreditFound, links: &[BlockLink], need: Need) -> Option<CreditFound> {
    let mut in_sentence: Vec<&BlockLink> = links.iter().filter(|l| !l.text.is_empty() && found.sentence.contains(l.text.as_str())).collect();
    if let Some(outlet) = found.outlet.clone() {
        if site.is_own_name(&outlet) || credits_material(&found.sentence, &outlet) {
            return None;
        }
        // "Forverts, the Forward's Yiddish edition": appositive to the page's own publisher.
        if let Some(after) = found.sentence.split_once(outlet.as_str()).map(|(_, a)| a) {
            let after = after.trim_start_matches([',', ' ']).trim_start();
            let after = strip_leading_the(after);
            if let Some((owner, _)) = after.split_once("'s").or_else(|| after.split_once("’s"))
                && owner.split_whitespace().count() <= 4
                && site.is_own_name(owner)
            {
                return None;
            }
        }
        // The outlet is linked: the link's host decides whether it is the page's own.
        if let Some(link) = in_sentence.iter().find(|l| l.text.contains(outlet.as_str()) || outlet.contains(l.text.as_str())) {
            if site.is_own_host(&link.host) {
                return None;
            }
            found.link_host = Some(link.host.clone());
        }
        let acceptable = match need {
            Need::AnyName | Need::Nothing => true,
            // "© 2025 The Harbor Sun": the name lost its "The", which made "Sun" an outlet's.
            // In a copyright line a company is not an outlet ("Copyright 2025 Nexstar Media
            // Inc.", "© 2025 Valley Media Group"); a partner's company ("The New York Times
            // Company", "Bloomberg L.P.") still counts. A distributor is one whatever its form
            // ("Distributed by King Features Syndicate, Inc.").
            Need::Outlet | Need::Masthead => {
                site.partner_or_its_company(&outlet).is_some()
                    || (!(need == Need::Masthead && is_company_name(&outlet) && !is_syndicate(&outlet))
                        && (looks_like_outlet(&outlet)
                            || (written_with_the(&found.sentence, &outlet) && looks_like_outlet(&format!("The {outlet}")))
                            || is_call_sign(&outlet)))
            }
        };
        if acceptable {
            return Some(found);
        }
        found.outlet = None;
        // "Via <a>Engadget</a>" under a blog's post: a hat tip, by a name that is no outlet's,
        // whose own link adds nothing. ("Source: <a>Kompas</a>" stays an aggregator's credit.)
        let opening = found.sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
        if strip_prefix_ignore_ascii_case(opening, "via ").is_some() {
            in_sentence.retain(|l| !(l.text.contains(outlet.as_str()) || outlet.contains(l.text.as_str())));
        }
    }
    // No name: a linked host may say where ("originally appeared here"); not a writer's account
    // on a network, which an author box puts next to the print edition's line. Links to several
    // other hosts are a list of sources ("Source: <a>Jane Roe (Facebook)</a> <a>The Guardian</a>"
    // under a blog's post), not the one place the story came from.
    let mut foreign_hosts: Vec<&str> = in_sentence.iter().map(|l| l.host.as_str()).filter(|h| !site.is_own_host(h)).collect();
    foreign_hosts.sort_unstable();
    foreign_hosts.dedup();
    if foreign_hosts.len() > 1 {
        return (need == Need::Nothing).then_some(found);
    }
    if let Some(link) = in_sentence.iter().find(|l| !site.is_own_host(&l.host) && !is_social_host(&l.host)) {
        found.link_host = Some(link.host.clone());
        return Some(found);
    }
    if !in_sentence.is_empty() {
        return None;
    }
    (need == Need::Nothing).then_some(found)
}

/// What an outlet may be credited for besides the story: its data, its chart, its picture.
const MATERIAL_WORDS: &[&str] = &[
    "analysis", "analyses", "calculations", "chart", "charts", "count", "data", "database", "dataset", "estimate", "estimates", "figures", "graphic", "graphics",
    "illustration", "map", "maps", "photo", "photos", "poll", "polls", "polling", "records", "research", "statistics", "study", "survey", "surveys", "tally",
];

/// Whether the credit names the outlet for material the story used, not for the story: "Source:
/// Iowa Public Radio analysis of state records.", "Courtesy of Harbor Sun photo archives".
fn credits_material(sentence: &str, outlet: &str) -> bool {
    let Some((_, after)) = sentence.split_once(outlet) else { return false };
    let next = after.split_whitespace().next().filter(|_| after.starts_with(char::is_whitespace)).unwrap_or_default();
    MATERIAL_WORDS.contains(&next.trim_end_matches(|c: char| c.is_ascii_punctuation()).to_lowercase().as_str())
}

const LEGAL_FORMS: &[&str] = &["inc", "llc", "ltd", "limited", "co", "corp", "corporation", "plc", "gmbh", "ag", "sa", "lp", "llp", "pty", "bv", "nv", "srl", "spa"];
const GROUP_WORDS: &[&str] = &["group", "holdings", "enterprises", "communications", "company", "companies", "media", "broadcasting", "publishing", "publications"];

/// The words of a name, lower-case, without punctuation ("Dow Jones & Company, Inc." → dow, jones,
/// company, inc).
fn company_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).replace('.', "").to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A syndicate, which sells other writers' columns under its copyright whatever its legal form:
/// "(c) 2026 King Features Synd., Inc.".
fn is_syndicate(name: &str) -> bool {
    company_words(name).iter().any(|w| matches!(w.as_str(), "syndicate" | "synd" | "syndication"))
}

/// A company's name rather than a masthead's: a legal form ("Inc.", "LLC", "GmbH") or a word
/// that names a business group ("Valley Media Group", "Gray Communications", "Cox Media").
fn is_company_name(name: &str) -> bool {
    let words = company_words(name);
    words.iter().any(|w| LEGAL_FORMS.contains(&w.as_str())) || words.last().is_some_and(|w| GROUP_WORDS.contains(&w.as_str()))
}

/// The brand in a company's name: "The New York Times Company" → "the new york times", "Bloomberg
/// L.P." → "bloomberg", "Dow Jones & Company, Inc." → "dow jones".
fn company_brand(name: &str) -> String {
    let mut words = company_words(name);
    while words.last().is_some_and(|w| LEGAL_FORMS.contains(&w.as_str()) || GROUP_WORDS.contains(&w.as_str())) {
        words.pop();
    }
    words.join(" ")
}

/// Whether `sentence` writes `name` after "the" ("© 2025 The Harbor Sun").
fn written_with_the(sentence: &str, name: &str) -> bool {
    sentence.match_indices(name).any(|(i, _)| {
        let before = sentence[..i].trim_end();
        let start = before.len().saturating_sub(3);
        before.get(start..).is_some_and(|w| w.eq_ignore_ascii_case("the")) && before[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
    })
}

// ---------------------------------------------------------------------------------------------
// 4. Metadata

fn metadata_signals(site: &Site<'_>, meta: &Metadata, reasons: &mut Vec<Reason>) {
    let prov = &meta.provenance;
    let mut push = |evidence_text: &str, location: &str, source: Option<String>| {
        reasons.push(Reason { signal: Signal::Metadata, evidence: evidence(evidence_text), location: location.to_owned(), source });
    };
    for (location, value) in &prov.source_links {
        if let Some(source) = foreign_reference(site, value) {
            push(value, location, Some(source));
        }
    }
    if let Some(canonical) = &site.foreign_canonical {
        push(canonical, "link[rel=canonical]", site.source_for_url(canonical));
    }
    for value in &prov.based_on {
        if let Some(source) = foreign_reference(site, value) {
            push(value, "JSON-LD isBasedOn", Some(source));
        }
    }
    for name in &prov.source_organizations {
        if let Some(source) = foreign_reference(site, name) {
            push(name, "JSON-LD sourceOrganization", Some(source));
        }
    }
    // Only a partner: a paper's parent company ("Gannett Co., Inc.") is no other publication.
    for (property, name) in &prov.credited_organizations {
        if let Some(partner) = site.partner_named(&strip_staff_suffix(name.trim())) {
            push(name, &format!("JSON-LD {property}"), Some(partner.name.clone()));
        }
    }
    for name in &prov.publisher_organizations {
        if is_publishing_platform(name) || site.is_own_name_loosely(name) || (looks_like_domain(name) && host_of(name).is_some_and(|h| site.is_own_host(&h))) {
            continue;
        }
        let partner = site.partner_named(name);
        if partner.is_some() || site.names_independent {
            push(name, "JSON-LD publisher", Some(partner.map_or_else(|| site.source_name(name), |p| p.name.clone())));
        }
    }
}

static PIXEL_IMAGES: LazyLock<Selector> = LazyLock::new(|| sel("img[src], amp-img[src], amp-pixel[src]"));

/// The built-in profiles' pixel URLs up to their first placeholder, with their publishers: a page
/// that carries one on another site is a partner's copy of that publisher's story.
static BUILTIN_PIXELS: LazyLock<Vec<(String, Option<String>)>> =
    LazyLock::new(|| Profile::builtins().into_iter().filter_map(|p| Some((pixel_prefix(p.pixel.as_deref()?), p.publisher))).collect());

fn pixel_prefix(template: &str) -> String {
    template[..template.find(['{', '?']).unwrap_or(template.len())].to_owned()
}

/// A republished copy carries its original publisher's tracking pixel, as the republish box
/// handed it out: the Republication Tracker Tool's (`?republication-pixel=true&post=…`, which
/// nonprofit newsrooms' WordPress sites use), a partner's own (a pixel image on its domain:
/// `pixel.propublica.org`), or a profile's (the one in force, or a built-in one). On the
/// publisher's own site the pixel is its own.
fn pixel_signals(site: &Site<'_>, profile: &Profile, html: &Html, reasons: &mut Vec<Reason>) {
    let own_pixel = profile.pixel.as_deref().map(|p| (pixel_prefix(p), profile.publisher.clone()));
    for img in select_named(html, &PIXEL_IMAGES, &["img", "amp-img", "amp-pixel"]) {
        let Some(src) = img.value().attr("src").map(str::trim) else { continue };
        // The cheap tests first: a page has many pictures, and few are pixels.
        let tiny = || ["width", "height"].iter().any(|a| img.value().attr(a).is_some_and(|v| matches!(v.trim(), "0" | "1" | "1px")));
        let pixel_like = contains_ignore_ascii_case(src.as_bytes(), b"pixel") || tiny();
        let starts_with = |(prefix, _): &&(String, Option<String>)| !prefix.is_empty() && strip_prefix_ignore_ascii_case(src, prefix).is_some();
        let own_match = own_pixel.iter().find(starts_with);
        if !pixel_like && own_match.is_none() {
            continue;
        }
        let Some(host) = host_of(src) else { continue };
        if site.is_own_host(&host) {
            continue;
        }
        let partner = pixel_like.then(|| site.partner_for_host(&host)).flatten();
        // The built-in profiles are parsed for their pixels only here, for a pixel-like image
        // that no partner already explains: parsing them costs about 4% of a small page's
        // `check`. Every built-in pixel is pixel-like (a unit test says so), so none is missed.
        let profile_pixel = own_match.or_else(|| (pixel_like && partner.is_none()).then(|| BUILTIN_PIXELS.iter().find(starts_with)).flatten());
        if partner.is_some() || profile_pixel.is_some() || contains_ignore_ascii_case(src.as_bytes(), b"republication-pixel") {
            let publisher = profile_pixel.and_then(|(_, publisher)| publisher.clone());
            let source = partner.map(|p| p.name.clone()).or(publisher).or_else(|| site.source_for_url(src));
            reasons.push(Reason { signal: Signal::Metadata, evidence: evidence(src), location: "tracking pixel".to_owned(), source });
            return;
        }
    }
}

/// Blog and CMS platforms name themselves as the JSON-LD publisher of every site they host
/// (Blogger's templates do): that is the host, not another publication.
fn is_publishing_platform(name: &str) -> bool {
    const PLATFORMS: &[&str] = &[
        "blogger", "blogspot", "wordpress", "wordpresscom", "medium", "substack", "tumblr", "ghost", "squarespace", "wix",
        "weebly", "typepad", "livejournal", "google", "facebook", "jimdo", "hashnode", "beehiiv", "arc xp", "arcxp",
    ];
    let key: String = name.to_lowercase().chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect();
    PLATFORMS.contains(&key.trim())
}

/// A URL or a name that is not the page's own, as a source name.
fn foreign_reference(site: &Site<'_>, value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if value.contains("://") || value.starts_with("//") || value.starts_with('/') {
        let absolute = if let Some(rest) = value.strip_prefix("//") { format!("https://{rest}") } else { value.to_owned() };
        let host = host_of(&absolute)?; // relative: the page's own site
        return (!site.is_own_host(&host)).then(|| site.source_for_url(&absolute)).flatten();
    }
    if looks_like_domain(value) {
        let host = host_of(value)?;
        return (!site.is_own_host(&host)).then(|| site.source_for_url(value)).flatten();
    }
    (!site.is_own_name_loosely(value)).then(|| site.source_name(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_within_is_a_padded_substring_test() {
        let cases = ["", "a", "x x", "yx x x", "new york times", "york", "times", "the times", "a  b", " a", "a ", "forward", "yiddish forward", "for", "ward"];
        for long in cases {
            for short in cases.iter().filter(|s| !s.is_empty()) {
                assert_eq!(words_within(long, short), format!(" {long} ").contains(&format!(" {short} ")), "{long:?} / {short:?}");
            }
        }
    }
    use crate::extract::{Author, ProviderLabel};

    #[test]
    fn nav_links_are_what_the_whole_selector_matches() {
        let whole = sel("header a[href], nav a[href], [role=navigation] a[href], footer a[href], [class*=logo] a[href], a[class*=logo][href], a[rel=home][href]");
        let mut pages = vec![
            r#"<header><div><a href="/a">a</a><a>no href</a></div></header><main><a href="/b">b</a><nav><p><a href="/c">c</a></p></nav>
               <div role="navigation"><a href="/d">d</a></div><div role="banner"><a href="/e">e</a></div>
               <div class="site-logo"><span><a href="/f">f</a></span></div><div class="SiteLogo"><a href="/g">g</a></div>
               <a class="logo" href="/h">h</a><a class="Logo" href="/i">i</a><a rel="home" href="/j">j</a><a rel="HOME" href="/k">k</a>
               <a rel="nofollow" href="/l">l</a><footer><a href="/m">m</a></footer><svg><a href="/n">n</a></svg></main>"#
                .to_owned(),
        ];
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for entry in std::fs::read_dir(fixtures).into_iter().flatten().flatten() {
            pages.extend(std::fs::read_to_string(entry.path().join("input.html")));
        }
        assert!(pages.len() > 10, "fixtures went missing");
        for page in pages {
            let html = Html::parse_document(&page);
            let expected: Vec<_> = select_named(&html, &whole, &["a"]).map(|a| a.id()).collect();
            let found: Vec<_> = nav_links(&html).map(|a| a.id()).collect();
            assert_eq!(found, expected, "{}", &page[..page.len().min(200)]);
        }
    }

    const FORWARD_HEAD: &str = r#"<meta property="og:site_name" content="The Forward">
        <link rel="https://api.w.org/" href="https://forward.com/wp-json/">
        <link rel="alternate" type="application/rss+xml" href="https://forward.com/feed/">"#;

    /// One judge case, built by hand: the page's head and body, and the metadata the extractor
    /// would give.
    #[derive(Default)]
    struct Case {
        name: &'static str,
        /// "forward" (default), "generic", or a TOML profile.
        profile: &'static str,
        head: &'static str,
        body_class: &'static str,
        canonical: Option<&'static str>,
        fetched: Option<&'static str>,
        publisher: Option<&'static str>,
        byline: Option<&'static str>,
        /// (name, author page, JSON-LD Organization)
        authors: &'static [(&'static str, Option<&'static str>, bool)],
        meta_authors: &'static [&'static str],
        source_links: &'static [(&'static str, &'static str)],
        based_on: &'static [&'static str],
        source_organizations: &'static [&'static str],
        publisher_organizations: &'static [&'static str],
        /// JSON-LD (property, organisation): provider, copyrightHolder, creditText.
        credited: &'static [(&'static str, &'static str)],
        /// Navigation before the story, as HTML.
        nav: &'static str,
        /// An aggregator's label under the headline: (class, name, link).
        provider: Option<(&'static str, &'static str, Option<&'static str>)>,
        /// Body paragraphs as HTML; a paragraph wrapped in `<em>` is emphasized.
        body: &'static [&'static str],
        /// Notes under the story, in elements the embed leaves out (`Block::note`).
        notes: &'static [&'static str],
        eligible: bool,
        source: Option<&'static str>,
        signals: &'static [Signal],
    }

    fn profile_for(name: &str) -> Profile {
        match name {
            "" => Profile::builtin("forward").unwrap(),
            "forward" | "generic" => Profile::builtin(name).unwrap(),
            toml => Profile::from_toml(toml, "test").unwrap(),
        }
    }

    fn run(case: &Case) -> Verdict {
        let profile = profile_for(case.profile);
        let head = if case.profile.is_empty() || case.profile == "forward" { format!("{FORWARD_HEAD}{}", case.head) } else { case.head.to_owned() };
        let paragraphs: String = case.body.iter().map(|p| format!("<p>{p}</p>\n")).collect();
        let page = format!("<!doctype html><html><head>{head}</head><body class=\"{}\">{}<article>{paragraphs}</article></body></html>", case.body_class, case.nav);
        let html = Html::parse_document(&page);
        let p = Selector::parse("article > p").unwrap();
        let mut blocks: Vec<Block> = html
            .select(&p)
            .map(|e| {
                let text = element_text(e);
                let em: usize = e.select(&Selector::parse("em, i").unwrap()).map(|x| element_text(x).len()).sum();
                Block { tag: "p", emphasized: em * 10 >= text.len() * 8, text, note: false }
            })
            .collect();
        blocks.extend(case.notes.iter().map(|text| Block { tag: "div", text: (*text).to_owned(), emphasized: false, note: true }));
        let canonical = case.canonical.map(|u| Url::parse(u).unwrap());
        let fetched = case.fetched.map(|u| Url::parse(u).unwrap());
        let mut meta = Metadata {
            publisher: profile
                .publisher
                .clone()
                .or_else(|| html.select(&SITE_NAME).next().and_then(|m| m.value().attr("content")).map(str::to_owned))
                .or_else(|| case.publisher.map(str::to_owned))
                .or_else(|| case.publisher_organizations.first().map(|s| (*s).to_owned())),
            page_url: fetched.clone().or_else(|| canonical.clone()),
            canonical_url: canonical,
            authors: case
                .authors
                .iter()
                .map(|(name, url, org)| Author { name: (*name).to_owned(), url: url.map(|u| Url::parse(u).unwrap()), is_organization: *org })
                .collect(),
            ..Metadata::default()
        };
        let prov = &mut meta.provenance;
        prov.byline_text = case.byline.map(str::to_owned);
        prov.meta_authors = case.meta_authors.iter().map(|s| (*s).to_owned()).collect();
        prov.source_links = case.source_links.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect();
        prov.based_on = case.based_on.iter().map(|s| (*s).to_owned()).collect();
        prov.source_organizations = case.source_organizations.iter().map(|s| (*s).to_owned()).collect();
        prov.publisher_organizations = case.publisher_organizations.iter().map(|s| (*s).to_owned()).collect();
        prov.credited_organizations = case.credited.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        prov.page_classes = case.body_class.split_whitespace().map(str::to_owned).collect();
        prov.provider_label = case.provider.map(|(class, name, href)| ProviderLabel { class: class.to_owned(), name: name.to_owned(), href: href.map(str::to_owned) });
        judge_parts(&profile, &meta, &blocks, &html, fetched.as_ref())
    }

    const O0: &str = "NEW YORK — The city's oldest synagogue reopened on Sunday after a two-year restoration, drawing hundreds of congregants.";
    const O1: &str = "Rabbi Miriam Cohen said the project cost $4 million and was paid for by members.";
    const O2: &str = "The building, completed in 1850, had been closed since a fire in 2022.";
    const O3: &str = "Congregants said they were relieved to be home.";
    const O4: &str = "The synagogue will hold its first Shabbat service next week.";
    const O5: &str = "Services are open to the public.";
    const ORIGINAL_BODY: &[&str] = &[O0, O1, O2, O3, O4, O5];

    fn check(cases: &[Case]) {
        let mut failures = Vec::new();
        for case in cases {
            let verdict = run(case);
            let signals = verdict.signals();
            let mut want: Vec<Signal> = case.signals.to_vec();
            want.sort_by_key(|s| signal_rank(*s));
            if verdict.eligible != case.eligible || verdict.source.as_deref() != case.source || signals != want {
                failures.push(format!(
                    "{}: got eligible={} source={:?} signals={:?}\n  reasons: {:#?}",
                    case.name, verdict.eligible, verdict.source, signals, verdict.reasons
                ));
            }
        }
        assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn refusals_in_the_forward_template() {
        use Signal::*;
        check(&[
            Case {
                name: "JTA dateline",
                byline: Some("By Ron Kampeas"),
                body: &["WASHINGTON (JTA) — The Senate passed the bill on Tuesday.", "More text follows here in the second paragraph."],
                source: Some("JTA"),
                signals: &[Dateline],
                ..Case::default()
            },
            Case {
                name: "bare (JTA) with an en dash",
                body: &["(JTA) – A rabbi in Ohio was honored on Tuesday.", "More."],
                source: Some("JTA"),
                signals: &[Dateline],
                ..Case::default()
            },
            Case {
                name: "Kveller via JTA",
                body: &["KVELLER via JTA — My daughter asked me about Hanukkah.", "More."],
                source: Some("JTA"),
                signals: &[Dateline],
                ..Case::default()
            },
            Case {
                name: "byline: JTA and Forward Staff",
                byline: Some("By JTA and Forward Staff"),
                authors: &[("JTA", None, false), ("Forward Staff", None, false)],
                body: ORIGINAL_BODY,
                source: Some("JTA"),
                signals: &[Byline],
                ..Case::default()
            },
            Case {
                name: "byline: person (Haaretz)",
                byline: Some("By Noa Shalev (Haaretz) | May 2, 2025"),
                authors: &[("Noa Shalev (Haaretz)", None, false)],
                body: ORIGINAL_BODY,
                source: Some("Haaretz"),
                signals: &[Byline],
                ..Case::default()
            },
            Case {
                name: "meta author is the agency",
                meta_authors: &["Jewish Telegraphic Agency"],
                body: ORIGINAL_BODY,
                source: Some("JTA"),
                signals: &[Byline],
                ..Case::default()
            },
            Case {
                name: "author URL of a partner",
                byline: Some("By Noa Shalev"),
                authors: &[("Noa Shalev", Some("https://forward.com/authors/noa-shalev-haaretz/"), false)],
                body: ORIGINAL_BODY,
                source: Some("Haaretz"),
                signals: &[Byline],
                ..Case::default()
            },
            Case {
                name: "author page whose slug is a given name a partner's code shares",
                byline: Some("By Sid Marlow"),
                authors: &[("Sid Marlow", Some("https://forward.com/author/sid/"), false), ("Ana Ruiz", Some("https://forward.com/author/ana/"), false)],
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "author page whose slug is a partner's code",
                byline: Some("By Staff"),
                authors: &[("Staff", Some("https://forward.com/author/dpa/"), false)],
                body: ORIGINAL_BODY,
                source: Some("dpa"),
                signals: &[Byline],
                ..Case::default()
            },
            Case {
                name: "JSON-LD Organization author",
                authors: &[("Cleveland Jewish News", None, true)],
                body: ORIGINAL_BODY,
                source: Some("Cleveland Jewish News"),
                signals: &[Byline],
                ..Case::default()
            },
            Case {
                name: "credit line: italic last paragraph",
                byline: Some("By Noa Shalev"),
                body: &[O1, O2, O3, "<em>This article originally appeared in Haaretz.</em>"],
                source: Some("Haaretz"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit line: first paragraph, any outlet",
                body: &["<em>This story was originally published by the Cleveland Jewish News.</em>", O1, O2, O3, O4, O5],
                source: Some("Cleveland Jewish News"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit line: a nameless phrase before the one that names the outlet",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O1, O2, O3, "This story was produced by ProPublica, a nonprofit newsroom, and is republished here with permission."],
                source: Some("ProPublica"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit line: linked 'here'",
                body: &[O1, O2, "This article originally appeared <a href=\"https://www.jta.org/2025/05/02/x\">here</a>."],
                source: Some("JTA"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "category-jta body class",
                body_class: "post-template-default single category-jta postid-1",
                body: ORIGINAL_BODY,
                source: Some("JTA"),
                signals: &[Profile],
                ..Case::default()
            },
            Case {
                name: "syndication-source on another site",
                source_links: &[("meta[name=syndication-source]", "https://www.jta.org/2025/05/02/israel/story")],
                canonical: Some("https://forward.com/news/1/story/"),
                body: ORIGINAL_BODY,
                source: Some("JTA"),
                signals: &[Metadata],
                ..Case::default()
            },
            Case {
                name: "canonical on jta.org (saved page, site links say forward.com)",
                canonical: Some("https://www.jta.org/2025/05/02/israel/story"),
                body: ORIGINAL_BODY,
                source: Some("JTA"),
                signals: &[Metadata],
                ..Case::default()
            },
            Case {
                name: "JSON-LD isBasedOn and sourceOrganization",
                based_on: &["https://www.haaretz.com/israel-news/2025-05-02/ty-article/x"],
                source_organizations: &["Haaretz"],
                body: ORIGINAL_BODY,
                source: Some("Haaretz"),
                signals: &[Metadata],
                ..Case::default()
            },
            Case {
                name: "generic profile: a WordPress category named for an agency",
                profile: "generic",
                body_class: "single single-post category-associated-press postid-7",
                body: ORIGINAL_BODY,
                source: Some("Associated Press"),
                signals: &[Metadata],
                ..Case::default()
            },
            Case {
                name: "generic profile: the wires' category",
                profile: "generic",
                body_class: "single category-wire-services",
                body: ORIGINAL_BODY,
                source: None,
                signals: &[Metadata],
                ..Case::default()
            },
            Case {
                name: "every signal at once: source from the strongest",
                body_class: "category-wire",
                byline: Some("By Jewish Telegraphic Agency"),
                source_links: &[("meta[name=original-source]", "https://www.jta.org/x")],
                body: &["JERUSALEM (JTA) — Text.", "More.", "<em>This article originally appeared on JTA.org.</em>"],
                source: Some("JTA"),
                signals: &[Profile, Byline, Dateline, Credit, Metadata],
                ..Case::default()
            },
        ]);
    }

    #[test]
    fn refusals_in_other_markup() {
        use Signal::*;
        check(&[
            Case {
                name: "AP dateline, generic profile",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="KOMU 8">"#,
                canonical: Some("https://www.komu.com/news/x"),
                body: &["WASHINGTON (AP) — The Supreme Court ruled on Monday.", "More."],
                source: Some("Associated Press"),
                signals: &[Dateline],
                ..Case::default()
            },
            Case {
                name: "dateline after gallery junk",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Houston Chronicle">"#,
                body: &["Image 1 of 8", "Caption", "Close", "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper said on Wednesday.", "More."],
                source: Some("Associated Press"),
                signals: &[Dateline],
                ..Case::default()
            },
            Case {
                name: "Reuters dateline with a date",
                profile: "generic",
                body: &["JERUSALEM, May 2 (Reuters) - Israel said on Friday it would.", "More."],
                source: Some("Reuters"),
                signals: &[Dateline],
                ..Case::default()
            },
            Case {
                name: "byline: names run into the partner's name, no comma",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                byline: Some("By ANNA BELL and JOHN ROE Associated Press"),
                body: ORIGINAL_BODY,
                source: Some("Associated Press"),
                signals: &[Byline],
                ..Case::default()
            },
            Case {
                name: "byline: name run before a partner's acronym",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                byline: Some("Jane Roe AP"),
                body: ORIGINAL_BODY,
                source: Some("Associated Press"),
                signals: &[Byline],
                ..Case::default()
            },
            Case {
                name: "byline: name run before an agency's own code",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                byline: Some("Jane Roe Reuters"),
                body: ORIGINAL_BODY,
                source: Some("Reuters"),
                signals: &[Byline],
                ..Case::default()
            },
            Case {
                name: "byline: a one-word partner that is also a surname stays a name",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                byline: Some("Jane Roe Bloomberg"),
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "byline: a person of an outlet names the outlet, not the person",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                byline: Some("Jane Roe of The Harbor Tribune"),
                body: ORIGINAL_BODY,
                source: Some("Harbor Tribune"),
                signals: &[Byline],
                ..Case::default()
            },
            Case {
                name: "byline: a one-word affiliation after the name",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                byline: Some("By Ada Okafor and Bo Li, CalMatters"),
                body: ORIGINAL_BODY,
                source: Some("CalMatters"),
                signals: &[Byline],
                ..Case::default()
            },
            Case {
                name: "byline: person, Reuters",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                byline: Some("By Jane Roe, Reuters"),
                body: ORIGINAL_BODY,
                source: Some("Reuters"),
                signals: &[Byline],
                ..Case::default()
            },
            Case {
                name: "byline: the Associated Press",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                meta_authors: &["The Associated Press"],
                body: ORIGINAL_BODY,
                source: Some("Associated Press"),
                signals: &[Byline],
                ..Case::default()
            },
            Case {
                name: "credit: republished with permission",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "Republished with permission from Tablet Magazine."],
                source: Some("Tablet Magazine"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a copyright line whose outlet is an outlet only with its The",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "©2025 The Harbor Sun. All rights reserved."],
                source: Some("Harbor Sun"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: Reuters' sign-off",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "(Reporting by Jane Roe in London; additional reporting by Bo Li; Editing by John Doe)"],
                source: Some("Reuters"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: Reuters' sign-off on Reuters, a paper's own reporting credit",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Reuters">"#,
                canonical: Some("https://www.reuters.com/world/x"),
                body: &[O0, O1, "(Reporting by Jane Roe in London; Editing by John Doe)", "Reporting by Ada Okafor; photos by Bo Li."],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: AFP's sign-off, alone or after the last sentence",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "The talks resume on Monday, officials said. burs-ec/fz"],
                source: Some("Agence France-Presse"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: AFP's sign-off as a paragraph",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "burs-jm/sst"],
                source: Some("Agence France-Presse"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: editors' initials without AFP's bureaus",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "Officials said the talks resume on Monday. jm/sst", "jm/sst"],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: a press release's link home",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, r#"View original content:<a href="https://www.prnewswire.com/news-releases/acme-301.html">https://www.prnewswire.com/news-releases/acme-301.html</a>"#],
                source: Some("PR Newswire"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a link to a document's original content",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "View the original content of the council's report at valleypost.example/reports."],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: a feed's footer on a copied post",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, r#"The post <a href="https://harbortribune.example/x">Library extends evening hours</a> appeared first on <a href="https://harbortribune.example/">Harbor Tribune</a>."#],
                source: Some("Harbor Tribune"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a feed's footer in Italian",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "L'articolo La biblioteca allunga gli orari sembra essere il primo su Gazzetta del Porto."],
                source: Some("Gazzetta del Porto"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: an aggregator's link to the original story",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                canonical: Some("https://valleypost.example/x"),
                body: &[O0, O1, r#"<a href="https://harbortribune.example/2026/11/x">Original story</a>"#],
                source: Some("harbortribune.example"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: the copied story's headline after \"Original story:\", linked to its outlet",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                canonical: Some("https://valleypost.example/x"),
                body: &[O0, O1, r#"Original story: <a href="https://harbortribune.example/2026/11/x">Library extends evening hours</a>"#],
                source: Some("harbortribune.example"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a bare \"Read the original article\" or \"See the original post here\" linked elsewhere",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                canonical: Some("https://valleypost.example/x"),
                body: &[O0, O1, r#"<a href="https://harbortribune.example/2026/11/x">Read the original article</a>."#, r#"See the original post <a href="https://harbortribune.example/2026/11/x">here</a>."#],
                source: Some("harbortribune.example"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: the bare link home in Spanish and French, linked elsewhere",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                canonical: Some("https://valleypost.example/x"),
                body: &[O0, O1, r#"<a href="https://harbortribune.example/2026/11/x">Lee el artículo original</a>."#, r#"Lire l’article original <a href="https://harbortribune.example/2026/11/x">ici</a>."#],
                source: Some("harbortribune.example"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "trap: \"Read the original article\" on the site's own earlier story, \"Original article:\" on a study",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                canonical: Some("https://valleypost.example/x"),
                body: &[
                    O0,
                    O1,
                    r#"<a href="https://valleypost.example/2025/03/library-budget">Read the original article</a>."#,
                    r#"Original article: <a href="https://journal.example/10.1000/sleep">Effects of sleep on memory consolidation</a>"#,
                ],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: a feed's footer and a source link to the site itself",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                canonical: Some("https://valleypost.example/x"),
                body: &[O0, O1, "The post Library extends evening hours appeared first on Valley Post.", r#"<a href="https://valleypost.example/2026/11/x">Original story</a>"#],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: a source's label in another language before an outlet",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "Fuente: El Universal"],
                source: Some("El Universal"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: 'with information from' an outlet, in Spanish",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "Con información de Diario de la Bahía"],
                source: Some("Diario de la Bahía"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: data sources after the other languages' labels, a government's gazette",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, "Fuente: Ministerio de Salud", "Quelle: Statistisches Bundesamt", "Fuente: Diario Oficial de la Federación", "Con información de la Secretaría de Salud"],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: a syndicate's tagline under a column",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "To find out more about Jane Roe and read features by other Creators Syndicate writers and cartoonists, visit the Creators Syndicate website at www.creators.com."],
                source: Some("Creators Syndicate"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: the site's own columnists",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "Read columns by other Valley Post writers at valleypost.example/opinion."],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: in Spanish, on the outlet's own site",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="El Faro">"#,
                canonical: Some("https://elfaro.net/es/x"),
                body: &[O0, O1, "<em>Este artículo fue publicado originalmente en El Faro.</em>"],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: Hebrew in Haaretz",
                body: &[O0, O1, "A version of this article originally appeared in Hebrew in Haaretz on May 2, 2025."],
                source: Some("Haaretz"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a copy under an open licence, the outlet after it",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "This story was republished under a Creative Commons license from Ohio Capital Journal."],
                source: Some("Ohio Capital Journal"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a copy under an open licence, the outlet before it",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "This story is part of a partnership with Mother Jones and is republished here under a Creative Commons license."],
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "own licence and own offer to partners",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[
                    O0,
                    O1,
                    "This article is published under a Creative Commons Attribution license.",
                    "This story may be republished under a Creative Commons license from Valley Post.",
                ],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: an abbreviated date between the verb and the outlet",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "This story was originally published Nov. 19, 2026, by the Texas Tribune."],
                source: Some("The Texas Tribune"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: copyright line",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "Copyright 2025 The Associated Press. All rights reserved."],
                source: Some("Associated Press"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a note under the story, in an element the embed drops",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, O3, O4],
                notes: &["Reuters", "This story originally appeared in Haaretz."],
                source: Some("Haaretz"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "credit: an agency after a label in a note",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, O3, O4],
                notes: &["Source: Reuters"],
                source: Some("Reuters"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "a bare agency name in a note (a tag, a promo) signs nothing off",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, O3, O4],
                notes: &["Reuters", "The Associated Press", "Jane Roe covers courts for the Valley Post. She previously reported for Reuters."],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: an agency's contribution after an editor's-note label",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "<em>Editor's note: The Associated Press contributed to this report.</em>"],
                source: Some("Associated Press"),
                signals: &[Credit],
                ..Case::default()
            },
            Case {
                name: "JSON-LD publisher is another outlet",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                publisher_organizations: &["Jewish Telegraphic Agency"],
                body: ORIGINAL_BODY,
                source: Some("JTA"),
                signals: &[Metadata],
                ..Case::default()
            },
            Case {
                name: "canonical elsewhere, fetched URL",
                profile: "generic",
                fetched: Some("https://www.valleypost.com/news/story"),
                canonical: Some("https://www.clevelandjewishnews.com/news/story"),
                body: ORIGINAL_BODY,
                source: Some("Cleveland Jewish News"),
                signals: &[Metadata],
                ..Case::default()
            },
            Case {
                name: "opt-out selector in a custom profile",
                profile: "name='custom'\npublisher='Valley Post'\n[credit]\ntemplate='t'\n[opt_out]\nselectors=['.wire-credit']\n",
                body: &[O0, "<span class=\"wire-credit\">Reuters</span> contributed."],
                source: Some("Reuters"),
                // "Reuters contributed." is an agency's contribution too.
                signals: &[Profile, Credit],
                ..Case::default()
            },
            Case {
                name: "partner added by a profile",
                profile: "name='custom'\npublisher='Valley Post'\n[credit]\ntemplate='t'\n[[partners]]\nname='Hill Wire'\naliases=['HW']\nagency_codes=['HW']\n",
                body: &["SPRINGFIELD (HW) — The council voted.", "More."],
                source: Some("Hill Wire"),
                signals: &[Dateline],
                ..Case::default()
            },
        ]);
    }

    #[test]
    fn canonical_elsewhere_against_the_sites_name_and_navigation() {
        const NAV: &str = r#"<nav><a href="https://fortune.example/">Home</a> <a href="https://fortune.example/tech/">Tech</a> <a href="https://fortune.example/finance/">Finance</a></nav>"#;
        check(&[
            Case {
                name: "the page's name (as React Helmet writes it) and its navigation name one site, the canonical URL another",
                profile: "generic",
                head: r#"<meta name="og:site_name" value="Fortune"><meta name="og:url" value="https://tempo.example/4603308/gadgets/">"#,
                nav: NAV,
                canonical: Some("https://tempo.example/4603308/gadgets/"),
                body: ORIGINAL_BODY,
                source: Some("tempo.example"),
                signals: &[Signal::Metadata],
                ..Case::default()
            },
            Case {
                name: "a language version on the aggregator's site, the canonical URL on the original's",
                profile: "generic",
                head: r#"<link rel="alternate" hreflang="en-us" href="https://www.aggregator.example/en-us/health/story/ar-BB1">"#,
                canonical: Some("https://www.medical-daily.example/why-we-cry-at-films-398615"),
                body: ORIGINAL_BODY,
                source: Some("medical-daily.example"),
                signals: &[Signal::Metadata],
                ..Case::default()
            },
            Case {
                name: "language versions on the site's own hosts",
                profile: "generic",
                head: r#"<link rel="alternate" hreflang="es" href="https://es.valleypost.example/2026/historia/"><link rel="alternate" hreflang="en" href="https://valleypost.example/2026/story/">"#,
                canonical: Some("https://valleypost.example/2026/story/"),
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "navigation to a parent company's host that the page's name does not name",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                nav: r#"<nav><a href="https://parentco.example/">Home</a> <a href="https://parentco.example/tech/">Tech</a> <a href="https://parentco.example/finance/">Finance</a></nav>"#,
                canonical: Some("https://valleypost.example/2026/story/"),
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
        ]);
    }

    /// The pixel scan reads the built-in profiles only for pixel-like images: each built-in pixel
    /// must be one, or a copy carrying it would go unnoticed.
    #[test]
    fn builtin_pixels_are_pixel_like() {
        assert!(!BUILTIN_PIXELS.is_empty());
        for (prefix, publisher) in BUILTIN_PIXELS.iter() {
            assert!(contains_ignore_ascii_case(prefix.as_bytes(), b"pixel"), "{publisher:?}: {prefix}");
        }
    }

    #[test]
    fn publishers_tracking_pixels_in_the_page() {
        const INN: &[&str] = &[O0, O1, O2, r#"<img src="https://origin-news.example/?republication-pixel=true&amp;post=4821" style="width:1px;height:1px;">"#];
        const PARTNER: &[&str] = &[O0, O1, O2, r#"<img src="https://pixel.propublica.org/pixel.gif?u=x" width="1" height="1">"#];
        const FORWARD: &[&str] = &[O0, O1, O2, r#"<img src="https://forward.com/wp-json/republish/v1/pixel.gif?post_id=12&amp;url=x" style="width:1px;height:1px;border:0">"#];
        const OTHERS: &[&str] = &[O0, O1, O2, r#"<img src="https://pixel.quantserve.com/pixel/p-abc.gif" width="1" height="1"><img src="https://apnews.com/images/photo.jpg" width="600">"#];
        let copy = |name, body, source| Case {
            name,
            profile: "generic",
            head: r#"<meta property="og:site_name" content="Valley Post">"#,
            canonical: Some("https://valleypost.example/2026/story/"),
            body,
            source,
            signals: &[Signal::Metadata],
            ..Case::default()
        };
        check(&[
            copy("the Republication Tracker Tool's pixel", INN, Some("origin-news.example")),
            copy("a partner's pixel", PARTNER, Some("ProPublica")),
            copy("a built-in profile's pixel", FORWARD, Some("The Forward")),
            Case { name: "analytics pixels and a partner's photo", profile: "generic", body: OTHERS, eligible: true, ..Case::default() },
            Case { name: "the publisher's own pixel on its own page", body: FORWARD, eligible: true, ..Case::default() },
        ]);
    }

    #[test]
    fn aggregators_provider_labels() {
        const YAHOO: &str = r#"<meta property="og:site_name" content="Yahoo News">"#;
        let yahoo = Some("https://www.yahoo.com/news/x");
        let aggregated = |name, provider, source| Case { name, profile: "generic", head: YAHOO, canonical: yahoo, provider: Some(provider), body: ORIGINAL_BODY, source, signals: &[Signal::Byline], ..Case::default() };
        let own = |name, head, provider| Case { name, profile: "generic", head, canonical: yahoo, provider: Some(provider), body: ORIGINAL_BODY, eligible: true, ..Case::default() };
        check(&[
            aggregated("a provider class names an outlet", ("provider-name", "Fox Nation", None), Some("Fox Nation")),
            aggregated("a provider class names a partner by its code", ("provider", "AP", None), Some("Associated Press")),
            aggregated("a partner class names an outlet and links to its site", ("partner", "Medical Daily", Some("https://www.medicaldaily.com/")), Some("Medical Daily")),
            aggregated("a source class names a partner", ("source-name", "Reuters", None), Some("Reuters")),
            own("the provider is the site's own desk", YAHOO, ("provider-name", "Yahoo Finance", None)),
            own("the provider links to the site", YAHOO, ("provider", "Morning Brief", Some("https://www.yahoo.com/morning-brief/"))),
            own("a control's label, not a name", YAHOO, ("provider", "Sign in with Google", None)),
            own("a partner class with a person's name, unlinked", YAHOO, ("partner", "Dana Whitfield", None)),
            own("a source class with a section's name, unlinked", YAHOO, ("source", "Politics Desk", None)),
            own(
                "a portal's own channel in a source class",
                r#"<meta property="og:site_name" content="新浪网">"#,
                ("source", "新浪娱乐", None),
            ),
        ]);
    }

    #[test]
    fn mentions_and_own_stories_stay_eligible() {
        check(&[
            Case { name: "plain original", byline: Some("By Laura E. Adkins"), body: ORIGINAL_BODY, eligible: true, ..Case::default() },
            Case {
                // A tag names what a story is about; "ap" is also Advanced Placement.
                name: "tags and short categories",
                profile: "generic",
                body_class: "single category-ap category-education tag-reuters tag-associated-press",
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case {
                // The print edition's line names no outlet; the writer's account beside it is not one.
                name: "print-edition line after the writer's network account",
                byline: Some("By Laura E. Adkins"),
                body: &[O0, O1, O2, "<em><a href=\"https://twitter.com/ladkins\">@ladkins</a> • Facebook A version of this article appears in print on , on Page A22 of the New York edition.</em>"],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "original that cites Haaretz and JTA and links to both",
                byline: Some("By Laura E. Adkins"),
                authors: &[("Laura E. Adkins", Some("https://forward.com/authors/laura-e-adkins/"), false)],
                body: &[
                    "The Jewish Telegraphic Agency reported on Tuesday that the museum would close, a claim its director denied.",
                    "As <a href=\"https://www.haaretz.com/x\">Haaretz first reported</a>, the board met in secret.",
                    "The story was first published by Haaretz last week, and <a href=\"https://www.jta.org/y\">JTA</a> followed.",
                    "“We read Haaretz every day,” the director said, citing the Jewish Telegraphic Agency (JTA) as well.",
                    "The report, which first appeared in Haaretz, has been disputed.",
                    "Reuters and the Associated Press did not cover the meeting.",
                ],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "names run into the site's own agency name",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="AP News">"#,
                canonical: Some("https://apnews.com/article/x"),
                byline: Some("By ANNA BELL and JOHN ROE Associated Press"),
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "JSON-LD author: an agency beside the writer the byline shows",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                byline: Some("By Jane Doe"),
                credited: &[("author", "Reuters")],
                body: ORIGINAL_BODY,
                source: Some("Reuters"),
                signals: &[Signal::Metadata],
                ..Case::default()
            },
            Case {
                name: "JSON-LD author: the site itself as an organisation",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                byline: Some("By Jane Doe"),
                credited: &[("author", "Valley Post Staff")],
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "JSON-LD provider and copyright holder: a partner, not a parent company",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                credited: &[("provider", "The Associated Press"), ("copyrightHolder", "Valley Media Group, Inc.")],
                body: ORIGINAL_BODY,
                source: Some("Associated Press"),
                signals: &[Signal::Metadata],
                ..Case::default()
            },
            Case {
                name: "credit: an agency contributed to the report",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "<em>Valley Post staff writer Bo Li and the Associated Press contributed to this report.</em>"],
                source: Some("Associated Press"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: with files from an agency",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "— With files from The Canadian Press"],
                source: Some("The Canadian Press"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: an agency's tagline, the agency before the verb",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "This report by The Canadian Press was first published Nov. 20, 2026."],
                source: Some("The Canadian Press"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: an agency's note on its funders",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[
                    O0,
                    O1,
                    O2,
                    "The Associated Press receives support from several private foundations to enhance its coverage of elections. The AP is solely responsible for all content.",
                ],
                source: Some("Associated Press"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "files, a first publication and sole responsibility that are no agency's",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[
                    O0,
                    O1,
                    "With files from the county clerk's office.",
                    "The audit was first published in 2019 by the state comptroller.",
                    "This story by Jane Doe was first published in our print edition.",
                    "The contractor is solely responsible for all content of the signs.",
                ],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "a byline whose pictures are an agency's",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                byline: Some("Story by Dana Whitfield; photos by Sam Reyes/Reuters"),
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "an agency's byline with a picture credit after it",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                byline: Some("By Jane Roe, Associated Press | Photo by Sam Reyes"),
                body: ORIGINAL_BODY,
                source: Some("Associated Press"),
                signals: &[Signal::Byline],
                ..Case::default()
            },
            Case {
                name: "credit: an agency's writer contributed",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "Associated Press writer Jane Roe in Paris contributed to this report."],
                source: Some("Associated Press"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: an agency's writer, with a word before the role, contributed",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "AP Medical Writer Jane Roe and Associated Press video journalist Bo Li contributed to this report."],
                source: Some("Associated Press"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: an agency's reporter, by its possessive",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "Bloomberg's Jane Roe contributed."],
                source: Some("Bloomberg"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: the owner's copyright line is no other outlet's",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "Copyright 2025 Nexstar Media Inc. All rights reserved.", "© 2025 Valley Media Group"],
                notes: &["(c) 2025 Valley Publishing Co."],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: a partner's company in a copyright line",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "© 2025 Bloomberg L.P."],
                source: Some("Bloomberg"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: an outlet credited for its data or its chart, not for the story",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "Source: Iowa Public Radio analysis of state records."],
                notes: &["Source: Reuters graphic", "Courtesy of Harbor Sun photo archives."],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: a column's tagline names the owner, then the distributor, after a domain",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "Jane Roe is a Bloomberg Opinion columnist. ©2025 Bloomberg L.P. Visit bloomberg.com/opinion. Distributed by Tribune Content Agency, LLC."],
                source: Some("Bloomberg"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a distributor, whatever its legal form",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "Distributed by King Features Syndicate, Inc."],
                source: Some("King Features Syndicate"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: another station's copyright line",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Public Radio">"#,
                body: &[O0, O1, O2, "Copyright 2025 KQED"],
                source: Some("KQED"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: the station's own copyright line",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="KQED">"#,
                body: &[O0, O1, O2, "Copyright 2025 KQED"],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: information from an agency was used",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "Information from Reuters was used in this report."],
                source: Some("Reuters"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a story's sentence that opens with a permission",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "With permission from City Hall, organizers will close Main Street for the parade on Saturday."],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: colleagues contributed, an agency in passing",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[
                    O0,
                    O1,
                    "The mayor's office said Reuters had contributed to the confusion over the figures in this report.",
                    "Staff writer Jane Doe contributed to this report.",
                    "Jane Doe, who once worked for Reuters, contributed to this report. Additional reporting by Bo Li.",
                    "Former Reuters reporter Ann Lee contributed.",
                ],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: a note of agencies under the story",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Stadtblatt">"#,
                body: &[O0, O1, O2, "Quelle: dpa/mj"],
                source: Some("dpa"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: an agency in parentheses after the last sentence",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Diario Sur">"#,
                body: &[O0, O1, "El consejo aprobó un nuevo presupuesto el martes tras semanas de debate. (EFE)"],
                source: Some("EFE"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a Japanese paper's sign-off, an agency's code in full-width brackets",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="中部日報">"#,
                body: &[O0, O1, "市議会は来月に最終判断する。〔時事〕"],
                source: Some("Jiji Press"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: an agency's code alone under the story, in full-width brackets",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="中部日報">"#,
                body: &[O0, O1, O2, "（共同）"],
                source: Some("Kyodo News"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: agencies after a label in Vietnamese and Russian",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "Nguồn: TTXVN"],
                source: Some("Vietnam News Agency"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: based on an agency's material, in Russian",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "По материалам РИА Новости"],
                source: Some("RIA Novosti"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: the wires, unnamed, in a signed note under the story",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Le Courrier du Val">"#,
                body: &[O0, O1, O2, "(Avec agences)"],
                source: Some("agences"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: the agencies beside the site's own name after a label",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Stadtblatt">"#,
                body: &[O0, O1, O2, "Quelle: Stadtblatt, mau/dpa"],
                source: Some("dpa"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: agencies signed in scripts without capitals, by name or code",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="صحيفة الوادي">"#,
                body: &[O0, O1, O2, "(د ب أ)"],
                source: Some("dpa"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: an agency's code after a Hindi label in brackets",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Deccan Ledger">"#,
                body: &[O0, O1, O2, "(इनपुट: भाषा)"],
                source: Some("Press Trust of India"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: the agencies, unnamed, in Arabic",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="صحيفة الوادي">"#,
                body: &[O0, O1, O2, "المصدر: وكالات"],
                source: Some("وكالات"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "dateline: set in an element of its own, without its dash",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[r#"<span class="story-dateline">WASHINGTON (AP)</span> The court ruled on Tuesday that the county's new maps may stand until the next census."#, O1, O2],
                source: Some("Associated Press"),
                signals: &[Signal::Dateline],
                ..Case::default()
            },
            Case {
                name: "dateline: an element of its own with a place, a date or a station's call sign is the site's",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[r#"<span class="dateline">COLUMBIA, Mo. (KMIZ)</span> The court ruled on Tuesday that the county's new maps may stand."#, O1, O2],
                notes: &[r#"<div class="dateline">Published November 20, 2026</div>"#],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: the newsroom with the wires, in a closing note",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Diario del Valle">"#,
                body: &[O0, O1, O2, "Redacción con agencias"],
                source: Some("agencias"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: the newsroom alone, or with a colleague, is the site's",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Diario del Valle">"#,
                body: &[O0, O1, O2, "Staff and Jane Roe"],
                notes: &["Redacción"],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: a blog's hat tip by a name that is no outlet's, and a list of sources",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[
                    O0,
                    O1,
                    O2,
                    r#"Via <a href="https://www.gizmodrome.example/2026/x">Gizmodrome</a>"#,
                    r#"Source: <a href="https://www.facebook.com/jroe/posts/1">Jane Roe (Facebook)</a> <a href="https://www.harborsun.example/x">The Harbor Sun</a>"#,
                ],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: an aggregator's source line, by the name's link",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, r#"Source: <a href="https://www.kompasnews.example/2026/x">Kompasnews</a>"#],
                source: Some("kompasnews.example"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: an agency's inputs, as papers in India credit its copy",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Deccan Ledger">"#,
                body: &[O0, O1, O2, "(With inputs from PTI)"],
                source: Some("Press Trust of India"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: the agencies' inputs, unnamed",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Deccan Ledger">"#,
                body: &[O0, O1, O2, "With agency inputs"],
                source: Some("agencies"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a portal's note on copy published unedited from a feed",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Deccan Ledger">"#,
                body: &[O0, O1, O2, "(This story has not been edited by Deccan Ledger staff and is auto-generated from a syndicated feed.)"],
                source: Some("a syndicated feed"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a syndicate's copyright, whatever its legal form",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "(c) 2026 King Features Synd., Inc."],
                source: Some("King Features Synd"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a paper's copyright as its syndicated copy writes it, 'c.2026'",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2],
                notes: &["c.2026 The New York Times Company"],
                source: Some("The New York Times"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a colleague's inputs and a picture's 'c. 1910' credit no other outlet",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Deccan Ledger">"#,
                body: &[O0, O1, O2, "With inputs from our Mumbai bureau and Jane Roe."],
                notes: &["c.1910 photograph of the Harbor Sun building, courtesy of the county archive."],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: an agency after a short 'with' in German and Portuguese",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Stadtblatt">"#,
                body: &[O0, O1, O2, "(mit dpa)"],
                source: Some("dpa"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a Chinese reprint note under the story",
                profile: "generic",
                head: "",
                body: &[O0, O1, O2, "本文转载自澎湃新闻。"],
                source: Some("澎湃新闻"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a Chinese reprint note in brackets",
                profile: "generic",
                head: "",
                body: &[O0, O1, O2, "（本文转载自澎湃新闻）"],
                source: Some("澎湃新闻"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a Korean paper's copyright line that names an agency",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="밸리일보">"#,
                body: &[O0, O1, O2, "<저작권자 ⓒ 연합뉴스, 무단 전재-재배포 금지>"],
                source: Some("Yonhap"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a Korean copyright line that names an agency by its address",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="밸리일보">"#,
                body: &[O0, O1, O2, "[ⓒ 뉴스1코리아(news1.kr), 무단 전재 및 재배포 금지]"],
                source: Some("News1"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a Korean copyright line that names another paper",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="밸리일보">"#,
                body: &[O0, O1, O2, "Copyright ⓒ 한강신문 All rights reserved. 무단 전재 및 재배포 금지"],
                source: Some("한강신문"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                // A picture's credit, which forbids nothing; the paper's own line; its owner's.
                name: "credit: Korean copyright lines that are no other outlet's",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="밸리일보">"#,
                body: &[O0, O1, "사진 ⓒ 연합뉴스", "<저작권자(c) 밸리일보신문, 무단 전재-재배포 금지>", "ⓒ 밸리미디어(주), 무단전재 및 재배포 금지"],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: an agency's copyright line in Japanese and Korean",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="バレー新聞">"#,
                body: &[O0, O1, O2, "Copyright(C) 2026 共同通信社 All Rights Reserved."],
                source: Some("Kyodo News"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a Japanese note of the copy's provider",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="バレー新聞">"#,
                body: &[O0, O1, O2, "（提供：共同通信社）"],
                source: Some("Kyodo News"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                // A ministry's figures; a label with nothing after it; a sponsor that is no outlet.
                name: "credit: providers' labels that name no outlet",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="バレー新聞">"#,
                body: &[O0, O1, "出典：総務省", "提供：", "提供：バレー自動車"],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: an agency's copyright line in full-width brackets",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="밸리일보">"#,
                body: &[O0, O1, O2, "（C）時事通信社", "Copyrights ⓒ 연합뉴스. All rights reserved."],
                source: Some("Jiji Press"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a Korean copyright line on a page that knows only its Latin name",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Ilbo">"#,
                body: &[O0, O1, O2, "<저작권자 ⓒ 밸리일보, 무단 전재-재배포 금지>"],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: a Chinese reprint note that names the site itself",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="东湖在线">"#,
                body: &[O0, O1, O2, "原载于《东湖晨报》", "本文转载自东湖在线。"],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: notes that are no agency's",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "— Staff", "red/mj", "(AP Photo/Jane Roe)", "With agencies and residents, the plan moved ahead.", "The statement was first reported on Tuesday by the Associated Press (AP)."],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "byline: agencies after a label",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                byline: Some("来源：新华社"),
                body: ORIGINAL_BODY,
                source: Some("Xinhua"),
                signals: &[Signal::Byline],
                ..Case::default()
            },
            Case {
                name: "credit: a republishing newsroom's paragraph about itself",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "Stateline is part of States Newsroom, a nonprofit news network supported by grants and a coalition of donors."],
                source: Some("Stateline"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "a dateline-only agency code after the last sentence or on its own is a pointer, not a signature",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "Here is where the fires were burning on Tuesday night. (MAP)", "(TAP)", "(MIA)", "Trend"],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: an agency's pointer to the rest of its coverage, kept under its story",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "Follow AP's coverage of the election at https://apnews.example/hub/election."],
                source: Some("Associated Press"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "the site points to its own coverage",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, "Follow the Valley Post's coverage of the election.", "More local coverage of the council: valleypost.example/council"],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: a partner described, not describing itself",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "Bloomberg is a financial data company whose terminals sit on most trading desks in the city.", "Valley Post is a nonprofit newsroom serving the county."],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: a newsroom that is no partner, describing itself under the story",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "The Harbor Tribune is an independent, nonprofit newsroom covering the Gulf Coast. Sign up for its newsletter."],
                source: Some("Harbor Tribune"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: a site of a partner's network, describing itself",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[O0, O1, O2, "Georgia Recorder is part of States Newsroom, a nonprofit news network supported by grants and a coalition of donors."],
                source: Some("Georgia Recorder"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "a programme, a funder and the site itself describe themselves under a story",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                body: &[
                    O0,
                    O1,
                    O2,
                    "Report for America is a national service program that places journalists in local newsrooms.",
                    "The Institute for Nonprofit News is a network of more than 400 nonprofit newsrooms.",
                    "Harbor Tribune is part of Harbor Media Group, a nonprofit news network.",
                    "The Valley Post is an independent, nonprofit newsroom.",
                ],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "the site's own paragraph and author line, its name longer than its host's, no site name in the meta tags",
                profile: "generic",
                canonical: Some("https://www.baybeacon.example/2026/11/story/"),
                authors: &[("Dana Whitfield", None, false)],
                body: &[O0, O1, O2, "Dana Whitfield is a reporter for Kestrel Bay Beacon.", "Kestrel Bay Beacon is a nonprofit newsroom covering the islands."],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit: the line under the story says its author works for another outlet",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                authors: &[("Dana Whitfield", None, false)],
                body: &[O0, O1, O2, "Dana Whitfield covers state government for Chalkbeat Colorado. Contact Dana at dwhitfield@chalkbeat.example."],
                source: Some("Chalkbeat Colorado"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: the author is another outlet's correspondent in a city whose name opens like a past tense",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                authors: &[("Sam Ortiz", None, false)],
                body: &[O0, O1, O2, "Sam Ortiz is the Washington correspondent for the Harbor Tribune."],
                source: Some("Harbor Tribune"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "credit: the author is another outlet's reporter, its name before the role",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                authors: &[("Dana Whitfield", None, false)],
                body: &[O0, O1, O2, "Dana Whitfield is the Harbor Tribune's education reporter."],
                source: Some("Harbor Tribune"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "the author's line names the site, a former employer, a university or no outlet",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                authors: &[("Dana Whitfield", None, false), ("Sam Ortiz", None, false), ("Lee Park", None, false)],
                body: &[
                    O0,
                    O1,
                    // The last four paragraphs, where the lines are read.
                    "Dana Whitfield is a reporter for The Post and a contributor to the Harbor Tribune.",
                    "Sam Ortiz is a former reporter for the Harbor Tribune.",
                    "Lee Park is a student journalist at the University of Maryland.",
                    "Jane Roe is a reporter for the Harbor Tribune.",
                ],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "the author's line names no outlet after the role, or the site among others",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                authors: &[("Dana Whitfield", None, false)],
                body: &[
                    O0,
                    O1,
                    "Dana Whitfield is a journalist with 20 years of experience covering Congress.",
                    "Dana Whitfield is a freelance journalist for NPR, The Guardian and the Valley Post.",
                ],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "JSON-LD copyright holder: the parent company",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                credited: &[("copyrightHolder", "Valley Media Group, Inc."), ("creditText", "Valley Post staff")],
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "an agency's dateline on the agency's own site",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Agencia EFE">"#,
                canonical: Some("https://efe.com/espana/x"),
                byline: Some("EFE"),
                body: &["Madrid, 20 nov (EFE).- El consejo aprobó un nuevo presupuesto el martes.", O1, O2],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "an agency's dateline in a national paper",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Deccan Star">"#,
                canonical: Some("https://deccanstar.example/national/x"),
                body: &["New Delhi, Nov 20 (PTI) The council approved a new budget on Tuesday.", O1, O2],
                source: Some("Press Trust of India"),
                signals: &[Signal::Dateline],
                ..Case::default()
            },
            Case {
                name: "a credential or a place after the name, an inverted name",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                byline: Some("By Ada Okafor, PhD, Bo Li, USA, and Okafor, DeShawn"),
                meta_authors: &["Okafor, DeShawn"],
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "the site's own one-word name after the name",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="CalMatters">"#,
                canonical: Some("https://calmatters.org/x"),
                byline: Some("By Ada Okafor, CalMatters"),
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "a surname that is a one-word partner's name",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Valley Post">"#,
                byline: Some("By Michael Bloomberg"),
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "blog platform named as the JSON-LD publisher",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Lagos Ledger">"#,
                publisher: Some("Lagos Ledger"),
                byline: Some("By Ada Okafor"),
                publisher_organizations: &["Blogger"],
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "story about a wire agency",
                byline: Some("By Forward Staff"),
                body: &[
                    "The Jewish Telegraphic Agency (JTA), the wire service founded in 1917, marked its centennial on Tuesday.",
                    "JTA's editor said the agency would keep reporting.",
                    "Haaretz also covered the event.",
                ],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "syndication-source pointing at itself",
                canonical: Some("https://forward.com/news/1/story/"),
                source_links: &[
                    ("meta[name=syndication-source]", "https://forward.com/news/1/story/"),
                    ("link[rel=original-source]", "/news/1/story/"),
                    ("meta[name=original-source]", "https://www.forward.com/news/1/story/"),
                ],
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "(KMIZ) call letters",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="ABC 17 News">"#,
                body: &["COLUMBIA, Mo. (KMIZ) — A fire broke out downtown on Tuesday.", "More."],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit line naming the page's own publisher",
                body: &[
                    O0,
                    O1,
                    "<em>This story was originally published in the Forward.</em>",
                    "<em>This article first appeared on <a href=\"https://forward.com/x\">Forward.com</a>.</em>",
                    "<em>This story originally appeared in Forverts, the Forward's Yiddish edition.</em>",
                    "<em>This article originally appeared in the Yiddish Forverts.</em>",
                ],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "credit line naming one of the profile's publisher aliases",
                profile: "name = 't'\npublisher = 'Valley Post'\npublisher_aliases = ['Valley Weekly']\n[credit]\ntemplate = 'From {publisher}.'\n",
                body: &[O0, O1, "<em>This story first appeared in the Valley Weekly.</em>"],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "the same credit line without the alias",
                profile: "name = 't'\npublisher = 'Valley Post'\n[credit]\ntemplate = 'From {publisher}.'\n",
                body: &[O0, O1, "<em>This story first appeared in the Valley Weekly.</em>"],
                source: Some("Valley Weekly"),
                signals: &[Signal::Credit],
                ..Case::default()
            },
            Case {
                name: "Forward Staff byline and own JSON-LD",
                byline: Some("By Forward Staff"),
                authors: &[("The Forward", None, true)],
                meta_authors: &["Forward Staff"],
                publisher_organizations: &["The Forward Association"],
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "Jane Doe for the Forward, staff writer",
                byline: Some("By Jane Doe for the Forward, Staff Writer | May 2, 2025"),
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "bio naming another outlet",
                byline: Some("By Jane Doe"),
                body: &[O0, O1, "<em>Jane Doe is a reporter for Haaretz and a CNN contributor.</em>"],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "originally appeared in Yiddish",
                body: &[O0, O1, "<em>This essay originally appeared in Yiddish.</em>"],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "a wire outlet's own page (generic profile on jta.org)",
                profile: "generic",
                head: r#"<meta property="og:site_name" content="Jewish Telegraphic Agency">"#,
                canonical: Some("https://www.jta.org/2025/05/02/x"),
                byline: Some("By JTA Staff"),
                publisher_organizations: &["Jewish Telegraphic Agency"],
                body: &["JERUSALEM (JTA) — Text.", "More."],
                eligible: true,
                ..Case::default()
            },
            Case {
                name: "saved page, canonical only: cannot tell, stays eligible",
                profile: "generic",
                canonical: Some("https://www.valleypost.com/news/story"),
                body: ORIGINAL_BODY,
                eligible: true,
                ..Case::default()
            },
            Case { name: "nothing at all", profile: "generic", body: &["Just one paragraph of text with no clues."], eligible: true, ..Case::default() },
        ]);
    }

    fn generic_site(profile: &Profile) -> Site<'_> {
        Site::new(profile, &Metadata::default(), &Html::parse_document("<p></p>"), None)
    }

    #[test]
    fn ascii_names_normalise_as_unicode_ones_do() {
        let mut names: Vec<String> = ["AT&T", "A & E", "Haaretz's", "Reuters'S", "'s", "x's'", "The Forward", "the  Times'", "O'Brien & Sons", "''", "&", "THE HILL", "Jane Doe, PhD", "Times of Israel staff"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        names.extend(Profile::builtin_partners().iter().flat_map(|p| partner_names(p).map(str::to_owned)).filter(|n| n.is_ascii()));
        // And random strings of the characters that take part.
        let alphabet = b"aZs'& .-T,h9e";
        let mut seed = 7u64;
        for _ in 0..2000 {
            let len = (seed % 12) as usize;
            let name: String = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    char::from(alphabet[(seed >> 33) as usize % alphabet.len()])
                })
                .collect();
            names.push(name);
        }
        for name in &names {
            let name = name.trim();
            assert_eq!(normalize_ascii(name), normalize_unicode(name), "{name:?}");
            let slow: String = name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
            assert_eq!(alnum_key(name), slow, "{name:?}");
        }
    }

    #[test]
    fn dateline_matcher() {
        let generic = Profile::builtin("generic").unwrap();
        let site = generic_site(&generic);
        let fires: &[(&str, &str)] = &[
            ("(JTA) — A rabbi", "JTA"),
            ("JERUSALEM (JTA) — Israel", "JTA"),
            ("JERUSALEM (JTA)—Israel", "JTA"),
            ("NEW YORK (JTA) - The", "JTA"),
            ("TEL AVIV, Israel (JTA) -- The", "JTA"),
            ("KVELLER via JTA — My", "JTA"),
            ("NEW YORK (Kveller via JTA) — My", "JTA"),
            ("WASHINGTON (AP) — The", "Associated Press"),
            ("KYIV, Ukraine (AP) — Russian", "Associated Press"),
            ("LONDON, May 2 (Reuters) - Britain", "Reuters"),
            ("PARIS (AFP) – France", "Agence France-Presse"),
            ("BERLIN (dpa) - Die", "dpa"),
            ("(CNN) — A", "CNN"),
            ("(JTA/Haaretz) — A", "JTA"),
            // Places in mixed case, dates without a dash, and the agencies' own ways of writing it.
            ("Paris (AFP) - Le conseil", "Agence France-Presse"),
            ("Washington (CNN) — The", "CNN"),
            ("New Delhi, Nov 20 (PTI) The court", "Press Trust of India"),
            ("New Delhi [India], Nov 20 (ANI): The", "ANI"),
            ("Madrid, 20 nov (EFE).- El consejo", "EFE"),
            ("MADRID, 20 (EUROPA PRESS) El consejo", "Europa Press"),
            ("(ANSA) - ROMA, 20 NOV - Il", "ANSA"),
            ("MOSCOW, November 20. /TASS/. The", "TASS"),
            ("Kuala Lumpur, Nov 20 (Bernama) -- The", "Bernama"),
            ("AMMAN (Petra) -- The", "Jordan News Agency"),
            ("Rabat, Nov 20 (MAP) - The", "Maghreb Arabe Presse"),
            ("TEHRAN (Tasnim) – The", "Tasnim News Agency"),
            ("ACCRA, Nov 20 (GNA) - The", "Ghana News Agency"),
            ("Roma, 20 nov. (AGI) - Il", "AGI"),
            ("LIMA (Andina) — El", "Andina"),
            ("BUENOS AIRES (NA) — El", "Noticias Argentinas"),
            ("MINSK, Nov 20 (BelTA) - The", "BelTA"),
            ("SKOPJE (MIA) - The", "Media Information Agency"),
            ("(서울=연합뉴스) 홍길동 기자 = 시의회는", "Yonhap"),
            ("[서울=뉴시스]홍길동 기자 = 시의회는", "Newsis"),
            ("【ワシントン共同】市議会は", "Kyodo News"),
            ("新华社北京11月20日电（记者王小明）市议会", "Xinhua"),
            ("（中央社記者王小明台北20日電）市議會", "Central News Agency"),
            ("NEW YORK (AP) _ The", "Associated Press"),
            ("Nov 20 (Reuters) - The", "Reuters"),
            ("BERLIN/PARIS (Reuters) - The", "Reuters"),
            ("KYIV, Ukraine, Nov 20 (AP) — Russian", "Associated Press"),
            ("NEW YORK (Reuters Health) - People", "Reuters"),
            // Agencies named without brackets, after the dash or in capitals before it.
            ("МОСКВА, 20 ноя — РИА Новости. Президент", "RIA Novosti"),
            ("МОСКВА. 20 ноября. ИНТЕРФАКС - Президент", "Interfax"),
            ("SYDNEY, Nov 20 AAP - The", "Australian Associated Press"),
            ("OTTAWA — (The Canadian Press) The", "The Canadian Press"),
            ("TORONTO – (CP) The", "The Canadian Press"),
            ("LONDON (PA) - The", "PA Media"),
            // An outlet that is no partner, by its name.
            ("PHOENIX (Cronkite News) — The", "Cronkite News"),
            ("(The Harbor Sun) — The", "Harbor Sun"),
            ("(The Center Square) — State lawmakers", "Center Square"),
            ("(NewsNation) — State lawmakers", "NewsNation"),
            // A broadcast group's desk and the syndicates of features, by code.
            ("WASHINGTON (NEXSTAR) — Millions", "Nexstar Media Wire"),
            ("(TND) — Millions", "TND"),
            ("(BPT) - Millions", "Brandpoint"),
            ("(NAPSI)—Millions", "NAPSI"),
            ("WELLINGTON (RNZ) — The", "RNZ"),
            // Press-release wires, in their own forms.
            ("NEW YORK, Nov. 20, 2026 /PRNewswire/ -- Acme", "PR Newswire"),
            ("SAN FRANCISCO--(BUSINESS WIRE)--Acme", "Business Wire"),
            ("TORONTO, Nov. 20, 2026 (GLOBE NEWSWIRE) -- Acme", "GlobeNewswire"),
            ("NEW YORK, NY / ACCESSWIRE / November 20, 2026 / Acme", "ACCESSWIRE"),
            ("Vancouver, British Columbia--(Newsfile Corp. - November 20, 2026) - Acme", "Newsfile"),
            // Brackets that open the paragraph sign it without a dash, when they hold a partner.
            ("(Family Features) Whether you host", "Family Features"),
            ("(StatePoint) Whether you host", "StatePoint"),
            ("(CNN)The court", "CNN"),
            ("(AP) The court", "Associated Press"),
            // Scripts without capitals: the agency by its name there, in brackets or after a dash.
            ("القاهرة (رويترز) - قالت الحكومة", "Reuters"),
            ("دبي - رويترز: قالت الحكومة", "Reuters"),
            ("الرياض - واس: أعلنت الحكومة", "Saudi Press Agency"),
            ("تهران- ایرنا- دولت امروز", "IRNA"),
            ("ירושלים (רויטרס) - ממשלת ישראל", "Reuters"),
            ("नयी दिल्ली, 20 नवंबर (भाषा) केंद्र सरकार", "Press Trust of India"),
            ("กรุงเทพฯ (รอยเตอร์) - รัฐบาล", "Reuters"),
            ("［東京　２０日　ロイター］ - 日本政府は", "Reuters"),
            ("東京（共同）－政府は", "Kyodo News"),
            ("ΑΘΗΝΑ (ΑΠΕ-ΜΠΕ) - Η κυβέρνηση", "ANA-MPA"),
            ("Київ, 20 листопада. /Укрінформ/. Уряд", "Ukrinform"),
        ];
        for (text, source) in fires {
            let got = match_dateline(&site, text);
            assert_eq!(got.map(|(_, s)| s).as_deref(), Some(*source), "{text}");
        }
        let quiet = [
            "COLUMBIA, Mo. (KMIZ) — A fire",
            "(KMIZ) — A fire",
            "The Jewish Telegraphic Agency (JTA) — the wire — said",
            "JERUSALEM — The Jewish Telegraphic Agency (JTA) reported",
            "Israel's (JTA) — nothing",
            "WASHINGTON (AP) The court",
            "He said (JTA) — wait",
            "Israel's (AP) — nothing",
            "Officials told CNN (CNN) that",
            "The Press Trust of India (PTI) reported",
            "Agence France-Presse (AFP) — the agency — said",
            "New Delhi (PTI) The court",
            "(서울) 시의회는",
            "新华社报道，市议会周二批准了新的预算。",
            "Officials said (AP) — nothing",
            "The council met Tuesday (AP) — nothing",
            "WASHINGTON (AP Photo) — nothing",
            "NEW YORK (AP) _The",
            "WASHINGTON — Reuters reported on Tuesday that the court",
            "WASHINGTON, Nov 20 — The Associated Press has learned that",
            "МОСКВА, 20 ноября — Президент заявил. РИА Новости",
            "Moscow, Nov 20 — RIA Novosti. The",
            "SYDNEY, Nov 20 NSW - The",
            "CANBERRA, Nov 20 - AAP reporters were told",
            "OTTAWA — (KMIZ) The",
            "The council (7-2) — a slim majority — voted",
            "The minister — (CP) — said",
            "(UPDATE) — The council",
            "(Opinion) — The council",
            "(The update) — The council",
            "(iPhone) — The council",
            // Without a dash: a place before the brackets, a code that only datelines use, a name
            // that is no partner, a photo's credit.
            "(MAP) Click to see the closures",
            "(BPT) Whether you host",
            "(Updated) The council",
            "(The Harbor Sun) The council",
            "(AP Photo/Jane Roe) The council",
            "(KMIZ) The council",
            "قال المسؤولون في الوزارة اليوم (رويترز) - لا",
            "القاهرة - قالت الحكومة المصرية يوم الأحد",
            "قالت الحكومة المصرية - في بيان - إنها ستخفض الدعم.",
            "تهران - دولت امروز برنامه جدیدی را اعلام کرد: وام مسکن",
            "नई दिल्ली: केंद्र सरकार ने बुधवार को",
            "政府は20日（木）、新しい経済対策を発表した。",
        ];
        for text in quiet {
            assert_eq!(match_dateline(&site, text), None, "{text}");
        }
        // The site's own name in the brackets is its own dateline.
        let meta = Metadata { publisher: Some("Valley Ledger".to_owned()), ..Metadata::default() };
        let own = Site::new(&generic, &meta, &Html::parse_document("<p></p>"), None);
        assert_eq!(match_dateline(&own, "VALLEY CITY (Valley Ledger News) — The"), None);
        assert_eq!(match_dateline(&own, "VALLEY CITY (Harbor Sun News) — The").map(|(_, s)| s).as_deref(), Some("Harbor Sun News"));
    }

    #[test]
    fn credit_outlet_extraction() {
        let cases: &[(&str, Option<&str>)] = &[
            ("the Cleveland Jewish News on May 2.", Some("Cleveland Jewish News")),
            ("Haaretz.", Some("Haaretz")),
            ("The Times of Israel's blogs.", Some("Times of Israel")),
            ("Hebrew in Haaretz.", Some("Haaretz")),
            ("jta.org.", Some("jta.org")),
            ("JTA.org and is republished here.", Some("JTA.org")),
            ("the Israeli daily Haaretz.", Some("Haaretz")),
            ("May 2, 2025, in Tablet Magazine.", Some("Tablet Magazine")),
            ("My Jewish Learning, a partner site.", Some("My Jewish Learning")),
            ("eJewishPhilanthropy.", Some("eJewishPhilanthropy")),
            ("U.S. News & World Report.", Some("U.S. News & World Report")),
            ("Yale Environment 360.", Some("Yale Environment 360")),
            ("Channel 4 News on Monday.", Some("Channel 4 News")),
            ("El Diario de la Costa el lunes.", Some("El Diario de la Costa")),
            ("Het Nieuwsblad van de Kust.", Some("Het Nieuwsblad van de Kust")),
            ("Haaretz 2019.", Some("Haaretz")),
            // A legal form in initials ends the name, whatever follows it.
            ("Bloomberg L.P. Visit bloomberg.com/opinion.", Some("Bloomberg L.P.")),
            ("Acme Widgets S.A. All rights reserved.", Some("Acme Widgets S.A.")),
            ("BBC Türkçe'de yayımlanmıştır.", Some("BBC Türkçe")),
            ("Hawai'i Public Radio.", Some("Hawai'i Public Radio")),
            ("Ma'ariv.", Some("Ma'ariv")),
            ("here.", None),
            ("our website.", None),
            ("Yiddish.", None),
            ("print. It was updated", None),
        ];
        for (tail, want) in cases {
            assert_eq!(credit_outlet(tail).as_deref(), *want, "{tail}");
        }
    }

    /// The element a credit block came from is found by its collapsed text, however deeply its
    /// tags are indented (a 60-tab indentation once hid this one's links).
    #[test]
    fn block_links_are_found_whatever_the_indentation() {
        for tabs in [0, 1, 60, 600] {
            let indent = format!("\n{}", "\t".repeat(tabs));
            let page = format!("<div>{indent}<div>{indent}Provided by{indent}<a href=\"https://wire.example/x\">Wire</a>{indent}</div>{indent}<p>More</p></div>");
            let html = Html::parse_document(&page);
            let links = block_links(&html, "Provided by Wire", None);
            let hosts: Vec<&str> = links.iter().map(|l| l.host.as_str()).collect();
            assert_eq!(hosts, ["wire.example"], "{tabs} tabs");
            assert!(block_links(&html, "Provided by", None).is_empty(), "{tabs} tabs");
        }
        // Past the budget an element is not the block, however its text ends.
        let page = format!("<div><div>Provided by{}<a href=\"https://wire.example/x\">Wire</a></div></div>", "\n".repeat(70_000));
        assert!(block_links(&Html::parse_document(&page), "Provided by Wire", None).is_empty());
    }

    #[test]
    fn affiliations_after_a_name() {
        for word in ["CalMatters", "ProPublica", "KQED", "NPR", "WhoWhatWhy", "KFF"] {
            assert!(affiliation_token(word), "{word}");
        }
        for word in ["Boston", "McDonald", "DeShawn", "LaToya", "MacArthur", "PhD", "PharmD", "III", "USA", "CEO", "CFO", "Staff", "NY", "O'Brien", "Jane Doe", "Ann-Marie"] {
            assert!(!affiliation_token(word), "{word}");
        }
        assert!(is_full_name("Jane Doe") && is_full_name("Ana María Ruiz") && !is_full_name("Doe") && !is_full_name("Senior Editor Jane"));
    }

    #[test]
    fn credit_sentences_reach_a_bounded_distance() {
        let text = format!("{}end. This article originally appeared in Haaretz.", "word ".repeat(5000));
        let at = text.find("originally").unwrap();
        assert_eq!(text[sentence_start(&text, at, SENTENCE_REACH)..at].trim_start(), "This article ");
        // Past the reach, the sentence starts at the first word within it.
        let long = format!("This article {} originally appeared in Haaretz.", "word ".repeat(5000));
        let at = long.find("originally").unwrap();
        let start = sentence_start(&long, at, SENTENCE_REACH);
        assert!(at - start <= SENTENCE_REACH && long[start..].starts_with("word "), "{start}");
        assert!(find_credits(&long, false).is_empty());
        // Multi-byte characters at the edge of the reach.
        let wide = format!("{} originally appeared in Haaretz", "é".repeat(2000));
        sentence_start(&wide, wide.find(" originally").unwrap(), SENTENCE_REACH);
        let found = find_credits(&format!("This article originally appeared in Haaretz{}", "é".repeat(2000)), false);
        assert_eq!(found.len(), 1);
        assert!(found[0].0.len() <= "This article originally appeared in Haaretz".len() + SENTENCE_REACH);
    }

    #[test]
    fn contributions_reach_a_bounded_distance() {
        let generic = Profile::builtin("generic").unwrap();
        let site = generic_site(&generic);
        // No full stop for a megabyte: the sentence ends within reach of the phrase.
        let text = format!("Reuters contributed to this report{}", " and more".repeat(100_000));
        let (partner, sentence) = wire_contribution(&site, &text).unwrap();
        assert_eq!(partner.name, "Reuters");
        assert!(sentence.len() <= " contributed to this".len() + 300, "{}", sentence.len());
        assert!(wire_contribution(&site, &"material from Jane Roe ".repeat(50_000)).is_none());
    }

    #[test]
    fn credit_sentences_need_a_credit_shape() {
        let found = |t: &str| find_credits(t, false).into_iter().map(|(_, o, _)| o).collect::<Vec<_>>();
        assert_eq!(found("This article originally appeared in Haaretz."), vec![Some("Haaretz".to_owned())]);
        assert_eq!(found("Editor's note: A longer version of this story first appeared on JTA.org."), vec![Some("JTA.org".to_owned())]);
        assert_eq!(found("Reprinted with permission."), vec![None]);
        assert_eq!(found("A version of this story appeared in Haaretz."), vec![Some("Haaretz".to_owned())]);
        assert_eq!(found("This article is republished from The Conversation under a Creative Commons license."), vec![Some("The Conversation".to_owned())]);
        assert_eq!(found("This story originally appeared in the Cleveland Jewish News."), vec![Some("Cleveland Jewish News".to_owned())]);
        assert!(found("First published on November 19, 2019 / 8:16 AM").iter().all(Option::is_none));
        assert!(found("A version of this article appears in print on January 13, 2017, on Page A7 of the New York edition.").iter().all(Option::is_none));
        assert!(found("The report, which first appeared in Haaretz on Monday, was disputed by officials who spoke to reporters at length about the details and the timing of the claims, and later by the ministry itself, which issued a statement of its own that ran to several pages and cited other reports and documents.").is_empty());
        // In the other languages partners publish in.
        let named = |t: &str, name: &str| assert_eq!(found(t), vec![Some(name.to_owned())], "{t}");
        named("Este artículo fue publicado originalmente en El Faro.", "El Faro");
        named("Este reportaje se publicó originalmente en Agencia Ocote.", "Agencia Ocote");
        named("Este artigo foi publicado originalmente no Nexo Jornal.", "Nexo Jornal");
        named("Cet article a été publié initialement sur Mediapart.", "Mediapart");
        named("Cet article est republié à partir de The Conversation sous licence Creative Commons.", "The Conversation");
        named("Questo articolo è stato pubblicato originariamente su Il Post.", "Il Post");
        named("Dieser Artikel erschien zuerst bei Correctiv.", "Correctiv");
        named("Dieser Beitrag ist zuerst auf netzpolitik.org erschienen.", "netzpolitik.org");
        named("Dit artikel verscheen eerder in De Correspondent.", "De Correspondent");
        named("Cet article est paru dans Le Monde.", "Le Monde");
        named("Este artículo fue publicado en El Faro.", "El Faro");
        named("Articolo pubblicato originariamente su Il Post.", "Il Post");
        named("Dieser Artikel erschien in der Zeit.", "Zeit");
        named("Mit freundlicher Genehmigung von Harbor Sun.", "Harbor Sun");
        named("Avec l'aimable autorisation de Mediapart.", "Mediapart");
        named("Content provided by Reuters.", "Reuters");
        named("(c) Copyright Thomson Reuters 2025.", "Thomson Reuters");
        assert_eq!(found("Reproducido con autorización."), vec![None]);
        // Without a credit's opening, or naming no one.
        assert!(found("La ministre a dit que le décret est paru dans le Journal officiel mardi, ce qui a surpris les syndicats et les élus de la région.").is_empty());
        named("Dieser Artikel wurde von Correctiv übernommen.", "Correctiv");
        named("Dit artikel is overgenomen van NOS.", "NOS");
        named("Reproduzido de Agência Pública.", "Agência Pública");
        named("Nota publicada originalmente en El Faro.", "El Faro");
        named("This story is cross-posted from Harbor Sun.", "Harbor Sun");
        named("This story was adapted from an article in Grist.", "Grist");
        named("This article appears courtesy of CalMatters.", "CalMatters");
        named("Article courtesy of Yale Environment 360.", "Yale Environment 360");
        named("The following article was originally published by The Marshall Project.", "Marshall Project");
        named("This article was first featured on Civil Beat.", "Civil Beat");
        named("Sourced from The Associated Press.", "Associated Press");
        // A note of one sentence with a weaker subject, when the name closes it.
        named("The story was first published by Searchlight New Mexico.", "Searchlight New Mexico");
        assert!(found("The story was first published by Haaretz last week, and JTA followed.").is_empty());
        // An anchored phrase opening a later sentence of a short note.
        assert_eq!(
            found("(c) 2026 The Fresno Bee. Distributed by Tribune Content Agency, LLC."),
            vec![Some("Tribune Content Agency".to_owned()), Some("Fresno Bee".to_owned())]
        );
        // A domain that ends a sentence ends it; initials do not ("U.S.").
        named("Visit bloomberg.com. Distributed by Tribune Content Agency, LLC.", "Tribune Content Agency");
        assert!(found("Read it on the U.S. Distributed by Tribune Content Agency desk pages today.").is_empty());
        // In running text, only an outlet would count.
        let running = find_credits("The map was drawn from a data analysis courtesy of Johns Hopkins University researchers.", false);
        assert!(running.iter().all(|(_, _, need)| *need == Need::Outlet), "{running:?}");
        named("This story about rural schools was produced by The Hechinger Report, a nonprofit newsroom.", "Hechinger Report");
        named("This story comes to us via Grist.", "Grist");
        named("This article is part of a content-sharing partnership with The Harbor Sun.", "Harbor Sun");
        named("This story is published through a content-sharing agreement with Harbor Report.", "Harbor Report");
        assert!(found("This story is part of a content-sharing partnership between the Harbor Sun and Valley Ledger.").is_empty());
        // Written or reported by an outlet; said by the site that runs it.
        named("Editor's note: This story was reported by the Harbor Tribune.", "Harbor Tribune");
        named("This story was written by the Harbor Tribune's Dana Whitfield.", "Harbor Tribune");
        assert!(find_credits("This story was written by Dana Whitfield.", false).iter().all(|(_, _, need)| *need == Need::Outlet));
        // A station's producer, or the outlet that produced it.
        assert!(find_credits("This story was produced by Dana Whitfield.", false).iter().all(|(_, _, need)| *need == Need::Outlet));
        named("This story was produced by the Mountain West News Bureau.", "Mountain West News Bureau");
        // The same credits in Spanish, Portuguese and French.
        named("Este reportaje fue producido por Agencia Ocote.", "Agencia Ocote");
        named("Esta reportagem foi produzida pela Agência Pública.", "Agência Pública");
        assert!(find_credits("Este reportaje fue realizado por Ana Ruiz y Luis Pérez.", false).iter().all(|(_, _, need)| *need == Need::Outlet));
        named("Artículo cedido por El Faro.", "El Faro");
        named("Una versión de este artículo se publicó en El Faro.", "El Faro");
        named("Este texto se reproduce con autorización de Plaza Pública.", "Plaza Pública");
        named("Lee la nota original en El Faro.", "El Faro");
        named("Lire l'article original sur Mediapart.", "Mediapart");
        assert!(found("Foto cedida por la familia.").iter().all(Option::is_none));
        named("We're republishing this story from the Harbor Tribune.", "Harbor Tribune");
        named("Valley Ledger is republishing this article with permission from Grist.", "Grist");
        named("The Valley Ledger publishes this story through a partnership with Chalkbeat.", "Chalkbeat");
        named("The Valley Ledger is publishing this story as part of a content partnership with Chalkbeat.", "Chalkbeat");
        assert!(found("Republish this story from the Harbor Tribune for free.").is_empty());
        assert!(found("We are publishing this story from Kyiv.").is_empty());
        named("Story via Haaretz.", "Haaretz");
        named("Read the original article on Business Insider.", "Business Insider");
        named("Go to Article from The Los Angeles Times »", "Los Angeles Times");
        named("Read the full story at The Harbor Sun.", "Harbor Sun");
        named("Artikel ini telah tayang di Kompas.com dengan judul \"Jembatan Baru Dibuka\".", "Kompas.com");
        named("Berita ini sebelumnya telah dimuat di Harian Jogja.", "Harian Jogja");
        named("Traducido de The Economist.", "The Economist");
        named("Translated from Le Monde.", "Le Monde");
        named("Cet article a d'abord été publié par Mediapart.", "Mediapart");
        named("Статья впервые опубликована в «Новой газете».", "Новой");
        named("Artykuł ukazał się pierwotnie w Gazecie Wyborczej.", "Gazecie Wyborczej");
        named("Bu haber ilk olarak BBC Türkçe'de yayımlanmıştır.", "BBC Türkçe");
        named("Матеріал вперше опубліковано на сайті Дзеркало тижня.", "Дзеркало");
        named("Lee la nota completa en El Faro.", "El Faro");
        named("Baca artikel selengkapnya di Detik.com.", "Detik.com");
        named("Den ganzen Artikel lesen Sie auf Zeit Online.", "Zeit Online");
        named("Continue reading on ABC News.", "ABC News");
        named("This story was created by Reuters.", "Reuters");
        assert!(find_credits("This story was created by Jane Roe.", false).iter().all(|(_, _, need)| *need == Need::Outlet));
        named("Story continues at The Valley Post.", "Valley Post");
        assert!(found("Continue reading on the county's website.").iter().all(Option::is_none));
        assert!(found("Baca selengkapnya di sini.").iter().all(Option::is_none));
        assert!(found("Lee la nota completa aquí.").is_empty());

        assert!(found("Read the original report in Nature.").is_empty());
        assert!(found("Read the full report at the county's website.").iter().all(Option::is_none));
        assert!(found("The plan was adapted from a proposal by Mayor Jane Roe.").is_empty());
        assert!(found("With permission of the author.").iter().all(Option::is_none));
        assert!(found("Dieser Artikel erschien im Rahmen der Serie Stadtgeschichten.").iter().all(Option::is_none));
        assert!(found("Dieser Artikel wurde von der Redaktion übernommen.").iter().all(Option::is_none));
        assert!(found("Article 5 of the treaty was first published in Geneva in 1864, and the delegates signed it there.").is_empty());
        assert!(found("Este artículo fue publicado en la edición impresa.").iter().all(Option::is_none));
        assert!(found("Photo provided by the Harbor Sun.").is_empty());
        // German capitalises its print edition and issues like names; a language is no outlet.
        assert!(found("Dieser Artikel erschien zuerst in der Printausgabe vom 12. März.").iter().all(Option::is_none));
        assert!(found("Dieser Text ist zuerst im Heft 12/2024 erschienen.").iter().all(Option::is_none));
        assert!(found("Este artículo fue publicado originalmente en inglés.").iter().all(Option::is_none));
        // Not credit-shaped: a mention in a sentence about something else.
        assert!(found("La alcaldesa dijo que el plan fue publicado originalmente en El Diario, pero que lo cambiaron.").is_empty());
        assert!(found("Officials said the letter was first published by Haaretz in 1948, when the state was founded, and has been reprinted many times since then in textbooks and newspapers around the world, including in this newspaper.").is_empty());
    }

    #[test]
    fn name_normalisation() {
        assert_eq!(normalize_name("The Forward"), "forward");
        assert_eq!(normalize_name("the Forward"), "forward");
        assert_eq!(normalize_name("forward.com"), "forward");
        assert_eq!(normalize_name("www.Forward.com"), "forward");
        assert_eq!(normalize_name("Jewish Telegraphic Agency."), "jewish telegraphic agency");
        assert_eq!(normalize_name("The Forward's"), "forward");
        assert_eq!(normalize_name("U.S. News & World Report"), "u s news and world report");
        assert!(same_outlet("The Forward", "forward.com"));
        assert!(same_outlet("Times of Israel", "timesofisrael.com"));
        assert!(same_outlet("Forward", "The Yiddish Forward"));
        assert!(!same_outlet("Jewish News", "Cleveland Jewish News"));
        assert!(!same_outlet("Times", "Times of Israel"));
        // The company behind a CJK outlet is the outlet; other papers and agencies are not.
        assert!(same_outlet("日本経済新聞社", "日本経済新聞 電子版"));
        assert!(same_outlet("株式会社朝日新聞社", "朝日新聞"));
        assert!(same_outlet("주식회사 조선일보", "조선일보"));
        assert!(!same_outlet("朝日新聞社", "日本経済新聞 電子版"));
        assert!(!same_outlet("共同通信社", "時事通信"));
        assert!(!same_outlet("新华社", "人民日报"));
        assert!(similar_outlet("KOMU 8", "KOMU-TV"));
        assert!(similar_outlet("WSJ", "Wall Street Journal"));
        assert!(similar_outlet("Deccan Herald", "DH News Service"));
        assert!(similar_outlet("nytimes.com", "The New York Times"));
        assert!(same_outlet("TheHill", "The Hill"));
        assert!(!similar_outlet("Forward", "Jewish Telegraphic Agency"));
        assert!(!similar_outlet("Jewish Journal", "Jewish Telegraphic Agency"));
        assert_eq!(site_label("https://www.haaretz.co.il/news"), "haaretz");
        assert_eq!(site_label("news.bbc.co.uk"), "bbc");
        assert_eq!(site_label("forward.com"), "forward");
        assert!(looks_like_outlet("Cleveland Jewish News"));
        assert!(looks_like_outlet("The Washington Post"));
        assert!(looks_like_outlet("jns.org"));
        assert!(!looks_like_outlet("Emily Post"));
        assert!(is_call_sign("KQED") && is_call_sign("WBUR") && is_call_sign("KSL-TV") && is_call_sign("KMIZ 17") && is_call_sign("WGN"));
        assert!(!is_call_sign("KFC Yum") && !is_call_sign("Kqed") && !is_call_sign("NPR") && !is_call_sign("WASHINGTON") && !is_call_sign("KW"));
        assert!(looks_like_outlet("The Kyiv Independent") && looks_like_outlet("Long Island Independent"));
        assert!(!looks_like_outlet("Kyiv Independent") && !looks_like_outlet("Independent Journalist") && !looks_like_outlet("Freelance News Reporter"));
        assert!(!looks_like_outlet("Deputy News Editor"));
        assert!(!looks_like_outlet("Noa Shalev"));
        assert!(!looks_like_outlet("Staff"));
        assert!(looks_like_outlet("The Economist") && looks_like_outlet("The Conversation"));
        assert!(!looks_like_outlet("Economist") && !looks_like_outlet("Conversation"), "a common noun without its 'The'");
    }

    #[test]
    fn vietnamese_closing_source_lines() {
        let generic = Profile::builtin("generic").unwrap();
        let meta = Metadata {
            canonical_url: Some(Url::parse("https://baosonghong.example/thoi-su/x.html").unwrap()),
            publisher: Some("Báo Sông Hồng".to_owned()),
            lang: Some("vi".to_owned()),
            ..Metadata::default()
        };
        let site = Site::new(&generic, &meta, &Html::parse_document("<p></p>"), None);
        let cases: &[(&str, Option<&str>)] = &[
            ("Theo VnExpress", Some("VnExpress")),
            ("(Theo Tuổi Trẻ)", Some("Tuổi Trẻ")),
            ("Nguồn: Thanh Niên.", Some("Thanh Niên")),
            ("Theo Báo Lao Động", Some("Báo Lao Động")),
            ("Theo TTXVN", Some("Vietnam News Agency")),
            // A sentence of the story, a ministry's figures, a person, a call to follow, the site.
            ("Theo Reuters, giá dầu tăng 3% trong phiên hôm qua.", None),
            ("Theo Bộ Y tế", None),
            ("Theo ông Nguyễn Văn Bình", None),
            ("Theo dõi chúng tôi trên Facebook", None),
            ("Theo Báo Sông Hồng", None),
            ("Theo Sông Hồng", None),
        ];
        for (text, want) in cases {
            assert_eq!(vietnamese_source_note(&site, &meta, text).as_deref(), *want, "{text}");
        }
        // Not on a page in another language: a name.
        let english = Metadata { lang: Some("en".to_owned()), ..meta.clone() };
        assert_eq!(vietnamese_source_note(&site, &english, "Theo Walcott"), None);
    }

    #[test]
    fn own_name_as_hosts_spell_it() {
        let generic = Profile::builtin("generic").unwrap();
        let site_at = |url: &str| {
            let meta = Metadata { canonical_url: Some(Url::parse(url).unwrap()), ..Metadata::default() };
            Site::new(&generic, &meta, &Html::parse_document("<p></p>"), None)
        };
        let cases = [
            ("https://www.lanacion.com.ar/sociedad/x/", "La Nación", true),
            ("https://www.clarin.com/sociedad/x.html", "Diario Clarín", true),
            ("https://www.sueddeutsche.de/muenchen/x", "Süddeutsche Zeitung", true),
            ("https://www1.folha.uol.com.br/cotidiano/x", "Folha de S.Paulo", true),
            ("https://www.lanacion.com.ar/sociedad/x/", "El Universal", false),
            ("https://www1.folha.uol.com.br/cotidiano/x", "Estadão", false),
            ("https://news.harborsun.example/x", "News Today", false),
        ];
        for (url, name, own) in cases {
            assert_eq!(site_at(url).is_own_name_loosely(name), own, "{name} on {url}");
        }
        assert_eq!(subdomain_label("www1.folha.uol.com.br").as_deref(), Some("folha"));
        for host in ["edition.cnn.com", "www.bbc.co.uk", "news.harborsun.example", "www2.harborsun.example"] {
            assert_eq!(subdomain_label(host), None, "{host}");
        }
    }

    #[test]
    fn byline_outlet_detection() {
        let forward = Profile::builtin("forward").unwrap();
        let meta = Metadata { publisher: forward.publisher.clone(), ..Metadata::default() };
        let site = Site::new(&forward, &meta, &Html::parse_document("<p></p>"), None);
        let cases: &[(&str, &[&str])] = &[
            ("By JTA and Forward Staff", &["JTA"]),
            ("By JTA March 23, 2025", &["JTA"]),
            ("By Noa Shalev (Haaretz) April 8, 2025", &["Haaretz"]),
            ("Noa Shalev (Haaretz)", &["Haaretz"]),
            ("Noa Shalev, JTA", &["JTA"]),
            ("Noa Shalev | Reuters", &["Reuters"]),
            ("Noa Shalev for Haaretz", &["Haaretz"]),
            ("Jewish Telegraphic Agency", &["JTA"]),
            ("Reuters Staff", &["Reuters"]),
            ("Times of Israel staff", &["Times of Israel"]),
            ("By Jane Doe, Cleveland Jewish News", &["Cleveland Jewish News"]),
            // A name run into an outlet's "The"; a partner's edition; a statehouse newsroom.
            ("By Jane Doe The Charlotte Observer", &["Charlotte Observer"]),
            ("By Jane Doe, Chalkbeat Colorado", &["Chalkbeat"]),
            ("Jane Doe, Georgia Recorder", &["Georgia Recorder"]),
            ("By Jane Doe, New Jersey Monitor", &["New Jersey Monitor"]),
            ("Jane Doe, County Recorder", &[]),
            ("Jane Doe, Georgia State", &[]),
            // Mastheads in other languages: their words, one-word compounds, a common word after
            // an article; not a place, nor a label after an article-less common word.
            ("Von Hans Maier, Süddeutsche Zeitung", &["Süddeutsche Zeitung"]),
            ("Ana Ruiz / Diario de Sevilla", &["Diario de Sevilla"]),
            ("Ola Nordmann, Aftenposten", &["Aftenposten"]),
            ("Ana Ruiz, El País", &["El País"]),
            ("Hans Maier, Die Welt", &["Die Welt"]),
            ("Ana Ruiz, La Paz", &[]),
            ("Ana Ruiz | Tiempo de lectura", &[]),
            // An agency by its code alone, by Hindi's "by", after a source's label.
            ("भाषा", &["Press Trust of India"]),
            ("द्वारा: आईएएनएस", &["IANS"]),
            ("Jane Doe | Quelle: dpa", &["dpa"]),
            ("Jane Doe | Source: City Hall", &[]),
            ("Petra", &[]),
            ("Forward Staff", &[]),
            ("The Forward", &[]),
            // Another outlet's desk: its name before the desk's words, in two words or more.
            ("By Harbor Tribune Staff", &["Harbor Tribune"]),
            ("Chicago Tribune Editorial Board", &["Chicago Tribune"]),
            ("Forward Editorial Board", &[]),
            ("Times Staff", &[]),
            ("By Dana Whitfield | The Hill", &["The Hill"]),
            ("Redacción El Tiempo", &["El Tiempo"]),
            ("Redazione Corriere della Sera", &["Corriere della Sera"]),
            ("Redacción", &[]),
            ("Staff Writer", &[]),
            ("Editorial Board", &[]),
            ("Jane Doe for the Forward", &[]),
            ("Jane Doe, Special to the Forward", &[]),
            ("By Jane Doe, Special to The Harbor Tribune", &["Harbor Tribune"]),
            ("By Laura E. Adkins | May 2, 2025", &[]),
            ("Jane Doe, Deputy News Editor", &[]),
            ("By STEVE PEOPLES, AP National Political Writer", &["Associated Press"]),
            ("Tom Krisher, Ap Auto Writer", &["Associated Press"]),
            ("Jane Roe, Associated Press Writer", &["Associated Press"]),
            ("Jane Doe, CNN contributor", &[]),
            ("Michael Bloomberg", &[]),
            ("Emily Post", &[]),
            // Copy from the wires, whoever compiled it.
            ("Forward wire services", &["wire services"]),
            ("Staff and wire reports", &["wire reports"]),
            ("Guardian staff and agencies", &["The Guardian", "agencies"]),
            ("Redacción / Agencias", &["Agencias"]),
            ("एजेंसी, नई दिल्ली", &["एजेंसी"]),
            ("Jane Doe, federal agencies reporter", &[]),
            // Agencies by their own short names, and joined to an outlet in other languages.
            ("PTI", &["Press Trust of India"]),
            ("By EFE", &["EFE"]),
            ("Le Monde avec AFP", &["Le Monde", "Agence France-Presse"]),
            ("Stadtblatt mit dpa", &["dpa"]),
            ("Por Ana García y Luis Pérez", &[]),
            ("By Con Coughlin", &[]),
            // The section filed under, the place filed from, after a person's name.
            ("by Nathan Roe in News on Mar 9, 2026 10:15 am", &[]),
            ("By Ana Vidal in Lisbon", &[]),
            ("By Ana Vidal, Dec 1st 2026", &[]),
            // Given names that partners' names or codes are too ("ANA", "SID", "Hina"): a name
            // only as the partner writes it, and not before the rest of a person's name.
            ("By Ana Ruiz Staff Writer", &[]),
            ("By ANA RUIZ Staff Writer", &[]),
            ("By SID LOWE Correspondent", &[]),
            ("By Amna Khan Staff Reporter", &[]),
            ("Ana", &[]),
            ("Sid", &[]),
            ("ANA", &["African News Agency"]),
            ("Hina", &["HINA"]),
            ("ANA Staff Writer", &["African News Agency"]),
            ("Jane Roe (ANA)", &["African News Agency"]),
            ("By Efe Okoro Staff Writer", &[]),
            // A one-word partner before a role, then a person's surname rather than a beat.
            ("By Hill Carter Staff Writer", &[]),
            ("By Bloomberg Hart Staff Writer", &[]),
            ("By Belga Smith Correspondent", &[]),
            ("Mary Clare Jalonick, AP White House Correspondent", &["Associated Press"]),
            ("Robert Roe, Ap National Security Writer", &["Associated Press"]),
            ("Jane Roe, Reuters Global Health Editor", &["Reuters"]),
            ("By EFE", &["EFE"]),
        ];
        for (text, want) in cases {
            assert_eq!(byline_outlets(&site, text, true, &[]), *want, "{text}");
        }
        // A place after the names is an affiliation's shape; the story's own dateline shows it
        // is where the story was filed.
        let byline = "By Ana Vidal and Tom Okafor | LISBON";
        assert_eq!(byline_outlets(&site, byline, true, &[]), ["LISBON"]);
        assert_eq!(byline_outlets(&site, byline, true, &["LISBON (Meridian Wire) - The central bank held…"]), Vec::<String>::new());
        assert_eq!(byline_outlets(&site, byline, true, &["LISBONA is a word, not the dateline"]), ["LISBON"]);
        // A partner stays one whatever the story opens with.
        assert_eq!(byline_outlets(&site, "Noa Shalev | Reuters", true, &["Reuters reported on Monday…"]), ["Reuters"]);
        assert!(is_photo_credit("Rui Costa | The Porto Daily | Getty Images") && !is_photo_credit("Rui Costa, The Porto Daily"));
    }

    #[test]
    fn summary_and_json_shape() {
        let verdict = Verdict::from_reasons(vec![Reason {
            signal: Signal::Dateline,
            evidence: "JERUSALEM (JTA) —".into(),
            location: "first paragraph".into(),
            source: Some("JTA".into()),
        }]);
        assert!(!verdict.eligible);
        assert_eq!(verdict.summary(), "originated with JTA (dateline \"JERUSALEM (JTA) —\" in first paragraph)");
        let json = serde_json::to_value(&verdict).unwrap();
        assert_eq!(json["reasons"][0]["signal"], "dateline");
        assert_eq!(json["source"], "JTA");
        assert_eq!(Verdict::eligible().summary(), "eligible");
        assert_eq!(evidence(&"x".repeat(400)).chars().count(), 160);
    }

    // -----------------------------------------------------------------------------------------
    // The whole pipeline: HTML page → parse → extract → judge.

    fn pipeline(html: &str, url: Option<&str>, profile: Option<&str>) -> Verdict {
        let loaded = crate::load::Loaded { html: html.to_owned(), url: url.map(|u| Url::parse(u).unwrap()), encoding: "UTF-8" };
        let settings = crate::Settings { profile: profile.map(profile_for), ..crate::Settings::default() };
        crate::process_loaded(&loaded, &settings).expect("an article").verdict
    }

    #[test]
    fn blocks_hold_notes_in_dropped_furniture_and_loose_text() {
        let blocks = generic_blocks(format!(
            r#"<html><body><article><h1>Bus network grows</h1>{LEDE}{MIDDLE}
            <i>Loose text after the paragraphs.</i>
            <p class="disclaimer">A note the embed drops.</p>
            <aside class="rail"><a href="/a">Another story with a long enough title</a> Reuters <a href="/b">A third story with a long enough title</a></aside>
            <figure><img src="x.jpg"><figcaption>© Reuters</figcaption></figure></article></body></html>"#
        ));
        let texts: Vec<(&str, bool)> = blocks.iter().map(|b| (b.text.as_str(), b.note)).collect();
        assert!(texts.contains(&("Loose text after the paragraphs.", false)), "{texts:#?}");
        assert!(texts.contains(&("A note the embed drops.", true)), "{texts:#?}");
        // A rail that is mostly links is not a note, and a photo's caption never is.
        assert!(!texts.iter().any(|(t, _)| t.contains("Reuters")), "{texts:#?}");
        assert_eq!(texts.iter().filter(|(_, note)| !note).count(), 5, "{texts:#?}");
    }

    /// Short elements after the body's container are notes up to the story's own container (the
    /// one that holds the headline), not past it.
    #[test]
    fn blocks_hold_notes_beside_the_body_container() {
        let blocks = generic_blocks(format!(
            r#"<html><body><main><article><h1>Bus network grows</h1><div class="entry-content">{LEDE}{MIDDLE}</div>
            <aside class="credit">Originally published by the Harbor Sun.</aside>
            <p class="source">Source: <a href="https://wire.example/">Wire Daily</a></p>
            <div class="more"><a href="/a">Buses run late again</a> <a href="/b">Depot opens</a> on Tuesday</div>
            <footer class="entry-footer"><p>Filed under transit.</p></footer></article>
            <aside class="sidebar"><p>From the Associated Press: a storm hits the coast.</p></aside></main></body></html>"#
        ));
        let texts: Vec<(&str, bool)> = blocks.iter().map(|b| (b.text.as_str(), b.note)).collect();
        assert!(texts.contains(&("Originally published by the Harbor Sun.", true)), "{texts:#?}");
        assert!(texts.contains(&("Filed under transit.", true)), "{texts:#?}");
        // One link may be most of a note; a line of several links is a rail.
        assert!(texts.contains(&("Source: Wire Daily", true)), "{texts:#?}");
        assert!(!texts.iter().any(|(t, _)| t.contains("Depot opens")), "{texts:#?}");
        assert!(!texts.iter().any(|(t, _)| t.contains("Associated Press")), "{texts:#?}");
        // With the headline outside every container but the page's, no such note is read.
        let blocks = generic_blocks(format!(
            r#"<html><body><h1>Bus network grows</h1><div class="entry-content">{LEDE}{MIDDLE}</div><aside>Originally published by the Harbor Sun.</aside></body></html>"#
        ));
        assert!(!blocks.iter().any(|b| b.text.contains("Harbor Sun")));
    }

    /// The blocks the judge reads on a page, extracted with the generic profile.
    fn generic_blocks(html: String) -> Vec<Block> {
        let loaded = crate::load::Loaded { html, url: None, encoding: "UTF-8" };
        let page = crate::parse::parse(&loaded, &crate::prescan::Limits::default()).expect("parses");
        let profile = Profile::builtin("generic").unwrap();
        crate::extract::extract(&page, &profile, &crate::extract::Options::default()).expect("an article").blocks()
    }

    const LEDE: &str = "<p>The city council voted 7-2 on Tuesday to expand the bus network to the northern suburbs, ending a decade of debate over routes, fares and who should pay for the new depot.</p>";
    const MIDDLE: &str = "<p>Supporters said the plan would cut commutes by twenty minutes for thousands of workers, while opponents warned of higher property taxes and traffic on residential streets.</p>\n<p>The first new routes will open in September, and the depot is expected to be finished by the end of next year, according to the transit authority.</p>\n<p>Council members said they would review ridership after one year and adjust schedules if needed.</p>";

    /// A Forward-template page (WordPress, studio-simpatico) around the given byline and body.
    fn forward_page(body_class: &str, byline: &str, head: &str, body: &str) -> String {
        format!(
            r#"<!doctype html><html lang="en"><head><title>Story | The Forward</title>
<link rel="canonical" href="https://forward.com/news/612000/story/">
<meta property="og:site_name" content="The Forward"><meta property="og:url" content="https://forward.com/news/612000/story/">
<link rel="shortlink" href="https://forward.com/?p=612000"><link rel="https://api.w.org/" href="https://forward.com/wp-json/">
{head}</head><body class="post-template-default single single-post postid-612000 {body_class}">
<header><nav><a href="https://forward.com/news/">News</a><a href="https://forward.com/opinion/">Opinion</a><a href="https://forward.com/culture/">Culture</a></nav></header>
<main><div class="headings"><h1>The story</h1></div>
<div class="post-author single">{byline}</div>
<section class="article-content"><article>{body}</article></section></main>
<footer><a href="https://forward.com/about/">About</a></footer></body></html>"#
        )
    }

    /// A generic news page on another site.
    fn other_page(site: &str, host: &str, byline: &str, head: &str, body: &str) -> String {
        format!(
            r#"<!doctype html><html lang="en"><head><title>Story | {site}</title>
<link rel="canonical" href="https://{host}/news/story">
<meta property="og:site_name" content="{site}">
{head}</head><body><header><nav><a href="https://{host}/">Home</a><a href="https://{host}/news">News</a><a href="https://{host}/sports">Sports</a></nav></header>
<article><h1>The story</h1><p class="byline">{byline}</p><div class="article-body">{body}</div></article>
<footer><a href="https://{host}/about">About</a></footer></body></html>"#
        )
    }

    /// (name, page, --profile, eligible, source, signals)
    type PipelineCase = (&'static str, String, Option<&'static str>, bool, Option<&'static str>, Vec<Signal>);

    #[test]
    fn pipeline_cases() {
        use Signal::*;
        let author = |slug: &str, name: &str| format!(r#"By <a href="https://forward.com/authors/{slug}/">{name}</a>"#);
        let kessler = author("miriam-kessler", "Miriam Kessler");
        let cases: Vec<PipelineCase> = vec![
            ("forward original", forward_page("", &kessler, "", &format!("{LEDE}{MIDDLE}")), Some("forward"), true, None, vec![]),
            (
                "forward: JTA dateline",
                forward_page(
                    "",
                    &kessler,
                    "",
                    &format!(
                        "<p>JERUSALEM (JTA) — The city council voted on Tuesday to expand the light rail to run on Shabbat for a trial period of three months.</p>{MIDDLE}"
                    ),
                ),
                Some("forward"),
                false,
                Some("JTA"),
                vec![Dateline],
            ),
            (
                "forward: byline JTA via author page",
                forward_page("", &author("jta", "JTA"), "", &format!("{LEDE}{MIDDLE}")),
                Some("forward"),
                false,
                Some("JTA"),
                vec![Byline],
            ),
            (
                "forward: Haaretz author",
                forward_page("", &author("noa-shalev-haaretz", "Noa Shalev (Haaretz)"), "", &format!("{LEDE}{MIDDLE}")),
                Some("forward"),
                false,
                Some("Haaretz"),
                vec![Byline],
            ),
            (
                "forward: italic Haaretz credit",
                forward_page("", &kessler, "", &format!("{LEDE}{MIDDLE}<p><em>This article originally appeared in Haaretz.</em></p>")),
                Some("forward"),
                false,
                Some("Haaretz"),
                vec![Credit],
            ),
            (
                "forward: category-jta",
                forward_page("category-jta", &kessler, "", &format!("{LEDE}{MIDDLE}")),
                Some("forward"),
                false,
                Some("JTA"),
                vec![Profile],
            ),
            (
                "forward: JTA and Forward Staff",
                forward_page("", "By JTA and Forward Staff", "", &format!("{LEDE}{MIDDLE}")),
                Some("forward"),
                false,
                Some("JTA"),
                vec![Byline],
            ),
            (
                "forward: Forward Staff",
                forward_page("", &author("forward-staff", "Forward Staff"), "", &format!("{LEDE}{MIDDLE}")),
                Some("forward"),
                true,
                None,
                vec![],
            ),
            (
                "forward: self syndication-source",
                forward_page(
                    "",
                    &kessler,
                    r#"<meta name="syndication-source" content="https://forward.com/news/612000/story/"><link rel="original-source" href="https://forward.com/news/612000/story/">"#,
                    &format!("{LEDE}{MIDDLE}"),
                ),
                Some("forward"),
                true,
                None,
                vec![],
            ),
            (
                "forward: credit naming the Forward",
                forward_page("", &kessler, "", &format!("{LEDE}{MIDDLE}<p><em>This story was originally published in the Forward.</em></p>")),
                Some("forward"),
                true,
                None,
                vec![],
            ),
            (
                "forward: original citing Haaretz and JTA",
                forward_page(
                    "",
                    &kessler,
                    "",
                    r#"<p>The Jewish Telegraphic Agency reported on Monday that the museum would close, a claim its director denied in an interview with the Forward on Tuesday.</p>
<p>As <a href="https://www.haaretz.com/x">Haaretz first reported</a>, the board met in secret in March and voted to sell the building to a developer.</p>
<p>“We read Haaretz and JTA every day,” the director said. “But this time they got it wrong.”</p>
<p>The story was first published by Haaretz last week, and <a href="https://www.jta.org/y">JTA</a> followed with its own report two days later.</p>
<p>The board will meet again in June to decide the museum's future, and it has promised to take questions from members.</p>"#,
                ),
                Some("forward"),
                true,
                None,
                vec![],
            ),
            (
                "forward: story about a wire agency",
                forward_page(
                    "",
                    &kessler,
                    "",
                    r#"<p>The Jewish Telegraphic Agency (JTA) — the wire service founded in 1917 — marked its centennial on Tuesday with a gala in Manhattan attended by hundreds of journalists.</p>
<p>JTA's editor said the agency would keep covering Jewish communities around the world, and thanked Reuters and the Associated Press for their early help.</p>"#,
                ),
                Some("forward"),
                true,
                None,
                vec![],
            ),
            (
                "generic: (KMIZ) call letters",
                other_page(
                    "ABC 17 News",
                    "abc17news.com",
                    "By Jane Roe",
                    "",
                    "<p>COLUMBIA, Mo. (KMIZ) — A fire broke out at a downtown restaurant on Tuesday night, sending two people to the hospital and closing Broadway for hours.</p><p>Firefighters said the cause was under investigation and that the building had passed an inspection in March.</p>",
                ),
                None,
                true,
                None,
                vec![],
            ),
            (
                "generic: the author box under the story names another outlet as the author's",
                other_page(
                    "Valley Post",
                    "valleypost.com",
                    "By Jane Roe",
                    "",
                    // The body's container closes early: the box sits after it, inside the article.
                    "<p>A fire broke out at a downtown restaurant on Tuesday night, sending two people to the hospital and closing Broadway for hours.</p><p>Firefighters said the cause was under investigation and that the building had passed an inspection in March.</p></div><section class=\"about-author\"><h3>About the author</h3><p>Jane Roe is a columnist for The Harbor Tribune.</p></section><div>",
                ),
                None,
                false,
                Some("Harbor Tribune"),
                vec![Credit],
            ),
            (
                "generic: AP dateline and byline",
                other_page(
                    "Valley Post",
                    "valleypost.com",
                    "By The Associated Press",
                    "",
                    "<p>WASHINGTON (AP) — The Supreme Court on Monday agreed to hear a case about the limits of federal power over state election rules, a dispute with wide consequences.</p><p>The justices will hear arguments in the fall, with a decision expected by next June.</p>",
                ),
                None,
                false,
                Some("Associated Press"),
                vec![Byline, Dateline],
            ),
            (
                "generic: regional credit to the Cleveland Jewish News",
                other_page(
                    "Heartland Jewish Voice",
                    "heartlandjewishvoice.org",
                    "By Sam Levin",
                    "",
                    &format!("{LEDE}{MIDDLE}<p><em>This story was originally published by the Cleveland Jewish News.</em></p>"),
                ),
                None,
                false,
                Some("Cleveland Jewish News"),
                vec![Credit],
            ),
            (
                "generic: syndication-source on another host",
                other_page(
                    "Valley Post",
                    "valleypost.com",
                    "By Sam Levin",
                    r#"<meta name="original-source" content="https://www.tidewater-chronicle.com/news/story">"#,
                    &format!("{LEDE}{MIDDLE}"),
                ),
                None,
                false,
                Some("tidewater-chronicle.com"),
                vec![Metadata],
            ),
        ];
        let mut failures = Vec::new();
        for (name, html, profile, eligible, source, signals) in &cases {
            let verdict = pipeline(html, None, *profile);
            if verdict.eligible != *eligible || verdict.source.as_deref() != *source || verdict.signals() != *signals {
                failures.push(format!("{name}: got {:?} {:?} {:?}\n  {:#?}", verdict.eligible, verdict.source, verdict.signals(), verdict.reasons));
            }
        }
        assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
    }

    /// Every fixture whose meta.json asserts `expect.eligible`: the verdict, source and signals.
    #[test]
    fn fixtures() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let Ok(entries) = std::fs::read_dir(&root) else { return };
        let mut dirs: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.join("meta.json").is_file()).collect();
        dirs.sort();
        let mut failures = Vec::new();
        let mut checked = 0;
        for dir in dirs {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            let meta: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("meta.json")).unwrap()).unwrap();
            let expect = &meta["expect"];
            let Some(eligible) = expect["eligible"].as_bool() else { continue };
            let args: Vec<&str> = meta["args"].as_array().map(|a| a.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default();
            let profile = args.iter().position(|a| *a == "--profile").and_then(|i| args.get(i + 1)).copied();
            let source = crate::load::Source::from_arg(dir.join("input.html").to_str().unwrap()).unwrap();
            let loaded = crate::load::load(&source, &crate::load::LoadOptions::default()).unwrap();
            let verdict = pipeline(&loaded.html, None, profile);
            checked += 1;
            let want_source = expect["source"].as_str();
            let mut problems = Vec::new();
            if verdict.eligible != eligible {
                problems.push(format!("eligible {} (want {eligible})", verdict.eligible));
            }
            if !eligible && expect.get("source").is_some() && verdict.source.as_deref() != want_source {
                problems.push(format!("source {:?} (want {want_source:?})", verdict.source));
            }
            if let Some(want) = expect["signals"].as_array() {
                let mut want: Vec<&str> = want.iter().filter_map(|v| v.as_str()).collect();
                let mut got: Vec<&str> = verdict.signals().iter().map(|s| s.as_str()).collect();
                want.sort_unstable();
                got.sort_unstable();
                if want != got {
                    problems.push(format!("signals {got:?} (want {want:?})"));
                }
            }
            if !problems.is_empty() {
                failures.push(format!("{name}: {}\n  reasons: {:#?}", problems.join(", "), verdict.reasons));
            }
        }
        assert!(failures.is_empty(), "{} of {checked} fixture(s) failed:\n{}", failures.len(), failures.join("\n"));
    }
}

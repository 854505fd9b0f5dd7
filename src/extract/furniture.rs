//! What in an article container is not the article: media, scripts, forms, hidden elements and
//! page furniture (ads, sign-ups, share bars, related boxes, author cards...). Decided per element
//! from its name, attributes and size, so that the extractor can score without furniture and the
//! cleaner can leave it out.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use scraper::node::Element;

use super::text::{contains_ignore_ascii_case, may_contain_any, written_without_spaces};
use crate::pattern::Pattern;

/// Why a node is left out of the body. `kind()` names it in the `removed` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    /// img, picture, or a figure/container holding one with its caption and credit.
    Image,
    /// video, audio, iframe, embed, object, canvas, svg, math and kin.
    Media,
    /// script, noscript, template.
    Script,
    /// style, link.
    Style,
    /// meta, base, title, head.
    Metadata,
    /// form and form controls.
    Form,
    /// hidden by attribute, style or class.
    Hidden,
    /// Comments (HTML comment nodes are dropped by the cleaner and not counted).
    Comments,
    /// Ad slots and sponsored blocks.
    Ad,
    /// Newsletter sign-ups.
    Newsletter,
    /// Donation and membership appeals.
    Donation,
    /// Related-story boxes and "read more" lists.
    Related,
    /// Share bars and social follow buttons.
    Share,
    /// Author photo cards, bios and the byline (the embed renders its own).
    Author,
    /// The publisher's own republish box.
    Republish,
    /// Captions and credits of removed images.
    Caption,
    /// Navigation, breadcrumbs, pagination.
    Navigation,
    /// The headline repeated in the body (the embed renders its own).
    Title,
    /// The story's tags, keywords and topics: links to the site's pages by subject.
    Tags,
    /// Anything else that is not the article: sidebars, asides, tags, meta lines, pop-ups.
    Furniture,
    /// Content outside the chosen body container (siblings not merged into the article).
    Outside,
}

impl Removal {
    /// The name used in the `removed` counts.
    pub fn kind(self) -> &'static str {
        match self {
            Removal::Image => "image",
            Removal::Media => "media",
            Removal::Script => "script",
            Removal::Style => "style",
            Removal::Metadata => "metadata",
            Removal::Form => "form",
            Removal::Hidden => "hidden",
            Removal::Comments => "comments",
            Removal::Ad => "ad",
            Removal::Newsletter => "newsletter",
            Removal::Donation => "donation",
            Removal::Related => "related",
            Removal::Share => "share",
            Removal::Author => "author",
            Removal::Republish => "republish",
            Removal::Caption => "caption",
            Removal::Navigation => "navigation",
            Removal::Title => "title",
            Removal::Tags => "tags",
            Removal::Furniture => "furniture",
            Removal::Outside => "outside",
        }
    }
}

/// What the tag alone says.
pub fn by_tag(name: &str) -> Option<Removal> {
    Some(match name {
        "script" | "noscript" | "template" => Removal::Script,
        "style" | "link" => Removal::Style,
        "meta" | "base" | "title" | "head" => Removal::Metadata,
        "img" | "picture" | "amp-img" | "image" => Removal::Image,
        "video" | "audio" | "iframe" | "frame" | "frameset" | "embed" | "object" | "applet" | "param" | "canvas"
        | "svg" | "math" | "source" | "track" | "map" | "area" | "portal" | "amp-video" | "amp-iframe"
        | "amp-youtube" | "amp-twitter" | "amp-instagram" | "amp-ad" | "amp-embed" | "fencedframe" => Removal::Media,
        "form" | "input" | "button" | "select" | "textarea" | "option" | "optgroup" | "fieldset" | "datalist"
        | "output" | "dialog" | "meter" | "progress" | "keygen" | "menu" => Removal::Form,
        "nav" => Removal::Navigation,
        "aside" => Removal::Furniture,
        _ => return None,
    })
}

/// Elements that can carry media (so that a container of only media + caption goes whole).
pub fn is_media(name: &str) -> bool {
    matches!(by_tag(name), Some(Removal::Image | Removal::Media)) && !matches!(name, "source" | "track" | "param" | "map" | "area")
}

static HIDDEN_STYLE: Pattern = Pattern::new(r"(?i)(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$))");

const HIDDEN_CLASSES: &[&str] = &[
    "hidden", "hide", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screen-reader-only",
    "is-hidden", "u-hidden", "d-none", "invisible", "element-invisible", "offscreen", "a11y-hidden", "assistive-text",
    "show-for-sr", "accessibility",
];

/// The readers' comments under a story, by the names comment systems give their container
/// (WordPress's `ol.comment-list` and `#comments.comments-area`, Disqus's `#disqus_thread`). A
/// thread often holds more text than the story, so unlike other furniture it goes whatever its
/// size; whole names only, since "comments-open" and "comment-count" mark other things.
pub fn is_comment_thread(element: &Element) -> bool {
    const IDS: &[&str] = &["comments", "disqus_thread", "comentarios", "commentaires", "kommentare", "respond"];
    const CLASSES: &[&str] =
        &["comments", "comment-list", "commentlist", "comments-area", "comments-section", "comment-section", "article-comments", "post-comments", "comments-container", "story-comments"];
    matches!(element.name(), "div" | "section" | "ol" | "ul" | "aside")
        && (element.id().is_some_and(|id| IDS.iter().any(|i| id.eq_ignore_ascii_case(i))) || element.classes().any(|c| CLASSES.iter().any(|k| c.eq_ignore_ascii_case(k))))
}

/// How an element is hidden from readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hiding {
    /// By an attribute or inline style: `hidden`, `aria-hidden=true`, `display:none`.
    Markup,
    /// Only by a class ("hidden", "sr-only"): the site's style sheet, which its scripts may undo.
    Class,
}

/// How `element` is hidden from readers, if it is: by markup (`hidden`, `aria-hidden=true`,
/// `display:none`) when any attribute says so, else by a screen-reader-only or hiding class.
pub fn hiding(element: &Element) -> Option<Hiding> {
    let mut by_class = false;
    // One pass over the attributes (`attr(name)` interns the name first: it runs on every element).
    for (name, value) in element.attrs() {
        let hides = match name {
            "hidden" => true,
            "aria-hidden" => value.trim().eq_ignore_ascii_case("true"),
            "type" => value.eq_ignore_ascii_case("hidden"),
            "style" => may_contain_any(value, &["display", "visibility", "opacity"]) && HIDDEN_STYLE.is_match(value),
            "class" => {
                by_class = value.split_ascii_whitespace().any(|c| HIDDEN_CLASSES.iter().any(|h| c.eq_ignore_ascii_case(h)));
                false
            }
            _ => false,
        };
        if hides {
            return Some(Hiding::Markup);
        }
    }
    by_class.then_some(Hiding::Class)
}

/// A video or audio player's frame, by the label players give it for screen readers (Video.js,
/// Brightcove and JW Player: `aria-label="Video Player"`): its controls and settings menus are
/// text ("Play", "Captions will look like this", "High (HD)") that a saved page keeps even when
/// the `<video>` itself is gone.
pub fn is_media_player(element: &Element) -> bool {
    element.attrs().any(|(name, value)| {
        name == "aria-label"
            && value.len() < 60
            && ["video player", "audio player", "media player", "podcast player"].iter().any(|p| contains_ignore_ascii_case(value.as_bytes(), p.as_bytes()))
    })
}

/// The words of an element's class, id, role and a few data attributes, split at punctuation and
/// camelCase, lower-cased: `c-ArticleShareBar` → `c article share bar`. In no particular order
/// (callers ask whether any word is or contains something).
pub fn words(element: &Element) -> Vec<String> {
    words_from(element, true)
}

/// [`words`] without the id's: for an element whose id is a slug of its own text.
pub fn words_except_id(element: &Element) -> Vec<String> {
    words_from(element, false)
}

fn words_from(element: &Element, with_id: bool) -> Vec<String> {
    let mut out = Vec::new();
    for (name, value) in element.attrs() {
        if name == "id" && !with_id {
            continue;
        }
        if name == "class" {
            value.split_ascii_whitespace().for_each(|class| split_words(class, &mut out));
        } else if WORD_ATTRIBUTES.contains(&name) {
            split_words(value, &mut out);
        }
    }
    out
}

/// The attributes besides `class` whose values [`words`] splits (and [`may_have_word_with`] reads).
const WORD_ATTRIBUTES: &[&str] = &["id", "role", "data-component", "data-module", "data-testid", "data-type"];

/// Whether one of the element's [`words`] can contain one of `needles` (lower-case ASCII letters
/// and digits): a cheap test before splitting. Each word is, lower-cased, a run of the
/// alphanumerics of one of the attribute values `words` reads (or all of them, the joined form),
/// so a needle must occur in those alphanumerics. A value that is not ASCII always may (its words
/// are lower-cased as Unicode).
pub fn may_have_word_with(element: &Element, needles: &[&str]) -> bool {
    // A value with more alphanumerics than this always may (no allocation for the rare long one).
    let mut alphanumerics = [0u8; 256];
    element.attrs().any(|(name, value)| {
        if name != "class" && !WORD_ATTRIBUTES.contains(&name) {
            return false;
        }
        if !value.is_ascii() {
            return true;
        }
        let mut len = 0;
        for b in value.bytes().filter(u8::is_ascii_alphanumeric) {
            let Some(slot) = alphanumerics.get_mut(len) else { return true };
            *slot = b.to_ascii_lowercase();
            len += 1;
        }
        let projected = &alphanumerics[..len];
        (0..len).any(|i| needles.iter().any(|n| n.as_bytes().first() == Some(&projected[i]) && projected[i..].starts_with(n.as_bytes())))
    })
}

fn split_words(source: &str, out: &mut Vec<String>) {
    if source.is_ascii() {
        // The steps of `split_words_chars` on bytes: for ASCII its char tests are their ASCII
        // forms. A word is a slice of the source, lower-cased in one go.
        let first = out.len();
        let mut start: Option<usize> = None;
        let mut prev_lower = false;
        let mut alphanumerics = 0;
        for (i, b) in source.bytes().enumerate() {
            if b.is_ascii_alphanumeric() {
                alphanumerics += 1;
                if b.is_ascii_uppercase() && prev_lower && let Some(s) = start {
                    out.push(source[s..i].to_ascii_lowercase());
                    start = None;
                }
                start.get_or_insert(i);
                prev_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
            } else {
                prev_lower = false;
                if let Some(s) = start.take() {
                    out.push(source[s..i].to_ascii_lowercase());
                }
            }
        }
        if let Some(s) = start {
            out.push(source[s..].to_ascii_lowercase());
        }
        // The joined form, unless it is the one word already there (a class like "sidebar").
        let one_word = out.len() == first + 1 && out[first].len() == alphanumerics;
        if alphanumerics > 0 && !one_word {
            let mut joined = String::with_capacity(alphanumerics);
            joined.extend(source.bytes().filter(u8::is_ascii_alphanumeric).map(|b| char::from(b.to_ascii_lowercase())));
            out.push(joined);
        }
        return;
    }
    split_words_chars(source, out);
}

/// The words of any text, char by char: split at non-alphanumerics and at a lower-to-upper case
/// change ("shareBar"), lower-cased, then the joined form ("readmore", "sharebar") too.
fn split_words_chars(source: &str, out: &mut Vec<String>) {
    let mut word = String::new();
    let mut prev_lower = false;
    for c in source.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            word.extend(c.to_lowercase());
        } else {
            prev_lower = false;
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    // Joined forms ("readmore", "sharebar") are matched too.
    let joined: String = source.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    if !joined.is_empty() {
        out.push(joined);
    }
}

/// Furniture kinds named by class/id words. Strong kinds are specific enough to trust on any
/// small element; weak ones also need the absence of a content word.
///
/// Each kind is "some word is one of these, or starts/ends with or contains one of these", checked
/// in the order of [`KINDS`]; every word is looked at once and marks the kinds it names (this runs
/// on every element of the page). `by_words_reference` in the tests is the same table written
/// out kind by kind.
pub fn by_words(words: &[String]) -> Option<(Removal, bool)> {
    let mut mask = 0u16;
    for w in words {
        mask |= word_kinds(w);
    }
    (mask != 0).then(|| {
        let (removal, strong) = KINDS[mask.trailing_zeros() as usize];
        (removal, strong)
    })
}

/// The kinds `by_words` can name, by bit, in order of precedence.
const KINDS: [(Removal, bool); 11] = [
    (Removal::Republish, true),
    (Removal::Ad, true),
    (Removal::Newsletter, true),
    (Removal::Donation, true),
    (Removal::Related, true),
    (Removal::Share, true),
    (Removal::Author, true),
    (Removal::Caption, true),
    (Removal::Comments, false),
    (Removal::Navigation, false),
    (Removal::Furniture, false),
];

/// The bits of [`KINDS`] that one word names.
fn word_kinds(w: &str) -> u16 {
    const REPUBLISH: u16 = 1;
    const AD: u16 = 1 << 1;
    const NEWSLETTER: u16 = 1 << 2;
    const DONATION: u16 = 1 << 3;
    const RELATED: u16 = 1 << 4;
    const SHARE: u16 = 1 << 5;
    const AUTHOR: u16 = 1 << 6;
    const CAPTION: u16 = 1 << 7;
    const COMMENTS: u16 = 1 << 8;
    const NAVIGATION: u16 = 1 << 9;
    const FURNITURE: u16 = 1 << 10;
    let mut mask = match w {
        "ad" | "ads" | "adslot" | "adunit" | "adsense" | "dfp" | "gpt" | "arcad" | "promoted" | "nativo" | "zergnet"
        | "googletag" | "leaderboard" | "mpu" | "dianomi" => AD,
        "signup" | "optin" | "mailchimp" | "mc4wp" | "emailsignup" => NEWSLETTER,
        "membership" | "fundraising" | "pledge" | "supportus" => DONATION,
        "related" | "readmore" | "morestories" | "alsoread" | "yarpp" | "jprelatedposts" | "trending" | "mostread"
        | "mostpopular" | "popular" | "upnext" | "readnext" | "explore" | "inlinerelated" | "moreon" | "morefrom"
        | "youmaylike" => RELATED,
        "share" | "sharing" | "social" | "socials" | "a2a" | "shareaholic" | "sharetools" => SHARE,
        "bio" | "byline" | "author" | "authors" => AUTHOR,
        "caption" | "credit" | "credits" | "figcaption" => CAPTION,
        "comment" | "comments" | "respond" | "replies" => COMMENTS,
        "breadcrumb" | "breadcrumbs" | "pagination" | "pager" | "navigation" | "menu" | "skip" | "toolbar" | "banner"
        | "complementary" | "contentinfo" | "search" => NAVIGATION,
        "sidebar" | "widget" | "rail" | "sticky" | "popup" | "modal" | "overlay" | "cookie" | "gdpr" | "consent"
        | "paywall" | "tags" | "taglist" | "posttags" | "categories" | "meta" | "postmeta" | "entrymeta" | "articlemeta"
        | "timestamp" | "readingtime" | "cta" | "promo" | "promotion" | "footer" | "header" | "print" | "tools"
        | "disclaimer" | "alert" | "tooltip" | "dialog" | "piano" | "engage" | "subnav" | "masthead" | "submitted"
        // "robots-nocontent", "nocontent": what a site marks for search engines as not its content.
        | "nocontent" => FURNITURE,
        _ => 0,
    };
    // "toolbar" is both a navigation word and a furniture ending.
    if w.ends_with("tools") || w.ends_with("toolbar") {
        mask |= FURNITURE;
    }
    if w.len() < 5 {
        // Every prefix and infix below is at least five bytes long.
        return mask;
    }
    if w.starts_with("advert") || w.starts_with("sponsor") {
        mask |= AD;
    }
    if w.starts_with("donat") {
        mask |= DONATION;
    }
    if w.starts_with("relatedpost") || w.starts_with("recommend") {
        mask |= RELATED;
    }
    // The infixes, all in one scan of the word (one automaton instead of a substring search per
    // infix: this runs on every word of every element).
    static INFIXES: LazyLock<(AhoCorasick, Vec<u16>)> = LazyLock::new(|| {
        let table: &[(&str, u16)] = &[
            ("republish", REPUBLISH),
            ("outbrain", AD),
            ("taboola", AD),
            ("adcontainer", AD),
            ("adwrapper", AD),
            ("newsletter", NEWSLETTER),
            ("subscribe", NEWSLETTER),
            ("recirc", RELATED),
            ("sharebar", SHARE),
            ("sharedaddy", SHARE),
            ("addthis", SHARE),
            ("addtoany", SHARE),
            ("sharebutton", SHARE),
            ("authorbio", AUTHOR),
            ("authorbox", AUTHOR),
            ("authorcard", AUTHOR),
            ("aboutauthor", AUTHOR),
            ("aboutthe", AUTHOR),
            ("authorinfo", AUTHOR),
            ("postauthor", AUTHOR),
            ("authordetails", AUTHOR),
            ("bylines", AUTHOR),
            ("articleauthor", AUTHOR),
            ("contributorbio", AUTHOR),
            ("wpcaptiontext", CAPTION),
            ("photocredit", CAPTION),
            ("imagecredit", CAPTION),
            ("disqus", COMMENTS),
        ];
        let automaton = AhoCorasick::new(table.iter().map(|(p, _)| p)).expect("valid patterns");
        (automaton, table.iter().map(|(_, bit)| *bit).collect())
    });
    let (automaton, bits) = &*INFIXES;
    for m in automaton.find_overlapping_iter(w) {
        // "subscriber-preview", "subscriber-only": a paywalled story's own paragraphs (TownNews's
        // BLOX sites hold the lede in the first), not a sign-up form.
        if w[m.end()..].starts_with('r') && &w[m.start()..m.end()] == "subscribe" {
            continue;
        }
        mask |= bits[m.pattern().as_usize()];
    }
    mask
}

/// Words that mark a container as holding the article: these veto weak furniture words.
pub fn is_content_word(word: &str) -> bool {
    matches!(
        word,
        "article" | "articlebody" | "body" | "content" | "entry" | "entrycontent" | "main" | "post" | "postcontent"
            | "story" | "storybody" | "text" | "prose" | "richtext" | "column" | "blog"
    )
}

/// Class words that raise or lower a candidate's score (as in Readability).
pub fn class_weight(words: &[String]) -> f32 {
    let mut weight = 0.0;
    if words.iter().any(|w| {
        matches!(
            w.as_str(),
            "article" | "articlebody" | "body" | "content" | "entry" | "entrycontent" | "hentry" | "main" | "page"
                | "post" | "postcontent" | "text" | "blog" | "story" | "storybody" | "prose" | "richtext"
        )
    }) {
        weight += 25.0;
    }
    if by_words(words).is_some() || words.iter().any(|w| matches!(w.as_str(), "hidden" | "combx" | "shoutbox" | "extra" | "supplemental")) {
        weight -= 25.0;
    }
    weight
}

/// The phrases a furniture line opens with ("READ MORE: ...", "Advertisement"), one pattern per
/// first word: `^\s*(?:phrase|...)\b` is one alternation, so a text matches it when it matches the
/// part for its own first word, and only that part is built. (What may follow the phrase, a colon
/// or an arrow, is optional and so does not change whether the line matches.)
static FURNITURE_TEXT: [(&str, Pattern); 46] = [
    ("read", Pattern::new(r"(?i)^\s*(?:read more|read also|read next)\b")),
    ("related", Pattern::new(r"(?i)^\s*related(?: coverage| stories| articles| content)?\b")),
    ("see", Pattern::new(r"(?i)^\s*see (?:also|more)\b")),
    ("also", Pattern::new(r"(?i)^\s*also read\b")),
    ("recommended", Pattern::new(r"(?i)^\s*recommended(?: reading)?\b")),
    ("more", Pattern::new(r"(?i)^\s*(?:more from\b|more on this\b|more\s*:)")),
    ("most", Pattern::new(r"(?i)^\s*most (?:read|popular|viewed|shared)\b")),
    ("trending", Pattern::new(r"(?i)^\s*trending\b")),
    ("top", Pattern::new(r"(?i)^\s*top stories\b")),
    // A story's tags, a list of links under a label.
    ("tags", Pattern::new(r"(?i)^\s*tags\b")),
    ("tagged", Pattern::new(r"(?i)^\s*tagged\b")),
    ("filed", Pattern::new(r"(?i)^\s*filed under\b")),
    ("watch", Pattern::new(r"(?i)^\s*watch\b")),
    ("listen", Pattern::new(r"(?i)^\s*listen\b")),
    ("click", Pattern::new(r"(?i)^\s*click here\b")),
    ("sign", Pattern::new(r"(?i)^\s*sign up for\b")),
    ("subscribe", Pattern::new(r"(?i)^\s*subscribe to\b")),
    ("get", Pattern::new(r"(?i)^\s*get (?:our|the) .{0,40}newsletter\b")),
    ("support", Pattern::new(r"(?i)^\s*support (?:our|independent|nonprofit|local) journalism\b")),
    ("donate", Pattern::new(r"(?i)^\s*donate\b")),
    ("become", Pattern::new(r"(?i)^\s*become a member\b")),
    ("don", Pattern::new(r"(?i)^\s*don['’]t miss\b")),
    ("you", Pattern::new(r"(?i)^\s*you (?:may|might) (?:also )?(?:like|enjoy)\b")),
    ("advert", Pattern::new(r"(?i)^\s*advert(?:isement)?\b")),
    ("sponsored", Pattern::new(r"(?i)^\s*sponsored content\b")),
    ("share", Pattern::new(r"(?i)^\s*share this\b")),
    // Markers an ad slot or a paywall teaser leaves in the text.
    ("story", Pattern::new(r"(?i)^\s*story continues (?:below|after)\b")),
    ("article", Pattern::new(r"(?i)^\s*article continues (?:below|after)\b")),
    ("continue", Pattern::new(r"(?i)^\s*continue reading (?:below|after|the main story)\b")),
    // The credit of a photo the embed leaves out.
    ("photo", Pattern::new(r"(?i)^\s*(?:photo|photos|photograph|photography)(?:\s+by\b|\s*:)")),
    ("credit", Pattern::new(r"(?i)^\s*credit\s*:")),
    ("image", Pattern::new(r"(?i)^\s*(?:image|images)(?:\s+(?:source|credit)s?)?(?:\s+by\b|\s*:)")),
    ("picture", Pattern::new(r"(?i)^\s*pictures?(?:\s+by\b|\s*:)")),
    ("see", Pattern::new(r"(?i)^\s*see (?:the )?(?:photos|pictures|images|gallery|slideshow)\b")),
    // A widget's question, a page's pager, a call to comment or to write in.
    ("was", Pattern::new(r"(?i)^\s*was this (?:article|story|post|page|information) (?:helpful|useful)\b")),
    ("continued", Pattern::new(r"(?i)^\s*continued on (?:the )?next page\b")),
    ("what", Pattern::new(r"(?i)^\s*what do you think\?.{0,60}\bcomment")),
    ("tell", Pattern::new(r"(?i)^\s*tell us what you think(?:\W*$|\s+(?:in the comments|below|of (?:this|the) (?:story|article))\b)")),
    ("send", Pattern::new(r"(?i)^\s*send (?:a|us a) letter to the editor\b")),
    ("join", Pattern::new(r"(?i)^\s*join the (?:conversation|discussion)\b")),
    // Calls to the site's own readers.
    ("follow", Pattern::new(r"(?i)^\s*follow us on\b")),
    ("have", Pattern::new(r"(?i)^\s*have a (?:news )?tip\b")),
    // Only as a question: "Got a tip from a neighbour, she called the police" is the story's.
    ("got", Pattern::new(r"(?i)^\s*got a (?:news |story )?tip\?")),
    ("join", Pattern::new(r"(?i)^\s*join our\b")),
    // The site's copyright line ("Copyright 2025 …", "Copyright © …", "© 2025 …"; "© Ann Roe",
    // with no year, stays).
    ("copyright", Pattern::new(r"(?i)^\s*copyright\s*(?:©|\(c\)|[0-9]{4})")),
    ("©", Pattern::new(r"^\s*©\s*[0-9]{4}")),
];

/// The heading over readers' comments: "4 thoughts on “Fair moves a week earlier”", "One
/// response to …", "12 Comments".
static COMMENT_COUNT: Pattern = Pattern::new(r"(?i)^\s*(?:\d+|one|no)\s+(?:thoughts?|comments?|responses?|replies|reactions?)(?:\s+(?:on|to)\b|\s*$)");
/// A line that is only a count of readers: "720 просмотров", "1.2K views", "3 456 Aufrufe".
static VIEW_COUNT: Pattern = Pattern::new(
    r"(?i)^\s*\d[\d.,\s]*[km]?\s*(?:views?|reads?|просмотр\w*|прочтени\w*|переглядів|aufrufe|vues|lectures|visitas|lecturas|visualizações|visualizzazioni|letture|weergaven|wyświetle\w*|görüntülenme|kali dibaca|dibaca)\s*$",
);

/// The same labels in other languages ("Baca juga:", "Lesen Sie auch", "Читайте также", "相关阅读",
/// "관련기사"), over a link to another story or a list of them: phrases in lower case, with their
/// usual spellings without accents. A phrase opens the line after any punctuation or symbols ("»",
/// "["); a phrase of a script written with spaces then ends at a word's end, while Chinese,
/// Japanese, Korean and Thai labels run straight into what follows. Plain lists rather than
/// patterns: most lines are English, and a case-insensitive pattern of this many scripts costs a
/// `republish embed` more to build than the rest of its page.
const RELATED_LABELS_ABROAD: &[&str] = &[
    // Spanish, Portuguese, French, Italian
    "lee también", "lee tambien", "lea también", "lea tambien", "leer también", "leer tambien", "lee más", "lee mas", "lea más", "lea mas",
    "leer más", "leer mas", "también te puede interesar", "tambien te puede interesar", "te puede interesar", "le puede interesar",
    "noticias relacionadas", "artículos relacionados", "articulos relacionados", "contenido relacionado", "notas relacionadas", "relacionado",
    "relacionada", "relacionados", "relacionadas", "ver también", "ver tambien", "mira también", "mira tambien", "te recomendamos",
    "lo más leído", "lo mas leido", "leia também", "leia tambem", "leia mais", "veja também", "veja tambem", "veja mais", "saiba mais",
    "confira também", "confira tambem", "notícias relacionadas", "matérias relacionadas", "materias relacionadas", "artigos relacionados",
    "mais lidas", "mais lidos", "à lire aussi", "a lire aussi", "lire aussi", "à lire également", "lire également", "lire egalement",
    "lire la suite", "à voir aussi", "voir aussi", "sur le même sujet", "sur le meme sujet", "articles similaires", "articles liés",
    "articles lies", "articles associés", "en savoir plus", "les plus lus", "leggi anche", "leggi pure", "leggi di più", "potrebbe interessarti",
    "ti potrebbe interessare", "articoli correlati", "notizie correlate", "correlati", "correlate", "vedi anche", "per approfondire",
    "i più letti", "i piu letti",
    // German, Dutch, Scandinavian, Finnish
    "lesen sie auch", "lesen sie mehr", "lesen sie hier", "mehr zum thema", "das könnte sie auch interessieren", "könnte sie auch interessieren",
    "das könnte sie interessieren", "auch interessant", "weitere artikel", "ähnliche artikel", "verwandte artikel", "weitere beiträge",
    "ähnliche beiträge", "weitere nachrichten", "siehe auch", "weiterlesen", "meistgelesen", "lees ook", "lees meer", "lees verder", "zie ook",
    "gerelateerde artikelen", "gerelateerd", "läs också", "läs även", "läs mer", "les også", "les mer", "læs også", "læs mere", "relaterat",
    "relatert", "relateret", "lue myös", "lue lisää",
    // Polish, Czech, Slovak, Hungarian, Romanian, Croatian, Serbian, Slovene
    "czytaj też", "czytaj także", "czytaj również", "czytaj więcej", "czytaj tez", "czytaj takze", "zobacz też", "zobacz także", "zobacz również",
    "zobacz tez", "przeczytaj też", "przeczytaj także", "przeczytaj również", "polecamy", "powiązane", "najczęściej czytane", "čtěte také",
    "čtěte též", "ctete take", "přečtěte si také", "přečtěte si též", "související", "souvisejici", "mohlo by vás zajímat", "prečítajte si aj",
    "prečítajte si tiež", "čítajte aj", "čítajte tiež", "súvisiace", "olvasd el", "kapcsolódó", "ezt is ajánljuk", "citește și", "citeşte şi",
    "citeste si", "vezi și", "vezi şi", "vezi si", "pročitajte i", "pročitajte još", "procitajte i", "povezane vijesti", "povezane vesti",
    "preberite še",
    // Cyrillic, Greek, Turkish
    "читайте также", "читайте тоже", "читайте ще", "читайте також", "читайте още", "читать также", "по теме", "по темі", "смотрите также",
    "дивіться також", "еще по теме", "ещё по теме", "самое читаемое", "самое популярное", "прочетете още", "прочетете също", "вижте още",
    "вижте също", "прочитајте и", "прочитајте још", "διαβάστε επίσης", "διαβάστε ακόμα", "διαβάστε ακόμη", "σχετικά άρθρα", "σχετικά θέματα",
    "δείτε επίσης", "δείτε ακόμα", "ilgili haberler", "i̇lgili haberler", "ilgili haber", "i̇lgili haber", "ilgili içerikler", "ayrıca okuyun",
    "ayrıca bakınız", "bunlar da ilginizi çekebilir", "ilginizi çekebilir",
    // Indonesian, Malay, Tagalog, Vietnamese, Swahili
    "baca juga", "baca pula", "baca selengkapnya", "berita terkait", "artikel terkait", "berita lainnya", "artikel lainnya", "simak juga",
    "simak selengkapnya", "lihat juga", "basahin din", "basahin rin", "đọc thêm", "xem thêm", "tin liên quan", "tin khác", "bài liên quan",
    "bài viết liên quan", "có thể bạn quan tâm", "soma pia", "soma zaidi",
    // Arabic, Persian, Urdu, Hebrew, Hindi, Bengali
    "اقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "إقرأ أيضا", "إقرأ أيضاً", "اقرأ المزيد", "مواضيع ذات صلة", "أخبار ذات صلة", "اخبار ذات صلة",
    "مقالات ذات صلة", "ذات صلة", "بیشتر بخوانید", "مطالب مرتبط", "اخبار مرتبط", "یہ بھی پڑھیں", "مزید پڑھیں", "קראו עוד", "קראו גם",
    "כתבות נוספות", "ידיעות נוספות", "עוד בנושא", "यह भी पढ़ें", "ये भी पढ़ें", "इसे भी पढ़ें", "इन्हें भी पढ़ें", "संबंधित खबरें",
    "संबंधित ख़बरें", "सम्बंधित खबरें", "और पढ़ें", "আরও পড়ুন", "আরো পড়ুন",
    // Chinese, Japanese, Korean, Thai
    "相关新闻", "相关阅读", "相关文章", "相关报道", "相关推荐", "相關新聞", "相關閱讀", "相關文章", "相關報導", "相關推薦", "延伸阅读", "延伸閱讀",
    "推荐阅读", "推薦閱讀", "更多阅读", "更多新闻", "阅读更多", "関連記事", "関連ニュース", "関連リンク", "あわせて読みたい", "合わせて読みたい",
    "こちらもおすすめ", "おすすめ記事", "관련기사", "관련 기사", "관련뉴스", "관련 뉴스", "추천기사", "추천 기사", "함께 보면 좋은", "함께 볼만한",
    "많이 본 기사", "많이 본 뉴스", "เรื่องที่เกี่ยวข้อง", "ข่าวที่เกี่ยวข้อง", "บทความที่เกี่ยวข้อง", "อ่านเพิ่มเติม", "อ่านต่อ",
];

/// The site's calls to its readers in other languages to follow it ("Síguenos en", "Folgen Sie
/// uns", "Suivez-nous"), as [`RELATED_LABELS_ABROAD`] opens a line.
const FOLLOW_CALLS_ABROAD: &[&str] = &[
    "síguenos", "siguenos", "síganos", "siganos", "folgen sie uns", "folge uns", "suivez-nous", "siga-nos", "sigam-nos", "seguici", "volg ons",
    "obserwuj nas", "sledujte nás", "sledujte nas", "подписывайтесь на нас", "следите за нами", "підписуйтесь на нас", "bizi takip edin",
    "ikuti kami", "theo dõi chúng tôi",
];

/// The imperatives that invite a reader to the outlet's channel on a messenger or a news app, in
/// English and other languages ("📲 Participe do canal do g1 no WhatsApp", "Join our WhatsApp
/// channel", "Ikuti saluran WhatsApp kami", "Follow us on Google News"): with the app's name, a
/// line of the page's own, not the story's.
const CHANNEL_CALLS: &[&str] = &[
    "join", "follow", "subscribe", "click here to join", "get the latest", "participe", "siga", "entre no", "entre na", "acesse", "receba", "únete", "unete",
    "síguenos", "siguenos", "suscríbete", "suscribete", "ikuti", "gabung", "bergabung", "rejoignez", "suivez", "abonnez-vous", "folgen sie", "folge", "abonniere",
    "tritt", "segui", "iscriviti", "unisciti", "подписывайтесь", "подпишитесь", "присоединяйтесь", "dołącz", "obserwuj", "katılın", "takip edin",
    "recibe", "reciba", "haz clic aquí", "da clic aquí", "dale clic", "bizi", "dapatkan",
];

/// The apps and channels those calls name: messengers, news apps, a video channel.
const CHANNEL_APPS: &[&[u8]] = &[b"whatsapp", b"telegram", b"google news", b"google not\xc3\xadcias", b"google noticias", b"google actualit", b"youtube"];

/// The outlet's "follow us" anywhere in a short line, with where to ("Para más noticias, síguenos
/// en nuestras redes sociales", "Bizi Google News üzerinden takip edin"): the page's own line.
/// The call first, as bytes matched with ASCII letters in any case.
const FOLLOW_US: &[&[u8]] = &[b"follow us", b"s\xc3\xadguenos", b"siguenos", b"s\xc3\xadganos", b"siganos", b"folgen sie uns", b"suivez-nous", b"seguici", b"siga-nos", b"sigam-nos", b"takip edin"];
/// Where the call sends the reader.
const SOCIAL_PLACES: &[&[u8]] = &[
    b"redes sociales", b"redes sociais", b"social media", b"sociale netwerken", b"sozialen medien", b"r\xc3\xa9seaux sociaux", b"social", b"facebook", b"instagram",
    b"twitter", b"youtube", b"tiktok", b"telegram", b"whatsapp", b"google news",
];

/// The imperatives that open a newsletter pitch in other languages ("Suscríbete a nuestro boletín",
/// "Abonnieren Sie unseren Newsletter"); the pitch must also name the newsletter
/// ([`NEWSLETTER_NAMES`]).
const NEWSLETTER_CALLS_ABROAD: &[&str] = &[
    "suscríbete", "suscribete", "suscríbase", "suscribase", "regístrate", "registrate", "apúntate", "apuntate", "recibe", "abonnieren sie",
    "abonniere", "melden sie sich", "bestellen sie", "inscrivez-vous", "abonnez-vous", "recevez", "inscreva-se", "assine", "receba",
    "cadastre-se", "iscriviti", "abbonati", "ricevi", "schrijf je in", "meld je aan", "abonneer", "zapisz się", "zapisz sie", "zasubskrybuj",
    "jetzt den", "jetzt unseren", "jetzt kostenlos",
    "подпишитесь", "підпишіться", "abone ol", "daftar", "berlangganan", "đăng ký",
];
/// What a newsletter is called in those languages.
const NEWSLETTER_NAMES: &[&str] = &["newsletter", "boletín", "boletin", "nieuwsbrief", "rassegna", "рассылк", "розсилк", "bülten", "buletin", "bản tin"];

/// A blog's links between posts and to its comment form, and the buttons that load more of the
/// page: a line that is nothing else ("Next post →", "Write a comment", "Kommentare schreiben",
/// "Lade weitere Inhalte …").
const POST_NAVIGATION: &[&str] = &[
    "next post", "previous post", "older posts", "newer posts", "older post", "newer post", "next article", "previous article", "next story",
    "previous story", "write a comment", "leave a comment", "leave a reply", "post a comment", "add a comment", "comments are closed",
    "comments closed", "load more", "show more", "kommentar schreiben", "kommentare schreiben", "kommentare geschlossen",
    "kommentare sind geschlossen", "lade weitere inhalte", "mehr laden", "weitere laden", "weiterführender link", "weiterführende links",
    "nächster beitrag", "vorheriger beitrag", "article suivant", "article précédent", "laisser un commentaire", "charger plus",
    "artículo siguiente", "artículo anterior", "deja un comentario", "cargar más", "показать еще", "показать ещё", "загрузить еще",
    "загрузить ещё", "оставить комментарий", "comments", "kommentare", "commentaires", "comentarios", "comentários", "commenti", "комментарии",
];

/// How a blog files the post under its categories, after the text: "This entry was posted in
/// News by Ann Roe. Bookmark the permalink.", "Dieser Eintrag wurde veröffentlicht in …".
const POST_FILING: &[&str] = &[
    "this entry was posted in", "this entry was posted on", "this entry was filed under", "this post was posted in", "dieser eintrag wurde veröffentlicht",
    "dieser beitrag wurde veröffentlicht", "cette entrée a été publiée", "esta entrada fue publicada",
];

/// The marker an ad slot leaves, in other languages ("Anzeige", "Publicidad", "Реклама",
/// "광고"): the whole text, give or take punctuation.
const AD_MARKERS_ABROAD: &[&str] = &[
    "anuncio", "anúncio", "publicidad", "publicidade", "publicité", "publicite", "pubblicità", "pubblicita", "anzeige", "werbung", "reklama", "reklame", "reklam",
    "реклама", "advertentie", "annonce", "iklan", "mainos", "hirdetés", "hirdetes", "διαφήμιση", "quảng cáo", "โฆษณา", "広告", "광고", "إعلان",
    "اعلان", "פרסומת", "विज्ञापन", "gesponsert", "patrocinado", "sponsorisé", "sponsorise",
];

/// The line an ad break leaves in the text, telling the reader the story goes on after it, in
/// English and other languages: the whole text, give or take punctuation.
const AD_BREAK_LINES: &[&str] = &[
    "scroll to continue with content", "scroll to continue reading", "continúa leyendo", "continua leyendo", "sigue leyendo", "continúa después de la publicidad",
    "continua após a publicidade", "continua depois da publicidade", "continue lendo após a publicidade", "la suite après cette publicité",
    "la suite après la publicité", "artikel geht unter der anzeige weiter", "artikel wird unter der anzeige fortgesetzt", "weiter nach der anzeige",
    "l'articolo continua dopo la pubblicità", "l’articolo continua dopo la pubblicità", "continua a leggere dopo la pubblicità", "scroll untuk melanjutkan",
    "lanjutkan membaca", "gulir untuk melanjutkan", "продолжение после рекламы", "devamı reklamdan sonra", "haberin devamı reklamdan sonra",
];

/// The text a script's widget leaves when scripts do not run: a slideshow's, a video's, a comment
/// thread's (Jetpack's "This slideshow requires JavaScript.").
const SCRIPT_PLACEHOLDERS: &[&str] = &[
    "this slideshow requires javascript", "this gallery requires javascript", "this video requires javascript", "this content requires javascript",
    "this embed requires javascript", "please enable javascript to view the comments powered by disqus", "please enable javascript to view this content",
    "please enable javascript to view this video", "javascript is required to view this content", "you need to enable javascript to view this content",
];

/// The label over a page's share buttons, in other languages: the whole text, give or take
/// punctuation ("Comparte esta noticia", "Artikel teilen", "Поделиться").
const SHARE_LINES_ABROAD: &[&str] = &[
    "comparte", "comparte esta noticia", "comparte esta nota", "comparte este artículo", "compartir", "compartir esta noticia", "compartir en redes",
    "compartilhe", "compartilhar", "compartilhe esta notícia", "compartilhe esta matéria", "partager", "partagez", "partager cet article",
    "partagez cet article", "condividi", "condividi questo articolo", "condividi l'articolo", "teilen", "artikel teilen", "diesen artikel teilen",
    "beitrag teilen", "deel dit artikel", "artikel delen", "udostępnij", "udostępnij artykuł", "sdílet", "sdílet článek", "поделиться",
    "поделиться новостью", "поділитися", "paylaş", "haberi paylaş", "bagikan", "bagikan artikel ini", "chia sẻ", "chia sẻ bài viết", "分享",
    "分享到", "分享至", "シェア", "共有", "공유하기", "기사 공유", "شارك", "مشاركة", "שתפו", "שתף", "साझा करें", "शेयर करें",
];

/// The outlet's invitation to its own app or alerts, in English and other languages ("Download our
/// app", "Descarga nuestra app y recibe…", "Baixe nosso aplicativo", "Activa las notificaciones"):
/// with the possessive, which a story's "download the county's app" does not have.
const APP_CALLS: &[&str] = &[
    "download our app", "download our free app", "download our news app", "get our app", "get our free app", "descarga nuestra app",
    "descarga nuestra aplicación", "descargue nuestra app", "descargue nuestra aplicación", "baixe nosso app", "baixe nosso aplicativo",
    "baixe o nosso app", "baixe o nosso aplicativo", "téléchargez notre application", "téléchargez notre appli", "téléchargez notre app",
    "scarica la nostra app", "laden sie unsere app", "lade dir unsere app", "hol dir unsere app", "download onze app", "pobierz naszą aplikację",
    "скачайте наше приложение", "завантажте наш застосунок", "uygulamamızı indirin", "unduh aplikasi kami", "tải ứng dụng của chúng tôi",
    // The outlet's alerts.
    "turn on notifications", "turn on push notifications", "enable notifications", "enable push notifications", "activa las notificaciones",
    "activa las alertas", "activez les notifications", "ative as notificações", "attiva le notifiche", "aktivieren sie die benachrichtigungen",
];

/// "All rights reserved" and its equivalents: a notice of the site's, not the story's.
const RIGHTS_RESERVED: &[&str] = &[
    "all rights reserved", "todos los derechos reservados", "todos os direitos reservados", "tous droits réservés", "tous droits reserves",
    "riproduzione riservata", "tutti i diritti riservati", "alle rechte vorbehalten", "alle rechten voorbehouden", "wszelkie prawa zastrzeżone",
    "všechna práva vyhrazena", "все права защищены", "усі права захищені", "всі права захищені", "tüm hakları saklıdır", "hak cipta dilindungi",
    "版权所有", "版權所有", "無断転載禁止", "무단전재 및 재배포 금지", "무단 전재 및 재배포 금지", "جميع الحقوق محفوظة", "כל הזכויות שמורות",
    "सर्वाधिकार सुरक्षित",
];

/// A notice that forbids copying the page ("Prohibida su reproducción total o parcial…"): a line
/// that opens with one is the site's, whatever follows.
const REPRODUCTION_NOTICES: &[&str] = &[
    "prohibida su reproducción", "prohibida la reproducción", "queda prohibida la reproducción", "se prohíbe la reproducción", "é proibida a reprodução",
    "proibida a reprodução", "reproduction interdite", "toute reproduction interdite", "vietata la riproduzione", "è vietata la riproduzione",
    "nachdruck verboten", "перепечатка запрещена", "перепечатка материалов",
];

/// A line that is a rights notice ("Todos los derechos reservados.", "© RIPRODUZIONE
/// RISERVATA", "Все права защищены. © 2026", "Valle Ledger 2026 | Alle Rechte vorbehalten"): the
/// notice opens or closes the line, and the rest is the copyright's few words (a "©", a year, a
/// bar before the site's name). Not a story's sentence that holds the words ("The deal kept all
/// rights reserved to the author"), nor a block that holds a line of the story before the notice.
/// Or a line that opens with one of [`REPRODUCTION_NOTICES`].
fn is_rights_notice(text: &str) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '。' | '|'));
    let copyright_words = |rest: &str| {
        let rest = rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '。'));
        rest.is_empty()
            || (rest.split_whitespace().count() <= 8
                && (rest.contains(['©', '|']) || rest.contains("copyright") || rest.split(|c: char| !c.is_ascii_digit()).any(|n| n.len() == 4)))
    };
    RIGHTS_RESERVED.iter().any(|notice| {
        let opens = lower.strip_prefix(notice).is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()) && copyright_words(rest));
        let closes = lower.strip_suffix(notice).is_some_and(|before| {
            let before = before.trim_end();
            (before.is_empty() || before.ends_with(['.', '©', '|', '-', '–', '—', '。']) || before.ends_with(|c: char| c.is_ascii_digit())) && copyright_words(before)
        });
        opens || closes
    }) || REPRODUCTION_NOTICES.iter().any(|notice| lower.starts_with(notice))
}

/// The credit of a picture the embed leaves out, in other languages: "Foto: EFE", "(Foto
/// ilustrativa: Archivo)", "Fotografía de Ana Ruiz", "Bild: dpa", "Crédit photo : AFP".
static PHOTO_CREDIT_ABROAD: Pattern = Pattern::new(
    r"(?i)^\W*(?:foto(?:s|grafía|grafia|grafie|graf)?|imagen|imagem|immagine|bild(?:er)?|cr[ée]dits?\s+photos?|photo|фото|fotoğraf|ảnh)(?:\s*(?:\p{L}+\s*)?(?::|：)|\s+(?:por|de|di|von|par|da|do|by)\s+(?-i:\p{Lu}))",
);

/// A picture's copyright inside its caption ("Jewels after Jewels, installation views, photos ©
/// Inexhibit, 2018", "Foto © dpa", "Image: © Ann Roe"): the word for the picture, then the sign.
static PICTURE_COPYRIGHT: Pattern = Pattern::new(r"(?i)(?:photos?|photographs?|pictures?|images?|fotos?|fotografías?|bild|bilder|immagini|immagine|imagen|imagens|imágenes)\s*(?:by\s+|:\s*)?(?:©|\(c\)|copyright)");

/// Editors' initials closing a story, as Indonesian papers sign it: "(rdw/imk)", "(nwy/nwy)".
fn is_editors_initials(text: &str) -> bool {
    let Some(inner) = text.trim().strip_prefix('(').and_then(|t| t.strip_suffix(')')) else { return false };
    let parts: Vec<&str> = inner.split('/').map(str::trim).collect();
    (2..=4).contains(&parts.len()) && parts.iter().all(|p| (2..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()))
}

/// The line's opening as [`opens_with_phrase`] reads it: lower case, from its first letter or digit
/// on (past any punctuation or symbols), 40 characters at most.
fn lower_opening(text: &str) -> String {
    text.trim_start_matches(|c: char| c.is_whitespace() || (!c.is_alphanumeric() && !is_mark(c)))
        .chars()
        .take(40)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the line's [`lower_opening`] is one of `phrases` (lower case), and the phrase ends
/// there (at a word's end, for scripts written with spaces).
fn opens_with_phrase(opening: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|phrase| {
        opening.strip_prefix(phrase).is_some_and(|rest| {
            phrase.chars().last().is_some_and(written_without_spaces) || !rest.starts_with(|c: char| c.is_alphanumeric() || is_mark(c))
        })
    })
}

/// A combining mark (the vowel signs of Devanagari and Bengali, Arabic's harakat): part of a word.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{0610}'..='\u{061a}' | '\u{064b}'..='\u{065f}' | '\u{0900}'..='\u{0903}' | '\u{093a}'..='\u{094f}' | '\u{0981}'..='\u{0983}' | '\u{09bc}'..='\u{09cd}' | '\u{0e31}' | '\u{0e34}'..='\u{0e3a}' | '\u{0e47}'..='\u{0e4e}')
}

/// Whether the whole text is one of `lines` (lower case), give or take punctuation and case.
fn is_whole_line(text: &str, lines: &[&str]) -> bool {
    let line = text.trim_matches(|c: char| c.is_whitespace() || (!c.is_alphanumeric() && !is_mark(c)));
    lines.contains(&line.to_lowercase().as_str())
}

/// Whether the whole text is one of `markers` (lower case), give or take punctuation around it.
fn is_marker(text: &str, markers: &[&str]) -> bool {
    let word = text.trim_matches(|c: char| c.is_whitespace() || (!c.is_alphanumeric() && !is_mark(c)));
    word.chars().count() <= 20 && markers.contains(&word.to_lowercase().as_str())
}

static NEWSLETTER_PITCH: Pattern = Pattern::new(
    r"(?i)(?:^|[.!?:\[(]\s*)(?:(?:get|receive)\b.{0,60}\b(?:in|to|into) your inbox\b|(?:subscribe|sign up) (?:to|for)\b.{0,60}\bnewsletters?\b)",
);

/// A picture's file name standing for the picture ("skimming scheme seized cash and cards.jpg",
/// "google.JPG": the text of a lazy image's placeholder on Advance Local's sites).
fn is_image_file_name(text: &str) -> bool {
    let text = text.trim();
    text.len() < 120
        && text.rsplit_once('.').is_some_and(|(stem, extension)| {
            !stem.is_empty() && ["jpg", "jpeg", "png", "gif", "webp", "tif", "tiff", "avif"].iter().any(|e| extension.eq_ignore_ascii_case(e))
        })
}

/// A short block whose text itself says it is furniture ("READ MORE: ...", "Advertisement").
pub fn by_text(text: &str, link_density: f32) -> Option<Removal> {
    // Characters, not bytes: a Thai or Cyrillic line of 120 letters is as short as an English one.
    if text.len() > 300 && (text.len() > 1200 || text.chars().count() > 300) {
        return None;
    }
    // (?i) also folds the long s and the Kelvin sign to ASCII letters: a text with either may
    // open with any phrase.
    let opening = text.trim_start_matches(char::is_whitespace).as_bytes();
    let exotic = text.contains(['ſ', '\u{212a}']);
    let furniture = FURNITURE_TEXT.iter().any(|(first, pattern)| {
        (exotic || opening.get(..first.len()).is_some_and(|o| o.eq_ignore_ascii_case(first.as_bytes()))) && pattern.is_match(text)
    });
    // (A sentence that opens with a count of comments is the story's: it ends like one.)
    let counted = opening.first().is_some_and(|b| b.is_ascii_digit() || matches!(b.to_ascii_lowercase(), b'o' | b'n'));
    if !furniture && counted && !text.trim_end().ends_with('.') && COMMENT_COUNT.is_match(text) {
        return Some(Removal::Comments);
    }
    if !furniture && is_image_file_name(text) {
        return Some(Removal::Image);
    }
    if !furniture && text.len() < 60 && opening.first().is_some_and(u8::is_ascii_digit) && VIEW_COUNT.is_match(text) {
        return Some(Removal::Furniture);
    }
    // The story's tags as hashtags ("#новость #цб #юmoney"), linked to the tag pages.
    if !furniture && link_density >= 0.9 && opening.first() == Some(&b'#') {
        let mut tags = text.split_whitespace();
        if tags.clone().count() >= 2 && tags.all(|t| t.starts_with('#') && t.len() > 1) {
            return Some(Removal::Navigation);
        }
    }
    if !furniture {
        let lowered = lower_opening(text);
        if opens_with_phrase(&lowered, RELATED_LABELS_ABROAD) {
            return (link_density >= 0.4).then_some(Removal::Related);
        }
        if text.len() < 60 && is_marker(text, AD_MARKERS_ABROAD) {
            return Some(Removal::Ad);
        }
        if text.len() < 80 && is_whole_line(text, AD_BREAK_LINES) {
            return Some(Removal::Ad);
        }
        if text.len() < 100 && is_whole_line(text, SCRIPT_PLACEHOLDERS) {
            return Some(Removal::Media);
        }
        if text.len() < 80 && is_whole_line(text, SHARE_LINES_ABROAD) {
            return Some(Removal::Share);
        }
        if text.len() < 200 && opens_with_phrase(&lowered, APP_CALLS) {
            return Some(Removal::Share);
        }
        if text.len() < 160 && is_rights_notice(text) {
            return Some(Removal::Furniture);
        }
        if text.len() < 120 && ["foto", "imag", "imma", "bild", "cr", "photo", "фото", "ảnh"].iter().any(|w| lowered.starts_with(w)) && PHOTO_CREDIT_ABROAD.is_match(text) {
            return Some(Removal::Caption);
        }
        let copyright_sign = || text.contains('©') || contains_ignore_ascii_case(text.as_bytes(), b"(c)") || contains_ignore_ascii_case(text.as_bytes(), b"copyright");
        if text.len() < 200 && copyright_sign() && PICTURE_COPYRIGHT.is_match(text) {
            return Some(Removal::Caption);
        }
        if text.len() < 30 && is_editors_initials(text) {
            return Some(Removal::Furniture);
        }
        if text.len() < 60 && is_marker(text, POST_NAVIGATION) {
            return Some(Removal::Navigation);
        }
        if text.len() < 300 && opens_with_phrase(&lowered, POST_FILING) {
            return Some(Removal::Furniture);
        }
        if opens_with_phrase(&lowered, FOLLOW_CALLS_ABROAD) {
            return Some(Removal::Share);
        }
        if text.len() < 200 && opens_with_phrase(&lowered, CHANNEL_CALLS) && CHANNEL_APPS.iter().any(|app| contains_ignore_ascii_case(text.as_bytes(), app)) {
            return Some(Removal::Share);
        }
        // (The line opens a sentence: "<em>. Follow us on Twitter</em>" inside a writer's note is
        // the end of its sentence, whose other half would be left behind.)
        let opens_sentence = text.trim_start().chars().next().is_some_and(|c| !c.is_lowercase() && !matches!(c, '.' | ',' | ';' | ':' | ')'));
        if text.len() < 150
            && opens_sentence
            && FOLLOW_US.iter().any(|call| contains_ignore_ascii_case(text.as_bytes(), call))
            && SOCIAL_PLACES.iter().any(|place| contains_ignore_ascii_case(text.as_bytes(), place))
        {
            return Some(Removal::Share);
        }
        // A Chinese paper's call to follow its WeChat account ("请关注我们的微信公众号").
        if text.len() < 240 && text.contains("公众号") && ["关注", "扫码", "搜索"].iter().any(|verb| text.contains(verb)) {
            return Some(Removal::Share);
        }
        if opens_with_phrase(&lowered, NEWSLETTER_CALLS_ABROAD) && NEWSLETTER_NAMES.iter().any(|name| text.to_lowercase().contains(name)) {
            return Some(Removal::Newsletter);
        }
        // A newsletter pitch says what it is further in ("[What you need to know: Get Valley
        // Today in your inbox.]", "Like this story? Sign up for our newsletter."): short, with its
        // link, and an imperative that opens a sentence.
        let pitch = link_density > 0.0
            && text.len() < 250
            && may_contain_any(text, &["inbox", "newsletter", "Newsletter"])
            && NEWSLETTER_PITCH.is_match(text);
        return pitch.then_some(Removal::Newsletter);
    }
    let lower = text.to_lowercase();
    if lower.starts_with("advert") || lower.starts_with("sponsored") {
        return (text.len() < 40).then_some(Removal::Ad);
    }
    if lower.starts_with("sign up") || lower.starts_with("subscribe") || lower.starts_with("get our") || lower.starts_with("get the") {
        return Some(Removal::Newsletter);
    }
    if lower.starts_with("support") || lower.starts_with("donate") || lower.starts_with("become a member") {
        return Some(Removal::Donation);
    }
    if lower.starts_with("share this") || lower.starts_with("follow us") {
        return Some(Removal::Share);
    }
    if lower.starts_with("story") || lower.starts_with("article") || (lower.starts_with("continue") && !lower.starts_with("continued")) {
        return (text.len() < 60).then_some(Removal::Ad);
    }
    if lower.starts_with("photo") || lower.starts_with("credit") || lower.starts_with("image") || lower.starts_with("picture") {
        return (text.len() < 120).then_some(Removal::Caption);
    }
    // "See photos from this story:" over a gallery; "See the photos Ann took at the fair, on
    // view at the library through May." is the story's.
    if lower.starts_with("see") && !lower.starts_with("see also") && !lower.starts_with("see more") {
        let label = text.len() < 40 || text.trim_end().ends_with([':', '>', '›', '»']) || link_density >= 0.4;
        return label.then_some(Removal::Image);
    }
    if ["have", "got", "join", "copyright", "©", "was", "what", "tell", "send"].iter().any(|w| lower.starts_with(w)) {
        return Some(Removal::Furniture);
    }
    if lower.starts_with("continued") {
        return (text.len() < 60).then_some(Removal::Navigation);
    }
    // "Watch:" left over a video the embed leaves out.
    let label = lower.trim();
    if (label.starts_with("watch") || label.starts_with("listen")) && label.ends_with(':') && label.len() < 16 {
        return Some(Removal::Media);
    }
    // "Read more: <link>" lines are furniture only when they are mostly a link.
    (link_density >= 0.4).then_some(Removal::Related)
}

#[cfg(test)]
/// The former `words`, in attribute-reading order: the oracle `words` is tested against.
fn words_reference(element: &Element) -> Vec<String> {
    let mut out = Vec::new();
    let sources = element
        .classes()
        .chain(element.id())
        .chain(element.attr("role"))
        .chain(element.attr("data-component"))
        .chain(element.attr("data-module"))
        .chain(element.attr("data-testid"))
        .chain(element.attr("data-type"));
    for source in sources {
        // The char-by-char split, which the ASCII fast path of `split_words` must agree with.
        split_words_chars(source, &mut out);
    }
    out
}

#[cfg(test)]
/// The straightforward form of [`by_words`]: the oracle it is tested against.
fn by_words_reference(words: &[String]) -> Option<(Removal, bool)> {
    let has = |w: &str| words.iter().any(|x| x == w);
    let starts = |p: &str| words.iter().any(|x| x.starts_with(p));
    let contains = |p: &str| words.iter().any(|x| x.contains(p));
    let strong = |r: Removal| Some((r, true));
    if contains("republish") {
        return strong(Removal::Republish);
    }
    if has("ad") || has("ads") || starts("advert") || has("adslot") || has("adunit") || has("adsense") || has("dfp")
        || has("gpt") || has("arcad") || starts("sponsor") || has("promoted") || contains("outbrain")
        || contains("taboola") || has("nativo") || has("zergnet") || has("googletag") || contains("adcontainer")
        || contains("adwrapper") || has("leaderboard") || has("mpu") || has("dianomi")
    {
        return strong(Removal::Ad);
    }
    let subscribe = |x: &String| x.match_indices("subscribe").any(|(i, m)| !x[i + m.len()..].starts_with('r'));
    if contains("newsletter") || has("signup") || words.iter().any(subscribe) || has("optin") || has("mailchimp")
        || has("mc4wp") || has("emailsignup")
    {
        return strong(Removal::Newsletter);
    }
    if starts("donat") || has("membership") || has("fundraising") || has("pledge") || has("supportus") {
        return strong(Removal::Donation);
    }
    if has("related") || starts("relatedpost") || contains("recirc") || starts("recommend") || has("readmore")
        || has("morestories") || has("alsoread") || has("yarpp") || has("jprelatedposts") || has("trending")
        || has("mostread") || has("mostpopular") || has("popular") || has("upnext") || has("readnext")
        || has("explore") || has("inlinerelated") || has("moreon") || has("morefrom") || has("youmaylike")
    {
        return strong(Removal::Related);
    }
    if has("share") || has("sharing") || contains("sharebar") || contains("sharedaddy") || has("social")
        || has("socials") || contains("addthis") || contains("addtoany") || has("a2a") || has("shareaholic")
        || has("sharetools") || contains("sharebutton")
    {
        return strong(Removal::Share);
    }
    if contains("authorbio") || contains("authorbox") || contains("authorcard") || contains("aboutauthor")
        || contains("aboutthe") || contains("authorinfo") || contains("postauthor") || contains("authordetails")
        || has("bio") || has("byline") || contains("bylines") || has("author") || has("authors")
        || contains("articleauthor") || contains("contributorbio")
    {
        return strong(Removal::Author);
    }
    if has("caption") || has("credit") || has("credits") || contains("wpcaptiontext") || contains("photocredit")
        || contains("imagecredit") || has("figcaption")
    {
        return strong(Removal::Caption);
    }
    if has("comment") || has("comments") || contains("disqus") || has("respond") || has("replies") {
        return Some((Removal::Comments, false));
    }
    if has("breadcrumb") || has("breadcrumbs") || has("pagination") || has("pager") || has("navigation")
        || has("menu") || has("skip") || has("toolbar") || has("banner") || has("complementary")
        || has("contentinfo") || has("search")
    {
        return Some((Removal::Navigation, false));
    }
    if has("sidebar") || has("widget") || has("rail") || has("sticky") || has("popup") || has("modal")
        || has("overlay") || has("cookie") || has("gdpr") || has("consent") || has("paywall") || has("tags")
        || has("taglist") || has("posttags") || has("categories") || has("meta") || has("postmeta")
        || has("entrymeta") || has("articlemeta") || has("timestamp") || has("readingtime") || has("cta")
        || has("promo") || has("promotion") || has("footer") || has("header") || has("print") || has("tools")
        || has("disclaimer") || has("alert") || has("tooltip") || has("dialog") || has("piano")
        || has("engage") || has("subnav") || has("masthead") || has("submitted") || has("nocontent")
        || words.iter().any(|w| w.ends_with("tools") || w.ends_with("toolbar"))
    {
        return Some((Removal::Furniture, false));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn element(html: &str) -> Element {
        let fragment = scraper::Html::parse_fragment(html);
        let e = fragment.root_element().first_child().and_then(scraper::ElementRef::wrap).unwrap();
        e.value().clone()
    }

    #[test]
    fn media_players_by_their_label() {
        for html in [r#"<div aria-label="Video Player">"#, r#"<div aria-label="Yahoo Video Player">"#, r#"<section aria-label="Audio player: episode 12">"#] {
            assert!(is_media_player(&element(html)), "{html}");
        }
        for html in [r#"<div aria-label="Player statistics">"#, r#"<div class="video-player">"#, r#"<div aria-label="Main content">"#] {
            assert!(!is_media_player(&element(html)), "{html}");
        }
    }

    #[test]
    fn the_word_prefilter_never_misses_a_word() {
        let pieces = ["wp-", "caption", "Cap", "tion", "credit", "Credit", "by", "line", "Byline", "source", "SOURCE", "x", " ", "_", "é", "İ", "\u{212a}", "-", "sou", "rce"];
        let needles = ["caption", "credit", "byline", "source"];
        let mut random = crate::testing::Pieces::new(17);
        // One attribute per element, so that a value the prefilter skips is not hidden by another.
        let names = ["class", "id", "role", "data-component", "data-module", "data-testid", "data-type", "title"];
        for i in 0..8_000 {
            let count = random.below(6);
            let value: String = (0..count).map(|_| pieces[random.below(pieces.len())]).collect();
            let attrs = format!(" {}=\"{value}\"", names[i % names.len()]);
            let html = scraper::Html::parse_fragment(&format!("<div{attrs}></div>"));
            let div = html.select(&scraper::Selector::parse("div").unwrap()).next().unwrap();
            let has = words(div.value()).iter().any(|w| needles.iter().any(|n| w.contains(n)));
            if has {
                assert!(may_have_word_with(div.value(), &needles), "{attrs}");
            }
        }
    }

    #[test]
    fn words_split_on_punctuation_and_case() {
        let e = element(r#"<div class="c-ArticleShareBar sponsored-content" id="read_more"></div>"#);
        let w = words(&e);
        for expected in ["c", "article", "share", "bar", "sponsored", "content", "read", "more", "readmore", "carticlesharebar"] {
            assert!(w.contains(&expected.to_owned()), "{expected} in {w:?}");
        }
    }

    #[test]
    fn words_match_their_reference() {
        for html in [
            r#"<div class="c-ArticleShareBar sponsored-content c-ArticleShareBar" id="read_more" role="complementary" data-testid="PostBody"></div>"#,
            r#"<div class="  " id=""></div>"#,
            r#"<div class="Ünïcode-Klasse ſtory İstanbul ΣΊΣΥΦΟΣ x1Y2z" data-module="Related_Stories" data-type="a--b"></div>"#,
            r#"<section data-component="HTMLPage2XML"></section>"#,
        ] {
            let e = element(html);
            let (mut fast, mut reference) = (words(&e), words_reference(&e));
            fast.sort();
            fast.dedup();
            reference.sort();
            reference.dedup();
            assert_eq!(fast, reference, "{html}");
        }
    }

    #[test]
    fn by_words_matches_its_reference() {
        // Every keyword of the table, alone, glued to others and with affixes, in pairs.
        let keywords: Vec<String> = include_str!("furniture.rs")
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|w| !w.is_empty() && w.len() < 20 && w.chars().all(|c| c.is_ascii_alphanumeric()))
            .map(str::to_owned)
            .collect();
        assert!(keywords.len() > 150, "{}", keywords.len());
        let mut words: Vec<String> = Vec::new();
        for k in &keywords {
            for w in [k.clone(), format!("x{k}"), format!("{k}s"), format!("{k}r"), format!("my{k}box"), k[..k.len() / 2].to_owned(), k[1..].to_owned()] {
                words.push(w);
            }
        }
        words.extend(["", "a", "content", "entry", "shadow", "loadmore", "headline"].map(str::to_owned));
        for w in &words {
            let one = std::slice::from_ref(w);
            assert_eq!(by_words(one), by_words_reference(one), "{w}");
        }
        for (i, a) in words.iter().enumerate().step_by(7) {
            for b in words.iter().skip(i % 5).step_by(11) {
                let pair = [a.clone(), b.clone()];
                assert_eq!(by_words(&pair), by_words_reference(&pair), "{a} {b}");
            }
        }
    }

    #[test]
    fn furniture_words_table() {
        let cases: &[(&str, Option<Removal>)] = &[
            (r#"<div class="sponsored-content">"#, Some(Removal::Ad)),
            (r#"<div class="ad ad-text">"#, Some(Removal::Ad)),
            (r#"<div class="newsletter-module">"#, Some(Removal::Newsletter)),
            (r#"<div class="subscribe-box">"#, Some(Removal::Newsletter)),
            // A paywalled story's own paragraphs (TownNews BLOX).
            (r#"<div class="subscriber-preview">"#, None),
            (r#"<div class="subscribersOnly">"#, None),
            (r#"<div class="jp-relatedposts">"#, Some(Removal::Related)),
            (r#"<div class="sharedaddy sd-sharing-enabled">"#, Some(Removal::Share)),
            (r#"<div class="post-author single">"#, Some(Removal::Author)),
            (r#"<div class="republish-article-popup">"#, Some(Removal::Republish)),
            (r#"<div class="donation-appeal">"#, Some(Removal::Donation)),
            (r#"<div class="entry-content">"#, None),
            (r#"<div class="headline">"#, None),
            (r#"<div class="loadMore">"#, None),
            (r#"<div class="shadow">"#, None),
        ];
        for (html, expected) in cases {
            assert_eq!(by_words(&words(&element(html))).map(|(r, _)| r), *expected, "{html}");
        }
    }

    #[test]
    fn hidden_elements() {
        for html in [
            r#"<p hidden>x</p>"#,
            r#"<p aria-hidden="true">x</p>"#,
            r#"<p style="color:red; display: none">x</p>"#,
            r#"<p style="visibility:hidden">x</p>"#,
            r#"<span class="sr-only">x</span>"#,
        ] {
            assert!(hiding(&element(html)).is_some(), "{html}");
        }
        assert_eq!(hiding(&element(r#"<p style="display:block">x</p>"#)), None);
        // A class alone is a style sheet's, which scripts may undo; markup says so whatever the class.
        assert_eq!(hiding(&element(r#"<div class="hidden">x</div>"#)), Some(Hiding::Class));
        assert_eq!(hiding(&element(r#"<div class="hidden" style="display: none">x</div>"#)), Some(Hiding::Markup));
        assert_eq!(hiding(&element(r#"<div aria-hidden="true" class="sr-only">x</div>"#)), Some(Hiding::Markup));
        assert_eq!(hiding(&element(r#"<div class="shown">x</div>"#)), None);
    }

    #[test]
    fn furniture_text() {
        assert_eq!(by_text("READ MORE: Council votes on budget", 0.9), Some(Removal::Related));
        assert_eq!(by_text("Read more about the plan below, which was long in the making.", 0.0), None);
        assert_eq!(by_text("Advertisement", 0.0), Some(Removal::Ad));
        assert_eq!(by_text(" 720 просмотров ", 0.0), Some(Removal::Furniture));
        assert_eq!(by_text("1.2K views", 0.0), Some(Removal::Furniture));
        assert_eq!(by_text("12 views of the harbour were painted that winter", 0.0), None);
        assert_eq!(by_text("#новость #цб #юmoney", 1.0), Some(Removal::Navigation));
        assert_eq!(by_text("#MeToo changed how the newsroom handled complaints", 0.1), None);
        assert_eq!(by_text("Sign up for our daily newsletter", 0.0), Some(Removal::Newsletter));
        assert_eq!(by_text("The council voted on Tuesday.", 0.0), None);
        assert_eq!(by_text("Story continues below advertisement", 0.0), Some(Removal::Ad));
        assert_eq!(by_text("Advert", 0.0), Some(Removal::Ad));
        assert_eq!(by_text("Advertising revenue fell for a third year.", 0.0), None);
        assert_eq!(by_text("Continue reading the main story", 0.0), Some(Removal::Ad));
        assert_eq!(by_text("Photo by Dana Lee", 0.0), Some(Removal::Caption));
        assert_eq!(by_text("Follow us on Facebook and X for the latest news.", 0.0), Some(Removal::Share));
        assert_eq!(by_text("Have a news tip? Email us at tips@valleypost.example.", 0.0), Some(Removal::Furniture));
        assert_eq!(by_text("Got a tip? Send it to our newsroom.", 0.4), Some(Removal::Furniture));
        assert_eq!(by_text("Got a tip from a neighbour, she called the police.", 0.0), None);
        assert_eq!(by_text("Jewels after Jewels, installation views, photos © Inexhibit, 2018", 0.0), Some(Removal::Caption));
        assert_eq!(by_text("The mayor unveils the plaque. Foto © Stadt Talheim", 0.0), Some(Removal::Caption));
        assert_eq!(by_text("The agency holds the copyright to the photos, which it licenses to papers.", 0.0), None);
        assert_eq!(by_text("Para más noticias, síguenos en nuestras redes sociales.", 0.0), Some(Removal::Share));
        assert_eq!(by_text("Recibe las noticias en tu WhatsApp", 0.0), Some(Removal::Share));
        assert_eq!(by_text("更多精彩内容，请关注我们的微信公众号。", 0.0), Some(Removal::Share));
        assert_eq!(by_text("Activa las notificaciones para no perderte nada.", 0.0), Some(Removal::Share));
        assert_eq!(by_text("\"Follow us,\" the guide told the hikers, and they walked into the fog toward the ridge.", 0.0), None);
        assert_eq!(by_text("Los órganos de control social del municipio revisarán el contrato.", 0.0), None);
        assert_eq!(by_text(". Follow us on Twitter", 0.0), None);
        assert_eq!(by_text("Tell us what YOU think...", 0.0), Some(Removal::Furniture));
        assert_eq!(by_text("Tell us what you think of the new bridge, the mayor told the crowd.", 0.0), None);
        assert_eq!(by_text("This slideshow requires JavaScript.", 0.0), Some(Removal::Media));
        assert_eq!(by_text(" comments", 0.0), Some(Removal::Navigation));
        assert_eq!(by_text("Join our forums to keep talking about the launch, and tell us what you think.", 0.1), Some(Removal::Furniture));
        assert_eq!(by_text("Copyright 2025 The Associated Press. All rights reserved.", 0.0), Some(Removal::Furniture));
        assert_eq!(by_text("© 2026 The Valley Post. All rights reserved.", 0.0), Some(Removal::Furniture));
        // Prose that opens with the same words stays.
        assert_eq!(by_text("Copyright law has not kept up with streaming, the panel said.", 0.0), None);
        assert_eq!(by_text("[What you need to know to start the day: Get Valley Today in your inbox.]", 0.3), Some(Removal::Newsletter));
        assert_eq!(by_text("Get the latest updates right in your inbox. Subscribe to the Courier's newsletters.", 0.4), Some(Removal::Newsletter));
        assert_eq!(by_text("Like this story? Sign up for our Morning Briefing newsletter.", 0.5), Some(Removal::Newsletter));
        // A sentence about newsletters is not a pitch: the pitch is an imperative.
        assert_eq!(by_text("More than 10,000 readers subscribe to the newsletter, she said.", 0.1), None);
        // Without a link it is the story's own sentence; so is one that only names an inbox.
        assert_eq!(by_text("Get the latest updates right in your inbox, the company promised its customers.", 0.0), None);
        assert_eq!(by_text("4 thoughts on “Fair moves a week earlier”", 0.0), Some(Removal::Comments));
        assert_eq!(by_text("Next post →", 1.0), Some(Removal::Navigation));
        assert_eq!(by_text(" Kommentare schreiben ", 1.0), Some(Removal::Navigation));
        assert_eq!(by_text("Lade weitere Inhalte ...", 0.0), Some(Removal::Navigation));
        assert_eq!(by_text("This entry was posted in Meetings by bjorn. Bookmark the permalink.", 0.3), Some(Removal::Furniture));
        assert_eq!(by_text("Dieser Eintrag wurde veröffentlicht in Treffen von bjorn. Permanentlink.", 0.3), Some(Removal::Furniture));
        // The story's own sentences with the same words stay.
        assert_eq!(by_text("The next post office to close is on Main Street.", 0.0), None);
        assert_eq!(by_text("Leave a comment at the meeting, the council asked residents.", 0.0), None);
        assert_eq!(by_text("One response to Fair moves", 0.0), Some(Removal::Comments));
        assert_eq!(by_text("12 Comments", 0.0), Some(Removal::Comments));
        assert_eq!(by_text("12 comments on the plan were filed before the deadline, the clerk said.", 0.0), None);
        assert_eq!(by_text("4 thoughts that kept me up at night", 0.0), None);
        assert_eq!(by_text("Phishing emails that land in your inbox often look like a bank's.", 0.2), None);
        assert_eq!(by_text("Photographs of the flood were shared widely.", 0.0), None);
        assert_eq!(by_text("Continue reading and you will see why.", 0.0), None);
        // Labels over links: furniture when the links are most of the text.
        assert_eq!(by_text("Tags Alexandria Ocasio-Cortez death threat", 0.8), Some(Removal::Related));
        assert_eq!(by_text("Trending: Impeachment, deposition transcripts", 0.7), Some(Removal::Related));
        assert_eq!(by_text("Trending downward for a third quarter, sales fell again.", 0.0), None);
        assert_eq!(by_text("Tags on the trees mark the ones to be cut.", 0.0), None);
    }

    #[test]
    fn ad_breaks_photo_credits_and_initials_in_other_languages() {
        for line in ["SCROLL TO CONTINUE WITH CONTENT", "Continúa leyendo", "Continua após a publicidade", "Artikel geht unter der Anzeige weiter", "— Anuncio —"] {
            assert_eq!(by_text(line, 0.0), Some(Removal::Ad), "{line}");
        }
        for credit in ["Foto: EFE", "(Foto: Reuters)", "(Foto ilustrativa: Archivo)", "Fotografía de Ana Ruiz", "Bild: dpa", "Crédit photo : AFP", "Фото: ТАСС"] {
            assert_eq!(by_text(credit, 0.0), Some(Removal::Caption), "{credit}");
        }
        assert_eq!(by_text("(rdw/imk)", 0.0), Some(Removal::Furniture));
        // The story's sentences that open with the same words.
        for prose in [
            "Fotos tomadas por vecinos muestran el agua en la calle.",
            "Foto de archivo del puerto, que reabrió el martes tras las obras.",
            "Sigue leyendo el informe quien quiera saber más, dijo la alcaldesa.",
            "(Reuters/AP)",
            "(rdw/imk) was the code the clerk wrote on the file.",
        ] {
            assert_eq!(by_text(prose, 0.0), None, "{prose}");
        }
    }

    #[test]
    fn related_labels_and_ad_markers_in_other_languages() {
        for label in [
            "Baca juga: Banjir Rendam Dermaga", "BACA JUGA: Harga Sayur Naik", "Lesen Sie auch: Der Rat stimmt ab", "» Lire aussi : Le budget",
            "LEA TAMBIÉN: El concejo vota", "Leia também: A câmara vota", "Leggi anche: Il consiglio", "Czytaj też: Rada głosuje",
            "Čtěte také: Rada hlasuje", "Читайте также: Совет голосует", "İlgili Haberler", "Đọc thêm: Hội đồng", "اقرأ أيضا: المجلس يصوت",
            "यह भी पढ़ें: परिषद", "相关阅读：议会投票", "関連記事：議会", "[관련기사] 의회 표결", "เรื่องที่เกี่ยวข้องสภาลงมติ",
        ] {
            assert_eq!(by_text(label, 0.8), Some(Removal::Related), "{label}");
            // Without links it is the story's sentence that happens to open so.
            assert_eq!(by_text(label, 0.0), None, "{label}");
        }
        // Length is counted in characters: a Cyrillic line under 300 letters is short, though over 300 bytes.
        let long_cyrillic = format!("Читайте также: {}", "Мост через затон закрыли на ремонт до конца следующего года, ".repeat(3));
        assert!(long_cyrillic.len() > 300 && long_cyrillic.chars().count() < 300);
        assert_eq!(by_text(&long_cyrillic, 0.9), Some(Removal::Related));
        for marker in ["Anzeige", "Publicidad", "— Реклама —", "광고", "Iklan", "PUBLICITÉ"] {
            assert_eq!(by_text(marker, 0.0), Some(Removal::Ad), "{marker}");
        }
        for call in ["Síguenos en Instagram y Facebook", "Folgen Sie uns auf Mastodon", "Suivez-nous sur les réseaux sociaux"] {
            assert_eq!(by_text(call, 0.5), Some(Removal::Share), "{call}");
        }
        // A label left over a video or a recording; a sentence that opens so is the story's.
        assert_eq!(by_text("Watch:", 0.0), Some(Removal::Media));
        assert_eq!(by_text(" LISTEN: ", 0.0), Some(Removal::Media));
        assert_eq!(by_text("Watch: the mayor answers questions at the town hall", 0.0), None);
        // A call to the outlet's channel on a messenger or a news app.
        for call in ["📲 Participe do canal do g1 Campinas no WhatsApp", "Follow our WhatsApp channel for the latest updates.", "Ikuti saluran WhatsApp kami", "Follow us on Google News", "Únete a nuestro canal de Telegram"] {
            assert_eq!(by_text(call, 0.0), Some(Removal::Share), "{call}");
        }
        // The story's sentences about those apps.
        for prose in ["The group coordinated through a Telegram channel, police said.", "Joining a WhatsApp group is how most parents hear about closures.", "Siga a conta oficial para mais detalhes, disse o secretário."] {
            assert_eq!(by_text(prose, 0.0), None, "{prose}");
        }
        for pitch in ["Suscríbete a nuestro boletín y recibe las noticias cada mañana", "Abonnieren Sie unseren Newsletter", "Inscrivez-vous à notre newsletter quotidienne"] {
            assert_eq!(by_text(pitch, 0.5), Some(Removal::Newsletter), "{pitch}");
        }
        // The same imperative about something else is the story's ("Recibe el premio…").
        assert_eq!(by_text("Recibe el premio la autora de la novela más vendida del año.", 0.0), None);
        // A marker word inside a sentence, or a longer word that starts like one, is prose.
        for prose in ["Anzeige gegen den Bürgermeister erstattet", "Publicidades engañosas", "Relacionados con el caso, dijo la fiscal"] {
            assert_eq!(by_text(prose, 0.0), None, "{prose}");
        }
    }

    #[test]
    fn widgets_pagers_and_picture_credits_by_their_words() {
        for line in [
            "Was this article helpful? Awesome, share it:",
            "What do you think? Scroll down to comment below.",
            "Join The Conversation",
            "Continued On Next Page >",
            "See photos from this story:",
            "Images: Pexels; Hannah Burton/Prairie Current",
            "Image Source: Nicole Cohen",
            "Send a Letter to the Editor",
        ] {
            assert!(by_text(line, 0.0).is_some(), "{line}");
        }
        for file in ["skimming scheme seized cash and cards.jpg", "google.JPG", "IMG_2041.jpeg"] {
            assert_eq!(by_text(file, 0.0), Some(Removal::Image), "{file}");
        }
        assert_eq!(by_text("The agency posted the file online as a .jpg and a PDF.", 0.0), None);
        for prose in [
            "Images of the flood spread quickly on social media, and the mayor asked residents to stay home.",
            "See the photos Ann took at the fair, on view at the library through May.",
            "What do you think of the new bridge? Readers told us in their comments last week, and here is what they said about it.",
            "Was this the end of the strike? Not quite, the union said.",
            "Continued pressure from residents led the council to act.",
        ] {
            assert_eq!(by_text(prose, 0.0), None, "{prose}");
        }
    }

    #[test]
    fn the_sites_own_lines_abroad() {
        // The label over share buttons, the pitch for the outlet's app, the rights notice.
        for (line, removal) in [
            ("Comparte esta noticia", Removal::Share),
            ("  Artikel teilen:", Removal::Share),
            ("Поделиться", Removal::Share),
            ("Descarga nuestra app y recibe las noticias al instante.", Removal::Share),
            ("Download our free app for breaking news alerts.", Removal::Share),
            ("Baixe nosso aplicativo", Removal::Share),
            ("Todos los derechos reservados.", Removal::Furniture),
            ("© RIPRODUZIONE RISERVATA", Removal::Furniture),
            ("Все права защищены. © 2026", Removal::Furniture),
            ("版权所有 © 2026 新闻网", Removal::Furniture),
            ("Valle Ledger 2026 | Alle Rechte vorbehalten", Removal::Furniture),
            ("All rights reserved.", Removal::Furniture),
            ("© 2026 Valle Ledger. Todos los derechos reservados.", Removal::Furniture),
            ("Prohibida su reproducción total o parcial sin autorización. Todos los derechos reservados.", Removal::Furniture),
        ] {
            assert_eq!(by_text(line, 0.0), Some(removal), "{line}");
        }
        // The story's sentences with the same words.
        for prose in [
            "Comparte esta noticia con tus vecinos, pidió la alcaldesa en la reunión del lunes.",
            "Download the county's app to report a pothole, the clerk said.",
            "Descarga la aplicación del ayuntamiento para pagar la multa.",
            "The contract kept all rights reserved to the author for ten years.",
            "Los derechos reservados a los autores no cambian, dijo el juez.",
            "All rights reserved. That is what the label on the old film canister said, and it was wrong.",
            "The council meets again in May. © 2026 Valley Post. All rights reserved.",
        ] {
            assert_eq!(by_text(prose, 0.0), None, "{prose}");
        }
    }

    #[test]
    fn comment_threads_by_their_containers_names() {
        for html in [r#"<div id="comments" class="comments-area">"#, r#"<ol class="comment-list">"#, r#"<div id="disqus_thread">"#, r#"<section class="outer comments relative">"#, r#"<div id="Comments">"#] {
            assert!(is_comment_thread(&element(&format!("{html}</div>"))), "{html}");
        }
        // Other things named after comments: a page's state, a counter, a single comment, a link.
        for html in [r#"<div class="post comments-open">"#, r#"<div class="btn-social-comments-count">"#, r#"<li class="comment">"#, r#"<a id="comments">"#, r#"<div class="comment-content">"#] {
            assert!(!is_comment_thread(&element(&format!("{html}</div>"))), "{html}");
        }
    }

    #[test]
    fn furniture_text_per_first_word_matches_the_one_pattern() {
        // The single pattern the per-word table replaced, as the oracle.
        let oracle = regex::Regex::new(r"(?i)^\s*(?:(?:read more|related(?: coverage| stories| articles| content)?|see also|see more|also read|read also|read next|recommended(?: reading)?|more from|more on this|most (?:read|popular|viewed|shared)|trending|top stories|tags|tagged|filed under|watch|listen|click here|sign up for|subscribe to|get (?:our|the) .{0,40}newsletter|support (?:our|independent|nonprofit|local) journalism|donate|become a member|advert(?:isement)?|don['’]t miss|you (?:may|might) (?:also )?(?:like|enjoy)|sponsored content|share this|story continues (?:below|after)|article continues (?:below|after)|continue reading (?:below|after|the main story)|follow us on|have a (?:news )?tip|join our)\b|got a (?:news |story )?tip\?|(?:photo|photos|photograph|photography)(?:\s+by\b|\s*:)|more\s*:|credit\s*:|copyright\s*(?:©|\(c\)|[0-9]{4})|©\s*[0-9]{4})").unwrap();
        let texts = [
            "READ MORE: Council votes", "  read next", "\u{a0}Read also", "reader", "Related", "relatedness", "related stories »",
            "See also", "Also read", "Recommended reading", "recommendedx", "More from Tuesday", "more on this", "more:x", "more: x",
            "More:", "Most read", "Watch", "watchful", "Listen:", "Click here", "Sign up for", "sign up", "Subscribe to",
            "Get our weekly morning newsletter", "get the newsletters", "get the daily newsletter from the most trusted desk in town!",
            "Support local journalism", "Donate", "Become a member", "Advertisement", "Sponsored content", "Share this",
            "\u{17f}ee also", "Cli\u{212a} here", "\u{212a}lick here", "\u{17f}hare this", "ſubscribe to", "The council voted.", "",
            "Story continues below advertisement", "Story time", "Article continues after", "Continue reading the main story", "Continue reading",
            "Photo: Ann Roe", "Photo by Ann Roe", "Photographs show", "Photography by Bo Li", "Credit: Bo Li", "Credits roll", "Follow us on X",
            "Have a news tip? Email us", "Have a tip", "Have a look", "Got a tip?", "got a story tip? x", "Got a tip from", "Got a tipx?", "Join our Space Forums", "Joined ourselves", "Join the club", "Copyright 2025 The Valley Post", "Copyright © Ann Roe", "Copyright law",
            "© 2026 The Valley Post", "©2026 CBS Interactive Inc.", " © 2026", "© Ann Roe", "©", "© photo agency 2026",
            "Trending:", "Trendingx", "Most popular", "Most viewed stories", "Most people agree", "Top stories", "Top story", "Tags", "Tags:", "Tagsx",
            "Tagged with", "Filed under: Politics", "Filed away", "Advert", "Adverts", "Advertising", "You may also like...", "You might enjoy",
            "You may like it", "You may go", "More:", "More :", "More", "More than", "More from", "Moreover, it", "See more: x",
            "See more", "See moreover", "DON'T MISS", "Don’t miss", "Don't mistake", "Don't", "Sea more",
        ];
        for text in texts {
            let furniture = by_text(text, 1.0).is_some();
            assert_eq!(furniture, oracle.is_match(text), "{text:?}");
        }
    }
}

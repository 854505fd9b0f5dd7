//! Hostile input (issue 8), in-process: the library's `process_loaded` on pages built around XSS
//! vectors, robustness on pathological pages, and the CLI's size cap. See docs/security.md.
//!
//! The vector placement (`vector_pages`), the test profile (`xss_settings`) and the vector sets
//! (`project_vectors`, `shared_vectors`) are shared with the browser and preview tests.
//!
//! Every vector is placed in a dozen spots of an otherwise ordinary article page (body, title,
//! byline, author URL, meta tags, JSON-LD, the `articleBody` of a page whose HTML a script
//! fills in, link and image attributes), both as markup written
//! raw into the page and as the decoded value of that spot. For every embed that comes out:
//! `safety::check_embed` is empty, an independent allow-list re-check passes, the raw-text
//! check passes, and the body is a fixed point of `clean::clean_fragment`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use republish::load::Loaded;
use republish::profile::Profile;
use republish::safety::{self, FORBIDDEN_TEXT};
use republish::{Error, Settings, clean};
use serde_json::Value;

use crate::util::{Test, root};

/// A profile with every styled element, a top credit, a licence, and a pixel fed by the
/// page-controlled values (title, slug, canonical URL), so that vectors reach all of them.
const PROFILE: &str = r#"
name = "hostile-test"
publisher = "The Test Gazette"
pixel = "https://px.example/p.gif?t={title}&u={canonical_url}&s={slug}&h={host}"
pixel_style = "width:1px;height:1px;border:0"
[credit]
template = "Originally published by {publisher} as \"{title}\"."
position = "top"
[licence]
name = "CC BY-ND 4.0"
url = "https://creativecommons.org/licenses/by-nd/4.0/"
[styles]
p = "margin:0 0 1em"
h1 = "font-size:2em"
h2 = "font-size:1.5em"
a = "color:#036"
blockquote = "margin-left:1.5em"
byline = "font-weight:bold"
credit = "font-style:italic"
licence = "font-size:small"
"#;

const CANONICAL: &str = "https://gazette.example/2025/03/14/harbor-story/";

pub(crate) fn xss_settings() -> Settings {
    Settings { profile: Some(Profile::from_toml(PROFILE, "hostile-test").expect("test profile is valid")), ..Settings::default() }
}

/// `&`, `<`, `>`, `"` and `'` escaped: the page's value for that spot is the vector itself.
fn esc(v: &str) -> String {
    v.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// A JSON string literal of `v` (as a CMS would write it: `</script>` is not escaped).
fn js(v: &str) -> String {
    serde_json::to_string(v).expect("a string serializes")
}

/// The parts of the test page; each spot defaults to something ordinary.
struct Page {
    title: String,
    head_extra: String,
    jsonld_headline: String,
    jsonld_author: String,
    jsonld_author_url: String,
    jsonld_publisher: String,
    h1: String,
    byline: String,
    body_block: String,
    body_inline: String,
    /// A JSON literal: the page's HTML holds no story and its JSON-LD's `articleBody` does (a
    /// page that a script fills in).
    script_filled: Option<String>,
}

impl Default for Page {
    fn default() -> Self {
        Page {
            title: "Harbor ferry fares will rise in September".into(),
            head_extra: "<meta property=\"og:title\" content=\"Harbor ferry fares will rise in September\">\n<meta property=\"og:site_name\" content=\"The Test Gazette\">".into(),
            jsonld_headline: js("Harbor ferry fares will rise in September"),
            jsonld_author: js("Petra Lindgren"),
            jsonld_author_url: js("https://gazette.example/author/petra/"),
            jsonld_publisher: js("The Test Gazette"),
            h1: "Harbor ferry fares will rise in September".into(),
            byline: "By <a rel=\"author\" href=\"/author/petra/\">Petra Lindgren</a>".into(),
            body_block: String::new(),
            body_inline: String::new(),
            script_filled: None,
        }
    }
}

impl Page {
    fn html(&self) -> String {
        let page = self.article_html();
        let Some(article_body) = &self.script_filled else { return page };
        let (frame, story) = (page.find("<div class=\"article-body\">").expect("a body"), page.find("</article>").expect("an article"));
        format!("{}<p>Loading…</p>\n{}", &page[..frame], &page[story..]).replacen("\"datePublished\"", &format!("\"articleBody\":{article_body},\"datePublished\""), 1)
    }

    fn article_html(&self) -> String {
        format!(
            r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="canonical" href="{CANONICAL}">
{head_extra}
<meta property="article:published_time" content="2025-03-14T09:00:00Z">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":{headline},"datePublished":"2025-03-14T09:00:00Z","author":{{"@type":"Person","name":{author},"url":{author_url}}},"publisher":{{"@type":"Organization","name":{publisher}}}}}</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header>
<main><article>
<h1>{h1}</h1>
<p class="byline">{byline}</p>
<div class="article-body">
<p>The harbor ferry will cost $2.75 a ride starting Sept. 1, a 25-cent increase the transit board approved on Monday after a two-hour public hearing that ran late into the evening.</p>
<p>Board members said the increase, the first since 2019, is needed to cover higher fuel and insurance costs. Riders can read the <a href="/transit/fares/">fare schedule</a> online, and {inline} the authority posted it at every terminal.</p>
{block}
<p>Monthly passes will rise from $72 to $80. Seniors and students keep half-price fares, a change from the original proposal that drew the loudest objections at the hearing on Monday night.</p>
<p>Ferry ridership has recovered to about 91% of its 2019 level, with roughly 6,400 trips on a typical weekday, according to figures presented to the board by the authority's planning staff.</p>
<p>Board chair Linnea Barros said the authority would revisit fares in two years. "Nobody on this board wanted to raise fares," she said. "We wanted even less to cut sailings."</p>
</div>
</article></main>
<footer>&copy; 2025 The Test Gazette</footer>
</body></html>
"#,
            title = self.title,
            head_extra = self.head_extra,
            headline = self.jsonld_headline,
            author = self.jsonld_author,
            author_url = self.jsonld_author_url,
            publisher = self.jsonld_publisher,
            h1 = self.h1,
            byline = self.byline,
            inline = self.body_inline,
            block = self.body_block,
        )
    }
}

/// The pages built around one vector: (spot, page). Body (block, inline, attribute values and
/// markup), title, byline, author URL, meta tags and JSON-LD (a script-filled page's
/// `articleBody` too), each as raw markup and as the escaped value of that spot.
pub(crate) fn vector_pages(v: &str) -> Vec<(&'static str, String)> {
    let e = esc(v);
    let mut out = Vec::new();
    let mut add = |spot: &'static str, page: Page| out.push((spot, page.html()));
    add("body block", Page { body_block: v.to_owned(), ..Page::default() });
    add("body inline", Page { body_inline: v.to_owned(), ..Page::default() });
    add(
        "title value (title, og:title, JSON-LD headline, h1)",
        Page {
            title: e.clone(),
            head_extra: format!("<meta property=\"og:title\" content=\"{e}\">"),
            jsonld_headline: js(v),
            h1: e.clone(),
            ..Page::default()
        },
    );
    add("title markup (title, h1)", Page { title: v.to_owned(), head_extra: String::new(), jsonld_headline: js(""), h1: v.to_owned(), ..Page::default() });
    add(
        "byline value (meta author, JSON-LD author, byline)",
        Page {
            head_extra: format!("<meta name=\"author\" content=\"{e}\">"),
            jsonld_author: js(v),
            byline: format!("By {e}"),
            ..Page::default()
        },
    );
    add(
        "byline markup (a[rel=author], meta author)",
        Page {
            head_extra: format!("<meta name=\"author\" content=\"{v}\">"),
            byline: format!("By <a rel=\"author\" href=\"/author/x/\">{v}</a>"),
            ..Page::default()
        },
    );
    add(
        "author URL value (JSON-LD url, a[rel=author] href)",
        Page { jsonld_author_url: js(v), byline: format!("By <a rel=\"author\" href=\"{e}\">Petra Lindgren</a>"), ..Page::default() },
    );
    add("author URL markup (a[rel=author] href)", Page { byline: format!("By <a rel=\"author\" href=\"{v}\">Petra Lindgren</a>"), ..Page::default() });
    add(
        "meta value (og:site_name, description, JSON-LD publisher)",
        Page {
            head_extra: format!("<meta property=\"og:site_name\" content=\"{e}\">\n<meta name=\"description\" content=\"{e}\">\n<meta property=\"og:description\" content=\"{e}\">"),
            jsonld_publisher: js(v),
            ..Page::default()
        },
    );
    add(
        "meta markup (og:site_name, description)",
        Page { head_extra: format!("<meta property=\"og:site_name\" content=\"{v}\">\n<meta name=\"description\" content=\"{v}\">"), ..Page::default() },
    );
    add(
        "JSON-LD markup (raw in the script)",
        Page { jsonld_headline: format!("\"{v}\""), jsonld_author: format!("\"{v}\""), ..Page::default() },
    );
    // The story's own paragraphs around the vector, in a script-filled page's JSON-LD.
    let story = |v: &str| {
        format!("The harbor ferry will cost $2.75 a ride starting Sept. 1, the transit board decided on Monday.\n{v}\nBoard members said the increase, the first since 2019, is needed to cover higher fuel and insurance costs.\n<p>Riders can read the <a href=\"/transit/fares/\">fare schedule</a> online.</p>")
    };
    add("JSON-LD articleBody value (a script-filled page)", Page { script_filled: Some(js(&story(v))), ..Page::default() });
    add("JSON-LD articleBody markup (raw in the script)", Page { script_filled: Some(format!("\"{}\"", story(v).replace('\n', " "))), ..Page::default() });
    add(
        "body attribute value (a href, img src/srcset)",
        Page { body_inline: format!("<a href=\"{e}\">the fare table</a> <img src=\"{e}\" srcset=\"{e} 1x, {e} 2x\" alt=\"{e}\">"), ..Page::default() },
    );
    add(
        "body attribute markup (a href, img src)",
        Page { body_inline: format!("<a href=\"{v}\">the fare table</a> <img src='{v}' alt={v}>"), ..Page::default() },
    );
    out
}

/// Elements and attributes an embed may have, written independently of `safety`.
const ALLOWED_ELEMENTS: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "cite", "ul", "ol", "li", "pre", "code", "em", "strong", "b", "i",
    "u", "s", "sub", "sup", "br", "hr", "a", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "dl", "dt",
    "dd", "q", "small", "mark", "abbr", "del", "ins", "img", "link",
];
const ALLOWED_ATTRIBUTES: &[&str] = &["href", "src", "style", "width", "height", "alt", "rel", "colspan", "rowspan", "start"];

/// An ammonia-style re-check of an embed: allow-listed elements and attributes, http(s) URLs,
/// profile styles only. Returns the problems found.
fn independent_check(html: &str, styles: &BTreeSet<String>) -> Vec<String> {
    let mut problems = Vec::new();
    let fragment = scraper::Html::parse_fragment(html);
    for node in fragment.root_element().descendants().skip(1) {
        match node.value() {
            scraper::Node::Element(e) => {
                if !ALLOWED_ELEMENTS.contains(&e.name()) || &*e.name.ns != "http://www.w3.org/1999/xhtml" {
                    problems.push(format!("element <{}> ({})", e.name(), &*e.name.ns));
                }
                for (name, value) in e.attrs() {
                    if !ALLOWED_ATTRIBUTES.contains(&name) {
                        problems.push(format!("attribute {name}={value:?} on <{}>", e.name()));
                    }
                    if matches!(name, "href" | "src") {
                        let scheme = url::Url::parse(value).map(|u| u.scheme().to_owned()).unwrap_or_default();
                        if !matches!(scheme.as_str(), "http" | "https") {
                            problems.push(format!("{name}={value:?}"));
                        }
                    }
                    if name == "style" && !styles.contains(value) {
                        problems.push(format!("style={value:?} on <{}>", e.name()));
                    }
                }
            }
            scraper::Node::Comment(_) => problems.push("comment".into()),
            _ => {}
        }
    }
    problems
}

/// What one page gave.
enum Run {
    Embed,
    NoEmbed,
}

/// Process one page in-process and check every output invariant. Err names what broke.
fn check_page(html: &str, settings: &Settings, styles: &BTreeSet<String>) -> Result<Run, String> {
    let loaded = Loaded { html: html.to_owned(), url: None, encoding: "UTF-8" };
    let outcome = match std::panic::catch_unwind(|| republish::process_loaded(&loaded, settings)) {
        Err(_) => return Err("panicked".into()),
        Ok(Err(Error::Unsafe(message))) => return Err(format!("the pipeline refused its own embed: {message}")),
        Ok(Err(_)) => return Ok(Run::NoEmbed),
        Ok(Ok(outcome)) => outcome,
    };
    let profile = settings.profile.as_ref().expect("explicit profile");
    let base = outcome.meta.canonical_url.as_ref().or(outcome.meta.page_url.as_ref());
    let again = clean::clean_fragment(&outcome.cleaned.html, base, profile);
    if again != outcome.cleaned.html {
        return Err(format!("body not idempotent:\n{}\n--- became\n{again}", outcome.cleaned.html));
    }
    let Some(rendered) = &outcome.rendered else { return Ok(Run::NoEmbed) };
    // `process_loaded` has run `safety::check_embed` on it already (an `Error::Unsafe` above).
    if let Some(m) = FORBIDDEN_TEXT.find(&rendered.html) {
        return Err(format!("forbidden text {:?}\n{}", m.as_str(), rendered.html));
    }
    let problems = independent_check(&rendered.html, styles);
    if !problems.is_empty() {
        return Err(format!("independent check: {problems:?}\n{}", rendered.html));
    }
    for text in [&rendered.head_html] {
        if FORBIDDEN_TEXT.is_match(text) || !independent_check(text, styles).is_empty() {
            return Err(format!("head_html: {text}"));
        }
    }
    Ok(Run::Embed)
}

fn profile_styles(settings: &Settings) -> BTreeSet<String> {
    let profile = settings.profile.as_ref().expect("explicit profile");
    profile.styles.values().cloned().chain([profile.pixel_style.clone()]).collect()
}

/// Run every vector in every spot; panic listing all failures. Returns (runs, embeds).
fn run_vectors(vectors: &[String]) -> (usize, usize) {
    let settings = xss_settings();
    let styles = profile_styles(&settings);
    let jobs: Vec<(usize, &'static str, String)> =
        vectors.iter().enumerate().flat_map(|(i, v)| vector_pages(v).into_iter().map(move |(spot, page)| (i, spot, page))).collect();
    let results: Vec<(usize, &'static str, Result<Run, String>)> =
        jobs.par_iter().map(|(i, spot, page)| (*i, *spot, check_page(page, &settings, &styles))).collect();
    let embeds = results.iter().filter(|(_, _, r)| matches!(r, Ok(Run::Embed))).count();
    let failures: Vec<String> = results
        .iter()
        .filter_map(|(i, spot, r)| r.as_ref().err().map(|e| format!("vector #{i} {:?} in {spot}: {e}", vectors[*i])))
        .collect();
    assert!(failures.is_empty(), "{} of {} runs broke an invariant:\n\n{}", failures.len(), results.len(), failures.join("\n\n"));
    (results.len(), embeds)
}

/// The project's own vector set: (its `source` note, the payloads).
pub(crate) fn project_vectors() -> (String, Vec<String>) {
    let path = root().join("tests/data/xss-vectors.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("tests/data/xss-vectors.json")).expect("valid JSON");
    let source = doc["source"].as_str().expect("source named").to_owned();
    let vectors = doc["vectors"].as_array().expect("vectors").iter().map(|v| v["payload"].as_str().expect("payload").to_owned()).collect();
    (source, vectors)
}

#[test]
fn project_vectors_leave_no_script() {
    let (source, vectors) = project_vectors();
    assert!(source.contains("DOMPurify") && vectors.len() >= 150, "the vector set names its sources and has ~200 vectors");
    let (runs, embeds) = run_vectors(&vectors);
    // Most pages must still give an embed, or the test would pass by refusing everything.
    assert!(embeds * 10 >= runs * 8, "only {embeds} of {runs} pages gave an embed");
    eprintln!("security: {} project vectors, {runs} pages, {embeds} embeds, all clean", vectors.len());
}

/// The shared corpus (`../shared/xss/*.json`, 1,344 public vectors, deduplicated) and how many
/// files it came from; None when it is absent.
pub(crate) fn shared_vectors() -> Option<(Vec<String>, usize)> {
    let dir = root().join("../shared/xss");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).ok()?.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    let mut seen = BTreeSet::new();
    let mut vectors = Vec::new();
    for file in &files {
        let list: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(file).expect("readable")).expect("a JSON array");
        for v in list.iter().filter_map(Value::as_str) {
            if seen.insert(v.to_owned()) {
                vectors.push(v.to_owned());
            }
        }
    }
    assert!(vectors.len() > 1000, "{}: expected the 1,344 shared vectors, found {}", dir.display(), vectors.len());
    Some((vectors, files.len()))
}

/// The shared corpus when it is present.
#[test]
fn shared_vectors_leave_no_script() {
    let Some((mut vectors, files)) = shared_vectors() else {
        eprintln!("security: NOTICE: ../shared/xss not found: only the project's own vector set (tests/data/xss-vectors.json) ran");
        return;
    };
    // All of them in release builds (scripts/test, .ci/run) or with REPUBLISH_XSS_FULL=1; an
    // unoptimised build takes minutes for the ~17,000 pages, so it runs every 8th vector.
    if cfg!(debug_assertions) && std::env::var_os("REPUBLISH_XSS_FULL").is_none() {
        let total = vectors.len();
        vectors = vectors.into_iter().step_by(8).collect();
        eprintln!(
            "security: NOTICE: debug build: {} of the {total} shared vectors run (all run in release builds or with REPUBLISH_XSS_FULL=1)",
            vectors.len()
        );
    }
    let (runs, embeds) = run_vectors(&vectors);
    assert!(embeds * 10 >= runs * 8, "only {embeds} of {runs} pages gave an embed");
    eprintln!("security: {} shared vectors from {files} files, {runs} pages, {embeds} embeds, all clean", vectors.len());
}

#[test]
fn the_pixel_url_encodes_hostile_values() {
    let v = "\"><script>alert(1)</script>&x=1 ?#";
    let page = Page {
        title: esc(v),
        head_extra: format!("<meta property=\"og:title\" content=\"{}\">", esc(v)),
        jsonld_headline: js(v),
        h1: esc(v),
        ..Page::default()
    };
    let loaded = Loaded { html: page.html(), url: None, encoding: "UTF-8" };
    let outcome = republish::process_loaded(&loaded, &xss_settings()).expect("processed");
    let rendered = outcome.rendered.expect("eligible");
    let pixel = rendered.pixel_url.expect("pixel filled");
    assert!(pixel.starts_with("https://px.example/p.gif?t=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E%26x%3D1%20%3F%23&u=https%3A%2F%2F"), "{pixel}");
    assert!(rendered.html.contains("<h1 style=\"font-size:2em\">&#34;&#62;&#60;script&#62;") || rendered.html.contains("&lt;script&gt;"), "{}", rendered.html);
}

#[test]
fn a_forged_embed_is_refused() {
    // The checker is what process_loaded runs: prove it fires on what the pipeline would never make.
    let settings = xss_settings();
    let profile = settings.profile.as_ref().unwrap();
    let page = Page::default().html();
    let outcome = republish::process_loaded(&Loaded { html: page, url: None, encoding: "UTF-8" }, &settings).expect("processed");
    let rendered = outcome.rendered.expect("eligible");
    let pixel = rendered.pixel_url.as_deref();
    assert_eq!(safety::check_embed(&rendered.html, profile, pixel, CANONICAL), vec![]);
    for forged in [
        rendered.html.replace("</h1>", "</h1><img src=x onerror=alert(1)>"),
        rendered.html.replace("<h1 ", "<h1 onclick=\"alert(1)\" "),
        rendered.html.replace("href=\"https://gazette.example/transit/fares/\"", "href=\"javascript:alert(1)\""),
        rendered.html.replace("margin:0 0 1em", "margin:0;background:url(https://evil.example/)"),
        format!("{}<svg><script>alert(1)</script></svg>", rendered.html),
        format!("{}<a href=\"https://ok.example/\">never closed", rendered.html),
    ] {
        assert_ne!(forged, rendered.html);
        assert!(!safety::check_embed(&forged, profile, pixel, CANONICAL).is_empty(), "not caught:\n{forged}");
    }
}

/// The fuzz targets' seeds as `scripts/fuzz-smoke` makes them from fixtures/: for `pipeline`
/// every page and bad input as is, for `clean` every article page behind the profile byte.
fn fixture_seeds() -> Vec<(&'static str, PathBuf, Vec<u8>)> {
    let mut seeds = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures")).expect("fixtures").filter_map(Result::ok).map(|e| e.path()).collect();
    dirs.sort();
    for dir in dirs {
        let page = dir.join("input.html");
        if let Ok(bytes) = std::fs::read(&page) {
            seeds.push(("pipeline", page.clone(), bytes.clone()));
            seeds.push(("clean", page, [&[1u8][..], &bytes].concat()));
        } else if dir.ends_with("bad") || dir.ends_with("partner") {
            for file in std::fs::read_dir(&dir).expect("readable").filter_map(Result::ok).map(|e| e.path()) {
                let bytes = std::fs::read(&file).expect("readable");
                seeds.push(("pipeline", file, bytes));
            }
        }
    }
    seeds
}

#[test]
fn the_fuzz_corpus_and_regressions_hold() {
    // The fuzz targets' properties, over their seeds (made from fixtures/), the minimized corpus
    // (fuzz/corpus/<target>/cmin-*) and every crash input kept as a regression
    // (tests/data/fuzz-regressions/<target>/).
    let mut inputs = fixture_seeds();
    let seeds = inputs.len();
    for (dir, target) in [
        ("fuzz/corpus/pipeline", "pipeline"),
        ("tests/data/fuzz-regressions/pipeline", "pipeline"),
        ("fuzz/corpus/clean", "clean"),
        ("tests/data/fuzz-regressions/clean", "clean"),
    ] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else { continue };
        for path in entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file()) {
            let data = std::fs::read(&path).expect("readable");
            inputs.push((target, path, data));
        }
    }
    let failures: Vec<String> = inputs
        .par_iter()
        .filter_map(|(target, path, data)| {
            let result = std::panic::catch_unwind(|| fuzz_property(target, data)).unwrap_or_else(|_| Err("panicked".into()));
            result.err().map(|e| format!("{target}: {}: {e}", path.display()))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(seeds >= 50, "the fixture seeds went missing ({seeds})");
    assert!(inputs.len() >= seeds + 300, "the minimized fuzz corpus went missing ({} inputs)", inputs.len() - seeds);
}

/// The same property each fuzz target checks (fuzz/fuzz_targets/*.rs).
fn fuzz_property(target: &str, data: &[u8]) -> Result<(), String> {
    match target {
        "pipeline" => safety::pipeline_property(data),
        _ => {
            let Some((&first, rest)) = data.split_first() else { return Ok(()) };
            let Ok(fragment) = std::str::from_utf8(rest) else { return Ok(()) };
            safety::clean_property(fragment, if first & 1 == 0 { "generic" } else { "forward" })
        }
    }
}

#[test]
fn fixtures_are_idempotent_and_clean() {
    let settings = Settings::default();
    let mut checked = 0;
    for entry in std::fs::read_dir(root().join("fixtures")).expect("fixtures").filter_map(Result::ok) {
        let input = entry.path().join("input.html");
        let Ok(bytes) = std::fs::read(&input) else { continue };
        let (html, encoding) = republish::load::decode(&bytes, None).expect("fixture decodes");
        let loaded = Loaded { html, url: None, encoding: encoding.name() };
        let mut settings = settings.clone();
        settings.extract.base_url = url::Url::parse(safety::HARNESS_BASE).ok();
        let Ok(outcome) = republish::process_loaded(&loaded, &settings) else { continue };
        let profile = settings.builtins.iter().find(|p| p.name == outcome.profile).expect("builtin");
        let base = outcome.meta.canonical_url.as_ref().or(outcome.meta.page_url.as_ref());
        assert_eq!(clean::clean_fragment(&outcome.cleaned.html, base, profile), outcome.cleaned.html, "{}", input.display());
        checked += 1;
    }
    assert!(checked >= 20, "{checked}");
}

// ---------------------------------------------------------------------------------------------
// Robustness: pathological pages finish, without stack overflow on a 2 MiB worker stack.

/// Run `f` on a rayon worker with rayon's default 2 MiB stack (not the main thread's 8 MiB).
fn on_small_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).stack_size(2 * 1024 * 1024).build().expect("pool");
    pool.install(f)
}

fn article(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>Big page</title><link rel=canonical href=\"{CANONICAL}\"></head>\
         <body><article><h1>Big page</h1><p class=byline>By Ann Example</p>{body}</article></body></html>"
    )
}

fn process_page(html: String) -> republish::Outcome {
    on_small_stack(move || {
        let loaded = Loaded { html, url: None, encoding: "UTF-8" };
        republish::process_loaded(&loaded, &Settings::default()).expect("processed")
    })
}

/// The script-filled spot reaches the embed: a page whose HTML holds no story gives the story in
/// its JSON-LD, in paragraphs, its markup's links kept, with a warning that says so.
#[test]
fn a_script_filled_page_gives_the_story_in_its_jsonld() {
    let story = "The harbor ferry will cost $2.75 a ride starting Sept. 1, the transit board decided on Monday.\nBoard members said the increase, the first since 2019, is needed to cover higher fuel and insurance costs.";
    let page = Page { script_filled: Some(js(story)), ..Page::default() }.html();
    assert!(!page.contains("fuel and insurance costs.</p>"), "the HTML holds no story");
    let outcome = process_page(page);
    let embed = outcome.rendered.as_ref().expect("an embed").html.clone();
    assert!(embed.contains("<p>Board members said the increase, the first since 2019, is needed to cover higher fuel and insurance costs.</p>"), "{embed}");
    assert!(outcome.warnings.iter().any(|w| w.contains("JSON-LD articleBody")), "{:?}", outcome.warnings);
    let markup = "<p>The harbor ferry will cost $2.75 a ride starting Sept. 1, the board decided.</p><p>Riders can read the <a href=\"/transit/fares/\">fare schedule</a> online before the increase, the first since 2019.</p>";
    let outcome = process_page(Page { script_filled: Some(js(markup)), ..Page::default() }.html());
    let embed = outcome.rendered.as_ref().expect("an embed").html.clone();
    assert!(embed.contains("<a href=\"https://gazette.example/transit/fares/\">fare schedule</a>"), "{embed}");
    // A page with no story in its HTML and none in its JSON-LD is still no article.
    let loaded = Loaded { html: Page { script_filled: Some(js("Loading")), ..Page::default() }.html(), url: None, encoding: "UTF-8" };
    assert!(matches!(republish::process_loaded(&loaded, &Settings::default()), Err(Error::Extract(_))));
}

const PARAGRAPH: &str = "<p>The ferry fare rises by a quarter in September, the board decided on Monday night after hearing riders.</p>";

#[test]
fn deep_nesting_is_flattened() {
    let n = 100_000;
    let body = format!("{PARAGRAPH}{}<p>deep text at the bottom</p>{}{PARAGRAPH}", "<div>".repeat(n), "</div>".repeat(n));
    let outcome = process_page(article(&body));
    assert!(outcome.warnings.iter().any(|w| w.contains("flattened")), "{:?}", outcome.warnings);
    assert!(outcome.cleaned.text.contains("deep text at the bottom"));
    assert!(outcome.rendered.is_some());
    // Mixed inline and block nesting, which the parser treats differently.
    let body = format!(
        "{p}{}deep{}{p}",
        "<span><b><blockquote><i>".repeat(n / 4),
        "</i></blockquote></b></span>".repeat(n / 4),
        p = PARAGRAPH.repeat(3)
    );
    let outcome = process_page(article(&body));
    assert!(outcome.cleaned.text.contains("deep"));
}

#[test]
fn many_attributes_on_one_element() {
    let attrs: String = (0..100_000).map(|i| format!(" data-a{i}=\"{i}\"")).collect();
    let body = format!("{PARAGRAPH}<p{attrs} onclick=\"alert(1)\">attribute-heavy paragraph with its text</p>{PARAGRAPH}");
    let outcome = process_page(article(&body));
    let html = outcome.rendered.expect("eligible").html;
    assert!(html.contains("attribute-heavy paragraph"));
    assert!(!html.contains("data-a") && !html.contains("onclick"));
}

#[test]
fn a_50_mb_text_node() {
    let word = "ferry ";
    let text = word.repeat(50 * 1024 * 1024 / word.len());
    let body = format!("{PARAGRAPH}<p>{text}</p>");
    let outcome = process_page(article(&body));
    assert!(outcome.cleaned.word_count > 8_000_000, "{}", outcome.cleaned.word_count);
    assert!(outcome.rendered.expect("eligible").html.len() > 50_000_000);
}

#[test]
fn ten_thousand_paragraphs() {
    let body: String = (0..10_000).map(|i| format!("<p>Paragraph number {i} of the very long story about the ferry.</p>\n")).collect();
    let outcome = process_page(article(&body));
    assert_eq!(outcome.cleaned.paragraphs.iter().filter(|p| p.starts_with("Paragraph number")).count(), 10_000);
    assert!(outcome.rendered.expect("eligible").html.matches("<p>").count() >= 10_000);
}

#[test]
fn max_size_refuses_large_input_with_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("big.html");
    std::fs::write(&page, article(&PARAGRAPH.repeat(200))).expect("written");
    let out = dir.path().join("out.html");
    Test::new()
        .arg("embed")
        .arg(&page)
        .args(["--max-size", "10K", "-o"])
        .arg(&out)
        .run()
        .status(1)
        .one_line_error("--max-size");
    assert!(!Path::new(&out).exists(), "no output file is left behind");
    // The same page under a larger cap is fine.
    Test::new().arg("embed").arg(&page).args(["--max-size", "1M"]).run().status(0).stdout_has("<h1>");
}

#[test]
fn json_report_carries_no_script_either() {
    // The JSON report's `html` is the same embed; its metadata strings are JSON-escaped data.
    let v = "</script><img src=x onerror=alert(1)>";
    let page = Page { jsonld_author: js(v), title: esc(v), ..Page::default() };
    let loaded = Loaded { html: page.html(), url: None, encoding: "UTF-8" };
    let outcome = republish::process_loaded(&loaded, &xss_settings()).expect("processed");
    let report = serde_json::to_value(outcome.json()).expect("serializes");
    let html = report["html"].as_str().expect("embed");
    assert!(!FORBIDDEN_TEXT.is_match(html), "{html}");
}

#[test]
fn an_unsafe_embed_never_reaches_the_output() {
    // A profile whose licence URL is `javascript:` (profiles validate styles and the pixel, not
    // this URL): the safety check must stop the embed, one error line, exit 1, no output file.
    let dir = tempfile::tempdir().expect("tempdir");
    let profile = dir.path().join("bad.toml");
    std::fs::write(&profile, "name='bad'\n[credit]\ntemplate='From {publisher}.'\n[licence]\nname='L'\nurl='javascript:alert(1)'\n").expect("written");
    let page = dir.path().join("page.html");
    std::fs::write(&page, Page::default().html()).expect("written");
    let out = dir.path().join("out.html");
    let run = Test::new().arg("embed").arg(&page).arg("--profile").arg(&profile).arg("-o").arg(&out).run().status(1);
    assert!(!run.stdout().contains("javascript:"));
    run.one_line_error("");
    assert!(!out.exists(), "no output file is left behind");
}

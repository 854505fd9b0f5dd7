//! `republish` builds the copy-paste "Republish This Story" HTML from a news article page.
//!
//! One-way pipeline; each stage takes the previous stage's value and returns its own:
//!
//! | stage | module | from → to |
//! |---|---|---|
//! | load | [`load`] | file, stdin or URL → [`load::Loaded`] (UTF-8 text, final URL) |
//! | parse | [`parse`] | text → [`parse::Page`] (one html5ever tree, after the [`prescan`] bounds its depth) |
//! | extract | [`extract`] | page + profile → [`extract::Article`] (metadata, body root, furniture marks) |
//! | judge | [`judge`] | article → [`judge::Verdict`] (eligible, or which outlet it came from) |
//! | clean | [`clean`] | article → [`clean::Cleaned`] (sanitized body HTML, text, links, removed counts) |
//! | render | [`render`] | metadata + cleaned body + profile → [`render::Rendered`] (embed, head, text) |
//!
//! [`process`] runs them all for one input. Only the binary prints, writes output files or picks
//! exit codes; `batch` and `verify` reuse this same pipeline.

pub mod clean;
pub mod extract;
pub mod judge;
pub mod load;
pub mod parse;
mod partners;
pub mod pattern;
pub mod prescan;
pub mod preview;
pub mod profile;
pub mod render;
pub mod safety;
pub mod batch;
pub mod verify;
#[cfg(test)]
mod testing;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::clean::Cleaned;
use crate::extract::{Author, Metadata, StrippedImage};
use crate::judge::Verdict;
use crate::load::{LoadError, LoadOptions, Loaded, Source};
use crate::profile::Profile;
use crate::render::Rendered;

/// Why one input could not be processed. Refusal is not an error: see [`Outcome::verdict`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input could not be read or decoded.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The page's markup is too misnested to parse in bounded time.
    #[error(transparent)]
    Parse(#[from] parse::ParseError),
    /// No article in the page.
    #[error(transparent)]
    Extract(#[from] extract::ExtractError),
    /// The embed could not be built.
    #[error(transparent)]
    Render(#[from] render::RenderError),
    /// The finished embed broke an output-safety invariant ([`safety::check_embed`]); it is
    /// withheld. Defence in depth: this never fires unless an earlier stage has a bug.
    #[error("{0}")]
    Unsafe(String),
}

/// Everything the pipeline needs besides the input, resolved once by the command layer.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `--profile`, when given; otherwise profiles are picked per page from `builtins`.
    pub profile: Option<Profile>,
    /// The built-in profiles.
    pub builtins: Vec<Profile>,
    /// Extraction options (`--base-url`).
    pub extract: extract::Options,
    /// Input limits (`--max-size`, timeouts).
    pub load: LoadOptions,
    /// Parser limits (nesting depth, attributes per element).
    pub limits: prescan::Limits,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            profile: None,
            builtins: Profile::builtins(),
            extract: extract::Options::default(),
            load: LoadOptions::default(),
            limits: prescan::Limits::default(),
        }
    }
}

impl Settings {
    /// What the parse may leave out: attributes no stage reads unless a profile's selector
    /// (the given one's or a built-in's, whichever a page may pick) names them.
    pub fn prune(&self) -> prescan::Prune {
        prescan::Prune::for_selectors(self.profile.iter().chain(&self.builtins).flat_map(|p| {
            let s = &p.selectors;
            s.body.iter().chain(&s.byline).chain(&s.title).chain(&s.remove).chain(&p.opt_out.selectors).map(String::as_str)
        }))
    }
}

/// The result of the pipeline for one article, owned: the page tree is gone.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The profile that was used.
    pub profile: String,
    /// The article's metadata.
    pub meta: Metadata,
    /// The judge's verdict.
    pub verdict: Verdict,
    /// The cleaned body.
    pub cleaned: Cleaned,
    /// The embed; `None` when the story was refused.
    pub rendered: Option<Rendered>,
    /// Notes for the user (no pixel, flattened nesting, ...).
    pub warnings: Vec<String>,
}

/// Load, then run the pipeline.
pub fn process(source: &Source, settings: &Settings) -> Result<Outcome, Error> {
    let loaded = load::load(source, &settings.load)?;
    process_loaded(&loaded, settings)
}

/// Run the pipeline on a page already loaded.
pub fn process_loaded(loaded: &Loaded, settings: &Settings) -> Result<Outcome, Error> {
    let page = parse::parse_pruned(loaded, &settings.limits, &settings.prune())?;
    let mut warnings = Vec::new();
    if page.flattened_tags > 0 {
        warnings.push(format!(
            "nesting deeper than {} levels: {} elements flattened",
            settings.limits.max_depth, page.flattened_tags
        ));
    }
    // Meta tags, links and JSON-LD are read once, for the profile pick and the metadata.
    let head = extract::Head::read(&page);
    let profile = extract::pick_profile_with(&page, &head, settings.profile.as_ref(), &settings.builtins, &settings.extract);
    // Declared before the article, which may borrow it.
    let script_filled: parse::Page;
    let article = match extract::extract_with(&page, &head, profile, &settings.extract) {
        Err(extract::ExtractError::NoArticle) if let Some(doc) = extract::page_from_article_body(&page, &head) => {
            let from_metadata = Loaded { html: doc, url: loaded.url.clone(), encoding: loaded.encoding };
            script_filled = parse::parse_pruned(&from_metadata, &settings.limits, &settings.prune())?;
            warnings.push("the page's HTML holds no story (a script fills it in): the body is the text of its JSON-LD articleBody".to_owned());
            extract::extract_with(&script_filled, &extract::Head::read(&script_filled), profile, &settings.extract)?
        }
        other => other?,
    };
    let verdict = judge::judge(&article);
    let cleaned = clean::clean(&article);
    let rendered = if verdict.eligible {
        let rendered = render::render(&article.meta, &cleaned, profile)?;
        let canonical = article.meta.canonical_url.as_ref().or(article.meta.page_url.as_ref()).map_or("", url::Url::as_str);
        let violations = safety::check_embed(&rendered.html, profile, rendered.pixel_url.as_deref(), canonical);
        if let Some(first) = violations.first() {
            return Err(Error::Unsafe(format!(
                "internal safety check refused the embed ({first}{}); please report this page",
                if violations.len() > 1 { format!(" and {} more", violations.len() - 1) } else { String::new() }
            )));
        }
        warnings.extend(rendered.warnings.iter().cloned());
        Some(rendered)
    } else {
        None
    };
    Ok(Outcome { profile: profile.name.clone(), meta: article.meta, verdict, cleaned, rendered, warnings })
}

/// The `--format json` object of one article.
#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    pub title: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub authors: &'a [Author],
    pub publisher: Option<&'a str>,
    pub canonical_url: Option<&'a str>,
    pub published: Option<&'a str>,
    pub post_id: Option<&'a str>,
    pub profile: &'a str,
    pub html: Option<&'a str>,
    /// The cleaned article body alone (also for refused stories, for editors and evaluation).
    pub body_html: &'a str,
    pub head_html: Option<&'a str>,
    pub text: Option<&'a str>,
    pub word_count: usize,
    pub pixel_url: Option<&'a str>,
    pub images: &'a [StrippedImage],
    pub removed: &'a BTreeMap<String, usize>,
    pub links: &'a [clean::Link],
    pub eligibility: &'a Verdict,
    pub warnings: &'a [String],
}

impl Outcome {
    /// The JSON report of this outcome.
    pub fn json(&self) -> JsonReport<'_> {
        let rendered = self.rendered.as_ref();
        JsonReport {
            title: self.meta.title.as_deref(),
            byline: self.meta.byline.as_deref(),
            authors: &self.meta.authors,
            publisher: self.meta.publisher.as_deref(),
            canonical_url: self.meta.canonical_url.as_ref().or(self.meta.page_url.as_ref()).map(url::Url::as_str),
            published: self.meta.published.as_deref(),
            post_id: self.meta.post_id.as_deref(),
            profile: &self.profile,
            html: rendered.map(|r| r.html.as_str()),
            body_html: &self.cleaned.html,
            head_html: rendered.map(|r| r.head_html.as_str()),
            text: rendered.map(|r| r.text.as_str()),
            word_count: self.cleaned.word_count,
            pixel_url: rendered.and_then(|r| r.pixel_url.as_deref()),
            images: &self.cleaned.images,
            removed: &self.cleaned.removed,
            links: &self.cleaned.links,
            eligibility: &self.verdict,
            warnings: &self.warnings,
        }
    }
}

//! The editors' preview page (`embed --preview FILE`, `batch --preview`): one standalone HTML file
//! with the publisher, the title, the verdict and its reasons, the republishing guidelines, the
//! embed code in a read-only textarea with a "Copy HTML" button, the embed rendered in a sandboxed
//! `<iframe srcdoc>` (no scripts in it), and the stripped images to license.
//!
//! Pure: an [`Outcome`] and its [`Profile`] in, a `String` out. The page loads nothing from
//! elsewhere (only the embed's own pixel, inside the frame) and carries one inline script, the
//! Copy button's, allowed by its hash in the page's own Content-Security-Policy; the frame inherits
//! that policy and its sandbox has no `allow-scripts`. Every value is escaped by askama, the embed
//! too (as the textarea's text and as the `srcdoc` attribute value).

use askama::Template;

use crate::judge::Verdict;
use crate::profile::Profile;
use crate::{Outcome, Settings};

/// The page's only script: the Copy button. Its hash is in [`SCRIPT_HASH`]; a test recomputes it.
pub const SCRIPT: &str = r#"(function () {
  var button = document.getElementById("copy"), code = document.getElementById("code"), status = document.getElementById("copied");
  if (!button || !code || !status) return;
  button.hidden = false;
  var timer = 0;
  function done(message, ok) {
    status.textContent = message;
    status.className = ok ? "status ok" : "status";
    clearTimeout(timer);
    timer = setTimeout(function () { status.textContent = ""; }, 4000);
  }
  function fallback() {
    code.focus();
    code.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) {}
    done(ok ? "Copied to the clipboard" : "Press Ctrl+C (\u2318C) to copy the selected code", ok);
  }
  button.addEventListener("click", function () {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(code.value).then(function () { done("Copied to the clipboard", true); }, fallback);
    } else {
      fallback();
    }
  });
})();"#;

/// `sha256-` + base64 of the SHA-256 of [`SCRIPT`], for the page's `script-src`.
pub const SCRIPT_HASH: &str = "sha256-QjcOTilwi+Oc1g4QiOY3LtJDB17DLYNGt5pQXQ4dYlY=";

/// The page's Content-Security-Policy: nothing loads but images (the embed's pixel), inline
/// styles, and the one script above. The `srcdoc` frame inherits it.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'; script-src '{SCRIPT_HASH}'; \
         base-uri 'none'; form-action 'none'; object-src 'none'"
    )
}

/// Guidelines shown when the profile has none.
pub const DEFAULT_GUIDELINES: &[&str] = &[
    "Credit the original publisher and keep the link to the original story.",
    "Keep the tracking pixel and the canonical link; do not edit the text beyond style and length corrections.",
    "Images are not included: license your own.",
];

/// Styles of the document inside the frame: a plain reading page, like a partner's.
const FRAME_STYLE: &str = "body{margin:0;padding:24px 28px;font:18px/1.6 Georgia,'Times New Roman',serif;color:#1d1d1f;background:#fff}\
h1{font:700 1.75em/1.2 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:.2em 0 .5em}\
h2,h3{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.25}\
a{color:#0b57d0}blockquote{border-left:3px solid #ccc;padding-left:1em;color:#444}";

/// One reason of a refusal, for display.
struct ReasonView<'a> {
    signal: &'static str,
    evidence: &'a str,
    location: &'a str,
    source: Option<&'a str>,
}

/// One stripped image, for display.
struct ImageView<'a> {
    src: Option<&'a str>,
    label: String,
    /// The caption without the credit when it ends with it.
    caption: Option<&'a str>,
    credit: Option<&'a str>,
    alt: Option<&'a str>,
}

#[derive(Template)]
#[template(path = "preview.html", escape = "html")]
struct PreviewTemplate<'a> {
    csp: String,
    script: &'static str,
    publisher: String,
    profile: &'a str,
    title: &'a str,
    canonical: Option<&'a str>,
    eligible: bool,
    summary: String,
    reasons: Vec<ReasonView<'a>>,
    guidelines: Vec<&'a str>,
    licence: Option<(&'a str, &'a str)>,
    embed: Option<&'a str>,
    srcdoc: Option<String>,
    images: Vec<ImageView<'a>>,
    warnings: &'a [String],
    version: &'static str,
}

/// The preview page of one outcome, with the profile that made it.
pub fn preview(outcome: &Outcome, profile: &Profile) -> String {
    let meta = &outcome.meta;
    let canonical = meta.canonical_url.as_ref().or(meta.page_url.as_ref());
    let publisher = profile
        .publisher
        .clone()
        .or_else(|| meta.publisher.clone())
        .or_else(|| canonical.and_then(|u| u.host_str()).map(|h| h.trim_start_matches("www.").to_owned()))
        .unwrap_or_else(|| "Unknown publisher".to_owned());
    let guidelines: Vec<&str> = if profile.guidelines.is_empty() {
        DEFAULT_GUIDELINES.to_vec()
    } else {
        profile.guidelines.iter().map(String::as_str).collect()
    };
    let embed = outcome.rendered.as_ref().map(|r| r.html.as_str());
    let template = PreviewTemplate {
        csp: content_security_policy(),
        script: SCRIPT,
        publisher,
        profile: &outcome.profile,
        title: meta.title.as_deref().unwrap_or("(no headline)"),
        canonical: canonical.map(url::Url::as_str),
        eligible: outcome.verdict.eligible && embed.is_some(),
        summary: summary(&outcome.verdict),
        reasons: outcome
            .verdict
            .reasons
            .iter()
            .map(|r| ReasonView {
                signal: r.signal.as_str(),
                evidence: &r.evidence,
                location: &r.location,
                source: r.source.as_deref(),
            })
            .collect(),
        guidelines,
        licence: profile.licence.as_ref().map(|l| (l.name.as_str(), l.url.as_str())),
        embed,
        srcdoc: embed.map(frame_document),
        images: if embed.is_some() { outcome.cleaned.images.iter().map(image_view).collect() } else { Vec::new() },
        warnings: &outcome.warnings,
        version: env!("CARGO_PKG_VERSION"),
    };
    template.render().unwrap_or_default()
}

/// [`preview`] with the outcome's own profile looked up in `settings` (the `--profile` one, else
/// the built-in of that name, else the generic defaults).
pub fn preview_with(outcome: &Outcome, settings: &Settings) -> String {
    let profile = settings
        .profile
        .iter()
        .chain(&settings.builtins)
        .find(|p| p.name == outcome.profile)
        .cloned()
        .or_else(|| Profile::builtin("generic"));
    match profile {
        Some(profile) => preview(outcome, &profile),
        None => String::new(),
    }
}

/// The whole document shown in the frame: the embed, in a plain reading style. Links open in a
/// new tab (the sandbox allows popups, never scripts).
fn frame_document(embed: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><base target=\"_blank\"><style>{FRAME_STYLE}</style></head><body>\n{embed}</body></html>"
    )
}

fn summary(verdict: &Verdict) -> String {
    if verdict.eligible {
        "This story may be republished.".to_owned()
    } else {
        let origin = verdict.source.as_deref().unwrap_or("another publication");
        format!("Not republishable: this story originated with {origin}.")
    }
}

fn image_view(image: &crate::extract::StrippedImage) -> ImageView<'_> {
    let file = image.src.as_deref().and_then(|s| {
        let path = s.split(['?', '#']).next().unwrap_or(s);
        path.rsplit('/').find(|p| !p.is_empty())
    });
    let label = image
        .alt
        .as_deref()
        .filter(|a| !a.trim().is_empty())
        .or(file)
        .unwrap_or("image")
        .to_owned();
    ImageView {
        src: image.src.as_deref().filter(|s| s.starts_with("https://") || s.starts_with("http://")),
        label,
        caption: image.caption.as_deref().map(|c| caption_without_credit(c, image.credit.as_deref())).filter(|c| !c.is_empty()),
        credit: image.credit.as_deref(),
        alt: image.alt.as_deref(),
    }
}

/// "Volunteers on the roof. Photo by X" with credit "Photo by X" → "Volunteers on the roof."
fn caption_without_credit<'a>(caption: &'a str, credit: Option<&str>) -> &'a str {
    let caption = caption.trim();
    match credit.map(str::trim).filter(|c| !c.is_empty()) {
        Some(credit) if caption.ends_with(credit) => caption[..caption.len() - credit.len()].trim_end(),
        _ => caption,
    }
}

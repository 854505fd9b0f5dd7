//! Stage 6 of the pipeline: metadata, cleaned body and profile to the copy-paste embed (askama
//! template), its head part, the plain-text version and the pixel URL. Everything but the cleaned
//! body is escaped by the template; the body is the only `|safe` value.

use askama::Template;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use crate::clean::{Cleaned, escape_into};
use crate::extract::Metadata;
use crate::extract::text::alnum_key;
use crate::profile::{Licence, Position, Profile};

/// Unreserved characters stay as they are in pixel URL values; everything else is encoded.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Why the embed could not be rendered.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// There is no URL to point the canonical link and credit at.
    #[error("no canonical URL (the page has no <link rel=canonical> or og:url; give --base-url)")]
    NoCanonical,
    /// The page has no headline.
    #[error("no headline found")]
    NoTitle,
}

/// Stage 6's output.
#[derive(Debug, Clone, Serialize)]
pub struct Rendered {
    /// The full snippet.
    pub html: String,
    /// `<link rel="canonical">` alone, for CMSs with a head field.
    pub head_html: String,
    /// Plain text for print partners.
    pub text: String,
    /// The pixel URL, if the profile has a template and the page gave every value it needs.
    pub pixel_url: Option<String>,
    /// The credit line as text.
    pub credit: String,
    /// Things the user should know (no pixel, ...).
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// The credit sentence cut around its link.
struct CreditParts {
    before: String,
    link: String,
    after: String,
}

/// ` style="..."` attributes per element, escaped once.
#[derive(Default)]
struct Styles {
    h1: String,
    p: String,
    byline: String,
    credit: String,
    licence: String,
}

#[derive(Template)]
#[template(path = "embed.html", escape = "html")]
struct EmbedTemplate<'a> {
    // Values marked `_attr` are URLs escaped for an attribute by `escape_into` (`&` as `&amp;`);
    // the template emits them with `|safe`. Everything else is escaped by askama.
    canonical_attr: String,
    title: &'a str,
    /// (name, escaped author page URL)
    authors: Vec<(&'a str, Option<String>)>,
    publisher: Option<&'a str>,
    date_display: Option<String>,
    body: &'a str,
    credit: CreditParts,
    credit_top: bool,
    credit_italic: bool,
    /// (name, escaped URL)
    licence: Option<(&'a str, String)>,
    pixel_attr: Option<String>,
    pixel_style: &'a str,
    styles: Styles,
}

/// Render the embed.
pub fn render(meta: &Metadata, cleaned: &Cleaned, profile: &Profile) -> Result<Rendered, RenderError> {
    let canonical = meta.canonical_url.as_ref().or(meta.page_url.as_ref()).ok_or(RenderError::NoCanonical)?;
    let title = meta.title.as_deref().ok_or(RenderError::NoTitle)?;
    let mut warnings = Vec::new();
    let publisher = meta.publisher.clone().or_else(|| canonical.host_str().map(|h| h.trim_start_matches("www.").to_owned()));
    let credit = credit_parts(&profile.credit.template, publisher.as_deref().unwrap_or("the original publisher"), title, meta.published.as_deref());
    let pixel_url = match &profile.pixel {
        None => {
            warnings.push(format!("profile \"{}\" has no pixel template: the embed has no tracking pixel", profile.name));
            None
        }
        Some(template) => match fill_pixel(template, meta, canonical.as_str()) {
            Ok(url) => Some(url),
            Err(missing) => {
                warnings.push(format!("the page gives no {missing} for the pixel template: the embed has no tracking pixel"));
                None
            }
        },
    };
    // "By Valley Post, Valley Post": a site credited as its own author is named once.
    let byline_publisher = publisher.as_deref().filter(|p| !meta.authors.iter().any(|a| alnum_key(&a.name) == alnum_key(p)));
    let canonical_str = canonical.as_str();
    let template = EmbedTemplate {
        canonical_attr: attr(canonical_str),
        title,
        authors: meta.authors.iter().map(|a| (a.name.as_str(), a.url.as_ref().map(|u| attr(u.as_str())))).collect(),
        publisher: byline_publisher,
        date_display: meta.published.as_deref().and_then(display_date),
        body: &cleaned.html,
        credit_top: profile.credit.position == Position::Top,
        credit_italic: profile.credit.italic,
        credit,
        licence: profile.licence.as_ref().map(|l: &Licence| (l.name.as_str(), attr(&l.url))),
        pixel_attr: pixel_url.as_deref().map(attr),
        pixel_style: &profile.pixel_style,
        styles: Styles {
            h1: style_attr(profile, "h1"),
            p: style_attr(profile, "p"),
            byline: style_attr(profile, "byline").or_if_empty(style_attr(profile, "p")),
            credit: style_attr(profile, "credit").or_if_empty(style_attr(profile, "p")),
            licence: style_attr(profile, "licence").or_if_empty(style_attr(profile, "p")),
        },
    };
    let credit_text = format!("{}{}{}", template.credit.before, template.credit.link, template.credit.after);
    let html = template.render().unwrap_or_default();
    let mut head_html = String::from("<link rel=\"canonical\" href=\"");
    escape_into(&mut head_html, canonical_str, true);
    head_html.push_str("\">");
    let text = plain_text(meta, title, byline_publisher, cleaned, &credit_text, canonical_str, profile);
    Ok(Rendered { html, head_html, text, pixel_url, credit: credit_text, warnings })
}

trait OrIfEmpty {
    fn or_if_empty(self, other: String) -> String;
}

impl OrIfEmpty for String {
    fn or_if_empty(self, other: String) -> String {
        if self.is_empty() { other } else { self }
    }
}

/// A value escaped for a double-quoted attribute.
fn attr(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    escape_into(&mut out, value, true);
    out
}

fn style_attr(profile: &Profile, element: &str) -> String {
    profile.style(element).map_or_else(String::new, |style| {
        let mut out = String::from(" style=\"");
        escape_into(&mut out, style, true);
        out.push('"');
        out
    })
}

fn credit_parts(template: &str, publisher: &str, title: &str, date: Option<&str>) -> CreditParts {
    let fill = |s: &str| s.replace("{title}", title).replace("{date}", &date.and_then(display_date).unwrap_or_default());
    match template.split_once("{publisher}") {
        Some((before, after)) => CreditParts { before: fill(before), link: publisher.to_owned(), after: fill(&after.replace("{publisher}", publisher)) },
        None => CreditParts { before: String::new(), link: fill(template), after: String::new() },
    }
}

/// Fill the pixel template; every value is percent-encoded. Err names a missing placeholder.
pub fn fill_pixel(template: &str, meta: &Metadata, canonical: &str) -> Result<String, &'static str> {
    let host = url::Url::parse(canonical).ok().and_then(|u| u.host_str().map(str::to_owned));
    let values: [(&str, &'static str, Option<&str>); 5] = [
        ("{post_id}", "post id", meta.post_id.as_deref()),
        ("{canonical_url}", "canonical URL", Some(canonical)),
        ("{slug}", "slug", meta.slug.as_deref()),
        ("{title}", "title", meta.title.as_deref()),
        ("{host}", "host", host.as_deref()),
    ];
    let mut out = template.to_owned();
    for (placeholder, what, value) in values {
        if out.contains(placeholder) {
            let value = value.ok_or(what)?;
            out = out.replace(placeholder, &utf8_percent_encode(value, COMPONENT).to_string());
        }
    }
    Ok(out)
}

/// "2025-03-14T..." → "March 14, 2025".
pub fn display_date(iso: &str) -> Option<String> {
    let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let year: u32 = iso.get(0..4)?.parse().ok()?;
    let month: usize = iso.get(5..7)?.parse().ok()?;
    let day: u32 = iso.get(8..10)?.parse().ok()?;
    let name = months.get(month.checked_sub(1)?)?;
    Some(format!("{name} {day}, {year}"))
}

fn plain_text(meta: &Metadata, title: &str, publisher: Option<&str>, cleaned: &Cleaned, credit: &str, canonical: &str, profile: &Profile) -> String {
    let mut out = String::new();
    let credit_line = format!("{credit} {canonical}");
    if profile.credit.position == Position::Top {
        out.push_str(&credit_line);
        out.push_str("\n\n");
    }
    out.push_str(title);
    out.push('\n');
    if let Some(byline) = &meta.byline {
        out.push_str("By ");
        out.push_str(byline);
        if let Some(p) = publisher {
            out.push_str(", ");
            out.push_str(p);
        }
        out.push('\n');
    }
    if let Some(date) = meta.published.as_deref().and_then(display_date) {
        out.push_str(&date);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&cleaned.text);
    out.push_str("\n\n");
    if profile.credit.position == Position::Bottom {
        out.push_str(&credit_line);
        out.push('\n');
    }
    if let Some(licence) = &profile.licence {
        out.push_str(&format!("This story is licensed under {} ({}).\n", licence.name, licence.url));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixel_values_are_encoded() {
        let meta = Metadata { post_id: Some("12&x=<1>".into()), title: Some("A \"b\"".into()), ..Metadata::default() };
        let url = fill_pixel("https://p.example/px.gif?id={post_id}&u={canonical_url}&t={title}", &meta, "https://x.org/a b?c=1&d=2").unwrap();
        assert_eq!(url, "https://p.example/px.gif?id=12%26x%3D%3C1%3E&u=https%3A%2F%2Fx.org%2Fa%20b%3Fc%3D1%26d%3D2&t=A%20%22b%22");
        assert_eq!(fill_pixel("https://p.example/{slug}", &Metadata::default(), "https://x.org/"), Err("slug"));
    }

    #[test]
    fn dates_display() {
        assert_eq!(display_date("2016-12-29T01:32:00+00:00").as_deref(), Some("December 29, 2016"));
        assert_eq!(display_date("2016-13-01"), None);
        assert_eq!(display_date("junk"), None);
    }

    #[test]
    fn credit_is_cut_around_publisher() {
        let parts = credit_parts("This story was originally published in {publisher}.", "the Forward", "T", None);
        assert_eq!((parts.before.as_str(), parts.link.as_str(), parts.after.as_str()), ("This story was originally published in ", "the Forward", "."));
        let parts = credit_parts("Read \"{title}\" at the source", "P", "T", None);
        assert_eq!(parts.link, "Read \"T\" at the source");
    }
}

//! Publisher profiles: what differs between publishers (credit wording, pixel, licence, selectors,
//! syndication partners). Read once by the command layer, then shared read-only by every stage.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use scraper::Selector;
use serde::{Deserialize, Serialize};

/// The built-in profiles, in the order `republish profiles` lists them.
const BUILTIN_SOURCES: &[(&str, &str)] = &[
    ("generic", include_str!("../profiles/generic.toml")),
    ("forward", include_str!("../profiles/forward.toml")),
];

/// Agencies and outlets every profile knows about, so that a wire story is refused even by the
/// generic profile (`crate::partners`). A profile's own `[[partners]]` come first and may add to
/// these.
static BUILTIN_PARTNERS: LazyLock<Vec<Partner>> = LazyLock::new(|| crate::partners::BUILTIN.iter().map(crate::partners::Builtin::to_partner).collect());

/// Errors in a profile file or name.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProfileError {
    /// `--profile NAME` names no built-in profile and no file.
    #[error("unknown profile \"{0}\" (built in: generic, forward; or give a .toml file)")]
    Unknown(String),
    /// The profile file could not be read.
    #[error("cannot read profile {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The profile is not valid TOML for a profile.
    #[error("invalid profile {name}: {message}")]
    Invalid {
        /// The profile's file or name.
        name: String,
        /// What is wrong, from the TOML parser or our own checks.
        message: String,
    },
}

/// Where the credit line goes in the embed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    /// Before the headline.
    Top,
    /// After the body (the default).
    #[default]
    Bottom,
}

/// The credit line: a sentence naming the original publisher, linked to the canonical URL.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credit {
    /// Plain text with placeholders `{publisher}`, `{title}`, `{date}`. `{publisher}` becomes a
    /// link to the canonical URL; without it the whole line is the link.
    pub template: String,
    /// `top` or `bottom`. Default `bottom`.
    #[serde(default)]
    pub position: Position,
    /// Set the line in italics. Default `true`.
    #[serde(default = "yes")]
    pub italic: bool,
}

fn yes() -> bool {
    true
}

/// A licence the publisher hands the story out under.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// Its name, e.g. "CC BY-NC-ND 4.0".
    pub name: String,
    /// Where its text is.
    pub url: String,
}

/// CSS selectors that override the generic extractor for one publisher's template.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selectors {
    /// The element holding the article body. Default: none (generic extractor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The element holding the byline ("By X and Y"). Default: none (generic detection).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The headline. Default: none (og:title, JSON-LD, h1, title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Elements inside the body that are furniture for this publisher. Default: empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove: Vec<String>,
}

/// A syndication partner or wire agency whose stories the publisher may not hand out.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// The name the verdict gives, e.g. "JTA".
    pub name: String,
    /// Other names it goes by, e.g. "Jewish Telegraphic Agency".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Its web domains, e.g. "jta.org".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// Substrings of author page URLs that mean this partner, e.g. "/authors/jta/".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author_urls: Vec<String>,
    /// Dateline codes, e.g. "JTA" for "JERUSALEM (JTA) —".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agency_codes: Vec<String>,
}

/// Markers by which a publisher flags a story as not for republishing.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptOut {
    /// Selectors that, when they match anywhere in the page, refuse the story.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub selectors: Vec<String>,
    /// Classes on `<body>` or `<article>` (e.g. `category-jta`) that refuse the story; the part
    /// after `category-`/`tag-` names the source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub classes: Vec<String>,
}

/// One publisher's profile, as read from TOML. See `docs/profiles.md` for every key.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Short name used with `--profile`.
    pub name: String,
    /// The publisher's display name. Default: none (taken from the page: og:site_name, JSON-LD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Other names the publisher signs with, such as a sister edition or a former name: a credit
    /// or byline naming one is the publisher's own. Default: empty. Example:
    /// `publisher_aliases = ["Forverts"]` (the Forward's Yiddish edition).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publisher_aliases: Vec<String>,
    /// Hosts this profile is picked for automatically (subdomains match too). Default: empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// The credit line.
    pub credit: Credit,
    /// The licence line. Default: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<Licence>,
    /// The tracking pixel URL template with `{post_id}`, `{canonical_url}`, `{slug}`, `{title}`,
    /// `{host}`; every value is URL-encoded. Default: none (no pixel, a warning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pixel: Option<String>,
    /// Inline style of the pixel img. Default `width:1px;height:1px;border:0`.
    #[serde(default = "default_pixel_style")]
    pub pixel_style: String,
    /// Template-specific selectors.
    #[serde(default)]
    pub selectors: Selectors,
    /// Inline styles per element name (`p`, `h2`, `blockquote`, ...), for CMSs that drop classes.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub styles: BTreeMap<String, String>,
    /// Republishing guidelines shown in the preview page, as plain-text paragraphs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guidelines: Vec<String>,
    /// Syndication partners and agencies, added to the built-in list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<Partner>,
    /// Opt-out markers.
    #[serde(default)]
    pub opt_out: OptOut,
}

fn default_pixel_style() -> String {
    "width:1px;height:1px;border:0".to_owned()
}

/// Elements a profile may style inline.
const STYLABLE: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "a", "pre", "table",
    "td", "th", "figure", "hr", "byline", "credit", "licence",
];

impl Profile {
    /// Names of the built-in profiles.
    pub fn builtin_names() -> impl Iterator<Item = &'static str> {
        BUILTIN_SOURCES.iter().map(|(name, _)| *name)
    }

    /// The TOML text of a built-in profile.
    pub fn builtin_source(name: &str) -> Option<&'static str> {
        BUILTIN_SOURCES.iter().find(|(n, _)| *n == name).map(|(_, src)| *src)
    }

    /// A built-in profile by name.
    ///
    /// # Panics
    /// Never for the names in `builtin_names` (a unit test parses them all).
    pub fn builtin(name: &str) -> Option<Profile> {
        Self::builtin_source(name).map(|src| {
            Self::from_toml(src, name).expect("built-in profiles are valid (checked by a unit test)")
        })
    }

    /// All built-in profiles.
    pub fn builtins() -> Vec<Profile> {
        Self::builtin_names().filter_map(Self::builtin).collect()
    }

    /// `--profile NAME|FILE`: a built-in name, else a TOML file.
    pub fn resolve(arg: &str) -> Result<Profile, ProfileError> {
        if let Some(profile) = Self::builtin(arg) {
            return Ok(profile);
        }
        let path = std::path::Path::new(arg);
        if !path.exists() && !arg.ends_with(".toml") {
            return Err(ProfileError::Unknown(arg.to_owned()));
        }
        let text = std::fs::read_to_string(path)
            .map_err(|source| ProfileError::Read { path: arg.to_owned(), source })?;
        Self::from_toml(&text, arg)
    }

    /// Parse and validate a profile. Selectors must parse and inline styles must be inert.
    pub fn from_toml(text: &str, name: &str) -> Result<Profile, ProfileError> {
        let invalid = |message: String| ProfileError::Invalid { name: name.to_owned(), message };
        let profile: Profile = toml::from_str(text).map_err(|e| invalid(e.message().to_owned()))?;
        let selectors = profile
            .selectors
            .body
            .iter()
            .chain(&profile.selectors.byline)
            .chain(&profile.selectors.title)
            .chain(&profile.selectors.remove)
            .chain(&profile.opt_out.selectors);
        for selector in selectors {
            Selector::parse(selector)
                .map_err(|e| invalid(format!("selector \"{selector}\": {e}")))?;
        }
        for (element, style) in
            profile.styles.iter().map(|(k, v)| (k.as_str(), v)).chain([("pixel", &profile.pixel_style)])
        {
            if element != "pixel" && !STYLABLE.contains(&element) {
                return Err(invalid(format!("styles: cannot style \"{element}\"")));
            }
            if let Some(bad) = unsafe_css(style) {
                return Err(invalid(format!("styles.{element}: \"{bad}\" is not allowed")));
            }
        }
        if let Some(pixel) = &profile.pixel {
            let probe = pixel.replace(['{', '}'], "");
            match url::Url::parse(&probe) {
                Ok(u) if matches!(u.scheme(), "http" | "https") => {}
                _ => return Err(invalid(format!("pixel: \"{pixel}\" is not an http(s) URL template"))),
            }
        }
        Ok(profile)
    }

    /// The profile as TOML, to start a custom one from.
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }

    /// Whether `host` is one of this profile's domains or a subdomain of one.
    pub fn matches_host(&self, host: &str) -> bool {
        self.domains.iter().any(|d| host_within(host, d))
    }

    /// The profile's partners followed by the built-in ones.
    pub fn all_partners(&self) -> impl Iterator<Item = &Partner> {
        self.partners.iter().chain(BUILTIN_PARTNERS.iter())
    }

    /// The built-in partners that [`Profile::all_partners`] ends with, the same for every profile.
    pub fn builtin_partners() -> &'static [Partner] {
        &BUILTIN_PARTNERS
    }

    /// The inline style for an element, if the profile sets one.
    pub fn style(&self, element: &str) -> Option<&str> {
        self.styles.get(element).map(String::as_str)
    }
}

/// The first construct in an inline style that could load or run something, if any.
pub fn unsafe_css(style: &str) -> Option<&'static str> {
    let folded: String = style
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\\')
        .flat_map(char::to_lowercase)
        .collect();
    ["url(", "expression", "behavior", "@import", "javascript:", "-moz-binding", "<", ">"]
        .into_iter()
        .find(|bad| folded.contains(bad))
}

/// Whether `host` is `domain` or a subdomain of it, give or take a leading "www." on either
/// (`news.valleypost.example` is within `www.valleypost.example`).
pub fn host_within(host: &str, domain: &str) -> bool {
    let (host, domain) = (host.trim_start_matches("www."), domain.trim_start_matches("www."));
    host == domain || host.strip_suffix(domain).is_some_and(|rest| rest.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_parse_and_round_trip() {
        for name in Profile::builtin_names() {
            let profile = Profile::builtin(name).unwrap();
            assert_eq!(profile.name, name);
            let again = Profile::from_toml(&profile.to_toml(), name).unwrap();
            assert_eq!(again.to_toml(), profile.to_toml());
        }
    }

    #[test]
    fn hosts_within_a_domain() {
        for (host, domain) in [("forward.com", "forward.com"), ("www.forward.com", "forward.com"), ("forward.com", "www.forward.com"), ("news.forward.com", "forward.com")] {
            assert!(host_within(host, domain), "{host} in {domain}");
        }
        for (host, domain) in [("notforward.com", "forward.com"), ("forward.com.evil.example", "forward.com"), ("forward.com", "news.forward.com")] {
            assert!(!host_within(host, domain), "{host} not in {domain}");
        }
    }

    #[test]
    fn forward_is_picked_by_host() {
        let forward = Profile::builtin("forward").unwrap();
        assert!(forward.matches_host("forward.com"));
        assert!(forward.matches_host("www.forward.com"));
        assert!(!forward.matches_host("notforward.com"));
        assert!(!Profile::builtin("generic").unwrap().matches_host("forward.com"));
    }

    #[test]
    fn rejects_unsafe_styles_and_bad_selectors() {
        let base = "name='x'\n[credit]\ntemplate='t'\n";
        for style in [
            "background:url(x.png)",
            "width:expression(alert(1))",
            "behavior:url(a.htc)",
            "@import 'x'",
            "background: U\\RL(x)",
        ] {
            let text = format!("{base}[styles]\np = '''{style}'''\n");
            let err = Profile::from_toml(&text, "x").unwrap_err().to_string();
            assert!(err.contains("is not allowed"), "{style}: {err}");
        }
        let err = Profile::from_toml(&format!("{base}[styles]\nscript = 'color:red'\n"), "x")
            .unwrap_err()
            .to_string();
        assert!(err.contains("cannot style"), "{err}");
        let err = Profile::from_toml(&format!("{base}[selectors]\nbody = 'div[['\n"), "x")
            .unwrap_err()
            .to_string();
        assert!(err.contains("selector"), "{err}");
        let err = Profile::from_toml(&format!("{base}pixel = 'javascript:alert(1)'\n"), "x")
            .unwrap_err()
            .to_string();
        assert!(err.contains("pixel"), "{err}");
        assert!(Profile::from_toml(&format!("{base}[styles]\np = 'margin:0 0 1em'\n"), "x").is_ok());
    }

    #[test]
    fn unknown_keys_are_errors() {
        let err = Profile::from_toml("name='x'\ncolour='red'\n[credit]\ntemplate='t'\n", "x")
            .unwrap_err()
            .to_string();
        assert!(err.contains("colour"), "{err}");
    }
}

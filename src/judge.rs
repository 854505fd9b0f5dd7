//! Stage 4 of the pipeline: the extracted article and the profile to a [`Verdict`]: may the
//! publisher hand this story out, and if not, which signals say it came from elsewhere.

use serde::Serialize;

use crate::extract::Article;

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

/// Decide whether the article may be republished under its profile.
pub fn judge(_article: &Article<'_>) -> Verdict {
    Verdict::eligible()
}

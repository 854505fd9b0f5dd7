//! `republish check ARTICLE...`: one verdict per input; a failing input is a message, not an abort.

use anyhow::Result;
use republish::load::Source;
use serde_json::json;

use crate::Exit;
use crate::cli::{CheckArgs, CheckFormat};
use crate::{config, output};

pub fn run(args: &CheckArgs) -> Result<Exit> {
    if args.articles.len() == 1 {
        republish::pattern::build_for_one_page();
    }
    let settings = config::settings(&args.pipeline)?;
    let (mut refused, mut failed) = (false, false);
    for arg in &args.articles {
        let result = Source::from_arg(arg).map_err(republish::Error::from).and_then(|source| republish::process(&source, &settings));
        let line = match result {
            Ok(outcome) => {
                refused |= !outcome.verdict.eligible;
                let canonical = outcome.meta.canonical_url.as_ref().or(outcome.meta.page_url.as_ref()).map(url::Url::as_str);
                match args.format {
                    CheckFormat::Json => json!({
                        "input": arg,
                        "eligible": outcome.verdict.eligible,
                        "source": outcome.verdict.source,
                        "reasons": outcome.verdict.reasons,
                        "title": outcome.meta.title,
                        "canonical_url": canonical,
                    })
                    .to_string(),
                    CheckFormat::Text => {
                        let mut line = if outcome.verdict.eligible {
                            format!("{arg}: eligible")
                        } else {
                            format!("{arg}: refused: {}", outcome.verdict.summary())
                        };
                        for reason in outcome.verdict.reasons.iter().skip(1) {
                            line.push_str(&format!("\n  also: {:?} \"{}\" in {}", reason.signal, reason.evidence, reason.location).to_lowercase());
                        }
                        line
                    }
                }
            }
            Err(err) => {
                failed = true;
                match args.format {
                    CheckFormat::Json => json!({ "input": arg, "error": err.to_string() }).to_string(),
                    CheckFormat::Text => {
                        eprintln!("republish: {arg}: {err}");
                        continue;
                    }
                }
            }
        };
        output::emit(None, &(line + "\n"))?;
    }
    Ok(if failed { Exit::Error } else if refused { Exit::Refused } else { Exit::Success })
}

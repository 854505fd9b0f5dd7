//! `republish embed ARTICLE`: the main job.

use anyhow::Result;
use republish::load::Source;

use crate::Exit;
use crate::cli::{EmbedArgs, EmbedFormat};
use crate::{config, output};

pub fn run(args: &EmbedArgs) -> Result<Exit> {
    republish::pattern::build_for_one_page();
    let settings = config::settings(&args.pipeline)?;
    let source = Source::from_arg(&args.article).map_err(|e| anyhow::anyhow!("{}: {e}", args.article))?;
    let name = source.name();
    let outcome = republish::process(&source, &settings).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    for warning in &outcome.warnings {
        output::warn(&name, warning);
    }
    let refused = !outcome.verdict.eligible;
    let content = match (args.format, &outcome.rendered) {
        (EmbedFormat::Json, _) => Some(serde_json::to_string_pretty(&outcome.json())? + "\n"),
        (EmbedFormat::Html, Some(rendered)) => Some(rendered.html.clone()),
        (EmbedFormat::Text, Some(rendered)) => Some(rendered.text.clone()),
        (_, None) => None,
    };
    if let Some(path) = &args.preview {
        output::write_atomic(path, republish::preview::preview_with(&outcome, &settings).as_bytes())?;
    }
    if let Some(content) = content {
        output::emit(args.output.as_deref(), &content)?;
    }
    if refused {
        eprintln!("republish: {name}: not republishable: {}", outcome.verdict.summary());
        return Ok(Exit::Refused);
    }
    Ok(Exit::Success)
}

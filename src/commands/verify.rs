//! `republish verify PARTNER_PAGE... --original ARTICLE`: does each partner's copy keep the
//! canonical link, pixel, byline, credit, text and links of the embed? A page that cannot be read
//! is a message, not an abort: the other pages are still verified.

use anyhow::{Result, anyhow, bail};
use republish::load::{self, Source};
use republish::verify::{self, Expected, Report};
use republish::{Settings, parse};
use serde::Serialize;
use serde_json::json;

use crate::Exit;
use crate::cli::{VerifyArgs, VerifyFormat};
use crate::output::UsageError;
use crate::{config, output};

pub fn run(args: &VerifyArgs) -> Result<Exit> {
    let settings = config::settings(&args.pipeline)?;
    if !(0.0..=1.0).contains(&args.threshold) {
        bail!(UsageError(format!("--threshold {} must be between 0 and 1", args.threshold)));
    }
    let stdin_uses = args.partners.iter().filter(|p| *p == "-").count() + usize::from(args.original == "-");
    if stdin_uses > 1 {
        bail!(UsageError("stdin (-) can be read only once: give it for the original or for one partner page".into()));
    }

    let source = Source::from_arg(&args.original).map_err(|e| anyhow!("{}: {e}", args.original))?;
    let name = source.name();
    let outcome = republish::process(&source, &settings).map_err(|e| anyhow!("{name}: {e}"))?;
    for warning in &outcome.warnings {
        output::warn(&name, warning);
    }
    if !outcome.verdict.eligible {
        eprintln!("republish: {name}: not republishable: {}: no embed to verify against", outcome.verdict.summary());
        return Ok(Exit::Refused);
    }
    let expected = Expected::from_outcome(&outcome).ok_or_else(|| anyhow!("{name}: no embed to verify against"))?;
    let generic = settings.builtins.iter().find(|p| p.name == "generic").unwrap_or(&settings.builtins[0]);
    let options = verify::Options { threshold: args.threshold };

    let (mut failed, mut non_compliant) = (false, false);
    for (n, arg) in args.partners.iter().enumerate() {
        match verify_one(arg, &expected, generic, &options, &settings) {
            Ok(report) => {
                non_compliant |= !report.compliant;
                let out = match args.format {
                    VerifyFormat::Json => serde_json::to_string(&PageReport { input: arg, report: &report })? + "\n",
                    VerifyFormat::Text => text(arg, &report, n > 0),
                };
                output::emit(None, &out)?;
            }
            Err(err) => {
                failed = true;
                eprintln!("republish: {arg}: {err}");
                if args.format == VerifyFormat::Json {
                    output::emit(None, &(json!({ "input": arg, "error": err.to_string() }).to_string() + "\n"))?;
                }
            }
        }
    }
    Ok(if failed {
        Exit::Error
    } else if non_compliant {
        Exit::NonCompliant
    } else {
        Exit::Success
    })
}

/// The `--format json` object of one partner page.
#[derive(Serialize)]
struct PageReport<'a> {
    input: &'a str,
    #[serde(flatten)]
    report: &'a Report,
}

fn verify_one(arg: &str, expected: &Expected, profile: &republish::profile::Profile, options: &verify::Options, settings: &Settings) -> Result<Report> {
    let source = Source::from_arg(arg)?;
    let loaded = load::load(&source, &settings.load)?;
    let page = parse::parse(&loaded, &settings.limits)?;
    Ok(verify::verify(expected, &page, profile, options))
}

/// The text report of one page: a header, a line per check (and indented details), the verdict.
fn text(input: &str, report: &Report, separate: bool) -> String {
    let mut out = String::new();
    if separate {
        out.push('\n');
    }
    out.push_str(&format!("== {input}\n"));
    for check in &report.checks {
        let status = if check.pass { "PASS" } else { "FAIL" };
        out.push_str(&format!("{status} {:<10} {}\n", check.name, check.detail));
        for item in &check.items {
            out.push_str(&format!("     {item}\n"));
        }
    }
    out.push_str(if report.compliant { "verdict: compliant\n" } else { "verdict: NOT compliant\n" });
    out
}

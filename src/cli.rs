//! The command line as typed: clap structs holding raw flags. `config` resolves them; nothing here
//! enters the pipeline directly.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0  done (every story eligible / every copy compliant)
  1  input or processing error
  2  usage error
  3  refused: a story is not republishable (it originated with another outlet)
  4  verify: a partner's copy does not comply";

/// Build copy-paste "Republish This Story" HTML from a news article page.
#[derive(Debug, Parser)]
#[command(name = "republish", version, about, after_help = EXIT_CODES, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Turn an article page into republish HTML (or text, or JSON).
    #[command(after_help = EXIT_CODES)]
    Embed(EmbedArgs),
    /// Say whether stories may be republished, and why not.
    #[command(after_help = EXIT_CODES)]
    Check(CheckArgs),
    /// List the built-in publisher profiles, or print one as TOML.
    Profiles(ProfilesArgs),
    /// Run many articles at once into a directory, with an NDJSON report.
    #[command(after_help = BATCH_EXIT_CODES)]
    Batch(BatchArgs),
    /// Check partners' copies of a story: canonical link, pixel, byline, credit, text, links.
    #[command(after_help = EXIT_CODES)]
    Verify(VerifyArgs),
}

/// Flags shared by every command that runs the pipeline.
#[derive(Debug, Args, Clone)]
pub struct PipelineArgs {
    /// Publisher profile: a built-in name (generic, forward) or a TOML file. Default: picked by the
    /// article's canonical host, else generic.
    #[arg(long, value_name = "NAME|FILE")]
    pub profile: Option<String>,
    /// Base URL for relative links when the page has neither a canonical link nor og:url.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Largest input accepted, in bytes (suffixes K, M, G allowed).
    #[arg(long, value_name = "SIZE", default_value = "20M")]
    pub max_size: String,
    /// Timeout for fetching a URL, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EmbedFormat {
    Html,
    Json,
    Text,
}

#[derive(Debug, Args)]
pub struct EmbedArgs {
    /// A saved HTML page, `-` for stdin, or an http(s) URL.
    #[arg(value_name = "ARTICLE")]
    pub article: String,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EmbedFormat::Html)]
    pub format: EmbedFormat,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write an editors' preview page to FILE: verdict, guidelines, the code with a Copy
    /// button, the rendered story, the images to license (also for refused stories).
    #[arg(long, value_name = "FILE")]
    pub preview: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Saved HTML pages, `-` for stdin, or http(s) URLs.
    #[arg(value_name = "ARTICLE", required = true)]
    pub articles: Vec<String>,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Output format: a line per input, or one JSON object per line.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

#[derive(Debug, Args)]
pub struct ProfilesArgs {
    #[command(subcommand)]
    pub action: Option<ProfilesAction>,
}

#[derive(Debug, Subcommand)]
pub enum ProfilesAction {
    /// Print a profile as TOML, to start a custom one.
    Show {
        /// A built-in name or a TOML file.
        name: String,
    },
}

const BATCH_EXIT_CODES: &str = "\
Outputs: DIR/<name>.html for each eligible story (and DIR/<name>.json with --format json, for
refused stories too; DIR/<name>.preview.html with --preview, refused stories too),
<name> being the story's slug, else its post id, else the file name,
made unique with -2, -3...; DIR/report.ndjson has one line per input: {input, status
(ok|refused|error), output, title, canonical_url, source, reasons, error, warnings, ms}.

Exit codes:
  0  no input failed (refused stories are normal outcomes)
  1  an input failed, or the output directory or report could not be written
  2  usage error";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    Html,
    Json,
}

#[derive(Debug, Args, Clone)]
pub struct BatchArgs {
    /// Saved HTML pages, directories (searched recursively for *.html and *.htm), or http(s) URLs.
    #[arg(value_name = "INPUT", required_unless_present = "list")]
    pub inputs: Vec<String>,
    /// Also read inputs from FILE, one per line (`-` for stdin; blank lines and # comments skipped).
    #[arg(long, value_name = "FILE|-")]
    pub list: Option<String>,
    /// Directory for the outputs and report.ndjson (created if needed).
    #[arg(long, value_name = "DIR")]
    pub out_dir: PathBuf,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Output format: the embed HTML, or also the JSON report of each story.
    #[arg(long, value_enum, default_value_t = BatchFormat::Html)]
    pub format: BatchFormat,
    /// Inputs processed at once (default: the number of cores).
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Skip inputs already ok or refused in DIR/report.ndjson; retry failed ones.
    #[arg(long)]
    pub resume: bool,
    /// Stop starting new inputs after the first failure.
    #[arg(long)]
    pub fail_fast: bool,
    /// Also write an editors' preview page, DIR/<name>.preview.html, per story (refused ones too).
    #[arg(long)]
    pub preview: bool,
    /// Flush each output to disk before renaming it into place (survives a power cut; slower).
    /// Without it, outputs are still atomic: a killed run never leaves a partial file.
    #[arg(long)]
    pub sync: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerifyFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Partner pages that ran the story: saved HTML pages, `-` for stdin, or http(s) URLs.
    #[arg(value_name = "PARTNER_PAGE", required = true)]
    pub partners: Vec<String>,
    /// The original article (file, `-` or URL), run through the same pipeline as `embed`.
    #[arg(long, value_name = "ARTICLE")]
    pub original: String,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Output format: a line per check, or one JSON object per partner page per line.
    #[arg(long, value_enum, default_value_t = VerifyFormat::Text)]
    pub format: VerifyFormat,
    /// The least overall text similarity (0 to 1) a compliant copy has.
    #[arg(long, value_name = "RATIO", default_value_t = 0.98)]
    pub threshold: f64,
}

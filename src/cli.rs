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

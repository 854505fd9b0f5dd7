//! The binary: parse flags, run one command, turn its result into an exit code. Only this layer
//! prints, writes output files or chooses exit codes.

mod cli;
mod commands;
mod config;
mod output;

use std::process::ExitCode;

use clap::Parser;

/// html5ever builds a tree of many small allocations (tendrils, attribute vectors, nodes) that
/// the later stages copy and drop; glibc's malloc/free were about a tenth of a batch run's
/// instructions. Built without transparent huge pages (`no_thp`): zeroing 2 MB pages on first
/// touch was a fifth of a batch run's time and doubled its peak RSS.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit codes, as documented in `--help` and the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Done.
    Success = 0,
    /// Input or processing error.
    Error = 1,
    /// Usage error (clap exits with 2 itself).
    Usage = 2,
    /// A story was refused.
    Refused = 3,
    /// A partner's copy does not comply.
    NonCompliant = 4,
}

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli.command) {
        Ok(exit) => ExitCode::from(exit as u8),
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("republish: {err:#}");
            let code = if err.downcast_ref::<output::UsageError>().is_some() { Exit::Usage } else { Exit::Error };
            ExitCode::from(code as u8)
        }
    }
}

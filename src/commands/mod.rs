//! One function per subcommand, each reusing the library pipeline; `run` is the single `match`.

mod batch;
mod check;
mod embed;
mod profiles;
mod verify;

use anyhow::Result;

use crate::Exit;
use crate::cli::Command;

/// Run a subcommand to its exit code.
pub fn run(command: Command) -> Result<Exit> {
    match command {
        Command::Embed(args) => embed::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Profiles(args) => profiles::run(&args),
        Command::Batch(args) => batch::run(&args),
        Command::Verify(args) => verify::run(&args),
    }
}

//! Output for the command layer: stdout that treats a closed pipe as success, and files written
//! atomically (a temp file in the same directory, then a rename), so that a failure never leaves a
//! half-written output behind.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

/// An error in how the command was used (exit code 2), found after clap's own checks.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Whether an error is a broken pipe (the reader went away: `republish embed x | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
}

/// Write to stdout, or atomically to `path`.
pub fn emit(path: Option<&Path>, content: &str) -> Result<()> {
    match path {
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(content.as_bytes())?;
            stdout.flush()?;
            Ok(())
        }
        Some(path) => write_atomic(path, content.as_bytes()),
    }
}

/// Write a file through a temp file in the same directory and a rename, waiting for the disk.
pub fn write_atomic(path: &Path, content: &[u8]) -> Result<()> {
    write_atomic_synced(path, content, true)
}

/// Write a file through a temp file in the same directory and a rename: a killed run never leaves
/// a partial output. With `sync`, wait for the disk before the rename; only a power cut, not a
/// kill, needs that, and in batch runs it is most of the time of a page.
pub fn write_atomic_synced(path: &Path, content: &[u8], sync: bool) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".republish-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(new_file_permissions(path));
    let mut temp = builder
        .tempfile_in(dir)
        .with_context(|| format!("{}: cannot create a file in {}", path.display(), dir.display()))?;
    temp.write_all(content).with_context(|| format!("{}: write failed", path.display()))?;
    if sync {
        temp.as_file().sync_data().with_context(|| format!("{}: write failed", path.display()))?;
    }
    temp.persist(path).map_err(|e| e.error).with_context(|| format!("{}: cannot write", path.display()))?;
    Ok(())
}

/// The mode an output gets: the replaced file's, else what any new file gets (0666 less the
/// umask, usually 0644), so that a web server can read what `batch` wrote. Temp files alone
/// would be 0600.
#[cfg(unix)]
fn new_file_permissions(path: &Path) -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode() & 0o777);
    std::fs::Permissions::from_mode(mode)
}

/// Print a warning about one input to stderr.
pub fn warn(input: &str, message: &str) {
    eprintln!("republish: {input}: warning: {message}");
}

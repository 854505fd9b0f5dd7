//! Raw flags to resolved settings: the profile is read and validated, the base URL parsed, sizes
//! understood. Only `Settings` goes on into the pipeline.

use anyhow::{Result, anyhow, bail};
use republish::Settings;
use republish::profile::{Profile, ProfileError};

use crate::cli::PipelineArgs;
use crate::output::UsageError;

/// Resolve the pipeline flags.
pub fn settings(args: &PipelineArgs) -> Result<Settings> {
    let mut settings = Settings::default();
    if let Some(name) = &args.profile {
        settings.profile = Some(Profile::resolve(name).map_err(|e| match e {
            ProfileError::Unknown(_) => anyhow!(UsageError(e.to_string())),
            other => anyhow!(other),
        })?);
    }
    if let Some(base) = &args.base_url {
        let url = url::Url::parse(base).map_err(|_| UsageError(format!("--base-url {base:?} is not a URL")))?;
        if !matches!(url.scheme(), "http" | "https") {
            bail!(UsageError(format!("--base-url {base:?} must be an http(s) URL")));
        }
        settings.extract.base_url = Some(url);
    }
    settings.load.max_bytes = parse_size(&args.max_size)?;
    settings.load.timeout = std::time::Duration::from_secs(args.timeout.max(1));
    Ok(settings)
}

/// "20M", "512K", "1G", "1000" → bytes.
pub fn parse_size(text: &str) -> Result<u64> {
    let text = text.trim();
    let (digits, unit) = text.split_at(text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len()));
    let n: u64 = digits.parse().map_err(|_| UsageError(format!("--max-size {text:?} is not a size (e.g. 20M)")))?;
    let factor = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1024,
        "M" | "MB" | "MIB" => 1024 * 1024,
        "G" | "GB" | "GIB" => 1024 * 1024 * 1024,
        _ => bail!(UsageError(format!("--max-size {text:?} has an unknown unit (use K, M or G)"))),
    };
    n.checked_mul(factor).filter(|n| *n > 0).ok_or_else(|| anyhow!("--max-size {text:?} is out of range"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("20M").unwrap(), 20 * 1024 * 1024);
        assert_eq!(parse_size("512k").unwrap(), 512 * 1024);
        assert_eq!(parse_size("1000").unwrap(), 1000);
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5X").is_err());
        assert!(parse_size("0").is_err());
    }
}

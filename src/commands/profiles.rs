//! `republish profiles [show NAME]`.

use anyhow::Result;
use republish::profile::Profile;

use crate::Exit;
use crate::cli::{ProfilesAction, ProfilesArgs};
use crate::output;

pub fn run(args: &ProfilesArgs) -> Result<Exit> {
    match &args.action {
        None => {
            let mut out = String::new();
            for profile in Profile::builtins() {
                let domains = if profile.domains.is_empty() { "any site".to_owned() } else { profile.domains.join(", ") };
                out.push_str(&format!("{:<10} {}  ({domains})\n", profile.name, profile.publisher.as_deref().unwrap_or("publisher from the page")));
            }
            output::emit(None, &out)?;
        }
        Some(ProfilesAction::Show { name }) => {
            let text = match Profile::builtin_source(name) {
                Some(source) => source.to_owned(),
                None => Profile::resolve(name)?.to_toml(),
            };
            output::emit(None, &text)?;
        }
    }
    Ok(Exit::Success)
}

//! The one integration-test binary: each module is a feature, run against the built binary.

mod util;
/// The Chromium driver for the browser tests.
#[path = "browser/mod.rs"]
mod chromium;

mod batch;
#[path = "browser.rs"]
mod browser;
mod cli;
mod fixtures;
mod preview;
mod security;
mod verify;

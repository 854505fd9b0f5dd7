//! The one integration-test binary: each module is a feature, run against the built binary.

mod util;

mod batch;
mod cli;
mod fixtures;
mod security;
mod verify;

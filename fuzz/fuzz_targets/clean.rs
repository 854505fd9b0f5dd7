//! A string → `clean::clean_fragment`. Properties: no panic; the body passes
//! `safety::check_embed` and the raw-text check, and is a fixed point of the cleaner. The first
//! byte picks the profile (generic, or forward with its inline styles).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(fragment) = std::str::from_utf8(rest) else { return };
    let profile = if first & 1 == 0 { "generic" } else { "forward" };
    if let Err(problem) = republish::safety::clean_property(fragment, profile) {
        panic!("{problem}");
    }
});

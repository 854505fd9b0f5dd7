//! Bytes → decode → the whole pipeline. Properties: no panic; an eligible page's embed passes
//! `safety::check_embed` and the raw-text check, and its body is a fixed point of the cleaner.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(problem) = republish::safety::pipeline_property(data) {
        panic!("{problem}");
    }
});

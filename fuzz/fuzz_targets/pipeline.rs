//! Two or three arbitrary versions (the input split at 0xFF bytes) through the whole pipeline
//! and every export format: errors are fine, panics are not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use versalign::export::{self, ExportOptions, Format};
use versalign::{Comparison, Options, Source};

fuzz_target!(|data: &[u8]| {
    let parts: Vec<&[u8]> = data.split(|&b| b == 0xFF).take(3).collect();
    if parts.len() < 2 {
        return;
    }
    let sources = parts
        .iter()
        .enumerate()
        .map(|(i, bytes)| Source::Bytes {
            name: format!("v{i}.txt"),
            bytes: bytes.to_vec(),
            language: None,
        })
        .collect();
    let options = Options {
        same_language: true,
        ..Options::default()
    };
    let Ok(comparison) = Comparison::run(sources, &options) else {
        return;
    };
    for (_, format) in Format::ALL {
        let mut out = Vec::new();
        export::write(&comparison, format, &ExportOptions::default(), &mut out)
            .expect("writing to memory cannot fail");
    }
});

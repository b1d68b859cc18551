//! Arbitrary bytes as a version's file: format sniffing, decoding and parsing must refuse or
//! read them, never panic, and a document read keeps every non-blank line's provenance.
#![no_main]

use libfuzzer_sys::fuzz_target;
use versalign::Source;

fuzz_target!(|data: &[u8]| {
    let source = Source::Bytes {
        name: "fuzz.txt".into(),
        bytes: data.to_vec(),
        language: None,
    };
    if let Ok(doc) = source.read() {
        let _ = doc.line_owners();
    }
});

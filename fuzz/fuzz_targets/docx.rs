//! Arbitrary Word files: input starting with `PK` is taken as the whole archive; any other input
//! is split at 0xFF bytes (never in UTF-8) into word/document.xml, word/numbering.xml,
//! word/styles.xml and word/footnotes.xml of a well-formed ZIP, so that the XML readers,
//! numbering and rendering are reached. Reading must refuse or read, never panic, and a
//! document read from Word has a place for every line.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use versalign::Source;

const PARTS: [&str; 4] = [
    "word/document.xml",
    "word/numbering.xml",
    "word/styles.xml",
    "word/footnotes.xml",
];

fuzz_target!(|data: &[u8]| {
    let bytes = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        let mut bytes = Vec::new();
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, part) in PARTS.iter().zip(data.split(|&b| b == 0xFF)) {
            if zip.start_file(*name, options).is_err() || zip.write_all(part).is_err() {
                return;
            }
        }
        if zip.finish().is_err() {
            return;
        }
        bytes
    };
    let source = Source::Bytes {
        name: "fuzz.docx".into(),
        bytes,
        language: None,
    };
    // Input starting with `PK` but not a ZIP is read as text, which has no Word places.
    if let Some(doc) = source.read().ok().filter(|d| d.places.is_some()) {
        let lines = doc.line_owners().into_iter().map(|(l, _)| l).max().unwrap_or(0);
        for line in 1..=lines {
            assert!(doc.place(line).is_some(), "line {line} has no place");
        }
    }
});

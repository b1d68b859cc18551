//! Speed of reading a Word `.docx` (unzip, XML, numbering, notes, rendering as text) and of
//! parsing what it is read as, on one thread: `cargo run --release --example docx_speed FILE.docx`
//! (scripts/bench-docx.sh makes a large file and runs it). Prints MB/s of word/document.xml.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use versalign::{ParseOptions, read_document, read_text};

/// Best of `runs` timings of `f`.
fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path: PathBuf = std::env::args_os()
        .nth(1)
        .ok_or("usage: docx_speed FILE.docx")?
        .into();
    let bytes = std::fs::read(&path)?;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes))?;
    let xml_bytes = archive.by_name("word/document.xml")?.size();
    let mb = xml_bytes as f64 / 1e6;
    let text = read_text(&path)?;
    let read = best(3, || read_text(&path));
    let options = ParseOptions::default();
    let parsed = best(3, || read_document(&path, &options));
    let doc = read_document(&path, &options)?;
    println!(
        "{}: {:.1} MB in ZIP, word/document.xml {mb:.1} MB, read as {:.1} MB of text ({} blocks, {} footnotes)",
        path.display(),
        bytes.len() as f64 / 1e6,
        text.len() as f64 / 1e6,
        doc.blocks.len(),
        doc.footnotes.len()
    );
    println!(
        "read .docx as text: {:.3} s, {:.1} MB/s of document.xml",
        read.as_secs_f64(),
        mb / read.as_secs_f64()
    );
    println!(
        "read and parse:     {:.3} s, {:.1} MB/s of document.xml",
        parsed.as_secs_f64(),
        mb / parsed.as_secs_f64()
    );
    Ok(())
}

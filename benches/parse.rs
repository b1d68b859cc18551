//! Parse throughput per language on a large concatenation of the real corpora
//! (`VERSALIGN_CORPORA`), and, for Chinese, parse with word segmentation against jieba's own
//! cut speed on the same text. Run with `cargo bench --bench parse` (or `scripts/bench-parse.sh`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use versalign::chinese_words as words;
use versalign::{Language, ParseOptions, parse};

/// Size of each language's concatenation.
const TARGET_BYTES: usize = 20 * 1024 * 1024;

fn files_of(dir: &Path, lang: Language, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_of(&path, lang, out);
        } else if path.file_name().and_then(|n| n.to_str()) == Some(&format!("{}.txt", lang.code()))
        {
            out.push(path);
        }
    }
}

fn corpus(dir: &Path, lang: Language) -> String {
    let mut files = Vec::new();
    files_of(dir, lang, &mut files);
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let mut out = String::with_capacity(TARGET_BYTES + 1_000_000);
    while out.len() < TARGET_BYTES && !texts.is_empty() {
        for t in &texts {
            out.push_str(t);
            out.push_str("\n\n");
        }
    }
    out
}

/// Best of three runs.
fn best<T>(mut f: impl FnMut() -> T) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1_048_576.0 / d.as_secs_f64()
}

fn main() {
    let Some(dir) = std::env::var_os("VERSALIGN_CORPORA").map(PathBuf::from) else {
        eprintln!("skipped: set VERSALIGN_CORPORA to the real corpora (../shared/corpora)");
        return;
    };
    println!(
        "parse throughput, one thread, {} MiB per language (best of 3)",
        TARGET_BYTES / 1_048_576
    );
    println!("{:<4} {:>9} {:>10}", "lang", "MiB", "MiB/s");
    for lang in Language::ALL {
        let text = corpus(&dir, lang);
        let options = ParseOptions {
            language: Some(lang),
            tokens: false,
        };
        let t = best(|| parse(&text, "bench", &options));
        println!(
            "{:<4} {:>9.1} {:>10.1}",
            lang.code(),
            text.len() as f64 / 1_048_576.0,
            mb_per_s(text.len(), t)
        );
    }
    let zh = corpus(&dir, Language::Zh);
    words("预热");
    let with_tokens = best(|| {
        parse(
            &zh,
            "bench",
            &ParseOptions {
                language: Some(Language::Zh),
                tokens: true,
            },
        )
    });
    let doc = parse(
        &zh,
        "bench",
        &ParseOptions {
            language: Some(Language::Zh),
            tokens: false,
        },
    );
    let cut = best(|| {
        doc.blocks
            .iter()
            .map(|b| words(&b.text).len())
            .sum::<usize>()
    });
    println!();
    println!(
        "zh parse with jieba tokens: {:.1} MiB/s",
        mb_per_s(zh.len(), with_tokens)
    );
    println!(
        "jieba cut alone, same blocks: {:.1} MiB/s",
        mb_per_s(zh.len(), cut)
    );
    println!(
        "ratio (parse with tokens / cut alone time): {:.2}",
        with_tokens.as_secs_f64() / cut.as_secs_f64()
    );
}

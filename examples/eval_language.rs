//! Language identification per line on the unpc-devset six-way sentences and per file on every
//! shared corpus version: the figures of the README's language table.
//!
//! `cargo run --release --example eval_language > scripts/results/language-id.txt`
//! (`VERSALIGN_CORPORA` defaults to `../shared/corpora`).

use std::path::PathBuf;

use versalign::{Language, detect_language, read_text, split_lines};

fn main() {
    let corpora = PathBuf::from(
        std::env::var("VERSALIGN_CORPORA").unwrap_or_else(|_| "../shared/corpora".into()),
    );
    println!("# Language identification (examples/eval_language.rs)\n");
    println!("## Per line, unpc-devset\n");
    println!("| language | right | lines | share |");
    println!("|---|---:|---:|---:|");
    for lang in Language::ALL {
        let path = corpora.join(format!("unpc-devset/{lang}.txt"));
        let Ok(text) = read_text(&path) else {
            eprintln!("{}: not readable; skipped", path.display());
            continue;
        };
        let lines: Vec<&str> = split_lines(&text)
            .into_iter()
            .filter(|l| !l.trim().is_empty())
            .collect();
        let right = lines
            .iter()
            .filter(|l| detect_language(l).is_some_and(|d| d.language == lang))
            .count();
        println!(
            "| {lang} | {right} | {} | {:.2} % |",
            lines.len(),
            right as f64 * 100.0 / lines.len().max(1) as f64
        );
    }
    println!("\n## Per file, every `<lang>.txt` of the shared corpora\n");
    println!("| file | detected |");
    println!("|---|---|");
    let mut sets: Vec<PathBuf> = std::fs::read_dir(&corpora)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    sets.sort();
    for set in sets {
        for lang in Language::ALL {
            let path = set.join(format!("{lang}.txt"));
            let Ok(text) = read_text(&path) else { continue };
            let detected = detect_language(&text).map(|d| d.language);
            let verdict = match detected {
                Some(l) if l == lang => format!("{l} (right)"),
                Some(l) => format!("{l} (WRONG)"),
                None => "none (WRONG)".to_string(),
            };
            let name = path.strip_prefix(&corpora).unwrap_or(&path).display();
            println!("| {name} | {verdict} |");
        }
    }
}

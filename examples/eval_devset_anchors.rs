//! Number, date and symbol findings of `check` on the unpc-devset, where every version says the
//! same (line n of every language is the same sentence): each finding there is an alarm to judge.
//!
//! `scripts/bench-numbers-devset.sh` runs it (`cargo run --release --example eval_devset_anchors
//! -- CORPORA [--list | --texts]`). The sentences of one document (by `ids.txt`, in the order of their
//! English paragraph) are its six versions, a blank line between sentences, checked as `check`
//! checks six files. A *sentence pair* is a sentence of a version against the pivot's (en): five per
//! sentence. Printed: the findings per code and their share of sentence pairs; with `--list`, every
//! finding with the document, the code and the message, numbered; `--texts` adds the pivot's and
//! the deviating versions' sentences, for judging (not for committing: it copies the corpus).

use std::collections::BTreeMap;
use std::path::Path;

use versalign::{Code, Comparison, Language, Options, Source};

/// The codes counted: findings about numbers, dates and symbols.
const CODES: [Code; 4] = [
    Code::NumberMismatch,
    Code::DateMismatch,
    Code::SymbolMismatch,
    Code::FootnoteContent,
];

/// The languages in the order versions are given (en first: the pivot).
const LANGS: [Language; 6] = [
    Language::En,
    Language::Ar,
    Language::Es,
    Language::Fr,
    Language::Ru,
    Language::Zh,
];

/// The documents of the dev set: name and, per language of [`LANGS`], its sentences.
fn documents(dir: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let read = |name: &str| -> Vec<String> {
        std::fs::read_to_string(dir.join(name))
            .unwrap_or_else(|e| panic!("{}: {e}", dir.join(name).display()))
            .lines()
            .map(str::to_string)
            .collect()
    };
    let ids = read("ids.txt");
    let texts: Vec<Vec<String>> = LANGS.iter().map(|l| read(&format!("{l}.txt"))).collect();
    let mut docs: BTreeMap<String, Vec<(u32, u32, usize)>> = BTreeMap::new();
    for (n, line) in ids.iter().enumerate() {
        let mut fields = line.split_whitespace();
        let Some(doc) = fields.next() else { continue };
        let en = fields.find_map(|f| f.strip_prefix("en:")).unwrap_or("0:0");
        let mut parts = en.split(':').map(|p| p.parse::<u32>().unwrap_or(0));
        let (p, s) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
        docs.entry(doc.to_string()).or_default().push((p, s, n));
    }
    docs.into_iter()
        .map(|(name, mut lines)| {
            lines.sort();
            let versions = texts
                .iter()
                .map(|text| lines.iter().map(|&(_, _, n)| text[n].clone()).collect())
                .collect();
            (name, versions)
        })
        .collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let corpora = args.next().unwrap_or_else(|| "../shared/corpora".into());
    let flags: Vec<String> = args.collect();
    let list = flags.iter().any(|a| a == "--list" || a == "--texts");
    // The sentences themselves only on request, for judging: results files name findings, they
    // do not copy the corpus.
    let texts = flags.iter().any(|a| a == "--texts");
    let docs = documents(&Path::new(&corpora).join("unpc-devset"));
    let mut per_code: BTreeMap<&str, usize> = BTreeMap::new();
    let mut sentences = 0;
    let mut listed = Vec::new();
    for (name, versions) in &docs {
        sentences += versions[0].len();
        let sources = LANGS
            .iter()
            .zip(versions)
            .map(|(&lang, lines)| Source::Text {
                name: format!("{name}/{lang}.txt"),
                text: lines.join("\n\n") + "\n",
                language: Some(lang),
            })
            .collect();
        let options = Options {
            pivot: Some(Language::En),
            ..Options::default()
        };
        let Ok(comparison) = Comparison::run(sources, &options) else {
            eprintln!("{name}: not compared");
            continue;
        };
        for f in comparison
            .findings
            .iter()
            .filter(|f| CODES.contains(&f.code))
        {
            *per_code.entry(f.code.as_str()).or_default() += f.languages.len();
            if list {
                listed.push(format!("{name} | {} | {}", f.code.as_str(), f.message));
                let row = f
                    .row
                    .and_then(|r| comparison.alignment.rows.get(r - 1))
                    .filter(|_| texts);
                for (v, doc) in comparison.documents.iter().enumerate() {
                    let text = row.and_then(|r| r.text(&comparison.documents, v));
                    if let Some(text) =
                        text.filter(|_| v == 0 || f.languages.contains(&doc.language))
                    {
                        listed.push(format!(
                            "    - {}: {}",
                            doc.language,
                            text.replace('\n', " ¶ ")
                        ));
                    }
                }
            }
        }
    }
    let pairs = sentences * (LANGS.len() - 1);
    let total: usize = per_code.values().sum();
    println!(
        "# Number, date and symbol findings on unpc-devset (examples/eval_devset_anchors.rs)\n"
    );
    println!(
        "{} documents, {sentences} sentences, {pairs} sentence pairs (each version against en).\n",
        docs.len()
    );
    println!("| code | findings (version × row) | share of sentence pairs |");
    println!("|---|---:|---:|");
    for (code, n) in &per_code {
        println!(
            "| {code} | {n} | {:.2} % |",
            *n as f64 * 100.0 / pairs as f64
        );
    }
    println!(
        "| **all** | {total} | {:.2} % |",
        total as f64 * 100.0 / pairs as f64
    );
    if list {
        println!("\n## Every finding (document | code | message)\n");
        let mut n = 0;
        for l in listed {
            if l.starts_with("    ") {
                println!("{l}");
            } else {
                println!("- #{n} {l}");
                n += 1;
            }
        }
    }
}

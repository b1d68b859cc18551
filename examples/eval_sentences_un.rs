//! Sentence alignment on UN text (`VERSALIGN_CORPORA`).
//!
//! 1. unpc-devset grouped by document: each document's lines (one sentence each, the same
//!    sentence in all six languages) are aligned English → each other language with the sentence
//!    aligner; the gold answer is the diagonal. Prints strict precision/recall/F1 per pair.
//! 2. The real documents (udhr, un-charter, a-res-61-211) through `align --level sentence`
//!    (paragraph alignment, sentence splitting, sentence alignment inside each paragraph): the
//!    distribution of bead types per language pair.
//! 3. `--show N` prints N random Chinese–English sentence beads from both, for judging by eye.
//!
//! `cargo run --release --example eval_sentences_un -- [--show 50]`

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use versalign::{
    Comparison, Language, Level, LexiconCache, Options, ParseOptions, SentenceAligner,
    read_document,
};

/// A small fixed-seed generator for picking examples.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

fn main() {
    let show: usize = std::env::args()
        .skip_while(|a| a != "--show")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let corpora = PathBuf::from(
        std::env::var_os("VERSALIGN_CORPORA").unwrap_or_else(|| "../shared/corpora".into()),
    );
    let lexicons = Arc::new(LexiconCache::with_default_dictionaries(|f| {
        eprintln!("using {}", f.display())
    }));
    let mut examples: Vec<(String, String)> = Vec::new();

    // 1. unpc-devset, documents with gold diagonal.
    let dev = corpora.join("unpc-devset");
    let ids = std::fs::read_to_string(dev.join("ids.txt")).expect("unpc-devset/ids.txt");
    let doc_of: Vec<&str> = ids
        .lines()
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    let texts: HashMap<Language, Vec<String>> = Language::ALL
        .iter()
        .map(|&l| {
            let t = std::fs::read_to_string(dev.join(format!("{l}.txt"))).expect("devset file");
            (l, t.lines().map(str::to_string).collect())
        })
        .collect();
    let mut documents: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (n, d) in doc_of.iter().enumerate() {
        documents.entry(d).or_default().push(n);
    }
    println!(
        "unpc-devset: {} documents, {} sentences; English → other language, gold = the diagonal",
        documents.len(),
        doc_of.len()
    );
    println!("{:<6} {:>8} {:>8} {:>8}", "pair", "P", "R", "F1");
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for target in [
        Language::Zh,
        Language::Fr,
        Language::Es,
        Language::Ru,
        Language::Ar,
    ] {
        let lexicon = lexicons.get(Language::En, target).expect("lexicon");
        let aligner = SentenceAligner::new(&lexicon, Language::En, target);
        let (mut found, mut right, mut gold) = (0usize, 0usize, 0usize);
        for lines in documents.values() {
            let en: Vec<&str> = lines
                .iter()
                .map(|&n| texts[&Language::En][n].as_str())
                .collect();
            let other: Vec<&str> = lines.iter().map(|&n| texts[&target][n].as_str()).collect();
            let beads = aligner.align(&en, &other);
            gold += lines.len();
            for b in &beads {
                if b.a.is_empty() && b.b.is_empty() {
                    continue;
                }
                found += 1;
                right += usize::from(b.a.len() == 1 && b.b.len() == 1 && b.a.start == b.b.start);
                if target == Language::Zh && rng.below(20) == 0 {
                    let side = |r: std::ops::Range<usize>, s: &[&str]| s[r].join(" ");
                    examples.push((side(b.a.clone(), &en), side(b.b.clone(), &other)));
                }
            }
        }
        let p = right as f64 / found.max(1) as f64;
        let r = right as f64 / gold.max(1) as f64;
        println!(
            "en-{:<3} {p:>8.3} {r:>8.3} {:>8.3}",
            target.code(),
            2.0 * p * r / (p + r).max(f64::MIN_POSITIVE)
        );
    }

    // 2. Real documents through the paragraph and sentence aligners.
    println!();
    println!(
        "real documents, align --level sentence: bead types (pivot sentences - version sentences)"
    );
    let compare = Options {
        pivot: Some(Language::En),
        level: Level::Sentence,
        lexicons: Some(lexicons.clone()),
        same_language: false,
        glossary: None,
    };
    let options = ParseOptions {
        language: None,
        tokens: false,
    };
    let mut shapes: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
    for set in ["udhr", "un-charter", "a-res-61-211"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(corpora.join(set))
            .expect("corpus folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let docs: Vec<_> = files
            .iter()
            .filter_map(|p| read_document(p, &options).ok())
            .collect();
        let Ok(comparison) = Comparison::of_documents(docs, &compare) else {
            continue;
        };
        let (docs, rows) = (&comparison.documents, &comparison.sentences);
        let pivot = comparison.alignment.pivot;
        for row in rows {
            for v in (0..docs.len()).filter(|&v| v != pivot) {
                let (a, b) = (row.counts[pivot], row.counts[v]);
                if a + b == 0 {
                    continue;
                }
                let pair = (set.to_string(), format!("en-{}", docs[v].language));
                *shapes
                    .entry(pair)
                    .or_default()
                    .entry(format!("{a}-{b}"))
                    .or_default() += 1;
                if docs[v].language == Language::Zh && rng.below(4) == 0 {
                    examples.push((
                        row.cells[pivot].clone().unwrap_or_default(),
                        row.cells[v].clone().unwrap_or_default(),
                    ));
                }
            }
        }
    }
    for ((set, pair), counts) in &shapes {
        let total: usize = counts.values().sum();
        let mut list: Vec<(&String, &usize)> = counts.iter().collect();
        list.sort_by_key(|&(_, n)| std::cmp::Reverse(*n));
        let shown: Vec<String> = list
            .iter()
            .map(|(k, n)| format!("{k} {:.0}%", **n as f64 * 100.0 / total as f64))
            .collect();
        println!("{set:<13} {pair:<6} {total:>4} beads: {}", shown.join(", "));
    }

    // 3. Examples to judge by eye.
    if show > 0 {
        println!();
        for k in 0..show.min(examples.len()) {
            let (en, zh) = &examples[rng.below(examples.len())];
            println!("{:>2}. EN: {}\n    ZH: {}", k + 1, en, zh);
        }
    }
}

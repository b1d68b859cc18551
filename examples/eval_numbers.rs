//! Measures how often the Number and Date anchors of two language versions of the same UN sentence
//! disagree, on the six-way sentence-aligned dev set (`ar.txt` … `zh.txt`, line n = same sentence).
//!
//! ```text
//! cargo run --release --example eval_numbers -- /work/shared/corpora/unpc-devset [--show N] [--skip K] [--pair en-zh]
//! ```
//!
//! Prints the share of sentence pairs with any difference, per language pair and overall, next to a
//! naive comparison of digit runs, and the throughput of `anchors`. `--show N` prints N flagged
//! examples (after skipping K), optionally only for one pair.
//!
//! The corpus lines are raw: footnote markers glued to words (`Presupuesto22`, `Questions,22`,
//! Arabic `والميزانية(22)`, Chinese `报告；1`) are stripped here first, as the project's parser does.

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;
use std::sync::LazyLock;
use std::time::Instant;

use regex::Regex;
use versalign::{Anchor, AnchorDiff, AnchorKind, Language, anchors, compare_anchors as compare};

struct Options {
    dir: String,
    show: usize,
    skip: usize,
    pair: Option<(Language, Language)>,
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut options = Options {
        dir: String::new(),
        show: 0,
        skip: 0,
        pair: None,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--show" => {
                options.show = value("--show")?
                    .parse()
                    .map_err(|e| format!("--show: {e}"))?
            }
            "--skip" => {
                options.skip = value("--skip")?
                    .parse()
                    .map_err(|e| format!("--skip: {e}"))?
            }
            "--pair" => {
                let v = value("--pair")?;
                let (a, b) = v.split_once('-').ok_or("--pair expects xx-yy")?;
                let a: Language = a.parse().map_err(|e| format!("{e}"))?;
                let b: Language = b.parse().map_err(|e| format!("{e}"))?;
                options.pair = Some((a, b));
            }
            _ if options.dir.is_empty() => options.dir = arg,
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    if options.dir.is_empty() {
        return Err("usage: eval_numbers DIR [--show N] [--skip K] [--pair xx-yy]".into());
    }
    Ok(options)
}

/// Removes footnote markers glued to the end of a word, the way each language writes them:
/// `Presupuesto22,`, `Questions,22 subject`, `website.3`, `planning.[23]`, Arabic `الشبكي(3)`, Chinese
/// `报告；1`, `纲领》2`. A figure followed by a magnitude word or per cent (`Euro131 million`) is kept.
fn strip_markers(line: &str, lang: Language) -> String {
    static LATIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([\p{Ll}\)»”][.,;:]?)([0-9]{1,3})(\s|[.,;:)](?:\s|$)|$)")
            .expect("marker regex")
    });
    static MAGNITUDE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\A\s*(?:million|billion|milliard|millón|millones|млн|млрд|тыс|%|per\s*cent|pour\s+cent|por\s+ciento)")
            .expect("magnitude regex")
    });
    static BRACKETED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"([.\p{Ll}])\[[0-9]{1,3}\]").expect("marker regex"));
    static ARABIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\p{Arabic}[\p{L}\p{M}]*)\([0-9٠-٩]{1,3}\)").expect("marker regex")
    });
    static CHINESE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([；。》」”)）])[0-9]{1,2}($|[，。；、\s])").expect("marker regex")
    });
    match lang {
        Language::Ar => ARABIC.replace_all(line, "$1").into_owned(),
        Language::Zh => CHINESE.replace_all(line, "$1$2").into_owned(),
        _ => {
            let line = BRACKETED.replace_all(line, "$1");
            LATIN
                .replace_all(&line, |caps: &regex::Captures| {
                    let end = caps.get(2).map_or(0, |m| m.end());
                    if MAGNITUDE.is_match(&line[end..]) {
                        caps[0].to_string()
                    } else {
                        format!("{}{}", &caps[1], &caps[3])
                    }
                })
                .into_owned()
        }
    }
}

/// A digit of any of the scripts UN text uses (Arabic-Indic, Persian, full-width) as ASCII.
fn ascii_digit(c: char) -> char {
    let zero = match c {
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        '\u{FF10}'..='\u{FF19}' => 0xFF10,
        _ => return c,
    };
    char::from(b'0' + (c as u32 - zero) as u8)
}

/// The digit runs of a line, the naive way.
fn digit_runs(line: &str) -> HashMap<String, usize> {
    let mut runs = HashMap::new();
    let mut current = String::new();
    for c in line.chars().map(ascii_digit).chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            current.push(c);
        } else if !current.is_empty() {
            *runs.entry(std::mem::take(&mut current)).or_insert(0) += 1;
        }
    }
    runs
}

fn pair_name(a: Language, b: Language) -> String {
    format!("{a}-{b}")
}

fn describe(diffs: &[AnchorDiff], a: Language, b: Language) -> String {
    diffs
        .iter()
        .map(|d| format!("{}:{}", if d.in_first { a } else { b }, d.value))
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let mut texts: Vec<Vec<String>> = Vec::new();
    for lang in Language::ALL {
        let path = Path::new(&options.dir).join(format!("{lang}.txt"));
        match std::fs::read_to_string(&path) {
            Ok(t) => texts.push(t.lines().map(|l| strip_markers(l, lang)).collect()),
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let lines = texts.iter().map(Vec::len).min().unwrap_or(0);

    // Compile the regexes first, then time the best of three passes over the corpus.
    for lang in Language::ALL {
        anchors("11 April 2011", lang);
    }
    let mut elapsed = f64::INFINITY;
    let mut found: Vec<Vec<Vec<Anchor>>> = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        found = texts
            .iter()
            .zip(Language::ALL)
            .map(|(lines, lang)| lines.iter().map(|l| anchors(l, lang)).collect())
            .collect();
        elapsed = elapsed.min(started.elapsed().as_secs_f64());
    }
    let bytes: usize = texts.iter().flatten().map(String::len).sum();

    let mut flagged: HashMap<String, usize> = HashMap::new();
    let mut naive: HashMap<String, usize> = HashMap::new();
    let mut total_flagged = 0;
    let mut total_naive = 0;
    let mut pairs_seen = 0;
    let mut shown = 0;
    let mut skipped = 0;
    for n in 0..lines {
        for (i, &a) in Language::ALL.iter().enumerate() {
            for (j, &b) in Language::ALL.iter().enumerate().skip(i + 1) {
                pairs_seen += 1;
                let name = pair_name(a, b);
                if digit_runs(&texts[i][n]) != digit_runs(&texts[j][n]) {
                    *naive.entry(name.clone()).or_insert(0) += 1;
                    total_naive += 1;
                }
                let keep = |x: &&Anchor| x.kind != AnchorKind::Symbol;
                let first: Vec<Anchor> = found[i][n].iter().filter(keep).cloned().collect();
                let second: Vec<Anchor> = found[j][n].iter().filter(keep).cloned().collect();
                let diffs = compare(&first, &second);
                if diffs.is_empty() {
                    continue;
                }
                *flagged.entry(name).or_insert(0) += 1;
                total_flagged += 1;
                let wanted = options
                    .pair
                    .is_none_or(|(x, y)| (x, y) == (a, b) || (y, x) == (a, b));
                if wanted && shown < options.show {
                    if skipped < options.skip {
                        skipped += 1;
                        continue;
                    }
                    shown += 1;
                    println!("line {} {a}-{b}: {}", n + 1, describe(&diffs, a, b));
                    println!("  {a}: {}", texts[i][n]);
                    println!("  {b}: {}", texts[j][n]);
                }
            }
        }
    }

    println!("{lines} lines, {pairs_seen} pairs");
    println!("{:<8} {:>9} {:>9}", "pair", "flagged", "naive");
    let percent = |count: usize, of: usize| 100.0 * count as f64 / of.max(1) as f64;
    for (i, &a) in Language::ALL.iter().enumerate() {
        for &b in &Language::ALL[i + 1..] {
            let name = pair_name(a, b);
            let f = flagged.get(&name).copied().unwrap_or(0);
            let v = naive.get(&name).copied().unwrap_or(0);
            println!(
                "{name:<8} {:>8.2}% {:>8.2}%",
                percent(f, lines),
                percent(v, lines)
            );
        }
    }
    println!(
        "overall  {:>8.2}% {:>8.2}%   ({total_flagged} of {pairs_seen} pairs flagged)",
        percent(total_flagged, pairs_seen),
        percent(total_naive, pairs_seen)
    );
    println!(
        "anchors(): {:.1} MB in {:.3} s = {:.1} MB/s",
        bytes as f64 / 1e6,
        elapsed,
        bytes as f64 / 1e6 / elapsed.max(1e-9)
    );
    ExitCode::SUCCESS
}

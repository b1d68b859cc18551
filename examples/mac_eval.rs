//! Evaluate the sentence aligner on MAC-Dev (Chinese–English literary chapters with gold beads).
//!
//! `cargo run --release --example mac_eval -- [--data DIR] [--out DIR] [--dict FILE] [--no-cedict]
//! [--set name=value …] [--repeat N] [--ablation] [--tune]` aligns every chapter of `DIR/zh` with
//! `DIR/en`, writes `OUT/NNN.align` for `score.py`, and prints strict/lax F1 (same definition as
//! score.py) with the recall of each gold bead type and the time taken. `--repeat N` concatenates
//! every chapter N times (to show that time and memory grow linearly); `--ablation` runs the four
//! feature sets of the report; `--tune` chooses weights by coordinate descent, leave-one-chapter-out,
//! and reports the held-out score.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use versalign::Bead;
use versalign::Lexicon;
use versalign::model::Language;
use versalign::{Inventory, SentenceAligner, Weights, bead_notation};

type Ids = (Vec<usize>, Vec<usize>);

/// One chapter: its sentences and gold beads.
struct Chapter {
    name: String,
    zh: Vec<String>,
    en: Vec<String>,
    gold: Vec<Ids>,
}

/// Micro-averaged counts, as in score.py.
#[derive(Default, Clone, Copy)]
struct Counts {
    p_total: usize,
    p_strict: usize,
    p_lax: usize,
    r_total: usize,
    r_strict: usize,
    r_lax: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.p_total += o.p_total;
        self.p_strict += o.p_strict;
        self.p_lax += o.p_lax;
        self.r_total += o.r_total;
        self.r_strict += o.r_strict;
        self.r_lax += o.r_lax;
    }

    fn f1(&self) -> (f64, f64) {
        let f = |hp: usize, hr: usize| {
            let p = hp as f64 / self.p_total.max(1) as f64;
            let r = hr as f64 / self.r_total.max(1) as f64;
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            }
        };
        (f(self.p_strict, self.r_strict), f(self.p_lax, self.r_lax))
    }
}

fn links(beads: &[Ids]) -> HashSet<(usize, usize)> {
    beads
        .iter()
        .flat_map(|(a, b)| a.iter().flat_map(move |&s| b.iter().map(move |&t| (s, t))))
        .collect()
}

fn score(gold: &[Ids], auto: &[Ids]) -> Counts {
    let g: HashSet<&Ids> = gold
        .iter()
        .filter(|(a, b)| !a.is_empty() || !b.is_empty())
        .collect();
    let a: HashSet<&Ids> = auto
        .iter()
        .filter(|(a, b)| !a.is_empty() || !b.is_empty())
        .collect();
    let g_links = links(gold);
    let shares = |bead: &Ids, l: &HashSet<(usize, usize)>| {
        bead.0
            .iter()
            .any(|&s| bead.1.iter().any(|&t| l.contains(&(s, t))))
    };
    let g_nn: Vec<&Ids> = g
        .iter()
        .copied()
        .filter(|(x, y)| !x.is_empty() && !y.is_empty())
        .collect();
    let a_nn: Vec<Ids> = a
        .iter()
        .copied()
        .filter(|(x, y)| !x.is_empty() && !y.is_empty())
        .cloned()
        .collect();
    let a_nn_set: HashSet<&Ids> = a_nn.iter().collect();
    let a_links = links(&a_nn);
    Counts {
        p_total: a.len(),
        p_strict: a.iter().filter(|b| g.contains(*b)).count(),
        p_lax: a
            .iter()
            .filter(|b| g.contains(*b) || shares(b, &g_links))
            .count(),
        r_total: g_nn.len(),
        r_strict: g_nn.iter().filter(|b| a_nn_set.contains(**b)).count(),
        r_lax: g_nn
            .iter()
            .filter(|b| a_nn_set.contains(**b) || shares(b, &a_links))
            .count(),
    }
}

fn read_lines(path: &Path) -> Vec<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => text.lines().map(str::to_string).collect(),
        Err(e) => {
            eprintln!("mac_eval: {}: {e}", path.display());
            std::process::exit(2);
        }
    }
}

fn parse_ids(field: &str) -> Vec<usize> {
    field
        .trim()
        .trim_matches(['[', ']'])
        .split(',')
        .filter_map(|x| x.trim().parse().ok())
        .collect()
}

fn load(data: &Path) -> Vec<Chapter> {
    let mut names: Vec<String> = std::fs::read_dir(data.join("gold"))
        .map(|d| {
            d.flatten()
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    names.retain(|n| n.ends_with(".align"));
    names.sort();
    names
        .into_iter()
        .map(|file| {
            let name = file.trim_end_matches(".align").to_string();
            let gold = read_lines(&data.join("gold").join(&file))
                .iter()
                .filter_map(|l| {
                    let mut parts = l.split(':');
                    Some((parse_ids(parts.next()?), parse_ids(parts.next()?)))
                })
                .collect();
            Chapter {
                zh: read_lines(&data.join("zh").join(&name)),
                en: read_lines(&data.join("en").join(&name)),
                gold,
                name,
            }
        })
        .collect()
}

/// The chapter concatenated `times` times, gold beads shifted accordingly.
fn repeat(chapter: Chapter, times: usize) -> Chapter {
    let (n, m) = (chapter.zh.len(), chapter.en.len());
    let gold = (0..times)
        .flat_map(|k| {
            chapter.gold.iter().map(move |(a, b)| {
                (
                    a.iter().map(|i| i + k * n).collect(),
                    b.iter().map(|j| j + k * m).collect(),
                )
            })
        })
        .collect();
    Chapter {
        zh: (0..times)
            .flat_map(|_| chapter.zh.iter().cloned())
            .collect(),
        en: (0..times)
            .flat_map(|_| chapter.en.iter().cloned())
            .collect(),
        gold,
        name: chapter.name,
    }
}

fn to_ids(beads: &[Bead]) -> Vec<Ids> {
    beads
        .iter()
        .map(|b| (b.a.clone().collect(), b.b.clone().collect()))
        .collect()
}

fn align_all(aligner: &SentenceAligner<'_>, chapters: &[Chapter]) -> Vec<Vec<Ids>> {
    chapters
        .iter()
        .map(|c| {
            let zh: Vec<&str> = c.zh.iter().map(String::as_str).collect();
            let en: Vec<&str> = c.en.iter().map(String::as_str).collect();
            to_ids(&aligner.align(&zh, &en))
        })
        .collect()
}

fn total(chapters: &[Chapter], out: &[Vec<Ids>]) -> Counts {
    let mut t = Counts::default();
    for (c, o) in chapters.iter().zip(out) {
        t.add(score(&c.gold, o));
    }
    t
}

fn bead_recall(chapters: &[Chapter], out: &[Vec<Ids>]) -> String {
    let mut per: BTreeMap<(usize, usize), (usize, usize)> = BTreeMap::new();
    for (c, o) in chapters.iter().zip(out) {
        let auto: HashSet<&Ids> = o.iter().collect();
        for g in &c.gold {
            let e = per.entry((g.0.len(), g.1.len())).or_default();
            e.0 += 1;
            e.1 += usize::from(auto.contains(g));
        }
    }
    per.iter()
        .filter(|(_, (n, _))| *n >= 3)
        .map(|((a, b), (n, hit))| format!("{a}-{b}: {hit}/{n} ({:.2})", *hit as f64 / *n as f64))
        .collect::<Vec<_>>()
        .join(", ")
}

fn set_weight(w: &mut Weights, assignment: &str) -> Result<(), String> {
    let (name, value) = assignment
        .split_once('=')
        .ok_or_else(|| format!("--set {assignment}: want name=value"))?;
    let v: f64 = value
        .parse()
        .map_err(|e| format!("--set {assignment}: {e}"))?;
    match name {
        "length" => w.length = v,
        "lexical" => w.lexical = v,
        "null_scale" => w.null_scale = v,
        "cue" => w.cue = v,
        "name" => w.name = v,
        "quote" => w.quote = v,
        "null_base" => w.null_base = v,
        "null_junk" => w.null_junk = v,
        "null_content" => w.null_content = v,
        "variance" => w.variance = v,
        "recall" => w.recall = v,
        "chance_exponent" => w.chance_exponent = v,
        "link_dice" => w.link_dice = v,
        "link_min_count" => w.link_min_count = v,
        "inside" => w.inside = v,
        "band" => w.band = v as usize,
        "narrow_band" => w.narrow_band = v as usize,
        "rounds" => w.rounds = v as usize,
        _ => return Err(format!("--set: unknown weight {name}")),
    }
    Ok(())
}

/// The weights `--tune` searches, with the values tried around the current one.
const TUNED: &[&str] = &[
    "lexical",
    "length",
    "variance",
    "recall",
    "chance_exponent",
    "cue",
    "name",
    "quote",
    "inside",
    "null_base",
    "null_content",
    "rounds",
    "link_dice",
    "link_min_count",
];

fn get_weight(w: &Weights, name: &str) -> f64 {
    match name {
        "length" => w.length,
        "lexical" => w.lexical,
        "null_scale" => w.null_scale,
        "cue" => w.cue,
        "name" => w.name,
        "quote" => w.quote,
        "inside" => w.inside,
        "null_base" => w.null_base,
        "null_junk" => w.null_junk,
        "null_content" => w.null_content,
        "variance" => w.variance,
        "recall" => w.recall,
        "chance_exponent" => w.chance_exponent,
        "link_dice" => w.link_dice,
        "link_min_count" => w.link_min_count,
        "rounds" => w.rounds as f64,
        _ => f64::NAN,
    }
}

fn candidates(name: &str, v: f64) -> Vec<f64> {
    match name {
        "rounds" => vec![0.0, 1.0, 2.0],
        "link_dice" => vec![0.0, 0.5, 0.6, 0.7, 0.8, 0.9],
        "link_min_count" => vec![2.0, 3.0, 4.0, 5.0],
        "recall" => [v - 0.2, v - 0.1, v + 0.1, v + 0.2]
            .into_iter()
            .filter(|x| (0.05..0.96).contains(x))
            .collect(),
        _ if v == 0.0 => vec![0.25, 0.5, 1.0, 2.0],
        _ => vec![0.0, v * 0.6, v * 0.8, v * 1.25, v * 1.6],
    }
}

/// Per-chapter counts of an alignment of every chapter with weights `w`, memoised.
fn evaluate(
    lexicon: &Lexicon,
    chapters: &[Chapter],
    w: &Weights,
    cache: &std::sync::Mutex<std::collections::HashMap<String, Vec<Counts>>>,
) -> Vec<Counts> {
    let key = format!("{w:?}");
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return hit;
    }
    let aligner = SentenceAligner::new(lexicon, Language::Zh, Language::En).with_weights(w.clone());
    let out = align_all(&aligner, chapters);
    let counts: Vec<Counts> = chapters
        .iter()
        .zip(&out)
        .map(|(c, o)| score(&c.gold, o))
        .collect();
    if let Ok(mut c) = cache.lock() {
        c.insert(key, counts.clone());
    }
    counts
}

fn f1_without(counts: &[Counts], held_out: Option<usize>) -> f64 {
    let mut t = Counts::default();
    for (k, c) in counts.iter().enumerate() {
        if Some(k) != held_out {
            t.add(*c);
        }
    }
    t.f1().0
}

/// Coordinate descent on strict F1 over every chapter but `held_out`.
fn descend(
    lexicon: &Lexicon,
    chapters: &[Chapter],
    start: &Weights,
    held_out: Option<usize>,
    params: &[&str],
    cache: &std::sync::Mutex<std::collections::HashMap<String, Vec<Counts>>>,
) -> Weights {
    use rayon::prelude::*;
    let mut best = start.clone();
    let mut best_f1 = f1_without(&evaluate(lexicon, chapters, &best, cache), held_out);
    for _sweep in 0..4 {
        let mut improved = false;
        for name in params {
            let trials: Vec<Weights> = candidates(name, get_weight(&best, name))
                .into_iter()
                .filter_map(|v| {
                    let mut w = best.clone();
                    set_weight(&mut w, &format!("{name}={v}")).ok().map(|()| w)
                })
                .collect();
            let scored: Vec<(f64, Weights)> = trials
                .into_par_iter()
                .map(|w| {
                    (
                        f1_without(&evaluate(lexicon, chapters, &w, cache), held_out),
                        w,
                    )
                })
                .collect();
            for (f1, w) in scored {
                if f1 > best_f1 + 1e-9 {
                    best_f1 = f1;
                    best = w;
                    improved = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
    eprintln!("tune: held out {held_out:?}: train strict F1 {best_f1:.4} with {best:?}");
    best
}

/// Round, generic values that every descent of `--tune` starts from, so that no fold's starting
/// point was chosen by looking at its held-out chapter.
fn neutral() -> Weights {
    Weights {
        length: 1.0,
        variance: 6.0,
        lexical: 0.5,
        recall: 0.5,
        chance_exponent: 1.0,
        cue: 1.0,
        name: 1.0,
        link_dice: 0.6,
        link_min_count: 3.0,
        quote: 0.5,
        inside: 1.0,
        null_base: 2.0,
        null_content: 5.0,
        ..Weights::default()
    }
}

fn tune(lexicon: &Lexicon, chapters: &[Chapter]) {
    let start = &neutral();
    let cache = std::sync::Mutex::new(std::collections::HashMap::new());
    let mut held = Counts::default();
    for k in 0..chapters.len() {
        let w = descend(lexicon, chapters, start, Some(k), TUNED, &cache);
        let c = evaluate(lexicon, chapters, &w, &cache)[k];
        let (s, l) = {
            let mut one = Counts::default();
            one.add(c);
            one.f1()
        };
        println!(
            "fold {}: held-out strict {s:.4} lax {l:.4}",
            chapters[k].name
        );
        held.add(c);
    }
    let (s, l) = held.f1();
    println!("leave-one-chapter-out strict_f1={s:.4} lax_f1={l:.4}");
    let all = descend(lexicon, chapters, start, None, TUNED, &cache);
    let mut t = Counts::default();
    for c in evaluate(lexicon, chapters, &all, &cache) {
        t.add(c);
    }
    let (s, l) = t.f1();
    println!("chosen on all six: strict_f1={s:.4} lax_f1={l:.4} with {all:?}");
}

/// Strict and lax F1 of the feature sets of the report: each with the weights given less the
/// features it leaves out, and with the weights it uses re-chosen for it on all chapters.
fn ablation(lexicon: &Lexicon, chapters: &[Chapter], w: &Weights) {
    const LENGTHS: &[&str] = &["length", "variance", "null_base", "rounds"];
    const LEXICAL: &[&str] = &[
        "lexical",
        "length",
        "variance",
        "recall",
        "chance_exponent",
        "link_dice",
        "link_min_count",
        "null_base",
        "null_content",
        "rounds",
    ];
    let empty = Lexicon::new(Language::Zh, Language::En);
    let no_cues = Weights {
        cue: 0.0,
        name: 0.0,
        quote: 0.0,
        inside: 0.0,
        ..w.clone()
    };
    let lengths = Weights {
        lexical: 0.0,
        link_dice: 0.0,
        ..no_cues.clone()
    };
    let classic = Weights {
        inventory: Inventory::Classic,
        ..lengths.clone()
    };
    let rows: [(&str, &Lexicon, Weights, &[&str]); 4] = [
        ("lengths only, classic bead types", &empty, classic, LENGTHS),
        ("+ rich bead inventory", &empty, lengths, LENGTHS),
        (
            "+ lexicon (CC-CEDICT, UN terms, learnt links)",
            lexicon,
            no_cues,
            LEXICAL,
        ),
        (
            "+ cues (numbers, ? ! : ;, quotes, names)",
            lexicon,
            w.clone(),
            TUNED,
        ),
    ];
    for (name, lex, weights, params) in rows {
        let cache = std::sync::Mutex::new(std::collections::HashMap::new());
        let f1 = |w: &Weights| {
            let mut t = Counts::default();
            for c in evaluate(lex, chapters, w, &cache) {
                t.add(c);
            }
            t.f1()
        };
        let (strict, lax) = f1(&weights);
        let tuned = descend(lex, chapters, &weights, None, params, &cache);
        let (tuned_strict, tuned_lax) = f1(&tuned);
        println!(
            "ablation {name:<48} strict_f1={strict:.4} lax_f1={lax:.4}   re-tuned: strict_f1={tuned_strict:.4} lax_f1={tuned_lax:.4}"
        );
    }
}

fn main() {
    let mut data = PathBuf::from("/work/shared/bench/mac-dev");
    let mut out_dir: Option<PathBuf> = None;
    let mut dicts: Vec<PathBuf> = Vec::new();
    let mut cedict = true;
    let mut weights = Weights::default();
    let (mut ablation_mode, mut tune_mode) = (false, false);
    let mut times = 1;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next().unwrap_or_else(|| {
                eprintln!("mac_eval: {flag} needs a value");
                std::process::exit(2)
            })
        };
        match arg.as_str() {
            "--data" => data = PathBuf::from(value("--data")),
            "--out" => out_dir = Some(PathBuf::from(value("--out"))),
            "--dict" => dicts.push(PathBuf::from(value("--dict"))),
            "--no-cedict" => cedict = false,
            "--set" => {
                if let Err(e) = set_weight(&mut weights, &value("--set")) {
                    eprintln!("mac_eval: {e}");
                    std::process::exit(2);
                }
            }
            "--ablation" => ablation_mode = true,
            "--repeat" => {
                times = value("--repeat").parse().unwrap_or_else(|e| {
                    eprintln!("mac_eval: --repeat: {e}");
                    std::process::exit(2)
                })
            }
            "--tune" => tune_mode = true,
            _ => {
                eprintln!("mac_eval: unknown argument {arg}");
                std::process::exit(2);
            }
        }
    }
    let start = Instant::now();
    let chapters: Vec<Chapter> = load(&data)
        .into_iter()
        .map(|c| repeat(c, times.max(1)))
        .collect();
    if chapters.is_empty() {
        eprintln!("mac_eval: no gold files in {}", data.join("gold").display());
        std::process::exit(2);
    }
    let mut lexicon = if cedict {
        match Lexicon::with_default_dictionary(Language::Zh, Language::En) {
            Ok((lexicon, Some(path))) => {
                eprintln!("mac_eval: using CC-CEDICT from {}", path.display());
                lexicon
            }
            Ok((lexicon, None)) => {
                eprintln!(
                    "mac_eval: no CC-CEDICT in data/ (scripts/fetch-cedict.sh fetches it); aligning less accurately"
                );
                lexicon
            }
            Err(e) => {
                eprintln!("mac_eval: {e}");
                std::process::exit(2);
            }
        }
    } else {
        Lexicon::builtin(Language::Zh, Language::En)
    };
    for dict in &dicts {
        if let Err(e) = lexicon.add_file(dict) {
            eprintln!("mac_eval: {e}");
            std::process::exit(2);
        }
    }
    let loaded = start.elapsed();
    // Load jieba's dictionary now, so that the alignment time below is the alignment's own.
    versalign::chinese_words("预热");
    let ready = start.elapsed();
    let rss_before = memory_kib("VmRSS:");
    let aligner =
        SentenceAligner::new(&lexicon, Language::Zh, Language::En).with_weights(weights.clone());
    let out = align_all(&aligner, &chapters);
    let elapsed = start.elapsed();
    let peak = memory_kib("VmHWM:");
    if let Some(dir) = &out_dir
        && let Err(e) = write_out(dir, &chapters, &out)
    {
        eprintln!("mac_eval: {}: {e}", dir.display());
        std::process::exit(2);
    }
    let (strict, lax) = total(&chapters, &out).f1();
    let sentences: usize = chapters.iter().map(|c| c.zh.len() + c.en.len()).sum();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    eprintln!(
        "mac_eval: lexicon {} keys loaded in {:.0} ms, jieba ready at {:.0} ms; {} chapters ({sentences} sentences) aligned in {:.0} ms; total {:.0} ms",
        lexicon.len(),
        ms(loaded),
        ms(ready),
        chapters.len(),
        ms(elapsed - ready),
        ms(elapsed),
    );
    if let (Some(before), Some(peak)) = (rss_before, peak) {
        eprintln!(
            "mac_eval: memory {:.1} MiB before aligning, peak {:.1} MiB (+{:.1} MiB while aligning)",
            before as f64 / 1024.0,
            peak as f64 / 1024.0,
            peak.saturating_sub(before) as f64 / 1024.0
        );
    }
    println!("strict_f1={strict:.4} lax_f1={lax:.4}");
    println!(
        "recall per gold bead type: {}",
        bead_recall(&chapters, &out)
    );
    if tune_mode {
        tune(&lexicon, &chapters);
    }
    if ablation_mode {
        ablation(&lexicon, &chapters, &weights);
    }
}

/// A memory figure of this process from `/proc/self/status`, in KiB (Linux only).
fn memory_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line[field.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

fn write_out(dir: &Path, chapters: &[Chapter], out: &[Vec<Ids>]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (c, beads) in chapters.iter().zip(out) {
        let text: String = beads
            .iter()
            .map(|(a, b)| bead_notation(a.iter().copied(), b.iter().copied()) + "\n")
            .collect();
        std::fs::write(dir.join(format!("{}.align", c.name)), text)?;
    }
    Ok(())
}

//! Terminology from aligned text: candidate term pairs of two languages, found in the aligned
//! units that `align` and `batch` write (or that [`Comparison`](crate::Comparison) gives), for
//! terminologists who want to know how a term was rendered.
//!
//! On each side a candidate is a run of one to six words that neither begins nor ends with a
//! stop word — jieba words in Chinese, stemmed words elsewhere, Arabic words without their
//! clitics (see `words`). Candidates held by fewer than `min_count` units are dropped, and so
//! is a candidate nested in a longer one that every unit holding it holds too. Pairs are
//! counted only inside aligned units and only where their counts allow the Dice floor, then
//! scored by log-likelihood (G²) times Dice; the longer pair wins over a nested one that
//! co-occurs (nearly) as often, and a term keeps its best partner (a second one only when that
//! is the best partner of its own term and scores at least half as well).
//!
//! ```
//! use versalign::Language;
//! use versalign::terms::{TermOptions, Unit, extract};
//!
//! let rows = [
//!     ("The General Assembly met in May.", "L'Assemblée générale s'est réunie en mai."),
//!     ("It asked the General Assembly.", "Il a saisi l'Assemblée générale."),
//!     ("The General Assembly adopted it.", "L'Assemblée générale l'a adopté."),
//!     ("The Council met.", "Le Conseil s'est réuni."),
//! ];
//! let units: Vec<Unit> = rows
//!     .iter()
//!     .enumerate()
//!     .map(|(i, (en, fr))| Unit::new("demo", (i + 1).to_string(), *en, *fr))
//!     .collect();
//! let options = TermOptions { min_count: 3, ..TermOptions::new(Language::En, Language::Fr) };
//! let pairs = extract(&units, &options, &|_| {});
//! assert_eq!(pairs[0].src_term, "General Assembly");
//! assert_eq!(pairs[0].tgt_term, "Assemblée générale");
//! ```

mod candidates;
mod score;
mod tbx;
mod units;
pub(crate) mod words;

use std::io::Write;

use serde::Serialize;

use crate::model::Language;

use rustc_hash::FxHashSet;

use candidates::{Vocabulary, surfaces, tokenize};

pub use tbx::write_tbx;
pub use units::{TermsError, read_tables, units_of};

/// One aligned unit: a row (or sentence row) of an aligned table, in the two languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The document's symbol (or the table's file name when the table has no symbol column).
    pub symbol: String,
    /// The row number as the table writes it.
    pub row: String,
    /// Text in the source language.
    pub source: String,
    /// Text in the target language.
    pub target: String,
}

impl Unit {
    /// A unit of document `symbol`, row `row`.
    pub fn new(
        symbol: impl Into<String>,
        row: impl Into<String>,
        source: impl Into<String>,
        target: impl Into<String>,
    ) -> Unit {
        Unit {
            symbol: symbol.into(),
            row: row.into(),
            source: source.into(),
            target: target.into(),
        }
    }
}

/// What to extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermOptions {
    /// Language of the source terms.
    pub source: Language,
    /// Language of the target terms.
    pub target: Language,
    /// Units a term and a pair must occur in at least.
    pub min_count: u32,
    /// Keep only the best this many pairs.
    pub top: Option<usize>,
}

impl TermOptions {
    /// Pairs from `source` to `target`, each in at least 3 units, all of them.
    pub fn new(source: Language, target: Language) -> TermOptions {
        TermOptions {
            source,
            target,
            min_count: 3,
            top: None,
        }
    }
}

/// A candidate term pair, with an example.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermPair {
    /// The source term as it is written in the example.
    pub src_term: String,
    /// The target term as it is written in the example.
    pub tgt_term: String,
    /// Units holding both.
    pub count: u32,
    /// Association: log-likelihood (G²) times Dice.
    pub score: f64,
    /// Units holding the source term.
    pub src_count: u32,
    /// Units holding the target term.
    pub tgt_count: u32,
    /// Symbol of the first unit holding both.
    pub example_symbol: String,
    /// Its row.
    pub example_row: String,
    /// Its source text.
    pub example_src: String,
    /// Its target text.
    pub example_tgt: String,
}

/// Find the candidate term pairs of aligned units, best first. `progress` hears how many
/// texts (two per unit) have been cut into words so far.
pub fn extract(
    units: &[Unit],
    options: &TermOptions,
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<TermPair> {
    let done = std::sync::atomic::AtomicUsize::new(0);
    let tell = |n: usize| {
        let total = done.fetch_add(n, std::sync::atomic::Ordering::Relaxed) + n;
        progress(total);
    };
    let side = |language, side: fn(&Unit) -> &String| {
        let mut vocabulary = Vocabulary::new(language);
        tokenize(&texts(units, side), &mut vocabulary, &tell)
    };
    let source = side(options.source, |u| &u.source);
    let target = side(options.target, |u| &u.target);
    let min_count = options.min_count.max(1);
    let (src_counts, tgt_counts) = rayon::join(|| score::count(&source), || score::count(&target));
    let (src, tgt) = rayon::join(
        || score::select(&src_counts, min_count),
        || score::select(&tgt_counts, min_count),
    );
    drop((src_counts, tgt_counts));
    let pairs = score::cooccurrences(&source, &target, &src, &tgt);
    let mut ranked = score::rank(&pairs, &src, &tgt, units.len(), min_count);
    if let Some(top) = options.top {
        ranked.truncate(top);
    }
    let wanted = |side: &score::Selected, pick: fn(&score::Scored) -> u32| {
        ranked
            .iter()
            .map(|p| side.keys[pick(p) as usize])
            .collect::<FxHashSet<u128>>()
    };
    let (src_wanted, tgt_wanted) = (wanted(&src, |p| p.source), wanted(&tgt, |p| p.target));
    let (src_forms, tgt_forms) = rayon::join(
        || surfaces(&texts(units, |u| &u.source), &source, &src_wanted),
        || surfaces(&texts(units, |u| &u.target), &target, &tgt_wanted),
    );
    ranked
        .into_iter()
        .filter_map(|p| {
            let unit = &units[p.first as usize];
            let (s_key, t_key) = (src.keys[p.source as usize], tgt.keys[p.target as usize]);
            Some(TermPair {
                src_term: src_forms.get(&s_key)?.clone(),
                tgt_term: tgt_forms.get(&t_key)?.clone(),
                count: p.count,
                score: p.score,
                src_count: src.counts[p.source as usize],
                tgt_count: tgt.counts[p.target as usize],
                example_symbol: unit.symbol.clone(),
                example_row: unit.row.clone(),
                example_src: unit.source.clone(),
                example_tgt: unit.target.clone(),
            })
        })
        .collect()
}

/// One side's texts of the units.
fn texts(units: &[Unit], side: fn(&Unit) -> &String) -> Vec<&str> {
    units.iter().map(|u| side(u).as_str()).collect()
}

/// The columns of the terms CSV, in order.
pub const CSV_HEADER: [&str; 10] = [
    "src_term",
    "tgt_term",
    "count",
    "score",
    "src_count",
    "tgt_count",
    "example_symbol",
    "example_row",
    "example_src",
    "example_tgt",
];

/// Write term pairs as CSV (columns [`CSV_HEADER`]), in the order given.
pub fn write_csv<W: Write>(pairs: &[TermPair], out: W) -> std::io::Result<()> {
    write_records(pairs, out).map_err(std::io::Error::from)
}

fn write_records<W: Write>(pairs: &[TermPair], out: W) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_HEADER)?;
    for p in pairs {
        writer.write_record([
            p.src_term.as_str(),
            &p.tgt_term,
            &p.count.to_string(),
            &format!("{:.2}", p.score),
            &p.src_count.to_string(),
            &p.tgt_count.to_string(),
            &p.example_symbol,
            &p.example_row,
            &p.example_src,
            &p.example_tgt,
        ])?;
    }
    writer.flush()?;
    Ok(())
}

//! `versalign terms INPUT… --src L --tgt L [-o terms.csv|terms.tbx] [--min-count N] [--top N]`:
//! candidate term pairs from aligned text — tables written by `align` or `batch`, a batch
//! output folder, or the version files of one document (aligned here at sentence level).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressStyle};

use versalign::terms::{self, TermOptions, Unit};
use versalign::{Comparison, Language, Level, LexiconCache, Options, Source};

use crate::cli::{CliError, Outcome, language, print_warnings};

/// Inputs from this many units on get a progress bar (on a terminal).
const PROGRESS_FROM: usize = 20_000;

/// Arguments of `versalign terms`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Aligned tables (`.csv` from `align` or a batch's `aligned.csv`), batch output folders,
    /// or the two to six version files of one document (or one folder holding them).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Language of the source terms.
    #[arg(long = "src", value_name = "LANG", value_parser = language())]
    pub source: Language,
    /// Language of the target terms.
    #[arg(long = "tgt", value_name = "LANG", value_parser = language())]
    pub target: Language,
    /// Write to this file: `.tbx` gives TBX-Basic, anything else CSV (default: CSV on
    /// standard output).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Aligned units a term, and a pair, must occur in at least.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub min_count: u32,
    /// Keep only the best N pairs.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
}

/// Whether an input is an aligned table (a `.csv` file or a folder holding `aligned.csv`).
fn is_table(path: &Path) -> bool {
    if path.is_dir() {
        return path.join("aligned.csv").is_file();
    }
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// The units of the version files of one document, aligned at sentence level.
fn units_of_versions(args: &Args) -> Result<Vec<Unit>, CliError> {
    let sources = Source::from_paths(&args.inputs)?;
    if !(2..=6).contains(&sources.len()) {
        return Err(CliError::Usage(format!(
            "give aligned tables (.csv), a batch output folder, or two to six version files of \
             one document; got {} version file{}",
            sources.len(),
            if sources.len() == 1 { "" } else { "s" }
        )));
    }
    let options = Options {
        level: Level::Sentence,
        lexicons: Some(Arc::new(LexiconCache::with_default_dictionaries(|_| {}))),
        ..Options::default()
    };
    let comparison = Comparison::run(sources, &options)?;
    for d in &comparison.documents {
        print_warnings(d);
    }
    let symbol = comparison
        .documents
        .iter()
        .find_map(|d| d.header.symbol.clone())
        .unwrap_or_else(|| comparison.documents[0].file.clone());
    Ok(terms::units_of(
        &comparison,
        &symbol,
        args.source,
        args.target,
    ))
}

/// Run `versalign terms`.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    if args.source == args.target {
        return Err(CliError::Usage(format!(
            "--src and --tgt are both {}: give two different languages",
            args.source
        )));
    }
    let tables = args.inputs.iter().filter(|p| is_table(p)).count();
    let units = if tables == args.inputs.len() {
        terms::read_tables(&args.inputs, args.source, args.target)?
    } else if tables == 0 {
        units_of_versions(&args)?
    } else {
        return Err(CliError::Usage(
            "give either aligned tables (.csv, batch output folders) or the version files of \
             one document, not both"
                .to_string(),
        ));
    };
    let options = TermOptions {
        min_count: args.min_count,
        top: args.top,
        ..TermOptions::new(args.source, args.target)
    };
    // Hidden when standard error is not a terminal.
    let bar = if units.len() >= PROGRESS_FROM {
        ProgressBar::new(2 * units.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} texts cut into words  ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let pairs = terms::extract(&units, &options, &|done| bar.set_position(done as u64));
    bar.finish_and_clear();
    let write_error = |source| CliError::Write {
        path: args.output.clone(),
        source,
    };
    let sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(File::create(path).map_err(write_error)?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let tbx = args
        .output
        .as_ref()
        .and_then(|p| p.extension())
        .is_some_and(|e| e.eq_ignore_ascii_case("tbx"));
    if tbx {
        terms::write_tbx(&pairs, args.source, args.target, &mut out).map_err(write_error)?;
    } else {
        terms::write_csv(&pairs, &mut out)
            .and_then(|()| out.flush())
            .map_err(write_error)?;
    }
    Ok(Outcome::Clean)
}

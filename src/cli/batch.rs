//! `versalign batch INPUT -o OUTDIR [-j N] [--level paragraph|sentence] [--format FMT[,FMT…]]
//! [--bom] [--shard K/N] [--force]`: align and check a whole archive — a folder tree or a
//! manifest CSV — in parallel, resumably, with a progress bar on a terminal; `index.html` in
//! OUTDIR links every document's outputs.

use std::path::PathBuf;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

use versalign::Level;
use versalign::batch::{self, BatchOptions, Shard};
use versalign::export::Format;

use crate::cli::{CliError, Outcome, format, level};

/// Arguments of `versalign batch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A folder tree of version files, or a manifest CSV with columns `symbol,language,path`.
    pub input: PathBuf,
    /// The output folder (created if needed).
    #[arg(short, long, value_name = "OUTDIR")]
    pub output: PathBuf,
    /// Documents processed at once (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Process only share K of N (1-based), for spreading an archive over machines; join the
    /// shards with `versalign merge`.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<Shard>,
    /// Redo documents whose outputs already exist.
    #[arg(long)]
    pub force: bool,
    /// A glossary CSV: report `term-mismatch` in every document (see `check --glossary`).
    #[arg(long, value_name = "FILE.csv")]
    pub glossary: Option<PathBuf>,
    /// `sentence` adds the rows of the aligned sentences inside each paragraph row.
    #[arg(long, value_name = "LEVEL", default_value = "paragraph", value_parser = level())]
    pub level: Level,
    /// The files written for each document, comma-separated: `csv`, `tsv`, `json`, `tmx`,
    /// `xlsx`, `report` (default: csv,json).
    #[arg(long, value_name = "FMT[,FMT…]", value_delimiter = ',',
          value_parser = format(&["csv", "tsv", "json", "tmx", "xlsx", "report"]))]
    pub format: Vec<Format>,
    /// Start the CSV/TSV files with a byte-order mark, so that Excel reads them as UTF-8.
    #[arg(long)]
    pub bom: bool,
}

fn parse_shard(s: &str) -> Result<Shard, String> {
    let (k, n) = s.split_once('/').ok_or("expected K/N, e.g. 2/8")?;
    let index: usize = k
        .trim()
        .parse()
        .map_err(|_| format!("bad shard number `{k}`"))?;
    let count: usize = n
        .trim()
        .parse()
        .map_err(|_| format!("bad shard count `{n}`"))?;
    if index == 0 || index > count {
        return Err(format!("shard {index}/{count}: need 1 ≤ K ≤ N"));
    }
    Ok(Shard { index, count })
}

/// Run `versalign batch`.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let glossary = args
        .glossary
        .as_deref()
        .map(versalign::Glossary::from_path)
        .transpose()?
        .map(std::sync::Arc::new);
    let options = BatchOptions {
        input: args.input,
        output: args.output,
        shard: args.shard,
        force: args.force,
        level: args.level,
        formats: if args.format.is_empty() {
            BatchOptions::DEFAULT_FORMATS.to_vec()
        } else {
            let mut formats = Vec::new();
            for f in args.format {
                if !formats.contains(&f) {
                    formats.push(f);
                }
            }
            formats
        },
        bom: args.bom,
        glossary,
    };
    if args.level == Level::Sentence
        && let Some(file) = versalign::find_cedict()
    {
        eprintln!(
            "versalign batch: using CC-CEDICT from {} for Chinese–English (CC BY-SA 4.0)",
            file.display()
        );
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .map_err(|e| {
            CliError::Usage(format!(
                "cannot start {} threads: {e}",
                args.jobs.unwrap_or(0)
            ))
        })?;
    // Hidden when standard error is not a terminal.
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents  {per_sec}  ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let placement_bar = bar.clone();
    let report = pool.install(|| {
        batch::run_with(
            &options,
            &|total| placement_bar.set_length(total as u64),
            &|| bar.inc(1),
        )
    })?;
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64().max(1e-9);
    eprintln!(
        "versalign batch: {} documents ({} skipped as complete, {} failed), {} unplaceable files; {:.1} documents/s, {:.1} MB/s",
        report.documents,
        report.skipped,
        report.failed,
        report.unplaceable,
        (report.documents - report.skipped) as f64 / seconds,
        report.bytes as f64 / 1e6 / seconds,
    );
    Ok(Outcome::Clean)
}

//! `versalign align FILE... [--pivot LANG] [--format csv|tsv|json|tmx|xlsx] [-o OUT] [--bom]
//! [--keep-labels]`: the aligned table, one row per aligned unit, with the findings of each row
//! in its last column.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::sync::Arc;

use versalign::export::{self, ExportOptions, Format};
use versalign::{Level, LexiconCache};

use crate::cli::versions::VersionArgs;
use crate::cli::{CliError, Outcome, format, level};

/// Arguments of `versalign align`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub versions: VersionArgs,
    /// Output format: `csv` (RFC 4180), `tsv`, `json` (the document `check --json` prints),
    /// `tmx` (TMX 1.4b translation memory) or `xlsx` (Excel workbook; needs `-o`).
    #[arg(long, default_value = "csv", value_parser = format(&["csv", "tsv", "json", "tmx", "xlsx"]))]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Start CSV/TSV output with a byte-order mark, so that Excel reads it as UTF-8.
    #[arg(long)]
    pub bom: bool,
    /// Keep each paragraph's label (`12.`, `(a)`) at the start of its cells; by default it is
    /// only in the `label` column.
    #[arg(long)]
    pub keep_labels: bool,
    /// `sentence` adds, after each paragraph row, the rows of its aligned sentences.
    #[arg(long, value_name = "LEVEL", default_value = "paragraph", value_parser = level())]
    pub level: Level,
}

/// Run `versalign align`.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    if args.format.is_binary() && args.output.is_none() {
        return Err(CliError::Usage(format!(
            "{} is a binary format: give the file to write with -o, e.g. -o aligned.{}",
            args.format.name(),
            args.format.extension()
        )));
    }
    let lexicons = (args.level == Level::Sentence).then(|| {
        Arc::new(LexiconCache::with_default_dictionaries(|file| {
            eprintln!(
                "versalign align: using CC-CEDICT from {} (CC BY-SA 4.0)",
                file.display()
            );
        }))
    });
    let comparison = args.versions.compare(lexicons)?;
    let write_error = |source| CliError::Write {
        path: args.output.clone(),
        source,
    };
    let sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(File::create(path).map_err(write_error)?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let options = ExportOptions {
        bom: args.bom,
        keep_labels: args.keep_labels,
        ..ExportOptions::default()
    };
    export::write(&comparison, args.format, &options, &mut out)
        .and_then(|()| out.flush())
        .map_err(write_error)?;
    Ok(Outcome::Clean)
}

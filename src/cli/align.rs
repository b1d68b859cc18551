//! `versalign align FILE... [--pivot LANG] [--format csv|tsv|json] [-o OUT] [--bom]`: the aligned
//! table, one row per aligned unit, with the findings of each row in its last column.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use crate::align::sentence_rows::{Level, align_sentences};
use crate::check::check;
use crate::cli::versions::VersionArgs;
use crate::cli::{CliError, Outcome};
use crate::export::json::AlignedDocument;
use crate::export::table::{Delimiter, write_table};
use crate::lexicon::LexiconCache;

/// Output formats of `versalign align`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Comma-separated values (RFC 4180).
    Csv,
    /// Tab-separated values.
    Tsv,
    /// The JSON document also printed by `check --json`.
    Json,
}

/// Arguments of `versalign align`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub versions: VersionArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Start CSV/TSV output with a byte-order mark, so that Excel reads it as UTF-8.
    #[arg(long)]
    pub bom: bool,
    /// `sentence` adds, after each paragraph row, the rows of its aligned sentences.
    #[arg(long, value_enum, default_value = "paragraph")]
    pub level: Level,
}

/// Run `versalign align`.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let aligned = args.versions.load()?;
    let findings = check(&aligned.docs, &aligned.alignment);
    let sentences = match args.level {
        Level::Paragraph => Vec::new(),
        Level::Sentence => {
            let lexicons = LexiconCache::with_default_dictionaries(|file| {
                eprintln!(
                    "versalign align: using CC-CEDICT from {} (CC BY-SA 4.0)",
                    file.display()
                );
            });
            align_sentences(&aligned.docs, &aligned.alignment, &lexicons)?
        }
    };
    let write_error = |source| CliError::Write {
        path: args.output.clone(),
        source,
    };
    let sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(File::create(path).map_err(write_error)?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(
                &mut out,
                &AlignedDocument::new(&aligned.docs, &aligned.alignment, &findings, &sentences),
            )?;
            writeln!(out).map_err(write_error)?;
        }
        Format::Csv | Format::Tsv => {
            let delimiter = if args.format == Format::Tsv {
                Delimiter::Tab
            } else {
                Delimiter::Comma
            };
            write_table(
                &mut out,
                &aligned.docs,
                &aligned.alignment,
                &findings,
                &sentences,
                delimiter,
                args.bom,
            )
            .map_err(|e| match e.into_kind() {
                csv::ErrorKind::Io(source) => write_error(source),
                other => write_error(std::io::Error::other(format!("{other:?}"))),
            })?;
        }
    }
    out.flush().map_err(write_error)?;
    Ok(Outcome::Clean)
}

//! `versalign check FILE... [--pivot LANG] [--lang FILE=LANG]... [--format text|json|html]
//! [-o OUT] [--sort line|code]`: the review report of where the versions do not match, on the
//! terminal, as JSON, or as a side-by-side HTML page. Exit code 1 when there is an error-level
//! finding.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

use versalign::Glossary;

use versalign::export::{self, ExportOptions, FindingOrder, Format};

use crate::cli::versions::VersionArgs;
use crate::cli::{CliError, Outcome, format};

/// Arguments of `versalign check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub versions: VersionArgs,
    /// A glossary CSV (language columns, optional id, status, note): report `term-mismatch`
    /// where a version lacks the rendering of a term the pivot holds.
    #[arg(long, value_name = "FILE.csv")]
    pub glossary: Option<PathBuf>,
    /// `text`: the report for the terminal; `json`: the alignment and findings; `html`: one
    /// self-contained page with the versions side by side and the findings marked.
    #[arg(long, default_value = "text", value_parser = format(&["text", "json", "html"]))]
    pub format: Format,
    /// Print the alignment and findings as JSON (the same as `--format json`).
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// The order of the text report: `line`, the document order of the version under review
    /// (the translation of two versions, else the pivot); `code`, grouped by finding code.
    #[arg(long, value_name = "ORDER", default_value = "line", value_parser = order())]
    pub sort: FindingOrder,
}

/// A `--sort` argument.
fn order() -> impl clap::builder::TypedValueParser<Value = FindingOrder> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(FindingOrder::ALL.map(|(name, _)| name))
        .try_map(|s| s.parse::<FindingOrder>())
}

/// Display columns of the terminal report: `COLUMNS`, else the terminal's width, else 100.
fn report_width() -> Option<usize> {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0);
    from_env.or_else(|| {
        let stdout = std::io::stdout();
        if !stdout.is_terminal() {
            return None;
        }
        terminal_size::terminal_size_of(&stdout).map(|(w, _)| usize::from(w.0))
    })
}

/// Run `versalign check`.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let glossary = args
        .glossary
        .as_deref()
        .map(Glossary::from_path)
        .transpose()?
        .map(Arc::new);
    let comparison = args.versions.compare_with(None, glossary)?;
    let format = if args.json { Format::Json } else { args.format };
    let options = ExportOptions {
        order: args.sort,
        width: report_width(),
        ..ExportOptions::default()
    };
    let write_error = |source| CliError::Write {
        path: args.output.clone(),
        source,
    };
    match (&args.output, format) {
        (Some(path), Format::Report) => {
            let file = File::create(path).map_err(write_error)?;
            let mut out = BufWriter::new(anstream::StripStream::new(file));
            export::write(&comparison, format, &options, &mut out)
                .and_then(|()| out.flush())
                .map_err(write_error)?;
        }
        (Some(path), _) => {
            let mut out = BufWriter::new(File::create(path).map_err(write_error)?);
            export::write(&comparison, format, &options, &mut out)
                .and_then(|()| out.flush())
                .map_err(write_error)?;
        }
        (None, Format::Report) => {
            let mut out = anstream::stdout().lock();
            export::write(&comparison, format, &options, &mut out)
                .and_then(|()| out.flush())
                .map_err(CliError::stdout)?;
        }
        (None, _) => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            export::write(&comparison, format, &options, &mut out)
                .and_then(|()| out.flush())
                .map_err(CliError::stdout)?;
        }
    }
    Ok(if comparison.has_errors() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

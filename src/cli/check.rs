//! `versalign check FILE... [--pivot LANG] [--glossary FILE.csv] [--json]`: the review report of where the versions
//! do not match. Exit code 1 when there is an error-level finding.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::sync::Arc;

use versalign::Glossary;

use versalign::export::{self, ExportOptions, Format};

use crate::cli::versions::VersionArgs;
use crate::cli::{CliError, Outcome};

/// Arguments of `versalign check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub versions: VersionArgs,
    /// A glossary CSV (language columns, optional id, status, note): report `term-mismatch`
    /// where a version lacks the rendering of a term the pivot holds.
    #[arg(long, value_name = "FILE.csv")]
    pub glossary: Option<PathBuf>,
    /// Print the alignment and findings as JSON instead of the report.
    #[arg(long)]
    pub json: bool,
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
    let options = ExportOptions::default();
    if args.json {
        let mut out = BufWriter::new(std::io::stdout().lock());
        export::write(&comparison, Format::Json, &options, &mut out)
            .and_then(|()| out.flush())
            .map_err(CliError::stdout)?;
    } else {
        let mut out = anstream::stdout().lock();
        export::write(&comparison, Format::Report, &options, &mut out)
            .and_then(|()| out.flush())
            .map_err(CliError::stdout)?;
    }
    Ok(if comparison.has_errors() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

//! `versalign check FILE... [--pivot LANG] [--json]`: the review report of where the versions
//! do not match. Exit code 1 when there is an error-level finding.

use std::io::{BufWriter, Write};

use crate::check::{check, has_errors};
use crate::cli::versions::VersionArgs;
use crate::cli::{CliError, Outcome};
use crate::export::json::AlignedDocument;
use crate::export::report::write_report;

/// Arguments of `versalign check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub versions: VersionArgs,
    /// Print the alignment and findings as JSON instead of the report.
    #[arg(long)]
    pub json: bool,
}

/// Run `versalign check`.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let aligned = args.versions.load()?;
    let findings = check(&aligned.docs, &aligned.alignment);
    if args.json {
        let mut out = BufWriter::new(std::io::stdout().lock());
        serde_json::to_writer_pretty(
            &mut out,
            &AlignedDocument::new(&aligned.docs, &aligned.alignment, &findings, &[]),
        )?;
        writeln!(out)
            .and_then(|()| out.flush())
            .map_err(CliError::stdout)?;
    } else {
        let mut out = anstream::stdout().lock();
        write_report(&mut out, &aligned.docs, &aligned.alignment, &findings)
            .map_err(CliError::stdout)?;
        out.flush().map_err(CliError::stdout)?;
    }
    Ok(if has_errors(&findings) {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

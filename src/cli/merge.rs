//! `versalign merge OUTDIR`: join the tables that `batch --shard K/N` runs wrote into one output
//! folder (`summary.shard-K-of-N.csv` …) into `summary.csv`, `aligned.csv` and `unplaceable.csv`.

use std::path::PathBuf;

use versalign::batch;

use crate::cli::{CliError, Outcome};

/// Arguments of `versalign merge`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The output folder the shards wrote to.
    pub outdir: PathBuf,
}

/// Run `versalign merge`.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let shards = batch::merge(&args.outdir)?;
    if shards == 0 {
        return Err(CliError::Usage(format!(
            "no shard tables (summary.shard-K-of-N.csv) in {}",
            args.outdir.display()
        )));
    }
    eprintln!(
        "versalign merge: joined {shards} shards in {}",
        args.outdir.display()
    );
    Ok(Outcome::Clean)
}

//! The command line: one file per subcommand, each with its `Args` and one `run`; this module
//! parses the arguments, dispatches, and turns the outcome into an exit code (0 clean, 1
//! error-level findings, 2 usage or input error).

mod align;
mod batch;
mod check;
mod merge;
mod parse;
mod sentalign;
mod terms;
mod versions;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand};
use versalign::{Language, Level, export};

/// Align the language versions of UN documents and report where a translation does not match
/// the original.
#[derive(Debug, Parser)]
#[command(name = "versalign", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read one language version into its header, blocks and footnotes.
    Parse(parse::Args),
    /// Report every place where language versions do not match (exit code 1 on errors).
    Check(check::Args),
    /// Write the aligned table of language versions (CSV, TSV or JSON).
    Align(align::Args),
    /// Align and check a whole archive of documents in parallel.
    Batch(batch::Args),
    /// Join the tables of sharded batch runs.
    Merge(merge::Args),
    /// Align two files of one sentence per line (beads as the MAC benchmark scores them).
    Sentalign(sentalign::Args),
    /// Find candidate term pairs of two languages in aligned text (CSV or TBX).
    Terms(terms::Args),
}

/// How a command ended when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing at error level.
    Clean,
    /// At least one error-level finding.
    Findings,
}

/// Errors of the command line: everything maps to exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The library refused an input.
    #[error(transparent)]
    Library(#[from] versalign::Error),
    /// Arguments that clap accepted but that do not make sense together.
    #[error("{0}")]
    Usage(String),
    /// Writing output failed.
    #[error("{}: {source}", path.as_ref().map_or("<stdout>".to_string(), |p| p.display().to_string()))]
    Write {
        /// The output file, `None` for standard output.
        path: Option<PathBuf>,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// Serialising JSON failed.
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Aligned tables could not be read for `terms`.
    #[error(transparent)]
    Terms(#[from] versalign::terms::TermsError),
    /// A batch could not run.
    #[error(transparent)]
    Batch(#[from] versalign::batch::BatchError),
}

impl CliError {
    /// A write error on standard output.
    pub fn stdout(source: io::Error) -> Self {
        CliError::Write { path: None, source }
    }
}

/// Run the command line and return the process exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match cli.command {
        Command::Parse(args) => parse::run(args),
        Command::Check(args) => check::run(args),
        Command::Align(args) => align::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Sentalign(args) => sentalign::run(args),
        Command::Terms(args) => terms::run(args),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(CliError::Write { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(io::stderr(), "versalign: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// A language argument (`ar`, `zh`, `en`, `fr`, `ru`, `es`), listed in `--help`.
fn language() -> impl TypedValueParser<Value = Language> {
    PossibleValuesParser::new(Language::ALL.map(Language::code)).try_map(|s| s.parse::<Language>())
}

/// A `--level` argument (`paragraph`, `sentence`).
fn level() -> impl TypedValueParser<Value = Level> {
    PossibleValuesParser::new(Level::ALL.map(|(name, _)| name)).try_map(|s| s.parse::<Level>())
}

/// A `--format` argument among `formats`.
fn format(formats: &'static [&'static str]) -> impl TypedValueParser<Value = export::Format> {
    PossibleValuesParser::new(formats).try_map(|s| s.parse::<export::Format>())
}

/// Print warnings of a document on standard error, as `file:line: warning: message` (a Word
/// file: `file: paragraph 57: warning: message`).
fn print_warnings(doc: &versalign::Document) {
    print_warnings_of(doc, doc.warnings.iter());
}

/// Print these warnings of `doc` on standard error, as `file:line: warning: message` (a Word
/// file: `file: paragraph 57: warning: message`).
fn print_warnings_of<'w>(
    doc: &versalign::Document,
    warnings: impl Iterator<Item = &'w versalign::model::Warning>,
) {
    let mut err = io::stderr().lock();
    for w in warnings {
        let _ = match (w.line, w.line.and_then(|l| doc.place(l))) {
            (Some(_), Some(place)) => {
                writeln!(err, "{}: {place}: warning: {}", doc.file, w.message)
            }
            (Some(line), None) => writeln!(err, "{}:{line}: warning: {}", doc.file, w.message),
            (None, _) => writeln!(err, "{}: warning: {}", doc.file, w.message),
        };
    }
}

//! The `versalign` command: everything happens in [`versalign::cli::run`].

use std::process::ExitCode;

fn main() -> ExitCode {
    versalign::cli::run()
}

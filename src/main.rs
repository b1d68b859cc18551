//! The `versalign` command: everything happens in [`cli::run`], on the library's public API.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}

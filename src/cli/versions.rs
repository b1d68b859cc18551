//! The input shared by `check` and `align`: two to six files, one per language, or one
//! directory holding them, read in parallel and aligned to a pivot.

use std::path::PathBuf;

use crate::align::{Alignment, align, choose_pivot};
use crate::cli::{CliError, print_warnings};
use crate::model::{Document, Language};
use crate::parse::{ParseOptions, read_documents};

/// Arguments naming the versions and the pivot.
#[derive(Debug, clap::Args)]
pub struct VersionArgs {
    /// Two to six files, one per language, or one directory holding them (its `.txt` files).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The version the others are compared with; default: the original language named in the
    /// headers, else the first file.
    #[arg(long, value_enum, value_name = "LANG")]
    pub pivot: Option<Language>,
}

/// The versions read and aligned.
pub struct Aligned {
    /// The documents, in argument (or file-name) order.
    pub docs: Vec<Document>,
    /// Their alignment.
    pub alignment: Alignment,
}

/// The files named: a lone directory stands for the `.txt` files in it, sorted by name.
fn expand(files: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    let files = match files {
        [dir] if dir.is_dir() => {
            let entries = std::fs::read_dir(dir).map_err(|source| crate::Error::Read {
                path: dir.clone(),
                source,
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt"))
                .collect();
            found.sort();
            found
        }
        _ => files.to_vec(),
    };
    if !(2..=6).contains(&files.len()) {
        return Err(CliError::Usage(format!(
            "give two to six files (one per language) or one directory holding them; got {} file{}",
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        )));
    }
    Ok(files)
}

impl VersionArgs {
    /// Read, parse and align the versions; parse warnings go to standard error.
    pub fn load(&self) -> Result<Aligned, CliError> {
        let files = expand(&self.files)?;
        let docs = read_documents(
            &files,
            &ParseOptions {
                language: None,
                tokens: false,
            },
        )?;
        for d in &docs {
            print_warnings(d);
        }
        let pivot = choose_pivot(&docs, self.pivot).map_err(|e| CliError::Usage(e.to_string()))?;
        let alignment = align(&docs, pivot);
        Ok(Aligned { docs, alignment })
    }
}

//! The input shared by `check` and `align`: two to six files, one per language, or one
//! directory holding them, compared through the library's pipeline.

use std::path::PathBuf;
use std::sync::Arc;

use versalign::{Comparison, Language, LexiconCache, Options, Source};

use crate::cli::{CliError, language, print_warnings};

/// Arguments naming the versions and the pivot.
#[derive(Debug, clap::Args)]
pub struct VersionArgs {
    /// Two to six files, one per language (text or Word .docx), or one directory holding them
    /// (its .txt and .docx files; a file in a format not read, such as .doc, is reported).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The version the others are compared with; default: the original language named in the
    /// headers, else the first file.
    #[arg(long, value_name = "LANG", value_parser = language())]
    pub pivot: Option<Language>,
}

impl VersionArgs {
    /// Read, align and check the versions (with sentence rows when `lexicons` is given); parse
    /// warnings go to standard error.
    pub fn compare(&self, lexicons: Option<Arc<LexiconCache>>) -> Result<Comparison, CliError> {
        let sources = Source::from_paths(&self.files)?;
        if !(2..=6).contains(&sources.len()) {
            return Err(CliError::Usage(format!(
                "give two to six files (one per language) or one directory holding them; got {} file{}",
                sources.len(),
                if sources.len() == 1 { "" } else { "s" }
            )));
        }
        let options = Options {
            pivot: self.pivot,
            level: if lexicons.is_some() {
                versalign::Level::Sentence
            } else {
                versalign::Level::Paragraph
            },
            lexicons,
            same_language: false,
        };
        let comparison = Comparison::run(sources, &options)?;
        for d in &comparison.documents {
            print_warnings(d);
        }
        Ok(comparison)
    }
}

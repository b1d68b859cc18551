//! The input shared by `check` and `align`: two to six files, one per language, or one
//! directory holding them, with the language of some given by `--lang FILE=LANG`, compared
//! through the library's pipeline.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use versalign::model::Warning;
use versalign::{Code, Comparison, Finding, Glossary, Language, LexiconCache, Options, Source};

use crate::cli::{CliError, language, print_warnings_of};

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
    /// The language of one file, when detection gets it wrong (`--lang zh.txt=zh`); repeatable.
    /// FILE is the path as given, or the file's name inside the directory given.
    #[arg(long = "lang", value_name = "FILE=LANG", value_parser = file_language)]
    pub languages: Vec<(PathBuf, Language)>,
}

/// A `--lang FILE=LANG` argument.
fn file_language(arg: &str) -> Result<(PathBuf, Language), String> {
    let (file, lang) = arg
        .rsplit_once('=')
        .ok_or_else(|| format!("`{arg}` is not FILE=LANG (say `--lang zh.txt=zh`)"))?;
    if file.is_empty() {
        return Err(format!("`{arg}` names no file (say `--lang zh.txt=zh`)"));
    }
    let lang = lang.parse::<Language>().map_err(|e| e.to_string())?;
    Ok((PathBuf::from(file), lang))
}

/// Whether `--lang`'s `given` names the version file `path`: the same path, or the same file
/// name when `given` is a bare name.
fn names_file(given: &Path, path: &Path) -> bool {
    given == path
        || (given.parent().is_none_or(|p| p.as_os_str().is_empty())
            && path.file_name() == given.file_name())
}

impl VersionArgs {
    /// Read, align and check the versions (with sentence rows when `lexicons` is given); parse
    /// warnings go to standard error.
    pub fn compare(&self, lexicons: Option<Arc<LexiconCache>>) -> Result<Comparison, CliError> {
        self.compare_with(lexicons, None)
    }

    /// [`VersionArgs::compare`], checking the renderings of a glossary's terms too.
    pub fn compare_with(
        &self,
        lexicons: Option<Arc<LexiconCache>>,
        glossary: Option<Arc<Glossary>>,
    ) -> Result<Comparison, CliError> {
        let mut sources = Source::from_paths(&self.files)?;
        for (given, lang) in &self.languages {
            let mut named = false;
            for source in &mut sources {
                if let Source::File { path, language } = source {
                    if names_file(given, path) {
                        *language = Some(*lang);
                        named = true;
                    }
                }
            }
            if !named {
                let files: Vec<String> = sources
                    .iter()
                    .filter_map(|s| match s {
                        Source::File { path, .. } => Some(path.display().to_string()),
                        _ => None,
                    })
                    .collect();
                return Err(CliError::Usage(format!(
                    "--lang {}={lang}: no such version; the versions are {}",
                    given.display(),
                    files.join(", ")
                )));
            }
        }
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
            glossary,
        };
        let comparison = Comparison::run(sources, &options)?;
        for d in &comparison.documents {
            let unreported = d
                .warnings
                .iter()
                .filter(|w| !reported(&comparison.findings, d.language, w));
            print_warnings_of(d, unreported);
        }
        Ok(comparison)
    }
}

/// Whether a finding (or one folded into a finding) already reports the parse warning `w` of
/// the version in `language`: a footnote marker without a body or a body without a marker, at
/// the same line.
fn reported(findings: &[Finding], language: Language, w: &Warning) -> bool {
    let footnote_codes = [Code::FootnoteOrphan, Code::FootnoteUnreferenced];
    w.line.is_some_and(|line| {
        findings
            .iter()
            .flat_map(|f| std::iter::once(f).chain(&f.related))
            .any(|f| footnote_codes.contains(&f.code) && f.lines.get(&language) == Some(&line))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_arguments_name_a_file_and_a_language() {
        assert_eq!(
            file_language("dir/zh.txt=zh"),
            Ok((PathBuf::from("dir/zh.txt"), Language::Zh))
        );
        assert!(file_language("zh").unwrap_err().contains("FILE=LANG"));
        assert!(
            file_language("zh.txt=de")
                .unwrap_err()
                .contains("unknown language")
        );
        assert!(names_file(
            Path::new("zh.txt"),
            Path::new("corpora/demo/zh.txt")
        ));
        assert!(names_file(Path::new("a/zh.txt"), Path::new("a/zh.txt")));
        assert!(!names_file(Path::new("b/zh.txt"), Path::new("a/zh.txt")));
    }
}

//! The one place where the stages are composed: versions in (files or documents already read),
//! a [`Comparison`] out — the documents, their alignment, the findings and, at sentence level,
//! the sentence rows. Every command of the binary goes through [`Comparison::run`], and every
//! document of a batch through [`Source::read`] and [`Comparison::of_documents`] (a batch reads
//! its versions one by one, so that one unreadable file leaves the others compared); nothing
//! else chains input, parse, align and check.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::align::sentence_rows::{Level, SentenceRow, align_sentences};
use crate::align::{AlignError, Alignment, align, check_size, choose_pivot};
use crate::check::glossary::Glossary;
use crate::check::{Finding, check, check_glossary, has_errors};
use crate::error::Error;
use crate::input;
use crate::lexicon::LexiconCache;
use crate::model::{Document, Language};
use crate::parse::{ParseOptions, parse, parse_loaded, read_document};

/// One language version to compare.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file, read through the input stage by its format; `language` when the caller knows it
    /// (detected from the text otherwise).
    File {
        /// The file.
        path: PathBuf,
        /// The version's language, when known.
        language: Option<Language>,
    },
    /// Text already in memory; `name` stands for the file in findings and warnings.
    Text {
        /// What findings call this version (a file name, usually).
        name: String,
        /// The text.
        text: String,
        /// The version's language, when known.
        language: Option<Language>,
    },
    /// The bytes of a file already in memory (any format the input stage reads); `name`
    /// stands for the file.
    Bytes {
        /// What findings call this version (a file name, usually).
        name: String,
        /// The file's content.
        bytes: Vec<u8>,
        /// The version's language, when known.
        language: Option<Language>,
    },
    /// A document already parsed.
    Document(Box<Document>),
}

impl Source {
    /// A file whose language is detected from its text.
    pub fn file(path: impl Into<PathBuf>) -> Source {
        Source::File {
            path: path.into(),
            language: None,
        }
    }

    /// Text whose language is detected, known to findings as `name`.
    pub fn text(name: impl Into<String>, text: impl Into<String>) -> Source {
        Source::Text {
            name: name.into(),
            text: text.into(),
            language: None,
        }
    }

    /// The versions that paths name: each file as given, except that a lone directory stands
    /// for its version files (`.txt`, and the document formats the input stage recognises, so
    /// that one it cannot read is reported, not skipped), sorted by name.
    pub fn from_paths(paths: &[PathBuf]) -> Result<Vec<Source>, Error> {
        let files = match paths {
            [dir] if dir.is_dir() => {
                let entries = std::fs::read_dir(dir).map_err(|source| Error::Read {
                    path: dir.clone(),
                    source,
                })?;
                let mut found: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_file() && input::is_version_file(p))
                    .collect();
                found.sort();
                found
            }
            _ => paths.to_vec(),
        };
        Ok(files.into_iter().map(Source::file).collect())
    }

    /// Read and parse the version (a document is taken as it is).
    pub fn read(self) -> Result<Document, Error> {
        let options = |language| ParseOptions {
            language,
            ..ParseOptions::default()
        };
        match self {
            Source::File { path, language } => read_document(&path, &options(language)),
            Source::Text {
                name,
                text,
                language,
            } => {
                if text.trim().is_empty() {
                    return Err(Error::Empty { path: name.into() });
                }
                Ok(parse(&text, &name, &options(language)))
            }
            Source::Bytes {
                name,
                bytes,
                language,
            } => {
                let loaded = input::from_bytes(Path::new(&name), &bytes)?;
                parse_loaded(loaded, Path::new(&name), &options(language))
            }
            Source::Document(doc) => Ok(*doc),
        }
    }
}

/// How to compare.
#[derive(Default)]
pub struct Options {
    /// The version the others are compared with; default: the original language most headers
    /// name, else the first version.
    pub pivot: Option<Language>,
    /// Paragraphs only, or paragraphs and the sentences inside them.
    pub level: Level,
    /// The bilingual lexicons of the sentence aligner (sentence level only); default: the
    /// built-in lists and CC-CEDICT when installed ([`LexiconCache::with_default_dictionaries`]).
    pub lexicons: Option<Arc<LexiconCache>>,
    /// Compare versions in one language too (two drafts of a version, or a version and its
    /// revision): the requested pivot's first version, else the first, is the pivot.
    pub same_language: bool,
    /// Check the renderings of this glossary's terms too (`term-mismatch`).
    pub glossary: Option<Arc<Glossary>>,
}

/// Language versions of one document, aligned and checked.
#[derive(Debug)]
pub struct Comparison {
    /// The versions, in the order given.
    pub documents: Vec<Document>,
    /// Their alignment (rows of units, pivot first).
    pub alignment: Alignment,
    /// Every place where the versions do not match.
    pub findings: Vec<Finding>,
    /// At sentence level, the sentence rows inside the paragraph rows; empty otherwise.
    pub sentences: Vec<SentenceRow>,
}

impl Comparison {
    /// Read the versions (in parallel), align them to the pivot and check them. Fails when a
    /// version cannot be read, when fewer than two are given, when two share a language, or
    /// when the requested pivot is not among them.
    pub fn run(sources: Vec<Source>, options: &Options) -> Result<Comparison, Error> {
        let documents = sources
            .into_par_iter()
            .map(Source::read)
            .collect::<Result<Vec<_>, _>>()?;
        Comparison::of_documents(documents, options)
    }

    /// Align and check documents already read.
    pub fn of_documents(documents: Vec<Document>, options: &Options) -> Result<Comparison, Error> {
        let pivot = if options.same_language && documents.len() >= 2 {
            for doc in &documents {
                check_size(doc)?;
            }
            match options.pivot {
                Some(lang) => documents
                    .iter()
                    .position(|d| d.language == lang)
                    .ok_or_else(|| AlignError::no_pivot(lang, &documents))?,
                None => 0,
            }
        } else {
            choose_pivot(&documents, options.pivot)?
        };
        let alignment = align(&documents, pivot);
        let mut findings = check(&documents, &alignment);
        if let Some(glossary) = &options.glossary {
            check_glossary(&documents, &alignment, glossary, &mut findings);
        }
        let sentences = match options.level {
            Level::Paragraph => Vec::new(),
            Level::Sentence => match &options.lexicons {
                Some(lexicons) => align_sentences(&documents, &alignment, lexicons)?,
                None => align_sentences(
                    &documents,
                    &alignment,
                    &LexiconCache::with_default_dictionaries(|_| {}),
                )?,
            },
        };
        Ok(Comparison {
            documents,
            alignment,
            findings,
            sentences,
        })
    }

    /// Whether any finding is at error level (the `check` command then exits with 1).
    pub fn has_errors(&self) -> bool {
        has_errors(&self.findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Code;

    const EN: &str = "1. The Assembly met on 3 May 2011.\n\n2. It adopted 12 resolutions.\n";
    const FR: &str =
        "1. L'Assemblée s'est réunie le 3 mai 2011.\n\n2. Elle a adopté 13 résolutions.\n";

    #[test]
    fn texts_are_aligned_and_checked() {
        let comparison = Comparison::run(
            vec![Source::text("en.txt", EN), Source::text("fr.txt", FR)],
            &Options::default(),
        )
        .unwrap();
        assert_eq!(comparison.documents[1].language, Language::Fr);
        assert_eq!(comparison.alignment.rows.len(), 2);
        assert!(comparison.sentences.is_empty());
        assert!(
            comparison
                .findings
                .iter()
                .any(|f| f.code == Code::NumberMismatch),
            "12 against 13 is reported: {:?}",
            comparison.findings
        );
        assert!(comparison.has_errors());
    }

    #[test]
    fn documents_already_read_give_the_same_comparison() {
        let from_text = Comparison::run(
            vec![Source::text("en.txt", EN), Source::text("fr.txt", FR)],
            &Options::default(),
        )
        .unwrap();
        let docs = from_text.documents.clone();
        let from_docs = Comparison::run(
            docs.into_iter()
                .map(|d| Source::Document(Box::new(d)))
                .collect(),
            &Options::default(),
        )
        .unwrap();
        assert_eq!(from_docs.alignment, from_text.alignment);
        assert_eq!(from_docs.findings, from_text.findings);
    }

    #[test]
    fn refusals_name_the_reason() {
        let one = Comparison::run(vec![Source::text("en.txt", EN)], &Options::default());
        assert!(one.unwrap_err().to_string().contains("at least two"));
        let twice = Comparison::run(
            vec![Source::text("a.txt", EN), Source::text("b.txt", EN)],
            &Options::default(),
        );
        assert!(twice.unwrap_err().to_string().contains("a.txt and b.txt"));
        let empty = Comparison::run(
            vec![Source::text("en.txt", EN), Source::text("fr.txt", "  \n")],
            &Options::default(),
        );
        assert!(empty.unwrap_err().to_string().contains("fr.txt"));
        let pivot = Comparison::run(
            vec![Source::text("en.txt", EN), Source::text("fr.txt", FR)],
            &Options {
                pivot: Some(Language::Zh),
                ..Options::default()
            },
        );
        let pivot = pivot.unwrap_err().to_string();
        assert!(pivot.contains("zh"), "{pivot}");
        assert!(pivot.contains("the versions are in en, fr"), "{pivot}");
    }

    #[test]
    fn bytes_are_read_through_the_input_stage() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(FR.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let sources = vec![
            Source::text("en.txt", EN),
            Source::Bytes {
                name: "fr.txt".into(),
                bytes: utf16,
                language: None,
            },
        ];
        let comparison = Comparison::run(sources, &Options::default()).unwrap();
        assert_eq!(comparison.documents[1].language, Language::Fr);
        assert_eq!(comparison.documents[1].file, "fr.txt");
        let docx = Source::Bytes {
            name: "zh.docx".into(),
            bytes: b"PK\x03\x04".to_vec(),
            language: None,
        };
        assert!(
            docx.read()
                .unwrap_err()
                .to_string()
                .starts_with("zh.docx: not a complete ZIP archive")
        );
    }

    #[test]
    fn two_drafts_in_one_language_are_compared_when_asked() {
        let revised = EN.replace("12", "14");
        let sources = || {
            vec![
                Source::text("v1.txt", EN),
                Source::text("v2.txt", revised.clone()),
            ]
        };
        assert!(Comparison::run(sources(), &Options::default()).is_err());
        let options = Options {
            same_language: true,
            ..Options::default()
        };
        let comparison = Comparison::run(sources(), &options).unwrap();
        assert_eq!(comparison.alignment.pivot, 0);
        assert!(comparison.has_errors(), "12 against 14");
    }

    #[test]
    fn a_directory_stands_for_its_versions_and_names_what_it_cannot_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("en.txt"), EN).unwrap();
        std::fs::write(dir.path().join("fr.txt"), FR).unwrap();
        std::fs::write(dir.path().join("SOURCE.md"), "# notes").unwrap();
        let sources = Source::from_paths(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(sources.len(), 2, "SOURCE.md is no version");
        let comparison = Comparison::run(sources, &Options::default()).unwrap();
        assert_eq!(comparison.documents[0].language, Language::En);

        std::fs::write(dir.path().join("zh.docx"), b"PK\x03\x04\x14\x00").unwrap();
        let sources = Source::from_paths(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(sources.len(), 3);
        let refused = Comparison::run(sources, &Options::default()).unwrap_err();
        assert!(refused.to_string().contains("zh.docx"), "{refused}");
    }

    #[test]
    fn sentence_level_adds_sentence_rows() {
        let comparison = Comparison::run(
            vec![Source::text("en.txt", EN), Source::text("fr.txt", FR)],
            &Options {
                level: Level::Sentence,
                lexicons: Some(Arc::new(LexiconCache::new(|s, t| {
                    Ok(crate::lexicon::Lexicon::builtin(s, t))
                }))),
                ..Options::default()
            },
        )
        .unwrap();
        assert_eq!(comparison.sentences.len(), 2);
        assert!(comparison.sentences.iter().all(|s| s.counts == [1, 1]));
    }
}

//! The library's error types: what can go wrong reading a document, named by file and, where it
//! applies, byte offset or line.

use std::path::PathBuf;

/// Why bytes could not be decoded as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// A NUL byte or many control characters: not a text file.
    #[error("binary data, not text (byte offset {offset})")]
    Binary {
        /// Offset of the first offending byte.
        offset: usize,
    },
    /// Neither UTF-8 nor a legacy encoding that reads as text.
    #[error(
        "invalid UTF-8 at byte offset {offset}, and no legacy encoding (GB18030, Big5, \
         Windows-1252, -1251, -1256) reads it as text in one script; save the file as UTF-8 \
         (in Word: Save As, Plain Text, Unicode (UTF-8))"
    )]
    InvalidUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// The file ends in the middle of a UTF-8 character.
    #[error("truncated UTF-8 character at byte offset {offset} (file cut short?)")]
    TruncatedUtf8 {
        /// Offset where the incomplete character starts.
        offset: usize,
    },
    /// UTF-16 data with an odd number of bytes.
    #[error("truncated UTF-16 data at byte offset {offset} (odd number of bytes)")]
    TruncatedUtf16 {
        /// Offset of the dangling byte.
        offset: usize,
    },
    /// UTF-16 data with an unpaired surrogate.
    #[error("invalid UTF-16 at byte offset {offset}")]
    InvalidUtf16 {
        /// Offset of the unpaired surrogate.
        offset: usize,
    },
}

/// Errors of the versalign library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The file's bytes are not text in a supported encoding.
    #[error("{}: {source}", path.display())]
    Decode {
        /// The file.
        path: PathBuf,
        /// What was wrong with the bytes.
        #[source]
        source: DecodeError,
    },
    /// The file holds no text at all.
    #[error("{}: the file is empty", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file is in a format the input stage recognises but cannot read yet.
    #[error("{}: {format} files cannot be read yet; {advice}", path.display())]
    UnsupportedFormat {
        /// The file.
        path: PathBuf,
        /// What the file is (`Word .docx`, `PDF` …).
        format: &'static str,
        /// What to do instead.
        advice: &'static str,
    },
    /// A glossary file is malformed.
    #[error("{}: line {line}: {message}", path.display())]
    Glossary {
        /// The glossary.
        path: PathBuf,
        /// Its line (1 is the header).
        line: u64,
        /// What is wrong and what to do.
        message: String,
    },
    /// The versions cannot be aligned (too few, two in one language, no such pivot).
    #[error(transparent)]
    Align(#[from] crate::align::AlignError),
}

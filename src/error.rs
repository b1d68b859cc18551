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
    /// Neither UTF-8 nor a legacy Chinese encoding.
    #[error("invalid UTF-8 at byte offset {offset} (and not GB18030 Chinese either)")]
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
    /// A version has more units (paragraphs or footnotes) than one alignment takes.
    #[error(
        "{}: {units} {what}, more than the {limit} versalign aligns in one document; split the \
         file (by annex or chapter, say) and check the parts",
        path.display()
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// What is counted: `paragraphs` or `footnotes`.
        what: &'static str,
        /// How many the file has.
        units: usize,
        /// The most one alignment takes.
        limit: usize,
    },
}

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

/// Why a Word `.docx` file could not be read; each says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocxError {
    /// The ZIP container is damaged or cut short.
    #[error(
        "not a complete ZIP archive ({detail}): the file is damaged or cut short; get it again, \
         or open it in Word and save it again as .docx"
    )]
    Archive {
        /// What the ZIP reader said.
        detail: String,
    },
    /// A ZIP file that is no WordprocessingML document.
    #[error(
        "this is {what}, not a Word document; save it as Word .docx (or as plain text, UTF-8) \
         and check that file"
    )]
    NotWord {
        /// What the file is (`an OpenDocument text (.odt)`, `an Excel workbook (.xlsx)` …).
        what: String,
    },
    /// A part inflates beyond the limits: a possible ZIP bomb.
    #[error(
        "{part} inflates to more than {limit_mb} MB or more than {ratio} times its compressed \
         size, refused as a possible ZIP bomb; if the document is genuine, save it as plain text \
         (UTF-8) and check that file"
    )]
    Bomb {
        /// The part inside the archive.
        part: String,
        /// The limit on all parts together, in MB.
        limit_mb: u64,
        /// The largest compression ratio accepted.
        ratio: u64,
    },
    /// A part is stored encrypted or with a compression method other than deflate.
    #[error(
        "{part} is {what}; open the file in Word, remove any password and save it again as .docx"
    )]
    Unreadable {
        /// The part inside the archive.
        part: String,
        /// What is wrong with it.
        what: String,
    },
    /// A part is not well-formed XML.
    #[error(
        "{part} is not well-formed XML (at byte {offset}: {detail}); open the file in Word and \
         save it again"
    )]
    Xml {
        /// The part inside the archive.
        part: String,
        /// Byte offset in the part.
        offset: u64,
        /// What the XML reader said.
        detail: String,
    },
    /// A part declares a DTD, which Word never writes (and which could define entities).
    #[error(
        "{part} declares a document type (<!DOCTYPE>), which Word never writes; refused so that \
         no entity is expanded; open the file in Word and save it again"
    )]
    DocType {
        /// The part inside the archive.
        part: String,
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
    /// The Word `.docx` file could not be read.
    #[error("{}: {source}", path.display())]
    Docx {
        /// The file.
        path: PathBuf,
        /// What was wrong with it.
        #[source]
        source: DocxError,
    },
    /// The versions cannot be aligned (too few, two in one language, no such pivot).
    #[error(transparent)]
    Align(#[from] crate::align::AlignError),
}

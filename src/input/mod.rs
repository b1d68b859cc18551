//! Any file → text with its provenance, by format: the seam every reader of versions goes
//! through (the pipeline, `parse`, `batch`, a directory argument).
//!
//! A file's format is told from its first bytes, not its name: a ZIP container (Word `.docx`,
//! OpenDocument), a PDF, an OLE2 compound file (Word 97–2003 `.doc`, or an encrypted Office
//! file), or text. Plain text is decoded by [`text`]; a Word `.docx` is rendered as text by
//! [`docx`], keeping the place of each line in the Word file; a PDF is read by [`pdf`] with
//! poppler, keeping the page and line of each line; a format that is recognised but
//! not read is refused with an error that names the file and says what to do, so that no
//! version is taken for binary garbage or skipped in silence.

mod docx;
mod pdf;
mod text;

use std::path::Path;

pub use text::TextEncoding;
pub(crate) use text::{Decoded, decode, lines};

use crate::error::Error;
use crate::model::Place;

/// A version's file as text: decoded, or rendered from a Word document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Loaded {
    /// The text the parser reads.
    pub text: String,
    /// The encoding of a text file (`UTF-8`, `UTF-16LE` …), `docx` for a Word document, `pdf`
    /// for a PDF.
    pub encoding: &'static str,
    /// For a Word document or a PDF: the place of each line of `text` (index 0 is line 1).
    pub places: Option<Vec<Place>>,
    /// What the reader noticed that the parser cannot (unaccepted tracked changes).
    pub warnings: Vec<String>,
}

impl From<Decoded> for Loaded {
    fn from(d: Decoded) -> Self {
        Loaded {
            text: d.text,
            encoding: d.encoding,
            places: None,
            warnings: Vec::new(),
        }
    }
}

/// What a file is, told from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceFormat {
    /// Text in one of the encodings [`text`] decodes.
    PlainText,
    /// A ZIP container: Word `.docx`, OpenDocument `.odt`, or another Office file.
    Zip,
    /// A PDF file.
    Pdf,
    /// An OLE2 compound file: Word 97–2003 `.doc`, or a password-protected Office file.
    Ole,
}

impl SourceFormat {
    /// The format of a file whose content starts with `head`.
    pub(crate) fn sniff(head: &[u8]) -> SourceFormat {
        if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
            SourceFormat::Zip
        } else if head.starts_with(b"%PDF-") {
            SourceFormat::Pdf
        } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            SourceFormat::Ole
        } else {
            SourceFormat::PlainText
        }
    }

    /// The refusal for a format that is recognised but not read, naming `path`.
    fn unsupported(self, path: &Path) -> Option<Error> {
        let (format, advice) = match self {
            SourceFormat::PlainText | SourceFormat::Zip | SourceFormat::Pdf => return None,
            SourceFormat::Ole => (
                "Word 97-2003 .doc or password-protected Office",
                "remove any password and save the document as Word .docx (or plain text, UTF-8)",
            ),
        };
        Some(Error::UnsupportedFormat {
            path: path.to_path_buf(),
            format,
            advice,
        })
    }
}

/// Read a file as the text of a version, by its format.
pub(crate) fn read(path: &Path) -> Result<Loaded, Error> {
    read_as(path, None)
}

/// [`read`], a text file read in the `forced` encoding when given (a Word file or a PDF
/// carries its own).
pub(crate) fn read_as(path: &Path, forced: Option<TextEncoding>) -> Result<Loaded, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    from_bytes_as(path, &bytes, forced)
}

/// The text of a version from the bytes of its file (`path` names it in errors), a text file
/// read in the `forced` encoding when given.
pub(crate) fn from_bytes_as(
    path: &Path,
    bytes: &[u8],
    forced: Option<TextEncoding>,
) -> Result<Loaded, Error> {
    let format = SourceFormat::sniff(bytes);
    if let Some(refusal) = format.unsupported(path) {
        return Err(refusal);
    }
    if format == SourceFormat::Zip {
        let rendered = docx::read(bytes).map_err(|source| Error::Docx {
            path: path.to_path_buf(),
            source,
        })?;
        return Ok(Loaded {
            text: rendered.text,
            encoding: "docx",
            places: Some(rendered.places),
            warnings: rendered.warnings,
        });
    }
    if format == SourceFormat::Pdf {
        let rendered = pdf::read(bytes).map_err(|source| Error::Pdf {
            path: path.to_path_buf(),
            source,
        })?;
        return Ok(Loaded {
            text: rendered.text,
            encoding: "pdf",
            places: Some(rendered.places),
            warnings: Vec::new(),
        });
    }
    forced
        .map_or_else(|| decode(bytes), |e| text::decode_in(bytes, e))
        .map(Loaded::from)
        .map_err(|source| Error::Decode {
            path: path.to_path_buf(),
            source,
        })
}

/// Read a text file (any encoding versions may be in) into a string: the way versalign reads
/// files that are not document versions, such as one sentence per line or a lexicon.
pub fn read_text(path: &Path) -> Result<String, Error> {
    read(path).map(|t| t.text)
}

/// [`read_text`] in the `forced` encoding when given.
pub fn read_text_as(path: &Path, forced: Option<TextEncoding>) -> Result<String, Error> {
    read_as(path, forced).map(|t| t.text)
}

/// Split text into lines on LF, CRLF or a lone CR, without the line ends: the lines the parser
/// numbers, so that line numbers in findings are the lines of the file.
pub fn split_lines(text: &str) -> Vec<&str> {
    lines(text)
}

/// Whether a folder's file is one of its language versions: by name, a text export or a file
/// in a document format a translator holds (which [`read`] refuses, naming it, when it cannot
/// read it), never notes such as `README.md` or `SOURCE.md`.
pub(crate) fn is_version_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| VERSION_EXTENSIONS.iter().any(|d| e.eq_ignore_ascii_case(d)))
}

/// The extensions of the files a version may come in (see [`is_version_file`]).
pub(crate) const VERSION_EXTENSIONS: &[&str] = &["txt", "docx", "doc", "odt", "pdf", "rtf"];

/// A footnote marker as the parser reads it for sure: digits in superscript (`12` → `¹²`), custom
/// marks such as `*` as they are. The Word and PDF readers write their markers so.
pub(crate) fn superscript_marker(marker: &str) -> String {
    marker
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][d as usize],
            None => c,
        })
        .collect()
}

/// The text an XML entity or character reference stands for (`&amp;`, `&#233;`): the five XML
/// entities and character references; any other entity is kept as written, never expanded.
pub(crate) fn xml_reference(r: &quick_xml::events::BytesRef) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    let name = r.xml10_content();
    match quick_xml::escape::resolve_xml_entity(&name) {
        Some(text) => text.to_string(),
        None => format!("&{name};"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(bytes: &[u8], name: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        read(&path).unwrap_err().to_string()
    }

    #[test]
    fn formats_are_told_from_their_first_bytes() {
        assert_eq!(SourceFormat::sniff(b"PK\x03\x04rest"), SourceFormat::Zip);
        assert_eq!(SourceFormat::sniff(b"%PDF-1.7\n"), SourceFormat::Pdf);
        assert_eq!(
            SourceFormat::sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            SourceFormat::Ole
        );
        assert_eq!(
            SourceFormat::sniff("1. Текст".as_bytes()),
            SourceFormat::PlainText
        );
        assert_eq!(SourceFormat::sniff(b""), SourceFormat::PlainText);
    }

    #[test]
    fn office_files_are_refused_by_name_with_advice() {
        let docx = refusal(b"PK\x03\x04\x14\x00\x06\x00", "zh.docx");
        assert!(docx.contains("zh.docx") && docx.contains("ZIP"), "{docx}");
        assert!(docx.contains("save it again"), "{docx}");
        let doc = refusal(
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
            "fr.doc",
        );
        assert!(doc.contains("fr.doc") && doc.contains("password"), "{doc}");
    }

    #[test]
    fn text_is_decoded_with_its_encoding() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("en.txt");
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("1. Text".encode_utf16().flat_map(u16::to_le_bytes));
        std::fs::write(&path, bytes).unwrap();
        let text = read(&path).unwrap();
        assert_eq!(text.text, "1. Text");
        assert_eq!(text.encoding, "UTF-16LE");
    }

    #[test]
    fn a_forced_encoding_is_read_instead_of_the_detected_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fr.txt");
        // "Résolution" in Windows-1252; as UTF-8 it would be refused or guessed.
        std::fs::write(&path, b"1. R\xe9solution \x80 5\n").unwrap();
        let cp1252: TextEncoding = "windows-1252".parse().unwrap();
        let text = read_as(&path, Some(cp1252)).unwrap();
        assert_eq!(text.text, "1. Résolution € 5\n");
        assert_eq!(text.encoding, "windows-1252");
        let cyrillic: TextEncoding = "windows-1251".parse().unwrap();
        assert_eq!(
            read_as(&path, Some(cyrillic)).unwrap().text,
            "1. Rйsolution Ђ 5\n"
        );
        let utf8: TextEncoding = "utf-8".parse().unwrap();
        let refused = read_as(&path, Some(utf8)).unwrap_err().to_string();
        assert!(
            refused.contains("fr.txt") && refused.contains("not valid UTF-8 at byte offset 4"),
            "{refused}"
        );
        let gbk: TextEncoding = "GBK".parse().unwrap();
        std::fs::write(&path, b"\xb4\xf3\xbb\xe1 \xff").unwrap();
        let refused = read_as(&path, Some(gbk)).unwrap_err().to_string();
        assert!(
            refused.contains("not valid GBK at byte offset 5"),
            "{refused}"
        );
        let unknown = "latin-9x".parse::<TextEncoding>().unwrap_err();
        assert!(
            unknown.contains("windows-1252") && unknown.contains("gbk"),
            "{unknown}"
        );
    }

    #[test]
    fn versions_of_a_folder_are_told_by_extension() {
        assert!(is_version_file(Path::new("d/zh.txt")));
        assert!(is_version_file(Path::new("d/ES.DOCX")));
        assert!(is_version_file(Path::new("d/A_RES_70_1_F.pdf")));
        assert!(!is_version_file(Path::new("d/SOURCE.md")));
        assert!(!is_version_file(Path::new("d/status_en.xml")));
        assert!(!is_version_file(Path::new("d/noextension")));
    }
}

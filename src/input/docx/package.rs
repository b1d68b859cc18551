//! The ZIP container of a `.docx`: its parts read as UTF-8 XML under limits checked while
//! inflating (never trusting the sizes the archive declares), and what a ZIP that is no Word
//! document is instead (an `.odt`, an `.xlsx` …), told from its parts.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use crate::error::DocxError;

/// The most all parts read from one file may inflate to together.
const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

/// The largest compression ratio accepted for a part above [`RATIO_FLOOR`] bytes: XML
/// compresses ~5–20×; a bomb compresses ~1000×.
const MAX_RATIO: u64 = 200;

/// Parts smaller than this are not held to [`MAX_RATIO`] (tiny repetitive parts compress well).
const RATIO_FLOOR: u64 = 1024 * 1024;

/// An opened `.docx` archive.
pub(super) struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes still allowed to be inflated, out of [`MAX_TOTAL_BYTES`].
    budget: u64,
    /// Length of the whole file, which bounds what any compressed part can really be.
    file_len: u64,
}

impl<'a> Package<'a> {
    /// Open the archive and make sure it is a WordprocessingML document.
    pub(super) fn open(bytes: &'a [u8]) -> Result<Package<'a>, DocxError> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(archive_error)?;
        let mut package = Package {
            archive,
            budget: MAX_TOTAL_BYTES,
            file_len: bytes.len() as u64,
        };
        if package
            .archive
            .index_for_name("word/document.xml")
            .is_none()
        {
            return Err(DocxError::NotWord {
                what: package.what_it_is(),
            });
        }
        Ok(package)
    }

    /// The names of the parts, in archive order.
    pub(super) fn names(&self) -> Vec<String> {
        self.archive
            .file_names()
            .filter_map(Result::ok)
            .map(|n| n.into_owned())
            .collect()
    }

    /// A part's text, `None` when the archive has no such part.
    pub(super) fn part(&mut self, name: &str) -> Result<Option<String>, DocxError> {
        let Some(index) = self.archive.index_for_name(name) else {
            return Ok(None);
        };
        let mut file = self.archive.by_index(index).map_err(|e| match e {
            ZipError::UnsupportedArchive(what) if what.contains("ncrypt") => {
                DocxError::Unreadable {
                    part: name.to_string(),
                    what: "encrypted".into(),
                }
            }
            ZipError::CompressionMethodNotSupported(method) => DocxError::Unreadable {
                part: name.to_string(),
                what: format!("compressed with method {method}, which Word does not use"),
            },
            other => archive_error(other),
        })?;
        if file.encrypted() {
            return Err(DocxError::Unreadable {
                part: name.to_string(),
                what: "encrypted".into(),
            });
        }
        let compressed = file.compressed_size().min(self.file_len).max(1);
        let allowed = self
            .budget
            .min(RATIO_FLOOR.max(compressed.saturating_mul(MAX_RATIO)));
        let mut data = Vec::new();
        (&mut file)
            .take(allowed + 1)
            .read_to_end(&mut data)
            .map_err(|e| DocxError::Archive {
                detail: format!("{name}: {e}"),
            })?;
        if data.len() as u64 > allowed {
            return Err(DocxError::Bomb {
                part: name.to_string(),
                limit_mb: MAX_TOTAL_BYTES / (1024 * 1024),
                ratio: MAX_RATIO,
            });
        }
        self.budget -= data.len() as u64;
        String::from_utf8(data)
            .map(Some)
            .map_err(|e| DocxError::Xml {
                part: name.to_string(),
                offset: e.utf8_error().valid_up_to() as u64,
                detail: "not UTF-8".into(),
            })
    }

    /// What a ZIP without `word/document.xml` is, from its `mimetype` and part names.
    fn what_it_is(&mut self) -> String {
        let names = self.names();
        let has = |prefix: &str| names.iter().any(|n| n.starts_with(prefix));
        let mimetype = self.part("mimetype").ok().flatten().unwrap_or_default();
        let known = [
            ("opendocument.text", "an OpenDocument text (.odt)"),
            (
                "opendocument.spreadsheet",
                "an OpenDocument spreadsheet (.ods)",
            ),
            (
                "opendocument.presentation",
                "an OpenDocument presentation (.odp)",
            ),
            ("epub", "an EPUB e-book"),
        ];
        if let Some((_, what)) = known.iter().find(|(m, _)| mimetype.contains(m)) {
            return what.to_string();
        }
        if has("xl/") {
            "an Excel workbook (.xlsx)".into()
        } else if has("ppt/") {
            "a PowerPoint presentation (.pptx)".into()
        } else if has("[Content_Types].xml") {
            "an Office file without word/document.xml".into()
        } else {
            format!(
                "a ZIP archive of {} file(s) without word/document.xml",
                names.len()
            )
        }
    }
}

/// The error for an archive the ZIP reader refuses.
fn archive_error(e: ZipError) -> DocxError {
    DocxError::Archive {
        detail: e.to_string(),
    }
}

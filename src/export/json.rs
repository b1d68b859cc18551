//! The JSON form of an aligned document: pivot, versions with their headers, rows with one cell
//! per language, findings, and a count per finding code.

use std::collections::BTreeMap;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::align::sentence_rows::SentenceRow;
use crate::align::{Alignment, Method};
use crate::check::{Finding, summary};
use crate::export::{column_order, rounded};
use crate::model::{Document, Header, Language};

/// The whole JSON document.
#[derive(Debug, Serialize)]
pub struct AlignedDocument<'a> {
    /// Language of the pivot version.
    pub pivot: Language,
    /// Every version, pivot first.
    pub versions: Vec<Version<'a>>,
    /// The aligned rows.
    pub rows: Vec<RowOut<'a>>,
    /// The findings of `check` (empty for a plain alignment).
    pub findings: &'a [Finding],
    /// Number of findings per code.
    pub summary: BTreeMap<&'static str, usize>,
}

/// A version: its file, language and header.
#[derive(Debug, Serialize)]
pub struct Version<'a> {
    /// The input file.
    pub file: &'a str,
    /// The version's language.
    pub language: Language,
    /// Its header fields.
    pub header: &'a Header,
}

/// One row.
#[derive(Debug, Serialize)]
pub struct RowOut<'a> {
    /// 1-based row number.
    pub row: usize,
    /// `paragraph`, `preamble`, … or `footnote`.
    pub kind: &'static str,
    /// Label of the row, if any (for a sentence row, its place in the paragraph).
    pub label: Option<String>,
    /// How the row was aligned.
    pub method: Method,
    /// Confidence in [0, 1].
    pub score: f64,
    /// One cell per language, pivot first; `null` where a version has nothing.
    pub cells: Cells<'a>,
}

/// The cells of a row, serialised as an object keyed by language code in column order.
#[derive(Debug)]
pub struct Cells<'a>(Vec<(Language, Option<CellOut<'a>>)>);

impl Serialize for Cells<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (lang, cell) in &self.0 {
            map.serialize_entry(lang.code(), cell)?;
        }
        map.end()
    }
}

/// The content of one version in a row.
#[derive(Debug, Serialize)]
pub struct CellOut<'a> {
    /// Ids of the blocks or footnotes held (two for the merged side of a 1-2 bead).
    pub ids: Vec<&'a str>,
    /// First input line, 1-based.
    pub line: usize,
    /// For a version read from a Word file: where that line is (`paragraph 57`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The units' text, joined by a line break.
    pub text: String,
}

impl<'a> AlignedDocument<'a> {
    /// Assemble the JSON view of an alignment and its findings.
    /// `sentences` (from `align --level sentence`) follow their paragraph row, with its row
    /// number, kind `sentence`, their place in the paragraph as label, and its ids and lines.
    pub fn new(
        docs: &'a [Document],
        alignment: &'a Alignment,
        findings: &'a [Finding],
        sentences: &[SentenceRow],
    ) -> Self {
        let order = column_order(alignment);
        let mut rows = Vec::with_capacity(alignment.rows.len() + sentences.len());
        for (r, row) in alignment.rows.iter().enumerate() {
            let cell = |v: usize, text: String| {
                let line = row.line(docs, v).unwrap_or(0);
                CellOut {
                    ids: row.ids(docs, v),
                    line,
                    place: docs[v].place(line).map(ToString::to_string),
                    text,
                }
            };
            rows.push(RowOut {
                row: r + 1,
                kind: row.kind.as_str(),
                label: row.label.clone(),
                method: row.method,
                score: rounded(row.score),
                cells: Cells(
                    order
                        .iter()
                        .map(|&v| (docs[v].language, row.text(docs, v).map(|t| cell(v, t))))
                        .collect(),
                ),
            });
            for s in sentences.iter().filter(|s| s.paragraph == r) {
                rows.push(RowOut {
                    row: r + 1,
                    kind: "sentence",
                    label: Some(s.number.to_string()),
                    method: Method::Dp,
                    score: rounded(s.score),
                    cells: Cells(
                        order
                            .iter()
                            .map(|&v| (docs[v].language, s.cells[v].clone().map(|t| cell(v, t))))
                            .collect(),
                    ),
                });
            }
        }
        AlignedDocument {
            pivot: docs[alignment.pivot].language,
            versions: order
                .iter()
                .map(|&v| Version {
                    file: &docs[v].file,
                    language: docs[v].language,
                    header: &docs[v].header,
                })
                .collect(),
            rows,
            findings,
            summary: summary(findings),
        }
    }
}

//! Outputs of a [`Comparison`]: one [`Format`] enum, one module per format — the review report
//! for a person (`report`), JSON (`json`), the aligned table as CSV or TSV (`table`).
//! Every format reads the documents and the alignment; none copies text into its own model.

pub(crate) mod json;
pub(crate) mod report;
pub(crate) mod table;

use std::io::{self, Write};
use std::str::FromStr;

use crate::align::Alignment;
use crate::model::Language;
use crate::pipeline::Comparison;

/// What a comparison can be written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The review report: a summary, then each finding with its row side by side.
    Report,
    /// The documents, rows and findings as one JSON document.
    Json,
    /// The aligned table, comma-separated (RFC 4180).
    Csv,
    /// The aligned table, tab-separated.
    Tsv,
}

impl Format {
    /// Every format, by its name.
    pub const ALL: [(&'static str, Format); 4] = [
        ("report", Format::Report),
        ("json", Format::Json),
        ("csv", Format::Csv),
        ("tsv", Format::Tsv),
    ];
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(s))
            .map(|&(_, f)| f)
            .ok_or_else(|| format!("unknown format `{s}` (expected report, json, csv or tsv)"))
    }
}

/// Choices that only some formats read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Start a CSV/TSV table with a byte-order mark, so that Excel reads it as UTF-8.
    pub bom: bool,
}

/// Write a comparison in a format.
pub fn write<W: Write>(
    comparison: &Comparison,
    format: Format,
    options: &ExportOptions,
    out: &mut W,
) -> io::Result<()> {
    let Comparison {
        documents,
        alignment,
        findings,
        sentences,
    } = comparison;
    match format {
        Format::Report => report::write_report(out, documents, alignment, findings),
        Format::Json => {
            let view = json::AlignedDocument::new(documents, alignment, findings, sentences);
            serde_json::to_writer_pretty(&mut *out, &view)?;
            writeln!(out)
        }
        Format::Csv | Format::Tsv => {
            let delimiter = if format == Format::Tsv {
                table::Delimiter::Tab
            } else {
                table::Delimiter::Comma
            };
            table::write_table(
                &mut *out,
                documents,
                alignment,
                findings,
                sentences,
                delimiter,
                options.bom,
            )
            .map_err(csv_to_io)
        }
    }
}

/// A csv error as the I/O error it is (the table writer only fails writing).
pub(crate) fn csv_to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(source) => source,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Versions in column order: the pivot first, then the others in the UN's order of languages.
pub(crate) fn column_order(alignment: &Alignment) -> Vec<usize> {
    let mut order: Vec<usize> = (0..alignment.languages.len()).collect();
    order.sort_by_key(|&v| {
        let rank = Language::ALL
            .iter()
            .position(|l| *l == alignment.languages[v])
            .unwrap_or(6);
        (v != alignment.pivot, rank)
    });
    order
}

/// A confidence rounded to three decimals, as written in every output.
pub(crate) fn rounded(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}

//! Outputs of a [`Comparison`]: one [`Format`] enum, one module per format — the review report
//! for a person (`report`), JSON (`json`), the aligned table as CSV or TSV (`table`), the
//! side-by-side review page (`html`; `marks` finds where in a cell a finding is), a TMX
//! translation memory (`tmx`) or an Excel workbook (`xlsx`); the tabular formats share their
//! rows (`rows`). Every format reads the documents and the alignment; none copies text into its
//! own model.

pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod marks;
pub(crate) mod report;
pub(crate) mod rows;
pub(crate) mod table;
pub(crate) mod tmx;
pub(crate) mod xlsx;

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
    /// The side-by-side review report as one self-contained HTML page.
    Html,
    /// A TMX 1.4b translation memory: one translation unit per aligned row (or sentence row).
    Tmx,
    /// An Excel workbook: the aligned table, rows with findings filled, and a sheet of findings.
    Xlsx,
}

impl Format {
    /// Every format, by its name (`text` is another name of the report).
    pub const ALL: [(&'static str, Format); 8] = [
        ("report", Format::Report),
        ("text", Format::Report),
        ("html", Format::Html),
        ("json", Format::Json),
        ("csv", Format::Csv),
        ("tsv", Format::Tsv),
        ("tmx", Format::Tmx),
        ("xlsx", Format::Xlsx),
    ];

    /// The format's name, as `--format` takes it.
    pub fn name(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("", |(name, _)| name)
    }

    /// The extension of a file in this format (`report.txt` for the report).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Report => "report.txt",
            other => other.name(),
        }
    }

    /// Whether the format is binary (not for a terminal).
    pub fn is_binary(self) -> bool {
        self == Format::Xlsx
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(s))
            .map(|&(_, f)| f)
            .ok_or_else(|| {
                format!(
                    "unknown format `{s}` (expected report, text, html, json, csv, tsv, tmx or xlsx)"
                )
            })
    }
}

/// Choices that only some formats read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Start a CSV/TSV table with a byte-order mark, so that Excel reads it as UTF-8.
    pub bom: bool,
    /// Keep each paragraph's label (`12.`, `(a)`) at the start of its text in CSV, TSV, TMX and
    /// XLSX cells (it is in the `label` column either way).
    pub keep_labels: bool,
    /// The order of the findings in the report.
    pub order: FindingOrder,
    /// Display columns of the report's lines (100 when `None`).
    pub width: Option<usize>,
}

/// The order of the findings in the terminal report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FindingOrder {
    /// In document order of the version under review (the translation when there are two
    /// versions, the pivot otherwise): the headers first, then by line.
    #[default]
    Line,
    /// Grouped by finding code, in the order of [`crate::Code::ALL`].
    Code,
}

impl FindingOrder {
    /// Every order, by its name.
    pub const ALL: [(&'static str, FindingOrder); 2] =
        [("line", FindingOrder::Line), ("code", FindingOrder::Code)];
}

impl FromStr for FindingOrder {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FindingOrder::ALL
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(s))
            .map(|&(_, o)| o)
            .ok_or_else(|| format!("unknown order `{s}` (expected line or code)"))
    }
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
        Format::Report => report::write_report(out, documents, alignment, findings, options),
        Format::Html => html::write_html(out, documents, alignment, findings),
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
                comparison,
                delimiter,
                options.bom,
                options.keep_labels,
            )
            .map_err(csv_to_io)
        }
        Format::Tmx => tmx::write_tmx(&mut *out, comparison, options.keep_labels),
        Format::Xlsx => xlsx::write_xlsx(out, comparison, options.keep_labels),
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

//! The aligned table as CSV or TSV through the csv crate: one row per aligned unit (see
//! [`records`]), columns `row,kind,label,method,score,<lang>…,<lang>_line…,findings`, RFC 4180
//! quoting, optional BOM so that Excel reads UTF-8.

use std::io::Write;

use crate::export::column_order;
use crate::export::rows::{Record, records};
use crate::model::Language;
use crate::pipeline::Comparison;

/// Field separator of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Delimiter {
    /// Comma-separated values.
    Comma,
    /// Tab-separated values.
    Tab,
}

/// Write the table of a comparison; its findings fill the last column (codes joined by `;`).
/// Sentence rows (from `align --level sentence`) follow their paragraph row, with the
/// paragraph's row number, kind `sentence`, their place in the paragraph as label, and the
/// paragraph's lines. Cells leave out the paragraph label unless `keep_labels`.
pub(crate) fn write_table<W: Write>(
    mut out: W,
    comparison: &Comparison,
    delimiter: Delimiter,
    bom: bool,
    keep_labels: bool,
) -> csv::Result<()> {
    let Comparison {
        documents: docs,
        alignment,
        findings,
        sentences,
    } = comparison;
    if bom {
        out.write_all("\u{FEFF}".as_bytes())?;
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(if delimiter == Delimiter::Tab {
            b'\t'
        } else {
            b','
        })
        .from_writer(out);
    let order: Vec<Option<usize>> = column_order(alignment).into_iter().map(Some).collect();
    let mut header: Vec<String> = ["row", "kind", "label", "method", "score"]
        .map(String::from)
        .to_vec();
    let codes: Vec<&str> = order
        .iter()
        .flatten()
        .map(|&v| docs[v].language.code())
        .collect();
    header.extend(codes.iter().map(|c| c.to_string()));
    header.extend(codes.iter().map(|c| format!("{c}_line")));
    header.push("findings".to_string());
    writer.write_record(&header)?;
    let records = records(docs, alignment, findings, sentences, keep_labels);
    write_rows(&mut writer, None, docs, &records, &order)?;
    writer.flush()?;
    Ok(())
}

/// Write the rows of an alignment without header, each led by `symbol`, with a column for each
/// of the six languages in the UN order (empty for the languages the document lacks): the part
/// of a batch's `aligned.csv` that one document contributes (cells without labels).
pub(crate) fn write_archive_rows<W: Write>(
    out: W,
    symbol: &str,
    comparison: &Comparison,
) -> csv::Result<()> {
    let Comparison {
        documents: docs,
        alignment,
        findings,
        sentences,
    } = comparison;
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    let columns: Vec<Option<usize>> = Language::ALL
        .iter()
        .map(|l| docs.iter().position(|d| d.language == *l))
        .collect();
    let records = records(docs, alignment, findings, sentences, false);
    write_rows(&mut writer, Some(symbol), docs, &records, &columns)?;
    writer.flush()?;
    Ok(())
}

/// The records of every row (and sentence row) in the given language columns.
fn write_rows<W: Write>(
    writer: &mut csv::Writer<W>,
    symbol: Option<&str>,
    docs: &[crate::model::Document],
    records: &[Record],
    columns: &[Option<usize>],
) -> csv::Result<()> {
    for record in records {
        let mut fields: Vec<String> = symbol.map(str::to_string).into_iter().collect();
        fields.extend([
            record.row.to_string(),
            record.kind.to_string(),
            record.label.clone().unwrap_or_default(),
            record.method.as_str().to_string(),
            format!("{:.3}", record.score),
        ]);
        fields.extend(
            columns
                .iter()
                .map(|c| c.and_then(|v| record.cells[v].clone()).unwrap_or_default()),
        );
        fields.extend(columns.iter().map(|c| {
            c.and_then(|v| Some(location(&docs[v], record.lines[v]?)))
                .unwrap_or_default()
        }));
        fields.push(record.codes.join(";"));
        writer.write_record(&fields)?;
    }
    Ok(())
}

/// The `<lang>_line` cell: the line number of a text file, the place in a Word file
/// (`paragraph 57`).
fn location(doc: &crate::model::Document, line: usize) -> String {
    doc.place(line)
        .map_or_else(|| line.to_string(), ToString::to_string)
}

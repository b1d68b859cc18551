//! The aligned table as CSV or TSV through the csv crate: one row per aligned unit, columns
//! `row,kind,label,method,score,<lang>…,<lang>_line…,findings`, RFC 4180 quoting, optional BOM
//! so that Excel reads UTF-8.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use crate::align::sentence_rows::SentenceRow;
use crate::align::{Alignment, Method};
use crate::check::Finding;
use crate::export::{column_order, rounded};
use crate::model::{Document, Language};
use crate::pipeline::Comparison;

/// Field separator of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Delimiter {
    /// Comma-separated values.
    Comma,
    /// Tab-separated values.
    Tab,
}

/// Write the table of an alignment; `findings` fill the last column (codes joined by `;`).
/// `sentences` (from `align --level sentence`) follow their paragraph row, with the paragraph's
/// row number, kind `sentence`, their place in the paragraph as label, and the paragraph's lines.
pub(crate) fn write_table<W: Write>(
    mut out: W,
    docs: &[Document],
    alignment: &Alignment,
    findings: &[Finding],
    sentences: &[SentenceRow],
    delimiter: Delimiter,
    bom: bool,
) -> csv::Result<()> {
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
    write_rows(
        &mut writer,
        None,
        docs,
        alignment,
        findings,
        sentences,
        &order,
    )?;
    writer.flush()?;
    Ok(())
}

/// Write the rows of an alignment without header, each led by `symbol`, with a column for each
/// of the six languages in the UN order (empty for the languages the document lacks): the part
/// of a batch's `aligned.csv` that one document contributes.
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
    write_rows(
        &mut writer,
        Some(symbol),
        docs,
        alignment,
        findings,
        sentences,
        &columns,
    )?;
    writer.flush()?;
    Ok(())
}

/// The records of every row (and sentence row) in the given language columns.
fn write_rows<W: Write>(
    writer: &mut csv::Writer<W>,
    symbol: Option<&str>,
    docs: &[Document],
    alignment: &Alignment,
    findings: &[Finding],
    sentences: &[SentenceRow],
    columns: &[Option<usize>],
) -> csv::Result<()> {
    let mut codes: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for f in findings {
        if let Some(r) = f.row {
            codes.entry(r).or_default().insert(f.code.as_str());
        }
    }
    for (r, row) in alignment.rows.iter().enumerate() {
        let mut record: Vec<String> = symbol.map(str::to_string).into_iter().collect();
        record.extend([
            (r + 1).to_string(),
            row.kind.as_str().to_string(),
            row.label.clone().unwrap_or_default(),
            row.method.as_str().to_string(),
            format!("{:.3}", rounded(row.score)),
        ]);
        record.extend(
            columns
                .iter()
                .map(|c| c.and_then(|v| row.text(docs, v)).unwrap_or_default()),
        );
        record.extend(columns.iter().map(|c| {
            c.and_then(|v| Some(location(&docs[v], row.line(docs, v)?)))
                .unwrap_or_default()
        }));
        record.push(
            codes
                .get(&(r + 1))
                .map(|c| c.iter().copied().collect::<Vec<_>>().join(";"))
                .unwrap_or_default(),
        );
        writer.write_record(&record)?;
        for s in sentences.iter().filter(|s| s.paragraph == r) {
            let mut record: Vec<String> = symbol.map(str::to_string).into_iter().collect();
            record.extend([
                (r + 1).to_string(),
                "sentence".to_string(),
                s.number.to_string(),
                Method::Dp.as_str().to_string(),
                format!("{:.3}", rounded(s.score)),
            ]);
            record.extend(
                columns
                    .iter()
                    .map(|c| c.and_then(|v| s.cells[v].clone()).unwrap_or_default()),
            );
            record.extend(columns.iter().map(|c| {
                c.and_then(|v| {
                    s.cells[v].as_ref()?;
                    Some(location(&docs[v], row.line(docs, v)?))
                })
                .unwrap_or_default()
            }));
            record.push(String::new());
            writer.write_record(&record)?;
        }
    }
    Ok(())
}

/// The `<lang>_line` cell: the line number of a text file, the place in a Word file
/// (`paragraph 57`).
fn location(doc: &crate::model::Document, line: usize) -> String {
    doc.place(line)
        .map_or_else(|| line.to_string(), ToString::to_string)
}

//! The aligned table as CSV or TSV through the csv crate: one row per aligned unit, columns
//! `row,kind,label,method,score,<lang>…,<lang>_line…,findings`, RFC 4180 quoting, optional BOM
//! so that Excel reads UTF-8.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use crate::align::sentence_rows::SentenceRow;
use crate::align::{Alignment, Method};
use crate::check::Finding;
use crate::export::{column_order, rounded};
use crate::model::Document;

/// Field separator of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// Comma-separated values.
    Comma,
    /// Tab-separated values.
    Tab,
}

/// Write the table of an alignment; `findings` fill the last column (codes joined by `;`).
/// `sentences` (from `align --level sentence`) follow their paragraph row, with the paragraph's
/// row number, kind `sentence`, their place in the paragraph as label, and the paragraph's lines.
pub fn write_table<W: Write>(
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
    let order = column_order(alignment);
    let mut header: Vec<String> = ["row", "kind", "label", "method", "score"]
        .map(String::from)
        .to_vec();
    header.extend(order.iter().map(|&v| docs[v].language.code().to_string()));
    header.extend(
        order
            .iter()
            .map(|&v| format!("{}_line", docs[v].language.code())),
    );
    header.push("findings".to_string());
    writer.write_record(&header)?;
    let mut codes: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for f in findings {
        if let Some(r) = f.row {
            codes.entry(r).or_default().insert(f.code.as_str());
        }
    }
    for (r, row) in alignment.rows.iter().enumerate() {
        let mut record: Vec<String> = vec![
            (r + 1).to_string(),
            row.kind.as_str().to_string(),
            row.label.clone().unwrap_or_default(),
            row.method.as_str().to_string(),
            format!("{:.3}", rounded(row.score)),
        ];
        record.extend(order.iter().map(|&v| row.text(docs, v).unwrap_or_default()));
        record.extend(
            order
                .iter()
                .map(|&v| row.line(docs, v).map(|l| l.to_string()).unwrap_or_default()),
        );
        record.push(
            codes
                .get(&(r + 1))
                .map(|c| c.iter().copied().collect::<Vec<_>>().join(";"))
                .unwrap_or_default(),
        );
        writer.write_record(&record)?;
        for s in sentences.iter().filter(|s| s.paragraph == r) {
            let mut record: Vec<String> = vec![
                (r + 1).to_string(),
                "sentence".to_string(),
                s.number.to_string(),
                Method::Dp.as_str().to_string(),
                format!("{:.3}", rounded(s.score)),
            ];
            record.extend(
                order
                    .iter()
                    .map(|&v| s.cells[v].clone().unwrap_or_default()),
            );
            record.extend(order.iter().map(|&v| {
                s.cells[v]
                    .as_ref()
                    .and_then(|_| row.line(docs, v))
                    .map(|l| l.to_string())
                    .unwrap_or_default()
            }));
            record.push(String::new());
            writer.write_record(&record)?;
        }
    }
    writer.flush()?;
    Ok(())
}

//! The aligned table as an Excel workbook (rust_xlsxwriter): sheet "Aligned" with the columns
//! of the CSV table, a frozen header row, wrapped text, rows with findings filled by their worst
//! severity and Arabic cells right to left; sheet "Findings" with one row per finding.

use std::io::{self, Write};

use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::check::{Finding, Severity};
use crate::export::column_order;
use crate::export::rows::{Record, records};
use crate::model::Language;
use crate::pipeline::Comparison;

/// Fill of a row with an error-level finding (Excel's light red).
const ERROR_FILL: u32 = 0xFFC7CE;
/// Fill of a row whose worst finding is a warning (Excel's light yellow).
const WARNING_FILL: u32 = 0xFFEB9C;
/// The longest text an Excel cell holds, in characters.
const MAX_CELL_CHARS: usize = 32_767;
/// Width of a text column, in characters.
const TEXT_WIDTH: f64 = 48.0;

/// Write a comparison as an XLSX workbook; `keep_labels` keeps paragraph labels in the cells.
pub(crate) fn write_xlsx<W: Write>(
    out: &mut W,
    comparison: &Comparison,
    keep_labels: bool,
) -> io::Result<()> {
    let bytes = workbook(comparison, keep_labels)
        .and_then(|mut book| book.save_to_buffer())
        .map_err(|e| io::Error::other(format!("writing XLSX: {e}")))?;
    out.write_all(&bytes)
}

/// The cell formats of the table: by the row's worst severity, and left to right or not.
struct Formats {
    /// The header row.
    header: Format,
    /// By severity (none, warning, error), then left to right or right to left.
    cells: [[Format; 2]; 3],
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let filled = |fill: Option<u32>| {
            let f = base.clone();
            match fill {
                Some(rgb) => f.set_background_color(Color::RGB(rgb)),
                None => f,
            }
        };
        let pair = |f: Format| {
            let rtl = f
                .clone()
                .set_reading_direction(2)
                .set_align(FormatAlign::Right);
            [f, rtl]
        };
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xD9D9D9)),
            cells: [
                pair(filled(None)),
                pair(filled(Some(WARNING_FILL))),
                pair(filled(Some(ERROR_FILL))),
            ],
        }
    }

    /// The format of a cell of a row whose worst finding is `severity`.
    fn cell(&self, severity: Option<Severity>, rtl: bool) -> &Format {
        let by_severity = match severity {
            None => &self.cells[0],
            Some(Severity::Warning) => &self.cells[1],
            Some(Severity::Error) => &self.cells[2],
        };
        &by_severity[usize::from(rtl)]
    }
}

/// The workbook of a comparison: sheets "Aligned" and "Findings".
fn workbook(comparison: &Comparison, keep_labels: bool) -> Result<Workbook, XlsxError> {
    let Comparison {
        documents: docs,
        alignment,
        findings,
        sentences,
    } = comparison;
    let formats = Formats::new();
    let mut book = Workbook::new();
    let order = column_order(alignment);
    let languages: Vec<Language> = order.iter().map(|&v| docs[v].language).collect();
    let sheet = book.add_worksheet();
    sheet.set_name("Aligned")?;
    let mut header: Vec<String> = ["row", "kind", "label", "method", "score"]
        .map(String::from)
        .to_vec();
    header.extend(languages.iter().map(|l| l.code().to_string()));
    header.extend(languages.iter().map(|l| format!("{}_line", l.code())));
    header.push("findings".into());
    write_header(sheet, &header, &formats)?;
    for (c, width) in [8.0, 12.0, 8.0, 9.0, 7.0].into_iter().enumerate() {
        sheet.set_column_width(col(c), width)?;
    }
    for k in 0..languages.len() {
        sheet.set_column_width(col(5 + k), TEXT_WIDTH)?;
        sheet.set_column_width(col(5 + languages.len() + k), 8.0)?;
    }
    sheet.set_column_width(col(header.len() - 1), 28.0)?;
    let records = records(docs, alignment, findings, sentences, keep_labels);
    for (i, record) in records.iter().enumerate() {
        write_record(
            sheet,
            row_number(i + 1)?,
            record,
            &order,
            &languages,
            &formats,
        )?;
    }
    sheet.autofilter(0, 0, row_number(records.len())?, col(header.len() - 1))?;
    write_findings(book.add_worksheet(), findings, &formats)?;
    Ok(book)
}

/// One record of the table in sheet row `r`.
fn write_record(
    sheet: &mut Worksheet,
    r: u32,
    record: &Record,
    order: &[usize],
    languages: &[Language],
    formats: &Formats,
) -> Result<(), XlsxError> {
    let plain = formats.cell(record.severity, false);
    sheet.write_number_with_format(r, 0, record.row as f64, plain)?;
    sheet.write_string_with_format(r, 1, record.kind, plain)?;
    sheet.write_string_with_format(r, 2, record.label.as_deref().unwrap_or(""), plain)?;
    sheet.write_string_with_format(r, 3, record.method.as_str(), plain)?;
    sheet.write_number_with_format(r, 4, record.score, plain)?;
    for (k, &v) in order.iter().enumerate() {
        let rtl = languages[k] == Language::Ar;
        let text = record.cells[v].as_deref().unwrap_or("");
        let format = formats.cell(record.severity, rtl);
        sheet.write_string_with_format(r, col(5 + k), fit(text).as_ref(), format)?;
        let line_col = col(5 + languages.len() + k);
        match record.lines[v] {
            Some(line) => sheet.write_number_with_format(r, line_col, line as f64, plain)?,
            None => sheet.write_blank(r, line_col, plain)?,
        };
    }
    sheet.write_string_with_format(
        r,
        col(5 + 2 * languages.len()),
        record.codes.join(";"),
        plain,
    )?;
    Ok(())
}

/// Sheet "Findings": code, severity, versions, row, lines, message, filled by severity.
fn write_findings(
    sheet: &mut Worksheet,
    findings: &[Finding],
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name("Findings")?;
    let header = ["code", "severity", "versions", "row", "lines", "message"].map(String::from);
    write_header(sheet, &header, formats)?;
    for (c, width) in [24.0, 9.0, 12.0, 7.0, 22.0, 90.0].into_iter().enumerate() {
        sheet.set_column_width(col(c), width)?;
    }
    for (i, f) in findings.iter().enumerate() {
        let r = row_number(i + 1)?;
        let format = formats.cell(Some(f.severity), false);
        let versions: Vec<&str> = f.languages.iter().map(|l| l.code()).collect();
        let lines: Vec<String> = f
            .lines
            .iter()
            .map(|(l, n)| format!("{}:{n}", l.code()))
            .collect();
        sheet.write_string_with_format(r, 0, f.code.as_str(), format)?;
        sheet.write_string_with_format(r, 1, severity_name(f.severity), format)?;
        sheet.write_string_with_format(r, 2, versions.join(";"), format)?;
        match f.row {
            Some(row) => sheet.write_number_with_format(r, 3, row as f64, format)?,
            None => sheet.write_blank(r, 3, format)?,
        };
        sheet.write_string_with_format(r, 4, lines.join(" "), format)?;
        sheet.write_string_with_format(r, 5, fit(&f.message).as_ref(), format)?;
    }
    sheet.autofilter(0, 0, row_number(findings.len())?, col(header.len() - 1))?;
    Ok(())
}

/// The bold, frozen header row.
fn write_header(
    sheet: &mut Worksheet,
    names: &[String],
    formats: &Formats,
) -> Result<(), XlsxError> {
    for (c, name) in names.iter().enumerate() {
        sheet.write_string_with_format(0, col(c), name, &formats.header)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Marks a text cut to fit a cell.
const CUT_MARK: &str = " […]";

/// A text cut to what one Excel cell holds (a longer cell is refused by Excel), ending with
/// ` […]` when cut.
fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().count() <= MAX_CELL_CHARS {
        return text.into();
    }
    let keep = MAX_CELL_CHARS - CUT_MARK.chars().count();
    let end = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
    format!("{}{CUT_MARK}", &text[..end]).into()
}

/// A column index (the table has at most a few dozen columns).
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// A sheet row index, refused past Excel's 1,048,576 rows.
fn row_number(r: usize) -> Result<u32, XlsxError> {
    u32::try_from(r)
        .ok()
        .filter(|&r| r < 1_048_576)
        .ok_or(XlsxError::RowColumnLimitError)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_longer_than_a_cell_is_cut_with_a_mark() {
        assert_eq!(fit("short"), "short");
        let long = "é".repeat(MAX_CELL_CHARS + 10);
        let cut = fit(&long);
        assert_eq!(cut.chars().count(), MAX_CELL_CHARS);
        assert!(cut.ends_with(CUT_MARK));
    }
}

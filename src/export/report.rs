//! The review report for a person: findings grouped by code, each with the texts of the versions
//! concerned side by side (trimmed), coloured on a terminal (the writer decides: `anstream`
//! drops colour when output is not a terminal or `NO_COLOR` is set), and a last line with the
//! counts per code.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthChar;

use crate::align::Alignment;
use crate::check::{Code, Finding, Severity, summary};
use crate::export::column_order;
use crate::model::{Document, Language};

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const HEADING: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

/// Display columns given to each text in the side-by-side view.
const COLUMN: usize = 56;

/// Write the report.
pub(crate) fn write_report<W: Write>(
    out: &mut W,
    docs: &[Document],
    alignment: &Alignment,
    findings: &[Finding],
) -> io::Result<()> {
    let order = column_order(alignment);
    let versions: Vec<String> = order
        .iter()
        .map(|&v| {
            let d = &docs[v];
            let role = if v == alignment.pivot { " (pivot)" } else { "" };
            format!("{}{role} {}", d.language, d.file)
        })
        .collect();
    writeln!(
        out,
        "{HEADING}versalign check{HEADING:#}: {} rows",
        alignment.rows.len()
    )?;
    for v in &versions {
        writeln!(out, "  {v}")?;
    }
    for code in Code::ALL {
        let group: Vec<&Finding> = findings.iter().filter(|f| f.code == code).collect();
        if group.is_empty() {
            continue;
        }
        writeln!(out)?;
        writeln!(
            out,
            "{HEADING}{} ({}){HEADING:#}",
            code.as_str(),
            group.len()
        )?;
        for f in group {
            write_finding(out, docs, alignment, f)?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", summary_line(findings))
}

fn write_finding<W: Write>(
    out: &mut W,
    docs: &[Document],
    alignment: &Alignment,
    f: &Finding,
) -> io::Result<()> {
    let (style, word) = match f.severity {
        Severity::Error => (ERROR, "error"),
        Severity::Warning => (WARNING, "warning"),
    };
    let langs: Vec<&str> = f.languages.iter().map(|l| l.code()).collect();
    let row = f.row.map(|r| format!(" row {r}")).unwrap_or_default();
    writeln!(
        out,
        "  {style}{word:<7}{style:#} {:<6}{DIM}{row}{DIM:#}  {}",
        langs.join(","),
        f.message
    )?;
    let Some(r) = f.row.and_then(|r| alignment.rows.get(r - 1)) else {
        return Ok(());
    };
    let version = |lang: Language| docs.iter().position(|d| d.language == lang);
    let deviating = f.languages.first().copied().and_then(version);
    let reference = column_order(alignment).into_iter().find(|&v| {
        Some(v) != deviating && (f.lines.contains_key(&docs[v].language) || r.cells[v].is_some())
    });
    let side = |v: Option<usize>| -> String {
        let Some(v) = v else { return String::new() };
        let lang = docs[v].language;
        match (r.line(docs, v), r.text(docs, v)) {
            (Some(line), Some(text)) => {
                let at = docs[v]
                    .place(line)
                    .map_or_else(|| line.to_string(), ToString::to_string);
                format!("{lang} {at}: {}", trimmed(&text, COLUMN))
            }
            _ => format!("{lang}: —"),
        }
    };
    let left = side(reference);
    let right = side(deviating);
    writeln!(
        out,
        "          {DIM}{}{DIM:#} │ {}",
        padded(&left, COLUMN + 8),
        right
    )
}

/// `text` on one line, cut to `columns` display columns with an ellipsis.
fn trimmed(text: &str, columns: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars().map(|c| if c == '\n' { ' ' } else { c }) {
        let w = c.width().unwrap_or(0);
        if used + w >= columns {
            out.push('…');
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}

/// `text` padded with spaces to `columns` display columns.
fn padded(text: &str, columns: usize) -> String {
    let used: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    format!("{text}{}", " ".repeat(columns.saturating_sub(used)))
}

/// The last line: totals and the count per code.
pub(crate) fn summary_line(findings: &[Finding]) -> String {
    if findings.is_empty() {
        return "no findings".to_string();
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    let counts = summary(findings);
    let per_code: Vec<String> = Code::ALL
        .iter()
        .filter_map(|c| {
            counts
                .get(c.as_str())
                .map(|n| format!("{} {n}", c.as_str()))
        })
        .collect();
    let count = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{} ({}, {}): {}",
        count(findings.len(), "finding"),
        count(errors, "error"),
        count(warnings, "warning"),
        per_code.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_counts_display_columns() {
        assert_eq!(trimmed("经济及社会理事会", 6), "经济…");
        assert_eq!(trimmed("short", 20), "short");
        assert_eq!(padded("大会", 6), "大会  ");
    }
}

//! The review report for a person, on a terminal: the versions, then each finding with an
//! excerpt of the version it quotes and of the deviating one, each excerpt as wide as the line
//! and centred on the differing figure, label or footnote marker (found by `marks`), then a last
//! line with the counts per code. Findings come in document order of the version under review
//! (the translation when there are two versions, the pivot otherwise; [`FindingOrder::Line`]) or
//! grouped by code ([`FindingOrder::Code`]). Colour on a terminal (the writer decides:
//! `anstream` drops colour when output is not a terminal or `NO_COLOR` is set).

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthChar;

use crate::align::Alignment;
use crate::check::{Code, Finding, Severity, summary};
use crate::export::marks::{CellText, Mark, cell_text, marks};
use crate::export::{ExportOptions, FindingOrder, column_order};
use crate::model::Document;

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const HEADING: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const MARKED: Style = Style::new().bold().underline();

/// Display columns of a line when the caller does not say.
pub const DEFAULT_WIDTH: usize = 100;

/// Display columns before an excerpt.
const INDENT: usize = 10;

/// Write the report.
pub(crate) fn write_report<W: Write>(
    out: &mut W,
    docs: &[Document],
    alignment: &Alignment,
    findings: &[Finding],
    options: &ExportOptions,
) -> io::Result<()> {
    let order = column_order(alignment);
    writeln!(
        out,
        "{HEADING}versalign check{HEADING:#}: {} rows",
        alignment.rows.len()
    )?;
    for &v in &order {
        let d = &docs[v];
        let role = if v == alignment.pivot { " (pivot)" } else { "" };
        writeln!(out, "  {}{role} {}", d.language, d.file)?;
    }
    let width = options.width.unwrap_or(DEFAULT_WIDTH).max(40);
    match options.order {
        FindingOrder::Code => {
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
                    write_finding(out, docs, alignment, f, false, width)?;
                }
            }
        }
        FindingOrder::Line => {
            if !findings.is_empty() {
                let review = under_review(docs, alignment);
                writeln!(out)?;
                writeln!(
                    out,
                    "{HEADING}in the order of {} {}{HEADING:#}",
                    docs[review].language, docs[review].file
                )?;
                for f in in_line_order(docs, alignment, findings) {
                    write_finding(out, docs, alignment, f, true, width)?;
                }
            }
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", summary_line(findings))
}

/// The version whose lines order the report: the translation when there are two versions,
/// else the pivot.
fn under_review(docs: &[Document], alignment: &Alignment) -> usize {
    if docs.len() == 2 {
        1 - alignment.pivot.min(1)
    } else {
        alignment.pivot
    }
}

/// The findings in document order of the version under review: by its line in the finding,
/// else by the line of its unit in the finding's row (a row it lacks takes the line of the
/// row before); findings about the headers first.
fn in_line_order<'a>(
    docs: &[Document],
    alignment: &Alignment,
    findings: &'a [Finding],
) -> Vec<&'a Finding> {
    let review = under_review(docs, alignment);
    let lang = docs[review].language;
    let mut row_line = Vec::with_capacity(alignment.rows.len());
    let mut last = 0;
    for row in &alignment.rows {
        if let Some(line) = row.line(docs, review) {
            last = line;
        }
        row_line.push(last);
    }
    let position = |f: &Finding| -> (usize, usize, usize) {
        let row = f.row.unwrap_or(0);
        let line = f
            .lines
            .get(&lang)
            .copied()
            .or_else(|| f.row.and_then(|r| row_line.get(r - 1).copied()));
        let code = Code::ALL.iter().position(|c| *c == f.code).unwrap_or(0);
        (
            if f.row.is_none() {
                0
            } else {
                line.unwrap_or(0)
            },
            row,
            code,
        )
    };
    let mut sorted: Vec<&Finding> = findings.iter().collect();
    sorted.sort_by_key(|f| position(f));
    sorted
}

fn write_finding<W: Write>(
    out: &mut W,
    docs: &[Document],
    alignment: &Alignment,
    f: &Finding,
    with_code: bool,
    width: usize,
) -> io::Result<()> {
    let (style, word) = match f.severity {
        Severity::Error => (ERROR, "error"),
        Severity::Warning => (WARNING, "warning"),
    };
    let langs: Vec<&str> = f.languages.iter().map(|l| l.code()).collect();
    let row = f.row.map(|r| format!(" row {r}")).unwrap_or_default();
    let code = if with_code {
        format!("{}: ", f.code.as_str())
    } else {
        String::new()
    };
    writeln!(
        out,
        "  {style}{word:<7}{style:#} {:<6}{DIM}{row}{DIM:#}  {code}{}",
        langs.join(","),
        f.message
    )?;
    let Some(r) = f.row.and_then(|r| alignment.rows.get(r - 1)) else {
        return Ok(());
    };
    let version = |lang| docs.iter().position(|d| d.language == lang);
    let deviating = f.languages.first().copied().and_then(version);
    let reference = column_order(alignment).into_iter().find(|&v| {
        Some(v) != deviating && (f.lines.contains_key(&docs[v].language) || r.cells[v].is_some())
    });
    let found = marks(docs, alignment, f);
    let cells: Vec<(usize, Option<CellText>)> = [reference, deviating]
        .into_iter()
        .flatten()
        .map(|v| (v, cell_text(docs, alignment, r, v)))
        .collect();
    // Where each excerpt is centred: its own mark, else the place its text has in proportion
    // to the other's mark (the same place in a translation).
    let relative: Option<f64> = cells.iter().find_map(|(v, cell)| {
        let cell = cell.as_ref()?;
        let (_, m) = found.iter().find(|(w, _)| w == v)?;
        Some(m.offset(cell) as f64 / cell.text.len().max(1) as f64)
    });
    for (v, cell) in &cells {
        let lang = docs[*v].language;
        let Some(cell) = cell else {
            writeln!(out, "{:INDENT$}{DIM}{lang}: —{DIM:#}", "")?;
            continue;
        };
        let span = found
            .iter()
            .find(|(w, _)| w == v)
            .map(|(_, m)| match m {
                Mark::Span(s) => s.clone(),
                Mark::Marker(_) => {
                    let at = m.offset(cell);
                    at..at
                }
            })
            .filter(|s| cell.text.is_char_boundary(s.start) && cell.text.is_char_boundary(s.end));
        let centre = span.as_ref().map(|s| s.start).unwrap_or_else(|| {
            relative.map_or(0, |p| {
                floor_boundary(&cell.text, (p * cell.text.len() as f64) as usize)
            })
        });
        let line = r.line(docs, *v).unwrap_or(0);
        let at = docs[*v]
            .place(line)
            .map_or_else(|| line.to_string(), ToString::to_string);
        let label = format!("{lang} {at}: ");
        let columns = width.saturating_sub(INDENT + label.len()).max(20);
        let piece = excerpt(&cell.text, centre, span.unwrap_or(centre..centre), columns);
        writeln!(
            out,
            "{:INDENT$}{DIM}{label}{DIM:#}{}{MARKED}{}{MARKED:#}{}",
            "", piece.before, piece.marked, piece.after
        )?;
    }
    Ok(())
}

/// The largest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One line cut from a text: before the marked place, the place, after it (ellipses included).
#[derive(Debug, PartialEq, Eq)]
struct Excerpt {
    before: String,
    marked: String,
    after: String,
}

/// The part of `text` (on one line) that fits in `columns` display columns with `centre` in the
/// middle (or as near as the ends of the text allow), `marked` set apart; an ellipsis where
/// text was cut.
fn excerpt(text: &str, centre: usize, marked: std::ops::Range<usize>, columns: usize) -> Excerpt {
    let flat = |s: &str| s.replace('\n', " ");
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let cw = |i: usize| chars[i].1.width().unwrap_or(1);
    let total: usize = (0..chars.len()).map(cw).sum();
    let (mut lo, mut hi) = (0, chars.len());
    if total > columns {
        let budget = columns.saturating_sub(2);
        let centre = floor_boundary(text, centre);
        let at = chars.partition_point(|(b, _)| *b < centre);
        (lo, hi) = (at, at);
        let mut used = 0;
        while lo > 0 && used + cw(lo - 1) <= budget / 2 {
            lo -= 1;
            used += cw(lo);
        }
        while hi < chars.len() && used + cw(hi) <= budget {
            used += cw(hi);
            hi += 1;
        }
        while lo > 0 && used + cw(lo - 1) <= budget {
            lo -= 1;
            used += cw(lo);
        }
    }
    let start = chars.get(lo).map_or(text.len(), |c| c.0);
    let end = chars.get(hi).map_or(text.len(), |c| c.0);
    let m_start = marked.start.clamp(start, end);
    let m_end = marked.end.clamp(m_start, end);
    let mut before = flat(&text[start..m_start]);
    if start > 0 {
        before.insert(0, '…');
    }
    let mut after = flat(&text[m_end..end]);
    if end < text.len() {
        after.push('…');
    }
    Excerpt {
        before,
        marked: flat(&text[m_start..m_end]),
        after,
    }
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

    fn shown(e: &Excerpt) -> String {
        format!("{}[{}]{}", e.before, e.marked, e.after)
    }

    #[test]
    fn excerpts_are_centred_on_the_mark_and_fit_the_width() {
        let text = format!("{} 60 {}", "a".repeat(100), "b".repeat(100));
        let e = excerpt(&text, 101, 101..103, 22);
        assert_eq!(
            shown(&e),
            format!("…{} [60] {}…", "a".repeat(9), "b".repeat(7))
        );
        let short = excerpt("x 60 y", 2, 2..4, 40);
        assert_eq!(shown(&short), "x [60] y");
        let start = excerpt(&text, 0, 0..0, 12);
        assert_eq!(shown(&start), format!("[]{}…", "a".repeat(10)));
        let end = excerpt(&text, text.len(), text.len()..text.len(), 12);
        assert_eq!(shown(&end), format!("…{}[]", "b".repeat(10)));
    }

    #[test]
    fn excerpts_count_display_columns() {
        let e = excerpt("经济及社会理事会六十天", 18, 18..24, 10);
        let columns: usize = shown(&e)
            .chars()
            .filter(|c| !"[]".contains(*c))
            .map(|c| c.width().unwrap_or(0))
            .sum();
        assert!(columns <= 10, "{}", shown(&e));
        assert_eq!(e.marked, "事会", "{e:?}");
    }
}

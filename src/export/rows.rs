//! The rows every tabular format writes (CSV, TSV, TMX, XLSX): one record per aligned row and,
//! at sentence level, one per sentence row of a paragraph that has more than one sentence; each
//! cell's text without the paragraph label (the label has its own column) unless asked to keep it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::align::sentence_rows::SentenceRow;
use crate::align::{Alignment, Method, Row};
use crate::check::{Finding, Severity};
use crate::export::rounded;
use crate::model::Document;

/// One record of a table: an aligned row or a sentence row inside it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Record {
    /// The aligned row, 1-based (a sentence row carries its paragraph's).
    pub row: usize,
    /// For a sentence row, its place in the paragraph row, from 1.
    pub sentence: Option<usize>,
    /// `paragraph`, `preamble`, … `footnote`, or `sentence`.
    pub kind: &'static str,
    /// The row's label (for a sentence row, its place in the paragraph).
    pub label: Option<String>,
    /// How the row was aligned.
    pub method: Method,
    /// Confidence in [0, 1], rounded to three decimals.
    pub score: f64,
    /// The text of each version (document order), `None` where it has none.
    pub cells: Vec<Option<String>>,
    /// The first input line of each version's cell.
    pub lines: Vec<Option<usize>>,
    /// Codes of the row's findings, sorted (empty for sentence rows).
    pub codes: Vec<&'static str>,
    /// The worst severity among the row's findings.
    pub severity: Option<Severity>,
    /// Whether sentence records follow this paragraph record.
    pub split: bool,
    /// For a footnote row, the pivot's marker (else the first version's that has the note).
    pub marker: Option<String>,
}

/// The records of an alignment, in row order, each paragraph record followed by its sentence
/// records. A paragraph aligned as one sentence row gets no sentence record: it would repeat
/// the paragraph. `keep_labels` keeps each paragraph's label at the start of its text.
pub(crate) fn records(
    docs: &[Document],
    alignment: &Alignment,
    findings: &[Finding],
    sentences: &[SentenceRow],
    keep_labels: bool,
) -> Vec<Record> {
    let mut codes: BTreeMap<usize, BTreeSet<&'static str>> = BTreeMap::new();
    let mut worst: BTreeMap<usize, Severity> = BTreeMap::new();
    for f in findings {
        if let Some(r) = f.row {
            codes.entry(r).or_default().insert(f.code.as_str());
            let severity = worst.entry(r).or_insert(f.severity);
            if f.severity == Severity::Error {
                *severity = Severity::Error;
            }
        }
    }
    let mut by_paragraph: BTreeMap<usize, Vec<&SentenceRow>> = BTreeMap::new();
    for s in sentences {
        by_paragraph.entry(s.paragraph).or_default().push(s);
    }
    let mut out = Vec::with_capacity(alignment.rows.len() + sentences.len());
    for (r, row) in alignment.rows.iter().enumerate() {
        let inside = by_paragraph
            .get(&r)
            .filter(|s| s.len() > 1)
            .map_or(&[][..], Vec::as_slice);
        let versions = 0..docs.len();
        out.push(Record {
            row: r + 1,
            sentence: None,
            kind: row.kind.as_str(),
            label: row.label.clone(),
            method: row.method,
            score: rounded(row.score),
            cells: versions
                .clone()
                .map(|v| cell_text(docs, row, v, keep_labels))
                .collect(),
            lines: versions.map(|v| row.line(docs, v)).collect(),
            codes: codes
                .get(&(r + 1))
                .map(|c| c.iter().copied().collect())
                .unwrap_or_default(),
            severity: worst.get(&(r + 1)).copied(),
            split: !inside.is_empty(),
            marker: footnote_marker(docs, alignment, row),
        });
        for s in inside {
            out.push(sentence_record(docs, row, r, s, keep_labels));
        }
    }
    out
}

/// The record of sentence row `s` of paragraph row `r`.
fn sentence_record(
    docs: &[Document],
    row: &Row,
    r: usize,
    s: &SentenceRow,
    keep_labels: bool,
) -> Record {
    let cells = s
        .cells
        .iter()
        .enumerate()
        .map(|(v, cell)| {
            let text = cell.as_deref()?;
            let labelled = s.number == 1 && !keep_labels && first_block_labelled(docs, row, v);
            Some(if labelled { without_label(text) } else { text }.to_string())
        })
        .collect();
    Record {
        row: r + 1,
        sentence: Some(s.number),
        kind: "sentence",
        label: Some(s.number.to_string()),
        method: Method::Dp,
        score: rounded(s.score),
        cells,
        lines: (0..docs.len())
            .map(|v| s.cells[v].as_ref().and_then(|_| row.line(docs, v)))
            .collect(),
        codes: Vec::new(),
        severity: None,
        split: false,
        marker: None,
    }
}

/// Text of version `v` in a row (units joined by a line break), each block without its label
/// unless `keep_labels`.
fn cell_text(docs: &[Document], row: &Row, v: usize, keep_labels: bool) -> Option<String> {
    let cell = row.cells[v].as_ref()?;
    let doc = &docs[v];
    let texts: Vec<&str> = cell
        .units
        .iter()
        .map(|&i| {
            if row.is_footnote() {
                doc.footnotes[i].text.as_str()
            } else {
                let block = &doc.blocks[i];
                if keep_labels || block.label.is_none() {
                    block.text.as_str()
                } else {
                    without_label(&block.text)
                }
            }
        })
        .collect();
    Some(texts.join("\n"))
}

/// Whether the first block of version `v` in a row carries a label.
fn first_block_labelled(docs: &[Document], row: &Row, v: usize) -> bool {
    !row.is_footnote()
        && row.cells[v]
            .as_ref()
            .and_then(|c| c.units.first())
            .is_some_and(|&i| docs[v].blocks[i].label.is_some())
}

/// The marker of a footnote row: the pivot's, else the first version's that has the note.
fn footnote_marker(docs: &[Document], alignment: &Alignment, row: &Row) -> Option<String> {
    if !row.is_footnote() {
        return None;
    }
    let pivot_first = std::iter::once(alignment.pivot).chain(0..docs.len());
    pivot_first
        .filter_map(|v| Some((v, row.cells[v].as_ref()?.units.first().copied()?)))
        .map(|(v, i)| docs[v].footnotes[i].marker.clone())
        .next()
}

/// A label that opens a labelled block: `12.`, `(a)`, `b)`, `III.`, `三、`, Arabic `12 -` or
/// `ثالثا -`, with the spaces after it.
static LEADING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[(（][^\s()（）]{1,6}[)）]|[^\s.．)）、(（\-–—]{1,8}(?:[.．)）、]| ?[-–—]))[ \t\u{3000}]*",
    )
    .expect("valid label pattern")
});

/// The text of a labelled block without the label it opens with; the text itself when what
/// opens it is no label or nothing would remain.
pub(crate) fn without_label(text: &str) -> &str {
    match LEADING_LABEL.find(text) {
        Some(m) if m.end() < text.len() => &text[m.end()..],
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_of_every_language_are_taken_off() {
        for (text, rest) in [
            ("12. The Assembly decides", "The Assembly decides"),
            ("(a) To strengthen", "To strengthen"),
            ("（a） 加强", "加强"),
            ("b) Renforcer", "Renforcer"),
            ("III. Recommendations", "Recommendations"),
            ("三、建议", "建议"),
            ("12 - تقرر الجمعية", "تقرر الجمعية"),
            ("ثالثا - التوصيات", "التوصيات"),
            ("12.\tDecides", "Decides"),
        ] {
            assert_eq!(without_label(text), rest, "{text}");
        }
    }

    #[test]
    fn text_without_a_label_form_is_kept() {
        for text in ["Article 1", "第二章 总则", "12.", "Chapter II - Scope"] {
            assert_eq!(without_label(text), text);
        }
    }
}

//! Where a finding shows inside the texts of its row: the figure, date or symbol that differs
//! (from the anchors the aligner found, compared again between the deviating version and the
//! reference one), the paragraph number or letter, or the footnote marker. The HTML report
//! marks these places inside the cells; the terminal report centres its excerpts on them.
//!
//! A cell's text is its units' texts joined by a line break (as [`Row::text`] gives it), with
//! the footnote markers, which the parser takes out of the text, kept beside it by byte offset.

use std::ops::Range;

use crate::align::{Alignment, Row};
use crate::check::{Code, Finding};
use crate::export::column_order;
use crate::model::Document;
use crate::normalize::{Anchor, AnchorKind, compare};

/// The text of one version in one row, with its footnote markers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CellText {
    /// The units' texts joined by a line break.
    pub text: String,
    /// Footnote markers: byte offset in `text` where each stood, and the marker.
    pub markers: Vec<(usize, String)>,
    /// Anchors of the units, their spans moved to byte offsets in `text`.
    pub anchors: Vec<Anchor>,
    /// The label of the first unit (`"12"`, `"a"`), when it has one.
    pub label: Option<String>,
}

/// A place in a cell that a finding is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Mark {
    /// A byte range of the cell's text.
    Span(Range<usize>),
    /// A footnote marker, by index into [`CellText::markers`].
    Marker(usize),
}

impl Mark {
    /// The byte offset the mark starts at in `cell`.
    pub(crate) fn offset(&self, cell: &CellText) -> usize {
        match self {
            Mark::Span(range) => range.start,
            Mark::Marker(i) => cell.markers.get(*i).map_or(0, |m| m.0),
        }
    }
}

/// The text of version `v` in `row`, `None` when the version has nothing there.
pub(crate) fn cell_text(
    docs: &[Document],
    alignment: &Alignment,
    row: &Row,
    v: usize,
) -> Option<CellText> {
    let cell = row.cells[v].as_ref()?;
    let doc = &docs[v];
    let evidence = &alignment.evidence[v];
    let mut out = CellText {
        text: String::new(),
        markers: Vec::new(),
        anchors: Vec::new(),
        label: None,
    };
    for (k, &u) in cell.units.iter().enumerate() {
        if k > 0 {
            out.text.push('\n');
        }
        let start = out.text.len();
        let (text, unit_anchors) = if row.is_footnote() {
            (doc.footnotes[u].text.as_str(), &evidence.footnotes[u])
        } else {
            let block = &doc.blocks[u];
            if k == 0 {
                out.label.clone_from(&block.label);
            }
            for r in &block.footnote_refs {
                let byte = block
                    .text
                    .char_indices()
                    .nth(r.offset)
                    .map_or(block.text.len(), |(b, _)| b);
                out.markers.push((start + byte, r.marker.clone()));
            }
            (block.text.as_str(), &evidence.blocks[u])
        };
        out.text.push_str(text);
        out.anchors.extend(unit_anchors.iter().map(|a| Anchor {
            start: a.start + start,
            end: a.end + start,
            ..a.clone()
        }));
    }
    Some(out)
}

/// The places in each version's cell of the finding's row that the finding is about, as
/// (version, mark) pairs; empty for a finding without a row or about whole units.
pub(crate) fn marks(
    docs: &[Document],
    alignment: &Alignment,
    finding: &Finding,
) -> Vec<(usize, Mark)> {
    let Some(row) = finding.row.and_then(|r| alignment.rows.get(r - 1)) else {
        return Vec::new();
    };
    let deviating: Vec<usize> = finding
        .languages
        .iter()
        .filter_map(|l| docs.iter().position(|d| d.language == *l))
        .filter(|&v| row.cells[v].is_some())
        .collect();
    let reference = column_order(alignment)
        .into_iter()
        .find(|v| !deviating.contains(v) && row.cells[*v].is_some());
    let cells: Vec<Option<CellText>> = (0..docs.len())
        .map(|v| {
            (deviating.contains(&v) || Some(v) == reference)
                .then(|| cell_text(docs, alignment, row, v))
                .flatten()
        })
        .collect();
    let mut out = Vec::new();
    for &d in &deviating {
        let Some(dev) = &cells[d] else { continue };
        let reference = reference.and_then(|r| cells[r].as_ref().map(|c| (r, c)));
        match finding.code {
            Code::NumberMismatch => {
                anchor_marks(d, dev, reference, Some(AnchorKind::Number), &mut out)
            }
            Code::DateMismatch => anchor_marks(d, dev, reference, Some(AnchorKind::Date), &mut out),
            Code::SymbolMismatch => {
                anchor_marks(d, dev, reference, Some(AnchorKind::Symbol), &mut out)
            }
            Code::FootnoteContent => anchor_marks(d, dev, reference, None, &mut out),
            Code::NumberingGap | Code::NumberingDuplicate | Code::NumberingOrder => {
                out.extend(label_span(dev).map(|s| (d, Mark::Span(s))));
            }
            Code::NumberingMismatch => {
                out.extend(label_span(dev).map(|s| (d, Mark::Span(s))));
                if let Some((r, cell)) = reference {
                    out.extend(label_span(cell).map(|s| (r, Mark::Span(s))));
                }
            }
            Code::FootnoteRefMissing | Code::FootnoteRefMoved | Code::FootnoteRefExtra => {
                if let Some((r, cell)) = reference {
                    marker_marks(d, dev, r, cell, &mut out);
                }
            }
            Code::FootnoteOrphan => {
                for (i, (_, m)) in dev.markers.iter().enumerate() {
                    if !docs[d].footnotes.iter().any(|f| &f.marker == m) {
                        out.push((d, Mark::Marker(i)));
                    }
                }
            }
            _ => {}
        }
    }
    out.dedup();
    out
}

/// The anchors (of `kind`, or any) present in one of the deviating and reference cells only.
fn anchor_marks(
    d: usize,
    dev: &CellText,
    reference: Option<(usize, &CellText)>,
    kind: Option<AnchorKind>,
    out: &mut Vec<(usize, Mark)>,
) {
    let Some((r, cell)) = reference else { return };
    for diff in compare(&cell.anchors, &dev.anchors) {
        if kind.is_none_or(|k| k == diff.kind) {
            let v = if diff.in_first { r } else { d };
            let mark = (v, Mark::Span(diff.start..diff.end));
            if !out.contains(&mark) {
                out.push(mark);
            }
        }
    }
}

/// The footnote markers one of two cells carries more often than the other.
fn marker_marks(
    d: usize,
    dev: &CellText,
    r: usize,
    reference: &CellText,
    out: &mut Vec<(usize, Mark)>,
) {
    let surplus = |a: &CellText, b: &CellText| -> Vec<usize> {
        let mut left: Vec<&str> = b.markers.iter().map(|(_, m)| m.as_str()).collect();
        a.markers
            .iter()
            .enumerate()
            .filter_map(|(i, (_, m))| match left.iter().position(|x| x == m) {
                Some(p) => {
                    left.remove(p);
                    None
                }
                None => Some(i),
            })
            .collect()
    };
    out.extend(
        surplus(dev, reference)
            .into_iter()
            .map(|i| (d, Mark::Marker(i))),
    );
    out.extend(
        surplus(reference, dev)
            .into_iter()
            .map(|i| (r, Mark::Marker(i))),
    );
}

/// Where the cell's label (`12`, `d`) is written at the start of its text.
fn label_span(cell: &CellText) -> Option<Range<usize>> {
    let label = cell.label.as_deref().filter(|l| !l.is_empty())?;
    let head_end = cell
        .text
        .char_indices()
        .nth(12)
        .map_or(cell.text.len(), |(b, _)| b);
    let head = &cell.text[..head_end];
    let at = head.find(label).or_else(|| {
        head.to_lowercase()
            .find(&label.to_lowercase())
            .filter(|_| head.is_ascii())
    })?;
    Some(at..at + label.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Comparison, Options, Source};

    fn comparison(en: &str, fr: &str) -> Comparison {
        Comparison::run(
            vec![Source::text("en.txt", en), Source::text("fr.txt", fr)],
            &Options::default(),
        )
        .unwrap()
    }

    fn marked(c: &Comparison, code: Code) -> Vec<(usize, String)> {
        let f = c.findings.iter().find(|f| f.code == code).expect("finding");
        let row = &c.alignment.rows[f.row.unwrap() - 1];
        marks(&c.documents, &c.alignment, f)
            .into_iter()
            .map(|(v, m)| {
                let cell = cell_text(&c.documents, &c.alignment, row, v).unwrap();
                let shown = match m {
                    Mark::Span(s) => cell.text[s].to_string(),
                    Mark::Marker(i) => format!("^{}", cell.markers[i].1),
                };
                (v, shown)
            })
            .collect()
    }

    #[test]
    fn the_differing_figure_is_marked_on_both_sides() {
        let c = comparison(
            "1. The Assembly adopted 12 resolutions on 3 May 2011.\n",
            "1. L'Assemblée a adopté 13 résolutions le 3 mai 2011.\n",
        );
        assert_eq!(
            marked(&c, Code::NumberMismatch),
            vec![(0, "12".to_string()), (1, "13".to_string())]
        );
    }

    #[test]
    fn the_differing_label_is_marked() {
        let c = comparison(
            "1. The Assembly met.\n\n2. It adopted resolutions.\n",
            "1. L'Assemblée s'est réunie.\n\n3. Elle a adopté des résolutions.\n",
        );
        // One cause, one finding: the skipped 2 is a numbering gap in fr (the mismatch of its
        // labels is folded into it), and the gap's labels are what is marked.
        let code = c
            .findings
            .iter()
            .map(|f| f.code)
            .find(|code| matches!(code, Code::NumberingMismatch | Code::NumberingGap))
            .expect("a numbering finding");
        let labels = marked(&c, code);
        assert!(labels.contains(&(1, "3".to_string())), "{labels:?}");
        if code == Code::NumberingMismatch {
            assert!(labels.contains(&(0, "2".to_string())), "{labels:?}");
        }
    }
}

//! Content of aligned units: the numbers, dates and symbols they hold, and the language they are
//! written in.

use std::collections::HashMap;

use super::{Code, Context, Finding, Severity, describe};
use crate::align::Row;
use crate::language::written_in_other;
use crate::normalize::{Anchor, AnchorDiff, AnchorKind, compare};

/// The anchors of each version's text in a row.
fn row_anchors(cx: &Context, row: &Row) -> Vec<Option<Vec<Anchor>>> {
    cx.versions()
        .map(|v| {
            row.cells[v].as_ref().map(|_| {
                row.anchors(&cx.alignment.evidence, v)
                    .into_iter()
                    .cloned()
                    .collect()
            })
        })
        .collect()
}

/// The anchors of the versions of one row, compared two by two.
struct RowDiffs {
    /// The versions that have a unit in the row.
    candidates: Vec<usize>,
    /// The differences between the anchors of each pair `(a, b)` with `a < b`, as seen from `a`.
    diffs: HashMap<(usize, usize), Vec<AnchorDiff>>,
}

impl RowDiffs {
    /// Compare the anchors of `row`; `None` when fewer than two versions have it.
    fn of(cx: &Context, row: &Row) -> Option<RowDiffs> {
        let found = row_anchors(cx, row);
        let candidates: Vec<usize> = cx.versions().filter(|&v| found[v].is_some()).collect();
        if candidates.len() < 2 {
            return None;
        }
        let diffs = candidates
            .iter()
            .flat_map(|&a| {
                candidates
                    .iter()
                    .filter(move |&&b| b > a)
                    .map(move |&b| (a, b))
            })
            .map(|(a, b)| {
                (
                    (a, b),
                    compare(
                        found[a].as_deref().unwrap_or(&[]),
                        found[b].as_deref().unwrap_or(&[]),
                    ),
                )
            })
            .collect();
        Some(RowDiffs { candidates, diffs })
    }

    /// The differences between the anchors of versions `a` and `b`, as seen from `a`.
    fn diff(&self, a: usize, b: usize) -> Vec<AnchorDiff> {
        if a < b {
            self.diffs[&(a, b)].clone()
        } else {
            self.diffs[&(b, a)]
                .iter()
                .map(|d| AnchorDiff {
                    in_first: !d.in_first,
                    ..d.clone()
                })
                .collect()
        }
    }
}

/// Numbers, dates and symbols that differ between aligned units (and between aligned footnotes).
pub(super) fn anchor_mismatches(cx: &Context, out: &mut Vec<Finding>) {
    for (r, row) in cx.alignment.rows.iter().enumerate() {
        let Some(diffs) = RowDiffs::of(cx, row) else {
            continue;
        };
        let kinds: &[(AnchorKind, Code)] = if row.is_footnote() {
            &[
                (AnchorKind::Number, Code::FootnoteContent),
                (AnchorKind::Date, Code::FootnoteContent),
                (AnchorKind::Symbol, Code::FootnoteContent),
            ]
        } else {
            &[
                (AnchorKind::Number, Code::NumberMismatch),
                (AnchorKind::Date, Code::DateMismatch),
                (AnchorKind::Symbol, Code::SymbolMismatch),
            ]
        };
        for &kind_code in kinds {
            kind_mismatches(cx, (r, row), &diffs, kind_code, out);
        }
    }
}

/// The versions whose anchors of one kind in row `r` deviate from the others', reported with
/// `code`.
fn kind_mismatches(
    cx: &Context,
    (r, row): (usize, &Row),
    diffs: &RowDiffs,
    (kind, code): (AnchorKind, Code),
    out: &mut Vec<Finding>,
) {
    let candidates = &diffs.candidates;
    let disagree = |a: usize, b: usize| diffs.diff(a, b).iter().any(|d| d.kind == kind);
    let deviating = cx.deviants(candidates, disagree);
    let Some(reference) = cx.reference(candidates, &deviating) else {
        return;
    };
    for &v in &deviating {
        // Against the reference, or, where its own figure is soft (never reported), the
        // first agreeing version whose figure is firm; then the first that differs at all.
        let agreeing_first = || {
            std::iter::once(reference)
                .chain(candidates.iter().copied())
                .filter(|w| *w != v && !deviating.contains(w))
        };
        let differs = |w: usize, firm_there: bool| {
            diffs
                .diff(v, w)
                .iter()
                .any(|d| d.kind == kind && (!firm_there || !d.in_first))
        };
        let Some(reference) = agreeing_first()
            .find(|&w| differs(w, true))
            .or_else(|| agreeing_first().find(|&w| differs(w, false)))
        else {
            // It differs only from other deviating versions (`ar has none where … have
            // none`): the difference is theirs.
            continue;
        };
        let d: Vec<AnchorDiff> = diffs
            .diff(v, reference)
            .into_iter()
            .filter(|d| d.kind == kind)
            .collect();
        let only_v: Vec<&str> = d
            .iter()
            .filter(|d| d.in_first)
            .map(|d| d.value.as_str())
            .collect();
        let only_ref: Vec<&str> = d
            .iter()
            .filter(|d| !d.in_first)
            .map(|d| d.value.as_str())
            .collect();
        let agreeing: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|w| *w != v && !deviating.contains(w))
            .collect();
        let noun = match kind {
            AnchorKind::Number => "number",
            AnchorKind::Date => "date",
            AnchorKind::Symbol => "symbol",
        };
        let list = |xs: &[&str]| {
            if xs.is_empty() {
                "none".to_string()
            } else {
                xs.join(", ")
            }
        };
        let lines: Vec<(usize, usize)> = [v, reference]
            .iter()
            .filter_map(|&w| Some((w, row.line(cx.docs, w)?)))
            .collect();
        let what = if row.is_footnote() {
            format!("{} {noun}s", describe(row))
        } else {
            format!("{noun}s")
        };
        out.push(cx.finding(
            code,
            Severity::Error,
            &[v],
            Some(r),
            &lines,
            format!(
                "{what}: {} has {} where {} {} {}",
                cx.lang(v),
                list(&only_v),
                cx.names(&agreeing),
                if agreeing.len() == 1 { "has" } else { "have" },
                list(&only_ref)
            ),
        ));
    }
}

/// Shortest text (in letters) whose language is judged.
const MIN_LETTERS_FOR_LANGUAGE: usize = 25;

/// Units whose text is in another language than their version's.
pub(super) fn untranslated(cx: &Context, out: &mut Vec<Finding>) {
    for (r, row) in cx.body_rows() {
        for v in cx.versions() {
            let Some(text) = row.text(cx.docs, v) else {
                continue;
            };
            // Enough letters to judge (Han characters count more)? Stop counting once there are.
            let mut weight = 0;
            let enough = text.chars().any(|c| {
                weight += if crate::script::is_han(c) {
                    3
                } else {
                    usize::from(c.is_alphabetic())
                };
                weight >= MIN_LETTERS_FOR_LANGUAGE
            });
            if !enough {
                continue;
            }
            let Some(found) = written_in_other(&text, cx.lang(v)) else {
                continue;
            };
            if found.language != cx.lang(v) && found.confidence >= 0.5 {
                let lines: Vec<(usize, usize)> =
                    row.line(cx.docs, v).map(|l| (v, l)).into_iter().collect();
                out.push(cx.finding(
                    Code::Untranslated,
                    Severity::Error,
                    &[v],
                    Some(r),
                    &lines,
                    format!(
                        "{} in {} is written in {} (confidence {:.2})",
                        describe(row),
                        cx.lang(v),
                        found.language,
                        found.confidence
                    ),
                ));
            }
        }
    }
}

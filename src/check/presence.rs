//! Units and footnotes present in some versions and absent from others.

use super::{Code, Context, Finding, Severity, describe};
use crate::align::{MOVE_REACH, Method, Row, RowKind};
use crate::model::BlockKind;
use crate::normalize::{Anchor, compare as compare_anchors};

/// The other place of a paragraph version `v` moved, seen from row `r`: where `r` is the row
/// `v` lacks it in (`added_at_r` false), the nearest row where `v` alone adds it, as `v` and its
/// line there; where `r` is the row `v` added it at, the nearest row where the pivot has it and
/// `v` lacks it, as the pivot and its line there. The two are one paragraph when the aligner
/// took them for a move (both rows [`Method::Moved`]) or when their figures match as the number check matches them.
fn moved_counterpart(cx: &Context, r: usize, v: usize, added_at_r: bool) -> Option<(usize, usize)> {
    let rows = &cx.alignment.rows;
    let pivot = cx.pivot();
    let holder = if added_at_r { pivot } else { v };
    let shape = |row: &Row| {
        let present = cx.present(row);
        if added_at_r {
            present.contains(&pivot) && !present.contains(&v)
        } else {
            present == [v]
        }
    };
    let figures = |row: &Row, w: usize| -> Vec<Anchor> {
        row.anchors(&cx.alignment.evidence, w)
            .into_iter()
            .cloned()
            .collect()
    };
    let here = figures(&rows[r], if added_at_r { v } else { pivot });
    let firm = here.iter().any(|a| !a.soft);
    let same = |k: usize| {
        let (a, b) = (&rows[r], &rows[k]);
        (a.method == Method::Moved && b.method == Method::Moved)
            || (firm && compare_anchors(&here, &figures(b, holder)).is_empty())
    };
    let from = r.saturating_sub(MOVE_REACH);
    let to = (r + MOVE_REACH).min(rows.len().saturating_sub(1));
    (from..=to)
        .filter(|&k| k != r && shape(&rows[k]) && same(k))
        .min_by_key(|&k| k.abs_diff(r))
        .and_then(|k| Some((holder, rows[k].line(cx.docs, holder)?)))
}

/// Units present in some versions and absent from others.
pub(super) fn presence(cx: &Context, out: &mut Vec<Finding>) {
    for (r, row) in cx.alignment.rows.iter().enumerate() {
        let present = cx.present(row);
        let absent: Vec<usize> = cx.versions().filter(|v| !present.contains(v)).collect();
        if absent.is_empty() || present.is_empty() {
            continue;
        }
        let pivot_present = present.contains(&cx.pivot());
        let missing =
            present.len() > absent.len() || (present.len() == absent.len() && pivot_present);
        let severity = match row.kind {
            RowKind::Block(BlockKind::Text | BlockKind::Title) => Severity::Warning,
            _ => Severity::Error,
        };
        let what = describe(row);
        let reference = cx.reference(&present, &[]).unwrap_or(present[0]);
        if missing {
            let code = if row.is_footnote() {
                Code::FootnoteMissing
            } else {
                Code::ParagraphMissing
            };
            for &v in &absent {
                let mut lines: Vec<(usize, usize)> = row
                    .line(cx.docs, reference)
                    .map(|l| (reference, l))
                    .into_iter()
                    .collect();
                let after = cx.line_before(r, v);
                lines.extend(after.map(|l| (v, l)));
                let place = after.map_or_else(
                    || "at the start".to_string(),
                    |l| format!("after {}", cx.at(v, l)),
                );
                let moved = (!row.is_footnote())
                    .then(|| moved_counterpart(cx, r, v, false))
                    .flatten()
                    .map_or_else(String::new, |(w, l)| {
                        format!("; moved: {} has it at {}", cx.lang(w), cx.at(w, l))
                    });
                out.push(cx.finding(
                    code,
                    severity,
                    &[v],
                    Some(r),
                    &lines,
                    format!(
                        "{what} of {} ({}) has no counterpart in {} (expected {place}){moved}",
                        cx.lang(reference),
                        cx.at(reference, row.line(cx.docs, reference).unwrap_or(0)),
                        cx.lang(v)
                    ),
                ));
            }
        } else {
            let code = if row.is_footnote() {
                Code::FootnoteExtra
            } else {
                Code::ParagraphExtra
            };
            let lines: Vec<(usize, usize)> = present
                .iter()
                .filter_map(|&v| Some((v, row.line(cx.docs, v)?)))
                .collect();
            let moved = match present.as_slice() {
                [v] if !row.is_footnote() => moved_counterpart(cx, r, *v, true),
                _ => None,
            }
            .map_or_else(String::new, |(w, l)| {
                format!("; moved: {} has it at {}", cx.lang(w), cx.at(w, l))
            });
            out.push(cx.finding(
                code,
                severity,
                &present,
                Some(r),
                &lines,
                format!(
                    "{what} in {} has no counterpart in {}{moved}",
                    cx.names(&present),
                    cx.names(&absent)
                ),
            ));
        }
    }
}

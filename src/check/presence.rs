//! Units and footnotes present in some versions and absent from others.

use super::{Code, Context, Finding, Severity, describe};
use crate::align::RowKind;
use crate::model::BlockKind;

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
                out.push(cx.finding(
                    code,
                    severity,
                    &[v],
                    Some(r),
                    &lines,
                    format!(
                        "{what} of {} ({}) has no counterpart in {} (expected {place})",
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
            out.push(cx.finding(
                code,
                severity,
                &present,
                Some(r),
                &lines,
                format!(
                    "{what} in {} has no counterpart in {}",
                    cx.names(&present),
                    cx.names(&absent)
                ),
            ));
        }
    }
}

//! Paragraph numbers, sub-paragraph letters and footnote numbers: in sequence within each
//! version, and the same in aligned units.

use std::collections::{BTreeSet, HashMap};

use super::{Anomalies, Code, Context, Finding, Severity, report_anomalies};
use crate::align::dp::longest_increasing_by;
use crate::model::{Block, BlockKind};

/// A label's place in its sequence: numbers as themselves, letters a = 1, roman numerals by value.
pub(super) fn ordinal(label: &str, roman_context: bool) -> Option<u32> {
    if let Ok(n) = label.parse::<u32>() {
        return Some(n);
    }
    if roman_context && let Some(n) = crate::locale::roman_value(label) {
        return Some(n);
    }
    let mut chars = label.chars();
    let c = chars.next()?;
    if chars.next().is_none() && c.is_ascii_lowercase() {
        return Some(u32::from(c) - u32::from('a') + 1);
    }
    // Doubled letters after z: aa = 27.
    let bytes = label.as_bytes();
    (bytes.len() == 2 && bytes[0] == bytes[1] && bytes[0].is_ascii_lowercase())
        .then(|| u32::from(bytes[0] - b'a') + 27)
}

/// Gaps, duplicates and order errors of paragraph numbers, sub-paragraph letters and footnote
/// numbers within each version. An anomaly most versions share at the same row is only a warning.
pub(super) fn numbering_within(cx: &Context, out: &mut Vec<Finding>) {
    let mut anomalies = Anomalies::new();
    for v in cx.versions() {
        block_numbering(cx, v, &mut anomalies);
    }
    for v in cx.versions() {
        footnote_numbering(cx, v, &mut anomalies);
    }
    report_anomalies(
        cx,
        anomalies,
        |row| row.map_or(cx.docs.len(), |r| numbering_versions(cx, r)),
        out,
    );
}

/// The last number or letter met in each run of one version's labels.
#[derive(Default)]
struct Runs<'a> {
    /// The last paragraph number.
    paragraph: Option<u32>,
    /// For each parent paragraph: the value of the last letter of its list, and whether the
    /// list counts in roman numerals.
    letters: HashMap<Option<&'a str>, (u32, bool)>,
}

impl<'a> Runs<'a> {
    /// Take in block `b` with its `label`: the value before it in its run (none when it opens
    /// one) and its own value; `None` for a block that has no place in a run.
    fn step(&mut self, b: &'a Block, label: &str) -> Option<(Option<u32>, u32)> {
        match b.kind {
            BlockKind::Heading => {
                // A heading starts its own run of numbers, and of list letters (lists under
                // each article of a declaration start at (a) again).
                *self = Runs::default();
                None
            }
            BlockKind::Paragraph => {
                let n = ordinal(label, false)?;
                Some((self.paragraph.replace(n), n))
            }
            BlockKind::Subparagraph => {
                let key = b.parent.as_deref();
                let prev = self.letters.get(&key).copied();
                // Roman numerals: a list opening with (i), or continuing one; (i) after (h) is
                // a letter.
                let roman_chars = label.chars().all(|c| "ivxlc".contains(c));
                let roman = roman_chars
                    && match prev {
                        None => label == "i",
                        Some((p, was_roman)) => {
                            was_roman || (label != "i" && p != 8) && label.len() > 1
                        }
                    };
                let n = ordinal(label, roman)?;
                self.letters.insert(key, (n, roman));
                Some((prev.map(|(p, _)| p), n))
            }
            _ => None,
        }
    }
}

/// What a label of `kind` with `value` after `previous` in its run is: nothing for the next in
/// sequence (or a paragraph 1, which starts a new run), else a duplicate, a gap or out of order.
fn sequence_anomaly(kind: BlockKind, previous: u32, value: u32) -> Option<Code> {
    if value == previous {
        Some(Code::NumberingDuplicate)
    } else if value == previous + 1 || (value == 1 && kind == BlockKind::Paragraph) {
        None
    } else if value > previous {
        Some(Code::NumberingGap)
    } else {
        Some(Code::NumberingOrder)
    }
}

/// Gaps, duplicates and order errors of the paragraph numbers and sub-paragraph letters of
/// version `v`.
fn block_numbering(cx: &Context, v: usize, anomalies: &mut Anomalies) {
    let mut runs = Runs::default();
    for (i, b) in cx.docs[v].blocks.iter().enumerate() {
        let Some(label) = b.label.as_deref() else {
            continue;
        };
        let Some((Some(p), value)) = runs.step(b, label) else {
            continue;
        };
        let Some(code) = sequence_anomaly(b.kind, p, value) else {
            continue;
        };
        let Some(&r) = cx.block_row_of[v].get(&i) else {
            continue;
        };
        let what = if b.kind == BlockKind::Paragraph {
            "paragraph"
        } else {
            "sub-paragraph"
        };
        let detail = match code {
            Code::NumberingDuplicate => format!("{what} {label} repeated"),
            Code::NumberingGap => format!(
                "{what} {label} follows {} (numbering skips)",
                label_of(b.kind, p)
            ),
            _ => format!("{what} {label} comes after {}", label_of(b.kind, p)),
        };
        anomalies
            .entry((code, Some(r), String::new()))
            .or_default()
            .push((
                v,
                Some(r),
                b.line,
                format!("{detail} in {} at {}", cx.lang(v), cx.at(v, b.line)),
            ));
    }
}

/// Gaps, duplicates and order errors of the footnote numbers of version `v`. Footnote bodies:
/// their numbers run through the document in the order the bodies are
/// printed. The longest increasing run is taken as the sequence; a body outside it is out of
/// order (or a repeat, if its number is in the run), and the run skips a number only when no
/// body carries it (nor a body of the pivot: that one is missing, and reported as such).
fn footnote_numbering(cx: &Context, v: usize, anomalies: &mut Anomalies) {
    let numbered: Vec<(usize, u32)> = cx.docs[v]
        .footnotes
        .iter()
        .enumerate()
        .filter_map(|(i, f)| Some((i, f.marker.parse::<u32>().ok()?)))
        .collect();
    let run = longest_increasing_by(&numbered, |n| n.1);
    let in_run: BTreeSet<usize> = run.iter().map(|&k| numbered[k].0).collect();
    let run_values: BTreeSet<u32> = run.iter().map(|&k| numbered[k].1).collect();
    // A number the pivot's notes carry is reported as a missing footnote, not as a gap.
    let present: BTreeSet<u32> = numbered
        .iter()
        .map(|&(_, n)| n)
        .chain(
            cx.docs[cx.pivot()]
                .footnotes
                .iter()
                .filter_map(|f| f.marker.parse::<u32>().ok()),
        )
        .collect();
    let mut report = |i: usize, code: Code, detail: String| {
        if let Some(&r) = cx.note_row_of[v].get(&i) {
            let line = cx.docs[v].footnotes[i].line;
            let detail = format!("{detail} in {} at {}", cx.lang(v), cx.at(v, line));
            anomalies
                .entry((code, Some(r), String::new()))
                .or_default()
                .push((v, Some(r), line, detail));
        }
    };
    for (k, &(i, n)) in numbered.iter().enumerate() {
        if in_run.contains(&i) {
            let previous = run
                .iter()
                .position(|&x| x == k)
                .and_then(|p| p.checked_sub(1))
                .map(|p| numbered[run[p]].1);
            if let Some(p) = previous
                && (p + 1..n).any(|m| !present.contains(&m))
            {
                report(
                    i,
                    Code::NumberingGap,
                    format!("footnote {n} follows {p} (numbering skips)"),
                );
            }
        } else if run_values.contains(&n) {
            report(
                i,
                Code::NumberingDuplicate,
                format!("footnote {n} repeated"),
            );
        } else {
            let before = numbered[..k]
                .iter()
                .rev()
                .find(|&&(j, _)| in_run.contains(&j));
            let detail = match before {
                Some(&(_, p)) => format!("footnote {n} comes after {p}"),
                None => format!("footnote {n} comes before {}", numbered[run[0]].1),
            };
            report(i, Code::NumberingOrder, detail);
        }
    }
}

/// The versions that number their units in row `r`: only they can share an anomaly of the
/// numbers there (one whose copy lost its paragraph numbers neither confirms nor contradicts
/// the others).
fn numbering_versions(cx: &Context, r: usize) -> usize {
    let row = &cx.alignment.rows[r];
    cx.versions()
        .filter(|&v| {
            row.cells[v].iter().flat_map(|c| &c.units).any(|&u| {
                if row.is_footnote() {
                    cx.docs[v].footnotes[u].marker.parse::<u32>().is_ok()
                } else {
                    let b = &cx.docs[v].blocks[u];
                    b.label.is_some()
                        && matches!(b.kind, BlockKind::Paragraph | BlockKind::Subparagraph)
                }
            })
        })
        .count()
}

/// The label of value `n` as a block of `kind` writes it: `12` for a paragraph, `c` for a
/// sub-paragraph.
fn label_of(kind: BlockKind, n: u32) -> String {
    if kind == BlockKind::Paragraph {
        n.to_string()
    } else {
        char::from_u32(u32::from('a') + n - 1).map_or(n.to_string(), |c| c.to_string())
    }
}

/// Aligned single units that carry different numbers or letters.
pub(super) fn numbering_mismatches(cx: &Context, out: &mut Vec<Finding>) {
    // Per version: the open run of mismatches off by the same amount (index of its first
    // finding in `out`, the offset, the kind of unit).
    let mut runs: Vec<Option<(usize, i64, BlockKind)>> = vec![None; cx.docs.len()];
    for (r, row) in cx.body_rows() {
        let labelled: Vec<(usize, BlockKind, &str)> =
            cx.versions()
                .filter_map(|v| {
                    // The cell's first numbered or lettered unit (a unit merged before it, such as
                    // the last item of a list, carries no number).
                    let cell = row.cells[v].as_ref()?;
                    cell.units.iter().find_map(|&u| {
                        let b = &cx.docs[v].blocks[u];
                        matches!(b.kind, BlockKind::Paragraph | BlockKind::Subparagraph)
                            .then_some((v, b.kind, b.label.as_deref()?))
                    })
                })
                .collect();
        let candidates: Vec<usize> = labelled.iter().map(|x| x.0).collect();
        let label = |v: usize| labelled.iter().find(|x| x.0 == v).map(|x| (x.1, x.2));
        let deviating = cx.deviants(&candidates, |a, b| label(a) != label(b));
        let Some(reference) = cx.reference(&candidates, &deviating) else {
            continue;
        };
        let (kind, expected) = label(reference).unwrap_or((BlockKind::Paragraph, "?"));
        for &v in &candidates {
            if !deviating.contains(&v) && runs[v].is_some_and(|(_, _, k)| k == kind) {
                runs[v] = None;
            }
        }
        for &v in &deviating {
            let (_, got) = label(v).unwrap_or((BlockKind::Paragraph, "?"));
            let lines: Vec<(usize, usize)> = [v, reference]
                .iter()
                .filter_map(|&w| Some((w, row.line(cx.docs, w)?)))
                .collect();
            let finding = cx.finding(
                Code::NumberingMismatch,
                Severity::Error,
                &[v],
                Some(r),
                &lines,
                format!(
                    "numbered {got} in {} where {} has {expected}",
                    cx.lang(v),
                    cx.lang(reference)
                ),
            );
            let offset = label_offset(got, expected);
            match (runs[v], offset) {
                // The same offset as the mismatch before: the numbers after one slip.
                (Some((first, off, k)), Some(o)) if off == o && k == kind => {
                    out[first].related.push(finding);
                }
                _ => {
                    runs[v] = offset.map(|o| (out.len(), o, kind));
                    out.push(finding);
                }
            }
        }
    }
    for f in out.iter_mut().filter(|f| f.code == Code::NumberingMismatch) {
        let after = f.related.len();
        if after > 0 {
            f.message.push_str(&format!(
                " (and the {after} number{} after it, off by as much)",
                if after == 1 { "" } else { "s" }
            ));
        }
    }
}

/// How far number or letter `got` is from `expected` (`3` for `4`: -1; `b` for `c`: -1), when
/// both are plain numbers or single letters.
fn label_offset(got: &str, expected: &str) -> Option<i64> {
    if let (Ok(g), Ok(e)) = (got.parse::<i64>(), expected.parse::<i64>()) {
        return Some(g - e);
    }
    match (got.as_bytes(), expected.as_bytes()) {
        ([g], [e]) if g.is_ascii_alphabetic() && e.is_ascii_alphabetic() => {
            Some(i64::from(*g) - i64::from(*e))
        }
        _ => None,
    }
}

/// A number repeated, skipped or out of order in a version at a row where (or just after which)
/// that version's numbers stop matching the others' is one slip: the mismatch (with the numbers
/// after it) and any further such anomaly are folded into the first anomaly, in report order
/// (`numbering-duplicate` before `numbering-mismatch`), so that one slip is one finding.
pub(super) fn fold_mismatches_into_slips(findings: &mut Vec<Finding>) {
    let is_slip = |f: &Finding| {
        matches!(
            f.code,
            Code::NumberingDuplicate | Code::NumberingGap | Code::NumberingOrder
        ) && f.languages.len() == 1
            && f.row.is_some()
    };
    let mut mismatches = Vec::new();
    let mut rest = Vec::with_capacity(findings.len());
    for f in findings.drain(..) {
        if f.code == Code::NumberingMismatch && f.languages.len() == 1 {
            mismatches.push(f);
        } else {
            rest.push(f);
        }
    }
    for mismatch in mismatches {
        let rows: Vec<usize> = std::iter::once(&mismatch)
            .chain(&mismatch.related)
            .filter_map(|g| g.row)
            .collect();
        let lang = mismatch.languages[0];
        let mut slips: Vec<usize> = (0..rest.len())
            .filter(|&i| {
                let f = &rest[i];
                is_slip(f)
                    && f.languages == [lang]
                    && f.row
                        .is_some_and(|r| rows.iter().any(|&m| r == m || r == m + 1))
            })
            .collect();
        slips.sort_by_key(|&i| (rest[i].code, rest[i].row));
        let Some((&first, others)) = slips.split_first() else {
            rest.push(mismatch);
            continue;
        };
        let mut folded: Vec<Finding> = others.iter().map(|&i| rest[i].clone()).collect();
        let mut mismatch = mismatch;
        let after = std::mem::take(&mut mismatch.related);
        folded.insert(0, mismatch);
        folded.extend(after);
        let differing = folded
            .iter()
            .filter(|f| f.code == Code::NumberingMismatch)
            .count();
        let slip = &mut rest[first];
        slip.message.push_str(&format!(
            "; {differing} number{} from there on differ{} from the other versions",
            if differing == 1 { "" } else { "s" },
            if differing == 1 { "s" } else { "" }
        ));
        slip.related.extend(folded);
        let mut gone: Vec<usize> = others.to_vec();
        gone.sort_unstable();
        for i in gone.into_iter().rev() {
            rest.remove(i);
        }
    }
    *findings = rest;
}

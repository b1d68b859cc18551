//! Findings: every place where aligned versions do not match, with a stable code, a severity,
//! the versions that deviate, the line in each file and a message a translator understands.
//!
//! With three or more versions a finding names the version that deviates from the others (a
//! number that differs in zh but agrees in es, en and fr is zh's problem, not the pivot's); with
//! two, the version that differs from the pivot.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::align::dp::longest_increasing_by;
use crate::align::{Alignment, Row, RowKind};
use crate::language::written_in_other;
use crate::model::{BlockKind, Document, Language};
use crate::normalize::{Anchor, AnchorDiff, AnchorKind, compare};

/// Stable finding codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// A unit present in the pivot (or most versions) but not in a version.
    ParagraphMissing,
    /// A unit in a version with no counterpart in the pivot (or most versions).
    ParagraphExtra,
    /// Paragraph numbers or sub-paragraph letters skip within one version.
    NumberingGap,
    /// A paragraph number or letter repeated within one version.
    NumberingDuplicate,
    /// Numbers or letters out of order within one version.
    NumberingOrder,
    /// Aligned units carry different numbers or letters.
    NumberingMismatch,
    /// A footnote body present in the pivot (or most versions) but not in a version.
    FootnoteMissing,
    /// A footnote body with no counterpart in the pivot (or most versions).
    FootnoteExtra,
    /// A footnote marker absent from the aligned unit.
    FootnoteRefMissing,
    /// A footnote marker attached to a different unit than in the pivot (or most versions).
    FootnoteRefMoved,
    /// A footnote marker in a unit whose counterparts do not carry it (or carry it fewer times).
    FootnoteRefExtra,
    /// A footnote marker without a footnote body.
    FootnoteOrphan,
    /// A footnote body no marker refers to.
    FootnoteUnreferenced,
    /// Numbers or symbols of aligned footnotes differ.
    FootnoteContent,
    /// Numbers differ between aligned units.
    NumberMismatch,
    /// Dates differ between aligned units.
    DateMismatch,
    /// Document symbols differ between aligned units.
    SymbolMismatch,
    /// A unit whose language is not the version's language.
    Untranslated,
    /// A unit far shorter or longer than the pivot predicts (possible omission).
    LengthRatio,
    /// Symbol, date or original language differ between the headers.
    HeaderMismatch,
}

impl Code {
    /// Every code, in report order.
    pub const ALL: [Code; 20] = [
        Code::ParagraphMissing,
        Code::ParagraphExtra,
        Code::NumberingGap,
        Code::NumberingDuplicate,
        Code::NumberingOrder,
        Code::NumberingMismatch,
        Code::FootnoteMissing,
        Code::FootnoteExtra,
        Code::FootnoteRefMissing,
        Code::FootnoteRefMoved,
        Code::FootnoteRefExtra,
        Code::FootnoteOrphan,
        Code::FootnoteUnreferenced,
        Code::FootnoteContent,
        Code::NumberMismatch,
        Code::DateMismatch,
        Code::SymbolMismatch,
        Code::Untranslated,
        Code::LengthRatio,
        Code::HeaderMismatch,
    ];

    /// The code as written in reports (`paragraph-missing`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::ParagraphMissing => "paragraph-missing",
            Code::ParagraphExtra => "paragraph-extra",
            Code::NumberingGap => "numbering-gap",
            Code::NumberingDuplicate => "numbering-duplicate",
            Code::NumberingOrder => "numbering-order",
            Code::NumberingMismatch => "numbering-mismatch",
            Code::FootnoteMissing => "footnote-missing",
            Code::FootnoteExtra => "footnote-extra",
            Code::FootnoteRefMissing => "footnote-ref-missing",
            Code::FootnoteRefMoved => "footnote-ref-moved",
            Code::FootnoteRefExtra => "footnote-ref-extra",
            Code::FootnoteOrphan => "footnote-orphan",
            Code::FootnoteUnreferenced => "footnote-unreferenced",
            Code::FootnoteContent => "footnote-content",
            Code::NumberMismatch => "number-mismatch",
            Code::DateMismatch => "date-mismatch",
            Code::SymbolMismatch => "symbol-mismatch",
            Code::Untranslated => "untranslated",
            Code::LengthRatio => "length-ratio",
            Code::HeaderMismatch => "header-mismatch",
        }
    }
}

/// How serious a finding is: errors make `check` exit with 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be looked at before issue.
    Error,
    /// Worth a look.
    Warning,
}

/// One mismatch between versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// The versions that deviate.
    pub languages: Vec<Language>,
    /// The row of the alignment (1-based), when the finding is about one.
    pub row: Option<usize>,
    /// The input line in each version concerned.
    pub lines: BTreeMap<Language, usize>,
    /// What is wrong, in words.
    pub message: String,
}

/// Everything the checks need about the versions and their alignment.
struct Context<'a> {
    docs: &'a [Document],
    alignment: &'a Alignment,
    /// For each version: the row of each of its footnotes, by footnote index.
    note_row_of: Vec<HashMap<usize, usize>>,
    /// For each version: the row of each of its blocks, by block index.
    block_row_of: Vec<HashMap<usize, usize>>,
}

/// For each version, the row holding each unit of the rows that are (or are not) footnote rows.
fn unit_rows(alignment: &Alignment, footnotes: bool) -> Vec<HashMap<usize, usize>> {
    let mut row_of = vec![HashMap::new(); alignment.languages.len()];
    for (r, row) in alignment
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.is_footnote() == footnotes)
    {
        for (v, cell) in row.cells.iter().enumerate() {
            for &u in cell.iter().flat_map(|c| &c.units) {
                row_of[v].insert(u, r);
            }
        }
    }
    row_of
}

/// Anomalies found in single versions, to be reported together. Keyed by code, the row they
/// must share to count as the same (none: anywhere in the document) and what else tells them
/// apart (a footnote marker); each holds version, row, line and description.
type Anomalies =
    BTreeMap<(Code, Option<usize>, String), Vec<(usize, Option<usize>, usize, String)>>;

/// Report each anomaly: an error where it sets a version apart, a warning where most versions
/// that could show it do (then it is in the original too, and no fault of one translation).
/// `able` counts the versions that could show an anomaly in a row (none: anywhere).
fn report_anomalies(
    cx: &Context,
    anomalies: Anomalies,
    able: impl Fn(Option<usize>) -> usize,
    out: &mut Vec<Finding>,
) {
    for ((code, row, _), list) in anomalies {
        let shared = list.len() * 2 > able(row).max(list.len());
        let (severity, note) = if shared {
            (Severity::Warning, " (most versions do the same)")
        } else {
            (Severity::Error, "")
        };
        for (v, row, line, detail) in &list {
            out.push(cx.finding(
                code,
                severity,
                &[*v],
                *row,
                &[(*v, *line)],
                format!("{detail}{note}"),
            ));
        }
    }
}

/// Compare aligned versions and list every mismatch, in row order within each code.
pub fn check(docs: &[Document], alignment: &Alignment) -> Vec<Finding> {
    let cx = Context {
        docs,
        alignment,
        note_row_of: unit_rows(alignment, true),
        block_row_of: unit_rows(alignment, false),
    };
    let mut findings = Vec::new();
    header_mismatches(&cx, &mut findings);
    presence(&cx, &mut findings);
    numbering_within(&cx, &mut findings);
    numbering_mismatches(&cx, &mut findings);
    footnote_references(&cx, &mut findings);
    footnote_bodies(&cx, &mut findings);
    anchor_mismatches(&cx, &mut findings);
    untranslated(&cx, &mut findings);
    length_ratios(&cx, &mut findings);
    findings.sort_by_key(|f| (f.code, f.row, f.languages.first().copied()));
    findings
}

impl Context<'_> {
    fn lang(&self, v: usize) -> Language {
        self.docs[v].language
    }

    fn pivot(&self) -> usize {
        self.alignment.pivot
    }

    fn versions(&self) -> std::ops::Range<usize> {
        0..self.docs.len()
    }

    /// Names of versions, comma-separated.
    fn names(&self, vs: &[usize]) -> String {
        vs.iter()
            .map(|&v| self.lang(v).code())
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn finding(
        &self,
        code: Code,
        severity: Severity,
        deviating: &[usize],
        row: Option<usize>,
        lines: &[(usize, usize)],
        message: String,
    ) -> Finding {
        let mut languages: Vec<Language> = deviating.iter().map(|&v| self.lang(v)).collect();
        languages.sort();
        Finding {
            code,
            severity,
            languages,
            row: row.map(|r| r + 1),
            lines: lines.iter().map(|&(v, l)| (self.lang(v), l)).collect(),
            message,
        }
    }

    /// The versions among `candidates` that deviate from the rest: those that disagree with more
    /// than half of the others; with two versions, the one that is not the pivot.
    fn deviants(
        &self,
        candidates: &[usize],
        disagree: impl Fn(usize, usize) -> bool,
    ) -> Vec<usize> {
        if candidates.len() < 2 {
            return Vec::new();
        }
        if candidates.len() == 2 {
            return if disagree(candidates[0], candidates[1]) {
                let other = if candidates[0] == self.pivot() {
                    candidates[1]
                } else {
                    candidates[0]
                };
                vec![other]
            } else {
                Vec::new()
            };
        }
        let counts: Vec<(usize, usize)> = candidates
            .iter()
            .map(|&v| {
                (
                    v,
                    candidates
                        .iter()
                        .filter(|&&w| w != v && disagree(v, w))
                        .count(),
                )
            })
            .collect();
        let others = candidates.len() - 1;
        let clear: Vec<usize> = counts
            .iter()
            .filter(|&&(_, n)| 2 * n > others)
            .map(|&(v, _)| v)
            .collect();
        // The versions that disagree with most others must be a minority: split three against
        // three, every version disagrees with three of five, and none is singled out.
        if !clear.is_empty() && 2 * clear.len() < candidates.len() {
            return clear;
        }
        // Versions split evenly (or no minority stands out): hold the pivot's side as right.
        let pivot = self.pivot();
        if candidates.contains(&pivot) {
            counts
                .iter()
                .filter(|&&(v, _)| v != pivot && disagree(v, pivot))
                .map(|&(v, _)| v)
                .collect()
        } else {
            Vec::new()
        }
    }

    /// The version whose text stands for the majority in a message: the pivot unless it deviates.
    fn reference(&self, candidates: &[usize], deviating: &[usize]) -> Option<usize> {
        let pivot = self.pivot();
        if candidates.contains(&pivot) && !deviating.contains(&pivot) {
            return Some(pivot);
        }
        candidates.iter().copied().find(|v| !deviating.contains(v))
    }

    fn present(&self, row: &Row) -> Vec<usize> {
        self.versions()
            .filter(|&v| row.cells[v].is_some())
            .collect()
    }

    /// The line of version `v` nearest before row `r` (where a missing unit would go).
    fn line_before(&self, r: usize, v: usize) -> Option<usize> {
        let rows = &self.alignment.rows;
        let footnote = rows[r].is_footnote();
        rows[..r]
            .iter()
            .rev()
            .filter(|row| row.is_footnote() == footnote)
            .find_map(|row| row.line(self.docs, v))
    }
}

fn describe(row: &Row) -> String {
    match (row.kind, row.label.as_deref()) {
        (RowKind::Footnote, Some(m)) => format!("footnote {m}"),
        (RowKind::Block(BlockKind::Paragraph), Some(l)) => format!("paragraph {l}"),
        (RowKind::Block(BlockKind::Subparagraph), Some(l)) => format!("sub-paragraph ({l})"),
        (RowKind::Block(BlockKind::Heading), Some(l)) => format!("heading {l}"),
        (RowKind::Block(BlockKind::Preamble), _) => "preambular paragraph".to_string(),
        (kind, _) => format!("{} block", kind.as_str()),
    }
}

fn header_mismatches(cx: &Context, out: &mut Vec<Finding>) {
    type Getter = fn(&Document) -> Option<String>;
    let fields: [(&str, &str, Getter); 3] = [
        ("symbol", "symbol", |d| d.header.symbol.clone()),
        ("date", "date", |d| d.header.date.clone()),
        ("original_language", "original language", |d| {
            d.header.original_language.map(|l| l.to_string())
        }),
    ];
    for (field, name, get) in fields {
        let values: Vec<(usize, String)> = cx
            .versions()
            .filter_map(|v| Some((v, get(&cx.docs[v])?)))
            .collect();
        let candidates: Vec<usize> = values.iter().map(|(v, _)| *v).collect();
        let value = |v: usize| {
            values
                .iter()
                .find(|(w, _)| *w == v)
                .map(|(_, s)| s.as_str())
        };
        let deviating = cx.deviants(&candidates, |a, b| value(a) != value(b));
        let Some(reference) = cx.reference(&candidates, &deviating) else {
            continue;
        };
        for &v in &deviating {
            let line = |w: usize| cx.docs[w].header.field_lines.get(field).map(|&l| (w, l));
            let lines: Vec<(usize, usize)> =
                [line(v), line(reference)].into_iter().flatten().collect();
            out.push(cx.finding(
                Code::HeaderMismatch,
                Severity::Error,
                &[v],
                None,
                &lines,
                format!(
                    "header {name} is {} in {} but {} in {}",
                    value(v).unwrap_or("-"),
                    cx.lang(v),
                    value(reference).unwrap_or("-"),
                    cx.lang(reference)
                ),
            ));
        }
    }
}

/// Units present in some versions and absent from others.
fn presence(cx: &Context, out: &mut Vec<Finding>) {
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
                let place =
                    after.map_or_else(|| "at the start".to_string(), |l| format!("after line {l}"));
                out.push(cx.finding(
                    code,
                    severity,
                    &[v],
                    Some(r),
                    &lines,
                    format!(
                        "{what} of {} (line {}) has no counterpart in {} (expected {place})",
                        cx.lang(reference),
                        row.line(cx.docs, reference).unwrap_or(0),
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

/// A label's place in its sequence: numbers as themselves, letters a = 1, roman numerals by value.
fn ordinal(label: &str, roman_context: bool) -> Option<u32> {
    if let Ok(n) = label.parse::<u32>() {
        return Some(n);
    }
    if roman_context {
        if let Some(n) = crate::locale::roman_value(label) {
            return Some(n);
        }
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

/// Gaps, duplicates and order errors of paragraph numbers and sub-paragraph letters within each
/// version. An anomaly most versions share at the same row is only a warning.
fn numbering_within(cx: &Context, out: &mut Vec<Finding>) {
    let mut anomalies = Anomalies::new();
    for v in cx.versions() {
        let doc = &cx.docs[v];
        let mut last_paragraph: Option<(u32, usize)> = None;
        let mut last_letter: HashMap<Option<&str>, (u32, usize, bool)> = HashMap::new();
        for (i, b) in doc.blocks.iter().enumerate() {
            let Some(label) = b.label.as_deref() else {
                continue;
            };
            let (previous, value) = match b.kind {
                BlockKind::Heading => {
                    // A heading starts its own run of numbers, and of list letters (lists
                    // under each article of a declaration start at (a) again).
                    last_paragraph = None;
                    last_letter.clear();
                    continue;
                }
                BlockKind::Paragraph => {
                    let Some(n) = ordinal(label, false) else {
                        continue;
                    };
                    let prev = last_paragraph.map(|(p, _)| p);
                    last_paragraph = Some((n, i));
                    (prev, n)
                }
                BlockKind::Subparagraph => {
                    let key = b.parent.as_deref();
                    let prev = last_letter.get(&key).copied();
                    // Roman numerals: a list opening with (i), or continuing one; (i) after (h)
                    // is a letter.
                    let roman_chars = label.chars().all(|c| "ivxlc".contains(c));
                    let roman = roman_chars
                        && match prev {
                            None => label == "i",
                            Some((p, _, was_roman)) => {
                                was_roman || (label != "i" && p != 8) && label.len() > 1
                            }
                        };
                    let Some(n) = ordinal(label, roman) else {
                        continue;
                    };
                    last_letter.insert(key, (n, i, roman));
                    (prev.map(|(p, _, _)| p), n)
                }
                _ => continue,
            };
            let Some(p) = previous else { continue };
            let code = if value == p {
                Code::NumberingDuplicate
            } else if value == p + 1 || (value == 1 && b.kind == BlockKind::Paragraph) {
                continue;
            } else if value > p {
                Code::NumberingGap
            } else {
                Code::NumberingOrder
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
                    format!("{detail} in {} at line {}", cx.lang(v), b.line),
                ));
        }
    }
    // Footnote bodies: their numbers run through the document in the order the bodies are
    // printed. The longest increasing run is taken as the sequence; a body outside it is out of
    // order (or a repeat, if its number is in the run), and the run skips a number only when no
    // body carries it (nor a body of the pivot: that one is missing, and reported as such).
    for v in cx.versions() {
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
                let detail = format!("{detail} in {} at line {line}", cx.lang(v));
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
                if let Some(p) = previous {
                    if (p + 1..n).any(|m| !present.contains(&m)) {
                        report(
                            i,
                            Code::NumberingGap,
                            format!("footnote {n} follows {p} (numbering skips)"),
                        );
                    }
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
    // Only versions that number the units of a row can share an anomaly of their numbers: one
    // whose copy lost its paragraph numbers neither confirms nor contradicts the others.
    let numbered = |r: usize| -> usize {
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
    };
    report_anomalies(
        cx,
        anomalies,
        |row| row.map_or(cx.docs.len(), numbered),
        out,
    );
}

fn label_of(kind: BlockKind, n: u32) -> String {
    if kind == BlockKind::Paragraph {
        n.to_string()
    } else {
        char::from_u32(u32::from('a') + n - 1).map_or(n.to_string(), |c| c.to_string())
    }
}

/// Aligned single units that carry different numbers or letters.
fn numbering_mismatches(cx: &Context, out: &mut Vec<Finding>) {
    for (r, row) in cx
        .alignment
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_footnote())
    {
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
        let (_, expected) = label(reference).unwrap_or((BlockKind::Paragraph, "?"));
        for &v in &deviating {
            let (_, got) = label(v).unwrap_or((BlockKind::Paragraph, "?"));
            let lines: Vec<(usize, usize)> = [v, reference]
                .iter()
                .filter_map(|&w| Some((w, row.line(cx.docs, w)?)))
                .collect();
            out.push(cx.finding(
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
            ));
        }
    }
}

/// Footnote markers missing from, or moved away from, the unit that carries them elsewhere.
fn footnote_references(cx: &Context, out: &mut Vec<Finding>) {
    // A marker is identified by the footnote row of its body in that version; a marker whose body
    // is missing, by the row of another version's body with the same marker (pivot first).
    let mut row_of_marker: HashMap<&str, usize> = HashMap::new();
    for v in std::iter::once(cx.pivot()).chain(cx.versions()) {
        for (i, f) in cx.docs[v].footnotes.iter().enumerate() {
            if let Some(&r) = cx.note_row_of[v].get(&i) {
                row_of_marker.entry(f.marker.as_str()).or_insert(r);
            }
        }
    }
    // For each version: footnote identity -> rows whose units carry its marker, and how often.
    type Placement = BTreeMap<usize, usize>;
    let mut placed: Vec<BTreeMap<String, Placement>> = vec![BTreeMap::new(); cx.docs.len()];
    for v in cx.versions() {
        let doc = &cx.docs[v];
        let own: HashMap<&str, usize> = doc
            .footnotes
            .iter()
            .enumerate()
            .filter_map(|(i, f)| Some((f.marker.as_str(), *cx.note_row_of[v].get(&i)?)))
            .collect();
        for (r, row) in cx
            .alignment
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.is_footnote())
        {
            for &u in row.cells[v].iter().flat_map(|c| &c.units) {
                for fr in &doc.blocks[u].footnote_refs {
                    let m = fr.marker.as_str();
                    let identity = own
                        .get(m)
                        .or_else(|| row_of_marker.get(m))
                        .map_or_else(|| format!("marker {m}"), |nr| format!("note row {nr}"));
                    *placed[v].entry(identity).or_default().entry(r).or_default() += 1;
                }
            }
        }
    }
    let identities: BTreeSet<String> = placed.iter().flat_map(|m| m.keys().cloned()).collect();
    let rows = &cx.alignment.rows;
    let markers_at = |v: usize, r: usize| -> String {
        let doc = &cx.docs[v];
        let list: Vec<&str> = rows[r].cells[v]
            .iter()
            .flat_map(|c| &c.units)
            .flat_map(|&u| {
                doc.blocks[u]
                    .footnote_refs
                    .iter()
                    .map(|f| f.marker.as_str())
            })
            .collect();
        if list.is_empty() {
            "none".to_string()
        } else {
            list.join(", ")
        }
    };
    for identity in &identities {
        let rows_of = |v: usize| placed[v].get(identity).cloned().unwrap_or_default();
        let candidates: Vec<usize> = cx.versions().collect();
        let deviating = cx.deviants(&candidates, |a, b| rows_of(a) != rows_of(b));
        let Some(reference) = cx.reference(&candidates, &deviating) else {
            continue;
        };
        let expected = rows_of(reference);
        let note = identity
            .strip_prefix("note row ")
            .and_then(|nr| rows[nr.parse::<usize>().ok()?].label.clone())
            .or_else(|| identity.strip_prefix("marker ").map(str::to_string))
            .unwrap_or_default();
        for &v in &deviating {
            let got = rows_of(v);
            let count = |p: &Placement, r: usize| p.get(&r).copied().unwrap_or(0);
            // Rows where the version has the marker fewer times than the reference (and has a
            // unit to carry it: a unit missing altogether is reported as such), and rows where
            // it has it more often. A deficit matched with a surplus is a moved marker.
            let deficit: Vec<usize> = expected
                .keys()
                .copied()
                .filter(|&r| count(&got, r) < count(&expected, r) && rows[r].cells[v].is_some())
                .collect();
            let surplus: Vec<usize> = got
                .keys()
                .copied()
                .filter(|&r| count(&got, r) > count(&expected, r))
                .collect();
            let mut targets = surplus.iter().copied();
            for &r in &deficit {
                let mut lines: Vec<(usize, usize)> = rows[r]
                    .line(cx.docs, reference)
                    .map(|l| (reference, l))
                    .into_iter()
                    .collect();
                let ref_line = rows[r].line(cx.docs, reference).unwrap_or(0);
                let (code, message) = match targets.next() {
                    Some(to) => {
                        let to_line = rows[to].line(cx.docs, v).unwrap_or(0);
                        lines.push((v, to_line));
                        (
                            Code::FootnoteRefMoved,
                            format!(
                                "footnote {note}: the marker is on the {} (line {ref_line}) in {} but on the {} (line {to_line}) in {}",
                                describe(&rows[r]),
                                cx.lang(reference),
                                describe(&rows[to]),
                                cx.lang(v)
                            ),
                        )
                    }
                    None => {
                        lines.extend(rows[r].line(cx.docs, v).map(|l| (v, l)));
                        (
                            Code::FootnoteRefMissing,
                            format!(
                                "footnote {note}: the marker of the {} (line {ref_line} in {}) is missing in {} (markers there: {})",
                                describe(&rows[r]),
                                cx.lang(reference),
                                cx.lang(v),
                                markers_at(v, r)
                            ),
                        )
                    }
                };
                out.push(cx.finding(code, Severity::Error, &[v], Some(r), &lines, message));
            }
            for r in targets {
                let line = rows[r].line(cx.docs, v).unwrap_or(0);
                let mut lines: Vec<(usize, usize)> = vec![(v, line)];
                let (what, place) = match rows[r].line(cx.docs, reference) {
                    Some(l) => {
                        lines.push((reference, l));
                        (
                            format!(
                                "the {} (line {l} in {})",
                                describe(&rows[r]),
                                cx.lang(reference)
                            ),
                            format!("{} time(s) there", count(&expected, r)),
                        )
                    }
                    None => (
                        format!("the {} of {} (line {line})", describe(&rows[r]), cx.lang(v)),
                        "no counterpart".to_string(),
                    ),
                };
                out.push(cx.finding(
                    Code::FootnoteRefExtra,
                    Severity::Error,
                    &[v],
                    Some(r),
                    &lines,
                    format!(
                        "footnote {note}: {} carries the marker {} time(s) in {} ({place} in {})",
                        what,
                        count(&got, r),
                        cx.lang(v),
                        cx.lang(reference)
                    ),
                ));
            }
        }
    }
}

/// Markers without bodies and bodies without markers. Shared by most versions, they are in the
/// original too and only warnings.
fn footnote_bodies(cx: &Context, out: &mut Vec<Finding>) {
    let mut anomalies = Anomalies::new();
    for v in cx.versions() {
        let doc = &cx.docs[v];
        let bodies: BTreeSet<&str> = doc.footnotes.iter().map(|f| f.marker.as_str()).collect();
        let mut seen = BTreeSet::new();
        for (i, b) in doc.blocks.iter().enumerate() {
            for fr in &b.footnote_refs {
                if !bodies.contains(fr.marker.as_str()) && seen.insert(fr.marker.clone()) {
                    let row = cx.block_row_of[v].get(&i).copied();
                    anomalies
                        .entry((Code::FootnoteOrphan, None, fr.marker.clone()))
                        .or_default()
                        .push((
                            v,
                            row,
                            b.line,
                            format!(
                                "footnote marker {} at line {} of {} has no footnote body",
                                fr.marker,
                                b.line,
                                cx.lang(v)
                            ),
                        ));
                }
            }
        }
        for (i, f) in doc.footnotes.iter().enumerate() {
            if f.referenced_from.is_empty() {
                let row = cx.note_row_of[v].get(&i).copied();
                anomalies
                    .entry((Code::FootnoteUnreferenced, None, f.marker.clone()))
                    .or_default()
                    .push((
                        v,
                        row,
                        f.line,
                        format!(
                            "footnote {} at line {} of {} is not referenced in the text",
                            f.marker,
                            f.line,
                            cx.lang(v)
                        ),
                    ));
            }
        }
    }
    report_anomalies(cx, anomalies, |_| cx.docs.len(), out);
}

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

/// Numbers, dates and symbols that differ between aligned units (and between aligned footnotes).
fn anchor_mismatches(cx: &Context, out: &mut Vec<Finding>) {
    for (r, row) in cx.alignment.rows.iter().enumerate() {
        let found = row_anchors(cx, row);
        let candidates: Vec<usize> = cx.versions().filter(|&v| found[v].is_some()).collect();
        if candidates.len() < 2 {
            continue;
        }
        let diffs: HashMap<(usize, usize), Vec<AnchorDiff>> = candidates
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
        let diff = |a: usize, b: usize| -> Vec<AnchorDiff> {
            if a < b {
                diffs[&(a, b)].clone()
            } else {
                diffs[&(b, a)]
                    .iter()
                    .map(|d| AnchorDiff {
                        in_first: !d.in_first,
                        ..d.clone()
                    })
                    .collect()
            }
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
        for &(kind, code) in kinds {
            let disagree = |a: usize, b: usize| diff(a, b).iter().any(|d| d.kind == kind);
            let deviating = cx.deviants(&candidates, disagree);
            let Some(reference) = cx.reference(&candidates, &deviating) else {
                continue;
            };
            for &v in &deviating {
                // Against the reference, or, where its own figure is soft (never reported), the
                // first agreeing version whose figure is firm.
                let reference = std::iter::once(reference)
                    .chain(candidates.iter().copied())
                    .filter(|w| *w != v && !deviating.contains(w))
                    .find(|&w| diff(v, w).iter().any(|d| d.kind == kind && !d.in_first))
                    .unwrap_or(reference);
                let d: Vec<AnchorDiff> = diff(v, reference)
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
    }
}

/// Shortest text (in letters) whose language is judged.
const MIN_LETTERS_FOR_LANGUAGE: usize = 25;

/// Units whose text is in another language than their version's.
fn untranslated(cx: &Context, out: &mut Vec<Finding>) {
    for (r, row) in cx
        .alignment
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_footnote())
    {
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

/// Lowest share of the predicted length a unit may have before it is reported: a paragraph
/// translated in full is seldom below two thirds of what the other versions predict (under
/// 1 % of the dev-set sentences of 40 characters or more), one with half of it left out is.
const SHORT_SHARE: f64 = 0.65;
/// Highest share: a unit twice as long as predicted.
const LONG_SHARE: f64 = 2.0;
/// Factor beyond which another version's prediction of a length is set aside as an outlier.
const OUTLIER: f64 = 1.5;

/// Units far shorter or longer than the other versions predict. Each other version that has the
/// row predicts the length (its length times the ratio between the two versions over the whole
/// document); the median of the predictions is robust to one of them being off.
fn length_ratios(cx: &Context, out: &mut Vec<Finding>) {
    let pivot = cx.pivot();
    let rows: Vec<(usize, &Row)> = cx
        .alignment
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_footnote())
        .collect();
    let len = |row: &Row, v: usize| {
        row.text(cx.docs, v)
            .map(|t| t.chars().filter(|c| !c.is_whitespace()).count() as f64)
    };
    let lens: Vec<Vec<Option<f64>>> = rows
        .iter()
        .map(|(_, row)| cx.versions().map(|v| len(row, v)).collect())
        .collect();
    let n = cx.docs.len();
    // ratio[v][w]: length of v over length of w, the median over the rows both have (a unit
    // cut or left untranslated does not move it, as it would move the ratio of the totals).
    let mut ratio = vec![vec![None; n]; n];
    for v in 0..n {
        for w in 0..n {
            let mut per_row: Vec<f64> = lens
                .iter()
                .filter_map(|l| Some((l[v]?, l[w]?)))
                .filter(|&(x, y)| x > 0.0 && y > 0.0)
                .map(|(x, y)| x / y)
                .collect();
            if per_row.len() >= 3 {
                per_row.sort_by(f64::total_cmp);
                ratio[v][w] = Some(median(&per_row));
            }
        }
    }
    for v in cx.versions().filter(|&v| v != pivot) {
        for (k, &(r, row)) in rows.iter().enumerate() {
            let (Some(b), Some(a)) = (lens[k][v], lens[k][pivot]) else {
                continue;
            };
            // The pivot's prediction, and those of the others that are not far from it (a
            // version whose own unit is cut or left untranslated predicts nothing useful).
            let Some(by_pivot) = ratio[v][pivot].map(|q| a * q) else {
                continue;
            };
            let mut predictions: Vec<f64> = cx
                .versions()
                .filter(|&w| w != v)
                .filter_map(|w| Some(lens[k][w]? * ratio[v][w]?))
                .filter(|&p| p >= by_pivot / OUTLIER && p <= by_pivot * OUTLIER)
                .collect();
            if predictions.is_empty() {
                continue;
            }
            predictions.sort_by(f64::total_cmp);
            let expected = median(&predictions);
            if a < 40.0 || expected < 20.0 {
                continue;
            }
            let share = b / expected;
            if !(SHORT_SHARE..=LONG_SHARE).contains(&share) {
                let lines: Vec<(usize, usize)> = [v, pivot]
                    .iter()
                    .filter_map(|&w| Some((w, row.line(cx.docs, w)?)))
                    .collect();
                let how = if share < 1.0 {
                    "shorter than expected: text left out?"
                } else {
                    "longer than expected: text added or left untranslated?"
                };
                // The figure against the pivot alone; the other versions' prediction as well
                // when the pivot alone would not single the unit out.
                // (as the pivot alone predicts it: from the ratio of the totals)
                let (sa, sb) = lens
                    .iter()
                    .filter_map(|l| Some((l[pivot]?, l[v]?)))
                    .fold((0.0, 0.0), |(x, y), (p, q)| (x + p, y + q));
                let against_pivot = if sa > 0.0 { b / (a * sb / sa) } else { share };
                let others: Vec<usize> = cx
                    .versions()
                    .filter(|&w| w != v)
                    .filter(|&w| {
                        lens[k][w].zip(ratio[v][w]).is_some_and(|(l, q)| {
                            l * q >= by_pivot / OUTLIER && l * q <= by_pivot * OUTLIER
                        })
                    })
                    .collect();
                let also = if (SHORT_SHARE..=LONG_SHARE).contains(&against_pivot) {
                    format!(
                        " ({:.0} % of what the {} texts predict)",
                        share * 100.0,
                        cx.names(&others)
                    )
                } else {
                    String::new()
                };
                out.push(cx.finding(
                    Code::LengthRatio,
                    Severity::Warning,
                    &[v],
                    Some(r),
                    &lines,
                    format!(
                        "{} in {} is {:.0} % of the length the {} text predicts{also}, {how}",
                        describe(row),
                        cx.lang(v),
                        against_pivot * 100.0,
                        cx.lang(pivot)
                    ),
                ));
            }
        }
    }
}

/// The median of sorted values (not empty).
fn median(sorted: &[f64]) -> f64 {
    let m = sorted.len();
    if m % 2 == 1 {
        sorted[m / 2]
    } else {
        (sorted[m / 2 - 1] + sorted[m / 2]) / 2.0
    }
}

/// Number of findings per code (codes with none left out).
pub fn summary(findings: &[Finding]) -> BTreeMap<&'static str, usize> {
    let mut out = BTreeMap::new();
    for f in findings {
        *out.entry(f.code.as_str()).or_default() += 1;
    }
    out
}

/// Whether any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{Alignment, Cell, Evidence, Row, align};
    use crate::parse::{ParseOptions, parse};

    const BASE: &str = "Recalling its resolution 2004/34 of 21 July 2004,¹

Noting the report of the Secretary-General on the implementation of the guidelines adopted by the Commission at its twenty-fifth session, which describes the measures taken by Member States to protect cultural property,²

1. Urges Member States to implement the guidelines;

2. Requests the Secretary-General to report to the Commission at its thirty-eighth session in 2028.

__________________
¹ See Economic and Social Council resolution 2004/34.
² E/CN.15/2025/12.
";

    /// Versions (all in English, so that only the edits differ), aligned to the first.
    fn versions(texts: &[String]) -> (Vec<Document>, Alignment) {
        let options = ParseOptions {
            language: Some(Language::En),
            tokens: false,
        };
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| parse(t, &format!("v{i}.txt"), &options))
            .collect();
        let alignment = align(&docs, 0);
        (docs, alignment)
    }

    /// [`versions`], checked.
    fn checked(texts: &[String]) -> (Vec<Document>, Vec<Finding>) {
        let (docs, alignment) = versions(texts);
        let findings = check(&docs, &alignment);
        (docs, findings)
    }

    fn of_code(findings: &[Finding], code: Code) -> Vec<&Finding> {
        findings.iter().filter(|f| f.code == code).collect()
    }

    /// Whether a finding of `code` is reported at (1-based) row `row`.
    fn found_at(findings: &[Finding], code: Code, row: usize) -> bool {
        findings
            .iter()
            .any(|f| f.code == code && f.row == Some(row))
    }

    #[test]
    fn a_marker_repeated_in_one_version_is_an_extra_marker() {
        let twice = BASE.replace("guidelines;", "guidelines;¹");
        let texts = vec![BASE.to_string(), BASE.to_string(), twice];
        let (_, findings) = checked(&texts);
        let extra = of_code(&findings, Code::FootnoteRefExtra);
        assert_eq!(extra.len(), 1, "{findings:#?}");
        assert_eq!(extra[0].row, Some(3));
        assert!(extra[0].message.contains("footnote 1"));
    }

    #[test]
    fn a_marker_fewer_times_in_a_unit_is_missing_there() {
        let star = BASE.replace("Recalling its resolution", "Recalling* its* resolution*");
        let fewer = BASE.replace("Recalling its resolution", "Recalling* its resolution*");
        let texts = vec![star.clone(), star, fewer];
        let (_, findings) = checked(&texts);
        assert!(
            found_at(&findings, Code::FootnoteRefMissing, 1),
            "{findings:#?}"
        );
    }

    #[test]
    fn a_body_missing_from_most_versions_is_only_a_warning() {
        let without = BASE.replace("² E/CN.15/2025/12.\n", "");
        let severities = |texts: Vec<String>| -> Vec<Severity> {
            let (_, findings) = checked(&texts);
            of_code(&findings, Code::FootnoteOrphan)
                .iter()
                .map(|f| f.severity)
                .collect()
        };
        // One version of three lacks it: that version is wrong.
        let one = severities(vec![BASE.into(), BASE.into(), without.clone()]);
        assert_eq!(one, vec![Severity::Error]);
        // All lack it: the original does too, so the translations match it.
        let all = severities(vec![without.clone(), without.clone(), without]);
        assert_eq!(all, vec![Severity::Warning; 3]);
    }

    #[test]
    fn a_gap_counts_only_among_versions_that_number_their_paragraphs() {
        let paras = [
            "Urges Member States to implement the guidelines on cultural property;",
            "Requests the Secretary-General to report to the Commission in 2028;",
            "Decides to remain seized of the matter.",
        ];
        let numbered = |labels: [&str; 3]| -> String {
            labels
                .iter()
                .zip(paras)
                .map(|(l, p)| format!("{l}. {p}\n\n"))
                .collect()
        };
        let skipping = numbered(["1", "2", "4"]);
        let right = numbered(["1", "2", "3"]);
        let bare: String = paras.iter().map(|p| format!("{p}\n\n")).collect();
        let gaps = |texts: Vec<String>| -> Vec<Severity> {
            let (_, findings) = checked(&texts);
            of_code(&findings, Code::NumberingGap)
                .iter()
                .map(|f| f.severity)
                .collect()
        };
        // Two of six skip, four lost their numbers: nothing contradicts the two.
        let mut texts = vec![skipping.clone(), skipping.clone()];
        texts.extend(std::iter::repeat_n(bare, 4));
        assert_eq!(gaps(texts), vec![Severity::Warning; 2]);
        // One of three numbered versions skips: that one is wrong.
        let texts = vec![right.clone(), right, skipping];
        assert_eq!(gaps(texts), vec![Severity::Error]);
    }

    #[test]
    fn a_figure_is_named_from_a_version_that_states_it_firmly() {
        let with = |figure: &str| {
            format!(
                "Recalling the report ({figure}) on the matter of cultural property and its protection,\n"
            )
        };
        // The pivot's 28 is a page number (soft); two versions state 28 firmly; one has 27.
        let texts = vec![
            with("p. 28"),
            with("28 States"),
            with("28 States"),
            with("27 States"),
        ];
        let (_, findings) = checked(&texts);
        let numbers = of_code(&findings, Code::NumberMismatch);
        assert_eq!(numbers.len(), 1, "{findings:#?}");
        assert!(
            numbers[0].message.ends_with("have 28"),
            "{}",
            numbers[0].message
        );
    }

    #[test]
    fn footnote_bodies_out_of_order_or_repeated() {
        let three = BASE
            .replace("Requests the", "Requests³ the")
            .replace("² E/CN.15/2025/12.", "² E/CN.15/2025/12.\n³ A/70/1.");
        let swapped = three.replace(
            "² E/CN.15/2025/12.\n³ A/70/1.",
            "³ A/70/1.\n² E/CN.15/2025/12.",
        );
        let repeated = three.replace("³ A/70/1.", "³ A/70/1.\n³ A/70/1.");
        let without = three.replace("\n³ A/70/1.", "");
        let texts = vec![three.clone(), swapped, repeated, without];
        let (docs, findings) = checked(&texts);
        let of = |v: usize, code: Code| {
            findings.iter().any(|f| {
                f.code == code
                    && f.languages == [docs[v].language]
                    && f.lines
                        .values()
                        .any(|&l| docs[v].footnotes.iter().any(|n| n.line == l))
            })
        };
        assert!(of(1, Code::NumberingOrder), "{findings:#?}");
        assert!(of(2, Code::NumberingDuplicate), "{findings:#?}");
        // A body left out is a missing footnote, not also a gap in the numbers.
        assert!(findings.iter().any(|f| f.code == Code::FootnoteMissing));
        assert!(
            !findings.iter().any(|f| f.code == Code::NumberingGap),
            "{findings:#?}"
        );
    }

    #[test]
    fn a_paragraph_cut_in_half_is_short_against_the_other_versions() {
        let long = "3. Encourages Member States to strengthen international cooperation, including through the exchange of information and good practices, mutual legal assistance and the return of cultural property, and to provide training to law enforcement, customs and judicial authorities on the detection and prosecution of trafficking committed through the Internet.";
        let full = BASE.replace(
            "__________________",
            &format!("{long}\n\n__________________"),
        );
        let cut = full.replace(
            " and to provide training to law enforcement, customs and judicial authorities on the detection and prosecution of trafficking committed through the Internet.",
            "",
        ).replace(", mutual legal assistance and the return of cultural property", "");
        let texts = vec![full.clone(), full.clone(), full, cut];
        let (_, findings) = checked(&texts);
        let short = of_code(&findings, Code::LengthRatio);
        assert_eq!(short.len(), 1, "{findings:#?}");
        assert_eq!(short[0].row, Some(5));
    }

    #[test]
    fn list_letters_start_again_under_each_heading() {
        let text = "Article 1

(a) Everyone has the right to freedom of movement and residence within the borders of each State.

(b) Everyone has the right to leave any country, including his own, and to return to his country.

Article 2

(a) Everyone has the right to seek and to enjoy in other countries asylum from persecution.

(b) This right may not be invoked in the case of prosecutions genuinely arising from crimes.
";
        let texts = vec![text.to_string(), text.to_string()];
        let (_, findings) = checked(&texts);
        assert!(
            !findings.iter().any(|f| f.code == Code::NumberingOrder),
            "{findings:#?}"
        );
    }

    #[test]
    fn deviants_are_a_minority_or_the_pivot_decides() {
        let texts: Vec<String> = (0..6).map(|_| BASE.to_string()).collect();
        let (docs, al) = versions(&texts);
        let cx = Context {
            docs: &docs,
            alignment: &al,
            note_row_of: vec![HashMap::new(); docs.len()],
            block_row_of: vec![HashMap::new(); docs.len()],
        };
        let all: Vec<usize> = (0..6).collect();
        // Three against three: the side of the pivot (version 0) is right.
        let side = |v: usize| v < 3;
        assert_eq!(cx.deviants(&all, |a, b| side(a) != side(b)), vec![3, 4, 5]);
        // One against five: that one.
        assert_eq!(cx.deviants(&all, |a, b| (a == 4) != (b == 4)), vec![4]);
    }

    #[test]
    fn numbers_of_merged_cells_are_read_from_the_numbered_unit() {
        let texts = vec![BASE.to_string(), BASE.replace("2. Requests", "3. Requests")];
        let (docs, _) = versions(&texts);
        // Row 3 holds paragraph 2 of the first version and, merged, paragraph 1 and the
        // renumbered paragraph of the second (paragraph 1 carries no number there).
        let mut unlabelled = docs[1].clone();
        unlabelled.blocks[2].label = None;
        let docs = vec![docs[0].clone(), unlabelled];
        let cell = |units: Vec<usize>| Some(Cell { units });
        let row = |cells: Vec<Option<Cell>>| Row {
            kind: RowKind::Block(BlockKind::Paragraph),
            label: None,
            method: crate::align::Method::Dp,
            score: 0.5,
            cells,
        };
        let al = Alignment {
            pivot: 0,
            languages: vec![Language::En, Language::En],
            rows: vec![
                row(vec![cell(vec![0]), cell(vec![0])]),
                row(vec![cell(vec![1]), cell(vec![1])]),
                row(vec![cell(vec![2]), None]),
                row(vec![cell(vec![3]), cell(vec![2, 3])]),
            ],
            evidence: docs.iter().map(Evidence::of).collect(),
        };
        let findings = check(&docs, &al);
        assert!(
            found_at(&findings, Code::NumberingMismatch, 4),
            "{findings:#?}"
        );
    }

    #[test]
    fn ordinals_of_labels() {
        assert_eq!(ordinal("12", false), Some(12));
        assert_eq!(ordinal("c", false), Some(3));
        assert_eq!(ordinal("iv", true), Some(4));
        assert_eq!(ordinal("i", false), Some(9));
        assert_eq!(ordinal("aa", false), Some(27));
    }

    #[test]
    fn codes_are_kebab_case_and_complete() {
        for c in Code::ALL {
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.as_str())
            );
        }
    }
}

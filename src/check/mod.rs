//! Findings: every place where aligned versions do not match, with a stable code, a severity,
//! the versions that deviate, the line in each file and a message a translator understands.
//!
//! With three or more versions a finding names the version that deviates from the others (a
//! number that differs in zh but agrees in es, en and fr is zh's problem, not the pivot's); with
//! two, the version that differs from the pivot.
//!
//! # The checks
//!
//! [`check`] runs one check after the other, each in its own module, and sorts the findings by
//! code, row and first language:
//!
//! | module | what is compared | codes | severity |
//! |---|---|---|---|
//! | `header` | symbol, date and original language of the headers | `header-mismatch` | error |
//! | `document` | versions of another document (symbol differs, or almost no shared row): the findings about them folded in | `document-mismatch` | error |
//! | `presence` | a row holding units of some versions only | `paragraph-missing`, `paragraph-extra`, `footnote-missing`, `footnote-extra` | error (warning for text and title blocks) |
//! | `numbering` | paragraph numbers, list letters and footnote numbers within one version | `numbering-gap`, `numbering-duplicate`, `numbering-order` | error (warning when shared) |
//! | `numbering` | the numbers or letters of aligned units | `numbering-mismatch` | error |
//! | `footnotes` | the units that carry each footnote marker | `footnote-ref-missing`, `footnote-ref-moved`, `footnote-ref-extra` | error |
//! | `footnotes` | markers without a body, bodies without a marker | `footnote-orphan`, `footnote-unreferenced` | error (warning when shared) |
//! | `content` | numbers, dates and symbols of aligned units and footnotes | `number-mismatch`, `date-mismatch`, `symbol-mismatch`, `footnote-content` | error |
//! | `content` | the language a unit is written in | `untranslated` | error |
//! | `length` | a unit's length against what the other versions predict | `length-ratio` | warning |
//! | `glossary` | the renderings of glossary terms the pivot holds (with `--glossary`) | `term-mismatch` | error |
//! | `sentences` | the sentences of paragraphs aligned one to one (rows whose sentence counts differ) | `sentence-missing`, `sentence-extra` | error |
//!
//! # Who deviates
//!
//! Where versions disagree, the deviating versions are those that disagree with more than half
//! of the others, provided they are a minority; else (an even split) those that disagree with
//! the pivot. With two versions it is the one that is not the pivot. A message quotes the pivot's
//! text unless the pivot deviates, then that of the first agreeing version.
//!
//! An anomaly found in single versions (a gap in the numbers, a marker without a body) is an
//! error where it sets a version apart and a warning where most versions that could show it do:
//! then it is in the original too, and no fault of one translation ("shared" above).

mod content;
mod document;
mod footnotes;
pub(crate) mod glossary;
mod header;
mod length;
mod numbering;
mod presence;
mod sentences;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::align::{Alignment, Row, RowKind};
use crate::model::{BlockKind, Document, Language};

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
    /// A version of another document: its symbol differs, or it shares almost no row with the
    /// others (the findings about it are folded into this one).
    DocumentMismatch,
    /// The pivot holds a glossary term and a version none of its renderings (or a deprecated one).
    TermMismatch,
    /// A sentence of the pivot (or most versions) with no counterpart in a version's paragraph.
    SentenceMissing,
    /// A sentence in a version's paragraph with no counterpart in the pivot's.
    SentenceExtra,
}

impl Code {
    /// Every code, in report order.
    pub const ALL: [Code; 24] = [
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
        Code::DocumentMismatch,
        Code::TermMismatch,
        Code::SentenceMissing,
        Code::SentenceExtra,
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
            Code::DocumentMismatch => "document-mismatch",
            Code::TermMismatch => "term-mismatch",
            Code::SentenceMissing => "sentence-missing",
            Code::SentenceExtra => "sentence-extra",
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
    /// For versions read from a Word file: the place of that line (`paragraph 57`,
    /// `footnote 3`); absent for text files, whose lines are their places.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub places: BTreeMap<Language, String>,
    /// What is wrong, in words.
    pub message: String,
    /// The findings this one causes (a body without its marker after the marker went missing,
    /// the numbers after a repeated one), folded into it so that one cause is one finding;
    /// listed in JSON, not in the report or the CSV.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Finding>,
}

/// Everything the checks need about the versions and their alignment.
struct Context<'a> {
    /// The versions, in the order of the alignment's columns.
    docs: &'a [Document],
    /// Their alignment.
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
    header::header_mismatches(&cx, &mut findings);
    presence::presence(&cx, &mut findings);
    numbering::numbering_within(&cx, &mut findings);
    numbering::numbering_mismatches(&cx, &mut findings);
    numbering::fold_mismatches_into_slips(&mut findings);
    let lost_markers = footnotes::footnote_references(&cx, &mut findings);
    footnotes::footnote_bodies(&cx, &lost_markers, &mut findings);
    content::anchor_mismatches(&cx, &mut findings);
    content::untranslated(&cx, &mut findings);
    length::length_ratios(&cx, &mut findings);
    sentences::sentence_omissions(&cx, &mut findings);
    document::document_mismatches(&cx, &mut findings);
    in_report_order(&mut findings);
    findings
}

/// The `term-mismatch` findings of a glossary, in row order (independent of [`check`], so the
/// two may run side by side; [`merge_findings`] puts them together).
pub fn check_glossary(
    docs: &[Document],
    alignment: &Alignment,
    glossary: &glossary::Glossary,
) -> Vec<Finding> {
    let cx = Context {
        docs,
        alignment,
        note_row_of: Vec::new(),
        block_row_of: Vec::new(),
    };
    let mut findings = Vec::new();
    glossary::term_mismatches(&cx, glossary, &mut findings);
    findings
}

/// Add the findings of another check to those of [`check`], in report order.
pub fn merge_findings(findings: &mut Vec<Finding>, more: Vec<Finding>) {
    if !more.is_empty() {
        findings.extend(more);
        in_report_order(findings);
    }
}

/// Sort findings as reports list them: by code, then row, then language.
fn in_report_order(findings: &mut [Finding]) {
    findings.sort_by_key(|f| (f.code, f.row, f.languages.first().copied()));
}

/// What every check asks about versions and rows.
impl<'a> Context<'a> {
    /// The language of version `v`.
    fn lang(&self, v: usize) -> Language {
        self.docs[v].language
    }

    /// Where line `line` of version `v` is, in words (`line 72`; `paragraph 57` in a Word file).
    fn at(&self, v: usize, line: usize) -> String {
        self.docs[v].locate(line)
    }

    /// The version the others were aligned to.
    fn pivot(&self) -> usize {
        self.alignment.pivot
    }

    /// The body rows (not footnotes), with their index in the alignment.
    fn body_rows(&self) -> impl Iterator<Item = (usize, &'a crate::align::Row)> {
        self.alignment
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.is_footnote())
    }

    /// Every version, by index.
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

    /// A finding about the `deviating` versions at `row` (0-based), with the line of each
    /// version concerned.
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
            places: lines
                .iter()
                .filter_map(|&(v, l)| Some((self.lang(v), self.docs[v].place(l)?.to_string())))
                .collect(),
            message,
            related: Vec::new(),
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

    /// The versions that have a unit in `row`.
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

/// How a message names the unit of a row: `paragraph 12`, `footnote 3`, `preambular paragraph`.
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

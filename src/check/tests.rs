//! Tests of the checks on small versions of one resolution, edited to show each finding.

use super::numbering::ordinal;
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
    // One of three numbered versions skips: that one is wrong, and its number differs from the
    // others' at the same paragraph: one slip, one finding, the mismatch folded into the gap.
    let texts = vec![right.clone(), right, skipping];
    let (_, findings) = checked(&texts);
    assert!(of_code(&findings, Code::NumberingMismatch).is_empty());
    let gap = of_code(&findings, Code::NumberingGap);
    assert_eq!(gap.len(), 1, "{findings:#?}");
    assert_eq!(gap[0].severity, Severity::Error);
    let related: Vec<Code> = gap[0].related.iter().map(|f| f.code).collect();
    assert_eq!(related, [Code::NumberingMismatch]);
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

#[test]
fn a_paragraph_that_stops_mid_sentence_is_short_sooner() {
    let long = "3. Encourages Member States to strengthen international cooperation, including through the exchange of information and good practices, mutual legal assistance and the return of cultural property, and to provide training to law enforcement, customs and judicial authorities on the detection and prosecution of trafficking committed through the Internet.";
    let cut = "3. Encourages Member States to strengthen international cooperation, including through the exchange of information and good practices, mutual legal assistance and the return of cultural property, and to provide training to law enforcement";
    let with = |paragraph: &str| {
        BASE.replace(
            "__________________",
            &format!("{paragraph}\n\n__________________"),
        )
    };
    let full = with(long);
    // About 68 % of the length: too long to be short by length alone, but the text stops
    // where the other versions go on.
    let texts = vec![full.clone(), full.clone(), full.clone(), with(cut)];
    let (_, findings) = checked(&texts);
    let short = of_code(&findings, Code::LengthRatio);
    assert_eq!(short.len(), 1, "{findings:#?}");
    assert_eq!(short[0].row, Some(5));
    assert!(
        short[0].message.contains("stops mid-sentence"),
        "{}",
        short[0].message
    );
    // As short, but a whole sentence: a terser translation, not reported.
    let terse = with(&format!("{cut}."));
    let (_, findings) = checked(&[full.clone(), full.clone(), full, terse]);
    assert!(
        of_code(&findings, Code::LengthRatio).is_empty(),
        "{findings:#?}"
    );
}

#[test]
fn a_letter_of_two_paragraphs_cut_short_is_reported() {
    let first = "On instructions from my Government, I have the honour to transmit herewith the statement issued today by the Ministry of Foreign Affairs on the situation in the region (see annex).";
    let second = "I should be grateful if you would have the present letter and its annex circulated as a document of the General Assembly, under agenda item 34, and of the Security Council.";
    let cut = "I should be grateful if you would have the present letter and its annex circulated as a document";
    let letter = |last: &str| format!("{first}\n\n{last}\n");
    let texts = vec![letter(second), letter(second), letter(cut)];
    let (_, findings) = checked(&texts);
    let short = of_code(&findings, Code::LengthRatio);
    // Two rows are enough for a length ratio between the versions.
    assert_eq!(short.len(), 1, "{findings:#?}");
    assert_eq!(short[0].row, Some(2), "the second paragraph's row");
    assert!(
        short[0].message.contains("stops mid-sentence"),
        "{}",
        short[0].message
    );
}

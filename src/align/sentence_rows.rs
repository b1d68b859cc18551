//! Sentence rows inside aligned paragraphs: each row's texts are split into sentences, every
//! version's sentences are aligned to the pivot's with the sentence aligner (the paragraph
//! alignment bounds the search), and sentences aligned to the same pivot sentences form one
//! sentence row — the same n-way assembly as for paragraphs.

use rayon::prelude::*;

use crate::align::pairwise::{Method, PairBead};
use crate::align::sentence::SentenceAligner;
use crate::align::{Alignment, RowKind, build_rows};
use crate::error::Error;
use crate::lexicon::LexiconCache;
use crate::model::{BlockKind, Document};
use crate::segment::sentences::split_str;

/// How finely versions are aligned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Level {
    /// Paragraphs (blocks) and footnotes.
    #[default]
    Paragraph,
    /// Paragraphs and footnotes, and the sentences inside each aligned paragraph.
    Sentence,
}

impl Level {
    /// Every level, by its name.
    pub const ALL: [(&'static str, Level); 2] = [
        ("paragraph", Level::Paragraph),
        ("sentence", Level::Sentence),
    ];
}

impl std::str::FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Level::ALL
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(s))
            .map(|&(_, l)| l)
            .ok_or_else(|| format!("unknown level `{s}` (expected paragraph or sentence)"))
    }
}

/// One aligned sentence (or group of sentences) of a paragraph row.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceRow {
    /// Index of the paragraph row in [`Alignment::rows`].
    pub paragraph: usize,
    /// Place of the sentence row within its paragraph row, from 1.
    pub number: usize,
    /// Confidence in [0, 1]: the lowest over the versions.
    pub score: f64,
    /// Per version (same order as the documents): the sentences' text, joined by a space when a
    /// bead holds several; `None` where the version has none.
    pub cells: Vec<Option<String>>,
    /// Per version: how many sentences its cell holds (0 where it has none).
    pub counts: Vec<usize>,
}

/// Align the sentences inside every row the pivot and at least one other version share.
/// `lexicons` provides (and caches) the bilingual lexicon of each language pair.
pub fn align_sentences(
    docs: &[Document],
    alignment: &Alignment,
    lexicons: &LexiconCache,
) -> Result<Vec<SentenceRow>, Error> {
    let pivot = alignment.pivot;
    let per_row: Vec<Result<Vec<SentenceRow>, Error>> = alignment
        .rows
        .par_iter()
        .enumerate()
        .map(|(r, row)| {
            let shared =
                row.cells[pivot].is_some() && row.cells.iter().filter(|c| c.is_some()).count() >= 2;
            if row.is_footnote() || !shared {
                return Ok(Vec::new());
            }
            let sentences: Vec<Vec<&str>> = (0..docs.len())
                .map(|v| {
                    row.cells[v]
                        .iter()
                        .flat_map(|c| &c.units)
                        .flat_map(|&u| split_str(&docs[v].blocks[u].text, docs[v].language))
                        .collect()
                })
                .collect();
            let mut beads: Vec<Option<Vec<PairBead>>> = vec![None; docs.len()];
            for v in (0..docs.len()).filter(|&v| v != pivot && row.cells[v].is_some()) {
                let lexicon = lexicons.get(docs[pivot].language, docs[v].language)?;
                let aligner =
                    SentenceAligner::new(&lexicon, docs[pivot].language, docs[v].language);
                let found = aligner.align(&sentences[pivot], &sentences[v]);
                beads[v] = Some(
                    found
                        .into_iter()
                        .map(|b| PairBead {
                            score: 1.0 / (1.0 + (b.cost - 1.0).exp()),
                            a: b.a,
                            b: b.b,
                            method: Method::Dp,
                        })
                        .collect(),
                );
            }
            let kind = |_: usize, _: usize| RowKind::Block(BlockKind::Text);
            let label = |_: usize, _: usize| None;
            let rows = build_rows(
                docs.len(),
                pivot,
                sentences[pivot].len(),
                &beads,
                &kind,
                &label,
            );
            Ok(rows
                .into_iter()
                .enumerate()
                .map(|(k, s)| SentenceRow {
                    paragraph: r,
                    number: k + 1,
                    score: s.score,
                    counts: s
                        .cells
                        .iter()
                        .map(|c| c.as_ref().map_or(0, |c| c.units.len()))
                        .collect(),
                    cells: s
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(v, c)| {
                            c.as_ref().map(|c| {
                                c.units
                                    .iter()
                                    .map(|&i| sentences[v][i])
                                    .collect::<Vec<_>>()
                                    .join(" ")
                            })
                        })
                        .collect(),
                })
                .collect())
        })
        .collect();
    let mut out = Vec::new();
    for rows in per_row {
        out.extend(rows?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::align;
    use crate::lexicon::Lexicon;
    use crate::model::Language;
    use crate::parse::{ParseOptions, parse};

    #[test]
    fn sentences_of_aligned_paragraphs_form_rows() {
        let options = ParseOptions {
            language: None,
            tokens: false,
        };
        let en = parse(
            "The Economic and Social Council,\n\n1. Decides to meet in 2027. It asks for a report on 12 May 2027.\n\n2. Requests the Secretary-General to report.\n",
            "en",
            &options,
        );
        let fr = parse(
            "Le Conseil économique et social,\n\n1. Décide de se réunir en 2027. Il demande un rapport le 12 mai 2027.\n\n2. Prie le Secrétaire général de faire rapport.\n",
            "fr",
            &options,
        );
        let docs = vec![en, fr];
        let alignment = align(&docs, 0);
        let cache = LexiconCache::new(|s, t| Ok(Lexicon::new(s, t)));
        let rows = align_sentences(&docs, &alignment, &cache).unwrap();
        let first: Vec<&SentenceRow> = rows.iter().filter(|s| s.paragraph == 1).collect();
        assert_eq!(first.len(), 2, "{rows:#?}");
        assert_eq!(
            first[0].cells[0].as_deref(),
            Some("1. Decides to meet in 2027.")
        );
        assert_eq!(
            first[1].cells[1].as_deref(),
            Some("Il demande un rapport le 12 mai 2027.")
        );
        assert_eq!(first[1].number, 2);
        assert_eq!(docs[1].language, Language::Fr);
    }
}

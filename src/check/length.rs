//! Lengths: a unit far shorter or longer than the other versions predict may have lost or
//! gained text.

use super::{Code, Context, Finding, Severity, describe};
use crate::align::Row;
use crate::parse::leaves_clause_open;

/// Lowest share of the predicted length a unit may have before it is reported: a paragraph
/// translated in full is seldom below two thirds of what the other versions predict (under
/// 1 % of the dev-set sentences of 40 characters or more), one with half of it left out is.
const SHORT_SHARE: f64 = 0.65;
/// Lowest share of the predicted length a unit that stops mid-sentence may have (its last
/// sentence has no final punctuation where the pivot's unit ends one): a translation cut short.
/// On unpc-devset, four of 17,580 sentence pairs of 40 characters or more stop mid-sentence
/// below this share, and 97 % of the sentences cut in half at a word.
const CUT_SHARE: f64 = 0.75;
/// Fewest rows two versions must share for their length ratio: two rows (a letter's paragraph
/// and its closing) already tell one cut in half, the mean of their ratios being off by a
/// quarter, not a half.
const MIN_ROWS: usize = 2;
/// Highest share: a unit twice as long as predicted.
const LONG_SHARE: f64 = 2.0;
/// Factor beyond which another version's prediction of a length is set aside as an outlier.
const OUTLIER: f64 = 1.5;

/// Units far shorter or longer than the other versions predict. Each other version that has the
/// row predicts the length (its length times the ratio between the two versions over the whole
/// document); the median of the predictions is robust to one of them being off.
pub(super) fn length_ratios(cx: &Context, out: &mut Vec<Finding>) {
    let pivot = cx.pivot();
    let rows: Vec<(usize, &Row)> = cx.body_rows().collect();
    let len = |row: &Row, v: usize| {
        row.text(cx.docs, v)
            .map(|t| t.chars().filter(|c| !c.is_whitespace()).count() as f64)
    };
    let lens: Vec<Vec<Option<f64>>> = rows
        .iter()
        .map(|(_, row)| cx.versions().map(|v| len(row, v)).collect())
        .collect();
    let ratio = median_ratios(&lens, cx.docs.len());
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
            let cut_short = share < CUT_SHARE && stops_mid_sentence(cx, row, pivot, v);
            if cut_short || !(SHORT_SHARE..=LONG_SHARE).contains(&share) {
                let lines: Vec<(usize, usize)> = [v, pivot]
                    .iter()
                    .filter_map(|&w| Some((w, row.line(cx.docs, w)?)))
                    .collect();
                let how = if cut_short && share >= SHORT_SHARE {
                    "shorter than expected and stops mid-sentence: the end left out?"
                } else if share < 1.0 {
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

/// Whether version `v`'s text on `row` stops without the punctuation that ends the pivot's
/// (the parser's test for a line that leaves its clause open: a comma, a closing quotation mark
/// or bracket counts, a trailing footnote marker does not).
fn stops_mid_sentence(cx: &Context, row: &Row, pivot: usize, v: usize) -> bool {
    let open = |w: usize| {
        row.text(cx.docs, w)
            .map(|t| leaves_clause_open(t.trim_end(), cx.docs[w].language))
    };
    open(pivot) == Some(false) && open(v) == Some(true)
}

/// `ratio[v][w]`: length of `v` over length of `w`, the median over the rows both have (a unit
/// cut or left untranslated does not move it, as it would move the ratio of the totals); `None`
/// where they share fewer than [`MIN_ROWS`] rows. `lens[k][v]` is the length of row `k` in
/// version `v`.
fn median_ratios(lens: &[Vec<Option<f64>>], n: usize) -> Vec<Vec<Option<f64>>> {
    let mut ratio = vec![vec![None; n]; n];
    for v in 0..n {
        for w in 0..n {
            let mut per_row: Vec<f64> = lens
                .iter()
                .filter_map(|l| Some((l[v]?, l[w]?)))
                .filter(|&(x, y)| x > 0.0 && y > 0.0)
                .map(|(x, y)| x / y)
                .collect();
            if per_row.len() >= MIN_ROWS {
                per_row.sort_by(f64::total_cmp);
                ratio[v][w] = Some(median(&per_row));
            }
        }
    }
    ratio
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

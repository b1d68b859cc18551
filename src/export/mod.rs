//! Outputs of an aligned document: the table (CSV or TSV), JSON, and the review report for a
//! person. All three read the documents and the alignment; none copies text into its own model.

pub mod json;
pub mod report;
pub mod table;

use crate::align::Alignment;
use crate::model::Language;

/// Versions in column order: the pivot first, then the others in the UN's order of languages.
pub fn column_order(alignment: &Alignment) -> Vec<usize> {
    let mut order: Vec<usize> = (0..alignment.languages.len()).collect();
    order.sort_by_key(|&v| {
        let rank = Language::ALL
            .iter()
            .position(|l| *l == alignment.languages[v])
            .unwrap_or(6);
        (v != alignment.pivot, rank)
    });
    order
}

/// A confidence rounded to three decimals, as written in every output.
pub fn rounded(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}

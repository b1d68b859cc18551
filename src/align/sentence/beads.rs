//! The bead inventory and the search of sentence alignment: which shapes a bead may take and
//! with what prior, how priors are re-estimated from an alignment, and the band searched.

use crate::align::dp::{Band, Bead, Shape};

use super::SentenceAligner;

/// The bead shapes searched besides 1-0 and 0-1 (whose cost depends on the sentence's content),
/// with the generic probability each starts from before re-estimation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Inventory {
    /// 1-1, 1-2, 2-1 and 2-2, as in Gale and Church.
    Classic,
    /// Also 1-3, 3-1, 1-4, 4-1, 2-3, 3-2 and 1-5: English often splits one Chinese sentence into
    /// three, four or five.
    #[default]
    Rich,
}

impl Inventory {
    /// The shapes (source sentences, target sentences, generic probability).
    pub(super) fn shapes(self) -> &'static [(usize, usize, f64)] {
        match self {
            Inventory::Classic => CLASSIC,
            Inventory::Rich => RICH,
        }
    }
}

/// The shapes of [`Inventory::Classic`] with their generic probabilities.
pub(super) const CLASSIC: &[(usize, usize, f64)] =
    &[(1, 1, 0.60), (1, 2, 0.14), (2, 1, 0.06), (2, 2, 0.025)];

/// The shapes of [`Inventory::Rich`] with their generic probabilities.
pub(super) const RICH: &[(usize, usize, f64)] = &[
    (1, 1, 0.60),
    (1, 2, 0.14),
    (2, 1, 0.06),
    (1, 3, 0.05),
    (3, 1, 0.02),
    (2, 2, 0.025),
    (1, 4, 0.02),
    (4, 1, 0.008),
    (2, 3, 0.01),
    (3, 2, 0.008),
    (1, 5, 0.006),
];

/// Pseudo-counts of the generic distribution when priors are re-estimated.
pub(super) const PRIOR_PSEUDO_COUNT: f64 = 20.0;

/// Sequences at most this long on both sides are aligned without a band.
pub(super) const FULL_BAND_LIMIT: usize = 64;

impl SentenceAligner<'_> {
    /// The corridor searched: everything for short sequences, else a band around the diagonal,
    /// or a narrow one around a previous path. Also returns how many columns a row spans.
    pub(super) fn band(&self, n: usize, m: usize, previous: Option<&[Bead]>) -> (Band, usize) {
        if n.max(m) <= FULL_BAND_LIMIT {
            return (Band::full(n, m), m);
        }
        match previous {
            None => {
                let width = self.weights.band.min(m);
                (Band::around_diagonal(n, m, width), 2 * width + 8)
            }
            Some(beads) => {
                let points: Vec<(usize, usize)> =
                    beads.iter().map(|b| (b.a.end, b.b.end)).collect();
                let width = self.weights.narrow_band.min(m);
                (Band::around_path(n, m, &points, width), 2 * width + 8)
            }
        }
    }
}

/// The 1-0 and 0-1 shapes, whose cost is all in the content.
pub(super) fn null_shapes() -> [Shape; 2] {
    [Shape::new(1, 0, 0.0), Shape::new(0, 1, 0.0)]
}

/// Priors from the shapes of an alignment, smoothed towards the generic distribution. Only the
/// shapes with one sentence on a side (how much this translator splits or joins) are
/// re-estimated; the rarer many-to-many shapes keep their generic prior, which a Viterbi
/// alignment would otherwise drive down and down.
pub(super) fn reestimate_priors(inventory: &[(usize, usize, f64)], beads: &[Bead]) -> Vec<Shape> {
    let simple = |a: usize, b: usize| a == 1 || b == 1;
    let mut counts = vec![0.0; inventory.len()];
    for bead in beads {
        if let Some(k) = inventory
            .iter()
            .position(|&(a, b, _)| a == bead.a.len() && b == bead.b.len())
        {
            counts[k] += 1.0;
        }
    }
    let total: f64 = inventory
        .iter()
        .zip(&counts)
        .filter(|((a, b, _), _)| simple(*a, *b))
        .map(|(_, c)| c)
        .sum();
    let mass: f64 = inventory
        .iter()
        .filter(|(a, b, _)| simple(*a, *b))
        .map(|(_, _, p)| p)
        .sum();
    inventory
        .iter()
        .zip(&counts)
        .map(|(&(a, b, p), c)| {
            let prob = if simple(a, b) {
                mass * (c + PRIOR_PSEUDO_COUNT * p / mass) / (total + PRIOR_PSEUDO_COUNT)
            } else {
                p
            };
            Shape::new(a, b, -prob.ln())
        })
        .collect()
}

/// A bead in the notation of the MAC benchmark and Vecalign: `[0]:[0]`, `[8,9]:[8]`, `[5]:[]`.
pub fn bead_notation(
    a: impl IntoIterator<Item = usize>,
    b: impl IntoIterator<Item = usize>,
) -> String {
    let list = |ids: &mut dyn Iterator<Item = usize>| {
        ids.map(|i| i.to_string()).collect::<Vec<_>>().join(",")
    };
    format!(
        "[{}]:[{}]",
        list(&mut a.into_iter()),
        list(&mut b.into_iter())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priors_follow_the_simple_shapes_of_the_output() {
        let beads: Vec<Bead> = (0..40)
            .map(|k| Bead {
                a: k..k + 1,
                b: 2 * k..2 * k + 2,
                cost: 0.0,
            })
            .chain(std::iter::once(Bead {
                a: 40..42,
                b: 80..82,
                cost: 0.0,
            }))
            .collect();
        let priors = reestimate_priors(RICH, &beads);
        let prior = |a: usize, b: usize| {
            priors
                .iter()
                .find(|s| s.a == a && s.b == b)
                .map(|s| s.prior)
        };
        let generic = |a: usize, b: usize| {
            RICH.iter()
                .find(|s| s.0 == a && s.1 == b)
                .map(|s| -s.2.ln())
        };
        assert!(
            prior(1, 2) < prior(1, 1),
            "1-2 became the most likely shape"
        );
        assert!(prior(1, 2) < generic(1, 2));
        assert_eq!(
            prior(2, 2),
            generic(2, 2),
            "many-to-many shapes keep their generic prior"
        );
    }
}

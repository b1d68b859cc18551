//! The one dynamic-programming core of versalign: a monotone alignment of two sequences into
//! beads (1-1, 1-0, 2-1 …) under a caller-supplied cost, searched inside a band so that time and
//! memory grow with the sequence length times the band width, not with the product of lengths.
//! Memory is one byte per cell of the band (the best bead's shape) and a few rows of path costs;
//! the callers keep the band narrow enough for long sequences.
//!
//! Paragraphs, footnotes and sentences are all aligned through [`align`]; only the bead
//! inventory, the band and the cost function differ.

use std::ops::Range;

/// A bead shape: how many units it takes from each side and its prior cost (a negative log
/// probability, added to every bead of that shape).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shape {
    /// Units taken from the first sequence.
    pub a: usize,
    /// Units taken from the second sequence.
    pub b: usize,
    /// Prior cost of the shape.
    pub prior: f64,
}

impl Shape {
    /// A shape with its prior.
    pub const fn new(a: usize, b: usize, prior: f64) -> Shape {
        Shape { a, b, prior }
    }
}

/// One step of an alignment: a range of each sequence (either may be empty) and the cost charged.
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    /// Units of the first sequence.
    pub a: Range<usize>,
    /// Units of the second sequence.
    pub b: Range<usize>,
    /// Prior plus content cost of the bead.
    pub cost: f64,
}

/// The corridor searched: for every position `i` of the first sequence (0..=n), the positions
/// `j` of the second sequence (inclusive range) a path may pass through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    /// Lowest `j` allowed in each row `i`.
    lo: Vec<usize>,
    /// Highest `j` allowed in each row `i`.
    hi: Vec<usize>,
    /// Length of the second sequence.
    m: usize,
}

impl Band {
    /// No restriction: every (i, j) is allowed. Quadratic; for short sequences.
    pub fn full(n: usize, m: usize) -> Band {
        Band {
            lo: vec![0; n + 1],
            hi: vec![m; n + 1],
            m,
        }
    }

    /// A corridor of half-width `width` around the straight line from (0, 0) to (n, m).
    pub fn around_diagonal(n: usize, m: usize, width: usize) -> Band {
        Band::around_path(n, m, &[], width)
    }

    /// A corridor of half-width `width` around the piecewise-linear path from (0, 0) through
    /// `points` (increasing in both coordinates) to (n, m).
    pub fn around_path(n: usize, m: usize, points: &[(usize, usize)], width: usize) -> Band {
        Band::around_path_by(n, m, points, |_, _| width)
    }

    /// A corridor around the piecewise-linear path from (0, 0) through `points` to (n, m) whose
    /// half-width on each stretch is `width(from, to)`, given the stretch's end points: wide
    /// where the counts of units between two anchors differ, narrow where they agree.
    pub fn around_path_by(
        n: usize,
        m: usize,
        points: &[(usize, usize)],
        width: impl Fn((usize, usize), (usize, usize)) -> usize,
    ) -> Band {
        let mut knots = Vec::with_capacity(points.len() + 2);
        knots.push((0usize, 0usize));
        knots.extend(points.iter().copied().filter(|&(i, j)| i <= n && j <= m));
        knots.push((n, m));
        let mut lo = vec![usize::MAX; n + 1];
        let mut hi = vec![0usize; n + 1];
        for w in knots.windows(2) {
            let ((i0, j0), (i1, j1)) = (w[0], w[1]);
            let half = width(w[0], w[1]);
            for i in i0..=i1.min(n) {
                let c = if i1 == i0 {
                    j1
                } else {
                    j0 + (j1.saturating_sub(j0)) * (i - i0) / (i1 - i0)
                };
                lo[i] = lo[i].min(c.saturating_sub(half));
                hi[i] = hi[i].max((c + half).min(m));
            }
        }
        lo[0] = 0;
        hi[n] = m;
        // Where the path jumps (a run of 0-k beads), widen the row above so consecutive rows
        // overlap and a path always exists.
        for i in (0..n).rev() {
            hi[i] = hi[i].max(lo[i + 1]);
        }
        for i in 0..=n {
            lo[i] = lo[i].min(hi[i]);
        }
        Band { lo, hi, m }
    }

    /// Whether cell (i, j) is in the band.
    fn contains(&self, i: usize, j: usize) -> bool {
        i < self.lo.len() && j >= self.lo[i] && j <= self.hi[i]
    }

    /// Number of (i, j) cells in the band.
    pub fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h + 1 - l).sum()
    }

    /// Whether a path of `beads` passes through a cell on the band's edge (other than the edge
    /// of the matrix): a wider band might have found a cheaper path.
    pub fn grazed_by(&self, beads: &[Bead]) -> bool {
        beads.iter().any(|bead| {
            let (i, j) = (bead.a.end, bead.b.end);
            self.contains(i, j) && ((j == self.lo[i] && j > 0) || (j == self.hi[i] && j < self.m))
        })
    }
}

/// Back-pointer of a cell no path reaches.
const UNREACHED: u8 = u8::MAX;

/// Align sequences of lengths `n` and `m` with the given bead shapes inside `band`.
/// `cost(a, b)` is the content cost of a bead taking `a` from the first sequence and `b` from
/// the second (return `f64::INFINITY` to forbid it); it must give the same value when asked
/// twice, since the beads of the path found are costed again. Returns the beads of the cheapest
/// path in order; if the band admits no path the remainder is filled with 1-0 and 0-1 beads.
///
/// Memory is one byte per cell of the band (the shape of the best bead ending there) plus the
/// path costs of the last few rows (as many as the tallest shape takes from the first
/// sequence), so a band of `n × w` cells needs about `n × w` bytes.
pub fn align<F>(n: usize, m: usize, shapes: &[Shape], band: &Band, mut cost: F) -> Vec<Bead>
where
    F: FnMut(Range<usize>, Range<usize>) -> f64,
{
    debug_assert_eq!(band.lo.len(), n + 1);
    debug_assert_eq!(band.m, m);
    assert!(
        shapes.len() < usize::from(UNREACHED),
        "too many bead shapes"
    );
    let (back, reached) = forward(n, shapes, band, &mut cost);
    if !reached {
        return fallback(n, m);
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let shape = shapes[usize::from(back.at(band, i, j))];
        let (pi, pj) = (i - shape.a, j - shape.b);
        beads.push(Bead {
            a: pi..i,
            b: pj..j,
            cost: shape.prior + cost(pi..i, pj..j),
        });
        (i, j) = (pi, pj);
    }
    beads.reverse();
    beads
}

/// The shape of the best bead ending in each cell of a band, row after row.
struct BackPointers {
    /// Offset of each row's first cell in `shape`.
    row_start: Vec<usize>,
    /// Index of the best bead's shape, or [`UNREACHED`].
    shape: Vec<u8>,
}

impl BackPointers {
    /// The shape index stored for cell (i, j).
    fn at(&self, band: &Band, i: usize, j: usize) -> u8 {
        self.shape[self.row_start[i] + j - band.lo[i]]
    }
}

/// The forward pass: the best shape of every cell, and whether a path reaches (n, m).
/// Path costs are kept for the last rows a bead can reach back to, in a ring.
fn forward<F>(n: usize, shapes: &[Shape], band: &Band, cost: &mut F) -> (BackPointers, bool)
where
    F: FnMut(Range<usize>, Range<usize>) -> f64,
{
    let depth = shapes.iter().map(|s| s.a).max().unwrap_or(0) + 1;
    let mut row_start = Vec::with_capacity(n + 1);
    let mut cells = 0;
    for i in 0..=n {
        row_start.push(cells);
        cells += band.hi[i] + 1 - band.lo[i];
    }
    let mut back = BackPointers {
        row_start,
        shape: vec![UNREACHED; cells],
    };
    let mut ring: Vec<Vec<f64>> = vec![Vec::new(); depth];
    for i in 0..=n {
        let lo = band.lo[i];
        let mut row = std::mem::take(&mut ring[i % depth]);
        row.clear();
        row.resize(band.hi[i] + 1 - lo, f64::INFINITY);
        for j in lo..=band.hi[i] {
            if i == 0 && j == 0 {
                row[0] = 0.0;
                continue;
            }
            let mut best = (f64::INFINITY, UNREACHED);
            for (s, shape) in shapes.iter().enumerate() {
                if shape.a > i || shape.b > j {
                    continue;
                }
                let (pi, pj) = (i - shape.a, j - shape.b);
                if !band.contains(pi, pj) {
                    continue;
                }
                let prev = if pi == i {
                    row[pj - lo]
                } else {
                    ring[pi % depth][pj - band.lo[pi]]
                };
                if !prev.is_finite() {
                    continue;
                }
                let bead = shape.prior + cost(pi..i, pj..j);
                if prev + bead < best.0 {
                    best = (prev + bead, s as u8);
                }
            }
            row[j - lo] = best.0;
            back.shape[back.row_start[i] + j - lo] = best.1;
        }
        ring[i % depth] = row;
    }
    let last = &ring[n % depth];
    let reached = band.contains(n, band.m) && last[band.m - band.lo[n]].is_finite();
    (back, reached)
}

/// Every unit alone: used when no path exists.
fn fallback(n: usize, m: usize) -> Vec<Bead> {
    (0..n)
        .map(|i| Bead {
            a: i..i + 1,
            b: 0..0,
            cost: f64::INFINITY,
        })
        .chain((0..m).map(|j| Bead {
            a: n..n,
            b: j..j + 1,
            cost: f64::INFINITY,
        }))
        .collect()
}

/// The six bead shapes of classic paragraph and sentence alignment (the tests' baseline).
#[cfg(test)]
pub const CLASSIC_SHAPES: [Shape; 6] = [
    Shape::new(1, 1, 0.0),
    Shape::new(1, 0, 4.5),
    Shape::new(0, 1, 4.5),
    Shape::new(2, 1, 2.3),
    Shape::new(1, 2, 2.3),
    Shape::new(2, 2, 4.0),
];

/// Gale and Church's length cost: the negative log probability that a text of `la` units is
/// translated by one of `lb` units, when lengths scale by `ratio` with variance `variance` per unit.
pub fn length_cost(la: f64, lb: f64, ratio: f64, variance: f64) -> f64 {
    if la == 0.0 && lb == 0.0 {
        return 0.0;
    }
    let mean = (la + lb / ratio) / 2.0;
    let delta = (lb - la * ratio) / (variance * mean.max(1.0)).sqrt();
    // -ln(2 (1 - Φ(|δ|))) = -ln erfc(|δ| / √2).
    neg_ln_erfc(delta.abs() / std::f64::consts::SQRT_2)
}

/// -ln erfc(z) for z ≥ 0, from Numerical Recipes' Chebyshev fit of erfc (relative error
/// < 1.2e-7): erfc(z) = t·exp(e(z, t)), so its logarithm needs no exponential.
fn neg_ln_erfc(z: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.5 * z);
    -t.ln() - erfc_exponent(z, t)
}

/// The exponent of the Chebyshev fit: erfc(z) = t·exp(this), with t = 1 / (1 + z/2).
fn erfc_exponent(z: f64, t: f64) -> f64 {
    -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))))
}

/// Indices of the longest subsequence of `items` whose keys strictly increase (the first such
/// subsequence when several are as long), found in O(n log n) by patience sorting. It keeps the
/// largest set of matches that agree in order, whether those are anchor pairs or paragraph
/// numbers.
pub fn longest_increasing_by<T, K: Ord>(items: &[T], key: impl Fn(&T) -> K) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; items.len()];
    for (k, item) in items.iter().enumerate() {
        let here = key(item);
        let pos = tails.partition_point(|&t| key(&items[t]) < here);
        if pos > 0 {
            prev[k] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut k = tails.last().copied();
    while let Some(i) = k {
        out.push(i);
        k = prev[i];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes_of(beads: &[Bead]) -> Vec<(usize, usize)> {
        beads.iter().map(|b| (b.a.len(), b.b.len())).collect()
    }

    fn length_aligner(a: &[f64], b: &[f64], band: &Band) -> Vec<Bead> {
        align(a.len(), b.len(), &CLASSIC_SHAPES, band, |ra, rb| {
            let la: f64 = a[ra].iter().sum();
            let lb: f64 = b[rb].iter().sum();
            if la == 0.0 || lb == 0.0 {
                0.0
            } else {
                length_cost(la, lb, 1.0, 6.8)
            }
        })
    }

    #[test]
    fn identical_lengths_align_one_to_one() {
        let a = [120.0, 40.0, 300.0, 80.0];
        let beads = length_aligner(&a, &a, &Band::full(4, 4));
        assert_eq!(shapes_of(&beads), vec![(1, 1); 4]);
    }

    #[test]
    fn a_split_paragraph_becomes_one_to_two() {
        let a = [120.0, 400.0, 80.0];
        let b = [118.0, 210.0, 195.0, 82.0];
        let beads = length_aligner(&a, &b, &Band::full(3, 4));
        assert_eq!(shapes_of(&beads), vec![(1, 1), (1, 2), (1, 1)]);
        assert_eq!(beads[1].b, 1..3);
    }

    #[test]
    fn a_missing_paragraph_becomes_one_to_zero() {
        let a = [120.0, 400.0, 200.0, 250.0, 90.0];
        let b = [121.0, 395.0, 248.0, 91.0];
        let beads = length_aligner(&a, &b, &Band::full(5, 4));
        assert_eq!(
            shapes_of(&beads),
            vec![(1, 1), (1, 1), (1, 0), (1, 1), (1, 1)]
        );
    }

    #[test]
    fn the_band_bounds_the_work_and_keeps_the_answer() {
        let a: Vec<f64> = (0..400).map(|i| 50.0 + ((i * 37) % 300) as f64).collect();
        let band = Band::around_diagonal(400, 400, 8);
        assert!(band.cells() < 400 * 20);
        let beads = length_aligner(&a, &a, &band);
        assert_eq!(beads.len(), 400);
        assert!(
            beads
                .iter()
                .all(|b| b.a.len() == 1 && b.b.len() == 1 && b.a.start == b.b.start)
        );
    }

    #[test]
    fn band_through_points_stays_connected() {
        let band = Band::around_path(10, 30, &[(2, 20), (8, 22)], 1);
        for i in 1..=10 {
            assert!(band.lo[i] >= band.lo[i - 1] && band.hi[i] >= band.hi[i - 1]);
            assert!(band.lo[i] <= band.hi[i - 1] + 1, "row {i} disconnected");
        }
        let beads = align(10, 30, &CLASSIC_SHAPES, &band, |_, _| 1.0);
        let covered_a: usize = beads.iter().map(|b| b.a.len()).sum();
        let covered_b: usize = beads.iter().map(|b| b.b.len()).sum();
        assert_eq!((covered_a, covered_b), (10, 30));
    }

    /// The dynamic programme as it was before the compact store: a full table of (path cost,
    /// shape, bead cost) per cell. The compact [`align`] must find the very same beads.
    fn reference(
        n: usize,
        m: usize,
        shapes: &[Shape],
        band: &Band,
        cost: impl Fn(Range<usize>, Range<usize>) -> f64,
    ) -> Vec<Bead> {
        let mut rows: Vec<Vec<(f64, usize, f64)>> = (0..=n)
            .map(|i| vec![(f64::INFINITY, usize::MAX, 0.0); band.hi[i] + 1 - band.lo[i]])
            .collect();
        rows[0][0] = (0.0, usize::MAX, 0.0);
        for i in 0..=n {
            for j in band.lo[i]..=band.hi[i] {
                if i == 0 && j == 0 {
                    continue;
                }
                let mut best = (f64::INFINITY, usize::MAX, 0.0);
                for (s, shape) in shapes.iter().enumerate() {
                    if shape.a > i || shape.b > j || !band.contains(i - shape.a, j - shape.b) {
                        continue;
                    }
                    let (pi, pj) = (i - shape.a, j - shape.b);
                    let prev = rows[pi][pj - band.lo[pi]].0;
                    let bead = shape.prior + cost(pi..i, pj..j);
                    if prev.is_finite() && prev + bead < best.0 {
                        best = (prev + bead, s, bead);
                    }
                }
                rows[i][j - band.lo[i]] = best;
            }
        }
        if !rows[n][m - band.lo[n]].0.is_finite() {
            return fallback(n, m);
        }
        let (mut i, mut j, mut beads) = (n, m, Vec::new());
        while i > 0 || j > 0 {
            let (_, s, cost) = rows[i][j - band.lo[i]];
            let shape = shapes[s];
            beads.push(Bead {
                a: i - shape.a..i,
                b: j - shape.b..j,
                cost,
            });
            (i, j) = (i - shape.a, j - shape.b);
        }
        beads.reverse();
        beads
    }

    /// A small deterministic pseudo-random generator (xorshift), for reproducible cases.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    #[test]
    fn the_compact_store_finds_the_path_of_the_full_table() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let tall = [
            Shape::new(3, 1, 2.0),
            Shape::new(0, 1, 1.5),
            Shape::new(1, 0, 1.5),
        ];
        for case in 0..300 {
            let (n, m) = (rng.below(40), rng.below(40));
            let a: Vec<f64> = (0..n).map(|_| 1.0 + rng.below(200) as f64).collect();
            let b: Vec<f64> = (0..m).map(|_| 1.0 + rng.below(200) as f64).collect();
            let forbidden = rng.below(4) == 0;
            let cost = |ra: Range<usize>, rb: Range<usize>| {
                let (la, lb): (f64, f64) = (a[ra.clone()].iter().sum(), b[rb.clone()].iter().sum());
                if forbidden && ra.len() == 2 && rb.len() == 2 {
                    f64::INFINITY
                } else if la == 0.0 || lb == 0.0 {
                    0.5
                } else {
                    length_cost(la, lb, 1.0, 6.8)
                }
            };
            let band = match case % 3 {
                0 => Band::full(n, m),
                1 => Band::around_diagonal(n, m, rng.below(6)),
                _ => {
                    let (i, j) = (rng.below(n + 1), rng.below(m + 1));
                    Band::around_path(n, m, &[(i, j)], rng.below(4))
                }
            };
            let shapes: &[Shape] = if case % 5 == 4 {
                &tall
            } else {
                &CLASSIC_SHAPES
            };
            assert_eq!(
                align(n, m, shapes, &band, cost),
                reference(n, m, shapes, &band, cost),
                "case {case}: {n} × {m}"
            );
        }
    }

    #[test]
    fn a_path_on_the_edge_of_the_band_grazes_it() {
        let band = Band::around_diagonal(10, 10, 2);
        let diagonal: Vec<Bead> = (0..10)
            .map(|i| Bead {
                a: i..i + 1,
                b: i..i + 1,
                cost: 0.0,
            })
            .collect();
        assert!(!band.grazed_by(&diagonal));
        let mut skewed = vec![Bead {
            a: 0..0,
            b: 0..2,
            cost: 0.0,
        }];
        skewed.extend((0..8).map(|i| Bead {
            a: i..i + 1,
            b: i + 2..i + 3,
            cost: 0.0,
        }));
        skewed.push(Bead {
            a: 8..10,
            b: 10..10,
            cost: 0.0,
        });
        assert!(band.grazed_by(&skewed));
    }

    #[test]
    fn length_cost_is_smallest_at_the_ratio() {
        assert!(length_cost(100.0, 100.0, 1.0, 6.8) < 0.01);
        assert!(length_cost(100.0, 150.0, 1.0, 6.8) > length_cost(100.0, 110.0, 1.0, 6.8));
        assert!(length_cost(100.0, 50.0, 0.5, 6.8) < 0.01);
        assert!(neg_ln_erfc(0.0).abs() < 1e-6, "erfc(0) = 1");
        // erfc(1) = 0.157299…
        assert!((neg_ln_erfc(1.0) + 0.157_299_2_f64.ln()).abs() < 1e-5);
        assert!(neg_ln_erfc(30.0).is_finite(), "no underflow far out");
    }

    #[test]
    fn longest_increasing_keeps_order() {
        assert_eq!(
            longest_increasing_by(&[(0, 0), (1, 5), (2, 1), (3, 2), (4, 3)], |p| p.1),
            vec![0, 2, 3, 4]
        );
    }
}

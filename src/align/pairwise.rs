//! Alignment of one version's units to the pivot's: label keys that agree on both sides are
//! anchor candidates, verified by content before they become hard anchors; the
//! dynamic-programming core aligns everything with 1-1, 1-0, 0-1, 1-2, 2-1 and 2-2 beads under a
//! length model estimated from the anchors.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Serialize;

use crate::align::dp::{self, Band, CLASSIC_SHAPES};
use crate::align::units::{LengthModel, Unit, WEIGHTS, pair_cost};

/// How a row or bead was aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// Numbered paragraphs whose numbers agree.
    Number,
    /// Headings or sub-paragraphs whose labels agree.
    Label,
    /// Footnote bodies whose markers agree.
    Footnote,
    /// The dynamic-programming aligner, by length and shared evidence.
    Dp,
}

impl Method {
    /// Lower-case name as written in CSV and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Number => "number",
            Method::Label => "label",
            Method::Footnote => "footnote",
            Method::Dp => "dp",
        }
    }
}

/// A bead between the pivot's units and another version's.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PairBead {
    /// Pivot units.
    pub a: Range<usize>,
    /// The other version's units.
    pub b: Range<usize>,
    /// How the bead was found.
    pub method: Method,
    /// Confidence in [0, 1].
    pub score: f64,
}

/// Logistic squashing of a cost into a confidence.
fn confidence(cost: f64) -> f64 {
    1.0 / (1.0 + (cost - 1.0).exp())
}

/// Bonus (in nats) that makes a verified anchor pair a hard anchor.
const HARD_ANCHOR: f64 = 30.0;

/// Align units `b` of a version to the pivot's units `a`.
///
/// Label keys that agree are candidate anchors. A first pass aligns by content alone (lengths,
/// numbers, dates, symbols, markers, names) in a corridor around the candidates; a candidate is
/// verified when that pass pairs the same two units, or when it sits between two verified
/// anchors (a paragraph whose text changed but whose neighbours agree). The second pass aligns
/// by content again, with the verified anchors held as hard anchors, in a corridor around them:
/// labels that content contradicts (numbering drift) carry no weight.
pub(crate) fn align_units(a: &[Unit], b: &[Unit]) -> Vec<PairBead> {
    let total = |u: &[Unit]| u.iter().map(|x| x.len).sum::<f64>();
    let lengths = |pairs: &[(usize, usize)]| -> Vec<(f64, f64)> {
        pairs.iter().map(|&(i, j)| (a[i].len, b[j].len)).collect()
    };
    let candidates = anchor_candidates(a, b);
    let rough = LengthModel::estimate(&lengths(&candidates), total(a), total(b));
    let by_content = dp::align(
        a.len(),
        b.len(),
        &CLASSIC_SHAPES,
        &corridor(a.len(), b.len(), &candidates),
        |ra, rb| {
            if ra.is_empty() || rb.is_empty() {
                0.0
            } else {
                pair_cost(&a[ra], &b[rb], rough, &WEIGHTS)
            }
        },
    );
    let anchors = verify(a, b, &candidates, &by_content, rough);
    let model = LengthModel::estimate(&lengths(&anchors), total(a), total(b));
    let hard: HashSet<(usize, usize)> = anchors.iter().copied().collect();
    let beads = dp::align(
        a.len(),
        b.len(),
        &CLASSIC_SHAPES,
        &corridor(a.len(), b.len(), &anchors),
        |ra, rb| {
            if ra.is_empty() || rb.is_empty() {
                return 0.0;
            }
            let anchored = ra.len() == 1 && rb.len() == 1 && hard.contains(&(ra.start, rb.start));
            pair_cost(&a[ra], &b[rb], model, &WEIGHTS) - if anchored { HARD_ANCHOR } else { 0.0 }
        },
    );
    beads
        .into_iter()
        .map(|bead| {
            let method = method_of(a, b, &bead.a, &bead.b);
            let score = if bead.a.is_empty() || bead.b.is_empty() {
                null_confidence(a, b, &bead.a, &bead.b, model)
            } else {
                confidence(bead.cost - shape_prior(&bead))
            };
            PairBead {
                a: bead.a,
                b: bead.b,
                method,
                score,
            }
        })
        .collect()
}

/// How much content cost (in nats) label agreement may outweigh within a segment: labels break
/// near-ties of content (which of two similar paragraphs is missing) but cannot override a clear
/// content signal (numbering that drifts from a repeated number on).
const LABEL_MARGIN: f64 = 4.0;

/// Verify anchor candidates. A candidate is confirmed when the content-only alignment pairs the
/// same two units. Between two confirmed anchors (or the sequence ends), the other candidates
/// are accepted together when the segment has as many units on both sides and they lie on its
/// diagonal, or when forcing them costs little more content than the content-only alignment.
fn verify(
    a: &[Unit],
    b: &[Unit],
    candidates: &[(usize, usize)],
    by_content: &[dp::Bead],
    model: LengthModel,
) -> Vec<(usize, usize)> {
    let paired: HashSet<(usize, usize)> = by_content
        .iter()
        .filter(|b| b.a.len() == 1 && b.b.len() == 1)
        .map(|b| (b.a.start, b.b.start))
        .collect();
    let confirmed: Vec<(usize, usize)> = candidates
        .iter()
        .copied()
        .filter(|c| paired.contains(c))
        .collect();
    let mut accepted: Vec<(usize, usize)> = confirmed.clone();
    // Segments between consecutive confirmed anchors; positions are exclusive bounds.
    let mut bounds: Vec<(isize, isize)> = vec![(-1, -1)];
    bounds.extend(confirmed.iter().map(|&(i, j)| (i as isize, j as isize)));
    bounds.push((a.len() as isize, b.len() as isize));
    for w in bounds.windows(2) {
        let (i0, j0) = ((w[0].0 + 1) as usize, (w[0].1 + 1) as usize);
        let (i1, j1) = (w[1].0 as usize, w[1].1 as usize);
        let inside: Vec<(usize, usize)> = candidates
            .iter()
            .copied()
            .filter(|&(i, j)| i >= i0 && i < i1 && j >= j0 && j < j1 && !paired.contains(&(i, j)))
            .collect();
        if inside.is_empty() {
            continue;
        }
        let diagonal = i1 - i0 == j1 - j0 && inside.iter().all(|&(i, j)| i - i0 == j - j0);
        if diagonal || forcing_cost(a, b, (i0..i1, j0..j1), &inside, model) <= LABEL_MARGIN {
            accepted.extend(inside);
        }
    }
    accepted.sort_unstable();
    accepted
}

/// Extra content cost of aligning a segment through `forced` pairs rather than freely.
fn forcing_cost(
    a: &[Unit],
    b: &[Unit],
    (ra, rb): (Range<usize>, Range<usize>),
    forced: &[(usize, usize)],
    model: LengthModel,
) -> f64 {
    let (sa, sb) = (&a[ra.clone()], &b[rb.clone()]);
    let local: HashSet<(usize, usize)> = forced
        .iter()
        .map(|&(i, j)| (i - ra.start, j - rb.start))
        .collect();
    let band = if sa.len() * sb.len() <= 40_000 {
        Band::full(sa.len(), sb.len())
    } else {
        Band::around_diagonal(sa.len(), sb.len(), 4 + sa.len().abs_diff(sb.len()))
    };
    let run = |hard: bool| -> f64 {
        dp::align(sa.len(), sb.len(), &CLASSIC_SHAPES, &band, |x, y| {
            if x.is_empty() || y.is_empty() {
                return 0.0;
            }
            let forced = x.len() == 1 && y.len() == 1 && local.contains(&(x.start, y.start));
            pair_cost(&sa[x], &sb[y], model, &WEIGHTS)
                - if hard && forced { HARD_ANCHOR } else { 0.0 }
        })
        .iter()
        .map(|bead| bead.cost)
        .sum()
    };
    let with = run(true) + HARD_ANCHOR * forced.len() as f64;
    with - run(false)
}

/// Pairs of units whose label keys are equal and unique on both sides, kept in increasing order
/// (the longest increasing subsequence of the matches).
fn anchor_candidates(a: &[Unit], b: &[Unit]) -> Vec<(usize, usize)> {
    let unique = |units: &[Unit]| -> HashMap<String, usize> {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for k in units.iter().filter_map(|u| u.key.as_deref()) {
            *count.entry(k).or_default() += 1;
        }
        units
            .iter()
            .enumerate()
            .filter_map(|(i, u)| {
                let k = u.key.as_deref()?;
                (count[k] == 1).then(|| (k.to_string(), i))
            })
            .collect()
    };
    let in_b = unique(b);
    let mut pairs: Vec<(usize, usize)> = unique(a)
        .into_iter()
        .filter_map(|(k, i)| Some((i, *in_b.get(&k)?)))
        .collect();
    pairs.sort_unstable();
    longest_increasing(&pairs)
}

/// The longest subsequence of `pairs` (sorted by first element) increasing in the second.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let pos = tails.partition_point(|&t| pairs[t].1 < j);
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
        out.push(pairs[i]);
        k = prev[i];
    }
    out.reverse();
    out
}

/// The search corridor: around the path through the verified anchors, wide enough for the
/// largest difference in unit counts between two consecutive anchors.
fn corridor(n: usize, m: usize, anchors: &[(usize, usize)]) -> Band {
    let mut knots = vec![(0, 0)];
    knots.extend_from_slice(anchors);
    knots.push((n, m));
    let widest = knots
        .windows(2)
        .map(|w| (w[1].0.saturating_sub(w[0].0)).abs_diff(w[1].1.saturating_sub(w[0].1)))
        .max()
        .unwrap_or(0);
    Band::around_path(n, m, anchors, 4 + widest)
}

fn shape_prior(bead: &dp::Bead) -> f64 {
    CLASSIC_SHAPES
        .iter()
        .find(|s| s.a == bead.a.len() && s.b == bead.b.len())
        .map_or(0.0, |s| s.prior)
}

fn method_of(a: &[Unit], b: &[Unit], ra: &Range<usize>, rb: &Range<usize>) -> Method {
    if ra.len() != 1 || rb.len() != 1 {
        return Method::Dp;
    }
    match (&a[ra.start].key, &b[rb.start].key) {
        (Some(x), Some(y)) if x == y => match x.split(':').next() {
            Some("p") => Method::Number,
            Some("f") => Method::Footnote,
            _ => Method::Label,
        },
        _ => Method::Dp,
    }
}

/// Confidence that a unit left unpaired really has no counterpart: high when pairing it with a
/// neighbour would cost much.
fn null_confidence(
    a: &[Unit],
    b: &[Unit],
    ra: &Range<usize>,
    rb: &Range<usize>,
    model: LengthModel,
) -> f64 {
    let best = if ra.is_empty() {
        let j = rb.start;
        [
            ra.start.checked_sub(1),
            (ra.start < a.len()).then_some(ra.start),
        ]
        .into_iter()
        .flatten()
        .map(|i| pair_cost(&a[i..=i], &b[j..=j], model, &WEIGHTS))
        .fold(f64::INFINITY, f64::min)
    } else {
        let i = ra.start;
        [
            rb.start.checked_sub(1),
            (rb.start < b.len()).then_some(rb.start),
        ]
        .into_iter()
        .flatten()
        .map(|j| pair_cost(&a[i..=i], &b[j..=j], model, &WEIGHTS))
        .fold(f64::INFINITY, f64::min)
    };
    if best.is_finite() {
        1.0 - confidence(best)
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockKind;

    fn unit(len: f64, key: Option<&str>, anchors: &[&str]) -> Unit {
        Unit {
            len,
            kind: Some(if key.is_some() {
                BlockKind::Paragraph
            } else {
                BlockKind::Preamble
            }),
            key: key.map(str::to_string),
            anchors: crate::align::units::keys(anchors),
            markers: Vec::new(),
            names: Vec::new(),
        }
    }

    fn shapes(beads: &[PairBead]) -> Vec<(usize, usize)> {
        beads.iter().map(|b| (b.a.len(), b.b.len())).collect()
    }

    fn numbered(lens: &[f64]) -> Vec<Unit> {
        lens.iter()
            .enumerate()
            .map(|(i, &l)| unit(l, Some(&format!("p:{}", i + 1)), &[]))
            .collect()
    }

    #[test]
    fn numbered_paragraphs_align_by_number() {
        let a = numbered(&[120.0, 300.0, 80.0, 210.0]);
        let b: Vec<Unit> = numbered(&[40.0, 100.0, 27.0, 70.0]);
        let beads = align_units(&a, &b);
        assert_eq!(shapes(&beads), vec![(1, 1); 4]);
        assert!(
            beads
                .iter()
                .all(|b| b.method == Method::Number && b.score > 0.9)
        );
    }

    #[test]
    fn a_missing_paragraph_is_left_unpaired() {
        let a = numbered(&[120.0, 300.0, 80.0, 210.0, 160.0, 90.0]);
        let mut b = numbered(&[121.0, 298.0, 211.0, 158.0, 92.0]);
        for (k, u) in b.iter_mut().enumerate().skip(2) {
            u.key = Some(format!("p:{}", k + 2));
        }
        let beads = align_units(&a, &b);
        assert_eq!(
            shapes(&beads),
            vec![(1, 1), (1, 1), (1, 0), (1, 1), (1, 1), (1, 1)]
        );
    }

    #[test]
    fn drifting_numbers_do_not_drag_the_alignment() {
        // The version repeats number 3; from there its numbers are one behind.
        let lens = [120.0, 300.0, 80.0, 410.0, 60.0, 250.0, 140.0];
        let a = numbered(&lens);
        let mut b = numbered(&lens);
        for (k, u) in b.iter_mut().enumerate().skip(3) {
            u.key = Some(format!("p:{k}"));
        }
        let beads = align_units(&a, &b);
        let pairs: Vec<(usize, usize)> = beads.iter().map(|x| (x.a.start, x.b.start)).collect();
        assert_eq!(pairs, (0..7).map(|i| (i, i)).collect::<Vec<_>>());
        assert_eq!(beads[4].method, Method::Dp);
    }

    #[test]
    fn unnumbered_paragraphs_align_by_length_and_evidence() {
        let a = vec![
            unit(100.0, None, &["N:2004"]),
            unit(250.0, None, &[]),
            unit(90.0, None, &["S:A/RES/70/1"]),
        ];
        let b = vec![
            unit(101.0, None, &["N:2004"]),
            unit(120.0, None, &[]),
            unit(131.0, None, &[]),
            unit(88.0, None, &["S:A/RES/70/1"]),
        ];
        assert_eq!(shapes(&align_units(&a, &b)), vec![(1, 1), (1, 2), (1, 1)]);
    }

    #[test]
    fn longest_increasing_keeps_order() {
        assert_eq!(
            longest_increasing(&[(0, 0), (1, 5), (2, 1), (3, 2), (4, 3)]),
            vec![(0, 0), (2, 1), (3, 2), (4, 3)]
        );
    }
}

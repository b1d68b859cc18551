//! Counting and association: how many aligned units hold each candidate (frequency floor,
//! nested candidates that never occur alone dropped), how many hold each pair — counted only
//! for pairs inside one unit, and only where the two counts are close enough for the pair to
//! reach the Dice floor — then log-likelihood and Dice, the maximal pair among nested ones
//! that co-occur (nearly) equally, and each term kept with its best partner.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::candidates::{Token, distinct, length, nested};

/// Pairs whose Dice coefficient is below this are no renderings of each other.
pub(super) const MIN_DICE: f64 = 0.2;

/// A nested pair gives way to the longer one when the longer co-occurs at least this share of
/// the times.
const NESTED_SHARE: f64 = 0.9;

/// The candidates of one side that pass the floors, numbered.
pub(super) struct Selected {
    /// Packed candidate by number.
    pub(super) keys: Vec<u128>,
    /// Units holding each candidate.
    pub(super) counts: Vec<u32>,
    /// Number of each packed candidate.
    index: FxHashMap<u128, u32>,
    /// For each candidate, the longer candidates it is nested in.
    supers: Vec<Vec<u32>>,
}

/// Units holding each candidate of one side.
pub(super) fn count(units: &[Vec<Token>]) -> FxHashMap<u128, u32> {
    units
        .par_iter()
        .fold(FxHashMap::default, |mut counts, tokens| {
            for c in distinct(tokens) {
                *counts.entry(c).or_insert(0) += 1;
            }
            counts
        })
        .reduce(FxHashMap::default, merge_counts)
}

fn merge_counts(mut a: FxHashMap<u128, u32>, b: FxHashMap<u128, u32>) -> FxHashMap<u128, u32> {
    if a.len() < b.len() {
        return merge_counts(b, a);
    }
    for (k, v) in b {
        *a.entry(k).or_insert(0) += v;
    }
    a
}

/// The candidates held by at least `min_count` units, less those nested in a longer candidate
/// held by as many units (they never occur outside it).
pub(super) fn select(counts: &FxHashMap<u128, u32>, min_count: u32) -> Selected {
    let frequent: Vec<(u128, u32)> = counts
        .iter()
        .filter(|&(_, &n)| n >= min_count)
        .map(|(&k, &n)| (k, n))
        .collect();
    let subsumed: FxHashSet<u128> = frequent
        .par_iter()
        .filter(|(key, _)| length(*key) > 1)
        .flat_map_iter(|&(key, n)| {
            nested(key)
                .into_iter()
                .filter(move |inner| counts.get(inner) == Some(&n))
        })
        .collect();
    let mut kept: Vec<(u128, u32)> = frequent
        .into_iter()
        .filter(|(k, _)| !subsumed.contains(k))
        .collect();
    kept.sort_unstable();
    let index: FxHashMap<u128, u32> = kept
        .iter()
        .enumerate()
        .map(|(i, &(k, _))| (k, i as u32))
        .collect();
    let mut supers = vec![Vec::new(); kept.len()];
    for (i, &(key, _)) in kept.iter().enumerate() {
        for inner in nested(key) {
            if let Some(&j) = index.get(&inner) {
                supers[j as usize].push(i as u32);
            }
        }
    }
    Selected {
        keys: kept.iter().map(|&(k, _)| k).collect(),
        counts: kept.iter().map(|&(_, n)| n).collect(),
        index,
        supers,
    }
}

impl Selected {
    /// The selected candidates of one text, by number, sorted by count.
    fn present(&self, tokens: &[Token]) -> Vec<u32> {
        let mut out: Vec<u32> = distinct(tokens)
            .into_iter()
            .filter_map(|c| self.index.get(&c).copied())
            .collect();
        out.sort_unstable_by_key(|&i| self.counts[i as usize]);
        out
    }
}

/// A pair's co-occurrence: units holding both, and the first of them.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cooccurrence {
    /// Units holding both terms.
    pub(super) count: u32,
    /// The first unit holding both (index into the units).
    pub(super) first: u32,
}

/// Pack two candidate numbers into a pair key.
fn pair(s: u32, t: u32) -> u64 {
    (u64::from(s) << 32) | u64::from(t)
}

/// Count, for every unit, the pairs of its source and target candidates whose counts allow a
/// Dice coefficient of [`MIN_DICE`]: the smaller count at least `MIN_DICE / (2 - MIN_DICE)`
/// of the larger.
pub(super) fn cooccurrences(
    source: &[Vec<Token>],
    target: &[Vec<Token>],
    src: &Selected,
    tgt: &Selected,
) -> FxHashMap<u64, Cooccurrence> {
    let ratio = MIN_DICE / (2.0 - MIN_DICE);
    (0..source.len())
        .into_par_iter()
        .fold(FxHashMap::default, |mut pairs, u| {
            let s_present = src.present(&source[u]);
            let t_present = tgt.present(&target[u]);
            let t_counts: Vec<u32> = t_present.iter().map(|&t| tgt.counts[t as usize]).collect();
            for &s in &s_present {
                let cs = f64::from(src.counts[s as usize]);
                let low = t_counts.partition_point(|&ct| f64::from(ct) < cs * ratio);
                let high = t_counts.partition_point(|&ct| f64::from(ct) <= cs / ratio);
                for &t in &t_present[low..high] {
                    pairs
                        .entry(pair(s, t))
                        .and_modify(|c: &mut Cooccurrence| c.count += 1)
                        .or_insert(Cooccurrence {
                            count: 1,
                            first: u as u32,
                        });
                }
            }
            pairs
        })
        .reduce(FxHashMap::default, merge_pairs)
}

fn merge_pairs(
    mut a: FxHashMap<u64, Cooccurrence>,
    b: FxHashMap<u64, Cooccurrence>,
) -> FxHashMap<u64, Cooccurrence> {
    if a.len() < b.len() {
        return merge_pairs(b, a);
    }
    for (k, v) in b {
        a.entry(k)
            .and_modify(|c| {
                c.count += v.count;
                c.first = c.first.min(v.first);
            })
            .or_insert(v);
    }
    a
}

/// Log-likelihood ratio (G²) of a 2×2 table: `both` units hold the two terms, `a` and `b` the
/// first and the second, out of `n`.
pub(super) fn log_likelihood(both: f64, a: f64, b: f64, n: f64) -> f64 {
    let cells = [
        (both, a * b / n),
        (a - both, a * (n - b) / n),
        (b - both, (n - a) * b / n),
        (n - a - b + both, (n - a) * (n - b) / n),
    ];
    2.0 * cells
        .iter()
        .filter(|(o, e)| *o > 0.0 && *e > 0.0)
        .map(|(o, e)| o * (o / e).ln())
        .sum::<f64>()
}

/// A scored pair of candidate numbers.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scored {
    /// Source candidate number.
    pub(super) source: u32,
    /// Target candidate number.
    pub(super) target: u32,
    /// Units holding both.
    pub(super) count: u32,
    /// First unit holding both.
    pub(super) first: u32,
    /// The ranking score: log-likelihood weighted by Dice.
    pub(super) score: f64,
}

/// Score the pairs held by at least `min_count` units, drop those below the Dice floor and the
/// nested ones a longer pair accounts for, keep each term with its best partner, best first.
pub(super) fn rank(
    pairs: &FxHashMap<u64, Cooccurrence>,
    src: &Selected,
    tgt: &Selected,
    units: usize,
    min_count: u32,
) -> Vec<Scored> {
    let n = units as f64;
    let scored: Vec<Scored> = pairs
        .par_iter()
        .filter(|(_, c)| c.count >= min_count)
        .filter_map(|(&key, c)| {
            let (s, t) = ((key >> 32) as u32, key as u32);
            let (cs, ct) = (
                f64::from(src.counts[s as usize]),
                f64::from(tgt.counts[t as usize]),
            );
            let both = f64::from(c.count);
            let dice = 2.0 * both / (cs + ct);
            (dice >= MIN_DICE).then(|| Scored {
                source: s,
                target: t,
                count: c.count,
                first: c.first,
                score: log_likelihood(both, cs, ct, n) * dice,
            })
        })
        .filter(|p| !accounted_for(p, pairs, src, tgt))
        .collect();
    best_partners(scored)
}

/// Whether a longer pair (a longer source or target term holding this one) co-occurs nearly
/// as often: then the pair is part of that one.
fn accounted_for(
    p: &Scored,
    pairs: &FxHashMap<u64, Cooccurrence>,
    src: &Selected,
    tgt: &Selected,
) -> bool {
    let enough = |other: Option<&Cooccurrence>| {
        other.is_some_and(|o| f64::from(o.count) >= NESTED_SHARE * f64::from(p.count))
    };
    src.supers[p.source as usize]
        .iter()
        .any(|&s| enough(pairs.get(&pair(s, p.target))))
        || tgt.supers[p.target as usize]
            .iter()
            .any(|&t| enough(pairs.get(&pair(p.source, t))))
}

/// Keep a pair when it is the best-scored of its source term or of its target term, and not
/// far behind the best of the other; best first.
fn best_partners(mut scored: Vec<Scored>) -> Vec<Scored> {
    scored.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.source.cmp(&b.source))
            .then(a.target.cmp(&b.target))
    });
    let mut best_of_source: FxHashMap<u32, f64> = FxHashMap::default();
    let mut best_of_target: FxHashMap<u32, f64> = FxHashMap::default();
    for p in &scored {
        best_of_source.entry(p.source).or_insert(p.score);
        best_of_target.entry(p.target).or_insert(p.score);
    }
    scored
        .into_iter()
        .filter(|p| {
            let s_best = best_of_source[&p.source];
            let t_best = best_of_target[&p.target];
            (p.score >= s_best && p.score >= 0.5 * t_best)
                || (p.score >= t_best && p.score >= 0.5 * s_best)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_likelihood_grows_with_association() {
        let independent = log_likelihood(10.0, 100.0, 100.0, 1000.0);
        let associated = log_likelihood(90.0, 100.0, 100.0, 1000.0);
        assert!(independent.abs() < 1e-9, "{independent}");
        assert!(associated > 300.0, "{associated}");
    }
}

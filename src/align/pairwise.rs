//! Alignment of one version's units to the pivot's: label keys that agree on both sides are
//! anchor candidates, verified by content before they become hard anchors; the
//! dynamic-programming core aligns everything with 1-1, 1-0, 0-1, 1-2, 2-1 and 2-2 beads under a
//! length model estimated from the anchors.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Serialize;

use crate::align::dp::{self, Band, Shape, longest_increasing_by};
use crate::align::links::Links;
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
    /// A paragraph a version moved: the row where the pivot has it (missing in that version)
    /// and the row where the version put it (extra there).
    Moved,
}

impl Method {
    /// Lower-case name as written in CSV and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Number => "number",
            Method::Label => "label",
            Method::Footnote => "footnote",
            Method::Dp => "dp",
            Method::Moved => "moved",
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

/// Cost (in nats) of a bead that joins what most other versions keep apart: two pivot units
/// they align separately, or one pivot unit split in two where they have one unit. Enough to
/// make a short unit left out (or added) show as missing (or extra) rather than be absorbed
/// into its neighbour's bead; not enough to undo a merge the lengths clearly support.
const CONSENSUS: f64 = 3.0;

/// What the other versions agree on about the pivot's units, for one version's second pass.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Contested {
    /// Boundaries `k` (between pivot units `k - 1` and `k`) most other versions keep.
    pub boundaries: HashSet<usize>,
    /// Pivot units most other versions align to exactly one unit.
    pub whole: HashSet<usize>,
    /// Label keys are identities (footnote markers): every unique key matching in order is an
    /// anchor, whatever the content says.
    pub labels_hold: bool,
}

impl Contested {
    /// Extra cost of a bead joining pivot units `ra` to units `rb`.
    fn penalty(&self, ra: &Range<usize>, rb: &Range<usize>) -> f64 {
        if ra.is_empty() || rb.is_empty() {
            return 0.0;
        }
        let crossed = (ra.start + 1..ra.end)
            .filter(|k| self.boundaries.contains(k))
            .count();
        let split = ra.len() == 1 && rb.len() > 1 && self.whole.contains(&ra.start);
        CONSENSUS * (crossed + usize::from(split)) as f64
    }

    /// For each version (`None` for the pivot), the structure most of the other versions (at
    /// least two) agree on: the pivot boundaries they keep, the pivot units they keep whole.
    pub(crate) fn find(beads: &[Option<Vec<PairBead>>]) -> Vec<Option<Contested>> {
        /// One version's structure: the pivot boundaries it keeps, the pivot units it keeps
        /// whole.
        struct Shape {
            /// Boundaries between pivot units the version keeps.
            kept: HashSet<usize>,
            /// Pivot units the version aligns to exactly one unit.
            whole: HashSet<usize>,
        }
        let shapes: Vec<Option<Shape>> = beads
            .iter()
            .map(|list| {
                let list = list.as_ref()?;
                let n = list.iter().map(|b| b.a.end).max().unwrap_or(0);
                let mut covered = vec![false; n];
                let mut crossed = HashSet::new();
                let mut whole = HashSet::new();
                for b in list.iter().filter(|b| !b.b.is_empty()) {
                    covered[b.a.clone()].iter_mut().for_each(|c| *c = true);
                    crossed.extend(b.a.start + 1..b.a.end);
                    if b.a.len() == 1 && b.b.len() == 1 {
                        whole.insert(b.a.start);
                    }
                }
                let kept = (1..n)
                    .filter(|&k| covered[k - 1] && covered[k] && !crossed.contains(&k))
                    .collect();
                Some(Shape { kept, whole })
            })
            .collect();
        (0..beads.len())
            .map(|v| {
                shapes[v].as_ref()?;
                let others: Vec<&Shape> = shapes
                    .iter()
                    .enumerate()
                    .filter(|&(w, _)| w != v)
                    .filter_map(|(_, s)| s.as_ref())
                    .collect();
                if others.len() < 2 {
                    return None;
                }
                let mut count: HashMap<usize, usize> = HashMap::new();
                let mut agreed = |sets: &mut dyn Iterator<Item = &HashSet<usize>>| {
                    count.clear();
                    for set in sets {
                        for &k in set {
                            *count.entry(k).or_default() += 1;
                        }
                    }
                    count
                        .iter()
                        .filter(|&(_, &n)| n >= 2 && 2 * n > others.len())
                        .map(|(&k, _)| k)
                        .collect::<HashSet<usize>>()
                };
                let boundaries = agreed(&mut others.iter().map(|o| &o.kept));
                let whole = agreed(&mut others.iter().map(|o| &o.whole));
                Some(Contested {
                    boundaries,
                    whole,
                    labels_hold: false,
                })
            })
            .collect()
    }
}

/// Align units `b` of a version to the pivot's units `a`.
#[cfg(test)]
pub(crate) fn align_units(a: &[Unit], b: &[Unit]) -> Vec<PairBead> {
    align_units_with(a, b, &Contested::default())
}

/// Align units `b` of a version to the pivot's units `a`, with beads the other versions
/// contradict made dearer.
///
/// Label keys that agree are candidate anchors. A first pass aligns by content alone (lengths,
/// numbers, dates, symbols, markers, names) in a corridor around the candidates; a candidate is
/// verified when that pass pairs the same two units, or when it sits between two verified
/// anchors (a paragraph whose text changed but whose neighbours agree). The second pass aligns
/// by content again, with the verified anchors held as hard anchors, in a corridor around them:
/// labels that content contradicts (numbering drift) carry no weight.
pub(crate) fn align_units_with(a: &[Unit], b: &[Unit], contested: &Contested) -> Vec<PairBead> {
    let total = |u: &[Unit]| u.iter().map(|x| x.len).sum::<f64>();
    let lengths = |pairs: &[(usize, usize)]| -> Vec<(f64, f64)> {
        pairs.iter().map(|&(i, j)| (a[i].len, b[j].len)).collect()
    };
    let (candidates, moved) = anchor_candidates(a, b);
    let content_pass = |model: LengthModel| {
        search(
            a.len(),
            b.len(),
            &candidates,
            content_cost(a, b, contested, model, None),
        )
    };
    // Label anchors give the first length model only when they hold a fair share of the text:
    // short headings (`Article 23`) translate at another ratio than the paragraphs under them.
    let labelled: f64 = candidates.iter().map(|&(i, _)| a[i].len).sum();
    let sample = if 3.0 * labelled >= total(a) {
        lengths(&candidates)
    } else {
        Vec::new()
    };
    let mut model = LengthModel::estimate(&sample, total(a), total(b));
    let mut by_content = content_pass(model);
    // Then the units the content pass paired one to one: unlike the ratio of the totals, their
    // ratio does not count a unit one version lacks (a paragraph left out of a short document
    // shifts the totals by a fifth), and unlike the headings they are the text itself. The same
    // pairs teach the translation links of the second pass.
    let paired: Vec<(f64, f64)> = by_content
        .iter()
        .filter(|x| x.a.len() == 1 && x.b.len() == 1)
        .map(|x| (a[x.a.start].len, b[x.b.start].len))
        .collect();
    let links = Links::learn(a, b, &by_content).filter(|l| !l.is_weak());
    let mut rerun = links.is_some();
    if let Some(m) = LengthModel::from_paired(&paired, a.len().min(b.len())) {
        // A model within a few per cent of the first one aligns the same: keep that pass.
        let close = |x: f64, y: f64| (x - y).abs() <= 0.03 * x.abs().max(y.abs());
        if !(close(m.ratio, model.ratio) && close(m.variance, model.variance)) {
            model = m;
            rerun = true;
        }
    }
    if rerun {
        by_content = match &links {
            // The links correct the first pass where it went astray: near its path.
            Some(l) => refine(
                a.len(),
                b.len(),
                &by_content,
                content_cost(a, b, contested, model, Some(l)),
            ),
            None => content_pass(model),
        };
    }
    let anchors = if contested.labels_hold {
        candidates.clone()
    } else {
        verify(a, b, (&candidates, &moved), &by_content, model)
    };
    let hard: HashSet<(usize, usize)> = anchors.iter().copied().collect();
    let on_content_path: HashSet<(usize, usize)> = by_content
        .iter()
        .filter(|x| x.a.len() == 1 && x.b.len() == 1)
        .map(|x| (x.a.start, x.b.start))
        .collect();
    // When every anchor is on the content pass's path and the corridor is the same, the pass
    // with hard anchors finds that very path (the anchors only lower its cost): reuse it.
    let beads = if anchors == candidates && hard.iter().all(|p| on_content_path.contains(p)) {
        by_content
            .into_iter()
            .map(|mut x| {
                if x.a.len() == 1 && x.b.len() == 1 && hard.contains(&(x.a.start, x.b.start)) {
                    x.cost -= HARD_ANCHOR;
                }
                x
            })
            .collect()
    } else {
        search(a.len(), b.len(), &anchors, |ra, rb| {
            if ra.is_empty() || rb.is_empty() {
                return -lone(links.as_ref(), ra, rb);
            }
            let anchored = ra.len() == 1 && rb.len() == 1 && hard.contains(&(ra.start, rb.start));
            contested.penalty(&ra, &rb) + pair_cost(&a[ra.clone()], &b[rb.clone()], model, &WEIGHTS)
                - lexical(links.as_ref(), ra, rb)
                - if anchored { HARD_ANCHOR } else { 0.0 }
        })
    };
    let mut cost = content_cost(a, b, contested, model, links.as_ref());
    let beads = moves_undone(beads, &hard, &mut cost);
    let beads = moves_marked(beads, &mut cost);
    let beads = beads
        .into_iter()
        .map(|(bead, moved)| {
            let method = if moved {
                Method::Moved
            } else {
                method_of(a, b, &bead.a, &bead.b)
            };
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
        .collect();
    extras_first(beads)
}

/// Cost (in nats) of taking a run of one-to-one beads for a paragraph moved across it: about
/// the prior of one unit left out, since a move is the rarer edit.
const MOVE_PRIOR: f64 = 4.5;

/// The beads with each paragraph moved two or three places undone into a 1-0 and a 0-1 bead,
/// which the checks report as the paragraph missing at one place and extra at the other; each
/// bead with whether it is one of those two.
///
/// A paragraph a version moves by two or three places turns a run of three or four units into
/// a rotation, which the search, having no move, pairs one to one with the neighbours shifted
/// (or two of them as a 2-2 bead): each pair then holds two unrelated paragraphs of plausible
/// lengths. Where pairing the run's units shifted by one, with the moved unit and its
/// counterpart paired across the run at [`MOVE_PRIOR`], costs less than the run's beads, the
/// run is a move. Anchored pairs are left alone.
fn moves_undone<F>(
    beads: Vec<dp::Bead>,
    hard: &HashSet<(usize, usize)>,
    mut cost: F,
) -> Vec<(dp::Bead, bool)>
where
    F: FnMut(Range<usize>, Range<usize>) -> f64,
{
    // One-to-one beads not anchored, and 2-2 beads (a swap of two neighbours the search took
    // for two paragraphs split differently).
    let square = |x: &dp::Bead| match (x.a.len(), x.b.len()) {
        (1, 1) => !hard.contains(&(x.a.start, x.b.start)),
        (2, 2) => true,
        _ => false,
    };
    let mut out: Vec<(dp::Bead, bool)> = Vec::with_capacity(beads.len());
    let mut k = 0;
    while k < beads.len() {
        let found = [4usize, 3].into_iter().find_map(|w| {
            let (mut units, mut end) = (0, k);
            while end < beads.len() && units < w && square(&beads[end]) {
                units += beads[end].a.len();
                end += 1;
            }
            if units != w {
                return None;
            }
            let (i, j) = (beads[k].a.start, beads[k].b.start);
            let in_order: f64 = beads[k..end].iter().map(|x| x.cost).sum();
            // Down: the pivot's first unit is the version's last; up: the pivot's last is the
            // version's first.
            let down = cost(i..i + 1, j + w - 1..j + w)
                + (1..w)
                    .map(|t| cost(i + t..i + t + 1, j + t - 1..j + t))
                    .sum::<f64>();
            let up = cost(i + w - 1..i + w, j..j + 1)
                + (1..w)
                    .map(|t| cost(i + t - 1..i + t, j + t..j + t + 1))
                    .sum::<f64>();
            let best = down.min(up) + MOVE_PRIOR;
            (best < in_order).then_some((w, down <= up, end))
        });
        let Some((w, down, end)) = found else {
            out.push((beads[k].clone(), false));
            k += 1;
            continue;
        };
        let (i, j) = (beads[k].a.start, beads[k].b.start);
        let lone = |a: Range<usize>, b: Range<usize>| {
            let bead = dp::Bead {
                a,
                b,
                cost: MOVE_PRIOR,
            };
            (bead, true)
        };
        let mut pair = |a: usize, b: usize| {
            let bead = dp::Bead {
                a: a..a + 1,
                b: b..b + 1,
                cost: cost(a..a + 1, b..b + 1),
            };
            (bead, false)
        };
        if down {
            out.push(lone(i..i + 1, j..j));
            out.extend((1..w).map(|t| pair(i + t, j + t - 1)));
            out.push(lone(i + w..i + w, j + w - 1..j + w));
        } else {
            out.push(lone(i..i, j..j + 1));
            out.extend((1..w).map(|t| pair(i + t - 1, j + t)));
            out.push(lone(i + w - 1..i + w, j + w..j + w));
        }
        k = end;
    }
    out
}

/// Farthest apart (in beads, and in the rows the checks read) a unit left out and a unit added
/// are taken for one paragraph moved.
pub(crate) const MOVE_REACH: usize = 6;

/// The beads with each pair of a pivot unit left out and a version's unit added near it that fit
/// each other (their pairing costs less than nothing: the evidence agrees) marked as a move,
/// where the search placed both by itself; nearest pairs first.
fn moves_marked<F>(mut beads: Vec<(dp::Bead, bool)>, mut cost: F) -> Vec<(dp::Bead, bool)>
where
    F: FnMut(Range<usize>, Range<usize>) -> f64,
{
    let left_out = |x: &dp::Bead| x.a.len() == 1 && x.b.is_empty();
    let added = |x: &dp::Bead| x.a.is_empty() && x.b.len() == 1;
    for k in 0..beads.len() {
        if beads[k].1 || !left_out(&beads[k].0) {
            continue;
        }
        let ra = beads[k].0.a.clone();
        let fitting = (k.saturating_sub(MOVE_REACH)..(k + MOVE_REACH + 1).min(beads.len()))
            .filter(|&m| !beads[m].1 && added(&beads[m].0))
            .filter(|&m| cost(ra.clone(), beads[m].0.b.clone()) < 0.0)
            .min_by_key(|&m| m.abs_diff(k));
        if let Some(m) = fitting {
            beads[k].1 = true;
            beads[m].1 = true;
        }
    }
    beads
}

/// The beads with, in each run of units left without counterpart, the version's units (0-1)
/// before the pivot's (1-0). Where a version lacks one pivot unit and adds another beside it,
/// either order is as cheap: this is the order of one version on its own; with several, the
/// alignment then orders each run by where the others add theirs (`align::lone_runs_together`).
fn extras_first(beads: Vec<PairBead>) -> Vec<PairBead> {
    order_lone_runs(beads, |_| 0)
}

/// The beads with each run of lone units reordered: of the run's pivot units left out, as many
/// come before the version's added units as puts the additions where `added_at` (the number of
/// other versions adding a unit at that pivot position) is highest, none on a tie.
pub(crate) fn order_lone_runs(
    beads: Vec<PairBead>,
    added_at: impl Fn(usize) -> usize,
) -> Vec<PairBead> {
    let mut out: Vec<PairBead> = Vec::with_capacity(beads.len());
    let mut run: Vec<PairBead> = Vec::new();
    let flush = |run: &mut Vec<PairBead>, out: &mut Vec<PairBead>| {
        let Some(first) = run.first() else { return };
        let (a0, b0) = (first.a.start, first.b.start);
        let (added, left_out): (Vec<PairBead>, Vec<PairBead>) =
            run.drain(..).partition(|x| x.a.is_empty());
        let before = if added.is_empty() {
            0
        } else {
            (0..=left_out.len())
                .max_by_key(|&t| (added_at(a0 + t), std::cmp::Reverse(t)))
                .unwrap_or(0)
        };
        let mut left_out = left_out.into_iter();
        let mut i = a0;
        for x in left_out.by_ref().take(before) {
            out.push(PairBead {
                a: i..i + 1,
                b: b0..b0,
                ..x
            });
            i += 1;
        }
        let mut j = b0;
        for x in added {
            out.push(PairBead {
                a: i..i,
                b: j..j + 1,
                ..x
            });
            j += 1;
        }
        for x in left_out {
            out.push(PairBead {
                a: i..i + 1,
                b: j..j,
                ..x
            });
            i += 1;
        }
    };
    for bead in beads {
        if bead.a.is_empty() != bead.b.is_empty() && bead.a.len() + bead.b.len() == 1 {
            run.push(bead);
        } else {
            flush(&mut run, &mut out);
            out.push(bead);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Reward (in nats) for a bead whose words the learnt links connect throughout: about the
/// prior of a paragraph left out, so that a pair the links confirm is not given up for a 1-0
/// and 0-1 bead, nor joined to a neighbour whose words the links do not find.
const LEXICAL: f64 = 5.0;

/// Cost (in nats) of each unit of a bead the links speak against (see [`Links::agreement`]):
/// two unrelated paragraphs paired cost more than leaving both out, though their lengths
/// agree, and a merge with an unrelated neighbour costs more than that neighbour left out.
const UNRELATED: f64 = 3.0;

/// The reward of the learnt links for pairing units `ra` with `rb`, less the cost of the units
/// they speak against (0 without links).
fn lexical(links: Option<&Links>, ra: Range<usize>, rb: Range<usize>) -> f64 {
    links.map_or(0.0, |l| {
        let (share, against) = l.agreement(ra, rb);
        LEXICAL * share - UNRELATED * against
    })
}

/// Discount (in nats) on leaving out a unit whose links neither neighbour across the gap
/// holds: with a unit of the other version left out beside it, cheaper than pairing the two.
const ALONE: f64 = 1.0;

/// The discount of the learnt links on leaving a unit without counterpart (0 without links).
fn lone(links: Option<&Links>, ra: Range<usize>, rb: Range<usize>) -> f64 {
    links.map_or(0.0, |l| ALONE * l.alone(ra, rb))
}

/// The bead shapes of paragraph alignment. Gale and Church's priors come from sentences, which
/// translators join and split freely; the paragraphs of UN versions follow the original one for
/// one, and two joined into one are as rare as one left out (a conversion artefact more often
/// than a translation choice), so merges cost more than in sentence alignment.
const PARAGRAPH_SHAPES: [Shape; 6] = [
    Shape::new(1, 1, 0.0),
    Shape::new(1, 0, 4.5),
    Shape::new(0, 1, 4.5),
    Shape::new(2, 1, MERGE_PRIOR),
    Shape::new(1, 2, MERGE_PRIOR),
    Shape::new(2, 2, 4.5),
];

/// Prior cost of a 2-1 or 1-2 bead of paragraphs.
const MERGE_PRIOR: f64 = 3.5;

/// Confidence given to a pair made across the order by equal label keys.
const KEY_PAIR_SCORE: f64 = 0.9;

/// Each label key that occurs exactly once among `units`, with the index of its unit.
fn unique_keys(units: &[Unit]) -> HashMap<&str, usize> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for k in units.iter().filter_map(|u| u.key.as_deref()) {
        *count.entry(k).or_default() += 1;
    }
    units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| {
            let k = u.key.as_deref()?;
            (count[k] == 1).then_some((k, i))
        })
        .collect()
}

/// Pair units left without counterpart on both sides whose label keys are equal and unique on
/// both sides, across the order: a footnote body printed out of sequence is still that
/// footnote (the checks report the order). Other beads are kept as they are.
pub(crate) fn pair_by_key(beads: Vec<PairBead>, a: &[Unit], b: &[Unit]) -> Vec<PairBead> {
    let (ka, kb) = (unique_keys(a), unique_keys(b));
    let lone_b: HashMap<&str, usize> = beads
        .iter()
        .filter(|x| x.a.is_empty() && x.b.len() == 1)
        .filter_map(|x| {
            let k = b[x.b.start].key.as_deref()?;
            (kb.get(k) == Some(&x.b.start)).then_some((k, x.b.start))
        })
        .collect();
    let mut paired_b: HashSet<usize> = HashSet::new();
    let mut out: Vec<PairBead> = Vec::with_capacity(beads.len());
    for x in &beads {
        if x.b.is_empty() && x.a.len() == 1 {
            let i = x.a.start;
            let partner = a[i]
                .key
                .as_deref()
                .filter(|k| ka.get(k) == Some(&i))
                .and_then(|k| lone_b.get(k));
            if let Some(&j) = partner {
                paired_b.insert(j);
                out.push(PairBead {
                    a: i..i + 1,
                    b: j..j + 1,
                    method: method_of(a, b, &(i..i + 1), &(j..j + 1)),
                    score: KEY_PAIR_SCORE,
                });
                continue;
            }
        }
        out.push(x.clone());
    }
    out.retain(|x| !(x.a.is_empty() && x.b.len() == 1 && paired_b.contains(&x.b.start)));
    out
}

/// How much content cost (in nats) label agreement may outweigh within a segment: labels break
/// near-ties of content (which of two similar paragraphs is missing) but cannot override a clear
/// content signal (numbering that drifts from a repeated number on).
const LABEL_MARGIN: f64 = 4.0;

/// Verify anchor candidates. A candidate is confirmed when the content-only alignment pairs the
/// same two units. Between two confirmed anchors (or the sequence ends), the other candidates
/// are accepted together when the segment has as many units on both sides and they lie on its
/// diagonal, or when forcing them costs little more content than the content-only alignment.
/// Units whose labels match out of order (`moved`) are left out by any alignment that follows
/// the labels; forcing is not charged for leaving them out.
fn verify(
    a: &[Unit],
    b: &[Unit],
    (candidates, moved): (&[Pair], &[Pair]),
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
        let explained = moved
            .iter()
            .filter(|&&(i, _)| (i0..i1).contains(&i))
            .count()
            + moved
                .iter()
                .filter(|&&(_, j)| (j0..j1).contains(&j))
                .count();
        let forcing = forcing_cost(a, b, (i0..i1, j0..j1), &inside, model)
            - PARAGRAPH_SHAPES[1].prior * explained as f64;
        if diagonal || forcing <= LABEL_MARGIN {
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
    let run = |hard: bool| -> f64 {
        let cost = |x: Range<usize>, y: Range<usize>| {
            if x.is_empty() || y.is_empty() {
                return 0.0;
            }
            let forced = x.len() == 1 && y.len() == 1 && local.contains(&(x.start, y.start));
            pair_cost(&sa[x], &sb[y], model, &WEIGHTS)
                - if hard && forced { HARD_ANCHOR } else { 0.0 }
        };
        let (n, m) = (sa.len(), sb.len());
        let beads = if n * m <= 40_000 {
            dp::align(n, m, &PARAGRAPH_SHAPES, &Band::full(n, m), cost)
        } else {
            search(n, m, &[], cost)
        };
        beads.iter().map(|bead| bead.cost).sum()
    };
    let with = run(true) + HARD_ANCHOR * forced.len() as f64;
    with - run(false)
}

/// A unit of the pivot and a unit of the version, by index.
type Pair = (usize, usize);

/// Pairs of units whose label keys are equal and unique on both sides, kept in increasing order
/// (the longest increasing subsequence of the matches), and the matches left out of that order
/// (a numbered paragraph moved elsewhere).
fn anchor_candidates(a: &[Unit], b: &[Unit]) -> (Vec<Pair>, Vec<Pair>) {
    let in_b = unique_keys(b);
    let mut pairs: Vec<(usize, usize)> = unique_keys(a)
        .into_iter()
        .filter_map(|(k, i)| Some((i, *in_b.get(&k)?)))
        .collect();
    pairs.sort_unstable();
    let run: Vec<(usize, usize)> = longest_increasing_by(&pairs, |p| p.1)
        .into_iter()
        .map(|k| pairs[k])
        .collect();
    let run = without_spikes(run);
    let kept: HashSet<(usize, usize)> = run.iter().copied().collect();
    let moved = pairs.into_iter().filter(|p| !kept.contains(p)).collect();
    (run, moved)
}

/// Least jump (in units) of the offset between a candidate's two sides, away from both its
/// neighbours' offsets, that makes it a spike.
const SPIKE: usize = 32;

/// The candidates in order less the spikes: a candidate whose offset between its pivot and
/// version indices jumps away from both neighbours' offsets by more than [`SPIKE`] units, in the
/// same direction, while the neighbours agree with each other far better. Two short labels
/// that happen to be equal and unique (a `(g)` in unnumbered text) pair paragraphs hundreds
/// apart; held as a knot of the search corridor, such a pair would make the corridor hundreds
/// of units wide, and no alignment goes through it anyway.
fn without_spikes(run: Vec<Pair>) -> Vec<Pair> {
    let offset = |p: &Pair| p.1 as i64 - p.0 as i64;
    let limit = SPIKE as i64;
    let spike = |k: usize| {
        let (before, here, after) = (offset(&run[k - 1]), offset(&run[k]), offset(&run[k + 1]));
        let (up, down) = (here - before, here - after);
        up.signum() == down.signum()
            && up.abs().min(down.abs()) > limit
            && 2 * (after - before).abs() < up.abs().min(down.abs())
    };
    let spikes: HashSet<usize> = (1..run.len().saturating_sub(1))
        .filter(|&k| spike(k))
        .collect();
    run.into_iter()
        .enumerate()
        .filter(|(k, _)| !spikes.contains(k))
        .map(|(_, p)| p)
        .collect()
}

/// The search corridor: around the path through the verified anchors, on each stretch between
/// two anchors wide enough for the difference in unit counts there, but no wider than `cap`.
fn corridor(n: usize, m: usize, anchors: &[(usize, usize)], cap: usize) -> Band {
    Band::around_path_by(n, m, anchors, |(i0, j0), (i1, j1)| {
        (CORRIDOR_MARGIN + (i1.saturating_sub(i0)).abs_diff(j1.saturating_sub(j0))).min(cap)
    })
}

/// Half-width of the search corridor beyond the difference in unit counts between two anchors.
const CORRIDOR_MARGIN: usize = 4;

/// Most cells the full corridor may hold to be searched up to its full width (4 MB of
/// back-pointers). Real documents stay below: 2,000 paragraphs against 1,500 with no anchor
/// between them make 1.7 million. Above it the corridor is capped at the widest of
/// [`CAPPED_WIDTHS`], so that time and memory grow with the number of units rather than with
/// their product.
const CELL_BUDGET: usize = 4_000_000;

/// Half-width of a narrowed corridor at first, and the widest a corridor over
/// [`CELL_BUDGET`] is let grow to.
const CAPPED_WIDTHS: (usize, usize) = (16, 32);

/// The widest half-width of the full corridor: the margin plus the largest difference in unit
/// counts between two consecutive anchors.
fn corridor_width(n: usize, m: usize, anchors: &[(usize, usize)]) -> usize {
    let mut knots = vec![(0, 0)];
    knots.extend(anchors.iter().copied().filter(|&(i, j)| i <= n && j <= m));
    knots.push((n, m));
    knots
        .windows(2)
        .map(|w| {
            let (di, dj) = (w[1].0.saturating_sub(w[0].0), w[1].1.saturating_sub(w[0].1));
            CORRIDOR_MARGIN + di.abs_diff(dj)
        })
        .max()
        .unwrap_or(CORRIDOR_MARGIN)
}

/// The cheapest path of paragraph beads from (0, 0) to (n, m) through `anchors`, under `cost`.
///
/// The corridor of [`corridor`] is searched as it is when it holds no more than twice the
/// cells of a corridor of the first of [`CAPPED_WIDTHS`]. A larger one (two long versions
/// whose unit counts differ by a hundred) is narrowed to that width around the anchors; while
/// the path found grazes the corridor's edge, the search is run again in a corridor twice as
/// wide around that path, up to the full corridor's width (or, over [`CELL_BUDGET`], the
/// widest of [`CAPPED_WIDTHS`]). A path that keeps clear of the edge is the one the full
/// corridor gives, found in a fraction of the cells: the work is a few times `n` times the
/// width the path needs.
fn search<F>(n: usize, m: usize, anchors: &[(usize, usize)], mut cost: F) -> Vec<dp::Bead>
where
    F: FnMut(Range<usize>, Range<usize>) -> f64,
{
    let full = corridor(n, m, anchors, usize::MAX);
    let (mut width, capped) = CAPPED_WIDTHS;
    let mut band = corridor(n, m, anchors, width);
    if full.cells() <= 2 * band.cells() {
        return dp::align(n, m, &PARAGRAPH_SHAPES, &full, cost);
    }
    let widest = if full.cells() <= CELL_BUDGET {
        corridor_width(n, m, anchors)
    } else {
        capped
    };
    drop(full);
    loop {
        let beads = dp::align(n, m, &PARAGRAPH_SHAPES, &band, &mut cost);
        if width >= widest || !band.grazed_by(&beads) {
            return beads;
        }
        width *= 2;
        let path: Vec<(usize, usize)> = beads.iter().map(|x| (x.a.end, x.b.end)).collect();
        band = Band::around_path(n, m, &path, width);
    }
}

/// The content cost of the content passes: pairing cost, consensus penalty and the learnt
/// links' reward; a unit left without counterpart costs nothing (but the shape's prior) unless
/// the links say it is alone.
fn content_cost<'x>(
    a: &'x [Unit],
    b: &'x [Unit],
    contested: &'x Contested,
    model: LengthModel,
    links: Option<&'x Links>,
) -> impl FnMut(Range<usize>, Range<usize>) -> f64 + 'x {
    move |ra, rb| {
        if ra.is_empty() || rb.is_empty() {
            -lone(links, ra, rb)
        } else {
            contested.penalty(&ra, &rb) + pair_cost(&a[ra.clone()], &b[rb.clone()], model, &WEIGHTS)
                - lexical(links, ra, rb)
        }
    }
}

/// Half-width of the corridor around a first pass's path that the pass with learnt links
/// searches at first, and the widest it is let grow to.
const REFINE_WIDTHS: (usize, usize) = (8, 64);

/// The cheapest path of paragraph beads under `cost` near the path of `previous`: in a
/// corridor around it, widened while the path found grazes its edge.
fn refine<F>(n: usize, m: usize, previous: &[dp::Bead], mut cost: F) -> Vec<dp::Bead>
where
    F: FnMut(Range<usize>, Range<usize>) -> f64,
{
    let (mut width, widest) = REFINE_WIDTHS;
    let mut path: Vec<(usize, usize)> = previous.iter().map(|x| (x.a.end, x.b.end)).collect();
    loop {
        let band = Band::around_path(n, m, &path, width);
        let beads = dp::align(n, m, &PARAGRAPH_SHAPES, &band, &mut cost);
        if width >= widest || !band.grazed_by(&beads) {
            return beads;
        }
        width *= 2;
        path = beads.iter().map(|x| (x.a.end, x.b.end)).collect();
    }
}

/// The prior of a bead's shape among the paragraph shapes.
fn shape_prior(bead: &dp::Bead) -> f64 {
    PARAGRAPH_SHAPES
        .iter()
        .find(|s| s.a == bead.a.len() && s.b == bead.b.len())
        .map_or(0.0, |s| s.prior)
}

/// How a bead was aligned: by number, label or footnote marker when a 1-1 bead joins equal
/// keys, else by the DP.
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

    /// `n` beads pairing unit i with unit i, as the DP finds them.
    fn one_to_one_beads(n: usize) -> Vec<PairBead> {
        (0..n)
            .map(|i| PairBead {
                a: i..i + 1,
                b: i..i + 1,
                method: Method::Dp,
                score: 0.9,
            })
            .collect()
    }

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
            cognates: Default::default(),
            words: Vec::new(),
            ending: crate::align::units::Ending::Open,
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

    /// Whether `beads` cover `0..n` and `0..m` in order, each unit once.
    fn covers(beads: &[dp::Bead], n: usize, m: usize) -> bool {
        let (mut i, mut j) = (0, 0);
        for x in beads {
            if x.a.start != i || x.b.start != j {
                return false;
            }
            (i, j) = (x.a.end, x.b.end);
        }
        (i, j) == (n, m)
    }

    #[test]
    fn fifty_thousand_paragraphs_against_fewer_are_all_aligned_in_a_capped_corridor() {
        let (n, m) = (50_000, 44_000);
        assert!(corridor(n, m, &[], usize::MAX).cells() > CELL_BUDGET);
        let len = |k: usize| 3.0 + (k * 7919 % 11) as f64;
        let beads = search(n, m, &[], |ra, rb| {
            if ra.is_empty() || rb.is_empty() {
                return 0.0;
            }
            let la: f64 = ra.map(len).sum();
            let lb: f64 = rb.map(len).sum();
            dp::length_cost(la, lb, 1.0, 6.8)
        });
        assert!(covers(&beads, n, m));
        assert!(beads.iter().all(|x| x.cost.is_finite()));
        let paired = beads.iter().filter(|x| !x.a.is_empty() && !x.b.is_empty());
        assert!(paired.map(|x| x.b.len()).sum::<usize>() >= m / 2);
    }

    #[test]
    fn a_paragraph_moved_two_places_is_left_out_at_one_and_added_at_the_other() {
        // Lengths alike, each paragraph with a figure of its own; the version moves pivot
        // paragraph 2 after paragraph 4, and lengths alone would pair the rotation one to one.
        let a: Vec<Unit> = (0..8)
            .map(|k| unit(100.0 + (k % 3) as f64, None, &[&format!("N:{}", 1000 + k)]))
            .collect();
        let order = [0, 1, 3, 4, 2, 5, 6, 7];
        let b: Vec<Unit> = order.iter().map(|&k| a[k].clone()).collect();
        let beads = align_units(&a, &b);
        let pairs: Vec<(Option<usize>, Option<usize>)> = beads
            .iter()
            .map(|x| (x.a.clone().next(), x.b.clone().next()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                (Some(0), Some(0)),
                (Some(1), Some(1)),
                (Some(2), None),
                (Some(3), Some(2)),
                (Some(4), Some(3)),
                (None, Some(4)),
                (Some(5), Some(5)),
                (Some(6), Some(6)),
                (Some(7), Some(7)),
            ]
        );
        // Moved up three places, the same.
        let order = [0, 4, 1, 2, 3, 5, 6, 7];
        let b: Vec<Unit> = order.iter().map(|&k| a[k].clone()).collect();
        let added: Vec<usize> = align_units(&a, &b)
            .iter()
            .filter(|x| x.a.is_empty())
            .flat_map(|x| x.b.clone())
            .collect();
        assert_eq!(added, vec![1]);
    }

    #[test]
    fn a_move_the_search_hid_in_a_two_by_two_bead_is_undone() {
        // Pivot 0 1 2 3, version 0 3 1 2 (pivot unit 3 moved up two places): the search gave
        // 1-1, 2-2 (pivot 1 2 with version 1 2, that is 3 and 1) and 1-1 (pivot 3 with 2).
        let bead = |a: Range<usize>, b: Range<usize>, cost: f64| dp::Bead { a, b, cost };
        let beads = vec![
            bead(0..1, 0..1, -3.0),
            bead(1..3, 1..3, 4.5 + 1.0),
            bead(3..4, 3..4, 2.0),
        ];
        let version = [0, 3, 1, 2];
        let cost = |ra: Range<usize>, rb: Range<usize>| {
            if ra.len() == 1 && rb.len() == 1 && version[rb.start] == ra.start {
                -3.0
            } else {
                3.0
            }
        };
        let out = moves_undone(beads.clone(), &HashSet::new(), cost);
        let ranges: Vec<(Range<usize>, Range<usize>, bool)> = out
            .iter()
            .map(|(x, moved)| (x.a.clone(), x.b.clone(), *moved))
            .collect();
        assert_eq!(
            ranges,
            vec![
                (0..1, 0..1, false),
                (1..1, 1..2, true),
                (1..2, 2..3, false),
                (2..3, 3..4, false),
                (3..4, 4..4, true)
            ]
        );
        // Where the beads in order cost less, they stay.
        let fitting = |ra: Range<usize>, rb: Range<usize>| if ra == rb { -3.0 } else { 3.0 };
        let kept = vec![
            bead(0..1, 0..1, -3.0),
            bead(1..2, 1..2, -3.0),
            bead(2..3, 2..3, -3.0),
            bead(3..4, 3..4, -3.0),
        ];
        let unchanged: Vec<(dp::Bead, bool)> = kept.iter().map(|x| (x.clone(), false)).collect();
        assert_eq!(moves_undone(kept, &HashSet::new(), fitting), unchanged);
    }

    #[test]
    fn a_unit_left_out_and_a_fitting_one_added_near_it_are_marked_a_move() {
        let bead = |a: Range<usize>, b: Range<usize>| (dp::Bead { a, b, cost: 0.0 }, false);
        // Pivot unit 1 left out, version unit 3 added two beads later, and it fits unit 1;
        // pivot unit 5 left out with nothing fitting it near.
        let beads = vec![
            bead(0..1, 0..1),
            bead(1..2, 1..1),
            bead(2..3, 1..2),
            bead(3..4, 2..3),
            bead(4..4, 3..4),
            bead(4..5, 4..5),
            bead(5..6, 5..5),
            bead(6..7, 5..6),
        ];
        let cost = |ra: Range<usize>, rb: Range<usize>| {
            if (ra.start, rb.start) == (1, 3) {
                -2.0
            } else {
                2.0
            }
        };
        let marked: Vec<bool> = moves_marked(beads, cost).iter().map(|x| x.1).collect();
        assert_eq!(
            marked,
            vec![false, true, false, false, true, false, false, false]
        );
    }

    #[test]
    fn a_corridor_within_the_budget_is_searched_as_it_is() {
        // One version lacks 40 paragraphs in the middle: more than a capped corridor's widths,
        // well within the budget, so the gap is found where it is.
        let a: Vec<Unit> = (0..400)
            .map(|k| unit(40.0 + (k * 7919 % 300) as f64, None, &[&format!("N:{k}")]))
            .collect();
        let b: Vec<Unit> = a[..200].iter().chain(&a[240..]).cloned().collect();
        let beads = align_units(&a, &b);
        let left_out: Vec<usize> = beads
            .iter()
            .filter(|x| x.b.is_empty())
            .flat_map(|x| x.a.clone())
            .collect();
        assert_eq!(left_out, (200..240).collect::<Vec<_>>());
    }

    #[test]
    fn long_versions_whose_counts_differ_pair_every_unit() {
        let a: Vec<Unit> = (0..3000)
            .map(|k| unit(3.0 + (k % 7) as f64, None, &[]))
            .collect();
        let b: Vec<Unit> = (0..1500)
            .map(|k| unit(3.0 + (k % 5) as f64, None, &[]))
            .collect();
        assert!(corridor(a.len(), b.len(), &[], usize::MAX).cells() > CELL_BUDGET);
        let beads = align_units(&a, &b);
        let (mut i, mut j) = (0, 0);
        for x in &beads {
            assert_eq!((x.a.start, x.b.start), (i, j));
            (i, j) = (x.a.end, x.b.end);
        }
        assert_eq!((i, j), (3000, 1500));
    }

    #[test]
    fn the_links_place_a_paragraph_left_out_where_lengths_cannot() {
        // Twelve paragraphs of one length; word k of the pivot translates as word 100 + k.
        let words = |k: u32| {
            let mut w = vec![k, (k + 1) % 12, (k + 2) % 12];
            w.sort_unstable();
            w
        };
        let a: Vec<Unit> = (0..12)
            .map(|k| Unit {
                words: words(k),
                ..unit(100.0, None, &[])
            })
            .collect();
        let mut b: Vec<Unit> = a
            .iter()
            .map(|u| Unit {
                words: u.words.iter().map(|w| w + 100).collect(),
                ..u.clone()
            })
            .collect();
        b.remove(5);
        let mut truth: Vec<(usize, usize)> = (0..5).map(|k| (k, k)).collect();
        truth.extend((6..12).map(|k| (k, k - 1)));
        let links = Links::from_pairs(&a, &b, &truth).unwrap();
        let model = LengthModel::estimate(&[], 1200.0, 1100.0);
        let run = |links: Option<&Links>| {
            search(a.len(), b.len(), &[], |ra, rb| {
                if ra.is_empty() || rb.is_empty() {
                    return -lone(links, ra, rb);
                }
                pair_cost(&a[ra.clone()], &b[rb.clone()], model, &WEIGHTS) - lexical(links, ra, rb)
            })
        };
        let left_out = |beads: &[dp::Bead]| -> Vec<usize> {
            beads
                .iter()
                .filter(|x| x.b.is_empty())
                .flat_map(|x| x.a.clone())
                .collect()
        };
        assert_ne!(left_out(&run(None)), vec![5]);
        assert_eq!(left_out(&run(Some(&links))), vec![5]);
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
    fn a_short_unit_the_others_keep_apart_is_left_out_not_joined() {
        let a = vec![
            unit(200.0, None, &[]),
            unit(40.0, None, &[]),
            unit(150.0, None, &[]),
            unit(120.0, None, &[]),
        ];
        let b = vec![
            unit(205.0, None, &[]),
            unit(152.0, None, &[]),
            unit(118.0, None, &[]),
        ];
        // Alone, the version joins the short unit to its neighbour.
        assert_eq!(shapes(&align_units(&a, &b))[0], (2, 1));
        // When the other versions keep the units apart, it is left out.
        let contested = Contested {
            boundaries: (1..4).collect(),
            whole: (0..4).collect(),
            labels_hold: false,
        };
        assert_eq!(
            shapes(&align_units_with(&a, &b, &contested)),
            vec![(1, 1), (1, 0), (1, 1), (1, 1)]
        );
    }

    #[test]
    fn what_most_other_versions_agree_on_is_contested() {
        let mut merged = one_to_one_beads(3);
        merged[0].a = 0..2;
        merged.remove(1);
        merged[1].b = 1..2;
        let beads = vec![
            None,
            Some(merged),
            Some(one_to_one_beads(3)),
            Some(one_to_one_beads(3)),
        ];
        let found = Contested::find(&beads);
        assert!(found[0].is_none());
        let c = found[1].as_ref().unwrap();
        assert!(c.boundaries.contains(&1) && c.boundaries.contains(&2));
        assert!(c.whole.contains(&0));
    }

    #[test]
    fn a_numbered_paragraph_moved_leaves_the_others_on_their_numbers() {
        let lens = [120.0, 300.0, 80.0, 410.0, 60.0, 250.0, 140.0, 95.0];
        let a = numbered(&lens);
        // Paragraph 3 moved after paragraph 6.
        let order = [0usize, 1, 3, 4, 5, 2, 6, 7];
        let b: Vec<Unit> = order.iter().map(|&i| a[i].clone()).collect();
        let beads = align_units(&a, &b);
        for x in beads.iter().filter(|x| x.a.len() == 1 && x.b.len() == 1) {
            assert_eq!(a[x.a.start].key, b[x.b.start].key, "{beads:?}");
        }
    }

    #[test]
    fn headings_do_not_set_the_ratio_of_the_paragraphs() {
        // Short labelled headings translate at 0.9, the paragraphs under them at 0.6: the
        // paragraphs of each article still pair one to one.
        let mut a = Vec::new();
        let mut b = Vec::new();
        for k in 1..=6 {
            let h = |len: f64| Unit {
                kind: Some(BlockKind::Heading),
                ..unit(len, Some(&format!("h:{k}")), &[])
            };
            a.push(h(9.0));
            b.push(h(8.0));
            for &len in &[121.0, 68.0, 179.0, 76.0] {
                a.push(unit(len, None, &[]));
                b.push(unit((len * 0.6f64).round(), None, &[]));
            }
        }
        assert!(shapes(&align_units(&a, &b)).iter().all(|&s| s == (1, 1)));
    }

    #[test]
    fn a_note_out_of_order_is_paired_by_its_marker() {
        let note = |len: f64, m: &str| Unit {
            kind: None,
            ..unit(len, Some(&format!("f:{m}")), &[])
        };
        let a: Vec<Unit> = (1..=6)
            .map(|i| note(40.0 + 13.0 * i as f64, &i.to_string()))
            .collect();
        // Body 2 printed after body 5.
        let b: Vec<Unit> = [1, 3, 4, 5, 2, 6]
            .iter()
            .map(|&i| note(40.0 + 13.0 * i as f64, &i.to_string()))
            .collect();
        let beads = pair_by_key(align_units(&a, &b), &a, &b);
        let pairs: Vec<(usize, usize)> = beads
            .iter()
            .filter(|x| !x.a.is_empty() && !x.b.is_empty())
            .map(|x| (x.a.start, x.b.start))
            .collect();
        assert_eq!(pairs, vec![(0, 0), (1, 4), (2, 1), (3, 2), (4, 3), (5, 5)]);
        assert!(beads.iter().all(|x| !x.a.is_empty() && !x.b.is_empty()));
    }

    #[test]
    fn a_label_pair_far_off_the_others_is_no_corridor_knot() {
        // (3267, 2563) pairs two `(g)` hundreds of paragraphs apart; a step that stays (a block
        // of 40 paragraphs missing after (900, 880)) is kept, and so are the sequence's ends.
        let run = vec![
            (233, 223),
            (900, 880),
            (1500, 1440),
            (2606, 2523),
            (3267, 2563),
            (3484, 3370),
            (3908, 3788),
        ];
        let mut expected = run.clone();
        expected.remove(4);
        assert_eq!(without_spikes(run), expected);
        let ends = vec![(0, 500), (10, 10), (20, 20), (4000, 30)];
        assert_eq!(without_spikes(ends.clone()), ends);
    }

    #[test]
    fn in_a_run_of_lone_units_the_version_s_come_first() {
        let bead = |a: Range<usize>, b: Range<usize>| PairBead {
            a,
            b,
            method: Method::Dp,
            score: 0.5,
        };
        // Pivot unit 1 left out, then the version's unit 1 added (as the search may order them),
        // then two units of each paired.
        let beads = vec![
            bead(0..1, 0..1),
            bead(1..2, 1..1),
            bead(2..2, 1..2),
            bead(2..3, 2..3),
        ];
        let ranges = |beads: Vec<PairBead>| -> Vec<(Range<usize>, Range<usize>)> {
            beads.into_iter().map(|x| (x.a, x.b)).collect()
        };
        assert_eq!(
            ranges(extras_first(beads)),
            vec![(0..1, 0..1), (1..1, 1..2), (1..2, 2..2), (2..3, 2..3)]
        );
        // Already in that order, or a run of one kind only: unchanged.
        let kept = vec![
            bead(0..0, 0..1),
            bead(0..1, 1..1),
            bead(1..2, 1..2),
            bead(2..3, 2..2),
            bead(3..4, 2..2),
        ];
        assert_eq!(ranges(extras_first(kept.clone())), ranges(kept));
    }
}

//! The cost model of sentence alignment: its weights, and the cost of a bead from the lengths,
//! the lexical matches (bitmasks of sentence pairs computed on demand) and quotation cues.

use std::ops::Range;

use crate::align::dp::{self, Band, Bead, Shape};

use super::beads::{Inventory, null_shapes};
use super::sides::{MAX_SIDE, Side, Tokens, build_sides};

/// The tunable weights of the cost model and the search. The defaults were chosen by coordinate
/// descent on a literary Chinese–English development set (and checked leave-one-chapter-out);
/// nothing in them is specific to one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    /// Multiplier of the Gale–Church length cost.
    pub length: f64,
    /// Length variance per source character, in source units, before scaling by the squared
    /// length ratio of the document.
    pub variance: f64,
    /// Multiplier of the lexical log-likelihood ratio (subtracted from the cost).
    pub lexical: f64,
    /// Probability that a word with a translation in the document finds it on the other side of
    /// a true bead.
    pub recall: f64,
    /// How the chance of a spurious match grows with the number `k` of sentences on the other
    /// side of a bead: as if there were `k^chance_exponent` of them.
    pub chance_exponent: f64,
    /// Weight of cue tokens (numbers, `? ! : ; …`) relative to words.
    pub cue: f64,
    /// Weight of transliterated names relative to words.
    pub name: f64,
    /// Dice coefficient from which two words that keep falling into the same beads of a first
    /// alignment are taken as translations of each other (0 turns this learning off).
    pub link_dice: f64,
    /// Fewest beads shared by such a learnt pair.
    pub link_min_count: f64,
    /// Cost of each disagreement between the two sides on whether the bead starts with an
    /// opening or ends with a closing quotation mark.
    pub quote: f64,
    /// Cost when one side of a bead ends inside a quotation and the other does not.
    pub inside: f64,
    /// Cost of leaving a sentence without any letters unaligned (page numbers, separators).
    pub null_junk: f64,
    /// Cost of leaving a sentence with nothing to match unaligned.
    pub null_base: f64,
    /// Extra cost of leaving a sentence unaligned when it has much to match, approached as its
    /// expected log-likelihood ratio grows past [`Weights::null_scale`].
    pub null_content: f64,
    /// Expected log-likelihood ratio at which a sentence pays half of `null_content`.
    pub null_scale: f64,
    /// The bead shapes searched.
    pub inventory: Inventory,
    /// Half-width of the first pass's band around the diagonal, in target sentences.
    pub band: usize,
    /// Half-width of the band around the previous path in later passes.
    pub narrow_band: usize,
    /// Passes with priors re-estimated from the previous pass's output.
    pub rounds: usize,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            length: 0.6,
            variance: 3.6,
            lexical: 0.24,
            recall: 0.5,
            chance_exponent: 0.8,
            cue: 1.0,
            name: 1.0,
            link_dice: 0.6,
            link_min_count: 2.0,
            quote: 0.5,
            inside: 0.8,
            null_junk: 0.5,
            null_base: 1.6,
            null_content: 4.0,
            null_scale: 1.0,
            inventory: Inventory::Rich,
            band: 30,
            narrow_band: 8,
            rounds: 1,
        }
    }
}

/// A document prepared for alignment: both sides tokenized, weighted and indexed.
pub(super) struct Document {
    /// The source side.
    pub(super) a: Side,
    /// The target side.
    pub(super) b: Side,
    /// Length ratio of the target to the source, in non-space characters.
    pub(super) ratio: f64,
}

impl Document {
    /// Lay out both sides of `tokens` for the sentences `src` and `tgt`.
    pub(super) fn new(tokens: &Tokens, src: &[&str], tgt: &[&str], w: &Weights) -> Document {
        let (a, b) = build_sides(src, &tokens.a, tgt, &tokens.b, w);
        let (sa, sb): (f64, f64) = (a.chars.iter().sum(), b.chars.iter().sum());
        let ratio = if sa > 0.0 && sb > 0.0 { sb / sa } else { 1.0 };
        Document { a, b, ratio }
    }

    /// One DP pass.
    pub(super) fn run(
        &self,
        w: &Weights,
        priors: &[Shape],
        variance: f64,
        band: &Band,
        span: usize,
    ) -> Vec<Bead> {
        let mut shapes = priors.to_vec();
        shapes.extend(null_shapes());
        let mut pairs = Pairs::new(&self.a, &self.b, span);
        dp::align(self.a.len(), self.b.len(), &shapes, band, |ra, rb| {
            self.cost(w, variance, &mut pairs, ra, rb)
        })
    }

    /// The content cost of the bead of source sentences `ra` and target sentences `rb`.
    pub(super) fn cost(
        &self,
        w: &Weights,
        variance: f64,
        pairs: &mut Pairs<'_>,
        ra: Range<usize>,
        rb: Range<usize>,
    ) -> f64 {
        if ra.is_empty() || rb.is_empty() {
            let (side, i) = if ra.is_empty() {
                (&self.b, rb.start)
            } else {
                (&self.a, ra.start)
            };
            if side.junk[i] {
                return w.null_junk;
            }
            let info = side.info[i];
            return w.null_base + w.null_content * info / (info + w.null_scale);
        }
        let la: f64 = ra.clone().map(|i| self.a.chars[i]).sum();
        let lb: f64 = rb.clone().map(|j| self.b.chars[j]).sum();
        let length = dp::length_cost(la, lb, self.ratio, variance);
        for i in ra.clone() {
            pairs.ensure(i, rb.clone());
        }
        let lexical = {
            let (ka, kb) = (ra.len().min(MAX_SIDE), rb.len().min(MAX_SIDE));
            let mut score = 0.0;
            for i in ra.clone() {
                score += self.a.base[i * MAX_SIDE + kb - 1];
                for word in 0..self.a.mask_words(i) {
                    let mask = rb
                        .clone()
                        .fold(0u64, |acc, j| acc | pairs.a_mask(i, j)[word]);
                    score += self.a.masked_gain(i, word, mask, kb);
                }
            }
            for j in rb.clone() {
                score += self.b.base[j * MAX_SIDE + ka - 1];
                for word in 0..self.b.mask_words(j) {
                    let mask = ra
                        .clone()
                        .fold(0u64, |acc, i| acc | pairs.b_mask(i, j)[word]);
                    score += self.b.masked_gain(j, word, mask, ka);
                }
            }
            -w.lexical * score
        };
        let (ia, ib) = (ra.end - 1, rb.end - 1);
        let quotes = usize::from(self.a.opens[ra.start] != self.b.opens[rb.start])
            + usize::from(self.a.closes[ia] != self.b.closes[ib]);
        let inside = usize::from(self.a.inside[ia] != self.b.inside[ib]);
        w.length * length + lexical + w.quote * quotes as f64 + w.inside * inside as f64
    }
}

/// Match bitmasks of sentence pairs, computed on demand row by row.
pub(super) struct Pairs<'d> {
    /// The source side.
    pub(super) a: &'d Side,
    /// The target side.
    pub(super) b: &'d Side,
    /// One row per source sentence, empty until needed.
    pub(super) rows: Vec<Row>,
    /// Columns computed at once when a row is first needed.
    pub(super) span: usize,
    /// `stamp[c] == i + 1` when concept c occurs in source sentence i (the row being computed).
    pub(super) stamp: Vec<usize>,
}

/// The pairs (i, j) for j in `start..end` of one source sentence i.
#[derive(Default)]
pub(super) struct Row {
    /// First column computed.
    pub(super) start: usize,
    /// End of the columns computed.
    pub(super) end: usize,
    /// `a.mask_words(i)` words per column: which tokens of i match something in j.
    pub(super) a_masks: Vec<u64>,
    /// Offsets of each column's b-mask in `b_masks` (`columns + 1`).
    pub(super) b_off: Vec<usize>,
    /// Which tokens of j match something in i.
    pub(super) b_masks: Vec<u64>,
}

impl<'d> Pairs<'d> {
    /// No pair computed yet; rows are computed `span` columns at a time.
    pub(super) fn new(a: &'d Side, b: &'d Side, span: usize) -> Pairs<'d> {
        Pairs {
            a,
            b,
            rows: (0..a.len()).map(|_| Row::default()).collect(),
            span,
            stamp: vec![0; a.index.len()],
        }
    }

    /// Make row `i` cover the columns `cols`.
    pub(super) fn ensure(&mut self, i: usize, cols: Range<usize>) {
        let m = self.b.len();
        let row = &self.rows[i];
        if row.b_off.is_empty() || cols.start < row.start {
            let end = cols
                .end
                .max(cols.start + self.span)
                .max(if row.b_off.is_empty() { 0 } else { row.end });
            self.rows[i] = Row {
                start: cols.start,
                end: cols.start,
                b_off: vec![0],
                ..Row::default()
            };
            self.extend(i, end.min(m));
        } else if cols.end > row.end {
            let end = cols.end.max(row.end + self.span / 2).min(m);
            self.extend(i, end);
        }
    }

    /// Compute the columns `row.end..end` of row `i`.
    pub(super) fn extend(&mut self, i: usize, end: usize) {
        let (a, b) = (self.a, self.b);
        for t in a.tokens(i) {
            for &c in a.token_concepts(t) {
                self.stamp[c as usize] = i + 1;
            }
        }
        let row = &mut self.rows[i];
        let wa = a.mask_words(i);
        let (from, first) = (row.end, row.start);
        row.a_masks.resize(wa * (end - first), 0);
        for (p, t) in a.tokens(i).enumerate() {
            for &c in a.token_concepts(t) {
                let list = &b.index[c as usize];
                let at = list.partition_point(|&j| (j as usize) < from);
                for &j in list[at..].iter().take_while(|&&j| (j as usize) < end) {
                    row.a_masks[(j as usize - first) * wa + p / 64] |= 1 << (p % 64);
                }
            }
        }
        for j in from..end {
            let base = row.b_masks.len();
            row.b_masks.resize(base + b.mask_words(j), 0);
            for (q, t) in b.tokens(j).enumerate() {
                if b.token_concepts(t)
                    .iter()
                    .any(|&c| self.stamp[c as usize] == i + 1)
                {
                    row.b_masks[base + q / 64] |= 1 << (q % 64);
                }
            }
            row.b_off.push(row.b_masks.len());
        }
        row.end = end;
    }

    /// Which tokens of source sentence `i` match something in target sentence `j`.
    pub(super) fn a_mask(&self, i: usize, j: usize) -> &[u64] {
        let row = &self.rows[i];
        let wa = self.a.mask_words(i);
        let k = j - row.start;
        &row.a_masks[k * wa..(k + 1) * wa]
    }

    /// Which tokens of target sentence `j` match something in source sentence `i`.
    pub(super) fn b_mask(&self, i: usize, j: usize) -> &[u64] {
        let row = &self.rows[i];
        let k = j - row.start;
        &row.b_masks[row.b_off[k]..row.b_off[k + 1]]
    }
}

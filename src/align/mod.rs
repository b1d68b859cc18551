//! Alignment of the language versions of one document: every version is aligned to the pivot
//! (paragraph by paragraph, and footnote by footnote), and units aligned to the same pivot units
//! form one row. Rows hold indices into each version's blocks or footnotes; nothing is copied.

pub mod dp;
pub(crate) mod links;
mod pairwise;
pub mod sentence;
pub mod sentence_rows;
pub(crate) mod units;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use rayon::prelude::*;

use crate::model::{BlockKind, Document, Language};
use crate::normalize::{Anchor, anchors};

pub(crate) use pairwise::MOVE_REACH;
pub use pairwise::Method;
use pairwise::{Contested, PairBead, align_units_with, order_lone_runs, pair_by_key};
use units::{LengthModel, Unit, WEIGHTS, pair_cost};

/// What a row holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowKind {
    /// Body blocks of this kind (the pivot's, or the first version's that has the row).
    Block(BlockKind),
    /// Footnote bodies.
    Footnote,
}

impl RowKind {
    /// Lower-case name as written in CSV and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RowKind::Block(k) => k.as_str(),
            RowKind::Footnote => "footnote",
        }
    }
}

/// One aligned unit: the blocks or footnotes of one version that correspond to the row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Indices into the version's `blocks` (or `footnotes` for footnote rows), in order.
    pub units: Vec<usize>,
}

/// One row of the alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What the row holds.
    pub kind: RowKind,
    /// The label of the row's units (the pivot's when it has one).
    pub label: Option<String>,
    /// How the row was aligned: the least certain method over the versions.
    pub method: Method,
    /// Confidence in [0, 1]: the lowest over the versions.
    pub score: f64,
    /// One cell per version (same order as the documents), `None` where the version has nothing.
    pub cells: Vec<Option<Cell>>,
}

impl Row {
    /// Whether the row holds footnote bodies.
    pub fn is_footnote(&self) -> bool {
        self.kind == RowKind::Footnote
    }

    /// Ids of the units of version `v` in this row (`b12`, `fn3`).
    pub fn ids<'a>(&self, docs: &'a [Document], v: usize) -> Vec<&'a str> {
        self.units(v)
            .map(|i| {
                if self.is_footnote() {
                    docs[v].footnotes[i].id.as_str()
                } else {
                    docs[v].blocks[i].id.as_str()
                }
            })
            .collect()
    }

    /// Text of version `v` in this row (units joined by a line break), `None` if it has none.
    pub fn text(&self, docs: &[Document], v: usize) -> Option<String> {
        self.cells[v].as_ref()?;
        let texts: Vec<&str> = self
            .units(v)
            .map(|i| {
                if self.is_footnote() {
                    docs[v].footnotes[i].text.as_str()
                } else {
                    docs[v].blocks[i].text.as_str()
                }
            })
            .collect();
        Some(texts.join("\n"))
    }

    /// First input line of version `v` in this row.
    pub fn line(&self, docs: &[Document], v: usize) -> Option<usize> {
        let i = self.cells[v].as_ref()?.units.first().copied()?;
        Some(if self.is_footnote() {
            docs[v].footnotes[i].line
        } else {
            docs[v].blocks[i].line
        })
    }

    /// The anchors of version `v`'s units in this row.
    pub fn anchors<'a>(&self, evidence: &'a [Evidence], v: usize) -> Vec<&'a Anchor> {
        let per_unit = if self.is_footnote() {
            &evidence[v].footnotes
        } else {
            &evidence[v].blocks
        };
        self.units(v).flat_map(|i| per_unit[i].iter()).collect()
    }

    /// Indices of version `v`'s units in this row.
    fn units(&self, v: usize) -> impl Iterator<Item = usize> + '_ {
        self.cells[v].iter().flat_map(|c| c.units.iter().copied())
    }
}

/// The numbers, dates and symbols of every unit of one version, found once and shared by the
/// aligner and the checks.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Anchors of each block, by block index.
    pub blocks: Vec<Vec<Anchor>>,
    /// Anchors of each footnote body, by footnote index.
    pub footnotes: Vec<Vec<Anchor>>,
}

impl Evidence {
    /// Find the anchors of a document's blocks and footnotes.
    pub fn of(doc: &Document) -> Evidence {
        Evidence {
            blocks: doc
                .blocks
                .iter()
                .map(|b| anchors(&b.text, doc.language))
                .collect(),
            footnotes: doc
                .footnotes
                .iter()
                .map(|f| anchors(&f.text, doc.language))
                .collect(),
        }
    }
}

/// The alignment of several versions of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// Index of the pivot version.
    pub pivot: usize,
    /// Language of each version, in document order.
    pub languages: Vec<Language>,
    /// Rows: body blocks in pivot order, then footnotes.
    pub rows: Vec<Row>,
    /// Anchors of every unit, per version.
    pub evidence: Vec<Evidence>,
}

/// Most paragraphs (or footnotes) of one version an alignment takes. Time and memory grow in
/// proportion to the units (about 2 kB per paragraph of one word, all told), so that 500,000
/// paragraphs need about 1 GB; UN documents have a few thousand at most.
pub const MAX_UNITS: usize = 500_000;

/// Why versions cannot be aligned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AlignError {
    /// Fewer than two versions.
    #[error("need at least two language versions, got {0}")]
    TooFew(usize),
    /// Two versions in one language.
    #[error("two versions are in {0} ({1} and {2}); give one file per language")]
    SameLanguage(Language, String, String),
    /// The requested pivot is not among the versions.
    #[error("no version in {requested} to use as pivot; the versions are in {}: give --pivot one of them", present.iter().map(|l| l.code()).collect::<Vec<_>>().join(", "))]
    NoPivot {
        /// The language asked for.
        requested: Language,
        /// The languages of the versions, in the order given.
        present: Vec<Language>,
    },
    /// A version has more units (paragraphs or footnotes) than one alignment takes.
    #[error(
        "{file}: {units} {what}, more than the {limit} versalign aligns in one document; split \
         the file (by annex or chapter, say) and check the parts"
    )]
    TooLarge {
        /// The file.
        file: String,
        /// What is counted: `paragraphs` or `footnotes`.
        what: &'static str,
        /// How many the file has.
        units: usize,
        /// The most one alignment takes.
        limit: usize,
    },
}

impl AlignError {
    /// The error for a requested pivot that none of `docs` is in.
    pub(crate) fn no_pivot(requested: Language, docs: &[Document]) -> AlignError {
        AlignError::NoPivot {
            requested,
            present: docs.iter().map(|d| d.language).collect(),
        }
    }
}

/// Refuse a version with more paragraphs or footnotes than [`MAX_UNITS`], naming its file.
pub(crate) fn check_size(doc: &Document) -> Result<(), AlignError> {
    for (what, units) in [
        ("paragraphs", doc.blocks.len()),
        ("footnotes", doc.footnotes.len()),
    ] {
        if units > MAX_UNITS {
            return Err(AlignError::TooLarge {
                file: doc.file.clone(),
                what,
                units,
                limit: MAX_UNITS,
            });
        }
    }
    Ok(())
}

/// The pivot: the requested language, else the original language most headers name, else the
/// first version. Fails on fewer than two versions, two in one language, a requested pivot
/// absent, or a version larger than [`MAX_UNITS`].
pub fn choose_pivot(docs: &[Document], requested: Option<Language>) -> Result<usize, AlignError> {
    if docs.len() < 2 {
        return Err(AlignError::TooFew(docs.len()));
    }
    for (i, d) in docs.iter().enumerate() {
        check_size(d)?;
        if let Some(other) = docs[..i].iter().find(|o| o.language == d.language) {
            return Err(AlignError::SameLanguage(
                d.language,
                other.file.clone(),
                d.file.clone(),
            ));
        }
    }
    if let Some(lang) = requested {
        return docs
            .iter()
            .position(|d| d.language == lang)
            .ok_or_else(|| AlignError::no_pivot(lang, docs));
    }
    let mut votes: BTreeMap<Language, usize> = BTreeMap::new();
    for l in docs.iter().filter_map(|d| d.header.original_language) {
        *votes.entry(l).or_default() += 1;
    }
    let named = votes
        .into_iter()
        .filter(|(l, _)| docs.iter().any(|d| d.language == *l))
        .max_by_key(|&(l, n)| (n, std::cmp::Reverse(l)));
    Ok(named
        .and_then(|(l, _)| docs.iter().position(|d| d.language == l))
        .unwrap_or(0))
}

/// Align every version to the pivot and build the rows.
pub fn align(docs: &[Document], pivot: usize) -> Alignment {
    let evidence: Vec<Evidence> = docs.par_iter().map(Evidence::of).collect();
    let block_units: Vec<Vec<Unit>> = docs
        .par_iter()
        .zip(&evidence)
        .map(|(d, e)| Unit::blocks(d, &e.blocks))
        .collect();
    let note_units: Vec<Vec<Unit>> = docs
        .iter()
        .zip(&evidence)
        .map(|(d, e)| Unit::footnotes(d, &e.footnotes))
        .collect();
    // Every version against the pivot; then, with three versions or more, a second pass for a
    // version whose alignment is not one to one throughout: against pivot units whose lengths
    // the other versions confirm, and with the beads that join pivot units most of the others
    // keep apart (or split one they keep whole) made dearer, so that a unit left out or added
    // shows as such, at its place, instead of being absorbed by a neighbour.
    // Footnote markers are the notes' identities (`labels_hold`); paragraph numbers may drift.
    let pair = |units: &[Vec<Unit>], labels_hold: bool| -> Vec<Option<Vec<PairBead>>> {
        let plain = Contested {
            labels_hold,
            ..Contested::default()
        };
        let first: Vec<Option<Vec<PairBead>>> = (0..docs.len())
            .into_par_iter()
            .map(|v| (v != pivot).then(|| align_units_with(&units[pivot], &units[v], &plain)))
            .collect();
        if docs.len() < 3 {
            return first;
        }
        let contested = Contested::find(&first);
        (0..docs.len())
            .into_par_iter()
            .map(|v| {
                let beads = first[v].as_ref()?;
                let even = beads.iter().all(|b| b.a.len() == 1 && b.b.len() == 1);
                if even {
                    return Some(beads.clone());
                }
                let confirmed = consensus(&units[pivot], units, &first, v);
                let mut c = contested[v].clone().unwrap_or_default();
                c.labels_hold = labels_hold;
                Some(align_units_with(&confirmed, &units[v], &c))
            })
            .collect()
    };
    let block_beads =
        lone_runs_together(untangle_crossings(pair(&block_units, false), &block_units));
    // Footnote bodies are identified by their markers: one printed out of sequence is paired
    // with its counterpart all the same (and reported as out of order by the checks).
    let note_beads: Vec<Option<Vec<PairBead>>> = pair(&note_units, true)
        .into_iter()
        .enumerate()
        .map(|(v, beads)| beads.map(|x| pair_by_key(x, &note_units[pivot], &note_units[v])))
        .collect();
    let kinds = |v: usize, i: usize| RowKind::Block(docs[v].blocks[i].kind);
    let labels = |v: usize, i: usize| docs[v].blocks[i].label.clone();
    let mut rows = build_rows(
        docs.len(),
        pivot,
        block_units[pivot].len(),
        &block_beads,
        &kinds,
        &labels,
    );
    let note_kind = |_: usize, _: usize| RowKind::Footnote;
    let note_label = |v: usize, i: usize| Some(docs[v].footnotes[i].marker.clone());
    rows.extend(build_rows(
        docs.len(),
        pivot,
        note_units[pivot].len(),
        &note_beads,
        &note_kind,
        &note_label,
    ));
    Alignment {
        pivot,
        languages: docs.iter().map(|d| d.language).collect(),
        rows,
        evidence,
    }
}

/// How much better (in nats) a version's unit must fit another version's added unit than that
/// version's counterpart of its own pivot partner, for the pair with the pivot to be undone.
const CROSSING_MARGIN: f64 = 4.0;

/// Undo the pairs a third version shows to be crossed deletions. The pivot lacks a unit that
/// version `w` adds beside pivot unit `i`, and version `v` lacks `i` itself: the search then
/// pairs `v`'s copy of the added unit with `i`, their lengths agreeing by chance. When that unit
/// of `v` fits `w`'s added unit far better (lengths, numbers, names: [`pair_cost`] between `v`
/// and `w`) than it fits `w`'s counterpart of `i`, the pair becomes a pivot unit left out and a
/// unit added, so that the rows join `v`'s addition to `w`'s.
fn untangle_crossings(
    beads: Vec<Option<Vec<PairBead>>>,
    units: &[Vec<Unit>],
) -> Vec<Option<Vec<PairBead>>> {
    // Per version: pivot unit -> unit paired one to one; pivot position -> unit added there.
    let maps: Vec<(HashMap<usize, usize>, HashMap<usize, usize>)> = beads
        .iter()
        .map(|list| {
            let (mut paired, mut added) = (HashMap::new(), HashMap::new());
            for x in list.iter().flatten() {
                match (x.a.len(), x.b.len()) {
                    (1, 1) => {
                        paired.insert(x.a.start, x.b.start);
                    }
                    (0, 1) => {
                        added.insert(x.a.start, x.b.start);
                    }
                    _ => {}
                }
            }
            (paired, added)
        })
        .collect();
    let model = |v: usize, w: usize| {
        let pairs: Vec<(f64, f64)> = maps[v]
            .0
            .iter()
            .filter_map(|(i, &j)| Some((units[v][j].len, units[w][*maps[w].0.get(i)?].len)))
            .collect();
        let total = |x: usize| units[x].iter().map(|u| u.len).sum::<f64>();
        LengthModel::estimate(&pairs, total(v), total(w))
    };
    let cost = |v: usize, j: usize, w: usize, k: usize, m: LengthModel| {
        pair_cost(&units[v][j..=j], &units[w][k..=k], m, &WEIGHTS)
    };
    beads
        .iter()
        .enumerate()
        .map(|(v, list)| {
            let list = list.as_ref()?;
            let others: Vec<(usize, LengthModel)> = (0..beads.len())
                .filter(|&w| w != v && beads[w].is_some())
                .map(|w| (w, model(v, w)))
                .collect();
            let mut out: Vec<PairBead> = Vec::with_capacity(list.len());
            for x in list {
                let (i, j) = (x.a.start, x.b.start);
                let crossed = (x.a.len(), x.b.len()) == (1, 1)
                    && others.iter().any(|&(w, m)| {
                        [i, i + 1].into_iter().any(|at| {
                            let (Some(&k), Some(&partner)) =
                                (maps[w].1.get(&at), maps[w].0.get(&i))
                            else {
                                return false;
                            };
                            !maps[v].1.contains_key(&at)
                                && cost(v, j, w, k, m) + CROSSING_MARGIN < cost(v, j, w, partner, m)
                        })
                    });
                if !crossed {
                    out.push(x.clone());
                    continue;
                }
                let lone = |a: Range<usize>, b: Range<usize>| PairBead {
                    a,
                    b,
                    method: x.method,
                    score: x.score,
                };
                out.push(lone(i..i + 1, j..j));
                out.push(lone(i + 1..i + 1, j..j + 1));
            }
            Some(out)
        })
        .collect()
}

/// Every version's beads with its runs of lone units ordered so that its added units stand where
/// most other versions add one (see [`order_lone_runs`]): a paragraph the pivot lacks, added
/// by every other version, then shows on one row even where a version also lacks the pivot's
/// paragraph beside it.
fn lone_runs_together(beads: Vec<Option<Vec<PairBead>>>) -> Vec<Option<Vec<PairBead>>> {
    let added: Vec<HashSet<usize>> = beads
        .iter()
        .map(|list| {
            list.iter()
                .flatten()
                .filter(|x| x.a.is_empty())
                .map(|x| x.a.start)
                .collect()
        })
        .collect();
    beads
        .into_iter()
        .enumerate()
        .map(|(v, list)| {
            let at = |pos: usize| {
                (0..added.len())
                    .filter(|&w| w != v && added[w].contains(&pos))
                    .count()
            };
            list.map(|l| order_lone_runs(l, at))
        })
        .collect()
}

/// The pivot's units with the lengths the other versions (all but `except`) agree on: for
/// each pivot unit, the mean of its own length and of the lengths of the units the other
/// versions pair it with one to one, each scaled by that version's length ratio to the pivot.
/// One translation's lengths vary by ±15 % around the content; the mean of several varies less,
/// which tells apart neighbours a single pair of versions cannot.
fn consensus(
    pivot_units: &[Unit],
    units: &[Vec<Unit>],
    beads: &[Option<Vec<PairBead>>],
    except: usize,
) -> Vec<Unit> {
    let mut sum: Vec<f64> = pivot_units.iter().map(|u| u.len).collect();
    let mut count = vec![1.0; pivot_units.len()];
    for (w, list) in beads.iter().enumerate() {
        let Some(list) = list.as_ref().filter(|_| w != except) else {
            continue;
        };
        let ones: Vec<(usize, usize)> = list
            .iter()
            .filter(|b| b.a.len() == 1 && b.b.len() == 1)
            .map(|b| (b.a.start, b.b.start))
            .collect();
        let (sa, sb) = ones.iter().fold((0.0, 0.0), |(x, y), &(i, j)| {
            (x + pivot_units[i].len, y + units[w][j].len)
        });
        if sa <= 0.0 || sb <= 0.0 {
            continue;
        }
        let ratio = sb / sa;
        for &(i, j) in &ones {
            // A unit far off the pivot's length (cut, left untranslated) confirms nothing.
            let scaled = units[w][j].len / ratio;
            let own = pivot_units[i].len;
            if scaled >= own / 1.5 && scaled <= own * 1.5 {
                sum[i] += scaled;
                count[i] += 1.0;
            }
        }
    }
    pivot_units
        .iter()
        .enumerate()
        .map(|(i, u)| Unit {
            len: sum[i] / count[i],
            ..u.clone()
        })
        .collect()
}

/// A row being assembled: pivot units, and per version the beads' units.
struct Draft {
    /// Units of each version, by version.
    cells: Vec<Vec<usize>>,
    /// The least certain method of the beads so far.
    method: Method,
    /// The lowest confidence of the beads so far.
    score: f64,
}

/// Merge pairwise beads into rows. Pivot units that some version merges (2-1, 2-2) share a row;
/// a version's units without pivot counterpart get rows of their own after the row of the pivot
/// unit before them.
fn build_rows(
    versions: usize,
    pivot: usize,
    pivot_units: usize,
    beads: &[Option<Vec<PairBead>>],
    kind: &dyn Fn(usize, usize) -> RowKind,
    label: &dyn Fn(usize, usize) -> Option<String>,
) -> Vec<Row> {
    let (groups, group_of) = pivot_groups(pivot_units, beads);
    let mut drafts: Vec<Draft> = groups
        .iter()
        .map(|&(s, e)| {
            let mut cells = vec![Vec::new(); versions];
            cells[pivot] = (s..e).collect();
            Draft {
                cells,
                method: Method::Number,
                score: 1.0,
            }
        })
        .collect();
    let extras = place_beads(versions, beads, &group_of, &mut drafts);
    let mut extras = extras.into_iter().peekable();
    let mut ordered: Vec<Draft> = Vec::with_capacity(drafts.len());
    for (g, draft) in drafts.into_iter().enumerate() {
        while let Some((_, _, _, d)) = extras.next_if(|e| e.0 <= g) {
            ordered.push(d);
        }
        ordered.push(draft);
    }
    ordered.extend(extras.map(|(_, _, _, d)| d));
    ordered
        .into_iter()
        .map(|d| finish_row(d, pivot, kind, label))
        .collect()
}

/// The groups of pivot units that share a row (`start..end`, in order; units some version merges
/// are one group), and the group of each pivot unit.
fn pivot_groups(
    pivot_units: usize,
    beads: &[Option<Vec<PairBead>>],
) -> (Vec<(usize, usize)>, Vec<usize>) {
    let mut group_end = vec![0usize; pivot_units];
    for (i, end) in group_end.iter_mut().enumerate() {
        *end = i + 1;
    }
    for bead in beads.iter().flatten().flatten() {
        if bead.a.len() > 1 {
            for i in bead.a.clone() {
                group_end[i] = group_end[i].max(bead.a.end);
            }
        }
    }
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < pivot_units {
        let mut end = group_end[i];
        let mut k = i;
        while k < end {
            end = end.max(group_end[k]);
            k += 1;
        }
        groups.push((i, end));
        i = end;
    }
    let mut group_of = vec![0usize; pivot_units];
    for (g, &(s, e)) in groups.iter().enumerate() {
        group_of[s..e].iter_mut().for_each(|x| *x = g);
    }
    (groups, group_of)
}

/// A row of units only one version has, to be placed among the drafts: (group it follows + 1,
/// version, order of the bead), then the row.
type Extra = (usize, usize, usize, Draft);

/// Add every version's beads to the drafts of their pivot groups; beads without pivot units
/// become extra rows, returned sorted by where they go.
fn place_beads(
    versions: usize,
    beads: &[Option<Vec<PairBead>>],
    group_of: &[usize],
    drafts: &mut [Draft],
) -> Vec<Extra> {
    let mut extras: Vec<Extra> = Vec::new();
    for (v, list) in beads.iter().enumerate() {
        let Some(list) = list else { continue };
        for (order, bead) in list.iter().enumerate() {
            if bead.a.is_empty() {
                let slot = if bead.a.start == 0 {
                    0
                } else {
                    group_of[bead.a.start - 1] + 1
                };
                let mut cells = vec![Vec::new(); versions];
                cells[v] = bead.b.clone().collect();
                extras.push((
                    slot,
                    v,
                    order,
                    Draft {
                        cells,
                        method: bead.method,
                        score: bead.score,
                    },
                ));
                continue;
            }
            let d = &mut drafts[group_of[bead.a.start]];
            d.cells[v].extend(bead.b.clone());
            d.method = d.method.max(bead.method);
            d.score = d.score.min(bead.score);
        }
    }
    extras.sort_by_key(|&(slot, v, order, _)| (slot, v, order));
    join_lone_extras(extras)
}

/// Join into one row the units several versions add at the same place when each of them adds
/// as many there, one unit a bead: with three versions or more, a paragraph the pivot lacks is
/// in all the others, and shows on one row (missing in the pivot) rather than on one row per
/// version; two the pivot lacks in a row make two such rows, the first units of each version
/// together, then the second. `extras` are sorted by slot, then version, then order.
fn join_lone_extras(extras: Vec<Extra>) -> Vec<Extra> {
    let mut out: Vec<Extra> = Vec::with_capacity(extras.len());
    let mut rest = extras.into_iter().peekable();
    while let Some(first) = rest.next() {
        let mut same_slot = vec![first];
        while let Some(e) = rest.next_if(|e| e.0 == same_slot[0].0) {
            same_slot.push(e);
        }
        let lone = |e: &Extra| e.3.cells.iter().map(Vec::len).sum::<usize>() == 1;
        let mut runs: Vec<Vec<Extra>> = Vec::new();
        for e in same_slot {
            match runs.last_mut() {
                Some(run) if run[0].1 == e.1 => run.push(e),
                _ => runs.push(vec![e]),
            }
        }
        let count = runs[0].len();
        let even = runs
            .iter()
            .all(|run| run.len() == count && run.iter().all(lone));
        if runs.len() < 2 || !even {
            out.extend(runs.into_iter().flatten());
            continue;
        }
        let mut runs: Vec<std::vec::IntoIter<Extra>> =
            runs.into_iter().map(Vec::into_iter).collect();
        for _ in 0..count {
            let mut parts = runs.iter_mut().filter_map(Iterator::next);
            let Some(mut joined) = parts.next() else {
                break;
            };
            for e in parts {
                for (cell, units) in joined.3.cells.iter_mut().zip(e.3.cells) {
                    cell.extend(units);
                }
                joined.3.method = joined.3.method.max(e.3.method);
                joined.3.score = joined.3.score.min(e.3.score);
            }
            out.push(joined);
        }
    }
    out
}

/// The row of a draft: kind and label from its first unit (the pivot's when it has one).
fn finish_row(
    d: Draft,
    pivot: usize,
    kind: &dyn Fn(usize, usize) -> RowKind,
    label: &dyn Fn(usize, usize) -> Option<String>,
) -> Row {
    let first = d
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .min_by_key(|&(v, _)| usize::from(v != pivot))
        .map(|(v, c)| (v, c[0]));
    let (kind, label) = first.map_or((RowKind::Footnote, None), |(v, i)| {
        (kind(v, i), label(v, i))
    });
    // A pivot unit no version could be aligned to keeps the pivot's own certainty, unless a
    // version moved it away.
    let lone_pivot = d
        .cells
        .iter()
        .enumerate()
        .all(|(v, c)| v == pivot || c.is_empty())
        && !d.cells[pivot].is_empty();
    let method = if lone_pivot && d.method != Method::Moved {
        Method::Dp
    } else {
        d.method
    };
    Row {
        kind,
        label,
        method,
        score: d.score,
        cells: d
            .cells
            .into_iter()
            .map(|units| (!units.is_empty()).then_some(Cell { units }))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bead(a: std::ops::Range<usize>, b: std::ops::Range<usize>) -> PairBead {
        PairBead {
            a,
            b,
            method: Method::Dp,
            score: 0.9,
        }
    }

    #[test]
    fn an_addition_beside_a_left_out_unit_goes_where_the_others_add_theirs() {
        // Version 1 adds a unit after pivot unit 1; version 2 lacks pivot unit 1 and adds the
        // same unit, its two lone beads in the order the search gave.
        let one = vec![
            bead(0..1, 0..1),
            bead(1..2, 1..2),
            bead(2..2, 2..3),
            bead(2..3, 3..4),
        ];
        let two = vec![
            bead(0..1, 0..1),
            bead(1..1, 1..2),
            bead(1..2, 2..2),
            bead(2..3, 2..3),
        ];
        let out = lone_runs_together(vec![None, Some(one.clone()), Some(two)]);
        let ranges = |beads: &[PairBead]| -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
            beads.iter().map(|x| (x.a.clone(), x.b.clone())).collect()
        };
        assert_eq!(ranges(out[1].as_ref().unwrap()), ranges(&one));
        assert_eq!(
            ranges(out[2].as_ref().unwrap()),
            vec![(0..1, 0..1), (1..2, 1..1), (2..2, 1..2), (2..3, 2..3)]
        );
    }

    #[test]
    fn additions_of_as_many_units_at_one_place_pair_up_in_order() {
        // The pivot lacks two paragraphs after its first: versions 1 and 2 both add them, as
        // two lone beads each; version 3 adds one unit at the end only.
        let adds_two = vec![
            bead(0..1, 0..1),
            bead(1..1, 1..2),
            bead(1..1, 2..3),
            bead(1..2, 3..4),
        ];
        let three = vec![bead(0..1, 0..1), bead(1..2, 1..2), bead(2..2, 2..3)];
        let beads = vec![None, Some(adds_two.clone()), Some(adds_two), Some(three)];
        let draft = || Draft {
            cells: vec![Vec::new(); 4],
            method: Method::Dp,
            score: 1.0,
        };
        let mut drafts = vec![draft(), draft()];
        let extras = place_beads(4, &beads, &[0, 1], &mut drafts);
        let cells: Vec<(usize, Vec<Vec<usize>>)> =
            extras.into_iter().map(|e| (e.0, e.3.cells)).collect();
        assert_eq!(
            cells,
            vec![
                (1, vec![vec![], vec![1], vec![1], vec![]]),
                (1, vec![vec![], vec![2], vec![2], vec![]]),
                (2, vec![vec![], vec![], vec![], vec![2]]),
            ]
        );
    }

    /// The rows of `versions` versions of unlabelled preambular paragraphs, version 0 the
    /// pivot with `pivot_units` of them.
    fn preamble_rows(
        versions: usize,
        pivot_units: usize,
        beads: &[Option<Vec<PairBead>>],
    ) -> Vec<Row> {
        let kind = |_: usize, _: usize| RowKind::Block(BlockKind::Preamble);
        let label = |_: usize, _: usize| None;
        build_rows(versions, 0, pivot_units, beads, &kind, &label)
    }

    #[test]
    fn the_rows_of_a_move_keep_the_method_moved() {
        // One version moved pivot unit 1 after pivot unit 3: a lone pivot unit and a lone
        // addition, both from the move.
        let moved = |a: std::ops::Range<usize>, b: std::ops::Range<usize>| PairBead {
            method: Method::Moved,
            ..bead(a, b)
        };
        let beads = vec![
            None,
            Some(vec![
                bead(0..1, 0..1),
                moved(1..2, 1..1),
                bead(2..3, 1..2),
                bead(3..4, 2..3),
                moved(4..4, 3..4),
            ]),
        ];
        let rows = preamble_rows(2, 4, &beads);
        let methods: Vec<Method> = rows.iter().map(|r| r.method).collect();
        assert_eq!(
            methods,
            vec![
                Method::Dp,
                Method::Moved,
                Method::Dp,
                Method::Dp,
                Method::Moved
            ]
        );
    }

    /// A unit of some length and no other evidence.
    fn unit_of(len: f64) -> Unit {
        Unit {
            len,
            kind: Some(BlockKind::Preamble),
            key: None,
            anchors: Vec::new(),
            markers: Vec::new(),
            names: Vec::new(),
            cognates: Default::default(),
            words: Vec::new(),
            ending: crate::align::units::Ending::Open,
        }
    }

    #[test]
    fn a_third_version_undoes_a_pair_of_crossed_deletions() {
        let lens = |l: &[f64]| -> Vec<Unit> { l.iter().map(|&x| unit_of(x)).collect() };
        // The pivot lacks a unit of 60 that version 1 adds before pivot unit 4 (1,200); version 2
        // lacks pivot unit 4, and the search paired its 60 with it.
        let pivot = lens(&[100.0, 120.0, 140.0, 160.0, 1200.0, 250.0, 180.0, 220.0]);
        let one = lens(&[
            100.0, 120.0, 140.0, 160.0, 60.0, 1200.0, 250.0, 180.0, 220.0,
        ]);
        let two = lens(&[100.0, 120.0, 140.0, 160.0, 60.0, 250.0, 180.0, 220.0]);
        let diagonal = |n: usize| (0..n).map(|k| bead(k..k + 1, k..k + 1)).collect::<Vec<_>>();
        let mut beads_one = diagonal(4);
        beads_one.push(bead(4..4, 4..5));
        beads_one.extend((4..8).map(|k| bead(k..k + 1, k + 1..k + 2)));
        let beads = vec![None, Some(beads_one.clone()), Some(diagonal(8))];
        let out = lone_runs_together(untangle_crossings(beads, &[pivot, one, two]));
        let ranges = |beads: &[PairBead]| -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
            beads.iter().map(|x| (x.a.clone(), x.b.clone())).collect()
        };
        assert_eq!(ranges(out[1].as_ref().unwrap()), ranges(&beads_one));
        let two = ranges(out[2].as_ref().unwrap());
        assert_eq!(two[4], (4..4, 4..5), "{two:?}");
        assert_eq!(two[5], (4..5, 5..5), "{two:?}");
        assert_eq!(two.len(), 9);
    }

    #[test]
    fn consensus_lengths_average_the_other_versions_and_skip_outliers() {
        let unit = unit_of;
        let pivot: Vec<Unit> = [100.0, 100.0, 100.0].into_iter().map(unit).collect();
        let w: Vec<Unit> = [200.0, 260.0, 600.0].into_iter().map(unit).collect();
        let units = vec![pivot.clone(), w, pivot.clone()];
        let one_to_one = |n: usize| (0..n).map(|i| bead(i..i + 1, i..i + 1)).collect::<Vec<_>>();
        let beads = vec![None, Some(one_to_one(3)), Some(one_to_one(3))];
        let c = consensus(&pivot, &units, &beads, 2);
        // Version 1 runs at 1060 / 300 ≈ 3.53: its units scale to 57, 74 and 170; the first
        // and last are too far from 100 to count.
        let ratio = 1060.0 / 300.0;
        assert!((c[0].len - 100.0).abs() < 1e-9);
        assert!((c[1].len - (100.0 + 260.0 / ratio) / 2.0).abs() < 1e-9);
        assert!((c[2].len - 100.0).abs() < 1e-9);
    }

    #[test]
    fn a_version_beyond_the_limit_is_refused_by_name() {
        let options = crate::parse::ParseOptions {
            language: None,
            tokens: false,
        };
        let en = crate::parse::parse("The Council decides to meet.\n", "en.txt", &options);
        let mut fr = crate::parse::parse("Le Conseil décide de se réunir.\n", "fr.txt", &options);
        assert_eq!(choose_pivot(&[en.clone(), fr.clone()], None).unwrap(), 0);
        fr.blocks = vec![fr.blocks[0].clone(); MAX_UNITS + 1];
        let err = choose_pivot(&[en, fr], None).unwrap_err();
        assert!(matches!(err, AlignError::TooLarge { .. }));
        let message = err.to_string();
        assert!(
            message.starts_with("fr.txt: 500001 paragraphs"),
            "{message}"
        );
        assert!(message.contains("split"), "{message}");
    }

    #[test]
    fn rows_merge_pivot_units_a_version_merged() {
        // Version 1 merges pivot units 1 and 2; version 2 has an extra unit after pivot unit 0.
        let beads = vec![
            None,
            Some(vec![bead(0..1, 0..1), bead(1..3, 1..2), bead(3..4, 2..3)]),
            Some(vec![
                bead(0..1, 0..1),
                bead(1..1, 1..2),
                bead(1..2, 2..3),
                bead(2..3, 3..4),
                bead(3..4, 4..5),
            ]),
        ];
        let rows = preamble_rows(3, 4, &beads);
        let cells: Vec<Vec<Option<Vec<usize>>>> = rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| c.as_ref().map(|c| c.units.clone()))
                    .collect()
            })
            .collect();
        assert_eq!(
            cells,
            vec![
                vec![Some(vec![0]), Some(vec![0]), Some(vec![0])],
                vec![None, None, Some(vec![1])],
                vec![Some(vec![1, 2]), Some(vec![1]), Some(vec![2, 3])],
                vec![Some(vec![3]), Some(vec![2]), Some(vec![4])],
            ]
        );
    }
}

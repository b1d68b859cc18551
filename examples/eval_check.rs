//! Measures `check` on mutated copies of the real UN documents: every mutation has a known answer
//! (the finding it must cause, and where), so recall and precision per finding code and the
//! accuracy of the rows can be counted.
//!
//! ```text
//! cargo run --release --example eval_check -- [CORPORA] [--show KIND|fp|all] [--numbers N] [--seed S]
//! ```
//!
//! `CORPORA` defaults to `$VERSALIGN_CORPORA`, else `../shared/corpora`. The sets: `udhr` (6
//! versions), `un-charter` (en, zh, es), `a-res-61-211` (en, zh), `seed` (zh aligned with a mutated
//! copy of itself: the library aligns two versions in one language, only `choose_pivot` refuses
//! them), `cisg-footnotes` (fragments, footnote and content mutations only), `unpc-devset` grouped
//! by document (`ids.txt`; one paragraph per sentence, 6 versions, the gold alignment is the
//! diagonal) and, marked as written for the project, `demo-clean` from `corpora/demo/clean`.
//!
//! One version (never the pivot) is mutated at a time, on its text lines, which are then parsed,
//! aligned with the unchanged versions and checked. The findings of the unmutated set (baseline)
//! are subtracted; every new finding is either the expected one (the code the mutation must cause,
//! for the mutated version, at the row of the mutated unit), a legitimate consequence (the codes
//! the edit also implies, near it) or a false alarm. Rows are identified across alignments by the
//! pivot units they hold, so an inserted row elsewhere does not count as a shift.
//!
//! Output: a markdown report on stdout. On standard error: `--show KIND` prints the missed
//! mutations of that kind (`fp`: every false alarm; `all`: both; `invalid`: edits the parse does
//! not show), `--numbers N` N flagged dev-set sentence pairs to read, `EVAL_BASELINE=1` every
//! error-level finding of the unmutated sets, `EVAL_DUMP='SET WHAT'` the baseline and mutated
//! alignment of the mutations whose description contains the pattern. `--only GROUP` restricts
//! the sets (this changes the draw), `--limit N` the mutations per kind and set group.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::hash::Hash;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Instant;

use rayon::prelude::*;
use regex::Regex;
use versalign::{
    Alignment, AnchorKind, BlockKind, Code, Comparison, Document, Finding, Language, Options,
    ParseOptions, Severity, anchors, compare_anchors as compare, parse, split_lines,
};

// ---------------------------------------------------------------------------------------------
/// 64-bit FNV-1a: a hash whose value is fixed by its definition (std's `DefaultHasher` may
/// change between Rust releases, which would redraw every mutation).
fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

// Randomness: xorshift64*, seeded.
// ---------------------------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Sets
// ---------------------------------------------------------------------------------------------

#[derive(Clone)]
struct Version {
    lang: Language,
    lines: Vec<String>,
}

struct Set {
    name: String,
    /// Report group (`unpc-devset` for its 732 documents).
    group: &'static str,
    versions: Vec<Version>,
    /// Sentence-aligned input: line 2k+1 of every version is the same sentence.
    gold: bool,
    /// Mutation kinds allowed on this set.
    kinds: &'static [Kind],
}

fn read_lines(path: &Path) -> Option<Vec<String>> {
    let text = versalign::read_text(path).ok()?;
    Some(split_lines(&text).iter().map(|s| s.to_string()).collect())
}

fn file_set(
    dir: &Path,
    name: &str,
    langs: &[&str],
    kinds: &'static [Kind],
    group: &'static str,
) -> Option<Set> {
    let versions = langs
        .iter()
        .map(|l| {
            Some(Version {
                lang: l.parse().ok()?,
                lines: read_lines(&dir.join(format!("{l}.txt")))?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Set {
        name: name.to_string(),
        group,
        versions,
        gold: false,
        kinds,
    })
}

fn devset(dir: &Path) -> Vec<Set> {
    let Some(ids) = read_lines(&dir.join("ids.txt")) else {
        return Vec::new();
    };
    let langs = ["en", "ar", "es", "fr", "ru", "zh"];
    let Some(texts) = langs
        .iter()
        .map(|l| read_lines(&dir.join(format!("{l}.txt"))))
        .collect::<Option<Vec<_>>>()
    else {
        return Vec::new();
    };
    // document -> (en paragraph, en sentence, line)
    let mut docs: BTreeMap<String, Vec<(u32, u32, usize)>> = BTreeMap::new();
    for (n, line) in ids.iter().enumerate() {
        let mut fields = line.split_whitespace();
        let Some(doc) = fields.next() else { continue };
        let en = fields
            .find_map(|f| f.strip_prefix("en:"))
            .unwrap_or("0:0")
            .to_string();
        let mut parts = en.split(':').map(|p| p.parse::<u32>().unwrap_or(0));
        let (p, s) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
        docs.entry(doc.to_string()).or_default().push((p, s, n));
    }
    docs.into_iter()
        .map(|(name, mut lines)| {
            lines.sort();
            let versions = langs
                .iter()
                .zip(&texts)
                .map(|(l, text)| {
                    let mut out = Vec::new();
                    for (k, &(_, _, n)) in lines.iter().enumerate() {
                        if k > 0 {
                            out.push(String::new());
                        }
                        out.push(text[n].clone());
                    }
                    Version {
                        lang: l.parse().unwrap(),
                        lines: out,
                    }
                })
                .collect();
            Set {
                name,
                group: "unpc-devset",
                versions,
                gold: true,
                kinds: &ALL_KINDS,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Kind {
    DeletePara,
    DuplicatePara,
    MovePara,
    Renumber,
    MarkerDelete,
    MarkerMove,
    MarkerDuplicate,
    BodyDelete,
    BodyMove,
    BodyDuplicate,
    ChangeNumber,
    ChangeDate,
    Untranslated,
    CutHalf,
}

const ALL_KINDS: [Kind; 14] = [
    Kind::DeletePara,
    Kind::DuplicatePara,
    Kind::MovePara,
    Kind::Renumber,
    Kind::MarkerDelete,
    Kind::MarkerMove,
    Kind::MarkerDuplicate,
    Kind::BodyDelete,
    Kind::BodyMove,
    Kind::BodyDuplicate,
    Kind::ChangeNumber,
    Kind::ChangeDate,
    Kind::Untranslated,
    Kind::CutHalf,
];

const NOTE_KINDS: [Kind; 8] = [
    Kind::MarkerDelete,
    Kind::MarkerMove,
    Kind::MarkerDuplicate,
    Kind::BodyDelete,
    Kind::BodyMove,
    Kind::BodyDuplicate,
    Kind::ChangeNumber,
    Kind::ChangeDate,
];

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::DeletePara => "delete paragraph",
            Kind::DuplicatePara => "duplicate paragraph",
            Kind::MovePara => "move paragraph",
            Kind::Renumber => "renumber paragraph",
            Kind::MarkerDelete => "delete footnote marker",
            Kind::MarkerMove => "move footnote marker",
            Kind::MarkerDuplicate => "duplicate footnote marker",
            Kind::BodyDelete => "delete footnote body",
            Kind::BodyMove => "move footnote body",
            Kind::BodyDuplicate => "duplicate footnote body",
            Kind::ChangeNumber => "change a number",
            Kind::ChangeDate => "change a date",
            Kind::Untranslated => "pivot text left untranslated",
            Kind::CutHalf => "cut paragraph in half",
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Kind::DeletePara => "delete-para",
            Kind::DuplicatePara => "dup-para",
            Kind::MovePara => "move-para",
            Kind::Renumber => "renumber",
            Kind::MarkerDelete => "delete-marker",
            Kind::MarkerMove => "move-marker",
            Kind::MarkerDuplicate => "dup-marker",
            Kind::BodyDelete => "delete-body",
            Kind::BodyMove => "move-body",
            Kind::BodyDuplicate => "dup-body",
            Kind::ChangeNumber => "number",
            Kind::ChangeDate => "date",
            Kind::Untranslated => "untranslated",
            Kind::CutHalf => "cut",
        }
    }

    /// Numbering and footnote mutations: the target is 100 % recall.
    fn strict(self) -> bool {
        matches!(
            self,
            Kind::Renumber
                | Kind::MarkerDelete
                | Kind::MarkerMove
                | Kind::MarkerDuplicate
                | Kind::BodyDelete
                | Kind::BodyMove
                | Kind::BodyDuplicate
        )
    }

    /// How many mutations of this kind to draw from a set group at most.
    fn cap(self, group: &str) -> usize {
        let base = match group {
            "unpc-devset" => 400,
            "udhr" => 150,
            _ => 100,
        };
        if self.strict() { base * 2 } else { base }
    }
}

/// A unit of the mutated version in an alignment: one that comes from a baseline unit, or one
/// the mutation added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Unit {
    Old(usize),
    New(usize),
}

/// A row, identified across alignments of the same set: by its pivot units, else by the first
/// unit of the first version that has one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum RowKey {
    Pivot {
        note: bool,
        units: Vec<usize>,
    },
    Lone {
        note: bool,
        version: usize,
        unit: Unit,
    },
}

/// Where the expected finding must be.
#[derive(Debug, Clone)]
enum Place {
    /// At one of these rows (a `Lone` key with `Unit::New(usize::MAX)` stands for any added unit).
    Rows(Vec<RowKey>),
    /// At any row whose baseline position is in the range.
    Window(f64, f64),
}

/// What the parse of the mutated text must show for the mutation to count as written.
#[derive(Debug, Clone)]
enum Verify {
    Nothing,
    /// Block (baseline index) lost one marker; another block (if any) gained it.
    Marker {
        from: Option<usize>,
        to: Option<usize>,
        marker: String,
    },
    /// Footnotes with this marker: count changes by `delta` (0: order changes).
    Notes {
        marker: String,
        delta: isize,
    },
    /// The block's label is now this.
    Label {
        block: usize,
        label: String,
    },
    /// The unit's anchors of this kind changed.
    Anchor {
        note: bool,
        unit: usize,
        kind: AnchorKind,
    },
}

#[derive(Clone)]
struct Edit {
    lines: Vec<String>,
    /// For each new line, the baseline line (0-based) it comes from.
    origin: Vec<Option<usize>>,
}

struct Mutation {
    set: usize,
    kind: Kind,
    version: usize,
    /// Candidate edits: the first whose parse passes `verify` is used.
    edits: Vec<Edit>,
    verify: Verify,
    expected: Vec<Code>,
    place: Place,
    consequential: Vec<Code>,
    /// Baseline positions where consequential findings may be.
    window: (f64, f64),
    /// Baseline units of the mutated version whose row may change (blocks, notes).
    exempt: (Vec<usize>, Vec<usize>),
    /// Baseline unit whose copy was added (either may hold the baseline row).
    duplicated: Option<(bool, usize)>,
    what: String,
}

// ---------------------------------------------------------------------------------------------
// Baseline
// ---------------------------------------------------------------------------------------------

struct Base {
    docs: Vec<Document>,
    pivot: usize,
    alignment: Alignment,
    findings: Vec<Finding>,
    keys: Vec<RowKey>,
    /// Per version: block index -> row; footnote index -> row.
    block_row: Vec<Vec<Option<usize>>>,
    note_row: Vec<Vec<Option<usize>>>,
}

fn options(lang: Language) -> ParseOptions {
    ParseOptions {
        language: Some(lang),
        tokens: false,
    }
}

fn text_of(lines: &[String]) -> String {
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

/// Align and check versions through the library's pipeline; versions in one language (the
/// seed with its copy) are compared too, the first (or `pivot`'s) as pivot. A finding folded
/// into another as related (the numbers shifted after a repeated one, under the
/// `numbering-duplicate`) is still reported, in JSON and through its cause in the report: it is
/// listed here as a finding of its own, so that it counts for recall and precision as before.
fn compare_versions(docs: Vec<Document>, pivot: Option<Language>) -> Comparison {
    let mut comparison = fold_out(docs, pivot);
    let mut flat = Vec::with_capacity(comparison.findings.len());
    for mut f in std::mem::take(&mut comparison.findings) {
        flat.extend(std::mem::take(&mut f.related));
        flat.push(f);
    }
    flat.sort_by_key(|f| (f.code, f.row, f.languages.first().copied()));
    comparison.findings = flat;
    comparison
}

/// The comparison of `docs` as the pipeline gives it.
fn fold_out(docs: Vec<Document>, pivot: Option<Language>) -> Comparison {
    let same_language = docs
        .iter()
        .enumerate()
        .any(|(i, d)| docs[..i].iter().any(|o| o.language == d.language));
    let options = Options {
        pivot,
        same_language,
        ..Options::default()
    };
    Comparison::of_documents(docs, &options).expect("versions of one set compare")
}

fn parse_version(v: &Version, name: &str) -> Document {
    parse(&text_of(&v.lines), name, &options(v.lang))
}

/// Per version, for each unit (block or footnote), an index (into another list of units).
type UnitMaps = Vec<Vec<Option<usize>>>;

fn identity_maps(docs: &[Document]) -> (UnitMaps, UnitMaps) {
    (
        docs.iter()
            .map(|d| (0..d.blocks.len()).map(Some).collect())
            .collect(),
        docs.iter()
            .map(|d| (0..d.footnotes.len()).map(Some).collect())
            .collect(),
    )
}

fn row_keys(
    al: &Alignment,
    block_maps: &[Vec<Option<usize>>],
    note_maps: &[Vec<Option<usize>>],
) -> Vec<RowKey> {
    al.rows
        .iter()
        .map(|row| {
            let note = row.is_footnote();
            if let Some(c) = &row.cells[al.pivot] {
                return RowKey::Pivot {
                    note,
                    units: c.units.clone(),
                };
            }
            let (version, c) = row
                .cells
                .iter()
                .enumerate()
                .find_map(|(v, c)| Some((v, c.as_ref()?)))
                .expect("a row has a cell");
            let u = c.units[0];
            let map = if note {
                &note_maps[version]
            } else {
                &block_maps[version]
            };
            RowKey::Lone {
                note,
                version,
                unit: map[u].map_or(Unit::New(u), Unit::Old),
            }
        })
        .collect()
}

fn rows_of(al: &Alignment, docs: &[Document]) -> (UnitMaps, UnitMaps) {
    let mut blocks: Vec<Vec<Option<usize>>> =
        docs.iter().map(|d| vec![None; d.blocks.len()]).collect();
    let mut notes: Vec<Vec<Option<usize>>> =
        docs.iter().map(|d| vec![None; d.footnotes.len()]).collect();
    for (r, row) in al.rows.iter().enumerate() {
        for (v, c) in row.cells.iter().enumerate() {
            for &u in c.iter().flat_map(|c| &c.units) {
                if row.is_footnote() {
                    notes[v][u] = Some(r);
                } else {
                    blocks[v][u] = Some(r);
                }
            }
        }
    }
    (blocks, notes)
}

impl Base {
    fn new(set: &Set) -> Base {
        let docs: Vec<Document> = set
            .versions
            .iter()
            .map(|v| parse_version(v, &format!("{}/{}", set.name, v.lang)))
            .collect();
        // Two versions in one language (the seed with its copy): the first is the pivot.
        let Comparison {
            documents: docs,
            alignment,
            findings,
            ..
        } = compare_versions(docs, None);
        let pivot = alignment.pivot;
        let (bm, nm) = identity_maps(&docs);
        let keys = row_keys(&alignment, &bm, &nm);
        let (block_row, note_row) = rows_of(&alignment, &docs);
        Base {
            docs,
            pivot,
            alignment,
            findings,
            keys,
            block_row,
            note_row,
        }
    }

    fn full_row(&self, r: usize) -> bool {
        self.alignment.rows[r].cells.iter().all(Option::is_some)
    }

    fn single(&self, v: usize, b: usize) -> Option<usize> {
        let r = self.block_row[v][b]?;
        let c = self.alignment.rows[r].cells[v].as_ref()?;
        (c.units.len() == 1).then_some(r)
    }

    fn has_finding(&self, codes: &[Code], v: usize, r: usize) -> bool {
        let lang = self.docs[v].language;
        self.findings
            .iter()
            .any(|f| codes.contains(&f.code) && f.languages == [lang] && f.row == Some(r + 1))
    }

    /// Versions whose units in row `r` carry footnote marker `m`.
    fn carriers(&self, r: usize, m: &str) -> Vec<usize> {
        let row = &self.alignment.rows[r];
        (0..self.docs.len())
            .filter(|&w| {
                row.cells[w].as_ref().is_some_and(|c| {
                    c.units.iter().any(|&u| {
                        self.docs[w].blocks[u]
                            .footnote_refs
                            .iter()
                            .any(|f| f.marker == m)
                    })
                })
            })
            .collect()
    }

    /// The pivot and most versions carry marker `m` in row `r`.
    fn marker_agreed(&self, r: usize, m: &str) -> bool {
        let c = self.carriers(r, m);
        c.contains(&self.pivot) && 2 * c.len() > self.docs.len()
    }

    /// Row of the next block of version `v` after `b` with the same kind and a label.
    fn next_labelled_row(&self, v: usize, b: usize) -> Option<usize> {
        let doc = &self.docs[v];
        let kind = doc.blocks[b].kind;
        doc.blocks[b + 1..]
            .iter()
            .enumerate()
            .find(|(_, x)| x.kind == kind && x.label.is_some())
            .and_then(|(k, _)| self.block_row[v][b + 1 + k])
    }
}

// ---------------------------------------------------------------------------------------------
// Text edits
// ---------------------------------------------------------------------------------------------

fn identity_edit(lines: &[String]) -> Edit {
    Edit {
        lines: lines.to_vec(),
        origin: (0..lines.len()).map(Some).collect(),
    }
}

impl Edit {
    /// Position (in this edit) of the line that came from baseline line `old`.
    fn position(&self, old: usize) -> Option<usize> {
        self.origin.iter().position(|o| *o == Some(old))
    }

    fn remove(&mut self, olds: &[usize]) {
        let keep: Vec<bool> = self
            .origin
            .iter()
            .map(|o| o.is_none_or(|o| !olds.contains(&o)))
            .collect();
        let mut k = keep.iter();
        self.lines.retain(|_| *k.next().unwrap());
        let mut k = keep.iter();
        self.origin.retain(|_| *k.next().unwrap());
    }

    /// Insert lines after position `at` (before everything when `None`), with origins.
    fn insert(&mut self, at: Option<usize>, lines: Vec<(String, Option<usize>)>) {
        let pos = at.map_or(0, |p| p + 1);
        for (k, (l, o)) in lines.into_iter().enumerate() {
            self.lines.insert(pos + k, l);
            self.origin.insert(pos + k, o);
        }
    }

    fn set(&mut self, old: usize, text: String) {
        if let Some(p) = self.position(old) {
            self.lines[p] = text;
        }
    }
}

/// Whether the text separates paragraphs by blank lines around `last` (0-based).
fn blank_after(lines: &[String], last: usize) -> bool {
    lines.get(last + 1).is_some_and(|l| l.trim().is_empty())
}

fn block_lines(doc: &Document, b: usize) -> Vec<usize> {
    doc.blocks[b].lines.iter().map(|l| l - 1).collect()
}

fn note_lines(doc: &Document, f: usize) -> Vec<usize> {
    doc.footnotes[f].lines.iter().map(|l| l - 1).collect()
}

/// Lines owned by more than one unit (several notes on one line, a note glued to a paragraph).
fn shared_lines(doc: &Document) -> HashSet<usize> {
    let mut seen: HashMap<usize, usize> = HashMap::new();
    for b in &doc.blocks {
        for &l in &b.lines {
            *seen.entry(l).or_default() += 1;
        }
    }
    for f in &doc.footnotes {
        for &l in &f.lines {
            *seen.entry(l).or_default() += 1;
        }
    }
    seen.into_iter()
        .filter(|&(_, n)| n > 1)
        .map(|(l, _)| l - 1)
        .collect()
}

/// Copy of lines `olds` (as new lines), preceded by a blank line when the text uses them.
fn copy_of(lines: &[String], olds: &[usize], blank: bool) -> Vec<(String, Option<usize>)> {
    let mut out = Vec::new();
    if blank {
        out.push((String::new(), None));
    }
    out.extend(olds.iter().map(|&o| (lines[o].clone(), None)));
    out
}

fn moved_lines(lines: &[String], olds: &[usize], blank: bool) -> Vec<(String, Option<usize>)> {
    let mut out = Vec::new();
    if blank {
        out.push((String::new(), None));
    }
    out.extend(olds.iter().map(|&o| (lines[o].clone(), Some(o))));
    out
}

// ---------------------------------------------------------------------------------------------
// Site generation
// ---------------------------------------------------------------------------------------------

struct Ctx<'a> {
    set_index: usize,
    set: &'a Set,
    base: &'a Base,
}

impl Ctx<'_> {
    fn lines(&self, v: usize) -> &[String] {
        &self.set.versions[v].lines
    }

    fn key(&self, r: usize) -> RowKey {
        self.base.keys[r].clone()
    }

    fn lone_new(&self, v: usize, note: bool) -> RowKey {
        RowKey::Lone {
            note,
            version: v,
            unit: Unit::New(usize::MAX),
        }
    }

    fn lone_old(&self, v: usize, note: bool, u: usize) -> RowKey {
        RowKey::Lone {
            note,
            version: v,
            unit: Unit::Old(u),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn mutation(
        &self,
        kind: Kind,
        v: usize,
        edits: Vec<Edit>,
        verify: Verify,
        expected: &[Code],
        place: Place,
        consequential: &[Code],
        window: (f64, f64),
        exempt: (Vec<usize>, Vec<usize>),
        what: String,
    ) -> Mutation {
        Mutation {
            set: self.set_index,
            kind,
            version: v,
            edits,
            verify,
            expected: expected.to_vec(),
            place,
            consequential: consequential.to_vec(),
            window,
            exempt,
            duplicated: None,
            what,
        }
    }
}

const NUMBERING: [Code; 3] = [
    Code::NumberingGap,
    Code::NumberingOrder,
    Code::NumberingDuplicate,
];

fn short(s: &str) -> String {
    let t: String = s.chars().take(50).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

fn sites(cx: &Ctx, kind: Kind) -> Vec<Mutation> {
    let base = cx.base;
    let pivot = base.pivot;
    let mut out = Vec::new();
    for v in (0..base.docs.len()).filter(|&v| v != pivot) {
        let doc = &base.docs[v];
        let lines = cx.lines(v);
        let shared = shared_lines(doc);
        let own = |b: usize| {
            let ls = block_lines(doc, b);
            !ls.is_empty() && ls.iter().all(|l| !shared.contains(l))
        };
        match kind {
            Kind::DeletePara => {
                for b in 0..doc.blocks.len() {
                    let Some(r) = base.single(v, b) else { continue };
                    if !base.full_row(r) || !own(b) {
                        continue;
                    }
                    let mut e = identity_edit(lines);
                    e.remove(&block_lines(doc, b));
                    let next = base.next_labelled_row(v, b).unwrap_or(r + 1);
                    out.push(cx.mutation(
                        kind,
                        v,
                        vec![e],
                        Verify::Nothing,
                        &[Code::ParagraphMissing],
                        Place::Rows(vec![cx.key(r)]),
                        &[
                            Code::NumberingGap,
                            Code::NumberingOrder,
                            Code::FootnoteRefMissing,
                            Code::FootnoteUnreferenced,
                        ],
                        (r as f64 - 1.0, next as f64 + 0.5),
                        (vec![b], vec![]),
                        format!("delete b{} {}", b + 1, short(&doc.blocks[b].text)),
                    ));
                }
            }
            Kind::DuplicatePara => {
                for b in 0..doc.blocks.len() {
                    let Some(r) = base.single(v, b) else { continue };
                    if !own(b) {
                        continue;
                    }
                    let ls = block_lines(doc, b);
                    let last = *ls.last().unwrap();
                    let mut e = identity_edit(lines);
                    let at = e.position(last);
                    e.insert(at, copy_of(lines, &ls, blank_after(lines, last)));
                    let next = base.next_labelled_row(v, b).unwrap_or(r + 1);
                    let mut m = cx.mutation(
                        kind,
                        v,
                        vec![e],
                        Verify::Nothing,
                        &[Code::ParagraphExtra],
                        Place::Rows(vec![cx.lone_new(v, false), cx.lone_old(v, false, b)]),
                        // The number repeated, and the run of numbers around it (which of
                        // the twins takes the row, the other's place in the run is reported).
                        &[
                            Code::NumberingDuplicate,
                            Code::NumberingGap,
                            Code::NumberingOrder,
                            Code::FootnoteRefMoved,
                            Code::FootnoteRefExtra,
                        ],
                        (r as f64 - 0.5, next as f64 + 0.5),
                        (vec![b], vec![]),
                        format!("duplicate b{} {}", b + 1, short(&doc.blocks[b].text)),
                    );
                    m.duplicated = Some((false, b));
                    out.push(m);
                }
            }
            Kind::MovePara => {
                for b in 0..doc.blocks.len() {
                    let Some(r) = base.single(v, b) else { continue };
                    if !base.full_row(r) || !own(b) {
                        continue;
                    }
                    for d in [-3isize, -2, 2, 3] {
                        let t = b as isize + d;
                        if t < 0 || t as usize >= doc.blocks.len() || !own(t as usize) {
                            continue;
                        }
                        let t = t as usize;
                        let Some(rt) = base.block_row[v][t] else {
                            continue;
                        };
                        let ls = block_lines(doc, b);
                        let blank = blank_after(lines, *ls.last().unwrap());
                        let mut e = identity_edit(lines);
                        e.remove(&ls);
                        let tl = block_lines(doc, t);
                        if d > 0 {
                            let at = e.position(*tl.last().unwrap());
                            e.insert(at, moved_lines(lines, &ls, blank));
                        } else {
                            let first = e.position(tl[0]).unwrap();
                            let mut ins = moved_lines(lines, &ls, false);
                            if blank {
                                ins.push((String::new(), None));
                            }
                            e.insert(first.checked_sub(1), ins);
                        }
                        let (lo, hi) = (r.min(rt) as f64, r.max(rt) as f64);
                        let next = base
                            .next_labelled_row(v, b.max(t))
                            .unwrap_or(hi as usize + 1);
                        out.push(cx.mutation(
                            kind,
                            v,
                            vec![e],
                            Verify::Nothing,
                            &[
                                Code::ParagraphMissing,
                                Code::ParagraphExtra,
                                Code::NumberingOrder,
                            ],
                            Place::Window(lo - 0.5, hi + 0.5),
                            &[
                                Code::ParagraphMissing,
                                Code::ParagraphExtra,
                                Code::NumberingOrder,
                                Code::NumberingGap,
                                Code::NumberingDuplicate,
                                Code::FootnoteRefMoved,
                                Code::FootnoteRefMissing,
                                Code::FootnoteRefExtra,
                            ],
                            (lo - 1.0, next as f64 + 0.5),
                            (vec![b], vec![]),
                            format!("move b{} by {d} {}", b + 1, short(&doc.blocks[b].text)),
                        ));
                    }
                }
            }
            Kind::Renumber => {
                for (b, blk) in doc.blocks.iter().enumerate() {
                    let Some(label) = blk.label.as_deref() else {
                        continue;
                    };
                    if !matches!(blk.kind, BlockKind::Paragraph | BlockKind::Subparagraph) {
                        continue;
                    }
                    let Some(r) = base.block_row[v][b] else {
                        continue;
                    };
                    // The pivot carries the same label at that row.
                    let pivot_label = base.alignment.rows[r].cells[pivot]
                        .as_ref()
                        .and_then(|c| base.docs[pivot].blocks[c.units[0]].label.as_deref());
                    if pivot_label != Some(label)
                        || base.has_finding(&[Code::NumberingMismatch], v, r)
                    {
                        continue;
                    }
                    let first = blk.line - 1;
                    for delta in [1i64, 2, -1] {
                        let Some((text, new_label)) = relabel(&lines[first], label, delta) else {
                            continue;
                        };
                        let mut e = identity_edit(lines);
                        e.set(first, text);
                        let next = base.next_labelled_row(v, b).unwrap_or(r + 1);
                        out.push(cx.mutation(
                            kind,
                            v,
                            vec![e],
                            Verify::Label {
                                block: b,
                                label: new_label.clone(),
                            },
                            &[Code::NumberingMismatch],
                            Place::Rows(vec![cx.key(r)]),
                            &NUMBERING,
                            (r as f64 - 0.5, next as f64 + 0.5),
                            (vec![], vec![]),
                            format!("renumber b{} {label} -> {new_label}", b + 1),
                        ));
                        break;
                    }
                }
            }
            Kind::MarkerDelete | Kind::MarkerMove | Kind::MarkerDuplicate => {
                for (b, blk) in doc.blocks.iter().enumerate() {
                    let Some(r) = base.block_row[v][b] else {
                        continue;
                    };
                    let mut done = HashSet::new();
                    for fr in &blk.footnote_refs {
                        if !done.insert(fr.marker.clone()) {
                            continue;
                        }
                        let m = fr.marker.as_str();
                        // A known answer only where the pivot and most versions carry the
                        // marker at that row (some versions of a sentence lack it).
                        let marker_codes = [
                            Code::FootnoteRefMissing,
                            Code::FootnoteRefMoved,
                            Code::FootnoteRefExtra,
                        ];
                        if !base.marker_agreed(r, m) || base.has_finding(&marker_codes, v, r) {
                            continue;
                        }
                        let removals = marker_removals(lines, doc, b, m);
                        if kind == Kind::MarkerDelete {
                            if removals.is_empty() {
                                continue;
                            }
                            out.push(cx.mutation(
                                kind,
                                v,
                                removals.iter().map(|(e, _)| e.clone()).collect(),
                                Verify::Marker {
                                    from: Some(b),
                                    to: None,
                                    marker: m.to_string(),
                                },
                                &[Code::FootnoteRefMissing],
                                Place::Rows(vec![cx.key(r)]),
                                &[Code::FootnoteUnreferenced],
                                (r as f64, r as f64),
                                (vec![], vec![]),
                                format!("delete marker {m} of b{}", b + 1),
                            ));
                            continue;
                        }
                        // Targets: other blocks in rows the pivot has, with text.
                        for (t, tb) in doc.blocks.iter().enumerate() {
                            let Some(rt) = base.block_row[v][t] else {
                                continue;
                            };
                            if rt == r
                                || base.alignment.rows[rt].cells[pivot].is_none()
                                || !base.carriers(rt, m).is_empty()
                                || base.has_finding(&marker_codes, v, rt)
                                || tb.footnote_refs.iter().any(|x| x.marker == m)
                                || !matches!(
                                    tb.kind,
                                    BlockKind::Paragraph
                                        | BlockKind::Preamble
                                        | BlockKind::Subparagraph
                                )
                            {
                                continue;
                            }
                            let form = removals
                                .first()
                                .map_or_else(|| default_form(m, doc.language), |(_, f)| f.clone());
                            let starts: Vec<Edit> = if kind == Kind::MarkerMove {
                                removals.iter().map(|(e, _)| e.clone()).collect()
                            } else {
                                vec![identity_edit(lines)]
                            };
                            if starts.is_empty() {
                                continue;
                            }
                            let Some(&last) = block_lines(doc, t).last() else {
                                continue;
                            };
                            let mut edits = Vec::new();
                            for s in &starts {
                                for text in marker_insertions(&lines[last], &form, doc.language) {
                                    let mut e = s.clone();
                                    e.set(last, text);
                                    edits.push(e);
                                }
                            }
                            let (expected, place, consequential, window) =
                                if kind == Kind::MarkerMove {
                                    (
                                        vec![Code::FootnoteRefMoved],
                                        Place::Rows(vec![cx.key(r)]),
                                        vec![Code::FootnoteRefExtra, Code::FootnoteRefMissing],
                                        (r.min(rt) as f64, r.max(rt) as f64),
                                    )
                                } else {
                                    (
                                        vec![Code::FootnoteRefExtra],
                                        Place::Rows(vec![cx.key(rt), cx.key(r)]),
                                        vec![],
                                        (r.min(rt) as f64, r.max(rt) as f64),
                                    )
                                };
                            out.push(cx.mutation(
                                kind,
                                v,
                                edits,
                                Verify::Marker {
                                    from: (kind == Kind::MarkerMove).then_some(b),
                                    to: Some(t),
                                    marker: m.to_string(),
                                },
                                &expected,
                                place,
                                &consequential,
                                window,
                                (vec![], vec![]),
                                format!(
                                    "{} marker {m} of b{} to b{}",
                                    if kind == Kind::MarkerMove {
                                        "move"
                                    } else {
                                        "copy"
                                    },
                                    b + 1,
                                    t + 1
                                ),
                            ));
                        }
                    }
                }
            }
            Kind::BodyDelete | Kind::BodyMove | Kind::BodyDuplicate => {
                let nlen = doc.footnotes.len();
                for f in 0..nlen {
                    let Some(r) = base.note_row[v][f] else {
                        continue;
                    };
                    let ls = note_lines(doc, f);
                    if ls.is_empty() || ls.iter().any(|l| shared.contains(l)) {
                        continue;
                    }
                    let m = doc.footnotes[f].marker.clone();
                    let last = *ls.last().unwrap();
                    let blank = blank_after(lines, last);
                    match kind {
                        Kind::BodyDelete => {
                            if !base.full_row(r) {
                                continue;
                            }
                            let mut e = identity_edit(lines);
                            e.remove(&ls);
                            out.push(cx.mutation(
                                kind,
                                v,
                                vec![e],
                                Verify::Notes {
                                    marker: m.clone(),
                                    delta: -1,
                                },
                                &[Code::FootnoteMissing],
                                Place::Rows(vec![cx.key(r)]),
                                &[Code::FootnoteOrphan, Code::NumberingGap],
                                (r as f64, r as f64 + 1.0),
                                (vec![], vec![f]),
                                format!("delete note {m}"),
                            ));
                        }
                        Kind::BodyDuplicate => {
                            let mut e = identity_edit(lines);
                            let at = e.position(last);
                            e.insert(at, copy_of(lines, &ls, blank));
                            let mut mu = cx.mutation(
                                kind,
                                v,
                                vec![e],
                                Verify::Notes {
                                    marker: m.clone(),
                                    delta: 1,
                                },
                                &[Code::FootnoteExtra],
                                Place::Rows(vec![cx.lone_new(v, true), cx.lone_old(v, true, f)]),
                                &[Code::FootnoteUnreferenced, Code::NumberingDuplicate],
                                (r as f64 - 0.5, r as f64 + 1.0),
                                (vec![], vec![f]),
                                format!("duplicate note {m}"),
                            );
                            mu.duplicated = Some((true, f));
                            out.push(mu);
                        }
                        _ => {
                            // Only numbered notes have an order.
                            if m.parse::<u32>().is_err() {
                                continue;
                            }
                            for g in 0..nlen {
                                if g.abs_diff(f) < 2 {
                                    continue;
                                }
                                let gl = note_lines(doc, g);
                                if gl.is_empty() || gl.iter().any(|l| shared.contains(l)) {
                                    continue;
                                }
                                let Some(rg) = base.note_row[v][g] else {
                                    continue;
                                };
                                let mut e = identity_edit(lines);
                                e.remove(&ls);
                                let gl_last = *gl.last().unwrap();
                                let at = e.position(gl_last);
                                e.insert(at, moved_lines(lines, &ls, blank_after(lines, gl_last)));
                                out.push(cx.mutation(
                                    kind,
                                    v,
                                    vec![e],
                                    Verify::Notes {
                                        marker: m.clone(),
                                        delta: 0,
                                    },
                                    &[Code::NumberingOrder],
                                    Place::Window(r.min(rg) as f64 - 0.5, r.max(rg) as f64 + 0.5),
                                    &[Code::NumberingOrder, Code::NumberingGap],
                                    (r.min(rg) as f64 - 0.5, r.max(rg) as f64 + 0.5),
                                    (vec![], vec![f]),
                                    format!("move note {m} after note {}", doc.footnotes[g].marker),
                                ));
                            }
                        }
                    }
                }
            }
            Kind::ChangeNumber | Kind::ChangeDate => {
                let akind = if kind == Kind::ChangeNumber {
                    AnchorKind::Number
                } else {
                    AnchorKind::Date
                };
                let units: Vec<(bool, usize)> = (0..doc.blocks.len())
                    .map(|b| (false, b))
                    .chain((0..doc.footnotes.len()).map(|f| (true, f)))
                    .collect();
                for (note, u) in units {
                    let (r, text, ls) = if note {
                        let Some(r) = base.note_row[v][u] else {
                            continue;
                        };
                        (r, &doc.footnotes[u].text, note_lines(doc, u))
                    } else {
                        let Some(r) = base.block_row[v][u] else {
                            continue;
                        };
                        (r, &doc.blocks[u].text, block_lines(doc, u))
                    };
                    if base.alignment.rows[r].cells[pivot].is_none() {
                        continue;
                    }
                    let code = match (note, akind) {
                        (true, _) => Code::FootnoteContent,
                        (false, AnchorKind::Number) => Code::NumberMismatch,
                        _ => Code::DateMismatch,
                    };
                    if base.has_finding(&[code], v, r) {
                        continue;
                    }
                    let mut edits = Vec::new();
                    for a in anchors(text, doc.language)
                        .into_iter()
                        .filter(|a| a.kind == akind && !a.soft && !a.value.starts_with('T'))
                    {
                        let surface = &text[a.start..a.end];
                        if !surface
                            .chars()
                            .any(|c| c.is_ascii_digit() || is_arabic_digit(c))
                        {
                            continue;
                        }
                        if let Some(e) = change_digits(lines, &ls, surface, akind) {
                            edits.push(e);
                        }
                    }
                    if edits.is_empty() {
                        continue;
                    }
                    out.push(cx.mutation(
                        kind,
                        v,
                        edits,
                        Verify::Anchor {
                            note,
                            unit: u,
                            kind: akind,
                        },
                        &[code],
                        Place::Rows(vec![cx.key(r)]),
                        &[],
                        (r as f64, r as f64),
                        (vec![], vec![]),
                        format!(
                            "{} in {}{}",
                            if akind == AnchorKind::Number {
                                "number"
                            } else {
                                "date"
                            },
                            if note { "note " } else { "b" },
                            u + 1
                        ),
                    ));
                }
            }
            Kind::Untranslated | Kind::CutHalf => {
                if kind == Kind::Untranslated && doc.language == base.docs[pivot].language {
                    continue;
                }
                for (b, blk) in doc.blocks.iter().enumerate() {
                    let Some(r) = base.single(v, b) else { continue };
                    let row = &base.alignment.rows[r];
                    let Some(pc) = &row.cells[pivot] else {
                        continue;
                    };
                    if !own(b) || pc.units.len() != 1 {
                        continue;
                    }
                    let pb = &base.docs[pivot].blocks[pc.units[0]];
                    let ls = block_lines(doc, b);
                    if kind == Kind::Untranslated {
                        let body = strip_label(&pb.text, pb.label.is_some());
                        let letters = body.chars().filter(|c| c.is_alphabetic()).count();
                        if letters < 40 || base.has_finding(&[Code::Untranslated], v, r) {
                            continue;
                        }
                        let prefix = if blk.label.is_some() {
                            label_prefix(&lines[ls[0]])
                        } else {
                            String::new()
                        };
                        let mut e = identity_edit(lines);
                        e.remove(&ls[1..]);
                        e.set(ls[0], format!("{prefix}{body}"));
                        out.push(cx.mutation(
                            kind,
                            v,
                            vec![e],
                            Verify::Nothing,
                            &[Code::Untranslated],
                            Place::Rows(vec![cx.key(r)]),
                            &[
                                Code::LengthRatio,
                                Code::FootnoteRefMissing,
                                Code::FootnoteUnreferenced,
                                Code::NumberMismatch,
                                Code::DateMismatch,
                                Code::SymbolMismatch,
                            ],
                            (r as f64, r as f64),
                            (vec![], vec![]),
                            format!("untranslated b{} {}", b + 1, short(&body)),
                        ));
                    } else {
                        let len = blk.text.chars().filter(|c| !c.is_whitespace()).count();
                        let min = if doc.language == Language::Zh {
                            40
                        } else {
                            120
                        };
                        if len < min || base.has_finding(&[Code::LengthRatio], v, r) {
                            continue;
                        }
                        let Some(e) = cut_half(lines, &ls, doc.language) else {
                            continue;
                        };
                        out.push(cx.mutation(
                            kind,
                            v,
                            vec![e],
                            Verify::Nothing,
                            // Half a paragraph cut off: too short, or a sentence of the
                            // pivot missing from it (either tells the reviser).
                            &[Code::LengthRatio, Code::SentenceMissing],
                            Place::Rows(vec![cx.key(r)]),
                            &[
                                Code::NumberMismatch,
                                Code::DateMismatch,
                                Code::SymbolMismatch,
                                Code::FootnoteRefMissing,
                                Code::FootnoteUnreferenced,
                            ],
                            (r as f64, r as f64),
                            (vec![], vec![]),
                            format!("cut b{} ({len} chars) {}", b + 1, short(&blk.text)),
                        ));
                    }
                }
            }
        }
    }
    out
}

fn is_arabic_digit(c: char) -> bool {
    ('\u{660}'..='\u{669}').contains(&c) || ('\u{6F0}'..='\u{6F9}').contains(&c)
}

fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return c.to_digit(10);
    }
    if ('\u{660}'..='\u{669}').contains(&c) {
        return Some(c as u32 - 0x660);
    }
    if ('\u{6F0}'..='\u{6F9}').contains(&c) {
        return Some(c as u32 - 0x6F0);
    }
    None
}

fn with_digit(like: char, d: u32) -> char {
    if like.is_ascii_digit() {
        char::from_digit(d, 10).unwrap()
    } else if ('\u{660}'..='\u{669}').contains(&like) {
        char::from_u32(0x660 + d).unwrap()
    } else {
        char::from_u32(0x6F0 + d).unwrap()
    }
}

/// Change a digit of `surface` where it occurs in the unit's lines: the last digit of a number,
/// the year of a date (else its last figure, kept a valid day).
fn change_digits(lines: &[String], ls: &[usize], surface: &str, kind: AnchorKind) -> Option<Edit> {
    for &l in ls {
        let line = &lines[l];
        for (start, _) in line.match_indices(surface) {
            let end = start + surface.len();
            let before = line[..start].chars().next_back();
            let after = line[end..].chars().next();
            if before.is_some_and(|c| digit_value(c).is_some())
                || after.is_some_and(|c| digit_value(c).is_some())
            {
                continue;
            }
            // Digit runs of the surface: (byte start, chars).
            let mut runs: Vec<(usize, Vec<(usize, char)>)> = Vec::new();
            let mut prev_digit = false;
            for (i, c) in surface.char_indices() {
                if digit_value(c).is_some() {
                    if !prev_digit {
                        runs.push((i, Vec::new()));
                    }
                    runs.last_mut().unwrap().1.push((i, c));
                    prev_digit = true;
                } else {
                    prev_digit = false;
                }
            }
            let run = if kind == AnchorKind::Date {
                runs.iter()
                    .find(|(_, r)| r.len() == 4)
                    .or_else(|| runs.last())?
            } else {
                runs.last()?
            };
            let (i, c) = *run.1.last()?;
            let d = digit_value(c)?;
            let value: u32 = run
                .1
                .iter()
                .fold(0, |acc, &(_, c)| acc * 10 + digit_value(c).unwrap_or(0));
            let nd = if kind == AnchorKind::Date && run.1.len() <= 2 {
                // A day or month: keep it valid.
                if value >= 2 && d >= 1 { d - 1 } else { d + 1 }
            } else if d == 9 {
                8
            } else {
                d + 1
            };
            let mut s = String::with_capacity(line.len());
            s.push_str(&line[..start + i]);
            s.push(with_digit(c, nd));
            s.push_str(&line[start + i + c.len_utf8()..]);
            let mut e = identity_edit(lines);
            e.set(l, s);
            return Some(e);
        }
    }
    None
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\s*\(?)([0-9]+|[\u{660}-\u{669}]+|[a-z]|[абсеі])([.)]|\s+-)").unwrap()
});

/// Any paragraph or list label at the start of a line (to keep when the text is replaced).
static ANY_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:\(?(?:[0-9]+|[\u{660}-\u{669}]+|[a-z]|[абсеі]|[\u{0621}-\u{064A}]{1,3})(?:[.)]|\s+-)|[\u{3220}-\u{3229}])",
    )
    .unwrap()
});

/// The first line with its label changed by `delta` (numbers) or letters moved on.
fn relabel(line: &str, label: &str, delta: i64) -> Option<(String, String)> {
    let c = LABEL.captures(line)?;
    let m = c.get(2)?;
    let raw = m.as_str();
    let new = if let Ok(n) = label.parse::<i64>() {
        let n2 = n + delta;
        if n2 < 1 {
            return None;
        }
        let ascii = n2.to_string();
        let text = if raw.chars().all(|c| c.is_ascii_digit()) {
            ascii.clone()
        } else {
            ascii
                .chars()
                .map(|d| with_digit('\u{660}', d.to_digit(10).unwrap()))
                .collect()
        };
        (text, ascii)
    } else {
        let l = label.chars().next()?;
        if label.len() != 1 || !l.is_ascii_lowercase() {
            return None;
        }
        let n = (l as i64 - 'a' as i64) + delta;
        if !(0..26).contains(&n) || n == 8 {
            return None;
        }
        let c2 = char::from_u32('a' as u32 + n as u32)?;
        (c2.to_string(), c2.to_string())
    };
    let mut s = String::new();
    s.push_str(&line[..m.start()]);
    s.push_str(&new.0);
    s.push_str(&line[m.end()..]);
    Some((s, new.1))
}

fn label_prefix(line: &str) -> String {
    ANY_LABEL
        .captures(line)
        .map(|c| format!("{} ", c.get(0).unwrap().as_str().trim_end()))
        .unwrap_or_default()
}

fn strip_label(text: &str, labelled: bool) -> String {
    if !labelled {
        return text.to_string();
    }
    LABEL
        .captures(text)
        .map_or(text, |c| text[c.get(0).unwrap().end()..].trim_start())
        .to_string()
}

fn superscript(m: &str) -> Option<String> {
    m.chars()
        .map(|c| {
            Some(match c {
                '0' => '⁰',
                '1' => '¹',
                '2' => '²',
                '3' => '³',
                '4' => '⁴',
                '5' => '⁵',
                '6' => '⁶',
                '7' => '⁷',
                '8' => '⁸',
                '9' => '⁹',
                _ => return None,
            })
        })
        .collect()
}

fn default_form(m: &str, lang: Language) -> String {
    if lang == Language::Ar && m != "*" {
        format!("({m})")
    } else {
        m.to_string()
    }
}

/// Ways of taking marker `m` out of block `b`'s lines, each with the form it was written in.
fn marker_removals(lines: &[String], doc: &Document, b: usize, m: &str) -> Vec<(Edit, String)> {
    let mut forms: Vec<String> = Vec::new();
    if let Some(s) = superscript(m) {
        forms.push(s);
    }
    forms.push(format!("({m})"));
    forms.push(m.to_string());
    let mut out = Vec::new();
    for &l in &block_lines(doc, b) {
        let line = &lines[l];
        for form in &forms {
            for (start, _) in line.match_indices(form.as_str()) {
                let end = start + form.len();
                let before = line[..start].chars().next_back();
                let after = line[end..].chars().next();
                let digit =
                    |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || superscript_char(c));
                if digit(before) || digit(after) {
                    continue;
                }
                let mut s = line[..start].to_string();
                s.push_str(&line[end..]);
                let mut e = identity_edit(lines);
                e.set(l, s);
                out.push((e, form.clone()));
            }
        }
    }
    out
}

fn superscript_char(c: char) -> bool {
    "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c)
}

/// The line with marker `form` added at its end, in the language's way (before or after the
/// final punctuation).
fn marker_insertions(line: &str, form: &str, lang: Language) -> Vec<String> {
    let trimmed = line.trim_end();
    let last = trimmed.chars().next_back();
    let punct = last.is_some_and(|c| ".,;:。，；：、".contains(c) || c == '،' || c == '؛');
    let after = format!("{trimmed}{form}");
    if !punct {
        return vec![after];
    }
    let cut = trimmed.len() - last.unwrap().len_utf8();
    let before = format!("{}{form}{}", &trimmed[..cut], &trimmed[cut..]);
    match lang {
        Language::En | Language::Zh => vec![after, before],
        _ => vec![before, after],
    }
}

/// Keep the first half of a block's text (at a word boundary outside Chinese).
fn cut_half(lines: &[String], ls: &[usize], lang: Language) -> Option<Edit> {
    let total: usize = ls.iter().map(|&l| lines[l].chars().count()).sum();
    let mut want = total / 2;
    let mut e = identity_edit(lines);
    let mut drop = Vec::new();
    let mut cut_done = false;
    for &l in ls {
        if cut_done {
            drop.push(l);
            continue;
        }
        let n = lines[l].chars().count();
        if want >= n {
            want -= n;
            continue;
        }
        let chars: Vec<char> = lines[l].chars().collect();
        let mut at = want;
        if lang != Language::Zh {
            while at < chars.len() && !chars[at].is_whitespace() {
                at += 1;
            }
        }
        if at == 0 {
            return None;
        }
        e.set(
            l,
            chars[..at]
                .iter()
                .collect::<String>()
                .trim_end()
                .to_string(),
        );
        cut_done = true;
    }
    e.remove(&drop);
    Some(e)
}

// ---------------------------------------------------------------------------------------------
// Evaluation of one mutation
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Expected,
    Consequential,
    False,
}

struct Outcome {
    set: usize,
    kind: Kind,
    lang: Language,
    valid: bool,
    detected: bool,
    /// The expected code for the mutated version at the row or a neighbouring one.
    near: bool,
    /// New findings: code, class, severity, message.
    new: Vec<(Code, Class, Severity, String)>,
    lost: usize,
    /// Units of the mutated version / of every non-pivot version whose row is as expected.
    rows_v: (usize, usize),
    rows_all: (usize, usize),
    gold: Option<(usize, usize)>,
    what: String,
}

fn unit_map(
    base_units: &[Vec<usize>],
    mut_units: &[Vec<usize>],
    origin: &[Option<usize>],
) -> Vec<Option<usize>> {
    let mut owner: HashMap<usize, usize> = HashMap::new();
    for (u, ls) in base_units.iter().enumerate() {
        for &l in ls {
            owner.entry(l).or_insert(u);
        }
    }
    mut_units
        .iter()
        .map(|ls| {
            ls.iter()
                .filter_map(|&l| origin.get(l - 1).copied().flatten())
                .find_map(|o| owner.get(&(o + 1)).copied())
        })
        .collect()
}

fn verified(
    verify: &Verify,
    before: &Document,
    after: &Document,
    bmap: &[Option<usize>],
    nmap: &[Option<usize>],
) -> bool {
    let block_of = |b: usize| bmap.iter().position(|&x| x == Some(b));
    let count = |d: &Document, i: Option<usize>, m: &str| {
        i.map_or(0, |i| {
            d.blocks[i]
                .footnote_refs
                .iter()
                .filter(|x| x.marker == m)
                .count()
        })
    };
    match verify {
        Verify::Nothing => true,
        Verify::Marker { from, to, marker } => {
            let total = |d: &Document| {
                d.blocks
                    .iter()
                    .map(|b| b.footnote_refs.len())
                    .sum::<usize>()
            };
            let expected_total =
                total(before) + usize::from(to.is_some()) - usize::from(from.is_some());
            let from_ok = from.is_none_or(|b| {
                count(after, block_of(b), marker) + 1 == count(before, Some(b), marker)
            });
            let to_ok = to.is_none_or(|b| {
                count(after, block_of(b), marker) == count(before, Some(b), marker) + 1
            });
            from_ok
                && to_ok
                && total(after) == expected_total
                && after.blocks.len() == before.blocks.len()
        }
        Verify::Notes { marker, delta } => {
            let n =
                |d: &Document| d.footnotes.iter().filter(|f| &f.marker == marker).count() as isize;
            if n(after) != n(before) + delta
                || after.footnotes.len() as isize != before.footnotes.len() as isize + delta
            {
                return false;
            }
            if *delta == 0 {
                let order = |d: &Document| {
                    d.footnotes
                        .iter()
                        .map(|f| f.marker.clone())
                        .collect::<Vec<_>>()
                };
                order(after) != order(before) && nmap.iter().all(Option::is_some)
            } else {
                true
            }
        }
        Verify::Label { block, label } => block_of(*block)
            .is_some_and(|i| after.blocks[i].label.as_deref() == Some(label.as_str())),
        Verify::Anchor { note, unit, kind } => {
            let (t0, t1) = if *note {
                let Some(i) = nmap.iter().position(|&x| x == Some(*unit)) else {
                    return false;
                };
                (&before.footnotes[*unit].text, &after.footnotes[i].text)
            } else {
                let Some(i) = block_of(*unit) else {
                    return false;
                };
                (&before.blocks[*unit].text, &after.blocks[i].text)
            };
            let d = compare(&anchors(t0, before.language), &anchors(t1, after.language));
            d.iter().any(|x| x.kind == *kind) && d.iter().all(|x| x.kind == *kind)
        }
    }
}

fn evaluate(m: &Mutation, sets: &[Set], bases: &[Base]) -> Outcome {
    let set = &sets[m.set];
    let base = &bases[m.set];
    let v = m.version;
    let lang = base.docs[v].language;
    let invalid = |what: &str| Outcome {
        set: m.set,
        kind: m.kind,
        lang,
        valid: false,
        detected: false,
        near: false,
        new: Vec::new(),
        lost: 0,
        rows_v: (0, 0),
        rows_all: (0, 0),
        gold: None,
        what: format!("{} [{what}]", m.what),
    };
    let before = &base.docs[v];
    let mut chosen = None;
    for e in &m.edits {
        let doc = parse(
            &text_of(&e.lines),
            &format!("{}/{lang}", set.name),
            &options(lang),
        );
        let bl = |d: &Document| d.blocks.iter().map(|b| b.lines.clone()).collect::<Vec<_>>();
        let nl = |d: &Document| {
            d.footnotes
                .iter()
                .map(|b| b.lines.clone())
                .collect::<Vec<_>>()
        };
        let bmap = unit_map(&bl(before), &bl(&doc), &e.origin);
        let nmap = unit_map(&nl(before), &nl(&doc), &e.origin);
        if verified(&m.verify, before, &doc, &bmap, &nmap) {
            chosen = Some((doc, bmap, nmap));
            break;
        }
    }
    let Some((doc, bmap, nmap)) = chosen else {
        return invalid("the parse does not show the edit");
    };
    let mut docs = base.docs.clone();
    docs[v] = doc;
    let Comparison {
        documents: docs,
        alignment: al,
        findings,
        ..
    } = compare_versions(docs, Some(base.docs[base.pivot].language));
    let (mut bmaps, mut nmaps) = identity_maps(&docs);
    bmaps[v] = bmap.clone();
    nmaps[v] = nmap.clone();
    let keys = row_keys(&al, &bmaps, &nmaps);
    if let Ok(pattern) = std::env::var("EVAL_DUMP")
        && format!("{} {}", set.name, m.what).contains(&pattern)
    {
        let dump = |al: &Alignment, docs: &[Document]| {
            let mut out = String::new();
            for (r, row) in al.rows.iter().enumerate() {
                let _ = write!(out, "{r:>3} {:<9} {:.2}", row.kind.as_str(), row.score);
                for w in [base.pivot, v] {
                    let t = row.text(docs, w).unwrap_or_default().replace('\n', " / ");
                    let t: String = t.chars().take(45).collect();
                    let _ = write!(out, " | {:<45}", t);
                }
                let _ = writeln!(out);
            }
            out
        };
        eprintln!(
            "=== {} {} {}\n--- baseline\n{}--- mutated\n{}",
            set.name,
            lang,
            m.what,
            dump(&base.alignment, &base.docs),
            dump(&al, &docs)
        );
        for f in &findings {
            eprintln!(
                "  {} {:?} {:?} {}",
                f.code.as_str(),
                f.languages,
                f.row,
                f.message
            );
        }
    }

    // Baseline position of every row of the mutated alignment.
    let base_pos: HashMap<&RowKey, usize> =
        base.keys.iter().enumerate().map(|(i, k)| (k, i)).collect();
    let mut pos = Vec::with_capacity(keys.len());
    let mut last = -1.0f64;
    for (r, k) in keys.iter().enumerate() {
        let p = match base_pos.get(k) {
            Some(&i) => i as f64,
            None => {
                // A pivot group merged, or a unit moved: the baseline row of any unit it holds.
                let row = &al.rows[r];
                let note = row.is_footnote();
                row.cells
                    .iter()
                    .enumerate()
                    .flat_map(|(w, c)| {
                        c.iter()
                            .flat_map(move |c| c.units.iter().map(move |&u| (w, u)))
                    })
                    .filter_map(|(w, u)| {
                        let map = if note { &nmaps[w] } else { &bmaps[w] };
                        let bu = map[u]?;
                        if note {
                            base.note_row[w][bu]
                        } else {
                            base.block_row[w][bu]
                        }
                    })
                    .map(|x| x as f64)
                    .fold(f64::NAN, f64::min)
            }
        };
        let p = if p.is_nan() { last + 0.5 } else { p };
        last = p;
        pos.push(p);
    }

    // New findings: mutated minus baseline, keyed by code, languages and row.
    type FKey = (Code, Vec<Language>, Option<RowKey>);
    let mut base_count: HashMap<FKey, usize> = HashMap::new();
    // A marker without a body (or a body without a marker) is the same finding wherever its
    // row went.
    let located =
        |f: &Finding| !matches!(f.code, Code::FootnoteOrphan | Code::FootnoteUnreferenced);
    for f in &base.findings {
        let k = (
            f.code,
            f.languages.clone(),
            f.row
                .filter(|_| located(f))
                .map(|r| base.keys[r - 1].clone()),
        );
        *base_count.entry(k).or_default() += 1;
    }
    let mut new = Vec::new();
    let mut detected = false;
    let mut near = false;
    let sites: Vec<(f64, f64)> = match &m.place {
        Place::Rows(list) => list
            .iter()
            .filter_map(|k| base_pos.get(k).map(|&p| (p as f64 - 1.0, p as f64 + 1.0)))
            .collect(),
        Place::Window(lo, hi) => vec![(lo - 1.0, hi + 1.0)],
    };
    for f in &findings {
        let rk = f.row.filter(|_| located(f)).map(|r| keys[r - 1].clone());
        let k = (f.code, f.languages.clone(), rk);
        if let Some(n) = base_count.get_mut(&k)
            && *n > 0
        {
            *n -= 1;
            continue;
        }
        let mine = f.languages == [lang];
        let at_place = match (&m.place, f.row) {
            (Place::Rows(list), Some(r)) => list.iter().any(|p| match (p, &keys[r - 1]) {
                (
                    RowKey::Lone {
                        note,
                        version,
                        unit: Unit::New(usize::MAX),
                    },
                    RowKey::Lone {
                        note: n2,
                        version: v2,
                        unit: Unit::New(_),
                    },
                ) => note == n2 && version == v2,
                (p, k) => p == k,
            }),
            (Place::Window(lo, hi), Some(r)) => pos[r - 1] >= *lo && pos[r - 1] <= *hi,
            _ => false,
        };
        let in_window = f
            .row
            .filter(|_| located(f))
            .is_none_or(|r| pos[r - 1] >= m.window.0 - 1e-9 && pos[r - 1] <= m.window.1 + 1e-9);
        if mine && m.expected.contains(&f.code) {
            near |= at_place
                || f.row.is_some_and(|r| {
                    sites
                        .iter()
                        .any(|&(lo, hi)| pos[r - 1] >= lo && pos[r - 1] <= hi)
                });
        }
        let class = if mine && m.expected.contains(&f.code) && at_place {
            detected = true;
            Class::Expected
        } else if mine && m.consequential.contains(&f.code) && in_window {
            Class::Consequential
        } else {
            Class::False
        };
        new.push((f.code, class, f.severity, f.message.clone()));
    }
    let lost = base_count.values().sum();

    // Rows: every baseline unit of a non-pivot version should sit in a row with the same key.
    let inverse = |map: &[Option<usize>], n: usize| -> Vec<Vec<usize>> {
        let mut inv = vec![Vec::new(); n];
        for (i, x) in map.iter().enumerate() {
            if let Some(b) = x {
                inv[*b].push(i);
            }
        }
        inv
    };
    let (rows_m, notes_m) = rows_of(&al, &docs);
    let mut rows_v = (0, 0);
    let mut rows_all = (0, 0);
    let mut gold = (0, 0);
    for w in (0..docs.len()).filter(|&w| w != base.pivot) {
        for note in [false, true] {
            let n_base = if note {
                base.docs[w].footnotes.len()
            } else {
                base.docs[w].blocks.len()
            };
            let map = if note { &nmaps[w] } else { &bmaps[w] };
            let inv = inverse(map, n_base);
            for (u, copies) in inv.iter().enumerate() {
                let exempt = if note { &m.exempt.1 } else { &m.exempt.0 };
                if w == v && exempt.contains(&u) && m.duplicated.is_none() {
                    continue;
                }
                let base_row = if note {
                    base.note_row[w][u]
                } else {
                    base.block_row[w][u]
                };
                let Some(br) = base_row else { continue };
                let want = &base.keys[br];
                let rows_now = if note { &notes_m[w] } else { &rows_m[w] };
                let mut ok = copies
                    .iter()
                    .any(|&i| rows_now[i].is_some_and(|r| &keys[r] == want));
                if w == v && m.duplicated == Some((note, u)) && !ok {
                    // The copy may hold the row instead.
                    ok = rows_now
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| map[i].is_none())
                        .any(|(_, r)| r.is_some_and(|r| &keys[r] == want));
                }
                rows_all.1 += 1;
                rows_all.0 += usize::from(ok);
                if w == v {
                    rows_v.1 += 1;
                    rows_v.0 += usize::from(ok);
                }
                if set.gold && !note {
                    // Gold: the pivot unit of the same sentence is in the row.
                    let sentence = (base.docs[w].blocks[u].line - 1) / 2;
                    let good = copies.iter().any(|&i| {
                        rows_now[i].is_some_and(|r| {
                            al.rows[r].cells[base.pivot].as_ref().is_some_and(|c| {
                                c.units
                                    .iter()
                                    .any(|&p| (docs[base.pivot].blocks[p].line - 1) / 2 == sentence)
                            })
                        })
                    });
                    gold.1 += 1;
                    gold.0 += usize::from(good);
                }
            }
        }
    }
    Outcome {
        set: m.set,
        kind: m.kind,
        lang,
        valid: true,
        detected,
        near,
        new,
        lost,
        rows_v,
        rows_all,
        gold: set.gold.then_some(gold),
        what: m.what.clone(),
    }
}

/// Gold accuracy of a baseline alignment of sentence-aligned input: (units in the row of their
/// pivot sentence, units; sentences whose row is exactly the diagonal, sentences).
fn baseline_gold(base: &Base) -> ((usize, usize), (usize, usize)) {
    let sentence = |v: usize, b: usize| (base.docs[v].blocks[b].line - 1) / 2;
    let mut units = (0, 0);
    for v in (0..base.docs.len()).filter(|&v| v != base.pivot) {
        for b in 0..base.docs[v].blocks.len() {
            units.1 += 1;
            let good = base.block_row[v][b].is_some_and(|r| {
                base.alignment.rows[r].cells[base.pivot]
                    .as_ref()
                    .is_some_and(|c| {
                        c.units
                            .iter()
                            .any(|&p| sentence(base.pivot, p) == sentence(v, b))
                    })
            });
            units.0 += usize::from(good);
        }
    }
    let n = base
        .docs
        .iter()
        .map(|d| {
            d.blocks
                .iter()
                .map(|b| (b.line - 1) / 2 + 1)
                .max()
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0);
    let mut rows = (0, n);
    for s in 0..n {
        let exact = base.alignment.rows.iter().any(|row| {
            !row.is_footnote()
                && row.cells.iter().enumerate().all(|(v, c)| {
                    c.as_ref()
                        .is_some_and(|c| c.units.len() == 1 && sentence(v, c.units[0]) == s)
                })
        });
        rows.0 += usize::from(exact);
    }
    (units, rows)
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "–".to_string()
    } else {
        format!("{:.1} %", 100.0 * a as f64 / b as f64)
    }
}

/// Number and date findings per sentence pair of the dev set: every document's versions taken two
/// by two (15 language pairs), parsed, aligned and checked as `versalign check` would; a pair
/// counts as flagged when its row (a gold 1-1 row) has a number-mismatch or date-mismatch.
struct PairRates {
    /// (language pair) -> (sentence pairs, flagged by numbers, flagged by dates, flagged by either)
    per_pair: BTreeMap<(Language, Language), (usize, usize, usize, usize)>,
    /// Sentence pairs not aligned 1-1 in the pair's own alignment.
    off_gold: usize,
    /// Flagged examples: pair, messages, texts.
    examples: Vec<(Language, Language, String, String, String)>,
}

fn pair_rates(sets: &[Set], bases: &[Base]) -> PairRates {
    let per_doc: Vec<PairRates> = sets
        .par_iter()
        .zip(bases)
        .filter(|(s, _)| s.gold)
        .map(|(_, base)| {
            let mut out = PairRates {
                per_pair: BTreeMap::new(),
                off_gold: 0,
                examples: Vec::new(),
            };
            let n = base.docs.len();
            let sentence = |d: &Document, b: usize| (d.blocks[b].line - 1) / 2;
            for i in 0..n {
                for j in i + 1..n {
                    let docs = vec![base.docs[i].clone(), base.docs[j].clone()];
                    let pivot = Some(docs[0].language);
                    let Comparison {
                        documents: docs,
                        alignment: al,
                        findings,
                        ..
                    } = compare_versions(docs, pivot);
                    let key = (docs[0].language, docs[1].language);
                    let entry = out.per_pair.entry(key).or_default();
                    for (r, row) in al.rows.iter().enumerate() {
                        if row.is_footnote() {
                            continue;
                        }
                        let (Some(c0), Some(c1)) = (&row.cells[0], &row.cells[1]) else {
                            continue;
                        };
                        let gold = c0.units.len() == 1
                            && c1.units.len() == 1
                            && sentence(&docs[0], c0.units[0]) == sentence(&docs[1], c1.units[0]);
                        if !gold {
                            out.off_gold += 1;
                            continue;
                        }
                        let at = |code: Code| {
                            findings
                                .iter()
                                .filter(|f| f.code == code && f.row == Some(r + 1))
                                .map(|f| f.message.clone())
                                .collect::<Vec<_>>()
                        };
                        let (num, date) = (at(Code::NumberMismatch), at(Code::DateMismatch));
                        entry.0 += 1;
                        entry.1 += usize::from(!num.is_empty());
                        entry.2 += usize::from(!date.is_empty());
                        if !num.is_empty() || !date.is_empty() {
                            entry.3 += 1;
                            let mut msgs = num;
                            msgs.extend(date);
                            out.examples.push((
                                key.0,
                                key.1,
                                msgs.join(" | "),
                                row.text(&docs, 0).unwrap_or_default(),
                                row.text(&docs, 1).unwrap_or_default(),
                            ));
                        }
                    }
                }
            }
            out
        })
        .collect();
    let mut total = PairRates {
        per_pair: BTreeMap::new(),
        off_gold: 0,
        examples: Vec::new(),
    };
    for d in per_doc {
        for (k, v) in d.per_pair {
            let e = total.per_pair.entry(k).or_default();
            e.0 += v.0;
            e.1 += v.1;
            e.2 += v.2;
            e.3 += v.3;
        }
        total.off_gold += d.off_gold;
        total.examples.extend(d.examples);
    }
    total
}

fn main() {
    let started = Instant::now();
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let mut show: Option<String> = None;
    let mut seed = 20_260_519u64;
    let mut limit: Option<usize> = None;
    let mut only: Option<String> = None;
    let mut numbers: Option<usize> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--show" => show = args.next(),
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(seed),
            "--limit" => limit = args.next().and_then(|s| s.parse().ok()),
            "--only" => only = args.next(),
            "--numbers" => numbers = args.next().and_then(|s| s.parse().ok()),
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let dir = dir
        .or_else(|| std::env::var_os("VERSALIGN_CORPORA").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("../shared/corpora"));

    let mut sets: Vec<Set> = Vec::new();
    sets.extend(file_set(
        &dir.join("udhr"),
        "udhr",
        &["en", "ar", "es", "fr", "ru", "zh"],
        &ALL_KINDS,
        "udhr",
    ));
    sets.extend(file_set(
        &dir.join("un-charter"),
        "un-charter",
        &["en", "zh", "es"],
        &ALL_KINDS,
        "un-charter",
    ));
    sets.extend(file_set(
        &dir.join("a-res-61-211"),
        "a-res-61-211",
        &["en", "zh"],
        &ALL_KINDS,
        "a-res-61-211",
    ));
    if let Some(zh) = read_lines(&dir.join("seed/zh.txt")) {
        let v = Version {
            lang: Language::Zh,
            lines: zh,
        };
        sets.push(Set {
            name: "seed".into(),
            group: "seed",
            versions: vec![v.clone(), v],
            gold: false,
            kinds: &ALL_KINDS,
        });
    }
    sets.extend(file_set(
        &dir.join("cisg-footnotes"),
        "cisg-footnotes",
        &["en", "es", "fr", "ru", "zh"],
        &NOTE_KINDS,
        "cisg-footnotes",
    ));
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/demo/clean");
    sets.extend(file_set(
        &demo,
        "demo-clean",
        &["es", "en", "fr", "ru", "ar", "zh"],
        &ALL_KINDS,
        "demo-clean*",
    ));
    sets.extend(devset(&dir.join("unpc-devset")));
    if let Some(o) = &only {
        sets.retain(|s| s.group.starts_with(o.as_str()));
    }
    if sets.is_empty() {
        eprintln!("no corpora under {}", dir.display());
        std::process::exit(2);
    }
    let bases: Vec<Base> = sets.par_iter().map(Base::new).collect();
    let groups: Vec<&'static str> = {
        let mut g: Vec<&'static str> = Vec::new();
        for s in &sets {
            if !g.contains(&s.group) {
                g.push(s.group);
            }
        }
        g
    };

    // Draw the mutations: per group and kind, all sites in an order given by a hash of the seed
    // and the site itself (so that a change to one document changes only that document's draws),
    // capped.
    let draw_order = |m: &Mutation| {
        let site = format!("{seed}\0{}\0{}\0{}", sets[m.set].name, m.version, m.what);
        stable_hash(site.as_bytes())
    };
    let mut mutations: Vec<Mutation> = Vec::new();
    for &kind in &ALL_KINDS {
        for &g in &groups {
            let mut all: Vec<Mutation> = sets
                .iter()
                .enumerate()
                .filter(|(_, s)| s.group == g && s.kinds.contains(&kind))
                .flat_map(|(i, s)| {
                    sites(
                        &Ctx {
                            set_index: i,
                            set: s,
                            base: &bases[i],
                        },
                        kind,
                    )
                })
                .collect();
            all.sort_by_cached_key(draw_order);
            all.truncate(limit.unwrap_or_else(|| kind.cap(g)));
            mutations.extend(all);
        }
    }
    let outcomes: Vec<Outcome> = mutations
        .par_iter()
        .map(|m| evaluate(m, &sets, &bases))
        .collect();

    let mut md = String::new();
    let _ = writeln!(md, "# versalign check on mutated real documents\n");
    let _ = writeln!(
        md,
        "Generated by `scripts/bench-check.sh` (`examples/eval_check.rs`, seed {seed}). One version (never the pivot) is mutated at a time; findings of the unmutated set are subtracted. \
         *Expected*: the code the mutation must cause, for the mutated version, at the row of the mutated unit. *Consequential*: codes the edit also implies (e.g. numbering-gap after a deleted numbered paragraph), near it. \
         Everything else new is a false alarm. Sets: {}. `demo-clean*` was written for the project (not a real document).\n",
        groups.join(", ")
    );

    // Table 1: per mutation kind.
    let _ = writeln!(md, "## Recall and row accuracy per mutation\n");
    let _ = writeln!(
        md,
        "| mutation | expected code | mutations | detected | recall | at the row or next to it | false alarms | rows kept (mutated version) | rows kept (all versions) | not written |"
    );
    let _ = writeln!(md, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for &kind in &ALL_KINDS {
        let os: Vec<&Outcome> = outcomes.iter().filter(|o| o.kind == kind).collect();
        let valid: Vec<&&Outcome> = os.iter().filter(|o| o.valid).collect();
        if os.is_empty() {
            continue;
        }
        let det = valid.iter().filter(|o| o.detected).count();
        let fa: usize = valid
            .iter()
            .map(|o| o.new.iter().filter(|n| n.1 == Class::False).count())
            .sum();
        let rv = valid
            .iter()
            .fold((0, 0), |a, o| (a.0 + o.rows_v.0, a.1 + o.rows_v.1));
        let ra = valid
            .iter()
            .fold((0, 0), |a, o| (a.0 + o.rows_all.0, a.1 + o.rows_all.1));
        let m0 = mutations.iter().find(|m| m.kind == kind).unwrap();
        let codes: Vec<&str> = m0.expected.iter().map(|c| c.as_str()).collect();
        let near = valid.iter().filter(|o| o.near).count();
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            kind.name(),
            codes.join(" / "),
            valid.len(),
            det,
            pct(det, valid.len()),
            pct(near, valid.len()),
            fa,
            pct(rv.0, rv.1),
            pct(ra.0, ra.1),
            os.len() - valid.len()
        );
    }
    let valid_all: Vec<&Outcome> = outcomes.iter().filter(|o| o.valid).collect();
    let det = valid_all.iter().filter(|o| o.detected).count();
    let _ = writeln!(
        md,
        "| **all** | | {} | {} | {} | | {} | | | {} |\n",
        valid_all.len(),
        det,
        pct(det, valid_all.len()),
        valid_all
            .iter()
            .map(|o| o.new.iter().filter(|n| n.1 == Class::False).count())
            .sum::<usize>(),
        outcomes.len() - valid_all.len()
    );

    // Table 2: recall per kind and set group.
    let _ = writeln!(md, "## Recall per set (detected / mutations)\n");
    let _ = write!(md, "| mutation |");
    for g in &groups {
        let _ = write!(md, " {g} |");
    }
    let _ = writeln!(md);
    let _ = write!(md, "|---|");
    for _ in &groups {
        let _ = write!(md, "---:|");
    }
    let _ = writeln!(md);
    for &kind in &ALL_KINDS {
        let _ = write!(md, "| {} |", kind.slug());
        for g in &groups {
            let os: Vec<&Outcome> = outcomes
                .iter()
                .filter(|o| o.valid && o.kind == kind && sets[o.set].group == *g)
                .collect();
            if os.is_empty() {
                let _ = write!(md, " |");
            } else {
                let d = os.iter().filter(|o| o.detected).count();
                let _ = write!(md, " {d}/{} |", os.len());
            }
        }
        let _ = writeln!(md);
    }
    let _ = writeln!(md);

    // Table 3: per code.
    let _ = writeln!(
        md,
        "## Precision per code (new findings over all mutations)\n"
    );
    let _ = writeln!(
        md,
        "| code | mutations expecting it | detected by it | new findings | expected | consequential | false | precision |"
    );
    let _ = writeln!(md, "|---|---:|---:|---:|---:|---:|---:|---:|");
    let mut tot = (0, 0, 0);
    for code in Code::ALL {
        let expecting: Vec<(&Mutation, &Outcome)> = mutations
            .iter()
            .zip(&outcomes)
            .filter(|(m, o)| o.valid && m.expected.contains(&code))
            .collect();
        let by_it = expecting
            .iter()
            .filter(|(_, o)| o.new.iter().any(|n| n.0 == code && n.1 == Class::Expected))
            .count();
        let mut c = (0, 0, 0);
        for o in valid_all.iter() {
            for n in o.new.iter().filter(|n| n.0 == code) {
                match n.1 {
                    Class::Expected => c.0 += 1,
                    Class::Consequential => c.1 += 1,
                    Class::False => c.2 += 1,
                }
            }
        }
        if expecting.is_empty() && c == (0, 0, 0) {
            continue;
        }
        tot = (tot.0 + c.0, tot.1 + c.1, tot.2 + c.2);
        let n = c.0 + c.1 + c.2;
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            code.as_str(),
            expecting.len(),
            by_it,
            n,
            c.0,
            c.1,
            c.2,
            pct(c.0 + c.1, n)
        );
    }
    let n = tot.0 + tot.1 + tot.2;
    let _ = writeln!(
        md,
        "| **all** | | | {n} | {} | {} | {} | {} |\n",
        tot.0,
        tot.1,
        tot.2,
        pct(tot.0 + tot.1, n)
    );
    let lost: usize = valid_all.iter().map(|o| o.lost).sum();
    let lost_in = valid_all.iter().filter(|o| o.lost > 0).count();
    let _ = writeln!(
        md,
        "Findings of the unmutated set no longer reported after the mutation (a row re-aligned by the edit): {lost} in {lost_in} of {} mutations.\n",
        valid_all.len()
    );
    let errors_false: usize = valid_all
        .iter()
        .map(|o| {
            o.new
                .iter()
                .filter(|n| n.1 == Class::False && n.2 == Severity::Error)
                .count()
        })
        .sum();
    let errors_all: usize = valid_all
        .iter()
        .map(|o| o.new.iter().filter(|n| n.2 == Severity::Error).count())
        .sum();
    let _ = writeln!(
        md,
        "Error-level only: {errors_all} new findings, {errors_false} false, precision {}.\n",
        pct(errors_all - errors_false, errors_all)
    );

    // Table 4: the unmutated sets.
    let _ = writeln!(md, "## Unmutated sets (baseline)\n");
    let _ = writeln!(
        md,
        "| set | versions (pivot first) | rows | errors | warnings | error codes |"
    );
    let _ = writeln!(md, "|---|---|---:|---:|---:|---|");
    for g in &groups {
        let idx: Vec<usize> = (0..sets.len()).filter(|&i| sets[i].group == *g).collect();
        let mut codes: BTreeMap<&str, usize> = BTreeMap::new();
        let (mut e, mut w, mut rows) = (0, 0, 0);
        for &i in &idx {
            rows += bases[i].alignment.rows.len();
            for f in &bases[i].findings {
                if f.severity == Severity::Error {
                    e += 1;
                    *codes.entry(f.code.as_str()).or_default() += 1;
                } else {
                    w += 1;
                }
            }
        }
        let b0 = &bases[idx[0]];
        let mut langs: Vec<String> = vec![b0.docs[b0.pivot].language.to_string()];
        langs.extend(
            b0.docs
                .iter()
                .enumerate()
                .filter(|(v, _)| *v != b0.pivot)
                .map(|(_, d)| d.language.to_string()),
        );
        let list: Vec<String> = codes.iter().map(|(c, n)| format!("{c} {n}")).collect();
        let name = if idx.len() > 1 {
            format!("{g} ({} documents)", idx.len())
        } else {
            g.to_string()
        };
        let _ = writeln!(
            md,
            "| {name} | {} | {rows} | {e} | {w} | {} |",
            langs.join(", "),
            list.join(", ")
        );
    }
    let _ = writeln!(md);
    let gold_sets: Vec<&Base> = sets
        .iter()
        .zip(&bases)
        .filter(|(s, _)| s.gold)
        .map(|(_, b)| b)
        .collect();
    if !gold_sets.is_empty() {
        let (mut u, mut r) = ((0, 0), (0, 0));
        for b in &gold_sets {
            let (a, c) = baseline_gold(b);
            u = (u.0 + a.0, u.1 + a.1);
            r = (r.0 + c.0, r.1 + c.1);
        }
        let g = outcomes
            .iter()
            .filter_map(|o| o.gold)
            .fold((0, 0), |a, g| (a.0 + g.0, a.1 + g.1));
        let _ = writeln!(
            md,
            "## Gold alignment (unpc-devset: line n of every language is the same sentence)\n"
        );
        let _ = writeln!(
            md,
            "* unmutated: {} of units in the row of their pivot sentence ({} / {}); {} of sentences form an exact 6-way diagonal row ({} / {})",
            pct(u.0, u.1),
            u.0,
            u.1,
            pct(r.0, r.1),
            r.0,
            r.1
        );
        let _ = writeln!(
            md,
            "* mutated (units not touched by the edit): {} ({} / {})\n",
            pct(g.0, g.1),
            g.0,
            g.1
        );
    }
    if !gold_sets.is_empty() {
        let rates = pair_rates(&sets, &bases);
        let _ = writeln!(
            md,
            "## Number and date findings per sentence pair (unpc-devset, every language pair, through `check`)\n"
        );
        let _ = writeln!(
            md,
            "Each document's versions two by two, parsed, aligned and checked; a sentence pair (a gold 1-1 row) counts once if its row has a number-mismatch or date-mismatch. {} sentence pairs were not aligned 1-1 and are left out.\n",
            rates.off_gold
        );
        let _ = writeln!(
            md,
            "| pair | sentence pairs | number-mismatch | date-mismatch | either |"
        );
        let _ = writeln!(md, "|---|---:|---:|---:|---:|");
        let mut t = (0, 0, 0, 0);
        for (&(x, y), &(n, num, date, any)) in &rates.per_pair {
            t = (t.0 + n, t.1 + num, t.2 + date, t.3 + any);
            let _ = writeln!(
                md,
                "| {x}-{y} | {n} | {} | {} | {} |",
                pct(num, n),
                pct(date, n),
                pct(any, n)
            );
        }
        let _ = writeln!(
            md,
            "| **all** | {} | {} ({}) | {} ({}) | {} ({}) |\n",
            t.0,
            pct(t.1, t.0),
            t.1,
            pct(t.2, t.0),
            t.2,
            pct(t.3, t.0),
            t.3
        );
        if let Some(k) = numbers {
            let mut ex = rates.examples.clone();
            let mut r = Rng::new(seed ^ 0x5eed);
            r.shuffle(&mut ex);
            for (x, y, m, a, b) in ex.iter().take(k) {
                eprintln!("=== {x}-{y}: {m}\n  {x}: {a}\n  {y}: {b}");
            }
        }
    }
    if std::env::var_os("EVAL_BASELINE").is_some() {
        for (set, base) in sets.iter().zip(&bases) {
            for f in base
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
            {
                let langs: Vec<&str> = f.languages.iter().map(|l| l.code()).collect();
                eprintln!(
                    "BASE\t{}\t{}\t{}\t{}\t{}",
                    set.name,
                    f.code.as_str(),
                    langs.join(","),
                    f.row.map_or("-".to_string(), |r| r.to_string()),
                    f.message
                );
                // The row in every version, for reading the finding.
                if let Some(row) = f.row.and_then(|r| base.alignment.rows.get(r - 1)) {
                    for (v, doc) in base.docs.iter().enumerate() {
                        let text = row.text(&base.docs, v).unwrap_or_else(|| "—".into());
                        let text: String = text.replace('\n', " / ").chars().take(300).collect();
                        eprintln!("  {}: {text}", doc.language.code());
                    }
                }
            }
        }
    }
    let _ = writeln!(
        md,
        "{} mutations ({} written as intended) in {:.1} s.",
        outcomes.len(),
        valid_all.len(),
        started.elapsed().as_secs_f64()
    );
    print!("{md}");

    if let Some(s) = show {
        for o in &outcomes {
            let want_missed = s == "all" || s == o.kind.slug();
            let fps: Vec<&(Code, Class, Severity, String)> =
                o.new.iter().filter(|n| n.1 == Class::False).collect();
            let missed = o.valid && !o.detected && want_missed;
            let show_fp = (s == "fp" || s == "all" || s == o.kind.slug()) && !fps.is_empty();
            let show_invalid = !o.valid && (s == "invalid" || s == o.kind.slug());
            if !(missed || show_fp || show_invalid) {
                continue;
            }
            eprintln!(
                "--- {} {} {} {}{}",
                sets[o.set].name,
                o.lang,
                o.kind.slug(),
                o.what,
                if missed { " MISSED" } else { "" }
            );
            for n in &o.new {
                eprintln!("    {:?} {} {}", n.1, n.0.as_str(), n.3);
            }
        }
    }
}

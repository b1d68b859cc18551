//! Translation links learnt at run time from the document being aligned: the content words of
//! every unit (jieba words for Chinese, Snowball stems elsewhere) as ids, and, from the units a
//! first pass pairs one to one with confidence, the word pairs that occur together far more
//! often than chance (Dice coefficient over the pairs). A second pass rewards a candidate bead
//! by the share of its words those links connect, so that the paragraphs of Chinese and Arabic
//! versions, which share no spelling with the pivot, are told apart by what they say.
//!
//! Nothing is stored: the links of one document pair are learnt from its own rows and dropped
//! with the alignment.

use rustc_hash::FxHashMap;

use crate::align::dp::Bead;
use crate::align::units::Unit;
use crate::lexicon::Normalizer;
use crate::model::Language;
use crate::normalize::is_word_char;
use crate::segment::words;

/// Content-word ids of the texts of one version: each distinct content word (a stem, a jieba
/// word) gets an id on first sight; the same word in two units gets the same id.
pub(crate) struct WordIds {
    /// Stemmer and stop words of the language.
    normalizer: Normalizer,
    /// Language of the texts.
    language: Language,
    /// Id (or `None` for a function word) of every surface word seen so far.
    seen: FxHashMap<String, Option<u32>>,
    /// Id of every content stem.
    stems: FxHashMap<String, u32>,
}

impl WordIds {
    /// Word ids for texts in `language`.
    pub(crate) fn new(language: Language) -> WordIds {
        WordIds {
            normalizer: Normalizer::new(language),
            language,
            seen: FxHashMap::default(),
            stems: FxHashMap::default(),
        }
    }

    /// The content words of `text`, as sorted distinct ids.
    pub(crate) fn of(&mut self, text: &str) -> Vec<u32> {
        let mut out: Vec<u32> = if self.language == Language::Zh {
            words::words(text)
                .into_iter()
                .filter_map(|w| self.id(w))
                .collect()
        } else {
            text.split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .filter_map(|w| self.id(w))
                .collect()
        };
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The id of one word's content stem, `None` for a function word or a word without letters.
    fn id(&mut self, word: &str) -> Option<u32> {
        if let Some(&id) = self.seen.get(word) {
            return id;
        }
        let id = self
            .normalizer
            .stem(word)
            .filter(|s| s.chars().count() >= 2 || s.chars().any(crate::script::is_han))
            .map(|stem| {
                let next = u32::try_from(self.stems.len()).unwrap_or(u32::MAX);
                *self.stems.entry(stem).or_insert(next)
            });
        self.seen.insert(word.to_string(), id);
        id
    }
}

/// Fewest confident pairs links are learnt from: fewer say nothing reliable about a word.
const MIN_PAIRS: usize = 8;

/// Fewest pairs a word pair must occur in together to be a link.
const MIN_TOGETHER: u32 = 2;

/// Lowest Dice coefficient of a link.
const MIN_DICE: f64 = 0.3;

/// Most words of one unit counted (its rarest): keeps learning linear in the text when a
/// paragraph runs to hundreds of words.
const MAX_LEARNT_WORDS: usize = 48;

/// Links a unit must touch for the links to speak against pairing it with full weight (fewer
/// speak in proportion).
const MIN_EVIDENCE: u32 = 3;

/// Below this share of its links found on the other side, a unit is unrelated to it.
const UNRELATED: f64 = 0.15;

/// Links each unit of a one-to-one bead must touch for the links to speak against it with full
/// weight. The links are each word's one best partner, so a short paragraph and its free
/// translation (`The Chair will address the Committee at its opening meeting.` / `La Présidente
/// fera une déclaration à la séance d'ouverture.`) often share none of their three or four: such
/// a pair, split into a 1-0 and a 0-1 bead, gave half the paragraph-missing findings away from a
/// deletion on the random-deletion benchmark. A merge keeps [`MIN_EVIDENCE`]: a neighbour joined
/// to a paragraph must not ride on its words.
const MIN_EVIDENCE_PAIR: u32 = 5;

/// How far the links say a unit is unrelated to `other`: 0 when `other` holds a fair share of
/// the unit's links (or the unit has none), else 1 from `full` links on, in proportion below.
fn unrelated(own: &LinkSet, other: &LinkSet, full: u32) -> f64 {
    let n = own.len();
    if n == 0 || f64::from(own.shared(other)) >= UNRELATED * f64::from(n) {
        0.0
    } else {
        f64::from(n.min(full)) / f64::from(full)
    }
}

/// A set of link ids hashed into 1,024 bits: comparing two beads is sixteen ANDs and popcounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct LinkSet([u64; 16]);

impl LinkSet {
    /// Add one link id.
    pub(crate) fn insert(&mut self, id: usize) {
        let bit = id % 1024;
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// Number of ids in the set.
    pub(crate) fn len(&self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }

    /// The ids of either set.
    pub(crate) fn union(&self, other: &LinkSet) -> LinkSet {
        LinkSet(std::array::from_fn(|i| self.0[i] | other.0[i]))
    }

    /// Number of ids in both.
    pub(crate) fn shared(&self, other: &LinkSet) -> u32 {
        self.0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| (a & b).count_ones())
            .sum()
    }
}

/// In how many of `texts` each word occurs.
fn frequency<'t>(texts: impl Iterator<Item = &'t [u32]>) -> FxHashMap<u32, u32> {
    let mut df: FxHashMap<u32, u32> = FxHashMap::default();
    for text in texts {
        for &w in text {
            *df.entry(w).or_default() += 1;
        }
    }
    df
}

/// Word links learnt between two versions: each link joins a content word of the first version
/// to one of the second (both as [`WordIds`]), and has an id.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WordLinks {
    /// The link of each linked word of the first version.
    by_a: FxHashMap<u32, usize>,
    /// The link of each linked word of the second version.
    by_b: FxHashMap<u32, usize>,
}

impl WordLinks {
    /// Learn links from the content words of pairs of texts known to correspond; `None` with
    /// too few pairs or no link found.
    pub(crate) fn learn(pairs: &[(&[u32], &[u32])]) -> Option<WordLinks> {
        if pairs.len() < MIN_PAIRS {
            return None;
        }
        let (df_a, df_b) = (
            frequency(pairs.iter().map(|p| p.0)),
            frequency(pairs.iter().map(|p| p.1)),
        );
        // The rarest words of a text that occur in two pairs at least.
        let learnt = |words: &[u32], df: &FxHashMap<u32, u32>| -> Vec<u32> {
            let mut w: Vec<u32> = words.iter().copied().filter(|w| df[w] >= 2).collect();
            if w.len() > MAX_LEARNT_WORDS {
                w.sort_unstable_by_key(|w| (df[w], *w));
                w.truncate(MAX_LEARNT_WORDS);
            }
            w
        };
        let mut together: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        for &(wa, wb) in pairs {
            let wb = learnt(wb, &df_b);
            for x in learnt(wa, &df_a) {
                for &y in &wb {
                    *together.entry((x, y)).or_default() += 1;
                }
            }
        }
        // Each source word keeps its best partner, each target word its best source.
        let dice =
            |(wa, wb): (u32, u32), n: u32| 2.0 * f64::from(n) / f64::from(df_a[&wa] + df_b[&wb]);
        let mut best_a: FxHashMap<u32, (f64, u32)> = FxHashMap::default();
        let mut best_b: FxHashMap<u32, (f64, u32)> = FxHashMap::default();
        for (&(wa, wb), &n) in &together {
            if n < MIN_TOGETHER {
                continue;
            }
            let d = dice((wa, wb), n);
            if d < MIN_DICE {
                continue;
            }
            let better = |e: &(f64, u32), other: u32| d > e.0 || (d == e.0 && other < e.1);
            let ea = best_a.entry(wa).or_insert((d, wb));
            if better(ea, wb) {
                *ea = (d, wb);
            }
            let eb = best_b.entry(wb).or_insert((d, wa));
            if better(eb, wa) {
                *eb = (d, wa);
            }
        }
        let mut links: Vec<(u32, u32)> = best_a
            .iter()
            .filter(|&(&wa, &(_, wb))| best_b.get(&wb).is_some_and(|&(_, x)| x == wa))
            .map(|(&wa, &(_, wb))| (wa, wb))
            .collect();
        if links.is_empty() {
            return None;
        }
        links.sort_unstable();
        Some(WordLinks {
            by_a: links.iter().enumerate().map(|(k, l)| (l.0, k)).collect(),
            by_b: links.iter().enumerate().map(|(k, l)| (l.1, k)).collect(),
        })
    }

    /// How many links there are.
    pub(crate) fn len(&self) -> usize {
        self.by_a.len()
    }

    /// The links of which words of the first version are the source.
    pub(crate) fn from(&self, words: &[u32]) -> LinkSet {
        Self::set(&self.by_a, words)
    }

    /// The links of which words of the second version are the target.
    pub(crate) fn to(&self, words: &[u32]) -> LinkSet {
        Self::set(&self.by_b, words)
    }

    /// The links some words take part in.
    fn set(ids: &FxHashMap<u32, usize>, words: &[u32]) -> LinkSet {
        let mut set = LinkSet::default();
        words
            .iter()
            .filter_map(|w| ids.get(w))
            .for_each(|&k| set.insert(k));
        set
    }
}

/// The links learnt between two versions, as they touch each unit: for every unit of the first
/// version the links its words are the source of, for every unit of the second the links its
/// words are the target of.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Links {
    /// Links from the words of each unit of the first version.
    from: Vec<LinkSet>,
    /// Links to the words of each unit of the second version.
    to: Vec<LinkSet>,
    /// How many links were learnt.
    count: usize,
}

impl Links {
    /// Learn links from the beads of a first pass: the 1-1 beads whose neighbours are 1-1 beads
    /// too (a pair next to a unit left out or joined is the least certain). `None` when there
    /// are too few such pairs or no link is found.
    pub(crate) fn learn(a: &[Unit], b: &[Unit], beads: &[Bead]) -> Option<Links> {
        let one = |x: &Bead| x.a.len() == 1 && x.b.len() == 1;
        let pairs: Vec<(usize, usize)> = beads
            .iter()
            .enumerate()
            .filter(|&(k, x)| {
                one(x)
                    && (k == 0 || one(&beads[k - 1]))
                    && beads.get(k + 1).is_none_or(one)
                    && !a[x.a.start].words.is_empty()
                    && !b[x.b.start].words.is_empty()
            })
            .map(|(_, x)| (x.a.start, x.b.start))
            .collect();
        Links::from_pairs(a, b, &pairs)
    }

    /// Learn links from pairs of units known to correspond.
    pub(crate) fn from_pairs(a: &[Unit], b: &[Unit], pairs: &[(usize, usize)]) -> Option<Links> {
        let words: Vec<(&[u32], &[u32])> = pairs
            .iter()
            .map(|&(i, j)| (a[i].words.as_slice(), b[j].words.as_slice()))
            .collect();
        let dictionary = WordLinks::learn(&words)?;
        let sets = |units: &[Unit], side: fn(&WordLinks, &[u32]) -> LinkSet| -> Vec<LinkSet> {
            units.iter().map(|u| side(&dictionary, &u.words)).collect()
        };
        Some(Links {
            from: sets(a, WordLinks::from),
            to: sets(b, WordLinks::to),
            count: dictionary.len(),
        })
    }

    /// How many links were learnt.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.count
    }

    /// The share of the links touching a candidate bead that it holds on both sides, in [0, 1]
    /// (a Dice coefficient): near 1 for a paragraph and its translation, near 0 for two
    /// unrelated paragraphs; 0 when no link touches the bead. Also how many of the bead's units
    /// the links speak against: units of whose links the other side holds hardly any (a
    /// paragraph paired with an unrelated one, or joined to a neighbour it has nothing to do
    /// with), each counted in full from [`MIN_EVIDENCE`] links on ([`MIN_EVIDENCE_PAIR`] in a
    /// one-to-one bead), in proportion below.
    pub(crate) fn agreement(
        &self,
        ra: std::ops::Range<usize>,
        rb: std::ops::Range<usize>,
    ) -> (f64, f64) {
        let fold = |sets: &[LinkSet]| match sets {
            [one] => *one,
            _ => sets.iter().fold(LinkSet::default(), |acc, s| acc.union(s)),
        };
        let (from, to) = (&self.from[ra], &self.to[rb]);
        let (x, y) = (fold(from), fold(to));
        let sizes = x.len() + y.len();
        if sizes == 0 {
            return (0.0, 0.0);
        }
        let full = if from.len() == 1 && to.len() == 1 {
            MIN_EVIDENCE_PAIR
        } else {
            MIN_EVIDENCE
        };
        let against = from.iter().map(|s| unrelated(s, &y, full)).sum::<f64>()
            + to.iter().map(|s| unrelated(s, &x, full)).sum::<f64>();
        (2.0 * f64::from(x.shared(&y)) / f64::from(sizes), against)
    }

    /// How surely a unit left without counterpart (`ra` or `rb` empty, the other one unit, at
    /// the position the empty range starts) has none among its neighbours: the least weight
    /// over the one or two units of the other version on either side of the gap with which the
    /// links find it unrelated, as in [`Links::agreement`]; 0 when a neighbour shares its links.
    pub(crate) fn alone(&self, ra: std::ops::Range<usize>, rb: std::ops::Range<usize>) -> f64 {
        let (own, others, at) = match (ra.len(), rb.len()) {
            (1, 0) => (&self.from[ra.start], &self.to, rb.start),
            (0, 1) => (&self.to[rb.start], &self.from, ra.start),
            _ => return 0.0,
        };
        [at.checked_sub(1), Some(at)]
            .into_iter()
            .flatten()
            .filter_map(|k| others.get(k))
            .map(|other| unrelated(own, other, MIN_EVIDENCE))
            .fold(f64::INFINITY, f64::min)
            .min(1.0)
    }

    /// Whether too few links were learnt to weigh (fewer than one per ten units).
    pub(crate) fn is_weak(&self) -> bool {
        10 * self.count < self.from.len().min(self.to.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::units::keys;

    fn unit(words: &[u32]) -> Unit {
        Unit {
            len: 10.0 * words.len() as f64,
            kind: None,
            key: None,
            anchors: keys::<[&str; 0], &str>([]),
            markers: Vec::new(),
            names: Vec::new(),
            cognates: Default::default(),
            words: words.to_vec(),
            ending: crate::align::units::Ending::Open,
        }
    }

    /// Twelve pairs where word `k` of the first side translates as word `100 + k`, each pair
    /// holding three words (`k` to `k + 2`, round the twelve).
    fn corpus() -> (Vec<Unit>, Vec<Unit>) {
        let a: Vec<Unit> = (0..12u32)
            .map(|k| {
                let mut w = vec![k, (k + 1) % 12, (k + 2) % 12];
                w.sort_unstable();
                unit(&w)
            })
            .collect();
        let b: Vec<Unit> = a
            .iter()
            .map(|u| unit(&u.words.iter().map(|w| w + 100).collect::<Vec<_>>()))
            .collect();
        (a, b)
    }

    #[test]
    fn words_that_occur_together_are_linked() {
        let (a, b) = corpus();
        let pairs: Vec<(usize, usize)> = (0..12).map(|k| (k, k)).collect();
        let links = Links::from_pairs(&a, &b, &pairs).unwrap();
        assert_eq!(links.len(), 12);
        // A paragraph and its translation share every link; a paragraph and another do not.
        assert_eq!(links.agreement(3..4, 3..4), (1.0, 0.0));
        // Three links each: the links speak against the pair with 3/5 of their weight per unit,
        // against a neighbour joined to a unit with all of it.
        let (share, against) = links.agreement(3..4, 8..9);
        assert!(
            share < 0.4 && (against - 1.2).abs() < 1e-9,
            "{share} {against}"
        );
        assert_eq!(links.agreement(3..5, 8..9).1, 3.0);
        // Joining a neighbour dilutes the agreement.
        assert!(links.agreement(3..5, 4..5).0 < links.agreement(4..5, 4..5).0);
        // Unit 3 left out beside units 7 and 8 is surely alone; beside its partner it is not.
        assert_eq!(links.alone(3..4, 8..8), 1.0);
        assert_eq!(links.alone(3..4, 3..3), 0.0);
        assert_eq!(links.alone(4..4, 3..4), 0.0);
    }

    #[test]
    fn too_few_pairs_teach_nothing() {
        let (a, b) = corpus();
        let pairs: Vec<(usize, usize)> = (0..MIN_PAIRS - 1).map(|k| (k, k)).collect();
        assert!(Links::from_pairs(&a, &b, &pairs).is_none());
    }

    #[test]
    fn words_seen_once_are_not_links() {
        let (a, _) = corpus();
        // Every word of the second side occurs in one unit only.
        let b: Vec<Unit> = (0..12u32)
            .map(|k| unit(&[200 + 3 * k, 201 + 3 * k, 202 + 3 * k]))
            .collect();
        let pairs: Vec<(usize, usize)> = (0..12).map(|k| (k, k)).collect();
        assert!(Links::from_pairs(&a, &b, &pairs).is_none());
    }

    #[test]
    fn chinese_words_and_stems_get_ids() {
        let mut zh = WordIds::new(Language::Zh);
        let x = zh.of("会员国应加强能力建设。");
        let y = zh.of("能力建设和会员国");
        assert!(
            x.iter().filter(|w| y.contains(w)).count() >= 2,
            "{x:?} {y:?}"
        );
        let mut en = WordIds::new(Language::En);
        let p = en.of("The committees decided.");
        let q = en.of("A committee decides");
        assert_eq!(p, q);
    }
}

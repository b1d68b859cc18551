//! What the paragraph aligner knows of one unit (a block or a footnote body) of one version: its
//! length, its label key, and the evidence that survives translation — normalised numbers, dates
//! and symbols, footnote markers, Latin-script names — plus the cost of pairing units.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::align::links::WordIds;
use crate::model::{Block, BlockKind, Document, Footnote, Language};
use crate::normalize::{Anchor, AnchorKind, is_word_char};
use crate::script::{is_han, is_latin};

/// One unit of one version, reduced to what alignment compares.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unit {
    /// Non-space characters.
    pub len: f64,
    /// Block kind, `None` for a footnote body.
    pub kind: Option<BlockKind>,
    /// Label key shared by corresponding units across versions (`p:12`, `s:5.a`, `h:III`, `f:3`).
    pub key: Option<String>,
    /// Normalised numbers, dates and symbols (`N:2004`, `D:2004-07-21`), as sorted hashes.
    pub anchors: Vec<u64>,
    /// Footnote markers carried, as sorted hashes.
    pub markers: Vec<u64>,
    /// Latin-script names and acronyms (`interpol`, `unidroit`), as sorted hashes.
    pub names: Vec<u64>,
    /// Cognate keys of English, French, Spanish and Russian text (see [`cognate_key`]), as a
    /// 512-bit set: comparing two units is eight AND and popcounts.
    pub cognates: CognateSet,
    /// Content words (see [`WordIds`]), as sorted distinct ids of the unit's version.
    pub words: Vec<u32>,
    /// How the unit's text ends: as a sentence does, or open (a caption when short).
    pub ending: Ending,
}

/// How a unit's text ends, which tells a caption (an unnumbered heading, a name line) from the
/// paragraphs around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ending {
    /// With a full stop, comma, semicolon, question or exclamation mark (in any script).
    Sentence,
    /// A short line of text with no label and no such end (`Press release`, `Ambassador`,
    /// `Périgée:`), at most [`CAPTION_WORDS`] words.
    Caption,
    /// Anything else: a longer line with no such end (a title wrapped over lines), a heading,
    /// a footnote.
    Open,
}

/// A piece of evidence reduced to a hash, so that comparing units compares integers.
fn evidence_key(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// Sorted hashes of some evidence strings.
pub(crate) fn keys<I: IntoIterator<Item = S>, S: AsRef<str>>(items: I) -> Vec<u64> {
    let mut out: Vec<u64> = items
        .into_iter()
        .map(|s| evidence_key(s.as_ref()))
        .collect();
    out.sort_unstable();
    out
}

impl Unit {
    /// The units of a document's body blocks; `anchors[i]` are the anchors of block `i`.
    pub(crate) fn blocks(doc: &Document, anchors: &[Vec<Anchor>]) -> Vec<Unit> {
        let labels: HashMap<&str, &str> = doc
            .blocks
            .iter()
            .filter_map(|b| Some((b.id.as_str(), b.label.as_deref()?)))
            .collect();
        let mut words = WordIds::new(doc.language);
        doc.blocks
            .iter()
            .zip(anchors)
            .map(|(b, a)| Unit::of_block(b, doc.language, a, &labels, &mut words))
            .collect()
    }

    /// The units of a document's footnote bodies; `anchors[i]` are the anchors of footnote `i`.
    pub(crate) fn footnotes(doc: &Document, anchors: &[Vec<Anchor>]) -> Vec<Unit> {
        let mut words = WordIds::new(doc.language);
        doc.footnotes
            .iter()
            .zip(anchors)
            .map(|(f, a)| Unit::of_footnote(f, doc.language, a, &mut words))
            .collect()
    }

    /// The unit of one block, its label key resolved through `labels`.
    fn of_block(
        block: &Block,
        lang: Language,
        anchors: &[Anchor],
        labels: &HashMap<&str, &str>,
        words: &mut WordIds,
    ) -> Unit {
        let key = block.label.as_ref().map(|l| match block.kind {
            BlockKind::Paragraph => format!("p:{l}"),
            BlockKind::Subparagraph => {
                let parent = block
                    .parent
                    .as_deref()
                    .and_then(|p| labels.get(p))
                    .unwrap_or(&"");
                format!("s:{parent}.{l}")
            }
            _ => format!("h:{l}"),
        });
        let markers = keys(block.footnote_refs.iter().map(|r| r.marker.as_str()));
        Unit {
            kind: Some(block.kind),
            ending: ending(&block.text, block.kind, lang),
            key,
            markers,
            ..Unit::of_text(&block.text, lang, anchors, words)
        }
    }

    /// The unit of one footnote body, keyed by its marker.
    fn of_footnote(
        note: &Footnote,
        lang: Language,
        anchors: &[Anchor],
        words: &mut WordIds,
    ) -> Unit {
        Unit {
            key: Some(format!("f:{}", note.marker)),
            ..Unit::of_text(&note.text, lang, anchors, words)
        }
    }

    /// The unit of a text, without key or kind.
    fn of_text(text: &str, lang: Language, anchors: &[Anchor], words: &mut WordIds) -> Unit {
        let anchor_values = keys(anchors.iter().map(|a| {
            let tag = match a.kind {
                AnchorKind::Number => 'N',
                AnchorKind::Date => 'D',
                AnchorKind::Symbol => 'S',
            };
            format!("{tag}:{}", a.value)
        }));
        Unit {
            len: text.chars().filter(|c| !c.is_whitespace()).count() as f64,
            kind: None,
            key: None,
            anchors: anchor_values,
            markers: Vec::new(),
            names: names(text, lang),
            cognates: cognates(text, lang),
            words: words.of(text),
            ending: Ending::Open,
        }
    }
}

/// Most words of a caption.
const CAPTION_WORDS: usize = 6;

/// Most characters of a Chinese caption.
const CAPTION_CHARS_ZH: usize = 16;

/// How a block's text ends (see [`Ending`]); only unlabelled text and titles are captions.
fn ending(text: &str, kind: BlockKind, lang: Language) -> Ending {
    let text = text.trim_end_matches(|c: char| c.is_whitespace() || "\"'”’»)]*".contains(c));
    let ends = text.ends_with([
        '.', ',', ';', '!', '?', '。', '，', '；', '！', '？', '،', '؛', '؟',
    ]);
    let short = if lang == Language::Zh {
        text.chars().filter(|c| !c.is_whitespace()).count() <= CAPTION_CHARS_ZH
    } else {
        text.split_whitespace().count() <= CAPTION_WORDS
    };
    if ends {
        Ending::Sentence
    } else if short && !text.is_empty() && matches!(kind, BlockKind::Text | BlockKind::Title) {
        Ending::Caption
    } else {
        Ending::Open
    }
}

/// Words of at least this many letters give a cognate key.
const COGNATE_MIN_LETTERS: usize = 5;

/// A set of cognate keys hashed into 512 bits (with the 20 to 60 keys of a paragraph, few
/// collide).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct CognateSet([u64; 8]);

impl CognateSet {
    /// Add one key.
    fn insert(&mut self, key: u64) {
        let bit = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize;
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// Number of bits set.
    fn len(&self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }

    /// The keys of either set.
    fn union(&self, other: &CognateSet) -> CognateSet {
        CognateSet(std::array::from_fn(|i| self.0[i] | other.0[i]))
    }

    /// Number of bits set in both.
    fn shared(&self, other: &CognateSet) -> u32 {
        self.0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| (a & b).count_ones())
            .sum()
    }

    /// The set of all the keys of some units.
    fn of(units: &[Unit]) -> CognateSet {
        units
            .iter()
            .fold(CognateSet::default(), |set, u| set.union(&u.cognates))
    }
}

/// The cognate keys of a text in a European language; none for Arabic and Chinese, unless the
/// text is mostly in Latin letters (a paragraph left untranslated, which must still pair with
/// the original it copies).
fn cognates(text: &str, lang: Language) -> CognateSet {
    let mut set = CognateSet::default();
    if matches!(lang, Language::Ar | Language::Zh) && !mostly_latin(text) {
        return set;
    }
    text.split(|c: char| !is_word_char(c))
        .filter(|w| w.len() >= COGNATE_MIN_LETTERS && w.chars().count() >= COGNATE_MIN_LETTERS)
        .for_each(|w| set.insert(cognate_key(w)));
    set
}

/// Whether a text is mostly in Latin letters: more of them than of other letters, a Han
/// character counted as three (a word of two or three letters).
fn mostly_latin(text: &str) -> bool {
    let (latin, other) = text.chars().filter(|c| c.is_alphabetic()).fold(
        (0usize, 0usize),
        |(latin, other), c| match (is_latin(c), is_han(c)) {
            (true, _) => (latin + 1, other),
            (false, true) => (latin, other + 3),
            (false, false) => (latin, other + 1),
        },
    );
    latin > other
}

/// The first four sounds of a word, spelt alike in English, French, Spanish and (transliterated)
/// Russian: accents dropped, `c`/`k`/`q`, `s`/`z`, `i`/`j`/`y` and `v`/`w` merged, doubled
/// letters single; packed one byte per letter. `committee` (en), `comité` (fr, es) and `комитет`
/// (ru) all give `komi`.
fn cognate_key(word: &str) -> u64 {
    let mut key: u64 = 0;
    let mut len = 0;
    let mut last = 0u8;
    let mut push = |c: u8| {
        let c = match c {
            b'c' | b'q' => b'k',
            b'z' => b's',
            b'j' | b'y' => b'i',
            b'w' => b'v',
            _ => c,
        };
        if len < 4 && c != last {
            key = key << 8 | u64::from(c);
            len += 1;
            last = c;
        }
    };
    let mut letter = |c: char| match c {
        'a'..='z' => push(c as u8),
        'A'..='Z' => push(c.to_ascii_lowercase() as u8),
        'а'..='я' | 'ё' | 'А'..='Я' | 'Ё' => {
            for t in cyrillic_latin(c).bytes() {
                push(t);
            }
        }
        _ => {}
    };
    if word.is_ascii() {
        word.chars().for_each(&mut letter);
    } else {
        word.nfd().for_each(&mut letter);
    }
    key
}

/// A Latin spelling of a Russian letter, either case (after NFD, `й` and `ё` arrive as `и` and
/// `е`).
fn cyrillic_latin(c: char) -> &'static str {
    match c.to_lowercase().next().unwrap_or(c) {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'э' | 'ё' => "e",
        'ж' => "j",
        'з' => "z",
        'и' | 'й' | 'ы' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "sch",
        'ю' => "iu",
        'я' => "ia",
        _ => "",
    }
}

/// Latin-script words that survive translation: acronyms in any language, and any Latin word
/// inside Chinese text.
fn names(text: &str, lang: Language) -> Vec<u64> {
    let chinese = lang == Language::Zh && text.chars().any(is_han);
    let mut out = keys(
        text.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 3 && (chinese || w.bytes().all(|c| c.is_ascii_uppercase())))
            .map(str::to_ascii_lowercase),
    );
    out.dedup();
    out
}

/// Size of the intersection of two sorted lists (as multisets).
pub(crate) fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The sorted lists of several units merged (borrowed when there is one unit).
fn merged<'a>(units: &'a [Unit], field: fn(&'a Unit) -> &'a [u64]) -> std::borrow::Cow<'a, [u64]> {
    if let [one] = units {
        return field(one).into();
    }
    let mut out: Vec<u64> = units
        .iter()
        .flat_map(|u| field(u).iter().copied())
        .collect();
    out.sort_unstable();
    out.into()
}

/// Whether two lists of evidence keys are equal; two empty lists (the common case) are told
/// without a call to `memcmp`, which the cost function would otherwise make millions of times.
fn same(a: &[u64], b: &[u64]) -> bool {
    (a.is_empty() && b.is_empty()) || a == b
}

/// Weights of the evidence in the pairing cost (in nats, the unit of the length cost).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Weights {
    /// Reward per shared number, date or symbol.
    pub shared_anchor: f64,
    /// Penalty per number, date or symbol found on one side only.
    pub lone_anchor: f64,
    /// Reward per shared footnote marker or name.
    pub shared_marker: f64,
    /// Reward for the share of cognate keys two units have in common (Dice coefficient).
    pub cognate: f64,
    /// Penalty when a heading meets a non-heading.
    pub kind_clash: f64,
    /// Penalty per pair of twin units (same label, or same length and evidence) taken together
    /// on one side of a bead: a unit printed twice is not a unit split in two.
    pub twin: f64,
}

/// The weights used for paragraphs and footnotes.
pub(crate) const WEIGHTS: Weights = Weights {
    shared_anchor: 1.5,
    lone_anchor: 0.6,
    shared_marker: 1.0,
    cognate: 4.0,
    kind_clash: 1.5,
    twin: 3.0,
};

/// The length model between two versions: target length ≈ ratio × source length, with this
/// variance per source character.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LengthModel {
    /// Expected target/source length ratio.
    pub ratio: f64,
    /// Variance of the target length per source character.
    pub variance: f64,
}

impl LengthModel {
    /// Fewest pairs the ratio and variance are estimated from.
    pub(crate) const MIN_PAIRS: usize = 5;

    /// Estimate from pairs of lengths believed to correspond (at least five; else from totals).
    pub(crate) fn estimate(pairs: &[(f64, f64)], total_a: f64, total_b: f64) -> LengthModel {
        let ratio_total = if total_a > 0.0 && total_b > 0.0 {
            total_b / total_a
        } else {
            1.0
        };
        if pairs.len() < Self::MIN_PAIRS {
            // Gale and Church's 6.8 per character holds where a character of one version is
            // worth one of the other; lengths counted in units worth `ratio` times as much vary
            // `ratio²` as much (a Chinese character stands for three English ones).
            return LengthModel {
                ratio: ratio_total,
                variance: 6.8 * ratio_total * ratio_total,
            };
        }
        let (sa, sb): (f64, f64) = pairs
            .iter()
            .fold((0.0, 0.0), |(x, y), &(a, b)| (x + a, y + b));
        let ratio = if sa > 0.0 { sb / sa } else { ratio_total };
        let variance = pairs
            .iter()
            .filter(|(a, _)| *a > 0.0)
            .map(|&(a, b)| (b - ratio * a).powi(2) / a)
            .sum::<f64>()
            / pairs.len() as f64;
        // Translations of whole paragraphs vary by ±15 % or so however tight the sample looks:
        // the floor keeps a plausible length difference from outweighing every other evidence.
        LengthModel {
            ratio,
            variance: variance.clamp(4.0 * ratio, 60.0 * ratio),
        }
    }
}

impl LengthModel {
    /// The model of units paired one to one, when they are at least half of the `units` of the
    /// shorter side: with five pairs or more as [`LengthModel::estimate`], with fewer the ratio
    /// of their sums and the default variance.
    pub(crate) fn from_paired(pairs: &[(f64, f64)], units: usize) -> Option<LengthModel> {
        let (sa, sb) = pairs
            .iter()
            .fold((0.0, 0.0), |(x, y), &(a, b)| (x + a, y + b));
        if pairs.is_empty() || 2 * pairs.len() < units || sa <= 0.0 || sb <= 0.0 {
            return None;
        }
        Some(LengthModel::estimate(pairs, sa, sb))
    }
}

/// Highest cost of the evidence against a bead (in nats): a 1-0 and a 0-1 bead cost 9 together.
const LENGTH_CAP: f64 = 6.0;

/// Content cost of pairing units `a` of the first version with units `b` of the second (both
/// non-empty); lower is better, negative when the evidence agrees. Labels are not content: they
/// are weighed by the anchor verification of the pairwise aligner.
pub(crate) fn pair_cost(a: &[Unit], b: &[Unit], model: LengthModel, w: &Weights) -> f64 {
    let la: f64 = a.iter().map(|u| u.len).sum();
    let lb: f64 = b.iter().map(|u| u.len).sum();
    let (anchors_a, anchors_b) = (merged(a, |u| &u.anchors), merged(b, |u| &u.anchors));
    let common = shared(&anchors_a, &anchors_b);
    let lone = anchors_a.len() + anchors_b.len() - 2 * common;
    // What speaks against the pair (its lengths, numbers on one side only) is capped below the
    // cost of a deletion plus an insertion: a unit far off in length and figures (half of it
    // left out, left untranslated) still pairs with its counterpart when the sequence says so,
    // rather than being joined to a neighbour; the checks then report what is wrong with it.
    let mut cost = (crate::align::dp::length_cost(la, lb, model.ratio, model.variance)
        + w.lone_anchor * lone.min(6) as f64)
        .min(LENGTH_CAP);
    cost -= w.shared_anchor * common.min(6) as f64;
    let markers = shared(&merged(a, |u| &u.markers), &merged(b, |u| &u.markers));
    let names = shared(&merged(a, |u| &u.names), &merged(b, |u| &u.names));
    cost -= w.shared_marker * (markers + names).min(4) as f64;
    let (cognates_a, cognates_b) = (CognateSet::of(a), CognateSet::of(b));
    let sizes = cognates_a.len() + cognates_b.len();
    if cognates_a.len() > 0 && cognates_b.len() > 0 {
        cost -= w.cognate * 2.0 * f64::from(cognates_a.shared(&cognates_b)) / f64::from(sizes);
    }
    // A heading meets a heading: one heading on one side only is a clash, and a heading merged
    // into a paragraph (a 2-1 bead taking a heading and the paragraph after it) a worse one,
    // since no translation joins a heading to the text under it.
    let headings = |us: &[Unit]| {
        us.iter()
            .filter(|u| u.kind == Some(BlockKind::Heading))
            .count()
    };
    let (ha, hb) = (headings(a), headings(b));
    if ha != hb {
        let merged = if a.len() > 1 || b.len() > 1 { 2.0 } else { 1.0 };
        cost += w.kind_clash * merged * ha.abs_diff(hb) as f64;
    }
    // A caption joined to the sentences after or before it, where the other version has those
    // sentences alone, is a heading merged into a paragraph as well (a title wrapped over
    // lines, whose parts end open, is not).
    let ends = |u: &Unit| u.ending == Ending::Sentence;
    let caption_joined = |us: &[Unit]| {
        us.len() > 1
            && us.iter().any(|u| u.ending == Ending::Caption)
            && us.iter().all(|u| u.ending == Ending::Caption || ends(u))
    };
    let lone_sentences = |us: &[Unit]| matches!(us, [u] if ends(u));
    if (caption_joined(a) && lone_sentences(b)) || (caption_joined(b) && lone_sentences(a)) {
        cost += w.kind_clash * 2.0;
    }
    // A numbered paragraph joined to the unit before it, where the other version joins none:
    // every paragraph number opens a paragraph of its own in every version.
    let (ja, jb) = (numbered_joined(a), numbered_joined(b));
    if ja != jb {
        cost += w.kind_clash * 2.0 * ja.abs_diff(jb) as f64;
    }
    let twins = |us: &[Unit]| {
        us.windows(2)
            .filter(|w| {
                let (x, y) = (&w[0], &w[1]);
                (x.key.is_some() && x.key == y.key)
                    || (x.len > 0.0
                        && x.len == y.len
                        && same(&x.anchors, &y.anchors)
                        && same(&x.names, &y.names)
                        && same(&x.markers, &y.markers))
            })
            .count()
    };
    cost += w.twin * (twins(a) + twins(b)) as f64;
    cost
}

/// How many of `units` after the first open with a paragraph number (`12.`): the numbered
/// paragraphs a bead joins to the unit before them.
fn numbered_joined(units: &[Unit]) -> usize {
    units
        .iter()
        .skip(1)
        .filter(|u| u.key.as_deref().is_some_and(|k| k.starts_with("p:")))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(len: f64, key: Option<&str>, anchors: &[&str]) -> Unit {
        Unit {
            len,
            kind: Some(BlockKind::Paragraph),
            key: key.map(str::to_string),
            anchors: keys(anchors),
            markers: Vec::new(),
            names: Vec::new(),
            cognates: CognateSet::default(),
            words: Vec::new(),
            ending: Ending::Open,
        }
    }

    #[test]
    fn cognates_are_spelt_alike_across_languages() {
        for words in [
            ["committee", "comité", "comité", "комитет"],
            ["resolution", "résolution", "resolución", "резолюция"],
            ["secretary", "secrétaire", "secretario", "секретарь"],
            ["programme", "programme", "programa", "программа"],
        ] {
            let keys: Vec<u64> = words.iter().map(|w| cognate_key(w)).collect();
            assert!(keys.iter().all(|k| *k == keys[0]), "{words:?}: {keys:?}");
        }
        assert_eq!(
            cognate_key("Committee"),
            u64::from_be_bytes(*b"\0\0\0\0komi")
        );
        assert_ne!(cognate_key("committee"), cognate_key("community"));
        assert_eq!(cognates("会员国应加强能力建设", Language::Zh).len(), 0);
        // A Chinese or Arabic version's paragraph left in English keeps its cognates.
        let left = cognates("the Committee on Programme and Coordination", Language::Zh);
        assert!(left.len() > 0);
        assert_eq!(
            cognates(
                "与 Programme and Coordination 委员会合作的会员国",
                Language::Zh
            )
            .len(),
            0
        );
        let en = cognates("the Committee on Programme and Coordination", Language::En);
        let ru = cognates("Комитет по программе и координации", Language::Ru);
        assert_eq!((en.len(), ru.len(), en.shared(&ru)), (3, 3, 3));
    }

    #[test]
    fn cognates_tell_apart_paragraphs_of_equal_length() {
        let model = LengthModel {
            ratio: 1.0,
            variance: 6.8,
        };
        let with = |text: &str, lang: Language| Unit {
            cognates: cognates(text, lang),
            ..unit(90.0, None, &[])
        };
        let en = [with(
            "Everyone has the right to freedom of movement and residence within the borders of each State.",
            Language::En,
        )];
        let right = [with(
            "Toute personne a le droit de circuler librement et de choisir sa résidence à l'intérieur d'un État.",
            Language::Fr,
        )];
        let wrong = [with(
            "Toute personne a le droit de quitter tout pays, y compris le sien, et de revenir dans son pays.",
            Language::Fr,
        )];
        assert!(pair_cost(&en, &right, model, &WEIGHTS) < pair_cost(&en, &wrong, model, &WEIGHTS));
    }

    #[test]
    fn shared_evidence_lowers_the_cost() {
        let model = LengthModel {
            ratio: 1.0,
            variance: 6.8,
        };
        let a = [unit(100.0, Some("p:3"), &["N:2004", "S:E/CN.15/2025/12"])];
        let same = [unit(104.0, Some("p:3"), &["N:2004", "S:E/CN.15/2025/12"])];
        let other = [unit(104.0, Some("p:4"), &["N:90"])];
        assert!(pair_cost(&a, &same, model, &WEIGHTS) < -2.0);
        assert!(pair_cost(&a, &other, model, &WEIGHTS) > 1.5);
    }

    #[test]
    fn a_heading_joined_to_a_paragraph_costs_more_than_two_paragraphs() {
        let model = LengthModel {
            ratio: 1.0,
            variance: 6.8,
        };
        let heading = Unit {
            kind: Some(BlockKind::Heading),
            ..unit(20.0, None, &[])
        };
        let para = unit(200.0, None, &[]);
        let b = [unit(215.0, None, &[])];
        let joined = pair_cost(&[heading, para.clone()], &b, model, &WEIGHTS);
        let plain = pair_cost(&[unit(20.0, None, &[]), para], &b, model, &WEIGHTS);
        assert!(joined >= plain + 2.0 * WEIGHTS.kind_clash - 1e-9);
    }

    #[test]
    fn a_numbered_paragraph_joined_to_the_one_before_costs_a_clash() {
        let model = LengthModel {
            ratio: 1.0,
            variance: 6.8,
        };
        // `Provisional agenda …` and `2. The situation concerning …` against the version's
        // agenda title alone: the version left the numbered item out, it did not join it.
        let title = unit(60.0, None, &[]);
        let item = unit(60.0, Some("p:2"), &[]);
        let b = [unit(110.0, None, &[])];
        let joined = pair_cost(&[title.clone(), item], &b, model, &WEIGHTS);
        let plain = pair_cost(&[title.clone(), unit(60.0, None, &[])], &b, model, &WEIGHTS);
        assert!((joined - plain - 2.0 * WEIGHTS.kind_clash).abs() < 1e-9);
        // Both versions joining the numbered paragraph (a 2-2 bead) is no clash, nor is the
        // number of the first unit, which the bead does not join to anything before it.
        let both = [unit(50.0, None, &[]), unit(60.0, Some("p:2"), &[])];
        let a = [title.clone(), unit(60.0, Some("p:2"), &[])];
        let even = pair_cost(&a, &both, model, &WEIGHTS);
        let unnumbered = [unit(50.0, None, &[]), unit(60.0, None, &[])];
        let none = pair_cost(
            &[title, unit(60.0, None, &[])],
            &unnumbered,
            model,
            &WEIGHTS,
        );
        assert!((even - none).abs() < 1e-9);
        let first = pair_cost(
            &[unit(60.0, Some("p:1"), &[]), unit(60.0, None, &[])],
            &b,
            model,
            &WEIGHTS,
        );
        assert!((first - plain).abs() < 1e-9);
    }

    #[test]
    fn a_caption_joined_to_a_paragraph_costs_as_a_heading_does() {
        let model = LengthModel {
            ratio: 1.0,
            variance: 6.8,
        };
        let block = |text: &str| Unit {
            ending: ending(text, BlockKind::Text, Language::En),
            ..unit(
                text.chars().filter(|c| !c.is_whitespace()).count() as f64,
                None,
                &[],
            )
        };
        let caption = block("Press release");
        assert_eq!(caption.ending, Ending::Caption);
        let para = block("I strongly request that the United Nations take an impartial stand.");
        let b = [block(
            "J'engage fermement l'Organisation à adopter une position impartiale.",
        )];
        let joined = pair_cost(&[caption.clone(), para.clone()], &b, model, &WEIGHTS);
        let open = Unit {
            ending: Ending::Open,
            ..caption
        };
        let plain = pair_cost(&[open, para], &b, model, &WEIGHTS);
        assert!((joined - plain - 2.0 * WEIGHTS.kind_clash).abs() < 1e-9);
        // A title wrapped over two lines ends open in its first part: joining the parts is not
        // a caption merged into a paragraph.
        let wrapped = [
            block("Convención de las Naciones Unidas sobre los Contratos de"),
            block("Compraventa Internacional de Mercaderías"),
        ];
        assert_eq!(wrapped[0].ending, Ending::Open);
        let title = [block("Convention on the International Sale of Goods")];
        let whole = pair_cost(&wrapped, &title, model, &WEIGHTS);
        let unmarked: Vec<Unit> = wrapped
            .iter()
            .map(|u| Unit {
                ending: Ending::Open,
                ..u.clone()
            })
            .collect();
        assert_eq!(whole, pair_cost(&unmarked, &title, model, &WEIGHTS));
    }

    #[test]
    fn a_line_ends_as_a_sentence_a_caption_or_open() {
        use BlockKind::{Heading, Preamble, Text};
        use Ending::{Caption, Open, Sentence};
        for (text, kind, lang, want) in [
            ("Ambassador", Text, Language::En, Caption),
            ("Périgée:", Text, Language::Fr, Caption),
            ("其他事项", Text, Language::Zh, Caption),
            ("Article 7", Heading, Language::En, Open),
            (
                "Recalling its resolution 70/1,",
                Preamble,
                Language::En,
                Sentence,
            ),
            (
                "本集团再次强调不扩散机制的原则。",
                Text,
                Language::Zh,
                Sentence,
            ),
            ("«Fin.»", Text, Language::Fr, Sentence),
        ] {
            assert_eq!(ending(text, kind, lang), want, "{text}");
        }
    }

    #[test]
    fn evidence_against_a_pair_is_capped_below_a_deletion_and_an_insertion() {
        // Left untranslated (three times as long) and without its figures: still cheaper
        // than leaving both units unpaired (4.5 + 4.5).
        let model = LengthModel {
            ratio: 0.3,
            variance: 0.6,
        };
        let a = [unit(300.0, None, &["N:2004", "N:2008", "D:2010-07-22"])];
        let b = [unit(290.0, None, &[])];
        assert!(pair_cost(&a, &b, model, &WEIGHTS) <= LENGTH_CAP);
    }

    #[test]
    fn default_variance_scales_with_the_square_of_the_ratio() {
        let m = LengthModel::estimate(&[], 1000.0, 300.0);
        assert!((m.ratio - 0.3).abs() < 1e-9);
        assert!((m.variance - 6.8 * 0.09).abs() < 1e-9);
    }

    #[test]
    fn the_model_of_paired_units_needs_half_of_them() {
        let pairs = [(100.0, 120.0), (200.0, 230.0)];
        assert!(LengthModel::from_paired(&pairs, 5).is_none());
        let m = LengthModel::from_paired(&pairs, 4).unwrap();
        assert!((m.ratio - 350.0 / 300.0).abs() < 1e-9);
    }

    #[test]
    fn twins_on_one_side_cost_more() {
        let model = LengthModel {
            ratio: 1.0,
            variance: 6.8,
        };
        let a = [unit(200.0, None, &["N:2004"])];
        let halves = [unit(100.0, None, &["N:2004"]), unit(100.0, None, &[])];
        let twice = [
            unit(100.0, None, &["N:2004"]),
            unit(100.0, None, &["N:2004"]),
        ];
        assert!(
            pair_cost(&a, &twice, model, &WEIGHTS) > pair_cost(&a, &halves, model, &WEIGHTS) + 2.0
        );
    }

    #[test]
    fn length_model_from_pairs() {
        let pairs: Vec<(f64, f64)> = (1..=10)
            .map(|i| (100.0 * i as f64, 30.0 * i as f64))
            .collect();
        let m = LengthModel::estimate(&pairs, 5500.0, 1650.0);
        assert!((m.ratio - 0.3).abs() < 1e-9);
        assert!((m.variance - 1.2).abs() < 1e-9, "floor of 4 × ratio");
    }

    #[test]
    fn names_inside_chinese_text() {
        let zh = names(
            "国际刑警组织（INTERPOL）和统法协会（UNIDROIT）",
            Language::Zh,
        );
        assert_eq!(zh, keys(["interpol", "unidroit"]));
        let en = names(
            "the International Criminal Police Organization (INTERPOL)",
            Language::En,
        );
        assert_eq!(en, keys(["interpol"]));
    }
}

//! Sentence alignment: a cost model, a bead inventory and a band on top of the shared
//! dynamic-programming core ([`crate::align::dp`]).
//!
//! The cost of a bead is the Gale–Church length cost (non-space characters; the length ratio is
//! estimated per document), the prior of its shape, cheap cues at its edges (quotation marks),
//! and minus a lexical log-likelihood ratio. The lexical part looks at the content words of both
//! sides (jieba words for Chinese, lower-cased stems elsewhere) and at cue tokens (numbers,
//! `? ! : ; …`, transliterated names): each token either finds one of its translations (from the
//! [`Lexicon`]) or its identical cue on the other side of the bead, or not. A token found in few
//! sentences of the other side is strong evidence when matched; one found everywhere, or a bead
//! with many sentences, makes a match likely by chance and worth little, so merging in a sentence
//! that matches nothing costs. Tokens that match nothing anywhere in the document are dropped,
//! which makes leaving a sentence without such content unaligned cheap.
//!
//! Which tokens of sentence *i* match something in sentence *j* is computed once per pair as
//! bitmasks and or-ed together for larger beads, so the work grows with the number of sentences
//! times the band width. After a first pass, word pairs that keep landing in the same beads
//! (names translated by meaning, words the lexicon lacks) are added as document-local
//! translations, and shape priors are re-estimated from the output; later passes search a narrow
//! band around the previous path. Nothing is kept between calls, so the same aligner serves whole
//! documents and the sentences of one paragraph alike.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::align::dp::{self, Band, Bead, Shape};
use crate::lexicon::{Lexicon, Normalizer};
use crate::locale::{ascii_digit, chinese_numeral_value};
use crate::model::Language;
use crate::script::is_han;
use crate::segment::words;

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
    fn shapes(self) -> &'static [(usize, usize, f64)] {
        match self {
            Inventory::Classic => CLASSIC,
            Inventory::Rich => RICH,
        }
    }
}

const CLASSIC: &[(usize, usize, f64)] = &[(1, 1, 0.60), (1, 2, 0.14), (2, 1, 0.06), (2, 2, 0.025)];

const RICH: &[(usize, usize, f64)] = &[
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

/// Largest number of sentences on one side of a bead that the LLR tables cover.
const MAX_SIDE: usize = 6;

/// The chance that a sentence holds a given concept is estimated from the document, smoothed
/// with this many pseudo-sentences at [`CHANCE_PRIOR_RATE`]: short sequences (the sentences of
/// one paragraph) say little about how common a word is.
const CHANCE_PRIOR_SENTENCES: f64 = 20.0;

/// Assumed chance that a sentence holds a given concept, before looking at the document.
const CHANCE_PRIOR_RATE: f64 = 0.01;

/// Beads with more word pairs than this are not used to learn links.
const MAX_LINK_PAIRS_PER_BEAD: usize = 10_000;

/// Pseudo-counts of the generic distribution when priors are re-estimated.
const PRIOR_PSEUDO_COUNT: f64 = 20.0;

/// Sequences at most this long on both sides are aligned without a band.
const FULL_BAND_LIMIT: usize = 64;

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

/// Aligns the sentences of two language versions of a text into beads.
#[derive(Debug)]
pub struct SentenceAligner<'l> {
    lexicon: &'l Lexicon,
    source: Language,
    target: Language,
    weights: Weights,
}

impl<'l> SentenceAligner<'l> {
    /// An aligner from `source` to `target` sentences using `lexicon` (which may be empty; it
    /// is used in whichever direction matches the pair, and ignored for other pairs).
    pub fn new(lexicon: &'l Lexicon, source: Language, target: Language) -> SentenceAligner<'l> {
        SentenceAligner {
            lexicon,
            source,
            target,
            weights: Weights::default(),
        }
    }

    /// The same aligner with other weights.
    pub fn with_weights(mut self, weights: Weights) -> SentenceAligner<'l> {
        self.weights = weights;
        self
    }

    /// The weights in use.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// Align `src` with `tgt` sentences. The beads cover both sequences in order; a bead with an
    /// empty side leaves a sentence unaligned.
    pub fn align(&self, src: &[&str], tgt: &[&str]) -> Vec<Bead> {
        let (n, m) = (src.len(), tgt.len());
        if n == 0 || m == 0 {
            return dp::align(n, m, &null_shapes(), &Band::full(n, m), |_, _| 0.0);
        }
        let w = &self.weights;
        let mut tokens = Tokens::new(self, src, tgt);
        let mut doc = Document::new(&tokens, src, tgt, w);
        let inventory = w.inventory.shapes();
        let mut priors: Vec<Shape> = inventory
            .iter()
            .map(|&(a, b, p)| Shape::new(a, b, -p.ln()))
            .collect();
        let variance = w.variance * doc.ratio * doc.ratio;
        let (band, span) = self.band(n, m, None);
        let mut beads = doc.run(w, &priors, variance, &band, span);
        if w.link_dice > 0.0 {
            tokens.learn_links(&beads, w);
            doc = Document::new(&tokens, src, tgt, w);
            let (band, span) = self.band(n, m, Some(&beads));
            beads = doc.run(w, &priors, variance, &band, span);
        }
        for _ in 0..w.rounds {
            priors = reestimate_priors(inventory, &beads);
            let (band, span) = self.band(n, m, Some(&beads));
            beads = doc.run(w, &priors, variance, &band, span);
        }
        beads
    }
}

impl SentenceAligner<'_> {
    /// The corridor searched: everything for short sequences, else a band around the diagonal,
    /// or a narrow one around a previous path. Also returns how many columns a row spans.
    fn band(&self, n: usize, m: usize, previous: Option<&[Bead]>) -> (Band, usize) {
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

fn null_shapes() -> [Shape; 2] {
    [Shape::new(1, 0, 0.0), Shape::new(0, 1, 0.0)]
}

/// Priors from the shapes of an alignment, smoothed towards the generic distribution. Only the
/// shapes with one sentence on a side (how much this translator splits or joins) are
/// re-estimated; the rarer many-to-many shapes keep their generic prior, which a Viterbi
/// alignment would otherwise drive down and down.
fn reestimate_priors(inventory: &[(usize, usize, f64)], beads: &[Bead]) -> Vec<Shape> {
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

/// What kind of evidence a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Cue,
    Name,
}

/// A token before weighting: its document-frequency key, what it can match, and its kind.
#[derive(Debug, Clone)]
struct RawToken {
    key: String,
    concepts: Vec<u32>,
    class: Class,
}

/// One side of the text, ready for the cost function.
#[derive(Debug, Default)]
struct Side {
    /// Non-space characters per sentence.
    chars: Vec<f64>,
    /// Token range of each sentence (`n + 1` offsets).
    tok_start: Vec<usize>,
    /// Concept range of each token (`tokens + 1` offsets into `concepts`).
    conc_start: Vec<usize>,
    /// Dense ids of the concepts each token can match (only concepts found on both sides).
    concepts: Vec<u32>,
    /// Per token and other-side bead size k (1..=MAX_SIDE): LLR gain of being matched.
    gain: Vec<f64>,
    /// Per sentence and k: LLR of all its tokens unmatched.
    base: Vec<f64>,
    /// Per sentence: expected LLR if aligned one-to-one (its information content).
    info: Vec<f64>,
    /// Class multiplier of each token.
    class_w: Vec<f64>,
    /// Whether the sentence opens / closes with a quotation mark.
    opens: Vec<bool>,
    closes: Vec<bool>,
    /// Whether a quotation is still open after the sentence.
    inside: Vec<bool>,
    /// Whether the sentence has no letters at all (page numbers, separators, symbols).
    junk: Vec<bool>,
    /// Dense concept → sentences containing it (sorted).
    index: Vec<Vec<u32>>,
}

impl Side {
    fn len(&self) -> usize {
        self.chars.len()
    }

    fn tokens(&self, i: usize) -> Range<usize> {
        self.tok_start[i]..self.tok_start[i + 1]
    }

    fn mask_words(&self, i: usize) -> usize {
        self.tokens(i).len().div_ceil(64)
    }

    fn token_concepts(&self, t: usize) -> &[u32] {
        &self.concepts[self.conc_start[t]..self.conc_start[t + 1]]
    }

    /// Sum of LLR gains (other side of size `k`) of the tokens of sentence `i` set in `mask` word `w`.
    fn masked_gain(&self, i: usize, w: usize, mut mask: u64, k: usize) -> f64 {
        let base = self.tok_start[i] + w * 64;
        let mut sum = 0.0;
        while mask != 0 {
            sum += self.gain[(base + mask.trailing_zeros() as usize) * MAX_SIDE + k - 1];
            mask &= mask - 1;
        }
        sum
    }
}

/// Token extraction for one language, shared by both sides of a document.
struct Tokenizer<'a> {
    language: Language,
    lexicon: &'a Lexicon,
    /// Whether this side's words are lexicon keys (translated) or lexicon stems.
    keyed: bool,
    lexicon_active: bool,
    normalizer: Normalizer,
}

/// Document-local concept ids above the lexicon's stem ids.
struct Concepts {
    base: u32,
    local: FxHashMap<String, u32>,
}

impl Concepts {
    fn id(&mut self, key: &str) -> u32 {
        let next = self
            .base
            .saturating_add(u32::try_from(self.local.len()).unwrap_or(u32::MAX));
        match self.local.get(key) {
            Some(&id) => id,
            None => {
                self.local.insert(key.to_string(), next);
                next
            }
        }
    }
}

/// A token with the byte span it came from (Chinese side, where names replace words).
struct Spanned {
    token: RawToken,
    span: Range<usize>,
}

impl Tokenizer<'_> {
    /// The concept a stem stands for on the target side of the lexicon, or a local identity.
    fn stem_concept(&self, stem: &str, concepts: &mut Concepts) -> u32 {
        match self.lexicon.stem_id(stem) {
            Some(id) => id,
            None => concepts.id(&format!("w:{stem}")),
        }
    }

    fn word_token(&self, word: &str, concepts: &mut Concepts) -> Option<RawToken> {
        let stem = self.normalizer.stem(word)?;
        let mut ids = Vec::new();
        let han = stem.chars().any(is_han);
        if self.keyed && self.lexicon_active {
            ids.extend_from_slice(self.lexicon.translations(&stem));
            if ids.is_empty() && han {
                ids = self.decompose(&stem);
            }
        }
        if !han {
            ids.push(self.stem_concept(&stem, concepts));
        }
        Some(RawToken {
            key: stem,
            concepts: ids,
            class: Class::Word,
        })
    }

    /// Translations of an unknown Chinese word, from its longest known pieces.
    fn decompose(&self, word: &str) -> Vec<u32> {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        let mut ids = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            let found = (k + 1..=chars.len().min(k + 4)).rev().find_map(|end| {
                let from = chars[k].0;
                let to = chars.get(end).map_or(word.len(), |c| c.0);
                let piece = &word[from..to];
                let t = self.lexicon.translations(piece);
                (!t.is_empty()).then_some((end, t))
            });
            match found {
                Some((end, t)) => {
                    ids.extend_from_slice(t);
                    k = end;
                }
                None => k += 1,
            }
        }
        ids
    }

    /// Tokens of a sentence in a language written without spaces (Chinese), with spans.
    fn han_tokens(&self, text: &str, concepts: &mut Concepts) -> Vec<Spanned> {
        let mut out = Vec::new();
        for (span, value) in chinese_numbers(text) {
            let key = format!("#{value}");
            out.push(Spanned {
                token: RawToken {
                    concepts: vec![concepts.id(&key)],
                    key,
                    class: Class::Cue,
                },
                span,
            });
        }
        cue_tokens(text, concepts, |t| {
            out.push(Spanned {
                token: t,
                span: 0..0,
            })
        });
        let mut pos = 0;
        for word in words::words(text) {
            let Some(offset) = text[pos..].find(word).map(|o| o + pos) else {
                continue;
            };
            pos = offset + word.len();
            if word
                .chars()
                .all(|c| c.is_ascii_digit() || is_chinese_numeral(c) || !c.is_alphanumeric())
            {
                continue;
            }
            if let Some(token) = self.word_token(word, concepts) {
                out.push(Spanned {
                    token,
                    span: offset..pos,
                });
            }
        }
        out
    }

    /// Tokens of a sentence in a language written with spaces.
    fn spaced_tokens(&self, text: &str, concepts: &mut Concepts) -> Vec<RawToken> {
        let mut out = Vec::new();
        cue_tokens(text, concepts, |t| out.push(t));
        for m in WORD.find_iter(text) {
            let raw = m.as_str();
            let number = number_value(raw, self.language);
            if let Some(value) = number {
                if value >= 2.0 {
                    let key = format!("#{value}");
                    out.push(RawToken {
                        concepts: vec![concepts.id(&key)],
                        key,
                        class: Class::Cue,
                    });
                }
                continue;
            }
            for part in raw.split('-') {
                if let Some(token) = self.word_token(part, concepts) {
                    out.push(token);
                }
            }
        }
        out
    }
}

/// Words: letters, marks and digits, with inner apostrophes, hyphens and number separators.
static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{M}\p{N}]+(?:(?:['’\-]|[.,](?:\p{N}))[\p{L}\p{M}\p{N}]*)*")
        .unwrap_or_else(|e| panic!("WORD regex: {e}"))
});

/// Punctuation that survives translation: each occurrence is a cue token.
fn cue_tokens(text: &str, concepts: &mut Concepts, mut push: impl FnMut(RawToken)) {
    let mut last_ellipsis = false;
    for c in text.chars() {
        let key = match c {
            '?' | '？' | '¿' | '؟' => "?",
            '!' | '！' | '¡' => "!",
            ':' | '：' => ":",
            ';' | '；' | '؛' => ";",
            '…' => "…",
            _ => {
                last_ellipsis = false;
                continue;
            }
        };
        if key == "…" && last_ellipsis {
            continue;
        }
        last_ellipsis = key == "…";
        push(RawToken {
            key: key.to_string(),
            concepts: vec![concepts.id(key)],
            class: Class::Cue,
        });
    }
    if text.contains("...") {
        push(RawToken {
            key: "…".to_string(),
            concepts: vec![concepts.id("…")],
            class: Class::Cue,
        });
    }
}

fn is_chinese_numeral(c: char) -> bool {
    "〇零一二两三四五六七八九十百千万亿".contains(c)
}

/// Numbers in Chinese text: runs of digits (ASCII or full-width) and of Chinese numerals, with
/// their byte spans. Values below 2 are left out (一 is everywhere).
fn chinese_numbers(text: &str) -> Vec<(Range<usize>, f64)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let digit = ascii_digit(c).is_ascii_digit();
        if !digit && !is_chinese_numeral(c) {
            continue;
        }
        let mut run = String::new();
        run.push(if digit { ascii_digit(c) } else { c });
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            let same = if digit {
                ascii_digit(d).is_ascii_digit() || d == '.' || d == ','
            } else {
                is_chinese_numeral(d)
            };
            if !same {
                break;
            }
            run.push(ascii_digit(d));
            end = i + d.len_utf8();
            chars.next();
        }
        let value = if digit {
            run.trim_end_matches(['.', ','])
                .replace(',', "")
                .parse::<f64>()
                .ok()
        } else {
            chinese_numeral_value(&run).map(|v| v as f64)
        };
        if let Some(v) = value.filter(|&v| v >= 2.0) {
            out.push((start..end, v));
        }
    }
    out
}

/// The value of a number written with digits or as a small number word.
fn number_value(word: &str, language: Language) -> Option<f64> {
    if word
        .chars()
        .next()
        .is_some_and(|c| ascii_digit(c).is_ascii_digit())
    {
        let digits: String = word
            .chars()
            .map(ascii_digit)
            .filter(|&c| c != ',')
            .collect();
        return digits.parse::<f64>().ok();
    }
    let lower = word.to_lowercase();
    let table: &[&str] = match language {
        Language::En => &[
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ],
        Language::Fr => &[
            "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
            "onze", "douze",
        ],
        Language::Es => &[
            "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
            "diez", "once", "doce",
        ],
        Language::Ru => &[
            "ноль",
            "один",
            "два",
            "три",
            "четыре",
            "пять",
            "шесть",
            "семь",
            "восемь",
            "девять",
            "десять",
        ],
        _ => &[],
    };
    if let Some(v) = table.iter().position(|&w| w == lower) {
        return Some(v as f64);
    }
    match (language, lower.as_str()) {
        (Language::En, "thirty") => Some(30.0),
        (Language::En, "forty") => Some(40.0),
        (Language::En, "fifty") => Some(50.0),
        (Language::En, "sixty") => Some(60.0),
        (Language::En, "seventy") => Some(70.0),
        (Language::En, "eighty") => Some(80.0),
        (Language::En, "ninety") => Some(90.0),
        (Language::En, "hundred") => Some(100.0),
        (Language::En, "thousand") => Some(1000.0),
        (Language::En, "million") => Some(1e6),
        _ => None,
    }
}

/// Whether a quotation is open at the end of the sentence, judged by its last quotation mark;
/// `None` if it has none. Straight quotes and apostrophes count as opening at the start of a word
/// and closing at its end; an apostrophe inside a word is not a quotation mark.
fn quote_state(text: &str) -> Option<bool> {
    let chars: Vec<char> = text.chars().collect();
    let mut state = None;
    for (k, &c) in chars.iter().enumerate() {
        let before = k.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let after = chars.get(k + 1).copied();
        let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
        match c {
            '“' | '「' | '『' | '«' | '„' => state = Some(true),
            '”' | '」' | '』' | '»' => state = Some(false),
            '"' | '\'' | '‘' | '’' => {
                let space_before = before.is_none_or(|b| b.is_whitespace() || "([{—–-".contains(b));
                let space_after =
                    after.is_none_or(|a| a.is_whitespace() || ".,;:!?)]}—–-".contains(a));
                if word(before) && word(after) {
                    continue;
                }
                if c == '‘' || (space_before && !space_after) {
                    state = Some(true);
                } else if c == '’' || (!space_before && space_after) || c == '"' && !space_before
                {
                    state = Some(false);
                }
            }
            _ => {}
        }
    }
    state
}

fn opens_quote(text: &str) -> bool {
    text.trim_start()
        .starts_with(['“', '‘', '"', '\'', '「', '『', '«', '„'])
}

fn closes_quote(text: &str) -> bool {
    text.trim_end()
        .ends_with(['”', '’', '"', '\'', '」', '』', '»'])
}

/// A transliterated name on the spaced side: its concept and the syllable sequences it may be.
struct Name {
    concept: u32,
    syllables: Vec<Vec<u16>>,
}

/// Ways to read a word as toneless pinyin syllables (at most a few, each of 1–4 syllables).
fn pinyin_readings(word: &str, lexicon: &Lexicon) -> Vec<Vec<u16>> {
    let letters: String = word
        .chars()
        .filter(|c| !matches!(c, '-' | '\'' | '’'))
        .map(|c| {
            if c == 'ü' || c == 'Ü' {
                'u'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if letters.len() < 2 || letters.len() > 24 || !letters.chars().all(|c| c.is_ascii_lowercase()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut stack: Vec<(usize, Vec<u16>)> = vec![(0, Vec::new())];
    while let Some((at, syllables)) = stack.pop() {
        if at == letters.len() {
            out.push(syllables);
            if out.len() >= 4 {
                break;
            }
            continue;
        }
        if syllables.len() >= 4 {
            continue;
        }
        for len in 1..=6.min(letters.len() - at) {
            if let Some(id) = lexicon.syllable_id(&letters[at..at + len]) {
                let mut next = syllables.clone();
                next.push(id);
                stack.push((at + len, next));
            }
        }
    }
    out
}

/// A document prepared for alignment: both sides tokenized, weighted and indexed.
struct Document {
    a: Side,
    b: Side,
    ratio: f64,
}

/// Both sides tokenized, before weighting: kept so that links learnt from a first alignment can
/// be added and the document rebuilt.
struct Tokens {
    a: Vec<Vec<RawToken>>,
    b: Vec<Vec<RawToken>>,
    concepts: Concepts,
}

impl Tokens {
    fn new(aligner: &SentenceAligner<'_>, src: &[&str], tgt: &[&str]) -> Tokens {
        let lexicon = aligner.lexicon;
        let src_keyed = lexicon.source() == aligner.source && lexicon.target() == aligner.target;
        let tgt_keyed = lexicon.source() == aligner.target && lexicon.target() == aligner.source;
        let mut concepts = Concepts {
            base: lexicon.stem_count(),
            local: FxHashMap::default(),
        };
        let tokenizer = |language, keyed| Tokenizer {
            language,
            lexicon,
            keyed,
            lexicon_active: src_keyed || tgt_keyed,
            normalizer: Normalizer::new(language),
        };
        let ta = tokenizer(aligner.source, src_keyed);
        let tb = tokenizer(aligner.target, tgt_keyed);
        let (mut raw_a, mut raw_b) = (
            tokenize_side(&ta, src, &mut concepts),
            tokenize_side(&tb, tgt, &mut concepts),
        );
        // Names: transliterations on the spaced side found in the Han side's readings.
        if ta.language.is_cjk() != tb.language.is_cjk() {
            let (han, han_text, spaced, spaced_text) = if ta.language.is_cjk() {
                (&mut raw_a, src, &mut raw_b, tgt)
            } else {
                (&mut raw_b, tgt, &mut raw_a, src)
            };
            add_names(lexicon, han, han_text, spaced, spaced_text, &mut concepts);
        }
        let strip = |raw: Vec<Vec<Spanned>>| {
            raw.into_iter()
                .map(|s| s.into_iter().map(|t| t.token).collect())
                .collect()
        };
        Tokens {
            a: strip(raw_a),
            b: strip(raw_b),
            concepts,
        }
    }

    /// Word pairs that keep falling into the same beads of `beads` (names translated by meaning,
    /// words the lexicon lacks) become document-local translations: each gets a new concept on
    /// the tokens of both words.
    fn learn_links(&mut self, beads: &[Bead], w: &Weights) {
        let (sa, names_a) = key_ids(&self.a);
        let (sb, names_b) = key_ids(&self.b);
        let bead_keys: Vec<(Vec<u32>, Vec<u32>)> = beads
            .iter()
            .filter(|b| !b.a.is_empty() && !b.b.is_empty())
            .map(|bead| {
                let distinct = |mut v: Vec<u32>| {
                    v.sort_unstable();
                    v.dedup();
                    v
                };
                (
                    distinct(bead.a.clone().flat_map(|i| sa[i].iter().copied()).collect()),
                    distinct(bead.b.clone().flat_map(|j| sb[j].iter().copied()).collect()),
                )
            })
            .collect();
        let mut fa = vec![0u32; names_a.len()];
        let mut fb = vec![0u32; names_b.len()];
        for (ka, kb) in &bead_keys {
            ka.iter().for_each(|&x| fa[x as usize] += 1);
            kb.iter().for_each(|&y| fb[y as usize] += 1);
        }
        // Only words seen often enough can form a link; beads with very many words say little
        // about which pairs go together (and would cost quadratic time).
        let frequent = |f: &[u32], x: u32| f64::from(f[x as usize]) >= w.link_min_count;
        let mut joint: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        for (ka, kb) in &bead_keys {
            let ka: Vec<u32> = ka.iter().copied().filter(|&x| frequent(&fa, x)).collect();
            let kb: Vec<u32> = kb.iter().copied().filter(|&y| frequent(&fb, y)).collect();
            if ka.len() * kb.len() > MAX_LINK_PAIRS_PER_BEAD {
                continue;
            }
            for &x in &ka {
                for &y in &kb {
                    *joint.entry((x, y)).or_default() += 1;
                }
            }
        }
        let mut links: Vec<(u32, u32)> = joint
            .into_iter()
            .filter(|&((x, y), c)| {
                let dice = 2.0 * f64::from(c) / f64::from(fa[x as usize] + fb[y as usize]);
                f64::from(c) >= w.link_min_count && dice >= w.link_dice
            })
            .map(|(pair, _)| pair)
            .collect();
        links.sort_unstable();
        let mut extra_a: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
        let mut extra_b: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
        for (x, y) in links {
            let (ka, kb) = (names_a[x as usize], names_b[y as usize]);
            let id = self.concepts.id(&format!("l:{ka}|{kb}"));
            extra_a.entry(ka).or_default().push(id);
            extra_b.entry(kb).or_default().push(id);
        }
        let extra_a: FxHashMap<String, Vec<u32>> = extra_a
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        let extra_b: FxHashMap<String, Vec<u32>> = extra_b
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        for (side, extra) in [(&mut self.a, &extra_a), (&mut self.b, &extra_b)] {
            for token in side.iter_mut().flatten() {
                if let Some(ids) = extra.get(&token.key) {
                    token.concepts.extend(ids);
                }
            }
        }
    }
}

/// Each sentence's distinct non-cue token keys as ids, and the key of each id.
fn key_ids(side: &[Vec<RawToken>]) -> (Vec<Vec<u32>>, Vec<&str>) {
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let per_sentence: Vec<Vec<u32>> = side
        .iter()
        .map(|tokens| {
            let mut v: Vec<u32> = tokens
                .iter()
                .filter(|t| t.class != Class::Cue)
                .map(|t| {
                    let next = ids.len() as u32;
                    *ids.entry(t.key.as_str()).or_insert(next)
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let mut names = vec![""; ids.len()];
    for (k, &id) in &ids {
        names[id as usize] = k;
    }
    (per_sentence, names)
}

impl Document {
    fn new(tokens: &Tokens, src: &[&str], tgt: &[&str], w: &Weights) -> Document {
        let (a, b) = build_sides(src, &tokens.a, tgt, &tokens.b, w);
        let (sa, sb): (f64, f64) = (a.chars.iter().sum(), b.chars.iter().sum());
        let ratio = if sa > 0.0 && sb > 0.0 { sb / sa } else { 1.0 };
        Document { a, b, ratio }
    }

    /// One DP pass.
    fn run(
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

    fn cost(
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

/// Tokens of every sentence of one side; the Chinese side keeps spans so names can replace words.
fn tokenize_side(
    tokenizer: &Tokenizer<'_>,
    texts: &[&str],
    concepts: &mut Concepts,
) -> Vec<Vec<Spanned>> {
    texts
        .iter()
        .map(|text| {
            if tokenizer.language.is_cjk() {
                tokenizer.han_tokens(text, concepts)
            } else {
                tokenizer
                    .spaced_tokens(text, concepts)
                    .into_iter()
                    .map(|token| Spanned { token, span: 0..0 })
                    .collect()
            }
        })
        .collect()
}

/// Find transliterated names: capitalised words of the spaced side that read as pinyin, looked
/// for in the Han side's character readings. Matches become name tokens on both sides and replace
/// the Chinese words they overlap.
fn add_names(
    lexicon: &Lexicon,
    han: &mut [Vec<Spanned>],
    han_text: &[&str],
    spaced: &mut [Vec<Spanned>],
    spaced_text: &[&str],
    concepts: &mut Concepts,
) {
    let mut names: FxHashMap<String, Option<Name>> = FxHashMap::default();
    for (tokens, text) in spaced.iter_mut().zip(spaced_text) {
        for (k, m) in WORD.find_iter(text).enumerate() {
            let word = m.as_str();
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            let lower = word.to_lowercase();
            if !capitalised || crate::locale::is_stopword(&lower, Language::En) {
                continue;
            }
            if k == 0 && lexicon.stem_id(&lower).is_some() {
                continue;
            }
            let name = names.entry(lower.clone()).or_insert_with(|| {
                let syllables = pinyin_readings(word, lexicon);
                (!syllables.is_empty()).then(|| Name {
                    concept: concepts.id(&format!("n:{lower}")),
                    syllables,
                })
            });
            if let Some(name) = name {
                tokens.push(Spanned {
                    token: RawToken {
                        key: format!("n:{lower}"),
                        concepts: vec![name.concept],
                        class: Class::Name,
                    },
                    span: 0..0,
                });
            }
        }
    }
    if names.values().all(Option::is_none) {
        return;
    }
    // Index the names by their first syllable.
    let mut by_first: FxHashMap<u16, Vec<(u32, &[u16])>> = FxHashMap::default();
    for name in names.values().flatten() {
        for reading in &name.syllables {
            if let Some(&first) = reading.first() {
                by_first
                    .entry(first)
                    .or_default()
                    .push((name.concept, reading));
            }
        }
    }
    for (tokens, text) in han.iter_mut().zip(han_text) {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut found: Vec<(Range<usize>, u32)> = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            let mut advance = 1;
            let candidates = lexicon
                .readings(chars[k].1)
                .iter()
                .filter_map(|r| by_first.get(r))
                .flatten();
            for &(concept, reading) in candidates {
                let len = reading.len();
                if k + len > chars.len() || (len == 1 && !lexicon.is_surname(chars[k].1)) {
                    continue;
                }
                let fits = reading
                    .iter()
                    .enumerate()
                    .all(|(d, s)| lexicon.readings(chars[k + d].1).contains(s));
                if fits {
                    let end = chars.get(k + len).map_or(text.len(), |c| c.0);
                    found.push((chars[k].0..end, concept));
                    advance = advance.max(len);
                }
            }
            k += advance;
        }
        if found.is_empty() {
            continue;
        }
        let mut covered = vec![false; text.len()];
        for (span, _) in &found {
            covered[span.clone()].fill(true);
        }
        tokens.retain(|t| !covered[t.span.clone()].contains(&true));
        for (span, concept) in found {
            tokens.push(Spanned {
                token: RawToken {
                    key: format!("n:{concept}"),
                    concepts: vec![concept],
                    class: Class::Name,
                },
                span,
            });
        }
    }
}

/// Lay both sides out for the cost function: each sentence's distinct tokens with the concepts
/// they share with the other side (renumbered densely; a word that can match nothing in the
/// document carries no evidence and is dropped), and their log-likelihood-ratio tables.
fn build_sides(
    src: &[&str],
    ta: &[Vec<RawToken>],
    tgt: &[&str],
    tb: &[Vec<RawToken>],
    w: &Weights,
) -> (Side, Side) {
    let present = |raw: &[Vec<RawToken>]| -> FxHashSet<u32> {
        raw.iter()
            .flatten()
            .flat_map(|t| t.concepts.iter().copied())
            .collect()
    };
    let on_b = present(tb);
    let mut dense: FxHashMap<u32, u32> = FxHashMap::default();
    for c in ta.iter().flatten().flat_map(|t| t.concepts.iter()) {
        if on_b.contains(c) {
            let next = dense.len() as u32;
            dense.entry(*c).or_insert(next);
        }
    }
    let mut a = layout(src, ta, &dense, w);
    let mut b = layout(tgt, tb, &dense, w);
    let (la, lb) = (a.len(), b.len());
    score_tokens(&mut a, &b.index, lb, w);
    score_tokens(&mut b, &a.index, la, w);
    (a, b)
}

/// One side's sentences, tokens and dense concepts, with the concept index.
fn layout(texts: &[&str], raw: &[Vec<RawToken>], dense: &FxHashMap<u32, u32>, w: &Weights) -> Side {
    let mut side = Side {
        index: vec![Vec::new(); dense.len()],
        ..Side::default()
    };
    side.tok_start.push(0);
    side.conc_start.push(0);
    for (i, (tokens, text)) in raw.iter().zip(texts).enumerate() {
        side.chars
            .push(text.chars().filter(|c| !c.is_whitespace()).count() as f64);
        side.opens.push(opens_quote(text));
        side.closes.push(closes_quote(text));
        let before = side.inside.last().copied().unwrap_or(false);
        side.inside.push(quote_state(text).unwrap_or(before));
        side.junk.push(!text.chars().any(char::is_alphabetic));
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        for token in tokens {
            if !seen.insert(&token.key) {
                continue;
            }
            let mut ids: Vec<u32> = token
                .concepts
                .iter()
                .filter_map(|c| dense.get(c).copied())
                .collect();
            if ids.is_empty() {
                continue;
            }
            ids.sort_unstable();
            ids.dedup();
            for &c in &ids {
                let list = &mut side.index[c as usize];
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
            side.concepts.extend(ids);
            side.conc_start.push(side.concepts.len());
            side.class_w.push(match token.class {
                Class::Word => 1.0,
                Class::Cue => w.cue,
                Class::Name => w.name,
            });
        }
        side.tok_start.push(side.class_w.len());
    }
    side
}

/// The log-likelihood-ratio tables of one side: a token is found on the other side of a true
/// bead with probability `recall`, and by chance with the probability that one of the `k`
/// sentences there holds one of its concepts (estimated from how many sentences of the other
/// side do).
fn score_tokens(side: &mut Side, other: &[Vec<u32>], other_len: usize, w: &Weights) {
    let other_len = other_len.max(1);
    let p = w.recall;
    for i in 0..side.len() {
        let mut base = [0.0; MAX_SIDE];
        let mut info = 0.0;
        for t in side.tokens(i) {
            let spread: usize = side
                .token_concepts(t)
                .iter()
                .map(|&c| other[c as usize].len())
                .sum();
            let prior =
                CHANCE_PRIOR_SENTENCES * CHANCE_PRIOR_RATE * side.token_concepts(t).len() as f64;
            let chance =
                ((spread as f64 + prior) / (other_len as f64 + CHANCE_PRIOR_SENTENCES)).min(0.95);
            let cw = side.class_w[t];
            for k in 1..=MAX_SIDE {
                let q = (1.0 - (1.0 - chance).powf((k as f64).powf(w.chance_exponent)))
                    .clamp(1e-4, p * 0.999);
                let (hit, miss) = ((p / q).ln(), ((1.0 - p) / (1.0 - q)).ln());
                side.gain.push(cw * (hit - miss));
                base[k - 1] += cw * miss;
                if k == 1 {
                    info += cw * (p * hit + (1.0 - p) * miss);
                }
            }
        }
        side.base.extend(base);
        side.info.push(info);
    }
}

/// Match bitmasks of sentence pairs, computed on demand row by row.
struct Pairs<'d> {
    a: &'d Side,
    b: &'d Side,
    rows: Vec<Row>,
    /// Columns computed at once when a row is first needed.
    span: usize,
    /// `stamp[c] == i + 1` when concept c occurs in source sentence i (the row being computed).
    stamp: Vec<usize>,
}

/// The pairs (i, j) for j in `start..end` of one source sentence i.
#[derive(Default)]
struct Row {
    start: usize,
    end: usize,
    /// `a.mask_words(i)` words per column: which tokens of i match something in j.
    a_masks: Vec<u64>,
    /// Offsets of each column's b-mask in `b_masks` (`columns + 1`).
    b_off: Vec<usize>,
    /// Which tokens of j match something in i.
    b_masks: Vec<u64>,
}

impl<'d> Pairs<'d> {
    fn new(a: &'d Side, b: &'d Side, span: usize) -> Pairs<'d> {
        Pairs {
            a,
            b,
            rows: (0..a.len()).map(|_| Row::default()).collect(),
            span,
            stamp: vec![0; a.index.len()],
        }
    }

    /// Make row `i` cover the columns `cols`.
    fn ensure(&mut self, i: usize, cols: Range<usize>) {
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
    fn extend(&mut self, i: usize, end: usize) {
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

    fn a_mask(&self, i: usize, j: usize) -> &[u64] {
        let row = &self.rows[i];
        let wa = self.a.mask_words(i);
        let k = j - row.start;
        &row.a_masks[k * wa..(k + 1) * wa]
    }

    fn b_mask(&self, i: usize, j: usize) -> &[u64] {
        let row = &self.rows[i];
        let k = j - row.start;
        &row.b_masks[row.b_off[k]..row.b_off[k + 1]]
    }
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

    fn shapes(beads: &[Bead]) -> Vec<(Vec<usize>, Vec<usize>)> {
        beads
            .iter()
            .map(|b| (b.a.clone().collect(), b.b.clone().collect()))
            .collect()
    }

    fn zh_en_lexicon() -> Lexicon {
        let mut lexicon = Lexicon::builtin(Language::Zh, Language::En);
        let pairs = "meeting @ 会议\nopened @ 开幕\nchair @ 主席\nwelcome @ 欢迎\ndelegations @ 代表团\n\
                     thank @ 感谢\npreparations @ 筹备\nannounce @ 宣布\nagenda @ 议程\nadopted @ 通过\n\
                     adjourned @ 休会\nafternoon @ 下午\nmorning @ 上午\n";
        lexicon.add_str(pairs, crate::lexicon::DictFormat::Hunalign);
        lexicon
    }

    #[test]
    fn without_a_lexicon_numbers_and_cognates_outweigh_misleading_lengths() {
        let lexicon = Lexicon::new(Language::En, Language::Fr);
        let en = [
            "In 2010, the Office operated in 45 countries and 7 regions.",
            "Its budget was reviewed by the Advisory Committee.",
            "The Committee met 12 times.",
        ];
        let fr = [
            "En 2010, le Bureau a mené des activités sur le terrain.",
            "Il était présent dans 45 pays et 7 régions.",
            "Le Comité consultatif a examiné son budget.",
            "Le Comité s'est réuni 12 fois.",
        ];
        let aligner = SentenceAligner::new(&lexicon, Language::En, Language::Fr);
        let expected = vec![
            (vec![0], vec![0, 1]),
            (vec![1], vec![2]),
            (vec![2], vec![3]),
        ];
        assert_eq!(shapes(&aligner.align(&en, &fr)), expected);
        let lengths_only = Weights {
            lexical: 0.0,
            ..Weights::default()
        };
        let beads = SentenceAligner::new(&lexicon, Language::En, Language::Fr)
            .with_weights(lengths_only)
            .align(&en, &fr);
        assert_ne!(shapes(&beads), expected, "lengths alone get this one wrong");
    }

    #[test]
    fn one_chinese_sentence_split_into_three_english_ones() {
        let lexicon = zh_en_lexicon();
        let zh = [
            "会议于上午十点开幕。",
            "主席欢迎各代表团，感谢秘书处的筹备工作，并宣布议程已获通过。",
            "会议于下午一点休会。",
        ];
        let en = [
            "The meeting opened at 10 in the morning.",
            "The Chair welcomed the delegations.",
            "She thanked the Secretariat for its preparations.",
            "She announced that the agenda had been adopted.",
            "The meeting was adjourned at one in the afternoon.",
        ];
        let beads = SentenceAligner::new(&lexicon, Language::Zh, Language::En).align(&zh, &en);
        assert_eq!(
            shapes(&beads),
            vec![
                (vec![0], vec![0]),
                (vec![1], vec![1, 2, 3]),
                (vec![2], vec![4])
            ]
        );
    }

    #[test]
    fn the_lexicon_outweighs_misleading_lengths() {
        let lexicon = zh_en_lexicon();
        let zh = [
            "主席欢迎各代表团，感谢秘书处的筹备工作，并宣布议程已获通过。",
            "会议于下午一点休会，下次会议定于星期三上午举行。",
        ];
        let en = [
            "The Chair welcomed the delegations.",
            "She thanked the Secretariat for its preparations.",
            "After a short discussion, the agenda as contained in the provisional document was adopted without a vote.",
            "The meeting was adjourned.",
        ];
        let expected = vec![(vec![0], vec![0, 1, 2]), (vec![1], vec![3])];
        let aligner = SentenceAligner::new(&lexicon, Language::Zh, Language::En);
        assert_eq!(shapes(&aligner.align(&zh, &en)), expected);
        let lengths_only = Weights {
            lexical: 0.0,
            ..Weights::default()
        };
        let beads = SentenceAligner::new(&lexicon, Language::Zh, Language::En)
            .with_weights(lengths_only)
            .align(&zh, &en);
        assert_ne!(shapes(&beads), expected, "lengths alone get this one wrong");
    }

    #[test]
    fn a_junk_line_is_left_unaligned_cheaply() {
        let lexicon = zh_en_lexicon();
        let zh = [
            "会议于上午十点开幕。",
            "主席欢迎各代表团。",
            "会议于下午一点休会。",
        ];
        let en = [
            "The meeting opened at 10 in the morning.",
            "- 2 -",
            "The Chair welcomed the delegations.",
            "The meeting was adjourned at one in the afternoon.",
        ];
        let aligner = SentenceAligner::new(&lexicon, Language::Zh, Language::En);
        let beads = aligner.align(&zh, &en);
        assert_eq!(
            shapes(&beads),
            vec![
                (vec![0], vec![0]),
                (vec![], vec![1]),
                (vec![1], vec![2]),
                (vec![2], vec![3])
            ]
        );
        let w = aligner.weights();
        let junk = &beads[1];
        assert!(junk.cost <= w.null_junk, "junk line cost {}", junk.cost);
        // Leaving a sentence with content unaligned costs much more.
        let tokens = Tokens::new(&aligner, &zh, &en);
        let doc = Document::new(&tokens, &zh, &en, w);
        let mut pairs = Pairs::new(&doc.a, &doc.b, 4);
        let content = doc.cost(w, 1.0, &mut pairs, 0..0, 2..3);
        assert!(
            content > junk.cost + 2.0,
            "content {content} vs junk {}",
            junk.cost
        );
        // Merging a sentence that matches nothing into a bead costs too.
        let alone = doc.cost(
            w,
            w.variance * doc.ratio * doc.ratio,
            &mut pairs,
            2..3,
            3..4,
        );
        let merged = doc.cost(
            w,
            w.variance * doc.ratio * doc.ratio,
            &mut pairs,
            2..3,
            2..4,
        );
        assert!(merged > alone + 1.0, "merged {merged} vs alone {alone}");
    }

    #[test]
    fn odd_input_does_not_panic() {
        let lexicon = zh_en_lexicon();
        let aligner = SentenceAligner::new(&lexicon, Language::Zh, Language::En);
        assert!(aligner.align(&[], &[]).is_empty());
        let beads = aligner.align(&["会议开幕。", ""], &[]);
        assert_eq!(shapes(&beads), vec![(vec![0], vec![]), (vec![1], vec![])]);
        let beads = aligner.align(&[], &["", "x"]);
        assert_eq!(beads.len(), 2);
        let long_zh = "会议".repeat(20_000);
        let long_en = "meeting ".repeat(20_000);
        let beads = aligner.align(&[&long_zh, "", "？！“”"], &[&long_en, "\u{feff}", "'"]);
        let covered: (usize, usize) = beads
            .iter()
            .fold((0, 0), |(a, b), x| (a + x.a.len(), b + x.b.len()));
        assert_eq!(covered, (3, 3));
        assert!(beads.iter().all(|b| b.cost.is_finite()));
        let many: Vec<String> = (0..300).map(|k| format!("Meeting {k}.")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        for (src, tgt) in [(&["会议。"][..], &many[..]), (&many[..], &["会议。"][..])] {
            let (a, b) = (Language::Zh, Language::En);
            let (a, b) = if src.len() == 1 { (a, b) } else { (b, a) };
            let beads = SentenceAligner::new(&lexicon, a, b).align(src, tgt);
            let covered = beads
                .iter()
                .fold((0, 0), |(x, y), bead| (x + bead.a.len(), y + bead.b.len()));
            assert_eq!(covered, (src.len(), tgt.len()));
        }
    }

    #[test]
    fn long_sentences_use_multi_word_masks() {
        let lexicon = Lexicon::new(Language::En, Language::Fr);
        let words: Vec<String> = (0..150).map(|k| format!("zq{k}x")).collect();
        let long = words.join(" ");
        let src = ["Alpha.", long.as_str(), "Omega."];
        let tgt = ["Alpha.", long.as_str(), "Omega."];
        let aligner = SentenceAligner::new(&lexicon, Language::En, Language::Fr);
        let tokens = Tokens::new(&aligner, &src, &tgt);
        let doc = Document::new(&tokens, &src, &tgt, aligner.weights());
        let mut pairs = Pairs::new(&doc.a, &doc.b, 3);
        pairs.ensure(1, 0..3);
        let matched: u32 = pairs.a_mask(1, 1).iter().map(|m| m.count_ones()).sum();
        assert_eq!((doc.a.mask_words(1), matched), (3, 150));
        assert_eq!(
            pairs
                .b_mask(1, 0)
                .iter()
                .map(|m| m.count_ones())
                .sum::<u32>(),
            0
        );
    }

    #[test]
    fn pinyin_names_match_han_names() {
        let mut lexicon = Lexicon::new(Language::Zh, Language::En);
        let cedict = "陳 陈 [Chen2] /surname Chen/\n清 清 [qing1] /clear/\n揚 扬 [yang2] /to raise/\n\
                      山 山 [shan1] /mountain/\n";
        lexicon.add_str(cedict, crate::lexicon::DictFormat::Cedict);
        let aligner = SentenceAligner::new(&lexicon, Language::Zh, Language::En);
        let zh = ["陈清扬把我拽住。"];
        let en = ["Chen Qingyang caught me."];
        let tokens = Tokens::new(&aligner, &zh, &en);
        let names = |side: &[Vec<RawToken>]| -> Vec<u32> {
            side[0]
                .iter()
                .filter(|t| t.class == Class::Name)
                .flat_map(|t| t.concepts.clone())
                .collect()
        };
        let (on_zh, on_en) = (names(&tokens.a), names(&tokens.b));
        assert_eq!(on_en.len(), 2, "Chen and Qingyang");
        assert!(
            on_en.iter().all(|c| on_zh.contains(c)),
            "{on_zh:?} vs {on_en:?}"
        );
        assert!(
            !tokens.a[0].iter().any(|t| t.key.contains('清')),
            "the name replaces the words it covers"
        );
    }

    #[test]
    fn quotation_state() {
        assert_eq!(
            quote_state("韦小宝道：“皮人是死的，有什么好玩？"),
            Some(true)
        );
        assert_eq!(quote_state("我来跟你玩。”"), Some(false));
        assert_eq!(quote_state("'Why fight a dummy!' he cried."), Some(false));
        assert_eq!(quote_state("'Why not try me?"), Some(true));
        assert_eq!(quote_state("He didn't say it's Whiskers."), None);
    }

    #[test]
    fn numbers_in_chinese_and_english() {
        let values: Vec<f64> = chinese_numbers("第二十届会议，２０１１年，第65段，一个")
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        assert_eq!(values, vec![20.0, 2011.0, 65.0]);
        assert_eq!(number_value("twelve", Language::En), Some(12.0));
        assert_eq!(number_value("1,000", Language::En), Some(1000.0));
        assert_eq!(number_value("onze", Language::Fr), Some(11.0));
    }

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

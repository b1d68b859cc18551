//! The lexical features of both sides of a document: every sentence's tokens with the concepts
//! they share with the other side, their log-likelihood-ratio tables, and the document-local
//! translations learnt from a first alignment.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::align::dp::Bead;
use crate::lexicon::{Lexicon, Normalizer};
use crate::model::Language;

use super::SentenceAligner;
use super::cost::Weights;
use super::tokens::{
    Class, Concepts, Name, RawToken, Spanned, Tokenizer, WORD, closes_quote, opens_quote,
    pinyin_readings, quote_state,
};

/// Largest number of sentences on one side of a bead that the LLR tables cover.
pub(super) const MAX_SIDE: usize = 6;

/// The chance that a sentence holds a given concept is estimated from the document, smoothed
/// with this many pseudo-sentences at [`CHANCE_PRIOR_RATE`]: short sequences (the sentences of
/// one paragraph) say little about how common a word is.
pub(super) const CHANCE_PRIOR_SENTENCES: f64 = 20.0;

/// Assumed chance that a sentence holds a given concept, before looking at the document.
pub(super) const CHANCE_PRIOR_RATE: f64 = 0.01;

/// Beads with more word pairs than this are not used to learn links.
pub(super) const MAX_LINK_PAIRS_PER_BEAD: usize = 10_000;

/// One side of the text, ready for the cost function.
#[derive(Debug, Default)]
pub(super) struct Side {
    /// Non-space characters per sentence.
    pub(super) chars: Vec<f64>,
    /// Token range of each sentence (`n + 1` offsets).
    pub(super) tok_start: Vec<usize>,
    /// Concept range of each token (`tokens + 1` offsets into `concepts`).
    pub(super) conc_start: Vec<usize>,
    /// Dense ids of the concepts each token can match (only concepts found on both sides).
    pub(super) concepts: Vec<u32>,
    /// Per token and other-side bead size k (1..=MAX_SIDE): LLR gain of being matched.
    pub(super) gain: Vec<f64>,
    /// Per sentence and k: LLR of all its tokens unmatched.
    pub(super) base: Vec<f64>,
    /// Per sentence: expected LLR if aligned one-to-one (its information content).
    pub(super) info: Vec<f64>,
    /// Class multiplier of each token.
    pub(super) class_w: Vec<f64>,
    /// Whether the sentence opens / closes with a quotation mark.
    pub(super) opens: Vec<bool>,
    /// Whether the sentence closes with a quotation mark.
    pub(super) closes: Vec<bool>,
    /// Whether a quotation is still open after the sentence.
    pub(super) inside: Vec<bool>,
    /// Whether the sentence has no letters at all (page numbers, separators, symbols).
    pub(super) junk: Vec<bool>,
    /// Dense concept → sentences containing it (sorted).
    pub(super) index: Vec<Vec<u32>>,
}

impl Side {
    /// Number of sentences.
    pub(super) fn len(&self) -> usize {
        self.chars.len()
    }

    /// The tokens of sentence `i`.
    pub(super) fn tokens(&self, i: usize) -> Range<usize> {
        self.tok_start[i]..self.tok_start[i + 1]
    }

    /// Number of 64-bit words of sentence `i`'s token masks.
    pub(super) fn mask_words(&self, i: usize) -> usize {
        self.tokens(i).len().div_ceil(64)
    }

    /// The dense concepts token `t` can match.
    pub(super) fn token_concepts(&self, t: usize) -> &[u32] {
        &self.concepts[self.conc_start[t]..self.conc_start[t + 1]]
    }

    /// Sum of LLR gains (other side of size `k`) of the tokens of sentence `i` set in `mask` word `w`.
    pub(super) fn masked_gain(&self, i: usize, w: usize, mut mask: u64, k: usize) -> f64 {
        let base = self.tok_start[i] + w * 64;
        let mut sum = 0.0;
        while mask != 0 {
            sum += self.gain[(base + mask.trailing_zeros() as usize) * MAX_SIDE + k - 1];
            mask &= mask - 1;
        }
        sum
    }
}

/// Both sides tokenized, before weighting: kept so that links learnt from a first alignment can
/// be added and the document rebuilt.
pub(super) struct Tokens {
    /// Tokens of each source sentence.
    pub(super) a: Vec<Vec<RawToken>>,
    /// Tokens of each target sentence.
    pub(super) b: Vec<Vec<RawToken>>,
    /// The concept ids given so far.
    pub(super) concepts: Concepts,
}

impl Tokens {
    /// Tokenize the sentences of both sides, with transliterated names between Han and spaced text.
    pub(super) fn new(aligner: &SentenceAligner<'_>, src: &[&str], tgt: &[&str]) -> Tokens {
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
    pub(super) fn learn_links(&mut self, beads: &[Bead], w: &Weights) {
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
pub(super) fn key_ids(side: &[Vec<RawToken>]) -> (Vec<Vec<u32>>, Vec<&str>) {
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

/// Tokens of every sentence of one side; the Chinese side keeps spans so names can replace words.
pub(super) fn tokenize_side(
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
pub(super) fn add_names(
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
pub(super) fn build_sides(
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
pub(super) fn layout(
    texts: &[&str],
    raw: &[Vec<RawToken>],
    dense: &FxHashMap<u32, u32>,
    w: &Weights,
) -> Side {
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
pub(super) fn score_tokens(side: &mut Side, other: &[Vec<u32>], other_len: usize, w: &Weights) {
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

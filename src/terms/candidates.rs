//! Term candidates of one side of the aligned units: each text becomes a sequence of word keys
//! (interned as numbers, breaks as 0), and a candidate is a run of one to [`MAX_WORDS`] keys
//! inside one stretch between breaks that neither begins nor ends with a stop word. A
//! candidate is packed into one `u128` (21 bits per word), so that counting hashes integers,
//! not strings, and the candidates nested in a longer one are read off its bits.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::Language;

use super::words::{Boundary, Keyer, Piece, pieces};

/// Longest candidate, in words.
pub(super) const MAX_WORDS: usize = 6;

/// Bits per word key in a packed candidate.
const KEY_BITS: u32 = 21;

/// Word keys at or above this number are too rare to be packed; they break candidates.
const KEY_LIMIT: u32 = 1 << KEY_BITS;

/// One word of a text (or a break, key 0): its key, whether it is a stop word, its bytes.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    /// The interned key of the word; 0 for a break.
    pub(super) key: u32,
    /// Where the word may stand in a candidate.
    pub(super) boundary: Boundary,
    /// First byte of the word in its text.
    pub(super) start: u32,
    /// Byte after the word.
    pub(super) end: u32,
}

impl Token {
    const BREAK: Token = Token {
        key: 0,
        boundary: Boundary::Inside,
        start: 0,
        end: 0,
    };
}

/// A word as cut from a text, before interning: its folded form and bytes (no form: a break).
type RawWord = (Option<String>, u32, u32);

/// The words met so far in one language, each with its key number and stop flag.
pub(super) struct Vocabulary {
    keyer: Keyer,
    language: Language,
    words: FxHashMap<String, (u32, Boundary)>,
    keys: FxHashMap<String, u32>,
}

impl Vocabulary {
    /// An empty vocabulary of `language`.
    pub(super) fn new(language: Language) -> Vocabulary {
        Vocabulary {
            keyer: Keyer::new(language),
            language,
            words: FxHashMap::default(),
            keys: FxHashMap::default(),
        }
    }

    /// The words of a text, folded (the part that can run in parallel).
    pub(super) fn cut(&self, text: &str) -> Vec<RawWord> {
        pieces(text, self.language)
            .into_iter()
            .map(|piece| match piece {
                Piece::Word(r) => (
                    Some(self.keyer.fold(&text[r.clone()])),
                    r.start as u32,
                    r.end as u32,
                ),
                Piece::Break => (None, 0, 0),
            })
            .collect()
    }

    /// Intern the words of a text: its tokens.
    pub(super) fn intern(&mut self, raw: Vec<RawWord>) -> Vec<Token> {
        raw.into_iter()
            .map(|(word, start, end)| match word {
                None => Token::BREAK,
                Some(word) => {
                    let (key, boundary) = self.word(word);
                    Token {
                        key,
                        boundary,
                        start,
                        end,
                    }
                }
            })
            .collect()
    }

    fn word(&mut self, folded: String) -> (u32, Boundary) {
        if let Some(&known) = self.words.get(&folded) {
            return known;
        }
        let key = self.keyer.key(&folded);
        let next = self.keys.len() as u32 + 1;
        let id = *self.keys.entry(key).or_insert(next);
        let entry = (id, self.keyer.boundary(&folded));
        self.words.insert(folded, entry);
        entry
    }
}

/// Cut and intern the texts of one side in parallel chunks; `done` hears how many texts are
/// finished after each chunk.
pub(super) fn tokenize(
    texts: &[&str],
    vocabulary: &mut Vocabulary,
    done: &dyn Fn(usize),
) -> Vec<Vec<Token>> {
    const CHUNK: usize = 4096;
    let mut out = Vec::with_capacity(texts.len());
    for chunk in texts.chunks(CHUNK) {
        let raw: Vec<Vec<RawWord>> = chunk.par_iter().map(|t| vocabulary.cut(t)).collect();
        out.extend(raw.into_iter().map(|r| vocabulary.intern(r)));
        done(chunk.len());
    }
    out
}

/// Pack a run of word keys into a candidate; `None` when a key is too large to pack.
fn pack(tokens: &[Token]) -> Option<u128> {
    let mut packed = 0u128;
    for (k, t) in tokens.iter().enumerate() {
        if t.key >= KEY_LIMIT {
            return None;
        }
        packed |= u128::from(t.key) << (KEY_BITS * k as u32);
    }
    Some(packed)
}

/// The word keys of a packed candidate.
fn unpack(candidate: u128) -> impl Iterator<Item = u128> {
    let mask = u128::from(KEY_LIMIT - 1);
    (0..MAX_WORDS as u32)
        .map(move |k| (candidate >> (KEY_BITS * k)) & mask)
        .take_while(|&key| key != 0)
}

/// Number of words of a packed candidate.
pub(super) fn length(candidate: u128) -> usize {
    unpack(candidate).count()
}

/// The candidates nested in a packed one (shorter runs of its words), stop words at their
/// edges included (the caller looks them up among real candidates).
pub(super) fn nested(candidate: u128) -> Vec<u128> {
    let keys: Vec<u128> = unpack(candidate).collect();
    let mut out = Vec::new();
    for len in 1..keys.len() {
        for start in 0..=keys.len() - len {
            let packed = keys[start..start + len]
                .iter()
                .enumerate()
                .fold(0u128, |acc, (k, &key)| acc | key << (KEY_BITS * k as u32));
            out.push(packed);
        }
    }
    out
}

/// Every candidate of a text with the range of tokens it spans, in text order.
pub(super) fn candidates(tokens: &[Token], mut found: impl FnMut(u128, usize, usize)) {
    for stretch in tokens.split(|t| t.key == 0) {
        let offset = stretch.as_ptr() as usize - tokens.as_ptr() as usize;
        let offset = offset / std::mem::size_of::<Token>();
        for i in 0..stretch.len() {
            if stretch[i].boundary != Boundary::Free {
                continue;
            }
            for j in i..stretch.len().min(i + MAX_WORDS) {
                let ends = match stretch[j].boundary {
                    Boundary::Free => true,
                    Boundary::Last => j > i,
                    Boundary::Inside => false,
                };
                if !ends {
                    continue;
                }
                if let Some(packed) = pack(&stretch[i..=j]) {
                    found(packed, offset + i, offset + j);
                }
            }
        }
    }
}

/// The distinct candidates of a text, sorted.
pub(super) fn distinct(tokens: &[Token]) -> Vec<u128> {
    let mut out = Vec::new();
    candidates(tokens, |c, _, _| out.push(c));
    out.sort_unstable();
    out.dedup();
    out
}

/// How each of the `wanted` candidates is most often written in the texts of one side (ties:
/// the form met first in text order of the smallest unit).
pub(super) fn surfaces(
    texts: &[&str],
    units: &[Vec<Token>],
    wanted: &FxHashSet<u128>,
) -> FxHashMap<u128, String> {
    let counted = (0..units.len())
        .into_par_iter()
        .fold(
            FxHashMap::default,
            |mut forms: FxHashMap<(u128, String), (u32, usize)>, u| {
                let tokens = &units[u];
                candidates(tokens, |c, i, j| {
                    if wanted.contains(&c) {
                        let form = &texts[u][tokens[i].start as usize..tokens[j].end as usize];
                        let entry = forms.entry((c, form.to_string())).or_insert((0, u));
                        entry.0 += 1;
                    }
                });
                forms
            },
        )
        .reduce(FxHashMap::default, |mut a, b| {
            for (k, (n, first)) in b {
                let entry = a.entry(k).or_insert((0, first));
                entry.0 += n;
                entry.1 = entry.1.min(first);
            }
            a
        });
    let mut best: FxHashMap<u128, (u32, std::cmp::Reverse<usize>, String)> = FxHashMap::default();
    for ((c, form), (n, first)) in counted {
        let candidate = (n, std::cmp::Reverse(first), form);
        match best.get(&c) {
            Some(known) if (known.0, known.1) >= (candidate.0, candidate.1) => {}
            _ => {
                best.insert(c, candidate);
            }
        }
    }
    best.into_iter()
        .map(|(c, (_, _, form))| (c, form))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(texts: &[&str], lang: Language) -> (Vocabulary, Vec<Vec<Token>>) {
        let mut vocabulary = Vocabulary::new(lang);
        let tokens = tokenize(texts, &mut vocabulary, &|_| {});
        (vocabulary, tokens)
    }

    fn surfaces(text: &str, tokens: &[Token]) -> Vec<String> {
        let mut out = Vec::new();
        candidates(tokens, |_, i, j| {
            out.push(text[tokens[i].start as usize..tokens[j].end as usize].to_string())
        });
        out
    }

    #[test]
    fn candidates_neither_begin_nor_end_with_stop_words() {
        let text = "the Office of the High Commissioner, in 2015";
        let (_, tokens) = side(&[text], Language::En);
        let found = surfaces(text, &tokens[0]);
        assert!(found.contains(&"Office of the High Commissioner".to_string()));
        assert!(found.contains(&"High Commissioner".to_string()));
        assert!(
            !found
                .iter()
                .any(|c| c.starts_with("the") || c.ends_with("of"))
        );
        assert!(!found.iter().any(|c| c.contains("2015") || c.contains(',')));
    }

    #[test]
    fn inflected_forms_are_one_candidate() {
        let (_, tokens) = side(&["Member States", "each member State"], Language::En);
        let a = distinct(&tokens[0]);
        let b = distinct(&tokens[1]);
        assert!(a.iter().any(|c| length(*c) == 2 && b.contains(c)));
    }

    #[test]
    fn nested_candidates_come_from_the_bits() {
        let (_, tokens) = side(&["sustainable development goals"], Language::En);
        let all = distinct(&tokens[0]);
        let longest = *all.iter().max_by_key(|c| length(**c)).unwrap();
        assert_eq!(length(longest), 3);
        let inner = nested(longest);
        assert_eq!(inner.len(), 5);
        assert!(
            all.iter()
                .filter(|c| **c != longest)
                .all(|c| inner.contains(c))
        );
    }

    #[test]
    fn chinese_candidates_are_runs_of_words() {
        let text = "大会通过了关于可持续发展的决议";
        let (_, tokens) = side(&[text], Language::Zh);
        let found = surfaces(text, &tokens[0]);
        assert!(found.contains(&"可持续发展".to_string()), "{found:?}");
        assert!(found.contains(&"大会".to_string()), "{found:?}");
    }
}

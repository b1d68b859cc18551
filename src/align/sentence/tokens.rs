//! Tokens of one sentence: content words (jieba words for Chinese, stems elsewhere) mapped to
//! the concepts they can match through the lexicon, and cue tokens (numbers, punctuation,
//! transliterated names); with the quotation state of a sentence.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use crate::lexicon::{Lexicon, Normalizer};
use crate::locale::{ascii_digit, chinese_numeral_value};
use crate::model::Language;
use crate::script::is_han;
use crate::segment::words;

/// What kind of evidence a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// A content word (stem or jieba word).
    Word,
    /// A number or punctuation cue.
    Cue,
    /// A transliterated name.
    Name,
}

/// A token before weighting: its document-frequency key, what it can match, and its kind.
#[derive(Debug, Clone)]
pub(super) struct RawToken {
    /// Document-frequency key (unique per token kind and text).
    pub(super) key: String,
    /// Concepts the token can match.
    pub(super) concepts: Vec<u32>,
    /// Kind of evidence.
    pub(super) class: Class,
}

/// Token extraction for one language, shared by both sides of a document.
pub(super) struct Tokenizer<'a> {
    /// Language of the text.
    pub(super) language: Language,
    /// The lexicon of the document pair.
    pub(super) lexicon: &'a Lexicon,
    /// Whether this side's words are lexicon keys (translated) or lexicon stems.
    pub(super) keyed: bool,
    /// Whether the lexicon is for this pair of languages at all.
    pub(super) lexicon_active: bool,
    /// Stemmer and folding of the language.
    pub(super) normalizer: Normalizer,
}

/// Document-local concept ids above the lexicon's stem ids.
pub(super) struct Concepts {
    /// First local id (the number of lexicon stems).
    pub(super) base: u32,
    /// Ids given to local keys.
    pub(super) local: FxHashMap<String, u32>,
}

impl Concepts {
    /// The id of a local key, given on first use.
    pub(super) fn id(&mut self, key: &str) -> u32 {
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
pub(super) struct Spanned {
    /// The token.
    pub(super) token: RawToken,
    /// Byte span in the sentence.
    pub(super) span: Range<usize>,
}

impl Tokenizer<'_> {
    /// The concept a stem stands for on the target side of the lexicon, or a local identity.
    pub(super) fn stem_concept(&self, stem: &str, concepts: &mut Concepts) -> u32 {
        match self.lexicon.stem_id(stem) {
            Some(id) => id,
            None => concepts.id(&format!("w:{stem}")),
        }
    }

    /// The token of one spaced word: its stem concept and lexicon translations; `None` for a
    /// stop word.
    pub(super) fn word_token(&self, word: &str, concepts: &mut Concepts) -> Option<RawToken> {
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
    pub(super) fn decompose(&self, word: &str) -> Vec<u32> {
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
    pub(super) fn han_tokens(&self, text: &str, concepts: &mut Concepts) -> Vec<Spanned> {
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
    pub(super) fn spaced_tokens(&self, text: &str, concepts: &mut Concepts) -> Vec<RawToken> {
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
pub(super) static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{M}\p{N}]+(?:(?:['’\-]|[.,](?:\p{N}))[\p{L}\p{M}\p{N}]*)*")
        .unwrap_or_else(|e| panic!("WORD regex: {e}"))
});

/// Punctuation that survives translation: each occurrence is a cue token.
pub(super) fn cue_tokens(text: &str, concepts: &mut Concepts, mut push: impl FnMut(RawToken)) {
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

/// Whether `c` is a digit or a Chinese numeral character.
pub(super) fn is_chinese_numeral(c: char) -> bool {
    "〇零一二两三四五六七八九十百千万亿".contains(c)
}

/// Numbers in Chinese text: runs of digits (ASCII or full-width) and of Chinese numerals, with
/// their byte spans. Values below 2 are left out (一 is everywhere).
pub(super) fn chinese_numbers(text: &str) -> Vec<(Range<usize>, f64)> {
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
pub(super) fn number_value(word: &str, language: Language) -> Option<f64> {
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
pub(super) fn quote_state(text: &str) -> Option<bool> {
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

/// Whether the sentence opens with a quotation mark.
pub(super) fn opens_quote(text: &str) -> bool {
    text.trim_start()
        .starts_with(['“', '‘', '"', '\'', '「', '『', '«', '„'])
}

/// Whether the sentence closes with a quotation mark.
pub(super) fn closes_quote(text: &str) -> bool {
    text.trim_end()
        .ends_with(['”', '’', '"', '\'', '」', '』', '»'])
}

/// A transliterated name on the spaced side: its concept and the syllable sequences it may be.
pub(super) struct Name {
    /// The concept of the name.
    pub(super) concept: u32,
    /// Pinyin syllables of the name, as reading ids.
    pub(super) syllables: Vec<Vec<u16>>,
}

/// Ways to read a word as toneless pinyin syllables (at most a few, each of 1–4 syllables).
pub(super) fn pinyin_readings(word: &str, lexicon: &Lexicon) -> Vec<Vec<u16>> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

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
}

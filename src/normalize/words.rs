//! The pass for numbers written in words (`twenty-five`, `vingtième`, `двадцать пять`, `الخامسة`):
//! tokens, the grammar that combines them, the context that makes them firm, and days in words.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Language;

use super::AnchorKind;
use super::dates::{date_key, month_of};
use super::lexicon::{LEXICONS, RUSSIAN_COMPOUND_STEMS, Role};
use super::rules::{lang_index, rules};
use super::scan::{Found, Scan, clamp_boundary, floor_boundary, is_letter_at, window};

impl Scan<'_> {
    /// Numbers written in words: soft, unless they name a session, anniversary or century.
    pub(super) fn words(&mut self) {
        let text = self.text;
        let lang = self.lang;
        let tokens = word_spans(text);
        let mut previous = None;
        let mut i = 0;
        while i < tokens.len() {
            let (start, end) = tokens[i];
            let Some(first) = may_be_number_word(&text[start..end], lang)
                .then(|| number_word(&text[start..end], lang))
                .flatten()
                .filter(|_| self.is_free(start, end))
            else {
                i += 1;
                continue;
            };
            // Gather the run of number words joined by spaces, hyphens or a connector word.
            let mut run = vec![(first, start, end)];
            let mut j = i + 1;
            while j < tokens.len() {
                let (s, e) = tokens[j];
                let gap = &text[run[run.len() - 1].2..s];
                if !gap.chars().all(|c| c == ' ' || c == '-')
                    || gap.len() > 3
                    || !self.is_free(s, e)
                {
                    break;
                }
                let word = &text[s..e];
                if let Some(w) = number_word(word, lang) {
                    run.push((w, s, e));
                    j += 1;
                } else if is_connector(word, lang)
                    && let Some(&(ns, ne)) = tokens.get(j + 1)
                    && text[e..ns].chars().all(|c| c == ' ' || c == '-')
                    && let Some(w) =
                        number_word(&text[ns..ne], lang).filter(|_| self.is_free(ns, ne))
                {
                    run.push((Word { joined: true, ..w }, ns, ne));
                    j += 2;
                } else {
                    break;
                }
            }
            for (value, s, e) in combine_words(&run, lang) {
                if self.spelled_date(value, s, e, &mut previous) {
                    continue;
                }
                previous = Some(self.found.len());
                self.soften_echo(value, e);
                let firm = firm_context(text, s, e, lang);
                match self
                    .suffix_at(e)
                    .filter(|suffix| suffix.percent && suffix.magnitude == 0)
                {
                    Some(suffix) => self.add(
                        AnchorKind::Number,
                        format!("{value}%"),
                        s,
                        suffix.end,
                        !firm,
                    ),
                    None => self.add(AnchorKind::Number, value.to_string(), s, e, !firm),
                }
            }

            i = j;
        }
    }

    /// `Two (2) men`: the figure repeating a number just written in words is as soft as the words,
    /// since other versions write the number once (or, in Arabic, as a dual).
    pub(super) fn soften_echo(&mut self, value: u64, end: usize) {
        /// A figure in brackets right after the words.
        static ECHO: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\A\s*\(([0-9]{1,3})\)").expect("echo regex"));
        let Some(digits) = ECHO
            .captures(window(self.text, end, 16))
            .and_then(|c| c.get(1))
        else {
            return;
        };
        let at = end + digits.start();
        let value = value.to_string();
        if let Some(figure) = self
            .found
            .iter_mut()
            .find(|f| f.start == at && f.value == value)
        {
            figure.soft = true;
        }
    }

    /// A day written in words before a month (`седьмого июля`, `الحادي عشر من آب/أغسطس`) is a date;
    /// so is the day listed just before it (`седьмого и восьмого июля`), found at `previous`.
    fn spelled_date(
        &mut self,
        day: u64,
        start: usize,
        end: usize,
        previous: &mut Option<usize>,
    ) -> bool {
        let text = self.text;
        let Some(re) = rules(self.lang).spelled_date.as_ref() else {
            return false;
        };
        let Some(caps) = re.captures(window(text, end, 80)) else {
            return false;
        };
        let (Some(whole), Some(month)) = (
            caps.get(0),
            caps.name("m").and_then(|m| month_of(m.as_str())),
        ) else {
            return false;
        };
        let year = caps.name("y").and_then(|y| y.as_str().parse().ok());
        let Some(key) = u32::try_from(day)
            .ok()
            .and_then(|d| date_key(year, month, Some(d)))
        else {
            return false;
        };
        let date_end = end + whole.end();
        if is_letter_at(text, date_end) {
            return false;
        }
        // The month and year may already stand as a month (`آب/أغسطس 1960` = `1960-08`): that
        // anchor becomes the full date.
        let month_anchor = if self.is_free(end, date_end) {
            None
        } else {
            let month_key = date_key(year, month, None);
            let found = self.found.iter().position(|f| {
                f.kind == AnchorKind::Date
                    && f.start >= end
                    && f.end <= date_end
                    && month_key.as_ref() == Some(&f.value)
            });
            match found {
                Some(p) => Some(p),
                None => return false,
            }
        };
        /// What joins two days listed before one month.
        static AND: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\A\s*(?:и|et|y|و|and|,)\s*\z").expect("and regex"));
        if let Some(k) = previous.take()
            && let Some(first) = self.found.get(k)
            && AND.is_match(&text[first.end..start])
            && let Some(first_key) = first
                .value
                .parse()
                .ok()
                .and_then(|d| date_key(year, month, Some(d)))
        {
            self.found[k] = Found {
                kind: AnchorKind::Date,
                value: first_key,
                soft: false,
                alternative: None,
                ..self.found[k]
            };
        }
        match month_anchor {
            Some(p) => {
                self.found[p].value = key;
                self.found[p].start = start;
                self.claim(start, end);
            }
            None => self.add(AnchorKind::Date, key, start, date_end, false),
        }
        true
    }
}

/// A number word as found: its role, and whether a connector (`and`, `y`, `et`, Arabic `و`) joined it
/// to the previous word.
#[derive(Debug, Clone, Copy)]
struct Word {
    /// What the word contributes.
    role: Role,
    /// Whether a connector stands before it.
    joined: bool,
}

/// Whether `word` joins two number words in `lang`: `and`, `y`, `et`.
fn is_connector(word: &str, lang: Language) -> bool {
    let w = word.to_lowercase();
    matches!(
        (lang, w.as_str()),
        (Language::En, "and") | (Language::Es, "y") | (Language::Fr, "et")
    )
}

/// Byte spans of the words of `text`: runs of letters and combining marks.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let in_word = is_word_char(c);
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Whether a character belongs to a word: ASCII letters, and any other character but spaces,
/// digits and punctuation (cheap range tests instead of Unicode property look-ups, which cost
/// more than the rest of the scan on Cyrillic and Arabic text).
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    !matches!(c,
        '\u{0080}'..='\u{00BF}' | '\u{00D7}' | '\u{00F7}'
        | '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}'
        | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'
        | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}'
        | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// The lower-case form of a letter, for the scripts UN text has case in (Latin, Cyrillic).
fn lower_letter(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'А'..='Я' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ё' => 'ё',
        c if c.is_ascii() || (c as u32) < 0x100 || ('\u{0400}'..='\u{04FF}').contains(&c) => {
            c.to_lowercase().next().unwrap_or(c)
        }
        c => c,
    }
}

/// First letters (lower case) that a number word of each language can start with, including
/// the Arabic prefixes glued to words and the stems of Russian compounds: a token starting
/// otherwise is no number word, and is not looked up.
static FIRST_LETTERS: LazyLock<[Vec<char>; 6]> = LazyLock::new(|| {
    Language::ALL.map(|lang| {
        let mut letters: Vec<char> = LEXICONS[lang_index(lang)]
            .keys()
            .filter_map(|k| k.chars().next())
            .collect();
        match lang {
            Language::Ar => letters.extend(['و', 'ا', 'ب', 'ل']),
            Language::Ru => letters.extend(
                RUSSIAN_COMPOUND_STEMS
                    .iter()
                    .filter_map(|(s, _)| s.chars().next()),
            ),
            _ => {}
        }
        letters.sort_unstable();
        letters.dedup();
        letters
    })
});

/// Whether `token` can be a number word of `lang` at all (see [`FIRST_LETTERS`]).
fn may_be_number_word(token: &str, lang: Language) -> bool {
    token
        .chars()
        .next()
        .map(lower_letter)
        .is_some_and(|c| FIRST_LETTERS[lang_index(lang)].binary_search(&c).is_ok())
}

/// The number word `token` stands for in `lang`, if any.
fn number_word(token: &str, lang: Language) -> Option<Word> {
    let lexicon = &LEXICONS[lang_index(lang)];
    let lower: String = if token.is_ascii() {
        token.to_ascii_lowercase()
    } else {
        token.chars().map(lower_letter).collect()
    };
    if let Some(&role) = lexicon.get(&lower) {
        return Some(Word {
            role,
            joined: false,
        });
    }
    if lang == Language::Ru {
        return russian_compound(&lower).map(|value| Word {
            role: Role::Value(value),
            joined: false,
        });
    }
    if lang != Language::Ar {
        return None;
    }
    // Arabic glues the conjunction, prepositions and the article to the word: `والستون`.
    let (joined, rest) = match lower.strip_prefix('و') {
        Some(rest) => (true, rest),
        None => (false, lower.as_str()),
    };
    ["", "ال", "بال", "لل", "ب", "ل"].iter().find_map(|prefix| {
        let stem = rest.strip_prefix(prefix)?;
        lexicon.get(stem).map(|&role| Word { role, joined })
    })
}

/// The number in a Russian compound adjective: `десятилетнего` (10-year), `двухмиллионным` (2 million).
fn russian_compound(word: &str) -> Option<u64> {
    /// What may follow the number stem, and the factor it applies (`-летний` 1, `-тысячный` 1,000).
    const HEADS: &[(&str, u64)] = &[
        ("летн", 1),
        ("летие", 1),
        ("месячн", 1),
        ("дневн", 1),
        ("сторонн", 1),
        ("кратн", 1),
        ("тысячн", 1_000),
        ("миллионн", 1_000_000),
    ];
    let (rest, value) = RUSSIAN_COMPOUND_STEMS
        .iter()
        .find_map(|&(stem, v)| word.strip_prefix(stem).map(|rest| (rest, v)))?;
    HEADS
        .iter()
        .find(|(head, _)| rest.starts_with(head))
        .map(|&(_, scale)| value * scale)
}

/// Size class of an additive value: units, ten to nineteen, tens, hundreds.
fn class(value: u64) -> u8 {
    match value {
        0..=9 => 1,
        10..=19 => 2,
        20..=99 => 3,
        _ => 4,
    }
}

/// Splits a run of number words into numbers, with the span of each.
fn combine_words(run: &[(Word, usize, usize)], lang: Language) -> Vec<(u64, usize, usize)> {
    #[derive(Default)]
    /// The number being read: completed scales, the part below the current scale, the last word's
    /// value, and the span and count of its words.
    struct Acc {
        total: u64,
        current: u64,
        last: Option<u64>,
        start: usize,
        end: usize,
        words: usize,
    }
    impl Acc {
        /// The number read so far, if any word was read.
        fn value(&self) -> Option<u64> {
            self.total
                .checked_add(self.current)
                .filter(|_| self.words > 0)
        }
    }
    let mut out = Vec::new();
    let mut acc = Acc::default();
    for &(word, s, e) in run {
        let extended =
            acc.words > 0 && extend(&mut acc.total, &mut acc.current, &mut acc.last, word, lang);
        if !extended {
            if let Some(v) = acc.value().filter(|&v| v > 0) {
                out.push((v, acc.start, acc.end));
            }
            acc = Acc {
                start: s,
                ..Acc::default()
            };
            let (mut total, mut current, mut last) = (0, 0, None);
            let started = match word.role {
                Role::Value(v) => {
                    current = v;
                    last = Some(v);
                    true
                }
                Role::Scale {
                    exponent,
                    alone: true,
                } => {
                    total = 10u64.pow(exponent.min(18));
                    true
                }
                // French counts `cent onze` without `un`.
                Role::Hundred if lang == Language::Fr => {
                    current = 100;
                    last = Some(100);
                    true
                }
                _ => false,
            };
            if !started {
                continue;
            }
            acc.total = total;
            acc.current = current;
            acc.last = last;
        }
        acc.words += 1;
        acc.end = e;
    }
    if let Some(v) = acc.value().filter(|&v| v > 0) {
        out.push((v, acc.start, acc.end));
    }
    out
}

/// Adds `word` to the number being read, if the grammar lets it continue that number.
fn extend(
    total: &mut u64,
    current: &mut u64,
    last: &mut Option<u64>,
    word: Word,
    lang: Language,
) -> bool {
    match word.role {
        Role::Value(v) => {
            let Some(prev) = *last else { return false };
            let fits = if word.joined {
                // Connectors join tens and units (`treinta y cinco`, `vingt et un`, Arabic unit-first
                // `التاسعة والستون`) and what follows a hundred (`one hundred and five`).
                match lang {
                    Language::Ar => {
                        (class(prev) == 1 && class(v) == 3) || (class(prev) == 4 && class(v) < 4)
                    }
                    _ => class(v) < class(prev) && (class(prev) >= 3),
                }
            } else if lang == Language::Ar && class(prev) == 1 && v == 10 {
                true // `ثلاثة عشر` = 13
            } else if lang == Language::Fr && prev == 4 && v == 20 {
                *current = current.saturating_sub(4) + 80; // `quatre-vingt`
                *last = Some(80);
                return true;
            } else {
                class(v) < class(prev)
            };
            if fits {
                *current += v;
                *last = Some(v);
            }
            fits
        }
        Role::Hundred => {
            let fits = (1..=9).contains(current);
            if fits {
                *current *= 100;
                *last = Some(*current);
            }
            fits
        }
        Role::Scale { exponent, .. } => {
            let scaled = (*current).max(1).checked_mul(10u64.pow(exponent.min(18)));
            match scaled.and_then(|s| total.checked_add(s)) {
                Some(t) if *current > 0 || *total == 0 => {
                    *total = t;
                    *current = 0;
                    *last = Some(u64::MAX);
                    true
                }
                _ => false,
            }
        }
    }
}

/// Whether a spelled number at `start..end` names a session, anniversary or century.
fn firm_context(text: &str, start: usize, end: usize, lang: Language) -> bool {
    let r = rules(lang);
    let after = &text[end..clamp_boundary(text, end + 60)];
    let before = &text[floor_boundary(text, start.saturating_sub(60))..start];
    r.firm_after.as_ref().is_some_and(|re| re.is_match(after))
        || r.firm_before.as_ref().is_some_and(|re| re.is_match(before))
}

#[cfg(test)]
mod tests {
    use crate::normalize::testing::*;

    #[test]
    fn session_ordinals_agree_and_are_firm() {
        let twentieth = [
            ("at its twentieth session", En),
            ("en su 20º período de sesiones", Es),
            ("en su vigésimo período de sesiones", Es),
            ("à sa vingtième session", Fr),
            ("на своей двадцатой сессии", Ru),
            ("第二十届会议", Zh),
            ("في الدورة العشرين", Ar),
        ];
        all_agree(&twentieth);
        for (text, lang) in twentieth {
            assert_eq!(hard(text, lang), ["20"], "{text}");
        }
        all_agree(&[
            ("Sixty-ninth session", En),
            ("Sexagésimo noveno período de sesiones", Es),
            ("Soixante-neuvième session", Fr),
            ("Шестьдесят девятая сессия", Ru),
            ("第六十九届会议", Zh),
            ("الدورة التاسعة والستون", Ar),
        ]);
        assert_eq!(hard("fifty-sixth session", En), ["56"]);
        assert_eq!(hard("quatre-vingt-dixième session", Fr), ["90"]);
        assert_eq!(hard("soixante et onzième session", Fr), ["71"]);
    }

    #[test]
    fn anniversaries_and_centuries_agree() {
        all_agree(&[
            ("the seventieth anniversary", En),
            ("el 70º aniversario", Es),
            ("le soixante-dixième anniversaire", Fr),
            ("70-летие", Ru),
            ("70周年", Zh),
            ("الذكرى السنوية السبعين", Ar),
        ]);
        all_agree(&[
            ("the twenty-first century", En),
            ("el siglo XXI", Es),
            ("le XXIe siècle", Fr),
            ("в XXI веке", Ru),
            ("二十一世纪", Zh),
        ]);
    }

    #[test]
    fn spelled_cardinals_are_soft_and_absorb_figures() {
        let eight = anchors("eight sectors", En);
        assert_eq!(eight.len(), 1);
        assert!(eight[0].soft);
        assert!(diff(("progress in eight sectors", En), ("8个领域的进展", Zh)).is_empty());
        assert!(diff(("خمس مناقشات", Ar), ("five discussions", En)).is_empty());
        // Soft words are never reported themselves.
        assert!(
            diff(
                ("two or three delegations", En),
                ("plusieurs délégations", Fr)
            )
            .is_empty()
        );
        // A figure repeating the words is as soft as they are.
        assert!(diff(("Two (2) armed men", En), ("رجلان مسلحان", Ar)).is_empty());
        assert_eq!(keys("twenty-five", En), ["25"]);
        assert_eq!(keys("treinta y cinco", Es), ["35"]);
        assert_eq!(keys("soixante-dix-sept", Fr), ["77"]);
        assert_eq!(keys("двадцать пять", Ru), ["25"]);
        assert_eq!(keys("خمسة وعشرون", Ar), ["25"]);
        assert_eq!(keys("ثلاثة عشر", Ar), ["13"]);
        assert_eq!(keys("deux cents", Fr), ["200"]);
    }
}

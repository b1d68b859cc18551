//! Passes for figures written with digits: digit groups, decimals, per cent, magnitude words, page
//! references, and centuries in Roman numerals.

use std::sync::LazyLock;

use regex::Regex;

use crate::locale::roman_value;
use crate::model::Language;

use super::AnchorKind;
use super::rules::rules;
use super::scan::{
    Found, Scan, each_match, floor_boundary, is_digit_at, is_digit_before, is_glued_marker,
    is_letter_at, is_letter_before, is_name_digits, trim_zeros, window,
};

impl Scan<'_> {
    /// Centuries in Roman numerals: `siglo XXI`, `XXIe siècle`, `XXI века`.
    pub(super) fn roman_centuries(&mut self) {
        let Some(re) = rules(self.lang).century.as_ref() else {
            return;
        };
        let text = self.text;
        each_match(re, text, |caps| {
            let Some(whole) = caps.get(0) else {
                return false;
            };
            // A century is firm; a Roman ordinal before a name (`XXIV Cumbre`) is soft.
            let (roman, soft) = match (caps.name("r"), caps.name("o")) {
                (Some(r), _) => (r, false),
                (None, Some(o)) => (o, true),
                (None, None) => return false,
            };
            let value = roman_value(roman.as_str());
            let ok = value.is_some()
                && !is_letter_before(text, whole.start())
                && (soft || !is_letter_at(text, whole.end()))
                && self.is_free(roman.start(), roman.end());
            if let Some(v) = value.filter(|_| ok) {
                self.add(
                    AnchorKind::Number,
                    v.to_string(),
                    roman.start(),
                    roman.end(),
                    soft,
                );
            }
            ok
        });
    }

    /// Figures: digit groups, decimals, per cent and magnitude words (`2,5 millions`, `250万`).
    pub(super) fn figures(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut previous: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() || self.claimed[i] || is_digit_before(text, i) {
                i += 1;
                continue;
            }
            let run_end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            let letter_before = i > 0 && bytes[i - 1].is_ascii_alphabetic();
            let code = letter_before && bytes.get(run_end).is_some_and(u8::is_ascii_alphabetic);
            // A code such as `B2C` or `H1N1`, or the power of a unit (`km2`, Arabic `كلم2`).
            let power = matches!(&text[i..run_end], "2" | "3")
                && ["km", "cm", "mm", "m", "كلم", "كم", "م"]
                    .iter()
                    .any(|unit| {
                        text[..i].ends_with(unit) && !is_letter_before(text, i - unit.len())
                    });
            if code || power {
                i = run_end;
                continue;
            }
            let token = self.figure_token(i);
            let Some(figure) = read_figure(&text[i..token], self.lang) else {
                i = token;
                continue;
            };
            let (value, end) = match figure.literal {
                Some(literal) => (literal, token),
                None => self.figure_value(&figure.int, &figure.frac, token),
            };
            if value.ends_with('%') {
                self.spread_percent(&previous, i);
            }
            let page = self.is_page_reference(i, end, previous.last().map(|&k| &self.found[k]));
            previous.push(self.found.len());
            let alternative = self.group_order_reading(&text[i..token], &value);
            self.add(
                AnchorKind::Number,
                value,
                i,
                end,
                page || is_name_digits(text, i) || is_glued_marker(text, i, end),
            );
            if let Some(found) = self.found.last_mut() {
                found.alternative = alternative;
            }
            i = end.max(i + 1);
        }
    }

    /// The other reading of an Arabic figure written in space-separated groups (`125 486`): PDF
    /// text gives the groups in reverse order and Word text does not, so the digits with their
    /// groups of three swapped (`486125` for `125486`) may be meant as well. Nothing for a figure
    /// without space groups, and for every other language: there a swapped pair of digits is a
    /// slip to report (`2225` for `2252`), not another reading.
    fn group_order_reading(&self, token: &str, value: &str) -> Option<String> {
        let spaced = self.lang == Language::Ar && token.contains(' ');
        let whole = value.len() > 3 && value.bytes().all(|b| b.is_ascii_digit());
        (spaced && whole)
            .then(|| super::matching::reversed_groups(value))
            .filter(|other| other != value)
    }

    /// Page numbers (`p. 28`, `стр. 31`, `第26页`) differ between language versions by design: they
    /// are soft, and so are the pages listed after them (`pp. 34 and 35`).
    fn is_page_reference(&self, start: usize, end: usize, previous: Option<&Found>) -> bool {
        /// A page abbreviation or word just before the figure.
        static PAGE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)(?:(?-u:\b)pp?\.|(?-u:\b)pages?|p[áa]gs?\.|p[áa]ginas?|стр\.|(?:^|\s)с\.|ص\.|الصفح\S*)\s*\z")
                .expect("page regex")
        });
        let before = &self.text[floor_boundary(self.text, start.saturating_sub(24))..start];
        PAGE.is_match(before)
            || (self.lang == Language::Zh && self.text[end..].starts_with('页'))
            || previous.is_some_and(|p| {
                p.soft
                    && p.kind == AnchorKind::Number
                    && LIST_GAP.is_match(&self.text[p.end..start])
            })
    }

    /// `45 and 46 per cent`: the figures listed before a percentage are percentages too.
    fn spread_percent(&mut self, figures: &[usize], mut start: usize) {
        for &k in figures.iter().rev() {
            let figure = &self.found[k];
            // Percentages rarely exceed 100; a larger figure (a count, a year) keeps its own unit.
            let small = figure
                .value
                .split('.')
                .next()
                .and_then(|int| int.parse::<u32>().ok())
                .is_some_and(|v| v <= 100);
            // A figure glued to letters is part of a code (`UF6 до 5%`).
            let code = is_letter_before(self.text, figure.start);
            if !small
                || code
                || figure.value.ends_with('%')
                || !LIST_GAP.is_match(&self.text[figure.end..start])
            {
                break;
            }
            start = figure.start;
            self.found[k].value.push('%');
        }
    }

    /// The key of a figure read up to `end`, with a following magnitude word or per cent sign, and
    /// where that suffix ends.
    fn figure_value(&self, int: &str, frac: &str, end: usize) -> (String, usize) {
        let Some(suffix) = self.suffix_at(end) else {
            return (decimal_key(int, frac, 0), end);
        };
        let mut value = decimal_key(int, frac, suffix.magnitude);
        if suffix.percent {
            value.push('%');
        }
        (value, suffix.end)
    }

    /// The magnitude word and per cent sign that follow a number ending at `end`, if any.
    pub(super) fn suffix_at(&self, end: usize) -> Option<Suffix> {
        let caps = rules(self.lang)
            .suffix
            .captures(window(self.text, end, 48))?;
        let len = caps.get(0)?.len();
        let stands_alone = self.lang == Language::Zh || !is_letter_at(self.text, end + len);
        (len > 0 && stands_alone && self.is_free(end, end + len)).then(|| Suffix {
            magnitude: caps.name("mag").map_or(0, |m| magnitude(m.as_str())),
            percent: caps.name("pct").is_some(),
            end: end + len,
        })
    }

    /// The end of the figure starting at `start`: digits joined by `,` `.` or (in groups of three) spaces.
    fn figure_token(&self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let run_end = |from: usize| {
            let mut j = from;
            while j < bytes.len() && bytes[j].is_ascii_digit() && !self.claimed[j] {
                j += 1;
            }
            j
        };
        let mut end = run_end(start);
        let first_len = end - start;
        let arabic = self.lang == Language::Ar;
        // Arabic text carries space groups in reverse order: `250 444 3`, `630.8 1`.
        let mut reversed = arabic && first_len == 3;
        let mut points = 0;
        let mut spaces = 0;
        while let Some(&sep) = bytes.get(end) {
            let next = end + 1;
            if self.claimed.get(end).copied().unwrap_or(true)
                || !is_digit_at(self.text, next)
                || self.claimed[next]
            {
                break;
            }
            let group_end = run_end(next);
            let group_len = group_end - next;
            let joins = match sep {
                b',' | b'.' => !(arabic && spaces > 0),
                b' ' if arabic => {
                    reversed && group_len <= 3 && (points == 0 || (points == 1 && spaces == 0))
                }
                b' ' => points == 0 && first_len <= 3 && group_len == 3,
                _ => false,
            };
            if !joins {
                break;
            }
            if sep == b' ' {
                spaces += 1;
                reversed &= group_len == 3;
            } else {
                points += 1;
            }
            end = group_end;
            if arabic && sep == b' ' && !reversed {
                break;
            }
        }
        end
    }
}

/// A magnitude word or per cent sign after a figure.
pub(super) struct Suffix {
    /// Power of ten of the magnitude word, 0 if none.
    pub(super) magnitude: u32,
    /// Whether a per cent sign or word follows.
    pub(super) percent: bool,
    /// Where the suffix ends.
    pub(super) end: usize,
}

/// What may stand between two figures of one list: `45 and 46 per cent`, `pp. 34 and 35`.
static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\A\s*(?:,\s*(?:and|or|et|ou|y|o|и|или)?|-|to|and|or|et|ou|à|au|y|o|a|al|и|или|до|по|و|او|الي|和|、|或|至|到|与|及)\s*\z",
    )
    .expect("list gap regex")
});

/// `int.frac × 10^shift` written without superfluous zeros.
fn decimal_key(int: &str, frac: &str, shift: u32) -> String {
    let shift = shift as usize;
    let mut int = int.to_string();
    let mut frac = frac.to_string();
    if frac.len() >= shift {
        int.push_str(&frac[..shift]);
        frac.drain(..shift);
    } else {
        int.push_str(&frac);
        int.extend(std::iter::repeat_n('0', shift - frac.len()));
        frac.clear();
    }
    let int = trim_zeros(&int);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// The power of ten a magnitude word stands for.
fn magnitude(word: &str) -> u32 {
    let w = word.trim_end_matches('.').to_lowercase();
    match w.as_str() {
        "万亿" | "trillion" | "трлн" | "تريليون" | "billón" | "billones" => 12,
        "亿" => 8,
        "千万" => 7,
        "万" => 4,
        "千" | "thousand" | "mil" | "mille" | "тыс" | "الف" | "الاف" => 3,
        _ if w.starts_with("тысяч") => 3,
        _ if w.starts_with("mil millones")
            || w.starts_with("billion")
            || w.starts_with("milliard") =>
        {
            9
        }
        _ if w.starts_with("млрд")
            || w.starts_with("миллиард")
            || w.starts_with("مليار")
            || w.starts_with("بليون") =>
        {
            9
        }
        "بلايين" => 9,
        _ => 6,
    }
}

/// A figure as read: integer and fraction digits, or a literal such as a section number `2.3.1`.
struct Figure {
    /// Digits before the decimal separator.
    int: String,
    /// Digits after it.
    frac: String,
    /// The key itself, for a token that is no decimal number.
    literal: Option<String>,
}

/// Reads a token of digit groups joined by `,` `.` and spaces by the conventions of `lang`.
fn read_figure(token: &str, lang: Language) -> Option<Figure> {
    let groups: Vec<&str> = token.split([',', '.', ' ']).collect();
    let seps: Vec<u8> = token.bytes().filter(|b| !b.is_ascii_digit()).collect();
    let plain = |int: String, frac: String| {
        Some(Figure {
            int,
            frac,
            literal: None,
        })
    };
    let Some((&last_sep, rest)) = seps.split_last() else {
        return plain(token.to_string(), String::new());
    };
    let tail_three = groups.iter().skip(1).all(|g| g.len() == 3);
    if lang == Language::Ar && seps.contains(&b' ') && groups[0].len() == 3 {
        // Arabic space groups in right-to-left order: `918 483` = 483,918; `630.8 1` = 1,630.8.
        let ordered: String = token.split(' ').rev().collect();
        return match ordered.split_once(['.', ',']) {
            Some((int, frac)) => plain(int.to_string(), frac.to_string()),
            None => plain(ordered, String::new()),
        };
    }
    if seps.iter().all(|&s| s == b' ') {
        return plain(groups.concat(), String::new());
    }
    let decimal_last = rest.iter().all(|&s| s != last_sep)
        && rest.iter().all(|&s| s == rest[0])
        && groups[1..groups.len() - 1].iter().all(|g| g.len() == 3)
        && groups[0].len() <= 3;
    if !rest.is_empty() && decimal_last {
        // `3,444,250.5`, `3.444.250,5`, `3 444 250,5`.
        let (int, frac) = groups.split_at(groups.len() - 1);
        return plain(int.concat(), frac.concat());
    }
    if !rest.is_empty() {
        // The same separator repeated: thousands when every group has three digits.
        return if tail_three && groups[0].len() <= 3 && seps.iter().all(|&s| s == last_sep) {
            plain(groups.concat(), String::new())
        } else {
            Some(Figure {
                int: String::new(),
                frac: String::new(),
                literal: Some(token.replace(',', ".")),
            })
        };
    }
    // One separator: thousands only when three digits follow and the language groups with it.
    let thousands = groups[1].len() == 3
        && groups[0].len() <= 3
        && match lang {
            Language::En | Language::Zh | Language::Ar => last_sep == b',',
            Language::Es | Language::Fr | Language::Ru => last_sep == b'.',
        };
    if thousands {
        plain(groups.concat(), String::new())
    } else {
        plain(groups[0].to_string(), groups[1].to_string())
    }
}

#[cfg(test)]
mod tests {
    use crate::normalize::testing::*;

    #[test]
    fn thousands_separators_of_every_language_give_one_key() {
        for (text, lang) in [
            ("3,444,250", En),
            ("3.444.250", Es),
            ("3 444 250", Fr),
            ("3\u{a0}444\u{a0}250", Fr),
            ("3\u{202f}444\u{202f}250", Ru),
            ("3 444 250美元", Zh),
            ("250 444 3 دولار", Ar),
        ] {
            assert_eq!(keys(text, lang), ["3444250"], "{text}");
        }
    }

    #[test]
    fn arabic_reverses_space_groups_but_not_single_numbers() {
        assert_eq!(keys("لـ 918 483 شخصا", Ar), ["483918"]);
        assert_eq!(keys("630.8 1 كغم", Ar), ["1630.8"]);
        assert_eq!(keys("من 000 55 و 2 مليون دولار", Ar), ["55000", "2000000"]);
    }

    #[test]
    fn decimals_and_per_cent_agree() {
        all_agree(&[
            ("16.3 per cent", En),
            ("16.3 %", Es),
            ("16,3 por ciento", Es),
            ("16,3 %", Fr),
            ("16,3 pour cent", Fr),
            ("16,3%", Ru),
            ("16,3 процента", Ru),
            ("16.3%", Zh),
            ("16.3 في المائة", Ar),
            ("16٫3 في المئة", Ar),
        ]);
        assert_eq!(keys("16,3 %", Fr), ["16.3%"]);
        assert_eq!(keys("45 and 46 per cent", En), ["45%", "46%"]);
    }

    #[test]
    fn one_point_three_digits_follows_the_language() {
        assert_eq!(keys("1,500", En), ["1500"]);
        assert_eq!(keys("1.500", Es), ["1500"]);
        assert_eq!(keys("1.5", En), ["1.5"]);
        assert_eq!(keys("1,5", Fr), ["1.5"]);
        // A law number written `26.659` in one version and `26659` in another still matches.
        assert!(diff(("Law 26.659", En), ("закон 26.659", Ru)).is_empty());
    }

    #[test]
    fn foreign_digits_are_read() {
        assert_eq!(keys("٢٠١١", Ar), ["2011"]);
        assert_eq!(keys("۲۰۱۱", Ar), ["2011"]);
        assert_eq!(keys("２０１１年", Zh), ["2011"]);
        assert_eq!(keys("٣٫٥ في المائة", Ar), ["3.5%"]);
    }

    #[test]
    fn magnitude_words_multiply() {
        all_agree(&[
            ("100,000 people", En),
            ("100 mil personas", Es),
            ("100 000 personnes", Fr),
            ("100 тыс. человек", Ru),
            ("10万人", Zh),
        ]);
        all_agree(&[
            ("$2.5 billion", En),
            ("2,5 milliards de dollars", Fr),
            ("2.500 millones de dólares", Es),
            ("2,5 млрд. долл.", Ru),
            ("25亿美元", Zh),
            ("2.5 بليون دولار", Ar),
        ]);
        assert_eq!(keys("3 млн", Ru), ["3000000"]);
        assert_eq!(keys("2 millones", Es), ["2000000"]);
    }

    #[test]
    fn digits_of_names_and_codes_are_soft() {
        for (text, lang) in [
            ("the EC3 initiative", En),
            ("UF6 cylinders", En),
            ("HFC-23 emissions", En),
            ("станция Фукусима-1", Ru),
        ] {
            assert_eq!(hard(text, lang), Vec::<String>::new(), "{text}");
        }
        assert!(diff(("HFC-23 emissions", En), ("三氟甲烷排放", Zh)).is_empty());
        assert_eq!(hard("the post-2015 agenda", En), ["2015"]);
        assert_eq!(hard("only 22 countries", En), ["22"]);
        assert_eq!(hard("只有21个国家", Zh), ["21"]);
    }

    #[test]
    fn page_references_are_soft() {
        assert!(diff(("anaemia (p. 28).", En), ("贫血(第26页)。", Zh)).is_empty());
        assert!(diff(("(pp. 34 and 35)", En), ("(стр. 37 и 38)", Ru)).is_empty());
    }
}

//! Passes for UN document symbols (`A/RES/70/1`) and resolution numbers (`55/63`, `973 (X)`).

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use crate::locale::{CYRILLIC_LOOKALIKES, UN_SYMBOL, roman_value, to_roman};
use crate::script::{is_cyrillic, is_latin};

use super::AnchorKind;
use super::scan::{Scan, each_match, is_digit_before, parse_u32, trim_zeros};

impl Scan<'_> {
    /// UN document symbols: `A/RES/70/1`, `E/CN.15/2011/L.3/Rev.1`, `A/C.3/56/L.12`.
    pub(super) fn symbols(&mut self) {
        /// An upper-case series and one or more slash-separated parts.
        static SYMBOL: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(UN_SYMBOL).expect("symbol regex"));
        let text = self.text;
        each_match(&SYMBOL, text, |caps| {
            let m = &caps[0];
            let Some(start) = caps.get(0).map(|g| g.start()) else {
                return false;
            };
            let end = start + m.len();
            let before = text[..start].chars().next_back();
            let head = m.split(['/', '.']).next().unwrap_or_default();
            let ok = !before.is_some_and(|c| {
                is_latin(c) || is_cyrillic(c) || c.is_ascii_digit() || "/.-".contains(c)
            }) && m.bytes().any(|b| b.is_ascii_digit())
                && head.chars().all(|c| c.is_uppercase())
                && self.is_free(start, end);
            if ok {
                self.add(AnchorKind::Symbol, symbol_key(m), start, end, false);
            }
            ok
        });
    }

    /// Resolution numbers with the session in Roman numerals: `973 (X)`, Arabic `973 (د-10)`.
    pub(super) fn session_numerals(&mut self) {
        /// A number and its session in brackets, Roman or Arabic `د-10`.
        static SESSION: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"([0-9]{1,4})\s*\(\s*(?:([IVXLC]{1,7})|د\s*-\s*([0-9]{1,3}))\s*\)")
                .expect("session regex")
        });
        let text = self.text;
        each_match(&SESSION, text, |caps| {
            let Some(whole) = caps.get(0) else {
                return false;
            };
            let session = match (caps.get(2), caps.get(3)) {
                (Some(roman), _) => roman_value(roman.as_str()),
                (None, Some(n)) => n.as_str().parse().ok().filter(|&n| n > 0 && n < 4000),
                (None, None) => None,
            };
            let ok = session.is_some()
                && !is_digit_before(text, whole.start())
                && self.is_free(whole.start(), whole.end());
            if let Some(session) = session.filter(|_| ok) {
                let value = format!("{}({})", &caps[1], to_roman(session));
                self.add(AnchorKind::Symbol, value, whole.start(), whole.end(), false);
            }
            ok
        });
    }

    /// Resolution and decision numbers `55/63`, `2004/26`, `16/2`.
    pub(super) fn resolution_numbers(&mut self) {
        /// Two numbers joined by a slash.
        static RESOLUTION: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"([0-9]{1,4})/([0-9]{1,4})").expect("resolution regex"));
        let text = self.text;
        each_match(&RESOLUTION, text, |caps| {
            let Some(whole) = caps.get(0) else {
                return false;
            };
            let (start, end) = (whole.start(), whole.end());
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let ok = !before.is_some_and(|c| c.is_ascii_digit() || c == '/')
                && !after.is_some_and(|c| c.is_ascii_digit() || c == '/')
                && self.is_free(start, end);
            if ok {
                let value = format!("{}/{}", trim_zeros(&caps[1]), trim_zeros(&caps[2]));
                // `1/3` may be a fraction other versions write in words (`one third`): soft.
                let fraction = matches!(
                    (parse_u32(&caps[1]), parse_u32(&caps[2])),
                    (Some(a), Some(b)) if a < b && b <= 10
                );
                self.add(AnchorKind::Symbol, value, start, end, fraction);
            }
            ok
        });
    }
}

/// Canonical key of a document symbol: NFKC, upper case, Cyrillic look-alikes as Latin.
fn symbol_key(symbol: &str) -> String {
    symbol
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| {
            CYRILLIC_LOOKALIKES
                .iter()
                .find(|&&(cy, _)| cy == c)
                .map_or(c, |&(_, latin)| latin)
        })
        .flat_map(char::to_uppercase)
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::normalize::testing::*;

    #[test]
    fn document_symbols() {
        assert_eq!(keys("A/RES/70/1", En), ["A/RES/70/1"]);
        assert_eq!(keys("Ａ／６６／１００", Zh), ["A/66/100"]);
        assert_eq!(
            keys("see E/CN.15/2011/L.3/Rev.1.", En),
            ["E/CN.15/2011/L.3/REV.1"]
        );
        assert_eq!(keys("A/CONF.213/18", Fr), ["A/CONF.213/18"]);
        assert_eq!(keys("A/C.3/56/L.12", Es), ["A/C.3/56/L.12"]);
        assert_eq!(keys("见S/2015/123号文件", Zh), ["S/2015/123"]);
        assert_eq!(keys("документ А/69/100", Ru), ["A/69/100"]);
        // Slashes without figures are no symbols.
        assert!(keys("HIV/AIDS and/or", En).is_empty());
    }

    #[test]
    fn resolution_numbers_agree() {
        all_agree(&[
            ("resolution 55/63", En),
            ("第55/63号决议", Zh),
            ("القرار 55/63", Ar),
            ("резолюция 55/63", Ru),
        ]);
        assert_eq!(keys("resolution 2004/26", En), ["2004/26"]);
        // A small fraction is soft: other versions write it in words.
        assert!(diff(("只有1/3的发达国家", Zh), ("only one third of", En)).is_empty());
        assert_eq!(hard("resolution 1/3", En), Vec::<String>::new());
        assert!(diff(("resolution A/RES/55/63", En), ("resolución 55/63", Es)).is_empty());
        all_agree(&[
            ("resolution 973 (X) of 15 December 1955", En),
            ("قرارها 973 (د-10) المؤرخ 15 كانون الأول/ديسمبر 1955", Ar),
            ("其1955年12月15日第973(X)号决议", Zh),
        ]);
        // Fiscal and year ranges are years, not resolutions.
        assert_eq!(keys("2014/15", En), ["2014", "2015"]);
        assert_eq!(keys("2014-2015年", Zh), ["2014", "2015"]);
    }
}

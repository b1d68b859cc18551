//! Passes for calendar dates written with month names (and their ranges and month lists), and for
//! year ranges (`2014/15`).

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::model::Language;

use super::AnchorKind;
use super::chinese::CHINESE_DATE;
use super::fold::fold_str;
use super::rules::{MONTHS, rules};
use super::scan::{
    Scan, digits_stand_alone, each_match, is_digit_at, is_digit_before, is_letter_at,
};

impl Scan<'_> {
    /// Year ranges `2014/15`, `2014-15`, `2014/2015` are two years, not a resolution number; so are
    /// two years glued together where a dash was lost in conversion (`20142020`).
    pub(super) fn year_ranges(&mut self) {
        /// A year, an optional dash or slash, and a second year of two or four digits.
        static YEARS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"((?:19|20)[0-9]{2})(?:\s*(-{1,2}|/)\s*)?((?:19|20)?[0-9]{2})")
                .expect("year range regex")
        });
        let text = self.text;
        each_match(&YEARS, text, |caps| {
            let (Some(a), Some(b)) = (caps.get(1), caps.get(3)) else {
                return false;
            };
            let (Ok(first), Ok(second)) = (a.as_str().parse::<u32>(), b.as_str().parse::<u32>())
            else {
                return false;
            };
            let second = if b.as_str().len() == 2 {
                first / 100 * 100 + second
            } else {
                second
            };
            // Two-digit ends are written tight (`2014-15`); `2014 - 22 July` is no range.
            let tight = a.end() + caps.get(2).map_or(0, |s| s.len()) == b.start();
            let range = match caps.get(2).map(|s| s.as_str()) {
                Some("/") => second == first + 1 && (tight || b.as_str().len() == 4),
                Some(_) => second > first && (tight || b.as_str().len() == 4),
                None => b.as_str().len() == 4 && tight && second > first && second <= first + 30,
            };
            let ok = range
                && digits_stand_alone(text, a.start(), b.end())
                && self.is_free(a.start(), b.end());
            if ok {
                self.add(
                    AnchorKind::Number,
                    first.to_string(),
                    a.start(),
                    a.end(),
                    false,
                );
                self.add(
                    AnchorKind::Number,
                    second.to_string(),
                    b.start(),
                    b.end(),
                    false,
                );
            }
            ok
        });
    }

    /// Calendar dates, with ranges.
    pub(super) fn dates(&mut self) {
        let text = self.text;
        let lang = self.lang;
        if lang == Language::Zh {
            each_match(&CHINESE_DATE, text, |caps| self.chinese_date(caps));
        } else {
            self.written_dates(lang);
        }
        // Arabic, Chinese and Russian versions keep English dates in their header lines.
        if matches!(lang, Language::Ar | Language::Zh | Language::Ru) {
            self.written_dates(Language::En);
        }
    }

    /// Dates written with month names by the conventions of `lang`.
    fn written_dates(&mut self, lang: Language) {
        let text = self.text;
        each_match(&rules(lang).date, text, |caps| {
            let Some(whole) = caps.get(0) else {
                return false;
            };
            let first_digit = whole
                .as_str()
                .find(|c: char| c.is_ascii_digit())
                .map(|i| whole.start() + i);
            let marker = glued_marker_after_year(text, caps);
            if first_digit.is_some_and(|i| is_digit_before(text, i))
                || (is_digit_at(text, whole.end()) && marker.is_none())
            {
                return false;
            }
            if !self.is_free(whole.start(), whole.end()) {
                return false;
            }
            let month_ends = ["m1", "m", "um", "mm0", "mm"]
                .iter()
                .filter_map(|g| caps.name(g));
            if month_ends.into_iter().any(|g| is_letter_at(text, g.end())) {
                return false;
            }
            let Some(dates) = written_dates(caps, lang) else {
                return false;
            };
            for key in dates {
                self.add(AnchorKind::Date, key, whole.start(), whole.end(), false);
            }
            self.claim(whole.start(), whole.end());
            if let Some(end) = marker {
                let digits = text[whole.end()..end].to_string();
                self.add(AnchorKind::Number, digits, whole.end(), end, true);
            }
            true
        });
    }
}

/// The end of a footnote marker glued to the year that ends a date (`septembre 201442.`: the
/// year 2014 and marker 42): one or two digits after a four-digit year, then no further digit.
fn glued_marker_after_year(text: &str, caps: &Captures) -> Option<usize> {
    let whole = caps.get(0)?;
    let year = ["y", "my", "uy"]
        .iter()
        .filter_map(|g| caps.name(g))
        .find(|y| y.end() == whole.end() && y.len() == 4)?;
    let digits = text[year.end()..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    (1..=2).contains(&digits).then_some(year.end() + digits)
}

/// `2011-04-11`, `--04-11` or `2011-04`; `None` for a month alone or an impossible day.
pub(super) fn date_key(year: Option<u32>, month: u32, day: Option<u32>) -> Option<String> {
    if !(1..=12).contains(&month) || day.is_some_and(|d| !(1..=31).contains(&d)) {
        return None;
    }
    match (year, day) {
        (Some(y), Some(d)) => Some(format!("{y:04}-{month:02}-{d:02}")),
        (None, Some(d)) => Some(format!("--{month:02}-{d:02}")),
        (Some(y), None) => Some(format!("{y:04}-{month:02}")),
        (None, None) => None,
    }
}

/// The date keys of a date match (two for a range); `None` if the match is no date after all.
fn written_dates(caps: &Captures, lang: Language) -> Option<Vec<String>> {
    let num = |name: &str| caps.name(name).and_then(|g| g.as_str().parse::<u32>().ok());
    let month = |name: &str| -> Option<Option<u32>> {
        match caps.name(name) {
            None => Some(None),
            Some(g) => {
                // English month names are capitalised: `2 may be` is no date.
                if lang == Language::En && g.as_str().starts_with(|c: char| c.is_lowercase()) {
                    return None;
                }
                month_of(g.as_str()).map(Some)
            }
        }
    };
    if let Some(m) = month("mm")? {
        let mut keys = Vec::with_capacity(2);
        if let Some(first) = month("mm0")? {
            keys.push(date_key(num("my"), first, None)?);
        }
        keys.push(date_key(num("my"), m, None)?);
        return Some(keys);
    }
    let (day, m, year) = match month("um")? {
        Some(m) => (num("ud")?, m, num("uy")),
        None => (num("d")?, month("m")??, num("y")),
    };
    let mut keys = Vec::with_capacity(2);
    if let Some(first_day) = num("d1") {
        let first_month = month("m1")?.unwrap_or(m);
        let first_year = num("y1").or(year);
        keys.push(date_key(first_year, first_month, Some(first_day))?);
    }
    keys.push(date_key(year, m, Some(day))?);
    Some(keys)
}

/// The month number of a month name as matched (Arabic `نيسان/أبريل` gives either half).
pub(super) fn month_of(name: &str) -> Option<u32> {
    name.split('/')
        .find_map(|half| MONTHS.get(&fold_str(half.trim())).copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::testing::*;

    #[test]
    fn dates_agree_in_six_languages() {
        all_agree(&[
            ("11 April 2011", En),
            ("11 de abril de 2011", Es),
            ("11 avril 2011", Fr),
            ("11 апреля 2011 года", Ru),
            ("2011年4月11日", Zh),
            ("2011 年 4 月 11 日", Zh),
            ("11 نيسان/أبريل 2011", Ar),
            ("11 نيسان/ أبريل 2011", Ar),
            ("١١ نيسان/أبريل ٢٠١١", Ar),
            ("二〇一一年四月十一日", Zh),
        ]);
        assert_eq!(keys("11 April 2011", En), ["2011-04-11"]);
        assert_eq!(keys("1er janvier 1990", Fr), ["1990-01-01"]);
        assert_eq!(keys("1 كانون الثاني/ يناير 1990", Ar), ["1990-01-01"]);
        assert_eq!(
            keys("(24 أيلول/سبتمبر 1999؛ ٢٦ أيلول/سبتمبر ٢٠١٣)", Ar),
            ["1999-09-24", "2013-09-26"]
        );
    }

    #[test]
    fn partial_dates() {
        assert_eq!(keys("on 11 April", En), ["--04-11"]);
        assert_eq!(keys("in April 2011", En), ["2011-04"]);
        assert_eq!(keys("4月11日", Zh), ["--04-11"]);
        assert_eq!(keys("2011年4月", Zh), ["2011-04"]);
        assert_eq!(keys("en abril de 2011", Es), ["2011-04"]);
        assert_eq!(keys("в апреле 2011 года", Ru), ["2011-04"]);
        // `may` the verb is no month.
        assert_eq!(keys("2 may be", En), ["2"]);
    }

    #[test]
    fn date_ranges_give_both_ends() {
        let range = ["2011-04-11", "2011-04-15"];
        assert_eq!(keys("11-15 April 2011", En), range);
        assert_eq!(keys("from 11 to 15 April 2011", En), range);
        assert_eq!(keys("del 11 a 15 de abril de 2011", Es), range);
        assert_eq!(keys("du 11 au 15 avril 2011", Fr), range);
        assert_eq!(keys("с 11 по 15 апреля 2011 года", Ru), range);
        assert_eq!(keys("2011年4月11日至15日", Zh), range);
        assert_eq!(keys("2011年4月11至15日", Zh), range);
        assert_eq!(keys("من 11 إلى 15 نيسان/أبريل 2011", Ar), range);
        assert_eq!(keys("4月11日至15日", Zh), ["--04-11", "--04-15"]);
        assert_eq!(
            keys("30 March-2 April 2011", En),
            ["2011-03-30", "2011-04-02"]
        );
    }

    #[test]
    fn dates_in_words_and_month_lists() {
        assert_eq!(keys("Тринадцатого августа", Ru), ["--08-13"]);
        assert_eq!(keys("Седьмого и восьмого июля", Ru), ["--07-07", "--07-08"]);
        assert_eq!(keys("في الحادي عشر من آب/أغسطس 1960", Ar), ["1960-08-11"]);
        assert_eq!(keys("2014年10月和11月", Zh), ["2014-10", "2014-11"]);
        assert_eq!(
            keys("in October and November 2014", En),
            ["2014-10", "2014-11"]
        );
        assert_eq!(keys("2014年7-8月", Zh), ["2014-07", "2014-08"]);
        assert_eq!(keys("21 January 2014", Ar), ["2014-01-21"]);
        // The year shared by two months, with the preposition repeated.
        assert_eq!(
            keys("en juillet et en août 2014", Fr),
            ["2014-07", "2014-08"]
        );
        assert_eq!(
            keys("en marzo y en abril de 2014", Es),
            ["2014-03", "2014-04"]
        );
        // Arabic may put `عام` (year) between the month and the year.
        all_agree(&[
            ("on 31 December 2017", En),
            ("في 31 كانون الأول/ديسمبر عام 2017", Ar),
        ]);
        all_agree(&[("in March 2015", En), ("في آذار/مارس عام 2015", Ar)]);
    }

    #[test]
    fn date_figures_are_not_numbers() {
        assert!(
            anchors("2015年1月21日", Zh)
                .iter()
                .all(|a| a.kind == AnchorKind::Date)
        );
        // A month on its own is no anchor, like `January`.
        assert!(anchors("1月", Zh).is_empty());
        assert_eq!(keys("2015年1月", Zh), ["2015-01"]);
    }
}

//! Passes for Chinese: dates `2011年4月11日` with their ranges and lists, years `二〇一一年`, and
//! Chinese numerals before a counter or after `第`.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::locale::chinese_numeral_value;

use super::AnchorKind;
use super::dates::date_key;
use super::scan::{Found, Scan, each_match, is_digit_before, parse_u32, window};

impl Scan<'_> {
    /// A Chinese date `2011年4月11日`, with following days `至15日`, `和5月2日`.
    pub(super) fn chinese_date(&mut self, caps: &Captures) -> bool {
        let text = self.text;
        let Some(whole) = caps.get(0) else {
            return false;
        };
        if is_digit_before(text, whole.start()) || !self.is_free(whole.start(), whole.end()) {
            return false;
        }
        let year = caps.name("y").and_then(|y| parse_u32(y.as_str()));
        let Some(month) = caps.name("m").and_then(|m| parse_u32(m.as_str())) else {
            return false;
        };
        let mut day = caps.name("d").and_then(|d| parse_u32(d.as_str()));
        if (caps.name("d").is_some() && day.is_none()) || !(1..=12).contains(&month) {
            return false;
        }
        let mut end = whole.end();
        // A day without 日 belongs to the date only when a range follows: `24和25日`.
        if let (Some(d), None) = (caps.name("d"), caps.name("du"))
            && !CHINESE_DATE_MORE.is_match(window(text, d.end(), 64))
        {
            day = None;
            end = caps.name("m").map_or(end, |m| m.end() + "月".len());
        }
        let mut keys: Vec<String> = Vec::new();
        if let Some(first) = caps
            .name("m0")
            .and_then(|m| parse_u32(m.as_str()))
            .filter(|_| day.is_none())
        {
            keys.extend(date_key(year, first, None));
        }
        keys.extend(date_key(year, month, day));
        let (mut year, mut month) = (year, month);
        while let Some(more) = CHINESE_DATE_MORE.captures(window(text, end, 64)) {
            let Some(m_end) = more.get(0).map(|g| end + g.end()) else {
                break;
            };
            year = more.name("y").and_then(|y| parse_u32(y.as_str())).or(year);
            let next_month = more.name("m").and_then(|m| parse_u32(m.as_str()));
            month = next_month.unwrap_or(month);
            let next_day = more.name("d").and_then(|d| parse_u32(d.as_str()));
            // `10月和11月`: a month follows a month; `11日至15日`: a day follows a day.
            let key = match (next_day, day) {
                (Some(d), _) => date_key(year, month, Some(d)),
                (None, None) if next_month.is_some() => date_key(year, month, None),
                _ => None,
            };
            let Some(key) = key else {
                break;
            };
            keys.push(key);
            end = m_end;
        }
        if !self.is_free(whole.start(), end) {
            return false;
        }
        // Every date of a chain `1月1日、1月2日、…` spans the whole chain, which is claimed once
        // (not once a date: that made a chain of n dates cost n² bytes).
        self.found.extend(keys.into_iter().map(|value| Found {
            kind: AnchorKind::Date,
            value,
            start: whole.start(),
            end,
            soft: false,
            alternative: None,
        }));
        // A month on its own (`4月`) is claimed but, like `April`, is no anchor.
        self.claim(whole.start(), end);
        true
    }

    /// Chinese years `2011年`, `二〇一一年` are numbers, like `2011` elsewhere.
    pub(super) fn chinese_years(&mut self) {
        /// Four digits or numerals before `年`.
        static YEAR: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"([0-9]{4}|[〇零一二三四五六七八九]{4})\s*年").expect("year regex")
        });
        let text = self.text;
        each_match(&YEAR, text, |caps| {
            let Some(year) = caps.get(1) else {
                return false;
            };
            let value = parse_u32(year.as_str());
            let ok = value.is_some()
                && !is_digit_before(text, year.start())
                && self.is_free(year.start(), year.end());
            if let Some(value) = value.filter(|_| ok) {
                self.add(
                    AnchorKind::Number,
                    value.to_string(),
                    year.start(),
                    year.end(),
                    false,
                );
            }
            ok
        });
    }

    /// Chinese numerals before a counter or after `第`: `第二十届` (firm), `二十一世纪` (firm), `八个` (soft).
    pub(super) fn chinese_numerals(&mut self) {
        self.chinese_percentages();
        self.chinese_ordinal_lists();
        self.chinese_echoed_numerals();
        self.chinese_counted_numerals();
    }

    /// `百分之五` (five per cent), soft like other numbers in words.
    fn chinese_percentages(&mut self) {
        /// `百分之` and a numeral.
        static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"百分之([〇零一二两三四五六七八九十百]{1,8})").expect("percent regex")
        });
        let text = self.text;
        each_match(&PERCENT, text, |caps| {
            let Some(whole) = caps.get(0) else {
                return false;
            };
            let value = chinese_numeral_value(&caps[1]);
            let ok = value.is_some() && self.is_free(whole.start(), whole.end());
            if let Some(v) = value.filter(|_| ok) {
                self.add(
                    AnchorKind::Number,
                    format!("{v}%"),
                    whole.start(),
                    whole.end(),
                    true,
                );
            }
            ok
        });
    }

    /// The ordinals of a list before its counter: `第二` in `第二、第三条`, soft.
    fn chinese_ordinal_lists(&mut self) {
        /// `第` and a numeral followed by a list word.
        static ORDINAL_LIST: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"第([〇零一二两三四五六七八九十百千]{1,12})(?:、|和|及|至|或|到)")
                .expect("ordinal list regex")
        });
        let text = self.text;
        each_match(&ORDINAL_LIST, text, |caps| {
            let Some(numeral) = caps.get(1) else {
                return false;
            };
            let value = chinese_numeral_value(numeral.as_str());
            let ok = value.is_some() && self.is_free(numeral.start(), numeral.end());
            if let Some(v) = value.filter(|_| ok) {
                self.add(
                    AnchorKind::Number,
                    v.to_string(),
                    numeral.start(),
                    numeral.end(),
                    true,
                );
            }
            ok
        });
    }

    /// A numeral echoed by a figure, `两(2)`: both soft.
    fn chinese_echoed_numerals(&mut self) {
        /// A numeral and a figure in brackets.
        static ECHOED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"([〇零一二两三四五六七八九十]{1,4})\s*\(\s*[0-9]{1,3}\s*\)")
                .expect("echoed numeral regex")
        });
        let text = self.text;
        each_match(&ECHOED, text, |caps| {
            let (Some(numeral), Some(whole)) = (caps.get(1), caps.get(0)) else {
                return false;
            };
            let Some(value) = chinese_numeral_value(numeral.as_str()) else {
                return false;
            };
            self.add(
                AnchorKind::Number,
                value.to_string(),
                numeral.start(),
                numeral.end(),
                true,
            );
            self.soften_echo(value, numeral.end());
            self.claim(whole.start(), whole.end());
            true
        });
    }

    /// A numeral before a counter (`八个`, soft) or naming a session, anniversary or century
    /// (`第二十届`, `七十周年`, `二十一世纪`, firm).
    fn chinese_counted_numerals(&mut self) {
        /// An optional `第`, a numeral and a counter.
        static NUMERAL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(第)?([〇零一二两三四五六七八九十百千万亿]{1,12})(?:多|余)?(届|周年|世纪|次会议|次会|个|名|项|场|种|次|国|年|位|份|条|款|段|章|节|天|周|倍|家|所|部|批|轮|类|起|人|岁|美元|元|点|号|级|方|期|套|架|座|艘|辆|枚|张|台|只|支|门|间|层|篇|本|份|小时|分钟|公里|米|吨)",
            )
            .expect("numeral regex")
        });
        let text = self.text;
        each_match(&NUMERAL, text, |caps| {
            let (Some(whole), Some(numeral)) = (caps.get(0), caps.get(2)) else {
                return false;
            };
            let value = chinese_numeral_value(numeral.as_str());
            let ok = value.is_some() && self.is_free(whole.start(), whole.end());
            if let Some(v) = value.filter(|_| ok) {
                // `第二十届` is the twentieth session, `一届` just "a session".
                let firm = matches!(&caps[3], "周年" | "世纪")
                    || (caps.get(1).is_some() && &caps[3] == "届");
                self.add(
                    AnchorKind::Number,
                    v.to_string(),
                    whole.start(),
                    whole.end(),
                    !firm,
                );
            }
            ok
        });
    }
}

/// A month or day: one or two digits, or up to three Chinese numerals.
const CHINESE_NUMBER: &str = r"[0-9]{1,2}|[一二三四五六七八九十]{1,3}";

/// A year: four digits or four Chinese numerals (`二〇一一`).
const CHINESE_YEAR: &str = r"[0-9]{4}|[〇零一二三四五六七八九]{4}";

/// A Chinese date or month (`2011年4月11日`, `4月`), with a leading month range `7-8月`.
pub(super) static CHINESE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?P<y>{CHINESE_YEAR})\s*年\s*)?(?:(?P<m0>{CHINESE_NUMBER})\s*(?:-|至|到|和|、)\s*)?(?P<m>{CHINESE_NUMBER})\s*月(?:\s*(?P<d>{CHINESE_NUMBER})\s*(?P<du>日)?)?"
    ))
    .expect("Chinese date regex")
});

/// An afternoon hour followed by a range word: `下午3时至`.
pub(super) static ZH_AFTERNOON_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:下午|晚上)\s*[0-9]{1,2}\s*时(?:\s*[0-9]{1,2}\s*分)?\s*(?:至|到|-)\s*\z")
        .expect("afternoon regex")
});

/// What continues a Chinese date: `至15日`, `和5月2日`, `、2012年1月3日`, anchored at its start.
static CHINESE_DATE_MORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\A\s*(?:至|到|和|、|及|与|-|~)\s*(?:(?P<y>{CHINESE_YEAR})\s*年\s*)?(?:(?P<m>{CHINESE_NUMBER})\s*月\s*)?(?:(?P<d>{CHINESE_NUMBER})\s*日)?"
    ))
    .expect("Chinese date continuation regex")
});

#[cfg(test)]
mod tests {
    use crate::normalize::testing::*;

    #[test]
    fn a_list_of_twenty_thousand_dates_yields_every_date() {
        // `2011年1月1日、2011年1月2日、…`: one chain, every date its own anchor, in order.
        let want: Vec<String> = (2011..)
            .flat_map(|y| (1..=12).flat_map(move |m| (1..=28).map(move |d| (y, m, d))))
            .take(20_000)
            .map(|(y, m, d)| format!("{y}-{m:02}-{d:02}"))
            .collect();
        let chain: Vec<String> = want
            .iter()
            .map(|key| {
                let mut parts = key.split('-').map(|p| p.trim_start_matches('0'));
                let (y, m, d) = (parts.next(), parts.next(), parts.next());
                format!(
                    "{}年{}月{}日",
                    y.unwrap_or(""),
                    m.unwrap_or(""),
                    d.unwrap_or("")
                )
            })
            .collect();
        let text = format!("会议于{}举行。", chain.join("、"));
        let found = anchors(&text, Zh);
        assert!(found.iter().all(|a| a.kind == AnchorKind::Date && !a.soft));
        let keys: Vec<String> = found.into_iter().map(|a| a.value).collect();
        assert_eq!(keys, want);
    }

    #[test]
    fn chinese_numerals_in_context() {
        assert_eq!(keys("二十一世纪", Zh), ["21"]);
        assert_eq!(keys("第二十届会议", Zh), ["20"]);
        assert_eq!(keys("二〇一一年", Zh), ["2011"]);
        assert_eq!(keys("250万人", Zh), ["2500000"]);
        assert_eq!(keys("1.5亿美元", Zh), ["150000000"]);
        assert_eq!(keys("8个领域", Zh), ["8"]);
        // Idioms are no numbers.
        assert!(keys("一些代表团表示一致意见", Zh).is_empty());
    }
}

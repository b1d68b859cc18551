//! The pass for clock times (`3 p.m.`, `15 heures`, `下午3时`), keyed `T15:00`.

use regex::Captures;

use crate::model::Language;

use super::AnchorKind;
use super::chinese::ZH_AFTERNOON_BEFORE;
use super::rules::rules;
use super::scan::{
    Scan, each_match, floor_boundary, is_digit_at, is_digit_before, is_letter_at, is_letter_before,
};

impl Scan<'_> {
    /// Clock times, as `T15:00`.
    pub(super) fn times(&mut self) {
        let text = self.text;
        let lang = self.lang;
        each_match(&rules(lang).time, text, |caps| {
            let Some(whole) = caps.get(0) else {
                return false;
            };
            let hour_start = ["h", "h2", "h3", "h4", "h5", "h6", "h7", "a", "a2"]
                .iter()
                .find_map(|g| caps.name(g))
                .map_or(whole.start(), |g| g.start());
            // `下午3时至6时`: the second hour of a range is in the afternoon too.
            let afternoon = lang == Language::Zh
                && caps.name("p").is_none()
                && ZH_AFTERNOON_BEFORE.is_match(
                    &text[floor_boundary(text, whole.start().saturating_sub(40))..whole.start()],
                );
            let key = time_of(caps, lang)
                .map(|(h, m)| {
                    if afternoon && h < 12 {
                        (h + 12, m)
                    } else {
                        (h, m)
                    }
                })
                .and_then(|(h, m)| time_key(h, m));
            // `between 1100 and 1200 hours` names two times.
            let until_key = caps
                .name("h8")
                .zip(caps.name("mi8"))
                .and_then(|(h, m)| time_key(h.as_str().parse().ok()?, m.as_str().parse().ok()?));
            // `jusqu'à 18 heures` is as often a duration as a time of day.
            let until = lang == Language::Fr
                && text[..whole.start()].ends_with("jusqu'")
                && caps.name("mi").is_none();
            // Words must stand alone (`11 am`, not `11 amendments`); Arabic and Chinese glue them.
            let edges = matches!(lang, Language::Ar | Language::Zh)
                || (!is_letter_before(text, whole.start()) && !is_letter_at(text, whole.end()));
            let ok = key.is_some()
                && edges
                && !until
                && !is_digit_before(text, hour_start)
                && !is_digit_at(text, whole.end())
                && self.is_free(whole.start(), whole.end());
            if let Some(key) = key.filter(|_| ok) {
                self.add(AnchorKind::Date, key, whole.start(), whole.end(), false);
                if let Some(until) = until_key {
                    self.add(AnchorKind::Date, until, whole.start(), whole.end(), false);
                }
            }
            ok
        });
    }
}

/// `T15:00`, or `None` for an impossible time.
fn time_key(hour: u32, minute: u32) -> Option<String> {
    (hour < 24 && minute < 60).then(|| format!("T{hour:02}:{minute:02}"))
}

/// Hour and minute of a clock-time match, in 24-hour time.
fn time_of(caps: &Captures, lang: Language) -> Option<(u32, u32)> {
    let num = |name: &str| caps.name(name).and_then(|g| g.as_str().parse::<u32>().ok());
    if lang == Language::Ar {
        let (a, b, slash) = match (num("a"), num("a2")) {
            (Some(a), _) => (
                a,
                num("b"),
                caps.name("sep").is_some_and(|s| s.as_str() == "/"),
            ),
            (None, Some(a)) => (a, num("b2"), false),
            (None, None) => return None,
        };
        // Bidirectional extraction reverses the two halves: `00:11` for 11.00, `47/10` for 10.47.
        let (mut hour, minute) = match b {
            None => (a, 0),
            Some(b) if slash || a > 23 || (a == 0 && b > 0 && b <= 23) => (b, a),
            Some(b) => (a, b),
        };
        if caps.name("pm").is_some() && hour < 12 {
            hour += 12;
        }
        return Some((hour, minute));
    }
    let (hour, minute) = ["", "2", "3", "4", "5", "6", "7"]
        .iter()
        .find_map(|suffix| {
            num(&format!("h{suffix}")).map(|h| (h, num(&format!("mi{suffix}")).unwrap_or(0)))
        })?;
    match lang {
        Language::En => match caps.name("ap").map(|g| g.as_str().to_lowercase()) {
            Some(ap) if ap.starts_with('p') => {
                (1..=12).contains(&hour).then_some((hour % 12 + 12, minute))
            }
            Some(ap) if ap.starts_with('a') => {
                (1..=12).contains(&hour).then_some((hour % 12, minute))
            }
            Some(ap) if ap == "noon" => (hour == 12).then_some((12, minute)),
            Some(_) => (hour == 12).then_some((0, minute)),
            None => Some((hour, minute)),
        },
        Language::Zh => {
            let prefix = caps.name("p").map(|g| g.as_str());
            if caps.name("u").is_some_and(|u| u.as_str() == "点") && prefix.is_none() {
                return None;
            }
            // `时期`, `时间`, `时代` are "period", "time", "era", not o'clock.
            if prefix.is_none() && caps.name("after").is_some() {
                return None;
            }
            let afternoon =
                matches!(prefix, Some("下午" | "晚上")) || (prefix == Some("中午") && hour < 11);
            Some((
                if afternoon && hour < 12 {
                    hour + 12
                } else {
                    hour
                },
                minute,
            ))
        }
        _ => Some((hour, minute)),
    }
}

#[cfg(test)]
mod tests {
    use crate::normalize::testing::*;

    #[test]
    fn clock_times_agree() {
        all_agree(&[
            ("at 11 a.m.", En),
            ("上午11时", Zh),
            ("上午11时分举行", Zh),
            ("à 11 heures", Fr),
            ("a las 11.00 horas", Es),
            ("в 11 ч. 00 м.", Ru),
            ("الساعة 00:11", Ar),
        ]);
        all_agree(&[
            ("at 12.40 p.m.", En),
            ("下午12时40分", Zh),
            ("à 12 h 40", Fr),
            ("a las 12.40 horas", Es),
            ("в 12 ч. 40 м.", Ru),
            ("الساعة 12:40", Ar),
        ]);
        all_agree(&[
            ("at 10.47 a.m.", En),
            ("الساعة 47/10", Ar),
            ("上午10时47分", Zh),
        ]);
        all_agree(&[
            ("at 3 p.m.", En),
            ("下午3时", Zh),
            ("à 15 heures", Fr),
            ("الساعة 15:00", Ar),
        ]);
        assert_eq!(keys("at 3 p.m.", En), ["T15:00"]);
        assert_eq!(keys("下午3时至6时", Zh), ["T15:00", "T18:00"]);
        assert_eq!(
            keys("Between 1100 and 1200 hours", En),
            ["T11:00", "T12:00"]
        );
        assert_eq!(keys("à 2359Z", Fr), ["T23:59"]);
        assert_eq!(keys("dentro de las 24 horas", Es), ["24"]);
        // A duration is no clock time.
        assert_eq!(keys("18 hours a day", En), ["18"]);
        assert_eq!(keys("全环基金5时期", Zh), ["5"]);
    }
}

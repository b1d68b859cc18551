//! Language identification restricted to the six UN languages: the script decides Chinese,
//! Russian and Arabic; whatlang, allowed only English, French and Spanish, decides Latin text.
//!
//! Header lines are partly English in every version and symbols fool any detector, so callers
//! pass body text only.

use std::collections::HashMap;
use std::sync::LazyLock;

use whatlang::{Detector, Lang};

use crate::model::Language;
use crate::script::ScriptCounts;

/// A language decision and how sure it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// The language.
    pub language: Language,
    /// Confidence in [0, 1].
    pub confidence: f64,
}

/// Longest prefix of the text looked at, in bytes: enough for a confident answer.
const SAMPLE_BYTES: usize = 16 * 1024;

static LATIN_DETECTOR: LazyLock<Detector> =
    LazyLock::new(|| Detector::with_allowlist(vec![Lang::Eng, Lang::Fra, Lang::Spa]));

/// The language of a text, or `None` when it has no letters at all.
pub fn detect(text: &str) -> Option<Detection> {
    let sample = prefix(text, SAMPLE_BYTES);
    let counts = ScriptCounts::of(sample);
    // One Han character carries about as much as two or three Latin letters.
    let weighted = [
        (Language::Zh, counts.han * 3),
        (Language::Ru, counts.cyrillic),
        (Language::Ar, counts.arabic),
    ];
    let total = counts.han * 3 + counts.cyrillic + counts.arabic + counts.latin;
    if total == 0 {
        return None;
    }
    let (script_language, script_letters) = weighted
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .unwrap_or((Language::Zh, 0));
    if script_letters >= counts.latin {
        return Some(Detection {
            language: script_language,
            confidence: script_letters as f64 / total as f64,
        });
    }
    let latin_share = counts.latin as f64 / total as f64;
    // Function words settle clear cases at a fraction of whatlang's cost.
    let votes = function_word_votes(sample);
    let mut ranked = votes;
    ranked.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let (first, second) = (ranked[0], ranked[1]);
    if first.1 >= 4 && first.1 >= 3 * second.1 {
        let confidence = first.1 as f64 / (first.1 + second.1) as f64;
        return Some(Detection {
            language: first.0,
            confidence: confidence * latin_share,
        });
    }
    let info = LATIN_DETECTOR.detect(sample);
    let (language, confidence) = match info.map(|i| (i.lang(), i.confidence())) {
        Some((Lang::Fra, c)) => (Language::Fr, c),
        Some((Lang::Spa, c)) => (Language::Es, c),
        Some((_, c)) => (Language::En, c),
        None => (Language::En, 0.0),
    };
    // Short headings and names leave whatlang unsure: a function word or calendar name of one
    // language only then decides.
    let (language, confidence) = if confidence < 0.3 && first.1 >= 1 && second.1 == 0 {
        (first.0, 0.3)
    } else {
        (language, confidence)
    };
    Some(Detection {
        language,
        confidence: confidence * latin_share,
    })
}

/// The language of `text`, which is said to be `lang`: cheap when the text agrees, as it
/// usually does — the script decides zh, ru and ar; for English, French and Spanish text, `lang`
/// leading the count of function words does — and a full [`detect`] otherwise. `None` when the
/// text has no letters.
pub fn confirm(text: &str, lang: Language) -> Option<Detection> {
    let sample = prefix(text, SAMPLE_BYTES);
    let counts = ScriptCounts::of(sample);
    let other_scripts = counts.han * 3 + counts.cyrillic + counts.arabic;
    let total = other_scripts + counts.latin;
    if total == 0 {
        return None;
    }
    match lang {
        Language::En | Language::Fr | Language::Es if counts.latin > other_scripts => {
            let votes = function_word_votes(sample);
            let own = votes
                .iter()
                .find(|(l, _)| *l == lang)
                .map_or(0, |&(_, n)| n);
            let rival = votes
                .iter()
                .filter(|(l, _)| *l != lang)
                .map(|&(_, n)| n)
                .max()
                .unwrap_or(0);
            if own > rival {
                let share = counts.latin as f64 / total as f64;
                return Some(Detection {
                    language: lang,
                    confidence: share * own as f64 / (own + rival) as f64,
                });
            }
        }
        Language::Zh | Language::Ru | Language::Ar => {
            let own = match lang {
                Language::Zh => counts.han * 3,
                Language::Ru => counts.cyrillic,
                _ => counts.arabic,
            };
            if own * 2 > total {
                return Some(Detection {
                    language: lang,
                    confidence: own as f64 / total as f64,
                });
            }
        }
        _ => {}
    }
    detect(sample)
}

/// Whether `text` (its first few hundred bytes) reads as written in another language than
/// `lang`: `None` when it is in `lang` or has no letters, else what it is in. See [`confirm`].
pub fn written_in_other(text: &str, lang: Language) -> Option<Detection> {
    confirm(prefix(text, 400), lang).filter(|d| d.language != lang)
}

/// Vote weights of words for (English, French, Spanish): 1 for a function word of the
/// language, 4 for a month or day name only that language writes so.
static VOTE_WEIGHTS: LazyLock<HashMap<&'static str, [u8; 3]>> = LazyLock::new(|| {
    use crate::locale::{DAY_NAMES, MONTH_NAMES, function_words};
    const LATIN: [Language; 3] = [Language::En, Language::Fr, Language::Es];
    let mut weights: HashMap<&'static str, [u8; 3]> = HashMap::new();
    for (k, &lang) in LATIN.iter().enumerate() {
        for &w in function_words(lang) {
            weights.entry(w).or_default()[k] = 1;
        }
    }
    // MONTH_NAMES lists the English (12), French (15) and Spanish (13) names first.
    let calendar = MONTH_NAMES[..12]
        .iter()
        .map(|&(n, _)| (n, 0))
        .chain(MONTH_NAMES[12..27].iter().map(|&(n, _)| (n, 1)))
        .chain(MONTH_NAMES[27..40].iter().map(|&(n, _)| (n, 2)))
        .chain(
            DAY_NAMES
                .iter()
                .map(|&(n, l)| (n, LATIN.iter().position(|x| *x == l).unwrap_or(0))),
        );
    // "mars" and "mai" are also words elsewhere.
    for (name, k) in calendar.filter(|(n, _)| !matches!(*n, "mars" | "mai")) {
        weights.entry(name).or_default()[k] = 4;
    }
    weights
});

/// Votes of the words of `text` for English, French and Spanish: function words count one,
/// month and day names (which only one of the three writes so) four.
fn function_word_votes(text: &str) -> [(Language, usize); 3] {
    let mut votes = [(Language::En, 0usize), (Language::Fr, 0), (Language::Es, 0)];
    let mut lower = String::new();
    for word in text.split(|c: char| !c.is_alphabetic() && c != '\'') {
        if word.is_empty() || word.len() > 12 {
            continue;
        }
        let key = if word.chars().any(char::is_uppercase) {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            word
        };
        if let Some(w) = VOTE_WEIGHTS.get(key) {
            for (vote, &weight) in votes.iter_mut().zip(w) {
                vote.1 += usize::from(weight);
            }
        }
    }
    votes
}

/// The longest prefix of `text` not longer than `max` bytes that ends on a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(text: &str) -> Option<Language> {
        detect(text).map(|d| d.language)
    }

    #[test]
    fn scripts_decide_zh_ru_ar() {
        assert_eq!(
            lang("回顾大会关于打击滥用信息技术犯罪行为的第55/63号决议"),
            Some(Language::Zh)
        );
        assert_eq!(
            lang("напоминая о своей резолюции 55/63"),
            Some(Language::Ru)
        );
        assert_eq!(lang("وإذ تشير إلى قرارها 55/63"), Some(Language::Ar));
    }

    #[test]
    fn latin_among_three() {
        assert_eq!(
            lang(
                "Recalling its resolution on the right to development and the need for cooperation"
            ),
            Some(Language::En)
        );
        assert_eq!(
            lang(
                "Recordando su resolución sobre el derecho al desarrollo y la necesidad de cooperación"
            ),
            Some(Language::Es)
        );
        assert_eq!(
            lang(
                "Rappelant sa résolution sur le droit au développement et la nécessité de coopérer"
            ),
            Some(Language::Fr)
        );
    }

    #[test]
    fn chinese_with_symbols_stays_chinese() {
        assert_eq!(
            lang("¹ A/CONF.213/18，第一章，决议 1。"),
            Some(Language::Zh)
        );
    }

    #[test]
    fn other_language_than_expected() {
        let spanish = "Invita a la Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura a que colabore";
        assert_eq!(
            written_in_other(spanish, Language::Zh).map(|d| d.language),
            Some(Language::Es)
        );
        assert_eq!(
            written_in_other(spanish, Language::Fr).map(|d| d.language),
            Some(Language::Es)
        );
        assert_eq!(written_in_other(spanish, Language::Es), None);
        assert_eq!(
            written_in_other("邀请联合国教育、科学及文化组织与会员国合作", Language::Zh),
            None
        );
        assert_eq!(
            written_in_other(
                "Invites the United Nations Educational, Scientific and Cultural Organization",
                Language::En
            ),
            None
        );
    }

    #[test]
    fn short_lines_decided_by_calendar_and_function_words() {
        assert_eq!(lang("28 October 2014"), Some(Language::En));
        assert_eq!(lang("Wednesday, 15 April 2015"), Some(Language::En));
        assert_eq!(lang("28 de octubre de 2014"), Some(Language::Es));
        assert_eq!(lang("28 octobre 2014"), Some(Language::Fr));
    }

    #[test]
    fn nothing_to_detect() {
        assert_eq!(lang("12 345 / 2011"), None);
        assert_eq!(lang(""), None);
    }

    #[test]
    fn long_text_is_sampled_on_a_char_boundary() {
        let text = "大会".repeat(50_000);
        assert_eq!(lang(&text), Some(Language::Zh));
    }
}

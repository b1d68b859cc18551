//! Language identification restricted to the six UN languages: the script decides Chinese,
//! Russian and Arabic; whatlang, allowed only English, French and Spanish, decides Latin text.
//!
//! Header lines are partly English in every version and symbols fool any detector, so callers
//! pass body text only.

use std::sync::LazyLock;

use whatlang::{Detector, Lang};

use crate::input::is_han;
use crate::model::Language;

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

/// Letters counted by script.
#[derive(Debug, Default, Clone, Copy)]
struct ScriptCounts {
    han: usize,
    cyrillic: usize,
    arabic: usize,
    latin: usize,
}

impl ScriptCounts {
    fn of(text: &str) -> Self {
        let mut counts = ScriptCounts::default();
        for c in text.chars() {
            if is_han(c) {
                counts.han += 1;
            } else if ('\u{0400}'..='\u{04FF}').contains(&c) {
                counts.cyrillic += 1;
            } else if ('\u{0600}'..='\u{06FF}').contains(&c)
                || ('\u{0750}'..='\u{077F}').contains(&c)
            {
                counts.arabic += 1;
            } else if c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c))
            {
                counts.latin += 1;
            }
        }
        counts
    }
}

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
    let info = LATIN_DETECTOR.detect(sample);
    let (language, confidence) = match info.map(|i| (i.lang(), i.confidence())) {
        Some((Lang::Fra, c)) => (Language::Fr, c),
        Some((Lang::Spa, c)) => (Language::Es, c),
        Some((_, c)) => (Language::En, c),
        None => (Language::En, 0.0),
    };
    Some(Detection {
        language,
        confidence: confidence * latin_share,
    })
}

/// Whether `text` reads as written in another language than `lang`: `None` when it is in `lang`
/// (or too short to tell), else the language it is in. Cheap when the answer is no, which is
/// the usual case: the script decides zh, ru and ar; for English, French and Spanish text a count
/// of function words decides unless it points elsewhere, and only then is whatlang asked.
pub fn written_in_other(text: &str, lang: Language) -> Option<Detection> {
    let sample = prefix(text, 400);
    let counts = ScriptCounts::of(sample);
    let latin_text = counts.latin > counts.han * 3 + counts.cyrillic + counts.arabic;
    let latin_lang = matches!(lang, Language::En | Language::Fr | Language::Es);
    if latin_text && latin_lang {
        let mut votes = [(Language::En, 0usize), (Language::Fr, 0), (Language::Es, 0)];
        for word in sample.split(|c: char| !c.is_alphabetic() && c != '\'') {
            for (l, n) in votes.iter_mut() {
                *n += usize::from(crate::locale::is_function_word(word, *l));
            }
        }
        let own = votes
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(0, |&(_, n)| n);
        if votes.iter().all(|&(_, n)| n <= own) && own > 0 {
            return None;
        }
    } else if !latin_text && !latin_lang {
        let own = match lang {
            Language::Zh => counts.han * 3,
            Language::Ru => counts.cyrillic,
            _ => counts.arabic,
        };
        if own * 2 > counts.han * 3 + counts.cyrillic + counts.arabic {
            return None;
        }
    }
    detect(sample).filter(|d| d.language != lang)
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

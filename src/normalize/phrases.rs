//! The pass for fixed phrases that state a value without a figure, which translators write with
//! one or the other: times of day in words (`midi`, `零时`, `الساعة العاشرة مساء`), fractions
//! (`three quarters`, `la moitié`, `half a million`), period adjectives (`décennal`, `quinquenal`) and years named
//! by deixis (`this year`, `同年`, `в том же году`). Every such anchor is soft: it absorbs the
//! figure another version writes and is never reported itself.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Language;

use super::AnchorKind;
use super::rules::lang_index;
use super::scan::{Scan, each_match, is_letter_at, is_letter_before};

/// The key of a year named by deixis (`this year`); [`super::matching`] lets it stand for one
/// year the other version writes out. No other anchor has this key.
pub(super) const YEAR_DEIXIS: &str = "year:deixis";

/// One phrase pattern of a language: what it stands for and how its value is read.
struct Phrase {
    /// The pattern, matched on the folded text.
    pattern: Regex,
    /// The kind of anchor it gives.
    kind: AnchorKind,
    /// The key; for Arabic hours in words, the key of the morning hour (see [`arabic_hour`]).
    value: &'static str,
}

/// The phrase patterns of each language (index [`lang_index`]): `(pattern, kind, key)`.
const PATTERNS: [&[(&str, AnchorKind, &str)]; 6] = [
    // Arabic (folded: ة as ه, hamza forms as ا).
    &[
        (r"منتصف\s+الليل", AnchorKind::Date, "T00:00"),
        (
            r"الساعه\s+(?P<h>\S+)(?:\s+عشره)?(?:\s+(?P<pm>مساء|ليلا|بعد\s+الظهر))?",
            AnchorKind::Date,
            "",
        ),
        (r"ثلاثه\s+ارباع", AnchorKind::Number, "75%"),
        (r"(?:ال)?نصف\s+مليون", AnchorKind::Number, "500000"),
        (r"(?:^|\s)(?:ال|وال)?نصف(?:\s|$)", AnchorKind::Number, "50%"),
        (
            r"(?:هذا|ذلك|نفس)\s+العام|العام\s+(?:نفسه|ذاته|الماضي|التالي|المقبل|الجاري)|(?:هذه|تلك|نفس)\s+السنه|السنه\s+(?:نفسها|ذاتها|الماضيه|التاليه|المقبله|الجاريه)|خلال\s+(?:العام|السنه)(?:\s|$|[،.])",
            AnchorKind::Number,
            YEAR_DEIXIS,
        ),
    ],
    // Chinese.
    &[
        (r"零时|午夜", AnchorKind::Date, "T00:00"),
        (r"四分之三", AnchorKind::Number, "75%"),
        (r"一半", AnchorKind::Number, "50%"),
        (
            r"同年|今年|本年|当年|该年|年内|去年|明年|次年",
            AnchorKind::Number,
            YEAR_DEIXIS,
        ),
        (r"十年期|十年", AnchorKind::Number, "10"),
    ],
    // English.
    &[
        (r"(?i)\b(?:midnight)\b", AnchorKind::Date, "T00:00"),
        (r"(?i)\b(?:noon|midday)\b", AnchorKind::Date, "T12:00"),
        (
            r"(?i)\bthree[\s-](?:quarters|fourths)\b",
            AnchorKind::Number,
            "75%",
        ),
        (r"(?i)\bhalf\s+a\s+million\b", AnchorKind::Number, "500000"),
        (
            r"(?i)\b(?:one|a)[\s-]half\b|\bhalf\s+of\b",
            AnchorKind::Number,
            "50%",
        ),
        (
            r"(?i)\b(?:this|that|the\s+same|that\s+same|the\s+current|the\s+previous|the\s+following|last|next|the\s+past)\s+year\b|\b(?:during|in|over|throughout)\s+the\s+year\b",
            AnchorKind::Number,
            YEAR_DEIXIS,
        ),
        (r"(?i)\bdecennial\b|\bdecade\b", AnchorKind::Number, "10"),
    ],
    // French.
    &[
        (r"(?i)\bminuit\b", AnchorKind::Date, "T00:00"),
        (r"(?i)\bmidi\b", AnchorKind::Date, "T12:00"),
        (r"(?i)\btrois\s+quarts\b", AnchorKind::Number, "75%"),
        (r"(?i)\bdemi-million\b", AnchorKind::Number, "500000"),
        (r"(?i)\bla\s+moiti[ée]\b", AnchorKind::Number, "50%"),
        (
            r"(?i)\bcette\s+(?:même\s+)?année\b|\bla\s+même\s+année\b|\bl'année\s+(?:suivante|précédente|dernière|en\s+cours)\b|\bl'an\s+dernier\b|\b(?:au\s+cours\s+de|dans|pendant)\s+l'année\b",
            AnchorKind::Number,
            YEAR_DEIXIS,
        ),
        (
            r"(?i)\bdécenn(?:al|ale|aux|ales)\b|\bdécennie\b",
            AnchorKind::Number,
            "10",
        ),
        (
            r"(?i)\bquinquenn(?:al|ale|aux|ales)\b",
            AnchorKind::Number,
            "5",
        ),
        (
            r"(?i)\btrienn(?:al|ale|aux|ales)\b",
            AnchorKind::Number,
            "3",
        ),
    ],
    // Russian.
    &[
        (
            r"(?i)\bполноч[ьи]\b|\bполуночи\b",
            AnchorKind::Date,
            "T00:00",
        ),
        (r"(?i)\bполдень\b|\bполудня\b", AnchorKind::Date, "T12:00"),
        (r"(?i)\bтри\s+четверти\b", AnchorKind::Number, "75%"),
        (r"(?i)\bполмиллиона\b", AnchorKind::Number, "500000"),
        (r"(?i)\bполовин[аыуе]\b", AnchorKind::Number, "50%"),
        (
            r"(?i)\b(?:в\s+)?(?:этом|том\s+же|текущем|прошлом|следующем|отчетном)\s+году\b|\b(?:этого|того\s+же|текущего|прошлого|следующего)\s+года\b|\bв\s+течение\s+года\b",
            AnchorKind::Number,
            YEAR_DEIXIS,
        ),
    ],
    // Spanish.
    &[
        (r"(?i)\bmedianoche\b", AnchorKind::Date, "T00:00"),
        (r"(?i)\bmediod[ií]a\b", AnchorKind::Date, "T12:00"),
        (
            r"(?i)\btres\s+cuartas\s+partes\b|\btres\s+cuartos\b",
            AnchorKind::Number,
            "75%",
        ),
        (r"(?i)\bmedio\s+millón\b", AnchorKind::Number, "500000"),
        (r"(?i)\bla\s+mitad\b", AnchorKind::Number, "50%"),
        (
            r"(?i)\b(?:este|ese|aquel)\s+(?:mismo\s+)?año\b|\bel\s+mismo\s+año\b|\bel\s+año\s+(?:siguiente|anterior|pasado|en\s+curso)\b|\b(?:durante|en\s+el\s+curso\s+d)el\s+año\b",
            AnchorKind::Number,
            YEAR_DEIXIS,
        ),
        (
            r"(?i)\bdecenal(?:es)?\b|\bdecenio\b",
            AnchorKind::Number,
            "10",
        ),
        (r"(?i)\bquinquenal(?:es)?\b", AnchorKind::Number, "5"),
        (r"(?i)\btrienal(?:es)?\b", AnchorKind::Number, "3"),
    ],
];

/// One language's phrases, compiled on first use.
type LazyPhrases = LazyLock<Vec<Phrase>, fn() -> Vec<Phrase>>;

/// The compiled phrases of each language, compiled the first time that language is scanned.
static PHRASES: [LazyPhrases; 6] = [
    LazyLock::new(|| compile(PATTERNS[0])),
    LazyLock::new(|| compile(PATTERNS[1])),
    LazyLock::new(|| compile(PATTERNS[2])),
    LazyLock::new(|| compile(PATTERNS[3])),
    LazyLock::new(|| compile(PATTERNS[4])),
    LazyLock::new(|| compile(PATTERNS[5])),
];

/// The phrases of one language's `patterns`, compiled.
fn compile(patterns: &[(&str, AnchorKind, &'static str)]) -> Vec<Phrase> {
    patterns
        .iter()
        .map(|&(pattern, kind, value)| Phrase {
            pattern: Regex::new(pattern)
                .unwrap_or_else(|e| panic!("phrase pattern {pattern}: {e}")),
            kind,
            value,
        })
        .collect()
}

/// The Arabic hours in words after `الساعة` (folded), 1 to 12: `العاشرة` is 10.
const ARABIC_HOURS: [&str; 12] = [
    "الواحده",
    "الثانيه",
    "الثالثه",
    "الرابعه",
    "الخامسه",
    "السادسه",
    "السابعه",
    "الثامنه",
    "التاسعه",
    "العاشره",
    "الحاديه",
    "الثانيه",
];

impl Scan<'_> {
    /// Values stated by fixed phrases, soft (see the module docs); after the figure and time
    /// passes, so that `12 noon` or `中午12时` stays one time, and before the number words, so
    /// that `three quarters` is one value.
    pub(super) fn phrases(&mut self) {
        let text = self.text;
        for phrase in PHRASES[lang_index(self.lang)].iter() {
            each_match(&phrase.pattern, text, |caps| {
                let Some(whole) = caps.get(0) else {
                    return false;
                };
                let value = match caps.name("h") {
                    Some(hour) => {
                        let eleven_or_twelve = whole.as_str().contains("عشره");
                        match arabic_hour(
                            hour.as_str(),
                            eleven_or_twelve,
                            caps.name("pm").is_some(),
                        ) {
                            Some(key) => key,
                            None => return false,
                        }
                    }
                    None => phrase.value.to_string(),
                };
                // Latin and Cyrillic phrases stand alone (`\b` sees the folded text's words), not
                // glued by a hyphen to the word before (`après-midi`).
                let alone = self.lang == Language::Ar
                    || (self.lang == Language::Zh && !after_chinese_numeral(text, whole.start()))
                    || (!is_letter_before(text, whole.start())
                        && !text[..whole.start()].ends_with('-')
                        && !is_letter_at(text, whole.end()));
                let ok = alone && self.is_free(whole.start(), whole.end());
                if ok {
                    self.add(phrase.kind, value, whole.start(), whole.end(), true);
                }
                ok
            });
        }
    }
}

/// Whether a Chinese numeral ends just before `i`: `十年` in `五十年` is part of fifty.
fn after_chinese_numeral(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(|c| "〇零一二两三四五六七八九十百千万亿第".contains(c))
}

/// The key of an Arabic hour in words (`العاشرة`, with `عشرة` for 11 and 12), in the evening
/// with `مساء`; `None` when the word is no hour.
fn arabic_hour(word: &str, teen: bool, evening: bool) -> Option<String> {
    let index = ARABIC_HOURS
        .iter()
        .enumerate()
        .filter(|&(i, _)| teen == (i >= 10))
        .find(|&(_, &w)| w == word)
        .map(|(i, _)| i)?;
    let hour = index as u32 + 1;
    let hour = if evening && hour < 12 {
        hour + 12
    } else {
        hour
    };
    Some(format!("T{hour:02}:00"))
}

#[cfg(test)]
mod tests {
    use crate::normalize::testing::*;

    #[test]
    fn times_in_words_absorb_the_clock_time() {
        all_agree(&[
            ("Bars are forbidden to stay open later than 10 p.m.", En),
            ("حظر فتح الحانات بعد الساعة العاشرة مساء.", Ar),
        ]);
        all_agree(&[
            ("as from 0000 hours (Kyiv time) on 15 February 2015", En),
            (
                "à partir du 15 février 2015 à minuit heure (heure de Kiev)",
                Fr,
            ),
            ("于2015年2月15日零时(基辅时间)起", Zh),
        ]);
        all_agree(&[
            ("between 1100 and 1200 hours", En),
            ("entre 11 heures et midi", Fr),
        ]);
        // The afternoon is no noon, and a clock time in words is no figure of its own.
        assert!(hard("dans l'après-midi", Fr).is_empty());
        assert!(keys("dans l'après-midi", Fr).is_empty());
        // A time stated differently is still reported.
        assert_eq!(
            diff(("at 11 p.m.", En), ("الساعة العاشرة مساء", Ar)),
            ["en:T23:00"]
        );
    }

    #[test]
    fn fractions_in_words_absorb_the_percentage() {
        all_agree(&[
            ("three quarters of the assets", En),
            ("el 75% de los activos", Es),
        ]);
        all_agree(&[
            ("more than 50 per cent of people living with HIV", En),
            ("plus de la moitié d'entre elles", Fr),
            ("más de la mitad no saben", Es),
        ]);
        assert_eq!(
            diff(("más del 60% de ellos", Es), ("more than half of them", En)),
            ["es:60%"]
        );
        all_agree(&[
            ("medical assistance to 500,000 persons", En),
            ("وقرابة النصف مليون من المساعدات الطبية", Ar),
            ("une aide médicale à un demi-million de personnes", Fr),
            ("asistencia médica a medio millón de personas", Es),
            ("медицинская помощь полмиллиона человек", Ru),
        ]);
        assert_eq!(
            diff(("to 600,000 persons", En), ("إلى النصف مليون", Ar)),
            ["en:600000"]
        );
    }

    #[test]
    fn period_adjectives_absorb_the_figure() {
        all_agree(&[
            ("the 10-year strategic plan", En),
            ("du plan-cadre stratégique décennal", Fr),
            ("del marco y plan estratégico decenal", Es),
            ("十年期战略计划", Zh),
        ]);
        // `十年` inside a larger numeral is that numeral.
        assert_eq!(keys("已满五十年", Zh), ["50"]);
        assert_eq!(keys("与二十年前一样有效", Zh), ["20"]);
    }

    #[test]
    fn a_year_named_by_deixis_stands_for_the_year_written_out() {
        differ(&[
            (
                (
                    "France ratified the Protocols in the same year and the United Kingdom in 1997.",
                    En,
                ),
                (
                    "La France les a ratifiés en 1996 et le Royaume-Uni en 1997.",
                    Fr,
                ),
                &[],
            ),
            (
                ("This year marks the seventieth anniversary", En),
                ("2015年是联合国成立70周年。", Zh),
                &[],
            ),
            (
                ("launched in October this year.", En),
                ("En octubre de 2014 se puso en marcha", Es),
                &[],
            ),
            // Only one year, and not where the other version writes a year of its own.
            (
                ("in the same year", En),
                ("en 1996 et en 1997", Fr),
                &["fr:1997"],
            ),
            (
                ("in 1995 and in the same year", En),
                ("en 1996", Fr),
                &["en:1995", "fr:1996"],
            ),
        ]);
    }
}

//! The regexes that differ by language (times, dates, magnitude and per cent suffixes, centuries,
//! firm contexts, days in words) and the month names they are built from.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::locale::MONTH_NAMES;
use crate::model::Language;
use crate::script::{is_arabic, is_cyrillic, is_latin};

use super::fold::fold_str;

/// The regexes that differ by language.
pub(super) struct Rules {
    /// Clock times; groups `h`/`mi` (with suffixes 2–4 for alternatives), `ap`, Arabic `a`/`sep`/`b`/`pm`.
    pub(super) time: Regex,
    /// Dates; groups `d1 m1 y1` (range start), `d m y`, US style `um ud uy`, month-year `mm my`.
    pub(super) date: Regex,
    /// Anchored at the end of a figure: magnitude word `mag`, per cent `pct`.
    pub(super) suffix: Regex,
    /// Roman-numeral centuries, group `r`.
    pub(super) century: Option<Regex>,
    /// Context after a spelled number that makes it firm.
    pub(super) firm_after: Option<Regex>,
    /// Context before a spelled number that makes it firm (Arabic puts the noun first).
    pub(super) firm_before: Option<Regex>,
    /// A month (group `m`) and year (`y`) after a day written in words: `седьмого июля`.
    pub(super) spelled_date: Option<Regex>,
}

/// Each language's rules, compiled the first time that language is scanned: a run on English
/// text never pays for the Arabic patterns.
static RULES: [LazyLock<Rules, fn() -> Rules>; 6] = [
    LazyLock::new(|| Rules::new(Language::Ar)),
    LazyLock::new(|| Rules::new(Language::Zh)),
    LazyLock::new(|| Rules::new(Language::En)),
    LazyLock::new(|| Rules::new(Language::Fr)),
    LazyLock::new(|| Rules::new(Language::Ru)),
    LazyLock::new(|| Rules::new(Language::Es)),
];

/// The rules of `lang`.
pub(super) fn rules(lang: Language) -> &'static Rules {
    &RULES[lang_index(lang)]
}

/// The slot of `lang` in the per-language tables ([`RULES`], the lexicons).
pub(super) fn lang_index(lang: Language) -> usize {
    match lang {
        Language::Ar => 0,
        Language::Zh => 1,
        Language::En => 2,
        Language::Fr => 3,
        Language::Ru => 4,
        Language::Es => 5,
    }
}

/// Month names keyed by their folded lower-case form, plus the Russian prepositional case.
pub(super) static MONTHS: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    let mut map: HashMap<String, u32> =
        MONTH_NAMES.iter().map(|&(n, m)| (fold_str(n), m)).collect();
    for (i, name) in RU_MONTHS_PREPOSITIONAL
        .iter()
        .chain(&AR_MAGHREB_MONTHS)
        .enumerate()
    {
        map.insert(fold_str(name), i as u32 % 12 + 1);
    }
    map
});

/// Month names of Maghreb Arabic (`دجنبر` = December), used in Moroccan texts.
const AR_MAGHREB_MONTHS: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
];

/// Russian month names in the prepositional case (`в апреле`).
const RU_MONTHS_PREPOSITIONAL: [&str; 12] = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];

/// A regex alternation of the month names written in `script`.
fn month_alternation(script: fn(char) -> bool) -> String {
    let mut names: Vec<&String> = MONTHS
        .keys()
        .filter(|n| n.chars().filter(|c| c.is_alphabetic()).all(script))
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

impl Rules {
    /// Compiles the rules of `lang`.
    fn new(lang: Language) -> Rules {
        let compile =
            |pattern: &str| Regex::new(pattern).unwrap_or_else(|e| panic!("{lang} rule: {e}"));
        let months = MonthNames::new();
        let firm_before = (lang == Language::Ar).then_some(
            r"(?:الدوره|دورتها|دورته|دوره|دورتيها|دورتيه|الدورتين|الذكري\s+السنويه|ذكراها\s+السنويه|الذكري|القرن)(?:\s+(?:الاستثنائيه|العاديه|الخاصه|المستانفه))?\s*\z",
        );
        Rules {
            time: compile(&time_pattern(lang)),
            date: compile(&date_pattern(lang, &months)),
            suffix: compile(suffix_pattern(lang)),
            century: century_pattern(lang).map(compile),
            firm_after: firm_after_pattern(lang).map(compile),
            firm_before: firm_before.map(compile),
            spelled_date: spelled_date_pattern(lang, &months).as_deref().map(compile),
        }
    }
}

/// Regex alternations of the month names by script; the Arabic one allows a double name
/// (`نيسان/أبريل`).
struct MonthNames {
    /// Latin-script names.
    latin: String,
    /// Cyrillic names.
    cyrillic: String,
    /// Arabic names, single or double.
    arabic: String,
}

impl MonthNames {
    /// The month names of [`MONTHS`] as alternations.
    fn new() -> Self {
        let names = month_alternation(is_arabic);
        MonthNames {
            latin: month_alternation(is_latin),
            cyrillic: month_alternation(is_cyrillic),
            arabic: format!(r"(?:{names})(?:\s*/\s*(?:{names}))?"),
        }
    }
}

/// The clock-time pattern of `lang`.
fn time_pattern(lang: Language) -> String {
    let hm = r"(?P<h3>[0-9]{1,2}):(?P<mi3>[0-9]{2})|(?P<h7>[01][0-9]|2[0-3])(?P<mi7>[0-5][0-9])Z";
    match lang {
        Language::En => format!(
            r"(?i)(?P<h>[0-9]{{1,2}})(?:[.:](?P<mi>[0-9]{{2}}))?\s*(?P<ap>a\.\s?m\.?|p\.\s?m\.?|am|pm|noon|midnight)|(?P<h4>[01][0-9]|2[0-3])(?P<mi4>[0-5][0-9])\s*(?:Z|hours|hrs)|at\s+(?P<h5>[01][0-9]|2[0-3])(?P<mi5>[0-5][0-9])|(?:between|from)\s+(?P<h6>[01][0-9]|2[0-3])(?P<mi6>[0-5][0-9])\s+(?:and|to)\s+(?P<h8>[01][0-9]|2[0-3])(?P<mi8>[0-5][0-9])\s*(?:hours|hrs)|{hm}"
        ),
        Language::Fr => format!(
            r"(?i)(?:à|a|de|vers|entre|et|dès|après|avant)\s+(?P<h>[0-9]{{1,2}})\s*(?:heures?|h)(?:\s*(?P<mi>[0-9]{{1,2}}))?|(?P<h2>[0-9]{{1,2}})\s*h\s*(?P<mi2>[0-9]{{1,2}})|{hm}"
        ),
        Language::Es => format!(
            r"(?i)(?P<h>[0-9]{{1,2}})[.:](?P<mi>[0-9]{{2}})\s*(?:horas|h)|(?:a|de|hasta|entre|y)\s+las\s+(?P<h2>[0-9]{{1,2}})(?:[.:](?P<mi2>[0-9]{{2}})(?:\s*horas)?|\s*horas)|{hm}"
        ),
        Language::Ru => format!(
            r"(?i)(?P<h>[0-9]{{1,2}})\s*ч(?:ас)?\.?(?:\s*(?P<mi>[0-9]{{1,2}})\s*м(?:ин)?\.?)?|в\s+(?P<h2>[0-9]{{1,2}})[.](?P<mi2>[0-9]{{2}})|(?:после|до|в|с|к|около)\s+(?P<h4>[0-9]{{1,2}})\s+час(?:а|ов)|{hm}"
        ),
        Language::Ar => r"الساعه\s*(?P<a>[0-9]{1,2})(?:\s*(?P<sep>[:/.])\s*(?P<b>[0-9]{1,2}))?(?:\s+(?P<pm>مساء|بعد\s+الظهر|ظهرا)|\s+صباحا)?|(?P<a2>[0-9]{1,2}):(?P<b2>[0-9]{2})".to_string(),
        Language::Zh => format!(
            r"(?P<p>上午|下午|中午|晚上|早上|凌晨)?\s*(?P<h>[0-9]{{1,2}})\s*(?P<u>[时点])(?:\s*(?P<mi>[0-9]{{1,2}})\s*分|(?P<after>[期间代候]))?|{hm}"
        ),
    }
}

/// The date pattern of `lang`, with its month names.
fn date_pattern(lang: Language, months: &MonthNames) -> String {
    let MonthNames {
        latin,
        cyrillic,
        arabic,
    } = months;
    let day = r"[0-9]{1,2}";
    let year = r"[0-9]{4}";
    match lang {
        Language::En => format!(
            r"(?i)(?:(?P<d1>{day})(?:st|nd|rd|th)?(?:\s+(?P<m1>{latin}))?(?:,?\s+(?P<y1>{year}))?(?:\s*-{{1,2}}\s*|\s+(?:to|and|through|until)\s+))?(?P<d>{day})(?:st|nd|rd|th)?\s+(?P<m>{latin})(?:,?\s+(?P<y>{year}))?|(?:(?P<mm0>{latin})\s*(?:-|/|\s(?:to|and)\s)\s*)?(?P<mm>{latin}),?\s+(?P<my>{year})|(?P<um>{latin})\s+(?P<ud>{day})(?:st|nd|rd|th)?(?:,\s*(?P<uy>{year}))?"
        ),
        Language::Es => format!(
            r"(?i)(?:(?P<d1>{day})(?:º|°|o)?(?:\s+de\s+(?P<m1>{latin}))?(?:\s+de\s+(?P<y1>{year}))?(?:\s*-{{1,2}}\s*|\s+(?:a|al|y|y\s+el|hasta\s+el)\s+))?(?P<d>{day})(?:º|°)?\s+(?:de\s+)?(?P<m>{latin})(?:\s+(?:de\s+|del\s+)?(?P<y>{year}))?|(?:(?P<mm0>{latin})\s*(?:-|/|\s(?:a|y)(?:\s+en)?\s)\s*)?(?P<mm>{latin})\s+(?:de|del)\s+(?P<my>{year})"
        ),
        Language::Fr => format!(
            r"(?i)(?:(?P<d1>{day})(?:er)?(?:\s+(?P<m1>{latin}))?(?:\s+(?P<y1>{year}))?(?:\s*-{{1,2}}\s*|\s+(?:au|et|à|et\s+le|au\s+le)\s+))?(?P<d>{day})(?:er)?\s+(?P<m>{latin})(?:\s+(?P<y>{year}))?|(?:(?P<mm0>{latin})\s*(?:-|/|\s(?:à|et)(?:\s+en)?\s)\s*)?(?P<mm>{latin})\s+(?P<my>{year})"
        ),
        Language::Ru => format!(
            r"(?i)(?:(?P<d1>{day})(?:\s+(?P<m1>{cyrillic}))?(?:\s+(?P<y1>{year})(?:\s*(?:года|г\.))?)?(?:\s*-{{1,2}}\s*|\s+(?:по|и|до)\s+))?(?P<d>{day})\s+(?P<m>{cyrillic})(?:\s+(?P<y>{year}))?(?:\s*(?:года|г\.))?|(?:(?P<mm0>{cyrillic})\s*(?:-|/|\s(?:и|по)(?:\s+в)?\s)\s*)?(?P<mm>{cyrillic})\s+(?P<my>{year})(?:\s*(?:года|г\.))?"
        ),
        Language::Ar => format!(
            r"(?:(?P<d1>{day})(?:\s*(?P<m1>{arabic}))?(?:\s+(?P<y1>{year}))?(?:\s*-{{1,2}}\s*|\s+(?:الي|حتي)\s+|\s+و\s*))?(?P<d>{day})\s*(?P<m>{arabic})(?:\s+(?:عام\s+)?(?P<y>{year}))?|(?:(?P<mm0>{arabic})\s*(?:-|\s(?:الي|و)\s*)\s*)?(?P<mm>{arabic})\s+(?:عام\s+)?(?P<my>{year})"
        ),
        // Chinese dates have their own pass; this never matches.
        Language::Zh => r"[^\s\S]".to_string(),
    }
}

/// The magnitude and per cent suffix pattern of `lang`, anchored at the end of a figure.
fn suffix_pattern(lang: Language) -> &'static str {
    match lang {
        Language::En => {
            r"(?i)\A(?:\s*(?P<mag>million|billion|trillion|thousand))?(?:\s*(?P<pct>%|per\s*cent|percent|percentage\s+points?))?"
        }
        Language::Fr => {
            r"(?i)\A(?:\s*(?P<mag>millions?|milliards?))?(?:\s*(?P<pct>%|pour\s+cent|points?\s+de\s+pourcentage))?"
        }
        Language::Es => {
            r"(?i)\A(?:\s*(?P<mag>mil\s+millones|millones|millón|millon|billones|billón|mil))?(?:\s*(?P<pct>%|por\s+ciento|puntos?\s+porcentuales?))?"
        }
        Language::Ru => {
            r"(?i)\A(?:\s*(?P<mag>млн\.?|млрд\.?|трлн\.?|тыс\.?|миллион[а-я]*|миллиард[а-я]*|тысяч[а-я]*))?(?:\s*(?P<pct>%|процент[а-я]*|процентн[а-я]*\s+пункт[а-я]*))?"
        }
        Language::Ar => {
            r"\A(?:\s*(?P<mag>مليون|ملايين|مليارات|مليار|بليون|بلايين|الاف|الف|تريليون))?(?:\s*(?P<pct>%|(?:في\s+|بال)(?:المائه|المئه)|نقاط\s+مئويه|نقطه\s+مئويه))?"
        }
        Language::Zh => r"\A(?:\s*(?:多|余)?(?P<mag>万亿|亿|千万|万))?(?:\s*(?P<pct>%|个百分点))?",
    }
}

/// The pattern of Roman-numeral centuries (and ordinals before a name) of `lang`, if it has one.
fn century_pattern(lang: Language) -> Option<&'static str> {
    match lang {
        Language::Es => Some(r"(?i:siglo)\s+(?P<r>[IVXL]{1,6})|(?P<o>[IVXL]{2,7})\s+\p{Lu}"),
        Language::Fr => {
            Some(r"(?P<r>[IVXL]{1,6})(?:e|ème)\s+(?i:siècle)|(?P<o>[IVXL]{2,7})(?:e|ème)?\s+\p{Lu}")
        }
        Language::Ru => {
            Some(r"(?P<r>[IVXL]{1,6})\s+(?i:веком|века|веке|век)|(?P<o>[IVXL]{2,7})\s+\p{Lu}")
        }
        Language::En => Some(r"(?P<r>[IVXL]{1,6})\s+(?i:century)"),
        _ => None,
    }
}

/// The context after a spelled number that makes it firm in `lang`, if any.
fn firm_after_pattern(lang: Language) -> Option<&'static str> {
    match lang {
        Language::En => Some(
            r"(?i)\A\s+(?:(?:regular|special|emergency\s+special|resumed|substantive|annual|ordinary|organizational)\s+)?(?:session|anniversary|century)\b",
        ),
        Language::Es => {
            Some(r"(?i)\A\s+(?:per[ií]odo\s+(?:extraordinario\s+)?de\s+sesiones|aniversario)\b")
        }
        Language::Fr => Some(r"(?i)\A\s+(?:session|anniversaire|siècle)\b"),
        Language::Ru => Some(
            r"(?i)\A\s+(?:(?:специальн|очередн|возобновленн)[а-я]*\s+)?(?:сесси|годовщин|век[аеу]?\b)",
        ),
        _ => None,
    }
}

/// The month and year after a day written in words in `lang`, if it writes days so.
fn spelled_date_pattern(lang: Language, months: &MonthNames) -> Option<String> {
    let MonthNames {
        latin,
        cyrillic,
        arabic,
    } = months;
    let year = r"[0-9]{4}";
    match lang {
        Language::Ru => Some(format!(r"(?i)\A\s+(?P<m>{cyrillic})(?:\s+(?P<y>{year}))?")),
        Language::Ar => Some(format!(r"\A\s+من\s+(?P<m>{arabic})(?:\s+(?P<y>{year}))?")),
        Language::Fr => Some(format!(r"(?i)\A\s+(?P<m>{latin})(?:\s+(?P<y>{year}))?")),
        Language::Es => Some(format!(
            r"(?i)\A\s+de\s+(?P<m>{latin})(?:\s+de\s+(?P<y>{year}))?"
        )),
        _ => None,
    }
}

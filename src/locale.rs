//! Per-language tables in one place: month names, language names, masthead words and the
//! letters and ordinals used for headings and sub-paragraphs in the six UN languages.
//!
//! Every table here was read off real UN documents (see `../shared/UN-CONVENTIONS.md`); code
//! elsewhere asks these tables instead of carrying its own word lists.

use crate::model::Language;

/// Month names (lower case) and the month number they stand for, for every language that
/// spells months out. Arabic UN text writes both the Levantine and the Egyptian name
/// (`نيسان/أبريل`); either half is listed. Russian is listed in the genitive (dates) and the
/// nominative.
pub const MONTH_NAMES: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Russian, genitive then nominative
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("май", 5),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
    // Arabic, Levantine names
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
    // Arabic, Egyptian (transliterated) names
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيه", 6),
    ("يونيو", 6),
    ("يوليه", 7),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
];

/// The month number of a month name in any of the six languages (case-insensitive).
pub fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim().to_lowercase();
    MONTH_NAMES
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|&(_, m)| m)
}

/// How each language names each language in an `Original:` line, lower case.
pub const LANGUAGE_NAMES: &[(&str, Language)] = &[
    // English
    ("arabic", Language::Ar),
    ("chinese", Language::Zh),
    ("english", Language::En),
    ("french", Language::Fr),
    ("russian", Language::Ru),
    ("spanish", Language::Es),
    // Spanish
    ("árabe", Language::Ar),
    ("arabe", Language::Ar),
    ("chino", Language::Zh),
    ("inglés", Language::En),
    ("ingles", Language::En),
    ("francés", Language::Fr),
    ("frances", Language::Fr),
    ("ruso", Language::Ru),
    ("español", Language::Es),
    ("espanol", Language::Es),
    // French ("arabe" is shared with Spanish)
    ("chinois", Language::Zh),
    ("anglais", Language::En),
    ("français", Language::Fr),
    ("francais", Language::Fr),
    ("russe", Language::Ru),
    ("espagnol", Language::Es),
    // Russian
    ("арабский", Language::Ar),
    ("китайский", Language::Zh),
    ("английский", Language::En),
    ("французский", Language::Fr),
    ("русский", Language::Ru),
    ("испанский", Language::Es),
    // Arabic
    ("العربية", Language::Ar),
    ("الصينية", Language::Zh),
    ("الإنكليزية", Language::En),
    ("الإنجليزية", Language::En),
    ("الانكليزية", Language::En),
    ("الانجليزية", Language::En),
    ("الفرنسية", Language::Fr),
    ("الروسية", Language::Ru),
    ("الإسبانية", Language::Es),
    ("الاسبانية", Language::Es),
    // Chinese
    ("阿拉伯文", Language::Ar),
    ("阿拉伯语", Language::Ar),
    ("中文", Language::Zh),
    ("英文", Language::En),
    ("英语", Language::En),
    ("法文", Language::Fr),
    ("法语", Language::Fr),
    ("俄文", Language::Ru),
    ("俄语", Language::Ru),
    ("西班牙文", Language::Es),
    ("西班牙语", Language::Es),
];

/// The language a language name (in any of the six languages) stands for.
pub fn language_named(name: &str) -> Option<Language> {
    let lower = name.trim().to_lowercase();
    LANGUAGE_NAMES
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|&(_, l)| l)
}

/// Names of the Organization and its principal organs as they appear in mastheads and running
/// heads, lower case.
/// A UN document symbol: an upper-case series of up to twelve letters (with an optional number,
/// `CN.15`) and one or more slash-separated parts, each of letters and digits joined by dots or
/// hyphens, the last one possibly with a parenthesised part: `A/RES/70/1`,
/// `E/CN.15/2011/L.3/Rev.1`, `A/C.3/56/L.12`, `S/RES/1373 (2001)` up to the space. Cyrillic
/// letters are allowed where Russian text writes the series in Cyrillic.
pub const UN_SYMBOL: &str = r"[A-ZА-Я][A-Za-zА-Яа-я]{0,11}(?:\.[0-9]{1,3})?(?:/[A-Za-zА-Яа-я0-9]+(?:[.\-][A-Za-zА-Яа-я0-9]+)*(?:\([A-Za-z0-9.\-]+\))?)+";

pub const ORGAN_NAMES: &[&str] = &[
    "united nations",
    "general assembly",
    "security council",
    "economic and social council",
    "trusteeship council",
    "naciones unidas",
    "asamblea general",
    "consejo de seguridad",
    "consejo económico y social",
    "nations unies",
    "assemblée générale",
    "conseil de sécurité",
    "conseil économique et social",
    "организация объединенных наций",
    "объединенные нации",
    "генеральная ассамблея",
    "совет безопасности",
    "экономический и социальный совет",
    "الأمم المتحدة",
    "الجمعية العامة",
    "مجلس الأمن",
    "المجلس الاقتصادي والاجتماعي",
    "联合国",
    "大会",
    "安全理事会",
    "经济及社会理事会",
];

/// Arabic sub-paragraph letters in abjad order, as used by the UN: `(أ)` = a, `(ب)` = b, …
pub const ARABIC_LETTERS: &[&str] = &[
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
    "ر", "ش", "ت", "ث", "خ", "ذ", "ض",
];

/// Arabic ordinal words used for chapter headings (`ثالثا -` = III), with their value.
pub const ARABIC_ORDINALS: &[(&str, u32)] = &[
    ("أولا", 1),
    ("اولا", 1),
    ("ثانيا", 2),
    ("ثالثا", 3),
    ("رابعا", 4),
    ("خامسا", 5),
    ("سادسا", 6),
    ("سابعا", 7),
    ("ثامنا", 8),
    ("تاسعا", 9),
    ("عاشرا", 10),
    ("حادي عشر", 11),
    ("ثاني عشر", 12),
    ("ثالث عشر", 13),
    ("رابع عشر", 14),
    ("خامس عشر", 15),
];

/// Arabic names of the Latin letters used for section headings (`دال -` = D).
pub const ARABIC_LETTER_NAMES: &[(&str, char)] = &[
    ("ألف", 'A'),
    ("باء", 'B'),
    ("جيم", 'C'),
    ("دال", 'D'),
    ("هاء", 'E'),
    ("واو", 'F'),
    ("زاي", 'G'),
    ("حاء", 'H'),
    ("طاء", 'I'),
    ("ياء", 'J'),
    ("كاف", 'K'),
    ("لام", 'L'),
    ("ميم", 'M'),
    ("نون", 'N'),
];

/// Cyrillic letters that Russian UN text uses in place of their Latin look-alikes in lettered
/// lists (`а)`, `с)`, `е)`), mapped to the Latin letter.
pub const CYRILLIC_LOOKALIKES: &[(char, char)] = &[
    ('а', 'a'),
    ('в', 'b'),
    ('с', 'c'),
    ('е', 'e'),
    ('һ', 'h'),
    ('і', 'i'),
    ('ј', 'j'),
    ('к', 'k'),
    ('м', 'm'),
    ('о', 'o'),
    ('р', 'p'),
    ('х', 'x'),
    ('у', 'y'),
];

/// Words that introduce an article heading (`Article 1`, `第一条` is handled separately).
pub const ARTICLE_WORDS: &[&str] = &["article", "artículo", "articulo", "статья", "المادة"];

/// Words that introduce a chapter heading (`CHAPTER I`, `CAPÍTULO I`).
pub const CHAPTER_WORDS: &[&str] = &[
    "chapter",
    "capítulo",
    "capitulo",
    "chapitre",
    "глава",
    "الفصل",
];

/// Headings that open the preamble of a declaration (`Preamble`, `序言`).
pub const PREAMBLE_HEADINGS: &[&str] = &[
    "preamble",
    "preámbulo",
    "preambulo",
    "préambule",
    "преамбула",
    "الديباجة",
    "序言",
];

/// Word endings of the participles that open preambular paragraphs of resolutions
/// (`Recalling`, `Guided`; `Recordando`, `Reconociendo`; `Rappelant`).
const OPENER_ENDINGS: &[(Language, &[&str])] = &[
    (Language::En, &["ing", "ed"]),
    (Language::Es, &["ando", "endo", "iendo", "ada", "ado"]),
    (Language::Fr, &["ant", "ée", "é"]),
];

/// Other words that open preambular paragraphs (`Aware`, `Consciente`, `Également`).
const OPENER_WORDS: &[&str] = &[
    "also",
    "further",
    "aware",
    "mindful",
    "conscious",
    "deeply",
    "gravely",
    "bearing",
    "taking",
    "having",
    "welcoming",
    "noting",
    "recalling",
    "reaffirming",
    "recognizing",
    "stressing",
    "emphasizing",
    "underlining",
    "consciente",
    "convencida",
    "preocupada",
    "teniendo",
    "tomando",
    "también",
    "profundamente",
    "asimismo",
    "observando",
    "consciente",
    "convaincue",
    "préoccupée",
    "prenant",
    "ayant",
    "sachant",
    "également",
    "profondément",
    "rappelant",
    "notant",
];

/// Whether `word` (the first word of a line) typically opens a preambular paragraph in `lang`:
/// after a line ending in punctuation, such a word starts a new paragraph even if the line
/// before it looks full.
pub fn opens_paragraph(word: &str, lang: Language) -> bool {
    let lower = word
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    if lower.chars().count() < 4 || !word.starts_with(char::is_uppercase) {
        return false;
    }
    OPENER_WORDS.contains(&lower.as_str())
        || OPENER_ENDINGS
            .iter()
            .filter(|(l, _)| *l == lang)
            .flat_map(|(_, endings)| endings.iter())
            .any(|e| lower.ends_with(e))
}

/// Function words after which a wrapped line cannot end a paragraph (`… adopted by the`).
const FUNCTION_WORDS: &[(Language, &[&str])] = &[
    (
        Language::En,
        &[
            "the", "a", "an", "of", "to", "in", "on", "by", "for", "and", "or", "with", "at",
            "from", "as", "that", "its", "their", "his", "her", "which", "is", "are", "be", "has",
            "have", "this", "these", "those", "into", "between", "among", "under", "all", "any",
            "such",
        ],
    ),
    (
        Language::Fr,
        &[
            "le", "la", "les", "l'", "de", "des", "du", "d'", "et", "ou", "à", "au", "aux", "en",
            "par", "pour", "sur", "dans", "avec", "que", "qui", "un", "une", "ses", "son", "sa",
            "leur", "leurs", "ce", "cette", "ces", "entre", "sous",
        ],
    ),
    (
        Language::Es,
        &[
            "el", "la", "los", "las", "de", "del", "y", "e", "o", "a", "al", "en", "por", "para",
            "con", "que", "un", "una", "su", "sus", "se", "lo", "este", "esta", "estos", "estas",
            "entre", "sobre",
        ],
    ),
    (
        Language::Ru,
        &[
            "и",
            "в",
            "во",
            "на",
            "по",
            "с",
            "со",
            "о",
            "об",
            "к",
            "ко",
            "для",
            "от",
            "до",
            "из",
            "что",
            "а",
            "или",
            "при",
            "за",
            "под",
            "между",
            "его",
            "ее",
            "их",
            "этой",
            "этого",
        ],
    ),
];

/// The function words of `lang` (empty for the languages without a list).
pub fn function_words(lang: Language) -> &'static [&'static str] {
    FUNCTION_WORDS
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or(&[], |(_, words)| words)
}

/// Whether `word` is a function word of `lang` (case-insensitive, apostrophe-final forms
/// included): a line ending in one continues on the next line.
pub fn is_function_word(word: &str, lang: Language) -> bool {
    let lower;
    let word = if word.chars().any(char::is_uppercase) {
        lower = word.to_lowercase();
        lower.as_str()
    } else {
        word
    };
    FUNCTION_WORDS
        .iter()
        .filter(|(l, _)| *l == lang)
        .any(|(_, words)| words.contains(&word))
}

/// Day names, lower case, with their language (English, French, Spanish).
pub const DAY_NAMES: &[(&str, Language)] = &[
    ("monday", Language::En),
    ("tuesday", Language::En),
    ("wednesday", Language::En),
    ("thursday", Language::En),
    ("friday", Language::En),
    ("saturday", Language::En),
    ("sunday", Language::En),
    ("lundi", Language::Fr),
    ("mardi", Language::Fr),
    ("mercredi", Language::Fr),
    ("jeudi", Language::Fr),
    ("vendredi", Language::Fr),
    ("samedi", Language::Fr),
    ("dimanche", Language::Fr),
    ("lunes", Language::Es),
    ("martes", Language::Es),
    ("miércoles", Language::Es),
    ("jueves", Language::Es),
    ("viernes", Language::Es),
    ("sábado", Language::Es),
    ("domingo", Language::Es),
];

/// Counters, measure words and units that follow a number in Chinese (`2011年`, `3个`, `5%`,
/// `第20段`): digits right before one are a quantity, not a footnote marker. Footnote markers
/// (`parse::markers`) and sentence splitting (`segment::sentences`) each add a few of their own.
pub const CHINESE_COUNTERS: &str = "年月日时点分个名项次号条段届倍万亿千百人岁家国所种类份%％";

/// Whether `c` is one of the [`CHINESE_COUNTERS`].
pub fn is_chinese_counter(c: char) -> bool {
    CHINESE_COUNTERS.contains(c)
}

/// The value of a Chinese numeral written with the digits 〇零一二两三四五六七八九 and the units
/// 十百千万亿 (`二十一` = 21, `二〇一一` = 2011), or `None` if it is not one.
pub fn chinese_numeral_value(s: &str) -> Option<u64> {
    fn digit(c: char) -> Option<u64> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    }
    if s.is_empty() {
        return None;
    }
    // Digit-by-digit form (二〇一一) has no unit characters.
    if s.chars().all(|c| digit(c).is_some()) {
        return s
            .chars()
            .try_fold(0u64, |acc, c| acc.checked_mul(10)?.checked_add(digit(c)?));
    }
    let mut total: u64 = 0; // completed 亿 and 万 groups
    let mut section: u64 = 0; // below 万
    let mut pending: Option<u64> = None; // digit waiting for its unit
    for c in s.chars() {
        if let Some(d) = digit(c) {
            pending = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            '亿' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            section += pending.take().unwrap_or(0);
            let group = if section == 0 { 1 } else { section };
            total = total.checked_add(group.checked_mul(unit)?)?;
            section = 0;
        } else {
            // 十 alone at the start means 10.
            section += pending.take().unwrap_or(1) * unit;
        }
    }
    Some(total + section + pending.unwrap_or(0))
}

/// The value of a Roman numeral (`XIV` = 14), upper or lower case, up to 3999.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let value = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let digits: Vec<u32> = s.chars().map(value).collect::<Option<_>>()?;
    let mut result = 0i64;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&next| next > d) {
            result -= i64::from(d);
        } else {
            result += i64::from(d);
        }
    }
    let result = u32::try_from(result)
        .ok()
        .filter(|r| (1..4000).contains(r))?;
    // Only the canonical spelling counts: `IIII` and `IC` are not numerals.
    to_roman(result).eq_ignore_ascii_case(s).then_some(result)
}

/// A number written in upper-case Roman numerals.
pub fn to_roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for &(v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Map Arabic-Indic (U+0660–0669), extended Arabic-Indic (U+06F0–06F9) and full-width digits to
/// ASCII; other characters are returned unchanged.
pub fn ascii_digit(c: char) -> char {
    match c {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
        _ => c,
    }
}

/// Whether a lower-case word is a function word of `lang` (a small list per language).
pub fn is_stopword(word: &str, lang: Language) -> bool {
    let list: &[&str] = match lang {
        Language::En => EN_STOPWORDS,
        Language::Fr => FR_STOPWORDS,
        Language::Es => ES_STOPWORDS,
        Language::Ru => RU_STOPWORDS,
        Language::Zh => ZH_STOPWORDS,
        Language::Ar => AR_STOPWORDS,
    };
    list.contains(&word)
}

/// English function words (see [`is_stopword`]).
const EN_STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "let",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "s",
    "t",
    "d",
    "ll",
    "m",
    "re",
    "ve",
    "don",
    "didn",
    "doesn",
    "isn",
    "wasn",
    "won",
    "wouldn",
    "couldn",
    "shouldn",
    "hadn",
    "hasn",
    "haven",
    "aren",
    "weren",
    "ain",
    "o",
    "oh",
    "mr",
    "mrs",
    "ms",
    "per",
    "via",
    "within",
    "without",
    "onto",
    "among",
    "amongst",
    "around",
    "along",
    "across",
    "behind",
    "beyond",
    "towards",
    "toward",
];

/// French function words (see [`is_stopword`]).
const FR_STOPWORDS: &[&str] = &[
    "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "elles",
    "en", "et", "eux", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "ma", "mais",
    "me", "même", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on", "ou", "par", "pas",
    "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sur", "ta", "te", "tes", "toi", "ton",
    "tu", "un", "une", "vos", "votre", "vous", "c", "d", "j", "l", "m", "n", "s", "t", "y", "est",
    "sont", "été", "être", "a", "ont", "aussi", "ainsi",
];

/// Spanish function words (see [`is_stopword`]).
const ES_STOPWORDS: &[&str] = &[
    "a", "al", "como", "con", "de", "del", "e", "el", "ella", "ellas", "ellos", "en", "entre",
    "es", "esa", "esas", "ese", "eso", "esos", "esta", "estas", "este", "esto", "estos", "la",
    "las", "le", "les", "lo", "los", "me", "mi", "mis", "no", "nos", "o", "para", "pero", "por",
    "que", "se", "si", "sin", "sobre", "su", "sus", "también", "te", "u", "un", "una", "unas",
    "uno", "unos", "y", "ya", "son", "ha", "han", "ser",
];

/// Russian function words (see [`is_stopword`]).
const RU_STOPWORDS: &[&str] = &[
    "а",
    "в",
    "во",
    "все",
    "всех",
    "вы",
    "да",
    "для",
    "до",
    "его",
    "ее",
    "её",
    "если",
    "же",
    "за",
    "и",
    "из",
    "или",
    "им",
    "их",
    "к",
    "как",
    "ко",
    "которые",
    "который",
    "ли",
    "мы",
    "на",
    "не",
    "него",
    "нее",
    "ни",
    "но",
    "о",
    "об",
    "он",
    "она",
    "они",
    "оно",
    "от",
    "по",
    "при",
    "с",
    "со",
    "так",
    "также",
    "то",
    "у",
    "уже",
    "что",
    "это",
    "этот",
    "эти",
    "я",
    "был",
    "была",
    "были",
    "быть",
];

/// Arabic function words (see [`is_stopword`]).
const AR_STOPWORDS: &[&str] = &[
    "في",
    "من",
    "على",
    "إلى",
    "عن",
    "مع",
    "أن",
    "إن",
    "التي",
    "الذي",
    "الذين",
    "و",
    "أو",
    "ثم",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "قد",
    "لا",
    "ما",
    "كان",
    "كانت",
    "هو",
    "هي",
    "هم",
];

/// Chinese function words (see [`is_stopword`]).
const ZH_STOPWORDS: &[&str] = &[
    "的", "了", "着", "过", "是", "在", "和", "与", "及", "也", "都", "就", "又", "还", "而", "之",
    "其", "把", "被", "将", "给", "让", "对", "向", "从", "于", "以", "为", "所", "这", "那",
    "这个", "那个", "这些", "那些", "这样", "那样", "这么", "那么", "我", "你", "您", "他", "她",
    "它", "我们", "你们", "他们", "她们", "它们", "咱们", "自己", "一个", "个", "有", "没", "没有",
    "不", "很", "地", "得", "吗", "呢", "吧", "啊", "呀", "么", "嘛", "哦", "哪", "什么", "怎么",
    "便", "并", "却", "但", "但是", "可", "可是", "如果", "因为", "所以", "虽然", "只", "才", "再",
    "已", "已经", "曾", "正", "会", "要", "能", "可以", "该", "等", "等等", "上", "下", "中", "里",
    "来", "去", "一", "些", "一些", "之后", "以后", "时", "时候",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_six_languages() {
        assert_eq!(month_number("April"), Some(4));
        assert_eq!(month_number("abril"), Some(4));
        assert_eq!(month_number("avril"), Some(4));
        assert_eq!(month_number("апреля"), Some(4));
        assert_eq!(month_number("نيسان"), Some(4));
        assert_eq!(month_number("أبريل"), Some(4));
        assert_eq!(month_number("Brumaire"), None);
    }

    #[test]
    fn language_names_in_six_languages() {
        assert_eq!(language_named("Spanish"), Some(Language::Es));
        assert_eq!(language_named("español"), Some(Language::Es));
        assert_eq!(language_named("ANGLAIS"), Some(Language::En));
        assert_eq!(language_named("西班牙文"), Some(Language::Es));
        assert_eq!(language_named("الإنكليزية"), Some(Language::En));
        assert_eq!(language_named("английский"), Some(Language::En));
    }

    #[test]
    fn paragraph_openers() {
        assert!(opens_paragraph("Underlining", Language::En));
        assert!(opens_paragraph("Guided", Language::En));
        assert!(opens_paragraph("Recordando", Language::Es));
        assert!(opens_paragraph("Rappelant", Language::Fr));
        assert!(!opens_paragraph("Mexico,", Language::En));
        assert!(!opens_paragraph("recalling", Language::En));
    }

    #[test]
    fn function_words() {
        assert!(is_function_word("the", Language::En));
        assert!(is_function_word("Des", Language::Fr));
        assert!(!is_function_word("pénale", Language::Fr));
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_numeral_value("二十一"), Some(21));
        assert_eq!(chinese_numeral_value("十"), Some(10));
        assert_eq!(chinese_numeral_value("十二"), Some(12));
        assert_eq!(chinese_numeral_value("一百零五"), Some(105));
        assert_eq!(chinese_numeral_value("二〇一一"), Some(2011));
        assert_eq!(chinese_numeral_value("二百五十万"), Some(2_500_000));
        assert_eq!(chinese_numeral_value("第"), None);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman_value("III"), Some(3));
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("ABC"), None);
        assert_eq!(to_roman(1999), "MCMXCIX");
    }

    #[test]
    fn arabic_indic_digits() {
        let s: String = "٢٤ ۳ ２".chars().map(ascii_digit).collect();
        assert_eq!(s, "24 3 2");
    }
}

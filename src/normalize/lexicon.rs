//! The number words of each language (cardinals, ordinals, scales), folded and lower case, built
//! the first time a language is scanned.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::Language;

use super::fold::fold_str;

/// What a number word contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Adds its value (`seven`, `seventy`, `doscientos`).
    Value(u64),
    /// Multiplies what precedes by a hundred (`two hundred`, `deux cents`).
    Hundred,
    /// Multiplies what precedes by 10^n; `alone` if it may stand without a number (`mil`, `mille`).
    Scale { exponent: u32, alone: bool },
}

/// A language's number words, built on first use.
type NumberWords = LazyLock<HashMap<String, Role>, fn() -> HashMap<String, Role>>;

/// Each language's number words, built on first use of that language.
pub(super) static LEXICONS: [NumberWords; 6] = [
    LazyLock::new(|| lexicon(Language::Ar)),
    LazyLock::new(|| lexicon(Language::Zh)),
    LazyLock::new(|| lexicon(Language::En)),
    LazyLock::new(|| lexicon(Language::Fr)),
    LazyLock::new(|| lexicon(Language::Ru)),
    LazyLock::new(|| lexicon(Language::Es)),
];

/// The number words of a language, folded and lower case.
fn lexicon(lang: Language) -> HashMap<String, Role> {
    let mut map = HashMap::new();
    let mut put = |words: &str, role: Role| {
        for w in words.split_whitespace() {
            map.insert(fold_str(w), role);
        }
    };
    let values = |put: &mut dyn FnMut(&str, Role), table: &[(&str, u64)]| {
        for &(words, v) in table {
            put(words, Role::Value(v));
        }
    };
    let scale = |exponent, alone| Role::Scale { exponent, alone };
    match lang {
        Language::En => {
            values(&mut put, EN_WORDS);
            put("hundred", Role::Hundred);
            put("thousand", scale(3, true));
            put("million", scale(6, false));
            put("billion", scale(9, false));
            put("trillion", scale(12, false));
        }
        Language::Fr => {
            values(&mut put, FR_WORDS);
            put("cent cents", Role::Hundred);
            put("mille", scale(3, true));
            put("million millions", scale(6, false));
            put("milliard milliards", scale(9, false));
        }
        Language::Es => {
            values(&mut put, ES_WORDS);
            for &(stem, v) in ES_ORDINALS {
                for ending in ["o", "a", "os", "as"] {
                    put(&format!("{stem}{ending}"), Role::Value(v));
                    put(&strip_accents(&format!("{stem}{ending}")), Role::Value(v));
                }
            }
            put("mil", scale(3, true));
            put("millón millon millones", scale(6, false));
            put("billón billon billones", scale(12, false));
        }
        Language::Ru => {
            values(&mut put, RU_WORDS);
            for &(stem, v) in RU_ORDINAL_STEMS {
                let endings: &[&str] = if stem == "трет" {
                    &[
                        "ий", "ья", "ье", "ьи", "ьего", "ьей", "ьему", "ьим", "ьем", "ью", "ьих",
                        "ьими",
                    ]
                } else {
                    &[
                        "ый", "ой", "ий", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых",
                        "ыми",
                    ]
                };
                for ending in endings {
                    put(&format!("{stem}{ending}"), Role::Value(v));
                }
            }
            for &(stem, v) in RU_CARDINAL_STEMS {
                for ending in ["ь", "и", "ью"] {
                    put(&format!("{stem}{ending}"), Role::Value(v));
                }
            }
            for ending in ["а", "и", "у", "ей", "ью", "ам", "ами", "ах", ""] {
                put(&format!("тысяч{ending}"), scale(3, false));
            }
            for ending in ["", "а", "ов", "ам", "ами", "ах", "е", "ом"] {
                put(&format!("миллион{ending}"), scale(6, false));
                put(&format!("миллиард{ending}"), scale(9, false));
            }
        }
        Language::Ar => {
            values(&mut put, AR_WORDS);
            put("ألف", scale(3, true));
            put("آلاف", scale(3, false));
            put("مليون", scale(6, true));
            put("ملايين", scale(6, false));
            // `مليونَي ين`: two million.
            put("مليوني مليونين مليونان", Role::Value(2_000_000));
            put("مليار مليارات بليون بلايين", scale(9, false));
        }
        Language::Zh => {}
    }
    map
}

/// `s` without the acute accents of Spanish vowels, as the words are often written in capitals.
fn strip_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' => 'u',
            _ => c,
        })
        .collect()
}

/// English cardinals and ordinals.
const EN_WORDS: &[(&str, u64)] = &[
    ("one first", 1),
    ("two second", 2),
    ("three third", 3),
    ("four fourth", 4),
    ("five fifth", 5),
    ("six sixth", 6),
    ("seven seventh", 7),
    ("eight eighth", 8),
    ("nine ninth", 9),
    ("ten tenth", 10),
    ("eleven eleventh", 11),
    ("twelve twelfth dozen", 12),
    ("thirteen thirteenth", 13),
    ("fourteen fourteenth", 14),
    ("fifteen fifteenth", 15),
    ("sixteen sixteenth", 16),
    ("seventeen seventeenth", 17),
    ("eighteen eighteenth", 18),
    ("nineteen nineteenth", 19),
    ("twenty twentieth", 20),
    ("thirty thirtieth", 30),
    ("forty fortieth", 40),
    ("fifty fiftieth", 50),
    ("sixty sixtieth", 60),
    ("seventy seventieth", 70),
    ("eighty eightieth", 80),
    ("ninety ninetieth", 90),
    ("hundredth", 100),
];

/// French cardinals, ordinals and approximate counts (`dizaine`).
const FR_WORDS: &[(&str, u64)] = &[
    ("un une premier première premiers premières unième", 1),
    ("deux deuxième deuxièmes second seconde", 2),
    ("trois troisième troisièmes", 3),
    ("quatre quatrième quatrièmes", 4),
    ("cinq cinquième cinquièmes", 5),
    ("six sixième sixièmes", 6),
    ("sept septième septièmes", 7),
    ("huit huitième huitièmes", 8),
    ("neuf neuvième neuvièmes", 9),
    ("dix dixième dixièmes", 10),
    ("onze onzième", 11),
    ("douze douzième", 12),
    ("treize treizième", 13),
    ("quatorze quatorzième", 14),
    ("quinze quinzième", 15),
    ("seize seizième", 16),
    ("dizaine", 10),
    ("douzaine", 12),
    ("quinzaine", 15),
    ("vingtaine", 20),
    ("trentaine", 30),
    ("quarantaine", 40),
    ("cinquantaine", 50),
    ("soixantaine", 60),
    ("centaine", 100),
    ("millier", 1000),
    ("vingt vingts vingtième", 20),
    ("trente trentième", 30),
    ("quarante quarantième", 40),
    ("cinquante cinquantième", 50),
    ("soixante soixantième", 60),
    ("centième", 100),
];

/// Spanish cardinals and approximate counts (`decena`); ordinals are in [`ES_ORDINALS`].
const ES_WORDS: &[(&str, u64)] = &[
    ("un una uno primer", 1),
    ("tercer", 3),
    ("dos", 2),
    ("tres", 3),
    ("cuatro", 4),
    ("cinco", 5),
    ("seis", 6),
    ("siete", 7),
    ("ocho", 8),
    ("nueve", 9),
    ("diez", 10),
    ("once", 11),
    ("doce", 12),
    ("trece", 13),
    ("catorce", 14),
    ("quince", 15),
    ("dieciséis dieciseis", 16),
    ("diecisiete", 17),
    ("dieciocho", 18),
    ("diecinueve", 19),
    ("veinte", 20),
    ("veintiuno veintiún veintiun veintiuna", 21),
    ("veintidós veintidos", 22),
    ("veintitrés veintitres", 23),
    ("veinticuatro", 24),
    ("veinticinco", 25),
    ("veintiséis veintiseis", 26),
    ("veintisiete", 27),
    ("veintiocho", 28),
    ("veintinueve", 29),
    ("treinta", 30),
    ("cuarenta", 40),
    ("cincuenta", 50),
    ("sesenta", 60),
    ("setenta", 70),
    ("ochenta", 80),
    ("noventa", 90),
    ("cien ciento", 100),
    ("doscientos doscientas", 200),
    ("trescientos trescientas", 300),
    ("cuatrocientos cuatrocientas", 400),
    ("quinientos quinientas", 500),
    ("seiscientos seiscientas", 600),
    ("setecientos setecientas", 700),
    ("ochocientos ochocientas", 800),
    ("novecientos novecientas", 900),
    ("decena", 10),
    ("docena", 12),
    ("quincena", 15),
    ("veintena", 20),
    ("treintena", 30),
    ("cuarentena", 40),
    ("centenar", 100),
    ("millar", 1000),
];

/// Spanish ordinal stems; `-o -a -os -as` are added.
const ES_ORDINALS: &[(&str, u64)] = &[
    ("primer", 1),
    ("segund", 2),
    ("tercer", 3),
    ("cuart", 4),
    ("quint", 5),
    ("sext", 6),
    ("séptim", 7),
    ("octav", 8),
    ("noven", 9),
    ("décim", 10),
    ("undécim", 11),
    ("duodécim", 12),
    ("vigésim", 20),
    ("trigésim", 30),
    ("cuadragésim", 40),
    ("quincuagésim", 50),
    ("sexagésim", 60),
    ("septuagésim", 70),
    ("octogésim", 80),
    ("nonagésim", 90),
    ("centésim", 100),
];

/// Russian ordinal stems; adjective endings are added.
const RU_ORDINAL_STEMS: &[(&str, u64)] = &[
    ("перв", 1),
    ("втор", 2),
    ("трет", 3),
    ("четверт", 4),
    ("пят", 5),
    ("шест", 6),
    ("седьм", 7),
    ("восьм", 8),
    ("девят", 9),
    ("десят", 10),
    ("одиннадцат", 11),
    ("двенадцат", 12),
    ("тринадцат", 13),
    ("четырнадцат", 14),
    ("пятнадцат", 15),
    ("шестнадцат", 16),
    ("семнадцат", 17),
    ("восемнадцат", 18),
    ("девятнадцат", 19),
    ("двадцат", 20),
    ("тридцат", 30),
    ("сороков", 40),
    ("пятидесят", 50),
    ("шестидесят", 60),
    ("семидесят", 70),
    ("восьмидесят", 80),
    ("девяност", 90),
    ("сот", 100),
];

/// Russian cardinal stems declined with `-ь -и -ью`.
const RU_CARDINAL_STEMS: &[(&str, u64)] = &[
    ("пят", 5),
    ("шест", 6),
    ("девят", 9),
    ("десят", 10),
    ("одиннадцат", 11),
    ("двенадцат", 12),
    ("тринадцат", 13),
    ("четырнадцат", 14),
    ("пятнадцат", 15),
    ("шестнадцат", 16),
    ("семнадцат", 17),
    ("восемнадцат", 18),
    ("девятнадцат", 19),
    ("двадцат", 20),
    ("тридцат", 30),
];

/// Russian cardinals in their cases, and collective numerals (`двое`).
const RU_WORDS: &[(&str, u64)] = &[
    ("один одна одно одного одной одному одним одном одну", 1),
    ("два две двух двум двумя двое двоих", 2),
    ("три трех трем тремя трое троих", 3),
    ("четыре четырех четырем четырьмя четверо", 4),
    ("пятеро", 5),
    ("шестеро", 6),
    ("семеро", 7),
    ("семь семи", 7),
    ("восемь восьми восемью", 8),
    ("сорок сорока", 40),
    ("пятьдесят пятидесяти", 50),
    ("шестьдесят шестидесяти", 60),
    ("семьдесят семидесяти", 70),
    ("восемьдесят восьмидесяти", 80),
    ("девяносто девяноста", 90),
    ("сто ста сотня сотни", 100),
    ("десяток десятка десятки", 10),
    ("дюжина дюжины", 12),
    ("двести двухсот", 200),
    ("триста трехсот", 300),
    ("четыреста четырехсот", 400),
    ("пятьсот пятисот", 500),
    ("шестьсот шестисот", 600),
    ("семьсот семисот", 700),
    ("восемьсот восьмисот", 800),
    ("девятьсот девятисот", 900),
];

/// Arabic cardinals and ordinals, masculine and feminine (`ة` is folded to `ه`).
const AR_WORDS: &[(&str, u64)] = &[
    ("واحد واحدة أحد إحدى أول أولى الأولى", 1),
    (
        "اثنان اثنين اثنتان اثنتين اثنا اثنتا اثني اثنتي ثان ثاني ثانية",
        2,
    ),
    ("ثلاث ثلاثة ثالث ثالثة", 3),
    ("أربع أربعة رابع رابعة", 4),
    ("خمس خمسة خامس خامسة", 5),
    ("ست ستة سادس سادسة", 6),
    ("سبع سبعة سابع سابعة", 7),
    ("ثمان ثماني ثمانية ثامن ثامنة", 8),
    ("تسع تسعة تاسع تاسعة", 9),
    ("عشر عشرة عاشر عاشرة", 10),
    ("حادي حادية", 1),
    // Duals of time words say "two" without a number word.
    (
        "عامين عامان سنتين سنتان شهرين شهران يومين يومان أسبوعين مرتين ساعتين",
        2,
    ),
    ("عشرون عشرين", 20),
    ("ثلاثون ثلاثين", 30),
    ("أربعون أربعين", 40),
    ("خمسون خمسين", 50),
    ("ستون ستين", 60),
    ("سبعون سبعين", 70),
    ("ثمانون ثمانين", 80),
    ("تسعون تسعين", 90),
    ("مائة مئة", 100),
    ("مائتان مائتين مئتان مئتين", 200),
];

/// Stems of Russian compound adjectives (`десятилетнего`) and the number they stand for.
pub(super) const RUSSIAN_COMPOUND_STEMS: &[(&str, u64)] = &[
    ("двух", 2),
    ("трех", 3),
    ("четырех", 4),
    ("пяти", 5),
    ("шести", 6),
    ("семи", 7),
    ("восьми", 8),
    ("девяти", 9),
    ("десяти", 10),
    ("двадцати", 20),
    ("тридцати", 30),
    ("пятидесяти", 50),
    ("ста", 100),
];

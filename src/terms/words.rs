//! Words as terminology compares them, in all six languages: text cut into words and breaks
//! (punctuation, numbers), each word folded (lower case, Arabic diacritics and alef forms, `ё`)
//! and reduced to a key — its Snowball stem in en/fr/es/ru, without the clitics ال، و، ب، ل، ف، ك
//! in Arabic, the jieba word itself in Chinese — so that `Member States` matches `member State`
//! and `والممتلكات` matches `الممتلكات`. Shared by term extraction and the glossary check.

use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};

use crate::locale::is_stopword;
use crate::model::Language;
use crate::script::is_han;
use crate::segment::words::spans as chinese_spans;

/// One piece of a text: a word (its byte range) or a break that no term spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    /// A word: letters (and digits) with inner hyphens, or one jieba word.
    Word(Range<usize>),
    /// Punctuation, a number, a bracket: terms do not run across it.
    Break,
}

/// Characters that join two word characters into one word (`capacity-building`).
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Characters that separate words without breaking a term (`l'Assemblée`, `Council's`).
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '\u{00AD}')
}

/// Characters that belong to a word: letters, digits and the Arabic marks and tatweel.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Cut `text` (in `language`) into words and breaks: jieba words for Chinese, runs of word
/// characters elsewhere. A word without letters (a number) is a break.
pub(crate) fn pieces(text: &str, language: Language) -> Vec<Piece> {
    if language == Language::Zh {
        return chinese_pieces(text);
    }
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    let push = |out: &mut Vec<Piece>, range: Range<usize>| {
        if text[range.clone()].chars().any(char::is_alphabetic) {
            out.push(Piece::Word(range));
        } else if out.last() != Some(&Piece::Break) {
            out.push(Piece::Break);
        }
    };
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        let next_is_word = chars.peek().is_some_and(|&(_, n)| is_word_char(n));
        if is_joiner(c) && start.is_some() && next_is_word {
            continue;
        }
        if let Some(s) = start.take() {
            push(&mut out, s..i);
        }
        if !is_separator(c) && out.last() != Some(&Piece::Break) {
            out.push(Piece::Break);
        }
    }
    if let Some(s) = start {
        push(&mut out, s..text.len());
    }
    out
}

/// Whether a Chinese word is a numeral (`第六十九`, `三`) rather than a word.
fn is_chinese_numeral(word: &str) -> bool {
    word.chars()
        .all(|c| "〇零一二两三四五六七八九十百千万亿第".contains(c))
}

/// Chinese text as jieba words; numerals, digits and punctuation are breaks.
fn chinese_pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    for range in chinese_spans(text) {
        let word = &text[range.clone()];
        let is_word = if word.chars().any(is_han) {
            !is_chinese_numeral(word) && word.chars().all(|c| is_han(c) || c.is_alphabetic())
        } else {
            word.chars().any(char::is_alphabetic) && word.chars().all(is_word_char)
        };
        if is_word {
            out.push(Piece::Word(range));
        } else if out.last() != Some(&Piece::Break) {
            out.push(Piece::Break);
        }
    }
    out
}

/// Where a word may stand in a term candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Boundary {
    /// Anywhere: a content word.
    Free,
    /// Last of two or more words, never alone or first: a Chinese one-character word
    /// (`方` of `利益攸关/方`, `国` of `…/国`).
    Last,
    /// Only inside: a function word or a generic one (`of` in `Office of the High
    /// Commissioner`).
    Inside,
}

/// Folds and keys the words of one language.
pub(crate) struct Keyer {
    language: Language,
    stemmer: Option<Stemmer>,
}

impl Keyer {
    /// The keyer of `language`.
    pub(crate) fn new(language: Language) -> Keyer {
        let algorithm = match language {
            Language::Fr => Some(Algorithm::French),
            Language::Es => Some(Algorithm::Spanish),
            Language::Ru => Some(Algorithm::Russian),
            Language::En | Language::Ar | Language::Zh => None,
        };
        Keyer {
            language,
            stemmer: algorithm.map(Stemmer::create),
        }
    }

    /// The word in lower case, with Arabic diacritics and tatweel dropped, alef forms and `ى`
    /// unified, `ё` written `е`.
    pub(crate) fn fold(&self, word: &str) -> String {
        let mut out = String::with_capacity(word.len());
        for c in word.chars().flat_map(char::to_lowercase) {
            match c {
                '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
                'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
                'ى' => out.push('ي'),
                'ё' => out.push('е'),
                _ => out.push(c),
            }
        }
        out
    }

    /// The key of a folded word: its stem (each part of a hyphenated word stemmed, Russian
    /// stems without a final vowel, so that `Ассамблея` and `Ассамблеи` meet), its Arabic form
    /// without clitics, a Chinese word (or a Latin word inside Chinese text) as it is.
    pub(crate) fn key(&self, folded: &str) -> String {
        if folded.contains(is_joiner) && self.language != Language::Zh {
            return folded
                .split(is_joiner)
                .map(|part| self.key(part))
                .collect::<Vec<_>>()
                .join("-");
        }
        match (&self.stemmer, self.language) {
            (Some(stemmer), Language::Ru) => {
                let stem = stemmer.stem(folded);
                let trimmed =
                    stem.trim_end_matches(['а', 'е', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'й', 'ь']);
                if trimmed.chars().count() >= 3 {
                    trimmed
                } else {
                    &stem
                }
                .to_string()
            }
            (Some(stemmer), _) => stemmer.stem(folded).into_owned(),
            (None, Language::En) => english_singular(folded).into_owned(),
            (None, Language::Ar) => strip_arabic_clitics(folded).to_string(),
            (None, _) => folded.to_string(),
        }
    }

    /// Where a folded word may stand in a term: a function word, a word of one letter or one
    /// of the generic words of [`boundary_words`] only inside; a Chinese one-character word
    /// last; any other word anywhere.
    pub(crate) fn boundary(&self, folded: &str) -> Boundary {
        let lang = self.language;
        let function_word = is_stopword(folded, lang)
            || boundary_words(lang).contains(&folded)
            || (lang == Language::Ar
                && folded
                    .strip_prefix(['و', 'ف', 'ب', 'ك', 'ل'])
                    .is_some_and(|rest| boundary_words(lang).contains(&rest)));
        let single = folded.chars().nth(1).is_none();
        if function_word || (single && !folded.chars().all(is_han)) {
            Boundary::Inside
        } else if single {
            Boundary::Last
        } else {
            Boundary::Free
        }
    }
}

/// An English word without its plural ending (`States` → `state`, `policies` → `policy`,
/// `processes` → `process`). English is reduced by inflection only: the Snowball stemmer
/// also strips derivational endings and makes one key of `international` and `internal`,
/// `nations` and `national`.
fn english_singular(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let long = word.chars().count() > 3;
    if !long {
        return Cow::Borrowed(word);
    }
    if let Some(stem) = word
        .strip_suffix("ies")
        .filter(|s| !s.ends_with(['a', 'e']))
    {
        return Cow::Owned(format!("{stem}y"));
    }
    if ["sses", "xes", "ches", "shes", "zes"]
        .iter()
        .any(|end| word.ends_with(end))
    {
        return Cow::Borrowed(&word[..word.len() - 2]);
    }
    match word.strip_suffix('s') {
        Some(stem) if !stem.ends_with(['s', 'u', 'i']) => Cow::Borrowed(stem),
        _ => Cow::Borrowed(word),
    }
}

/// The Arabic clitics stripped from the front of a word: the article ال and the one-letter
/// conjunctions and prepositions و، ف، ب، ك، ل. They are stripped as long as three letters
/// remain, so that a word keys the same with any of them in front (`والممتلكات`, `بالممتلكات`,
/// `الممتلكات` → `ممتلكات`); a word that merely begins with one of those letters loses it too,
/// consistently everywhere.
pub(crate) fn strip_arabic_clitics(word: &str) -> &str {
    let mut w = word;
    loop {
        let letters = w.chars().count();
        if let Some(rest) = w.strip_prefix("ال").filter(|_| letters >= 5) {
            w = rest;
        } else if let Some(rest) = w
            .strip_prefix(['و', 'ف', 'ب', 'ك', 'ل'])
            .filter(|_| letters >= 4)
        {
            w = rest;
        } else {
            return w;
        }
    }
}

/// Generic words that begin or end no term (on top of the function words of
/// [`is_stopword`]), per language: connectives, vague quantifiers and reporting verbs.
pub(crate) fn boundary_words(language: Language) -> &'static [&'static str] {
    match language {
        Language::En => &[
            "including",
            "regarding",
            "concerning",
            "according",
            "particular",
            "particularly",
            "especially",
            "however",
            "therefore",
            "furthermore",
            "moreover",
            "inter",
            "alia",
            "etc",
            "well",
            "many",
            "several",
            "various",
            "certain",
            "new",
            "said",
            "also",
            "one",
            "two",
            "three",
            "first",
            "second",
            "third",
            "can",
            "within",
            "like",
            "whose",
            "since",
            "would",
            "shall",
            "made",
            "make",
            "take",
            "taken",
            "given",
            "use",
            "used",
            "based",
            "related",
            "relevant",
            "further",
            "need",
            "needs",
            "important",
            "ensure",
            "already",
            "still",
            "well-being",
        ],
        Language::Fr => &[
            "contre",
            "dont",
            "où",
            "tout",
            "tous",
            "toute",
            "toutes",
            "autre",
            "autres",
            "plus",
            "très",
            "ainsi",
            "notamment",
            "entre",
            "sans",
            "sous",
            "vers",
            "chez",
            "selon",
            "afin",
            "comme",
            "lors",
            "cela",
            "ceci",
            "celle",
            "celui",
            "ceux",
            "elles",
            "leurs",
            "doit",
            "doivent",
            "peut",
            "peuvent",
            "fait",
            "faire",
            "était",
            "sera",
            "seront",
            "avoir",
            "ont",
            "être",
            "été",
            "également",
            "qu",
            "lorsqu",
            "puisqu",
            "jusqu",
            "aussi",
        ],
        Language::Es => &[
            "contra",
            "cual",
            "cuales",
            "donde",
            "cuando",
            "todo",
            "todos",
            "toda",
            "todas",
            "otro",
            "otros",
            "otra",
            "otras",
            "más",
            "muy",
            "así",
            "particular",
            "hasta",
            "desde",
            "hacia",
            "según",
            "durante",
            "mediante",
            "ante",
            "bajo",
            "fin",
            "debe",
            "deben",
            "puede",
            "pueden",
            "hacer",
            "está",
            "están",
            "será",
            "serán",
            "haber",
            "sido",
            "fue",
            "fueron",
            "había",
            "dicho",
            "dicha",
            "cada",
        ],
        Language::Ru => &[
            "этом",
            "этой",
            "этих",
            "этого",
            "эту",
            "того",
            "тем",
            "том",
            "той",
            "которых",
            "которая",
            "которое",
            "которой",
            "котором",
            "которым",
            "также",
            "более",
            "между",
            "после",
            "через",
            "можно",
            "может",
            "могут",
            "должны",
            "должен",
            "будет",
            "будут",
            "является",
            "являются",
            "был",
            "было",
            "свой",
            "своей",
            "своих",
            "свои",
            "своего",
            "всех",
            "всем",
            "всего",
            "весь",
            "вся",
            "всё",
            "однако",
            "кроме",
            "лишь",
            "еще",
            "ещё",
            "над",
            "под",
            "без",
            "перед",
            "чтобы",
            "чем",
            "где",
            "когда",
        ],
        Language::Ar => &[
            "في",
            "من",
            "الي",
            "علي",
            "عن",
            "مع",
            "ثم",
            "ما",
            "لا",
            "لم",
            "لن",
            "هو",
            "هي",
            "هم",
            "كان",
            "هذا",
            "هذه",
            "ذلك",
            "التي",
            "الذي",
            "اللذين",
            "اللتين",
            "الذين",
            "اللاتي",
            "كما",
            "بين",
            "عند",
            "حتى",
            "لدى",
            "غير",
            "كل",
            "بعض",
            "اي",
            "ان",
            "او",
            "قد",
            "لقد",
            "كانت",
            "يكون",
            "تكون",
            "ايضا",
            "وفقا",
            "بشان",
            "بما",
            "فيما",
            "فيها",
            "فيه",
            "منها",
            "منه",
            "عليها",
            "عليه",
            "اليها",
            "اليه",
            "خلال",
            "نحو",
            "وقد",
            "وان",
            "وهي",
            "وهو",
            "حيث",
            "اذا",
            "انه",
            "انها",
            "لها",
            "له",
        ],
        Language::Zh => &[
            "进行",
            "方面",
            "有关",
            "以及",
            "或",
            "及其",
            "此",
            "各",
            "每",
            "其他",
            "另外",
            "包括",
            "关于",
            "通过了",
            "由于",
            "根据",
            "按照",
            "对于",
            "因此",
            "同时",
            "并且",
            "而且",
            "此外",
            "作为",
            "已经",
            "应当",
            "应",
            "必须",
            "需要",
            "表示",
            "认为",
            "的话",
            "方式",
            "情况",
            "问题上",
            "之间",
            "以来",
            "以上",
            "以下",
            "期间",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, lang: Language) -> Vec<String> {
        pieces(text, lang)
            .into_iter()
            .map(|p| match p {
                Piece::Word(r) => text[r].to_string(),
                Piece::Break => "|".to_string(),
            })
            .collect()
    }

    #[test]
    fn words_keep_hyphens_and_split_elisions() {
        assert_eq!(
            words("l'Assemblée générale, capacity-building 2015", Language::Fr),
            ["l", "Assemblée", "générale", "|", "capacity-building", "|"]
        );
        assert_eq!(
            words("the Council's report (A/69/1)", Language::En),
            ["the", "Council", "s", "report", "|", "A", "|"]
        );
    }

    #[test]
    fn chinese_numerals_and_punctuation_break() {
        let cut = words("第六十九届会议，可持续发展", Language::Zh);
        assert!(cut.contains(&"可持续发展".to_string()), "{cut:?}");
        assert!(!cut.iter().any(|w| w.contains("六十九")), "{cut:?}");
    }

    #[test]
    fn keys_match_inflected_forms() {
        let en = Keyer::new(Language::En);
        let key = |w: &str| en.key(&en.fold(w));
        assert_eq!(key("States"), key("state"));
        assert_eq!(key("policies"), key("policy"));
        assert_eq!(key("processes"), key("process"));
        assert_eq!(key("status"), "status");
        assert_ne!(key("international"), key("internal"));
        let ru = Keyer::new(Language::Ru);
        let key = |w: &str| ru.key(&ru.fold(w));
        assert_eq!(key("устойчивого"), key("устойчивое"));
        assert_eq!(key("Ассамблеи"), key("Ассамблея"));
        assert_eq!(key("государствам-членам"), key("государства-члены"));
        let ar = Keyer::new(Language::Ar);
        let key = |w: &str| ar.key(&ar.fold(w));
        assert_eq!(key("والممتلكات"), key("الممتلكات"));
        assert_eq!(key("بالممتلكات"), key("ممتلكات"));
        assert_eq!(key("للتنمية"), key("التنمية"));
        assert_eq!(key("وحقوق"), key("حقوق"));
    }

    #[test]
    fn stop_words_bound_no_term() {
        let en = Keyer::new(Language::En);
        for word in ["the", "including", "a"] {
            assert_eq!(en.boundary(word), Boundary::Inside, "{word}");
        }
        assert_eq!(en.boundary("development"), Boundary::Free);
        let ar = Keyer::new(Language::Ar);
        assert_eq!(ar.boundary(&ar.fold("وفي")), Boundary::Inside);
        let zh = Keyer::new(Language::Zh);
        assert_eq!(zh.boundary("方"), Boundary::Last);
        assert_eq!(zh.boundary("的"), Boundary::Inside);
    }
}

//! Sentence segmentation of one paragraph of a UN document, in each of the six languages.
//!
//! A single left-to-right scanner looks at every character that can end a sentence (`.` `!` `?`,
//! `。！？`, `؟`, the last dot of an ellipsis) and decides from a small window around it whether a
//! sentence ends there:
//!
//! * what the mark belongs to: a decimal number or a UN symbol (`16.3`, `A/CONF.213/18`), an
//!   ellipsis (which ends a sentence only before a closing quote), an abbreviation of the
//!   language's rule table, an initial (`J. Smith`, but not `annex I.`), or a paragraph number
//!   or enumerator that opens the sentence or follows a clause mark (`12.`, `III.`, `A.`,
//!   `…; 2.`);
//! * what stays with the sentence after the mark: more marks (`?!`), closing quotes and brackets
//!   (`.”`, `。”`, `. »`) and a footnote marker (`Declaration.4`, `。8`, `.¹`);
//! * what comes next: a new sentence has to start like one (a capital, a number in a sentence-like
//!   context, an opening quote or bracket, a list label, or a letter of a script without case), so
//!   nothing is split before a lower-case continuation or at sub-paragraph letters
//!   (`(a) …; (b) …`).
//!
//! Semicolons (`;` `；` `؛`) never end a sentence: in the UN parallel corpus, where every line is
//! one sentence, 96 of 4,000 Chinese lines have `；` and 74 Arabic lines have `؛` inside the line,
//! where the English has `;` or `,` (`…Darfur; a certain violation…`); in list paragraphs they
//! separate sub-paragraph items, which belong to one sentence, and an item that ends the paragraph
//! ends it anyway.
//!
//! The scan is linear in the length of the text: each look-around is bounded by a constant or
//! ends at the first word after the mark.

use std::ops::Range;

use crate::locale::month_number;
use crate::model::Language;
use crate::script::is_han;

/// How one language marks the end of a sentence.
struct Rules {
    /// Characters that can end a sentence.
    terminals: &'static [char],
    /// Abbreviations after which a full stop never ends a sentence, written with their full stop.
    abbreviations: &'static [&'static str],
    /// Abbreviations whose full stop ends a sentence only when a capitalised word follows (`etc.`).
    final_abbreviations: &'static [&'static str],
    /// Conjunctions that may stand between a clause mark and a list label (`…; and 3.`).
    conjunctions: &'static [&'static str],
    /// Lower-case stems of words labelled with a capital letter (`annex I.`, `группа B.`): a single
    /// capital after them ends a sentence like any word, elsewhere it is an initial (`J. Smith`).
    label_words: &'static [&'static str],
    /// Whether the language is written without spaces: its marks end a sentence without a space
    /// after them, and a number right after a mark is a footnote marker unless a counter follows.
    ideographic: bool,
}

/// Abbreviations of UN document symbols, found in every language version (`A/66/100/Add. 1`).
const SYMBOL_ABBREVIATIONS: &[&str] = &[
    "Corr.", "Rev.", "Add.", "Suppl.", "Amend.", "Ser.", "Distr.", "Misc.",
];

/// English: titles, references (`para.`, `art.`, `p.`), Latin (`e.g.`, `i.e.`, `cf.`, `op. cit.`).
/// `etc.`, `a.m.`, company and country abbreviations can also close a sentence.
static ENGLISH: Rules = Rules {
    terminals: &['.', '!', '?', '…'],
    abbreviations: &[
        "Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "Prof.", "St.", "Sr.", "Gen.", "Col.", "Lt.",
        "Capt.", "Amb.", "Hon.", "Rt.", "H.E.", "No.", "Nos.", "para.", "paras.", "art.", "arts.",
        "vol.", "vols.", "chap.", "chaps.", "sect.", "p.", "pp.", "fig.", "e.g.", "i.e.", "cf.",
        "viz.", "al.", "op. cit.", "ibid.", "approx.", "v.", "vs.",
    ],
    final_abbreviations: &[
        "etc.", "a.m.", "p.m.", "A.M.", "P.M.", "Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "U.S.",
        "U.K.", "U.N.",
    ],
    conjunctions: &["and", "or"],
    label_words: &[
        "annex", "appendix", "chapter", "section", "part", "table", "figure", "schedule", "group",
        "category", "class", "column", "option", "type", "list", "phase", "plan", "level", "zone",
    ],
    ideographic: false,
};

/// French: `M.`, `MM.`, `Mme` (no full stop, listed for the rare `Mme.`), references
/// (`par.`, `al.`, `chap.`, `p. ex.`), Latin; `etc.` can close a sentence.
static FRENCH: Rules = Rules {
    terminals: &['.', '!', '?', '…'],
    abbreviations: &[
        "MM.", "Mme.", "Mmes.", "Mlle.", "Me.", "Dr.", "Pr.", "S. E.", "no.", "nos.", "par.",
        "art.", "al.", "vol.", "chap.", "sect.", "p.", "pp.", "fig.", "p. ex.", "c.-à-d.", "cf.",
        "op. cit.", "ibid.", "env.", "av.", "apr.", "J.-C.", "v.", "éd.",
    ],
    final_abbreviations: &["etc.", "S.A.", "Inc.", "Ltd."],
    conjunctions: &["et", "ou"],
    label_words: &[
        "annexe",
        "appendice",
        "chapitre",
        "section",
        "partie",
        "titre",
        "tableau",
        "figure",
        "groupe",
        "catégorie",
        "classe",
        "colonne",
        "option",
        "type",
        "liste",
        "phase",
        "plan",
        "niveau",
        "zone",
    ],
    ideographic: false,
};

/// Spanish: `Sr.`, `Sra.`, `Sres.`, references (`párr.`, `núm.`, `cap.`, `pág.`, `p. ej.`),
/// Latin; `etc.`, `EE.UU.` and company abbreviations can close a sentence.
static SPANISH: Rules = Rules {
    terminals: &['.', '!', '?', '…'],
    abbreviations: &[
        "Sr.", "Sra.", "Sres.", "Sras.", "Srta.", "Dr.", "Dra.", "Excmo.", "Excma.", "Ud.", "Uds.",
        "D.", "Da.", "párr.", "párrs.", "núm.", "núms.", "No.", "art.", "arts.", "cap.", "caps.",
        "vol.", "pág.", "págs.", "p.", "pp.", "p. ej.", "cf.", "op. cit.", "ibid.", "aprox.",
        "al.", "v.", "c.", "ed.",
    ],
    final_abbreviations: &["etc.", "EE.UU.", "S.A.", "Inc.", "Ltd."],
    conjunctions: &["y", "e", "o", "u"],
    label_words: &[
        "anexo",
        "apéndice",
        "capítulo",
        "sección",
        "parte",
        "título",
        "cuadro",
        "figura",
        "grupo",
        "categoría",
        "clase",
        "columna",
        "opción",
        "tipo",
        "lista",
        "fase",
        "plan",
        "nivel",
        "zona",
    ],
    ideographic: false,
};

/// Russian: dates (`г.`, `гг.`), references (`ст.`, `п.`, `пп.`, `см.`, `стр.`), `т.е.`, units
/// (`млн.`, `долл.`, `ч.`); `и т.д.`, `и т.п.`, `и др.` can close a sentence. `Г-н` has no full
/// stop.
static RUSSIAN: Rules = Rules {
    terminals: &['.', '!', '?', '…'],
    abbreviations: &[
        "г.",
        "гг.",
        "ст.",
        "п.",
        "пп.",
        "ч.",
        "см.",
        "стр.",
        "с.",
        "т.е.",
        "т. е.",
        "т.к.",
        "т. к.",
        "т.н.",
        "т. н.",
        "т.ч.",
        "т. ч.",
        "напр.",
        "р.",
        "руб.",
        "долл.",
        "тыс.",
        "млн.",
        "млрд.",
        "час.",
        "мин.",
        "гл.",
        "разд.",
        "прил.",
        "рис.",
        "табл.",
        "им.",
        "проф.",
        "акад.",
        "г-н.",
        "г-жа.",
        "No.",
    ],
    final_abbreviations: &["и т.д.", "и т. д.", "и т.п.", "и т. п.", "и др."],
    conjunctions: &["и", "или"],
    label_words: &[
        "приложени",
        "глав",
        "раздел",
        "част",
        "таблиц",
        "рисун",
        "групп",
        "категори",
        "класс",
        "вариант",
        "тип",
        "спис",
        "этап",
        "уровн",
        "зон",
    ],
    ideographic: false,
};

/// Arabic: `.` `!` `?` and `؟`, never `؛` (see the module notes); `ص.` (page); a single Arabic
/// letter before a full stop is an abbreviation. Enumerators are bracketed (`(أ)`) and never split.
static ARABIC: Rules = Rules {
    terminals: &['.', '!', '?', '؟', '…'],
    abbreviations: &["ص.", "ص ص.", "No.", "v."],
    final_abbreviations: &["S.A."],
    conjunctions: &[],
    label_words: &[],
    ideographic: false,
};

/// Chinese: `。！？` and `｡`, and after a Han character ASCII `!` `?` always and `.` `．` in
/// paragraphs written with ASCII punctuation (see [`Paragraph::han_full_stops`]); after Latin
/// text they follow the Latin rules. Never `；` (see the module notes). Closing quotes and brackets
/// `”’」』）》` stay with their sentence; an ellipsis ends one only before a closing quote (`……”`).
static CHINESE: Rules = Rules {
    terminals: &['。', '！', '？', '｡', '.', '．', '!', '?', '…'],
    abbreviations: &["No.", "para.", "p.", "pp.", "e.g.", "i.e.", "Mr.", "Ms."],
    final_abbreviations: &["etc."],
    conjunctions: &["及", "和", "或"],
    label_words: &[],
    ideographic: true,
};

/// The rule table of `lang`.
fn rules(lang: Language) -> &'static Rules {
    match lang {
        Language::Ar => &ARABIC,
        Language::Zh => &CHINESE,
        Language::En => &ENGLISH,
        Language::Fr => &FRENCH,
        Language::Ru => &RUSSIAN,
        Language::Es => &SPANISH,
    }
}

/// Byte ranges of the sentences of `text`, in order, each trimmed of surrounding white space;
/// together they cover every non-space character of `text`.
pub fn split(text: &str, lang: Language) -> Vec<Range<usize>> {
    let rules = rules(lang);
    let paragraph = Paragraph {
        text,
        rules,
        han_full_stops: rules.ideographic && !text.contains(['。', '，']),
    };
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    let mut quote_open = false;
    while let Some(c) = text[pos..].chars().next() {
        if rules.terminals.contains(&c) {
            if let Some(end) = paragraph.sentence_end(start, pos, c, quote_open) {
                push_trimmed(&mut sentences, text, start..end);
                start = end;
                pos = end;
                quote_open = false;
                continue;
            }
        }
        if c == '"' {
            quote_open = !quote_open;
        }
        pos += c.len_utf8();
    }
    push_trimmed(&mut sentences, text, start..text.len());
    sentences
}

/// The sentences of `text` as string slices (see [`split`]).
pub fn split_str(text: &str, lang: Language) -> Vec<&str> {
    split(text, lang)
        .into_iter()
        .map(|range| &text[range])
        .collect()
}

/// Adds `range` to `sentences`, trimmed of white space, unless nothing is left.
fn push_trimmed(sentences: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let piece = &text[range.clone()];
    let trimmed = piece.trim_start();
    let start = range.start + (piece.len() - trimmed.len());
    let end = start + trimmed.trim_end().len();
    if start < end {
        sentences.push(start..end);
    }
}

/// How an abbreviation before a full stop lets the sentence go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbreviation {
    /// Not an abbreviation: the full stop is an ordinary sentence end.
    None,
    /// The sentence goes on after it (`Mr.`, `para.`, `J.`).
    Never,
    /// The sentence ends only if a capitalised word follows (`etc.`).
    BeforeCapital,
}

/// Where a full stop or `…` stands in an ellipsis (`...`, `. . .`, `…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ellipsis {
    /// Not part of an ellipsis.
    Outside,
    /// Followed by more dots of the ellipsis.
    Inside,
    /// The last dot of an ellipsis.
    Last,
}

/// A paragraph being split, with the rules of its language.
struct Paragraph<'a> {
    /// The text of the paragraph.
    text: &'a str,
    /// The rules of its language.
    rules: &'static Rules,
    /// Whether a full stop (`.`, `．`) after a Han character ends a sentence: only in Chinese
    /// written with ASCII punctuation (no `。` or `，` in the paragraph). In UN text written with
    /// full-width punctuation it is a heading (`第五节．`) or conversion noise inside one sentence
    /// (`再遭.战祸`, 4 of 4,000 UN corpus lines, and no real sentence end there or in the other
    /// corpora).
    han_full_stops: bool,
}

impl Paragraph<'_> {
    /// Where the sentence ends if the mark `mark` at byte `pos` ends it (after closing quotes,
    /// brackets and a footnote marker), or `None` if the sentence that started at `start` goes on.
    /// `quote_open` tells whether the sentence has an odd number of `"`: with no space after the
    /// mark (`。"`) only that tells whether the `"` closes this sentence or opens the next.
    fn sentence_end(
        &self,
        start: usize,
        pos: usize,
        mark: char,
        quote_open: bool,
    ) -> Option<usize> {
        let (text, rules) = (self.text, self.rules);
        let before = &text[..pos];
        let prev = before.chars().next_back();
        let after_mark = pos + mark.len_utf8();
        let next = text[after_mark..].chars().next();
        let full_stop = matches!(mark, '.' | '．');
        let ellipsis = ellipsis_position(before, mark, &text[after_mark..]);
        let decimal = full_stop && prev.is_some_and(is_digit) && next.is_some_and(is_digit);
        let after_han = rules.ideographic && prev.is_some_and(|c| is_cjk(c) || c == '…');
        if ellipsis == Ellipsis::Inside
            || decimal
            || (full_stop && after_han && !self.han_full_stops)
        {
            return None;
        }
        let ideographic = is_ideographic_mark(mark) || after_han;
        let marks_end = skip_while(text, after_mark, |c| {
            matches!(c, '!' | '?' | '！' | '？' | '؟')
        });
        if ellipsis == Ellipsis::Last && !text[marks_end..].starts_with(is_closing_quote) {
            return None;
        }
        let closed = skip_closers(text, marks_end, ideographic, quote_open || !ideographic);
        let end = skip_footnote_marker(text, closed, ideographic);

        let rest = &text[end..];
        let Some(first) = rest.chars().next() else {
            return Some(end);
        };
        if !ideographic && !first.is_whitespace() {
            return None;
        }
        let following = rest.trim_start();
        if following.is_empty() {
            return Some(end);
        }
        if full_stop && ends_with_label(&text[start..after_mark], rules) {
            return None;
        }
        let abbreviation = if full_stop && !ideographic && ellipsis == Ellipsis::Outside {
            abbreviation_before(before, rules)
        } else {
            Abbreviation::None
        };
        let starts = match abbreviation {
            Abbreviation::Never => false,
            Abbreviation::BeforeCapital => {
                starts_capitalised(following)
                    || (following.starts_with(is_digit) && number_starts_sentence(following))
            }
            Abbreviation::None => starts_sentence(following, ideographic),
        };
        starts.then_some(end)
    }
}

/// Where `mark`, between `before` and `after`, stands in an ellipsis.
fn ellipsis_position(before: &str, mark: char, after: &str) -> Ellipsis {
    if !is_dot(mark) {
        Ellipsis::Outside
    } else if dot_near(after.chars()) {
        Ellipsis::Inside
    } else if mark == '…' || dot_near(before.chars().rev()) {
        Ellipsis::Last
    } else {
        Ellipsis::Outside
    }
}

/// Dots of an ellipsis: `.` and `…`.
fn is_dot(c: char) -> bool {
    matches!(c, '.' | '…')
}

/// Whether `chars` start with a dot, or a space and a dot.
fn dot_near(mut chars: impl Iterator<Item = char>) -> bool {
    match chars.next() {
        Some(' ') => chars.next().is_some_and(is_dot),
        c => c.is_some_and(is_dot),
    }
}

/// The byte position of the first character at or after `pos` that does not satisfy `skip`.
fn skip_while(text: &str, pos: usize, skip: impl Fn(char) -> bool) -> usize {
    text[pos..]
        .char_indices()
        .find(|&(_, c)| !skip(c))
        .map_or(text.len(), |(offset, _)| pos + offset)
}

/// Skips closing quotes and brackets after a sentence mark (`"` only if `straight_quote_closes`),
/// and closing quotes after a space: French guillemets (`. »`), and in ideographic text curly and
/// corner quotes (`。 ”`).
fn skip_closers(text: &str, pos: usize, ideographic: bool, straight_quote_closes: bool) -> usize {
    let mut end = pos;
    loop {
        end = skip_while(text, end, |c| {
            is_closing(c) && (c != '"' || straight_quote_closes)
        });
        let spaced = skip_while(text, end, char::is_whitespace);
        match text[spaced..].chars().next() {
            Some(c)
                if spaced > end
                    && (matches!(c, '»' | '›') || (ideographic && "”’」』".contains(c))) =>
            {
                end = spaced + c.len_utf8();
            }
            _ => return end,
        }
    }
}

/// Skips a footnote marker glued after a sentence mark: superscript digits or asterisks always, one
/// to three digits when what follows is not the rest of a number (`Declaration.4 The`, `。8委员会`,
/// but not `。2011年` or `。3 000名`).
fn skip_footnote_marker(text: &str, pos: usize, ideographic: bool) -> usize {
    let end = skip_while(text, pos, |c| {
        is_superscript_digit(c) || matches!(c, '*' | '†' | '‡')
    });
    if end > pos {
        return end;
    }
    let digits_end = skip_while(text, pos, |c| c.is_ascii_digit() || is_fullwidth_digit(c));
    let digits = text[pos..digits_end].chars().count();
    if digits == 0 || digits > 3 {
        return pos;
    }
    let after = &text[digits_end..];
    let Some(next) = after.chars().next() else {
        return digits_end;
    };
    let following = after.trim_start().chars().next();
    let is_marker = if next.is_whitespace() {
        following.is_none_or(|c| !(is_digit(c) || (ideographic && is_counter(c))))
    } else {
        ideographic && is_han(next) && !is_counter(next)
    };
    if is_marker { digits_end } else { pos }
}

/// Whether the sentence so far (ending with a full stop) ends with a paragraph number or
/// enumerator that opens it, or follows a clause mark, maybe with a conjunction between
/// (`…thereon; 2.`, `…; and 3.`) or a footnote marker after a semicolon (`…报告；6 2.`): such a
/// label belongs to what follows. Numbers after a clause mark have at most three digits, so that
/// `…, in 2016.` still ends a sentence.
fn ends_with_label(sentence: &str, rules: &Rules) -> bool {
    if opens_with_enumerator(sentence) {
        return true;
    }
    let body = &sentence[..sentence.len() - sentence.chars().next_back().map_or(0, char::len_utf8)];
    let label = trailing_run(body, 8, |c| c.is_alphanumeric() || c == '.');
    let short = label.split('.').all(|part| part.chars().count() <= 3);
    let before_label = &body[..body.len() - label.len()];
    let separated = before_label.ends_with(|c: char| c.is_whitespace() || "；：，".contains(c));
    let before_label = before_label.trim_end();
    let word = trailing_run(before_label, 3, char::is_alphabetic);
    let before_label = if rules.conjunctions.contains(&word) {
        before_label[..before_label.len() - word.len()].trim_end()
    } else {
        before_label
    };
    let marker = trailing_run(before_label, 3, |c| c.is_ascii_digit());
    let before_marker = &before_label[..before_label.len() - marker.len()];
    let after_clause = before_label.ends_with([';', ':', ',', '；', '：', '，', '؛', '،'])
        || (!marker.is_empty() && before_marker.ends_with([';', ':', '；', '：', '؛']));
    !label.is_empty()
        && separated
        && short
        && after_clause
        && opens_with_enumerator(&sentence[body.len() - label.len()..])
}

/// The run of characters satisfying `keep` that starts `text`, if it is at most `max` characters
/// long; otherwise the empty string.
fn leading_run(text: &str, max: usize, keep: impl Fn(char) -> bool) -> &str {
    let mut end = 0;
    for (count, (index, c)) in text.char_indices().enumerate() {
        if !keep(c) {
            break;
        }
        if count == max {
            return "";
        }
        end = index + c.len_utf8();
    }
    &text[..end]
}

/// The run of characters satisfying `keep` that ends `text`, if it is at most `max` characters
/// long; otherwise the empty string.
fn trailing_run(text: &str, max: usize, keep: impl Fn(char) -> bool) -> &str {
    let mut start = text.len();
    for (count, (index, c)) in text.char_indices().rev().enumerate() {
        if !keep(c) {
            break;
        }
        if count == max {
            return "";
        }
        start = index;
    }
    &text[start..]
}

/// Whether the sentence so far (ending with a full stop) is only a paragraph number or enumerator:
/// `12.`, `1.2.`, `III.`, `iv.`, `A.`, `三.`, `第五节．`.
fn opens_with_enumerator(sentence: &str) -> bool {
    let sentence = sentence.trim_start();
    if sentence.len() > 24 {
        return false;
    }
    let Some(body) = sentence.strip_suffix(['.', '．']) else {
        return false;
    };
    let mut chars = body.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let single_letter = chars.next().is_none() && first.is_alphabetic();
    let number = is_digit(first) && body.chars().all(|c| is_digit(c) || c == '.');
    let roman =
        body.chars().all(|c| "IVXLCDM".contains(c)) || body.chars().all(|c| "ivxlcdm".contains(c));
    let ordinal = body
        .strip_prefix('第')
        .and_then(|ordinal| ordinal.strip_suffix(['章', '节', '条', '款', '部', '编', '篇']))
        .unwrap_or(body);
    let han_numeral = ordinal
        .chars()
        .all(|c| "〇零一二三四五六七八九十百".contains(c));
    single_letter || number || roman || han_numeral
}

/// What kind of abbreviation, if any, ends `before` (the text up to a full stop). Closing
/// abbreviations are looked up first, so that `и т.п.` is not taken for `п.`.
fn abbreviation_before(before: &str, rules: &Rules) -> Abbreviation {
    let matches = |list: &[&str]| {
        list.iter()
            .filter_map(|entry| entry.strip_suffix('.'))
            .any(|stem| ends_with_word(before, stem))
    };
    if matches(rules.final_abbreviations) {
        return Abbreviation::BeforeCapital;
    }
    if matches(rules.abbreviations) || matches(SYMBOL_ABBREVIATIONS) {
        return Abbreviation::Never;
    }
    if is_initial(before, rules) {
        return Abbreviation::Never;
    }
    Abbreviation::None
}

/// Whether `text` ends with `word` (or `word` capitalised) as a whole word: no letter or digit
/// right before it.
fn ends_with_word(text: &str, word: &str) -> bool {
    let head = text.strip_suffix(word).or_else(|| {
        let mut chars = word.chars();
        let first = chars.next()?;
        let mut upper = first.to_uppercase();
        let capital = upper
            .next()
            .filter(|&c| c != first && upper.next().is_none())?;
        text.strip_suffix(chars.as_str())?.strip_suffix(capital)
    });
    head.is_some_and(|head| !head.chars().next_back().is_some_and(char::is_alphanumeric))
}

/// Whether `before` ends with a single capital (or a single letter of a script without case, but
/// not Han) standing alone, as in `J. Smith`, unless a label word precedes it (`annex I.`).
fn is_initial(before: &str, rules: &Rules) -> bool {
    let mut chars = before.chars().rev();
    let Some(letter) = chars.next() else {
        return false;
    };
    let initial = letter.is_uppercase()
        || (letter.is_alphabetic() && !letter.is_lowercase() && !is_han(letter));
    if !initial
        || chars
            .next()
            .is_some_and(|c| c.is_alphanumeric() && !is_han(c))
    {
        return false;
    }
    let head = before[..before.len() - letter.len_utf8()].trim_end();
    let word = trailing_run(head, 24, char::is_alphabetic).to_lowercase();
    word.is_empty() || !rules.label_words.iter().any(|stem| word.starts_with(stem))
}

/// Whether `text` (starting after the white space that follows a sentence mark) starts like a
/// sentence. After a bracketed label (`(b) `, `b) `, `(iv) `) any word does, as items of a
/// list in French, Spanish and Russian start in lower case (`b) las Partes`); after a letter label
/// (`b. `, `IV. `) or a bullet (`- `, `• `) only a capitalised word does.
fn starts_sentence(text: &str, ideographic: bool) -> bool {
    if let Some(item) = after_bracketed_label(text) {
        return item.starts_with(|c: char| c.is_alphanumeric() || is_opening(c));
    }
    if let Some(item) = after_letter_label(text).or_else(|| after_bullet(text)) {
        return starts_capitalised(item);
    }
    let text = text.trim_start_matches(is_opening);
    let Some(first) = text.chars().next() else {
        return false;
    };
    if is_digit(first) {
        return ideographic || number_starts_sentence(text);
    }
    if ideographic {
        return first.is_alphanumeric();
    }
    first.is_uppercase() || (first.is_alphabetic() && !first.is_lowercase())
}

/// Whether `text` starts, after opening quotes, with a capital or a letter of a script without
/// case.
fn starts_capitalised(text: &str) -> bool {
    text.trim_start_matches(is_opening_quote)
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
}

/// Whether a number at the start of `text` opens a sentence: a paragraph or item number (`12.`,
/// `3)`, Arabic `37 - `, `6- `, `2-26 `), a year (`2011 was`), a date (`23 января`,
/// `14 de enero`), or a number before a capitalised word (`24 States`).
fn number_starts_sentence(text: &str) -> bool {
    let end = skip_while(text, 0, |c| is_digit(c) || c == '.' || c == ',');
    let number = text[..end].trim_end_matches(['.', ',']);
    let after = &text[number.len()..];
    let hyphenated = after.trim_start().strip_prefix('-').is_some_and(|rest| {
        let rest = rest.trim_start_matches(is_digit);
        rest.starts_with(char::is_whitespace)
    });
    if after.starts_with(['.', ')']) || hyphenated {
        return true;
    }
    let after = after.trim_start();
    number.chars().count() == 4 || starts_capitalised(after) || starts_with_month(after)
}

/// Whether `text` starts with a month name, after the Spanish `de` (`enero`, `de enero`, `января`).
fn starts_with_month(text: &str) -> bool {
    let text = text.strip_prefix("de ").unwrap_or(text);
    let word = leading_run(text, 12, char::is_alphabetic);
    !word.is_empty() && month_number(word).is_some()
}

/// What follows a leading bracketed label `(b)`, `(iv)`, `b)`, `1)` and the space after it.
fn after_bracketed_label(text: &str) -> Option<&str> {
    let inner = text.strip_prefix('(').unwrap_or(text);
    let label = leading_run(inner, 4, char::is_alphanumeric);
    let after = inner[label.len()..].strip_prefix(')')?;
    (!label.is_empty() && after.starts_with(char::is_whitespace)).then(|| after.trim_start())
}

/// What follows a leading letter or roman-numeral label (`b. `, `IV. `) and the space after it.
fn after_letter_label(text: &str) -> Option<&str> {
    let label = leading_run(text, 4, |c| c.is_alphabetic() && !is_han(c));
    let after = text[label.len()..].strip_prefix('.')?;
    let roman = label.chars().all(|c| "IVXLCDM".contains(c));
    let short = label.chars().count() == 1 || (roman && !label.is_empty());
    (short && after.starts_with(char::is_whitespace)).then(|| after.trim_start())
}

/// What follows a leading bullet (`- `, `– `, `— `, `• `) and the space after it.
fn after_bullet(text: &str) -> Option<&str> {
    let after = text.strip_prefix(['-', '–', '—', '•'])?;
    after
        .starts_with(char::is_whitespace)
        .then(|| after.trim_start())
}

/// Decimal digits of any script the UN texts use: ASCII, Arabic-Indic, Persian, full-width.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{660}'..='\u{669}').contains(&c)
        || ('\u{6F0}'..='\u{6F9}').contains(&c)
        || is_fullwidth_digit(c)
}

/// Full-width digits `０`–`９`.
fn is_fullwidth_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// Superscript digits, as footnote markers keep them in Word text.
fn is_superscript_digit(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰'..='⁹')
}

/// Han characters and CJK punctuation, including the curly quotes Chinese text closes with.
fn is_cjk(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '”' | '’')
}

/// Sentence marks that need no space after them.
fn is_ideographic_mark(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Characters that follow a number as its unit, counter or range (`2011年`, `3个`, `5%`,
/// `15至64岁`), so the number is part of the next sentence and not a footnote marker.
fn is_counter(c: char) -> bool {
    "年月日时点分秒个名项次号条段届期倍万亿千百十多余人岁家国所批种类份至到和或及、%％~～-–"
        .contains(c)
}

/// Closing quotes and brackets that stay with the sentence before them (with `>>`, the UN corpus's
/// rendering of `»`).
fn is_closing(c: char) -> bool {
    "\"'”’»›」』）》〉】〕］｝)]}〞｣>".contains(c)
}

/// Closing quotation marks, the only closers an ellipsis can end a sentence before.
fn is_closing_quote(c: char) -> bool {
    "\"'”’»›」』〞｣>".contains(c)
}

/// Opening quotes and brackets that may precede the first word of a sentence.
fn is_opening(c: char) -> bool {
    is_opening_quote(c) || "（《〈【〔［｛([{".contains(c)
}

/// Opening quotation marks (with `<<`, the UN corpus's rendering of `«`), and the Spanish opening
/// marks `¿` `¡`.
fn is_opening_quote(c: char) -> bool {
    "\"'“‘«‹„‚「『〝｢¿¡<".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_split(lang: Language, text: &str, expected: &[&str]) {
        assert_eq!(split_str(text, lang), expected, "{lang}: {text}");
    }

    fn assert_whole(lang: Language, text: &str) {
        assert_split(lang, text, &[text]);
    }

    #[test]
    fn english_abbreviations_do_not_end_sentences() {
        for text in [
            "See No. 5 of the list.",
            "See Nos. 5 and 6.",
            "Under art. 5 of the Convention.",
            "Under arts. 5 and 6 of the Convention.",
            "See para. 12 above.",
            "See paras. 12 and 13 above.",
            "Official Records, vol. II, chap. IV, sect. B, p. 5 and pp. 7-9.",
            "Some States, e.g. Norway, agreed.",
            "The others, i.e. France and Spain, did not.",
            "Mr. Smith met Mrs. Jones, Ms. Brown and Dr. Green.",
            "The report (cf. A/66/100) was noted.",
            "As Smith et al. State in their study.",
            "Smith, op. cit. Chapter 2 explains it.",
            "J. Smith and A. B. Jones wrote it.",
            "Staff, vehicles, etc. were moved.",
        ] {
            assert_whole(Language::En, text);
        }
    }

    #[test]
    fn paragraph_numbers_in_other_languages() {
        assert_split(
            Language::Fr,
            "12. Le Comité a pris note du rapport. Il a décidé de le publier.",
            &[
                "12. Le Comité a pris note du rapport.",
                "Il a décidé de le publier.",
            ],
        );
        assert_split(
            Language::Es,
            "12. El Comité tomó nota del informe. Decidió publicarlo.",
            &[
                "12. El Comité tomó nota del informe.",
                "Decidió publicarlo.",
            ],
        );
        assert_whole(Language::Fr, "A. Introduction");
        assert_whole(Language::Ru, "III. Вывод и рекомендация");
    }

    #[test]
    fn brackets_open_sentences() {
        assert_split(
            Language::En,
            "It ended. (The Committee agreed.) Then it closed.",
            &["It ended.", "(The Committee agreed.)", "Then it closed."],
        );
        assert_whole(
            Language::En,
            "It ended (see para. 5) and (in part.) it closed.",
        );
    }

    #[test]
    fn english_closing_abbreviation_before_capital_ends_sentence() {
        assert_split(
            Language::En,
            "They bought food, water, etc. The rest was sent later.",
            &["They bought food, water, etc.", "The rest was sent later."],
        );
        assert_split(
            Language::En,
            "The meeting starts at 10 a.m. Mr. Smith will chair it.",
            &["The meeting starts at 10 a.m.", "Mr. Smith will chair it."],
        );
    }

    #[test]
    fn english_symbols_and_numbers() {
        assert_whole(
            Language::En,
            "See A/CONF.213/18 and E/CN.15/2011/L.3/Rev.1 and job V.11-82153 for details.",
        );
        assert_whole(
            Language::En,
            "The rate rose to 16.3 per cent, or 3.444.250 units.",
        );
        assert_whole(
            Language::En,
            "See document A/66/100/Corr. 1 and Add. 2 for details.",
        );
        assert_whole(
            Language::En,
            "See A/66/100/Rev. 1 and E/2011/L.3/Rev. 2 for details.",
        );
        assert_split(
            Language::En,
            "It is in A/66/100/Rev.1. The Committee noted it.",
            &["It is in A/66/100/Rev.1.", "The Committee noted it."],
        );
    }

    #[test]
    fn english_sub_paragraph_lists_stay_whole() {
        assert_whole(
            Language::En,
            "The scenarios include: (a) a single proceeding; (b) multiple proceedings; and (c) a single proceeding concerning all members.",
        );
        assert_whole(
            Language::En,
            "The Committee decided: a) to meet; b) to report; and c) to close.",
        );
    }

    #[test]
    fn english_paragraph_numbers_and_enumerators_join_what_follows() {
        assert_split(
            Language::En,
            "12. The Committee met twice. It adopted its report.",
            &["12. The Committee met twice.", "It adopted its report."],
        );
        assert_whole(Language::En, "1.2. The Committee met twice.");
        assert_whole(Language::En, "III. Conclusion and recommendation");
        assert_whole(Language::En, "A. Introduction");
        assert_whole(Language::En, "(iv) Measures taken by States");
        assert_split(
            Language::En,
            "It met in 2010. 12. The Committee then adopted its report.",
            &[
                "It met in 2010.",
                "12. The Committee then adopted its report.",
            ],
        );
    }

    #[test]
    fn list_labels_after_clause_marks_belong_to_what_follows() {
        assert_whole(
            Language::En,
            "1. Welcomes the report; 2. Emphasizes the need to continue; and 3. Decides to continue.",
        );
        assert_whole(
            Language::Zh,
            "1. 欢迎报告；2. 强调必须继续审议；3. 决定继续审议。",
        );
        assert_whole(Language::Zh, "1. 注意到秘书长的报告；6 2. 欢迎所作的贡献；");
        assert_split(
            Language::En,
            "It was convened, in 2016. The Council agreed.",
            &["It was convened, in 2016.", "The Council agreed."],
        );
        assert_split(
            Language::En,
            "Likes stand at 26,000. The Council agreed.",
            &["Likes stand at 26,000.", "The Council agreed."],
        );
        assert_split(
            Language::En,
            "It amounts to $8,787,700. 1. The Commission agreed.",
            &["It amounts to $8,787,700.", "1. The Commission agreed."],
        );
    }

    #[test]
    fn english_label_letters_end_sentences() {
        assert_split(
            Language::En,
            "The list is in annex I. The Committee noted it.",
            &["The list is in annex I.", "The Committee noted it."],
        );
        assert_split(
            Language::En,
            "It belongs to group B. Others do not.",
            &["It belongs to group B.", "Others do not."],
        );
    }

    #[test]
    fn english_next_piece_must_start_like_a_sentence() {
        assert_whole(Language::En, "What next? he asked.");
        assert_split(
            Language::En,
            "What next? Nobody knew! The meeting ended.",
            &["What next?", "Nobody knew!", "The meeting ended."],
        );
        assert_split(
            Language::En,
            "The programme ended in 2012. 2013 was a year of review.",
            &["The programme ended in 2012.", "2013 was a year of review."],
        );
        assert_split(
            Language::En,
            "Five States signed. 24 States did not.",
            &["Five States signed.", "24 States did not."],
        );
        assert_whole(Language::En, "It grew by 3. 5 per cent is the target.");
        assert_split(
            Language::En,
            "It was adopted. (b) The Committee noted it.",
            &["It was adopted.", "(b) The Committee noted it."],
        );
    }

    #[test]
    fn english_footnote_markers_stay_with_their_sentence() {
        assert_split(
            Language::En,
            "It recalled the Declaration.4 The Committee agreed.",
            &["It recalled the Declaration.4", "The Committee agreed."],
        );
        assert_split(
            Language::En,
            "It recalled the Declaration.¹² The Committee agreed.",
            &["It recalled the Declaration.¹²", "The Committee agreed."],
        );
        assert_split(
            Language::En,
            "It is on the website.3 See also the report.",
            &["It is on the website.3", "See also the report."],
        );
    }

    #[test]
    fn english_quotations() {
        assert_split(
            Language::En,
            "He said: “It is over.” Then he left.",
            &["He said: “It is over.”", "Then he left."],
        );
        assert_split(
            Language::En,
            "He said: \"It is over.\" Then he left.",
            &["He said: \"It is over.\"", "Then he left."],
        );
        assert_whole(Language::En, "'You are hopeless!' he cried.");
        assert_split(
            Language::En,
            "It said. “The end is near.” It was right.",
            &["It said.", "“The end is near.”", "It was right."],
        );
    }

    #[test]
    fn ellipses_end_sentences_only_before_a_closing_quote() {
        assert_whole(Language::En, "'I... I can't remember,' he said.");
        assert_whole(
            Language::En,
            "The court held that [...] The seller was liable.",
        );
        assert_whole(
            Language::En,
            "The court held that […] The seller was liable.",
        );
        assert_split(
            Language::En,
            "'It is just that . . .' Something was wrong.",
            &["'It is just that . . .'", "Something was wrong."],
        );
        assert_split(
            Language::En,
            "\"It happened lately....\" \"Yes.\" He left.",
            &["\"It happened lately....\"", "\"Yes.\"", "He left."],
        );
        assert_split(
            Language::Zh,
            "“不过…… 不过……”海老公道：“不过怎么？”",
            &["“不过…… 不过……”", "海老公道：“不过怎么？”"],
        );
    }

    #[test]
    fn company_abbreviations_before_brackets() {
        assert_whole(
            Language::Fr,
            "Empresa Argentina de Soluciones Satelitales S.A. (ARSAT)",
        );
        assert_whole(
            Language::Es,
            "Empresa Argentina de Soluciones Satelitales S.A. (ARSAT)",
        );
        assert_whole(
            Language::Es,
            "En la causa Fiscal c. Kunarac, la Sala estableció la prueba.",
        );
        assert_whole(
            Language::Ar,
            "في قضية Prosecutor v. Kunarac، رأت دائرة الاستئناف.",
        );
    }

    #[test]
    fn labels_after_a_sentence_open_the_next_one() {
        assert_split(
            Language::En,
            "It was held at 10 a.m. 29. The round table followed.",
            &["It was held at 10 a.m.", "29. The round table followed."],
        );
        assert_split(
            Language::En,
            "It includes drones, radar equipment, etc. 28. The Committee notes it.",
            &[
                "It includes drones, radar equipment, etc.",
                "28. The Committee notes it.",
            ],
        );
        assert_split(
            Language::En,
            "It balances security risks. b. The activity is directed.",
            &[
                "It balances security risks.",
                "b. The activity is directed.",
            ],
        );
        assert_whole(
            Language::En,
            "It balances security risks. b. the activity is directed.",
        );
        assert_split(
            Language::En,
            "It was noted. - The Committee agreed.",
            &["It was noted.", "- The Committee agreed."],
        );
        assert_split(
            Language::Es,
            "Lo decidió el Foro. b) las Partes que fuesen países desarrollados informarán.",
            &[
                "Lo decidió el Foro.",
                "b) las Partes que fuesen países desarrollados informarán.",
            ],
        );
        assert_split(
            Language::Ru,
            "Они признаны необоснованными. с) другие вопросы.",
            &["Они признаны необоснованными.", "с) другие вопросы."],
        );
        assert_split(
            Language::Ru,
            "Это права человека и т.п. 11. Группа неприсоединившихся государств заявила.",
            &[
                "Это права человека и т.п.",
                "11. Группа неприсоединившихся государств заявила.",
            ],
        );
    }

    #[test]
    fn dates_open_sentences() {
        assert_split(
            Language::Ru,
            "Огонь прекращен 12 августа 2008 года. 23 января 2015 года парламент принял закон.",
            &[
                "Огонь прекращен 12 августа 2008 года.",
                "23 января 2015 года парламент принял закон.",
            ],
        );
        assert_split(
            Language::Es,
            "Se aprobó la resolución. 14 de enero: se celebró la sesión.",
            &[
                "Se aprobó la resolución.",
                "14 de enero: se celebró la sesión.",
            ],
        );
        assert_whole(Language::Es, "Se aprobó la resolución núm. 14 de 2010.");
    }

    #[test]
    fn corpus_quotes_and_section_numbers() {
        assert_split(
            Language::Ru,
            "Прочие вопросы. <<Член Организации>> выступил.",
            &["Прочие вопросы.", "<<Член Организации>> выступил."],
        );
        assert_split(
            Language::Ru,
            "Он назвал это <<угрозой.>> Затем он ушел.",
            &["Он назвал это <<угрозой.>>", "Затем он ушел."],
        );
        assert_split(
            Language::Ar,
            "وأدار القوة بفعالية. 2-26 وعلاوة على ذلك، يسع الفريق.",
            &["وأدار القوة بفعالية.", "2-26 وعلاوة على ذلك، يسع الفريق."],
        );
        assert_split(
            Language::Ar,
            "وأدار القوة بفعالية. 6- وسلط المشاركون الضوء.",
            &["وأدار القوة بفعالية.", "6- وسلط المشاركون الضوء."],
        );
    }

    #[test]
    fn french_rules() {
        assert_whole(Language::Fr, "M. Dupont et MM. Martin et Durand ont parlé.");
        assert_whole(Language::Fr, "Mme Dupont a pris la parole.");
        assert_whole(
            Language::Fr,
            "Voir par. 12, art. 5, al. 2, chap. IV et p. 7.",
        );
        assert_whole(Language::Fr, "Certains États, p. ex. la France, ont voté.");
        assert_whole(Language::Fr, "Le taux était de 16,3 % en 2014.");
        assert_whole(
            Language::Fr,
            "Le Comité a décidé : a) de se réunir; b) de faire rapport; et c) de clore.",
        );
        assert_split(
            Language::Fr,
            "Il a dit : « C’est fini. » Puis il est parti.",
            &["Il a dit : « C’est fini. »", "Puis il est parti."],
        );
        assert_split(
            Language::Fr,
            "Quoi ? Rien ! La séance est levée.",
            &["Quoi ?", "Rien !", "La séance est levée."],
        );
        assert_split(
            Language::Fr,
            "Voir le site de la Conférence3. Le Comité a pris note.",
            &["Voir le site de la Conférence3.", "Le Comité a pris note."],
        );
    }

    #[test]
    fn spanish_rules() {
        assert_whole(
            Language::Es,
            "El Sr. Pérez, la Sra. García y los Sres. López hablaron.",
        );
        assert_whole(
            Language::Es,
            "Véase el párr. 12, núm. 5, cap. IV y art. 3 del informe.",
        );
        assert_whole(
            Language::Es,
            "La cifra fue de 3.444.250, es decir, el 16.3 %.",
        );
        assert_whole(
            Language::Es,
            "Las Partes deben: a) informar; b) cooperar; y c) aplicar las medidas.",
        );
        assert_whole(Language::Es, "Véase Pérez, op. cit. Capítulo 2.");
        assert_split(
            Language::Es,
            "¿Qué pasó? Nada. El Comité se reunió.",
            &["¿Qué pasó?", "Nada.", "El Comité se reunió."],
        );
        assert_split(
            Language::Es,
            "Está en el sitio web3. El Comité tomó nota.",
            &["Está en el sitio web3.", "El Comité tomó nota."],
        );
    }

    #[test]
    fn russian_rules() {
        assert_whole(Language::Ru, "В 2011 г. Комитет провел две сессии.");
        assert_whole(Language::Ru, "В 2010–2011 гг. Комитет провел две сессии.");
        assert_whole(Language::Ru, "См. ст. 5, п. 3 и пп. 4–6 Конвенции.");
        assert_whole(Language::Ru, "Это т.е. главное, т. е. основное.");
        assert_whole(Language::Ru, "Выделено 5 млн. долл. США на проект.");
        assert_whole(Language::Ru, "Стоимость 100 р. Комитет счел приемлемой.");
        assert_whole(Language::Ru, "Г-н Иванов и А. С. Петров выступили.");
        assert_whole(
            Language::Ru,
            "Заседание с 10 ч. 00 м. до 13 ч. 00 м. в зале.",
        );
        assert_whole(
            Language::Ru,
            "Стороны должны: а) сообщать; b) сотрудничать; и с) применять меры.",
        );
        assert_whole(
            Language::Ru,
            "Средний возраст учащихся и т.д. не учитывался.",
        );
        assert_split(
            Language::Ru,
            "Закуплены продукты, вода и т.д. Остальное отправлено позже.",
            &[
                "Закуплены продукты, вода и т.д.",
                "Остальное отправлено позже.",
            ],
        );
        assert_split(
            Language::Ru,
            "1. принимает к сведению доклад. 2. просит Генерального секретаря представить доклад.",
            &[
                "1. принимает к сведению доклад.",
                "2. просит Генерального секретаря представить доклад.",
            ],
        );
        assert_split(
            Language::Ru,
            "Доклад размещен на сайте Конференции3. Комитет принял его к сведению.",
            &[
                "Доклад размещен на сайте Конференции3.",
                "Комитет принял его к сведению.",
            ],
        );
    }

    #[test]
    fn arabic_rules() {
        assert_split(
            Language::Ar,
            "هل انتهى الاجتماع؟ نعم. وقد اعتمدت اللجنة تقريرها.",
            &["هل انتهى الاجتماع؟", "نعم.", "وقد اعتمدت اللجنة تقريرها."],
        );
        assert_split(
            Language::Ar,
            "يا له من إنجاز! وقد اعتمدت اللجنة تقريرها.",
            &["يا له من إنجاز!", "وقد اعتمدت اللجنة تقريرها."],
        );
        assert_whole(
            Language::Ar,
            "ولدى حزب الله القدرات العسكرية؛ وقد أفصح عن نواياه؛ وها نحن قد شاهدنا النتائج هذا الصباح.",
        );
        assert_whole(
            Language::Ar,
            "وتشمل هذه السيناريوهات (أ) إجراءً وحيداً؛ (ب) إجراءات متعدِّدة؛ (ج) إجراءً آخر.",
        );
        assert_whole(
            Language::Ar,
            "٢٤ - الأسلحة الصغيرة (24 أيلول/سبتمبر 1999؛ ٢٦ أيلول/سبتمبر ٢٠١٣).",
        );
        assert_whole(
            Language::Ar,
            "بلغت النسبة ١٦٫٣ في المائة و16.3 في المائة (ص. 34).",
        );
        assert_split(
            Language::Ar,
            "وهو متاح على موقعه الشبكي(3). وأحاطت اللجنة علما به.",
            &["وهو متاح على موقعه الشبكي(3).", "وأحاطت اللجنة علما به."],
        );
        assert_split(
            Language::Ar,
            "انتهى الاجتماع. 37 - تحيط علما بالتقرير.",
            &["انتهى الاجتماع.", "37 - تحيط علما بالتقرير."],
        );
    }

    #[test]
    fn chinese_full_width_marks() {
        assert_split(
            Language::Zh,
            "人人生而自由。他们赋有理性！这是真的吗？是的。",
            &["人人生而自由。", "他们赋有理性！", "这是真的吗？", "是的。"],
        );
        assert_split(
            Language::Zh,
            "大会要求“加以传播、展示、阅读和阐述。”《宣言》全文如下：",
            &[
                "大会要求“加以传播、展示、阅读和阐述。”",
                "《宣言》全文如下：",
            ],
        );
        assert_split(
            Language::Zh,
            "他说：“我们走吧！”她没有回答。（见附件。）委员会同意。",
            &[
                "他说：“我们走吧！”",
                "她没有回答。",
                "（见附件。）",
                "委员会同意。",
            ],
        );
        assert_split(
            Language::Zh,
            "见「第一部分。」『注释。』下文。",
            &["见「第一部分。」", "『注释。』", "下文。"],
        );
    }

    #[test]
    fn chinese_closing_quotes_and_title_marks_stay() {
        assert_split(
            Language::Zh,
            "他说：‘好。’然后离开。见《报告。》下文。",
            &["他说：‘好。’", "然后离开。", "见《报告。》", "下文。"],
        );
    }

    #[test]
    fn chinese_ascii_marks_and_decimals() {
        assert_split(
            Language::Zh,
            "人人生而自由,在尊严和权利上一律平等.他们赋有理性?是的!",
            &[
                "人人生而自由,在尊严和权利上一律平等.",
                "他们赋有理性?",
                "是的!",
            ],
        );
        assert_split(
            Language::Zh,
            "他们赋有理性?是的。",
            &["他们赋有理性?", "是的。"],
        );
        assert_whole(Language::Zh, "每人每日生活费不足1.25美元,比例为3.5%。");
        assert_whole(Language::Zh, "见A/CONF.213/18和E/CN.15/2011/L.3/Rev.1。");
    }

    #[test]
    fn chinese_full_stops_between_han_in_full_width_text_and_latin_initials() {
        assert_whole(
            Language::Zh,
            "《宪章》提出的首要目标是\"免后世再遭.战祸\"。",
        );
        assert_whole(
            Language::Zh,
            "法院将这一承诺称为\"正式的许诺.而不是劝告性的\"。",
        );
        assert_whole(Language::Zh, "第五节．资源使用情况：战略部署储存物资");
        assert_whole(Language::Zh, "第二十一条.资源使用情况");
        assert_whole(Language::Zh, "与独立专家A. de Zayas先生进行的互动辩论。");
        assert_split(
            Language::Zh,
            "孩子道：“呸，你不会摔交。 ”韦小宝道：“谁说不会？”",
            &["孩子道：“呸，你不会摔交。 ”", "韦小宝道：“谁说不会？”"],
        );
    }

    #[test]
    fn chinese_semicolon_lists_stay_whole() {
        assert_whole(
            Language::Zh,
            "在以下方面存在挑战：建立专门机构；收集统计数据；(c) 与全球环境基金共同评价小额赠款方案；及",
        );
        assert_whole(
            Language::Zh,
            "会员国应：(a) 提交报告；(b) 开展合作；(c) 采取措施。",
        );
    }

    #[test]
    fn chinese_straight_quotes_close_or_open_by_parity() {
        assert_split(
            Language::Zh,
            "须任命五人以填补空缺。\"因此，年度报告是管理工具。\"委员会同意。",
            &[
                "须任命五人以填补空缺。",
                "\"因此，年度报告是管理工具。\"",
                "委员会同意。",
            ],
        );
        assert_split(
            Language::Zh,
            "以英语发布。15至64岁妇女从事非农工作。",
            &["以英语发布。", "15至64岁妇女从事非农工作。"],
        );
    }

    #[test]
    fn chinese_paragraph_numbers_and_headings() {
        assert_whole(Language::Zh, "37. 所有世界大会文件均可在网站上查阅。");
        assert_whole(Language::Zh, "三. 结论和建议");
        assert_split(
            Language::Zh,
            "1. 表示注意到秘书长的报告。2. 请秘书长提交报告。",
            &["1. 表示注意到秘书长的报告。", "2. 请秘书长提交报告。"],
        );
    }

    #[test]
    fn chinese_footnote_markers_stay_with_their_sentence() {
        assert_split(
            Language::Zh,
            "大会回顾《宣言》。8 委员会同意。",
            &["大会回顾《宣言》。8", "委员会同意。"],
        );
        assert_split(
            Language::Zh,
            "大会回顾《宣言》。8委员会同意。",
            &["大会回顾《宣言》。8", "委员会同意。"],
        );
        assert_split(
            Language::Zh,
            "注意到秘书长的报告。¹ 委员会同意。",
            &["注意到秘书长的报告。¹", "委员会同意。"],
        );
        assert_split(
            Language::Zh,
            "会议已结束。2011年大会又举行会议。3个国家投了弃权票。",
            &[
                "会议已结束。",
                "2011年大会又举行会议。",
                "3个国家投了弃权票。",
            ],
        );
        assert_split(
            Language::Zh,
            "会议已结束。2006 年 11 月 21 日大会又举行会议。",
            &["会议已结束。", "2006 年 11 月 21 日大会又举行会议。"],
        );
    }

    #[test]
    fn ranges_cover_all_non_space_text() {
        let texts = [
            (
                Language::En,
                "  12. The Committee met.4  It adopted (a) its report; and (b) its agenda.  What next?  ",
            ),
            (Language::Zh, " 会议已结束。8 委员会同意。“好。” 是的 "),
            (Language::Ar, "هل انتهى؟  نعم .  وقد اعتمدت."),
            (Language::Fr, "« Fini. »  Puis  . . .  rien."),
        ];
        for (lang, text) in texts {
            let ranges = split(text, lang);
            let mut covered = String::new();
            let mut last_end = 0;
            for range in &ranges {
                assert!(range.start >= last_end && range.start < range.end);
                assert!(text[last_end..range.start].chars().all(char::is_whitespace));
                let sentence = &text[range.clone()];
                assert_eq!(sentence, sentence.trim());
                covered.push_str(sentence);
                last_end = range.end;
            }
            assert!(text[last_end..].chars().all(char::is_whitespace));
            let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            let got: String = covered.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        let long = "word ".repeat(200_000);
        let inputs = [
            "",
            "   ",
            ".",
            " . ",
            "...",
            "?!",
            "。",
            "。。。",
            "“",
            "”",
            "He said “It is over. Then",
            "» « ) ( ”“ ’‘",
            "Mixed 中文。English. عربي؟ Русский. ",
            "1.",
            ".4",
            "。8",
            "(a)",
            "a)",
            long.as_str(),
        ];
        for lang in Language::ALL {
            for text in inputs {
                let ranges = split(text, lang);
                for range in ranges {
                    assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
                }
            }
        }
        assert_eq!(split(&long, Language::En), vec![0..long.len() - 1]);
        assert!(split("", Language::Zh).is_empty());
        assert!(split("   ", Language::Ar).is_empty());
        assert_eq!(split_str(".", Language::En), ["."]);
    }

    #[test]
    fn mixed_scripts() {
        assert_split(
            Language::En,
            "It was signed in Beijing (北京). Россия agreed. عربي followed.",
            &[
                "It was signed in Beijing (北京).",
                "Россия agreed.",
                "عربي followed.",
            ],
        );
    }
}

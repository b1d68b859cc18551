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

mod rules;
#[cfg(test)]
mod tests;

use std::ops::Range;

use self::rules::{Rules, SYMBOL_ABBREVIATIONS, rules};
use crate::locale::{ascii_digit, is_chinese_counter, month_number};
use crate::model::Language;
use crate::script::{is_cjk_punctuation, is_han};

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
        if rules.terminals.contains(&c)
            && let Some(end) = paragraph.sentence_end(start, pos, c, quote_open)
        {
            push_trimmed(&mut sentences, text, start..end);
            start = end;
            pos = end;
            quote_open = false;
            continue;
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
        let after_han = rules.ideographic && prev.is_some_and(is_cjk);
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
    ascii_digit(c).is_ascii_digit()
}

/// Full-width digits `０`–`９`.
fn is_fullwidth_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// Superscript digits, as footnote markers keep them in Word text.
fn is_superscript_digit(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰'..='⁹')
}

/// Han characters and CJK punctuation, including the curly quotes Chinese text closes with and
/// the ellipsis, but not the opening quotes (`‘` `“` and the low `‚` `‛`).
fn is_cjk(c: char) -> bool {
    is_han(c) || (is_cjk_punctuation(c) && !matches!(c, '‘' | '‚' | '‛' | '“'))
}

/// Sentence marks that need no space after them.
fn is_ideographic_mark(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Characters that follow a number as its unit, counter or range (`2011年`, `3个`, `5%`,
/// `15至64岁`), so the number is part of the next sentence and not a footnote marker: the
/// shared [`CHINESE_COUNTERS`](crate::locale::CHINESE_COUNTERS), `秒期十多余批`, and the
/// words and signs of ranges and lists `至到和或及、~～-–`.
fn is_counter(c: char) -> bool {
    is_chinese_counter(c) || "秒期十多余批至到和或及、~～-–".contains(c)
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

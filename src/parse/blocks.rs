//! Paragraphs rebuilt from hard-wrapped lines, then classified: title, heading, preamble,
//! numbered paragraph, sub-paragraph or other text, each with its normalised label.

use std::sync::LazyLock;

use regex::Regex;

use crate::locale::{
    ARABIC_LETTER_NAMES, ARABIC_LETTERS, ARABIC_ORDINALS, ARTICLE_WORDS, CHAPTER_WORDS,
    CYRILLIC_LOOKALIKES, PREAMBLE_HEADINGS, ascii_digit, chinese_numeral_value, is_function_word,
    opens_paragraph, roman_value, to_roman,
};
use crate::model::{BlockKind, Language};
use crate::parse::lines::{Line, width};
use crate::parse::markers::superscript_digit;
use crate::script::{is_arabic, is_cjk_punctuation, is_han};

/// What separates a body line from the body line before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Nothing: the next physical line.
    Adjacent,
    /// One or more blank lines, or header lines.
    Blank,
    /// Page furniture or a footnote block: a page break.
    PageBreak,
}

/// A paragraph rebuilt from one or more lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParaDraft {
    /// The joined text.
    pub text: String,
    /// The input lines (1-based) it was built from.
    pub lines: Vec<usize>,
}

/// Line-wrapping facts of a document, measured on its body lines.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Wrapping {
    /// Whether the text is hard-wrapped at a fixed width.
    pub wrapped: bool,
    /// The wrap width in display columns.
    pub width: usize,
}

impl Wrapping {
    /// Measure: hard-wrapped text has most lines close to one width.
    pub(crate) fn measure(lines: &[&Line]) -> Wrapping {
        let mut widths: Vec<usize> = lines.iter().map(|l| l.width).collect();
        widths.sort_unstable();
        if widths.len() < 5 {
            return Wrapping {
                wrapped: false,
                width: widths.last().copied().unwrap_or(0),
            };
        }
        let w = widths[(widths.len() * 95 / 100).min(widths.len() - 1)];
        let near = widths.iter().filter(|&&x| x * 4 >= w * 3).count();
        Wrapping {
            wrapped: (30..=250).contains(&w) && near * 10 >= widths.len() * 4,
            width: w,
        }
    }
}

/// Join body lines into paragraphs.
pub(crate) fn paragraphs(lines: &[(&Line, Gap)], lang: Language) -> Vec<ParaDraft> {
    let wrapping = Wrapping::measure(&lines.iter().map(|(l, _)| *l).collect::<Vec<_>>());
    // Before the opening formula lines are title and header lines, which end without
    // punctuation; after it, a line without punctuation runs on.
    let formula = lines.iter().position(|(l, _)| is_opening_formula(&l.text));
    let mut out: Vec<ParaDraft> = Vec::new();
    let mut last_line: Option<&Line> = None;
    for (i, &(line, gap)) in lines.iter().enumerate() {
        let front_matter = formula.is_some_and(|f| i <= f);
        let joins = match (out.last(), last_line) {
            (Some(_), Some(prev)) => continues(prev, line, gap, wrapping, lang, front_matter),
            _ => false,
        };
        if joins {
            let para = out.last_mut().expect("a paragraph to continue");
            join_into(&mut para.text, &line.text, lang);
            para.lines.push(line.no);
        } else {
            out.push(ParaDraft {
                text: line.text.clone(),
                lines: vec![line.no],
            });
        }
        last_line = Some(line);
    }
    out
}

/// Where a paragraph number may start inside a line whose breaks were lost: after the end of a
/// sentence or clause (with a footnote marker glued to it: `2005.3`), before `12. ` and a capital
/// or Han letter (`… adopted in 2005.3 12. The Committee also noted …`).
static RUN_ON_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.;:。；：][0-9¹²³⁴⁵⁶⁷⁸⁹⁰]{0,2}\s+([0-9]{1,3})\.\s+[\p{Lu}\p{Han}«“\x22]")
        .expect("valid run-on number pattern")
});

/// Split paragraphs whose line breaks were lost: where a paragraph holds the number that
/// continues the sequence of paragraph numbers (`11. … 12. …`), a new paragraph starts. A number
/// out of sequence (`see paragraph 4. The`) is left in the text.
pub(crate) fn split_run_on_paragraphs(
    paras: Vec<ParaDraft>,
    lines: &[(&Line, Gap)],
) -> Vec<ParaDraft> {
    let text_of: std::collections::HashMap<usize, &str> =
        lines.iter().map(|(l, _)| (l.no, l.text.as_str())).collect();
    let mut out = Vec::with_capacity(paras.len());
    let mut last: Option<u32> = None;
    for para in paras {
        if let Some(n) = leading_number(&para.text) {
            last = Some(n);
        }
        let mut rest = para;
        while let Some(expected) = last.map(|n| n + 1) {
            let found = RUN_ON_NUMBER.captures_iter(&rest.text).find_map(|c| {
                let number = c.get(1)?;
                (number.as_str().parse::<u32>().ok()? == expected).then_some(number.start())
            });
            let Some(at) = found else { break };
            let tail = rest.text[at..].to_string();
            rest.text.truncate(at);
            rest.text.truncate(rest.text.trim_end().len());
            // The tail starts on the line that holds its first words.
            let probe: String = tail.chars().take(24).collect();
            let k = rest
                .lines
                .iter()
                .position(|no| text_of.get(no).is_some_and(|t| t.contains(probe.as_str())))
                .unwrap_or(rest.lines.len() - 1);
            let next = ParaDraft {
                text: tail,
                lines: rest.lines[k..].to_vec(),
            };
            rest.lines.truncate(k + 1);
            out.push(rest);
            rest = next;
            last = Some(expected);
        }
        out.push(rest);
    }
    out
}

/// The paragraph number a text starts with (`12. `), as a number.
fn leading_number(text: &str) -> Option<u32> {
    let label = leading_label(text)?;
    (label.kind == BlockKind::Paragraph)
        .then(|| label.label?.parse().ok())
        .flatten()
}

/// Whether `next` continues the paragraph whose last line is `prev`; `front_matter` is true
/// before the opening formula of a resolution.
pub(crate) fn continues(
    prev_line: &Line,
    next_line: &Line,
    gap: Gap,
    wrapping: Wrapping,
    lang: Language,
    front_matter: bool,
) -> bool {
    if gap == Gap::Blank {
        return false;
    }
    let (prev, next) = (prev_line.text.as_str(), next_line.text.as_str());
    if is_lone_marker(next) {
        return gap == Gap::Adjacent;
    }
    if leading_label(next).is_some() {
        return false;
    }
    // A heading line (`Article 1`, `第一条`, `III. Conclusions`) stands alone.
    if prev.chars().count() <= 40
        && leading_label(prev).is_some_and(|l| l.kind == BlockKind::Heading)
    {
        return false;
    }
    let cjk = lang.is_cjk();
    let w = wrapping.width;
    let prev_width = prev_line.width;
    let lower = starts_lowercase(next);
    let open = leaves_clause_open(prev, lang);
    let marker_split = ends_with_marker(prev) && prev_width + next_line.width <= w + 4;
    match gap {
        Gap::Blank => false,
        Gap::Adjacent if wrapping.wrapped && cjk => {
            prev_width * 10 >= w * 9 || marker_split || open
        }
        Gap::Adjacent if wrapping.wrapped => {
            if lower {
                // Russian preambular paragraphs start in lower case after a short line ending a clause.
                return lang != Language::Ru || open || prev_width * 100 >= w * 85;
            }
            let first_word = next.split_whitespace().next().unwrap_or("");
            let next_word_fits = prev_width + 1 + width(first_word) + 2 <= w;
            if open {
                // No punctuation: a continuation of a long line; in the front matter only if the
                // next word would not have fitted (else the break was deliberate: a title line).
                let last_word = prev.rsplit([' ', '\'']).next().unwrap_or("");
                is_function_word(last_word, lang)
                    || (prev_width * 10 >= w * 6 && !(front_matter && next_word_fits))
            } else if opens_paragraph(first_word, lang) {
                false
            } else {
                // After punctuation: a continuation only if the next word could not have fitted.
                prev_width + 1 + width(first_word) > w
            }
        }
        // One paragraph per line: only a line starting in lower case continues (a stray wrap);
        // in Russian, whose preambular paragraphs start in lower case too, only after a line
        // that leaves its clause open: no punctuation at its end, a parenthesis left open, or a
        // list item broken after a comma (`d) фондовых бумаг, акций,`).
        Gap::Adjacent => {
            let ru_open = (open && !ends_clause_with_conjunction(prev)) || leaves_item_open(prev);
            !cjk && lower && (lang != Language::Ru || ru_open)
        }
        Gap::PageBreak if cjk => open || (wrapping.wrapped && prev_width * 10 >= w * 9),
        Gap::PageBreak => {
            open || (lower && lang != Language::Ru)
                || (wrapping.wrapped && prev_width * 100 >= w * 85 && !ends_sentence(prev))
        }
    }
}

/// Whether a line ends a clause and then a conjunction (`…всеобщего мира; и`): the paragraph is
/// complete, the conjunction links it to the next preambular paragraph.
fn ends_clause_with_conjunction(line: &str) -> bool {
    let t = line.trim_end();
    let Some((before, last)) = t.rsplit_once(' ') else {
        return false;
    };
    matches!(last, "и" | "или" | "а" | "and" | "or") && before.trim_end().ends_with([';', ','])
}

/// Whether a line leaves its unit open although it ends with punctuation: a parenthesis opened
/// and not closed, or a list item (`d) …`, `(a) …`) ending with a comma, where a whole item ends
/// with `;` or `.`.
fn leaves_item_open(line: &str) -> bool {
    let label = leading_label(line);
    // A label `d)` closes a parenthesis it never opened.
    let body = match label {
        Some(_) => line
            .trim_start()
            .split_once([')', '）'])
            .map_or(line, |(_, rest)| rest),
        None => line,
    };
    let opened = body.matches(['(', '（']).count() > body.matches([')', '）']).count();
    let item = label.is_some_and(|l| l.kind == BlockKind::Subparagraph);
    opened || (item && without_trailing_marker(line).trim_end().ends_with(','))
}

/// Whether a line ends with a footnote marker glued to punctuation or a word (`纲领》2`, `Action,1`).
fn ends_with_marker(text: &str) -> bool {
    without_trailing_marker(text).len() < text.len()
}

/// Whether a line leaves its clause open: no punctuation at its end (markers aside; for
/// Chinese and Japanese text, no clause-ending mark).
pub(crate) fn leaves_clause_open(text: &str, lang: Language) -> bool {
    if lang.is_cjk() {
        !ends_clause_cjk(text)
    } else {
        !ends_with_punctuation(text)
    }
}

/// Whether Chinese text ends a clause (markers aside): `。；：！？，`.
fn ends_clause_cjk(text: &str) -> bool {
    without_trailing_marker(text)
        .chars()
        .last()
        .is_some_and(|c| {
            matches!(
                c,
                '。' | '；' | '：' | '！' | '？' | '，' | '.' | ';' | ':' | '!' | '?' | ','
            )
        })
}

/// A line holding only a footnote marker (`6`, `¹¹`) that PDF text put on its own line.
fn is_lone_marker(line: &str) -> bool {
    let t = line.trim();
    (1..=3).contains(&t.chars().count())
        && (t.chars().all(|c| c.is_ascii_digit())
            || t.chars().all(|c| superscript_digit(c).is_some()))
}

/// Whether a text starts with a lower-case letter.
fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_lowercase())
}

/// The line without glued trailing marker digits (`Action,1` → `Action,`).
fn without_trailing_marker(text: &str) -> &str {
    let trimmed = text.trim_end_matches(|c: char| {
        c.is_ascii_digit() || superscript_digit(c).is_some() || c == '*'
    });
    let cut = text.len() - trimmed.len();
    let punct_before = trimmed.chars().last().is_some_and(|c| !c.is_alphanumeric());
    if cut > 0 && cut <= 3 * 3 && punct_before {
        trimmed
    } else {
        text
    }
}

/// Whether a line ends with punctuation (a clause or sentence end), markers aside.
fn ends_with_punctuation(text: &str) -> bool {
    without_trailing_marker(text)
        .chars()
        .last()
        .is_some_and(|c| {
            matches!(
                c,
                ',' | ';'
                    | ':'
                    | '.'
                    | '!'
                    | '?'
                    | '،'
                    | '؛'
                    | '؟'
                    | '，'
                    | '；'
                    | '：'
                    | '。'
                    | '！'
                    | '？'
                    | '、'
                    | '”'
                    | '»'
                    | '"'
                    | ')'
                    | '）'
                    | '》'
            )
        })
}

/// Whether a line ends a sentence, markers aside.
fn ends_sentence(text: &str) -> bool {
    without_trailing_marker(text)
        .chars()
        .last()
        .is_some_and(|c| {
            matches!(
                c,
                '.' | '!' | '?' | ';' | ':' | '؛' | '؟' | '。' | '！' | '？' | '；' | '：'
            )
        })
}

/// Append a wrapped line to a paragraph: no space between CJK characters, end-of-line hyphens
/// removed in Latin and Cyrillic words (kept after prefixes such as `non-`).
pub(crate) fn join_into(text: &mut String, next: &str, lang: Language) {
    let last = text.chars().last();
    let first = next.chars().next();
    let cjk_boundary = |c: Option<char>| c.is_some_and(|c| is_han(c) || is_cjk_punctuation(c));
    if text.is_empty() {
        text.push_str(next);
        return;
    }
    if lang.is_cjk() && (cjk_boundary(last) || cjk_boundary(first)) {
        text.push_str(next);
        return;
    }
    if last == Some('-')
        && first.is_some_and(|c| c.is_lowercase())
        && let Some(after_prefix) = ends_with_hyphen_prefix(&text[..text.len() - 1])
    {
        if !keeps_hyphen(after_prefix, next) {
            text.pop();
        }
        text.push_str(next);
        return;
    }
    if !is_lone_marker(next) {
        text.push(' ');
    }
    text.push_str(next);
}

/// Word starts before a line-end hyphen that belong to a hyphenated compound.
const HYPHEN_PREFIXES: &[&str] = &[
    "non", "co", "self", "ex", "anti", "multi", "inter", "intra", "post", "pre", "pro", "cross",
    "long", "short", "well", "semi", "socio", "quasi", "follow", "so", "high", "low", "middle",
    "mid", "sub", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "case", "by", "decision", "policy", "peace", "state", "country", "gender", "time", "value",
    "по", "из", "во",
];

/// Characters of the longest entry of [`HYPHEN_PREFIXES`].
const LONGEST_HYPHEN_PREFIX: usize = longest_in_chars(HYPHEN_PREFIXES);

/// The number of characters of the longest string of `list`.
const fn longest_in_chars(list: &[&str]) -> usize {
    let mut longest = 0;
    let mut i = 0;
    while i < list.len() {
        let bytes = list[i].as_bytes();
        let (mut chars, mut j) = (0, 0);
        while j < bytes.len() {
            // Count the bytes that start a character (not UTF-8 continuation bytes).
            if bytes[j] & 0xC0 != 0x80 {
                chars += 1;
            }
            j += 1;
        }
        if chars > longest {
            longest = chars;
        }
        i += 1;
    }
    longest
}

/// Whether the word (run of letters) that ends `text` is one of [`HYPHEN_PREFIXES`], in any
/// case; `None` when `text` does not end with a letter. Only the last
/// [`LONGEST_HYPHEN_PREFIX`] + 1 letters are read, so that a word that keeps growing by
/// hyphenated halves over many lines is joined in linear time.
fn ends_with_hyphen_prefix(text: &str) -> Option<bool> {
    let mut letters: Vec<char> = text
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .take(LONGEST_HYPHEN_PREFIX + 1)
        .collect();
    if letters.is_empty() {
        return None;
    }
    // Lower case has at least as many characters: a longer word is no prefix.
    if letters.len() > LONGEST_HYPHEN_PREFIX {
        return Some(false);
    }
    letters.reverse();
    let word = letters.into_iter().collect::<String>().to_lowercase();
    Some(HYPHEN_PREFIXES.contains(&word.as_str()))
}

/// Whether a hyphen at a line end belongs to the word (`non-` + `discriminatory`);
/// `after_prefix` tells whether the word before it is one of [`HYPHEN_PREFIXES`].
fn keeps_hyphen(after_prefix: bool, next: &str) -> bool {
    let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    after_prefix || matches!(next_word.as_str(), "либо" | "нибудь" | "то" | "таки")
}

/// A label found at the start of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    /// What the label makes the block.
    pub kind: BlockKind,
    /// The normalised label (`"12"`, `"a"`, `"III"`), `None` for a preamble heading.
    pub label: Option<String>,
}

/// A paragraph number: `12. `, Arabic `12 - ` (but not `17 - 25`, a range of days).
static PARAGRAPH_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // `12 - ` (Arabic) is a number, `17 - 25 February` a range of days; a lower-case letter
    // glued to the dash makes an ordinal or a compound (`240-е пленарное заседание`, `10-day`).
    Regex::new(
        r"^([0-9]{1,3}) ?[.．](?: +|\t)[^ ]|^([0-9]{1,3}) ?[-–](?: +[^0-9 ]|[^0-9 \-–a-zа-яё])",
    )
    .expect("valid paragraph pattern")
});
/// A Latin sub-paragraph letter or roman numeral: `(a)`, `(iv)`, `c)`.
static LATIN_SUBPARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(([a-z]{1,2}|[ivxlc]{1,6})\)\s*\S|^([a-z]|[ivx]{1,4})\)\s+\S")
        .expect("valid subparagraph pattern")
});
/// A Cyrillic sub-paragraph letter: `б)`, `(в)`.
static CYRILLIC_SUBPARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?([а-яё])\)\s+\S").expect("valid Cyrillic subparagraph pattern")
});
/// An Arabic sub-paragraph letter: `(ج)`, `(هـ)`.
static ARABIC_SUBPARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(([\p{Arabic}\x{0640}]{1,3})\)\s*\S").expect("valid Arabic subparagraph pattern")
});
/// A chapter heading: `III. Conclusions`.
static ROMAN_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([IVXLC]{1,6})\.\s+\S").expect("valid roman heading pattern"));
/// A section heading: `D. Recommendations`.
static LETTER_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Z])\.\s+\p{Lu}").expect("valid letter heading pattern"));
/// A Chinese chapter heading: `三. 结论和建议`.
static CHINESE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([一二三四五六七八九十]{1,3})\s?[.．、]\s*\S")
        .expect("valid Chinese heading pattern")
});
/// A Chinese article or chapter heading, alone or with a short title: `第十二条`, `第二章：会员`.
static CHINESE_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^第([一二三四五六七八九十百零〇\d]+)([条章])(?:\s*$|[：:\s]\s*\S.{0,40}$)")
        .expect("valid Chinese article pattern")
});
/// A heading word and its number: `Article 1`, `Article premier`, `CHAPTER II:`.
static WORD_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\p{L}+)\s+([IVXLC]+|\d+|premier|first|primero)\b[.:]?(?:\s|$)")
        .expect("valid word heading pattern")
});

/// Digits, letters, parentheses and full stops in full-width or Arabic-Indic form, turned to ASCII.
fn ascii_prefix(text: &str) -> std::borrow::Cow<'_, str> {
    let end = text.char_indices().nth(24).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    if head.is_ascii() {
        return head.into();
    }
    head.chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '．' => '.',
            '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            c => ascii_digit(c),
        })
        .collect::<String>()
        .into()
}

/// Chinese numerals that open section headings (`三.`).
const CHINESE_DIGITS: &str = "一二三四五六七八九十";

/// The label at the start of a paragraph, if any. The first characters decide which patterns
/// can apply, so that ordinary text lines cost no pattern search.
pub(crate) fn leading_label(text: &str) -> Option<Label> {
    let mut chars = text.chars();
    let first = chars.next()?;
    let second = chars.next();
    if first.is_ascii_digit() || ascii_digit(first) != first {
        return paragraph_number(text);
    }
    if matches!(first, '(' | '（') || matches!(second, Some(')' | '）')) {
        return bracketed_letter(text);
    }
    if ('㈠'..='㈩').contains(&first) {
        let p = first as u32 - '㈠' as u32;
        return labelled(
            BlockKind::Subparagraph,
            char::from(b'a' + p as u8).to_string(),
        );
    }
    let short = text.len() <= 160 * 4 && text.chars().count() <= 160;
    if !short {
        return None;
    }
    heading(text, first)
}

/// A label of `kind` that reads `label`.
fn labelled(kind: BlockKind, label: String) -> Option<Label> {
    Some(Label {
        kind,
        label: Some(label),
    })
}

/// The number of a numbered paragraph (`12.`, Arabic `37 - `, `٢٤ - `), without leading zeros.
fn paragraph_number(text: &str) -> Option<Label> {
    let head = ascii_prefix(text);
    let c = PARAGRAPH_NUMBER.captures(&head)?;
    let n = c
        .get(1)
        .or(c.get(2))
        .map_or("", |m| m.as_str())
        .trim_start_matches('0');
    (!n.is_empty()).then(|| Label {
        kind: BlockKind::Paragraph,
        label: Some(n.to_string()),
    })
}

/// The letter of a sub-paragraph (`(a)`, `c)`, `б)`, `(ج)`), as the Latin letter of the same
/// place (`б` = b, `ج` = c).
fn bracketed_letter(text: &str) -> Option<Label> {
    let head = ascii_prefix(text);
    if let Some(c) = LATIN_SUBPARAGRAPH.captures(&head) {
        let l = c.get(1).or(c.get(2)).map_or("", |m| m.as_str());
        return labelled(BlockKind::Subparagraph, l.to_string());
    }
    if let Some(c) = CYRILLIC_SUBPARAGRAPH.captures(&head) {
        let letter = c[1].chars().next()?;
        let latin = CYRILLIC_LOOKALIKES
            .iter()
            .find(|(cy, _)| *cy == letter)
            .map(|&(_, l)| l)
            .or_else(|| cyrillic_position(letter))?;
        return labelled(BlockKind::Subparagraph, latin.to_string());
    }
    if let Some(c) = ARABIC_SUBPARAGRAPH.captures(&head) {
        let letter = c[1].trim_end_matches('ـ');
        let letter = if letter == "ه" { "هـ" } else { letter };
        if let Some(p) = ARABIC_LETTERS.iter().position(|l| *l == letter) {
            return labelled(
                BlockKind::Subparagraph,
                char::from(b'a' + p as u8).to_string(),
            );
        }
    }
    None
}

/// The label of a heading of at most 160 characters starting with `first`: a chapter or section
/// (`III.`, `D.`, `三.`, `第二章`, `ثالثا -`, `CHAPTER II`), an article (`Article 1`, `第十二条`)
/// or the heading of a preamble (`Preamble`, no label).
fn heading(text: &str, first: char) -> Option<Label> {
    if first.is_ascii_uppercase() && text.find(". ").is_some_and(|dot| dot <= 6) {
        let head = ascii_prefix(text);
        if let Some(c) = ROMAN_HEADING.captures(&head)
            && roman_value(&c[1]).is_some()
        {
            return labelled(BlockKind::Heading, c[1].to_string());
        }
        if let Some(c) = LETTER_HEADING.captures(&head) {
            return labelled(BlockKind::Heading, c[1].to_string());
        }
    }
    if CHINESE_DIGITS.contains(first) {
        let c = CHINESE_HEADING.captures(text)?;
        let n = chinese_numeral_value(&c[1])?;
        return labelled(BlockKind::Heading, to_roman(u32::try_from(n).ok()?));
    }
    if first == '第'
        && let Some(c) = CHINESE_ARTICLE.captures(text)
    {
        return chinese_article(&c);
    }
    if is_arabic(first)
        && let Some(l) = arabic_heading(text)
    {
        return labelled(BlockKind::Heading, l);
    }
    if let Some(l) = word_heading(text) {
        return Some(l);
    }
    let preamble = text.len() <= 40
        && PREAMBLE_HEADINGS.contains(
            &text
                .trim_end_matches([':', '.'])
                .trim()
                .to_lowercase()
                .as_str(),
        );
    preamble.then_some(Label {
        kind: BlockKind::Heading,
        label: None,
    })
}

/// A Chinese article or chapter heading matched by [`CHINESE_ARTICLE`]: `第十二条` = 12,
/// `第二章` = II.
fn chinese_article(c: &regex::Captures) -> Option<Label> {
    let n = c[1]
        .parse::<u64>()
        .ok()
        .or_else(|| chinese_numeral_value(&c[1]))?;
    let n = u32::try_from(n).ok()?;
    let l = if &c[2] == "章" {
        to_roman(n)
    } else {
        n.to_string()
    };
    labelled(BlockKind::Heading, l)
}

/// An article or chapter heading opened by a word (`Article 1` = 1, `Article premier` = 1,
/// `CHAPTER II` = II); an article heading is at most 40 characters long.
fn word_heading(text: &str) -> Option<Label> {
    let first_word = text.split_whitespace().next().unwrap_or("");
    let heading_word = first_word.len() <= 24 && {
        let lower = first_word.trim_end_matches([':', '.']).to_lowercase();
        ARTICLE_WORDS.contains(&lower.as_str()) || CHAPTER_WORDS.contains(&lower.as_str())
    };
    if !heading_word {
        return None;
    }
    let head40: String = text.chars().take(40).collect();
    let c = WORD_HEADING.captures(&head40)?;
    let word = c[1].to_lowercase();
    let value = c[2].to_lowercase();
    let n = match value.as_str() {
        "premier" | "first" | "primero" => Some(1),
        v => v.parse().ok().or_else(|| roman_value(v)),
    }?;
    if ARTICLE_WORDS.contains(&word.as_str()) && text.chars().count() <= 40 {
        return labelled(BlockKind::Heading, n.to_string());
    }
    if CHAPTER_WORDS.contains(&word.as_str()) {
        return labelled(BlockKind::Heading, to_roman(n));
    }
    None
}

/// Arabic chapter and section headings: `ثالثا - ` (III), `دال - ` (D).
fn arabic_heading(text: &str) -> Option<String> {
    let (cut, _) = text
        .char_indices()
        .take(16)
        .find(|&(_, c)| c == '-' || c == '–')?;
    let head = text[..cut].trim();
    if let Some(&(_, n)) = ARABIC_ORDINALS.iter().find(|(w, _)| *w == head) {
        return Some(to_roman(n));
    }
    ARABIC_LETTER_NAMES
        .iter()
        .find(|(w, _)| *w == head)
        .map(|&(_, c)| c.to_string())
}

/// A Cyrillic list letter by its place in the Russian alphabet (`б)` = b).
fn cyrillic_position(c: char) -> Option<char> {
    const ORDER: &str = "абвгдежзиклмнопрстуфхцчшщэюя";
    ORDER
        .chars()
        .position(|x| x == c)
        .map(|p| char::from(b'a' + p as u8))
}

/// Block kinds with labels and parents (as indices into `paras`).
pub(crate) type Classified = (BlockKind, Option<String>, Option<usize>);

/// Classify paragraphs: labels first, then the resolution structure (title, opening formula,
/// preamble), then parents of sub-paragraphs.
/// `has_header` says whether the document had a header block: without one, a title-like first
/// block is the title.
pub(crate) fn classify(paras: &[ParaDraft], has_header: bool) -> Vec<Classified> {
    let labels: Vec<Option<Label>> = paras.iter().map(|p| leading_label(&p.text)).collect();
    let first_numbered = labels
        .iter()
        .position(|l| l.as_ref().is_some_and(|l| l.kind == BlockKind::Paragraph))
        .unwrap_or(paras.len());
    let preamble_heading = labels.iter().position(|l| {
        l.as_ref()
            .is_some_and(|l| l.kind == BlockKind::Heading && l.label.is_none())
    });
    let formula = if preamble_heading.is_some() {
        None
    } else {
        (0..first_numbered).find(|&i| labels[i].is_none() && is_opening_formula(&paras[i].text))
    };
    let mut out: Vec<Classified> = Vec::with_capacity(paras.len());
    let mut parent: Option<usize> = None;
    let mut in_preamble = false;
    for (i, (para, label)) in paras.iter().zip(&labels).enumerate() {
        if Some(i) == preamble_heading || (formula.is_some_and(|f| i > f) && i < first_numbered) {
            in_preamble = true;
        }
        let entry = match label {
            Some(Label {
                kind: BlockKind::Paragraph,
                label,
            }) => {
                parent = Some(i);
                in_preamble = false;
                (BlockKind::Paragraph, label.clone(), None)
            }
            Some(Label {
                kind: BlockKind::Subparagraph,
                label,
            }) => (BlockKind::Subparagraph, label.clone(), parent),
            Some(Label { kind, label }) => {
                parent = None;
                if Some(i) != preamble_heading {
                    in_preamble = false;
                }
                (*kind, label.clone(), None)
            }
            None if in_preamble && Some(i) != formula => (BlockKind::Preamble, None, None),
            None => {
                let before_formula = formula.is_some_and(|f| i + 1 == f);
                let first_block =
                    i == 0 && !has_header && formula.is_none() && is_title_like(&para.text);
                let kind = if (before_formula && is_title_like(&para.text)) || first_block {
                    BlockKind::Title
                } else {
                    BlockKind::Text
                };
                (kind, None, None)
            }
        };
        out.push(entry);
    }
    out
}

/// The opening formula of a resolution: `The General Assembly,`, `经济及社会理事会，`.
fn is_opening_formula(text: &str) -> bool {
    let ends_comma = text.ends_with([',', '，', '،']);
    let short = if text.chars().any(is_han) {
        text.chars().count() <= 20
    } else {
        text.split_whitespace().count() <= 8
    };
    ends_comma && short && text.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// A title has no final punctuation and is not long.
fn is_title_like(text: &str) -> bool {
    !ends_with_punctuation(text) && text.chars().count() <= 200
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> Option<(BlockKind, Option<String>)> {
        leading_label(text).map(|l| (l.kind, l.label))
    }

    fn some(kind: BlockKind, l: &str) -> Option<(BlockKind, Option<String>)> {
        Some((kind, Some(l.to_string())))
    }

    #[test]
    fn paragraph_numbers() {
        assert_eq!(
            label("12. Requests the Secretary-General"),
            some(BlockKind::Paragraph, "12")
        );
        assert_eq!(label("37 - تحيط علما"), some(BlockKind::Paragraph, "37"));
        assert_eq!(
            label("٢٤ - الأسلحة الصغيرة"),
            some(BlockKind::Paragraph, "24")
        );
        assert_eq!(label("10- اتَّفقت اللجنة"), some(BlockKind::Paragraph, "10"));
        assert_eq!(label("1. 表示注意到"), some(BlockKind::Paragraph, "1"));
        assert_eq!(label("2001-2010 decade"), None);
        assert_eq!(label("1.5 million people"), None);
        assert_eq!(label("14 April 2000,9"), None);
        assert_eq!(label("17 - 25 февраля 2015 года"), None);
        assert_eq!(label("17 - 25 شباط/فبراير 2015"), None);
        assert_eq!(label("240-е пленарное заседание"), None);
        assert_eq!(label("7360-го заседания"), None);
        assert_eq!(label("10-day period"), None);
    }

    #[test]
    fn subparagraph_letters() {
        assert_eq!(
            label("(a) The ongoing bilateral"),
            some(BlockKind::Subparagraph, "a")
        );
        assert_eq!(label("c) Aux effets"), some(BlockKind::Subparagraph, "c"));
        assert_eq!(
            label("а) товаров, которые"),
            some(BlockKind::Subparagraph, "a")
        );
        assert_eq!(label("с) в порядке"), some(BlockKind::Subparagraph, "c"));
        assert_eq!(label("б) с аукциона"), some(BlockKind::Subparagraph, "b"));
        assert_eq!(label("(ج) الأطراف"), some(BlockKind::Subparagraph, "c"));
        assert_eq!(label("(هـ) الأطراف"), some(BlockKind::Subparagraph, "e"));
        assert_eq!(
            label("(iv) Debt burden"),
            some(BlockKind::Subparagraph, "iv")
        );
        assert_eq!(
            label("（ｂ） 经由拍卖的销售"),
            some(BlockKind::Subparagraph, "b")
        );
        assert_eq!(label("㈡ 人人有权"), some(BlockKind::Subparagraph, "b"));
    }

    #[test]
    fn headings() {
        assert_eq!(
            label("III. Conclusion and recommendation"),
            some(BlockKind::Heading, "III")
        );
        assert_eq!(label("三. 结论和建议"), some(BlockKind::Heading, "III"));
        assert_eq!(
            label("ثالثا - الاستنتاجات والتوصيات"),
            some(BlockKind::Heading, "III")
        );
        assert_eq!(label("دال - التوصيات"), some(BlockKind::Heading, "D"));
        assert_eq!(label("D. Recommendations"), some(BlockKind::Heading, "D"));
        assert_eq!(label("Article 1"), some(BlockKind::Heading, "1"));
        assert_eq!(label("Article premier"), some(BlockKind::Heading, "1"));
        assert_eq!(label("第十二条"), some(BlockKind::Heading, "12"));
        assert_eq!(label("第二章：会员"), some(BlockKind::Heading, "II"));
        assert_eq!(
            label("第一条规定了宗旨，其内容如下并且更长一些的一段正文不是标题而是正文内容"),
            None
        );
        assert_eq!(
            label("CHAPTER II: MEMBERSHIP"),
            some(BlockKind::Heading, "II")
        );
        assert_eq!(label("序言"), Some((BlockKind::Heading, None)));
        assert_eq!(
            label("Article 1 of the Convention applies to all sales of goods between parties"),
            None
        );
    }

    fn line(no: usize, text: &str) -> Line {
        Line::new(no, text).expect("a non-blank line")
    }

    /// Paragraphs of `texts` read as consecutive lines numbered from 1, no blank between them.
    fn adjacent_paragraphs(texts: &[&str], lang: Language) -> Vec<ParaDraft> {
        let lines: Vec<Line> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| line(i + 1, t))
            .collect();
        let input: Vec<(&Line, Gap)> = lines.iter().map(|l| (l, Gap::Adjacent)).collect();
        paragraphs(&input, lang)
    }

    #[test]
    fn hard_wrapped_english_is_rejoined() {
        let text = [
            "The General Assembly,",
            "Guided by the Charter of the United Nations, expressing, in particular, the",
            "determination to promote social progress and better standards of life in larger",
            "freedom as well as to employ international mechanisms for the promotion of the",
            "economic and social advancement of all peoples,",
            "Recalling that the Declaration on the Right to Development, adopted by the",
            "General Assembly in its resolution 41/128 of 4 December 1986, confirmed that the",
            "right to development is an inalienable human right and that equality of opportunity",
            "for development is a prerogative both of nations and of individuals, who make up",
            "nations,",
            "1. Welcomes the holding of two sessions of the Working Group on the Right",
            "to Develop-",
            "ment,8",
            "and emphasizes the need to continue",
        ];
        let paras = adjacent_paragraphs(&text, Language::En);
        let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), 4, "{texts:#?}");
        assert!(texts[1].starts_with("Guided by") && texts[1].ends_with("of all peoples,"));
        assert!(texts[2].ends_with("who make up nations,"));
        assert_eq!(
            texts[3],
            "1. Welcomes the holding of two sessions of the Working Group on the Right to Development,8 and emphasizes the need to continue"
        );
        assert_eq!(paras[3].lines, vec![11, 12, 13, 14]);
    }

    #[test]
    fn chinese_lines_join_without_spaces() {
        let text = [
            "2. 欢迎直到《2001-2010 十年期支援最不发达国家行动纲领》2",
            "执行情况",
            "全球综合中期审查之时所作的贡献，包括制定《进一步执行 2001-2010 十年期支",
            "援最不发达国家行动纲领科托努战略》，7",
            "这是一项由最不发达国家掌控和主导",
            "的倡议；",
            "3. 重申其对参加大会《2001-2010 十年期支援最不发达国家行动纲领》执",
        ];
        let paras = adjacent_paragraphs(&text, Language::Zh);
        assert_eq!(paras.len(), 2);
        assert!(paras[0].text.contains("行动纲领》2执行情况全球综合"));
        assert!(
            paras[0]
                .text
                .ends_with("战略》，7这是一项由最不发达国家掌控和主导的倡议；")
        );
    }

    #[test]
    fn page_break_inside_a_paragraph() {
        let lines = [
            line(1, "Recalling its resolution on the rights of the"),
            line(9, "child, and noting"),
            line(11, "Noting with appreciation the work,"),
        ];
        let input = vec![
            (&lines[0], Gap::Adjacent),
            (&lines[1], Gap::PageBreak),
            (&lines[2], Gap::Blank),
        ];
        let paras = paragraphs(&input, Language::En);
        assert_eq!(paras.len(), 2);
        assert_eq!(
            paras[0].text,
            "Recalling its resolution on the rights of the child, and noting"
        );
        assert_eq!(paras[0].lines, vec![1, 9]);
    }

    #[test]
    fn hyphenation() {
        let mut s = String::from("develop-");
        join_into(&mut s, "ment and", Language::En);
        assert_eq!(s, "development and");
        let mut s = String::from("a non-");
        join_into(&mut s, "discriminatory system", Language::En);
        assert_eq!(s, "a non-discriminatory system");
        let mut s = String::from("大会");
        join_into(&mut s, "决议", Language::Zh);
        assert_eq!(s, "大会决议");
    }

    #[test]
    fn many_hyphenated_lines_join_into_one_word() {
        // 20,000 lines each ending in a hyphen: the hyphens inside the growing word go, those
        // after a prefix (`non-`) stay.
        let mut lines = vec!["The Committee considered the"];
        lines.extend(std::iter::repeat_n("develop-", 10_000));
        lines.push("the non-");
        lines.extend(std::iter::repeat_n("non-", 9_999));
        lines.push("ment.");
        let paras = adjacent_paragraphs(&lines, Language::En);
        assert_eq!(paras.len(), 1);
        let expected = format!(
            "The Committee considered the {}the {}ment.",
            "develop".repeat(10_000),
            "non-".repeat(10_000)
        );
        assert_eq!(paras[0].text, expected);
        assert_eq!(paras[0].lines, (1..=20_002).collect::<Vec<_>>());
    }

    #[test]
    fn resolution_structure() {
        let texts = [
            "Draft resolution",
            "The General Assembly,",
            "Recalling its resolution,",
            "Noting the report,",
            "1. Decides to act;",
            "(a) First;",
            "(b) Second;",
            "2. Requests a report.",
        ];
        let paras: Vec<ParaDraft> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| ParaDraft {
                text: t.to_string(),
                lines: vec![i + 1],
            })
            .collect();
        let kinds: Vec<BlockKind> = classify(&paras, true).iter().map(|c| c.0).collect();
        use BlockKind::*;
        assert_eq!(
            kinds,
            vec![
                Title,
                Text,
                Preamble,
                Preamble,
                Paragraph,
                Subparagraph,
                Subparagraph,
                Paragraph
            ]
        );
        let classified = classify(&paras, true);
        assert_eq!(classified[5].2, Some(4));
    }
}

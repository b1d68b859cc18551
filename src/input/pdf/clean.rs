//! Repairs of the text poppler extracts, one line at a time: bidi controls out, the Arabic
//! lam-alef order put back, the spaces poppler puts between Chinese and Latin letters or digits
//! taken out, and footnote markers (found small and raised in the layout) written as
//! superscript digits glued to the word they follow, the way the parser reads them for sure.

use std::borrow::Cow;

use crate::input::superscript_marker;

/// Whether `c` is a bidi control poppler wraps right-to-left runs in (U+200E/F, U+202A–202E,
/// U+2066–2069).
pub(super) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The line without bidi controls (borrowed when it has none: most lines of most PDFs).
pub(super) fn strip_bidi(line: &str) -> Cow<'_, str> {
    if line.contains(is_bidi_control) {
        Cow::Owned(line.chars().filter(|c| !is_bidi_control(*c)).collect())
    } else {
        Cow::Borrowed(line)
    }
}

/// A right-to-left line with its embedded runs of digits and punctuation put in logical order.
/// poppler wraps each such run in U+202A … U+202C and writes it in visual order
/// (`)2017( 2347` for `2347 (2017)`, ` ،1` for `1، `): a run without letters is read back
/// from its end, numbers (`2004/34`, `125 486` aside) kept as they are written. Runs with
/// Latin letters stay as they are. A sub-paragraph letter whose bracket came apart (`( أ)`) is
/// closed up again.
pub(super) fn repair_rtl_runs(raw: &str) -> String {
    if !raw.contains('\u{202A}') {
        return ARABIC_LETTER_LABEL.replace_all(raw, "($1)").into_owned();
    }
    if !raw.chars().any(is_rtl_letter) {
        return mirrored_line(raw);
    }
    let mut out = String::with_capacity(raw.len() + 8);
    let mut run: Option<String> = None;
    for c in raw.chars() {
        match (c, run.as_mut()) {
            ('\u{202A}', None) => run = Some(String::new()),
            ('\u{202C}', Some(r)) => {
                if r.chars().any(char::is_alphabetic) {
                    out.push_str(r);
                } else {
                    out.push_str(&read_back(r));
                }
                run = None;
            }
            (_, Some(r)) => r.push(c),
            (_, None) => out.push(c),
        }
    }
    if let Some(r) = run {
        out.push_str(&r);
    }
    let out = strip_bidi(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // An Arabic paragraph number `1 -` comes out as `-1`, read back `1-`.
    let out = PARAGRAPH_NUMBER.replace(&out, "$1 - ");
    ARABIC_LETTER_LABEL.replace_all(&out, "($1)").into_owned()
}

/// A run of digits and punctuation in visual order read back from its end: each number (digits
/// with `/ . , :` between them) stays as written, everything else is reversed.
fn read_back(run: &str) -> String {
    let chars: Vec<char> = run.chars().collect();
    let mut tokens: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut end = i;
        while end < chars.len()
            && (chars[end].is_ascii_digit()
                || end > i
                    && matches!(chars[end], '/' | '.' | ',' | ':')
                    && chars.get(end + 1).is_some_and(char::is_ascii_digit))
        {
            end += 1;
        }
        let end = end.max(i + 1);
        tokens.push(chars[i..end].iter().collect());
        i = end;
    }
    tokens.reverse();
    tokens.concat()
}

/// An Arabic paragraph number read back from its visual order: `1-` at the start of a line.
static PARAGRAPH_NUMBER: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^(\d{1,3})- ?").expect("a valid pattern"));

/// A sub-paragraph letter whose bracket run came apart: `( أ)`.
static ARABIC_LETTER_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\( (\p{Arabic}{1,2})\)").expect("a valid pattern")
});

/// A line of Latin letters and digits set right to left (a job number or date in an Arabic
/// document): when it shows mirrored brackets (`190526 )A( 26-08123`), its pieces in reverse
/// order and the brackets turned back (`26-08123 (A) 190526`); a date whose day went to the end
/// (`May 2026 19`) with the day in front again; otherwise as it is.
fn mirrored_line(raw: &str) -> String {
    let line = strip_bidi(raw);
    if !raw.starts_with('\u{202B}') {
        return raw.to_string();
    }
    let pieces: Vec<&str> = line.split_whitespace().collect();
    if let [month, year, day] = pieces[..] {
        let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
            n.contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit())
        };
        if month.chars().all(char::is_alphabetic) && digits(year, 4..=4) && digits(day, 1..=2) {
            return format!("{day} {month} {year}");
        }
    }
    if !shows_mirrored_brackets(&line) {
        return raw.to_string();
    }
    let pieces: Vec<String> = line.split_whitespace().rev().map(mirrored).collect();
    pieces.join(" ")
}

/// Whether a line shows a bracketed piece the wrong way round: `)…(`.
fn shows_mirrored_brackets(line: &str) -> bool {
    match (line.find(')'), line.find('(')) {
        (Some(close), Some(open)) => close < open,
        (Some(_), None) => false,
        _ => false,
    }
}

/// A piece of text with its brackets mirrored.
fn mirrored(piece: &str) -> String {
    piece
        .chars()
        .map(|c| match c {
            '(' => ')',
            ')' => '(',
            '[' => ']',
            ']' => '[',
            _ => c,
        })
        .collect()
}

/// Whether `c` is a letter of a right-to-left script (Arabic, Hebrew, Syriac, Thaana …).
pub(super) fn is_rtl_letter(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && c.is_alphabetic()
}

/// The Arabic lam-alef ligature put back in order: poppler writes the ligature `لأ` of `الأمم`
/// as alef-with-hamza then lam (`األمم`). Only the case `ا` + alef form + `ل` is repaired: two
/// alefs never follow each other in an Arabic word, so the repair cannot spoil a right word.
pub(super) fn repair_lam_alef(line: &str) -> String {
    if !line.contains('ا') {
        return line.to_string();
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == 'ا'
            && i + 2 < chars.len()
            && matches!(chars[i + 1], 'أ' | 'إ' | 'آ' | 'ا')
            && chars[i + 2] == 'ل'
        {
            out.push('ا');
            out.push('ل');
            out.push(chars[i + 1]);
            i += 3;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Whether `c` is written without spaces around it in Chinese: a Han character, CJK or
/// full-width punctuation.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{2FFFF}')
}

/// The line without the spaces poppler puts between Chinese and Latin letters, digits or
/// markers (`2011 年 4 月` → `2011年4月`); a space between two non-Chinese words stays.
pub(super) fn remove_han_spaces(line: &str) -> String {
    if !line.chars().any(is_cjk) {
        return line.to_string();
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    // The space after a paragraph number or letter opening the line (`1. `, `(a) `) stays.
    let mut i = label_length(&chars);
    out.extend(&chars[..i]);
    while i < chars.len() {
        if chars[i] == ' ' {
            let end = chars[i..]
                .iter()
                .position(|c| *c != ' ')
                .map_or(chars.len(), |n| i + n);
            let before = out.chars().next_back();
            let after = chars.get(end).copied();
            let inside = before.is_some() && after.is_some();
            if inside && (before.is_some_and(is_cjk) || after.is_some_and(is_cjk)) {
                i = end;
                continue;
            }
            out.extend(&chars[i..end]);
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// The characters of a paragraph number or letter opening a line and the space after it
/// (`1. `, `(a) `, `a) `), 0 when there is none.
fn label_length(chars: &[char]) -> usize {
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let label = if digits > 0 && digits <= 3 && chars.get(digits) == Some(&'.') {
        digits + 1
    } else {
        let open = usize::from(chars.first() == Some(&'('));
        let letters = chars[open..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        if (1..=4).contains(&letters) && chars.get(open + letters) == Some(&')') {
            open + letters + 1
        } else {
            return 0;
        }
    };
    let spaces = chars[label..].iter().take_while(|c| **c == ' ').count();
    if spaces == 0 { 0 } else { label + spaces }
}

/// Whether a word is a footnote marker: one to three digits, or one to three asterisks.
pub(super) fn is_marker(word: &str) -> bool {
    let n = word.chars().count();
    (1..=3).contains(&n)
        && (word.chars().all(|c| c.is_ascii_digit()) || word.chars().all(|c| c == '*'))
}

/// Write `marker` (found raised after the word `context`, when known) as a superscript in
/// `line`, searching from byte `from`; the spaces before it go. Returns the byte where the
/// search goes on, or `None` (the line unchanged) when the marker is not found.
pub(super) fn place_marker(
    line: &mut String,
    marker: &str,
    context: Option<&str>,
    from: usize,
) -> Option<usize> {
    let at = context
        .and_then(|c| after_context(line, c, marker, from))
        .or_else(|| standalone(line, marker, from))?;
    let start = line[..at].trim_end_matches(' ').len();
    let start = if start == 0 { at } else { start };
    let shown = superscript_marker(marker);
    line.replace_range(start..at + marker.len(), &shown);
    Some(start + shown.len())
}

/// The byte where `marker` stands right after `context` (and spaces) in `line` from `from`.
fn after_context(line: &str, context: &str, marker: &str, from: usize) -> Option<usize> {
    let mut search = from;
    while let Some(found) = line.get(search..)?.find(context) {
        let end = search + found + context.len();
        let rest = &line[end..];
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        let at = end + spaces;
        if line[at..].starts_with(marker) && !continues_number(line, at + marker.len(), marker) {
            return Some(at);
        }
        search = search + found + context.len().max(1);
    }
    None
}

/// The byte of the first occurrence of `marker` in `line` from `from` that is not part of a
/// number, a symbol or a longer run of asterisks.
fn standalone(line: &str, marker: &str, from: usize) -> Option<usize> {
    let mut search = from;
    while let Some(found) = line.get(search..)?.find(marker) {
        let at = search + found;
        let before = line[..at].chars().next_back();
        let part_of_number = before.is_some_and(|c| {
            if marker.starts_with('*') {
                c == '*'
            } else {
                c.is_ascii_digit()
                    || matches!(c, '/' | '.' | ',' | '-')
                        && line[..at]
                            .chars()
                            .rev()
                            .nth(1)
                            .is_some_and(|d| d.is_ascii_digit())
            }
        });
        if !part_of_number && !continues_number(line, at + marker.len(), marker) {
            return Some(at);
        }
        search = at + marker.len();
    }
    None
}

/// Whether the text at byte `end` continues the marker into a longer number or run.
fn continues_number(line: &str, end: usize, marker: &str) -> bool {
    let next = line[end..].chars().next();
    next.is_some_and(|c| {
        if marker.starts_with('*') {
            c == '*'
        } else {
            c.is_ascii_digit()
                || (matches!(c, '/' | '.' | ',')
                    && line[end..]
                        .chars()
                        .nth(1)
                        .is_some_and(|d| d.is_ascii_digit()))
        }
    })
}

/// A footnote body's first line with its marker set off (`1General …` → `¹ General …`), when
/// the line opens with one of `markers`; the line unchanged otherwise.
pub(super) fn note_opening(line: &str, markers: &[String]) -> Option<String> {
    let trimmed = line.trim_start();
    let lead: String = if trimmed.starts_with('*') {
        trimmed.chars().take_while(|c| *c == '*').collect()
    } else {
        trimmed.chars().take_while(char::is_ascii_digit).collect()
    };
    if lead.is_empty() || !markers.contains(&lead) {
        return None;
    }
    let rest = trimmed[lead.len()..].trim_start();
    // A paragraph number (`5.`, Arabic `5 -`) or a number of the text is no marker.
    if rest.is_empty()
        || rest
            .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | ')' | '-' | ',' | '/'))
    {
        return None;
    }
    Some(format!("{} {rest}", superscript_marker(&lead)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_are_stripped() {
        let line = "\u{202B}البند \u{202A} 5\u{202C}من جدول الأعمال\u{202C}\u{200F}";
        assert_eq!(strip_bidi(line), "البند  5من جدول الأعمال");
        assert_eq!(strip_bidi("a\u{2066}b\u{2069}\u{200E}"), "ab");
    }

    #[test]
    fn digit_runs_of_right_to_left_lines_are_put_in_logical_order() {
        let line = "\u{202B}الجرائم ذات الصلة\u{202A} ،1\u{202C}وإلى قرار مجلس الأمن \u{202A} )2017( 2347\u{202C}المؤرخ\u{202C}";
        assert_eq!(
            repair_rtl_runs(line),
            "الجرائم ذات الصلة1، وإلى قرار مجلس الأمن 2347 (2017) المؤرخ"
        );
        let line = "\u{202B}فيينا\u{202A} 18 ،\u{202C}أيار\u{202A}/\u{202C}مايو \u{202A}2026\u{202C}\u{202C}";
        assert_eq!(repair_rtl_runs(line), "فيينا، 18 أيار/مايو 2026");
        let line =
            "\u{202B}\u{202A} -5\u{202C}يشجع الدول\u{202A} ،\u{202C}وفقا\u{202A}:\u{202C}\u{202C}";
        assert_eq!(repair_rtl_runs(line), "5 - يشجع الدول، وفقا:");
        let line = "\u{202B}( أ) إلزام مشغلي منصات\u{202C}";
        assert_eq!(
            repair_rtl_runs(line),
            "\u{202B}(أ) إلزام مشغلي منصات\u{202C}"
        );
        let date = "\u{202B}\u{202A}May 2026 19\u{202C}\u{202C}";
        assert_eq!(
            repair_rtl_runs(date),
            "19 May 2026",
            "the day back in front"
        );
        let job = "\u{202B}\u{202A}190526 )A( 26-08123\u{202C}\u{202C}";
        assert_eq!(repair_rtl_runs(job), "26-08123 (A) 190526");
        let latin = "\u{202B}\u{202A}Distr.: Limited\u{202C}\u{202C}";
        assert_eq!(repair_rtl_runs(latin), latin, "nothing mirrored: unchanged");
        assert_eq!(repair_rtl_runs("2347 (2017)"), "2347 (2017)");
    }

    #[test]
    fn lam_alef_order_is_repaired_where_safe() {
        assert_eq!(repair_lam_alef("األمم المتحدة"), "الأمم المتحدة");
        assert_eq!(repair_lam_alef("االتجاهات"), "الاتجاهات");
        assert_eq!(repair_lam_alef("اإلنترنت"), "الإنترنت");
        // Right words stay as they are.
        assert_eq!(repair_lam_alef("الأمم والإنترنت"), "الأمم والإنترنت");
        assert_eq!(repair_lam_alef("English only"), "English only");
    }

    #[test]
    fn spaces_between_han_and_latin_or_digits_go() {
        assert_eq!(
            remove_han_spaces("大会 2011 年 4 月 11 日第 65/281 号决议"),
            "大会2011年4月11日第65/281号决议"
        );
        assert_eq!(
            remove_han_spaces("《国际准则》执行情况的报告， ⁴其中指出， 2024 年"),
            "《国际准则》执行情况的报告，⁴其中指出，2024年"
        );
        assert_eq!(
            remove_han_spaces("26-08123 (C) 190526"),
            "26-08123 (C) 190526"
        );
        assert_eq!(remove_han_spaces("1. 敦促 2024 年"), "1. 敦促2024年");
        assert_eq!(remove_han_spaces("(a) 要求"), "(a) 要求");
        assert_eq!(
            remove_han_spaces("第 2347(2017) 号 A/RES/1 B"),
            "第2347(2017)号A/RES/1 B"
        );
    }

    #[test]
    fn raised_markers_become_superscripts_glued_to_their_word() {
        let mut line =
            "Related Offences, 1 as well as Security Council resolution 2347".to_string();
        let next = place_marker(&mut line, "1", Some("Offences,"), 0).unwrap();
        assert_eq!(
            line,
            "Related Offences,¹ as well as Security Council resolution 2347"
        );
        assert_eq!(
            &line[next..],
            " as well as Security Council resolution 2347"
        );

        let mut line = "Ownership of Cultural Property3 as fundamental 3".to_string();
        place_marker(&mut line, "3", Some("Property"), 0).unwrap();
        assert_eq!(line, "Ownership of Cultural Property³ as fundamental 3");

        // Without context (a right-to-left line): the first 1 that is no part of a number.
        let mut line = "2014/21 الصلة ،1 وإلى قرار 2347".to_string();
        place_marker(&mut line, "1", None, 0).unwrap();
        assert_eq!(line, "2014/21 الصلة ،¹ وإلى قرار 2347");

        let mut line = "Chile and Mexico:* draft resolution".to_string();
        place_marker(&mut line, "*", Some("Mexico:"), 0).unwrap();
        assert_eq!(line, "Chile and Mexico:* draft resolution");

        let mut line = "resolution 2347 (2017)".to_string();
        assert_eq!(place_marker(&mut line, "4", None, 0), None);
    }

    #[test]
    fn markers_are_told_from_words() {
        assert!(is_marker("1") && is_marker("12") && is_marker("**"));
        assert!(!is_marker("2024") && !is_marker("a") && !is_marker("1.") && !is_marker(""));
    }

    #[test]
    fn a_note_body_opening_with_a_known_marker_is_set_off() {
        let markers = vec!["*".to_string(), "1".to_string(), "4".to_string()];
        assert_eq!(
            note_opening("1General Assembly resolution 69/196, annex.", &markers).as_deref(),
            Some("¹ General Assembly resolution 69/196, annex.")
        );
        assert_eq!(
            note_opening("4E/CN.15/2025/12.", &markers).as_deref(),
            Some("⁴ E/CN.15/2025/12.")
        );
        assert_eq!(
            note_opening("*The following States", &markers).as_deref(),
            Some("* The following States")
        );
        assert_eq!(
            note_opening("2United Nations", &markers),
            None,
            "not a marker seen"
        );
        assert_eq!(note_opening("Uruguay.", &markers), None);
        assert_eq!(
            note_opening("4. 建议会员国", &markers),
            None,
            "a paragraph number"
        );
    }
}

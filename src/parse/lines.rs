//! Physical lines of the input: cleaning (bidirectional controls, odd spaces) and recognition of
//! page furniture — job numbers, barcodes, rules, page numbers, running heads.

use std::sync::LazyLock;

use regex::Regex;

use crate::locale::UN_SYMBOL;

/// A non-blank input line after cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// 1-based line number in the input.
    pub no: usize,
    /// The line without bidirectional controls, surrounding space or runs of inner space.
    pub text: String,
    /// Display width of `text` in terminal columns.
    pub width: usize,
}

impl Line {
    /// A cleaned line; `None` when it is blank.
    pub(crate) fn new(no: usize, raw: &str) -> Option<Line> {
        let text = clean(raw);
        (!text.is_empty()).then(|| Line {
            no,
            width: width(&text),
            text,
        })
    }
}

/// Characters PDF extraction wraps Arabic lines in, which carry no content.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Whether a line needs no cleaning: no space at either end, no double space, no tab or other
/// control, and none of the multi-byte spaces and invisible characters (found by their UTF-8
/// bytes, so that ordinary text is copied without decoding).
fn is_clean(raw: &str) -> bool {
    let b = raw.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut k = 0;
    while k < b.len() {
        let odd = match b[k] {
            b' ' => b.get(k + 1) == Some(&b' '),
            0x00..=0x1F | 0x7F => true,
            0xC2 => matches!(b.get(k + 1), Some(0x85 | 0xA0 | 0xAD)),
            0xE1 => b.get(k + 1) == Some(&0x9A) && b.get(k + 2) == Some(&0x80),
            0xE2 => matches!(
                (b.get(k + 1), b.get(k + 2)),
                (Some(0x80), Some(0x80..=0x8F | 0xA8..=0xAF)) | (Some(0x81), Some(0x9F..=0xA9))
            ),
            0xE3 => b.get(k + 1) == Some(&0x80) && b.get(k + 2) == Some(&0x80),
            0xEF => b.get(k + 1) == Some(&0xBB) && b.get(k + 2) == Some(&0xBF),
            _ => false,
        };
        if odd {
            return false;
        }
        k += 1;
    }
    true
}

/// Clean one raw line: drop invisible controls, turn odd spaces into plain ones, collapse runs
/// of spaces, trim. Returns an empty string for a blank line.
pub(crate) fn clean(raw: &str) -> String {
    if is_clean(raw) {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars() {
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// The digits of page furniture: ASCII, Arabic-Indic, Persian and full-width. Not every Unicode
/// digit, as `\d` means, which costs ten times as much to compile.
const FURNITURE_DIGIT: &str = "[0-9٠-٩۰-۹０-９]";

/// A page-furniture pattern, `\d` standing for [`FURNITURE_DIGIT`].
fn furniture_pattern(pattern: &str, what: &str) -> Regex {
    Regex::new(&pattern.replace(r"\d", FURNITURE_DIGIT))
        .unwrap_or_else(|e| panic!("{what} pattern: {e}"))
}

static JOB_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    furniture_pattern(
        r"^(?:\d{6}\s+){0,2}((?:V\.|GE\.|N)?\d{2}-\d{5}(?:\s*\([A-Z]\))?)(?:\s+\d{6}){0,2}(?:\s+[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+)?(?:\s+\*\d{7,9}\*)?$",
        "job-number",
    )
});

static JOB_PAGE_FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    furniture_pattern(
        r"^(?:(?:V\.|GE\.)?\d{2}-\d{5}/\d{1,3}|/\d{1,3}(?:V\.|GE\.)?\d{2}-\d{5})$",
        "page-footer",
    )
});

static BARCODE: LazyLock<Regex> =
    LazyLock::new(|| furniture_pattern(r"^\*\s?\d{7,9}\s?\*$", "barcode"));

static RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[_\-–—‒―=]{3,}$").expect("valid rule pattern"));

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    furniture_pattern(
        r"^(?:-\s*\d{1,3}\s*-|\d{1,3}|\d{1,3}\s*/\s*\d{1,3}|(?i:page|página|стр\.)\s*\d{1,3})$",
        "page-number",
    )
});

/// A UN document symbol ([`UN_SYMBOL`]: `A/RES/70/1`, `E/CN.15/2011/L.3/Rev.1`,
/// `A/CONF.213/18`) after an ASCII word boundary. A Unicode `\b` would keep the regex engine
/// off its DFA for every line of non-Latin text (a third more instructions to parse Arabic).
pub(crate) static SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b){UN_SYMBOL}")).expect("valid symbol pattern"));

/// The job number (`V.11-82153 (C)`) if the line is a job-number line.
pub(crate) fn job_number(line: &str) -> Option<String> {
    JOB_NUMBER
        .captures(line)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Whether the line is a page footer made of the job number and a page number (`20-09399/3`).
pub(crate) fn is_job_page_footer(line: &str) -> bool {
    JOB_PAGE_FOOTER.is_match(line)
}

/// Whether the line is a barcode (`*1182153*`).
pub(crate) fn is_barcode(line: &str) -> bool {
    BARCODE.is_match(line)
}

/// Whether the line is a horizontal rule of underscores or dashes.
pub(crate) fn is_rule(line: &str) -> bool {
    RULE.is_match(line)
}

/// Whether the line could be a page number (`3`, `- 3 -`, `3/12`).
pub(crate) fn is_page_number(line: &str) -> bool {
    PAGE_NUMBER.is_match(line)
}

/// The symbol if the whole line is one document symbol, possibly with an organ name before it
/// or a page number around it (`United Nations A/CN.9/SER.C/DIGEST/CISG/2`, `A/56/100 3`).
pub(crate) fn symbol_line(line: &str, organs: &[&str]) -> Option<String> {
    if !line.contains('/') || line.len() > 200 {
        return None;
    }
    let m = SYMBOL.find(line)?;
    if !m.as_str().contains('/') || !m.as_str().chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let before = line[..m.start()].trim();
    let after = line[m.end()..].trim();
    let before_ok = before.is_empty()
        || before.chars().all(|c| c.is_ascii_digit())
        || organs
            .iter()
            .any(|o| before.eq_ignore_ascii_case(o) || before.to_lowercase() == *o);
    let after_ok = after.is_empty() || after.chars().all(|c| c.is_ascii_digit());
    (before_ok && after_ok).then(|| m.as_str().to_string())
}

/// Display width in terminal columns: Han characters and full-width forms count two.
pub(crate) fn width(text: &str) -> usize {
    // Below U+1100 (lead byte 0xE1) every character is one column wide but for combining marks,
    // which UN text hardly has outside Arabic vowel signs: count characters there.
    if text.bytes().all(|b| b < 0xE1) {
        text.chars().count()
    } else {
        unicode_width::UnicodeWidthStr::width(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning() {
        assert_eq!(
            clean("  \u{200F}Distr.:\u{00A0}\u{00A0}Limited \u{202C} "),
            "Distr.: Limited"
        );
        assert_eq!(clean("   "), "");
        assert_eq!(clean("a\tb"), "a b");
        assert_eq!(clean("a  b"), "a b");
        assert_eq!(clean("a\u{3000}b"), "a b");
        assert_eq!(clean("“quoted” — text"), "“quoted” — text");
        assert!(is_clean("Chairperson’s conclusions"));
        assert!(!is_clean("\u{FEFF}text"));
    }

    #[test]
    fn job_numbers() {
        assert_eq!(
            job_number("V.11-82153 (C)").as_deref(),
            Some("V.11-82153 (C)")
        );
        assert_eq!(
            job_number("01-66657 (E) 291101").as_deref(),
            Some("01-66657 (E)")
        );
        assert_eq!(
            job_number("07-28459 (C) 130407 180407").as_deref(),
            Some("07-28459 (C)")
        );
        assert_eq!(
            job_number("170720 140720 20-09399 (A)").as_deref(),
            Some("20-09399 (A)")
        );
        assert_eq!(
            job_number("98-14973 (S) 210898 220898 A/53/100").as_deref(),
            Some("98-14973 (S)")
        );
        assert_eq!(job_number("V.04-54724").as_deref(), Some("V.04-54724"));
        assert_eq!(job_number("2001-2010 decade"), None);
        assert!(is_job_page_footer("20-09399/3"));
        assert!(is_job_page_footer("/320-09399"));
    }

    #[test]
    fn furniture() {
        assert!(is_barcode("*1182153*"));
        assert!(!is_barcode("*Note"));
        assert!(is_rule("__________________"));
        assert!(is_rule("––––––––––––––"));
        assert!(is_rule("---"), "a Markdown heading underline");
        assert!(!is_rule("----- [fragment 1] -----"));
        assert!(is_page_number("3"));
        assert!(is_page_number("- 12 -"));
        assert!(!is_page_number("2011"));
    }

    #[test]
    fn symbol_lines() {
        let organs = ["united nations", "联合国", "nations unies"];
        assert_eq!(
            symbol_line("United Nations A/CN.9/SER.C/DIGEST/CISG/2", &organs).as_deref(),
            Some("A/CN.9/SER.C/DIGEST/CISG/2")
        );
        assert_eq!(
            symbol_line("联合国 A/CN.9/SER.C/DIGEST/CISG/2", &organs).as_deref(),
            Some("A/CN.9/SER.C/DIGEST/CISG/2")
        );
        assert_eq!(
            symbol_line("E/CN.15/2011/L.3/Rev.1", &organs).as_deref(),
            Some("E/CN.15/2011/L.3/Rev.1")
        );
        assert_eq!(
            symbol_line("A/56/100 3", &organs).as_deref(),
            Some("A/56/100")
        );
        assert_eq!(symbol_line("See A/56/100 for details", &organs), None);
    }

    #[test]
    fn widths() {
        assert_eq!(width("ab"), 2);
        assert_eq!(width("大会，"), 6);
    }
}

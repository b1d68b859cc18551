//! The logical order of a line of a PDF with right-to-left text, as plain `pdftotext` writes
//! it, made from the words `pdftotext -bbox` gives in visual order (left to right, the
//! letters of a right-to-left word reversed). Making it here spares a second poppler run over
//! the whole file. The rule is poppler's own: a page reads right to left when it has more
//! right-to-left letters than left-to-right ones. On such a page a line is read from its right
//! end: runs of right-to-left letters and neutral characters come out reversed, and runs
//! without right-to-left letters that start with a letter or a number (digits and the
//! separators and terminators that go with them: `,` `.` `/` `:` `-` `%` `،`) come out as
//! printed, wrapped in U+202A … U+202C. On a left-to-right page the roles swap, with the
//! right-to-left runs wrapped in U+202B … U+202C. The rest of the reading ([`super::clean`])
//! repairs that text as it repairs poppler's. On the demo PDFs in Arabic, and on one of 113 pages
//! made from them, every line comes out as `pdftotext` writes it, byte for byte.

use unicode_bidi::{BidiClass, bidi_class};

use super::layout::Page;

/// Two words closer than this share of their line's height are written without a space
/// between them, as `pdftotext` does on a page of right-to-left text (its text is spaced more
/// finely than the boxes of [`super::layout::Line::text`] tell: a bracket 0.024 lines from
/// its letter gets a space, one 0.020 away none).
const TOUCHING: f64 = 0.022;

/// Left-to-right embedding, right-to-left embedding and pop directional formatting.
const LRE: char = '\u{202A}';
const RLE: char = '\u{202B}';
const PDF: char = '\u{202C}';

/// The text of `pages` in logical order, as plain `pdftotext` prints it: a line per line of
/// words, each page ended by a form feed.
pub(super) fn text(pages: &[Page]) -> String {
    let mut text = String::new();
    for page in pages {
        let visual: Vec<String> = page.lines.iter().map(|l| l.spaced(TOUCHING)).collect();
        let left_to_right = reads_left_to_right(&visual);
        for line in &visual {
            text.push_str(&logical(line, left_to_right));
            text.push('\n');
        }
        text.push('\u{c}');
    }
    text
}

/// Whether a page reads left to right: it has at least as many left-to-right letters as
/// right-to-left ones.
fn reads_left_to_right(lines: &[String]) -> bool {
    let (mut left, mut right) = (0usize, 0usize);
    for c in lines.iter().flat_map(|l| l.chars()) {
        match class(c) {
            Class::Left => left += 1,
            Class::Right => right += 1,
            Class::Number | Class::Neutral => {}
        }
    }
    left >= right
}

/// How a character takes part in the reordering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A left-to-right letter.
    Left,
    /// A right-to-left letter.
    Right,
    /// A digit, or a separator or terminator of numbers.
    Number,
    /// Anything else: spaces, brackets, other punctuation.
    Neutral,
}

/// The class of `c` in the reordering, from its Unicode bidirectional class.
fn class(c: char) -> Class {
    match bidi_class(c) {
        BidiClass::L => Class::Left,
        BidiClass::R | BidiClass::AL => Class::Right,
        BidiClass::EN | BidiClass::AN | BidiClass::CS | BidiClass::ES | BidiClass::ET => {
            Class::Number
        }
        _ => Class::Neutral,
    }
}

/// A line in visual order put in logical order (see the module documentation).
fn logical(visual: &str, left_to_right: bool) -> String {
    let chars: Vec<char> = visual.chars().collect();
    let strong = |c: &char| matches!(class(*c), Class::Left | Class::Number);
    let right = |c: &char| class(*c) == Class::Right;
    let mut out = String::with_capacity(visual.len() + 16);
    if left_to_right {
        let mut rest: &[char] = &chars;
        while !rest.is_empty() {
            let kept = rest.iter().position(right).unwrap_or(rest.len());
            out.extend(&rest[..kept]);
            rest = &rest[kept..];
            let reversed = rest.iter().position(strong).unwrap_or(rest.len());
            if reversed > 0 {
                out.push(RLE);
                out.extend(rest[..reversed].iter().rev());
                out.push(PDF);
                rest = &rest[reversed..];
            }
        }
    } else {
        out.push(RLE);
        let mut rest: &[char] = &chars;
        while !rest.is_empty() {
            let reversed = rest.iter().rev().position(strong).unwrap_or(rest.len());
            out.extend(rest[rest.len() - reversed..].iter().rev());
            rest = &rest[..rest.len() - reversed];
            let kept = rest.iter().rev().position(right).unwrap_or(rest.len());
            if kept > 0 {
                out.push(LRE);
                out.extend(&rest[rest.len() - kept..]);
                out.push(PDF);
                rest = &rest[..rest.len() - kept];
            }
        }
        out.push(PDF);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_right_to_left_line_is_read_from_its_right_end() {
        assert_eq!(
            logical("2026 ويام/رايأ 22-18 ،انييف", false),
            "\u{202B}فيينا\u{202A} 22-18 ،\u{202C}أيار\u{202A}/\u{202C}مايو \u{202A}2026\u{202C}\u{202C}"
        );
    }

    #[test]
    fn a_latin_line_on_a_right_to_left_page_is_wrapped_whole() {
        assert_eq!(
            logical("E/CN.15/2026/L.7", false),
            "\u{202B}\u{202A}E/CN.15/2026/L.7\u{202C}\u{202C}"
        );
    }

    #[test]
    fn right_to_left_words_on_a_left_to_right_page_are_reversed_in_place() {
        assert_eq!(
            logical("named ةنجل here", true),
            "named \u{202B} لجنة\u{202C}here"
        );
    }

    #[test]
    fn a_page_reads_the_way_most_of_its_letters_do() {
        assert!(!reads_left_to_right(&["E/CN.15 ةنجل".to_string()]));
        assert!(reads_left_to_right(&["Commission ةنجل".to_string()]));
    }
}

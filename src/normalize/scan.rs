//! The scanner: one folded text, the bytes the passes have claimed and the anchors found, with the
//! text helpers the passes share. The passes themselves live beside what they recognise.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::locale::chinese_numeral_value;
use crate::model::Language;
use crate::script::is_spaced_letter;

use super::AnchorKind;
use super::rules::rules;

/// An anchor in folded coordinates.
pub(super) struct Found {
    /// As [`super::Anchor::kind`].
    pub(super) kind: AnchorKind,
    /// As [`super::Anchor::value`].
    pub(super) value: String,
    /// Start byte in the folded text.
    pub(super) start: usize,
    /// End byte (exclusive) in the folded text.
    pub(super) end: usize,
    /// As [`super::Anchor::soft`].
    pub(super) soft: bool,
    /// As [`super::Anchor::alternative`].
    pub(super) alternative: Option<String>,
}

/// The passes over one folded text; each claims what it recognises so later passes skip it.
pub(super) struct Scan<'t> {
    /// The folded text.
    pub(super) text: &'t str,
    /// Its language.
    pub(super) lang: Language,
    /// Per byte of `text`: whether a pass has recognised it.
    pub(super) claimed: Vec<bool>,
    /// The anchors found so far, in the order of the passes.
    pub(super) found: Vec<Found>,
}

impl<'t> Scan<'t> {
    /// A scan of the folded `text`, written in `lang`, with nothing claimed or found.
    pub(super) fn new(text: &'t str, lang: Language) -> Self {
        Scan {
            text,
            lang,
            claimed: vec![false; text.len()],
            found: Vec::new(),
        }
    }

    /// Whether no pass has claimed any byte of `start..end` (false if it is out of range).
    pub(super) fn is_free(&self, start: usize, end: usize) -> bool {
        self.claimed
            .get(start..end)
            .is_some_and(|span| !span.contains(&true))
    }

    /// Marks `start..end` as recognised, so that later passes skip it.
    pub(super) fn claim(&mut self, start: usize, end: usize) {
        if let Some(span) = self.claimed.get_mut(start..end) {
            span.fill(true);
        }
    }

    /// Records an anchor and claims its span.
    pub(super) fn add(
        &mut self,
        kind: AnchorKind,
        value: String,
        start: usize,
        end: usize,
        soft: bool,
    ) {
        self.claim(start, end);
        self.found.push(Found {
            kind,
            value,
            start,
            end,
            soft,
            alternative: None,
        });
    }

    /// A leading paragraph number (`37. `, `37- `, `(37) `, Arabic `37 - `) is the block's label.
    pub(super) fn skip_label(&mut self) {
        /// A paragraph number at the start of the text, before a space, a bracket or a letter.
        static LABEL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"\A\s*\(?[0-9]{1,3}(?:\.[0-9]{1,3})*(?:[.)](?:\s|[^\s0-9.,%])|\s*-\s+[^0-9\s-])|\A\s*[0-9]{1,3}(?:\.[0-9]{1,3})+\s+[\p{Lu}\p{Han}]|\A\s*'[0-9]{1,2}`",
            )
            .expect("label regex")
        });
        /// Arabic numbers sections with hyphens: `2-26 وعلاوة`, `3-2-1 إحراز`.
        static ARABIC_SECTION: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\A\s*[0-9]{1,3}(?:\s?-\s?[0-9]{1,3})+\s+[^\s0-9]")
                .expect("section label regex")
        });
        let section = (self.lang == Language::Ar)
            .then(|| ARABIC_SECTION.find(self.text))
            .flatten()
            .filter(|_| {
                rules(Language::Ar)
                    .date
                    .find(self.text)
                    .is_none_or(|d| d.start() > 0)
            });
        if let Some(m) = LABEL.find(self.text).or(section) {
            self.claim(m.start(), m.end());
        }
    }
}

/// Calls `accept` on every match of `re` in `text`; a rejected match is retried one character later,
/// so that a shorter match inside it can still be found.
pub(super) fn each_match<'t>(
    re: &Regex,
    text: &'t str,
    mut accept: impl FnMut(&Captures<'t>) -> bool,
) {
    let mut pos = 0;
    while let Some(caps) = re.captures_at(text, pos) {
        let Some(whole) = caps.get(0) else { break };
        if accept(&caps) && whole.end() > whole.start() {
            pos = whole.end();
        } else {
            match text[whole.start()..].chars().next() {
                Some(c) => pos = whole.start() + c.len_utf8(),
                None => break,
            }
        }
    }
}

/// Whether the byte at `i` is an ASCII digit.
pub(super) fn is_digit_at(text: &str, i: usize) -> bool {
    text.as_bytes().get(i).is_some_and(u8::is_ascii_digit)
}

/// Whether the byte before `i` is an ASCII digit.
pub(super) fn is_digit_before(text: &str, i: usize) -> bool {
    i > 0 && is_digit_at(text, i - 1)
}

/// Whether the character at `i` is a letter.
pub(super) fn is_letter_at(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_alphabetic)
}

/// Whether the digits at `i` belong to a name or code (`EC3`, `UF6`, `HFC-23`, `Фукусима-1`):
/// glued to letters, or after a hyphen that follows a capitalised word (not `post-2015`). Other
/// versions may spell the thing out (`六氟化铀`), so such figures are soft.
pub(super) fn is_name_digits(text: &str, i: usize) -> bool {
    match text[..i].strip_suffix('-') {
        None => text[..i].chars().next_back().is_some_and(is_spaced_letter),
        Some(head) => head
            .chars()
            .rev()
            .take_while(|&c| is_spaced_letter(c))
            .last()
            .is_some_and(char::is_uppercase),
    }
}

/// Whether the figure at `start..end` is a footnote marker left in the text: one or two digits
/// glued to a closing bracket or quote (`(Bangkok Rules)16,`, `«…»3`), or in brackets glued to
/// the word before (Arabic `والميزانية(22)،`, `(مالفيناس)(1)`). Versions differ in where (and
/// whether) they keep such markers, so the figure is soft.
pub(super) fn is_glued_marker(text: &str, start: usize, end: usize) -> bool {
    if end - start > 2 {
        return false;
    }
    let mut before = text[..start].chars().rev();
    let after = text[end..].chars().next();
    let free_after = after.is_none_or(|c| !c.is_alphanumeric());
    match before.next() {
        Some(')' | '）' | '»' | '”' | '"') => free_after,
        Some('(') => after == Some(')') && before.next().is_some_and(|c| !c.is_whitespace()),
        _ => false,
    }
}

/// Whether the character before `i` is a letter.
pub(super) fn is_letter_before(text: &str, i: usize) -> bool {
    text.get(..i)
        .and_then(|head| head.chars().next_back())
        .is_some_and(char::is_alphabetic)
}

/// At most `len` bytes of `text` from `start`, cut at a char boundary.
pub(super) fn window(text: &str, start: usize, len: usize) -> &str {
    text.get(start..clamp_boundary(text, start.saturating_add(len)))
        .unwrap_or_default()
}

/// A run of digits that is neither preceded nor followed by another digit.
pub(super) fn digits_stand_alone(text: &str, start: usize, end: usize) -> bool {
    !is_digit_before(text, start) && !is_digit_at(text, end)
}

/// The value of a run of ASCII digits or Chinese numerals.
pub(super) fn parse_u32(s: &str) -> Option<u32> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        chinese_numeral_value(s).and_then(|v| u32::try_from(v).ok())
    }
}

/// The largest char boundary of `text` at or below `i`.
pub(super) fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The largest char boundary of `text` at or below `i`, clamped to its length.
pub(super) fn clamp_boundary(text: &str, i: usize) -> usize {
    floor_boundary(text, i.min(text.len()))
}

/// `digits` without leading zeros (`0` for all zeros).
pub(super) fn trim_zeros(digits: &str) -> &str {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() { "0" } else { trimmed }
}

#[cfg(test)]
mod tests {
    use crate::normalize::testing::*;

    #[test]
    fn leading_paragraph_labels_are_not_anchors() {
        assert!(
            diff(
                ("37. All Conference documentation", En),
                ("Toda la documentación", Es)
            )
            .is_empty()
        );
        assert!(
            diff(
                ("37 - جميع وثائق المؤتمر", Ar),
                ("Toute la documentation", Fr)
            )
            .is_empty()
        );
        assert_eq!(keys("10. Комиссия постановила 5 пунктов", Ru), ["5"]);
        assert_eq!(keys("2015 was a year", En), ["2015"]);
        assert_eq!(keys("1,641,294 km2", En), ["1641294"]);
        assert_eq!(keys("десятилетнего плана", Ru), ["10"]);
    }
}

//! The scanner: one folded text, the bytes the passes have claimed and the anchors found, with the
//! text helpers the passes share. The passes themselves live beside what they recognise.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::locale::chinese_numeral_value;
use crate::model::Language;
use crate::script::{is_han, is_spaced_letter};

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
    /// As [`super::Anchor::year_of_reference`].
    pub(super) year_of_reference: bool,
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
            year_of_reference: false,
        });
    }

    /// A leading paragraph number (`37. `, `37- `, `(37) `, Arabic `37 - `) is the block's label;
    /// so is one that lost its full stop before the capital of the sentence (`8 Insta a los
    /// Estados`, `201 Ни в одной`): UN style spells out a number that opens a sentence.
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
        /// A paragraph number without its full stop, before the capital of the sentence.
        static LOST_STOP: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\A\s*[0-9]{1,3}\s+\p{Lu}\p{Ll}+\s").expect("label regex")
        });
        /// The same before an acronym or Chinese text (`6 ОКООСВ Хорватии …`, `6 克罗地亚在…`),
        /// where a whole sentence must follow: a heading or table line (`15 IMO`) keeps it.
        static LOST_STOP_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\A\s*[0-9]{1,3}\s+(?:\p{Lu}{2,}\s|\p{Han})").expect("label regex")
        });
        // Not the day of a date (`11 April 2011`).
        let lost_stop = LOST_STOP
            .find(self.text)
            .filter(|m| {
                let word = m.as_str().trim().rsplit(' ').next().unwrap_or_default();
                !super::rules::MONTHS.contains_key(&super::fold::fold_str(word))
            })
            .or_else(|| {
                let sentence = self.text.chars().count() >= 40
                    && self.text.trim_end().ends_with(['.', '。', ';', '；']);
                LOST_STOP_SENTENCE.find(self.text).filter(|_| sentence)
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
        } else if let Some(m) = lost_stop {
            let digits = m.as_str().trim_start();
            let end = m.start() + (m.len() - digits.len()) + digits.find(' ').unwrap_or(0);
            self.claim(m.start(), end);
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
/// glued to a closing bracket or quote (`(Bangkok Rules)16,`, `«…»3`), in brackets glued to
/// the word before (Arabic `والميزانية(22)،`, `(مالفيناس)(1)`, `planning.[23]`), or glued to the
/// full stop that ends the sentence (`in September 2014.42`, where the figure cannot continue the
/// year). Versions differ in where (and whether) they keep such markers, so the figure is soft.
pub(super) fn is_glued_marker(text: &str, start: usize, end: usize) -> bool {
    if end - start > 2 {
        return false;
    }
    let mut before = text[..start].chars().rev();
    let after = text[end..].chars().next();
    let free_after = after.is_none_or(|c| !c.is_alphanumeric());
    match before.next() {
        Some(')' | '）' | '»' | '”' | '"') => free_after,
        // `<<…>>2`: the guillemets of text that lost them.
        Some('>') => before.next() == Some('>') && free_after,
        Some('(') => after == Some(')') && before.next().is_some_and(|c| !c.is_whitespace()),
        Some('[') => after == Some(']') && before.next().is_some_and(|c| !c.is_whitespace()),
        // The figure pass never starts inside a decimal: a digit before the point belongs to a
        // date or year read before.
        Some('.') => {
            let ends_text = text[end..].trim().is_empty();
            match before.next() {
                Some(c) if c.is_ascii_digit() => after.is_none_or(char::is_whitespace),
                Some(c) if c.is_alphabetic() => ends_text,
                _ => false,
            }
        }
        _ => false,
    }
}

/// Whether the figure at `start..end` of Chinese text is a footnote marker left in it: one or
/// two digits glued between Han characters (`报告3第27段`, `管理活动1。`) where neither side
/// makes it a quantity or a label's number: not after a word that introduces a figure (`第`,
/// `约`, `为`, `至`, …) and not before a measure word, unit or date character (`25个`, `5名`,
/// `3月`). Soft like every marker: a changed figure there is still reported from the other
/// side, which writes its own.
pub(super) fn is_chinese_marker(text: &str, start: usize, end: usize) -> bool {
    /// Characters after which a figure is a quantity or a number, not a marker.
    const INTRODUCES: &str =
        "第约近逾共计达为至到和及与或、有了增减降升占超过余每仅只是由从自于在以比对即数号";
    /// Measure words, units and date characters: a figure before them is a quantity.
    const COUNTS: &str = "个名项次起年月日天周岁人件份条款段章节页号届家所座架辆艘枚种类批组国省州县市区村亿万千百十两美元欧镑吨公米平立方小时分秒倍成位例片块本册封场轮期层级只头笔张部套台支株处间点度克升里余多来左以之比对票户栋门步股版卷篇则首句字季星夜晚番遍趟回宗员口匹列颗粒根把幢双副群队团营连排班世代%";
    if end - start > 2 {
        return false;
    }
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let han_before = before.is_some_and(|c| is_han(c) && !INTRODUCES.contains(c));
    let free_after = match after {
        None => true,
        Some(c) if is_han(c) => !COUNTS.contains(c),
        Some(c) => "。，；：,;:".contains(c),
    };
    han_before && free_after
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
        // A paragraph number that lost its full stop before the sentence's capital.
        assert_eq!(
            keys("8 Insta a los Estados Miembros", Es),
            Vec::<String>::new()
        );
        assert_eq!(
            hard("201 Ни в одной из стран региона", Ru),
            Vec::<String>::new()
        );
        // A figure that opens a heading or table line stays.
        assert_eq!(keys("8 July 2014", En), ["2014-07-08"]);
        assert_eq!(keys("15 IMO", En), ["15"]);
        // Before an acronym or Chinese text, when a sentence follows.
        assert_eq!(
            hard(
                "6 ОКООСВ Хорватии на второй период опирается на понимание того.",
                Ru
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            hard(
                "6 克罗地亚在《京都议定书》第二承诺期的量化限减承诺基于以下谅解，即该国将联合实现这一承诺。",
                Zh
            ),
            Vec::<String>::new()
        );
        assert_eq!(keys("15 IMO member States", En), ["15"]);
    }

    #[test]
    fn chinese_footnote_markers_between_han_characters_are_soft() {
        for text in [
            "回顾行政和预算问题咨询委员会报告3第27段，请秘书长",
            "执行情况的报告1介绍了对合并预算作出的调整；",
            "有关的活动和管理活动1。",
        ] {
            assert!(
                hard(text, Zh).iter().all(|k| k != "1" && k != "3"),
                "{text}"
            );
        }
        // Quantities and numbers stay firm: before a measure word, after a word that
        // introduces a figure.
        assert_eq!(hard("员额数增加，从23个增至25个。", Zh), ["23", "25"]);
        assert_eq!(hard("员额数为5。", Zh), ["5"]);
        assert_eq!(hard("有141项指控", Zh), ["141"]);
        // A changed figure there is still reported, from the side that writes its own.
        assert_eq!(diff(("table 4 shows", En), ("表3显示", Zh)), ["en:4"]);
    }
}

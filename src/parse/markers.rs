//! Footnote markers inside body text: superscript digits, asterisks, and the plain digits PDF
//! text leaves glued to a word or to punctuation (`Action,1`, `Declaration4`, `报告；6`, Arabic
//! `(3)`). Plain digits are only candidates; [`resolve`] decides with the footnote sequence and
//! the footnote bodies present, so `2001-20107` becomes `2001-2010` + note 7 only when note 7 is
//! what comes next.

use std::collections::HashSet;

use crate::locale::is_chinese_counter;
use crate::model::{FootnoteRef, Language};
use crate::parse::lines::SYMBOL;
use crate::script::{is_arabic_letter, is_han, is_spaced_letter};

/// How sure a candidate is to be a marker before the sequence is considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Strength {
    /// Needs the footnote sequence to agree (`in 20107`, zh `，7这是`).
    Weak,
    /// The language's habitual marker position (`Declaration4`, `Action,1`, `报告；6`).
    Strong,
    /// Superscript digits and asterisks.
    Certain,
}

/// A possible footnote marker in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Byte range to remove from the text (includes Arabic parentheses).
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// The marker as written in JSON: `"7"`, `"*"`.
    pub marker: String,
    /// Numeric value of the marker, `None` for asterisks.
    pub number: Option<u32>,
    /// How sure the candidate is on its own.
    pub strength: Strength,
}

/// The digit a superscript digit stands for.
pub(crate) fn superscript_digit(c: char) -> Option<u32> {
    match c {
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁰' | '⁴'..='⁹' => Some(c as u32 - '⁰' as u32),
        _ => None,
    }
}

/// Abbreviations after which `.` + digits is a number, not a marker (`No.3`).
const ABBREVIATIONS: &[&str] = &[
    "no", "nos", "para", "paras", "art", "arts", "vol", "vols", "chap", "p", "pp", "rev", "add",
    "corr", "sect", "fig", "núm", "párr", "cap", "п", "ст", "стр", "гл",
];

/// Characters after which Chinese text puts a marker.
fn is_zh_marker_punct(c: char) -> bool {
    matches!(
        c,
        '；' | '，'
            | '。'
            | '：'
            | '》'
            | '」'
            | '』'
            | '）'
            | '”'
            | '、'
            | '！'
            | '？'
            | ';'
            | ','
            | '.'
            | ')'
    )
}

/// Characters that, right after digits in Chinese text, make the digits a quantity: the shared
/// [`CHINESE_COUNTERS`](crate::locale::CHINESE_COUNTERS) and `款卷页章节美元周天位件座股`.
fn is_zh_unit(c: char) -> bool {
    is_chinese_counter(c)
        || matches!(
            c,
            '款' | '卷'
                | '页'
                | '章'
                | '节'
                | '美'
                | '元'
                | '周'
                | '天'
                | '位'
                | '件'
                | '座'
                | '股'
        )
}

/// Every marker candidate of a text, in order.
pub(crate) fn candidates(text: &str, lang: Language) -> Vec<Candidate> {
    // Superscripts are ¹²³ (0xC2 …) and ⁰⁴–⁹ (0xE2 …) in UTF-8.
    if !text
        .bytes()
        .any(|b| b.is_ascii_digit() || b == b'*' || b == 0xC2 || b == 0xE2)
    {
        return Vec::new();
    }
    let symbols: Vec<(usize, usize)> = if text.contains('/') {
        SYMBOL
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect()
    } else {
        Vec::new()
    };
    // The symbols are in text order and digit runs are met in text order: a cursor that only
    // moves forward finds the symbol a run may be in, in linear time overall.
    let mut next_symbol = 0;
    let mut in_symbol = |pos: usize| {
        while symbols.get(next_symbol).is_some_and(|&(_, e)| e <= pos) {
            next_symbol += 1;
        }
        symbols.get(next_symbol).is_some_and(|&(s, _)| s <= pos)
    };
    let mut out = Vec::new();
    let mut before_prev: Option<char> = None;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((pos, c)) = iter.next() {
        let run_of = |iter: &mut std::iter::Peekable<std::str::CharIndices>,
                      pred: &dyn Fn(char) -> bool|
         -> (usize, char) {
            let mut end = pos + c.len_utf8();
            let mut last = c;
            while let Some(&(p, n)) = iter.peek() {
                if !pred(n) {
                    break;
                }
                end = p + n.len_utf8();
                last = n;
                iter.next();
            }
            (end, last)
        };
        let (end, last) = if superscript_digit(c).is_some() {
            let (end, last) = run_of(&mut iter, &|n| superscript_digit(n).is_some());
            let value = text[pos..end].chars().try_fold(0u32, |acc, d| {
                acc.checked_mul(10)?.checked_add(superscript_digit(d)?)
            });
            let unit = matches!(prev, Some('m' | 'k')) && matches!(c, '²' | '³');
            if let (Some(v), false) = (value, unit) {
                out.push(Candidate {
                    start: pos,
                    end,
                    marker: v.to_string(),
                    number: Some(v),
                    strength: Strength::Certain,
                });
            }
            (end, last)
        } else if c == '*' {
            let (end, last) = run_of(&mut iter, &|n| n == '*');
            let glued = prev.is_some_and(|p| !p.is_whitespace());
            if glued && end - pos <= 3 {
                out.push(Candidate {
                    start: pos,
                    end,
                    marker: "*".repeat(end - pos),
                    number: None,
                    strength: Strength::Certain,
                });
            }
            (end, last)
        } else if c.is_ascii_digit() {
            let (end, last) = run_of(&mut iter, &|n| n.is_ascii_digit());
            if !in_symbol(pos) {
                out.extend(digit_candidate(text, pos..end, (prev, before_prev), lang));
            }
            (end, last)
        } else {
            (pos + c.len_utf8(), c)
        };
        before_prev = if end - pos > c.len_utf8() {
            text[pos..end].chars().rev().nth(1)
        } else {
            prev
        };
        prev = Some(last);
    }
    out
}

/// Judge the ASCII digit run `text[run]`; `(prev, before_prev)` are the two characters before it.
fn digit_candidate(
    text: &str,
    run: std::ops::Range<usize>,
    (prev, before_prev): (Option<char>, Option<char>),
    lang: Language,
) -> Option<Candidate> {
    let mut after = text[run.end..].chars();
    let digits = DigitRun {
        text,
        next: after.next(),
        after_next: after.next(),
        run,
        before_prev,
    };
    let (next, after_next) = (digits.next, digits.after_next);
    // Part of a larger number: 1.5, 1,000, 10:30.
    if matches!(next, Some('.' | ',' | ':' | '/')) && after_next.is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    if next.is_some_and(|c| c.is_alphanumeric() && !is_han(c)) && lang != Language::Ar {
        return None;
    }
    let len = digits.digits().len();
    if (5..=7).contains(&len) {
        return digits.year_with_marker(prev);
    }
    if len > 3 {
        return None;
    }
    if lang == Language::Ar && digits.bracketed_after_arabic_word(prev) {
        return digits.bracketed();
    }
    let prev = prev?;
    // A leading section number: `4.5.1 Title`, `2.26 该办事处`.
    if prev == '.'
        && digits.after_digit()
        && text[..digits.run.start]
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b' ')
    {
        return None;
    }
    if lang == Language::Zh {
        return digits.chinese(prev);
    }
    if is_spaced_letter(prev) {
        return digits.after_word();
    }
    digits.after_punctuation(prev, lang)
}

/// A run of ASCII digits in a text, with the characters around it.
struct DigitRun<'a> {
    /// The whole text.
    text: &'a str,
    /// Byte range of the digits.
    run: std::ops::Range<usize>,
    /// The character before the one before the digits.
    before_prev: Option<char>,
    /// The character after the digits.
    next: Option<char>,
    /// The character after that.
    after_next: Option<char>,
}

impl DigitRun<'_> {
    /// The digits.
    fn digits(&self) -> &str {
        &self.text[self.run.clone()]
    }

    /// Whether the digits follow a digit and one character (`2001-2010,5`, `4.5`).
    fn after_digit(&self) -> bool {
        self.before_prev.is_some_and(|c| c.is_ascii_digit())
    }

    /// The candidate made of the digits after the first `skip`, if they can be a marker (one to
    /// three digits, no leading zero).
    fn make(&self, skip: usize, strength: Strength) -> Option<Candidate> {
        let marker = &self.digits()[skip..];
        if marker.starts_with('0') || marker.len() > 3 {
            return None;
        }
        let number: u32 = marker.parse().ok()?;
        Some(Candidate {
            start: self.run.start + skip,
            end: self.run.end,
            marker: number.to_string(),
            number: Some(number),
            strength,
        })
    }

    /// The word (letters) just before the digits, or before the `skip` bytes of punctuation
    /// before them.
    fn word_before(&self, skip: usize) -> String {
        let mut w: Vec<char> = self.text[..self.run.start - skip]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect();
        w.reverse();
        w.into_iter().collect()
    }

    /// A year with a marker glued on: 20107 = 2010 + 7; strong in a range (`2001-20107`).
    fn year_with_marker(&self, prev: Option<char>) -> Option<Candidate> {
        let year: u32 = self.digits()[..4].parse().ok()?;
        if !(1900..=2099).contains(&year) {
            return None;
        }
        let in_range = matches!(prev, Some('-' | '–' | '/')) && self.after_digit();
        self.make(
            4,
            if in_range {
                Strength::Strong
            } else {
                Strength::Weak
            },
        )
    }

    /// Whether the digits are bracketed right after an Arabic word: `الشبكي(3)`.
    fn bracketed_after_arabic_word(&self, prev: Option<char>) -> bool {
        let opened = prev == Some('(') && self.next == Some(')');
        opened && self.before_prev.is_some_and(is_arabic_letter)
    }

    /// The bracketed digits as a strong candidate, the parentheses included.
    fn bracketed(&self) -> Option<Candidate> {
        let mut c = self.make(0, Strength::Strong)?;
        c.start -= '('.len_utf8();
        c.end += ')'.len_utf8();
        Some(c)
    }

    /// Chinese: a marker after the punctuation it follows (`报告；6`, `纲领》2`), not a quantity.
    fn chinese(&self, prev: char) -> Option<Candidate> {
        let (next, after_next) = (self.next, self.after_next);
        // Chinese ends sentences with `。`: `1 593.2` is a decimal; `第240、243和245条` a list.
        let listed = next.is_some_and(|n| matches!(n, '、' | '和' | '至' | '及' | '或'))
            && after_next.is_some_and(|c| c.is_ascii_digit());
        if (self.after_digit() && matches!(prev, '.' | ',' | '、')) || listed {
            return None;
        }
        if !is_zh_marker_punct(prev) {
            return None;
        }
        match next {
            Some(n) if is_zh_unit(n) || n.is_ascii_digit() => None,
            Some(n) if is_han(n) => {
                let after_title = matches!(prev, '》' | '」' | '』' | '”' | '）');
                self.make(
                    0,
                    if after_title {
                        Strength::Strong
                    } else {
                        Strength::Weak
                    },
                )
            }
            _ => self.make(0, Strength::Strong),
        }
    }

    /// Declaration4, web3: the word before must be a real word, not CO2 or G77.
    fn after_word(&self) -> Option<Candidate> {
        let word = self.word_before(0);
        let lower = word.chars().filter(|c| c.is_lowercase()).count();
        if word.chars().count() >= 3 && lower >= 2 {
            return self.make(0, Strength::Strong);
        }
        None
    }

    /// Digits after punctuation (`Action,1`, `Secretary-General;6`, `Declaration.4`): strong in
    /// the languages whose habit that is, weak elsewhere.
    fn after_punctuation(&self, prev: char, lang: Language) -> Option<Candidate> {
        let after_punct_habit = matches!(lang, Language::En | Language::Zh);
        let strength_after_punct = if after_punct_habit {
            Strength::Strong
        } else {
            Strength::Weak
        };
        match prev {
            ',' if self.after_digit() => {
                // 2001-2010,5: English never writes a thousands group of one or two digits, but
                // French, Spanish and Russian write decimal commas.
                (lang == Language::En && self.digits().len() <= 2)
                    .then(|| self.make(0, Strength::Strong))?
            }
            ',' | ';' | '”' | '’' | '"' | '»' | ')' | '?' | '!' => {
                let glued_to_text = self.before_prev.is_some_and(|c| !c.is_whitespace());
                glued_to_text.then(|| self.make(0, strength_after_punct))?
            }
            '.' => {
                let word = self.word_before(1);
                let is_word = word.chars().count() >= 2
                    && !ABBREVIATIONS.contains(&word.to_lowercase().as_str());
                is_word.then(|| self.make(0, strength_after_punct))?
            }
            ':' if self.before_prev.is_some_and(|c| c.is_alphabetic()) => {
                self.make(0, Strength::Weak)
            }
            _ => None,
        }
    }
}

/// Decide which candidates are markers. `bodies` holds the markers that have a footnote body.
/// Certain candidates are always markers; strong ones when a body exists or none do, or when they
/// continue the sequence; weak ones only when they are the next number of the sequence.
pub(crate) fn resolve(candidates: &[Candidate], bodies: &HashSet<String>) -> Vec<bool> {
    let numeric_bodies = bodies.iter().any(|m| m.chars().all(|c| c.is_ascii_digit()));
    let mut accepted = vec![false; candidates.len()];
    let mut referenced: HashSet<u32> = HashSet::new();
    let mut max_seen = 0u32;
    for (k, c) in candidates.iter().enumerate() {
        let Some(n) = c.number else {
            accepted[k] = true;
            continue;
        };
        let has_body = bodies.contains(&c.marker);
        let next_in_sequence = n == max_seen + 1;
        let ok = match c.strength {
            Strength::Certain => true,
            Strength::Strong => !numeric_bodies || has_body || next_in_sequence,
            Strength::Weak => {
                !referenced.contains(&n)
                    && (next_in_sequence || (numeric_bodies && has_body && n > max_seen))
            }
        };
        if ok {
            accepted[k] = true;
            referenced.insert(n);
            max_seen = max_seen.max(n);
        }
    }
    accepted
}

/// Remove the accepted markers from `text`; returns the new text and the references with
/// character offsets into it.
pub(crate) fn strip(text: &str, markers: &[&Candidate]) -> (String, Vec<FootnoteRef>) {
    let mut out = String::with_capacity(text.len());
    let mut refs = Vec::with_capacity(markers.len());
    let mut last = 0;
    let mut chars_out = 0;
    for m in markers {
        if m.start < last {
            continue;
        }
        let piece = &text[last..m.start];
        out.push_str(piece);
        chars_out += piece.chars().count();
        refs.push(FootnoteRef {
            marker: m.marker.clone(),
            offset: chars_out,
        });
        last = m.end;
    }
    out.push_str(&text[last..]);
    (out, refs)
}

/// Markers that `candidates` finds certain or strong, ignoring the sequence: used before the
/// footnote bodies are known, to tell a footnote line `* text` from a bullet.
pub(crate) fn inventory(text: &str, lang: Language) -> impl Iterator<Item = String> {
    candidates(text, lang)
        .into_iter()
        .filter(|c| c.strength >= Strength::Strong)
        .map(|c| c.marker)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markers(text: &str, lang: Language) -> Vec<(String, Strength)> {
        candidates(text, lang)
            .into_iter()
            .map(|c| (c.marker, c.strength))
            .collect()
    }

    #[test]
    fn english_pdf_markers() {
        let m = markers(
            "the Vienna Declaration and Programme of Action,1 reaffirmed",
            Language::En,
        );
        assert_eq!(m, vec![("1".into(), Strength::Strong)]);
        let m = markers(
            "Brussels Declaration4 and Programme for the Decade 2001-2010,5 adopted",
            Language::En,
        );
        assert_eq!(
            m,
            vec![
                ("4".into(), Strength::Strong),
                ("5".into(), Strength::Strong)
            ]
        );
        let m = markers("for the Decade 2001-20107 as an initiative", Language::En);
        assert_eq!(m, vec![("7".into(), Strength::Strong)]);
        let m = markers("the report of the Secretary-General;6", Language::En);
        assert_eq!(m, vec![("6".into(), Strength::Strong)]);
    }

    #[test]
    fn numbers_are_not_markers() {
        for text in [
            "3,444,250 persons",
            "16.3 per cent",
            "resolution 41/128 of 4 December 1986, confirmed",
            "see A/CONF.213/18, chap. I",
            "CO2 emissions and the G77",
            "No.3 of the series",
            "in 2011, 14 States",
        ] {
            assert!(markers(text, Language::En).is_empty(), "{text}");
        }
        assert!(markers("16,3 % de la población", Language::Fr).is_empty());
        assert!(markers("，2011年4月", Language::Zh).is_empty());
        assert!(markers("决议9，其中", Language::Zh).is_empty());
        for text in [
            "2.26 该办事处",
            "费用为1 593.2万美元",
            "第240、243、244和245条",
            "第20、21、28、30和40段",
        ] {
            assert!(markers(text, Language::Zh).is_empty(), "{text}");
        }
        assert!(markers("4.5.1 Monitoring and reporting", Language::En).is_empty());
    }

    #[test]
    fn markers_in_other_languages() {
        assert_eq!(
            markers("sitio web3.", Language::Es),
            vec![("3".into(), Strength::Strong)]
        );
        assert_eq!(
            markers("бюджетным вопросам22, с учетом", Language::Ru),
            vec![("22".into(), Strength::Strong)]
        );
        let ar = candidates("موقعه الشبكي(3).", Language::Ar);
        assert_eq!(ar.len(), 1);
        assert_eq!(ar[0].marker, "3");
        assert_eq!(&"موقعه الشبكي(3)."[ar[0].start..ar[0].end], "(3)");
        assert_eq!(
            markers("注意到秘书长的报告；6", Language::Zh),
            vec![("6".into(), Strength::Strong)]
        );
        assert_eq!(
            markers("《行动纲领》2执行情况", Language::Zh),
            vec![("2".into(), Strength::Strong)]
        );
        assert_eq!(
            markers("科托努战略》，7这是一项", Language::Zh),
            vec![("7".into(), Strength::Weak)]
        );
    }

    #[test]
    fn superscripts_and_asterisks() {
        let m = markers("《萨尔瓦多宣言》¹第 42 段；¹⁰", Language::Zh);
        assert_eq!(
            m,
            vec![
                ("1".into(), Strength::Certain),
                ("10".into(), Strength::Certain)
            ]
        );
        assert_eq!(
            markers("South Africa:* draft", Language::En),
            vec![("*".into(), Strength::Certain)]
        );
        assert_eq!(
            markers("Achim Kassow (Germany)**", Language::En),
            vec![("**".into(), Strength::Certain)]
        );
        assert!(markers("area of 12 km²", Language::En).is_empty());
    }

    #[test]
    fn sequence_decides_weak_candidates() {
        let cands = candidates(
            "Declaration1 in 2010,2 and in 20103 and in 20109",
            Language::En,
        );
        let accepted = resolve(&cands, &HashSet::new());
        let taken: Vec<&str> = cands
            .iter()
            .zip(&accepted)
            .filter(|(_, a)| **a)
            .map(|(c, _)| c.marker.as_str())
            .collect();
        assert_eq!(taken, vec!["1", "2", "3"]);
    }

    #[test]
    fn no_digit_of_many_symbols_is_a_marker() {
        // 20,000 symbols in one paragraph, a real marker after every thousandth.
        let mut text = String::from("Recalling its resolutions");
        let mut expected = Vec::new();
        for i in 0..20_000 {
            text.push_str(&format!(" A/RES/70/{}", i % 300 + 1));
            if i % 1000 == 999 {
                text.push_str(" and the Declaration7");
                expected.push(text.len() - 1);
            }
        }
        let found: Vec<(usize, String)> = candidates(&text, Language::En)
            .into_iter()
            .map(|c| (c.start, c.marker))
            .collect();
        let expected: Vec<(usize, String)> =
            expected.into_iter().map(|p| (p, "7".to_string())).collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn strip_records_offsets() {
        let text = "Action,1 reaffirmed Declaration4 and";
        let cands = candidates(text, Language::En);
        let refs: Vec<&Candidate> = cands.iter().collect();
        let (clean, found) = strip(text, &refs);
        assert_eq!(clean, "Action, reaffirmed Declaration and");
        assert_eq!(
            found[0],
            FootnoteRef {
                marker: "1".into(),
                offset: 7
            }
        );
        assert_eq!(
            found[1],
            FootnoteRef {
                marker: "4".into(),
                offset: 30
            }
        );
    }
}

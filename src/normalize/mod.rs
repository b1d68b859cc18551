//! Anchors: the numbers, dates, clock times and UN document symbols of a piece of text, each reduced
//! to a comparison key that is the same in the six UN languages when the value is the same, so that a
//! translation whose figures differ from the original can be flagged.
//!
//! Public API:
//!
//! * [`anchors`]`(text, lang) -> Vec<`[`Anchor`]`>`: the anchors of one block of text, in text order,
//!   each with its [`AnchorKind`], key, byte span in `text` and whether it is soft.
//! * [`compare`]`(first, second) -> Vec<`[`AnchorDiff`]`>`: the anchors present on one side only (a
//!   multiset difference), after the tolerance rules below.
//!
//! Keys ([`Anchor::value`]):
//!
//! | kind | written | key |
//! |---|---|---|
//! | [`AnchorKind::Number`] | `3,444,250` · `3.444.250` (es) · `3 444 250` · `250 444 3` (ar, groups reversed) | `3444250` |
//! | | `16,3 %` · `16.3 per cent` · `16,3 процента` · `16.3 في المائة` · `16.3%` | `16.3%` |
//! | | `250万` · `2.5 million` · `2,5 млн` · `2.5 مليون` · `2 500 000` | `2500000` |
//! | | `twentieth session` · `20º período de sesiones` · `vingtième session` · `двадцатой сессии` · `الدورة العشرين` · `第二十届会议` | `20` |
//! | | `2014/15` · `2014-2015` · `2014-15` | `2014`, `2015` |
//! | [`AnchorKind::Date`] | `11 April 2011` · `11 de abril de 2011` · `11 avril 2011` · `11 апреля 2011 года` · `11 نيسان/أبريل 2011` · `2011年4月11日` | `2011-04-11` |
//! | | `11 April` / `April 2011` | `--04-11` / `2011-04` |
//! | | `11-15 April` · `du 11 au 15 avril` · `с 11 по 15 апреля` · `4月11日至15日` | `--04-11`, `--04-15` |
//! | | `3 p.m.` · `15 heures` · `15.00 horas` · `15 ч. 00 м.` · `الساعة 00/15` · `下午3时` | `T15:00` |
//! | [`AnchorKind::Symbol`] | `A/RES/70/1` · `Ａ／ＲＥＳ／７０／１` | `A/RES/70/1` |
//! | | `55/63` · `第55/63号决议` | `55/63` |
//! | | `973 (X)` · `973 (د-10)` · `第973(X)号` | `973(X)` |
//!
//! The figures that make up a date, time or symbol are not also numbers, and a leading paragraph
//! number (`37.`, `2.26`, Arabic `37 -`, `2-26`) is no anchor: the parser keeps it as the block label,
//! and Spanish and French versions often lose it.
//!
//! *Soft* anchors match an equal firm anchor on the other side but are never reported themselves:
//! numbers written in words outside fixed phrases (`eight sectors`, `八个领域`, `خمس مناقشات`), which
//! translators add and drop freely (Arabic duals say "two" without a number word); a figure echoing
//! them (`Two (2) men`); and page references (`p. 28`, `第26页`), which differ between language
//! versions by design. Ordinals of sessions, anniversaries and centuries are as firm as figures.
//!
//! Tolerance rules of [`compare`], each of which leaves a changed value reported on at least one
//! side: a date without year (`--04-11`) matches the same day with a year, a month (`2013-05`) the
//! bare year; a percentage matches the same bare figure (`4.5 points`); a figure with one point and
//! three decimals (`26.659`, a law number) matches the same digits without the point, since versions
//! disagree on whether that point groups thousands; a dotted number (`140.2`) matches its parts
//! written apart (Arabic `140-2`); a symbol matches its last two numeric segments (`A/RES/55/63` =
//! `55/63`); and a value repeated on one side (`resolution 1807 (2008)` twice against `ladite
//! résolution`) is not reported if the other side has it at all.
//!
//! The text is searched on a folded copy (Arabic-Indic and full-width digits, full-width Latin,
//! spaces, dashes, Arabic diacritics and letter variants normalised, bidi controls dropped); spans are
//! mapped back to byte offsets of the input. NFKC is used only for symbol keys; superscript and
//! circled digits are not folded, being footnote markers. Every regex is compiled once; the scan is
//! linear in the input and [`compare`] in the number of anchors (up to sorting and hashing).
//!
//! Layout: `fold` the folded copy; `scan` the scanner and the helpers its passes share; the
//! passes by what they recognise in `symbols`, `numbers` (figures, per cent, magnitudes, pages,
//! Roman centuries), `dates`, `times`, `chinese` (Chinese dates, years and numerals) and `words`
//! (numbers in words), with the number words of each language in `lexicon` and the per-language
//! regexes in `rules`; `matching` the pairing behind [`compare`].

mod chinese;
mod dates;
mod fold;
mod lexicon;
mod matching;
mod numbers;
mod rules;
mod scan;
mod symbols;
#[cfg(test)]
mod testing;
mod times;
mod words;

use serde::Serialize;

use crate::model::Language;
use fold::Folded;
use matching::{
    Side, absorb_by_soft, forgive_repeats, forgive_years_of_dates, match_exact, match_loose,
};
use scan::Scan;

pub(crate) use words::is_word_char;

/// What an anchor stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AnchorKind {
    /// A quantity, ordinal, percentage or year: `3444250`, `16.3%`, `20`.
    Number,
    /// A calendar date or a clock time: `2011-04-11`, `--04-11`, `2011-04`, `T15:00`.
    Date,
    /// A UN document symbol or resolution number: `A/RES/70/1`, `55/63`, `973(X)`.
    Symbol,
}

/// A number, date or symbol found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Anchor {
    /// What the anchor stands for.
    pub kind: AnchorKind,
    /// The comparison key, equal across languages when the value is the same (see the module docs).
    pub value: String,
    /// Byte offset in the input text where the expression starts.
    pub start: usize,
    /// Byte offset in the input text where the expression ends (exclusive).
    pub end: usize,
    /// Soft (a number in words, an echo of one, a page number): matches an equal anchor on the
    /// other side, never reported itself.
    pub soft: bool,
    /// Another key the same writing may stand for: an Arabic figure written in space-separated
    /// groups (`125 486`), which PDF text gives in reverse order and Word text does not, so that
    /// either `486125` or `125486` may be meant. `None` for every other anchor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternative: Option<String>,
}

/// A value present on one side of a [`compare`] only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnchorDiff {
    /// Kind of the unmatched anchor.
    pub kind: AnchorKind,
    /// Its comparison key.
    pub value: String,
    /// `true` if it comes from the first slice, `false` if from the second.
    pub in_first: bool,
    /// Byte offset of the unmatched occurrence in the text it was found in.
    pub start: usize,
    /// End byte offset (exclusive) of that occurrence.
    pub end: usize,
}

/// The numbers, dates, clock times and document symbols of `text`, written in `lang`, in text order.
pub fn anchors(text: &str, lang: Language) -> Vec<Anchor> {
    let folded = Folded::new(text);
    let mut scan = Scan::new(&folded.text, lang);
    // Times, figures and all but Chinese dates are written with digits: text without any skips
    // those passes.
    let digits = folded.text.bytes().any(|b| b.is_ascii_digit());
    scan.skip_label();
    scan.symbols();
    scan.session_numerals();
    if digits {
        scan.times();
    }
    if digits || lang == Language::Zh {
        scan.dates();
    }
    if digits {
        scan.year_ranges();
        scan.resolution_numbers();
    }
    if lang == Language::Zh {
        scan.chinese_years();
        if digits {
            scan.figures();
        }
        scan.chinese_numerals();
    } else {
        scan.roman_centuries();
        if digits {
            scan.figures();
        }
        scan.words();
    }
    let mut found = scan.found;
    found.sort_by_key(|f| (f.start, f.end));
    found
        .into_iter()
        .map(|f| {
            let (start, end) = folded.span(f.start, f.end);
            Anchor {
                kind: f.kind,
                value: f.value,
                start,
                end,
                soft: f.soft,
                alternative: f.alternative,
            }
        })
        .collect()
}

/// The anchors whose value is present on one side only, counted as multisets: first the unmatched
/// anchors of `first` in text order, then those of `second`.
///
/// Soft anchors are never reported; they absorb an equal figure on the other side. The tolerance rules
/// of the module docs are applied to what remains.
pub fn compare(first: &[Anchor], second: &[Anchor]) -> Vec<AnchorDiff> {
    let mut left = Side::new(first);
    let mut right = Side::new(second);
    match_exact(&mut left, &mut right);
    match_loose(&mut left, &mut right);
    match_loose(&mut right, &mut left);
    absorb_by_soft(&mut left, &right);
    absorb_by_soft(&mut right, &left);
    forgive_repeats(&mut left, &right);
    forgive_repeats(&mut right, &left);
    forgive_years_of_dates(&mut left, &right);
    forgive_years_of_dates(&mut right, &left);
    let mut diffs = left.unmatched(true);
    diffs.extend(right.unmatched(false));
    diffs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::testing::*;

    #[test]
    fn spans_point_into_the_input() {
        let text = "في ٢٦ أيلول/سبتمبر ٢٠١٣، بلغ 16,3 في المائة";
        for a in anchors(text, Ar) {
            assert!(
                text.is_char_boundary(a.start) && text.is_char_boundary(a.end) && a.start < a.end
            );
        }
        let found = anchors(text, Ar);
        assert_eq!(&text[found[0].start..found[0].end], "٢٦ أيلول/سبتمبر ٢٠١٣");
        assert_eq!(&text[found[1].start..found[1].end], "16,3 في المائة");
        let zh = "定于２０１５年３月６日举行";
        let found = anchors(zh, Zh);
        assert_eq!(&zh[found[0].start..found[0].end], "２０１５年３月６日");
    }

    #[test]
    fn serialises_kind_in_lower_case() {
        let json = serde_json::to_string(&anchors("11 April 2011", En)[0]).expect("serialise");
        assert!(json.contains("\"kind\":\"date\""), "{json}");
    }

    #[test]
    fn odd_inputs_never_panic() {
        let huge_digits = "7".repeat(500);
        let megabyte = "Le 11 avril 2011, 3 444 250 dollars (16,3 %) — 二〇一一年 ٢٠١١ A/RES/70/1 "
            .repeat(12_000);
        let odd = [
            "",
            "/",
            "//",
            " ",
            "%",
            "-",
            "1/",
            "/1",
            "1.",
            ",1",
            "1 ",
            "第",
            "万亿亿亿亿亿亿亿亿亿亿亿",
            "九千九千九千九千九千九千",
            "(د-)",
            "الساعة",
            "٫٫٫",
            "1,2.3 4.5,6",
            "000 000 000 000 000",
            "12:99 25:00 0:0",
            "31 février 2011 32 April 2011 0 мая",
            "mixed 中文 العربية русский 12 三 ٣ ３",
            "\u{202e}١٢\u{202c} \u{200f}",
            huge_digits.as_str(),
            megabyte.as_str(),
        ];
        for lang in Language::ALL {
            for text in odd {
                let found = anchors(text, lang);
                for a in &found {
                    assert!(a.start <= a.end && a.end <= text.len());
                    assert!(text.is_char_boundary(a.start) && text.is_char_boundary(a.end));
                }
                compare(&found, &anchors("1", lang));
            }
        }
        assert_eq!(keys(&huge_digits, En), std::slice::from_ref(&huge_digits));
    }

    #[test]
    fn a_megabyte_of_text_yields_every_anchor() {
        let text =
            "The 3,444,250 dollars of 11 April 2011 (16.3 per cent), see A/RES/70/1 at 10 a.m. "
                .repeat(12_500);
        let found = anchors(&text, En);
        assert_eq!(found.len(), 12_500 * 5);
        assert!(found.windows(2).all(|w| w[0].start < w[1].start));
    }
}

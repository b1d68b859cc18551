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
//! circled digits are not folded, being footnote markers. Every regex is compiled once and the scan
//! is linear in the input.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::locale::{
    CYRILLIC_LOOKALIKES, MONTH_NAMES, ascii_digit, chinese_numeral_value, roman_value, to_roman,
};
use crate::model::Language;
use crate::script::{is_arabic, is_cyrillic, is_latin, is_spaced_letter};

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

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

/// One side of a comparison: its anchors and which of them are already paired.
struct Side<'a> {
    anchors: &'a [Anchor],
    used: Vec<bool>,
}

impl<'a> Side<'a> {
    fn new(anchors: &'a [Anchor]) -> Self {
        Side {
            anchors,
            used: vec![false; anchors.len()],
        }
    }

    /// Indices of the hard anchors not yet paired.
    fn open_hard(&self) -> Vec<usize> {
        (0..self.anchors.len())
            .filter(|&i| !self.used[i] && !self.anchors[i].soft)
            .collect()
    }

    /// Unpaired anchors grouped by key, for `want_soft` anchors or hard ones.
    fn index(&self, want_soft: bool) -> Index<'a> {
        let mut index = Index::default();
        for (i, a) in self.anchors.iter().enumerate().rev() {
            if !self.used[i] && a.soft == want_soft {
                index
                    .0
                    .entry(a.kind)
                    .or_default()
                    .entry(a.value.as_str())
                    .or_default()
                    .push(i);
            }
        }
        index
    }

    fn unmatched(&self, in_first: bool) -> Vec<AnchorDiff> {
        self.open_hard()
            .into_iter()
            .map(|i| {
                let a = &self.anchors[i];
                AnchorDiff {
                    kind: a.kind,
                    value: a.value.clone(),
                    in_first,
                    start: a.start,
                    end: a.end,
                }
            })
            .collect()
    }
}

/// Anchor indices by kind and key, the first in text order last.
#[derive(Default)]
struct Index<'a>(HashMap<AnchorKind, HashMap<&'a str, Vec<usize>>>);

impl Index<'_> {
    /// Takes the first unpaired anchor with this kind and key.
    fn take(&mut self, kind: AnchorKind, value: &str) -> Option<usize> {
        self.0.get_mut(&kind)?.get_mut(value)?.pop()
    }
}

fn match_exact(left: &mut Side, right: &mut Side) {
    let mut index = right.index(false);
    for i in left.open_hard() {
        let a = &left.anchors[i];
        if let Some(j) = index.take(a.kind, &a.value) {
            left.used[i] = true;
            right.used[j] = true;
        }
    }
}

/// Pairs the open hard anchors of `side` with equal soft anchors of `other`, one figure for each
/// soft anchor.
fn absorb_by_soft(side: &mut Side, other: &Side) {
    let mut index = other.index(true);
    for i in side.open_hard() {
        let a = &side.anchors[i];
        if index.take(a.kind, &a.value).is_some() {
            side.used[i] = true;
        }
    }
}

/// A value written twice on one side and once on the other (`resolution 1807 (2008) … resolution
/// 1807 (2008)` against `… ladite résolution`) is a repetition, not a different value: an open anchor
/// whose key occurs anywhere on the other side is not reported. A changed value still is: the new
/// value occurs nowhere on the other side.
fn forgive_repeats(side: &mut Side, other: &Side) {
    let present: std::collections::HashSet<(AnchorKind, &str)> = other
        .anchors
        .iter()
        .map(|a| (a.kind, a.value.as_str()))
        .collect();
    for i in side.open_hard() {
        let a = &side.anchors[i];
        if present.contains(&(a.kind, a.value.as_str())) {
            side.used[i] = true;
        }
    }
}

/// A bare year (`in 2015 … in September 2015`) whose year both sides give in a date (`2015年9月`)
/// repeats that date's year: not reported.
fn forgive_years_of_dates(side: &mut Side, other: &Side) {
    let years = |s: &Side| -> std::collections::HashSet<String> {
        s.anchors
            .iter()
            .filter(|a| a.kind == AnchorKind::Date)
            .filter_map(|a| {
                let y = a.value.get(..4)?;
                is_digits(y).then(|| y.to_string())
            })
            .collect()
    };
    let (mine, theirs) = (years(side), years(other));
    for i in side.open_hard() {
        let a = &side.anchors[i];
        if a.kind == AnchorKind::Number && mine.contains(&a.value) && theirs.contains(&a.value) {
            side.used[i] = true;
        }
    }
}

/// Pairs open hard anchors of `side` with an open anchor of `other` that one of their loose keys
/// names, then dotted numbers (`140.2`) with their parts written apart (Arabic `140-2`).
fn match_loose(side: &mut Side, other: &mut Side) {
    let mut index = other.index(false);
    for i in side.open_hard() {
        for (kind, key) in loose_keys(&side.anchors[i]) {
            if let Some(j) = index.take(kind, &key) {
                side.used[i] = true;
                other.used[j] = true;
                break;
            }
        }
    }
    for i in side.open_hard() {
        let a = &side.anchors[i];
        let parts: Vec<&str> = a.value.split('.').collect();
        if a.kind != AnchorKind::Number || parts.len() < 2 || !parts.iter().all(|p| is_digits(p)) {
            continue;
        }
        let mut index = other.index(false);
        let taken: Option<Vec<usize>> = parts
            .iter()
            .map(|p| index.take(AnchorKind::Number, trim_zeros(p)))
            .collect();
        if let Some(taken) = taken {
            side.used[i] = true;
            for j in taken {
                other.used[j] = true;
            }
        }
    }
}

/// The digits of `value` with its groups of three (counted from the right) in reverse order:
/// an Arabic figure read in the other direction (`486125` ↔ `125 486`). Arabic PDF text reverses
/// the groups of space-separated figures but Word text does not, so either reading may be meant.
fn reversed_groups(value: &str) -> String {
    value
        .as_bytes()
        .rchunks(3)
        .map(|g| std::str::from_utf8(g).unwrap_or_default())
        .collect()
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The keys an anchor may also match under the tolerance rules.
fn loose_keys(anchor: &Anchor) -> Vec<(AnchorKind, String)> {
    let value = anchor.value.as_str();
    let mut keys = Vec::new();
    match anchor.kind {
        AnchorKind::Date => {
            let mut parts = value.split('-');
            if let (Some(year), Some(month), day) = (parts.next(), parts.next(), parts.next())
                && year.len() == 4
            {
                match day {
                    // The same day without the year (`11 April`) or without the day (`April 2011`).
                    Some(day) => keys.extend([
                        (AnchorKind::Date, format!("--{month}-{day}")),
                        (AnchorKind::Date, format!("{year}-{month}")),
                    ]),
                    // The year without the month: `in 2013` for `in May 2013`.
                    None => keys.push((AnchorKind::Number, year.to_string())),
                }
            }
        }
        AnchorKind::Number => {
            if let Some(bare) = value.strip_suffix('%') {
                keys.push((AnchorKind::Number, bare.to_string()));
            } else if let Some((int, frac)) = value.split_once('.')
                && is_digits(int)
                && frac.len() == 3
                && is_digits(frac)
            {
                keys.push((AnchorKind::Number, format!("{int}{frac}")));
            } else if is_digits(value) && value.len() > 3 {
                keys.push((AnchorKind::Number, reversed_groups(value)));
            }
        }
        AnchorKind::Symbol => {
            let mut parts = value.rsplitn(3, '/');
            if let (Some(last), Some(before), Some(_)) = (parts.next(), parts.next(), parts.next())
                && is_digits(last)
                && is_digits(before)
            {
                keys.push((AnchorKind::Symbol, format!("{before}/{last}")));
            }
        }
    }
    keys
}

// ---------------------------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------------------------

/// The text as searched, with the original byte offset of every folded byte.
struct Folded<'a> {
    source: &'a str,
    text: String,
    origin: Vec<usize>,
}

impl<'a> Folded<'a> {
    fn new(source: &'a str) -> Self {
        // ASCII is left as it is: copy runs of it at once, fold the rest character by character.
        if source.is_ascii() {
            return Folded {
                source,
                text: source.to_string(),
                origin: (0..=source.len()).collect(),
            };
        }
        let mut text = String::with_capacity(source.len());
        let mut origin = Vec::with_capacity(source.len() + 1);
        for (i, c) in source.char_indices() {
            if c.is_ascii() {
                text.push(c);
                origin.push(i);
            } else if let Some(f) = fold_char(c) {
                text.push(f);
                origin.extend(std::iter::repeat_n(i, f.len_utf8()));
            }
        }
        origin.push(source.len());
        Folded {
            source,
            text,
            origin,
        }
    }

    /// The input span of the folded span `start..end`.
    fn span(&self, start: usize, end: usize) -> (usize, usize) {
        let from = self.origin[start];
        let to = match end.checked_sub(1) {
            Some(last) => {
                let at = self.origin[last];
                at + self.source[at..].chars().next().map_or(0, char::len_utf8)
            }
            None => from,
        };
        (from, to.max(from))
    }
}

/// How one input character is searched: `None` drops it.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' | '\u{FF10}'..='\u{FF19}' => {
            ascii_digit(c)
        }
        '\u{066B}' => '.',
        '\u{066C}' => ',',
        '\u{066A}' => '%',
        // Chinese punctuation stays itself: a full-width comma separates list items, not thousands.
        '\u{FF0C}' | '\u{FF1A}' | '\u{FF1B}' => c,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
        '\u{00AD}'
        | '\u{061C}'
        | '\u{0640}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' => {
            return None;
        }
        '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ё' => 'е',
        'Ё' => 'Е',
        _ => c,
    })
}

/// A word or table entry folded the way the text is.
fn fold_str(s: &str) -> String {
    s.chars()
        .filter_map(fold_char)
        .flat_map(char::to_lowercase)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Scanning
// ---------------------------------------------------------------------------------------------

/// An anchor in folded coordinates.
struct Found {
    kind: AnchorKind,
    value: String,
    start: usize,
    end: usize,
    soft: bool,
}

/// The passes over one folded text; each claims what it recognises so later passes skip it.
struct Scan<'t> {
    text: &'t str,
    lang: Language,
    claimed: Vec<bool>,
    found: Vec<Found>,
}

/// Calls `accept` on every match of `re` in `text`; a rejected match is retried one character later,
/// so that a shorter match inside it can still be found.
fn each_match<'t>(re: &Regex, text: &'t str, mut accept: impl FnMut(&Captures<'t>) -> bool) {
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

fn is_digit_at(text: &str, i: usize) -> bool {
    text.as_bytes().get(i).is_some_and(u8::is_ascii_digit)
}

fn is_digit_before(text: &str, i: usize) -> bool {
    i > 0 && is_digit_at(text, i - 1)
}

fn is_letter_at(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_alphabetic)
}

/// Whether the digits at `i` belong to a name or code (`EC3`, `UF6`, `HFC-23`, `Фукусима-1`):
/// glued to letters, or after a hyphen that follows a capitalised word (not `post-2015`). Other
/// versions may spell the thing out (`六氟化铀`), so such figures are soft.
fn is_name_digits(text: &str, i: usize) -> bool {
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

fn is_letter_before(text: &str, i: usize) -> bool {
    text.get(..i)
        .and_then(|head| head.chars().next_back())
        .is_some_and(char::is_alphabetic)
}

/// At most `len` bytes of `text` from `start`, cut at a char boundary.
fn window(text: &str, start: usize, len: usize) -> &str {
    text.get(start..clamp_boundary(text, start.saturating_add(len)))
        .unwrap_or_default()
}

/// A magnitude word or per cent sign after a figure.
struct Suffix {
    /// Power of ten of the magnitude word, 0 if none.
    magnitude: u32,
    percent: bool,
    /// Where the suffix ends.
    end: usize,
}

/// A run of digits that is neither preceded nor followed by another digit.
fn digits_stand_alone(text: &str, start: usize, end: usize) -> bool {
    !is_digit_before(text, start) && !is_digit_at(text, end)
}

fn parse_u32(s: &str) -> Option<u32> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        chinese_numeral_value(s).and_then(|v| u32::try_from(v).ok())
    }
}

/// The largest char boundary of `text` at or below `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The largest char boundary of `text` at or below `i`, clamped to its length.
fn clamp_boundary(text: &str, i: usize) -> usize {
    floor_boundary(text, i.min(text.len()))
}

impl<'t> Scan<'t> {
    fn new(text: &'t str, lang: Language) -> Self {
        Scan {
            text,
            lang,
            claimed: vec![false; text.len()],
            found: Vec::new(),
        }
    }

    fn is_free(&self, start: usize, end: usize) -> bool {
        self.claimed
            .get(start..end)
            .is_some_and(|span| !span.contains(&true))
    }

    fn claim(&mut self, start: usize, end: usize) {
        if let Some(span) = self.claimed.get_mut(start..end) {
            span.fill(true);
        }
    }

    fn add(&mut self, kind: AnchorKind, value: String, start: usize, end: usize, soft: bool) {
        self.claim(start, end);
        self.found.push(Found {
            kind,
            value,
            start,
            end,
            soft,
        });
    }

    /// A leading paragraph number (`37. `, `37- `, `(37) `, Arabic `37 - `) is the block's label.
    fn skip_label(&mut self) {
        static LABEL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"\A\s*\(?[0-9]{1,3}(?:\.[0-9]{1,3})*(?:[.)](?:\s|[^\s0-9.,%])|\s*-\s+[^0-9\s-])|\A\s*[0-9]{1,3}(?:\.[0-9]{1,3})+\s+[\p{Lu}\p{Han}]|\A\s*'[0-9]{1,2}`",
            )
            .expect("label regex")
        });
        // Arabic numbers sections with hyphens: `2-26 وعلاوة`, `3-2-1 إحراز`.
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

    /// UN document symbols: `A/RES/70/1`, `E/CN.15/2011/L.3/Rev.1`, `A/C.3/56/L.12`.
    fn symbols(&mut self) {
        static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"[A-ZА-Я][A-Za-zА-Яа-я]{0,11}(?:\.[0-9]{1,3})?(?:/[A-Za-zА-Яа-я0-9]+(?:[.\-][A-Za-zА-Яа-я0-9]+)*(?:\([A-Za-z0-9.\-]+\))?)+",
            )
            .expect("symbol regex")
        });
        let text = self.text;
        each_match(&SYMBOL, text, |caps| {
            let m = &caps[0];
            let Some(start) = caps.get(0).map(|g| g.start()) else {
                return false;
            };
            let end = start + m.len();
            let before = text[..start].chars().next_back();
            let head = m.split(['/', '.']).next().unwrap_or_default();
            let ok = !before.is_some_and(|c| {
                is_latin(c) || is_cyrillic(c) || c.is_ascii_digit() || "/.-".contains(c)
            }) && m.bytes().any(|b| b.is_ascii_digit())
                && head.chars().all(|c| c.is_uppercase())
                && self.is_free(start, end);
            if ok {
                self.add(AnchorKind::Symbol, symbol_key(m), start, end, false);
            }
            ok
        });
    }

    /// Year ranges `2014/15`, `2014-15`, `2014/2015` are two years, not a resolution number; so are
    /// two years glued together where a dash was lost in conversion (`20142020`).
    fn year_ranges(&mut self) {
        static YEARS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"((?:19|20)[0-9]{2})(?:\s*(-{1,2}|/)\s*)?((?:19|20)?[0-9]{2})")
                .expect("year range regex")
        });
        let text = self.text;
        each_match(&YEARS, text, |caps| {
            let (Some(a), Some(b)) = (caps.get(1), caps.get(3)) else {
                return false;
            };
            let (Ok(first), Ok(second)) = (a.as_str().parse::<u32>(), b.as_str().parse::<u32>())
            else {
                return false;
            };
            let second = if b.as_str().len() == 2 {
                first / 100 * 100 + second
            } else {
                second
            };
            // Two-digit ends are written tight (`2014-15`); `2014 - 22 July` is no range.
            let tight = a.end() + caps.get(2).map_or(0, |s| s.len()) == b.start();
            let range = match caps.get(2).map(|s| s.as_str()) {
                Some("/") => second == first + 1 && (tight || b.as_str().len() == 4),
                Some(_) => second > first && (tight || b.as_str().len() == 4),
                None => b.as_str().len() == 4 && tight && second > first && second <= first + 30,
            };
            let ok = range
                && digits_stand_alone(text, a.start(), b.end())
                && self.is_free(a.start(), b.end());
            if ok {
                self.add(
                    AnchorKind::Number,
                    first.to_string(),
                    a.start(),
                    a.end(),
                    false,
                );
                self.add(
                    AnchorKind::Number,
                    second.to_string(),
                    b.start(),
                    b.end(),
                    false,
                );
            }
            ok
        });
    }

    /// Resolution numbers with the session in Roman numerals: `973 (X)`, Arabic `973 (د-10)`.
    fn session_numerals(&mut self) {
        static SESSION: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"([0-9]{1,4})\s*\(\s*(?:([IVXLC]{1,7})|د\s*-\s*([0-9]{1,3}))\s*\)")
                .expect("session regex")
        });
        let text = self.text;
        each_match(&SESSION, text, |caps| {
            let Some(whole) = caps.get(0) else {
                return false;
            };
            let session = match (caps.get(2), caps.get(3)) {
                (Some(roman), _) => roman_value(roman.as_str()),
                (None, Some(n)) => n.as_str().parse().ok().filter(|&n| n > 0 && n < 4000),
                (None, None) => None,
            };
            let ok = session.is_some()
                && !is_digit_before(text, whole.start())
                && self.is_free(whole.start(), whole.end());
            if let Some(session) = session.filter(|_| ok) {
                let value = format!("{}({})", &caps[1], to_roman(session));
                self.add(AnchorKind::Symbol, value, whole.start(), whole.end(), false);
            }
            ok
        });
    }

    /// Resolution and decision numbers `55/63`, `2004/26`, `16/2`.
    fn resolution_numbers(&mut self) {
        static RESOLUTION: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"([0-9]{1,4})/([0-9]{1,4})").expect("resolution regex"));
        let text = self.text;
        each_match(&RESOLUTION, text, |caps| {
            let Some(whole) = caps.get(0) else {
                return false;
            };
            let (start, end) = (whole.start(), whole.end());
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let ok = !before.is_some_and(|c| c.is_ascii_digit() || c == '/')
                && !after.is_some_and(|c| c.is_ascii_digit() || c == '/')
                && self.is_free(start, end);
            if ok {
                let value = format!("{}/{}", trim_zeros(&caps[1]), trim_zeros(&caps[2]));
                // `1/3` may be a fraction other versions write in words (`one third`): soft.
                let fraction = matches!(
                    (parse_u32(&caps[1]), parse_u32(&caps[2])),
                    (Some(a), Some(b)) if a < b && b <= 10
                );
                self.add(AnchorKind::Symbol, value, start, end, fraction);
            }
            ok
        });
    }

    /// Clock times, as `T15:00`.
    fn times(&mut self) {
        let text = self.text;
        let lang = self.lang;
        each_match(&rules(lang).time, text, |caps| {
            let Some(whole) = caps.get(0) else {
                return false;
            };
            let hour_start = ["h", "h2", "h3", "h4", "h5", "h6", "h7", "a", "a2"]
                .iter()
                .find_map(|g| caps.name(g))
                .map_or(whole.start(), |g| g.start());
            // `下午3时至6时`: the second hour of a range is in the afternoon too.
            let afternoon = lang == Language::Zh
                && caps.name("p").is_none()
                && ZH_AFTERNOON_BEFORE.is_match(
                    &text[floor_boundary(text, whole.start().saturating_sub(40))..whole.start()],
                );
            let key = time_of(caps, lang)
                .map(|(h, m)| {
                    if afternoon && h < 12 {
                        (h + 12, m)
                    } else {
                        (h, m)
                    }
                })
                .and_then(|(h, m)| time_key(h, m));
            // `between 1100 and 1200 hours` names two times.
            let until_key = caps
                .name("h8")
                .zip(caps.name("mi8"))
                .and_then(|(h, m)| time_key(h.as_str().parse().ok()?, m.as_str().parse().ok()?));
            // `jusqu'à 18 heures` is as often a duration as a time of day.
            let until = lang == Language::Fr
                && text[..whole.start()].ends_with("jusqu'")
                && caps.name("mi").is_none();
            // Words must stand alone (`11 am`, not `11 amendments`); Arabic and Chinese glue them.
            let edges = matches!(lang, Language::Ar | Language::Zh)
                || (!is_letter_before(text, whole.start()) && !is_letter_at(text, whole.end()));
            let ok = key.is_some()
                && edges
                && !until
                && !is_digit_before(text, hour_start)
                && !is_digit_at(text, whole.end())
                && self.is_free(whole.start(), whole.end());
            if let Some(key) = key.filter(|_| ok) {
                self.add(AnchorKind::Date, key, whole.start(), whole.end(), false);
                if let Some(until) = until_key {
                    self.add(AnchorKind::Date, until, whole.start(), whole.end(), false);
                }
            }
            ok
        });
    }

    /// Calendar dates, with ranges.
    fn dates(&mut self) {
        let text = self.text;
        let lang = self.lang;
        if lang == Language::Zh {
            each_match(&CHINESE_DATE, text, |caps| self.chinese_date(caps));
        } else {
            self.written_dates(lang);
        }
        // Arabic, Chinese and Russian versions keep English dates in their header lines.
        if matches!(lang, Language::Ar | Language::Zh | Language::Ru) {
            self.written_dates(Language::En);
        }
    }

    /// Dates written with month names by the conventions of `lang`.
    fn written_dates(&mut self, lang: Language) {
        let text = self.text;
        each_match(&rules(lang).date, text, |caps| {
            let Some(whole) = caps.get(0) else {
                return false;
            };
            let first_digit = whole
                .as_str()
                .find(|c: char| c.is_ascii_digit())
                .map(|i| whole.start() + i);
            if first_digit.is_some_and(|i| is_digit_before(text, i))
                || is_digit_at(text, whole.end())
            {
                return false;
            }
            if !self.is_free(whole.start(), whole.end()) {
                return false;
            }
            let month_ends = ["m1", "m", "um", "mm0", "mm"]
                .iter()
                .filter_map(|g| caps.name(g));
            if month_ends.into_iter().any(|g| is_letter_at(text, g.end())) {
                return false;
            }
            let Some(dates) = written_dates(caps, lang) else {
                return false;
            };
            for key in dates {
                self.add(AnchorKind::Date, key, whole.start(), whole.end(), false);
            }
            self.claim(whole.start(), whole.end());
            true
        });
    }

    /// A Chinese date `2011年4月11日`, with following days `至15日`, `和5月2日`.
    fn chinese_date(&mut self, caps: &Captures) -> bool {
        let text = self.text;
        let Some(whole) = caps.get(0) else {
            return false;
        };
        if is_digit_before(text, whole.start()) || !self.is_free(whole.start(), whole.end()) {
            return false;
        }
        let year = caps.name("y").and_then(|y| parse_u32(y.as_str()));
        let Some(month) = caps.name("m").and_then(|m| parse_u32(m.as_str())) else {
            return false;
        };
        let mut day = caps.name("d").and_then(|d| parse_u32(d.as_str()));
        if (caps.name("d").is_some() && day.is_none()) || !(1..=12).contains(&month) {
            return false;
        }
        let mut end = whole.end();
        // A day without 日 belongs to the date only when a range follows: `24和25日`.
        if let (Some(d), None) = (caps.name("d"), caps.name("du"))
            && !CHINESE_DATE_MORE.is_match(window(text, d.end(), 64))
        {
            day = None;
            end = caps.name("m").map_or(end, |m| m.end() + "月".len());
        }
        let mut keys: Vec<String> = Vec::new();
        if let Some(first) = caps
            .name("m0")
            .and_then(|m| parse_u32(m.as_str()))
            .filter(|_| day.is_none())
        {
            keys.extend(date_key(year, first, None));
        }
        keys.extend(date_key(year, month, day));
        let (mut year, mut month) = (year, month);
        while let Some(more) = CHINESE_DATE_MORE.captures(window(text, end, 64)) {
            let Some(m_end) = more.get(0).map(|g| end + g.end()) else {
                break;
            };
            year = more.name("y").and_then(|y| parse_u32(y.as_str())).or(year);
            let next_month = more.name("m").and_then(|m| parse_u32(m.as_str()));
            month = next_month.unwrap_or(month);
            let next_day = more.name("d").and_then(|d| parse_u32(d.as_str()));
            // `10月和11月`: a month follows a month; `11日至15日`: a day follows a day.
            let key = match (next_day, day) {
                (Some(d), _) => date_key(year, month, Some(d)),
                (None, None) if next_month.is_some() => date_key(year, month, None),
                _ => None,
            };
            let Some(key) = key else {
                break;
            };
            keys.push(key);
            end = m_end;
        }
        if !self.is_free(whole.start(), end) {
            return false;
        }
        for key in keys {
            self.add(AnchorKind::Date, key, whole.start(), end, false);
        }
        // A month on its own (`4月`) is claimed but, like `April`, is no anchor.
        self.claim(whole.start(), end);
        true
    }

    /// Chinese years `2011年`, `二〇一一年` are numbers, like `2011` elsewhere.
    fn chinese_years(&mut self) {
        static YEAR: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"([0-9]{4}|[〇零一二三四五六七八九]{4})\s*年").expect("year regex")
        });
        let text = self.text;
        each_match(&YEAR, text, |caps| {
            let Some(year) = caps.get(1) else {
                return false;
            };
            let value = parse_u32(year.as_str());
            let ok = value.is_some()
                && !is_digit_before(text, year.start())
                && self.is_free(year.start(), year.end());
            if let Some(value) = value.filter(|_| ok) {
                self.add(
                    AnchorKind::Number,
                    value.to_string(),
                    year.start(),
                    year.end(),
                    false,
                );
            }
            ok
        });
    }

    /// Chinese numerals before a counter or after `第`: `第二十届` (firm), `二十一世纪` (firm), `八个` (soft).
    fn chinese_numerals(&mut self) {
        static NUMERAL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(第)?([〇零一二两三四五六七八九十百千万亿]{1,12})(?:多|余)?(届|周年|世纪|次会议|次会|个|名|项|场|种|次|国|年|位|份|条|款|段|章|节|天|周|倍|家|所|部|批|轮|类|起|人|岁|美元|元|点|号|级|方|期|套|架|座|艘|辆|枚|张|台|只|支|门|间|层|篇|本|份|小时|分钟|公里|米|吨)",
            )
            .expect("numeral regex")
        });
        static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"百分之([〇零一二两三四五六七八九十百]{1,8})").expect("percent regex")
        });
        let text = self.text;
        each_match(&PERCENT, text, |caps| {
            let Some(whole) = caps.get(0) else {
                return false;
            };
            let value = chinese_numeral_value(&caps[1]);
            let ok = value.is_some() && self.is_free(whole.start(), whole.end());
            if let Some(v) = value.filter(|_| ok) {
                self.add(
                    AnchorKind::Number,
                    format!("{v}%"),
                    whole.start(),
                    whole.end(),
                    true,
                );
            }
            ok
        });
        static ORDINAL_LIST: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"第([〇零一二两三四五六七八九十百千]{1,12})(?:、|和|及|至|或|到)")
                .expect("ordinal list regex")
        });
        each_match(&ORDINAL_LIST, text, |caps| {
            let Some(numeral) = caps.get(1) else {
                return false;
            };
            let value = chinese_numeral_value(numeral.as_str());
            let ok = value.is_some() && self.is_free(numeral.start(), numeral.end());
            if let Some(v) = value.filter(|_| ok) {
                self.add(
                    AnchorKind::Number,
                    v.to_string(),
                    numeral.start(),
                    numeral.end(),
                    true,
                );
            }
            ok
        });
        static ECHOED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"([〇零一二两三四五六七八九十]{1,4})\s*\(\s*[0-9]{1,3}\s*\)")
                .expect("echoed numeral regex")
        });
        each_match(&ECHOED, text, |caps| {
            let (Some(numeral), Some(whole)) = (caps.get(1), caps.get(0)) else {
                return false;
            };
            let Some(value) = chinese_numeral_value(numeral.as_str()) else {
                return false;
            };
            self.add(
                AnchorKind::Number,
                value.to_string(),
                numeral.start(),
                numeral.end(),
                true,
            );
            self.soften_echo(value, numeral.end());
            self.claim(whole.start(), whole.end());
            true
        });
        each_match(&NUMERAL, text, |caps| {
            let (Some(whole), Some(numeral)) = (caps.get(0), caps.get(2)) else {
                return false;
            };
            let value = chinese_numeral_value(numeral.as_str());
            let ok = value.is_some() && self.is_free(whole.start(), whole.end());
            if let Some(v) = value.filter(|_| ok) {
                // `第二十届` is the twentieth session, `一届` just "a session".
                let firm = matches!(&caps[3], "周年" | "世纪")
                    || (caps.get(1).is_some() && &caps[3] == "届");
                self.add(
                    AnchorKind::Number,
                    v.to_string(),
                    whole.start(),
                    whole.end(),
                    !firm,
                );
            }
            ok
        });
    }

    /// Centuries in Roman numerals: `siglo XXI`, `XXIe siècle`, `XXI века`.
    fn roman_centuries(&mut self) {
        let Some(re) = rules(self.lang).century.as_ref() else {
            return;
        };
        let text = self.text;
        each_match(re, text, |caps| {
            let Some(whole) = caps.get(0) else {
                return false;
            };
            // A century is firm; a Roman ordinal before a name (`XXIV Cumbre`) is soft.
            let (roman, soft) = match (caps.name("r"), caps.name("o")) {
                (Some(r), _) => (r, false),
                (None, Some(o)) => (o, true),
                (None, None) => return false,
            };
            let value = roman_value(roman.as_str());
            let ok = value.is_some()
                && !is_letter_before(text, whole.start())
                && (soft || !is_letter_at(text, whole.end()))
                && self.is_free(roman.start(), roman.end());
            if let Some(v) = value.filter(|_| ok) {
                self.add(
                    AnchorKind::Number,
                    v.to_string(),
                    roman.start(),
                    roman.end(),
                    soft,
                );
            }
            ok
        });
    }

    /// Figures: digit groups, decimals, per cent and magnitude words (`2,5 millions`, `250万`).
    fn figures(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut previous: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() || self.claimed[i] || is_digit_before(text, i) {
                i += 1;
                continue;
            }
            let run_end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            let letter_before = i > 0 && bytes[i - 1].is_ascii_alphabetic();
            let code = letter_before && bytes.get(run_end).is_some_and(u8::is_ascii_alphabetic);
            // A code such as `B2C` or `H1N1`, or the power of a unit (`km2`, Arabic `كلم2`).
            let power = matches!(&text[i..run_end], "2" | "3")
                && ["km", "cm", "mm", "m", "كلم", "كم", "م"]
                    .iter()
                    .any(|unit| {
                        text[..i].ends_with(unit) && !is_letter_before(text, i - unit.len())
                    });
            if code || power {
                i = run_end;
                continue;
            }
            let token = self.figure_token(i);
            let Some(figure) = read_figure(&text[i..token], self.lang) else {
                i = token;
                continue;
            };
            let (value, end) = match figure.literal {
                Some(literal) => (literal, token),
                None => self.figure_value(&figure.int, &figure.frac, token),
            };
            if value.ends_with('%') {
                self.spread_percent(&previous, i);
            }
            let page = self.is_page_reference(i, end, previous.last().map(|&k| &self.found[k]));
            previous.push(self.found.len());
            self.add(
                AnchorKind::Number,
                value,
                i,
                end,
                page || is_name_digits(text, i),
            );
            i = end.max(i + 1);
        }
    }

    /// Page numbers (`p. 28`, `стр. 31`, `第26页`) differ between language versions by design: they
    /// are soft, and so are the pages listed after them (`pp. 34 and 35`).
    fn is_page_reference(&self, start: usize, end: usize, previous: Option<&Found>) -> bool {
        static PAGE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)(?:(?-u:\b)pp?\.|(?-u:\b)pages?|p[áa]gs?\.|p[áa]ginas?|стр\.|(?:^|\s)с\.|ص\.|الصفح\S*)\s*\z")
                .expect("page regex")
        });
        let before = &self.text[floor_boundary(self.text, start.saturating_sub(24))..start];
        PAGE.is_match(before)
            || (self.lang == Language::Zh && self.text[end..].starts_with('页'))
            || previous.is_some_and(|p| {
                p.soft
                    && p.kind == AnchorKind::Number
                    && LIST_GAP.is_match(&self.text[p.end..start])
            })
    }

    /// `45 and 46 per cent`: the figures listed before a percentage are percentages too.
    fn spread_percent(&mut self, figures: &[usize], mut start: usize) {
        for &k in figures.iter().rev() {
            let figure = &self.found[k];
            // Percentages rarely exceed 100; a larger figure (a count, a year) keeps its own unit.
            let small = figure
                .value
                .split('.')
                .next()
                .and_then(|int| int.parse::<u32>().ok())
                .is_some_and(|v| v <= 100);
            // A figure glued to letters is part of a code (`UF6 до 5%`).
            let code = is_letter_before(self.text, figure.start);
            if !small
                || code
                || figure.value.ends_with('%')
                || !LIST_GAP.is_match(&self.text[figure.end..start])
            {
                break;
            }
            start = figure.start;
            self.found[k].value.push('%');
        }
    }

    /// The key of a figure read up to `end`, with a following magnitude word or per cent sign, and
    /// where that suffix ends.
    fn figure_value(&self, int: &str, frac: &str, end: usize) -> (String, usize) {
        let Some(suffix) = self.suffix_at(end) else {
            return (decimal_key(int, frac, 0), end);
        };
        let mut value = decimal_key(int, frac, suffix.magnitude);
        if suffix.percent {
            value.push('%');
        }
        (value, suffix.end)
    }

    /// The magnitude word and per cent sign that follow a number ending at `end`, if any.
    fn suffix_at(&self, end: usize) -> Option<Suffix> {
        let caps = rules(self.lang)
            .suffix
            .captures(window(self.text, end, 48))?;
        let len = caps.get(0)?.len();
        let stands_alone = self.lang == Language::Zh || !is_letter_at(self.text, end + len);
        (len > 0 && stands_alone && self.is_free(end, end + len)).then(|| Suffix {
            magnitude: caps.name("mag").map_or(0, |m| magnitude(m.as_str())),
            percent: caps.name("pct").is_some(),
            end: end + len,
        })
    }

    /// The end of the figure starting at `start`: digits joined by `,` `.` or (in groups of three) spaces.
    fn figure_token(&self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let run_end = |from: usize| {
            let mut j = from;
            while j < bytes.len() && bytes[j].is_ascii_digit() && !self.claimed[j] {
                j += 1;
            }
            j
        };
        let mut end = run_end(start);
        let first_len = end - start;
        let arabic = self.lang == Language::Ar;
        // Arabic text carries space groups in reverse order: `250 444 3`, `630.8 1`.
        let mut reversed = arabic && first_len == 3;
        let mut points = 0;
        let mut spaces = 0;
        while let Some(&sep) = bytes.get(end) {
            let next = end + 1;
            if self.claimed.get(end).copied().unwrap_or(true)
                || !is_digit_at(self.text, next)
                || self.claimed[next]
            {
                break;
            }
            let group_end = run_end(next);
            let group_len = group_end - next;
            let joins = match sep {
                b',' | b'.' => !(arabic && spaces > 0),
                b' ' if arabic => {
                    reversed && group_len <= 3 && (points == 0 || (points == 1 && spaces == 0))
                }
                b' ' => points == 0 && first_len <= 3 && group_len == 3,
                _ => false,
            };
            if !joins {
                break;
            }
            if sep == b' ' {
                spaces += 1;
                reversed &= group_len == 3;
            } else {
                points += 1;
            }
            end = group_end;
            if arabic && sep == b' ' && !reversed {
                break;
            }
        }
        end
    }

    /// Numbers written in words: soft, unless they name a session, anniversary or century.
    fn words(&mut self) {
        let text = self.text;
        let lang = self.lang;
        let tokens = word_spans(text);
        let mut previous = None;
        let mut i = 0;
        while i < tokens.len() {
            let (start, end) = tokens[i];
            let Some(first) = may_be_number_word(&text[start..end], lang)
                .then(|| number_word(&text[start..end], lang))
                .flatten()
                .filter(|_| self.is_free(start, end))
            else {
                i += 1;
                continue;
            };
            // Gather the run of number words joined by spaces, hyphens or a connector word.
            let mut run = vec![(first, start, end)];
            let mut j = i + 1;
            while j < tokens.len() {
                let (s, e) = tokens[j];
                let gap = &text[run[run.len() - 1].2..s];
                if !gap.chars().all(|c| c == ' ' || c == '-')
                    || gap.len() > 3
                    || !self.is_free(s, e)
                {
                    break;
                }
                let word = &text[s..e];
                if let Some(w) = number_word(word, lang) {
                    run.push((w, s, e));
                    j += 1;
                } else if is_connector(word, lang)
                    && let Some(&(ns, ne)) = tokens.get(j + 1)
                    && text[e..ns].chars().all(|c| c == ' ' || c == '-')
                    && let Some(w) =
                        number_word(&text[ns..ne], lang).filter(|_| self.is_free(ns, ne))
                {
                    run.push((Word { joined: true, ..w }, ns, ne));
                    j += 2;
                } else {
                    break;
                }
            }
            for (value, s, e) in combine_words(&run, lang) {
                if self.spelled_date(value, s, e, &mut previous) {
                    continue;
                }
                previous = Some(self.found.len());
                self.soften_echo(value, e);
                let firm = firm_context(text, s, e, lang);
                match self
                    .suffix_at(e)
                    .filter(|suffix| suffix.percent && suffix.magnitude == 0)
                {
                    Some(suffix) => self.add(
                        AnchorKind::Number,
                        format!("{value}%"),
                        s,
                        suffix.end,
                        !firm,
                    ),
                    None => self.add(AnchorKind::Number, value.to_string(), s, e, !firm),
                }
            }

            i = j;
        }
    }
}

impl Scan<'_> {
    /// `Two (2) men`: the figure repeating a number just written in words is as soft as the words,
    /// since other versions write the number once (or, in Arabic, as a dual).
    fn soften_echo(&mut self, value: u64, end: usize) {
        static ECHO: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\A\s*\(([0-9]{1,3})\)").expect("echo regex"));
        let Some(digits) = ECHO
            .captures(window(self.text, end, 16))
            .and_then(|c| c.get(1))
        else {
            return;
        };
        let at = end + digits.start();
        let value = value.to_string();
        if let Some(figure) = self
            .found
            .iter_mut()
            .find(|f| f.start == at && f.value == value)
        {
            figure.soft = true;
        }
    }

    /// A day written in words before a month (`седьмого июля`, `الحادي عشر من آب/أغسطس`) is a date;
    /// so is the day listed just before it (`седьмого и восьмого июля`), found at `previous`.
    fn spelled_date(
        &mut self,
        day: u64,
        start: usize,
        end: usize,
        previous: &mut Option<usize>,
    ) -> bool {
        let text = self.text;
        let Some(re) = rules(self.lang).spelled_date.as_ref() else {
            return false;
        };
        let Some(caps) = re.captures(window(text, end, 80)) else {
            return false;
        };
        let (Some(whole), Some(month)) = (
            caps.get(0),
            caps.name("m").and_then(|m| month_of(m.as_str())),
        ) else {
            return false;
        };
        let year = caps.name("y").and_then(|y| y.as_str().parse().ok());
        let Some(key) = u32::try_from(day)
            .ok()
            .and_then(|d| date_key(year, month, Some(d)))
        else {
            return false;
        };
        let date_end = end + whole.end();
        if is_letter_at(text, date_end) {
            return false;
        }
        // The month and year may already stand as a month (`آب/أغسطس 1960` = `1960-08`): that
        // anchor becomes the full date.
        let month_anchor = if self.is_free(end, date_end) {
            None
        } else {
            let month_key = date_key(year, month, None);
            let found = self.found.iter().position(|f| {
                f.kind == AnchorKind::Date
                    && f.start >= end
                    && f.end <= date_end
                    && month_key.as_ref() == Some(&f.value)
            });
            match found {
                Some(p) => Some(p),
                None => return false,
            }
        };
        static AND: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\A\s*(?:и|et|y|و|and|,)\s*\z").expect("and regex"));
        if let Some(k) = previous.take()
            && let Some(first) = self.found.get(k)
            && AND.is_match(&text[first.end..start])
            && let Some(first_key) = first
                .value
                .parse()
                .ok()
                .and_then(|d| date_key(year, month, Some(d)))
        {
            self.found[k] = Found {
                kind: AnchorKind::Date,
                value: first_key,
                soft: false,
                ..self.found[k]
            };
        }
        match month_anchor {
            Some(p) => {
                self.found[p].value = key;
                self.found[p].start = start;
                self.claim(start, end);
            }
            None => self.add(AnchorKind::Date, key, start, date_end, false),
        }
        true
    }
}

/// What may stand between two figures of one list: `45 and 46 per cent`, `pp. 34 and 35`.
static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\A\s*(?:,\s*(?:and|or|et|ou|y|o|и|или)?|-|to|and|or|et|ou|à|au|y|o|a|al|и|или|до|по|و|او|الي|和|、|或|至|到|与|及)\s*\z",
    )
    .expect("list gap regex")
});

/// Canonical key of a document symbol: NFKC, upper case, Cyrillic look-alikes as Latin.
fn symbol_key(symbol: &str) -> String {
    symbol
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| {
            CYRILLIC_LOOKALIKES
                .iter()
                .find(|&&(cy, _)| cy == c)
                .map_or(c, |&(_, latin)| latin)
        })
        .flat_map(char::to_uppercase)
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn trim_zeros(digits: &str) -> &str {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() { "0" } else { trimmed }
}

/// `int.frac × 10^shift` written without superfluous zeros.
fn decimal_key(int: &str, frac: &str, shift: u32) -> String {
    let shift = shift as usize;
    let mut int = int.to_string();
    let mut frac = frac.to_string();
    if frac.len() >= shift {
        int.push_str(&frac[..shift]);
        frac.drain(..shift);
    } else {
        int.push_str(&frac);
        int.extend(std::iter::repeat_n('0', shift - frac.len()));
        frac.clear();
    }
    let int = trim_zeros(&int);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// The power of ten a magnitude word stands for.
fn magnitude(word: &str) -> u32 {
    let w = word.trim_end_matches('.').to_lowercase();
    match w.as_str() {
        "万亿" | "trillion" | "трлн" | "تريليون" | "billón" | "billones" => 12,
        "亿" => 8,
        "千万" => 7,
        "万" => 4,
        "千" | "thousand" | "mil" | "mille" | "тыс" | "الف" | "الاف" => 3,
        _ if w.starts_with("тысяч") => 3,
        _ if w.starts_with("mil millones")
            || w.starts_with("billion")
            || w.starts_with("milliard") =>
        {
            9
        }
        _ if w.starts_with("млрд")
            || w.starts_with("миллиард")
            || w.starts_with("مليار")
            || w.starts_with("بليون") =>
        {
            9
        }
        "بلايين" => 9,
        _ => 6,
    }
}

/// A figure as read: integer and fraction digits, or a literal such as a section number `2.3.1`.
struct Figure {
    int: String,
    frac: String,
    literal: Option<String>,
}

/// Reads a token of digit groups joined by `,` `.` and spaces by the conventions of `lang`.
fn read_figure(token: &str, lang: Language) -> Option<Figure> {
    let groups: Vec<&str> = token.split([',', '.', ' ']).collect();
    let seps: Vec<u8> = token.bytes().filter(|b| !b.is_ascii_digit()).collect();
    let plain = |int: String, frac: String| {
        Some(Figure {
            int,
            frac,
            literal: None,
        })
    };
    let Some((&last_sep, rest)) = seps.split_last() else {
        return plain(token.to_string(), String::new());
    };
    let tail_three = groups.iter().skip(1).all(|g| g.len() == 3);
    if lang == Language::Ar && seps.contains(&b' ') && groups[0].len() == 3 {
        // Arabic space groups in right-to-left order: `918 483` = 483,918; `630.8 1` = 1,630.8.
        let ordered: String = token.split(' ').rev().collect();
        return match ordered.split_once(['.', ',']) {
            Some((int, frac)) => plain(int.to_string(), frac.to_string()),
            None => plain(ordered, String::new()),
        };
    }
    if seps.iter().all(|&s| s == b' ') {
        return plain(groups.concat(), String::new());
    }
    let decimal_last = rest.iter().all(|&s| s != last_sep)
        && rest.iter().all(|&s| s == rest[0])
        && groups[1..groups.len() - 1].iter().all(|g| g.len() == 3)
        && groups[0].len() <= 3;
    if !rest.is_empty() && decimal_last {
        // `3,444,250.5`, `3.444.250,5`, `3 444 250,5`.
        let (int, frac) = groups.split_at(groups.len() - 1);
        return plain(int.concat(), frac.concat());
    }
    if !rest.is_empty() {
        // The same separator repeated: thousands when every group has three digits.
        return if tail_three && groups[0].len() <= 3 && seps.iter().all(|&s| s == last_sep) {
            plain(groups.concat(), String::new())
        } else {
            Some(Figure {
                int: String::new(),
                frac: String::new(),
                literal: Some(token.replace(',', ".")),
            })
        };
    }
    // One separator: thousands only when three digits follow and the language groups with it.
    let thousands = groups[1].len() == 3
        && groups[0].len() <= 3
        && match lang {
            Language::En | Language::Zh | Language::Ar => last_sep == b',',
            Language::Es | Language::Fr | Language::Ru => last_sep == b'.',
        };
    if thousands {
        plain(groups.concat(), String::new())
    } else {
        plain(groups[0].to_string(), groups[1].to_string())
    }
}

fn time_key(hour: u32, minute: u32) -> Option<String> {
    (hour < 24 && minute < 60).then(|| format!("T{hour:02}:{minute:02}"))
}

/// Hour and minute of a clock-time match, in 24-hour time.
fn time_of(caps: &Captures, lang: Language) -> Option<(u32, u32)> {
    let num = |name: &str| caps.name(name).and_then(|g| g.as_str().parse::<u32>().ok());
    if lang == Language::Ar {
        let (a, b, slash) = match (num("a"), num("a2")) {
            (Some(a), _) => (
                a,
                num("b"),
                caps.name("sep").is_some_and(|s| s.as_str() == "/"),
            ),
            (None, Some(a)) => (a, num("b2"), false),
            (None, None) => return None,
        };
        // Bidirectional extraction reverses the two halves: `00:11` for 11.00, `47/10` for 10.47.
        let (mut hour, minute) = match b {
            None => (a, 0),
            Some(b) if slash || a > 23 || (a == 0 && b > 0 && b <= 23) => (b, a),
            Some(b) => (a, b),
        };
        if caps.name("pm").is_some() && hour < 12 {
            hour += 12;
        }
        return Some((hour, minute));
    }
    let (hour, minute) = ["", "2", "3", "4", "5", "6", "7"]
        .iter()
        .find_map(|suffix| {
            num(&format!("h{suffix}")).map(|h| (h, num(&format!("mi{suffix}")).unwrap_or(0)))
        })?;
    match lang {
        Language::En => match caps.name("ap").map(|g| g.as_str().to_lowercase()) {
            Some(ap) if ap.starts_with('p') => {
                (1..=12).contains(&hour).then_some((hour % 12 + 12, minute))
            }
            Some(ap) if ap.starts_with('a') => {
                (1..=12).contains(&hour).then_some((hour % 12, minute))
            }
            Some(ap) if ap == "noon" => (hour == 12).then_some((12, minute)),
            Some(_) => (hour == 12).then_some((0, minute)),
            None => Some((hour, minute)),
        },
        Language::Zh => {
            let prefix = caps.name("p").map(|g| g.as_str());
            if caps.name("u").is_some_and(|u| u.as_str() == "点") && prefix.is_none() {
                return None;
            }
            // `时期`, `时间`, `时代` are "period", "time", "era", not o'clock.
            if prefix.is_none() && caps.name("after").is_some() {
                return None;
            }
            let afternoon =
                matches!(prefix, Some("下午" | "晚上")) || (prefix == Some("中午") && hour < 11);
            Some((
                if afternoon && hour < 12 {
                    hour + 12
                } else {
                    hour
                },
                minute,
            ))
        }
        _ => Some((hour, minute)),
    }
}

/// `2011-04-11`, `--04-11` or `2011-04`; `None` for a month alone or an impossible day.
fn date_key(year: Option<u32>, month: u32, day: Option<u32>) -> Option<String> {
    if !(1..=12).contains(&month) || day.is_some_and(|d| !(1..=31).contains(&d)) {
        return None;
    }
    match (year, day) {
        (Some(y), Some(d)) => Some(format!("{y:04}-{month:02}-{d:02}")),
        (None, Some(d)) => Some(format!("--{month:02}-{d:02}")),
        (Some(y), None) => Some(format!("{y:04}-{month:02}")),
        (None, None) => None,
    }
}

/// The date keys of a date match (two for a range); `None` if the match is no date after all.
fn written_dates(caps: &Captures, lang: Language) -> Option<Vec<String>> {
    let num = |name: &str| caps.name(name).and_then(|g| g.as_str().parse::<u32>().ok());
    let month = |name: &str| -> Option<Option<u32>> {
        match caps.name(name) {
            None => Some(None),
            Some(g) => {
                // English month names are capitalised: `2 may be` is no date.
                if lang == Language::En && g.as_str().starts_with(|c: char| c.is_lowercase()) {
                    return None;
                }
                month_of(g.as_str()).map(Some)
            }
        }
    };
    if let Some(m) = month("mm")? {
        let mut keys = Vec::with_capacity(2);
        if let Some(first) = month("mm0")? {
            keys.push(date_key(num("my"), first, None)?);
        }
        keys.push(date_key(num("my"), m, None)?);
        return Some(keys);
    }
    let (day, m, year) = match month("um")? {
        Some(m) => (num("ud")?, m, num("uy")),
        None => (num("d")?, month("m")??, num("y")),
    };
    let mut keys = Vec::with_capacity(2);
    if let Some(first_day) = num("d1") {
        let first_month = month("m1")?.unwrap_or(m);
        let first_year = num("y1").or(year);
        keys.push(date_key(first_year, first_month, Some(first_day))?);
    }
    keys.push(date_key(year, m, Some(day))?);
    Some(keys)
}

/// The month number of a month name as matched (Arabic `نيسان/أبريل` gives either half).
fn month_of(name: &str) -> Option<u32> {
    name.split('/')
        .find_map(|half| MONTHS.get(&fold_str(half.trim())).copied())
}

// ---------------------------------------------------------------------------------------------
// Numbers in words
// ---------------------------------------------------------------------------------------------

/// What a number word contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Adds its value (`seven`, `seventy`, `doscientos`).
    Value(u64),
    /// Multiplies what precedes by a hundred (`two hundred`, `deux cents`).
    Hundred,
    /// Multiplies what precedes by 10^n; `alone` if it may stand without a number (`mil`, `mille`).
    Scale { exponent: u32, alone: bool },
}

/// A number word as found: its role, and whether a connector (`and`, `y`, `et`, Arabic `و`) joined it
/// to the previous word.
#[derive(Debug, Clone, Copy)]
struct Word {
    role: Role,
    joined: bool,
}

fn is_connector(word: &str, lang: Language) -> bool {
    let w = word.to_lowercase();
    matches!(
        (lang, w.as_str()),
        (Language::En, "and") | (Language::Es, "y") | (Language::Fr, "et")
    )
}

/// Byte spans of the words of `text`: runs of letters and combining marks.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let in_word = is_word_char(c);
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Whether a character belongs to a word: ASCII letters, and any other character but spaces,
/// digits and punctuation (cheap range tests instead of Unicode property look-ups, which cost
/// more than the rest of the scan on Cyrillic and Arabic text).
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    !matches!(c,
        '\u{0080}'..='\u{00BF}' | '\u{00D7}' | '\u{00F7}'
        | '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}'
        | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'
        | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}'
        | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// The lower-case form of a letter, for the scripts UN text has case in (Latin, Cyrillic).
fn lower_letter(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'А'..='Я' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ё' => 'ё',
        c if c.is_ascii() || (c as u32) < 0x100 || ('\u{0400}'..='\u{04FF}').contains(&c) => {
            c.to_lowercase().next().unwrap_or(c)
        }
        c => c,
    }
}

/// First letters (lower case) that a number word of each language can start with, including
/// the Arabic prefixes glued to words and the stems of Russian compounds: a token starting
/// otherwise is no number word, and is not looked up.
static FIRST_LETTERS: LazyLock<[Vec<char>; 6]> = LazyLock::new(|| {
    Language::ALL.map(|lang| {
        let mut letters: Vec<char> = LEXICONS[lang_index(lang)]
            .keys()
            .filter_map(|k| k.chars().next())
            .collect();
        match lang {
            Language::Ar => letters.extend(['و', 'ا', 'ب', 'ل']),
            Language::Ru => letters.extend(
                RUSSIAN_COMPOUND_STEMS
                    .iter()
                    .filter_map(|(s, _)| s.chars().next()),
            ),
            _ => {}
        }
        letters.sort_unstable();
        letters.dedup();
        letters
    })
});

/// Whether `token` can be a number word of `lang` at all (see [`FIRST_LETTERS`]).
fn may_be_number_word(token: &str, lang: Language) -> bool {
    token
        .chars()
        .next()
        .map(lower_letter)
        .is_some_and(|c| FIRST_LETTERS[lang_index(lang)].binary_search(&c).is_ok())
}

/// The number word `token` stands for in `lang`, if any.
fn number_word(token: &str, lang: Language) -> Option<Word> {
    let lexicon = &LEXICONS[lang_index(lang)];
    let lower: String = if token.is_ascii() {
        token.to_ascii_lowercase()
    } else {
        token.chars().map(lower_letter).collect()
    };
    if let Some(&role) = lexicon.get(&lower) {
        return Some(Word {
            role,
            joined: false,
        });
    }
    if lang == Language::Ru {
        return russian_compound(&lower).map(|value| Word {
            role: Role::Value(value),
            joined: false,
        });
    }
    if lang != Language::Ar {
        return None;
    }
    // Arabic glues the conjunction, prepositions and the article to the word: `والستون`.
    let (joined, rest) = match lower.strip_prefix('و') {
        Some(rest) => (true, rest),
        None => (false, lower.as_str()),
    };
    ["", "ال", "بال", "لل", "ب", "ل"].iter().find_map(|prefix| {
        let stem = rest.strip_prefix(prefix)?;
        lexicon.get(stem).map(|&role| Word { role, joined })
    })
}

/// The number in a Russian compound adjective: `десятилетнего` (10-year), `двухмиллионным` (2 million).
fn russian_compound(word: &str) -> Option<u64> {
    const HEADS: &[(&str, u64)] = &[
        ("летн", 1),
        ("летие", 1),
        ("месячн", 1),
        ("дневн", 1),
        ("сторонн", 1),
        ("кратн", 1),
        ("тысячн", 1_000),
        ("миллионн", 1_000_000),
    ];
    let (rest, value) = RUSSIAN_COMPOUND_STEMS
        .iter()
        .find_map(|&(stem, v)| word.strip_prefix(stem).map(|rest| (rest, v)))?;
    HEADS
        .iter()
        .find(|(head, _)| rest.starts_with(head))
        .map(|&(_, scale)| value * scale)
}

/// Stems of Russian compound adjectives (`десятилетнего`) and the number they stand for.
const RUSSIAN_COMPOUND_STEMS: &[(&str, u64)] = &[
    ("двух", 2),
    ("трех", 3),
    ("четырех", 4),
    ("пяти", 5),
    ("шести", 6),
    ("семи", 7),
    ("восьми", 8),
    ("девяти", 9),
    ("десяти", 10),
    ("двадцати", 20),
    ("тридцати", 30),
    ("пятидесяти", 50),
    ("ста", 100),
];

/// Size class of an additive value: units, ten to nineteen, tens, hundreds.
fn class(value: u64) -> u8 {
    match value {
        0..=9 => 1,
        10..=19 => 2,
        20..=99 => 3,
        _ => 4,
    }
}

/// Splits a run of number words into numbers, with the span of each.
fn combine_words(run: &[(Word, usize, usize)], lang: Language) -> Vec<(u64, usize, usize)> {
    #[derive(Default)]
    struct Acc {
        total: u64,
        current: u64,
        last: Option<u64>,
        start: usize,
        end: usize,
        words: usize,
    }
    impl Acc {
        fn value(&self) -> Option<u64> {
            self.total
                .checked_add(self.current)
                .filter(|_| self.words > 0)
        }
    }
    let mut out = Vec::new();
    let mut acc = Acc::default();
    for &(word, s, e) in run {
        let extended =
            acc.words > 0 && extend(&mut acc.total, &mut acc.current, &mut acc.last, word, lang);
        if !extended {
            if let Some(v) = acc.value().filter(|&v| v > 0) {
                out.push((v, acc.start, acc.end));
            }
            acc = Acc {
                start: s,
                ..Acc::default()
            };
            let (mut total, mut current, mut last) = (0, 0, None);
            let started = match word.role {
                Role::Value(v) => {
                    current = v;
                    last = Some(v);
                    true
                }
                Role::Scale {
                    exponent,
                    alone: true,
                } => {
                    total = 10u64.pow(exponent.min(18));
                    true
                }
                // French counts `cent onze` without `un`.
                Role::Hundred if lang == Language::Fr => {
                    current = 100;
                    last = Some(100);
                    true
                }
                _ => false,
            };
            if !started {
                continue;
            }
            acc.total = total;
            acc.current = current;
            acc.last = last;
        }
        acc.words += 1;
        acc.end = e;
    }
    if let Some(v) = acc.value().filter(|&v| v > 0) {
        out.push((v, acc.start, acc.end));
    }
    out
}

/// Adds `word` to the number being read, if the grammar lets it continue that number.
fn extend(
    total: &mut u64,
    current: &mut u64,
    last: &mut Option<u64>,
    word: Word,
    lang: Language,
) -> bool {
    match word.role {
        Role::Value(v) => {
            let Some(prev) = *last else { return false };
            let fits = if word.joined {
                // Connectors join tens and units (`treinta y cinco`, `vingt et un`, Arabic unit-first
                // `التاسعة والستون`) and what follows a hundred (`one hundred and five`).
                match lang {
                    Language::Ar => {
                        (class(prev) == 1 && class(v) == 3) || (class(prev) == 4 && class(v) < 4)
                    }
                    _ => class(v) < class(prev) && (class(prev) >= 3),
                }
            } else if lang == Language::Ar && class(prev) == 1 && v == 10 {
                true // `ثلاثة عشر` = 13
            } else if lang == Language::Fr && prev == 4 && v == 20 {
                *current = current.saturating_sub(4) + 80; // `quatre-vingt`
                *last = Some(80);
                return true;
            } else {
                class(v) < class(prev)
            };
            if fits {
                *current += v;
                *last = Some(v);
            }
            fits
        }
        Role::Hundred => {
            let fits = (1..=9).contains(current);
            if fits {
                *current *= 100;
                *last = Some(*current);
            }
            fits
        }
        Role::Scale { exponent, .. } => {
            let scaled = (*current).max(1).checked_mul(10u64.pow(exponent.min(18)));
            match scaled.and_then(|s| total.checked_add(s)) {
                Some(t) if *current > 0 || *total == 0 => {
                    *total = t;
                    *current = 0;
                    *last = Some(u64::MAX);
                    true
                }
                _ => false,
            }
        }
    }
}

/// Whether a spelled number at `start..end` names a session, anniversary or century.
fn firm_context(text: &str, start: usize, end: usize, lang: Language) -> bool {
    let r = rules(lang);
    let after = &text[end..clamp_boundary(text, end + 60)];
    let before = &text[floor_boundary(text, start.saturating_sub(60))..start];
    r.firm_after.as_ref().is_some_and(|re| re.is_match(after))
        || r.firm_before.as_ref().is_some_and(|re| re.is_match(before))
}

fn lang_index(lang: Language) -> usize {
    match lang {
        Language::Ar => 0,
        Language::Zh => 1,
        Language::En => 2,
        Language::Fr => 3,
        Language::Ru => 4,
        Language::Es => 5,
    }
}

/// A language's number words, built on first use.
type NumberWords = LazyLock<HashMap<String, Role>, fn() -> HashMap<String, Role>>;

/// Each language's number words, built on first use of that language.
static LEXICONS: [NumberWords; 6] = [
    LazyLock::new(|| lexicon(Language::Ar)),
    LazyLock::new(|| lexicon(Language::Zh)),
    LazyLock::new(|| lexicon(Language::En)),
    LazyLock::new(|| lexicon(Language::Fr)),
    LazyLock::new(|| lexicon(Language::Ru)),
    LazyLock::new(|| lexicon(Language::Es)),
];

/// The number words of a language, folded and lower case.
fn lexicon(lang: Language) -> HashMap<String, Role> {
    let mut map = HashMap::new();
    let mut put = |words: &str, role: Role| {
        for w in words.split_whitespace() {
            map.insert(fold_str(w), role);
        }
    };
    let values = |put: &mut dyn FnMut(&str, Role), table: &[(&str, u64)]| {
        for &(words, v) in table {
            put(words, Role::Value(v));
        }
    };
    let scale = |exponent, alone| Role::Scale { exponent, alone };
    match lang {
        Language::En => {
            values(&mut put, EN_WORDS);
            put("hundred", Role::Hundred);
            put("thousand", scale(3, true));
            put("million", scale(6, false));
            put("billion", scale(9, false));
            put("trillion", scale(12, false));
        }
        Language::Fr => {
            values(&mut put, FR_WORDS);
            put("cent cents", Role::Hundred);
            put("mille", scale(3, true));
            put("million millions", scale(6, false));
            put("milliard milliards", scale(9, false));
        }
        Language::Es => {
            values(&mut put, ES_WORDS);
            for &(stem, v) in ES_ORDINALS {
                for ending in ["o", "a", "os", "as"] {
                    put(&format!("{stem}{ending}"), Role::Value(v));
                    put(&strip_accents(&format!("{stem}{ending}")), Role::Value(v));
                }
            }
            put("mil", scale(3, true));
            put("millón millon millones", scale(6, false));
            put("billón billon billones", scale(12, false));
        }
        Language::Ru => {
            values(&mut put, RU_WORDS);
            for &(stem, v) in RU_ORDINAL_STEMS {
                let endings: &[&str] = if stem == "трет" {
                    &[
                        "ий", "ья", "ье", "ьи", "ьего", "ьей", "ьему", "ьим", "ьем", "ью", "ьих",
                        "ьими",
                    ]
                } else {
                    &[
                        "ый", "ой", "ий", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых",
                        "ыми",
                    ]
                };
                for ending in endings {
                    put(&format!("{stem}{ending}"), Role::Value(v));
                }
            }
            for &(stem, v) in RU_CARDINAL_STEMS {
                for ending in ["ь", "и", "ью"] {
                    put(&format!("{stem}{ending}"), Role::Value(v));
                }
            }
            for ending in ["а", "и", "у", "ей", "ью", "ам", "ами", "ах", ""] {
                put(&format!("тысяч{ending}"), scale(3, false));
            }
            for ending in ["", "а", "ов", "ам", "ами", "ах", "е", "ом"] {
                put(&format!("миллион{ending}"), scale(6, false));
                put(&format!("миллиард{ending}"), scale(9, false));
            }
        }
        Language::Ar => {
            values(&mut put, AR_WORDS);
            put("ألف", scale(3, true));
            put("آلاف", scale(3, false));
            put("مليون", scale(6, true));
            put("ملايين", scale(6, false));
            // `مليونَي ين`: two million.
            put("مليوني مليونين مليونان", Role::Value(2_000_000));
            put("مليار مليارات بليون بلايين", scale(9, false));
        }
        Language::Zh => {}
    }
    map
}

fn strip_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' => 'u',
            _ => c,
        })
        .collect()
}

const EN_WORDS: &[(&str, u64)] = &[
    ("one first", 1),
    ("two second", 2),
    ("three third", 3),
    ("four fourth", 4),
    ("five fifth", 5),
    ("six sixth", 6),
    ("seven seventh", 7),
    ("eight eighth", 8),
    ("nine ninth", 9),
    ("ten tenth", 10),
    ("eleven eleventh", 11),
    ("twelve twelfth dozen", 12),
    ("thirteen thirteenth", 13),
    ("fourteen fourteenth", 14),
    ("fifteen fifteenth", 15),
    ("sixteen sixteenth", 16),
    ("seventeen seventeenth", 17),
    ("eighteen eighteenth", 18),
    ("nineteen nineteenth", 19),
    ("twenty twentieth", 20),
    ("thirty thirtieth", 30),
    ("forty fortieth", 40),
    ("fifty fiftieth", 50),
    ("sixty sixtieth", 60),
    ("seventy seventieth", 70),
    ("eighty eightieth", 80),
    ("ninety ninetieth", 90),
    ("hundredth", 100),
];

const FR_WORDS: &[(&str, u64)] = &[
    ("un une premier première premiers premières unième", 1),
    ("deux deuxième deuxièmes second seconde", 2),
    ("trois troisième troisièmes", 3),
    ("quatre quatrième quatrièmes", 4),
    ("cinq cinquième cinquièmes", 5),
    ("six sixième sixièmes", 6),
    ("sept septième septièmes", 7),
    ("huit huitième huitièmes", 8),
    ("neuf neuvième neuvièmes", 9),
    ("dix dixième dixièmes", 10),
    ("onze onzième", 11),
    ("douze douzième", 12),
    ("treize treizième", 13),
    ("quatorze quatorzième", 14),
    ("quinze quinzième", 15),
    ("seize seizième", 16),
    ("dizaine", 10),
    ("douzaine", 12),
    ("quinzaine", 15),
    ("vingtaine", 20),
    ("trentaine", 30),
    ("quarantaine", 40),
    ("cinquantaine", 50),
    ("soixantaine", 60),
    ("centaine", 100),
    ("millier", 1000),
    ("vingt vingts vingtième", 20),
    ("trente trentième", 30),
    ("quarante quarantième", 40),
    ("cinquante cinquantième", 50),
    ("soixante soixantième", 60),
    ("centième", 100),
];

const ES_WORDS: &[(&str, u64)] = &[
    ("un una uno primer", 1),
    ("tercer", 3),
    ("dos", 2),
    ("tres", 3),
    ("cuatro", 4),
    ("cinco", 5),
    ("seis", 6),
    ("siete", 7),
    ("ocho", 8),
    ("nueve", 9),
    ("diez", 10),
    ("once", 11),
    ("doce", 12),
    ("trece", 13),
    ("catorce", 14),
    ("quince", 15),
    ("dieciséis dieciseis", 16),
    ("diecisiete", 17),
    ("dieciocho", 18),
    ("diecinueve", 19),
    ("veinte", 20),
    ("veintiuno veintiún veintiun veintiuna", 21),
    ("veintidós veintidos", 22),
    ("veintitrés veintitres", 23),
    ("veinticuatro", 24),
    ("veinticinco", 25),
    ("veintiséis veintiseis", 26),
    ("veintisiete", 27),
    ("veintiocho", 28),
    ("veintinueve", 29),
    ("treinta", 30),
    ("cuarenta", 40),
    ("cincuenta", 50),
    ("sesenta", 60),
    ("setenta", 70),
    ("ochenta", 80),
    ("noventa", 90),
    ("cien ciento", 100),
    ("doscientos doscientas", 200),
    ("trescientos trescientas", 300),
    ("cuatrocientos cuatrocientas", 400),
    ("quinientos quinientas", 500),
    ("seiscientos seiscientas", 600),
    ("setecientos setecientas", 700),
    ("ochocientos ochocientas", 800),
    ("novecientos novecientas", 900),
    ("decena", 10),
    ("docena", 12),
    ("quincena", 15),
    ("veintena", 20),
    ("treintena", 30),
    ("cuarentena", 40),
    ("centenar", 100),
    ("millar", 1000),
];

/// Spanish ordinal stems; `-o -a -os -as` are added.
const ES_ORDINALS: &[(&str, u64)] = &[
    ("primer", 1),
    ("segund", 2),
    ("tercer", 3),
    ("cuart", 4),
    ("quint", 5),
    ("sext", 6),
    ("séptim", 7),
    ("octav", 8),
    ("noven", 9),
    ("décim", 10),
    ("undécim", 11),
    ("duodécim", 12),
    ("vigésim", 20),
    ("trigésim", 30),
    ("cuadragésim", 40),
    ("quincuagésim", 50),
    ("sexagésim", 60),
    ("septuagésim", 70),
    ("octogésim", 80),
    ("nonagésim", 90),
    ("centésim", 100),
];

/// Russian ordinal stems; adjective endings are added.
const RU_ORDINAL_STEMS: &[(&str, u64)] = &[
    ("перв", 1),
    ("втор", 2),
    ("трет", 3),
    ("четверт", 4),
    ("пят", 5),
    ("шест", 6),
    ("седьм", 7),
    ("восьм", 8),
    ("девят", 9),
    ("десят", 10),
    ("одиннадцат", 11),
    ("двенадцат", 12),
    ("тринадцат", 13),
    ("четырнадцат", 14),
    ("пятнадцат", 15),
    ("шестнадцат", 16),
    ("семнадцат", 17),
    ("восемнадцат", 18),
    ("девятнадцат", 19),
    ("двадцат", 20),
    ("тридцат", 30),
    ("сороков", 40),
    ("пятидесят", 50),
    ("шестидесят", 60),
    ("семидесят", 70),
    ("восьмидесят", 80),
    ("девяност", 90),
    ("сот", 100),
];

/// Russian cardinal stems declined with `-ь -и -ью`.
const RU_CARDINAL_STEMS: &[(&str, u64)] = &[
    ("пят", 5),
    ("шест", 6),
    ("девят", 9),
    ("десят", 10),
    ("одиннадцат", 11),
    ("двенадцат", 12),
    ("тринадцат", 13),
    ("четырнадцат", 14),
    ("пятнадцат", 15),
    ("шестнадцат", 16),
    ("семнадцат", 17),
    ("восемнадцат", 18),
    ("девятнадцат", 19),
    ("двадцат", 20),
    ("тридцат", 30),
];

const RU_WORDS: &[(&str, u64)] = &[
    ("один одна одно одного одной одному одним одном одну", 1),
    ("два две двух двум двумя двое двоих", 2),
    ("три трех трем тремя трое троих", 3),
    ("четыре четырех четырем четырьмя четверо", 4),
    ("пятеро", 5),
    ("шестеро", 6),
    ("семеро", 7),
    ("семь семи", 7),
    ("восемь восьми восемью", 8),
    ("сорок сорока", 40),
    ("пятьдесят пятидесяти", 50),
    ("шестьдесят шестидесяти", 60),
    ("семьдесят семидесяти", 70),
    ("восемьдесят восьмидесяти", 80),
    ("девяносто девяноста", 90),
    ("сто ста сотня сотни", 100),
    ("десяток десятка десятки", 10),
    ("дюжина дюжины", 12),
    ("двести двухсот", 200),
    ("триста трехсот", 300),
    ("четыреста четырехсот", 400),
    ("пятьсот пятисот", 500),
    ("шестьсот шестисот", 600),
    ("семьсот семисот", 700),
    ("восемьсот восьмисот", 800),
    ("девятьсот девятисот", 900),
];

/// Arabic cardinals and ordinals, masculine and feminine (`ة` is folded to `ه`).
const AR_WORDS: &[(&str, u64)] = &[
    ("واحد واحدة أحد إحدى أول أولى الأولى", 1),
    (
        "اثنان اثنين اثنتان اثنتين اثنا اثنتا اثني اثنتي ثان ثاني ثانية",
        2,
    ),
    ("ثلاث ثلاثة ثالث ثالثة", 3),
    ("أربع أربعة رابع رابعة", 4),
    ("خمس خمسة خامس خامسة", 5),
    ("ست ستة سادس سادسة", 6),
    ("سبع سبعة سابع سابعة", 7),
    ("ثمان ثماني ثمانية ثامن ثامنة", 8),
    ("تسع تسعة تاسع تاسعة", 9),
    ("عشر عشرة عاشر عاشرة", 10),
    ("حادي حادية", 1),
    // Duals of time words say "two" without a number word.
    (
        "عامين عامان سنتين سنتان شهرين شهران يومين يومان أسبوعين مرتين ساعتين",
        2,
    ),
    ("عشرون عشرين", 20),
    ("ثلاثون ثلاثين", 30),
    ("أربعون أربعين", 40),
    ("خمسون خمسين", 50),
    ("ستون ستين", 60),
    ("سبعون سبعين", 70),
    ("ثمانون ثمانين", 80),
    ("تسعون تسعين", 90),
    ("مائة مئة", 100),
    ("مائتان مائتين مئتان مئتين", 200),
];

// ---------------------------------------------------------------------------------------------
// Per-language rules
// ---------------------------------------------------------------------------------------------

/// The regexes that differ by language.
struct Rules {
    /// Clock times; groups `h`/`mi` (with suffixes 2–4 for alternatives), `ap`, Arabic `a`/`sep`/`b`/`pm`.
    time: Regex,
    /// Dates; groups `d1 m1 y1` (range start), `d m y`, US style `um ud uy`, month-year `mm my`.
    date: Regex,
    /// Anchored at the end of a figure: magnitude word `mag`, per cent `pct`.
    suffix: Regex,
    /// Roman-numeral centuries, group `r`.
    century: Option<Regex>,
    /// Context after a spelled number that makes it firm.
    firm_after: Option<Regex>,
    /// Context before a spelled number that makes it firm (Arabic puts the noun first).
    firm_before: Option<Regex>,
    /// A month (group `m`) and year (`y`) after a day written in words: `седьмого июля`.
    spelled_date: Option<Regex>,
}

/// Each language's rules, compiled the first time that language is scanned: a run on English
/// text never pays for the Arabic patterns.
static RULES: [LazyLock<Rules, fn() -> Rules>; 6] = [
    LazyLock::new(|| Rules::new(Language::Ar)),
    LazyLock::new(|| Rules::new(Language::Zh)),
    LazyLock::new(|| Rules::new(Language::En)),
    LazyLock::new(|| Rules::new(Language::Fr)),
    LazyLock::new(|| Rules::new(Language::Ru)),
    LazyLock::new(|| Rules::new(Language::Es)),
];

fn rules(lang: Language) -> &'static Rules {
    &RULES[lang_index(lang)]
}

/// Month names keyed by their folded lower-case form, plus the Russian prepositional case.
static MONTHS: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    let mut map: HashMap<String, u32> =
        MONTH_NAMES.iter().map(|&(n, m)| (fold_str(n), m)).collect();
    for (i, name) in RU_MONTHS_PREPOSITIONAL
        .iter()
        .chain(&AR_MAGHREB_MONTHS)
        .enumerate()
    {
        map.insert(fold_str(name), i as u32 % 12 + 1);
    }
    map
});

/// Month names of Maghreb Arabic (`دجنبر` = December), used in Moroccan texts.
const AR_MAGHREB_MONTHS: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
];

const RU_MONTHS_PREPOSITIONAL: [&str; 12] = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];

/// A regex alternation of the month names written in `script`.
fn month_alternation(script: fn(char) -> bool) -> String {
    let mut names: Vec<&String> = MONTHS
        .keys()
        .filter(|n| n.chars().filter(|c| c.is_alphabetic()).all(script))
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

const CHINESE_NUMBER: &str = r"[0-9]{1,2}|[一二三四五六七八九十]{1,3}";
const CHINESE_YEAR: &str = r"[0-9]{4}|[〇零一二三四五六七八九]{4}";

static CHINESE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?P<y>{CHINESE_YEAR})\s*年\s*)?(?:(?P<m0>{CHINESE_NUMBER})\s*(?:-|至|到|和|、)\s*)?(?P<m>{CHINESE_NUMBER})\s*月(?:\s*(?P<d>{CHINESE_NUMBER})\s*(?P<du>日)?)?"
    ))
    .expect("Chinese date regex")
});

/// An afternoon hour followed by a range word: `下午3时至`.
static ZH_AFTERNOON_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:下午|晚上)\s*[0-9]{1,2}\s*时(?:\s*[0-9]{1,2}\s*分)?\s*(?:至|到|-)\s*\z")
        .expect("afternoon regex")
});

static CHINESE_DATE_MORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\A\s*(?:至|到|和|、|及|与|-|~)\s*(?:(?P<y>{CHINESE_YEAR})\s*年\s*)?(?:(?P<m>{CHINESE_NUMBER})\s*月\s*)?(?:(?P<d>{CHINESE_NUMBER})\s*日)?"
    ))
    .expect("Chinese date continuation regex")
});

impl Rules {
    fn new(lang: Language) -> Rules {
        let compile =
            |pattern: &str| Regex::new(pattern).unwrap_or_else(|e| panic!("{lang} rule: {e}"));
        let latin = month_alternation(is_latin);
        let cyrillic = month_alternation(is_cyrillic);
        let arabic = {
            let names = month_alternation(is_arabic);
            format!(r"(?:{names})(?:\s*/\s*(?:{names}))?")
        };
        let hm =
            r"(?P<h3>[0-9]{1,2}):(?P<mi3>[0-9]{2})|(?P<h7>[01][0-9]|2[0-3])(?P<mi7>[0-5][0-9])Z";
        let time = match lang {
            Language::En => format!(
                r"(?i)(?P<h>[0-9]{{1,2}})(?:[.:](?P<mi>[0-9]{{2}}))?\s*(?P<ap>a\.\s?m\.?|p\.\s?m\.?|am|pm|noon|midnight)|(?P<h4>[01][0-9]|2[0-3])(?P<mi4>[0-5][0-9])\s*(?:Z|hours|hrs)|at\s+(?P<h5>[01][0-9]|2[0-3])(?P<mi5>[0-5][0-9])|(?:between|from)\s+(?P<h6>[01][0-9]|2[0-3])(?P<mi6>[0-5][0-9])\s+(?:and|to)\s+(?P<h8>[01][0-9]|2[0-3])(?P<mi8>[0-5][0-9])\s*(?:hours|hrs)|{hm}"
            ),
            Language::Fr => format!(
                r"(?i)(?:à|a|de|vers|entre|et|dès|après|avant)\s+(?P<h>[0-9]{{1,2}})\s*(?:heures?|h)(?:\s*(?P<mi>[0-9]{{1,2}}))?|(?P<h2>[0-9]{{1,2}})\s*h\s*(?P<mi2>[0-9]{{1,2}})|{hm}"
            ),
            Language::Es => format!(
                r"(?i)(?P<h>[0-9]{{1,2}})[.:](?P<mi>[0-9]{{2}})\s*(?:horas|h)|(?:a|de|hasta|entre|y)\s+las\s+(?P<h2>[0-9]{{1,2}})(?:[.:](?P<mi2>[0-9]{{2}})(?:\s*horas)?|\s*horas)|{hm}"
            ),
            Language::Ru => format!(
                r"(?i)(?P<h>[0-9]{{1,2}})\s*ч(?:ас)?\.?(?:\s*(?P<mi>[0-9]{{1,2}})\s*м(?:ин)?\.?)?|в\s+(?P<h2>[0-9]{{1,2}})[.](?P<mi2>[0-9]{{2}})|(?:после|до|в|с|к|около)\s+(?P<h4>[0-9]{{1,2}})\s+час(?:а|ов)|{hm}"
            ),
            Language::Ar => r"الساعه\s*(?P<a>[0-9]{1,2})(?:\s*(?P<sep>[:/.])\s*(?P<b>[0-9]{1,2}))?(?:\s+(?P<pm>مساء|بعد\s+الظهر|ظهرا)|\s+صباحا)?|(?P<a2>[0-9]{1,2}):(?P<b2>[0-9]{2})".to_string(),
            Language::Zh => format!(
                r"(?P<p>上午|下午|中午|晚上|早上|凌晨)?\s*(?P<h>[0-9]{{1,2}})\s*(?P<u>[时点])(?:\s*(?P<mi>[0-9]{{1,2}})\s*分|(?P<after>[期间代候]))?|{hm}"
            ),
        };
        let day = r"[0-9]{1,2}";
        let year = r"[0-9]{4}";
        let date = match lang {
            Language::En => format!(
                r"(?i)(?:(?P<d1>{day})(?:st|nd|rd|th)?(?:\s+(?P<m1>{latin}))?(?:,?\s+(?P<y1>{year}))?(?:\s*-{{1,2}}\s*|\s+(?:to|and|through|until)\s+))?(?P<d>{day})(?:st|nd|rd|th)?\s+(?P<m>{latin})(?:,?\s+(?P<y>{year}))?|(?:(?P<mm0>{latin})\s*(?:-|/|\s(?:to|and)\s)\s*)?(?P<mm>{latin}),?\s+(?P<my>{year})|(?P<um>{latin})\s+(?P<ud>{day})(?:st|nd|rd|th)?(?:,\s*(?P<uy>{year}))?"
            ),
            Language::Es => format!(
                r"(?i)(?:(?P<d1>{day})(?:º|°|o)?(?:\s+de\s+(?P<m1>{latin}))?(?:\s+de\s+(?P<y1>{year}))?(?:\s*-{{1,2}}\s*|\s+(?:a|al|y|y\s+el|hasta\s+el)\s+))?(?P<d>{day})(?:º|°)?\s+(?:de\s+)?(?P<m>{latin})(?:\s+(?:de\s+|del\s+)?(?P<y>{year}))?|(?:(?P<mm0>{latin})\s*(?:-|/|\s(?:a|y)\s)\s*)?(?P<mm>{latin})\s+(?:de|del)\s+(?P<my>{year})"
            ),
            Language::Fr => format!(
                r"(?i)(?:(?P<d1>{day})(?:er)?(?:\s+(?P<m1>{latin}))?(?:\s+(?P<y1>{year}))?(?:\s*-{{1,2}}\s*|\s+(?:au|et|à|et\s+le|au\s+le)\s+))?(?P<d>{day})(?:er)?\s+(?P<m>{latin})(?:\s+(?P<y>{year}))?|(?:(?P<mm0>{latin})\s*(?:-|/|\s(?:à|et)\s)\s*)?(?P<mm>{latin})\s+(?P<my>{year})"
            ),
            Language::Ru => format!(
                r"(?i)(?:(?P<d1>{day})(?:\s+(?P<m1>{cyrillic}))?(?:\s+(?P<y1>{year})(?:\s*(?:года|г\.))?)?(?:\s*-{{1,2}}\s*|\s+(?:по|и|до)\s+))?(?P<d>{day})\s+(?P<m>{cyrillic})(?:\s+(?P<y>{year}))?(?:\s*(?:года|г\.))?|(?:(?P<mm0>{cyrillic})\s*(?:-|/|\s(?:и|по)\s)\s*)?(?P<mm>{cyrillic})\s+(?P<my>{year})(?:\s*(?:года|г\.))?"
            ),
            Language::Ar => format!(
                r"(?:(?P<d1>{day})(?:\s*(?P<m1>{arabic}))?(?:\s+(?P<y1>{year}))?(?:\s*-{{1,2}}\s*|\s+(?:الي|حتي)\s+|\s+و\s*))?(?P<d>{day})\s*(?P<m>{arabic})(?:\s+(?P<y>{year}))?|(?:(?P<mm0>{arabic})\s*(?:-|\s(?:الي|و)\s*)\s*)?(?P<mm>{arabic})\s+(?P<my>{year})"
            ),
            // Chinese dates have their own pass; this never matches.
            Language::Zh => r"[^\s\S]".to_string(),
        };
        let suffix = match lang {
            Language::En => {
                r"(?i)\A(?:\s*(?P<mag>million|billion|trillion|thousand))?(?:\s*(?P<pct>%|per\s*cent|percent|percentage\s+points?))?"
            }
            Language::Fr => {
                r"(?i)\A(?:\s*(?P<mag>millions?|milliards?))?(?:\s*(?P<pct>%|pour\s+cent|points?\s+de\s+pourcentage))?"
            }
            Language::Es => {
                r"(?i)\A(?:\s*(?P<mag>mil\s+millones|millones|millón|millon|billones|billón|mil))?(?:\s*(?P<pct>%|por\s+ciento|puntos?\s+porcentuales?))?"
            }
            Language::Ru => {
                r"(?i)\A(?:\s*(?P<mag>млн\.?|млрд\.?|трлн\.?|тыс\.?|миллион[а-я]*|миллиард[а-я]*|тысяч[а-я]*))?(?:\s*(?P<pct>%|процент[а-я]*|процентн[а-я]*\s+пункт[а-я]*))?"
            }
            Language::Ar => {
                r"\A(?:\s*(?P<mag>مليون|ملايين|مليارات|مليار|بليون|بلايين|الاف|الف|تريليون))?(?:\s*(?P<pct>%|(?:في\s+|بال)(?:المائه|المئه)|نقاط\s+مئويه|نقطه\s+مئويه))?"
            }
            Language::Zh => {
                r"\A(?:\s*(?:多|余)?(?P<mag>万亿|亿|千万|万))?(?:\s*(?P<pct>%|个百分点))?"
            }
        };
        let century = match lang {
            Language::Es => Some(r"(?i:siglo)\s+(?P<r>[IVXL]{1,6})|(?P<o>[IVXL]{2,7})\s+\p{Lu}"),
            Language::Fr => Some(
                r"(?P<r>[IVXL]{1,6})(?:e|ème)\s+(?i:siècle)|(?P<o>[IVXL]{2,7})(?:e|ème)?\s+\p{Lu}",
            ),
            Language::Ru => {
                Some(r"(?P<r>[IVXL]{1,6})\s+(?i:веком|века|веке|век)|(?P<o>[IVXL]{2,7})\s+\p{Lu}")
            }
            Language::En => Some(r"(?P<r>[IVXL]{1,6})\s+(?i:century)"),
            _ => None,
        };
        let firm_after = match lang {
            Language::En => Some(
                r"(?i)\A\s+(?:(?:regular|special|emergency\s+special|resumed|substantive|annual|ordinary|organizational)\s+)?(?:session|anniversary|century)\b",
            ),
            Language::Es => {
                Some(r"(?i)\A\s+(?:per[ií]odo\s+(?:extraordinario\s+)?de\s+sesiones|aniversario)\b")
            }
            Language::Fr => Some(r"(?i)\A\s+(?:session|anniversaire|siècle)\b"),
            Language::Ru => Some(
                r"(?i)\A\s+(?:(?:специальн|очередн|возобновленн)[а-я]*\s+)?(?:сесси|годовщин|век[аеу]?\b)",
            ),
            _ => None,
        };
        let firm_before = (lang == Language::Ar).then_some(
            r"(?:الدوره|دورتها|دورته|دوره|دورتيها|دورتيه|الدورتين|الذكري\s+السنويه|ذكراها\s+السنويه|الذكري|القرن)(?:\s+(?:الاستثنائيه|العاديه|الخاصه|المستانفه))?\s*\z",
        );
        let spelled_date = match lang {
            Language::Ru => Some(format!(r"(?i)\A\s+(?P<m>{cyrillic})(?:\s+(?P<y>{year}))?")),
            Language::Ar => Some(format!(r"\A\s+من\s+(?P<m>{arabic})(?:\s+(?P<y>{year}))?")),
            Language::Fr => Some(format!(r"(?i)\A\s+(?P<m>{latin})(?:\s+(?P<y>{year}))?")),
            Language::Es => Some(format!(
                r"(?i)\A\s+de\s+(?P<m>{latin})(?:\s+de\s+(?P<y>{year}))?"
            )),
            _ => None,
        };
        Rules {
            time: compile(&time),
            date: compile(&date),
            suffix: compile(suffix),
            century: century.map(compile),
            firm_after: firm_after.map(compile),
            firm_before: firm_before.map(compile),
            spelled_date: spelled_date.as_deref().map(compile),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{Ar, En, Es, Fr, Ru, Zh};

    /// The keys of the anchors of `text`, hard and soft, in text order.
    fn keys(text: &str, lang: Language) -> Vec<String> {
        anchors(text, lang).into_iter().map(|a| a.value).collect()
    }

    /// The hard keys of `text`.
    fn hard(text: &str, lang: Language) -> Vec<String> {
        anchors(text, lang)
            .into_iter()
            .filter(|a| !a.soft)
            .map(|a| a.value)
            .collect()
    }

    /// A text and its language.
    type Version<'a> = (&'a str, Language);

    /// The differences between two texts, as `lang:value`.
    fn diff(first: Version, second: Version) -> Vec<String> {
        let a = anchors(first.0, first.1);
        let b = anchors(second.0, second.1);
        compare(&a, &b)
            .into_iter()
            .map(|d| {
                format!(
                    "{}:{}",
                    if d.in_first { first.1 } else { second.1 },
                    d.value
                )
            })
            .collect()
    }

    /// Asserts, for each pair of texts, the differences [`diff`] reports (none for `&[]`).
    fn differ(cases: &[(Version, Version, &[&str])]) {
        for (first, second, want) in cases {
            assert_eq!(diff(*first, *second), *want, "{first:?} vs {second:?}");
        }
    }

    /// Asserts that every version matches the first one.
    fn all_agree(versions: &[Version]) {
        for other in &versions[1..] {
            assert_eq!(
                diff(versions[0], *other),
                Vec::<String>::new(),
                "{:?} vs {:?}",
                versions[0],
                other
            );
        }
    }

    #[test]
    fn a_bare_year_repeating_the_year_of_a_date_is_not_reported() {
        let en = anchors(
            "the first Prize in 2015 would be held in September 2015",
            Language::En,
        );
        let zh = anchors("第一届颁奖假定在2015年9月举行。", Language::Zh);
        assert!(compare(&en, &zh).is_empty(), "{:?}", compare(&en, &zh));
        // Without the date on the other side the year is still missing there.
        let zh = anchors("第一届颁奖假定在9月举行。", Language::Zh);
        assert!(
            compare(&en, &zh)
                .iter()
                .any(|d| d.kind == AnchorKind::Number && d.value == "2015")
        );
    }

    #[test]
    fn thousands_separators_of_every_language_give_one_key() {
        for (text, lang) in [
            ("3,444,250", En),
            ("3.444.250", Es),
            ("3 444 250", Fr),
            ("3\u{a0}444\u{a0}250", Fr),
            ("3\u{202f}444\u{202f}250", Ru),
            ("3 444 250美元", Zh),
            ("250 444 3 دولار", Ar),
        ] {
            assert_eq!(keys(text, lang), ["3444250"], "{text}");
        }
    }

    #[test]
    fn a_figure_matches_its_groups_read_the_other_way() {
        assert_eq!(reversed_groups("486125"), "125486");
        assert_eq!(reversed_groups("3444250"), "2504443");
        let ar = anchors("ضبط 125 486 قطعة", Language::Ar);
        let en = anchors("125,486 objects were seized", Language::En);
        assert!(compare(&ar, &en).is_empty(), "{ar:?} {en:?}");
        let changed = anchors("125,468 objects were seized", Language::En);
        assert_eq!(compare(&ar, &changed).len(), 2);
    }

    #[test]
    fn arabic_reverses_space_groups_but_not_single_numbers() {
        assert_eq!(keys("لـ 918 483 شخصا", Ar), ["483918"]);
        assert_eq!(keys("630.8 1 كغم", Ar), ["1630.8"]);
        assert_eq!(keys("من 000 55 و 2 مليون دولار", Ar), ["55000", "2000000"]);
    }

    #[test]
    fn decimals_and_per_cent_agree() {
        all_agree(&[
            ("16.3 per cent", En),
            ("16.3 %", Es),
            ("16,3 por ciento", Es),
            ("16,3 %", Fr),
            ("16,3 pour cent", Fr),
            ("16,3%", Ru),
            ("16,3 процента", Ru),
            ("16.3%", Zh),
            ("16.3 في المائة", Ar),
            ("16٫3 في المئة", Ar),
        ]);
        assert_eq!(keys("16,3 %", Fr), ["16.3%"]);
        assert_eq!(keys("45 and 46 per cent", En), ["45%", "46%"]);
    }

    #[test]
    fn one_point_three_digits_follows_the_language() {
        assert_eq!(keys("1,500", En), ["1500"]);
        assert_eq!(keys("1.500", Es), ["1500"]);
        assert_eq!(keys("1.5", En), ["1.5"]);
        assert_eq!(keys("1,5", Fr), ["1.5"]);
        // A law number written `26.659` in one version and `26659` in another still matches.
        assert!(diff(("Law 26.659", En), ("закон 26.659", Ru)).is_empty());
    }

    #[test]
    fn foreign_digits_are_read() {
        assert_eq!(keys("٢٠١١", Ar), ["2011"]);
        assert_eq!(keys("۲۰۱۱", Ar), ["2011"]);
        assert_eq!(keys("２０１１年", Zh), ["2011"]);
        assert_eq!(keys("٣٫٥ في المائة", Ar), ["3.5%"]);
    }

    #[test]
    fn chinese_numerals_in_context() {
        assert_eq!(keys("二十一世纪", Zh), ["21"]);
        assert_eq!(keys("第二十届会议", Zh), ["20"]);
        assert_eq!(keys("二〇一一年", Zh), ["2011"]);
        assert_eq!(keys("250万人", Zh), ["2500000"]);
        assert_eq!(keys("1.5亿美元", Zh), ["150000000"]);
        assert_eq!(keys("8个领域", Zh), ["8"]);
        // Idioms are no numbers.
        assert!(keys("一些代表团表示一致意见", Zh).is_empty());
    }

    #[test]
    fn magnitude_words_multiply() {
        all_agree(&[
            ("100,000 people", En),
            ("100 mil personas", Es),
            ("100 000 personnes", Fr),
            ("100 тыс. человек", Ru),
            ("10万人", Zh),
        ]);
        all_agree(&[
            ("$2.5 billion", En),
            ("2,5 milliards de dollars", Fr),
            ("2.500 millones de dólares", Es),
            ("2,5 млрд. долл.", Ru),
            ("25亿美元", Zh),
            ("2.5 بليون دولار", Ar),
        ]);
        assert_eq!(keys("3 млн", Ru), ["3000000"]);
        assert_eq!(keys("2 millones", Es), ["2000000"]);
    }

    #[test]
    fn session_ordinals_agree_and_are_firm() {
        let twentieth = [
            ("at its twentieth session", En),
            ("en su 20º período de sesiones", Es),
            ("en su vigésimo período de sesiones", Es),
            ("à sa vingtième session", Fr),
            ("на своей двадцатой сессии", Ru),
            ("第二十届会议", Zh),
            ("في الدورة العشرين", Ar),
        ];
        all_agree(&twentieth);
        for (text, lang) in twentieth {
            assert_eq!(hard(text, lang), ["20"], "{text}");
        }
        all_agree(&[
            ("Sixty-ninth session", En),
            ("Sexagésimo noveno período de sesiones", Es),
            ("Soixante-neuvième session", Fr),
            ("Шестьдесят девятая сессия", Ru),
            ("第六十九届会议", Zh),
            ("الدورة التاسعة والستون", Ar),
        ]);
        assert_eq!(hard("fifty-sixth session", En), ["56"]);
        assert_eq!(hard("quatre-vingt-dixième session", Fr), ["90"]);
        assert_eq!(hard("soixante et onzième session", Fr), ["71"]);
    }

    #[test]
    fn anniversaries_and_centuries_agree() {
        all_agree(&[
            ("the seventieth anniversary", En),
            ("el 70º aniversario", Es),
            ("le soixante-dixième anniversaire", Fr),
            ("70-летие", Ru),
            ("70周年", Zh),
            ("الذكرى السنوية السبعين", Ar),
        ]);
        all_agree(&[
            ("the twenty-first century", En),
            ("el siglo XXI", Es),
            ("le XXIe siècle", Fr),
            ("в XXI веке", Ru),
            ("二十一世纪", Zh),
        ]);
    }

    #[test]
    fn spelled_cardinals_are_soft_and_absorb_figures() {
        let eight = anchors("eight sectors", En);
        assert_eq!(eight.len(), 1);
        assert!(eight[0].soft);
        assert!(diff(("progress in eight sectors", En), ("8个领域的进展", Zh)).is_empty());
        assert!(diff(("خمس مناقشات", Ar), ("five discussions", En)).is_empty());
        // Soft words are never reported themselves.
        assert!(
            diff(
                ("two or three delegations", En),
                ("plusieurs délégations", Fr)
            )
            .is_empty()
        );
        // A figure repeating the words is as soft as they are.
        assert!(diff(("Two (2) armed men", En), ("رجلان مسلحان", Ar)).is_empty());
        assert_eq!(keys("twenty-five", En), ["25"]);
        assert_eq!(keys("treinta y cinco", Es), ["35"]);
        assert_eq!(keys("soixante-dix-sept", Fr), ["77"]);
        assert_eq!(keys("двадцать пять", Ru), ["25"]);
        assert_eq!(keys("خمسة وعشرون", Ar), ["25"]);
        assert_eq!(keys("ثلاثة عشر", Ar), ["13"]);
        assert_eq!(keys("deux cents", Fr), ["200"]);
    }

    #[test]
    fn dates_agree_in_six_languages() {
        all_agree(&[
            ("11 April 2011", En),
            ("11 de abril de 2011", Es),
            ("11 avril 2011", Fr),
            ("11 апреля 2011 года", Ru),
            ("2011年4月11日", Zh),
            ("2011 年 4 月 11 日", Zh),
            ("11 نيسان/أبريل 2011", Ar),
            ("11 نيسان/ أبريل 2011", Ar),
            ("١١ نيسان/أبريل ٢٠١١", Ar),
            ("二〇一一年四月十一日", Zh),
        ]);
        assert_eq!(keys("11 April 2011", En), ["2011-04-11"]);
        assert_eq!(keys("1er janvier 1990", Fr), ["1990-01-01"]);
        assert_eq!(keys("1 كانون الثاني/ يناير 1990", Ar), ["1990-01-01"]);
        assert_eq!(
            keys("(24 أيلول/سبتمبر 1999؛ ٢٦ أيلول/سبتمبر ٢٠١٣)", Ar),
            ["1999-09-24", "2013-09-26"]
        );
    }

    #[test]
    fn partial_dates() {
        assert_eq!(keys("on 11 April", En), ["--04-11"]);
        assert_eq!(keys("in April 2011", En), ["2011-04"]);
        assert_eq!(keys("4月11日", Zh), ["--04-11"]);
        assert_eq!(keys("2011年4月", Zh), ["2011-04"]);
        assert_eq!(keys("en abril de 2011", Es), ["2011-04"]);
        assert_eq!(keys("в апреле 2011 года", Ru), ["2011-04"]);
        // `may` the verb is no month.
        assert_eq!(keys("2 may be", En), ["2"]);
    }

    #[test]
    fn date_ranges_give_both_ends() {
        let range = ["2011-04-11", "2011-04-15"];
        assert_eq!(keys("11-15 April 2011", En), range);
        assert_eq!(keys("from 11 to 15 April 2011", En), range);
        assert_eq!(keys("del 11 a 15 de abril de 2011", Es), range);
        assert_eq!(keys("du 11 au 15 avril 2011", Fr), range);
        assert_eq!(keys("с 11 по 15 апреля 2011 года", Ru), range);
        assert_eq!(keys("2011年4月11日至15日", Zh), range);
        assert_eq!(keys("2011年4月11至15日", Zh), range);
        assert_eq!(keys("من 11 إلى 15 نيسان/أبريل 2011", Ar), range);
        assert_eq!(keys("4月11日至15日", Zh), ["--04-11", "--04-15"]);
        assert_eq!(
            keys("30 March-2 April 2011", En),
            ["2011-03-30", "2011-04-02"]
        );
    }

    #[test]
    fn dates_in_words_and_month_lists() {
        assert_eq!(keys("Тринадцатого августа", Ru), ["--08-13"]);
        assert_eq!(keys("Седьмого и восьмого июля", Ru), ["--07-07", "--07-08"]);
        assert_eq!(keys("في الحادي عشر من آب/أغسطس 1960", Ar), ["1960-08-11"]);
        assert_eq!(keys("2014年10月和11月", Zh), ["2014-10", "2014-11"]);
        assert_eq!(
            keys("in October and November 2014", En),
            ["2014-10", "2014-11"]
        );
        assert_eq!(keys("2014年7-8月", Zh), ["2014-07", "2014-08"]);
        assert_eq!(keys("21 January 2014", Ar), ["2014-01-21"]);
    }

    #[test]
    fn date_figures_are_not_numbers() {
        assert!(
            anchors("2015年1月21日", Zh)
                .iter()
                .all(|a| a.kind == AnchorKind::Date)
        );
        // A month on its own is no anchor, like `January`.
        assert!(anchors("1月", Zh).is_empty());
        assert_eq!(keys("2015年1月", Zh), ["2015-01"]);
    }

    #[test]
    fn clock_times_agree() {
        all_agree(&[
            ("at 11 a.m.", En),
            ("上午11时", Zh),
            ("上午11时分举行", Zh),
            ("à 11 heures", Fr),
            ("a las 11.00 horas", Es),
            ("в 11 ч. 00 м.", Ru),
            ("الساعة 00:11", Ar),
        ]);
        all_agree(&[
            ("at 12.40 p.m.", En),
            ("下午12时40分", Zh),
            ("à 12 h 40", Fr),
            ("a las 12.40 horas", Es),
            ("в 12 ч. 40 м.", Ru),
            ("الساعة 12:40", Ar),
        ]);
        all_agree(&[
            ("at 10.47 a.m.", En),
            ("الساعة 47/10", Ar),
            ("上午10时47分", Zh),
        ]);
        all_agree(&[
            ("at 3 p.m.", En),
            ("下午3时", Zh),
            ("à 15 heures", Fr),
            ("الساعة 15:00", Ar),
        ]);
        assert_eq!(keys("at 3 p.m.", En), ["T15:00"]);
        assert_eq!(keys("下午3时至6时", Zh), ["T15:00", "T18:00"]);
        assert_eq!(
            keys("Between 1100 and 1200 hours", En),
            ["T11:00", "T12:00"]
        );
        assert_eq!(keys("à 2359Z", Fr), ["T23:59"]);
        assert_eq!(keys("dentro de las 24 horas", Es), ["24"]);
        // A duration is no clock time.
        assert_eq!(keys("18 hours a day", En), ["18"]);
        assert_eq!(keys("全环基金5时期", Zh), ["5"]);
    }

    #[test]
    fn document_symbols() {
        assert_eq!(keys("A/RES/70/1", En), ["A/RES/70/1"]);
        assert_eq!(keys("Ａ／６６／１００", Zh), ["A/66/100"]);
        assert_eq!(
            keys("see E/CN.15/2011/L.3/Rev.1.", En),
            ["E/CN.15/2011/L.3/REV.1"]
        );
        assert_eq!(keys("A/CONF.213/18", Fr), ["A/CONF.213/18"]);
        assert_eq!(keys("A/C.3/56/L.12", Es), ["A/C.3/56/L.12"]);
        assert_eq!(keys("见S/2015/123号文件", Zh), ["S/2015/123"]);
        assert_eq!(keys("документ А/69/100", Ru), ["A/69/100"]);
        // Slashes without figures are no symbols.
        assert!(keys("HIV/AIDS and/or", En).is_empty());
    }

    #[test]
    fn resolution_numbers_agree() {
        all_agree(&[
            ("resolution 55/63", En),
            ("第55/63号决议", Zh),
            ("القرار 55/63", Ar),
            ("резолюция 55/63", Ru),
        ]);
        assert_eq!(keys("resolution 2004/26", En), ["2004/26"]);
        // A small fraction is soft: other versions write it in words.
        assert!(diff(("只有1/3的发达国家", Zh), ("only one third of", En)).is_empty());
        assert_eq!(hard("resolution 1/3", En), Vec::<String>::new());
        assert!(diff(("resolution A/RES/55/63", En), ("resolución 55/63", Es)).is_empty());
        all_agree(&[
            ("resolution 973 (X) of 15 December 1955", En),
            ("قرارها 973 (د-10) المؤرخ 15 كانون الأول/ديسمبر 1955", Ar),
            ("其1955年12月15日第973(X)号决议", Zh),
        ]);
        // Fiscal and year ranges are years, not resolutions.
        assert_eq!(keys("2014/15", En), ["2014", "2015"]);
        assert_eq!(keys("2014-2015年", Zh), ["2014", "2015"]);
    }

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

    #[test]
    fn digits_of_names_and_codes_are_soft() {
        for (text, lang) in [
            ("the EC3 initiative", En),
            ("UF6 cylinders", En),
            ("HFC-23 emissions", En),
            ("станция Фукусима-1", Ru),
        ] {
            assert_eq!(hard(text, lang), Vec::<String>::new(), "{text}");
        }
        assert!(diff(("HFC-23 emissions", En), ("三氟甲烷排放", Zh)).is_empty());
        assert_eq!(hard("the post-2015 agenda", En), ["2015"]);
        assert_eq!(hard("only 22 countries", En), ["22"]);
        assert_eq!(hard("只有21个国家", Zh), ["21"]);
    }

    #[test]
    fn page_references_are_soft() {
        assert!(diff(("anaemia (p. 28).", En), ("贫血(第26页)。", Zh)).is_empty());
        assert!(diff(("(pp. 34 and 35)", En), ("(стр. 37 и 38)", Ru)).is_empty());
    }

    #[test]
    fn changed_numbers_are_reported() {
        differ(&[
            (
                ("only 22 countries provided reports", En),
                ("只有21个国家提交了报告", Zh),
                &["en:22", "zh:21"],
            ),
            (
                ("un total de 3.444.250 dólares", Es),
                ("3 444 260 dollars", Fr),
                &["es:3444250", "fr:3444260"],
            ),
            (
                ("45 (55 per cent)", En),
                ("45 (35 %)", Fr),
                &["en:55%", "fr:35%"],
            ),
            (
                ("1.5 million", En),
                ("2.5 millions", Fr),
                &["en:1500000", "fr:2500000"],
            ),
            (
                ("في عام 1988", Ar),
                ("en 1998", Es),
                &["ar:1988", "es:1998"],
            ),
            // A small number is not ignored when the other side has no word for it.
            (
                ("3 delegations", En),
                ("4 délégations", Fr),
                &["en:3", "fr:4"],
            ),
            // Two written-out sessions that differ are both firm.
            (
                ("its seventieth session", En),
                ("семнадцатой сессии", Ru),
                &["en:70", "ru:17"],
            ),
        ]);
    }

    #[test]
    fn changed_dates_are_reported() {
        differ(&[
            (
                ("le 29 janvier 2015", Fr),
                ("el 28 de enero de 2015", Es),
                &["fr:2015-01-29", "es:2015-01-28"],
            ),
            (
                ("4 July 2014", En),
                ("14 تموز/يوليه 2014", Ar),
                &["en:2014-07-04", "ar:2014-07-14"],
            ),
            (
                ("25 марта 1996 года", Ru),
                ("25 آذار/مارس 1997", Ar),
                &["ru:1996-03-25", "ar:1997-03-25"],
            ),
            (
                ("11 April 2011", En),
                ("2011年5月11日", Zh),
                &["en:2011-04-11", "zh:2011-05-11"],
            ),
            (
                ("31 décembre 1014", Fr),
                ("31 December 2014", En),
                &["fr:1014-12-31", "en:2014-12-31"],
            ),
            (
                ("at 10.18 a.m.", En),
                ("à 10 h 20", Fr),
                &["en:T10:18", "fr:T10:20"],
            ),
            // A date missing its year still matches; a different day does not.
            (("on 29 January", En), ("le 29 janvier 2015", Fr), &[]),
            (
                ("on 29 January", En),
                ("12月24日", Zh),
                &["en:--01-29", "zh:--12-24"],
            ),
        ]);
    }

    #[test]
    fn changed_symbols_are_reported() {
        differ(&[
            (
                ("A/RES/70/1", En),
                ("A/RES/70/2", Fr),
                &["en:A/RES/70/1", "fr:A/RES/70/2"],
            ),
            (
                ("resolución 55/63", Es),
                ("резолюция 55/64", Ru),
                &["es:55/63", "ru:55/64"],
            ),
            (
                ("973 (X)", En),
                ("973 (د-11)", Ar),
                &["en:973(X)", "ar:973(XI)"],
            ),
        ]);
    }

    #[test]
    fn repetitions_are_forgiven_but_not_changes() {
        let en = "paragraphs 9 and 11 of resolution 1807 (2008) and paragraphs 10 and 12 of resolution 1807 (2008)";
        let fr = "paragraphes 9 et 11 de la résolution 1807 (2008) et paragraphes 10 et 12 de ladite résolution";
        assert!(diff((en, En), (fr, Fr)).is_empty());
        let changed = "paragraphes 9 et 11 de la résolution 1807 (2008) et paragraphes 10 et 12 de la résolution 1807 (2009)";
        assert_eq!(diff((en, En), (changed, Fr)), ["fr:2009"]);
    }

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

//! Word's automatic paragraph numbers, evaluated from `word/numbering.xml` and
//! `word/styles.xml`: the label Word prints in front of each numbered paragraph, which is not in
//! the document's text (delete a paragraph and Word renumbers the rest).
//!
//! Read: `w:abstractNum`/`w:lvl` (`w:start`, `w:numFmt`, `w:lvlText` such as `%1.` or `(%2)`,
//! `w:suff`, `w:lvlRestart`, `w:isLgl`, `w:pStyle`), `w:num` with `w:lvlOverride`
//! (`w:startOverride`, a replacing `w:lvl`), and numbering that comes from a paragraph style
//! (`w:pStyle` → the style's `w:numPr`, through `w:basedOn`). Counters belong to the abstract
//! definition, so that lists sharing one continue each other; a `w:num` with a start override
//! restarts the list where it is first used.

use std::collections::{HashMap, HashSet};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::content::attr;
use crate::error::DocxError;

/// Levels a list has in WordprocessingML.
const LEVELS: usize = 9;

/// One level of a list definition.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Level {
    /// `w:start` (Word writes it; the schema's default is 0).
    start: u32,
    /// `w:numFmt`.
    format: String,
    /// `w:lvlText`.
    text: String,
    /// What follows the label: `w:suff` tab (the default), space or nothing.
    suffix: &'static str,
    /// `w:lvlRestart`: 0 never restarts; n restarts after a level above n − 1; none: after any
    /// level above this one.
    restart: Option<usize>,
    /// `w:isLgl`: every number of the label in decimal.
    legal: bool,
    /// `w:pStyle`: the paragraph style this level belongs to.
    style: Option<String>,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 0,
            format: "decimal".into(),
            text: String::new(),
            suffix: " ",
            restart: None,
            legal: false,
            style: None,
        }
    }
}

/// A `w:num`: an abstract definition with overrides.
#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    /// `w:startOverride` by level.
    starts: HashMap<usize, u32>,
    /// A `w:lvl` inside `w:lvlOverride`, by level.
    levels: HashMap<usize, Level>,
}

/// A paragraph style's numbering.
#[derive(Debug, Clone, Default)]
struct StyleNumbering {
    num_id: Option<String>,
    level: Option<usize>,
    based_on: Option<String>,
}

/// The list definitions of a document and the counters while its paragraphs are read in order.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, Num>,
    styles: HashMap<String, StyleNumbering>,
    default_style: Option<String>,
    counters: HashMap<String, [Option<u32>; LEVELS]>,
    started: HashSet<String>,
}

impl Numbering {
    /// Read the definitions; either part may be missing (`None`).
    pub(super) fn read(numbering: Option<&str>, styles: Option<&str>) -> Result<Self, DocxError> {
        let mut n = Numbering::default();
        if let Some(xml) = numbering {
            n.read_numbering(xml)?;
        }
        if let Some(xml) = styles {
            n.read_styles(xml)?;
        }
        Ok(n)
    }

    /// The label Word prints for the next paragraph with `style` and numbering `num` (its
    /// `w:numId` and `w:ilvl`), with what follows it; `None` for an unnumbered paragraph or a
    /// bullet.
    pub(super) fn label(
        &mut self,
        style: Option<&str>,
        num: Option<&(Option<String>, usize)>,
    ) -> Option<String> {
        let (num_id, level) = self.resolve(style, num)?;
        let Num {
            abstract_id,
            starts,
            levels: overrides,
        } = self.nums.get(&num_id)?.clone();
        let mut levels = self.abstracts.get(&abstract_id)?.clone();
        levels.resize(LEVELS, Level::default());
        for (l, lvl) in overrides {
            if l < LEVELS {
                levels[l] = lvl;
            }
        }
        let counters = self.counters.entry(abstract_id).or_insert([None; LEVELS]);
        if self.started.insert(num_id) {
            for (&l, &start) in starts.iter().filter(|(l, _)| **l < LEVELS) {
                counters[l] = start.checked_sub(1);
                counters.iter_mut().skip(l + 1).for_each(|c| *c = None);
            }
        }
        let value = counters[level].map_or(levels[level].start, |v| v.saturating_add(1));
        counters[level] = Some(value);
        for (deeper, lvl) in levels.iter().enumerate().skip(level + 1) {
            if lvl.restart.is_none_or(|r| r > 0 && level < r) {
                counters[deeper] = None;
            }
        }
        let lvl = &levels[level];
        if lvl.format == "bullet" {
            return None;
        }
        let mut label = String::new();
        let mut chars = lvl.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let l = d as usize - 1;
                    let v = counters[l].unwrap_or(levels[l].start);
                    let format = if lvl.legal && l < level {
                        "decimal"
                    } else {
                        &levels[l].format
                    };
                    label.push_str(&format_number(v, format));
                }
                _ => label.push(c),
            }
        }
        if label.trim().is_empty() {
            return None;
        }
        if !label.ends_with(char::is_whitespace) {
            label.push_str(lvl.suffix);
        }
        Some(label)
    }

    /// The `w:numId` and level of a paragraph: its own `w:numPr`, else its style's (through
    /// `w:basedOn`); `w:numId` 0 switches numbering off.
    fn resolve(
        &self,
        style: Option<&str>,
        num: Option<&(Option<String>, usize)>,
    ) -> Option<(String, usize)> {
        let style = style.map(str::to_string).or(self.default_style.clone());
        let own = num.and_then(|(id, level)| id.clone().map(|id| (id, *level)));
        let (id, level) = match own {
            Some(found) => found,
            None => {
                let (id, level) = self.style_numbering(style.as_deref())?;
                let level = level
                    .or_else(|| self.level_of_style(&id, style.as_deref()?))
                    .or(num.map(|n| n.1))
                    .unwrap_or(0);
                (id, level)
            }
        };
        (id != "0").then_some((id, level.min(LEVELS - 1)))
    }

    /// The numbering a style gives (numId, level), following `w:basedOn`.
    fn style_numbering(&self, style: Option<&str>) -> Option<(String, Option<usize>)> {
        let mut current = style?.to_string();
        let mut level = None;
        for _ in 0..16 {
            let s = self.styles.get(&current)?;
            level = level.or(s.level);
            if let Some(id) = &s.num_id {
                return Some((id.clone(), level));
            }
            current = s.based_on.clone()?;
        }
        None
    }

    /// The level of list `num_id` that names `style` in its `w:pStyle`.
    fn level_of_style(&self, num_id: &str, style: &str) -> Option<usize> {
        let abstract_id = &self.nums.get(num_id)?.abstract_id;
        self.abstracts
            .get(abstract_id)?
            .iter()
            .position(|l| l.style.as_deref() == Some(style))
    }

    fn read_numbering(&mut self, xml: &str) -> Result<(), DocxError> {
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut num: Option<(String, Num)> = None;
        let mut override_level: Option<usize> = None;
        let mut level: Option<(usize, Level)> = None;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| xml_error("word/numbering.xml", &reader, e))?;
            let (e, empty) = match &event {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    match e.name().as_ref() {
                        "w:lvl" => {
                            if let Some((l, lvl)) = level.take() {
                                self.store_level(abstract_id.as_deref(), num.as_mut(), l, lvl);
                            }
                        }
                        "w:abstractNum" => abstract_id = None,
                        "w:lvlOverride" => override_level = None,
                        "w:num" => {
                            if let Some((id, n)) = num.take() {
                                self.nums.insert(id, n);
                            }
                        }
                        _ => {}
                    }
                    continue;
                }
                Event::DocType(_) => return Err(doctype("word/numbering.xml")),
                Event::Eof => break,
                _ => continue,
            };
            let val = || attr(e, "w:val");
            match e.name().as_ref() {
                "w:abstractNum" if !empty => {
                    abstract_id = attr(e, "w:abstractNumId");
                    if let Some(id) = &abstract_id {
                        self.abstracts.entry(id.clone()).or_default();
                    }
                }
                "w:num" if !empty => {
                    num = attr(e, "w:numId").map(|id| (id, Num::default()));
                }
                "w:abstractNumId" => {
                    if let (Some((_, n)), Some(v)) = (num.as_mut(), val()) {
                        n.abstract_id = v;
                    }
                }
                "w:lvlOverride" => {
                    override_level = attr(e, "w:ilvl").and_then(|v| v.parse().ok());
                }
                "w:startOverride" => {
                    if let (Some((_, n)), Some(l), Some(v)) = (
                        num.as_mut(),
                        override_level,
                        val().and_then(|v| v.parse().ok()),
                    ) {
                        n.starts.insert(l, v);
                    }
                }
                "w:lvl" => {
                    let l = attr(e, "w:ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    level = Some((l, Level::default()));
                    if empty {
                        let (l, lvl) = level.take().unwrap_or_default();
                        self.store_level(abstract_id.as_deref(), num.as_mut(), l, lvl);
                    }
                }
                name => {
                    if let Some((_, lvl)) = level.as_mut() {
                        level_property(lvl, name, e);
                    }
                }
            }
        }
        Ok(())
    }

    /// Keep a level read in an abstract definition or in a `w:lvlOverride`.
    fn store_level(
        &mut self,
        abstract_id: Option<&str>,
        num: Option<&mut (String, Num)>,
        l: usize,
        lvl: Level,
    ) {
        if l >= LEVELS {
            return;
        }
        if let Some((_, n)) = num {
            n.levels.insert(l, lvl);
        } else if let Some(levels) = abstract_id.and_then(|id| self.abstracts.get_mut(id)) {
            if levels.len() <= l {
                levels.resize(l + 1, Level::default());
            }
            levels[l] = lvl;
        }
    }

    fn read_styles(&mut self, xml: &str) -> Result<(), DocxError> {
        let mut reader = Reader::from_str(xml);
        let mut current: Option<(String, StyleNumbering)> = None;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| xml_error("word/styles.xml", &reader, e))?;
            match &event {
                Event::Start(e) | Event::Empty(e) => {
                    let name = e.name();
                    match name.as_ref() {
                        "w:style" => {
                            let paragraph = attr(e, "w:type").is_none_or(|t| t == "paragraph");
                            current = attr(e, "w:styleId")
                                .filter(|_| paragraph)
                                .map(|id| (id, StyleNumbering::default()));
                            if let Some((id, _)) = &current
                                && attr(e, "w:default").is_some_and(|d| d == "1" || d == "true")
                            {
                                self.default_style = Some(id.clone());
                            }
                        }
                        "w:basedOn" => {
                            if let Some((_, s)) = current.as_mut() {
                                s.based_on = attr(e, "w:val");
                            }
                        }
                        "w:numId" => {
                            if let Some((_, s)) = current.as_mut() {
                                s.num_id = attr(e, "w:val");
                            }
                        }
                        "w:ilvl" => {
                            if let Some((_, s)) = current.as_mut() {
                                s.level = attr(e, "w:val").and_then(|v| v.parse().ok());
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) if e.name().as_ref() == "w:style" => {
                    if let Some((id, s)) = current.take() {
                        self.styles.insert(id, s);
                    }
                }
                Event::DocType(_) => return Err(doctype("word/styles.xml")),
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }
}

/// A child element of a `w:lvl`.
fn level_property(lvl: &mut Level, name: &str, e: &BytesStart) {
    let val = attr(e, "w:val");
    match name {
        "w:start" => lvl.start = val.and_then(|v| v.parse().ok()).unwrap_or(0),
        "w:numFmt" => lvl.format = val.unwrap_or_else(|| "decimal".into()),
        "w:lvlText" => lvl.text = val.unwrap_or_default(),
        "w:suff" => {
            lvl.suffix = match val.as_deref() {
                Some("nothing") => "",
                _ => " ",
            }
        }
        "w:lvlRestart" => lvl.restart = val.and_then(|v| v.parse().ok()),
        "w:isLgl" => lvl.legal = val.is_none_or(|v| v != "0" && v != "false"),
        "w:pStyle" => lvl.style = val,
        _ => {}
    }
}

fn xml_error(part: &str, reader: &Reader<&[u8]>, e: quick_xml::Error) -> DocxError {
    DocxError::Xml {
        part: part.to_string(),
        offset: reader.error_position(),
        detail: e.to_string(),
    }
}

fn doctype(part: &str) -> DocxError {
    DocxError::DocType {
        part: part.to_string(),
    }
}

/// Arabic letters in abjad order (`أ ب ج د`), Word's `arabicAbjad`.
const ABJAD: [char; 28] = [
    'أ', 'ب', 'ج', 'د', 'ه', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق',
    'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ',
];

/// Arabic letters in alphabetical order (`أ ب ت ث`), Word's `arabicAlpha`.
const ARABIC_ALPHA: [char; 28] = [
    'أ', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
    'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي',
];

/// Russian list letters (Word's `russianLower`: no ё, й, ъ, ь).
const RUSSIAN: [char; 29] = [
    'а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т', 'у',
    'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'ы', 'э', 'ю', 'я',
];

/// The ten heavenly stems, Word's `ideographTraditional`.
const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];

/// A number in a `w:numFmt`; formats not known are written in decimal.
pub(super) fn format_number(n: u32, format: &str) -> String {
    match format {
        "decimalZero" => format!("{n:02}"),
        "lowerLetter" => letters(n, &LATIN_LOWER),
        "upperLetter" => letters(n, &LATIN_LOWER).to_uppercase(),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "arabicAbjad" => letters(n, &ABJAD),
        "arabicAlpha" => letters(n, &ARABIC_ALPHA),
        "russianLower" => letters(n, &RUSSIAN),
        "russianUpper" => letters(n, &RUSSIAN).to_uppercase(),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "koreanCounting" => chinese_counting(n),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .chars()
            .map(|d| CHINESE_DIGITS[d.to_digit(10).unwrap_or(0) as usize])
            .collect(),
        "ideographTraditional" if n >= 1 => STEMS[(n as usize - 1) % 10].to_string(),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|d| char::from_u32(d as u32 - '0' as u32 + '０' as u32).unwrap_or(d))
            .collect(),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

const LATIN_LOWER: [char; 26] = [
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's',
    't', 'u', 'v', 'w', 'x', 'y', 'z',
];

/// Word's letter numbering: a … z, then aa, bb … (the letter repeated; beyond ten repeats, the
/// number in decimal).
fn letters(n: u32, alphabet: &[char]) -> String {
    if n == 0 || n as usize > alphabet.len() * 10 {
        return n.to_string();
    }
    let len = alphabet.len();
    let k = n as usize - 1;
    std::iter::repeat_n(alphabet[k % len], k / len + 1).collect()
}

const CHINESE_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Chinese counting numerals: 一 … 十, 十一, 二十, 一百零五, 一千二百 (up to 99 999 999).
fn chinese_counting(n: u32) -> String {
    if n == 0 {
        return "〇".into();
    }
    if n >= 100_000_000 {
        return n.to_string();
    }
    let (high, low) = (n / 10_000, n % 10_000);
    let mut out = String::new();
    if high > 0 {
        out.push_str(&below_10000(high, false));
        out.push('万');
        if low > 0 && low < 1000 {
            out.push('零');
        }
    }
    if low > 0 {
        out.push_str(&below_10000(low, high > 0));
    }
    out
}

/// 1–9999 in Chinese; `inner`: part of a larger number (then 10–19 keep their 一).
fn below_10000(n: u32, inner: bool) -> String {
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let units = ['千', '百', '十', ' '];
    let mut out = String::new();
    let mut zero = false;
    for (i, (&d, &unit)) in digits.iter().zip(&units).enumerate() {
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        let leading_ten = i == 2 && d == 1 && out.is_empty() && !inner;
        if !leading_ten {
            out.push(CHINESE_DIGITS[d as usize]);
        }
        if unit != ' ' {
            out.push(unit);
        }
    }
    out
}

/// Word's Roman numbering: decimal digits where Roman numerals have no form (0, 4000 and up).
fn roman(n: u32) -> String {
    if n == 0 || n >= 4000 {
        n.to_string()
    } else {
        crate::locale::to_roman(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
        <w:abstractNum w:abstractNumId="1">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/><w:suff w:val="nothing"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="2">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1."/><w:pStyle w:val="Chapter"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
      </w:numbering>"#;

    const STYLES: &str = r#"<w:styles xmlns:w="w">
        <w:style w:type="paragraph" w:styleId="Chapter"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="SubChapter"><w:basedOn w:val="Chapter"/></w:style>
      </w:styles>"#;

    fn num(id: &str, level: usize) -> Option<(Option<String>, usize)> {
        Some((Some(id.into()), level))
    }

    #[test]
    fn levels_count_restart_and_format() {
        let mut n = Numbering::read(Some(NUMBERING), None).unwrap();
        let mut next = |id, level| n.label(None, num(id, level).as_ref());
        assert_eq!(next("1", 0).as_deref(), Some("1. "));
        assert_eq!(next("1", 0).as_deref(), Some("2. "));
        assert_eq!(next("1", 1).as_deref(), Some("(a) "));
        assert_eq!(next("1", 1).as_deref(), Some("(b) "));
        assert_eq!(next("1", 2).as_deref(), Some("(i)"));
        assert_eq!(next("1", 2).as_deref(), Some("(ii)"));
        assert_eq!(next("1", 0).as_deref(), Some("3. "));
        assert_eq!(
            next("1", 1).as_deref(),
            Some("(a) "),
            "restarted after level 0"
        );
        assert_eq!(next("2", 0).as_deref(), Some("7. "), "start override");
        assert_eq!(next("2", 0).as_deref(), Some("8. "));
        assert_eq!(next("0", 0), None, "numId 0 is no numbering");
    }

    #[test]
    fn numbering_comes_from_the_paragraph_style() {
        let mut n = Numbering::read(Some(NUMBERING), Some(STYLES)).unwrap();
        assert_eq!(n.label(Some("Chapter"), None).as_deref(), Some("一. "));
        assert_eq!(n.label(Some("SubChapter"), None).as_deref(), Some("二. "));
        let off = (Some("0".to_string()), 0);
        assert_eq!(n.label(Some("Chapter"), Some(&off)), None);
        assert_eq!(n.label(Some("Normal"), None), None);
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(3, "arabicAbjad"), "ج");
        assert_eq!(format_number(3, "arabicAlpha"), "ت");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(10, "chineseCounting"), "十");
        assert_eq!(format_number(21, "chineseCountingThousand"), "二十一");
        assert_eq!(format_number(105, "chineseCounting"), "一百零五");
        assert_eq!(format_number(2011, "ideographDigital"), "二〇一一");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(5, "decimalZero"), "05");
        assert_eq!(format_number(3, "russianLower"), "в");
        assert_eq!(format_number(4_000_000_000, "lowerLetter"), "4000000000");
    }
}

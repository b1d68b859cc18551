//! The first-page header block: symbol, distribution, date, original language, job number,
//! session and agenda item, in the habits of the six languages (the fields come out of PDF text
//! one per line or interleaved on one line).

use std::sync::LazyLock;

use regex::Regex;

use crate::locale::{ORGAN_NAMES, language_named};
use crate::model::{Distribution, Header, Language};
use crate::normalize::{AnchorKind, anchors};
use crate::parse::lines::{job_number, symbol_line};

/// How many non-blank lines at the top of a document may hold header fields.
pub(crate) const HEADER_ZONE_LINES: usize = 30;

static DISTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bDistr\.?\s*:?\s*(general|générale|generale|limited|limitée|limitee|limitada|restricted|restreinte|reservada|restringida)\b")
        .expect("valid distribution pattern")
});

static ORIGINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?i:\boriginal|язык оригинала|оригинал)|الأصل|الاصل)\s*[:：]\s*(\p{L}+)|原文\s*[:：]\s*(\p{L}+?)(?:文|语)?\s*$|原文\s*[:：]\s*(\p{L}+)")
        .expect("valid original pattern")
});

static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[^ ]+ ){0,4}(?i:session|período de sesiones|sesión)$|^(?:[^ ]+ ){0,4}(?:сессия|сессии)$|^第[一二三四五六七八九十百零〇两0-9]+届(?:会议|会)?$|^الدورة(?: [^ ]+){1,5}$")
        .expect("valid session pattern")
});

static AGENDA_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:provisional\s+)?agenda\s+items?|items?|temas?|points?|пункты?|البند|البنود|(?:临时|暂定)?(?:议程|项目表)\*{0,3}\s*项目)\s*[\d٠-٩]+")
        .expect("valid agenda-item pattern")
});

/// Names of the header fields, in the order of [`HeaderReader::filled`].
const FIELD_NAMES: [&str; 7] = [
    "symbol",
    "distribution",
    "date",
    "original_language",
    "job_number",
    "session",
    "agenda_item",
];

/// What a header line turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeaderLine {
    /// Its content went into a header field.
    Field,
    /// Masthead words that are no field (`United Nations`, `Chinese`).
    Masthead,
}

/// Reads header fields line by line; the first value of each field wins.
#[derive(Debug, Default)]
pub(crate) struct HeaderReader {
    /// The fields found so far.
    pub header: Header,
}

impl HeaderReader {
    /// Read line `no` of the header zone; `None` when it holds nothing of the header.
    pub(crate) fn read(&mut self, no: usize, line: &str, lang: Language) -> Option<HeaderLine> {
        let before: Vec<bool> = self.filled();
        let found = self.read_fields(line, lang);
        let after = self.filled();
        for (k, name) in FIELD_NAMES.iter().enumerate() {
            if after[k] && !before[k] {
                self.header.field_lines.insert(name, no);
            }
        }
        found
    }

    fn filled(&self) -> Vec<bool> {
        let h = &self.header;
        vec![
            h.symbol.is_some(),
            h.distribution.is_some(),
            h.date.is_some(),
            h.original_language.is_some(),
            h.job_number.is_some(),
            h.session.is_some(),
            h.agenda_item.is_some(),
        ]
    }

    fn read_fields(&mut self, line: &str, lang: Language) -> Option<HeaderLine> {
        let mut field = false;
        let h = &mut self.header;
        if let Some(c) = DISTRIBUTION.captures(line) {
            let d = match c[1].chars().next().map(|c| c.to_ascii_lowercase()) {
                Some('g') => Distribution::General,
                Some('l') => Distribution::Limited,
                _ => Distribution::Restricted,
            };
            h.distribution.get_or_insert(d);
            field = true;
        }
        if let Some(c) = ORIGINAL.captures(line) {
            let name = c
                .get(1)
                .or(c.get(2))
                .or(c.get(3))
                .map_or("", |m| m.as_str());
            if let Some(l) = language_named(name).or_else(|| language_named(&format!("{name}文")))
            {
                h.original_language.get_or_insert(l);
                field = true;
            }
        }
        if let Some(job) = job_number(line)
            && h.job_number.is_none()
        {
            h.job_number = Some(job);
            field = true;
        }
        if h.symbol.is_none()
            && let Some(symbol) = symbol_line(line, ORGAN_NAMES)
        {
            h.symbol = Some(symbol);
            field = true;
        }
        if field {
            return Some(HeaderLine::Field);
        }
        if h.date.is_none()
            && let Some(date) = date_line(line, lang)
        {
            h.date = Some(date);
            return Some(HeaderLine::Field);
        }
        if h.session.is_none() && SESSION.is_match(line) {
            h.session = Some(line.to_string());
            return Some(HeaderLine::Field);
        }
        if h.agenda_item.is_none() && AGENDA_ITEM.is_match(line) && line.chars().count() <= 60 {
            h.agenda_item = Some(line.to_string());
            return Some(HeaderLine::Field);
        }
        is_masthead(line).then_some(HeaderLine::Masthead)
    }
}

/// The ISO date if the line is a date and nothing else (`14 April 2011`, `2011年4月14日`).
fn date_line(line: &str, lang: Language) -> Option<String> {
    let found = anchors(line, lang);
    let date = found
        .iter()
        .find(|a| a.kind == AnchorKind::Date && a.value.len() == 10 && !a.value.starts_with('-'))?;
    let rest: String = format!("{}{}", &line[..date.start], &line[date.end..]);
    let leftover = rest
        .trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
        .trim_end_matches("года")
        .trim_end_matches("г.")
        .trim();
    leftover.is_empty().then(|| date.value.clone())
}

/// Whether the line only names the Organization, an organ or a language (`General Assembly`,
/// `United Nations`, `Chinese`, `Español`).
fn is_masthead(line: &str) -> bool {
    let lower = line.replace('ـ', "").to_lowercase();
    let lower = lower.trim();
    ORGAN_NAMES.contains(&lower)
        || language_named(lower).is_some()
        || ORGAN_NAMES.iter().any(|o| {
            lower
                .strip_prefix(o)
                .is_some_and(|rest| ORGAN_NAMES.contains(&rest.trim()))
        })
}

/// The symbol the running heads repeat (`A/CN.9/SER.C/DIGEST/CISG/2`, `United Nations
/// A/CN.9/…`), for a header whose masthead lacks it: the one most running heads carry, with the
/// line of its first occurrence. `heads` are the running-head lines, as line number and text.
pub(super) fn running_head_symbol<'a>(
    heads: impl Iterator<Item = (usize, &'a str)>,
) -> Option<(String, usize)> {
    let mut seen: Vec<(String, usize, usize)> = Vec::new();
    for (no, text) in heads {
        let Some(symbol) = symbol_line(text.trim(), ORGAN_NAMES) else {
            continue;
        };
        match seen.iter_mut().find(|(s, _, _)| *s == symbol) {
            Some(entry) => entry.2 += 1,
            None => seen.push((symbol, no, 1)),
        }
    }
    let most = seen.iter().map(|e| e.2).max()?;
    seen.into_iter()
        .find(|e| e.2 == most)
        .map(|(symbol, line, _)| (symbol, line))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(lines: &[&str], lang: Language) -> Header {
        let mut reader = HeaderReader::default();
        for (no, line) in lines.iter().enumerate() {
            reader.read(no + 1, line, lang);
        }
        reader.header
    }

    #[test]
    fn english_pdf_header() {
        let h = read_all(
            &[
                "General Assembly Distr.: Limited",
                "28 November 2001",
                "Original: English",
                "01-66657 (E) 291101",
                "Fifty-sixth session",
                "Third Committee",
                "Agenda item 119 (b)",
            ],
            Language::En,
        );
        assert_eq!(h.distribution, Some(Distribution::Limited));
        assert_eq!(h.date.as_deref(), Some("2001-11-28"));
        assert_eq!(h.original_language, Some(Language::En));
        assert_eq!(h.job_number.as_deref(), Some("01-66657 (E)"));
        assert_eq!(h.session.as_deref(), Some("Fifty-sixth session"));
        assert_eq!(h.agenda_item.as_deref(), Some("Agenda item 119 (b)"));
    }

    #[test]
    fn original_language_in_six_languages() {
        for (line, lang) in [
            ("Original: Spanish", Language::Es),
            ("Original: español", Language::Es),
            ("Original : anglais", Language::En),
            ("[Original : ANGLAIS]", Language::En),
            ("原文：西班牙文", Language::Es),
            ("Arabic Original: English", Language::En),
            ("Español Original: inglés", Language::En),
            ("Язык оригинала: английский", Language::En),
            ("الأصل: بالإنكليزية", Language::En),
        ] {
            let h = read_all(&[line], Language::En);
            if line.contains("بال") {
                // "بالإنكليزية" (in English) is not a bare language name: not recognised.
                assert_eq!(h.original_language, None);
            } else {
                assert_eq!(h.original_language, Some(lang), "{line}");
            }
        }
    }

    #[test]
    fn distribution_and_session_variants() {
        let h = read_all(
            &[
                "Distr. générale",
                "Soixante-neuvième session",
                "Point 2 de l'ordre du jour",
            ],
            Language::Fr,
        );
        assert_eq!(h.distribution, Some(Distribution::General));
        assert_eq!(h.session.as_deref(), Some("Soixante-neuvième session"));
        assert!(h.agenda_item.is_some());
        let h = read_all(
            &["第二十届会议", "议程项目6", "Distr. limitada"],
            Language::Zh,
        );
        assert_eq!(h.session.as_deref(), Some("第二十届会议"));
        assert_eq!(h.agenda_item.as_deref(), Some("议程项目6"));
        for line in ["临时议程*项目3", "暂定项目表* 项目138", "临时议程项目3"] {
            let h = read_all(&["第七十届会议", line], Language::Zh);
            assert_eq!(h.agenda_item.as_deref(), Some(line));
        }
        assert_eq!(h.distribution, Some(Distribution::Limited));
        let h = read_all(
            &[
                "Sexagésimo noveno período de sesiones",
                "الدورة التاسعة والستون",
            ],
            Language::Es,
        );
        assert_eq!(
            h.session.as_deref(),
            Some("Sexagésimo noveno período de sesiones")
        );
    }

    #[test]
    fn masthead_words() {
        let mut reader = HeaderReader::default();
        assert_eq!(
            reader.read(1, "经济及社会理事会", Language::Zh),
            Some(HeaderLine::Masthead)
        );
        assert_eq!(
            reader.read(1, "Chinese", Language::Zh),
            Some(HeaderLine::Masthead)
        );
        assert_eq!(
            reader.read(1, "United Nations General Assembly", Language::En),
            Some(HeaderLine::Masthead)
        );
        assert_eq!(
            reader.read(1, "الأمــم المتحـدة", Language::Ar),
            Some(HeaderLine::Masthead)
        );
        assert_eq!(
            reader.read(1, "预防犯罪和刑事司法委员会", Language::Zh),
            None
        );
    }
}

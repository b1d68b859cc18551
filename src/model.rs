//! The document model every later stage reads: a language version of a UN document as its header,
//! body blocks and footnotes, plus what was removed from the input and what looked wrong.
//!
//! A [`Document`] keeps the provenance of each non-blank input line (see [`Document::line_owners`]),
//! so callers can check that nothing was lost between the text and the model.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// One of the six official languages of the United Nations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Arabic.
    Ar,
    /// Chinese.
    Zh,
    /// English.
    En,
    /// French.
    Fr,
    /// Russian.
    Ru,
    /// Spanish.
    Es,
}

impl Language {
    /// The six languages in the UN's official order (ar, zh, en, fr, ru, es).
    pub const ALL: [Language; 6] = [
        Language::Ar,
        Language::Zh,
        Language::En,
        Language::Fr,
        Language::Ru,
        Language::Es,
    ];

    /// ISO 639-1 code, as used in file names, JSON and CSV headers.
    pub fn code(self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::Zh => "zh",
            Language::En => "en",
            Language::Fr => "fr",
            Language::Ru => "ru",
            Language::Es => "es",
        }
    }

    /// English name of the language.
    pub fn name(self) -> &'static str {
        match self {
            Language::Ar => "Arabic",
            Language::Zh => "Chinese",
            Language::En => "English",
            Language::Fr => "French",
            Language::Ru => "Russian",
            Language::Es => "Spanish",
        }
    }

    /// The letter the UN puts in job numbers for this language (`01-66657 (E)`).
    pub fn job_letter(self) -> char {
        match self {
            Language::Ar => 'A',
            Language::Zh => 'C',
            Language::En => 'E',
            Language::Fr => 'F',
            Language::Ru => 'R',
            Language::Es => 'S',
        }
    }

    /// Whether the language is written without spaces between words.
    pub fn is_cjk(self) -> bool {
        self == Language::Zh
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code that is not one of the six.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}` (expected one of ar, zh, en, fr, ru, es)")]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|l| l.code() == lower || l.name().eq_ignore_ascii_case(&lower))
            .ok_or_else(|| UnknownLanguage(s.to_string()))
    }
}

/// Distribution class printed in the header (`Distr.: Limited`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Distribution {
    /// `Distr.: General`, `Distr. générale`, `Distr. general`.
    General,
    /// `Distr.: Limited`, `Distr. limitée`, `Distr. limitada`.
    Limited,
    /// `Distr.: Restricted`, `Distr. restreinte`, `Distr. reservada`.
    Restricted,
}

/// The header block of the first page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// Document symbol, e.g. `A/RES/70/1`.
    pub symbol: Option<String>,
    /// Distribution class.
    pub distribution: Option<Distribution>,
    /// Date of issue as ISO 8601 (`2011-04-14`).
    pub date: Option<String>,
    /// Language the document was drafted in (`Original: Spanish` → `es`).
    pub original_language: Option<Language>,
    /// Job number with its language letter, e.g. `V.11-82153 (C)`.
    pub job_number: Option<String>,
    /// Session line as printed (`Fifty-sixth session`, `第二十届会议`).
    pub session: Option<String>,
    /// Agenda item line as printed (`Agenda item 119 (b)`, `议程项目6`).
    pub agenda_item: Option<String>,
    /// Input lines (1-based) whose content went into the fields above.
    #[serde(skip)]
    pub lines: Vec<usize>,
    /// The line each field was read from, by field name (`"date"`, `"symbol"` …).
    #[serde(skip)]
    pub field_lines: std::collections::BTreeMap<&'static str, usize>,
}

/// What a body block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// The document title.
    Title,
    /// A chapter, section or article heading (`III.`, `三.`, `ثالثا -`, `A.`, `Article 1`).
    Heading,
    /// An unnumbered preambular paragraph of a resolution.
    Preamble,
    /// A numbered paragraph (`1.`, Arabic `1 -`).
    Paragraph,
    /// A lettered or roman-numbered sub-paragraph (`(a)`, `a)`, `(أ)`, `(i)`).
    Subparagraph,
    /// Any other text.
    Text,
}

impl BlockKind {
    /// Lower-case name as written in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Heading => "heading",
            BlockKind::Preamble => "preamble",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Subparagraph => "subparagraph",
            BlockKind::Text => "text",
        }
    }
}

/// A footnote marker found in a block's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FootnoteRef {
    /// The marker as a string: `"1"`, `"*"`, `"**"`.
    pub marker: String,
    /// Character offset in the block's text where the marker stood (markers are not kept in the text).
    pub offset: usize,
}

/// A paragraph-like unit of the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Stable identifier within the document: `b1`, `b2`, …
    pub id: String,
    /// What the block is.
    pub kind: BlockKind,
    /// Normalised number or letter (`"12"`, `"a"`, `"III"`), when the block carries one.
    pub label: Option<String>,
    /// Id of the paragraph a sub-paragraph belongs to.
    pub parent: Option<String>,
    /// The text with hard wraps joined and footnote markers taken out; the label is kept.
    pub text: String,
    /// First input line (1-based).
    pub line: usize,
    /// Footnote markers found in the text, in order.
    pub footnote_refs: Vec<FootnoteRef>,
    /// Chinese word segmentation (jieba) as byte ranges of `text`, for blocks of Chinese
    /// documents; see [`Block::words`].
    pub tokens: Option<Vec<std::ops::Range<usize>>>,
    /// Every input line (1-based) whose text is part of this block.
    pub lines: Vec<usize>,
}

impl Block {
    /// The block's Chinese words, when it was segmented.
    pub fn words(&self) -> Option<impl Iterator<Item = &str>> {
        let tokens = self.tokens.as_ref()?;
        Some(tokens.iter().filter_map(|r| self.text.get(r.clone())))
    }
}

impl Serialize for Block {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct View<'a> {
            id: &'a str,
            kind: BlockKind,
            label: &'a Option<String>,
            parent: &'a Option<String>,
            text: &'a str,
            line: usize,
            footnote_refs: &'a [FootnoteRef],
            #[serde(skip_serializing_if = "Option::is_none")]
            tokens: Option<Vec<&'a str>>,
        }
        View {
            id: &self.id,
            kind: self.kind,
            label: &self.label,
            parent: &self.parent,
            text: &self.text,
            line: self.line,
            footnote_refs: &self.footnote_refs,
            tokens: self.words().map(Iterator::collect),
        }
        .serialize(serializer)
    }
}

/// A footnote body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    /// Stable identifier within the document: `fn1`, `fn2`, …
    pub id: String,
    /// The marker as a string: `"1"`, `"*"`.
    pub marker: String,
    /// The note's text without its marker.
    pub text: String,
    /// First input line (1-based).
    pub line: usize,
    /// Ids of the blocks whose text carries this note's marker.
    pub referenced_from: Vec<String>,
    /// Every input line (1-based) whose text is part of this note.
    #[serde(skip)]
    pub lines: Vec<usize>,
}

/// Why a line was taken out of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RemovalReason {
    /// A job-number footer such as `V.11-82153 (C)` or `01-66657 (E) 291101`.
    JobNumber,
    /// A barcode line such as `*1182153*`.
    Barcode,
    /// A running head repeating the symbol or the organisation's name.
    RunningHead,
    /// A page number.
    PageNumber,
    /// The rule of underscores or dashes above the footnotes.
    FootnoteRule,
    /// Any other horizontal rule (a separator, a Markdown heading underline).
    Rule,
    /// First-page masthead words that are no header field (`United Nations`, `General Assembly`, `Chinese`).
    Masthead,
}

/// A line removed from the body and kept on record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// Input line (1-based).
    pub line: usize,
    /// The line as it was.
    pub text: String,
    /// Why it was removed.
    pub reason: RemovalReason,
}

/// Something in the input that looked wrong but did not stop the parse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Input line (1-based) the warning is about, when there is one.
    pub line: Option<usize>,
    /// What looked wrong, in words.
    pub message: String,
}

/// Where a line of a version's text is in a file that is not plain text: a Word document is read
/// as text, one paragraph a line, and each line keeps the place it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The n-th paragraph of the document body (from 1, every paragraph counted, table cells
    /// and empty paragraphs included).
    Paragraph(usize),
    /// The body of the footnote with this marker.
    Footnote(String),
    /// The body of the endnote with this marker.
    Endnote(String),
    /// The rule above the notes (not in the file: drawn by Word).
    Notes,
    /// A page header.
    PageHeader,
    /// A page footer.
    PageFooter,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Paragraph(n) => write!(f, "paragraph {n}"),
            Place::Footnote(m) => write!(f, "footnote {m}"),
            Place::Endnote(m) => write!(f, "endnote {m}"),
            Place::Notes => f.write_str("footnote separator"),
            Place::PageHeader => f.write_str("page header"),
            Place::PageFooter => f.write_str("page footer"),
        }
    }
}

/// One language version of a document, parsed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The path the text was read from, as given.
    pub file: String,
    /// Language of the body text.
    pub language: Language,
    /// Confidence of the language decision in [0, 1] (1 when given by the user and confirmed).
    pub language_confidence: f64,
    /// Header fields.
    pub header: Header,
    /// Body blocks in document order.
    pub blocks: Vec<Block>,
    /// Footnote bodies in document order.
    pub footnotes: Vec<Footnote>,
    /// Lines taken out of the body (page furniture, masthead).
    pub removed: Vec<Removed>,
    /// Problems noticed while parsing.
    pub warnings: Vec<Warning>,
    /// For a version read from a Word file: the place of each line of the text it was read as
    /// (index 0 is line 1); `None` for a text file, whose lines are its own.
    #[serde(skip)]
    pub places: Option<Vec<Place>>,
}

/// Where an input line ended up in a [`Document`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineOwner<'a> {
    /// Part of a body block.
    Block(&'a str),
    /// Part of a footnote body.
    Footnote(&'a str),
    /// Consumed by a header field.
    Header,
    /// Removed as page furniture or masthead.
    Removed(RemovalReason),
}

impl Document {
    /// Where input line `line` is, in words: `line 72` in a text file, `paragraph 57` or
    /// `footnote 3` in a Word file.
    pub fn locate(&self, line: usize) -> String {
        match self.place(line) {
            Some(place) => place.to_string(),
            None => format!("line {line}"),
        }
    }

    /// The place in a Word file of input line `line`; `None` for a text file.
    pub fn place(&self, line: usize) -> Option<&Place> {
        self.places.as_ref()?.get(line.checked_sub(1)?)
    }

    /// Every (line, owner) pair of the document, in no particular order; a line appears once per owner.
    pub fn line_owners(&self) -> Vec<(usize, LineOwner<'_>)> {
        let mut owners = Vec::new();
        for b in &self.blocks {
            owners.extend(b.lines.iter().map(|&l| (l, LineOwner::Block(&b.id))));
        }
        for f in &self.footnotes {
            owners.extend(f.lines.iter().map(|&l| (l, LineOwner::Footnote(&f.id))));
        }
        owners.extend(self.header.lines.iter().map(|&l| (l, LineOwner::Header)));
        owners.extend(
            self.removed
                .iter()
                .map(|r| (r.line, LineOwner::Removed(r.reason))),
        );
        owners
    }

    /// The block with this id.
    pub fn block(&self, id: &str) -> Option<&Block> {
        self.blocks.iter().find(|b| b.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_parses_codes_and_names() {
        assert_eq!("zh".parse::<Language>(), Ok(Language::Zh));
        assert_eq!("Spanish".parse::<Language>(), Ok(Language::Es));
        assert_eq!(" RU ".parse::<Language>(), Ok(Language::Ru));
        assert!("de".parse::<Language>().is_err());
    }

    #[test]
    fn language_serialises_as_code() {
        assert_eq!(serde_json::to_string(&Language::Ar).unwrap(), "\"ar\"");
        assert_eq!(
            serde_json::to_string(&RemovalReason::JobNumber).unwrap(),
            "\"job-number\""
        );
    }
}

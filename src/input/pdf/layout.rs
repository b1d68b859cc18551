//! The geometry of a PDF's text as `pdftotext -bbox` prints it: pages of lines of words,
//! each word with its box, and the text of the lines. The words of a right-to-left line
//! come in visual order; [`super::bidi`] puts them in logical order.

use crate::input::xml_reference;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// A word and its box (points, y growing downwards).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Word {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
    /// The word's text.
    pub text: String,
}

impl Word {
    /// Height of the box: the font size, nearly.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// A line of words.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Line {
    /// Its words, in the order poppler gives them.
    pub words: Vec<Word>,
}

impl Line {
    /// The height of its tallest word: the line's font size (a superscript is smaller).
    pub fn height(&self) -> f64 {
        self.words.iter().map(Word::height).fold(0.0, f64::max)
    }

    /// The top of the line.
    pub fn top(&self) -> f64 {
        self.words
            .iter()
            .map(|w| w.y0)
            .fold(f64::INFINITY, f64::min)
    }

    /// The left edge of the line.
    pub fn left(&self) -> f64 {
        self.words
            .iter()
            .map(|w| w.x0)
            .fold(f64::INFINITY, f64::min)
    }

    /// The right edge of the line.
    pub fn right(&self) -> f64 {
        self.words.iter().map(|w| w.x1).fold(0.0, f64::max)
    }

    /// The bottom of the line.
    pub fn bottom(&self) -> f64 {
        self.words.iter().map(|w| w.y1).fold(0.0, f64::max)
    }

    /// The line's text: its words, a space between two unless their boxes touch (a marker
    /// printed right after its word, a comma after a marker, a number and its Chinese measure
    /// word), as `pdftotext` writes it.
    pub fn text(&self) -> String {
        self.spaced(TOUCHING)
    }

    /// Its words, a space between two when the gap between their boxes is wider than
    /// `touching` times the line's height.
    pub fn spaced(&self, touching: f64) -> String {
        let height = self.height();
        let mut text = String::new();
        for (k, word) in self.words.iter().enumerate() {
            if k > 0 && word.x0 - self.words[k - 1].x1 > touching * height {
                text.push(' ');
            }
            text.push_str(&word.text);
        }
        text
    }

    /// The characters of the line without white space, sorted: the same for the line in
    /// visual order and in logical order.
    pub fn signature(&self) -> Vec<char> {
        signature(self.words.iter().flat_map(|w| w.text.chars()))
    }
}

/// The characters of a text without white space and bidi controls, sorted.
pub(super) fn signature(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut chars: Vec<char> = chars
        .filter(|c| !c.is_whitespace() && !super::clean::is_bidi_control(*c))
        .collect();
    chars.sort_unstable();
    chars
}

/// Two words closer than this share of their line's height touch: no space between them. On
/// the demo PDFs, words with a space between them are at least 0.13 apart, words without at
/// most 0.01 (a raised marker aside).
const TOUCHING: f64 = 0.06;

/// The text of `pages` as `pdftotext` prints it: a line of text per line of words, each page
/// ended by a form feed.
pub(super) fn text(pages: &[Page]) -> String {
    let mut text = String::new();
    for page in pages {
        for line in &page.lines {
            text.push_str(&line.text());
            text.push('\n');
        }
        text.push('\u{c}');
    }
    text
}

/// A page.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Page {
    /// Its height in points.
    pub height: f64,
    /// Its lines in reading order.
    pub lines: Vec<Line>,
}

/// A word more than this share of its line's height to the right of the word before it starts
/// a new line: poppler keeps such words on separate lines (the job number and the date in a
/// page's footer). On the demo PDFs and long PDFs made from them, words of one line are at most
/// 0.94 heights apart (justified text), words on one row in separate lines at least 1.85.
const LINE_GAP: f64 = 1.4;

/// A word that starts more than this share of its line's height to the left of the end of
/// the word before it starts a new line (the words of a line come left to right; a bracket and
/// its letter may overlap a little).
const LINE_BACKTRACK: f64 = 0.25;

/// Read the pages of `pdftotext -bbox` output: the words of each page in reading order, with
/// their boxes. poppler writes the words of a line one after the other, left to right; a word
/// starts a new line when it goes back to the left, when its box and the last one's do not
/// overlap vertically, or when it stands a column's gap away ([`LINE_GAP`]). On the demo
/// PDFs, this gives the lines `pdftotext -bbox-layout` prints, word for word, at a fifth less
/// of poppler's time. Anything that is not a page or a word is skipped; malformed XML ends the
/// reading where it stands.
pub(super) fn read(xhtml: &str) -> Vec<Page> {
    let mut reader = Reader::from_str(xhtml);
    let mut pages: Vec<Page> = Vec::new();
    let mut word: Option<Word> = None;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "page" => pages.push(Page {
                    height: number(&e, "height"),
                    lines: Vec::new(),
                }),
                "word" => word = Some(word_box(&e)),
                _ => {}
            },
            Event::Text(t) => {
                if let Some(w) = word.as_mut() {
                    w.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(w) = word.as_mut() {
                    w.text.push_str(&xml_reference(&r));
                }
            }
            Event::End(e) if e.name().as_ref() == "word" => {
                if let (Some(w), Some(page)) = (word.take(), pages.last_mut()) {
                    page.add(w);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    pages
}

impl Page {
    /// Add the next word in reading order: to the last line, or as the first of a new one.
    fn add(&mut self, word: Word) {
        match self.lines.last_mut() {
            Some(line) if line.words.last().is_some_and(|last| continues(last, &word)) => {
                line.words.push(word);
            }
            _ => self.lines.push(Line { words: vec![word] }),
        }
    }
}

/// Whether `next` follows `last` on the same line (see [`read`]).
fn continues(last: &Word, next: &Word) -> bool {
    let height = last.height().max(next.height());
    let overlaps = next.y0 < last.y1 && next.y1 > last.y0;
    let gap = next.x0 - last.x1;
    overlaps && gap >= -LINE_BACKTRACK * height && gap <= LINE_GAP * height
}

/// A numeric attribute, 0 when absent or not a number.
fn number(e: &BytesStart, key: &str) -> f64 {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map_or(0.0, |a| number_of(&a.value))
}

/// A `word` element's box, its attributes read in one pass (a long PDF has a million words),
/// a missing or malformed coordinate read as 0; its text empty.
fn word_box(e: &BytesStart) -> Word {
    let mut word = Word {
        x0: 0.0,
        y0: 0.0,
        x1: 0.0,
        y1: 0.0,
        text: String::new(),
    };
    for attribute in e.attributes().with_checks(false).flatten() {
        let value = number_of(&attribute.value);
        match attribute.key.as_ref() {
            "xMin" => word.x0 = value,
            "yMin" => word.y0 = value,
            "xMax" => word.x1 = value,
            "yMax" => word.y1 = value,
            _ => {}
        }
    }
    word
}

/// An attribute value as a finite number, else 0.
fn number_of(value: &str) -> f64 {
    value
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_lines_and_words_are_read_with_their_boxes() {
        let xhtml = r#"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x.dtd"><html><body><doc>
<page width="595.3" height="841.9"><flow><block xMin="1" yMin="2" xMax="3" yMax="4">
<line xMin="56.8" yMin="394.2" xMax="336.4" yMax="408.5">
<word xMin="290.1" yMin="394.2" xMax="332.3" yMax="408.5">Offences,</word>
<word xMin="333.2" yMin="394.3" xMax="336.4" yMax="402.6">1</word>
<word xMin="340.0" yMin="394.2" xMax="380.0" yMax="408.5">R&amp;D</word>
</line></block></flow></page><page width="595.3" height="841.9"></page></doc></body></html>"#;
        let pages = read(xhtml);
        assert_eq!(pages.len(), 2);
        let line = &pages[0].lines[0];
        let texts: Vec<&str> = line.words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["Offences,", "1", "R&D"]);
        assert!((line.height() - 14.3).abs() < 0.01);
        assert!(line.words[1].height() < 9.0);
        assert!(pages[1].lines.is_empty());
        assert_eq!(pages[0].height, 841.9);
    }

    #[test]
    fn the_text_of_a_line_has_a_space_where_its_words_do_not_touch() {
        let xhtml = r#"<page height="841.9"><line>
<word xMin="56.8" yMin="394.2" xMax="100.0" yMax="408.5">Property</word>
<word xMin="100.1" yMin="394.3" xMax="104.0" yMax="402.6">3</word>
<word xMin="106.0" yMin="394.2" xMax="115.0" yMax="408.5">as</word>
</line><line><word xMin="56.8" yMin="420.0" xMax="90.0" yMax="434.3">2017</word>
<word xMin="90.0" yMin="420.0" xMax="100.0" yMax="434.3">年</word></line></page>
<page height="841.9"></page>"#;
        let pages = read(xhtml);
        assert_eq!(pages[0].lines[0].text(), "Property3 as");
        assert_eq!(text(&pages), "Property3 as\n2017年\n\u{c}\u{c}");
    }

    #[test]
    fn lines_are_made_from_the_words_as_poppler_makes_them() {
        let xhtml = r#"<page height="841.9">
<word xMin="56.8" yMin="543.6" xMax="104.8" yMax="556.6">26-08123</word>
<word xMin="110.8" yMin="543.6" xMax="128.8" yMax="556.6">(E)</word>
<word xMin="152.8" yMin="543.6" xMax="188.8" yMax="556.6">190526</word>
<word xMin="56.8" yMin="555.0" xMax="110.8" yMax="568.0">*2608123*</word>
<word xMin="56.8" yMin="600.0" xMax="100.0" yMax="615.6">Property</word>
<word xMin="100.1" yMin="600.1" xMax="104.0" yMax="608.4">3</word>
<word xMin="112.0" yMin="600.0" xMax="142.0" yMax="615.6">wide</word>
<word xMin="300.0" yMin="600.0" xMax="330.0" yMax="615.6">apart</word>
<word xMin="521.7" yMin="683.7" xMax="526.4" yMax="699.3">)</word>
<word xMin="525.9" yMin="683.7" xMax="533.6" yMax="699.3">ج</word>
<word xMin="56.8" yMin="683.7" xMax="90.0" yMax="699.3">next</word>
</page>"#;
        let lines: Vec<String> = read(xhtml)[0].lines.iter().map(Line::text).collect();
        assert_eq!(
            lines,
            [
                "26-08123 (E)",
                "190526",
                "*2608123*",
                "Property3 wide",
                "apart",
                ")ج",
                "next"
            ]
        );
    }

    #[test]
    fn malformed_output_gives_what_was_read() {
        assert!(read("<page height=\"x\"><line><word>a").len() == 1);
        assert!(read("").is_empty());
    }
}

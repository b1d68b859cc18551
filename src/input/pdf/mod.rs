//! PDF → the text layout the parser reads, with the page and line of every line, so that
//! findings on a PDF say `zh.pdf: page 2, line 14`.
//!
//! poppler does the reading, run as a subprocess with a time limit ([`poppler`]):
//! `pdftotext -bbox` gives the box of every word in reading order, and the words make up the
//! lines ([`layout`]), whose text is their words. The words of a right-to-left line come in
//! visual order; [`bidi`] puts them in logical order, as plain `pdftotext` writes them. The
//! boxes decide what the text alone cannot: a number printed small
//! and raised is a footnote marker (written as a superscript glued to its word, not read as a
//! number of the sentence), the run of small lines at a page's foot is its footnote area (put
//! after a rule, each note opening with its marker), and a gap between lines is a paragraph
//! break (a blank line). Page furniture (the running head with the symbol, the job number
//! footer, page numbers) is kept on its own lines, where the parser recognises and removes it
//! as in a text export. The text is repaired line by line ([`clean`]): bidi controls out,
//! Arabic lam-alef order, no spaces between Chinese and Latin letters or digits. Line numbers
//! in places count the page's text lines in reading order, from 1.

mod bidi;
mod clean;
mod layout;
mod poppler;

use std::time::Duration;

use layout::{Line, Page};

use crate::error::PdfError;
use crate::model::{Language, Place};
use crate::parse::join_into;

/// The longest a poppler program may run on one file before it is killed.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// A word smaller than this share of its line's height is raised: a footnote marker.
const RAISED: f64 = 0.8;

/// A line smaller than this share of the body text's height is in small print (footnotes).
const SMALL_PRINT: f64 = 0.88;

/// A gap between two lines larger than this share of the line height is a paragraph break.
const PARAGRAPH_GAP: f64 = 0.15;

/// A PDF of fewer bytes is read by one `pdftotext` process (a few pages: splitting would cost
/// more than it saves).
const SPLIT_FROM_BYTES: usize = 100_000;

/// The fewest pages one `pdftotext` process reads when a PDF is split.
const PAGES_PER_RUN: usize = 8;

/// A PDF rendered as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rendered {
    /// The text, in the layout described in the module documentation.
    pub text: String,
    /// The place of each line of `text` (index 0 is line 1).
    pub places: Vec<Place>,
}

/// Read a PDF from its bytes with poppler: the word boxes of every page (a long PDF read by
/// several processes at once, a range of pages each), and the text from the boxes, in logical
/// order where the PDF has right-to-left text.
pub(crate) fn read(bytes: &[u8]) -> Result<Rendered, PdfError> {
    let pages = if bytes.len() >= SPLIT_FROM_BYTES {
        poppler::page_count(bytes, TIME_LIMIT)
    } else {
        None
    };
    let parts = std::thread::available_parallelism().map_or(1, usize::from);
    read_in_ranges(bytes, &poppler::page_ranges(pages, parts, PAGES_PER_RUN))
}

/// Read a PDF one range of pages per `pdftotext` process (see [`read`]).
fn read_in_ranges(
    bytes: &[u8],
    ranges: &[Option<poppler::PageRange>],
) -> Result<Rendered, PdfError> {
    let pages: Vec<Page> = poppler::pdftotext(&["-bbox"], bytes, ranges, TIME_LIMIT, |xhtml| {
        layout::read(&xhtml)
    })?
    .into_iter()
    .flatten()
    .collect();
    let right_to_left = pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.words)
        .any(|w| w.text.chars().any(clean::is_rtl_letter));
    let text = if right_to_left {
        bidi::text(&pages)
    } else {
        layout::text(&pages)
    };
    render(&text, pages)
}

/// The text of `pdftotext` (pages separated by form feeds) laid out with the geometry of
/// `pages`.
fn render(text: &str, mut pages: Vec<Page>) -> Result<Rendered, PdfError> {
    let texts: Vec<&str> = text
        .trim_end_matches(['\n', '\u{c}'])
        .split('\u{c}')
        .collect();
    if text
        .chars()
        .all(|c| c.is_whitespace() || clean::is_bidi_control(c))
    {
        return Err(PdfError::NoText {
            pages: pages.len().max(texts.len()),
        });
    }
    let body = body_height(&pages);
    let line_gap = line_gap(&pages);
    let mut pages_lines: Vec<Vec<String>> = texts
        .iter()
        .map(|t| {
            t.lines()
                .filter(|l| !clean::strip_bidi(l).trim().is_empty())
                .map(str::to_string)
                .collect()
        })
        .collect();
    let paired: Vec<Vec<Option<Line>>> = pages_lines
        .iter_mut()
        .enumerate()
        .map(|(k, lines)| {
            let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
            let layout = pages.get_mut(k).map(|p| std::mem::take(&mut p.lines));
            let mut geometry = pair(&refs, layout.unwrap_or_default());
            merge_lone_markers(lines, &mut geometry);
            restore_hyphens(lines, &geometry);
            geometry
        })
        .collect();
    let pages_lines: Vec<Vec<&str>> = pages_lines
        .iter()
        .map(|lines| lines.iter().map(String::as_str).collect())
        .collect();
    let furniture = furniture(&pages_lines);
    let mut out = Renderer {
        line_gap,
        ..Renderer::default()
    };
    for (k, lines) in pages_lines.iter().enumerate() {
        let page = pages.get(k);
        let geometry: Vec<Option<&Line>> = paired[k].iter().map(Option::as_ref).collect();
        let mut known = out.markers.clone();
        known.extend(
            geometry
                .iter()
                .flatten()
                .flat_map(|l| raised(l).map(|(_, m)| m)),
        );
        let mut roles: Vec<Role> = (0..lines.len())
            .map(|i| {
                if lines[i].is_empty() {
                    Role::Merged
                } else if furniture[k].contains(&i) {
                    Role::Furniture
                } else {
                    Role::Body
                }
            })
            .collect();
        let height = page.map_or(0.0, |p| p.height);
        if let Some((start, end)) =
            note_area(lines, &geometry, (height, body, out.line_gap), &known)
        {
            for role in roles[start..end].iter_mut().filter(|r| **r == Role::Body) {
                *role = Role::Note;
            }
        }
        out.markers = known;
        out.page(k + 1, lines, &geometry, &roles);
    }
    out.flush_note();
    out.flush_paragraph();
    Ok(Rendered {
        text: out.text,
        places: out.places,
    })
}

/// The height of body text: the line height most characters are printed in.
fn body_height(pages: &[Page]) -> f64 {
    let mut counts: Vec<(i64, usize)> = Vec::new();
    for line in pages.iter().flat_map(|p| &p.lines) {
        let key = (line.height() * 2.0).round() as i64;
        let chars = line
            .words
            .iter()
            .map(|w| w.text.chars().count())
            .sum::<usize>();
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += chars,
            None => counts.push((key, chars)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(k, n)| (*n, *k))
        .map_or(0.0, |(k, _)| k as f64 / 2.0)
}

/// The usual gap between the box of a line and the next one of the same paragraph: the lower
/// quartile of the gaps between successive lines (fonts such as Arabic Naskh leave more room
/// between lines than their boxes show).
fn line_gap(pages: &[Page]) -> f64 {
    let mut gaps: Vec<f64> = pages
        .iter()
        .flat_map(|p| p.lines.windows(2))
        .map(|pair| (pair[1].top() - pair[0].bottom(), pair[0].height()))
        .filter(|(gap, height)| *gap > -height && *gap < 2.0 * height)
        .map(|(gap, _)| gap)
        .collect();
    gaps.sort_by(f64::total_cmp);
    gaps.get(gaps.len() / 4).copied().unwrap_or(0.0).max(0.0)
}

/// The lines of each page that are page furniture: among its first two and last three lines,
/// those that recur at the head or foot of another page, digits aside (the running head with
/// the symbol, the job number footer, page numbers).
fn furniture(pages: &[Vec<&str>]) -> Vec<Vec<usize>> {
    let key = |line: &str| -> String {
        clean::strip_bidi(line)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let edges = |lines: &[&str]| -> Vec<usize> {
        let n = lines.len();
        (0..n)
            .filter(|&i| (i < 2 || i + 3 >= n) && !lines[i].is_empty())
            .collect()
    };
    let keys: Vec<Vec<(usize, String)>> = pages
        .iter()
        .map(|lines| {
            edges(lines)
                .into_iter()
                .map(|i| (i, key(lines[i])))
                .collect()
        })
        .collect();
    keys.iter()
        .enumerate()
        .map(|(p, own)| {
            own.iter()
                .filter(|(_, k)| {
                    keys.iter()
                        .enumerate()
                        .any(|(q, other)| q != p && other.iter().any(|(_, o)| o == k))
                })
                .map(|(i, _)| *i)
                .collect()
        })
        .collect()
}

/// Append a line to the paragraph (or note) being joined, or open one with it.
fn join(open: &mut Option<Open>, text: &str, place: Place, full: bool) {
    match open {
        Some(o) => {
            let lang = if text.chars().chain(o.text.chars()).any(clean::is_cjk) {
                Language::Zh
            } else {
                Language::En
            };
            join_into(&mut o.text, text, lang);
            o.full = full;
        }
        None => {
            *open = Some(Open {
                text: text.to_string(),
                place,
                full,
            });
        }
    }
}

/// Whether a line opens with a paragraph number or letter (`5.`, `(a)`, Arabic `5 -`).
fn opens_label(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after = text[digits..].trim_start();
    (digits > 0 && digits <= 3 && (after.starts_with('.') || after.starts_with('-')))
        || text.starts_with('(')
}

/// The geometry of each text line: the layout lines in the same order when there are as many;
/// else the next layout line with the same characters, or holding this line and the next one
/// (poppler's text output splits a line at a wide gap), or the next two layout lines together
/// (it joins a line ending in a hyphen to the next); `None` when there is none near.
fn pair(lines: &[&str], layout: Vec<Line>) -> Vec<Option<Line>> {
    if lines.len() == layout.len() {
        return layout.into_iter().map(Some).collect();
    }
    let sorted = |mut chars: Vec<char>| {
        chars.sort_unstable();
        chars
    };
    let signatures: Vec<Vec<char>> = lines.iter().map(|t| layout::signature(t.chars())).collect();
    let mut paired = vec![None; lines.len()];
    let mut next = 0;
    let mut i = 0;
    while i < lines.len() {
        let window = next..layout.len().min(next + 4);
        let two_texts = (i + 1 < lines.len())
            .then(|| sorted([signatures[i].clone(), signatures[i + 1].clone()].concat()));
        let mut taken = 1;
        let mut found = None;
        for k in window {
            if layout[k].signature() == signatures[i] {
                found = Some((k, layout[k].clone()));
            } else if two_texts.as_ref() == Some(&layout[k].signature()) {
                found = Some((k, layout[k].clone()));
                taken = 2;
            } else if let Some(after) = layout.get(k + 1) {
                let mut both = [layout[k].signature(), after.signature()].concat();
                let joined = sorted(both.clone()) == signatures[i] || {
                    // The hyphen poppler took out.
                    if let Some(h) = both.iter().position(|c| *c == '-') {
                        both.remove(h);
                    }
                    sorted(both) == signatures[i]
                };
                if joined {
                    let mut line = layout[k].clone();
                    line.words.extend(after.words.iter().cloned());
                    found = Some((k + 1, line));
                }
            }
            if found.is_some() {
                break;
            }
        }
        if let Some((k, line)) = found {
            for slot in &mut paired[i..i + taken] {
                *slot = Some(line.clone());
            }
            next = k + 1;
        }
        i += taken;
    }
    paired
}

/// A footnote marker poppler printed as a line of its own (raised above the first line of a
/// page, it is taken for a line of its own) put back into the line below, after the word it
/// follows (the word to its right in a right-to-left line, to its left otherwise), in the text
/// and in the geometry; its own line is left empty.
fn merge_lone_markers(lines: &mut [String], geometry: &mut [Option<Line>]) {
    for k in 0..lines.len().saturating_sub(1) {
        let marker = clean::strip_bidi(&lines[k]).trim().to_string();
        let (Some(alone), Some(below)) = (&geometry[k], &geometry[k + 1]) else {
            continue;
        };
        let raised_onto = alone.words.len() == 1
            && alone.height() < RAISED * below.height()
            && alone.bottom() > below.top()
            && alone.top() <= below.top();
        if !clean::is_marker(&marker) || !raised_onto {
            continue;
        }
        let word = alone.words[0].clone();
        let rtl = lines[k + 1].chars().any(clean::is_rtl_letter);
        let follows = below
            .words
            .iter()
            .enumerate()
            .filter(|(_, w)| {
                if rtl {
                    w.x0 >= word.x1 - 1.0
                } else {
                    w.x1 <= word.x0 + 1.0
                }
            })
            .min_by(|(_, a), (_, b)| {
                let distance =
                    |w: &layout::Word| (w.x0 - word.x1).abs().min((word.x0 - w.x1).abs());
                distance(a).total_cmp(&distance(b))
            });
        let Some((index, after)) = follows else {
            continue;
        };
        // The words of a right-to-left line are in visual order, their letters too.
        let (logical, nth) = if rtl {
            let same = below
                .words
                .iter()
                .filter(|w| w.x0 > after.x0 && w.text == after.text);
            (after.text.chars().rev().collect::<String>(), same.count())
        } else {
            let same = below.words[..index].iter().filter(|w| w.text == after.text);
            (after.text.clone(), same.count())
        };
        let Some(at) = lines[k + 1]
            .match_indices(&logical)
            .nth(nth)
            .map(|(i, _)| i + logical.len())
        else {
            continue;
        };
        lines[k + 1].insert_str(at, &marker);
        if let Some(below) = geometry[k + 1].as_mut() {
            below
                .words
                .insert(if rtl { index } else { index + 1 }, word);
        }
        lines[k].clear();
        geometry[k] = None;
    }
}

/// The hyphens poppler takes out when it joins a line ending in one to the next line
/// (`money-` + `laundering` → `moneylaundering`) put back: the text is compared with versions
/// where the word is written with its hyphen.
fn restore_hyphens(lines: &mut [String], geometry: &[Option<Line>]) {
    for (text, line) in lines.iter_mut().zip(geometry) {
        let Some(line) = line else {
            continue;
        };
        for pair in line.words.windows(2) {
            let (end, next) = (&pair[0].text, &pair[1].text);
            let Some(stem) = end
                .strip_suffix('-')
                .filter(|s| s.ends_with(char::is_alphabetic))
            else {
                continue;
            };
            let joined = format!("{stem}{next}");
            if !text.contains(&format!("{end}{next}")) {
                if let Some(at) = text.find(&joined) {
                    text.insert(at + stem.len(), '-');
                }
            }
        }
    }
}

/// A footnote line as the parser reads it. A note of a right-to-left document printed in
/// Latin letters only (`4 E/CN.15/2025/12.`) comes out of poppler in visual order, its marker
/// (the word at its right edge) last and its full stop first (`.E/CN.15/2025/124`): they are
/// put back in front and at the end.
fn note_line(raw: &str, geometry: Option<&Line>) -> String {
    let text = prepared(raw);
    let rightmost = geometry.and_then(|l| l.words.iter().max_by(|a, b| a.x1.total_cmp(&b.x1)));
    let Some(marker) = rightmost.map(|w| clean::strip_bidi(&w.text)) else {
        return text;
    };
    let latin_in_rtl = raw.starts_with('\u{202B}') && !raw.chars().any(clean::is_rtl_letter);
    let trimmed = text.trim();
    match trimmed.strip_suffix(&*marker) {
        Some(rest) if latin_in_rtl && clean::is_marker(&marker) && !rest.trim().is_empty() => {
            let rest = rest.trim();
            let body = rest.trim_start_matches(['.', ',', ':', ';', '،', '؛']);
            let stop = &rest[..rest.len() - body.len()];
            format!("{marker} {}{stop}", body.trim())
        }
        _ => text,
    }
}

/// The text lines of a page's footnote area, as a range: the run of small-print lines in the
/// lower part of the page that ends the page but for its footer (at most three lines of body
/// size); where notes are printed as large as the body, the lines from the first one in the
/// lower part of the page that follows a gap (wider than a line's height, or a quarter wider
/// than any gap above it) and opens with a marker of the body. The area
/// must open with one of the `markers` raised in the body.
fn note_area(
    lines: &[&str],
    geometry: &[Option<&Line>],
    (page_height, body, line_gap): (f64, f64, f64),
    markers: &[String],
) -> Option<(usize, usize)> {
    let opens_note =
        |k: usize| clean::note_opening(&note_line(lines[k], geometry[k]), markers).is_some();
    let low = |k: usize| geometry[k].is_some_and(|l| l.top() > 0.4 * page_height);
    if let Some((start, end)) = small_print(geometry, body) {
        if low(start) && opens_note(start) {
            return Some((start, end));
        }
    }
    let gap = |k: usize| match (geometry[k - 1], geometry[k]) {
        (Some(before), Some(now)) => Some((now.top() - before.bottom(), before.height())),
        _ => None,
    };
    // The widest gap between the lines above (the running head aside): a paragraph break.
    let mut widest = 0.0_f64;
    for k in 1..lines.len() {
        let Some((space, height)) = gap(k) else {
            continue;
        };
        let wide = space > line_gap + 0.8 * height || (k > 2 && space > 1.25 * widest);
        if wide && low(k) && opens_note(k) {
            return Some((k, lines.len()));
        }
        if k > 2 {
            widest = widest.max(space);
        }
    }
    None
}

/// The run of small-print lines that ends a page but for at most three lines of body size.
fn small_print(geometry: &[Option<&Line>], body: f64) -> Option<(usize, usize)> {
    let small = |k: usize| geometry[k].is_some_and(|l| l.height() < SMALL_PRINT * body);
    let mut end = geometry.len();
    while end > 0 && !small(end - 1) {
        end -= 1;
        if geometry.len() - end > 3 {
            return None;
        }
    }
    let mut start = end;
    while start > 0 && small(start - 1) {
        start -= 1;
    }
    (start < end).then_some((start, end))
}

/// A paragraph being joined from its lines, and the place of its first line.
struct Open {
    text: String,
    place: Place,
    /// Whether its last line runs to the margin (the paragraph may go on on the next page).
    full: bool,
}

/// The text being written and the place of each of its lines: one line per paragraph, note
/// and piece of furniture, a blank line after each.
#[derive(Default)]
struct Renderer {
    text: String,
    places: Vec<Place>,
    /// The footnote markers found raised in the body so far.
    markers: Vec<String>,
    /// The usual gap between two lines of a paragraph (see [`line_gap`]).
    line_gap: f64,
    /// The body paragraph being joined (across a page break too).
    paragraph: Option<Open>,
    /// The note being joined.
    note: Option<Open>,
}

/// What a text line of a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Body,
    Note,
    Furniture,
    /// A marker put back into the line below it (see [`merge_lone_markers`]).
    Merged,
}

impl Renderer {
    /// One page: its running head, body paragraphs, the rule and its notes, its footer; a body
    /// paragraph that runs to the margin at the foot of the page goes on with the first one of
    /// the next page unless that one opens with a paragraph number.
    fn page(&mut self, page: usize, lines: &[&str], geometry: &[Option<&Line>], roles: &[Role]) {
        let place = |k: usize| Place::Page { page, line: k + 1 };
        let widest = geometry
            .iter()
            .flatten()
            .map(|l| l.right() - l.left())
            .fold(0.0, f64::max);
        let mut previous: Option<&Line> = None;
        let mut rule = false;
        for (k, raw) in lines.iter().enumerate() {
            match roles[k] {
                Role::Merged => {}
                Role::Furniture => {
                    self.flush_note();
                    if self.paragraph.as_ref().is_some_and(|p| !p.full) {
                        self.flush_paragraph();
                    }
                    self.unit(&prepared(raw), place(k));
                }
                Role::Note => {
                    if !rule {
                        if self.paragraph.as_ref().is_some_and(|p| !p.full) {
                            self.flush_paragraph();
                        }
                        self.unit("__________________", place(k));
                        rule = true;
                    }
                    let text = clean::remove_han_spaces(&note_line(raw, geometry[k]));
                    if clean::is_marker(text.trim()) {
                        // The marker of a note with no text: nothing to compare.
                        self.flush_note();
                        continue;
                    }
                    match clean::note_opening(&text, &self.markers) {
                        Some(opening) => {
                            self.flush_note();
                            self.note = Some(Open {
                                text: opening,
                                place: place(k),
                                full: false,
                            });
                        }
                        None => join(&mut self.note, &text, place(k), false),
                    }
                }
                Role::Body => {
                    let text = clean::remove_han_spaces(self.body_line(raw, geometry[k]).trim());
                    let now = geometry[k];
                    // A line short of the margin ends its paragraph (the text is justified).
                    let ended = self.paragraph.as_ref().is_some_and(|p| !p.full);
                    let breaks = ended
                        || match (previous, now) {
                            (Some(before), Some(now)) => {
                                now.top() - before.bottom()
                                    > self.line_gap + PARAGRAPH_GAP * before.height()
                            }
                            (Some(_), None) => false,
                            (None, _) => opens_label(&text),
                        };
                    if breaks {
                        self.flush_paragraph();
                    }
                    let full = now.is_some_and(|l| l.right() - l.left() >= 0.9 * widest);
                    join(&mut self.paragraph, &text, place(k), full);
                    previous = now.or(previous);
                }
            }
        }
        self.flush_note();
        if self.paragraph.as_ref().is_some_and(|p| !p.full) {
            self.flush_paragraph();
        }
    }

    /// Write the paragraph being joined.
    fn flush_paragraph(&mut self) {
        if let Some(open) = self.paragraph.take() {
            self.unit(&open.text, open.place);
        }
    }

    /// Write the note being joined.
    fn flush_note(&mut self) {
        if let Some(open) = self.note.take() {
            self.unit(&open.text, open.place);
        }
    }

    /// A line and the blank line after it.
    fn unit(&mut self, text: &str, place: Place) {
        for line in [text.trim(), ""] {
            self.text.push_str(line);
            self.text.push('\n');
            self.places.push(place.clone());
        }
    }

    /// A body line with its raised markers written as superscripts.
    fn body_line(&mut self, raw: &str, geometry: Option<&Line>) -> String {
        let mut text = prepared(raw);
        let Some(line) = geometry else {
            return text;
        };
        let rtl = text.chars().any(clean::is_rtl_letter);
        let mut found: Vec<(Option<String>, String)> = raised(line)
            .map(|(k, m)| {
                let context = k
                    .checked_sub(1)
                    .map(|p| clean::strip_bidi(&line.words[p].text))
                    .filter(|c| !rtl && !c.is_empty())
                    .map(std::borrow::Cow::into_owned);
                (context, m)
            })
            .collect();
        if rtl {
            // The words of a right-to-left line are in visual order.
            found.reverse();
        }
        let mut from = 0;
        for (context, marker) in found {
            if let Some(next) = clean::place_marker(&mut text, &marker, context.as_deref(), from) {
                from = next;
                if !self.markers.contains(&marker) {
                    self.markers.push(marker);
                }
            }
        }
        if rtl {
            // The room left where the marker was printed, before an Arabic comma.
            return MARKER_SPACE.replace_all(&text, "$1$2").into_owned();
        }
        text
    }
}

/// A superscript marker, spaces, and the punctuation that follows it in an Arabic line.
static MARKER_SPACE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"([⁰¹²³⁴⁵⁶⁷⁸⁹*]) +([،؛:.])").expect("a valid pattern")
});

/// The raised markers of a line: (word index, marker).
fn raised(line: &Line) -> impl Iterator<Item = (usize, String)> + '_ {
    let height = line.height();
    line.words.iter().enumerate().filter_map(move |(k, w)| {
        let text = clean::strip_bidi(&w.text);
        (w.height() < RAISED * height && clean::is_marker(&text)).then(|| (k, text.into_owned()))
    })
}

/// A text line without bidi controls, its digit runs and lam-alef order repaired.
fn prepared(raw: &str) -> String {
    clean::repair_lam_alef(&clean::strip_bidi(&clean::repair_rtl_runs(raw)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use layout::Word;

    fn word(text: &str, x0: f64, y0: f64, x1: f64, y1: f64) -> Word {
        Word {
            x0,
            y0,
            x1,
            y1,
            text: text.to_string(),
        }
    }

    #[test]
    fn a_marker_raised_onto_a_line_of_its_own_goes_back_after_its_word() {
        // Arabic: the marker sits left of the word it follows (`الدولية`, letters in visual
        // order in the box text).
        let mut lines = vec![
            "\u{202B}\u{202A}4\u{202C}\u{202C}".to_string(),
            "\u{202B}التوجيهية الدولية \u{202A} ،\u{202C}الذي\u{202C}".to_string(),
        ];
        let mut geometry = vec![
            Some(Line {
                words: vec![word("4", 246.0, 57.6, 250.0, 66.7)],
            }),
            Some(Line {
                words: vec![
                    word("يذلا", 200.0, 58.1, 240.0, 73.7),
                    word("،", 241.0, 58.1, 244.0, 73.7),
                    word("ةيلودلا", 252.0, 58.1, 290.0, 73.7),
                    word("ةيهيجوتلا", 293.0, 58.1, 340.0, 73.7),
                ],
            }),
        ];
        merge_lone_markers(&mut lines, &mut geometry);
        assert_eq!(lines[0], "");
        assert!(geometry[0].is_none());
        assert!(lines[1].contains("الدولية4 "), "{}", lines[1]);
        let below = geometry[1].as_ref().unwrap();
        assert_eq!(raised(below).map(|(_, m)| m).collect::<Vec<_>>(), ["4"]);

        // A number that is no raised marker stays on its line.
        let mut lines = vec!["4".to_string(), "Text of the line".to_string()];
        let mut geometry = vec![
            Some(Line {
                words: vec![word("4", 56.0, 40.0, 62.0, 54.3)],
            }),
            Some(Line {
                words: vec![word("Text", 56.0, 60.0, 80.0, 74.3)],
            }),
        ];
        merge_lone_markers(&mut lines, &mut geometry);
        assert_eq!(lines[0], "4");
    }

    /// Whether poppler's `pdftotext` can be run; when it cannot, the test is skipped with a
    /// message, unless `VERSALIGN_REQUIRE_TOOLS` is set.
    fn pdftotext_installed() -> bool {
        if std::process::Command::new("pdftotext")
            .arg("-v")
            .output()
            .is_ok()
        {
            return true;
        }
        assert!(
            std::env::var_os("VERSALIGN_REQUIRE_TOOLS").is_none(),
            "pdftotext (poppler-utils) is required"
        );
        eprintln!("skipped: pdftotext (poppler-utils) is not installed");
        false
    }

    /// The path of the committed demo PDF of `lang` in fixture set `set`.
    fn fixture(set: &str, lang: &str) -> String {
        format!(
            "{}/tests/fixtures/pdf/{set}/{lang}.pdf",
            env!("CARGO_MANIFEST_DIR")
        )
    }

    #[test]
    fn arabic_lines_come_out_as_plain_pdftotext_writes_them() {
        if !pdftotext_installed() {
            return;
        }
        for set in ["clean", "review"] {
            let path = fixture(set, "ar");
            let bytes = std::fs::read(&path).unwrap();
            let pages = poppler::pdftotext(&["-bbox"], &bytes, &[None], TIME_LIMIT, |x| {
                layout::read(&x)
            })
            .unwrap()
            .concat();
            let plain = std::process::Command::new("pdftotext")
                .args(["-enc", "UTF-8", &path, "-"])
                .output()
                .unwrap();
            let plain = String::from_utf8(plain.stdout).unwrap();
            let lines = |text: &str| -> Vec<Vec<String>> {
                text.trim_end_matches(['\n', '\u{c}'])
                    .split('\u{c}')
                    .map(|page| {
                        page.lines()
                            .filter(|l| !clean::strip_bidi(l).trim().is_empty())
                            .map(str::to_string)
                            .collect()
                    })
                    .collect()
            };
            let ours = lines(&bidi::text(&pages));
            let theirs = lines(&plain);
            assert_eq!(ours.len(), 3, "{set}");
            assert!(ours.iter().flatten().count() > 80, "{set}");
            assert_eq!(ours, theirs, "{set}");
        }
    }

    #[test]
    fn a_pdf_read_in_page_ranges_reads_as_in_one_piece() {
        if !pdftotext_installed() {
            return;
        }
        for lang in ["en", "ar"] {
            let path = fixture("review", lang);
            let bytes = std::fs::read(&path).unwrap();
            assert_eq!(poppler::page_count(&bytes, TIME_LIMIT), Some(3), "{lang}");
            let whole = read_in_ranges(&bytes, &[None]).unwrap();
            let ranges = poppler::page_ranges(Some(3), 3, 1);
            assert_eq!(ranges.len(), 3);
            let split = read_in_ranges(&bytes, &ranges).unwrap();
            assert_eq!(split, whole, "{lang}");
            // A page count that is off only changes how the work is shared.
            for count in [2, 5] {
                let ranges = poppler::page_ranges(Some(count), count, 1);
                assert_eq!(ranges.len(), count);
                let read = read_in_ranges(&bytes, &ranges).unwrap();
                assert_eq!(read, whole, "{lang}, {count} pages counted");
            }
            assert!(
                split
                    .places
                    .iter()
                    .any(|p| p.to_string().starts_with("page 3"))
            );
        }
    }

    #[test]
    fn a_latin_note_of_an_arabic_page_opens_with_its_marker() {
        let raw = "\u{202B}\u{202A}.E/CN.15/2025/124\u{202C}\u{202C}";
        let line = Line {
            words: vec![
                word(".", 465.0, 739.5, 468.0, 755.1),
                word("E/CN.15/2025/12", 468.0, 742.4, 532.0, 754.1),
                word("4", 532.0, 739.5, 539.0, 755.1),
            ],
        };
        assert_eq!(note_line(raw, Some(&line)), "4 E/CN.15/2025/12.");
        // The same line in a left-to-right document is left alone.
        assert_eq!(
            note_line("4E/CN.15/2025/12.", Some(&line)),
            "4E/CN.15/2025/12."
        );
    }

    #[test]
    fn hyphens_taken_out_at_a_line_end_are_put_back() {
        let mut lines = vec!["organized crime, moneylaundering and".to_string()];
        let geometry = vec![Some(Line {
            words: vec![
                word("crime,", 0.0, 0.0, 1.0, 1.0),
                word("money-", 0.0, 0.0, 1.0, 1.0),
                word("laundering", 0.0, 2.0, 1.0, 3.0),
            ],
        })];
        restore_hyphens(&mut lines, &geometry);
        assert_eq!(lines[0], "organized crime, money-laundering and");
        let mut kept = vec!["a well-known fact".to_string()];
        restore_hyphens(
            &mut kept,
            &[Some(Line {
                words: vec![
                    word("well-", 0.0, 0.0, 1.0, 1.0),
                    word("known", 0.0, 2.0, 1.0, 3.0),
                ],
            })],
        );
        assert_eq!(kept[0], "a well-known fact");
    }
}

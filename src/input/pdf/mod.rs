//! PDF → the text layout the parser reads, with the page and line of every line, so that
//! findings on a PDF say `zh.pdf: page 2, line 14`.
//!
//! poppler does the reading, run as a subprocess with a time limit ([`poppler`]): `pdftotext`
//! gives the text in reading order (right-to-left lines in logical order, which no Rust PDF
//! crate manages), and `pdftotext -bbox-layout` the box of every word of the same lines in the
//! same order ([`layout`]). The boxes decide what the text alone cannot: a number printed small
//! and raised is a footnote marker (written as a superscript glued to its word, not read as a
//! number of the sentence), the run of small lines at a page's foot is its footnote area (put
//! after a rule, each note opening with its marker), and a gap between lines is a paragraph
//! break (a blank line). Page furniture (the running head with the symbol, the job number
//! footer, page numbers) is kept on its own lines, where the parser recognises and removes it
//! as in a text export. The text is repaired line by line ([`clean`]): bidi controls out,
//! Arabic lam-alef order, no spaces between Chinese and Latin letters or digits. Line numbers
//! in places count the page's text lines in reading order, from 1.

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

/// A PDF rendered as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rendered {
    /// The text, in the layout described in the module documentation.
    pub text: String,
    /// The place of each line of `text` (index 0 is line 1).
    pub places: Vec<Place>,
}

/// Read a PDF from its bytes with poppler.
pub(crate) fn read(bytes: &[u8]) -> Result<Rendered, PdfError> {
    let (text, boxes) = std::thread::scope(|scope| {
        let boxes = scope.spawn(|| poppler::run("pdftotext", &["-bbox-layout"], bytes, TIME_LIMIT));
        let text = poppler::run("pdftotext", &["-enc", "UTF-8"], bytes, TIME_LIMIT);
        let boxes = boxes.join().unwrap_or_else(|_| {
            Err(PdfError::Poppler {
                program: "pdftotext".into(),
                detail: "the reader thread failed".into(),
            })
        });
        (text, boxes)
    });
    let text = text?;
    let pages = layout::read(&boxes?);
    render(&text, &pages)
}

/// The text of `pdftotext` (pages separated by form feeds) laid out with the geometry of
/// `pages`.
fn render(text: &str, pages: &[Page]) -> Result<Rendered, PdfError> {
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
    let body = body_height(pages);
    let pages_lines: Vec<Vec<&str>> = texts
        .iter()
        .map(|t| {
            t.lines()
                .filter(|l| !clean::strip_bidi(l).trim().is_empty())
                .collect()
        })
        .collect();
    let furniture = furniture(&pages_lines);
    let mut out = Renderer {
        line_gap: line_gap(pages),
        ..Renderer::default()
    };
    for (k, lines) in pages_lines.iter().enumerate() {
        let page = pages.get(k);
        let owned = pair(lines, page.map_or(&[][..], |p| &p.lines));
        let geometry: Vec<Option<&Line>> = owned.iter().map(Option::as_ref).collect();
        let mut known = out.markers.clone();
        known.extend(
            geometry
                .iter()
                .flatten()
                .flat_map(|l| raised(l).map(|(_, m)| m)),
        );
        let mut roles: Vec<Role> = (0..lines.len())
            .map(|i| {
                if furniture[k].contains(&i) {
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
        (0..n).filter(|&i| i < 2 || i + 3 >= n).collect()
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
fn pair(lines: &[&str], layout: &[Line]) -> Vec<Option<Line>> {
    if lines.len() == layout.len() {
        return layout.iter().cloned().map(Some).collect();
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

/// The text lines of a page's footnote area, as a range: the run of small-print lines in the
/// lower part of the page that ends the page but for its footer (at most three lines of body
/// size); where notes are printed as large as the body, the lines from the first one in the
/// lower part of the page that follows a gap and opens with a marker of the body. The area
/// must open with one of the `markers` raised in the body.
fn note_area(
    lines: &[&str],
    geometry: &[Option<&Line>],
    (page_height, body, line_gap): (f64, f64, f64),
    markers: &[String],
) -> Option<(usize, usize)> {
    let opens_note = |k: usize| clean::note_opening(&prepared(lines[k]), markers).is_some();
    let low = |k: usize| geometry[k].is_some_and(|l| l.top() > 0.4 * page_height);
    if let Some((start, end)) = small_print(geometry, body) {
        if low(start) && opens_note(start) {
            return Some((start, end));
        }
    }
    (1..lines.len())
        .find(|&k| {
            let gap = match (geometry[k - 1], geometry[k]) {
                (Some(before), Some(now)) => {
                    now.top() - before.bottom() > line_gap + 0.8 * before.height()
                }
                _ => false,
            };
            gap && low(k) && opens_note(k)
        })
        .map(|start| (start, lines.len()))
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
                    let text = clean::remove_han_spaces(&prepared(raw));
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
                    .filter(|c| !rtl && !c.is_empty());
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
        text
    }
}

/// The raised markers of a line: (word index, marker).
fn raised(line: &Line) -> impl Iterator<Item = (usize, String)> + '_ {
    let height = line.height();
    line.words.iter().enumerate().filter_map(move |(k, w)| {
        let text = clean::strip_bidi(&w.text);
        (w.height() < RAISED * height && clean::is_marker(&text)).then_some((k, text))
    })
}

/// A text line without bidi controls, its digit runs and lam-alef order repaired.
fn prepared(raw: &str) -> String {
    clean::repair_lam_alef(&clean::strip_bidi(&clean::repair_rtl_runs(raw)))
}

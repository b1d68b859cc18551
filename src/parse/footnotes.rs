//! Footnote bodies wherever the page break put them: after a rule of underscores, as lines led by
//! a superscript or an asterisk between body paragraphs, wrapped over several lines, or several
//! notes run together on one line (`… 2002, 16. 3 See CLOUT case No. 190`).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::Language;
use crate::parse::blocks::{
    Gap, Wrapping, continues, join_into, leading_label, leaves_clause_open,
};
use crate::parse::lines::Line;
use crate::parse::markers::superscript_digit;

/// A footnote body being collected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NoteDraft {
    /// The marker (`"3"`, `"*"`).
    pub marker: String,
    /// The note's text without its marker.
    pub text: String,
    /// The line the note starts on.
    pub line: usize,
    /// Lines owned by the note (a line shared with the previous note stays with that one).
    pub lines: Vec<usize>,
}

impl NoteDraft {
    fn number(&self) -> Option<u32> {
        self.marker.parse().ok()
    }
}

/// Where a line stands with respect to footnotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Page furniture: ends a footnote area.
    Furniture,
    /// A rule of underscores or dashes.
    Rule,
    /// Anything else.
    Text,
}

/// What the scan decided for a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoteRole {
    /// Not part of a footnote area.
    None,
    /// A rule that opens footnotes.
    FootnoteRule,
    /// A rule that does not.
    PlainRule,
    /// Part of footnote `n` (index into the returned notes).
    Note(usize),
}

static PLAIN_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?(\d{1,3})\)?(?:\s+|([A-ZА-ЯЁ]))(\S)").expect("valid footnote start pattern")
});
static STAR_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\*{1,3})\s*(\S)").expect("valid asterisk footnote pattern"));
static EMBEDDED_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.\])>»”;。]\s+(\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*(\p{Lu}|\p{Lo}|[«“\[(])")
        .expect("valid embedded footnote pattern")
});

/// How many lines after its last reference a note outside a footnote area may start: a page
/// and a half of hard-wrapped text. A note's body stands at the foot of the page that refers
/// to it, or of the next one when the reference is at the page's foot.
const NOTE_REACH_LINES: usize = 150;

/// The footnote markers body text carries, each with the lines it stands on.
#[derive(Debug, Clone, Default)]
pub(crate) struct Inventory(HashMap<String, Vec<usize>>);

impl Inventory {
    /// Records `marker` as standing on line `line`.
    pub(crate) fn add(&mut self, marker: String, line: usize) {
        self.0.entry(marker).or_default().push(line);
    }

    /// Whether the body carries `marker` anywhere.
    fn has(&self, marker: &str) -> bool {
        self.0.contains_key(marker)
    }

    /// Whether the body carries `marker` on a line before `line`, within
    /// [`NOTE_REACH_LINES`] of it.
    fn referenced_before(&self, marker: &str, line: usize) -> bool {
        self.0
            .get(marker)
            .is_some_and(|at| at.iter().any(|&l| l < line && line - l <= NOTE_REACH_LINES))
    }
}

/// A footnote start on line `line`: its marker and the byte offset where its text begins.
fn note_start(
    text: &str,
    line: usize,
    in_area: bool,
    expected: u32,
    inventory: &Inventory,
) -> Option<(String, usize)> {
    let sup_len: usize = text
        .chars()
        .take_while(|&c| superscript_digit(c).is_some())
        .map(char::len_utf8)
        .sum();
    if sup_len > 0 {
        let value: u32 = text[..sup_len].chars().try_fold(0u32, |acc, c| {
            acc.checked_mul(10)?.checked_add(superscript_digit(c)?)
        })?;
        let rest = text[sup_len..].trim_start();
        return (!rest.is_empty()).then(|| (value.to_string(), text.len() - rest.len()));
    }
    if let Some(c) = STAR_START.captures(text) {
        let stars = c[1].to_string();
        return (in_area || inventory.has(&stars))
            .then(|| (stars, c.get(2).map_or(0, |m| m.start())));
    }
    let c = PLAIN_START.captures(text)?;
    let n: u32 = c[1].parse().ok()?;
    let text_start = c.get(2).or(c.get(3)).map_or(0, |m| m.start());
    let glued = c.get(2).is_some();
    let parenthesised = text.starts_with('(') != c[0].contains(')');
    let numbered_paragraph = text[c[1].len()..].trim_start().starts_with(['-', '–', '.']);
    if parenthesised || numbered_paragraph || n == 0 {
        return None;
    }
    // Inside an area a note or two may have been lost: the next number up to two further on
    // still starts a note.
    let fits = if in_area {
        (expected..=expected + 2).contains(&n) || (expected == 0 && n >= 1)
    } else {
        // Outside an area a plain number starts a note only shortly after a reference to it:
        // a line led by a figure far from any (`2 hélicoptères …`) is body text.
        n == expected.max(1) && inventory.referenced_before(&n.to_string(), line)
    };
    (fits && (in_area || !glued)).then(|| (n.to_string(), text_start))
}

/// Find the footnote areas and bodies. `kinds[i]` says what `lines[i]` is; `blank_before[i]`
/// whether a blank line precedes it; `inventory` holds the markers seen in body text. A line
/// continues a note as it would continue a body paragraph, by the text's wrapping: in text with
/// one paragraph per line, a note ends at its line.
pub(crate) fn scan(
    lines: &[Line],
    kinds: &[LineKind],
    blank_before: &[bool],
    inventory: &Inventory,
    lang: Language,
) -> (Vec<NoteDraft>, Vec<NoteRole>) {
    let text_lines: Vec<&Line> = lines
        .iter()
        .zip(kinds)
        .filter(|(_, k)| **k == LineKind::Text)
        .map(|(l, _)| l)
        .collect();
    let wrapping = Wrapping::measure(&text_lines);
    let mut notes: Vec<NoteDraft> = Vec::new();
    let mut roles = vec![NoteRole::None; lines.len()];
    let mut in_area = false;
    let mut last_number = 0u32;
    let mut area_numbers_started = false;
    for i in 0..lines.len() {
        match kinds[i] {
            LineKind::Furniture => {
                in_area = false;
                continue;
            }
            LineKind::Rule => {
                let next_text = (i + 1..lines.len()).find(|&j| kinds[j] == LineKind::Text);
                let opens = next_text.is_some_and(|j| {
                    note_start(
                        &lines[j].text,
                        lines[j].no,
                        true,
                        if last_number == 0 { 0 } else { last_number + 1 },
                        inventory,
                    )
                    .is_some()
                        || note_start(&lines[j].text, lines[j].no, true, 0, inventory).is_some()
                });
                roles[i] = if opens {
                    NoteRole::FootnoteRule
                } else {
                    NoteRole::PlainRule
                };
                in_area = opens;
                area_numbers_started = false;
                continue;
            }
            LineKind::Text => {}
        }
        let text = &lines[i].text;
        let expected = if in_area && !area_numbers_started {
            0
        } else {
            last_number + 1
        };
        // A line led by superscript digits starts a note whatever its number: a note repeated
        // or out of order is still a note (and the checks report it). Plain digits are
        // ambiguous (a wrapped line may begin with a figure): inside an area such a note must
        // continue the sequence.
        let superscript = text
            .chars()
            .next()
            .is_some_and(|c| superscript_digit(c).is_some());
        // Outside a footnote area, a line led by asterisks starts a note only the first time: a
        // document explains each of `*`, `**`, `***` once, and further lines so led are list
        // items (the bullets of a Chinese list), whatever the body's asterisks mark.
        let start = note_start(text, lines[i].no, in_area, expected, inventory).filter(|(m, _)| {
            let repeated_star =
                !in_area && m.starts_with('*') && notes.iter().any(|n| &n.marker == m);
            !repeated_star
                && (superscript
                    || m.parse::<u32>()
                        .map_or(true, |n| !in_area || expected == 0 || n > last_number))
        });
        match start {
            Some((marker, offset)) => {
                if let Ok(n) = marker.parse::<u32>() {
                    // A superscript note out of order leaves the sequence where it was.
                    last_number = if superscript { last_number.max(n) } else { n };
                    area_numbers_started = true;
                }
                in_area = true;
                notes.push(NoteDraft {
                    marker,
                    text: text[offset..].to_string(),
                    line: lines[i].no,
                    lines: vec![lines[i].no],
                });
                roles[i] = NoteRole::Note(notes.len() - 1);
                split_embedded(&mut notes, &mut last_number, lines[i].no, 0);
            }
            None if in_area
                && !blank_before[i]
                && !notes.is_empty()
                && note_continues(&lines[i - 1], &lines[i], wrapping, lang) =>
            {
                let note = notes.last_mut().expect("a note to continue");
                join_into(&mut note.text, text, lang);
                // Where this line's text starts: joining may have dropped a line-end hyphen.
                let from = note.text.len() - text.len();
                note.lines.push(lines[i].no);
                roles[i] = NoteRole::Note(notes.len() - 1);
                split_embedded(&mut notes, &mut last_number, lines[i].no, from);
            }
            None => in_area = false,
        }
    }
    (notes, roles)
}

/// Whether `next` continues the note whose last line is `prev`: as a body paragraph would, or
/// after a line that leaves its clause open (notes run narrower or wider than the body text).
fn note_continues(prev: &Line, next: &Line, wrapping: Wrapping, lang: Language) -> bool {
    continues(prev, next, Gap::Adjacent, wrapping, lang, false)
        || (leaves_clause_open(&prev.text, lang) && leading_label(&next.text).is_none())
}

/// Split the last note where the next note of the sequence starts inside it, looking only at
/// text from byte `from` on (the part that came from line `line_no`).
fn split_embedded(
    notes: &mut Vec<NoteDraft>,
    last_number: &mut u32,
    line_no: usize,
    mut from: usize,
) {
    loop {
        let Some(note) = notes.last() else { return };
        let Some(n) = note.number() else { return };
        let wanted = n + 1;
        let found = EMBEDDED_START
            .captures_iter(&note.text[from.min(note.text.len())..])
            .find_map(|c| {
                let m = c.get(1)?;
                let digits: String = m
                    .as_str()
                    .chars()
                    .map(|ch| superscript_digit(ch).map_or(ch, |d| char::from(b'0' + d as u8)))
                    .collect();
                (digits.parse::<u32>().ok()? == wanted).then(|| (from + m.start(), from + m.end()))
            });
        let Some((start, end)) = found else { return };
        let note = notes.last_mut().expect("checked above");
        let tail = note.text[end..].trim_start().to_string();
        note.text.truncate(start);
        let head_len = note.text.trim_end().len();
        note.text.truncate(head_len);
        let shared_line_owned_here = note.lines.last() == Some(&line_no);
        notes.push(NoteDraft {
            marker: wanted.to_string(),
            text: tail,
            line: line_no,
            lines: if shared_line_owned_here {
                Vec::new()
            } else {
                vec![line_no]
            },
        });
        *last_number = wanted;
        from = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .filter_map(|(i, t)| Line::new(i + 1, t))
            .collect()
    }

    fn kinds_of(lines: &[Line]) -> Vec<LineKind> {
        lines
            .iter()
            .map(|l| {
                if crate::parse::lines::is_rule(&l.text) {
                    LineKind::Rule
                } else if crate::parse::lines::job_number(&l.text).is_some() {
                    LineKind::Furniture
                } else {
                    LineKind::Text
                }
            })
            .collect()
    }

    #[test]
    fn notes_after_a_rule_several_on_one_line() {
        let (notes, roles) = scan_texts(
            &[
                "__________________",
                "1 United Nations Conference on Contracts, Vienna, 10 March-11 April 1980, Official Records, 1981, 16 (hereinafter “Official",
                "Records”).",
                "2 See Bundesgerichtshof, Germany, 31 October 2001, Internationales Handelsrecht, 2002, 16. 3 See CLOUT case No. 190 [Oberster Gerichtshof, Austria, 11 February 1997].",
                "4 See CLOUT case No. 213 [Kantonsgericht Nidwalden, Switzerland, 5 June 1996]; CLOUT case",
                "No. 190 [Oberster Gerichtshof, Austria, 11 February 1997]. 5 See Rechtbank Arnhem, 27 May 1993.",
                "V.04-54725 (E)",
            ],
            Language::En,
        );
        assert_eq!(markers_of(&notes), vec!["1", "2", "3", "4", "5"]);
        assert!(notes[0].text.ends_with("(hereinafter “Official Records”)."));
        assert_eq!(
            notes[1].text,
            "See Bundesgerichtshof, Germany, 31 October 2001, Internationales Handelsrecht, 2002, 16."
        );
        assert_eq!(
            notes[2].text,
            "See CLOUT case No. 190 [Oberster Gerichtshof, Austria, 11 February 1997]."
        );
        assert_eq!(notes[2].line, 4);
        assert!(notes[2].lines.is_empty());
        assert_eq!(notes[4].text, "See Rechtbank Arnhem, 27 May 1993.");
        assert_eq!(roles[0], NoteRole::FootnoteRule);
        assert_eq!(roles[6], NoteRole::None);
    }

    #[test]
    fn superscript_and_asterisk_notes_between_paragraphs() {
        let (notes, roles) = scan_paragraphs_with_star(&[
            "哥伦比亚*和菲律宾：决议修订草案",
            "* 代表联合国会员国中的拉丁美洲和加勒比国家组成员。",
            "强调第十二届大会的重要性，",
            "¹ A/CONF.213/18，第一章，决议 1。",
            "² 联合国，《条约汇编》，第 2225 卷，第 39574 号。",
            "意识到新技术，",
        ]);
        assert_eq!(markers_of(&notes), vec!["*", "1", "2"]);
        assert_eq!(notes[1].text, "A/CONF.213/18，第一章，决议 1。");
        assert_eq!(roles[0], NoteRole::None);
        assert_eq!(roles[2], NoteRole::None);
        assert_eq!(roles[5], NoteRole::None);
    }

    #[test]
    fn lines_led_by_an_asterisk_already_explained_are_list_items() {
        let (notes, roles) = scan_paragraphs_with_star(&[
            "临时议程*",
            "* 因技术原因重发。",
            "委员会建议：",
            "* 确保家庭权利得到保护和加强；",
            "* 对涉及性骚扰的行为施以更严厉的处罚；",
        ]);
        assert_eq!(markers_of(&notes), vec!["*"]);
        assert_eq!(notes[0].text, "因技术原因重发。");
        assert_eq!(roles[3], NoteRole::None);
        assert_eq!(roles[4], NoteRole::None);
    }

    #[test]
    fn superscript_notes_repeated_or_out_of_order_are_notes() {
        // A note body printed twice, and one placed after a later note: still footnotes (the
        // checks report them), and the plain-digit sequence after them is not disturbed.
        let (notes, roles) = scan_texts(
            &[
                "¹ A/CONF.213/18，第一章，决议 1。",
                "³ 同上，第 1577 卷，第 27531 号。",
                "² 联合国，《条约汇编》，第 2225 卷，第 39574 号。",
                "³ 同上，第 1577 卷，第 27531 号。",
                "4 同上，第 2171 卷，第 27531 号。",
            ],
            Language::Zh,
        );
        assert_eq!(markers_of(&notes), vec!["1", "3", "2", "3", "4"]);
        assert_eq!(notes[3].text, "同上，第 1577 卷，第 27531 号。");
        assert!(roles.iter().all(|r| matches!(r, NoteRole::Note(_))));
    }

    /// Scan `texts` as consecutive lines (no blank line between them, no markers in the body).
    fn scan_texts(texts: &[&str], lang: Language) -> (Vec<NoteDraft>, Vec<NoteRole>) {
        let ls = lines(texts);
        let kinds = kinds_of(&ls);
        scan(
            &ls,
            &kinds,
            &vec![false; ls.len()],
            &Inventory::default(),
            lang,
        )
    }

    /// Chinese lines, each a paragraph after a blank line, whose body carries a `*` marker.
    fn scan_paragraphs_with_star(texts: &[&str]) -> (Vec<NoteDraft>, Vec<NoteRole>) {
        let ls = lines(texts);
        let kinds = kinds_of(&ls);
        let mut inventory = Inventory::default();
        inventory.add("*".to_string(), 1);
        scan(&ls, &kinds, &vec![true; ls.len()], &inventory, Language::Zh)
    }

    fn markers_of(notes: &[NoteDraft]) -> Vec<&str> {
        notes.iter().map(|n| n.marker.as_str()).collect()
    }

    #[test]
    fn in_text_of_one_paragraph_per_line_a_note_ends_at_its_line() {
        let (notes, roles) = scan_texts(
            &[
                "__________________",
                "1 See A/56/100.",
                "The Committee met in Geneva.",
                "It adopted the report of its",
                "thirtieth session.",
            ],
            Language::En,
        );
        assert_eq!(markers_of(&notes), vec!["1"]);
        assert_eq!(notes[0].text, "See A/56/100.");
        assert_eq!(roles[2], NoteRole::None);
        assert_eq!(roles[4], NoteRole::None);
    }

    #[test]
    fn a_note_hyphenated_before_a_non_ascii_letter_joins_and_splits() {
        // Joining drops the line-end hyphen, so the next line starts a byte earlier than the
        // note's length before the join (found by fuzzing: a slice inside a character).
        let (notes, _) = scan_texts(
            &[
                "__________________",
                "1 См. доклад Генерального секре-",
                "таря. 2 См. A/57/1.",
            ],
            Language::Ru,
        );
        assert_eq!(markers_of(&notes), vec!["1", "2"]);
        assert_eq!(notes[0].text, "См. доклад Генерального секретаря.");
        assert_eq!(notes[1].text, "См. A/57/1.");
    }

    #[test]
    fn a_rule_without_notes_is_a_plain_rule() {
        let ls = lines(&[
            "Article 1",
            "---------",
            "The Purposes of the United Nations are:",
        ]);
        let kinds = kinds_of(&ls);
        let (notes, roles) = scan(
            &ls,
            &kinds,
            &[false, false, true],
            &Inventory::default(),
            Language::En,
        );
        assert!(notes.is_empty());
        assert_eq!(roles[1], NoteRole::PlainRule);
    }

    #[test]
    fn numbered_text_outside_an_area_is_not_a_note() {
        let ls = lines(&[
            "Recalling the Declaration,1",
            "2001 was a year",
            "1 See A/56/100.",
        ]);
        let kinds = kinds_of(&ls);
        let mut inventory = Inventory::default();
        inventory.add("1".to_string(), 1);
        let (notes, _) = scan(&ls, &kinds, &[false, true, true], &inventory, Language::En);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].text, "See A/56/100.");
    }

    #[test]
    fn a_line_led_by_a_figure_far_from_or_before_its_marker_is_body_text() {
        // The devset's `2 hélicoptères militaires turcs …` stood 1,600 lines after the only
        // `2` marker and was taken for its footnote; `1 P-4, 2 P-3 …` stood before any `1`.
        let at = |no: usize, text: &str| Line::new(no, text).expect("a non-blank line");
        let ls = vec![
            at(10, "1 P-4, 2 P-3 et 4 agents du Service mobile."),
            at(20, "Le DLR a mis au point le robot MASCOT2 et l'a fourni1."),
            at(
                30 + NOTE_REACH_LINES,
                "2 hélicoptères militaires turcs ont violé l'espace.",
            ),
        ];
        let kinds = kinds_of(&ls);
        let mut inventory = Inventory::default();
        inventory.add("1".to_string(), 20);
        inventory.add("2".to_string(), 20);
        let notes = |ls: &[Line]| scan(ls, &kinds, &[true; 3], &inventory, Language::Fr).0;
        assert!(notes(&ls).is_empty());
        // The same lines as notes shortly after their references.
        let near = vec![
            at(20, "Le DLR a mis au point le robot MASCOT2 et l'a fourni1."),
            at(22, "1 P-4, 2 P-3 et 4 agents du Service mobile."),
            at(
                20 + NOTE_REACH_LINES,
                "2 hélicoptères militaires turcs ont violé l'espace.",
            ),
        ];
        assert_eq!(markers_of(&notes(&near)), vec!["1", "2"]);
    }
}

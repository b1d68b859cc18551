//! Text → document model: one language version of a UN document, as extracted from PDF or Word,
//! read into header, body blocks and footnotes, with page furniture removed and recorded.
//!
//! The stages run in this order: line cleaning and page furniture ([`lines`]), footnote areas
//! ([`footnotes`]), language, header fields ([`header`]), paragraphs and their classification
//! ([`blocks`]), footnote markers ([`markers`]) and their links to footnote bodies.

mod blocks;
/// How a wrapped line joins its paragraph, for readers that join lines themselves (PDF).
pub(crate) use blocks::{join_into, leaves_clause_open};
mod footnotes;
mod header;
pub(crate) mod lines;
mod markers;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::error::Error;
use crate::input;
use crate::language::{self, Detection};
use crate::locale::ORGAN_NAMES;
use crate::model::{Block, Document, Footnote, Language, RemovalReason, Removed, Warning};
use crate::segment::words;

use blocks::{Gap, ParaDraft};
use footnotes::{LineKind, NoteDraft, NoteRole};
use header::{HEADER_ZONE_LINES, HeaderLine, HeaderReader};
use lines::Line;

/// How to parse.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// The version's language when the caller knows it; detected otherwise.
    pub language: Option<Language>,
    /// Whether blocks of Chinese documents get their jieba word segmentation (off by default:
    /// only `parse --tokens` shows it).
    pub tokens: bool,
}

/// Read, decode and parse a file. Fails when the file cannot be read, is not text, or is empty.
pub fn read_document(path: &Path, options: &ParseOptions) -> Result<Document, Error> {
    read_document_as(path, options, None)
}

/// [`read_document`], a text file read in the `forced` encoding when given (`--encoding`).
pub fn read_document_as(
    path: &Path,
    options: &ParseOptions,
    forced: Option<input::TextEncoding>,
) -> Result<Document, Error> {
    let loaded = input::read_as(path, forced)?;
    parse_loaded(loaded, path, options)
}

/// Parse a file's text as read by [`input`]; a Word file's places and reader warnings go into
/// the document. Fails when there is no text.
pub(crate) fn parse_loaded(
    loaded: input::Loaded,
    path: &Path,
    options: &ParseOptions,
) -> Result<Document, Error> {
    if loaded.text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    let mut document = parse(&loaded.text, &path.display().to_string(), options);
    let reader_warnings = loaded.warnings.into_iter().map(|message| Warning {
        line: None,
        message,
    });
    document.warnings.splice(0..0, reader_warnings);
    document.places = loaded.places;
    Ok(document)
}

/// What a non-blank line became.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Body,
    Header,
    Removed(RemovalReason),
    Note(usize),
}

/// Parse decoded text. `file` is only recorded in the document. Never fails: what looks wrong
/// becomes a warning.
pub fn parse(text: &str, file: &str, options: &ParseOptions) -> Document {
    let lines: Vec<Line> = input::lines(text)
        .iter()
        .enumerate()
        .filter_map(|(i, raw)| Line::new(i + 1, raw))
        .collect();
    let blank_before: Vec<bool> = lines
        .iter()
        .enumerate()
        .map(|(k, l)| l.no > if k == 0 { 1 } else { lines[k - 1].no + 1 })
        .collect();
    let mut warnings = Vec::new();

    let mut roles = furniture(&lines, &blank_before);

    // Footnote areas, told from bullets by the markers the text carries.
    let probe_language = options.language.unwrap_or_else(|| {
        let sample = body_sample(&lines, &roles, DETECT_BYTES);
        language::detect(&sample).map_or(Language::En, |d| d.language)
    });
    let mut inventory = footnotes::Inventory::default();
    for (line, _) in lines.iter().zip(&roles).filter(|(_, r)| **r == Role::Body) {
        for marker in markers::inventory(&line.text, probe_language) {
            inventory.add(marker, line.no);
        }
    }
    let kinds: Vec<LineKind> = lines
        .iter()
        .zip(&roles)
        .map(|(l, r)| match r {
            Role::Removed(_) => LineKind::Furniture,
            _ if lines::is_rule(&l.text) => LineKind::Rule,
            _ => LineKind::Text,
        })
        .collect();
    let (notes, note_roles) =
        footnotes::scan(&lines, &kinds, &blank_before, &inventory, probe_language);
    for (role, note_role) in roles.iter_mut().zip(&note_roles) {
        match note_role {
            NoteRole::FootnoteRule => *role = Role::Removed(RemovalReason::FootnoteRule),
            NoteRole::PlainRule => *role = Role::Removed(RemovalReason::Rule),
            NoteRole::Note(n) => *role = Role::Note(*n),
            NoteRole::None => {}
        }
    }

    let job_hint = lines
        .iter()
        .zip(&roles)
        .filter(|(_, r)| **r == Role::Removed(RemovalReason::JobNumber))
        .find_map(|(l, _)| {
            lines::job_number(&l.text)
                .as_deref()
                .and_then(job_letter_language)
        });
    let (lang, confidence) =
        decide_language(&lines, &roles, options.language, job_hint, &mut warnings);
    let mut header = read_header(&lines, &mut roles, lang);
    if header.symbol.is_none() {
        let heads = lines
            .iter()
            .zip(&roles)
            .filter(|(_, r)| **r == Role::Removed(RemovalReason::RunningHead))
            .map(|(l, _)| (l.no, l.text.as_str()));
        if let Some((symbol, line)) = header::running_head_symbol(heads) {
            header.symbol = Some(symbol);
            header.field_lines.insert("symbol", line);
        }
    }

    let body: Vec<(&Line, Gap)> = body_lines(&lines, &roles, &blank_before);
    if body.is_empty() {
        warnings.push(Warning {
            line: None,
            message: "no body text: the file holds only header lines, page furniture or footnotes"
                .into(),
        });
    }
    let paras = blocks::split_run_on_paragraphs(blocks::paragraphs(&body, lang), &body);
    let has_header = roles.contains(&Role::Header);
    let classified = blocks::classify(&paras, has_header);

    let mut document = Document {
        file: file.to_string(),
        language: lang,
        language_confidence: confidence,
        header,
        blocks: Vec::new(),
        footnotes: Vec::new(),
        removed: lines
            .iter()
            .zip(&roles)
            .filter_map(|(l, r)| match r {
                Role::Removed(reason) => Some(Removed {
                    line: l.no,
                    text: l.text.clone(),
                    reason: *reason,
                }),
                _ => None,
            })
            .collect(),
        warnings,
        places: None,
    };
    document.header.lines = lines
        .iter()
        .zip(&roles)
        .filter(|(_, r)| **r == Role::Header)
        .map(|(l, _)| l.no)
        .collect();
    build_blocks(&mut document, paras, classified, notes, options.tokens);
    document
}

/// Mark job numbers, barcodes, running heads and page numbers.
fn furniture(lines: &[Line], blank_before: &[bool]) -> Vec<Role> {
    let mut roles: Vec<Role> = lines
        .iter()
        .map(|l| {
            let t = &l.text;
            if lines::job_number(t).is_some() || lines::is_job_page_footer(t) {
                Role::Removed(RemovalReason::JobNumber)
            } else if lines::is_barcode(t) {
                Role::Removed(RemovalReason::Barcode)
            } else if lines::symbol_line(t, ORGAN_NAMES).is_some() {
                Role::Removed(RemovalReason::RunningHead)
            } else {
                Role::Body
            }
        })
        .collect();
    // A lone number is a page number next to other furniture or standing alone between blank
    // lines; inside running text it is a footnote marker PDF extraction put on its own line.
    for k in 0..lines.len() {
        if roles[k] != Role::Body || !lines::is_page_number(&lines[k].text) {
            continue;
        }
        let isolated = blank_before[k] && blank_before.get(k + 1).is_none_or(|&b| b);
        let near_furniture = [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .any(|j| matches!(roles.get(j), Some(Role::Removed(_))));
        let ends_text = k + 1 == lines.len() && blank_before[k];
        if isolated || near_furniture || ends_text || k == 0 {
            roles[k] = Role::Removed(RemovalReason::PageNumber);
        }
    }
    roles
}

/// The body text used to detect the language: everything not yet removed.
fn body_sample(lines: &[Line], roles: &[Role], max_bytes: usize) -> String {
    let mut sample = String::new();
    for (l, r) in lines.iter().zip(roles) {
        if !matches!(r, Role::Removed(_)) {
            sample.push_str(&l.text);
            sample.push('\n');
            if sample.len() > max_bytes {
                break;
            }
        }
    }
    sample
}

/// Bytes of body text read to detect a language; to confirm a given one, less will do.
const DETECT_BYTES: usize = 16 * 1024;
const CONFIRM_BYTES: usize = 4 * 1024;

/// The document's language and the confidence reported for it. `job_hint` is the language
/// letter of the job number, used when the text has no letters to detect from.
fn decide_language(
    lines: &[Line],
    roles: &[Role],
    given: Option<Language>,
    job_hint: Option<Language>,
    warnings: &mut Vec<Warning>,
) -> (Language, f64) {
    let detected = match given {
        Some(l) => language::confirm(&body_sample(lines, roles, CONFIRM_BYTES), l),
        None => language::detect(&body_sample(lines, roles, DETECT_BYTES)),
    };
    match (given, detected) {
        (
            Some(l),
            Some(Detection {
                language,
                confidence,
            }),
        ) if language == l => (l, confidence),
        (
            Some(l),
            Some(Detection {
                language,
                confidence,
            }),
        ) => {
            if confidence >= 0.5 {
                warnings.push(Warning {
                    line: None,
                    message: format!("language given as {l}, but the text looks like {language} (confidence {confidence:.2})"),
                });
            }
            (l, 0.0)
        }
        (Some(l), None) => (l, 0.0),
        (None, Some(d)) => {
            if d.confidence < 0.5 {
                warnings.push(Warning {
                    line: None,
                    message: format!(
                        "language detected as {} with low confidence ({:.2}); set it with --lang (`check --lang FILE=LANG`, `parse --lang LANG`)",
                        d.language, d.confidence
                    ),
                });
            }
            (d.language, d.confidence)
        }
        (None, None) => {
            let (language, source) = match job_hint {
                Some(l) => (l, "taking it from the job number"),
                None => (Language::En, "assuming en"),
            };
            warnings.push(Warning {
                line: None,
                message: format!(
                    "no letters to detect the language from; {source} (set it with --lang: `check --lang FILE=LANG`, `parse --lang LANG`)"
                ),
            });
            (language, 0.0)
        }
    }
}

/// The language whose letter a job number carries (`V.11-82153 (C)` → zh).
fn job_letter_language(job: &str) -> Option<Language> {
    let letter = job.split('(').nth(1)?.chars().next()?;
    Language::ALL.into_iter().find(|l| l.job_letter() == letter)
}

/// Read the header fields from the top of the document, marking the lines they came from.
fn read_header(lines: &[Line], roles: &mut [Role], lang: Language) -> crate::model::Header {
    let mut reader = HeaderReader::default();
    for k in 0..lines.len().min(HEADER_ZONE_LINES) {
        let text = &lines[k].text;
        match roles[k] {
            Role::Body => {
                if ends_header_zone(text) {
                    break;
                }
                match reader.read(lines[k].no, text, lang) {
                    Some(HeaderLine::Field) => roles[k] = Role::Header,
                    Some(HeaderLine::Masthead) => roles[k] = Role::Removed(RemovalReason::Masthead),
                    None => {}
                }
            }
            Role::Removed(RemovalReason::JobNumber | RemovalReason::RunningHead)
                if reader.read(lines[k].no, text, lang) == Some(HeaderLine::Field) =>
            {
                roles[k] = Role::Header;
            }
            _ => {}
        }
    }
    // The job number is printed at the foot of the first page, often after the header zone.
    if reader.header.job_number.is_none()
        && let Some(k) =
            (0..lines.len()).find(|&k| roles[k] == Role::Removed(RemovalReason::JobNumber))
    {
        reader.read(lines[k].no, &lines[k].text, lang);
        roles[k] = Role::Header;
    }
    reader.header
}

/// Width from which a line ending in a full stop is a sentence of the body, not a header line.
const SENTENCE_WIDTH: usize = 100;

/// The first line of the body proper: a numbered paragraph, an opening formula, a sentence of
/// prose (a line of [`SENTENCE_WIDTH`] columns or more ending in a full stop, not a `*` note) or
/// a long line. A header line is a name, a symbol, a date or a title, never such a sentence: an
/// agenda item after one (`Item 4` in a line-aligned file) is a heading of the body.
fn ends_header_zone(text: &str) -> bool {
    let numbered =
        blocks::leading_label(text).is_some_and(|l| l.kind == crate::model::BlockKind::Paragraph);
    let formula =
        text.ends_with([',', '，', '،']) && text.chars().count() <= 40 && !text.contains(':');
    let sentence = text.ends_with(['.', '。', ';', '；'])
        && !text.starts_with('*')
        && lines::width(text) >= SENTENCE_WIDTH;
    numbered || formula || sentence || text.len() > 600 && lines::width(text) > 200
}

/// Body lines with what separates each from the previous body line.
fn body_lines<'a>(
    lines: &'a [Line],
    roles: &[Role],
    blank_before: &[bool],
) -> Vec<(&'a Line, Gap)> {
    let mut out = Vec::new();
    let mut between: Option<Gap> = None;
    for (k, (line, role)) in lines.iter().zip(roles).enumerate() {
        match role {
            Role::Body => {
                let gap = match between {
                    Some(Gap::PageBreak) => Gap::PageBreak,
                    Some(Gap::Blank) => Gap::Blank,
                    _ if blank_before[k] => Gap::Blank,
                    _ => Gap::Adjacent,
                };
                out.push((line, gap));
                between = None;
            }
            // The job number at the foot of page 1 is a header field inside a page break.
            Role::Header | Role::Removed(RemovalReason::Masthead) => {
                if between != Some(Gap::PageBreak) {
                    between = Some(Gap::Blank);
                }
            }
            // A rule that opens no footnotes (a heading underline, a separator) ends a paragraph.
            Role::Removed(RemovalReason::Rule) => between = Some(Gap::Blank),
            Role::Removed(_) | Role::Note(_) => {
                if between != Some(Gap::Blank) {
                    between = Some(Gap::PageBreak);
                }
            }
        }
    }
    out
}

/// Turn paragraphs and notes into blocks and footnotes: resolve markers, link references.
fn build_blocks(
    document: &mut Document,
    paras: Vec<ParaDraft>,
    classified: Vec<blocks::Classified>,
    notes: Vec<NoteDraft>,
    tokens: bool,
) {
    let lang = document.language;
    let bodies: HashSet<String> = notes.iter().map(|n| n.marker.clone()).collect();
    let per_para: Vec<Vec<markers::Candidate>> = paras
        .iter()
        .map(|p| markers::candidates(&p.text, lang))
        .collect();
    let flat: Vec<&markers::Candidate> = per_para.iter().flatten().collect();
    let accepted = markers::resolve(
        &flat.iter().map(|c| (*c).clone()).collect::<Vec<_>>(),
        &bodies,
    );
    let mut accepted_iter = accepted.into_iter();
    let ids: Vec<String> = (1..=paras.len()).map(|i| format!("b{i}")).collect();
    for (i, (para, (kind, label, parent))) in paras.into_iter().zip(classified).enumerate() {
        let chosen: Vec<&markers::Candidate> = per_para[i]
            .iter()
            .filter(|_| accepted_iter.next().unwrap_or(false))
            .collect();
        let (text, footnote_refs) = markers::strip(&para.text, &chosen);
        let tokens = (tokens && lang == Language::Zh).then(|| words::spans(&text));
        document.blocks.push(Block {
            id: ids[i].clone(),
            kind,
            label,
            parent: parent.map(|p| ids[p].clone()),
            text,
            line: para.lines[0],
            footnote_refs,
            tokens,
            lines: para.lines,
        });
    }
    document.footnotes = notes
        .into_iter()
        .enumerate()
        .map(|(i, n)| Footnote {
            id: format!("fn{}", i + 1),
            marker: n.marker,
            text: n.text,
            line: n.line,
            referenced_from: Vec::new(),
            lines: n.lines,
        })
        .collect();
    link_references(document);
}

/// Point every footnote at the blocks that reference it, and warn about markers without a body
/// and bodies without a marker.
fn link_references(document: &mut Document) {
    let mut by_marker: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, f) in document.footnotes.iter().enumerate() {
        by_marker.entry(f.marker.as_str()).or_default().push(i);
    }
    let mut links: Vec<(usize, String)> = Vec::new();
    let mut missing: Vec<(String, usize)> = Vec::new();
    for block in &document.blocks {
        for r in &block.footnote_refs {
            match by_marker.get(r.marker.as_str()) {
                Some(candidates) => {
                    // With several bodies for one marker (numbering restarts), take the first
                    // body after the reference, else the last one before it.
                    let notes = &document.footnotes;
                    let pick = candidates
                        .iter()
                        .copied()
                        .find(|&n| notes[n].line >= block.line)
                        .or_else(|| candidates.last().copied())
                        .expect("a marker entry has at least one body");
                    links.push((pick, block.id.clone()));
                }
                None => {
                    if !missing.iter().any(|(m, _)| *m == r.marker) {
                        missing.push((r.marker.clone(), block.line));
                    }
                }
            }
        }
    }
    for (note, block) in links {
        let refs = &mut document.footnotes[note].referenced_from;
        if !refs.contains(&block) {
            refs.push(block);
        }
    }
    for (marker, line) in missing {
        document.warnings.push(Warning {
            line: Some(line),
            message: format!("footnote marker {marker} has no footnote body"),
        });
    }
    for f in &document.footnotes {
        if f.referenced_from.is_empty() {
            document.warnings.push(Warning {
                line: Some(f.line),
                message: format!("footnote {} is not referenced in the text", f.marker),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BlockKind, Distribution, LineOwner};

    fn owners_cover_every_line(text: &str, doc: &Document) {
        let mut owned: HashMap<usize, usize> = HashMap::new();
        for (line, _) in doc.line_owners() {
            *owned.entry(line).or_default() += 1;
        }
        for (i, raw) in input::lines(text).iter().enumerate() {
            let n = owned.get(&(i + 1)).copied().unwrap_or(0);
            if lines::clean(raw).is_empty() {
                assert_eq!(n, 0, "blank line {} owned", i + 1);
            } else {
                assert_eq!(n, 1, "line {} ({raw:?}) owned {n} times", i + 1);
            }
        }
    }

    #[test]
    fn numbered_paragraphs_on_one_line_are_split_where_the_numbers_continue() {
        let text = "The Committee,\n\n11. Notes that the strategy was adopted in 2005.3 12. The Committee also noted the report of 2006; 13. Requests the Secretary-General to report, see paragraph 4. The report is due.\n\n14. Decides to remain seized of the matter.\n";
        let doc = parse(text, "run-on.txt", &ParseOptions::default());
        let labels: Vec<Option<&str>> = doc.blocks.iter().map(|b| b.label.as_deref()).collect();
        assert_eq!(
            labels,
            [None, Some("11"), Some("12"), Some("13"), Some("14")]
        );
        assert!(
            doc.blocks[1].text.ends_with("in 2005.3"),
            "{}",
            doc.blocks[1].text
        );
        assert!(
            doc.blocks[3]
                .text
                .ends_with("paragraph 4. The report is due.")
        );
        assert_eq!(doc.blocks[2].line, 3);
    }

    #[test]
    fn an_agenda_item_after_a_sentence_is_no_header_field() {
        let text = "Any later change in the composition of a delegation must also be submitted to the Secretariat in writing.\n\nItem 4\n\nThe Conference may wish to take note of the information.\n";
        let doc = parse(text, "lines.txt", &ParseOptions::default());
        assert_eq!(doc.header.agenda_item, None);
        assert!(
            doc.blocks
                .iter()
                .any(|b| b.label.as_deref() == Some("Item 4") || b.text == "Item 4"),
            "{:?}",
            doc.blocks
        );
        let doc = parse(SMALL, "small.txt", &ParseOptions::default());
        assert_eq!(
            doc.header.agenda_item.as_deref(),
            Some("Agenda item 119 (b)")
        );
    }

    const SMALL: &str = "General Assembly Distr.: Limited\n28 November 2001\nOriginal: English\n01-66657 (E) 291101\n*0166657*\nFifty-sixth session\nAgenda item 119 (b)\nSouth Africa:* draft resolution\nThe right to development\nThe General Assembly,\nRecalling the Vienna Declaration and Programme of Action,1\nreaffirmed the right to development,\n1. Decides to continue;\n(a) First;\n(b) Second.\n__________________\n* On behalf of the Group of African States.\n1 A/CONF.157/24 (Part I), chap. III.\n";

    #[test]
    fn small_english_document() {
        let doc = parse(SMALL, "small.txt", &ParseOptions::default());
        assert_eq!(doc.language, Language::En);
        assert_eq!(doc.header.distribution, Some(Distribution::Limited));
        assert_eq!(doc.header.date.as_deref(), Some("2001-11-28"));
        assert_eq!(doc.header.job_number.as_deref(), Some("01-66657 (E)"));
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(
            kinds,
            vec![
                Text,
                Title,
                Text,
                Preamble,
                Paragraph,
                Subparagraph,
                Subparagraph
            ]
        );
        assert_eq!(
            doc.blocks[3].text,
            "Recalling the Vienna Declaration and Programme of Action, reaffirmed the right to development,"
        );
        assert_eq!(doc.footnotes.len(), 2);
        assert_eq!(doc.footnotes[0].referenced_from, vec!["b1".to_string()]);
        assert_eq!(doc.footnotes[1].referenced_from, vec!["b4".to_string()]);
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
        owners_cover_every_line(SMALL, &doc);
        assert!(
            doc.line_owners()
                .iter()
                .any(|(_, o)| *o == LineOwner::Removed(RemovalReason::Barcode))
        );
    }

    #[test]
    fn only_furniture_warns() {
        let text = "01-66657 (E) 291101\n*0166657*\n\n3\n";
        let doc = parse(text, "f.txt", &ParseOptions::default());
        assert!(doc.blocks.is_empty());
        assert!(
            doc.warnings
                .iter()
                .any(|w| w.message.starts_with("no body text"))
        );
        owners_cover_every_line(text, &doc);
    }

    #[test]
    fn given_language_that_disagrees_warns() {
        let doc = parse(
            "Recalling its resolution on the right to development and the need for cooperation,\n",
            "x",
            &ParseOptions {
                language: Some(Language::Zh),
                tokens: false,
            },
        );
        assert_eq!(doc.language, Language::Zh);
        assert!(
            doc.warnings
                .iter()
                .any(|w| w.message.contains("looks like en"))
        );
    }

    #[test]
    fn chinese_blocks_carry_words() {
        let doc = parse(
            "经济及社会理事会，\n\n回顾会员国的能力建设，\n",
            "x",
            &ParseOptions {
                tokens: true,
                ..ParseOptions::default()
            },
        );
        let words: Vec<&str> = doc.blocks[1].words().expect("tokens").collect();
        assert!(words.contains(&"能力建设"));
        let plain = parse("回顾会员国的能力建设，\n", "x", &ParseOptions::default());
        assert!(plain.blocks[0].words().is_none(), "no tokens unless asked");
    }
}

//! Word `.docx` → the text layout the parser reads, with the place in the Word file of every
//! line, so that findings on a `.docx` name its paragraphs (`paragraph 57`, `footnote 3`).
//!
//! The layout is the one of a clean text export: the page header's lines (symbol) first, then
//! one line per body paragraph in document order (table cells and text boxes included) with its
//! automatic number printed in front ([`numbering`]), a blank line between paragraphs; footnote
//! and endnote references as superscript numbers (a custom mark such as `*` as written) at their
//! exact position; then a rule and the note bodies led by the same markers; last the page
//! footer's lines (job number). Paragraphs are counted from 1 over every `w:p` of the body, empty
//! ones included, as they stand in the file. Tracked changes are read as accepted
//! ([`content`]) and reported as a warning.

mod content;
mod numbering;
mod package;

use std::collections::HashMap;

use content::{Content, NoteKind, Paragraph, Piece};
use numbering::Numbering;
use package::Package;

use crate::error::DocxError;
use crate::input::superscript_marker;
use crate::model::Place;

/// A `.docx` rendered as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rendered {
    /// The text, in the layout described in the module documentation.
    pub text: String,
    /// The place of each line of `text` (index 0 is line 1).
    pub places: Vec<Place>,
    /// What the reader noticed (unaccepted tracked changes).
    pub warnings: Vec<String>,
}

/// Read a `.docx` from its bytes.
pub(crate) fn read(bytes: &[u8]) -> Result<Rendered, DocxError> {
    let mut package = Package::open(bytes)?;
    let document = package.part("word/document.xml")?.unwrap_or_default();
    let body = content::read(&document, "word/document.xml")?;
    drop(document);
    let numbering_xml = package.part("word/numbering.xml")?;
    let styles_xml = package.part("word/styles.xml")?;
    let mut numbering = Numbering::read(numbering_xml.as_deref(), styles_xml.as_deref())?;
    let mut notes = content::Content::default();
    for part in ["word/footnotes.xml", "word/endnotes.xml"] {
        if let Some(xml) = package.part(part)? {
            let read = content::read(&xml, part)?;
            notes.tracked_changes += read.tracked_changes;
            notes.paragraphs.extend(read.paragraphs);
        }
    }
    let headers = furniture(&mut package, "word/header")?;
    let footers = furniture(&mut package, "word/footer")?;

    let mut out = Renderer::default();
    for line in &headers.lines {
        out.paragraph(line, Place::PageHeader);
    }
    let markers = note_markers(&body.paragraphs);
    for (ordinal, paragraph) in joined(body.paragraphs) {
        let label = numbering.label(paragraph.style.as_deref(), paragraph.num.as_ref());
        let text = render(&paragraph, &markers);
        if label.is_some() || !text.trim().is_empty() {
            out.paragraph(
                &format!("{}{text}", label.unwrap_or_default()),
                Place::Paragraph(ordinal),
            );
        }
    }
    out.notes(&notes, &markers);
    for line in &footers.lines {
        out.paragraph(line, Place::PageFooter);
    }
    let changes = body.tracked_changes
        + notes.tracked_changes
        + headers.tracked_changes
        + footers.tracked_changes;
    let mut warnings = Vec::new();
    if changes > 0 {
        warnings.push(format!(
            "the file has {changes} unaccepted tracked change(s); it is read as if all were \
             accepted (insertions kept, deletions dropped): accept or reject them in Word \
             (Review, Accept All) to be sure this is the text meant"
        ));
    }
    Ok(Rendered {
        text: out.text,
        places: out.places,
        warnings,
    })
}

/// The lines of the page headers or footers (`prefix` `word/header` or `word/footer`), each
/// line once, and their tracked changes.
struct Furniture {
    lines: Vec<String>,
    tracked_changes: usize,
}

fn furniture(package: &mut Package, prefix: &str) -> Result<Furniture, DocxError> {
    let mut names: Vec<String> = package
        .names()
        .into_iter()
        .filter(|n| n.starts_with(prefix) && n.ends_with(".xml"))
        .collect();
    names.sort_by_key(|n| {
        let digits: String = n.chars().filter(char::is_ascii_digit).collect();
        (digits.parse::<u64>().unwrap_or(0), n.clone())
    });
    let mut found = Furniture {
        lines: Vec::new(),
        tracked_changes: 0,
    };
    for name in names {
        let Some(xml) = package.part(&name)? else {
            continue;
        };
        let content = content::read(&xml, &name)?;
        found.tracked_changes += content.tracked_changes;
        for p in &content.paragraphs {
            let line = p.plain_text().trim().to_string();
            if !line.is_empty() && !found.lines.contains(&line) {
                found.lines.push(line);
            }
        }
    }
    Ok(found)
}

/// The body's paragraphs with their ordinals (from 1), a paragraph whose mark is a tracked
/// deletion joined to the next (accepted, they are one paragraph, with the next one's
/// properties).
fn joined(paragraphs: Vec<Paragraph>) -> Vec<(usize, Paragraph)> {
    let mut out: Vec<(usize, Paragraph)> = Vec::new();
    let mut carry: Option<(usize, Vec<Piece>)> = None;
    for (i, p) in paragraphs.into_iter().enumerate() {
        let (ordinal, mut pieces) = carry.take().unwrap_or((i + 1, Vec::new()));
        pieces.extend(p.pieces.iter().cloned());
        let p = Paragraph { pieces, ..p };
        if p.joins_next {
            carry = Some((ordinal, p.pieces));
        } else {
            out.push((ordinal, p));
        }
    }
    if let Some((ordinal, pieces)) = carry {
        out.push((
            ordinal,
            Paragraph {
                pieces,
                ..Paragraph::default()
            },
        ));
    }
    out
}

/// The marker of each note referenced in the body, by kind and id, in reference order: custom
/// marks as written, others numbered 1, 2, 3 … in order (endnotes continue after the footnotes,
/// so that every marker of the text is one note).
fn note_markers(body: &[Paragraph]) -> NoteMarkers {
    let mut markers = NoteMarkers::default();
    let mut numbered = 0;
    let refs = body
        .iter()
        .flat_map(|p| &p.pieces)
        .filter_map(|piece| match piece {
            Piece::Note { kind, id, mark } => Some((*kind, id, mark)),
            _ => None,
        });
    let (footnotes, endnotes): (Vec<_>, Vec<_>) =
        refs.partition(|(kind, _, _)| *kind == NoteKind::Footnote);
    for (kind, id, mark) in footnotes.into_iter().chain(endnotes) {
        let key = (kind, id.clone());
        if markers.by_note.contains_key(&key) {
            continue;
        }
        let marker = match mark.as_deref().map(str::trim) {
            Some(m) if !m.is_empty() => m.to_string(),
            _ => {
                numbered += 1;
                numbered.to_string()
            }
        };
        markers.order.push(key.clone());
        markers.by_note.insert(key, marker);
    }
    markers
}

/// Note markers by (kind, id), and the notes in marker order.
#[derive(Debug, Default)]
struct NoteMarkers {
    by_note: HashMap<(NoteKind, String), String>,
    order: Vec<(NoteKind, String)>,
}

/// A paragraph's text: tabs as spaces, line breaks as line ends, note references as markers.
fn render(paragraph: &Paragraph, markers: &NoteMarkers) -> String {
    let mut out = String::new();
    for piece in &paragraph.pieces {
        match piece {
            Piece::Text(t) => out.push_str(&t.replace(['\n', '\r'], " ")),
            Piece::Tab => out.push(' '),
            Piece::Break => out.push('\n'),
            Piece::Note { kind, id, .. } => {
                if let Some(m) = markers.by_note.get(&(*kind, id.clone())) {
                    out.push_str(&superscript_marker(m));
                }
            }
        }
    }
    out
}

/// The text being written and the place of each of its lines.
#[derive(Default)]
struct Renderer {
    text: String,
    places: Vec<Place>,
}

impl Renderer {
    /// A paragraph (possibly of several lines) and the blank line after it. A carriage return
    /// (`&#13;` in a number's `w:lvlText`, a note, a custom mark or the page furniture) ends a
    /// line as a line feed does, since the parser numbers lines so ([`crate::split_lines`]):
    /// every line it numbers then has its place.
    fn paragraph(&mut self, text: &str, place: Place) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        for line in text.split('\n') {
            self.line(line.trim_end(), &place);
        }
        self.line("", &place);
    }

    fn line(&mut self, text: &str, place: &Place) {
        self.text.push_str(text);
        self.text.push('\n');
        self.places.push(place.clone());
    }

    /// The rule and the bodies of the notes referenced, in marker order; an empty body is left
    /// out (the marker then has no note, as when the note's text was deleted).
    fn notes(&mut self, notes: &Content, markers: &NoteMarkers) {
        let mut bodies: HashMap<(NoteKind, String), Vec<&Paragraph>> = HashMap::new();
        for p in &notes.paragraphs {
            if let Some(key) = &p.note {
                bodies.entry(key.clone()).or_default().push(p);
            }
        }
        let mut rule = false;
        for key in &markers.order {
            let marker = &markers.by_note[key];
            let text: Vec<String> = bodies
                .get(key)
                .into_iter()
                .flatten()
                .map(|p| p.plain_text().trim().to_string())
                .filter(|t| !t.is_empty())
                .collect();
            let text = text.join(" ");
            let text = text.strip_prefix(marker.as_str()).unwrap_or(&text).trim();
            if text.is_empty() {
                continue;
            }
            if !rule {
                self.paragraph("__________________", Place::Notes);
                rule = true;
            }
            let place = match key.0 {
                NoteKind::Footnote => Place::Footnote(marker.clone()),
                NoteKind::Endnote => Place::Endnote(marker.clone()),
            };
            self.paragraph(&format!("{} {text}", superscript_marker(marker)), place);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn docx(parts: &[(&str, String)]) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let options = zip::write::SimpleFileOptions::default();
        for (name, xml) in parts {
            zip.start_file(*name, options).unwrap();
            zip.write_all(xml.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        bytes
    }

    #[test]
    fn renders_header_numbered_paragraphs_notes_and_footer_with_places() {
        let document = format!(
            r#"<w:document {W}><w:body><w:p/><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Takes note;</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Body"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Decides</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="6"/><w:t>*</w:t></w:r><w:r><w:t> to act.</w:t></w:r></w:p></w:body></w:document>"#
        );
        let numbering = format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
        );
        let notes = format!(
            r#"<w:footnotes {W}><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t> A/RES/65/281.</w:t></w:r></w:p></w:footnote><w:footnote w:id="6"><w:p><w:r><w:t>* Sponsors.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
        );
        let header = format!(r#"<w:hdr {W}><w:p><w:r><w:t>A/RES/66/1</w:t></w:r></w:p></w:hdr>"#);
        let footer = format!(r#"<w:ftr {W}><w:p><w:r><w:t>11-12345 (E)</w:t></w:r></w:p></w:ftr>"#);
        let bytes = docx(&[
            ("word/document.xml", document),
            ("word/numbering.xml", numbering),
            ("word/footnotes.xml", notes),
            ("word/header1.xml", header),
            ("word/footer1.xml", footer),
        ]);
        let rendered = read(&bytes).unwrap();
        assert_eq!(
            rendered.text,
            "A/RES/66/1\n\n1. Takes note;¹\n\n2. Decides* to act.\n\n__________________\n\n\
             ¹ A/RES/65/281.\n\n* Sponsors.\n\n11-12345 (E)\n\n"
        );
        let place = |line: usize| rendered.places[line - 1].to_string();
        assert_eq!(place(1), "page header");
        assert_eq!(place(3), "paragraph 2", "the empty first paragraph counts");
        assert_eq!(place(5), "paragraph 3");
        assert_eq!(place(9), "footnote 1");
        assert_eq!(place(11), "footnote *");
        assert_eq!(place(13), "page footer");
        assert!(rendered.warnings.is_empty());
    }

    #[test]
    fn a_deleted_paragraph_mark_joins_two_paragraphs_and_warns() {
        let document = format!(
            r#"<w:document {W}><w:body><w:p><w:pPr><w:rPr><w:del w:id="1" w:author="R"/></w:rPr></w:pPr><w:r><w:t>Recalling its resolution</w:t></w:r></w:p><w:p><w:r><w:t> 65/1,</w:t></w:r></w:p><w:p><w:r><w:t>Noting</w:t></w:r></w:p></w:body></w:document>"#
        );
        let rendered = read(&docx(&[("word/document.xml", document)])).unwrap();
        assert_eq!(
            rendered.text,
            "Recalling its resolution 65/1,\n\nNoting\n\n"
        );
        assert_eq!(rendered.places[2].to_string(), "paragraph 3");
        assert!(rendered.warnings[0].contains("1 unaccepted tracked change"));
    }

    #[test]
    fn a_tracked_change_in_the_page_footer_warns_too() {
        let document = format!(
            r#"<w:document {W}><w:body><w:p><w:r><w:t>Noting</w:t></w:r></w:p></w:body></w:document>"#
        );
        let footer = format!(
            r#"<w:ftr {W}><w:p><w:ins w:id="1" w:author="R"><w:r><w:t>11-12345 (E)</w:t></w:r></w:ins></w:p></w:ftr>"#
        );
        let rendered = read(&docx(&[
            ("word/document.xml", document),
            ("word/footer1.xml", footer),
        ]))
        .unwrap();
        assert!(
            rendered.text.ends_with("11-12345 (E)\n\n"),
            "{}",
            rendered.text
        );
        assert_eq!(rendered.warnings.len(), 1, "{:?}", rendered.warnings);
        assert!(rendered.warnings[0].contains("1 unaccepted tracked change"));
    }

    #[test]
    fn a_carriage_return_in_a_number_or_a_note_is_a_line_with_its_place() {
        let document = format!(
            r#"<w:document {W}><w:body><w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Decides</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:body></w:document>"#
        );
        let numbering = format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:lvlText w:val="&#13;&#13;%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
        );
        let notes = format!(
            r#"<w:footnotes {W}><w:footnote w:id="1"><w:p><w:r><w:t>A/RES/1&#13;&#13;&#10;(2026).</w:t></w:r></w:p></w:footnote></w:footnotes>"#
        );
        let rendered = read(&docx(&[
            ("word/document.xml", document),
            ("word/numbering.xml", numbering),
            ("word/footnotes.xml", notes),
        ]))
        .unwrap();
        assert!(!rendered.text.contains('\r'), "{:?}", rendered.text);
        let lines = crate::split_lines(&rendered.text);
        assert_eq!(lines.len(), rendered.places.len(), "{lines:?}");
        let place_of = |text: &str| {
            let i = lines.iter().position(|l| l.contains(text)).unwrap();
            rendered.places[i].to_string()
        };
        assert_eq!(place_of("1. Decides¹"), "paragraph 1");
        assert_eq!(place_of("(2026)."), "footnote 1");
    }

    #[test]
    fn a_zip_without_word_document_says_what_it_is() {
        let odt = docx(&[
            ("mimetype", "application/vnd.oasis.opendocument.text".into()),
            ("content.xml", "<office:document-content/>".into()),
        ]);
        assert_eq!(
            read(&odt).unwrap_err(),
            DocxError::NotWord {
                what: "an OpenDocument text (.odt)".into()
            }
        );
    }
}

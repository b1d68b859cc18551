//! The content of one WordprocessingML part (document, header, footer, footnotes, endnotes) as
//! paragraphs of text pieces, read the way Word prints it with all tracked changes accepted:
//! inserted text kept, deleted and moved-away text dropped, field instructions dropped and
//! field results kept, hidden text (`w:vanish`) dropped, text boxes and content controls read,
//! the fallback copy of an alternate-content block skipped. Entities other than the five XML ones are never expanded.

use quick_xml::Reader;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};

use crate::error::DocxError;
use crate::input::xml_reference;

/// Footnote or endnote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum NoteKind {
    /// `w:footnote`, `w:footnoteReference`.
    Footnote,
    /// `w:endnote`, `w:endnoteReference`.
    Endnote,
}

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    /// Text as printed.
    Text(String),
    /// `w:tab`.
    Tab,
    /// `w:br` (a text-wrapping break) or `w:cr`.
    Break,
    /// A footnote or endnote reference; `mark` holds a custom mark (`*`) when the note has one.
    Note {
        /// Footnote or endnote.
        kind: NoteKind,
        /// The note's `w:id`.
        id: String,
        /// The custom mark that follows the reference (`w:customMarkFollows`).
        mark: Option<String>,
    },
}

/// A paragraph of a part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Paragraph {
    /// `w:pStyle`.
    pub style: Option<String>,
    /// `w:numPr`: the `w:numId` (when given) and `w:ilvl`.
    pub num: Option<(Option<String>, usize)>,
    /// The content.
    pub pieces: Vec<Piece>,
    /// The footnote or endnote (kind and id) the paragraph belongs to, in a notes part.
    pub note: Option<(NoteKind, String)>,
    /// The paragraph mark is a tracked deletion: accepted, the paragraph joins the next.
    pub joins_next: bool,
}

impl Paragraph {
    /// The paragraph's text, with tabs and breaks as spaces and notes left out.
    pub(super) fn plain_text(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Tab | Piece::Break => out.push(' '),
                Piece::Note { .. } => {}
            }
        }
        out
    }
}

/// The paragraphs of a part and the number of tracked changes it holds.
#[derive(Debug, Default)]
pub(super) struct Content {
    /// Paragraphs in reading order (a text box's paragraphs before the paragraph holding it).
    pub paragraphs: Vec<Paragraph>,
    /// Tracked insertions, deletions and moves (`w:ins`, `w:del`, `w:moveFrom`, `w:moveTo`).
    pub tracked_changes: usize,
}

/// Elements whose whole content is not printed text (or not printed at all).
const SKIPPED: &[&str] = &[
    "w:del",
    "w:moveFrom",
    "w:instrText",
    "w:delText",
    "w:delInstrText",
    "w:pPrChange",
    "w:rPrChange",
    "w:sectPrChange",
    "w:tblPrChange",
    "w:trPrChange",
    "w:tcPrChange",
    "w:numberingChange",
    "mc:Fallback",
    "w:sdtPr",
    "w:commentRangeStart",
];

/// Note types that are no note: the separator lines Word draws above the notes.
const SEPARATOR_TYPES: &[&str] = &["separator", "continuationSeparator", "continuationNotice"];

/// Where the reader stands.
#[derive(Default)]
struct State {
    /// Paragraphs open, innermost last (a text box's paragraph inside a paragraph).
    open: Vec<Paragraph>,
    /// Depth inside `w:pPr`.
    in_properties: usize,
    /// Inside a run's `w:rPr`.
    in_run_properties: bool,
    /// The run is hidden text (`w:vanish`), which Word does not print.
    hidden: bool,
    /// Inside a `w:t`.
    in_text: bool,
    /// The text of this run is the custom mark of its note reference.
    custom_mark: bool,
    /// Fields open, innermost last: whether each is still in its instruction part.
    fields: Vec<bool>,
    /// The note being read, in a notes part.
    note: Option<(NoteKind, String)>,
    /// What was read.
    content: Content,
}

/// Read a part's XML; `part` names it in errors.
pub(super) fn read(xml: &str, part: &str) -> Result<Content, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut state = State::default();
    let error = |reader: &Reader<&[u8]>, e: quick_xml::Error| DocxError::Xml {
        part: part.to_string(),
        offset: reader.error_position(),
        detail: e.to_string(),
    };
    loop {
        let event = reader.read_event().map_err(|e| error(&reader, e))?;
        match event {
            Event::Start(e) => {
                let name = e.name();
                let name = name.as_ref();
                if skips(name, &e, &mut state) {
                    let end = e.to_end().into_owned();
                    reader
                        .read_to_end(end.name())
                        .map_err(|e| error(&reader, e))?;
                    continue;
                }
                state.start(name, &e, false);
            }
            Event::Empty(e) => {
                let name = e.name();
                let name = name.as_ref();
                if !skips(name, &e, &mut state) {
                    state.start(name, &e, true);
                }
            }
            Event::End(e) => state.end(e.name().as_ref()),
            Event::Text(t) if state.in_text => state.text(&t.xml10_content()),
            Event::CData(t) if state.in_text => state.text(&t.xml10_content()),
            Event::GeneralRef(r) if state.in_text => state.text(&xml_reference(&r)),
            Event::DocType(_) => {
                return Err(DocxError::DocType {
                    part: part.to_string(),
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(state.content)
}

/// Whether an element's content is skipped; counts the tracked changes it stands for.
fn skips(name: &str, e: &BytesStart, state: &mut State) -> bool {
    if matches!(name, "w:ins" | "w:del" | "w:moveFrom" | "w:moveTo") {
        state.content.tracked_changes += 1;
    }
    if matches!(name, "w:del" | "w:moveFrom") && state.in_properties > 0 {
        // A deleted paragraph mark: accepted, this paragraph and the next are one.
        if let Some(p) = state.open.last_mut() {
            p.joins_next = true;
        }
        return true;
    }
    if matches!(name, "w:footnote" | "w:endnote")
        && attr(e, "w:type").is_some_and(|t| SEPARATOR_TYPES.contains(&t.as_str()))
    {
        return true;
    }
    SKIPPED.contains(&name)
}

impl State {
    /// An element opens (`empty`: and closes at once).
    fn start(&mut self, name: &str, e: &BytesStart, empty: bool) {
        if self.in_properties > 0 {
            self.property(name, e, empty);
            return;
        }
        let printing = !self.hidden && !self.fields.iter().any(|&instruction| instruction);
        if self.in_run_properties {
            if name == "w:vanish" {
                self.hidden = attr(e, "w:val").is_none_or(|v| v != "0" && v != "false");
            }
            return;
        }
        match name {
            "w:p" => {
                self.open.push(Paragraph {
                    note: self.note.clone(),
                    ..Paragraph::default()
                });
                if empty {
                    self.end("w:p");
                }
            }
            "w:pPr" if !empty => self.in_properties = 1,
            "w:rPr" if !empty => self.in_run_properties = true,
            "w:t" if !empty => self.in_text = printing,
            "w:tab" if printing => self.push(Piece::Tab),
            "w:br" | "w:cr" if printing => {
                let page = attr(e, "w:type").is_some_and(|t| t == "page" || t == "column");
                self.push(if page {
                    Piece::Text(" ".into())
                } else {
                    Piece::Break
                });
            }
            "w:noBreakHyphen" if printing => self.push(Piece::Text("-".into())),
            "w:fldChar" => match attr(e, "w:fldCharType").as_deref() {
                Some("begin") => self.fields.push(true),
                Some("separate") => {
                    if let Some(top) = self.fields.last_mut() {
                        *top = false;
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            "w:footnoteReference" | "w:endnoteReference" if printing => {
                let kind = if name == "w:footnoteReference" {
                    NoteKind::Footnote
                } else {
                    NoteKind::Endnote
                };
                let custom = attr(e, "w:customMarkFollows")
                    .is_some_and(|v| matches!(v.as_str(), "1" | "true" | "on"));
                self.push(Piece::Note {
                    kind,
                    id: attr(e, "w:id").unwrap_or_default(),
                    mark: custom.then(String::new),
                });
                self.custom_mark = custom;
            }
            "w:footnote" | "w:endnote" if !empty => {
                let kind = if name == "w:footnote" {
                    NoteKind::Footnote
                } else {
                    NoteKind::Endnote
                };
                self.note = Some((kind, attr(e, "w:id").unwrap_or_default()));
            }
            _ => {}
        }
    }

    /// An element inside `w:pPr`.
    fn property(&mut self, name: &str, e: &BytesStart, empty: bool) {
        if !empty {
            self.in_properties += 1;
        }
        let Some(p) = self.open.last_mut() else {
            return;
        };
        match name {
            "w:pStyle" => p.style = attr(e, "w:val"),
            "w:numPr" => p.num = Some(p.num.take().unwrap_or((None, 0))),
            "w:numId" => {
                let level = p.num.as_ref().map_or(0, |n| n.1);
                p.num = Some((attr(e, "w:val"), level));
            }
            "w:ilvl" => {
                let level = attr(e, "w:val").and_then(|v| v.parse().ok()).unwrap_or(0);
                let id = p.num.take().and_then(|n| n.0);
                p.num = Some((id, level.min(8)));
            }
            _ => {}
        }
    }

    /// An element closes.
    fn end(&mut self, name: &str) {
        if self.in_properties > 0 {
            self.in_properties -= 1;
            return;
        }
        match name {
            "w:p" => {
                if let Some(p) = self.open.pop() {
                    self.content.paragraphs.push(p);
                }
            }
            "w:t" => self.in_text = false,
            "w:rPr" => self.in_run_properties = false,
            "w:r" => {
                self.custom_mark = false;
                self.hidden = false;
            }
            "w:footnote" | "w:endnote" => self.note = None,
            _ => {}
        }
    }

    /// Text inside a `w:t`.
    fn text(&mut self, text: &str) {
        if self.custom_mark
            && let Some(p) = self.open.last_mut()
            && let Some(Piece::Note {
                mark: Some(mark), ..
            }) = p.pieces.last_mut()
        {
            mark.push_str(text);
            return;
        }
        match self.open.last_mut().and_then(|p| p.pieces.last_mut()) {
            Some(Piece::Text(t)) => t.push_str(text),
            _ => self.push(Piece::Text(text.to_string())),
        }
    }

    /// Add a piece to the innermost open paragraph (none open: the piece is outside any
    /// paragraph, which Word does not write, and is dropped).
    fn push(&mut self, piece: Piece) {
        if let Some(p) = self.open.last_mut() {
            p.pieces.push(piece);
        }
    }
}

/// An attribute's value, its entities resolved.
pub(super) fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a: &Attribute| a.key.as_ref() == key)
        .map(
            |a| match a.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
                Ok(v) => v.into_owned(),
                Err(_) => a.value.into_owned(),
            },
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="w" xmlns:mc="mc"><w:body>{inner}</w:body></w:document>"#
        )
    }

    fn texts(inner: &str) -> Vec<String> {
        read(&body(inner), "word/document.xml")
            .unwrap()
            .paragraphs
            .iter()
            .map(Paragraph::plain_text)
            .collect()
    }

    #[test]
    fn hidden_text_is_not_printed() {
        let xml = r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>shown </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden </w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>shown again</w:t></w:r></w:p>"#;
        assert_eq!(texts(xml), ["shown shown again"]);
    }

    #[test]
    fn tracked_changes_read_as_accepted() {
        let xml = r#"<w:p><w:r><w:t>kept </w:t></w:r><w:ins><w:r><w:t>inserted </w:t></w:r></w:ins><w:del><w:r><w:delText>deleted</w:delText></w:r></w:del><w:moveFrom><w:r><w:t>moved away</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>moved here</w:t></w:r></w:moveTo></w:p>"#;
        let content = read(&body(xml), "d").unwrap();
        assert_eq!(
            content.paragraphs[0].plain_text(),
            "kept inserted moved here"
        );
        assert_eq!(content.tracked_changes, 4);
    }

    #[test]
    fn fields_give_their_result_not_their_instruction() {
        let xml = r#"<w:p><w:r><w:t>see </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>REF _Ref1 \h</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>paragraph 3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>7</w:t></w:r></w:fldSimple></w:p>"#;
        assert_eq!(texts(xml), ["see paragraph 37"]);
    }

    #[test]
    fn tabs_breaks_tables_and_text_boxes() {
        let xml = r#"<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell 1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>cell 2</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>in the box</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>in the box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>around</w:t></w:r></w:p>"#;
        assert_eq!(
            texts(xml),
            ["a b c", "cell 1", "cell 2", "in the box", "around"]
        );
    }

    #[test]
    fn custom_entities_are_not_expanded_and_doctypes_refused() {
        let xml = r#"<w:p><w:r><w:t>&amp; &#x41; &lol;</w:t></w:r></w:p>"#;
        assert_eq!(texts(xml), ["& A &lol;"]);
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY lol "lol">]><w:document/>"#;
        assert!(matches!(
            read(bomb, "word/document.xml"),
            Err(DocxError::DocType { .. })
        ));
    }

    #[test]
    fn note_references_keep_custom_marks_and_separators_are_skipped() {
        let xml = r#"<w:p><w:r><w:t>Mexico:</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="2"/><w:t>*</w:t></w:r><w:r><w:t> draft</w:t></w:r></w:p>"#;
        let content = read(&body(xml), "d").unwrap();
        assert_eq!(
            content.paragraphs[0].pieces[1],
            Piece::Note {
                kind: NoteKind::Footnote,
                id: "2".into(),
                mark: Some("*".into())
            }
        );
        let notes = r#"<w:footnotes xmlns:w="w"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t> Text.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        let content = read(notes, "word/footnotes.xml").unwrap();
        assert_eq!(content.paragraphs.len(), 1);
        assert_eq!(
            content.paragraphs[0].note,
            Some((NoteKind::Footnote, "1".into()))
        );
    }

    #[test]
    fn malformed_xml_is_an_error_naming_the_part() {
        let err = read("<w:document><w:body></w:document>", "word/document.xml").unwrap_err();
        assert!(err.to_string().contains("word/document.xml"), "{err}");
    }
}

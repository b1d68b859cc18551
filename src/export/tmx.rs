//! The alignment as a TMX 1.4b translation memory for CAT tools: one `tu` per aligned row (per
//! sentence row at sentence level, the paragraph where it has a single sentence), a `tuv` for
//! each version with text, `prop`s for the document symbol, the row's kind, label, footnote
//! marker and finding codes. Written with quick-xml; characters XML 1.0 forbids are left out.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::align::Alignment;
use crate::export::column_order;
use crate::export::rows::{Record, records};
use crate::model::Document;
use crate::pipeline::Comparison;

/// The name the header gives to versalign's own format (`o-tmf`).
const ORIGINAL_FORMAT: &str = "versalign";

/// Write a comparison as TMX; `keep_labels` keeps paragraph labels in the segments.
pub(crate) fn write_tmx<W: Write>(
    out: W,
    comparison: &Comparison,
    keep_labels: bool,
) -> io::Result<()> {
    let Comparison {
        documents: docs,
        alignment,
        findings,
        sentences,
    } = comparison;
    let sentence_level = !sentences.is_empty();
    let mut writer = Writer::new_with_indent(out, b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let pivot = docs[alignment.pivot].language.code();
    let segtype = if sentence_level {
        "sentence"
    } else {
        "paragraph"
    };
    let symbol = document_symbol(docs, alignment);
    let order = column_order(alignment);
    // A `tu` needs a `tuv`: a row whose cells are all empty has nothing to offer.
    let units: Vec<Record> = records(docs, alignment, findings, sentences, keep_labels)
        .into_iter()
        .filter(|r| !r.split && r.cells.iter().flatten().any(|t| !t.is_empty()))
        .collect();
    writer
        .create_element("tmx")
        .with_attribute(("version", "1.4"))
        .write_inner_content(|w| {
            w.create_element("header")
                .with_attributes([
                    ("creationtool", "versalign"),
                    ("creationtoolversion", env!("CARGO_PKG_VERSION")),
                    ("segtype", segtype),
                    ("o-tmf", ORIGINAL_FORMAT),
                    ("adminlang", "en"),
                    ("srclang", pivot),
                    ("datatype", "plaintext"),
                ])
                .write_empty()?;
            w.create_element("body").write_inner_content(|w| {
                for unit in &units {
                    write_unit(w, unit, docs, &order, symbol.as_deref())?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    writer.get_mut().write_all(b"\n")
}

/// One `tu`: its `prop`s, then a `tuv` per version with text, in column order.
fn write_unit<W: Write>(
    w: &mut Writer<W>,
    unit: &Record,
    docs: &[Document],
    order: &[usize],
    symbol: Option<&str>,
) -> io::Result<()> {
    let tuid = match unit.sentence {
        Some(s) => format!("{}.{s}", unit.row),
        None => unit.row.to_string(),
    };
    let codes = unit.codes.join(" ");
    let props = [
        ("x-symbol", symbol),
        ("x-kind", Some(unit.kind)),
        ("x-label", unit.label.as_deref()),
        ("x-footnote", unit.marker.as_deref()),
        ("x-findings", Some(codes.as_str()).filter(|c| !c.is_empty())),
    ];
    w.create_element("tu")
        .with_attribute(("tuid", tuid.as_str()))
        .write_inner_content(|w| {
            for (kind, value) in props {
                if let Some(value) = value {
                    w.create_element("prop")
                        .with_attribute(("type", kind))
                        .write_text_content(BytesText::new(&xml_chars(value)))?;
                }
            }
            for &v in order {
                let Some(text) = unit.cells[v].as_deref().filter(|t| !t.is_empty()) else {
                    continue;
                };
                w.create_element("tuv")
                    .with_attribute(("xml:lang", docs[v].language.code()))
                    .write_inner_content(|w| {
                        w.create_element("seg")
                            .write_text_content(BytesText::new(&xml_chars(text)))?;
                        Ok(())
                    })?;
            }
            Ok(())
        })?;
    Ok(())
}

/// The document's symbol: the pivot's header's, else the first version's that names one.
fn document_symbol(docs: &[Document], alignment: &Alignment) -> Option<String> {
    std::iter::once(alignment.pivot)
        .chain(0..docs.len())
        .find_map(|v| docs[v].header.symbol.clone())
}

/// The text without the characters XML 1.0 does not allow (C0 controls other than tab and line
/// breaks, lone surrogates cannot occur in a `str`, U+FFFE and U+FFFF).
fn xml_chars(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;
    use crate::pipeline::{Options, Source};

    fn tmx_of(en: &str, fr: &str) -> String {
        let version = |name: &str, text: &str, language| Source::Text {
            name: name.into(),
            text: text.into(),
            language: Some(language),
        };
        let comparison = Comparison::run(
            vec![
                version("en.txt", en, Language::En),
                version("fr.txt", fr, Language::Fr),
            ],
            &Options::default(),
        )
        .unwrap();
        let mut out = Vec::new();
        write_tmx(&mut out, &comparison, false).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn markup_and_control_characters_are_escaped_or_dropped() {
        let tmx = tmx_of(
            "1. Costs <5% & \"fees\"\u{0C} rose.\n",
            "1. Les coûts <5 % & « frais » ont augmenté.\n",
        );
        assert!(tmx.contains("<seg>Costs &lt;5% &amp; "), "{tmx}");
        assert!(tmx.contains("fees"), "{tmx}");
        assert!(!tmx.contains('\u{0C}'));
        assert!(tmx.contains(r#"<tuv xml:lang="fr">"#));
        assert!(tmx.contains(r#"srclang="en""#));
    }

    #[test]
    fn rows_carry_kind_label_and_findings() {
        let tmx = tmx_of(
            "1. The Assembly adopted 12 resolutions.\n",
            "1. L'Assemblée a adopté 13 résolutions.\n",
        );
        assert!(tmx.contains(r#"<tu tuid="1">"#), "{tmx}");
        assert!(tmx.contains(r#"<prop type="x-label">1</prop>"#));
        assert!(tmx.contains(r#"<prop type="x-kind">paragraph</prop>"#));
        assert!(tmx.contains("number-mismatch"), "{tmx}");
    }
}

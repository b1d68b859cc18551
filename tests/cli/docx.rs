//! Word `.docx` versions: the demo corpus as Word files (tests/fixtures/docx, written by
//! scripts/make-fixtures.py) checks like its text versions, findings name Word paragraphs, and
//! hostile or foreign ZIP files are refused in one line with exit code 2.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{project, stdout_of, versalign};

use crate::util::{LANGS, check_json, findings_sans_places, row_shapes};

/// The six fixture files of a set (`clean`, `review`), `zh` replaced by `zh_from` when given.
fn versions(set: &str, ext: &str, zh_from: Option<&str>) -> Vec<PathBuf> {
    LANGS
        .iter()
        .map(|l| {
            let folder = match (*l, zh_from) {
                ("zh", Some(other)) => other,
                _ => set,
            };
            if ext == "txt" {
                project(&format!("corpora/demo/{folder}/{l}.txt"))
            } else {
                project(&format!("tests/fixtures/docx/{folder}/{l}.docx"))
            }
        })
        .collect()
}

#[test]
fn word_versions_check_like_their_text_versions() {
    for set in ["clean", "review"] {
        let text = check_json(&versions(set, "txt", None));
        let word = check_json(&versions(set, "docx", None));
        assert_eq!(row_shapes(&text), row_shapes(&word), "{set}: rows");
        assert_eq!(
            findings_sans_places(&text),
            findings_sans_places(&word),
            "{set}: findings"
        );
        let texts = |d: &Value| -> Vec<Value> {
            let rows = d["rows"].as_array().unwrap();
            rows.iter()
                .flat_map(|r| LANGS.map(|l| r["cells"][l]["text"].clone()))
                .collect()
        };
        assert_eq!(texts(&text), texts(&word), "{set}: the texts of the rows");
        if set == "clean" {
            assert!(findings_sans_places(&word).is_empty());
        } else {
            // The demo review's findings, one per cause (the ru numbers shifted after a
            // repeated one are folded into it).
            assert_eq!(findings_sans_places(&word).len(), 14);
        }
    }
}

#[test]
fn findings_on_word_files_name_paragraphs_in_report_json_and_csv() {
    let files = versions("clean", "docx", Some("deleted-paragraph"));
    let doc = check_json(&files);
    let missing: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "paragraph-missing")
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    let f = missing[0];
    assert_eq!(f["languages"], serde_json::json!(["zh"]));
    // Operative paragraph 4 is the 28th paragraph of the Spanish Word file.
    assert_eq!(f["places"]["es"], "paragraph 28");
    assert_eq!(f["places"]["zh"], "paragraph 27");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("paragraph 4 of es (paragraph 28) has no counterpart in zh (expected after paragraph 27)"),
        "{f}"
    );
    // Word renumbered the paragraphs after the deleted one (5 became 4 and so on): one cause,
    // one finding, the other nine renumbered paragraphs folded into it as related.
    let renumbered: Vec<&Value> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "numbering-mismatch")
        .collect();
    assert_eq!(renumbered.len(), 1, "{renumbered:?}");
    let related = renumbered[0]["related"].as_array().map_or(0, Vec::len);
    assert_eq!(1 + related, 10, "{}", renumbered[0]);

    let report = versalign().arg("check").args(&files).output().unwrap();
    assert_eq!(report.status.code(), Some(1));
    let report = String::from_utf8(report.stdout).unwrap();
    assert!(
        report.contains("es paragraph 28: 4. Recomienda a los Estados Miembros"),
        "{report}"
    );

    let csv = stdout_of(versalign().arg("align").args(&files));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let es_line = header.iter().position(|h| h == "es_line").unwrap();
    let first = reader.records().next().unwrap().unwrap();
    assert!(first[es_line].starts_with("paragraph "), "{first:?}");
}

#[test]
fn a_deleted_footnote_is_reported_on_its_row() {
    let doc = check_json(&versions("clean", "docx", Some("deleted-footnote")));
    let findings = doc["findings"].as_array().unwrap();
    // The deleted note 4 was referenced from preambular paragraph 5 (row 12, the 19th
    // paragraph of the file); Word renumbered note 5 to 4, whose marker is in paragraph 1.
    assert!(
        findings.iter().any(|f| f["row"] == 12
            && f["code"].as_str().unwrap().starts_with("footnote-")
            && f["places"]["es"] == "paragraph 19"
            && f["places"]["zh"] == "paragraph 25"),
        "{findings:?}"
    );
    assert!(
        findings
            .iter()
            .any(|f| f["code"] == "footnote-missing" && f["places"]["es"] == "footnote 5"),
        "{findings:?}"
    );
}

#[test]
fn parse_reads_numbering_footnotes_header_and_footer() {
    let out = stdout_of(
        versalign()
            .args(["parse", "--json"])
            .arg(project("tests/fixtures/docx/clean/ar.docx")),
    );
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        doc["header"]["symbol"], "E/CN.15/2026/L.7",
        "from the page header"
    );
    assert_eq!(
        doc["header"]["job_number"], "26-08123 (A)",
        "from the page footer"
    );
    let blocks = doc["blocks"].as_array().unwrap();
    let sub = blocks
        .iter()
        .find(|b| b["kind"] == "subparagraph" && b["label"] == "c")
        .unwrap();
    assert!(
        sub["text"].as_str().unwrap().starts_with("(ج) "),
        "abjad numbering: {sub}"
    );
    let first = blocks.iter().find(|b| b["label"] == "1").unwrap();
    assert!(
        first["text"].as_str().unwrap().starts_with("1 - "),
        "{first}"
    );
    let notes = doc["footnotes"].as_array().unwrap();
    let markers: Vec<&str> = notes
        .iter()
        .map(|n| n["marker"].as_str().unwrap())
        .collect();
    assert_eq!(markers, ["*", "1", "2", "3", "4", "5"]);
}

/// A `.docx` of `parts` (name, XML), deflated.
fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
    let parts: Vec<(&str, &[u8])> = parts.iter().map(|(n, x)| (*n, x.as_bytes())).collect();
    crate::util::zip_of(&parts)
}

/// A WordprocessingML body.
fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    )
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn hostile_and_foreign_files_are_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let real = std::fs::read(project("tests/fixtures/docx/clean/en.docx")).unwrap();
    let bomb_body = format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "a".repeat(8 << 20));
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "bomb.docx",
            docx(&[("word/document.xml", &document(&bomb_body))]),
            "ZIP bomb",
        ),
        (
            "laughs.docx",
            docx(&[("word/document.xml", laughs)]),
            "<!DOCTYPE>",
        ),
        (
            "parts.docx",
            docx(&[
                ("[Content_Types].xml", "<Types/>"),
                ("word/styles.xml", "<w:styles/>"),
            ]),
            "an Office file without word/document.xml",
        ),
        (
            "text.odt",
            docx(&[
                ("mimetype", "application/vnd.oasis.opendocument.text"),
                ("content.xml", "<x/>"),
            ]),
            "an OpenDocument text (.odt)",
        ),
        (
            "book.xlsx",
            docx(&[("xl/workbook.xml", "<workbook/>")]),
            "an Excel workbook (.xlsx)",
        ),
        (
            "photos.zip",
            docx(&[("a.jpg", "jpeg")]),
            "a ZIP archive of 1 file(s)",
        ),
        (
            "cut.docx",
            real[..real.len() / 2].to_vec(),
            "not a complete ZIP archive",
        ),
        (
            "broken.docx",
            docx(&[("word/document.xml", "<w:document><w:body></w:document>")]),
            "word/document.xml is not well-formed XML",
        ),
        (
            "locked.docx",
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0].to_vec(),
            "remove any password",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = write(dir.path(), name, &bytes);
        let out = versalign().arg("parse").arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{name}: {stderr}");
        assert!(
            stderr.contains(name) && stderr.contains(expected),
            "{name}: {stderr}"
        );
    }
}

#[test]
fn unaccepted_tracked_changes_are_read_accepted_and_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let body = r#"<w:p><w:r><w:t>1. The Assembly adopted </w:t></w:r><w:del w:id="1" w:author="R"><w:r><w:delText>twelve</w:delText></w:r></w:del><w:ins w:id="2" w:author="R"><w:r><w:t>12</w:t></w:r></w:ins><w:r><w:t> resolutions on </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3 May 2011</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p><w:p><w:r><w:t>2. It closed the session.</w:t></w:r></w:p>"#;
    let path = write(
        dir.path(),
        "en.docx",
        &docx(&[("word/document.xml", &document(body))]),
    );
    let out = versalign()
        .args(["parse", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("en.docx: warning: the file has 2 unaccepted tracked change(s)"),
        "{stderr}"
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["blocks"][0]["text"],
        "1. The Assembly adopted 12 resolutions on 3 May 2011."
    );
}

#[test]
fn a_folder_of_word_files_is_checked_and_batched() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for (k, lang) in LANGS.iter().enumerate() {
        std::fs::copy(
            project(&format!("tests/fixtures/docx/clean/{lang}.docx")),
            input.join(format!("version-{k}.docx")),
        )
        .unwrap();
    }
    versalign().arg("check").arg(&input).assert().code(0);
    write(&input, "damaged.docx", b"PK\x03\x04\x14\x00\x06\x00");
    let out = dir.path().join("out");
    versalign()
        .arg("batch")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let summary = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    assert!(
        summary.contains("E/CN.15/2026/L.7") && summary.contains("ar;zh;en;fr;ru;es"),
        "placed by the header read from the Word files: {summary}"
    );
    let unplaceable = std::fs::read_to_string(out.join("unplaceable.csv")).unwrap();
    assert!(
        unplaceable.contains("damaged.docx") && unplaceable.contains("not a complete ZIP archive"),
        "{unplaceable}"
    );
}

/// The printed labels (`5.`, `(a)`, `b)`) that open lines of `text`, in order.
fn labels_opening_lines<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<String> {
    let label = regex::Regex::new(r"^(\d{1,2}\.|\(?[a-zа-я]\))\s").unwrap();
    lines
        .filter_map(|l| label.captures(l.trim_start()).map(|c| c[1].to_string()))
        .collect()
}

/// The automatic numbers evaluated from numbering.xml are the ones LibreOffice printed in the
/// PDF made from the same file (tests/fixtures/pdf), restarts and overrides of the review set
/// included (zh 3 → 5, ru 9, 9, fr a, b, d).
#[test]
fn numbers_evaluated_from_word_are_the_ones_printed() {
    if !crate::util::tool_available("pdftotext", &["-v"]) {
        return;
    }
    for set in ["clean", "review"] {
        for lang in ["en", "es", "fr", "ru", "zh"] {
            let pdf = project(&format!("tests/fixtures/pdf/{set}/{lang}.pdf"));
            let printed = std::process::Command::new("pdftotext")
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            let printed = String::from_utf8(printed.stdout).unwrap();
            let doc: Value = serde_json::from_str(&stdout_of(
                versalign()
                    .args(["parse", "--json"])
                    .arg(project(&format!("tests/fixtures/docx/{set}/{lang}.docx"))),
            ))
            .unwrap();
            let read: Vec<&str> = doc["blocks"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|b| b["kind"] == "paragraph" || b["kind"] == "subparagraph")
                .map(|b| b["text"].as_str().unwrap())
                .collect();
            let printed = labels_opening_lines(printed.lines());
            assert!(printed.len() >= 20, "{set}/{lang}: {printed:?}");
            assert_eq!(
                labels_opening_lines(read.into_iter()),
                printed,
                "{set}/{lang}"
            );
        }
    }
}

//! PDF versions: the demo corpus as PDF files (tests/fixtures/pdf, printed by LibreOffice
//! through scripts/make-fixtures.py) checks like its text versions, findings name the page and
//! line, batch places PDF files, and PDFs that cannot be read (poppler missing, a scan, an
//! encrypted or damaged file) are refused in one line with exit code 2.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{project, stdout_of, tool_available, versalign};

use crate::util::{LANGS, check_json, findings_sans_places, row_shapes};

/// Whether poppler's pdftotext is installed (else the test is skipped, see `tool_available`).
fn poppler() -> bool {
    tool_available("pdftotext", &["-v"])
}

/// The six versions of a demo set (`clean`, `review`): the languages in `pdf` as PDF files,
/// the others as text.
fn versions(set: &str, pdf: &[&str]) -> Vec<PathBuf> {
    LANGS
        .iter()
        .map(|l| {
            if pdf.contains(l) {
                project(&format!("tests/fixtures/pdf/{set}/{l}.pdf"))
            } else {
                project(&format!("corpora/demo/{set}/{l}.txt"))
            }
        })
        .collect()
}

/// The same check of a set with the text versions and with `pdf` read from PDF files.
fn assert_pdf_checks_like_text(pdf: &[&str]) {
    for set in ["clean", "review"] {
        let text = check_json(&versions(set, &[]));
        let printed = check_json(&versions(set, pdf));
        assert_eq!(row_shapes(&text), row_shapes(&printed), "{set}: rows");
        assert_eq!(
            findings_sans_places(&text),
            findings_sans_places(&printed),
            "{set}: findings"
        );
        let count = findings_sans_places(&printed).len();
        assert_eq!(count, if set == "clean" { 0 } else { 14 }, "{set}");
    }
}

#[test]
fn pdf_versions_check_like_their_text_versions() {
    if !poppler() {
        return;
    }
    assert_pdf_checks_like_text(&LANGS);
}

#[test]
fn pdf_footnote_markers_bodies_and_furniture_are_read_as_in_the_text() {
    if !poppler() {
        return;
    }
    for lang in LANGS {
        let parse = |path: PathBuf| -> Value {
            let out = stdout_of(versalign().args(["parse", "--json"]).arg(path));
            serde_json::from_str(&out).unwrap()
        };
        let text = parse(project(&format!("corpora/demo/clean/{lang}.txt")));
        let pdf = parse(project(&format!("tests/fixtures/pdf/clean/{lang}.pdf")));
        assert_eq!(pdf["header"]["symbol"], "E/CN.15/2026/L.7", "{lang}");
        assert_eq!(
            pdf["header"]["job_number"], text["header"]["job_number"],
            "{lang}"
        );
        let notes = |d: &Value| -> Vec<(Value, Value)> {
            d["footnotes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| (f["marker"].clone(), f["text"].clone()))
                .collect()
        };
        assert_eq!(notes(&pdf), notes(&text), "{lang}: footnote bodies");
        let refs = |d: &Value| -> Vec<Value> {
            d["blocks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b["footnote_refs"].clone())
                .collect()
        };
        assert_eq!(refs(&pdf), refs(&text), "{lang}: markers in the blocks");
    }
}

#[test]
fn findings_on_pdf_files_name_the_page_and_line() {
    if !poppler() {
        return;
    }
    let doc = check_json(&versions("review", &["es", "zh"]));
    let missing = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "paragraph-missing")
        .expect("the paragraph deleted from zh");
    assert_eq!(missing["languages"], serde_json::json!(["zh"]));
    // Operative paragraph 4 opens on line 20 of the second page of the Spanish PDF.
    assert_eq!(missing["places"]["es"], "page 2, line 20");
    let message = missing["message"].as_str().unwrap();
    assert!(
        message.contains("paragraph 4 of es (page 2, line 20) has no counterpart in zh"),
        "{message}"
    );
    let report = versalign()
        .arg("check")
        .args(versions("review", &["es", "zh"]))
        .output()
        .unwrap();
    assert_eq!(report.status.code(), Some(1));
    let report = String::from_utf8(report.stdout).unwrap();
    assert!(
        report.contains("es page 2, line 20: 4. Recomienda"),
        "{report}"
    );
}

#[test]
fn batch_places_pdf_files_by_name_and_by_header() {
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let copy = |lang: &str, to: &str| {
        let to = input.join(to);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(project(&format!("tests/fixtures/pdf/clean/{lang}.pdf")), to).unwrap();
    };
    copy("es", "A_RES_80_1-ES.pdf");
    copy("ru", "A_RES_80_1-RU.pdf");
    copy("en", "loose/version-1.pdf");
    copy("zh", "loose/version-2.pdf");
    let out = dir.path().join("out");
    stdout_of(versalign().arg("batch").arg(&input).arg("-o").arg(&out));
    let summary = fs::read_to_string(out.join("summary.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(summary.as_bytes());
    let rows: Vec<(String, String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[1].to_string(), r[5].to_string())
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("A/RES/80/1".into(), "ru;es".into(), "0".into()),
            ("E/CN.15/2026/L.7".into(), "zh;en".into(), "0".into()),
        ],
        "{summary}"
    );
    let unplaceable = fs::read_to_string(out.join("unplaceable.csv")).unwrap();
    assert_eq!(unplaceable.lines().count(), 1, "{unplaceable}");
}

/// A PDF written by hand: one empty A4 page (no text layer), `extra` objects and trailer keys.
fn hand_made_pdf(extra: &str, trailer: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n\
         2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
         3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n{extra}\
         trailer<</Root 1 0 R{trailer}>>\n%%EOF\n"
    )
    .into_bytes()
}

/// `parse` of a file with these bytes: exit code and standard error.
fn refusal(dir: &Path, name: &str, bytes: &[u8]) -> (Option<i32>, String) {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    let out = versalign().arg("parse").arg(&path).output().unwrap();
    assert!(out.stdout.is_empty());
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn unreadable_pdfs_are_refused_in_one_line_naming_the_file() {
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (code, scan) = refusal(dir.path(), "scan.pdf", &hand_made_pdf("", ""));
    assert_eq!(code, Some(2));
    assert_eq!(scan.lines().count(), 1, "{scan}");
    assert!(
        scan.contains("scan.pdf: no text layer") && scan.contains("OCR"),
        "{scan}"
    );

    let encrypt = format!(
        "4 0 obj<</Filter/Standard/V 1/R 2/O <{}>/U <{}>/P -4>>endobj\n",
        "11".repeat(32),
        "22".repeat(32)
    );
    let id =
        "/Encrypt 4 0 R/ID[<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>]";
    let (code, encrypted) = refusal(dir.path(), "ru.pdf", &hand_made_pdf(&encrypt, id));
    assert_eq!(code, Some(2));
    assert_eq!(encrypted.lines().count(), 1, "{encrypted}");
    assert!(
        encrypted.contains("ru.pdf: the PDF is encrypted") && encrypted.contains("password"),
        "{encrypted}"
    );

    let (code, damaged) = refusal(dir.path(), "fr.pdf", b"%PDF-1.4\nnot a PDF after all\n");
    assert_eq!(code, Some(2));
    assert_eq!(damaged.lines().count(), 1, "{damaged}");
    assert!(
        damaged.contains("fr.pdf: not a readable PDF") && damaged.contains("get it again"),
        "{damaged}"
    );

    let mut cut = fs::read(project("tests/fixtures/pdf/clean/en.pdf")).unwrap();
    cut.truncate(cut.len() / 3);
    let (code, cut) = refusal(dir.path(), "en.pdf", &cut);
    assert_eq!(code, Some(2), "{cut}");
    assert_eq!(cut.lines().count(), 1, "{cut}");
    assert!(cut.contains("en.pdf: "), "{cut}");
}

#[test]
fn without_poppler_a_pdf_is_refused_with_the_package_to_install() {
    let out = versalign()
        .env("PATH", "")
        .arg("check")
        .args(versions("clean", &["zh"]))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("zh.pdf: reading a PDF needs pdftotext"),
        "{stderr}"
    );
    for install in [
        "apt install poppler-utils",
        "brew install poppler",
        "choco install poppler",
    ] {
        assert!(stderr.contains(install), "{stderr}");
    }
}

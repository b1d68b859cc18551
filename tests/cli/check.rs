//! `versalign check` and `versalign align` on the demo corpus: every deliberate mismatch found,
//! nothing on the clean set, output formats and exit codes.

use std::collections::BTreeSet;

use predicates::prelude::*;
use serde_json::Value;

use crate::util::{project, versalign};

fn check_json(dir: &str) -> (Value, i32) {
    let out = versalign()
        .current_dir(project(""))
        .args(["check", "--json", dir])
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    (
        serde_json::from_slice(&out.stdout).expect("valid JSON"),
        code,
    )
}

/// Every row of `corpora/demo/README.md`'s table: (language, code).
const DELIBERATE: &[(&str, &str)] = &[
    ("zh", "header-mismatch"),
    ("zh", "paragraph-missing"),
    ("zh", "number-mismatch"),
    ("zh", "untranslated"),
    ("fr", "date-mismatch"),
    ("fr", "numbering-gap"),
    ("ru", "paragraph-extra"),
    ("ru", "numbering-duplicate"),
    ("en", "footnote-ref-moved"),
    ("en", "footnote-content"),
    ("ar", "footnote-missing"),
    ("ar", "footnote-orphan"),
];

#[test]
fn every_deliberate_mismatch_is_found_and_named_by_its_version() {
    let (doc, code) = check_json("corpora/demo/review");
    assert_eq!(code, 1, "error-level findings give exit code 1");
    let found: BTreeSet<(String, String)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            let code = f["code"].as_str().unwrap().to_string();
            f["languages"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |l| (l.as_str().unwrap().to_string(), code.clone()))
        })
        .collect();
    for (lang, code) in DELIBERATE {
        assert!(
            found.contains(&(lang.to_string(), code.to_string())),
            "{code} in {lang} not found: {found:?}"
        );
    }
    // The original (es) is never blamed: the other versions agree with it.
    assert!(found.iter().all(|(lang, _)| lang != "es"), "{found:?}");
    // Lines are given for the versions concerned.
    let missing = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "paragraph-missing")
        .unwrap();
    assert_eq!(missing["lines"]["es"], 72);
    assert_eq!(missing["lines"]["zh"], 70);
}

#[test]
fn the_clean_set_has_no_findings() {
    let (doc, code) = check_json("corpora/demo/clean");
    assert_eq!(code, 0);
    assert_eq!(
        doc["findings"].as_array().unwrap().len(),
        0,
        "{}",
        doc["findings"]
    );
    versalign()
        .current_dir(project(""))
        .args(["check", "corpora/demo/clean"])
        .assert()
        .success()
        .stdout(predicate::str::ends_with("no findings\n"));
}

#[test]
fn report_snapshot() {
    let out = versalign()
        .current_dir(project(""))
        .args(["check", "corpora/demo/review"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(
        "check_demo_review_report",
        String::from_utf8(out.stdout).unwrap()
    );
}

#[test]
fn colour_only_on_request_or_terminal() {
    let plain = versalign()
        .current_dir(project(""))
        .args(["check", "corpora/demo/review"])
        .output()
        .unwrap();
    assert!(!plain.stdout.contains(&0x1b));
    let forced = versalign()
        .current_dir(project(""))
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .args(["check", "corpora/demo/review"])
        .output()
        .unwrap();
    assert!(forced.stdout.contains(&0x1b), "colour when forced");
}

#[test]
fn json_document_shape() {
    let (doc, _) = check_json("corpora/demo/review");
    assert_eq!(
        doc["pivot"], "es",
        "the original language named in the headers"
    );
    let versions: Vec<&str> = doc["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["language"].as_str().unwrap())
        .collect();
    assert_eq!(versions, vec!["es", "ar", "zh", "en", "fr", "ru"]);
    let row = &doc["rows"][0];
    for key in ["row", "kind", "label", "method", "score", "cells"] {
        assert!(row.get(key).is_some(), "rows[].{key}");
    }
    let cell = &row["cells"]["es"];
    assert!(cell["ids"].is_array() && cell["line"].is_u64() && cell["text"].is_string());
    let methods: BTreeSet<&str> = doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["method"].as_str().unwrap())
        .collect();
    assert!(
        methods.contains("number") && methods.contains("footnote") && methods.contains("dp"),
        "{methods:?}"
    );
    let null_cells = doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["cells"]["zh"].is_null())
        .count();
    assert!(null_cells >= 1, "the missing zh paragraph is a null cell");
    let finding = &doc["findings"][0];
    for key in ["code", "severity", "languages", "row", "lines", "message"] {
        assert!(finding.get(key).is_some(), "findings[].{key}");
    }
    assert_eq!(doc["summary"]["paragraph-missing"], 1);
}

#[test]
fn csv_columns_bom_tsv_and_output_file() {
    let out = versalign()
        .current_dir(project(""))
        .args([
            "align",
            "corpora/demo/clean/es.txt",
            "corpora/demo/clean/zh.txt",
            "corpora/demo/clean/en.txt",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().next().unwrap();
    assert_eq!(
        header,
        "row,kind,label,method,score,es,zh,en,es_line,zh_line,en_line,findings"
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.iter().any(|r| r[1] == *"subparagraph" && r[2] == *"b"));
    assert!(rows.iter().all(|r| r.len() == 12));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("aligned.tsv");
    versalign()
        .current_dir(project(""))
        .args(["align", "--format", "tsv", "--bom", "-o"])
        .arg(&path)
        .args(["corpora/demo/clean/es.txt", "corpora/demo/clean/fr.txt"])
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let written = std::fs::read(&path).unwrap();
    assert!(written.starts_with("\u{FEFF}row\tkind\tlabel".as_bytes()));
}

#[test]
fn usage_errors_exit_with_2() {
    versalign()
        .current_dir(project(""))
        .args(["check", "corpora/demo/clean/es.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("two to six files"));
    versalign()
        .current_dir(project(""))
        .args([
            "check",
            "corpora/demo/clean/es.txt",
            "corpora/demo/review/es.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("two versions are in es"));
    versalign()
        .current_dir(project(""))
        .args([
            "check",
            "--pivot",
            "ru",
            "corpora/demo/clean/es.txt",
            "corpora/demo/clean/en.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no version in ru"));
}

/// A folder holding a damaged Word file beside the text versions: the Word file is named with
/// what to do, not skipped; a PDF given by name is refused the same way.
#[test]
fn office_files_are_named_not_skipped() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["es", "en"] {
        std::fs::copy(
            project(&format!("corpora/demo/clean/{lang}.txt")),
            dir.path().join(format!("{lang}.txt")),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("zh.docx"), b"PK\x03\x04\x14\x00\x06\x00").unwrap();
    std::fs::write(dir.path().join("SOURCE.md"), "notes, not a version").unwrap();
    versalign()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "zh.docx: not a complete ZIP archive",
        ))
        .stderr(predicate::str::contains("save it again as .docx"));
    std::fs::remove_file(dir.path().join("zh.docx")).unwrap();
    versalign().arg("check").arg(dir.path()).assert().code(0);
    std::fs::write(dir.path().join("fr.pdf"), b"%PDF-1.5\n").unwrap();
    versalign()
        .arg("check")
        .arg(dir.path().join("es.txt"))
        .arg(dir.path().join("fr.pdf"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("fr.pdf: PDF"))
        .stderr(predicate::str::contains("pdftotext"));
}

#[test]
fn pivot_can_be_chosen() {
    let out = versalign()
        .current_dir(project(""))
        .args([
            "check",
            "--json",
            "--pivot",
            "en",
            "corpora/demo/review/es.txt",
            "corpora/demo/review/en.txt",
            "corpora/demo/review/zh.txt",
        ])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["pivot"], "en");
    assert_eq!(doc["versions"][0]["language"], "en");
}

//! One cause, one finding: the findings an edit implies are folded into the finding of the edit
//! (listed in JSON as `related`), on copies of the demo's clean set with one edit each.

use std::path::Path;

use serde_json::Value;

use crate::util::{project, versalign};

/// The clean demo set in a temporary folder, with `edit` applied to the text of `lang`.
fn edited(lang: &str, edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for l in ["ar", "en", "es", "fr", "ru", "zh"] {
        let text =
            std::fs::read_to_string(project(&format!("corpora/demo/clean/{l}.txt"))).unwrap();
        let text = if l == lang { edit(&text) } else { text };
        std::fs::write(dir.path().join(format!("{l}.txt")), text).unwrap();
    }
    dir
}

/// `check --json` of a folder: the findings and standard error.
fn findings_of(dir: &Path) -> (Vec<Value>, String) {
    let out = versalign()
        .arg("check")
        .arg("--json")
        .arg(dir)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    (
        json["findings"].as_array().unwrap().clone(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn codes(findings: &[Value]) -> Vec<&str> {
    findings
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect()
}

#[test]
fn a_dropped_footnote_marker_is_one_finding() {
    let dir = edited("ru", |t| t.replacen("ценностям5 или", "ценностям или", 1));
    let (findings, stderr) = findings_of(dir.path());
    assert_eq!(codes(&findings), ["footnote-ref-missing"], "{findings:#?}");
    let related = findings[0]["related"].as_array().unwrap();
    assert_eq!(codes(related), ["footnote-unreferenced"]);
    assert_eq!(related[0]["languages"][0], "ru");
    assert!(!stderr.contains("not referenced"), "{stderr}");
}

#[test]
fn numbers_shifted_after_a_repeated_one_are_one_finding() {
    // ru numbers its fourth paragraph 3 again and goes on from there: 1 2 3 3 4 5 … 13.
    let dir = edited("ru", |t| {
        t.lines()
            .map(|line| {
                let number = line
                    .split_once(". ")
                    .and_then(|(n, _)| n.parse::<u32>().ok());
                match number {
                    Some(n) if n >= 4 => format!("{}.{}", n - 1, &line[n.to_string().len() + 1..]),
                    _ => line.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    let (findings, _) = findings_of(dir.path());
    assert_eq!(codes(&findings), ["numbering-duplicate"], "{findings:#?}");
    let message = findings[0]["message"].as_str().unwrap();
    assert!(
        message.contains("11 numbers from there on differ"),
        "{message}"
    );
    let related = codes(findings[0]["related"].as_array().unwrap());
    assert_eq!(related, ["numbering-mismatch"; 11]);
}

#[test]
fn the_report_and_csv_show_the_one_finding() {
    let dir = edited("ru", |t| t.replacen("ценностям5 или", "ценностям или", 1));
    let out = versalign()
        .args(["check", "--sort", "code"])
        .arg(dir.path())
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("footnote-ref-missing (1)"), "{report}");
    assert!(!report.contains("footnote-unreferenced"), "{report}");
    let out = versalign().arg("align").arg(dir.path()).output().unwrap();
    let csv = String::from_utf8_lossy(&out.stdout);
    assert_eq!(csv.matches("footnote-ref-missing").count(), 1, "{csv}");
    assert!(!csv.contains("footnote-unreferenced"), "{csv}");
}

#[test]
fn a_version_of_another_symbol_is_one_document_mismatch() {
    let dir = edited("zh", |t| t.replace("E/CN.15/2026/L.7", "E/CN.15/2026/L.9"));
    let (findings, _) = findings_of(dir.path());
    assert_eq!(codes(&findings), ["document-mismatch"], "{findings:#?}");
    assert_eq!(findings[0]["languages"], serde_json::json!(["zh"]));
    let message = findings[0]["message"].as_str().unwrap();
    assert!(message.contains("E/CN.15/2026/L.9"), "{message}");
    let related = codes(findings[0]["related"].as_array().unwrap());
    assert!(related.contains(&"header-mismatch"), "{related:?}");
}

#[test]
fn a_version_of_another_document_is_one_document_mismatch() {
    // The seed (another draft resolution, no symbol in its masthead) among the demo's versions.
    let Some(corpora) = crate::util::corpora() else {
        return;
    };
    let seed = std::fs::read_to_string(corpora.join("seed/zh.txt")).unwrap();
    let dir = edited("zh", |_| seed.clone());
    let (findings, _) = findings_of(dir.path());
    assert_eq!(codes(&findings), ["document-mismatch"], "{findings:#?}");
    assert_eq!(findings[0]["languages"], serde_json::json!(["zh"]));
    assert!(findings[0]["related"].as_array().unwrap().len() > 50);
}

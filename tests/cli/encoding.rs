//! `--encoding ENC`: wherever versions are read (check, align, parse, sentalign, batch) the
//! encoding given is used instead of the one detected; an unknown label is a usage error that
//! lists labels to use.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{project, stdout_of, versalign};

/// The demo's version in `lang` saved in Windows-1252 under `dir`.
fn in_windows_1252(dir: &Path, lang: &str) -> PathBuf {
    let text = fs::read_to_string(project(&format!("corpora/demo/clean/{lang}.txt"))).unwrap();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    let path = dir.join(format!("{lang}.txt"));
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_forced_encoding_is_read_instead_of_the_detected_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fr.txt");
    fs::write(&path, "1. Résolution adoptée le 5 mai.\n").unwrap();
    let read = |encoding: Option<&str>| -> String {
        let mut cmd = versalign();
        cmd.args(["parse", "--json", "--lang", "fr"]);
        if let Some(e) = encoding {
            cmd.args(["--encoding", e]);
        }
        let doc: Value = serde_json::from_str(&stdout_of(cmd.arg(&path))).unwrap();
        doc["blocks"][0]["text"].as_str().unwrap().to_string()
    };
    assert_eq!(
        read(None),
        "1. Résolution adoptée le 5 mai.",
        "detected: UTF-8"
    );
    // The UTF-8 bytes read as Windows-1252, as told.
    assert_eq!(
        read(Some("windows-1252")),
        "1. RÃ©solution adoptÃ©e le 5 mai."
    );
}

#[test]
fn check_align_and_batch_read_versions_in_the_encoding_given() {
    let dir = tempfile::tempdir().unwrap();
    let fr = in_windows_1252(dir.path(), "fr");
    let en = in_windows_1252(dir.path(), "en");
    let check = versalign()
        .args(["check", "--json", "--encoding", "windows-1252"])
        .arg(&en)
        .arg(&fr)
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let doc: Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(doc["findings"].as_array().unwrap().len(), 0);
    let texts: Vec<&str> = doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["cells"]["fr"]["text"].as_str())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("États Membres")),
        "{texts:?}"
    );

    // Read as Windows-1251 (Cyrillic), the French letters are others: align reads in the
    // encoding given too.
    let csv = stdout_of(
        versalign()
            .args(["align", "--encoding", "windows-1251"])
            .arg(&en)
            .arg(&fr),
    );
    assert!(
        csv.contains("Йtats Membres") && !csv.contains("États"),
        "{csv}"
    );

    // batch: the demo's UTF-8 files read as Windows-1252, as told (É comes out as Ã‰).
    let input = dir.path().join("in/E_CN.15_2026_L.7");
    fs::create_dir_all(&input).unwrap();
    for lang in ["en", "fr"] {
        let from = project(&format!("corpora/demo/clean/{lang}.txt"));
        fs::copy(from, input.join(format!("{lang}.txt"))).unwrap();
    }
    let out = dir.path().join("out");
    stdout_of(
        versalign()
            .arg("batch")
            .arg(dir.path().join("in"))
            .arg("-o")
            .arg(&out)
            .args(["--encoding", "cp1252"]),
    );
    let summary = fs::read_to_string(out.join("summary.csv")).unwrap();
    assert!(summary.contains("E/CN.15/2026/L.7,en;fr,"), "{summary}");
    let aligned = fs::read_to_string(out.join("aligned.csv")).unwrap();
    assert!(aligned.contains("Ã‰tats Membres"), "{aligned}");
}

#[test]
fn sentalign_reads_sentence_files_in_the_encoding_given() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("en.txt");
    let tgt = dir.path().join("ru.txt");
    fs::write(&src, "The Council met.\nIt adopted a resolution.\n").unwrap();
    let (russian, _, _) = encoding_rs::KOI8_R.encode("Совет собрался.\nОн принял резолюцию.\n");
    fs::write(&tgt, russian).unwrap();
    let beads = stdout_of(
        versalign()
            .args(["sentalign", "--src-lang", "en", "--tgt-lang", "ru"])
            .args(["--encoding", "koi8-r"])
            .arg(&src)
            .arg(&tgt),
    );
    assert_eq!(beads, "[0]:[0]\n[1]:[1]\n");
}

#[test]
fn an_unknown_encoding_is_a_usage_error_listing_labels() {
    let out = versalign()
        .args(["check", "--encoding", "latin-9x"])
        .arg(project("corpora/demo/clean/en.txt"))
        .arg(project("corpora/demo/clean/fr.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("unknown encoding `latin-9x`"), "{stderr}");
    for label in ["windows-1252", "gbk", "big5", "utf-16le"] {
        assert!(stderr.contains(label), "{stderr}");
    }

    let dir = tempfile::tempdir().unwrap();
    let fr = in_windows_1252(dir.path(), "fr");
    let refused = versalign()
        .args(["parse", "--encoding", "utf-8"])
        .arg(&fr)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8(refused.stderr).unwrap();
    assert!(
        stderr.contains("fr.txt: not valid UTF-8 at byte offset"),
        "{stderr}"
    );
}

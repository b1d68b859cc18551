//! `versalign align --format tmx`: the file is valid against the TMX 1.4b DTD (xmllint), an
//! independent reader (translate-toolkit, through scripts/read_tmx.py) finds the same units,
//! languages and texts as the CSV table, at paragraph and sentence level, on the demo corpus and
//! on a real UN document; the demo's TMX is kept as a snapshot.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{corpora, project, stdout_of, tool_available, versalign};

/// The versions of the demo's review set.
fn demo_versions() -> Vec<PathBuf> {
    ["es", "en", "fr", "ru", "ar", "zh"]
        .iter()
        .map(|l| project(&format!("corpora/demo/review/{l}.txt")))
        .collect()
}

/// A translation unit as the CSV gives it: tuid → language → text (languages with text only).
type Units = BTreeMap<String, BTreeMap<String, String>>;

/// The units the TMX must hold, from the CSV of the same alignment: every row, except that a
/// paragraph row followed by its sentence rows is replaced by them.
fn units_of_csv(csv_text: &str) -> Units {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let languages: Vec<(usize, String)> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| h.len() == 2)
        .map(|(i, h)| (i, h.to_string()))
        .collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut units = Units::new();
    for (k, row) in rows.iter().enumerate() {
        let split = rows.get(k + 1).is_some_and(|next| &next[1] == "sentence");
        let tuid = if &row[1] == "sentence" {
            format!("{}.{}", &row[0], &row[2])
        } else if split {
            continue;
        } else {
            row[0].to_string()
        };
        let segs = languages
            .iter()
            .filter(|(i, _)| !row[*i].is_empty())
            .map(|(i, l)| (l.clone(), row[*i].to_string()))
            .collect();
        units.insert(tuid, segs);
    }
    units
}

/// Whether xmllint and translate-toolkit are there (skips the test otherwise).
fn readers_available() -> bool {
    tool_available("xmllint", &["--version"])
        && tool_available("python3", &["-c", "import translate.storage.tmx"])
}

/// Validate a TMX file against the DTD and read it with translate-toolkit.
fn validate_and_read(tmx: &Path) -> Value {
    let valid = std::process::Command::new("xmllint")
        .args(["--noout", "--dtdvalid"])
        .arg(project("tests/fixtures/tmx14b.dtd"))
        .arg(tmx)
        .output()
        .unwrap();
    assert!(
        valid.status.success(),
        "{} is not valid TMX 1.4b: {}",
        tmx.display(),
        String::from_utf8_lossy(&valid.stderr)
    );
    let read = std::process::Command::new("python3")
        .arg(project("scripts/read_tmx.py"))
        .arg(tmx)
        .output()
        .unwrap();
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    serde_json::from_slice(&read.stdout).unwrap()
}

/// Align `versions` as CSV and as TMX at `level`; check the TMX against the CSV. Returns the
/// TMX as read back.
fn tmx_matches_csv(versions: &[PathBuf], level: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let tmx = dir.path().join("out.tmx");
    let csv_text = stdout_of(versalign().args(["align", "--level", level]).args(versions));
    versalign()
        .args(["align", "--format", "tmx", "--level", level, "-o"])
        .arg(&tmx)
        .args(versions)
        .assert()
        .success();
    let read = validate_and_read(&tmx);
    let expected = units_of_csv(&csv_text);
    let found: Units = read["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let segs = u["segs"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(l, t)| (l.clone(), t.as_str().unwrap().to_string()))
                .collect();
            (u["tuid"].as_str().unwrap().to_string(), segs)
        })
        .collect();
    assert_eq!(
        found.len(),
        read["units"].as_array().unwrap().len(),
        "tuids are unique"
    );
    assert_eq!(found, expected, "TMX and CSV hold the same units");
    let segtype = if level == "sentence" {
        "sentence"
    } else {
        "paragraph"
    };
    assert_eq!(read["segtype"], segtype);
    read
}

#[test]
fn demo_tmx_is_valid_and_holds_the_csv_units() {
    if !readers_available() {
        return;
    }
    let read = tmx_matches_csv(&demo_versions(), "paragraph");
    assert_eq!(read["srclang"], "es", "the original (Spanish) is the pivot");
    let units = read["units"].as_array().unwrap();
    assert!(units.len() > 30);
    let complete = units
        .iter()
        .filter(|u| u["segs"].as_object().unwrap().len() == 6)
        .count();
    assert!(
        complete * 10 > units.len() * 8,
        "{complete} of {} units in all six",
        units.len()
    );
    let props = |k: &str| units.iter().filter(|u| !u["props"][k].is_null()).count();
    assert_eq!(props("x-symbol"), units.len());
    assert!(props("x-findings") > 0, "the review set has findings");
    assert!(props("x-footnote") > 0, "footnote rows carry their marker");
    assert!(props("x-label") > 0);
}

#[test]
fn demo_tmx_at_sentence_level_is_valid_and_holds_the_csv_units() {
    if !readers_available() {
        return;
    }
    tmx_matches_csv(&demo_versions(), "sentence");
}

#[test]
fn real_document_tmx_is_valid_and_holds_the_csv_units() {
    let Some(dir) = corpora() else { return };
    if !readers_available() {
        return;
    }
    let udhr: Vec<PathBuf> = ["en", "fr", "es", "ru", "ar", "zh"]
        .iter()
        .map(|l| dir.join(format!("udhr/{l}.txt")))
        .collect();
    tmx_matches_csv(&udhr, "paragraph");
    let read = tmx_matches_csv(&udhr, "sentence");
    let sentences = read["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["tuid"].as_str().unwrap().contains('.'))
        .count();
    assert!(sentences > 0, "udhr has paragraphs of several sentences");
}

#[test]
fn demo_tmx_snapshot() {
    let tmx = stdout_of(
        versalign()
            .args(["align", "--format", "tmx"])
            .args(demo_versions()),
    );
    insta::assert_snapshot!("demo_review_tmx", tmx);
}

#[test]
fn labels_are_in_their_column_unless_kept() {
    let cell = |extra: &[&str]| {
        let csv_text = stdout_of(versalign().arg("align").args(extra).args(demo_versions()));
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let header = reader.headers().unwrap().clone();
        let en = header.iter().position(|h| h == "en").unwrap();
        let ar = header.iter().position(|h| h == "ar").unwrap();
        let first = reader
            .records()
            .map(Result::unwrap)
            .find(|r| &r[1] == "paragraph" && &r[2] == "1")
            .expect("paragraph 1");
        (first[en].to_string(), first[ar].to_string())
    };
    let (en, ar) = cell(&[]);
    assert!(en.starts_with("Urges Member States"), "{en}");
    assert!(!ar.starts_with('1'), "{ar}");
    let (en, ar) = cell(&["--keep-labels"]);
    assert!(en.starts_with("1. Urges"), "{en}");
    assert!(ar.starts_with("1 -") || ar.starts_with("1-"), "{ar}");
}

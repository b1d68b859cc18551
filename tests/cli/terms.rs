//! `versalign terms` (candidate term pairs as CSV and TBX from aligned tables, batch folders and
//! version files) and `check --glossary` / `batch --glossary` (`term-mismatch`) on the demo
//! corpus, on versions altered here, and on the UN dev set when `VERSALIGN_CORPORA` is set.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::util::{corpora, project, stdout_of, tool_available, versalign};

const COLUMNS: &str = "src_term,tgt_term,count,score,src_count,tgt_count,example_symbol,\
                       example_row,example_src,example_tgt";

/// The records of a terms CSV as maps of column to value.
fn records(csv_text: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn has_pair(csv_text: &str, src: &str, tgt: &str) -> bool {
    records(csv_text)
        .iter()
        .any(|r| r["src_term"] == src && r["tgt_term"] == tgt)
}

#[test]
fn terms_of_an_aligned_table_have_the_columns_and_the_known_pair() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("aligned.csv");
    let demo = project("corpora/demo/clean");
    versalign()
        .args(["align", "--bom", "-o"])
        .arg(&table)
        .arg(&demo)
        .assert()
        .success();
    let out = stdout_of(versalign().arg("terms").arg(&table).args([
        "--src",
        "es",
        "--tgt",
        "fr",
        "--min-count",
        "2",
    ]));
    assert_eq!(out.lines().next(), Some(COLUMNS));
    assert!(
        has_pair(&out, "bienes culturales", "biens culturels"),
        "{out}"
    );
    let rows = records(&out);
    let best = &rows[0];
    assert!(best["example_src"].contains(&best["src_term"]));
    assert!(best["example_tgt"].contains(&best["tgt_term"]));
    let counts = |k: &str| best[k].parse::<u32>().unwrap();
    assert!(counts("count") <= counts("src_count").min(counts("tgt_count")));
    let scores: Vec<f64> = rows.iter().map(|r| r["score"].parse().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");
    let top = stdout_of(
        versalign()
            .arg("terms")
            .arg(&table)
            .args(["--src", "es", "--tgt", "fr", "--top", "3"]),
    );
    assert_eq!(records(&top).len(), 3);
}

#[test]
fn version_files_and_batch_folders_give_terms_too() {
    let demo = project("corpora/demo/clean");
    let out = stdout_of(versalign().arg("terms").arg(&demo).args([
        "--src",
        "en",
        "--tgt",
        "zh",
        "--min-count",
        "2",
    ]));
    assert!(has_pair(&out, "cultural property", "文化财产"), "{out}");
    assert!(has_pair(&out, "Member States", "会员国"), "{out}");

    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("out");
    versalign()
        .arg("batch")
        .arg(&demo)
        .arg("-o")
        .arg(&batch)
        .assert()
        .success();
    let out = stdout_of(versalign().arg("terms").arg(&batch).args([
        "--src",
        "es",
        "--tgt",
        "ru",
        "--min-count",
        "2",
    ]));
    let rows = records(&out);
    assert!(
        rows.iter()
            .all(|r| r["example_symbol"] == "E/CN.15/2026/L.7"),
        "the symbol column of aligned.csv names the document"
    );
    assert!(
        has_pair(&out, "Estados Miembros", "государствам-членам")
            || has_pair(&out, "Estados Miembros", "государства-члены"),
        "{out}"
    );
}

#[test]
fn tbx_output_is_well_formed_with_one_entry_per_pair() {
    let dir = tempfile::tempdir().unwrap();
    let tbx = dir.path().join("terms.tbx");
    let csv = dir.path().join("terms.csv");
    let demo = project("corpora/demo/clean");
    for out in [&tbx, &csv] {
        versalign()
            .arg("terms")
            .arg(&demo)
            .args(["--src", "en", "--tgt", "ar", "--min-count", "2", "-o"])
            .arg(out)
            .assert()
            .success();
    }
    let text = fs::read_to_string(&tbx).unwrap();
    let pairs = records(&fs::read_to_string(&csv).unwrap()).len();
    assert!(pairs > 5);
    assert!(text.starts_with(r#"<?xml version="1.0" encoding="UTF-8"?>"#));
    assert_eq!(text.matches("<termEntry ").count(), pairs);
    assert_eq!(text.matches(r#"<langSet xml:lang="ar">"#).count(), pairs);
    assert!(text.contains("<term>cultural property</term>"), "{text}");
    if tool_available("xmllint", &["--version"]) {
        versalign_xmllint(&tbx);
    }
}

fn versalign_xmllint(file: &Path) {
    let status = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg(file)
        .status()
        .unwrap();
    assert!(status.success(), "xmllint --noout {}", file.display());
}

#[test]
fn bad_inputs_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("t.csv");
    fs::write(&table, "row,kind,en\n1,text,One\n").unwrap();
    let out = versalign()
        .arg("terms")
        .arg(&table)
        .args(["--src", "en", "--tgt", "fr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("t.csv: line 1: no `fr` column"), "{err}");
    let same = versalign()
        .arg("terms")
        .arg(&table)
        .args(["--src", "en", "--tgt", "en"])
        .output()
        .unwrap();
    assert_eq!(same.status.code(), Some(2));
}

/// The clean demo versions in a temporary folder, with `edits` (language, from, to) applied to
/// the first line of each version that holds `from`; returns the folder and the edited lines.
fn altered(edits: &[(&str, &str, &str)]) -> (tempfile::TempDir, BTreeMap<String, usize>) {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = BTreeMap::new();
    for lang in ["ar", "zh", "en", "fr", "ru", "es"] {
        let clean = fs::read_to_string(project(&format!("corpora/demo/clean/{lang}.txt"))).unwrap();
        let mut text: Vec<String> = clean.lines().map(str::to_string).collect();
        for (l, from, to) in edits.iter().filter(|(l, _, _)| *l == lang) {
            let k = text
                .iter()
                .position(|line| line.contains(from))
                .unwrap_or_else(|| panic!("{from} in {l}"));
            text[k] = text[k].replacen(from, to, 1);
            lines.insert(lang.to_string(), k + 1);
        }
        fs::write(
            dir.path().join(format!("{lang}.txt")),
            text.join("\n") + "\n",
        )
        .unwrap();
    }
    (dir, lines)
}

fn term_findings(dir: &Path) -> (Vec<Value>, i32) {
    let out = versalign()
        .args(["check", "--json", "--glossary"])
        .arg(project("corpora/demo/glossary.csv"))
        .arg(dir)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let findings = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "term-mismatch")
        .cloned()
        .collect();
    (findings, out.status.code().unwrap())
}

#[test]
fn the_clean_demo_matches_its_glossary() {
    let (findings, code) = term_findings(&project("corpora/demo/clean"));
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(code, 0);
}

#[test]
fn wrong_and_deprecated_renderings_are_reported_on_their_row() {
    let (dir, lines) = altered(&[
        ("fr", "biens culturels", "propriété culturelle"),
        ("zh", "互联网", "因特网"),
        ("en", "Urges Member States", "Urges member countries"),
    ]);
    let (findings, code) = term_findings(dir.path());
    assert_eq!(code, 1, "term-mismatch is an error");
    for (lang, needle) in [
        ("fr", "«propriété culturelle», deprecated"),
        ("zh", "«因特网», deprecated"),
        (
            "en",
            "none of the glossary renderings of es «Estados Miembros»",
        ),
    ] {
        let f = findings
            .iter()
            .find(|f| f["languages"][0] == lang)
            .unwrap_or_else(|| panic!("no term-mismatch for {lang}: {findings:?}"));
        let message = f["message"].as_str().unwrap();
        assert!(message.contains(needle), "{message}");
        assert_eq!(f["severity"], "error");
        assert_eq!(f["lines"][lang].as_u64(), Some(lines[lang] as u64), "{f}");
    }
    assert_eq!(findings.len(), 3, "{findings:?}");
}

#[test]
fn malformed_glossaries_are_errors_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let demo = project("corpora/demo/clean");
    for (text, expected) in [
        ("id,note\nc1,x\n", "line 1: no language column"),
        (
            "en,fr\nhuman rights,droits de l'homme\nsecurity\n",
            "line 3: 1 fields",
        ),
        (
            "en,fr,status\nhuman rights,droits de l'homme,\nx,y,obsolete\n",
            "line 3: unknown status `obsolete`",
        ),
    ] {
        let glossary = dir.path().join("glossary.csv");
        fs::write(&glossary, text).unwrap();
        let out = versalign()
            .args(["check", "--glossary"])
            .arg(&glossary)
            .arg(&demo)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{text}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("glossary.csv: ") && err.contains(expected),
            "{err}"
        );
    }
}

#[test]
fn batch_checks_the_glossary_in_every_document() {
    let (dir, _) = altered(&[("fr", "biens culturels", "propriété culturelle")]);
    let out = tempfile::tempdir().unwrap();
    versalign()
        .arg("batch")
        .arg(dir.path())
        .arg("-o")
        .arg(out.path())
        .arg("--glossary")
        .arg(project("corpora/demo/glossary.csv"))
        .assert()
        .success();
    let aligned = fs::read_to_string(out.path().join("aligned.csv")).unwrap();
    assert!(aligned.contains("term-mismatch"), "{aligned}");
}

#[test]
fn unpc_devset_gives_the_security_council() {
    let Some(dir) = corpora() else { return };
    let dev = dir.join("unpc-devset");
    let read = |l: &str| fs::read_to_string(dev.join(format!("{l}.txt"))).unwrap();
    let (en, zh) = (read("en"), read("zh"));
    let tmp = tempfile::tempdir().unwrap();
    let table = tmp.path().join("en-zh.csv");
    let mut writer = csv::Writer::from_path(&table).unwrap();
    writer.write_record(["row", "kind", "en", "zh"]).unwrap();
    for (i, (e, z)) in en.lines().zip(zh.lines()).enumerate() {
        writer
            .write_record([&(i + 1).to_string(), "text", e, z])
            .unwrap();
    }
    writer.flush().unwrap();
    let out = stdout_of(
        versalign()
            .arg("terms")
            .arg(&table)
            .args(["--src", "en", "--tgt", "zh", "--top", "100"]),
    );
    assert!(has_pair(&out, "Security Council", "安全理事会"), "{out}");
    assert!(has_pair(&out, "Member States", "会员国"), "{out}");
}

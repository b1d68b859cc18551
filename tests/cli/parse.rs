//! `versalign parse`: help, JSON shape, encodings and bad input.

use predicates::prelude::*;
use serde_json::Value;

use crate::util::{project, stdout_of, versalign};

#[test]
fn every_command_has_help_and_the_binary_a_version() {
    versalign()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains("versalign 0."));
    for command in ["parse", "check", "align", "batch", "merge"] {
        versalign()
            .args([command, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage: versalign"));
    }
    versalign().assert().failure().code(2);
    versalign()
        .args(["parse", "--lang", "de", "x.txt"])
        .assert()
        .code(2);
}

#[test]
fn json_has_the_documented_fields() {
    let out = stdout_of(
        versalign()
            .args(["parse", "--json"])
            .arg(project("corpora/demo/clean/en.txt")),
    );
    let doc: Value = serde_json::from_str(&out).expect("valid JSON");
    for key in [
        "file",
        "language",
        "language_confidence",
        "header",
        "blocks",
        "footnotes",
        "removed",
        "warnings",
    ] {
        assert!(doc.get(key).is_some(), "missing {key}");
    }
    let header = &doc["header"];
    for key in [
        "symbol",
        "distribution",
        "date",
        "original_language",
        "job_number",
        "session",
        "agenda_item",
    ] {
        assert!(header.get(key).is_some(), "missing header.{key}");
    }
    assert_eq!(header["symbol"], "E/CN.15/2026/L.7");
    assert_eq!(header["original_language"], "es");
    assert_eq!(header["job_number"], "26-08123 (E)");
    let block = &doc["blocks"][0];
    for key in [
        "id",
        "kind",
        "label",
        "parent",
        "text",
        "line",
        "footnote_refs",
    ] {
        assert!(block.get(key).is_some(), "missing blocks[0].{key}");
    }
    assert!(block["label"].is_null() && block["parent"].is_null());
    assert!(block.get("tokens").is_none(), "tokens only with --tokens");
    let star = doc["footnotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["marker"] == "*")
        .expect("asterisk note");
    assert_eq!(star["referenced_from"].as_array().unwrap().len(), 1);
    let removed = doc["removed"].as_array().unwrap();
    assert!(
        removed
            .iter()
            .any(|r| r["reason"] == "barcode" && r["text"] == "*2608123*")
    );
    assert!(removed.iter().any(|r| r["reason"] == "running-head"));
    assert!(removed.iter().any(|r| r["reason"] == "footnote-rule"));
    assert!(removed.iter().any(|r| r["reason"] == "page-number"));
}

#[test]
fn json_snapshot_of_a_demo_version() {
    let out = stdout_of(versalign().current_dir(project("")).args([
        "parse",
        "--json",
        "corpora/demo/clean/zh.txt",
    ]));
    insta::assert_snapshot!("parse_demo_zh_json", out);
}

#[test]
fn outline_lists_blocks_and_footnotes() {
    let out = stdout_of(
        versalign()
            .current_dir(project(""))
            .args(["parse", "corpora/demo/clean/fr.txt"]),
    );
    insta::assert_snapshot!("parse_demo_fr_outline", out);
}

#[test]
fn tokens_for_chinese_blocks() {
    let out = stdout_of(
        versalign()
            .args(["parse", "--json", "--tokens"])
            .arg(project("corpora/demo/clean/zh.txt")),
    );
    let doc: Value = serde_json::from_str(&out).unwrap();
    let tokens: Vec<&str> = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| {
            b["tokens"]
                .as_array()
                .expect("every zh block has tokens")
                .iter()
                .map(|t| t.as_str().unwrap())
        })
        .collect();
    assert!(tokens.contains(&"会员国"));
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn encodings_and_line_ends() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Distr.: General\r\n12 May 2026\r\nOriginal: English\r\n\r\nThe General Assembly,\r\n\r\nRecalling its resolution 70/1,\r\n\r\n1. Decides to act.\r\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    let cr = text.replace("\r\n", "\r");
    for (name, bytes) in [
        ("utf16le.txt", utf16),
        ("utf16be.txt", utf16be),
        ("bom.txt", bom),
        ("cr.txt", cr.into_bytes()),
    ] {
        let path = write(&dir, name, &bytes);
        let doc: Value =
            serde_json::from_str(&stdout_of(versalign().args(["parse", "--json"]).arg(&path)))
                .unwrap();
        assert_eq!(doc["header"]["date"], "2026-05-12", "{name}");
        let kinds: Vec<&str> = doc["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, vec!["text", "preamble", "paragraph"], "{name}");
    }
    let (gb, _, _) = encoding_rs::GB18030
        .encode("经济及社会理事会，\n\n回顾大会第70/1号决议，\n\n1. 决定采取行动。\n");
    let path = write(&dir, "gb.txt", &gb);
    let doc: Value =
        serde_json::from_str(&stdout_of(versalign().args(["parse", "--json"]).arg(&path))).unwrap();
    assert_eq!(doc["language"], "zh");
    assert_eq!(doc["blocks"][1]["kind"], "preamble");
}

#[test]
fn unreadable_input_is_a_one_line_error_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(&dir, "empty.txt", b"");
    let binary = write(
        &dir,
        "image.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    );
    let mut truncated = "Recalling its resolution 70/1 of 25 September 2015 大"
        .as_bytes()
        .to_vec();
    truncated.pop();
    let truncated = write(&dir, "cut.txt", &truncated);
    let latin1 = write(
        &dir,
        "latin1.txt",
        b"Original: espa\xf1ol\nRecordando su resoluci\xf3n\n",
    );
    // A Windows-1252 export is read as such (Word's "Plain Text" on a Spanish Windows).
    let out = versalign()
        .args(["parse", "--json"])
        .arg(&latin1)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Recordando su resolución")
    );
    let undecodable = write(
        &dir,
        "mixed.txt",
        b"Texto \xff\xfe\x81\x8d en \xe9\x80\x81.\n",
    );
    for (path, message) in [
        (&empty, "empty"),
        (&binary, "binary data, not text (byte offset 8)"),
        (&truncated, "truncated UTF-8 character at byte offset 51"),
        (&undecodable, "invalid UTF-8 at byte offset 6"),
    ] {
        let out = versalign().arg("parse").arg(path).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", path.display());
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains(&path.display().to_string()) && stderr.contains(message),
            "{stderr}"
        );
    }
    versalign()
        .args(["parse", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.txt"));
}

#[test]
fn odd_but_readable_input_warns_and_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let furniture = write(
        &dir,
        "furniture.txt",
        b"V.11-82153 (C)\n*1182153*\n\nE/CN.15/2011/L.3/Rev.1\n\n2\n",
    );
    versalign()
        .arg("parse")
        .arg(&furniture)
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: no body text"))
        .stdout(predicate::str::contains(
            "0 blocks, 0 footnotes, 2 lines removed",
        ))
        .stdout(predicate::str::contains("language zh"))
        .stdout(predicate::str::contains("symbol E/CN.15/2011/L.3/Rev.1"))
        .stdout(predicate::str::contains("job V.11-82153 (C)"));
    let long = "the right to development of all peoples ".repeat(250_000);
    let path = write(&dir, "long.txt", long.as_bytes());
    versalign()
        .arg("parse")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 blocks, 0 footnotes"));
}

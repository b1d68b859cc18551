//! Inputs of the fuzz targets (`fuzz/`) replayed through the real binary: every file under
//! `tests/fuzz/<target>/` — hostile inputs written by hand, and any input a fuzz run found to
//! crash — must give a clean outcome (a result, or a one-line error with exit code 2), never a
//! panic; a Word file read must have a place for each of its lines, as the `docx` target asserts.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{project, versalign};

/// The replayed inputs of one target, sorted.
fn inputs(target: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(project(&format!("tests/fuzz/{target}")))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs for {target}");
    files
}

/// The outcome of a run: its exit code, which must not be a panic's, and a one-line error when
/// it is 2.
fn assert_clean(output: &std::process::Output, input: &Path) -> i32 {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let code = output.status.code().unwrap_or(-1);
    assert!(
        !stderr.contains("panicked") && [0, 1, 2].contains(&code),
        "{}: exit {code}\n{stderr}",
        input.display()
    );
    if code == 2 {
        let errors: Vec<&str> = stderr.lines().filter(|l| l.contains("error")).collect();
        assert_eq!(errors.len(), 1, "{}: {stderr}", input.display());
    }
    code
}

#[test]
fn decode_parse_inputs_are_read_or_refused() {
    let mut refused = 0;
    for input in inputs("decode_parse") {
        let output = versalign()
            .args(["parse", "--json"])
            .arg(&input)
            .output()
            .unwrap();
        if assert_clean(&output, &input) == 2 {
            refused += 1;
        } else {
            let doc: serde_json::Value = serde_json::from_slice(&output.stdout)
                .unwrap_or_else(|e| panic!("{}: not JSON: {e}", input.display()));
            assert!(doc["blocks"].is_array(), "{}", input.display());
        }
    }
    assert!(
        refused >= 5,
        "the binary, odd UTF-16 and office files are refused"
    );
}

#[test]
fn pipeline_inputs_are_compared_or_refused() {
    for input in inputs("pipeline") {
        let bytes = fs::read(&input).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut cmd = versalign();
        cmd.args(["check", "--json"]);
        for (k, part) in bytes.split(|&b| b == 0xFF).take(3).enumerate() {
            let file = dir.path().join(format!("v{k}.txt"));
            fs::write(&file, part).unwrap();
            cmd.arg(file);
        }
        let output = cmd.output().unwrap();
        if assert_clean(&output, &input) != 2 {
            let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
            assert!(doc["rows"].as_array().is_some_and(|r| !r.is_empty()));
        }
    }
}

#[test]
fn sentalign_inputs_put_every_sentence_in_one_bead() {
    for input in inputs("sentalign") {
        let text = String::from_utf8_lossy(&fs::read(&input).unwrap()).into_owned();
        let (src, tgt) = text.split_once('\0').unwrap_or((&text, ""));
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("src.txt"), dir.path().join("tgt.txt"));
        fs::write(&a, src).unwrap();
        fs::write(&b, tgt).unwrap();
        let output = versalign()
            .args(["sentalign", "--src-lang", "en", "--tgt-lang", "zh"])
            .args([&a, &b])
            .output()
            .unwrap();
        assert_eq!(assert_clean(&output, &input), 0, "{}", input.display());
        let beads = String::from_utf8(output.stdout).unwrap();
        let covered = |side: usize| -> Vec<usize> {
            beads
                .lines()
                .flat_map(|bead| {
                    let part = bead.split(':').nth(side).unwrap();
                    part.trim_matches(['[', ']'])
                        .split(',')
                        .filter(|n| !n.is_empty())
                        .map(|n| n.trim().parse::<usize>().unwrap())
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        let lines = |t: &str| versalign::split_lines(t).len();
        assert_eq!(
            covered(0),
            (0..lines(src)).collect::<Vec<_>>(),
            "{}",
            input.display()
        );
        assert_eq!(
            covered(1),
            (0..lines(tgt)).collect::<Vec<_>>(),
            "{}",
            input.display()
        );
    }
}

/// The Word file a `docx` fuzz input stands for: the input itself when it starts with `PK`,
/// else its parts (split at 0xFF) as document, numbering, styles and footnotes of a ZIP — the
/// construction of fuzz/fuzz_targets/docx.rs.
fn docx_of_fuzz_input(data: &[u8]) -> Vec<u8> {
    if data.starts_with(b"PK") {
        return data.to_vec();
    }
    let names = [
        "word/document.xml",
        "word/numbering.xml",
        "word/styles.xml",
        "word/footnotes.xml",
    ];
    let parts: Vec<(&str, &[u8])> = names.into_iter().zip(data.split(|&b| b == 0xFF)).collect();
    crate::util::zip_of(&parts)
}

/// What the `docx` target asserts of a Word file read: every line the parser numbers has its
/// place in the Word file.
fn assert_every_line_has_a_place(bytes: Vec<u8>, input: &Path) {
    let source = versalign::Source::Bytes {
        name: "fuzz.docx".into(),
        bytes,
        language: None,
    };
    let Some(doc) = source.read().ok().filter(|d| d.places.is_some()) else {
        return;
    };
    let lines = doc.line_owners().into_iter().map(|(l, _)| l).max();
    for line in 1..=lines.unwrap_or(0) {
        assert!(
            doc.place(line).is_some(),
            "{}: line {line} has no place",
            input.display()
        );
    }
}

#[test]
fn docx_inputs_are_read_or_refused() {
    let mut read = 0;
    for input in inputs("docx") {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("fuzz.docx");
        let bytes = docx_of_fuzz_input(&fs::read(&input).unwrap());
        assert_every_line_has_a_place(bytes.clone(), &input);
        fs::write(&file, bytes).unwrap();
        let output = versalign()
            .args(["parse", "--json"])
            .arg(&file)
            .output()
            .unwrap();
        if assert_clean(&output, &input) != 2 {
            let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
            assert!(doc["blocks"].is_array(), "{}", input.display());
            read += 1;
        }
    }
    assert!(read >= 1, "the well-formed seed is read");
}

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

/// The terminal report of the clean and the review set, in line and in code order, 100
/// columns wide.
#[test]
fn report_snapshots() {
    for (set, exit) in [("clean", 0), ("review", 1)] {
        for sort in ["line", "code"] {
            let out = versalign()
                .current_dir(project(""))
                .env("COLUMNS", "100")
                .args(["check", "--sort", sort, &format!("corpora/demo/{set}")])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(exit), "{set} --sort {sort}");
            let report = String::from_utf8(out.stdout).unwrap();
            assert!(
                report
                    .lines()
                    .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 100
                        || !l.starts_with("          ")),
                "excerpts fit 100 columns:\n{report}"
            );
            insta::assert_snapshot!(format!("check_demo_{set}_report_by_{sort}"), report);
        }
    }
}

#[test]
fn report_follows_the_document_and_the_terminal_width() {
    let run = |columns: &str| {
        stdout_of_code(
            versalign()
                .current_dir(project(""))
                .env("COLUMNS", columns)
                .args([
                    "check",
                    "corpora/demo/review/es.txt",
                    "corpora/demo/review/zh.txt",
                ]),
        )
    };
    let report = run("100");
    let lines: Vec<usize> = report
        .lines()
        .filter_map(|l| {
            l.trim_start()
                .strip_prefix("zh ")?
                .split(':')
                .next()?
                .parse()
                .ok()
        })
        .collect();
    assert!(lines.len() > 3, "{report}");
    assert!(
        lines.windows(2).all(|w| w[0] <= w[1]),
        "zh lines in order: {lines:?}"
    );
    assert!(report.contains("in the order of zh"), "{report}");
    // The excerpt of the number mismatch shows the figures however narrow the line.
    let narrow = run("60");
    let es = narrow
        .lines()
        .find(|l| l.contains("es 98:"))
        .expect("the es excerpt of the number mismatch");
    assert!(es.contains("90"), "{es}");
    assert!(unicode_width::UnicodeWidthStr::width(es) <= 60, "{es}");
}

/// Standard output of a run that exits with 0 or 1.
fn stdout_of_code(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn languages_can_be_given_per_file() {
    let out = versalign()
        .current_dir(project(""))
        .args([
            "check",
            "--json",
            "--lang",
            "en.txt=fr",
            "corpora/demo/clean/es.txt",
            "corpora/demo/clean/en.txt",
        ])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["versions"][1]["language"], "fr",
        "--lang wins over detection"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("language given as fr"),
        "and the doubt is told"
    );
    versalign()
        .current_dir(project(""))
        .args(["check", "--lang", "de.txt=fr", "corpora/demo/clean"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--lang de.txt=fr: no such version",
        ))
        .stderr(predicate::str::contains("corpora/demo/clean/zh.txt"));
    versalign()
        .current_dir(project(""))
        .args(["check", "--lang", "zh", "corpora/demo/clean"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("FILE=LANG"));
}

#[test]
fn formats_of_check_and_the_json_alias() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("report.txt");
    versalign()
        .current_dir(project(""))
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .args(["check", "corpora/demo/review", "--format", "text", "-o"])
        .arg(&text)
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty());
    let written = std::fs::read_to_string(&text).unwrap();
    assert!(written.starts_with("versalign check: 45 rows"));
    assert!(!written.contains('\u{1b}'), "no colour codes in a file");
    let json = versalign()
        .current_dir(project(""))
        .args(["check", "corpora/demo/review", "--format", "json"])
        .output()
        .unwrap();
    let alias = versalign()
        .current_dir(project(""))
        .args(["check", "corpora/demo/review", "--json"])
        .output()
        .unwrap();
    assert_eq!(json.stdout, alias.stdout);
    versalign()
        .current_dir(project(""))
        .args(["check", "corpora/demo/review", "--json", "--format", "html"])
        .assert()
        .code(2);
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
        .stderr(predicate::str::contains("no version in ru"))
        .stderr(predicate::str::contains("the versions are in es, en"));
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
        .stderr(predicate::str::contains("fr.pdf: not a readable PDF"))
        .stderr(predicate::str::contains("get it again"));
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

/// The French demo version with the lines `moved` (0-based, a whole paragraph) put before line
/// `before`, written into `dir`; `opening` is how the moved paragraph starts.
fn french_with_lines_moved(
    dir: &std::path::Path,
    moved: std::ops::Range<usize>,
    before: usize,
    opening: &str,
) -> std::path::PathBuf {
    let text = std::fs::read_to_string(project("corpora/demo/clean/fr.txt")).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(lines[moved.start].starts_with(opening));
    let kept: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|(k, _)| !moved.contains(k))
        .map(|(_, l)| *l)
        .collect();
    let at = if before > moved.start {
        before - moved.len()
    } else {
        before
    };
    let mut out: Vec<&str> = kept[..at].to_vec();
    out.extend(&lines[moved]);
    out.extend(&kept[at..]);
    let path = dir.join("fr.txt");
    std::fs::write(&path, out.join("\n")).unwrap();
    path
}

/// The text report of `check PIVOT VERSION`, which must exit 1 (error-level findings).
fn report_with_errors(pivot: &std::path::Path, version: &std::path::Path) -> String {
    let out = versalign()
        .arg("check")
        .arg(pivot)
        .arg(version)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_moved_paragraph_is_reported_at_both_places_with_the_other_one() {
    let dir = tempfile::tempdir().unwrap();
    // `Rappelant ses résolutions 2004/34 …` (lines 19–22) moved after the third preambular
    // paragraph (line 34).
    let fr = french_with_lines_moved(dir.path(), 18..22, 34, "Rappelant ses résolutions");
    let report = report_with_errors(&project("corpora/demo/clean/en.txt"), &fr);
    assert!(
        report.contains(
            "paragraph-missing: preambular paragraph of en (line 19) has no counterpart in fr \
             (expected after line 18); moved: fr has it at line 31"
        ),
        "{report}"
    );
    assert!(
        report.contains(
            "paragraph-extra: preambular paragraph in fr has no counterpart in en; moved: en \
             has it at line 19"
        ),
        "{report}"
    );
    assert!(report.contains("2 findings"), "{report}");
}

#[test]
fn a_moved_paragraph_without_figures_is_told_by_its_words() {
    // `Profondément préoccupé …` (lines 35–38, no number or date in it) moved up three places,
    // before `Rappelant ses résolutions …`: the rows of the move have the method `moved`.
    let dir = tempfile::tempdir().unwrap();
    let fr = french_with_lines_moved(dir.path(), 34..38, 18, "Profondément préoccupé");
    let en = project("corpora/demo/clean/en.txt");
    let report = report_with_errors(&en, &fr);
    assert!(
        report.contains("paragraph-extra: preambular paragraph in fr has no counterpart in en; moved: en has it at line 33"),
        "{report}"
    );
    assert!(
        report.contains("(expected after line 33); moved: fr has it at line 19"),
        "{report}"
    );
    let csv = crate::util::stdout_of(
        versalign()
            .args(["align", "--format", "csv"])
            .arg(&en)
            .arg(&fr),
    );
    let methods: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(3))
        .filter(|m| *m == "moved")
        .collect();
    assert_eq!(methods.len(), 2, "{csv}");
}

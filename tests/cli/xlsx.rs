//! `versalign align --format xlsx`: read back by independent readers — calamine for the cells
//! (the same rows as the CSV, and a "Findings" sheet with one row per finding), openpyxl
//! (scripts/xlsx_fills.py) for the frozen header, the fills of flagged rows and right-to-left
//! Arabic cells.

use std::collections::BTreeMap;
use std::path::PathBuf;

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::util::{project, stdout_of, tool_available, versalign};

fn demo_versions() -> Vec<PathBuf> {
    ["es", "en", "fr", "ru", "ar", "zh"]
        .iter()
        .map(|l| project(&format!("corpora/demo/review/{l}.txt")))
        .collect()
}

/// A cell as the CSV writes it: numbers compared as numbers.
fn same_cell(cell: &Data, field: &str) -> bool {
    match cell {
        Data::Empty => field.is_empty(),
        Data::String(s) => s == field,
        Data::Float(f) => field.parse::<f64>().is_ok_and(|v| (v - f).abs() < 1e-9),
        Data::Int(i) => field.parse::<i64>() == Ok(*i),
        other => format!("{other}") == field,
    }
}

/// The demo's `check --json` (which exits with 1: the review set has errors).
fn check_json() -> Value {
    let out = versalign()
        .args(["check", "--json"])
        .args(demo_versions())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Write the demo's workbook and return its path (in `dir`).
fn demo_workbook(dir: &std::path::Path) -> PathBuf {
    let path = dir.join("out.xlsx");
    versalign()
        .args(["align", "--format", "xlsx", "-o"])
        .arg(&path)
        .args(demo_versions())
        .assert()
        .success();
    path
}

#[test]
fn workbook_holds_the_csv_rows_and_the_findings() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_workbook(dir.path());
    let csv_text = stdout_of(versalign().arg("align").args(demo_versions()));
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names(), ["Aligned", "Findings"]);
    let table = book.worksheet_range("Aligned").unwrap();
    let rows: Vec<&[Data]> = table.rows().collect();
    assert_eq!(rows.len(), records.len() + 1, "header and the CSV's rows");
    for (cell, name) in rows[0].iter().zip(header.iter()) {
        assert!(same_cell(cell, name), "{cell:?} against {name}");
    }
    for (r, (row, record)) in rows[1..].iter().zip(&records).enumerate() {
        assert_eq!(row.len(), record.len());
        for (c, (cell, field)) in row.iter().zip(record.iter()).enumerate() {
            assert!(
                same_cell(cell, field),
                "row {} column {}: {cell:?} against {field:?}",
                r + 1,
                &header[c]
            );
        }
    }
    let json = check_json();
    let findings = json["findings"].as_array().unwrap();
    let sheet = book.worksheet_range("Findings").unwrap();
    let listed: Vec<&[Data]> = sheet.rows().skip(1).collect();
    assert_eq!(listed.len(), findings.len());
    for (row, f) in listed.iter().zip(findings) {
        assert!(same_cell(&row[0], f["code"].as_str().unwrap()));
        assert!(same_cell(&row[1], f["severity"].as_str().unwrap()));
        assert!(same_cell(&row[5], f["message"].as_str().unwrap()));
        let lines = f["lines"].as_object().unwrap();
        let text = row[4].to_string();
        assert!(
            lines
                .iter()
                .all(|(l, n)| text.contains(&format!("{l}:{n}"))),
            "{text}"
        );
    }
}

#[test]
fn flagged_rows_are_filled_and_arabic_reads_right_to_left() {
    if !tool_available("python3", &["-c", "import openpyxl"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = demo_workbook(dir.path());
    let out = std::process::Command::new("python3")
        .arg(project("scripts/xlsx_fills.py"))
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sheets: Value = serde_json::from_slice(&out.stdout).unwrap();
    let json = check_json();
    let mut worst: BTreeMap<u64, &str> = BTreeMap::new();
    for f in json["findings"].as_array().unwrap() {
        if let Some(row) = f["row"].as_u64() {
            let severity = f["severity"].as_str().unwrap();
            let entry = worst.entry(row).or_insert(severity);
            if severity == "error" {
                *entry = "error";
            }
        }
    }
    assert!(worst.values().any(|s| *s == "error"));
    let aligned = &sheets[0];
    assert_eq!(aligned["name"], "Aligned");
    assert_eq!(aligned["freeze"], "A2", "the header row is frozen");
    // The demo's table has no sentence rows: sheet row k is aligned row k.
    for (k, row) in aligned["rows"].as_array().unwrap().iter().enumerate() {
        let expected = match worst.get(&(k as u64 + 1)) {
            Some(&"error") => Value::from("FFC7CE"),
            Some(_) => Value::from("FFEB9C"),
            None => Value::Null,
        };
        assert_eq!(row["fill"], expected, "row {}", k + 1);
        assert_eq!(row["reading"]["ar"], 2, "Arabic right to left");
        assert_eq!(row["reading"]["en"], 0);
    }
    assert_eq!(sheets[1]["name"], "Findings");
    assert!(
        sheets[1]["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| !r["fill"].is_null())
    );
}

#[test]
fn xlsx_is_not_written_to_standard_output() {
    let out = versalign()
        .args(["align", "--format", "xlsx"])
        .args(demo_versions())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("give the file to write with -o"),
        "{stderr}"
    );
}

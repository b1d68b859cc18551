//! Helpers shared by the end-to-end tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The `versalign` binary built for this test run.
pub fn versalign() -> Command {
    let mut cmd = Command::cargo_bin("versalign").expect("the versalign binary is built");
    cmd.env("NO_COLOR", "1");
    cmd
}

/// A path inside the project.
pub fn project(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The real corpora, or `None` (with a message) when `VERSALIGN_CORPORA` is not set.
pub fn corpora() -> Option<PathBuf> {
    match std::env::var_os("VERSALIGN_CORPORA") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            let dir = if dir.is_relative() {
                project("").join(dir)
            } else {
                dir
            };
            assert!(
                dir.is_dir(),
                "VERSALIGN_CORPORA={} is not a directory",
                dir.display()
            );
            Some(dir)
        }
        None => {
            eprintln!("skipped: VERSALIGN_CORPORA is not set (see README.md)");
            None
        }
    }
}

/// Every file under `dir`, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable directory") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A ZIP archive of `parts` (name, content), deflated: a `.docx` when the parts are
/// WordprocessingML.
pub fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut bytes = Vec::new();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap();
    bytes
}

/// Standard output of a successful run, as text.
pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("versalign runs");
    assert!(
        out.status.success(),
        "exit {:?}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Whether an external program a test needs (`pdftotext`, `chromium`, `xmllint`, `python3`
/// with a module …) answers `program args…` with success. When it does not, the test is
/// skipped with a message — unless `VERSALIGN_REQUIRE_TOOLS` is set (`.ci/run` sets it, after
/// installing them), where a missing tool fails the test instead of hiding it.
pub fn tool_available(program: &str, args: &[&str]) -> bool {
    let ok = std::process::Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var_os("VERSALIGN_REQUIRE_TOOLS").is_none(),
            "`{program}` is needed by this test and VERSALIGN_REQUIRE_TOOLS is set: install it (see .ci/run)"
        );
        eprintln!("skipped: `{program}` is not installed (.ci/run installs it)");
    }
    ok
}

/// The six languages in the order the demo sets list them.
pub const LANGS: [&str; 6] = ["es", "ar", "zh", "en", "fr", "ru"];

/// `check --json` on files (exit 0 or 1).
pub fn check_json(files: &[PathBuf]) -> Value {
    let out = versalign()
        .args(["check", "--json"])
        .args(files)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Findings as (code, row, languages), without what differs between a text, a Word file and
/// a PDF: where they are.
pub fn findings_sans_places(doc: &Value) -> Vec<(String, Value, Value)> {
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["row"].clone(),
                f["languages"].clone(),
            )
        })
        .collect()
}

/// Rows as (kind, label, ids per language).
pub fn row_shapes(doc: &Value) -> Vec<String> {
    doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let ids: Vec<String> = LANGS
                .iter()
                .map(|l| r["cells"][l]["ids"].to_string())
                .collect();
            format!("{} {} {}", r["kind"], r["label"], ids.join(" "))
        })
        .collect()
}

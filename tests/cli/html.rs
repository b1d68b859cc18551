//! `check --format html`: the page written for the demo review set, rendered in headless
//! Chromium — one `data-row` element per aligned row and one `data-code` element per finding
//! (against `check --json`), a filter from the URL fragment, a screenshot, and document text
//! that shows as text.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use regex::Regex;
use serde_json::Value;

use crate::util::{project, tool_available, versalign};

/// The JSON of `check` on the demo review set.
fn review_json() -> Value {
    let out = versalign()
        .current_dir(project(""))
        .args(["check", "--json", "corpora/demo/review"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// Write the HTML report of `files` to `out`.
fn write_report(files: &[&Path], out: &Path) {
    let status = versalign()
        .current_dir(project(""))
        .arg("check")
        .args(files)
        .args(["--format", "html", "-o"])
        .arg(out)
        .output()
        .unwrap();
    assert!(
        matches!(status.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(status.stdout.is_empty(), "the page goes to the file");
}

/// Headless Chromium on `page` (with `fragment`), a fresh profile in a temporary directory;
/// `extra` adds `--dump-dom` or `--screenshot=…`. Standard output.
pub fn chromium(page: &Path, fragment: &str, extra: &[String]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}{fragment}", page.display());
    let out = std::process::Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 DOM")
}

/// The start tags of the DOM that carry `attribute`, each with whether it is `hidden`.
fn tags_with(dom: &str, attribute: &str) -> Vec<(String, bool)> {
    let tag = Regex::new(r"<[a-z]+\b[^>]*>").unwrap();
    tag.find_iter(dom)
        .map(|m| m.as_str())
        .filter(|t| t.contains(&format!(" {attribute}=\"")))
        .map(|t| (t.to_string(), t.contains(" hidden")))
        .collect()
}

/// The value of `attribute` in a start tag.
fn value_of(tag: &str, attribute: &str) -> String {
    let re = Regex::new(&format!(r#" {attribute}="([^"]*)""#)).unwrap();
    re.captures(tag).expect("the attribute")[1].to_string()
}

#[test]
fn the_page_holds_every_row_and_finding_and_filters_by_fragment() {
    let json = review_json();
    let findings = json["findings"].as_array().unwrap();
    let rows = json["rows"].as_array().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    write_report(&[Path::new("corpora/demo/review")], &page);
    let written = std::fs::read_to_string(&page).unwrap();
    assert_eq!(written.matches(" data-row=\"").count(), rows.len());
    assert_eq!(written.matches(" data-code=\"").count(), findings.len());
    assert!(
        !written.contains("http://") && !written.contains("https://"),
        "nothing fetched"
    );
    assert!(
        written.contains(r#"lang="ar" dir="rtl""#),
        "Arabic cells read right to left"
    );
    assert!(
        written.contains(r#"<mark class="hl error" title="number-mismatch">60</mark>"#),
        "the differing figure is marked in the zh cell"
    );
    if !tool_available("chromium", &["--version"]) {
        return;
    }
    let dom = chromium(&page, "", &["--dump-dom".to_string()]);
    let dom_rows = tags_with(&dom, "data-row");
    let dom_findings = tags_with(&dom, "data-code");
    assert_eq!(dom_rows.len(), rows.len());
    assert_eq!(dom_findings.len(), findings.len());
    assert!(
        dom_rows
            .iter()
            .chain(&dom_findings)
            .all(|(_, hidden)| !hidden)
    );

    let code = "number-mismatch";
    let expected: Vec<&Value> = findings.iter().filter(|f| f["code"] == code).collect();
    let expected_rows: BTreeSet<String> = expected
        .iter()
        .map(|f| f["row"].as_u64().unwrap().to_string())
        .collect();
    let filtered = chromium(&page, &format!("#code={code}"), &["--dump-dom".to_string()]);
    let visible_findings: Vec<String> = tags_with(&filtered, "data-code")
        .into_iter()
        .filter(|(_, hidden)| !hidden)
        .map(|(t, _)| value_of(&t, "data-code"))
        .collect();
    assert_eq!(visible_findings, vec![code.to_string(); expected.len()]);
    let visible_rows: BTreeSet<String> = tags_with(&filtered, "data-row")
        .into_iter()
        .filter(|(_, hidden)| !hidden)
        .map(|(t, _)| value_of(&t, "data-row"))
        .collect();
    assert_eq!(visible_rows, expected_rows);

    let by_version = chromium(
        &page,
        "#lang=ru&severity=error",
        &["--dump-dom".to_string()],
    );
    let ru = findings
        .iter()
        .filter(|f| f["severity"] == "error")
        .filter(|f| f["languages"].as_array().unwrap().iter().any(|l| l == "ru"))
        .count();
    let shown = tags_with(&by_version, "data-code")
        .into_iter()
        .filter(|(_, hidden)| !hidden)
        .count();
    assert_eq!(shown, ru);

    let screenshot = dir.path().join("report.png");
    chromium(
        &page,
        "#lang=zh",
        &[
            format!("--screenshot={}", screenshot.display()),
            "--window-size=1400,1000".to_string(),
        ],
    );
    let png = std::fs::read(&screenshot).expect("the screenshot is written");
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    assert!(
        png.len() > 50_000,
        "with something drawn: {} bytes",
        png.len()
    );
}

#[test]
fn markup_in_a_document_shows_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| -> PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let en = write(
        "en.txt",
        "1. The Assembly met on 3 May 2011 <script>alert(1)</script> & <b>closed</b>.\n\n2. It adopted 12 resolutions.\n",
    );
    let fr = write(
        "fr.txt",
        "1. L'Assemblée s'est réunie le 3 mai 2011 et a clos la séance.\n\n2. Elle a adopté 13 résolutions.\n",
    );
    let page = dir.path().join("report.html");
    write_report(&[&en, &fr], &page);
    let written = std::fs::read_to_string(&page).unwrap();
    assert_eq!(
        written.matches("<script>").count(),
        1,
        "only the page's own script"
    );
    assert!(written.contains("&lt;script&gt;alert("));
    assert!(!written.contains("<b>closed"));
    if !tool_available("chromium", &["--version"]) {
        return;
    }
    let dom = chromium(&page, "", &["--dump-dom".to_string()]);
    assert_eq!(
        dom.matches("<script").count(),
        1,
        "no script element from the document"
    );
    assert!(
        dom.contains("&lt;script&gt;alert("),
        "the text is shown as written"
    );
    assert!(!dom.contains("<b>closed"), "no element from the document");
}

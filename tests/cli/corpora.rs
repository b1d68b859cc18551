//! The real UN documents under `VERSALIGN_CORPORA`: what the parse of the founding documents
//! must show, the nothing-lost invariant on every file, and language detection.

use std::collections::HashMap;

use serde_json::Value;
use versalign::{Document, Language, ParseOptions, detect_language as detect, read_document};

use crate::util::{corpora, files_under, stdout_of, versalign};

fn parse_json(path: &std::path::Path) -> Value {
    serde_json::from_str(&stdout_of(versalign().args(["parse", "--json"]).arg(path)))
        .expect("valid JSON")
}

fn blocks_of<'a>(doc: &'a Value, kind: &str) -> Vec<&'a Value> {
    doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["kind"] == kind)
        .collect()
}

#[test]
fn seed_chinese_draft_resolution() {
    let Some(dir) = corpora() else { return };
    let doc = parse_json(&dir.join("seed/zh.txt"));
    assert_eq!(doc["language"], "zh");
    assert_eq!(doc["header"]["original_language"], "es");
    assert_eq!(doc["header"]["distribution"], "limited");
    assert_eq!(doc["header"]["date"], "2011-04-14");
    let preambles = blocks_of(&doc, "preamble");
    assert_eq!(preambles.len(), 23);
    let paragraphs = blocks_of(&doc, "paragraph");
    let labels: Vec<&str> = paragraphs
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = (1..=22).map(|n| n.to_string()).collect();
    assert_eq!(labels, expected);

    let footnotes = doc["footnotes"].as_array().unwrap();
    let markers: Vec<&str> = footnotes
        .iter()
        .map(|f| f["marker"].as_str().unwrap())
        .collect();
    assert_eq!(
        markers,
        vec!["*", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]
    );
    // seed/SOURCE.md: * in the sponsors line; 1 in preamble 6; 2 in preamble 8; 3 and 4 in
    // preamble 10; 5 in preamble 11; 6-10 in operative 1; 11 in operative 2.
    let sponsors = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["text"].as_str().unwrap().starts_with("哥伦比亚"))
        .unwrap();
    let id = |b: &Value| b["id"].as_str().unwrap().to_string();
    let expected_source: Vec<String> = vec![
        id(sponsors),
        id(preambles[5]),
        id(preambles[7]),
        id(preambles[9]),
        id(preambles[9]),
        id(preambles[10]),
        id(paragraphs[0]),
        id(paragraphs[0]),
        id(paragraphs[0]),
        id(paragraphs[0]),
        id(paragraphs[0]),
        id(paragraphs[1]),
    ];
    for (f, expected) in footnotes.iter().zip(&expected_source) {
        let from = f["referenced_from"].as_array().unwrap();
        assert_eq!(
            from.len(),
            1,
            "footnote {} referenced {} times",
            f["marker"],
            from.len()
        );
        assert_eq!(
            from[0].as_str().unwrap(),
            expected,
            "footnote {}",
            f["marker"]
        );
    }
    // No footnote text left in a body block, and no marker character either.
    for b in doc["blocks"].as_array().unwrap() {
        let text = b["text"].as_str().unwrap();
        assert!(
            !text.chars().any(|c| "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c)),
            "marker left in {text}"
        );
        for f in footnotes {
            assert!(
                !text.contains(f["text"].as_str().unwrap()),
                "footnote text in block {}",
                b["id"]
            );
        }
    }
    assert!(doc["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn english_pdf_draft_resolution_2001() {
    let Some(dir) = corpora() else { return };
    let path = dir.join("right-to-development-2001/en.txt");
    let doc = parse_json(&path);
    let header = &doc["header"];
    assert_eq!(header["distribution"], "limited");
    assert_eq!(header["date"], "2001-11-28");
    assert_eq!(header["original_language"], "en");
    assert_eq!(header["job_number"], "01-66657 (E)");
    let paragraphs = blocks_of(&doc, "paragraph");
    let labels: Vec<&str> = paragraphs
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = (1..=25).map(|n| n.to_string()).collect();
    assert_eq!(labels, expected);
    let para_id = |n: usize| paragraphs[n - 1]["id"].as_str().unwrap().to_string();
    let subs = blocks_of(&doc, "subparagraph");
    let under = |parent: String| -> Vec<String> {
        subs.iter()
            .filter(|b| b["parent"] == parent.as_str())
            .map(|b| b["label"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(under(para_id(5)), vec!["a", "b", "c", "d", "e", "f"]);
    assert_eq!(under(para_id(21)), vec!["a", "b", "c", "d"]);
    assert_eq!(subs.len(), 10);
    // Markers 1-9 and * are found in the body; their bodies are not in this file.
    let mut found: Vec<String> = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| {
            b["footnote_refs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["marker"].as_str().unwrap().to_string())
        })
        .collect();
    found.sort();
    found.dedup();
    assert_eq!(
        found,
        vec!["*", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
    );
    let warnings: Vec<&str> = doc["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["message"].as_str().unwrap())
        .collect();
    for marker in ["*", "1", "2", "3", "4", "5", "6", "7", "8", "9"] {
        let needle = format!("footnote marker {marker} has no footnote body");
        assert_eq!(
            warnings.iter().filter(|w| **w == needle).count(),
            1,
            "{marker}: {warnings:?}"
        );
    }
    // The ambiguous digits are split: "2001-2010,5" keeps its years.
    let text: String = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["text"].as_str().unwrap())
        .collect();
    assert!(text.contains("for the Decade 2001-2010, adopted"));
}

#[test]
fn hard_wrapped_chinese_with_split_markers() {
    let Some(dir) = corpora() else { return };
    let doc = parse_json(&dir.join("a-res-61-211/zh.txt"));
    let paragraphs = blocks_of(&doc, "paragraph");
    assert_eq!(paragraphs.len(), 19);
    assert_eq!(
        doc["blocks"].as_array().unwrap().len(),
        19,
        "every wrapped line joined to its paragraph"
    );
    assert!(
        paragraphs[1]["text"]
            .as_str()
            .unwrap()
            .contains("行动纲领》执行情况全球综合中期审查")
    );
    let refs: Vec<&str> = paragraphs[1]["footnote_refs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["marker"].as_str().unwrap())
        .collect();
    assert_eq!(refs, vec!["2", "7"]);
}

/// Every non-blank line of every file is owned by exactly one block, footnote, header field or
/// removed entry.
#[test]
fn nothing_is_lost_in_any_real_file() {
    let Some(dir) = corpora() else { return };
    let mut checked = 0;
    for path in files_under(&dir) {
        let Ok(doc) = read_document(
            &path,
            &ParseOptions {
                language: None,
                tokens: false,
            },
        ) else {
            continue;
        };
        let text = versalign::read_text(&path).unwrap();
        assert_every_line_owned_once(&text, &doc);
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} files parsed");
}

fn assert_every_line_owned_once(text: &str, doc: &Document) {
    let mut owners: HashMap<usize, usize> = HashMap::new();
    for (line, _) in doc.line_owners() {
        *owners.entry(line).or_default() += 1;
    }
    for (i, line) in versalign::split_lines(text).iter().enumerate() {
        let n = owners.get(&(i + 1)).copied().unwrap_or(0);
        let blank = line
            .chars()
            .all(|c| c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200F}' || c == '\u{200E}');
        let expected = usize::from(!blank);
        assert_eq!(
            n,
            expected,
            "{}:{}: {line:?} owned {n} times",
            doc.file,
            i + 1
        );
    }
}

fn language_of_file(name: &str) -> Language {
    name.split('.')
        .next()
        .unwrap()
        .parse()
        .expect("file named by language")
}

#[test]
fn language_of_every_udhr_and_charter_version() {
    let Some(dir) = corpora() else { return };
    for folder in ["udhr", "un-charter"] {
        for path in files_under(&dir.join(folder)) {
            if path.extension().is_some_and(|e| e == "txt")
                && path.parent().unwrap().ends_with(folder)
            {
                let doc = read_document(
                    &path,
                    &ParseOptions {
                        language: None,
                        tokens: false,
                    },
                )
                .unwrap();
                let expected = language_of_file(path.file_name().unwrap().to_str().unwrap());
                assert_eq!(doc.language, expected, "{}", path.display());
                assert!(
                    doc.language_confidence >= 0.5,
                    "{}: {}",
                    path.display(),
                    doc.language_confidence
                );
            }
        }
    }
}

/// Per-line language detection on the 4,000 six-way sentences: at least 95 % right in every
/// language.
#[test]
fn language_of_unpc_devset_lines() {
    let Some(dir) = corpora() else { return };
    for lang in Language::ALL {
        let text = std::fs::read_to_string(dir.join(format!("unpc-devset/{lang}.txt"))).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let right = lines
            .iter()
            .filter(|l| detect(l).is_some_and(|d| d.language == lang))
            .count();
        let share = right as f64 / lines.len() as f64;
        eprintln!(
            "unpc-devset {lang}: {right}/{} lines = {:.2} %",
            lines.len(),
            share * 100.0
        );
        assert!(share >= 0.95, "{lang}: {share}");
    }
}

/// The udhr versions saved in the legacy encodings Windows users hold — Arabic in
/// Windows-1256, Chinese in GBK, Spanish and French in Windows-1252, Russian in Windows-1251 —
/// and Chinese in UTF-16LE without byte-order mark give, with no option, the same rows and
/// findings as the same text in UTF-8. (French udhr has one character Windows-1252 lacks, the
/// hyphen U+2010, which Word's export writes as `-`; both copies get that.)
#[test]
fn legacy_encodings_give_the_same_check_as_utf8() {
    use encoding_rs::{Encoding, GBK, UTF_8, UTF_16LE, WINDOWS_1251, WINDOWS_1252, WINDOWS_1256};
    let Some(dir) = corpora() else { return };
    let udhr = dir.join("udhr");
    let encode = |text: &str, encoding: &'static Encoding| -> Vec<u8> {
        if encoding == UTF_16LE {
            return text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        }
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "udhr is written in {}", encoding.name());
        bytes.into_owned()
    };
    let sets: [(&str, Vec<(&str, &'static Encoding)>); 2] = [
        (
            "code pages",
            vec![
                ("ar", WINDOWS_1256),
                ("zh", GBK),
                ("en", UTF_8),
                ("es", WINDOWS_1252),
                ("fr", WINDOWS_1252),
                ("ru", WINDOWS_1251),
            ],
        ),
        (
            "UTF-16LE without BOM",
            vec![("en", UTF_8), ("zh", UTF_16LE)],
        ),
    ];
    for (name, versions) in sets {
        let (utf8_dir, legacy_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let (mut utf8_files, mut legacy_files) = (Vec::new(), Vec::new());
        for (lang, encoding) in &versions {
            let text = std::fs::read_to_string(udhr.join(format!("{lang}.txt")))
                .unwrap()
                .replace('\u{2010}', "-");
            let file = format!("{lang}.txt");
            std::fs::write(utf8_dir.path().join(&file), &text).unwrap();
            std::fs::write(legacy_dir.path().join(&file), encode(&text, encoding)).unwrap();
            utf8_files.push(utf8_dir.path().join(&file));
            legacy_files.push(legacy_dir.path().join(&file));
        }
        let run = |files: &[std::path::PathBuf], dir: &std::path::Path| {
            let out = versalign()
                .args(["check", "--json"])
                .args(files)
                .output()
                .unwrap();
            let stdout = String::from_utf8(out.stdout).unwrap();
            (
                out.status.code(),
                stdout.replace(&dir.display().to_string(), "DIR"),
            )
        };
        let utf8 = run(&utf8_files, utf8_dir.path());
        let legacy = run(&legacy_files, legacy_dir.path());
        assert!(utf8.1.contains("\"rows\"") && utf8.0.is_some(), "{name}");
        assert_eq!(legacy, utf8, "{name}: rows and findings differ from UTF-8");
    }
}

/// Each figure of three or more digits of `text`, with the copy of `text` where its first pair of
/// neighbouring different digits is swapped (`2225` → `2252`, `1999` → `9199`).
fn digit_slips(text: &str) -> Vec<(String, String)> {
    let bytes = text.as_bytes();
    let mut slips = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run >= 3 {
            let figure = &text[i..i + run];
            if let Some(k) = (i..i + run - 1).find(|&k| bytes[k] != bytes[k + 1]) {
                let mut slipped = bytes.to_vec();
                slipped.swap(k, k + 1);
                let slipped = String::from_utf8(slipped).expect("ASCII digits swapped");
                slips.push((figure.to_string(), slipped));
            }
        }
        i += run.max(1);
    }
    slips
}

#[test]
fn every_digit_slip_of_the_seed_is_caught() {
    use versalign::{Code, Comparison, Options, Source};
    let Some(dir) = corpora() else { return };
    let original = std::fs::read_to_string(dir.join("seed/zh.txt")).expect("seed/zh.txt");
    let options = Options {
        same_language: true,
        ..Options::default()
    };
    let slips = digit_slips(&original);
    assert!(slips.len() >= 30, "{} figures", slips.len());
    let missed: Vec<&str> = slips
        .iter()
        .filter(|(_, slipped)| {
            let sources = vec![
                Source::text("zh.txt", original.clone()),
                Source::text("zh-slipped.txt", slipped.clone()),
            ];
            let comparison = Comparison::run(sources, &options).expect("compared");
            !comparison.findings.iter().any(|f| {
                matches!(
                    f.code,
                    Code::NumberMismatch
                        | Code::FootnoteContent
                        | Code::DateMismatch
                        | Code::SymbolMismatch
                        | Code::HeaderMismatch
                )
            })
        })
        .map(|(figure, _)| figure.as_str())
        .collect();
    assert!(
        missed.is_empty(),
        "{} of {} digit slips pass: {missed:?}",
        missed.len(),
        slips.len()
    );
}

#[test]
fn header_symbol_from_the_running_head() {
    let Some(dir) = corpora() else { return };
    // cisg-footnotes: no symbol in the masthead; the running heads repeat it.
    for lang in ["en", "es", "fr", "ru", "zh"] {
        let doc = parse_json(&dir.join(format!("cisg-footnotes/{lang}.txt")));
        assert_eq!(
            doc["header"]["symbol"], "A/CN.9/SER.C/DIGEST/CISG/2",
            "{lang}: {}",
            doc["header"]
        );
    }
}

//! `versalign batch` and `versalign merge` on small archives built from the demo corpus: every
//! file accounted for, broken files reported, resumable and interruptible runs, safe output
//! names, and the same bytes whatever the number of threads or shards.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{project, versalign};

const LANGS: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

fn demo(set: &str, lang: &str) -> Vec<u8> {
    fs::read(project(&format!("corpora/demo/{set}/{lang}.txt"))).unwrap()
}

fn put(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// An archive with every naming pattern, a missing language, a broken file and an unplaceable
/// one; `copies` more documents in the ISO pattern make it larger.
fn archive(dir: &Path, copies: usize) {
    for lang in LANGS {
        put(
            &dir.join(format!("iso/A_RES_80_1-{}.txt", lang.to_uppercase())),
            &demo("clean", lang),
        );
        put(
            &dir.join(format!("folders/A_RES_80_2/{lang}.txt")),
            &demo("review", lang),
        );
    }
    let letter = |l: &str| match l {
        "ar" => "A",
        "zh" => "C",
        "en" => "E",
        "fr" => "F",
        "ru" => "R",
        _ => "S",
    };
    for lang in ["en", "fr", "es"] {
        put(
            &dir.join(format!("letters/A_RES_80_3_{}.txt", letter(lang))),
            &demo("clean", lang),
        );
    }
    put(&dir.join("dotted/A-RES-80-4.en.txt"), &demo("clean", "en"));
    put(
        &dir.join("dotted/A-RES-80-4.zh.txt"),
        &b"\x89PNG\r\n\x1a\n\x00\x00binary"[..],
    );
    put(&dir.join("dotted/A-RES-80-4.es.txt"), &demo("clean", "es"));
    // Placed by its header: the demo's symbol E/CN.15/2026/L.7, language detected.
    put(&dir.join("by-header/version-1.txt"), &demo("clean", "ru"));
    put(&dir.join("by-header/version-2.txt"), &demo("clean", "fr"));
    put(
        &dir.join("loose/note.txt"),
        "Notes taken during the meeting, without a symbol.\n".as_bytes(),
    );
    // Files that are no version, or that cannot be read: listed, never skipped.
    put(&dir.join("loose/README.md"), b"# What this folder holds\n");
    put(&dir.join("word/draft.docx"), b"PK\x03\x04\x14\x00\x06\x00");
    put(
        &dir.join("dotted/A-RES-80-4.fr.docx"),
        b"PK\x03\x04\x14\x00\x06\x00",
    );
    for k in 0..copies {
        for lang in ["es", "en", "zh"] {
            put(
                &dir.join(format!("bulk/A_RES_81_{k}-{}.txt", lang.to_uppercase())),
                &demo("clean", lang),
            );
        }
    }
}

fn run_batch(input: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let output = versalign()
        .arg("batch")
        .arg(input)
        .arg("-o")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn read_csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            header
                .iter()
                .zip(r.unwrap().iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// Every file in a folder, relative name → bytes (scratch folders excluded).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    crate::util::files_under(dir)
        .into_iter()
        .map(|p| {
            (
                p.strip_prefix(dir).unwrap().to_path_buf(),
                fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_input_file_is_in_the_summary_or_the_unplaceable_list() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    archive(&input, 0);
    let out = dir.path().join("out");
    run_batch(&input, &out, &[]);
    let summary = read_csv(&out.join("summary.csv"));
    let unplaceable = read_csv(&out.join("unplaceable.csv"));
    let mut listed: Vec<String> = summary
        .iter()
        .flat_map(|r| {
            r["files"]
                .split(';')
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    listed.extend(unplaceable.iter().map(|r| r["path"].clone()));
    for file in crate::util::files_under(&input) {
        assert!(
            listed.contains(&file.display().to_string()),
            "{} not reported",
            file.display()
        );
    }
    let by_symbol: BTreeMap<&str, &BTreeMap<String, String>> =
        summary.iter().map(|r| (r["symbol"].as_str(), r)).collect();
    assert_eq!(by_symbol["A/RES/80/1"]["status"], "ok");
    assert_eq!(by_symbol["A/RES/80/1"]["languages"], "ar;zh;en;fr;ru;es");
    assert!(by_symbol["A/RES/80/2"]["errors"].parse::<usize>().unwrap() > 0);
    assert_eq!(by_symbol["A/RES/80/3"]["missing"], "ar;zh;ru");
    assert_eq!(by_symbol["A/RES/80/3"]["original"], "es");
    assert_eq!(
        by_symbol["E/CN.15/2026/L.7"]["languages"], "fr;ru",
        "placed by header and detection"
    );
    // The broken file is reported and its document still aligned from the others.
    let broken = by_symbol["A/RES/80/4"];
    assert_eq!(broken["status"], "partial");
    assert!(
        broken["message"].contains("A-RES-80-4.zh.txt") && broken["message"].contains("binary"),
        "{broken:?}"
    );
    assert!(
        broken["message"].contains("A-RES-80-4.fr.docx") && broken["message"].contains("Word"),
        "a Word file placed by its name is reported in its document's row: {broken:?}"
    );
    assert!(out.join("A_RES_80_4.csv").exists());
    let reasons: BTreeMap<&str, &str> = unplaceable
        .iter()
        .map(|r| {
            let name = r["path"].rsplit('/').next().unwrap();
            (name, r["reason"].as_str())
        })
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(reasons["note.txt"].contains("no symbol"), "{reasons:?}");
    assert!(
        reasons["README.md"].contains("not a document version"),
        "{reasons:?}"
    );
    assert!(reasons["draft.docx"].contains("ZIP archive"), "{reasons:?}");
    // aligned.csv: every document's rows, with the symbol and all six language columns.
    let aligned = read_csv(&out.join("aligned.csv"));
    assert!(
        aligned
            .iter()
            .any(|r| r["symbol"] == "A/RES/80/2" && r["findings"].contains("paragraph-missing"))
    );
    let rows_80_1 = aligned
        .iter()
        .filter(|r| r["symbol"] == "A/RES/80/1")
        .count();
    assert_eq!(rows_80_1.to_string(), by_symbol["A/RES/80/1"]["rows"]);
}

#[test]
fn threads_and_shards_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    archive(&input, 6);
    let one = dir.path().join("one");
    let two = dir.path().join("two");
    let sharded = dir.path().join("sharded");
    run_batch(&input, &one, &["-j", "1"]);
    run_batch(&input, &two, &["-j", "2"]);
    run_batch(&input, &sharded, &["--shard", "1/3"]);
    run_batch(&input, &sharded, &["--shard", "2/3", "-j", "1"]);
    run_batch(&input, &sharded, &["--shard", "3/3"]);
    versalign().arg("merge").arg(&sharded).assert().success();
    assert_eq!(snapshot(&one), snapshot(&two));
    let merged: BTreeMap<PathBuf, Vec<u8>> = snapshot(&sharded)
        .into_iter()
        .filter(|(p, _)| !p.to_string_lossy().contains(".shard-"))
        .collect();
    assert_eq!(snapshot(&one), merged);
}

#[test]
fn a_resumed_run_redoes_nothing_and_force_redoes_everything() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    archive(&input, 2);
    let out = dir.path().join("out");
    run_batch(&input, &out, &[]);
    let first = snapshot(&out);
    let table = out.join("A_RES_80_1.csv");
    let written = fs::metadata(&table).unwrap().modified().unwrap();
    let again = run_batch(&input, &out, &[]);
    let stderr = String::from_utf8(again.stderr).unwrap();
    assert!(
        stderr.contains("7 documents (7 skipped as complete"),
        "{stderr}"
    );
    assert_eq!(
        fs::metadata(&table).unwrap().modified().unwrap(),
        written,
        "nothing rewritten"
    );
    assert_eq!(snapshot(&out), first);
    let forced = run_batch(&input, &out, &["--force"]);
    assert!(
        String::from_utf8(forced.stderr)
            .unwrap()
            .contains("(0 skipped")
    );
    assert_eq!(snapshot(&out), first);
}

#[test]
fn an_interrupted_run_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    archive(&input, 150);
    let out = dir.path().join("out");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("versalign"))
        .arg("batch")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["-j", "1"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while !out.join("A_RES_80_1.row").exists() && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!out.join("summary.csv").exists(), "killed before the end");
    // Whatever was written under a final name is whole.
    for (name, bytes) in snapshot(&out) {
        let name = name.to_string_lossy().into_owned();
        if name.starts_with(".partial") {
            continue;
        }
        if name.ends_with(".json") {
            serde_json::from_slice::<serde_json::Value>(&bytes)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        } else {
            assert!(bytes.ends_with(b"\n"), "{name} is cut short");
            csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(bytes.as_slice())
                .records()
                .for_each(|r| {
                    r.unwrap_or_else(|e| panic!("{name}: {e}"));
                });
        }
    }
    run_batch(&input, &out, &[]);
    let fresh = dir.path().join("fresh");
    run_batch(&input, &fresh, &[]);
    assert_eq!(
        snapshot(&out),
        snapshot(&fresh),
        "the resumed run ends where a fresh one does"
    );
}

#[test]
fn unsafe_symbols_stay_inside_the_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let en = dir.path().join("in/en.txt");
    let es = dir.path().join("in/es.txt");
    put(&en, &demo("clean", "en"));
    put(&es, &demo("clean", "es"));
    let long = "A/".repeat(300) + "1";
    let mut manifest = String::from("symbol,language,path\n");
    for symbol in [
        "../../escape",
        "A/RES/70/1",
        "..",
        "/abs/olute",
        "a\u{0}b",
        long.as_str(),
        "日本/語",
    ] {
        manifest.push_str(&format!("\"{symbol}\",en,en.txt\n\"{symbol}\",es,es.txt\n"));
    }
    put(&input.join("manifest.csv"), manifest.as_bytes());
    let out = dir.path().join("out");
    run_batch(&input.join("manifest.csv"), &out, &[]);
    let summary = read_csv(&out.join("summary.csv"));
    assert_eq!(summary.len(), 7);
    assert!(summary.iter().all(|r| r["status"] == "ok"), "{summary:?}");
    // Nothing outside the output folder, no sub-folder inside it.
    for entry in fs::read_dir(dir.path()).unwrap() {
        let name = entry.unwrap().file_name();
        assert!(
            ["in", "out"].contains(&name.to_str().unwrap()),
            "{name:?} created"
        );
    }
    for entry in fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        assert!(path.is_file(), "{} is not a plain file", path.display());
    }
    assert!(out.join("A_RES_70_1.csv").exists());
    assert_eq!(
        fs::read_dir(&out).unwrap().count(),
        7 * 4 + 4,
        "with index.html"
    );
}

#[test]
fn formats_bom_and_an_index_linking_every_document() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    archive(&input, 0);
    let out = dir.path().join("out");
    let formats = ["--format", "tmx,xlsx,csv", "--bom"];
    run_batch(&input, &out, &formats);
    let summary = read_csv(&out.join("summary.csv"));
    let aligned_docs: Vec<&BTreeMap<String, String>> =
        summary.iter().filter(|r| r["rows"] != "0").collect();
    assert_eq!(aligned_docs.len(), 5, "{summary:?}");
    let bom = |name: &str| {
        fs::read(out.join(name))
            .unwrap()
            .starts_with(b"\xEF\xBB\xBF")
    };
    for table in [
        "summary.csv",
        "aligned.csv",
        "unplaceable.csv",
        "A_RES_80_1.csv",
    ] {
        assert!(bom(table), "{table} starts with a byte-order mark");
    }
    assert!(out.join("A_RES_80_1.tmx").exists() && out.join("A_RES_80_1.xlsx").exists());
    assert!(
        !out.join("A_RES_80_1.json").exists(),
        "only the formats asked for"
    );

    let index = fs::read_to_string(out.join("index.html")).unwrap();
    let row_pattern = regex::Regex::new(
        r#"<tr class="[a-z]*" data-symbol="([^"]+)"><td>(.*?)</td><td>[^<]*</td><td class="n r">(\d+)</td><td class="n e">(\d+)</td><td class="n w">(\d+)</td><td>([a-z]+)</td>"#,
    )
    .unwrap();
    let href = regex::Regex::new(r#"href="([^"]+)""#).unwrap();
    let rows: Vec<regex::Captures> = row_pattern.captures_iter(&index).collect();
    assert_eq!(rows.len(), summary.len(), "one index row per document");
    for (row, expected) in rows.iter().zip(&summary) {
        assert_eq!(&row[1], expected["symbol"]);
        assert_eq!(&row[3], expected["rows"]);
        assert_eq!(&row[4], expected["errors"]);
        assert_eq!(&row[5], expected["warnings"]);
        assert_eq!(&row[6], expected["status"]);
        if expected["rows"] != "0" {
            let first = &href
                .captures(&row[2])
                .expect("the symbol links its outputs")[1];
            assert!(first.ends_with(".xlsx"), "the table opens first: {first}");
        }
    }
    let links: Vec<String> = href
        .captures_iter(&index)
        .map(|c| c[1].replace("%25", "%"))
        .collect();
    assert_eq!(
        links.len(),
        aligned_docs.len() * 4,
        "symbol + tmx, xlsx, csv"
    );
    for link in &links {
        assert!(!link.contains('/') && out.join(link).is_file(), "{link}");
    }
    let errors: usize = summary
        .iter()
        .map(|r| r["errors"].parse::<usize>().unwrap())
        .sum();
    assert!(
        index.contains(&format!("{} documents, ", summary.len()))
            && index.contains(&format!(" {errors} errors")),
        "totals"
    );

    let again = run_batch(&input, &out, &formats);
    assert!(
        String::from_utf8(again.stderr).unwrap().contains(&format!(
            "{} documents ({} skipped",
            summary.len(),
            summary.len()
        )),
        "complete in the formats asked for"
    );
    let json = run_batch(&input, &out, &["--format", "json"]);
    assert!(
        String::from_utf8(json.stderr)
            .unwrap()
            .contains("(0 skipped")
    );
    assert!(out.join("A_RES_80_1.json").exists());
}

//! `versalign sentalign` on a small Chinese–English pair written for the test: the expected beads
//! follow from numbers, symbols, names, UN terms and the question mark, with or without
//! CC-CEDICT in `data/`.

use std::fs;

use crate::util::{stdout_of, versalign};

const ZH: &str = "2026年5月19日，委员会在维也纳举行第三十五届会议。
秘书长介绍了报告（E/CN.15/2025/12），并强调能力建设的重要性。
会员国报告说，2024年共查获125 486件文化财产；其中38%与网上销售有关。
这难道不是令人震惊的数字吗？
国际刑警组织（INTERPOL）和联合国教科文组织（UNESCO）提供了技术援助。
委员会决定在第三十六届会议上继续审议这个问题。
";

const EN: &str = "On 19 May 2026, the Commission held its thirty-fifth session in Vienna.
The Secretary-General introduced the report (E/CN.15/2025/12).
He stressed the importance of capacity-building.
Member States reported that 125,486 cultural objects had been seized in 2024.
Of those cases, 38 per cent were linked to online sales.
Is this not an alarming figure?
The International Criminal Police Organization (INTERPOL) and UNESCO provided technical assistance.
The Commission decided to continue its consideration of the question at its thirty-sixth session.
";

const EXPECTED: &str = "[0]:[0]\n[1]:[1,2]\n[2]:[3,4]\n[3]:[5]\n[4]:[6]\n[5]:[7]\n";

#[test]
fn a_small_pair_gets_its_expected_beads() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, en) = (dir.path().join("zh.txt"), dir.path().join("en.txt"));
    fs::write(&zh, ZH).unwrap();
    fs::write(&en, EN).unwrap();
    let out = stdout_of(versalign().arg("sentalign").arg(&zh).arg(&en));
    assert_eq!(out, EXPECTED);
}

#[test]
fn a_job_file_runs_many_pairs_in_one_process() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("zh.txt"), ZH).unwrap();
    fs::write(dir.path().join("en.txt"), EN).unwrap();
    fs::write(
        dir.path().join("jobs.tsv"),
        "zh.txt\ten.txt\tfirst.align\nzh.txt\ten.txt\tsecond.align\n",
    )
    .unwrap();
    versalign()
        .args([
            "sentalign",
            "--src-lang",
            "zh",
            "--tgt-lang",
            "en",
            "--batch",
        ])
        .arg(dir.path().join("jobs.tsv"))
        .assert()
        .success();
    for name in ["first.align", "second.align"] {
        assert_eq!(fs::read_to_string(dir.path().join(name)).unwrap(), EXPECTED);
    }
    fs::write(dir.path().join("bad.tsv"), "zh.txt en.txt\n").unwrap();
    versalign()
        .args(["sentalign", "--batch"])
        .arg(dir.path().join("bad.tsv"))
        .assert()
        .code(2);
}

/// Paragraphs of two sentences and of one, in English and Spanish.
const EN_PARAGRAPHS: &str =
    "1. The Commission met in Vienna on 19 May 2026. It adopted three resolutions.

2. The Secretariat reported that 125 objects had been seized in 2024.

3. Member States asked for technical assistance. The Commission agreed. It will meet again in 2027.
";
const ES_PARAGRAPHS: &str = "1. La Comisión se reunió en Viena el 19 de mayo de 2026. Aprobó tres resoluciones.

2. La Secretaría informó de que en 2024 se habían incautado 125 objetos.

3. Los Estados Miembros pidieron asistencia técnica. La Comisión estuvo de acuerdo. Volverá a reunirse en 2027.
";

#[test]
fn align_at_sentence_level_adds_sentence_rows_under_their_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("en.txt"), EN_PARAGRAPHS).unwrap();
    fs::write(dir.path().join("es.txt"), ES_PARAGRAPHS).unwrap();
    let out = stdout_of(
        versalign()
            .current_dir(dir.path())
            .args(["align", "--level", "sentence", "en.txt", "es.txt"]),
    );
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let sentences: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[1] == "sentence").collect();
    // A one-sentence paragraph is not repeated as a sentence row.
    let rows_of = |n: &str| sentences.iter().filter(|s| &s[0] == n).count();
    assert_eq!(
        [rows_of("1"), rows_of("2"), rows_of("3")],
        [2, 0, 3],
        "{out}"
    );
    assert_eq!(
        &sentences[0][5], "The Commission met in Vienna on 19 May 2026.",
        "no label"
    );
    // Every sentence row follows its paragraph row (same row number), and together the
    // sentences of a paragraph hold all its text.
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for (k, r) in rows.iter().enumerate().filter(|(_, r)| &r[1] != "sentence") {
        let parts: Vec<&csv::StringRecord> = rows[k + 1..]
            .iter()
            .take_while(|s| &s[1] == "sentence")
            .collect();
        if parts.is_empty() {
            continue;
        }
        assert!(parts.iter().all(|s| s[0] == r[0]));
        for column in 5..7 {
            let joined: String = parts.iter().map(|s| &s[column]).collect();
            assert_eq!(
                squeeze(&joined),
                squeeze(&r[column]),
                "row {} column {column}",
                &r[0]
            );
        }
    }
}

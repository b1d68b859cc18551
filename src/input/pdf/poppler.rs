//! Running poppler's programs (`pdfinfo`, `pdftotext`) on a PDF's bytes: the bytes go in on
//! standard input, the output comes back as text, within a time limit; what poppler says on
//! failure becomes a [`PdfError`] that says what to do. A long PDF is read by several
//! `pdftotext` processes at once, a range of pages each.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::LazyLock;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use regex::bytes::Regex;

use crate::error::PdfError;

/// A range of pages, from 1: the first, and the last (included) or `None` for "to the end".
pub(super) type PageRange = (usize, Option<usize>);

/// Page objects in a PDF's bytes (`/Type /Page`, not `/Pages`); in a PDF that keeps them in
/// compressed object streams, none are seen.
static PAGE_OBJECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u)/Type\s*/Page\b").expect("valid page-object pattern"));

/// The number of pages of a PDF, for splitting it: the page objects counted in its bytes, or
/// when none are seen, what `pdfinfo` says; `None` when neither tells (the reading then goes on
/// in one piece, and `pdftotext` says what is wrong with the file). The count only balances
/// the work: pages past a low count are read by the last range, which runs to the end, and a
/// range past the real end reads nothing.
pub(super) fn page_count(input: &[u8], limit: Duration) -> Option<usize> {
    let objects = PAGE_OBJECT.find_iter(input).count();
    if objects > 0 {
        return Some(objects);
    }
    let info = run("pdfinfo", &["-"], input, limit).ok()?;
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
}

/// `pages` split into at most `parts` ranges of at least `least` pages each, in order, the
/// last running to the end; one range (`None`, the whole file) when the count is unknown or
/// too small to split.
pub(super) fn page_ranges(
    pages: Option<usize>,
    parts: usize,
    least: usize,
) -> Vec<Option<PageRange>> {
    let Some(pages) = pages else {
        return vec![None];
    };
    let parts = parts.min(pages / least.max(1)).max(1);
    if parts == 1 {
        return vec![None];
    }
    let size = pages.div_ceil(parts);
    let starts: Vec<usize> = (0..parts)
        .map(|k| k * size + 1)
        .filter(|&first| first <= pages)
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &first)| Some((first, starts.get(k + 1).map(|next| next - 1))))
        .collect()
}

/// `pdftotext args… [-f first [-l last]] - -` on each range at once, each output passed to
/// `read` in the thread that waited for it (so that reading one range overlaps the others'
/// runs); the results in the order of the ranges. A range that starts past the PDF's last page
/// (the page count was high) reads as empty text. Fails as [`run`] does, with the first
/// range's error.
pub(super) fn pdftotext<T: Send>(
    args: &[&str],
    input: &[u8],
    ranges: &[Option<PageRange>],
    limit: Duration,
    read: impl Fn(String) -> T + Sync,
) -> Result<Vec<T>, PdfError> {
    let one = |range: &Option<PageRange>| {
        let first = range.map(|(first, _)| first.to_string());
        let last = range
            .and_then(|(_, last)| last)
            .map(|last| last.to_string());
        let mut all: Vec<&str> = args.to_vec();
        if let Some(first) = &first {
            all.extend(["-f", first]);
        }
        if let Some(last) = &last {
            all.extend(["-l", last]);
        }
        all.extend(["-", "-"]);
        match run("pdftotext", &all, input, limit) {
            Err(PdfError::Poppler { detail, .. })
                if range.is_some_and(|(first, _)| first > 1)
                    && detail.contains("Wrong page range") =>
            {
                Ok(read(String::new()))
            }
            outcome => outcome.map(&read),
        }
    };
    if ranges.len() <= 1 {
        return ranges.iter().map(one).collect();
    }
    thread::scope(|scope| {
        let runs: Vec<_> = ranges
            .iter()
            .map(|range| scope.spawn(|| one(range)))
            .collect();
        runs.into_iter()
            .map(|run| {
                run.join().unwrap_or_else(|_| {
                    Err(PdfError::Poppler {
                        program: "pdftotext".into(),
                        detail: "the reader thread failed".into(),
                    })
                })
            })
            .collect()
    })
}

/// Run `program args…` with `input` on standard input; its standard output, decoded as UTF-8
/// (lossily: poppler's output is never trusted to be valid). Fails when the program is not
/// installed, when it runs longer than `limit` (it is then killed), or when it exits with an
/// error.
fn run(program: &str, args: &[&str], input: &[u8], limit: Duration) -> Result<String, PdfError> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => PdfError::PopplerMissing {
                program: program.to_string(),
            },
            _ => PdfError::Poppler {
                program: program.to_string(),
                detail: e.to_string(),
            },
        })?;
    let (Some(mut stdin), Some(mut stdout), Some(mut stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        return Err(PdfError::Poppler {
            program: program.to_string(),
            detail: "its standard streams could not be opened".into(),
        });
    };
    let (done, finished) = mpsc::channel();
    let outcome = thread::scope(|scope| {
        scope.spawn(move || {
            // A program that stops reading (a damaged file) closes the pipe: not an error here.
            let _ = stdin.write_all(input);
        });
        let errors = scope.spawn(move || {
            let mut text = Vec::new();
            let _ = stderr.read_to_end(&mut text);
            text
        });
        scope.spawn(move || {
            let mut text = Vec::new();
            let read = stdout.read_to_end(&mut text);
            let _ = done.send(read.map(|_| text));
        });
        let output = match finished.recv_timeout(limit) {
            Ok(output) => Some(output),
            Err(_) => {
                let _ = child.kill();
                None
            }
        };
        let status = child.wait();
        (output, status, errors.join().unwrap_or_default())
    });
    let (output, status, errors) = outcome;
    let Some(output) = output else {
        return Err(PdfError::Timeout {
            program: program.to_string(),
            seconds: limit.as_secs_f64(),
        });
    };
    let errors = String::from_utf8_lossy(&errors);
    let failed = |detail: String| PdfError::Poppler {
        program: program.to_string(),
        detail,
    };
    let output = output.map_err(|e| failed(e.to_string()))?;
    let status = status.map_err(|e| failed(e.to_string()))?;
    if !status.success() {
        return Err(refusal(program, &errors));
    }
    Ok(String::from_utf8(output)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// The error for a poppler run that failed, from what it printed on standard error.
fn refusal(program: &str, errors: &str) -> PdfError {
    let lower = errors.to_ascii_lowercase();
    if lower.contains("password") || lower.contains("encrypt") {
        return PdfError::Encrypted;
    }
    let detail = errors
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("no message")
        .to_string();
    if lower.contains("syntax error") || lower.contains("may not be a pdf") {
        PdfError::Damaged { detail }
    } else {
        PdfError::Poppler {
            program: program.to_string(),
            detail,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_program_names_the_package_to_install() {
        let e = run("pdftotext-not-installed", &[], b"", Duration::from_secs(1)).unwrap_err();
        assert_eq!(
            e,
            PdfError::PopplerMissing {
                program: "pdftotext-not-installed".into()
            }
        );
        let message = e.to_string();
        assert!(message.contains("apt install poppler-utils"), "{message}");
        assert!(message.contains("brew install poppler"), "{message}");
        assert!(message.contains("choco install poppler"), "{message}");
    }

    #[test]
    fn a_program_running_too_long_is_killed() {
        if Command::new("sleep").arg("0").status().is_err() {
            return;
        }
        let started = std::time::Instant::now();
        // `exec` so that the process killed is the one holding the pipes.
        let e = run(
            "sh",
            &["-c", "exec sleep 5"],
            b"",
            Duration::from_millis(200),
        )
        .unwrap_err();
        assert!(matches!(e, PdfError::Timeout { .. }), "{e:?}");
        assert!(started.elapsed() < Duration::from_secs(4));
    }

    #[test]
    fn long_documents_are_split_into_page_ranges() {
        assert_eq!(page_ranges(None, 4, 8), [None]);
        assert_eq!(
            page_ranges(Some(12), 2, 8),
            [None],
            "too few pages to split"
        );
        assert_eq!(
            page_ranges(Some(83), 2, 8),
            [Some((1, Some(42))), Some((43, None))]
        );
        assert_eq!(
            page_ranges(Some(17), 3, 8),
            [Some((1, Some(9))), Some((10, None))],
            "no range under the least size"
        );
        assert_eq!(page_ranges(Some(100), 1, 8), [None]);
    }

    #[test]
    fn poppler_complaints_are_told_apart() {
        assert_eq!(
            refusal("pdftotext", "Command Line Error: Incorrect password\n"),
            PdfError::Encrypted
        );
        assert!(matches!(
            refusal(
                "pdftotext",
                "Syntax Warning: May not be a PDF file (continuing anyway)\nSyntax Error: Couldn't read xref table\n"
            ),
            PdfError::Damaged { .. }
        ));
    }
}

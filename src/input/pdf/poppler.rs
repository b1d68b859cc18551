//! Running a poppler program (`pdftotext`) on a PDF's bytes: the bytes go in on standard
//! input, the output comes back as text, within a time limit; what poppler says on failure
//! becomes a [`PdfError`] that says what to do.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use crate::error::PdfError;

/// Run `program args… - -` with `input` on standard input; its standard output, decoded as
/// UTF-8 (lossily: poppler's output is never trusted to be valid). Fails when the program is
/// not installed, when it runs longer than `limit` (it is then killed), or when it exits with
/// an error.
pub(super) fn run(
    program: &str,
    args: &[&str],
    input: &[u8],
    limit: Duration,
) -> Result<String, PdfError> {
    let mut child = Command::new(program)
        .args(args)
        .args(["-", "-"])
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
    Ok(String::from_utf8_lossy(&output).into_owned())
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
        // `sh -c 'exec sleep 5' - -`: the two dashes become the script's $0 and $1; `exec`
        // so that the process killed is the one holding the pipes.
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

//! Batch alignment of document archives: files placed into documents by symbol and language,
//! documents aligned and checked in parallel, outputs written atomically and resumably, a
//! summary row per document and all aligned rows in one table for terminology work.
//!
//! Output folder: per document `<name>.<ext>` in each format asked for (by default `.csv`, the
//! `align` table, and `.json`, the `check` JSON), `<name>.row` (its summary row) and
//! `<name>.aligned` (its rows of `aligned.csv`); then `summary.csv`, `aligned.csv`,
//! `unplaceable.csv` and `index.html` (a page linking every document's outputs). With
//! `--shard K/N` these are written as `<table>.shard-K-of-N.csv` (and `index.shard-K-of-N.html`),
//! and [`merge`] joins the shards into the same bytes an unsharded run writes.

mod index;
pub(crate) mod naming;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use crate::align::check_size;
use crate::align::sentence_rows::Level;
use crate::check::{Finding, Severity};
use crate::export::table::write_archive_rows;
use crate::export::{self, ExportOptions, Format};
use crate::input;
use crate::lexicon::LexiconCache;
use crate::model::{Document, Language};
use crate::pipeline::{Comparison, Options, Source};

use naming::{fnv1a, output_name, read_name};

/// Errors of a batch as a whole (a failing document is recorded, not an error).
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// Reading the input or writing the output failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// The manifest could not be read.
    #[error("{}: line {line}: {message}", path.display())]
    Manifest {
        /// The manifest.
        path: PathBuf,
        /// Its line.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// `--shard` out of range.
    #[error("shard {0}/{1}: give K/N with 1 ≤ K ≤ N")]
    Shard(usize, usize),
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> BatchError + '_ {
    move |source| BatchError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// One 1/N share of the documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which share, 1-based.
    pub index: usize,
    /// How many shares.
    pub count: usize,
}

impl Shard {
    /// Whether a symbol belongs to this share (by a stable hash of the symbol).
    pub fn owns(&self, symbol: &str) -> bool {
        fnv1a(symbol.as_bytes()) % self.count as u64 == (self.index - 1) as u64
    }

    fn suffix(&self) -> String {
        format!(".shard-{}-of-{}", self.index, self.count)
    }
}

/// The versions of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DocumentFiles {
    /// Its symbol.
    pub symbol: String,
    /// Its versions' files by language.
    pub versions: BTreeMap<Language, PathBuf>,
}

/// A file that could not be placed in a document, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unplaceable {
    /// The file.
    pub path: PathBuf,
    /// Why it was not placed.
    pub reason: String,
}

/// The input grouped into documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Placement {
    /// Documents, sorted by symbol.
    pub documents: Vec<DocumentFiles>,
    /// Files that could not be placed.
    pub unplaceable: Vec<Unplaceable>,
}

/// A file with the symbol and language found for it, or why it cannot be placed.
type Located = (PathBuf, Result<(Option<String>, Option<Language>), String>);

/// Group the files of a folder tree or of a manifest CSV (`symbol,language,path`, paths
/// relative to the manifest) into documents. Every file of the tree is accounted for: a file
/// that is no document version (`README.md`), or whose symbol or language cannot be found
/// (because it cannot be read, say), is listed as unplaceable with the reason.
pub(crate) fn place(input: &Path) -> Result<Placement, BatchError> {
    let located: Vec<Located> = if input.is_dir() {
        let mut files = Vec::new();
        walk(input, &mut files)?;
        files.sort();
        files
            .into_par_iter()
            .map(|p| {
                if !input::is_version_file(&p) {
                    let reason = "not a document version (versions are .txt, .docx, .doc, .odt, \
                                  .pdf or .rtf files)";
                    return (p, Err(reason.to_string()));
                }
                let named = read_name(&p);
                let found = if named.symbol.is_some() && named.language.is_some() {
                    Ok((named.symbol, named.language))
                } else {
                    from_content(&p, named.symbol, named.language)
                };
                (p, found)
            })
            .collect()
    } else {
        read_manifest(input)?
    };
    let mut documents: BTreeMap<String, BTreeMap<Language, PathBuf>> = BTreeMap::new();
    let mut unplaceable = Vec::new();
    for (path, found) in located {
        let (symbol, language) = match found {
            Ok(found) => found,
            Err(reason) => {
                unplaceable.push(Unplaceable { path, reason });
                continue;
            }
        };
        match (symbol, language) {
            (Some(s), Some(l)) => {
                let versions = documents.entry(s.clone()).or_default();
                if let Some(first) = versions.get(&l) {
                    unplaceable.push(Unplaceable {
                        reason: format!(
                            "a second {l} version of {s} (the first is {})",
                            first.display()
                        ),
                        path,
                    });
                } else {
                    versions.insert(l, path);
                }
            }
            (None, _) => unplaceable.push(Unplaceable {
                path,
                reason: "no symbol in the file name or the header".into(),
            }),
            (Some(s), None) => unplaceable.push(Unplaceable {
                path,
                reason: format!("symbol {s} but no language in the name or the text"),
            }),
        }
    }
    Ok(Placement {
        documents: documents
            .into_iter()
            .map(|(symbol, versions)| DocumentFiles { symbol, versions })
            .collect(),
        unplaceable,
    })
}

/// Symbol and language from the file's header and text, where the name lacks them; the read
/// error when the file cannot be read.
fn from_content(
    path: &Path,
    symbol: Option<String>,
    language: Option<Language>,
) -> Result<(Option<String>, Option<Language>), String> {
    let doc = Source::File {
        path: path.to_path_buf(),
        language,
    }
    .read()
    .map_err(|e| e.to_string())?;
    let detected = (doc.language_confidence > 0.0).then_some(doc.language);
    Ok((symbol.or(doc.header.symbol), language.or(detected)))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), BatchError> {
    for entry in fs::read_dir(dir).map_err(io_error(dir))? {
        let path = entry.map_err(io_error(dir))?.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

#[derive(Debug, Deserialize)]
struct ManifestRow {
    symbol: String,
    language: String,
    path: PathBuf,
}

fn read_manifest(path: &Path) -> Result<Vec<Located>, BatchError> {
    let base = path.parent().unwrap_or(Path::new(""));
    let mut reader = csv::Reader::from_path(path).map_err(|e| BatchError::Manifest {
        path: path.into(),
        line: 0,
        message: e.to_string(),
    })?;
    let mut out = Vec::new();
    for row in reader.deserialize::<ManifestRow>() {
        let row = row.map_err(|e| BatchError::Manifest {
            path: path.into(),
            line: e.position().map_or(0, |p| p.line()),
            message: e.to_string(),
        })?;
        let file = if row.path.is_absolute() {
            row.path
        } else {
            base.join(row.path)
        };
        let symbol = Some(row.symbol.trim().to_string()).filter(|s| !s.is_empty());
        out.push((file, Ok((symbol, row.language.parse().ok()))));
    }
    Ok(out)
}

/// How to run a batch.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// A folder tree or a manifest CSV.
    pub input: PathBuf,
    /// The output folder.
    pub output: PathBuf,
    /// Only this share of the documents.
    pub shard: Option<Shard>,
    /// Redo documents whose outputs exist.
    pub force: bool,
    /// Paragraphs only, or sentences inside them too.
    pub level: Level,
    /// The formats of each document's outputs ([`BatchOptions::DEFAULT_FORMATS`] by default).
    pub formats: Vec<Format>,
    /// Start the CSV and TSV files (the documents' tables, `summary.csv`, `aligned.csv`,
    /// `unplaceable.csv`) with a byte-order mark, so that Excel reads them as UTF-8.
    pub bom: bool,
    /// Check the renderings of this glossary's terms too (`term-mismatch`).
    pub glossary: Option<std::sync::Arc<crate::check::glossary::Glossary>>,
}

impl BatchOptions {
    /// What a batch writes for each document unless told otherwise: the table and the JSON.
    pub const DEFAULT_FORMATS: [Format; 2] = [Format::Csv, Format::Json];
}

/// What a batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchReport {
    /// Documents in this run's share.
    pub documents: usize,
    /// Of those, skipped because their outputs were complete.
    pub skipped: usize,
    /// Of those, with status `failed`.
    pub failed: usize,
    /// Files that could not be placed.
    pub unplaceable: usize,
    /// Bytes of input text in the documents processed (not skipped).
    pub bytes: u64,
}

/// Columns of `summary.csv`.
pub(crate) const SUMMARY_HEADER: &str =
    "symbol,languages,missing,original,rows,errors,warnings,status,message,files";

/// Index of the `status` column of `summary.csv`.
const STATUS_COLUMN: usize = 7;

/// Field `k` of a one-record CSV.
fn field(record: &[u8], k: usize) -> Option<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(record);
    let first = reader.records().next()?.ok()?;
    first.get(k).map(str::to_string)
}

/// Columns of `aligned.csv`: the symbol, the `align` columns with all six languages.
pub(crate) fn aligned_header() -> String {
    let langs: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
    let lines: Vec<String> = langs.iter().map(|l| format!("{l}_line")).collect();
    format!(
        "symbol,row,kind,label,method,score,{},{},findings",
        langs.join(","),
        lines.join(",")
    )
}

/// Run a batch: place, process every document of the share (in parallel on the current rayon
/// pool), write the tables.
pub fn run(options: &BatchOptions) -> Result<BatchReport, BatchError> {
    run_with(options, &|_| {}, &|| {})
}

/// [`run`], telling `planned` how many documents the share holds and calling `done` once per
/// document finished (for a progress display).
pub fn run_with(
    options: &BatchOptions,
    planned: &dyn Fn(usize),
    done: &(dyn Fn() + Sync),
) -> Result<BatchReport, BatchError> {
    if let Some(s) = options.shard
        && (s.index == 0 || s.index > s.count)
    {
        return Err(BatchError::Shard(s.index, s.count));
    }
    let out = &options.output;
    fs::create_dir_all(out).map_err(io_error(out))?;
    let scratch = out.join(".partial");
    if scratch.exists() {
        fs::remove_dir_all(&scratch).map_err(io_error(&scratch))?;
    }
    fs::create_dir_all(&scratch).map_err(io_error(&scratch))?;
    let placement = place(&options.input)?;
    let documents: Vec<&DocumentFiles> = placement
        .documents
        .iter()
        .filter(|d| options.shard.is_none_or(|s| s.owns(&d.symbol)))
        .collect();
    planned(documents.len());
    // One copy of each language pair's lexicon for all documents (sentence level only).
    let compare = Options {
        pivot: None,
        level: options.level,
        lexicons: Some(std::sync::Arc::new(
            LexiconCache::with_default_dictionaries(|_| {}),
        )),
        same_language: false,
        glossary: options.glossary.clone(),
    };
    // One document per task: documents differ in size, and coarse splits leave a core idle at
    // the end.
    let outcomes: Vec<Result<(bool, bool, u64), BatchError>> = documents
        .par_iter()
        .with_max_len(1)
        .map(|d| {
            let result = process(d, out, &scratch, options, &compare);
            done();
            result
        })
        .collect();
    let mut report = BatchReport {
        documents: documents.len(),
        ..BatchReport::default()
    };
    for outcome in outcomes {
        let (skipped, failed, bytes) = outcome?;
        report.skipped += usize::from(skipped);
        report.failed += usize::from(failed);
        report.bytes += bytes;
    }
    let suffix = options.shard.map(|s| s.suffix()).unwrap_or_default();
    let names: Vec<String> = documents.iter().map(|d| output_name(&d.symbol)).collect();
    write_tables(out, &scratch, &names, &suffix, options.bom)?;
    let unplaceable: &[Unplaceable] = if options.shard.is_none_or(|s| s.index == 1) {
        &placement.unplaceable
    } else {
        &[]
    };
    report.unplaceable = unplaceable.len();
    write_unplaceable(out, &scratch, unplaceable, &suffix, options.bom)?;
    index::write_index(out, &scratch, &suffix)?;
    fs::remove_dir_all(&scratch).map_err(io_error(&scratch))?;
    Ok(report)
}

/// Write `bytes` to `dir/name` through a file in the scratch folder and a rename, so that an
/// interrupted run never leaves half a file under the final name.
fn write_atomically(
    scratch: &Path,
    dir: &Path,
    name: &str,
    bytes: &[u8],
) -> Result<(), BatchError> {
    let temp = scratch.join(format!("{name}.{}", std::process::id()));
    fs::write(&temp, bytes).map_err(io_error(&temp))?;
    let target = dir.join(name);
    fs::rename(&temp, &target).map_err(io_error(&target))
}

/// One document: skipped if complete, else read, aligned, checked and written. Returns
/// (skipped, failed, input bytes).
fn process(
    doc: &DocumentFiles,
    out: &Path,
    scratch: &Path,
    options: &BatchOptions,
    compare: &Options,
) -> Result<(bool, bool, u64), BatchError> {
    let name = output_name(&doc.symbol);
    let row_file = out.join(format!("{name}.row"));
    if !options.force && row_file.exists() {
        let row = fs::read(&row_file).map_err(io_error(&row_file))?;
        let failed = field(&row, STATUS_COLUMN).as_deref() == Some("failed");
        let complete = failed
            || options
                .formats
                .iter()
                .map(|f| f.extension())
                .chain(["aligned"])
                .all(|ext| out.join(format!("{name}.{ext}")).exists());
        if complete {
            return Ok((true, failed, 0));
        }
    }
    let mut read = Vec::new();
    let mut errors = Vec::new();
    let mut bytes = 0u64;
    for (lang, path) in &doc.versions {
        bytes += fs::metadata(path).map_or(0, |m| m.len());
        let source = Source::File {
            path: path.clone(),
            language: Some(*lang),
        };
        match source.read() {
            Ok(d) => read.push(d),
            Err(e) => errors.push(e.to_string()),
        }
    }
    let too_large = read.iter().find_map(|d| check_size(d).err());
    let summary = if let Some(refusal) = too_large {
        errors.push(refusal.to_string());
        SummaryRow::new(doc, &read, 0, &[], "failed", &errors)
    } else if read.len() >= 2 {
        let comparison = Comparison::of_documents(read, compare).map_err(|e| BatchError::Io {
            path: out.join(&name),
            source: io::Error::other(e.to_string()),
        })?;
        write_outputs(&comparison, &doc.symbol, &name, out, scratch, options)?;
        let status = if errors.is_empty() { "ok" } else { "partial" };
        SummaryRow::new(
            doc,
            &comparison.documents,
            comparison.alignment.rows.len(),
            &comparison.findings,
            status,
            &errors,
        )
    } else {
        let status = if read.is_empty() {
            "failed"
        } else if errors.is_empty() {
            "single"
        } else {
            "failed"
        };
        SummaryRow::new(doc, &read, 0, &[], status, &errors)
    };
    let failed = summary.status == "failed";
    write_atomically(scratch, out, &format!("{name}.row"), &summary.to_csv()?)?;
    Ok((false, failed, bytes))
}

/// Write a document's file in each format asked for (`.csv`, `.json` …) and its rows of
/// `aligned.csv` (`.aligned`).
fn write_outputs(
    comparison: &Comparison,
    symbol: &str,
    name: &str,
    out: &Path,
    scratch: &Path,
    options: &BatchOptions,
) -> Result<(), BatchError> {
    let failed = |e: io::Error| BatchError::Io {
        path: out.join(name),
        source: e,
    };
    let export_options = ExportOptions {
        bom: options.bom,
        ..ExportOptions::default()
    };
    let mut archive_rows = Vec::new();
    write_archive_rows(&mut archive_rows, symbol, comparison)
        .map_err(|e| failed(export::csv_to_io(e)))?;
    for &format in &options.formats {
        let mut bytes = Vec::new();
        export::write(comparison, format, &export_options, &mut bytes).map_err(failed)?;
        write_atomically(
            scratch,
            out,
            &format!("{name}.{}", format.extension()),
            &bytes,
        )?;
    }
    // Last: its presence tells a resumed run that the document's files are complete.
    write_atomically(scratch, out, &format!("{name}.aligned"), &archive_rows)
}

/// One row of `summary.csv`.
struct SummaryRow {
    symbol: String,
    languages: String,
    missing: String,
    original: String,
    rows: usize,
    errors: usize,
    warnings: usize,
    status: &'static str,
    message: String,
    files: String,
}

impl SummaryRow {
    fn new(
        doc: &DocumentFiles,
        read: &[Document],
        rows: usize,
        findings: &[Finding],
        status: &'static str,
        errors: &[String],
    ) -> Self {
        let present: BTreeSet<Language> = doc.versions.keys().copied().collect();
        let codes = |langs: &mut dyn Iterator<Item = Language>| {
            langs.map(|l| l.code()).collect::<Vec<_>>().join(";")
        };
        let mut originals: BTreeMap<Language, usize> = BTreeMap::new();
        for l in read.iter().filter_map(|d| d.header.original_language) {
            *originals.entry(l).or_default() += 1;
        }
        let original = originals
            .into_iter()
            .max_by_key(|&(l, n)| (n, std::cmp::Reverse(l)))
            .map(|(l, _)| l.to_string())
            .unwrap_or_default();
        SummaryRow {
            symbol: doc.symbol.clone(),
            languages: codes(&mut Language::ALL.into_iter().filter(|l| present.contains(l))),
            missing: codes(&mut Language::ALL.into_iter().filter(|l| !present.contains(l))),
            original,
            rows,
            errors: findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count(),
            warnings: findings
                .iter()
                .filter(|f| f.severity == Severity::Warning)
                .count(),
            status,
            message: errors.join("; "),
            files: doc
                .versions
                .values()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(";"),
        }
    }

    fn to_csv(&self) -> Result<Vec<u8>, BatchError> {
        let mut writer = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        writer
            .write_record([
                self.symbol.as_str(),
                &self.languages,
                &self.missing,
                &self.original,
                &self.rows.to_string(),
                &self.errors.to_string(),
                &self.warnings.to_string(),
                self.status,
                &self.message,
                &self.files,
            ])
            .and_then(|()| writer.flush().map_err(csv::Error::from))
            .map_err(|e| BatchError::Io {
                path: PathBuf::from(&self.symbol),
                source: io::Error::other(e.to_string()),
            })?;
        writer.into_inner().map_err(|e| BatchError::Io {
            path: PathBuf::from(&self.symbol),
            source: io::Error::other(e.to_string()),
        })
    }
}

/// Write `summary<suffix>.csv` and `aligned<suffix>.csv` from the per-document files, in symbol
/// order, streaming one document at a time.
fn write_tables(
    out: &Path,
    scratch: &Path,
    names: &[String],
    suffix: &str,
    bom: bool,
) -> Result<(), BatchError> {
    let summary_name = format!("summary{suffix}.csv");
    let aligned_name = format!("aligned{suffix}.csv");
    let summary_temp = scratch.join(&summary_name);
    let aligned_temp = scratch.join(&aligned_name);
    let mut summary =
        io::BufWriter::new(fs::File::create(&summary_temp).map_err(io_error(&summary_temp))?);
    let mut aligned =
        io::BufWriter::new(fs::File::create(&aligned_temp).map_err(io_error(&aligned_temp))?);
    writeln!(summary, "{}{SUMMARY_HEADER}", byte_order_mark(bom))
        .map_err(io_error(&summary_temp))?;
    writeln!(aligned, "{}{}", byte_order_mark(bom), aligned_header())
        .map_err(io_error(&aligned_temp))?;
    // Each document wrote its summary row and its rows of aligned.csv: concatenate them.
    for name in names {
        for (ext, sink, temp) in [
            ("row", &mut summary, &summary_temp),
            ("aligned", &mut aligned, &aligned_temp),
        ] {
            let part = out.join(format!("{name}.{ext}"));
            if part.exists() {
                let mut file = fs::File::open(&part).map_err(io_error(&part))?;
                io::copy(&mut file, sink).map_err(io_error(temp))?;
            }
        }
    }
    summary.flush().map_err(io_error(&summary_temp))?;
    aligned.flush().map_err(io_error(&aligned_temp))?;
    drop(summary);
    drop(aligned);
    fs::rename(&summary_temp, out.join(&summary_name)).map_err(io_error(out))?;
    fs::rename(&aligned_temp, out.join(&aligned_name)).map_err(io_error(out))
}

/// The byte-order mark that starts a CSV table for Excel, when asked for.
fn byte_order_mark(bom: bool) -> &'static str {
    if bom { "\u{FEFF}" } else { "" }
}

/// Whether a file starts with a UTF-8 byte-order mark.
fn starts_with_bom(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 3];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == [0xEF, 0xBB, 0xBF])
}

fn csv_io(path: &Path, e: csv::Error) -> BatchError {
    BatchError::Io {
        path: path.to_path_buf(),
        source: io::Error::other(e.to_string()),
    }
}

fn write_unplaceable(
    out: &Path,
    scratch: &Path,
    files: &[Unplaceable],
    suffix: &str,
    bom: bool,
) -> Result<(), BatchError> {
    let mut writer = csv::Writer::from_writer(byte_order_mark(bom).as_bytes().to_vec());
    let name = format!("unplaceable{suffix}.csv");
    writer
        .write_record(["path", "reason"])
        .map_err(|e| csv_io(out, e))?;
    for f in files {
        writer
            .write_record([f.path.display().to_string(), f.reason.clone()])
            .map_err(|e| csv_io(out, e))?;
    }
    let bytes = writer.into_inner().map_err(|e| BatchError::Io {
        path: out.join(&name),
        source: io::Error::other(e.to_string()),
    })?;
    write_atomically(scratch, out, &name, &bytes)
}

/// Join the shard tables of an output folder (`summary.shard-K-of-N.csv` …) into
/// `summary.csv`, `aligned.csv` and `unplaceable.csv`, in the symbol order an unsharded run
/// writes, and write `index.html` for them. The shards are read as streams (each is sorted by symbol already). Returns the number
/// of shards joined.
pub fn merge(out: &Path) -> Result<usize, BatchError> {
    let mut suffixes: Vec<String> = fs::read_dir(out)
        .map_err(io_error(out))?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter_map(|n| {
            n.strip_prefix("summary")
                .and_then(|s| s.strip_suffix(".csv"))
                .map(str::to_string)
        })
        .filter(|s| s.starts_with(".shard-"))
        .collect();
    suffixes.sort();
    let scratch = out.join(".partial");
    fs::create_dir_all(&scratch).map_err(io_error(&scratch))?;
    for (table, header) in [
        ("summary", SUMMARY_HEADER.to_string()),
        ("aligned", aligned_header()),
        ("unplaceable", "path,reason".to_string()),
    ] {
        let inputs: Vec<PathBuf> = suffixes
            .iter()
            .map(|s| out.join(format!("{table}{s}.csv")))
            .filter(|p| p.exists())
            .collect();
        let temp = scratch.join(format!("{table}.csv"));
        let mut file = io::BufWriter::new(fs::File::create(&temp).map_err(io_error(&temp))?);
        let bom = inputs.first().is_some_and(|p| starts_with_bom(p));
        file.write_all(byte_order_mark(bom).as_bytes())
            .map_err(io_error(&temp))?;
        let mut writer = csv::Writer::from_writer(file);
        writer
            .write_record(header.split(','))
            .map_err(|e| csv_io(&temp, e))?;
        merge_sorted(&inputs, &mut writer)?;
        writer.flush().map_err(io_error(&temp))?;
        drop(writer);
        fs::rename(&temp, out.join(format!("{table}.csv"))).map_err(io_error(out))?;
    }
    index::write_index(out, &scratch, "")?;
    fs::remove_dir_all(&scratch).map_err(io_error(&scratch))?;
    Ok(suffixes.len())
}

/// Stream the records of CSV files, each sorted by its first column, into one writer in order of
/// that column (records of one file keep their order).
fn merge_sorted<W: Write>(
    inputs: &[PathBuf],
    writer: &mut csv::Writer<W>,
) -> Result<(), BatchError> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let mut readers = Vec::with_capacity(inputs.len());
    for path in inputs {
        let file = fs::File::open(path).map_err(io_error(path))?;
        readers.push(csv::Reader::from_reader(io::BufReader::new(file)).into_byte_records());
    }
    let mut heap = BinaryHeap::new();
    let mut pending: Vec<Option<csv::ByteRecord>> = vec![None; readers.len()];
    let mut advance = |k: usize,
                       heap: &mut BinaryHeap<Reverse<(Vec<u8>, usize)>>,
                       pending: &mut Vec<Option<csv::ByteRecord>>|
     -> Result<(), BatchError> {
        if let Some(record) = readers[k].next() {
            let record = record.map_err(|e| csv_io(&inputs[k], e))?;
            heap.push(Reverse((record.get(0).unwrap_or_default().to_vec(), k)));
            pending[k] = Some(record);
        }
        Ok(())
    };
    for k in 0..inputs.len() {
        advance(k, &mut heap, &mut pending)?;
    }
    while let Some(Reverse((_, k))) = heap.pop() {
        if let Some(record) = pending[k].take() {
            writer
                .write_byte_record(&record)
                .map_err(|e| csv_io(&inputs[k], e))?;
        }
        advance(k, &mut heap, &mut pending)?;
    }
    Ok(())
}

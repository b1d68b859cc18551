//! `versalign sentalign SRC TGT [--src-lang L --tgt-lang L] [--dict FILE] [-o OUT]` and
//! `versalign sentalign --batch JOBFILE`: align two files of one sentence per line and write the
//! beads (`[0]:[0]`, `[8,9]:[8]`, `[5]:[]`), one per line, as the MAC benchmark scores them.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use versalign::{
    Language, Lexicon, SentenceAligner, TextEncoding, bead_notation, detect_language, read_text,
    read_text_as, split_lines,
};

use crate::cli::{CliError, Outcome, language};

/// Arguments of `versalign sentalign`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Source sentences, one per line (line k is sentence k, counted from 0).
    #[arg(required_unless_present = "batch")]
    pub src: Option<PathBuf>,
    /// Target sentences, one per line.
    #[arg(required_unless_present = "batch")]
    pub tgt: Option<PathBuf>,
    /// Language of the source file (detected when not given).
    #[arg(long, value_name = "LANG", value_parser = language())]
    pub src_lang: Option<Language>,
    /// Language of the target file (detected when not given).
    #[arg(long, value_name = "LANG", value_parser = language())]
    pub tgt_lang: Option<Language>,
    /// A bilingual dictionary to add: hunalign's `target @ source` lines, two-column CSV, or
    /// CC-CEDICT (the format is recognised). May be repeated. CC-CEDICT, when installed (see
    /// `scripts/fetch-cedict.sh`), is loaded automatically for Chinese–English.
    #[arg(long, value_name = "FILE")]
    pub dict: Vec<PathBuf>,
    /// Write the beads here instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Align many pairs in one process: lines `src<TAB>tgt<TAB>out` (paths relative to the job
    /// file's folder).
    #[arg(long, value_name = "JOBFILE", conflicts_with_all = ["src", "tgt", "output"])]
    pub batch: Option<PathBuf>,
    /// Read the sentence files in this encoding instead of detecting it: any WHATWG label
    /// (`windows-1252`, `windows-1251`, `gbk`, `big5`, `utf-16le` …).
    #[arg(long, value_name = "ENC")]
    pub encoding: Option<TextEncoding>,
}

/// One pair to align.
struct Job {
    src: PathBuf,
    tgt: PathBuf,
    out: Option<PathBuf>,
}

/// Run `versalign sentalign`.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let jobs = match &args.batch {
        Some(file) => read_jobs(file)?,
        None => vec![Job {
            src: args.src.clone().unwrap_or_default(),
            tgt: args.tgt.clone().unwrap_or_default(),
            out: args.output.clone(),
        }],
    };
    let mut lexicons: HashMap<(Language, Language), Lexicon> = HashMap::new();
    for job in jobs {
        let src = sentences(&job.src, args.encoding)?;
        let tgt = sentences(&job.tgt, args.encoding)?;
        let src_lang = language_of(args.src_lang, &src, &job.src)?;
        let tgt_lang = language_of(args.tgt_lang, &tgt, &job.tgt)?;
        let lexicon = match lexicons.entry((src_lang, tgt_lang)) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(load_lexicon(src_lang, tgt_lang, &args.dict)?)
            }
        };
        let src_refs: Vec<&str> = src.iter().map(String::as_str).collect();
        let tgt_refs: Vec<&str> = tgt.iter().map(String::as_str).collect();
        let beads = SentenceAligner::new(lexicon, src_lang, tgt_lang).align(&src_refs, &tgt_refs);
        let write_error = |source| CliError::Write {
            path: job.out.clone(),
            source,
        };
        let sink: Box<dyn Write> = match &job.out {
            Some(path) => Box::new(File::create(path).map_err(write_error)?),
            None => Box::new(std::io::stdout().lock()),
        };
        let mut out = BufWriter::new(sink);
        for bead in &beads {
            writeln!(out, "{}", bead_notation(bead.a.clone(), bead.b.clone()))
                .map_err(write_error)?;
        }
        out.flush().map_err(write_error)?;
    }
    Ok(Outcome::Clean)
}

/// The lines of a file, one sentence each, read in `encoding` when given.
fn sentences(path: &Path, encoding: Option<TextEncoding>) -> Result<Vec<String>, CliError> {
    let text = read_text_as(path, encoding)?;
    Ok(split_lines(&text).into_iter().map(str::to_string).collect())
}

/// The given language, else the one detected from the sentences.
fn language_of(
    given: Option<Language>,
    sentences: &[String],
    path: &Path,
) -> Result<Language, CliError> {
    if let Some(l) = given {
        return Ok(l);
    }
    let sample: String = sentences
        .iter()
        .take(200)
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    detect_language(&sample).map(|d| d.language).ok_or_else(|| {
        CliError::Usage(format!(
            "{}: cannot tell its language; give --src-lang and --tgt-lang",
            path.display()
        ))
    })
}

/// The built-in lexicon, CC-CEDICT from `data/` for Chinese–English, and `--dict` files.
fn load_lexicon(src: Language, tgt: Language, extra: &[PathBuf]) -> Result<Lexicon, CliError> {
    let (mut lexicon, cedict) = Lexicon::with_default_dictionary(src, tgt)?;
    if let Some(path) = cedict {
        eprintln!(
            "versalign sentalign: using CC-CEDICT from {} (CC BY-SA 4.0)",
            path.display()
        );
    }
    for path in extra {
        let pairs = lexicon.add_file(path)?;
        eprintln!(
            "versalign sentalign: {pairs} dictionary pairs from {}",
            path.display()
        );
    }
    Ok(lexicon)
}

/// The jobs of a job file: `src<TAB>tgt<TAB>out` per line, relative to the file's folder.
fn read_jobs(file: &Path) -> Result<Vec<Job>, CliError> {
    let text = read_text(file)?;
    let base = file.parent().unwrap_or(Path::new(""));
    let resolve = |p: &str| {
        let p = PathBuf::from(p.trim());
        if p.is_absolute() { p } else { base.join(p) }
    };
    split_lines(&text)
        .into_iter()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(k, l)| {
            let fields: Vec<&str> = l.split('\t').collect();
            match fields.as_slice() {
                [src, tgt, out] => Ok(Job {
                    src: resolve(src),
                    tgt: resolve(tgt),
                    out: Some(resolve(out)),
                }),
                _ => Err(CliError::Usage(format!(
                    "{}:{}: expected src<TAB>tgt<TAB>out",
                    file.display(),
                    k + 1
                ))),
            }
        })
        .collect()
}

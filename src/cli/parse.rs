//! `versalign parse FILE [--lang L] [--json] [--tokens]`: one language version read into its
//! header, blocks and footnotes, shown as an outline or as JSON.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use crate::cli::{CliError, Outcome, language, print_warnings};
use versalign::{Document, Language, ParseOptions, read_document};

/// Arguments of `versalign parse`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file of one language version: text (UTF-8, UTF-16, GB18030 …) or Word .docx.
    pub file: PathBuf,
    /// The version's language; detected from the body text when not given.
    #[arg(long, value_name = "LANG", value_parser = language())]
    pub lang: Option<Language>,
    /// Print the document model as JSON instead of an outline.
    #[arg(long)]
    pub json: bool,
    /// Include the jieba word segmentation of Chinese blocks in the JSON.
    #[arg(long, requires = "json")]
    pub tokens: bool,
}

/// Run `versalign parse`.
pub fn run(args: Args) -> Result<Outcome, CliError> {
    let options = ParseOptions {
        language: args.lang,
        tokens: args.tokens,
    };
    let doc = read_document(&args.file, &options)?;
    print_warnings(&doc);
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out).map_err(CliError::stdout)?;
    } else {
        write_outline(&mut out, &doc).map_err(CliError::stdout)?;
    }
    out.flush().map_err(CliError::stdout)?;
    Ok(Outcome::Clean)
}

/// At most `n` characters of `text`, with an ellipsis when cut.
pub(crate) fn preview(text: &str, n: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(n).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

fn write_outline(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    let h = &doc.header;
    let field = |v: Option<&str>| v.unwrap_or("-").to_string();
    writeln!(
        out,
        "{}  language {} (confidence {:.2})",
        doc.file, doc.language, doc.language_confidence
    )?;
    writeln!(
        out,
        "header: symbol {} | distr {} | date {} | original {} | job {} | session {} | agenda {}",
        field(h.symbol.as_deref()),
        h.distribution
            .map_or("-".into(), |d| format!("{d:?}").to_lowercase()),
        field(h.date.as_deref()),
        h.original_language.map_or("-".into(), |l| l.to_string()),
        field(h.job_number.as_deref()),
        field(h.session.as_deref()),
        field(h.agenda_item.as_deref()),
    )?;
    for b in &doc.blocks {
        let markers: Vec<&str> = b.footnote_refs.iter().map(|r| r.marker.as_str()).collect();
        let markers = if markers.is_empty() {
            String::new()
        } else {
            format!("  [{}]", markers.join(","))
        };
        let parent = b
            .parent
            .as_deref()
            .map(|p| format!(" ^{p}"))
            .unwrap_or_default();
        writeln!(
            out,
            "{:<5} {:<12} {:<5} {}{}{}",
            b.id,
            b.kind.as_str(),
            b.label.as_deref().unwrap_or("-"),
            preview(&b.text, 60),
            markers,
            parent,
        )?;
    }
    for f in &doc.footnotes {
        writeln!(
            out,
            "{:<5} footnote {:<3} {}  <- {}",
            f.id,
            f.marker,
            preview(&f.text, 60),
            f.referenced_from.join(",")
        )?;
    }
    writeln!(
        out,
        "{} blocks, {} footnotes, {} lines removed, {} warnings",
        doc.blocks.len(),
        doc.footnotes.len(),
        doc.removed.len(),
        doc.warnings.len()
    )
}

//! Where aligned units come from: the tables `align` writes (`row,kind,label,…,<lang>…`), a
//! batch's `aligned.csv` (a `symbol` column first) or its output folder, and comparisons made
//! on the fly. Per document, sentence rows are used when it has them, else its other rows.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::model::Language;
use crate::pipeline::Comparison;

use super::Unit;

/// Why aligned tables could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TermsError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The table is not an aligned table, or a record of it is broken.
    #[error("{}: line {line}: {message}", path.display())]
    Table {
        /// The table.
        path: PathBuf,
        /// Its line (1 is the header).
        line: u64,
        /// What is wrong and what to do.
        message: String,
    },
}

/// A batch output folder stands for its `aligned.csv`.
fn table_path(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.join("aligned.csv")
    } else {
        path.to_path_buf()
    }
}

/// The units of aligned tables (files written by `align` or `batch`, or batch output folders)
/// in `source` and `target`: rows where both have text.
pub fn read_tables(
    paths: &[PathBuf],
    source: Language,
    target: Language,
) -> Result<Vec<Unit>, TermsError> {
    let mut units = Vec::new();
    for path in paths {
        let path = table_path(path);
        let bytes = std::fs::read(&path).map_err(|e| TermsError::Read {
            path: path.clone(),
            source: e,
        })?;
        read_table(&path, &bytes, source, target, &mut units)?;
    }
    Ok(units)
}

/// Rows of one document, before the sentence rows are preferred: (kind is `sentence`, unit).
type DocumentRows = Vec<(bool, Unit)>;

fn read_table(
    path: &Path,
    bytes: &[u8],
    source: Language,
    target: Language,
    units: &mut Vec<Unit>,
) -> Result<(), TermsError> {
    let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
    let broken = |line: u64, message: String| TermsError::Table {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|e| broken(1, e.to_string()))?
        .clone();
    let column = |name: &str| header.iter().position(|h| h.trim() == name);
    let needed = |name: &str| {
        column(name).ok_or_else(|| {
            broken(
                1,
                format!(
                    "no `{name}` column: give a table written by `versalign align` or the \
                     aligned.csv of `versalign batch` (columns {})",
                    header.iter().collect::<Vec<_>>().join(",")
                ),
            )
        })
    };
    let (src_col, tgt_col) = (needed(source.code())?, needed(target.code())?);
    let row_col = needed("row")?;
    let kind_col = column("kind");
    let symbol_col = column("symbol");
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    let mut documents: BTreeMap<String, DocumentRows> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            broken(line, format!("{e}; the table must be valid CSV"))
        })?;
        let field = |k: usize| record.get(k).unwrap_or_default();
        let (src, tgt) = (field(src_col).trim(), field(tgt_col).trim());
        let symbol = symbol_col.map_or(file_name.as_str(), field).to_string();
        let sentence = kind_col.is_some_and(|k| field(k) == "sentence");
        let rows = documents.entry(symbol.clone()).or_insert_with(|| {
            order.push(symbol.clone());
            Vec::new()
        });
        if !src.is_empty() && !tgt.is_empty() {
            rows.push((sentence, Unit::new(symbol, field(row_col), src, tgt)));
        }
    }
    for symbol in order {
        let rows = documents.remove(&symbol).unwrap_or_default();
        let has_sentences = rows.iter().any(|(s, _)| *s);
        units.extend(
            rows.into_iter()
                .filter(|(s, _)| *s == has_sentences)
                .map(|(_, u)| u),
        );
    }
    Ok(())
}

/// The units of a comparison in `source` and `target` (none when it lacks one of them):
/// sentence rows when it has them, else its rows; `symbol` names the document.
pub fn units_of(
    comparison: &Comparison,
    symbol: &str,
    source: Language,
    target: Language,
) -> Vec<Unit> {
    let docs = &comparison.documents;
    let version = |l: Language| docs.iter().position(|d| d.language == l);
    let (Some(s), Some(t)) = (version(source), version(target)) else {
        return Vec::new();
    };
    let pair = |a: Option<String>, b: Option<String>| {
        a.zip(b)
            .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty())
    };
    if !comparison.sentences.is_empty() {
        return comparison
            .sentences
            .iter()
            .filter_map(|row| {
                let (a, b) = pair(row.cells[s].clone(), row.cells[t].clone())?;
                Some(Unit::new(symbol, (row.paragraph + 1).to_string(), a, b))
            })
            .collect();
    }
    comparison
        .alignment
        .rows
        .iter()
        .enumerate()
        .filter_map(|(r, row)| {
            let (a, b) = pair(row.text(docs, s), row.text(docs, t))?;
            Some(Unit::new(symbol, (r + 1).to_string(), a, b))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<Unit>, TermsError> {
        let mut units = Vec::new();
        read_table(
            Path::new("t.csv"),
            text.as_bytes(),
            Language::En,
            Language::Fr,
            &mut units,
        )?;
        Ok(units)
    }

    #[test]
    fn sentence_rows_are_preferred_per_document() {
        let table = "\u{FEFF}symbol,row,kind,label,method,score,ar,zh,en,fr,ru,es\n\
                     A/1,1,paragraph,,dp,1,,,One. Two.,Un. Deux.,,\n\
                     A/1,1,sentence,1,dp,1,,,One.,Un.,,\n\
                     A/1,1,sentence,2,dp,1,,,Two.,Deux.,,\n\
                     A/2,1,paragraph,,dp,1,,,Three.,Trois.,,\n\
                     A/2,2,paragraph,,dp,1,,,Four.,,,\n";
        let units = read(table).unwrap();
        let texts: Vec<(&str, &str)> = units
            .iter()
            .map(|u| (u.symbol.as_str(), u.source.as_str()))
            .collect();
        assert_eq!(texts, [("A/1", "One."), ("A/1", "Two."), ("A/2", "Three.")]);
    }

    #[test]
    fn a_table_without_the_language_says_so() {
        let err = read("row,kind,en\n1,text,One\n").unwrap_err().to_string();
        assert!(err.contains("t.csv: line 1: no `fr` column"), "{err}");
        let err = read("row,en,fr\n1,One,Un,extra\n").unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
    }
}

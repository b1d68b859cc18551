//! The glossary check (`term-mismatch`): a row whose pivot text holds a glossary term while a
//! version holds none of that concept's renderings, or a deprecated one.
//!
//! A glossary is a CSV file whose header names language columns (any of `ar zh en fr ru es`)
//! and optionally `id`, `status` (`preferred`, `admitted`, `deprecated`; empty is preferred)
//! and `note`. Each row lists the renderings of one concept (variants separated by `;`); rows
//! sharing an `id` are one concept, so that a `deprecated` row can name the renderings to
//! avoid. Terms match whatever their case, inflection and line wraps: words are compared by
//! their keys (Snowball stems in fr/es/ru, singular in en, without the clitics ال، و، ب، ل in
//! Arabic); Chinese terms are found as substrings of the text without spaces. The pivot's
//! terms are looked up by their first key (Chinese ones with one Aho–Corasick automaton), so a
//! 10,000-concept glossary costs a hash lookup per word.

use std::collections::BTreeMap;
use std::path::Path;

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;

use crate::error::Error;
use crate::input::read_text;
use crate::model::Language;
use crate::terms::words::{Keyer, Piece, pieces};

use super::{Code, Context, Finding, Severity};

/// How a glossary rates a rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The rendering to use.
    Preferred,
    /// Acceptable too.
    Admitted,
    /// To be avoided: a version using it is reported.
    Deprecated,
}

impl Status {
    fn parse(cell: &str) -> Option<Status> {
        match cell.trim().to_ascii_lowercase().as_str() {
            "" | "preferred" => Some(Status::Preferred),
            "admitted" => Some(Status::Admitted),
            "deprecated" => Some(Status::Deprecated),
            _ => None,
        }
    }
}

/// Word key standing for a word no glossary term holds.
const UNKNOWN: u32 = u32::MAX;
/// Word key standing for punctuation or a number.
const BREAK: u32 = u32::MAX - 1;

/// One rendering of a concept.
#[derive(Debug, Clone)]
struct Term {
    language: Language,
    text: String,
    status: Status,
    /// Word keys (spaced languages) — empty for Chinese.
    keys: Vec<u32>,
    /// The text without spaces, lower-cased (Chinese).
    compact: String,
}

/// The renderings of one concept.
#[derive(Debug, Clone)]
struct Concept {
    id: String,
    terms: Vec<Term>,
}

/// Approved (and deprecated) renderings of concepts in the six languages, indexed for the
/// `term-mismatch` check.
#[derive(Debug)]
pub struct Glossary {
    concepts: Vec<Concept>,
    /// Word keys of all terms, per language.
    vocabulary: FxHashMap<(Language, String), u32>,
    /// Accepted terms by language and first word key: (concept, term).
    by_first: FxHashMap<(Language, u32), Vec<(u32, u32)>>,
    /// Accepted Chinese terms, and the (concept, term) of each pattern.
    chinese: Option<(AhoCorasick, Vec<(u32, u32)>)>,
}

/// Chinese text as the glossary compares it: without spaces, lower-cased.
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The column roles of a glossary header.
enum Column {
    Language(Language),
    Id,
    Status,
    Note,
}

impl Glossary {
    /// Read a glossary file (any encoding the input stage reads).
    pub fn from_path(path: &Path) -> Result<Glossary, Error> {
        let text = read_text(path)?;
        Glossary::parse(&text, path)
    }

    /// Parse glossary CSV; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Glossary, Error> {
        let malformed = |line: u64, message: String| Error::Glossary {
            path: path.to_path_buf(),
            line,
            message,
        };
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let header = reader
            .headers()
            .map_err(|e| malformed(1, e.to_string()))?
            .clone();
        let columns = header
            .iter()
            .map(|name| {
                let name = name.trim().to_ascii_lowercase();
                match name.as_str() {
                    "id" => Ok(Column::Id),
                    "status" => Ok(Column::Status),
                    "note" => Ok(Column::Note),
                    code => Language::ALL
                        .into_iter()
                        .find(|l| l.code() == code)
                        .map(Column::Language)
                        .ok_or_else(|| {
                            malformed(
                                1,
                                format!(
                                    "unknown column `{code}`: the header names languages (ar, zh, \
                                     en, fr, ru, es) and optionally id, status, note"
                                ),
                            )
                        }),
                }
            })
            .collect::<Result<Vec<Column>, Error>>()?;
        if !columns.iter().any(|c| matches!(c, Column::Language(_))) {
            return Err(malformed(
                1,
                "no language column: name at least one of ar, zh, en, fr, ru, es in the header"
                    .into(),
            ));
        }
        let mut concepts: Vec<Concept> = Vec::new();
        let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!(
                        "{len} fields where the header has {expected_len}: quote cells that \
                         hold commas, and list variants with `;`"
                    ),
                    _ => e.to_string(),
                };
                malformed(line, message)
            })?;
            let line = record.position().map_or(0, |p| p.line());
            let mut id = None;
            let mut status = Status::Preferred;
            let mut terms = Vec::new();
            for (column, cell) in columns.iter().zip(record.iter()) {
                match column {
                    Column::Id => id = Some(cell.trim().to_string()).filter(|s| !s.is_empty()),
                    Column::Status => {
                        status = Status::parse(cell).ok_or_else(|| {
                            malformed(
                                line,
                                format!(
                                    "unknown status `{}`: use preferred, admitted or deprecated \
                                     (empty means preferred)",
                                    cell.trim()
                                ),
                            )
                        })?
                    }
                    Column::Note => {}
                    Column::Language(language) => terms.extend(
                        cell.split(';')
                            .map(str::trim)
                            .filter(|t| !t.is_empty())
                            .map(|t| (*language, t.to_string())),
                    ),
                }
            }
            if terms.is_empty() {
                return Err(malformed(line, "a row without any term".into()));
            }
            let id = id.unwrap_or_else(|| format!("line {line}"));
            let k = *by_id.entry(id.clone()).or_insert_with(|| {
                concepts.push(Concept {
                    id,
                    terms: Vec::new(),
                });
                concepts.len() - 1
            });
            concepts[k]
                .terms
                .extend(terms.into_iter().map(|(language, text)| Term {
                    language,
                    text,
                    status,
                    keys: Vec::new(),
                    compact: String::new(),
                }));
        }
        Ok(Glossary::index(concepts))
    }

    /// Key the terms and index the accepted ones.
    fn index(mut concepts: Vec<Concept>) -> Glossary {
        let keyers: Vec<Keyer> = Language::ALL.into_iter().map(Keyer::new).collect();
        let mut vocabulary: FxHashMap<(Language, String), u32> = FxHashMap::default();
        let mut by_first: FxHashMap<(Language, u32), Vec<(u32, u32)>> = FxHashMap::default();
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (c, concept) in concepts.iter_mut().enumerate() {
            for (t, term) in concept.terms.iter_mut().enumerate() {
                let owner = (c as u32, t as u32);
                if term.language == Language::Zh {
                    term.compact = compact(&term.text);
                    if term.status != Status::Deprecated {
                        patterns.push(term.compact.clone());
                        owners.push(owner);
                    }
                    continue;
                }
                let keyer = &keyers[lang_index(term.language)];
                term.keys = words(&term.text, term.language, keyer)
                    .into_iter()
                    .map(|w| match w {
                        Some(key) => {
                            let next = vocabulary.len() as u32;
                            *vocabulary.entry((term.language, key)).or_insert(next)
                        }
                        None => BREAK,
                    })
                    .collect();
                if let (Some(&first), true) = (term.keys.first(), term.status != Status::Deprecated)
                {
                    by_first
                        .entry((term.language, first))
                        .or_default()
                        .push(owner);
                }
            }
        }
        let chinese = (!patterns.is_empty())
            .then(|| AhoCorasick::new(&patterns).ok().map(|ac| (ac, owners)))
            .flatten();
        Glossary {
            concepts,
            vocabulary,
            by_first,
            chinese,
        }
    }

    /// Number of concepts.
    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    /// Whether the glossary holds no concept.
    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }

    fn term(&self, (c, t): (u32, u32)) -> &Term {
        &self.concepts[c as usize].terms[t as usize]
    }
}

fn lang_index(language: Language) -> usize {
    Language::ALL
        .iter()
        .position(|&l| l == language)
        .unwrap_or(0)
}

/// The word keys of a text, `None` for a break.
fn words(text: &str, language: Language, keyer: &Keyer) -> Vec<Option<String>> {
    pieces(text, language)
        .into_iter()
        .map(|p| match p {
            Piece::Word(r) => Some(keyer.key(&keyer.fold(&text[r]))),
            Piece::Break => None,
        })
        .collect()
}

/// A text as the glossary compares it.
enum Analyzed {
    /// Word keys of the glossary's vocabulary (unknown words and breaks marked).
    Keys(Vec<u32>),
    /// Chinese: the text without spaces.
    Compact(String),
}

impl Glossary {
    fn analyze(&self, text: &str, language: Language, keyer: &Keyer) -> Analyzed {
        if language == Language::Zh {
            return Analyzed::Compact(compact(text));
        }
        Analyzed::Keys(
            words(text, language, keyer)
                .into_iter()
                .map(|w| match w {
                    Some(key) => self
                        .vocabulary
                        .get(&(language, key))
                        .copied()
                        .unwrap_or(UNKNOWN),
                    None => BREAK,
                })
                .collect(),
        )
    }

    /// The accepted terms found in a text: (concept, term), one per concept.
    fn find(&self, text: &Analyzed, language: Language) -> Vec<(u32, u32)> {
        let mut found: Vec<(u32, u32)> = Vec::new();
        match text {
            Analyzed::Compact(s) => {
                if let Some((ac, owners)) = &self.chinese {
                    found.extend(ac.find_overlapping_iter(s).map(|m| owners[m.pattern()]));
                }
            }
            Analyzed::Keys(keys) => {
                for i in 0..keys.len() {
                    let Some(list) = self.by_first.get(&(language, keys[i])) else {
                        continue;
                    };
                    found.extend(
                        list.iter()
                            .filter(|&&o| keys[i..].starts_with(&self.term(o).keys)),
                    );
                }
            }
        }
        found.sort_unstable();
        found.dedup_by_key(|o| o.0);
        found
    }
}

impl Term {
    fn is_in(&self, text: &Analyzed) -> bool {
        match text {
            Analyzed::Compact(s) => !self.compact.is_empty() && s.contains(&self.compact),
            Analyzed::Keys(keys) => {
                !self.keys.is_empty() && keys.windows(self.keys.len()).any(|w| w == self.keys)
            }
        }
    }
}

/// Quote terms for a message: `«a» or «b»`.
fn quoted(terms: &[&Term]) -> String {
    terms
        .iter()
        .map(|t| format!("«{}»", t.text))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// Report every row where a version lacks the glossary's rendering of a concept the pivot's
/// text holds, or uses a deprecated one.
pub(super) fn term_mismatches(cx: &Context, glossary: &Glossary, out: &mut Vec<Finding>) {
    let pivot = cx.pivot();
    let keyers: Vec<Keyer> = cx.versions().map(|v| Keyer::new(cx.lang(v))).collect();
    for (r, row) in cx.alignment.rows.iter().enumerate() {
        let Some(text) = row.text(cx.docs, pivot) else {
            continue;
        };
        let pivot_lang = cx.lang(pivot);
        let analyzed = glossary.analyze(&text, pivot_lang, &keyers[pivot]);
        let found = glossary.find(&analyzed, pivot_lang);
        if found.is_empty() {
            continue;
        }
        let mut versions: Vec<Option<Analyzed>> = cx.versions().map(|_| None).collect();
        for &(c, t) in &found {
            let concept = &glossary.concepts[c as usize];
            let source = &concept.terms[t as usize];
            for v in cx.versions().filter(|&v| v != pivot) {
                let lang = cx.lang(v);
                let of = |deprecated: bool| -> Vec<&Term> {
                    concept
                        .terms
                        .iter()
                        .filter(|t| t.language == lang)
                        .filter(|t| (t.status == Status::Deprecated) == deprecated)
                        .collect()
                };
                let (accepted, deprecated) = (of(false), of(true));
                if accepted.is_empty() && deprecated.is_empty() {
                    continue;
                }
                let Some(line) = row.line(cx.docs, v) else {
                    continue;
                };
                if versions[v].is_none() {
                    let text = row.text(cx.docs, v).unwrap_or_default();
                    versions[v] = Some(glossary.analyze(&text, lang, &keyers[v]));
                }
                let Some(analyzed) = &versions[v] else {
                    continue;
                };
                let present: Vec<&Term> = accepted
                    .iter()
                    .copied()
                    .filter(|t| t.is_in(analyzed))
                    .collect();
                let avoided: Vec<&Term> = deprecated
                    .iter()
                    .copied()
                    .filter(|d| d.is_in(analyzed))
                    .filter(|d| {
                        !present
                            .iter()
                            .any(|p| p.compact.contains(&d.compact) && !d.compact.is_empty())
                    })
                    .collect();
                let expected = if accepted.is_empty() {
                    String::new()
                } else {
                    format!("; expected {}", quoted(&preferred_first(&accepted)))
                };
                let message = if !avoided.is_empty() {
                    format!(
                        "{lang} uses {}, deprecated in the glossary (concept {}), for {} «{}»{expected}",
                        quoted(&avoided),
                        concept.id,
                        pivot_lang,
                        source.text
                    )
                } else if present.is_empty() && !accepted.is_empty() {
                    format!(
                        "{lang} has none of the glossary renderings of {} «{}» (concept {}){expected}",
                        pivot_lang, source.text, concept.id
                    )
                } else {
                    continue;
                };
                let pivot_line = row.line(cx.docs, pivot).unwrap_or(0);
                out.push(cx.finding(
                    Code::TermMismatch,
                    Severity::Error,
                    &[v],
                    Some(r),
                    &[(pivot, pivot_line), (v, line)],
                    message,
                ));
            }
        }
    }
}

/// Preferred renderings before admitted ones.
fn preferred_first<'a>(terms: &[&'a Term]) -> Vec<&'a Term> {
    let mut out = terms.to_vec();
    out.sort_by_key(|t| t.status != Status::Preferred);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary(text: &str) -> Result<Glossary, Error> {
        Glossary::parse(text, Path::new("g.csv"))
    }

    #[test]
    fn rows_sharing_an_id_are_one_concept() {
        let g = glossary(
            "id,en,fr,zh,status,note\n\
             c1,cultural property,biens culturels,文化财产,,\n\
             c1,,propriété culturelle,,deprecated,calque\n\
             c2,Internet,Internet,互联网;因特网,admitted,\n",
        )
        .unwrap();
        assert_eq!(g.len(), 2);
        let en = Keyer::new(Language::En);
        let text = g.analyze("the Cultural\nProperties of States", Language::En, &en);
        let found = g.find(&text, Language::En);
        assert_eq!(found.len(), 1);
        assert_eq!(g.term(found[0]).text, "cultural property");
        let zh = Keyer::new(Language::Zh);
        let text = g.analyze("利用 因特 网", Language::Zh, &zh);
        assert_eq!(g.find(&text, Language::Zh).len(), 1);
    }

    #[test]
    fn malformed_glossaries_name_the_line() {
        let err = |text: &str| glossary(text).unwrap_err().to_string();
        assert!(err("id,note\n1,x\n").contains("g.csv: line 1: no language column"));
        assert!(err("en,fr\na,b\nc\n").contains("g.csv: line 3: 1 fields"));
        let status = err("en,fr,status\na,b,\nc,d,obsolete\n");
        assert!(
            status.contains("line 3: unknown status `obsolete`"),
            "{status}"
        );
        assert!(err("en,klingon\na,b\n").contains("unknown column `klingon`"));
    }
}

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
//! 10,000-concept glossary costs a hash lookup per word. Terms are keyed lazily: a language's
//! index when a check first takes it as the pivot, a version's renderings when a row needs
//! them; rows are checked in parallel.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use rayon::prelude::*;
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
    /// The text without spaces, lower-cased (Chinese terms only).
    compact: String,
}

/// The renderings of one concept.
#[derive(Debug, Clone)]
struct Concept {
    id: String,
    terms: Vec<Term>,
}

/// The accepted terms of one language, keyed for finding them in a pivot text.
#[derive(Debug, Default)]
struct PivotIndex {
    /// Id of every word key the terms hold.
    vocabulary: FxHashMap<String, u32>,
    /// (concept, term) and word keys of each spaced-language term.
    entries: Vec<((u32, u32), Vec<u32>)>,
    /// Entries by their first word key.
    by_first: FxHashMap<u32, Vec<u32>>,
    /// Chinese terms in one automaton, and the (concept, term) of each pattern.
    chinese: Option<(AhoCorasick, Vec<(u32, u32)>)>,
}

/// Approved (and deprecated) renderings of concepts in the six languages, for the
/// `term-mismatch` check.
///
/// Reading a glossary only parses it: the terms of a language are keyed (stemmed) when a
/// check first takes that language as its pivot, once for all documents of a batch; the
/// renderings a version is checked for are keyed only when a row needs them.
#[derive(Debug)]
pub struct Glossary {
    concepts: Vec<Concept>,
    /// The pivot index of each language (in [`Language::ALL`] order), built on first use.
    indexes: [OnceLock<PivotIndex>; 6],
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
                    compact: if language == Language::Zh {
                        compact(&text)
                    } else {
                        String::new()
                    },
                    text,
                    status,
                }));
        }
        Ok(Glossary {
            concepts,
            indexes: Default::default(),
        })
    }

    /// Number of concepts.
    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    /// Whether the glossary holds no concept.
    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }

    #[cfg(test)]
    fn term(&self, (c, t): (u32, u32)) -> &Term {
        &self.concepts[c as usize].terms[t as usize]
    }

    /// The index of the accepted terms of `language`, built on first use.
    fn pivot_index(&self, language: Language) -> &PivotIndex {
        self.indexes[lang_index(language)].get_or_init(|| self.build_index(language))
    }

    fn build_index(&self, language: Language) -> PivotIndex {
        let mut words = WordIds::new(language, None);
        let mut index = PivotIndex::default();
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (c, concept) in self.concepts.iter().enumerate() {
            for (t, term) in concept.terms.iter().enumerate() {
                if term.language != language || term.status == Status::Deprecated {
                    continue;
                }
                let owner = (c as u32, t as u32);
                if language == Language::Zh {
                    patterns.push(term.compact.clone());
                    owners.push(owner);
                    continue;
                }
                let keys = words.ids(&term.text);
                if let Some(&first) = keys.first() {
                    index
                        .by_first
                        .entry(first)
                        .or_default()
                        .push(index.entries.len() as u32);
                    index.entries.push((owner, keys));
                }
            }
        }
        index.vocabulary = words.by_key;
        index.chinese = (!patterns.is_empty())
            .then(|| AhoCorasick::new(&patterns).ok().map(|ac| (ac, owners)))
            .flatten();
        index
    }

    /// The accepted terms of the pivot index found in a text: (concept, term), one per
    /// concept.
    fn find(&self, index: &PivotIndex, text: &Analyzed) -> Vec<(u32, u32)> {
        let mut found: Vec<(u32, u32)> = Vec::new();
        match text {
            Analyzed::Compact(s) => {
                if let Some((ac, owners)) = &index.chinese {
                    found.extend(ac.find_overlapping_iter(s).map(|m| owners[m.pattern()]));
                }
            }
            Analyzed::Keys(keys) => {
                for i in 0..keys.len() {
                    let Some(list) = index.by_first.get(&keys[i]) else {
                        continue;
                    };
                    found.extend(list.iter().filter_map(|&e| {
                        let (owner, term_keys) = &index.entries[e as usize];
                        keys[i..].starts_with(term_keys).then_some(*owner)
                    }));
                }
            }
        }
        found.sort_unstable();
        found.dedup_by_key(|o| o.0);
        found
    }
}

fn lang_index(language: Language) -> usize {
    Language::ALL
        .iter()
        .position(|&l| l == language)
        .unwrap_or(0)
}

/// Word-key ids of one language: each distinct word form is keyed (folded, stemmed) once.
struct WordIds<'a> {
    language: Language,
    keyer: Keyer,
    /// Id of each word form met, as written.
    by_form: FxHashMap<String, u32>,
    /// Id of each key; keys not in `fixed` get their own.
    by_key: FxHashMap<String, u32>,
    /// A pivot index's vocabulary: a key it lacks is [`UNKNOWN`].
    fixed: Option<&'a FxHashMap<String, u32>>,
}

impl<'a> WordIds<'a> {
    fn new(language: Language, fixed: Option<&'a FxHashMap<String, u32>>) -> WordIds<'a> {
        WordIds {
            language,
            keyer: Keyer::new(language),
            by_form: FxHashMap::default(),
            by_key: FxHashMap::default(),
            fixed,
        }
    }

    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.by_form.get(word) {
            return id;
        }
        let key = self.keyer.key(&self.keyer.fold(word));
        let id = match self.fixed {
            Some(fixed) => fixed.get(&key).copied().unwrap_or(UNKNOWN),
            None => {
                let next = self.by_key.len() as u32;
                *self.by_key.entry(key).or_insert(next)
            }
        };
        self.by_form.insert(word.to_string(), id);
        id
    }

    /// The word-key ids of a text, [`BREAK`] for a break.
    fn ids(&mut self, text: &str) -> Vec<u32> {
        pieces(text, self.language)
            .into_iter()
            .map(|p| match p {
                Piece::Word(r) => self.id(&text[r]),
                Piece::Break => BREAK,
            })
            .collect()
    }

    /// A text as the glossary compares it in this language.
    fn analyze(&mut self, text: &str) -> Analyzed {
        if self.language == Language::Zh {
            Analyzed::Compact(compact(text))
        } else {
            Analyzed::Keys(self.ids(text))
        }
    }
}

/// A text as the glossary compares it.
enum Analyzed {
    /// Word-key ids (unknown words and breaks marked).
    Keys(Vec<u32>),
    /// Chinese: the text without spaces.
    Compact(String),
}

impl Analyzed {
    /// Whether a term (its word-key ids, or for Chinese its compact form) occurs in the text.
    fn holds(&self, term: &Term, keys: &[u32]) -> bool {
        match self {
            Analyzed::Compact(s) => !term.compact.is_empty() && s.contains(&term.compact),
            Analyzed::Keys(text) => !keys.is_empty() && text.windows(keys.len()).any(|w| w == keys),
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

/// What one worker of the check keeps between rows: word keys met so far, and the keys of the
/// renderings looked for in each version.
struct RowScratch<'a> {
    pivot_words: WordIds<'a>,
    version_words: Vec<WordIds<'a>>,
    term_keys: FxHashMap<(usize, u32, u32), Vec<u32>>,
}

/// Report every row where a version lacks the glossary's rendering of a concept the pivot's
/// text holds, or uses a deprecated one. Rows are checked in parallel, in row order.
pub(super) fn term_mismatches(cx: &Context, glossary: &Glossary, out: &mut Vec<Finding>) {
    let pivot_lang = cx.lang(cx.pivot());
    let index = glossary.pivot_index(pivot_lang);
    let found: Vec<Vec<Finding>> = (0..cx.alignment.rows.len())
        .into_par_iter()
        .map_init(
            || RowScratch {
                pivot_words: WordIds::new(pivot_lang, Some(&index.vocabulary)),
                version_words: cx
                    .versions()
                    .map(|v| WordIds::new(cx.lang(v), None))
                    .collect(),
                term_keys: FxHashMap::default(),
            },
            |scratch, r| row_mismatches(cx, glossary, index, scratch, r),
        )
        .collect();
    out.extend(found.into_iter().flatten());
}

/// The `term-mismatch` findings of row `r`.
fn row_mismatches(
    cx: &Context,
    glossary: &Glossary,
    index: &PivotIndex,
    scratch: &mut RowScratch,
    r: usize,
) -> Vec<Finding> {
    let pivot = cx.pivot();
    let pivot_lang = cx.lang(pivot);
    let row = &cx.alignment.rows[r];
    let mut out = Vec::new();
    let Some(text) = row.text(cx.docs, pivot) else {
        return out;
    };
    let found = glossary.find(index, &scratch.pivot_words.analyze(&text));
    if found.is_empty() {
        return out;
    }
    let mut versions: Vec<Option<Analyzed>> = cx.versions().map(|_| None).collect();
    for &(c, t) in &found {
        let concept = &glossary.concepts[c as usize];
        let source = &concept.terms[t as usize];
        for v in cx.versions().filter(|&v| v != pivot) {
            let lang = cx.lang(v);
            let of = |deprecated: bool| -> Vec<(u32, &Term)> {
                (0u32..)
                    .zip(&concept.terms)
                    .filter(|(_, t)| t.language == lang)
                    .filter(|(_, t)| (t.status == Status::Deprecated) == deprecated)
                    .collect()
            };
            let (accepted, deprecated) = (of(false), of(true));
            if accepted.is_empty() && deprecated.is_empty() {
                continue;
            }
            let Some(line) = row.line(cx.docs, v) else {
                continue;
            };
            let words = &mut scratch.version_words[v];
            let term_keys = &mut scratch.term_keys;
            let analyzed = versions[v]
                .get_or_insert_with(|| words.analyze(&row.text(cx.docs, v).unwrap_or_default()));
            let mut holds = |(k, term): &(u32, &Term)| {
                let keys = term_keys.entry((v, c, *k)).or_insert_with(|| match lang {
                    Language::Zh => Vec::new(),
                    _ => words.ids(&term.text),
                });
                analyzed.holds(term, keys)
            };
            let present: Vec<&Term> = accepted
                .iter()
                .filter(|t| holds(t))
                .map(|&(_, t)| t)
                .collect();
            let avoided: Vec<&Term> = deprecated
                .iter()
                .filter(|t| holds(t))
                .map(|&(_, t)| t)
                .filter(|d| {
                    !present
                        .iter()
                        .any(|p| p.compact.contains(&d.compact) && !d.compact.is_empty())
                })
                .collect();
            let accepted: Vec<&Term> = accepted.iter().map(|&(_, t)| t).collect();
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
    out
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
        let found = |text: &str, language: Language| -> Vec<&str> {
            let index = g.pivot_index(language);
            let analyzed = WordIds::new(language, Some(&index.vocabulary)).analyze(text);
            g.find(index, &analyzed)
                .into_iter()
                .map(|o| g.term(o).text.as_str())
                .collect()
        };
        assert_eq!(
            found("the Cultural\nProperties of States", Language::En),
            ["cultural property"]
        );
        assert_eq!(found("利用 因特 网", Language::Zh), ["因特网"]);
        assert_eq!(
            found("les propriétés culturelles", Language::Fr),
            Vec::<&str>::new()
        );
        assert_eq!(
            found("des biens culturels", Language::Fr),
            ["biens culturels"]
        );
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

//! Bilingual lexicons for the sentence aligner: which target-language content words translate a
//! source-language word, plus the pinyin readings of Han characters (for transliterated names).
//!
//! Three file formats are read (see [`DictFormat`]): hunalign's `target @ source` lines, two-column
//! CSV, and the CC-CEDICT text format. CC-CEDICT is never shipped with versalign:
//! `scripts/fetch-cedict.sh` puts it in `data/`, where [`find_cedict`] finds it at run time. For
//! zh–en the project's UN term list (`corpora/un-terms.tsv`) is always added on top.
//!
//! Words on both sides are reduced to *content stems*: lower-cased, function words dropped,
//! Snowball-stemmed (Chinese words are kept as they are).

use std::path::{Path, PathBuf};

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::error::Error;
use crate::input::read_text;
use crate::locale::is_stopword;
use crate::model::Language;
use crate::script::is_han;
use crate::segment::words::un_terms;

/// Where `scripts/fetch-cedict.sh` puts CC-CEDICT, relative to the project root.
pub const CEDICT_PATH: &str = "data/cedict_ts.u8";

/// Glosses with more content words than this are descriptions, not translations.
const MAX_GLOSS_WORDS: usize = 4;

/// The layout of a dictionary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictFormat {
    /// hunalign's format: `target phrase @ source phrase`, one pair a line.
    Hunalign,
    /// Two-column CSV (comma, tab or semicolon separated): source, target.
    Csv,
    /// CC-CEDICT: `傳統 简体 [pin1 yin1] /gloss 1/gloss 2/`.
    Cedict,
}

impl DictFormat {
    /// Guess the format from the first non-comment lines of a file.
    pub fn detect(text: &str) -> DictFormat {
        let sample: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .take(20)
            .collect();
        let share =
            |f: &dyn Fn(&str) -> bool| sample.iter().filter(|l| f(l)).count() * 2 > sample.len();
        if !sample.is_empty() && share(&|l| parse_cedict_line(l).is_some()) {
            DictFormat::Cedict
        } else if !sample.is_empty() && share(&|l| l.contains(" @ ")) {
            DictFormat::Hunalign
        } else {
            DictFormat::Csv
        }
    }
}

/// Reduces words to the keys the lexicon and the aligner compare: lower-cased Snowball stems of
/// content words. Function words give `None`.
pub(crate) struct Normalizer {
    language: Language,
    stemmer: Stemmer,
}

impl Normalizer {
    /// A normalizer for `language`. Latin-script words inside Chinese text are taken as English.
    pub(crate) fn new(language: Language) -> Normalizer {
        let algorithm = match language {
            Language::En | Language::Zh => Algorithm::English,
            Language::Fr => Algorithm::French,
            Language::Es => Algorithm::Spanish,
            Language::Ru => Algorithm::Russian,
            Language::Ar => Algorithm::Arabic,
        };
        Normalizer {
            language,
            stemmer: Stemmer::create(algorithm),
        }
    }

    /// The content stem of one word, or `None` for a function word or a word without letters.
    /// Chinese words are kept whole.
    pub(crate) fn stem(&self, word: &str) -> Option<String> {
        if word.chars().any(is_han) {
            return (!is_stopword(word, Language::Zh)).then(|| word.to_string());
        }
        let lower = word.to_lowercase();
        let lower = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
            .unwrap_or(&lower);
        let language = if self.language == Language::Zh {
            Language::En
        } else {
            self.language
        };
        if !lower.chars().any(char::is_alphabetic) || is_stopword(lower, language) {
            return None;
        }
        Some(self.stemmer.stem(lower).into_owned())
    }
}

/// A bilingual word list: for each source-language key (a Chinese word, or the stem of a word),
/// the stems of its target-language translations; plus pinyin readings of Han characters when
/// the lexicon came from CC-CEDICT.
pub struct Lexicon {
    source: Language,
    target: Language,
    entries: FxHashMap<Box<str>, Vec<u32>>,
    stems: FxHashMap<Box<str>, u32>,
    readings: FxHashMap<char, Vec<u16>>,
    syllables: FxHashMap<Box<str>, u16>,
    surnames: FxHashSet<char>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("source", &self.source)
            .field("target", &self.target)
            .field("entries", &self.entries.len())
            .field("stems", &self.stems.len())
            .field("readings", &self.readings.len())
            .finish()
    }
}

impl Lexicon {
    /// An empty lexicon for aligning `source` with `target`.
    pub fn new(source: Language, target: Language) -> Lexicon {
        Lexicon {
            source,
            target,
            entries: FxHashMap::default(),
            stems: FxHashMap::default(),
            readings: FxHashMap::default(),
            syllables: FxHashMap::default(),
            surnames: FxHashSet::default(),
        }
    }

    /// The built-in lexicon for a pair: the UN term list for zh–en (either way round), else empty.
    pub fn builtin(source: Language, target: Language) -> Lexicon {
        let mut lexicon = Lexicon::new(source, target);
        if matches!(
            (source, target),
            (Language::Zh, Language::En) | (Language::En, Language::Zh)
        ) {
            let (src_norm, tgt_norm) = (Normalizer::new(source), Normalizer::new(target));
            for (zh, en) in un_terms() {
                lexicon.add_phrase_pair(zh, en, &src_norm, &tgt_norm);
            }
        }
        lexicon
    }

    /// The built-in lexicon plus CC-CEDICT from `data/` when it is there (see [`find_cedict`]).
    /// Returns the dictionary file that was loaded, so the caller can say so.
    pub fn with_default_dictionary(
        source: Language,
        target: Language,
    ) -> Result<(Lexicon, Option<PathBuf>), Error> {
        let mut lexicon = Lexicon::builtin(source, target);
        let involves_zh_en = matches!(
            (source, target),
            (Language::Zh, Language::En) | (Language::En, Language::Zh)
        );
        match find_cedict().filter(|_| involves_zh_en) {
            Some(path) => {
                lexicon.add_file(&path)?;
                Ok((lexicon, Some(path)))
            }
            None => Ok((lexicon, None)),
        }
    }

    /// Add the pairs of a dictionary file (format detected from its content). Returns how many
    /// pairs were added; unreadable lines are skipped.
    pub fn add_file(&mut self, path: &Path) -> Result<usize, Error> {
        let text = read_text(path)?;
        let format = DictFormat::detect(&text);
        Ok(self.add_str(&text, format))
    }

    /// Add the pairs of dictionary text in the given format; returns how many were added.
    /// Lines that cannot be read are skipped.
    pub fn add_str(&mut self, text: &str, format: DictFormat) -> usize {
        let src_norm = Normalizer::new(self.source);
        let tgt_norm = Normalizer::new(self.target);
        match format {
            DictFormat::Hunalign => text
                .lines()
                .filter_map(|l| l.split_once(" @ "))
                .filter(|(t, s)| self.add_phrase_pair(s.trim(), t.trim(), &src_norm, &tgt_norm))
                .count(),
            DictFormat::Csv => self.add_csv(text, &src_norm, &tgt_norm),
            DictFormat::Cedict => self.add_cedict(text),
        }
    }

    /// Number of source keys.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the lexicon has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The language the keys are in.
    pub fn source(&self) -> Language {
        self.source
    }

    /// The language the translations are in.
    pub fn target(&self) -> Language {
        self.target
    }

    /// Target stem ids translating a source key (a Chinese word or a source stem).
    pub(crate) fn translations(&self, key: &str) -> &[u32] {
        self.entries.get(key).map_or(&[], Vec::as_slice)
    }

    /// The id of a target stem, if any entry translates into it.
    pub(crate) fn stem_id(&self, stem: &str) -> Option<u32> {
        self.stems.get(stem).copied()
    }

    /// Number of distinct target stems (ids are below this).
    pub(crate) fn stem_count(&self) -> u32 {
        u32::try_from(self.stems.len()).unwrap_or(u32::MAX)
    }

    /// The pinyin syllable ids a Han character can be read as (empty without CC-CEDICT).
    pub(crate) fn readings(&self, c: char) -> &[u16] {
        self.readings.get(&c).map_or(&[], Vec::as_slice)
    }

    /// The id of a toneless pinyin syllable (`qing`), if CC-CEDICT has it.
    pub(crate) fn syllable_id(&self, syllable: &str) -> Option<u16> {
        self.syllables.get(syllable).copied()
    }

    /// Whether a Han character is a surname in CC-CEDICT.
    pub(crate) fn is_surname(&self, c: char) -> bool {
        self.surnames.contains(&c)
    }

    fn stem_id_or_insert(&mut self, stem: String) -> u32 {
        if let Some(&id) = self.stems.get(stem.as_str()) {
            return id;
        }
        let next = self.stem_count();
        self.stems.insert(stem.into_boxed_str(), next);
        next
    }

    fn insert(&mut self, key: &str, stems: Vec<String>) -> bool {
        let ids: Vec<u32> = stems
            .into_iter()
            .map(|s| self.stem_id_or_insert(s))
            .collect();
        self.insert_ids(key, &ids)
    }

    fn insert_ids(&mut self, key: &str, ids: &[u32]) -> bool {
        if key.is_empty() || ids.is_empty() {
            return false;
        }
        let entry = match self.entries.get_mut(key) {
            Some(entry) => entry,
            None => self.entries.entry(key.into()).or_default(),
        };
        for &id in ids {
            if !entry.contains(&id) {
                entry.push(id);
            }
        }
        true
    }

    /// Add one source/target phrase pair, turned round if the Han side is on the wrong end.
    fn add_phrase_pair(
        &mut self,
        src: &str,
        tgt: &str,
        src_norm: &Normalizer,
        tgt_norm: &Normalizer,
    ) -> bool {
        let (src, tgt) = if self.source == Language::Zh
            && !src.chars().any(is_han)
            && tgt.chars().any(is_han)
            || self.target == Language::Zh && src.chars().any(is_han) && !tgt.chars().any(is_han)
        {
            (tgt, src)
        } else {
            (src, tgt)
        };
        let key = match self.source {
            Language::Zh => src.chars().filter(|c| !c.is_whitespace()).collect(),
            _ => {
                let stems: Vec<String> =
                    phrase_words(src).filter_map(|w| src_norm.stem(w)).collect();
                match stems.as_slice() {
                    [one] => one.clone(),
                    _ => return false,
                }
            }
        };
        let stems: Vec<String> = match self.target {
            Language::Zh => vec![tgt.chars().filter(|c| !c.is_whitespace()).collect()],
            _ => phrase_words(tgt).filter_map(|w| tgt_norm.stem(w)).collect(),
        };
        self.insert(&key, stems)
    }

    fn add_csv(&mut self, text: &str, src_norm: &Normalizer, tgt_norm: &Normalizer) -> usize {
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let delimiter = [b'\t', b';', b',']
            .into_iter()
            .find(|&d| first.as_bytes().contains(&d))
            .unwrap_or(b',');
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(delimiter)
            .flexible(true)
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let mut added = 0;
        for record in reader.records().flatten() {
            if let (Some(src), Some(tgt)) = (record.get(0), record.get(1))
                && self.add_phrase_pair(src.trim(), tgt.trim(), src_norm, tgt_norm)
            {
                added += 1;
            }
        }
        added
    }

    /// Add CC-CEDICT entries: for zh→en, each simplified headword gets the English content
    /// stems of its glosses; for en→zh, each such stem gets the headword.
    fn add_cedict(&mut self, text: &str) -> usize {
        let forward = match (self.source, self.target) {
            (Language::Zh, Language::En) => true,
            (Language::En, Language::Zh) => false,
            _ => return 0,
        };
        let english = Normalizer::new(Language::En);
        let mut stem_ids: FxHashMap<&str, Option<u32>> = FxHashMap::default();
        let mut syllable_ids: FxHashMap<&str, Option<u16>> = FxHashMap::default();
        let mut ids: Vec<u32> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        let mut added = 0;
        for entry in text.lines().filter_map(parse_cedict_line) {
            self.add_readings(entry.simplified, entry.pinyin, &mut syllable_ids);
            ids.clear();
            keys.clear();
            for gloss in entry.glosses {
                if gloss.starts_with("surname ") {
                    let mut chars = entry.simplified.chars();
                    if let (Some(c), None) = (chars.next(), chars.next()) {
                        self.surnames.insert(c);
                    }
                }
                for part in gloss.split(';') {
                    let Some(words) = gloss_words(part) else {
                        continue;
                    };
                    let (ids_before, keys_before) = (ids.len(), keys.len());
                    for w in words {
                        if !forward {
                            keys.extend(english.stem(w));
                            continue;
                        }
                        let id = match stem_ids.get(w) {
                            Some(&id) => id,
                            None => {
                                let id = english.stem(w).map(|stem| self.stem_id_or_insert(stem));
                                stem_ids.insert(w, id);
                                id
                            }
                        };
                        ids.extend(id);
                    }
                    if ids.len() - ids_before > MAX_GLOSS_WORDS
                        || keys.len() - keys_before > MAX_GLOSS_WORDS
                    {
                        ids.truncate(ids_before);
                        keys.truncate(keys_before);
                    }
                }
            }
            let inserted = if forward {
                self.insert_ids(entry.simplified, &ids)
            } else {
                let zh = self.stem_id_or_insert(entry.simplified.to_string());
                let mut any = false;
                for key in &keys {
                    any |= self.insert_ids(key, &[zh]);
                }
                any
            };
            if inserted {
                added += 1;
            }
        }
        added
    }

    fn add_readings<'t>(
        &mut self,
        word: &str,
        pinyin: &'t str,
        cache: &mut FxHashMap<&'t str, Option<u16>>,
    ) {
        if pinyin.split_whitespace().count() != word.chars().count() {
            return;
        }
        for (c, syllable) in word.chars().zip(pinyin.split_whitespace()) {
            let id = *cache.entry(syllable).or_insert_with(|| {
                let toneless = toneless_syllable(syllable)?;
                let next = u16::try_from(self.syllables.len()).unwrap_or(u16::MAX);
                Some(
                    *self
                        .syllables
                        .entry(toneless.into_boxed_str())
                        .or_insert(next),
                )
            });
            let Some(id) = id else {
                continue;
            };
            let readings = self.readings.entry(c).or_default();
            if !readings.contains(&id) {
                readings.push(id);
            }
        }
    }
}

/// Lexicons by language pair, built on first use and shared between threads (a batch aligns
/// thousands of documents with one copy of CC-CEDICT in memory).
pub struct LexiconCache {
    load: Box<dyn Fn(Language, Language) -> Result<Lexicon, Error> + Send + Sync>,
    built:
        std::sync::Mutex<std::collections::HashMap<(Language, Language), std::sync::Arc<Lexicon>>>,
}

impl LexiconCache {
    /// A cache that builds a pair's lexicon with `load`.
    pub fn new(
        load: impl Fn(Language, Language) -> Result<Lexicon, Error> + Send + Sync + 'static,
    ) -> Self {
        LexiconCache {
            load: Box::new(load),
            built: Default::default(),
        }
    }

    /// The default lexicons ([`Lexicon::with_default_dictionary`]); `announce` is told each
    /// dictionary file loaded, so that the caller can say so.
    pub fn with_default_dictionaries(announce: impl Fn(&Path) + Send + Sync + 'static) -> Self {
        LexiconCache::new(move |source, target| {
            let (lexicon, file) = Lexicon::with_default_dictionary(source, target)?;
            if let Some(file) = file {
                announce(&file);
            }
            Ok(lexicon)
        })
    }

    /// The lexicon for a language pair.
    pub fn get(
        &self,
        source: Language,
        target: Language,
    ) -> Result<std::sync::Arc<Lexicon>, Error> {
        let mut built = self
            .built
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(l) = built.get(&(source, target)) {
            return Ok(l.clone());
        }
        let lexicon = std::sync::Arc::new((self.load)(source, target)?);
        built.insert((source, target), lexicon.clone());
        Ok(lexicon)
    }
}

/// Where CC-CEDICT is looked for, in order; the first file that exists is used. The places do
/// not depend on the working directory or on where the binary was copied, so the same build
/// gives the same alignments wherever it runs: `$VERSALIGN_CEDICT` (a file), the `data/` folder
/// of the source tree this binary was built from (where `scripts/fetch-cedict.sh` puts it),
/// then `$XDG_DATA_HOME/versalign/` (default `~/.local/share/versalign/`).
pub fn cedict_places() -> Vec<PathBuf> {
    let mut places = Vec::new();
    if let Some(file) = std::env::var_os("VERSALIGN_CEDICT") {
        places.push(PathBuf::from(file));
    }
    places.push(Path::new(env!("CARGO_MANIFEST_DIR")).join(CEDICT_PATH));
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/share")));
    if let Some(dir) = data_home {
        places.push(dir.join("versalign/cedict_ts.u8"));
    }
    places
}

/// CC-CEDICT, if installed at one of [`cedict_places`].
pub fn find_cedict() -> Option<PathBuf> {
    cedict_places().into_iter().find(|p| p.is_file())
}

/// One line of CC-CEDICT.
struct CedictEntry<'a> {
    simplified: &'a str,
    pinyin: &'a str,
    glosses: std::str::Split<'a, char>,
}

fn parse_cedict_line(line: &str) -> Option<CedictEntry<'_>> {
    if line.starts_with('#') {
        return None;
    }
    let (_traditional, rest) = line.split_once(' ')?;
    let (simplified, rest) = rest.split_once(' ')?;
    let rest = rest.strip_prefix('[')?;
    let (pinyin, rest) = rest.split_once(']')?;
    let glosses = rest.trim().strip_prefix('/')?.strip_suffix('/')?;
    Some(CedictEntry {
        simplified,
        pinyin,
        glosses: glosses.split('/'),
    })
}

/// The words of a CC-CEDICT gloss worth matching, or `None` for glosses that are not
/// translations (classifiers, variants, cross-references, surnames).
fn gloss_words(gloss: &str) -> Option<impl Iterator<Item = &str>> {
    let gloss = gloss.trim();
    const SKIP: &[&str] = &[
        "CL:",
        "surname ",
        "variant of",
        "old variant",
        "archaic variant",
        "see ",
        "see also",
        "abbr. for",
        "abbr. of",
        "used in ",
        "also written",
        "also pr.",
        "erhua variant",
        "Japanese variant",
        "classifier for",
        "pr. ",
        "(onom.)",
        "radical ",
    ];
    if gloss.is_empty() || SKIP.iter().any(|s| gloss.starts_with(s)) || gloss.contains("variant of")
    {
        return None;
    }
    Some(
        split_outside_brackets(gloss)
            .flat_map(phrase_words)
            .filter(|w| {
                !matches!(
                    *w,
                    "sth" | "sb" | "something" | "someone" | "somebody" | "oneself" | "etc"
                )
            }),
    )
}

/// The pieces of a gloss outside `(…)` and `[…]`, where CC-CEDICT puts notes and pinyin.
fn split_outside_brackets(gloss: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0i32;
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, c) in gloss.char_indices() {
        match c {
            '(' | '[' => {
                if depth == 0 {
                    pieces.push(&gloss[start..i]);
                }
                depth += 1;
            }
            ')' | ']' => {
                depth -= 1;
                if depth <= 0 {
                    depth = 0;
                    start = i + c.len_utf8();
                }
            }
            _ => {}
        }
    }
    if depth == 0 {
        pieces.push(&gloss[start..]);
    }
    pieces.into_iter()
}

/// The words of a phrase: runs of letters, digits, apostrophes and hyphens.
fn phrase_words(phrase: &str) -> impl Iterator<Item = &str> {
    phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c: char| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty() && !w.chars().any(is_han) && !w.contains('|'))
}

/// `qing1` → `qing`, `lu:4` → `lu`; `None` for anything that is not a toned syllable.
fn toneless_syllable(syllable: &str) -> Option<String> {
    let body = syllable.strip_suffix(|c: char| ('1'..='5').contains(&c))?;
    let body = body.replace("u:", "u").to_lowercase();
    (body.len() > 1 || matches!(body.as_str(), "a" | "e" | "o"))
        .then_some(body)
        .filter(|b| b.chars().all(|c| c.is_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cedict_is_looked_for_in_absolute_places_only() {
        let places = cedict_places();
        assert!(places.iter().all(|p| p.is_absolute()), "{places:?}");
        assert!(
            places.contains(&Path::new(env!("CARGO_MANIFEST_DIR")).join(CEDICT_PATH)),
            "{places:?}"
        );
        let cwd = std::env::current_dir().unwrap();
        assert!(
            !places.contains(&cwd.join(CEDICT_PATH))
                || cwd == Path::new(env!("CARGO_MANIFEST_DIR")),
            "the working directory is not searched"
        );
    }

    fn has(lexicon: &Lexicon, key: &str, stem: &str) -> bool {
        lexicon
            .stem_id(stem)
            .is_some_and(|id| lexicon.translations(key).contains(&id))
    }

    #[test]
    fn cedict_glosses_become_content_stems() {
        let text = "# comment\n\
            說 说 [shuo1] /to speak; to talk; to say/to scold; to tell off/(bound form) theory; doctrine/\n\
            陳 陈 [Chen2] /surname Chen/\n\
            陳 陈 [chen2] /to lay out; to exhibit/old; stale/\n\
            心 心 [xin1] /heart/mind/CL:顆|颗[ke1],個|个[ge4]/\n\
            㐌 㐌 [ta1] /variant of 它[ta1]/\n";
        assert_eq!(DictFormat::detect(text), DictFormat::Cedict);
        let mut lexicon = Lexicon::new(Language::Zh, Language::En);
        assert_eq!(lexicon.add_str(text, DictFormat::Cedict), 3);
        assert!(
            has(&lexicon, "说", "speak")
                && has(&lexicon, "说", "scold")
                && has(&lexicon, "说", "theori")
        );
        assert!(has(&lexicon, "陈", "exhibit"));
        assert!(
            lexicon.stem_id("chen").is_none(),
            "surname glosses are not translations"
        );
        assert!(lexicon.stem_id("cl").is_none() && lexicon.stem_id("ke1").is_none());
        assert!(lexicon.translations("㐌").is_empty());
        assert!(lexicon.is_surname('陈') && !lexicon.is_surname('心'));
        let chen = lexicon.syllable_id("chen");
        assert!(chen.is_some() && lexicon.readings('陈').contains(&chen.unwrap_or(u16::MAX)));
    }

    #[test]
    fn cedict_read_the_other_way_round() {
        let text = "說 说 [shuo1] /to speak; to say/\n陳 陈 [Chen2] /surname Chen/\n";
        let mut en_zh = Lexicon::new(Language::En, Language::Zh);
        assert_eq!(en_zh.add_str(text, DictFormat::Cedict), 1);
        assert!(has(&en_zh, "speak", "说") && has(&en_zh, "say", "说"));
        assert!(Lexicon::new(Language::Fr, Language::En).add_str(text, DictFormat::Cedict) == 0);
    }

    #[test]
    fn hunalign_lines_are_target_at_source() {
        let text = "Secretary-General @ 秘书长\nhouses @ 房子\nnot a pair\n";
        assert_eq!(DictFormat::detect(text), DictFormat::Hunalign);
        let mut lexicon = Lexicon::new(Language::Zh, Language::En);
        assert_eq!(lexicon.add_str(text, DictFormat::Hunalign), 2);
        assert!(has(&lexicon, "房子", "hous"));
        assert!(has(&lexicon, "秘书长", "secretari") && has(&lexicon, "秘书长", "general"));
    }

    #[test]
    fn csv_pairs_in_either_order_and_between_latin_languages() {
        let text = "maison,house\n\"droits de l'homme\",\"human rights\"\nchien;dog\n";
        assert_eq!(DictFormat::detect(text), DictFormat::Csv);
        let mut fr_en = Lexicon::new(Language::Fr, Language::En);
        assert_eq!(
            fr_en.add_str(text, DictFormat::Csv),
            1,
            "multi-word keys and ; rows are skipped"
        );
        assert!(has(&fr_en, "maison", "hous"));
        let mut zh_en = Lexicon::new(Language::Zh, Language::En);
        assert_eq!(zh_en.add_str("houses,房子\n", DictFormat::Csv), 1);
        assert!(
            has(&zh_en, "房子", "hous"),
            "the Han column is taken as the Chinese side"
        );
    }

    #[test]
    fn builtin_un_terms_for_zh_en_only() {
        let zh_en = Lexicon::builtin(Language::Zh, Language::En);
        assert!(has(&zh_en, "秘书处", "secretariat"));
        assert!(Lexicon::builtin(Language::Fr, Language::En).is_empty());
    }

    #[test]
    fn normalizer_drops_function_words_and_stems() {
        let en = Normalizer::new(Language::En);
        assert_eq!(en.stem("Houses").as_deref(), Some("hous"));
        assert_eq!(en.stem("the"), None);
        assert_eq!(en.stem("Trinket's").as_deref(), Some("trinket"));
        let zh = Normalizer::new(Language::Zh);
        assert_eq!(zh.stem("的"), None);
        assert_eq!(zh.stem("房子").as_deref(), Some("房子"));
    }
}

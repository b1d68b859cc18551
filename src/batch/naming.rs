//! File names in and out of a batch: the symbol and language a file name gives in the common UN
//! patterns, and a safe output name for a symbol (never a path: `A/RES/70/1` must not create
//! directories, `..` must not escape the output folder).

use std::path::Path;

use crate::input::VERSION_EXTENSIONS;
use crate::model::Language;

/// What a file name says about its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameInfo {
    /// The document symbol, when the name carries one.
    pub symbol: Option<String>,
    /// The version's language, when the name carries it.
    pub language: Option<Language>,
}

/// Read the symbol and language from a file's name (and its folder's name), in these patterns:
///
/// | file | symbol | language |
/// |---|---|---|
/// | `A_RES_70_1-ZH.txt`, `A_RES_70_1.zh.txt` | `A/RES/70/1` | zh (ISO code after `-`, `_` or `.`) |
/// | `A_RES_70_1_C.txt` | `A/RES/70/1` | zh (UN job letter A, C, E, F, R, S after `_`) |
/// | `A-RES-70-1.zh.txt` | `A/RES/70/1` | zh (hyphens stand for slashes when there is no underscore) |
/// | `A_RES_70_1/zh.txt` | `A/RES/70/1` (the folder) | zh |
///
/// The same patterns hold for every version format (`A_RES_70_1-ZH.docx`, `A_RES_70_1_C.pdf`).
/// In a symbol written in a name, `_` stands for `/` (`E_CN.15_2011_L.3_Rev.1`).
pub(crate) fn read_name(path: &Path) -> NameInfo {
    let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let stem = match file.rsplit_once('.') {
        Some((stem, ext))
            if VERSION_EXTENSIONS
                .iter()
                .any(|v| ext.eq_ignore_ascii_case(v)) =>
        {
            stem
        }
        _ => file,
    };
    if let Ok(lang) = stem.parse::<Language>()
        && stem.len() == 2
    {
        let folder = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str());
        return NameInfo {
            symbol: folder.and_then(symbol_from_name),
            language: Some(lang),
        };
    }
    let (base, language) = split_language(stem);
    NameInfo {
        symbol: symbol_from_name(base),
        language,
    }
}

/// Split a language suffix off a stem: `-ZH`, `_zh`, `.zh` (ISO code) or `_C` (job letter).
fn split_language(stem: &str) -> (&str, Option<Language>) {
    if let Some(i) = stem.rfind(['-', '_', '.']) {
        let (base, suffix) = (&stem[..i], &stem[i + 1..]);
        if suffix.len() == 2
            && let Ok(lang) = suffix.parse::<Language>()
        {
            return (base, Some(lang));
        }
        if suffix.len() == 1 && stem.as_bytes()[i] == b'_' {
            let letter = suffix.chars().next().unwrap_or(' ');
            if let Some(lang) = Language::ALL.into_iter().find(|l| l.job_letter() == letter) {
                return (base, Some(lang));
            }
        }
    }
    (stem, None)
}

/// A symbol from the name part of a file: upper-case series, parts separated by `_` (or by `-`
/// when there is no `_`), at least two parts, and a digit somewhere. A part holds the characters
/// of UN symbols: letters, digits, `.`, a balanced parenthesis (`217(III)`) and, between `_`, a
/// hyphen (`S-27`).
fn symbol_from_name(base: &str) -> Option<String> {
    let separator = if base.contains('_') { '_' } else { '-' };
    let parts: Vec<&str> = base.split(separator).collect();
    let series_ok = parts[0]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase())
        && parts[0]
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.');
    let valid = parts.len() >= 2
        && series_ok
        && parts.iter().all(|p| is_symbol_part(p, separator))
        && base.chars().any(|c| c.is_ascii_digit());
    valid.then(|| parts.join("/"))
}

/// Whether `part` can be one part of a symbol written in a file name with `separator` between
/// parts: `RES`, `L.3`, `217(III)`, `S-27` (a hyphen only where `_` separates the parts).
fn is_symbol_part(part: &str, separator: char) -> bool {
    let mut depth = 0usize;
    let mut previous = ' ';
    for c in part.chars() {
        match c {
            '(' if previous.is_ascii_alphanumeric() && depth == 0 => depth = 1,
            ')' if depth == 1 && previous.is_ascii_alphanumeric() => depth = 0,
            '-' if separator == '_' && previous.is_ascii_alphanumeric() => {}
            c if c.is_ascii_alphanumeric() || c == '.' => {}
            _ => return false,
        }
        previous = c;
    }
    depth == 0 && previous != '-' && !part.is_empty()
}

/// Longest output name kept as is; longer ones are cut and given a hash.
const MAX_NAME: usize = 100;

/// A file name for a document's outputs: `A/RES/70/1` → `A_RES_70_1`, `A/RES/217(III)` →
/// `A_RES_217(III)`. Characters other than ASCII letters, digits, `.`, `-` and parentheses become `_` (`/`) or `%XX`; a name that could be mistaken
/// (empty, starting with a dot, too long, or not the plain image of the symbol) ends with a
/// hash of the symbol, so distinct symbols never share a name.
pub(crate) fn output_name(symbol: &str) -> String {
    let mut out = String::with_capacity(symbol.len());
    let mut plain = true;
    for c in symbol.chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '.' | '-' | '(' | ')' => out.push(c),
            '/' => out.push('_'),
            c => {
                plain = false;
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    if out.is_empty() || out.starts_with('.') || out.len() > MAX_NAME || symbol.contains('_') {
        plain = false;
    }
    if plain {
        return out;
    }
    let mut cut: String = out.chars().take(MAX_NAME).collect();
    if cut.starts_with('.') || cut.is_empty() {
        cut.insert(0, '_');
    }
    format!("{cut}~{:016x}", fnv1a(symbol.as_bytes()))
}

/// 64-bit FNV-1a: a stable hash (the same on every machine and run) for names and shards.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(path: &str) -> (Option<String>, Option<Language>) {
        let i = read_name(Path::new(path));
        (i.symbol, i.language)
    }

    #[test]
    fn common_un_file_names() {
        let res = Some("A/RES/70/1".to_string());
        assert_eq!(
            info("x/A_RES_70_1-ZH.txt"),
            (res.clone(), Some(Language::Zh))
        );
        assert_eq!(
            info("x/A_RES_70_1_C.txt"),
            (res.clone(), Some(Language::Zh))
        );
        assert_eq!(
            info("x/A-RES-70-1.zh.txt"),
            (res.clone(), Some(Language::Zh))
        );
        assert_eq!(
            info("x/A_RES_70_1/zh.txt"),
            (res.clone(), Some(Language::Zh))
        );
        assert_eq!(
            info("x/A_RES_70_1_S.txt"),
            (res.clone(), Some(Language::Es))
        );
        assert_eq!(
            info("x/A_RES_70_1-ZH.docx"),
            (res.clone(), Some(Language::Zh))
        );
        assert_eq!(info("x/A_RES_70_1_F.PDF"), (res, Some(Language::Fr)));
        assert_eq!(
            info("x/A_RES_217(III)-EN.txt"),
            (Some("A/RES/217(III)".into()), Some(Language::En))
        );
        assert_eq!(
            info("x/A_RES_S-27_2_F.txt"),
            (Some("A/RES/S-27/2".into()), Some(Language::Fr))
        );
        assert_eq!(
            info("x/A_RES_217(III)/ru.txt"),
            (Some("A/RES/217(III)".into()), Some(Language::Ru))
        );
        for odd in [
            "A_RES_217(III-EN.txt",
            "A_RES_(III)-EN.txt",
            "A_RES_2)(-EN.txt",
        ] {
            assert_eq!(info(odd).0, None, "{odd}");
        }
        assert_eq!(
            info("E_CN.15_2011_L.3_Rev.1-EN.txt"),
            (Some("E/CN.15/2011/L.3/Rev.1".into()), Some(Language::En))
        );
    }

    #[test]
    fn names_without_symbol_or_language() {
        assert_eq!(info("notes/draft.txt"), (None, None));
        assert_eq!(info("notes/report-fr.txt"), (None, Some(Language::Fr)));
        assert_eq!(info("A_RES_70_1.txt"), (Some("A/RES/70/1".into()), None));
        assert_eq!(info("misc/zh.txt"), (None, Some(Language::Zh)));
    }

    #[test]
    fn output_names_stay_in_the_folder() {
        assert_eq!(output_name("A/RES/70/1"), "A_RES_70_1");
        assert_eq!(output_name("A/RES/217(III)"), "A_RES_217(III)");
        for symbol in ["..", "../../etc/passwd", "a\0b", "", "/", ".hidden", "A_B"] {
            let name = output_name(symbol);
            assert!(
                !name.contains('/')
                    && !name.contains('\0')
                    && !name.starts_with('.')
                    && !name.is_empty(),
                "{symbol:?} -> {name}"
            );
        }
        assert_ne!(output_name("A/B"), output_name("A_B"));
        let long = "A/".repeat(200);
        assert!(output_name(&long).len() < MAX_NAME + 20);
        assert_ne!(output_name(&long), output_name(&format!("{long}X")));
    }
}

//! Which writing system a character belongs to: the one table every stage asks (input, parse,
//! normalize, segment, language identification, alignment), so that "Han", "Arabic",
//! "Cyrillic" and "Latin" mean the same everywhere.
//!
//! The ranges follow the Unicode `Script` property for the letters of the six UN languages;
//! a unit test checks them against the `unicode-script` crate over every code point. A table of
//! `matches!` ranges is used instead of that crate at run time because the hot loops of parsing
//! ask it for every character, and a handful of range tests beat a binary search over the full
//! property table (ASCII, the common case, is decided by the first comparison).

/// The writing systems versalign tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Script {
    /// Latin letters (English, French, Spanish), ASCII included.
    Latin,
    /// Cyrillic letters (Russian).
    Cyrillic,
    /// Arabic letters and marks.
    Arabic,
    /// Han ideographs (Chinese), `〇` and the iteration mark `々` included.
    Han,
    /// Everything else: digits, punctuation, spaces, other scripts.
    Other,
}

impl Script {
    /// The script of one character.
    #[inline]
    pub(crate) fn of(c: char) -> Script {
        if c.is_ascii() {
            return if c.is_ascii_alphabetic() {
                Script::Latin
            } else {
                Script::Other
            };
        }
        if is_han(c) {
            Script::Han
        } else if is_cyrillic(c) {
            Script::Cyrillic
        } else if is_arabic(c) {
            Script::Arabic
        } else if is_latin(c) {
            Script::Latin
        } else {
            Script::Other
        }
    }
}

/// Whether a character is a Han ideograph (unified, extensions, compatibility), `〇` or `々`.
#[inline]
pub(crate) fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{3005}'
            | '\u{3007}'
            | '\u{3021}'..='\u{3029}'
            | '\u{3038}'..='\u{303B}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FA6D}'
            | '\u{FA70}'..='\u{FAD9}'
            | '\u{20000}'..='\u{2A6DF}'
            | '\u{2A700}'..='\u{2EBE0}'
            | '\u{2F800}'..='\u{2FA1D}'
            | '\u{30000}'..='\u{323AF}'
    )
}

/// Whether a character is a Cyrillic letter or mark.
#[inline]
pub(crate) fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

/// Whether a character is Arabic (the basic block and its supplement, without the digits,
/// comma, semicolon and question mark that Unicode counts as common punctuation).
#[inline]
pub(crate) fn is_arabic(c: char) -> bool {
    matches!(
        c,
        '\u{0600}'..='\u{0604}'
            | '\u{0606}'..='\u{060B}'
            | '\u{060D}'..='\u{061A}'
            | '\u{061C}'..='\u{061E}'
            | '\u{0620}'..='\u{063F}'
            | '\u{0641}'..='\u{065F}'
            | '\u{066A}'..='\u{06DC}'
            | '\u{06DE}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
    )
}

/// Whether a character is an Arabic letter (no marks, digits or punctuation).
#[inline]
pub(crate) fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{06D3}')
}

/// Whether a character is a Latin letter (ASCII and the Latin-1, Extended-A and -B blocks).
#[inline]
pub(crate) fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{00AA}' | '\u{00BA}' | '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00F6}' | '\u{00F8}'..='\u{024F}')
}

/// Whether a character is a letter of an alphabet written with spaces between words (Latin,
/// Cyrillic …): alphabetic, neither Han nor Arabic.
#[inline]
pub(crate) fn is_spaced_letter(c: char) -> bool {
    c.is_alphabetic() && !is_han(c) && !is_arabic(c)
}

/// Whether a character is CJK punctuation or a full-width form (including the curly quotes
/// and the ellipsis Chinese text uses).
#[inline]
pub(crate) fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '\u{2018}'..='\u{201D}' | '\u{2026}')
}

/// Letters of a text counted by script.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ScriptCounts {
    /// Han ideographs.
    pub han: usize,
    /// Cyrillic letters.
    pub cyrillic: usize,
    /// Arabic letters and marks.
    pub arabic: usize,
    /// Latin letters.
    pub latin: usize,
}

impl ScriptCounts {
    /// Count the letters of `text` by script.
    pub(crate) fn of(text: &str) -> Self {
        let mut counts = ScriptCounts::default();
        for c in text.chars() {
            match Script::of(c) {
                Script::Han => counts.han += 1,
                Script::Cyrillic => counts.cyrillic += 1,
                Script::Arabic => counts.arabic += 1,
                Script::Latin => counts.latin += usize::from(c.is_alphabetic()),
                Script::Other => {}
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_script::{Script as U, UnicodeScript};

    /// Every code point the table calls Han, Cyrillic or Arabic is of that script for Unicode (or
    /// unassigned inside a Han extension block),
    /// and every assigned Han, Cyrillic or Arabic letter of the BMP blocks the UN languages use
    /// is found by the table.
    #[test]
    fn table_agrees_with_the_unicode_script_property() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let unicode = c.script();
            let ours = Script::of(c);
            match ours {
                Script::Han => assert!(
                    matches!(unicode, U::Han | U::Unknown),
                    "{c:?} U+{:04X} is {unicode:?}",
                    c as u32
                ),
                Script::Cyrillic => assert!(
                    unicode == U::Cyrillic || unicode == U::Inherited,
                    "{c:?} U+{:04X} is {unicode:?}",
                    c as u32
                ),
                Script::Arabic => assert!(
                    matches!(unicode, U::Arabic | U::Common | U::Inherited),
                    "{c:?} U+{:04X} is {unicode:?}",
                    c as u32
                ),
                Script::Latin => assert_eq!(unicode, U::Latin, "{c:?} U+{:04X}", c as u32),
                Script::Other => {}
            }
            let in_un_blocks = (c as u32) < 0x0800 || (0x3400..=0x9FFF).contains(&(c as u32));
            if in_un_blocks && c.is_alphabetic() {
                match unicode {
                    U::Han => assert_eq!(ours, Script::Han, "{c:?} U+{:04X}", c as u32),
                    U::Cyrillic => assert_eq!(ours, Script::Cyrillic, "{c:?} U+{:04X}", c as u32),
                    U::Arabic => assert_eq!(ours, Script::Arabic, "{c:?} U+{:04X}", c as u32),
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn letters_of_the_six_languages() {
        assert_eq!(Script::of('a'), Script::Latin);
        assert_eq!(Script::of('é'), Script::Latin);
        assert_eq!(Script::of('ж'), Script::Cyrillic);
        assert_eq!(Script::of('م'), Script::Arabic);
        assert_eq!(Script::of('国'), Script::Han);
        assert_eq!(Script::of('〇'), Script::Han);
        assert_eq!(Script::of('7'), Script::Other);
        assert_eq!(
            Script::of('٣'),
            Script::Other,
            "Arabic-Indic digits are digits"
        );
        assert_eq!(Script::of('，'), Script::Other);
        assert!(is_cjk_punctuation('，') && is_cjk_punctuation('。'));
        assert!(is_spaced_letter('ж') && !is_spaced_letter('国') && !is_spaced_letter('م'));
        assert!(is_arabic_letter('ب') && !is_arabic_letter('٣'));
    }

    #[test]
    fn counts_by_script() {
        let counts = ScriptCounts::of("Le 国 ж مم 12");
        assert_eq!(
            counts,
            ScriptCounts {
                han: 1,
                cyrillic: 1,
                arabic: 2,
                latin: 2
            }
        );
    }
}

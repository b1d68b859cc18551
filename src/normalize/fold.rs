//! The folded copy of a text that the scan searches, and the way back to input byte offsets.

use crate::locale::ascii_digit;

/// The text as searched, with the original byte offset of every folded byte.
pub(super) struct Folded<'a> {
    /// The input.
    source: &'a str,
    /// The folded text.
    pub(super) text: String,
    /// For each byte of `text` (and its end), the offset of the input character it comes from.
    origin: Vec<usize>,
}

impl<'a> Folded<'a> {
    /// Folds `source`.
    pub(super) fn new(source: &'a str) -> Self {
        // ASCII is left as it is: copy runs of it at once, fold the rest character by character.
        if source.is_ascii() {
            return Folded {
                source,
                text: source.to_string(),
                origin: (0..=source.len()).collect(),
            };
        }
        let mut text = String::with_capacity(source.len());
        let mut origin = Vec::with_capacity(source.len() + 1);
        for (i, c) in source.char_indices() {
            if c.is_ascii() {
                text.push(c);
                origin.push(i);
            } else if let Some(f) = fold_char(c) {
                text.push(f);
                origin.extend(std::iter::repeat_n(i, f.len_utf8()));
            }
        }
        origin.push(source.len());
        Folded {
            source,
            text,
            origin,
        }
    }

    /// The input span of the folded span `start..end`.
    pub(super) fn span(&self, start: usize, end: usize) -> (usize, usize) {
        let from = self.origin[start];
        let to = match end.checked_sub(1) {
            Some(last) => {
                let at = self.origin[last];
                at + self.source[at..].chars().next().map_or(0, char::len_utf8)
            }
            None => from,
        };
        (from, to.max(from))
    }
}

/// How one input character is searched: `None` drops it.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' | '\u{FF10}'..='\u{FF19}' => {
            ascii_digit(c)
        }
        '\u{066B}' => '.',
        '\u{066C}' => ',',
        '\u{066A}' => '%',
        // Chinese punctuation stays itself: a full-width comma separates list items, not thousands.
        '\u{FF0C}' | '\u{FF1A}' | '\u{FF1B}' => c,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
        '\u{00AD}'
        | '\u{061C}'
        | '\u{0640}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' => {
            return None;
        }
        '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ё' => 'е',
        'Ё' => 'Е',
        _ => c,
    })
}

/// A word or table entry folded the way the text is.
pub(super) fn fold_str(s: &str) -> String {
    s.chars()
        .filter_map(fold_char)
        .flat_map(char::to_lowercase)
        .collect()
}

//! Plain text: the bytes of a file decoded as UTF-8 with or without byte-order mark, UTF-16
//! LE/BE with or without one (Word's "Unicode text" export), GB18030 for legacy Chinese files,
//! and the other legacy code pages Windows writes for "Plain Text" (Windows-1252, 1251, 1256,
//! Big5 …, guessed by chardetng and kept only when the text reads as one script); binary and
//! damaged input is refused with the byte offset where it went wrong.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

use crate::error::DecodeError;
use crate::script::{ScriptCounts, is_cjk_punctuation, is_han};

/// Text decoded from a file, with the encoding it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    /// The text, without byte-order mark; line ends are left as they were.
    pub text: String,
    /// Name of the encoding the bytes were in (`UTF-8`, `UTF-16LE`, `UTF-16BE`, `gb18030`).
    pub encoding: &'static str,
}

/// An encoding a text file is read in instead of the one detected (`--encoding`): any label
/// the WHATWG Encoding Standard knows (`windows-1252`, `gbk`, `big5`, `utf-16le`, `latin1` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextEncoding(&'static Encoding);

impl TextEncoding {
    /// The encoding's name (`windows-1252`, `GBK`, `UTF-16LE` …).
    pub fn name(self) -> &'static str {
        self.0.name()
    }
}

impl std::str::FromStr for TextEncoding {
    type Err = String;

    /// The encoding a label names; an unknown label is refused with examples.
    fn from_str(label: &str) -> Result<Self, Self::Err> {
        Encoding::for_label(label.trim().as_bytes())
            .map(TextEncoding)
            .ok_or_else(|| {
                format!(
                    "unknown encoding `{label}`: give a label such as utf-8, utf-16le, utf-16be, \
                     windows-1252, windows-1251, windows-1256, gb18030, gbk, big5, iso-8859-1, \
                     koi8-r or shift_jis"
                )
            })
    }
}

/// Decode bytes in the encoding given, not the one detected: a byte-order mark of that
/// encoding is skipped; bytes that are not text in it are refused with their offset.
pub(crate) fn decode_in(bytes: &[u8], forced: TextEncoding) -> Result<Decoded, DecodeError> {
    let encoding = forced.0;
    let bom = match Encoding::for_bom(bytes) {
        Some((found, len)) if found == encoding => len,
        _ => 0,
    };
    if encoding == UTF_16LE || encoding == UTF_16BE || encoding == encoding_rs::UTF_8 {
        return decode_as(encoding, &bytes[bom..], bom).map_err(|e| match e {
            DecodeError::InvalidUtf8 { offset } => DecodeError::NotInEncoding {
                encoding: encoding.name(),
                offset,
            },
            other => other,
        });
    }
    let body = &bytes[bom..];
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(body.len())
        .unwrap_or(body.len() * 3 + 16);
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(body, &mut text, true);
    if let encoding_rs::DecoderResult::Malformed(bad, after) = result {
        return Err(DecodeError::NotInEncoding {
            encoding: encoding.name(),
            offset: bom + read - usize::from(bad) - usize::from(after),
        });
    }
    reject_binary(text.as_bytes())?;
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

/// Decode bytes, guessing the encoding from the byte-order mark and the content.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_as(encoding, &bytes[bom_len..], bom_len);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return decode_as(encoding, bytes, 0);
    }
    reject_binary(bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            encoding: "UTF-8",
        }),
        Err(e) => {
            let offset = e.valid_up_to();
            if e.error_len().is_none() {
                return Err(DecodeError::TruncatedUtf8 { offset });
            }
            legacy_chinese(bytes)
                .or_else(|| legacy_encoding(bytes))
                .ok_or(DecodeError::InvalidUtf8 { offset })
        }
    }
}

/// Decode with a known encoding; `skipped` is the length of the byte-order mark, for offsets.
fn decode_as(
    encoding: &'static Encoding,
    bytes: &[u8],
    skipped: usize,
) -> Result<Decoded, DecodeError> {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        if bytes.len() % 2 == 1 {
            return Err(DecodeError::TruncatedUtf16 {
                offset: skipped + bytes.len() - 1,
            });
        }
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or_else(|| DecodeError::InvalidUtf16 {
                offset: skipped + first_bad_utf16_unit(bytes, encoding == UTF_16LE),
            })?;
        reject_binary(text.as_bytes())?;
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            reject_binary(text.as_bytes())?;
            Ok(Decoded {
                text: text.to_string(),
                encoding: "UTF-8",
            })
        }
        Err(e) if e.error_len().is_none() => Err(DecodeError::TruncatedUtf8 {
            offset: skipped + e.valid_up_to(),
        }),
        Err(e) => Err(DecodeError::InvalidUtf8 {
            offset: skipped + e.valid_up_to(),
        }),
    }
}

/// Byte offset of the first unpaired surrogate in UTF-16 data.
fn first_bad_utf16_unit(bytes: &[u8], little_endian: bool) -> usize {
    let units = bytes.chunks_exact(2).map(|pair| {
        if little_endian {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    let mut offset = 0;
    for result in char::decode_utf16(units) {
        match result {
            Ok(c) => offset += c.len_utf16() * 2,
            Err(_) => return offset,
        }
    }
    offset
}

/// UTF-16 text saved without a byte-order mark shows a zero byte in every other position.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // Latin text in UTF-16 has a zero in nearly every pair. Chinese text has zeros mostly in the
    // pairs of its ASCII characters (digits, spaces, line ends), on one side (the other side's
    // few are Han characters such as 一, U+4E00): taken when the text it decodes to is mostly Han.
    if zero_odd * 10 >= pairs * 7 && zero_even * 20 <= pairs {
        Some(UTF_16LE)
    } else if zero_even * 10 >= pairs * 7 && zero_odd * 20 <= pairs {
        Some(UTF_16BE)
    } else if zero_odd > zero_even * 4 && mostly_han(UTF_16LE, sample) {
        Some(UTF_16LE)
    } else if zero_even > zero_odd * 4 && mostly_han(UTF_16BE, sample) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether `sample` decodes in `encoding` to text whose letters are mostly Han characters.
fn mostly_han(encoding: &'static Encoding, sample: &[u8]) -> bool {
    let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(sample) else {
        return false;
    };
    let counts = ScriptCounts::of(&text);
    let letters = counts.han + counts.latin + counts.cyrillic + counts.arabic;
    letters > 0 && counts.han * 2 > letters
}

/// Legacy Chinese files (GB2312/GBK/GB18030): accepted when the bytes decode cleanly and what
/// comes out reads as Chinese — mostly Han characters in runs, not single Han characters
/// between Latin letters, which is what Latin-1 accents look like when read as GB18030.
fn legacy_chinese(bytes: &[u8]) -> Option<Decoded> {
    let text = GB18030.decode_without_bom_handling_and_without_replacement(bytes)?;
    let chars: Vec<char> = text.chars().collect();
    let non_ascii = chars.iter().filter(|c| !c.is_ascii()).count();
    let han = chars
        .iter()
        .filter(|&&c| is_han(c) || is_cjk_punctuation(c))
        .count();
    let inside_latin_words = chars
        .windows(3)
        .filter(|w| w[0].is_ascii_alphabetic() && is_han(w[1]) && w[2].is_ascii_alphabetic())
        .count();
    let chinese =
        non_ascii * 5 >= chars.len() && han * 10 >= non_ascii * 9 && inside_latin_words * 10 <= han;
    if !chinese {
        return None;
    }
    Some(Decoded {
        text: text.into_owned(),
        encoding: GB18030.name(),
    })
}

/// Text in another legacy encoding — Windows-1252 (Word's "Plain Text" export of Spanish,
/// French or English on Windows), 1251 (Russian), 1256 (Arabic), Big5 … — as chardetng guesses
/// it, accepted only when what comes out reads as text of one of the six languages: it decodes
/// without an unmappable byte, holds no C1 control, and two thirds of its letters or more are of
/// one script.
fn legacy_encoding(bytes: &[u8]) -> Option<Decoded> {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Deny);
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    if text.chars().any(|c| ('\u{80}'..='\u{9F}').contains(&c)) {
        return None;
    }
    let counts = ScriptCounts::of(&text);
    let by_script = [counts.latin, counts.cyrillic, counts.arabic, counts.han];
    let letters: usize = by_script.iter().sum();
    let top = by_script.into_iter().max().unwrap_or(0);
    if letters == 0 || top * 3 < letters * 2 {
        return None;
    }
    Some(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
    })
}

/// Refuse text with NUL bytes or many control characters: it is not a document.
fn reject_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary { offset });
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if control * 100 > sample.len().max(1) {
        let offset = sample
            .iter()
            .position(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
            .unwrap_or(0);
        return Err(DecodeError::Binary { offset });
    }
    Ok(())
}

/// Split text into lines on LF, CRLF or a lone CR, without the line ends.
pub(crate) fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                out.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("大会，".as_bytes()).unwrap().text, "大会，");
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("Distr.: Limited".as_bytes());
        let d = decode(&with_bom).unwrap();
        assert_eq!(d.text, "Distr.: Limited");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn utf16_both_byte_orders() {
        let text = "Original: español\r\n大会";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&le).unwrap().text, text);
        assert_eq!(decode(&le).unwrap().encoding, "UTF-16LE");
        assert_eq!(decode(&be).unwrap().text, text);
        let bare: Vec<u8> = "Original: English\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&bare).unwrap().text, "Original: English\n");
    }

    #[test]
    fn gb18030_legacy_chinese() {
        let (bytes, _, _) = GB18030.encode("经济及社会理事会，\n回顾大会决议。");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "经济及社会理事会，\n回顾大会决议。");
        assert_eq!(d.encoding, "gb18030");
    }

    #[test]
    fn truncated_utf8_names_offset() {
        let mut bytes = "Recalling 大".as_bytes().to_vec();
        bytes.pop();
        assert_eq!(
            decode(&bytes),
            Err(DecodeError::TruncatedUtf8 { offset: 10 })
        );
    }

    #[test]
    fn windows_1252_is_read_as_such_not_as_chinese() {
        let decoded = decode(b"Original: espa\xf1ol y franc\xe9s\n").unwrap();
        assert_eq!(decoded.text, "Original: español y francés\n");
        assert_eq!(decoded.encoding, "windows-1252");
    }

    /// Each language's legacy Windows code page (and GBK, Big5 for Chinese) is told from the
    /// bytes alone and gives back the text.
    #[test]
    fn legacy_code_pages_of_the_six_languages() {
        let cases: [(&str, &'static Encoding); 6] = [
            (
                "Recordando su resolución 70/1, la Asamblea General decide que el período de sesiones continúe.\n",
                encoding_rs::WINDOWS_1252,
            ),
            (
                "Rappelant sa résolution 70/1, l'Assemblée générale décide que la session se poursuivra.\n",
                encoding_rs::WINDOWS_1252,
            ),
            (
                "Ссылаясь на свою резолюцию 70/1, Генеральная Ассамблея постановляет продолжить сессию.\n",
                encoding_rs::WINDOWS_1251,
            ),
            (
                "إن الجمعية العامة، إذ تشير إلى قرارها 70/1، تقرر أن تواصل الدورة أعمالها.\n",
                encoding_rs::WINDOWS_1256,
            ),
            (
                "大会回顾其第70/1号决议，决定继续举行本届会议，并请秘书长提交报告。\n",
                encoding_rs::GBK,
            ),
            (
                "大會回顧其第70/1號決議，決定繼續舉行本屆會議，並請秘書長提交報告。\n",
                encoding_rs::BIG5,
            ),
        ];
        for (text, encoding) in cases {
            let (bytes, _, unmappable) = encoding.encode(text);
            assert!(!unmappable, "{text}");
            let decoded = decode(&bytes).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(decoded.text, text, "{}", encoding.name());
        }
    }

    #[test]
    fn chinese_utf16_without_byte_order_mark() {
        let text = "第70/1号决议\n一九四八年十二月十日，大会决定继续举行本届会议。\n";
        for (encoding, bytes) in [
            (
                "UTF-16LE",
                text.encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect::<Vec<u8>>(),
            ),
            (
                "UTF-16BE",
                text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            ),
        ] {
            let decoded = decode(&bytes).unwrap();
            assert_eq!((decoded.text.as_str(), decoded.encoding), (text, encoding));
        }
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            Err(DecodeError::Binary { offset: 8 })
        );
        let odd_utf16 = [0xFF, 0xFE, 0x41, 0x00, 0x42];
        assert_eq!(
            decode(&odd_utf16),
            Err(DecodeError::TruncatedUtf16 { offset: 4 })
        );
    }

    #[test]
    fn line_ends() {
        assert_eq!(lines("a\r\nb\rc\nd"), vec!["a", "b", "c", "d"]);
        assert_eq!(lines("a\n\nb\n"), vec!["a", "", "b"]);
        assert!(lines("").is_empty());
    }
}

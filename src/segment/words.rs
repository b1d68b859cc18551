//! Chinese word segmentation with jieba-rs. One dictionary per process, shared by all threads,
//! extended with the UN terms of `corpora/un-terms.tsv` so that 能力建设 or 会员国 stay whole.

use std::sync::LazyLock;

use jieba_rs::Jieba;

/// The project's own zh–en UN term list: `zh<TAB>en` per line, `#` starts a comment.
pub const UN_TERMS: &str = include_str!("../../corpora/un-terms.tsv");

/// Frequency given to UN terms added to the dictionary: high enough to win over a split.
const TERM_FREQUENCY: usize = 50_000;

/// The one jieba instance, with the UN terms added, loaded on first use.
static JIEBA: LazyLock<Jieba> = LazyLock::new(|| {
    let mut jieba = Jieba::new();
    for zh in un_terms().map(|(zh, _)| zh) {
        jieba.add_word(zh, Some(TERM_FREQUENCY), None);
    }
    jieba
});

/// The (zh, en) pairs of the UN term list.
pub fn un_terms() -> impl Iterator<Item = (&'static str, &'static str)> {
    UN_TERMS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(zh, en)| (zh.trim(), en.trim()))
}

/// Cut Chinese text into words (HMM on for unknown words); spaces are dropped.
pub fn words(text: &str) -> Vec<&str> {
    spans(text).into_iter().map(|r| &text[r]).collect()
}

/// The words of Chinese text as byte ranges (HMM on for unknown words); spaces are dropped.
pub fn spans(text: &str) -> Vec<std::ops::Range<usize>> {
    JIEBA
        .cut(text, true)
        .into_iter()
        .filter(|token| !token.word.trim().is_empty())
        .map(|token| token.byte_start..token.byte_end)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn un_terms_stay_whole() {
        let cut = words("会员国应加强能力建设，秘书处提供支助。");
        assert!(cut.contains(&"会员国"), "{cut:?}");
        assert!(cut.contains(&"能力建设"), "{cut:?}");
        assert!(cut.contains(&"秘书处"), "{cut:?}");
    }

    #[test]
    fn terms_file_is_well_formed() {
        assert!(un_terms().count() >= 50);
        assert!(un_terms().all(|(zh, en)| !zh.is_empty() && !en.is_empty()));
    }
}

//! Helpers of the unit tests of this module: keys of a text, differences between two versions.

pub(super) use super::{AnchorKind, anchors, compare};
pub(super) use crate::model::Language;
pub(super) use Language::{Ar, En, Es, Fr, Ru, Zh};

/// The keys of the anchors of `text`, hard and soft, in text order.
pub(super) fn keys(text: &str, lang: Language) -> Vec<String> {
    anchors(text, lang).into_iter().map(|a| a.value).collect()
}

/// The hard keys of `text`.
pub(super) fn hard(text: &str, lang: Language) -> Vec<String> {
    anchors(text, lang)
        .into_iter()
        .filter(|a| !a.soft)
        .map(|a| a.value)
        .collect()
}

/// A text and its language.
pub(super) type Version<'a> = (&'a str, Language);

/// The differences between two texts, as `lang:value`.
pub(super) fn diff(first: Version, second: Version) -> Vec<String> {
    let a = anchors(first.0, first.1);
    let b = anchors(second.0, second.1);
    compare(&a, &b)
        .into_iter()
        .map(|d| {
            format!(
                "{}:{}",
                if d.in_first { first.1 } else { second.1 },
                d.value
            )
        })
        .collect()
}

/// Asserts, for each pair of texts, the differences [`diff`] reports (none for `&[]`).
pub(super) fn differ(cases: &[(Version, Version, &[&str])]) {
    for (first, second, want) in cases {
        assert_eq!(diff(*first, *second), *want, "{first:?} vs {second:?}");
    }
}

/// Asserts that every version matches the first one.
pub(super) fn all_agree(versions: &[Version]) {
    for other in &versions[1..] {
        assert_eq!(
            diff(versions[0], *other),
            Vec::<String>::new(),
            "{:?} vs {:?}",
            versions[0],
            other
        );
    }
}

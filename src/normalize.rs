//! TEMPORARY stand-in until the full normaliser lands: dates only.

use std::sync::LazyLock;

use regex::Regex;

use crate::locale::month_number;
use crate::model::Language;

/// Kind of anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnchorKind {
    /// A number.
    Number,
    /// A date.
    Date,
    /// A symbol.
    Symbol,
}

/// An anchor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// Kind.
    pub kind: AnchorKind,
    /// Canonical value.
    pub value: String,
    /// Start.
    pub start: usize,
    /// End.
    pub end: usize,
}

static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{1,2})(?:er)?\s+(?:de\s+)?(\p{L}+(?:\s\p{L}+)?(?:\s?/\s?\p{L}+)?)\s+(?:de\s+)?(\d{4})",
    )
    .unwrap()
});
static ZH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日").unwrap());

/// Anchors.
pub fn anchors(text: &str, _lang: Language) -> Vec<Anchor> {
    let mut out = Vec::new();
    for c in DMY.captures_iter(text) {
        let month = c[2].split('/').find_map(month_number);
        if let Some(m) = month {
            let m0 = c.get(0).unwrap();
            out.push(Anchor {
                kind: AnchorKind::Date,
                value: format!("{}-{:02}-{:02}", &c[3], m, c[1].parse::<u32>().unwrap()),
                start: m0.start(),
                end: m0.end(),
            });
        }
    }
    for c in ZH.captures_iter(text) {
        let m0 = c.get(0).unwrap();
        out.push(Anchor {
            kind: AnchorKind::Date,
            value: format!(
                "{}-{:02}-{:02}",
                &c[1],
                c[2].parse::<u32>().unwrap(),
                c[3].parse::<u32>().unwrap()
            ),
            start: m0.start(),
            end: m0.end(),
        });
    }
    out
}

/// A value on one side only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorDiff {
    /// Kind.
    pub kind: AnchorKind,
    /// Value.
    pub value: String,
    /// Whether it is in the first list.
    pub in_first: bool,
}

/// Multiset difference.
pub fn compare(first: &[Anchor], second: &[Anchor]) -> Vec<AnchorDiff> {
    let mut a: Vec<(AnchorKind, &str)> = first.iter().map(|x| (x.kind, x.value.as_str())).collect();
    let mut b: Vec<(AnchorKind, &str)> =
        second.iter().map(|x| (x.kind, x.value.as_str())).collect();
    a.sort();
    b.sort();
    let mut out = Vec::new();
    for x in &a {
        if let Some(p) = b.iter().position(|y| y == x) {
            b.remove(p);
        } else {
            out.push(AnchorDiff {
                kind: x.0,
                value: x.1.to_string(),
                in_first: true,
            });
        }
    }
    for y in b {
        out.push(AnchorDiff {
            kind: y.0,
            value: y.1.to_string(),
            in_first: false,
        });
    }
    out
}

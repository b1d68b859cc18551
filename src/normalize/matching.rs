//! Matching the anchors of two versions: exact keys first, then the tolerance rules of the
//! module docs (loose keys, soft anchors, repetitions, years of dates).

use std::collections::HashMap;

use super::scan::trim_zeros;
use super::{Anchor, AnchorDiff, AnchorKind};

/// One side of a comparison: its anchors and which of them are already paired.
pub(super) struct Side<'a> {
    /// The anchors of this side, in text order.
    anchors: &'a [Anchor],
    /// Which of them are paired (or forgiven).
    used: Vec<bool>,
}

impl<'a> Side<'a> {
    /// A side with none of `anchors` paired yet.
    pub(super) fn new(anchors: &'a [Anchor]) -> Self {
        Side {
            anchors,
            used: vec![false; anchors.len()],
        }
    }

    /// Indices of the hard anchors not yet paired.
    fn open_hard(&self) -> Vec<usize> {
        (0..self.anchors.len())
            .filter(|&i| !self.used[i] && !self.anchors[i].soft)
            .collect()
    }

    /// Unpaired anchors grouped by key, for `want_soft` anchors or hard ones.
    fn index(&self, want_soft: bool) -> Index<'a> {
        let mut index = Index::default();
        for (i, a) in self.anchors.iter().enumerate().rev() {
            if !self.used[i] && a.soft == want_soft {
                index
                    .0
                    .entry(a.kind)
                    .or_default()
                    .entry(a.value.as_str())
                    .or_default()
                    .push(i);
            }
        }
        index
    }

    /// The hard anchors left unpaired, as differences from the first side or the second.
    pub(super) fn unmatched(&self, in_first: bool) -> Vec<AnchorDiff> {
        self.open_hard()
            .into_iter()
            .map(|i| {
                let a = &self.anchors[i];
                AnchorDiff {
                    kind: a.kind,
                    value: a.value.clone(),
                    in_first,
                    start: a.start,
                    end: a.end,
                }
            })
            .collect()
    }
}

/// Anchor indices by kind and key, the first in text order last.
#[derive(Default)]
struct Index<'a>(HashMap<AnchorKind, HashMap<&'a str, Vec<usize>>>);
impl Index<'_> {
    /// Takes the first unpaired anchor with this kind and key.
    fn take(&mut self, kind: AnchorKind, value: &str) -> Option<usize> {
        self.0.get_mut(&kind)?.get_mut(value)?.pop()
    }

    /// Undoes the last [`Index::take`] of this kind and key, which returned `i`.
    fn put_back(&mut self, kind: AnchorKind, value: &str, i: usize) {
        if let Some(list) = self.0.get_mut(&kind).and_then(|keys| keys.get_mut(value)) {
            list.push(i);
        }
    }
}

/// Pairs the open hard anchors of `left` with open hard anchors of `right` of equal kind and key.
pub(super) fn match_exact(left: &mut Side, right: &mut Side) {
    let mut index = right.index(false);
    for i in left.open_hard() {
        let a = &left.anchors[i];
        if let Some(j) = index.take(a.kind, &a.value) {
            left.used[i] = true;
            right.used[j] = true;
        }
    }
}

/// Pairs the open hard anchors of `side` with equal soft anchors of `other`, one figure for each
/// soft anchor.
pub(super) fn absorb_by_soft(side: &mut Side, other: &Side) {
    let mut index = other.index(true);
    for i in side.open_hard() {
        let a = &side.anchors[i];
        if index.take(a.kind, &a.value).is_some() {
            side.used[i] = true;
        }
    }
}

/// A value written twice on one side and once on the other (`resolution 1807 (2008) … resolution
/// 1807 (2008)` against `… ladite résolution`) is a repetition, not a different value: an open anchor
/// whose key occurs anywhere on the other side is not reported. A changed value still is: the new
/// value occurs nowhere on the other side.
pub(super) fn forgive_repeats(side: &mut Side, other: &Side) {
    let present: std::collections::HashSet<(AnchorKind, &str)> = other
        .anchors
        .iter()
        .map(|a| (a.kind, a.value.as_str()))
        .collect();
    for i in side.open_hard() {
        let a = &side.anchors[i];
        if present.contains(&(a.kind, a.value.as_str())) {
            side.used[i] = true;
        }
    }
}

/// A bare year (`in 2015 … in September 2015`) whose year both sides give in a date (`2015年9月`)
/// repeats that date's year: not reported.
pub(super) fn forgive_years_of_dates(side: &mut Side, other: &Side) {
    let years = |s: &Side| -> std::collections::HashSet<String> {
        s.anchors
            .iter()
            .filter(|a| a.kind == AnchorKind::Date)
            .filter_map(|a| {
                let y = a.value.get(..4)?;
                is_digits(y).then(|| y.to_string())
            })
            .collect()
    };
    let (mine, theirs) = (years(side), years(other));
    for i in side.open_hard() {
        let a = &side.anchors[i];
        if a.kind == AnchorKind::Number && mine.contains(&a.value) && theirs.contains(&a.value) {
            side.used[i] = true;
        }
    }
}

/// Pairs open hard anchors of `side` with an open anchor of `other` that one of their loose keys
/// names, then dotted numbers (`140.2`) with their parts written apart (Arabic `140-2`).
pub(super) fn match_loose(side: &mut Side, other: &mut Side) {
    let mut index = other.index(false);
    for i in side.open_hard() {
        for (kind, key) in loose_keys(&side.anchors[i]) {
            if let Some(j) = index.take(kind, &key) {
                side.used[i] = true;
                other.used[j] = true;
                break;
            }
        }
    }
    match_dotted_parts(side, other);
}

/// Pairs each open dotted number of `side` (`140.2`) with open numbers of `other` equal to its
/// parts (`140`, `2`), all of them or none. One index serves every number: the parts taken for a
/// number that cannot be completed are put back, so the index always holds exactly the open
/// anchors of `other`, and the pass is linear in the anchors.
fn match_dotted_parts(side: &mut Side, other: &mut Side) {
    let mut index = other.index(false);
    for i in side.open_hard() {
        let a = &side.anchors[i];
        let parts: Vec<&str> = a.value.split('.').collect();
        if a.kind != AnchorKind::Number || parts.len() < 2 || !parts.iter().all(|p| is_digits(p)) {
            continue;
        }
        let mut taken = Vec::with_capacity(parts.len());
        for part in &parts {
            match index.take(AnchorKind::Number, trim_zeros(part)) {
                Some(j) => taken.push((trim_zeros(part), j)),
                None => break,
            }
        }
        if taken.len() == parts.len() {
            side.used[i] = true;
            for (_, j) in taken {
                other.used[j] = true;
            }
        } else {
            for (key, j) in taken.into_iter().rev() {
                index.put_back(AnchorKind::Number, key, j);
            }
        }
    }
}

/// The digits of `value` with its groups of three (counted from the right) in reverse order:
/// an Arabic figure read in the other direction (`486125` ↔ `125 486`). Arabic PDF text reverses
/// the groups of space-separated figures but Word text does not, so either reading may be meant.
pub(super) fn reversed_groups(value: &str) -> String {
    value
        .as_bytes()
        .rchunks(3)
        .map(|g| std::str::from_utf8(g).unwrap_or_default())
        .collect()
}

/// Whether `s` is a non-empty run of ASCII digits.
fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The keys an anchor may also match under the tolerance rules.
fn loose_keys(anchor: &Anchor) -> Vec<(AnchorKind, String)> {
    let value = anchor.value.as_str();
    let mut keys = Vec::new();
    match anchor.kind {
        AnchorKind::Date => {
            let mut parts = value.split('-');
            if let (Some(year), Some(month), day) = (parts.next(), parts.next(), parts.next())
                && year.len() == 4
            {
                match day {
                    // The same day without the year (`11 April`) or without the day (`April 2011`).
                    Some(day) => keys.extend([
                        (AnchorKind::Date, format!("--{month}-{day}")),
                        (AnchorKind::Date, format!("{year}-{month}")),
                    ]),
                    // The year without the month: `in 2013` for `in May 2013`.
                    None => keys.push((AnchorKind::Number, year.to_string())),
                }
            }
        }
        AnchorKind::Number => {
            if let Some(bare) = value.strip_suffix('%') {
                keys.push((AnchorKind::Number, bare.to_string()));
            } else if let Some((int, frac)) = value.split_once('.')
                && is_digits(int)
                && frac.len() == 3
                && is_digits(frac)
            {
                keys.push((AnchorKind::Number, format!("{int}{frac}")));
            } else if let Some(other) = &anchor.alternative {
                keys.push((AnchorKind::Number, other.clone()));
            }
        }
        AnchorKind::Symbol => {
            let mut parts = value.rsplitn(3, '/');
            if let (Some(last), Some(before), Some(_)) = (parts.next(), parts.next(), parts.next())
                && is_digits(last)
                && is_digits(before)
            {
                keys.push((AnchorKind::Symbol, format!("{before}/{last}")));
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::testing::*;

    /// A hard number anchor with this key, at the `n`th position of a made-up text.
    fn number(value: String, n: usize) -> Anchor {
        Anchor {
            kind: AnchorKind::Number,
            value,
            start: n * 10,
            end: n * 10 + 5,
            soft: false,
            alternative: None,
        }
    }

    #[test]
    fn twenty_thousand_dotted_numbers_each_find_their_parts() {
        // `k.7` on one side, `k` and `7` on the other: every dotted number takes its own two
        // parts. A number whose part is missing (`k.9`) takes none, so `k` is left for `k.7`.
        let count = 20_000;
        let mut first = Vec::new();
        let mut second = Vec::new();
        for k in 1..=count {
            if k % 1000 == 0 {
                first.push(number(format!("{k}.9"), first.len()));
            }
            first.push(number(format!("{k}.7"), first.len()));
            second.push(number(k.to_string(), second.len()));
            second.push(number("7".to_string(), second.len()));
        }
        let diffs = compare(&first, &second);
        let unmatched: Vec<&str> = diffs.iter().map(|d| d.value.as_str()).collect();
        let want: Vec<String> = (1..=count / 1000)
            .map(|k| format!("{}.9", k * 1000))
            .collect();
        assert_eq!(unmatched, want);
        assert!(diffs.iter().all(|d| d.in_first));
    }

    #[test]
    fn a_bare_year_repeating_the_year_of_a_date_is_not_reported() {
        let en = anchors(
            "the first Prize in 2015 would be held in September 2015",
            Language::En,
        );
        let zh = anchors("第一届颁奖假定在2015年9月举行。", Language::Zh);
        assert!(compare(&en, &zh).is_empty(), "{:?}", compare(&en, &zh));
        // Without the date on the other side the year is still missing there.
        let zh = anchors("第一届颁奖假定在9月举行。", Language::Zh);
        assert!(
            compare(&en, &zh)
                .iter()
                .any(|d| d.kind == AnchorKind::Number && d.value == "2015")
        );
    }

    #[test]
    fn a_figure_matches_its_groups_read_the_other_way() {
        assert_eq!(reversed_groups("486125"), "125486");
        assert_eq!(reversed_groups("3444250"), "2504443");
        let ar = anchors("ضبط 125 486 قطعة", Language::Ar);
        let en = anchors("125,486 objects were seized", Language::En);
        assert!(compare(&ar, &en).is_empty(), "{ar:?} {en:?}");
        let changed = anchors("125,468 objects were seized", Language::En);
        assert_eq!(compare(&ar, &changed).len(), 2);
    }

    #[test]
    fn a_digit_slip_is_reported_in_every_pair_of_languages() {
        // `2225` ↔ `2252` and `1999` ↔ `9199` are the same digits with groups of three swapped:
        // only an Arabic figure written in space groups may be read that way.
        for a in Language::ALL {
            for b in Language::ALL {
                for (written, slipped) in [("2225", "2252"), ("1999", "9199"), ("27531", "72531")] {
                    let first = anchors(&format!("vol. {written} x"), a);
                    let second = anchors(&format!("vol. {slipped} x"), b);
                    assert_eq!(
                        compare(&first, &second).len(),
                        2,
                        "{a:?} {written} / {b:?} {slipped}"
                    );
                }
            }
        }
        let ar = anchors("بلغ 125 486 شخصا", Language::Ar);
        assert_eq!(ar[0].alternative.as_deref(), Some("125486"));
        assert!(
            anchors("بلغ 125486 شخصا", Language::Ar)[0]
                .alternative
                .is_none()
        );
    }

    #[test]
    fn footnote_markers_left_in_the_text_are_not_reported() {
        let fr = anchors(
            "des Règles de Bangkok (Règles de Bangkok)16, ainsi que",
            Language::Fr,
        );
        let en = anchors("the Bangkok Rules, as well as", Language::En);
        assert!(compare(&fr, &en).is_empty(), "{fr:?}");
        let ar = anchors("جزر فوكلاند (مالفيناس)(1)، وجبل طارق", Language::Ar);
        assert!(compare(&ar, &en).is_empty(), "{ar:?}");
        // A figure in brackets after a space is no marker.
        let ar = anchors("الفقرة (12) من التقرير", Language::Ar);
        assert_eq!(compare(&ar, &en).len(), 1);
    }

    #[test]
    fn repetitions_are_forgiven_but_not_changes() {
        let en = "paragraphs 9 and 11 of resolution 1807 (2008) and paragraphs 10 and 12 of resolution 1807 (2008)";
        let fr = "paragraphes 9 et 11 de la résolution 1807 (2008) et paragraphes 10 et 12 de ladite résolution";
        assert!(diff((en, En), (fr, Fr)).is_empty());
        let changed = "paragraphes 9 et 11 de la résolution 1807 (2008) et paragraphes 10 et 12 de la résolution 1807 (2009)";
        assert_eq!(diff((en, En), (changed, Fr)), ["fr:2009"]);
    }

    #[test]
    fn changed_numbers_are_reported() {
        differ(&[
            (
                ("only 22 countries provided reports", En),
                ("只有21个国家提交了报告", Zh),
                &["en:22", "zh:21"],
            ),
            (
                ("un total de 3.444.250 dólares", Es),
                ("3 444 260 dollars", Fr),
                &["es:3444250", "fr:3444260"],
            ),
            (
                ("45 (55 per cent)", En),
                ("45 (35 %)", Fr),
                &["en:55%", "fr:35%"],
            ),
            (
                ("1.5 million", En),
                ("2.5 millions", Fr),
                &["en:1500000", "fr:2500000"],
            ),
            (
                ("في عام 1988", Ar),
                ("en 1998", Es),
                &["ar:1988", "es:1998"],
            ),
            // A small number is not ignored when the other side has no word for it.
            (
                ("3 delegations", En),
                ("4 délégations", Fr),
                &["en:3", "fr:4"],
            ),
            // Two written-out sessions that differ are both firm.
            (
                ("its seventieth session", En),
                ("семнадцатой сессии", Ru),
                &["en:70", "ru:17"],
            ),
        ]);
    }

    #[test]
    fn changed_dates_are_reported() {
        differ(&[
            (
                ("le 29 janvier 2015", Fr),
                ("el 28 de enero de 2015", Es),
                &["fr:2015-01-29", "es:2015-01-28"],
            ),
            (
                ("4 July 2014", En),
                ("14 تموز/يوليه 2014", Ar),
                &["en:2014-07-04", "ar:2014-07-14"],
            ),
            (
                ("25 марта 1996 года", Ru),
                ("25 آذار/مارس 1997", Ar),
                &["ru:1996-03-25", "ar:1997-03-25"],
            ),
            (
                ("11 April 2011", En),
                ("2011年5月11日", Zh),
                &["en:2011-04-11", "zh:2011-05-11"],
            ),
            (
                ("31 décembre 1014", Fr),
                ("31 December 2014", En),
                &["fr:1014-12-31", "en:2014-12-31"],
            ),
            (
                ("at 10.18 a.m.", En),
                ("à 10 h 20", Fr),
                &["en:T10:18", "fr:T10:20"],
            ),
            // A date missing its year still matches; a different day does not.
            (("on 29 January", En), ("le 29 janvier 2015", Fr), &[]),
            (
                ("on 29 January", En),
                ("12月24日", Zh),
                &["en:--01-29", "zh:--12-24"],
            ),
        ]);
    }

    #[test]
    fn changed_symbols_are_reported() {
        differ(&[
            (
                ("A/RES/70/1", En),
                ("A/RES/70/2", Fr),
                &["en:A/RES/70/1", "fr:A/RES/70/2"],
            ),
            (
                ("resolución 55/63", Es),
                ("резолюция 55/64", Ru),
                &["es:55/63", "ru:55/64"],
            ),
            (
                ("973 (X)", En),
                ("973 (د-11)", Ar),
                &["en:973(X)", "ar:973(XI)"],
            ),
        ]);
    }
}

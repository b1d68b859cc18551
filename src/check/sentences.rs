//! Sentences left out or added inside paragraphs aligned one to one: the paragraph stays on its
//! row and its length stays within the length check's bounds, but one of its sentences has no
//! counterpart in the other version.
//!
//! To keep `check` fast, only rows where the pivot's paragraph and the version's split into a
//! different number of sentences are looked at; there the sentence aligner (with the built-in
//! lexicon of the pair) aligns the two paragraphs' sentences. A sentence it leaves without
//! counterpart is reported when it is long enough to matter and the paragraphs' lengths confirm
//! it: the version is shorter (or longer) by a good part of that sentence than the pivot
//! predicts.

use rayon::prelude::*;

use super::{Code, Context, Finding, Severity, describe};
use crate::align::Row;
use crate::align::links::{LinkSet, WordIds, WordLinks};
use crate::align::sentence::SentenceAligner;
use crate::lexicon::Lexicon;
use crate::model::{BlockKind, Language};
use crate::segment::sentences::split_str;

/// Fewest non-space characters of a sentence reported (about eight words of English).
const MIN_CHARS: f64 = 40.0;

/// Fewest non-space characters of a Chinese sentence reported.
const MIN_CHARS_ZH: f64 = 15.0;

/// Share of a lone sentence's length the paragraphs must confirm: the version's length must be
/// closer to the pivot's without the sentence (or with it, for an added one) by at least this
/// share of the sentence's predicted length.
const CONFIRMED: f64 = 0.5;

/// Most characters of a sentence quoted in a message.
const QUOTE_CHARS: usize = 200;

/// Non-space characters of a text.
fn size(text: &str) -> f64 {
    text.chars().filter(|c| !c.is_whitespace()).count() as f64
}

/// A sentence quoted for a message, shortened when long.
fn quote(sentence: &str) -> String {
    let s = sentence.trim();
    if s.chars().count() <= QUOTE_CHARS {
        return format!("“{s}”");
    }
    let cut: String = s.chars().take(QUOTE_CHARS).collect();
    format!("“{cut}…”")
}

/// Whether a sentence in `lang` of `chars` characters is long enough to report.
fn long_enough(chars: f64, lang: Language) -> bool {
    chars
        >= if lang == Language::Zh {
            MIN_CHARS_ZH
        } else {
            MIN_CHARS
        }
}

/// A sentence of one side with no counterpart on the other.
struct Lone {
    /// Whether it is the pivot's (left out of the version) rather than the version's (added).
    in_pivot: bool,
    /// The sentence.
    text: String,
}

/// One side of a paragraph pair: its sentences, and the links each sentence takes part in.
struct Side<'t> {
    /// The sentences.
    sentences: Vec<&'t str>,
    /// The learnt links of each sentence (as source on the pivot's side, as target on the
    /// version's); empty without links.
    links: Vec<LinkSet>,
    /// Language of the text.
    language: Language,
}

impl Side<'_> {
    /// Non-space characters of the whole paragraph.
    fn size(&self) -> f64 {
        self.sentences.iter().map(|s| size(s)).sum()
    }

    /// The links of the sentences `range` (all of them for `0..len`).
    fn links_of(&self, range: std::ops::Range<usize>) -> LinkSet {
        self.links
            .get(range)
            .unwrap_or_default()
            .iter()
            .fold(LinkSet::default(), |acc, s| acc.union(s))
    }
}

/// Fewest learnt links a sentence must take part in for the links to tell whether the other
/// paragraph holds it.
const MIN_LINKS: u32 = 3;

/// Highest share of a sentence's links the other paragraph may hold for it to count as absent
/// from it.
const ABSENT: f64 = 0.3;

/// Lowest share of the rest of the paragraph's links the other paragraph must hold: the two
/// paragraphs are otherwise translations of each other.
const PRESENT: f64 = 0.35;

/// Share of a lone sentence's length the paragraphs' lengths must confirm when the links say
/// it is absent (without links, [`CONFIRMED`]).
const CONFIRMED_BY_LINKS: f64 = 0.2;

/// Share of `own`'s links that `other` holds; `None` when `own` takes part in too few.
fn coverage(own: &LinkSet, other: &LinkSet) -> Option<f64> {
    let n = own.len();
    (n >= MIN_LINKS).then(|| f64::from(own.shared(other)) / f64::from(n))
}

/// The sentences of a pivot paragraph `a` and a version's paragraph `b` left without
/// counterpart, given the version's length ratio to the pivot.
fn lone_sentences(a: &Side, b: &Side, ratio: f64, lexicon: &Lexicon) -> Vec<Lone> {
    let (sa, sb) = (&a.sentences, &b.sentences);
    let aligner = SentenceAligner::new(lexicon, a.language, b.language);
    let paragraph = (a.size() * ratio, b.size());
    let (all_a, all_b) = (a.links_of(0..sa.len()), b.links_of(0..sb.len()));
    let mut out = Vec::new();
    for bead in aligner.align(sa, sb) {
        let (ra, rb) = (bead.a.clone(), bead.b.clone());
        let bead_a: f64 = sa[ra.clone()].iter().map(|s| size(s)).sum();
        let bead_b: f64 = sb[rb.clone()].iter().map(|s| size(s)).sum();
        let lengths = (bead_a * ratio, bead_b);
        // A bead with more sentences on one side holds the candidates; one with as many (2-2,
        // 3-3), where a translator's split hides a sentence left out, only on the links' word.
        let even = ra.len() == rb.len() && ra.len() >= 2;
        let lone = if ra.len() > rb.len() || even {
            let found = candidates(a, ra.clone(), &all_b, ratio);
            best_lone(&found, lengths, paragraph, a.language, !even).map(|text| (true, text))
        } else {
            None
        };
        let lone = lone.or_else(|| {
            (rb.len() > ra.len() || even).then(|| {
                let found = candidates(b, rb, &all_a, 0.0);
                best_lone(&found, lengths, paragraph, b.language, !even).map(|text| (false, text))
            })?
        });
        if let Some((in_pivot, text)) = lone {
            out.push(Lone {
                in_pivot,
                text: text.to_string(),
            });
        }
    }
    out
}

/// Each sentence `range` of a bead's longer side, with its length as it changes the prediction
/// and what the links say of it: its share found in the `other` paragraph, and that of the rest
/// of its own paragraph. `ratio` is the version's length ratio for the pivot's side, 0 for the
/// version's own.
fn candidates<'t>(
    side: &Side<'t>,
    range: std::ops::Range<usize>,
    other: &LinkSet,
    ratio: f64,
) -> Vec<Candidate<'t>> {
    range
        .map(|k| {
            let rest = side
                .links_of(0..k)
                .union(&side.links_of(k + 1..side.sentences.len()));
            let text = side.sentences[k];
            let share = if ratio > 0.0 {
                size(text) * ratio
            } else {
                -size(text)
            };
            let absent = side
                .links
                .get(k)
                .and_then(|own| coverage(own, other))
                .zip(coverage(&rest, other).or(Some(1.0)))
                .filter(|&(own, rest)| own <= ABSENT && rest >= PRESENT && 2.0 * own <= rest)
                .map(|(own, _)| own);
            Candidate {
                text,
                share,
                absent,
            }
        })
        .collect()
}

/// A sentence that may have no counterpart.
struct Candidate<'t> {
    /// The sentence.
    text: &'t str,
    /// Its length in the version's characters, as it changes the prediction: positive for the
    /// pivot's sentences, negative for the version's.
    share: f64,
    /// The share of its links the other paragraph holds, when the links say it is absent there.
    absent: Option<f64>,
}

/// Most the bead's lengths may still differ, as a share of the prediction, once the lone
/// sentence is set aside.
const FIT: f64 = 0.3;

/// The sentence of a bead's longer side that has no counterpart, if one has: either its
/// removal makes the lengths agree by a good part of its length, within the bead and within
/// the paragraph, or the links say the other paragraph lacks it and the paragraph's lengths
/// agree better without it (the links alone when not `lengths_decide`). `bead` and
/// `paragraph` are (predicted, actual) lengths of the version.
fn best_lone<'s>(
    candidates: &[Candidate<'s>],
    bead: (f64, f64),
    paragraph: (f64, f64),
    lang: Language,
    lengths_decide: bool,
) -> Option<&'s str> {
    let gain = |(predicted, actual): (f64, f64), share: f64| {
        (actual - predicted).abs() - (actual - (predicted - share)).abs()
    };
    let by_length = |c: &Candidate| {
        let share = c.share;
        let rest = (bead.1 - (bead.0 - share)).abs();
        let scale = (bead.0 - share.max(0.0))
            .max(bead.1 + share.min(0.0))
            .max(1.0);
        gain(bead, share) >= CONFIRMED * share.abs()
            && gain(paragraph, share) >= CONFIRMED * share.abs()
            && rest <= FIT * scale
    };
    let by_links = |c: &Candidate| {
        c.absent.is_some() && gain(paragraph, c.share) >= CONFIRMED_BY_LINKS * c.share.abs()
    };
    candidates
        .iter()
        .filter(|c| long_enough(size(c.text), lang) && c.share != 0.0)
        .filter(|c| by_links(c) || (lengths_decide && by_length(c)))
        .min_by(|x, y| {
            let key = |c: &Candidate| (c.absent.unwrap_or(1.0), -gain(bead, c.share));
            key(x)
                .partial_cmp(&key(y))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|c| c.text)
}

/// Whether a row holds one body paragraph of the pivot and one of version `v`, of a kind that
/// has sentences (not a heading or title).
fn one_to_one(cx: &Context, row: &Row, v: usize) -> Option<(usize, usize)> {
    let single = |w: usize| match row.cells[w].as_ref()?.units.as_slice() {
        [u] => Some(*u),
        _ => None,
    };
    let (a, b) = (single(cx.pivot())?, single(v)?);
    let prose = |w: usize, u: usize| {
        !matches!(
            cx.docs[w].blocks[u].kind,
            BlockKind::Heading | BlockKind::Title
        )
    };
    (prose(cx.pivot(), a) && prose(v, b)).then_some((a, b))
}

/// Lowest and highest share of the predicted length a version's paragraph may have before its
/// sentences are looked at though their counts agree.
const LOOK_AT: (f64, f64) = (0.8, 1.25);

/// A paragraph pair of a row: row index, row, the pivot's block, the version's block.
type Pair<'a> = (usize, &'a Row, usize, usize);

/// Sentences of the pivot with no counterpart in a version (`sentence-missing`) and sentences
/// of a version with none in the pivot (`sentence-extra`), inside paragraphs aligned one to one.
pub(super) fn sentence_omissions(cx: &Context, out: &mut Vec<Finding>) {
    let pivot = cx.pivot();
    for v in cx.versions().filter(|&v| v != pivot) {
        let pairs: Vec<Pair> = cx
            .body_rows()
            .filter_map(|(r, row)| {
                let (a, b) = one_to_one(cx, row, v)?;
                Some((r, row, a, b))
            })
            .collect();
        let (da, db) = (&cx.docs[pivot], &cx.docs[v]);
        let (total_a, total_b) = pairs.iter().fold((0.0, 0.0), |(x, y), &(_, _, a, b)| {
            (x + size(&da.blocks[a].text), y + size(&db.blocks[b].text))
        });
        if total_a <= 0.0 || total_b <= 0.0 {
            continue;
        }
        let ratio = total_b / total_a;
        // The rows worth a look: sentence counts that differ, or lengths well off.
        let looked_at: Vec<(Pair, Vec<&str>, Vec<&str>)> = pairs
            .par_iter()
            .filter_map(|&(r, row, a, b)| {
                let (ta, tb) = (&da.blocks[a].text, &db.blocks[b].text);
                let (sa, sb) = (split_str(ta, da.language), split_str(tb, db.language));
                let share = size(tb) / (size(ta) * ratio).max(1.0);
                let off = !(LOOK_AT.0..=LOOK_AT.1).contains(&share);
                let worth = !sa.is_empty() && !sb.is_empty() && (sa.len() != sb.len() || off);
                worth.then_some(((r, row, a, b), sa, sb))
            })
            .collect();
        if looked_at.is_empty() {
            continue;
        }
        // Links learnt from every paragraph pair of the two versions.
        let (mut ids_a, mut ids_b) = (WordIds::new(da.language), WordIds::new(db.language));
        let words: Vec<(Vec<u32>, Vec<u32>)> = pairs
            .iter()
            .map(|&(_, _, a, b)| (ids_a.of(&da.blocks[a].text), ids_b.of(&db.blocks[b].text)))
            .collect();
        let borrowed: Vec<(&[u32], &[u32])> = words
            .iter()
            .map(|(x, y)| (x.as_slice(), y.as_slice()))
            .collect();
        let links = WordLinks::learn(&borrowed);
        let sides: Vec<(Pair, Side, Side)> = looked_at
            .into_iter()
            .map(|(pair, sa, sb)| {
                let (la, lb): (Vec<LinkSet>, Vec<LinkSet>) = match &links {
                    Some(l) => (
                        sa.iter().map(|s| l.from(&ids_a.of(s))).collect(),
                        sb.iter().map(|s| l.to(&ids_b.of(s))).collect(),
                    ),
                    None => (Vec::new(), Vec::new()),
                };
                let side = |sentences, links, language| Side {
                    sentences,
                    links,
                    language,
                };
                (pair, side(sa, la, da.language), side(sb, lb, db.language))
            })
            .collect();
        let lexicon = Lexicon::builtin(da.language, db.language);
        let found: Vec<Vec<Finding>> = sides
            .par_iter()
            .map(|((r, row, a, b), sa, sb)| {
                let (ta, tb) = (&da.blocks[*a], &db.blocks[*b]);
                lone_sentences(sa, sb, ratio, &lexicon)
                    .into_iter()
                    .map(|lone| {
                        let lines = [(pivot, ta.line), (v, tb.line)];
                        let what = describe(row);
                        let (code, from, to) = if lone.in_pivot {
                            (Code::SentenceMissing, (pivot, ta.line), (v, tb.line))
                        } else {
                            (Code::SentenceExtra, (v, tb.line), (pivot, ta.line))
                        };
                        cx.finding(
                            code,
                            Severity::Error,
                            &[v],
                            Some(*r),
                            &lines,
                            format!(
                                "sentence {} of {} ({what} at line {}) has no counterpart in {} \
                                 (line {})",
                                quote(&lone.text),
                                cx.lang(from.0),
                                from.1,
                                cx.lang(to.0),
                                to.1
                            ),
                        )
                    })
                    .collect()
            })
            .collect();
        out.extend(found.into_iter().flatten());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(text: &str, language: Language) -> Side<'_> {
        Side {
            sentences: split_str(text, language),
            links: Vec::new(),
            language,
        }
    }

    const EN: &str = "The Committee met in Geneva from 3 to 7 May 2027 and adopted its agenda. \
                      It heard statements by twelve Member States on the situation of refugees in the region. \
                      The Chair closed the session.";

    #[test]
    fn a_long_sentence_left_out_is_found_and_a_split_is_not() {
        let lexicon = Lexicon::builtin(Language::En, Language::Fr);
        let fr = "Le Comité s'est réuni à Genève du 3 au 7 mai 2027 et a adopté son ordre du jour. \
                  La Présidente a clos la session.";
        let en = side(EN, Language::En);
        let lone = lone_sentences(&en, &side(fr, Language::Fr), 1.15, &lexicon);
        assert_eq!(lone.len(), 1);
        assert!(lone[0].in_pivot);
        assert!(
            lone[0].text.starts_with("It heard statements"),
            "{}",
            lone[0].text
        );
        // One sentence translated as two is no omission.
        let split = "Le Comité s'est réuni à Genève du 3 au 7 mai 2027. Il a adopté son ordre du \
                     jour. Il a entendu les déclarations de douze États Membres sur la situation \
                     des réfugiés dans la région. La Présidente a clos la session.";
        assert!(lone_sentences(&en, &side(split, Language::Fr), 1.15, &lexicon).is_empty());
    }

    #[test]
    fn an_added_sentence_is_extra() {
        let lexicon = Lexicon::builtin(Language::En, Language::Fr);
        let en = "The Committee met in Geneva from 3 to 7 May 2027. The Chair closed the session.";
        let fr = "Le Comité s'est réuni à Genève du 3 au 7 mai 2027. Il a entendu les déclarations \
                  de douze États Membres sur la situation des réfugiés dans la région. La \
                  Présidente a clos la session.";
        let lone = lone_sentences(
            &side(en, Language::En),
            &side(fr, Language::Fr),
            1.15,
            &lexicon,
        );
        assert_eq!(lone.len(), 1);
        assert!(!lone[0].in_pivot && lone[0].text.starts_with("Il a entendu"));
    }

    #[test]
    fn the_links_say_which_sentence_is_absent() {
        let set = |ids: &[usize]| {
            let mut s = LinkSet::default();
            ids.iter().for_each(|&k| s.insert(k));
            s
        };
        let other = set(&[1, 2, 3, 4, 5, 6]);
        let en = Side {
            links: vec![set(&[1, 2, 3]), set(&[20, 21, 22, 23]), set(&[4, 5, 6])],
            ..side(EN, Language::En)
        };
        let found = candidates(&en, 0..3, &other, 1.15);
        let absent: Vec<Option<f64>> = found.iter().map(|c| c.absent).collect();
        assert_eq!(absent, vec![None, Some(0.0), None]);
    }
}

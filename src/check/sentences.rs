//! Sentences left out or added inside paragraphs aligned one to one: the paragraph stays on its
//! row and its length stays within the length check's bounds, but one of its sentences has no
//! counterpart in the other version.
//!
//! To keep `check` fast, only rows where the pivot's paragraph and the version's split into a
//! different number of sentences are looked at; there the sentence aligner (with the built-in
//! lexicon of the pair) aligns the two paragraphs' sentences. A sentence it leaves without
//! counterpart is reported when it is long enough to matter and the paragraphs' lengths confirm
//! it: the version is shorter (or longer) by a good part of that sentence than the pivot
//! predicts, or the learnt links say the other paragraph lacks it. Where the aligner joins the
//! lone sentence to a neighbour's bead and neither tells, the sentence whose removal lets the
//! rest align far more cheaply is the one reported.

use std::ops::Range;

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
    /// The clauses of each sentence (see [`clauses`]) with their learnt links; empty without
    /// links.
    clauses: Vec<Vec<(Range<usize>, LinkSet)>>,
    /// Language of the text.
    language: Language,
}

impl<'t> Side<'t> {
    /// One side's sentences with the links of each sentence and each of its clauses (`to`: the
    /// links' targets, for the version's side), in `ids` of its language.
    fn new(
        sentences: Vec<&'t str>,
        links: Option<&WordLinks>,
        ids: &mut WordIds,
        to: bool,
        language: Language,
    ) -> Side<'t> {
        let Some(l) = links else {
            return Side {
                sentences,
                links: Vec::new(),
                clauses: Vec::new(),
                language,
            };
        };
        let mut set = |text: &str| {
            let words = ids.of(text);
            if to { l.to(&words) } else { l.from(&words) }
        };
        let links = sentences.iter().map(|s| set(s)).collect();
        let clauses = sentences
            .iter()
            .map(|s| {
                clauses(s)
                    .into_iter()
                    .map(|r| (r.clone(), set(&s[r])))
                    .collect()
            })
            .collect();
        Side {
            sentences,
            links,
            clauses,
            language,
        }
    }

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

/// Most the paragraphs' lengths may differ (as a factor of the prediction) once a sentence the
/// links say is absent is set aside: a paragraph translated at its own ratio (a verbose
/// rendering, a shorter one) still loses a sentence, but the lengths must not say the rest
/// stands for all of it.
const LINKS_FIT: f64 = 1.6;

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
                let found = candidates(b, rb.clone(), &all_a, 0.0);
                best_lone(&found, lengths, paragraph, b.language, !even).map(|text| (false, text))
            })?
        });
        let lone = lone.or_else(|| {
            (ra.len() == 1 && rb.len() == 1)
                .then(|| lone_clauses(a, b, (ra.start, rb.start), lengths, paragraph, ratio))?
        });
        if let Some((in_pivot, text)) = lone {
            out.push(Lone {
                in_pivot,
                text: text.to_string(),
            });
        }
    }
    if out.is_empty() {
        out.extend(dropped_sentence(&aligner, a, b, ratio));
    }
    out
}

/// Lowest fall in the sentence aligner's cost (in nats) when one sentence of the side with more
/// sentences is set aside, for that sentence to have no counterpart: the rest then aligns one to
/// one far better than all of it did. On the sentence-omission benchmark's untouched paragraphs
/// whose sentence counts differ (a translator's join or split), the best fall stays below it.
const DROPPED_GAIN: f64 = 3.0;

/// The sentence whose removal lets the other sentences of the side with more of them align best
/// with the other side, when the aligner's cost falls by [`DROPPED_GAIN`] or more and the
/// paragraphs' lengths still agree without it (within [`LINKS_FIT`]): the evidence of the
/// aligner's lexicon where the beads alone join the lone sentence to a neighbour's bead.
fn dropped_sentence(aligner: &SentenceAligner, a: &Side, b: &Side, ratio: f64) -> Option<Lone> {
    let (sa, sb) = (&a.sentences, &b.sentences);
    let in_pivot = sa.len() > sb.len();
    let (longer, shorter, lang) = if in_pivot {
        (sa, sb, a.language)
    } else if sb.len() > sa.len() {
        (sb, sa, b.language)
    } else {
        return None;
    };
    let cost = |longer: &[&str]| -> f64 {
        let beads = if in_pivot {
            aligner.align(longer, shorter)
        } else {
            aligner.align(shorter, longer)
        };
        beads.iter().map(|x| x.cost).sum()
    };
    let full = cost(longer);
    let (gain, k) = (0..longer.len())
        .filter(|&k| long_enough(size(longer[k]), lang))
        .map(|k| {
            let rest: Vec<&str> = (0..longer.len())
                .filter(|&j| j != k)
                .map(|j| longer[j])
                .collect();
            (full - cost(&rest), k)
        })
        .max_by(|x, y| x.0.total_cmp(&y.0))?;
    let left = size(longer[k]);
    let (predicted, actual) = if in_pivot {
        ((a.size() - left) * ratio, b.size())
    } else {
        (a.size() * ratio, b.size() - left)
    };
    let fits = predicted > 0.0 && (1.0 / LINKS_FIT..=LINKS_FIT).contains(&(actual / predicted));
    (gain >= DROPPED_GAIN && fits).then(|| Lone {
        in_pivot,
        text: longer[k].to_string(),
    })
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
            let absent = side.links.get(k).and_then(|own| absent(own, &rest, other));
            Candidate {
                text,
                share,
                absent,
            }
        })
        .collect()
}

/// The clauses of a sentence, as byte ranges: its text cut after each comma, semicolon or
/// colon (followed by a space in European languages). The units of a paragraph whose sentence
/// punctuation does not tell its parts apart: the preambular paragraphs of a resolution end in
/// commas, its operative ones in semicolons, a heading run into the text after it in neither.
fn clauses(sentence: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = sentence.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let cut = match c {
            '，' | '；' | '：' => true,
            ',' | ';' | ':' => chars.peek().is_some_and(|&(_, n)| n.is_whitespace()),
            _ => false,
        };
        if cut {
            out.push(start..i + c.len_utf8());
            start = i + c.len_utf8();
        }
    }
    if !sentence[start..].trim().is_empty() {
        out.push(start..sentence.len());
    }
    out
}

/// Lowest share of the predicted length a one-to-one bead of sentences may have (or its inverse,
/// highest) before its clauses are searched for a part with no counterpart.
const CLAUSES_WHEN: f64 = 0.75;

/// Most clauses of one sentence searched: the runs of a longer one are too many to weigh.
const MAX_CLAUSES: usize = 12;

/// A run of clauses of the longer sentence of a one-to-one bead (pivot sentence `i`, version
/// sentence `j`) that the links say the other paragraph lacks, when the bead's lengths are far
/// off (see [`CLAUSES_WHEN`]) and setting the run aside makes them agree by a good part of its
/// length: (whether it is the pivot's, the text).
fn lone_clauses<'s>(
    a: &Side<'s>,
    b: &Side<'s>,
    (i, j): (usize, usize),
    bead: (f64, f64),
    paragraph: (f64, f64),
    ratio: f64,
) -> Option<(bool, &'s str)> {
    let off = bead.1 / bead.0.max(1.0);
    let (side, k, other, scale, in_pivot) = if off < CLAUSES_WHEN {
        (a, i, b.links_of(0..b.sentences.len()), ratio, true)
    } else if off > 1.0 / CLAUSES_WHEN {
        (b, j, a.links_of(0..a.sentences.len()), 0.0, false)
    } else {
        return None;
    };
    let parts = side.clauses.get(k)?;
    if parts.len() < 2 || parts.len() > MAX_CLAUSES {
        return None;
    }
    let sentence = side.sentences[k];
    let others = side
        .links_of(0..k)
        .union(&side.links_of(k + 1..side.sentences.len()));
    let union = |range: Range<usize>| {
        parts[range]
            .iter()
            .fold(LinkSet::default(), |acc, (_, l)| acc.union(l))
    };
    let n = parts.len();
    let found: Vec<Candidate> = (0..n)
        .flat_map(|s| (s + 1..=n).map(move |e| (s, e)))
        .filter(|&(s, e)| e - s < n)
        .map(|(s, e)| {
            let text = &sentence[parts[s].0.start..parts[e - 1].0.end];
            let own = union(s..e);
            let rest = others.union(&union(0..s)).union(&union(e..n));
            let share = if scale > 0.0 {
                size(text) * scale
            } else {
                -size(text)
            };
            Candidate {
                text,
                share,
                absent: absent(&own, &rest, &other),
            }
        })
        .filter(|c| {
            let gain = (bead.1 - bead.0).abs() - (bead.1 - (bead.0 - c.share)).abs();
            gain >= CONFIRMED * c.share.abs()
        })
        .collect();
    best_lone(&found, bead, paragraph, side.language, false).map(|t| (in_pivot, t.trim()))
}

/// The share of `own`'s links that `other` holds, when it is low enough to say `other` lacks
/// `own` while holding `rest` (the other sentences of `own`'s paragraph).
fn absent(own: &LinkSet, rest: &LinkSet, other: &LinkSet) -> Option<f64> {
    coverage(own, other)
        .zip(coverage(rest, other).or(Some(1.0)))
        .filter(|&(own, rest)| own <= ABSENT && rest >= PRESENT && 2.0 * own <= rest)
        .map(|(own, _)| own)
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
    let fits = |c: &Candidate| {
        let (predicted, actual) = (paragraph.0 - c.share, paragraph.1);
        predicted > 0.0 && (1.0 / LINKS_FIT..=LINKS_FIT).contains(&(actual / predicted))
    };
    let alone = bead.0 == 0.0 || bead.1 == 0.0;
    candidates
        .iter()
        .filter(|c| long_enough(size(c.text), lang) && c.share != 0.0)
        .filter(|c| {
            ((c.absent.is_some() || (alone && lengths_decide)) && fits(c))
                || (lengths_decide && by_length(c))
        })
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
                let a = Side::new(sa, links.as_ref(), &mut ids_a, false, da.language);
                let b = Side::new(sb, links.as_ref(), &mut ids_b, true, db.language);
                (pair, a, b)
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
            clauses: Vec::new(),
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
    fn the_sentence_whose_removal_lets_the_rest_align_is_the_dropped_one() {
        let lexicon = Lexicon::builtin(Language::En, Language::Fr);
        let aligner = SentenceAligner::new(&lexicon, Language::En, Language::Fr);
        let en = side(EN, Language::En);
        // The middle sentence left out.
        let fr = "Le Comité s'est réuni à Genève du 3 au 7 mai 2027 et il a adopté l'ordre du \
                  jour provisoire de sa session. La Présidente a clos la session.";
        let lone = dropped_sentence(&aligner, &en, &side(fr, Language::Fr), 1.15).unwrap();
        assert!(lone.in_pivot);
        assert!(
            lone.text.starts_with("It heard statements"),
            "{}",
            lone.text
        );
        // The same three sentences translated in full, two of them joined into one: nothing
        // left out.
        let joined = "Le Comité s'est réuni à Genève du 3 au 7 mai 2027 et a adopté son ordre du \
                      jour. Il a entendu les déclarations de douze États Membres sur la situation \
                      des réfugiés dans la région et la Présidente a clos la session.";
        assert!(dropped_sentence(&aligner, &en, &side(joined, Language::Fr), 1.15).is_none());
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

    #[test]
    fn clauses_end_at_commas_semicolons_and_colons() {
        let text = "Recalling its resolution 68/1, Noting the report: 1. Decides, 2,000 times; and";
        let parts: Vec<&str> = clauses(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            [
                "Recalling its resolution 68/1,",
                " Noting the report:",
                " 1. Decides,",
                " 2,000 times;",
                " and"
            ]
        );
        let zh = "回顾其第68/1号决议，注意到报告；决定";
        assert_eq!(clauses(zh).len(), 3);
    }

    #[test]
    fn a_clause_the_links_find_nowhere_in_a_short_version_is_missing() {
        let set = |ids: &[usize]| {
            let mut s = LinkSet::default();
            ids.iter().for_each(|&k| s.insert(k));
            s
        };
        // One pivot sentence of three clauses (a resolution's preambular paragraphs), one
        // version sentence holding the links of the first and the last only.
        let text = "Recalling its resolution 68/1 on the revitalization of its work, \
                    Acknowledging the support that States members of the Caribbean Community \
                    have received from the United Nations system, Noting the report of the \
                    Secretary-General on the question,";
        let parts = clauses(text);
        let links = [set(&[1, 2, 3]), set(&[10, 11, 12, 13]), set(&[4, 5, 6])];
        let a = Side {
            sentences: vec![text],
            links: vec![links.iter().fold(LinkSet::default(), |x, y| x.union(y))],
            clauses: vec![parts.into_iter().zip(links).collect()],
            language: Language::En,
        };
        let b = Side {
            sentences: vec!["回顾其关于振兴大会工作的第68/1号决议，注意到秘书长关于该问题的报告，"],
            links: vec![set(&[1, 2, 3, 4, 5, 6])],
            clauses: Vec::new(),
            language: Language::Zh,
        };
        let (predicted, actual) = (size(text) * 0.28, size(b.sentences[0]));
        let lone = lone_clauses(
            &a,
            &b,
            (0, 0),
            (predicted, actual),
            (predicted, actual),
            0.28,
        );
        let (in_pivot, quoted) = lone.expect("the middle clause is missing");
        assert!(
            in_pivot && quoted.starts_with("Acknowledging the support"),
            "{quoted}"
        );
        assert!(quoted.ends_with("United Nations system,"), "{quoted}");
        // A version as long as the pivot predicts is not searched.
        assert!(
            lone_clauses(
                &a,
                &b,
                (0, 0),
                (predicted, predicted),
                (predicted, predicted),
                0.28
            )
            .is_none()
        );
    }
}

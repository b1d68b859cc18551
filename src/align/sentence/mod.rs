//! Sentence alignment: a cost model, a bead inventory and a band on top of the shared
//! dynamic-programming core ([`crate::align::dp`]).
//!
//! The cost of a bead is the Gale–Church length cost (non-space characters; the length ratio is
//! estimated per document), the prior of its shape, cheap cues at its edges (quotation marks),
//! and minus a lexical log-likelihood ratio. The lexical part looks at the content words of both
//! sides (jieba words for Chinese, lower-cased stems elsewhere) and at cue tokens (numbers,
//! `? ! : ; …`, transliterated names): each token either finds one of its translations (from the
//! [`Lexicon`]) or its identical cue on the other side of the bead, or not. A token found in few
//! sentences of the other side is strong evidence when matched; one found everywhere, or a bead
//! with many sentences, makes a match likely by chance and worth little, so merging in a sentence
//! that matches nothing costs. Tokens that match nothing anywhere in the document are dropped,
//! which makes leaving a sentence without such content unaligned cheap.
//!
//! Which tokens of sentence *i* match something in sentence *j* is computed once per pair as
//! bitmasks and or-ed together for larger beads, so the work grows with the number of sentences
//! times the band width. After a first pass, word pairs that keep landing in the same beads
//! (names translated by meaning, words the lexicon lacks) are added as document-local
//! translations, and shape priors are re-estimated from the output; later passes search a narrow
//! band around the previous path. Nothing is kept between calls, so the same aligner serves whole
//! documents and the sentences of one paragraph alike.
//!
//! The parts: `tokens` (the tokens of one sentence), `sides` (the lexical features of both sides
//! of a document and the links learnt from a first alignment), `cost` (the weights and the cost
//! of a bead) and `beads` (the bead inventory, the priors and the band searched).

mod beads;
mod cost;
mod sides;
mod tokens;

use crate::align::dp::{self, Band, Bead, Shape};
use crate::lexicon::Lexicon;
use crate::model::Language;

pub use beads::{Inventory, bead_notation};
use beads::{null_shapes, reestimate_priors};
use cost::Document;
pub use cost::Weights;
use sides::Tokens;

/// Aligns the sentences of two language versions of a text into beads.
#[derive(Debug)]
pub struct SentenceAligner<'l> {
    /// Translations of words, in either direction.
    lexicon: &'l Lexicon,
    /// Language of the source sentences.
    source: Language,
    /// Language of the target sentences.
    target: Language,
    /// The weights of the cost model and the search.
    weights: Weights,
}

impl<'l> SentenceAligner<'l> {
    /// An aligner from `source` to `target` sentences using `lexicon` (which may be empty; it
    /// is used in whichever direction matches the pair, and ignored for other pairs).
    pub fn new(lexicon: &'l Lexicon, source: Language, target: Language) -> SentenceAligner<'l> {
        SentenceAligner {
            lexicon,
            source,
            target,
            weights: Weights::default(),
        }
    }

    /// The same aligner with other weights.
    pub fn with_weights(mut self, weights: Weights) -> SentenceAligner<'l> {
        self.weights = weights;
        self
    }

    /// The weights in use.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// Align `src` with `tgt` sentences. The beads cover both sequences in order; a bead with an
    /// empty side leaves a sentence unaligned.
    pub fn align(&self, src: &[&str], tgt: &[&str]) -> Vec<Bead> {
        let (n, m) = (src.len(), tgt.len());
        if n == 0 || m == 0 {
            return dp::align(n, m, &null_shapes(), &Band::full(n, m), |_, _| 0.0);
        }
        let w = &self.weights;
        let mut tokens = Tokens::new(self, src, tgt);
        let mut doc = Document::new(&tokens, src, tgt, w);
        let inventory = w.inventory.shapes();
        let mut priors: Vec<Shape> = inventory
            .iter()
            .map(|&(a, b, p)| Shape::new(a, b, -p.ln()))
            .collect();
        let variance = w.variance * doc.ratio * doc.ratio;
        let (band, span) = self.band(n, m, None);
        let mut beads = doc.run(w, &priors, variance, &band, span);
        if w.link_dice > 0.0 {
            tokens.learn_links(&beads, w);
            doc = Document::new(&tokens, src, tgt, w);
            let (band, span) = self.band(n, m, Some(&beads));
            beads = doc.run(w, &priors, variance, &band, span);
        }
        for _ in 0..w.rounds {
            priors = reestimate_priors(inventory, &beads);
            let (band, span) = self.band(n, m, Some(&beads));
            beads = doc.run(w, &priors, variance, &band, span);
        }
        beads
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cost::Pairs;
    use tokens::{Class, RawToken};

    fn shapes(beads: &[Bead]) -> Vec<(Vec<usize>, Vec<usize>)> {
        beads
            .iter()
            .map(|b| (b.a.clone().collect(), b.b.clone().collect()))
            .collect()
    }

    fn zh_en_lexicon() -> Lexicon {
        let mut lexicon = Lexicon::builtin(Language::Zh, Language::En);
        let pairs = "meeting @ 会议\nopened @ 开幕\nchair @ 主席\nwelcome @ 欢迎\ndelegations @ 代表团\n\
                     thank @ 感谢\npreparations @ 筹备\nannounce @ 宣布\nagenda @ 议程\nadopted @ 通过\n\
                     adjourned @ 休会\nafternoon @ 下午\nmorning @ 上午\n";
        lexicon.add_str(pairs, crate::lexicon::DictFormat::Hunalign);
        lexicon
    }

    #[test]
    fn without_a_lexicon_numbers_and_cognates_outweigh_misleading_lengths() {
        let lexicon = Lexicon::new(Language::En, Language::Fr);
        let en = [
            "In 2010, the Office operated in 45 countries and 7 regions.",
            "Its budget was reviewed by the Advisory Committee.",
            "The Committee met 12 times.",
        ];
        let fr = [
            "En 2010, le Bureau a mené des activités sur le terrain.",
            "Il était présent dans 45 pays et 7 régions.",
            "Le Comité consultatif a examiné son budget.",
            "Le Comité s'est réuni 12 fois.",
        ];
        let aligner = SentenceAligner::new(&lexicon, Language::En, Language::Fr);
        let expected = vec![
            (vec![0], vec![0, 1]),
            (vec![1], vec![2]),
            (vec![2], vec![3]),
        ];
        assert_eq!(shapes(&aligner.align(&en, &fr)), expected);
        let lengths_only = Weights {
            lexical: 0.0,
            ..Weights::default()
        };
        let beads = SentenceAligner::new(&lexicon, Language::En, Language::Fr)
            .with_weights(lengths_only)
            .align(&en, &fr);
        assert_ne!(shapes(&beads), expected, "lengths alone get this one wrong");
    }

    #[test]
    fn one_chinese_sentence_split_into_three_english_ones() {
        let lexicon = zh_en_lexicon();
        let zh = [
            "会议于上午十点开幕。",
            "主席欢迎各代表团，感谢秘书处的筹备工作，并宣布议程已获通过。",
            "会议于下午一点休会。",
        ];
        let en = [
            "The meeting opened at 10 in the morning.",
            "The Chair welcomed the delegations.",
            "She thanked the Secretariat for its preparations.",
            "She announced that the agenda had been adopted.",
            "The meeting was adjourned at one in the afternoon.",
        ];
        let beads = SentenceAligner::new(&lexicon, Language::Zh, Language::En).align(&zh, &en);
        assert_eq!(
            shapes(&beads),
            vec![
                (vec![0], vec![0]),
                (vec![1], vec![1, 2, 3]),
                (vec![2], vec![4])
            ]
        );
    }

    #[test]
    fn the_lexicon_outweighs_misleading_lengths() {
        let lexicon = zh_en_lexicon();
        let zh = [
            "主席欢迎各代表团，感谢秘书处的筹备工作，并宣布议程已获通过。",
            "会议于下午一点休会，下次会议定于星期三上午举行。",
        ];
        let en = [
            "The Chair welcomed the delegations.",
            "She thanked the Secretariat for its preparations.",
            "After a short discussion, the agenda as contained in the provisional document was adopted without a vote.",
            "The meeting was adjourned.",
        ];
        let expected = vec![(vec![0], vec![0, 1, 2]), (vec![1], vec![3])];
        let aligner = SentenceAligner::new(&lexicon, Language::Zh, Language::En);
        assert_eq!(shapes(&aligner.align(&zh, &en)), expected);
        let lengths_only = Weights {
            lexical: 0.0,
            ..Weights::default()
        };
        let beads = SentenceAligner::new(&lexicon, Language::Zh, Language::En)
            .with_weights(lengths_only)
            .align(&zh, &en);
        assert_ne!(shapes(&beads), expected, "lengths alone get this one wrong");
    }

    #[test]
    fn a_junk_line_is_left_unaligned_cheaply() {
        let lexicon = zh_en_lexicon();
        let zh = [
            "会议于上午十点开幕。",
            "主席欢迎各代表团。",
            "会议于下午一点休会。",
        ];
        let en = [
            "The meeting opened at 10 in the morning.",
            "- 2 -",
            "The Chair welcomed the delegations.",
            "The meeting was adjourned at one in the afternoon.",
        ];
        let aligner = SentenceAligner::new(&lexicon, Language::Zh, Language::En);
        let beads = aligner.align(&zh, &en);
        assert_eq!(
            shapes(&beads),
            vec![
                (vec![0], vec![0]),
                (vec![], vec![1]),
                (vec![1], vec![2]),
                (vec![2], vec![3])
            ]
        );
        let w = aligner.weights();
        let junk = &beads[1];
        assert!(junk.cost <= w.null_junk, "junk line cost {}", junk.cost);
        // Leaving a sentence with content unaligned costs much more.
        let tokens = Tokens::new(&aligner, &zh, &en);
        let doc = Document::new(&tokens, &zh, &en, w);
        let mut pairs = Pairs::new(&doc.a, &doc.b, 4);
        let content = doc.cost(w, 1.0, &mut pairs, 0..0, 2..3);
        assert!(
            content > junk.cost + 2.0,
            "content {content} vs junk {}",
            junk.cost
        );
        // Merging a sentence that matches nothing into a bead costs too.
        let alone = doc.cost(
            w,
            w.variance * doc.ratio * doc.ratio,
            &mut pairs,
            2..3,
            3..4,
        );
        let merged = doc.cost(
            w,
            w.variance * doc.ratio * doc.ratio,
            &mut pairs,
            2..3,
            2..4,
        );
        assert!(merged > alone + 1.0, "merged {merged} vs alone {alone}");
    }

    #[test]
    fn odd_input_does_not_panic() {
        let lexicon = zh_en_lexicon();
        let aligner = SentenceAligner::new(&lexicon, Language::Zh, Language::En);
        assert!(aligner.align(&[], &[]).is_empty());
        let beads = aligner.align(&["会议开幕。", ""], &[]);
        assert_eq!(shapes(&beads), vec![(vec![0], vec![]), (vec![1], vec![])]);
        let beads = aligner.align(&[], &["", "x"]);
        assert_eq!(beads.len(), 2);
        let long_zh = "会议".repeat(20_000);
        let long_en = "meeting ".repeat(20_000);
        let beads = aligner.align(&[&long_zh, "", "？！“”"], &[&long_en, "\u{feff}", "'"]);
        let covered: (usize, usize) = beads
            .iter()
            .fold((0, 0), |(a, b), x| (a + x.a.len(), b + x.b.len()));
        assert_eq!(covered, (3, 3));
        assert!(beads.iter().all(|b| b.cost.is_finite()));
        let many: Vec<String> = (0..300).map(|k| format!("Meeting {k}.")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        for (src, tgt) in [(&["会议。"][..], &many[..]), (&many[..], &["会议。"][..])] {
            let (a, b) = (Language::Zh, Language::En);
            let (a, b) = if src.len() == 1 { (a, b) } else { (b, a) };
            let beads = SentenceAligner::new(&lexicon, a, b).align(src, tgt);
            let covered = beads
                .iter()
                .fold((0, 0), |(x, y), bead| (x + bead.a.len(), y + bead.b.len()));
            assert_eq!(covered, (src.len(), tgt.len()));
        }
    }

    #[test]
    fn long_sentences_use_multi_word_masks() {
        let lexicon = Lexicon::new(Language::En, Language::Fr);
        let words: Vec<String> = (0..150).map(|k| format!("zq{k}x")).collect();
        let long = words.join(" ");
        let src = ["Alpha.", long.as_str(), "Omega."];
        let tgt = ["Alpha.", long.as_str(), "Omega."];
        let aligner = SentenceAligner::new(&lexicon, Language::En, Language::Fr);
        let tokens = Tokens::new(&aligner, &src, &tgt);
        let doc = Document::new(&tokens, &src, &tgt, aligner.weights());
        let mut pairs = Pairs::new(&doc.a, &doc.b, 3);
        pairs.ensure(1, 0..3);
        let matched: u32 = pairs.a_mask(1, 1).iter().map(|m| m.count_ones()).sum();
        assert_eq!((doc.a.mask_words(1), matched), (3, 150));
        assert_eq!(
            pairs
                .b_mask(1, 0)
                .iter()
                .map(|m| m.count_ones())
                .sum::<u32>(),
            0
        );
    }

    #[test]
    fn pinyin_names_match_han_names() {
        let mut lexicon = Lexicon::new(Language::Zh, Language::En);
        let cedict = "陳 陈 [Chen2] /surname Chen/\n清 清 [qing1] /clear/\n揚 扬 [yang2] /to raise/\n\
                      山 山 [shan1] /mountain/\n";
        lexicon.add_str(cedict, crate::lexicon::DictFormat::Cedict);
        let aligner = SentenceAligner::new(&lexicon, Language::Zh, Language::En);
        let zh = ["陈清扬把我拽住。"];
        let en = ["Chen Qingyang caught me."];
        let tokens = Tokens::new(&aligner, &zh, &en);
        let names = |side: &[Vec<RawToken>]| -> Vec<u32> {
            side[0]
                .iter()
                .filter(|t| t.class == Class::Name)
                .flat_map(|t| t.concepts.clone())
                .collect()
        };
        let (on_zh, on_en) = (names(&tokens.a), names(&tokens.b));
        assert_eq!(on_en.len(), 2, "Chen and Qingyang");
        assert!(
            on_en.iter().all(|c| on_zh.contains(c)),
            "{on_zh:?} vs {on_en:?}"
        );
        assert!(
            !tokens.a[0].iter().any(|t| t.key.contains('清')),
            "the name replaces the words it covers"
        );
    }
}

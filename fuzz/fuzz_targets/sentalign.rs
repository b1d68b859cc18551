//! Two arbitrary files of one sentence per line (the input split at the first NUL) through the
//! sentence aligner, English–Chinese with the built-in lexicon: every sentence of both sides
//! must be in exactly one bead, in order.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use versalign::{Language, Lexicon, SentenceAligner};

/// Built once: the lexicon is the aligner's input, not what is fuzzed.
static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::builtin(Language::En, Language::Zh));

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (src, tgt) = text.split_once('\0').unwrap_or((&text, ""));
    let src: Vec<&str> = src.lines().take(200).collect();
    let tgt: Vec<&str> = tgt.lines().take(200).collect();
    let beads = SentenceAligner::new(&LEXICON, Language::En, Language::Zh).align(&src, &tgt);
    let mut next = (0, 0);
    for bead in &beads {
        assert_eq!(bead.a.start, next.0, "source sentences in order, none skipped");
        assert_eq!(bead.b.start, next.1, "target sentences in order, none skipped");
        next = (bead.a.end, bead.b.end);
    }
    assert_eq!(next, (src.len(), tgt.len()), "every sentence in a bead");
});

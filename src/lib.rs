//! versalign aligns the language versions of United Nations documents and reports where a
//! translation does not match its original.
//!
//! Data flows one way, one module per stage:
//!
//! ```text
//! model ─ input ─▶ parse ─▶ normalize ─▶ segment ─▶ align ─▶ check ─▶ export
//!          (file → text    (text →       (numbers,   (sentences, (rows,   (findings) (report, JSON,
//!           by format)      Document)     dates, …)   words)      DP core)            CSV, TSV)
//! ```
//!
//! [`Comparison`] composes the stages — every command of the `versalign` binary and every
//! document of a [`batch`] runs through it — and [`export::write`] writes its result:
//!
//! ```
//! use versalign::{Comparison, Options, Source, export};
//!
//! let en = "1. The Assembly adopted 12 resolutions.\n\n2. It closed on 3 May 2011.\n";
//! let fr = "1. L'Assemblée a adopté 13 résolutions.\n\n2. Elle a clos le 3 mai 2011.\n";
//! let comparison = Comparison::run(
//!     vec![Source::text("en.txt", en), Source::text("fr.txt", fr)],
//!     &Options::default(),
//! )?;
//! assert_eq!(comparison.alignment.rows.len(), 2);
//! assert!(comparison.findings.iter().any(|f| f.code.as_str() == "number-mismatch"));
//!
//! let mut csv = Vec::new();
//! export::write(&comparison, export::Format::Csv, &Default::default(), &mut csv)?;
//! assert!(String::from_utf8(csv)?.starts_with("row,kind,label"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The other public items serve tools built on the same stages: [`parse()`] and
//! [`read_document`] for one version, [`SentenceAligner`] for sentence files, [`anchors`] and
//! [`compare_anchors`] for the numbers, dates and symbols of a text, [`detect_language`].
//! [`terms`] finds candidate term pairs in aligned text for terminologists, and a [`Glossary`]
//! given in [`Options::glossary`] adds the `term-mismatch` check.

mod align;
pub mod batch;
mod check;
mod error;
pub mod export;
mod input;
mod language;
mod lexicon;
mod locale;
pub mod model;
mod normalize;
mod parse;
mod pipeline;
mod script;
mod segment;
pub mod terms;

pub use align::dp::Bead;
pub use align::sentence::{Inventory, SentenceAligner, Weights, bead_notation};
pub use align::sentence_rows::{Level, SentenceRow};
pub use align::{AlignError, Alignment, Cell, Evidence, Method, Row, RowKind};
pub use check::glossary::{Glossary, Status as GlossaryStatus};
pub use check::{Code, Finding, Severity};
pub use error::{DecodeError, DocxError, Error};
pub use input::{read_text, split_lines};
pub use language::{Detection, detect as detect_language};
pub use lexicon::{DictFormat, Lexicon, LexiconCache, cedict_places, find_cedict};
pub use model::{Block, BlockKind, Document, Footnote, Language};
pub use normalize::{Anchor, AnchorDiff, AnchorKind, anchors, compare as compare_anchors};
pub use parse::{ParseOptions, parse, read_document};
pub use pipeline::{Comparison, Options, Source};
pub use segment::words::words as chinese_words;

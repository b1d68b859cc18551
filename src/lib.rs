//! versalign aligns the language versions of United Nations documents and reports where a
//! translation does not match its original.
//!
//! Data flows one way, one module per stage: [`model`] (document, block, footnote, language),
//! [`input`] (bytes → text) and [`parse`] (text → model, with per-language tables in
//! [`locale`] and language identification in [`language`]), [`normalize`] (numbers, dates,
//! symbols across scripts), [`segment`] (sentences, Chinese words). The [`cli`] module puts the
//! command line on top.

pub mod align;
pub mod batch;
pub mod check;
pub mod cli;
pub mod error;
pub mod export;
pub mod input;
pub mod language;
pub mod lexicon;
pub mod locale;
pub mod model;
pub mod normalize;
pub mod parse;
mod script;
pub mod segment;

pub use error::Error;
pub use model::{Block, BlockKind, Document, Footnote, Language};
pub use parse::{ParseOptions, parse, read_document};

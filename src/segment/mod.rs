//! Segmentation below the block: sentences in the six languages, and Chinese words through one
//! shared jieba instance (loaded on first use, only when Chinese text is present).

pub mod sentences;
pub mod words;

//! Segmentation below the block: Chinese words through one shared jieba instance (loaded on
//! first use, only when Chinese text is present).

pub mod words;

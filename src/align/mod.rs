//! Alignment of language versions.

pub mod dp;

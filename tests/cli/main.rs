//! End-to-end tests: they drive the real `versalign` binary (and, for whole-corpus invariants,
//! the library) on the bundled demo corpus, on inputs written by the tests, and on the real UN
//! documents under `VERSALIGN_CORPORA` when that variable is set.

mod batch;
mod cascades;
mod check;
mod corpora;
mod docx;
mod fuzz;
mod html;
mod parse;
mod sentence;
mod terms;
mod tmx;
mod util;
mod xlsx;

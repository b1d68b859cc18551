#!/usr/bin/env bash
# Recall and precision of `versalign check` on mutated copies of the real UN documents.
#
#   scripts/bench-check.sh [EXTRA ARGS]     e.g. --show delete-para (missed mutations of a kind,
#                                           on standard error), --show fp (every false alarm),
#                                           --numbers 100 (flagged dev-set sentence pairs to read)
#
# Builds release, runs examples/eval_check.rs on VERSALIGN_CORPORA (default ../shared/corpora)
# and writes the results table to standard output and to scripts/results/check-mutations.md.
# Seeded: the same corpora give the same table. Takes well under a minute on two cores.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpora="${VERSALIGN_CORPORA:-$root/../shared/corpora}"
corpora="$(cd "$corpora" && pwd)"
(cd "$root" && cargo build --quiet --release --example eval_check)
mkdir -p "$root/scripts/results"
"${CARGO_TARGET_DIR:-$root/target}/release/examples/eval_check" "$corpora" "$@" \
    | tee "$root/scripts/results/check-mutations.md"

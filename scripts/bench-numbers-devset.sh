#!/usr/bin/env bash
# Number, date and symbol findings of `versalign check` on the unpc-devset, where every version
# says the same: each finding is an alarm to judge (scripts/results/numbers-devset-judged.md).
#
#   scripts/bench-numbers-devset.sh          writes scripts/results/numbers-devset-check.md
#
# Builds release, runs examples/eval_devset_anchors.rs on VERSALIGN_CORPORA (default
# ../shared/corpora) with --list: the figures per code, then every finding with its sentences.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpora="${VERSALIGN_CORPORA:-$root/../shared/corpora}"
(cd "$root" && cargo build --quiet --release --example eval_devset_anchors)
mkdir -p "$root/scripts/results"
"${CARGO_TARGET_DIR:-$root/target}/release/examples/eval_devset_anchors" "$corpora" --list \
    > "$root/scripts/results/numbers-devset-check.md"
sed -n '1,/^## Every finding/p' "$root/scripts/results/numbers-devset-check.md"

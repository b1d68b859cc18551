#!/usr/bin/env bash
# Sentence-alignment benchmark on MAC-Dev (Chinese–English literary chapters with gold beads).
#
# Fetches CC-CEDICT into data/ if it is missing, builds the evaluation program (release), aligns
# every chapter on one core with the time taken, and scores the output with the shared scorer.
#
# Usage: scripts/bench-mac.sh [MAC_DEV_DIR] [-- extra mac_eval arguments, e.g. --ablation or --tune]
# Environment: SCORE (scorer, default: score.py next to MAC_DEV_DIR), OUT (output directory).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${MAC_DEV:-$root/../shared/bench/mac-dev}"
if [[ $# -gt 0 && "$1" != "--" ]]; then
    data="$1"
    shift
fi
[[ "${1:-}" == "--" ]] && shift
data="$(cd "$data" && pwd)"
score="${SCORE:-$(dirname "$data")/score.py}"
out="${OUT:-$root/target/mac-dev-align}"
target="${CARGO_TARGET_DIR:-$root/target}"

if [[ ! -s "$root/data/cedict_ts.u8" ]]; then
    "$root/scripts/fetch-cedict.sh"
fi
(cd "$root" && cargo build --quiet --release --example mac_eval)
bin="$target/release/examples/mac_eval"

pin=()
if command -v taskset >/dev/null; then
    pin=(taskset -c 0)
fi
echo "== aligning $data on one core (lexicon loading included)"
TIMEFORMAT='wall time: %R s (user %U s, system %S s)'
time (cd "$root" && "${pin[@]}" "$bin" --data "$data" --out "$out" "$@")
if command -v hyperfine >/dev/null; then
    (cd "$root" && hyperfine --warmup 1 --runs 10 --style basic \
        "${pin[*]} $bin --data $data --out $out")
fi
echo "== score.py"
python3 "$score" --gold "$data/gold" --auto "$out"

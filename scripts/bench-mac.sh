#!/usr/bin/env bash
# Sentence-alignment benchmark on MAC-Dev (Chinese–English literary chapters with gold beads).
#
#   scripts/bench-mac.sh [MAC_DEV_DIR]            align with `versalign sentalign --batch` on one
#                                                 core (lexicon loading included), time it, score it
#   scripts/bench-mac.sh --eval [mac_eval args]   the evaluation program: --ablation (feature
#                                                 ablation), --tune (leave-one-chapter-out weights),
#                                                 --repeat N (N × input), --no-cedict …
#
# Fetches CC-CEDICT into data/ first if it is missing (scripts/fetch-cedict.sh). MAC_DEV_DIR
# defaults to ../shared/bench/mac-dev; the scorer is score.py next to it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${MAC_DEV:-$root/../shared/bench/mac-dev}"
eval_mode=0
if [[ "${1:-}" == "--eval" ]]; then
    eval_mode=1
    shift
elif [[ $# -gt 0 ]]; then
    data="$1"
    shift
fi
data="$(cd "$data" && pwd)"
score="$(dirname "$data")/score.py"
[[ -s "$root/data/cedict_ts.u8" ]] || "$root/scripts/fetch-cedict.sh"

pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)

if [[ $eval_mode == 1 ]]; then
    (cd "$root" && cargo build --quiet --release --example mac_eval)
    (cd "$root" && "${pin[@]}" "${CARGO_TARGET_DIR:-$root/target}/release/examples/mac_eval" --data "$data" "$@")
    exit
fi

(cd "$root" && cargo build --quiet --release)
bin="${CARGO_TARGET_DIR:-$root/target}/release/versalign"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for zh in "$data"/zh/*; do
    chapter="$(basename "$zh")"
    printf '%s\t%s\t%s\n' "$zh" "$data/en/$chapter" "$work/$chapter.align"
done > "$work/jobs.tsv"

echo "== versalign sentalign --batch, one core, lexicon loading included"
TIMEFORMAT='wall time: %R s (user %U s, system %S s)'
time "${pin[@]}" "$bin" sentalign --src-lang zh --tgt-lang en --batch "$work/jobs.tsv"
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs 10 --style basic \
        "${pin[*]} $bin sentalign --src-lang zh --tgt-lang en --batch $work/jobs.tsv"
fi
echo "== score.py"
python3 "$score" --gold "$data/gold" --auto "$work"

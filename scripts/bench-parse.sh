#!/usr/bin/env bash
# Parse throughput per language (and Chinese parse with jieba tokens against jieba's own cut),
# one thread, on 20 MiB per language built from the shared corpora, and the time of one small
# parse with start-up: a benchmark, not a test.
#
#   scripts/bench-parse.sh            prints the table and writes scripts/results/parse-speed.txt
#
# VERSALIGN_CORPORA defaults to ../shared/corpora.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export VERSALIGN_CORPORA="${VERSALIGN_CORPORA:-$root/../shared/corpora}"
cd "$root"
cargo build --quiet --release
{
    echo "# cargo bench --bench parse ($(date -u +%Y-%m-%d), $(nproc) cores, $(rustc --version))"
    cargo bench --quiet --bench parse 2>/dev/null
    echo
    echo "parse of one small file (corpora/demo/clean/en.txt), best of 10, start-up included:"
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        start=$(date +%s%N)
        target/release/versalign parse corpora/demo/clean/en.txt > /dev/null 2>&1
        echo $(( ($(date +%s%N) - start) / 1000 ))
    done | sort -n | head -n 1 | awk '{ printf "  %.1f ms wall\n", $1 / 1000 }'
} | tee scripts/results/parse-speed.txt

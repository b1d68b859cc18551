#!/usr/bin/env bash
# Parse throughput per language (and Chinese parse with jieba tokens against jieba's own cut),
# one thread, on 20 MiB per language built from the shared corpora: a benchmark, not a test.
#
#   scripts/bench-parse.sh            prints the table and writes scripts/results/parse-speed.txt
#
# VERSALIGN_CORPORA defaults to ../shared/corpora.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export VERSALIGN_CORPORA="${VERSALIGN_CORPORA:-$root/../shared/corpora}"
cd "$root"
{
    echo "# cargo bench --bench parse ($(date -u +%Y-%m-%d), $(nproc) cores, $(rustc --version))"
    cargo bench --quiet --bench parse 2>/dev/null
} | tee scripts/results/parse-speed.txt

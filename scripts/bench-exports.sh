#!/usr/bin/env bash
# Cost of the export formats (a benchmark, not a test): `versalign align` of the six versions of
# real documents written as csv, tsv, json, tmx and xlsx — wall time including reading, aligning
# and checking (best of RUNS, default 5), output size, and the time over csv, which is what the
# format itself costs.
#
#   scripts/bench-exports.sh [RUNS]
#
# VERSALIGN_CORPORA defaults to ../shared/corpora. Documents: udhr (~80 KB in six languages),
# sdg (~300 KB) and the UN Parallel Corpus dev set (one paragraph per sentence, ~5 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
corpora="${VERSALIGN_CORPORA:-../shared/corpora}"
runs="${1:-5}"
work="$(mktemp -d "${TMPDIR:-/tmp}/versalign-exports.XXXXXX")"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/versalign"

best() { # format files... -> best wall seconds of $runs runs
    local format="$1" best="" t0 t1 s
    shift
    for _ in $(seq "$runs"); do
        t0=$(date +%s.%N)
        "$bin" align --format "$format" -o "$work/out.$format" "$@" 2>/dev/null
        t1=$(date +%s.%N)
        s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        if [ -z "$best" ] || awk -v s="$s" -v b="$best" 'BEGIN { exit !(s < b) }'; then best="$s"; fi
    done
    echo "$best"
}

echo "versalign align, six versions, best of $runs runs ($(nproc) cores)"
for doc in udhr sdg unpc-devset; do
    files=()
    for lang in ar zh en fr ru es; do files+=("$corpora/$doc/$lang.txt"); done
    bytes=$(cat "${files[@]}" | wc -c)
    rows=$("$bin" align "${files[@]}" 2>/dev/null | python3 -c 'import csv,sys; csv.field_size_limit(1 << 30); print(sum(1 for _ in csv.reader(sys.stdin)) - 1)')
    echo "$doc: $(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }') MB input, $rows rows"
    base=""
    for format in csv tsv json tmx xlsx; do
        s=$(best "$format" "${files[@]}")
        [ -z "$base" ] && base="$s"
        size=$(wc -c < "$work/out.$format")
        awk -v f="$format" -v s="$s" -v b="$base" -v z="$size" 'BEGIN {
            printf "  %-5s %7.3f s  (%+6.3f s over csv)  %9.1f KB\n", f, s, s - b, z / 1024 }'
    done
done

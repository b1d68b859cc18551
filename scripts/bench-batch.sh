#!/usr/bin/env bash
# Batch throughput and memory: builds synthetic archives from the real corpora
# (scripts/gen-archive.py), runs `versalign batch` with -j 1 and -j 2, and prints documents/s,
# MB/s (input bytes) and peak RSS, then peak RSS for a ten times larger archive.
#
#   scripts/bench-batch.sh [DOCS]        (default 1000; the second archive has 10 × DOCS)
#
# Needs VERSALIGN_CORPORA (default ../shared/corpora) and GNU time (/usr/bin/time). Outputs go to
# BENCH_OUT (default /dev/shm when it exists): on a disk file system the creation of four files
# per document adds system time that depends on the file system more than on versalign (on this
# project's ext4 VM, about 3 s per 1,000 documents after a large deletion).
set -euo pipefail
cd "$(dirname "$0")/.."
corpora="${VERSALIGN_CORPORA:-../shared/corpora}"
docs="${1:-1000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/versalign-bench.XXXXXX")"
outs="${BENCH_OUT:-$([ -d /dev/shm ] && echo /dev/shm || echo "$work")}"
outs="$(mktemp -d "$outs/versalign-out.XXXXXX")"
trap 'rm -rf "$work" "$outs"' EXIT

cargo build --release --quiet
bin=target/release/versalign

measure() { # archive out jobs -> "seconds cpu_seconds peak_kb" (a fresh output folder each run)
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" batch "$1" -o "$2" -j "$3" 2>/dev/null
    awk '{ print $1, $2 + $3, $4 }' "$work/time"
}

for n in "$docs" "$((docs * 10))"; do
    archive="$work/archive-$n"
    python3 scripts/gen-archive.py --corpora "$corpora" --out "$archive" --docs "$n" > "$work/gen-$n"
    bytes=$(sed -n 's/.*bytes=\([0-9]*\).*/\1/p' "$work/gen-$n")
    echo "archive: $n documents, $(awk "BEGIN{printf \"%.1f\", $bytes/1e6}") MB ($(cat "$work/gen-$n"))"
    for jobs in 1 2; do
        [ "$n" != "$docs" ] && [ "$jobs" = 1 ] && continue
        read -r seconds cpu peak < <(measure "$archive" "$outs/out-$n-$jobs" "$jobs")
        awk -v n="$n" -v b="$bytes" -v s="$seconds" -v c="$cpu" -v p="$peak" -v j="$jobs" 'BEGIN {
            printf "  -j %d: %6.2f s  %7.1f documents/s  %6.1f MB/s  (%5.1f MB per CPU second)  peak RSS %6.1f MB\n",
                j, s, n / s, b / 1e6 / s, b / 1e6 / c, p / 1024 }'
        eval "seconds_$jobs=$seconds"
        rm -rf "$outs/out-$n-$jobs"
    done
    if [ "$n" = "$docs" ]; then
        awk -v a="$seconds_1" -v b="$seconds_2" 'BEGIN { printf "  speed-up -j 2 over -j 1: %.2f×\n", a / b }'
    fi
    rm -rf "$archive"
done

#!/usr/bin/env bash
# Instructions executed by two builds on the same inputs (valgrind --tool=callgrind): a count
# that repeats whatever else the machine is doing, for before/after comparisons where wall
# times on a shared machine vary by more than the difference looked for.
#
#   scripts/bench-instructions.sh BEFORE_BIN AFTER_BIN > scripts/results/instructions.md
#
# Cases: parse of each language's concatenated shared corpora, check of the demo's six versions,
# and batch -j 1 of a 100-document archive from scripts/gen-archive.py.
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 BEFORE_BIN AFTER_BIN" >&2; exit 2; }
before="$(realpath "$1")"
after="$(realpath "$2")"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpora="$(cd "${VERSALIGN_CORPORA:-$root/../shared/corpora}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

count() { # BIN ARGS... -> instructions
    local bin="$1"
    shift
    valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$bin" "$@" > /dev/null 2> "$work/log" || true
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/log"
}

row() { # NAME ARGS...
    local name="$1"
    shift
    local b a
    b=$(count "$before" "$@")
    a=$(count "$after" "$@")
    awk -v n="$name" -v b="$b" -v a="$a" 'BEGIN { printf "| %s | %.0f | %.0f | %+.1f %% |\n", n, b, a, (a - b) * 100 / b }'
}

echo "| case | before | after | change |"
echo "|---|---:|---:|---:|"
for lang in ar zh en fr ru es; do
    cat "$corpora"/*/"$lang.txt" > "$work/$lang.txt"
    row "parse, all shared $lang files ($(wc -c < "$work/$lang.txt") bytes)" parse --lang "$lang" "$work/$lang.txt"
done
row "check, demo review (six versions)" check --json "$root/corpora/demo/review"
python3 "$root/scripts/gen-archive.py" --corpora "$corpora" --out "$work/archive" --docs 100 > /dev/null
rm -rf "$work/out"
row "batch -j 1, 100 documents" batch "$work/archive" -o "$work/out" -j 1 --force

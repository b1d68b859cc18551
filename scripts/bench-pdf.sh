#!/usr/bin/env bash
# Speed of reading PDF versions (a benchmark, not a test): the time versalign takes to read a
# PDF as text (`versalign parse`, whose PDF reader runs pdftotext twice, for the text and for
# the word boxes, and lays the text out), as a ratio to the time of pdftotext alone on the same
# file (`pdftotext FILE -`). Best of RUNS runs each. Files: the demo PDFs (tests/fixtures/pdf)
# and, when LibreOffice (soffice) is installed, larger ones made in a temporary folder from the
# demo texts repeated COPIES times. Target: ratio <= 1.5.
#
#   scripts/bench-pdf.sh [RUNS] [COPIES]   defaults 5, 40; results in scripts/results/pdf-speed.txt
#   BENCH_PROFILE=debug scripts/bench-pdf.sh   time the debug build instead of the release one
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
copies="${2:-40}"
profile="${BENCH_PROFILE:-release}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "$profile" = release ]; then
    (cd "$root" && cargo build --quiet --release)
else
    (cd "$root" && cargo build --quiet)
fi
bin="${CARGO_TARGET_DIR:-$root/target}/$profile/versalign"

# Best wall time of `runs` runs of a command, in seconds.
best() {
    local best=999999 start end t
    for _ in $(seq "$runs"); do
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc -l)
        if (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
    done
    echo "$best"
}

files=("$root"/tests/fixtures/pdf/clean/*.pdf)
if command -v soffice >/dev/null; then
    for lang in en zh ar; do
        for _ in $(seq "$copies"); do cat "$root/corpora/demo/clean/$lang.txt"; done \
            >"$work/$lang-x$copies.txt"
        soffice --headless --convert-to pdf --outdir "$work" "$work/$lang-x$copies.txt" \
            >/dev/null 2>&1 || true
        [ -f "$work/$lang-x$copies.pdf" ] && files+=("$work/$lang-x$copies.pdf")
    done
fi

{
    printf '%-28s %6s %8s %10s %10s %6s\n' file KB pages pdftotext versalign ratio
    for f in "${files[@]}"; do
        pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
        kb=$(( $(stat -c %s "$f") / 1024 ))
        poppler=$(best pdftotext "$f" -)
        ours=$(best "$bin" parse "$f")
        name="${f#"$root"/tests/fixtures/pdf/}"
        name="${name#"$work"/}"
        printf '%-28s %6s %8s %9.3fs %9.3fs %6.2f\n' "$name" "$kb" "${pages:-?}" "$poppler" "$ours" \
            "$(echo "$ours / $poppler" | bc -l)"
    done
    echo "(versalign parse = read + parse; $profile build; best of $runs runs; $(nproc) cores" \
         "shared with other jobs; $(date -u +%Y-%m-%d); $(pdftotext -v 2>&1 | head -1))"
} | tee "$root/scripts/results/pdf-speed.txt"

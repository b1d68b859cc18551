#!/usr/bin/env bash
# Speed of reading PDF versions (a benchmark, not a test): the time versalign takes to read a
# PDF as text (`versalign parse`: pdftotext -bbox for the word boxes, run on page ranges by
# parallel processes for a PDF over 100 KB, then the lines, the layout and the parse), as a
# ratio to the time of pdftotext alone on the same file (`pdftotext FILE -`), in wall time and
# in CPU time (user + system, the programs it runs included). Best of RUNS runs each. Files:
# the demo PDFs (tests/fixtures/pdf) and, when LibreOffice (soffice) is installed, larger ones
# made in a temporary folder from the demo texts repeated COPIES times.
# Target: wall-time ratio <= 1.5.
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

# "wall cpu" seconds of a command: the least of `runs` runs each (CPU = user + system time of
# the command and every program it runs).
best() {
    python3 - "$runs" "$@" <<'PY'
import resource, subprocess, sys, time
runs = int(sys.argv.pop(1))
walls, cpus = [], []
for _ in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    walls.append(time.perf_counter() - start)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
print(f"{min(walls):.4f} {min(cpus):.4f}")
PY
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
    echo "# scripts/bench-pdf.sh $runs $copies at commit $(cd "$root" && git rev-parse --short HEAD)" \
         "(target: wall-time ratio <= 1.5)"
    printf '%-18s %5s %6s %11s %11s %6s %11s %11s %6s\n' file KB pages \
        'pdftotext' versalign ratio 'pdftotext' versalign ratio
    printf '%-18s %5s %6s %11s %11s %6s %11s %11s %6s\n' '' '' '' wall wall '' CPU CPU ''
    for f in "${files[@]}"; do
        pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
        kb=$(( $(stat -c %s "$f") / 1024 ))
        read -r poppler_wall poppler_cpu < <(best pdftotext "$f" -)
        read -r ours_wall ours_cpu < <(best "$bin" parse "$f")
        name="${f#"$root"/tests/fixtures/pdf/}"
        name="${name#"$work"/}"
        printf '%-18s %5s %6s %10.3fs %10.3fs %6.2f %10.3fs %10.3fs %6.2f\n' "$name" "$kb" \
            "${pages:-?}" "$poppler_wall" "$ours_wall" "$(echo "$ours_wall / $poppler_wall" | bc -l)" \
            "$poppler_cpu" "$ours_cpu" "$(echo "$ours_cpu / $poppler_cpu" | bc -l)"
    done
    echo "(versalign parse = read + parse; $profile build; best of $runs runs; $(nproc) cores;" \
         "load average at the end $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%d);" \
         "$(pdftotext -v 2>&1 | head -1))"
} | tee "$root/scripts/results/pdf-speed.txt"

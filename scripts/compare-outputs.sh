#!/usr/bin/env bash
# Outputs of one versalign binary on every shared corpus and the demo, for comparing two builds
# byte for byte (a refactoring must leave them identical, or each difference is explained):
#
#   scripts/compare-outputs.sh BIN OUTDIR        writes OUTDIR/<set>.check.json, <set>.align.csv
#                                                and <set>.exit (check's exit code)
#   diff -r BEFORE AFTER                         then compares two such folders
#
# Every folder of VERSALIGN_CORPORA (default ../shared/corpora) with two or more .txt versions
# is one set; so are corpora/demo/clean and corpora/demo/review.
set -euo pipefail

[[ $# -eq 2 ]] || { echo "usage: $0 BIN OUTDIR" >&2; exit 2; }
bin="$(realpath "$1")"
out="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpora="${VERSALIGN_CORPORA:-$root/../shared/corpora}"
mkdir -p "$out"

sets=("$root/corpora/demo/clean" "$root/corpora/demo/review")
for dir in "$corpora"/*/; do
    count=$(find "$dir" -maxdepth 1 -name '*.txt' ! -name 'ids.txt' | wc -l)
    [[ $count -ge 2 ]] && sets+=("${dir%/}")
done

for dir in "${sets[@]}"; do
    name="$(basename "$(dirname "$dir")")-$(basename "$dir")"
    [[ $dir == "$corpora"/* ]] && name="$(basename "$dir")"
    mapfile -t files < <(find "$dir" -maxdepth 1 -name '*.txt' ! -name 'ids.txt' | sort)
    set +e
    "$bin" check --json "${files[@]}" > "$out/$name.check.json" 2> "$out/$name.check.stderr"
    echo $? > "$out/$name.exit"
    "$bin" align --format csv "${files[@]}" > "$out/$name.align.csv" 2>/dev/null
    set -e
    echo "$name: $(wc -c < "$out/$name.check.json") bytes of JSON, exit $(cat "$out/$name.exit")"
done

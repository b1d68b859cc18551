#!/usr/bin/env bash
# Speed of `versalign check` (a benchmark, not a test): six language versions of a document of
# N numbered paragraphs built from the real dev-set sentences (line k of every language is the
# same sentence; paragraph k gets the number k, `k.` or Arabic `k - `), wall time including
# start-up, with hyperfine when installed (else the best of 10 runs).
#
#   scripts/bench-check-speed.sh [N ...]      default: 100 (target < 0.5 s) and 1000 (growth:
#                                             10 × the paragraphs must take ≤ 12 × the time)
#
# VERSALIGN_CORPORA defaults to ../shared/corpora.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpora="${VERSALIGN_CORPORA:-$root/../shared/corpora}"
devset="$(cd "$corpora/unpc-devset" && pwd)"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(100 1000)

(cd "$root" && cargo build --quiet --release)
bin="${CARGO_TARGET_DIR:-$root/target}/release/versalign"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A document of N paragraphs per language: dev-set lines 1..N, numbered, one paragraph per line
# with a blank line between (as in the seed document).
make_doc() {
    local n="$1" dir="$work/n$1"
    mkdir -p "$dir"
    for lang in ar en es fr ru zh; do
        head -n "$n" "$devset/$lang.txt" | awk -v ar="$([[ $lang == ar ]] && echo 1 || echo 0)" '
            { sub(/^[0-9٠-٩]+(\.| -) */, "");            # a number the sentence had
              if (ar == 1) printf "%d - %s\n\n", NR, $0; else printf "%d. %s\n\n", NR, $0 }' \
            > "$dir/$lang.txt"
    done
    echo "$dir"
}

seconds() { # best of 10 wall times, in seconds
    local best=999 t
    for _ in $(seq 10); do
        t="$( { TIMEFORMAT=%R; time "$bin" check "$1" >/dev/null 2>&1 || true; } 2>&1)"
        best="$(awk -v a="$best" -v b="$t" 'BEGIN { print (b < a) ? b : a }')"
    done
    echo "$best"
}

declare -A mean
for n in "${sizes[@]}"; do
    dir="$(make_doc "$n")"
    echo "== check on 6 versions × $n numbered paragraphs ($(cat "$dir"/*.txt | wc -c) bytes)"
    if command -v hyperfine >/dev/null && [[ -z "${NO_HYPERFINE:-}" ]]; then
        hyperfine --warmup 2 --runs 15 -N -i --export-json "$work/h$n.json" "$bin check $dir" \
            | sed -n '/Time (mean/,/Range/p'
        mean[$n]="$(python3 -c "import json;print(json.load(open('$work/h$n.json'))['results'][0]['mean'])")"
    else
        mean[$n]="$(seconds "$dir")"
        echo "  best of 10: ${mean[$n]} s"
    fi
done

echo
printf "%-12s %10s\n" paragraphs "seconds"
for n in "${sizes[@]}"; do printf "%-12s %10.3f\n" "$n" "${mean[$n]}"; done
if [[ -n "${mean[100]:-}" ]]; then
    awk -v t="${mean[100]}" 'BEGIN { printf "100 paragraphs: %.3f s (target < 0.5 s): %s\n", t, (t < 0.5) ? "met" : "NOT met" }'
fi
if [[ -n "${mean[100]:-}" && -n "${mean[1000]:-}" ]]; then
    awk -v a="${mean[100]}" -v b="${mean[1000]}" 'BEGIN { r = b / a; printf "1000 / 100 paragraphs: %.1f × the time (target ≤ 12 ×): %s\n", r, (r <= 12) ? "met" : "NOT met" }'
fi

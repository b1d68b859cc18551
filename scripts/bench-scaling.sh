#!/usr/bin/env bash
# How the cost of versalign grows with its input (a benchmark, not a test): each case is run at
# 1× and 4× its size with two binaries, and the wall time and peak memory (from
# /usr/bin/time -v) are printed as a Markdown table with the 4× / 1× ratios. Linear growth gives
# a ratio of about 4; quadratic growth, 16.
#
#   scripts/bench-scaling.sh BEFORE_BIN AFTER_BIN > scripts/results/scaling.md
#
# The cases (inputs are generated into a temporary folder, removed at the end):
#   paragraphs   check, N unnumbered one-word paragraphs (English) against N/2 (French)
#   long         check, N unnumbered one-word paragraphs against 9/10 of N: 50,000 and 200,000
#   hyphens      parse, N lines of one word ending in a hyphen (`develop-`)
#   symbols      parse, one paragraph holding N document symbols (A/RES/70/1, …)
#   decimals     check, N decimals (12.5) in one version against integers (12) in the other
#   dates        check, N Chinese dates chained by `、` against the English list of the same dates
# Every run is limited to TIMEOUT seconds (default 120; "> 120 s" when it is reached) and to
# MEMORY_KB of virtual memory (default 8 GB, `ulimit -v`; "out of memory" when an allocation
# fails under it), so that a quadratic binary cannot take the machine down; a run that fails
# otherwise is shown as "failed (exit N)". Takes about ten minutes with a quadratic binary.
set -euo pipefail

[[ $# -eq 2 ]] || { echo "usage: $0 BEFORE_BIN AFTER_BIN" >&2; exit 2; }
before="$(realpath "$1")"
after="$(realpath "$2")"
timeout_s="${TIMEOUT:-120}"
memory_kb="${MEMORY_KB:-8000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# N one-word paragraphs drawn (seeded) from a small vocabulary, a blank line between them.
words() { # COUNT SEED WORD...
    local n="$1" seed="$2"
    shift 2
    awk -v n="$n" -v seed="$seed" -v list="$*" 'BEGIN {
        srand(seed); k = split(list, w, " ")
        for (i = 1; i <= n; i++) printf "%s\n\n", w[int(rand() * k) + 1] }'
}
english=(the which with would should their these those through because people between while
    where there about after before other)
french=(les avec dans pour sont leurs entre cette nous vous aussi parce selon après être
    chez depuis ainsi toujours aucun)

# Build the inputs of case $1 at size $2 into folder $3; print the command's arguments.
make_case() {
    local case="$1" n="$2" dir="$3"
    mkdir -p "$dir"
    case "$case" in
    paragraphs | long)
        local m=$((n / 2))
        [[ $case == long ]] && m=$((n * 9 / 10))
        words "$n" 1 "${english[@]}" > "$dir/en.txt"
        words "$m" 2 "${french[@]}" > "$dir/fr.txt"
        echo "check $dir/en.txt $dir/fr.txt" ;;
    hyphens)
        awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) printf "develop-\n" }' \
            > "$dir/en.txt"
        echo "parse $dir/en.txt" ;;
    symbols)
        awk -v n="$n" 'BEGIN { printf "The Assembly recalls its resolutions"
            for (i = 1; i <= n; i++) printf " A/RES/%d/%d,", 40 + i % 40, i
            print " and decides to continue." }' > "$dir/en.txt"
        echo "parse $dir/en.txt" ;;
    decimals)
        awk -v n="$n" 'BEGIN { printf "The amounts are"; for (i = 1; i <= n; i++) printf " %d.5,", i; print " in total." }' \
            > "$dir/en.txt"
        awk -v n="$n" 'BEGIN { printf "Les montants sont"; for (i = 1; i <= n; i++) printf " %d,", i; print " au total." }' \
            > "$dir/fr.txt"
        echo "check $dir/en.txt $dir/fr.txt" ;;
    dates)
        awk -v n="$n" 'BEGIN { printf "会议日期为"
            for (i = 0; i < n; i++) printf "%s%d年%d月%d日", (i ? "、" : ""), 2000 + int(i / 336), 1 + int(i / 28) % 12, 1 + i % 28
            print "。" }' > "$dir/zh.txt"
        awk -v n="$n" 'BEGIN { split("January February March April May June July August September October November December", mon, " ")
            printf "The meetings are on"
            for (i = 0; i < n; i++) printf "%s %d %s %d", (i ? "," : ""), 1 + i % 28, mon[1 + int(i / 28) % 12], 2000 + int(i / 336)
            print "." }' > "$dir/en.txt"
        echo "check $dir/zh.txt $dir/en.txt" ;;
    esac
}

# Run BIN with ARGS under the limits; print "SECONDS KB", or "timeout", "oom" (an allocation
# failed under the memory cap) or "failed N".
measure() {
    local bin="$1" args="$2" log="$work/time.log" err="$work/stderr.log" rc=0
    # shellcheck disable=SC2086 # the arguments are paths without spaces, split on purpose
    (ulimit -v "$memory_kb"; exec /usr/bin/time -v -o "$log" timeout "$timeout_s" "$bin" $args) \
        > /dev/null 2> "$err" || rc=$?
    # `check` exits 1 when it reports errors: a finished run all the same.
    if [[ $rc -eq 124 ]]; then
        echo timeout
    elif [[ $rc -gt 1 ]] && grep -q "memory allocation of" "$err"; then
        echo oom
    elif [[ $rc -gt 1 ]]; then
        echo "failed $rc"
    else
        awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0
                         for (i = 1; i <= n; i++) s = s * 60 + t[i] }
                    /Maximum resident set size/ { kb = $2 }
                    END { printf "%.2f %d\n", s, kb }' "$log"
    fi
}

# "12.3 s" / "45 MB" from a measure result; field 1 is time, 2 memory.
cell() { # RESULT FIELD
    case "$1" in
    timeout) [[ $2 == 1 ]] && echo "> $timeout_s s" || echo "–" ;;
    oom) [[ $2 == 1 ]] && echo "out of memory" || echo "> $((memory_kb / 1000000)) GB" ;;
    failed*) [[ $2 == 1 ]] && echo "failed (exit ${1#failed })" || echo "–" ;;
    *) awk -v r="$1" -v f="$2" 'BEGIN { split(r, x, " ")
           if (f == 1) printf "%.2f s", x[1]; else printf "%.0f MB", x[2] / 1024 }' ;;
    esac
}

# The 4× / 1× ratio of field FIELD of two results, "–" when either did not finish.
ratio() { # SMALL LARGE FIELD
    if [[ $1 =~ ^[0-9.]+\ [0-9]+$ && $2 =~ ^[0-9.]+\ [0-9]+$ ]]; then
        awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { split(a, x, " "); split(b, y, " ")
            if (x[f] > 0) printf "%.1f ×", y[f] / x[f]; else print "–" }'
    else
        echo "–"
    fi
}

cases=(
    "paragraphs|check, one-word paragraphs, N vs N/2|5000"
    "long|check, one-word paragraphs, N vs 9N/10|50000"
    "hyphens|parse, N lines ending in a hyphen|5000"
    "symbols|parse, one paragraph of N document symbols|25000"
    "decimals|check, N decimals against N integers|5000"
    "dates|check, N zh dates chained by 、 against en|40000"
)

echo "| case | N (1× → 4×) | binary | time 1× | time 4× | time 4×/1× | memory 1× | memory 4× | memory 4×/1× |"
echo "|---|---|---|---|---|---|---|---|---|"
for spec in "${cases[@]}"; do
    IFS='|' read -r name title n <<< "$spec"
    small="$(make_case "$name" "$n" "$work/$name-1")"
    large="$(make_case "$name" $((4 * n)) "$work/$name-4")"
    for which in before after; do
        bin="$before"
        [[ $which == after ]] && bin="$after"
        r1="$(measure "$bin" "$small")"
        r4="$(measure "$bin" "$large")"
        printf "| %s | %d → %d | %s | %s | %s | %s | %s | %s | %s |\n" "$title" "$n" $((4 * n)) \
            "$which" "$(cell "$r1" 1)" "$(cell "$r4" 1)" "$(ratio "$r1" "$r4" 1)" \
            "$(cell "$r1" 2)" "$(cell "$r4" 2)" "$(ratio "$r1" "$r4" 2)"
    done
    rm -rf "$work/$name-1" "$work/$name-4"
done

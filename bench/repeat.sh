#!/bin/sh
# bench/repeat.sh - how repeatable a grade is: one fast allocator
# (tests/allocators/segfit.c, segregated free lists: its throughput is
# within the range where the throughput term is not full, so the clock
# moves its index) graded RUNS times by tools/grade under the default
# profile, with the clock and then with -I (instruction counts). Prints
# each run's index and, for each way, the spread (largest minus smallest)
# and the standard deviation, in index points.
#
#   sh bench/repeat.sh [RUNS]      (default 5; part of `make bench`)
set -u
cd "$(dirname "$0")/.." || exit 2
runs=${1:-5}
out=build/bench/repeat
rm -rf "$out"
mkdir -p "$out"

# grade_runs WAY FLAGS: grade segfit RUNS times; one "WAY N INDEX UTIL KOPS" line each.
grade_runs() {
    way=$1
    shift
    n=1
    while [ "$n" -le "$runs" ]; do
        sh tools/grade "$@" -o "$out/$way-$n" tests/allocators/segfit.c 2>/dev/null
        awk -F, -v w="$way" -v n="$n" 'NR == 2 { print w, n, $5, $3, $4 }' "$out/$way-$n/grades.csv"
        n=$((n + 1))
    done
}

# spread: the figures of each way from "WAY N INDEX UTIL KOPS" lines.
spread() {
    awk '{ i[$1] = i[$1] " " $3; s[$1] += $3; ss[$1] += $3 * $3; c[$1]++
           if (!($1 in lo) || $3 < lo[$1]) lo[$1] = $3
           if (!($1 in hi) || $3 > hi[$1]) hi[$1] = $3 }
         END { for (w in c) { m = s[w] / c[w]; v = ss[w] / c[w] - m * m; if (v < 0) v = 0
               printf "%-6s runs %d: index%s; mean %.2f, spread %.2f, sd %.2f points\n",
                      w, c[w], i[w], m, hi[w] - lo[w], sqrt(v) } }'
}

echo "segfit (tests/allocators/segfit.c) graded $runs times, default profile"
grade_runs clock | tee "$out/clock.txt"
if command -v valgrind >/dev/null 2>&1; then
    grade_runs counted -I | tee "$out/counted.txt"
else
    echo "counted: skipped (valgrind is not installed)"
    : >"$out/counted.txt"
fi
cat "$out/clock.txt" "$out/counted.txt" | spread

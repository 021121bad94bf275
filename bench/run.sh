#!/bin/sh
# bench/run.sh - the figures quoted in BENCHMARKS.md, all from one run on
# one machine (`make bench`). Throughput is noisy on a shared machine:
# compare the ratios within one run, not figures across runs.
#
#   1. the reference mm.c under each policy, and libc, on the project's
#      traces and (when ../shared/reference-traces exists) the classic set
#   2. the driver's own cost: checking a large trace against replaying it
#   3. the throughput spread over repeated runs of the default suite
#   4. isolation: throughput with and without child processes (-D)
#   5. long traces recorded from real programs, against the driver
#      before the timing budget; the default suite before and after
set -u
cd "$(dirname "$0")/.." || exit 2
out=build/bench
mkdir -p "$out"
classic=${REFERENCE_TRACES:-../shared/reference-traces}/cmu-classic

section() { printf '\n== %s\n' "$1"; }

section "1a. project traces: policies side by side, with libc (./mdriver -v -p first,next,best,libc)"
./mdriver -v -p first,next,best,libc

if [ -d "$classic" ]; then
    section "1b. classic CS:APP traces, 16-byte alignment ($classic)"
    set --
    for t in amptjp cccp cp-decl expr coalescing random random2 binary binary2 realloc realloc2; do
        set -- "$@" -f "$classic/$t-bal.rep"
    done
    ./mdriver -v -p first,next,best,libc "$@"
else
    section "1b. classic CS:APP traces: skipped ($classic not found)"
fi

section "2. the driver's cost: 1,000,000 operations, about 100,000 live blocks, libc as the allocator"
tools/tracegen -p uniform -n 1000000 -l 100000 -m 1 -M 256 -s 7 -o "$out/big.rep"
./mdriver -V -p libc -f "$out/big.rep" -o "$out/big.csv" | grep -E 'libc: valid'
awk -F, 'NR == 2 { printf "timed replay (no checks): %.3f s = %.1f ns per operation\n", $6, $6 * 1e9 / $5 }' "$out/big.csv"

section "3. throughput spread over 3 runs of the default suite (total Kops per policy)"
for run in 1 2 3; do
    ./mdriver -p first,next,best,libc -T "$out/run$run" >/dev/null
    printf 'run %s:' "$run"
    awk -F, 'NR > 1 { printf "  %s %.0f", $1, $3 }' "$out/run$run/totals.csv"
    echo
done

section "4. isolation: total Kops with child processes (default) and in one process (-D), same traces"
for mode in isolated in-process; do
    flag=
    [ "$mode" = in-process ] && flag=-D
    ./mdriver $flag -p first,best,libc -T "$out/$mode" >/dev/null
    printf '%-11s' "$mode:"
    awk -F, 'NR > 1 { printf "  %s %.0f", $1, $3 }' "$out/$mode/totals.csv"
    echo
done

section "5. long traces (bench/long.sh)"
sh bench/long.sh

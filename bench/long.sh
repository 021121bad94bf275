#!/bin/sh
# bench/long.sh - the driver on long traces recorded from real programs,
# against the driver before the timing budget (section 5 of `make bench`).
#
#   5a. record long traces with tools/tracerec -P (a compiler's cc1, perl,
#       jq) into build/bench/long/ (each program is skipped if missing)
#   5b. the reference mm.c per policy on them: utilization, and the whole
#       run's wall time against the sum of one timed replay per trace and
#       policy (the secs column)
#   5c. the same with the driver of commit $OLD_DRIVER (the driver before
#       the timing budget), built from git into build/bench/old
#   5d. -j 2: the checked replays two at a time
#   5e. the default suite, $SUITE_RUNS (5) runs of each driver, interleaved:
#       total Kops per policy and their spread, and the wall time of a run
# Run from the top folder after make. Figures vary with the machine and
# its load: compare within one run.
set -u
cd "$(dirname "$0")/.." || exit 2
OLD_DRIVER=${OLD_DRIVER:-6f95bf8}
SUITE_RUNS=${SUITE_RUNS:-5}
out=build/bench/long
mkdir -p "$out"

section() { printf '\n== %s\n' "$1"; }
now() { date +%s.%N; }

# record NAME PROGRAM [ARG...]: the trace of PROGRAM's processes named NAME
# (-P), 300,000 operations at most, as $out/NAME.rep.
record() {
    name=$1
    shift
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "$name: skipped ($1 not found)"
        return
    fi
    rm -rf "$out/$name.d"
    tools/tracerec -P "$name" -n 300000 -o "$out/$name.d" -- "$@" >/dev/null 2>"$out/$name.err"
    # The longest trace of the run (cc1 runs once per file; one here).
    longest=$(wc -l "$out/$name.d"/*.rep 2>/dev/null | sort -n | awk '$2 != "total" { f = $2 } END { print f }')
    if [ -n "$longest" ]; then
        mv "$longest" "$out/$name.rep"
        tools/traceinfo "$out/$name.rep" | awk -v n="$name" '/^operations:|^live blocks:/ { sub(/^[a-z ]+: +/, ""); printf "%s%s", (s++ ? "; live blocks " : n ": operations "), $0 } END { print "" }'
    else
        echo "$name: nothing recorded"; cat "$out/$name.err"
    fi
    rm -rf "$out/$name.d"
}

section "5a. long traces recorded by tools/tracerec -P NAME -n 300000"
awk 'BEGIN { for (i = 0; i < 12000; i++)
             printf "{\"id\":%d,\"name\":\"item%d\",\"tags\":[\"t%d\",\"u%d\"],\"value\":%d.5}\n",
                    i, i, i % 7, i % 13, i }' >"$out/in.jsonl"
record cc1 gcc -O2 -I. -Idriver -D_DEFAULT_SOURCE -c driver/check.c -o "$out/check.o"
record perl perl -e 'my %h; for my $i (1 .. 60000) { $h{"k$i"} = "v" x ($i % 50) . $i;
                     delete $h{"k" . ($i - 5000)} if $i > 5000 } print scalar(keys %h), "\n"'
record jq jq -c '{name, tag: (.tags | join("/")), big: (.value > 5000)}' "$out/in.jsonl"
set --
for name in cc1 perl jq; do
    [ -f "$out/$name.rep" ] && set -- "$@" -f "$out/$name.rep"
done
if [ $# -eq 0 ]; then
    echo "no long trace recorded: the rest of section 5 is skipped"
    exit 0
fi

# run LABEL DRIVER ARGS...: run the long traces, print the table, and the
# whole run's wall time against the sum of the secs column of its CSV.
run() {
    label=$1
    shift
    started=$(now)
    "$@" -o "$out/$label.csv" >"$out/$label.out" 2>"$out/$label.err"
    status=$?
    ended=$(now)
    grep -v '^noise\|^long traces' "$out/$label.out"
    [ -s "$out/$label.err" ] && cat "$out/$label.err"
    awk -F, -v w="$(echo "$started $ended" | awk '{ print $2 - $1 }')" -v l="$label" -v s="$status" '
        NR > 1 && $6 != "" { sum += $6 }
        END { printf "%s: exit %d; whole run %.1f s wall; one timed replay per trace and policy, summed: %.1f s; ratio %.2f\n",
                     l, s, w, sum, (sum > 0 ? w / sum : 0) }' "$out/$label.csv" | tee "$out/$label.ratio"
}

section "5b. this driver: ./mdriver -v -p first,next,best,libc on the long traces"
run new ./mdriver -v -p first,next,best,libc "$@"

section "5c. the driver of commit $OLD_DRIVER (before the timing budget), -s 3600 so that it can finish"
old=build/bench/old
if [ ! -x "$old/mdriver" ] && git rev-parse --verify -q "$OLD_DRIVER^{commit}" >/dev/null; then
    rm -rf "$old" && mkdir -p "$old" &&
        git archive "$OLD_DRIVER" | tar -x -C "$old" && make -C "$old" mdriver >/dev/null 2>&1
fi
if [ -x "$old/mdriver" ]; then
    run old "$old/mdriver" -v -p first,next,best,libc -s 3600 "$@"
else
    echo "skipped: cannot build the driver of $OLD_DRIVER (not a git checkout?)"
fi

section "5d. this driver with -j 2 (checks two at a time, timing alone afterwards)"
run new-j2 ./mdriver -v -j 2 -p first,next,best,libc "$@"

section "5e. the default suite, $SUITE_RUNS runs of each driver in turn: total Kops per policy, wall time"
: >"$out/suite.txt"
for i in $(seq "$SUITE_RUNS"); do
    for d in new old; do
        driver=./mdriver
        [ "$d" = old ] && driver=$old/mdriver
        [ -x "$driver" ] || continue
        started=$(now)
        "$driver" -p first,next,best,libc -T "$out/suite-$d-$i" >/dev/null 2>&1
        ended=$(now)
        awk -F, -v d="$d" 'NR > 1 { print d, $1, $3 }' "$out/suite-$d-$i/totals.csv" >>"$out/suite.txt"
        echo "$started $ended" | awk -v d="$d" '{ print d, "wall", $2 - $1 }' >>"$out/suite.txt"
    done
done
awk '{ k = $1 " " $2; v = $3 + 0; n[k]++; s[k] += v
       if (!(k in lo) || v < lo[k]) lo[k] = v
       if (!(k in hi) || v > hi[k]) hi[k] = v }
     END { for (k in n) printf "%-11s runs %d, mean %9.1f, min %9.1f, max %9.1f, spread (max-min)/mean %5.1f%%\n",
                             k, n[k], s[k] / n[k], lo[k], hi[k], 100 * (hi[k] - lo[k]) / (s[k] / n[k]) }' \
    "$out/suite.txt" | sort
echo "(Kops per policy; 'wall' is the seconds a run of the default suite took)"

#!/bin/sh
# test_plots.sh - the plots' data that mdriver -T writes agrees with the
# driver's scores and with tools/traceinfo; the gnuplot scripts in plots/
# each draw a 1000x700 PNG without a warning; `make plots` and `make
# compare` draw them all, and without gnuplot say how to get it (compare
# still prints its table).
#
# Run from the top folder, after make (tests/run.sh does both).

# shellcheck source=tests/lib.sh
. tests/lib.sh

# This test runs make itself: it must not join a make it runs under.
unset MAKEFLAGS MFLAGS MAKELEVEL

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

traces="uniform bimodal split"          # split: 12 operations, every one sampled
mm_policies="first next best"
plots="util throughput heap-over-time heapmap tradeoff breakdown"
data=$tmp/data

# note LINE: add a line to $problems, the details of the test under way.
note() {
    problems="${problems:+$problems
}$1"
}

# verdict NAME: pass NAME if no problem was noted since the last verdict.
verdict() {
    if [ -z "$problems" ]; then
        pass "$1"
    else
        fail "$1" "$problems"
    fi
    problems=""
}

# result TRACE POLICY COLUMN: a field of the trace's row in results.csv
# (columns: trace,policy,valid,util,ops,secs,kops,spread,reps,heap,peak).
result() {
    awk -F, -v t="$1.rep" -v p="$2" -v c="$3" \
        'NR > 1 { gsub(/"/, "", $1) } NR > 1 && $1 == t && $2 == p { print $c; exit }' \
        "$data/results.csv"
}

# png_size FILE: "WIDTHxHEIGHT" if FILE is a PNG image, else nothing.
png_size() {
    [ -s "$1" ] || return 1
    [ "$(od -An -tx1 -N8 "$1" | tr -d ' \n')" = 89504e470d0a1a0a ] || return 1
    od -An -tu1 -j16 -N8 "$1" |
        awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 "x" \
                     $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }'
}

for program in ./mdriver tools/traceinfo; do
    if [ ! -x "$program" ]; then
        fail "plots-prerequisites-are-built" "no $program: run make first"
        summary
        exit
    fi
done

# ---- The data ------------------------------------------------------------

args=""
for t in $traces; do args="$args -f traces/$t.rep"; done
# shellcheck disable=SC2086 # $args is a list of options
./mdriver -p first,next,best -l -T "$data" $args >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" -eq 0 ] && [ -f "$data/results.csv" ] && [ -f "$data/totals.csv" ]; then
    pass "driver-writes-plot-data"
else
    fail "driver-writes-plot-data" "mdriver -T exited with status $status" "$(cat "$tmp/err")"
    summary
    exit
fi

# results.csv: its header, one valid row per trace and policy, libc's
# utilization empty, the others' peak / heap.
[ "$(head -n 1 "$data/results.csv")" = "trace,policy,valid,util,ops,secs,kops,spread,reps,heap,peak,internal,external,structure,growth,message" ] ||
    note "header: $(head -n 1 "$data/results.csv")"
for t in $traces; do
    for p in $mm_policies libc; do
        rows=$(awk -F, -v t="\"$t.rep\"" -v p="$p" '$1 == t && $2 == p' "$data/results.csv" | wc -l)
        [ "$rows" -eq 1 ] || note "$t under $p: $rows rows, expected 1"
        [ "$(result "$t" "$p" 3)" = 1 ] || note "$t under $p: not valid"
    done
    [ -z "$(result "$t" libc 4)" ] || note "$t under libc: utilization '$(result "$t" libc 4)', expected empty"
done
verdict "results-csv-has-a-valid-row-per-trace-and-policy"

for t in $traces; do
    for p in $mm_policies; do
        util=$(result "$t" "$p" 4) heap=$(result "$t" "$p" 10) peak=$(result "$t" "$p" 11)
        awk -v u="$util" -v h="$heap" -v k="$peak" \
            'BEGIN { d = u - k / h; exit !(h > 0 && d < 5e-7 && d > -5e-7) }' ||
            note "$t under $p: util $util, but peak $peak / heap $heap"
    done
done
verdict "results-util-is-peak-over-heap"

# traceinfo_peak TRACE: "PEAK OP", the trace's peak live payload and the
# operation after which it is first reached, as traceinfo (not the
# driver) works them out.
traceinfo_peak() {
    tools/traceinfo "traces/$1.rep" |
        sed -n 's/^peak live: *\([0-9]*\) bytes, first after operation \([0-9]*\).*/\1 \2/p'
}

for t in $traces; do
    info=$(traceinfo_peak "$t")
    for p in $mm_policies libc; do
        [ "$(result "$t" "$p" 11)" = "${info% *}" ] ||
            note "$t under $p: peak $(result "$t" "$p" 11), traceinfo says ${info% *}"
    done
done
verdict "results-peak-is-the-traces-peak"

# totals.csv: its header; a row per policy; util in [0, 1] and index in
# [0, 100], both empty for libc.
[ "$(head -n 1 "$data/totals.csv")" = "policy,util,kops,index" ] ||
    note "header: $(head -n 1 "$data/totals.csv")"
[ "$(awk -F, 'NR > 1 { printf "%s ", $1 }' "$data/totals.csv")" = "first next best libc " ] ||
    note "policies: $(awk -F, 'NR > 1 { printf "%s ", $1 }' "$data/totals.csv")"
problem=$(awk -F, 'NR > 1 {
    if ($1 == "libc") { if ($2 != "" || $4 != "" || !($3 > 0)) print "libc: " $0 }
    else if (!($2 >= 0 && $2 <= 1 && $2 != "" && $3 > 0 && $4 >= 0 && $4 <= 100 && $4 != "")) print $0
}' "$data/totals.csv")
[ -z "$problem" ] || note "rows out of range: $problem"
verdict "totals-csv-has-a-row-per-policy-in-range"

# ---- The timelines -------------------------------------------------------

# Every timeline: rows of five counts, operations in order within 1..ops,
# at most 512 rows, live payload within the heap, the heap never shrinking.
for t in $traces; do
    for p in $mm_policies; do
        f=$data/timeline/$t.$p.dat
        [ -f "$f" ] || { note "no $f"; continue; }
        problem=$(awk -v ops="$(result "$t" "$p" 5)" '
            function bad(m) { print FILENAME ":" FNR ": " m; err = 1; exit 1 }
            /^#/ { next }
            {
                if (NF != 5) bad(NF " fields, expected 5")
                for (i = 1; i <= 5; i++) if ($i !~ /^[0-9]+$/) bad("field " i " is not a count")
                if ($1 <= op || $1 > ops) bad("operation " $1 " out of order, or past " ops)
                if ($3 > $2) bad("live payload " $3 " above the heap " $2)
                if ($5 > $2) bad("largest gap " $5 " above the heap " $2)
                if ($2 < heap) bad("the heap shrank from " heap " to " $2)
                if (($4 == 0) != ($5 == 0)) bad("gaps " $4 " but largest gap " $5)
                op = $1; heap = $2; rows++
            }
            END { if (!err && (rows < 1 || rows > 512)) bad(rows " rows, expected 1 to 512") }' "$f")
        [ -z "$problem" ] || note "$problem"
    done
done
verdict "timeline-rows-are-well-formed"

for t in $traces; do
    info=$(traceinfo_peak "$t")
    peak=${info% *} peak_op=${info#* }
    for p in $mm_policies; do
        f=$data/timeline/$t.$p.dat
        got=$(awk -v at="$peak_op" '!/^#/ { if ($3 > max) max = $3; if ($1 == at) there = $3 }
                                    END { print max + 0, there + 0 }' "$f" 2>/dev/null)
        [ "$got" = "$peak $peak" ] ||
            note "$t under $p: largest live payload and live payload after operation $peak_op: $got, expected $peak $peak"
    done
done
verdict "timeline-peaks-at-the-traces-peak"

for t in $traces; do
    for p in $mm_policies; do
        f=$data/timeline/$t.$p.dat
        got=$(awk '!/^#/ { last = $1 " " $2 } END { print last }' "$f" 2>/dev/null)
        want="$(result "$t" "$p" 5) $(result "$t" "$p" 10)"
        [ "$got" = "$want" ] ||
            note "$t under $p: last row's operation and heap: $got, expected the trace's ops and scored heap: $want"
    done
done
verdict "timeline-ends-at-the-scored-heap"

[ -z "$(find "$data/timeline" "$data/heapmap" -name '*.libc.dat')" ] || note "libc has a timeline"
[ -z "$(find "$data/timeline" "$data/heapmap" -name '*.rep.*')" ] || note "a file name keeps .rep"
verdict "timelines-only-for-the-mm-policies"

# ---- The heap maps -------------------------------------------------------

# A regular grid: the "# buckets N bucket_bytes B heap_bytes H" line with H
# the scored heap and N buckets of B bytes covering it; blocks of N rows at
# offsets 0, B, 2B...; one operation per block, in order, the last one the
# trace's last; every fraction within [0, 1].
for t in $traces; do
    for p in $mm_policies; do
        f=$data/heapmap/$t.$p.dat
        [ -f "$f" ] || { note "no $f"; continue; }
        problem=$(awk -v ops="$(result "$t" "$p" 5)" -v heap="$(result "$t" "$p" 10)" '
            function bad(m) { print FILENAME ":" FNR ": " m; err = 1; exit 1 }
            function end_block() {
                if (rows != n) bad("a block of " rows " rows, expected " n)
                rows = 0; blocks++
            }
            /^# buckets / { n = $3; b = $5; h = $7; next }
            /^#/ { next }
            NF == 0 { if (rows) end_block(); next }
            {
                if (n == "") bad("no \"# buckets\" line before the data")
                if (NF != 3) bad(NF " fields, expected 3")
                if (rows == 0) {
                    if ($1 <= op) bad("operation " $1 " out of order")
                    op = $1
                } else if ($1 != op) {
                    bad("operation " $1 " in the block of operation " op)
                }
                if ($2 != rows * b) bad("offset " $2 ", expected " rows * b)
                if ($3 !~ /^[0-9.]+$/ || $3 > 1) bad("fraction " $3 " outside [0, 1]")
                rows++
            }
            END {
                if (err) exit 1
                if (rows) end_block()
                if (h != heap) bad("heap_bytes " h ", but the scored heap is " heap)
                if (n * b < h) bad(n " buckets of " b " bytes do not cover the heap")
                if (op != ops) bad("the last block is at operation " op ", expected " ops)
                if (blocks < 2) bad(blocks " blocks")
            }' "$f")
        [ -z "$problem" ] || note "$problem"
    done
done
verdict "heapmap-is-a-regular-grid-of-fractions"

# At each operation both files sampled, the heap map's buckets add up to
# the timeline's live payload (fractions have 4 decimals: a bucket may be
# off by half a unit of the last one).
for t in $traces; do
    for p in $mm_policies; do
        problem=$(awk '
            FNR == 1 { file++ }
            /^#/ { if (file == 2 && $2 == "buckets") { n = $3; b = $5 }; next }
            file == 1 { live[$1] = $3; next }
            NF == 0 { check(); next }
            { op = $1; sum += $3 * b }
            function check() {
                if (op in live) {
                    both++
                    d = sum - live[op]
                    if (d > n * b * 0.00005 + 1 || -d > n * b * 0.00005 + 1)
                        printf "after operation %d: buckets hold %.0f bytes, timeline says %d\n", op, sum, live[op]
                }
                sum = 0; op = ""
            }
            END { if (op != "") check(); if (!both) print "no operation sampled by both" }' \
            "$data/timeline/$t.$p.dat" "$data/heapmap/$t.$p.dat" 2>&1)
        [ -z "$problem" ] || note "$t under $p: $(echo "$problem" | head -n 3)"
    done
done
verdict "heapmap-adds-up-to-the-live-payload"

# ---- The pictures --------------------------------------------------------

if command -v gnuplot >/dev/null 2>&1; then
    for name in $plots; do
        out=$tmp/$name.png
        gnuplot -e "data='$data'; out='$out'; trace='uniform'; policy='next'" "plots/$name.gp" \
            >"$tmp/gp.out" 2>&1
        status=$?
        size=$(png_size "$out")
        if [ "$status" -eq 0 ] && [ "$size" = 1000x700 ] && [ ! -s "$tmp/gp.out" ]; then
            pass "plot-$name-draws-a-1000x700-png"
        else
            fail "plot-$name-draws-a-1000x700-png" "gnuplot exit status $status, image '${size:-not a PNG}'" \
                "$(head -n 5 "$tmp/gp.out")"
        fi
    done

    # make plots: its own run (one tiny trace here), then every picture.
    make -s -o mdriver plots PLOT_DATA="$tmp/mk" PLOT_OUT="$tmp/png" \
        PLOT_ARGS="-f traces/coalesce-runs.rep" PLOT_TRACE=coalesce-runs PLOT_POLICY=best \
        >"$tmp/out" 2>&1
    status=$?
    [ "$status" -eq 0 ] || note "make plots exited with status $status: $(tail -n 3 "$tmp/out")"
    for name in $plots; do
        [ "$(png_size "$tmp/png/$name.png")" = 1000x700 ] || note "no $name.png in PLOT_OUT"
    done
    verdict "make-plots-draws-every-picture"

    make -s -o mdriver plots PLOT_DATA="$tmp/mk" PLOT_OUT="$tmp/png2" \
        PLOT_ARGS="-f traces/coalesce-runs.rep" PLOT_TRACE=no-such-trace >"$tmp/out" 2>&1
    status=$?
    [ "$status" -ne 0 ] || note "make plots exited with status 0"
    grep -q "no data for trace 'no-such-trace'" "$tmp/out" || note "output: $(tail -n 3 "$tmp/out")"
    verdict "make-plots-names-a-trace-it-has-no-data-for"
else
    echo "skip the pictures: gnuplot is not installed (apt-get install gnuplot-nox)"
fi

# ---- Without gnuplot -----------------------------------------------------

# A PATH with every command of this one but gnuplot.
mkdir "$tmp/bin"
old_ifs=$IFS
IFS=:
for dir in $PATH; do
    for cmd in "$dir"/*; do
        name=${cmd##*/}
        case $name in gnuplot*) continue ;; esac
        [ -x "$cmd" ] && [ ! -e "$tmp/bin/$name" ] && ln -s "$cmd" "$tmp/bin/$name"
    done
done
IFS=$old_ifs

if PATH=$tmp/bin command -v gnuplot >/dev/null 2>&1; then
    fail "path-without-gnuplot" "gnuplot is still found on the reduced PATH"
else
    PATH=$tmp/bin make -s -o mdriver plots PLOT_DATA="$tmp/ng" PLOT_OUT="$tmp/ngpng" \
        PLOT_ARGS="-f traces/coalesce-runs.rep" >"$tmp/out" 2>"$tmp/err"
    status=$?
    [ "$status" -ne 0 ] || note "make plots exited with status 0"
    grep -q "make plots: gnuplot is not installed" "$tmp/err" || note "stderr: $(cat "$tmp/err")"
    grep -q "apt-get install gnuplot-nox" "$tmp/err" || note "no install hint on stderr"
    [ ! -e "$tmp/ng/results.csv" ] || note "the driver ran although nothing could be drawn"
    verdict "make-plots-without-gnuplot-fails-with-an-install-hint"

    PATH=$tmp/bin make -s -o mdriver compare PLOT_DATA="$tmp/ng" PLOT_OUT="$tmp/ngpng" \
        PLOT_ARGS="-f traces/coalesce-runs.rep" >"$tmp/out" 2>"$tmp/err"
    status=$?
    [ "$status" -eq 0 ] || note "make compare exited with status $status: $(cat "$tmp/err")"
    grep -q "^coalesce-runs.rep .*|.*|.*|" "$tmp/out" || note "no table row for coalesce-runs.rep: $(head -n 5 "$tmp/out")"
    grep -q "apt-get install gnuplot-nox" "$tmp/out" || note "no install hint: $(tail -n 2 "$tmp/out")"
    [ -f "$tmp/ng/results.csv" ] || note "no results.csv in PLOT_DATA"
    [ ! -e "$tmp/ngpng" ] || note "PLOT_OUT was made without gnuplot"
    verdict "make-compare-without-gnuplot-prints-the-table-and-an-install-hint"
fi

summary

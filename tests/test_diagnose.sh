#!/bin/sh
# test_diagnose.sh - helping a stuck student: when a trace fails and mm.c
# has mm_checkheap, the failure names the first operation after which the
# heap was inconsistent (or says the checker saw nothing wrong); -S shrinks
# a failing trace to a few operations that still fail the same way, and
# writes a valid trace the same driver fails on again.
#
# Run from the top folder, after make (tests/run.sh does both).

# shellcheck source=tests/lib.sh
. tests/lib.sh

T=tests/traces
B=tests/broken
BIG=traces/uniform.rep

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

for name in late-corruption short-blocks realloc-no-copy free-writes-next overlap-partial \
    segv loop; do
    [ -x "$B/mdriver-$name" ] || give_up "drivers-are-built" "no $B/mdriver-$name: run make test"
done
if [ ! -x tools/traceinfo ] || [ ! -r "$BIG" ]; then
    give_up "tools-and-traces-are-there" "no tools/traceinfo or $BIG: run make test"
fi

# ---- The first bad operation ---------------------------------------------------

# late-corruption's third mm_malloc (line 7) writes a wrong size into block
# 0's header; the driver sees it only at line 15, when realloc copies just
# that many bytes.
cat >"$tmp/late.rep" <<'EOF'
1
7
15
448
a 0 64
a 1 64
a 2 64
a 3 32
f 1
a 4 128
f 3
a 5 16
f 2
a 6 48
r 0 256
f 4
f 5
f 6
f 0
EOF
# Here the third mm_malloc is realloc's own, at line 7: the header it
# breaks is the one realloc reads, so the driver sees it at once, before
# mm_checkheap is called after the operation.
cat >"$tmp/same.rep" <<'EOF'
1
2
5
192
a 0 64
a 1 64
r 0 128
f 1
f 0
EOF

begin
run "$B/mdriver-late-corruption" -f "$tmp/late.rep"
expect_status 1
expect_err "FAIL [mm] $tmp/late.rep:15: 'r 0 256': mm_realloc moved block 0"
expect_err "did not keep its data"
expect_err "base_checkheap (line 7): the block at heap+0x20"
expect_err "first bad operation: the heap was already inconsistent after line 7: 'a 2 64', 8 operations before this failure was detected"
end "late-corruption-names-line-7-as-the-first-bad-operation"

# With -c the replay stops at line 7 itself: nothing left to diagnose.
begin
run "$B/mdriver-late-corruption" -c -f "$tmp/late.rep"
expect_status 1
expect_err "FAIL [mm] $tmp/late.rep:7: 'a 2 64': mm_checkheap returned false after this operation"
expect_no_err "first bad operation"
end "late-corruption-with-c-fails-at-line-7"

begin
run "$B/mdriver-late-corruption" -f "$tmp/same.rep"
expect_status 1
expect_err "FAIL [mm] $tmp/same.rep:7: 'r 0 128': "
expect_err "mm_checkheap found the heap consistent after every operation before this one: the bug is in this operation, or in something it does not check"
expect_no_err "first bad operation"
end "heap-broken-by-the-failing-operation-itself-names-no-earlier-one"

# short-blocks' headers chain correctly: its checker cannot see the bug.
begin
run "$B/mdriver-short-blocks" -f $T/ops.rep
expect_status 1
expect_err "FAIL [mm] $T/ops.rep:7: 'a 2 4096': the data in block 1"
expect_err "mm_checkheap found the heap consistent after every operation before this one"
expect_no_err "first bad operation"
end "checker-blind-to-the-bug-finds-the-heap-consistent-before-it"

# realloc-no-copy has no mm_checkheap: no note at all.
begin
run "$B/mdriver-realloc-no-copy" -f $T/ops.rep
expect_status 1
expect_err "FAIL [mm] $T/ops.rep:8: 'r 1 400': "
expect_no_err "first bad operation"
expect_no_err "mm_checkheap"
end "no-mm_checkheap-means-no-first-bad-operation-note"

# ---- Shrinking ---------------------------------------------------------------------

# shrink NAME PHRASE [FLAGS...]: mdriver-NAME -S on $BIG fails with PHRASE,
# writes a valid trace of at most 10 operations (and at most a tenth of
# $BIG's), says so, and the same driver fails on that trace with PHRASE.
shrink() {
    name=$1
    phrase=$2
    shift 2
    out=$tmp/$name-small.rep
    begin
    run "$B/mdriver-$name" -f $BIG -S "$out" "$@"
    expect_status 1
    expect_err "FAIL [mm] $BIG:"
    expect_err "$phrase"
    total=$(sed -n 3p $BIG)
    line=$(grep -F "Shrunk $BIG from $total operations to " "$tmp/out")
    if [ -z "$line" ]; then
        note "stdout lacks 'Shrunk $BIG from $total operations to M'"
    else
        small=${line#*operations to }
        small=${small%% *}
        if ! [ "$small" -le 10 ] || ! [ $((small * 10)) -le "$total" ]; then
            note "shrunk to $small operations, expected at most 10"
        fi
    fi
    # The hint names the driver that ran, and the flags that matter (-s).
    expect_out "Replay it with: $B/mdriver-$name -f $out${*:+ $*}"
    if [ ! -s "$out" ]; then
        note "no $out written"
    elif ! tools/traceinfo -q "$out" >"$tmp/info" 2>&1; then
        note "$out is not a valid trace: $(cat "$tmp/info")"
    else
        [ "$(sed -n 3p "$out")" = "$small" ] ||
            note "$out holds $(sed -n 3p "$out") operations, not the $small said"
        elapsed=$secs
        run "$B/mdriver-$name" -f "$out" "$@"
        expect_status 1
        expect_err "FAIL [mm] $out:"
        expect_err "$phrase"
        secs=$elapsed
    fi
    expect_secs 0 15
    end "S-shrinks-$name-on-${BIG##*/}-to-a-trace-that-fails-the-same-way"
}

# free-writes-next first fails at line 90: a real search, not just a cut.
shrink free-writes-next "changed during this operation"
shrink overlap-partial "which overlaps live block"
shrink segv "the process crashed with SIGSEGV (Segmentation fault) touching address NULL pointer + 16"
# Each try that still hangs costs SHRINK_HANG_LIMIT (1 s): -s 1 keeps the
# first run and the replay as short.
shrink loop "did not finish within the time limit of 1 s" -s 1

begin
run "$B/mdriver-segv" -D -f $T/ops.rep -S "$tmp/never.rep"
expect_status 2
expect_err "-S needs child processes"
[ ! -e "$tmp/never.rep" ] || note "$tmp/never.rep was written"
end "S-with-D-is-a-usage-error"

summary

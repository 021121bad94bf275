#!/bin/sh
# test_isolation.sh - a driver that nothing can knock over: an allocator
# that crashes, hangs, exits, aborts, writes past or below the heap, asks
# mem_sbrk for too much or hands out short blocks fails its trace with
# exit status 1 and one message naming the trace line, the operation and
# what happened (the signal, the faulting address placed relative to the
# heap); the other traces still run, the table and the CSV are still
# written; -D runs in the driver's own process, so a crash takes the driver
# down where a debugger can see it, but an exit() does not pass for success.
#
# Run from the top folder, after make (tests/run.sh does both).

# shellcheck source=tests/lib.sh
. tests/lib.sh

T=tests/traces
B=tests/broken

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

for name in segv wild-pointer loop exit0 abort past-end far-past-end below-heap sbrk-huge \
    short-blocks correct; do
    [ -x "$B/mdriver-$name" ] || give_up "drivers-are-built" "no $B/mdriver-$name: run make test"
done

# ---- Each failure is caught, explained, and placed ---------------------------

# What depends on the word size: a 64-bit wild pointer is an address the
# processor refuses (not canonical), a 32-bit one a plain address far from
# the heap (wild-pointer.c); short-blocks's header is a size_t.
bits=$(build_bits "$B/mdriver-correct")
if [ "$bits" = 32 ]; then
    wild="touching address 0xfffff000, outside the heap, not near it: a wild pointer"
else
    wild="on an address no program can use: a wild pointer"
fi
short_end=$((32 + ${bits:-64} / 8 - 1))

# NAME|TRACE|LINE|OP|PHRASE[;PHRASE...]: tests/broken/mdriver-NAME -s 2 on
# tests/traces/TRACE.rep must exit 1 (not die of a signal) with
# "FAIL [mm] FILE:LINE: 'OP': " and each PHRASE on stderr, and still print
# the table's Total line. Each bug is planted in the third mm_malloc call.
# past-end on ops writes into a page its own mem_sbrk made usable (with
# 4 KiB pages); on classic, into the page the break was in already.
cat >"$tmp/broken" <<EOF
segv|ops|7|a 2 4096|the process crashed with SIGSEGV (Segmentation fault) touching address NULL pointer + 16
wild-pointer|ops|7|a 2 4096|the process crashed with SIGSEGV (Segmentation fault) $wild
loop|ops|7|a 2 4096|did not finish within the time limit of 2 s (-s): stopped after;an infinite loop?
exit0|ops|7|a 2 4096|the process ended early: exit(0) was called before the trace finished
abort|ops|7|a 2 4096|mm_malloc: planted abort;the process crashed with SIGABRT (Aborted): abort() was called
past-end|ops|7|a 2 4096|mm.c wrote past the end of the heap during this operation;(break at heap+0x2060, so 1 byte past the heap's last byte) changed from 0xa5 to 0x5a
past-end|classic|7|r 0 300|mm.c wrote past the end of the heap during this operation;(break at heap+0x2a0, so 1 byte past the heap's last byte) changed from 0xa5 to 0x5a
far-past-end|ops|7|a 2 4096|the process crashed with SIGSEGV;bytes past the end of the heap (break at heap+0x2060)
below-heap|ops|7|a 2 4096|the process crashed with SIGSEGV;touching address in the guard page below the heap (8 bytes below its first byte)
sbrk-huge|ops|7|a 2 4096|mem_sbrk: cannot grow the heap by;the arena holds;mm_malloc returned NULL, but the arena could hold the request
short-blocks|ops|7|a 2 4096|the data in block 1 (40 bytes at heap+0x1020, placed at line 6) changed during this operation;bytes 32-$short_end are wrong
EOF
while IFS='|' read -r name trace line op phrases; do
    begin
    run "$B/mdriver-$name" -f "$T/$trace.rep" -s 2
    expect_status 1
    expect_err "FAIL [mm] $T/$trace.rep:$line: '$op': "
    expect_phrases "$phrases"
    expect_row '^Total '
    # The time limit stops the loop: not before it, and not never (the
    # upper bound is loose on purpose: a loaded machine is slow, not wrong).
    [ "$name" = loop ] && expect_secs 1.9 15
    end "$name-fails-$trace-at-line-$line-with-exit-1"
done <"$tmp/broken"

# ---- The other traces still run -----------------------------------------------

# The first trace fails at its third mm_malloc; free.rep has only two, so
# it passes. Its row, the Total line and the CSV must all be there.
for name in segv loop exit0 abort; do
    begin
    run "$B/mdriver-$name" -v -f $T/ops.rep -f $T/free.rep -s 2 -o "$tmp/$name.csv"
    expect_status 1
    expect_err "FAIL [mm] $T/ops.rep:7: 'a 2 4096': "
    expect_no_err "$T/free.rep"
    expect_row '^ops\.rep +no +FAIL '
    expect_row '^free\.rep +yes '
    expect_row '^Total '
    expect_row '^1 of 2 traces failed'
    if [ ! -s "$tmp/$name.csv" ]; then
        note "no CSV written"
    else
        grep -q "^\"ops.rep\",mm,0,.*ops.rep:7: 'a 2 4096': " "$tmp/$name.csv" ||
            note "no CSV row for ops.rep with valid 0 and the message"
        grep -q '^"free.rep",mm,1,' "$tmp/$name.csv" || note "no CSV row for free.rep with valid 1"
    fi
    end "$name-in-the-first-trace-leaves-the-second-to-run"
done

# ---- -D: one process --------------------------------------------------------------

# No child to catch the crash: the driver itself dies of SIGSEGV (128 + 11)
# or SIGABRT (128 + 6), as a debugger wants, after saying nothing.
begin
run "$B/mdriver-segv" -D -f $T/ops.rep
expect_status 139
expect_no_err "FAIL"
end "D-segv-kills-the-driver-itself-with-SIGSEGV"

begin
run "$B/mdriver-abort" -D -f $T/ops.rep
expect_status 134
expect_err "mm_malloc: planted abort"
end "D-abort-kills-the-driver-itself-with-SIGABRT"

# exit(0) in mm_malloc must not end the driver with status 0.
begin
run "$B/mdriver-exit0" -D -f $T/ops.rep -f $T/free.rep
expect_status 1
expect_err "FAIL [mm] $T/ops.rep:7: 'a 2 4096': the process ended early: exit() was called"
end "D-exit0-fails-with-exit-1-and-the-line"

begin
run "$B/mdriver-correct" -D -f $T/ops.rep -f $T/free.rep
expect_status 0
expect_empty_err
expect_row '^Total '
end "D-correct-allocator-exits-0"

summary

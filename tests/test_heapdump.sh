#!/bin/sh
# test_heapdump.sh - seeing the heap: -x LINE stops each trace after that
# line and shows the heap there, both as the driver sees it (live payloads,
# the bytes between) and as mm.c sees it (mm_walk_heap); -d shows the heap
# around a failure: where the damage is, or, after a crash, the heap as it
# was just before the operation that crashed.
#
# Run from the top folder, after make (tests/run.sh does both).

# shellcheck source=tests/lib.sh
. tests/lib.sh

T=tests/traces
B=tests/broken

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

for name in segv free-writes-next; do
    [ -x "$B/mdriver-$name" ] || give_up "drivers-are-built" "no $B/mdriver-$name: run make test"
done

# coalesce-both.rep frees block 1 at line 10, between two live blocks: the
# reference mm.c shows it as one free 64-byte block, tags intact, where the
# driver sees 80 bytes outside any payload (the block and its neighbours'
# tags).
begin
run ./mdriver -f traces/coalesce-both.rep -x 10
expect_status 0
expect_out "traces/coalesce-both.rep [mm]: stopped after line 10 as asked (-x):"
expect_out "heap+0x000050        80 bytes  (not in any payload)"
expect_out "mm.c's view (mm_walk_heap): its blocks, by address:"
expect_out "heap+0x000058        64 bytes  free      header 0x40  footer 0x40  <-- here"
expect_out "heap+0x000158         0 bytes  allocated header 0x1"
grep -q '^Results for' "$tmp/out" && note "a stopped run printed the score table"
grep -q '\[libc\]' "$tmp/out" && note "-x ran libc, which has no heap to show"
end "x-stops-after-the-line-and-shows-both-views"

begin
run ./mdriver -f traces/coalesce-both.rep -x 0
expect_status 2
expect_err "-x wants a trace line number (1 or more), not '0'"
end "x-refuses-line-0"

# The data of the block above the freed one changes during the free: the
# dump is centred on the first damaged byte, and says mm.c has no walker.
begin
run "$B/mdriver-free-writes-next" -d -f "$T/ops.rep"
expect_status 1
expect_err "(the first damaged byte)"
expect_err "The driver's view: the live payloads it handed out, by address:"
expect_err "<-- here"
expect_err "(mm.c defines no mm_walk_heap, so its own view cannot be shown)"
end "d-shows-the-heap-around-damaged-data"

# A crash leaves no heap to look at: the driver replays up to the line
# before and shows the heap there.
begin
run "$B/mdriver-segv" -d -f "$T/ops.rep"
expect_status 1
expect_err "FAIL [mm] $T/ops.rep:7: 'a 2 4096': the process crashed with SIGSEGV"
expect_err "Replayed up to line 6, just before the operation that failed:"
expect_err "heap+0x001020        40 bytes  block 1, placed at line 6  <-- here"
end "d-after-a-crash-shows-the-heap-before-it"

# Without -d a failure shows no heap.
begin
run "$B/mdriver-segv" -f "$T/ops.rep"
expect_status 1
expect_no_err "The heap around"
end "no-dump-without-d"

summary

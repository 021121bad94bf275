#!/bin/sh
# test_breakdown.sh - where the memory went (-F, and the CSV's internal,
# external, structure and growth columns): the final heap split at the peak
# of live payload, byte for byte.
#
# Run from the top folder, after make test has built the broken drivers.

# shellcheck source=tests/lib.sh
. tests/lib.sh

B=tests/broken
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

[ -x "$B/mdriver-correct" ] || give_up "drivers-are-built" "no $B/mdriver-correct: run make test"

# growth.rep, worked out by hand for the reference mm.c (16-byte alignment,
# no minimum growth): mm_init makes 32 bytes (pad, prologue, epilogue);
# three 100-byte blocks of 128 bytes each make the peak, 300 bytes of
# payload in a 416-byte heap (3 x 28 bytes of tags and padding). Freeing
# the first and the last leaves 128-byte holes; 150 bytes need a 176-byte
# block, which fits neither, so the free block at the end grows by 48.
begin
run ./mdriver -F -f tests/breakdown/growth.rep -o "$tmp/g.csv"
expect_status 0
expect_row '^growth\.rep +mm +464 +300 +64\.7% +84 +18\.1% +0 +0\.0% +32 +6\.9% +48 +10\.3%$'
grep -q '^"growth.rep",mm,1,[^,]*,6,[^,]*,[^,]*,[^,]*,[^,]*,464,300,84,0,32,48,""$' "$tmp/g.csv" ||
    note "the CSV row is not 464,300,84,0,32,48: $(grep '"growth.rep",mm' "$tmp/g.csv")"
grep -q '^"growth.rep",libc,1,[^,]*,6,[^,]*,[^,]*,[^,]*,[^,]*,0,300,,,,,""$' "$tmp/g.csv" ||
    note "libc's row measures a heap it does not have: $(grep '"growth.rep",libc' "$tmp/g.csv")"
end "breakdown-matches-the-hand-worked-example"

# On real traces, under every policy, the five parts add up to the final
# heap exactly, and none is negative (the CSV would show a huge number).
begin
run ./mdriver -p first,next,best -f traces/realloc-grow-mix.rep -f traces/real-sed.rep \
    -f traces/coalesce-runs.rep -f traces/bimodal.rep -o "$tmp/r.csv"
expect_status 0
checked=$(awk -F, 'NR > 1 && $2 != "libc" {
        n++
        if ($11 + $12 + $13 + $14 + $15 != $10 || $12 == "" || $15 == "" || $14 < 32)
            print "bad row: " $0
        if ($15 > 0) grew++
    }
    END { print n " rows, " grew + 0 " grew after the peak" }' "$tmp/r.csv")
case "$checked" in
    "12 rows, "*) ;;
    *) note "$checked" ;;
esac
case "$checked" in
    *"bad row"*|*" 0 grew"*) note "$checked" ;;
esac
end "breakdown-parts-add-up-to-the-heap-byte-for-byte"

# Without mm_walk_heap the heap at the peak cannot be divided: -F says so,
# and still splits off the growth after the peak.
begin
run "$B/mdriver-correct" -F -f tests/breakdown/growth.rep -f traces/coalesce-runs.rep -o "$tmp/c.csv"
expect_status 0
expect_out "overhead and free blocks, undivided (mm.c has no mm_walk_heap)"
awk -F, 'NR > 1 && $2 == "mm" && ($12 != "" || $13 != "" || $14 != "" || $15 == "" ||
         $10 < $11 + $15) { print "bad row: " $0 }' "$tmp/c.csv" | grep -q . &&
    note "a CSV row divides what it cannot: $(cat "$tmp/c.csv")"
end "breakdown-without-mm_walk_heap-is-undivided"

summary

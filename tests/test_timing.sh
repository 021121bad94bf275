#!/bin/sh
# test_timing.sh - timing has its own budget: a trace that passed every
# check is never failed because its timed replays took long (-s limits the
# checked replay only), a long trace is timed as often as fits in the budget
# and the noise column says how often; a hang that only a timed replay
# reaches is still caught, by a limit derived from the checked replay.
#
# Run from the top folder, after make (tests/run.sh does both). No test
# here asserts how fast anything runs.

# shellcheck source=tests/lib.sh
. tests/lib.sh

T=tests/traces
B=tests/broken

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

for name in slow init-loop loop correct; do
    [ -x "$B/mdriver-$name" ] || give_up "drivers-are-built" "no $B/mdriver-$name: run make test"
done

# 1000 mallocs, then 1000 frees. Under tests/broken/slow.c every 1000th
# mm_malloc sleeps 0.6 s, so each replay takes 0.6 s and a bit, longer than
# the timing budget (0.5 s): the checked replay fits in -s 1.5, but a
# warm-up and three timed replays on top of it would not (the driver before
# the timing budget failed this trace).
awk 'BEGIN { n = 1000; print 1; print n; print 2 * n; print 16 * n
             for (i = 0; i < n; i++) print "a " i " 16"
             for (i = 0; i < n; i++) print "f " i }' >"$tmp/long.rep"

begin
run "$B/mdriver-slow" -v -f "$tmp/long.rep" -s 1.5 -o "$tmp/long.csv"
expect_status 0
expect_empty_err
expect_row '^long\.rep +yes +50\.0% +2000 +[0-9.]+ +[0-9]+ +1 rep$'
expect_out '"1 rep" when one replay took longer than the timing budget'
grep -q '^"long.rep",mm,1,0.500000,2000,[0-9.]*,[0-9.]*,,1,' "$tmp/long.csv" ||
    note "the CSV row lacks reps 1 with an empty spread"
end "long-trace-past-small-s-is-valid-scored-and-timed-once"

begin
run "$B/mdriver-slow" -V -f "$tmp/long.rep" -s 1.5
expect_status 0
expect_out "mm: valid (checked in"
expect_out "timed once: one replay takes longer than the timing budget"
end "verbose-says-a-long-trace-was-timed-once"

# A short trace (6 mallocs) gets a warm-up and at least three timed
# replays: a spread, no "1 rep".
begin
run "$B/mdriver-correct" -v -f $T/ops.rep -s 60
expect_status 0
expect_row '^ops\.rep +yes +[0-9.]+% +11 +[0-9.]+ +[0-9]+ +±!?[0-9.]+%$'
expect_no_err "FAIL"
end "short-trace-keeps-its-three-timed-replays"

# ---- Hangs ---------------------------------------------------------------------

# init-loop's second mm_init never returns: the checked replay passes, the
# first timed replay hangs. -s is long; the timing limit still stops it.
begin
run "$B/mdriver-init-loop" -v -f $T/ops.rep -s 120
expect_status 1
expect_err "FAIL [mm] $T/ops.rep: while the trace was being timed (it had passed every check): "
expect_err "the timed replays did not finish within"
expect_err "the limit derived from the checked replay's"
expect_err "an infinite loop that only a timed replay reaches?"
expect_no_err "(-s):"
expect_row '^ops\.rep +no +FAIL '
expect_row '^1 of 1 traces failed'
expect_secs 0 100
end "hang-in-a-timed-replay-fails-with-the-timing-limit-not-s"

# A hang in the checked replay is still -s's business.
begin
run "$B/mdriver-loop" -f $T/ops.rep -s 1
expect_status 1
expect_err "FAIL [mm] $T/ops.rep:7: 'a 2 4096': did not finish within the time limit of 1 s (-s)"
end "hang-in-the-checked-replay-is-stopped-by-s"

summary

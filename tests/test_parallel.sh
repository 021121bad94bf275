#!/bin/sh
# test_parallel.sh - -j N checks traces and policies N at a time and times
# them afterwards, one at a time: the table, the CSV and every message are
# those of -j 1 but for the clock's columns (secs, Kops, noise), with
# correct allocators and with one that crashes. And the status line: shown
# on a terminal during a long run and cleared after it, silenced by -q,
# never written into a pipe.
#
# Run from the top folder, after make (tests/run.sh does both).

# shellcheck source=tests/lib.sh
. tests/lib.sh

T=tests/traces
B=tests/broken

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

for name in segv slow; do
    [ -x "$B/mdriver-$name" ] || give_up "drivers-are-built" "no $B/mdriver-$name: run make test"
done

# The output without what the clock decides: per trace, name, valid, util
# and ops; the totals' utilization and ops; the index up to its throughput;
# -V's lines up to "valid".
# Side by side (-p), each column's utilization alone.
untimed() {
    awk 'index($0, " | ") { n = split($0, part, / [|] /); line = part[1]
                            for (i = 2; i <= n; i++) { split(part[i], f, " "); line = line " | " f[1] }
                            print line; next }
         $2 == "yes" || $2 == "no" { print $1, $2, $3, $4; next }
         $1 == "Total" { print $1, $2, $3; next }
         /performance index/ { sub(/min\(1,.*/, ""); print; next }
         /^long traces:/ { next }
         /: valid \(checked in / { sub(/ \(checked in .*/, ""); print; next }
         { print }' "$1"
}

# The CSV without secs, kops, spread and reps (fields 6-9).
untimed_csv() {
    cut -d, -f1-5,10- "$1"
}

# same_as_j1 NAME DRIVER ARGS...: -j 1 and -j 2 agree but for the clock.
same_as_j1() {
    name=$1
    shift
    begin
    for j in 1 2; do
        "$@" -j $j -o "$tmp/j$j.csv" >"$tmp/j$j.out" 2>"$tmp/j$j.err"
        echo $? >"$tmp/j$j.status"
        untimed "$tmp/j$j.out" >"$tmp/j$j.table"
        untimed_csv "$tmp/j$j.csv" >"$tmp/j$j.rows"
    done
    cmp -s "$tmp/j1.status" "$tmp/j2.status" ||
        note "exit status $(cat "$tmp/j1.status") with -j 1, $(cat "$tmp/j2.status") with -j 2"
    cmp -s "$tmp/j1.table" "$tmp/j2.table" ||
        note "the tables differ:" "$(diff "$tmp/j1.table" "$tmp/j2.table" | head -20)"
    cmp -s "$tmp/j1.rows" "$tmp/j2.rows" ||
        note "the CSVs differ:" "$(diff "$tmp/j1.rows" "$tmp/j2.rows" | head -20)"
    cmp -s "$tmp/j1.err" "$tmp/j2.err" ||
        note "stderr differs:" "$(diff "$tmp/j1.err" "$tmp/j2.err" | head -20)"
    [ -s "$tmp/j1.table" ] || note "no table"
    end "$name"
}

same_as_j1 "j2-gives-j1s-table-on-the-default-suite" ./mdriver -v
same_as_j1 "j2-gives-j1s-table-with-policies-side-by-side" ./mdriver -v -p first,best,libc \
    -f $T/ops.rep -f $T/classic.rep -f $T/free.rep
same_as_j1 "j2-gives-j1s-table-and-messages-with-a-crashing-allocator" "$B/mdriver-segv" -V \
    -f $T/ops.rep -f $T/free.rep -f $T/classic.rep -f $T/bad-empty.rep -s 5
grep -q "FAIL \[mm\] $T/ops.rep:7: 'a 2 4096': the process crashed with SIGSEGV" "$tmp/j2.err" &&
    pass "j2-reports-the-crash" || fail "j2-reports-the-crash" "$(cat "$tmp/j2.err")"

# ---- -j's argument -----------------------------------------------------------------

while IFS='|' read -r args message; do
    begin
    # shellcheck disable=SC2086 # the arguments are words
    run ./mdriver $args
    expect_status 2
    expect_err "$message"
    end "bad-j-exits-2: $args"
done <<'EOF2'
-j 0|-j wants a number of processes from 1 to 256, not '0'
-j x|-j wants a number of processes from 1 to 256, not 'x'
-j 2 -D|-j runs each trace in a child process; leave out -D
EOF2

# ---- The status line -----------------------------------------------------------------

# 3000 mallocs under slow.c (every 1000th sleeps 0.6 s): checking takes
# over a second, long enough for the status line.
awk 'BEGIN { n = 3000; print 1; print n; print 2 * n; print 16 * n
             for (i = 0; i < n; i++) print "a " i " 16"
             for (i = 0; i < n; i++) print "f " i }' >"$tmp/long.rep"
esc=$(printf '\033')

begin
run "$B/mdriver-slow" -f "$tmp/long.rep" -s 60
expect_status 0
expect_no_err "long.rep [mm]"
expect_no_err "$esc"
expect_empty_err
end "no-status-line-into-a-file"

begin
"$B/mdriver-slow" -f "$tmp/long.rep" -s 60 2>&1 | cat >"$tmp/piped"
grep -q "long.rep \[mm\]" "$tmp/piped" && note "a status line went into a pipe"
grep -q "$esc" "$tmp/piped" && note "an escape sequence went into a pipe"
end "no-status-line-into-a-pipe"

if ! command -v script >/dev/null 2>&1; then
    echo "skip status-line-on-a-terminal: no script(1) (util-linux) to make a terminal"
else
    begin
    # script runs the driver on a pseudo-terminal and copies what it shows.
    script -qc "$B/mdriver-slow -v -f $tmp/long.rep -s 60" /dev/null >"$tmp/tty" 2>&1
    grep -q "long.rep \[mm\] checking [0-9]*/6000 ops, [0-9.]* s" "$tmp/tty" ||
        note "no status line 'long.rep [mm] checking N/6000 ops, S s'"
    grep -q "${esc}\[K" "$tmp/tty" || note "the status line was not cleared"
    # Cleared before the table: its rows start their lines.
    tr '\r' '\n' <"$tmp/tty" | grep -q '^long\.rep  *yes ' || note "no table row for long.rep"
    end "status-line-on-a-terminal-then-cleared"

    begin
    script -qc "$B/mdriver-slow -q -v -f $tmp/long.rep -s 60" /dev/null >"$tmp/tty-q" 2>&1
    grep -q "long.rep \[mm\]" "$tmp/tty-q" && note "-q still showed a status line"
    grep -q "$esc" "$tmp/tty-q" && note "-q still wrote an escape sequence"
    grep -q '^long\.rep  *yes ' "$tmp/tty-q" || note "no table row for long.rep"
    end "q-silences-the-status-line"

    begin
    script -qc "$B/mdriver-slow -j 2 -f $tmp/long.rep -f $tmp/long.rep -s 60" /dev/null \
        >"$tmp/tty-j" 2>&1
    grep -q "long.rep \[mm\] checking [0-9]*/6000 ops, [0-9.]* s (+1 more running)" \
        "$tmp/tty-j" || note "no status line with '(+1 more running)'"
    end "status-line-with-j-counts-the-others"
fi

summary

#!/bin/sh
# test_driver.sh - mdriver as its users meet it: every input error is
# refused before any allocator call, naming the file and line; bad flags
# get one line and the usage; valid traces pass under the reference mm.c
# and under correct but unusual allocators; each planted bug in
# tests/broken/ is caught with the right message at the right trace line;
# -p, -o, -l and -c do what the usage says.
#
# Run from the top folder, after make (tests/run.sh does both).

# shellcheck source=tests/lib.sh
. tests/lib.sh

T=tests/traces
B=tests/broken

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# ---- Helpers ---------------------------------------------------------------

# This script's own; run, begin, end and the other expect_ helpers are in
# tests/lib.sh.

# expect_err_starts TEXT: stderr's first line starts with TEXT.
expect_err_starts() {
    first=$(head -n 1 "$tmp/err")
    case "$first" in
        "$1"*) ;;
        *) note "stderr starts '$first', not '$1'" ;;
    esac
}
# expect_err_lines N: stderr has N lines.
expect_err_lines() {
    n=$(wc -l <"$tmp/err")
    [ "$n" -eq "$1" ] || note "stderr has $n lines, expected $1"
}

for prog in ./mdriver $B/mdriver-correct; do
    [ -x "$prog" ] || give_up "drivers-are-built" "no $prog: run make test"
done

# The valid traces here: every one not named bad-*.
valid=""
for f in "$T"/*.rep; do
    case "${f##*/}" in
        bad-*) ;;
        *) valid="$valid $f" ;;
    esac
done
# -f before each.
valid_args=""
for f in $valid; do
    valid_args="$valid_args -f $f"
done

# ---- Input errors: refused, named, and nothing run ------------------------

# NAME|LINE|PHRASE: tests/traces/NAME.rep must be refused with
# "tests/traces/NAME.rep:LINE: ..." holding PHRASE.
cat >"$tmp/bad" <<'EOF'
bad-unknown-op|6|unknown operation 'x'
bad-missing-field|6|'a 1' is missing its size in bytes
bad-extra-field|6|extra field '16' after 'f 0'
bad-negative|6|size '-32' is negative
bad-not-number|6|size '32k' is not a number
bad-overflow|6|size '18446744073709551616' is too large
bad-id-range|6|block id 2 is out of range
bad-free-unallocated|6|free of block id 1, which has not been allocated
bad-double-free|7|free of block id 0, which was already freed at line 6
bad-realloc-freed|7|realloc of block id 0, which was already freed at line 6
bad-alloc-live|6|block id 0 is allocated again while live
bad-alloc-after-free|7|block id 0 is allocated again after its free at line 6
bad-realloc-zero|6|realloc to 0 bytes
bad-short-header|3|file ends inside the header
bad-header-two-numbers|2|holds '2 3 ...': expected one number
bad-op-count|3|the header says 4 operations, but the trace has 3
bad-ids-unused|2|the header declares 3 ids, but the largest id used is 1
bad-ids-over-ops|2|more than the 3 operations could allocate
bad-weight|4|neither a classic weight
bad-empty|1|empty file
bad-nul|6|byte 0x00 in column 3
bad-high-byte|5|byte 0x80 in column 7
bad-long-line|5|longer than any trace line may be
EOF

bad_args=""
while IFS='|' read -r name line phrase; do
    bad_args="$bad_args -f $T/$name.rep"
    begin
    run ./mdriver -v -f "$T/$name.rep"
    expect_status 2
    expect_err_starts "$T/$name.rep:$line: "
    expect_err "$phrase"
    # The parser's one line, and nothing from a replay.
    expect_err_lines 1
    expect_out "not run: the trace has an input error"
    end "input-error-$name-is-refused-at-line-$line"
done <"$tmp/bad"

# A new bad trace must get its line in the table above.
begin
for f in "$T"/bad-*.rep; do
    name=${f##*/}
    grep -q "^${name%.rep}|" "$tmp/bad" || note "$f is in no test"
done
end "every-bad-trace-is-tested"

# With mm_init failing, any allocator call would show as a FAIL: there is
# none, only the parser's messages, one per trace.
begin
# shellcheck disable=SC2086 # the arguments are split on purpose
run $B/mdriver-init-fails $bad_args
expect_status 2
expect_no_err "FAIL"
expect_no_err "mm_init"
expect_err_lines "$(wc -l <"$tmp/bad")"
end "input-errors-call-no-allocator"

begin
run ./mdriver -f $T/no-such.rep
expect_status 2
expect_err "cannot open trace '$T/no-such.rep': No such file or directory"
expect_err_lines 1
end "missing-trace-exits-2"

begin
run ./mdriver -f $T
expect_status 2
expect_err "cannot read trace '$T': it is a directory"
end "directory-as-trace-exits-2"

# The good traces around a bad one still run, and pass; the exit status
# still tells of the input error.
begin
run ./mdriver -v -f $T/ops.rep -f $T/bad-double-free.rep -f $T/classic.rep
expect_status 2
expect_row '^ops\.rep +yes '
expect_row '^classic\.rep +yes '
expect_row '^bad-double-free\.rep .*not run: the trace has an input error'
expect_err "$T/bad-double-free.rep:7: "
expect_err_lines 1
end "bad-trace-among-good-ones-runs-the-good-ones-and-exits-2"

# ---- Flags -------------------------------------------------------------------

# ARGS|MESSAGE: mdriver ARGS must exit 2, print "mdriver: MESSAGE..." as
# its first line on stderr, then the usage, and nothing on stdout.
cat >"$tmp/flags" <<'EOF'
-z|unknown option -z
-f|option -f needs an argument
-M 12Q|-M wants a size in bytes
-M 0|-M wants a size in bytes
-s abc|-s wants a positive number of seconds
-s -1|-s wants a positive number of seconds
-p worst|mm.c does not know placement policy 'worst'
stray|unexpected argument 'stray'
-f tests/traces/ops.rep stray|unexpected argument 'stray'
EOF
while IFS='|' read -r args message; do
    begin
    # shellcheck disable=SC2086 # the arguments are split on purpose
    run ./mdriver $args
    expect_status 2
    expect_err_starts "mdriver: $message"
    sed -n 2p "$tmp/err" | grep -q '^usage: ' || note "the usage does not follow the message"
    expect_empty_out
    end "bad-flag-'$args'-exits-2-with-one-line-and-usage"
done <"$tmp/flags"

begin
run ./mdriver -h
expect_status 0
head -n 1 "$tmp/out" | grep -q '^usage: ' || note "stdout does not start with the usage"
for flag in -f -t -p -s -o -M -l -c -v; do
    grep -qE -- "^  $flag( |$)" "$tmp/out" || note "the usage does not explain $flag"
done
expect_empty_err
end "help-exits-0-with-usage-on-stdout"

# Flags that need an optional function mm.c lacks say so.
begin
run $B/mdriver-correct -p first -f $T/ops.rep
expect_status 2
expect_err "mdriver: -p needs mm_set_placement, which mm.c does not define"
end "p-without-mm_set_placement-exits-2"

begin
run $B/mdriver-correct -c -f $T/ops.rep
expect_status 2
expect_err "mdriver: -c needs mm_checkheap, which mm.c does not define"
end "c-without-mm_checkheap-exits-2"

# ---- Valid traces pass ---------------------------------------------------------

# passes_valid_traces NAME DRIVER: DRIVER -v passes every valid trace,
# with nothing on stderr.
passes_valid_traces() {
    begin
    # shellcheck disable=SC2086 # the arguments are split on purpose
    run "$2" -v $valid_args
    expect_status 0
    expect_empty_err
    for f in $valid; do
        expect_row "^${f##*/} +yes "
    done
    end "$1"
}

passes_valid_traces "reference-mm-passes-every-valid-test-trace" ./mdriver

# Ids 128 to 300 are reallocated: a driver keeping ids or their byte
# patterns in a signed char would see their data as wrong.
begin
run ./mdriver -v -f $T/ids-over-127.rep
expect_status 0
expect_row '^ids-over-127\.rep +yes '
expect_empty_err
end "reference-mm-passes-realloc-of-ids-over-127"

begin
run ./mdriver
expect_status 0
expect_no_err "FAIL"
expect_no_err "cannot"
end "reference-mm-passes-the-default-traces"

# A correct allocator handing out blocks from the top of the heap downward
# places each new block below every live one: it must pass.
for prog in correct top-down; do
    passes_valid_traces "correct-allocator-$prog-passes-every-valid-test-trace" "$B/mdriver-$prog"
done

# ---- Planted bugs are caught at the right line -----------------------------------

# NAME|TRACE|LINE|PHRASE[;PHRASE...]: tests/broken/mdriver-NAME on
# tests/traces/TRACE.rep must exit 1 with "FAIL [mm] FILE:LINE: " and each
# PHRASE on stderr (LINE "-": no line, the failure precedes the trace).
cat >"$tmp/broken" <<'EOF'
misaligned|ops|7|'a 2 4096': mm_malloc returned;not aligned to 16 bytes
outside-above|ops|6|'a 1 40': mm_malloc returned a 40-byte block;not inside the heap;past the heap's last byte
outside-below|ops|6|not inside the heap;64 bytes below the heap's first byte
outside-end|ops|6|not inside the heap;it ends 8 bytes past the heap's last byte
overlap-same|ops|6|for block 1, which overlaps live block 0
overlap-partial|ops|7|for block 2, which overlaps live block 1
contains|ops|7|for block 2, which overlaps live block 1
footer-below|ops|6|the data in block 0;changed during this operation;bytes 4088-4095 are wrong
free-writes-next|free|7|'f 0': the data in block 1;changed during this operation
free-writes-next|realloc-moves|9|'r 1 64': the data in block 2;changed during this operation
realloc-no-copy|ops|8|'r 1 400': mm_realloc moved block 1;did not keep its data
realloc-short-copy|ops|8|did not keep its data;bytes 8-
realloc-tail|ops|11|'r 2 8192': mm_realloc moved block 2;did not keep its data;byte 4095 is wrong
null-malloc|ops|9|'a 3 64': mm_malloc returned NULL
init-fails|ops|-|mm_init failed
EOF
while IFS='|' read -r name trace line phrases; do
    begin
    run "$B/mdriver-$name" -f "$T/$trace.rep"
    expect_status 1
    if [ "$line" = "-" ]; then
        expect_err "FAIL [mm] $T/$trace.rep: "
    else
        expect_err "FAIL [mm] $T/$trace.rep:$line: "
    fi
    expect_phrases "$phrases"
    end "broken-$name-fails-$trace-at-line-$line"
done <"$tmp/broken"

# Every broken allocator has its line above, or in a table of another
# test script, or is run by name there (correct ones are tested as passing,
# checkheap-false with -c).
begin
for f in "$B"/*.c; do
    name=${f##*/}
    name=${name%.c}
    case "$name" in
        correct | top-down | checkheap-false) continue ;;
    esac
    grep -qE -- "^$name\||mdriver-$name([^a-z0-9-]|\$)" tests/test_*.sh || note "$f is in no test"
done
end "every-broken-allocator-is-tested"

# ---- -c, -p, -l, -o -----------------------------------------------------------------

begin
run ./mdriver -c -f $T/ops.rep -f $T/classic.rep
expect_status 0
expect_empty_err
end "c-with-reference-mm-passes"

# mm_checkheap fails on its third call: after mm_init, line 5, line 6.
begin
run $B/mdriver-checkheap-false -c -f $T/ops.rep
expect_status 1
expect_err "FAIL [mm] $T/ops.rep:6: "
expect_err "mm_checkheap returned false after this operation"
expect_err "mm_checkheap: planted failure"
end "c-fails-the-trace-where-mm_checkheap-returns-false"

begin
run $B/mdriver-checkheap-false -f $T/ops.rep
expect_status 0
expect_empty_err
end "without-c-mm_checkheap-is-not-called"

begin
run ./mdriver -v -p first,next,best -f $T/ops.rep -f $T/classic.rep
expect_status 0
header=$(grep -E '\| *first +\|' "$tmp/out")
for p in first next best; do
    printf '%s\n' "$header" | grep -qE "\| *$p( |$)" || note "no column headed $p"
done
printf '%s\n' "$header" | grep -q 'libc' && note "libc shown without -l"
for name in ops.rep classic.rep; do
    row=$(grep -E "^$name " "$tmp/out")
    bars=$(printf '%s' "$row" | tr -cd '|' | wc -c)
    [ "$bars" -eq 3 ] || note "the $name row has $bars columns, not 3: '$row'"
done
end "p-prints-one-column-per-policy"

# libc's utilization does not apply: "n/a", never 0.
begin
run ./mdriver -v -l -f $T/ops.rep -f $T/classic.rep
expect_status 0
grep -qE '\| *libc' "$tmp/out" || note "no libc column"
for name in ops.rep classic.rep Total; do
    libc=$(grep -E "^$name " "$tmp/out" | awk -F'|' '{print $NF}' | awk '{print $1}')
    [ "$libc" = "n/a" ] || note "libc's util for $name is '$libc', not n/a"
done
end "l-shows-libc-with-util-n/a"

csv=$tmp/r.csv
begin
run ./mdriver -l -p first,best -f $T/ops.rep -f $T/classic.rep -o "$csv"
expect_status 0
if [ ! -s "$csv" ]; then
    note "no CSV written"
else
    [ "$(head -n 1 "$csv")" = "trace,policy,valid,util,ops,secs,kops,spread,reps,heap,peak,internal,external,structure,growth,message" ] ||
        note "CSV header is '$(head -n 1 "$csv")'"
    rows=$(($(wc -l <"$csv") - 1))
    [ "$rows" -eq 6 ] || note "$rows CSV rows, expected 6 (2 traces x first, best, libc)"
    for name in ops.rep classic.rep; do
        for p in first best libc; do
            n=$(grep -c "^\"$name\",$p,1," "$csv")
            [ "$n" -eq 1 ] || note "$n valid rows for $name under $p, expected 1"
        done
    done
    bad=$(awk -F, 'NR > 1 && $2 != "libc" && ($4 == "" || $4 + 0 < 0 || $4 + 0 > 1) { print }
                   NR > 1 && $2 == "libc" && $4 != "" { print }' "$csv")
    [ -z "$bad" ] || note "util out of [0,1], or not empty for libc: $bad"
fi
end "o-writes-one-csv-row-per-trace-and-column"

summary

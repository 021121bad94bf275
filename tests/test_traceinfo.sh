#!/bin/sh
# test_traceinfo.sh - tools/traceinfo reports the figures worked out by hand
# below, rejects invalid traces with the parser's message, and agrees with
# the reference traces' published figures when those are at hand.
# Run from the top folder, after `make`.

. tests/lib.sh

ti=tools/traceinfo
dir=tests/traceinfo
ref=${REFERENCE_TRACES:-/work/shared/reference-traces}
out=$(mktemp) && err=$(mktemp) || exit 2
trap 'rm -f "$out" "$err"' EXIT

# run ARGS...: run traceinfo; its stdout goes to $out, stderr to $err and
# its exit status to $status.
run() {
    "$ti" "$@" >"$out" 2>"$err"
    status=$?
}

# value KEY: the value of the "KEY: value" line in $out, spaces squeezed.
value() {
    sed -n "s/^$1: *//p" "$out" | tr -s ' '
}

# expect NAME KEY WANT: the line for KEY says exactly WANT.
expect() {
    got=$(value "$2")
    if [ "$got" = "$3" ]; then
        pass "$1"
    else
        fail "$1" "$2: expected '$3'" "$2: got      '$got'"
    fi
}

# expect_status NAME WANT: the last run exited with WANT.
expect_status() {
    if [ "$status" -eq "$2" ]; then
        pass "$1"
    else
        fail "$1" "exit status $status, expected $2" "stderr: $(cat "$err")"
    fi
}

if [ ! -x "$ti" ]; then
    fail "traceinfo-is-built" "$ti is missing: run make first"
    summary
    exit
fi

# ---- mixed.rep: a 15-213 header, reallocs, a blank line in the body -------
#
#   op line  operation  live bytes  blocks  -a 16 -o 8: round_up(n + 8, 16)
#    1   5   a 0 10        10         1      32                   = 32
#    2   6   a 1 100      110         2      32 + 112             = 144
#        7   (blank)
#    3   8   r 0 30       130         2      48 + 112             = 160
#    4   9   a 2 1        131         3      48 + 112 + 16        = 176  <- both peaks
#    5  10   f 1           31         2      48 + 16              = 64
#    6  11   a 3 50        81         3      48 + 16 + 64         = 128
#    7  12   r 3 7         38         3      48 + 16 + 16         = 80
#    8  13   f 0            8         2
#    9  14   f 2            7         1
#   10  15   f 3            0         0
#
# Kinds: a 4, r 2, f 4. Request sizes (a and r) sorted: 1 7 10 30 50 100;
# lower median = the 3rd of 6 = 10 (the upper one would be 30).
# best util = 131 / 176 = 74.43%.
# With -a 8 -o 0 (round_up(n, 8)) the footprint after op 4 is
# 32 + 104 + 8 = 144, the most it gets: 131 / 144 = 90.97%.
run "$dir/mixed.rep"
expect_status "valid-trace-exits-0" 0
expect "format-and-weight-of-15213-header" "format" "15-213, weight 1 (util+tput)"
expect "counts-operations-by-kind" "operations" "10 (a 4, r 2, f 4)"
expect "counts-ids" "ids" "4"
expect "sizes-min-lower-median-max" "request sizes" "min 1, lower median 10, max 100 bytes"
expect "peak-names-operation-and-file-line" "peak live" "131 bytes, first after operation 4 (line 9)"
expect "live-blocks-at-peak-and-most" "live blocks" "3 at the peak; at most 3, first after operation 4 (line 9)"
expect "freed-trace-is-balanced" "balanced" "yes"
expect "footprint-rounds-size-plus-overhead" "footprint" "176 bytes at most (-a 16 -o 8), first after operation 4 (line 9)"
expect "best-util-default-align-and-overhead" "best util" "74.43% (peak live / footprint)"
run -a 8 -o 0 "$dir/mixed.rep"
expect "best-util-follows-a-and-o" "best util" "90.97% (peak live / footprint)"

# ---- unbalanced.rep: a classic header, the footprint peak elsewhere ------
#
#   op line  operation  live bytes  blocks  -a 16 -o 8   -a 64 -o 0
#    1   5   a 0 100      100  <-     1       112 <-       128
#    2   6   f 0            0         0         0            0
#    3   7   a 1 1          1         1        16           64
#    4   8   a 2 2          3         2        32          128
#    5   9   a 3 3          6         3 <-     48          192 <-
#    6  10   f 1            5         2        32          128
#
# Kinds: a 4, r 0, f 2. Sizes sorted: 1 2 3 100; lower median 2.
# Blocks 2 and 3 (2 + 3 = 5 bytes) are never freed.
# best util: 100 / 112 = 89.29% by default; 100 / 192 = 52.08% with -a 64 -o 0,
# where many small blocks outweigh the one large block of the payload peak.
run "$dir/unbalanced.rep"
expect_status "unbalanced-trace-is-valid" 0
expect "format-and-weight-of-classic-header" "format" "classic, weight 1 (util+tput)"
expect "counts-without-reallocs" "operations" "6 (a 4, r 0, f 2)"
expect "lower-median-of-even-count" "request sizes" "min 1, lower median 2, max 100 bytes"
expect "peak-on-first-operation" "peak live" "100 bytes, first after operation 1 (line 5)"
expect "most-blocks-after-the-peak" "live blocks" "1 at the peak; at most 3, first after operation 5 (line 9)"
expect "unfreed-blocks-are-reported" "balanced" "no: 2 blocks (5 bytes) still live at the end"
expect "best-util-with-peak-at-large-block" "best util" "89.29% (peak live / footprint)"
run -a 64 -o 0 "$dir/unbalanced.rep"
expect "footprint-peak-apart-from-payload-peak" "footprint" "192 bytes at most (-a 64 -o 0), first after operation 5 (line 9)"
expect "best-util-with-many-small-blocks" "best util" "52.08% (peak live / footprint)"

# ---- The table (-t) ----------------------------------------------------------
run -t "$dir/mixed.rep" "$dir/unbalanced.rep"
row=$(grep '^| mixed.rep ' "$out" | tr -s ' ')
want="| mixed.rep | 15-213 | 1 | 10 | 4 | 4 | 2 | 4 | 1 | 10 | 100 | 131 | 3 | yes | 74.43% |"
if [ "$status" -eq 0 ] && [ "$(wc -l <"$out")" -eq 4 ] && [ "$row" = "$want" ]; then
    pass "table-has-header-rule-and-a-row-per-trace"
else
    fail "table-has-header-rule-and-a-row-per-trace" "exit $status; expected a row '$want'" \
        "got:" "$(cat "$out")"
fi

# ---- Invalid traces ------------------------------------------------------------
# double-free.rep frees block 0 twice, at lines 6 and 7: the parser's message.
msg="$dir/double-free.rep:7: free of block id 0, which was already freed at line 6"
run "$dir/mixed.rep" "$dir/double-free.rep" "$dir/unbalanced.rep"
expect_status "invalid-trace-exits-2" 2
if [ "$(cat "$err")" = "$msg" ]; then
    pass "invalid-trace-prints-parser-message"
else
    fail "invalid-trace-prints-parser-message" "expected: $msg" "got:      $(cat "$err")"
fi
if [ "$(grep -c '^trace:' "$out")" -eq 2 ] && ! grep -q double-free "$out"; then
    pass "other-traces-still-reported"
else
    fail "other-traces-still-reported" "$(cat "$out")"
fi

run -q "$dir/mixed.rep" "$dir/unbalanced.rep"
if [ "$status" -eq 0 ] && [ ! -s "$out" ] && [ ! -s "$err" ]; then
    pass "quiet-prints-nothing-for-valid-traces"
else
    fail "quiet-prints-nothing-for-valid-traces" "exit $status" "$(cat "$out" "$err")"
fi
run -q "$dir/double-free.rep"
if [ "$status" -eq 2 ] && [ ! -s "$out" ] && [ "$(cat "$err")" = "$msg" ]; then
    pass "quiet-still-reports-invalid-trace"
else
    fail "quiet-still-reports-invalid-trace" "exit $status" "$(cat "$out" "$err")"
fi

# ---- Usage -------------------------------------------------------------------------
run -h
if [ "$status" -eq 0 ] && grep -q '^usage: ' "$out" && grep -q -- '-o OVERHEAD' "$out" &&
    [ ! -s "$err" ]; then
    pass "help-exits-0-with-usage-on-stdout"
else
    fail "help-exits-0-with-usage-on-stdout" "exit $status" "$(cat "$out" "$err")"
fi
run -x "$dir/mixed.rep"
if [ "$status" -eq 2 ] && [ ! -s "$out" ] && [ "$(head -n 1 "$err")" = "traceinfo: unknown option -x" ] &&
    sed -n 2p "$err" | grep -q '^usage: '; then
    pass "bad-flag-exits-2-with-usage-on-stderr"
else
    fail "bad-flag-exits-2-with-usage-on-stderr" "exit $status" "$(cat "$out" "$err")"
fi
run -a 24 "$dir/mixed.rep"
expect_status "alignment-not-power-of-two-exits-2" 2
run
expect_status "no-trace-exits-2" 2

# ---- The reference traces, when at hand ------------------------------------------------
# Their figures are read from the reference README at run time, not copied here:
# the README asks that no data derived from those traces enter the project.

# ref_figure TRACE COLUMN: the cell of the README's cmu-classic table.
ref_figure() {
    awk -F'|' -v trace="$1" -v col="$2" '
        function trim(s) { gsub(/^ +| +$/, "", s); return s }
        /^### / { classic = ($0 ~ /cmu-classic/); c = 0; next }
        classic && trim($2) == "trace" {
            for (i = 2; i < NF; i++) if (trim($i) == col) c = i
            next
        }
        classic && c && trim($2) == trace { print trim($c); exit }
    ' "$ref/README.md"
}

if [ ! -f "$ref/README.md" ] || [ ! -d "$ref/cmu-classic" ]; then
    echo "skip reference-traces: no $ref (set REFERENCE_TRACES to its folder)"
else
    for name in amptjp-bal realloc-bal; do
        run "$ref/cmu-classic/$name.rep"
        ops=$(value operations | cut -d' ' -f1)
        peak=$(value "peak live" | cut -d' ' -f1)
        blocks=$(value "live blocks" | sed -n 's/.*at most \([0-9]*\).*/\1/p')
        median=$(value "request sizes" | sed -n 's/.*lower median \([0-9]*\).*/\1/p')
        got="ops $ops, peak live $peak, peak blocks $blocks, median $median"
        want="ops $(ref_figure $name ops), peak live $(ref_figure $name 'peak live bytes')"
        want="$want, peak blocks $(ref_figure $name 'peak blocks'), median $(ref_figure $name 'median size')"
        if [ "$status" -eq 0 ] && [ "$got" = "$want" ]; then
            pass "agrees-with-reference-readme-$name"
        else
            fail "agrees-with-reference-readme-$name" "exit $status" "README:    $want" \
                "traceinfo: $got"
        fi
    done
fi

summary

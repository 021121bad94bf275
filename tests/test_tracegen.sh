#!/bin/sh
# test_tracegen.sh - tools/tracegen and the traces in traces/: the generator
# is deterministic, writes only valid balanced traces and exits as its usage
# says; every committed synthetic trace is exactly the output of its command
# in tools/traces.list; the hand-written traces are valid, balanced and tiny.
#
# Run from the top folder, after make (tests/run.sh does both).

# shellcheck source=tests/lib.sh
. tests/lib.sh

gen=tools/tracegen
list=tools/traces.list
patterns="uniform bimodal coalesce realloc-grow phases heavy-tail"
handwritten="coalesce-none coalesce-next coalesce-prev coalesce-both split no-split
             realloc-shrink realloc-grow"

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# note LINE: add a line to $problems, the details of the test under way.
note() {
    problems="${problems:+$problems
}$1"
}

if [ ! -x "$gen" ]; then
    fail "tracegen-is-built" "no $gen: run make first"
    summary
    exit
fi

# check_trace FILE [strict]: check a trace independently of the driver's
# parser. Always: four header numbers; every operation line well formed;
# ids below the count, the largest being count - 1; each id allocated
# once; realloc (never to 0 bytes) and free only of live ids; as many
# operations as line 3 says; line 4 the peak live payload with a 15-213
# weight (0-3) on line 1, or else a classic weight (0 or 1). With "strict",
# also the rules of this project's own traces: the 15-213 header, no blank
# lines, ids dense from 0, no request for 0 bytes, and every block freed
# by the end. Prints "OPS IDS PEAK" or, at the first problem,
# "FILE:LINE: what is wrong" and returns 1. (awk counts in doubles: sums
# are exact below 2^53 bytes, far above any trace here.)
check_trace() {
    awk -v strict="${2:-}" '
    function bad(msg) { print FILENAME ":" FNR ": " msg; err = 1; exit 1 }
    NF == 0 {
        if (strict != "") bad("blank line")
        next
    }
    nh < 4 {
        if ($0 !~ /^[ \t]*[0-9]+[ \t\r]*$/) bad("header line " nh + 1 " is not one number")
        h[++nh] = $1 + 0
        next
    }
    {
        ops++
        if (NF < 2 || $2 !~ /^(0|[1-9][0-9]*)$/) bad("bad operation \"" $0 "\"")
        id = $2
        if ($1 == "a" && NF == 3 && $3 ~ /^[0-9]+$/) {
            if (id in state) bad("id " id " is allocated twice")
            if (strict != "" && $3 + 0 == 0) bad("a request for 0 bytes")
            state[id] = 1; size[id] = $3 + 0; live += $3; nlive++; nids++
        } else if ($1 == "r" && NF == 3 && $3 ~ /^0*[1-9][0-9]*$/) {
            if (!(id in state) || state[id] != 1) bad("realloc of id " id ", which is not live")
            live += $3 - size[id]; size[id] = $3 + 0
        } else if ($1 == "f" && NF == 2) {
            if (!(id in state) || state[id] != 1) bad("free of id " id ", which is not live")
            state[id] = 2; live -= size[id]; nlive--
        } else {
            bad("bad operation \"" $0 "\"")
        }
        if (id + 0 > maxid) maxid = id + 0
        if (live > peak) peak = live
    }
    END {
        if (err) exit 1
        if (nh < 4) bad("fewer than 4 header lines")
        if (ops != h[3]) bad("the header says " h[3] " operations, the body has " ops)
        if (maxid + 1 != h[2] || h[2] > ops || (strict != "" && nids != h[2]))
            bad("the header says " h[2] " ids, the body allocates " nids " (largest " maxid ")")
        cmu = h[1] <= 3 && h[4] == peak
        if (strict != "" && !cmu) {
            if (h[1] > 3) bad("weight " h[1] " is not 0-3")
            bad("the header says peak " h[4] ", the body reaches " peak)
        }
        if (!cmu && h[4] > 1)
            bad("line 4 is " h[4] ": neither a classic weight nor the peak, " peak)
        if (strict != "" && nlive != 0) bad(nlive " blocks are still live at the end")
        printf "%.0f %.0f %.0f\n", ops, nids, peak
    }' "$1"
}

# ---- The trace checker ------------------------------------------------------

# The checker must catch what it is there to catch, or its passes mean
# nothing: each broken trace below must be refused, the good one accepted.
problems=""
good="a 0 10\na 1 20\nr 0 30\nf 1\nf 0"
for broken in "1\n2\n5\n49\n$good"       "1\n2\n4\n50\n$good"       \
              "1\n3\n5\n50\n$good"       "4\n2\n5\n50\n$good"       \
              "1\n2\n5\n50\na 0 10\na 1 20\nr 0 30\nf 1\nf 1" \
              "1\n2\n5\n40\na 0 10\na 0 20\nr 0 30\nf 1\nf 0" \
              "1\n2\n5\n50\na 0 10\na 1 20\nr 0 30\nf 1\nx 0" \
              "1\n2\n5\n50\na 0 10\na 1 0\nr 0 30\nf 1\nf 0" \
              "1\n2\n4\n50\na 0 10\na 1 20\nr 0 30\nf 1"; do
    printf '%b\n' "$broken" >"$tmp/broken.rep"
    if check_trace "$tmp/broken.rep" strict >/dev/null; then
        note "accepted: $(tr '\n' ' ' <"$tmp/broken.rep")"
    fi
done
printf '%b\n' "1\n2\n5\n50\n$good" >"$tmp/good.rep"
res=$(check_trace "$tmp/good.rep" strict) || note "refused a good trace: $res"
if [ -z "$problems" ]; then
    pass "trace-checker-refuses-broken-traces"
else
    fail "trace-checker-refuses-broken-traces" "$problems"
fi

# The synthetic traces' list without comments and blank lines: "FILE ARGS".
sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$list" >"$tmp/list"

# ---- Usage and exit status ------------------------------------------------

"$gen" -h >"$tmp/out" 2>"$tmp/err"
status=$?
missing=""
for word in $patterns -p -n -l -m -M -r -s -w -o -h; do
    grep -q -e " $word" "$tmp/out" || missing="$missing $word"
done
if [ "$status" -eq 0 ] && [ ! -s "$tmp/err" ] && [ -z "$missing" ]; then
    pass "help-lists-every-pattern-and-option-and-exits-0"
else
    fail "help-lists-every-pattern-and-option-and-exits-0" "exit $status" \
        "missing:$missing" "stderr: $(cat "$tmp/err")"
fi

# expect_usage_error NAME WANTED-MESSAGE ARGS...: exit 2, nothing on stdout,
# the message on stderr's first line and the usage after it.
expect_usage_error() {
    name=$1 want=$2
    shift 2
    "$gen" "$@" >"$tmp/out" 2>"$tmp/err"
    status=$?
    first=$(head -n 1 "$tmp/err")
    case "$first" in
        *"$want"*) message_ok=yes ;;
        *) message_ok=no ;;
    esac
    if [ "$status" -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$message_ok" = yes ] &&
        sed -n 2p "$tmp/err" | grep -q '^usage:'; then
        pass "$name"
    else
        fail "$name" "tracegen $*: exit $status (expected 2)" \
            "stderr line 1: $first (expected: ...$want...)"
    fi
}

expect_usage_error "bad-flag-exits-2" "unknown option '-x'" -p uniform -x
expect_usage_error "missing-pattern-exits-2" "no pattern given" -n 100
expect_usage_error "unknown-pattern-exits-2" "unknown pattern 'zigzag'" -p zigzag
expect_usage_error "non-number-exits-2" "'-n' wants a number" -p uniform -n 12k
expect_usage_error "number-out-of-range-exits-2" "'-r' wants a number" -p uniform -r 101
expect_usage_error "missing-value-exits-2" "'-s' needs a value" -p uniform -s
expect_usage_error "stray-argument-exits-2" "unexpected argument 'uniform'" uniform
expect_usage_error "min-above-max-exits-2" "-m 100 is above -M 50" -p uniform -m 100 -M 50
expect_usage_error "realloc-share-on-pattern-without-reallocs-exits-2" "makes no reallocs" \
    -p bimodal -r 10
expect_usage_error "overlapping-bimodal-classes-exit-2" "size classes would overlap" \
    -p bimodal -m 100 -M 200

"$gen" -p uniform -n 10 -o "$tmp/no-such-folder/x.rep" >"$tmp/out" 2>"$tmp/err"
status=$?
if [ "$status" -eq 1 ] && grep -q "cannot open '$tmp/no-such-folder/x.rep'" "$tmp/err"; then
    pass "unwritable-output-exits-1"
else
    fail "unwritable-output-exits-1" "exit $status (expected 1)" "stderr: $(cat "$tmp/err")"
fi

# ---- Determinism -----------------------------------------------------------

for p in $patterns; do
    "$gen" -p "$p" -s 7 >"$tmp/a.rep" && "$gen" -p "$p" -s 7 -o "$tmp/b.rep"
    if cmp -s "$tmp/a.rep" "$tmp/b.rep" && [ -s "$tmp/a.rep" ]; then
        pass "same-command-same-bytes-$p"
    else
        fail "same-command-same-bytes-$p" "two runs of 'tracegen -p $p -s 7' differ"
    fi
    "$gen" -p "$p" -s 8 >"$tmp/c.rep"
    if cmp -s "$tmp/a.rep" "$tmp/c.rep"; then
        fail "different-seed-different-bytes-$p" "-s 7 and -s 8 wrote the same trace"
    else
        pass "different-seed-different-bytes-$p"
    fi
done

# ---- Every generated trace is valid and balanced ---------------------------

# Parameter sets that reach the corners: tiny and odd budgets, a live set
# of 1, equal min and max, the largest sizes, every step a realloc.
for p in $patterns; do
    for n in 2 3 17 1000 1001; do
        for l in 1 2 50; do
            case "$p" in
                bimodal)
                    for m in "1 4" "16 1024" "3 2147483647"; do
                        echo "-p $p -n $n -l $l -m ${m% *} -M ${m#* } -s $n$l"
                    done ;;
                coalesce)
                    for m in "1 1" "1 4096" "3 2147483647"; do
                        echo "-p $p -n $n -l $l -m ${m% *} -M ${m#* } -s $n$l"
                    done ;;
                *)
                    for m in "1 1" "1 4096" "3 2147483647"; do
                        for r in 0 30 100; do
                            echo "-p $p -n $n -l $l -m ${m% *} -M ${m#* } -r $r -s $n$l"
                        done
                    done ;;
            esac
        done
    done
done >"$tmp/corners"

problems=""
while read -r args; do
    # shellcheck disable=SC2086 # the arguments split on purpose
    set -- $args
    n=$4
    if ! "$gen" "$@" >"$tmp/g.rep" 2>"$tmp/err"; then
        note "tracegen $args: $(head -n 1 "$tmp/err")"
    elif ! res=$(check_trace "$tmp/g.rep" strict); then
        note "tracegen $args: $res"
    elif [ "${res%% *}" -ne "$n" ] && [ "${res%% *}" -ne $((n - 1)) ]; then
        note "tracegen $args: ${res%% *} operations, expected $n or $((n - 1))"
    fi
done <"$tmp/corners"
if [ -z "$problems" ]; then
    pass "generated-traces-are-valid-and-balanced"
else
    fail "generated-traces-are-valid-and-balanced" "$problems"
fi

# Without reallocs each block costs exactly 2 operations: an even budget is
# met exactly, an odd one rounds down.
problems=""
for p in $patterns; do
    case "$p" in bimodal | coalesce) r="" ;; *) r="-r 0" ;; esac
    for n in 1000 1001; do
        # shellcheck disable=SC2086
        "$gen" -p "$p" -n "$n" $r >"$tmp/g.rep"
        res=$(check_trace "$tmp/g.rep" strict)
        ops=${res%% *}
        [ "$ops" = $((n / 2 * 2)) ] || note "tracegen -p $p -n $n $r: $ops operations"
    done
done
if [ -z "$problems" ]; then
    pass "budget-without-reallocs-is-exact-when-even"
else
    fail "budget-without-reallocs-is-exact-when-even" "$problems"
fi

# ---- The committed traces ------------------------------------------------------

while read -r name args; do
    # shellcheck disable=SC2086 # the arguments split on purpose
    set -- $args
    if ! "$gen" "$@" -o "$tmp/$name" 2>"$tmp/err"; then
        fail "committed-$name-is-its-command-output" "tools/tracegen $*: $(cat "$tmp/err")"
    elif ! cmp -s "$tmp/$name" "traces/$name"; then
        fail "committed-$name-is-its-command-output" \
            "traces/$name differs from the output of 'tools/tracegen $*': run make traces"
    else
        pass "committed-$name-is-its-command-output"
    fi
    if res=$(check_trace "traces/$name" strict); then
        pass "committed-$name-is-valid-and-balanced"
    else
        fail "committed-$name-is-valid-and-balanced" "$res"
    fi
done <"$tmp/list"

# The README quotes each command; a command changed in the list must be
# changed there too.
problems=""
while read -r name args; do
    # shellcheck disable=SC2086
    set -- $args
    command="tools/tracegen $* -o traces/$name"
    grep -qF "$command" traces/README.md 2>/dev/null || note "not in traces/README.md: $command"
done <"$tmp/list"
if [ -z "$problems" ]; then
    pass "readme-quotes-every-command-in-the-list"
else
    fail "readme-quotes-every-command-in-the-list" "$problems"
fi

for t in $handwritten; do
    if res=$(check_trace "traces/$t.rep" strict); then
        ops=${res%% *}
        if [ "$ops" -ge 5 ] && [ "$ops" -le 30 ]; then
            pass "handwritten-$t-is-valid-balanced-and-tiny"
        else
            fail "handwritten-$t-is-valid-balanced-and-tiny" "$ops operations (expected 5-30)"
        fi
    else
        fail "handwritten-$t-is-valid-balanced-and-tiny" "$res"
    fi
done

# Every trace config.h names must be in traces/ and valid (recorded traces
# need not be balanced: a program may end with blocks still live).
names=$(sed -n '/^#define DEFAULT_TRACES/,/^#endif/p' config.h | grep -o '"[^"]*"' | tr -d '"')
problems=""
for t in $names; do
    res=$(check_trace "traces/$t" 2>&1) || note "$res"
done
if [ -n "$names" ] && [ -z "$problems" ]; then
    pass "default-traces-exist-and-are-valid"
else
    fail "default-traces-exist-and-are-valid" "${problems:-no DEFAULT_TRACES in config.h}"
fi

summary

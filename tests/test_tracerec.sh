#!/bin/sh
# test_tracerec.sh - tracerec turns a real program's allocation calls into a
# valid, balanced trace: every kind of call, threads, fork and exec, start-up
# and recursion inside the shim, the -n cap, and a few real programs. Also
# checks the recorded traces that tools/recorded-traces.txt lists.
#
# Run from the top folder after `make`. The test programs in tests/tracerec/
# are compiled here with ${CC:-cc} (with -m32 in a 32-bit build).

. tests/lib.sh

tracerec=tools/tracerec
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

if [ ! -x "$tracerec" ] || [ ! -f tools/tracerec_shim.so ]; then
    fail "tracerec-is-built" "tools/tracerec or tools/tracerec_shim.so is missing: run make"
    summary
    exit
fi

# A deadlock in the shim would hang the test: give each recording a limit.
if command -v timeout >/dev/null 2>&1; then
    limit="timeout 120"
else
    limit=
fi

# rec NAME [TRACEREC-ARGS...]: record into $tmp/NAME.rep; the exit status
# goes to $status, stderr to $tmp/NAME.err, stdout to $tmp/NAME.out. The
# shim runs the self-tests that $selftest lists.
selftest=
rec() {
    name=$1
    shift
    TRACEREC_SHIM_SELFTEST=$selftest $limit "$tracerec" -o "$tmp/$name.rep" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    status=$?
}

# check_trace FILE: print what makes FILE other than a valid, balanced
# 15-213 trace of weight 1 (counts and peak as the body computes them, each
# id allocated once and freed once, no operation on a dead id); fail if so.
check_trace() {
    awk '
    function bad(msg) { printf "%s:%d: %s\n", FILENAME, FNR, msg; err = 1; exit 1 }
    FNR <= 4 {
        if ($0 !~ /^[0-9]+$/) bad("header line is not a number: \"" $0 "\"")
        hdr[FNR] = $0 + 0
        next
    }
    {
        ops++
        if ($1 == "a" || $1 == "r") { if (NF != 3 || $3 !~ /^[0-9]+$/) bad("malformed: " $0) }
        else if ($1 == "f") { if (NF != 2) bad("malformed: " $0) }
        else bad("unknown operation: " $0)
        if ($2 !~ /^[0-9]+$/ || $2 + 0 >= hdr[2]) bad("id out of range: " $0)
        id = $2 + 0
        if ($1 == "a") {
            if (id in born) bad("id allocated twice: " $0)
            born[id] = 1; nborn++; live[id] = $3 + 0; sum += $3
        } else if ($1 == "r") {
            if (!(id in live)) bad("realloc of a dead id: " $0)
            if ($3 + 0 == 0) bad("realloc to 0 bytes: " $0)
            sum += $3 - live[id]; live[id] = $3 + 0
        } else {
            if (!(id in live)) bad("free of a dead id: " $0)
            sum -= live[id]; delete live[id]
        }
        if (sum > peak) peak = sum
    }
    END {
        if (err) exit 1
        if (FNR < 4) { printf "%s: header has %d lines, not 4\n", FILENAME, FNR; exit 1 }
        if (hdr[1] != 1) { printf "%s: weight %d, not 1\n", FILENAME, hdr[1]; exit 1 }
        if (ops != hdr[3]) { printf "%s: header says %d ops, body has %d\n", FILENAME, hdr[3], ops; exit 1 }
        if (nborn != hdr[2]) { printf "%s: header says %d ids, body allocates %d\n", FILENAME, hdr[2], nborn; exit 1 }
        for (id in live) { printf "%s: id %d is never freed\n", FILENAME, id; exit 1 }
        if (peak != hdr[4]) { printf "%s: header says peak %d, body reaches %d\n", FILENAME, hdr[4], peak; exit 1 }
    }' "$1"
}

# expect_valid TEST FILE: pass TEST if FILE is a valid balanced trace that
# mdriver (when built) replays without error. mdriver is left out for
# traces of more than 100000 operations, which take it seconds.
expect_valid() {
    if ! why=$(check_trace "$2" 2>&1); then
        fail "$1" "$why"
    elif [ -x ./mdriver ] && [ "$(sed -n 3p "$2")" -le 100000 ] \
        && ! why=$(./mdriver -f "$2" 2>&1); then
        fail "$1" "mdriver -f $2 failed:" "$why"
    else
        pass "$1"
    fi
}

# count_allocs FILE SIZE: how many "a" lines of SIZE bytes FILE holds.
count_allocs() {
    awk -v size="$2" 'NR > 4 && $1 == "a" && $3 == size { n++ } END { print n + 0 }' "$1"
}

# ---- The command line ----------------------------------------------------

"$tracerec" -h >"$tmp/h.out" 2>"$tmp/h.err"
status=$?
if [ "$status" -eq 0 ] && head -n 1 "$tmp/h.out" | grep -q '^usage: tracerec' \
    && [ ! -s "$tmp/h.err" ]; then
    pass "help-goes-to-stdout-and-exits-0"
else
    fail "help-goes-to-stdout-and-exits-0" "exit $status" "$(cat "$tmp/h.out" "$tmp/h.err")"
fi

# usage_error TEST MESSAGE ARGS...: tracerec ARGS exits 2 with MESSAGE as
# its first line and the usage after it, all on stderr.
usage_error() {
    test=$1
    message=$2
    shift 2
    "$tracerec" "$@" >"$tmp/u.out" 2>"$tmp/u.err"
    status=$?
    if [ "$status" -eq 2 ] && [ "$(head -n 1 "$tmp/u.err")" = "$message" ] \
        && sed -n 2p "$tmp/u.err" | grep -q '^usage: tracerec' && [ ! -s "$tmp/u.out" ]; then
        pass "$test"
    else
        fail "$test" "exit $status, stderr:" "$(cat "$tmp/u.err")"
    fi
}

usage_error "unknown-flag-exits-2" "tracerec: unknown option '-x'" -x -o "$tmp/x.rep" -- true
usage_error "missing-output-exits-2" "tracerec: missing -o FILE" -- true
usage_error "missing-program-exits-2" "tracerec: no program to run" -o "$tmp/x.rep"
usage_error "flag-without-argument-exits-2" "tracerec: option '-o' needs an argument" -o
usage_error "zero-cap-exits-2" \
    "tracerec: -n needs a number of operations from 1 to 4294967295, not '0'" -n 0 -o "$tmp/x.rep" -- true
usage_error "negative-cap-exits-2" \
    "tracerec: -n needs a number of operations from 1 to 4294967295, not '-5'" -n -5 -o "$tmp/x.rep" -- true
usage_error "non-numeric-cap-exits-2" \
    "tracerec: -n needs a number of operations from 1 to 4294967295, not '12x'" -n 12x -o "$tmp/x.rep" -- true

rec missing -- "$tmp/no-such-program"
if [ "$status" -eq 127 ] && grep -q "cannot run '$tmp/no-such-program'" "$tmp/missing.err" \
    && [ ! -e "$tmp/missing.rep" ]; then
    pass "missing-program-exits-127-without-a-trace"
else
    fail "missing-program-exits-127-without-a-trace" "exit $status" "$(cat "$tmp/missing.err")"
fi

mkdir "$tmp/alone"
cp "$tracerec" "$tmp/alone/tracerec"
"$tmp/alone/tracerec" -o "$tmp/alone.rep" -- true 2>"$tmp/alone.err"
status=$?
if [ "$status" -eq 125 ] && grep -q "cannot find the shim '$tmp/alone/tracerec_shim.so'" "$tmp/alone.err"; then
    pass "shim-missing-next-to-tracerec-exits-125"
else
    fail "shim-missing-next-to-tracerec-exits-125" "exit $status" "$(cat "$tmp/alone.err")"
fi

# ---- The test programs ---------------------------------------------------

# -O0 -fno-builtin: compilers delete a malloc whose block is never used
# (clang does at -O2), and these programs count on every call being made.
# They are built for the word size of the lab's build (-m32 in a 32-bit
# one), since the shim can only be preloaded into programs of its own.
arch=$(build_arch_flags tools/tracerec)
built=yes
for prog in calls forks threads; do
    if ! ${CC:-cc} $arch -std=c11 -Wall -Wextra -Wpedantic -Werror -O0 -fno-builtin -pthread \
        -o "$tmp/$prog" "tests/tracerec/$prog.c" 2>"$tmp/cc.err"; then
        fail "test-program-$prog-compiles" "$(cat "$tmp/cc.err")"
        built=no
    fi
done
if [ "$built" = no ]; then
    summary
    exit
fi

# ---- Every kind of call ----------------------------------------------------

rec calls -- "$tmp/calls"
expect_valid "every-call-gives-a-valid-trace" "$tmp/calls.rep"

# One block of each marked size: malloc, calloc, posix_memalign,
# aligned_alloc, memalign, valloc, pvalloc, realloc(NULL, n), the block
# realloc(p, 0) frees, reallocarray, the leaked one.
wrong=
for size in 1001 1002 1003 1088 1005 1006 1007 1008 1009 1010 1099; do
    n=$(count_allocs "$tmp/calls.rep" $size)
    [ "$n" -eq 1 ] || wrong="$wrong $size:$n"
done
if [ -z "$wrong" ]; then
    pass "each-call-is-one-allocation-of-its-size"
else
    fail "each-call-is-one-allocation-of-its-size" "size:count$wrong"
fi

if [ "$(count_allocs "$tmp/calls.rep" 0)" -ge 1 ]; then
    pass "malloc-0-is-an-allocation-of-0"
else
    fail "malloc-0-is-an-allocation-of-0" "no 'a ID 0' line"
fi

# The next operation on the block of 1009 bytes after its allocation.
next_op() {
    awk -v size="$2" 'NR > 4 && $1 == "a" && $3 == size && !id { id = $2; next }
        id != "" && $2 == id { print $1 " " $3; exit }' "$1"
}
got=$(next_op "$tmp/calls.rep" 1009)
if [ "$got" = "f " ]; then
    pass "realloc-p-0-is-a-free"
else
    fail "realloc-p-0-is-a-free" "next operation on the block: '$got'"
fi

got=$(next_op "$tmp/calls.rep" 1008)
if [ "$got" = "r 2008" ]; then
    pass "realloc-is-a-realloc-of-the-same-id"
else
    fail "realloc-is-a-realloc-of-the-same-id" "next operation on the block: '$got'"
fi

if [ "$status" -eq 0 ] && grep -q '^tracerec: recorded .* (1 closing frees)' "$tmp/calls.err"; then
    pass "a-leaked-block-gets-a-closing-free"
else
    fail "a-leaked-block-gets-a-closing-free" "exit $status" "$(cat "$tmp/calls.err")"
fi

rec unknown -- "$tmp/calls" unknown
expect_valid "unknown-pointers-give-a-valid-trace" "$tmp/unknown.rep"
if [ "$(count_allocs "$tmp/unknown.rep" 1101)$(count_allocs "$tmp/unknown.rep" 1102)" = 00 ] \
    && [ "$(count_allocs "$tmp/unknown.rep" 1103)" -eq 1 ] \
    && grep -q '(1 free of unknown pointers)' "$tmp/unknown.err" \
    && grep -q '1 realloc of unknown pointers recorded as allocations' "$tmp/unknown.err"; then
    pass "unknown-free-is-dropped-and-unknown-realloc-is-an-allocation"
else
    fail "unknown-free-is-dropped-and-unknown-realloc-is-an-allocation" \
        "$(cat "$tmp/unknown.err")" "$(tail -n +5 "$tmp/unknown.rep")"
fi

# ---- Exit status -----------------------------------------------------------

rec exit3 -- sh -c 'exit 3'
if [ "$status" -eq 3 ]; then
    pass "exit-status-is-the-programs"
else
    fail "exit-status-is-the-programs" "exit $status" "$(cat "$tmp/exit3.err")"
fi
expect_valid "exiting-program-gives-a-valid-trace" "$tmp/exit3.rep"

rec killed -- "$tmp/calls" kill
if [ "$status" -eq 137 ] && grep -q "'$tmp/calls' was killed by signal 9" "$tmp/killed.err" \
    && [ "$(count_allocs "$tmp/killed.rep" 1201)" -eq 1 ]; then
    pass "killed-program-still-gives-its-calls"
else
    fail "killed-program-still-gives-its-calls" "exit $status" "$(cat "$tmp/killed.err")"
fi
expect_valid "killed-program-gives-a-valid-trace" "$tmp/killed.rep"

# ---- Threads ---------------------------------------------------------------

# Several runs: a logging order that breaks would show as a stale address
# (a warning) or an invalid trace, but not every time.
threads=8
iterations=5000
expected=$((threads * iterations))
for run in 1 2 3; do
    rec threads$run -- "$tmp/threads" $threads $iterations
    expect_valid "threads-give-a-valid-trace-run-$run" "$tmp/threads$run.rep"
    wrong=
    for base in 5000 6000 7000; do
        n=$(awk -v lo=$base 'NR > 4 && $1 != "f" && $3 >= lo && $3 < lo + 8 { n++ } END { print n + 0 }' \
            "$tmp/threads$run.rep")
        [ "$n" -eq "$expected" ] || wrong="$wrong $base:$n"
    done
    if [ "$status" -eq 0 ] && [ -z "$wrong" ] && ! grep -q warning "$tmp/threads$run.err" \
        && grep -q '^tracerec: dropped 0 of' "$tmp/threads$run.err"; then
        pass "threads-trace-holds-every-call-run-$run"
    else
        fail "threads-trace-holds-every-call-run-$run" "exit $status, sizes:counts$wrong (want $expected)" \
            "$(cat "$tmp/threads$run.err")"
    fi
done

# ---- Fork and exec -----------------------------------------------------------

rec forks -- "$tmp/forks" fork
expect_valid "forking-program-gives-a-valid-trace" "$tmp/forks.rep"
counts="$(count_allocs "$tmp/forks.rep" 3001) $(count_allocs "$tmp/forks.rep" 3002)"
counts="$counts $(count_allocs "$tmp/forks.rep" 3003) $(count_allocs "$tmp/forks.rep" 3004)"
if [ "$status" -eq 0 ] && [ "$counts" = "1 0 0 10" ]; then
    pass "fork-children-and-their-execs-are-not-recorded"
else
    fail "fork-children-and-their-execs-are-not-recorded" \
        "exit $status; allocations of 3001..3004: $counts (want 1 0 0 10)" "$(cat "$tmp/forks.err")"
fi

rec exec -- "$tmp/forks" exec
expect_valid "execing-program-gives-a-valid-trace" "$tmp/exec.rep"
got=$(tail -n +5 "$tmp/exec.rep" | tr '\n' ' ')
if [ "$status" -eq 0 ] && [ "$got" = "a 0 3101 f 0 a 1 3102 f 1 " ] \
    && grep -q "called exec 1 time;" "$tmp/exec.err"; then
    pass "exec-frees-the-old-image-blocks-and-records-the-new-image"
else
    fail "exec-frees-the-old-image-blocks-and-records-the-new-image" "exit $status; body: $got" \
        "$(cat "$tmp/exec.err")"
fi

# ---- The shim's own start-up and recursion -------------------------------------

selftest=bootstrap
rec bootstrap -- "$tmp/calls"
served=$(sed -n 's/^tracerec_shim: selftest: bootstrap served \([0-9]*\) calls, contents ok$/\1/p' \
    "$tmp/bootstrap.err")
if [ "$status" -eq 0 ] && [ "${served:-0}" -ge 5 ]; then
    pass "calls-during-start-up-are-served-from-the-bootstrap-buffer"
else
    fail "calls-during-start-up-are-served-from-the-bootstrap-buffer" "exit $status" \
        "$(cat "$tmp/bootstrap.err")"
fi
if cmp -s "$tmp/bootstrap.rep" "$tmp/calls.rep"; then
    pass "calls-during-start-up-are-not-recorded"
else
    fail "calls-during-start-up-are-not-recorded" "the trace differs from the plain run's"
fi

selftest=recursion
rec recursion -- "$tmp/calls"
if [ "$status" -eq 0 ] && cmp -s "$tmp/recursion.rep" "$tmp/calls.rep"; then
    pass "allocations-inside-the-logger-are-not-recorded"
else
    fail "allocations-inside-the-logger-are-not-recorded" "exit $status (124: a deadlock)" \
        "$(cat "$tmp/recursion.err")"
fi

selftest=recursion,bootstrap
rec recursion-threads -- "$tmp/threads" 4 2000
selftest=
if [ "$status" -eq 0 ] && [ "$(count_allocs "$tmp/recursion-threads.rep" 12345)" -eq 0 ]; then
    pass "allocations-inside-the-logger-do-not-deadlock-threads"
else
    fail "allocations-inside-the-logger-do-not-deadlock-threads" "exit $status (124: a deadlock)" \
        "$(cat "$tmp/recursion-threads.err")"
fi
expect_valid "recursion-threads-give-a-valid-trace" "$tmp/recursion-threads.rep"

# ---- The -n cap --------------------------------------------------------------

# Each allocation costs two operations (itself and its closing free), so a
# cap of 10 keeps the first five allocations of the plain run and frees them.
rec cap10 -n 10 -- "$tmp/calls"
expect_valid "capped-trace-is-valid" "$tmp/cap10.rep"
want="$(sed -n 5,9p "$tmp/calls.rep" | tr '\n' ' ')f 0 f 1 f 2 f 3 f 4 "
got=$(tail -n +5 "$tmp/cap10.rep" | tr '\n' ' ')
if [ "$got" = "$want" ] && grep -q 'after the -n cap' "$tmp/cap10.err"; then
    pass "cap-ends-the-trace-and-frees-what-is-live"
else
    fail "cap-ends-the-trace-and-frees-what-is-live" "want: $want" "got:  $got" "$(cat "$tmp/cap10.err")"
fi

rec cap-threads -n 1000 -- "$tmp/threads" 4 2000
ops=$(sed -n 3p "$tmp/cap-threads.rep")
if [ "$status" -eq 0 ] && [ "${ops:-0}" -le 1000 ] && [ "${ops:-0}" -ge 990 ]; then
    pass "cap-bounds-the-whole-trace"
else
    fail "cap-bounds-the-whole-trace" "exit $status, $ops operations for -n 1000" "$(cat "$tmp/cap-threads.err")"
fi
expect_valid "capped-threads-trace-is-valid" "$tmp/cap-threads.rep"

# ---- Real programs -------------------------------------------------------------

awk 'BEGIN { x = 12345; for (i = 0; i < 3000; i++) { x = (x * 1103515245 + 12345) % 2147483648; print x } }' \
    >"$tmp/numbers.txt"

# real NAME COMMAND...: record COMMAND if its program exists. A program
# built for another word size than tracerec (the system's, in a 32-bit
# build) cannot be recorded: tracerec must run it and say why it logged
# nothing.
own_bits=$(build_bits "$tracerec")

# program_bits FILE: the word size of the program FILE, or of the
# interpreter its #! line names; nothing when it cannot be told.
program_bits() {
    bits=$(build_bits "$1")
    if [ -z "$bits" ] && [ "$(head -c 2 "$1")" = '#!' ]; then
        bits=$(build_bits "$(head -n 1 "$1" | sed 's/^#![[:space:]]*//; s/[[:space:]].*//')")
    fi
    echo "$bits"
}

real() {
    prog=$1
    shift
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "skip real-$prog: no $1"
        return
    fi
    rec "real-$prog" -- "$@"
    prog_bits=$(program_bits "$(command -v "$1")")
    if [ -n "$prog_bits" ] && [ "$prog_bits" != "$own_bits" ]; then
        if [ "$status" -eq 0 ] && grep -q "nothing was logged: '$1'.* a $prog_bits-bit program and this tracerec is $own_bits-bit" "$tmp/real-$prog.err"; then
            pass "real-$prog-is-named-a-$prog_bits-bit-program-the-$own_bits-bit-tracerec-cannot-record"
        else
            fail "real-$prog-is-named-a-$prog_bits-bit-program-the-$own_bits-bit-tracerec-cannot-record" \
                "exit $status" "$(cat "$tmp/real-$prog.err")"
        fi
        expect_valid "real-$prog-gives-a-valid-trace" "$tmp/real-$prog.rep"
        return
    fi
    ops=$(sed -n 3p "$tmp/real-$prog.rep" 2>/dev/null)
    if [ "$status" -eq 0 ] && [ "${ops:-0}" -gt 0 ]; then
        pass "real-$prog-runs-and-records"
    else
        fail "real-$prog-runs-and-records" "exit $status, ${ops:-no} operations" "$(cat "$tmp/real-$prog.err")"
    fi
    expect_valid "real-$prog-gives-a-valid-trace" "$tmp/real-$prog.rep"
}

real sort sort -n "$tmp/numbers.txt"
real ls ls -l /usr/bin
real sed sed -n 's/\([0-9]\)\1/<&>/gp' "$tmp/numbers.txt"
real awk awk '{ s[$1 % 97] = s[$1 % 97] $1 } END { for (k in s) n += length(s[k]); print n }' "$tmp/numbers.txt"
real python3 python3 -c 'print(sorted(str(i * 7919 % 1000) for i in range(2000))[:3])'
real perl perl -e 'my %h; $h{$_ % 977} .= "x" for 1 .. 5000; print scalar(keys %h), "\n"'

# ---- Following children (-f, -P) ---------------------------------------------------

# count_in DIR SIZE: "N:M" for each trace in DIR with allocations of SIZE
# bytes, N its allocations of that size, M the trace's file name.
count_in() {
    for f in "$1"/*.rep; do
        [ -f "$f" ] || continue
        n=$(count_allocs "$f" "$2")
        [ "$n" -gt 0 ] && echo "$n:${f##*/}"
    done
}

# forks fork: the parent allocates 3001 and 3004 bytes, a child that exits
# 3002 (100 times), a child that execs the program again 3003 (100 times).
rm -rf "$tmp/followed"
"$tracerec" -f -o "$tmp/followed" -- "$tmp/forks" fork >"$tmp/followed.out" 2>"$tmp/followed.err"
status=$?
found="$(count_in "$tmp/followed" 3001) $(count_in "$tmp/followed" 3002)"
found="$found $(count_in "$tmp/followed" 3003) $(count_in "$tmp/followed" 3004)"
parent=$(count_in "$tmp/followed" 3001 | sed 's/^1://')
if [ "$status" -eq 0 ] && [ -n "$parent" ] &&
    [ "$(count_in "$tmp/followed" 3004)" = "10:$parent" ] &&
    count_in "$tmp/followed" 3002 | grep -q '^100:forks\.[0-9]*\.rep$' &&
    count_in "$tmp/followed" 3003 | grep -q '^100:forks\.[0-9]*\(\.2\)\{0,1\}\.rep$' &&
    [ "$(count_in "$tmp/followed" 3002 | wc -l)" -eq 1 ] &&
    [ "$(count_in "$tmp/followed" 3003 | wc -l)" -eq 1 ]; then
    pass "f-records-each-fork-child-and-exec-to-its-own-trace"
else
    fail "f-records-each-fork-child-and-exec-to-its-own-trace" \
        "exit $status; allocations of 3001..3004 by trace: $found" "$(ls "$tmp/followed")" \
        "$(cat "$tmp/followed.err")"
fi
for f in "$tmp"/followed/*.rep; do
    [ -f "$f" ] && expect_valid "followed-${f##*/}-is-valid" "$f"
done
grep -q "to '$tmp/followed/forks\.[0-9]*\.rep'" "$tmp/followed.err" &&
    pass "f-names-each-trace-in-its-report" ||
    fail "f-names-each-trace-in-its-report" "$(cat "$tmp/followed.err")"

# -P keeps only the named program's processes: under sh, not sh itself.
rm -rf "$tmp/only"
"$tracerec" -P forks -o "$tmp/only" -- sh -c "\"$tmp/forks\" fork; true" \
    >"$tmp/only.out" 2>"$tmp/only.err"
status=$?
if [ "$status" -eq 0 ] && ! ls "$tmp/only" | grep -qv '^forks\.' &&
    [ "$(count_in "$tmp/only" 3002 | wc -l)" -eq 1 ] &&
    [ "$(count_in "$tmp/only" 3001 | wc -l)" -eq 1 ]; then
    pass "P-records-only-the-named-program"
else
    fail "P-records-only-the-named-program" "exit $status" "$(ls "$tmp/only")" "$(cat "$tmp/only.err")"
fi

"$tracerec" -P no-such-program -o "$tmp/none" -- "$tmp/forks" fork >/dev/null 2>"$tmp/none.err"
status=$?
if [ "$status" -eq 0 ] && grep -q "no process was recorded: none ran a program named 'no-such-program'" \
    "$tmp/none.err" && [ -z "$(ls "$tmp/none")" ]; then
    pass "P-says-when-nothing-matched"
else
    fail "P-says-when-nothing-matched" "exit $status" "$(cat "$tmp/none.err")"
fi

"$tracerec" -P a/b -o "$tmp/bad" -- true >/dev/null 2>"$tmp/bad.err"
[ $? -eq 2 ] && grep -q "P needs a program's name such as cc1, not 'a/b'" "$tmp/bad.err" &&
    pass "P-with-a-path-is-a-usage-error" ||
    fail "P-with-a-path-is-a-usage-error" "$(cat "$tmp/bad.err")"

# The README's example: gcc's compiler proper, cc1, not the gcc driver. A
# tracerec of another word size than the system's compiler (a 32-bit build)
# cannot record it (real() above tests what it says then).
if ! command -v gcc >/dev/null 2>&1 || [ ! -x "$(gcc -print-prog-name=cc1)" ]; then
    echo "skip P-cc1-records-the-compiler-proper: no gcc with a cc1"
elif [ "$(program_bits "$(gcc -print-prog-name=cc1)")" != "$own_bits" ]; then
    echo "skip P-cc1-records-the-compiler-proper: cc1 is $(program_bits "$(gcc -print-prog-name=cc1)")-bit, this tracerec $own_bits-bit"
else
    printf 'int main(void) { return 0; }\n' >"$tmp/hello.c"
    rm -rf "$tmp/cc1"
    "$tracerec" -P cc1 -o "$tmp/cc1" -- gcc -c "$tmp/hello.c" -o "$tmp/hello.o" 2>"$tmp/cc1.err"
    status=$?
    got=$(ls "$tmp/cc1" 2>/dev/null)
    if [ "$status" -eq 0 ] && [ "$(echo "$got" | wc -l)" -eq 1 ] &&
        echo "$got" | grep -q '^cc1\.[0-9]*\.rep$' &&
        [ "$(sed -n 3p "$tmp/cc1/$got")" -gt 1000 ]; then
        pass "P-cc1-records-the-compiler-proper"
        expect_valid "cc1-trace-is-valid" "$tmp/cc1/$got"
    else
        fail "P-cc1-records-the-compiler-proper" "exit $status" "$got" "$(cat "$tmp/cc1.err")"
    fi
fi

# ---- The recorded traces ---------------------------------------------------------

# Each trace tools/recorded-traces.txt lists is committed and valid.
sed 's/#.*//' tools/recorded-traces.txt | while read -r file command; do
    [ -n "$file" ] || continue
    if [ -f "traces/$file" ]; then
        echo "pass"
    else
        echo "traces/$file is missing"
    fi
done >"$tmp/listed"
if [ ! -s "$tmp/listed" ] || grep -v '^pass$' "$tmp/listed" >/dev/null; then
    fail "recorded-traces-are-committed" "$(grep -v '^pass$' "$tmp/listed")"
else
    pass "recorded-traces-are-committed"
fi
for file in $(sed 's/#.*//' tools/recorded-traces.txt | awk 'NF { print $1 }'); do
    [ -f "traces/$file" ] && expect_valid "recorded-$file-is-valid" "traces/$file"
done

summary

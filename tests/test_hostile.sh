#!/bin/sh
# test_hostile.sh - the grading's integrity, proved by attacks: each file
# in tests/hostile/ attacks the grading one way, and each protection stops
# its attack, named, with the trace failed and the score 0; the honest
# controls (tests/hostile/honest-printf.c, the era-style submissions of
# tests/hostile/eras/) pass every rule and score exactly what a plain
# allocator scores. README.md's "What the lab guarantees to instructors"
# lists the protections; each section below tests one.
#
# Run from the top folder, after make (tests/run.sh does both).

# shellcheck source=tests/lib.sh
. tests/lib.sh

H=tests/hostile
SMALL=tests/grading/small.rep
TRACES="-f traces/uniform.rep -f $SMALL"

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

for d in "$H"/mdriver-*; do
    [ -x "$d" ] || give_up "hostile-drivers-are-built" "no $d: run make first"
done

# attacked NAME STATUS PHRASE: run NAME's driver on the traces with -g; it
# must exit with STATUS, stderr must hold PHRASE, and Autolab's line (the
# last) must score 0.
attacked() {
    run "$H/mdriver-$1" -g $TRACES
    expect_status "$2"
    expect_err "$3"
    tail -n 1 "$tmp/out" | grep -q '^{"scores": {"Performance index": 0.00}' ||
        note "the last line does not score 0: $(tail -n 1 "$tmp/out")"
}

# object NAME [CC-FLAGS...]: compile tests/hostile/NAME.c (or a path) to
# $tmp/NAME.o, as tools/grade builds a submission (no sanitizer).
object() {
    src=$1
    shift
    case $src in */*) ;; *) src=$H/$src.c ;; esac
    o=$tmp/$(basename "$src" .c).o
    ${CC:-cc} -std=gnu11 -O2 -I. -Idriver -D_DEFAULT_SOURCE "$@" -c -o "$o" "$src" \
        2>"$tmp/cc.err" || note "$src does not compile: $(cat "$tmp/cc.err")"
}

# refused NAME PHRASE...: tools/rulecheck refuses NAME's object, each
# PHRASE in its report.
refused() {
    name=$1
    shift
    object "$name"
    run sh tools/rulecheck "$tmp/$name.o"
    expect_status 1
    for phrase in "$@"; do
        expect_out "$phrase"
    done
}

# ---- 1. Utilization from the driver's own facts ---------------------------------

begin
attacked reset-heap 1 "mm.c called mem_reset_brk, which is the driver's, not the allocator's"
expect_no_err "utilization of"
end "1-mem-reset-brk-from-mm-c-fails-the-trace-named"

begin
refused reset-heap "uses 'mem_reset_brk', which the lab refuses: the driver's own memlib function"
end "1-rulecheck-refuses-the-drivers-memlib-functions"

# ---- 2. Symbols by allowlist, no hooks, no system calls, all data counted ------------

# The attack only the rule check can stop: nothing at run time tells a
# writable section with a name of its own from the allocator's code, and
# a global clock_gettime replaces the driver's own clock.
begin
refused section-data "holds 65" "'sizes' 65536 bytes" \
    "defines the global symbol 'clock_gettime': only the interface"
end "2-rulecheck-counts-custom-sections-and-refuses-a-libc-definition"

begin
refused forged-line "has a constructor or destructor (section '.init_array" \
    "has a constructor or destructor (section '.fini_array" \
    "uses 'atexit', which the lab refuses: code that runs when the driver ends"
end "2-rulecheck-refuses-constructors-destructors-and-atexit"

begin
refused file-io "uses 'open', which the lab refuses: files" "uses 'read', which the lab refuses: files"
refused fork "uses 'fork', which the lab refuses: processes" "uses 'getenv', which the lab refuses"
end "2-rulecheck-refuses-file-and-process-calls-by-name"

begin
case $(uname -m) in
    x86_64|i?86)
        refused asm-mmap "makes system calls itself (a 'syscall' instruction in" ;;
    *) echo "skip: the inline assembly is for x86" ;;
esac
end "2-rulecheck-finds-system-call-instructions"

# The controls: the honest allocator and every era's style pass.
begin
object honest-printf
run sh tools/rulecheck "$tmp/honest-printf.o"
expect_status 0
expect_empty_out
for era in "$H"/eras/*.c; do
    object "$era"
    run sh tools/rulecheck "$o"
    [ "$status" -eq 0 ] || note "$era is refused: $(cat "$tmp/out")"
    if [ "$(uname -m)" = x86_64 ] && echo 'int main(void){return 0;}' |
        ${CC:-cc} -m32 -x c -o "$tmp/m32" - 2>/dev/null; then
        object "$era" -m32 -fPIC
        run sh tools/rulecheck "$o"
        [ "$status" -eq 0 ] || note "$era, 32-bit, is refused: $(cat "$tmp/out")"
    fi
done
end "2-honest-submissions-of-every-era-pass-the-rules"

# ---- 3. The sandbox, and each run's own process group -------------------------------

# Where there is no sandbox (another architecture, a kernel without
# seccomp), the driver says so under -g, and these attacks are not stopped.
if ./mdriver -g -f "$SMALL" 2>&1 >/dev/null | grep -q 'runs without the sandbox'; then
    echo "skip sandbox tests: $(./mdriver -g -f "$SMALL" 2>&1 >/dev/null | grep 'without the sandbox')"
    no_sandbox=1
else
    no_sandbox=0
fi

# A sanitized driver allows mmap for the sanitizer's own memory
# (driver/sandbox.h): there the block outside the heap is caught instead.
sanitized=0
if nm ./mdriver 2>/dev/null | grep -q '__asan_init\|__tsan_init'; then
    sanitized=1
fi
if [ "$no_sandbox" -eq 0 ]; then
    begin
    attacked file-io 1 "mm.c made the system call open"
    expect_err "which the lab does not allow"
    end "3-file-io-from-mm-c-is-refused-named"

    begin
    case $(uname -m) in
        x86_64|i?86)
            if [ "$sanitized" -eq 1 ]; then
                attacked asm-mmap 1 "which is not inside the heap"
            else
                attacked asm-mmap 1 "mm.c made the system call mmap, which the lab does not allow"
            fi ;;
        *) echo "skip: the inline assembly is for x86" ;;
    esac
    end "3-an-inline-assembly-mmap-is-refused-named"

    begin
    attacked fork 1 "mm.c made the system call clone, which the lab does not allow"
    end "3-fork-from-mm-c-is-refused-named"
fi

# Without the sandbox (a driver built without it), the fork succeeds: the
# process it started must still die with its run.
begin
HOSTILE_PID_FILE=$tmp/pid run "$H/mdriver-fork-nosandbox" -f "$SMALL"
expect_status 0
pid=$(cat "$tmp/pid" 2>/dev/null)
if [ -z "$pid" ]; then
    note "the process mm_init started did not write its id"
else
    alive=1
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        kill -0 "$pid" 2>/dev/null || { alive=0; break; }
        sleep 0.2
    done
    if [ "$alive" -eq 1 ]; then
        note "process $pid, started by mm_init, outlived its run"
        kill "$pid" 2>/dev/null
    fi
fi
end "3-processes-mm-c-starts-die-with-its-run"

# The control: printf, assert, memset and a checker, under the sandbox, with
# and without -c, score exactly what the plain bump allocator scores.
begin
run tests/broken/mdriver-correct -v $TRACES
plain=$(grep -E '^(uniform|small)\.rep' "$tmp/out" | awk '{ print $1, $2, $3 }')
run "$H/mdriver-honest-printf" -v $TRACES
expect_status 0
expect_out "honest mm_init #1"
honest=$(grep -E '^(uniform|small)\.rep' "$tmp/out" | awk '{ print $1, $2, $3 }')
[ -n "$plain" ] && [ "$plain" = "$honest" ] ||
    note "the honest allocator scores '$honest', the plain one '$plain'"
run "$H/mdriver-honest-printf" -c -v $TRACES
expect_status 0
[ "$(grep -E '^(uniform|small)\.rep' "$tmp/out" | awk '{ print $1, $2, $3 }')" = "$plain" ] ||
    note "with -c, the honest allocator scores differently"
end "3-honest-printing-asserting-checking-allocator-is-untouched"

# -T writes its files from inside the sandbox (opened before it).
begin
run ./mdriver -T "$tmp/plots" -f "$SMALL"
expect_status 0
[ -s "$tmp/plots/timeline/small.mm.dat" ] || note "no timeline written under the sandbox"
end "3-the-sandbox-leaves-T-its-files"

# ---- 4. The timed replays are the replay that was checked ------------------------------

begin
attacked timed-switch 1 "mm.c placed blocks differently when timed than when checked (first difference at operation 1"
expect_err "be deterministic"
end "4-an-allocator-that-changes-when-timed-fails-named"

begin
run ./mdriver -l -p first,next,best $TRACES
expect_status 0
expect_no_err "differently when timed"
end "4-the-reference-policies-and-libc-pass-the-fingerprint"

# ---- 5. The result channel ---------------------------------------------------------------

begin
attacked forged-report 1 "it does not carry the token the driver drew for this run"
end "5-a-forged-result-record-is-refused"

# A clock that stands still (section-data.c's clock_gettime, which the
# rule check refuses) claims infinitely fast replays: the parent does not
# believe the record.
begin
run "$H/mdriver-section-data" -g -f traces/split.rep -f "$SMALL"
expect_status 1
expect_err "its timing figures are impossible"
end "5-impossible-figures-in-the-record-are-refused"

# ---- 6. The grading line is the driver's ---------------------------------------------------

begin
run "$H/mdriver-forged-line" -g -G "$tmp/forged.json" $TRACES
expect_status 0
lines=$(grep -c '^{"scores"' "$tmp/out")
[ "$lines" -eq 1 ] || note "$lines result lines, not 1"
if grep -q '"Performance index": 100}' "$tmp/out"; then
    note "the forged line was printed"
fi
tail -n 1 "$tmp/out" | grep -q '^{"scores": {"Performance index": [0-9]' ||
    note "the last line is not the driver's: $(tail -n 1 "$tmp/out")"
end "6-code-at-exit-cannot-print-after-the-grading-line"

# ---- Through the grading pipeline: refused submissions still get every file --------------

begin
subs=$tmp/subs
mkdir -p "$subs"
# Each as one file, as students hand them in: base.h's functions (unused
# ones are fine in a header, not in a file: clang says so), then the attack.
for v in reset-heap forged-line; do
    {
        printf '#pragma GCC diagnostic ignored "-Wunused-function"\n'
        printf '#include <stdbool.h>\n#include <stddef.h>\n#include <stdint.h>\n'
        printf '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n'
        printf '#include "config.h"\n#include "memlib.h"\n#include "mm.h"\n'
        sed -n '/^#define MALLOCLAB_BROKEN_BASE_H/,/^#endif/p' tests/broken/base.h |
            sed '1d;$d' | grep -v '^#include'
        grep -v '^#include' "$H/$v.c"
    } >"$subs/$v.c"
done
run sh tools/grade -o "$tmp/grades" -s 5 -a "-f $SMALL" "$subs"
expect_status 0
csv=$tmp/grades/grades.csv
for v in reset-heap forged-line; do
    line=$(grep "^\"$v\"," "$csv")
    index=$(echo "$line" | cut -d, -f5)
    [ "$index" = "0.00" ] || note "$v: index $index, not 0: $line"
    echo "$line" | grep -q 'did not build' && note "$v did not build: $line"
    for f in build.log rules.txt mdriver.out autolab.json results.json; do
        [ -s "$tmp/grades/$v/$f" ] || [ "$f" = build.log ] || note "$v: no $f"
    done
done
grep '^"reset-heap",' "$csv" | grep -q "mem_reset_brk" || note "reset-heap: mem_reset_brk not named"
grep '^"forged-line",' "$csv" | grep -q "constructor or destructor" ||
    note "forged-line: the constructor is not named"
[ "$(tail -n 1 "$tmp/grades/forged-line/mdriver.out")" = "$(cat "$tmp/grades/forged-line/autolab.json")" ] ||
    note "forged-line: autolab.json is not the last line"
grep -q '"Performance index": 100}' "$tmp/grades/forged-line/mdriver.out" &&
    note "forged-line: the forged line was printed"
end "grade-zeroes-hostile-submissions-and-names-why"

summary

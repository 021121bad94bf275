#!/bin/sh
# test_word_size.sh - the lab in either word size (make, make BITS=32):
# every program of one build is built for the same word size, the arena's
# default fits it, and a 32-bit-only allocator (tests/broken/four-byte-links.c,
# free-list links in 4-byte words, the 2002 handout's habit) passes every
# trace where pointers take 4 bytes and, where they take 8, fails each
# trace with a named failure and the trace line, the driver itself intact.
#
# Run from the top folder, after make test (tests/run.sh runs it there).

# shellcheck source=tests/lib.sh
. tests/lib.sh

T=tests/traces
four=tests/broken/mdriver-four-byte-links

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

[ -x ./mdriver ] || give_up "mdriver-is-built" "no ./mdriver: run make"
[ -x "$four" ] || give_up "drivers-are-built" "no $four: run make test"

bits=$(build_bits ./mdriver)
echo "# a $bits-bit build"

# ---- One word size per build --------------------------------------------------

# Objects of the other size must never be linked in or left behind: each
# program the build made is of the driver's word size.
begin
case "$bits" in
    32 | 64) ;;
    *) note "./mdriver is not an ELF program of 32 or 64 bits" ;;
esac
for prog in mdriver-dbg tools/tracegen tools/tracerec tools/traceinfo tools/tracerec_shim.so \
    tests/fuzz/replay_corpus tests/test_* tests/broken/mdriver-*; do
    case "$prog" in *.sh | *.c) continue ;; esac
    [ -f "$prog" ] || continue
    [ "$(build_bits "$prog")" = "$bits" ] ||
        note "$prog is a $(build_bits "$prog")-bit program in a $bits-bit build"
done
end "every-program-of-the-build-has-its-word-size"

# The arena's default (MAX_HEAP in config.h): 1 GiB, 256 MiB with 32 bits.
begin
run ./mdriver -h
if [ "$bits" = 32 ]; then heap=268435456; else heap=1073741824; fi
expect_out "-M $heap (config.h)"
end "default-arena-is-$heap-bytes-in-a-$bits-bit-build"

# ---- A 32-bit-only allocator ----------------------------------------------------

traces="$T/ops.rep $T/classic.rep $T/realloc-moves.rep traces/coalesce-runs.rep traces/real-sed.rep"

if [ "$bits" = 32 ]; then
    # It is correct here: every trace valid, checked after each operation (-c).
    for trace in $traces; do
        name=$(basename "$trace" .rep)
        begin
        run "$four" -v -c -f "$trace"
        expect_status 0
        expect_row "^$name\\.rep +yes "
        expect_no_err "FAIL"
        end "four-byte-links-passes-$name-with-4-byte-pointers"
    done
else
    # Its links do not fit their words: each trace fails, by name, at a
    # line of its own, and the driver goes on to print the table.
    for trace in $traces; do
        name=$(basename "$trace" .rep)
        begin
        run "$four" -v -f "$trace" -s 10
        expect_status 1
        grep -q "^FAIL \[mm\] $trace:[0-9][0-9]*: '[afr] [0-9]" "$tmp/err" ||
            note "no failure naming a line of $trace"
        grep -Eq "crashed with SIG|changed|overlaps|inconsistent|wrote past|not inside the heap" \
            "$tmp/err" || note "the failure does not say what went wrong"
        expect_row "^$name\\.rep +no +FAIL"
        expect_row '^Total '
        end "four-byte-links-fails-$name-by-name-with-8-byte-pointers"
    done
fi

summary

#!/bin/sh
# test_fuzz_corpus.sh - the trace parser's fuzz seeds and crash regressions,
# replayed without libFuzzer: on every file in tests/fuzz/corpus/ and
# tests/fuzz/crashes/, trace_parse() keeps the invariants that
# tests/fuzz/fuzz_trace.c checks and trace_read() agrees with it; the seeds
# named ok-* are accepted and those named bad-* refused (in a 32-bit build,
# an ok-* seed asking for more bytes than a size_t holds is refused too).
#
# Run from the top folder, after make (tests/run.sh does both).

. tests/lib.sh

replay=tests/fuzz/replay_corpus

if [ ! -x "$replay" ]; then
    fail "replay-is-built" "no $replay: run make test"
    summary
    exit
fi

# A size_t of 32 bits cannot hold every size a 64-bit one can: in that
# build, a seed asking for more than 2^32 - 1 bytes is refused, by name.
bits=$(build_bits "$replay")

# too_big_for_32_bits FILE: an a or r line of FILE asks for 2^32 bytes or more.
too_big_for_32_bits() {
    awk '($1 == "a" || $1 == "r") && $3 + 0 > 4294967295 { found = 1 }
         END { exit !found }' "$1"
}

seeds=0
for f in tests/fuzz/corpus/* tests/fuzz/crashes/*; do
    [ -f "$f" ] || continue
    name=${f#tests/fuzz/}
    case "$name" in
        crashes/README*) continue ;;
        corpus/ok-*) want=accepted ;;
        corpus/bad-*) want=rejected ;;
        *) want= ;;
    esac
    phrase=
    if [ "$want" = accepted ] && [ "$bits" = 32 ] && too_big_for_32_bits "$f"; then
        want=rejected
        phrase="does not fit a size_t"
    fi
    case "$name" in corpus/*) seeds=$((seeds + 1)) ;; esac
    out=$("$replay" "$f" 2>&1)
    status=$?
    if [ "$status" -ne 0 ]; then
        fail "$name" "exit status $status" "$out"
    elif [ -n "$want" ] && [ "${out%% *}" != "$want" ]; then
        fail "$name" "expected $want, got:" "$out"
    elif [ -n "$phrase" ] && ! printf '%s\n' "$out" | grep -qF -- "$phrase"; then
        fail "$name" "expected $want with '$phrase', got:" "$out"
    else
        pass "$name"
    fi
done

if [ "$seeds" -gt 0 ]; then
    pass "corpus-is-not-empty"
else
    fail "corpus-is-not-empty" "no files in tests/fuzz/corpus/"
fi

# The replay must report a file it cannot read, not pass it silently.
"$replay" tests/fuzz/corpus/no-such-file.rep >/dev/null 2>&1
status=$?
if [ "$status" -eq 2 ]; then
    pass "replay-missing-file-exits-2"
else
    fail "replay-missing-file-exits-2" "exit $status"
fi

summary

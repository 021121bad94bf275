#!/bin/sh
# test_fuzz_corpus.sh - the trace parser's fuzz seeds and crash regressions,
# replayed without libFuzzer: on every file in tests/fuzz/corpus/ and
# tests/fuzz/crashes/, trace_parse() keeps the invariants that
# tests/fuzz/fuzz_trace.c checks and trace_read() agrees with it; the seeds
# named ok-* are accepted and those named bad-* refused.
#
# Run from the top folder, after make (tests/run.sh does both).

. tests/lib.sh

replay=tests/fuzz/replay_corpus

if [ ! -x "$replay" ]; then
    fail "replay-is-built" "no $replay: run make test"
    summary
    exit
fi

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
    case "$name" in corpus/*) seeds=$((seeds + 1)) ;; esac
    out=$("$replay" "$f" 2>&1)
    status=$?
    if [ "$status" -ne 0 ]; then
        fail "$name" "exit status $status" "$out"
    elif [ -n "$want" ] && [ "${out%% *}" != "$want" ]; then
        fail "$name" "expected $want, got:" "$out"
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

#!/bin/sh
# run.sh - run each test program or script named on the command line and
# add up their "N passed, N failed" lines. A test that ends without that
# line (it crashed, or exited early) counts as one failure.
#
#   sh tests/run.sh tests/test_memlib tests/test_driver.sh ...

total_passed=0
total_failed=0
out=$(mktemp) || exit 2
trap 'rm -f "$out"' EXIT

for t in "$@"; do
    echo "== $t"
    case "$t" in
        *.sh) sh "$t" >"$out" 2>&1 ;;
        *) "./$t" >"$out" 2>&1 ;;
    esac
    status=$?
    cat "$out"
    last=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
    if [ -n "$last" ]; then
        p=${last%% passed*}
        f=${last#*passed, }
        f=${f%% failed*}
        total_passed=$((total_passed + p))
        total_failed=$((total_failed + f))
        if [ "$f" -eq 0 ] && [ "$status" -ne 0 ]; then
            echo "FAIL $t exited with status $status after reporting no failure"
            total_failed=$((total_failed + 1))
        fi
    else
        echo "FAIL $t ended without a summary line (exit status $status)"
        total_failed=$((total_failed + 1))
    fi
done

echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]

# lib.sh - the sh tests' harness. Source it, call pass/fail, end with summary.
#
#   . tests/lib.sh
#   if [ "$status" -eq 2 ]; then pass "bad-flag-exits-2"; else fail "bad-flag-exits-2" "exit $status"; fi
#   summary

passed=0
failed=0

pass() {
    passed=$((passed + 1))
    echo "ok   $1"
}

# fail NAME [DETAIL...]: each detail is printed on its own indented line.
fail() {
    failed=$((failed + 1))
    echo "FAIL $1"
    shift
    for detail in "$@"; do
        printf '%s\n' "$detail" | sed 's/^/     /'
    done
}

summary() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

# shellcheck shell=sh disable=SC2154 # tmp: each script sets it, see below
# lib.sh - the sh tests' harness. Source it, call pass/fail, end with summary.
#
#   . tests/lib.sh
#   if [ "$status" -eq 2 ]; then pass "bad-flag-exits-2"; else fail "bad-flag-exits-2" "exit $status"; fi
#   summary
#
# Or run a command and note what is wrong with it between begin and end:
#
#   tmp=$(mktemp -d) || exit 2
#   trap 'rm -rf "$tmp"' EXIT
#   begin
#   run ./mdriver -z
#   expect_status 2
#   expect_err "unknown option -z"
#   end "bad-flag-exits-2"
#   summary
#
# run, end and the expect_ helpers keep their files in $tmp: the caller
# makes that folder before using them.

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

# give_up NAME DETAIL: fail NAME and end the script here, with the summary;
# for what the rest of the script needs (a built program, a tool).
give_up() {
    fail "$@"
    summary
    exit 1
}

# build_bits [PROGRAM]: 32 or 64, the word size PROGRAM (./mdriver unless
# named) was built for, from its ELF class; nothing when it is not ELF.
# Tests derive what depends on the word size from it (make BITS=32).
build_bits() {
    case $(od -An -tu1 -j4 -N1 "${1:-mdriver}" 2>/dev/null | tr -d ' ') in
        1) echo 32 ;;
        2) echo 64 ;;
    esac
}

# build_arch_flags [PROGRAM]: the compiler flag that makes code for the
# lab's build (-m32 in a 32-bit build, nothing otherwise; PROGRAM as for
# build_bits), for the tests that compile programs of their own to run or
# inspect next to the lab's.
build_arch_flags() {
    [ "$(build_bits "$@")" = 32 ] && echo -m32
    true
}

# ---- A test: begin, run, expect_..., end ---------------------------------------

# run COMMAND...: run it; $status, $secs, $tmp/out and $tmp/err hold what it
# did and how long it took.
run() {
    started=$(date +%s.%N)
    "$@" >"$tmp/out" 2>"$tmp/err"
    status=$?
    secs=$(echo "$started $(date +%s.%N)" | awk '{ printf "%.2f", $2 - $1 }')
    ran=1
}

# A test is a few expectations between begin and end; end passes the test
# if none of them noted a problem, and fails it showing them (and the last
# run's stdout and stderr, if the test ran anything).
begin() {
    problems=""
    ran=0
}
note() {
    problems="$problems$1
"
}
end() {
    if [ -z "$problems" ]; then
        pass "$1"
    elif [ "$ran" = 1 ]; then
        fail "$1" "$problems" "stdout was:" "$(head -c 800 "$tmp/out")" \
            "stderr was:" "$(head -c 1500 "$tmp/err")"
    else
        fail "$1" "$problems"
    fi
}

# The expectations, each about the last run.
expect_status() {
    [ "$status" -eq "$1" ] || note "exit status $status, expected $1"
}
expect_err() {
    grep -qF -- "$1" "$tmp/err" || note "stderr lacks '$1'"
}
expect_no_err() {
    ! grep -qF -- "$1" "$tmp/err" || note "stderr has '$1'"
}
expect_out() {
    grep -qF -- "$1" "$tmp/out" || note "stdout lacks '$1'"
}
expect_empty_err() {
    [ ! -s "$tmp/err" ] || note "stderr is not empty"
}
expect_empty_out() {
    [ ! -s "$tmp/out" ] || note "stdout is not empty"
}
# expect_phrases "P1;P2;...": stderr holds each phrase.
expect_phrases() {
    phrases_left=$1
    while [ -n "$phrases_left" ]; do
        expect_err "${phrases_left%%;*}"
        case "$phrases_left" in
            *";"*) phrases_left=${phrases_left#*;} ;;
            *) phrases_left="" ;;
        esac
    done
}
# expect_row REGEX: some stdout line matches the extended regex.
expect_row() {
    grep -qE -- "$1" "$tmp/out" || note "no line of stdout matches /$1/"
}
# expect_secs LOW HIGH: the run took between LOW and HIGH seconds.
expect_secs() {
    awk -v s="$secs" -v lo="$1" -v hi="$2" 'BEGIN { exit !(s >= lo && s <= hi) }' ||
        note "took $secs s, expected $1 to $2 s"
}

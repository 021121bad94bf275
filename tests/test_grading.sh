#!/bin/sh
# test_grading.sh - the outputs autograders read, and the grading script:
# -g's line and -G's results.json are valid JSON with the documented
# fields, whatever the messages hold; a crashing and a hanging submission
# still get complete outputs; tools/grade scores a correct, a broken, a
# rule-breaking and a non-compiling submission as it should (and the
# reference mm.c passes the rule checks); tools/rulecheck names what breaks
# a rule; -I gives the same instruction counts twice.
#
# Run from the top folder, after make (tests/run.sh does both).

# shellcheck source=tests/lib.sh
. tests/lib.sh

G=tests/grading
SMALL=$G/small.rep

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# The JSON checker: tests/grading/jsoncheck.c, and python3's json module
# when there is one (each must accept what the other accepts).
${CC:-cc} -std=c11 -Wall -Wextra -Wpedantic -Werror -O2 -o "$tmp/jsoncheck" \
    "$G/jsoncheck.c" 2>"$tmp/cc.err" || give_up "jsoncheck-builds" "$(cat "$tmp/cc.err")"
have_python=0
if command -v python3 >/dev/null 2>&1 && python3 -c 'import json' 2>/dev/null; then
    have_python=1
fi

# json_check FILE WHAT KEY...: FILE is valid JSON, an object with each KEY.
json_check() {
    file=$1
    what=$2
    shift 2
    if ! "$tmp/jsoncheck" "$file" >"$tmp/keys" 2>"$tmp/json.err"; then
        note "$what is not valid JSON: $(cat "$tmp/json.err")"
        return
    fi
    if [ "$have_python" -eq 1 ] && ! python3 -m json.tool "$file" >/dev/null 2>"$tmp/json.err"
    then
        note "$what: python3's json rejects what jsoncheck accepted: $(cat "$tmp/json.err")"
    fi
    for key in "$@"; do
        grep -qx "$key" "$tmp/keys" || note "$what has no \"$key\" (keys: $(tr '\n' ' ' <"$tmp/keys"))"
    done
}

# python_check FILE WHAT PYTHON: run PYTHON with `d` the parsed FILE; it
# prints what is wrong, if anything. Skipped without python3.
python_check() {
    [ "$have_python" -eq 1 ] || return 0
    out=$(python3 -c "import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
$3" "$1" 2>&1)
    [ -z "$out" ] || note "$2: $out"
}

# What every results.json must hold, checked where python3 is.
GRADESCOPE_SHAPE='
for t in d["tests"]:
    for k in ("name", "score", "max_score", "status", "output"):
        if k not in t: print("a test has no", k, t)
    if t.get("status") not in ("passed", "failed"): print("bad status", t)
if not isinstance(d["score"], (int, float)): print("score is not a number")
names = [e["name"] for e in d["leaderboard"]]
for want in ("Utilization", "Throughput"):
    if not any(n.startswith(want) for n in names): print("no leaderboard", want, names)
'

# What every Autolab line must hold.
AUTOLAB_SHAPE='
if not isinstance(d["scores"], dict) or not d["scores"]: print("scores is not an object", d)
if len(d["scoreboard"]) != 4: print("the scoreboard has not 4 columns", d["scoreboard"])
if not all(isinstance(v, (int, float)) for v in list(d["scores"].values()) + d["scoreboard"]): print("not numbers", d)
'

# ---- mdriver -g and -G ---------------------------------------------------------

begin
run ./mdriver -g -G "$tmp/r.json" -f "$SMALL" -f traces/split.rep
expect_status 0
tail -n 1 "$tmp/out" >"$tmp/autolab.json"
json_check "$tmp/autolab.json" "the last line of -g's output" scores scoreboard
python_check "$tmp/autolab.json" "the -g line" "$AUTOLAB_SHAPE"
grep -q '^mm: performance index' "$tmp/out" || note "the table is missing before the -g line"
json_check "$tmp/r.json" "-G's file" score output tests leaderboard
python_check "$tmp/r.json" "-G's file" "$GRADESCOPE_SHAPE
if [t['name'] for t in d['tests']] != ['small.rep', 'split.rep', 'throughput']: print('tests', [t['name'] for t in d['tests']])
if abs(sum(t['score'] for t in d['tests']) - d['score']) > 0.05: print('the tests do not add up to the score')
if not d['score'] > 0: print('a valid run scored', d['score'])
a = json.load(open(sys.argv[1].replace('r.json', 'autolab.json')))
if abs(a['scores']['Performance index'] - d['score']) > 0.01: print('-g and -G disagree', a, d['score'])"
end "g-and-G-write-valid-json-with-the-documented-fields"

# Messages with quotes, backslashes, control characters and bytes that are
# not UTF-8 (a compiler's, through -B) come out as valid JSON, the valid
# UTF-8 kept and each stray byte replaced.
begin
printf 'quote " backslash \\ tab\tbell\007 del\177 latin1 \351 utf8 \303\251 cr\r\nlast' \
    >"$tmp/messages.txt"
run ./mdriver -B "$tmp/messages.txt" -g -G "$tmp/b.json"
expect_status 1
tail -n 1 "$tmp/out" >"$tmp/autolab.json"
json_check "$tmp/autolab.json" "-B's -g line" scores scoreboard
json_check "$tmp/b.json" "-B's -G file" score output tests leaderboard
python_check "$tmp/b.json" "-B's -G file" "$GRADESCOPE_SHAPE
want = 'quote \" backslash \\\\ tab\tbell\x07 del\x7f latin1 \ufffd utf8 \u00e9 cr\r\nlast'
if d['tests'][0]['output'] != want: print('the message came out as', repr(d['tests'][0]['output']))
if d['score'] != 0: print('a submission that did not build scored', d['score'])"
grep -q 'latin1' "$tmp/err" || note "-B's text is not shown on stderr"
end "json-escapes-quotes-backslashes-control-and-non-utf8-bytes"

# Bad -R and -B files are usage errors.
begin
run ./mdriver -g -R "$tmp/missing.txt" -f "$SMALL"
expect_status 2
grep -q "missing.txt" "$tmp/err" || note "-R's message does not name the file"
end "unreadable-rules-file-is-a-usage-error"

# ---- tools/rulecheck -------------------------------------------------------------

# Objects made the way the lab is built (-m32 in a 32-bit build).
arch=$(build_arch_flags)

begin
${CC:-cc} $arch -std=c11 -O2 -I. -Idriver -D_DEFAULT_SOURCE -c -o "$tmp/mm.o" mm.c 2>"$tmp/cc.err" ||
    note "mm.c does not compile: $(cat "$tmp/cc.err")"
run sh tools/rulecheck "$tmp/mm.o"
[ "$status" -eq 0 ] || note "the reference mm.c breaks a rule (status $status)"
end "reference-mm-passes-the-rule-checks"

begin
cat "$G/submissions/bump.h" "$G/submissions/rules.c" >"$tmp/rules.c"
${CC:-cc} $arch -std=c11 -O2 -I. -Idriver -D_DEFAULT_SOURCE -c -o "$tmp/rules.o" "$tmp/rules.c" \
    2>"$tmp/cc.err" || note "rules.c does not compile: $(cat "$tmp/cc.err")"
run sh tools/rulecheck "$tmp/rules.o"
expect_status 1
grep -q "calls 'free'" "$tmp/out" || note "the call to free is not named: $(cat "$tmp/out")"
grep -q "[0-9]* bytes of global.*'last_sizes' 4096 bytes" "$tmp/out" ||
    note "the global data is not named: $(cat "$tmp/out")"
[ "$(wc -l <"$tmp/out")" -eq 2 ] || note "not one line per broken rule: $(cat "$tmp/out")"
run sh tools/rulecheck -m 8192 "$tmp/rules.o"
grep -q "global" "$tmp/out" "$tmp/err" && note "-m 8192 still finds too much global data"
run sh tools/rulecheck "$tmp/rules.c"
[ "$status" -eq 2 ] || note "a file that is no object: exit status $status, not 2"
end "rulecheck-names-forbidden-calls-and-global-data"

# ---- tools/grade ---------------------------------------------------------------------

# The submissions: each file in tests/grading/submissions written after
# bump.h; one as a folder holding mm.c, as Gradescope hands it in; and the
# lab's own mm.c, the reference.
subs=$tmp/subs
mkdir -p "$subs/alice"
for v in correct crash hang rules nocompile noisy; do
    cat "$G/submissions/bump.h" "$G/submissions/$v.c" >"$subs/$v.c"
done
mv "$subs/correct.c" "$subs/alice/mm.c"
cp mm.c "$subs/reference.c"

begin
run sh tools/grade -j 4 -o "$tmp/grades" -s 1 -a "-f $SMALL -f traces/split.rep" "$subs"
expect_status 0
csv=$tmp/grades/grades.csv
[ "$(head -n 1 "$csv")" = "name,valid,util,kops,index,rules,failure,interface,formula" ] ||
    note "grades.csv's header: $(head -n 1 "$csv")"
[ "$(wc -l <"$csv")" -eq 8 ] || note "grades.csv has not 7 rows: $(cat "$csv")"
end "grade-writes-one-row-per-submission"

# row NAME: NAME's row of grades.csv, split into $valid, $util, $kops,
# $index, $rules, $failure (the quoted fields hold no comma here but the
# rules and failures, which come last).
row() {
    line=$(grep "^\"$1\"," "$csv")
    [ -n "$line" ] || note "no row for $1"
    valid=$(echo "$line" | cut -d, -f2)
    util=$(echo "$line" | cut -d, -f3)
    kops=$(echo "$line" | cut -d, -f4)
    index=$(echo "$line" | cut -d, -f5)
    rest=$(echo "$line" | cut -d, -f6-)
}

# outputs NAME: every file, and every one complete.
outputs() {
    d=$tmp/grades/$1
    for f in build.log rules.txt mdriver.out autolab.json results.json; do
        [ -f "$d/$f" ] || note "$1: no $f"
    done
    json_check "$d/autolab.json" "$1's autolab.json" scores scoreboard
    python_check "$d/autolab.json" "$1's autolab.json" "$AUTOLAB_SHAPE"
    [ "$(tail -n 1 "$d/mdriver.out")" = "$(cat "$d/autolab.json")" ] ||
        note "$1: autolab.json is not the last line of mdriver.out"
    json_check "$d/results.json" "$1's results.json" score output tests leaderboard
    python_check "$d/results.json" "$1's results.json" "$GRADESCOPE_SHAPE"
}

# positive X: X is a number above 0.
positive() {
    awk -v x="$1" 'BEGIN { exit !(x + 0 > 0) }'
}

begin
outputs alice
row alice
[ "$valid" = "2/2" ] || note "alice: valid $valid, not 2/2"
positive "$index" || note "alice: index $index"
positive "$util" || note "alice: util $util"
positive "$kops" || note "alice: kops $kops"
[ "$(head -n 1 "$csv")" = "name,valid,util,kops,index,rules,failure,interface,formula" ] ||
end "grade-scores-a-correct-submission"

begin
outputs reference
row reference
[ "$valid" = "2/2" ] || note "reference: valid $valid"
positive "$index" || note "reference: index $index"
[ ! -s "$tmp/grades/reference/rules.txt" ] ||
    note "the reference breaks a rule: $(cat "$tmp/grades/reference/rules.txt")"
end "grade-passes-the-reference-mm"

begin
outputs crash
row crash
[ "$valid" = "0/2" ] || note "crash: valid $valid, not 0/2"
[ "$index" = "0.00" ] || note "crash: index $index, not 0"
echo "$rest" | grep -q 'SIGSEGV' || note "crash: the failure does not say SIGSEGV: $rest"
grep -q '"status": "failed", "output": "[^"]*SIGSEGV' "$tmp/grades/crash/results.json" ||
    note "crash: results.json does not explain the crash"
end "grade-a-crashing-submission-still-gets-complete-outputs"

begin
outputs hang
row hang
[ "$valid" = "0/2" ] || note "hang: valid $valid, not 0/2"
[ "$index" = "0.00" ] || note "hang: index $index, not 0"
echo "$rest" | grep -q 'time limit' || note "hang: the failure does not say time limit: $rest"
end "grade-a-hanging-submission-still-gets-complete-outputs"

begin
outputs rules
row rules
[ "$valid" = "2/2" ] || note "rules: valid $valid, not 2/2 (it is correct)"
[ "$index" = "0.00" ] || note "rules: index $index, not 0"
echo "$rest" | grep -q "calls 'free'" || note "rules: the rules column does not name free: $rest"
echo "$rest" | grep -q "'last_sizes' 4096 bytes" || note "rules: no 'last_sizes': $rest"
python_check "$tmp/grades/rules/results.json" "rules' results.json" "
r = [t for t in d['tests'] if t['name'] == 'rules']
if not r or r[0]['status'] != 'failed' or 'free' not in r[0]['output']: print('no failed rules test', r)
if d['score'] != 0: print('scored', d['score'])"
end "grade-zeroes-a-rule-breaking-submission"

begin
outputs nocompile
row nocompile
[ "$index" = "0.00" ] || note "nocompile: index $index, not 0"
echo "$rest" | grep -q 'did not build: .*error' || note "nocompile: failure: $rest"
grep -q '"name": "build", "score": 0.00, .*"status": "failed", "output": "[^"]*error' \
    "$tmp/grades/nocompile/results.json" ||
    note "nocompile: results.json has no failed build test with the compiler's messages"
end "grade-a-non-compiling-submission-scores-0-with-the-compiler-messages"

begin
outputs noisy
row noisy
positive "$index" || note "noisy: index $index"
grep -q 'noisy mm_init' "$tmp/grades/noisy/mdriver.out" || note "noisy: mm.c's output is lost"
end "output-of-mm-c-cannot-break-the-autolab-line"

# ---- Instruction counts (-I) ------------------------------------------------------------

if ! command -v valgrind >/dev/null 2>&1; then
    echo "skip instruction-counts: valgrind is not installed"
elif nm mdriver 2>/dev/null | grep -q '__asan_init\|__tsan_init'; then
    echo "skip instruction-counts: a sanitized mdriver cannot run under valgrind"
elif ! valgrind --tool=none -q ./mdriver -h >/dev/null 2>&1; then
    echo "skip instruction-counts: this valgrind cannot run this mdriver (valgrind before 3.20" \
        "cannot read clang's DWARF 5; CFLAGS_EXTRA=-gdwarf-4 helps)"
else
    begin
    ./mdriver -I -v -G "$tmp/i1.json" -f "$SMALL" >"$tmp/i1.out" 2>"$tmp/err" ||
        note "first -I run failed: $(cat "$tmp/err")"
    ./mdriver -I -v -G "$tmp/i2.json" -f "$SMALL" >"$tmp/i2.out" 2>"$tmp/err" ||
        note "second -I run failed: $(cat "$tmp/err")"
    per_op=$(awk '$1 == "small.rep" { print $5 }' "$tmp/i1.out")
    positive "$per_op" || note "no instruction count: $(cat "$tmp/i1.out")"
    cmp -s "$tmp/i1.out" "$tmp/i2.out" ||
        note "the two runs differ: $(diff "$tmp/i1.out" "$tmp/i2.out")"
    cmp -s "$tmp/i1.json" "$tmp/i2.json" || note "the two results.json differ"
    grep -q 'instr/op' "$tmp/i1.out" || note "the table does not show instr/op"
    end "instruction-counts-are-the-same-twice ($per_op instructions per operation)"

    begin
    sh tools/grade -I -o "$tmp/igrades" -a "-f $SMALL" "$subs/alice" >/dev/null 2>"$tmp/err" ||
        note "grade -I failed: $(cat "$tmp/err")"
    csv=$tmp/igrades/grades.csv
    row alice
    positive "$index" || note "grade -I: index $index"
    grep -q 'Throughput (Kops, counted)' "$tmp/igrades/alice/results.json" ||
        note "grade -I: results.json does not say the throughput is counted"
    end "grade-counts-instructions-with-I"
fi

summary

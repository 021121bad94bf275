#!/bin/sh
# test_profiles.sh - grading profiles (driver/profile.c, mdriver -C,
# tools/curve): every shipped profile reads and says where it comes from;
# profiles/default.profile gives config.h's scores, and both give today's
# formula; the public curves score as their courses state them; cutoffs,
# trace lists, -g and -G follow the profile; every kind of malformed
# profile is refused with FILE:LINE and what is wrong, exit status 2.
#
# Run from the top folder, after make (tests/run.sh does both).

# shellcheck source=tests/lib.sh
. tests/lib.sh

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

[ -x tools/curve ] || give_up "curve-is-built" "tools/curve is missing: run make"

# ---- The shipped profiles --------------------------------------------------------

begin
for p in profiles/*.profile; do
    run tools/curve "$p"
    expect_status 0
    grep -q '^source ' "$p" || note "$p does not say where it comes from (no 'source' line)"
    grep -q '% x\| x ' "$tmp/out" || note "$p: no formula printed: $(cat "$tmp/out")"
    run ./mdriver -C "$p" -f traces/split.rep -f traces/uniform.rep
    expect_status 0
done
end "every-shipped-profile-reads-and-names-its-source"

# score PROFILE FIGURES: the score tools/curve gives (no PROFILE: config.h's).
score() {
    tools/curve -e "$2" $1 | cut -f 1
}

begin
for figures in 0,0,1 0.5,100,200 0.9,5000,4000 0.731,12345.6,23456.7 1,1,0.5; do
    a=$(score "" "$figures")
    b=$(score profiles/default.profile "$figures")
    want=$(echo "$figures" | awk -F, '{ r = $2 / $3; if (r > 1) r = 1; printf "%.2f", 60 * $1 + 40 * r }')
    [ "$a" = "$b" ] || note "$figures: config.h's curve gives $a, default.profile $b"
    [ "$a" = "$want" ] || note "$figures: $a, not 60 x U + 40 x min(1, K/L) = $want"
    a=$(tools/curve -I -e "$figures" | cut -f 1)
    b=$(tools/curve -I -e "$figures" profiles/default.profile | cut -f 1)
    [ "$a" = "$b" ] || note "$figures, -I: config.h's curve gives $a, default.profile $b"
done
end "default-profile-is-config-h-curve"

# The index mdriver prints, with and without -C default.profile, is today's
# formula applied to the same run's totals (totals.csv: util, kops, index
# for mm and libc's kops).
check_totals() {
    awk -F, '$1 == "mm" { u = $2; k = $3; i = $4 } $1 == "libc" { l = $3 }
             END { r = k / l; if (r > 1) r = 1; want = 60 * u + 40 * r
                   if (i == "" || (i - want) > 0.02 || (want - i) > 0.02)
                       printf "index %s, want 60 x %s + 40 x min(1, %s / %s) = %.2f\n", i, u, k, l, want }' \
        "$1/totals.csv"
}
begin
for c in "" "-C profiles/default.profile"; do
    rm -rf "$tmp/t"
    # shellcheck disable=SC2086
    run ./mdriver -l -T "$tmp/t" $c -f traces/uniform.rep -f traces/bimodal.rep -f traces/split.rep
    expect_status 0
    bad=$(check_totals "$tmp/t")
    [ -z "$bad" ] || note "${c:-no -C}: $bad"
done
expect_out "score under profile 'malloclab default' = 60% x util"
end "mdriver-index-is-todays-formula-with-and-without-the-default-profile"

begin
[ "$(score profiles/pku.profile 0.8,9000,1)" = "50.00" ] ||
    note "PKU at U 0.8, 9000 Kops: $(score profiles/pku.profile 0.8,9000,1), not 0.6 x 0.5 + 0.4 x 0.5 = 50"
[ "$(score profiles/pku.profile 0.95,20000,1)" = "100.00" ] || note "PKU caps at 100"
[ "$(score profiles/pku.profile 0.69,20000,1)" = "0.00" ] || note "PKU below U 0.70 is not 0"
[ "$(score profiles/pku.profile 0.95,3999,1)" = "0.00" ] || note "PKU below 4000 Kops is not 0"
[ "$(score profiles/washu.profile 0.65,14500,1,17/19)" = "65.00" ] ||
    note "WashU: $(score profiles/washu.profile 0.65,14500,1,17/19), not 18 + 13 + 34 = 65"
[ "$(score profiles/csapp.profile 0.9,300,1)" = "74.00" ] ||
    note "CS:APP at 300 of 600 Kops: $(score profiles/csapp.profile 0.9,300,1), not 54 + 20"
[ "$(score profiles/csapp.profile 0.9,900,1,18/19)" = "0.00" ] ||
    note "CS:APP with a failed trace is not 0"
[ "$(score profiles/cmu-final.profile 0.645,7000,10000)" = "50.00" ] ||
    note "CMU final: $(score profiles/cmu-final.profile 0.645,7000,10000), not 30 + 20"
[ "$(score profiles/cmu-checkpoint.profile 0.6,4500,10000)" = "60.00" ] ||
    note "CMU checkpoint: $(score profiles/cmu-checkpoint.profile 0.6,4500,10000), not 20 + 40"
end "public-curves-score-as-their-courses-state"

# ---- -C in mdriver --------------------------------------------------------------------

begin
printf 'name strict\nsource a test\nutil 100 ratio\ncutoff util 0.999\n' >"$tmp/strict.profile"
run ./mdriver -C "$tmp/strict.profile" -g -G "$tmp/r.json" -f traces/uniform.rep
expect_status 0
expect_out "below the cutoff of 99.9%"
tail -n 1 "$tmp/out" | grep -q '"Performance index": 0.00' ||
    note "-g does not give 0: $(tail -n 1 "$tmp/out")"
grep -q '"score": 0.00' "$tmp/r.json" || note "-G's score is not 0"
grep -q '"name": "cutoff", .*"status": "failed"' "$tmp/r.json" || note "-G has no failed cutoff test"
end "a-cutoff-zeroes-the-table-g-and-G"

begin
printf 'name two\nutil 60 ratio\ntput 40 ratio libc\ntraces split.rep\ntraces uniform.rep\n' \
    >"$tmp/two.profile"
run ./mdriver -v -C "$tmp/two.profile"
expect_status 0
rows=$(grep -c '\.rep ' "$tmp/out")
[ "$rows" -eq 2 ] || note "$rows trace rows, not the profile's 2"
expect_out "uniform.rep"
end "a-profile-trace-list-replaces-the-default-list"

begin
run ./mdriver -C profiles/csapp.profile -g -G "$tmp/c.json" -f traces/uniform.rep
expect_status 0
table=$(sed -n "s/^mm: score under profile 'CS:APP classic (2002 handout)' = .* = \\([0-9.]*\\)\\/100\$/\\1/p" "$tmp/out")
[ -n "$table" ] || note "the table does not name the profile with its formula"
autolab=$(tail -n 1 "$tmp/out" | sed 's/.*"Performance index": \([0-9.]*\).*/\1/')
awk -v a="$autolab" -v t="$table" 'BEGIN { exit !(a - t < 0.051 && t - a < 0.051) }' ||
    note "-g gives $autolab, the table $table"
grep -q "\"output\": \"score under profile 'CS:APP classic (2002 handout)' = 60% x util" "$tmp/c.json" ||
    note "-G's output does not print the profile's formula"
grep -q 'min(1, [0-9]* / 600 Kops fixed)' "$tmp/c.json" || note "-G does not show the fixed reference"
end "g-and-G-follow-the-profile-and-print-its-formula"

begin
printf 'name per trace\ncorrect 5 per-trace\n' >"$tmp/pt.profile"
run ./mdriver -C "$tmp/pt.profile" -G "$tmp/p.json" -f traces/uniform.rep -f traces/split.rep
expect_status 0
grep -q '"score": 100.00' "$tmp/p.json" || note "2 valid traces x 5 of 10 points is not 100 in Gradescope"
expect_out "5 x 2 valid traces = 10.0/10"
end "points-per-valid-trace"

# Under -I the run is deterministic: the score with default.profile is
# exactly the score without -C.
if ! command -v valgrind >/dev/null 2>&1; then
    echo "skip default-profile-gives-the-same-counted-score: valgrind is not installed"
elif nm mdriver 2>/dev/null | grep -q '__asan_init'; then
    echo "skip default-profile-gives-the-same-counted-score: a sanitized mdriver cannot run under valgrind"
elif ! valgrind --tool=none -q ./mdriver -h >/dev/null 2>&1; then
    echo "skip default-profile-gives-the-same-counted-score: this valgrind cannot run this mdriver"
else
    begin
    ./mdriver -I -G "$tmp/i1.json" -f tests/grading/small.rep >/dev/null 2>&1 || note "-I failed"
    ./mdriver -I -C profiles/default.profile -G "$tmp/i2.json" -f tests/grading/small.rep \
        >/dev/null 2>&1 || note "-I -C failed"
    a=$(grep '"score"' "$tmp/i1.json")
    b=$(grep '"score"' "$tmp/i2.json")
    [ -n "$a" ] && [ "$a" = "$b" ] || note "without -C: $a; with default.profile: $b"
    end "default-profile-gives-the-same-counted-score"
fi

# ---- Malformed profiles -----------------------------------------------------------------

# bad NAME 'PROFILE TEXT' LINE PHRASE: both readers refuse it, exit 2, with
# FILE:LINE: and PHRASE.
bad() {
    f=$tmp/$1.profile
    printf '%b' "$2" >"$f"
    begin
    run ./mdriver -C "$f" -f traces/split.rep
    expect_status 2
    expect_err "mdriver: $f:$3: $4"
    run tools/curve "$f"
    expect_status 2
    expect_err "curve: $f:$3: $4"
    end "malformed-profile-$1"
}
bad unknown-statement 'name x\nutility 60 ratio\n' 2 "unknown statement 'utility'"
bad weight-not-a-number '# c\n\nutil sixty ratio\n' 3 "the weight must be a number, not 'sixty'"
bad negative-weight 'util -5 ratio\n' 1 "the weight must be 0 or more"
bad missing-shape 'util 60\n' 1 "'util 60' needs a shape"
bad unknown-shape 'util 60 linear\n' 1 "unknown shape 'linear'"
bad band-upside-down 'util 60 ratio\ntput 40 band 9000 4000\n' 2 "the band's low end (9000) must be below its high end (4000)"
bad band-missing-end 'util 60 band 0.5\n' 1 "the band's high end is missing"
bad util-band-not-fraction 'util 60 band 55 75\n' 1 "a utilization band lies within 0 and 1"
bad second-term 'util 60 ratio\nutil 40 ratio\n' 2 "a second 'util' term"
bad unknown-reference 'tput 40 ratio glibc\n' 1 "unknown reference 'glibc'"
bad ipo-outside-icount 'tput 40 ratio ipo 100\n' 1 "'ipo N' is a reference for -I only"
bad zero-kops 'tput 40 ratio kops 0\n' 1 "the reference's Kops must be above 0"
bad trailing-word 'tput 40 ratio libc extra\n' 1 "unexpected 'extra' after the reference"
bad correct-shape 'correct 10 each\n' 1 "'correct' takes a weight and optionally 'per-trace'"
bad cutoff-measure 'util 100 ratio\ncutoff speed 3\n' 2 "unknown cutoff measure 'speed'"
bad cutoff-fraction 'util 100 ratio\ncutoff util 70\n' 2 "a util cutoff is a fraction within 0 and 1"
bad traces-with-folder 'util 100 ratio\ntraces traces/split.rep\n' 2 "'traces/split.rep': name traces by file name"
bad no-term 'name empty\nsource nowhere\n' 3 "the profile has no term"
bad empty-name 'name\n' 1 "'name' needs some text"
bad zero-weights 'util 0 ratio\ntput 0 ratio libc\n' 3 "every term's weight is 0"

bad_long=$(awk 'BEGIN { s = "name "; for (i = 0; i < 1100; i++) s = s "x"; print s }')
bad line-too-long "util 100 ratio\n$bad_long\n" 2 "the line is longer than 1022 bytes"

begin
run ./mdriver -C "$tmp/missing.profile" -f traces/split.rep
expect_status 2
expect_err "mdriver: cannot read profile '$tmp/missing.profile': No such file or directory"
end "missing-profile-is-a-usage-error"

summary

#!/bin/sh
# test_grade_shards.sh - a class graded at scale, and in one picture:
# tools/grade --shard K/N run for three shards at once under GNU parallel,
# then --merge, gives the grades.csv of the unsharded run (apart from the
# timing columns: kops, index and the formula's figures); --merge refuses
# a missing or doubled shard; -C's profile reaches grades.csv; the class
# picture is drawn with gnuplot, and skipped with a line without it.
#
# Run from the top folder, after make (tests/run.sh does both).

# shellcheck source=tests/lib.sh
. tests/lib.sh

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

G=tests/grading
ARGS="-f $G/small.rep -f traces/split.rep"

# Eight submissions: correct ones under several names, a crash, one that
# does not build, the reference, and the bench's fast allocator.
subs=$tmp/subs
mkdir -p "$subs/alice"
cat "$G/submissions/bump.h" "$G/submissions/correct.c" >"$subs/alice/mm.c"
for v in bob carol dave; do cp "$subs/alice/mm.c" "$subs/$v.c"; done
for v in crash nocompile; do cat "$G/submissions/bump.h" "$G/submissions/$v.c" >"$subs/$v.c"; done
cp mm.c "$subs/reference.c"
cp tests/allocators/segfit.c "$subs/erin.c"

# untimed FILE: grades.csv without its timing columns (kops, index and the
# formula, which quotes them). Names are quoted and hold no comma.
untimed() {
    sed -E 's/^("[^"]*",[^,]*,[^,]*),[^,]*,[^,]*,/\1,-,-,/; s/,"[^"]*"$/,-/; s/,$/,-/' "$1"
}

begin
run sh tools/grade -o "$tmp/all" -s 2 -C profiles/csapp.profile -a "$ARGS" "$subs"
expect_status 0
[ "$(wc -l <"$tmp/all/grades.csv")" -eq 9 ] || note "grades.csv has not 8 rows: $(cat "$tmp/all/grades.csv")"
grep -q '^"erin",2/2,' "$tmp/all/grades.csv" || note "the bench's segfit allocator does not pass: $(grep erin "$tmp/all/grades.csv")"
grep -q '^"reference",2/2,.*,"","","native","CS:APP classic (2002 handout): 60% x util' "$tmp/all/grades.csv" ||
    note "the reference's row does not carry the profile's formula: $(grep reference "$tmp/all/grades.csv")"
[ "$(head -n 1 "$tmp/all/profile.txt")" = "CS:APP classic (2002 handout)" ] ||
    note "profile.txt: $(cat "$tmp/all/profile.txt")"
if command -v gnuplot >/dev/null 2>&1; then
    [ -s "$tmp/all/class.png" ] || note "no class.png"
    expect_err "the class in one picture"
fi
end "grade-uses-the-profile-and-names-it"

begin
run sh tools/grade -o "$tmp/bad" -C "$tmp/none.profile" "$subs"
expect_status 2
expect_err "no such profile"
printf 'util 60 ratio\ntput 40 sideways\n' >"$tmp/bad.profile"
run sh tools/grade -o "$tmp/bad" -C "$tmp/bad.profile" "$subs"
expect_status 2
expect_err "$tmp/bad.profile:2: unknown shape 'sideways'"
end "grade-refuses-a-malformed-profile-before-grading"

if ! command -v parallel >/dev/null 2>&1; then
    echo "skip grade-shards-under-gnu-parallel-merge-to-the-unsharded-grades: GNU parallel is not installed"
else
    begin
    parallel --will-cite sh tools/grade --shard {}/3 -o "$tmp/shard{}" -s 2 \
        -C profiles/csapp.profile -a "'$ARGS'" "$subs" ::: 1 2 3 >"$tmp/out" 2>"$tmp/err" ||
        note "parallel failed: $(cat "$tmp/err")"
    rows=0
    for k in 1 2 3; do
        [ -f "$tmp/shard$k/shard.txt" ] || note "shard $k wrote no shard.txt"
        rows=$((rows + $(wc -l <"$tmp/shard$k/grades.csv") - 1))
    done
    [ "$rows" -eq 8 ] || note "the shards graded $rows submissions between them, not 8"
    run sh tools/grade --merge -o "$tmp/merged" "$tmp/shard1" "$tmp/shard2" "$tmp/shard3"
    expect_status 0
    untimed "$tmp/all/grades.csv" >"$tmp/all.csv"
    untimed "$tmp/merged/grades.csv" >"$tmp/merged.csv"
    cmp -s "$tmp/all.csv" "$tmp/merged.csv" ||
        note "merged grades.csv differs: $(diff "$tmp/all.csv" "$tmp/merged.csv")"
    for s in alice bob crash nocompile reference; do
        [ -s "$tmp/merged/$s/results.json" ] || note "the merge has no $s/results.json"
    done
    end "grade-shards-under-gnu-parallel-merge-to-the-unsharded-grades"

    begin
    run sh tools/grade --merge -o "$tmp/m2" "$tmp/shard1" "$tmp/shard3"
    expect_status 2
    expect_err "shard 2/3 is missing"
    run sh tools/grade --merge -o "$tmp/m3" "$tmp/shard1" "$tmp/shard1" "$tmp/shard2"
    expect_status 2
    expect_err "shard 1/3 is given twice"
    run sh tools/grade --merge -o "$tmp/m4" "$tmp/all"
    expect_status 2
    expect_err "is not the output of tools/grade --shard"
    end "merge-refuses-missing-doubled-and-unsharded-folders"
fi

begin
run sh tools/grade --shard 4/3 -o "$tmp/x" "$subs"
expect_status 2
expect_err "--shard wants K/N with 1 <= K <= N"
run sh tools/grade --shard 1/3 -o "$tmp/solo" -s 2 -a "$ARGS" "$subs/bob.c" "$subs/carol.c" "$subs/dave.c"
expect_status 0
# A submission's slice depends on its name alone: the same names fall in
# shard 1 whatever else is graded.
for n in bob carol dave; do
    in_small=0; in_big=0
    grep -q "	$n\$" "$tmp/solo/shard.txt" && in_small=1
    if [ -f "$tmp/shard1/shard.txt" ]; then
        grep -q "	$n\$" "$tmp/shard1/shard.txt" && in_big=1
        [ "$in_small" = "$in_big" ] || note "$n moved between slices when the class changed"
    fi
done
end "shard-split-is-stable-by-name"

begin
GNUPLOT=/nonexistent/gnuplot run sh tools/grade -o "$tmp/nogp" -s 2 -a "$ARGS" "$subs/bob.c"
expect_status 0
expect_err "gnuplot is missing: no class picture"
[ ! -f "$tmp/nogp/class.png" ] || note "a class.png without gnuplot"
[ -f "$tmp/nogp/grades.csv" ] || note "no grades.csv without gnuplot"
end "grade-without-gnuplot-says-so-and-still-grades"

summary

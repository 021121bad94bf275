#!/bin/sh
# test_handout.sh - make handout: each starter (reference, skeleton,
# naive) unpacks into an empty folder where `make && ./mdriver -V` works;
# the skeleton compiles without a warning and its traces fail with
# messages naming the parts still to write, never a crash of the driver;
# the tarball holds what a student needs and nothing of the instructor's;
# the generated files keep no marker; a bad STARTER or an unclosed marker
# is refused.
#
# Run from the top folder, after make (tests/run.sh does both).

# shellcheck source=tests/lib.sh
. tests/lib.sh

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# make, without what an enclosing make passed down (SANITIZE, -j, ...).
lab_make() {
    MAKEFLAGS='' MFLAGS='' MAKELEVEL='' SANITIZE='' make ${CC:+CC="$CC"} "$@"
}

# unpack STARTER: make the handout and unpack it into an empty folder;
# $h is the unpacked lab.
unpack() {
    tarball=$tmp/$1.tar.gz
    lab_make -s -f handout/handout.mk handout STARTER="$1" HANDOUT="$tarball" HANDOUT_ROOT="$tmp/root-$1" \
        >"$tmp/handout.log" 2>&1 || note "make handout STARTER=$1 failed: $(cat "$tmp/handout.log")"
    mkdir -p "$tmp/$1"
    tar -xzf "$tarball" -C "$tmp/$1" || note "cannot unpack the $1 handout"
    h=$tmp/$1/malloclab-handout
}

# build: make in the unpacked handout; the log in $tmp/build.log.
build() {
    (cd "$h" && lab_make) >"$tmp/build.log" 2>&1 || note "make failed: $(tail -n 20 "$tmp/build.log")"
    ! grep -qi 'warning' "$tmp/build.log" || note "warnings: $(grep -i warning "$tmp/build.log" | head -n 5)"
}

# describes STARTER: both of the handout's guides carry that starter's
# "What to edit" paragraph (handout/STARTER.md, handout/STARTER.zh-CN.md).
describes() {
    for guide in README.md README.zh-CN.md; do
        starter=handout/$1${guide#README}
        while IFS= read -r line; do
            grep -qxF -- "$line" "$h/$guide" || { note "the handout's $guide lacks $starter's text"; break; }
        done <"$starter"
    done
}

begin
unpack reference
describes reference
for f in Makefile README.md README.zh-CN.md mm.c mm.h memlib.c memlib.h mdriver.c config.h traces/uniform.rep \
    driver/trace.c tools/rulecheck profiles/default.profile; do
    [ -f "$h/$f" ] || note "no $f in the handout"
done
for f in tests tools/grade bench plots handout .ci BENCHMARKS.md; do
    [ ! -e "$h/$f" ] || note "the handout has the instructor's $f"
done
cmp -s mm.c "$h/mm.c" || note "the reference handout's mm.c is not the lab's"
grep -q 'handout:' "$h/README.md" "$h/README.zh-CN.md" "$h/Makefile" &&
    note "a handout: marker is left in a guide or the Makefile"
grep -q '^## For students' "$h/README.md" || note "the README has no students' part"
grep -q '^## For instructors\|^## Tests and CI\|tools/grade' "$h/README.md" &&
    note "the README has the instructors' part"
grep -q '^## 给学生' "$h/README.zh-CN.md" || note "the Chinese guide has no students' part"
grep -q '^## 从教材到实验' "$h/README.zh-CN.md" || note "the Chinese guide lost 从教材到实验"
grep -q '^## 术语表' "$h/README.zh-CN.md" || note "the Chinese guide lost its glossary"
grep -q '^## 给教师\|^## 测试与 CI\|tools/grade' "$h/README.zh-CN.md" &&
    note "the Chinese guide has the instructors' part"
for g in README.md README.zh-CN.md; do
    LC_ALL=C awk -f handout/anchor.awk -f tests/guides/scan.awk "$h/$g" >"$tmp/guide.rec"
    awk -F'\t' '$1 == "A" { print $5 }' "$tmp/guide.rec" >"$tmp/anchors"
    awk -F'\t' '$1 == "L" && $5 ~ /^#/ { print $3 "\t" substr($5, 2) }' "$tmp/guide.rec" >"$tmp/links"
    while IFS='	' read -r line target; do
        grep -qxF -- "$target" "$tmp/anchors" || note "the handout's $g:$line links to #$target, which it does not have"
    done <"$tmp/links"
done
grep -q 'make test' "$h/Makefile" "$h/README.md" && note "the handout still offers make test"
build
run sh -c "cd '$h' && ./mdriver -V"
expect_status 0
expect_out "mm: performance index ="
end "reference-handout-builds-and-runs-in-an-empty-folder"

begin
unpack skeleton
grep -q '/\* skeleton:\|skeleton:end' "$h/mm.c" && note "a skeleton: marker is left in mm.c"
grep -q 'case 4: both are free' "$h/mm.c" && note "the skeleton still holds coalesce's solution"
grep -q -- '---- Invariants' "$h/mm.c" || note "the skeleton lost the design note"
notes=$(grep -c 'To write:' "$h/mm.c")
[ "$notes" -eq 7 ] || note "$notes 'To write' notes, not 7"
describes skeleton
build
run sh -c "cd '$h' && ./mdriver -V"
expect_status 1
expect_err "mm.c: grow_heap() is still to write"
expect_err "FAIL [mm] traces/uniform.rep"
grep -q 'SIGSEGV\|crashed\|ended without' "$tmp/out" "$tmp/err" &&
    note "a crash: $(grep 'SIGSEGV\|crashed\|ended without' "$tmp/out" "$tmp/err" | head -n 3)"
expect_out "19 of 19 traces failed"
end "skeleton-handout-compiles-clean-and-fails-pointing-at-what-to-write"

begin
unpack naive
grep -q 'bump allocator' "$h/mm.c" || note "the naive mm.c is not the bump allocator"
describes naive
build
run sh -c "cd '$h' && ./mdriver -V"
expect_status 0
expect_out "mm: performance index ="
end "naive-handout-builds-and-passes-every-trace"

begin
run sh -c "MAKEFLAGS= make -s -f handout/handout.mk handout STARTER=solution HANDOUT='$tmp/x.tar.gz' HANDOUT_ROOT='$tmp/x'"
[ "$status" -ne 0 ] || note "STARTER=solution was accepted"
expect_err "STARTER is reference, skeleton or naive, not 'solution'"
[ ! -f "$tmp/x.tar.gz" ] || note "a tarball was written anyway"
printf 'a\n<!-- handout:instructor -->\nb\n' >"$tmp/open.md"
run sh handout/extract readme handout/naive.md <"$tmp/open.md"
expect_status 2
expect_err "a marker is not closed"
end "bad-starter-and-unclosed-marker-are-refused"

summary

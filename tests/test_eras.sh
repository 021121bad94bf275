#!/bin/sh
# test_eras.sh - submissions written for other handouts build unchanged,
# score as they should, and fail with the right diagnosis.
#
# tests/eras/ERA.c are allocators in the style of three eras (CS:APP,
# 15-213 of 2016, 15-213 of 2019); the other eras' files are made from
# them here by the edits their handouts imply (team_t removed, the
# checker's signature changed, Penn State's mm_ names). All run the same
# algorithm: the eras with 8-byte alignment score alike, and so do those
# with 16 (the lab's own interface among them). Each era's broken file
# plants one bug, which the diagnosis must find through that era's checker.
#
# Run from the top folder, after make (tests/run.sh does both).

# shellcheck source=tests/lib.sh
. tests/lib.sh

E=tests/eras
TRACES="-f traces/uniform.rep -f traces/realloc-grow-mix.rep -f traces/coalesce-runs.rep"

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

command -v objcopy >/dev/null 2>&1 ||
    { echo "skip: objcopy (binutils) is missing; eras other than the lab's cannot be built"; summary; exit 0; }

# ---- The files of each era -------------------------------------------------------

cp "$E/csapp.c" "$E/15213-2016.c" "$E/15213-2019.c" "$tmp/"
# CS:APP without team_t: the same file, its team record left out.
sed '/^team_t team = {/,/^};/d' "$E/csapp.c" >"$tmp/csapp-noteam.c"
# 15-213 of 2013: the checker takes a verbosity; of 2014, returns an int.
sed 's/lineno/verbose/g' "$E/15213-2016.c" >"$tmp/15213-2013.c"
sed -e 's/lineno/verbose/g' -e 's/^void mm_checkheap/int mm_checkheap/' \
    -e '/^int mm_checkheap/,/^}/s/return;/return 0;/' "$E/15213-2016.c" >"$tmp/15213-2014.c"
# Penn State: the heap through mm_ names.
sed -e 's/\bmem_\(sbrk\|heap_lo\|memcpy\|memset\)\b/mm_\1/g' "$E/15213-2019.c" >"$tmp/psu-2022.c"
# The lab's own interface: int mm_init, mm_* by name, the C library's memcpy.
sed -e '/^bool mm_init/,/^}/{s/^bool/int/;s/return false;/return -1;/;s/return true;/return 0;/}' \
    -e '/^#ifdef DRIVER$/,/^#endif$/d' -e 's/\b\(malloc\|free\|realloc\|calloc\)(/mm_\1(/g' \
    -e 's/\bmem_\(memcpy\|memset\)\b/\1/g' "$E/15213-2019.c" >"$tmp/native.c"

ERAS8="csapp csapp-noteam 15213-2013 15213-2014 15213-2016"
ERAS16="native 15213-2019 psu-2022"

# ---- Detection -------------------------------------------------------------------

begin
for era in $ERAS8 $ERAS16; do
    got=$(eras/detect "$tmp/$era.c" 2>"$tmp/err")
    [ "$got" = "$era detected" ] || note "$era.c detected as '$got': $(cat "$tmp/err")"
done
got=$(eras/detect mm.c)
[ "$got" = "native detected" ] || note "the lab's mm.c detected as '$got'"
end "detect-names-each-eras-file"

# A 15-213 checker whose parameter says neither verbosity nor line: 2013 or 2016.
sed 's/lineno/n/g' "$E/15213-2016.c" >"$tmp/ambiguous.c"
begin
run eras/detect "$tmp/ambiguous.c"
expect_status 1
expect_empty_out
expect_phrases "more than one interface fits it (15213-2013 15213-2016);15213-2014: no: its mm_checkheap does not return int;make INTERFACE=NAME;#define MM_INTERFACE"
end "detect-lists-what-fits-when-two-do"

# team_t and bool mm_init: no handout had both.
sed 's/^int mm_init(void)/bool mm_init(void)/' "$E/csapp.c" >"$tmp/none.c"
begin
run eras/detect "$tmp/none.c"
expect_status 1
expect_phrases "no interface fits it;csapp: no: its mm_init returns bool;15213-2019: no: it defines team_t team;make INTERFACE=NAME"
end "detect-lists-what-was-tried-when-none-fits"

# Brown's handout (mm_malloc(long)) is not supported: said so, by name.
sed 's/^void \*mm_malloc(size_t size)/void *mm_malloc(long size)/' "$E/csapp.c" >"$tmp/brown.c"
begin
run eras/detect "$tmp/brown.c"
expect_status 1
expect_phrases "no interface fits it;Brown CS0330's (mm_malloc(long)) handout, which this lab does not support"
end "detect-names-an-unsupported-handout"

printf '#ifndef MM_INTERFACE\n#define MM_INTERFACE "pku"\n#endif\n' >"$tmp/config.h"
begin
run eras/detect -c "$tmp/config.h" "$tmp/ambiguous.c"
expect_status 0
expect_out "pku config"
end "detect-takes-config-h-s-choice"

# ---- Each era builds and passes, and scores as its peers -------------------------

# build ERA FILE NAME: $tmp/mdriver-NAME, FILE built for ERA.
build() {
    make -s era-driver SRC="$2" FOR="$1" OUT="$tmp/mdriver-$3" >"$tmp/build-$3.log" 2>&1 ||
        note "$3 does not build for $1: $(grep -m 3 -i error "$tmp/build-$3.log")"
}

# utils NAME: "trace util" lines of the last run, into $tmp/util-NAME.
utils() {
    awk '$1 ~ /\.rep$/ && $2 == "yes" { print $1, $3 }' "$tmp/out" >"$tmp/util-$1"
    [ "$(wc -l <"$tmp/util-$1")" -eq 3 ] || note "$1: not 3 valid traces"
}

for era in $ERAS8 $ERAS16; do
    begin
    build "$era" "$tmp/$era.c" "$era"
    # shellcheck disable=SC2086 # the trace flags
    [ -x "$tmp/mdriver-$era" ] && run "$tmp/mdriver-$era" -V $TRACES
    expect_status 0
    head -n 1 "$tmp/out" | grep -q "^Interface: $era (" ||
        note "the first line does not name $era: $(head -n 1 "$tmp/out")"
    utils "$era"
    end "$era-builds-unchanged-and-passes"
done

begin
"$tmp/mdriver-csapp" -V -f traces/split.rep >"$tmp/first" 2>&1
grep -q "aligned to 8 bytes, heap up to 20 MB as its driver allowed; team 'fixture'" "$tmp/first" ||
    note "csapp's rules and team are not named: $(head -n 1 "$tmp/first")"
"$tmp/mdriver-15213-2019" -V -f traces/split.rep >"$tmp/first" 2>&1
grep -q "aligned to 16 bytes, heap up to 100 MB" "$tmp/first" ||
    note "15213-2019's rules are not named: $(head -n 1 "$tmp/first")"
printf '1\n1\n2\n25000000\na 0 25000000\nf 0\n' >"$tmp/25mb.rep"
run "$tmp/mdriver-csapp" -f "$tmp/25mb.rep"
expect_status 1
expect_err "more than the arena's 20971520 bytes (by default the limit the csapp interface's driver had"
run "$tmp/mdriver-csapp" -M 64M -f "$tmp/25mb.rep"
expect_status 0
end "each-era-is-held-to-its-drivers-alignment-and-heap"

# same GROUP...: the per-trace utilizations are equal across the group.
same() {
    begin
    first=$1
    for era in "$@"; do
        cmp -s "$tmp/util-$first" "$tmp/util-$era" ||
            note "$era scores $(tr '\n' ' ' <"$tmp/util-$era"), $first $(tr '\n' ' ' <"$tmp/util-$first")"
    done
    end "same-algorithm-same-utilization-$first-and-$(($# - 1))-more"
}
# shellcheck disable=SC2086
same $ERAS8
# shellcheck disable=SC2086
same $ERAS16

# The lab's own rule check reads an era's object as it compiled (not
# instrumented: a sanitizer adds kilobytes of global data of its own).
objdir=$(make -s --no-print-directory print-objdir)
begin
case $objdir in
    */san) echo "skip: the rule check reads objects built without a sanitizer" ;;
    *) for era in csapp 15213-2016 15213-2019 psu-2022; do
    tools/rulecheck -c config.h "$tmp/mdriver-$era.o" >"$tmp/rules" 2>&1 ||
        note "$era breaks a rule: $(cat "$tmp/rules")"
       done ;;
esac
nm "$tmp/mdriver-15213-2019.o" | grep -q ' T mm_init$' ||
    note "15213-2019's object lost its mm_init (renamed in the object rulecheck reads?)"
end "rulecheck-passes-each-eras-honest-object"

# ---- Broken: the right diagnosis through each era's checker -------------------------

# Each leaves out the footer of the free rest of a split block.
sed '/PUT(FTR(bp), TAG(csize - asize, 0));/d' "$E/csapp.c" >"$tmp/csapp-broken.c"
sed '/put(ftr(bp), tag(csize - asize, 0));/d' "$E/15213-2016.c" >"$tmp/15213-2016-broken.c"
sed 's/^int mm_checkheap/int mm_checkheap/' "$tmp/15213-2014.c" |
    sed '/put(ftr(bp), tag(csize - asize, 0));/d' >"$tmp/15213-2014-broken.c"
sed 's/write_block(find_next(block), block_size - asize, false);/find_next(block)->header = pack(block_size - asize, false);/' \
    "$E/15213-2019.c" >"$tmp/15213-2019-broken.c"

# No checker: the driver's own checks, and -c says once that there is none.
begin
build csapp "$tmp/csapp-broken.c" csapp-broken
run "$tmp/mdriver-csapp-broken" -c -f traces/uniform.rep
expect_status 1
expect_phrases "the csapp interface has no mm_checkheap;overlaps live block"
[ "$(grep -c 'has no mm_checkheap' "$tmp/err")" -eq 1 ] || note "the note is not said once"
end "csapp-broken-is-caught-by-the-drivers-checks"

# A checker that prints and exits: the first bad operation is where it ended the replay.
for era in 15213-2016 15213-2014; do
    begin
    build "$era" "$tmp/$era-broken.c" "$era-broken"
    run "$tmp/mdriver-$era-broken" -f traces/uniform.rep
    expect_status 1
    expect_phrases "FAIL [mm] traces/uniform.rep:;first bad operation: called after every operation, mm_checkheap;ended the replay at line 95: 'a 87 641'"
    expect_out "header does not match footer"
    end "$era-broken-first-bad-operation-is-where-its-checker-exited"
done

# A checker returning false: the first bad operation is where it did.
begin
build 15213-2019 "$tmp/15213-2019-broken.c" 15213-2019-broken
run "$tmp/mdriver-15213-2019-broken" -f traces/uniform.rep
expect_status 1
expect_phrases "first bad operation: the heap was already inconsistent after line 95: 'a 87 641'"
end "15213-2019-broken-first-bad-operation-is-where-its-checker-said-false"

begin
run "$tmp/mdriver-15213-2019-broken" -c -f traces/uniform.rep
expect_status 1
expect_err "traces/uniform.rep:95: 'a 87 641': mm_checkheap returned false"
end "15213-2019-broken-c-stops-where-its-checker-says-false"

# Every feature: the heap dump, shrinking, the grading outputs, -p.
begin
run "$tmp/mdriver-15213-2016-broken" -d -S "$tmp/small.rep" -g -f traces/uniform.rep
expect_status 1
expect_phrases "defines no mm_walk_heap;Replayed up to line"
[ -s "$tmp/small.rep" ] || note "-S wrote no smaller trace"
tail -n 1 "$tmp/out" | grep -q '^{"scores": ' || note "-g's line is not last"
run "$tmp/mdriver-15213-2016-broken" -f "$tmp/small.rep"
expect_status 1
end "15213-2016-broken-dump-shrink-and-grading-work"

begin
run "$tmp/mdriver-csapp" -v -p first,best,libc -f traces/split.rep
expect_status 0
expect_err "the csapp interface has no mm_set_placement; -p goes on with mm.c's own policy only"
expect_row "^split.rep +12 [|] +96.9%"
expect_out "libc"
end "p-on-an-era-without-placements-says-so-and-goes-on"

# ---- A 32-bit-only submission in the 64-bit build ------------------------------------

# It keeps the heap's start in a 4-byte word (the pad), and walks from there.
sed -e 's|^    heap_listp += (2\*WSIZE);|&\n    PUT(mem_heap_lo(), (unsigned int)heap_listp);|' \
    -e 's|^    for (bp = heap_listp; SIZE_AT(HDR(bp)) > 0; bp = NEXT(bp))$|    for (bp = (void *)GET(mem_heap_lo()); SIZE_AT(HDR(bp)) > 0; bp = NEXT(bp))|' \
    "$E/csapp.c" >"$tmp/ptr32.c"
begin
grep -q '(void \*)GET(mem_heap_lo())' "$tmp/ptr32.c" || note "the 32-bit edit did not apply"
build csapp "$tmp/ptr32.c" ptr32
run "$tmp/mdriver-ptr32" -f traces/uniform.rep
# The build's word size, from the driver's ELF header (EI_CLASS: 1 is 32-bit).
class=$(od -An -tx1 -j4 -N1 "$tmp/mdriver-ptr32" 2>/dev/null | tr -d ' ')
if [ "$class" != 01 ]; then
    expect_status 1
    expect_phrases "FAIL [mm] traces/uniform.rep:;the process crashed with SIGSEGV"
else
    expect_status 0
fi
end "a-32-bit-only-submission-fails-by-name-in-the-64-bit-build-and-passes-in-the-32-bit-one"

# ---- Unchanged: copied over mm.c, make, ./mdriver -V -------------------------------

lab=$tmp/lab
mkdir -p "$lab/build"
cp -p Makefile config.h mm.h memlib.c memlib.h mdriver.c "$lab/" &&
    cp -pR driver eras traces tools tests plots viewer handout "$lab/" &&
    cp -pR build/flavor "$lab/build/" &&
    mkdir -p "$lab/$objdir" && cp -pR "$objdir/." "$lab/$objdir/" ||
    give_up "the-lab-copies" "cannot copy the lab into $lab"
rm -rf "$lab/tests/eras"
begin
cp "$E/15213-2016.c" "$lab/mm.c"
(cd "$lab" && make -s mdriver) >"$tmp/make.log" 2>&1 || note "make: $(tail -n 5 "$tmp/make.log")"
[ -x "$lab/mdriver" ] && run "$lab/mdriver" -V -f traces/split.rep
expect_status 0
head -n 1 "$tmp/out" | grep -q "^Interface: 15213-2016 (.*), detected in mm.c;" ||
    note "first line: $(head -n 1 "$tmp/out")"
end "copied-over-mm-c-builds-and-says-its-interface-first"

begin
(cd "$lab" && make -s --no-print-directory print-interface INTERFACE=pku) >"$tmp/out" 2>&1
grep -q "^15213-2016 (forced by make INTERFACE=pku)" "$tmp/out" || note "INTERFACE=pku: $(cat "$tmp/out")"
cp "$tmp/ambiguous.c" "$lab/mm.c"
(cd "$lab" && make -s mdriver) >"$tmp/out" 2>&1 && note "an ambiguous mm.c built"
grep -q "more than one interface fits it" "$tmp/out" || note "no message: $(cat "$tmp/out")"
sed 's|^#define MM_INTERFACE ""|#define MM_INTERFACE "15213-2016"|' config.h >"$lab/config.h"
(cd "$lab" && make -s --no-print-directory print-interface) >"$tmp/out" 2>&1
grep -q "^15213-2016 (forced by MM_INTERFACE in config.h)" "$tmp/out" ||
    note "config.h's line: $(cat "$tmp/out")"
end "an-ambiguous-mm-c-gets-the-message-and-is-forced-by-hand"

# ---- tools/grade: each submission's interface, found and written down -----------

mkdir -p "$tmp/subs"
cp "$E/csapp.c" "$tmp/subs/ada.c"
cp "$E/15213-2019.c" "$tmp/subs/bo.c"
cp "$tmp/ambiguous.c" "$tmp/subs/cy.c"
begin
run sh tools/grade -o "$tmp/grades" -a '-f traces/split.rep -f traces/coalesce-runs.rep' \
    "$tmp/subs/ada.c" "$tmp/subs/bo.c" "$tmp/subs/cy.c"
expect_status 0
csv=$tmp/grades/grades.csv
grep -q '^"ada",2/2,.*,"csapp","' "$csv" || note "ada's row: $(grep '^"ada"' "$csv")"
grep -q '^"bo",2/2,.*,"15213-2019","' "$csv" || note "bo's row: $(grep '^"bo"' "$csv")"
grep -q '^"cy",0/0,.*more than one interface fits it.*,"none","' "$csv" ||
    note "cy's row: $(grep '^"cy"' "$csv")"
grep -q 'more than one interface fits it' "$tmp/grades/cy/results.json" ||
    note "cy's results.json does not say why it was not built"
end "grade-detects-each-submissions-interface-and-writes-it-down"

begin
run sh tools/grade -i pku -o "$tmp/forced" -a '-f traces/split.rep' "$tmp/subs/cy.c"
expect_status 0
grep -q '^"cy",1/1,.*,"15213-2016","' "$tmp/forced/grades.csv" ||
    note "cy's row: $(grep '^"cy"' "$tmp/forced/grades.csv")"
end "grade-i-forces-an-interface-on-every-submission"

summary

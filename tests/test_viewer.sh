#!/bin/sh
# test_viewer.sh - the viewer page (mdriver -H) in a real browser: headless
# Chromium loads the page from disk at a moment chosen by the URL fragment
# (#op=N, #policy=NAME) and dumps the DOM; the page's state element (id
# "state") says what it shows. At operation N it must show exactly the
# blocks the driver's -x dump shows after that operation (mm_walk_heap's
# view); its breakdown must equal the driver's CSV; a failure page must mark
# the block the failure message names; free-list arrows must follow the
# list an explicit-list allocator reports.
#
# Run from the top folder, after make test has built the test drivers.
# Skips, saying so, where no Chromium is installed.

# shellcheck source=tests/lib.sh
. tests/lib.sh

B=tests/broken
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# ---- Without a browser: what -H refuses ----------------------------------------------

begin
run ./mdriver -p libc -H "$tmp/libc.html" -f traces/coalesce-both.rep
expect_status 2
expect_err "mdriver: -H draws mm.c's heap, and this run has no mm.c policy"
[ -e "$tmp/libc.html" ] && note "a page was written for libc"
end "viewer-refuses-a-run-without-mm-c"

begin
run ./mdriver -H "$tmp/no/such/folder/x.html" -f traces/coalesce-both.rep
expect_status 2
expect_err "mdriver: cannot write '$tmp/no/such/folder/x.html': No such file or directory"
end "viewer-says-when-it-cannot-write-the-page"

begin
run ./mdriver -H "$tmp/x.html" -x 7 -f traces/coalesce-both.rep
expect_status 2
expect_err "-H draws a whole checked run; leave out -x and -P"
end "viewer-refuses-a-stopped-run"

browser=""
for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then browser=$name; break; fi
done
if [ -z "$browser" ]; then
    echo "skip: no headless Chromium (apt-get install chromium): the viewer is not tested"
    summary
    exit 0
fi
for program in ./mdriver tools/tracegen "$B/mdriver-correct" "$B/mdriver-overlap-partial" \
               "$B/mdriver-free-writes-next" "$B/mdriver-segv" "$B/mdriver-late-corruption" \
               tests/viewer/mdriver-explicit; do
    [ -x "$program" ] || give_up "drivers-are-built" "no $program: run make test"
done

# state PAGE FRAGMENT: the page's state element at that fragment, one line
# (PAGE an absolute path).
state() {
    "$browser" --headless --no-sandbox --disable-gpu --user-data-dir="$tmp/profile" \
        --virtual-time-budget=5000 --dump-dom "file://$1#$2" 2>/dev/null |
        sed -n 's/.*<script id="state" type="application\/json">\([^<]*\)<\/script>.*/\1/p'
}

# field STATE KEY: the value of the first "KEY": in STATE, up to the next
# comma or closing brace (a number or a string).
field() {
    printf '%s\n' "$1" | awk -v key="\"$2\":" '{
        i = index($0, key)
        if (i == 0) exit
        rest = substr($0, i + length(key))
        match(rest, /^[^,}]*/)
        print substr(rest, 1, RLENGTH)
    }'
}

# expect_state PAGE FRAGMENT WHAT PIECE...: the page's state at that
# fragment holds each PIECE, in order; else note WHAT, with the state.
expect_state() {
    s=$(state "$1" "$2")
    what=$3
    shift 3
    rest=$s
    for piece in "$@"; do
        case "$rest" in
            *"$piece"*) rest=${rest#*"$piece"} ;;
            *) note "$what: $(printf '%s' "$s" | head -c 600)"; return ;;
        esac
    done
}

# blocks_of STATE POLICY: that policy's blocks, "[[off,size,alloc],...]".
blocks_of() {
    printf '%s\n' "$1" | sed -n "s/.*\"$2\":{[^{]*\"blocks\":\\(\\[[^a-z]*\\]\\)\\].*/\\1]/p" |
        sed 's/\]\],.*/]]/'
}

# xdump_blocks OUT POLICY: mm.c's blocks in mdriver -x's output for POLICY,
# as "[off,size,alloc],..." (offsets in decimal).
xdump_blocks() {
    awk -v want="[$2]:" '
        function hex(s,   i, n, c) {
            n = 0
            for (i = 1; i <= length(s); i++) {
                c = index("0123456789abcdef", substr(s, i, 1)) - 1
                n = n * 16 + c
            }
            return n
        }
        / stopped after line / { on = index($0, want) > 0 }
        on && $1 ~ /^heap\+0x/ && ($4 == "allocated" || $4 == "free") {
            printf "%s[%d,%d,%d]", sep, hex(substr($1, 8)), $2, $4 == "allocated"
            sep = ","
        }' "$1"
}

# ---- The page itself ----------------------------------------------------------

begin
run ./mdriver -p first,next,best -H "$tmp/cb.html" -f traces/coalesce-both.rep -o "$tmp/cb.csv"
expect_status 0
expect_out "Wrote $tmp/cb.html"
[ -s "$tmp/cb.html" ] || note "no page written"
grep -Eq '(src|href)=|https?://[a-z]|fetch\(|XMLHttpRequest|import\(' "$tmp/cb.html" &&
    note "the page refers to something outside itself: $(grep -Eo '(src|href)=[^ ]*|https?://[a-z][^ ]*' "$tmp/cb.html" | head -3)"
[ "$(grep -c '<script id="data" type="application/json">' "$tmp/cb.html")" -eq 1 ] ||
    note "the data is not embedded exactly once"
end "viewer-page-is-one-self-contained-file"

# At operations 3, 6 and 9 of coalesce-both.rep (the whole heap fits the
# -x dump), under each policy: the blocks mm_walk_heap reported.
for n in 3 6 9; do
    begin
    s=$(state "$tmp/cb.html" "op=$n")
    [ -n "$s" ] || note "no state element at op=$n"
    [ "$(field "$s" op)" = "$n" ] || note "the page is at op $(field "$s" op), not $n"
    line=$(field "$s" line)
    run ./mdriver -p first,next,best -f traces/coalesce-both.rep -x "$line"
    for p in first next best; do
        want="[$(xdump_blocks "$tmp/out" "$p")]"
        got=$(blocks_of "$s" "$p")
        [ "$want" = "$got" ] || note "op $n (line $line), $p: the page shows $got, -x shows $want"
    done
    end "viewer-at-op-$n-shows-mm_walk_heaps-blocks"
done

# The URL fragment picks the policy too.
begin
s=$(state "$tmp/cb.html" "op=6&policy=best")
[ "$(field "$s" policy)" = '"best"' ] || note "policy is $(field "$s" policy), not \"best\""
[ "$(field "$s" op)" = 6 ] || note "op is $(field "$s" op)"
end "viewer-fragment-picks-the-policy"

# The breakdown's five numbers are the driver's (the CSV's peak, internal,
# external, structure and growth).
begin
s=$(state "$tmp/cb.html" "op=1")
for p in first next best; do
    want=$(awk -F, -v p="$p" 'NR > 1 && $2 == p { print "[" $11 "," $12 "," $13 "," $14 "," $15 "]" }' "$tmp/cb.csv")
    got=$(printf '%s\n' "$s" | sed -n "s/.*\"$p\":{[^{]*\"breakdown\":\\(\\[[0-9,]*\\]\\).*/\\1/p")
    [ -n "$want" ] && [ "$want" = "$got" ] || note "$p: the page's breakdown is '$got', the CSV's '$want'"
done
end "viewer-breakdown-equals-the-drivers"

# A longer trace, past many key frames and deltas: at operation 5000 the
# blocks around the last operation, as -x dumps them, appear in the page's
# list, in order and whole.
begin
run ./mdriver -p first,best -H "$tmp/rg.html" -f traces/realloc-grow-mix.rep
expect_status 0
s=$(state "$tmp/rg.html" "op=5000")
line=$(field "$s" line)
run ./mdriver -p first,best -f traces/realloc-grow-mix.rep -x "$line"
for p in first best; do
    want=$(xdump_blocks "$tmp/out" "$p")
    got=$(blocks_of "$s" "$p")
    [ -n "$want" ] || note "$p: -x showed no blocks"
    case "$got" in
        *"$want"*) ;;
        *) note "$p at line $line: -x shows $want, which the page's blocks lack" ;;
    esac
done
end "viewer-long-trace-rebuilds-the-blocks-from-deltas"

# Past VIEWER_EXACT_OPS (20,000) operations mm.c's blocks are sampled: a
# moment between samples says so (exact false, the sample shown before it),
# the peak and the end are exact, and the driver's payloads stay exact.
tools/tracegen -p uniform -n 24000 -l 300 -M 512 -s 3 -o "$tmp/long.rep"
begin
run ./mdriver -H "$tmp/long.html" -f "$tmp/long.rep"
expect_status 0
expect_state "$tmp/long.html" "op=12345" "op 12345 is not shown as sampled" \
    '"shown":12345,"exact":false,'
expect_state "$tmp/long.html" "op=24000" "the last operation is not exact" \
    '"shown":24000,"exact":true,'
end "viewer-samples-a-trace-past-the-exact-limit"

# ---- Failures -------------------------------------------------------------------

# overlap-partial returns block 2 over live block 1 (48 bytes at heap+0x50):
# at the failure the page marks block 1, and the bytes returned.
begin
run "$B/mdriver-overlap-partial" -H "$tmp/ov.html" -f traces/coalesce-both.rep
expect_status 1
expect_err "which overlaps live block 1 (48 bytes at heap+0x50, placed at line 6)"
expect_state "$tmp/ov.html" "op=99" "the failure is not marked on block 1 at heap+0x50 (80)" \
    '"failure":{"op":2,"moment":3,"first_bad":-1,"kind":"overlapping blocks","marked":[96,144],"blocks":[[80,48,1]]}'
end "viewer-failure-marks-the-overlapped-block"

# free-writes-next damages block 2 (48 bytes at heap+0x90) when freeing 1.
begin
run "$B/mdriver-free-writes-next" -H "$tmp/fw.html" -f traces/coalesce-both.rep
expect_status 1
expect_err "the data in block 2 (48 bytes at heap+0x90, placed at line 7) changed"
expect_state "$tmp/fw.html" "op=99" "the damaged bytes of block 2 at heap+0x90 (144) are not marked" \
    '"marked":[144,152],"blocks":[[144,48,2]]'
end "viewer-failure-marks-the-damaged-bytes"

# late-corruption breaks a header at line 7 (the third operation); the
# driver notices at line 15 (the eleventh); mm_checkheap finds line 7 as the
# first bad operation, and the page can jump to both.
printf '1\n7\n15\n448\na 0 64\na 1 64\na 2 64\na 3 32\nf 1\na 4 128\nf 3\na 5 16\nf 2\na 6 48\nr 0 256\nf 4\nf 5\nf 6\nf 0\n' >"$tmp/late.rep"
begin
run "$B/mdriver-late-corruption" -H "$tmp/late.html" -f "$tmp/late.rep"
expect_status 1
expect_err "first bad operation: the heap was already inconsistent after line 7"
expect_state "$tmp/late.html" "op=1" "the page does not know the failure at op 11 and the first bad op 3" \
    '"failure":{"op":10,"moment":11,"first_bad":3,"kind":"realloc lost data"'
end "viewer-knows-the-first-bad-operation"

# A crash: the page shows the heap just before the crashing operation.
begin
run "$B/mdriver-segv" -H "$tmp/sg.html" -f traces/coalesce-both.rep
expect_status 1
expect_state "$tmp/sg.html" "op=99" "the crash page does not show the heap after op 2, before the crash" \
    '"shown":2,' '"failure":{"op":2,"moment":2,"first_bad":-1,"kind":"crash"'
end "viewer-crash-shows-the-heap-just-before"

# Without mm_walk_heap the page draws the driver's view: the payloads.
begin
run "$B/mdriver-correct" -H "$tmp/nw.html" -f traces/coalesce-both.rep
expect_status 0
expect_state "$tmp/nw.html" "op=4" "the page does not show the four payloads from the driver's view" \
    '"source":"driver"' '"blocks":[[16,48,1],[80,48,1],[144,48,1],[208,48,1]]'
end "viewer-without-mm_walk_heap-shows-the-drivers-view"

# ---- Free lists -------------------------------------------------------------------

# The explicit-list allocator pushes each freed block on the front of its
# list. coalesce-both.rep places 64-byte blocks at 24, 88, ..., 280 and a
# 192-byte one at 344, then frees (lines 10, 11, ...) blocks 1, 3, 2, then
# 0, 4, 5: the list then runs 344 280 24 152 216 88. The reference mm.c
# reports no list.
begin
run tests/viewer/mdriver-explicit -H "$tmp/ex.html" -f traces/coalesce-both.rep
expect_status 0
expect_state "$tmp/ex.html" "op=12" "the arrows do not follow the free list 344 280 24 152 216 88" \
    '"lists":[[24,152],[152,216],[216,88],[280,24],[344,280]]'
s=$(state "$tmp/cb.html" "op=12")
case "$s" in
    *'"lists":[[0-9]'*) note "the reference mm.c's page draws a free list: $s" ;;
esac
end "viewer-free-list-arrows-follow-the-list"

summary

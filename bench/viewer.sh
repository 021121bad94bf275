#!/bin/sh
# bench/viewer.sh - the viewer page's size and speed (mdriver -H), for
# BENCHMARKS.md: traces of 20,000 operations (the largest drawn exactly at
# every operation, VIEWER_EXACT_OPS) and of 300,000 (sampled), each page
# timed in headless Chromium: the first picture (ms from navigation start
# to the end of the first drawing, performance.now()) and the mean time of
# one redraw, jumping (#bench: 100 spread moments) and stepping (100 steps).
# bench/run.sh calls it; it says so and stops where Chromium is missing.
set -u
cd "$(dirname "$0")/.." || exit 2
out=build/bench/viewer
mkdir -p "$out"

browser=""
for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then browser=$name; break; fi
done

for spec in "20k 20000 exact" "300k 300000 sampled"; do
    set -- $spec
    tools/tracegen -p uniform -n "$2" -l 2000 -r 10 -s 14 -o "$out/u$1.rep"
    started=$(date +%s.%N)
    ./mdriver -H "$out/u$1.html" -f "$out/u$1.rep" >/dev/null
    secs=$(echo "$started $(date +%s.%N)" | awk '{ printf "%.1f", $2 - $1 }')
    bytes=$(wc -c <"$out/u$1.html")
    printf '%s operations (%s): page %.1f MB, mdriver -H took %s s (the run and the recording)\n' \
        "$2" "$3" "$(echo "$bytes" | awk '{ print $1 / 1e6 }')" "$secs"
    if [ -z "$browser" ]; then
        echo "  (no headless Chromium: the page is not timed)"
        continue
    fi
    for try in 1 2 3; do
        "$browser" --headless --no-sandbox --disable-gpu --user-data-dir="$out/profile" \
            --virtual-time-budget=120000 --dump-dom "file://$(pwd)/$out/u$1.html#op=$(($2 / 2))&bench=100" \
            2>/dev/null | grep -o '"bench":{[^}]*}' | sed "s/^/  try $try: /"
    done
done

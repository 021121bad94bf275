# heap-over-time.gp - the heap's size under each placement policy, and the
# live payload, over the course of one trace.
#
#   gnuplot -e "data='build/plots-data'; out='heap.png'; trace='uniform'" plots/heap-over-time.gp
#
# The live payload is the trace's own: the same under every policy, so it
# is drawn once. The heap never shrinks: its final size is the denominator
# of utilization, and at the peak of the live payload the space between a
# heap line and the payload is what that policy wasted.

# common.gp is next to this script, wherever gnuplot is run from.
s = ARG0; here = ""
while (strstrt(s, "/")) { here = here . s[:strstrt(s, "/")]; s = s[strstrt(s, "/") + 1:] }
load here . "common.gp"
# The defaults of make plots (plots/plots.mk).
if (!exists("trace")) trace = "realloc-grow-mix"

timeline(p) = sprintf("%s/timeline/%s.%s.dat", data, trace, p)
n = words(mm_policies)

# Each policy's final heap (the heap never shrinks: its largest), and the
# largest of them.
final_heaps = ""
max_heap = 0
do for [k = 1:n] {
    stats timeline(word(mm_policies, k)) using 2 nooutput
    final_heaps = final_heaps . sprintf("%.0f ", STATS_max)
    max_heap = STATS_max > max_heap ? STATS_max : max_heap
}
final_heap(k) = word(final_heaps, k) + 0

# The peak of the live payload, and when it happens.
stats timeline(word(mm_policies, 1)) using 1:3 nooutput
peak = STATS_max_y
peak_op = STATS_pos_max_y

# Bytes in MiB for big heaps, in KiB for small ones.
unit = max_heap >= 4 * 2**20 ? 2**20 : 2**10
unit_name = unit == 2**20 ? "MiB" : "KiB"

key_title(k) = sprintf("heap, %s: final %.0f %s, util %.1f%%", word(mm_policies, k), \
    final_heap(k) / unit, unit_name, 100 * peak / final_heap(k))

set title sprintf("Heap size and live payload over time: trace %s\n" . \
    "(at the peak, the gap between a heap line and the grey area is heap the policy wasted)", trace)
set xlabel "operations done"
set ylabel sprintf("bytes (%s)", unit_name)
# Headroom above the largest heap for the legend.
set yrange [0:1.3 * max_heap / unit]
set xrange [0:*]
set autoscale xfixmax
set key top right Left reverse samplen 3 opaque
set grid xtics ytics

# A dotted line marks the peak; the utilization of each policy is measured
# there, against its final heap.
set arrow 1 from peak_op, graph 0 to peak_op, graph 0.8 nohead front dt 3 lw 1.5 lc rgb "#555555"

plot timeline(word(mm_policies, 1)) using 1:($3 / unit) with filledcurves y1=0 \
        fc rgb "#C8C8C8" fs solid 1.0 noborder title "live payload (every policy)", \
     for [k = 1:n] timeline(word(mm_policies, k)) using 1:($2 / unit) with steps \
        lt policy_lt(word(mm_policies, k)) lw 2.5 title key_title(k), \
     keyentry with lines dt 3 lw 1.5 lc rgb "#555555" \
        title sprintf("peak live payload: %.0f %s, after operation %d", peak / unit, unit_name, peak_op)

# heapmap.gp - a map of the heap over the course of one trace under one
# placement policy: where in the heap the live payload sits, and when.
#
#   gnuplot -e "data='build/plots-data'; out='heapmap.png'; trace='uniform'; policy='next'" plots/heapmap.gp
#
# The heap is cut into equal buckets; each column is one moment, each
# cell's colour the share of its bucket covered by live payload. White is
# free heap, or heap not yet taken from mem_sbrk; the line on top is the
# heap's size, so the white below it is free space the policy left.

# common.gp is next to this script, wherever gnuplot is run from.
s = ARG0; here = ""
while (strstrt(s, "/")) { here = here . s[:strstrt(s, "/")]; s = s[strstrt(s, "/") + 1:] }
load here . "common.gp"
# The defaults of make plots (plots/plots.mk).
if (!exists("trace")) trace = "realloc-grow-mix"
if (!exists("policy")) policy = "next"

heapmap = sprintf("%s/heapmap/%s.%s.dat", data, trace, policy)
timeline = sprintf("%s/timeline/%s.%s.dat", data, trace, policy)

# The final heap (its largest) sets the unit and the y range; the last
# operation the x range.
stats timeline using 1:2 nooutput
final_heap = STATS_max_y
last_op = STATS_max_x
unit = final_heap >= 4 * 2**20 ? 2**20 : 2**10
unit_name = unit == 2**20 ? "MiB" : "KiB"

# The bucket size: the offset of the second row of the first block.
stats heapmap every ::1:0:1:0 using 2 nooutput
bucket = STATS_max

fit_name(p) = p eq "first" || p eq "next" || p eq "best" ? p . " fit" : p
set title sprintf("Heap map: trace %s, %s\n(where the live payload sits in the heap over time; " . \
    "buckets of %.1f KiB, white: no live byte)", trace, fit_name(policy), bucket / 1024.0)
set xlabel "operations done"
set ylabel sprintf("offset from the heap's start (%s)", unit_name)
set cblabel "share of the bucket holding live payload (%)"
set cbrange [0:100]
set palette defined (0 "white", 0.01 "#FCE5A4", 0.5 "#E8743B", 1 "#5B1A0E")
set xrange [0:last_op]
set yrange [0:1.08 * final_heap / unit]
set key top left Left reverse opaque samplen 3
set tics front

plot heapmap using 1:($2 / unit):(100 * $3) with image notitle, \
     timeline using 1:($2 / unit) with steps lw 2 lc rgb "#0072B2" title "heap size"

# tradeoff.gp - each placement policy's utilization against its throughput,
# over the whole suite: the two halves of the performance index.
#
#   gnuplot -e "data='build/plots-data'; out='tradeoff.png'" plots/tradeoff.gp
#
# Up is less memory wasted, right is faster. libc has no utilization to
# measure, so it is a vertical line at its throughput: the reference the
# index measures speed against.

# common.gp is next to this script, wherever gnuplot is run from.
s = ARG0; here = ""
while (strstrt(s, "/")) { here = here . s[:strstrt(s, "/")]; s = s[strstrt(s, "/") + 1:] }
load here . "common.gp"

# The x range: from a third of the slowest to three times the fastest,
# libc included. (stats obeys the ranges, so it comes before they are set.)
set datafile separator comma
stats totals skip 1 using 3 nooutput
set xrange [(STATS_min > 0 ? STATS_min : 1) / 3 : STATS_max * 3]

set title "Utilization against throughput, over the whole suite\n(one point per placement policy; up and to the right is better)"
set xlabel "throughput (Kops: all operations / all seconds; log scale)"
set ylabel "mean utilization (%)"
set logscale x
set format x "%.0f"
set grid xtics ytics
set yrange [0:100]
set key bottom left Left reverse opaque samplen 1 box

libc_kops = total(total_kops, "libc")
if (libc_kops ne "-") {
    set arrow 1 from libc_kops + 0, graph 0 to libc_kops + 0, graph 1 nohead dt 2 lw 2 lt 4
    set label 1 sprintf("libc %.0f Kops ", libc_kops + 0) at libc_kops + 0, graph 0.5 right tc lt 4
}

# The legend carries each policy's figures; the points carry only names:
# to the left, above and to the right in turn, so that two policies that
# score about the same (first and best, often) keep readable labels.
key_title(p) = sprintf("%s: util %.1f%%, %.0f Kops, index %.1f/100", p, \
    100 * total(total_util, p), total(total_kops, p) + 0, total(total_index, p) + 0)
n = words(mm_policies)
point(k) = strcol(1) eq word(mm_policies, k) ? $3 : NaN
plot for [k = 1:n] totals skip 1 using (point(k)):(100 * $2) \
        with points lt policy_lt(word(mm_policies, k)) ps 2.5 title key_title(word(mm_policies, k)), \
     for [k = 1:n:3] totals skip 1 using (point(k)):(100 * $2):1 \
        with labels right offset -1.8, 0 notitle, \
     for [k = 2:n:3] totals skip 1 using (point(k)):(100 * $2):1 \
        with labels center offset 0, 1.6 notitle, \
     for [k = 3:n:3] totals skip 1 using (point(k)):(100 * $2):1 \
        with labels left offset 1.8, 0 notitle

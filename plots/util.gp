# util.gp - utilization per trace, one bar per placement policy.
#
#   gnuplot -e "data='build/plots-data'; out='util.png'" plots/util.gp
#
# Utilization is the trace's peak live payload over the heap's final size:
# 100% would mean no byte of the heap was ever wasted. libc has no bar:
# its heap is not the simulated one, so the driver cannot measure it.

# common.gp is next to this script, wherever gnuplot is run from.
s = ARG0; here = ""
while (strstrt(s, "/")) { here = here . s[:strstrt(s, "/")]; s = s[strstrt(s, "/") + 1:] }
load here . "common.gp"
load here . "bars.gp"

n = words(mm_policies)
set title "Memory utilization per trace and placement policy\n(peak live payload / final heap size; higher is better)"
set ylabel "utilization (%)"
set xlabel sprintf("trace (fewer than %d operations left out)", minops)
set yrange [0:115]
set ytics 0, 20, 100
set key top center horizontal Left reverse samplen 2 width 1

# The legend gives each policy's mean, the figure the performance index uses.
key_title(p) = total(total_util, p) eq "-" ? p : \
    sprintf("%s (mean %.1f%%)", p, 100 * total(total_util, p))

set datafile separator comma
# A failed trace scores 0; its bar is replaced by a red "failed".
plot for [k = 1:n] results skip 1 using \
        (strcol(2) eq word(mm_policies, k) && has_trace(strcol(1)) && $3 == 1 \
            ? slot(strcol(1)) + bar_offset(k, n) : NaN):(100 * $4):(bar_width(n)) \
        with boxes lt policy_lt(word(mm_policies, k)) title key_title(word(mm_policies, k)), \
     for [k = 1:n] results skip 1 using \
        (strcol(2) eq word(mm_policies, k) && has_trace(strcol(1)) \
            ? slot(strcol(1)) + bar_offset(k, n) : NaN):(100 * $4):(sprintf("%.0f", 100 * $4)) \
        with labels rotate by 90 left offset 0, 0.3 font ",9" notitle, \
     for [k = 1:n] results skip 1 using \
        (strcol(2) eq word(mm_policies, k) && has_trace(strcol(1)) && $3 != 1 \
            ? slot(strcol(1)) + bar_offset(k, n) : NaN):(2):("failed") \
        with labels rotate by 90 left tc rgb "#D00000" notitle, \
     100 with lines dt 2 lw 1.5 lc rgb "black" title "100%"

# breakdown.gp - where each policy's memory went: one stacked bar per trace
# and placement policy, the final heap split at the peak of live payload
# (mdriver -F; the CSV's internal, external, structure, growth columns).
#
#   gnuplot -e "data='build/plots-data'; out='breakdown.png'" plots/breakdown.gp
#
# Each bar is the final heap, 100%: payload (the utilization) at the bottom,
# then internal fragmentation (allocated blocks beyond their payloads),
# external fragmentation (free blocks at the peak), the allocator's own
# structures, and the growth of the heap after the peak. Where mm.c has no
# mm_walk_heap, the middle of the bar is one grey "undivided" part.

# common.gp is next to this script, wherever gnuplot is run from.
s = ARG0; here = ""
while (strstrt(s, "/")) { here = here . s[:strstrt(s, "/")]; s = s[strstrt(s, "/") + 1:] }
load here . "common.gp"
load here . "bars.gp"

n = words(mm_policies)
set title "Where the memory went, per trace and placement policy\n(the final heap split at the peak of live payload; bars left to right: " . mm_policies . ")"
set ylabel "share of the final heap (%)"
set xlabel sprintf("trace (fewer than %d operations left out)", minops)
set yrange [0:118]
set ytics 0, 20, 100
set key top center horizontal Left reverse samplen 2 width 1 maxrows 2
set style fill solid 0.9 border lc rgb "white"

# results.csv columns: 10 heap, 11 payload, 12 internal, 13 external,
# 14 structure, 15 growth (12-14 empty where undivided). part j of a row
# spans [bottom(j), bottom(j + 1)) in % of the heap.
divided = 0
pct(x) = 100.0 * x / column(10)
bottom(j) = j == 1 ? 0 : \
            j == 2 ? pct($11) : \
            j == 3 ? pct($11 + $12) : \
            j == 4 ? pct($11 + $12 + $13) : \
            j == 5 ? pct($11 + $12 + $13 + $14) : 100
# The undivided part (no mm_walk_heap): heap at the peak less its payload.
rest_top = 0
names = "payload internal external structure growth"
part_colour(j) = j == 1 ? 0x0072B2 : j == 2 ? 0xE69F00 : j == 3 ? 0xD55E00 : \
                 j == 4 ? 0x7F7F7F : 0x56B4E9

# Does row belong to policy k's bars, as a measured (divided) breakdown?
mine(k) = strcol(2) eq word(mm_policies, k) && has_trace(strcol(1)) && $3 == 1 && column(10) > 0
x_of(k) = slot(strcol(1)) + bar_offset(k, n)

set datafile separator comma
plot for [j = 1:5] for [k = 1:n] results skip 1 using \
        (mine(k) && valid(12) ? x_of(k) : NaN):((bottom(j) + bottom(j + 1)) / 2):\
        (bar_width(n) / 2):((bottom(j + 1) - bottom(j)) / 2) \
        with boxxyerror lc rgb part_colour(j) title (k == 1 ? word(names, j) : ""), \
     for [k = 1:n] results skip 1 using \
        (mine(k) && !valid(12) ? x_of(k) : NaN):(pct($11) / 2):(bar_width(n) / 2):(pct($11) / 2) \
        with boxxyerror lc rgb part_colour(1) notitle, \
     for [k = 1:n] results skip 1 using \
        (mine(k) && !valid(12) ? x_of(k) : NaN):((pct($11) + 100 - pct($15)) / 2):\
        (bar_width(n) / 2):((100 - pct($15) - pct($11)) / 2) \
        with boxxyerror lc rgb "#BBBBBB" title (k == 1 ? "undivided (no mm_walk_heap)" : ""), \
     for [k = 1:n] results skip 1 using \
        (mine(k) && !valid(12) ? x_of(k) : NaN):(100 - pct($15) / 2):(bar_width(n) / 2):(pct($15) / 2) \
        with boxxyerror lc rgb part_colour(5) notitle, \
     for [k = 1:n] results skip 1 using \
        (strcol(2) eq word(mm_policies, k) && has_trace(strcol(1)) ? x_of(k) : NaN):(101):\
        (word(mm_policies, k)[1:1]) with labels font ",8" notitle, \
     for [k = 1:n] results skip 1 using \
        (strcol(2) eq word(mm_policies, k) && has_trace(strcol(1)) && $3 != 1 ? x_of(k) : NaN):(2):("failed") \
        with labels rotate by 90 left tc rgb "#D00000" notitle

# bars.gp - the layout of the per-trace bar charts (util.gp, throughput.gp):
# one cluster of bars per trace, one bar per policy. Loaded after common.gp.

# slot(t): the x of trace t's cluster, its 0-based position in the list.
slot(t) = words(traces[1:strstrt(traces, " " . t . " ")])
has_trace(t) = strstrt(traces, " " . t . " ") > 0

# The bars of a cluster of n fill 80% of the slot; bar k (1-based) is
# offset from the slot's centre by bar_offset(k, n).
bar_width(n) = 0.8 / n
bar_offset(k, n) = (k - (n + 1) / 2.0) * bar_width(n)

# One x tic per trace, named without ".rep", at the cluster's centre;
# slanted, so that a dozen long names still fit side by side.
set xtics () scale 0 rotate by 30 right
do for [i = 1:words(traces)] {
    set xtics add (stem(word(traces, i)) i - 1)
}
set xrange [-0.6:words(traces) - 0.4]
set style fill solid 0.9 border lc rgb "white"

# throughput.gp - throughput per trace, one bar per placement policy and
# one for the C library's malloc, measured in the same run.
#
#   gnuplot -e "data='build/plots-data'; out='throughput.png'" plots/throughput.gp
#
# The scale is logarithmic: the policies differ by factors, not by
# percents, and libc is often a hundred times faster than a free-list walk.

# common.gp is next to this script, wherever gnuplot is run from.
s = ARG0; here = ""
while (strstrt(s, "/")) { here = here . s[:strstrt(s, "/")]; s = s[strstrt(s, "/") + 1:] }
load here . "common.gp"
load here . "bars.gp"

n = words(policies)
set title "Throughput per trace and allocator\n(thousands of operations per second, fastest timed replay; higher is better)"
set ylabel "throughput (Kops, log scale)"
set xlabel sprintf("trace (fewer than %d operations left out)", minops)
set logscale y
set format y "%.0f"
set key top center horizontal Left reverse samplen 2 width 1

# The legend gives each policy's total: all operations over all seconds.
key_title(p) = total(total_kops, p) eq "-" ? p : \
    sprintf("%s (total %.0f Kops)", p, total(total_kops, p) + 0)

set datafile separator comma
# Failed rows have no Kops (an empty field): they draw no bar.
plot for [k = 1:n] results skip 1 using \
        (strcol(2) eq word(policies, k) && has_trace(strcol(1)) \
            ? slot(strcol(1)) + bar_offset(k, n) : NaN):7:(bar_width(n)) \
        with boxes lt policy_lt(word(policies, k)) title key_title(word(policies, k))

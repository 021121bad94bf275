# common.gp - what the plots share: their parameters, the PNG terminal, one
# colour per policy, and the list of traces and policies in results.csv.
# Each script in plots/ loads it first; it draws nothing itself.
#
# Parameters, given with gnuplot -e "data='DIR'; out='FILE.png'" (the
# scripts that draw one trace also read trace='NAME' and policy='NAME'):
#   data     the folder that ./mdriver -T DIR wrote
#   out      the PNG file to write
#   minops   traces with fewer operations are left out of the per-trace
#            charts (default 100: the hand-written debugging traces, which
#            are not scored and only show the smallest heap); 0 keeps all

if (!exists("data") || !exists("out")) {
    print sprintf("usage: gnuplot -e \"data='DIR'; out='FILE.png'\" %s", ARG0)
    exit status 2
}
if (!exists("minops")) minops = 100

# pngcairo draws antialiased lines and text; the libgd png terminal is the
# fallback where gnuplot was built without cairo.
if (strstrt(GPVAL_TERMINALS, " pngcairo ")) {
    set terminal pngcairo size 1000,700 font "Sans,11" noenhanced
} else {
    set terminal png size 1000,700 noenhanced
}
set output out

# One colour per policy in every plot, from the Okabe-Ito palette, which
# stays distinguishable with the common kinds of colour blindness.
set linetype 1 lc rgb "#0072B2" lw 2 pt 7 ps 1.6   # first
set linetype 2 lc rgb "#E69F00" lw 2 pt 5 ps 1.6   # next
set linetype 3 lc rgb "#009E73" lw 2 pt 9 ps 1.8   # best
set linetype 4 lc rgb "#7F7F7F" lw 2 pt 13 ps 1.8  # libc
set linetype 5 lc rgb "#CC79A7" lw 2 pt 11 ps 1.8  # any other label
policy_lt(p) = p eq "first" ? 1 : p eq "next" ? 2 : p eq "best" ? 3 : p eq "libc" ? 4 : 5

set grid ytics lt 1 lc rgb "#E4E4E4" lw 1 dt solid
set border 3
set tics nomirror
set title font ",13"

# results.csv: trace,policy,valid,util,ops,secs,kops,spread,reps,heap,peak,internal,external,structure,growth,message.
# Gather its traces (those with at least minops operations) and policies,
# in the order they appear, as space-separated word lists with a space at
# each end, so that " NAME " finds a whole word.
results = data . "/results.csv"
totals = data . "/totals.csv"
set datafile separator comma
add_word(list, w) = strstrt(list, " " . w . " ") ? list : list . w . " "
traces = " "
policies = " "
stats results skip 1 using \
    (policies = add_word(policies, strcol(2)), \
     traces = $5 >= minops ? add_word(traces, strcol(1)) : traces, 0) nooutput

# totals.csv: policy,util,kops,index, one row per policy; util and index
# are empty for libc ("-" here). total(field, p) looks up a policy's figure
# in these word lists, aligned with total_names.
total_names = " "
total_util = ""
total_kops = ""
total_index = ""
# (valid(), not strcol(): gnuplot repeats the previous row's value for a
# missing last column.)
field(c) = valid(c) ? sprintf("%g", column(c)) : "-"
stats totals skip 1 using \
    (total_names = total_names . strcol(1) . " ", \
     total_util = total_util . field(2) . " ", \
     total_kops = total_kops . field(3) . " ", \
     total_index = total_index . field(4) . " ", 0) nooutput
total(list, p) = strstrt(total_names, " " . p . " ") ? \
    word(list, words(total_names[1:strstrt(total_names, " " . p . " ")]) + 1) : "-"
set datafile separator whitespace

# Policies of the reference allocator: all but libc.
mm_policies = " "
do for [i = 1:words(policies)] {
    if (word(policies, i) ne "libc") { mm_policies = mm_policies . word(policies, i) . " " }
}

# "uniform.rep" -> "uniform"
stem(t) = t[strlen(t) - 3:] eq ".rep" ? t[1:strlen(t) - 4] : t

# class.gp - a class graded on a curve, in one picture (tools/grade draws it):
# on the left each submission as a point, utilization against throughput,
# over the curve's score as a colour map with a contour every 10 points; on
# the right a histogram of the scores. An instructor sees where the class
# falls on the curve, and what moving it would do, before publishing grades.
#
#   gnuplot -e "grid='G'; points='P'; out='class.png'; title='T'; libc=K; kmax=K; count=N" class.gp
#
#   grid     tools/curve -g's output: "util kops score" lines, a blank line
#            between rows
#   points   "name util kops score" lines, one per submission
#   libc     the libc reference the grid was made against (Kops; 0: none)
#   kmax     the throughput axis's end (Kops)
#   count    how many submissions (the histogram is empty without any)

if (!exists("grid") || !exists("points") || !exists("out")) {
    print "usage: gnuplot -e \"grid='G'; points='P'; out='class.png'; title='T'; libc=K; kmax=K; count=N\" class.gp"
    exit status 2
}
if (!exists("title")) title = "the curve"
if (!exists("libc")) libc = 0
if (!exists("count")) count = 0

if (strstrt(GPVAL_TERMINALS, " pngcairo ")) {
    set terminal pngcairo size 1400,650 font "Sans,11" noenhanced
} else {
    set terminal png size 1400,650 noenhanced
}

# The histogram's end: 100 points, or the best score if a curve gives more.
# (stats obeys the ranges, so it comes before they are set.)
top = 100
if (count > 0) {
    stats points using 4 nooutput
    if (STATS_max > top) { top = STATS_max }
}

# The contour lines, into a table first; then drawn as plain lines.
contours = out . ".contours.tmp"
set table contours
set contour base
set cntrparam levels incremental 10, 10, 100
unset surface
set view map
splot grid using 2:1:3 with lines notitle
unset table
unset contour
set surface

set output out
set multiplot layout 1, 2 title sprintf("%s: %d submission%s", title, count, count == 1 ? "" : "s") font ",14"

# ---- Left: the class on the curve ----------------------------------------------
set title "Each submission on the curve (colour: score; lines every 10 points)"
set xlabel sprintf("throughput (Kops)%s", libc > 0 ? sprintf("; libc measured %.0f", libc) : "")
set ylabel "mean utilization (%)"
set xrange [0:kmax]
set yrange [0:100]
set cbrange [0:*]
set cblabel "score"
set palette defined (0 "#F7F7F7", 1 "#C6DBEF", 2 "#6BAED6", 3 "#2171B5")
set border 3
set tics nomirror out
set key bottom right opaque box
if (libc > 0) {
    set arrow 1 from libc, graph 0 to libc, graph 1 nohead front dt 2 lw 2 lc rgb "#D55E00"
}
plot grid using 2:($1 * 100):3 with image notitle, \
     contours using 1:($2 * 100) with lines lc rgb "#08306B" lw 1 notitle, \
     points using 3:($2 * 100) with points pt 7 ps 1.4 lc rgb "#D55E00" title "a submission"
unset arrow 1

# ---- Right: the scores -------------------------------------------------------------
set title "Scores"
set xlabel "score (bins of 5 points)"
set ylabel "submissions"
set xrange [-2.5:top + 2.5]
set yrange [0:*]
set style fill solid 0.8 border lc rgb "#FFFFFF"
set boxwidth 5
unset colorbox
unset key
if (count <= 12) { set ytics 1 }
bin(x) = 5 * floor(x / 5 + 0.5)
if (count > 0) {
    plot points using (bin($4)):(1) smooth frequency with boxes lc rgb "#0072B2" notitle
} else {
    set label 1 "no submission has a score" at graph 0.5, graph 0.5 center
    set yrange [0:1]
    plot -1 notitle
}
unset multiplot
system("rm -f '" . contours . "'")

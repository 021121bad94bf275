#!/bin/sh
# eras.sh - an original handout's own driver and this lab, side by side, on
# the same mm.c and the same trace files: per trace, each one's validity and
# utilization, and whether they agree within the old driver's printed
# rounding. Run by hand (it is not part of make test):
#
#   bench/eras.sh [-t TRACE-DIR] [-m 'MAKE-ARGS'] ERA MM.C
#
#   ERA        a folder of ../shared/reference-handouts (csapp, 15213-2016-pku, ...)
#   MM.C       an allocator written for that era's interface
#   -t DIR     the traces (*.rep) to run; by default the era's own kind:
#              ../shared/reference-traces/cmu-classic for the CS:APP and
#              Seoul handouts, cmu-15213 for the others
#   -m ARGS    how to build this lab for the comparison (make ARGS); by
#              default what the era's driver enforced and this lab does not
#              find by itself yet: -m32 (BITS=32) and 8-byte alignment for
#              the CS:APP and Seoul handouts, 8-byte alignment for 15-213
#              before 2019
#
# Everything is built in a scratch folder outside the project (mktemp -d),
# removed at the end: the era's handout with MM.C as its mm.c, built by its
# own Makefile, and a copy of this lab with MM.C as its mm.c. Nothing of the
# handouts enters the project. Without ../shared (a fresh clone), it says so
# and exits 0.

usage() {
    echo "usage: bench/eras.sh [-t TRACE-DIR] [-m 'MAKE-ARGS'] ERA MM.C" >&2
    exit 2
}

die() {
    echo "eras.sh: $*" >&2
    exit 1
}

lab=$(cd "$(dirname "$0")/.." && pwd) || exit 2
shared=${SHARED:-$lab/../shared}
handouts=$shared/reference-handouts
reftraces=$shared/reference-traces

tracedir=
makeargs=
makeargs_given=no
while getopts t:m:h opt; do
    case "$opt" in
        t) tracedir=$OPTARG ;;
        m) makeargs=$OPTARG; makeargs_given=yes ;;
        *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || usage
era=$1
mm=$2

if [ ! -d "$handouts" ]; then
    echo "eras.sh: skipped: no reference handouts at $handouts (they are not part of the project)"
    exit 0
fi
[ -d "$handouts/$era" ] && [ -f "$handouts/$era/mdriver.c" ] ||
    die "no handout '$era' in $handouts (there are: $(cd "$handouts" && ls -d -- */ | tr -d / | tr '\n' ' '))"
[ -r "$mm" ] || die "cannot read '$mm'"
mm=$(cd "$(dirname "$mm")" && pwd)/$(basename "$mm")

# What each era's driver expects that this lab's build is told by hand:
# its trace kind, and the make arguments matching its word size and
# alignment. Their drivers read -f relative to the current folder, and the
# CS:APP ones refuse an empty team name unless given -a.
case "$era" in
    csapp | csapp-noteam-kr2018 | snu-2015)
        kind=cmu-classic; lab_args="BITS=32 CFLAGS_EXTRA=-DALIGNMENT=8"; their_flags="-a -V" ;;
    15213-2013 | 15213-2014 | 15213-2016-pku)
        kind=cmu-15213; lab_args="CFLAGS_EXTRA=-DALIGNMENT=8"; their_flags="-V" ;;
    *)
        kind=cmu-15213; lab_args=""; their_flags="-V" ;;
esac
[ -n "$tracedir" ] || tracedir=$reftraces/$kind
[ "$makeargs_given" = yes ] || makeargs=$lab_args
[ -d "$tracedir" ] || die "no trace folder '$tracedir'"
tracedir=$(cd "$tracedir" && pwd)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/eras.XXXXXX") || die "cannot make a scratch folder"
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT TERM

limit=
command -v timeout >/dev/null 2>&1 && limit="timeout -k 5 600"

# ---- Building both ------------------------------------------------------------

cp -R "$handouts/$era" "$scratch/era" && cp "$mm" "$scratch/era/mm.c" ||
    die "cannot copy the handout to $scratch"
if ! (cd "$scratch/era" && MAKEFLAGS= $limit make mdriver) >"$scratch/era.log" 2>&1; then
    tail -n 15 "$scratch/era.log" >&2
    die "$era's own driver does not build with $(basename "$mm") (its messages above)"
fi

mkdir "$scratch/lab" &&
    tar -C "$lab" --exclude=./build --exclude=./.git -cf - . | tar -C "$scratch/lab" -xf - &&
    cp "$mm" "$scratch/lab/mm.c" || die "cannot copy the lab to $scratch"
# shellcheck disable=SC2086 # the make arguments are words
if ! (cd "$scratch/lab" && MAKEFLAGS= $limit make $makeargs mdriver) >"$scratch/lab.log" 2>&1; then
    tail -n 15 "$scratch/lab.log" >&2
    die "this lab does not build $(basename "$mm") with 'make $makeargs' (its messages above)"
fi

# ---- Running both on each trace ---------------------------------------------------

# their_row FILE: "VALID UTIL" from an old driver's table (util in whole
# percent, or "-"); "n/a -" when it printed no row (it could not read the
# trace, say).
their_row() {
    awk '
        $1 == "Total" { next }
        { for (i = 1; i < NF; i++) {
              if ($i == "yes" && $(i + 1) ~ /^[0-9.]+%$/) { sub(/%/, "", $(i + 1)); print "yes", $(i + 1); found = 1; exit }
              if ($i == "no" && ($1 ~ /^[0-9*up]$/ || i > 1)) { print "no -"; found = 1; exit }
          } }
        END { if (!found) print "n/a -" }' "$1"
}

# lab_row FILE NAME: "VALID UTIL" from this lab's -v table.
lab_row() {
    awk -v name="$2" '$1 == name { u = $3; sub(/%/, "", u); print $2, ($2 == "yes" ? u : "-"); found = 1; exit }
        END { if (!found) print "no -" }' "$1"
}

echo "$era's driver (built by its Makefile) and this lab (make $makeargs), on $(basename "$mm")"
echo "traces: $tracedir"
printf '%-26s %12s %12s  %s\n' "trace" "$era" "lab" "agree"
n=0
agreed=0
unread=0
for trace in "$tracedir"/*.rep; do
    [ -f "$trace" ] || continue
    name=$(basename "$trace")
    n=$((n + 1))
    # shellcheck disable=SC2086
    (cd "$tracedir" && $limit "$scratch/era/mdriver" $their_flags -f "$name") \
        >"$scratch/their.out" 2>&1 </dev/null
    (cd "$scratch/lab" && $limit ./mdriver -v -f "$trace") >"$scratch/lab.out" 2>&1 </dev/null
    # shellcheck disable=SC2046 # two words from each
    set -- $(their_row "$scratch/their.out") $(lab_row "$scratch/lab.out" "$name")
    their_valid=$1 their_util=$2 lab_valid=$3 lab_util=$4
    verdict=no
    if [ "$their_valid" = n/a ]; then
        verdict="n/a: $(grep -v '^[[:space:]]*$' "$scratch/their.out" | tail -n 1)"
        unread=$((unread + 1))
    elif [ "$their_valid" = "$lab_valid" ]; then
        if [ "$their_valid" = no ] ||
            awk -v a="$their_util" -v b="$lab_util" 'BEGIN {
                tol = index(a, ".") ? 0.1 : 0.55     # whole percent, or tenths
                d = a - b; exit !(d <= tol && d >= -tol) }'
        then
            verdict=yes
            agreed=$((agreed + 1))
        fi
    fi
    [ "$their_util" = - ] || their_util=$their_util%
    [ "$lab_util" = - ] || lab_util=$lab_util%
    printf '%-26s %4s %7s %4s %7s  %s\n' "$name" "$their_valid" "$their_util" \
        "$lab_valid" "$lab_util" "$verdict"
    if [ "$verdict" = no ]; then
        grep -m 2 -E 'ERROR|FAIL' "$scratch/their.out" "$scratch/lab.out" | sed 's|^[^:]*/||; s/^/    /'
    fi
done
echo "$n traces: $agreed agree, $((n - agreed - unread)) differ, $unread not read by $era's driver" \
    "(agree: the same validity, and utilization within the old driver's rounding)"

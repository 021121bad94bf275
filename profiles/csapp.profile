# csapp.profile - the classic CS:APP malloc lab (the 2002 self-study
# handout's config.h and mdriver.c): 60% utilization, 40% throughput
# against a fixed average libc throughput of 600 Kops (AVG_LIBC_THRUPUT,
# 600E3 operations per second), and an index of 0 as soon as any trace has
# an error. Today's machines pass 600 Kops easily, so the throughput term
# is nearly always full: the curve then grades utilization alone.

name    CS:APP classic (2002 handout)
source  CS:APP malloc lab handout, config.h (UTIL_WEIGHT .60, AVG_LIBC_THRUPUT 600E3) and mdriver.c

util    60 ratio
tput    40 ratio kops 600
cutoff  correct 1       # any failed trace: 0

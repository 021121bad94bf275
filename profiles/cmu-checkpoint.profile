# cmu-checkpoint.profile - CMU 15-213's checkpoint (Fall 2020 handout,
# config.h): an easier curve, mostly throughput, on fewer traces.
# Utilization scores from 55% to 58% (20% of the score); throughput from
# 10% to 80% of the reference (80%). CMU's reference is its own reference
# allocator timed on the grading machine; here it is libc in the same run.
# The checkpoint's traces: the synthetic ones, without realloc and the
# recorded programs. cmu-final.profile is the final hand-in.

name    CMU 15-213 checkpoint
source  CMU 15-213 Fall 2020 malloc lab handout, config.h (the *_CHECKPOINT settings)

util    20 band 0.55 0.58
tput    80 band 0.10 0.80 libc
traces  uniform.rep bimodal.rep coalesce-runs.rep phases.rep heavy-tail.rep

# cmu-final.profile - CMU 15-213's final hand-in (Fall 2020 handout,
# config.h): utilization scores from 55% to 74% (60% of the score),
# throughput from 50% to 90% of the reference (40%). CMU's reference is
# its own reference allocator; here it is libc in the same run. Every
# trace of config.h's list counts. cmu-checkpoint.profile is the
# checkpoint.

name    CMU 15-213 final
source  CMU 15-213 Fall 2020 malloc lab handout, config.h (MIN_SPACE, MAX_SPACE, *_SPEED_RATIO, UTIL_WEIGHT)

util    60 band 0.55 0.74
tput    40 band 0.50 0.90 libc

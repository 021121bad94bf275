# washu.profile - Washington University's curve: utilization graded in a
# band from 55% to 75%, throughput in a band from 10,500 to 18,500 Kops,
# and points for each trace that passes, so that an allocator with a bug
# still earns credit for what works. The bands are the course's; the
# weights (2 points a valid trace, 36 for utilization, 26 for throughput:
# 100 over this lab's 19 default traces) are this lab's choice.

name    WashU
source  Washington University malloc lab bands (util 0.55-0.75, throughput 10500-18500 Kops)

util    36 band 0.55 0.75
tput    26 band 10500 18500
correct 2 per-trace

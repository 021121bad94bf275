# pku.profile - Peking University's ICS malloc lab, as its public course
# page states the curve:
#
#   0.6 min(1, (U - 0.7) / 0.2) + 0.4 min(1, (T - 4000) / 10000)
#
# with T in Kops and a score of 0 below a cutoff. The formula turns
# negative below U = 0.70 or T = 4000 Kops; we read the cutoff as exactly
# those floors (the page names a cutoff without more detail). Kops are this
# machine's: the page's figures were set for its grading machine.

name    PKU ICS
source  Peking University ICS malloc lab course page (its stated curve)

util    60 band 0.70 0.90
tput    40 band 4000 14000
cutoff  util 0.70
cutoff  kops 4000

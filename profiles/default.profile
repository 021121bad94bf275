# default.profile - the lab's own curve: what mdriver grades with when no
# -C is given (config.h: UTIL_WEIGHT 60, REFERENCE_KOPS 0 and
# ICOUNT_REFERENCE_IPO 0, which mean "libc in the same run"). A test checks
# that this file and the built-in curve give the same scores.
#
#   index = 60% x util + 40% x min(1, Kops / libc's Kops)

name    malloclab default
source  this lab's config.h (UTIL_WEIGHT, REFERENCE_KOPS, ICOUNT_REFERENCE_IPO)

util    60 ratio
tput    40 ratio libc icount libc

/* mm.h as a submission for CMU 15-213 of 2014 saw it. Written for this lab. */
#include "../../15213-2013/include/mm-alloc.h"

extern int mm_init(void);

/* For debugging; the driver ignored its result (the handout's own macro
 * took nonzero as a failure, students returned either) and passed its
 * verbosity. */
extern int mm_checkheap(int verbose);

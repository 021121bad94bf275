/* mm.h as a submission for CMU 15-213 of 2013 saw it. Written for this lab. */
#include "mm-alloc.h"

extern int mm_init(void);

/* For debugging; the driver ignored what it did, and passed its
 * verbosity. */
extern void mm_checkheap(int verbose);

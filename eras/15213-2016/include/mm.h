/* mm.h as a submission for CMU 15-213 of 2015-16 (and PKU's ICS) saw it.
 * Written for this lab. */
#include "../../15213-2013/include/mm-alloc.h"

extern int mm_init(void);

/* For debugging, called as mm_checkheap(__LINE__). */
extern void mm_checkheap(int lineno);

/* mm.h as a submission for CMU 15-213 from 2017 on saw it. Written for
 * this lab. */
#include <stdbool.h>

#include "../../15213-2013/include/mm-alloc.h"

/* True on success. */
extern bool mm_init(void);

/* False when the heap is inconsistent; called as mm_checkheap(__LINE__). */
extern bool mm_checkheap(int lineno);

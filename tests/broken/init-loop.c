/*
 * init-loop.c - the second mm_init never returns. The checked replay calls
 * mm_init once and passes; the loop is reached only by a timed replay.
 */
#include "base.h"

static int inits;

int mm_init(void)
{
    if (++inits == 2) {
        volatile unsigned long steps = 0;   /* a loop the compiler must keep */
        for (;;)
            steps++;
    }
    return base_init();
}
void *mm_malloc(size_t size) { return base_malloc(size); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

/*
 * loop.c - the third mm_malloc never returns: an infinite loop, as when a
 * free list has a cycle in it.
 */
#include "base.h"

static int calls;

int mm_init(void) { calls = 0; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    if (++calls == 3) {
        volatile unsigned long steps = 0;   /* a loop the compiler must keep */
        for (;;)
            steps++;
    }
    return base_malloc(size);
}

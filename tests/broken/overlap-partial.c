/*
 * overlap-partial.c - the third mm_malloc takes its memory from mem_sbrk
 * as usual, but returns a block starting one ALIGNMENT unit into the
 * previous block's payload: the two overlap in part.
 */
#include "base.h"

static int calls;
static unsigned char *last;

int mm_init(void) { calls = 0; last = NULL; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    unsigned char *p = base_malloc(size);
    if (++calls == 3 && p != NULL && last != NULL)
        p = last + ALIGNMENT;
    last = p;
    return p;
}

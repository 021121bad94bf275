/*
 * overlap-same.c - the second mm_malloc returns the first block again,
 * although it is still live.
 */
#include "base.h"

static int calls;
static void *first;

int mm_init(void) { calls = 0; first = NULL; return base_init(); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

void *mm_malloc(size_t size)
{
    if (++calls == 2)
        return first;
    void *p = base_malloc(size);
    if (calls == 1)
        first = p;
    return p;
}

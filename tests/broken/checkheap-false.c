/*
 * checkheap-false.c - a correct allocator whose mm_checkheap reports a
 * broken heap on its third call: `mdriver -c` must fail the trace there,
 * and plain mdriver (which does not call it) must pass.
 */
#include <stdio.h>

#include "base.h"

static int calls;

int mm_init(void) { calls = 0; return base_init(); }
void *mm_malloc(size_t size) { return base_malloc(size); }
void mm_free(void *p) { base_free(p); }
void *mm_realloc(void *p, size_t size) { return base_realloc(p, size); }

bool mm_checkheap(int lineno)
{
    if (++calls < 3)
        return true;
    fprintf(stderr, "mm_checkheap: planted failure (called from line %d)\n", lineno);
    return false;
}
